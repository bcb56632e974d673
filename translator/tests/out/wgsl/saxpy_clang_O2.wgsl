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
            let _e144 = params.zero;
            let _e150 = local7_;
            let _e153 = bitcast<u32>((_e150 + 0i));
            if ((_e153 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e162 = (_e153 >> 2u);
            if (_e162 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e171 = buffer1_[_e162];
            let _e175 = bitcast<u32>((_e114 + 0i));
            if ((_e175 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e184 = (_e175 >> 2u);
            if (_e184 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e184] = ((_e141 * bitcast<f32>((1075838976u | _e144))) + _e171);
            let _e194 = local4_;
            local0_ = _e194;
            break;
        }
        let _e197 = local2_;
        let _e199 = local4_;
        if (select(0i, 1i, (_e197 == _e199)) != 0i) {
            break;
        }
        let _e207 = local2_;
        let _e209 = local0_;
        local4_ = (_e207 - _e209);
        let _e213 = local3_;
        let _e215 = local0_;
        let _e220 = (_e215 << (bitcast<u32>(2i) & 31u));
        local0_ = _e220;
        local2_ = (_e213 + _e220);
        let _e225 = local5_;
        let _e227 = local0_;
        local0_ = (_e225 + _e227);
        loop {
            let _e231 = local0_;
            let _e233 = local2_;
            let _e236 = bitcast<u32>((_e233 + 0i));
            if ((_e236 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e245 = (_e236 >> 2u);
            if (_e245 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e254 = buffer0_[_e245];
            let _e257 = params.zero;
            let _e263 = local0_;
            let _e266 = bitcast<u32>((_e263 + 0i));
            if ((_e266 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e275 = (_e266 >> 2u);
            if (_e275 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e284 = buffer1_[_e275];
            let _e288 = bitcast<u32>((_e231 + 0i));
            if ((_e288 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e297 = (_e288 >> 2u);
            if (_e297 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e297] = ((_e254 * bitcast<f32>((1075838976u | _e257))) + _e284);
            let _e307 = local0_;
            let _e309 = (_e307 + 4i);
            local3_ = _e309;
            let _e312 = local2_;
            let _e317 = bitcast<u32>(((_e312 + 4i) + 0i));
            if ((_e317 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e326 = (_e317 >> 2u);
            if (_e326 >= arrayLength((&buffer0_))) {
                status[0] = 4u;
                return;
            }
            let _e335 = buffer0_[_e326];
            let _e338 = params.zero;
            let _e344 = local3_;
            let _e347 = bitcast<u32>((_e344 + 0i));
            if ((_e347 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e356 = (_e347 >> 2u);
            if (_e356 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            let _e365 = buffer1_[_e356];
            let _e369 = bitcast<u32>((_e309 + 0i));
            if ((_e369 & 3u) != 0u) {
                status[0] = 5u;
                return;
            }
            let _e378 = (_e369 >> 2u);
            if (_e378 >= arrayLength((&buffer1_))) {
                status[0] = 4u;
                return;
            }
            buffer1_[_e378] = ((_e335 * bitcast<f32>((1075838976u | _e338))) + _e365);
            let _e388 = local2_;
            local2_ = (_e388 + 8i);
            let _e393 = local0_;
            local0_ = (_e393 + 8i);
            let _e398 = local4_;
            let _e400 = (_e398 + -2i);
            local4_ = _e400;
            if (_e400 != 0i) {
                continue;
            }
            break;
        }
        break;
    }
}
