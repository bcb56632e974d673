struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
    budget: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage> buffer0_: array<i32>;
@group(0) @binding(2) 
var<storage, read_write> buffer1_: array<atomic<u32>>;
@group(0) @binding(3) 
var<storage, read_write> status: array<atomic<u32>>;

@compute @workgroup_size(64, 1, 1) 
fn main(@builtin(global_invocation_id) global_id: vec3<u32>, @builtin(num_workgroups) num_workgroups: vec3<u32>) {
    var branch_counter: u32;
    var loop_budget: u32;
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
    let _e17 = atomicLoad((&status[0]));
    if (_e17 != 0u) {
        return;
    }
    local0_ = bitcast<i32>(_e8);
    local1_ = bitcast<i32>(_e11);
    local2_ = bitcast<i32>(_e13);
    let _e29 = params.zero;
    local7_ = (0i | i32(_e29));
    let _e36 = params.zero;
    local8_ = (0i | i32(_e36));
    let _e43 = params.zero;
    local9_ = (0i | i32(_e43));
    let _e50 = params.zero;
    local10_ = (0i | i32(_e50));
    let _e57 = params.zero;
    local11_ = (0i | i32(_e57));
    let _e64 = params.zero;
    local12_ = (0i | i32(_e64));
    let _e70 = params.budget;
    loop_budget = _e70;
    local9_ = 4096i;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    local12_ = 3i;
    let _e93 = local9_;
    local9_ = (_e93 - 16i);
    let _e98 = local3_;
    let _e100 = local0_;
    let _e109 = bitcast<u32>(((_e98 + (_e100 << (bitcast<u32>(2i) & 31u))) + 2i));
    if ((_e109 & 1u) != 0u) {
        atomicStore((&status[0]), 5u);
        return;
    }
    let _e118 = (_e109 >> 2u);
    if (_e118 >= arrayLength((&buffer0_))) {
        atomicStore((&status[0]), 4u);
        return;
    }
    let _e127 = buffer0_[_e118];
    local7_ = (bitcast<i32>(((bitcast<u32>(_e127) >> ((_e109 & 3u) * 8u)) << 16u)) >> 16u);
    let _e140 = local5_;
    let _e142 = local0_;
    local8_ = (_e140 + (_e142 << (bitcast<u32>(3i) & 31u)));
    let _e151 = local8_;
    let _e153 = local7_;
    local10_ = _e153;
    local11_ = 0i;
    loop {
        loop {
            let _e158 = loop_budget;
            if (_e158 == 0u) {
                let _e163 = params.budget;
                if (_e163 != 4294967295u) {
                    atomicStore((&status[0]), 9u);
                    return;
                }
                loop_budget = 4294967295u;
            }
            let _e171 = loop_budget;
            let _e173 = (_e171 - 1u);
            loop_budget = _e173;
            if ((_e173 & 1023u) == 0u) {
                let _e181 = atomicLoad((&status[0]));
                if (_e181 != 0u) {
                    return;
                }
            }
            let _e185 = local10_;
            let _e187 = local11_;
            loop {
                if (select(0i, 1i, ((bitcast<i32>((bitcast<u32>(_e185) >> (bitcast<u32>((_e187 << (bitcast<u32>(3i) & 31u))) & 31u))) & 255i) == 0i)) != 0i) {
                    let _e209 = local11_;
                    local = _e209;
                    branch_counter = 2u;
                    break;
                }
                break;
            }
            let _e214 = branch_counter;
            let _e218 = (_e214 - 1u);
            if (_e214 != 0u) {
                branch_counter = _e218;
                if (_e218 == 0u) {
                    continue;
                } else {
                    break;
                }
            }
            let _e222 = local11_;
            local11_ = (_e222 + 1i);
            let _e227 = local11_;
            if (select(0i, 1i, (bitcast<u32>(_e227) < bitcast<u32>(4i))) != 0i) {
                continue;
            }
            break;
        }
        let _e238 = branch_counter;
        let _e242 = (_e238 - 1u);
        if (_e238 != 0u) {
            branch_counter = _e242;
            if (_e242 == 0u) {
                break;
            } else {
                break;
            }
        }
        local = -1i;
        break;
    }
    let _e248 = local;
    let _e251 = bitcast<u32>((_e151 + 0i));
    let _e253 = (_e251 >> 2u);
    if (_e253 >= arrayLength((&buffer1_))) {
        atomicStore((&status[0]), 4u);
        return;
    }
    let _e268 = ((_e251 & 3u) * 8u);
    atomicAnd((&buffer1_[_e253]), ~((255u << _e268)));
    atomicOr((&buffer1_[_e253]), ((bitcast<u32>(_e248) & 255u) << _e268));
    let _e273 = local8_;
    let _e275 = local7_;
    let _e277 = local12_;
    let _e281 = bitcast<u32>((_e273 + 2i));
    if ((_e281 & 1u) != 0u) {
        atomicStore((&status[0]), 5u);
        return;
    }
    let _e290 = (_e281 >> 2u);
    if (_e290 >= arrayLength((&buffer1_))) {
        atomicStore((&status[0]), 4u);
        return;
    }
    let _e305 = ((_e281 & 3u) * 8u);
    atomicAnd((&buffer1_[_e290]), ~((65535u << _e305)));
    atomicOr((&buffer1_[_e290]), ((bitcast<u32>((_e275 * _e277)) & 65535u) << _e305));
    let _e310 = local9_;
    let _e312 = local7_;
    let _e317 = (bitcast<u32>((_e310 + 3i)) - 4294955008u);
    let _e319 = (_e317 >> 2u);
    if (_e319 >= 4096u) {
        atomicStore((&status[0]), 4u);
        return;
    }
    let _e333 = ((_e317 & 3u) * 8u);
    let _e337 = stack[_e319];
    stack[_e319] = ((_e337 & ~((255u << _e333))) | ((bitcast<u32>(_e312) & 255u) << _e333));
    let _e341 = local8_;
    let _e343 = local8_;
    let _e346 = bitcast<u32>((_e343 + 0i));
    if ((_e346 & 7u) != 0u) {
        atomicStore((&status[0]), 5u);
        return;
    }
    let _e355 = (_e346 >> 2u);
    if ((_e355 + 1u) >= arrayLength((&buffer1_))) {
        atomicStore((&status[0]), 4u);
        return;
    }
    let _e366 = atomicLoad((&buffer1_[_e355]));
    let _e371 = atomicLoad((&buffer1_[(_e355 + 1u)]));
    let _e379 = local9_;
    let _e384 = (bitcast<u32>((_e379 + 0i)) - 4294955008u);
    if ((_e384 & 3u) != 0u) {
        atomicStore((&status[0]), 5u);
        return;
    }
    let _e393 = (_e384 >> 2u);
    if (_e393 >= 4096u) {
        atomicStore((&status[0]), 4u);
        return;
    }
    let _e401 = stack[_e393];
    let _e409 = bitcast<u32>((_e341 + 0i));
    if ((_e409 & 7u) != 0u) {
        atomicStore((&status[0]), 5u);
        return;
    }
    let _e418 = (_e409 >> 2u);
    if ((_e418 + 1u) >= arrayLength((&buffer1_))) {
        atomicStore((&status[0]), 4u);
        return;
    }
    let _e429 = bitcast<u64>((bitcast<i64>((u64(_e366) | (u64(_e371) << 32u))) | bitcast<i64>(u64(bitcast<u32>(bitcast<i32>(_e401))))));
    atomicStore((&buffer1_[_e418]), u32(_e429));
    atomicStore((&buffer1_[(_e418 + 1u)]), u32((_e429 >> 32u)));
    let _e439 = local8_;
    let _e441 = local8_;
    let _e444 = bitcast<u32>((_e441 + 1i));
    let _e446 = (_e444 >> 2u);
    if (_e446 >= arrayLength((&buffer1_))) {
        atomicStore((&status[0]), 4u);
        return;
    }
    let _e455 = atomicLoad((&buffer1_[_e446]));
    let _e467 = bitcast<u32>((_e439 + 4i));
    if ((_e467 & 3u) != 0u) {
        atomicStore((&status[0]), 5u);
        return;
    }
    let _e476 = (_e467 >> 2u);
    if (_e476 >= arrayLength((&buffer1_))) {
        atomicStore((&status[0]), 4u);
        return;
    }
    atomicStore((&buffer1_[_e476]), bitcast<u32>(bitcast<i32>((((_e455 >> ((_e444 & 3u) * 8u)) << 24u) >> 24u))));
    let _e487 = local9_;
    local9_ = (_e487 + 16i);
}
