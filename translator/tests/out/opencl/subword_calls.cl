// OpenCL C written by wasi-parallel-translator from naga IR.
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    uint num_iterations;
    uint block_size;
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
    local3_ = 0;
    const uint _e24 = _len_1;
    const uint _e26 = (_e24 * 4u);
    const int _e27 = as_int(_e26);
    local4_ = _e27;
    local5_ = 0;
    const uint _e32 = _len_2;
    const uint _e34 = (_e32 * 4u);
    const int _e35 = as_int(_e34);
    local6_ = _e35;
    local9_ = 4096;
    local12_ = 3;
    const int _e42 = local9_;
    const int _e44 = as_int(as_uint(_e42) - as_uint(16));
    local9_ = _e44;
    const int _e47 = local3_;
    const int _e49 = local0_;
    const uint _e51 = as_uint(2);
    const uint _e53 = (_e51 & 31u);
    const int _e54 = as_int(as_uint(_e49) << (_e53 & 31u));
    const int _e55 = as_int(as_uint(_e47) + as_uint(_e54));
    const int _e57 = as_int(as_uint(_e55) + as_uint(2));
    const uint _e58 = as_uint(_e57);
    const uint _e60 = (_e58 & 1u);
    const bool _e62 = (_e60 != 0u);
    if (_e62) {
        status[0] = 5u;
        return;
    }
    const uint _e67 = (_e58 >> (2u & 31u));
    const uint _e69 = _len_1;
    const bool _e70 = (_e67 >= _e69);
    if (_e70) {
        status[0] = 4u;
        return;
    }
    const int _e76 = buffer0_[min((uint)(_e67), _lim_1)];
    const uint _e77 = as_uint(_e76);
    const uint _e79 = (_e58 & 3u);
    const uint _e81 = (_e79 * 8u);
    const uint _e82 = (_e77 >> (_e81 & 31u));
    const uint _e84 = (_e82 << (16u & 31u));
    const int _e85 = as_int(_e84);
    const int _e86 = (_e85 >> (16u & 31u));
    local7_ = _e86;
    const int _e89 = local5_;
    const int _e91 = local0_;
    const uint _e93 = as_uint(3);
    const uint _e95 = (_e93 & 31u);
    const int _e96 = as_int(as_uint(_e91) << (_e95 & 31u));
    const int _e97 = as_int(as_uint(_e89) + as_uint(_e96));
    local8_ = _e97;
    const int _e100 = local8_;
    const int _e102 = local7_;
    local10_ = _e102;
    local11_ = 0;
    for (;;) {
        for (;;) {
            const int _e107 = local10_;
            const int _e109 = local11_;
            const uint _e111 = as_uint(3);
            const uint _e113 = (_e111 & 31u);
            const int _e114 = as_int(as_uint(_e109) << (_e113 & 31u));
            const uint _e115 = as_uint(_e114);
            const uint _e117 = (_e115 & 31u);
            const uint _e118 = as_uint(_e107);
            const uint _e119 = (_e118 >> (_e117 & 31u));
            const int _e120 = as_int(_e119);
            const int _e122 = (_e120 & 255);
            const bool _e124 = (_e122 == 0);
            const int _e127 = (_e124 ? 1 : 0);
            const bool _e129 = (_e127 != 0);
            for (;;) {
                if (_e129) {
                    const int _e131 = local11_;
                    local_ = _e131;
                    branch_counter = 2u;
                    break;
                }
                break;
            }
            const uint _e136 = branch_counter;
            const bool _e138 = (_e136 != 0u);
            const uint _e140 = (_e136 - 1u);
            const bool _e141 = (_e140 == 0u);
            if (_e138) {
                branch_counter = _e140;
                if (_e141) {
                    continue;
                } else {
                    break;
                }
            }
            const int _e144 = local11_;
            const int _e146 = as_int(as_uint(_e144) + as_uint(1));
            local11_ = _e146;
            const int _e149 = local11_;
            const uint _e151 = as_uint(_e149);
            const uint _e152 = as_uint(4);
            const bool _e153 = (_e151 < _e152);
            const int _e156 = (_e153 ? 1 : 0);
            const bool _e158 = (_e156 != 0);
            if (_e158) {
                continue;
            }
            break;
        }
        const uint _e160 = branch_counter;
        const bool _e162 = (_e160 != 0u);
        const uint _e164 = (_e160 - 1u);
        const bool _e165 = (_e164 == 0u);
        if (_e162) {
            branch_counter = _e164;
            if (_e165) {
                break;
            } else {
                break;
            }
        }
        local_ = (-1);
        break;
    }
    const int _e170 = local_;
    const int _e172 = as_int(as_uint(_e100) + as_uint(0));
    const uint _e173 = as_uint(_e172);
    const uint _e175 = (_e173 >> (2u & 31u));
    const uint _e177 = _len_2;
    const bool _e178 = (_e175 >= _e177);
    if (_e178) {
        status[0] = 4u;
        return;
    }
    const uint _e184 = as_uint(_e170);
    const uint _e186 = (_e184 & 255u);
    const uint _e188 = (_e173 & 3u);
    const uint _e190 = (_e188 * 8u);
    const uint _e191 = (255u << (_e190 & 31u));
    const uint _e192 = (~_e191);
    const uint _e193 = (_e186 << (_e190 & 31u));
    atomic_and(&buffer1_[min((uint)(_e175), _lim_2)], _e192);
    atomic_or(&buffer1_[min((uint)(_e175), _lim_2)], _e193);
    const int _e195 = local8_;
    const int _e197 = local7_;
    const int _e199 = local12_;
    const int _e200 = as_int(as_uint(_e197) * as_uint(_e199));
    const int _e202 = as_int(as_uint(_e195) + as_uint(2));
    const uint _e203 = as_uint(_e202);
    const uint _e205 = (_e203 & 1u);
    const bool _e207 = (_e205 != 0u);
    if (_e207) {
        status[0] = 5u;
        return;
    }
    const uint _e212 = (_e203 >> (2u & 31u));
    const uint _e214 = _len_2;
    const bool _e215 = (_e212 >= _e214);
    if (_e215) {
        status[0] = 4u;
        return;
    }
    const uint _e221 = as_uint(_e200);
    const uint _e223 = (_e221 & 65535u);
    const uint _e225 = (_e203 & 3u);
    const uint _e227 = (_e225 * 8u);
    const uint _e228 = (65535u << (_e227 & 31u));
    const uint _e229 = (~_e228);
    const uint _e230 = (_e223 << (_e227 & 31u));
    atomic_and(&buffer1_[min((uint)(_e212), _lim_2)], _e229);
    atomic_or(&buffer1_[min((uint)(_e212), _lim_2)], _e230);
    const int _e232 = local8_;
    const int _e234 = local8_;
    const int _e236 = as_int(as_uint(_e234) + as_uint(0));
    const uint _e237 = as_uint(_e236);
    const uint _e239 = (_e237 & 7u);
    const bool _e241 = (_e239 != 0u);
    if (_e241) {
        status[0] = 5u;
        return;
    }
    const uint _e246 = (_e237 >> (2u & 31u));
    const uint _e248 = _len_2;
    const uint _e250 = (_e246 + 1u);
    const bool _e251 = (_e250 >= _e248);
    if (_e251) {
        status[0] = 4u;
        return;
    }
    const uint _e257 = buffer1_[min((uint)(_e246), _lim_2)];
    const uint _e259 = (_e246 + 1u);
    const uint _e262 = buffer1_[min((uint)(_e259), _lim_2)];
    const ulong _e263 = ((ulong)(_e257));
    const ulong _e264 = ((ulong)(_e262));
    const ulong _e266 = (_e264 << (32u & 63u));
    const ulong _e267 = (_e263 | _e266);
    const long _e268 = as_long(_e267);
    const int _e270 = local9_;
    const uint _e271 = as_uint(_e270);
    const ulong _e272 = ((ulong)(_e271));
    const long _e273 = as_long(_e272);
    const long _e274 = (_e268 | _e273);
    const int _e276 = as_int(as_uint(_e232) + as_uint(0));
    const uint _e277 = as_uint(_e276);
    const uint _e279 = (_e277 & 7u);
    const bool _e281 = (_e279 != 0u);
    if (_e281) {
        status[0] = 5u;
        return;
    }
    const uint _e286 = (_e277 >> (2u & 31u));
    const uint _e288 = _len_2;
    const uint _e290 = (_e286 + 1u);
    const bool _e291 = (_e290 >= _e288);
    if (_e291) {
        status[0] = 4u;
        return;
    }
    const ulong _e297 = as_ulong(_e274);
    const uint _e298 = ((uint)(_e297));
    const ulong _e300 = (_e297 >> (32u & 63u));
    const uint _e301 = ((uint)(_e300));
    atomic_xchg(&buffer1_[min((uint)(_e286), _lim_2)], _e298);
    const uint _e303 = (_e286 + 1u);
    atomic_xchg(&buffer1_[min((uint)(_e303), _lim_2)], _e301);
    const int _e307 = local8_;
    const int _e309 = local8_;
    const int _e311 = as_int(as_uint(_e309) + as_uint(1));
    const uint _e312 = as_uint(_e311);
    const uint _e314 = (_e312 >> (2u & 31u));
    const uint _e316 = _len_2;
    const bool _e317 = (_e314 >= _e316);
    if (_e317) {
        status[0] = 4u;
        return;
    }
    const uint _e323 = buffer1_[min((uint)(_e314), _lim_2)];
    const uint _e325 = (_e312 & 3u);
    const uint _e327 = (_e325 * 8u);
    const uint _e328 = (_e323 >> (_e327 & 31u));
    const uint _e330 = (_e328 << (24u & 31u));
    const uint _e331 = (_e330 >> (24u & 31u));
    const int _e332 = as_int(_e331);
    const int _e334 = as_int(as_uint(_e307) + as_uint(4));
    const uint _e335 = as_uint(_e334);
    const uint _e337 = (_e335 & 3u);
    const bool _e339 = (_e337 != 0u);
    if (_e339) {
        status[0] = 5u;
        return;
    }
    const uint _e344 = (_e335 >> (2u & 31u));
    const uint _e346 = _len_2;
    const bool _e347 = (_e344 >= _e346);
    if (_e347) {
        status[0] = 4u;
        return;
    }
    const uint _e353 = as_uint(_e332);
    atomic_xchg(&buffer1_[min((uint)(_e344), _lim_2)], _e353);
    const int _e355 = local9_;
    const int _e357 = as_int(as_uint(_e355) + as_uint(16));
    local9_ = _e357;
}
