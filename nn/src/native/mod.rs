//! CPU-specialised kernels: native versions of the hottest operator kernels, for the CPU
//! executor.
//!
//! On a CPU space the buffers are host memory ([`HostSpace`]), so these kernels run as native
//! code on them, on a [`Team`](crate::team::Team) of threads:
//!
//! - `conv1x1_f32` ([`pointwise`]): a GEMM ([`gemm`]: AVX and FMA where the CPU has them) with
//!   the weights packed once per plan, or dot products for a few pixels;
//! - `conv2d_f32` ([`conv`]): depthwise and few-tap convolutions directly ([`direct`], and
//!   `lanes` with AVX and FMA), the others as the same GEMM over an im2col matrix;
//! - `gemm_f32` ([`matmul`]): MatMul and Gemm of any shape on the same GEMM, the left operand
//!   packed per batch;
//! - `conv_transpose_f32` ([`conv_transpose`]): the same GEMM and a scatter of its columns;
//! - `copy_u32` and `gather_u32` ([`copy`]): the movement operators' strided copy and Gather,
//!   and `pad_u32` ([`pad`]): Pad in every mode;
//! - `resize_f32` ([`resize`]): the portable kernel's tap sums, natively;
//! - `unary_f32` ([`elementwise`]): the activations and functions, with the portable kernel's own
//!   code (`nn/wasm-kernels/elementary.rs`, which both include), in loops the compiler
//!   vectorises;
//! - `batchnorm_f32` ([`elementwise`]): BatchNormalization that did not fold into a convolution;
//! - `softmax_f32` ([`softmax`]): Softmax, LogSoftmax and Hardmax, each `exp` computed once;
//! - `reduce_f32` ([`reduce`]): the Reduce operators, runs of contiguous elements in lanes;
//! - `pool_f32`, `global_pool_f32` ([`pool`]), and `binary_f32` for the arithmetic operators
//!   and `compare_i32` ([`binary`]);
//! - `cast` ([`cast`]): Cast between the element types, a loop per pair;
//! - `quantize_f32` and `dequantize` ([`quant`]): QuantizeLinear and DequantizeLinear of every
//!   layout, their integer buffers read as bytes.
//!
//! Each one is a drop-in for one kernel of `nn/wasm-kernels/kernels.rs`: the same parameters
//! (read through [`crate::abi`], the layouts both sides share), the same buffers, the same result
//! up to the order of the float additions. The portable kernel stays the definition: plans are
//! the same with or without these, and `nn/tests/operators.rs` runs each against its portable
//! kernel ([`crate::NnRuntime::set_specialised_kernels`]).
//!
//! Native code cannot lean on a sandbox the way a Wasm kernel does, so every kernel checks its
//! parameters against its buffers' lengths before touching them.
//!
//! # Layout
//! This file holds what the kernels share: the entry points the executor calls ([`lookup`],
//! [`prepack`]), the context a kernel gets ([`Ctx`]), parameter and buffer checks, and the fused
//! activation. [`parallel`] splits loops among the team's threads; each kernel family has its own
//! module.
//!
//! [`HostSpace`]: wasi_parallel_device::HostSpace

use crate::abi::{self, unary};

