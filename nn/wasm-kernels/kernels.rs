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
//! The codes, the rank and the parameter layouts the kernels and the host share are in `abi.rs`
//! beside this file (see there); shapes are padded on the left to [`RANK`] dimensions of size 1
//! with stride 0, so that the index arithmetic has no loop bound to look up.
//!
//! It uses no allocation, no floating-point library and no static data: `exp`, `log` and `erf`
//! are written out here so that every device computes the same thing. Only the float operations
//! that are single Wasm instructions (`sqrt`, `floor`, `ceil`, `trunc`, `nearest`) come from std.

#![allow(clippy::missing_safety_doc)]

#[allow(
    dead_code,
    reason = "the host uses some codes the kernels only pass through"
)]
#[path = "abi.rs"]
mod abi;

use abi::conv1x1::PIXELS;
use abi::{
    argreduce, batchnorm, binop, broadcast, cast, cmp, conv1x1, conv2d, conv_transpose, copy, cumsum,
    elements, gather, gemm,
    global_pool, layernorm, layernorm_stats, logic, lrn, pad, pool, quant, reduce, resize, softmax,
    topk, unary, where_,
    RANK,
};

#[path = "elementary.rs"]
mod elementary;
use elementary::*;

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

/// The offsets of output element `item` in the two inputs of a broadcasting kernel (parameters:
/// [`abi::broadcast`]).
#[inline(always)]
fn broadcast_offsets(p: Params, item: usize) -> (usize, usize) {
    if p.i(broadcast::CONTIGUOUS) == 1 {
        (item, item)
    } else {
        offsets2(
            p,
            item,
            broadcast::DIMS,
            broadcast::A_STRIDES,
            broadcast::B_STRIDES,
        )
    }
}

/// `y[i] = f(x[i])`. Parameters: [`abi::unary::params`].
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
    let (code, a, b) = (
        p.i(unary::params::CODE),
        p.f(unary::params::A),
        p.f(unary::params::B),
    );
    unsafe { *y.add(i) = activate(code, a, b, *x.add(i)) };
}

macro_rules! binary {
    ($name:ident, $t:ty, $apply:ident) => {
        /// `y = a op b` with broadcasting, `op` a code of [`abi::binop`]. Parameters:
        /// [`abi::broadcast`].
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
            let (oa, ob) = broadcast_offsets(p, i);
            unsafe { *y.add(i) = $apply(p.i(broadcast::OP), *a.add(oa), *b.add(ob)) };
        }
    };
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

