//! PRK dgemm as a wasi-parallel guest: `C += A * B`, per pass.
//!
//! Usage: `dgemm <iterations> <order> [block] [--f32]`. `A[i][j] = B[i][j] = i` (row-major, as
//! PRK's C++11 and Rust versions; PRK's column-major C version's `A(i,j) = j` is the same
//! matrix), `C = 0`. PRK's tiled loop nest over `block x block` tiles, with its `k` tile loop as
//! the launch loop: each pass is one launch per `block`-wide slab of `k`, and in a launch work item
//! `t` adds the slab's product to tile `(t / tiles, t % tiles)` of `C` with the i-k-j loops
//! `C[i][j] += A[i][k] * B[k][j]`. (A work item that swept all of `k` would run `order * block^2`
//! inner iterations: lavapipe ends any invocation's loops after 65535 iterations in all, which
//! also caps `block` at about 50 there.)
//! Validation is PRK's: the sum of `C` is `0.25 * order^3 * (order - 1)^2 * (iterations + 1)`
//! within 1e-8 relative (1e-4 in f32, whose entries past 2^24 are rounded). Rate: `2 * order^3`
//! flops per pass, in MFlops/s.

use std::process::ExitCode;

use wasi_parallel_kernels::prk::{self, Outcome, Real};
use wasi_parallel_kernels::{parallel_for, Access, Device, DeviceKind, Error};

/// One tile of `C += A[.., k0..k0 + block] * B[k0..k0 + block, ..]`. Kernel parameters: the
/// inputs `params = [order, k0]`, `A` and `B`, then the output `C`.
///
/// `B` is the block size when it is a common one (0 otherwise): full-width rows of the tile are
/// then `[T; B]` arrays, whose update compiles to straight-line Wasm with constant offsets, about
/// 1.5x faster under Cranelift than the loop (natively the loop is the faster form, and the
/// baseline keeps it).
extern "C" fn dgemm<T: Real, const B: usize>(
    item: u32,
    _items: u32,
    block: u32,
    params: *const u32,
    params_len: usize,
    a: *const T,
    a_len: usize,
    b: *const T,
    b_len: usize,
    c: *mut T,
    c_len: usize,
) {
    // SAFETY: the host passes each buffer's pointer and byte length; tiles of C are disjoint.
    let (params, a, b, c) = unsafe {
        (
            wasi_parallel_kernels::slice(params, params_len),
            wasi_parallel_kernels::slice(a, a_len),
            wasi_parallel_kernels::slice(b, b_len),
            wasi_parallel_kernels::slice_mut(c, c_len),
        )
    };
    let (n, k0) = (params[0] as usize, params[1] as usize);
    let block = block as usize;
    let tiles = n.div_ceil(block);
    let (i0, j0) = (item as usize / tiles * block, item as usize % tiles * block);
    let (i1, j1, k1) = (
        (i0 + block).min(n),
        (j0 + block).min(n),
        (k0 + block).min(n),
    );
    for i in i0..i1 {
        let c_row = &mut c[i * n + j0..i * n + j1];
        for k in k0..k1 {
            let a_ik = a[i * n + k];
            let b_row = &b[k * n + j0..k * n + j1];
            match (
                <&mut [T; B]>::try_from(&mut *c_row),
                <&[T; B]>::try_from(b_row),
            ) {
                (Ok(c_row), Ok(b_row)) => row_update(a_ik, b_row, c_row),
                _ => row_update(a_ik, b_row, c_row),
            }
        }
    }
}

/// `c_row += a_ik * b_row`.
#[inline(always)]
fn row_update<T: Real>(a_ik: T, b_row: &[T], c_row: &mut [T]) {
    for (c, b) in c_row.iter_mut().zip(b_row) {
        *c += a_ik * *b;
    }
}

fn main() -> ExitCode {
    prk::main("dgemm <# iterations> <matrix order> [block size]", |args| {
        let iterations = args.number(0, "iterations", None, 1)?;
        let order = args.number(1, "matrix order", None, 2)?;
        let block = args.number(2, "block size", Some(32), 1)?.min(order);
        args.at_most(3)?;
        Ok(if args.f32 {
            run::<f32>(iterations, order, block)
        } else {
            run::<f64>(iterations, order, block)
        })
    })
}

fn run<T: Real>(
    iterations: usize,
    order: usize,
    block: usize,
) -> wasi_parallel_kernels::Result<Outcome> {
    prk::banner::<T>(
        "Dense matrix-matrix multiplication: C += A x B",
        &[
            ("Number of iterations", prk::show(iterations)),
            ("Matrix order", prk::show(order)),
            ("Block size", prk::show(block)),
        ],
    );
    let elements = order.checked_mul(order).ok_or(Error::INVALID_ARGUMENT)?;
    let initial: Vec<T> = (0..elements).map(|ij| T::of((ij / order) as f64)).collect();
    let device = Device::get(DeviceKind::Cpu)?;
    let n32 = u32::try_from(order).map_err(|_| Error::INVALID_ARGUMENT)?;
    let params = device.buffer_from(&[n32, 0], Access::Read)?;
    let a = device.buffer_from(&initial, Access::Read)?;
    let b = device.buffer_from(&initial, Access::Read)?;
    let c = device.buffer_from(&vec![T::ZERO; elements], Access::ReadWrite)?;
    drop(initial);
    let tiles = order.div_ceil(block);
    let items = u32::try_from(tiles * tiles).map_err(|_| Error::INVALID_ARGUMENT)?;
    type Dgemm<T> = extern "C" fn(
        u32,
        u32,
        u32,
        *const u32,
        usize,
        *const T,
        usize,
        *const T,
        usize,
        *mut T,
        usize,
    );
    let kernel: Dgemm<T> = match block {
        16 => dgemm::<T, 16>,
        32 => dgemm::<T, 32>,
        _ => dgemm::<T, 0>,
    };

    let seconds = prk::timed(iterations, |_| {
        for k0 in (0..n32).step_by(block) {
            params.write(&[n32, k0])?;
            parallel_for(kernel, items, block as u32, &[&params, &a, &b], &[&c])?;
        }
        Ok(())
    })?;

    let mut result = vec![T::ZERO; elements];
    c.read(&mut result)?;
    let n = order as f64;
    let reference = 0.25 * n * n * n * (n - 1.0) * (n - 1.0) * (iterations + 1) as f64;
    let checksum: f64 = result.iter().map(|x| x.to_f64()).sum();
    let epsilon = if T::NAME == "f32" { 1.0e-4 } else { 1.0e-8 };
    if !prk::close(checksum, reference, epsilon) {
        return Ok(prk::invalid("checksum of C", reference, checksum));
    }
    let flops = 2.0 * n * n * n;
    Ok(prk::validated(
        "MFlops/s",
        1.0e-6 * flops / seconds,
        seconds,
    ))
}
