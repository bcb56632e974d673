;; out[i] = 2 * in[i] for i32 buffers, with the bounds check a compiler would emit.
(module
  (memory 1)
  (table 2 funcref)
  (elem (i32.const 1) $double)
  (func $double (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $off i32)
    (local.set $off (i32.shl (local.get $i) (i32.const 2)))
    (if (i32.ge_u (local.get $off) (local.get $out_len)) (then (return)))
    (i32.store (i32.add (local.get $out) (local.get $off))
      (i32.mul (i32.load (i32.add (local.get $in) (local.get $off))) (i32.const 2)))))
