;; Integer division traps: out[i] = a[i] / b[i] (signed) and a[i] % b[i] (unsigned).
(module
  (memory 1)
  (func (export "kernel") (param $i i32) (param $n i32) (param $blk i32)
        (param $a i32) (param $a_len i32) (param $b i32) (param $b_len i32) (param $q i32) (param $q_len i32)
    (local $off i32) (local $x i32) (local $y i32)
    (local.set $off (i32.shl (local.get $i) (i32.const 3)))
    (local.set $x (i32.load (i32.add (local.get $a) (local.get $off))))
    (local.set $y (i32.load (i32.add (local.get $b) (local.get $off))))
    (i32.store (i32.add (local.get $q) (local.get $off)) (i32.div_s (local.get $x) (local.get $y)))
    (i32.store offset=4 (i32.add (local.get $q) (local.get $off)) (i32.rem_u (local.get $x) (local.get $y)))))
