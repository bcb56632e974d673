struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
    budget: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage, read_write> buffer0_: array<i64>;
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
    var local7_: i64;
    var local8_: i32;

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
    local7_ = (0li | i64(_e29));
    let _e36 = params.zero;
    local8_ = (0i | i32(_e36));
    let _e42 = params.budget;
    loop_budget = _e42;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 8u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    let _e61 = local0_;
    local7_ = bitcast<i64>(u64(bitcast<u32>(_e61)));
    loop {
        let _e67 = loop_budget;
        if (_e67 == 0u) {
            let _e72 = params.budget;
            if (_e72 != 4294967295u) {
                atomicStore((&status[0]), 9u);
                return;
            }
            loop_budget = 4294967295u;
        }
        let _e80 = loop_budget;
        loop_budget = (_e80 - 1u);
        let _e85 = local7_;
        let _e89 = params.zero;
        let _e96 = params.zero;
        local7_ = ((_e85 * (6364136223846793005li | i64(_e89))) + (1442695040888963407li | i64(_e96)));
        let _e102 = local8_;
        local8_ = (_e102 + 1i);
        let _e107 = local8_;
        if (select(0i, 1i, (bitcast<u32>(_e107) < bitcast<u32>(10i))) != 0i) {
            continue;
        }
        break;
    }
    let _e118 = local3_;
    let _e120 = local0_;
    let _e128 = local7_;
    let _e131 = bitcast<u32>(((_e118 + (_e120 << (bitcast<u32>(3i) & 31u))) + 0i));
    let _e135 = ((_e131 & 7u) != 0u);
    let _e137 = (_e131 >> 3u);
    if (_e135 || (_e137 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e135));
        return;
    }
    buffer0_[_e137] = _e128;
    let _e150 = local5_;
    let _e152 = local0_;
    let _e160 = local7_;
    let _e164 = params.zero;
    let _e174 = local7_;
    let _e178 = params.zero;
    let _e180 = (1000li | i64(_e178));
    if (_e180 == 0li) {
        atomicStore((&status[0]), 2u);
        return;
    }
    let _e198 = bitcast<u32>(((_e150 + (_e152 << (bitcast<u32>(2i) & 31u))) + 0i));
    let _e202 = ((_e198 & 3u) != 0u);
    let _e204 = (_e198 >> 2u);
    if (_e202 || (_e204 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e202));
        return;
    }
    buffer1_[_e204] = i32((bitcast<i64>((bitcast<u64>(_e160) >> (u32(33li) & 63u))) ^ (_e174 % select(_e180, 1li, ((_e174 == i64(-9223372036854775807 - 1)) && (_e180 == -1li))))));
}
