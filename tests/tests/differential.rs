//! Bounded differential fuzzing: random kernels within the translator's subset (all four value
//! types, most numeric operators, conversions, selects, ifs, bounded loops, blocks left by
//! `br_if`), run on every device and compared with the CPU executor (Wasmtime), bit for bit but
//! for NaN payloads.
//!
//! The generator never lets an integer result depend on a NaN's bits, which Wasm leaves open:
//! float bits reach integers only by reinterpreting an input, and `copysign` takes its sign from
//! an input. Divisions are guarded so that no kernel traps (the suite covers traps).
//!
//! lavapipe, the wgpu device of CI, folds float operations with a constant operand as if NaN,
//! infinities and -0 did not exist, whatever its SPIR-V declares (`0.0 * x` becomes `0.0`). The
//! translator hides float and 64-bit integer constants from drivers (see `float_constant` and
//! `I64Const` in the translator; seed 1095 of the atomic kernels found the integer case), which
//! makes the default kernels and thousands of small ones agree; wider sweeps still find a few,
//! where a float constant reaches lavapipe through the conversion of an integer constant (e.g.
//! `WASI_PARALLEL_FUZZ_SIZE=2 WASI_PARALLEL_FUZZ_SEED=1091 WASI_PARALLEL_FUZZ_KERNELS=1`).
//!
//! `WASI_PARALLEL_FUZZ_SEED` (default 1) and `WASI_PARALLEL_FUZZ_KERNELS` (default 48) choose the
//! kernels, `WASI_PARALLEL_FUZZ_SIZE` (default 3) their nesting depth; a failure names the seed
//! of each kernel that disagreed and prints its text (`WASI_PARALLEL_FUZZ_PRINT` prints every
//! kernel's).

use std::fmt::Write as _;

use wasi_parallel_tests::suite::{check_with_bindings, devices, Case, Suite, Ty, PARAMS};

/// A small, seedable generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const TYPES: [Ty; 4] = [Ty::I32, Ty::I64, Ty::F32, Ty::F64];

/// Lanes of a vector shape.
fn lanes(shape: &str) -> usize {
    match shape {
        "i8x16" => 16,
        "i16x8" => 8,
        "i32x4" | "f32x4" => 4,
        _ => 2,
    }
}

fn name(t: Ty) -> &'static str {
    match t {
        Ty::I32 => "i32",
        Ty::I64 => "i64",
        Ty::F32 => "f32",
        _ => "f64",
    }
}

struct Generator {
    rng: Rng,
    /// Labels and loop counters made so far.
    labels: usize,
    /// Loop counters to declare.
    counters: Vec<String>,
    /// Bulk memory statements: `None` for none, else the unit of their offsets and lengths (1:
    /// any byte, the kernel stores a byte so that its output is a binding of bytes; 4: words).
    bulk: Option<u32>,
    /// Atomic statements on the work item's own output words.
    atomics: bool,
    /// Vector (`v128`) expressions among the scalar ones.
    simd: bool,
}

impl Generator {
    /// An input-derived value of type `t`: `$x` and `$y` are the work item's two i64 inputs.
    fn leaf(&mut self, t: Ty) -> String {
        let input = if self.rng.below(2) == 0 { "$x" } else { "$y" };
        match (t, self.rng.below(4)) {
            (Ty::I32, 0) => "(local.get $i)".into(),
            (Ty::I32, 1) => {
                let v = *self
                    .rng
                    .pick(&[0i32, 1, -1, 7, 31, 32, i32::MIN, i32::MAX, 255, -1000]);
                format!("(i32.const {v})")
            }
            (Ty::I32, _) => format!("(i32.wrap_i64 (local.get {input}))"),
            (Ty::I64, 0) => "(i64.extend_i32_u (local.get $i))".into(),
            (Ty::I64, 1) => {
                let v = *self
                    .rng
                    .pick(&[0i64, 1, -1, 63, 64, i64::MIN, i64::MAX, 1 << 40]);
                format!("(i64.const {v})")
            }
            (Ty::I64, _) => format!("(local.get {input})"),
            (Ty::F32, 0) => {
                let v = *self
                    .rng
                    .pick(&["0.5", "-0", "1e10", "-2.5", "3.5", "inf", "nan", "0x1p-149"]);
                format!("(f32.const {v})")
            }
            (Ty::F32, 1) => format!("(f32.convert_i64_s (local.get {input}))"),
            (Ty::F32, _) => format!("(f32.reinterpret_i32 (i32.wrap_i64 (local.get {input})))"),
            (Ty::F64, 0) => {
                let v = *self.rng.pick(&[
                    "0.5",
                    "-0",
                    "1e300",
                    "-2.5",
                    "4.5",
                    "-inf",
                    "nan",
                    "0x1p-1074",
                ]);
                format!("(f64.const {v})")
            }
            (Ty::F64, 1) => format!("(f64.convert_i64_s (local.get {input}))"),
            (Ty::F64, _) => format!("(f64.reinterpret_i64 (local.get {input}))"),
            (Ty::F32Pair, _) => unreachable!("not generated"),
        }
    }

