//! PRK p2p (the pipeline) as a blocked wavefront: the tiles of one anti-diagonal in parallel,
//! the diagonals in order, the far corner fed back after each pass.

use anyhow::bail;
use rayon::prelude::*;

use super::{close, timed, Measured, Real};

/// The grid, shared by the tasks of one diagonal.
#[derive(Clone, Copy)]
struct Grid<T> {
    cells: *mut T,
    n: usize,
}

// SAFETY: the tasks of one diagonal write disjoint tiles and read only cells of tiles that earlier
// diagonals finished writing (the parallel loops of two diagonals do not overlap).
unsafe impl<T: Send> Send for Grid<T> {}
// SAFETY: as for `Send`.
unsafe impl<T: Send> Sync for Grid<T> {}

impl<T: Real> Grid<T> {
    /// Sweeps rows `i0..i1` and columns `j0..j1`, PRK's update in row order.
    ///
    /// # Safety
    ///
    /// The rectangle and the row above it and column left of it lie in the grid; no other thread
    /// touches the rectangle, nor writes the row above or the column left of it, meanwhile.
    unsafe fn sweep(self, (i0, i1): (usize, usize), (j0, j1): (usize, usize)) {
        let n = self.n;
        for i in i0..i1 {
            // SAFETY: the cells lie in the grid (the caller's promise). Only this task holds the
            // row's cells of the rectangle; the row above is only read meanwhile, and so is the
            // cell left of the row, which other tasks may read too.
            let (left, above, row) = unsafe {
                (
                    *self.cells.add(i * n + j0 - 1),
                    std::slice::from_raw_parts(self.cells.add((i - 1) * n + j0 - 1), j1 - j0 + 1),
                    std::slice::from_raw_parts_mut(self.cells.add(i * n + j0), j1 - j0),
                )
            };
            let (mut left, mut corner) = (left, above[0]);
            for (cell, &up) in row.iter_mut().zip(&above[1..]) {
                let value = up + left - corner;
                *cell = value;
                left = value;
                corner = up;
            }
        }
    }
}

/// `iterations + 1` pipeline passes over an `m` x `n` grid in `tile` x `tile` tiles, the first
/// untimed.
pub fn run<T: Real>(
    pool: &rayon::ThreadPool,
    iterations: usize,
    m: usize,
    n: usize,
    tile: usize,
) -> anyhow::Result<Measured> {
    if m < 2 || n < 2 || tile == 0 {
        bail!("p2p needs a grid of at least 2 x 2 and a tile of at least 1");
    }
    let mut cells = vec![T::ZERO; m * n];
    for (j, cell) in cells[..n].iter_mut().enumerate() {
        *cell = T::of(j as f64);
    }
    for i in 0..m {
        cells[i * n] = T::of(i as f64);
    }
    let grid = Grid {
        cells: cells.as_mut_ptr(),
        n,
    };
    let (row_tiles, column_tiles) = ((m - 1).div_ceil(tile), (n - 1).div_ceil(tile));
    let span = |b: usize, extent: usize| (1 + b * tile, (1 + (b + 1) * tile).min(extent));
    let seconds = timed(pool, iterations, |_| {
        for diagonal in 0..row_tiles + column_tiles - 1 {
            let first = (diagonal + 1).saturating_sub(column_tiles);
            let last = diagonal.min(row_tiles - 1);
            (first..=last).into_par_iter().for_each(|bi| {
                let bj = diagonal - bi;
                // SAFETY: tile (bi, bj) lies in the interior; see `Grid`'s `Sync`.
                unsafe { grid.sweep(span(bi, m), span(bj, n)) };
            });
        }
        // SAFETY: no task is running; both cells lie in the grid.
        unsafe { *grid.cells = T::ZERO - *grid.cells.add(m * n - 1) };
    });
    let corner = cells[m * n - 1].to_f64();
    let expected = ((iterations + 1) * (m + n - 2)) as f64;
    if !close(corner, expected, if T::SINGLE { 1e-4 } else { 1e-8 }) {
        bail!("native p2p did not validate: expected {expected}, got {corner}");
    }
    Ok(Measured {
        rate: 2e-6 * ((m - 1) * (n - 1)) as f64 / seconds,
        seconds,
    })
}
