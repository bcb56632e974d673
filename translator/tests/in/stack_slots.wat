;; A slice returned through a pointer, as rustc -Os leaves it: the callee stores the buffer's
;; (pointer, length) into its caller's stack slot, the caller loads the pointer back and reads
;; the buffer through it. Translates: the slot keeps the pointer's buffer.
(module
  (memory 1)
  (global $__stack_pointer (mut i32) (i32.const 65536))
  (table 2 funcref)
  (elem (i32.const 1) $kernel)
  (func $window (param $out i32) (param $ptr i32) (param $len i32) (param $i i32)
    (i32.store (local.get $out) (i32.add (local.get $ptr) (i32.shl (local.get $i) (i32.const 2))))
    (i32.store offset=4 (local.get $out) (i32.const 4)))
  (func $kernel (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $sp i32)
    (local.set $sp (i32.sub (global.get $__stack_pointer) (i32.const 16)))
    (global.set $__stack_pointer (local.get $sp))
    (call $window (i32.add (local.get $sp) (i32.const 8)) (local.get $in) (local.get $in_len) (local.get $i))
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (i32.add (i32.load (i32.load offset=8 (local.get $sp))) (i32.load offset=12 (local.get $sp))))
    (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 16)))))
