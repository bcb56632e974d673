//! The ONNX operators' portable definitions: wasi-parallel kernels, one exported function per
//! kernel, built for wasm32 by `nn/build.rs` with rustc and run on every device the way guest
//! kernels are (Wasm on the CPU executor, translated to WGSL/SPIR-V/OpenCL C on GPUs).
//!
//! Every kernel has the wasi-parallel kernel signature `(item, items, block, ptr0, len0, ...)`.
//! Buffer 0 is always the plan's parameter buffer, an `i32` array; `block` is the word offset of
//! this launch's parameters in it. Floats in parameters travel as their bits. One work item
//! computes one output element (or one row, for the reductions), so a launch has as many work items
//! as its output has elements (or rows).
//!
//! Shapes are padded on the left to [`RANK`] dimensions of size 1 with stride 0, so that the index
//! arithmetic has no loop bound to look up.
//!
//! It uses no allocation, no floating-point library and no static data: `exp`, `log` and `erf`
//! are written out here so that every device computes the same thing. Only the float operations
//! that are single Wasm instructions (`sqrt`, `floor`, `ceil`, `trunc`, `nearest`) come from std.

#![allow(clippy::missing_safety_doc)]

/// The Wasm instructions std's float methods compile to.
mod wasm32 {
    #[inline(always)]
    pub fn f32_floor(x: f32) -> f32 {
        x.floor()
    }
    #[inline(always)]
    pub fn f32_ceil(x: f32) -> f32 {
        x.ceil()
    }
    #[inline(always)]
    pub fn f32_sqrt(x: f32) -> f32 {
        x.sqrt()
    }
    #[inline(always)]
    pub fn f32_trunc(x: f32) -> f32 {
        x.trunc()
    }
    #[inline(always)]
    pub fn f32_nearest(x: f32) -> f32 {
        x.round_ties_even()
    }
}

/// The rank every strided kernel works in.
const RANK: usize = 6;

/// A launch's parameters.
#[derive(Clone, Copy)]
struct Params(*const i32);

impl Params {
    #[inline(always)]
    unsafe fn new(buffer: *const i32, block: u32) -> Params {
        Params(unsafe { buffer.add(block as usize) })
    }
    #[inline(always)]
    fn i(self, k: usize) -> i32 {
        unsafe { *self.0.add(k) }
    }
    #[inline(always)]
    fn u(self, k: usize) -> usize {
        self.i(k) as u32 as usize
    }
    #[inline(always)]
    fn f(self, k: usize) -> f32 {
        f32::from_bits(self.i(k) as u32)
    }
}

/// Splits `item` over `RANK` dimensions at `dims` and returns the offsets it has under the two
/// stride sets at `a` and `b`.
#[inline(always)]
fn offsets2(p: Params, mut item: usize, dims: usize, a: usize, b: usize) -> (usize, usize) {
    let (mut oa, mut ob) = (0usize, 0usize);
    let mut d = RANK;
    // Once the item is used up, the outer coordinates are 0 and move nothing: the padding
    // dimensions cost no division.
    while d > 0 && item != 0 {
        d -= 1;
        let n = p.u(dims + d);
        let c = item % n;
        item /= n;
        oa += c * p.u(a + d);
        ob += c * p.u(b + d);
    }
    (oa, ob)
}

// ---------------------------------------------------------------------------------------------
// Elementary functions (f32), the same on every device.

const LN2_HI: f32 = 0.693_145_75;
const LN2_LO: f32 = 1.428_606_8e-6;

#[inline(always)]
fn floor(x: f32) -> f32 {
    wasm32::f32_floor(x)
}

#[inline(always)]
fn exp(x: f32) -> f32 {
    if x != x {
        return x;
    }
    if x > 88.72 {
        return f32::INFINITY;
    }
    if x < -103.9 {
        return 0.0;
    }
    let k = floor(x * core::f32::consts::LOG2_E + 0.5);
    let r = x - k * LN2_HI - k * LN2_LO;
    // exp(r) for |r| <= ln2/2: degree-6 Taylor polynomial (error below 2e-7 relative).
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0))))));
    // 2^k in two steps, so that k down to -150 (subnormal results) stays representable.
    let k = k as i32;
    let k1 = k / 2;
    let k2 = k - k1;
    p * f32::from_bits(((k1 + 127) as u32) << 23) * f32::from_bits(((k2 + 127) as u32) << 23)
}

#[inline(always)]
fn log(x: f32) -> f32 {
    if x != x || x < 0.0 {
        return f32::NAN;
    }
    if x == 0.0 {
        return f32::NEG_INFINITY;
    }
    if x == f32::INFINITY {
        return x;
    }
    let mut bits = x.to_bits();
    let mut e = 0i32;
    if bits < 0x0080_0000 {
        // Subnormal: scale up by 2^25.
        bits = (x * 33_554_432.0).to_bits();
        e = -25;
    }
    e += ((bits >> 23) as i32) - 127;
    let mut m = f32::from_bits((bits & 0x007f_ffff) | 0x3f80_0000);
    if m > core::f32::consts::SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    let f = m - 1.0;
    let s = f / (2.0 + f);
    let z = s * s;
    let series = 2.0 * s * (1.0 + z * (1.0 / 3.0 + z * (0.2 + z * (1.0 / 7.0 + z * (1.0 / 9.0)))));
    let e = e as f32;
    e * LN2_HI + (e * LN2_LO + series)
}

#[inline(always)]
fn sigmoid(x: f32) -> f32 {
    if x >= 0.0 {
        1.0 / (1.0 + exp(-x))
    } else {
        let e = exp(x);
        e / (1.0 + e)
    }
}

#[inline(always)]
fn tanh(x: f32) -> f32 {
    let a = if x < 0.0 { -x } else { x };
    if a < 0.55 {
        let z = x * x;
        x * (1.0
            + z * (-1.0 / 3.0
                + z * (2.0 / 15.0 + z * (-17.0 / 315.0 + z * (62.0 / 2835.0 + z * (-1382.0 / 155925.0))))))
    } else if a > 9.0 {
        if x < 0.0 {
            -1.0
        } else {
            1.0
        }
    } else {
        let t = 1.0 - 2.0 / (exp(2.0 * a) + 1.0);
        if x < 0.0 {
            -t
        } else {
            t
        }
    }
}

