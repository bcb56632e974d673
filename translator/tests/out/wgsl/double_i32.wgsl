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
    var local7_: i32;

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
    local7_ = (0i | i32(_e24));
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    let _e45 = local0_;
    local7_ = (_e45 << (bitcast<u32>(2i) & 31u));
    let _e53 = local7_;
    let _e55 = local6_;
    loop {
        if (select(0i, 1i, (bitcast<u32>(_e53) >= bitcast<u32>(_e55))) != 0i) {
            return;
        }
        break;
    }
    let _e65 = local5_;
    let _e67 = local7_;
    let _e70 = local3_;
    let _e72 = local7_;
    let _e76 = bitcast<u32>(((_e70 + _e72) + 0i));
    if ((_e76 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e85 = (_e76 >> 2u);
    if (_e85 >= arrayLength((&buffer0_))) {
        status[0] = 4u;
        return;
    }
    let _e94 = buffer0_[_e85];
    let _e99 = bitcast<u32>(((_e65 + _e67) + 0i));
    if ((_e99 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e108 = (_e99 >> 2u);
    if (_e108 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    buffer1_[_e108] = (_e94 * 2i);
}
