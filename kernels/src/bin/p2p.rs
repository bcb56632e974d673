//! PRK p2p (synch_p2p, the pipeline) as a wasi-parallel guest, in blocked wavefront form.
//!
//! Usage: `p2p <iterations> <m> <n> [tile] [--f32]`. The grid has `m` rows and `n` columns; its
//! first row and column hold their index, and each pass sweeps the interior with
//! `grid[i][j] = grid[i-1][j] + grid[i][j-1] - grid[i-1][j-1]`, then feeds the far corner back:
//! `grid[0][0] = -grid[m-1][n-1]`. Runs `iterations + 1` passes, the first untimed, and validates
//! with PRK's rule: the far corner is `(iterations + 1) * (m + n - 2)` within 1e-8 relative (1e-4
//! in f32).
//!
//! The interior is cut into `tile` x `tile` tiles (default 64; the last row and column of tiles
//! may be smaller). Tile `(bi, bj)` depends on `(bi-1, bj)` and `(bi, bj-1)`, so all tiles with
//! `bi + bj = d` can run at once: one launch per anti-diagonal `d` of tiles, work item = one tile,
//! swept row by row as PRK's serial loop does. `d` reaches the kernel as `block_size`; the grid's
//! shape and the tile size are in a small read-only params buffer. The one tile of the last
//! diagonal also does the corner feedback, after its sweep, so a pass needs no extra launch.

use std::process::ExitCode;

use wasi_parallel_kernels::prk::{self, Outcome, Real};
use wasi_parallel_kernels::{parallel_for, Access, Device, DeviceKind, Error};

/// Sweeps one tile of the anti-diagonal `diagonal`. Kernel parameters: the params `[m, n, tile]`,
/// then the grid (row-major, `m * n`).
extern "C" fn sweep<T: Real>(
    item: u32,
    _items: u32,
    diagonal: u32,
    params: *const u32,
    params_len: usize,
    grid: *mut T,
    grid_len: usize,
) {
    // SAFETY: the host passes each buffer's pointer and byte length. Tiles of one diagonal write
    // disjoint cells and read only cells that earlier diagonals (earlier launches) wrote.
    let (params, grid) = unsafe {
        (
            wasi_parallel_kernels::slice(params, params_len),
            wasi_parallel_kernels::slice_mut(grid, grid_len),
        )
    };
    let (m, n, tile) = (params[0] as usize, params[1] as usize, params[2] as usize);
    let (row_tiles, column_tiles) = ((m - 1).div_ceil(tile), (n - 1).div_ceil(tile));
    let diagonal = diagonal as usize;
    let bi = (diagonal + 1).saturating_sub(column_tiles) + item as usize;
    let bj = diagonal - bi;
    let (i0, i1) = (1 + bi * tile, (1 + (bi + 1) * tile).min(m));
    let (j0, j1) = (1 + bj * tile, (1 + (bj + 1) * tile).min(n));
    for i in i0..i1 {
        let (above, rest) = grid.split_at_mut(i * n);
        let (above, row) = (&above[(i - 1) * n..], &mut rest[..n]);
        let (mut left, mut corner) = (row[j0 - 1], above[j0 - 1]);
        for (cell, &up) in row[j0..j1].iter_mut().zip(&above[j0..j1]) {
            let value = up + left - corner;
            *cell = value;
            left = value;
            corner = up;
        }
    }
    if bi + 1 == row_tiles && bj + 1 == column_tiles {
        grid[0] = T::ZERO - grid[m * n - 1];
    }
}

fn main() -> ExitCode {
    prk::main(
        "p2p <# iterations> <first array dimension> <second array dimension> [tile size]",
        |args| {
            let iterations = args.number(0, "iterations", None, 1)?;
            let m = args.number(1, "first array dimension", None, 2)?;
            let n = args.number(2, "second array dimension", None, 2)?;
            let tile = args.number(3, "tile size", Some(64), 1)?;
            args.at_most(4)?;
            Ok(if args.f32 {
                run::<f32>(iterations, m, n, tile)
            } else {
                run::<f64>(iterations, m, n, tile)
            })
        },
    )
}

fn run<T: Real>(
    iterations: usize,
    m: usize,
    n: usize,
    tile: usize,
) -> wasi_parallel_kernels::Result<Outcome> {
    prk::banner::<T>(
        "pipeline execution on 2D grid, blocked wavefront",
        &[
            ("Number of iterations", prk::show(iterations)),
            ("Grid sizes", std::format!("{m}, {n}")),
            ("Tile size", prk::show(tile)),
        ],
    );
    let u32_of = |value: usize| u32::try_from(value).map_err(|_| Error::INVALID_ARGUMENT);
    let cells = m.checked_mul(n).ok_or(Error::INVALID_ARGUMENT)?;
    let mut initial = vec![T::ZERO; cells];
    for (j, cell) in initial[..n].iter_mut().enumerate() {
        *cell = T::of(j as f64);
    }
    for i in 0..m {
        initial[i * n] = T::of(i as f64);
    }
    let device = Device::get(DeviceKind::Cpu)?;
    let params = device.buffer_from(&[u32_of(m)?, u32_of(n)?, u32_of(tile)?], Access::Read)?;
    let grid = device.buffer_from(&initial, Access::ReadWrite)?;
    drop(initial);
    let (row_tiles, column_tiles) = ((m - 1).div_ceil(tile), (n - 1).div_ceil(tile));
    type Sweep<T> = extern "C" fn(u32, u32, u32, *const u32, usize, *mut T, usize);

    let seconds = prk::timed(iterations, |_| {
        for diagonal in 0..row_tiles + column_tiles - 1 {
            let first = (diagonal + 1).saturating_sub(column_tiles);
            let last = diagonal.min(row_tiles - 1);
            parallel_for(
                sweep::<T> as Sweep<T>,
                u32_of(last - first + 1)?,
                u32_of(diagonal)?,
                &[&params],
                &[&grid],
            )?;
        }
        Ok(())
    })?;

    let mut result = vec![T::ZERO; cells];
    grid.read(&mut result)?;
    let corner = result[cells - 1].to_f64();
    let expected = ((iterations + 1) * (m + n - 2)) as f64;
    let epsilon = if T::NAME == "f32" { 1.0e-4 } else { 1.0e-8 };
    if !prk::close(corner, expected, epsilon) {
        return Ok(prk::invalid("corner value", expected, corner));
    }
    let flops = 2.0 * ((m - 1) * (n - 1)) as f64;
    Ok(prk::validated(
        "MFlops/s",
        1.0e-6 * flops / seconds,
        seconds,
    ))
}
