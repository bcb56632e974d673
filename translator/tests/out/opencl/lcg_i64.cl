// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
    uint budget;
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
    const long _e30 = as_long((ulong)(_e29));
    const long _e31 = (0L | _e30);
    local7_ = _e31;
    const uint _e36 = params.zero;
    const int _e37 = as_int((uint)(_e36));
    const int _e38 = (0 | _e37);
    local8_ = _e38;
    const uint _e42 = params.budget;
    loop_budget = _e42;
    local3_ = 0;
    const uint _e47 = _len_1;
    const uint _e49 = (_e47 * 8u);
    const int _e50 = as_int(_e49);
    local4_ = _e50;
    local5_ = 0;
    const uint _e55 = _len_2;
    const uint _e57 = (_e55 * 4u);
    const int _e58 = as_int(_e57);
    local6_ = _e58;
    const int _e61 = local0_;
    const uint _e62 = as_uint(_e61);
    const ulong _e63 = ((ulong)(_e62));
    const long _e64 = as_long(_e63);
    local7_ = _e64;
    for (;;) {
        const uint _e67 = loop_budget;
        const bool _e69 = (_e67 == 0u);
        if (_e69) {
            const uint _e72 = params.budget;
            const bool _e74 = (_e72 != 4294967295u);
            if (_e74) {
                atomic_xchg(&status[0], 9u);
                return;
            }
            loop_budget = 4294967295u;
        }
        const uint _e80 = loop_budget;
        const uint _e82 = (_e80 - 1u);
        loop_budget = _e82;
        const long _e85 = local7_;
        const uint _e89 = params.zero;
        const long _e90 = as_long((ulong)(_e89));
        const long _e91 = (6364136223846793005L | _e90);
        const long _e92 = as_long(as_ulong(_e85) * as_ulong(_e91));
        const uint _e96 = params.zero;
        const long _e97 = as_long((ulong)(_e96));
        const long _e98 = (1442695040888963407L | _e97);
        const long _e99 = as_long(as_ulong(_e92) + as_ulong(_e98));
        local7_ = _e99;
        const int _e102 = local8_;
        const int _e104 = as_int(as_uint(_e102) + as_uint(1));
        local8_ = _e104;
        const int _e107 = local8_;
        const uint _e109 = as_uint(_e107);
        const uint _e110 = as_uint(10);
        const bool _e111 = (_e109 < _e110);
        const int _e114 = (_e111 ? 1 : 0);
        const bool _e116 = (_e114 != 0);
        if (_e116) {
            continue;
        }
        break;
    }
    const int _e118 = local3_;
    const int _e120 = local0_;
    const uint _e122 = as_uint(3);
    const uint _e124 = (_e122 & 31u);
    const int _e125 = as_int(as_uint(_e120) << (_e124 & 31u));
    const int _e126 = as_int(as_uint(_e118) + as_uint(_e125));
    const long _e128 = local7_;
    const int _e130 = as_int(as_uint(_e126) + as_uint(0));
    const uint _e131 = as_uint(_e130);
    const uint _e133 = (_e131 & 7u);
    const bool _e135 = (_e133 != 0u);
    const uint _e137 = (_e131 >> (3u & 31u));
    const uint _e139 = _len_1;
    const bool _e140 = (_e137 >= _e139);
    const bool _e141 = (_e135 || _e140);
    const uint _e144 = (_e135 ? 5u : 4u);
    if (_e141) {
        atomic_xchg(&status[0], _e144);
        return;
    }
    buffer0_[min((uint)(_e137), _lim_1)] = _e128;
    const int _e150 = local5_;
    const int _e152 = local0_;
    const uint _e154 = as_uint(2);
    const uint _e156 = (_e154 & 31u);
    const int _e157 = as_int(as_uint(_e152) << (_e156 & 31u));
    const int _e158 = as_int(as_uint(_e150) + as_uint(_e157));
    const long _e160 = local7_;
    const uint _e164 = params.zero;
    const long _e165 = as_long((ulong)(_e164));
    const long _e166 = (33L | _e165);
    const uint _e167 = ((uint)(33L));
    const uint _e169 = (_e167 & 63u);
    const ulong _e170 = as_ulong(_e160);
    const ulong _e171 = (_e170 >> (_e169 & 63u));
    const long _e172 = as_long(_e171);
    const long _e174 = local7_;
    const uint _e178 = params.zero;
    const long _e179 = as_long((ulong)(_e178));
    const long _e180 = (1000L | _e179);
    const bool _e182 = (_e180 == 0L);
    if (_e182) {
        atomic_xchg(&status[0], 2u);
        return;
    }
    const bool _e188 = (_e174 == (-9223372036854775807L - 1L));
    const bool _e189 = (_e180 == (-1L));
    const bool _e190 = (_e188 && _e189);
    const long _e192 = (_e190 ? 1L : _e180);
    const long _e193 = _mod_long(_e174, _e192);
    const long _e194 = (_e172 ^ _e193);
    const int _e195 = as_int((uint)(_e194));
    const int _e197 = as_int(as_uint(_e158) + as_uint(0));
    const uint _e198 = as_uint(_e197);
    const uint _e200 = (_e198 & 3u);
    const bool _e202 = (_e200 != 0u);
    const uint _e204 = (_e198 >> (2u & 31u));
    const uint _e206 = _len_2;
    const bool _e207 = (_e204 >= _e206);
    const bool _e208 = (_e202 || _e207);
    const uint _e211 = (_e202 ? 5u : 4u);
    if (_e208) {
        atomic_xchg(&status[0], _e211);
        return;
    }
    buffer1_[min((uint)(_e204), _lim_2)] = _e195;
}
