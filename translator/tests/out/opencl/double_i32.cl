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
    __global const int* buffer0_,
    const uint _len_1,
    __global int* buffer1_,
    const uint _len_2,
    volatile __global uint* status,
    const uint _len_3
) {
    const uint _lim_1 = _len_1 == 0u ? 0u : _len_1 - 1u;
    const uint _lim_2 = _len_2 == 0u ? 0u : _len_2 - 1u;
    const uint _lim_3 = _len_3 == 0u ? 0u : _len_3 - 1u;
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
    int local7_ = 0;
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
    local7_ = _e31;
    const uint _e35 = params.budget;
    loop_budget = _e35;
    local3_ = 0;
    const uint _e40 = _len_1;
    const uint _e42 = (_e40 * 4u);
    const int _e43 = as_int(_e42);
    local4_ = _e43;
    local5_ = 0;
    const uint _e48 = _len_2;
    const uint _e50 = (_e48 * 4u);
    const int _e51 = as_int(_e50);
    local6_ = _e51;
    const int _e54 = local0_;
    const uint _e56 = as_uint(2);
    const uint _e58 = (_e56 & 31u);
    const int _e59 = as_int(as_uint(_e54) << (_e58 & 31u));
    local7_ = _e59;
    const int _e62 = local7_;
    const int _e64 = local6_;
    const uint _e65 = as_uint(_e62);
    const uint _e66 = as_uint(_e64);
    const bool _e67 = (_e65 >= _e66);
    const int _e70 = (_e67 ? 1 : 0);
    const bool _e72 = (_e70 != 0);
    for (;;) {
        if (_e72) {
            return;
        }
        break;
    }
    const int _e74 = local5_;
    const int _e76 = local7_;
    const int _e77 = as_int(as_uint(_e74) + as_uint(_e76));
    const int _e79 = local3_;
    const int _e81 = local7_;
    const int _e82 = as_int(as_uint(_e79) + as_uint(_e81));
    const int _e84 = as_int(as_uint(_e82) + as_uint(0));
    const uint _e85 = as_uint(_e84);
    const uint _e87 = (_e85 & 3u);
    const bool _e89 = (_e87 != 0u);
    const uint _e91 = (_e85 >> (2u & 31u));
    const uint _e93 = _len_1;
    const bool _e94 = (_e91 >= _e93);
    const bool _e95 = (_e89 || _e94);
    const uint _e98 = (_e89 ? 5u : 4u);
    if (_e95) {
        atomic_xchg(&status[0], _e98);
        return;
    }
    const int _e103 = buffer0_[min((uint)(_e91), _lim_1)];
    const int _e105 = as_int(as_uint(_e103) * as_uint(2));
    const int _e107 = as_int(as_uint(_e77) + as_uint(0));
    const uint _e108 = as_uint(_e107);
    const uint _e110 = (_e108 & 3u);
    const bool _e112 = (_e110 != 0u);
    const uint _e114 = (_e108 >> (2u & 31u));
    const uint _e116 = _len_2;
    const bool _e117 = (_e114 >= _e116);
    const bool _e118 = (_e112 || _e117);
    const uint _e121 = (_e112 ? 5u : 4u);
    if (_e118) {
        atomic_xchg(&status[0], _e121);
        return;
    }
    buffer1_[min((uint)(_e114), _lim_2)] = _e105;
}
