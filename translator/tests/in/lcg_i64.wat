;; 64-bit integer arithmetic as PRK RandomAccess uses it: out[i] = the 10th step of a 64-bit LCG
;; from i, then its top bits folded into an i32, and the i64 itself stored.
(module
  (memory 1)
  (table 2 funcref)
  (elem (i32.const 1) $lcg)
  (func $lcg (param $i i32) (param $n i32) (param $b i32)
        (param $wide i32) (param $wide_len i32) (param $narrow i32) (param $narrow_len i32)
    (local $x i64) (local $k i32)
    (local.set $x (i64.extend_i32_u (local.get $i)))
    (loop $step
      (local.set $x (i64.add (i64.mul (local.get $x) (i64.const 6364136223846793005)) (i64.const 1442695040888963407)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $step (i32.lt_u (local.get $k) (i32.const 10))))
    (i64.store (i32.add (local.get $wide) (i32.shl (local.get $i) (i32.const 3))) (local.get $x))
    (i32.store (i32.add (local.get $narrow) (i32.shl (local.get $i) (i32.const 2)))
      (i32.wrap_i64 (i64.xor (i64.shr_u (local.get $x) (i64.const 33)) (i64.rem_s (local.get $x) (i64.const 1000)))))))
