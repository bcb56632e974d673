;; Byte and half-word stores into a buffer that is also written and read whole (atomic words),
;; sub-word loads, an 8-byte store into a buffer of words, a global used as a stack pointer (with a
;; byte stored into the stack and a word loaded back) and an immutable one, and calls (inlined)
;; with a `return` from inside a loop.
(module
  (memory 1)
  (global $sp (mut i32) (i32.const 4096))
  (global $scale i32 (i32.const 3))
  (table 2 funcref)
  (elem (i32.const 1) $kernel)
  (func $first_zero_byte (param $v i32) (result i32) (local $k i32)
    (loop $next
      (if (i32.eqz (i32.and (i32.shr_u (local.get $v) (i32.shl (local.get $k) (i32.const 3))) (i32.const 255)))
        (then (return (local.get $k))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $k) (i32.const 4))))
    (i32.const -1))
  (func $kernel (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $v i32) (local $q i32)
    (global.set $sp (i32.sub (global.get $sp) (i32.const 16)))
    (local.set $v (i32.load16_s offset=2 (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2)))))
    (local.set $q (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3))))
    (i32.store8 (local.get $q) (call $first_zero_byte (local.get $v)))
    (i32.store16 offset=2 (local.get $q) (i32.mul (local.get $v) (global.get $scale)))
    (i32.store8 offset=3 (global.get $sp) (local.get $v))
    (i64.store (local.get $q) (i64.or (i64.load (local.get $q)) (i64.extend_i32_u (i32.load (global.get $sp)))))
    (i32.store offset=4 (local.get $q) (i32.load8_u offset=1 (local.get $q)))
    (global.set $sp (i32.add (global.get $sp) (i32.const 16)))))
