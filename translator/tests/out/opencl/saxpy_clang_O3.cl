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
            const uint _e145 = (_e139 >> (2u & 31u));
            const uint _e147 = _len_1;
            const bool _e148 = (_e145 >= _e147);
            const bool _e149 = (_e143 || _e148);
            const uint _e152 = (_e143 ? 5u : 4u);
            if (_e149) {
                atomic_xchg(&status[0], _e152);
                return;
            }
            const float _e157 = buffer0_[min((uint)(_e145), _lim_1)];
            const uint _e161 = params.zero;
            const uint _e162 = (1075838976u | _e161);
            const float _e163 = as_float(_e162);
            const float _e164 = (_e157 * _e163);
            const int _e166 = local7_;
            const int _e168 = as_int(as_uint(_e166) + as_uint(0));
            const uint _e169 = as_uint(_e168);
            const uint _e171 = (_e169 & 3u);
            const bool _e173 = (_e171 != 0u);
            const uint _e175 = (_e169 >> (2u & 31u));
            const uint _e177 = _len_2;
            const bool _e178 = (_e175 >= _e177);
            const bool _e179 = (_e173 || _e178);
            const uint _e182 = (_e173 ? 5u : 4u);
            if (_e179) {
                atomic_xchg(&status[0], _e182);
                return;
            }
            const float _e187 = buffer1_[min((uint)(_e175), _lim_2)];
            const float _e188 = (_e164 + _e187);
            const int _e190 = as_int(as_uint(_e130) + as_uint(0));
            const uint _e191 = as_uint(_e190);
            const uint _e193 = (_e191 & 3u);
            const bool _e195 = (_e193 != 0u);
            const uint _e197 = (_e191 >> (2u & 31u));
            const uint _e199 = _len_2;
            const bool _e200 = (_e197 >= _e199);
            const bool _e201 = (_e195 || _e200);
            const uint _e204 = (_e195 ? 5u : 4u);
            if (_e201) {
                atomic_xchg(&status[0], _e204);
                return;
            }
            buffer1_[min((uint)(_e197), _lim_2)] = _e188;
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
            const int _e265 = local0_;
            const int _e267 = local2_;
            const int _e269 = as_int(as_uint(_e267) + as_uint(0));
            const uint _e270 = as_uint(_e269);
            const uint _e272 = (_e270 & 3u);
            const bool _e274 = (_e272 != 0u);
            const uint _e276 = (_e270 >> (2u & 31u));
            const uint _e278 = _len_1;
            const bool _e279 = (_e276 >= _e278);
            const bool _e280 = (_e274 || _e279);
            const uint _e283 = (_e274 ? 5u : 4u);
            if (_e280) {
                atomic_xchg(&status[0], _e283);
                return;
            }
            const float _e288 = buffer0_[min((uint)(_e276), _lim_1)];
            const uint _e292 = params.zero;
            const uint _e293 = (1075838976u | _e292);
            const float _e294 = as_float(_e293);
            const float _e295 = (_e288 * _e294);
            const int _e297 = local0_;
            const int _e299 = as_int(as_uint(_e297) + as_uint(0));
            const uint _e300 = as_uint(_e299);
            const uint _e302 = (_e300 & 3u);
            const bool _e304 = (_e302 != 0u);
            const uint _e306 = (_e300 >> (2u & 31u));
            const uint _e308 = _len_2;
            const bool _e309 = (_e306 >= _e308);
            const bool _e310 = (_e304 || _e309);
            const uint _e313 = (_e304 ? 5u : 4u);
            if (_e310) {
                atomic_xchg(&status[0], _e313);
                return;
            }
            const float _e318 = buffer1_[min((uint)(_e306), _lim_2)];
            const float _e319 = (_e295 + _e318);
            const int _e321 = as_int(as_uint(_e265) + as_uint(0));
            const uint _e322 = as_uint(_e321);
            const uint _e324 = (_e322 & 3u);
            const bool _e326 = (_e324 != 0u);
            const uint _e328 = (_e322 >> (2u & 31u));
            const uint _e330 = _len_2;
            const bool _e331 = (_e328 >= _e330);
            const bool _e332 = (_e326 || _e331);
            const uint _e335 = (_e326 ? 5u : 4u);
            if (_e332) {
                atomic_xchg(&status[0], _e335);
                return;
            }
            buffer1_[min((uint)(_e328), _lim_2)] = _e319;
            const int _e341 = local0_;
            const int _e343 = as_int(as_uint(_e341) + as_uint(4));
            local3_ = _e343;
            const int _e346 = local2_;
            const int _e348 = as_int(as_uint(_e346) + as_uint(4));
            const int _e350 = as_int(as_uint(_e348) + as_uint(0));
            const uint _e351 = as_uint(_e350);
            const uint _e353 = (_e351 & 3u);
            const bool _e355 = (_e353 != 0u);
            const uint _e357 = (_e351 >> (2u & 31u));
            const uint _e359 = _len_1;
            const bool _e360 = (_e357 >= _e359);
            const bool _e361 = (_e355 || _e360);
            const uint _e364 = (_e355 ? 5u : 4u);
            if (_e361) {
                atomic_xchg(&status[0], _e364);
                return;
            }
            const float _e369 = buffer0_[min((uint)(_e357), _lim_1)];
            const uint _e373 = params.zero;
            const uint _e374 = (1075838976u | _e373);
            const float _e375 = as_float(_e374);
            const float _e376 = (_e369 * _e375);
            const int _e378 = local3_;
            const int _e380 = as_int(as_uint(_e378) + as_uint(0));
            const uint _e381 = as_uint(_e380);
            const uint _e383 = (_e381 & 3u);
            const bool _e385 = (_e383 != 0u);
            const uint _e387 = (_e381 >> (2u & 31u));
            const uint _e389 = _len_2;
            const bool _e390 = (_e387 >= _e389);
            const bool _e391 = (_e385 || _e390);
            const uint _e394 = (_e385 ? 5u : 4u);
            if (_e391) {
                atomic_xchg(&status[0], _e394);
                return;
            }
            const float _e399 = buffer1_[min((uint)(_e387), _lim_2)];
            const float _e400 = (_e376 + _e399);
            const int _e402 = as_int(as_uint(_e343) + as_uint(0));
            const uint _e403 = as_uint(_e402);
            const uint _e405 = (_e403 & 3u);
            const bool _e407 = (_e405 != 0u);
            const uint _e409 = (_e403 >> (2u & 31u));
            const uint _e411 = _len_2;
            const bool _e412 = (_e409 >= _e411);
            const bool _e413 = (_e407 || _e412);
            const uint _e416 = (_e407 ? 5u : 4u);
            if (_e413) {
                atomic_xchg(&status[0], _e416);
                return;
            }
            buffer1_[min((uint)(_e409), _lim_2)] = _e400;
            const int _e422 = local2_;
            const int _e424 = as_int(as_uint(_e422) + as_uint(8));
            local2_ = _e424;
            const int _e427 = local0_;
            const int _e429 = as_int(as_uint(_e427) + as_uint(8));
            local0_ = _e429;
            const int _e432 = local4_;
            const int _e434 = as_int(as_uint(_e432) + as_uint((-2)));
            local4_ = _e434;
            const bool _e437 = (_e434 != 0);
            if (_e437) {
                continue;
            }
            break;
        }
        break;
    }
}
