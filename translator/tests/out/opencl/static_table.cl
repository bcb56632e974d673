// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
    uint budget;
} Params;

__kernel __attribute__((reqd_work_group_size(64, 1, 1)))
void main_(
    const Params params,
    __global double* buffer0_,
    const uint _len_1,
    volatile __global uint* status,
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
    uint loop_budget = 0u;
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
    const uint _e28 = params.budget;
    loop_budget = _e28;
    local3_ = 0;
    const uint _e33 = _len_1;
    const uint _e35 = (_e33 * 8u);
    const int _e36 = as_int(_e35);
    local4_ = _e36;
    const int _e39 = local3_;
    const int _e41 = local0_;
    const uint _e43 = as_uint(3);
    const uint _e45 = (_e43 & 31u);
    const int _e46 = as_int(as_uint(_e41) << (_e45 & 31u));
    const int _e47 = as_int(as_uint(_e39) + as_uint(_e46));
    const int _e49 = local0_;
    const int _e51 = (_e49 & 3);
    const uint _e53 = as_uint(3);
    const uint _e55 = (_e53 & 31u);
    const int _e56 = as_int(as_uint(_e51) << (_e55 & 31u));
    const int _e58 = as_int(as_uint(_e56) + as_uint(1024));
    const uint _e59 = as_uint(_e58);
    const uint _e61 = (_e59 & 7u);
    const bool _e63 = (_e61 != 0u);
    const uint _e66 = status[min(1u, _lim_2)];
    const bool _e68 = (_e59 > _e66);
    const uint _e69 = (_e66 - _e59);
    const bool _e70 = (8u > _e69);
    const bool _e71 = (_e68 || _e70);
    const bool _e72 = (_e63 || _e71);
    const uint _e75 = (_e63 ? 5u : 4u);
    if (_e72) {
        atomic_xchg(&status[0], _e75);
        return;
    }
    const uint _e79 = (_e59 >> (3u & 31u));
    const uint _e81 = _len_4;
    const bool _e82 = (_e79 >= _e81);
    const uint _e84 = (_e82 ? 0u : _e79);
    const double _e87 = statics64_[min((uint)(_e84), _lim_4)];
    const uint _e91 = params.zero;
    const ulong _e92 = ((ulong)(_e91));
    const ulong _e93 = (0UL | _e92);
    const double _e94 = as_double(_e93);
    const double _e95 = (_e82 ? _e94 : _e87);
    const int _e98 = as_int(as_uint(1056) + as_uint(0));
    const uint _e99 = as_uint(_e98);
    const uint _e101 = (_e99 & 3u);
    const bool _e103 = (_e101 != 0u);
    const uint _e106 = status[min(1u, _lim_2)];
    const bool _e108 = (_e99 > _e106);
    const uint _e109 = (_e106 - _e99);
    const bool _e110 = (4u > _e109);
    const bool _e111 = (_e108 || _e110);
    const bool _e112 = (_e103 || _e111);
    const uint _e115 = (_e103 ? 5u : 4u);
    if (_e112) {
        atomic_xchg(&status[0], _e115);
        return;
    }
    const uint _e119 = (_e99 >> (2u & 31u));
    const uint _e121 = _len_3;
    const bool _e122 = (_e119 >= _e121);
    const uint _e124 = (_e122 ? 0u : _e119);
    const uint _e127 = statics[min((uint)(_e124), _lim_3)];
    const int _e128 = as_int(_e127);
    const int _e130 = (_e122 ? 0 : _e128);
    const uint _e133 = params.zero;
    const int _e134 = as_int((uint)(_e133));
    const int _e135 = (_e130 | _e134);
    const double _e136 = ((double)(_e135));
    const double _e137 = (_e95 * _e136);
    const int _e139 = as_int(as_uint(_e47) + as_uint(0));
    const uint _e140 = as_uint(_e139);
    const uint _e142 = (_e140 & 7u);
    const bool _e144 = (_e142 != 0u);
    const uint _e146 = (_e140 >> (3u & 31u));
    const uint _e148 = _len_1;
    const bool _e149 = (_e146 >= _e148);
    const bool _e150 = (_e144 || _e149);
    const uint _e153 = (_e144 ? 5u : 4u);
    if (_e150) {
        atomic_xchg(&status[0], _e153);
        return;
    }
    buffer0_[min((uint)(_e146), _lim_1)] = _e137;
}
