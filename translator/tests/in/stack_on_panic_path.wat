;; A bounds check as rustc -O3 +simd128 vectorises it: when an index is out of range, the lanes
;; of the index vector are stored to the stack and the failing one read back at an index known
;; only at run time, as the panic's argument. That code can only trap, so the stack is not
;; kept: no private array (which llvmpipe refuses). Kernel 2 stores to its output on the way to
;; the panic, which another work item may see: there the stack is kept.
(module
  (memory 1)
  (global $__stack_pointer (mut i32) (i32.const 65536))
  (table 3 funcref)
  (elem (i32.const 1) $kernel $kernel_storing)
  (func $slice_index_fail (param i32 i32) (unreachable))
  (func $kernel (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $sp i32) (local $ends v128) (local $bad i32)
    (local.set $sp (i32.sub (global.get $__stack_pointer) (i32.const 32)))
    (global.set $__stack_pointer (local.get $sp))
    (local.set $ends (i32x4.add (i32x4.splat (i32.shl (local.get $i) (i32.const 2)))
                                (v128.const i32x4 4 8 12 16)))
    (block $fail
      (local.set $bad (i8x16.bitmask (i32x4.gt_u (local.get $ends) (i32x4.splat (local.get $in_len)))))
      (br_if $fail (local.get $bad))
      (v128.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 4)))
        (v128.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 4)))))
      (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 32)))
      (return))
    (v128.store (local.get $sp) (local.get $ends))
    (call $slice_index_fail
      (i32.load (i32.add (local.get $sp) (i32.and (i32.ctz (local.get $bad)) (i32.const 12))))
      (local.get $in_len)))
  (func $kernel_storing (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $sp i32)
    (local.set $sp (i32.sub (global.get $__stack_pointer) (i32.const 16)))
    (global.set $__stack_pointer (local.get $sp))
    (if (i32.ge_u (i32.shl (local.get $i) (i32.const 2)) (local.get $in_len))
      (then
        (i32.store (local.get $sp) (local.get $i))
        (i32.store (local.get $out) (i32.load (i32.add (local.get $sp) (i32.and (local.get $i) (i32.const 12)))))
        (call $slice_index_fail (local.get $i) (local.get $in_len))))
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (i32.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2)))))
    (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 16)))))
