//! PRK transpose: `B[j][i] += A[i][j]; A[i][j] += 1`, one task per `tile x tile` tile of `A` and
//! the mirrored tile of `B`, as the guest's work items.
//!
//! A task's tiles are not contiguous, which safe slices can only express as a list of row pieces
//! per tile (an extra load and bounds check per element, about a fifth slower than this); so the
//! tasks share raw pointers to the matrices, take their rows of A as slices and index B as the
//! guest does.

use anyhow::bail;
use rayon::prelude::*;

use super::{timed, Measured, Real};

/// An `order x order` matrix the tasks share, each writing only its own elements.
#[derive(Clone, Copy)]
struct Shared<T>(*mut T);

// SAFETY: tasks write disjoint elements: task `t` owns tile `t` of A and the mirrored tile of B.
unsafe impl<T: Send> Send for Shared<T> {}
// SAFETY: as for `Send`.
unsafe impl<T: Send> Sync for Shared<T> {}

impl<T> Shared<T> {
    /// The element at `index`, which must be in the matrix.
    fn at(self, index: usize) -> *mut T {
        // SAFETY: callers pass indices below `order * order`, the matrix's length.
        unsafe { self.0.add(index) }
    }
}

/// `iterations + 1` passes over `order x order` matrices in `tile x tile` tiles, the first
/// untimed.
pub fn run<T: Real>(
    pool: &rayon::ThreadPool,
    iterations: usize,
    order: usize,
    tile: usize,
) -> anyhow::Result<Measured> {
    let tile = tile.clamp(1, order.max(1));
    let tiles = order.div_ceil(tile);
    let one = T::of(1.0);
    let mut a: Vec<T> = (0..order * order).map(|ij| T::of(ij as f64)).collect();
    let mut b = vec![T::ZERO; order * order];
    let (a_shared, b_shared) = (Shared(a.as_mut_ptr()), Shared(b.as_mut_ptr()));
    let seconds = timed(pool, iterations, |_| {
        (0..tiles * tiles).into_par_iter().for_each(|item| {
            let (i0, j0) = (item / tiles * tile, item % tiles * tile);
            let (i1, j1) = ((i0 + tile).min(order), (j0 + tile).min(order));
            for i in i0..i1 {
                // SAFETY: row `i < order` of A from column `j0` to `j1 <= order` is in the matrix,
                // only this task touches it, and `a` outlives the passes.
                let a_row =
                    unsafe { std::slice::from_raw_parts_mut(a_shared.at(i * order + j0), j1 - j0) };
                for (j, a) in (j0..).zip(a_row) {
                    let a_ij = *a;
                    *a = a_ij + one;
                    // SAFETY: `i, j < order`, only this task touches B[j][i], and `b` outlives the
                    // passes.
                    unsafe { *b_shared.at(j * order + i) += a_ij };
                }
            }
        });
    });
    let passes = (iterations + 1) as f64;
    let addit = passes * iterations as f64 / 2.0;
    let (mut abserr, mut relerr) = (0.0f64, 0.0f64);
    for i in 0..order {
        for j in 0..order {
            let reference = (i * order + j) as f64 * passes + addit;
            let error = (b[j * order + i].to_f64() - reference).abs();
            abserr += error;
            relerr = relerr.max(error / reference);
        }
    }
    if T::SINGLE && relerr > 1e-4 {
        bail!("native transpose did not validate: largest relative error {relerr}");
    }
    if !T::SINGLE && abserr >= 1e-8 {
        bail!("native transpose did not validate: sum of absolute differences {abserr}");
    }
    let bytes = 2.0 * (order * order) as f64 * std::mem::size_of::<T>() as f64;
    Ok(Measured {
        rate: 1e-6 * bytes / seconds,
        seconds,
    })
}
