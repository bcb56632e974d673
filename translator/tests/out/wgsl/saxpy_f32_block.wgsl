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
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    let _e38 = local3_;
    let _e40 = local0_;
    let _e42 = local2_;
    local7_ = (_e38 + ((_e40 * _e42) << (bitcast<u32>(2i) & 31u)));
    let _e52 = local5_;
    let _e54 = local0_;
    let _e56 = local2_;
    local8_ = (_e52 + ((_e54 * _e56) << (bitcast<u32>(2i) & 31u)));
    let _e66 = local8_;
    let _e68 = local2_;
    local9_ = (_e66 + (_e68 << (bitcast<u32>(2i) & 31u)));
    loop {
        let _e77 = local8_;
        let _e79 = local9_;
        if (select(0i, 1i, (bitcast<u32>(_e77) >= bitcast<u32>(_e79))) != 0i) {
            break;
        }
        loop {
            let _e89 = local8_;
            let _e92 = params.zero;
            let _e97 = local7_;
            let _e100 = bitcast<u32>((_e97 + 0i));
            if ((_e100 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e109 = (_e100 >> 2u);
            if (_e109 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e118 = buffer0_[_e109];
            let _e121 = local8_;
            let _e124 = bitcast<u32>((_e121 + 0i));
            if ((_e124 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e133 = (_e124 >> 2u);
            if (_e133 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e142 = buffer1_[_e133];
            let _e146 = bitcast<u32>((_e89 + 0i));
            if ((_e146 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e155 = (_e146 >> 2u);
            if (_e155 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e155] = ((bitcast<f32>((1075838976u | _e92)) * _e118) + _e142);
            let _e165 = local7_;
            local7_ = (_e165 + 4i);
            let _e170 = local8_;
            local8_ = (_e170 + 4i);
            let _e175 = local8_;
            let _e177 = local9_;
            if (select(0i, 1i, (bitcast<u32>(_e175) < bitcast<u32>(_e177))) != 0i) {
                continue;
            }
            break;
        }
        break;
    }
}
