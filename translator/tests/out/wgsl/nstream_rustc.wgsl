struct Params {
    num_iterations: u32,
    block_size: u32,
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
    var local13_: i32;

    let _e8 = (global_id.x + (global_id.y * (num_workgroups.x * 64u)));
    let _e11 = params.num_iterations;
    let _e13 = params.block_size;
    if (_e8 >= _e11) {
        return;
    }
    local0_ = bitcast<i32>(_e8);
    local1_ = bitcast<i32>(_e11);
    local2_ = bitcast<i32>(_e13);
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 8u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 8u));
    local7_ = 0i;
    local8_ = bitcast<i32>((arrayLength((&buffer2_)) * 8u));
    loop {
        let _e46 = local6_;
        let _e53 = bitcast<i32>((bitcast<u32>(_e46) >> (bitcast<u32>(3i) & 31u)));
        local6_ = _e53;
        let _e56 = local4_;
        let _e63 = bitcast<i32>((bitcast<u32>(_e56) >> (bitcast<u32>(3i) & 31u)));
        local4_ = _e63;
        let _e66 = local8_;
        let _e73 = bitcast<i32>((bitcast<u32>(_e66) >> (bitcast<u32>(3i) & 31u)));
        local8_ = _e73;
        let _e76 = local8_;
        let _e78 = local2_;
        let _e80 = local0_;
        let _e81 = (_e78 * _e80);
        local0_ = _e81;
        let _e84 = local8_;
        let _e86 = local0_;
        let _e95 = select(_e81, _e76, (select(0i, 1i, (bitcast<u32>(_e84) < bitcast<u32>(_e86))) != 0i));
        local0_ = _e95;
        let _e98 = local2_;
        let _e99 = (_e95 + _e98);
        local2_ = _e99;
        let _e102 = local8_;
        let _e104 = local2_;
        let _e113 = select(_e99, _e73, (select(0i, 1i, (bitcast<u32>(_e102) < bitcast<u32>(_e104))) != 0i));
        local2_ = _e113;
        let _e116 = local4_;
        let _e118 = local2_;
        let _e127 = select(_e113, _e63, (select(0i, 1i, (bitcast<u32>(_e116) < bitcast<u32>(_e118))) != 0i));
        local2_ = _e127;
        let _e130 = local6_;
        let _e132 = local2_;
        let _e141 = select(_e127, _e53, (select(0i, 1i, (bitcast<u32>(_e130) < bitcast<u32>(_e132))) != 0i));
        local2_ = _e141;
        let _e144 = local0_;
        if (select(0i, 1i, (bitcast<u32>(_e141) < bitcast<u32>(_e144))) != 0i) {
            break;
        }
        loop {
            let _e154 = local2_;
            let _e156 = local0_;
            if (select(0i, 1i, (_e154 == _e156)) != 0i) {
                break;
            }
            let _e164 = local0_;
            local8_ = (_e164 << (bitcast<u32>(3i) & 31u));
            local9_ = 0i;
            loop {
                let _e174 = local2_;
                let _e176 = local0_;
                if (select(0i, 1i, (_e174 == (_e176 + 1i))) != 0i) {
                    break;
                }
                let _e186 = local2_;
                let _e188 = local0_;
                let _e189 = (_e186 - _e188);
                local0_ = _e189;
                local10_ = (_e189 & 1i);
                let _e195 = local0_;
                local11_ = (_e195 & 536870910i);
                local9_ = 0i;
                let _e202 = local3_;
                local0_ = _e202;
                let _e205 = local5_;
                local2_ = _e205;
                let _e208 = local7_;
                local4_ = _e208;
                loop {
                    let _e211 = local4_;
                    let _e213 = local8_;
                    let _e214 = (_e211 + _e213);
                    local6_ = _e214;
                    let _e217 = local6_;
                    let _e220 = bitcast<u32>((_e217 + 0i));
                    if ((_e220 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e229 = (_e220 >> 3u);
                    if (_e229 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e237 = buffer2_[_e229];
                    let _e239 = local0_;
                    let _e241 = local8_;
                    let _e242 = (_e239 + _e241);
                    local12_ = _e242;
                    let _e246 = bitcast<u32>((_e242 + 0i));
                    if ((_e246 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e255 = (_e246 >> 3u);
                    if (_e255 >= arrayLength((&buffer0_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e263 = buffer0_[_e255];
                    let _e265 = local2_;
                    let _e267 = local8_;
                    let _e268 = (_e265 + _e267);
                    local13_ = _e268;
                    let _e272 = bitcast<u32>((_e268 + 0i));
                    if ((_e272 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e281 = (_e272 >> 3u);
                    if (_e281 >= arrayLength((&buffer1_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e289 = buffer1_[_e281];
                    let _e296 = bitcast<u32>((_e214 + 0i));
                    if ((_e296 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e305 = (_e296 >> 3u);
                    if (_e305 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[_e305] = (_e237 + (_e263 + (_e289 * 3.0lf)));
                    let _e314 = local6_;
                    let _e316 = (_e314 + 8i);
                    local6_ = _e316;
                    let _e319 = local6_;
                    let _e322 = bitcast<u32>((_e319 + 0i));
                    if ((_e322 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e331 = (_e322 >> 3u);
                    if (_e331 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e339 = buffer2_[_e331];
                    let _e341 = local12_;
                    let _e346 = bitcast<u32>(((_e341 + 8i) + 0i));
                    if ((_e346 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e355 = (_e346 >> 3u);
                    if (_e355 >= arrayLength((&buffer0_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e363 = buffer0_[_e355];
                    let _e365 = local13_;
                    let _e370 = bitcast<u32>(((_e365 + 8i) + 0i));
                    if ((_e370 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e379 = (_e370 >> 3u);
                    if (_e379 >= arrayLength((&buffer1_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e387 = buffer1_[_e379];
                    let _e394 = bitcast<u32>((_e316 + 0i));
                    if ((_e394 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e403 = (_e394 >> 3u);
                    if (_e403 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[_e403] = (_e339 + (_e363 + (_e387 * 3.0lf)));
                    let _e412 = local0_;
                    local0_ = (_e412 + 16i);
                    let _e417 = local2_;
                    local2_ = (_e417 + 16i);
                    let _e422 = local4_;
                    local4_ = (_e422 + 16i);
                    let _e427 = local11_;
                    let _e429 = local9_;
                    let _e431 = (_e429 + 2i);
                    local9_ = _e431;
                    if (select(0i, 1i, (_e427 != _e431)) != 0i) {
                        continue;
                    }
                    break;
                }
                let _e440 = local10_;
                if (select(0i, 1i, (_e440 == 0i)) != 0i) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            let _e451 = branch_counter;
            let _e455 = (_e451 - 1u);
            if (_e451 != 0u) {
                branch_counter = _e455;
                if (_e455 == 0u) {
                    break;
                } else {
                    break;
                }
            }
            let _e459 = local7_;
            let _e461 = local8_;
            let _e464 = local9_;
            let _e469 = (_e464 << (bitcast<u32>(3i) & 31u));
            local0_ = _e469;
            let _e471 = ((_e459 + _e461) + _e469);
            local2_ = _e471;
            let _e474 = local2_;
            let _e477 = bitcast<u32>((_e474 + 0i));
            if ((_e477 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e486 = (_e477 >> 3u);
            if (_e486 >= arrayLength((&buffer2_))) {
                status[0] = 4u;
                return;
            }
            let _e494 = buffer2_[_e486];
            let _e496 = local3_;
            let _e498 = local8_;
            let _e501 = local0_;
            let _e505 = bitcast<u32>((((_e496 + _e498) + _e501) + 0i));
            if ((_e505 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e514 = (_e505 >> 3u);
            if (_e514 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e522 = buffer0_[_e514];
            let _e524 = local5_;
            let _e526 = local8_;
            let _e529 = local0_;
            let _e533 = bitcast<u32>((((_e524 + _e526) + _e529) + 0i));
            if ((_e533 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e542 = (_e533 >> 3u);
            if (_e542 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e550 = buffer1_[_e542];
            let _e557 = bitcast<u32>((_e471 + 0i));
            if ((_e557 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e566 = (_e557 >> 3u);
            if (_e566 >= arrayLength((&buffer2_))) {
                status[0] = 4u;
                return;
            }
            buffer2_[_e566] = (_e494 + (_e522 + (_e550 * 3.0lf)));
            break;
        }
        return;
        break;
    }
    if true {
        status[0] = 1u;
        return;
    }
}