    fn expr(&mut self, t: Ty, depth: u32) -> String {
        if depth == 0 || self.rng.below(5) == 0 {
            return if self.rng.below(3) == 0 {
                format!("(local.get $v_{}{})", name(t), self.rng.below(2))
            } else {
                self.leaf(t)
            };
        }
        let d = depth - 1;
        let n = name(t);
        if self.simd && self.rng.below(3) == 0 {
            return self.lane_of(t, d);
        }
        match self.rng.below(6) {
            0 => {
                let (a, b, c) = (self.expr(t, d), self.expr(t, d), self.condition(d));
                format!("(select {a} {b} {c})")
            }
            1 if matches!(t, Ty::I32) => self.condition(d),
            1 | 2 => self.convert(t, d),
            3 => self.unary(t, d),
            _ => {
                let a = self.expr(t, d);
                match t {
                    Ty::I32 | Ty::I64 => {
                        let op = *self.rng.pick(&[
                            "add", "sub", "mul", "and", "or", "xor", "shl", "shr_s", "shr_u",
                            "rotl", "rotr", "div_s", "div_u", "rem_s", "rem_u",
                        ]);
                        let b = self.expr(t, d);
                        if op.starts_with("div") || op.starts_with("rem") {
                            // Never zero, never MIN / -1: an odd positive divisor.
                            let mask = if t == Ty::I32 {
                                "0x7fffffff"
                            } else {
                                "0x7fffffffffffffff"
                            };
                            format!("({n}.{op} {a} ({n}.or ({n}.and {b} ({n}.const {mask})) ({n}.const 1)))")
                        } else {
                            format!("({n}.{op} {a} {b})")
                        }
                    }
                    _ => {
                        let op = *self
                            .rng
                            .pick(&["add", "sub", "mul", "div", "min", "max", "copysign"]);
                        let b = if op == "copysign" {
                            self.leaf(t)
                        } else {
                            self.expr(t, d)
                        };
                        format!("({n}.{op} {a} {b})")
                    }
                }
            }
        }
    }

    /// A value of type `t` read out of a vector expression: a lane, or for `i32` also
    /// `any_true`, `all_true` or `bitmask`.
    fn lane_of(&mut self, t: Ty, d: u32) -> String {
        let shape = match t {
            Ty::I32 => *self.rng.pick(&["i32x4", "i16x8", "i8x16"]),
            Ty::I64 => "i64x2",
            Ty::F32 => "f32x4",
            _ => "f64x2",
        };
        let v = self.vector(shape, d);
        if t == Ty::I32 && self.rng.below(6) == 0 {
            let op = *self.rng.pick(&["all_true", "bitmask"]);
            return if self.rng.below(3) == 0 {
                format!("(v128.any_true {v})")
            } else {
                format!("({shape}.{op} {v})")
            };
        }
        let lanes = lanes(shape);
        let k = self.rng.below(lanes);
        let sign = match shape {
            "i16x8" | "i8x16" => *self.rng.pick(&["_s", "_u"]),
            _ => "",
        };
        format!("({shape}.extract_lane{sign} {k} {v})")
    }

