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
    const uint _e115 = (_e109 >> (2u & 31u));
    const uint _e117 = _len_1;
    const bool _e118 = (_e115 >= _e117);
    const bool _e119 = (_e113 || _e118);
    const uint _e122 = (_e113 ? 5u : 4u);
    if (_e119) {
        atomic_xchg(&status[0], _e122);
        return;
    }
    const int _e127 = buffer0_[min((uint)(_e115), _lim_1)];
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
            const int _e176 = local10_;
            const int _e178 = local11_;
            const uint _e180 = as_uint(3);
            const uint _e182 = (_e180 & 31u);
            const int _e183 = as_int(as_uint(_e178) << (_e182 & 31u));
            const uint _e184 = as_uint(_e183);
            const uint _e186 = (_e184 & 31u);
            const uint _e187 = as_uint(_e176);
            const uint _e188 = (_e187 >> (_e186 & 31u));
            const int _e189 = as_int(_e188);
            const int _e191 = (_e189 & 255);
            const bool _e193 = (_e191 == 0);
            const int _e196 = (_e193 ? 1 : 0);
            const bool _e198 = (_e196 != 0);
            for (;;) {
                if (_e198) {
                    const int _e200 = local11_;
                    local_ = _e200;
                    branch_counter = 2u;
                    break;
                }
                break;
            }
            const uint _e205 = branch_counter;
            const bool _e207 = (_e205 != 0u);
            const uint _e209 = (_e205 - 1u);
            const bool _e210 = (_e209 == 0u);
            if (_e207) {
                branch_counter = _e209;
                if (_e210) {
                    continue;
                } else {
                    break;
                }
            }
            const int _e213 = local11_;
            const int _e215 = as_int(as_uint(_e213) + as_uint(1));
            local11_ = _e215;
            const int _e218 = local11_;
            const uint _e220 = as_uint(_e218);
            const uint _e221 = as_uint(4);
            const bool _e222 = (_e220 < _e221);
            const int _e225 = (_e222 ? 1 : 0);
            const bool _e227 = (_e225 != 0);
            if (_e227) {
                continue;
            }
            break;
        }
        const uint _e229 = branch_counter;
        const bool _e231 = (_e229 != 0u);
        const uint _e233 = (_e229 - 1u);
        const bool _e234 = (_e233 == 0u);
        if (_e231) {
            branch_counter = _e233;
            if (_e234) {
                break;
            } else {
                break;
            }
        }
        local_ = (-1);
        break;
    }
    const int _e239 = local_;
    const int _e241 = as_int(as_uint(_e151) + as_uint(0));
    const uint _e242 = as_uint(_e241);
    const uint _e244 = (_e242 >> (2u & 31u));
    const uint _e246 = _len_2;
    const bool _e247 = (_e244 >= _e246);
    if (_e247) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    const uint _e251 = as_uint(_e239);
    const uint _e253 = (_e251 & 255u);
    const uint _e255 = (_e242 & 3u);
    const uint _e257 = (_e255 * 8u);
    const uint _e258 = (255u << (_e257 & 31u));
    const uint _e259 = (~_e258);
    const uint _e260 = (_e253 << (_e257 & 31u));
    atomic_and(&buffer1_[min((uint)(_e244), _lim_2)], _e259);
    atomic_or(&buffer1_[min((uint)(_e244), _lim_2)], _e260);
    const int _e264 = local8_;
    const int _e266 = local7_;
    const int _e268 = local12_;
    const int _e269 = as_int(as_uint(_e266) * as_uint(_e268));
    const int _e271 = as_int(as_uint(_e264) + as_uint(2));
    const uint _e272 = as_uint(_e271);
    const uint _e274 = (_e272 & 1u);
    const bool _e276 = (_e274 != 0u);
    const uint _e278 = (_e272 >> (2u & 31u));
    const uint _e280 = _len_2;
    const bool _e281 = (_e278 >= _e280);
    const bool _e282 = (_e276 || _e281);
    const uint _e285 = (_e276 ? 5u : 4u);
    if (_e282) {
        atomic_xchg(&status[0], _e285);
        return;
    }
    const uint _e288 = as_uint(_e269);
    const uint _e290 = (_e288 & 65535u);
    const uint _e292 = (_e272 & 3u);
    const uint _e294 = (_e292 * 8u);
    const uint _e295 = (65535u << (_e294 & 31u));
    const uint _e296 = (~_e295);
    const uint _e297 = (_e290 << (_e294 & 31u));
    atomic_and(&buffer1_[min((uint)(_e278), _lim_2)], _e296);
    atomic_or(&buffer1_[min((uint)(_e278), _lim_2)], _e297);
    const int _e301 = local9_;
    const int _e303 = local7_;
    const int _e305 = as_int(as_uint(_e301) + as_uint(3));
    const uint _e306 = as_uint(_e305);
    const uint _e308 = (_e306 - 4294955008u);
    const uint _e310 = (_e308 >> (2u & 31u));
    const bool _e312 = (_e310 >= 4096u);
    if (_e312) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    const uint _e316 = as_uint(_e303);
    const uint _e318 = (_e316 & 255u);
    const uint _e320 = (_e308 & 3u);
    const uint _e322 = (_e320 * 8u);
    const uint _e323 = (255u << (_e322 & 31u));
    const uint _e324 = (~_e323);
    const uint _e325 = (_e318 << (_e322 & 31u));
    const uint _e328 = stack[min((uint)(_e310), 4095u)];
    const uint _e329 = (_e328 & _e324);
    const uint _e330 = (_e329 | _e325);
    stack[min((uint)(_e310), 4095u)] = _e330;
    const int _e334 = local8_;
    const int _e336 = local8_;
    const int _e338 = as_int(as_uint(_e336) + as_uint(0));
    const uint _e339 = as_uint(_e338);
    const uint _e341 = (_e339 & 3u);
    const bool _e343 = (_e341 != 0u);
    const uint _e345 = (_e339 >> (2u & 31u));
    const uint _e347 = _len_2;
    const uint _e349 = (_e345 + 1u);
    const bool _e350 = (_e349 >= _e347);
    const bool _e351 = (_e343 || _e350);
    const uint _e354 = (_e343 ? 5u : 4u);
    if (_e351) {
        atomic_xchg(&status[0], _e354);
        return;
    }
    const uint _e359 = buffer1_[min((uint)(_e345), _lim_2)];
    const uint _e361 = (_e345 + 1u);
    const uint _e364 = buffer1_[min((uint)(_e361), _lim_2)];
    const ulong _e365 = ((ulong)(_e359));
    const ulong _e366 = ((ulong)(_e364));
    const ulong _e368 = (_e366 << (32u & 63u));
    const ulong _e369 = (_e365 | _e368);
    const long _e370 = as_long(_e369);
    const int _e372 = local9_;
    const int _e374 = as_int(as_uint(_e372) + as_uint(0));
    const uint _e375 = as_uint(_e374);
    const uint _e377 = (_e375 - 4294955008u);
    const uint _e379 = (_e377 & 3u);
    const bool _e381 = (_e379 != 0u);
    const uint _e383 = (_e377 >> (2u & 31u));
    const bool _e385 = (_e383 >= 4096u);
    const bool _e386 = (_e381 || _e385);
    const uint _e389 = (_e381 ? 5u : 4u);
    if (_e386) {
        atomic_xchg(&status[0], _e389);
        return;
    }
    const uint _e394 = stack[min((uint)(_e383), 4095u)];
    const int _e395 = as_int(_e394);
    const uint _e396 = as_uint(_e395);
    const ulong _e397 = ((ulong)(_e396));
    const long _e398 = as_long(_e397);
    const long _e399 = (_e370 | _e398);
    const int _e401 = as_int(as_uint(_e334) + as_uint(0));
    const uint _e402 = as_uint(_e401);
    const uint _e404 = (_e402 & 3u);
    const bool _e406 = (_e404 != 0u);
    const uint _e408 = (_e402 >> (2u & 31u));
    const uint _e410 = _len_2;
    const uint _e412 = (_e408 + 1u);
    const bool _e413 = (_e412 >= _e410);
    const bool _e414 = (_e406 || _e413);
    const uint _e417 = (_e406 ? 5u : 4u);
    if (_e414) {
        atomic_xchg(&status[0], _e417);
        return;
    }
    const ulong _e420 = as_ulong(_e399);
    const uint _e421 = ((uint)(_e420));
    const ulong _e423 = (_e420 >> (32u & 63u));
    const uint _e424 = ((uint)(_e423));
    atomic_xchg(&buffer1_[min((uint)(_e408), _lim_2)], _e421);
    const uint _e428 = (_e408 + 1u);
    atomic_xchg(&buffer1_[min((uint)(_e428), _lim_2)], _e424);
    const int _e432 = local8_;
    const int _e434 = local8_;
    const int _e436 = as_int(as_uint(_e434) + as_uint(1));
    const uint _e437 = as_uint(_e436);
    const uint _e439 = (_e437 >> (2u & 31u));
    const uint _e441 = _len_2;
    const bool _e442 = (_e439 >= _e441);
    if (_e442) {
        atomic_xchg(&status[0], 4u);
        return;
    }
    const uint _e448 = buffer1_[min((uint)(_e439), _lim_2)];
    const uint _e450 = (_e437 & 3u);
    const uint _e452 = (_e450 * 8u);
    const uint _e453 = (_e448 >> (_e452 & 31u));
    const uint _e455 = (_e453 << (24u & 31u));
    const uint _e456 = (_e455 >> (24u & 31u));
    const int _e457 = as_int(_e456);
    const int _e459 = as_int(as_uint(_e432) + as_uint(4));
    const uint _e460 = as_uint(_e459);
    const uint _e462 = (_e460 & 3u);
    const bool _e464 = (_e462 != 0u);
    const uint _e466 = (_e460 >> (2u & 31u));
    const uint _e468 = _len_2;
    const bool _e469 = (_e466 >= _e468);
    const bool _e470 = (_e464 || _e469);
    const uint _e473 = (_e464 ? 5u : 4u);
    if (_e470) {
        atomic_xchg(&status[0], _e473);
        return;
    }
    const uint _e476 = as_uint(_e457);
    atomic_xchg(&buffer1_[min((uint)(_e466), _lim_2)], _e476);
    const int _e480 = local9_;
    const int _e482 = as_int(as_uint(_e480) + as_uint(16));
    local9_ = _e482;
}
