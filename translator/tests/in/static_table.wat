;; Reads of the guest's static data: out[i] = table[i % 4] * scale, with an f64 table and an i32
;; scale at fixed addresses, as compilers place constants.
(module
  (memory 1)
  (data (i32.const 1024) "\00\00\00\00\00\00\f0\3f\00\00\00\00\00\00\00\40\00\00\00\00\00\00\08\40\00\00\00\00\00\00\10\40")
  (data (i32.const 1056) "\03\00\00\00")
  (func (export "kernel") (param $i i32) (param $n i32) (param $b i32) (param $out i32) (param $out_len i32)
    (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
      (f64.mul
        (f64.load offset=1024 (i32.shl (i32.and (local.get $i) (i32.const 3)) (i32.const 3)))
        (f64.convert_i32_s (i32.load (i32.const 1056)))))))
