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
    let _e277 = bitcast<u32>((_e232 + 16i));
    if ((_e277 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e286 = (_e277 >> 3u);
    if (_e286 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e286] = i64(bitcast<i32>(u32(select(bitcast<f64>((0lu | u64(_e267))), _e234, _e251))));
    let _e296 = local8_;
    let _e298 = local7_;
    let _e299 = f32(_e298);
    let _e303 = params.zero;
    let _e309 = params.zero;
    let _e314 = ((_e299 >= bitcast<f32>((3741319168u | _e303))) && (_e299 < bitcast<f32>((1593835520u | _e309))));
    if ((bitcast<u32>(_e299) & 2147483647u) > 2139095040u) {
        status[0] = 6u;
        return;
    }
    if !(_e314) {
        status[0] = 7u;
        return;
    }
    let _e330 = params.zero;
    let _e337 = bitcast<u32>((_e296 + 24i));
    if ((_e337 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e346 = (_e337 >> 3u);
    if (_e346 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e346] = i64(select(bitcast<f32>((0u | _e330)), _e299, _e314));
    let _e356 = local8_;
    let _e358 = local7_;
    let _e360 = bitcast<u64>(bitcast<i64>(_e358));
    let _e364 = u32((_e360 >> 32u));
    let _e373 = local7_;
    let _e380 = bitcast<u64>((bitcast<i64>((bitcast<u64>(bitcast<i64>(_e373)) << 48u)) >> 48u));
    let _e392 = bitcast<u32>((_e356 + 32i));
    if ((_e392 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e401 = (_e392 >> 3u);
    if (_e401 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e401] = (i64(select(countLeadingZeros(_e364), (32u + countLeadingZeros(u32(_e360))), (_e364 == 0u))) + i64((countOneBits(u32(_e380)) + countOneBits(u32((_e380 >> 32u))))));
    let _e411 = local8_;
    let _e413 = local7_;
    let _e415 = bitcast<u64>(bitcast<i64>(_e413));
    let _e416 = u32(_e415);
    let _e430 = (u32(60li) & 63u);
    let _e434 = bitcast<u64>(i64(select(countTrailingZeros(_e416), (32u + countTrailingZeros(u32((_e415 >> 32u)))), (_e416 == 0u))));
    let _e441 = bitcast<u32>((_e411 + 40i));
    if ((_e441 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e450 = (_e441 >> 3u);
    if (_e450 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e450] = bitcast<i64>(((_e434 << _e430) | (_e434 >> ((64u - _e430) & 63u))));
    let _e460 = local8_;
    let _e464 = params.zero;
    let _e469 = local7_;
    let _e485 = bitcast<u32>((_e460 + 48i));
    if ((_e485 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e494 = (_e485 >> 3u);
    if (_e494 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e494] = bitcast<i64>(bitcast<f64>(((bitcast<u64>(bitcast<f64>((9218868437227405312lu | u64(_e464)))) & 9223372036854775807lu) | (bitcast<u64>(bitcast<f64>((bitcast<u64>(_e469) ^ 9223372036854775808lu))) & 9223372036854775808lu))));
    let _e505 = local8_;
    let _e509 = params.zero;
    let _e514 = local7_;
    let _e524 = bitcast<u32>((_e505 + 56i));
    if ((_e524 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e533 = (_e524 >> 3u);
    if (_e533 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e533] = bitcast<i64>((bitcast<f64>((9221120237041090560lu | u64(_e509))) + round(bitcast<f64>((bitcast<u64>(_e514) & 9223372036854775807lu)))));
}
