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
                    let _e299 = bitcast<u32>((_e214 + 0i));
                    if ((_e299 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e308 = (_e299 >> 3u);
                    if (_e308 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[_e308] = (_e238 + (_e265 + (_e292 * 3.0lf)));
                    let _e318 = local6_;
                    let _e320 = (_e318 + 8i);
                    local6_ = _e320;
                    let _e323 = local6_;
                    let _e326 = bitcast<u32>((_e323 + 0i));
                    if ((_e326 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e335 = (_e326 >> 3u);
                    if (_e335 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e344 = buffer2_[_e335];
                    let _e346 = local12_;
                    let _e351 = bitcast<u32>(((_e346 + 8i) + 0i));
                    if ((_e351 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e360 = (_e351 >> 3u);
                    if (_e360 >= arrayLength((&buffer0_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e369 = buffer0_[_e360];
                    let _e371 = local13_;
                    let _e376 = bitcast<u32>(((_e371 + 8i) + 0i));
                    if ((_e376 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e385 = (_e376 >> 3u);
                    if (_e385 >= arrayLength((&buffer1_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e394 = buffer1_[_e385];
                    let _e401 = bitcast<u32>((_e320 + 0i));
                    if ((_e401 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e410 = (_e401 >> 3u);
                    if (_e410 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[_e410] = (_e344 + (_e369 + (_e394 * 3.0lf)));
                    let _e420 = local0_;
                    local0_ = (_e420 + 16i);
                    let _e425 = local2_;
                    local2_ = (_e425 + 16i);
                    let _e430 = local4_;
                    local4_ = (_e430 + 16i);
                    let _e435 = local11_;
                    let _e437 = local9_;
                    let _e439 = (_e437 + 2i);
                    local9_ = _e439;
                    if (select(0i, 1i, (_e435 != _e439)) != 0i) {
                        continue;
                    }
                    break;
                }
                let _e448 = local10_;
                if (select(0i, 1i, (_e448 == 0i)) != 0i) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            let _e459 = branch_counter;
            let _e463 = (_e459 - 1u);
            if (_e459 != 0u) {
                branch_counter = _e463;
                if (_e463 == 0u) {
                    break;
                } else {
                    break;
                }
            }
            let _e467 = local7_;
            let _e469 = local8_;
            let _e472 = local9_;
            let _e477 = (_e472 << (bitcast<u32>(3i) & 31u));
            local0_ = _e477;
            let _e479 = ((_e467 + _e469) + _e477);
            local2_ = _e479;
            let _e482 = local2_;
            let _e485 = bitcast<u32>((_e482 + 0i));
            if ((_e485 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e494 = (_e485 >> 3u);
            if (_e494 >= arrayLength((&buffer2_))) {
                status[0] = 4u;
                return;
            }
            let _e503 = buffer2_[_e494];
            let _e505 = local3_;
            let _e507 = local8_;
            let _e510 = local0_;
            let _e514 = bitcast<u32>((((_e505 + _e507) + _e510) + 0i));
            if ((_e514 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e523 = (_e514 >> 3u);
            if (_e523 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e532 = buffer0_[_e523];
            let _e534 = local5_;
            let _e536 = local8_;
            let _e539 = local0_;
            let _e543 = bitcast<u32>((((_e534 + _e536) + _e539) + 0i));
            if ((_e543 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e552 = (_e543 >> 3u);
            if (_e552 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e561 = buffer1_[_e552];
            let _e568 = bitcast<u32>((_e479 + 0i));
            if ((_e568 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e577 = (_e568 >> 3u);
            if (_e577 >= arrayLength((&buffer2_))) {
                status[0] = 4u;
                return;
            }
            buffer2_[_e577] = (_e503 + (_e532 + (_e561 * 3.0lf)));
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
