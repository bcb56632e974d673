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
                    const double _e237 = buffer2_[min((uint)(_e229), _lim_3)];
                    const int _e239 = local0_;
                    const int _e241 = local8_;
                    const int _e242 = as_int(as_uint(_e239) + as_uint(_e241));
                    local12_ = _e242;
                    const int _e245 = as_int(as_uint(_e242) + as_uint(0));
                    const uint _e246 = as_uint(_e245);
                    const uint _e248 = (_e246 & 7u);
                    const bool _e250 = (_e248 != 0u);
                    if (_e250) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e255 = (_e246 >> (3u & 31u));
                    const uint _e257 = _len_1;
                    const bool _e258 = (_e255 >= _e257);
                    if (_e258) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e263 = buffer0_[min((uint)(_e255), _lim_1)];
                    const int _e265 = local2_;
                    const int _e267 = local8_;
                    const int _e268 = as_int(as_uint(_e265) + as_uint(_e267));
                    local13_ = _e268;
                    const int _e271 = as_int(as_uint(_e268) + as_uint(0));
                    const uint _e272 = as_uint(_e271);
                    const uint _e274 = (_e272 & 7u);
                    const bool _e276 = (_e274 != 0u);
                    if (_e276) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e281 = (_e272 >> (3u & 31u));
                    const uint _e283 = _len_2;
                    const bool _e284 = (_e281 >= _e283);
                    if (_e284) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e289 = buffer1_[min((uint)(_e281), _lim_2)];
                    const double _e291 = (_e289 * as_double(0x4008000000000000UL));
                    const double _e292 = (_e263 + _e291);
                    const double _e293 = (_e237 + _e292);
                    const int _e295 = as_int(as_uint(_e214) + as_uint(0));
                    const uint _e296 = as_uint(_e295);
                    const uint _e298 = (_e296 & 7u);
                    const bool _e300 = (_e298 != 0u);
                    if (_e300) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e305 = (_e296 >> (3u & 31u));
                    const uint _e307 = _len_3;
                    const bool _e308 = (_e305 >= _e307);
                    if (_e308) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[min((uint)(_e305), _lim_3)] = _e293;
                    const int _e314 = local6_;
                    const int _e316 = as_int(as_uint(_e314) + as_uint(8));
                    local6_ = _e316;
                    const int _e319 = local6_;
                    const int _e321 = as_int(as_uint(_e319) + as_uint(0));
                    const uint _e322 = as_uint(_e321);
                    const uint _e324 = (_e322 & 7u);
                    const bool _e326 = (_e324 != 0u);
                    if (_e326) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e331 = (_e322 >> (3u & 31u));
                    const uint _e333 = _len_3;
                    const bool _e334 = (_e331 >= _e333);
                    if (_e334) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e339 = buffer2_[min((uint)(_e331), _lim_3)];
                    const int _e341 = local12_;
                    const int _e343 = as_int(as_uint(_e341) + as_uint(8));
                    const int _e345 = as_int(as_uint(_e343) + as_uint(0));
                    const uint _e346 = as_uint(_e345);
                    const uint _e348 = (_e346 & 7u);
                    const bool _e350 = (_e348 != 0u);
                    if (_e350) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e355 = (_e346 >> (3u & 31u));
                    const uint _e357 = _len_1;
                    const bool _e358 = (_e355 >= _e357);
                    if (_e358) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e363 = buffer0_[min((uint)(_e355), _lim_1)];
                    const int _e365 = local13_;
                    const int _e367 = as_int(as_uint(_e365) + as_uint(8));
                    const int _e369 = as_int(as_uint(_e367) + as_uint(0));
                    const uint _e370 = as_uint(_e369);
                    const uint _e372 = (_e370 & 7u);
                    const bool _e374 = (_e372 != 0u);
                    if (_e374) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e379 = (_e370 >> (3u & 31u));
                    const uint _e381 = _len_2;
                    const bool _e382 = (_e379 >= _e381);
                    if (_e382) {
                        status[0] = 4u;
                        return;
                    }
                    const double _e387 = buffer1_[min((uint)(_e379), _lim_2)];
                    const double _e389 = (_e387 * as_double(0x4008000000000000UL));
                    const double _e390 = (_e363 + _e389);
                    const double _e391 = (_e339 + _e390);
                    const int _e393 = as_int(as_uint(_e316) + as_uint(0));
                    const uint _e394 = as_uint(_e393);
                    const uint _e396 = (_e394 & 7u);
                    const bool _e398 = (_e396 != 0u);
                    if (_e398) {
                        status[0] = 5u;
                        return;
                    }
                    const uint _e403 = (_e394 >> (3u & 31u));
                    const uint _e405 = _len_3;
                    const bool _e406 = (_e403 >= _e405);
                    if (_e406) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[min((uint)(_e403), _lim_3)] = _e391;
                    const int _e412 = local0_;
                    const int _e414 = as_int(as_uint(_e412) + as_uint(16));
                    local0_ = _e414;
                    const int _e417 = local2_;
                    const int _e419 = as_int(as_uint(_e417) + as_uint(16));
                    local2_ = _e419;
                    const int _e422 = local4_;
                    const int _e424 = as_int(as_uint(_e422) + as_uint(16));
                    local4_ = _e424;
                    const int _e427 = local11_;
                    const int _e429 = local9_;
                    const int _e431 = as_int(as_uint(_e429) + as_uint(2));
                    local9_ = _e431;
                    const bool _e433 = (_e427 != _e431);
                    const int _e436 = (_e433 ? 1 : 0);
                    const bool _e438 = (_e436 != 0);
                    if (_e438) {
                        continue;
                    }
                    break;
                }
                const int _e440 = local10_;
                const bool _e442 = (_e440 == 0);
                const int _e445 = (_e442 ? 1 : 0);
                const bool _e447 = (_e445 != 0);
                if (_e447) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            const uint _e451 = branch_counter;
            const bool _e453 = (_e451 != 0u);
            const uint _e455 = (_e451 - 1u);
            const bool _e456 = (_e455 == 0u);
            if (_e453) {
                branch_counter = _e455;
                if (_e456) {
                    break;
                } else {
                    break;
                }
            }
            const int _e459 = local7_;
            const int _e461 = local8_;
            const int _e462 = as_int(as_uint(_e459) + as_uint(_e461));
            const int _e464 = local9_;
            const uint _e466 = as_uint(3);
            const uint _e468 = (_e466 & 31u);
            const int _e469 = as_int(as_uint(_e464) << (_e468 & 31u));
            local0_ = _e469;
            const int _e471 = as_int(as_uint(_e462) + as_uint(_e469));
            local2_ = _e471;
            const int _e474 = local2_;
            const int _e476 = as_int(as_uint(_e474) + as_uint(0));
            const uint _e477 = as_uint(_e476);
            const uint _e479 = (_e477 & 7u);
            const bool _e481 = (_e479 != 0u);
            if (_e481) {
                status[0] = 5u;
                return;
            }
            const uint _e486 = (_e477 >> (3u & 31u));
            const uint _e488 = _len_3;
            const bool _e489 = (_e486 >= _e488);
            if (_e489) {
                status[0] = 4u;
                return;
            }
            const double _e494 = buffer2_[min((uint)(_e486), _lim_3)];
            const int _e496 = local3_;
            const int _e498 = local8_;
            const int _e499 = as_int(as_uint(_e496) + as_uint(_e498));
            const int _e501 = local0_;
            const int _e502 = as_int(as_uint(_e499) + as_uint(_e501));
            const int _e504 = as_int(as_uint(_e502) + as_uint(0));
            const uint _e505 = as_uint(_e504);
            const uint _e507 = (_e505 & 7u);
            const bool _e509 = (_e507 != 0u);
            if (_e509) {
                status[0] = 5u;
                return;
            }
            const uint _e514 = (_e505 >> (3u & 31u));
            const uint _e516 = _len_1;
            const bool _e517 = (_e514 >= _e516);
            if (_e517) {
                status[0] = 4u;
                return;
            }
            const double _e522 = buffer0_[min((uint)(_e514), _lim_1)];
            const int _e524 = local5_;
            const int _e526 = local8_;
            const int _e527 = as_int(as_uint(_e524) + as_uint(_e526));
            const int _e529 = local0_;
            const int _e530 = as_int(as_uint(_e527) + as_uint(_e529));
            const int _e532 = as_int(as_uint(_e530) + as_uint(0));
            const uint _e533 = as_uint(_e532);
            const uint _e535 = (_e533 & 7u);
            const bool _e537 = (_e535 != 0u);
            if (_e537) {
                status[0] = 5u;
                return;
            }
            const uint _e542 = (_e533 >> (3u & 31u));
            const uint _e544 = _len_2;
            const bool _e545 = (_e542 >= _e544);
            if (_e545) {
                status[0] = 4u;
                return;
            }
            const double _e550 = buffer1_[min((uint)(_e542), _lim_2)];
            const double _e552 = (_e550 * as_double(0x4008000000000000UL));
            const double _e553 = (_e522 + _e552);
            const double _e554 = (_e494 + _e553);
            const int _e556 = as_int(as_uint(_e471) + as_uint(0));
            const uint _e557 = as_uint(_e556);
            const uint _e559 = (_e557 & 7u);
            const bool _e561 = (_e559 != 0u);
            if (_e561) {
                status[0] = 5u;
                return;
            }
            const uint _e566 = (_e557 >> (3u & 31u));
            const uint _e568 = _len_3;
            const bool _e569 = (_e566 >= _e568);
            if (_e569) {
                status[0] = 4u;
                return;
            }
            buffer2_[min((uint)(_e566), _lim_3)] = _e554;
            break;
        }
        return;
        break;
    }
    const int _e575 = local0_;
    const int _e577 = local2_;
    const int _e579 = local8_;
    if (true) {
        status[0] = 1u;
        return;
    }
}
