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
    volatile __global uint* buffer1_,
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
    int local_ = 0;
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
    local9_ = 4096;
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
    local12_ = 3;
    const int _e93 = local9_;
    const int _e95 = as_int(as_uint(_e93) - as_uint(16));
    local9_ = _e95;
    const int _e98 = local3_;
    const int _e100 = local0_;
    const uint _e102 = as_uint(2);
    const uint _e104 = (_e102 & 31u);
    const int _e105 = as_int(as_uint(_e100) << (_e104 & 31u));
    const int _e106 = as_int(as_uint(_e98) + as_uint(_e105));
    const int _e108 = as_int(as_uint(_e106) + as_uint(2));
    const uint _e109 = as_uint(_e108);
    const uint _e111 = (_e109 & 1u);
    const bool _e113 = (_e111 != 0u);
    if (_e113) {
        atomic_xchg(&status[0], 5u);
        return;
    }
    const uint _e118 = (_e109 >> (2u & 31u));
    const uint _e120 = _len_1;
    const bool _e121 = (_e118 >= _e120);
    if (_e121) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    const int _e127 = buffer0_[min((uint)(_e118), _lim_1)];
    const uint _e128 = as_uint(_e127);
    const uint _e130 = (_e109 & 3u);
    const uint _e132 = (_e130 * 8u);
    const uint _e133 = (_e128 >> (_e132 & 31u));
    const uint _e135 = (_e133 << (16u & 31u));
    const int _e136 = as_int(_e135);
    const int _e137 = (_e136 >> (16u & 31u));
    local7_ = _e137;
    const int _e140 = local5_;
    const int _e142 = local0_;
    const uint _e144 = as_uint(3);
    const uint _e146 = (_e144 & 31u);
    const int _e147 = as_int(as_uint(_e142) << (_e146 & 31u));
    const int _e148 = as_int(as_uint(_e140) + as_uint(_e147));
    local8_ = _e148;
    const int _e151 = local8_;
    const int _e153 = local7_;
    local10_ = _e153;
    local11_ = 0;
    for (;;) {
        for (;;) {
            const uint _e158 = loop_budget;
            const bool _e160 = (_e158 == 0u);
            if (_e160) {
                const uint _e163 = params.budget;
                const bool _e165 = (_e163 != 4294967295u);
                if (_e165) {
                    atomic_xchg(&status[0], 9u);
                    return;
                }
                loop_budget = 4294967295u;
            }
            const uint _e171 = loop_budget;
            const uint _e173 = (_e171 - 1u);
            loop_budget = _e173;
            const uint _e176 = (_e173 & 1023u);
            const bool _e178 = (_e176 == 0u);
            if (_e178) {
                const uint _e181 = status[0];
                const bool _e183 = (_e181 != 0u);
                if (_e183) {
                    return;
                }
            }
            const int _e185 = local10_;
            const int _e187 = local11_;
            const uint _e189 = as_uint(3);
            const uint _e191 = (_e189 & 31u);
            const int _e192 = as_int(as_uint(_e187) << (_e191 & 31u));
            const uint _e193 = as_uint(_e192);
            const uint _e195 = (_e193 & 31u);
            const uint _e196 = as_uint(_e185);
            const uint _e197 = (_e196 >> (_e195 & 31u));
            const int _e198 = as_int(_e197);
            const int _e200 = (_e198 & 255);
            const bool _e202 = (_e200 == 0);
            const int _e205 = (_e202 ? 1 : 0);
            const bool _e207 = (_e205 != 0);
            for (;;) {
                if (_e207) {
                    const int _e209 = local11_;
                    local_ = _e209;
                    branch_counter = 2u;
                    break;
                }
                break;
            }
            const uint _e214 = branch_counter;
            const bool _e216 = (_e214 != 0u);
            const uint _e218 = (_e214 - 1u);
            const bool _e219 = (_e218 == 0u);
            if (_e216) {
                branch_counter = _e218;
                if (_e219) {
                    continue;
                } else {
                    break;
                }
            }
            const int _e222 = local11_;
            const int _e224 = as_int(as_uint(_e222) + as_uint(1));
            local11_ = _e224;
            const int _e227 = local11_;
            const uint _e229 = as_uint(_e227);
            const uint _e230 = as_uint(4);
            const bool _e231 = (_e229 < _e230);
            const int _e234 = (_e231 ? 1 : 0);
            const bool _e236 = (_e234 != 0);
            if (_e236) {
                continue;
            }
            break;
        }
        const uint _e238 = branch_counter;
        const bool _e240 = (_e238 != 0u);
        const uint _e242 = (_e238 - 1u);
        const bool _e243 = (_e242 == 0u);
        if (_e240) {
            branch_counter = _e242;
            if (_e243) {
                break;
            } else {
                break;
            }
        }
        local_ = (-1);
        break;
    }
    const int _e248 = local_;
    const int _e250 = as_int(as_uint(_e151) + as_uint(0));
    const uint _e251 = as_uint(_e250);
    const uint _e253 = (_e251 >> (2u & 31u));
    const uint _e255 = _len_2;
    const bool _e256 = (_e253 >= _e255);
    if (_e256) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    const uint _e262 = as_uint(_e248);
    const uint _e264 = (_e262 & 255u);
    const uint _e266 = (_e251 & 3u);
    const uint _e268 = (_e266 * 8u);
    const uint _e269 = (255u << (_e268 & 31u));
    const uint _e270 = (~_e269);
    const uint _e271 = (_e264 << (_e268 & 31u));
    atomic_and(&buffer1_[min((uint)(_e253), _lim_2)], _e270);
    atomic_or(&buffer1_[min((uint)(_e253), _lim_2)], _e271);
    const int _e273 = local8_;
    const int _e275 = local7_;
    const int _e277 = local12_;
    const int _e278 = as_int(as_uint(_e275) * as_uint(_e277));
    const int _e280 = as_int(as_uint(_e273) + as_uint(2));
    const uint _e281 = as_uint(_e280);
    const uint _e283 = (_e281 & 1u);
    const bool _e285 = (_e283 != 0u);
    if (_e285) {
        atomic_xchg(&status[0], 5u);
        return;
    }
    const uint _e290 = (_e281 >> (2u & 31u));
    const uint _e292 = _len_2;
    const bool _e293 = (_e290 >= _e292);
    if (_e293) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    const uint _e299 = as_uint(_e278);
    const uint _e301 = (_e299 & 65535u);
    const uint _e303 = (_e281 & 3u);
    const uint _e305 = (_e303 * 8u);
    const uint _e306 = (65535u << (_e305 & 31u));
    const uint _e307 = (~_e306);
    const uint _e308 = (_e301 << (_e305 & 31u));
    atomic_and(&buffer1_[min((uint)(_e290), _lim_2)], _e307);
    atomic_or(&buffer1_[min((uint)(_e290), _lim_2)], _e308);
    const int _e310 = local9_;
    const int _e312 = local7_;
    const int _e314 = as_int(as_uint(_e310) + as_uint(3));
    const uint _e315 = as_uint(_e314);
    const uint _e317 = (_e315 - 4294955008u);
    const uint _e319 = (_e317 >> (2u & 31u));
    const bool _e321 = (_e319 >= 4096u);
    if (_e321) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    const uint _e327 = as_uint(_e312);
    const uint _e329 = (_e327 & 255u);
    const uint _e331 = (_e317 & 3u);
    const uint _e333 = (_e331 * 8u);
    const uint _e334 = (255u << (_e333 & 31u));
    const uint _e335 = (~_e334);
    const uint _e336 = (_e329 << (_e333 & 31u));
    const uint _e337 = stack[min((uint)(_e319), 4095u)];
    const uint _e338 = (_e337 & _e335);
    const uint _e339 = (_e338 | _e336);
    stack[min((uint)(_e319), 4095u)] = _e339;
    const int _e341 = local8_;
    const int _e343 = local8_;
    const int _e345 = as_int(as_uint(_e343) + as_uint(0));
    const uint _e346 = as_uint(_e345);
    const uint _e348 = (_e346 & 7u);
    const bool _e350 = (_e348 != 0u);
    if (_e350) {
        atomic_xchg(&status[0], 5u);
        return;
    }
    const uint _e355 = (_e346 >> (2u & 31u));
    const uint _e357 = _len_2;
    const uint _e359 = (_e355 + 1u);
    const bool _e360 = (_e359 >= _e357);
    if (_e360) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    const uint _e366 = buffer1_[min((uint)(_e355), _lim_2)];
    const uint _e368 = (_e355 + 1u);
    const uint _e371 = buffer1_[min((uint)(_e368), _lim_2)];
    const ulong _e372 = ((ulong)(_e366));
    const ulong _e373 = ((ulong)(_e371));
    const ulong _e375 = (_e373 << (32u & 63u));
    const ulong _e376 = (_e372 | _e375);
    const long _e377 = as_long(_e376);
    const int _e379 = local9_;
    const int _e381 = as_int(as_uint(_e379) + as_uint(0));
    const uint _e382 = as_uint(_e381);
    const uint _e384 = (_e382 - 4294955008u);
    const uint _e386 = (_e384 & 3u);
    const bool _e388 = (_e386 != 0u);
    if (_e388) {
        atomic_xchg(&status[0], 5u);
        return;
    }
    const uint _e393 = (_e384 >> (2u & 31u));
    const bool _e395 = (_e393 >= 4096u);
    if (_e395) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    const uint _e401 = stack[min((uint)(_e393), 4095u)];
    const int _e402 = as_int(_e401);
    const uint _e403 = as_uint(_e402);
    const ulong _e404 = ((ulong)(_e403));
    const long _e405 = as_long(_e404);
    const long _e406 = (_e377 | _e405);
    const int _e408 = as_int(as_uint(_e341) + as_uint(0));
    const uint _e409 = as_uint(_e408);
    const uint _e411 = (_e409 & 7u);
    const bool _e413 = (_e411 != 0u);
    if (_e413) {
        atomic_xchg(&status[0], 5u);
        return;
    }
    const uint _e418 = (_e409 >> (2u & 31u));
    const uint _e420 = _len_2;
    const uint _e422 = (_e418 + 1u);
    const bool _e423 = (_e422 >= _e420);
    if (_e423) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    const ulong _e429 = as_ulong(_e406);
    const uint _e430 = ((uint)(_e429));
    const ulong _e432 = (_e429 >> (32u & 63u));
    const uint _e433 = ((uint)(_e432));
    atomic_xchg(&buffer1_[min((uint)(_e418), _lim_2)], _e430);
    const uint _e435 = (_e418 + 1u);
    atomic_xchg(&buffer1_[min((uint)(_e435), _lim_2)], _e433);
    const int _e439 = local8_;
    const int _e441 = local8_;
    const int _e443 = as_int(as_uint(_e441) + as_uint(1));
    const uint _e444 = as_uint(_e443);
    const uint _e446 = (_e444 >> (2u & 31u));
    const uint _e448 = _len_2;
    const bool _e449 = (_e446 >= _e448);
    if (_e449) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    const uint _e455 = buffer1_[min((uint)(_e446), _lim_2)];
    const uint _e457 = (_e444 & 3u);
    const uint _e459 = (_e457 * 8u);
    const uint _e460 = (_e455 >> (_e459 & 31u));
    const uint _e462 = (_e460 << (24u & 31u));
    const uint _e463 = (_e462 >> (24u & 31u));
    const int _e464 = as_int(_e463);
    const int _e466 = as_int(as_uint(_e439) + as_uint(4));
    const uint _e467 = as_uint(_e466);
    const uint _e469 = (_e467 & 3u);
    const bool _e471 = (_e469 != 0u);
    if (_e471) {
        atomic_xchg(&status[0], 5u);
        return;
    }
    const uint _e476 = (_e467 >> (2u & 31u));
    const uint _e478 = _len_2;
    const bool _e479 = (_e476 >= _e478);
    if (_e479) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    const uint _e485 = as_uint(_e464);
    atomic_xchg(&buffer1_[min((uint)(_e476), _lim_2)], _e485);
    const int _e487 = local9_;
    const int _e489 = as_int(as_uint(_e487) + as_uint(16));
    local9_ = _e489;
}
