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
    let _e24 = params.zero;
    local9_ = (0i | i32(_e24));
    let _e31 = params.zero;
    local10_ = (0i | i32(_e31));
    let _e38 = params.zero;
    local11_ = (0i | i32(_e38));
    let _e45 = params.zero;
    local12_ = (0i | i32(_e45));
    let _e52 = params.zero;
    local13_ = (0i | i32(_e52));
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 8u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 8u));
    local7_ = 0i;
    local8_ = bitcast<i32>((arrayLength((&buffer2_)) * 8u));
    loop {
        let _e81 = local6_;
        let _e88 = bitcast<i32>((bitcast<u32>(_e81) >> (bitcast<u32>(3i) & 31u)));
        local6_ = _e88;
        let _e91 = local4_;
        let _e98 = bitcast<i32>((bitcast<u32>(_e91) >> (bitcast<u32>(3i) & 31u)));
        local4_ = _e98;
        let _e101 = local8_;
        let _e108 = bitcast<i32>((bitcast<u32>(_e101) >> (bitcast<u32>(3i) & 31u)));
        local8_ = _e108;
        let _e111 = local8_;
        let _e113 = local2_;
        let _e115 = local0_;
        let _e116 = (_e113 * _e115);
        local0_ = _e116;
        let _e119 = local8_;
        let _e121 = local0_;
        let _e130 = select(_e116, _e111, (select(0i, 1i, (bitcast<u32>(_e119) < bitcast<u32>(_e121))) != 0i));
        local0_ = _e130;
        let _e133 = local2_;
        let _e134 = (_e130 + _e133);
        local2_ = _e134;
        let _e137 = local8_;
        let _e139 = local2_;
        let _e148 = select(_e134, _e108, (select(0i, 1i, (bitcast<u32>(_e137) < bitcast<u32>(_e139))) != 0i));
        local2_ = _e148;
        let _e151 = local4_;
        let _e153 = local2_;
        let _e162 = select(_e148, _e98, (select(0i, 1i, (bitcast<u32>(_e151) < bitcast<u32>(_e153))) != 0i));
        local2_ = _e162;
        let _e165 = local6_;
        let _e167 = local2_;
        let _e176 = select(_e162, _e88, (select(0i, 1i, (bitcast<u32>(_e165) < bitcast<u32>(_e167))) != 0i));
        local2_ = _e176;
        let _e179 = local0_;
        if (select(0i, 1i, (bitcast<u32>(_e176) < bitcast<u32>(_e179))) != 0i) {
            break;
        }
        loop {
            let _e189 = local2_;
            let _e191 = local0_;
            if (select(0i, 1i, (_e189 == _e191)) != 0i) {
                break;
            }
            let _e199 = local0_;
            local8_ = (_e199 << (bitcast<u32>(3i) & 31u));
            local9_ = 0i;
            loop {
                let _e209 = local2_;
                let _e211 = local0_;
                if (select(0i, 1i, (_e209 == (_e211 + 1i))) != 0i) {
                    break;
                }
                let _e221 = local2_;
                let _e223 = local0_;
                let _e224 = (_e221 - _e223);
                local0_ = _e224;
                local10_ = (_e224 & 1i);
                let _e230 = local0_;
                local11_ = (_e230 & 536870910i);
                local9_ = 0i;
                let _e237 = local3_;
                local0_ = _e237;
                let _e240 = local5_;
                local2_ = _e240;
                let _e243 = local7_;
                local4_ = _e243;
                loop {
                    let _e246 = local4_;
                    let _e248 = local8_;
                    let _e249 = (_e246 + _e248);
                    local6_ = _e249;
                    let _e252 = local6_;
                    let _e255 = bitcast<u32>((_e252 + 0i));
                    if ((_e255 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e264 = (_e255 >> 3u);
                    if (_e264 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e273 = buffer2_[_e264];
                    let _e275 = local0_;
                    let _e277 = local8_;
                    let _e278 = (_e275 + _e277);
                    local12_ = _e278;
                    let _e282 = bitcast<u32>((_e278 + 0i));
                    if ((_e282 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e291 = (_e282 >> 3u);
                    if (_e291 >= arrayLength((&buffer0_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e300 = buffer0_[_e291];
                    let _e302 = local2_;
                    let _e304 = local8_;
                    let _e305 = (_e302 + _e304);
                    local13_ = _e305;
                    let _e309 = bitcast<u32>((_e305 + 0i));
                    if ((_e309 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e318 = (_e309 >> 3u);
                    if (_e318 >= arrayLength((&buffer1_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e327 = buffer1_[_e318];
                    let _e331 = params.zero;
                    let _e340 = bitcast<u32>((_e249 + 0i));
                    if ((_e340 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e349 = (_e340 >> 3u);
                    if (_e349 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[_e349] = (_e273 + (_e300 + (_e327 * bitcast<f64>((4613937818241073152lu | u64(_e331))))));
                    let _e359 = local6_;
                    let _e361 = (_e359 + 8i);
                    local6_ = _e361;
                    let _e364 = local6_;
                    let _e367 = bitcast<u32>((_e364 + 0i));
                    if ((_e367 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e376 = (_e367 >> 3u);
                    if (_e376 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e385 = buffer2_[_e376];
                    let _e387 = local12_;
                    let _e392 = bitcast<u32>(((_e387 + 8i) + 0i));
                    if ((_e392 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e401 = (_e392 >> 3u);
                    if (_e401 >= arrayLength((&buffer0_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e410 = buffer0_[_e401];
                    let _e412 = local13_;
                    let _e417 = bitcast<u32>(((_e412 + 8i) + 0i));
                    if ((_e417 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e426 = (_e417 >> 3u);
                    if (_e426 >= arrayLength((&buffer1_))) {
                        status[0] = 4u;
                        return;
                    }
                    let _e435 = buffer1_[_e426];
                    let _e439 = params.zero;
                    let _e448 = bitcast<u32>((_e361 + 0i));
                    if ((_e448 & 7u) != 0u) {
                        status[0] = 5u;
                        return;
                    }
                    let _e457 = (_e448 >> 3u);
                    if (_e457 >= arrayLength((&buffer2_))) {
                        status[0] = 4u;
                        return;
                    }
                    buffer2_[_e457] = (_e385 + (_e410 + (_e435 * bitcast<f64>((4613937818241073152lu | u64(_e439))))));
                    let _e467 = local0_;
                    local0_ = (_e467 + 16i);
                    let _e472 = local2_;
                    local2_ = (_e472 + 16i);
                    let _e477 = local4_;
                    local4_ = (_e477 + 16i);
                    let _e482 = local11_;
                    let _e484 = local9_;
                    let _e486 = (_e484 + 2i);
                    local9_ = _e486;
                    if (select(0i, 1i, (_e482 != _e486)) != 0i) {
                        continue;
                    }
                    break;
                }
                let _e495 = local10_;
                if (select(0i, 1i, (_e495 == 0i)) != 0i) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            let _e506 = branch_counter;
            let _e510 = (_e506 - 1u);
            if (_e506 != 0u) {
                branch_counter = _e510;
                if (_e510 == 0u) {
                    break;
                } else {
                    break;
                }
            }
            let _e514 = local7_;
            let _e516 = local8_;
            let _e519 = local9_;
            let _e524 = (_e519 << (bitcast<u32>(3i) & 31u));
            local0_ = _e524;
            let _e526 = ((_e514 + _e516) + _e524);
            local2_ = _e526;
            let _e529 = local2_;
            let _e532 = bitcast<u32>((_e529 + 0i));
            if ((_e532 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e541 = (_e532 >> 3u);
            if (_e541 >= arrayLength((&buffer2_))) {
                status[0] = 4u;
                return;
            }
            let _e550 = buffer2_[_e541];
            let _e552 = local3_;
            let _e554 = local8_;
            let _e557 = local0_;
            let _e561 = bitcast<u32>((((_e552 + _e554) + _e557) + 0i));
            if ((_e561 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e570 = (_e561 >> 3u);
            if (_e570 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e579 = buffer0_[_e570];
            let _e581 = local5_;
            let _e583 = local8_;
            let _e586 = local0_;
            let _e590 = bitcast<u32>((((_e581 + _e583) + _e586) + 0i));
            if ((_e590 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e599 = (_e590 >> 3u);
            if (_e599 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e608 = buffer1_[_e599];
            let _e612 = params.zero;
            let _e621 = bitcast<u32>((_e526 + 0i));
            if ((_e621 & 7u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e630 = (_e621 >> 3u);
            if (_e630 >= arrayLength((&buffer2_))) {
                status[0] = 4u;
                return;
            }
            buffer2_[_e630] = (_e550 + (_e579 + (_e608 * bitcast<f64>((4613937818241073152lu | u64(_e612))))));
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
