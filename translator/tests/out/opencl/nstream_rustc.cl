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
                    const int _e273 = local4_;
                    const int _e275 = local8_;
                    const int _e276 = as_int(as_uint(_e273) + as_uint(_e275));
                    local6_ = _e276;
                    const int _e279 = local6_;
                    const int _e281 = as_int(as_uint(_e279) + as_uint(0));
                    const uint _e282 = as_uint(_e281);
                    const uint _e284 = (_e282 & 7u);
                    const bool _e286 = (_e284 != 0u);
                    const uint _e288 = (_e282 >> (3u & 31u));
                    const uint _e290 = _len_3;
                    const bool _e291 = (_e288 >= _e290);
                    const bool _e292 = (_e286 || _e291);
                    const uint _e295 = (_e286 ? 5u : 4u);
                    if (_e292) {
                        atomic_xchg(&status[0], _e295);
                        return;
                    }
                    const double _e300 = buffer2_[min((uint)(_e288), _lim_3)];
                    const int _e302 = local0_;
                    const int _e304 = local8_;
                    const int _e305 = as_int(as_uint(_e302) + as_uint(_e304));
                    local12_ = _e305;
                    const int _e308 = as_int(as_uint(_e305) + as_uint(0));
                    const uint _e309 = as_uint(_e308);
                    const uint _e311 = (_e309 & 7u);
                    const bool _e313 = (_e311 != 0u);
                    const uint _e315 = (_e309 >> (3u & 31u));
                    const uint _e317 = _len_1;
                    const bool _e318 = (_e315 >= _e317);
                    const bool _e319 = (_e313 || _e318);
                    const uint _e322 = (_e313 ? 5u : 4u);
                    if (_e319) {
                        atomic_xchg(&status[0], _e322);
                        return;
                    }
                    const double _e327 = buffer0_[min((uint)(_e315), _lim_1)];
                    const int _e329 = local2_;
                    const int _e331 = local8_;
                    const int _e332 = as_int(as_uint(_e329) + as_uint(_e331));
                    local13_ = _e332;
                    const int _e335 = as_int(as_uint(_e332) + as_uint(0));
                    const uint _e336 = as_uint(_e335);
                    const uint _e338 = (_e336 & 7u);
                    const bool _e340 = (_e338 != 0u);
                    const uint _e342 = (_e336 >> (3u & 31u));
                    const uint _e344 = _len_2;
                    const bool _e345 = (_e342 >= _e344);
                    const bool _e346 = (_e340 || _e345);
                    const uint _e349 = (_e340 ? 5u : 4u);
                    if (_e346) {
                        atomic_xchg(&status[0], _e349);
                        return;
                    }
                    const double _e354 = buffer1_[min((uint)(_e342), _lim_2)];
                    const uint _e358 = params.zero;
                    const ulong _e359 = ((ulong)(_e358));
                    const ulong _e360 = (4613937818241073152UL | _e359);
                    const double _e361 = as_double(_e360);
                    const double _e362 = (_e354 * _e361);
                    const double _e363 = (_e327 + _e362);
                    const double _e364 = (_e300 + _e363);
                    const int _e366 = as_int(as_uint(_e276) + as_uint(0));
                    const uint _e367 = as_uint(_e366);
                    const uint _e369 = (_e367 & 7u);
                    const bool _e371 = (_e369 != 0u);
                    const uint _e373 = (_e367 >> (3u & 31u));
                    const uint _e375 = _len_3;
                    const bool _e376 = (_e373 >= _e375);
                    const bool _e377 = (_e371 || _e376);
                    const uint _e380 = (_e371 ? 5u : 4u);
                    if (_e377) {
                        atomic_xchg(&status[0], _e380);
                        return;
                    }
                    buffer2_[min((uint)(_e373), _lim_3)] = _e364;
                    const int _e386 = local6_;
                    const int _e388 = as_int(as_uint(_e386) + as_uint(8));
                    local6_ = _e388;
                    const int _e391 = local6_;
                    const int _e393 = as_int(as_uint(_e391) + as_uint(0));
                    const uint _e394 = as_uint(_e393);
                    const uint _e396 = (_e394 & 7u);
                    const bool _e398 = (_e396 != 0u);
                    const uint _e400 = (_e394 >> (3u & 31u));
                    const uint _e402 = _len_3;
                    const bool _e403 = (_e400 >= _e402);
                    const bool _e404 = (_e398 || _e403);
                    const uint _e407 = (_e398 ? 5u : 4u);
                    if (_e404) {
                        atomic_xchg(&status[0], _e407);
                        return;
                    }
                    const double _e412 = buffer2_[min((uint)(_e400), _lim_3)];
                    const int _e414 = local12_;
                    const int _e416 = as_int(as_uint(_e414) + as_uint(8));
                    const int _e418 = as_int(as_uint(_e416) + as_uint(0));
                    const uint _e419 = as_uint(_e418);
                    const uint _e421 = (_e419 & 7u);
                    const bool _e423 = (_e421 != 0u);
                    const uint _e425 = (_e419 >> (3u & 31u));
                    const uint _e427 = _len_1;
                    const bool _e428 = (_e425 >= _e427);
                    const bool _e429 = (_e423 || _e428);
                    const uint _e432 = (_e423 ? 5u : 4u);
                    if (_e429) {
                        atomic_xchg(&status[0], _e432);
                        return;
                    }
                    const double _e437 = buffer0_[min((uint)(_e425), _lim_1)];
                    const int _e439 = local13_;
                    const int _e441 = as_int(as_uint(_e439) + as_uint(8));
                    const int _e443 = as_int(as_uint(_e441) + as_uint(0));
                    const uint _e444 = as_uint(_e443);
                    const uint _e446 = (_e444 & 7u);
                    const bool _e448 = (_e446 != 0u);
                    const uint _e450 = (_e444 >> (3u & 31u));
                    const uint _e452 = _len_2;
                    const bool _e453 = (_e450 >= _e452);
                    const bool _e454 = (_e448 || _e453);
                    const uint _e457 = (_e448 ? 5u : 4u);
                    if (_e454) {
                        atomic_xchg(&status[0], _e457);
                        return;
                    }
                    const double _e462 = buffer1_[min((uint)(_e450), _lim_2)];
                    const uint _e466 = params.zero;
                    const ulong _e467 = ((ulong)(_e466));
                    const ulong _e468 = (4613937818241073152UL | _e467);
                    const double _e469 = as_double(_e468);
                    const double _e470 = (_e462 * _e469);
                    const double _e471 = (_e437 + _e470);
                    const double _e472 = (_e412 + _e471);
                    const int _e474 = as_int(as_uint(_e388) + as_uint(0));
                    const uint _e475 = as_uint(_e474);
                    const uint _e477 = (_e475 & 7u);
                    const bool _e479 = (_e477 != 0u);
                    const uint _e481 = (_e475 >> (3u & 31u));
                    const uint _e483 = _len_3;
                    const bool _e484 = (_e481 >= _e483);
                    const bool _e485 = (_e479 || _e484);
                    const uint _e488 = (_e479 ? 5u : 4u);
                    if (_e485) {
                        atomic_xchg(&status[0], _e488);
                        return;
                    }
                    buffer2_[min((uint)(_e481), _lim_3)] = _e472;
                    const int _e494 = local0_;
                    const int _e496 = as_int(as_uint(_e494) + as_uint(16));
                    local0_ = _e496;
                    const int _e499 = local2_;
                    const int _e501 = as_int(as_uint(_e499) + as_uint(16));
                    local2_ = _e501;
                    const int _e504 = local4_;
                    const int _e506 = as_int(as_uint(_e504) + as_uint(16));
                    local4_ = _e506;
                    const int _e509 = local11_;
                    const int _e511 = local9_;
                    const int _e513 = as_int(as_uint(_e511) + as_uint(2));
                    local9_ = _e513;
                    const bool _e515 = (_e509 != _e513);
                    const int _e518 = (_e515 ? 1 : 0);
                    const bool _e520 = (_e518 != 0);
                    if (_e520) {
                        continue;
                    }
                    break;
                }
                const int _e522 = local10_;
                const bool _e524 = (_e522 == 0);
                const int _e527 = (_e524 ? 1 : 0);
                const bool _e529 = (_e527 != 0);
                if (_e529) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            const uint _e533 = branch_counter;
            const bool _e535 = (_e533 != 0u);
            const uint _e537 = (_e533 - 1u);
            const bool _e538 = (_e537 == 0u);
            if (_e535) {
                branch_counter = _e537;
                if (_e538) {
                    break;
                } else {
                    break;
                }
            }
            const int _e541 = local7_;
            const int _e543 = local8_;
            const int _e544 = as_int(as_uint(_e541) + as_uint(_e543));
            const int _e546 = local9_;
            const uint _e548 = as_uint(3);
            const uint _e550 = (_e548 & 31u);
            const int _e551 = as_int(as_uint(_e546) << (_e550 & 31u));
            local0_ = _e551;
            const int _e553 = as_int(as_uint(_e544) + as_uint(_e551));
            local2_ = _e553;
            const int _e556 = local2_;
            const int _e558 = as_int(as_uint(_e556) + as_uint(0));
            const uint _e559 = as_uint(_e558);
            const uint _e561 = (_e559 & 7u);
            const bool _e563 = (_e561 != 0u);
            const uint _e565 = (_e559 >> (3u & 31u));
            const uint _e567 = _len_3;
            const bool _e568 = (_e565 >= _e567);
            const bool _e569 = (_e563 || _e568);
            const uint _e572 = (_e563 ? 5u : 4u);
            if (_e569) {
                atomic_xchg(&status[0], _e572);
                return;
            }
            const double _e577 = buffer2_[min((uint)(_e565), _lim_3)];
            const int _e579 = local3_;
            const int _e581 = local8_;
            const int _e582 = as_int(as_uint(_e579) + as_uint(_e581));
            const int _e584 = local0_;
            const int _e585 = as_int(as_uint(_e582) + as_uint(_e584));
            const int _e587 = as_int(as_uint(_e585) + as_uint(0));
            const uint _e588 = as_uint(_e587);
            const uint _e590 = (_e588 & 7u);
            const bool _e592 = (_e590 != 0u);
            const uint _e594 = (_e588 >> (3u & 31u));
            const uint _e596 = _len_1;
            const bool _e597 = (_e594 >= _e596);
            const bool _e598 = (_e592 || _e597);
            const uint _e601 = (_e592 ? 5u : 4u);
            if (_e598) {
                atomic_xchg(&status[0], _e601);
                return;
            }
            const double _e606 = buffer0_[min((uint)(_e594), _lim_1)];
            const int _e608 = local5_;
            const int _e610 = local8_;
            const int _e611 = as_int(as_uint(_e608) + as_uint(_e610));
            const int _e613 = local0_;
            const int _e614 = as_int(as_uint(_e611) + as_uint(_e613));
            const int _e616 = as_int(as_uint(_e614) + as_uint(0));
            const uint _e617 = as_uint(_e616);
            const uint _e619 = (_e617 & 7u);
            const bool _e621 = (_e619 != 0u);
            const uint _e623 = (_e617 >> (3u & 31u));
            const uint _e625 = _len_2;
            const bool _e626 = (_e623 >= _e625);
            const bool _e627 = (_e621 || _e626);
            const uint _e630 = (_e621 ? 5u : 4u);
            if (_e627) {
                atomic_xchg(&status[0], _e630);
                return;
            }
            const double _e635 = buffer1_[min((uint)(_e623), _lim_2)];
            const uint _e639 = params.zero;
            const ulong _e640 = ((ulong)(_e639));
            const ulong _e641 = (4613937818241073152UL | _e640);
            const double _e642 = as_double(_e641);
            const double _e643 = (_e635 * _e642);
            const double _e644 = (_e606 + _e643);
            const double _e645 = (_e577 + _e644);
            const int _e647 = as_int(as_uint(_e553) + as_uint(0));
            const uint _e648 = as_uint(_e647);
            const uint _e650 = (_e648 & 7u);
            const bool _e652 = (_e650 != 0u);
            const uint _e654 = (_e648 >> (3u & 31u));
            const uint _e656 = _len_3;
            const bool _e657 = (_e654 >= _e656);
            const bool _e658 = (_e652 || _e657);
            const uint _e661 = (_e652 ? 5u : 4u);
            if (_e658) {
                atomic_xchg(&status[0], _e661);
                return;
            }
            buffer2_[min((uint)(_e654), _lim_3)] = _e645;
            break;
        }
        return;
        break;
    }
    const int _e667 = local0_;
    const int _e669 = local2_;
    const int _e671 = local8_;
    if (true) {
        atomic_xchg(&status[0], 1u);
        return;
    }
}
