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
    __global const int* buffer0_,
    const uint _len_1,
    __global int* buffer1_,
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
    int local10_ = 0;
    int local11_ = 0;
    int local12_ = 0;
    uint stack[4096] = {0};
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
    const uint _e50 = params.zero;
    const int _e51 = as_int((uint)(_e50));
    const int _e52 = (0 | _e51);
    local10_ = _e52;
    const uint _e57 = params.zero;
    const int _e58 = as_int((uint)(_e57));
    const int _e59 = (0 | _e58);
    local11_ = _e59;
    const uint _e64 = params.zero;
    const int _e65 = as_int((uint)(_e64));
    const int _e66 = (0 | _e65);
    local12_ = _e66;
    const uint _e70 = params.budget;
    loop_budget = _e70;
    local8_ = 65536;
    local3_ = 0;
    const uint _e77 = _len_1;
    const uint _e79 = (_e77 * 4u);
    const int _e80 = as_int(_e79);
    local4_ = _e80;
    local5_ = 0;
    const uint _e85 = _len_2;
    const uint _e87 = (_e85 * 4u);
    const int _e88 = as_int(_e87);
    local6_ = _e88;
    const int _e91 = local8_;
    const int _e93 = as_int(as_uint(_e91) - as_uint(16));
    local7_ = _e93;
    const int _e96 = local7_;
    local8_ = _e96;
    const int _e99 = local7_;
    const int _e101 = as_int(as_uint(_e99) + as_uint(8));
    const int _e103 = local3_;
    const int _e105 = local4_;
    const int _e107 = local0_;
    local12_ = _e107;
    local11_ = _e105;
    local10_ = _e103;
    local9_ = _e101;
    for (;;) {
        const int _e113 = local9_;
        const int _e115 = local10_;
        const int _e117 = local12_;
        const uint _e119 = as_uint(2);
        const uint _e121 = (_e119 & 31u);
        const int _e122 = as_int(as_uint(_e117) << (_e121 & 31u));
        const int _e123 = as_int(as_uint(_e115) + as_uint(_e122));
        const int _e125 = as_int(as_uint(_e113) + as_uint(0));
        const uint _e126 = as_uint(_e125);
        const uint _e128 = (_e126 - 49152u);
        const uint _e130 = (_e128 & 3u);
        const bool _e132 = (_e130 != 0u);
        const uint _e134 = (_e128 >> (2u & 31u));
        const bool _e136 = (_e134 >= 4096u);
        const bool _e137 = (_e132 || _e136);
        const uint _e140 = (_e132 ? 5u : 4u);
        if (_e137) {
            atomic_xchg(&status[0], _e140);
            return;
        }
        const uint _e143 = as_uint(_e123);
        stack[min((uint)(_e134), 4095u)] = _e143;
        const int _e147 = local9_;
        const int _e150 = as_int(as_uint(_e147) + as_uint(4));
        const uint _e151 = as_uint(_e150);
        const uint _e153 = (_e151 - 49152u);
        const uint _e155 = (_e153 & 3u);
        const bool _e157 = (_e155 != 0u);
        const uint _e159 = (_e153 >> (2u & 31u));
        const bool _e161 = (_e159 >= 4096u);
        const bool _e162 = (_e157 || _e161);
        const uint _e165 = (_e157 ? 5u : 4u);
        if (_e162) {
            atomic_xchg(&status[0], _e165);
            return;
        }
        const uint _e168 = as_uint(4);
        stack[min((uint)(_e159), 4095u)] = _e168;
        break;
    }
    const int _e172 = local5_;
    const int _e174 = local0_;
    const uint _e176 = as_uint(2);
    const uint _e178 = (_e176 & 31u);
    const int _e179 = as_int(as_uint(_e174) << (_e178 & 31u));
    const int _e180 = as_int(as_uint(_e172) + as_uint(_e179));
    const int _e182 = local7_;
    const int _e184 = as_int(as_uint(_e182) + as_uint(8));
    const uint _e185 = as_uint(_e184);
    const uint _e187 = (_e185 - 49152u);
    const uint _e189 = (_e187 & 3u);
    const bool _e191 = (_e189 != 0u);
    const uint _e193 = (_e187 >> (2u & 31u));
    const bool _e195 = (_e193 >= 4096u);
    const bool _e196 = (_e191 || _e195);
    const uint _e199 = (_e191 ? 5u : 4u);
    if (_e196) {
        atomic_xchg(&status[0], _e199);
        return;
    }
    const uint _e204 = stack[min((uint)(_e193), 4095u)];
    const int _e205 = as_int(_e204);
    const int _e207 = as_int(as_uint(_e205) + as_uint(0));
    const uint _e208 = as_uint(_e207);
    const uint _e210 = (_e208 & 3u);
    const bool _e212 = (_e210 != 0u);
    const uint _e214 = (_e208 >> (2u & 31u));
    const uint _e216 = _len_1;
    const bool _e217 = (_e214 >= _e216);
    const bool _e218 = (_e212 || _e217);
    const uint _e221 = (_e212 ? 5u : 4u);
    if (_e218) {
        atomic_xchg(&status[0], _e221);
        return;
    }
    const int _e226 = buffer0_[min((uint)(_e214), _lim_1)];
    const int _e228 = local7_;
    const int _e230 = as_int(as_uint(_e228) + as_uint(12));
    const uint _e231 = as_uint(_e230);
    const uint _e233 = (_e231 - 49152u);
    const uint _e235 = (_e233 & 3u);
    const bool _e237 = (_e235 != 0u);
    const uint _e239 = (_e233 >> (2u & 31u));
    const bool _e241 = (_e239 >= 4096u);
    const bool _e242 = (_e237 || _e241);
    const uint _e245 = (_e237 ? 5u : 4u);
    if (_e242) {
        atomic_xchg(&status[0], _e245);
        return;
    }
    const uint _e250 = stack[min((uint)(_e239), 4095u)];
    const int _e251 = as_int(_e250);
    const int _e252 = as_int(as_uint(_e226) + as_uint(_e251));
    const int _e254 = as_int(as_uint(_e180) + as_uint(0));
    const uint _e255 = as_uint(_e254);
    const uint _e257 = (_e255 & 3u);
    const bool _e259 = (_e257 != 0u);
    const uint _e261 = (_e255 >> (2u & 31u));
    const uint _e263 = _len_2;
    const bool _e264 = (_e261 >= _e263);
    const bool _e265 = (_e259 || _e264);
    const uint _e268 = (_e259 ? 5u : 4u);
    if (_e265) {
        atomic_xchg(&status[0], _e268);
        return;
    }
    buffer1_[min((uint)(_e261), _lim_2)] = _e252;
    const int _e274 = local7_;
    const int _e276 = as_int(as_uint(_e274) + as_uint(16));
    local8_ = _e276;
}