    /// A `v128` expression, read as `shape` at the end: splats and replaced lanes of scalar
    /// expressions, lane-wise operators of the shape, shifts, bitwise operators, constants.
    fn vector(&mut self, shape: &str, depth: u32) -> String {
        let lane_ty = match shape {
            "i64x2" => Ty::I64,
            "f32x4" => Ty::F32,
            "f64x2" => Ty::F64,
            _ => Ty::I32,
        };
        let d = depth.saturating_sub(1);
        if depth == 0 || self.rng.below(4) == 0 {
            let e = self.expr(lane_ty, d);
            return format!("({shape}.splat {e})");
        }
        let float = lane_ty == Ty::F32 || lane_ty == Ty::F64;
        match self.rng.below(8) {
            // Relaxed SIMD, whose results the CPU executor fixes to the deterministic profile's.
            6 => self.relaxed(shape, d),
            0 => {
                let k = self.rng.below(lanes(shape));
                let (v, e) = (self.vector(shape, d), self.expr(lane_ty, d));
                format!("({shape}.replace_lane {k} {v} {e})")
            }
            1 if !float => {
                let op = *self.rng.pick(&["shl", "shr_s", "shr_u"]);
                let (v, e) = (self.vector(shape, d), self.expr(Ty::I32, d));
                format!("({shape}.{op} {v} {e})")
            }
            // Bitwise operators only on integer lanes: on float lanes they would show NaN
            // payloads, which Wasm leaves to the implementation.
            2 if !float => {
                let op = *self.rng.pick(&["and", "or", "xor", "andnot"]);
                let (a, b) = (self.vector(shape, d), self.vector(shape, d));
                format!("(v128.{op} {a} {b})")
            }
            3 if !float => {
                let (a, b, c) = (
                    self.vector(shape, d),
                    self.vector(shape, d),
                    self.vector(shape, d),
                );
                format!("(v128.bitselect {a} {b} {c})")
            }
            4 if !float && shape != "i64x2" => {
                let op = *self
                    .rng
                    .pick(&["eq", "ne", "lt_s", "lt_u", "gt_s", "ge_u", "le_s"]);
                let (a, b) = (self.vector(shape, d), self.vector(shape, d));
                format!("({shape}.{op} {a} {b})")
            }
            5 => {
                let ops: &[&str] = match shape {
                    "f32x4" | "f64x2" => {
                        &["abs", "neg", "sqrt", "ceil", "floor", "trunc", "nearest"]
                    }
                    "i8x16" => &["abs", "neg", "popcnt"],
                    _ => &["abs", "neg"],
                };
                let op = *self.rng.pick(ops);
                let v = self.vector(shape, d);
                format!("({shape}.{op} {v})")
            }
            _ => {
                let ops: &[&str] = match shape {
                    "f32x4" | "f64x2" => {
                        &["add", "sub", "mul", "div", "min", "max", "pmin", "pmax"]
                    }
                    "i64x2" => &["add", "sub", "mul"],
                    "i32x4" => &["add", "sub", "mul", "min_s", "max_u"],
                    "i16x8" => &[
                        "add",
                        "sub",
                        "mul",
                        "add_sat_s",
                        "sub_sat_u",
                        "avgr_u",
                        "min_u",
                    ],
                    _ => &["add", "sub", "add_sat_u", "sub_sat_s", "avgr_u", "max_s"],
                };
                let op = *self.rng.pick(ops);
                let (a, b) = (self.vector(shape, d), self.vector(shape, d));
                format!("({shape}.{op} {a} {b})")
            }
        }
    }

    /// A relaxed SIMD operator giving a vector of `shape`, on operands of any value.
    fn relaxed(&mut self, shape: &str, d: u32) -> String {
        let choice = self.rng.below(3);
        match (shape, choice) {
            ("f32x4" | "f64x2", 0) => {
                let op = *self.rng.pick(&["relaxed_madd", "relaxed_nmadd"]);
                let (a, b, c) = (
                    self.vector(shape, d),
                    self.vector(shape, d),
                    self.vector(shape, d),
                );
                format!("({shape}.{op} {a} {b} {c})")
            }
            ("f32x4" | "f64x2", _) => {
                let op = *self.rng.pick(&["relaxed_min", "relaxed_max"]);
                let (a, b) = (self.vector(shape, d), self.vector(shape, d));
                format!("({shape}.{op} {a} {b})")
            }
            ("i8x16", 0) => {
                let (a, b) = (self.vector(shape, d), self.vector(shape, d));
                format!("(i8x16.relaxed_swizzle {a} {b})")
            }
            ("i16x8", 0) => {
                let (a, b) = (self.vector("i8x16", d), self.vector("i8x16", d));
                format!("(i16x8.relaxed_dot_i8x16_i7x16_s {a} {b})")
            }
            ("i16x8", 1) => {
                let (a, b) = (self.vector(shape, d), self.vector(shape, d));
                format!("(i16x8.relaxed_q15mulr_s {a} {b})")
            }
            ("i32x4", 0) => {
                let (a, b, c) = (
                    self.vector("i8x16", d),
                    self.vector("i8x16", d),
                    self.vector(shape, d),
                );
                format!("(i32x4.relaxed_dot_i8x16_i7x16_add_s {a} {b} {c})")
            }
            ("i32x4", 1) => {
                let (op, from) = *self.rng.pick(&[
                    ("relaxed_trunc_f32x4_s", "f32x4"),
                    ("relaxed_trunc_f32x4_u", "f32x4"),
                    ("relaxed_trunc_f64x2_s_zero", "f64x2"),
                    ("relaxed_trunc_f64x2_u_zero", "f64x2"),
                ]);
                let v = self.vector(from, d);
                format!("(i32x4.{op} {v})")
            }
            _ => {
                let (a, b, mask) = (
                    self.vector(shape, d),
                    self.vector(shape, d),
                    self.vector(shape, d),
                );
                format!("({shape}.relaxed_laneselect {a} {b} {mask})")
            }
        }
    }

