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
    __global const float* buffer0_,
    const uint _len_1,
    __global float* buffer1_,
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
    int local8_ = 0;
    int local9_ = 0;
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
    const uint _e36 = params.zero;
    const int _e37 = as_int((uint)(_e36));
    const int _e38 = (0 | _e37);
    local8_ = _e38;
    const uint _e43 = params.zero;
    const int _e44 = as_int((uint)(_e43));
    const int _e45 = (0 | _e44);
    local9_ = _e45;
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
    const int _e68 = local3_;
    const int _e70 = local0_;
    const int _e72 = local2_;
    const int _e73 = as_int(as_uint(_e70) * as_uint(_e72));
    const uint _e75 = as_uint(2);
    const uint _e77 = (_e75 & 31u);
    const int _e78 = as_int(as_uint(_e73) << (_e77 & 31u));
    const int _e79 = as_int(as_uint(_e68) + as_uint(_e78));
    local7_ = _e79;
    const int _e82 = local5_;
    const int _e84 = local0_;
    const int _e86 = local2_;
    const int _e87 = as_int(as_uint(_e84) * as_uint(_e86));
    const uint _e89 = as_uint(2);
    const uint _e91 = (_e89 & 31u);
    const int _e92 = as_int(as_uint(_e87) << (_e91 & 31u));
    const int _e93 = as_int(as_uint(_e82) + as_uint(_e92));
    local8_ = _e93;
    const int _e96 = local8_;
    const int _e98 = local2_;
    const uint _e100 = as_uint(2);
    const uint _e102 = (_e100 & 31u);
    const int _e103 = as_int(as_uint(_e98) << (_e102 & 31u));
    const int _e104 = as_int(as_uint(_e96) + as_uint(_e103));
    local9_ = _e104;
    for (;;) {
        const int _e107 = local8_;
        const int _e109 = local9_;
        const uint _e110 = as_uint(_e107);
        const uint _e111 = as_uint(_e109);
        const bool _e112 = (_e110 >= _e111);
        const int _e115 = (_e112 ? 1 : 0);
        const bool _e117 = (_e115 != 0);
        if (_e117) {
            break;
        }
        for (;;) {
            const uint _e119 = loop_budget;
            const bool _e121 = (_e119 == 0u);
            if (_e121) {
                const uint _e124 = params.budget;
                const bool _e126 = (_e124 != 4294967295u);
                if (_e126) {
                    atomic_xchg(&status[0], 9u);
                    return;
                }
                loop_budget = 4294967295u;
            }
            const uint _e132 = loop_budget;
            const uint _e134 = (_e132 - 1u);
            loop_budget = _e134;
            const uint _e137 = (_e134 & 1023u);
            const bool _e139 = (_e137 == 0u);
            if (_e139) {
                const uint _e142 = status[0];
                const bool _e144 = (_e142 != 0u);
                if (_e144) {
                    return;
                }
            }
            const int _e146 = local8_;
            const uint _e150 = params.zero;
            const uint _e151 = (1075838976u | _e150);
            const float _e152 = as_float(_e151);
            const int _e154 = local7_;
            const int _e156 = as_int(as_uint(_e154) + as_uint(0));
            const uint _e157 = as_uint(_e156);
            const uint _e159 = (_e157 & 3u);
            const bool _e161 = (_e159 != 0u);
            if (_e161) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e166 = (_e157 >> (2u & 31u));
            const uint _e168 = _len_1;
            const bool _e169 = (_e166 >= _e168);
            if (_e169) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            const float _e175 = buffer0_[min((uint)(_e166), _lim_1)];
            const float _e176 = (_e152 * _e175);
            const int _e178 = local8_;
            const int _e180 = as_int(as_uint(_e178) + as_uint(0));
            const uint _e181 = as_uint(_e180);
            const uint _e183 = (_e181 & 3u);
            const bool _e185 = (_e183 != 0u);
            if (_e185) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e190 = (_e181 >> (2u & 31u));
            const uint _e192 = _len_2;
            const bool _e193 = (_e190 >= _e192);
            if (_e193) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            const float _e199 = buffer1_[min((uint)(_e190), _lim_2)];
            const float _e200 = (_e176 + _e199);
            const int _e202 = as_int(as_uint(_e146) + as_uint(0));
            const uint _e203 = as_uint(_e202);
            const uint _e205 = (_e203 & 3u);
            const bool _e207 = (_e205 != 0u);
            if (_e207) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e212 = (_e203 >> (2u & 31u));
            const uint _e214 = _len_2;
            const bool _e215 = (_e212 >= _e214);
            if (_e215) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            buffer1_[min((uint)(_e212), _lim_2)] = _e200;
            const int _e222 = local7_;
            const int _e224 = as_int(as_uint(_e222) + as_uint(4));
            local7_ = _e224;
            const int _e227 = local8_;
            const int _e229 = as_int(as_uint(_e227) + as_uint(4));
            local8_ = _e229;
            const int _e232 = local8_;
            const int _e234 = local9_;
            const uint _e235 = as_uint(_e232);
            const uint _e236 = as_uint(_e234);
            const bool _e237 = (_e235 < _e236);
            const int _e240 = (_e237 ? 1 : 0);
            const bool _e242 = (_e240 != 0);
            if (_e242) {
                continue;
            }
            break;
        }
        break;
    }
}
