;; A stack slot holding a buffer pointer, copied into a buffer with memory.copy: the GPU would
;; write the pointer's offset where the CPU writes its address. Must be refused.
(module
  (memory 1)
  (global $__stack_pointer (mut i32) (i32.const 65536))
  (func (export "kernel") (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $sp i32)
    (local.set $sp (i32.sub (global.get $__stack_pointer) (i32.const 16)))
    (global.set $__stack_pointer (local.get $sp))
    (i32.store (local.get $sp) (local.get $in))
    (memory.copy (local.get $out) (local.get $sp) (i32.const 8))
    (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 16)))))
