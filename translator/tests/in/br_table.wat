;; br_table with block results: out[i] = [10, 20, 30][i % 4], and -1 for the default case.
(module
  (memory 1)
  (func (export "kernel") (param $i i32) (param $n i32) (param $b i32) (param $out i32) (param $out_len i32)
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (block $done (result i32)
        (block $other
          (block $two
            (block $one
              (block $zero
                (br_table $zero $one $two $other (i32.rem_u (local.get $i) (i32.const 4))))
              (br $done (i32.const 10)))
            (br $done (i32.const 20)))
          (br $done (i32.const 30)))
        (i32.const -1)))))
