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
    const uint _e24 = params.zero;
    const int _e25 = as_int((uint)(_e24));
    const int _e26 = (0 | _e25);
    local5_ = _e26;
    const uint _e31 = params.zero;
    const int _e32 = as_int((uint)(_e31));
    const int _e33 = (0 | _e32);
    local6_ = _e33;
    local3_ = 0;
    const uint _e38 = _len_1;
    const uint _e40 = (_e38 * 4u);
    const int _e41 = as_int(_e40);
    local4_ = _e41;
    const int _e44 = local0_;
    const int _e46 = as_int(as_uint(_e44) + as_uint(1));
    local5_ = _e46;
    const int _e49 = local3_;
    const int _e51 = local0_;
    const uint _e53 = as_uint(2);
    const uint _e55 = (_e53 & 31u);
    const int _e56 = as_int(as_uint(_e51) << (_e55 & 31u));
    const int _e57 = as_int(as_uint(_e49) + as_uint(_e56));
    for (;;) {
        for (;;) {
            for (;;) {
                const int _e59 = local6_;
                const int _e61 = local5_;
                const bool _e63 = (_e61 == 1);
                const int _e66 = (_e63 ? 1 : 0);
                const bool _e68 = (_e66 != 0);
                if (_e68) {
                    local_ = _e59;
                    branch_counter = 2u;
                    break;
                }
                const int _e73 = local6_;
                const uint _e75 = as_uint(_e73);
                const uint _e76 = as_uint(100);
                const bool _e77 = (_e75 >= _e76);
                const int _e80 = (_e77 ? 1 : 0);
                const bool _e82 = (_e80 != 0);
                if (_e82) {
                    branch_counter = 1u;
                    break;
                }
                const int _e86 = local5_;
                const int _e88 = (_e86 & 1);
                const bool _e90 = (_e88 != 0);
                for (;;) {
                    if (_e90) {
                        const int _e92 = local5_;
                        const int _e94 = as_int(as_uint(_e92) * as_uint(3));
                        const int _e96 = as_int(as_uint(_e94) + as_uint(1));
                        local_1 = _e96;
                    } else {
                        const int _e99 = local5_;
                        const uint _e101 = as_uint(1);
                        const uint _e103 = (_e101 & 31u);
                        const uint _e104 = as_uint(_e99);
                        const uint _e105 = (_e104 >> (_e103 & 31u));
                        const int _e106 = as_int(_e105);
                        local_1 = _e106;
                    }
                    break;
                }
                const int _e109 = local_1;
                local5_ = _e109;
                const int _e112 = local6_;
                const int _e114 = as_int(as_uint(_e112) + as_uint(1));
                local6_ = _e114;
                continue;
                break;
            }
            const uint _e117 = branch_counter;
            const bool _e119 = (_e117 != 0u);
            const uint _e121 = (_e117 - 1u);
            const bool _e122 = (_e121 == 0u);
            if (_e119) {
                branch_counter = _e121;
                if (_e122) {
                    break;
                } else {
                    break;
                }
            }
            break;
        }
        const uint _e125 = branch_counter;
        const bool _e127 = (_e125 != 0u);
        const uint _e129 = (_e125 - 1u);
        const bool _e130 = (_e129 == 0u);
        if (_e127) {
            branch_counter = _e129;
            if (_e130) {
                break;
            } else {
                break;
            }
        }
        local_ = (-1);
        break;
    }
    const int _e135 = local_;
    const int _e137 = as_int(as_uint(_e57) + as_uint(0));
    const uint _e138 = as_uint(_e137);
    const uint _e140 = (_e138 & 3u);
    const bool _e142 = (_e140 != 0u);
    if (_e142) {
        status[0] = 5u;
        return;
    }
    const uint _e147 = (_e138 >> (2u & 31u));
    const uint _e149 = _len_1;
    const bool _e150 = (_e147 >= _e149);
    if (_e150) {
        status[0] = 4u;
        return;
    }
    buffer0_[min((uint)(_e147), _lim_1)] = _e135;
}
