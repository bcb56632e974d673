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
    const uint _e23 = params.zero;
    const ulong _e24 = ((ulong)(_e23));
    const ulong _e26 = (0UL | _e24);
    const double _e27 = as_double(_e26);
    local7_ = _e27;
    local3_ = 0;
    const uint _e32 = _len_1;
    const uint _e34 = (_e32 * 8u);
    const int _e35 = as_int(_e34);
    local4_ = _e35;
    local5_ = 0;
    const uint _e40 = _len_2;
    const uint _e42 = (_e40 * 8u);
    const int _e43 = as_int(_e42);
    local6_ = _e43;
    const int _e46 = local3_;
    const int _e48 = local0_;
    const uint _e50 = as_uint(3);
    const uint _e52 = (_e50 & 31u);
    const int _e53 = as_int(as_uint(_e48) << (_e52 & 31u));
    const int _e54 = as_int(as_uint(_e46) + as_uint(_e53));
    const int _e56 = as_int(as_uint(_e54) + as_uint(0));
    const uint _e57 = as_uint(_e56);
    const uint _e59 = (_e57 & 7u);
    const bool _e61 = (_e59 != 0u);
    if (_e61) {
        status[0] = 5u;
        return;
    }
    const uint _e66 = (_e57 >> (3u & 31u));
    const uint _e68 = _len_1;
    const bool _e69 = (_e66 >= _e68);
    if (_e69) {
        status[0] = 4u;
        return;
    }
    const double _e75 = buffer0_[min((uint)(_e66), _lim_1)];
    local7_ = _e75;
    const int _e78 = local5_;
    const int _e80 = local0_;
    const uint _e82 = as_uint(6);
    const uint _e84 = (_e82 & 31u);
    const int _e85 = as_int(as_uint(_e80) << (_e84 & 31u));
    const int _e86 = as_int(as_uint(_e78) + as_uint(_e85));
    local8_ = _e86;
    const int _e89 = local8_;
    const double _e91 = local7_;
    const uint _e94 = params.zero;
    const ulong _e95 = ((ulong)(_e94));
    const ulong _e97 = (14114281232179134464UL | _e95);
    const double _e98 = as_double(_e97);
    const uint _e101 = params.zero;
    const ulong _e102 = ((ulong)(_e101));
    const ulong _e104 = (4890909195324358656UL | _e102);
    const double _e105 = as_double(_e104);
    const bool _e106 = (_e91 >= _e98);
    const bool _e107 = (_e91 < _e105);
    const bool _e108 = (_e106 && _e107);
    const ulong _e109 = as_ulong(_e91);
    const ulong _e112 = (_e109 & 9223372036854775807UL);
    const bool _e113 = (_e112 > 9218868437227405312UL);
    const uint _e116 = params.zero;
    const ulong _e117 = ((ulong)(_e116));
    const ulong _e119 = (0UL | _e117);
    const double _e120 = as_double(_e119);
    const double _e121 = (_e108 ? _e91 : _e120);
    const long _e122 = convert_long_sat(_e121);
    const uint _e128 = params.zero;
    const ulong _e129 = ((ulong)(_e128));
    const ulong _e131 = (0UL | _e129);
    const double _e132 = as_double(_e131);
    const bool _e133 = (_e91 < _e132);
    const long _e134 = (_e133 ? (-9223372036854775807L - 1L) : 9223372036854775807L);
    const long _e135 = (_e113 ? 0L : _e134);
    const long _e136 = (_e108 ? _e122 : _e135);
    const int _e138 = as_int(as_uint(_e89) + as_uint(0));
    const uint _e139 = as_uint(_e138);
    const uint _e141 = (_e139 & 7u);
    const bool _e143 = (_e141 != 0u);
    if (_e143) {
        status[0] = 5u;
        return;
    }
    const uint _e148 = (_e139 >> (3u & 31u));
    const uint _e150 = _len_2;
    const bool _e151 = (_e148 >= _e150);
    if (_e151) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e148), _lim_2)] = _e136;
    const int _e158 = local8_;
    const double _e160 = local7_;
    const float _e161 = ((float)(_e160));
    const uint _e164 = params.zero;
    const uint _e166 = (3212836864u | _e164);
    const float _e167 = as_float(_e166);
    const uint _e170 = params.zero;
    const uint _e172 = (1602224128u | _e170);
    const float _e173 = as_float(_e172);
    const bool _e174 = (_e161 > _e167);
    const bool _e175 = (_e161 < _e173);
    const bool _e176 = (_e174 && _e175);
    const uint _e177 = as_uint(_e161);
    const uint _e180 = (_e177 & 2147483647u);
    const bool _e181 = (_e180 > 2139095040u);
    const uint _e184 = params.zero;
    const uint _e186 = (0u | _e184);
    const float _e187 = as_float(_e186);
    const float _e188 = (_e176 ? _e161 : _e187);
    const ulong _e189 = convert_ulong_sat(_e188);
    const long _e190 = as_long(_e189);
    const uint _e196 = params.zero;
    const uint _e198 = (0u | _e196);
    const float _e199 = as_float(_e198);
    const bool _e200 = (_e161 < _e199);
    const long _e201 = (_e200 ? 0L : (-1L));
    const long _e202 = (_e181 ? 0L : _e201);
    const long _e203 = (_e176 ? _e190 : _e202);
    const int _e205 = as_int(as_uint(_e158) + as_uint(8));
    const uint _e206 = as_uint(_e205);
    const uint _e208 = (_e206 & 7u);
    const bool _e210 = (_e208 != 0u);
    if (_e210) {
        status[0] = 5u;
        return;
    }
    const uint _e215 = (_e206 >> (3u & 31u));
    const uint _e217 = _len_2;
    const bool _e218 = (_e215 >= _e217);
    if (_e218) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e215), _lim_2)] = _e203;
    const int _e225 = local8_;
    const double _e227 = local7_;
    const uint _e230 = params.zero;
    const ulong _e231 = ((ulong)(_e230));
    const ulong _e233 = (13830554455654793216UL | _e231);
    const double _e234 = as_double(_e233);
    const uint _e237 = params.zero;
    const ulong _e238 = ((ulong)(_e237));
    const ulong _e240 = (4751297606875873280UL | _e238);
    const double _e241 = as_double(_e240);
    const bool _e242 = (_e227 > _e234);
    const bool _e243 = (_e227 < _e241);
    const bool _e244 = (_e242 && _e243);
    const ulong _e245 = as_ulong(_e227);
    const ulong _e248 = (_e245 & 9223372036854775807UL);
    const bool _e249 = (_e248 > 9218868437227405312UL);
    if (_e249) {
        status[0] = 6u;
        return;
    }
    const bool _e253 = (!_e244);
    if (_e253) {
        status[0] = 7u;
        return;
    }
    const uint _e259 = params.zero;
    const ulong _e260 = ((ulong)(_e259));
    const ulong _e262 = (0UL | _e260);
    const double _e263 = as_double(_e262);
    const double _e264 = (_e244 ? _e227 : _e263);
    const uint _e265 = convert_uint_sat(_e264);
    const int _e266 = as_int(_e265);
    const long _e267 = ((long)(_e266));
    const int _e269 = as_int(as_uint(_e225) + as_uint(16));
    const uint _e270 = as_uint(_e269);
    const uint _e272 = (_e270 & 7u);
    const bool _e274 = (_e272 != 0u);
    if (_e274) {
        status[0] = 5u;
        return;
    }
    const uint _e279 = (_e270 >> (3u & 31u));
    const uint _e281 = _len_2;
    const bool _e282 = (_e279 >= _e281);
    if (_e282) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e279), _lim_2)] = _e267;
    const int _e289 = local8_;
    const double _e291 = local7_;
    const float _e292 = ((float)(_e291));
    const uint _e295 = params.zero;
    const uint _e297 = (3741319168u | _e295);
    const float _e298 = as_float(_e297);
    const uint _e301 = params.zero;
    const uint _e303 = (1593835520u | _e301);
    const float _e304 = as_float(_e303);
    const bool _e305 = (_e292 >= _e298);
    const bool _e306 = (_e292 < _e304);
    const bool _e307 = (_e305 && _e306);
    const uint _e308 = as_uint(_e292);
    const uint _e311 = (_e308 & 2147483647u);
    const bool _e312 = (_e311 > 2139095040u);
    if (_e312) {
        status[0] = 6u;
        return;
    }
    const bool _e316 = (!_e307);
    if (_e316) {
        status[0] = 7u;
        return;
    }
    const uint _e322 = params.zero;
    const uint _e324 = (0u | _e322);
    const float _e325 = as_float(_e324);
    const float _e326 = (_e307 ? _e292 : _e325);
    const long _e327 = convert_long_sat(_e326);
    const int _e329 = as_int(as_uint(_e289) + as_uint(24));
    const uint _e330 = as_uint(_e329);
    const uint _e332 = (_e330 & 7u);
    const bool _e334 = (_e332 != 0u);
    if (_e334) {
        status[0] = 5u;
        return;
    }
    const uint _e339 = (_e330 >> (3u & 31u));
    const uint _e341 = _len_2;
    const bool _e342 = (_e339 >= _e341);
    if (_e342) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e339), _lim_2)] = _e327;
    const int _e349 = local8_;
    const double _e351 = local7_;
    const long _e352 = as_long(_e351);
    const ulong _e353 = as_ulong(_e352);
    const uint _e354 = ((uint)(_e353));
    const ulong _e356 = (_e353 >> (32u & 63u));
    const uint _e357 = ((uint)(_e356));
    const uint _e358 = clz(_e354);
    const uint _e359 = clz(_e357);
    const bool _e361 = (_e357 == 0u);
    const uint _e362 = (32u + _e358);
    const uint _e363 = (_e361 ? _e362 : _e359);
    const long _e364 = as_long((ulong)(_e363));
    const double _e366 = local7_;
    const long _e367 = as_long(_e366);
    const ulong _e369 = as_ulong(_e367);
    const ulong _e370 = (_e369 << (48u & 63u));
    const long _e371 = as_long(_e370);
    const long _e372 = (_e371 >> (48u & 63u));
    const ulong _e373 = as_ulong(_e372);
    const uint _e374 = ((uint)(_e373));
    const ulong _e376 = (_e373 >> (32u & 63u));
    const uint _e377 = ((uint)(_e376));
    const uint _e378 = popcount(_e374);
    const uint _e379 = popcount(_e377);
    const uint _e380 = (_e378 + _e379);
    const long _e381 = as_long((ulong)(_e380));
    const long _e382 = as_long(as_ulong(_e364) + as_ulong(_e381));
    const int _e384 = as_int(as_uint(_e349) + as_uint(32));
    const uint _e385 = as_uint(_e384);
    const uint _e387 = (_e385 & 7u);
    const bool _e389 = (_e387 != 0u);
    if (_e389) {
        status[0] = 5u;
        return;
    }
    const uint _e394 = (_e385 >> (3u & 31u));
    const uint _e396 = _len_2;
    const bool _e397 = (_e394 >= _e396);
    if (_e397) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e394), _lim_2)] = _e382;
    const int _e404 = local8_;
    const double _e406 = local7_;
    const long _e407 = as_long(_e406);
    const ulong _e408 = as_ulong(_e407);
    const uint _e409 = ((uint)(_e408));
    const ulong _e411 = (_e408 >> (32u & 63u));
    const uint _e412 = ((uint)(_e411));
    const uint _e413 = _ctz_uint(_e409);
    const uint _e414 = _ctz_uint(_e412);
    const bool _e416 = (_e409 == 0u);
    const uint _e417 = (32u + _e414);
    const uint _e418 = (_e416 ? _e417 : _e413);
    const long _e419 = as_long((ulong)(_e418));
    const uint _e421 = ((uint)(60L));
    const uint _e423 = (_e421 & 63u);
    const uint _e425 = (64u - _e423);
    const uint _e426 = (_e425 & 63u);
    const ulong _e427 = as_ulong(_e419);
    const ulong _e428 = (_e427 << (_e423 & 63u));
    const ulong _e429 = (_e427 >> (_e426 & 63u));
    const ulong _e430 = (_e428 | _e429);
    const long _e431 = as_long(_e430);
    const int _e433 = as_int(as_uint(_e404) + as_uint(40));
    const uint _e434 = as_uint(_e433);
    const uint _e436 = (_e434 & 7u);
    const bool _e438 = (_e436 != 0u);
    if (_e438) {
        status[0] = 5u;
        return;
    }
    const uint _e443 = (_e434 >> (3u & 31u));
    const uint _e445 = _len_2;
    const bool _e446 = (_e443 >= _e445);
    if (_e446) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e443), _lim_2)] = _e431;
    const int _e453 = local8_;
    const uint _e456 = params.zero;
    const ulong _e457 = ((ulong)(_e456));
    const ulong _e459 = (9218868437227405312UL | _e457);
    const double _e460 = as_double(_e459);
    const double _e462 = local7_;
    const ulong _e465 = as_ulong(_e462);
    const ulong _e466 = (_e465 ^ 9223372036854775808UL);
    const double _e467 = as_double(_e466);
    const ulong _e470 = as_ulong(_e460);
    const ulong _e471 = as_ulong(_e467);
    const ulong _e472 = (_e470 & 9223372036854775807UL);
    const ulong _e473 = (_e471 & 9223372036854775808UL);
    const ulong _e474 = (_e472 | _e473);
    const double _e475 = as_double(_e474);
    const int _e477 = as_int(as_uint(_e453) + as_uint(48));
    const uint _e478 = as_uint(_e477);
    const uint _e480 = (_e478 & 7u);
    const bool _e482 = (_e480 != 0u);
    if (_e482) {
        status[0] = 5u;
        return;
    }
    const uint _e487 = (_e478 >> (3u & 31u));
    const uint _e489 = _len_2;
    const bool _e490 = (_e487 >= _e489);
    if (_e490) {
        status[0] = 4u;
        return;
    }
    const long _e496 = as_long(_e475);
    buffer1_[min((uint)(_e487), _lim_2)] = _e496;
    const int _e498 = local8_;
    const uint _e501 = params.zero;
    const ulong _e502 = ((ulong)(_e501));
    const ulong _e504 = (9221120237041090560UL | _e502);
    const double _e505 = as_double(_e504);
    const double _e507 = local7_;
    const ulong _e510 = as_ulong(_e507);
    const ulong _e511 = (_e510 & 9223372036854775807UL);
    const double _e512 = as_double(_e511);
    const double _e513 = _rint_double(_e512);
    const double _e514 = (_e505 + _e513);
    const int _e516 = as_int(as_uint(_e498) + as_uint(56));
    const uint _e517 = as_uint(_e516);
    const uint _e519 = (_e517 & 7u);
    const bool _e521 = (_e519 != 0u);
    if (_e521) {
        status[0] = 5u;
        return;
    }
    const uint _e526 = (_e517 >> (3u & 31u));
    const uint _e528 = _len_2;
    const bool _e529 = (_e526 >= _e528);
    if (_e529) {
        status[0] = 4u;
        return;
    }
    const long _e535 = as_long(_e514);
    buffer1_[min((uint)(_e526), _lim_2)] = _e535;
}
