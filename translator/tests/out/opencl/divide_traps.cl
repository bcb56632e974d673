// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
    uint budget;
} Params;

// WGSL's `/`: a for a zero divisor and for MIN / -1.
static inline int _div_int(int a, int b) {
    return (b == 0 || (a == INT_MIN && b == -1)) ? a : a / b;
}

// WGSL's `%`: 0u for a zero divisor.
static inline uint _mod_uint(uint a, uint b) {
    return (b == 0u) ? 0u : a % b;
}

__kernel __attribute__((reqd_work_group_size(64, 1, 1)))
void main_(
    const Params params,
    __global const int* buffer0_,
    const uint _len_1,
    __global const int* buffer1_,
    const uint _len_2,
    __global int* buffer2_,
    const uint _len_3,
    volatile __global uint* status,
    const uint _len_4
) {
    const uint _lim_1 = _len_1 == 0u ? 0u : _len_1 - 1u;
    const uint _lim_2 = _len_2 == 0u ? 0u : _len_2 - 1u;
    const uint _lim_3 = _len_3 == 0u ? 0u : _len_3 - 1u;
    const uint _lim_4 = _len_4 == 0u ? 0u : _len_4 - 1u;
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
    int local8_ = 0;
    int local9_ = 0;
    int local10_ = 0;
    int local11_ = 0;
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
    local9_ = _e31;
    const uint _e36 = params.zero;
    const int _e37 = as_int((uint)(_e36));
    const int _e38 = (0 | _e37);
    local10_ = _e38;
    const uint _e43 = params.zero;
    const int _e44 = as_int((uint)(_e43));
    const int _e45 = (0 | _e44);
    local11_ = _e45;
    const uint _e49 = params.budget;
    loop_budget = _e49;
    local3_ = 0;
    const uint _e54 = _len_1;
    const uint _e56 = (_e54 * 4u);
    const int _e57 = as_int(_e56);
    local4_ = _e57;
    local5_ = 0;
    const uint _e62 = _len_2;
    const uint _e64 = (_e62 * 4u);
    const int _e65 = as_int(_e64);
    local6_ = _e65;
    local7_ = 0;
    const uint _e70 = _len_3;
    const uint _e72 = (_e70 * 4u);
    const int _e73 = as_int(_e72);
    local8_ = _e73;
    const int _e76 = local0_;
    const uint _e78 = as_uint(3);
    const uint _e80 = (_e78 & 31u);
    const int _e81 = as_int(as_uint(_e76) << (_e80 & 31u));
    local9_ = _e81;
    const int _e84 = local3_;
    const int _e86 = local9_;
    const int _e87 = as_int(as_uint(_e84) + as_uint(_e86));
    const int _e89 = as_int(as_uint(_e87) + as_uint(0));
    const uint _e90 = as_uint(_e89);
    const uint _e92 = (_e90 & 3u);
    const bool _e94 = (_e92 != 0u);
    const uint _e96 = (_e90 >> (2u & 31u));
    const uint _e98 = _len_1;
    const bool _e99 = (_e96 >= _e98);
    const bool _e100 = (_e94 || _e99);
    const uint _e103 = (_e94 ? 5u : 4u);
    if (_e100) {
        atomic_xchg(&status[0], _e103);
        return;
    }
    const int _e108 = buffer0_[min((uint)(_e96), _lim_1)];
    local10_ = _e108;
    const int _e111 = local5_;
    const int _e113 = local9_;
    const int _e114 = as_int(as_uint(_e111) + as_uint(_e113));
    const int _e116 = as_int(as_uint(_e114) + as_uint(0));
    const uint _e117 = as_uint(_e116);
    const uint _e119 = (_e117 & 3u);
    const bool _e121 = (_e119 != 0u);
    const uint _e123 = (_e117 >> (2u & 31u));
    const uint _e125 = _len_2;
    const bool _e126 = (_e123 >= _e125);
    const bool _e127 = (_e121 || _e126);
    const uint _e130 = (_e121 ? 5u : 4u);
    if (_e127) {
        atomic_xchg(&status[0], _e130);
        return;
    }
    const int _e135 = buffer1_[min((uint)(_e123), _lim_2)];
    local11_ = _e135;
    const int _e138 = local7_;
    const int _e140 = local9_;
    const int _e141 = as_int(as_uint(_e138) + as_uint(_e140));
    const int _e143 = local10_;
    const int _e145 = local11_;
    const bool _e147 = (_e145 == 0);
    if (_e147) {
        atomic_xchg(&status[0], 2u);
        return;
    }
    const bool _e153 = (_e143 == (-2147483647 - 1));
    const bool _e154 = (_e145 == (-1));
    const bool _e155 = (_e153 && _e154);
    if (_e155) {
        atomic_xchg(&status[0], 3u);
        return;
    }
    const int _e159 = _div_int(_e143, _e145);
    const int _e161 = as_int(as_uint(_e141) + as_uint(0));
    const uint _e162 = as_uint(_e161);
    const uint _e164 = (_e162 & 3u);
    const bool _e166 = (_e164 != 0u);
    const uint _e168 = (_e162 >> (2u & 31u));
    const uint _e170 = _len_3;
    const bool _e171 = (_e168 >= _e170);
    const bool _e172 = (_e166 || _e171);
    const uint _e175 = (_e166 ? 5u : 4u);
    if (_e172) {
        atomic_xchg(&status[0], _e175);
        return;
    }
    buffer2_[min((uint)(_e168), _lim_3)] = _e159;
    const int _e181 = local7_;
    const int _e183 = local9_;
    const int _e184 = as_int(as_uint(_e181) + as_uint(_e183));
    const int _e186 = local10_;
    const int _e188 = local11_;
    const bool _e190 = (_e188 == 0);
    if (_e190) {
        atomic_xchg(&status[0], 2u);
        return;
    }
    const uint _e194 = as_uint(_e186);
    const uint _e195 = as_uint(_e188);
    const uint _e196 = _mod_uint(_e194, _e195);
    const int _e197 = as_int(_e196);
    const int _e199 = as_int(as_uint(_e184) + as_uint(4));
    const uint _e200 = as_uint(_e199);
    const uint _e202 = (_e200 & 3u);
    const bool _e204 = (_e202 != 0u);
    const uint _e206 = (_e200 >> (2u & 31u));
    const uint _e208 = _len_3;
    const bool _e209 = (_e206 >= _e208);
    const bool _e210 = (_e204 || _e209);
    const uint _e213 = (_e204 ? 5u : 4u);
    if (_e210) {
        atomic_xchg(&status[0], _e213);
        return;
    }
    buffer2_[min((uint)(_e206), _lim_3)] = _e197;
}
