//! `quantize_f32` and `dequantize`: QuantizeLinear and DequantizeLinear natively, computed as
//! the portable kernels compute them (the same scale index, the same rounding, saturation and
//! NaN rule), over chunks of the tensor on the team's threads. The integer buffers reach here as
//! the f32 words the executor hands every native kernel, and are read as the bytes they are
//! (the executor rounds every buffer up to whole words).

use super::parallel::ELEMENTS_PER_NS;
use super::{fits, size, Ctx};
use crate::abi::quant::{self as q, *};

/// Where element `i` finds its scale and zero point: `quant_index` of the portable kernels.
#[derive(Clone, Copy)]
struct Layout {
    axis_len: usize,
    inner: usize,
    block: usize,
    outer_stride: usize,
    block_stride: usize,
    inner_stride: usize,
}

impl Layout {
    fn new(p: &[i32]) -> Result<Layout, String> {
        let l = Layout {
            axis_len: size(p, AXIS_LEN)?,
            inner: size(p, INNER)?,
            block: size(p, BLOCK)?,
            outer_stride: size(p, OUTER_STRIDE)?,
            block_stride: size(p, BLOCK_STRIDE)?,
            inner_stride: size(p, INNER_STRIDE)?,
        };
        if l.axis_len == 0 || l.inner == 0 || l.block == 0 {
            return Err("a zero axis length, inner size or block".into());
        }
        Ok(l)
    }

    #[inline]
    fn index(self, i: usize) -> usize {
        if self.axis_len == 1 && self.outer_stride == 0 {
            return 0;
        }
        let a = (i / self.inner) % self.axis_len;
        (i / (self.inner * self.axis_len)) * self.outer_stride
            + (a / self.block) * self.block_stride
            + (i % self.inner) * self.inner_stride
    }

    /// The highest scale index any of `count` elements takes (they are checked against it).
    fn last_index(self, count: usize) -> usize {
        if count == 0 {
            return 0;
        }
        // The index grows with each of its three terms' arguments: the last element's outer
        // block, the axis's last coordinate and the last inner offset bound it.
        let outer = (count - 1) / (self.inner * self.axis_len);
        outer * self.outer_stride
            + ((self.axis_len - 1) / self.block) * self.block_stride
            + (self.inner - 1) * self.inner_stride
    }
}

/// Integer element `i` of kind `kind`.
#[inline]
fn read(bytes: &[u8], kind: i32, i: usize) -> i32 {
    match kind {
        U8 => bytes[i] as i32,
        I8 => bytes[i] as i8 as i32,
        _ => i32::from_le_bytes(bytes[4 * i..4 * i + 4].try_into().expect("4 bytes")),
    }
}

fn kind_size(kind: i32) -> Result<usize, String> {
    match kind {
        U8 | I8 => Ok(1),
        q::I32 => Ok(4),
        other => Err(format!("integer kind {other}")),
    }
}

/// `t` rounded to the nearest integer, ties to even, as Wasm's `f32.nearest`; NaN stays NaN.
/// Without SSE4.1 `f32::round_ties_even` is a library call per element; adding and removing
/// 1.5 * 2^23 rounds in the FPU's default mode instead, exactly for |t| < 2^22, and beyond
/// that the result saturates to the integer type's range either way.
#[inline]
fn round_half_even(t: f32) -> f32 {
    use super::elementary::ROUND_SHIFT as SHIFT;
    const LIMIT: f32 = 4_194_304.0;
    if t.is_nan() {
        return t;
    }
    let t = t.clamp(-LIMIT, LIMIT);
    (t + SHIFT) - SHIFT
}

/// Elements per chunk handed to a thread.
const CHUNK: usize = 8192;

/// What both kernels read from their parameters, scales and zero points, checked against the
/// buffers once.
struct Job<'a> {
    layout: Layout,
    count: usize,
    kind: i32,
    scale: &'a [f32],
    zero: Option<&'a [u8]>,
}

