struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage> buffer0_: array<i32>;
@group(0) @binding(2) 
var<storage> buffer1_: array<i32>;
@group(0) @binding(3) 
var<storage, read_write> buffer2_: array<i32>;
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
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    local7_ = 0i;
    local8_ = bitcast<i32>((arrayLength((&buffer2_)) * 4u));
    let _e46 = local0_;
    local9_ = (_e46 << (bitcast<u32>(3i) & 31u));
    let _e54 = local3_;
    let _e56 = local9_;
    let _e60 = bitcast<u32>(((_e54 + _e56) + 0i));
    if ((_e60 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e69 = (_e60 >> 2u);
    if (_e69 >= arrayLength((&buffer0_))) {
        status[0] = 4u;
        return;
    }
    let _e78 = buffer0_[_e69];
    local10_ = _e78;
    let _e81 = local5_;
    let _e83 = local9_;
    let _e87 = bitcast<u32>(((_e81 + _e83) + 0i));
    if ((_e87 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e96 = (_e87 >> 2u);
    if (_e96 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    let _e105 = buffer1_[_e96];
    local11_ = _e105;
    let _e108 = local7_;
    let _e110 = local9_;
    let _e113 = local10_;
    let _e115 = local11_;
    if (_e115 == 0i) {
        status[0] = 2u;
        return;
    }
    if ((_e113 == i32(-2147483648)) && (_e115 == -1i)) {
        status[0] = 3u;
        return;
    }
    let _e132 = bitcast<u32>(((_e108 + _e110) + 0i));
    if ((_e132 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e141 = (_e132 >> 2u);
    if (_e141 >= arrayLength((&buffer2_))) {
        status[0] = 4u;
        return;
    }
    buffer2_[_e141] = (_e113 / _e115);
    let _e151 = local7_;
    let _e153 = local9_;
    let _e156 = local10_;
    let _e158 = local11_;
    if (_e158 == 0i) {
        status[0] = 2u;
        return;
    }
    let _e170 = bitcast<u32>(((_e151 + _e153) + 4i));
    if ((_e170 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e179 = (_e170 >> 2u);
    if (_e179 >= arrayLength((&buffer2_))) {
        status[0] = 4u;
        return;
    }
    buffer2_[_e179] = bitcast<i32>((bitcast<u32>(_e156) % bitcast<u32>(_e158)));
}
