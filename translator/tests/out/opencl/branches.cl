// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
} Params;

__kernel __attribute__((reqd_work_group_size(64, 1, 1)))
void main_(
    const Params params,
    __global int* buffer0_,
    const uint _len_1,
    __global uint* status,
    const uint _len_2
) {
    const uint _lim_1 = _len_1 == 0u ? 0u : _len_1 - 1u;
    const uint _lim_2 = _len_2 == 0u ? 0u : _len_2 - 1u;
    const uint3 global_id = (uint3)((uint)get_global_id(0), (uint)get_global_id(1), (uint)get_global_id(2));
    const uint3 num_workgroups = (uint3)((uint)get_num_groups(0), (uint)get_num_groups(1), (uint)get_num_groups(2));
    uint branch_counter = 0u;
    int local0_ = 0;
    int local1_ = 0;
    int local2_ = 0;
    int local3_ = 0;
    int local4_ = 0;
    int local5_ = 0;
    int local6_ = 0;
    int local_ = 0;
    int local_1 = 0;
    const uint _e2 = global_id.x;
    const uint _e3 = global_id.y;
    const uint _e4 = num_workgroups.x;
    const uint _e6 = (_e4 * 64u);
    const uint _e7 = (_e3 * _e6);
    const uint _e8 = (_e2 + _e7);
    const uint _e11 = params.num_iterations;
    const uint _e13 = params.block_size;
    const bool _e14 = (_e8 >= _e11);
    if (_e14) {
        return;
    }
    const int _e15 = as_int(_e8);
    local0_ = _e15;
    const int _e17 = as_int(_e11);
    local1_ = _e17;
    const int _e19 = as_int(_e13);
    local2_ = _e19;
    local3_ = 0;
    const uint _e24 = _len_1;
    const uint _e26 = (_e24 * 4u);
    const int _e27 = as_int(_e26);
    local4_ = _e27;
    const int _e30 = local0_;
    const int _e32 = as_int(as_uint(_e30) + as_uint(1));
    local5_ = _e32;
    const int _e35 = local3_;
    const int _e37 = local0_;
    const uint _e39 = as_uint(2);
    const uint _e41 = (_e39 & 31u);
    const int _e42 = as_int(as_uint(_e37) << (_e41 & 31u));
    const int _e43 = as_int(as_uint(_e35) + as_uint(_e42));
    for (;;) {
        for (;;) {
            for (;;) {
                const int _e45 = local6_;
                const int _e47 = local5_;
                const bool _e49 = (_e47 == 1);
                const int _e52 = (_e49 ? 1 : 0);
                const bool _e54 = (_e52 != 0);
                if (_e54) {
                    local_ = _e45;
                    branch_counter = 2u;
                    break;
                }
                const int _e59 = local6_;
                const uint _e61 = as_uint(_e59);
                const uint _e62 = as_uint(100);
                const bool _e63 = (_e61 >= _e62);
                const int _e66 = (_e63 ? 1 : 0);
                const bool _e68 = (_e66 != 0);
                if (_e68) {
                    branch_counter = 1u;
                    break;
                }
                const int _e72 = local5_;
                const int _e74 = (_e72 & 1);
                const bool _e76 = (_e74 != 0);
                for (;;) {
                    if (_e76) {
                        const int _e78 = local5_;
                        const int _e80 = as_int(as_uint(_e78) * as_uint(3));
                        const int _e82 = as_int(as_uint(_e80) + as_uint(1));
                        local_1 = _e82;
                    } else {
                        const int _e85 = local5_;
                        const uint _e87 = as_uint(1);
                        const uint _e89 = (_e87 & 31u);
                        const uint _e90 = as_uint(_e85);
                        const uint _e91 = (_e90 >> (_e89 & 31u));
                        const int _e92 = as_int(_e91);
                        local_1 = _e92;
                    }
                    break;
                }
                const int _e95 = local_1;
                local5_ = _e95;
                const int _e98 = local6_;
                const int _e100 = as_int(as_uint(_e98) + as_uint(1));
                local6_ = _e100;
                continue;
                break;
            }
            const uint _e103 = branch_counter;
            const bool _e105 = (_e103 != 0u);
            const uint _e107 = (_e103 - 1u);
            const bool _e108 = (_e107 == 0u);
            if (_e105) {
                branch_counter = _e107;
                if (_e108) {
                    break;
                } else {
                    break;
                }
            }
            break;
        }
        const uint _e111 = branch_counter;
        const bool _e113 = (_e111 != 0u);
        const uint _e115 = (_e111 - 1u);
        const bool _e116 = (_e115 == 0u);
        if (_e113) {
            branch_counter = _e115;
            if (_e116) {
                break;
            } else {
                break;
            }
        }
        local_ = (-1);
        break;
    }
    const int _e121 = local_;
    const int _e123 = as_int(as_uint(_e43) + as_uint(0));
    const uint _e124 = as_uint(_e123);
    const uint _e126 = (_e124 & 3u);
    const bool _e128 = (_e126 != 0u);
    if (_e128) {
        status[0] = 5u;
        return;
    }
    const uint _e133 = (_e124 >> (2u & 31u));
    const uint _e135 = _len_1;
    const bool _e136 = (_e133 >= _e135);
    if (_e136) {
        status[0] = 4u;
        return;
    }
    buffer0_[min((uint)(_e133), _lim_1)] = _e121;
}
