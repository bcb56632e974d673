//! PRK transpose as a wasi-parallel guest: `B += A^T` and `A += 1`, per pass.
//!
//! Usage: `transpose <iterations> <order> [tile] [--f32]`. `A[i][j] = i * order + j` at the start,
//! `B = 0`. One launch per pass, PRK's tiled loop nest: work item `t` owns tile
//! `(t / tiles, t % tiles)` of `A` (rows `i`, columns `j`) and the mirrored tile of `B`, and does
//! `B[j][i] += A[i][j]; A[i][j] += 1` over it, so work items write disjoint elements of both.
//! Validation is PRK's closed form: after `iterations + 1` passes
//! `B[j][i] = (i * order + j) * (iterations + 1) + iterations * (iterations + 1) / 2`, and the
//! summed absolute error must be below 1e-8 (f64). PRK's single-precision versions allow 1e-4, a
//! bound only exact entries meet; entries past 2^24 are not exact in f32, so here every entry's
//! relative error must be within 1e-4 (a missed or doubled pass is off by `1 / (iterations + 1)`).
//! Rate: `2 * order^2 * sizeof(T)` bytes per pass, in MB/s.

use std::process::ExitCode;

use wasi_parallel_kernels::prk::{self, Outcome, Real};
use wasi_parallel_kernels::{parallel_for, Access, Device, DeviceKind, Error};

/// One tile: `B[j][i] += A[i][j]; A[i][j] += 1`. Kernel parameters: the input `params = [order]`,
/// then the outputs `A` and `B`.
extern "C" fn transpose<T: Real>(
    item: u32,
    _items: u32,
    tile: u32,
    params: *const u32,
    params_len: usize,
    a: *mut T,
    a_len: usize,
    b: *mut T,
    b_len: usize,
) {
    // SAFETY: the host passes each buffer's pointer and byte length; work items own disjoint
    // tiles of A and of B.
    let (params, a, b) = unsafe {
        (
            wasi_parallel_kernels::slice(params, params_len),
            wasi_parallel_kernels::slice_mut(a, a_len),
            wasi_parallel_kernels::slice_mut(b, b_len),
        )
    };
    let order = params[0] as usize;
    let tile = tile as usize;
    let tiles = order.div_ceil(tile);
    let (i0, j0) = (item as usize / tiles * tile, item as usize % tiles * tile);
    let (i1, j1) = ((i0 + tile).min(order), (j0 + tile).min(order));
    for i in i0..i1 {
        for (j, a) in (j0..j1).zip(&mut a[i * order + j0..i * order + j1]) {
            let a_ij = *a;
            *a = a_ij + T::ONE;
            b[j * order + i] += a_ij;
        }
    }
}

fn main() -> ExitCode {
    prk::main(
        "transpose <# iterations> <matrix order> [tile size]",
        |args| {
            let iterations = args.number(0, "iterations", None, 1)?;
            let order = args.number(1, "matrix order", None, 1)?;
            let tile = args.number(2, "tile size", Some(32), 1)?.min(order);
            args.at_most(3)?;
            Ok(if args.f32 {
                run::<f32>(iterations, order, tile)
            } else {
                run::<f64>(iterations, order, tile)
            })
        },
    )
}

fn run<T: Real>(
    iterations: usize,
    order: usize,
    tile: usize,
) -> wasi_parallel_kernels::Result<Outcome> {
    prk::banner::<T>(
        "Matrix transpose: B = A^T",
        &[
            ("Number of iterations", prk::show(iterations)),
            ("Matrix order", prk::show(order)),
            ("Tile size", prk::show(tile)),
        ],
    );
    let elements = order.checked_mul(order).ok_or(Error::INVALID_ARGUMENT)?;
    let initial: Vec<T> = (0..elements).map(|ij| T::of(ij as f64)).collect();
    let device = Device::get(DeviceKind::Cpu)?;
    let params = device.buffer_from(
        &[u32::try_from(order).map_err(|_| Error::INVALID_ARGUMENT)?],
        Access::Read,
    )?;
    let a = device.buffer_from(&initial, Access::ReadWrite)?;
    let b = device.buffer_from(&vec![T::ZERO; elements], Access::ReadWrite)?;
    drop(initial);
    let tiles = order.div_ceil(tile);
    let items = u32::try_from(tiles * tiles).map_err(|_| Error::INVALID_ARGUMENT)?;
    type Transpose<T> =
        extern "C" fn(u32, u32, u32, *const u32, usize, *mut T, usize, *mut T, usize);

    let seconds = prk::timed(iterations, |_| {
        parallel_for(
            transpose::<T> as Transpose<T>,
            items,
            tile as u32,
            &[&params],
            &[&a, &b],
        )
    })?;

    let mut result = vec![T::ZERO; elements];
    b.read(&mut result)?;
    let passes = (iterations + 1) as f64;
    let addit = passes * iterations as f64 / 2.0;
    let (mut abserr, mut relerr) = (0.0f64, 0.0f64);
    for i in 0..order {
        for j in 0..order {
            let reference = (i * order + j) as f64 * passes + addit;
            let error = (result[j * order + i].to_f64() - reference).abs();
            abserr += error;
            relerr = relerr.max(error / reference);
        }
    }
    if T::NAME == "f32" {
        if relerr > 1.0e-4 {
            return Ok(prk::invalid("largest relative error in B", 1.0e-4, relerr));
        }
    } else if abserr >= 1.0e-8 {
        return Ok(prk::invalid(
            "sum of absolute differences of B",
            1.0e-8,
            abserr,
        ));
    }
    let bytes = 2.0 * elements as f64 * std::mem::size_of::<T>() as f64;
    Ok(prk::validated("MB/s", 1.0e-6 * bytes / seconds, seconds))
}
