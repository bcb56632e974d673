//! Where the native kernels' loops run: split into tasks for the [`Team`]'s threads, or on the
//! calling thread when the work is too small to repay sharing it.
//!
//! A kernel estimates its single-threaded time from rough speeds (the `*_PER_NS` constants) and
//! [`Par::run`] decides; [`Loops`] then hands out chunks of the output, a few tasks per thread.

use std::sync::Mutex;

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
}

impl<'a> Par<'a> {
    pub fn new(team: Option<&'a Team>) -> Par<'a> {
        Par { team }
    }

    /// Runs `f`, with loops on the team if its estimated single-threaded time (`nanos`) is
    /// worth it.
    pub(super) fn run<R>(self, nanos: usize, f: impl FnOnce(Loops<'_>) -> R) -> R {
        match self.team {
            Some(team) if nanos >= PARALLEL_NANOS && team.threads() > 1 => f(Loops::Team(team)),
            _ => f(Loops::Serial),
        }
    }
}

/// Tasks per thread a loop on the team is split into.
const TASKS_PER_THREAD: usize = 4;

/// Loops over independent pieces of work: on a team, or one after the other.
#[derive(Clone, Copy, Debug)]
pub(super) enum Loops<'a> {
    Serial,
    Team(&'a Team),
}

impl Loops<'_> {
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
                f(scratch, t * per_task + k, chunk);
            }
        });
    }

    /// `f(scratch, i)` for `i` in `0..n`, with a scratch vector of the thread's own.
    pub(super) fn range_with_scratch(self, n: usize, f: impl Fn(&mut Vec<f32>, usize) + Sync) {
        match self {
            Loops::Serial => {
                let mut scratch = Vec::new();
                (0..n).for_each(|i| f(&mut scratch, i))
            }
            Loops::Team(team) => {
                let scratch: Vec<Mutex<Vec<f32>>> =
                    (0..team.threads()).map(|_| Mutex::default()).collect();
                team.run(n, &|i, worker| f(&mut lock(&scratch[worker]), i));
            }
        }
    }

    /// `f(i)` for `i` in `0..n`.
    pub(super) fn range(self, n: usize, f: impl Fn(usize) + Sync) {
        match self {
            Loops::Serial => (0..n).for_each(f),
            Loops::Team(team) => team.run(n, &|i, _| f(i)),
        }
    }

    /// How many tasks to split a loop into: one on the calling thread, a few per thread on a
    /// team.
    pub(super) fn tasks(self) -> usize {
        match self {
            Loops::Serial => 1,
            Loops::Team(team) => team.threads() * TASKS_PER_THREAD,
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