#[inline(always)]
fn erf(x: f32) -> f32 {
    // Abramowitz and Stegun 7.1.26, in f32: absolute error below 3e-7.
    let a = if x < 0.0 { -x } else { x };
    let t = 1.0 / (1.0 + 0.327_591_1 * a);
    let y = 1.0
        - t * (0.254_829_6
            + t * (-0.284_496_74 + t * (1.421_413_8 + t * (-1.453_152_1 + t * 1.061_405_4))))
            * exp(-a * a);
    if x < 0.0 {
        -y
    } else {
        y
    }
}

/// `max` with NaN propagating, as numpy's `maximum`.
#[inline(always)]
fn fmax(a: f32, b: f32) -> f32 {
    if a != a || b != b {
        a + b
    } else if a > b {
        a
    } else {
        b
    }
}

#[inline(always)]
fn fmin(a: f32, b: f32) -> f32 {
    if a != a || b != b {
        a + b
    } else if a < b {
        a
    } else {
        b
    }
}

// ---------------------------------------------------------------------------------------------
// Element-wise operators.

/// Unary operator codes (parameter 0 of `unary_f32`).
mod unary {
    pub const RELU: i32 = 0;
    pub const SIGMOID: i32 = 1;
    pub const TANH: i32 = 2;
    pub const EXP: i32 = 3;
    pub const LOG: i32 = 4;
    pub const SQRT: i32 = 5;
    pub const NEG: i32 = 6;
    pub const ABS: i32 = 7;
    pub const FLOOR: i32 = 8;
    pub const CEIL: i32 = 9;
    pub const RECIPROCAL: i32 = 10;
    pub const CLIP: i32 = 11;
    pub const HARD_SIGMOID: i32 = 12;
    pub const HARD_SWISH: i32 = 13;
    pub const LEAKY_RELU: i32 = 14;
    pub const ELU: i32 = 15;
    pub const ERF: i32 = 16;
    pub const SOFTPLUS: i32 = 17;
    #[allow(dead_code)]
    pub const IDENTITY: i32 = 18;
    pub const GELU: i32 = 19;
    pub const SELU: i32 = 20;
    pub const SOFTSIGN: i32 = 21;
    pub const ROUND: i32 = 22;
    pub const SIGN: i32 = 23;
    pub const SIN: i32 = 24;
    pub const COS: i32 = 25;
    pub const GELU_TANH: i32 = 26;
}

/// An activation applied in place of, or after, an operator: `code` as in [`unary`], with
/// parameters `a` and `b`.
#[inline(always)]
fn activate(code: i32, a: f32, b: f32, x: f32) -> f32 {
    match code {
        unary::RELU => {
            if x < 0.0 {
                0.0
            } else {
                x
            }
        }
        unary::SIGMOID => sigmoid(x),
        unary::TANH => tanh(x),
        unary::EXP => exp(x),
        unary::LOG => log(x),
        unary::SQRT => wasm32::f32_sqrt(x),
        unary::NEG => -x,
        unary::ABS => {
            if x < 0.0 {
                -x
            } else {
                x
            }
        }
        unary::FLOOR => floor(x),
        unary::CEIL => wasm32::f32_ceil(x),
        unary::RECIPROCAL => 1.0 / x,
        unary::CLIP => {
            if x != x {
                x
            } else {
                fmin(fmax(x, a), b)
            }
        }
        unary::HARD_SIGMOID => fmax(0.0, fmin(1.0, a * x + b)),
        unary::HARD_SWISH => x * fmax(0.0, fmin(1.0, x * (1.0 / 6.0) + 0.5)),
        unary::LEAKY_RELU => {
            if x < 0.0 {
                a * x
            } else {
                x
            }
        }
        unary::ELU => {
            if x < 0.0 {
                a * (exp(x) - 1.0)
            } else {
                x
            }
        }
        unary::ERF => erf(x),
        unary::SOFTPLUS => {
            if x > 20.0 {
                x
            } else {
                log(1.0 + exp(x))
            }
        }
        unary::GELU => 0.5 * x * (1.0 + erf(x * core::f32::consts::FRAC_1_SQRT_2)),
        unary::GELU_TANH => {
            // sqrt(2 / pi) (x + 0.044715 x^3)
            let inner = 0.797_884_6 * (x + 0.044_715 * x * x * x);
            0.5 * x * (1.0 + tanh(inner))
        }
        unary::SELU => {
            if x > 0.0 {
                b * x
            } else {
                b * (a * exp(x) - a)
            }
        }
        unary::SOFTSIGN => {
            let m = if x < 0.0 { -x } else { x };
            x / (1.0 + m)
        }
        unary::ROUND => wasm32::f32_nearest(x),
        unary::SIGN => {
            if x > 0.0 {
                1.0
            } else if x < 0.0 {
                -1.0
            } else {
                x
            }
        }
        unary::SIN | unary::COS => {
            // Reduce to [-pi, pi], then a degree-11 polynomial for sin.
            let tau = core::f32::consts::TAU;
            let y = if code == unary::COS {
                x + core::f32::consts::FRAC_PI_2
            } else {
                x
            };
            let r = y - tau * floor(y / tau + 0.5);
            let z = r * r;
            r * (1.0
                + z * (-1.0 / 6.0
                    + z * (1.0 / 120.0
                        + z * (-1.0 / 5040.0
                            + z * (1.0 / 362_880.0 + z * (-1.0 / 39_916_800.0 + z / 6_227_020_800.0))))))
        }
        _ => x,
    }
}

