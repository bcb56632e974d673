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
    const uint _e24 = params.zero;
    const int _e25 = as_int((uint)(_e24));
    const int _e26 = (0 | _e25);
    local7_ = _e26;
    local3_ = 0;
    const uint _e31 = _len_1;
    const uint _e33 = (_e31 * 4u);
    const int _e34 = as_int(_e33);
    local4_ = _e34;
    local5_ = 0;
    const uint _e39 = _len_2;
    const uint _e41 = (_e39 * 4u);
    const int _e42 = as_int(_e41);
    local6_ = _e42;
    const int _e45 = local0_;
    const uint _e47 = as_uint(2);
    const uint _e49 = (_e47 & 31u);
    const int _e50 = as_int(as_uint(_e45) << (_e49 & 31u));
    local7_ = _e50;
    const int _e53 = local7_;
    const int _e55 = local6_;
    const uint _e56 = as_uint(_e53);
    const uint _e57 = as_uint(_e55);
    const bool _e58 = (_e56 >= _e57);
    const int _e61 = (_e58 ? 1 : 0);
    const bool _e63 = (_e61 != 0);
    for (;;) {
        if (_e63) {
            return;
        }
        break;
    }
    const int _e65 = local5_;
    const int _e67 = local7_;
    const int _e68 = as_int(as_uint(_e65) + as_uint(_e67));
    const int _e70 = local3_;
    const int _e72 = local7_;
    const int _e73 = as_int(as_uint(_e70) + as_uint(_e72));
    const int _e75 = as_int(as_uint(_e73) + as_uint(0));
    const uint _e76 = as_uint(_e75);
    const uint _e78 = (_e76 & 3u);
    const bool _e80 = (_e78 != 0u);
    if (_e80) {
        status[0] = 5u;
        return;
    }
    const uint _e85 = (_e76 >> (2u & 31u));
    const uint _e87 = _len_1;
    const bool _e88 = (_e85 >= _e87);
    if (_e88) {
        status[0] = 4u;
        return;
    }
    const int _e94 = buffer0_[min((uint)(_e85), _lim_1)];
    const int _e96 = as_int(as_uint(_e94) * as_uint(2));
    const int _e98 = as_int(as_uint(_e68) + as_uint(0));
    const uint _e99 = as_uint(_e98);
    const uint _e101 = (_e99 & 3u);
    const bool _e103 = (_e101 != 0u);
    if (_e103) {
        status[0] = 5u;
        return;
    }
    const uint _e108 = (_e99 >> (2u & 31u));
    const uint _e110 = _len_2;
    const bool _e111 = (_e108 >= _e110);
    if (_e111) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e108), _lim_2)] = _e96;
}
