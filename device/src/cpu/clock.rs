//! A ticking clock for kernel time limits.
//!
//! Kernels in the CPU device's own spaces are compiled with stop checks
//! ([`crate::kernel_module::add_stop_checks`]): they store to their space's control page at
//! every function entry and loop head, each worker to a cache line of its own. Each such space
//! registers a [`Watch`] on its control page with the clock; a launch arms it with its deadline,
//! and when the clock passes the deadline it takes the page away, so that every work item traps
//! at its next check. The launch disarms the watch when it ends, and the next launch opens the
//! page again.
//!
//! Kernels that run in a guest's own memory (zero-copy `parallel_exec`) are compiled with the
//! guest's engine, where no page of the space is the device's to take away; they are interrupted
//! through Wasmtime's *epochs* instead (the engine must enable `epoch_interruption`): generated
//! code checks the engine's epoch counter at loop back-edges and function entries and traps when
//! it passes the store's deadline. The clock advances that engine's epoch at every tick. One
//! clock serves every device of an engine (two would advance the epoch twice as fast).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use wasmtime::{Engine, SharedMemory};

use crate::DeviceError;

use super::lock;

/// How often the clock ticks.
pub const TICK: Duration = Duration::from_millis(10);

/// Advances an engine's epoch, and stops launches past their deadline, every [`TICK`] while it
/// lives; see the module docs.
#[derive(Debug)]
pub struct KernelClock {
    shared: Arc<ClockShared>,
    limit: Duration,
}

#[derive(Debug)]
struct ClockShared {
    ticks: AtomicU64,
    stop: AtomicBool,
    /// The control pages of the spaces alive.
    watched: Mutex<Vec<Weak<Watch>>>,
}

impl KernelClock {
    /// Starts the clock; kernels may run `limit` per launch. `engine` is the guests' engine,
    /// whose epoch it advances (see the module docs).
    pub fn start(engine: &Engine, limit: Duration) -> std::io::Result<Arc<KernelClock>> {
        let shared = Arc::new(ClockShared {
            ticks: AtomicU64::new(0),
            stop: AtomicBool::new(false),
            watched: Mutex::new(Vec::new()),
        });
        let (engine, ticking) = (engine.clone(), shared.clone());
        std::thread::Builder::new()
            .name("wasi-parallel-clock".into())
            .spawn(move || {
                while !ticking.stop.load(Ordering::Relaxed) {
                    std::thread::sleep(TICK);
                    let now = ticking.ticks.fetch_add(1, Ordering::Relaxed) + 1;
                    engine.increment_epoch();
                    let live: Vec<Arc<Watch>> = {
                        let mut watched = lock(&ticking.watched);
                        watched.retain(|w| w.strong_count() > 0);
                        watched.iter().filter_map(Weak::upgrade).collect()
                    };
                    for watch in live {
                        watch.expire(now);
                    }
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

    /// The tick at which a launch starting now must stop: the limit's ticks after the next one
    /// (the current tick may be nearly over), so that no launch stops before its limit.
    pub fn deadline(&self) -> u64 {
        let ticks = self.limit.as_millis().div_ceil(TICK.as_millis()).max(1);
        self.now()
            .saturating_add(1)
            .saturating_add(u64::try_from(ticks).unwrap_or(u64::MAX))
    }

    /// Has the clock watch `watch` from now on, for as long as it lives.
    pub(super) fn watch(&self, watch: &Arc<Watch>) {
        lock(&self.shared.watched).push(Arc::downgrade(watch));
    }
}

impl Drop for KernelClock {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
    }
}

/// A space's control page and the deadline of the launch running in the space, if any (see the
/// module docs).
#[derive(Debug)]
pub(super) struct Watch {
    /// Keeps the page mapped for as long as the clock may protect it.
    _memory: SharedMemory,
    /// The page's host address and length.
    page: (usize, usize),
    state: Mutex<WatchState>,
}

#[derive(Debug, Default)]
struct WatchState {
    /// The tick by which the launch in flight must end.
    deadline: Option<u64>,
    /// Whether the clock took the page away.
    revoked: bool,
}

impl Watch {
    /// Watches the readable page of `len` bytes at `address` of `memory`.
    pub fn new(memory: SharedMemory, address: u64, len: usize) -> Arc<Watch> {
        let host = memory.data().as_ptr() as usize + address as usize;
        Arc::new(Watch {
            _memory: memory,
            page: (host, len),
            state: Mutex::new(WatchState::default()),
        })
    }

    /// Before a launch that must end by tick `deadline`: the page open again if the clock
    /// stopped an earlier launch, and zeroed, so that no launch sees what an earlier one wrote
    /// there.
    pub fn arm(&self, deadline: u64) -> Result<(), DeviceError> {
        let mut state = lock(&self.state);
        if state.revoked {
            self.protect(libc::PROT_READ | libc::PROT_WRITE)
                .map_err(|e| {
                    DeviceError::Device(format!("cannot restore the space's control page: {e}"))
                })?;
            state.revoked = false;
        }
        let (address, len) = self.page;
        // SAFETY: the page is open (above), lies in the memory `_memory` keeps mapped, and no
        // kernel runs in the space between launches.
        unsafe { std::ptr::write_bytes(address as *mut u8, 0, len) };
        state.deadline = Some(deadline);
        Ok(())
    }

    /// After the launch: whether the clock stopped it.
    pub fn disarm(&self) -> bool {
        let mut state = lock(&self.state);
        state.deadline = None;
        state.revoked
    }

    /// On a tick: stops the launch in flight if it is past its deadline.
    fn expire(&self, now: u64) {
        let mut state = lock(&self.state);
        if state.revoked || state.deadline.is_none_or(|d| now < d) {
            return;
        }
        match self.protect(libc::PROT_NONE) {
            Ok(()) => state.revoked = true,
            Err(e) => log::error!("cannot stop a launch past its time limit: {e}"),
        }
    }

    fn protect(&self, prot: libc::c_int) -> std::io::Result<()> {
        let (address, len) = self.page;
        // SAFETY: the page lies in the space's memory, which `_memory` keeps mapped; it holds
        // nothing but the words kernels' checks store to. Taking it away makes their next check
        // fault inside the memory's reservation, which Wasmtime turns into a trap.
        match unsafe { libc::mprotect(address as *mut libc::c_void, len, prot) } {
            0 => Ok(()),
            _ => Err(std::io::Error::last_os_error()),
        }
    }
}
