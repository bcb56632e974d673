//! PRK nstream: `A[i] += B[i] + 3 * C[i]`, in blocks of `block` elements per task.

use anyhow::bail;
use rayon::prelude::*;

use super::{close, timed, Measured, Real};

/// `iterations + 1` passes over vectors of `length`, the first untimed.
pub fn run<T: Real>(
    pool: &rayon::ThreadPool,
    iterations: usize,
    length: usize,
    block: usize,
) -> anyhow::Result<Measured> {
    let scalar = T::of(3.0);
    let mut a = vec![T::ZERO; length];
    let b = vec![T::of(2.0); length];
    let c = vec![T::of(2.0); length];
    let seconds = timed(pool, iterations, |_| {
        a.par_chunks_mut(block)
            .zip(b.par_chunks(block))
            .zip(c.par_chunks(block))
            .for_each(|((a, b), c)| {
                for ((a, b), c) in a.iter_mut().zip(b).zip(c) {
                    *a += *b + scalar * *c;
                }
            });
    });
    let expected = (iterations + 1) as f64 * (2.0 + 3.0 * 2.0) * length as f64;
    let sum: f64 = a.iter().map(|x| x.to_f64().abs()).sum();
    if !close(sum, expected, if T::SINGLE { 1e-4 } else { 1e-8 }) {
        bail!("native nstream did not validate: expected {expected}, got {sum}");
    }
    let bytes = 4.0 * length as f64 * std::mem::size_of::<T>() as f64;
    Ok(Measured {
        rate: 1e-6 * bytes / seconds,
        seconds,
    })
}
