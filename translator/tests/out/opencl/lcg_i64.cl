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
    local3_ = 0;
    const uint _e24 = _len_1;
    const uint _e26 = (_e24 * 8u);
    const int _e27 = as_int(_e26);
    local4_ = _e27;
    local5_ = 0;
    const uint _e32 = _len_2;
    const uint _e34 = (_e32 * 4u);
    const int _e35 = as_int(_e34);
    local6_ = _e35;
    const int _e38 = local0_;
    const uint _e39 = as_uint(_e38);
    const ulong _e40 = ((ulong)(_e39));
    const long _e41 = as_long(_e40);
    local7_ = _e41;
    for (;;) {
        const long _e44 = local7_;
        const long _e46 = as_long(as_ulong(_e44) * as_ulong(6364136223846793005L));
        const long _e48 = as_long(as_ulong(_e46) + as_ulong(1442695040888963407L));
        local7_ = _e48;
        const int _e51 = local8_;
        const int _e53 = as_int(as_uint(_e51) + as_uint(1));
        local8_ = _e53;
        const int _e56 = local8_;
        const uint _e58 = as_uint(_e56);
        const uint _e59 = as_uint(10);
        const bool _e60 = (_e58 < _e59);
        const int _e63 = (_e60 ? 1 : 0);
        const bool _e65 = (_e63 != 0);
        if (_e65) {
            continue;
        }
        break;
    }
    const int _e67 = local3_;
    const int _e69 = local0_;
    const uint _e71 = as_uint(3);
    const uint _e73 = (_e71 & 31u);
    const int _e74 = as_int(as_uint(_e69) << (_e73 & 31u));
    const int _e75 = as_int(as_uint(_e67) + as_uint(_e74));
    const long _e77 = local7_;
    const int _e79 = as_int(as_uint(_e75) + as_uint(0));
    const uint _e80 = as_uint(_e79);
    const uint _e82 = (_e80 & 7u);
    const bool _e84 = (_e82 != 0u);
    if (_e84) {
        status[0] = 5u;
        return;
    }
    const uint _e89 = (_e80 >> (3u & 31u));
    const uint _e91 = _len_1;
    const bool _e92 = (_e89 >= _e91);
    if (_e92) {
        status[0] = 4u;
        return;
    }
    buffer0_[min((uint)(_e89), _lim_1)] = _e77;
    const int _e99 = local5_;
    const int _e101 = local0_;
    const uint _e103 = as_uint(2);
    const uint _e105 = (_e103 & 31u);
    const int _e106 = as_int(as_uint(_e101) << (_e105 & 31u));
    const int _e107 = as_int(as_uint(_e99) + as_uint(_e106));
    const long _e109 = local7_;
    const uint _e111 = ((uint)(33L));
    const uint _e113 = (_e111 & 63u);
    const ulong _e114 = as_ulong(_e109);
    const ulong _e115 = (_e114 >> (_e113 & 63u));
    const long _e116 = as_long(_e115);
    const long _e118 = local7_;
    const bool _e121 = (1000L == 0L);
    if (_e121) {
        status[0] = 2u;
        return;
    }
    const bool _e127 = (_e118 == (-9223372036854775807L - 1L));
    const bool _e128 = (1000L == (-1L));
    const bool _e129 = (_e127 && _e128);
    const long _e131 = (_e129 ? 1L : 1000L);
    const long _e132 = _mod_long(_e118, _e131);
    const long _e133 = (_e116 ^ _e132);
    const int _e134 = as_int((uint)(_e133));
    const int _e136 = as_int(as_uint(_e107) + as_uint(0));
    const uint _e137 = as_uint(_e136);
    const uint _e139 = (_e137 & 3u);
    const bool _e141 = (_e139 != 0u);
    if (_e141) {
        status[0] = 5u;
        return;
    }
    const uint _e146 = (_e137 >> (2u & 31u));
    const uint _e148 = _len_2;
    const bool _e149 = (_e146 >= _e148);
    if (_e149) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e146), _lim_2)] = _e134;
}