/// The activations a convolution can apply in its own launch: the piecewise-linear ones. (The
/// others would put `exp` and friends into every convolution kernel, which GPU drivers then take
/// far longer to compile.)
#[inline(always)]
fn activate_linear(code: i32, a: f32, b: f32, x: f32) -> f32 {
    match code {
        unary::RELU => {
            if x < 0.0 {
                0.0
            } else {
                x
            }
        }
        unary::CLIP => {
            if x != x {
                x
            } else {
                fmin(fmax(x, a), b)
            }
        }
        unary::HARD_SIGMOID => fmax(0.0, fmin(1.0, a * x + b)),
        unary::HARD_SWISH => x * fmax(0.0, fmin(1.0, x * (1.0 / 6.0) + 0.5)),
        unary::LEAKY_RELU => {
            if x < 0.0 {
                a * x
            } else {
                x
            }
        }
        _ => x,
    }
}

/// `y[i] = f(x[i])`. Parameters: `[code, a, b]`.
#[no_mangle]
pub unsafe extern "C" fn unary_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let i = item as usize;
    unsafe { *y.add(i) = activate(p.i(0), p.f(1), p.f(2), *x.add(i)) };
}

macro_rules! binary {
    ($name:ident, $t:ty, $apply:ident) => {
        /// `y = a op b` with broadcasting. Parameters: `[op, dims[RANK], a_strides[RANK],
        /// b_strides[RANK], contiguous]`; when `contiguous` is 1 both inputs have the output's
        /// shape and the strides are not read.
        #[no_mangle]
        pub unsafe extern "C" fn $name(
            item: u32,
            _items: u32,
            block: u32,
            params: *const i32,
            _pl: u32,
            a: *const $t,
            _al: u32,
            b: *const $t,
            _bl: u32,
            y: *mut $t,
            _yl: u32,
        ) {
            let p = unsafe { Params::new(params, block) };
            let i = item as usize;
            let (oa, ob) = if p.i(1 + 3 * RANK) == 1 {
                (i, i)
            } else {
                offsets2(p, i, 1, 1 + RANK, 1 + 2 * RANK)
            };
            unsafe { *y.add(i) = $apply(p.i(0), *a.add(oa), *b.add(ob)) };
        }
    };
}

/// Binary operator codes.
mod binop {
    pub const ADD: i32 = 0;
    pub const SUB: i32 = 1;
    pub const MUL: i32 = 2;
    pub const DIV: i32 = 3;
    pub const MAX: i32 = 4;
    pub const MIN: i32 = 5;
    pub const POW: i32 = 6;
    pub const PRELU: i32 = 7;
    pub const MOD: i32 = 8;
    pub const FMOD: i32 = 9;
}

#[inline(always)]
fn pow(a: f32, b: f32) -> f32 {
    if b == 2.0 {
        return a * a;
    }
    if b == 1.0 {
        return a;
    }
    if b == 0.0 {
        return 1.0;
    }
    if b == 0.5 {
        return wasm32::f32_sqrt(a);
    }
    if a < 0.0 {
        // A negative base has a real power only for an integral exponent.
        if floor(b) != b {
            return f32::NAN;
        }
        let m = exp(b * log(-a));
        let odd = floor(b * 0.5) * 2.0 != b;
        return if odd { -m } else { m };
    }
    exp(b * log(a))
}

#[inline(always)]
fn apply_f32(op: i32, a: f32, b: f32) -> f32 {
    match op {
        binop::ADD => a + b,
        binop::SUB => a - b,
        binop::MUL => a * b,
        binop::DIV => a / b,
        binop::MAX => fmax(a, b),
        binop::MIN => fmin(a, b),
        binop::POW => pow(a, b),
        binop::PRELU => {
            if a < 0.0 {
                a * b
            } else {
                a
            }
        }
        // fmod: the result has the sign of the dividend.
        binop::MOD => a - b * wasm32::f32_trunc(a / b),
        _ => a,
    }
}

#[inline(always)]
fn apply_f64(op: i32, a: f64, b: f64) -> f64 {
    match op {
        binop::ADD => a + b,
        binop::SUB => a - b,
        binop::MUL => a * b,
        binop::DIV => a / b,
        binop::MAX => {
            if a != a || b != b {
                a + b
            } else if a > b {
                a
            } else {
                b
            }
        }
        binop::MIN => {
            if a != a || b != b {
                a + b
            } else if a < b {
                a
            } else {
                b
            }
        }
        binop::PRELU => {
            if a < 0.0 {
                a * b
            } else {
                a
            }
        }
        binop::MOD => a - b * (a / b).trunc(),
        _ => a,
    }
}

macro_rules! apply_int {
    ($name:ident, $t:ty) => {
        #[inline(always)]
        fn $name(op: i32, a: $t, b: $t) -> $t {
            match op {
                binop::ADD => a.wrapping_add(b),
                binop::SUB => a.wrapping_sub(b),
                binop::MUL => a.wrapping_mul(b),
                // Integer division truncates; by zero it gives zero rather than a trap.
                binop::DIV => {
                    if b == 0 {
                        0
                    } else {
                        a.wrapping_div(b)
                    }
                }
                binop::MAX => {
                    if a > b {
                        a
                    } else {
                        b
                    }
                }
                binop::MIN => {
                    if a < b {
                        a
                    } else {
                        b
                    }
                }
                // ONNX Mod with fmod = 0: the result has the divisor's sign.
                binop::MOD => {
                    if b == 0 {
                        0
                    } else {
                        let r = a.wrapping_rem(b);
                        if r != 0 && ((r < 0) != (b < 0)) {
                            r + b
                        } else {
                            r
                        }
                    }
                }
                // Integer powers by squaring, wrapping as numpy's do; a negative exponent
                // leaves only 1 and -1 with a non-zero integer result.
                binop::POW => {
                    if b < 0 {
                        if a == 1 {
                            1
                        } else if a == -1 {
                            if b & 1 == 0 {
                                1
                            } else {
                                -1
                            }
                        } else {
                            0
                        }
                    } else {
                        let (mut base, mut e, mut acc) = (a, b, 1 as $t);
                        while e > 0 {
                            if e & 1 == 1 {
                                acc = acc.wrapping_mul(base);
                            }
                            base = base.wrapping_mul(base);
                            e >>= 1;
                        }
                        acc
                    }
                }
                // ONNX Mod with fmod = 1: the result has the dividend's sign.
                binop::FMOD => {
                    if b == 0 {
                        0
                    } else {
                        a.wrapping_rem(b)
                    }
                }
                _ => a,
            }
        }
    };
}

