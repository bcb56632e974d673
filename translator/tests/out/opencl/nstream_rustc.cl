// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
    uint budget;
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
    volatile __global uint* status,
    const uint _len_4
) {
    const uint _lim_1 = _len_1 == 0u ? 0u : _len_1 - 1u;
    const uint _lim_2 = _len_2 == 0u ? 0u : _len_2 - 1u;
    const uint _lim_3 = _len_3 == 0u ? 0u : _len_3 - 1u;
    const uint _lim_4 = _len_4 == 0u ? 0u : _len_4 - 1u;
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
    local9_ = _e31;
    const uint _e36 = params.zero;
    const int _e37 = as_int((uint)(_e36));
    const int _e38 = (0 | _e37);
    local10_ = _e38;
    const uint _e43 = params.zero;
    const int _e44 = as_int((uint)(_e43));
    const int _e45 = (0 | _e44);
    local11_ = _e45;
    const uint _e50 = params.zero;
    const int _e51 = as_int((uint)(_e50));
    const int _e52 = (0 | _e51);
    local12_ = _e52;
    const uint _e57 = params.zero;
    const int _e58 = as_int((uint)(_e57));
    const int _e59 = (0 | _e58);
    local13_ = _e59;
    const uint _e63 = params.budget;
    loop_budget = _e63;
    local3_ = 0;
    const uint _e68 = _len_1;
    const uint _e70 = (_e68 * 8u);
    const int _e71 = as_int(_e70);
    local4_ = _e71;
    local5_ = 0;
    const uint _e76 = _len_2;
    const uint _e78 = (_e76 * 8u);
    const int _e79 = as_int(_e78);
    local6_ = _e79;
    local7_ = 0;
    const uint _e84 = _len_3;
    const uint _e86 = (_e84 * 8u);
    const int _e87 = as_int(_e86);
    local8_ = _e87;
    for (;;) {
        const int _e90 = local6_;
        const uint _e92 = as_uint(3);
        const uint _e94 = (_e92 & 31u);
        const uint _e95 = as_uint(_e90);
        const uint _e96 = (_e95 >> (_e94 & 31u));
        const int _e97 = as_int(_e96);
        local6_ = _e97;
        const int _e100 = local4_;
        const uint _e102 = as_uint(3);
        const uint _e104 = (_e102 & 31u);
        const uint _e105 = as_uint(_e100);
        const uint _e106 = (_e105 >> (_e104 & 31u));
        const int _e107 = as_int(_e106);
        local4_ = _e107;
        const int _e110 = local8_;
        const uint _e112 = as_uint(3);
        const uint _e114 = (_e112 & 31u);
        const uint _e115 = as_uint(_e110);
        const uint _e116 = (_e115 >> (_e114 & 31u));
        const int _e117 = as_int(_e116);
        local8_ = _e117;
        const int _e120 = local8_;
        const int _e122 = local2_;
        const int _e124 = local0_;
        const int _e125 = as_int(as_uint(_e122) * as_uint(_e124));
        local0_ = _e125;
        const int _e128 = local8_;
        const int _e130 = local0_;
        const uint _e131 = as_uint(_e128);
        const uint _e132 = as_uint(_e130);
        const bool _e133 = (_e131 < _e132);
        const int _e136 = (_e133 ? 1 : 0);
        const bool _e138 = (_e136 != 0);
        const int _e139 = (_e138 ? _e120 : _e125);
        local0_ = _e139;
        const int _e142 = local2_;
        const int _e143 = as_int(as_uint(_e139) + as_uint(_e142));
        local2_ = _e143;
        const int _e146 = local8_;
        const int _e148 = local2_;
        const uint _e149 = as_uint(_e146);
        const uint _e150 = as_uint(_e148);
        const bool _e151 = (_e149 < _e150);
        const int _e154 = (_e151 ? 1 : 0);
        const bool _e156 = (_e154 != 0);
        const int _e157 = (_e156 ? _e117 : _e143);
        local2_ = _e157;
        const int _e160 = local4_;
        const int _e162 = local2_;
        const uint _e163 = as_uint(_e160);
        const uint _e164 = as_uint(_e162);
        const bool _e165 = (_e163 < _e164);
        const int _e168 = (_e165 ? 1 : 0);
        const bool _e170 = (_e168 != 0);
        const int _e171 = (_e170 ? _e107 : _e157);
        local2_ = _e171;
        const int _e174 = local6_;
        const int _e176 = local2_;
        const uint _e177 = as_uint(_e174);
        const uint _e178 = as_uint(_e176);
        const bool _e179 = (_e177 < _e178);
        const int _e182 = (_e179 ? 1 : 0);
        const bool _e184 = (_e182 != 0);
        const int _e185 = (_e184 ? _e97 : _e171);
        local2_ = _e185;
        const int _e188 = local0_;
        const uint _e189 = as_uint(_e185);
        const uint _e190 = as_uint(_e188);
        const bool _e191 = (_e189 < _e190);
        const int _e194 = (_e191 ? 1 : 0);
        const bool _e196 = (_e194 != 0);
        if (_e196) {
            break;
        }
        for (;;) {
            const int _e198 = local2_;
            const int _e200 = local0_;
            const bool _e201 = (_e198 == _e200);
            const int _e204 = (_e201 ? 1 : 0);
            const bool _e206 = (_e204 != 0);
            if (_e206) {
                break;
            }
            const int _e208 = local0_;
            const uint _e210 = as_uint(3);
            const uint _e212 = (_e210 & 31u);
            const int _e213 = as_int(as_uint(_e208) << (_e212 & 31u));
            local8_ = _e213;
            local9_ = 0;
            for (;;) {
                const int _e218 = local2_;
                const int _e220 = local0_;
                const int _e222 = as_int(as_uint(_e220) + as_uint(1));
                const bool _e223 = (_e218 == _e222);
                const int _e226 = (_e223 ? 1 : 0);
                const bool _e228 = (_e226 != 0);
                if (_e228) {
                    break;
                }
                const int _e230 = local2_;
                const int _e232 = local0_;
                const int _e233 = as_int(as_uint(_e230) - as_uint(_e232));
                local0_ = _e233;
                const int _e236 = (_e233 & 1);
                local10_ = _e236;
                const int _e239 = local0_;
                const int _e241 = (_e239 & 536870910);
                local11_ = _e241;
                local9_ = 0;
                const int _e246 = local3_;
                local0_ = _e246;
                const int _e249 = local5_;
                local2_ = _e249;
                const int _e252 = local7_;
                local4_ = _e252;
                for (;;) {
                    const uint _e255 = loop_budget;
                    const bool _e257 = (_e255 == 0u);
                    if (_e257) {
                        const uint _e260 = params.budget;
                        const bool _e262 = (_e260 != 4294967295u);
                        if (_e262) {
                            atomic_xchg(&status[0], 9u);
                            return;
                        }
                        loop_budget = 4294967295u;
                    }
                    const uint _e268 = loop_budget;
                    const uint _e270 = (_e268 - 1u);
                    loop_budget = _e270;
                    const uint _e273 = (_e270 & 1023u);
                    const bool _e275 = (_e273 == 0u);
                    if (_e275) {
                        const uint _e278 = status[0];
                        const bool _e280 = (_e278 != 0u);
                        if (_e280) {
                            return;
                        }
                    }
                    const int _e282 = local4_;
                    const int _e284 = local8_;
                    const int _e285 = as_int(as_uint(_e282) + as_uint(_e284));
                    local6_ = _e285;
                    const int _e288 = local6_;
                    const int _e290 = as_int(as_uint(_e288) + as_uint(0));
                    const uint _e291 = as_uint(_e290);
                    const uint _e293 = (_e291 & 7u);
                    const bool _e295 = (_e293 != 0u);
                    if (_e295) {
                        atomic_xchg(&status[0], 5u);
                        return;
                    }
                    const uint _e300 = (_e291 >> (3u & 31u));
                    const uint _e302 = _len_3;
                    const bool _e303 = (_e300 >= _e302);
                    if (_e303) {
                        atomic_xchg(&status[0], 4u);
                        return;
                    }
                    const double _e309 = buffer2_[min((uint)(_e300), _lim_3)];
                    const int _e311 = local0_;
                    const int _e313 = local8_;
                    const int _e314 = as_int(as_uint(_e311) + as_uint(_e313));
                    local12_ = _e314;
                    const int _e317 = as_int(as_uint(_e314) + as_uint(0));
                    const uint _e318 = as_uint(_e317);
                    const uint _e320 = (_e318 & 7u);
                    const bool _e322 = (_e320 != 0u);
                    if (_e322) {
                        atomic_xchg(&status[0], 5u);
                        return;
                    }
                    const uint _e327 = (_e318 >> (3u & 31u));
                    const uint _e329 = _len_1;
                    const bool _e330 = (_e327 >= _e329);
                    if (_e330) {
                        atomic_xchg(&status[0], 4u);
                        return;
                    }
                    const double _e336 = buffer0_[min((uint)(_e327), _lim_1)];
                    const int _e338 = local2_;
                    const int _e340 = local8_;
                    const int _e341 = as_int(as_uint(_e338) + as_uint(_e340));
                    local13_ = _e341;
                    const int _e344 = as_int(as_uint(_e341) + as_uint(0));
                    const uint _e345 = as_uint(_e344);
                    const uint _e347 = (_e345 & 7u);
                    const bool _e349 = (_e347 != 0u);
                    if (_e349) {
                        atomic_xchg(&status[0], 5u);
                        return;
                    }
                    const uint _e354 = (_e345 >> (3u & 31u));
                    const uint _e356 = _len_2;
                    const bool _e357 = (_e354 >= _e356);
                    if (_e357) {
                        atomic_xchg(&status[0], 4u);
                        return;
                    }
                    const double _e363 = buffer1_[min((uint)(_e354), _lim_2)];
                    const uint _e367 = params.zero;
                    const ulong _e368 = ((ulong)(_e367));
                    const ulong _e369 = (4613937818241073152UL | _e368);
                    const double _e370 = as_double(_e369);
                    const double _e371 = (_e363 * _e370);
                    const double _e372 = (_e336 + _e371);
                    const double _e373 = (_e309 + _e372);
                    const int _e375 = as_int(as_uint(_e285) + as_uint(0));
                    const uint _e376 = as_uint(_e375);
                    const uint _e378 = (_e376 & 7u);
                    const bool _e380 = (_e378 != 0u);
                    if (_e380) {
                        atomic_xchg(&status[0], 5u);
                        return;
                    }
                    const uint _e385 = (_e376 >> (3u & 31u));
                    const uint _e387 = _len_3;
                    const bool _e388 = (_e385 >= _e387);
                    if (_e388) {
                        atomic_xchg(&status[0], 4u);
                        return;
                    }
                    buffer2_[min((uint)(_e385), _lim_3)] = _e373;
                    const int _e395 = local6_;
                    const int _e397 = as_int(as_uint(_e395) + as_uint(8));
                    local6_ = _e397;
                    const int _e400 = local6_;
                    const int _e402 = as_int(as_uint(_e400) + as_uint(0));
                    const uint _e403 = as_uint(_e402);
                    const uint _e405 = (_e403 & 7u);
                    const bool _e407 = (_e405 != 0u);
                    if (_e407) {
                        atomic_xchg(&status[0], 5u);
                        return;
                    }
                    const uint _e412 = (_e403 >> (3u & 31u));
                    const uint _e414 = _len_3;
                    const bool _e415 = (_e412 >= _e414);
                    if (_e415) {
                        atomic_xchg(&status[0], 4u);
                        return;
                    }
                    const double _e421 = buffer2_[min((uint)(_e412), _lim_3)];
                    const int _e423 = local12_;
                    const int _e425 = as_int(as_uint(_e423) + as_uint(8));
                    const int _e427 = as_int(as_uint(_e425) + as_uint(0));
                    const uint _e428 = as_uint(_e427);
                    const uint _e430 = (_e428 & 7u);
                    const bool _e432 = (_e430 != 0u);
                    if (_e432) {
                        atomic_xchg(&status[0], 5u);
                        return;
                    }
                    const uint _e437 = (_e428 >> (3u & 31u));
                    const uint _e439 = _len_1;
                    const bool _e440 = (_e437 >= _e439);
                    if (_e440) {
                        atomic_xchg(&status[0], 4u);
                        return;
                    }
                    const double _e446 = buffer0_[min((uint)(_e437), _lim_1)];
                    const int _e448 = local13_;
                    const int _e450 = as_int(as_uint(_e448) + as_uint(8));
                    const int _e452 = as_int(as_uint(_e450) + as_uint(0));
                    const uint _e453 = as_uint(_e452);
                    const uint _e455 = (_e453 & 7u);
                    const bool _e457 = (_e455 != 0u);
                    if (_e457) {
                        atomic_xchg(&status[0], 5u);
                        return;
                    }
                    const uint _e462 = (_e453 >> (3u & 31u));
                    const uint _e464 = _len_2;
                    const bool _e465 = (_e462 >= _e464);
                    if (_e465) {
                        atomic_xchg(&status[0], 4u);
                        return;
                    }
                    const double _e471 = buffer1_[min((uint)(_e462), _lim_2)];
                    const uint _e475 = params.zero;
                    const ulong _e476 = ((ulong)(_e475));
                    const ulong _e477 = (4613937818241073152UL | _e476);
                    const double _e478 = as_double(_e477);
                    const double _e479 = (_e471 * _e478);
                    const double _e480 = (_e446 + _e479);
                    const double _e481 = (_e421 + _e480);
                    const int _e483 = as_int(as_uint(_e397) + as_uint(0));
                    const uint _e484 = as_uint(_e483);
                    const uint _e486 = (_e484 & 7u);
                    const bool _e488 = (_e486 != 0u);
                    if (_e488) {
                        atomic_xchg(&status[0], 5u);
                        return;
                    }
                    const uint _e493 = (_e484 >> (3u & 31u));
                    const uint _e495 = _len_3;
                    const bool _e496 = (_e493 >= _e495);
                    if (_e496) {
                        atomic_xchg(&status[0], 4u);
                        return;
                    }
                    buffer2_[min((uint)(_e493), _lim_3)] = _e481;
                    const int _e503 = local0_;
                    const int _e505 = as_int(as_uint(_e503) + as_uint(16));
                    local0_ = _e505;
                    const int _e508 = local2_;
                    const int _e510 = as_int(as_uint(_e508) + as_uint(16));
                    local2_ = _e510;
                    const int _e513 = local4_;
                    const int _e515 = as_int(as_uint(_e513) + as_uint(16));
                    local4_ = _e515;
                    const int _e518 = local11_;
                    const int _e520 = local9_;
                    const int _e522 = as_int(as_uint(_e520) + as_uint(2));
                    local9_ = _e522;
                    const bool _e524 = (_e518 != _e522);
                    const int _e527 = (_e524 ? 1 : 0);
                    const bool _e529 = (_e527 != 0);
                    if (_e529) {
                        continue;
                    }
                    break;
                }
                const int _e531 = local10_;
                const bool _e533 = (_e531 == 0);
                const int _e536 = (_e533 ? 1 : 0);
                const bool _e538 = (_e536 != 0);
                if (_e538) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            const uint _e542 = branch_counter;
            const bool _e544 = (_e542 != 0u);
            const uint _e546 = (_e542 - 1u);
            const bool _e547 = (_e546 == 0u);
            if (_e544) {
                branch_counter = _e546;
                if (_e547) {
                    break;
                } else {
                    break;
                }
            }
            const int _e550 = local7_;
            const int _e552 = local8_;
            const int _e553 = as_int(as_uint(_e550) + as_uint(_e552));
            const int _e555 = local9_;
            const uint _e557 = as_uint(3);
            const uint _e559 = (_e557 & 31u);
            const int _e560 = as_int(as_uint(_e555) << (_e559 & 31u));
            local0_ = _e560;
            const int _e562 = as_int(as_uint(_e553) + as_uint(_e560));
            local2_ = _e562;
            const int _e565 = local2_;
            const int _e567 = as_int(as_uint(_e565) + as_uint(0));
            const uint _e568 = as_uint(_e567);
            const uint _e570 = (_e568 & 7u);
            const bool _e572 = (_e570 != 0u);
            if (_e572) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e577 = (_e568 >> (3u & 31u));
            const uint _e579 = _len_3;
            const bool _e580 = (_e577 >= _e579);
            if (_e580) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            const double _e586 = buffer2_[min((uint)(_e577), _lim_3)];
            const int _e588 = local3_;
            const int _e590 = local8_;
            const int _e591 = as_int(as_uint(_e588) + as_uint(_e590));
            const int _e593 = local0_;
            const int _e594 = as_int(as_uint(_e591) + as_uint(_e593));
            const int _e596 = as_int(as_uint(_e594) + as_uint(0));
            const uint _e597 = as_uint(_e596);
            const uint _e599 = (_e597 & 7u);
            const bool _e601 = (_e599 != 0u);
            if (_e601) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e606 = (_e597 >> (3u & 31u));
            const uint _e608 = _len_1;
            const bool _e609 = (_e606 >= _e608);
            if (_e609) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            const double _e615 = buffer0_[min((uint)(_e606), _lim_1)];
            const int _e617 = local5_;
            const int _e619 = local8_;
            const int _e620 = as_int(as_uint(_e617) + as_uint(_e619));
            const int _e622 = local0_;
            const int _e623 = as_int(as_uint(_e620) + as_uint(_e622));
            const int _e625 = as_int(as_uint(_e623) + as_uint(0));
            const uint _e626 = as_uint(_e625);
            const uint _e628 = (_e626 & 7u);
            const bool _e630 = (_e628 != 0u);
            if (_e630) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e635 = (_e626 >> (3u & 31u));
            const uint _e637 = _len_2;
            const bool _e638 = (_e635 >= _e637);
            if (_e638) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            const double _e644 = buffer1_[min((uint)(_e635), _lim_2)];
            const uint _e648 = params.zero;
            const ulong _e649 = ((ulong)(_e648));
            const ulong _e650 = (4613937818241073152UL | _e649);
            const double _e651 = as_double(_e650);
            const double _e652 = (_e644 * _e651);
            const double _e653 = (_e615 + _e652);
            const double _e654 = (_e586 + _e653);
            const int _e656 = as_int(as_uint(_e562) + as_uint(0));
            const uint _e657 = as_uint(_e656);
            const uint _e659 = (_e657 & 7u);
            const bool _e661 = (_e659 != 0u);
            if (_e661) {
                atomic_xchg(&status[0], 5u);
                return;
            }
            const uint _e666 = (_e657 >> (3u & 31u));
            const uint _e668 = _len_3;
            const bool _e669 = (_e666 >= _e668);
            if (_e669) {
                atomic_xchg(&status[0], 4u);
                return;
            }
            buffer2_[min((uint)(_e666), _lim_3)] = _e654;
            break;
        }
        return;
        break;
    }
    const int _e676 = local0_;
    const int _e678 = local2_;
    const int _e680 = local8_;
    if (true) {
        atomic_xchg(&status[0], 1u);
        return;
    }
}
