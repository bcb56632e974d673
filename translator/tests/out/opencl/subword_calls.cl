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
    local9_ = 4096;
    local3_ = 0;
    const uint _e26 = _len_1;
    const uint _e28 = (_e26 * 4u);
    const int _e29 = as_int(_e28);
    local4_ = _e29;
    local5_ = 0;
    const uint _e34 = _len_2;
    const uint _e36 = (_e34 * 4u);
    const int _e37 = as_int(_e36);
    local6_ = _e37;
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
    const int _e232 = local9_;
    const int _e234 = local7_;
    const int _e236 = as_int(as_uint(_e232) + as_uint(3));
    const uint _e237 = as_uint(_e236);
    const uint _e239 = (_e237 - 4294955008u);
    const uint _e241 = (_e239 >> (2u & 31u));
    const bool _e243 = (_e241 >= 4096u);
    if (_e243) {
        status[0] = 4u;
        return;
    }
    const uint _e249 = as_uint(_e234);
    const uint _e251 = (_e249 & 255u);
    const uint _e253 = (_e239 & 3u);
    const uint _e255 = (_e253 * 8u);
    const uint _e256 = (255u << (_e255 & 31u));
    const uint _e257 = (~_e256);
    const uint _e258 = (_e251 << (_e255 & 31u));
    const uint _e259 = stack[min((uint)(_e241), 4095u)];
    const uint _e260 = (_e259 & _e257);
    const uint _e261 = (_e260 | _e258);
    stack[min((uint)(_e241), 4095u)] = _e261;
    const int _e263 = local8_;
    const int _e265 = local8_;
    const int _e267 = as_int(as_uint(_e265) + as_uint(0));
    const uint _e268 = as_uint(_e267);
    const uint _e270 = (_e268 & 7u);
    const bool _e272 = (_e270 != 0u);
    if (_e272) {
        status[0] = 5u;
        return;
    }
    const uint _e277 = (_e268 >> (2u & 31u));
    const uint _e279 = _len_2;
    const uint _e281 = (_e277 + 1u);
    const bool _e282 = (_e281 >= _e279);
    if (_e282) {
        status[0] = 4u;
        return;
    }
    const uint _e288 = buffer1_[min((uint)(_e277), _lim_2)];
    const uint _e290 = (_e277 + 1u);
    const uint _e293 = buffer1_[min((uint)(_e290), _lim_2)];
    const ulong _e294 = ((ulong)(_e288));
    const ulong _e295 = ((ulong)(_e293));
    const ulong _e297 = (_e295 << (32u & 63u));
    const ulong _e298 = (_e294 | _e297);
    const long _e299 = as_long(_e298);
    const int _e301 = local9_;
    const int _e303 = as_int(as_uint(_e301) + as_uint(0));
    const uint _e304 = as_uint(_e303);
    const uint _e306 = (_e304 - 4294955008u);
    const uint _e308 = (_e306 & 3u);
    const bool _e310 = (_e308 != 0u);
    if (_e310) {
        status[0] = 5u;
        return;
    }
    const uint _e315 = (_e306 >> (2u & 31u));
    const bool _e317 = (_e315 >= 4096u);
    if (_e317) {
        status[0] = 4u;
        return;
    }
    const uint _e323 = stack[min((uint)(_e315), 4095u)];
    const int _e324 = as_int(_e323);
    const uint _e325 = as_uint(_e324);
    const ulong _e326 = ((ulong)(_e325));
    const long _e327 = as_long(_e326);
    const long _e328 = (_e299 | _e327);
    const int _e330 = as_int(as_uint(_e263) + as_uint(0));
    const uint _e331 = as_uint(_e330);
    const uint _e333 = (_e331 & 7u);
    const bool _e335 = (_e333 != 0u);
    if (_e335) {
        status[0] = 5u;
        return;
    }
    const uint _e340 = (_e331 >> (2u & 31u));
    const uint _e342 = _len_2;
    const uint _e344 = (_e340 + 1u);
    const bool _e345 = (_e344 >= _e342);
    if (_e345) {
        status[0] = 4u;
        return;
    }
    const ulong _e351 = as_ulong(_e328);
    const uint _e352 = ((uint)(_e351));
    const ulong _e354 = (_e351 >> (32u & 63u));
    const uint _e355 = ((uint)(_e354));
    atomic_xchg(&buffer1_[min((uint)(_e340), _lim_2)], _e352);
    const uint _e357 = (_e340 + 1u);
    atomic_xchg(&buffer1_[min((uint)(_e357), _lim_2)], _e355);
    const int _e361 = local8_;
    const int _e363 = local8_;
    const int _e365 = as_int(as_uint(_e363) + as_uint(1));
    const uint _e366 = as_uint(_e365);
    const uint _e368 = (_e366 >> (2u & 31u));
    const uint _e370 = _len_2;
    const bool _e371 = (_e368 >= _e370);
    if (_e371) {
        status[0] = 4u;
        return;
    }
    const uint _e377 = buffer1_[min((uint)(_e368), _lim_2)];
    const uint _e379 = (_e366 & 3u);
    const uint _e381 = (_e379 * 8u);
    const uint _e382 = (_e377 >> (_e381 & 31u));
    const uint _e384 = (_e382 << (24u & 31u));
    const uint _e385 = (_e384 >> (24u & 31u));
    const int _e386 = as_int(_e385);
    const int _e388 = as_int(as_uint(_e361) + as_uint(4));
    const uint _e389 = as_uint(_e388);
    const uint _e391 = (_e389 & 3u);
    const bool _e393 = (_e391 != 0u);
    if (_e393) {
        status[0] = 5u;
        return;
    }
    const uint _e398 = (_e389 >> (2u & 31u));
    const uint _e400 = _len_2;
    const bool _e401 = (_e398 >= _e400);
    if (_e401) {
        status[0] = 4u;
        return;
    }
    const uint _e407 = as_uint(_e386);
    atomic_xchg(&buffer1_[min((uint)(_e398), _lim_2)], _e407);
    const int _e409 = local9_;
    const int _e411 = as_int(as_uint(_e409) + as_uint(16));
    local9_ = _e411;
}
