// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF
#pragma OPENCL EXTENSION cl_khr_int64_base_atomics : enable
#pragma OPENCL EXTENSION cl_khr_int64_extended_atomics : enable

typedef struct {
    uint num_iterations;
    uint block_size;
    uint zero;
    uint budget;
} Params;

typedef struct {
    ulong old_value;
    bool exchanged;
} gen__atomic_compare_exchange_result_Uint_8_;

// WGSL's `%`: 0u for a zero divisor.
static inline uint _mod_uint(uint a, uint b) {
    return (b == 0u) ? 0u : a % b;
}

__kernel __attribute__((reqd_work_group_size(64, 1, 1)))
void main_(
    const Params params,
    volatile __global ulong* buffer0_,
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
    int local7_ = 0;
    long local8_ = 0L;
    ulong cmpxchg_old = 0UL;
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
    const long _e37 = as_long((ulong)(_e36));
    const long _e38 = (0L | _e37);
    local8_ = _e38;
    const uint _e42 = params.budget;
    loop_budget = _e42;
    local3_ = 0;
    const uint _e47 = _len_1;
    const uint _e49 = (_e47 * 8u);
    const int _e50 = as_int(_e49);
    local4_ = _e50;
    local5_ = 0;
    const uint _e55 = _len_2;
    const uint _e57 = (_e55 * 8u);
    const int _e58 = as_int(_e57);
    local6_ = _e58;
    const int _e61 = local3_;
    const int _e63 = local0_;
    const bool _e66 = (4 == 0);
    if (_e66) {
        atomic_xchg(&status[0], 2u);
        return;
    }
    const uint _e70 = as_uint(_e63);
    const uint _e71 = as_uint(4);
    const uint _e72 = _mod_uint(_e70, _e71);
    const int _e73 = as_int(_e72);
    const uint _e75 = as_uint(3);
    const uint _e77 = (_e75 & 31u);
    const int _e78 = as_int(as_uint(_e73) << (_e77 & 31u));
    const int _e79 = as_int(as_uint(_e61) + as_uint(_e78));
    local7_ = _e79;
    const int _e82 = local7_;
    const int _e84 = local0_;
    const uint _e85 = as_uint(_e84);
    const ulong _e86 = ((ulong)(_e85));
    const long _e87 = as_long(_e86);
    const int _e89 = as_int(as_uint(_e82) + as_uint(0));
    const uint _e90 = as_uint(_e89);
    const uint _e92 = (_e90 & 7u);
    const bool _e94 = (_e92 != 0u);
    const uint _e96 = (_e90 >> (3u & 31u));
    const uint _e98 = _len_1;
    const bool _e99 = (_e96 >= _e98);
    const bool _e100 = (_e94 || _e99);
    const uint _e103 = (_e94 ? 5u : 4u);
    if (_e100) {
        atomic_xchg(&status[0], _e103);
        return;
    }
    const ulong _e106 = as_ulong(_e87);
    const ulong _e109 = atom_add(&buffer0_[min((uint)(_e96), _lim_1)], _e106);
    const long _e110 = as_long(_e109);
    const int _e112 = local3_;
    const uint _e116 = params.zero;
    const long _e117 = as_long((ulong)(_e116));
    const long _e118 = (1L | _e117);
    const int _e120 = as_int(as_uint(_e112) + as_uint(32));
    const uint _e121 = as_uint(_e120);
    const uint _e123 = (_e121 & 7u);
    const bool _e125 = (_e123 != 0u);
    const uint _e127 = (_e121 >> (3u & 31u));
    const uint _e129 = _len_1;
    const bool _e130 = (_e127 >= _e129);
    const bool _e131 = (_e125 || _e130);
    const uint _e134 = (_e125 ? 5u : 4u);
    if (_e131) {
        atomic_xchg(&status[0], _e134);
        return;
    }
    const ulong _e137 = as_ulong(_e118);
    const ulong _e140 = atom_sub(&buffer0_[min((uint)(_e127), _lim_1)], _e137);
    const long _e141 = as_long(_e140);
    const int _e143 = local3_;
    const uint _e147 = params.zero;
    const long _e148 = as_long((ulong)(_e147));
    const long _e149 = (140737488355327L | _e148);
    const int _e151 = as_int(as_uint(_e143) + as_uint(40));
    const uint _e152 = as_uint(_e151);
    const uint _e154 = (_e152 & 7u);
    const bool _e156 = (_e154 != 0u);
    const uint _e158 = (_e152 >> (3u & 31u));
    const uint _e160 = _len_1;
    const bool _e161 = (_e158 >= _e160);
    const bool _e162 = (_e156 || _e161);
    const uint _e165 = (_e156 ? 5u : 4u);
    if (_e162) {
        atomic_xchg(&status[0], _e165);
        return;
    }
    const ulong _e168 = as_ulong(_e149);
    const ulong _e171 = atom_and(&buffer0_[min((uint)(_e158), _lim_1)], _e168);
    const long _e172 = as_long(_e171);
    const int _e174 = local3_;
    const uint _e178 = params.zero;
    const long _e179 = as_long((ulong)(_e178));
    const long _e180 = (1L | _e179);
    const int _e182 = local0_;
    const uint _e183 = as_uint(_e182);
    const ulong _e184 = ((ulong)(_e183));
    const long _e185 = as_long(_e184);
    const uint _e186 = ((uint)(_e185));
    const uint _e188 = (_e186 & 63u);
    const long _e189 = as_long(as_ulong(_e180) << (_e188 & 63u));
    const int _e191 = as_int(as_uint(_e174) + as_uint(48));
    const uint _e192 = as_uint(_e191);
    const uint _e194 = (_e192 & 7u);
    const bool _e196 = (_e194 != 0u);
    const uint _e198 = (_e192 >> (3u & 31u));
    const uint _e200 = _len_1;
    const bool _e201 = (_e198 >= _e200);
    const bool _e202 = (_e196 || _e201);
    const uint _e205 = (_e196 ? 5u : 4u);
    if (_e202) {
        atomic_xchg(&status[0], _e205);
        return;
    }
    const ulong _e208 = as_ulong(_e189);
    const ulong _e211 = atom_or(&buffer0_[min((uint)(_e198), _lim_1)], _e208);
    const long _e212 = as_long(_e211);
    const int _e214 = local3_;
    const uint _e218 = params.zero;
    const long _e219 = as_long((ulong)(_e218));
    const long _e220 = (21845L | _e219);
    const int _e222 = as_int(as_uint(_e214) + as_uint(56));
    const uint _e223 = as_uint(_e222);
    const uint _e225 = (_e223 & 7u);
    const bool _e227 = (_e225 != 0u);
    const uint _e229 = (_e223 >> (3u & 31u));
    const uint _e231 = _len_1;
    const bool _e232 = (_e229 >= _e231);
    const bool _e233 = (_e227 || _e232);
    const uint _e236 = (_e227 ? 5u : 4u);
    if (_e233) {
        atomic_xchg(&status[0], _e236);
        return;
    }
    const ulong _e239 = as_ulong(_e220);
    const ulong _e242 = atom_xor(&buffer0_[min((uint)(_e229), _lim_1)], _e239);
    const long _e243 = as_long(_e242);
    const int _e245 = local3_;
    const int _e247 = local0_;
    const uint _e248 = as_uint(_e247);
    const ulong _e249 = ((ulong)(_e248));
    const long _e250 = as_long(_e249);
    const int _e252 = as_int(as_uint(_e245) + as_uint(64));
    const uint _e253 = as_uint(_e252);
    const uint _e255 = (_e253 & 7u);
    const bool _e257 = (_e255 != 0u);
    const uint _e259 = (_e253 >> (3u & 31u));
    const uint _e261 = _len_1;
    const bool _e262 = (_e259 >= _e261);
    const bool _e263 = (_e257 || _e262);
    const uint _e266 = (_e257 ? 5u : 4u);
    if (_e263) {
        atomic_xchg(&status[0], _e266);
        return;
    }
    const ulong _e269 = as_ulong(_e250);
    const ulong _e272 = atom_xchg(&buffer0_[min((uint)(_e259), _lim_1)], _e269);
    const long _e273 = as_long(_e272);
    local8_ = _e273;
    const int _e276 = local3_;
    const uint _e280 = params.zero;
    const long _e281 = as_long((ulong)(_e280));
    const long _e282 = (0L | _e281);
    const uint _e286 = params.zero;
    const long _e287 = as_long((ulong)(_e286));
    const long _e288 = (4294967296L | _e287);
    const int _e290 = as_int(as_uint(_e276) + as_uint(72));
    const uint _e291 = as_uint(_e290);
    const uint _e293 = (_e291 & 7u);
    const bool _e295 = (_e293 != 0u);
    const uint _e297 = (_e291 >> (3u & 31u));
    const uint _e299 = _len_1;
    const bool _e300 = (_e297 >= _e299);
    const bool _e301 = (_e295 || _e300);
    const uint _e304 = (_e295 ? 5u : 4u);
    if (_e301) {
        atomic_xchg(&status[0], _e304);
        return;
    }
    const ulong _e307 = as_ulong(_e288);
    const ulong _e308 = as_ulong(_e282);
    for (;;) {
        const uint _e312 = loop_budget;
        const bool _e314 = (_e312 == 0u);
        if (_e314) {
            const uint _e317 = params.budget;
            const bool _e319 = (_e317 != 4294967295u);
            if (_e319) {
                atomic_xchg(&status[0], 9u);
                return;
            }
            loop_budget = 4294967295u;
        }
        const uint _e325 = loop_budget;
        const uint _e327 = (_e325 - 1u);
        loop_budget = _e327;
        const ulong _e329_old = atom_cmpxchg(&buffer0_[min((uint)(_e297), _lim_1)], _e308, _e307);
        const gen__atomic_compare_exchange_result_Uint_8_ _e329 = { _e329_old, _e329_old == _e308 };
        const ulong _e330 = _e329.old_value;
        const bool _e331 = _e329.exchanged;
        cmpxchg_old = _e330;
        const bool _e333 = (_e330 != _e308);
        const bool _e334 = (_e331 || _e333);
        if (_e334) {
            break;
        }
    }
    const ulong _e336 = cmpxchg_old;
    const long _e337 = as_long(_e336);
    const int _e339 = local3_;
    const uint _e343 = params.zero;
    const long _e344 = as_long((ulong)(_e343));
    const long _e345 = ((-1L) | _e344);
    const int _e347 = as_int(as_uint(_e339) + as_uint(80));
    const uint _e348 = as_uint(_e347);
    const uint _e350 = (_e348 & 7u);
    const bool _e352 = (_e350 != 0u);
    const uint _e354 = (_e348 >> (3u & 31u));
    const uint _e356 = _len_1;
    const bool _e357 = (_e354 >= _e356);
    const bool _e358 = (_e352 || _e357);
    const uint _e361 = (_e352 ? 5u : 4u);
    if (_e358) {
        atomic_xchg(&status[0], _e361);
        return;
    }
    const ulong _e364 = as_ulong(_e345);
    atom_xchg(&buffer0_[min((uint)(_e354), _lim_1)], _e364);
    const int _e368 = local5_;
    const int _e370 = local0_;
    const uint _e372 = as_uint(3);
    const uint _e374 = (_e372 & 31u);
    const int _e375 = as_int(as_uint(_e370) << (_e374 & 31u));
    const int _e376 = as_int(as_uint(_e368) + as_uint(_e375));
    const long _e378 = local8_;
    const int _e380 = local3_;
    const int _e382 = as_int(as_uint(_e380) + as_uint(8));
    const uint _e383 = as_uint(_e382);
    const uint _e385 = (_e383 & 7u);
    const bool _e387 = (_e385 != 0u);
    const uint _e389 = (_e383 >> (3u & 31u));
    const uint _e391 = _len_1;
    const bool _e392 = (_e389 >= _e391);
    const bool _e393 = (_e387 || _e392);
    const uint _e396 = (_e387 ? 5u : 4u);
    if (_e393) {
        atomic_xchg(&status[0], _e396);
        return;
    }
    const ulong _e401 = buffer0_[min((uint)(_e389), _lim_1)];
    const long _e402 = as_long(_e401);
    const ulong _e403 = as_ulong(_e402);
    const ulong _e404 = _e403;
    const long _e405 = as_long(_e404);
    const int _e407 = local3_;
    const int _e409 = as_int(as_uint(_e407) + as_uint(0));
    const uint _e410 = as_uint(_e409);
    const uint _e412 = (_e410 & 7u);
    const bool _e414 = (_e412 != 0u);
    const uint _e416 = (_e410 >> (3u & 31u));
    const uint _e418 = _len_1;
    const bool _e419 = (_e416 >= _e418);
    const bool _e420 = (_e414 || _e419);
    const uint _e423 = (_e414 ? 5u : 4u);
    if (_e420) {
        atomic_xchg(&status[0], _e423);
        return;
    }
    const ulong _e428 = buffer0_[min((uint)(_e416), _lim_1)];
    const long _e429 = as_long(_e428);
    const ulong _e430 = as_ulong(_e429);
    const ulong _e431 = _e430;
    const long _e432 = as_long(_e431);
    const long _e433 = as_long(as_ulong(_e405) + as_ulong(_e432));
    const long _e434 = as_long(as_ulong(_e378) + as_ulong(_e433));
    const int _e436 = as_int(as_uint(_e376) + as_uint(0));
    const uint _e437 = as_uint(_e436);
    const uint _e439 = (_e437 & 7u);
    const bool _e441 = (_e439 != 0u);
    const uint _e443 = (_e437 >> (3u & 31u));
    const uint _e445 = _len_2;
    const bool _e446 = (_e443 >= _e445);
    const bool _e447 = (_e441 || _e446);
    const uint _e450 = (_e441 ? 5u : 4u);
    if (_e447) {
        atomic_xchg(&status[0], _e450);
        return;
    }
    buffer1_[min((uint)(_e443), _lim_2)] = _e434;
}
