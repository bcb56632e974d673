struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
    budget: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage> buffer0_: array<i32>;
@group(0) @binding(2) 
var<storage> buffer1_: array<i32>;
@group(0) @binding(3) 
var<storage, read_write> buffer2_: array<i32>;
@group(0) @binding(4) 
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
    var local10_: i32;
    var local11_: i32;

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
    local9_ = (0i | i32(_e29));
    let _e36 = params.zero;
    local10_ = (0i | i32(_e36));
    let _e43 = params.zero;
    local11_ = (0i | i32(_e43));
    let _e49 = params.budget;
    loop_budget = _e49;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    local7_ = 0i;
    local8_ = bitcast<i32>((arrayLength((&buffer2_)) * 4u));
    let _e76 = local0_;
    local9_ = (_e76 << (bitcast<u32>(3i) & 31u));
    let _e84 = local3_;
    let _e86 = local9_;
    let _e90 = bitcast<u32>(((_e84 + _e86) + 0i));
    let _e94 = ((_e90 & 3u) != 0u);
    let _e96 = (_e90 >> 2u);
    if (_e94 || (_e96 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e94));
        return;
    }
    let _e108 = buffer0_[_e96];
    local10_ = _e108;
    let _e111 = local5_;
    let _e113 = local9_;
    let _e117 = bitcast<u32>(((_e111 + _e113) + 0i));
    let _e121 = ((_e117 & 3u) != 0u);
    let _e123 = (_e117 >> 2u);
    if (_e121 || (_e123 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e121));
        return;
    }
    let _e135 = buffer1_[_e123];
    local11_ = _e135;
    let _e138 = local7_;
    let _e140 = local9_;
    let _e143 = local10_;
    let _e145 = local11_;
    if (_e145 == 0i) {
        atomicStore((&status[0]), 2u);
        return;
    }
    if ((_e143 == i32(-2147483648)) && (_e145 == -1i)) {
        atomicStore((&status[0]), 3u);
        return;
    }
    let _e162 = bitcast<u32>(((_e138 + _e140) + 0i));
    let _e166 = ((_e162 & 3u) != 0u);
    let _e168 = (_e162 >> 2u);
    if (_e166 || (_e168 >= arrayLength((&buffer2_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e166));
        return;
    }
    buffer2_[_e168] = (_e143 / _e145);
    let _e181 = local7_;
    let _e183 = local9_;
    let _e186 = local10_;
    let _e188 = local11_;
    if (_e188 == 0i) {
        atomicStore((&status[0]), 2u);
        return;
    }
    let _e200 = bitcast<u32>(((_e181 + _e183) + 4i));
    let _e204 = ((_e200 & 3u) != 0u);
    let _e206 = (_e200 >> 2u);
    if (_e204 || (_e206 >= arrayLength((&buffer2_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e204));
        return;
    }
    buffer2_[_e206] = bitcast<i32>((bitcast<u32>(_e186) % bitcast<u32>(_e188)));
}