apply_int!(apply_i32, i32);
apply_int!(apply_i64, i64);

binary!(binary_f32, f32, apply_f32);
binary!(binary_f64, f64, apply_f64);
binary!(binary_i32, i32, apply_i32);
binary!(binary_i64, i64, apply_i64);

/// Comparison codes.
mod cmp {
    pub const EQUAL: i32 = 0;
    pub const LESS: i32 = 1;
    pub const LESS_OR_EQUAL: i32 = 2;
    pub const GREATER: i32 = 3;
    pub const GREATER_OR_EQUAL: i32 = 4;
}

macro_rules! compare {
    ($name:ident, $t:ty) => {
        /// `y = a cmp b` as a bool tensor (one byte per element) with broadcasting; parameters
        /// as for the binary operators.
        #[no_mangle]
        pub unsafe extern "C" fn $name(
            item: u32,
            _items: u32,
            block: u32,
            params: *const i32,
            _pl: u32,
            a: *const $t,
            _al: u32,
            b: *const $t,
            _bl: u32,
            y: *mut u8,
            _yl: u32,
        ) {
            let p = unsafe { Params::new(params, block) };
            let i = item as usize;
            let (oa, ob) = if p.i(1 + 3 * RANK) == 1 {
                (i, i)
            } else {
                offsets2(p, i, 1, 1 + RANK, 1 + 2 * RANK)
            };
            let (a, b) = unsafe { (*a.add(oa), *b.add(ob)) };
            let r = match p.i(0) {
                cmp::EQUAL => a == b,
                cmp::LESS => a < b,
                cmp::LESS_OR_EQUAL => a <= b,
                cmp::GREATER => a > b,
                cmp::GREATER_OR_EQUAL => a >= b,
                _ => false,
            };
            unsafe { *y.add(i) = r as u8 };
        }
    };
}

compare!(compare_f32, f32);
compare!(compare_i32, i32);
compare!(compare_i64, i64);

macro_rules! where_ {
    ($name:ident, $t:ty) => {
        /// `y = cond ? a : b` with broadcasting of all three. Parameters: `[dims[RANK],
        /// cond_strides[RANK], a_strides[RANK], b_strides[RANK]]`. (8-byte elements are pairs of
        /// 32-bit ones, with one more dimension.)
        #[no_mangle]
        pub unsafe extern "C" fn $name(
            item: u32,
            _items: u32,
            block: u32,
            params: *const i32,
            _pl: u32,
            cond: *const u8,
            _cl: u32,
            a: *const $t,
            _al: u32,
            b: *const $t,
            _bl: u32,
            y: *mut $t,
            _yl: u32,
        ) {
            let p = unsafe { Params::new(params, block) };
            let i = item as usize;
            let (oc, oa) = offsets2(p, i, 0, RANK, 2 * RANK);
            let (_, ob) = offsets2(p, i, 0, RANK, 3 * RANK);
            // Both values are loaded, as volatile reads that the optimiser keeps apart: it would
            // otherwise load once through a pointer selected between two buffers, which the GPU
            // translation cannot bound.
            let (va, vb) = unsafe { (a.add(oa).read_volatile(), b.add(ob).read_volatile()) };
            unsafe { *y.add(i) = if *cond.add(oc) != 0 { va } else { vb } };
        }
    };
}

where_!(where_u32, u32);
where_!(where_u8, u8);

/// Boolean operators on bytes: `[op, dims, a_strides, b_strides, contiguous]`; op 0 and, 1 or,
/// 2 xor, 3 not (of `a`).
#[no_mangle]
pub unsafe extern "C" fn logic_u8(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    a: *const u8,
    _al: u32,
    b: *const u8,
    _bl: u32,
    y: *mut u8,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let i = item as usize;
    let (oa, ob) = if p.i(1 + 3 * RANK) == 1 {
        (i, i)
    } else {
        offsets2(p, i, 1, 1 + RANK, 1 + 2 * RANK)
    };
    let (a, b) = unsafe { (*a.add(oa) != 0, *b.add(ob) != 0) };
    let r = match p.i(0) {
        0 => a & b,
        1 => a | b,
        2 => a ^ b,
        _ => !a,
    };
    unsafe { *y.add(i) = r as u8 };
}

// ---------------------------------------------------------------------------------------------
// Data movement.

macro_rules! copy {
    ($name:ident, $t:ty) => {
        /// Strided copy: work item `i` is split over `dims`; it reads `x[in_base + i . in_strides]`
        /// and writes `y[out_base + i . out_strides]`. Parameters: `[dims[RANK],
        /// in_strides[RANK], out_strides[RANK], in_base, out_base]`. Transpose, Slice, Concat,
        /// Expand, Tile and Split are this kernel with different strides.
        #[no_mangle]
        pub unsafe extern "C" fn $name(
            item: u32,
            _items: u32,
            block: u32,
            params: *const i32,
            _pl: u32,
            x: *const $t,
            _xl: u32,
            y: *mut $t,
            _yl: u32,
        ) {
            let p = unsafe { Params::new(params, block) };
            let (oi, oo) = offsets2(p, item as usize, 0, RANK, 2 * RANK);
            unsafe { *y.add(p.u(3 * RANK + 1) + oo) = *x.add(p.u(3 * RANK) + oi) };
        }
    };
}

copy!(copy_u32, u32);
copy!(copy_u8, u8);

/// Gather along an axis, for elements of `words` 32-bit words. Parameters: `[axis_len, inner,
/// indices, index_words]` where `inner` counts words and `index_words` is 1 for i32 indices and
/// 2 for i64 ones (the low word is the index; ONNX indices fit in 32 bits). Negative indices count
/// from the end; indices out of range read index 0's row clamped (the host checks them first).
#[no_mangle]
pub unsafe extern "C" fn gather_u32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const u32,
    _xl: u32,
    idx: *const i32,
    _il: u32,
    y: *mut u32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let (axis, inner, count, words) = (p.i(0), p.u(1), p.u(2), p.u(3));
    let i = item as usize;
    let r = i % inner;
    let j = (i / inner) % count;
    let outer = i / (inner * count);
    let mut k = unsafe { *idx.add(j * words) };
    if k < 0 {
        k += axis;
    }
    if k < 0 || k >= axis {
        k = 0;
    }
    unsafe { *y.add(i) = *x.add((outer * axis as usize + k as usize) * inner + r) };
}

