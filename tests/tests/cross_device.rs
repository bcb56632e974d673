//! The cross-device suite: kernels covering the translator's whole surface (integer and float
//! math in all four types, conversions, control flow, calls, globals, traps, sub-word memory
//! accesses, static data) run on every device through the guest ABI, and must give what the CPU
//! executor gives: the same bits, except that a NaN may be any NaN where Wasm lets it be.
//!
//! Every device runs in strict mode, so a kernel a GPU backend could not translate fails here
//! instead of quietly running on the CPU. In CI (`CI` set) the software GPUs (lavapipe for wgpu,
//! PoCL for OpenCL) must be present.

use std::fmt::Write as _;

use wasi_parallel_tests::suite::{
    build, check, compiled, compiled_suite, devices, guests_dir, wat_ty, Case, Suite, Ty, PARAMS,
};

/// A kernel computing `ops` (templates over `{x}` and `{y}`, the work item's inputs) into
/// consecutive output slots.
fn ops_case(name: &str, input: Ty, ops: &[(&str, Ty)]) -> Case {
    let t = wat_ty(input);
    let mut body = format!(
        "(func ${name} {PARAMS} (local $x {t}) (local $y {t}) (local $base i32)\n\
         (local.set $x ({t}.load (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3)))))\n\
         (local.set $y ({t}.load (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 3)))))\n\
         (local.set $base (i32.add (local.get $o) (i32.mul (local.get $i) (i32.const {}))))\n",
        ops.len() * 8
    );
    for (j, (op, ty)) in ops.iter().enumerate() {
        let expr = op
            .replace("{x}", "(local.get $x)")
            .replace("{y}", "(local.get $y)");
        writeln!(
            body,
            "({}.store offset={} (local.get $base) {expr})",
            wat_ty(*ty),
            j * 8
        )
        .unwrap();
    }
    body.push(')');
    Case {
        name: name.into(),
        wat: body,
        input,
        outputs: ops.iter().map(|(_, t)| *t).collect(),
        out_bytes: 0,
        traps: false,
        in_place: false,
    }
}

/// A hand-written kernel with one output slot per work item.
fn custom(name: &str, input: Ty, output: Ty, wat: &str) -> Case {
    Case {
        name: name.into(),
        wat: wat.replace("$KERNEL", &format!("${name} {PARAMS}")),
        input,
        outputs: vec![output],
        out_bytes: 0,
        traps: false,
        in_place: false,
    }
}

fn cases() -> Vec<Case> {
    use Ty::*;
    // Divisors made safe: 1 where Wasm would trap.
    let safe32 = "(select {y} (i32.const 1) (i32.and (i32.ne {y} (i32.const 0)) \
                  (i32.or (i32.ne {y} (i32.const -1)) (i32.ne {x} (i32.const 0x80000000)))))";
    let safe64 = "(select {y} (i64.const 1) (i32.and (i64.ne {y} (i64.const 0)) \
                  (i32.or (i64.ne {y} (i64.const -1)) (i64.ne {x} (i64.const 0x8000000000000000)))))";
    let div = |t: &str, safe: &str, ty: Ty| -> Vec<(String, Ty)> {
        ["div_s", "div_u", "rem_s", "rem_u"]
            .iter()
            .map(|op| (format!("({t}.{op} {{x}} {safe})"), ty))
            .collect()
    };
    let owned = |v: Vec<(String, Ty)>| v;
    let mut c = vec![];
    for (t, ty) in [("i32", I32), ("i64", I64)] {
        let arith: Vec<(String, Ty)> = [
            "add", "sub", "mul", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr",
        ]
        .iter()
        .map(|op| (format!("({t}.{op} {{x}} {{y}})"), ty))
        .collect();
        let compare: Vec<(String, Ty)> = [
            "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u",
        ]
        .iter()
        .map(|op| (format!("({t}.{op} {{x}} {{y}})"), I32))
        .collect();
        let mut bits: Vec<(String, Ty)> = ["clz", "ctz", "popcnt", "extend8_s", "extend16_s"]
            .iter()
            .map(|op| (format!("({t}.{op} {{x}})"), ty))
            .collect();
        bits.push((format!("({t}.eqz {{x}})"), I32));
        bits.push((format!("({t}.eqz ({t}.and {{x}} ({t}.const 15)))"), I32));
        if ty == I64 {
            bits.push(("(i64.extend32_s {x})".into(), I64));
        }
        let safe = if ty == I32 { safe32 } else { safe64 };
        for (name, ops) in [
            ("arith", arith),
            ("div", owned(div(t, safe, ty))),
            ("bits", bits),
            ("compare", compare),
        ] {
            let ops: Vec<(&str, Ty)> = ops.iter().map(|(s, t)| (s.as_str(), *t)).collect();
            c.push(ops_case(&format!("{t}_{name}"), ty, &ops));
        }
    }
    for (t, ty) in [("f32", F32), ("f64", F64)] {
        let binary = |ops: &[&str], out: Ty| -> Vec<(String, Ty)> {
            ops.iter()
                .map(|op| (format!("({t}.{op} {{x}} {{y}})"), out))
                .collect()
        };
        let unary: Vec<(String, Ty)> = ["abs", "neg", "sqrt", "ceil", "floor", "trunc", "nearest"]
            .iter()
            .map(|op| (format!("({t}.{op} {{x}})"), ty))
            .collect();
        for (name, ops) in [
            ("arith", binary(&["add", "sub", "mul", "div"], ty)),
            ("minmax", binary(&["min", "max", "copysign"], ty)),
            ("unary", unary),
            (
                "compare",
                binary(&["eq", "ne", "lt", "gt", "le", "ge"], I32),
            ),
        ] {
            let ops: Vec<(&str, Ty)> = ops.iter().map(|(s, t)| (s.as_str(), *t)).collect();
            c.push(ops_case(&format!("{t}_{name}"), ty, &ops));
        }
    }
    // Conversions.
    c.push(ops_case(
        "convert_int",
        I64,
        &[
            ("(i32.wrap_i64 {x})", I32),
            ("(i64.extend_i32_s (i32.wrap_i64 {x}))", I64),
            ("(i64.extend_i32_u (i32.wrap_i64 {x}))", I64),
        ],
    ));
    c.push(ops_case(
        "convert_to_float",
        I64,
        &[
            ("(f32.convert_i32_s (i32.wrap_i64 {x}))", F32),
            ("(f32.convert_i32_u (i32.wrap_i64 {x}))", F32),
            ("(f32.convert_i64_s {x})", F32),
            ("(f32.convert_i64_u {x})", F32),
            ("(f64.convert_i32_s (i32.wrap_i64 {x}))", F64),
            ("(f64.convert_i32_u (i32.wrap_i64 {x}))", F64),
            ("(f64.convert_i64_s {x})", F64),
            ("(f64.convert_i64_u {x})", F64),
        ],
    ));
    for (t, ty) in [("f32", F32), ("f64", F64)] {
        c.push(ops_case(
            &format!("trunc_sat_{t}"),
            ty,
            &[
                (&format!("(i32.trunc_sat_{t}_s {{x}})"), I32),
                (&format!("(i32.trunc_sat_{t}_u {{x}})"), I32),
                (&format!("(i64.trunc_sat_{t}_s {{x}})"), I64),
                (&format!("(i64.trunc_sat_{t}_u {{x}})"), I64),
            ],
        ));
        // The trapping truncations on values made to fit: NaN to 0, then clamped.
        let nan_free = if ty == F32 {
            "(i32.lt_u (i32.and (i32.reinterpret_f32 {x}) (i32.const 0x7fffffff)) (i32.const 0x7f800001))"
        } else {
            "(i64.lt_u (i64.and (i64.reinterpret_f64 {x}) (i64.const 0x7fffffffffffffff)) (i64.const 0x7ff0000000000001))"
        };
        let fit = |lo: &str, hi: &str| {
            format!("({t}.min ({t}.max (select {{x}} ({t}.const 0) {nan_free}) ({t}.const {lo})) ({t}.const {hi}))")
        };
        c.push(ops_case(
            &format!("trunc_{t}"),
            ty,
            &[
                (
                    &format!("(i32.trunc_{t}_s {})", fit("-2147483000", "2147483000")),
                    I32,
                ),
                (
                    &format!("(i32.trunc_{t}_u {})", fit("-0.99", "4294967000")),
                    I32,
                ),
                (&format!("(i64.trunc_{t}_s {})", fit("-9e18", "9e18")), I64),
                (&format!("(i64.trunc_{t}_u {})", fit("-0.5", "1.8e19")), I64),
            ],
        ));
    }
    c.push(ops_case(
        "float_casts",
        F64,
        &[
            ("(f32.demote_f64 {x})", F32),
            ("(f64.promote_f32 (f32.demote_f64 {x}))", F64),
            ("(i64.reinterpret_f64 {x})", I64),
            ("(f64.reinterpret_i64 (i64.xor (i64.reinterpret_f64 {x}) (i64.const 0x8000000000000000)))", F64),
            ("(f32.reinterpret_i32 (i32.wrap_i64 (i64.reinterpret_f64 {y})))", F32),
        ],
    ));
    // 64-bit constants in comparisons, which lavapipe folded wrongly before they were hidden
    // from it (`popcnt(x) < 63` was false).
    c.push(ops_case(
        "i64_constants_compared",
        I64,
        &[
            (
                "(i64.extend_i32_u (i64.ge_s (i64.extend32_s (i64.const 63)) (i64.popcnt {x})))",
                I64,
            ),
            (
                "(i32.wrap_i64 (i64.extend_i32_u (i64.lt_s (i64.popcnt {x}) (i64.const 63))))",
                I32,
            ),
            (
                "(i64.extend_i32_u (i64.gt_u (i64.const 40) (i64.popcnt {y})))",
                I64,
            ),
        ],
    ));
    c.extend(control_cases());
    c.extend(memory_cases());
    c.extend(trap_cases());
    c
}

