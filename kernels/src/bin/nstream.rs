//! PRK nstream (STREAM triad) as a wasi-parallel guest: `A[i] += B[i] + scalar * C[i]`.
//!
//! Usage: `nstream <iterations> <length> [block] [--f32]`. Runs `iterations + 1` passes, the first
//! untimed, and validates with PRK's rule: `sum(|A|) = 8 * (iterations + 1) * length` within 1e-8
//! relative (1e-4 in f32). Work item `i` handles the `block` elements starting at `i * block`
//! (default 65536).

use std::process::ExitCode;

use wasi_parallel_kernels::prk::{self, Outcome, Real};
use wasi_parallel_kernels::{parallel_for, Access, Device, DeviceKind};

const SCALAR: f64 = 3.0;

/// The triad over one block. Kernel parameters: inputs B, C, then the output A.
extern "C" fn triad<T: Real>(
    item: u32,
    _items: u32,
    block: u32,
    b: *const T,
    b_len: usize,
    c: *const T,
    c_len: usize,
    a: *mut T,
    a_len: usize,
) {
    // SAFETY: the host passes each buffer's pointer and byte length; blocks are disjoint.
    let (b, c, a) = unsafe {
        (
            wasi_parallel_kernels::slice(b, b_len),
            wasi_parallel_kernels::slice(c, c_len),
            wasi_parallel_kernels::slice_mut(a, a_len),
        )
    };
    let scalar = T::of(SCALAR);
    let start = (item as usize * block as usize).min(a.len());
    let end = (start + block as usize)
        .min(a.len())
        .min(b.len())
        .min(c.len());
    for ((a, b), c) in a[start..end]
        .iter_mut()
        .zip(&b[start..end])
        .zip(&c[start..end])
    {
        *a += *b + scalar * *c;
    }
}

fn main() -> ExitCode {
    prk::main(
        "nstream <# iterations> <vector length> [block size]",
        |args| {
            let iterations = args.number(0, "iterations", None, 1)?;
            let length = args.number(1, "vector length", None, 1)?;
            let block = args.number(2, "block size", Some(65536), 1)?;
            args.at_most(3)?;
            Ok(if args.f32 {
                run::<f32>(iterations, length, block)
            } else {
                run::<f64>(iterations, length, block)
            })
        },
    )
}

fn run<T: Real>(
    iterations: usize,
    length: usize,
    block: usize,
) -> wasi_parallel_kernels::Result<Outcome> {
    prk::banner::<T>(
        "STREAM triad: A = B + scalar * C",
        &[
            ("Number of iterations", prk::show(iterations)),
            ("Vector length", prk::show(length)),
            ("Block size", prk::show(block)),
        ],
    );
    let device = Device::get(DeviceKind::Cpu)?;
    let a = device.buffer_from(&vec![T::ZERO; length], Access::ReadWrite)?;
    let b = device.buffer_from(&vec![T::of(2.0); length], Access::Read)?;
    let c = device.buffer_from(&vec![T::of(2.0); length], Access::Read)?;
    let items = u32::try_from(length.div_ceil(block))
        .map_err(|_| wasi_parallel_kernels::Error::INVALID_ARGUMENT)?;
    type Triad<T> = extern "C" fn(u32, u32, u32, *const T, usize, *const T, usize, *mut T, usize);

    let seconds = prk::timed(iterations, |_| {
        parallel_for(
            triad::<T> as Triad<T>,
            items,
            block as u32,
            &[&b, &c],
            &[&a],
        )
    })?;

    let mut result = vec![T::ZERO; length];
    a.read(&mut result)?;
    let expected = (iterations + 1) as f64 * (2.0 + SCALAR * 2.0) * length as f64;
    let sum: f64 = result.iter().map(|x| x.abs().to_f64()).sum();
    let epsilon = if T::NAME == "f32" { 1.0e-4 } else { 1.0e-8 };
    if !prk::close(sum, expected, epsilon) {
        return Ok(prk::invalid("checksum of A", expected, sum));
    }
    let bytes = 4.0 * length as f64 * std::mem::size_of::<T>() as f64;
    Ok(prk::validated("MB/s", 1.0e-6 * bytes / seconds, seconds))
}
