//! Native Rust baselines of the PRK kernels: rayon on a pool of the benchmark's thread count,
//! the same sizes, block decomposition and validation as the guests.

use std::time::Instant;

use anyhow::{bail, Context as _};
use rayon::prelude::*;

/// A validated native run.
pub struct Measured {
    /// PRK's rate (MB/s for nstream).
    pub rate: f64,
    /// Average seconds per timed iteration.
    pub seconds: f64,
}

/// PRK nstream: `A[i] += B[i] + 3 * C[i]`, `iterations + 1` passes, the first untimed.
pub fn nstream(
    threads: usize,
    iterations: usize,
    length: usize,
    block: usize,
) -> anyhow::Result<Measured> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the native thread pool")?;
    let scalar = 3.0;
    let mut a = vec![0.0f64; length];
    let b = vec![2.0f64; length];
    let c = vec![2.0f64; length];
    let mut start = Instant::now();
    for k in 0..=iterations {
        if k == 1 {
            start = Instant::now();
        }
        pool.install(|| {
            a.par_chunks_mut(block)
                .zip(b.par_chunks(block))
                .zip(c.par_chunks(block))
                .for_each(|((a, b), c)| {
                    for ((a, b), c) in a.iter_mut().zip(b).zip(c) {
                        *a += b + scalar * c;
                    }
                });
        });
    }
    let elapsed = start.elapsed().as_secs_f64();
    let expected = (iterations + 1) as f64 * (2.0 + scalar * 2.0) * length as f64;
    let sum: f64 = a.iter().map(|x| x.abs()).sum();
    if ((expected - sum) / sum).abs() > 1e-8 {
        bail!("native nstream did not validate: expected {expected}, got {sum}");
    }
    let seconds = elapsed / iterations as f64;
    let bytes = 4.0 * length as f64 * std::mem::size_of::<f64>() as f64;
    Ok(Measured {
        rate: 1e-6 * bytes / seconds,
        seconds,
    })
}
