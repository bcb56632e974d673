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
            let _e140 = buffer0_[_e132];
            let _e144 = local7_;
            let _e147 = bitcast<u32>((_e144 + 0i));
            if ((_e147 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e156 = (_e147 >> 2u);
            if (_e156 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e164 = buffer1_[_e156];
            let _e168 = bitcast<u32>((_e114 + 0i));
            if ((_e168 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e177 = (_e168 >> 2u);
            if (_e177 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e177] = ((_e140 * 2.5f) + _e164);
            let _e186 = local4_;
            local0_ = _e186;
            break;
        }
        let _e189 = local2_;
        let _e191 = local4_;
        if (select(0i, 1i, (_e189 == _e191)) != 0i) {
            break;
        }
        let _e199 = local2_;
        let _e201 = local0_;
        local4_ = (_e199 - _e201);
        let _e205 = local3_;
        let _e207 = local0_;
        let _e212 = (_e207 << (bitcast<u32>(2i) & 31u));
        local0_ = _e212;
        local2_ = (_e205 + _e212);
        let _e217 = local5_;
        let _e219 = local0_;
        local0_ = (_e217 + _e219);
        loop {
            let _e223 = local0_;
            let _e225 = local2_;
            let _e228 = bitcast<u32>((_e225 + 0i));
            if ((_e228 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e237 = (_e228 >> 2u);
            if (_e237 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e245 = buffer0_[_e237];
            let _e249 = local0_;
            let _e252 = bitcast<u32>((_e249 + 0i));
            if ((_e252 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e261 = (_e252 >> 2u);
            if (_e261 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e269 = buffer1_[_e261];
            let _e273 = bitcast<u32>((_e223 + 0i));
            if ((_e273 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e282 = (_e273 >> 2u);
            if (_e282 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e282] = ((_e245 * 2.5f) + _e269);
            let _e291 = local0_;
            let _e293 = (_e291 + 4i);
            local3_ = _e293;
            let _e296 = local2_;
            let _e301 = bitcast<u32>(((_e296 + 4i) + 0i));
            if ((_e301 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e310 = (_e301 >> 2u);
            if (_e310 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e318 = buffer0_[_e310];
            let _e322 = local3_;
            let _e325 = bitcast<u32>((_e322 + 0i));
            if ((_e325 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e334 = (_e325 >> 2u);
            if (_e334 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e342 = buffer1_[_e334];
            let _e346 = bitcast<u32>((_e293 + 0i));
            if ((_e346 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e355 = (_e346 >> 2u);
            if (_e355 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e355] = ((_e318 * 2.5f) + _e342);
            let _e364 = local2_;
            local2_ = (_e364 + 8i);
            let _e369 = local0_;
            local0_ = (_e369 + 8i);
            let _e374 = local4_;
            let _e376 = (_e374 + -2i);
            local4_ = _e376;
            if (_e376 != 0i) {
                continue;
            }
            break;
        }
        break;
    }
}
