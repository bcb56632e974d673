struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage, read_write> buffer0_: array<f64>;
@group(0) @binding(2) 
var<storage, read_write> status: array<u32>;
@group(0) @binding(3) 
var<storage> statics: array<u32>;
@group(0) @binding(4) 
var<storage> statics64_: array<f64>;

@compute @workgroup_size(64, 1, 1) 
fn main(@builtin(global_invocation_id) global_id: vec3<u32>, @builtin(num_workgroups) num_workgroups: vec3<u32>) {
    var branch_counter: u32;
    var local0_: i32;
    var local1_: i32;
    var local2_: i32;
    var local3_: i32;
    var local4_: i32;

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
    let _e30 = local3_;
    let _e32 = local0_;
    let _e40 = local0_;
    let _e50 = bitcast<u32>((((_e40 & 3i) << (bitcast<u32>(3i) & 31u)) + 1024i));
    if ((_e50 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e59 = (_e50 >> 3u);
    if (_e59 >= arrayLength((&statics64_))) {
        status[0] = 4u;
        return;
    }
    let _e68 = statics64_[_e59];
    let _e72 = bitcast<u32>((1056i + 0i));
    if ((_e72 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e81 = (_e72 >> 2u);
    if (_e81 >= arrayLength((&statics))) {
        status[0] = 4u;
        return;
    }
    let _e90 = statics[_e81];
    let _e94 = params.zero;
    let _e101 = bitcast<u32>(((_e30 + (_e32 << (bitcast<u32>(3i) & 31u))) + 0i));
    if ((_e101 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e110 = (_e101 >> 3u);
    if (_e110 >= arrayLength((&buffer0_))) {
        status[0] = 4u;
        return;
    }
    buffer0_[_e110] = (_e68 * f64((bitcast<i32>(_e90) | i32(_e94))));
}
