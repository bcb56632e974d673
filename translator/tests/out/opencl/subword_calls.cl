// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
} Params;

__kernel __attribute__((reqd_work_group_size(64, 1, 1)))
void main_(
    const Params params,
    __global const int* buffer0_,
    const uint _len_1,
    volatile __global uint* buffer1_,
    const uint _len_2,
    __global uint* status,
    const uint _len_3
) {
    const uint _lim_1 = _len_1 == 0u ? 0u : _len_1 - 1u;
    const uint _lim_2 = _len_2 == 0u ? 0u : _len_2 - 1u;
    const uint _lim_3 = _len_3 == 0u ? 0u : _len_3 - 1u;
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
    const int _e15 = as_int(_e8);
    local0_ = _e15;
    const int _e17 = as_int(_e11);
    local1_ = _e17;
    const int _e19 = as_int(_e13);
    local2_ = _e19;
    const uint _e24 = params.zero;
    const int _e25 = as_int((uint)(_e24));
    const int _e26 = (0 | _e25);
    local7_ = _e26;
    const uint _e31 = params.zero;
    const int _e32 = as_int((uint)(_e31));
    const int _e33 = (0 | _e32);
    local8_ = _e33;
    const uint _e38 = params.zero;
    const int _e39 = as_int((uint)(_e38));
    const int _e40 = (0 | _e39);
    local9_ = _e40;
    const uint _e45 = params.zero;
    const int _e46 = as_int((uint)(_e45));
    const int _e47 = (0 | _e46);
    local10_ = _e47;
    const uint _e52 = params.zero;
    const int _e53 = as_int((uint)(_e52));
    const int _e54 = (0 | _e53);
    local11_ = _e54;
    const uint _e59 = params.zero;
    const int _e60 = as_int((uint)(_e59));
    const int _e61 = (0 | _e60);
    local12_ = _e61;
    local9_ = 4096;
    local3_ = 0;
    const uint _e68 = _len_1;
    const uint _e70 = (_e68 * 4u);
    const int _e71 = as_int(_e70);
    local4_ = _e71;
    local5_ = 0;
    const uint _e76 = _len_2;
    const uint _e78 = (_e76 * 4u);
    const int _e79 = as_int(_e78);
    local6_ = _e79;
    local12_ = 3;
    const int _e84 = local9_;
    const int _e86 = as_int(as_uint(_e84) - as_uint(16));
    local9_ = _e86;
    const int _e89 = local3_;
    const int _e91 = local0_;
    const uint _e93 = as_uint(2);
    const uint _e95 = (_e93 & 31u);
    const int _e96 = as_int(as_uint(_e91) << (_e95 & 31u));
    const int _e97 = as_int(as_uint(_e89) + as_uint(_e96));
    const int _e99 = as_int(as_uint(_e97) + as_uint(2));
    const uint _e100 = as_uint(_e99);
    const uint _e102 = (_e100 & 1u);
    const bool _e104 = (_e102 != 0u);
    if (_e104) {
        status[0] = 5u;
        return;
    }
    const uint _e109 = (_e100 >> (2u & 31u));
    const uint _e111 = _len_1;
    const bool _e112 = (_e109 >= _e111);
    if (_e112) {
        status[0] = 4u;
        return;
    }
    const int _e118 = buffer0_[min((uint)(_e109), _lim_1)];
    const uint _e119 = as_uint(_e118);
    const uint _e121 = (_e100 & 3u);
    const uint _e123 = (_e121 * 8u);
    const uint _e124 = (_e119 >> (_e123 & 31u));
    const uint _e126 = (_e124 << (16u & 31u));
    const int _e127 = as_int(_e126);
    const int _e128 = (_e127 >> (16u & 31u));
    local7_ = _e128;
    const int _e131 = local5_;
    const int _e133 = local0_;
    const uint _e135 = as_uint(3);
    const uint _e137 = (_e135 & 31u);
    const int _e138 = as_int(as_uint(_e133) << (_e137 & 31u));
    const int _e139 = as_int(as_uint(_e131) + as_uint(_e138));
    local8_ = _e139;
    const int _e142 = local8_;
    const int _e144 = local7_;
    local10_ = _e144;
    local11_ = 0;
    for (;;) {
        for (;;) {
            const int _e149 = local10_;
            const int _e151 = local11_;
            const uint _e153 = as_uint(3);
            const uint _e155 = (_e153 & 31u);
            const int _e156 = as_int(as_uint(_e151) << (_e155 & 31u));
            const uint _e157 = as_uint(_e156);
            const uint _e159 = (_e157 & 31u);
            const uint _e160 = as_uint(_e149);
            const uint _e161 = (_e160 >> (_e159 & 31u));
            const int _e162 = as_int(_e161);
            const int _e164 = (_e162 & 255);
            const bool _e166 = (_e164 == 0);
            const int _e169 = (_e166 ? 1 : 0);
            const bool _e171 = (_e169 != 0);
            for (;;) {
                if (_e171) {
                    const int _e173 = local11_;
                    local_ = _e173;
                    branch_counter = 2u;
                    break;
                }
                break;
            }
            const uint _e178 = branch_counter;
            const bool _e180 = (_e178 != 0u);
            const uint _e182 = (_e178 - 1u);
            const bool _e183 = (_e182 == 0u);
            if (_e180) {
                branch_counter = _e182;
                if (_e183) {
                    continue;
                } else {
                    break;
                }
            }
            const int _e186 = local11_;
            const int _e188 = as_int(as_uint(_e186) + as_uint(1));
            local11_ = _e188;
            const int _e191 = local11_;
            const uint _e193 = as_uint(_e191);
            const uint _e194 = as_uint(4);
            const bool _e195 = (_e193 < _e194);
            const int _e198 = (_e195 ? 1 : 0);
            const bool _e200 = (_e198 != 0);
            if (_e200) {
                continue;
            }
            break;
        }
        const uint _e202 = branch_counter;
        const bool _e204 = (_e202 != 0u);
        const uint _e206 = (_e202 - 1u);
        const bool _e207 = (_e206 == 0u);
        if (_e204) {
            branch_counter = _e206;
            if (_e207) {
                break;
            } else {
                break;
            }
        }
        local_ = (-1);
        break;
    }
    const int _e212 = local_;
    const int _e214 = as_int(as_uint(_e142) + as_uint(0));
    const uint _e215 = as_uint(_e214);
    const uint _e217 = (_e215 >> (2u & 31u));
    const uint _e219 = _len_2;
    const bool _e220 = (_e217 >= _e219);
    if (_e220) {
        status[0] = 4u;
        return;
    }
    const uint _e226 = as_uint(_e212);
    const uint _e228 = (_e226 & 255u);
    const uint _e230 = (_e215 & 3u);
    const uint _e232 = (_e230 * 8u);
    const uint _e233 = (255u << (_e232 & 31u));
    const uint _e234 = (~_e233);
    const uint _e235 = (_e228 << (_e232 & 31u));
    atomic_and(&buffer1_[min((uint)(_e217), _lim_2)], _e234);
    atomic_or(&buffer1_[min((uint)(_e217), _lim_2)], _e235);
    const int _e237 = local8_;
    const int _e239 = local7_;
    const int _e241 = local12_;
    const int _e242 = as_int(as_uint(_e239) * as_uint(_e241));
    const int _e244 = as_int(as_uint(_e237) + as_uint(2));
    const uint _e245 = as_uint(_e244);
    const uint _e247 = (_e245 & 1u);
    const bool _e249 = (_e247 != 0u);
    if (_e249) {
        status[0] = 5u;
        return;
    }
    const uint _e254 = (_e245 >> (2u & 31u));
    const uint _e256 = _len_2;
    const bool _e257 = (_e254 >= _e256);
    if (_e257) {
        status[0] = 4u;
        return;
    }
    const uint _e263 = as_uint(_e242);
    const uint _e265 = (_e263 & 65535u);
    const uint _e267 = (_e245 & 3u);
    const uint _e269 = (_e267 * 8u);
    const uint _e270 = (65535u << (_e269 & 31u));
    const uint _e271 = (~_e270);
    const uint _e272 = (_e265 << (_e269 & 31u));
    atomic_and(&buffer1_[min((uint)(_e254), _lim_2)], _e271);
    atomic_or(&buffer1_[min((uint)(_e254), _lim_2)], _e272);
    const int _e274 = local9_;
    const int _e276 = local7_;
    const int _e278 = as_int(as_uint(_e274) + as_uint(3));
    const uint _e279 = as_uint(_e278);
    const uint _e281 = (_e279 - 4294955008u);
    const uint _e283 = (_e281 >> (2u & 31u));
    const bool _e285 = (_e283 >= 4096u);
    if (_e285) {
        status[0] = 4u;
        return;
    }
    const uint _e291 = as_uint(_e276);
    const uint _e293 = (_e291 & 255u);
    const uint _e295 = (_e281 & 3u);
    const uint _e297 = (_e295 * 8u);
    const uint _e298 = (255u << (_e297 & 31u));
    const uint _e299 = (~_e298);
    const uint _e300 = (_e293 << (_e297 & 31u));
    const uint _e301 = stack[min((uint)(_e283), 4095u)];
    const uint _e302 = (_e301 & _e299);
    const uint _e303 = (_e302 | _e300);
    stack[min((uint)(_e283), 4095u)] = _e303;
    const int _e305 = local8_;
    const int _e307 = local8_;
    const int _e309 = as_int(as_uint(_e307) + as_uint(0));
    const uint _e310 = as_uint(_e309);
    const uint _e312 = (_e310 & 7u);
    const bool _e314 = (_e312 != 0u);
    if (_e314) {
        status[0] = 5u;
        return;
    }
    const uint _e319 = (_e310 >> (2u & 31u));
    const uint _e321 = _len_2;
    const uint _e323 = (_e319 + 1u);
    const bool _e324 = (_e323 >= _e321);
    if (_e324) {
        status[0] = 4u;
        return;
    }
    const uint _e330 = buffer1_[min((uint)(_e319), _lim_2)];
    const uint _e332 = (_e319 + 1u);
    const uint _e335 = buffer1_[min((uint)(_e332), _lim_2)];
    const ulong _e336 = ((ulong)(_e330));
    const ulong _e337 = ((ulong)(_e335));
    const ulong _e339 = (_e337 << (32u & 63u));
    const ulong _e340 = (_e336 | _e339);
    const long _e341 = as_long(_e340);
    const int _e343 = local9_;
    const int _e345 = as_int(as_uint(_e343) + as_uint(0));
    const uint _e346 = as_uint(_e345);
    const uint _e348 = (_e346 - 4294955008u);
    const uint _e350 = (_e348 & 3u);
    const bool _e352 = (_e350 != 0u);
    if (_e352) {
        status[0] = 5u;
        return;
    }
    const uint _e357 = (_e348 >> (2u & 31u));
    const bool _e359 = (_e357 >= 4096u);
    if (_e359) {
        status[0] = 4u;
        return;
    }
    const uint _e365 = stack[min((uint)(_e357), 4095u)];
    const int _e366 = as_int(_e365);
    const uint _e367 = as_uint(_e366);
    const ulong _e368 = ((ulong)(_e367));
    const long _e369 = as_long(_e368);
    const long _e370 = (_e341 | _e369);
    const int _e372 = as_int(as_uint(_e305) + as_uint(0));
    const uint _e373 = as_uint(_e372);
    const uint _e375 = (_e373 & 7u);
    const bool _e377 = (_e375 != 0u);
    if (_e377) {
        status[0] = 5u;
        return;
    }
    const uint _e382 = (_e373 >> (2u & 31u));
    const uint _e384 = _len_2;
    const uint _e386 = (_e382 + 1u);
    const bool _e387 = (_e386 >= _e384);
    if (_e387) {
        status[0] = 4u;
        return;
    }
    const ulong _e393 = as_ulong(_e370);
    const uint _e394 = ((uint)(_e393));
    const ulong _e396 = (_e393 >> (32u & 63u));
    const uint _e397 = ((uint)(_e396));
    atomic_xchg(&buffer1_[min((uint)(_e382), _lim_2)], _e394);
    const uint _e399 = (_e382 + 1u);
    atomic_xchg(&buffer1_[min((uint)(_e399), _lim_2)], _e397);
    const int _e403 = local8_;
    const int _e405 = local8_;
    const int _e407 = as_int(as_uint(_e405) + as_uint(1));
    const uint _e408 = as_uint(_e407);
    const uint _e410 = (_e408 >> (2u & 31u));
    const uint _e412 = _len_2;
    const bool _e413 = (_e410 >= _e412);
    if (_e413) {
        status[0] = 4u;
        return;
    }
    const uint _e419 = buffer1_[min((uint)(_e410), _lim_2)];
    const uint _e421 = (_e408 & 3u);
    const uint _e423 = (_e421 * 8u);
    const uint _e424 = (_e419 >> (_e423 & 31u));
    const uint _e426 = (_e424 << (24u & 31u));
    const uint _e427 = (_e426 >> (24u & 31u));
    const int _e428 = as_int(_e427);
    const int _e430 = as_int(as_uint(_e403) + as_uint(4));
    const uint _e431 = as_uint(_e430);
    const uint _e433 = (_e431 & 3u);
    const bool _e435 = (_e433 != 0u);
    if (_e435) {
        status[0] = 5u;
        return;
    }
    const uint _e440 = (_e431 >> (2u & 31u));
    const uint _e442 = _len_2;
    const bool _e443 = (_e440 >= _e442);
    if (_e443) {
        status[0] = 4u;
        return;
    }
    const uint _e449 = as_uint(_e428);
    atomic_xchg(&buffer1_[min((uint)(_e440), _lim_2)], _e449);
    const int _e451 = local9_;
    const int _e453 = as_int(as_uint(_e451) + as_uint(16));
    local9_ = _e453;
}
