// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

typedef struct {
    uint num_iterations;
    uint block_size;
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
    const int _e38 = local3_;
    const int _e40 = local0_;
    const uint _e42 = as_uint(3);
    const uint _e44 = (_e42 & 31u);
    const int _e45 = as_int(as_uint(_e40) << (_e44 & 31u));
    const int _e46 = as_int(as_uint(_e38) + as_uint(_e45));
    const int _e48 = as_int(as_uint(_e46) + as_uint(0));
    const uint _e49 = as_uint(_e48);
    const uint _e51 = (_e49 & 7u);
    const bool _e53 = (_e51 != 0u);
    if (_e53) {
        status[0] = 5u;
        return;
    }
    const uint _e58 = (_e49 >> (3u & 31u));
    const uint _e60 = _len_1;
    const bool _e61 = (_e58 >= _e60);
    if (_e61) {
        status[0] = 4u;
        return;
    }
    const double _e67 = buffer0_[min((uint)(_e58), _lim_1)];
    local7_ = _e67;
    const int _e70 = local5_;
    const int _e72 = local0_;
    const uint _e74 = as_uint(6);
    const uint _e76 = (_e74 & 31u);
    const int _e77 = as_int(as_uint(_e72) << (_e76 & 31u));
    const int _e78 = as_int(as_uint(_e70) + as_uint(_e77));
    local8_ = _e78;
    const int _e81 = local8_;
    const double _e83 = local7_;
    const bool _e86 = (_e83 >= as_double(0xc3e0000000000000UL));
    const bool _e87 = (_e83 < as_double(0x43e0000000000000UL));
    const bool _e88 = (_e86 && _e87);
    const ulong _e89 = as_ulong(_e83);
    const ulong _e92 = (_e89 & 9223372036854775807UL);
    const bool _e93 = (_e92 > 9218868437227405312UL);
    const double _e95 = (_e88 ? _e83 : as_double(0x0000000000000000UL));
    const long _e96 = convert_long_sat(_e95);
    const bool _e101 = (_e83 < as_double(0x0000000000000000UL));
    const long _e102 = (_e101 ? (-9223372036854775807L - 1L) : 9223372036854775807L);
    const long _e103 = (_e93 ? 0L : _e102);
    const long _e104 = (_e88 ? _e96 : _e103);
    const int _e106 = as_int(as_uint(_e81) + as_uint(0));
    const uint _e107 = as_uint(_e106);
    const uint _e109 = (_e107 & 7u);
    const bool _e111 = (_e109 != 0u);
    if (_e111) {
        status[0] = 5u;
        return;
    }
    const uint _e116 = (_e107 >> (3u & 31u));
    const uint _e118 = _len_2;
    const bool _e119 = (_e116 >= _e118);
    if (_e119) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e116), _lim_2)] = _e104;
    const int _e126 = local8_;
    const double _e128 = local7_;
    const float _e129 = ((float)(_e128));
    const bool _e132 = (_e129 > as_float(0xbf800000u));
    const bool _e133 = (_e129 < as_float(0x5f800000u));
    const bool _e134 = (_e132 && _e133);
    const uint _e135 = as_uint(_e129);
    const uint _e138 = (_e135 & 2147483647u);
    const bool _e139 = (_e138 > 2139095040u);
    const float _e141 = (_e134 ? _e129 : as_float(0x00000000u));
    const ulong _e142 = convert_ulong_sat(_e141);
    const long _e143 = as_long(_e142);
    const bool _e148 = (_e129 < as_float(0x00000000u));
    const long _e149 = (_e148 ? 0L : (-1L));
    const long _e150 = (_e139 ? 0L : _e149);
    const long _e151 = (_e134 ? _e143 : _e150);
    const int _e153 = as_int(as_uint(_e126) + as_uint(8));
    const uint _e154 = as_uint(_e153);
    const uint _e156 = (_e154 & 7u);
    const bool _e158 = (_e156 != 0u);
    if (_e158) {
        status[0] = 5u;
        return;
    }
    const uint _e163 = (_e154 >> (3u & 31u));
    const uint _e165 = _len_2;
    const bool _e166 = (_e163 >= _e165);
    if (_e166) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e163), _lim_2)] = _e151;
    const int _e173 = local8_;
    const double _e175 = local7_;
    const bool _e178 = (_e175 > as_double(0xbff0000000000000UL));
    const bool _e179 = (_e175 < as_double(0x41f0000000000000UL));
    const bool _e180 = (_e178 && _e179);
    const ulong _e181 = as_ulong(_e175);
    const ulong _e184 = (_e181 & 9223372036854775807UL);
    const bool _e185 = (_e184 > 9218868437227405312UL);
    if (_e185) {
        status[0] = 6u;
        return;
    }
    const bool _e189 = (!_e180);
    if (_e189) {
        status[0] = 7u;
        return;
    }
    const double _e194 = (_e180 ? _e175 : as_double(0x0000000000000000UL));
    const uint _e195 = convert_uint_sat(_e194);
    const int _e196 = as_int(_e195);
    const long _e197 = ((long)(_e196));
    const int _e199 = as_int(as_uint(_e173) + as_uint(16));
    const uint _e200 = as_uint(_e199);
    const uint _e202 = (_e200 & 7u);
    const bool _e204 = (_e202 != 0u);
    if (_e204) {
        status[0] = 5u;
        return;
    }
    const uint _e209 = (_e200 >> (3u & 31u));
    const uint _e211 = _len_2;
    const bool _e212 = (_e209 >= _e211);
    if (_e212) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e209), _lim_2)] = _e197;
    const int _e219 = local8_;
    const double _e221 = local7_;
    const float _e222 = ((float)(_e221));
    const bool _e225 = (_e222 >= as_float(0xdf000000u));
    const bool _e226 = (_e222 < as_float(0x5f000000u));
    const bool _e227 = (_e225 && _e226);
    const uint _e228 = as_uint(_e222);
    const uint _e231 = (_e228 & 2147483647u);
    const bool _e232 = (_e231 > 2139095040u);
    if (_e232) {
        status[0] = 6u;
        return;
    }
    const bool _e236 = (!_e227);
    if (_e236) {
        status[0] = 7u;
        return;
    }
    const float _e241 = (_e227 ? _e222 : as_float(0x00000000u));
    const long _e242 = convert_long_sat(_e241);
    const int _e244 = as_int(as_uint(_e219) + as_uint(24));
    const uint _e245 = as_uint(_e244);
    const uint _e247 = (_e245 & 7u);
    const bool _e249 = (_e247 != 0u);
    if (_e249) {
        status[0] = 5u;
        return;
    }
    const uint _e254 = (_e245 >> (3u & 31u));
    const uint _e256 = _len_2;
    const bool _e257 = (_e254 >= _e256);
    if (_e257) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e254), _lim_2)] = _e242;
    const int _e264 = local8_;
    const double _e266 = local7_;
    const long _e267 = as_long(_e266);
    const ulong _e268 = as_ulong(_e267);
    const uint _e269 = ((uint)(_e268));
    const ulong _e271 = (_e268 >> (32u & 63u));
    const uint _e272 = ((uint)(_e271));
    const uint _e273 = clz(_e269);
    const uint _e274 = clz(_e272);
    const bool _e276 = (_e272 == 0u);
    const uint _e277 = (32u + _e273);
    const uint _e278 = (_e276 ? _e277 : _e274);
    const long _e279 = as_long((ulong)(_e278));
    const double _e281 = local7_;
    const long _e282 = as_long(_e281);
    const ulong _e284 = as_ulong(_e282);
    const ulong _e285 = (_e284 << (48u & 63u));
    const long _e286 = as_long(_e285);
    const long _e287 = (_e286 >> (48u & 63u));
    const ulong _e288 = as_ulong(_e287);
    const uint _e289 = ((uint)(_e288));
    const ulong _e291 = (_e288 >> (32u & 63u));
    const uint _e292 = ((uint)(_e291));
    const uint _e293 = popcount(_e289);
    const uint _e294 = popcount(_e292);
    const uint _e295 = (_e293 + _e294);
    const long _e296 = as_long((ulong)(_e295));
    const long _e297 = as_long(as_ulong(_e279) + as_ulong(_e296));
    const int _e299 = as_int(as_uint(_e264) + as_uint(32));
    const uint _e300 = as_uint(_e299);
    const uint _e302 = (_e300 & 7u);
    const bool _e304 = (_e302 != 0u);
    if (_e304) {
        status[0] = 5u;
        return;
    }
    const uint _e309 = (_e300 >> (3u & 31u));
    const uint _e311 = _len_2;
    const bool _e312 = (_e309 >= _e311);
    if (_e312) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e309), _lim_2)] = _e297;
    const int _e319 = local8_;
    const double _e321 = local7_;
    const long _e322 = as_long(_e321);
    const ulong _e323 = as_ulong(_e322);
    const uint _e324 = ((uint)(_e323));
    const ulong _e326 = (_e323 >> (32u & 63u));
    const uint _e327 = ((uint)(_e326));
    const uint _e328 = _ctz_uint(_e324);
    const uint _e329 = _ctz_uint(_e327);
    const bool _e331 = (_e324 == 0u);
    const uint _e332 = (32u + _e329);
    const uint _e333 = (_e331 ? _e332 : _e328);
    const long _e334 = as_long((ulong)(_e333));
    const uint _e336 = ((uint)(60L));
    const uint _e338 = (_e336 & 63u);
    const uint _e340 = (64u - _e338);
    const uint _e341 = (_e340 & 63u);
    const ulong _e342 = as_ulong(_e334);
    const ulong _e343 = (_e342 << (_e338 & 63u));
    const ulong _e344 = (_e342 >> (_e341 & 63u));
    const ulong _e345 = (_e343 | _e344);
    const long _e346 = as_long(_e345);
    const int _e348 = as_int(as_uint(_e319) + as_uint(40));
    const uint _e349 = as_uint(_e348);
    const uint _e351 = (_e349 & 7u);
    const bool _e353 = (_e351 != 0u);
    if (_e353) {
        status[0] = 5u;
        return;
    }
    const uint _e358 = (_e349 >> (3u & 31u));
    const uint _e360 = _len_2;
    const bool _e361 = (_e358 >= _e360);
    if (_e361) {
        status[0] = 4u;
        return;
    }
    buffer1_[min((uint)(_e358), _lim_2)] = _e346;
    const int _e368 = local8_;
    const double _e370 = as_double(9218868437227405312UL);
    const double _e372 = local7_;
    const ulong _e375 = as_ulong(_e372);
    const ulong _e376 = (_e375 ^ 9223372036854775808UL);
    const double _e377 = as_double(_e376);
    const ulong _e380 = as_ulong(_e370);
    const ulong _e381 = as_ulong(_e377);
    const ulong _e382 = (_e380 & 9223372036854775807UL);
    const ulong _e383 = (_e381 & 9223372036854775808UL);
    const ulong _e384 = (_e382 | _e383);
    const double _e385 = as_double(_e384);
    const int _e387 = as_int(as_uint(_e368) + as_uint(48));
    const uint _e388 = as_uint(_e387);
    const uint _e390 = (_e388 & 7u);
    const bool _e392 = (_e390 != 0u);
    if (_e392) {
        status[0] = 5u;
        return;
    }
    const uint _e397 = (_e388 >> (3u & 31u));
    const uint _e399 = _len_2;
    const bool _e400 = (_e397 >= _e399);
    if (_e400) {
        status[0] = 4u;
        return;
    }
    const long _e406 = as_long(_e385);
    buffer1_[min((uint)(_e397), _lim_2)] = _e406;
    const int _e408 = local8_;
    const double _e410 = as_double(9221120237041090560UL);
    const double _e412 = local7_;
    const ulong _e415 = as_ulong(_e412);
    const ulong _e416 = (_e415 & 9223372036854775807UL);
    const double _e417 = as_double(_e416);
    const double _e418 = _rint_double(_e417);
    const double _e419 = (_e410 + _e418);
    const int _e421 = as_int(as_uint(_e408) + as_uint(56));
    const uint _e422 = as_uint(_e421);
    const uint _e424 = (_e422 & 7u);
    const bool _e426 = (_e424 != 0u);
    if (_e426) {
        status[0] = 5u;
        return;
    }
    const uint _e431 = (_e422 >> (3u & 31u));
    const uint _e433 = _len_2;
    const bool _e434 = (_e431 >= _e433);
    if (_e434) {
        status[0] = 4u;
        return;
    }
    const long _e440 = as_long(_e419);
    buffer1_[min((uint)(_e431), _lim_2)] = _e440;
}
