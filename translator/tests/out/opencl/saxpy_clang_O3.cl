// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
    uint budget;
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
    const uint _e35 = params.budget;
    loop_budget = _e35;
    local3_ = 0;
    const uint _e40 = _len_1;
    const uint _e42 = (_e40 * 4u);
    const int _e43 = as_int(_e42);
    local4_ = _e43;
    local5_ = 0;
    const uint _e48 = _len_2;
    const uint _e50 = (_e48 * 4u);
    const int _e51 = as_int(_e50);
    local6_ = _e51;
    for (;;) {
        const int _e54 = local2_;
        const int _e56 = local0_;
        const int _e57 = as_int(as_uint(_e54) * as_uint(_e56));
        local0_ = _e57;
        const int _e60 = local2_;
        const int _e61 = as_int(as_uint(_e57) + as_uint(_e60));
        local2_ = _e61;
        const int _e64 = local4_;
        const bool _e67 = (4 == 0);
        if (_e67) {
            atomic_xchg(&status[0], 2u);
            return;
        }
        const bool _e73 = (_e64 == (-2147483647 - 1));
        const bool _e74 = (4 == (-1));
        const bool _e75 = (_e73 && _e74);
        if (_e75) {
            atomic_xchg(&status[0], 3u);
            return;
        }
        const int _e79 = _div_int(_e64, 4);
        local4_ = _e79;
        const int _e82 = local2_;
        const int _e84 = local4_;
        const bool _e85 = (_e82 < _e84);
        const int _e88 = (_e85 ? 1 : 0);
        const bool _e90 = (_e88 != 0);
        const int _e91 = (_e90 ? _e61 : _e79);
        local2_ = _e91;
        const int _e94 = local0_;
        const bool _e95 = (_e91 <= _e94);
        const int _e98 = (_e95 ? 1 : 0);
        const bool _e100 = (_e98 != 0);
        if (_e100) {
            break;
        }
        const int _e102 = local0_;
        const int _e104 = as_int(as_uint(_e102) + as_uint(1));
        local4_ = _e104;
        for (;;) {
            const int _e107 = local2_;
            const int _e109 = local0_;
            const int _e110 = as_int(as_uint(_e107) - as_uint(_e109));
            const int _e112 = (_e110 & 1);
            const bool _e114 = (_e112 == 0);
            const int _e117 = (_e114 ? 1 : 0);
            const bool _e119 = (_e117 != 0);
            if (_e119) {
                break;
            }
            const int _e121 = local5_;
            const int _e123 = local0_;
            const uint _e125 = as_uint(2);
            const uint _e127 = (_e125 & 31u);
            const int _e128 = as_int(as_uint(_e123) << (_e127 & 31u));
            local0_ = _e128;
            const int _e130 = as_int(as_uint(_e121) + as_uint(_e128));
            local7_ = _e130;
            const int _e133 = local3_;
            const int _e135 = local0_;
            const int _e136 = as_int(as_uint(_e133) + as_uint(_e135));
            const int _e138 = as_int(as_uint(_e136) + as_uint(0));
            const uint _e139 = as_uint(_e138);
            const uint _e141 = (_e139 & 3u);
            const bool _e143 = (_e141 != 0u);
            if (_e143) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e148 = (_e139 >> (2u & 31u));
            const uint _e150 = _len_1;
            const bool _e151 = (_e148 >= _e150);
            if (_e151) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            const float _e157 = buffer0_[min((uint)(_e148), _lim_1)];
            const uint _e161 = params.zero;
            const uint _e162 = (1075838976u | _e161);
            const float _e163 = as_float(_e162);
            const float _e164 = (_e157 * _e163);
            const int _e166 = local7_;
            const int _e168 = as_int(as_uint(_e166) + as_uint(0));
            const uint _e169 = as_uint(_e168);
            const uint _e171 = (_e169 & 3u);
            const bool _e173 = (_e171 != 0u);
            if (_e173) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e178 = (_e169 >> (2u & 31u));
            const uint _e180 = _len_2;
            const bool _e181 = (_e178 >= _e180);
            if (_e181) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            const float _e187 = buffer1_[min((uint)(_e178), _lim_2)];
            const float _e188 = (_e164 + _e187);
            const int _e190 = as_int(as_uint(_e130) + as_uint(0));
            const uint _e191 = as_uint(_e190);
            const uint _e193 = (_e191 & 3u);
            const bool _e195 = (_e193 != 0u);
            if (_e195) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e200 = (_e191 >> (2u & 31u));
            const uint _e202 = _len_2;
            const bool _e203 = (_e200 >= _e202);
            if (_e203) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            buffer1_[min((uint)(_e200), _lim_2)] = _e188;
            const int _e210 = local4_;
            local0_ = _e210;
            break;
        }
        const int _e213 = local2_;
        const int _e215 = local4_;
        const bool _e216 = (_e213 == _e215);
        const int _e219 = (_e216 ? 1 : 0);
        const bool _e221 = (_e219 != 0);
        if (_e221) {
            break;
        }
        const int _e223 = local2_;
        const int _e225 = local0_;
        const int _e226 = as_int(as_uint(_e223) - as_uint(_e225));
        local4_ = _e226;
        const int _e229 = local3_;
        const int _e231 = local0_;
        const uint _e233 = as_uint(2);
        const uint _e235 = (_e233 & 31u);
        const int _e236 = as_int(as_uint(_e231) << (_e235 & 31u));
        local0_ = _e236;
        const int _e238 = as_int(as_uint(_e229) + as_uint(_e236));
        local2_ = _e238;
        const int _e241 = local5_;
        const int _e243 = local0_;
        const int _e244 = as_int(as_uint(_e241) + as_uint(_e243));
        local0_ = _e244;
        for (;;) {
            const uint _e247 = loop_budget;
            const bool _e249 = (_e247 == 0u);
            if (_e249) {
                const uint _e252 = params.budget;
                const bool _e254 = (_e252 != 4294967295u);
                if (_e254) {
                    atomic_xchg(&status[0], 9u);
                    return;
                }
                loop_budget = 4294967295u;
            }
            const uint _e260 = loop_budget;
            const uint _e262 = (_e260 - 1u);
            loop_budget = _e262;
            const uint _e265 = (_e262 & 1023u);
            const bool _e267 = (_e265 == 0u);
            if (_e267) {
                const uint _e270 = status[0];
                const bool _e272 = (_e270 != 0u);
                if (_e272) {
                    return;
                }
            }
            const int _e274 = local0_;
            const int _e276 = local2_;
            const int _e278 = as_int(as_uint(_e276) + as_uint(0));
            const uint _e279 = as_uint(_e278);
            const uint _e281 = (_e279 & 3u);
            const bool _e283 = (_e281 != 0u);
            if (_e283) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e288 = (_e279 >> (2u & 31u));
            const uint _e290 = _len_1;
            const bool _e291 = (_e288 >= _e290);
            if (_e291) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            const float _e297 = buffer0_[min((uint)(_e288), _lim_1)];
            const uint _e301 = params.zero;
            const uint _e302 = (1075838976u | _e301);
            const float _e303 = as_float(_e302);
            const float _e304 = (_e297 * _e303);
            const int _e306 = local0_;
            const int _e308 = as_int(as_uint(_e306) + as_uint(0));
            const uint _e309 = as_uint(_e308);
            const uint _e311 = (_e309 & 3u);
            const bool _e313 = (_e311 != 0u);
            if (_e313) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e318 = (_e309 >> (2u & 31u));
            const uint _e320 = _len_2;
            const bool _e321 = (_e318 >= _e320);
            if (_e321) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            const float _e327 = buffer1_[min((uint)(_e318), _lim_2)];
            const float _e328 = (_e304 + _e327);
            const int _e330 = as_int(as_uint(_e274) + as_uint(0));
            const uint _e331 = as_uint(_e330);
            const uint _e333 = (_e331 & 3u);
            const bool _e335 = (_e333 != 0u);
            if (_e335) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e340 = (_e331 >> (2u & 31u));
            const uint _e342 = _len_2;
            const bool _e343 = (_e340 >= _e342);
            if (_e343) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            buffer1_[min((uint)(_e340), _lim_2)] = _e328;
            const int _e350 = local0_;
            const int _e352 = as_int(as_uint(_e350) + as_uint(4));
            local3_ = _e352;
            const int _e355 = local2_;
            const int _e357 = as_int(as_uint(_e355) + as_uint(4));
            const int _e359 = as_int(as_uint(_e357) + as_uint(0));
            const uint _e360 = as_uint(_e359);
            const uint _e362 = (_e360 & 3u);
            const bool _e364 = (_e362 != 0u);
            if (_e364) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e369 = (_e360 >> (2u & 31u));
            const uint _e371 = _len_1;
            const bool _e372 = (_e369 >= _e371);
            if (_e372) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            const float _e378 = buffer0_[min((uint)(_e369), _lim_1)];
            const uint _e382 = params.zero;
            const uint _e383 = (1075838976u | _e382);
            const float _e384 = as_float(_e383);
            const float _e385 = (_e378 * _e384);
            const int _e387 = local3_;
            const int _e389 = as_int(as_uint(_e387) + as_uint(0));
            const uint _e390 = as_uint(_e389);
            const uint _e392 = (_e390 & 3u);
            const bool _e394 = (_e392 != 0u);
            if (_e394) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e399 = (_e390 >> (2u & 31u));
            const uint _e401 = _len_2;
            const bool _e402 = (_e399 >= _e401);
            if (_e402) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            const float _e408 = buffer1_[min((uint)(_e399), _lim_2)];
            const float _e409 = (_e385 + _e408);
            const int _e411 = as_int(as_uint(_e352) + as_uint(0));
            const uint _e412 = as_uint(_e411);
            const uint _e414 = (_e412 & 3u);
            const bool _e416 = (_e414 != 0u);
            if (_e416) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e421 = (_e412 >> (2u & 31u));
            const uint _e423 = _len_2;
            const bool _e424 = (_e421 >= _e423);
            if (_e424) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            buffer1_[min((uint)(_e421), _lim_2)] = _e409;
            const int _e431 = local2_;
            const int _e433 = as_int(as_uint(_e431) + as_uint(8));
            local2_ = _e433;
            const int _e436 = local0_;
            const int _e438 = as_int(as_uint(_e436) + as_uint(8));
            local0_ = _e438;
            const int _e441 = local4_;
            const int _e443 = as_int(as_uint(_e441) + as_uint((-2)));
            local4_ = _e443;
            const bool _e446 = (_e443 != 0);
            if (_e446) {
                continue;
            }
            break;
        }
        break;
    }
}
