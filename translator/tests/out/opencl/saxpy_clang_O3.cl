// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
} Params;

// WGSL's `/`: a for a zero divisor and for MIN / -1.
static inline int _div_int(int a, int b) {
    return (b == 0 || (a == INT_MIN && b == -1)) ? a : a / b;
}

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
    for (;;) {
        const int _e38 = local2_;
        const int _e40 = local0_;
        const int _e41 = as_int(as_uint(_e38) * as_uint(_e40));
        local0_ = _e41;
        const int _e44 = local2_;
        const int _e45 = as_int(as_uint(_e41) + as_uint(_e44));
        local2_ = _e45;
        const int _e48 = local4_;
        const bool _e51 = (4 == 0);
        if (_e51) {
            status[0] = 2u;
            return;
        }
        const bool _e57 = (_e48 == (-2147483647 - 1));
        const bool _e58 = (4 == (-1));
        const bool _e59 = (_e57 && _e58);
        if (_e59) {
            status[0] = 3u;
            return;
        }
        const int _e63 = _div_int(_e48, 4);
        local4_ = _e63;
        const int _e66 = local2_;
        const int _e68 = local4_;
        const bool _e69 = (_e66 < _e68);
        const int _e72 = (_e69 ? 1 : 0);
        const bool _e74 = (_e72 != 0);
        const int _e75 = (_e74 ? _e45 : _e63);
        local2_ = _e75;
        const int _e78 = local0_;
        const bool _e79 = (_e75 <= _e78);
        const int _e82 = (_e79 ? 1 : 0);
        const bool _e84 = (_e82 != 0);
        if (_e84) {
            break;
        }
        const int _e86 = local0_;
        const int _e88 = as_int(as_uint(_e86) + as_uint(1));
        local4_ = _e88;
        for (;;) {
            const int _e91 = local2_;
            const int _e93 = local0_;
            const int _e94 = as_int(as_uint(_e91) - as_uint(_e93));
            const int _e96 = (_e94 & 1);
            const bool _e98 = (_e96 == 0);
            const int _e101 = (_e98 ? 1 : 0);
            const bool _e103 = (_e101 != 0);
            if (_e103) {
                break;
            }
            const int _e105 = local5_;
            const int _e107 = local0_;
            const uint _e109 = as_uint(2);
            const uint _e111 = (_e109 & 31u);
            const int _e112 = as_int(as_uint(_e107) << (_e111 & 31u));
            local0_ = _e112;
            const int _e114 = as_int(as_uint(_e105) + as_uint(_e112));
            local7_ = _e114;
            const int _e117 = local3_;
            const int _e119 = local0_;
            const int _e120 = as_int(as_uint(_e117) + as_uint(_e119));
            const int _e122 = as_int(as_uint(_e120) + as_uint(0));
            const uint _e123 = as_uint(_e122);
            const uint _e125 = (_e123 & 3u);
            const bool _e127 = (_e125 != 0u);
            if (_e127) {
                status[0] = 5u;
                return;
            }
            const uint _e132 = (_e123 >> (2u & 31u));
            const uint _e134 = _len_1;
            const bool _e135 = (_e132 >= _e134);
            if (_e135) {
                status[0] = 4u;
                return;
            }
            const float _e141 = buffer0_[min((uint)(_e132), _lim_1)];
            const uint _e144 = params.zero;
            const uint _e146 = (1075838976u | _e144);
            const float _e147 = as_float(_e146);
            const float _e148 = (_e141 * _e147);
            const int _e150 = local7_;
            const int _e152 = as_int(as_uint(_e150) + as_uint(0));
            const uint _e153 = as_uint(_e152);
            const uint _e155 = (_e153 & 3u);
            const bool _e157 = (_e155 != 0u);
            if (_e157) {
                status[0] = 5u;
                return;
            }
            const uint _e162 = (_e153 >> (2u & 31u));
            const uint _e164 = _len_2;
            const bool _e165 = (_e162 >= _e164);
            if (_e165) {
                status[0] = 4u;
                return;
            }
            const float _e171 = buffer1_[min((uint)(_e162), _lim_2)];
            const float _e172 = (_e148 + _e171);
            const int _e174 = as_int(as_uint(_e114) + as_uint(0));
            const uint _e175 = as_uint(_e174);
            const uint _e177 = (_e175 & 3u);
            const bool _e179 = (_e177 != 0u);
            if (_e179) {
                status[0] = 5u;
                return;
            }
            const uint _e184 = (_e175 >> (2u & 31u));
            const uint _e186 = _len_2;
            const bool _e187 = (_e184 >= _e186);
            if (_e187) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e184), _lim_2)] = _e172;
            const int _e194 = local4_;
            local0_ = _e194;
            break;
        }
        const int _e197 = local2_;
        const int _e199 = local4_;
        const bool _e200 = (_e197 == _e199);
        const int _e203 = (_e200 ? 1 : 0);
        const bool _e205 = (_e203 != 0);
        if (_e205) {
            break;
        }
        const int _e207 = local2_;
        const int _e209 = local0_;
        const int _e210 = as_int(as_uint(_e207) - as_uint(_e209));
        local4_ = _e210;
        const int _e213 = local3_;
        const int _e215 = local0_;
        const uint _e217 = as_uint(2);
        const uint _e219 = (_e217 & 31u);
        const int _e220 = as_int(as_uint(_e215) << (_e219 & 31u));
        local0_ = _e220;
        const int _e222 = as_int(as_uint(_e213) + as_uint(_e220));
        local2_ = _e222;
        const int _e225 = local5_;
        const int _e227 = local0_;
        const int _e228 = as_int(as_uint(_e225) + as_uint(_e227));
        local0_ = _e228;
        for (;;) {
            const int _e231 = local0_;
            const int _e233 = local2_;
            const int _e235 = as_int(as_uint(_e233) + as_uint(0));
            const uint _e236 = as_uint(_e235);
            const uint _e238 = (_e236 & 3u);
            const bool _e240 = (_e238 != 0u);
            if (_e240) {
                status[0] = 5u;
                return;
            }
            const uint _e245 = (_e236 >> (2u & 31u));
            const uint _e247 = _len_1;
            const bool _e248 = (_e245 >= _e247);
            if (_e248) {
                status[0] = 4u;
                return;
            }
            const float _e254 = buffer0_[min((uint)(_e245), _lim_1)];
            const uint _e257 = params.zero;
            const uint _e259 = (1075838976u | _e257);
            const float _e260 = as_float(_e259);
            const float _e261 = (_e254 * _e260);
            const int _e263 = local0_;
            const int _e265 = as_int(as_uint(_e263) + as_uint(0));
            const uint _e266 = as_uint(_e265);
            const uint _e268 = (_e266 & 3u);
            const bool _e270 = (_e268 != 0u);
            if (_e270) {
                status[0] = 5u;
                return;
            }
            const uint _e275 = (_e266 >> (2u & 31u));
            const uint _e277 = _len_2;
            const bool _e278 = (_e275 >= _e277);
            if (_e278) {
                status[0] = 4u;
                return;
            }
            const float _e284 = buffer1_[min((uint)(_e275), _lim_2)];
            const float _e285 = (_e261 + _e284);
            const int _e287 = as_int(as_uint(_e231) + as_uint(0));
            const uint _e288 = as_uint(_e287);
            const uint _e290 = (_e288 & 3u);
            const bool _e292 = (_e290 != 0u);
            if (_e292) {
                status[0] = 5u;
                return;
            }
            const uint _e297 = (_e288 >> (2u & 31u));
            const uint _e299 = _len_2;
            const bool _e300 = (_e297 >= _e299);
            if (_e300) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e297), _lim_2)] = _e285;
            const int _e307 = local0_;
            const int _e309 = as_int(as_uint(_e307) + as_uint(4));
            local3_ = _e309;
            const int _e312 = local2_;
            const int _e314 = as_int(as_uint(_e312) + as_uint(4));
            const int _e316 = as_int(as_uint(_e314) + as_uint(0));
            const uint _e317 = as_uint(_e316);
            const uint _e319 = (_e317 & 3u);
            const bool _e321 = (_e319 != 0u);
            if (_e321) {
                status[0] = 5u;
                return;
            }
            const uint _e326 = (_e317 >> (2u & 31u));
            const uint _e328 = _len_1;
            const bool _e329 = (_e326 >= _e328);
            if (_e329) {
                status[0] = 4u;
                return;
            }
            const float _e335 = buffer0_[min((uint)(_e326), _lim_1)];
            const uint _e338 = params.zero;
            const uint _e340 = (1075838976u | _e338);
            const float _e341 = as_float(_e340);
            const float _e342 = (_e335 * _e341);
            const int _e344 = local3_;
            const int _e346 = as_int(as_uint(_e344) + as_uint(0));
            const uint _e347 = as_uint(_e346);
            const uint _e349 = (_e347 & 3u);
            const bool _e351 = (_e349 != 0u);
            if (_e351) {
                status[0] = 5u;
                return;
            }
            const uint _e356 = (_e347 >> (2u & 31u));
            const uint _e358 = _len_2;
            const bool _e359 = (_e356 >= _e358);
            if (_e359) {
                status[0] = 4u;
                return;
            }
            const float _e365 = buffer1_[min((uint)(_e356), _lim_2)];
            const float _e366 = (_e342 + _e365);
            const int _e368 = as_int(as_uint(_e309) + as_uint(0));
            const uint _e369 = as_uint(_e368);
            const uint _e371 = (_e369 & 3u);
            const bool _e373 = (_e371 != 0u);
            if (_e373) {
                status[0] = 5u;
                return;
            }
            const uint _e378 = (_e369 >> (2u & 31u));
            const uint _e380 = _len_2;
            const bool _e381 = (_e378 >= _e380);
            if (_e381) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e378), _lim_2)] = _e366;
            const int _e388 = local2_;
            const int _e390 = as_int(as_uint(_e388) + as_uint(8));
            local2_ = _e390;
            const int _e393 = local0_;
            const int _e395 = as_int(as_uint(_e393) + as_uint(8));
            local0_ = _e395;
            const int _e398 = local4_;
            const int _e400 = as_int(as_uint(_e398) + as_uint((-2)));
            local4_ = _e400;
            const bool _e403 = (_e400 != 0);
            if (_e403) {
                continue;
            }
            break;
        }
        break;
    }
}
