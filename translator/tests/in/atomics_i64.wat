;; 64-bit atomics on buffers, as a histogram of 64-bit counts and a compare-exchange maximum
;; use them: every i64 read-modify-write, compare-exchange, atomic load and store, and a plain
;; i64 load of the same buffer.
(module
  (memory 1 1 shared)
  (table 2 funcref)
  (elem (i32.const 1) $k)
  (func $k (param $i i32) (param $n i32) (param $b i32)
        (param $bins i32) (param $bins_len i32) (param $out i32) (param $out_len i32)
    (local $bin i32) (local $old i64)
    (local.set $bin (i32.add (local.get $bins) (i32.shl (i32.rem_u (local.get $i) (i32.const 4)) (i32.const 3))))
    (drop (i64.atomic.rmw.add (local.get $bin) (i64.extend_i32_u (local.get $i))))
    (drop (i64.atomic.rmw.sub offset=32 (local.get $bins) (i64.const 1)))
    (drop (i64.atomic.rmw.and offset=40 (local.get $bins) (i64.const 0x7fffffffffff)))
    (drop (i64.atomic.rmw.or offset=48 (local.get $bins) (i64.shl (i64.const 1) (i64.extend_i32_u (local.get $i)))))
    (drop (i64.atomic.rmw.xor offset=56 (local.get $bins) (i64.const 0x5555)))
    (local.set $old (i64.atomic.rmw.xchg offset=64 (local.get $bins) (i64.extend_i32_u (local.get $i))))
    (drop (i64.atomic.rmw.cmpxchg offset=72 (local.get $bins) (i64.const 0) (i64.const 0x100000000)))
    (i64.atomic.store offset=80 (local.get $bins) (i64.const -1))
    (i64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3)))
      (i64.add (local.get $old)
        (i64.add (i64.atomic.load offset=8 (local.get $bins)) (i64.load (local.get $bins)))))))
