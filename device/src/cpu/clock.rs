//! A ticking clock for kernel time limits.
//!
//! Wasmtime interrupts running Wasm through *epochs*: generated code checks the engine's epoch
//! counter at loop back-edges and function entries, and traps when it passes the store's deadline.
//! A [`KernelClock`] owns the thread that advances the epoch at a fixed period and counts the
//! ticks, so that a launch can turn "T seconds from now" into a deadline for each worker's store.
//! One clock serves every device of an engine (two would advance the epoch twice as fast).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use wasmtime::Engine;

/// How often the clock ticks.
pub const TICK: Duration = Duration::from_millis(10);

/// Advances an engine's epoch every [`TICK`] while it lives; see the module docs.
#[derive(Debug)]
pub struct KernelClock {
    shared: Arc<ClockShared>,
    limit: Duration,
}

#[derive(Debug)]
struct ClockShared {
    ticks: AtomicU64,
    stop: AtomicBool,
}

impl KernelClock {
    /// Starts the clock for `engine`, which must have `epoch_interruption` enabled; kernels may
    /// run `limit` per launch.
    pub fn start(engine: &Engine, limit: Duration) -> std::io::Result<Arc<KernelClock>> {
        let shared = Arc::new(ClockShared {
            ticks: AtomicU64::new(0),
            stop: AtomicBool::new(false),
        });
        let (engine, ticking) = (engine.clone(), shared.clone());
        std::thread::Builder::new()
            .name("wasi-parallel-clock".into())
            .spawn(move || {
                while !ticking.stop.load(Ordering::Relaxed) {
                    std::thread::sleep(TICK);
                    ticking.ticks.fetch_add(1, Ordering::Relaxed);
                    engine.increment_epoch();
                }
            })?;
        Ok(Arc::new(KernelClock { shared, limit }))
    }

    /// Ticks so far.
    pub fn now(&self) -> u64 {
        self.shared.ticks.load(Ordering::Relaxed)
    }

    /// How long one launch may run.
    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// The tick at which a launch starting now must stop.
    pub fn deadline(&self) -> u64 {
        let ticks = self.limit.as_millis().div_ceil(TICK.as_millis()).max(1);
        self.now()
            .saturating_add(u64::try_from(ticks).unwrap_or(u64::MAX))
    }
}

impl Drop for KernelClock {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
    }
}
