struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
    budget: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage, read_write> buffer0_: array<atomic<u64>>;
@group(0) @binding(2) 
var<storage, read_write> buffer1_: array<i64>;
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
    var local8_: i64;
    var cmpxchg_old: u64;

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
    local8_ = (0li | i64(_e36));
    let _e42 = params.budget;
    loop_budget = _e42;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 8u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 8u));
    let _e61 = local3_;
    let _e63 = local0_;
    if (4i == 0i) {
        atomicStore((&status[0]), 2u);
        return;
    }
    local7_ = (_e61 + (bitcast<i32>((bitcast<u32>(_e63) % bitcast<u32>(4i))) << (bitcast<u32>(3i) & 31u)));
    let _e82 = local7_;
    let _e84 = local0_;
    let _e90 = bitcast<u32>((_e82 + 0i));
    let _e94 = ((_e90 & 7u) != 0u);
    let _e96 = (_e90 >> 3u);
    if (_e94 || (_e96 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e94));
        return;
    }
    let _e109 = atomicAdd((&buffer0_[_e96]), bitcast<u64>(bitcast<i64>(u64(bitcast<u32>(_e84)))));
    let _e112 = local3_;
    let _e116 = params.zero;
    let _e121 = bitcast<u32>((_e112 + 32i));
    let _e125 = ((_e121 & 7u) != 0u);
    let _e127 = (_e121 >> 3u);
    if (_e125 || (_e127 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e125));
        return;
    }
    let _e140 = atomicSub((&buffer0_[_e127]), bitcast<u64>((1li | i64(_e116))));
    let _e143 = local3_;
    let _e147 = params.zero;
    let _e152 = bitcast<u32>((_e143 + 40i));
    let _e156 = ((_e152 & 7u) != 0u);
    let _e158 = (_e152 >> 3u);
    if (_e156 || (_e158 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e156));
        return;
    }
    let _e171 = atomicAnd((&buffer0_[_e158]), bitcast<u64>((140737488355327li | i64(_e147))));
    let _e174 = local3_;
    let _e178 = params.zero;
    let _e182 = local0_;
    let _e192 = bitcast<u32>((_e174 + 48i));
    let _e196 = ((_e192 & 7u) != 0u);
    let _e198 = (_e192 >> 3u);
    if (_e196 || (_e198 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e196));
        return;
    }
    let _e211 = atomicOr((&buffer0_[_e198]), bitcast<u64>(((1li | i64(_e178)) << (u32(bitcast<i64>(u64(bitcast<u32>(_e182)))) & 63u))));
    let _e214 = local3_;
    let _e218 = params.zero;
    let _e223 = bitcast<u32>((_e214 + 56i));
    let _e227 = ((_e223 & 7u) != 0u);
    let _e229 = (_e223 >> 3u);
    if (_e227 || (_e229 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e227));
        return;
    }
    let _e242 = atomicXor((&buffer0_[_e229]), bitcast<u64>((21845li | i64(_e218))));
    let _e245 = local3_;
    let _e247 = local0_;
    let _e253 = bitcast<u32>((_e245 + 64i));
    let _e257 = ((_e253 & 7u) != 0u);
    let _e259 = (_e253 >> 3u);
    if (_e257 || (_e259 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e257));
        return;
    }
    let _e272 = atomicExchange((&buffer0_[_e259]), bitcast<u64>(bitcast<i64>(u64(bitcast<u32>(_e247)))));
    local8_ = bitcast<i64>(_e272);
    let _e276 = local3_;
    let _e280 = params.zero;
    let _e286 = params.zero;
    let _e291 = bitcast<u32>((_e276 + 72i));
    let _e295 = ((_e291 & 7u) != 0u);
    let _e297 = (_e291 >> 3u);
    if (_e295 || (_e297 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e295));
        return;
    }
    let _e308 = bitcast<u64>((0li | i64(_e280)));
    loop {
        let _e312 = loop_budget;
        if (_e312 == 0u) {
            let _e317 = params.budget;
            if (_e317 != 4294967295u) {
                atomicStore((&status[0]), 9u);
                return;
            }
            loop_budget = 4294967295u;
        }
        let _e325 = loop_budget;
        loop_budget = (_e325 - 1u);
        let _e329 = atomicCompareExchangeWeak((&buffer0_[_e297]), _e308, bitcast<u64>((4294967296li | i64(_e286))));
        cmpxchg_old = _e329.old_value;
        if (_e329.exchanged || (_e329.old_value != _e308)) {
            break;
        }
    }
    let _e336 = cmpxchg_old;
    let _e339 = local3_;
    let _e343 = params.zero;
    let _e348 = bitcast<u32>((_e339 + 80i));
    let _e352 = ((_e348 & 7u) != 0u);
    let _e354 = (_e348 >> 3u);
    if (_e352 || (_e354 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e352));
        return;
    }
    atomicStore((&buffer0_[_e354]), bitcast<u64>((-1li | i64(_e343))));
    let _e368 = local5_;
    let _e370 = local0_;
    let _e378 = local8_;
    let _e380 = local3_;
    let _e383 = bitcast<u32>((_e380 + 8i));
    let _e387 = ((_e383 & 7u) != 0u);
    let _e389 = (_e383 >> 3u);
    if (_e387 || (_e389 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e387));
        return;
    }
    let _e401 = atomicLoad((&buffer0_[_e389]));
    let _e407 = local3_;
    let _e410 = bitcast<u32>((_e407 + 0i));
    let _e414 = ((_e410 & 7u) != 0u);
    let _e416 = (_e410 >> 3u);
    if (_e414 || (_e416 >= arrayLength((&buffer0_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e414));
        return;
    }
    let _e428 = atomicLoad((&buffer0_[_e416]));
    let _e437 = bitcast<u32>(((_e368 + (_e370 << (bitcast<u32>(3i) & 31u))) + 0i));
    let _e441 = ((_e437 & 7u) != 0u);
    let _e443 = (_e437 >> 3u);
    if (_e441 || (_e443 >= arrayLength((&buffer1_)))) {
        atomicStore((&status[0]), select(4u, 5u, _e441));
        return;
    }
    buffer1_[_e443] = (_e378 + (bitcast<i64>(u64(bitcast<u64>(bitcast<i64>(_e401)))) + bitcast<i64>(u64(bitcast<u64>(bitcast<i64>(_e428))))));
}
