//! PRK dgemm: `C += A * B` in PRK's tiled loop nest, as the guest: per `block`-wide slab of `k`,
//! one parallel loop with a task per `block x block` tile of `C`, running the i-k-j loops.
//!
//! The innermost loop is the plain one, which LLVM vectorizes. (The guest updates full-width
//! tile rows as `[T; block]` arrays, which Cranelift compiles better; natively that form is about
//! a third slower than this loop, so the baseline does not take it.)

use anyhow::bail;
use rayon::prelude::*;

use super::{close, timed, Measured, Real};

/// One task's tile of `C`: its first row and column, and its row pieces.
struct Tile<'a, T> {
    i0: usize,
    j0: usize,
    rows: Vec<&'a mut [T]>,
}

/// `iterations + 1` passes of `C += A * B` for `order x order` matrices in `block x block` tiles,
/// the first untimed.
pub fn run<T: Real>(
    pool: &rayon::ThreadPool,
    iterations: usize,
    order: usize,
    block: usize,
) -> anyhow::Result<Measured> {
    let n = order;
    let block = block.clamp(1, n.max(1));
    let count = n.div_ceil(block);
    // A[i][j] = B[i][j] = i.
    let a: Vec<T> = (0..n * n).map(|ij| T::of((ij / n) as f64)).collect();
    let b = a.clone();
    let mut c = vec![T::ZERO; n * n];
    let mut work: Vec<Tile<T>> = (0..count * count)
        .map(|t| Tile {
            i0: t / count * block,
            j0: t % count * block,
            rows: Vec::with_capacity(block),
        })
        .collect();
    for (i, row) in c.chunks_mut(n).enumerate() {
        for (tj, piece) in row.chunks_mut(block).enumerate() {
            work[i / block * count + tj].rows.push(piece);
        }
    }
    let seconds = timed(pool, iterations, |_| {
        for k0 in (0..n).step_by(block) {
            let k1 = (k0 + block).min(n);
            work.par_iter_mut().for_each(|Tile { i0, j0, rows }| {
                for (i, c_row) in (*i0..).zip(rows.iter_mut()) {
                    for k in k0..k1 {
                        let a_ik = a[i * n + k];
                        let b_row = &b[k * n + *j0..k * n + *j0 + c_row.len()];
                        for (c, b) in c_row.iter_mut().zip(b_row) {
                            *c += a_ik * *b;
                        }
                    }
                }
            });
        }
    });
    drop(work);
    let order = n as f64;
    let reference = 0.25 * order.powi(3) * (order - 1.0).powi(2) * (iterations + 1) as f64;
    let checksum: f64 = c.iter().map(|x| x.to_f64()).sum();
    if !close(checksum, reference, if T::SINGLE { 1e-4 } else { 1e-8 }) {
        bail!("native dgemm did not validate: expected {reference}, got {checksum}");
    }
    Ok(Measured {
        rate: 1e-6 * 2.0 * order.powi(3) / seconds,
        seconds,
    })
}