    /// An `i32` truth value: a comparison of two values of a random type, or `eqz`.
    fn condition(&mut self, d: u32) -> String {
        let t = *self.rng.pick(&TYPES);
        let n = name(t);
        let op = match t {
            Ty::I32 | Ty::I64 => *self.rng.pick(&[
                "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u", "eqz",
            ]),
            _ => *self.rng.pick(&["eq", "ne", "lt", "gt", "le", "ge"]),
        };
        let a = self.expr(t, d);
        if op == "eqz" {
            return format!("({n}.eqz {a})");
        }
        let b = self.expr(t, d);
        format!("({n}.{op} {a} {b})")
    }

    fn unary(&mut self, t: Ty, d: u32) -> String {
        let n = name(t);
        let a = self.expr(t, d);
        let op = match t {
            Ty::I32 => *self
                .rng
                .pick(&["clz", "ctz", "popcnt", "extend8_s", "extend16_s"]),
            Ty::I64 => *self.rng.pick(&[
                "clz",
                "ctz",
                "popcnt",
                "extend8_s",
                "extend16_s",
                "extend32_s",
            ]),
            _ => *self
                .rng
                .pick(&["abs", "neg", "sqrt", "ceil", "floor", "trunc", "nearest"]),
        };
        format!("({n}.{op} {a})")
    }

    /// A value of type `t` converted from another type.
    fn convert(&mut self, t: Ty, d: u32) -> String {
        let from = *self.rng.pick(&TYPES);
        let s = if self.rng.below(2) == 0 { "s" } else { "u" };
        let (n, f) = (name(t), name(from));
        let a = self.expr(from, d);
        match (t, from) {
            (Ty::I32, Ty::I64) => format!("(i32.wrap_i64 {a})"),
            (Ty::I64, Ty::I32) => format!("(i64.extend_i32_{s} {a})"),
            (Ty::I32 | Ty::I64, Ty::F32 | Ty::F64) => format!("({n}.trunc_sat_{f}_{s} {a})"),
            (Ty::F32 | Ty::F64, Ty::I32 | Ty::I64) => format!("({n}.convert_{f}_{s} {a})"),
            (Ty::F32, Ty::F64) => format!("(f32.demote_f64 {a})"),
            (Ty::F64, Ty::F32) => format!("(f64.promote_f32 {a})"),
            // Same type: go through the other width and back.
            (Ty::I32, _) => format!("(i32.wrap_i64 (i64.extend_i32_{s} {a}))"),
            (Ty::I64, _) => format!("(i64.extend_i32_{s} (i32.wrap_i64 {a}))"),
            (Ty::F32, _) => format!("(f32.demote_f64 (f64.promote_f32 {a}))"),
            _ => format!("(f64.promote_f32 (f32.demote_f64 {a}))"),
        }
    }

