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
            const int _e137 = local8_;
            const uint _e141 = params.zero;
            const uint _e142 = (1075838976u | _e141);
            const float _e143 = as_float(_e142);
            const int _e145 = local7_;
            const int _e147 = as_int(as_uint(_e145) + as_uint(0));
            const uint _e148 = as_uint(_e147);
            const uint _e150 = (_e148 & 3u);
            const bool _e152 = (_e150 != 0u);
            const uint _e154 = (_e148 >> (2u & 31u));
            const uint _e156 = _len_1;
            const bool _e157 = (_e154 >= _e156);
            const bool _e158 = (_e152 || _e157);
            const uint _e161 = (_e152 ? 5u : 4u);
            if (_e158) {
                atomic_xchg(&status[0], _e161);
                return;
            }
            const float _e166 = buffer0_[min((uint)(_e154), _lim_1)];
            const float _e167 = (_e143 * _e166);
            const int _e169 = local8_;
            const int _e171 = as_int(as_uint(_e169) + as_uint(0));
            const uint _e172 = as_uint(_e171);
            const uint _e174 = (_e172 & 3u);
            const bool _e176 = (_e174 != 0u);
            const uint _e178 = (_e172 >> (2u & 31u));
            const uint _e180 = _len_2;
            const bool _e181 = (_e178 >= _e180);
            const bool _e182 = (_e176 || _e181);
            const uint _e185 = (_e176 ? 5u : 4u);
            if (_e182) {
                atomic_xchg(&status[0], _e185);
                return;
            }
            const float _e190 = buffer1_[min((uint)(_e178), _lim_2)];
            const float _e191 = (_e167 + _e190);
            const int _e193 = as_int(as_uint(_e137) + as_uint(0));
            const uint _e194 = as_uint(_e193);
            const uint _e196 = (_e194 & 3u);
            const bool _e198 = (_e196 != 0u);
            const uint _e200 = (_e194 >> (2u & 31u));
            const uint _e202 = _len_2;
            const bool _e203 = (_e200 >= _e202);
            const bool _e204 = (_e198 || _e203);
            const uint _e207 = (_e198 ? 5u : 4u);
            if (_e204) {
                atomic_xchg(&status[0], _e207);
                return;
            }
            buffer1_[min((uint)(_e200), _lim_2)] = _e191;
            const int _e213 = local7_;
            const int _e215 = as_int(as_uint(_e213) + as_uint(4));
            local7_ = _e215;
            const int _e218 = local8_;
            const int _e220 = as_int(as_uint(_e218) + as_uint(4));
            local8_ = _e220;
            const int _e223 = local8_;
            const int _e225 = local9_;
            const uint _e226 = as_uint(_e223);
            const uint _e227 = as_uint(_e225);
            const bool _e228 = (_e226 < _e227);
            const int _e231 = (_e228 ? 1 : 0);
            const bool _e233 = (_e231 != 0);
            if (_e233) {
                continue;
            }
            break;
        }
        break;
    }
}