impl<'a> Job<'a> {
    /// The job, and the data input (x), from the kernel's parameters and its three inputs
    /// (x, scale, zero point).
    fn new(p: &[i32], inputs: &[&'a [f32]]) -> Result<(Job<'a>, &'a [f32]), String> {
        let [x, scale, zero] = *inputs else {
            return Err(format!("{} inputs, not 3", inputs.len()));
        };
        let (layout, count) = (Layout::new(p)?, size(p, COUNT)?);
        let kind = *p.get(KIND).ok_or("too few parameters")?;
        let width = kind_size(kind)?;
        let has_zero = *p.get(HAS_ZERO_POINT).ok_or("too few parameters")? != 0;
        let last = layout.last_index(count);
        fits("scale", scale, last + 1)?;
        let zero: &[u8] = bytemuck::cast_slice(zero);
        if has_zero && zero.len() < (last + 1) * width {
            return Err(format!("the zero point holds {} bytes", zero.len()));
        }
        let job = Job {
            layout,
            count,
            kind,
            scale,
            zero: has_zero.then_some(zero),
        };
        Ok((job, x))
    }

    /// Whether every element has the same scale and zero point (index 0): a per-tensor one, or a
    /// per-axis one along an axis of length 1.
    fn uniform(&self) -> bool {
        self.layout.last_index(self.count) == 0
    }

    /// Element `i`'s scale and zero point.
    #[inline]
    fn params(&self, i: usize) -> (f32, i32) {
        let q = self.layout.index(i);
        let z = self.zero.map_or(0, |z| read(z, self.kind, q));
        (self.scale[q], z)
    }
}

/// `quantize_f32`: `saturate(round_half_even(x / scale) + zero_point)`. Parameters:
/// [`crate::abi::quant`] (`COUNT` the elements); buffers x, scale, zero point, y.
pub(super) fn quantize(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
) -> Result<(), String> {
    let (job, x) = Job::new(p, inputs)?;
    let (count, kind) = (job.count, job.kind);
    if kind_size(kind)? != 1 {
        return Err(format!("quantize to kind {kind}"));
    }
    fits("x", x, count)?;
    let y: &mut [u8] = bytemuck::cast_slice_mut(y);
    if y.len() < count {
        return Err(format!("y holds {} bytes, {count} needed", y.len()));
    }
    let (low, high) = if kind == U8 {
        (0.0, 255.0)
    } else {
        (-128.0, 127.0)
    };
    let (x, y) = (&x[..count], &mut y[..count]);
    let uniform = job.uniform();
    cx.par.run(count / ELEMENTS_PER_NS, |loops| {
        loops.chunks(y, CHUNK, |chunk, out| {
            let first = chunk * CHUNK;
            let xs = &x[first..][..out.len()];
            if uniform {
                let (s, z) = job.params(0);
                quantize_run(xs, out, s, z, low, high);
                return;
            }
            for (k, (o, &v)) in out.iter_mut().zip(xs).enumerate() {
                let (s, z) = job.params(first + k);
                *o = quantize_one(v, s, z, (low, high));
            }
        })
    });
    Ok(())
}

/// One element quantised with scale `s` and zero point `z`, saturated to `(low, high)`.
#[inline(always)]
fn quantize_one(v: f32, s: f32, z: i32, (low, high): (f32, f32)) -> u8 {
    // A zero scale quantises everything to the zero point.
    let v = if s == 0.0 {
        z as f32
    } else {
        round_half_even(v / s) + z as f32
    };
    let v = if v.is_nan() {
        0.0
    } else {
        v.max(low).min(high)
    };
    v as i32 as u8
}

vectorised! {
    /// [`quantize_one`] over a run with one scale and zero point, saturated to `low..=high`.
    fn quantize_run(xs: &[f32], out: &mut [u8], s: f32, z: i32, low: f32, high: f32) {
        for (o, &v) in out.iter_mut().zip(xs) {
            *o = quantize_one(v, s, z, (low, high));
        }
    }
}

vectorised! {
    /// A run with one scale and zero point dequantised, a loop per integer kind. The bytes are
    /// those of elements `first..first + out.len()`.
    fn dequantize_run(x: &[u8], kind: i32, first: usize, out: &mut [f32], s: f32, z: i32) {
        let n = out.len();
        match kind {
            // A byte less a byte's zero point fits in i32.
            U8 => {
                for (o, &b) in out.iter_mut().zip(&x[first..first + n]) {
                    *o = (b as i32 - z) as f32 * s;
                }
            }
            I8 => {
                for (o, &b) in out.iter_mut().zip(&x[first..first + n]) {
                    *o = (b as i8 as i32 - z) as f32 * s;
                }
            }
            _ => {
                for (k, o) in out.iter_mut().enumerate() {
                    *o = (read(x, kind, first + k) as i64 - z as i64) as f32 * s;
                }
            }
        }
    }
}

/// `dequantize`: `(x - zero_point) * scale` from u8, i8 or i32. Parameters:
/// [`crate::abi::quant`] (`COUNT` the elements); buffers x, scale, zero point, y.
pub(super) fn dequantize(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
) -> Result<(), String> {
    let (job, x) = Job::new(p, inputs)?;
    let (count, kind, width) = (job.count, job.kind, kind_size(job.kind)?);
    let x: &[u8] = bytemuck::cast_slice(x);
    if x.len() < count * width {
        return Err(format!(
            "x holds {} bytes, {} needed",
            x.len(),
            count * width
        ));
    }
    fits("y", y, count)?;
    let y = &mut y[..count];
    let uniform = job.uniform();
    cx.par.run(count / ELEMENTS_PER_NS, |loops| {
        loops.chunks(y, CHUNK, |chunk, out| {
            let first = chunk * CHUNK;
            if uniform {
                let (s, z) = job.params(0);
                dequantize_run(x, kind, first, out, s, z);
                return;
            }
            for (k, o) in out.iter_mut().enumerate() {
                let i = first + k;
                let (s, z) = job.params(i);
                // i32 data less its zero point may overflow i32: subtract in i64.
                let d = (read(x, kind, i) as i64 - z as i64) as f32;
                *o = d * s;
            }
        })
    });
    Ok(())
}