    /// A bulk memory statement on the work item's own 32 bytes of output (`$p`), which the
    /// kernel's final stores overwrite: a `memory.fill` or a `memory.copy` (overlapping or not)
    /// with constant or computed lengths, or a load of what they left into a local; with byte
    /// units, also loads and stores marked unaligned, at any byte.
    fn bulk(&mut self, unit: u32) -> String {
        let offset = |g: &mut Self, max: u32| g.rng.below((max / unit) as usize + 1) as u32 * unit;
        let length = |g: &mut Self, room: u32| -> String {
            if g.rng.below(2) == 0 {
                return format!(
                    "(i32.const {})",
                    g.rng.below((room / unit) as usize + 1) as u32 * unit
                );
            }
            // A computed length, at most `room`, a multiple of the unit.
            let masks: &[u32] = if unit == 1 {
                &[1, 3, 7, 15, 31]
            } else {
                &[4, 8, 12, 16, 24, 28]
            };
            let fitting: Vec<u32> = masks.iter().copied().filter(|&m| m <= room).collect();
            match fitting.as_slice() {
                [] => "(i32.const 0)".into(),
                some => {
                    let mask = *g.rng.pick(some);
                    let e = g.expr(Ty::I32, 1);
                    format!("(i32.and {e} (i32.const {mask}))")
                }
            }
        };
        match self.rng.below(if unit == 1 { 5 } else { 3 }) {
            // Bytes anywhere: loads and stores the compiler marks unaligned (`align=1`) at any
            // byte, taking their bytes from or putting them into the words around them.
            3 => {
                let t = *self.rng.pick(&TYPES);
                let width = if matches!(t, Ty::I64 | Ty::F64) { 8 } else { 4 };
                let at = self.rng.below(33 - width);
                let n = name(t);
                format!(
                    "(local.set $v_{n}{} ({n}.load offset={at} align=1 (local.get $p)))",
                    self.rng.below(2)
                )
            }
            // Integers only: the bytes a kernel's final stores leave (4..8 and 20..24) would
            // show a float's NaN payload, which Wasm leaves to the implementation.
            4 => {
                let t = *self.rng.pick(&[Ty::I32, Ty::I64]);
                let width = if t == Ty::I64 { 8 } else { 4 };
                let at = self.rng.below(33 - width);
                let e = self.expr(t, 1);
                format!("({}.store offset={at} align=1 (local.get $p) {e})", name(t))
            }
            0 => {
                let at = offset(self, 32);
                let len = length(self, 32 - at);
                let value = self.expr(Ty::I32, 1);
                format!("(memory.fill (i32.add (local.get $p) (i32.const {at})) {value} {len})")
            }
            1 => {
                let (to, from) = (offset(self, 32), offset(self, 32));
                let len = length(self, 32 - to.max(from));
                format!(
                    "(memory.copy (i32.add (local.get $p) (i32.const {to})) \
                     (i32.add (local.get $p) (i32.const {from})) {len})"
                )
            }
            _ => {
                let t = *self.rng.pick(&TYPES);
                let width = if matches!(t, Ty::I64 | Ty::F64) { 8 } else { 4 };
                let at = self.rng.below((32 / width) as usize) * width as usize;
                let n = name(t);
                format!(
                    "(local.set $v_{n}{} ({n}.load offset={at} (local.get $p)))",
                    self.rng.below(2)
                )
            }
        }
    }

    /// An atomic statement on one of the work item's own 8 words of output (`$p`), which the
    /// kernel's final stores overwrite: a read-modify-write or compare-exchange whose old value
    /// goes to a local, an atomic store, or an atomic load.
    fn atomic(&mut self) -> String {
        let at = self.rng.below(8) * 4;
        let local = format!("$v_i32{}", self.rng.below(2));
        match self.rng.below(4) {
            0 => {
                let op = *self.rng.pick(&["add", "sub", "and", "or", "xor", "xchg"]);
                let e = self.expr(Ty::I32, 1);
                format!("(local.set {local} (i32.atomic.rmw.{op} offset={at} (local.get $p) {e}))")
            }
            1 => {
                // Half the time expecting what is there, so that it exchanges.
                let expected = if self.rng.below(2) == 0 {
                    format!("(i32.atomic.load offset={at} (local.get $p))")
                } else {
                    self.expr(Ty::I32, 1)
                };
                let e = self.expr(Ty::I32, 1);
                format!(
                    "(local.set {local} (i32.atomic.rmw.cmpxchg offset={at} (local.get $p) {expected} {e}))"
                )
            }
            2 => {
                let e = self.expr(Ty::I32, 1);
                format!("(i32.atomic.store offset={at} (local.get $p) {e})")
            }
            _ => format!("(local.set {local} (i32.atomic.load offset={at} (local.get $p)))"),
        }
    }