fn control_cases() -> Vec<Case> {
    use Ty::*;
    let load_x =
        "(local.set $x (i32.load (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3)))))";
    let store = |v: &str| {
        format!("(i32.store (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 3))) {v})")
    };
    vec![
        custom("nested_loops", I32, I32, &format!(
            "(func $KERNEL (local $x i32) (local $j i32) (local $k i32) (local $s i32)
               {load_x}
               (block $done_j (loop $next_j
                 (br_if $done_j (i32.ge_u (local.get $j) (i32.rem_u (local.get $i) (i32.const 13))))
                 (local.set $k (i32.const 0))
                 (block $done_k (loop $next_k
                   (br_if $done_k (i32.ge_u (local.get $k) (local.get $j)))
                   (br_if $done_k (i32.eq (local.get $k) (i32.const 7)))
                   (local.set $s (i32.add (local.get $s) (i32.xor (local.get $x) (local.get $k))))
                   (local.set $k (i32.add (local.get $k) (i32.const 1)))
                   (br $next_k)))
                 (local.set $j (i32.add (local.get $j) (i32.const 1)))
                 (br $next_j)))
               {})", store("(local.get $s)"))),
        custom("multi_level_break", I32, I32, &format!(
            "(func $KERNEL (local $x i32) (local $k i32)
               {load_x}
               {})", store("(block $out (result i32)
                 (loop $l
                   (block $skip
                     (br_if $skip (i32.and (local.get $k) (i32.const 1)))
                     (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 3)) (i32.const 1)))
                     (drop (br_if $out (local.get $k) (i32.and (local.get $x) (i32.const 1024)))))
                   (local.set $k (i32.add (local.get $k) (i32.const 1)))
                   (br_if $l (i32.lt_u (local.get $k) (i32.const 20))))
                 (i32.sub (i32.const 0) (local.get $x)))"))),
        custom("br_table", I32, I32, &format!(
            "(func $KERNEL (local $x i32) (local $s i32)
               {load_x}
               (block $d (block $c (block $b (block $a
                 (br_table $a $b $c $d $b (i32.rem_u (local.get $i) (i32.const 6))))
                 (local.set $s (i32.add (local.get $s) (i32.const 1))))
                 (local.set $s (i32.add (local.get $s) (local.get $x))))
                 (local.set $s (i32.mul (local.get $s) (i32.const 5)))
                 (br $d))
               {})", store("(i32.sub (local.get $s) (local.get $i))"))),
        custom("if_results", I32, I32, &format!(
            "(func $KERNEL (local $x i32)
               {load_x}
               {})", store("(if (result i32) (i32.lt_s (local.get $x) (i32.const 0))
                 (then (if (result i32) (i32.and (local.get $x) (i32.const 2))
                   (then (i32.const 100)) (else (select (local.get $x) (local.get $i) (i32.and (local.get $i) (i32.const 1))))))
                 (else (i32.add (local.get $x) (i32.const 7))))"))),
        custom("early_return", I32, I32, &format!(
            "(func $KERNEL (local $x i32)
               {load_x}
               {}
               (br_if 0 (i32.lt_s (local.get $x) (i32.const 0)))
               (if (i32.gt_u (local.get $x) (i32.const 1000)) (then return))
               {})", store("(i32.const -5)"), store("(i32.mul (local.get $x) (local.get $x))"))),
        custom("calls", I32, I32, &format!(
            "(func $square (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
             (func $KERNEL (local $x i32)
               {load_x}
               {})", store("(i32.add (call $square (local.get $x)) (call $square (local.get $i)))"))),
        custom("nested_calls", I32, I32, &format!(
            "(func $cube (param i32) (result i32) (i32.mul (local.get 0) (call $square2 (local.get 0))))
             (func $square2 (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
             (func $digits (param $v i32) (result i32) (local $count i32)
               (loop $more
                 (local.set $count (i32.add (local.get $count) (i32.const 1)))
                 (if (i32.ge_u (local.get $count) (i32.const 5)) (then (return (i32.const -1))))
                 (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
                 (br_if $more (local.get $v)))
               (local.get $count))
             (func $KERNEL (local $x i32)
               {load_x}
               {})", store("(i32.add (call $cube (local.get $x)) (call $digits (local.get $x)))"))),
        custom("shadow_stack", I32, I32, &format!(
            "(func $sum_frame (param $p i32) (result i32) (local $s i32) (local $j i32) (local $q i32)
               (local.set $q (i32.sub (global.get $__stack_pointer) (i32.const 16)))
               (global.set $__stack_pointer (local.get $q))
               (i32.store16 (local.get $q) (i32.load16_u offset=2 (local.get $p)))
               (loop $sum
                 (local.set $s (i32.add (local.get $s)
                   (i32.load (i32.add (local.get $p) (i32.shl (local.get $j) (i32.const 2))))))
                 (local.set $j (i32.add (local.get $j) (i32.const 1)))
                 (br_if $sum (i32.lt_u (local.get $j) (i32.const 8))))
               (local.set $s (i32.xor (local.get $s) (i32.load8_s offset=5 (local.get $p))))
               (local.set $s (i32.add (local.get $s) (i32.wrap_i64 (i64.load offset=32 (local.get $p)))))
               (local.set $s (i32.add (local.get $s) (i32.load (local.get $q))))
               (global.set $__stack_pointer (i32.add (local.get $q) (i32.const 16)))
               (local.get $s))
             (func $KERNEL (local $x i32) (local $sp i32) (local $k i32)
               {load_x}
               (local.set $sp (i32.sub (global.get $__stack_pointer) (i32.const 64)))
               (global.set $__stack_pointer (local.get $sp))
               (loop $fill
                 (i32.store (i32.add (local.get $sp) (i32.shl (local.get $k) (i32.const 2)))
                   (i32.mul (local.get $x) (local.get $k)))
                 (local.set $k (i32.add (local.get $k) (i32.const 1)))
                 (br_if $fill (i32.lt_u (local.get $k) (i32.const 8))))
               (i32.store8 offset=5 (local.get $sp) (local.get $i))
               (i64.store offset=32 (local.get $sp) (i64.mul (i64.extend_i32_s (local.get $x)) (i64.const 3)))
               {}
               (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 64))))",
            store("(call $sum_frame (local.get $sp))"))),
        custom("globals", I32, I32, &format!(
            "(global $scale i32 (i32.const 17))
             (global $sp (mut i32) (i32.const 4096))
             (global $seen (mut i64) (i64.const 5))
             (func $scaled (result i32) (i32.mul (global.get $sp) (global.get $scale)))
             (func $KERNEL (local $x i32) (local $saved i32)
               {load_x}
               (local.set $saved (global.get $sp))
               (global.set $sp (local.get $x))
               (global.set $seen (i64.extend_i32_s (call $scaled)))
               (global.set $sp (local.get $saved))
               {})", store("(i32.add (i32.wrap_i64 (global.get $seen)) (global.get $sp))"))),
    ]
}

fn memory_cases() -> Vec<Case> {
    use Ty::*;
    let load_x =
        "(local.set $x (i32.load (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3)))))";
    let byte_output = |name: &str, bytes: usize, wat: &str| Case {
        name: name.into(),
        wat: wat.replace("$KERNEL", &format!("${name} {PARAMS}")),
        input: I32,
        outputs: vec![],
        out_bytes: bytes,
        traps: false,
        in_place: false,
    };
    let mut in_place = custom(
        "in_place",
        I32,
        I32,
        "(func $KERNEL (local $p i32)
           (local.set $p (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))
           (i32.store (local.get $p) (i32.add (i32.mul (i32.load (local.get $p)) (i32.const 3)) (i32.const 1)))
           (i32.store offset=4 (local.get $p) (local.get $i)))",
    );
    in_place.in_place = true;
    in_place.outputs = vec![I64];
    vec![
        // Neighbouring work items store neighbouring bytes of one word.
        byte_output("store8", 1, &format!(
            "(func $KERNEL (local $x i32)
               {load_x}
               (i32.store8 (i32.add (local.get $o) (local.get $i)) (i32.add (local.get $x) (local.get $i))))")),
        byte_output("store16", 2, &format!(
            "(func $KERNEL (local $x i32)
               {load_x}
               (i32.store16 (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 1)))
                 (i32.xor (local.get $x) (i32.const 0x5a5a))))")),
        byte_output("store_mixed_widths", 8, &format!(
            "(func $KERNEL (local $x i32) (local $p i32)
               {load_x}
               (local.set $p (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 3))))
               (i32.store (local.get $p) (local.get $x))
               (i32.store8 offset=1 (local.get $p) (local.get $i))
               (i64.store16 offset=6 (local.get $p) (i64.const -2))
               (i64.store8 offset=4 (local.get $p) (i64.extend_i32_u (local.get $x)))
               (i32.store8 offset=5 (local.get $p) (i32.load8_u offset=2 (local.get $p))))")),
        // Loads the compiler says may be unaligned (`align=1`), at every offset in a word: their
        // bytes come from the two words around them.
        ops_case(
            "straddling_loads",
            I32,
            &[
                ("(i32.load offset=1 align=1 (i32.add (local.get $a) (i32.shl (i32.and {x} (i32.const 63)) (i32.const 3))))", I32),
                ("(i32.load offset=3 align=1 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", I32),
                ("(i32.load offset=4 align=1 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", I32),
                ("(i32.load16_s offset=3 align=1 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", I32),
                ("(i32.load16_u offset=1 align=1 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", I32),
                ("(i64.load offset=5 align=1 (i32.add (local.get $a) (i32.shl (i32.and (local.get $i) (i32.const 63)) (i32.const 3))))", I64),
                ("(i64.load32_s offset=2 align=2 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", I64),
                ("(f32.load offset=2 align=1 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", F32),
                ("(f64.load offset=3 align=1 (i32.add (local.get $a) (i32.shl (i32.and (local.get $i) (i32.const 63)) (i32.const 3))))", F64),
                // The static data (words at 0x400, doubles at 0x420), and past it: zeros.
                ("(i32.load align=1 (i32.add (i32.const 0x401) (i32.and {x} (i32.const 31))))", I32),
                ("(i64.load align=1 (i32.add (i32.const 0x419) (i32.and {x} (i32.const 63))))", I64),
            ],
        ),
        // Stores the compiler says may be unaligned, into a binding of atomic words that
        // neighbouring work items store to (32 bytes each).
        byte_output("straddling_stores", 32, &format!(
            "(func $KERNEL (local $x i32) (local $p i32)
               {load_x}
               (local.set $p (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 5))))
               (i64.store align=1 (local.get $p) (i64.const -1))
               (i64.store offset=24 align=1 (local.get $p) (i64.extend_i32_u (local.get $x)))
               (i32.store offset=1 align=1 (local.get $p) (i32.mul (local.get $x) (i32.const 0x01000193)))
               (i32.store16 offset=7 align=1 (local.get $p) (local.get $i))
               (i64.store offset=10 align=2 (local.get $p)
                 (i64.mul (i64.extend_i32_s (local.get $x)) (i64.const 0x100000001b3)))
               (f32.store offset=19 align=1 (local.get $p) (f32.convert_i32_s (local.get $x)))
               (i32.store offset=27 align=1 (local.get $p) (i32.xor (local.get $x) (i32.const -1))))")),
        ops_case(
            "narrow_loads",
            I32,
            &[
                ("(i32.load8_s offset=1 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", I32),
                ("(i32.load8_u offset=3 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", I32),
                ("(i32.load16_s offset=2 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", I32),
                ("(i32.load16_u (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", I32),
                ("(i64.load8_s offset=4 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", I64),
                ("(i64.load16_u offset=6 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", I64),
                ("(i64.load32_s offset=4 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", I64),
                ("(i64.load32_u (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", I64),
                ("(f32.load (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))", F32),
            ],
        ),
        ops_case(
            "static_data",
            I32,
            &[
                ("(i32.load (i32.add (i32.const 0x400) (i32.shl (i32.and {x} (i32.const 7)) (i32.const 2))))", I32),
                ("(i32.load8_s (i32.add (i32.const 0x400) (i32.and {x} (i32.const 31))))", I32),
                ("(i32.load16_u offset=2 (i32.add (i32.const 0x400) (i32.shl (i32.and {x} (i32.const 7)) (i32.const 2))))", I32),
                ("(f64.load (i32.add (i32.const 0x420) (i32.shl (i32.and {y} (i32.const 3)) (i32.const 3))))", F64),
                ("(i64.load (i32.add (i32.const 0x420) (i32.shl (i32.and {y} (i32.const 3)) (i32.const 3))))", I64),
                ("(f32.load offset=4 (i32.const 0x400))", F32),
                // Vectors, inside the data and past it (the zeros of the initial memory).
                ("(i32x4.extract_lane 1 (v128.load (i32.add (i32.const 0x400) (i32.shl (i32.and {x} (i32.const 7)) (i32.const 4)))))", I32),
                ("(i64x2.extract_lane 1 (v128.load offset=0x20 (i32.add (i32.const 0x400) (i32.shl (i32.and {x} (i32.const 3)) (i32.const 3)))))", I64),
            ],
        ),
        in_place,
    ]
}

fn trap_cases() -> Vec<Case> {
    use Ty::*;
    let trapping = |name: &str, input: Ty, wat: &str| {
        let mut c = custom(name, input, I32, wat);
        c.traps = true;
        c
    };
    let store_one =
        "(i32.store (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 3))) (i32.const 1))";
    vec![
        trapping("trap_unreachable", I32, &format!(
            "(func $KERNEL (if (i32.eq (local.get $i) (i32.const 37)) (then unreachable)) {store_one})")),
        trapping("trap_panic_path", I32, &format!(
            "(func $panic (unreachable))
             (func $bounds (param i32) (if (i32.gt_u (local.get 0) (i32.const 40)) (then (call $panic))))
             (func $KERNEL (call $bounds (local.get $i)) {store_one})")),
        // A panic whose argument is read back from the stack at an index known only when the
        // work item runs, as rustc's vectorised bounds checks do: the stack is not kept (no
        // GPU gets a private array for it), and the work item still traps.
        trapping("trap_panic_reading_the_stack", I32, &format!(
            "(func $fail_with (param i32 i32) (unreachable))
             (func $KERNEL (local $sp i32)
               (local.set $sp (i32.sub (global.get $__stack_pointer) (i32.const 32)))
               (global.set $__stack_pointer (local.get $sp))
               (if (i32.eq (local.get $i) (i32.const 37))
                 (then
                   (v128.store (local.get $sp) (i32x4.splat (local.get $i)))
                   (i32.store offset=16 (local.get $sp) (local.get $n))
                   (call $fail_with
                     (i32.load (i32.add (local.get $sp) (i32.shl (i32.and (local.get $i) (i32.const 3)) (i32.const 2))))
                     (i32.load offset=16 (local.get $sp)))))
               {store_one}
               (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 32))))")),
        trapping("trap_divide_by_zero", I32, 
            "(func $KERNEL
               (i32.store (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 3)))
                 (i32.div_u (i32.const 100) (i32.sub (local.get $i) (i32.const 40)))))"),
        trapping("trap_out_of_bounds", I32, 
            "(func $KERNEL
               (i32.store (i32.add (local.get $o) (select (i32.const 0x7ff00000) (i32.const 0) (i32.eq (local.get $i) (i32.const 3))))
                 (i32.const 1)))"),
        trapping("trap_invalid_conversion", F32, 
            "(func $KERNEL
               (i32.store (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 3)))
                 (i32.trunc_f32_s (select (f32.const nan) (f32.const 1.5) (i32.eq (local.get $i) (i32.const 9))))))"),
        trapping("trap_conversion_overflow", F64, 
            "(func $KERNEL
               (i32.store (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 3)))
                 (i32.trunc_f64_u (f64.convert_i32_s (i32.sub (i32.const 5) (local.get $i))))))"),
    ]
}

/// The static data the `static_data` kernel reads: 8 words at 0x400, then 4 doubles at 0x420.
fn data_segments() -> String {
    let mut bytes = Vec::new();
    for w in [
        7i32,
        -1,
        0x1234_5678,
        i32::MIN,
        42,
        -300,
        0x00ff_00ff,
        1 << 30,
    ] {
        bytes.extend_from_slice(&w.to_le_bytes());
    }
    for d in [1.5f64, -0.0, f64::INFINITY, 1e-310] {
        bytes.extend_from_slice(&d.to_le_bytes());
    }
    let escaped: String = bytes.iter().map(|b| format!("\\{b:02x}")).collect();
    // The shadow stack pointer comes first, as wasm-ld puts it: the first mutable i32 global.
    format!(
        "(global $__stack_pointer (mut i32) (i32.const 0x8000))\n\
         (data (i32.const 0x400) \"{escaped}\")"
    )
}

/// One vector shape's cases (see [`simd_cases`]).
struct Shape<'a> {
    /// The WAT name: `i32x4`.
    shape: &'a str,
    /// The work item's inputs.
    input: Ty,
    /// Two vectors of the shape, over `{x}` and `{y}`.
    v: &'a str,
    w: &'a str,
    /// Operators of two vectors, of one.
    binary: Vec<&'a str>,
    unary: Vec<&'a str>,
    /// The lanes read back, with this `extract_lane` suffix, as this type.
    lanes: &'a [u32],
    suffix: &'a str,
    lane_ty: Ty,
}

