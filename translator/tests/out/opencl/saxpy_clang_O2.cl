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
            const float _e141 = buffer0_[min((uint)(_e132), _lim_1)];
            const float _e143 = (_e141 * as_float(0x40200000u));
            const int _e145 = local7_;
            const int _e147 = as_int(as_uint(_e145) + as_uint(0));
            const uint _e148 = as_uint(_e147);
            const uint _e150 = (_e148 & 3u);
            const bool _e152 = (_e150 != 0u);
            if (_e152) {
                status[0] = 5u;
                return;
            }
            const uint _e157 = (_e148 >> (2u & 31u));
            const uint _e159 = _len_2;
            const bool _e160 = (_e157 >= _e159);
            if (_e160) {
                status[0] = 4u;
                return;
            }
            const float _e166 = buffer1_[min((uint)(_e157), _lim_2)];
            const float _e167 = (_e143 + _e166);
            const int _e169 = as_int(as_uint(_e114) + as_uint(0));
            const uint _e170 = as_uint(_e169);
            const uint _e172 = (_e170 & 3u);
            const bool _e174 = (_e172 != 0u);
            if (_e174) {
                status[0] = 5u;
                return;
            }
            const uint _e179 = (_e170 >> (2u & 31u));
            const uint _e181 = _len_2;
            const bool _e182 = (_e179 >= _e181);
            if (_e182) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e179), _lim_2)] = _e167;
            const int _e189 = local4_;
            local0_ = _e189;
            break;
        }
        const int _e192 = local2_;
        const int _e194 = local4_;
        const bool _e195 = (_e192 == _e194);
        const int _e198 = (_e195 ? 1 : 0);
        const bool _e200 = (_e198 != 0);
        if (_e200) {
            break;
        }
        const int _e202 = local2_;
        const int _e204 = local0_;
        const int _e205 = as_int(as_uint(_e202) - as_uint(_e204));
        local4_ = _e205;
        const int _e208 = local3_;
        const int _e210 = local0_;
        const uint _e212 = as_uint(2);
        const uint _e214 = (_e212 & 31u);
        const int _e215 = as_int(as_uint(_e210) << (_e214 & 31u));
        local0_ = _e215;
        const int _e217 = as_int(as_uint(_e208) + as_uint(_e215));
        local2_ = _e217;
        const int _e220 = local5_;
        const int _e222 = local0_;
        const int _e223 = as_int(as_uint(_e220) + as_uint(_e222));
        local0_ = _e223;
        for (;;) {
            const int _e226 = local0_;
            const int _e228 = local2_;
            const int _e230 = as_int(as_uint(_e228) + as_uint(0));
            const uint _e231 = as_uint(_e230);
            const uint _e233 = (_e231 & 3u);
            const bool _e235 = (_e233 != 0u);
            if (_e235) {
                status[0] = 5u;
                return;
            }
            const uint _e240 = (_e231 >> (2u & 31u));
            const uint _e242 = _len_1;
            const bool _e243 = (_e240 >= _e242);
            if (_e243) {
                status[0] = 4u;
                return;
            }
            const float _e249 = buffer0_[min((uint)(_e240), _lim_1)];
            const float _e251 = (_e249 * as_float(0x40200000u));
            const int _e253 = local0_;
            const int _e255 = as_int(as_uint(_e253) + as_uint(0));
            const uint _e256 = as_uint(_e255);
            const uint _e258 = (_e256 & 3u);
            const bool _e260 = (_e258 != 0u);
            if (_e260) {
                status[0] = 5u;
                return;
            }
            const uint _e265 = (_e256 >> (2u & 31u));
            const uint _e267 = _len_2;
            const bool _e268 = (_e265 >= _e267);
            if (_e268) {
                status[0] = 4u;
                return;
            }
            const float _e274 = buffer1_[min((uint)(_e265), _lim_2)];
            const float _e275 = (_e251 + _e274);
            const int _e277 = as_int(as_uint(_e226) + as_uint(0));
            const uint _e278 = as_uint(_e277);
            const uint _e280 = (_e278 & 3u);
            const bool _e282 = (_e280 != 0u);
            if (_e282) {
                status[0] = 5u;
                return;
            }
            const uint _e287 = (_e278 >> (2u & 31u));
            const uint _e289 = _len_2;
            const bool _e290 = (_e287 >= _e289);
            if (_e290) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e287), _lim_2)] = _e275;
            const int _e297 = local0_;
            const int _e299 = as_int(as_uint(_e297) + as_uint(4));
            local3_ = _e299;
            const int _e302 = local2_;
            const int _e304 = as_int(as_uint(_e302) + as_uint(4));
            const int _e306 = as_int(as_uint(_e304) + as_uint(0));
            const uint _e307 = as_uint(_e306);
            const uint _e309 = (_e307 & 3u);
            const bool _e311 = (_e309 != 0u);
            if (_e311) {
                status[0] = 5u;
                return;
            }
            const uint _e316 = (_e307 >> (2u & 31u));
            const uint _e318 = _len_1;
            const bool _e319 = (_e316 >= _e318);
            if (_e319) {
                status[0] = 4u;
                return;
            }
            const float _e325 = buffer0_[min((uint)(_e316), _lim_1)];
            const float _e327 = (_e325 * as_float(0x40200000u));
            const int _e329 = local3_;
            const int _e331 = as_int(as_uint(_e329) + as_uint(0));
            const uint _e332 = as_uint(_e331);
            const uint _e334 = (_e332 & 3u);
            const bool _e336 = (_e334 != 0u);
            if (_e336) {
                status[0] = 5u;
                return;
            }
            const uint _e341 = (_e332 >> (2u & 31u));
            const uint _e343 = _len_2;
            const bool _e344 = (_e341 >= _e343);
            if (_e344) {
                status[0] = 4u;
                return;
            }
            const float _e350 = buffer1_[min((uint)(_e341), _lim_2)];
            const float _e351 = (_e327 + _e350);
            const int _e353 = as_int(as_uint(_e299) + as_uint(0));
            const uint _e354 = as_uint(_e353);
            const uint _e356 = (_e354 & 3u);
            const bool _e358 = (_e356 != 0u);
            if (_e358) {
                status[0] = 5u;
                return;
            }
            const uint _e363 = (_e354 >> (2u & 31u));
            const uint _e365 = _len_2;
            const bool _e366 = (_e363 >= _e365);
            if (_e366) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e363), _lim_2)] = _e351;
            const int _e373 = local2_;
            const int _e375 = as_int(as_uint(_e373) + as_uint(8));
            local2_ = _e375;
            const int _e378 = local0_;
            const int _e380 = as_int(as_uint(_e378) + as_uint(8));
            local0_ = _e380;
            const int _e383 = local4_;
            const int _e385 = as_int(as_uint(_e383) + as_uint((-2)));
            local4_ = _e385;
            const bool _e388 = (_e385 != 0);
            if (_e388) {
                continue;
            }
            break;
        }
        break;
    }
}
