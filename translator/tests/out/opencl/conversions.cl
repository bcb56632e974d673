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
    const long _e274 = ((long)(_e273));
    const int _e276 = as_int(as_uint(_e232) + as_uint(16));
    const uint _e277 = as_uint(_e276);
    const uint _e279 = (_e277 & 7u);
    const bool _e281 = (_e279 != 0u);
    if (_e281) {
        status[0] = 5u;
        return;
    }
    const uint _e286 = (_e277 >> (3u & 31u));
    const uint _e288 = _len_2;
    const bool _e289 = (_e286 >= _e288);
    if (_e289) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e286), _lim_2)] = _e274;
    const int _e296 = local8_;
    const double _e298 = local7_;
    const float _e299 = ((float)(_e298));
    const uint _e303 = params.zero;
    const uint _e304 = (3741319168u | _e303);
    const float _e305 = as_float(_e304);
    const uint _e309 = params.zero;
    const uint _e310 = (1593835520u | _e309);
    const float _e311 = as_float(_e310);
    const bool _e312 = (_e299 >= _e305);
    const bool _e313 = (_e299 < _e311);
    const bool _e314 = (_e312 && _e313);
    const uint _e315 = as_uint(_e299);
    const uint _e318 = (_e315 & 2147483647u);
    const bool _e319 = (_e318 > 2139095040u);
    if (_e319) {
        status[0] = 6u;
        return;
    }
    const bool _e323 = (!_e314);
    if (_e323) {
        status[0] = 7u;
        return;
    }
    const uint _e330 = params.zero;
    const uint _e331 = (0u | _e330);
    const float _e332 = as_float(_e331);
    const float _e333 = (_e314 ? _e299 : _e332);
    const long _e334 = convert_long_sat(_e333);
    const int _e336 = as_int(as_uint(_e296) + as_uint(24));
    const uint _e337 = as_uint(_e336);
    const uint _e339 = (_e337 & 7u);
    const bool _e341 = (_e339 != 0u);
    if (_e341) {
        status[0] = 5u;
        return;
    }
    const uint _e346 = (_e337 >> (3u & 31u));
    const uint _e348 = _len_2;
    const bool _e349 = (_e346 >= _e348);
    if (_e349) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e346), _lim_2)] = _e334;
    const int _e356 = local8_;
    const double _e358 = local7_;
    const long _e359 = as_long(_e358);
    const ulong _e360 = as_ulong(_e359);
    const uint _e361 = ((uint)(_e360));
    const ulong _e363 = (_e360 >> (32u & 63u));
    const uint _e364 = ((uint)(_e363));
    const uint _e365 = clz(_e361);
    const uint _e366 = clz(_e364);
    const bool _e368 = (_e364 == 0u);
    const uint _e369 = (32u + _e365);
    const uint _e370 = (_e368 ? _e369 : _e366);
    const long _e371 = as_long((ulong)(_e370));
    const double _e373 = local7_;
    const long _e374 = as_long(_e373);
    const ulong _e376 = as_ulong(_e374);
    const ulong _e377 = (_e376 << (48u & 63u));
    const long _e378 = as_long(_e377);
    const long _e379 = (_e378 >> (48u & 63u));
    const ulong _e380 = as_ulong(_e379);
    const uint _e381 = ((uint)(_e380));
    const ulong _e383 = (_e380 >> (32u & 63u));
    const uint _e384 = ((uint)(_e383));
    const uint _e385 = popcount(_e381);
    const uint _e386 = popcount(_e384);
    const uint _e387 = (_e385 + _e386);
    const long _e388 = as_long((ulong)(_e387));
    const long _e389 = as_long(as_ulong(_e371) + as_ulong(_e388));
    const int _e391 = as_int(as_uint(_e356) + as_uint(32));
    const uint _e392 = as_uint(_e391);
    const uint _e394 = (_e392 & 7u);
    const bool _e396 = (_e394 != 0u);
    if (_e396) {
        status[0] = 5u;
        return;
    }
    const uint _e401 = (_e392 >> (3u & 31u));
    const uint _e403 = _len_2;
    const bool _e404 = (_e401 >= _e403);
    if (_e404) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e401), _lim_2)] = _e389;
    const int _e411 = local8_;
    const double _e413 = local7_;
    const long _e414 = as_long(_e413);
    const ulong _e415 = as_ulong(_e414);
    const uint _e416 = ((uint)(_e415));
    const ulong _e418 = (_e415 >> (32u & 63u));
    const uint _e419 = ((uint)(_e418));
    const uint _e420 = _ctz_uint(_e416);
    const uint _e421 = _ctz_uint(_e419);
    const bool _e423 = (_e416 == 0u);
    const uint _e424 = (32u + _e421);
    const uint _e425 = (_e423 ? _e424 : _e420);
    const long _e426 = as_long((ulong)(_e425));
    const uint _e428 = ((uint)(60L));
    const uint _e430 = (_e428 & 63u);
    const uint _e432 = (64u - _e430);
    const uint _e433 = (_e432 & 63u);
    const ulong _e434 = as_ulong(_e426);
    const ulong _e435 = (_e434 << (_e430 & 63u));
    const ulong _e436 = (_e434 >> (_e433 & 63u));
    const ulong _e437 = (_e435 | _e436);
    const long _e438 = as_long(_e437);
    const int _e440 = as_int(as_uint(_e411) + as_uint(40));
    const uint _e441 = as_uint(_e440);
    const uint _e443 = (_e441 & 7u);
    const bool _e445 = (_e443 != 0u);
    if (_e445) {
        status[0] = 5u;
        return;
    }
    const uint _e450 = (_e441 >> (3u & 31u));
    const uint _e452 = _len_2;
    const bool _e453 = (_e450 >= _e452);
    if (_e453) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e450), _lim_2)] = _e438;
    const int _e460 = local8_;
    const uint _e464 = params.zero;
    const ulong _e465 = ((ulong)(_e464));
    const ulong _e466 = (9218868437227405312UL | _e465);
    const double _e467 = as_double(_e466);
    const double _e469 = local7_;
    const ulong _e472 = as_ulong(_e469);
    const ulong _e473 = (_e472 ^ 9223372036854775808UL);
    const double _e474 = as_double(_e473);
    const ulong _e477 = as_ulong(_e467);
    const ulong _e478 = as_ulong(_e474);
    const ulong _e479 = (_e477 & 9223372036854775807UL);
    const ulong _e480 = (_e478 & 9223372036854775808UL);
    const ulong _e481 = (_e479 | _e480);
    const double _e482 = as_double(_e481);
    const int _e484 = as_int(as_uint(_e460) + as_uint(48));
    const uint _e485 = as_uint(_e484);
    const uint _e487 = (_e485 & 7u);
    const bool _e489 = (_e487 != 0u);
    if (_e489) {
        status[0] = 5u;
        return;
    }
    const uint _e494 = (_e485 >> (3u & 31u));
    const uint _e496 = _len_2;
    const bool _e497 = (_e494 >= _e496);
    if (_e497) {
        status[0] = 4u;
        return;
    }
    const long _e503 = as_long(_e482);
    buffer1_[min((uint)(_e494), _lim_2)] = _e503;
    const int _e505 = local8_;
    const uint _e509 = params.zero;
    const ulong _e510 = ((ulong)(_e509));
    const ulong _e511 = (9221120237041090560UL | _e510);
    const double _e512 = as_double(_e511);
    const double _e514 = local7_;
    const ulong _e517 = as_ulong(_e514);
    const ulong _e518 = (_e517 & 9223372036854775807UL);
    const double _e519 = as_double(_e518);
    const double _e520 = _rint_double(_e519);
    const double _e521 = (_e512 + _e520);
    const int _e523 = as_int(as_uint(_e505) + as_uint(56));
    const uint _e524 = as_uint(_e523);
    const uint _e526 = (_e524 & 7u);
    const bool _e528 = (_e526 != 0u);
    if (_e528) {
        status[0] = 5u;
        return;
    }
    const uint _e533 = (_e524 >> (3u & 31u));
    const uint _e535 = _len_2;
    const bool _e536 = (_e533 >= _e535);
    if (_e536) {
        status[0] = 4u;
        return;
    }
    const long _e542 = as_long(_e521);
    buffer1_[min((uint)(_e533), _lim_2)] = _e542;
}
