struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
    budget: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage, read_write> buffer0_: array<i32>;
@group(0) @binding(2) 
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
    var local: i32;

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
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    let _e39 = local3_;
    let _e41 = local0_;
    loop {
        loop {
            loop {
                loop {
                    loop {
                        let _e49 = local0_;
                        if (4i == 0i) {
                            atomicStore((&status[0]), 2u);
                            return;
                        }
                        let _e59 = bitcast<i32>((bitcast<u32>(_e49) % bitcast<u32>(4i)));
                        if (_e59 == 0i) {
                            break;
                        }
                        if (_e59 == 1i) {
                            branch_counter = 1u;
                            break;
                        }
                        if (_e59 == 2i) {
                            branch_counter = 2u;
                            break;
                        }
                        branch_counter = 3u;
                        break;
                        break;
                    }
                    let _e73 = branch_counter;
                    let _e77 = (_e73 - 1u);
                    if (_e73 != 0u) {
                        branch_counter = _e77;
                        if (_e77 == 0u) {
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
                let _e85 = branch_counter;
                let _e89 = (_e85 - 1u);
                if (_e85 != 0u) {
                    branch_counter = _e89;
                    if (_e89 == 0u) {
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
            let _e97 = branch_counter;
            let _e101 = (_e97 - 1u);
            if (_e97 != 0u) {
                branch_counter = _e101;
                if (_e101 == 0u) {
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
        let _e109 = branch_counter;
        let _e113 = (_e109 - 1u);
        if (_e109 != 0u) {
            branch_counter = _e113;
            if (_e113 == 0u) {
                break;
            } else {
                break;
            }
        }
        local = -1i;
        break;
    }
    let _e119 = local;
    let _e122 = bitcast<u32>(((_e39 + (_e41 << (bitcast<u32>(2i) & 31u))) + 0i));
    let _e126 = ((_e122 & 3u) != 0u);
    let _e128 = (_e122 >> 2u);
    if (_e126 || (_e128 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e126));
        return;
    }
    buffer0_[_e128] = _e119;
}
