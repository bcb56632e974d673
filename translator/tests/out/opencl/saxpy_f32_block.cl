// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
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
    const int _e38 = local3_;
    const int _e40 = local0_;
    const int _e42 = local2_;
    const int _e43 = as_int(as_uint(_e40) * as_uint(_e42));
    const uint _e45 = as_uint(2);
    const uint _e47 = (_e45 & 31u);
    const int _e48 = as_int(as_uint(_e43) << (_e47 & 31u));
    const int _e49 = as_int(as_uint(_e38) + as_uint(_e48));
    local7_ = _e49;
    const int _e52 = local5_;
    const int _e54 = local0_;
    const int _e56 = local2_;
    const int _e57 = as_int(as_uint(_e54) * as_uint(_e56));
    const uint _e59 = as_uint(2);
    const uint _e61 = (_e59 & 31u);
    const int _e62 = as_int(as_uint(_e57) << (_e61 & 31u));
    const int _e63 = as_int(as_uint(_e52) + as_uint(_e62));
    local8_ = _e63;
    const int _e66 = local8_;
    const int _e68 = local2_;
    const uint _e70 = as_uint(2);
    const uint _e72 = (_e70 & 31u);
    const int _e73 = as_int(as_uint(_e68) << (_e72 & 31u));
    const int _e74 = as_int(as_uint(_e66) + as_uint(_e73));
    local9_ = _e74;
    for (;;) {
        const int _e77 = local8_;
        const int _e79 = local9_;
        const uint _e80 = as_uint(_e77);
        const uint _e81 = as_uint(_e79);
        const bool _e82 = (_e80 >= _e81);
        const int _e85 = (_e82 ? 1 : 0);
        const bool _e87 = (_e85 != 0);
        if (_e87) {
            break;
        }
        for (;;) {
            const int _e89 = local8_;
            const int _e92 = local7_;
            const int _e94 = as_int(as_uint(_e92) + as_uint(0));
            const uint _e95 = as_uint(_e94);
            const uint _e97 = (_e95 & 3u);
            const bool _e99 = (_e97 != 0u);
            if (_e99) {
                status[0] = 5u;
                return;
            }
            const uint _e104 = (_e95 >> (2u & 31u));
            const uint _e106 = _len_1;
            const bool _e107 = (_e104 >= _e106);
            if (_e107) {
                status[0] = 4u;
                return;
            }
            const float _e112 = buffer0_[min((uint)(_e104), _lim_1)];
            const float _e113 = (as_float(0x40200000u) * _e112);
            const int _e115 = local8_;
            const int _e117 = as_int(as_uint(_e115) + as_uint(0));
            const uint _e118 = as_uint(_e117);
            const uint _e120 = (_e118 & 3u);
            const bool _e122 = (_e120 != 0u);
            if (_e122) {
                status[0] = 5u;
                return;
            }
            const uint _e127 = (_e118 >> (2u & 31u));
            const uint _e129 = _len_2;
            const bool _e130 = (_e127 >= _e129);
            if (_e130) {
                status[0] = 4u;
                return;
            }
            const float _e135 = buffer1_[min((uint)(_e127), _lim_2)];
            const float _e136 = (_e113 + _e135);
            const int _e138 = as_int(as_uint(_e89) + as_uint(0));
            const uint _e139 = as_uint(_e138);
            const uint _e141 = (_e139 & 3u);
            const bool _e143 = (_e141 != 0u);
            if (_e143) {
                status[0] = 5u;
                return;
            }
            const uint _e148 = (_e139 >> (2u & 31u));
            const uint _e150 = _len_2;
            const bool _e151 = (_e148 >= _e150);
            if (_e151) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e148), _lim_2)] = _e136;
            const int _e157 = local7_;
            const int _e159 = as_int(as_uint(_e157) + as_uint(4));
            local7_ = _e159;
            const int _e162 = local8_;
            const int _e164 = as_int(as_uint(_e162) + as_uint(4));
            local8_ = _e164;
            const int _e167 = local8_;
            const int _e169 = local9_;
            const uint _e170 = as_uint(_e167);
            const uint _e171 = as_uint(_e169);
            const bool _e172 = (_e170 < _e171);
            const int _e175 = (_e172 ? 1 : 0);
            const bool _e177 = (_e175 != 0);
            if (_e177) {
                continue;
            }
            break;
        }
        break;
    }
}
