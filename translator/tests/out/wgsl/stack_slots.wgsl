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
    var local7_: i32;
    var local8_: i32;
    var local9_: i32;
    var local10_: i32;
    var local11_: i32;
    var local12_: i32;
    var stack: array<u32, 4096>;

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
    let _e50 = params.zero;
    local10_ = (0i | i32(_e50));
    let _e57 = params.zero;
    local11_ = (0i | i32(_e57));
    let _e64 = params.zero;
    local12_ = (0i | i32(_e64));
    let _e70 = params.budget;
    loop_budget = _e70;
    local8_ = 65536i;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    let _e91 = local8_;
    local7_ = (_e91 - 16i);
    let _e96 = local7_;
    local8_ = _e96;
    let _e99 = local7_;
    let _e103 = local3_;
    let _e105 = local4_;
    let _e107 = local0_;
    local12_ = _e107;
    local11_ = _e105;
    local10_ = _e103;
    local9_ = (_e99 + 8i);
    loop {
        let _e113 = local9_;
        let _e115 = local10_;
        let _e117 = local12_;
        let _e128 = (bitcast<u32>((_e113 + 0i)) - 49152u);
        let _e132 = ((_e128 & 3u) != 0u);
        let _e134 = (_e128 >> 2u);
        if (_e132 || (_e134 >= 4096u)) {
            atomicStore((&status[0]), select(4u, 5u, _e132));
            return;
        }
        stack[_e134] = bitcast<u32>((_e115 + (_e117 << (bitcast<u32>(2i) & 31u))));
        let _e147 = local9_;
        let _e153 = (bitcast<u32>((_e147 + 4i)) - 49152u);
        let _e157 = ((_e153 & 3u) != 0u);
        let _e159 = (_e153 >> 2u);
        if (_e157 || (_e159 >= 4096u)) {
            atomicStore((&status[0]), select(4u, 5u, _e157));
            return;
        }
        stack[_e159] = bitcast<u32>(4i);
        break;
    }
    let _e172 = local5_;
    let _e174 = local0_;
    let _e182 = local7_;
    let _e187 = (bitcast<u32>((_e182 + 8i)) - 49152u);
    let _e191 = ((_e187 & 3u) != 0u);
    let _e193 = (_e187 >> 2u);
    if (_e191 || (_e193 >= 4096u)) {
        atomicStore((&status[0]), select(4u, 5u, _e191));
        return;
    }
    let _e204 = stack[_e193];
    let _e208 = bitcast<u32>((bitcast<i32>(_e204) + 0i));
    let _e212 = ((_e208 & 3u) != 0u);
    let _e214 = (_e208 >> 2u);
    if (_e212 || (_e214 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e212));
        return;
    }
    let _e226 = buffer0_[_e214];
    let _e228 = local7_;
    let _e233 = (bitcast<u32>((_e228 + 12i)) - 49152u);
    let _e237 = ((_e233 & 3u) != 0u);
    let _e239 = (_e233 >> 2u);
    if (_e237 || (_e239 >= 4096u)) {
        atomicStore((&status[0]), select(4u, 5u, _e237));
        return;
    }
    let _e250 = stack[_e239];
    let _e255 = bitcast<u32>(((_e172 + (_e174 << (bitcast<u32>(2i) & 31u))) + 0i));
    let _e259 = ((_e255 & 3u) != 0u);
    let _e261 = (_e255 >> 2u);
    if (_e259 || (_e261 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e259));
        return;
    }
    buffer1_[_e261] = (_e226 + bitcast<i32>(_e250));
    let _e274 = local7_;
    local8_ = (_e274 + 16i);
}