/// A function whose loops are written for the compiler to vectorise, compiled twice on x86-64:
/// as it is (SSE2) and with AVX2, which runs where the CPU has it. AVX2 gives wider vectors
/// and single instructions for `floor` and rounding (calls without SSE4.1); neither changes a
/// result, as Rust fuses no multiply with an add unless asked.
macro_rules! vectorised {
    ($(#[$m:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $body:block) => {
        $(#[$m])*
        $vis fn $name($($arg: $ty),*) {
            #[inline(always)]
            fn plain($($arg: $ty),*) $body
            #[cfg(target_arch = "x86_64")]
            #[target_feature(enable = "avx2")]
            unsafe fn avx2($($arg: $ty),*) {
                plain($($arg),*)
            }
            #[cfg(target_arch = "x86_64")]
            if $crate::native::avx2_available() {
                // SAFETY: the CPU has AVX2.
                unsafe { avx2($($arg),*) };
                return;
            }
            plain($($arg),*)
        }
    };
}

mod binary;
mod cast;
mod conv;
mod conv_transpose;
mod copy;
mod direct;
mod elementwise;
mod gemm;
#[cfg(target_arch = "x86_64")]
mod lanes;
mod matmul;
mod pad;
mod parallel;
mod pointwise;
mod pool;
mod quant;
mod reduce;
mod resize;
mod softmax;

#[path = "../../wasm-kernels/elementary.rs"]
mod elementary;

use conv::{Conv, ConvPath};
pub(crate) use parallel::{Deadline, Par};

/// A native kernel: `(params, inputs, output, context)`, the buffers as the portable kernel takes
/// them (less the parameter buffer), as f32.
pub(crate) type Native = fn(&[i32], &[&[f32]], &mut [f32], Ctx<'_>) -> Result<(), String>;

/// What a native kernel gets besides its parameters and buffers.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    /// The caller's, kept between launches: a fresh allocation of a large temporary would be
    /// fresh pages, faulted in and zeroed every time.
    pub scratch: &'a mut Vec<f32>,
    pub par: Par<'a>,
    /// The step's weights as [`prepack`] laid them out, when they are constants of the plan.
    pub packed: Option<&'a [f32]>,
}

/// The native version of operator kernel `name` launched with `params`, if there is one.
pub(crate) fn lookup(name: &str, params: &[i32]) -> Option<Native> {
    match name {
        "conv2d_f32" => Some(conv::conv2d),
        "conv1x1_f32" => Some(pointwise::conv1x1),
        "gemm_f32" => Some(matmul::matmul),
        "copy_u32" => Some(copy::copy),
        "gather_u32" => Some(copy::gather),
        "conv_transpose_f32" => Some(conv_transpose::conv_transpose),
        "resize_f32" => Some(resize::resize),
        "unary_f32" => Some(elementwise::unary),
        "batchnorm_f32" => Some(elementwise::batchnorm),
        "binary_f32"
            if params
                .get(abi::broadcast::OP)
                .is_some_and(|&op| binary::native(op)) =>
        {
            Some(binary::binary)
        }
        "pool_f32" => Some(pool::pool),
        "compare_i32" => Some(binary::compare_i32),
        "cast" => Some(cast::cast),
        "quantize_f32" => Some(quant::quantize),
        "dequantize" => Some(quant::dequantize),
        "global_pool_f32" => Some(pool::global_pool),
        "softmax_f32" => Some(softmax::softmax),
        "pad_u32" => Some(pad::pad),
        "reduce_f32" => Some(reduce::reduce),
        _ => None,
    }
}

/// Applies a fused activation (a code of [`unary`], then its two parameters) to `ys`, as
/// `activate_linear` in the portable kernels does: only the piecewise-linear ones; the identity
/// and other codes leave `ys` as it is.
fn activate(code: i32, a: f32, b: f32, ys: &mut [f32]) {
    match code {
        unary::RELU => ys.iter_mut().for_each(|y| {
            if *y < 0.0 {
                *y = 0.0
            }
        }),
        unary::CLIP => ys.iter_mut().for_each(|y| {
            if !y.is_nan() {
                *y = y.max(a).min(b)
            }
        }),
        unary::HARD_SIGMOID => ys
            .iter_mut()
            .for_each(|y| *y = (a * *y + b).clamp(0.0, 1.0)),
        unary::HARD_SWISH => ys
            .iter_mut()
            .for_each(|y| *y *= (*y * (1.0 / 6.0) + 0.5).clamp(0.0, 1.0)),
        unary::LEAKY_RELU => ys.iter_mut().for_each(|y| {
            if *y < 0.0 {
                *y *= a
            }
        }),
        _ => {}
    }
}

/// Parameter `k` as a size.
fn size(p: &[i32], k: usize) -> Result<usize, String> {
    let v = *p.get(k).ok_or("too few parameters")?;
    usize::try_from(v).map_err(|_| format!("parameter {k} is negative ({v})"))
}

fn float(p: &[i32], k: usize) -> Result<f32, String> {
    Ok(f32::from_bits(*p.get(k).ok_or("too few parameters")? as u32))
}

/// `a * b` checked for overflow.
fn product(dims: &[usize]) -> Result<usize, String> {
    dims.iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or_else(|| format!("{dims:?} overflows"))
}

/// Checks that a buffer holds at least `need` elements.
fn fits(what: &str, buffer: &[f32], need: usize) -> Result<(), String> {
    if buffer.len() < need {
        return Err(format!(
            "{what} holds {} elements, the kernel needs {need}",
            buffer.len()
        ));
    }
    Ok(())
}

fn three<'a>(inputs: &[&'a [f32]]) -> Result<[&'a [f32]; 3], String> {
    match *inputs {
        [x, w, bias] => Ok([x, w, bias]),
        _ => Err(format!("{} inputs, not 3", inputs.len())),
    }
}

