struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage> buffer0_: array<i32>;
@group(0) @binding(2) 
var<storage, read_write> buffer1_: array<atomic<u32>>;
@group(0) @binding(3) 
var<storage, read_write> status: array<u32>;

@compute @workgroup_size(64, 1, 1) 
fn main(@builtin(global_invocation_id) global_id: vec3<u32>, @builtin(num_workgroups) num_workgroups: vec3<u32>) {
    var branch_counter: u32;
    var local0_: i32;
    var local1_: i32;
    var local2_: i32;
    var local3_: i32;
    var local4_: i32;
    var local5_: i32;
    var local6_: i32;
    var local7_: i32;
    var local8_: i32;
    var local9_: i32;
    var local10_: i32;
    var local11_: i32;
    var local12_: i32;
    var stack: array<u32, 4096>;
    var local: i32;

    let _e8 = (global_id.x + (global_id.y * (num_workgroups.x * 64u)));
    let _e11 = params.num_iterations;
    let _e13 = params.block_size;
    if (_e8 >= _e11) {
        return;
    }
    local0_ = bitcast<i32>(_e8);
    local1_ = bitcast<i32>(_e11);
    local2_ = bitcast<i32>(_e13);
    let _e24 = params.zero;
    local7_ = (0i | i32(_e24));
    let _e31 = params.zero;
    local8_ = (0i | i32(_e31));
    let _e38 = params.zero;
    local9_ = (0i | i32(_e38));
    let _e45 = params.zero;
    local10_ = (0i | i32(_e45));
    let _e52 = params.zero;
    local11_ = (0i | i32(_e52));
    let _e59 = params.zero;
    local12_ = (0i | i32(_e59));
    local9_ = 4096i;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    local12_ = 3i;
    let _e84 = local9_;
    local9_ = (_e84 - 16i);
    let _e89 = local3_;
    let _e91 = local0_;
    let _e100 = bitcast<u32>(((_e89 + (_e91 << (bitcast<u32>(2i) & 31u))) + 2i));
    if ((_e100 & 1u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e109 = (_e100 >> 2u);
    if (_e109 >= arrayLength((&buffer0_))) {
        status[0] = 4u;
        return;
    }
    let _e118 = buffer0_[_e109];
    local7_ = (bitcast<i32>(((bitcast<u32>(_e118) >> ((_e100 & 3u) * 8u)) << 16u)) >> 16u);
    let _e131 = local5_;
    let _e133 = local0_;
    local8_ = (_e131 + (_e133 << (bitcast<u32>(3i) & 31u)));
    let _e142 = local8_;
    let _e144 = local7_;
    local10_ = _e144;
    local11_ = 0i;
    loop {
        loop {
            let _e149 = local10_;
            let _e151 = local11_;
            loop {
                if (select(0i, 1i, ((bitcast<i32>((bitcast<u32>(_e149) >> (bitcast<u32>((_e151 << (bitcast<u32>(3i) & 31u))) & 31u))) & 255i) == 0i)) != 0i) {
                    let _e173 = local11_;
                    local = _e173;
                    branch_counter = 2u;
                    break;
                }
                break;
            }
            let _e178 = branch_counter;
            let _e182 = (_e178 - 1u);
            if (_e178 != 0u) {
                branch_counter = _e182;
                if (_e182 == 0u) {
                    continue;
                } else {
                    break;
                }
            }
            let _e186 = local11_;
            local11_ = (_e186 + 1i);
            let _e191 = local11_;
            if (select(0i, 1i, (bitcast<u32>(_e191) < bitcast<u32>(4i))) != 0i) {
                continue;
            }
            break;
        }
        let _e202 = branch_counter;
        let _e206 = (_e202 - 1u);
        if (_e202 != 0u) {
            branch_counter = _e206;
            if (_e206 == 0u) {
                break;
            } else {
                break;
            }
        }
        local = -1i;
        break;
    }
    let _e212 = local;
    let _e215 = bitcast<u32>((_e142 + 0i));
    let _e217 = (_e215 >> 2u);
    if (_e217 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    let _e232 = ((_e215 & 3u) * 8u);
    atomicAnd((&buffer1_[_e217]), ~((255u << _e232)));
    atomicOr((&buffer1_[_e217]), ((bitcast<u32>(_e212) & 255u) << _e232));
    let _e237 = local8_;
    let _e239 = local7_;
    let _e241 = local12_;
    let _e245 = bitcast<u32>((_e237 + 2i));
    if ((_e245 & 1u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e254 = (_e245 >> 2u);
    if (_e254 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    let _e269 = ((_e245 & 3u) * 8u);
    atomicAnd((&buffer1_[_e254]), ~((65535u << _e269)));
    atomicOr((&buffer1_[_e254]), ((bitcast<u32>((_e239 * _e241)) & 65535u) << _e269));
    let _e274 = local9_;
    let _e276 = local7_;
    let _e281 = (bitcast<u32>((_e274 + 3i)) - 4294955008u);
    let _e283 = (_e281 >> 2u);
    if (_e283 >= 4096u) {
        status[0] = 4u;
        return;
    }
    let _e297 = ((_e281 & 3u) * 8u);
    let _e301 = stack[_e283];
    stack[_e283] = ((_e301 & ~((255u << _e297))) | ((bitcast<u32>(_e276) & 255u) << _e297));
    let _e305 = local8_;
    let _e307 = local8_;
    let _e310 = bitcast<u32>((_e307 + 0i));
    if ((_e310 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e319 = (_e310 >> 2u);
    if ((_e319 + 1u) >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    let _e330 = atomicLoad((&buffer1_[_e319]));
    let _e335 = atomicLoad((&buffer1_[(_e319 + 1u)]));
    let _e343 = local9_;
    let _e348 = (bitcast<u32>((_e343 + 0i)) - 4294955008u);
    if ((_e348 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e357 = (_e348 >> 2u);
    if (_e357 >= 4096u) {
        status[0] = 4u;
        return;
    }
    let _e365 = stack[_e357];
    let _e373 = bitcast<u32>((_e305 + 0i));
    if ((_e373 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e382 = (_e373 >> 2u);
    if ((_e382 + 1u) >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    let _e393 = bitcast<u64>((bitcast<i64>((u64(_e330) | (u64(_e335) << 32u))) | bitcast<i64>(u64(bitcast<u32>(bitcast<i32>(_e365))))));
    atomicStore((&buffer1_[_e382]), u32(_e393));
    atomicStore((&buffer1_[(_e382 + 1u)]), u32((_e393 >> 32u)));
    let _e403 = local8_;
    let _e405 = local8_;
    let _e408 = bitcast<u32>((_e405 + 1i));
    let _e410 = (_e408 >> 2u);
    if (_e410 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    let _e419 = atomicLoad((&buffer1_[_e410]));
    let _e431 = bitcast<u32>((_e403 + 4i));
    if ((_e431 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e440 = (_e431 >> 2u);
    if (_e440 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    atomicStore((&buffer1_[_e440]), bitcast<u32>(bitcast<i32>((((_e419 >> ((_e408 & 3u) * 8u)) << 24u) >> 24u))));
    let _e451 = local9_;
    local9_ = (_e451 + 16i);
}
