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
var<storage, read_write> buffer1_: array<i64>;
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
    var local7_: f64;
    var local8_: i32;

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
    local7_ = bitcast<f64>((0lu | u64(_e24)));
    let _e32 = params.zero;
    local8_ = (0i | i32(_e32));
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 8u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 8u));
    let _e53 = local3_;
    let _e55 = local0_;
    let _e64 = bitcast<u32>(((_e53 + (_e55 << (bitcast<u32>(3i) & 31u))) + 0i));
    if ((_e64 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e73 = (_e64 >> 3u);
    if (_e73 >= arrayLength((&buffer0_))) {
        status[0] = 4u;
        return;
    }
    let _e82 = buffer0_[_e73];
    local7_ = _e82;
    let _e85 = local5_;
    let _e87 = local0_;
    local8_ = (_e85 + (_e87 << (bitcast<u32>(6i) & 31u)));
    let _e96 = local8_;
    let _e98 = local7_;
    let _e102 = params.zero;
    let _e109 = params.zero;
    let _e115 = ((_e98 >= bitcast<f64>((14114281232179134464lu | u64(_e102)))) && (_e98 < bitcast<f64>((4890909195324358656lu | u64(_e109)))));
    let _e124 = params.zero;
    let _e136 = params.zero;
    let _e146 = bitcast<u32>((_e96 + 0i));
    if ((_e146 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e155 = (_e146 >> 3u);
    if (_e155 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e155] = select(select(select(9223372036854775807li, i64(-9223372036854775807 - 1), (_e98 < bitcast<f64>((0lu | u64(_e136))))), 0li, ((bitcast<u64>(_e98) & 9223372036854775807lu) > 9218868437227405312lu)), i64(select(bitcast<f64>((0lu | u64(_e124))), _e98, _e115)), _e115);
    let _e165 = local8_;
    let _e167 = local7_;
    let _e168 = f32(_e167);
    let _e172 = params.zero;
    let _e178 = params.zero;
    let _e183 = ((_e168 > bitcast<f32>((3212836864u | _e172))) && (_e168 < bitcast<f32>((1602224128u | _e178))));
    let _e192 = params.zero;
    let _e204 = params.zero;
    let _e213 = bitcast<u32>((_e165 + 8i));
    if ((_e213 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e222 = (_e213 >> 3u);
    if (_e222 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e222] = select(select(select(-1li, 0li, (_e168 < bitcast<f32>((0u | _e204)))), 0li, ((bitcast<u32>(_e168) & 2147483647u) > 2139095040u)), bitcast<i64>(u64(select(bitcast<f32>((0u | _e192)), _e168, _e183))), _e183);
    let _e232 = local8_;
    let _e234 = local7_;
    let _e238 = params.zero;
    let _e245 = params.zero;
    let _e251 = ((_e234 > bitcast<f64>((13830554455654793216lu | u64(_e238)))) && (_e234 < bitcast<f64>((4751297606875873280lu | u64(_e245)))));
    if ((bitcast<u64>(_e234) & 9223372036854775807lu) > 9218868437227405312lu) {
        status[0] = 6u;
        return;
    }
    if !(_e251) {
        status[0] = 7u;
        return;
    }
    let _e267 = params.zero;
    let _e284 = bitcast<u32>((_e232 + 16i));
    if ((_e284 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e293 = (_e284 >> 3u);
    if (_e293 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e293] = (bitcast<i64>((bitcast<u64>(bitcast<i64>(u64(bitcast<u32>(bitcast<i32>(u32(select(bitcast<f64>((0lu | u64(_e267))), _e234, _e251))))))) << 32u)) >> 32u);
    let _e303 = local8_;
    let _e305 = local7_;
    let _e306 = f32(_e305);
    let _e310 = params.zero;
    let _e316 = params.zero;
    let _e321 = ((_e306 >= bitcast<f32>((3741319168u | _e310))) && (_e306 < bitcast<f32>((1593835520u | _e316))));
    if ((bitcast<u32>(_e306) & 2147483647u) > 2139095040u) {
        status[0] = 6u;
        return;
    }
    if !(_e321) {
        status[0] = 7u;
        return;
    }
    let _e337 = params.zero;
    let _e344 = bitcast<u32>((_e303 + 24i));
    if ((_e344 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e353 = (_e344 >> 3u);
    if (_e353 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e353] = i64(select(bitcast<f32>((0u | _e337)), _e306, _e321));
    let _e363 = local8_;
    let _e365 = local7_;
    let _e367 = bitcast<u64>(bitcast<i64>(_e365));
    let _e371 = u32((_e367 >> 32u));
    let _e380 = local7_;
    let _e387 = bitcast<u64>((bitcast<i64>((bitcast<u64>(bitcast<i64>(_e380)) << 48u)) >> 48u));
    let _e399 = bitcast<u32>((_e363 + 32i));
    if ((_e399 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e408 = (_e399 >> 3u);
    if (_e408 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e408] = (i64(select(countLeadingZeros(_e371), (32u + countLeadingZeros(u32(_e367))), (_e371 == 0u))) + i64((countOneBits(u32(_e387)) + countOneBits(u32((_e387 >> 32u))))));
    let _e418 = local8_;
    let _e420 = local7_;
    let _e422 = bitcast<u64>(bitcast<i64>(_e420));
    let _e423 = u32(_e422);
    let _e437 = (u32(60li) & 63u);
    let _e441 = bitcast<u64>(i64(select(countTrailingZeros(_e423), (32u + countTrailingZeros(u32((_e422 >> 32u)))), (_e423 == 0u))));
    let _e448 = bitcast<u32>((_e418 + 40i));
    if ((_e448 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e457 = (_e448 >> 3u);
    if (_e457 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e457] = bitcast<i64>(((_e441 << _e437) | (_e441 >> ((64u - _e437) & 63u))));
    let _e467 = local8_;
    let _e471 = params.zero;
    let _e476 = local7_;
    let _e492 = bitcast<u32>((_e467 + 48i));
    if ((_e492 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e501 = (_e492 >> 3u);
    if (_e501 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e501] = bitcast<i64>(bitcast<f64>(((bitcast<u64>(bitcast<f64>((9218868437227405312lu | u64(_e471)))) & 9223372036854775807lu) | (bitcast<u64>(bitcast<f64>((bitcast<u64>(_e476) ^ 9223372036854775808lu))) & 9223372036854775808lu))));
    let _e512 = local8_;
    let _e516 = params.zero;
    let _e521 = local7_;
    let _e531 = bitcast<u32>((_e512 + 56i));
    if ((_e531 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e540 = (_e531 >> 3u);
    if (_e540 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e540] = bitcast<i64>((bitcast<f64>((9221120237041090560lu | u64(_e516))) + round(bitcast<f64>((bitcast<u64>(_e521) & 9223372036854775807lu)))));
}
