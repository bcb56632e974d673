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
    for (;;) {
        const int _e45 = local2_;
        const int _e47 = local0_;
        const int _e48 = as_int(as_uint(_e45) * as_uint(_e47));
        local0_ = _e48;
        const int _e51 = local2_;
        const int _e52 = as_int(as_uint(_e48) + as_uint(_e51));
        local2_ = _e52;
        const int _e55 = local4_;
        const bool _e58 = (4 == 0);
        if (_e58) {
            status[0] = 2u;
            return;
        }
        const bool _e64 = (_e55 == (-2147483647 - 1));
        const bool _e65 = (4 == (-1));
        const bool _e66 = (_e64 && _e65);
        if (_e66) {
            status[0] = 3u;
            return;
        }
        const int _e70 = _div_int(_e55, 4);
        local4_ = _e70;
        const int _e73 = local2_;
        const int _e75 = local4_;
        const bool _e76 = (_e73 < _e75);
        const int _e79 = (_e76 ? 1 : 0);
        const bool _e81 = (_e79 != 0);
        const int _e82 = (_e81 ? _e52 : _e70);
        local2_ = _e82;
        const int _e85 = local0_;
        const bool _e86 = (_e82 <= _e85);
        const int _e89 = (_e86 ? 1 : 0);
        const bool _e91 = (_e89 != 0);
        if (_e91) {
            break;
        }
        const int _e93 = local0_;
        const int _e95 = as_int(as_uint(_e93) + as_uint(1));
        local4_ = _e95;
        for (;;) {
            const int _e98 = local2_;
            const int _e100 = local0_;
            const int _e101 = as_int(as_uint(_e98) - as_uint(_e100));
            const int _e103 = (_e101 & 1);
            const bool _e105 = (_e103 == 0);
            const int _e108 = (_e105 ? 1 : 0);
            const bool _e110 = (_e108 != 0);
            if (_e110) {
                break;
            }
            const int _e112 = local5_;
            const int _e114 = local0_;
            const uint _e116 = as_uint(2);
            const uint _e118 = (_e116 & 31u);
            const int _e119 = as_int(as_uint(_e114) << (_e118 & 31u));
            local0_ = _e119;
            const int _e121 = as_int(as_uint(_e112) + as_uint(_e119));
            local7_ = _e121;
            const int _e124 = local3_;
            const int _e126 = local0_;
            const int _e127 = as_int(as_uint(_e124) + as_uint(_e126));
            const int _e129 = as_int(as_uint(_e127) + as_uint(0));
            const uint _e130 = as_uint(_e129);
            const uint _e132 = (_e130 & 3u);
            const bool _e134 = (_e132 != 0u);
            if (_e134) {
                status[0] = 5u;
                return;
            }
            const uint _e139 = (_e130 >> (2u & 31u));
            const uint _e141 = _len_1;
            const bool _e142 = (_e139 >= _e141);
            if (_e142) {
                status[0] = 4u;
                return;
            }
            const float _e148 = buffer0_[min((uint)(_e139), _lim_1)];
            const uint _e152 = params.zero;
            const uint _e153 = (1075838976u | _e152);
            const float _e154 = as_float(_e153);
            const float _e155 = (_e148 * _e154);
            const int _e157 = local7_;
            const int _e159 = as_int(as_uint(_e157) + as_uint(0));
            const uint _e160 = as_uint(_e159);
            const uint _e162 = (_e160 & 3u);
            const bool _e164 = (_e162 != 0u);
            if (_e164) {
                status[0] = 5u;
                return;
            }
            const uint _e169 = (_e160 >> (2u & 31u));
            const uint _e171 = _len_2;
            const bool _e172 = (_e169 >= _e171);
            if (_e172) {
                status[0] = 4u;
                return;
            }
            const float _e178 = buffer1_[min((uint)(_e169), _lim_2)];
            const float _e179 = (_e155 + _e178);
            const int _e181 = as_int(as_uint(_e121) + as_uint(0));
            const uint _e182 = as_uint(_e181);
            const uint _e184 = (_e182 & 3u);
            const bool _e186 = (_e184 != 0u);
            if (_e186) {
                status[0] = 5u;
                return;
            }
            const uint _e191 = (_e182 >> (2u & 31u));
            const uint _e193 = _len_2;
            const bool _e194 = (_e191 >= _e193);
            if (_e194) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e191), _lim_2)] = _e179;
            const int _e201 = local4_;
            local0_ = _e201;
            break;
        }
        const int _e204 = local2_;
        const int _e206 = local4_;
        const bool _e207 = (_e204 == _e206);
        const int _e210 = (_e207 ? 1 : 0);
        const bool _e212 = (_e210 != 0);
        if (_e212) {
            break;
        }
        const int _e214 = local2_;
        const int _e216 = local0_;
        const int _e217 = as_int(as_uint(_e214) - as_uint(_e216));
        local4_ = _e217;
        const int _e220 = local3_;
        const int _e222 = local0_;
        const uint _e224 = as_uint(2);
        const uint _e226 = (_e224 & 31u);
        const int _e227 = as_int(as_uint(_e222) << (_e226 & 31u));
        local0_ = _e227;
        const int _e229 = as_int(as_uint(_e220) + as_uint(_e227));
        local2_ = _e229;
        const int _e232 = local5_;
        const int _e234 = local0_;
        const int _e235 = as_int(as_uint(_e232) + as_uint(_e234));
        local0_ = _e235;
        for (;;) {
            const int _e238 = local0_;
            const int _e240 = local2_;
            const int _e242 = as_int(as_uint(_e240) + as_uint(0));
            const uint _e243 = as_uint(_e242);
            const uint _e245 = (_e243 & 3u);
            const bool _e247 = (_e245 != 0u);
            if (_e247) {
                status[0] = 5u;
                return;
            }
            const uint _e252 = (_e243 >> (2u & 31u));
            const uint _e254 = _len_1;
            const bool _e255 = (_e252 >= _e254);
            if (_e255) {
                status[0] = 4u;
                return;
            }
            const float _e261 = buffer0_[min((uint)(_e252), _lim_1)];
            const uint _e265 = params.zero;
            const uint _e266 = (1075838976u | _e265);
            const float _e267 = as_float(_e266);
            const float _e268 = (_e261 * _e267);
            const int _e270 = local0_;
            const int _e272 = as_int(as_uint(_e270) + as_uint(0));
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
            const float _e291 = buffer1_[min((uint)(_e282), _lim_2)];
            const float _e292 = (_e268 + _e291);
            const int _e294 = as_int(as_uint(_e238) + as_uint(0));
            const uint _e295 = as_uint(_e294);
            const uint _e297 = (_e295 & 3u);
            const bool _e299 = (_e297 != 0u);
            if (_e299) {
                status[0] = 5u;
                return;
            }
            const uint _e304 = (_e295 >> (2u & 31u));
            const uint _e306 = _len_2;
            const bool _e307 = (_e304 >= _e306);
            if (_e307) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e304), _lim_2)] = _e292;
            const int _e314 = local0_;
            const int _e316 = as_int(as_uint(_e314) + as_uint(4));
            local3_ = _e316;
            const int _e319 = local2_;
            const int _e321 = as_int(as_uint(_e319) + as_uint(4));
            const int _e323 = as_int(as_uint(_e321) + as_uint(0));
            const uint _e324 = as_uint(_e323);
            const uint _e326 = (_e324 & 3u);
            const bool _e328 = (_e326 != 0u);
            if (_e328) {
                status[0] = 5u;
                return;
            }
            const uint _e333 = (_e324 >> (2u & 31u));
            const uint _e335 = _len_1;
            const bool _e336 = (_e333 >= _e335);
            if (_e336) {
                status[0] = 4u;
                return;
            }
            const float _e342 = buffer0_[min((uint)(_e333), _lim_1)];
            const uint _e346 = params.zero;
            const uint _e347 = (1075838976u | _e346);
            const float _e348 = as_float(_e347);
            const float _e349 = (_e342 * _e348);
            const int _e351 = local3_;
            const int _e353 = as_int(as_uint(_e351) + as_uint(0));
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
            const float _e372 = buffer1_[min((uint)(_e363), _lim_2)];
            const float _e373 = (_e349 + _e372);
            const int _e375 = as_int(as_uint(_e316) + as_uint(0));
            const uint _e376 = as_uint(_e375);
            const uint _e378 = (_e376 & 3u);
            const bool _e380 = (_e378 != 0u);
            if (_e380) {
                status[0] = 5u;
                return;
            }
            const uint _e385 = (_e376 >> (2u & 31u));
            const uint _e387 = _len_2;
            const bool _e388 = (_e385 >= _e387);
            if (_e388) {
                status[0] = 4u;
                return;
            }
            buffer1_[min((uint)(_e385), _lim_2)] = _e373;
            const int _e395 = local2_;
            const int _e397 = as_int(as_uint(_e395) + as_uint(8));
            local2_ = _e397;
            const int _e400 = local0_;
            const int _e402 = as_int(as_uint(_e400) + as_uint(8));
            local0_ = _e402;
            const int _e405 = local4_;
            const int _e407 = as_int(as_uint(_e405) + as_uint((-2)));
            local4_ = _e407;
            const bool _e410 = (_e407 != 0);
            if (_e410) {
                continue;
            }
            break;
        }
        break;
    }
}
