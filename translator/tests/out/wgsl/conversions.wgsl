struct Params {
    num_iterations: u32,
    block_size: u32,
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
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 8u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 8u));
    let _e38 = local3_;
    let _e40 = local0_;
    let _e49 = bitcast<u32>(((_e38 + (_e40 << (bitcast<u32>(3i) & 31u))) + 0i));
    if ((_e49 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e58 = (_e49 >> 3u);
    if (_e58 >= arrayLength((&buffer0_))) {
        status[0] = 4u;
        return;
    }
    let _e67 = buffer0_[_e58];
    local7_ = _e67;
    let _e70 = local5_;
    let _e72 = local0_;
    local8_ = (_e70 + (_e72 << (bitcast<u32>(6i) & 31u)));
    let _e81 = local8_;
    let _e83 = local7_;
    let _e88 = ((_e83 >= -9.223372036854776e18lf) && (_e83 < 9.223372036854776e18lf));
    let _e107 = bitcast<u32>((_e81 + 0i));
    if ((_e107 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e116 = (_e107 >> 3u);
    if (_e116 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e116] = select(select(select(9223372036854775807li, i64(-9223372036854775807 - 1), (_e83 < 0.0lf)), 0li, ((bitcast<u64>(_e83) & 9223372036854775807lu) > 9218868437227405312lu)), i64(select(0.0lf, _e83, _e88)), _e88);
    let _e126 = local8_;
    let _e128 = local7_;
    let _e129 = f32(_e128);
    let _e134 = ((_e129 > -1f) && (_e129 < 18446744000000000000f));
    let _e154 = bitcast<u32>((_e126 + 8i));
    if ((_e154 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e163 = (_e154 >> 3u);
    if (_e163 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e163] = select(select(select(-1li, 0li, (_e129 < 0f)), 0li, ((bitcast<u32>(_e129) & 2147483647u) > 2139095040u)), bitcast<i64>(u64(select(0f, _e129, _e134))), _e134);
    let _e173 = local8_;
    let _e175 = local7_;
    let _e180 = ((_e175 > -1.0lf) && (_e175 < 4294967296.0lf));
    if ((bitcast<u64>(_e175) & 9223372036854775807lu) > 9218868437227405312lu) {
        status[0] = 6u;
        return;
    }
    if !(_e180) {
        status[0] = 7u;
        return;
    }
    let _e200 = bitcast<u32>((_e173 + 16i));
    if ((_e200 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e209 = (_e200 >> 3u);
    if (_e209 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e209] = i64(bitcast<i32>(u32(select(0.0lf, _e175, _e180))));
    let _e219 = local8_;
    let _e221 = local7_;
    let _e222 = f32(_e221);
    let _e227 = ((_e222 >= -9223372000000000000f) && (_e222 < 9223372000000000000f));
    if ((bitcast<u32>(_e222) & 2147483647u) > 2139095040u) {
        status[0] = 6u;
        return;
    }
    if !(_e227) {
        status[0] = 7u;
        return;
    }
    let _e245 = bitcast<u32>((_e219 + 24i));
    if ((_e245 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e254 = (_e245 >> 3u);
    if (_e254 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e254] = i64(select(0f, _e222, _e227));
    let _e264 = local8_;
    let _e266 = local7_;
    let _e268 = bitcast<u64>(bitcast<i64>(_e266));
    let _e272 = u32((_e268 >> 32u));
    let _e281 = local7_;
    let _e288 = bitcast<u64>((bitcast<i64>((bitcast<u64>(bitcast<i64>(_e281)) << 48u)) >> 48u));
    let _e300 = bitcast<u32>((_e264 + 32i));
    if ((_e300 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e309 = (_e300 >> 3u);
    if (_e309 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e309] = (i64(select(countLeadingZeros(_e272), (32u + countLeadingZeros(u32(_e268))), (_e272 == 0u))) + i64((countOneBits(u32(_e288)) + countOneBits(u32((_e288 >> 32u))))));
    let _e319 = local8_;
    let _e321 = local7_;
    let _e323 = bitcast<u64>(bitcast<i64>(_e321));
    let _e324 = u32(_e323);
    let _e338 = (u32(60li) & 63u);
    let _e342 = bitcast<u64>(i64(select(countTrailingZeros(_e324), (32u + countTrailingZeros(u32((_e323 >> 32u)))), (_e324 == 0u))));
    let _e349 = bitcast<u32>((_e319 + 40i));
    if ((_e349 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e358 = (_e349 >> 3u);
    if (_e358 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e358] = bitcast<i64>(((_e342 << _e338) | (_e342 >> ((64u - _e338) & 63u))));
    let _e368 = local8_;
    let _e372 = local7_;
    let _e388 = bitcast<u32>((_e368 + 48i));
    if ((_e388 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e397 = (_e388 >> 3u);
    if (_e397 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e397] = bitcast<i64>(bitcast<f64>(((bitcast<u64>(bitcast<f64>(9218868437227405312lu)) & 9223372036854775807lu) | (bitcast<u64>(bitcast<f64>((bitcast<u64>(_e372) ^ 9223372036854775808lu))) & 9223372036854775808lu))));
    let _e408 = local8_;
    let _e412 = local7_;
    let _e422 = bitcast<u32>((_e408 + 56i));
    if ((_e422 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e431 = (_e422 >> 3u);
    if (_e431 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e431] = bitcast<i64>((bitcast<f64>(9221120237041090560lu) + round(bitcast<f64>((bitcast<u64>(_e412) & 9223372036854775807lu)))));
}