    /// Statements: assignments, ifs, bounded loops, blocks left early, and with
    /// [`Generator::bulk`] set, bulk memory.
    fn statements(&mut self, depth: u32, count: usize) -> String {
        let mut out = String::new();
        for _ in 0..count {
            let choice = if depth == 0 { 0 } else { self.rng.below(5) };
            if self.atomics && self.rng.below(3) == 0 {
                out.push_str(&self.atomic());
                out.push('\n');
                continue;
            }
            if let Some(unit) = self.bulk.filter(|_| self.rng.below(3) == 0) {
                out.push_str(&self.bulk(unit));
                out.push('\n');
                continue;
            }
            match choice {
                1 => {
                    let c = self.condition(2);
                    let (a, b) = (self.statements(depth - 1, 2), self.statements(depth - 1, 2));
                    write!(out, "(if {c} (then {a}) (else {b}))").unwrap();
                }
                2 => {
                    self.labels += 1;
                    let (label, counter) =
                        (format!("$l{}", self.labels), format!("$c{}", self.labels));
                    self.counters.push(counter.clone());
                    let trips = 1 + self.rng.below(6);
                    let body = self.statements(depth - 1, 2);
                    write!(
                        out,
                        "(local.set {counter} (i32.const 0)) (loop {label} {body} \
                         (br_if {label} (i32.lt_u (local.tee {counter} (i32.add (local.get {counter}) (i32.const 1))) (i32.const {trips}))))"
                    )
                    .unwrap();
                }
                3 => {
                    self.labels += 1;
                    let label = format!("$b{}", self.labels);
                    let (a, c, b) = (
                        self.statements(depth - 1, 1),
                        self.condition(2),
                        self.statements(depth - 1, 2),
                    );
                    write!(out, "(block {label} {a} (br_if {label} {c}) {b})").unwrap();
                }
                _ => {
                    let t = *self.rng.pick(&TYPES);
                    let e = self.expr(t, depth.clamp(1, 3));
                    write!(out, "(local.set $v_{}{} {e})", name(t), self.rng.below(2)).unwrap();
                }
            }
            out.push('\n');
        }
        out
    }

    /// Statements nested `depth` deep: each level a block, a loop run once or an if, with a
    /// statement before and after its inner level and, often, a `br_if` out to a block further
    /// out (a multi-level branch), around random statements at the bottom.
    fn nested(&mut self, depth: u32) -> String {
        let mut labels = Vec::new();
        let mut open = String::new();
        let mut close = Vec::new();
        for _ in 0..depth {
            self.labels += 1;
            let label = format!("$n{}", self.labels);
            let before = self.statements(0, 1);
            let after = self.statements(0, 1);
            let exit = if !labels.is_empty() && self.rng.below(3) == 0 {
                let target: &String = self.rng.pick(&labels);
                let c = self.condition(1);
                format!("(br_if {target} {c})")
            } else {
                String::new()
            };
            let kind = self.rng.below(3);
            // A branch to a loop's label would start it again: only blocks are left by one.
            let label_is_loop = kind == 1;
            match kind {
                0 => {
                    write!(open, "(block {label} {before} {exit}").unwrap();
                    close.push(format!("{after})"));
                }
                1 => {
                    // A loop whose body runs once: it falls through its end.
                    write!(open, "(loop {label} {before} {exit}").unwrap();
                    close.push(format!("{after})"));
                }
                _ => {
                    let c = self.condition(1);
                    let other = self.statements(0, 1);
                    write!(open, "(block {label} (if {c} (then {before} {exit}").unwrap();
                    close.push(format!("{after}) (else {other})))"));
                }
            }
            if !label_is_loop {
                labels.push(label);
            }
        }
        let bottom = self.statements(2, 3);
        let mut out = open;
        out.push_str(&bottom);
        for c in close.into_iter().rev() {
            out.push_str(&c);
            out.push('\n');
        }
        out
    }

    fn kernel(&mut self, seed: u64, size: u32) -> Case {
        let body = self.statements(size, size as usize + 1);
        self.case(format!("fuzz_{seed}"), body, size.min(2))
    }

    /// A kernel whose expressions include vector ones (see [`Generator::lane_of`]).
    fn simd_kernel(&mut self, seed: u64, size: u32) -> Case {
        self.simd = true;
        let body = self.statements(size, size as usize + 1);
        self.case(format!("simd_{seed}"), body, size.min(2))
    }

    /// A kernel with atomic statements among its own (see [`Generator::atomic`]).
    fn atomic_kernel(&mut self, seed: u64, size: u32) -> Case {
        self.atomics = true;
        let body = self.statements(size, size as usize + 3);
        self.case(format!("atomic_{seed}"), body, size.min(2))
    }