macro_rules! compare {
    ($name:ident, $t:ty) => {
        /// `y = a cmp b` as a bool tensor (one byte per element) with broadcasting, `cmp` a code
        /// of [`abi::cmp`]. Parameters: [`abi::broadcast`].
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
            let (oa, ob) = broadcast_offsets(p, i);
            let (a, b) = unsafe { (*a.add(oa), *b.add(ob)) };
            let r = match p.i(broadcast::OP) {
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
        /// `y = cond ? a : b` with broadcasting of all three. Parameters: [`abi::where_`].
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
            let (oc, oa) = offsets2(p, i, where_::DIMS, where_::COND_STRIDES, where_::A_STRIDES);
            let (_, ob) = offsets2(p, i, where_::DIMS, where_::B_STRIDES, where_::B_STRIDES);
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

/// Boolean operators on bytes, `op` a code of [`abi::logic`]. Parameters: [`abi::broadcast`].
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
    let (oa, ob) = broadcast_offsets(p, i);
    let (a, b) = unsafe { (*a.add(oa) != 0, *b.add(ob) != 0) };
    let r = match p.i(broadcast::OP) {
        logic::AND => a & b,
        logic::OR => a | b,
        logic::XOR => a ^ b,
        _ => !a,
    };
    unsafe { *y.add(i) = r as u8 };
}

// ---------------------------------------------------------------------------------------------
// Data movement.

macro_rules! copy {
    ($name:ident, $t:ty) => {
        /// Strided copy: work item `i` is split over `dims`; it reads `x[in_base + i . in_strides]`
        /// and writes `y[out_base + i . out_strides]`. Parameters: [`abi::copy`]. Transpose,
        /// Slice, Concat, Expand, Tile and Split are this kernel with different strides.
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
            let (oi, oo) = offsets2(
                p,
                item as usize,
                copy::DIMS,
                copy::IN_STRIDES,
                copy::OUT_STRIDES,
            );
            unsafe { *y.add(p.u(copy::OUT_BASE) + oo) = *x.add(p.u(copy::IN_BASE) + oi) };
        }
    };
}

copy!(copy_u32, u32);
copy!(copy_u8, u8);

/// Gather along an axis, for elements of `words` 32-bit words. Parameters: [`abi::gather`] (of
/// i64 indices the low word is the index; ONNX indices fit in 32 bits). Negative indices count
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
    let (axis, inner) = (p.i(gather::AXIS_LEN), p.u(gather::INNER));
    let (count, words) = (p.u(gather::INDICES), p.u(gather::INDEX_WORDS));
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

/// Type conversion, per element. Parameters: [`abi::cast`].
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
        match p.i(cast::FROM) {
            cast::F32 => {
                let v = *(x as *const f32).add(i) as f64;
                (v, 0)
            }
            cast::F64 => (*(x as *const f64).add(i), 0),
            cast::U8 => (0.0, *x.add(i) as i64),
            cast::I8 => (0.0, *x.add(i) as i8 as i64),
            cast::BOOL => (0.0, (*x.add(i) != 0) as i64),
            cast::I32 => (0.0, *(x as *const i32).add(i) as i64),
            _ => (0.0, *(x as *const i64).add(i)),
        }
    };
    let is_float = matches!(p.i(cast::FROM), cast::F32 | cast::F64);
    unsafe {
        match p.i(cast::TO) {
            cast::F32 => {
                *(y as *mut f32).add(i) = if is_float { float as f32 } else { int as f32 };
            }
            cast::F64 => {
                *(y as *mut f64).add(i) = if is_float { float } else { int as f64 };
            }
            cast::U8 | cast::I8 => {
                *y.add(i) = if is_float {
                    float as i64 as u8
                } else {
                    int as u8
                }
            }
            cast::BOOL => {
                *y.add(i) = if is_float {
                    (float != 0.0) as u8
                } else {
                    (int != 0) as u8
                }
            }
            cast::I32 => *(y as *mut i32).add(i) = if is_float { float as i32 } else { int as i32 },
            _ => *(y as *mut i64).add(i) = if is_float { float as i64 } else { int },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Neural-network operators (f32, NCHW).

/// What a convolution sums: products added to an accumulator, in f32 or in wrapping i32.
trait MulAdd: Copy {
    const ZERO: Self;
    fn mul_add(self, x: Self, w: Self) -> Self;
    fn plus(self, other: Self) -> Self;
}

impl MulAdd for f32 {
    const ZERO: f32 = 0.0;
    #[inline(always)]
    fn mul_add(self, x: f32, w: f32) -> f32 {
        self + x * w
    }
    #[inline(always)]
    fn plus(self, other: f32) -> f32 {
        self + other
    }
}

impl MulAdd for i32 {
    const ZERO: i32 = 0;
    #[inline(always)]
    fn mul_add(self, x: i32, w: i32) -> i32 {
        self.wrapping_add(x.wrapping_mul(w))
    }
    #[inline(always)]
    fn plus(self, other: i32) -> i32 {
        self.wrapping_add(other)
    }
}

/// The sum of output element `i`'s window in a 2-D convolution with groups, padding, strides and
/// dilations ([`abi::conv2d`]), starting from `start(output channel)`.
///
/// The window's taps that fall inside the input are worked out once per item, so the inner loop
/// has no bounds checks; each window row is summed on its own, which lets the rows' additions
/// overlap instead of forming one chain.
#[inline(always)]
unsafe fn conv2d_sum<T: MulAdd>(
    p: Params,
    i: usize,
    x: *const T,
    w: *const T,
    start: impl FnOnce(usize) -> T,
) -> T {
    let (c, h, wd, m) = (
        p.u(conv2d::C),
        p.u(conv2d::H),
        p.u(conv2d::W),
        p.u(conv2d::M),
    );
    let (oh, ow) = (p.u(conv2d::OH), p.u(conv2d::OW));
    let (kh, kw) = (p.u(conv2d::KH), p.u(conv2d::KW));
    let (sh, sw) = (p.i(conv2d::STRIDE_H), p.i(conv2d::STRIDE_W));
    let (pt, pl) = (p.i(conv2d::PAD_TOP), p.i(conv2d::PAD_LEFT));
    let (dh, dw) = (p.i(conv2d::DILATION_H), p.i(conv2d::DILATION_W));
    let groups = p.u(conv2d::GROUPS);
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
    let mut acc = start(oc);
    let mut ci = 0;
    while ci < cg {
        let xc = unsafe { x.add(((n * c) + g * cg + ci) * h * wd) };
        let wc = unsafe { w.add((oc * cg + ci) * kh * kw) };
        let mut ky = ky_lo;
        while ky < ky_hi {
            // First tap of the row: inside the input since kx >= kx_lo.
            let row = xc.wrapping_offset(((y0 + ky * dh) * wd as i32 + x0) as isize);
            let wrow = unsafe { wc.add((ky * kw as i32) as usize) };
            let mut sum = T::ZERO;
            let mut kx = kx_lo;
            while kx < kx_hi {
                sum = sum.mul_add(unsafe { *row.wrapping_offset((kx * dw) as isize) }, unsafe {
                    *wrow.add(kx as usize)
                });
                kx += 1;
            }
            acc = acc.plus(sum);
            ky += 1;
        }
        ci += 1;
    }
    acc
}

/// 2-D convolution ([`conv2d_sum`]) plus bias and a fused activation. Parameters:
/// [`abi::conv2d`]. Buffers: params, x, w, bias (any buffer when there is none), y. One work
/// item per output element.
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
    let i = item as usize;
    let acc = unsafe {
        conv2d_sum(p, i, x, w, |oc| {
            if p.i(conv2d::HAS_BIAS) != 0 {
                *bias.add(oc)
            } else {
                0.0
            }
        })
    };
    let (act, a, b) = (p.i(conv2d::ACT), p.f(conv2d::ACT_A), p.f(conv2d::ACT_B));
    unsafe { *y.add(i) = activate_linear(act, a, b, acc) };
}

/// ConvInteger's convolution ([`conv2d_sum`]) of i32 data and weights (their zero points
/// already subtracted, so padding with zeros is padding with the zero point), summed in i32 with
/// wrapping, as ONNX Runtime does. Parameters: [`abi::conv2d`] (no bias, no activation).
/// Buffers: params, x, w, y.
#[no_mangle]
pub unsafe extern "C" fn conv2d_i32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const i32,
    _xl: u32,
    w: *const i32,
    _wl: u32,
    y: *mut i32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let i = item as usize;
    unsafe { *y.add(i) = conv2d_sum(p, i, x, w, |_| 0) };
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

/// Pointwise convolution (1x1, stride 1, no padding, one group): `y[n, oc, p] = bias[oc] +
/// sum over ci of w[oc, ci] x[n, ci, p]`, with a fused activation. Parameters: [`abi::conv1x1`].
/// Buffers as for `conv2d_f32`. One work item computes [`PIXELS`]
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
    let (c, plane, m) = (p.u(conv1x1::C), p.u(conv1x1::PLANE), p.u(conv1x1::M));
    let tiles = plane.div_ceil(PIXELS);
    let i = item as usize;
    let pix = (i % tiles) * PIXELS;
    let oc = (i / tiles) % m;
    let n = i / (tiles * m);
    let start = if p.i(conv1x1::HAS_BIAS) != 0 {
        unsafe { *bias.add(oc) }
    } else {
        0.0
    };
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
    let (act, a, b) = (p.i(conv1x1::ACT), p.f(conv1x1::ACT_A), p.f(conv1x1::ACT_B));
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
    let (d, h, wd) = (p.u(pool::D), p.u(pool::H), p.u(pool::W));
    let (od, oh, ow) = (p.u(pool::OD), p.u(pool::OH), p.u(pool::OW));
    let (kd, kh, kw) = (p.u(pool::KD), p.u(pool::KH), p.u(pool::KW));
    let s = pool::STRIDES;
    let (sd, sh, sw) = (p.i(s), p.i(s + 1), p.i(s + 2));
    let s = pool::PADS_BEFORE;
    let (pf, pt, pl) = (p.i(s), p.i(s + 1), p.i(s + 2));
    let s = pool::DILATIONS;
    let (dd, dh, dw) = (p.i(s), p.i(s + 1), p.i(s + 2));
    let max = p.i(pool::KIND) != pool::AVERAGE;
    let include_pad = p.i(pool::COUNT_INCLUDE_PAD) != 0;
    // Where padding ends: windows that ceil_mode lets run past it do not count what is beyond.
    let s = pool::PADS_AFTER;
    let (end_d, end_h, end_w) = (
        d as i32 + p.i(s),
        h as i32 + p.i(s + 1),
        wd as i32 + p.i(s + 2),
    );
    let column_major = p.i(pool::STORAGE_ORDER) != 0;
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
/// ones of size 1). Parameters: [`abi::pool`].
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
    if p.i(pool::KIND) == pool::AVERAGE {
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

/// Global average or max pooling: one work item per (n, c) plane. Parameters:
/// [`abi::global_pool`].
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
    let plane = p.u(global_pool::PLANE);
    let xp = unsafe { x.add(item as usize * plane) };
    let max = p.i(global_pool::KIND) == global_pool::MAX;
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

/// Resize (nearest, linear, cubic, with or without antialiasing, every coordinate mode): each
/// output element is the weighted sum of the input elements its coordinates' taps select, every
/// combination of one tap per dimension. The host works out the taps and weights per dimension
/// (see `abi::resize`), so this one kernel serves every mode. Buffers: params, table, x, y.
#[no_mangle]
pub unsafe extern "C" fn resize_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    table: *const i32,
    _tl: u32,
    x: *const f32,
    _xl: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let mut combinations = 1usize;
    let mut d = 0;
    while d < RANK {
        combinations *= p.u(resize::TAPS + d);
        d += 1;
    }
    let mut acc = 0.0f32;
    let mut outside = false;
    let mut k = 0;
    while k < combinations {
        // Tap `k` of the combinations, one tap per dimension, innermost fastest.
        let (mut rest_item, mut rest_k) = (item as usize, k);
        let (mut offset, mut weight) = (0usize, 1.0f32);
        let mut d = RANK;
        while d > 0 {
            d -= 1;
            let (n, taps) = (p.u(resize::OUT_DIMS + d), p.u(resize::TAPS + d));
            let o = rest_item % n;
            rest_item /= n;
            let t = rest_k % taps;
            rest_k /= taps;
            let entry = p.u(resize::TABLES + d) + 2 * (o * taps + t);
            let index = unsafe { *table.add(entry) };
            if index < 0 {
                outside = true;
            } else {
                offset += index as usize * p.u(resize::IN_STRIDES + d);
            }
            weight *= f32::from_bits(unsafe { *table.add(entry + 1) } as u32);
        }
        if !outside && weight != 0.0 {
            acc += weight * unsafe { *x.add(offset) };
        }
        k += 1;
    }
    let mut out = if outside {
        p.f(resize::EXTRAPOLATION)
    } else {
        acc
    };
    if p.i(resize::TRUNCATE) != 0 {
        out = fmin(fmax(wasm32::f32_trunc(out), p.f(resize::LOW)), p.f(resize::HIGH));
    }
    unsafe { *y.add(item as usize) = out };
}

/// The input coordinate that kernel tap `k` of output coordinate `o` reads in a transposed
/// convolution, if any: `(o + pad - k * dilation) / stride`, when that divides and is inside.
#[inline(always)]
fn transposed_tap(o: i32, pad: i32, k: i32, dilation: i32, stride: i32, len: usize) -> Option<usize> {
    let at = o + pad - k * dilation;
    if at < 0 || at % stride != 0 {
        return None;
    }
    let i = (at / stride) as usize;
    if i < len {
        Some(i)
    } else {
        None
    }
}

/// Transposed convolution (ConvTranspose) over up to three spatial dimensions, with groups,
/// strides, dilations and pads, plus bias: each output element gathers the input elements whose
/// scattered windows cover it. Parameters: [`abi::conv_transpose`]. Buffers: params, x, w, bias
/// (any buffer when there is none), y.
#[no_mangle]
pub unsafe extern "C" fn conv_transpose_f32(
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
    use conv_transpose as ct;
    let p = unsafe { Params::new(params, block) };
    let i = item as usize;
    let (c, d, h, wd, m) = (p.u(ct::C), p.u(ct::D), p.u(ct::H), p.u(ct::W), p.u(ct::M));
    let (od, oh, ow) = (p.u(ct::OD), p.u(ct::OH), p.u(ct::OW));
    let (kd, kh, kw) = (p.u(ct::KD), p.u(ct::KH), p.u(ct::KW));
    let groups = p.u(ct::GROUPS);
    let ox = (i % ow) as i32;
    let oy = ((i / ow) % oh) as i32;
    let oz = ((i / (ow * oh)) % od) as i32;
    let oc = (i / (ow * oh * od)) % m;
    let n = i / (ow * oh * od * m);
    let (cg, mg) = (c / groups, m / groups);
    let g = oc / mg;
    let mut acc = if p.i(ct::HAS_BIAS) != 0 {
        unsafe { *bias.add(oc) }
    } else {
        0.0
    };
    let plane = d * h * wd;
    let taps = kd * kh * kw;
    let mut ci = 0;
    while ci < cg {
        let channel = g * cg + ci;
        let xc = unsafe { x.add((n * c + channel) * plane) };
        let wc = unsafe { w.add((channel * mg + oc % mg) * taps) };
        let mut kz = 0;
        while kz < kd {
            let z = transposed_tap(
                oz,
                p.i(ct::PADS_BEFORE),
                kz as i32,
                p.i(ct::DILATIONS),
                p.i(ct::STRIDES),
                d,
            );
            if let Some(z) = z {
                let mut ky = 0;
                while ky < kh {
                    let yy = transposed_tap(
                        oy,
                        p.i(ct::PADS_BEFORE + 1),
                        ky as i32,
                        p.i(ct::DILATIONS + 1),
                        p.i(ct::STRIDES + 1),
                        h,
                    );
                    if let Some(yy) = yy {
                        let mut kx = 0;
                        while kx < kw {
                            let xx = transposed_tap(
                                ox,
                                p.i(ct::PADS_BEFORE + 2),
                                kx as i32,
                                p.i(ct::DILATIONS + 2),
                                p.i(ct::STRIDES + 2),
                                wd,
                            );
                            if let Some(xx) = xx {
                                let v = unsafe { *xc.add((z * h + yy) * wd + xx) };
                                let k = unsafe { *wc.add((kz * kh + ky) * kw + kx) };
                                acc += v * k;
                            }
                            kx += 1;
                        }
                    }
                    ky += 1;
                }
            }
            kz += 1;
        }
        ci += 1;
    }
    unsafe { *y.add(i) = acc };
}

/// Local response normalisation across channels: `x / (bias + alpha / size * sum x^2) ^ beta`,
/// the sum over the `size` channels around this one (fewer at the edges). Parameters:
/// [`abi::lrn`].
#[no_mangle]
pub unsafe extern "C" fn lrn_f32(
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
    let (channels, plane, size) = (p.i(lrn::CHANNELS), p.u(lrn::PLANE), p.i(lrn::SIZE));
    let i = item as usize;
    let c = ((i / plane) % channels as usize) as i32;
    let first = c - (size - 1) / 2;
    let last = c + size / 2;
    let mut sum = 0.0f32;
    let mut k = if first < 0 { 0 } else { first };
    while k <= last && k < channels {
        let v = unsafe { *x.add((i as isize + (k - c) as isize * plane as isize) as usize) };
        sum += v * v;
        k += 1;
    }
    let base = p.f(lrn::BIAS) + p.f(lrn::ALPHA) / size as f32 * sum;
    let v = unsafe { *x.add(i) };
    unsafe { *y.add(i) = v / exp(p.f(lrn::BETA) * log(base)) };
}

/// The index of element `i`'s scale and zero point (see [`abi::quant`]).
#[inline(always)]
fn quant_index(p: Params, i: usize) -> usize {
    let (axis_len, inner) = (p.u(quant::AXIS_LEN), p.u(quant::INNER));
    let a = (i / inner) % axis_len;
    (i / (inner * axis_len)) * p.u(quant::OUTER_STRIDE)
        + (a / p.u(quant::BLOCK)) * p.u(quant::BLOCK_STRIDE)
        + (i % inner) * p.u(quant::INNER_STRIDE)
}

/// Reads integer element `i` of kind `kind` (a code of [`abi::quant`]).
#[inline(always)]
unsafe fn quant_read(x: *const u8, kind: i32, i: usize) -> i32 {
    unsafe {
        match kind {
            quant::U8 => *x.add(i) as i32,
            quant::I8 => *x.add(i) as i8 as i32,
            _ => *(x as *const i32).add(i),
        }
    }
}

/// QuantizeLinear: `saturate(round_half_even(x / scale) + zero_point)` to u8 or i8.
/// Parameters: [`abi::quant`]. Buffers: params, x, scale, zero point (any buffer when there is
/// none), y.
#[no_mangle]
pub unsafe extern "C" fn quantize_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    scale: *const f32,
    _sl: u32,
    zero_point: *const u8,
    _zl: u32,
    y: *mut u8,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let i = item as usize;
    let q = quant_index(p, i);
    let kind = p.i(quant::KIND);
    let zero = if p.i(quant::HAS_ZERO_POINT) != 0 {
        unsafe { quant_read(zero_point, kind, q) }
    } else {
        0
    };
    let s = unsafe { *scale.add(q) };
    let (low, high) = if kind == quant::U8 {
        (0.0, 255.0)
    } else {
        (-128.0, 127.0)
    };
    // A zero scale (DynamicQuantizeLinear of zeros) quantises everything to the zero point.
    let v = if s == 0.0 {
        zero as f32
    } else {
        wasm32::f32_nearest(unsafe { *x.add(i) } / s) + zero as f32
    };
    // NaN saturates to the zero point's side of the range: 0 after the clamp below.
    let v = if v != v { 0.0 } else { fmin(fmax(v, low), high) };
    unsafe { *y.add(i) = v as i32 as u8 };
}