/// Type conversion, per element. Parameters: `[from, to]` as ONNX data type codes (1 f32,
/// 2 u8, 6 i32, 7 i64, 9 bool, 11 f64).
#[no_mangle]
pub unsafe extern "C" fn cast(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const u8,
    _xl: u32,
    y: *mut u8,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let i = item as usize;
    // Read as f64 when the source is a float, as i64 when it is an integer: both hold every
    // value of the narrower types exactly.
    let (float, int): (f64, i64) = unsafe {
        match p.i(0) {
            1 => {
                let v = *(x as *const f32).add(i) as f64;
                (v, 0)
            }
            11 => (*(x as *const f64).add(i), 0),
            2 => (0.0, *x.add(i) as i64),
            9 => (0.0, (*x.add(i) != 0) as i64),
            6 => (0.0, *(x as *const i32).add(i) as i64),
            _ => (0.0, *(x as *const i64).add(i)),
        }
    };
    let is_float = matches!(p.i(0), 1 | 11);
    unsafe {
        match p.i(1) {
            1 => {
                *(y as *mut f32).add(i) = if is_float { float as f32 } else { int as f32 };
            }
            11 => {
                *(y as *mut f64).add(i) = if is_float { float } else { int as f64 };
            }
            2 => *y.add(i) = if is_float { float as i64 as u8 } else { int as u8 },
            9 => *y.add(i) = if is_float { (float != 0.0) as u8 } else { (int != 0) as u8 },
            6 => *(y as *mut i32).add(i) = if is_float { float as i32 } else { int as i32 },
            _ => *(y as *mut i64).add(i) = if is_float { float as i64 } else { int },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Neural-network operators (f32, NCHW).

/// 2-D convolution with groups, padding, strides and dilations, plus bias and a fused activation.
/// Parameters: `[N, C, H, W, M, OH, OW, KH, KW, stride_h, stride_w, pad_top, pad_left,
/// dilation_h, dilation_w, groups, has_bias, act, act_a, act_b]`. Buffers: params, x, w, bias
/// (any buffer when there is none), y. One work item per output element.
///
/// The window's taps that fall inside the input are worked out once per item, so the inner loop
/// has no bounds checks; each window row is summed on its own, which lets the rows' additions
/// overlap instead of forming one chain.
#[no_mangle]
pub unsafe extern "C" fn conv2d_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    w: *const f32,
    _wl: u32,
    bias: *const f32,
    _bl: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let (c, h, wd, m) = (p.u(1), p.u(2), p.u(3), p.u(4));
    let (oh, ow, kh, kw) = (p.u(5), p.u(6), p.u(7), p.u(8));
    let (sh, sw, pt, pl) = (p.i(9), p.i(10), p.i(11), p.i(12));
    let (dh, dw, groups) = (p.i(13), p.i(14), p.u(15));
    let i = item as usize;
    let ox = (i % ow) as i32;
    let oy = ((i / ow) % oh) as i32;
    let oc = (i / (ow * oh)) % m;
    let n = i / (ow * oh * m);
    let cg = c / groups;
    let g = oc / (m / groups);
    let y0 = oy * sh - pt;
    let x0 = ox * sw - pl;
    let (ky_lo, ky_hi) = taps(y0, dh, h as i32, kh as i32);
    let (kx_lo, kx_hi) = taps(x0, dw, wd as i32, kw as i32);
    let mut acc = if p.i(16) != 0 { unsafe { *bias.add(oc) } } else { 0.0 };
    let mut ci = 0;
    while ci < cg {
        let xc = unsafe { x.add(((n * c) + g * cg + ci) * h * wd) };
        let wc = unsafe { w.add((oc * cg + ci) * kh * kw) };
        let mut ky = ky_lo;
        while ky < ky_hi {
            // First tap of the row: inside the input since kx >= kx_lo.
            let row = xc.wrapping_offset(((y0 + ky * dh) * wd as i32 + x0) as isize);
            let wrow = unsafe { wc.add((ky * kw as i32) as usize) };
            let mut sum = 0.0f32;
            let mut kx = kx_lo;
            while kx < kx_hi {
                sum += unsafe { *row.wrapping_offset((kx * dw) as isize) * *wrow.add(kx as usize) };
                kx += 1;
            }
            acc += sum;
            ky += 1;
        }
        ci += 1;
    }
    unsafe { *y.add(i) = activate_linear(p.i(17), p.f(18), p.f(19), acc) };
}

/// The taps `lo..hi` of a window of `k` taps `d` apart, starting at `start`, that fall in
/// `0..size`.
#[inline(always)]
fn taps(start: i32, d: i32, size: i32, k: i32) -> (i32, i32) {
    let lo = if start < 0 { (-start + d - 1) / d } else { 0 };
    let last = size - 1 - start;
    let hi = if last < 0 { 0 } else { last / d + 1 };
    let hi = if hi > k { k } else { hi };
    (lo, if hi < lo { lo } else { hi })
}

/// Pixels one work item of `conv1x1_f32` computes.
const PIXELS: usize = 8;

/// Pointwise convolution (1x1, stride 1, no padding, one group): `y[n, oc, p] = bias[oc] +
/// sum over ci of w[oc, ci] x[n, ci, p]`, with a fused activation. Parameters: `[N, C, plane, M,
/// has_bias, act, act_a, act_b]`. Buffers as for `conv2d_f32`. One work item computes [`PIXELS`]
/// consecutive pixels of one output channel (`N * M * ceil(plane / PIXELS)` items): each weight
/// is loaded once for them, the inputs are read contiguously, and the sums do not wait on each
/// other. The same result as `conv2d_f32`: the additions happen in the same order.
#[no_mangle]
pub unsafe extern "C" fn conv1x1_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    w: *const f32,
    _wl: u32,
    bias: *const f32,
    _bl: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let (c, plane, m) = (p.u(1), p.u(2), p.u(3));
    let tiles = plane.div_ceil(PIXELS);
    let i = item as usize;
    let pix = (i % tiles) * PIXELS;
    let oc = (i / tiles) % m;
    let n = i / (tiles * m);
    let start = if p.i(4) != 0 { unsafe { *bias.add(oc) } } else { 0.0 };
    let mut acc = [start; PIXELS];
    let mut xp = unsafe { x.add(n * c * plane + pix) };
    let mut wp = unsafe { w.add(oc * c) };
    if pix + PIXELS <= plane {
        let mut ci = 0;
        while ci < c {
            let wv = unsafe { *wp };
            let mut k = 0;
            while k < PIXELS {
                acc[k] += unsafe { *xp.add(k) } * wv;
                k += 1;
            }
            unsafe {
                xp = xp.add(plane);
                wp = wp.add(1);
            }
            ci += 1;
        }
    } else {
        // The last, partial tile.
        let count = plane - pix;
        let mut ci = 0;
        while ci < c {
            let wv = unsafe { *wp };
            let mut k = 0;
            while k < count {
                acc[k] += unsafe { *xp.add(k) } * wv;
                k += 1;
            }
            unsafe {
                xp = xp.add(plane);
                wp = wp.add(1);
            }
            ci += 1;
        }
    }
    let out = unsafe { y.add((n * m + oc) * plane + pix) };
    let (act, a, b) = (p.i(5), p.f(6), p.f(7));
    let mut k = 0;
    while k < PIXELS && pix + k < plane {
        unsafe { *out.add(k) = activate_linear(act, a, b, acc[k]) };
        k += 1;
    }
}

/// One window of `pool_f32`: the maximum or the sum of its elements, how many elements count for
/// the average, and the flat index in `x` of the (first) maximum.
#[inline(always)]
fn pool_window(p: Params, i: usize, x: *const f32) -> (f32, u32, usize) {
    let (d, h, wd) = (p.u(2), p.u(3), p.u(4));
    let (od, oh, ow) = (p.u(5), p.u(6), p.u(7));
    let (kd, kh, kw) = (p.u(8), p.u(9), p.u(10));
    let (sd, sh, sw) = (p.i(11), p.i(12), p.i(13));
    let (pf, pt, pl) = (p.i(14), p.i(15), p.i(16));
    let (dd, dh, dw) = (p.i(17), p.i(18), p.i(19));
    let (max, include_pad) = (p.i(20) != 1, p.i(21) != 0);
    // Where padding ends: windows that ceil_mode lets run past it do not count what is beyond.
    let (end_d, end_h, end_w) = (d as i32 + p.i(22), h as i32 + p.i(23), wd as i32 + p.i(24));
    let column_major = p.i(25) != 0;
    let ox = (i % ow) as i32;
    let oy = ((i / ow) % oh) as i32;
    let oz = ((i / (ow * oh)) % od) as i32;
    let plane = (i / (ow * oh * od)) * d * h * wd;
    let mut acc = if max { f32::NEG_INFINITY } else { 0.0 };
    let mut best = f32::NEG_INFINITY;
    let mut index = usize::MAX;
    let mut count = 0u32;
    let mut kz = 0;
    while kz < kd {
        let zz = oz * sd - pf + kz as i32 * dd;
        let mut ky = 0;
        while ky < kh {
            let yy = oy * sh - pt + ky as i32 * dh;
            let mut kx = 0;
            while kx < kw {
                let xx = ox * sw - pl + kx as i32 * dw;
                let inside = zz >= 0
                    && (zz as usize) < d
                    && yy >= 0
                    && (yy as usize) < h
                    && xx >= 0
                    && (xx as usize) < wd;
                if inside {
                    let (z, y, xi) = (zz as usize, yy as usize, xx as usize);
                    let v = unsafe { *x.add(plane + (z * h + y) * wd + xi) };
                    acc = if max { fmax(acc, v) } else { acc + v };
                    if index == usize::MAX || v > best {
                        best = v;
                        index = plane
                            + if column_major {
                                z + y * d + xi * h * d
                            } else {
                                (z * h + y) * wd + xi
                            };
                    }
                    count += 1;
                } else if include_pad && zz < end_d && yy < end_h && xx < end_w {
                    count += 1;
                }
                kx += 1;
            }
            ky += 1;
        }
        kz += 1;
    }
    (acc, count, if index == usize::MAX { 0 } else { index })
}

/// Max or average pooling over windows of up to three spatial dimensions (fewer have leading
/// ones of size 1). Parameters: `[N, C, D, H, W, OD, OH, OW, KD, KH, KW, stride_d, stride_h,
/// stride_w, pad_front, pad_top, pad_left, dilation_d, dilation_h, dilation_w, kind (0 max,
/// 1 average), count_include_pad, pad_back, pad_bottom, pad_right, storage_order]`.
#[no_mangle]
pub unsafe extern "C" fn pool_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let (mut acc, count, _) = pool_window(p, item as usize, x);
    if p.i(20) == 1 {
        acc /= if count == 0 { 1.0 } else { count as f32 };
    }
    unsafe { *y.add(item as usize) = acc };
}