    /// A kernel with bulk memory statements among its own (see [`Generator::bulk`]).
    fn bulk_kernel(&mut self, seed: u64, size: u32) -> Case {
        let unit = *self.rng.pick(&[1, 4]);
        self.bulk = Some(unit);
        // Its output starts as the CPU and the device both had it; a byte store makes it a
        // binding of bytes.
        let bytes = if unit == 1 {
            "(i32.store8 offset=31 (local.get $p) (i32.const 0))\n"
        } else {
            ""
        };
        let body = format!("{bytes}{}", self.statements(size, size as usize + 3));
        self.case(format!("bulk{unit}_{seed}"), body, size.min(2))
    }

    /// A kernel nested `depth` deep (see [`Generator::nested`]).
    fn deep_kernel(&mut self, seed: u64, depth: u32) -> Case {
        let body = self.nested(depth);
        self.case(format!("deep_{depth}_{seed}"), body, 2)
    }

    /// A kernel of `count` statements in a row, each up to two levels deep.
    fn large_kernel(&mut self, seed: u64, count: usize) -> Case {
        let body = self.statements(2, count);
        self.case(format!("large_{count}_{seed}"), body, 2)
    }

    /// The kernel `kernel_name` around `body`: its inputs loaded, its eight locals stored as
    /// outputs through expressions `depth` deep.
    fn case(&mut self, kernel_name: String, body: String, depth: u32) -> Case {
        let outputs: Vec<String> = TYPES
            .iter()
            .enumerate()
            .map(|(k, &t)| {
                let e = self.expr(t, depth);
                format!("({}.store offset={} (local.get $p) {e})", name(t), k * 8)
            })
            .collect();
        let mut locals = String::new();
        for t in TYPES {
            for k in 0..2 {
                write!(locals, "(local $v_{}{k} {}) ", name(t), name(t)).unwrap();
            }
        }
        for c in self.counters.drain(..) {
            write!(locals, "(local {c} i32) ").unwrap();
        }
        let wat = format!(
            "(func ${kernel_name} {PARAMS} (local $x i64) (local $y i64) (local $p i32) {locals}
               (local.set $x (i64.load (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3)))))
               (local.set $y (i64.load (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 3)))))
               (local.set $p (i32.add (local.get $o) (i32.shl (local.get $i) (i32.const 5))))
               {body}
               {})",
            outputs.join("\n")
        );
        Case {
            name: kernel_name,
            wat,
            input: Ty::I64,
            outputs: TYPES.to_vec(),
            out_bytes: 0,
            traps: false,
            in_place: false,
        }
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn random_kernels_agree_with_wasmtime_on_every_device() {
    let first = env_number("WASI_PARALLEL_FUZZ_SEED", 1);
    let count = env_number("WASI_PARALLEL_FUZZ_KERNELS", 48);
    let size = env_number("WASI_PARALLEL_FUZZ_SIZE", 3) as u32;
    let cases: Vec<Case> = (first..first + count)
        .map(|seed| generator(seed).kernel(seed, size))
        .collect();
    compare(cases);
}

/// Random kernels with `memory.fill` and `memory.copy` (aligned to words, or to bytes in a
/// binding of bytes; overlapping; constant and computed lengths) among their statements, on
/// every device against Wasmtime. `WASI_PARALLEL_FUZZ_SEED` and `WASI_PARALLEL_FUZZ_KERNELS`
/// (default 24) choose them.
#[test]
fn random_bulk_memory_kernels_agree_with_wasmtime_on_every_device() {
    let first = env_number("WASI_PARALLEL_FUZZ_SEED", 1);
    let count = env_number("WASI_PARALLEL_FUZZ_KERNELS", 24);
    let cases: Vec<Case> = (first..first + count)
        .map(|seed| generator(seed).bulk_kernel(seed, 2))
        .collect();
    compare(cases);
}

/// Random kernels with vector (`v128`) expressions among their scalar ones, on every device
/// against Wasmtime. `WASI_PARALLEL_FUZZ_SEED` and `WASI_PARALLEL_FUZZ_KERNELS` (default 24)
/// choose them.
#[test]
fn random_simd_kernels_agree_with_wasmtime_on_every_device() {
    let first = env_number("WASI_PARALLEL_FUZZ_SEED", 1);
    let count = env_number("WASI_PARALLEL_FUZZ_KERNELS", 24);
    let cases: Vec<Case> = (first..first + count)
        .map(|seed| generator(seed).simd_kernel(seed, 3))
        .collect();
    compare(cases);
}

