;; A store to an address that is no buffer's: must be refused, naming the instruction.
(module
  (memory 1)
  (func (export "kernel") (param $i i32) (param $n i32) (param $b i32) (param $p i32) (param $len i32)
    (i32.store (i32.const 1024) (local.get $i))))
