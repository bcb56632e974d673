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
    __global const int* buffer0_,
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
    int local7_ = 0;
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
    const int _e38 = local0_;
    const uint _e40 = as_uint(2);
    const uint _e42 = (_e40 & 31u);
    const int _e43 = as_int(as_uint(_e38) << (_e42 & 31u));
    local7_ = _e43;
    const int _e46 = local7_;
    const int _e48 = local6_;
    const uint _e49 = as_uint(_e46);
    const uint _e50 = as_uint(_e48);
    const bool _e51 = (_e49 >= _e50);
    const int _e54 = (_e51 ? 1 : 0);
    const bool _e56 = (_e54 != 0);
    for (;;) {
        if (_e56) {
            return;
        }
        break;
    }
    const int _e58 = local5_;
    const int _e60 = local7_;
    const int _e61 = as_int(as_uint(_e58) + as_uint(_e60));
    const int _e63 = local3_;
    const int _e65 = local7_;
    const int _e66 = as_int(as_uint(_e63) + as_uint(_e65));
    const int _e68 = as_int(as_uint(_e66) + as_uint(0));
    const uint _e69 = as_uint(_e68);
    const uint _e71 = (_e69 & 3u);
    const bool _e73 = (_e71 != 0u);
    if (_e73) {
        status[0] = 5u;
        return;
    }
    const uint _e78 = (_e69 >> (2u & 31u));
    const uint _e80 = _len_1;
    const bool _e81 = (_e78 >= _e80);
    if (_e81) {
        status[0] = 4u;
        return;
    }
    const int _e87 = buffer0_[min((uint)(_e78), _lim_1)];
    const int _e89 = as_int(as_uint(_e87) * as_uint(2));
    const int _e91 = as_int(as_uint(_e61) + as_uint(0));
    const uint _e92 = as_uint(_e91);
    const uint _e94 = (_e92 & 3u);
    const bool _e96 = (_e94 != 0u);
    if (_e96) {
        status[0] = 5u;
        return;
    }
    const uint _e101 = (_e92 >> (2u & 31u));
    const uint _e103 = _len_2;
    const bool _e104 = (_e101 >= _e103);
    if (_e104) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e101), _lim_2)] = _e89;
}
