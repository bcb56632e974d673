//! A fork-join team for the native kernels: the calling thread and `threads - 1` helpers that
//! spin for a while after each job.
//!
//! A model's run is tens of launches of 0.05-0.5 ms each. Rayon's workers go to sleep between
//! them, and waking them costs 30 µs on a 2-vCPU VM even when they have just slept (measured:
//! `install` of 2 x 5 µs of work takes 32 µs, and 100 µs after a 1 ms pause), as much as the
//! parallelism saves. So the helpers here spin for [`SPIN`] after each job before they sleep, as
//! ONNX Runtime's and OpenMP's workers do: a launch right after another starts on all threads
//! within a microsecond.
//!
//! Protocol: the caller publishes the job (a pointer to it), bumps the epoch, and works on the
//! job's tasks itself. A helper that sees the new epoch *joins* (increments `joined`), checks that
//! the job is still published, and claims tasks until none are left; then leaves. The caller,
//! once no task is left to claim, unpublishes the job and waits until no helper is joined: the
//! job (which lives on the caller's stack) outlives every access to it. A helper that wakes late
//! finds nothing published and goes back to waiting; the caller never waits for a sleeping
//! helper.

use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU64, AtomicUsize, Ordering::SeqCst};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long a helper spins after a job before it sleeps.
const SPIN: Duration = Duration::from_millis(2);

/// See the module docs.
pub(crate) struct Team {
    shared: Arc<Shared>,
    threads: usize,
    /// One job at a time; a second caller runs its job alone.
    busy: Mutex<()>,
}

impl std::fmt::Debug for Team {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Team")
            .field("threads", &self.threads)
            .finish()
    }
}

struct Shared {
    epoch: AtomicU64,
    /// The published job, or null.
    job: AtomicPtr<Job<'static>>,
    /// Helpers inside the published job.
    joined: AtomicUsize,
    /// Helpers asleep (or about to be), whom a new job must wake.
    sleepers: AtomicUsize,
    /// For helpers that have stopped spinning.
    sleep: Mutex<()>,
    wake: Condvar,
    shutdown: AtomicBool,
}

/// One job: `tasks` calls of `f(task, worker)`.
struct Job<'a> {
    tasks: usize,
    next: AtomicUsize,
    f: &'a (dyn Fn(usize, usize) + Sync),
    panicked: AtomicBool,
}

impl Job<'_> {
    /// Claims and runs tasks until none are left, as worker `worker`.
    fn work(&self, worker: usize) {
        loop {
            let task = self.next.fetch_add(1, SeqCst);
            if task >= self.tasks {
                return;
            }
            let run = std::panic::AssertUnwindSafe(|| (self.f)(task, worker));
            if std::panic::catch_unwind(run).is_err() {
                self.panicked.store(true, SeqCst);
            }
        }
    }
}

impl Team {
    /// A team of `threads` (at least one: the caller).
    pub fn new(threads: usize) -> Team {
        let shared = Arc::new(Shared {
            epoch: AtomicU64::new(0),
            job: AtomicPtr::new(std::ptr::null_mut()),
            joined: AtomicUsize::new(0),
            sleepers: AtomicUsize::new(0),
            sleep: Mutex::new(()),
            wake: Condvar::new(),
            shutdown: AtomicBool::new(false),
        });
        for worker in 1..threads.max(1) {
            let shared = shared.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("wasi-parallel-nn-{worker}"))
                .spawn(move || helper(&shared, worker));
            if let Err(e) = spawned {
                // Fewer helpers only means less parallelism.
                log::warn!("cannot start a helper thread for native kernels: {e}");
            }
        }
        Team {
            shared,
            threads: threads.max(1),
            busy: Mutex::new(()),
        }
    }

    /// How many threads share a job (the caller included).
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Calls `f(task, worker)` for every task in `0..tasks`, spread over the team; `worker` is
    /// below [`Team::threads`], and no two of this job's calls with the same `worker` overlap. Returns when all
    /// are done. A panic in `f` is raised here, after the others are done.
    pub fn run(&self, tasks: usize, f: &(dyn Fn(usize, usize) + Sync)) {
        let Ok(_guard) = self.busy.try_lock() else {
            // Another job has the team: this one runs on its caller alone.
            return (0..tasks).for_each(|t| f(t, 0));
        };
        let job = Job {
            tasks,
            next: AtomicUsize::new(0),
            f,
            panicked: AtomicBool::new(false),
        };
        let shared = &*self.shared;
        // SAFETY (of the lifetime erasure): the job is unpublished below, and this function
        // returns only once no helper is inside it (see the module docs).
        let erased = (&job as *const Job<'_>).cast::<Job<'static>>().cast_mut();
        shared.job.store(erased, SeqCst);
        shared.epoch.fetch_add(1, SeqCst);
        // A helper that counts itself a sleeper after this sees the new epoch before it sleeps.
        if shared.sleepers.load(SeqCst) > 0 {
            let _sleepers = shared.sleep.lock().unwrap_or_else(PoisonError::into_inner);
            shared.wake.notify_all();
        }
        job.work(0);
        shared.job.store(std::ptr::null_mut(), SeqCst);
        while shared.joined.load(SeqCst) > 0 {
            std::hint::spin_loop();
        }
        if job.panicked.load(SeqCst) {
            panic!("a native kernel panicked on a helper thread");
        }
    }
}

