struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
    budget: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage> buffer0_: array<f32>;
@group(0) @binding(2) 
var<storage, read_write> buffer1_: array<f32>;
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
    var local8_: i32;
    var local9_: i32;

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
    let _e36 = params.zero;
    local8_ = (0i | i32(_e36));
    let _e43 = params.zero;
    local9_ = (0i | i32(_e43));
    let _e49 = params.budget;
    loop_budget = _e49;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    let _e68 = local3_;
    let _e70 = local0_;
    let _e72 = local2_;
    local7_ = (_e68 + ((_e70 * _e72) << (bitcast<u32>(2i) & 31u)));
    let _e82 = local5_;
    let _e84 = local0_;
    let _e86 = local2_;
    local8_ = (_e82 + ((_e84 * _e86) << (bitcast<u32>(2i) & 31u)));
    let _e96 = local8_;
    let _e98 = local2_;
    local9_ = (_e96 + (_e98 << (bitcast<u32>(2i) & 31u)));
    loop {
        let _e107 = local8_;
        let _e109 = local9_;
        if (select(0i, 1i, (bitcast<u32>(_e107) >= bitcast<u32>(_e109))) != 0i) {
            break;
        }
        loop {
            let _e119 = loop_budget;
            if (_e119 == 0u) {
                let _e124 = params.budget;
                if (_e124 != 4294967295u) {
                    atomicStore((&status[0]), 9u);
                    return;
                }
                loop_budget = 4294967295u;
            }
            let _e132 = loop_budget;
            loop_budget = (_e132 - 1u);
            let _e137 = local8_;
            let _e141 = params.zero;
            let _e145 = local7_;
            let _e148 = bitcast<u32>((_e145 + 0i));
            let _e152 = ((_e148 & 3u) != 0u);
            let _e154 = (_e148 >> 2u);
            if (_e152 || (_e154 >= arrayLength((&buffer0_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e152));
                return;
            }
            let _e166 = buffer0_[_e154];
            let _e169 = local8_;
            let _e172 = bitcast<u32>((_e169 + 0i));
            let _e176 = ((_e172 & 3u) != 0u);
            let _e178 = (_e172 >> 2u);
            if (_e176 || (_e178 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e176));
                return;
            }
            let _e190 = buffer1_[_e178];
            let _e194 = bitcast<u32>((_e137 + 0i));
            let _e198 = ((_e194 & 3u) != 0u);
            let _e200 = (_e194 >> 2u);
            if (_e198 || (_e200 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e198));
                return;
            }
            buffer1_[_e200] = ((bitcast<f32>((1075838976u | _e141)) * _e166) + _e190);
            let _e213 = local7_;
            local7_ = (_e213 + 4i);
            let _e218 = local8_;
            local8_ = (_e218 + 4i);
            let _e223 = local8_;
            let _e225 = local9_;
            if (select(0i, 1i, (bitcast<u32>(_e223) < bitcast<u32>(_e225))) != 0i) {
                continue;
            }
            break;
        }
        break;
    }
}