/// DequantizeLinear: `(x - zero_point) * scale` from u8, i8 or i32. Parameters: [`abi::quant`].
/// Buffers: params, x, scale, zero point (any buffer when there is none), y.
#[no_mangle]
pub unsafe extern "C" fn dequantize(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const u8,
    _xl: u32,
    scale: *const f32,
    _sl: u32,
    zero_point: *const u8,
    _zl: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let i = item as usize;
    let q = quant_index(p, i);
    let kind = p.i(quant::KIND);
    let zero = if p.i(quant::HAS_ZERO_POINT) != 0 {
        unsafe { quant_read(zero_point, kind, q) }
    } else {
        0
    };
    let v = unsafe { quant_read(x, kind, i) };
    // i32 data with a zero point may overflow i32 when subtracted: subtract in i64.
    let d = (v as i64 - zero as i64) as f32;
    unsafe { *y.add(i) = d * *scale.add(q) };
}

/// DynamicQuantizeLinear's scale (f32) or zero point (u8), from the range of all of `x` widened
/// to hold 0: `scale = (max - min) / 255`, `zero_point = saturate(round_half_even(-min /
/// scale))`. One work item reads every element. Parameters: [`abi::quant`] (`COUNT`, `WHICH`).
#[no_mangle]
pub unsafe extern "C" fn dynamic_qparams_f32(
    _item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    y: *mut u8,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let count = p.u(quant::COUNT);
    let (mut low, mut high) = (0.0f32, 0.0f32);
    let mut k = 0;
    while k < count {
        let v = unsafe { *x.add(k) };
        low = fmin(low, v);
        high = fmax(high, v);
        k += 1;
    }
    let scale = (high - low) / 255.0;
    if p.i(quant::WHICH) == quant::SCALE {
        unsafe { *(y as *mut f32) = scale };
    } else {
        let zero = if scale == 0.0 {
            0.0
        } else {
            fmin(fmax(wasm32::f32_nearest(-low / scale), 0.0), 255.0)
        };
        unsafe { *y = zero as i32 as u8 };
    }
}

