struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
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
                    let _e238 = buffer2_[_e229];
                    let _e240 = local0_;
                    let _e242 = local8_;
                    let _e243 = (_e240 + _e242);
                    local12_ = _e243;
                    let _e247 = bitcast<u32>((_e243 + 0i));
                    if ((_e247 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e256 = (_e247 >> 3u);
                    if (_e256 >= arrayLength((&buffer0_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e265 = buffer0_[_e256];
                    let _e267 = local2_;
                    let _e269 = local8_;
                    let _e270 = (_e267 + _e269);
                    local13_ = _e270;
                    let _e274 = bitcast<u32>((_e270 + 0i));
                    if ((_e274 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e283 = (_e274 >> 3u);
                    if (_e283 >= arrayLength((&buffer1_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e292 = buffer1_[_e283];
                    let _e295 = params.zero;
                    let _e305 = bitcast<u32>((_e214 + 0i));
                    if ((_e305 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e314 = (_e305 >> 3u);
                    if (_e314 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[_e314] = (_e238 + (_e265 + (_e292 * bitcast<f64>((4613937818241073152lu | u64(_e295))))));
                    let _e324 = local6_;
                    let _e326 = (_e324 + 8i);
                    local6_ = _e326;
                    let _e329 = local6_;
                    let _e332 = bitcast<u32>((_e329 + 0i));
                    if ((_e332 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e341 = (_e332 >> 3u);
                    if (_e341 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e350 = buffer2_[_e341];
                    let _e352 = local12_;
                    let _e357 = bitcast<u32>(((_e352 + 8i) + 0i));
                    if ((_e357 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e366 = (_e357 >> 3u);
                    if (_e366 >= arrayLength((&buffer0_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e375 = buffer0_[_e366];
                    let _e377 = local13_;
                    let _e382 = bitcast<u32>(((_e377 + 8i) + 0i));
                    if ((_e382 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e391 = (_e382 >> 3u);
                    if (_e391 >= arrayLength((&buffer1_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e400 = buffer1_[_e391];
                    let _e403 = params.zero;
                    let _e413 = bitcast<u32>((_e326 + 0i));
                    if ((_e413 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e422 = (_e413 >> 3u);
                    if (_e422 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[_e422] = (_e350 + (_e375 + (_e400 * bitcast<f64>((4613937818241073152lu | u64(_e403))))));
                    let _e432 = local0_;
                    local0_ = (_e432 + 16i);
                    let _e437 = local2_;
                    local2_ = (_e437 + 16i);
                    let _e442 = local4_;
                    local4_ = (_e442 + 16i);
                    let _e447 = local11_;
                    let _e449 = local9_;
                    let _e451 = (_e449 + 2i);
                    local9_ = _e451;
                    if (select(0i, 1i, (_e447 != _e451)) != 0i) {
                        continue;
                    }
                    break;
                }
                let _e460 = local10_;
                if (select(0i, 1i, (_e460 == 0i)) != 0i) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            let _e471 = branch_counter;
            let _e475 = (_e471 - 1u);
            if (_e471 != 0u) {
                branch_counter = _e475;
                if (_e475 == 0u) {
                    break;
                } else {
                    break;
                }
            }
            let _e479 = local7_;
            let _e481 = local8_;
            let _e484 = local9_;
            let _e489 = (_e484 << (bitcast<u32>(3i) & 31u));
            local0_ = _e489;
            let _e491 = ((_e479 + _e481) + _e489);
            local2_ = _e491;
            let _e494 = local2_;
            let _e497 = bitcast<u32>((_e494 + 0i));
            if ((_e497 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e506 = (_e497 >> 3u);
            if (_e506 >= arrayLength((&buffer2_))) {
                status[0] = 4u;
                return;
            }
            let _e515 = buffer2_[_e506];
            let _e517 = local3_;
            let _e519 = local8_;
            let _e522 = local0_;
            let _e526 = bitcast<u32>((((_e517 + _e519) + _e522) + 0i));
            if ((_e526 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e535 = (_e526 >> 3u);
            if (_e535 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e544 = buffer0_[_e535];
            let _e546 = local5_;
            let _e548 = local8_;
            let _e551 = local0_;
            let _e555 = bitcast<u32>((((_e546 + _e548) + _e551) + 0i));
            if ((_e555 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e564 = (_e555 >> 3u);
            if (_e564 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e573 = buffer1_[_e564];
            let _e576 = params.zero;
            let _e586 = bitcast<u32>((_e491 + 0i));
            if ((_e586 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e595 = (_e586 >> 3u);
            if (_e595 >= arrayLength((&buffer2_))) {
                status[0] = 4u;
                return;
            }
            buffer2_[_e595] = (_e515 + (_e544 + (_e573 * bitcast<f64>((4613937818241073152lu | u64(_e576))))));
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
