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
                const int _e86 = local6_;
                const int _e88 = local5_;
                const bool _e90 = (_e88 == 1);
                const int _e93 = (_e90 ? 1 : 0);
                const bool _e95 = (_e93 != 0);
                if (_e95) {
                    local_ = _e86;
                    branch_counter = 2u;
                    break;
                }
                const int _e100 = local6_;
                const uint _e102 = as_uint(_e100);
                const uint _e103 = as_uint(100);
                const bool _e104 = (_e102 >= _e103);
                const int _e107 = (_e104 ? 1 : 0);
                const bool _e109 = (_e107 != 0);
                if (_e109) {
                    branch_counter = 1u;
                    break;
                }
                const int _e113 = local5_;
                const int _e115 = (_e113 & 1);
                const bool _e117 = (_e115 != 0);
                for (;;) {
                    if (_e117) {
                        const int _e119 = local5_;
                        const int _e121 = as_int(as_uint(_e119) * as_uint(3));
                        const int _e123 = as_int(as_uint(_e121) + as_uint(1));
                        local_1 = _e123;
                    } else {
                        const int _e126 = local5_;
                        const uint _e128 = as_uint(1);
                        const uint _e130 = (_e128 & 31u);
                        const uint _e131 = as_uint(_e126);
                        const uint _e132 = (_e131 >> (_e130 & 31u));
                        const int _e133 = as_int(_e132);
                        local_1 = _e133;
                    }
                    break;
                }
                const int _e136 = local_1;
                local5_ = _e136;
                const int _e139 = local6_;
                const int _e141 = as_int(as_uint(_e139) + as_uint(1));
                local6_ = _e141;
                continue;
                break;
            }
            const uint _e144 = branch_counter;
            const bool _e146 = (_e144 != 0u);
            const uint _e148 = (_e144 - 1u);
            const bool _e149 = (_e148 == 0u);
            if (_e146) {
                branch_counter = _e148;
                if (_e149) {
                    break;
                } else {
                    break;
                }
            }
            break;
        }
        const uint _e152 = branch_counter;
        const bool _e154 = (_e152 != 0u);
        const uint _e156 = (_e152 - 1u);
        const bool _e157 = (_e156 == 0u);
        if (_e154) {
            branch_counter = _e156;
            if (_e157) {
                break;
            } else {
                break;
            }
        }
        local_ = (-1);
        break;
    }
    const int _e162 = local_;
    const int _e164 = as_int(as_uint(_e66) + as_uint(0));
    const uint _e165 = as_uint(_e164);
    const uint _e167 = (_e165 & 3u);
    const bool _e169 = (_e167 != 0u);
    const uint _e171 = (_e165 >> (2u & 31u));
    const uint _e173 = _len_1;
    const bool _e174 = (_e171 >= _e173);
    const bool _e175 = (_e169 || _e174);
    const uint _e178 = (_e169 ? 5u : 4u);
    if (_e175) {
        atomic_xchg(&status[0], _e178);
        return;
    }
    buffer0_[min((uint)(_e171), _lim_1)] = _e162;
}
