// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
    uint budget;
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
    volatile __global uint* status,
    const uint _len_2
) {
    const uint _lim_1 = _len_1 == 0u ? 0u : _len_1 - 1u;
    const uint _lim_2 = _len_2 == 0u ? 0u : _len_2 - 1u;
    const uint3 global_id = (uint3)((uint)get_global_id(0), (uint)get_global_id(1), (uint)get_global_id(2));
    const uint3 num_workgroups = (uint3)((uint)get_num_groups(0), (uint)get_num_groups(1), (uint)get_num_groups(2));
    uint branch_counter = 0u;
    uint loop_budget = 0u;
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
    const uint _e17 = status[0];
    const bool _e19 = (_e17 != 0u);
    if (_e19) {
        return;
    }
    const int _e20 = as_int(_e8);
    local0_ = _e20;
    const int _e22 = as_int(_e11);
    local1_ = _e22;
    const int _e24 = as_int(_e13);
    local2_ = _e24;
    const uint _e28 = params.budget;
    loop_budget = _e28;
    local3_ = 0;
    const uint _e33 = _len_1;
    const uint _e35 = (_e33 * 4u);
    const int _e36 = as_int(_e35);
    local4_ = _e36;
    const int _e39 = local3_;
    const int _e41 = local0_;
    const uint _e43 = as_uint(2);
    const uint _e45 = (_e43 & 31u);
    const int _e46 = as_int(as_uint(_e41) << (_e45 & 31u));
    const int _e47 = as_int(as_uint(_e39) + as_uint(_e46));
    for (;;) {
        for (;;) {
            for (;;) {
                for (;;) {
                    for (;;) {
                        const int _e49 = local0_;
                        const bool _e52 = (4 == 0);
                        if (_e52) {
                            atomic_xchg(&status[0], 2u);
                            return;
                        }
                        const uint _e56 = as_uint(_e49);
                        const uint _e57 = as_uint(4);
                        const uint _e58 = _mod_uint(_e56, _e57);
                        const int _e59 = as_int(_e58);
                        const bool _e61 = (_e59 == 0);
                        if (_e61) {
                            break;
                        }
                        const bool _e63 = (_e59 == 1);
                        if (_e63) {
                            branch_counter = 1u;
                            break;
                        }
                        const bool _e67 = (_e59 == 2);
                        if (_e67) {
                            branch_counter = 2u;
                            break;
                        }
                        branch_counter = 3u;
                        break;
                        break;
                    }
                    const uint _e73 = branch_counter;
                    const bool _e75 = (_e73 != 0u);
                    const uint _e77 = (_e73 - 1u);
                    const bool _e78 = (_e77 == 0u);
                    if (_e75) {
                        branch_counter = _e77;
                        if (_e78) {
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
                const uint _e85 = branch_counter;
                const bool _e87 = (_e85 != 0u);
                const uint _e89 = (_e85 - 1u);
                const bool _e90 = (_e89 == 0u);
                if (_e87) {
                    branch_counter = _e89;
                    if (_e90) {
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
            const uint _e97 = branch_counter;
            const bool _e99 = (_e97 != 0u);
            const uint _e101 = (_e97 - 1u);
            const bool _e102 = (_e101 == 0u);
            if (_e99) {
                branch_counter = _e101;
                if (_e102) {
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
        const uint _e109 = branch_counter;
        const bool _e111 = (_e109 != 0u);
        const uint _e113 = (_e109 - 1u);
        const bool _e114 = (_e113 == 0u);
        if (_e111) {
            branch_counter = _e113;
            if (_e114) {
                break;
            } else {
                break;
            }
        }
        local_ = (-1);
        break;
    }
    const int _e119 = local_;
    const int _e121 = as_int(as_uint(_e47) + as_uint(0));
    const uint _e122 = as_uint(_e121);
    const uint _e124 = (_e122 & 3u);
    const bool _e126 = (_e124 != 0u);
    const uint _e128 = (_e122 >> (2u & 31u));
    const uint _e130 = _len_1;
    const bool _e131 = (_e128 >= _e130);
    const bool _e132 = (_e126 || _e131);
    const uint _e135 = (_e126 ? 5u : 4u);
    if (_e132) {
        atomic_xchg(&status[0], _e135);
        return;
    }
    buffer0_[min((uint)(_e128), _lim_1)] = _e119;
}
