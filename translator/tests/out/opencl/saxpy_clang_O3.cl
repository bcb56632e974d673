// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
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
            const float _e140 = buffer0_[min((uint)(_e132), _lim_1)];
            const float _e142 = (_e140 * as_float(0x40200000u));
            const int _e144 = local7_;
            const int _e146 = as_int(as_uint(_e144) + as_uint(0));
            const uint _e147 = as_uint(_e146);
            const uint _e149 = (_e147 & 3u);
            const bool _e151 = (_e149 != 0u);
            if (_e151) {
                status[0] = 5u;
                return;
            }
            const uint _e156 = (_e147 >> (2u & 31u));
            const uint _e158 = _len_2;
            const bool _e159 = (_e156 >= _e158);
            if (_e159) {
                status[0] = 4u;
                return;
            }
            const float _e164 = buffer1_[min((uint)(_e156), _lim_2)];
            const float _e165 = (_e142 + _e164);
            const int _e167 = as_int(as_uint(_e114) + as_uint(0));
            const uint _e168 = as_uint(_e167);
            const uint _e170 = (_e168 & 3u);
            const bool _e172 = (_e170 != 0u);
            if (_e172) {
                status[0] = 5u;
                return;
            }
            const uint _e177 = (_e168 >> (2u & 31u));
            const uint _e179 = _len_2;
            const bool _e180 = (_e177 >= _e179);
            if (_e180) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e177), _lim_2)] = _e165;
            const int _e186 = local4_;
            local0_ = _e186;
            break;
        }
        const int _e189 = local2_;
        const int _e191 = local4_;
        const bool _e192 = (_e189 == _e191);
        const int _e195 = (_e192 ? 1 : 0);
        const bool _e197 = (_e195 != 0);
        if (_e197) {
            break;
        }
        const int _e199 = local2_;
        const int _e201 = local0_;
        const int _e202 = as_int(as_uint(_e199) - as_uint(_e201));
        local4_ = _e202;
        const int _e205 = local3_;
        const int _e207 = local0_;
        const uint _e209 = as_uint(2);
        const uint _e211 = (_e209 & 31u);
        const int _e212 = as_int(as_uint(_e207) << (_e211 & 31u));
        local0_ = _e212;
        const int _e214 = as_int(as_uint(_e205) + as_uint(_e212));
        local2_ = _e214;
        const int _e217 = local5_;
        const int _e219 = local0_;
        const int _e220 = as_int(as_uint(_e217) + as_uint(_e219));
        local0_ = _e220;
        for (;;) {
            const int _e223 = local0_;
            const int _e225 = local2_;
            const int _e227 = as_int(as_uint(_e225) + as_uint(0));
            const uint _e228 = as_uint(_e227);
            const uint _e230 = (_e228 & 3u);
            const bool _e232 = (_e230 != 0u);
            if (_e232) {
                status[0] = 5u;
                return;
            }
            const uint _e237 = (_e228 >> (2u & 31u));
            const uint _e239 = _len_1;
            const bool _e240 = (_e237 >= _e239);
            if (_e240) {
                status[0] = 4u;
                return;
            }
            const float _e245 = buffer0_[min((uint)(_e237), _lim_1)];
            const float _e247 = (_e245 * as_float(0x40200000u));
            const int _e249 = local0_;
            const int _e251 = as_int(as_uint(_e249) + as_uint(0));
            const uint _e252 = as_uint(_e251);
            const uint _e254 = (_e252 & 3u);
            const bool _e256 = (_e254 != 0u);
            if (_e256) {
                status[0] = 5u;
                return;
            }
            const uint _e261 = (_e252 >> (2u & 31u));
            const uint _e263 = _len_2;
            const bool _e264 = (_e261 >= _e263);
            if (_e264) {
                status[0] = 4u;
                return;
            }
            const float _e269 = buffer1_[min((uint)(_e261), _lim_2)];
            const float _e270 = (_e247 + _e269);
            const int _e272 = as_int(as_uint(_e223) + as_uint(0));
            const uint _e273 = as_uint(_e272);
            const uint _e275 = (_e273 & 3u);
            const bool _e277 = (_e275 != 0u);
            if (_e277) {
                status[0] = 5u;
                return;
            }
            const uint _e282 = (_e273 >> (2u & 31u));
            const uint _e284 = _len_2;
            const bool _e285 = (_e282 >= _e284);
            if (_e285) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e282), _lim_2)] = _e270;
            const int _e291 = local0_;
            const int _e293 = as_int(as_uint(_e291) + as_uint(4));
            local3_ = _e293;
            const int _e296 = local2_;
            const int _e298 = as_int(as_uint(_e296) + as_uint(4));
            const int _e300 = as_int(as_uint(_e298) + as_uint(0));
            const uint _e301 = as_uint(_e300);
            const uint _e303 = (_e301 & 3u);
            const bool _e305 = (_e303 != 0u);
            if (_e305) {
                status[0] = 5u;
                return;
            }
            const uint _e310 = (_e301 >> (2u & 31u));
            const uint _e312 = _len_1;
            const bool _e313 = (_e310 >= _e312);
            if (_e313) {
                status[0] = 4u;
                return;
            }
            const float _e318 = buffer0_[min((uint)(_e310), _lim_1)];
            const float _e320 = (_e318 * as_float(0x40200000u));
            const int _e322 = local3_;
            const int _e324 = as_int(as_uint(_e322) + as_uint(0));
            const uint _e325 = as_uint(_e324);
            const uint _e327 = (_e325 & 3u);
            const bool _e329 = (_e327 != 0u);
            if (_e329) {
                status[0] = 5u;
                return;
            }
            const uint _e334 = (_e325 >> (2u & 31u));
            const uint _e336 = _len_2;
            const bool _e337 = (_e334 >= _e336);
            if (_e337) {
                status[0] = 4u;
                return;
            }
            const float _e342 = buffer1_[min((uint)(_e334), _lim_2)];
            const float _e343 = (_e320 + _e342);
            const int _e345 = as_int(as_uint(_e293) + as_uint(0));
            const uint _e346 = as_uint(_e345);
            const uint _e348 = (_e346 & 3u);
            const bool _e350 = (_e348 != 0u);
            if (_e350) {
                status[0] = 5u;
                return;
            }
            const uint _e355 = (_e346 >> (2u & 31u));
            const uint _e357 = _len_2;
            const bool _e358 = (_e355 >= _e357);
            if (_e358) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e355), _lim_2)] = _e343;
            const int _e364 = local2_;
            const int _e366 = as_int(as_uint(_e364) + as_uint(8));
            local2_ = _e366;
            const int _e369 = local0_;
            const int _e371 = as_int(as_uint(_e369) + as_uint(8));
            local0_ = _e371;
            const int _e374 = local4_;
            const int _e376 = as_int(as_uint(_e374) + as_uint((-2)));
            local4_ = _e376;
            const bool _e379 = (_e376 != 0);
            if (_e379) {
                continue;
            }
            break;
        }
        break;
    }
}
