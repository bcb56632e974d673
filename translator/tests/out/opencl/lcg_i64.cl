// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
} Params;

// WGSL's `%`: 0 for a zero divisor and for MIN / -1.
static inline long _mod_long(long a, long b) {
    return (b == 0 || (a == LONG_MIN && b == -1)) ? 0 : a % b;
}

__kernel __attribute__((reqd_work_group_size(64, 1, 1)))
void main_(
    const Params params,
    __global long* buffer0_,
    const uint _len_1,
    __global int* buffer1_,
    const uint _len_2,
    __global uint* status,
    const uint _len_3
) {
    const uint _lim_1 = _len_1 == 0u ? 0u : _len_1 - 1u;
    const uint _lim_2 = _len_2 == 0u ? 0u : _len_2 - 1u;
    const uint _lim_3 = _len_3 == 0u ? 0u : _len_3 - 1u;
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
    long local7_ = 0L;
    int local8_ = 0;
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
    const long _e25 = as_long((ulong)(_e24));
    const long _e26 = (0L | _e25);
    local7_ = _e26;
    const uint _e31 = params.zero;
    const int _e32 = as_int((uint)(_e31));
    const int _e33 = (0 | _e32);
    local8_ = _e33;
    local3_ = 0;
    const uint _e38 = _len_1;
    const uint _e40 = (_e38 * 8u);
    const int _e41 = as_int(_e40);
    local4_ = _e41;
    local5_ = 0;
    const uint _e46 = _len_2;
    const uint _e48 = (_e46 * 4u);
    const int _e49 = as_int(_e48);
    local6_ = _e49;
    const int _e52 = local0_;
    const uint _e53 = as_uint(_e52);
    const ulong _e54 = ((ulong)(_e53));
    const long _e55 = as_long(_e54);
    local7_ = _e55;
    for (;;) {
        const long _e58 = local7_;
        const long _e60 = as_long(as_ulong(_e58) * as_ulong(6364136223846793005L));
        const long _e62 = as_long(as_ulong(_e60) + as_ulong(1442695040888963407L));
        local7_ = _e62;
        const int _e65 = local8_;
        const int _e67 = as_int(as_uint(_e65) + as_uint(1));
        local8_ = _e67;
        const int _e70 = local8_;
        const uint _e72 = as_uint(_e70);
        const uint _e73 = as_uint(10);
        const bool _e74 = (_e72 < _e73);
        const int _e77 = (_e74 ? 1 : 0);
        const bool _e79 = (_e77 != 0);
        if (_e79) {
            continue;
        }
        break;
    }
    const int _e81 = local3_;
    const int _e83 = local0_;
    const uint _e85 = as_uint(3);
    const uint _e87 = (_e85 & 31u);
    const int _e88 = as_int(as_uint(_e83) << (_e87 & 31u));
    const int _e89 = as_int(as_uint(_e81) + as_uint(_e88));
    const long _e91 = local7_;
    const int _e93 = as_int(as_uint(_e89) + as_uint(0));
    const uint _e94 = as_uint(_e93);
    const uint _e96 = (_e94 & 7u);
    const bool _e98 = (_e96 != 0u);
    if (_e98) {
        status[0] = 5u;
        return;
    }
    const uint _e103 = (_e94 >> (3u & 31u));
    const uint _e105 = _len_1;
    const bool _e106 = (_e103 >= _e105);
    if (_e106) {
        status[0] = 4u;
        return;
    }
    buffer0_[min((uint)(_e103), _lim_1)] = _e91;
    const int _e113 = local5_;
    const int _e115 = local0_;
    const uint _e117 = as_uint(2);
    const uint _e119 = (_e117 & 31u);
    const int _e120 = as_int(as_uint(_e115) << (_e119 & 31u));
    const int _e121 = as_int(as_uint(_e113) + as_uint(_e120));
    const long _e123 = local7_;
    const uint _e125 = ((uint)(33L));
    const uint _e127 = (_e125 & 63u);
    const ulong _e128 = as_ulong(_e123);
    const ulong _e129 = (_e128 >> (_e127 & 63u));
    const long _e130 = as_long(_e129);
    const long _e132 = local7_;
    const bool _e135 = (1000L == 0L);
    if (_e135) {
        status[0] = 2u;
        return;
    }
    const bool _e141 = (_e132 == (-9223372036854775807L - 1L));
    const bool _e142 = (1000L == (-1L));
    const bool _e143 = (_e141 && _e142);
    const long _e145 = (_e143 ? 1L : 1000L);
    const long _e146 = _mod_long(_e132, _e145);
    const long _e147 = (_e130 ^ _e146);
    const int _e148 = as_int((uint)(_e147));
    const int _e150 = as_int(as_uint(_e121) + as_uint(0));
    const uint _e151 = as_uint(_e150);
    const uint _e153 = (_e151 & 3u);
    const bool _e155 = (_e153 != 0u);
    if (_e155) {
        status[0] = 5u;
        return;
    }
    const uint _e160 = (_e151 >> (2u & 31u));
    const uint _e162 = _len_2;
    const bool _e163 = (_e160 >= _e162);
    if (_e163) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e160), _lim_2)] = _e148;
}