/// MaxPool's Indices: the flat index (i64) of each window's first maximum in the input, row-major
/// or, with storage_order 1, column-major within each (n, c). Parameters as for `pool_f32`.
#[no_mangle]
pub unsafe extern "C" fn pool_index_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    y: *mut i32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let (_, _, index) = pool_window(p, item as usize, x);
    let i = item as usize;
    unsafe {
        *y.add(2 * i) = index as i32;
        *y.add(2 * i + 1) = 0;
    }
}

/// Global average or max pooling: one work item per (n, c) plane. Parameters: `[plane, kind,
/// planes]` (`planes`, the number of work items, is for the CPU's native version).
#[no_mangle]
pub unsafe extern "C" fn global_pool_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let plane = p.u(0);
    let xp = unsafe { x.add(item as usize * plane) };
    let max = p.i(1) == 1;
    let mut acc = if max { f32::NEG_INFINITY } else { 0.0 };
    let mut k = 0;
    while k < plane {
        let v = unsafe { *xp.add(k) };
        acc = if max { fmax(acc, v) } else { acc + v };
        k += 1;
    }
    if !max {
        acc /= plane as f32;
    }
    unsafe { *y.add(item as usize) = acc };
}

/// Inference batch normalisation. Parameters: `[C, plane, epsilon]`. Buffers: params, x, scale,
/// bias, mean, var, y.
#[no_mangle]
pub unsafe extern "C" fn batchnorm_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    scale: *const f32,
    _sl: u32,
    bias: *const f32,
    _bl: u32,
    mean: *const f32,
    _ml: u32,
    var: *const f32,
    _vl: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let i = item as usize;
    let c = (i / p.u(1)) % p.u(0);
    unsafe {
        let s = *scale.add(c) / wasm32::f32_sqrt(*var.add(c) + p.f(2));
        *y.add(i) = (*x.add(i) - *mean.add(c)) * s + *bias.add(c);
    }
}

