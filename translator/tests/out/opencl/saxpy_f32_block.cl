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
            const uint _e92 = params.zero;
            const uint _e94 = (1075838976u | _e92);
            const float _e95 = as_float(_e94);
            const int _e97 = local7_;
            const int _e99 = as_int(as_uint(_e97) + as_uint(0));
            const uint _e100 = as_uint(_e99);
            const uint _e102 = (_e100 & 3u);
            const bool _e104 = (_e102 != 0u);
            if (_e104) {
                status[0] = 5u;
                return;
            }
            const uint _e109 = (_e100 >> (2u & 31u));
            const uint _e111 = _len_1;
            const bool _e112 = (_e109 >= _e111);
            if (_e112) {
                status[0] = 4u;
                return;
            }
            const float _e118 = buffer0_[min((uint)(_e109), _lim_1)];
            const float _e119 = (_e95 * _e118);
            const int _e121 = local8_;
            const int _e123 = as_int(as_uint(_e121) + as_uint(0));
            const uint _e124 = as_uint(_e123);
            const uint _e126 = (_e124 & 3u);
            const bool _e128 = (_e126 != 0u);
            if (_e128) {
                status[0] = 5u;
                return;
            }
            const uint _e133 = (_e124 >> (2u & 31u));
            const uint _e135 = _len_2;
            const bool _e136 = (_e133 >= _e135);
            if (_e136) {
                status[0] = 4u;
                return;
            }
            const float _e142 = buffer1_[min((uint)(_e133), _lim_2)];
            const float _e143 = (_e119 + _e142);
            const int _e145 = as_int(as_uint(_e89) + as_uint(0));
            const uint _e146 = as_uint(_e145);
            const uint _e148 = (_e146 & 3u);
            const bool _e150 = (_e148 != 0u);
            if (_e150) {
                status[0] = 5u;
                return;
            }
            const uint _e155 = (_e146 >> (2u & 31u));
            const uint _e157 = _len_2;
            const bool _e158 = (_e155 >= _e157);
            if (_e158) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e155), _lim_2)] = _e143;
            const int _e165 = local7_;
            const int _e167 = as_int(as_uint(_e165) + as_uint(4));
            local7_ = _e167;
            const int _e170 = local8_;
            const int _e172 = as_int(as_uint(_e170) + as_uint(4));
            local8_ = _e172;
            const int _e175 = local8_;
            const int _e177 = local9_;
            const uint _e178 = as_uint(_e175);
            const uint _e179 = as_uint(_e177);
            const bool _e180 = (_e178 < _e179);
            const int _e183 = (_e180 ? 1 : 0);
            const bool _e185 = (_e183 != 0);
            if (_e185) {
                continue;
            }
            break;
        }
        break;
    }
}
