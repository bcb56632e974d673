//! Where the native kernels' loops run: split into tasks for the [`Team`]'s threads, or on the
//! calling thread when the work is too small to repay sharing it.
//!
//! A kernel estimates its single-threaded time from rough speeds (the `*_PER_NS` constants) and
//! [`Par::run`] decides; [`Loops`] then hands out chunks of the output, a few tasks per thread.
//!
//! Native kernels are host code, which no signal or page stops: they keep to the device's time
//! limit by a [`Deadline`] that [`Loops`] checks before each chunk or task, skipping the rest
//! once it has passed. The caller then fails the launch.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::team::Team;

/// Estimated single-threaded time (ns) below which a kernel runs on the calling thread alone.
/// Handing work to the team's spinning helpers costs about a microsecond, but the first job
/// after a pause finds them asleep (the caller then works alone while they wake), and splitting
/// work into tasks has its own cost.
const PARALLEL_NANOS: usize = 10_000;

/// Rough single-thread speeds, in operations per nanosecond, for those estimates: a packed
/// GEMM's multiply-adds, the depthwise loop's and the dot products' (im2col copies count as
/// element-wise operations).
pub(super) const GEMM_OPS_PER_NS: usize = 20;
pub(super) const DIRECT_OPS_PER_NS: usize = 5;
pub(super) const LANES_OPS_PER_NS: usize = 10;
pub(super) const ELEMENTS_PER_NS: usize = 2;

/// Where a native kernel's loops run: on a [`Team`] of threads, or on the calling thread when
/// the work is too small to repay sharing it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Par<'a> {
    team: Option<&'a Team>,
    deadline: Option<&'a Deadline>,
}

impl<'a> Par<'a> {
    /// Loops on `team`, if any, that stop at `deadline`, if any.
    pub fn new(team: Option<&'a Team>, deadline: Option<&'a Deadline>) -> Par<'a> {
        Par { team, deadline }
    }

    /// Runs `f`, with loops on the team if its estimated single-threaded time (`nanos`) is
    /// worth it.
    pub(super) fn run<R>(self, nanos: usize, f: impl FnOnce(Loops<'_>) -> R) -> R {
        let team = self
            .team
            .filter(|team| nanos >= PARALLEL_NANOS && team.threads() > 1);
        f(Loops {
            team,
            deadline: self.deadline,
        })
    }
}

/// When a native kernel must stop: a launch's time limit.
#[derive(Debug)]
pub(crate) struct Deadline {
    at: Instant,
    limit: Duration,
    passed: AtomicBool,
}

impl Deadline {
    /// `limit` from now.
    pub fn after(limit: Duration) -> Deadline {
        Deadline {
            at: Instant::now() + limit,
            limit,
            passed: AtomicBool::new(false),
        }
    }

    /// Whether it has passed (and so work was skipped, if a loop asked).
    pub fn passed(&self) -> bool {
        if self.passed.load(Ordering::Relaxed) {
            return true;
        }
        let passed = Instant::now() >= self.at;
        if passed {
            self.passed.store(true, Ordering::Relaxed);
        }
        passed
    }

    /// The limit it was set with.
    pub fn limit(&self) -> Duration {
        self.limit
    }
}

/// Tasks per thread a loop on the team is split into.
const TASKS_PER_THREAD: usize = 4;

/// Loops over independent pieces of work: on a team, or one after the other; each piece is
/// skipped once the deadline, if any, has passed.
#[derive(Clone, Copy, Debug)]
pub(super) struct Loops<'a> {
    team: Option<&'a Team>,
    deadline: Option<&'a Deadline>,
}

impl<'a> Loops<'a> {
    /// One after the other, on the calling thread, with no deadline.
    #[cfg(test)]
    pub(super) fn serial() -> Loops<'a> {
        Loops {
            team: None,
            deadline: None,
        }
    }

    /// On `team`, with no deadline.
    #[cfg(test)]
    pub(super) fn on(team: &'a Team) -> Loops<'a> {
        Loops {
            team: Some(team),
            deadline: None,
        }
    }

    /// Whether the deadline has passed: the remaining pieces are skipped, and a long piece
    /// may stop early by asking.
    pub(super) fn stopped(self) -> bool {
        self.deadline.is_some_and(Deadline::passed)
    }

    /// `f(index, chunk)` for each `size`-long chunk of `data`.
    pub(super) fn chunks<T: Send>(
        self,
        data: &mut [T],
        size: usize,
        f: impl Fn(usize, &mut [T]) + Sync,
    ) {
        self.chunks_with_scratch(data, size, |_, i, chunk| f(i, chunk));
    }

    /// As [`Loops::chunks`], with a scratch vector of the thread's own.
    pub(super) fn chunks_with_scratch<T: Send>(
        self,
        data: &mut [T],
        size: usize,
        f: impl Fn(&mut Vec<f32>, usize, &mut [T]) + Sync,
    ) {
        // A few tasks per thread, each a run of consecutive chunks: enough to balance the load,
        // few enough that claiming a task costs nothing next to it.
        let size = size.max(1);
        let chunks = data.len().div_ceil(size);
        let per_task = chunks.div_ceil(self.tasks()).max(1);
        let pieces: Vec<Mutex<Option<&mut [T]>>> = data
            .chunks_mut(size * per_task)
            .map(|c| Mutex::new(Some(c)))
            .collect();
        self.range_with_scratch(pieces.len(), |scratch, t| {
            let piece = lock(&pieces[t]).take().expect("each task once");
            for (k, chunk) in piece.chunks_mut(size).enumerate() {
                if self.stopped() {
                    return;
                }
                f(scratch, t * per_task + k, chunk);
            }
        });
    }

    /// `f(scratch, i)` for `i` in `0..n`, with a scratch vector of the thread's own.
    pub(super) fn range_with_scratch(self, n: usize, f: impl Fn(&mut Vec<f32>, usize) + Sync) {
        match self.team {
            None => {
                let mut scratch = Vec::new();
                for i in 0..n {
                    if self.stopped() {
                        return;
                    }
                    f(&mut scratch, i);
                }
            }
            Some(team) => {
                let scratch: Vec<Mutex<Vec<f32>>> =
                    (0..team.threads()).map(|_| Mutex::default()).collect();
                team.run(n, &|i, worker| {
                    if !self.stopped() {
                        f(&mut lock(&scratch[worker]), i);
                    }
                });
            }
        }
    }

    /// `f(i)` for `i` in `0..n`.
    pub(super) fn range(self, n: usize, f: impl Fn(usize) + Sync) {
        match self.team {
            None => {
                for i in 0..n {
                    if self.stopped() {
                        return;
                    }
                    f(i);
                }
            }
            Some(team) => team.run(n, &|i, _| {
                if !self.stopped() {
                    f(i);
                }
            }),
        }
    }

    /// How many tasks to split a loop into: one on the calling thread, a few per thread on a
    /// team.
    pub(super) fn tasks(self) -> usize {
        match self.team {
            None => 1,
            Some(team) => team.threads() * TASKS_PER_THREAD,
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A pointer that worker threads may share: each writes only its own tile through it.
#[derive(Clone, Copy)]
pub(super) struct SharedOut(pub(super) *mut f32);
// SAFETY: `gemm` hands every tile to exactly one task, and tiles do not overlap.
unsafe impl Send for SharedOut {}
unsafe impl Sync for SharedOut {}

impl SharedOut {
    /// The pointer `offset` elements on. (A method, so that closures capture the whole
    /// `SharedOut`, not its raw pointer field.)
    pub(super) fn at(self, offset: usize) -> *mut f32 {
        self.0.wrapping_add(offset)
    }
}
