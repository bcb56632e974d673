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
    var local8_: vec4<u32>;
    var local9_: i32;
    var local10_: i32;

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
    local8_ = vec4((0u | _e36));
    let _e43 = params.zero;
    local9_ = (0i | i32(_e43));
    let _e50 = params.zero;
    local10_ = (0i | i32(_e50));
    let _e56 = params.budget;
    loop_budget = _e56;
    local10_ = 65536i;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    let _e77 = local10_;
    local7_ = (_e77 - 32i);
    let _e82 = local7_;
    local10_ = _e82;
    let _e85 = local0_;
    let _e90 = (_e85 << (bitcast<u32>(2i) & 31u));
    let _e95 = vec4<u32>(bitcast<u32>(_e90), bitcast<u32>(_e90), bitcast<u32>(_e90), bitcast<u32>(_e90));
    let _e99 = params.zero;
    let _e104 = params.zero;
    let _e109 = params.zero;
    let _e114 = params.zero;
    let _e116 = vec4<u32>((4u | _e99), (8u | _e104), (12u | _e109), (16u | _e114));
    local8_ = vec4<u32>(bitcast<u32>((bitcast<i32>(_e95.x) + bitcast<i32>(_e116.x))), bitcast<u32>((bitcast<i32>(_e95.y) + bitcast<i32>(_e116.y))), bitcast<u32>((bitcast<i32>(_e95.z) + bitcast<i32>(_e116.z))), bitcast<u32>((bitcast<i32>(_e95.w) + bitcast<i32>(_e116.w))));
    loop {
        let _e144 = local8_;
        let _e146 = local4_;
        let _e151 = vec4<u32>(bitcast<u32>(_e146), bitcast<u32>(_e146), bitcast<u32>(_e146), bitcast<u32>(_e146));
        let _e216 = vec4<u32>(bitcast<u32>(select(0i, -1i, (select(0i, 1i, (bitcast<u32>(bitcast<i32>(_e144.x)) > bitcast<u32>(bitcast<i32>(_e151.x)))) != 0i))), bitcast<u32>(select(0i, -1i, (select(0i, 1i, (bitcast<u32>(bitcast<i32>(_e144.y)) > bitcast<u32>(bitcast<i32>(_e151.y)))) != 0i))), bitcast<u32>(select(0i, -1i, (select(0i, 1i, (bitcast<u32>(bitcast<i32>(_e144.z)) > bitcast<u32>(bitcast<i32>(_e151.z)))) != 0i))), bitcast<u32>(select(0i, -1i, (select(0i, 1i, (bitcast<u32>(bitcast<i32>(_e144.w)) > bitcast<u32>(bitcast<i32>(_e151.w)))) != 0i))));
        local9_ = ((((((((((((((((0i | select(0i, 1i, ((bitcast<i32>((_e216.x << 24u)) >> 24u) < 0i))) | select(0i, 2i, ((bitcast<i32>((_e216.x << 16u)) >> 24u) < 0i))) | select(0i, 4i, ((bitcast<i32>((_e216.x << 8u)) >> 24u) < 0i))) | select(0i, 8i, ((bitcast<i32>((_e216.x << 0u)) >> 24u) < 0i))) | select(0i, 16i, ((bitcast<i32>((_e216.y << 24u)) >> 24u) < 0i))) | select(0i, 32i, ((bitcast<i32>((_e216.y << 16u)) >> 24u) < 0i))) | select(0i, 64i, ((bitcast<i32>((_e216.y << 8u)) >> 24u) < 0i))) | select(0i, 128i, ((bitcast<i32>((_e216.y << 0u)) >> 24u) < 0i))) | select(0i, 256i, ((bitcast<i32>((_e216.z << 24u)) >> 24u) < 0i))) | select(0i, 512i, ((bitcast<i32>((_e216.z << 16u)) >> 24u) < 0i))) | select(0i, 1024i, ((bitcast<i32>((_e216.z << 8u)) >> 24u) < 0i))) | select(0i, 2048i, ((bitcast<i32>((_e216.z << 0u)) >> 24u) < 0i))) | select(0i, 4096i, ((bitcast<i32>((_e216.w << 24u)) >> 24u) < 0i))) | select(0i, 8192i, ((bitcast<i32>((_e216.w << 16u)) >> 24u) < 0i))) | select(0i, 16384i, ((bitcast<i32>((_e216.w << 8u)) >> 24u) < 0i))) | select(0i, 32768i, ((bitcast<i32>((_e216.w << 0u)) >> 24u) < 0i)));
        let _e412 = local9_;
        if (_e412 != 0i) {
            break;
        }
        let _e416 = local5_;
        let _e418 = local0_;
        let _e426 = local3_;
        let _e428 = local0_;
        let _e437 = bitcast<u32>(((_e426 + (_e428 << (bitcast<u32>(4i) & 31u))) + 0i));
        let _e441 = ((_e437 & 3u) != 0u);
        let _e443 = (_e437 >> 2u);
        if (_e441 || ((_e443 + 3u) >= arrayLength((&buffer0_)))) {
            atomicStore((&status[0]), select(4u, 5u, _e441));
            return;
        }
        let _e457 = buffer0_[_e443];
        let _e463 = buffer0_[(_e443 + 1u)];
        let _e469 = buffer0_[(_e443 + 2u)];
        let _e475 = buffer0_[(_e443 + 3u)];
        let _e477 = vec4<u32>(bitcast<u32>(_e457), bitcast<u32>(_e463), bitcast<u32>(_e469), bitcast<u32>(_e475));
        let _e480 = bitcast<u32>(((_e416 + (_e418 << (bitcast<u32>(4i) & 31u))) + 0i));
        let _e484 = ((_e480 & 3u) != 0u);
        let _e486 = (_e480 >> 2u);
        if (_e484 || ((_e486 + 3u) >= arrayLength((&buffer1_)))) {
            atomicStore((&status[0]), select(4u, 5u, _e484));
            return;
        }
        buffer1_[_e486] = bitcast<i32>(_e477.x);
        buffer1_[(_e486 + 1u)] = bitcast<i32>(_e477.y);
        buffer1_[(_e486 + 2u)] = bitcast<i32>(_e477.z);
        buffer1_[(_e486 + 3u)] = bitcast<i32>(_e477.w);
        let _e521 = local7_;
        local10_ = (_e521 + 32i);
        return;
        break;
    }
    let _e530 = local7_;
    let _e532 = local9_;
    if true {
        atomicStore((&status[0]), 1u);
        return;
    }
}
