struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage, read_write> buffer0_: array<i64>;
@group(0) @binding(2) 
var<storage, read_write> buffer1_: array<i32>;
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
    var local7_: i64;
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
    local7_ = (0li | i64(_e24));
    let _e31 = params.zero;
    local8_ = (0i | i32(_e31));
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 8u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    let _e52 = local0_;
    local7_ = bitcast<i64>(u64(bitcast<u32>(_e52)));
    loop {
        let _e58 = local7_;
        local7_ = ((_e58 * 6364136223846793005li) + 1442695040888963407li);
        let _e65 = local8_;
        local8_ = (_e65 + 1i);
        let _e70 = local8_;
        if (select(0i, 1i, (bitcast<u32>(_e70) < bitcast<u32>(10i))) != 0i) {
            continue;
        }
        break;
    }
    let _e81 = local3_;
    let _e83 = local0_;
    let _e91 = local7_;
    let _e94 = bitcast<u32>(((_e81 + (_e83 << (bitcast<u32>(3i) & 31u))) + 0i));
    if ((_e94 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e103 = (_e94 >> 3u);
    if (_e103 >= arrayLength((&buffer0_))) {
        status[0] = 4u;
        return;
    }
    buffer0_[_e103] = _e91;
    let _e113 = local5_;
    let _e115 = local0_;
    let _e123 = local7_;
    let _e132 = local7_;
    if (1000li == 0li) {
        status[0] = 2u;
        return;
    }
    let _e151 = bitcast<u32>(((_e113 + (_e115 << (bitcast<u32>(2i) & 31u))) + 0i));
    if ((_e151 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e160 = (_e151 >> 2u);
    if (_e160 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e160] = i32((bitcast<i64>((bitcast<u64>(_e123) >> (u32(33li) & 63u))) ^ (_e132 % select(1000li, 1li, ((_e132 == i64(-9223372036854775807 - 1)) && (1000li == -1li))))));
}
