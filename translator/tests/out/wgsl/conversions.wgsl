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
    let _e23 = params.zero;
    local7_ = bitcast<f64>((0lu | u64(_e23)));
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 8u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 8u));
    let _e46 = local3_;
    let _e48 = local0_;
    let _e57 = bitcast<u32>(((_e46 + (_e48 << (bitcast<u32>(3i) & 31u))) + 0i));
    if ((_e57 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e66 = (_e57 >> 3u);
    if (_e66 >= arrayLength((&buffer0_))) {
        status[0] = 4u;
        return;
    }
    let _e75 = buffer0_[_e66];
    local7_ = _e75;
    let _e78 = local5_;
    let _e80 = local0_;
    local8_ = (_e78 + (_e80 << (bitcast<u32>(6i) & 31u)));
    let _e89 = local8_;
    let _e91 = local7_;
    let _e94 = params.zero;
    let _e101 = params.zero;
    let _e108 = ((_e91 >= bitcast<f64>((14114281232179134464lu | u64(_e94)))) && (_e91 < bitcast<f64>((4890909195324358656lu | u64(_e101)))));
    let _e116 = params.zero;
    let _e128 = params.zero;
    let _e139 = bitcast<u32>((_e89 + 0i));
    if ((_e139 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e148 = (_e139 >> 3u);
    if (_e148 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e148] = select(select(select(9223372036854775807li, i64(-9223372036854775807 - 1), (_e91 < bitcast<f64>((0lu | u64(_e128))))), 0li, ((bitcast<u64>(_e91) & 9223372036854775807lu) > 9218868437227405312lu)), i64(select(bitcast<f64>((0lu | u64(_e116))), _e91, _e108)), _e108);
    let _e158 = local8_;
    let _e160 = local7_;
    let _e161 = f32(_e160);
    let _e164 = params.zero;
    let _e170 = params.zero;
    let _e176 = ((_e161 > bitcast<f32>((3212836864u | _e164))) && (_e161 < bitcast<f32>((1602224128u | _e170))));
    let _e184 = params.zero;
    let _e196 = params.zero;
    let _e206 = bitcast<u32>((_e158 + 8i));
    if ((_e206 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e215 = (_e206 >> 3u);
    if (_e215 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e215] = select(select(select(-1li, 0li, (_e161 < bitcast<f32>((0u | _e196)))), 0li, ((bitcast<u32>(_e161) & 2147483647u) > 2139095040u)), bitcast<i64>(u64(select(bitcast<f32>((0u | _e184)), _e161, _e176))), _e176);
    let _e225 = local8_;
    let _e227 = local7_;
    let _e230 = params.zero;
    let _e237 = params.zero;
    let _e244 = ((_e227 > bitcast<f64>((13830554455654793216lu | u64(_e230)))) && (_e227 < bitcast<f64>((4751297606875873280lu | u64(_e237)))));
    if ((bitcast<u64>(_e227) & 9223372036854775807lu) > 9218868437227405312lu) {
        status[0] = 6u;
        return;
    }
    if !(_e244) {
        status[0] = 7u;
        return;
    }
    let _e259 = params.zero;
    let _e270 = bitcast<u32>((_e225 + 16i));
    if ((_e270 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e279 = (_e270 >> 3u);
    if (_e279 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e279] = i64(bitcast<i32>(u32(select(bitcast<f64>((0lu | u64(_e259))), _e227, _e244))));
    let _e289 = local8_;
    let _e291 = local7_;
    let _e292 = f32(_e291);
    let _e295 = params.zero;
    let _e301 = params.zero;
    let _e307 = ((_e292 >= bitcast<f32>((3741319168u | _e295))) && (_e292 < bitcast<f32>((1593835520u | _e301))));
    if ((bitcast<u32>(_e292) & 2147483647u) > 2139095040u) {
        status[0] = 6u;
        return;
    }
    if !(_e307) {
        status[0] = 7u;
        return;
    }
    let _e322 = params.zero;
    let _e330 = bitcast<u32>((_e289 + 24i));
    if ((_e330 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e339 = (_e330 >> 3u);
    if (_e339 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e339] = i64(select(bitcast<f32>((0u | _e322)), _e292, _e307));
    let _e349 = local8_;
    let _e351 = local7_;
    let _e353 = bitcast<u64>(bitcast<i64>(_e351));
    let _e357 = u32((_e353 >> 32u));
    let _e366 = local7_;
    let _e373 = bitcast<u64>((bitcast<i64>((bitcast<u64>(bitcast<i64>(_e366)) << 48u)) >> 48u));
    let _e385 = bitcast<u32>((_e349 + 32i));
    if ((_e385 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e394 = (_e385 >> 3u);
    if (_e394 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e394] = (i64(select(countLeadingZeros(_e357), (32u + countLeadingZeros(u32(_e353))), (_e357 == 0u))) + i64((countOneBits(u32(_e373)) + countOneBits(u32((_e373 >> 32u))))));
    let _e404 = local8_;
    let _e406 = local7_;
    let _e408 = bitcast<u64>(bitcast<i64>(_e406));
    let _e409 = u32(_e408);
    let _e423 = (u32(60li) & 63u);
    let _e427 = bitcast<u64>(i64(select(countTrailingZeros(_e409), (32u + countTrailingZeros(u32((_e408 >> 32u)))), (_e409 == 0u))));
    let _e434 = bitcast<u32>((_e404 + 40i));
    if ((_e434 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e443 = (_e434 >> 3u);
    if (_e443 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e443] = bitcast<i64>(((_e427 << _e423) | (_e427 >> ((64u - _e423) & 63u))));
    let _e453 = local8_;
    let _e456 = params.zero;
    let _e462 = local7_;
    let _e478 = bitcast<u32>((_e453 + 48i));
    if ((_e478 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e487 = (_e478 >> 3u);
    if (_e487 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e487] = bitcast<i64>(bitcast<f64>(((bitcast<u64>(bitcast<f64>((9218868437227405312lu | u64(_e456)))) & 9223372036854775807lu) | (bitcast<u64>(bitcast<f64>((bitcast<u64>(_e462) ^ 9223372036854775808lu))) & 9223372036854775808lu))));
    let _e498 = local8_;
    let _e501 = params.zero;
    let _e507 = local7_;
    let _e517 = bitcast<u32>((_e498 + 56i));
    if ((_e517 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e526 = (_e517 >> 3u);
    if (_e526 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e526] = bitcast<i64>((bitcast<f64>((9221120237041090560lu | u64(_e501))) + round(bitcast<f64>((bitcast<u64>(_e507) & 9223372036854775807lu)))));
}
