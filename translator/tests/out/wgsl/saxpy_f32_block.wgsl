struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage> buffer0_: array<f32>;
@group(0) @binding(2) 
var<storage, read_write> buffer1_: array<f32>;
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
    var local8_: i32;
    var local9_: i32;

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
    let _e31 = params.zero;
    local8_ = (0i | i32(_e31));
    let _e38 = params.zero;
    local9_ = (0i | i32(_e38));
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    let _e59 = local3_;
    let _e61 = local0_;
    let _e63 = local2_;
    local7_ = (_e59 + ((_e61 * _e63) << (bitcast<u32>(2i) & 31u)));
    let _e73 = local5_;
    let _e75 = local0_;
    let _e77 = local2_;
    local8_ = (_e73 + ((_e75 * _e77) << (bitcast<u32>(2i) & 31u)));
    let _e87 = local8_;
    let _e89 = local2_;
    local9_ = (_e87 + (_e89 << (bitcast<u32>(2i) & 31u)));
    loop {
        let _e98 = local8_;
        let _e100 = local9_;
        if (select(0i, 1i, (bitcast<u32>(_e98) >= bitcast<u32>(_e100))) != 0i) {
            break;
        }
        loop {
            let _e110 = local8_;
            let _e114 = params.zero;
            let _e118 = local7_;
            let _e121 = bitcast<u32>((_e118 + 0i));
            if ((_e121 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e130 = (_e121 >> 2u);
            if (_e130 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e139 = buffer0_[_e130];
            let _e142 = local8_;
            let _e145 = bitcast<u32>((_e142 + 0i));
            if ((_e145 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e154 = (_e145 >> 2u);
            if (_e154 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e163 = buffer1_[_e154];
            let _e167 = bitcast<u32>((_e110 + 0i));
            if ((_e167 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e176 = (_e167 >> 2u);
            if (_e176 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e176] = ((bitcast<f32>((1075838976u | _e114)) * _e139) + _e163);
            let _e186 = local7_;
            local7_ = (_e186 + 4i);
            let _e191 = local8_;
            local8_ = (_e191 + 4i);
            let _e196 = local8_;
            let _e198 = local9_;
            if (select(0i, 1i, (bitcast<u32>(_e196) < bitcast<u32>(_e198))) != 0i) {
                continue;
            }
            break;
        }
        break;
    }
}