/// Index `j` of an index tensor of i32 (`words` 1) or i64 (2) elements, wrapped once if negative.
#[inline(always)]
unsafe fn index_at(idx: *const i32, words: usize, j: usize, len: i32) -> usize {
    let mut k = unsafe { *idx.add(j * words) };
    if k < 0 {
        k += len;
    }
    // Out of range (which ONNX leaves undefined): the first element, never outside the buffer.
    if k < 0 || k >= len {
        0
    } else {
        k as usize
    }
}

/// Where element `e` of `dims` lies in the data, with its coordinate along `axis` replaced by
/// `index` (see [`abi::elements`]).
#[inline(always)]
fn element_target(p: Params, mut e: usize, index: usize) -> usize {
    let axis = p.u(elements::AXIS);
    let mut offset = 0;
    let mut d = RANK;
    while d > 0 {
        d -= 1;
        let n = p.u(elements::DIMS + d);
        let c = if d == axis { index } else { e % n };
        e /= n;
        offset += c * p.u(elements::DATA_STRIDES + d);
    }
    offset
}

/// GatherElements: `y[i] = data[i with its axis coordinate replaced by indices[i]]`, for elements
/// of one or two words. Parameters: [`abi::elements`]. One work item per output word.
#[no_mangle]
pub unsafe extern "C" fn gather_elements_u32(
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
    let words = p.u(elements::WORDS);
    let (e, w) = (item as usize / words, item as usize % words);
    let index = unsafe { index_at(idx, p.u(elements::INDEX_WORDS), e, p.i(elements::AXIS_LEN)) };
    let at = element_target(p, e, index);
    unsafe { *y.add(item as usize) = *x.add(at * words + w) };
}