/// `Y = alpha * A' B' + beta * C`, with the transposes given as strides. Parameters: `[M, N, K,
/// a_row, a_col, b_row, b_col, alpha, beta, has_c, c_row, c_col, batch_dims[4],
/// a_batch[4], b_batch[4]]` where the batch dimensions (MatMul's leading ones, padded with 1)
/// index A and B by their own strides (0 for a broadcast one). Buffers: params, A, B, C (any buffer
/// when there is none), Y. One work item per element of Y.
#[no_mangle]
pub unsafe extern "C" fn gemm_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    a: *const f32,
    _al: u32,
    b: *const f32,
    _bl: u32,
    c: *const f32,
    _cl: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let (m, n, k) = (p.u(0), p.u(1), p.u(2));
    let (ar, ac, br, bc) = (p.u(3), p.u(4), p.u(5), p.u(6));
    let i = item as usize;
    let col = i % n;
    let row = (i / n) % m;
    let mut batch = i / (n * m);
    let (mut ab, mut bb) = (0usize, 0usize);
    let mut d = 4;
    while d > 0 {
        d -= 1;
        let size = p.u(12 + d);
        let coord = batch % size;
        batch /= size;
        ab += coord * p.u(16 + d);
        bb += coord * p.u(20 + d);
    }
    let mut pa = unsafe { a.add(ab + row * ar) };
    let mut pb = unsafe { b.add(bb + col * bc) };
    let mut acc = 0.0f32;
    let mut kk = 0;
    while kk < k {
        unsafe {
            acc += *pa * *pb;
            pa = pa.add(ac);
            pb = pb.add(br);
        }
        kk += 1;
    }
    let mut out = p.f(7) * acc;
    if p.i(9) != 0 {
        out += p.f(8) * unsafe { *c.add(row * p.u(10) + col * p.u(11)) };
    }
    unsafe { *y.add(i) = out };
}

/// Softmax, LogSoftmax or Hardmax over one axis: one work item per (outer, inner) row.
/// Parameters: `[axis_len, inner, kind (0 softmax, 1 log-softmax, 2 hardmax)]`.
#[no_mangle]
pub unsafe extern "C" fn softmax_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let (len, inner, kind) = (p.u(0), p.u(1), p.i(2));
    let i = item as usize;
    let base = (i / inner) * len * inner + i % inner;
    let (xp, yp) = unsafe { (x.add(base), y.add(base)) };
    let mut max = f32::NEG_INFINITY;
    let mut arg = 0;
    let mut k = 0;
    while k < len {
        let v = unsafe { *xp.add(k * inner) };
        if v > max {
            max = v;
            arg = k;
        }
        k += 1;
    }
    let mut sum = 0.0f32;
    k = 0;
    while k < len {
        sum += exp(unsafe { *xp.add(k * inner) } - max);
        k += 1;
    }
    let log_sum = log(sum);
    k = 0;
    while k < len {
        let v = unsafe { *xp.add(k * inner) } - max;
        let out = match kind {
            0 => exp(v) / sum,
            1 => v - log_sum,
            _ => (k == arg) as u32 as f32,
        };
        unsafe { *yp.add(k * inner) = out };
        k += 1;
    }
}

/// Reductions over any set of axes: one work item per output element. Parameters: `[kind,
/// kept_dims[RANK], kept_strides[RANK], reduced_dims[RANK], reduced_strides[RANK]]` with kinds
/// 0 sum, 1 mean, 2 max, 3 min, 4 prod, 5 sum of squares, 6 L1, 7 L2, 8 log-sum-exp.
#[no_mangle]
pub unsafe extern "C" fn reduce_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let kind = p.i(0);
    let (base, _) = offsets2(p, item as usize, 1, 1 + RANK, 1 + RANK);
    let mut count = 1usize;
    let mut d = 0;
    while d < RANK {
        count *= p.u(1 + 2 * RANK + d);
        d += 1;
    }
    let mut max = f32::NEG_INFINITY;
    if kind == 8 {
        let mut r = 0;
        while r < count {
            let (o, _) = offsets2(p, r, 1 + 2 * RANK, 1 + 3 * RANK, 1 + 3 * RANK);
            max = fmax(max, unsafe { *x.add(base + o) });
            r += 1;
        }
    }
    let mut acc = match kind {
        2 => f32::NEG_INFINITY,
        3 => f32::INFINITY,
        4 => 1.0,
        _ => 0.0,
    };
    let mut r = 0;
    while r < count {
        let (o, _) = offsets2(p, r, 1 + 2 * RANK, 1 + 3 * RANK, 1 + 3 * RANK);
        let v = unsafe { *x.add(base + o) };
        acc = match kind {
            2 => fmax(acc, v),
            3 => fmin(acc, v),
            4 => acc * v,
            5 | 7 => acc + v * v,
            6 => acc + if v < 0.0 { -v } else { v },
            8 => acc + exp(v - max),
            _ => acc + v,
        };
        r += 1;
    }
    acc = match kind {
        1 => acc / count as f32,
        7 => wasm32::f32_sqrt(acc),
        8 => max + log(acc),
        _ => acc,
    };
    unsafe { *y.add(item as usize) = acc };
}