/// The weights of `groups` GEMMs of `m x k` each, packed: `prepacked` if the plan packed them
/// (see [`prepack`]), or packed now into `own`.
fn weights<'a>(
    prepacked: Option<&'a [f32]>,
    w: &[f32],
    (groups, m, k): (usize, usize, usize),
    own: &'a mut Vec<f32>,
) -> &'a [f32] {
    let len = gemm::packed_len(m, k);
    match prepacked {
        Some(p) if p.len() == groups * len => p,
        _ => {
            own.resize(groups * len, 0.0);
            for (g, out) in own.chunks_exact_mut(len.max(1)).enumerate().take(groups) {
                gemm::pack(&w[g * m * k..], m, k, out);
            }
            own
        }
    }
}

/// Step weights `w` (the bytes of f32s) packed for the GEMM of native kernel `name` launched
/// with `params`, when it runs one: the plan does this once for constant weights, rather than
/// every launch.
pub(crate) fn prepack(name: &str, params: &[i32], w: &[u8]) -> Option<Vec<f32>> {
    let (groups, m, k) = match name {
        "conv1x1_f32" => {
            use abi::conv1x1::{C, M, PLANE};
            let (c, plane, m) = (
                size(params, C).ok()?,
                size(params, PLANE).ok()?,
                size(params, M).ok()?,
            );
            if plane < pointwise::GEMV_PLANE {
                return None;
            }
            (1, m, c)
        }
        "conv2d_f32" => {
            let cv = Conv::parse(params).ok()?;
            if cv.path(fma_available()) != ConvPath::Im2col {
                return None;
            }
            let taps = product(&[cv.c / cv.groups, cv.kh, cv.kw]).ok()?;
            (cv.groups, cv.m / cv.groups, taps)
        }
        "conv_transpose_f32" => {
            use abi::conv_transpose as ct;
            let (c, m, groups) = (
                size(params, ct::C).ok()?,
                size(params, ct::M).ok()?,
                size(params, ct::GROUPS).ok()?,
            );
            if groups == 0 || c % groups != 0 || m % groups != 0 {
                return None;
            }
            let taps = product(&[
                size(params, ct::KD).ok()?,
                size(params, ct::KH).ok()?,
                size(params, ct::KW).ok()?,
            ])
            .ok()?;
            let (cg, mg) = (c / groups, m / groups);
            let w: Vec<f32> = bytemuck::pod_collect_to_vec(w);
            if w.len() < product(&[c, mg, taps]).ok()? {
                return None;
            }
            let len = gemm::packed_len(mg * taps, cg);
            let mut out = vec![0.0; groups * len];
            conv_transpose::pack(&w, (groups, cg, mg, taps), &mut out);
            return Some(out);
        }
        _ => return None,
    };
    let w: Vec<f32> = bytemuck::pod_collect_to_vec(w);
    if w.len() < product(&[groups, m, k]).ok()? {
        return None;
    }
    let mut own = Vec::new();
    weights(None, &w, (groups, m, k), &mut own);
    Some(own)
}

/// The first `len` elements of `scratch`, grown if needed.
fn sized(scratch: &mut Vec<f32>, len: usize) -> &mut [f32] {
    if scratch.len() < len {
        scratch.resize(len, 0.0);
    }
    &mut scratch[..len]
}

/// Whether the CPU has AVX and FMA (and so [`Layout::block_fma`] may run).
fn fma_available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx") && std::arch::is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Whether the CPU has AVX2, for the loops compiled twice (plain and with AVX2).
#[cfg(target_arch = "x86_64")]
fn avx2_available() -> bool {
    std::arch::is_x86_feature_detected!("avx2")
}

/// NaN if either is, else the larger: `fmax` in the portable kernels.
fn fmax(a: f32, b: f32) -> f32 {
    if a.is_nan() || b.is_nan() {
        a + b
    } else if a > b {
        a
    } else {
        b
    }
}

/// The one input of a kernel that takes one.
fn one<'a>(inputs: &[&'a [f32]]) -> Result<&'a [f32], String> {
    match *inputs {
        [x] => Ok(x),
        _ => Err(format!("{} inputs, not 1", inputs.len())),
    }
}
