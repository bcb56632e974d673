struct Params {
    num_iterations: u32,
    block_size: u32,
    zero: u32,
}

@group(0) @binding(0) 
var<uniform> params: Params;
@group(0) @binding(1) 
var<storage> buffer0_: array<f32>;
@group(0) @binding(2) 
var<storage, read_write> buffer1_: array<f32>;
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

    let _e8 = (global_id.x + (global_id.y * (num_workgroups.x * 64u)));
    let _e11 = params.num_iterations;
    let _e13 = params.block_size;
    if (_e8 >= _e11) {
        return;
    }
    local0_ = bitcast<i32>(_e8);
    local1_ = bitcast<i32>(_e11);
    local2_ = bitcast<i32>(_e13);
    let _e24 = params.zero;
    local7_ = (0i | i32(_e24));
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    loop {
        let _e45 = local2_;
        let _e47 = local0_;
        let _e48 = (_e45 * _e47);
        local0_ = _e48;
        let _e51 = local2_;
        let _e52 = (_e48 + _e51);
        local2_ = _e52;
        let _e55 = local4_;
        if (4i == 0i) {
            status[0] = 2u;
            return;
        }
        if ((_e55 == i32(-2147483648)) && (4i == -1i)) {
            status[0] = 3u;
            return;
        }
        let _e70 = (_e55 / 4i);
        local4_ = _e70;
        let _e73 = local2_;
        let _e75 = local4_;
        let _e82 = select(_e70, _e52, (select(0i, 1i, (_e73 < _e75)) != 0i));
        local2_ = _e82;
        let _e85 = local0_;
        if (select(0i, 1i, (_e82 <= _e85)) != 0i) {
            break;
        }
        let _e93 = local0_;
        local4_ = (_e93 + 1i);
        loop {
            let _e98 = local2_;
            let _e100 = local0_;
            if (select(0i, 1i, (((_e98 - _e100) & 1i) == 0i)) != 0i) {
                break;
            }
            let _e112 = local5_;
            let _e114 = local0_;
            let _e119 = (_e114 << (bitcast<u32>(2i) & 31u));
            local0_ = _e119;
            let _e121 = (_e112 + _e119);
            local7_ = _e121;
            let _e124 = local3_;
            let _e126 = local0_;
            let _e130 = bitcast<u32>(((_e124 + _e126) + 0i));
            if ((_e130 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e139 = (_e130 >> 2u);
            if (_e139 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e148 = buffer0_[_e139];
            let _e152 = params.zero;
            let _e157 = local7_;
            let _e160 = bitcast<u32>((_e157 + 0i));
            if ((_e160 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e169 = (_e160 >> 2u);
            if (_e169 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e178 = buffer1_[_e169];
            let _e182 = bitcast<u32>((_e121 + 0i));
            if ((_e182 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e191 = (_e182 >> 2u);
            if (_e191 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e191] = ((_e148 * bitcast<f32>((1075838976u | _e152))) + _e178);
            let _e201 = local4_;
            local0_ = _e201;
            break;
        }
        let _e204 = local2_;
        let _e206 = local4_;
        if (select(0i, 1i, (_e204 == _e206)) != 0i) {
            break;
        }
        let _e214 = local2_;
        let _e216 = local0_;
        local4_ = (_e214 - _e216);
        let _e220 = local3_;
        let _e222 = local0_;
        let _e227 = (_e222 << (bitcast<u32>(2i) & 31u));
        local0_ = _e227;
        local2_ = (_e220 + _e227);
        let _e232 = local5_;
        let _e234 = local0_;
        local0_ = (_e232 + _e234);
        loop {
            let _e238 = local0_;
            let _e240 = local2_;
            let _e243 = bitcast<u32>((_e240 + 0i));
            if ((_e243 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e252 = (_e243 >> 2u);
            if (_e252 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e261 = buffer0_[_e252];
            let _e265 = params.zero;
            let _e270 = local0_;
            let _e273 = bitcast<u32>((_e270 + 0i));
            if ((_e273 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e282 = (_e273 >> 2u);
            if (_e282 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e291 = buffer1_[_e282];
            let _e295 = bitcast<u32>((_e238 + 0i));
            if ((_e295 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e304 = (_e295 >> 2u);
            if (_e304 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e304] = ((_e261 * bitcast<f32>((1075838976u | _e265))) + _e291);
            let _e314 = local0_;
            let _e316 = (_e314 + 4i);
            local3_ = _e316;
            let _e319 = local2_;
            let _e324 = bitcast<u32>(((_e319 + 4i) + 0i));
            if ((_e324 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e333 = (_e324 >> 2u);
            if (_e333 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e342 = buffer0_[_e333];
            let _e346 = params.zero;
            let _e351 = local3_;
            let _e354 = bitcast<u32>((_e351 + 0i));
            if ((_e354 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e363 = (_e354 >> 2u);
            if (_e363 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e372 = buffer1_[_e363];
            let _e376 = bitcast<u32>((_e316 + 0i));
            if ((_e376 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e385 = (_e376 >> 2u);
            if (_e385 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e385] = ((_e342 * bitcast<f32>((1075838976u | _e346))) + _e372);
            let _e395 = local2_;
            local2_ = (_e395 + 8i);
            let _e400 = local0_;
            local0_ = (_e400 + 8i);
            let _e405 = local4_;
            let _e407 = (_e405 + -2i);
            local4_ = _e407;
            if (_e407 != 0i) {
                continue;
            }
            break;
        }
        break;
    }
}
