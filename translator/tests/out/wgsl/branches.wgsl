struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage, read_write> buffer0_: array<i32>;
@group(0) @binding(2) 
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
    var local: i32;
    var local_1: i32;

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
    let _e30 = local0_;
    local5_ = (_e30 + 1i);
    let _e35 = local3_;
    let _e37 = local0_;
    loop {
        loop {
            loop {
                let _e45 = local6_;
                let _e47 = local5_;
                if (select(0i, 1i, (_e47 == 1i)) != 0i) {
                    local = _e45;
                    branch_counter = 2u;
                    break;
                }
                let _e59 = local6_;
                if (select(0i, 1i, (bitcast<u32>(_e59) >= bitcast<u32>(100i))) != 0i) {
                    branch_counter = 1u;
                    break;
                }
                let _e72 = local5_;
                loop {
                    if ((_e72 & 1i) != 0i) {
                        let _e78 = local5_;
                        local_1 = ((_e78 * 3i) + 1i);
                    } else {
                        let _e85 = local5_;
                        local_1 = bitcast<i32>((bitcast<u32>(_e85) >> (bitcast<u32>(1i) & 31u)));
                    }
                    break;
                }
                let _e95 = local_1;
                local5_ = _e95;
                let _e98 = local6_;
                local6_ = (_e98 + 1i);
                continue;
                break;
            }
            let _e103 = branch_counter;
            let _e107 = (_e103 - 1u);
            if (_e103 != 0u) {
                branch_counter = _e107;
                if (_e107 == 0u) {
                    break;
                } else {
                    break;
                }
            }
            break;
        }
        let _e111 = branch_counter;
        let _e115 = (_e111 - 1u);
        if (_e111 != 0u) {
            branch_counter = _e115;
            if (_e115 == 0u) {
                break;
            } else {
                break;
            }
        }
        local = -1i;
        break;
    }
    let _e121 = local;
    let _e124 = bitcast<u32>(((_e35 + (_e37 << (bitcast<u32>(2i) & 31u))) + 0i));
    if ((_e124 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e133 = (_e124 >> 2u);
    if (_e133 >= arrayLength((&buffer0_))) {
        status[0] = 4u;
        return;
    }
    buffer0_[_e133] = _e121;
}
