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
    const uint _e24 = params.zero;
    const int _e25 = as_int((uint)(_e24));
    const int _e26 = (0 | _e25);
    local9_ = _e26;
    const uint _e31 = params.zero;
    const int _e32 = as_int((uint)(_e31));
    const int _e33 = (0 | _e32);
    local10_ = _e33;
    const uint _e38 = params.zero;
    const int _e39 = as_int((uint)(_e38));
    const int _e40 = (0 | _e39);
    local11_ = _e40;
    local3_ = 0;
    const uint _e45 = _len_1;
    const uint _e47 = (_e45 * 4u);
    const int _e48 = as_int(_e47);
    local4_ = _e48;
    local5_ = 0;
    const uint _e53 = _len_2;
    const uint _e55 = (_e53 * 4u);
    const int _e56 = as_int(_e55);
    local6_ = _e56;
    local7_ = 0;
    const uint _e61 = _len_3;
    const uint _e63 = (_e61 * 4u);
    const int _e64 = as_int(_e63);
    local8_ = _e64;
    const int _e67 = local0_;
    const uint _e69 = as_uint(3);
    const uint _e71 = (_e69 & 31u);
    const int _e72 = as_int(as_uint(_e67) << (_e71 & 31u));
    local9_ = _e72;
    const int _e75 = local3_;
    const int _e77 = local9_;
    const int _e78 = as_int(as_uint(_e75) + as_uint(_e77));
    const int _e80 = as_int(as_uint(_e78) + as_uint(0));
    const uint _e81 = as_uint(_e80);
    const uint _e83 = (_e81 & 3u);
    const bool _e85 = (_e83 != 0u);
    if (_e85) {
        status[0] = 5u;
        return;
    }
    const uint _e90 = (_e81 >> (2u & 31u));
    const uint _e92 = _len_1;
    const bool _e93 = (_e90 >= _e92);
    if (_e93) {
        status[0] = 4u;
        return;
    }
    const int _e99 = buffer0_[min((uint)(_e90), _lim_1)];
    local10_ = _e99;
    const int _e102 = local5_;
    const int _e104 = local9_;
    const int _e105 = as_int(as_uint(_e102) + as_uint(_e104));
    const int _e107 = as_int(as_uint(_e105) + as_uint(0));
    const uint _e108 = as_uint(_e107);
    const uint _e110 = (_e108 & 3u);
    const bool _e112 = (_e110 != 0u);
    if (_e112) {
        status[0] = 5u;
        return;
    }
    const uint _e117 = (_e108 >> (2u & 31u));
    const uint _e119 = _len_2;
    const bool _e120 = (_e117 >= _e119);
    if (_e120) {
        status[0] = 4u;
        return;
    }
    const int _e126 = buffer1_[min((uint)(_e117), _lim_2)];
    local11_ = _e126;
    const int _e129 = local7_;
    const int _e131 = local9_;
    const int _e132 = as_int(as_uint(_e129) + as_uint(_e131));
    const int _e134 = local10_;
    const int _e136 = local11_;
    const bool _e138 = (_e136 == 0);
    if (_e138) {
        status[0] = 2u;
        return;
    }
    const bool _e144 = (_e134 == (-2147483647 - 1));
    const bool _e145 = (_e136 == (-1));
    const bool _e146 = (_e144 && _e145);
    if (_e146) {
        status[0] = 3u;
        return;
    }
    const int _e150 = _div_int(_e134, _e136);
    const int _e152 = as_int(as_uint(_e132) + as_uint(0));
    const uint _e153 = as_uint(_e152);
    const uint _e155 = (_e153 & 3u);
    const bool _e157 = (_e155 != 0u);
    if (_e157) {
        status[0] = 5u;
        return;
    }
    const uint _e162 = (_e153 >> (2u & 31u));
    const uint _e164 = _len_3;
    const bool _e165 = (_e162 >= _e164);
    if (_e165) {
        status[0] = 4u;
        return;
    }
    buffer2_[min((uint)(_e162), _lim_3)] = _e150;
    const int _e172 = local7_;
    const int _e174 = local9_;
    const int _e175 = as_int(as_uint(_e172) + as_uint(_e174));
    const int _e177 = local10_;
    const int _e179 = local11_;
    const bool _e181 = (_e179 == 0);
    if (_e181) {
        status[0] = 2u;
        return;
    }
    const uint _e185 = as_uint(_e177);
    const uint _e186 = as_uint(_e179);
    const uint _e187 = _mod_uint(_e185, _e186);
    const int _e188 = as_int(_e187);
    const int _e190 = as_int(as_uint(_e175) + as_uint(4));
    const uint _e191 = as_uint(_e190);
    const uint _e193 = (_e191 & 3u);
    const bool _e195 = (_e193 != 0u);
    if (_e195) {
        status[0] = 5u;
        return;
    }
    const uint _e200 = (_e191 >> (2u & 31u));
    const uint _e202 = _len_3;
    const bool _e203 = (_e200 >= _e202);
    if (_e203) {
        status[0] = 4u;
        return;
    }
    buffer2_[min((uint)(_e200), _lim_3)] = _e188;
}
