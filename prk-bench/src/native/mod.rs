//! Native Rust baselines of the PRK kernels: rayon on a pool of the benchmark's thread count,
//! with the same sizes, decomposition and validation as the guests.

pub mod dgemm;
pub mod nstream;
pub mod p2p;
pub mod random;
pub mod reduce;
pub mod sparse;
pub mod stencil;
pub mod transpose;

use anyhow::Context as _;

/// A validated native run.
#[derive(Clone, Copy, Debug)]
pub struct Measured {
    /// PRK's rate, in the kernel's unit.
    pub rate: f64,
    /// Average seconds per timed iteration.
    pub seconds: f64,
}

/// A rayon pool of `threads` workers.
pub fn pool(threads: usize) -> anyhow::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the native thread pool")
}

/// The floating-point element of a baseline: `f64`, or `f32` to match a guest run with `--f32`.
pub trait Real:
    Copy
    + Send
    + Sync
    + PartialOrd
    + std::fmt::Debug
    + std::ops::Add<Output = Self>
    + std::ops::Sub<Output = Self>
    + std::ops::Mul<Output = Self>
    + std::ops::Div<Output = Self>
    + std::ops::AddAssign
    + std::ops::SubAssign
    + std::iter::Sum
    + 'static
{
    /// Zero.
    const ZERO: Self;
    /// Whether this is `f32`, whose PRK tolerances are wider.
    const SINGLE: bool;
    /// The value nearest to `value`.
    fn of(value: f64) -> Self;
    /// The value as `f64`, exactly.
    fn to_f64(self) -> f64;
}

impl Real for f64 {
    const ZERO: f64 = 0.0;
    const SINGLE: bool = false;
    fn of(value: f64) -> f64 {
        value
    }
    fn to_f64(self) -> f64 {
        self
    }
}

impl Real for f32 {
    const ZERO: f32 = 0.0;
    const SINGLE: bool = true;
    fn of(value: f64) -> f32 {
        value as f32
    }
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
}

/// Runs `pass` `iterations + 1` times on `pool` and returns the average seconds of the timed
/// ones (all but the first), as the guests time themselves.
pub fn timed(
    pool: &rayon::ThreadPool,
    iterations: usize,
    mut pass: impl FnMut(usize) + Send,
) -> f64 {
    pool.install(|| {
        let mut start = std::time::Instant::now();
        for k in 0..=iterations {
            if k == 1 {
                start = std::time::Instant::now();
            }
            pass(k);
        }
        start.elapsed().as_secs_f64() / iterations.max(1) as f64
    })
}

/// PRK's relative check: `(observed - expected) / expected` within `epsilon`.
pub fn close(observed: f64, expected: f64, epsilon: f64) -> bool {
    ((observed - expected) / expected).abs() <= epsilon
}
