//! `conv1x1_f32`, the pointwise convolution: per image, one GEMM of the weights (packed once per
//! plan) and the input planes, the bias and the activation applied in registers; or, for a few
//! pixels (squeeze-and-excitation, a classifier's head), dot products.

use super::parallel::{DIRECT_OPS_PER_NS, GEMM_OPS_PER_NS};
use super::{activate, fits, float, gemm, product, size, sized, three, weights, Ctx};
use crate::abi;

/// `conv1x1_f32`: `y[n, oc, p] = bias[oc] + sum over ci of w[oc, ci] x[n, ci, p]`, then the
/// activation. Parameters: [`abi::conv1x1`].
pub(super) fn conv1x1(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
) -> Result<(), String> {
    let Ctx {
        scratch,
        par,
        packed,
    } = cx;
    let [x, w, bias] = three(inputs)?;
    use abi::conv1x1::{ACT, ACT_A, ACT_B, C, HAS_BIAS, M, N, PLANE};
    let (n, c, plane, m) = (size(p, N)?, size(p, C)?, size(p, PLANE)?, size(p, M)?);
    let has_bias = size(p, HAS_BIAS)? != 0;
    let code = p.get(ACT).copied().unwrap_or(0);
    let (act_a, act_b) = (float(p, ACT_A)?, float(p, ACT_B)?);
    fits("x", x, product(&[n, c, plane])?)?;
    fits("w", w, product(&[m, c])?)?;
    fits("y", y, product(&[n, m, plane])?)?;
    if has_bias {
        fits("bias", bias, m)?;
    }
    let bias_of = |oc: usize| if has_bias { bias[oc] } else { 0.0 };
    let y = &mut y[..n * m * plane];
    let macs = n * m * plane * c;
    if plane < GEMV_PLANE {
        // A few pixels (squeeze-and-excitation, a classifier's head): dot products, which do not
        // pack the whole weight matrix as a GEMM would.
        let columns = sized(scratch, product(&[n, plane, c])?);
        for (col, xcol) in columns.chunks_exact_mut(c.max(1)).enumerate() {
            let (i, px) = (col / plane, col % plane);
            for (ci, v) in xcol.iter_mut().enumerate() {
                *v = x[(i * c + ci) * plane + px];
            }
        }
        let columns = &*columns;
        par.run(macs / DIRECT_OPS_PER_NS, |loops| {
            loops.chunks(y, plane, |row, out| {
                let (i, oc) = (row / m, row % m);
                let wrow = &w[oc * c..][..c];
                for (px, o) in out.iter_mut().enumerate() {
                    let xcol = &columns[(i * plane + px) * c..][..c];
                    *o = bias_of(oc) + dot(wrow, xcol);
                }
                activate(code, act_a, act_b, out);
            })
        });
        return Ok(());
    }
    let mut own = Vec::new();
    let packed = weights(packed, w, (1, m, c), &mut own);
    let epilogue = gemm::Epilogue {
        bias: has_bias.then(|| &bias[..m]),
        act: (code, act_a, act_b),
    };
    par.run(macs / GEMM_OPS_PER_NS, |loops| {
        for (i, yi) in y.chunks_mut(m * plane).enumerate() {
            let xi = &x[i * c * plane..][..c * plane];
            gemm::gemm(loops, packed, (m, c, plane), xi, plane, yi, plane, epilogue);
        }
    });
    Ok(())
}

/// Below this many pixels a pointwise convolution is computed as dot products.
pub(super) const GEMV_PLANE: usize = 8;

/// `a . b`, in 8 independent lanes (which the compiler turns into vector registers).
#[inline(always)]
pub(super) fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for l in 0..8 {
            lanes[l] += x[l] * y[l];
        }
    }
    lanes.iter().sum::<f32>() + tail
}
