//! `gemm_f32`, MatMul and Gemm of any shape: batched, broadcast, transposed, with alpha, beta and
//! C, on the GEMM of the convolutions ([`gemm`]). Per batch, the left operand is packed (scaled
//! by alpha) and the right one used in place when it is row-major, or copied row-major first.

use super::parallel::GEMM_OPS_PER_NS;
use super::{fits, float, gemm, product, size, Ctx};
use crate::abi::gemm as g;

/// `gemm_f32`: `Y = alpha * A' B' + beta * C` per batch. Parameters: [`crate::abi::gemm`].
pub(super) fn matmul(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
) -> Result<(), String> {
    let [a, b, c] = match *inputs {
        [a, b, c] => [a, b, c],
        _ => return Err(format!("{} inputs, not 3", inputs.len())),
    };
    let (m, n, k) = (size(p, g::M)?, size(p, g::N)?, size(p, g::K)?);
    let (ar, ac) = (size(p, g::A_ROW)?, size(p, g::A_COL)?);
    let (br, bc) = (size(p, g::B_ROW)?, size(p, g::B_COL)?);
    let (alpha, beta) = (float(p, g::ALPHA)?, float(p, g::BETA)?);
    let has_c = size(p, g::HAS_C)? != 0;
    let (cr, cc) = (size(p, g::C_ROW)?, size(p, g::C_COL)?);
    let mut dims = [0usize; g::BATCH_RANK];
    let mut a_batch = [0usize; g::BATCH_RANK];
    let mut b_batch = [0usize; g::BATCH_RANK];
    for d in 0..g::BATCH_RANK {
        dims[d] = size(p, g::BATCH_DIMS + d)?;
        a_batch[d] = size(p, g::A_BATCH + d)?;
        b_batch[d] = size(p, g::B_BATCH + d)?;
    }
    let batches = product(&dims)?;
    // The furthest element each operand is read at, checked against its buffer.
    let last = |strides: &[usize], extent: &[usize]| -> Result<usize, String> {
        strides
            .iter()
            .zip(extent)
            .try_fold(0usize, |acc, (&s, &e)| {
                e.checked_sub(1)
                    .map_or(Some(acc), |e| acc.checked_add(e.checked_mul(s)?))
                    .ok_or_else(|| "offsets overflow".to_string())
            })
    };
    let reach =
        |rows: (usize, usize), cols: (usize, usize), batch: &[usize]| -> Result<usize, String> {
            let within = last(&[rows.0, cols.0], &[rows.1, cols.1])?;
            within
                .checked_add(last(batch, &dims)?)
                .ok_or_else(|| "offsets overflow".to_string())
        };
    if batches == 0 || m == 0 || n == 0 {
        return Ok(());
    }
    if k > 0 {
        fits("A", a, reach((ar, m), (ac, k), &a_batch)? + 1)?;
        fits("B", b, reach((br, k), (bc, n), &b_batch)? + 1)?;
    }
    if has_c {
        fits("C", c, last(&[cr, cc], &[m, n])? + 1)?;
    }
    fits("Y", y, product(&[batches, m, n])?)?;

    let row_major_b = bc == 1 && br == n;
    let packed_len = gemm::packed_len(m, k);
    let scratch = cx.scratch;
    let need = packed_len + if row_major_b { 0 } else { k * n };
    if scratch.len() < need {
        scratch.resize(need, 0.0);
    }
    let (packed, copy) = scratch.split_at_mut(packed_len);
    let epilogue = gemm::Epilogue {
        bias: None,
        act: (crate::abi::unary::IDENTITY, 0.0, 0.0),
    };
    let macs = product(&[batches, m, n, k.max(1)])?;
    cx.par.run(macs / GEMM_OPS_PER_NS, |loops| {
        for (batch, yb) in y.chunks_exact_mut(m * n).take(batches).enumerate() {
            let (mut rest, mut ao, mut bo) = (batch, 0, 0);
            for d in (0..g::BATCH_RANK).rev() {
                let coord = rest % dims[d];
                rest /= dims[d];
                ao += coord * a_batch[d];
                bo += coord * b_batch[d];
            }
            // A' (m x k), scaled by alpha, packed in strips as the GEMM takes its left operand.
            gemm::pack_with(m, k, packed, |row, kk| alpha * a[ao + row * ar + kk * ac]);
            let (x, ldx): (&[f32], usize) = if row_major_b {
                (&b[bo..], n)
            } else {
                for (kk, row) in copy.chunks_exact_mut(n).take(k).enumerate() {
                    for (col, v) in row.iter_mut().enumerate() {
                        *v = b[bo + kk * br + col * bc];
                    }
                }
                (&copy[..], n)
            };
            gemm::gemm(loops, packed, (m, k, n), x, ldx, yb, n, epilogue);
            if has_c {
                for (row, yr) in yb.chunks_exact_mut(n).enumerate() {
                    for (col, v) in yr.iter_mut().enumerate() {
                        *v += beta * c[row * cr + col * cc];
                    }
                }
            }
        }
    });
    Ok(())
}