/// ArgMax or ArgMin over one axis, into i64: one work item per output element. Parameters:
/// `[axis_len, inner, kind (0 max, 1 min), select_last_index]`.
#[no_mangle]
pub unsafe extern "C" fn argreduce_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    y: *mut i32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let (len, inner, min, last) = (p.u(0), p.u(1), p.i(2) == 1, p.i(3) == 1);
    let i = item as usize;
    let xp = unsafe { x.add((i / inner) * len * inner + i % inner) };
    let mut best = unsafe { *xp };
    let mut arg = 0usize;
    let mut k = 1;
    while k < len {
        let v = unsafe { *xp.add(k * inner) };
        let better = if min { v < best } else { v > best };
        if better || (last && v == best) {
            best = v;
            arg = k;
        }
        k += 1;
    }
    unsafe {
        *y.add(2 * i) = arg as i32;
        *y.add(2 * i + 1) = 0;
    }
}

/// Layer normalisation over the last `len` elements: one work item per row. Parameters:
/// `[len, epsilon, has_bias]`. Buffers: params, x, scale, bias (any buffer when there is none), y.
#[no_mangle]
pub unsafe extern "C" fn layernorm_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    scale: *const f32,
    _sl: u32,
    bias: *const f32,
    _bl: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let len = p.u(0);
    let base = item as usize * len;
    let (xp, yp) = unsafe { (x.add(base), y.add(base)) };
    let mut mean = 0.0f32;
    let mut k = 0;
    while k < len {
        mean += unsafe { *xp.add(k) };
        k += 1;
    }
    mean /= len as f32;
    let mut var = 0.0f32;
    k = 0;
    while k < len {
        let d = unsafe { *xp.add(k) } - mean;
        var += d * d;
        k += 1;
    }
    var /= len as f32;
    let inv = 1.0 / wasm32::f32_sqrt(var + p.f(1));
    k = 0;
    while k < len {
        let mut v = (unsafe { *xp.add(k) } - mean) * inv * unsafe { *scale.add(k) };
        if p.i(2) != 0 {
            v += unsafe { *bias.add(k) };
        }
        unsafe { *yp.add(k) = v };
        k += 1;
    }
}

/// LayerNormalization's Mean or InvStdDev output: one work item per row of `len` elements.
/// Parameters: `[len, epsilon, kind (0 mean, 1 inverse standard deviation)]`.
#[no_mangle]
pub unsafe extern "C" fn layernorm_stats_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let len = p.u(0);
    let xp = unsafe { x.add(item as usize * len) };
    let mut mean = 0.0f32;
    let mut k = 0;
    while k < len {
        mean += unsafe { *xp.add(k) };
        k += 1;
    }
    mean /= len as f32;
    let mut var = 0.0f32;
    k = 0;
    while k < len {
        let d = unsafe { *xp.add(k) } - mean;
        var += d * d;
        k += 1;
    }
    var /= len as f32;
    let out = if p.i(2) == 0 {
        mean
    } else {
        1.0 / wasm32::f32_sqrt(var + p.f(1))
    };
    unsafe { *y.add(item as usize) = out };
}

/// Pad modes (parameter 0 of `pad_*`).
mod pad {
    #[allow(dead_code)]
    pub const CONSTANT: i32 = 0;
    pub const REFLECT: i32 = 1;
    pub const EDGE: i32 = 2;
    pub const WRAP: i32 = 3;
}

macro_rules! pad {
    ($name:ident, $t:ty) => {
        /// Pad (or crop, with negative pads): one work item per output word. Parameters: `[mode,
        /// words, out_dims[RANK], in_dims[RANK], in_strides[RANK], before[RANK]]` where `words`
        /// is the number of words per element (8-byte elements are two 32-bit words) and
        /// `before` the pads at the start of each dimension. Buffers: params, x, value (one
        /// element: the constant), y.
        #[no_mangle]
        pub unsafe extern "C" fn $name(
            item: u32,
            _items: u32,
            block: u32,
            params: *const i32,
            _pl: u32,
            x: *const $t,
            _xl: u32,
            value: *const $t,
            _vl: u32,
            y: *mut $t,
            _yl: u32,
        ) {
            let p = unsafe { Params::new(params, block) };
            let (mode, words) = (p.i(0), p.u(1));
            let i = item as usize;
            let word = i % words;
            let mut e = i / words;
            let mut offset = 0usize;
            let mut inside = true;
            let mut d = RANK;
            while d > 0 {
                d -= 1;
                let n = p.u(2 + d);
                let c = (e % n) as i32;
                e /= n;
                let len = p.i(2 + RANK + d);
                let mut s = c - p.i(2 + 3 * RANK + d);
                if s < 0 || s >= len {
                    match mode {
                        pad::EDGE => s = if s < 0 { 0 } else { len - 1 },
                        pad::WRAP => {
                            s %= len;
                            if s < 0 {
                                s += len;
                            }
                        }
                        pad::REFLECT if len > 1 => {
                            // Reflect about the end elements, as often as it takes.
                            let period = 2 * (len - 1);
                            s %= period;
                            if s < 0 {
                                s += period;
                            }
                            if s >= len {
                                s = period - s;
                            }
                        }
                        pad::REFLECT => s = 0,
                        _ => inside = false,
                    }
                }
                if inside {
                    offset += s as usize * p.u(2 + 2 * RANK + d);
                }
            }
            // Both are read, as in `where_u32`: GPU translation needs every load to use one
            // buffer. Outside, `x`'s first element is read (for an empty `x` the host passes
            // `value` as `x`).
            let xi = if inside { offset * words + word } else { word };
            let (vx, vc) = unsafe {
                (
                    x.add(xi).read_volatile(),
                    value.add(word).read_volatile(),
                )
            };
            unsafe { *y.add(i) = if inside { vx } else { vc } };
        }
    };
}

pad!(pad_u32, u32);
pad!(pad_u8, u8);
