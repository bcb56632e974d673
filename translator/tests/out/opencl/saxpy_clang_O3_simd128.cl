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
    int local8_ = 0;
    int local9_ = 0;
    int local10_ = 0;
    int local11_ = 0;
    int local12_ = 0;
    uint4 local13_ = ((uint4)(0u));
    int local14_ = 0;
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
    const uint _e71 = params.zero;
    const uint _e72 = (0u | _e71);
    const uint4 _e73 = ((uint4)(_e72));
    local13_ = _e73;
    const uint _e78 = params.zero;
    const int _e79 = as_int((uint)(_e78));
    const int _e80 = (0 | _e79);
    local14_ = _e80;
    const uint _e84 = params.budget;
    loop_budget = _e84;
    local3_ = 0;
    const uint _e89 = _len_1;
    const uint _e91 = (_e89 * 4u);
    const int _e92 = as_int(_e91);
    local4_ = _e92;
    local5_ = 0;
    const uint _e97 = _len_2;
    const uint _e99 = (_e97 * 4u);
    const int _e100 = as_int(_e99);
    local6_ = _e100;
    for (;;) {
        const int _e103 = local2_;
        const int _e105 = local0_;
        const int _e106 = as_int(as_uint(_e103) * as_uint(_e105));
        local7_ = _e106;
        const int _e109 = local2_;
        const int _e110 = as_int(as_uint(_e106) + as_uint(_e109));
        local2_ = _e110;
        const int _e113 = local4_;
        const bool _e116 = (4 == 0);
        if (_e116) {
            atomic_xchg(&status[0], 2u);
            return;
        }
        const bool _e122 = (_e113 == (-2147483647 - 1));
        const bool _e123 = (4 == (-1));
        const bool _e124 = (_e122 && _e123);
        if (_e124) {
            atomic_xchg(&status[0], 3u);
            return;
        }
        const int _e128 = _div_int(_e113, 4);
        local0_ = _e128;
        const int _e131 = local2_;
        const int _e133 = local0_;
        const bool _e134 = (_e131 < _e133);
        const int _e137 = (_e134 ? 1 : 0);
        const bool _e139 = (_e137 != 0);
        const int _e140 = (_e139 ? _e110 : _e128);
        local8_ = _e140;
        const int _e143 = local7_;
        const bool _e144 = (_e140 <= _e143);
        const int _e147 = (_e144 ? 1 : 0);
        const bool _e149 = (_e147 != 0);
        if (_e149) {
            break;
        }
        for (;;) {
            const int _e151 = local8_;
            const int _e153 = local7_;
            const int _e154 = as_int(as_uint(_e151) - as_uint(_e153));
            local9_ = _e154;
            const uint _e157 = as_uint(_e154);
            const uint _e158 = as_uint(4);
            const bool _e159 = (_e157 < _e158);
            const int _e162 = (_e159 ? 1 : 0);
            const bool _e164 = (_e162 != 0);
            if (_e164) {
                break;
            }
            for (;;) {
                const int _e166 = local5_;
                const int _e168 = local7_;
                const uint _e170 = as_uint(2);
                const uint _e172 = (_e170 & 31u);
                const int _e173 = as_int(as_uint(_e168) << (_e172 & 31u));
                local2_ = _e173;
                const int _e175 = as_int(as_uint(_e166) + as_uint(_e173));
                const int _e177 = local3_;
                const int _e179 = local8_;
                const uint _e181 = as_uint(2);
                const uint _e183 = (_e181 & 31u);
                const int _e184 = as_int(as_uint(_e179) << (_e183 & 31u));
                local0_ = _e184;
                const int _e186 = as_int(as_uint(_e177) + as_uint(_e184));
                const uint _e187 = as_uint(_e175);
                const uint _e190 = status[min(3u, _lim_3)];
                const uint _e191 = (_e190 + _e187);
                const uint _e192 = as_uint(_e186);
                const uint _e195 = status[min(2u, _lim_3)];
                const uint _e196 = (_e195 + _e192);
                const bool _e197 = (_e191 >= _e196);
                const int _e200 = (_e197 ? 1 : 0);
                const bool _e202 = (_e200 != 0);
                if (_e202) {
                    break;
                }
                const int _e204 = local3_;
                const int _e206 = local2_;
                const int _e207 = as_int(as_uint(_e204) + as_uint(_e206));
                const int _e209 = local5_;
                const int _e211 = local0_;
                const int _e212 = as_int(as_uint(_e209) + as_uint(_e211));
                const uint _e213 = as_uint(_e207);
                const uint _e216 = status[min(2u, _lim_3)];
                const uint _e217 = (_e216 + _e213);
                const uint _e218 = as_uint(_e212);
                const uint _e221 = status[min(3u, _lim_3)];
                const uint _e222 = (_e221 + _e218);
                const bool _e223 = (_e217 < _e222);
                const int _e226 = (_e223 ? 1 : 0);
                const bool _e228 = (_e226 != 0);
                if (_e228) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            const uint _e232 = branch_counter;
            const bool _e234 = (_e232 != 0u);
            const uint _e236 = (_e232 - 1u);
            const bool _e237 = (_e236 == 0u);
            if (_e234) {
                branch_counter = _e236;
                if (_e237) {
                    break;
                } else {
                    break;
                }
            }
            const int _e240 = local9_;
            const int _e242 = (_e240 & (-4));
            local10_ = _e242;
            const int _e245 = as_int(as_uint(_e242) + as_uint((-4)));
            local2_ = _e245;
            const uint _e248 = as_uint(2);
            const uint _e250 = (_e248 & 31u);
            const uint _e251 = as_uint(_e245);
            const uint _e252 = (_e251 >> (_e250 & 31u));
            const int _e253 = as_int(_e252);
            const int _e255 = as_int(as_uint(_e253) + as_uint(1));
            local0_ = _e255;
            const int _e258 = (_e255 & 1);
            local11_ = _e258;
            for (;;) {
                for (;;) {
                    const int _e261 = local2_;
                    const bool _e263 = (_e261 != 0);
                    if (_e263) {
                        break;
                    }
                    local4_ = 0;
                    branch_counter = 1u;
                    break;
                    break;
                }
                const uint _e269 = branch_counter;
                const bool _e271 = (_e269 != 0u);
                const uint _e273 = (_e269 - 1u);
                const bool _e274 = (_e273 == 0u);
                if (_e271) {
                    branch_counter = _e273;
                    if (_e274) {
                        break;
                    } else {
                        break;
                    }
                }
                const int _e277 = local0_;
                const int _e279 = (_e277 & 2147483646);
                local12_ = _e279;
                const int _e282 = local3_;
                const int _e284 = local7_;
                const uint _e286 = as_uint(2);
                const uint _e288 = (_e286 & 31u);
                const int _e289 = as_int(as_uint(_e284) << (_e288 & 31u));
                local2_ = _e289;
                const int _e291 = as_int(as_uint(_e282) + as_uint(_e289));
                local0_ = _e291;
                const int _e294 = local5_;
                const int _e296 = local2_;
                const int _e297 = as_int(as_uint(_e294) + as_uint(_e296));
                local2_ = _e297;
                local4_ = 0;
                for (;;) {
                    const uint _e302 = loop_budget;
                    const bool _e304 = (_e302 == 0u);
                    if (_e304) {
                        const uint _e307 = params.budget;
                        const bool _e309 = (_e307 != 4294967295u);
                        if (_e309) {
                            atomic_xchg(&status[0], 9u);
                            return;
                        }
                        loop_budget = 4294967295u;
                    }
                    const uint _e315 = loop_budget;
                    const uint _e317 = (_e315 - 1u);
                    loop_budget = _e317;
                    const int _e320 = local2_;
                    const int _e322 = local0_;
                    const int _e324 = as_int(as_uint(_e322) + as_uint(0));
                    const uint _e325 = as_uint(_e324);
                    const uint _e327 = (_e325 & 3u);
                    const bool _e329 = (_e327 != 0u);
                    const uint _e331 = (_e325 >> (2u & 31u));
                    const uint _e333 = _len_1;
                    const uint _e335 = (_e331 + 3u);
                    const bool _e336 = (_e335 >= _e333);
                    const bool _e337 = (_e329 || _e336);
                    const uint _e340 = (_e329 ? 5u : 4u);
                    if (_e337) {
                        atomic_xchg(&status[0], _e340);
                        return;
                    }
                    const float _e345 = buffer0_[min((uint)(_e331), _lim_1)];
                    const uint _e346 = as_uint(_e345);
                    const uint _e348 = (_e331 + 1u);
                    const float _e351 = buffer0_[min((uint)(_e348), _lim_1)];
                    const uint _e352 = as_uint(_e351);
                    const uint _e354 = (_e331 + 2u);
                    const float _e357 = buffer0_[min((uint)(_e354), _lim_1)];
                    const uint _e358 = as_uint(_e357);
                    const uint _e360 = (_e331 + 3u);
                    const float _e363 = buffer0_[min((uint)(_e360), _lim_1)];
                    const uint _e364 = as_uint(_e363);
                    const uint4 _e365 = ((uint4)(_e346, _e352, _e358, _e364));
                    const uint _e369 = params.zero;
                    const uint _e370 = (1075838976u | _e369);
                    const uint _e374 = params.zero;
                    const uint _e375 = (1075838976u | _e374);
                    const uint _e379 = params.zero;
                    const uint _e380 = (1075838976u | _e379);
                    const uint _e384 = params.zero;
                    const uint _e385 = (1075838976u | _e384);
                    const uint4 _e386 = ((uint4)(_e370, _e375, _e380, _e385));
                    local13_ = _e386;
                    const uint _e388 = _e365.x;
                    const float _e389 = as_float(_e388);
                    const uint _e390 = _e365.y;
                    const float _e391 = as_float(_e390);
                    const uint _e392 = _e365.z;
                    const float _e393 = as_float(_e392);
                    const uint _e394 = _e365.w;
                    const float _e395 = as_float(_e394);
                    const uint _e396 = _e386.x;
                    const float _e397 = as_float(_e396);
                    const uint _e398 = _e386.y;
                    const float _e399 = as_float(_e398);
                    const uint _e400 = _e386.z;
                    const float _e401 = as_float(_e400);
                    const uint _e402 = _e386.w;
                    const float _e403 = as_float(_e402);
                    const float _e404 = (_e389 * _e397);
                    const float _e405 = (_e391 * _e399);
                    const float _e406 = (_e393 * _e401);
                    const float _e407 = (_e395 * _e403);
                    const uint _e408 = as_uint(_e404);
                    const uint _e409 = as_uint(_e405);
                    const uint _e410 = as_uint(_e406);
                    const uint _e411 = as_uint(_e407);
                    const uint4 _e412 = ((uint4)(_e408, _e409, _e410, _e411));
                    const int _e414 = local2_;
                    const int _e416 = as_int(as_uint(_e414) + as_uint(0));
                    const uint _e417 = as_uint(_e416);
                    const uint _e419 = (_e417 & 3u);
                    const bool _e421 = (_e419 != 0u);
                    const uint _e423 = (_e417 >> (2u & 31u));
                    const uint _e425 = _len_2;
                    const uint _e427 = (_e423 + 3u);
                    const bool _e428 = (_e427 >= _e425);
                    const bool _e429 = (_e421 || _e428);
                    const uint _e432 = (_e421 ? 5u : 4u);
                    if (_e429) {
                        atomic_xchg(&status[0], _e432);
                        return;
                    }
                    const float _e437 = buffer1_[min((uint)(_e423), _lim_2)];
                    const uint _e438 = as_uint(_e437);
                    const uint _e440 = (_e423 + 1u);
                    const float _e443 = buffer1_[min((uint)(_e440), _lim_2)];
                    const uint _e444 = as_uint(_e443);
                    const uint _e446 = (_e423 + 2u);
                    const float _e449 = buffer1_[min((uint)(_e446), _lim_2)];
                    const uint _e450 = as_uint(_e449);
                    const uint _e452 = (_e423 + 3u);
                    const float _e455 = buffer1_[min((uint)(_e452), _lim_2)];
                    const uint _e456 = as_uint(_e455);
                    const uint4 _e457 = ((uint4)(_e438, _e444, _e450, _e456));
                    const uint _e458 = _e412.x;
                    const float _e459 = as_float(_e458);
                    const uint _e460 = _e412.y;
                    const float _e461 = as_float(_e460);
                    const uint _e462 = _e412.z;
                    const float _e463 = as_float(_e462);
                    const uint _e464 = _e412.w;
                    const float _e465 = as_float(_e464);
                    const uint _e466 = _e457.x;
                    const float _e467 = as_float(_e466);
                    const uint _e468 = _e457.y;
                    const float _e469 = as_float(_e468);
                    const uint _e470 = _e457.z;
                    const float _e471 = as_float(_e470);
                    const uint _e472 = _e457.w;
                    const float _e473 = as_float(_e472);
                    const float _e474 = (_e459 + _e467);
                    const float _e475 = (_e461 + _e469);
                    const float _e476 = (_e463 + _e471);
                    const float _e477 = (_e465 + _e473);
                    const uint _e478 = as_uint(_e474);
                    const uint _e479 = as_uint(_e475);
                    const uint _e480 = as_uint(_e476);
                    const uint _e481 = as_uint(_e477);
                    const uint4 _e482 = ((uint4)(_e478, _e479, _e480, _e481));
                    const int _e484 = as_int(as_uint(_e320) + as_uint(0));
                    const uint _e485 = as_uint(_e484);
                    const uint _e487 = (_e485 & 3u);
                    const bool _e489 = (_e487 != 0u);
                    const uint _e491 = (_e485 >> (2u & 31u));
                    const uint _e493 = _len_2;
                    const uint _e495 = (_e491 + 3u);
                    const bool _e496 = (_e495 >= _e493);
                    const bool _e497 = (_e489 || _e496);
                    const uint _e500 = (_e489 ? 5u : 4u);
                    if (_e497) {
                        atomic_xchg(&status[0], _e500);
                        return;
                    }
                    const uint _e503 = _e482.x;
                    const float _e504 = as_float(_e503);
                    buffer1_[min((uint)(_e491), _lim_2)] = _e504;
                    const uint _e508 = (_e491 + 1u);
                    const uint _e509 = _e482.y;
                    const float _e510 = as_float(_e509);
                    buffer1_[min((uint)(_e508), _lim_2)] = _e510;
                    const uint _e514 = (_e491 + 2u);
                    const uint _e515 = _e482.z;
                    const float _e516 = as_float(_e515);
                    buffer1_[min((uint)(_e514), _lim_2)] = _e516;
                    const uint _e520 = (_e491 + 3u);
                    const uint _e521 = _e482.w;
                    const float _e522 = as_float(_e521);
                    buffer1_[min((uint)(_e520), _lim_2)] = _e522;
                    const int _e526 = local2_;
                    const int _e528 = as_int(as_uint(_e526) + as_uint(16));
                    local14_ = _e528;
                    const int _e531 = local0_;
                    const int _e533 = as_int(as_uint(_e531) + as_uint(16));
                    const int _e535 = as_int(as_uint(_e533) + as_uint(0));
                    const uint _e536 = as_uint(_e535);
                    const uint _e538 = (_e536 & 3u);
                    const bool _e540 = (_e538 != 0u);
                    const uint _e542 = (_e536 >> (2u & 31u));
                    const uint _e544 = _len_1;
                    const uint _e546 = (_e542 + 3u);
                    const bool _e547 = (_e546 >= _e544);
                    const bool _e548 = (_e540 || _e547);
                    const uint _e551 = (_e540 ? 5u : 4u);
                    if (_e548) {
                        atomic_xchg(&status[0], _e551);
                        return;
                    }
                    const float _e556 = buffer0_[min((uint)(_e542), _lim_1)];
                    const uint _e557 = as_uint(_e556);
                    const uint _e559 = (_e542 + 1u);
                    const float _e562 = buffer0_[min((uint)(_e559), _lim_1)];
                    const uint _e563 = as_uint(_e562);
                    const uint _e565 = (_e542 + 2u);
                    const float _e568 = buffer0_[min((uint)(_e565), _lim_1)];
                    const uint _e569 = as_uint(_e568);
                    const uint _e571 = (_e542 + 3u);
                    const float _e574 = buffer0_[min((uint)(_e571), _lim_1)];
                    const uint _e575 = as_uint(_e574);
                    const uint4 _e576 = ((uint4)(_e557, _e563, _e569, _e575));
                    const uint4 _e578 = local13_;
                    const uint _e579 = _e576.x;
                    const float _e580 = as_float(_e579);
                    const uint _e581 = _e576.y;
                    const float _e582 = as_float(_e581);
                    const uint _e583 = _e576.z;
                    const float _e584 = as_float(_e583);
                    const uint _e585 = _e576.w;
                    const float _e586 = as_float(_e585);
                    const uint _e587 = _e578.x;
                    const float _e588 = as_float(_e587);
                    const uint _e589 = _e578.y;
                    const float _e590 = as_float(_e589);
                    const uint _e591 = _e578.z;
                    const float _e592 = as_float(_e591);
                    const uint _e593 = _e578.w;
                    const float _e594 = as_float(_e593);
                    const float _e595 = (_e580 * _e588);
                    const float _e596 = (_e582 * _e590);
                    const float _e597 = (_e584 * _e592);
                    const float _e598 = (_e586 * _e594);
                    const uint _e599 = as_uint(_e595);
                    const uint _e600 = as_uint(_e596);
                    const uint _e601 = as_uint(_e597);
                    const uint _e602 = as_uint(_e598);
                    const uint4 _e603 = ((uint4)(_e599, _e600, _e601, _e602));
                    const int _e605 = local14_;
                    const int _e607 = as_int(as_uint(_e605) + as_uint(0));
                    const uint _e608 = as_uint(_e607);
                    const uint _e610 = (_e608 & 3u);
                    const bool _e612 = (_e610 != 0u);
                    const uint _e614 = (_e608 >> (2u & 31u));
                    const uint _e616 = _len_2;
                    const uint _e618 = (_e614 + 3u);
                    const bool _e619 = (_e618 >= _e616);
                    const bool _e620 = (_e612 || _e619);
                    const uint _e623 = (_e612 ? 5u : 4u);
                    if (_e620) {
                        atomic_xchg(&status[0], _e623);
                        return;
                    }
                    const float _e628 = buffer1_[min((uint)(_e614), _lim_2)];
                    const uint _e629 = as_uint(_e628);
                    const uint _e631 = (_e614 + 1u);
                    const float _e634 = buffer1_[min((uint)(_e631), _lim_2)];
                    const uint _e635 = as_uint(_e634);
                    const uint _e637 = (_e614 + 2u);
                    const float _e640 = buffer1_[min((uint)(_e637), _lim_2)];
                    const uint _e641 = as_uint(_e640);
                    const uint _e643 = (_e614 + 3u);
                    const float _e646 = buffer1_[min((uint)(_e643), _lim_2)];
                    const uint _e647 = as_uint(_e646);
                    const uint4 _e648 = ((uint4)(_e629, _e635, _e641, _e647));
                    const uint _e649 = _e603.x;
                    const float _e650 = as_float(_e649);
                    const uint _e651 = _e603.y;
                    const float _e652 = as_float(_e651);
                    const uint _e653 = _e603.z;
                    const float _e654 = as_float(_e653);
                    const uint _e655 = _e603.w;
                    const float _e656 = as_float(_e655);
                    const uint _e657 = _e648.x;
                    const float _e658 = as_float(_e657);
                    const uint _e659 = _e648.y;
                    const float _e660 = as_float(_e659);
                    const uint _e661 = _e648.z;
                    const float _e662 = as_float(_e661);
                    const uint _e663 = _e648.w;
                    const float _e664 = as_float(_e663);
                    const float _e665 = (_e650 + _e658);
                    const float _e666 = (_e652 + _e660);
                    const float _e667 = (_e654 + _e662);
                    const float _e668 = (_e656 + _e664);
                    const uint _e669 = as_uint(_e665);
                    const uint _e670 = as_uint(_e666);
                    const uint _e671 = as_uint(_e667);
                    const uint _e672 = as_uint(_e668);
                    const uint4 _e673 = ((uint4)(_e669, _e670, _e671, _e672));
                    const int _e675 = as_int(as_uint(_e528) + as_uint(0));
                    const uint _e676 = as_uint(_e675);
                    const uint _e678 = (_e676 & 3u);
                    const bool _e680 = (_e678 != 0u);
                    const uint _e682 = (_e676 >> (2u & 31u));
                    const uint _e684 = _len_2;
                    const uint _e686 = (_e682 + 3u);
                    const bool _e687 = (_e686 >= _e684);
                    const bool _e688 = (_e680 || _e687);
                    const uint _e691 = (_e680 ? 5u : 4u);
                    if (_e688) {
                        atomic_xchg(&status[0], _e691);
                        return;
                    }
                    const uint _e694 = _e673.x;
                    const float _e695 = as_float(_e694);
                    buffer1_[min((uint)(_e682), _lim_2)] = _e695;
                    const uint _e699 = (_e682 + 1u);
                    const uint _e700 = _e673.y;
                    const float _e701 = as_float(_e700);
                    buffer1_[min((uint)(_e699), _lim_2)] = _e701;
                    const uint _e705 = (_e682 + 2u);
                    const uint _e706 = _e673.z;
                    const float _e707 = as_float(_e706);
                    buffer1_[min((uint)(_e705), _lim_2)] = _e707;
                    const uint _e711 = (_e682 + 3u);
                    const uint _e712 = _e673.w;
                    const float _e713 = as_float(_e712);
                    buffer1_[min((uint)(_e711), _lim_2)] = _e713;
                    const int _e717 = local0_;
                    const int _e719 = as_int(as_uint(_e717) + as_uint(32));
                    local0_ = _e719;
                    const int _e722 = local2_;
                    const int _e724 = as_int(as_uint(_e722) + as_uint(32));
                    local2_ = _e724;
                    const int _e727 = local4_;
                    const int _e729 = as_int(as_uint(_e727) + as_uint(8));
                    local4_ = _e729;
                    const int _e732 = local12_;
                    const int _e734 = as_int(as_uint(_e732) + as_uint((-2)));
                    local12_ = _e734;
                    const bool _e737 = (_e734 != 0);
                    if (_e737) {
                        continue;
                    }
                    break;
                }
                break;
            }
            for (;;) {
                const int _e739 = local11_;
                const bool _e741 = (_e739 == 0);
                const int _e744 = (_e741 ? 1 : 0);
                const bool _e746 = (_e744 != 0);
                if (_e746) {
                    break;
                }
                const int _e748 = local5_;
                const int _e750 = local7_;
                const int _e752 = local4_;
                const int _e753 = as_int(as_uint(_e750) + as_uint(_e752));
                const uint _e755 = as_uint(2);
                const uint _e757 = (_e755 & 31u);
                const int _e758 = as_int(as_uint(_e753) << (_e757 & 31u));
                local2_ = _e758;
                const int _e760 = as_int(as_uint(_e748) + as_uint(_e758));
                local0_ = _e760;
                const int _e763 = local3_;
                const int _e765 = local2_;
                const int _e766 = as_int(as_uint(_e763) + as_uint(_e765));
                const int _e768 = as_int(as_uint(_e766) + as_uint(0));
                const uint _e769 = as_uint(_e768);
                const uint _e771 = (_e769 & 3u);
                const bool _e773 = (_e771 != 0u);
                const uint _e775 = (_e769 >> (2u & 31u));
                const uint _e777 = _len_1;
                const uint _e779 = (_e775 + 3u);
                const bool _e780 = (_e779 >= _e777);
                const bool _e781 = (_e773 || _e780);
                const uint _e784 = (_e773 ? 5u : 4u);
                if (_e781) {
                    atomic_xchg(&status[0], _e784);
                    return;
                }
                const float _e789 = buffer0_[min((uint)(_e775), _lim_1)];
                const uint _e790 = as_uint(_e789);
                const uint _e792 = (_e775 + 1u);
                const float _e795 = buffer0_[min((uint)(_e792), _lim_1)];
                const uint _e796 = as_uint(_e795);
                const uint _e798 = (_e775 + 2u);
                const float _e801 = buffer0_[min((uint)(_e798), _lim_1)];
                const uint _e802 = as_uint(_e801);
                const uint _e804 = (_e775 + 3u);
                const float _e807 = buffer0_[min((uint)(_e804), _lim_1)];
                const uint _e808 = as_uint(_e807);
                const uint4 _e809 = ((uint4)(_e790, _e796, _e802, _e808));
                const uint _e813 = params.zero;
                const uint _e814 = (1075838976u | _e813);
                const uint _e818 = params.zero;
                const uint _e819 = (1075838976u | _e818);
                const uint _e823 = params.zero;
                const uint _e824 = (1075838976u | _e823);
                const uint _e828 = params.zero;
                const uint _e829 = (1075838976u | _e828);
                const uint4 _e830 = ((uint4)(_e814, _e819, _e824, _e829));
                const uint _e831 = _e809.x;
                const float _e832 = as_float(_e831);
                const uint _e833 = _e809.y;
                const float _e834 = as_float(_e833);
                const uint _e835 = _e809.z;
                const float _e836 = as_float(_e835);
                const uint _e837 = _e809.w;
                const float _e838 = as_float(_e837);
                const uint _e839 = _e830.x;
                const float _e840 = as_float(_e839);
                const uint _e841 = _e830.y;
                const float _e842 = as_float(_e841);
                const uint _e843 = _e830.z;
                const float _e844 = as_float(_e843);
                const uint _e845 = _e830.w;
                const float _e846 = as_float(_e845);
                const float _e847 = (_e832 * _e840);
                const float _e848 = (_e834 * _e842);
                const float _e849 = (_e836 * _e844);
                const float _e850 = (_e838 * _e846);
                const uint _e851 = as_uint(_e847);
                const uint _e852 = as_uint(_e848);
                const uint _e853 = as_uint(_e849);
                const uint _e854 = as_uint(_e850);
                const uint4 _e855 = ((uint4)(_e851, _e852, _e853, _e854));
                const int _e857 = local0_;
                const int _e859 = as_int(as_uint(_e857) + as_uint(0));
                const uint _e860 = as_uint(_e859);
                const uint _e862 = (_e860 & 3u);
                const bool _e864 = (_e862 != 0u);
                const uint _e866 = (_e860 >> (2u & 31u));
                const uint _e868 = _len_2;
                const uint _e870 = (_e866 + 3u);
                const bool _e871 = (_e870 >= _e868);
                const bool _e872 = (_e864 || _e871);
                const uint _e875 = (_e864 ? 5u : 4u);
                if (_e872) {
                    atomic_xchg(&status[0], _e875);
                    return;
                }
                const float _e880 = buffer1_[min((uint)(_e866), _lim_2)];
                const uint _e881 = as_uint(_e880);
                const uint _e883 = (_e866 + 1u);
                const float _e886 = buffer1_[min((uint)(_e883), _lim_2)];
                const uint _e887 = as_uint(_e886);
                const uint _e889 = (_e866 + 2u);
                const float _e892 = buffer1_[min((uint)(_e889), _lim_2)];
                const uint _e893 = as_uint(_e892);
                const uint _e895 = (_e866 + 3u);
                const float _e898 = buffer1_[min((uint)(_e895), _lim_2)];
                const uint _e899 = as_uint(_e898);
                const uint4 _e900 = ((uint4)(_e881, _e887, _e893, _e899));
                const uint _e901 = _e855.x;
                const float _e902 = as_float(_e901);
                const uint _e903 = _e855.y;
                const float _e904 = as_float(_e903);
                const uint _e905 = _e855.z;
                const float _e906 = as_float(_e905);
                const uint _e907 = _e855.w;
                const float _e908 = as_float(_e907);
                const uint _e909 = _e900.x;
                const float _e910 = as_float(_e909);
                const uint _e911 = _e900.y;
                const float _e912 = as_float(_e911);
                const uint _e913 = _e900.z;
                const float _e914 = as_float(_e913);
                const uint _e915 = _e900.w;
                const float _e916 = as_float(_e915);
                const float _e917 = (_e902 + _e910);
                const float _e918 = (_e904 + _e912);
                const float _e919 = (_e906 + _e914);
                const float _e920 = (_e908 + _e916);
                const uint _e921 = as_uint(_e917);
                const uint _e922 = as_uint(_e918);
                const uint _e923 = as_uint(_e919);
                const uint _e924 = as_uint(_e920);
                const uint4 _e925 = ((uint4)(_e921, _e922, _e923, _e924));
                const int _e927 = as_int(as_uint(_e760) + as_uint(0));
                const uint _e928 = as_uint(_e927);
                const uint _e930 = (_e928 & 3u);
                const bool _e932 = (_e930 != 0u);
                const uint _e934 = (_e928 >> (2u & 31u));
                const uint _e936 = _len_2;
                const uint _e938 = (_e934 + 3u);
                const bool _e939 = (_e938 >= _e936);
                const bool _e940 = (_e932 || _e939);
                const uint _e943 = (_e932 ? 5u : 4u);
                if (_e940) {
                    atomic_xchg(&status[0], _e943);
                    return;
                }
                const uint _e946 = _e925.x;
                const float _e947 = as_float(_e946);
                buffer1_[min((uint)(_e934), _lim_2)] = _e947;
                const uint _e951 = (_e934 + 1u);
                const uint _e952 = _e925.y;
                const float _e953 = as_float(_e952);
                buffer1_[min((uint)(_e951), _lim_2)] = _e953;
                const uint _e957 = (_e934 + 2u);
                const uint _e958 = _e925.z;
                const float _e959 = as_float(_e958);
                buffer1_[min((uint)(_e957), _lim_2)] = _e959;
                const uint _e963 = (_e934 + 3u);
                const uint _e964 = _e925.w;
                const float _e965 = as_float(_e964);
                buffer1_[min((uint)(_e963), _lim_2)] = _e965;
                break;
            }
            const int _e969 = local9_;
            const int _e971 = local10_;
            const bool _e972 = (_e969 == _e971);
            const int _e975 = (_e972 ? 1 : 0);
            const bool _e977 = (_e975 != 0);
            if (_e977) {
                branch_counter = 1u;
                break;
            }
            const int _e981 = local7_;
            const int _e983 = local10_;
            const int _e984 = as_int(as_uint(_e981) + as_uint(_e983));
            local7_ = _e984;
            break;
        }
        const uint _e987 = branch_counter;
        const bool _e989 = (_e987 != 0u);
        const uint _e991 = (_e987 - 1u);
        const bool _e992 = (_e991 == 0u);
        if (_e989) {
            branch_counter = _e991;
            if (_e992) {
                break;
            } else {
                break;
            }
        }
        const int _e995 = local7_;
        const int _e997 = as_int(as_uint(_e995) + as_uint(1));
        local2_ = _e997;
        for (;;) {
            const int _e1000 = local8_;
            const int _e1002 = local7_;
            const int _e1003 = as_int(as_uint(_e1000) - as_uint(_e1002));
            const int _e1005 = (_e1003 & 1);
            const bool _e1007 = (_e1005 == 0);
            const int _e1010 = (_e1007 ? 1 : 0);
            const bool _e1012 = (_e1010 != 0);
            if (_e1012) {
                break;
            }
            const int _e1014 = local5_;
            const int _e1016 = local7_;
            const uint _e1018 = as_uint(2);
            const uint _e1020 = (_e1018 & 31u);
            const int _e1021 = as_int(as_uint(_e1016) << (_e1020 & 31u));
            local0_ = _e1021;
            const int _e1023 = as_int(as_uint(_e1014) + as_uint(_e1021));
            local4_ = _e1023;
            const int _e1026 = local3_;
            const int _e1028 = local0_;
            const int _e1029 = as_int(as_uint(_e1026) + as_uint(_e1028));
            const int _e1031 = as_int(as_uint(_e1029) + as_uint(0));
            const uint _e1032 = as_uint(_e1031);
            const uint _e1034 = (_e1032 & 3u);
            const bool _e1036 = (_e1034 != 0u);
            const uint _e1038 = (_e1032 >> (2u & 31u));
            const uint _e1040 = _len_1;
            const bool _e1041 = (_e1038 >= _e1040);
            const bool _e1042 = (_e1036 || _e1041);
            const uint _e1045 = (_e1036 ? 5u : 4u);
            if (_e1042) {
                atomic_xchg(&status[0], _e1045);
                return;
            }
            const float _e1050 = buffer0_[min((uint)(_e1038), _lim_1)];
            const uint _e1054 = params.zero;
            const uint _e1055 = (1075838976u | _e1054);
            const float _e1056 = as_float(_e1055);
            const float _e1057 = (_e1050 * _e1056);
            const int _e1059 = local4_;
            const int _e1061 = as_int(as_uint(_e1059) + as_uint(0));
            const uint _e1062 = as_uint(_e1061);
            const uint _e1064 = (_e1062 & 3u);
            const bool _e1066 = (_e1064 != 0u);
            const uint _e1068 = (_e1062 >> (2u & 31u));
            const uint _e1070 = _len_2;
            const bool _e1071 = (_e1068 >= _e1070);
            const bool _e1072 = (_e1066 || _e1071);
            const uint _e1075 = (_e1066 ? 5u : 4u);
            if (_e1072) {
                atomic_xchg(&status[0], _e1075);
                return;
            }
            const float _e1080 = buffer1_[min((uint)(_e1068), _lim_2)];
            const float _e1081 = (_e1057 + _e1080);
            const int _e1083 = as_int(as_uint(_e1023) + as_uint(0));
            const uint _e1084 = as_uint(_e1083);
            const uint _e1086 = (_e1084 & 3u);
            const bool _e1088 = (_e1086 != 0u);
            const uint _e1090 = (_e1084 >> (2u & 31u));
            const uint _e1092 = _len_2;
            const bool _e1093 = (_e1090 >= _e1092);
            const bool _e1094 = (_e1088 || _e1093);
            const uint _e1097 = (_e1088 ? 5u : 4u);
            if (_e1094) {
                atomic_xchg(&status[0], _e1097);
                return;
            }
            buffer1_[min((uint)(_e1090), _lim_2)] = _e1081;
            const int _e1103 = local2_;
            local7_ = _e1103;
            break;
        }
        const int _e1106 = local8_;
        const int _e1108 = local2_;
        const bool _e1109 = (_e1106 == _e1108);
        const int _e1112 = (_e1109 ? 1 : 0);
        const bool _e1114 = (_e1112 != 0);
        if (_e1114) {
            break;
        }
        const int _e1116 = local8_;
        const int _e1118 = local7_;
        const int _e1119 = as_int(as_uint(_e1116) - as_uint(_e1118));
        local4_ = _e1119;
        const int _e1122 = local3_;
        const int _e1124 = local7_;
        const uint _e1126 = as_uint(2);
        const uint _e1128 = (_e1126 & 31u);
        const int _e1129 = as_int(as_uint(_e1124) << (_e1128 & 31u));
        local2_ = _e1129;
        const int _e1131 = as_int(as_uint(_e1122) + as_uint(_e1129));
        local0_ = _e1131;
        const int _e1134 = local5_;
        const int _e1136 = local2_;
        const int _e1137 = as_int(as_uint(_e1134) + as_uint(_e1136));
        local2_ = _e1137;
        for (;;) {
            const uint _e1140 = loop_budget;
            const bool _e1142 = (_e1140 == 0u);
            if (_e1142) {
                const uint _e1145 = params.budget;
                const bool _e1147 = (_e1145 != 4294967295u);
                if (_e1147) {
                    atomic_xchg(&status[0], 9u);
                    return;
                }
                loop_budget = 4294967295u;
            }
            const uint _e1153 = loop_budget;
            const uint _e1155 = (_e1153 - 1u);
            loop_budget = _e1155;
            const int _e1158 = local2_;
            const int _e1160 = local0_;
            const int _e1162 = as_int(as_uint(_e1160) + as_uint(0));
            const uint _e1163 = as_uint(_e1162);
            const uint _e1165 = (_e1163 & 3u);
            const bool _e1167 = (_e1165 != 0u);
            const uint _e1169 = (_e1163 >> (2u & 31u));
            const uint _e1171 = _len_1;
            const bool _e1172 = (_e1169 >= _e1171);
            const bool _e1173 = (_e1167 || _e1172);
            const uint _e1176 = (_e1167 ? 5u : 4u);
            if (_e1173) {
                atomic_xchg(&status[0], _e1176);
                return;
            }
            const float _e1181 = buffer0_[min((uint)(_e1169), _lim_1)];
            const uint _e1185 = params.zero;
            const uint _e1186 = (1075838976u | _e1185);
            const float _e1187 = as_float(_e1186);
            const float _e1188 = (_e1181 * _e1187);
            const int _e1190 = local2_;
            const int _e1192 = as_int(as_uint(_e1190) + as_uint(0));
            const uint _e1193 = as_uint(_e1192);
            const uint _e1195 = (_e1193 & 3u);
            const bool _e1197 = (_e1195 != 0u);
            const uint _e1199 = (_e1193 >> (2u & 31u));
            const uint _e1201 = _len_2;
            const bool _e1202 = (_e1199 >= _e1201);
            const bool _e1203 = (_e1197 || _e1202);
            const uint _e1206 = (_e1197 ? 5u : 4u);
            if (_e1203) {
                atomic_xchg(&status[0], _e1206);
                return;
            }
            const float _e1211 = buffer1_[min((uint)(_e1199), _lim_2)];
            const float _e1212 = (_e1188 + _e1211);
            const int _e1214 = as_int(as_uint(_e1158) + as_uint(0));
            const uint _e1215 = as_uint(_e1214);
            const uint _e1217 = (_e1215 & 3u);
            const bool _e1219 = (_e1217 != 0u);
            const uint _e1221 = (_e1215 >> (2u & 31u));
            const uint _e1223 = _len_2;
            const bool _e1224 = (_e1221 >= _e1223);
            const bool _e1225 = (_e1219 || _e1224);
            const uint _e1228 = (_e1219 ? 5u : 4u);
            if (_e1225) {
                atomic_xchg(&status[0], _e1228);
                return;
            }
            buffer1_[min((uint)(_e1221), _lim_2)] = _e1212;
            const int _e1234 = local2_;
            const int _e1236 = as_int(as_uint(_e1234) + as_uint(4));
            local12_ = _e1236;
            const int _e1239 = local0_;
            const int _e1241 = as_int(as_uint(_e1239) + as_uint(4));
            const int _e1243 = as_int(as_uint(_e1241) + as_uint(0));
            const uint _e1244 = as_uint(_e1243);
            const uint _e1246 = (_e1244 & 3u);
            const bool _e1248 = (_e1246 != 0u);
            const uint _e1250 = (_e1244 >> (2u & 31u));
            const uint _e1252 = _len_1;
            const bool _e1253 = (_e1250 >= _e1252);
            const bool _e1254 = (_e1248 || _e1253);
            const uint _e1257 = (_e1248 ? 5u : 4u);
            if (_e1254) {
                atomic_xchg(&status[0], _e1257);
                return;
            }
            const float _e1262 = buffer0_[min((uint)(_e1250), _lim_1)];
            const uint _e1266 = params.zero;
            const uint _e1267 = (1075838976u | _e1266);
            const float _e1268 = as_float(_e1267);
            const float _e1269 = (_e1262 * _e1268);
            const int _e1271 = local12_;
            const int _e1273 = as_int(as_uint(_e1271) + as_uint(0));
            const uint _e1274 = as_uint(_e1273);
            const uint _e1276 = (_e1274 & 3u);
            const bool _e1278 = (_e1276 != 0u);
            const uint _e1280 = (_e1274 >> (2u & 31u));
            const uint _e1282 = _len_2;
            const bool _e1283 = (_e1280 >= _e1282);
            const bool _e1284 = (_e1278 || _e1283);
            const uint _e1287 = (_e1278 ? 5u : 4u);
            if (_e1284) {
                atomic_xchg(&status[0], _e1287);
                return;
            }
            const float _e1292 = buffer1_[min((uint)(_e1280), _lim_2)];
            const float _e1293 = (_e1269 + _e1292);
            const int _e1295 = as_int(as_uint(_e1236) + as_uint(0));
            const uint _e1296 = as_uint(_e1295);
            const uint _e1298 = (_e1296 & 3u);
            const bool _e1300 = (_e1298 != 0u);
            const uint _e1302 = (_e1296 >> (2u & 31u));
            const uint _e1304 = _len_2;
            const bool _e1305 = (_e1302 >= _e1304);
            const bool _e1306 = (_e1300 || _e1305);
            const uint _e1309 = (_e1300 ? 5u : 4u);
            if (_e1306) {
                atomic_xchg(&status[0], _e1309);
                return;
            }
            buffer1_[min((uint)(_e1302), _lim_2)] = _e1293;
            const int _e1315 = local0_;
            const int _e1317 = as_int(as_uint(_e1315) + as_uint(8));
            local0_ = _e1317;
            const int _e1320 = local2_;
            const int _e1322 = as_int(as_uint(_e1320) + as_uint(8));
            local2_ = _e1322;
            const int _e1325 = local4_;
            const int _e1327 = as_int(as_uint(_e1325) + as_uint((-2)));
            local4_ = _e1327;
            const bool _e1330 = (_e1327 != 0);
            if (_e1330) {
                continue;
            }
            break;
        }
        break;
    }
}
