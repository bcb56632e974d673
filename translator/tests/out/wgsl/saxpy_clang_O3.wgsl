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
    let _e35 = params.budget;
    loop_budget = _e35;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    loop {
        let _e54 = local2_;
        let _e56 = local0_;
        let _e57 = (_e54 * _e56);
        local0_ = _e57;
        let _e60 = local2_;
        let _e61 = (_e57 + _e60);
        local2_ = _e61;
        let _e64 = local4_;
        if (4i == 0i) {
            atomicStore((&status[0]), 2u);
            return;
        }
        if ((_e64 == i32(-2147483648)) && (4i == -1i)) {
            atomicStore((&status[0]), 3u);
            return;
        }
        let _e79 = (_e64 / 4i);
        local4_ = _e79;
        let _e82 = local2_;
        let _e84 = local4_;
        let _e91 = select(_e79, _e61, (select(0i, 1i, (_e82 < _e84)) != 0i));
        local2_ = _e91;
        let _e94 = local0_;
        if (select(0i, 1i, (_e91 <= _e94)) != 0i) {
            break;
        }
        let _e102 = local0_;
        local4_ = (_e102 + 1i);
        loop {
            let _e107 = local2_;
            let _e109 = local0_;
            if (select(0i, 1i, (((_e107 - _e109) & 1i) == 0i)) != 0i) {
                break;
            }
            let _e121 = local5_;
            let _e123 = local0_;
            let _e128 = (_e123 << (bitcast<u32>(2i) & 31u));
            local0_ = _e128;
            let _e130 = (_e121 + _e128);
            local7_ = _e130;
            let _e133 = local3_;
            let _e135 = local0_;
            let _e139 = bitcast<u32>(((_e133 + _e135) + 0i));
            let _e143 = ((_e139 & 3u) != 0u);
            let _e145 = (_e139 >> 2u);
            if (_e143 || (_e145 >= arrayLength((&buffer0_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e143));
                return;
            }
            let _e157 = buffer0_[_e145];
            let _e161 = params.zero;
            let _e166 = local7_;
            let _e169 = bitcast<u32>((_e166 + 0i));
            let _e173 = ((_e169 & 3u) != 0u);
            let _e175 = (_e169 >> 2u);
            if (_e173 || (_e175 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e173));
                return;
            }
            let _e187 = buffer1_[_e175];
            let _e191 = bitcast<u32>((_e130 + 0i));
            let _e195 = ((_e191 & 3u) != 0u);
            let _e197 = (_e191 >> 2u);
            if (_e195 || (_e197 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e195));
                return;
            }
            buffer1_[_e197] = ((_e157 * bitcast<f32>((1075838976u | _e161))) + _e187);
            let _e210 = local4_;
            local0_ = _e210;
            break;
        }
        let _e213 = local2_;
        let _e215 = local4_;
        if (select(0i, 1i, (_e213 == _e215)) != 0i) {
            break;
        }
        let _e223 = local2_;
        let _e225 = local0_;
        local4_ = (_e223 - _e225);
        let _e229 = local3_;
        let _e231 = local0_;
        let _e236 = (_e231 << (bitcast<u32>(2i) & 31u));
        local0_ = _e236;
        local2_ = (_e229 + _e236);
        let _e241 = local5_;
        let _e243 = local0_;
        local0_ = (_e241 + _e243);
        loop {
            let _e247 = loop_budget;
            if (_e247 == 0u) {
                let _e252 = params.budget;
                if (_e252 != 4294967295u) {
                    atomicStore((&status[0]), 9u);
                    return;
                }
                loop_budget = 4294967295u;
            }
            let _e260 = loop_budget;
            loop_budget = (_e260 - 1u);
            let _e265 = local0_;
            let _e267 = local2_;
            let _e270 = bitcast<u32>((_e267 + 0i));
            let _e274 = ((_e270 & 3u) != 0u);
            let _e276 = (_e270 >> 2u);
            if (_e274 || (_e276 >= arrayLength((&buffer0_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e274));
                return;
            }
            let _e288 = buffer0_[_e276];
            let _e292 = params.zero;
            let _e297 = local0_;
            let _e300 = bitcast<u32>((_e297 + 0i));
            let _e304 = ((_e300 & 3u) != 0u);
            let _e306 = (_e300 >> 2u);
            if (_e304 || (_e306 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e304));
                return;
            }
            let _e318 = buffer1_[_e306];
            let _e322 = bitcast<u32>((_e265 + 0i));
            let _e326 = ((_e322 & 3u) != 0u);
            let _e328 = (_e322 >> 2u);
            if (_e326 || (_e328 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e326));
                return;
            }
            buffer1_[_e328] = ((_e288 * bitcast<f32>((1075838976u | _e292))) + _e318);
            let _e341 = local0_;
            let _e343 = (_e341 + 4i);
            local3_ = _e343;
            let _e346 = local2_;
            let _e351 = bitcast<u32>(((_e346 + 4i) + 0i));
            let _e355 = ((_e351 & 3u) != 0u);
            let _e357 = (_e351 >> 2u);
            if (_e355 || (_e357 >= arrayLength((&buffer0_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e355));
                return;
            }
            let _e369 = buffer0_[_e357];
            let _e373 = params.zero;
            let _e378 = local3_;
            let _e381 = bitcast<u32>((_e378 + 0i));
            let _e385 = ((_e381 & 3u) != 0u);
            let _e387 = (_e381 >> 2u);
            if (_e385 || (_e387 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e385));
                return;
            }
            let _e399 = buffer1_[_e387];
            let _e403 = bitcast<u32>((_e343 + 0i));
            let _e407 = ((_e403 & 3u) != 0u);
            let _e409 = (_e403 >> 2u);
            if (_e407 || (_e409 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e407));
                return;
            }
            buffer1_[_e409] = ((_e369 * bitcast<f32>((1075838976u | _e373))) + _e399);
            let _e422 = local2_;
            local2_ = (_e422 + 8i);
            let _e427 = local0_;
            local0_ = (_e427 + 8i);
            let _e432 = local4_;
            let _e434 = (_e432 + -2i);
            local4_ = _e434;
            if (_e434 != 0i) {
                continue;
            }
            break;
        }
        break;
    }
}
