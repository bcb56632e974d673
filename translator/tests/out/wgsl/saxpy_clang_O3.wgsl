struct Params {
    num_iterations: u32,
    block_size: u32,
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
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    loop {
        let _e38 = local2_;
        let _e40 = local0_;
        let _e41 = (_e38 * _e40);
        local0_ = _e41;
        let _e44 = local2_;
        let _e45 = (_e41 + _e44);
        local2_ = _e45;
        let _e48 = local4_;
        if (4i == 0i) {
            status[0] = 2u;
            return;
        }
        if ((_e48 == i32(-2147483648)) && (4i == -1i)) {
            status[0] = 3u;
            return;
        }
        let _e63 = (_e48 / 4i);
        local4_ = _e63;
        let _e66 = local2_;
        let _e68 = local4_;
        let _e75 = select(_e63, _e45, (select(0i, 1i, (_e66 < _e68)) != 0i));
        local2_ = _e75;
        let _e78 = local0_;
        if (select(0i, 1i, (_e75 <= _e78)) != 0i) {
            break;
        }
        let _e86 = local0_;
        local4_ = (_e86 + 1i);
        loop {
            let _e91 = local2_;
            let _e93 = local0_;
            if (select(0i, 1i, (((_e91 - _e93) & 1i) == 0i)) != 0i) {
                break;
            }
            let _e105 = local5_;
            let _e107 = local0_;
            let _e112 = (_e107 << (bitcast<u32>(2i) & 31u));
            local0_ = _e112;
            let _e114 = (_e105 + _e112);
            local7_ = _e114;
            let _e117 = local3_;
            let _e119 = local0_;
            let _e123 = bitcast<u32>(((_e117 + _e119) + 0i));
            if ((_e123 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e132 = (_e123 >> 2u);
            if (_e132 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e141 = buffer0_[_e132];
            let _e145 = local7_;
            let _e148 = bitcast<u32>((_e145 + 0i));
            if ((_e148 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e157 = (_e148 >> 2u);
            if (_e157 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e166 = buffer1_[_e157];
            let _e170 = bitcast<u32>((_e114 + 0i));
            if ((_e170 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e179 = (_e170 >> 2u);
            if (_e179 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e179] = ((_e141 * 2.5f) + _e166);
            let _e189 = local4_;
            local0_ = _e189;
            break;
        }
        let _e192 = local2_;
        let _e194 = local4_;
        if (select(0i, 1i, (_e192 == _e194)) != 0i) {
            break;
        }
        let _e202 = local2_;
        let _e204 = local0_;
        local4_ = (_e202 - _e204);
        let _e208 = local3_;
        let _e210 = local0_;
        let _e215 = (_e210 << (bitcast<u32>(2i) & 31u));
        local0_ = _e215;
        local2_ = (_e208 + _e215);
        let _e220 = local5_;
        let _e222 = local0_;
        local0_ = (_e220 + _e222);
        loop {
            let _e226 = local0_;
            let _e228 = local2_;
            let _e231 = bitcast<u32>((_e228 + 0i));
            if ((_e231 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e240 = (_e231 >> 2u);
            if (_e240 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e249 = buffer0_[_e240];
            let _e253 = local0_;
            let _e256 = bitcast<u32>((_e253 + 0i));
            if ((_e256 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e265 = (_e256 >> 2u);
            if (_e265 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e274 = buffer1_[_e265];
            let _e278 = bitcast<u32>((_e226 + 0i));
            if ((_e278 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e287 = (_e278 >> 2u);
            if (_e287 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e287] = ((_e249 * 2.5f) + _e274);
            let _e297 = local0_;
            let _e299 = (_e297 + 4i);
            local3_ = _e299;
            let _e302 = local2_;
            let _e307 = bitcast<u32>(((_e302 + 4i) + 0i));
            if ((_e307 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e316 = (_e307 >> 2u);
            if (_e316 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e325 = buffer0_[_e316];
            let _e329 = local3_;
            let _e332 = bitcast<u32>((_e329 + 0i));
            if ((_e332 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e341 = (_e332 >> 2u);
            if (_e341 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e350 = buffer1_[_e341];
            let _e354 = bitcast<u32>((_e299 + 0i));
            if ((_e354 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e363 = (_e354 >> 2u);
            if (_e363 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e363] = ((_e325 * 2.5f) + _e350);
            let _e373 = local2_;
            local2_ = (_e373 + 8i);
            let _e378 = local0_;
            local0_ = (_e378 + 8i);
            let _e383 = local4_;
            let _e385 = (_e383 + -2i);
            local4_ = _e385;
            if (_e385 != 0i) {
                continue;
            }
            break;
        }
        break;
    }
}
