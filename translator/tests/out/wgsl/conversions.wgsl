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
var<storage, read_write> buffer1_: array<i64>;
@group(0) @binding(3) 
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
    var local7_: f64;
    var local8_: i32;

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
    local7_ = bitcast<f64>((0lu | u64(_e29)));
    let _e37 = params.zero;
    local8_ = (0i | i32(_e37));
    let _e43 = params.budget;
    loop_budget = _e43;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 8u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 8u));
    let _e62 = local3_;
    let _e64 = local0_;
    let _e73 = bitcast<u32>(((_e62 + (_e64 << (bitcast<u32>(3i) & 31u))) + 0i));
    let _e77 = ((_e73 & 7u) != 0u);
    let _e79 = (_e73 >> 3u);
    if (_e77 || (_e79 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e77));
        return;
    }
    let _e91 = buffer0_[_e79];
    local7_ = _e91;
    let _e94 = local5_;
    let _e96 = local0_;
    local8_ = (_e94 + (_e96 << (bitcast<u32>(6i) & 31u)));
    let _e105 = local8_;
    let _e107 = local7_;
    let _e111 = params.zero;
    let _e118 = params.zero;
    let _e124 = ((_e107 >= bitcast<f64>((14114281232179134464lu | u64(_e111)))) && (_e107 < bitcast<f64>((4890909195324358656lu | u64(_e118)))));
    let _e133 = params.zero;
    let _e145 = params.zero;
    let _e155 = bitcast<u32>((_e105 + 0i));
    let _e159 = ((_e155 & 7u) != 0u);
    let _e161 = (_e155 >> 3u);
    if (_e159 || (_e161 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e159));
        return;
    }
    buffer1_[_e161] = select(select(select(9223372036854775807li, i64(-9223372036854775807 - 1), (_e107 < bitcast<f64>((0lu | u64(_e145))))), 0li, ((bitcast<u64>(_e107) & 9223372036854775807lu) > 9218868437227405312lu)), i64(select(bitcast<f64>((0lu | u64(_e133))), _e107, _e124)), _e124);
    let _e174 = local8_;
    let _e176 = local7_;
    let _e177 = f32(_e176);
    let _e181 = params.zero;
    let _e187 = params.zero;
    let _e192 = ((_e177 > bitcast<f32>((3212836864u | _e181))) && (_e177 < bitcast<f32>((1602224128u | _e187))));
    let _e201 = params.zero;
    let _e213 = params.zero;
    let _e222 = bitcast<u32>((_e174 + 8i));
    let _e226 = ((_e222 & 7u) != 0u);
    let _e228 = (_e222 >> 3u);
    if (_e226 || (_e228 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e226));
        return;
    }
    buffer1_[_e228] = select(select(select(-1li, 0li, (_e177 < bitcast<f32>((0u | _e213)))), 0li, ((bitcast<u32>(_e177) & 2147483647u) > 2139095040u)), bitcast<i64>(u64(select(bitcast<f32>((0u | _e201)), _e177, _e192))), _e192);
    let _e241 = local8_;
    let _e243 = local7_;
    let _e247 = params.zero;
    let _e254 = params.zero;
    let _e260 = ((_e243 > bitcast<f64>((13830554455654793216lu | u64(_e247)))) && (_e243 < bitcast<f64>((4751297606875873280lu | u64(_e254)))));
    if ((bitcast<u64>(_e243) & 9223372036854775807lu) > 9218868437227405312lu) {
        atomicStore((&status[0]), 6u);
        return;
    }
    if !(_e260) {
        atomicStore((&status[0]), 7u);
        return;
    }
    let _e276 = params.zero;
    let _e286 = bitcast<u32>((_e241 + 16i));
    let _e290 = ((_e286 & 7u) != 0u);
    let _e292 = (_e286 >> 3u);
    if (_e290 || (_e292 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e290));
        return;
    }
    buffer1_[_e292] = i64(bitcast<i32>(u32(select(bitcast<f64>((0lu | u64(_e276))), _e243, _e260))));
    let _e305 = local8_;
    let _e307 = local7_;
    let _e308 = f32(_e307);
    let _e312 = params.zero;
    let _e318 = params.zero;
    let _e323 = ((_e308 >= bitcast<f32>((3741319168u | _e312))) && (_e308 < bitcast<f32>((1593835520u | _e318))));
    if ((bitcast<u32>(_e308) & 2147483647u) > 2139095040u) {
        atomicStore((&status[0]), 6u);
        return;
    }
    if !(_e323) {
        atomicStore((&status[0]), 7u);
        return;
    }
    let _e339 = params.zero;
    let _e346 = bitcast<u32>((_e305 + 24i));
    let _e350 = ((_e346 & 7u) != 0u);
    let _e352 = (_e346 >> 3u);
    if (_e350 || (_e352 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e350));
        return;
    }
    buffer1_[_e352] = i64(select(bitcast<f32>((0u | _e339)), _e308, _e323));
    let _e365 = local8_;
    let _e367 = local7_;
    let _e369 = bitcast<u64>(bitcast<i64>(_e367));
    let _e373 = u32((_e369 >> 32u));
    let _e382 = local7_;
    let _e389 = bitcast<u64>((bitcast<i64>((bitcast<u64>(bitcast<i64>(_e382)) << 48u)) >> 48u));
    let _e401 = bitcast<u32>((_e365 + 32i));
    let _e405 = ((_e401 & 7u) != 0u);
    let _e407 = (_e401 >> 3u);
    if (_e405 || (_e407 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e405));
        return;
    }
    buffer1_[_e407] = (i64(select(countLeadingZeros(_e373), (32u + countLeadingZeros(u32(_e369))), (_e373 == 0u))) + i64((countOneBits(u32(_e389)) + countOneBits(u32((_e389 >> 32u))))));
    let _e420 = local8_;
    let _e422 = local7_;
    let _e424 = bitcast<u64>(bitcast<i64>(_e422));
    let _e425 = u32(_e424);
    let _e439 = params.zero;
    let _e444 = (u32(60li) & 63u);
    let _e448 = bitcast<u64>(i64(select(countTrailingZeros(_e425), (32u + countTrailingZeros(u32((_e424 >> 32u)))), (_e425 == 0u))));
    let _e455 = bitcast<u32>((_e420 + 40i));
    let _e459 = ((_e455 & 7u) != 0u);
    let _e461 = (_e455 >> 3u);
    if (_e459 || (_e461 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e459));
        return;
    }
    buffer1_[_e461] = bitcast<i64>(((_e448 << _e444) | (_e448 >> ((64u - _e444) & 63u))));
    let _e474 = local8_;
    let _e478 = params.zero;
    let _e483 = local7_;
    let _e499 = bitcast<u32>((_e474 + 48i));
    let _e503 = ((_e499 & 7u) != 0u);
    let _e505 = (_e499 >> 3u);
    if (_e503 || (_e505 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e503));
        return;
    }
    buffer1_[_e505] = bitcast<i64>(bitcast<f64>(((bitcast<u64>(bitcast<f64>((9218868437227405312lu | u64(_e478)))) & 9223372036854775807lu) | (bitcast<u64>(bitcast<f64>((bitcast<u64>(_e483) ^ 9223372036854775808lu))) & 9223372036854775808lu))));
    let _e519 = local8_;
    let _e523 = params.zero;
    let _e528 = local7_;
    let _e538 = bitcast<u32>((_e519 + 56i));
    let _e542 = ((_e538 & 7u) != 0u);
    let _e544 = (_e538 >> 3u);
    if (_e542 || (_e544 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e542));
        return;
    }
    buffer1_[_e544] = bitcast<i64>((bitcast<f64>((9221120237041090560lu | u64(_e523))) + round(bitcast<f64>((bitcast<u64>(_e528) & 9223372036854775807lu)))));
}
