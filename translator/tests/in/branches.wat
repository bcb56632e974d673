;; Multi-level breaks, block results and a loop: out[i] = number of steps of the Collatz sequence
;; from i + 1, capped at 100, found with a loop nested in blocks.
(module
  (memory 1)
  (func (export "kernel") (param $i i32) (param $n i32) (param $b i32) (param $out i32) (param $out_len i32)
    (local $x i32) (local $steps i32)
    (local.set $x (i32.add (local.get $i) (i32.const 1)))
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (block $result (result i32)
        (block $capped
          (loop $step
            (br_if $result (local.get $steps) (i32.eq (local.get $x) (i32.const 1)))
            (br_if $capped (i32.ge_u (local.get $steps) (i32.const 100)))
            (local.set $x
              (if (result i32) (i32.and (local.get $x) (i32.const 1))
                (then (i32.add (i32.mul (local.get $x) (i32.const 3)) (i32.const 1)))
                (else (i32.shr_u (local.get $x) (i32.const 1)))))
            (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
            (br $step)))
        (i32.const -1)))))
