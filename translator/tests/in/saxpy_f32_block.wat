;; y[j] = a * x[j] + y[j] over the block of work item i, with pointers advanced in locals as rustc
;; does (bottom-tested loop, p += 4) and a loop-carried pointer local.
(module
  (memory 1)
  (table 2 funcref)
  (elem (i32.const 1) $saxpy)
  (func $saxpy (param $i i32) (param $n i32) (param $b i32)
        (param $x i32) (param $x_len i32) (param $y i32) (param $y_len i32)
    (local $px i32) (local $py i32) (local $end i32)
    (local.set $px (i32.add (local.get $x) (i32.shl (i32.mul (local.get $i) (local.get $b)) (i32.const 2))))
    (local.set $py (i32.add (local.get $y) (i32.shl (i32.mul (local.get $i) (local.get $b)) (i32.const 2))))
    (local.set $end (i32.add (local.get $py) (i32.shl (local.get $b) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $py) (local.get $end)))
      (loop $next
        (f32.store (local.get $py)
          (f32.add (f32.mul (f32.const 2.5) (f32.load (local.get $px))) (f32.load (local.get $py))))
        (local.set $px (i32.add (local.get $px) (i32.const 4)))
        (local.set $py (i32.add (local.get $py) (i32.const 4)))
        (br_if $next (i32.lt_u (local.get $py) (local.get $end)))))))
