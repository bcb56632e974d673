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
    var local: i32;

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
    let _e30 = local3_;
    let _e32 = local0_;
    loop {
        loop {
            loop {
                loop {
                    loop {
                        let _e40 = local0_;
                        if (4i == 0i) {
                            status[0] = 2u;
                            return;
                        }
                        let _e50 = bitcast<i32>((bitcast<u32>(_e40) % bitcast<u32>(4i)));
                        if (_e50 == 0i) {
                            break;
                        }
                        if (_e50 == 1i) {
                            branch_counter = 1u;
                            break;
                        }
                        if (_e50 == 2i) {
                            branch_counter = 2u;
                            break;
                        }
                        branch_counter = 3u;
                        break;
                        break;
                    }
                    let _e64 = branch_counter;
                    let _e68 = (_e64 - 1u);
                    if (_e64 != 0u) {
                        branch_counter = _e68;
                        if (_e68 == 0u) {
                            break;
                        } else {
                            break;
                        }
                    }
                    local = 10i;
                    branch_counter = 3u;
                    break;
                    break;
                }
                let _e76 = branch_counter;
                let _e80 = (_e76 - 1u);
                if (_e76 != 0u) {
                    branch_counter = _e80;
                    if (_e80 == 0u) {
                        break;
                    } else {
                        break;
                    }
                }
                local = 20i;
                branch_counter = 2u;
                break;
                break;
            }
            let _e88 = branch_counter;
            let _e92 = (_e88 - 1u);
            if (_e88 != 0u) {
                branch_counter = _e92;
                if (_e92 == 0u) {
                    break;
                } else {
                    break;
                }
            }
            local = 30i;
            branch_counter = 1u;
            break;
            break;
        }
        let _e100 = branch_counter;
        let _e104 = (_e100 - 1u);
        if (_e100 != 0u) {
            branch_counter = _e104;
            if (_e104 == 0u) {
                break;
            } else {
                break;
            }
        }
        local = -1i;
        break;
    }
    let _e110 = local;
    let _e113 = bitcast<u32>(((_e30 + (_e32 << (bitcast<u32>(2i) & 31u))) + 0i));
    if ((_e113 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e122 = (_e113 >> 2u);
    if (_e122 >= arrayLength((&buffer0_))) {
        status[0] = 4u;
        return;
    }
    buffer0_[_e122] = _e110;
}
