struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
    budget: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage> buffer0_: array<i32>;
@group(0) @binding(2) 
var<storage, read_write> buffer1_: array<i32>;
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
    var local7_: i32;

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
    local7_ = (0i | i32(_e29));
    let _e35 = params.budget;
    loop_budget = _e35;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    let _e54 = local0_;
    local7_ = (_e54 << (bitcast<u32>(2i) & 31u));
    let _e62 = local7_;
    let _e64 = local6_;
    loop {
        if (select(0i, 1i, (bitcast<u32>(_e62) >= bitcast<u32>(_e64))) != 0i) {
            return;
        }
        break;
    }
    let _e74 = local5_;
    let _e76 = local7_;
    let _e79 = local3_;
    let _e81 = local7_;
    let _e85 = bitcast<u32>(((_e79 + _e81) + 0i));
    let _e89 = ((_e85 & 3u) != 0u);
    let _e91 = (_e85 >> 2u);
    if (_e89 || (_e91 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e89));
        return;
    }
    let _e103 = buffer0_[_e91];
    let _e108 = bitcast<u32>(((_e74 + _e76) + 0i));
    let _e112 = ((_e108 & 3u) != 0u);
    let _e114 = (_e108 >> 2u);
    if (_e112 || (_e114 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e112));
        return;
    }
    buffer1_[_e114] = (_e103 * 2i);
}
