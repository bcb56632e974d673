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
    var local8_: i32;
    var local9_: i32;
    var local10_: i32;
    var local11_: i32;
    var local12_: i32;
    var local13_: vec4<u32>;
    var local14_: i32;

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
    let _e71 = params.zero;
    local13_ = vec4((0u | _e71));
    let _e78 = params.zero;
    local14_ = (0i | i32(_e78));
    let _e84 = params.budget;
    loop_budget = _e84;
    local3_ = 0i;
    local4_ = bitcast<i32>((arrayLength((&buffer0_)) * 4u));
    local5_ = 0i;
    local6_ = bitcast<i32>((arrayLength((&buffer1_)) * 4u));
    loop {
        let _e103 = local2_;
        let _e105 = local0_;
        let _e106 = (_e103 * _e105);
        local7_ = _e106;
        let _e109 = local2_;
        let _e110 = (_e106 + _e109);
        local2_ = _e110;
        let _e113 = local4_;
        if (4i == 0i) {
            atomicStore((&status[0]), 2u);
            return;
        }
        if ((_e113 == i32(-2147483648)) && (4i == -1i)) {
            atomicStore((&status[0]), 3u);
            return;
        }
        let _e128 = (_e113 / 4i);
        local0_ = _e128;
        let _e131 = local2_;
        let _e133 = local0_;
        let _e140 = select(_e128, _e110, (select(0i, 1i, (_e131 < _e133)) != 0i));
        local8_ = _e140;
        let _e143 = local7_;
        if (select(0i, 1i, (_e140 <= _e143)) != 0i) {
            break;
        }
        loop {
            let _e151 = local8_;
            let _e153 = local7_;
            let _e154 = (_e151 - _e153);
            local9_ = _e154;
            if (select(0i, 1i, (bitcast<u32>(_e154) < bitcast<u32>(4i))) != 0i) {
                break;
            }
            loop {
                let _e166 = local5_;
                let _e168 = local7_;
                let _e173 = (_e168 << (bitcast<u32>(2i) & 31u));
                local2_ = _e173;
                let _e177 = local3_;
                let _e179 = local8_;
                let _e184 = (_e179 << (bitcast<u32>(2i) & 31u));
                local0_ = _e184;
                let _e190 = atomicLoad((&status[3]));
                let _e195 = atomicLoad((&status[2]));
                if (select(0i, 1i, ((_e190 + bitcast<u32>((_e166 + _e173))) >= (_e195 + bitcast<u32>((_e177 + _e184))))) != 0i) {
                    break;
                }
                let _e204 = local3_;
                let _e206 = local2_;
                let _e209 = local5_;
                let _e211 = local0_;
                let _e216 = atomicLoad((&status[2]));
                let _e221 = atomicLoad((&status[3]));
                if (select(0i, 1i, ((_e216 + bitcast<u32>((_e204 + _e206))) < (_e221 + bitcast<u32>((_e209 + _e211))))) != 0i) {
                    branch_counter = 1u;
                    break;
                }
                break;
            }
            let _e232 = branch_counter;
            let _e236 = (_e232 - 1u);
            if (_e232 != 0u) {
                branch_counter = _e236;
                if (_e236 == 0u) {
                    break;
                } else {
                    break;
                }
            }
            let _e240 = local9_;
            let _e242 = (_e240 & -4i);
            local10_ = _e242;
            let _e245 = (_e242 + -4i);
            local2_ = _e245;
            let _e255 = (bitcast<i32>((bitcast<u32>(_e245) >> (bitcast<u32>(2i) & 31u))) + 1i);
            local0_ = _e255;
            local11_ = (_e255 & 1i);
            loop {
                loop {
                    let _e261 = local2_;
                    if (_e261 != 0i) {
                        break;
                    }
                    local4_ = 0i;
                    branch_counter = 1u;
                    break;
                    break;
                }
                let _e269 = branch_counter;
                let _e273 = (_e269 - 1u);
                if (_e269 != 0u) {
                    branch_counter = _e273;
                    if (_e273 == 0u) {
                        break;
                    } else {
                        break;
                    }
                }
                let _e277 = local0_;
                local12_ = (_e277 & 2147483646i);
                let _e282 = local3_;
                let _e284 = local7_;
                let _e289 = (_e284 << (bitcast<u32>(2i) & 31u));
                local2_ = _e289;
                local0_ = (_e282 + _e289);
                let _e294 = local5_;
                let _e296 = local2_;
                local2_ = (_e294 + _e296);
                local4_ = 0i;
                loop {
                    let _e302 = loop_budget;
                    if (_e302 == 0u) {
                        let _e307 = params.budget;
                        if (_e307 != 4294967295u) {
                            atomicStore((&status[0]), 9u);
                            return;
                        }
                        loop_budget = 4294967295u;
                    }
                    let _e315 = loop_budget;
                    loop_budget = (_e315 - 1u);
                    let _e320 = local2_;
                    let _e322 = local0_;
                    let _e325 = bitcast<u32>((_e322 + 0i));
                    let _e329 = ((_e325 & 3u) != 0u);
                    let _e331 = (_e325 >> 2u);
                    if (_e329 || ((_e331 + 3u) >= arrayLength((&buffer0_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e329));
                        return;
                    }
                    let _e345 = buffer0_[_e331];
                    let _e351 = buffer0_[(_e331 + 1u)];
                    let _e357 = buffer0_[(_e331 + 2u)];
                    let _e363 = buffer0_[(_e331 + 3u)];
                    let _e365 = vec4<u32>(bitcast<u32>(_e345), bitcast<u32>(_e351), bitcast<u32>(_e357), bitcast<u32>(_e363));
                    let _e369 = params.zero;
                    let _e374 = params.zero;
                    let _e379 = params.zero;
                    let _e384 = params.zero;
                    let _e386 = vec4<u32>((1075838976u | _e369), (1075838976u | _e374), (1075838976u | _e379), (1075838976u | _e384));
                    local13_ = _e386;
                    let _e412 = vec4<u32>(bitcast<u32>((bitcast<f32>(_e365.x) * bitcast<f32>(_e386.x))), bitcast<u32>((bitcast<f32>(_e365.y) * bitcast<f32>(_e386.y))), bitcast<u32>((bitcast<f32>(_e365.z) * bitcast<f32>(_e386.z))), bitcast<u32>((bitcast<f32>(_e365.w) * bitcast<f32>(_e386.w))));
                    let _e414 = local2_;
                    let _e417 = bitcast<u32>((_e414 + 0i));
                    let _e421 = ((_e417 & 3u) != 0u);
                    let _e423 = (_e417 >> 2u);
                    if (_e421 || ((_e423 + 3u) >= arrayLength((&buffer1_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e421));
                        return;
                    }
                    let _e437 = buffer1_[_e423];
                    let _e443 = buffer1_[(_e423 + 1u)];
                    let _e449 = buffer1_[(_e423 + 2u)];
                    let _e455 = buffer1_[(_e423 + 3u)];
                    let _e457 = vec4<u32>(bitcast<u32>(_e437), bitcast<u32>(_e443), bitcast<u32>(_e449), bitcast<u32>(_e455));
                    let _e482 = vec4<u32>(bitcast<u32>((bitcast<f32>(_e412.x) + bitcast<f32>(_e457.x))), bitcast<u32>((bitcast<f32>(_e412.y) + bitcast<f32>(_e457.y))), bitcast<u32>((bitcast<f32>(_e412.z) + bitcast<f32>(_e457.z))), bitcast<u32>((bitcast<f32>(_e412.w) + bitcast<f32>(_e457.w))));
                    let _e485 = bitcast<u32>((_e320 + 0i));
                    let _e489 = ((_e485 & 3u) != 0u);
                    let _e491 = (_e485 >> 2u);
                    if (_e489 || ((_e491 + 3u) >= arrayLength((&buffer1_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e489));
                        return;
                    }
                    buffer1_[_e491] = bitcast<f32>(_e482.x);
                    buffer1_[(_e491 + 1u)] = bitcast<f32>(_e482.y);
                    buffer1_[(_e491 + 2u)] = bitcast<f32>(_e482.z);
                    buffer1_[(_e491 + 3u)] = bitcast<f32>(_e482.w);
                    let _e526 = local2_;
                    let _e528 = (_e526 + 16i);
                    local14_ = _e528;
                    let _e531 = local0_;
                    let _e536 = bitcast<u32>(((_e531 + 16i) + 0i));
                    let _e540 = ((_e536 & 3u) != 0u);
                    let _e542 = (_e536 >> 2u);
                    if (_e540 || ((_e542 + 3u) >= arrayLength((&buffer0_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e540));
                        return;
                    }
                    let _e556 = buffer0_[_e542];
                    let _e562 = buffer0_[(_e542 + 1u)];
                    let _e568 = buffer0_[(_e542 + 2u)];
                    let _e574 = buffer0_[(_e542 + 3u)];
                    let _e576 = vec4<u32>(bitcast<u32>(_e556), bitcast<u32>(_e562), bitcast<u32>(_e568), bitcast<u32>(_e574));
                    let _e578 = local13_;
                    let _e603 = vec4<u32>(bitcast<u32>((bitcast<f32>(_e576.x) * bitcast<f32>(_e578.x))), bitcast<u32>((bitcast<f32>(_e576.y) * bitcast<f32>(_e578.y))), bitcast<u32>((bitcast<f32>(_e576.z) * bitcast<f32>(_e578.z))), bitcast<u32>((bitcast<f32>(_e576.w) * bitcast<f32>(_e578.w))));
                    let _e605 = local14_;
                    let _e608 = bitcast<u32>((_e605 + 0i));
                    let _e612 = ((_e608 & 3u) != 0u);
                    let _e614 = (_e608 >> 2u);
                    if (_e612 || ((_e614 + 3u) >= arrayLength((&buffer1_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e612));
                        return;
                    }
                    let _e628 = buffer1_[_e614];
                    let _e634 = buffer1_[(_e614 + 1u)];
                    let _e640 = buffer1_[(_e614 + 2u)];
                    let _e646 = buffer1_[(_e614 + 3u)];
                    let _e648 = vec4<u32>(bitcast<u32>(_e628), bitcast<u32>(_e634), bitcast<u32>(_e640), bitcast<u32>(_e646));
                    let _e673 = vec4<u32>(bitcast<u32>((bitcast<f32>(_e603.x) + bitcast<f32>(_e648.x))), bitcast<u32>((bitcast<f32>(_e603.y) + bitcast<f32>(_e648.y))), bitcast<u32>((bitcast<f32>(_e603.z) + bitcast<f32>(_e648.z))), bitcast<u32>((bitcast<f32>(_e603.w) + bitcast<f32>(_e648.w))));
                    let _e676 = bitcast<u32>((_e528 + 0i));
                    let _e680 = ((_e676 & 3u) != 0u);
                    let _e682 = (_e676 >> 2u);
                    if (_e680 || ((_e682 + 3u) >= arrayLength((&buffer1_)))) {
                        atomicStore((&status[0]), select(4u, 5u, _e680));
                        return;
                    }
                    buffer1_[_e682] = bitcast<f32>(_e673.x);
                    buffer1_[(_e682 + 1u)] = bitcast<f32>(_e673.y);
                    buffer1_[(_e682 + 2u)] = bitcast<f32>(_e673.z);
                    buffer1_[(_e682 + 3u)] = bitcast<f32>(_e673.w);
                    let _e717 = local0_;
                    local0_ = (_e717 + 32i);
                    let _e722 = local2_;
                    local2_ = (_e722 + 32i);
                    let _e727 = local4_;
                    local4_ = (_e727 + 8i);
                    let _e732 = local12_;
                    let _e734 = (_e732 + -2i);
                    local12_ = _e734;
                    if (_e734 != 0i) {
                        continue;
                    }
                    break;
                }
                break;
            }
            loop {
                let _e739 = local11_;
                if (select(0i, 1i, (_e739 == 0i)) != 0i) {
                    break;
                }
                let _e748 = local5_;
                let _e750 = local7_;
                let _e752 = local4_;
                let _e758 = ((_e750 + _e752) << (bitcast<u32>(2i) & 31u));
                local2_ = _e758;
                let _e760 = (_e748 + _e758);
                local0_ = _e760;
                let _e763 = local3_;
                let _e765 = local2_;
                let _e769 = bitcast<u32>(((_e763 + _e765) + 0i));
                let _e773 = ((_e769 & 3u) != 0u);
                let _e775 = (_e769 >> 2u);
                if (_e773 || ((_e775 + 3u) >= arrayLength((&buffer0_)))) {
                    atomicStore((&status[0]), select(4u, 5u, _e773));
                    return;
                }
                let _e789 = buffer0_[_e775];
                let _e795 = buffer0_[(_e775 + 1u)];
                let _e801 = buffer0_[(_e775 + 2u)];
                let _e807 = buffer0_[(_e775 + 3u)];
                let _e809 = vec4<u32>(bitcast<u32>(_e789), bitcast<u32>(_e795), bitcast<u32>(_e801), bitcast<u32>(_e807));
                let _e813 = params.zero;
                let _e818 = params.zero;
                let _e823 = params.zero;
                let _e828 = params.zero;
                let _e830 = vec4<u32>((1075838976u | _e813), (1075838976u | _e818), (1075838976u | _e823), (1075838976u | _e828));
                let _e855 = vec4<u32>(bitcast<u32>((bitcast<f32>(_e809.x) * bitcast<f32>(_e830.x))), bitcast<u32>((bitcast<f32>(_e809.y) * bitcast<f32>(_e830.y))), bitcast<u32>((bitcast<f32>(_e809.z) * bitcast<f32>(_e830.z))), bitcast<u32>((bitcast<f32>(_e809.w) * bitcast<f32>(_e830.w))));
                let _e857 = local0_;
                let _e860 = bitcast<u32>((_e857 + 0i));
                let _e864 = ((_e860 & 3u) != 0u);
                let _e866 = (_e860 >> 2u);
                if (_e864 || ((_e866 + 3u) >= arrayLength((&buffer1_)))) {
                    atomicStore((&status[0]), select(4u, 5u, _e864));
                    return;
                }
                let _e880 = buffer1_[_e866];
                let _e886 = buffer1_[(_e866 + 1u)];
                let _e892 = buffer1_[(_e866 + 2u)];
                let _e898 = buffer1_[(_e866 + 3u)];
                let _e900 = vec4<u32>(bitcast<u32>(_e880), bitcast<u32>(_e886), bitcast<u32>(_e892), bitcast<u32>(_e898));
                let _e925 = vec4<u32>(bitcast<u32>((bitcast<f32>(_e855.x) + bitcast<f32>(_e900.x))), bitcast<u32>((bitcast<f32>(_e855.y) + bitcast<f32>(_e900.y))), bitcast<u32>((bitcast<f32>(_e855.z) + bitcast<f32>(_e900.z))), bitcast<u32>((bitcast<f32>(_e855.w) + bitcast<f32>(_e900.w))));
                let _e928 = bitcast<u32>((_e760 + 0i));
                let _e932 = ((_e928 & 3u) != 0u);
                let _e934 = (_e928 >> 2u);
                if (_e932 || ((_e934 + 3u) >= arrayLength((&buffer1_)))) {
                    atomicStore((&status[0]), select(4u, 5u, _e932));
                    return;
                }
                buffer1_[_e934] = bitcast<f32>(_e925.x);
                buffer1_[(_e934 + 1u)] = bitcast<f32>(_e925.y);
                buffer1_[(_e934 + 2u)] = bitcast<f32>(_e925.z);
                buffer1_[(_e934 + 3u)] = bitcast<f32>(_e925.w);
                break;
            }
            let _e969 = local9_;
            let _e971 = local10_;
            if (select(0i, 1i, (_e969 == _e971)) != 0i) {
                branch_counter = 1u;
                break;
            }
            let _e981 = local7_;
            let _e983 = local10_;
            local7_ = (_e981 + _e983);
            break;
        }
        let _e987 = branch_counter;
        let _e991 = (_e987 - 1u);
        if (_e987 != 0u) {
            branch_counter = _e991;
            if (_e991 == 0u) {
                break;
            } else {
                break;
            }
        }
        let _e995 = local7_;
        local2_ = (_e995 + 1i);
        loop {
            let _e1000 = local8_;
            let _e1002 = local7_;
            if (select(0i, 1i, (((_e1000 - _e1002) & 1i) == 0i)) != 0i) {
                break;
            }
            let _e1014 = local5_;
            let _e1016 = local7_;
            let _e1021 = (_e1016 << (bitcast<u32>(2i) & 31u));
            local0_ = _e1021;
            let _e1023 = (_e1014 + _e1021);
            local4_ = _e1023;
            let _e1026 = local3_;
            let _e1028 = local0_;
            let _e1032 = bitcast<u32>(((_e1026 + _e1028) + 0i));
            let _e1036 = ((_e1032 & 3u) != 0u);
            let _e1038 = (_e1032 >> 2u);
            if (_e1036 || (_e1038 >= arrayLength((&buffer0_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e1036));
                return;
            }
            let _e1050 = buffer0_[_e1038];
            let _e1054 = params.zero;
            let _e1059 = local4_;
            let _e1062 = bitcast<u32>((_e1059 + 0i));
            let _e1066 = ((_e1062 & 3u) != 0u);
            let _e1068 = (_e1062 >> 2u);
            if (_e1066 || (_e1068 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e1066));
                return;
            }
            let _e1080 = buffer1_[_e1068];
            let _e1084 = bitcast<u32>((_e1023 + 0i));
            let _e1088 = ((_e1084 & 3u) != 0u);
            let _e1090 = (_e1084 >> 2u);
            if (_e1088 || (_e1090 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e1088));
                return;
            }
            buffer1_[_e1090] = ((_e1050 * bitcast<f32>((1075838976u | _e1054))) + _e1080);
            let _e1103 = local2_;
            local7_ = _e1103;
            break;
        }
        let _e1106 = local8_;
        let _e1108 = local2_;
        if (select(0i, 1i, (_e1106 == _e1108)) != 0i) {
            break;
        }
        let _e1116 = local8_;
        let _e1118 = local7_;
        local4_ = (_e1116 - _e1118);
        let _e1122 = local3_;
        let _e1124 = local7_;
        let _e1129 = (_e1124 << (bitcast<u32>(2i) & 31u));
        local2_ = _e1129;
        local0_ = (_e1122 + _e1129);
        let _e1134 = local5_;
        let _e1136 = local2_;
        local2_ = (_e1134 + _e1136);
        loop {
            let _e1140 = loop_budget;
            if (_e1140 == 0u) {
                let _e1145 = params.budget;
                if (_e1145 != 4294967295u) {
                    atomicStore((&status[0]), 9u);
                    return;
                }
                loop_budget = 4294967295u;
            }
            let _e1153 = loop_budget;
            loop_budget = (_e1153 - 1u);
            let _e1158 = local2_;
            let _e1160 = local0_;
            let _e1163 = bitcast<u32>((_e1160 + 0i));
            let _e1167 = ((_e1163 & 3u) != 0u);
            let _e1169 = (_e1163 >> 2u);
            if (_e1167 || (_e1169 >= arrayLength((&buffer0_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e1167));
                return;
            }
            let _e1181 = buffer0_[_e1169];
            let _e1185 = params.zero;
            let _e1190 = local2_;
            let _e1193 = bitcast<u32>((_e1190 + 0i));
            let _e1197 = ((_e1193 & 3u) != 0u);
            let _e1199 = (_e1193 >> 2u);
            if (_e1197 || (_e1199 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e1197));
                return;
            }
            let _e1211 = buffer1_[_e1199];
            let _e1215 = bitcast<u32>((_e1158 + 0i));
            let _e1219 = ((_e1215 & 3u) != 0u);
            let _e1221 = (_e1215 >> 2u);
            if (_e1219 || (_e1221 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e1219));
                return;
            }
            buffer1_[_e1221] = ((_e1181 * bitcast<f32>((1075838976u | _e1185))) + _e1211);
            let _e1234 = local2_;
            let _e1236 = (_e1234 + 4i);
            local12_ = _e1236;
            let _e1239 = local0_;
            let _e1244 = bitcast<u32>(((_e1239 + 4i) + 0i));
            let _e1248 = ((_e1244 & 3u) != 0u);
            let _e1250 = (_e1244 >> 2u);
            if (_e1248 || (_e1250 >= arrayLength((&buffer0_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e1248));
                return;
            }
            let _e1262 = buffer0_[_e1250];
            let _e1266 = params.zero;
            let _e1271 = local12_;
            let _e1274 = bitcast<u32>((_e1271 + 0i));
            let _e1278 = ((_e1274 & 3u) != 0u);
            let _e1280 = (_e1274 >> 2u);
            if (_e1278 || (_e1280 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e1278));
                return;
            }
            let _e1292 = buffer1_[_e1280];
            let _e1296 = bitcast<u32>((_e1236 + 0i));
            let _e1300 = ((_e1296 & 3u) != 0u);
            let _e1302 = (_e1296 >> 2u);
            if (_e1300 || (_e1302 >= arrayLength((&buffer1_)))) {
                atomicStore((&status[0]), select(4u, 5u, _e1300));
                return;
            }
            buffer1_[_e1302] = ((_e1262 * bitcast<f32>((1075838976u | _e1266))) + _e1292);
            let _e1315 = local0_;
            local0_ = (_e1315 + 8i);
            let _e1320 = local2_;
            local2_ = (_e1320 + 8i);
            let _e1325 = local4_;
            let _e1327 = (_e1325 + -2i);
            local4_ = _e1327;
            if (_e1327 != 0i) {
                continue;
            }
            break;
        }
        break;
    }
}
