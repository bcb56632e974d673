//! `gemm_f32`, MatMul and Gemm of any shape: batched, broadcast, transposed, with alpha, beta and
//! C, on the GEMM of the convolutions ([`gemm`]). Per batch, the left operand is packed (scaled
//! by alpha) and the right one used in place when it is row-major, or copied row-major first.
//! A few rows (a decoder's one token) are a row at a time instead ([`gemv`]), reading the right
//! operand in place whether its rows or its columns are contiguous.

use super::parallel::{DIRECT_OPS_PER_NS, GEMM_OPS_PER_NS};
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

    // Batches that share B (broadcast) and whose rows of A follow one another are one product
    // of their rows stacked: a decoder's [t, 1, k] times [k, n], as one GEMM rather than t
    // vector products.
    let (m, batches) = if !has_c && batches > 1 && stacked(&dims, &a_batch, &b_batch, m * ar) {
        dims = [1; g::BATCH_RANK];
        (m * batches, 1)
    } else {
        (m, batches)
    };
    if m <= GEMV_ROWS && (bc == 1 || br == 1) {
        gemv(
            a,
            b,
            (m, n, k),
            (ar, ac, br, bc),
            (&dims, &a_batch, &b_batch),
            alpha,
            y,
            cx,
        );
        if has_c {
            for yb in y.chunks_exact_mut(m * n).take(batches) {
                add_c(yb, n, beta, c, (cr, cc));
            }
        }
        return Ok(());
    }
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
                add_c(yb, n, beta, c, (cr, cc));
            }
        }
    });
    Ok(())
}

/// `Y += beta * C` for one batch of rows `n` long.
fn add_c(yb: &mut [f32], n: usize, beta: f32, c: &[f32], (cr, cc): (usize, usize)) {
    for (row, yr) in yb.chunks_exact_mut(n).enumerate() {
        for (col, v) in yr.iter_mut().enumerate() {
            *v += beta * c[row * cr + col * cc];
        }
    }
}

/// Up to this many rows, a product is computed a row at a time (a vector times a matrix: a
/// decoder's one token, attention's one query), rather than as the GEMM, whose micro-kernel works
/// on [`gemm::MR`] rows and which packs the left operand.
const GEMV_ROWS: usize = 4;

/// Columns of a row handed out at a time.
const GEMV_COLUMNS: usize = 64;

/// `Y = alpha * A' B'` a row of A' at a time, for B' with contiguous rows (`bc == 1`: each row of
/// A' scales B's rows into Y's) or contiguous columns (`br == 1`: dot products). The operands'
/// reach is checked by the caller.
#[allow(
    clippy::too_many_arguments,
    reason = "the product's shape, as the GEMM takes it"
)]
fn gemv(
    a: &[f32],
    b: &[f32],
    (m, n, k): (usize, usize, usize),
    (ar, ac, br, bc): (usize, usize, usize, usize),
    (dims, a_batch, b_batch): (&[usize], &[usize], &[usize]),
    alpha: f32,
    y: &mut [f32],
    cx: Ctx<'_>,
) {
    let batches: usize = dims.iter().product();
    let rows = batches * m;
    // Where row r of A' and its batch of B' begin.
    let offsets = |r: usize| {
        let (batch, row) = (r / m, r % m);
        let (mut rest, mut ao, mut bo) = (batch, 0, 0);
        for d in (0..dims.len()).rev() {
            let coord = rest % dims[d];
            rest /= dims[d];
            ao += coord * a_batch[d];
            bo += coord * b_batch[d];
        }
        (ao + row * ar, bo)
    };
    // Row r of A', scaled by alpha as the GEMM's packing does, into `row_a`.
    let load = |at: usize, row_a: &mut [f32]| {
        for (kk, v) in row_a.iter_mut().enumerate() {
            *v = alpha * a[at + kk * ac];
        }
    };
    // `out`, columns `first..` of a row, from A's row and B's batch at `bo`.
    let columns = |row_a: &[f32], bo: usize, first: usize, out: &mut [f32]| {
        if bc == 1 {
            axpys(row_a, &b[bo + first..], br, out);
        } else {
            dots(row_a, &b[bo + first * bc..], bc, out);
        }
    };
    let y = &mut y[..rows * n];
    cx.par.run(rows * n * k / DIRECT_OPS_PER_NS, |loops| {
        if rows >= 2 * loops.tasks() {
            // Rows enough for every thread: a row per task.
            loops.chunks_with_scratch(y, n, |scratch, r, yr| {
                let (at, bo) = offsets(r);
                scratch.resize(k, 0.0);
                load(at, scratch);
                columns(scratch, bo, 0, yr);
            });
            return;
        }
        // A few rows: each one's columns shared out.
        let scratch = cx.scratch;
        scratch.resize(k, 0.0);
        for (r, yr) in y.chunks_exact_mut(n).enumerate() {
            let (at, bo) = offsets(r);
            load(at, &mut scratch[..k]);
            let row_a = &scratch[..k];
            loops.chunks(yr, GEMV_COLUMNS, |chunk, out| {
                columns(row_a, bo, chunk * GEMV_COLUMNS, out)
            });
        }
    });
}

vectorised! {
    /// `out[j] = row . b[j * stride..][..row.len()]`: dot products with B's contiguous columns.
    fn dots(row: &[f32], b: &[f32], stride: usize, out: &mut [f32]) {
        for (j, o) in out.iter_mut().enumerate() {
            *o = super::pointwise::dot(row, &b[j * stride..][..row.len()]);
        }
    }
}

vectorised! {
    /// `out = sum over kk of row[kk] * b[kk * stride..][..out.len()]`: B's rows scaled into Y's.
    fn axpys(row: &[f32], b: &[f32], stride: usize, out: &mut [f32]) {
        out.fill(0.0);
        let n = out.len();
        for (kk, &s) in row.iter().enumerate() {
            for (o, &v) in out.iter_mut().zip(&b[kk * stride..][..n]) {
                *o += s * v;
            }
        }
    }
}
/// Whether every batch dimension that is not 1 broadcasts B (stride 0) and steps A by whole
/// batches of rows: `rows` (m times A's row stride) for the innermost such dimension, and each
/// outer one by the inner ones' extent.
fn stacked(dims: &[usize], a_batch: &[usize], b_batch: &[usize], rows: usize) -> bool {
    let mut expected = rows;
    for d in (0..dims.len()).rev() {
        if dims[d] == 1 {
            continue;
        }
        if b_batch[d] != 0 || a_batch[d] != expected {
            return false;
        }
        let Some(next) = expected.checked_mul(dims[d]) else {
            return false;
        };
        expected = next;
    }
    true
}
