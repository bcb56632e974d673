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
    const uint _e24 = params.zero;
    const int _e25 = as_int((uint)(_e24));
    const int _e26 = (0 | _e25);
    local9_ = _e26;
    const uint _e31 = params.zero;
    const int _e32 = as_int((uint)(_e31));
    const int _e33 = (0 | _e32);
    local10_ = _e33;
    const uint _e38 = params.zero;
    const int _e39 = as_int((uint)(_e38));
    const int _e40 = (0 | _e39);
    local11_ = _e40;
    const uint _e45 = params.zero;
    const int _e46 = as_int((uint)(_e45));
    const int _e47 = (0 | _e46);
    local12_ = _e47;
    const uint _e52 = params.zero;
    const int _e53 = as_int((uint)(_e52));
    const int _e54 = (0 | _e53);
    local13_ = _e54;
    local3_ = 0;
    const uint _e59 = _len_1;
    const uint _e61 = (_e59 * 8u);
    const int _e62 = as_int(_e61);
    local4_ = _e62;
    local5_ = 0;
    const uint _e67 = _len_2;
    const uint _e69 = (_e67 * 8u);
    const int _e70 = as_int(_e69);
    local6_ = _e70;
    local7_ = 0;
    const uint _e75 = _len_3;
    const uint _e77 = (_e75 * 8u);
    const int _e78 = as_int(_e77);
    local8_ = _e78;
    for (;;) {
        const int _e81 = local6_;
        const uint _e83 = as_uint(3);
        const uint _e85 = (_e83 & 31u);
        const uint _e86 = as_uint(_e81);
        const uint _e87 = (_e86 >> (_e85 & 31u));
        const int _e88 = as_int(_e87);
        local6_ = _e88;
        const int _e91 = local4_;
        const uint _e93 = as_uint(3);
        const uint _e95 = (_e93 & 31u);
        const uint _e96 = as_uint(_e91);
        const uint _e97 = (_e96 >> (_e95 & 31u));
        const int _e98 = as_int(_e97);
        local4_ = _e98;
        const int _e101 = local8_;
        const uint _e103 = as_uint(3);
        const uint _e105 = (_e103 & 31u);
        const uint _e106 = as_uint(_e101);
        const uint _e107 = (_e106 >> (_e105 & 31u));
        const int _e108 = as_int(_e107);
        local8_ = _e108;
        const int _e111 = local8_;
        const int _e113 = local2_;
        const int _e115 = local0_;
        const int _e116 = as_int(as_uint(_e113) * as_uint(_e115));
        local0_ = _e116;
        const int _e119 = local8_;
        const int _e121 = local0_;
        const uint _e122 = as_uint(_e119);
        const uint _e123 = as_uint(_e121);
        const bool _e124 = (_e122 < _e123);
        const int _e127 = (_e124 ? 1 : 0);
        const bool _e129 = (_e127 != 0);
        const int _e130 = (_e129 ? _e111 : _e116);
        local0_ = _e130;
        const int _e133 = local2_;
        const int _e134 = as_int(as_uint(_e130) + as_uint(_e133));
        local2_ = _e134;
        const int _e137 = local8_;
        const int _e139 = local2_;
        const uint _e140 = as_uint(_e137);
        const uint _e141 = as_uint(_e139);
        const bool _e142 = (_e140 < _e141);
        const int _e145 = (_e142 ? 1 : 0);
        const bool _e147 = (_e145 != 0);
        const int _e148 = (_e147 ? _e108 : _e134);
        local2_ = _e148;
        const int _e151 = local4_;
        const int _e153 = local2_;
        const uint _e154 = as_uint(_e151);
        const uint _e155 = as_uint(_e153);
        const bool _e156 = (_e154 < _e155);
        const int _e159 = (_e156 ? 1 : 0);
        const bool _e161 = (_e159 != 0);
        const int _e162 = (_e161 ? _e98 : _e148);
        local2_ = _e162;
        const int _e165 = local6_;
        const int _e167 = local2_;
        const uint _e168 = as_uint(_e165);
        const uint _e169 = as_uint(_e167);
        const bool _e170 = (_e168 < _e169);
        const int _e173 = (_e170 ? 1 : 0);
        const bool _e175 = (_e173 != 0);
        const int _e176 = (_e175 ? _e88 : _e162);
        local2_ = _e176;
        const int _e179 = local0_;
        const uint _e180 = as_uint(_e176);
        const uint _e181 = as_uint(_e179);
        const bool _e182 = (_e180 < _e181);
        const int _e185 = (_e182 ? 1 : 0);
        const bool _e187 = (_e185 != 0);
        if (_e187) {
            break;
        }
        for (;;) {
            const int _e189 = local2_;
            const int _e191 = local0_;
            const bool _e192 = (_e189 == _e191);
            const int _e195 = (_e192 ? 1 : 0);
            const bool _e197 = (_e195 != 0);
            if (_e197) {
                break;
            }
            const int _e199 = local0_;
            const uint _e201 = as_uint(3);
            const uint _e203 = (_e201 & 31u);
            const int _e204 = as_int(as_uint(_e199) << (_e203 & 31u));
            local8_ = _e204;
            local9_ = 0;
            for (;;) {
                const int _e209 = local2_;
                const int _e211 = local0_;
                const int _e213 = as_int(as_uint(_e211) + as_uint(1));
                const bool _e214 = (_e209 == _e213);
                const int _e217 = (_e214 ? 1 : 0);
                const bool _e219 = (_e217 != 0);
                if (_e219) {
                    break;
                }
                const int _e221 = local2_;
                const int _e223 = local0_;
                const int _e224 = as_int(as_uint(_e221) - as_uint(_e223));
                local0_ = _e224;
                const int _e227 = (_e224 & 1);
                local10_ = _e227;
                const int _e230 = local0_;
                const int _e232 = (_e230 & 536870910);
                local11_ = _e232;
                local9_ = 0;
                const int _e237 = local3_;
                local0_ = _e237;
                const int _e240 = local5_;
                local2_ = _e240;
                const int _e243 = local7_;
                local4_ = _e243;
                for (;;) {
                    const int _e246 = local4_;
                    const int _e248 = local8_;
                    const int _e249 = as_int(as_uint(_e246) + as_uint(_e248));
                    local6_ = _e249;
                    const int _e252 = local6_;
                    const int _e254 = as_int(as_uint(_e252) + as_uint(0));
                    const uint _e255 = as_uint(_e254);
                    const uint _e257 = (_e255 & 7u);
                    const bool _e259 = (_e257 != 0u);
                    if (_e259) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e264 = (_e255 >> (3u & 31u));
                    const uint _e266 = _len_3;
                    const bool _e267 = (_e264 >= _e266);
                    if (_e267) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e273 = buffer2_[min((uint)(_e264), _lim_3)];
                    const int _e275 = local0_;
                    const int _e277 = local8_;
                    const int _e278 = as_int(as_uint(_e275) + as_uint(_e277));
                    local12_ = _e278;
                    const int _e281 = as_int(as_uint(_e278) + as_uint(0));
                    const uint _e282 = as_uint(_e281);
                    const uint _e284 = (_e282 & 7u);
                    const bool _e286 = (_e284 != 0u);
                    if (_e286) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e291 = (_e282 >> (3u & 31u));
                    const uint _e293 = _len_1;
                    const bool _e294 = (_e291 >= _e293);
                    if (_e294) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e300 = buffer0_[min((uint)(_e291), _lim_1)];
                    const int _e302 = local2_;
                    const int _e304 = local8_;
                    const int _e305 = as_int(as_uint(_e302) + as_uint(_e304));
                    local13_ = _e305;
                    const int _e308 = as_int(as_uint(_e305) + as_uint(0));
                    const uint _e309 = as_uint(_e308);
                    const uint _e311 = (_e309 & 7u);
                    const bool _e313 = (_e311 != 0u);
                    if (_e313) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e318 = (_e309 >> (3u & 31u));
                    const uint _e320 = _len_2;
                    const bool _e321 = (_e318 >= _e320);
                    if (_e321) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e327 = buffer1_[min((uint)(_e318), _lim_2)];
                    const uint _e331 = params.zero;
                    const ulong _e332 = ((ulong)(_e331));
                    const ulong _e333 = (4613937818241073152UL | _e332);
                    const double _e334 = as_double(_e333);
                    const double _e335 = (_e327 * _e334);
                    const double _e336 = (_e300 + _e335);
                    const double _e337 = (_e273 + _e336);
                    const int _e339 = as_int(as_uint(_e249) + as_uint(0));
                    const uint _e340 = as_uint(_e339);
                    const uint _e342 = (_e340 & 7u);
                    const bool _e344 = (_e342 != 0u);
                    if (_e344) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e349 = (_e340 >> (3u & 31u));
                    const uint _e351 = _len_3;
                    const bool _e352 = (_e349 >= _e351);
                    if (_e352) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[min((uint)(_e349), _lim_3)] = _e337;
                    const int _e359 = local6_;
                    const int _e361 = as_int(as_uint(_e359) + as_uint(8));
                    local6_ = _e361;
                    const int _e364 = local6_;
                    const int _e366 = as_int(as_uint(_e364) + as_uint(0));
                    const uint _e367 = as_uint(_e366);
                    const uint _e369 = (_e367 & 7u);
                    const bool _e371 = (_e369 != 0u);
                    if (_e371) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e376 = (_e367 >> (3u & 31u));
                    const uint _e378 = _len_3;
                    const bool _e379 = (_e376 >= _e378);
                    if (_e379) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e385 = buffer2_[min((uint)(_e376), _lim_3)];
                    const int _e387 = local12_;
                    const int _e389 = as_int(as_uint(_e387) + as_uint(8));
                    const int _e391 = as_int(as_uint(_e389) + as_uint(0));
                    const uint _e392 = as_uint(_e391);
                    const uint _e394 = (_e392 & 7u);
                    const bool _e396 = (_e394 != 0u);
                    if (_e396) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e401 = (_e392 >> (3u & 31u));
                    const uint _e403 = _len_1;
                    const bool _e404 = (_e401 >= _e403);
                    if (_e404) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e410 = buffer0_[min((uint)(_e401), _lim_1)];
                    const int _e412 = local13_;
                    const int _e414 = as_int(as_uint(_e412) + as_uint(8));
                    const int _e416 = as_int(as_uint(_e414) + as_uint(0));
                    const uint _e417 = as_uint(_e416);
                    const uint _e419 = (_e417 & 7u);
                    const bool _e421 = (_e419 != 0u);
                    if (_e421) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e426 = (_e417 >> (3u & 31u));
                    const uint _e428 = _len_2;
                    const bool _e429 = (_e426 >= _e428);
                    if (_e429) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e435 = buffer1_[min((uint)(_e426), _lim_2)];
                    const uint _e439 = params.zero;
                    const ulong _e440 = ((ulong)(_e439));
                    const ulong _e441 = (4613937818241073152UL | _e440);
                    const double _e442 = as_double(_e441);
                    const double _e443 = (_e435 * _e442);
                    const double _e444 = (_e410 + _e443);
                    const double _e445 = (_e385 + _e444);
                    const int _e447 = as_int(as_uint(_e361) + as_uint(0));
                    const uint _e448 = as_uint(_e447);
                    const uint _e450 = (_e448 & 7u);
                    const bool _e452 = (_e450 != 0u);
                    if (_e452) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e457 = (_e448 >> (3u & 31u));
                    const uint _e459 = _len_3;
                    const bool _e460 = (_e457 >= _e459);
                    if (_e460) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[min((uint)(_e457), _lim_3)] = _e445;
                    const int _e467 = local0_;
                    const int _e469 = as_int(as_uint(_e467) + as_uint(16));
                    local0_ = _e469;
                    const int _e472 = local2_;
                    const int _e474 = as_int(as_uint(_e472) + as_uint(16));
                    local2_ = _e474;
                    const int _e477 = local4_;
                    const int _e479 = as_int(as_uint(_e477) + as_uint(16));
                    local4_ = _e479;
                    const int _e482 = local11_;
                    const int _e484 = local9_;
                    const int _e486 = as_int(as_uint(_e484) + as_uint(2));
                    local9_ = _e486;
                    const bool _e488 = (_e482 != _e486);
                    const int _e491 = (_e488 ? 1 : 0);
                    const bool _e493 = (_e491 != 0);
                    if (_e493) {
                        continue;
                    }
                    break;
                }
                const int _e495 = local10_;
                const bool _e497 = (_e495 == 0);
                const int _e500 = (_e497 ? 1 : 0);
                const bool _e502 = (_e500 != 0);
                if (_e502) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            const uint _e506 = branch_counter;
            const bool _e508 = (_e506 != 0u);
            const uint _e510 = (_e506 - 1u);
            const bool _e511 = (_e510 == 0u);
            if (_e508) {
                branch_counter = _e510;
                if (_e511) {
                    break;
                } else {
                    break;
                }
            }
            const int _e514 = local7_;
            const int _e516 = local8_;
            const int _e517 = as_int(as_uint(_e514) + as_uint(_e516));
            const int _e519 = local9_;
            const uint _e521 = as_uint(3);
            const uint _e523 = (_e521 & 31u);
            const int _e524 = as_int(as_uint(_e519) << (_e523 & 31u));
            local0_ = _e524;
            const int _e526 = as_int(as_uint(_e517) + as_uint(_e524));
            local2_ = _e526;
            const int _e529 = local2_;
            const int _e531 = as_int(as_uint(_e529) + as_uint(0));
            const uint _e532 = as_uint(_e531);
            const uint _e534 = (_e532 & 7u);
            const bool _e536 = (_e534 != 0u);
            if (_e536) {
                status[0] = 5u;
                return;
            }
            const uint _e541 = (_e532 >> (3u & 31u));
            const uint _e543 = _len_3;
            const bool _e544 = (_e541 >= _e543);
            if (_e544) {
                status[0] = 4u;
                return;
            }
            const double _e550 = buffer2_[min((uint)(_e541), _lim_3)];
            const int _e552 = local3_;
            const int _e554 = local8_;
            const int _e555 = as_int(as_uint(_e552) + as_uint(_e554));
            const int _e557 = local0_;
            const int _e558 = as_int(as_uint(_e555) + as_uint(_e557));
            const int _e560 = as_int(as_uint(_e558) + as_uint(0));
            const uint _e561 = as_uint(_e560);
            const uint _e563 = (_e561 & 7u);
            const bool _e565 = (_e563 != 0u);
            if (_e565) {
                status[0] = 5u;
                return;
            }
            const uint _e570 = (_e561 >> (3u & 31u));
            const uint _e572 = _len_1;
            const bool _e573 = (_e570 >= _e572);
            if (_e573) {
                status[0] = 4u;
                return;
            }
            const double _e579 = buffer0_[min((uint)(_e570), _lim_1)];
            const int _e581 = local5_;
            const int _e583 = local8_;
            const int _e584 = as_int(as_uint(_e581) + as_uint(_e583));
            const int _e586 = local0_;
            const int _e587 = as_int(as_uint(_e584) + as_uint(_e586));
            const int _e589 = as_int(as_uint(_e587) + as_uint(0));
            const uint _e590 = as_uint(_e589);
            const uint _e592 = (_e590 & 7u);
            const bool _e594 = (_e592 != 0u);
            if (_e594) {
                status[0] = 5u;
                return;
            }
            const uint _e599 = (_e590 >> (3u & 31u));
            const uint _e601 = _len_2;
            const bool _e602 = (_e599 >= _e601);
            if (_e602) {
                status[0] = 4u;
                return;
            }
            const double _e608 = buffer1_[min((uint)(_e599), _lim_2)];
            const uint _e612 = params.zero;
            const ulong _e613 = ((ulong)(_e612));
            const ulong _e614 = (4613937818241073152UL | _e613);
            const double _e615 = as_double(_e614);
            const double _e616 = (_e608 * _e615);
            const double _e617 = (_e579 + _e616);
            const double _e618 = (_e550 + _e617);
            const int _e620 = as_int(as_uint(_e526) + as_uint(0));
            const uint _e621 = as_uint(_e620);
            const uint _e623 = (_e621 & 7u);
            const bool _e625 = (_e623 != 0u);
            if (_e625) {
                status[0] = 5u;
                return;
            }
            const uint _e630 = (_e621 >> (3u & 31u));
            const uint _e632 = _len_3;
            const bool _e633 = (_e630 >= _e632);
            if (_e633) {
                status[0] = 4u;
                return;
            }
            buffer2_[min((uint)(_e630), _lim_3)] = _e618;
            break;
        }
        return;
        break;
    }
    const int _e640 = local0_;
    const int _e642 = local2_;
    const int _e644 = local8_;
    if (true) {
        status[0] = 1u;
        return;
    }
}
