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
    let _e24 = params.zero;
    local5_ = (0i | i32(_e24));
    let _e31 = params.zero;
    local6_ = (0i | i32(_e31));
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    let _e44 = local0_;
    local5_ = (_e44 + 1i);
    let _e49 = local3_;
    let _e51 = local0_;
    loop {
        loop {
            loop {
                let _e59 = local6_;
                let _e61 = local5_;
                if (select(0i, 1i, (_e61 == 1i)) != 0i) {
                    local = _e59;
                    branch_counter = 2u;
                    break;
                }
                let _e73 = local6_;
                if (select(0i, 1i, (bitcast<u32>(_e73) >= bitcast<u32>(100i))) != 0i) {
                    branch_counter = 1u;
                    break;
                }
                let _e86 = local5_;
                loop {
                    if ((_e86 & 1i) != 0i) {
                        let _e92 = local5_;
                        local_1 = ((_e92 * 3i) + 1i);
                    } else {
                        let _e99 = local5_;
                        local_1 = bitcast<i32>((bitcast<u32>(_e99) >> (bitcast<u32>(1i) & 31u)));
                    }
                    break;
                }
                let _e109 = local_1;
                local5_ = _e109;
                let _e112 = local6_;
                local6_ = (_e112 + 1i);
                continue;
                break;
            }
            let _e117 = branch_counter;
            let _e121 = (_e117 - 1u);
            if (_e117 != 0u) {
                branch_counter = _e121;
                if (_e121 == 0u) {
                    break;
                } else {
                    break;
                }
            }
            break;
        }
        let _e125 = branch_counter;
        let _e129 = (_e125 - 1u);
        if (_e125 != 0u) {
            branch_counter = _e129;
            if (_e129 == 0u) {
                break;
            } else {
                break;
            }
        }
        local = -1i;
        break;
    }
    let _e135 = local;
    let _e138 = bitcast<u32>(((_e49 + (_e51 << (bitcast<u32>(2i) & 31u))) + 0i));
    if ((_e138 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e147 = (_e138 >> 2u);
    if (_e147 >= arrayLength((&buffer0_))) {
        status[0] = 4u;
        return;
    }
    buffer0_[_e147] = _e135;
}
