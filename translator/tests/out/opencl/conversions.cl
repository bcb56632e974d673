// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
} Params;

// Trailing zeros (the bit width for 0).
static inline uint _ctz_uint(uint x) {
    return popcount(~x & (x - 1u));
}

// `rint`, but only where it rounds: PoCL's folds constant NaNs, infinities and
// huge values (all of which are their own rint) to undefined values.
static inline double _rint_double(double x) {
    return fabs(x) < as_double(0x4330000000000000UL) ? rint(x) : x;
}

__kernel __attribute__((reqd_work_group_size(64, 1, 1)))
void main_(
    const Params params,
    __global const double* buffer0_,
    const uint _len_1,
    __global long* buffer1_,
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
    double local7_ = as_double(0x0000000000000000UL);
    int local8_ = 0;
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
    const ulong _e25 = ((ulong)(_e24));
    const ulong _e26 = (0UL | _e25);
    const double _e27 = as_double(_e26);
    local7_ = _e27;
    const uint _e32 = params.zero;
    const int _e33 = as_int((uint)(_e32));
    const int _e34 = (0 | _e33);
    local8_ = _e34;
    local3_ = 0;
    const uint _e39 = _len_1;
    const uint _e41 = (_e39 * 8u);
    const int _e42 = as_int(_e41);
    local4_ = _e42;
    local5_ = 0;
    const uint _e47 = _len_2;
    const uint _e49 = (_e47 * 8u);
    const int _e50 = as_int(_e49);
    local6_ = _e50;
    const int _e53 = local3_;
    const int _e55 = local0_;
    const uint _e57 = as_uint(3);
    const uint _e59 = (_e57 & 31u);
    const int _e60 = as_int(as_uint(_e55) << (_e59 & 31u));
    const int _e61 = as_int(as_uint(_e53) + as_uint(_e60));
    const int _e63 = as_int(as_uint(_e61) + as_uint(0));
    const uint _e64 = as_uint(_e63);
    const uint _e66 = (_e64 & 7u);
    const bool _e68 = (_e66 != 0u);
    if (_e68) {
        status[0] = 5u;
        return;
    }
    const uint _e73 = (_e64 >> (3u & 31u));
    const uint _e75 = _len_1;
    const bool _e76 = (_e73 >= _e75);
    if (_e76) {
        status[0] = 4u;
        return;
    }
    const double _e82 = buffer0_[min((uint)(_e73), _lim_1)];
    local7_ = _e82;
    const int _e85 = local5_;
    const int _e87 = local0_;
    const uint _e89 = as_uint(6);
    const uint _e91 = (_e89 & 31u);
    const int _e92 = as_int(as_uint(_e87) << (_e91 & 31u));
    const int _e93 = as_int(as_uint(_e85) + as_uint(_e92));
    local8_ = _e93;
    const int _e96 = local8_;
    const double _e98 = local7_;
    const uint _e102 = params.zero;
    const ulong _e103 = ((ulong)(_e102));
    const ulong _e104 = (14114281232179134464UL | _e103);
    const double _e105 = as_double(_e104);
    const uint _e109 = params.zero;
    const ulong _e110 = ((ulong)(_e109));
    const ulong _e111 = (4890909195324358656UL | _e110);
    const double _e112 = as_double(_e111);
    const bool _e113 = (_e98 >= _e105);
    const bool _e114 = (_e98 < _e112);
    const bool _e115 = (_e113 && _e114);
    const ulong _e116 = as_ulong(_e98);
    const ulong _e119 = (_e116 & 9223372036854775807UL);
    const bool _e120 = (_e119 > 9218868437227405312UL);
    const uint _e124 = params.zero;
    const ulong _e125 = ((ulong)(_e124));
    const ulong _e126 = (0UL | _e125);
    const double _e127 = as_double(_e126);
    const double _e128 = (_e115 ? _e98 : _e127);
    const long _e129 = convert_long_sat(_e128);
    const uint _e136 = params.zero;
    const ulong _e137 = ((ulong)(_e136));
    const ulong _e138 = (0UL | _e137);
    const double _e139 = as_double(_e138);
    const bool _e140 = (_e98 < _e139);
    const long _e141 = (_e140 ? (-9223372036854775807L - 1L) : 9223372036854775807L);
    const long _e142 = (_e120 ? 0L : _e141);
    const long _e143 = (_e115 ? _e129 : _e142);
    const int _e145 = as_int(as_uint(_e96) + as_uint(0));
    const uint _e146 = as_uint(_e145);
    const uint _e148 = (_e146 & 7u);
    const bool _e150 = (_e148 != 0u);
    if (_e150) {
        status[0] = 5u;
        return;
    }
    const uint _e155 = (_e146 >> (3u & 31u));
    const uint _e157 = _len_2;
    const bool _e158 = (_e155 >= _e157);
    if (_e158) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e155), _lim_2)] = _e143;
    const int _e165 = local8_;
    const double _e167 = local7_;
    const float _e168 = ((float)(_e167));
    const uint _e172 = params.zero;
    const uint _e173 = (3212836864u | _e172);
    const float _e174 = as_float(_e173);
    const uint _e178 = params.zero;
    const uint _e179 = (1602224128u | _e178);
    const float _e180 = as_float(_e179);
    const bool _e181 = (_e168 > _e174);
    const bool _e182 = (_e168 < _e180);
    const bool _e183 = (_e181 && _e182);
    const uint _e184 = as_uint(_e168);
    const uint _e187 = (_e184 & 2147483647u);
    const bool _e188 = (_e187 > 2139095040u);
    const uint _e192 = params.zero;
    const uint _e193 = (0u | _e192);
    const float _e194 = as_float(_e193);
    const float _e195 = (_e183 ? _e168 : _e194);
    const ulong _e196 = convert_ulong_sat(_e195);
    const long _e197 = as_long(_e196);
    const uint _e204 = params.zero;
    const uint _e205 = (0u | _e204);
    const float _e206 = as_float(_e205);
    const bool _e207 = (_e168 < _e206);
    const long _e208 = (_e207 ? 0L : (-1L));
    const long _e209 = (_e188 ? 0L : _e208);
    const long _e210 = (_e183 ? _e197 : _e209);
    const int _e212 = as_int(as_uint(_e165) + as_uint(8));
    const uint _e213 = as_uint(_e212);
    const uint _e215 = (_e213 & 7u);
    const bool _e217 = (_e215 != 0u);
    if (_e217) {
        status[0] = 5u;
        return;
    }
    const uint _e222 = (_e213 >> (3u & 31u));
    const uint _e224 = _len_2;
    const bool _e225 = (_e222 >= _e224);
    if (_e225) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e222), _lim_2)] = _e210;
    const int _e232 = local8_;
    const double _e234 = local7_;
    const uint _e238 = params.zero;
    const ulong _e239 = ((ulong)(_e238));
    const ulong _e240 = (13830554455654793216UL | _e239);
    const double _e241 = as_double(_e240);
    const uint _e245 = params.zero;
    const ulong _e246 = ((ulong)(_e245));
    const ulong _e247 = (4751297606875873280UL | _e246);
    const double _e248 = as_double(_e247);
    const bool _e249 = (_e234 > _e241);
    const bool _e250 = (_e234 < _e248);
    const bool _e251 = (_e249 && _e250);
    const ulong _e252 = as_ulong(_e234);
    const ulong _e255 = (_e252 & 9223372036854775807UL);
    const bool _e256 = (_e255 > 9218868437227405312UL);
    if (_e256) {
        status[0] = 6u;
        return;
    }
    const bool _e260 = (!_e251);
    if (_e260) {
        status[0] = 7u;
        return;
    }
    const uint _e267 = params.zero;
    const ulong _e268 = ((ulong)(_e267));
    const ulong _e269 = (0UL | _e268);
    const double _e270 = as_double(_e269);
    const double _e271 = (_e251 ? _e234 : _e270);
    const uint _e272 = convert_uint_sat(_e271);
    const int _e273 = as_int(_e272);
    const uint _e274 = as_uint(_e273);
    const ulong _e275 = ((ulong)(_e274));
    const long _e276 = as_long(_e275);
    const ulong _e278 = as_ulong(_e276);
    const ulong _e279 = (_e278 << (32u & 63u));
    const long _e280 = as_long(_e279);
    const long _e281 = (_e280 >> (32u & 63u));
    const int _e283 = as_int(as_uint(_e232) + as_uint(16));
    const uint _e284 = as_uint(_e283);
    const uint _e286 = (_e284 & 7u);
    const bool _e288 = (_e286 != 0u);
    if (_e288) {
        status[0] = 5u;
        return;
    }
    const uint _e293 = (_e284 >> (3u & 31u));
    const uint _e295 = _len_2;
    const bool _e296 = (_e293 >= _e295);
    if (_e296) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e293), _lim_2)] = _e281;
    const int _e303 = local8_;
    const double _e305 = local7_;
    const float _e306 = ((float)(_e305));
    const uint _e310 = params.zero;
    const uint _e311 = (3741319168u | _e310);
    const float _e312 = as_float(_e311);
    const uint _e316 = params.zero;
    const uint _e317 = (1593835520u | _e316);
    const float _e318 = as_float(_e317);
    const bool _e319 = (_e306 >= _e312);
    const bool _e320 = (_e306 < _e318);
    const bool _e321 = (_e319 && _e320);
    const uint _e322 = as_uint(_e306);
    const uint _e325 = (_e322 & 2147483647u);
    const bool _e326 = (_e325 > 2139095040u);
    if (_e326) {
        status[0] = 6u;
        return;
    }
    const bool _e330 = (!_e321);
    if (_e330) {
        status[0] = 7u;
        return;
    }
    const uint _e337 = params.zero;
    const uint _e338 = (0u | _e337);
    const float _e339 = as_float(_e338);
    const float _e340 = (_e321 ? _e306 : _e339);
    const long _e341 = convert_long_sat(_e340);
    const int _e343 = as_int(as_uint(_e303) + as_uint(24));
    const uint _e344 = as_uint(_e343);
    const uint _e346 = (_e344 & 7u);
    const bool _e348 = (_e346 != 0u);
    if (_e348) {
        status[0] = 5u;
        return;
    }
    const uint _e353 = (_e344 >> (3u & 31u));
    const uint _e355 = _len_2;
    const bool _e356 = (_e353 >= _e355);
    if (_e356) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e353), _lim_2)] = _e341;
    const int _e363 = local8_;
    const double _e365 = local7_;
    const long _e366 = as_long(_e365);
    const ulong _e367 = as_ulong(_e366);
    const uint _e368 = ((uint)(_e367));
    const ulong _e370 = (_e367 >> (32u & 63u));
    const uint _e371 = ((uint)(_e370));
    const uint _e372 = clz(_e368);
    const uint _e373 = clz(_e371);
    const bool _e375 = (_e371 == 0u);
    const uint _e376 = (32u + _e372);
    const uint _e377 = (_e375 ? _e376 : _e373);
    const long _e378 = as_long((ulong)(_e377));
    const double _e380 = local7_;
    const long _e381 = as_long(_e380);
    const ulong _e383 = as_ulong(_e381);
    const ulong _e384 = (_e383 << (48u & 63u));
    const long _e385 = as_long(_e384);
    const long _e386 = (_e385 >> (48u & 63u));
    const ulong _e387 = as_ulong(_e386);
    const uint _e388 = ((uint)(_e387));
    const ulong _e390 = (_e387 >> (32u & 63u));
    const uint _e391 = ((uint)(_e390));
    const uint _e392 = popcount(_e388);
    const uint _e393 = popcount(_e391);
    const uint _e394 = (_e392 + _e393);
    const long _e395 = as_long((ulong)(_e394));
    const long _e396 = as_long(as_ulong(_e378) + as_ulong(_e395));
    const int _e398 = as_int(as_uint(_e363) + as_uint(32));
    const uint _e399 = as_uint(_e398);
    const uint _e401 = (_e399 & 7u);
    const bool _e403 = (_e401 != 0u);
    if (_e403) {
        status[0] = 5u;
        return;
    }
    const uint _e408 = (_e399 >> (3u & 31u));
    const uint _e410 = _len_2;
    const bool _e411 = (_e408 >= _e410);
    if (_e411) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e408), _lim_2)] = _e396;
    const int _e418 = local8_;
    const double _e420 = local7_;
    const long _e421 = as_long(_e420);
    const ulong _e422 = as_ulong(_e421);
    const uint _e423 = ((uint)(_e422));
    const ulong _e425 = (_e422 >> (32u & 63u));
    const uint _e426 = ((uint)(_e425));
    const uint _e427 = _ctz_uint(_e423);
    const uint _e428 = _ctz_uint(_e426);
    const bool _e430 = (_e423 == 0u);
    const uint _e431 = (32u + _e428);
    const uint _e432 = (_e430 ? _e431 : _e427);
    const long _e433 = as_long((ulong)(_e432));
    const uint _e435 = ((uint)(60L));
    const uint _e437 = (_e435 & 63u);
    const uint _e439 = (64u - _e437);
    const uint _e440 = (_e439 & 63u);
    const ulong _e441 = as_ulong(_e433);
    const ulong _e442 = (_e441 << (_e437 & 63u));
    const ulong _e443 = (_e441 >> (_e440 & 63u));
    const ulong _e444 = (_e442 | _e443);
    const long _e445 = as_long(_e444);
    const int _e447 = as_int(as_uint(_e418) + as_uint(40));
    const uint _e448 = as_uint(_e447);
    const uint _e450 = (_e448 & 7u);
    const bool _e452 = (_e450 != 0u);
    if (_e452) {
        status[0] = 5u;
        return;
    }
    const uint _e457 = (_e448 >> (3u & 31u));
    const uint _e459 = _len_2;
    const bool _e460 = (_e457 >= _e459);
    if (_e460) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e457), _lim_2)] = _e445;
    const int _e467 = local8_;
    const uint _e471 = params.zero;
    const ulong _e472 = ((ulong)(_e471));
    const ulong _e473 = (9218868437227405312UL | _e472);
    const double _e474 = as_double(_e473);
    const double _e476 = local7_;
    const ulong _e479 = as_ulong(_e476);
    const ulong _e480 = (_e479 ^ 9223372036854775808UL);
    const double _e481 = as_double(_e480);
    const ulong _e484 = as_ulong(_e474);
    const ulong _e485 = as_ulong(_e481);
    const ulong _e486 = (_e484 & 9223372036854775807UL);
    const ulong _e487 = (_e485 & 9223372036854775808UL);
    const ulong _e488 = (_e486 | _e487);
    const double _e489 = as_double(_e488);
    const int _e491 = as_int(as_uint(_e467) + as_uint(48));
    const uint _e492 = as_uint(_e491);
    const uint _e494 = (_e492 & 7u);
    const bool _e496 = (_e494 != 0u);
    if (_e496) {
        status[0] = 5u;
        return;
    }
    const uint _e501 = (_e492 >> (3u & 31u));
    const uint _e503 = _len_2;
    const bool _e504 = (_e501 >= _e503);
    if (_e504) {
        status[0] = 4u;
        return;
    }
    const long _e510 = as_long(_e489);
    buffer1_[min((uint)(_e501), _lim_2)] = _e510;
    const int _e512 = local8_;
    const uint _e516 = params.zero;
    const ulong _e517 = ((ulong)(_e516));
    const ulong _e518 = (9221120237041090560UL | _e517);
    const double _e519 = as_double(_e518);
    const double _e521 = local7_;
    const ulong _e524 = as_ulong(_e521);
    const ulong _e525 = (_e524 & 9223372036854775807UL);
    const double _e526 = as_double(_e525);
    const double _e527 = _rint_double(_e526);
    const double _e528 = (_e519 + _e527);
    const int _e530 = as_int(as_uint(_e512) + as_uint(56));
    const uint _e531 = as_uint(_e530);
    const uint _e533 = (_e531 & 7u);
    const bool _e535 = (_e533 != 0u);
    if (_e535) {
        status[0] = 5u;
        return;
    }
    const uint _e540 = (_e531 >> (3u & 31u));
    const uint _e542 = _len_2;
    const bool _e543 = (_e540 >= _e542);
    if (_e543) {
        status[0] = 4u;
        return;
    }
    const long _e549 = as_long(_e528);
    buffer1_[min((uint)(_e540), _lim_2)] = _e549;
}
