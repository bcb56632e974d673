struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
    budget: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage, read_write> buffer0_: array<f64>;
@group(0) @binding(2) 
var<storage, read_write> status: array<atomic<u32>>;
@group(0) @binding(3) 
var<storage> statics: array<u32>;
@group(0) @binding(4) 
var<storage> statics64_: array<f64>;

@compute @workgroup_size(64, 1, 1) 
fn main(@builtin(global_invocation_id) global_id: vec3<u32>, @builtin(num_workgroups) num_workgroups: vec3<u32>) {
    var branch_counter: u32;
    var loop_budget: u32;
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
    let _e17 = atomicLoad((&status[0]));
    if (_e17 != 0u) {
        return;
    }
    local0_ = bitcast<i32>(_e8);
    local1_ = bitcast<i32>(_e11);
    local2_ = bitcast<i32>(_e13);
    let _e28 = params.budget;
    loop_budget = _e28;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 8u));
    let _e39 = local3_;
    let _e41 = local0_;
    let _e49 = local0_;
    let _e59 = bitcast<u32>((((_e49 & 3i) << (bitcast<u32>(3i) & 31u)) + 1024i));
    let _e63 = ((_e59 & 7u) != 0u);
    let _e66 = atomicLoad((&status[1]));
    if (_e63 || ((_e59 > _e66) || (8u > (_e66 - _e59)))) {
        atomicStore((&status[0]), select(4u, 5u, _e63));
        return;
    }
    let _e79 = (_e59 >> 3u);
    let _e82 = (_e79 >= arrayLength((&statics64_)));
    let _e87 = statics64_[select(_e79, 0u, _e82)];
    let _e91 = params.zero;
    let _e99 = bitcast<u32>((1056i + 0i));
    let _e103 = ((_e99 & 3u) != 0u);
    let _e106 = atomicLoad((&status[1]));
    if (_e103 || ((_e99 > _e106) || (4u > (_e106 - _e99)))) {
        atomicStore((&status[0]), select(4u, 5u, _e103));
        return;
    }
    let _e119 = (_e99 >> 2u);
    let _e122 = (_e119 >= arrayLength((&statics)));
    let _e127 = statics[select(_e119, 0u, _e122)];
    let _e133 = params.zero;
    let _e140 = bitcast<u32>(((_e39 + (_e41 << (bitcast<u32>(3i) & 31u))) + 0i));
    let _e144 = ((_e140 & 7u) != 0u);
    let _e146 = (_e140 >> 3u);
    if (_e144 || (_e146 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e144));
        return;
    }
    buffer0_[_e146] = (select(_e87, bitcast<f64>((0lu | u64(_e91))), _e82) * f64((select(bitcast<i32>(_e127), 0i, _e122) | i32(_e133))));
}
