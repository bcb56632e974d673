// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
    uint budget;
} Params;

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
    const uint _e29 = params.zero;
    const int _e30 = as_int((uint)(_e29));
    const int _e31 = (0 | _e30);
    local5_ = _e31;
    const uint _e36 = params.zero;
    const int _e37 = as_int((uint)(_e36));
    const int _e38 = (0 | _e37);
    local6_ = _e38;
    const uint _e42 = params.budget;
    loop_budget = _e42;
    local3_ = 0;
    const uint _e47 = _len_1;
    const uint _e49 = (_e47 * 4u);
    const int _e50 = as_int(_e49);
    local4_ = _e50;
    const int _e53 = local0_;
    const int _e55 = as_int(as_uint(_e53) + as_uint(1));
    local5_ = _e55;
    const int _e58 = local3_;
    const int _e60 = local0_;
    const uint _e62 = as_uint(2);
    const uint _e64 = (_e62 & 31u);
    const int _e65 = as_int(as_uint(_e60) << (_e64 & 31u));
    const int _e66 = as_int(as_uint(_e58) + as_uint(_e65));
    for (;;) {
        for (;;) {
            for (;;) {
                const uint _e68 = loop_budget;
                const bool _e70 = (_e68 == 0u);
                if (_e70) {
                    const uint _e73 = params.budget;
                    const bool _e75 = (_e73 != 4294967295u);
                    if (_e75) {
                        atomic_xchg(&status[0], 9u);
                        return;
                    }
                    loop_budget = 4294967295u;
                }
                const uint _e81 = loop_budget;
                const uint _e83 = (_e81 - 1u);
                loop_budget = _e83;
                const uint _e86 = (_e83 & 1023u);
                const bool _e88 = (_e86 == 0u);
                if (_e88) {
                    const uint _e91 = status[0];
                    const bool _e93 = (_e91 != 0u);
                    if (_e93) {
                        return;
                    }
                }
                const int _e95 = local6_;
                const int _e97 = local5_;
                const bool _e99 = (_e97 == 1);
                const int _e102 = (_e99 ? 1 : 0);
                const bool _e104 = (_e102 != 0);
                if (_e104) {
                    local_ = _e95;
                    branch_counter = 2u;
                    break;
                }
                const int _e109 = local6_;
                const uint _e111 = as_uint(_e109);
                const uint _e112 = as_uint(100);
                const bool _e113 = (_e111 >= _e112);
                const int _e116 = (_e113 ? 1 : 0);
                const bool _e118 = (_e116 != 0);
                if (_e118) {
                    branch_counter = 1u;
                    break;
                }
                const int _e122 = local5_;
                const int _e124 = (_e122 & 1);
                const bool _e126 = (_e124 != 0);
                for (;;) {
                    if (_e126) {
                        const int _e128 = local5_;
                        const int _e130 = as_int(as_uint(_e128) * as_uint(3));
                        const int _e132 = as_int(as_uint(_e130) + as_uint(1));
                        local_1 = _e132;
                    } else {
                        const int _e135 = local5_;
                        const uint _e137 = as_uint(1);
                        const uint _e139 = (_e137 & 31u);
                        const uint _e140 = as_uint(_e135);
                        const uint _e141 = (_e140 >> (_e139 & 31u));
                        const int _e142 = as_int(_e141);
                        local_1 = _e142;
                    }
                    break;
                }
                const int _e145 = local_1;
                local5_ = _e145;
                const int _e148 = local6_;
                const int _e150 = as_int(as_uint(_e148) + as_uint(1));
                local6_ = _e150;
                continue;
                break;
            }
            const uint _e153 = branch_counter;
            const bool _e155 = (_e153 != 0u);
            const uint _e157 = (_e153 - 1u);
            const bool _e158 = (_e157 == 0u);
            if (_e155) {
                branch_counter = _e157;
                if (_e158) {
                    break;
                } else {
                    break;
                }
            }
            break;
        }
        const uint _e161 = branch_counter;
        const bool _e163 = (_e161 != 0u);
        const uint _e165 = (_e161 - 1u);
        const bool _e166 = (_e165 == 0u);
        if (_e163) {
            branch_counter = _e165;
            if (_e166) {
                break;
            } else {
                break;
            }
        }
        local_ = (-1);
        break;
    }
    const int _e171 = local_;
    const int _e173 = as_int(as_uint(_e66) + as_uint(0));
    const uint _e174 = as_uint(_e173);
    const uint _e176 = (_e174 & 3u);
    const bool _e178 = (_e176 != 0u);
    if (_e178) {
        atomic_xchg(&status[0], 5u);
        return;
    }
    const uint _e183 = (_e174 >> (2u & 31u));
    const uint _e185 = _len_1;
    const bool _e186 = (_e183 >= _e185);
    if (_e186) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    buffer0_[min((uint)(_e183), _lim_1)] = _e171;
}
