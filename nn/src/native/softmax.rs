//! `softmax_f32`: Softmax, LogSoftmax and Hardmax along one axis, a block of `len * inner`
//! elements at a time, with the portable kernel's `exp` and `log`.
//!
//! The portable kernel computes each `exp` twice (once for the sum, once for the output) and
//! walks the axis with a stride; here each row's exponentials are computed once, in a loop the
//! compiler vectorises (on x86-64 with AVX2 where the CPU has it), into the output, and a block
//! with `inner > 1` is worked column by column through a contiguous copy. The sum is taken in
//! eight lanes, so it may differ from the portable one's in the last bits.

use super::elementary::{exp, log};
use super::parallel::DIRECT_OPS_PER_NS;
use super::{fits, one, product, size, sized, Ctx};
use crate::abi::softmax::{self as sm, AXIS_LEN, INNER, KIND, ROWS};

/// `softmax_f32`. Parameters: [`crate::abi::softmax`].
pub(super) fn softmax(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
) -> Result<(), String> {
    let x = one(inputs)?;
    let (len, inner, rows) = (size(p, AXIS_LEN)?, size(p, INNER)?, size(p, ROWS)?);
    let kind = *p.get(KIND).ok_or("too few parameters")?;
    if len == 0 || inner == 0 || rows == 0 {
        return Ok(());
    }
    if rows % inner != 0 {
        return Err(format!("{rows} rows are not whole blocks of {inner}"));
    }
    let n = product(&[rows, len])?;
    fits("x", x, n)?;
    fits("y", y, n)?;
    let (x, y) = (&x[..n], &mut y[..n]);
    let block = len * inner;
    cx.par.run(n * 8 / DIRECT_OPS_PER_NS, |loops| {
        loops.chunks_with_scratch(y, block, |scratch, b, out| {
            let xs = &x[b * block..][..block];
            if inner == 1 {
                row(kind, xs, out);
                return;
            }
            // Columns through a contiguous copy: the input's, then the result's.
            let column = sized(scratch, 2 * len);
            let (cx, cy) = column.split_at_mut(len);
            for j in 0..inner {
                for (k, c) in cx.iter_mut().enumerate() {
                    *c = xs[k * inner + j];
                }
                row(kind, cx, cy);
                for (k, &c) in cy.iter().enumerate() {
                    out[k * inner + j] = c;
                }
            }
        })
    });
    Ok(())
}

vectorised! {
    /// One row: `xs` to `out`, both `len` long.
    fn row(kind: i32, xs: &[f32], out: &mut [f32]) {
        let out = &mut out[..xs.len()];
        if kind == sm::HARDMAX {
            // The first of the largest, as the portable kernel (NaN is never larger).
            let mut arg = 0;
            let mut max = f32::NEG_INFINITY;
            for (k, &v) in xs.iter().enumerate() {
                if v > max {
                    max = v;
                    arg = k;
                }
            }
            out.fill(0.0);
            out[arg] = 1.0;
            return;
        }
        // NaN is never larger, as in the portable kernel; eight lanes so that it vectorises.
        let mut lanes = [f32::NEG_INFINITY; 8];
        let chunks = xs.chunks_exact(8);
        let mut max = chunks
            .remainder()
            .iter()
            .fold(f32::NEG_INFINITY, |m, &v| if v > m { v } else { m });
        for c in chunks {
            for l in 0..8 {
                if c[l] > lanes[l] {
                    lanes[l] = c[l];
                }
            }
        }
        for l in lanes {
            if l > max {
                max = l;
            }
        }
        for (o, &v) in out.iter_mut().zip(xs) {
            *o = exp(v - max);
        }
        let sum = lane_sum(out);
        if kind == sm::SOFTMAX {
            for o in out.iter_mut() {
                *o /= sum;
            }
        } else {
            let log_sum = log(sum);
            for (o, &v) in out.iter_mut().zip(xs) {
                *o = (v - max) - log_sum;
            }
        }
    }
}

/// The sum of `xs` in eight lanes.
#[inline(always)]
fn lane_sum(xs: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let chunks = xs.chunks_exact(8);
    let tail: f32 = chunks.remainder().iter().sum();
    for c in chunks {
        for l in 0..8 {
            lanes[l] += c[l];
        }
    }
    lanes.iter().sum::<f32>() + tail
}
