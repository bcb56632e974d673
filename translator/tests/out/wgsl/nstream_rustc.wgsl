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
                    loop_budget = (_e268 - 1u);
                    let _e273 = local4_;
                    let _e275 = local8_;
                    let _e276 = (_e273 + _e275);
                    local6_ = _e276;
                    let _e279 = local6_;
                    let _e282 = bitcast<u32>((_e279 + 0i));
                    let _e286 = ((_e282 & 7u) != 0u);
                    let _e288 = (_e282 >> 3u);
                    if (_e286 || (_e288 >= arrayLength((&buffer2_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e286));
                        return;
                    }
                    let _e300 = buffer2_[_e288];
                    let _e302 = local0_;
                    let _e304 = local8_;
                    let _e305 = (_e302 + _e304);
                    local12_ = _e305;
                    let _e309 = bitcast<u32>((_e305 + 0i));
                    let _e313 = ((_e309 & 7u) != 0u);
                    let _e315 = (_e309 >> 3u);
                    if (_e313 || (_e315 >= arrayLength((&buffer0_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e313));
                        return;
                    }
                    let _e327 = buffer0_[_e315];
                    let _e329 = local2_;
                    let _e331 = local8_;
                    let _e332 = (_e329 + _e331);
                    local13_ = _e332;
                    let _e336 = bitcast<u32>((_e332 + 0i));
                    let _e340 = ((_e336 & 7u) != 0u);
                    let _e342 = (_e336 >> 3u);
                    if (_e340 || (_e342 >= arrayLength((&buffer1_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e340));
                        return;
                    }
                    let _e354 = buffer1_[_e342];
                    let _e358 = params.zero;
                    let _e367 = bitcast<u32>((_e276 + 0i));
                    let _e371 = ((_e367 & 7u) != 0u);
                    let _e373 = (_e367 >> 3u);
                    if (_e371 || (_e373 >= arrayLength((&buffer2_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e371));
                        return;
                    }
                    buffer2_[_e373] = (_e300 + (_e327 + (_e354 * bitcast<f64>((4613937818241073152lu | u64(_e358))))));
                    let _e386 = local6_;
                    let _e388 = (_e386 + 8i);
                    local6_ = _e388;
                    let _e391 = local6_;
                    let _e394 = bitcast<u32>((_e391 + 0i));
                    let _e398 = ((_e394 & 7u) != 0u);
                    let _e400 = (_e394 >> 3u);
                    if (_e398 || (_e400 >= arrayLength((&buffer2_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e398));
                        return;
                    }
                    let _e412 = buffer2_[_e400];
                    let _e414 = local12_;
                    let _e419 = bitcast<u32>(((_e414 + 8i) + 0i));
                    let _e423 = ((_e419 & 7u) != 0u);
                    let _e425 = (_e419 >> 3u);
                    if (_e423 || (_e425 >= arrayLength((&buffer0_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e423));
                        return;
                    }
                    let _e437 = buffer0_[_e425];
                    let _e439 = local13_;
                    let _e444 = bitcast<u32>(((_e439 + 8i) + 0i));
                    let _e448 = ((_e444 & 7u) != 0u);
                    let _e450 = (_e444 >> 3u);
                    if (_e448 || (_e450 >= arrayLength((&buffer1_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e448));
                        return;
                    }
                    let _e462 = buffer1_[_e450];
                    let _e466 = params.zero;
                    let _e475 = bitcast<u32>((_e388 + 0i));
                    let _e479 = ((_e475 & 7u) != 0u);
                    let _e481 = (_e475 >> 3u);
                    if (_e479 || (_e481 >= arrayLength((&buffer2_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e479));
                        return;
                    }
                    buffer2_[_e481] = (_e412 + (_e437 + (_e462 * bitcast<f64>((4613937818241073152lu | u64(_e466))))));
                    let _e494 = local0_;
                    local0_ = (_e494 + 16i);
                    let _e499 = local2_;
                    local2_ = (_e499 + 16i);
                    let _e504 = local4_;
                    local4_ = (_e504 + 16i);
                    let _e509 = local11_;
                    let _e511 = local9_;
                    let _e513 = (_e511 + 2i);
                    local9_ = _e513;
                    if (select(0i, 1i, (_e509 != _e513)) != 0i) {
                        continue;
                    }
                    break;
                }
                let _e522 = local10_;
                if (select(0i, 1i, (_e522 == 0i)) != 0i) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            let _e533 = branch_counter;
            let _e537 = (_e533 - 1u);
            if (_e533 != 0u) {
                branch_counter = _e537;
                if (_e537 == 0u) {
                    break;
                } else {
                    break;
                }
            }
            let _e541 = local7_;
            let _e543 = local8_;
            let _e546 = local9_;
            let _e551 = (_e546 << (bitcast<u32>(3i) & 31u));
            local0_ = _e551;
            let _e553 = ((_e541 + _e543) + _e551);
            local2_ = _e553;
            let _e556 = local2_;
            let _e559 = bitcast<u32>((_e556 + 0i));
            let _e563 = ((_e559 & 7u) != 0u);
            let _e565 = (_e559 >> 3u);
            if (_e563 || (_e565 >= arrayLength((&buffer2_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e563));
                return;
            }
            let _e577 = buffer2_[_e565];
            let _e579 = local3_;
            let _e581 = local8_;
            let _e584 = local0_;
            let _e588 = bitcast<u32>((((_e579 + _e581) + _e584) + 0i));
            let _e592 = ((_e588 & 7u) != 0u);
            let _e594 = (_e588 >> 3u);
            if (_e592 || (_e594 >= arrayLength((&buffer0_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e592));
                return;
            }
            let _e606 = buffer0_[_e594];
            let _e608 = local5_;
            let _e610 = local8_;
            let _e613 = local0_;
            let _e617 = bitcast<u32>((((_e608 + _e610) + _e613) + 0i));
            let _e621 = ((_e617 & 7u) != 0u);
            let _e623 = (_e617 >> 3u);
            if (_e621 || (_e623 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e621));
                return;
            }
            let _e635 = buffer1_[_e623];
            let _e639 = params.zero;
            let _e648 = bitcast<u32>((_e553 + 0i));
            let _e652 = ((_e648 & 7u) != 0u);
            let _e654 = (_e648 >> 3u);
            if (_e652 || (_e654 >= arrayLength((&buffer2_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e652));
                return;
            }
            buffer2_[_e654] = (_e577 + (_e606 + (_e635 * bitcast<f64>((4613937818241073152lu | u64(_e639))))));
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