/// Where update element `j` of a scatter goes in the data (see [`abi::elements`]).
#[inline(always)]
unsafe fn scatter_target(p: Params, idx: *const i32, j: usize) -> usize {
    let words = p.u(elements::INDEX_WORDS);
    if p.i(elements::MODE) == elements::ND {
        let (k, slice) = (p.u(elements::K), p.u(elements::SLICE));
        let q = j / slice;
        let mut offset = j % slice;
        let mut t = 0;
        while t < k {
            let len = p.i(elements::DATA_DIMS + t);
            let c = unsafe { index_at(idx, words, q * k + t, len) };
            offset += c * p.u(elements::DATA_STRIDES + t);
            t += 1;
        }
        offset
    } else {
        let index = unsafe { index_at(idx, words, j, p.i(elements::AXIS_LEN)) };
        element_target(p, j, index)
    }
}

/// ScatterElements and ScatterND without a reduction, for elements of one or two words: each
/// output element is the data's, or the last update aimed at it. Parameters: [`abi::elements`].
/// Buffers: params, data, indices, updates, y. One work item per output word.
#[no_mangle]
pub unsafe extern "C" fn scatter_u32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const u32,
    _xl: u32,
    idx: *const i32,
    _il: u32,
    updates: *const u32,
    _ul: u32,
    y: *mut u32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let words = p.u(elements::WORDS);
    let (e, w) = (item as usize / words, item as usize % words);
    let mut v = unsafe { *x.add(item as usize) };
    let mut j = 0;
    while j < p.u(elements::UPDATES) {
        if unsafe { scatter_target(p, idx, j) } == e {
            v = unsafe { *updates.add(j * words + w) };
        }
        j += 1;
    }
    unsafe { *y.add(item as usize) = v };
}

