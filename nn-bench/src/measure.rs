//! The timing scheme, the same for every runtime (ONNX Runtime's script follows it too): one cold
//! run, timed on its own; warm-up runs; then the timed runs, each timed by itself, summarised by
//! their median and 10th/90th percentiles. A time budget stops slow runtimes early, after a
//! minimum number of timed runs, so that one invocation finishes in minutes.

use std::time::{Duration, Instant};

use serde::Serialize;

/// How many runs to make, and when to stop.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Scheme {
    /// Untimed runs after the cold one (fewer when they take a quarter of the budget).
    pub warmup: usize,
    /// Timed runs (fewer when the budget runs out, but never fewer than `min_runs`).
    pub runs: usize,
    /// The least number of timed runs.
    pub min_runs: usize,
    /// Seconds for the timed runs of one model, case and runtime.
    pub budget_s: f64,
}

/// The timed runs of one model, case and runtime.
#[derive(Clone, Debug, Serialize)]
pub struct Timing {
    /// The cold run: planning, kernel builds and the first upload included.
    pub first_ms: f64,
    /// Warm-up runs made.
    pub warmup: usize,
    /// Each timed run, in order.
    pub times_ms: Vec<f64>,
    /// Their median.
    pub median_ms: f64,
    /// Their 10th percentile.
    pub p10_ms: f64,
    /// Their 90th percentile.
    pub p90_ms: f64,
}

impl Timing {
    /// The summary of `times_ms`, which must not be empty.
    pub fn new(first_ms: f64, warmup: usize, times_ms: Vec<f64>) -> Timing {
        let mut sorted = times_ms.clone();
        sorted.sort_by(f64::total_cmp);
        Timing {
            first_ms,
            warmup,
            median_ms: percentile(&sorted, 0.5),
            p10_ms: percentile(&sorted, 0.1),
            p90_ms: percentile(&sorted, 0.9),
            times_ms,
        }
    }
}

/// The `q` quantile of sorted values, interpolated linearly between the two nearest ranks
/// (numpy's default, which the ONNX Runtime script would give as well).
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let position = q * (sorted.len() - 1) as f64;
    let (low, high) = (position.floor() as usize, position.ceil() as usize);
    sorted[low] + (sorted[high] - sorted[low]) * (position - low as f64)
}

/// Runs `run` by `scheme`, returning the timing and the outputs of the cold and the last runs
/// (both are checked against the reference).
pub fn measure<T, E>(
    scheme: &Scheme,
    mut run: impl FnMut() -> Result<T, E>,
) -> Result<(Timing, T, T), E> {
    let started = Instant::now();
    let first = run()?;
    let first_ms = ms(started.elapsed());

    let warmup_budget = Duration::from_secs_f64(scheme.budget_s / 4.0);
    let started = Instant::now();
    let mut warmup = 0;
    while warmup < scheme.warmup && (warmup == 0 || started.elapsed() < warmup_budget) {
        run()?;
        warmup += 1;
    }

    let budget = Duration::from_secs_f64(scheme.budget_s);
    let started = Instant::now();
    let mut times = Vec::with_capacity(scheme.runs);
    let mut last = None;
    while times.len() < scheme.runs.max(1)
        && (times.len() < scheme.min_runs.max(1) || started.elapsed() < budget)
    {
        let t = Instant::now();
        let out = run()?;
        times.push(ms(t.elapsed()));
        last = Some(out);
    }
    let last = last.expect("at least one timed run");
    Ok((Timing::new(first_ms, warmup, times), first, last))
}

/// Milliseconds.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_like_numpy() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&v, 0.5), 2.5);
        assert!((percentile(&v, 0.1) - 1.3).abs() < 1e-12);
        assert!((percentile(&v, 0.9) - 3.7).abs() < 1e-12);
        assert_eq!(percentile(&[5.0], 0.9), 5.0);
    }

    #[test]
    fn the_budget_stops_after_the_minimum() {
        let scheme = Scheme {
            warmup: 2,
            runs: 100,
            min_runs: 3,
            budget_s: 0.0,
        };
        let mut calls = 0;
        let (timing, _, _) = measure(&scheme, || {
            calls += 1;
            Ok::<_, ()>(calls)
        })
        .unwrap();
        assert_eq!(timing.times_ms.len(), 3);
        assert_eq!(timing.warmup, 1);
        assert_eq!(calls, 1 + 1 + 3);
    }
}