/// [`ops_case`]s of `ops`, at most 20 outputs each (as [`simd_cases`] keeps them), named
/// `{name}_{k}`.
fn chunked(name: &str, input: Ty, ops: &[(String, Ty)]) -> Vec<Case> {
    let ops: Vec<(&str, Ty)> = ops.iter().map(|(s, t)| (s.as_str(), *t)).collect();
    ops.chunks(20)
        .enumerate()
        .map(|(part, chunk)| ops_case(&format!("{name}_{part}"), input, chunk))
        .collect()
}

/// Vector (`v128`) kernels: two vectors of each shape built from the work item's inputs (splats
/// and replaced lanes, so that lanes differ), every operator translated lane-wise applied to
/// them, and lanes of the results extracted into the output slots; `v128.load`/`store` on
/// buffers and constants.
fn simd_cases() -> Vec<Case> {
    use Ty::*;
    const CHUNK: usize = 20;
    let mut c = vec![];
    let i32v = "(i32x4.replace_lane 3 (i32x4.replace_lane 2 (i32x4.replace_lane 1 \
                (i32x4.splat {x}) {y}) (i32.xor {x} {y})) (i32.mul {x} (i32.const 3)))";
    let i32w = "(i32x4.replace_lane 0 (i32x4.replace_lane 2 (i32x4.splat {y}) (i32.const -1)) \
                (i32.sub {y} {x}))";
    let i16v = "(i16x8.replace_lane 7 (i16x8.replace_lane 3 (i16x8.replace_lane 1 \
                (i16x8.splat {x}) {y}) (i32.shr_u {x} (i32.const 16))) (i32.const -32768))";
    let i16w = "(i16x8.replace_lane 6 (i16x8.replace_lane 3 (i16x8.splat {y}) {x}) \
                (i32.const 32767))";
    let i8v = "(i8x16.replace_lane 15 (i8x16.replace_lane 9 (i8x16.replace_lane 2 \
               (i8x16.splat {x}) {y}) (i32.shr_u {x} (i32.const 8))) (i32.const 128))";
    let i8w = "(i8x16.replace_lane 14 (i8x16.replace_lane 9 (i8x16.splat {y}) {x}) \
               (i32.const 127))";
    let i64v = "(i64x2.replace_lane 1 (i64x2.splat {x}) {y})";
    let i64w = "(i64x2.replace_lane 0 (i64x2.splat {y}) (i64.xor {x} {y}))";
    let f32v = "(f32x4.replace_lane 3 (f32x4.replace_lane 2 (f32x4.replace_lane 1 \
                (f32x4.splat {x}) {y}) (f32.neg {x})) (f32.const nan))";
    let f32w = "(f32x4.replace_lane 0 (f32x4.replace_lane 2 (f32x4.splat {y}) (f32.const -0)) \
                (f32.mul {x} {y}))";
    let f64v = "(f64x2.replace_lane 1 (f64x2.splat {x}) {y})";
    let f64w = "(f64x2.replace_lane 0 (f64x2.splat {y}) (f64.neg {x}))";
    let int_compare = [
        "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u",
    ];
    let compare_ops = [&["add", "sub", "mul"][..], &int_compare].concat();
    let float_binary = vec![
        "add", "sub", "mul", "div", "min", "max", "eq", "ne", "lt", "gt", "le", "ge",
    ];
    let float_unary = vec!["sqrt", "abs", "neg", "ceil", "floor", "trunc", "nearest"];
    let shape = |shape, input, v, w, binary, unary, lanes, suffix, lane_ty| Shape {
        shape,
        input,
        v,
        w,
        binary,
        unary,
        lanes,
        suffix,
        lane_ty,
    };
    let shapes = [
        shape(
            "i32x4",
            I32,
            i32v,
            i32w,
            compare_ops.clone(),
            vec![],
            &[0, 1, 2, 3],
            "",
            I32,
        ),
        shape(
            "i16x8",
            I32,
            i16v,
            i16w,
            compare_ops,
            vec![],
            &[0, 1, 3, 6, 7],
            "_s",
            I32,
        ),
        shape(
            "i8x16",
            I32,
            i8v,
            i8w,
            [&["add", "sub"][..], &int_compare].concat(),
            vec!["popcnt"],
            &[0, 2, 9, 14, 15],
            "_u",
            I32,
        ),
        shape(
            "i64x2",
            I64,
            i64v,
            i64w,
            vec![
                "add", "sub", "mul", "eq", "ne", "lt_s", "gt_s", "le_s", "ge_s",
            ],
            vec![],
            &[0, 1],
            "",
            I64,
        ),
        shape(
            "f32x4",
            F32,
            f32v,
            f32w,
            float_binary.clone(),
            float_unary.clone(),
            &[0, 1, 2, 3],
            "",
            F32,
        ),
        shape(
            "f64x2",
            F64,
            f64v,
            f64w,
            float_binary,
            float_unary,
            &[0, 1],
            "",
            F64,
        ),
    ];
    for Shape {
        shape,
        input,
        v,
        w,
        binary,
        unary,
        lanes,
        suffix,
        lane_ty,
    } in shapes
    {
        let mut ops: Vec<(String, Ty)> = Vec::new();
        // Comparisons of floats give integer masks, read back as integers.
        let int_shape = match shape {
            "f32x4" => "i32x4",
            "f64x2" => "i64x2",
            other => other,
        };
        for op in &binary {
            let compare = matches!(
                *op,
                "eq" | "ne"
                    | "lt"
                    | "gt"
                    | "le"
                    | "ge"
                    | "lt_s"
                    | "lt_u"
                    | "gt_s"
                    | "gt_u"
                    | "le_s"
                    | "le_u"
                    | "ge_s"
                    | "ge_u"
            );
            let (read, ty, sfx) = match compare {
                true if int_shape != shape => {
                    (int_shape, if shape == "f32x4" { I32 } else { I64 }, "")
                }
                _ => (shape, lane_ty, suffix),
            };
            for &k in lanes {
                ops.push((
                    format!("({read}.extract_lane{sfx} {k} ({shape}.{op} {v} {w}))"),
                    ty,
                ));
            }
        }
        for op in &unary {
            for &k in lanes {
                ops.push((
                    format!("({shape}.extract_lane{suffix} {k} ({shape}.{op} {v}))"),
                    lane_ty,
                ));
            }
        }
        // Shifts by the input's amount, modulo the lane width.
        if shape.starts_with('i') {
            let amount = if input == I64 {
                "(i32.wrap_i64 {y})"
            } else {
                "{y}"
            };
            for op in ["shl", "shr_s", "shr_u"] {
                for &k in lanes {
                    ops.push((
                        format!("({shape}.extract_lane{suffix} {k} ({shape}.{op} {v} {amount}))"),
                        lane_ty,
                    ));
                }
            }
            ops.push((format!("({shape}.all_true {v})"), I32));
            ops.push((format!("({shape}.all_true ({shape}.splat {{y}}))"), I32));
        }
        let ops: Vec<(&str, Ty)> = ops.iter().map(|(s, t)| (s.as_str(), *t)).collect();
        for (part, chunk) in ops.chunks(CHUNK).enumerate() {
            c.push(ops_case(&format!("simd_{shape}_{part}"), input, chunk));
        }
    }
    c.push(ops_case(
        "simd_bits",
        I32,
        &[
            (
                "(i32x4.extract_lane 1 (v128.and (i32x4.splat {x}) (i32x4.splat {y})))",
                I32,
            ),
            (
                "(i32x4.extract_lane 2 (v128.or (i32x4.splat {x}) (i32x4.splat {y})))",
                I32,
            ),
            (
                "(i32x4.extract_lane 3 (v128.xor (i32x4.splat {x}) (i32x4.splat {y})))",
                I32,
            ),
            (
                "(i32x4.extract_lane 0 (v128.andnot (i32x4.splat {x}) (i32x4.splat {y})))",
                I32,
            ),
            ("(i32x4.extract_lane 0 (v128.not (i32x4.splat {x})))", I32),
            (
                "(i32x4.extract_lane 1 (v128.bitselect (i32x4.splat {x}) (i32x4.splat {y}) \
                 (v128.const i32x4 0xff00ff00 0xffff0000 0 -1)))",
                I32,
            ),
            (
                "(v128.any_true (i32x4.replace_lane 2 (i32x4.splat (i32.const 0)) {x}))",
                I32,
            ),
            (
                "(i32x4.extract_lane 2 (i32x4.add (v128.const i32x4 1 2 3 4) (i32x4.splat {x})))",
                I32,
            ),
            (
                "(i64x2.extract_lane 1 (i64x2.add (v128.const i64x2 -1 0x123456789) \
                 (i64x2.splat (i64.extend_i32_s {x}))))",
                I64,
            ),
        ],
    ));
    // Integer operators computed from whole lanes, conversions, shuffles and swizzles.
    let mut more: Vec<(String, Ty)> = Vec::new();
    for (shape, v, w, lanes, sfx) in [
        ("i8x16", i8v, i8w, &[0u32, 2, 9, 14, 15][..], "_s"),
        ("i16x8", i16v, i16w, &[0, 1, 3, 6, 7][..], "_s"),
        ("i32x4", i32v, i32w, &[0, 1, 2, 3][..], ""),
    ] {
        let mut binary = vec!["min_s", "min_u", "max_s", "max_u"];
        if shape != "i32x4" {
            binary.extend(["add_sat_s", "add_sat_u", "sub_sat_s", "sub_sat_u", "avgr_u"]);
        }
        for op in binary {
            for &k in lanes {
                more.push((
                    format!("({shape}.extract_lane{sfx} {k} ({shape}.{op} {v} {w}))"),
                    I32,
                ));
            }
        }
        for op in ["neg", "abs"] {
            for &k in lanes {
                more.push((
                    format!("({shape}.extract_lane{sfx} {k} ({shape}.{op} {v}))"),
                    I32,
                ));
            }
        }
        more.push((format!("({shape}.bitmask {v})"), I32));
    }
    for k in [0, 3, 5, 7] {
        more.push((
            format!("(i16x8.extract_lane_s {k} (i16x8.q15mulr_sat_s {i16v} {i16w}))"),
            I32,
        ));
        more.push((
            format!("(i16x8.extract_lane_s {k} (i16x8.narrow_i32x4_s {i32v} {i32w}))"),
            I32,
        ));
        more.push((
            format!("(i16x8.extract_lane_u {k} (i16x8.narrow_i32x4_u {i32v} {i32w}))"),
            I32,
        ));
        more.push((
            format!("(i16x8.extract_lane_s {k} (i16x8.extend_high_i8x16_s {i8v}))"),
            I32,
        ));
        more.push((
            format!("(i16x8.extract_lane_u {k} (i16x8.extmul_low_i8x16_u {i8v} {i8w}))"),
            I32,
        ));
        more.push((
            format!("(i16x8.extract_lane_s {k} (i16x8.extadd_pairwise_i8x16_s {i8v}))"),
            I32,
        ));
    }
    for k in [0, 1, 2, 3] {
        more.push((
            format!("(i32x4.extract_lane {k} (i32x4.dot_i16x8_s {i16v} {i16w}))"),
            I32,
        ));
        more.push((
            format!("(i32x4.extract_lane {k} (i32x4.extend_low_i16x8_u {i16v}))"),
            I32,
        ));
        more.push((
            format!("(i32x4.extract_lane {k} (i32x4.extmul_high_i16x8_s {i16v} {i16w}))"),
            I32,
        ));
        more.push((
            format!("(i32x4.extract_lane {k} (i32x4.extadd_pairwise_i16x8_u {i16v}))"),
            I32,
        ));
        more.push((
            format!("(f32x4.extract_lane {k} (f32x4.convert_i32x4_s {i32v}))"),
            F32,
        ));
        more.push((
            format!("(f32x4.extract_lane {k} (f32x4.convert_i32x4_u {i32v}))"),
            F32,
        ));
    }
    for k in [0, 1] {
        more.push((
            format!("(i64x2.extract_lane {k} (i64x2.extend_high_i32x4_s {i32v}))"),
            I64,
        ));
        more.push((
            format!("(i64x2.extract_lane {k} (i64x2.extmul_low_i32x4_u {i32v} {i32w}))"),
            I64,
        ));
        more.push((
            format!("(f64x2.extract_lane {k} (f64x2.convert_low_i32x4_u {i32v}))"),
            F64,
        ));
    }
    for k in [0, 5, 9, 15] {
        more.push((
            format!("(i8x16.extract_lane_u {k} (i8x16.narrow_i16x8_s {i16v} {i16w}))"),
            I32,
        ));
        more.push((
            format!(
                "(i8x16.extract_lane_u {k} (i8x16.shuffle 0 17 2 31 4 16 6 7 30 9 10 27 12 13 1 15 {i8v} {i8w}))"
            ),
            I32,
        ));
        more.push((
            format!("(i8x16.extract_lane_u {k} (i8x16.swizzle {i8v} (v128.const i8x16 3 0 15 16 255 1 2 9 8 7 6 5 4 13 12 200)))"),
            I32,
        ));
    }
    let more: Vec<(&str, Ty)> = more.iter().map(|(s, t)| (s.as_str(), *t)).collect();
    for (part, chunk) in more.chunks(CHUNK).enumerate() {
        c.push(ops_case(&format!("simd_int_{part}"), I32, chunk));
    }
    // Relaxed SIMD, whose results the CPU executor fixes to the deterministic profile's:
    // inputs inside and outside the range where every implementation agrees (swizzle indices
    // of 16 and more, masks that are not all ones or zeros, q15mulr of -1 * -1, dot products
    // of bytes with their top bit set).
    let mut relaxed: Vec<(String, Ty)> = Vec::new();
    for k in [0, 9, 15] {
        relaxed.push((
            format!("(i8x16.extract_lane_s {k} (i8x16.relaxed_swizzle {i8v} {i8w}))"),
            I32,
        ));
    }
    for (shape, v, w) in [
        ("i8x16", i8v, i8w),
        ("i16x8", i16v, i16w),
        ("i32x4", i32v, i32w),
    ] {
        relaxed.push((
            format!("(i32x4.extract_lane 1 ({shape}.relaxed_laneselect {v} {w} {i32v}))"),
            I32,
        ));
        relaxed.push((format!("(i32x4.extract_lane 3 ({shape}.relaxed_laneselect {v} {w} ({shape}.gt_s {v} {w})))"), I32));
    }
    relaxed.push((format!("(i64x2.extract_lane 0 (i64x2.relaxed_laneselect (i64x2.splat (i64.extend_i32_s {{x}})) (i64x2.splat (i64.extend_i32_u {{y}})) {i32w}))"), I64));
    for k in [0, 1, 3, 7] {
        relaxed.push((
            format!("(i16x8.extract_lane_s {k} (i16x8.relaxed_q15mulr_s {i16v} {i16w}))"),
            I32,
        ));
    }
    relaxed.push((
        format!("(i16x8.extract_lane_s 7 (i16x8.relaxed_q15mulr_s {i16v} {i16v}))"),
        I32,
    ));
    for k in [0, 1, 4, 7] {
        relaxed.push((
            format!("(i16x8.extract_lane_s {k} (i16x8.relaxed_dot_i8x16_i7x16_s {i8v} {i8w}))"),
            I32,
        ));
    }
    relaxed.push(("(i16x8.extract_lane_s 2 (i16x8.relaxed_dot_i8x16_i7x16_s (i8x16.splat (i32.const -128)) (i8x16.splat {x})))".into(), I32));
    for k in [0, 3] {
        relaxed.push((
            format!(
                "(i32x4.extract_lane {k} (i32x4.relaxed_dot_i8x16_i7x16_add_s {i8v} {i8w} {i32v}))"
            ),
            I32,
        ));
    }
    relaxed.push(("(i32x4.extract_lane 1 (i32x4.relaxed_dot_i8x16_i7x16_add_s (i8x16.splat (i32.const -128)) (i8x16.splat (i32.const -128)) (i32x4.splat {y})))".into(), I32));
    c.extend(chunked("simd_relaxed_int", I32, &relaxed));
    // Multiply-adds apart: llvmpipe, which does not fuse them, refuses their kernels.
    let mut madd_f32: Vec<(String, Ty)> = Vec::new();
    let mut relaxed_f32: Vec<(String, Ty)> = Vec::new();
    for k in [0, 1, 2, 3] {
        for op in ["relaxed_madd", "relaxed_nmadd"] {
            madd_f32.push((
                format!("(f32x4.extract_lane {k} (f32x4.{op} {f32v} {f32w} {f32v}))"),
                F32,
            ));
        }
        for op in ["relaxed_min", "relaxed_max"] {
            relaxed_f32.push((
                format!("(f32x4.extract_lane {k} (f32x4.{op} {f32v} {f32w}))"),
                F32,
            ));
        }
        for op in ["i32x4.relaxed_trunc_f32x4_s", "i32x4.relaxed_trunc_f32x4_u"] {
            relaxed_f32.push((format!("(i32x4.extract_lane {k} ({op} {f32v}))"), I32));
        }
    }
    // The product rounded once: 1 + 2^-12 squared, less 1, keeps its 2^-24.
    madd_f32.push(("(f32x4.extract_lane 0 (f32x4.relaxed_madd (f32x4.splat (f32.const 0x1.001p0)) (f32x4.splat (f32.const 0x1.001p0)) (f32x4.splat (f32.const -1))))".into(), F32));
    c.extend(chunked("simd_relaxed_f32", F32, &relaxed_f32));
    c.extend(chunked("simd_relaxed_madd_f32", F32, &madd_f32));
    let mut madd_f64: Vec<(String, Ty)> = Vec::new();
    let mut relaxed_f64: Vec<(String, Ty)> = Vec::new();
    for k in [0, 1] {
        for op in ["relaxed_madd", "relaxed_nmadd"] {
            madd_f64.push((
                format!("(f64x2.extract_lane {k} (f64x2.{op} {f64v} {f64w} {f64v}))"),
                F64,
            ));
        }
        for op in ["relaxed_min", "relaxed_max"] {
            relaxed_f64.push((
                format!("(f64x2.extract_lane {k} (f64x2.{op} {f64v} {f64w}))"),
                F64,
            ));
        }
    }
    for k in [0, 1, 2, 3] {
        for op in [
            "i32x4.relaxed_trunc_f64x2_s_zero",
            "i32x4.relaxed_trunc_f64x2_u_zero",
        ] {
            relaxed_f64.push((format!("(i32x4.extract_lane {k} ({op} {f64v}))"), I32));
        }
    }
    madd_f64.push(("(f64x2.extract_lane 1 (f64x2.relaxed_madd (f64x2.splat (f64.const 0x1.0000001p0)) (f64x2.splat (f64.const 0x1.0000001p0)) (f64x2.splat (f64.const -1))))".into(), F64));
    c.extend(chunked("simd_relaxed_f64", F64, &relaxed_f64));
    c.extend(chunked("simd_relaxed_madd_f64", F64, &madd_f64));
    // Float conversions and pseudo-min/max.
    let mut floats: Vec<(String, Ty)> = Vec::new();
    for k in [0, 1, 2, 3] {
        for op in ["i32x4.trunc_sat_f32x4_s", "i32x4.trunc_sat_f32x4_u"] {
            floats.push((format!("(i32x4.extract_lane {k} ({op} {f32v}))"), I32));
        }
        for op in ["pmin", "pmax"] {
            floats.push((
                format!("(f32x4.extract_lane {k} (f32x4.{op} {f32v} {f32w}))"),
                F32,
            ));
        }
    }
    for k in [0, 1] {
        floats.push((
            format!("(f64x2.extract_lane {k} (f64x2.promote_low_f32x4 {f32v}))"),
            F64,
        ));
    }
    let floats: Vec<(&str, Ty)> = floats.iter().map(|(s, t)| (s.as_str(), *t)).collect();
    c.push(ops_case("simd_f32_convert", F32, &floats));
    let mut doubles: Vec<(String, Ty)> = Vec::new();
    for k in [0, 1, 2, 3] {
        for op in [
            "i32x4.trunc_sat_f64x2_s_zero",
            "i32x4.trunc_sat_f64x2_u_zero",
        ] {
            doubles.push((format!("(i32x4.extract_lane {k} ({op} {f64v}))"), I32));
        }
        doubles.push((
            format!("(f32x4.extract_lane {k} (f32x4.demote_f64x2_zero {f64v}))"),
            F32,
        ));
    }
    for k in [0, 1] {
        for op in ["pmin", "pmax"] {
            doubles.push((
                format!("(f64x2.extract_lane {k} (f64x2.{op} {f64v} {f64w}))"),
                F64,
            ));
        }
    }
    let doubles: Vec<(&str, Ty)> = doubles.iter().map(|(s, t)| (s.as_str(), *t)).collect();
    c.push(ops_case("simd_f64_convert", F64, &doubles));
    // v128.load and v128.store on buffers: each work item adds the 16 bytes of `a` and of `b`
    // at its slot pair (wrapping at the end) as i32x4 and f32x4, into its two output slots.
    let mut memory = custom(
        "simd_memory",
        I32,
        I64,
        "(func $KERNEL (local $at i32)
           (local.set $at (i32.shl (i32.and (local.get $i) (i32.const -2)) (i32.const 3)))
           (v128.store (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 4)))
             (i64x2.replace_lane 1
               (i32x4.add (v128.load (i32.add (local.get $a) (local.get $at)))
                          (v128.load align=4 (i32.add (local.get $b) (local.get $at))))
               (i64.const 0))))",
    );
    memory.outputs = vec![I64, I64];
    c.push(memory);
    // Vectors at any byte (`align=1`): loaded from `a` at every offset in a word, stored into
    // atomic words shared with the neighbouring work items' stores (32 bytes each).
    let mut straddling = custom(
        "simd_straddling",
        I32,
        I64,
        "(func $KERNEL (local $at i32) (local $out i32)
           (local.set $at (i32.add (local.get $a) (i32.shl (i32.and (local.get $i) (i32.const 63)) (i32.const 3))))
           (local.set $out (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 5))))
           (v128.store offset=3 align=1 (local.get $out)
             (i32x4.add (v128.load offset=1 align=1 (local.get $at))
                        (v128.load offset=6 align=2 (local.get $at))))
           (v128.store8_lane offset=31 15 (local.get $out) (v128.load offset=7 align=1 (local.get $at)))
           (v128.store offset=15 align=1 (local.get $out)
             (v128.load32_splat offset=5 align=1 (local.get $at))))",
    );
    straddling.outputs = vec![I64, I64, I64, I64];
    c.push(straddling);
    // Lane loads and stores of every width, into and out of a vector built from the item.
    let mut lanes_case = custom(
        "simd_lanes",
        I32,
        I64,
        "(func $KERNEL (local $v v128) (local $at i32) (local $out i32)
           (local.set $at (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))
           (local.set $out (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 4))))
           (local.set $v (i32x4.splat (i32.mul (local.get $i) (i32.const 0x01010101))))
           (local.set $v (v128.load8_lane 1 (local.get $at) (local.get $v)))
           (local.set $v (v128.load16_lane offset=2 5 (local.get $at) (local.get $v)))
           (local.set $v (v128.load32_lane offset=4 3 (local.get $at) (local.get $v)))
           (local.set $v (v128.load64_lane offset=8 0 (i32.add (local.get $a)
             (i32.shl (i32.and (local.get $i) (i32.const 127)) (i32.const 3))) (local.get $v)))
           (v128.store (local.get $out) (local.get $v))
           (v128.store8_lane offset=1 14 (local.get $out) (local.get $v))
           (v128.store16_lane offset=6 2 (local.get $out) (local.get $v))
           (v128.store32_lane offset=12 0 (local.get $out) (local.get $v))
           (v128.store64_lane 1 (local.get $out) (local.get $v)))",
    );
    lanes_case.outputs = vec![I64, I64];
    c.push(lanes_case);
    // The loads that make vectors of fewer bytes: splats, zero-extended, widening.
    let loads = [
        "v128.load8_splat",
        "v128.load16_splat",
        "v128.load32_splat",
        "v128.load64_splat",
        "v128.load32_zero",
        "v128.load64_zero",
        "v128.load8x8_s",
        "v128.load8x8_u",
        "v128.load16x4_s",
        "v128.load16x4_u",
        "v128.load32x2_s",
        "v128.load32x2_u",
    ];
    for (k, load) in loads.iter().enumerate() {
        let mut case = custom(
            &format!("simd_load_{k}"),
            I32,
            I64,
            &format!(
                "(func $KERNEL
                   (v128.store (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 4)))
                     ({load} offset=8 (i32.add (local.get $a)
                       (i32.shl (i32.and (local.get $i) (i32.const 127)) (i32.const 3))))))"
            ),
        );
        case.outputs = vec![I64, I64];
        c.push(case);
    }
    c
}