/// ScatterElements and ScatterND without a reduction, one work item per update word: update `j`
/// goes to its target unless a later update aims at the same element, so the last one wins, as
/// in `scatter_u32`. It runs after the data is copied into `y`, and costs O(U^2) target
/// computations against `scatter_u32`'s O(N U): the planner takes it when there are fewer
/// updates U than elements N. Parameters: [`abi::elements`]. Buffers: params, indices, updates,
/// y.
#[no_mangle]
pub unsafe extern "C" fn scatter_last_u32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    idx: *const i32,
    _il: u32,
    updates: *const u32,
    _ul: u32,
    y: *mut u32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let words = p.u(elements::WORDS);
    let (j, w) = (item as usize / words, item as usize % words);
    let target = unsafe { scatter_target(p, idx, j) };
    let mut later = j + 1;
    while later < p.u(elements::UPDATES) {
        if unsafe { scatter_target(p, idx, later) } == target {
            return;
        }
        later += 1;
    }
    unsafe { *y.add(target * words + w) = *updates.add(j * words + w) };
}

/// ScatterElements and ScatterND of f32 with a reduction (none, add, mul, max, min), the updates
/// applied in order. Parameters: [`abi::elements`]. Buffers: params, data, indices, updates, y.
#[no_mangle]
pub unsafe extern "C" fn scatter_f32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    x: *const f32,
    _xl: u32,
    idx: *const i32,
    _il: u32,
    updates: *const f32,
    _ul: u32,
    y: *mut f32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let e = item as usize;
    let reduction = p.i(elements::REDUCTION);
    let mut v = unsafe { *x.add(e) };
    let mut j = 0;
    while j < p.u(elements::UPDATES) {
        if unsafe { scatter_target(p, idx, j) } == e {
            let u = unsafe { *updates.add(j) };
            v = match reduction {
                elements::ADD => v + u,
                elements::MUL => v * u,
                elements::MAX => fmax(v, u),
                elements::MIN => fmin(v, u),
                _ => u,
            };
        }
        j += 1;
    }
    unsafe { *y.add(e) = v };
}

macro_rules! cumsum {
    ($name:ident, $t:ty, $zero:expr, $add:ident) => {
        /// CumSum (`$add` an addition, `$zero` 0) or CumProd (a product from 1) along an axis:
        /// inclusive or exclusive, forward or reversed. Parameters: [`abi::cumsum`].
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
            let (len, inner) = (p.u(cumsum::AXIS_LEN), p.u(cumsum::INNER));
            let i = item as usize;
            let a = (i / inner) % len;
            let first = i - a * inner;
            let exclusive = p.i(cumsum::EXCLUSIVE) != 0;
            let (from, to) = if p.i(cumsum::REVERSE) != 0 {
                (if exclusive { a + 1 } else { a }, len)
            } else {
                (0, if exclusive { a } else { a + 1 })
            };
            let mut acc: $t = $zero;
            let mut t = from;
            while t < to {
                acc = $add(acc, unsafe { *x.add(first + t * inner) });
                t += 1;
            }
            unsafe { *y.add(i) = acc };
        }
    };
}

