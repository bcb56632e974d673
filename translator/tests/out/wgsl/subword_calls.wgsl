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
    let _e113 = ((_e109 & 1u) != 0u);
    let _e115 = (_e109 >> 2u);
    if (_e113 || (_e115 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e113));
        return;
    }
    let _e127 = buffer0_[_e115];
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
            loop_budget = (_e171 - 1u);
            let _e176 = local10_;
            let _e178 = local11_;
            loop {
                if (select(0i, 1i, ((bitcast<i32>((bitcast<u32>(_e176) >> (bitcast<u32>((_e178 << (bitcast<u32>(3i) & 31u))) & 31u))) & 255i) == 0i)) != 0i) {
                    let _e200 = local11_;
                    local = _e200;
                    branch_counter = 2u;
                    break;
                }
                break;
            }
            let _e205 = branch_counter;
            let _e209 = (_e205 - 1u);
            if (_e205 != 0u) {
                branch_counter = _e209;
                if (_e209 == 0u) {
                    continue;
                } else {
                    break;
                }
            }
            let _e213 = local11_;
            local11_ = (_e213 + 1i);
            let _e218 = local11_;
            if (select(0i, 1i, (bitcast<u32>(_e218) < bitcast<u32>(4i))) != 0i) {
                continue;
            }
            break;
        }
        let _e229 = branch_counter;
        let _e233 = (_e229 - 1u);
        if (_e229 != 0u) {
            branch_counter = _e233;
            if (_e233 == 0u) {
                break;
            } else {
                break;
            }
        }
        local = -1i;
        break;
    }
    let _e239 = local;
    let _e242 = bitcast<u32>((_e151 + 0i));
    let _e244 = (_e242 >> 2u);
    if (_e244 >= arrayLength((&buffer1_))) {
        atomicStore((&status[0]), 4u);
        return;
    }
    let _e257 = ((_e242 & 3u) * 8u);
    atomicAnd((&buffer1_[_e244]), ~((255u << _e257)));
    atomicOr((&buffer1_[_e244]), ((bitcast<u32>(_e239) & 255u) << _e257));
    let _e264 = local8_;
    let _e266 = local7_;
    let _e268 = local12_;
    let _e272 = bitcast<u32>((_e264 + 2i));
    let _e276 = ((_e272 & 1u) != 0u);
    let _e278 = (_e272 >> 2u);
    if (_e276 || (_e278 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e276));
        return;
    }
    let _e294 = ((_e272 & 3u) * 8u);
    atomicAnd((&buffer1_[_e278]), ~((65535u << _e294)));
    atomicOr((&buffer1_[_e278]), ((bitcast<u32>((_e266 * _e268)) & 65535u) << _e294));
    let _e301 = local9_;
    let _e303 = local7_;
    let _e308 = (bitcast<u32>((_e301 + 3i)) - 4294955008u);
    let _e310 = (_e308 >> 2u);
    if (_e310 >= 4096u) {
        atomicStore((&status[0]), 4u);
        return;
    }
    let _e322 = ((_e308 & 3u) * 8u);
    let _e328 = stack[_e310];
    stack[_e310] = ((_e328 & ~((255u << _e322))) | ((bitcast<u32>(_e303) & 255u) << _e322));
    let _e334 = local8_;
    let _e336 = local8_;
    let _e339 = bitcast<u32>((_e336 + 0i));
    let _e343 = ((_e339 & 3u) != 0u);
    let _e345 = (_e339 >> 2u);
    if (_e343 || ((_e345 + 1u) >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e343));
        return;
    }
    let _e359 = atomicLoad((&buffer1_[_e345]));
    let _e364 = atomicLoad((&buffer1_[(_e345 + 1u)]));
    let _e372 = local9_;
    let _e377 = (bitcast<u32>((_e372 + 0i)) - 4294955008u);
    let _e381 = ((_e377 & 3u) != 0u);
    let _e383 = (_e377 >> 2u);
    if (_e381 || (_e383 >= 4096u)) {
        atomicStore((&status[0]), select(4u, 5u, _e381));
        return;
    }
    let _e394 = stack[_e383];
    let _e402 = bitcast<u32>((_e334 + 0i));
    let _e406 = ((_e402 & 3u) != 0u);
    let _e408 = (_e402 >> 2u);
    if (_e406 || ((_e408 + 1u) >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e406));
        return;
    }
    let _e420 = bitcast<u64>((bitcast<i64>((u64(_e359) | (u64(_e364) << 32u))) | bitcast<i64>(u64(bitcast<u32>(bitcast<i32>(_e394))))));
    atomicStore((&buffer1_[_e408]), u32(_e420));
    atomicStore((&buffer1_[(_e408 + 1u)]), u32((_e420 >> 32u)));
    let _e432 = local8_;
    let _e434 = local8_;
    let _e437 = bitcast<u32>((_e434 + 1i));
    let _e439 = (_e437 >> 2u);
    if (_e439 >= arrayLength((&buffer1_))) {
        atomicStore((&status[0]), 4u);
        return;
    }
    let _e448 = atomicLoad((&buffer1_[_e439]));
    let _e460 = bitcast<u32>((_e432 + 4i));
    let _e464 = ((_e460 & 3u) != 0u);
    let _e466 = (_e460 >> 2u);
    if (_e464 || (_e466 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e464));
        return;
    }
    atomicStore((&buffer1_[_e466]), bitcast<u32>(bitcast<i32>((((_e448 >> ((_e437 & 3u) * 8u)) << 24u) >> 24u))));
    let _e480 = local9_;
    local9_ = (_e480 + 16i);
}
