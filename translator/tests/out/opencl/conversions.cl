// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
    uint budget;
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
    const ulong _e30 = ((ulong)(_e29));
    const ulong _e31 = (0UL | _e30);
    const double _e32 = as_double(_e31);
    local7_ = _e32;
    const uint _e37 = params.zero;
    const int _e38 = as_int((uint)(_e37));
    const int _e39 = (0 | _e38);
    local8_ = _e39;
    const uint _e43 = params.budget;
    loop_budget = _e43;
    local3_ = 0;
    const uint _e48 = _len_1;
    const uint _e50 = (_e48 * 8u);
    const int _e51 = as_int(_e50);
    local4_ = _e51;
    local5_ = 0;
    const uint _e56 = _len_2;
    const uint _e58 = (_e56 * 8u);
    const int _e59 = as_int(_e58);
    local6_ = _e59;
    const int _e62 = local3_;
    const int _e64 = local0_;
    const uint _e66 = as_uint(3);
    const uint _e68 = (_e66 & 31u);
    const int _e69 = as_int(as_uint(_e64) << (_e68 & 31u));
    const int _e70 = as_int(as_uint(_e62) + as_uint(_e69));
    const int _e72 = as_int(as_uint(_e70) + as_uint(0));
    const uint _e73 = as_uint(_e72);
    const uint _e75 = (_e73 & 7u);
    const bool _e77 = (_e75 != 0u);
    const uint _e79 = (_e73 >> (3u & 31u));
    const uint _e81 = _len_1;
    const bool _e82 = (_e79 >= _e81);
    const bool _e83 = (_e77 || _e82);
    const uint _e86 = (_e77 ? 5u : 4u);
    if (_e83) {
        atomic_xchg(&status[0], _e86);
        return;
    }
    const double _e91 = buffer0_[min((uint)(_e79), _lim_1)];
    local7_ = _e91;
    const int _e94 = local5_;
    const int _e96 = local0_;
    const uint _e98 = as_uint(6);
    const uint _e100 = (_e98 & 31u);
    const int _e101 = as_int(as_uint(_e96) << (_e100 & 31u));
    const int _e102 = as_int(as_uint(_e94) + as_uint(_e101));
    local8_ = _e102;
    const int _e105 = local8_;
    const double _e107 = local7_;
    const uint _e111 = params.zero;
    const ulong _e112 = ((ulong)(_e111));
    const ulong _e113 = (14114281232179134464UL | _e112);
    const double _e114 = as_double(_e113);
    const uint _e118 = params.zero;
    const ulong _e119 = ((ulong)(_e118));
    const ulong _e120 = (4890909195324358656UL | _e119);
    const double _e121 = as_double(_e120);
    const bool _e122 = (_e107 >= _e114);
    const bool _e123 = (_e107 < _e121);
    const bool _e124 = (_e122 && _e123);
    const ulong _e125 = as_ulong(_e107);
    const ulong _e128 = (_e125 & 9223372036854775807UL);
    const bool _e129 = (_e128 > 9218868437227405312UL);
    const uint _e133 = params.zero;
    const ulong _e134 = ((ulong)(_e133));
    const ulong _e135 = (0UL | _e134);
    const double _e136 = as_double(_e135);
    const double _e137 = (_e124 ? _e107 : _e136);
    const long _e138 = convert_long_sat(_e137);
    const uint _e145 = params.zero;
    const ulong _e146 = ((ulong)(_e145));
    const ulong _e147 = (0UL | _e146);
    const double _e148 = as_double(_e147);
    const bool _e149 = (_e107 < _e148);
    const long _e150 = (_e149 ? (-9223372036854775807L - 1L) : 9223372036854775807L);
    const long _e151 = (_e129 ? 0L : _e150);
    const long _e152 = (_e124 ? _e138 : _e151);
    const int _e154 = as_int(as_uint(_e105) + as_uint(0));
    const uint _e155 = as_uint(_e154);
    const uint _e157 = (_e155 & 7u);
    const bool _e159 = (_e157 != 0u);
    const uint _e161 = (_e155 >> (3u & 31u));
    const uint _e163 = _len_2;
    const bool _e164 = (_e161 >= _e163);
    const bool _e165 = (_e159 || _e164);
    const uint _e168 = (_e159 ? 5u : 4u);
    if (_e165) {
        atomic_xchg(&status[0], _e168);
        return;
    }
    buffer1_[min((uint)(_e161), _lim_2)] = _e152;
    const int _e174 = local8_;
    const double _e176 = local7_;
    const float _e177 = ((float)(_e176));
    const uint _e181 = params.zero;
    const uint _e182 = (3212836864u | _e181);
    const float _e183 = as_float(_e182);
    const uint _e187 = params.zero;
    const uint _e188 = (1602224128u | _e187);
    const float _e189 = as_float(_e188);
    const bool _e190 = (_e177 > _e183);
    const bool _e191 = (_e177 < _e189);
    const bool _e192 = (_e190 && _e191);
    const uint _e193 = as_uint(_e177);
    const uint _e196 = (_e193 & 2147483647u);
    const bool _e197 = (_e196 > 2139095040u);
    const uint _e201 = params.zero;
    const uint _e202 = (0u | _e201);
    const float _e203 = as_float(_e202);
    const float _e204 = (_e192 ? _e177 : _e203);
    const ulong _e205 = convert_ulong_sat(_e204);
    const long _e206 = as_long(_e205);
    const uint _e213 = params.zero;
    const uint _e214 = (0u | _e213);
    const float _e215 = as_float(_e214);
    const bool _e216 = (_e177 < _e215);
    const long _e217 = (_e216 ? 0L : (-1L));
    const long _e218 = (_e197 ? 0L : _e217);
    const long _e219 = (_e192 ? _e206 : _e218);
    const int _e221 = as_int(as_uint(_e174) + as_uint(8));
    const uint _e222 = as_uint(_e221);
    const uint _e224 = (_e222 & 7u);
    const bool _e226 = (_e224 != 0u);
    const uint _e228 = (_e222 >> (3u & 31u));
    const uint _e230 = _len_2;
    const bool _e231 = (_e228 >= _e230);
    const bool _e232 = (_e226 || _e231);
    const uint _e235 = (_e226 ? 5u : 4u);
    if (_e232) {
        atomic_xchg(&status[0], _e235);
        return;
    }
    buffer1_[min((uint)(_e228), _lim_2)] = _e219;
    const int _e241 = local8_;
    const double _e243 = local7_;
    const uint _e247 = params.zero;
    const ulong _e248 = ((ulong)(_e247));
    const ulong _e249 = (13830554455654793216UL | _e248);
    const double _e250 = as_double(_e249);
    const uint _e254 = params.zero;
    const ulong _e255 = ((ulong)(_e254));
    const ulong _e256 = (4751297606875873280UL | _e255);
    const double _e257 = as_double(_e256);
    const bool _e258 = (_e243 > _e250);
    const bool _e259 = (_e243 < _e257);
    const bool _e260 = (_e258 && _e259);
    const ulong _e261 = as_ulong(_e243);
    const ulong _e264 = (_e261 & 9223372036854775807UL);
    const bool _e265 = (_e264 > 9218868437227405312UL);
    if (_e265) {
        atomic_xchg(&status[0], 6u);
        return;
    }
    const bool _e269 = (!_e260);
    if (_e269) {
        atomic_xchg(&status[0], 7u);
        return;
    }
    const uint _e276 = params.zero;
    const ulong _e277 = ((ulong)(_e276));
    const ulong _e278 = (0UL | _e277);
    const double _e279 = as_double(_e278);
    const double _e280 = (_e260 ? _e243 : _e279);
    const uint _e281 = convert_uint_sat(_e280);
    const int _e282 = as_int(_e281);
    const long _e283 = ((long)(_e282));
    const int _e285 = as_int(as_uint(_e241) + as_uint(16));
    const uint _e286 = as_uint(_e285);
    const uint _e288 = (_e286 & 7u);
    const bool _e290 = (_e288 != 0u);
    const uint _e292 = (_e286 >> (3u & 31u));
    const uint _e294 = _len_2;
    const bool _e295 = (_e292 >= _e294);
    const bool _e296 = (_e290 || _e295);
    const uint _e299 = (_e290 ? 5u : 4u);
    if (_e296) {
        atomic_xchg(&status[0], _e299);
        return;
    }
    buffer1_[min((uint)(_e292), _lim_2)] = _e283;
    const int _e305 = local8_;
    const double _e307 = local7_;
    const float _e308 = ((float)(_e307));
    const uint _e312 = params.zero;
    const uint _e313 = (3741319168u | _e312);
    const float _e314 = as_float(_e313);
    const uint _e318 = params.zero;
    const uint _e319 = (1593835520u | _e318);
    const float _e320 = as_float(_e319);
    const bool _e321 = (_e308 >= _e314);
    const bool _e322 = (_e308 < _e320);
    const bool _e323 = (_e321 && _e322);
    const uint _e324 = as_uint(_e308);
    const uint _e327 = (_e324 & 2147483647u);
    const bool _e328 = (_e327 > 2139095040u);
    if (_e328) {
        atomic_xchg(&status[0], 6u);
        return;
    }
    const bool _e332 = (!_e323);
    if (_e332) {
        atomic_xchg(&status[0], 7u);
        return;
    }
    const uint _e339 = params.zero;
    const uint _e340 = (0u | _e339);
    const float _e341 = as_float(_e340);
    const float _e342 = (_e323 ? _e308 : _e341);
    const long _e343 = convert_long_sat(_e342);
    const int _e345 = as_int(as_uint(_e305) + as_uint(24));
    const uint _e346 = as_uint(_e345);
    const uint _e348 = (_e346 & 7u);
    const bool _e350 = (_e348 != 0u);
    const uint _e352 = (_e346 >> (3u & 31u));
    const uint _e354 = _len_2;
    const bool _e355 = (_e352 >= _e354);
    const bool _e356 = (_e350 || _e355);
    const uint _e359 = (_e350 ? 5u : 4u);
    if (_e356) {
        atomic_xchg(&status[0], _e359);
        return;
    }
    buffer1_[min((uint)(_e352), _lim_2)] = _e343;
    const int _e365 = local8_;
    const double _e367 = local7_;
    const long _e368 = as_long(_e367);
    const ulong _e369 = as_ulong(_e368);
    const uint _e370 = ((uint)(_e369));
    const ulong _e372 = (_e369 >> (32u & 63u));
    const uint _e373 = ((uint)(_e372));
    const uint _e374 = clz(_e370);
    const uint _e375 = clz(_e373);
    const bool _e377 = (_e373 == 0u);
    const uint _e378 = (32u + _e374);
    const uint _e379 = (_e377 ? _e378 : _e375);
    const long _e380 = as_long((ulong)(_e379));
    const double _e382 = local7_;
    const long _e383 = as_long(_e382);
    const ulong _e385 = as_ulong(_e383);
    const ulong _e386 = (_e385 << (48u & 63u));
    const long _e387 = as_long(_e386);
    const long _e388 = (_e387 >> (48u & 63u));
    const ulong _e389 = as_ulong(_e388);
    const uint _e390 = ((uint)(_e389));
    const ulong _e392 = (_e389 >> (32u & 63u));
    const uint _e393 = ((uint)(_e392));
    const uint _e394 = popcount(_e390);
    const uint _e395 = popcount(_e393);
    const uint _e396 = (_e394 + _e395);
    const long _e397 = as_long((ulong)(_e396));
    const long _e398 = as_long(as_ulong(_e380) + as_ulong(_e397));
    const int _e400 = as_int(as_uint(_e365) + as_uint(32));
    const uint _e401 = as_uint(_e400);
    const uint _e403 = (_e401 & 7u);
    const bool _e405 = (_e403 != 0u);
    const uint _e407 = (_e401 >> (3u & 31u));
    const uint _e409 = _len_2;
    const bool _e410 = (_e407 >= _e409);
    const bool _e411 = (_e405 || _e410);
    const uint _e414 = (_e405 ? 5u : 4u);
    if (_e411) {
        atomic_xchg(&status[0], _e414);
        return;
    }
    buffer1_[min((uint)(_e407), _lim_2)] = _e398;
    const int _e420 = local8_;
    const double _e422 = local7_;
    const long _e423 = as_long(_e422);
    const ulong _e424 = as_ulong(_e423);
    const uint _e425 = ((uint)(_e424));
    const ulong _e427 = (_e424 >> (32u & 63u));
    const uint _e428 = ((uint)(_e427));
    const uint _e429 = _ctz_uint(_e425);
    const uint _e430 = _ctz_uint(_e428);
    const bool _e432 = (_e425 == 0u);
    const uint _e433 = (32u + _e430);
    const uint _e434 = (_e432 ? _e433 : _e429);
    const long _e435 = as_long((ulong)(_e434));
    const uint _e439 = params.zero;
    const long _e440 = as_long((ulong)(_e439));
    const long _e441 = (60L | _e440);
    const uint _e442 = ((uint)(60L));
    const uint _e444 = (_e442 & 63u);
    const uint _e446 = (64u - _e444);
    const uint _e447 = (_e446 & 63u);
    const ulong _e448 = as_ulong(_e435);
    const ulong _e449 = (_e448 << (_e444 & 63u));
    const ulong _e450 = (_e448 >> (_e447 & 63u));
    const ulong _e451 = (_e449 | _e450);
    const long _e452 = as_long(_e451);
    const int _e454 = as_int(as_uint(_e420) + as_uint(40));
    const uint _e455 = as_uint(_e454);
    const uint _e457 = (_e455 & 7u);
    const bool _e459 = (_e457 != 0u);
    const uint _e461 = (_e455 >> (3u & 31u));
    const uint _e463 = _len_2;
    const bool _e464 = (_e461 >= _e463);
    const bool _e465 = (_e459 || _e464);
    const uint _e468 = (_e459 ? 5u : 4u);
    if (_e465) {
        atomic_xchg(&status[0], _e468);
        return;
    }
    buffer1_[min((uint)(_e461), _lim_2)] = _e452;
    const int _e474 = local8_;
    const uint _e478 = params.zero;
    const ulong _e479 = ((ulong)(_e478));
    const ulong _e480 = (9218868437227405312UL | _e479);
    const double _e481 = as_double(_e480);
    const double _e483 = local7_;
    const ulong _e486 = as_ulong(_e483);
    const ulong _e487 = (_e486 ^ 9223372036854775808UL);
    const double _e488 = as_double(_e487);
    const ulong _e491 = as_ulong(_e481);
    const ulong _e492 = as_ulong(_e488);
    const ulong _e493 = (_e491 & 9223372036854775807UL);
    const ulong _e494 = (_e492 & 9223372036854775808UL);
    const ulong _e495 = (_e493 | _e494);
    const double _e496 = as_double(_e495);
    const int _e498 = as_int(as_uint(_e474) + as_uint(48));
    const uint _e499 = as_uint(_e498);
    const uint _e501 = (_e499 & 7u);
    const bool _e503 = (_e501 != 0u);
    const uint _e505 = (_e499 >> (3u & 31u));
    const uint _e507 = _len_2;
    const bool _e508 = (_e505 >= _e507);
    const bool _e509 = (_e503 || _e508);
    const uint _e512 = (_e503 ? 5u : 4u);
    if (_e509) {
        atomic_xchg(&status[0], _e512);
        return;
    }
    const long _e515 = as_long(_e496);
    buffer1_[min((uint)(_e505), _lim_2)] = _e515;
    const int _e519 = local8_;
    const uint _e523 = params.zero;
    const ulong _e524 = ((ulong)(_e523));
    const ulong _e525 = (9221120237041090560UL | _e524);
    const double _e526 = as_double(_e525);
    const double _e528 = local7_;
    const ulong _e531 = as_ulong(_e528);
    const ulong _e532 = (_e531 & 9223372036854775807UL);
    const double _e533 = as_double(_e532);
    const double _e534 = _rint_double(_e533);
    const double _e535 = (_e526 + _e534);
    const int _e537 = as_int(as_uint(_e519) + as_uint(56));
    const uint _e538 = as_uint(_e537);
    const uint _e540 = (_e538 & 7u);
    const bool _e542 = (_e540 != 0u);
    const uint _e544 = (_e538 >> (3u & 31u));
    const uint _e546 = _len_2;
    const bool _e547 = (_e544 >= _e546);
    const bool _e548 = (_e542 || _e547);
    const uint _e551 = (_e542 ? 5u : 4u);
    if (_e548) {
        atomic_xchg(&status[0], _e551);
        return;
    }
    const long _e554 = as_long(_e535);
    buffer1_[min((uint)(_e544), _lim_2)] = _e554;
}
