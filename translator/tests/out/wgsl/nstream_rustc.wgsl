struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
    budget: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage> buffer0_: array<f64>;
@group(0) @binding(2) 
var<storage> buffer1_: array<f64>;
@group(0) @binding(3) 
var<storage, read_write> buffer2_: array<f64>;
@group(0) @binding(4) 
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
    var local13_: i32;

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
    local9_ = (0i | i32(_e29));
    let _e36 = params.zero;
    local10_ = (0i | i32(_e36));
    let _e43 = params.zero;
    local11_ = (0i | i32(_e43));
    let _e50 = params.zero;
    local12_ = (0i | i32(_e50));
    let _e57 = params.zero;
    local13_ = (0i | i32(_e57));
    let _e63 = params.budget;
    loop_budget = _e63;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 8u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 8u));
    local7_ = 0i;
    local8_ = bitcast<i32>((arrayLength((&buffer2_)) * 8u));
    loop {
        let _e90 = local6_;
        let _e97 = bitcast<i32>((bitcast<u32>(_e90) >> (bitcast<u32>(3i) & 31u)));
        local6_ = _e97;
        let _e100 = local4_;
        let _e107 = bitcast<i32>((bitcast<u32>(_e100) >> (bitcast<u32>(3i) & 31u)));
        local4_ = _e107;
        let _e110 = local8_;
        let _e117 = bitcast<i32>((bitcast<u32>(_e110) >> (bitcast<u32>(3i) & 31u)));
        local8_ = _e117;
        let _e120 = local8_;
        let _e122 = local2_;
        let _e124 = local0_;
        let _e125 = (_e122 * _e124);
        local0_ = _e125;
        let _e128 = local8_;
        let _e130 = local0_;
        let _e139 = select(_e125, _e120, (select(0i, 1i, (bitcast<u32>(_e128) < bitcast<u32>(_e130))) != 0i));
        local0_ = _e139;
        let _e142 = local2_;
        let _e143 = (_e139 + _e142);
        local2_ = _e143;
        let _e146 = local8_;
        let _e148 = local2_;
        let _e157 = select(_e143, _e117, (select(0i, 1i, (bitcast<u32>(_e146) < bitcast<u32>(_e148))) != 0i));
        local2_ = _e157;
        let _e160 = local4_;
        let _e162 = local2_;
        let _e171 = select(_e157, _e107, (select(0i, 1i, (bitcast<u32>(_e160) < bitcast<u32>(_e162))) != 0i));
        local2_ = _e171;
        let _e174 = local6_;
        let _e176 = local2_;
        let _e185 = select(_e171, _e97, (select(0i, 1i, (bitcast<u32>(_e174) < bitcast<u32>(_e176))) != 0i));
        local2_ = _e185;
        let _e188 = local0_;
        if (select(0i, 1i, (bitcast<u32>(_e185) < bitcast<u32>(_e188))) != 0i) {
            break;
        }
        loop {
            let _e198 = local2_;
            let _e200 = local0_;
            if (select(0i, 1i, (_e198 == _e200)) != 0i) {
                break;
            }
            let _e208 = local0_;
            local8_ = (_e208 << (bitcast<u32>(3i) & 31u));
            local9_ = 0i;
            loop {
                let _e218 = local2_;
                let _e220 = local0_;
                if (select(0i, 1i, (_e218 == (_e220 + 1i))) != 0i) {
                    break;
                }
                let _e230 = local2_;
                let _e232 = local0_;
                let _e233 = (_e230 - _e232);
                local0_ = _e233;
                local10_ = (_e233 & 1i);
                let _e239 = local0_;
                local11_ = (_e239 & 536870910i);
                local9_ = 0i;
                let _e246 = local3_;
                local0_ = _e246;
                let _e249 = local5_;
                local2_ = _e249;
                let _e252 = local7_;
                local4_ = _e252;
                loop {
                    let _e255 = loop_budget;
                    if (_e255 == 0u) {
                        let _e260 = params.budget;
                        if (_e260 != 4294967295u) {
                            atomicStore((&status[0]), 9u);
                            return;
                        }
                        loop_budget = 4294967295u;
                    }
                    let _e268 = loop_budget;
                    let _e270 = (_e268 - 1u);
                    loop_budget = _e270;
                    if ((_e270 & 1023u) == 0u) {
                        let _e278 = atomicLoad((&status[0]));
                        if (_e278 != 0u) {
                            return;
                        }
                    }
                    let _e282 = local4_;
                    let _e284 = local8_;
                    let _e285 = (_e282 + _e284);
                    local6_ = _e285;
                    let _e288 = local6_;
                    let _e291 = bitcast<u32>((_e288 + 0i));
                    if ((_e291 & 7u) != 0u) {
                        atomicStore((&status[0]), 5u);
                        return;
                    }
                    let _e300 = (_e291 >> 3u);
                    if (_e300 >= arrayLength((&buffer2_))) {
                        atomicStore((&status[0]), 4u);
                        return;
                    }
                    let _e309 = buffer2_[_e300];
                    let _e311 = local0_;
                    let _e313 = local8_;
                    let _e314 = (_e311 + _e313);
                    local12_ = _e314;
                    let _e318 = bitcast<u32>((_e314 + 0i));
                    if ((_e318 & 7u) != 0u) {
                        atomicStore((&status[0]), 5u);
                        return;
                    }
                    let _e327 = (_e318 >> 3u);
                    if (_e327 >= arrayLength((&buffer0_))) {
                        atomicStore((&status[0]), 4u);
                        return;
                    }
                    let _e336 = buffer0_[_e327];
                    let _e338 = local2_;
                    let _e340 = local8_;
                    let _e341 = (_e338 + _e340);
                    local13_ = _e341;
                    let _e345 = bitcast<u32>((_e341 + 0i));
                    if ((_e345 & 7u) != 0u) {
                        atomicStore((&status[0]), 5u);
                        return;
                    }
                    let _e354 = (_e345 >> 3u);
                    if (_e354 >= arrayLength((&buffer1_))) {
                        atomicStore((&status[0]), 4u);
                        return;
                    }
                    let _e363 = buffer1_[_e354];
                    let _e367 = params.zero;
                    let _e376 = bitcast<u32>((_e285 + 0i));
                    if ((_e376 & 7u) != 0u) {
                        atomicStore((&status[0]), 5u);
                        return;
                    }
                    let _e385 = (_e376 >> 3u);
                    if (_e385 >= arrayLength((&buffer2_))) {
                        atomicStore((&status[0]), 4u);
                        return;
                    }
                    buffer2_[_e385] = (_e309 + (_e336 + (_e363 * bitcast<f64>((4613937818241073152lu | u64(_e367))))));
                    let _e395 = local6_;
                    let _e397 = (_e395 + 8i);
                    local6_ = _e397;
                    let _e400 = local6_;
                    let _e403 = bitcast<u32>((_e400 + 0i));
                    if ((_e403 & 7u) != 0u) {
                        atomicStore((&status[0]), 5u);
                        return;
                    }
                    let _e412 = (_e403 >> 3u);
                    if (_e412 >= arrayLength((&buffer2_))) {
                        atomicStore((&status[0]), 4u);
                        return;
                    }
                    let _e421 = buffer2_[_e412];
                    let _e423 = local12_;
                    let _e428 = bitcast<u32>(((_e423 + 8i) + 0i));
                    if ((_e428 & 7u) != 0u) {
                        atomicStore((&status[0]), 5u);
                        return;
                    }
                    let _e437 = (_e428 >> 3u);
                    if (_e437 >= arrayLength((&buffer0_))) {
                        atomicStore((&status[0]), 4u);
                        return;
                    }
                    let _e446 = buffer0_[_e437];
                    let _e448 = local13_;
                    let _e453 = bitcast<u32>(((_e448 + 8i) + 0i));
                    if ((_e453 & 7u) != 0u) {
                        atomicStore((&status[0]), 5u);
                        return;
                    }
                    let _e462 = (_e453 >> 3u);
                    if (_e462 >= arrayLength((&buffer1_))) {
                        atomicStore((&status[0]), 4u);
                        return;
                    }
                    let _e471 = buffer1_[_e462];
                    let _e475 = params.zero;
                    let _e484 = bitcast<u32>((_e397 + 0i));
                    if ((_e484 & 7u) != 0u) {
                        atomicStore((&status[0]), 5u);
                        return;
                    }
                    let _e493 = (_e484 >> 3u);
                    if (_e493 >= arrayLength((&buffer2_))) {
                        atomicStore((&status[0]), 4u);
                        return;
                    }
                    buffer2_[_e493] = (_e421 + (_e446 + (_e471 * bitcast<f64>((4613937818241073152lu | u64(_e475))))));
                    let _e503 = local0_;
                    local0_ = (_e503 + 16i);
                    let _e508 = local2_;
                    local2_ = (_e508 + 16i);
                    let _e513 = local4_;
                    local4_ = (_e513 + 16i);
                    let _e518 = local11_;
                    let _e520 = local9_;
                    let _e522 = (_e520 + 2i);
                    local9_ = _e522;
                    if (select(0i, 1i, (_e518 != _e522)) != 0i) {
                        continue;
                    }
                    break;
                }
                let _e531 = local10_;
                if (select(0i, 1i, (_e531 == 0i)) != 0i) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            let _e542 = branch_counter;
            let _e546 = (_e542 - 1u);
            if (_e542 != 0u) {
                branch_counter = _e546;
                if (_e546 == 0u) {
                    break;
                } else {
                    break;
                }
            }
            let _e550 = local7_;
            let _e552 = local8_;
            let _e555 = local9_;
            let _e560 = (_e555 << (bitcast<u32>(3i) & 31u));
            local0_ = _e560;
            let _e562 = ((_e550 + _e552) + _e560);
            local2_ = _e562;
            let _e565 = local2_;
            let _e568 = bitcast<u32>((_e565 + 0i));
            if ((_e568 & 7u) != 0u) {
                atomicStore((&status[0]), 5u);
                return;
            }
            let _e577 = (_e568 >> 3u);
            if (_e577 >= arrayLength((&buffer2_))) {
                atomicStore((&status[0]), 4u);
                return;
            }
            let _e586 = buffer2_[_e577];
            let _e588 = local3_;
            let _e590 = local8_;
            let _e593 = local0_;
            let _e597 = bitcast<u32>((((_e588 + _e590) + _e593) + 0i));
            if ((_e597 & 7u) != 0u) {
                atomicStore((&status[0]), 5u);
                return;
            }
            let _e606 = (_e597 >> 3u);
            if (_e606 >= arrayLength((&buffer0_))) {
                atomicStore((&status[0]), 4u);
                return;
            }
            let _e615 = buffer0_[_e606];
            let _e617 = local5_;
            let _e619 = local8_;
            let _e622 = local0_;
            let _e626 = bitcast<u32>((((_e617 + _e619) + _e622) + 0i));
            if ((_e626 & 7u) != 0u) {
                atomicStore((&status[0]), 5u);
                return;
            }
            let _e635 = (_e626 >> 3u);
            if (_e635 >= arrayLength((&buffer1_))) {
                atomicStore((&status[0]), 4u);
                return;
            }
            let _e644 = buffer1_[_e635];
            let _e648 = params.zero;
            let _e657 = bitcast<u32>((_e562 + 0i));
            if ((_e657 & 7u) != 0u) {
                atomicStore((&status[0]), 5u);
                return;
            }
            let _e666 = (_e657 >> 3u);
            if (_e666 >= arrayLength((&buffer2_))) {
                atomicStore((&status[0]), 4u);
                return;
            }
            buffer2_[_e666] = (_e586 + (_e615 + (_e644 * bitcast<f64>((4613937818241073152lu | u64(_e648))))));
            break;
        }
        return;
        break;
    }
    if true {
        atomicStore((&status[0]), 1u);
        return;
    }
}
