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
        const long _e87 = as_long(as_ulong(_e85) * as_ulong(6364136223846793005L));
        const long _e89 = as_long(as_ulong(_e87) + as_ulong(1442695040888963407L));
        local7_ = _e89;
        const int _e92 = local8_;
        const int _e94 = as_int(as_uint(_e92) + as_uint(1));
        local8_ = _e94;
        const int _e97 = local8_;
        const uint _e99 = as_uint(_e97);
        const uint _e100 = as_uint(10);
        const bool _e101 = (_e99 < _e100);
        const int _e104 = (_e101 ? 1 : 0);
        const bool _e106 = (_e104 != 0);
        if (_e106) {
            continue;
        }
        break;
    }
    const int _e108 = local3_;
    const int _e110 = local0_;
    const uint _e112 = as_uint(3);
    const uint _e114 = (_e112 & 31u);
    const int _e115 = as_int(as_uint(_e110) << (_e114 & 31u));
    const int _e116 = as_int(as_uint(_e108) + as_uint(_e115));
    const long _e118 = local7_;
    const int _e120 = as_int(as_uint(_e116) + as_uint(0));
    const uint _e121 = as_uint(_e120);
    const uint _e123 = (_e121 & 7u);
    const bool _e125 = (_e123 != 0u);
    if (_e125) {
        atomic_xchg(&status[0], 5u);
        return;
    }
    const uint _e130 = (_e121 >> (3u & 31u));
    const uint _e132 = _len_1;
    const bool _e133 = (_e130 >= _e132);
    if (_e133) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    buffer0_[min((uint)(_e130), _lim_1)] = _e118;
    const int _e140 = local5_;
    const int _e142 = local0_;
    const uint _e144 = as_uint(2);
    const uint _e146 = (_e144 & 31u);
    const int _e147 = as_int(as_uint(_e142) << (_e146 & 31u));
    const int _e148 = as_int(as_uint(_e140) + as_uint(_e147));
    const long _e150 = local7_;
    const uint _e152 = ((uint)(33L));
    const uint _e154 = (_e152 & 63u);
    const ulong _e155 = as_ulong(_e150);
    const ulong _e156 = (_e155 >> (_e154 & 63u));
    const long _e157 = as_long(_e156);
    const long _e159 = local7_;
    const bool _e162 = (1000L == 0L);
    if (_e162) {
        atomic_xchg(&status[0], 2u);
        return;
    }
    const bool _e168 = (_e159 == (-9223372036854775807L - 1L));
    const bool _e169 = (1000L == (-1L));
    const bool _e170 = (_e168 && _e169);
    const long _e172 = (_e170 ? 1L : 1000L);
    const long _e173 = _mod_long(_e159, _e172);
    const long _e174 = (_e157 ^ _e173);
    const int _e175 = as_int((uint)(_e174));
    const int _e177 = as_int(as_uint(_e148) + as_uint(0));
    const uint _e178 = as_uint(_e177);
    const uint _e180 = (_e178 & 3u);
    const bool _e182 = (_e180 != 0u);
    if (_e182) {
        atomic_xchg(&status[0], 5u);
        return;
    }
    const uint _e187 = (_e178 >> (2u & 31u));
    const uint _e189 = _len_2;
    const bool _e190 = (_e187 >= _e189);
    if (_e190) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    buffer1_[min((uint)(_e187), _lim_2)] = _e175;
}
