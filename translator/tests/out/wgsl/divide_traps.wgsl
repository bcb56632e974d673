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
    let _e24 = params.zero;
    local9_ = (0i | i32(_e24));
    let _e31 = params.zero;
    local10_ = (0i | i32(_e31));
    let _e38 = params.zero;
    local11_ = (0i | i32(_e38));
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    local7_ = 0i;
    local8_ = bitcast<i32>((arrayLength((&buffer2_)) * 4u));
    let _e67 = local0_;
    local9_ = (_e67 << (bitcast<u32>(3i) & 31u));
    let _e75 = local3_;
    let _e77 = local9_;
    let _e81 = bitcast<u32>(((_e75 + _e77) + 0i));
    if ((_e81 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e90 = (_e81 >> 2u);
    if (_e90 >= arrayLength((&buffer0_))) {
        status[0] = 4u;
        return;
    }
    let _e99 = buffer0_[_e90];
    local10_ = _e99;
    let _e102 = local5_;
    let _e104 = local9_;
    let _e108 = bitcast<u32>(((_e102 + _e104) + 0i));
    if ((_e108 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e117 = (_e108 >> 2u);
    if (_e117 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    let _e126 = buffer1_[_e117];
    local11_ = _e126;
    let _e129 = local7_;
    let _e131 = local9_;
    let _e134 = local10_;
    let _e136 = local11_;
    if (_e136 == 0i) {
        status[0] = 2u;
        return;
    }
    if ((_e134 == i32(-2147483648)) && (_e136 == -1i)) {
        status[0] = 3u;
        return;
    }
    let _e153 = bitcast<u32>(((_e129 + _e131) + 0i));
    if ((_e153 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e162 = (_e153 >> 2u);
    if (_e162 >= arrayLength((&buffer2_))) {
        status[0] = 4u;
        return;
    }
    buffer2_[_e162] = (_e134 / _e136);
    let _e172 = local7_;
    let _e174 = local9_;
    let _e177 = local10_;
    let _e179 = local11_;
    if (_e179 == 0i) {
        status[0] = 2u;
        return;
    }
    let _e191 = bitcast<u32>(((_e172 + _e174) + 4i));
    if ((_e191 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e200 = (_e191 >> 2u);
    if (_e200 >= arrayLength((&buffer2_))) {
        status[0] = 4u;
        return;
    }
    buffer2_[_e200] = bitcast<i32>((bitcast<u32>(_e177) % bitcast<u32>(_e179)));
}
