// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

typedef struct {
    uint num_iterations;
    uint block_size;
} Params;

__kernel __attribute__((reqd_work_group_size(64, 1, 1)))
void main_(
    const Params params,
    __global const double* buffer0_,
    const uint _len_1,
    __global const double* buffer1_,
    const uint _len_2,
    __global double* buffer2_,
    const uint _len_3,
    __global uint* status,
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
    int local5_ = 0;
    int local6_ = 0;
    int local7_ = 0;
    int local8_ = 0;
    int local9_ = 0;
    int local10_ = 0;
    int local11_ = 0;
    int local12_ = 0;
    int local13_ = 0;
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
    local5_ = 0;
    const uint _e32 = _len_2;
    const uint _e34 = (_e32 * 8u);
    const int _e35 = as_int(_e34);
    local6_ = _e35;
    local7_ = 0;
    const uint _e40 = _len_3;
    const uint _e42 = (_e40 * 8u);
    const int _e43 = as_int(_e42);
    local8_ = _e43;
    for (;;) {
        const int _e46 = local6_;
        const uint _e48 = as_uint(3);
        const uint _e50 = (_e48 & 31u);
        const uint _e51 = as_uint(_e46);
        const uint _e52 = (_e51 >> (_e50 & 31u));
        const int _e53 = as_int(_e52);
        local6_ = _e53;
        const int _e56 = local4_;
        const uint _e58 = as_uint(3);
        const uint _e60 = (_e58 & 31u);
        const uint _e61 = as_uint(_e56);
        const uint _e62 = (_e61 >> (_e60 & 31u));
        const int _e63 = as_int(_e62);
        local4_ = _e63;
        const int _e66 = local8_;
        const uint _e68 = as_uint(3);
        const uint _e70 = (_e68 & 31u);
        const uint _e71 = as_uint(_e66);
        const uint _e72 = (_e71 >> (_e70 & 31u));
        const int _e73 = as_int(_e72);
        local8_ = _e73;
        const int _e76 = local8_;
        const int _e78 = local2_;
        const int _e80 = local0_;
        const int _e81 = as_int(as_uint(_e78) * as_uint(_e80));
        local0_ = _e81;
        const int _e84 = local8_;
        const int _e86 = local0_;
        const uint _e87 = as_uint(_e84);
        const uint _e88 = as_uint(_e86);
        const bool _e89 = (_e87 < _e88);
        const int _e92 = (_e89 ? 1 : 0);
        const bool _e94 = (_e92 != 0);
        const int _e95 = (_e94 ? _e76 : _e81);
        local0_ = _e95;
        const int _e98 = local2_;
        const int _e99 = as_int(as_uint(_e95) + as_uint(_e98));
        local2_ = _e99;
        const int _e102 = local8_;
        const int _e104 = local2_;
        const uint _e105 = as_uint(_e102);
        const uint _e106 = as_uint(_e104);
        const bool _e107 = (_e105 < _e106);
        const int _e110 = (_e107 ? 1 : 0);
        const bool _e112 = (_e110 != 0);
        const int _e113 = (_e112 ? _e73 : _e99);
        local2_ = _e113;
        const int _e116 = local4_;
        const int _e118 = local2_;
        const uint _e119 = as_uint(_e116);
        const uint _e120 = as_uint(_e118);
        const bool _e121 = (_e119 < _e120);
        const int _e124 = (_e121 ? 1 : 0);
        const bool _e126 = (_e124 != 0);
        const int _e127 = (_e126 ? _e63 : _e113);
        local2_ = _e127;
        const int _e130 = local6_;
        const int _e132 = local2_;
        const uint _e133 = as_uint(_e130);
        const uint _e134 = as_uint(_e132);
        const bool _e135 = (_e133 < _e134);
        const int _e138 = (_e135 ? 1 : 0);
        const bool _e140 = (_e138 != 0);
        const int _e141 = (_e140 ? _e53 : _e127);
        local2_ = _e141;
        const int _e144 = local0_;
        const uint _e145 = as_uint(_e141);
        const uint _e146 = as_uint(_e144);
        const bool _e147 = (_e145 < _e146);
        const int _e150 = (_e147 ? 1 : 0);
        const bool _e152 = (_e150 != 0);
        if (_e152) {
            break;
        }
        for (;;) {
            const int _e154 = local2_;
            const int _e156 = local0_;
            const bool _e157 = (_e154 == _e156);
            const int _e160 = (_e157 ? 1 : 0);
            const bool _e162 = (_e160 != 0);
            if (_e162) {
                break;
            }
            const int _e164 = local0_;
            const uint _e166 = as_uint(3);
            const uint _e168 = (_e166 & 31u);
            const int _e169 = as_int(as_uint(_e164) << (_e168 & 31u));
            local8_ = _e169;
            local9_ = 0;
            for (;;) {
                const int _e174 = local2_;
                const int _e176 = local0_;
                const int _e178 = as_int(as_uint(_e176) + as_uint(1));
                const bool _e179 = (_e174 == _e178);
                const int _e182 = (_e179 ? 1 : 0);
                const bool _e184 = (_e182 != 0);
                if (_e184) {
                    break;
                }
                const int _e186 = local2_;
                const int _e188 = local0_;
                const int _e189 = as_int(as_uint(_e186) - as_uint(_e188));
                local0_ = _e189;
                const int _e192 = (_e189 & 1);
                local10_ = _e192;
                const int _e195 = local0_;
                const int _e197 = (_e195 & 536870910);
                local11_ = _e197;
                local9_ = 0;
                const int _e202 = local3_;
                local0_ = _e202;
                const int _e205 = local5_;
                local2_ = _e205;
                const int _e208 = local7_;
                local4_ = _e208;
                for (;;) {
                    const int _e211 = local4_;
                    const int _e213 = local8_;
                    const int _e214 = as_int(as_uint(_e211) + as_uint(_e213));
                    local6_ = _e214;
                    const int _e217 = local6_;
                    const int _e219 = as_int(as_uint(_e217) + as_uint(0));
                    const uint _e220 = as_uint(_e219);
                    const uint _e222 = (_e220 & 7u);
                    const bool _e224 = (_e222 != 0u);
                    if (_e224) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e229 = (_e220 >> (3u & 31u));
                    const uint _e231 = _len_3;
                    const bool _e232 = (_e229 >= _e231);
                    if (_e232) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e238 = buffer2_[min((uint)(_e229), _lim_3)];
                    const int _e240 = local0_;
                    const int _e242 = local8_;
                    const int _e243 = as_int(as_uint(_e240) + as_uint(_e242));
                    local12_ = _e243;
                    const int _e246 = as_int(as_uint(_e243) + as_uint(0));
                    const uint _e247 = as_uint(_e246);
                    const uint _e249 = (_e247 & 7u);
                    const bool _e251 = (_e249 != 0u);
                    if (_e251) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e256 = (_e247 >> (3u & 31u));
                    const uint _e258 = _len_1;
                    const bool _e259 = (_e256 >= _e258);
                    if (_e259) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e265 = buffer0_[min((uint)(_e256), _lim_1)];
                    const int _e267 = local2_;
                    const int _e269 = local8_;
                    const int _e270 = as_int(as_uint(_e267) + as_uint(_e269));
                    local13_ = _e270;
                    const int _e273 = as_int(as_uint(_e270) + as_uint(0));
                    const uint _e274 = as_uint(_e273);
                    const uint _e276 = (_e274 & 7u);
                    const bool _e278 = (_e276 != 0u);
                    if (_e278) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e283 = (_e274 >> (3u & 31u));
                    const uint _e285 = _len_2;
                    const bool _e286 = (_e283 >= _e285);
                    if (_e286) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e292 = buffer1_[min((uint)(_e283), _lim_2)];
                    const double _e294 = (_e292 * as_double(0x4008000000000000UL));
                    const double _e295 = (_e265 + _e294);
                    const double _e296 = (_e238 + _e295);
                    const int _e298 = as_int(as_uint(_e214) + as_uint(0));
                    const uint _e299 = as_uint(_e298);
                    const uint _e301 = (_e299 & 7u);
                    const bool _e303 = (_e301 != 0u);
                    if (_e303) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e308 = (_e299 >> (3u & 31u));
                    const uint _e310 = _len_3;
                    const bool _e311 = (_e308 >= _e310);
                    if (_e311) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[min((uint)(_e308), _lim_3)] = _e296;
                    const int _e318 = local6_;
                    const int _e320 = as_int(as_uint(_e318) + as_uint(8));
                    local6_ = _e320;
                    const int _e323 = local6_;
                    const int _e325 = as_int(as_uint(_e323) + as_uint(0));
                    const uint _e326 = as_uint(_e325);
                    const uint _e328 = (_e326 & 7u);
                    const bool _e330 = (_e328 != 0u);
                    if (_e330) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e335 = (_e326 >> (3u & 31u));
                    const uint _e337 = _len_3;
                    const bool _e338 = (_e335 >= _e337);
                    if (_e338) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e344 = buffer2_[min((uint)(_e335), _lim_3)];
                    const int _e346 = local12_;
                    const int _e348 = as_int(as_uint(_e346) + as_uint(8));
                    const int _e350 = as_int(as_uint(_e348) + as_uint(0));
                    const uint _e351 = as_uint(_e350);
                    const uint _e353 = (_e351 & 7u);
                    const bool _e355 = (_e353 != 0u);
                    if (_e355) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e360 = (_e351 >> (3u & 31u));
                    const uint _e362 = _len_1;
                    const bool _e363 = (_e360 >= _e362);
                    if (_e363) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e369 = buffer0_[min((uint)(_e360), _lim_1)];
                    const int _e371 = local13_;
                    const int _e373 = as_int(as_uint(_e371) + as_uint(8));
                    const int _e375 = as_int(as_uint(_e373) + as_uint(0));
                    const uint _e376 = as_uint(_e375);
                    const uint _e378 = (_e376 & 7u);
                    const bool _e380 = (_e378 != 0u);
                    if (_e380) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e385 = (_e376 >> (3u & 31u));
                    const uint _e387 = _len_2;
                    const bool _e388 = (_e385 >= _e387);
                    if (_e388) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e394 = buffer1_[min((uint)(_e385), _lim_2)];
                    const double _e396 = (_e394 * as_double(0x4008000000000000UL));
                    const double _e397 = (_e369 + _e396);
                    const double _e398 = (_e344 + _e397);
                    const int _e400 = as_int(as_uint(_e320) + as_uint(0));
                    const uint _e401 = as_uint(_e400);
                    const uint _e403 = (_e401 & 7u);
                    const bool _e405 = (_e403 != 0u);
                    if (_e405) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e410 = (_e401 >> (3u & 31u));
                    const uint _e412 = _len_3;
                    const bool _e413 = (_e410 >= _e412);
                    if (_e413) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[min((uint)(_e410), _lim_3)] = _e398;
                    const int _e420 = local0_;
                    const int _e422 = as_int(as_uint(_e420) + as_uint(16));
                    local0_ = _e422;
                    const int _e425 = local2_;
                    const int _e427 = as_int(as_uint(_e425) + as_uint(16));
                    local2_ = _e427;
                    const int _e430 = local4_;
                    const int _e432 = as_int(as_uint(_e430) + as_uint(16));
                    local4_ = _e432;
                    const int _e435 = local11_;
                    const int _e437 = local9_;
                    const int _e439 = as_int(as_uint(_e437) + as_uint(2));
                    local9_ = _e439;
                    const bool _e441 = (_e435 != _e439);
                    const int _e444 = (_e441 ? 1 : 0);
                    const bool _e446 = (_e444 != 0);
                    if (_e446) {
                        continue;
                    }
                    break;
                }
                const int _e448 = local10_;
                const bool _e450 = (_e448 == 0);
                const int _e453 = (_e450 ? 1 : 0);
                const bool _e455 = (_e453 != 0);
                if (_e455) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            const uint _e459 = branch_counter;
            const bool _e461 = (_e459 != 0u);
            const uint _e463 = (_e459 - 1u);
            const bool _e464 = (_e463 == 0u);
            if (_e461) {
                branch_counter = _e463;
                if (_e464) {
                    break;
                } else {
                    break;
                }
            }
            const int _e467 = local7_;
            const int _e469 = local8_;
            const int _e470 = as_int(as_uint(_e467) + as_uint(_e469));
            const int _e472 = local9_;
            const uint _e474 = as_uint(3);
            const uint _e476 = (_e474 & 31u);
            const int _e477 = as_int(as_uint(_e472) << (_e476 & 31u));
            local0_ = _e477;
            const int _e479 = as_int(as_uint(_e470) + as_uint(_e477));
            local2_ = _e479;
            const int _e482 = local2_;
            const int _e484 = as_int(as_uint(_e482) + as_uint(0));
            const uint _e485 = as_uint(_e484);
            const uint _e487 = (_e485 & 7u);
            const bool _e489 = (_e487 != 0u);
            if (_e489) {
                status[0] = 5u;
                return;
            }
            const uint _e494 = (_e485 >> (3u & 31u));
            const uint _e496 = _len_3;
            const bool _e497 = (_e494 >= _e496);
            if (_e497) {
                status[0] = 4u;
                return;
            }
            const double _e503 = buffer2_[min((uint)(_e494), _lim_3)];
            const int _e505 = local3_;
            const int _e507 = local8_;
            const int _e508 = as_int(as_uint(_e505) + as_uint(_e507));
            const int _e510 = local0_;
            const int _e511 = as_int(as_uint(_e508) + as_uint(_e510));
            const int _e513 = as_int(as_uint(_e511) + as_uint(0));
            const uint _e514 = as_uint(_e513);
            const uint _e516 = (_e514 & 7u);
            const bool _e518 = (_e516 != 0u);
            if (_e518) {
                status[0] = 5u;
                return;
            }
            const uint _e523 = (_e514 >> (3u & 31u));
            const uint _e525 = _len_1;
            const bool _e526 = (_e523 >= _e525);
            if (_e526) {
                status[0] = 4u;
                return;
            }
            const double _e532 = buffer0_[min((uint)(_e523), _lim_1)];
            const int _e534 = local5_;
            const int _e536 = local8_;
            const int _e537 = as_int(as_uint(_e534) + as_uint(_e536));
            const int _e539 = local0_;
            const int _e540 = as_int(as_uint(_e537) + as_uint(_e539));
            const int _e542 = as_int(as_uint(_e540) + as_uint(0));
            const uint _e543 = as_uint(_e542);
            const uint _e545 = (_e543 & 7u);
            const bool _e547 = (_e545 != 0u);
            if (_e547) {
                status[0] = 5u;
                return;
            }
            const uint _e552 = (_e543 >> (3u & 31u));
            const uint _e554 = _len_2;
            const bool _e555 = (_e552 >= _e554);
            if (_e555) {
                status[0] = 4u;
                return;
            }
            const double _e561 = buffer1_[min((uint)(_e552), _lim_2)];
            const double _e563 = (_e561 * as_double(0x4008000000000000UL));
            const double _e564 = (_e532 + _e563);
            const double _e565 = (_e503 + _e564);
            const int _e567 = as_int(as_uint(_e479) + as_uint(0));
            const uint _e568 = as_uint(_e567);
            const uint _e570 = (_e568 & 7u);
            const bool _e572 = (_e570 != 0u);
            if (_e572) {
                status[0] = 5u;
                return;
            }
            const uint _e577 = (_e568 >> (3u & 31u));
            const uint _e579 = _len_3;
            const bool _e580 = (_e577 >= _e579);
            if (_e580) {
                status[0] = 4u;
                return;
            }
            buffer2_[min((uint)(_e577), _lim_3)] = _e565;
            break;
        }
        return;
        break;
    }
    const int _e587 = local0_;
    const int _e589 = local2_;
    const int _e591 = local8_;
    if (true) {
        status[0] = 1u;
        return;
    }
}
