// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
} Params;

// WGSL's `%`: 0u for a zero divisor.
static inline uint _mod_uint(uint a, uint b) {
    return (b == 0u) ? 0u : a % b;
}

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
    int local_ = 0;
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
    const int _e30 = local3_;
    const int _e32 = local0_;
    const uint _e34 = as_uint(2);
    const uint _e36 = (_e34 & 31u);
    const int _e37 = as_int(as_uint(_e32) << (_e36 & 31u));
    const int _e38 = as_int(as_uint(_e30) + as_uint(_e37));
    for (;;) {
        for (;;) {
            for (;;) {
                for (;;) {
                    for (;;) {
                        const int _e40 = local0_;
                        const bool _e43 = (4 == 0);
                        if (_e43) {
                            status[0] = 2u;
                            return;
                        }
                        const uint _e47 = as_uint(_e40);
                        const uint _e48 = as_uint(4);
                        const uint _e49 = _mod_uint(_e47, _e48);
                        const int _e50 = as_int(_e49);
                        const bool _e52 = (_e50 == 0);
                        if (_e52) {
                            break;
                        }
                        const bool _e54 = (_e50 == 1);
                        if (_e54) {
                            branch_counter = 1u;
                            break;
                        }
                        const bool _e58 = (_e50 == 2);
                        if (_e58) {
                            branch_counter = 2u;
                            break;
                        }
                        branch_counter = 3u;
                        break;
                        break;
                    }
                    const uint _e64 = branch_counter;
                    const bool _e66 = (_e64 != 0u);
                    const uint _e68 = (_e64 - 1u);
                    const bool _e69 = (_e68 == 0u);
                    if (_e66) {
                        branch_counter = _e68;
                        if (_e69) {
                            break;
                        } else {
                            break;
                        }
                    }
                    local_ = 10;
                    branch_counter = 3u;
                    break;
                    break;
                }
                const uint _e76 = branch_counter;
                const bool _e78 = (_e76 != 0u);
                const uint _e80 = (_e76 - 1u);
                const bool _e81 = (_e80 == 0u);
                if (_e78) {
                    branch_counter = _e80;
                    if (_e81) {
                        break;
                    } else {
                        break;
                    }
                }
                local_ = 20;
                branch_counter = 2u;
                break;
                break;
            }
            const uint _e88 = branch_counter;
            const bool _e90 = (_e88 != 0u);
            const uint _e92 = (_e88 - 1u);
            const bool _e93 = (_e92 == 0u);
            if (_e90) {
                branch_counter = _e92;
                if (_e93) {
                    break;
                } else {
                    break;
                }
            }
            local_ = 30;
            branch_counter = 1u;
            break;
            break;
        }
        const uint _e100 = branch_counter;
        const bool _e102 = (_e100 != 0u);
        const uint _e104 = (_e100 - 1u);
        const bool _e105 = (_e104 == 0u);
        if (_e102) {
            branch_counter = _e104;
            if (_e105) {
                break;
            } else {
                break;
            }
        }
        local_ = (-1);
        break;
    }
    const int _e110 = local_;
    const int _e112 = as_int(as_uint(_e38) + as_uint(0));
    const uint _e113 = as_uint(_e112);
    const uint _e115 = (_e113 & 3u);
    const bool _e117 = (_e115 != 0u);
    if (_e117) {
        status[0] = 5u;
        return;
    }
    const uint _e122 = (_e113 >> (2u & 31u));
    const uint _e124 = _len_1;
    const bool _e125 = (_e122 >= _e124);
    if (_e125) {
        status[0] = 4u;
        return;
    }
    buffer0_[min((uint)(_e122), _lim_1)] = _e110;
}
