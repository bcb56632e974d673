// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
} Params;

__kernel __attribute__((reqd_work_group_size(64, 1, 1)))
void main_(
    const Params params,
    __global const float* buffer0_,
    const uint _len_1,
    __global float* buffer1_,
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
    const int _e15 = as_int(_e8);
    local0_ = _e15;
    const int _e17 = as_int(_e11);
    local1_ = _e17;
    const int _e19 = as_int(_e13);
    local2_ = _e19;
    const uint _e24 = params.zero;
    const int _e25 = as_int((uint)(_e24));
    const int _e26 = (0 | _e25);
    local7_ = _e26;
    const uint _e31 = params.zero;
    const int _e32 = as_int((uint)(_e31));
    const int _e33 = (0 | _e32);
    local8_ = _e33;
    const uint _e38 = params.zero;
    const int _e39 = as_int((uint)(_e38));
    const int _e40 = (0 | _e39);
    local9_ = _e40;
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
    const int _e59 = local3_;
    const int _e61 = local0_;
    const int _e63 = local2_;
    const int _e64 = as_int(as_uint(_e61) * as_uint(_e63));
    const uint _e66 = as_uint(2);
    const uint _e68 = (_e66 & 31u);
    const int _e69 = as_int(as_uint(_e64) << (_e68 & 31u));
    const int _e70 = as_int(as_uint(_e59) + as_uint(_e69));
    local7_ = _e70;
    const int _e73 = local5_;
    const int _e75 = local0_;
    const int _e77 = local2_;
    const int _e78 = as_int(as_uint(_e75) * as_uint(_e77));
    const uint _e80 = as_uint(2);
    const uint _e82 = (_e80 & 31u);
    const int _e83 = as_int(as_uint(_e78) << (_e82 & 31u));
    const int _e84 = as_int(as_uint(_e73) + as_uint(_e83));
    local8_ = _e84;
    const int _e87 = local8_;
    const int _e89 = local2_;
    const uint _e91 = as_uint(2);
    const uint _e93 = (_e91 & 31u);
    const int _e94 = as_int(as_uint(_e89) << (_e93 & 31u));
    const int _e95 = as_int(as_uint(_e87) + as_uint(_e94));
    local9_ = _e95;
    for (;;) {
        const int _e98 = local8_;
        const int _e100 = local9_;
        const uint _e101 = as_uint(_e98);
        const uint _e102 = as_uint(_e100);
        const bool _e103 = (_e101 >= _e102);
        const int _e106 = (_e103 ? 1 : 0);
        const bool _e108 = (_e106 != 0);
        if (_e108) {
            break;
        }
        for (;;) {
            const int _e110 = local8_;
            const uint _e114 = params.zero;
            const uint _e115 = (1075838976u | _e114);
            const float _e116 = as_float(_e115);
            const int _e118 = local7_;
            const int _e120 = as_int(as_uint(_e118) + as_uint(0));
            const uint _e121 = as_uint(_e120);
            const uint _e123 = (_e121 & 3u);
            const bool _e125 = (_e123 != 0u);
            if (_e125) {
                status[0] = 5u;
                return;
            }
            const uint _e130 = (_e121 >> (2u & 31u));
            const uint _e132 = _len_1;
            const bool _e133 = (_e130 >= _e132);
            if (_e133) {
                status[0] = 4u;
                return;
            }
            const float _e139 = buffer0_[min((uint)(_e130), _lim_1)];
            const float _e140 = (_e116 * _e139);
            const int _e142 = local8_;
            const int _e144 = as_int(as_uint(_e142) + as_uint(0));
            const uint _e145 = as_uint(_e144);
            const uint _e147 = (_e145 & 3u);
            const bool _e149 = (_e147 != 0u);
            if (_e149) {
                status[0] = 5u;
                return;
            }
            const uint _e154 = (_e145 >> (2u & 31u));
            const uint _e156 = _len_2;
            const bool _e157 = (_e154 >= _e156);
            if (_e157) {
                status[0] = 4u;
                return;
            }
            const float _e163 = buffer1_[min((uint)(_e154), _lim_2)];
            const float _e164 = (_e140 + _e163);
            const int _e166 = as_int(as_uint(_e110) + as_uint(0));
            const uint _e167 = as_uint(_e166);
            const uint _e169 = (_e167 & 3u);
            const bool _e171 = (_e169 != 0u);
            if (_e171) {
                status[0] = 5u;
                return;
            }
            const uint _e176 = (_e167 >> (2u & 31u));
            const uint _e178 = _len_2;
            const bool _e179 = (_e176 >= _e178);
            if (_e179) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e176), _lim_2)] = _e164;
            const int _e186 = local7_;
            const int _e188 = as_int(as_uint(_e186) + as_uint(4));
            local7_ = _e188;
            const int _e191 = local8_;
            const int _e193 = as_int(as_uint(_e191) + as_uint(4));
            local8_ = _e193;
            const int _e196 = local8_;
            const int _e198 = local9_;
            const uint _e199 = as_uint(_e196);
            const uint _e200 = as_uint(_e198);
            const bool _e201 = (_e199 < _e200);
            const int _e204 = (_e201 ? 1 : 0);
            const bool _e206 = (_e204 != 0);
            if (_e206) {
                continue;
            }
            break;
        }
        break;
    }
}