#[inline(always)]
fn add_f32(a: f32, b: f32) -> f32 {
    a + b
}
#[inline(always)]
fn add_i32(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}
#[inline(always)]
fn add_i64(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

cumsum!(cumsum_f32, f32, 0.0, add_f32);
cumsum!(cumsum_i32, i32, 0, add_i32);
cumsum!(cumsum_i64, i64, 0, add_i64);

#[inline(always)]
fn mul_f32(a: f32, b: f32) -> f32 {
    a * b
}
#[inline(always)]
fn mul_i32(a: i32, b: i32) -> i32 {
    a.wrapping_mul(b)
}
#[inline(always)]
fn mul_i64(a: i64, b: i64) -> i64 {
    a.wrapping_mul(b)
}
cumsum!(cumprod_f32, f32, 1.0, mul_f32);
cumsum!(cumprod_i32, i32, 1, mul_i32);
cumsum!(cumprod_i64, i64, 1, mul_i64);

/// TopK along an axis: each input element counts the elements of its row that sort before it
/// (larger, or smaller, with ties to the lower index) and, when fewer than `k` do, writes its
/// value or index at that rank. The outputs are sorted. Parameters: [`abi::topk`]. Buffers:
/// params, x, y (f32 values, or i64 indices as word pairs).
#[no_mangle]
pub unsafe extern "C" fn topk_f32(
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
    let (len, inner, k) = (p.u(topk::AXIS_LEN), p.u(topk::INNER), p.u(topk::K));
    let largest = p.i(topk::LARGEST) != 0;
    let i = item as usize;
    let a = (i / inner) % len;
    let first = i - a * inner;
    let v = unsafe { *x.add(i) };
    let mut rank = 0;
    let mut t = 0;
    while t < len {
        let u = unsafe { *x.add(first + t * inner) };
        let before = if largest { u > v } else { u < v };
        if before || (u == v && t < a) {
            rank += 1;
        }
        t += 1;
    }
    if rank < k {
        let outer = i / (inner * len);
        let at = (outer * k + rank) * inner + i % inner;
        unsafe {
            if p.i(topk::WHICH) == topk::VALUES {
                *y.add(at) = v.to_bits() as i32;
            } else {
                *y.add(2 * at) = a as i32;
                *y.add(2 * at + 1) = 0;
            }
        }
    }
}

/// Inference batch normalisation. Parameters: [`abi::batchnorm`]. Buffers: params, x, scale,
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
    let c = (i / p.u(batchnorm::PLANE)) % p.u(batchnorm::C);
    unsafe {
        let s = *scale.add(c) / wasm32::f32_sqrt(*var.add(c) + p.f(batchnorm::EPSILON));
        *y.add(i) = (*x.add(i) - *mean.add(c)) * s + *bias.add(c);
    }
}

/// Where output element `i` of a (batched) matrix product lies: its row and column, and the
/// offsets of its batch in A and B. Parameters: [`abi::gemm`].
#[inline(always)]
fn gemm_element(p: Params, i: usize) -> (usize, usize, usize, usize) {
    let (m, n) = (p.u(gemm::M), p.u(gemm::N));
    let col = i % n;
    let row = (i / n) % m;
    let mut batch = i / (n * m);
    let (mut ab, mut bb) = (0usize, 0usize);
    let mut d = gemm::BATCH_RANK;
    while d > 0 {
        d -= 1;
        let size = p.u(gemm::BATCH_DIMS + d);
        let coord = batch % size;
        batch /= size;
        ab += coord * p.u(gemm::A_BATCH + d);
        bb += coord * p.u(gemm::B_BATCH + d);
    }
    (row, col, ab, bb)
}

/// `Y = alpha * A' B' + beta * C`, with the transposes given as strides. Parameters:
/// [`abi::gemm`]. Buffers: params, A, B, C (any buffer when there is none), Y. One work item per
/// element of Y.
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
    let k = p.u(gemm::K);
    let (ar, ac) = (p.u(gemm::A_ROW), p.u(gemm::A_COL));
    let (br, bc) = (p.u(gemm::B_ROW), p.u(gemm::B_COL));
    let i = item as usize;
    let (row, col, ab, bb) = gemm_element(p, i);
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
    let mut out = p.f(gemm::ALPHA) * acc;
    if p.i(gemm::HAS_C) != 0 {
        let at = row * p.u(gemm::C_ROW) + col * p.u(gemm::C_COL);
        out += p.f(gemm::BETA) * unsafe { *c.add(at) };
    }
    unsafe { *y.add(i) = out };
}

/// MatMulInteger's product: `Y = A B` of i32 matrices (the zero points already subtracted),
/// summed in i32 with wrapping, as ONNX Runtime does. Parameters: [`abi::gemm`] (no alpha, beta
/// or C). Buffers: params, A, B, Y.
#[no_mangle]
pub unsafe extern "C" fn gemm_i32(
    item: u32,
    _items: u32,
    block: u32,
    params: *const i32,
    _pl: u32,
    a: *const i32,
    _al: u32,
    b: *const i32,
    _bl: u32,
    y: *mut i32,
    _yl: u32,
) {
    let p = unsafe { Params::new(params, block) };
    let k = p.u(gemm::K);
    let (ar, ac) = (p.u(gemm::A_ROW), p.u(gemm::A_COL));
    let (br, bc) = (p.u(gemm::B_ROW), p.u(gemm::B_COL));
    let i = item as usize;
    let (row, col, ab, bb) = gemm_element(p, i);
    let mut pa = unsafe { a.add(ab + row * ar) };
    let mut pb = unsafe { b.add(bb + col * bc) };
    let mut acc = 0i32;
    let mut kk = 0;
    while kk < k {
        unsafe {
            acc = acc.wrapping_add((*pa).wrapping_mul(*pb));
            pa = pa.add(ac);
            pb = pb.add(br);
        }
        kk += 1;
    }
    unsafe { *y.add(i) = acc };
}