/// Random kernels with 32-bit atomics (every read-modify-write, compare-exchange that does and
/// does not exchange, atomic loads and stores) among their statements, on every device against
/// Wasmtime. `WASI_PARALLEL_FUZZ_SEED` and `WASI_PARALLEL_FUZZ_KERNELS` (default 24) choose
/// them.
#[test]
fn random_atomic_kernels_agree_with_wasmtime_on_every_device() {
    let first = env_number("WASI_PARALLEL_FUZZ_SEED", 1);
    let count = env_number("WASI_PARALLEL_FUZZ_KERNELS", 24);
    let cases: Vec<Case> = (first..first + count)
        .map(|seed| generator(seed).atomic_kernel(seed, 2))
        .collect();
    compare(cases);
}

/// Random kernels of every kind (plain, bulk memory, atomics) on the wgpu devices with bindings
/// of 512 bytes: every buffer (2 KiB and more) is split across several bindings, every access
/// goes to its part. (With 256 bytes, some outputs take more parts than lavapipe's 32 storage
/// bindings.) `WASI_PARALLEL_FUZZ_SEED` and `WASI_PARALLEL_FUZZ_KERNELS` (default 8 of each
/// kind) choose them.
#[test]
fn random_kernels_with_buffers_in_parts_agree_with_wasmtime_on_wgpu() {
    let first = env_number("WASI_PARALLEL_FUZZ_SEED", 1);
    let count = env_number("WASI_PARALLEL_FUZZ_KERNELS", 8);
    let mut cases = Vec::new();
    for seed in first..first + count {
        cases.push(generator(seed).kernel(seed, 3));
        cases.push(generator(seed).bulk_kernel(seed, 2));
        cases.push(generator(seed).atomic_kernel(seed, 2));
    }
    let wgpu: Vec<_> = devices()
        .into_iter()
        .filter(|(_, backend)| *backend == "wgpu")
        .collect();
    compare_with(cases, &wgpu, Some(512));
}

/// Deep and large kernels: nested 40 and 80 levels (an if level is three C blocks deep in
/// OpenCL C, whose compilers take 256 nested brackets), with multi-level branches, and 150 and
/// 300 statements in a row, on every device against Wasmtime. `WASI_PARALLEL_FUZZ_SEED`
/// chooses them.
#[test]
fn deep_and_large_random_kernels_agree_with_wasmtime_on_every_device() {
    let first = env_number("WASI_PARALLEL_FUZZ_SEED", 1);
    let mut cases = Vec::new();
    for (k, depth) in [40, 80].into_iter().enumerate() {
        let seed = first + k as u64;
        cases.push(generator(seed).deep_kernel(seed, depth));
    }
    for (k, count) in [150, 300].into_iter().enumerate() {
        let seed = first + 2 + k as u64;
        cases.push(generator(seed).large_kernel(seed, count));
    }
    compare(cases);
}

fn generator(seed: u64) -> Generator {
    Generator {
        rng: Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1),
        labels: 0,
        counters: Vec::new(),
        bulk: None,
        atomics: false,
        simd: false,
    }
}

/// Runs `cases` on every device against the CPU executor; a failure prints the kernels that
/// disagreed.
fn compare(cases: Vec<Case>) {
    compare_with(cases, &devices(), None);
}

/// [`compare`] on `devices`, whose GPUs bind at most `binding` bytes per binding if given.
fn compare_with(cases: Vec<Case>, devices: &[(String, &'static str)], binding: Option<u64>) {
    let texts: Vec<(String, String)> = cases
        .iter()
        .map(|c| (c.name.clone(), c.wat.clone()))
        .collect();
    if std::env::var_os("WASI_PARALLEL_FUZZ_PRINT").is_some() {
        for (_, wat) in &texts {
            eprintln!("{wat}\n;; end of kernel");
        }
    }
    let suite = Suite::from_wat("fuzz", cases, "");
    let failures = check_with_bindings(&suite, devices, binding);
    if !failures.is_empty() {
        for (name, wat) in &texts {
            if failures.iter().any(|f| f.contains(&format!("{name}:"))) {
                eprintln!("{wat}\n");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