/// The WAT kernels, function pointers 1, 2, ...
fn wat_suite() -> Suite {
    Suite::from_wat("wat", cases(), &data_segments())
}

/// tests/guests/suite.c by clang at `opt`.
fn clang_suite(opt: &'static str) -> Option<Suite> {
    use Ty::*;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let wasm = build(
        std::process::Command::new("clang")
            .args([
                "--target=wasm32-wasi",
                opt,
                "-nostartfiles",
                "-Wl,--no-entry",
                "-I",
            ])
            .arg(root.join("kernels/include"))
            .arg(guests_dir().join("suite.c")),
        &format!("clang {opt}"),
    )?;
    let cases = vec![
        compiled("c_stencil", I32, &[I32], 0, false),
        compiled("c_bytes", I32, &[], 1, false),
        compiled("c_double_math", F64, &[F64, F64, F64], 0, false),
        compiled("c_hash64", I64, &[I64], 0, false),
        compiled("c_struct", F64, &[], 16, false),
        compiled("c_switch_call", I32, &[I32], 0, false),
        compiled("c_loops", I32, &[I32], 0, false),
        compiled("c_float_convert", F32, &[I64], 0, false),
    ];
    let name = if opt == "-O2" {
        "clang -O2"
    } else {
        "clang -O3"
    };
    Some(compiled_suite(name, wasm, cases))
}