/// Softmax, LogSoftmax or Hardmax over one axis: one work item per (outer, inner) row.
/// Parameters: [`abi::softmax`].
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
    let (len, inner) = (p.u(softmax::AXIS_LEN), p.u(softmax::INNER));
    let kind = p.i(softmax::KIND);
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
            softmax::SOFTMAX => exp(v) / sum,
            softmax::LOG_SOFTMAX => v - log_sum,
            _ => (k == arg) as u32 as f32,
        };
        unsafe { *yp.add(k * inner) = out };
        k += 1;
    }
}

/// Reductions over any set of axes: one work item per output element. Parameters:
/// [`abi::reduce`].
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
    let kind = p.i(reduce::KIND);
    let (kept, kept_strides) = (reduce::KEPT_DIMS, reduce::KEPT_STRIDES);
    let (base, _) = offsets2(p, item as usize, kept, kept_strides, kept_strides);
    let (reduced, reduced_strides) = (reduce::REDUCED_DIMS, reduce::REDUCED_STRIDES);
    let mut count = 1usize;
    let mut d = 0;
    while d < RANK {
        count *= p.u(reduced + d);
        d += 1;
    }
    let mut max = f32::NEG_INFINITY;
    if kind == reduce::LOG_SUM_EXP {
        let mut r = 0;
        while r < count {
            let (o, _) = offsets2(p, r, reduced, reduced_strides, reduced_strides);
            max = fmax(max, unsafe { *x.add(base + o) });
            r += 1;
        }
    }
    let mut acc = match kind {
        reduce::MAX => f32::NEG_INFINITY,
        reduce::MIN => f32::INFINITY,
        reduce::PROD => 1.0,
        _ => 0.0,
    };
    let mut r = 0;
    while r < count {
        let (o, _) = offsets2(p, r, reduced, reduced_strides, reduced_strides);
        let v = unsafe { *x.add(base + o) };
        acc = match kind {
            reduce::MAX => fmax(acc, v),
            reduce::MIN => fmin(acc, v),
            reduce::PROD => acc * v,
            reduce::SUM_SQUARE | reduce::L2 => acc + v * v,
            reduce::L1 => acc + if v < 0.0 { -v } else { v },
            reduce::LOG_SUM_EXP => acc + exp(v - max),
            _ => acc + v,
        };
        r += 1;
    }
    acc = match kind {
        reduce::MEAN => acc / count as f32,
        reduce::L2 => wasm32::f32_sqrt(acc),
        reduce::LOG_SUM_EXP => max + log(acc),
        _ => acc,
    };
    unsafe { *y.add(item as usize) = acc };
}

/// ArgMax or ArgMin over one axis, into i64: one work item per output element. Parameters:
/// [`abi::argreduce`].
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
    let (len, inner) = (p.u(argreduce::AXIS_LEN), p.u(argreduce::INNER));
    let min = p.i(argreduce::KIND) == argreduce::MIN;
    let last = p.i(argreduce::SELECT_LAST_INDEX) == 1;
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
/// [`abi::layernorm`]. Buffers: params, x, scale, bias (any buffer when there is none), y.
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
    let len = p.u(layernorm::ROW);
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
    let inv = 1.0 / wasm32::f32_sqrt(var + p.f(layernorm::EPSILON));
    k = 0;
    while k < len {
        let mut v = (unsafe { *xp.add(k) } - mean) * inv * unsafe { *scale.add(k) };
        if p.i(layernorm::HAS_BIAS) != 0 {
            v += unsafe { *bias.add(k) };
        }
        unsafe { *yp.add(k) = v };
        k += 1;
    }
}

/// LayerNormalization's Mean or InvStdDev output: one work item per row of `len` elements.
/// Parameters: [`abi::layernorm_stats`].
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
    let len = p.u(layernorm_stats::ROW);
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
    let out = if p.i(layernorm_stats::KIND) == layernorm_stats::MEAN {
        mean
    } else {
        1.0 / wasm32::f32_sqrt(var + p.f(layernorm_stats::EPSILON))
    };
    unsafe { *y.add(item as usize) = out };
}

macro_rules! pad {
    ($name:ident, $t:ty) => {
        /// Pad (or crop, with negative pads): one work item per output word (8-byte elements are
        /// two 32-bit words). Parameters: [`abi::pad`]. Buffers: params, x, value (one element:
        /// the constant), y.
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
            let (mode, words) = (p.i(pad::MODE), p.u(pad::WORDS));
            let i = item as usize;
            let word = i % words;
            let mut e = i / words;
            let mut offset = 0usize;
            let mut inside = true;
            let mut d = RANK;
            while d > 0 {
                d -= 1;
                let n = p.u(pad::OUT_DIMS + d);
                let c = (e % n) as i32;
                e /= n;
                let len = p.i(pad::IN_DIMS + d);
                let mut s = c - p.i(pad::BEFORE + d);
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
                    offset += s as usize * p.u(pad::IN_STRIDES + d);
                }
            }
            // Both are read, as in `where_u32`: GPU translation needs every load to use one
            // buffer. Outside, `x`'s first element is read (for an empty `x` the host passes
            // `value` as `x`).
            let xi = if inside { offset * words + word } else { word };
            let (vx, vc) = unsafe { (x.add(xi).read_volatile(), value.add(word).read_volatile()) };
            unsafe { *y.add(i) = if inside { vx } else { vc } };
        }
    };
}

pad!(pad_u32, u32);
pad!(pad_u8, u8);
