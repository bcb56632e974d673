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
    let _e17 = atomicLoad((&status[0]));
    if (_e17 != 0u) {
        return;
    }
    local0_ = bitcast<i32>(_e8);
    local1_ = bitcast<i32>(_e11);
    local2_ = bitcast<i32>(_e13);
    let _e29 = params.zero;
    local5_ = (0i | i32(_e29));
    let _e36 = params.zero;
    local6_ = (0i | i32(_e36));
    let _e42 = params.budget;
    loop_budget = _e42;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    let _e53 = local0_;
    local5_ = (_e53 + 1i);
    let _e58 = local3_;
    let _e60 = local0_;
    loop {
        loop {
            loop {
                let _e68 = loop_budget;
                if (_e68 == 0u) {
                    let _e73 = params.budget;
                    if (_e73 != 4294967295u) {
                        atomicStore((&status[0]), 9u);
                        return;
                    }
                    loop_budget = 4294967295u;
                }
                let _e81 = loop_budget;
                loop_budget = (_e81 - 1u);
                let _e86 = local6_;
                let _e88 = local5_;
                if (select(0i, 1i, (_e88 == 1i)) != 0i) {
                    local = _e86;
                    branch_counter = 2u;
                    break;
                }
                let _e100 = local6_;
                if (select(0i, 1i, (bitcast<u32>(_e100) >= bitcast<u32>(100i))) != 0i) {
                    branch_counter = 1u;
                    break;
                }
                let _e113 = local5_;
                loop {
                    if ((_e113 & 1i) != 0i) {
                        let _e119 = local5_;
                        local_1 = ((_e119 * 3i) + 1i);
                    } else {
                        let _e126 = local5_;
                        local_1 = bitcast<i32>((bitcast<u32>(_e126) >> (bitcast<u32>(1i) & 31u)));
                    }
                    break;
                }
                let _e136 = local_1;
                local5_ = _e136;
                let _e139 = local6_;
                local6_ = (_e139 + 1i);
                continue;
                break;
            }
            let _e144 = branch_counter;
            let _e148 = (_e144 - 1u);
            if (_e144 != 0u) {
                branch_counter = _e148;
                if (_e148 == 0u) {
                    break;
                } else {
                    break;
                }
            }
            break;
        }
        let _e152 = branch_counter;
        let _e156 = (_e152 - 1u);
        if (_e152 != 0u) {
            branch_counter = _e156;
            if (_e156 == 0u) {
                break;
            } else {
                break;
            }
        }
        local = -1i;
        break;
    }
    let _e162 = local;
    let _e165 = bitcast<u32>(((_e58 + (_e60 << (bitcast<u32>(2i) & 31u))) + 0i));
    let _e169 = ((_e165 & 3u) != 0u);
    let _e171 = (_e165 >> 2u);
    if (_e169 || (_e171 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e169));
        return;
    }
    buffer0_[_e171] = _e162;
}
