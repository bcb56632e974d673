;; Float-to-integer truncation, trapping and saturating, in every combination of widths; i64 bit
;; counts and sign extension; float sign operations on the bits; non-finite constants.
(module
  (memory 1)
  (func (export "kernel") (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $x f64) (local $p i32)
    (local.set $x (f64.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 3)))))
    (local.set $p (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 6))))
    (i64.store offset=0 (local.get $p) (i64.trunc_sat_f64_s (local.get $x)))
    (i64.store offset=8 (local.get $p) (i64.trunc_sat_f32_u (f32.demote_f64 (local.get $x))))
    (i64.store offset=16 (local.get $p) (i64.extend_i32_s (i32.trunc_f64_u (local.get $x))))
    (i64.store offset=24 (local.get $p) (i64.trunc_f32_s (f32.demote_f64 (local.get $x))))
    (i64.store offset=32 (local.get $p) (i64.add (i64.clz (i64.reinterpret_f64 (local.get $x))) (i64.popcnt (i64.extend16_s (i64.reinterpret_f64 (local.get $x))))))
    (i64.store offset=40 (local.get $p) (i64.rotl (i64.ctz (i64.reinterpret_f64 (local.get $x))) (i64.const 60)))
    (f64.store offset=48 (local.get $p) (f64.copysign (f64.const inf) (f64.neg (local.get $x))))
    (f64.store offset=56 (local.get $p) (f64.add (f64.const nan) (f64.nearest (f64.abs (local.get $x)))))))
