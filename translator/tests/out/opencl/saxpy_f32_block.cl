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
            const float _e113 = buffer0_[min((uint)(_e104), _lim_1)];
            const float _e114 = (as_float(0x40200000u) * _e113);
            const int _e116 = local8_;
            const int _e118 = as_int(as_uint(_e116) + as_uint(0));
            const uint _e119 = as_uint(_e118);
            const uint _e121 = (_e119 & 3u);
            const bool _e123 = (_e121 != 0u);
            if (_e123) {
                status[0] = 5u;
                return;
            }
            const uint _e128 = (_e119 >> (2u & 31u));
            const uint _e130 = _len_2;
            const bool _e131 = (_e128 >= _e130);
            if (_e131) {
                status[0] = 4u;
                return;
            }
            const float _e137 = buffer1_[min((uint)(_e128), _lim_2)];
            const float _e138 = (_e114 + _e137);
            const int _e140 = as_int(as_uint(_e89) + as_uint(0));
            const uint _e141 = as_uint(_e140);
            const uint _e143 = (_e141 & 3u);
            const bool _e145 = (_e143 != 0u);
            if (_e145) {
                status[0] = 5u;
                return;
            }
            const uint _e150 = (_e141 >> (2u & 31u));
            const uint _e152 = _len_2;
            const bool _e153 = (_e150 >= _e152);
            if (_e153) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e150), _lim_2)] = _e138;
            const int _e160 = local7_;
            const int _e162 = as_int(as_uint(_e160) + as_uint(4));
            local7_ = _e162;
            const int _e165 = local8_;
            const int _e167 = as_int(as_uint(_e165) + as_uint(4));
            local8_ = _e167;
            const int _e170 = local8_;
            const int _e172 = local9_;
            const uint _e173 = as_uint(_e170);
            const uint _e174 = as_uint(_e172);
            const bool _e175 = (_e173 < _e174);
            const int _e178 = (_e175 ? 1 : 0);
            const bool _e180 = (_e178 != 0);
            if (_e180) {
                continue;
            }
            break;
        }
        break;
    }
}
