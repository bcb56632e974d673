// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
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
    __global uint* status,
    const uint _len_4
) {
    const uint _lim_1 = _len_1 == 0u ? 0u : _len_1 - 1u;
    const uint _lim_2 = _len_2 == 0u ? 0u : _len_2 - 1u;
    const uint _lim_3 = _len_3 == 0u ? 0u : _len_3 - 1u;
    const uint _lim_4 = _len_4 == 0u ? 0u : _len_4 - 1u;
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
    local5_ = 0;
    const uint _e32 = _len_2;
    const uint _e34 = (_e32 * 4u);
    const int _e35 = as_int(_e34);
    local6_ = _e35;
    local7_ = 0;
    const uint _e40 = _len_3;
    const uint _e42 = (_e40 * 4u);
    const int _e43 = as_int(_e42);
    local8_ = _e43;
    const int _e46 = local0_;
    const uint _e48 = as_uint(3);
    const uint _e50 = (_e48 & 31u);
    const int _e51 = as_int(as_uint(_e46) << (_e50 & 31u));
    local9_ = _e51;
    const int _e54 = local3_;
    const int _e56 = local9_;
    const int _e57 = as_int(as_uint(_e54) + as_uint(_e56));
    const int _e59 = as_int(as_uint(_e57) + as_uint(0));
    const uint _e60 = as_uint(_e59);
    const uint _e62 = (_e60 & 3u);
    const bool _e64 = (_e62 != 0u);
    if (_e64) {
        status[0] = 5u;
        return;
    }
    const uint _e69 = (_e60 >> (2u & 31u));
    const uint _e71 = _len_1;
    const bool _e72 = (_e69 >= _e71);
    if (_e72) {
        status[0] = 4u;
        return;
    }
    const int _e78 = buffer0_[min((uint)(_e69), _lim_1)];
    local10_ = _e78;
    const int _e81 = local5_;
    const int _e83 = local9_;
    const int _e84 = as_int(as_uint(_e81) + as_uint(_e83));
    const int _e86 = as_int(as_uint(_e84) + as_uint(0));
    const uint _e87 = as_uint(_e86);
    const uint _e89 = (_e87 & 3u);
    const bool _e91 = (_e89 != 0u);
    if (_e91) {
        status[0] = 5u;
        return;
    }
    const uint _e96 = (_e87 >> (2u & 31u));
    const uint _e98 = _len_2;
    const bool _e99 = (_e96 >= _e98);
    if (_e99) {
        status[0] = 4u;
        return;
    }
    const int _e105 = buffer1_[min((uint)(_e96), _lim_2)];
    local11_ = _e105;
    const int _e108 = local7_;
    const int _e110 = local9_;
    const int _e111 = as_int(as_uint(_e108) + as_uint(_e110));
    const int _e113 = local10_;
    const int _e115 = local11_;
    const bool _e117 = (_e115 == 0);
    if (_e117) {
        status[0] = 2u;
        return;
    }
    const bool _e123 = (_e113 == (-2147483647 - 1));
    const bool _e124 = (_e115 == (-1));
    const bool _e125 = (_e123 && _e124);
    if (_e125) {
        status[0] = 3u;
        return;
    }
    const int _e129 = _div_int(_e113, _e115);
    const int _e131 = as_int(as_uint(_e111) + as_uint(0));
    const uint _e132 = as_uint(_e131);
    const uint _e134 = (_e132 & 3u);
    const bool _e136 = (_e134 != 0u);
    if (_e136) {
        status[0] = 5u;
        return;
    }
    const uint _e141 = (_e132 >> (2u & 31u));
    const uint _e143 = _len_3;
    const bool _e144 = (_e141 >= _e143);
    if (_e144) {
        status[0] = 4u;
        return;
    }
    buffer2_[min((uint)(_e141), _lim_3)] = _e129;
    const int _e151 = local7_;
    const int _e153 = local9_;
    const int _e154 = as_int(as_uint(_e151) + as_uint(_e153));
    const int _e156 = local10_;
    const int _e158 = local11_;
    const bool _e160 = (_e158 == 0);
    if (_e160) {
        status[0] = 2u;
        return;
    }
    const uint _e164 = as_uint(_e156);
    const uint _e165 = as_uint(_e158);
    const uint _e166 = _mod_uint(_e164, _e165);
    const int _e167 = as_int(_e166);
    const int _e169 = as_int(as_uint(_e154) + as_uint(4));
    const uint _e170 = as_uint(_e169);
    const uint _e172 = (_e170 & 3u);
    const bool _e174 = (_e172 != 0u);
    if (_e174) {
        status[0] = 5u;
        return;
    }
    const uint _e179 = (_e170 >> (2u & 31u));
    const uint _e181 = _len_3;
    const bool _e182 = (_e179 >= _e181);
    if (_e182) {
        status[0] = 4u;
        return;
    }
    buffer2_[min((uint)(_e179), _lim_3)] = _e167;
}
