// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
} Params;

__kernel __attribute__((reqd_work_group_size(64, 1, 1)))
void main_(
    const Params params,
    __global double* buffer0_,
    const uint _len_1,
    __global uint* status,
    const uint _len_2,
    __global const uint* statics,
    const uint _len_3,
    __global const double* statics64_,
    const uint _len_4
) {
    const uint _lim_1 = _len_1 == 0u ? 0u : _len_1 - 1u;
    const uint _lim_2 = _len_2 == 0u ? 0u : _len_2 - 1u;
    const uint _lim_3 = _len_3 == 0u ? 0u : _len_3 - 1u;
    const uint _lim_4 = _len_4 == 0u ? 0u : _len_4 - 1u;
    const uint3 global_id = (uint3)((uint)get_global_id(0), (uint)get_global_id(1), (uint)get_global_id(2));
    const uint3 num_workgroups = (uint3)((uint)get_num_groups(0), (uint)get_num_groups(1), (uint)get_num_groups(2));
    uint branch_counter = 0u;
    int local0_ = 0;
    int local1_ = 0;
    int local2_ = 0;
    int local3_ = 0;
    int local4_ = 0;
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
    const uint _e26 = (_e24 * 8u);
    const int _e27 = as_int(_e26);
    local4_ = _e27;
    const int _e30 = local3_;
    const int _e32 = local0_;
    const uint _e34 = as_uint(3);
    const uint _e36 = (_e34 & 31u);
    const int _e37 = as_int(as_uint(_e32) << (_e36 & 31u));
    const int _e38 = as_int(as_uint(_e30) + as_uint(_e37));
    const int _e40 = local0_;
    const int _e42 = (_e40 & 3);
    const uint _e44 = as_uint(3);
    const uint _e46 = (_e44 & 31u);
    const int _e47 = as_int(as_uint(_e42) << (_e46 & 31u));
    const int _e49 = as_int(as_uint(_e47) + as_uint(1024));
    const uint _e50 = as_uint(_e49);
    const uint _e52 = (_e50 & 7u);
    const bool _e54 = (_e52 != 0u);
    if (_e54) {
        status[0] = 5u;
        return;
    }
    const uint _e59 = (_e50 >> (3u & 31u));
    const uint _e61 = _len_4;
    const bool _e62 = (_e59 >= _e61);
    if (_e62) {
        status[0] = 4u;
        return;
    }
    const double _e68 = statics64_[min((uint)(_e59), _lim_4)];
    const int _e71 = as_int(as_uint(1056) + as_uint(0));
    const uint _e72 = as_uint(_e71);
    const uint _e74 = (_e72 & 3u);
    const bool _e76 = (_e74 != 0u);
    if (_e76) {
        status[0] = 5u;
        return;
    }
    const uint _e81 = (_e72 >> (2u & 31u));
    const uint _e83 = _len_3;
    const bool _e84 = (_e81 >= _e83);
    if (_e84) {
        status[0] = 4u;
        return;
    }
    const uint _e90 = statics[min((uint)(_e81), _lim_3)];
    const int _e91 = as_int(_e90);
    const uint _e94 = params.zero;
    const int _e95 = as_int((uint)(_e94));
    const int _e96 = (_e91 | _e95);
    const double _e97 = ((double)(_e96));
    const double _e98 = (_e68 * _e97);
    const int _e100 = as_int(as_uint(_e38) + as_uint(0));
    const uint _e101 = as_uint(_e100);
    const uint _e103 = (_e101 & 7u);
    const bool _e105 = (_e103 != 0u);
    if (_e105) {
        status[0] = 5u;
        return;
    }
    const uint _e110 = (_e101 >> (3u & 31u));
    const uint _e112 = _len_1;
    const bool _e113 = (_e110 >= _e112);
    if (_e113) {
        status[0] = 4u;
        return;
    }
    buffer0_[min((uint)(_e110), _lim_1)] = _e98;
}
