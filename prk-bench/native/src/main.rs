//! Native Rust baselines of the PRK kernels: rayon on a pool of the benchmark's thread count,
//! with the same sizes, decomposition and validation as the guests.
//!
//! `prk-native <kernel> <threads> <the guest's arguments> [--f32]` runs one kernel with the
//! command line its guest takes (see prk-bench's `kernels.rs`) and prints
//! `Rate: <rate> Avg time (s): <seconds>` once it validates. prk-bench builds it with
//! `-C target-cpu=native`, as people build the native code they compare against.

mod dgemm;
mod nstream;
mod p2p;
mod random;
mod reduce;
mod sparse;
mod stencil;
mod transpose;

use std::process::ExitCode;

use anyhow::{bail, Context as _};

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

/// Argument `k` of `args`, as a number.
fn number(args: &[String], k: usize) -> anyhow::Result<usize> {
    let arg = args
        .get(k)
        .with_context(|| format!("argument {} is missing", k + 1))?;
    arg.parse()
        .with_context(|| format!("argument {} (`{arg}`) is not a number", k + 1))
}

/// Runs `kernel` with the guest's arguments `args`, in `f32` if `single`.
fn run(
    pool: &rayon::ThreadPool,
    kernel: &str,
    args: &[String],
    single: bool,
) -> anyhow::Result<Measured> {
    let n = |k| number(args, k);
    macro_rules! real {
        ($kernel:ident, $($arg:expr),*) => {
            if single {
                $kernel::run::<f32>(pool, $($arg),*)
            } else {
                $kernel::run::<f64>(pool, $($arg),*)
            }
        };
    }
    match kernel {
        "nstream" => real!(nstream, n(0)?, n(1)?, n(2)?),
        "transpose" => real!(transpose, n(0)?, n(1)?, n(2)?),
        "stencil" => {
            let star = match args.get(3).map(String::as_str) {
                Some("star") | None => true,
                Some("grid") => false,
                Some(other) => bail!("stencil shape `{other}`: `star` or `grid`"),
            };
            real!(stencil, n(0)?, n(1)?, n(2)?, star)
        }
        "dgemm" => real!(dgemm, n(0)?, n(1)?, n(2)?),
        "p2p" => real!(p2p, n(0)?, n(1)?, n(2)?, n(3)?),
        "sparse" => real!(sparse, n(0)?, n(1)?, n(2)?, n(3)?),
        // PRK's RandomAccess: table log2 size, update ratio, streams, then iterations; integers.
        "random" => random::run(pool, n(3)?, n(0)?, n(1)?, n(2)?),
        "reduce" => real!(reduce, n(0)?, n(1)?, n(2)?, n(3)?),
        other => bail!("no kernel `{other}`"),
    }
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let single = args.iter().any(|a| a == "--f32");
    args.retain(|a| a != "--f32");
    let outcome = (|| {
        let [kernel, threads, rest @ ..] = args.as_slice() else {
            bail!("usage: prk-native <kernel> <threads> <the guest's arguments> [--f32]");
        };
        let threads = threads
            .parse()
            .with_context(|| format!("threads `{threads}` is not a number"))?;
        run(&pool(threads)?, kernel, rest, single)
    })();
    match outcome {
        Ok(m) => {
            println!("Rate: {} Avg time (s): {}", m.rate, m.seconds);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prk-native: {e:#}");
            ExitCode::FAILURE
        }
    }
}
