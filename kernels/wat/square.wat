;; A parallel_exec kernel module: out[i] = in[i] * in[i], i32.
(module
  (import "" "memory" (memory 1))
  (func (export "kernel") (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $x i32)
    (if (i32.ge_u (i32.shl (local.get $i) (i32.const 2)) (local.get $out_len)) (then (return)))
    (local.set $x (i32.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2)))))
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (i32.mul (local.get $x) (local.get $x)))))
