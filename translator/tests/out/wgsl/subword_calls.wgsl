struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage> buffer0_: array<i32>;
@group(0) @binding(2) 
var<storage, read_write> buffer1_: array<atomic<u32>>;
@group(0) @binding(3) 
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
    var local7_: i32;
    var local8_: i32;
    var local9_: i32;
    var local10_: i32;
    var local11_: i32;
    var local12_: i32;
    var stack: array<u32, 4096>;
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
    local9_ = 4096i;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    local12_ = 3i;
    let _e42 = local9_;
    local9_ = (_e42 - 16i);
    let _e47 = local3_;
    let _e49 = local0_;
    let _e58 = bitcast<u32>(((_e47 + (_e49 << (bitcast<u32>(2i) & 31u))) + 2i));
    if ((_e58 & 1u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e67 = (_e58 >> 2u);
    if (_e67 >= arrayLength((&buffer0_))) {
        status[0] = 4u;
        return;
    }
    let _e76 = buffer0_[_e67];
    local7_ = (bitcast<i32>(((bitcast<u32>(_e76) >> ((_e58 & 3u) * 8u)) << 16u)) >> 16u);
    let _e89 = local5_;
    let _e91 = local0_;
    local8_ = (_e89 + (_e91 << (bitcast<u32>(3i) & 31u)));
    let _e100 = local8_;
    let _e102 = local7_;
    local10_ = _e102;
    local11_ = 0i;
    loop {
        loop {
            let _e107 = local10_;
            let _e109 = local11_;
            loop {
                if (select(0i, 1i, ((bitcast<i32>((bitcast<u32>(_e107) >> (bitcast<u32>((_e109 << (bitcast<u32>(3i) & 31u))) & 31u))) & 255i) == 0i)) != 0i) {
                    let _e131 = local11_;
                    local = _e131;
                    branch_counter = 2u;
                    break;
                }
                break;
            }
            let _e136 = branch_counter;
            let _e140 = (_e136 - 1u);
            if (_e136 != 0u) {
                branch_counter = _e140;
                if (_e140 == 0u) {
                    continue;
                } else {
                    break;
                }
            }
            let _e144 = local11_;
            local11_ = (_e144 + 1i);
            let _e149 = local11_;
            if (select(0i, 1i, (bitcast<u32>(_e149) < bitcast<u32>(4i))) != 0i) {
                continue;
            }
            break;
        }
        let _e160 = branch_counter;
        let _e164 = (_e160 - 1u);
        if (_e160 != 0u) {
            branch_counter = _e164;
            if (_e164 == 0u) {
                break;
            } else {
                break;
            }
        }
        local = -1i;
        break;
    }
    let _e170 = local;
    let _e173 = bitcast<u32>((_e100 + 0i));
    let _e175 = (_e173 >> 2u);
    if (_e175 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    let _e190 = ((_e173 & 3u) * 8u);
    atomicAnd((&buffer1_[_e175]), ~((255u << _e190)));
    atomicOr((&buffer1_[_e175]), ((bitcast<u32>(_e170) & 255u) << _e190));
    let _e195 = local8_;
    let _e197 = local7_;
    let _e199 = local12_;
    let _e203 = bitcast<u32>((_e195 + 2i));
    if ((_e203 & 1u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e212 = (_e203 >> 2u);
    if (_e212 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    let _e227 = ((_e203 & 3u) * 8u);
    atomicAnd((&buffer1_[_e212]), ~((65535u << _e227)));
    atomicOr((&buffer1_[_e212]), ((bitcast<u32>((_e197 * _e199)) & 65535u) << _e227));
    let _e232 = local9_;
    let _e234 = local7_;
    let _e239 = (bitcast<u32>((_e232 + 3i)) - 4294955008u);
    let _e241 = (_e239 >> 2u);
    if (_e241 >= 4096u) {
        status[0] = 4u;
        return;
    }
    let _e255 = ((_e239 & 3u) * 8u);
    let _e259 = stack[_e241];
    stack[_e241] = ((_e259 & ~((255u << _e255))) | ((bitcast<u32>(_e234) & 255u) << _e255));
    let _e263 = local8_;
    let _e265 = local8_;
    let _e268 = bitcast<u32>((_e265 + 0i));
    if ((_e268 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e277 = (_e268 >> 2u);
    if ((_e277 + 1u) >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    let _e288 = atomicLoad((&buffer1_[_e277]));
    let _e293 = atomicLoad((&buffer1_[(_e277 + 1u)]));
    let _e301 = local9_;
    let _e306 = (bitcast<u32>((_e301 + 0i)) - 4294955008u);
    if ((_e306 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e315 = (_e306 >> 2u);
    if (_e315 >= 4096u) {
        status[0] = 4u;
        return;
    }
    let _e323 = stack[_e315];
    let _e331 = bitcast<u32>((_e263 + 0i));
    if ((_e331 & 7u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e340 = (_e331 >> 2u);
    if ((_e340 + 1u) >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    let _e351 = bitcast<u64>((bitcast<i64>((u64(_e288) | (u64(_e293) << 32u))) | bitcast<i64>(u64(bitcast<u32>(bitcast<i32>(_e323))))));
    atomicStore((&buffer1_[_e340]), u32(_e351));
    atomicStore((&buffer1_[(_e340 + 1u)]), u32((_e351 >> 32u)));
    let _e361 = local8_;
    let _e363 = local8_;
    let _e366 = bitcast<u32>((_e363 + 1i));
    let _e368 = (_e366 >> 2u);
    if (_e368 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    let _e377 = atomicLoad((&buffer1_[_e368]));
    let _e389 = bitcast<u32>((_e361 + 4i));
    if ((_e389 & 3u) != 0u) {
        status[0] = 5u;
        return;
    }
    let _e398 = (_e389 >> 2u);
    if (_e398 >= arrayLength((&buffer1_))) {
        status[0] = 4u;
        return;
    }
    atomicStore((&buffer1_[_e398]), bitcast<u32>(bitcast<i32>((((_e377 >> ((_e366 & 3u) * 8u)) << 24u) >> 24u))));
    let _e409 = local9_;
    local9_ = (_e409 + 16i);
}
