// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
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
                    const uint _e295 = params.zero;
                    const ulong _e296 = ((ulong)(_e295));
                    const ulong _e298 = (4613937818241073152UL | _e296);
                    const double _e299 = as_double(_e298);
                    const double _e300 = (_e292 * _e299);
                    const double _e301 = (_e265 + _e300);
                    const double _e302 = (_e238 + _e301);
                    const int _e304 = as_int(as_uint(_e214) + as_uint(0));
                    const uint _e305 = as_uint(_e304);
                    const uint _e307 = (_e305 & 7u);
                    const bool _e309 = (_e307 != 0u);
                    if (_e309) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e314 = (_e305 >> (3u & 31u));
                    const uint _e316 = _len_3;
                    const bool _e317 = (_e314 >= _e316);
                    if (_e317) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[min((uint)(_e314), _lim_3)] = _e302;
                    const int _e324 = local6_;
                    const int _e326 = as_int(as_uint(_e324) + as_uint(8));
                    local6_ = _e326;
                    const int _e329 = local6_;
                    const int _e331 = as_int(as_uint(_e329) + as_uint(0));
                    const uint _e332 = as_uint(_e331);
                    const uint _e334 = (_e332 & 7u);
                    const bool _e336 = (_e334 != 0u);
                    if (_e336) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e341 = (_e332 >> (3u & 31u));
                    const uint _e343 = _len_3;
                    const bool _e344 = (_e341 >= _e343);
                    if (_e344) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e350 = buffer2_[min((uint)(_e341), _lim_3)];
                    const int _e352 = local12_;
                    const int _e354 = as_int(as_uint(_e352) + as_uint(8));
                    const int _e356 = as_int(as_uint(_e354) + as_uint(0));
                    const uint _e357 = as_uint(_e356);
                    const uint _e359 = (_e357 & 7u);
                    const bool _e361 = (_e359 != 0u);
                    if (_e361) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e366 = (_e357 >> (3u & 31u));
                    const uint _e368 = _len_1;
                    const bool _e369 = (_e366 >= _e368);
                    if (_e369) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e375 = buffer0_[min((uint)(_e366), _lim_1)];
                    const int _e377 = local13_;
                    const int _e379 = as_int(as_uint(_e377) + as_uint(8));
                    const int _e381 = as_int(as_uint(_e379) + as_uint(0));
                    const uint _e382 = as_uint(_e381);
                    const uint _e384 = (_e382 & 7u);
                    const bool _e386 = (_e384 != 0u);
                    if (_e386) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e391 = (_e382 >> (3u & 31u));
                    const uint _e393 = _len_2;
                    const bool _e394 = (_e391 >= _e393);
                    if (_e394) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e400 = buffer1_[min((uint)(_e391), _lim_2)];
                    const uint _e403 = params.zero;
                    const ulong _e404 = ((ulong)(_e403));
                    const ulong _e406 = (4613937818241073152UL | _e404);
                    const double _e407 = as_double(_e406);
                    const double _e408 = (_e400 * _e407);
                    const double _e409 = (_e375 + _e408);
                    const double _e410 = (_e350 + _e409);
                    const int _e412 = as_int(as_uint(_e326) + as_uint(0));
                    const uint _e413 = as_uint(_e412);
                    const uint _e415 = (_e413 & 7u);
                    const bool _e417 = (_e415 != 0u);
                    if (_e417) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e422 = (_e413 >> (3u & 31u));
                    const uint _e424 = _len_3;
                    const bool _e425 = (_e422 >= _e424);
                    if (_e425) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[min((uint)(_e422), _lim_3)] = _e410;
                    const int _e432 = local0_;
                    const int _e434 = as_int(as_uint(_e432) + as_uint(16));
                    local0_ = _e434;
                    const int _e437 = local2_;
                    const int _e439 = as_int(as_uint(_e437) + as_uint(16));
                    local2_ = _e439;
                    const int _e442 = local4_;
                    const int _e444 = as_int(as_uint(_e442) + as_uint(16));
                    local4_ = _e444;
                    const int _e447 = local11_;
                    const int _e449 = local9_;
                    const int _e451 = as_int(as_uint(_e449) + as_uint(2));
                    local9_ = _e451;
                    const bool _e453 = (_e447 != _e451);
                    const int _e456 = (_e453 ? 1 : 0);
                    const bool _e458 = (_e456 != 0);
                    if (_e458) {
                        continue;
                    }
                    break;
                }
                const int _e460 = local10_;
                const bool _e462 = (_e460 == 0);
                const int _e465 = (_e462 ? 1 : 0);
                const bool _e467 = (_e465 != 0);
                if (_e467) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            const uint _e471 = branch_counter;
            const bool _e473 = (_e471 != 0u);
            const uint _e475 = (_e471 - 1u);
            const bool _e476 = (_e475 == 0u);
            if (_e473) {
                branch_counter = _e475;
                if (_e476) {
                    break;
                } else {
                    break;
                }
            }
            const int _e479 = local7_;
            const int _e481 = local8_;
            const int _e482 = as_int(as_uint(_e479) + as_uint(_e481));
            const int _e484 = local9_;
            const uint _e486 = as_uint(3);
            const uint _e488 = (_e486 & 31u);
            const int _e489 = as_int(as_uint(_e484) << (_e488 & 31u));
            local0_ = _e489;
            const int _e491 = as_int(as_uint(_e482) + as_uint(_e489));
            local2_ = _e491;
            const int _e494 = local2_;
            const int _e496 = as_int(as_uint(_e494) + as_uint(0));
            const uint _e497 = as_uint(_e496);
            const uint _e499 = (_e497 & 7u);
            const bool _e501 = (_e499 != 0u);
            if (_e501) {
                status[0] = 5u;
                return;
            }
            const uint _e506 = (_e497 >> (3u & 31u));
            const uint _e508 = _len_3;
            const bool _e509 = (_e506 >= _e508);
            if (_e509) {
                status[0] = 4u;
                return;
            }
            const double _e515 = buffer2_[min((uint)(_e506), _lim_3)];
            const int _e517 = local3_;
            const int _e519 = local8_;
            const int _e520 = as_int(as_uint(_e517) + as_uint(_e519));
            const int _e522 = local0_;
            const int _e523 = as_int(as_uint(_e520) + as_uint(_e522));
            const int _e525 = as_int(as_uint(_e523) + as_uint(0));
            const uint _e526 = as_uint(_e525);
            const uint _e528 = (_e526 & 7u);
            const bool _e530 = (_e528 != 0u);
            if (_e530) {
                status[0] = 5u;
                return;
            }
            const uint _e535 = (_e526 >> (3u & 31u));
            const uint _e537 = _len_1;
            const bool _e538 = (_e535 >= _e537);
            if (_e538) {
                status[0] = 4u;
                return;
            }
            const double _e544 = buffer0_[min((uint)(_e535), _lim_1)];
            const int _e546 = local5_;
            const int _e548 = local8_;
            const int _e549 = as_int(as_uint(_e546) + as_uint(_e548));
            const int _e551 = local0_;
            const int _e552 = as_int(as_uint(_e549) + as_uint(_e551));
            const int _e554 = as_int(as_uint(_e552) + as_uint(0));
            const uint _e555 = as_uint(_e554);
            const uint _e557 = (_e555 & 7u);
            const bool _e559 = (_e557 != 0u);
            if (_e559) {
                status[0] = 5u;
                return;
            }
            const uint _e564 = (_e555 >> (3u & 31u));
            const uint _e566 = _len_2;
            const bool _e567 = (_e564 >= _e566);
            if (_e567) {
                status[0] = 4u;
                return;
            }
            const double _e573 = buffer1_[min((uint)(_e564), _lim_2)];
            const uint _e576 = params.zero;
            const ulong _e577 = ((ulong)(_e576));
            const ulong _e579 = (4613937818241073152UL | _e577);
            const double _e580 = as_double(_e579);
            const double _e581 = (_e573 * _e580);
            const double _e582 = (_e544 + _e581);
            const double _e583 = (_e515 + _e582);
            const int _e585 = as_int(as_uint(_e491) + as_uint(0));
            const uint _e586 = as_uint(_e585);
            const uint _e588 = (_e586 & 7u);
            const bool _e590 = (_e588 != 0u);
            if (_e590) {
                status[0] = 5u;
                return;
            }
            const uint _e595 = (_e586 >> (3u & 31u));
            const uint _e597 = _len_3;
            const bool _e598 = (_e595 >= _e597);
            if (_e598) {
                status[0] = 4u;
                return;
            }
            buffer2_[min((uint)(_e595), _lim_3)] = _e583;
            break;
        }
        return;
        break;
    }
    const int _e605 = local0_;
    const int _e607 = local2_;
    const int _e609 = local8_;
    if (true) {
        status[0] = 1u;
        return;
    }
}