/// tests/guests/suite.rs by rustc.
fn rustc_suite() -> Option<Suite> {
    use Ty::*;
    let wasm = rustc_guest("suite.rs", &[], "rustc -O")?;
    let cases = vec![
        compiled("rs_triad", F64, &[F64], 0, false),
        compiled("rs_integers", I64, &[I64, I64], 0, false),
        compiled("rs_floats", F32, &[F32Pair, F32Pair], 0, false),
        compiled("rs_stencil_bytes", I32, &[], 1, false),
        compiled("rs_panics", I32, &[I32], 0, true),
    ];
    Some(compiled_suite("rustc -O", wasm, cases))
}

/// tests/guests/`file` by rustc -O for wasm32-unknown-unknown, with `flags`.
fn rustc_guest(file: &str, flags: &[&str], what: &str) -> Option<Vec<u8>> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    build(
        std::process::Command::new(rustc)
            .args([
                "--target=wasm32-unknown-unknown",
                "--edition=2021",
                "-O",
                "-Cpanic=abort",
                "--crate-type=cdylib",
            ])
            .args(flags)
            .arg(guests_dir().join(file)),
        what,
    )
}

/// tests/guests/simd_intrinsics.rs by rustc -O with `+simd128,+relaxed-simd`: kernels written
/// with `core::arch::wasm32`'s vector intrinsics.
fn rustc_intrinsics_suite() -> Option<Suite> {
    use Ty::*;
    let what = "rustc -O simd128 intrinsics";
    let wasm = rustc_guest(
        "simd_intrinsics.rs",
        &["-Ctarget-feature=+simd128,+relaxed-simd"],
        what,
    )?;
    let cases = vec![
        compiled("rs_simd_bytes", I32, &[I64; 8], 0, false),
        compiled("rs_simd_halves", I32, &[I64; 8], 0, false),
        compiled("rs_simd_floats", F32, &[F32Pair; 8], 0, false),
        compiled("rs_simd_doubles", F64, &[F64; 6], 0, false),
        compiled("rs_simd_relaxed", I32, &[I64; 8], 0, false),
        compiled("rs_simd_madd", F32, &[F32Pair, F32Pair, F64, F64], 0, false),
    ];
    Some(compiled_suite(what, wasm, cases))
}

#[test]
fn wat_kernels_give_the_cpu_executors_results_on_every_device() {
    let suite = wat_suite();
    assert!(
        suite.cases.len() >= 40,
        "the suite has {} kernels",
        suite.cases.len()
    );
    let failures = check(&suite, &devices());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn simd_kernels_give_the_cpu_executors_results_on_every_device() {
    let suite = Suite::from_wat("simd", simd_cases(), "");
    let failures = check(&suite, &devices());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn clang_and_rustc_kernels_give_the_cpu_executors_results_on_every_device() {
    let devices = devices();
    let mut failures = Vec::new();
    let suites = [
        clang_suite("-O2"),
        clang_suite("-O3"),
        rustc_suite(),
        rustc_intrinsics_suite(),
    ];
    for suite in suites.iter().flatten() {
        failures.extend(check(suite, &devices));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