impl Drop for Team {
    fn drop(&mut self) {
        self.shared.shutdown.store(true, SeqCst);
        let _sleepers = self
            .shared
            .sleep
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        self.shared.wake.notify_all();
    }
}

/// A helper's life: wait for a new epoch (spinning for [`SPIN`], then sleeping), join its job.
fn helper(shared: &Shared, worker: usize) {
    let mut seen = shared.epoch.load(SeqCst);
    loop {
        let spun = Instant::now();
        let mut spins = 0u32;
        while shared.epoch.load(SeqCst) == seen {
            if shared.shutdown.load(SeqCst) {
                return;
            }
            spins = spins.wrapping_add(1);
            if !spins.is_multiple_of(64) {
                std::hint::spin_loop();
            } else if spun.elapsed() < SPIN {
                std::thread::yield_now();
            } else {
                let guard = shared.sleep.lock().unwrap_or_else(PoisonError::into_inner);
                shared.sleepers.fetch_add(1, SeqCst);
                if shared.epoch.load(SeqCst) == seen && !shared.shutdown.load(SeqCst) {
                    // Woken by a new job or shutdown (both notify under the lock); a spurious
                    // wake-up just goes round again.
                    drop(
                        shared
                            .wake
                            .wait(guard)
                            .unwrap_or_else(PoisonError::into_inner),
                    );
                }
                shared.sleepers.fetch_sub(1, SeqCst);
            }
        }
        seen = shared.epoch.load(SeqCst);
        shared.joined.fetch_add(1, SeqCst);
        let job = shared.job.load(SeqCst);
        if !job.is_null() {
            // SAFETY: the job is published, and its caller does not return (and free it) while
            // `joined` counts us.
            unsafe { &*job }.work(worker);
        }
        shared.joined.fetch_sub(1, SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_task_runs_once_on_distinct_workers() {
        let team = Team::new(3);
        for tasks in [0, 1, 2, 7, 1000] {
            let counts: Vec<AtomicUsize> = (0..tasks).map(|_| AtomicUsize::new(0)).collect();
            let busy: Vec<AtomicBool> = (0..team.threads())
                .map(|_| AtomicBool::new(false))
                .collect();
            team.run(tasks, &|t, worker| {
                // No two calls of one job share a worker index at the same time.
                assert!(!busy[worker].swap(true, SeqCst), "worker {worker} reused");
                counts[t].fetch_add(1, SeqCst);
                busy[worker].store(false, SeqCst);
            });
            assert!(counts.iter().all(|c| c.load(SeqCst) == 1), "{tasks} tasks");
        }
    }

    #[test]
    fn concurrent_callers_all_finish() {
        let team = Team::new(2);
        let total = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..200 {
                        team.run(10, &|_, _| {
                            total.fetch_add(1, SeqCst);
                        });
                    }
                });
            }
        });
        assert_eq!(total.load(SeqCst), 4 * 200 * 10);
    }

    #[test]
    fn helpers_asleep_wake_for_the_next_job() {
        let team = Team::new(2);
        let total = AtomicUsize::new(0);
        team.run(4, &|_, _| {
            total.fetch_add(1, SeqCst);
        });
        // Past the spin time: the helper sleeps, and the next job must not wait for it.
        std::thread::sleep(SPIN * 3);
        team.run(4, &|_, _| {
            total.fetch_add(1, SeqCst);
        });
        assert_eq!(total.load(SeqCst), 8);
    }

    #[test]
    fn a_panicking_task_is_raised_by_run_and_the_team_goes_on() {
        let team = Team::new(2);
        let raised = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            team.run(64, &|t, _| assert!(t != 40, "task 40 fails"));
        }));
        assert!(raised.is_err());
        let total = AtomicUsize::new(0);
        team.run(64, &|_, _| {
            total.fetch_add(1, SeqCst);
        });
        assert_eq!(total.load(SeqCst), 64);
    }
}
