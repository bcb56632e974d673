//! PRK nstream (STREAM triad) as a wasi-parallel guest: `A[i] += B[i] + scalar * C[i]`.
//!
//! Usage: `nstream <iterations> <length> [block]`. Runs `iterations + 1` passes, the first untimed,
//! and validates with PRK's rule: `sum(A) = 8 * (iterations + 1) * length` within 1e-8 relative.
//! Work item `i` handles the `block` elements starting at `i * block` (default 65536).

use std::process::ExitCode;
use std::time::Instant;

use wasi_parallel_kernels::{parallel_for, Access, Device, DeviceKind};

const SCALAR: f64 = 3.0;

/// The triad over one block. Kernel parameters: inputs B, C, then the output A.
extern "C" fn triad(
    item: u32,
    _items: u32,
    block: u32,
    b: *const f64,
    b_len: usize,
    c: *const f64,
    c_len: usize,
    a: *mut f64,
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
    let start = (item as usize * block as usize).min(a.len());
    let end = (start + block as usize).min(a.len()).min(b.len()).min(c.len());
    for ((a, b), c) in a[start..end].iter_mut().zip(&b[start..end]).zip(&c[start..end]) {
        *a += b + SCALAR * c;
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let parse = |i: usize, default: Option<usize>| -> Option<usize> {
        args.get(i).map_or(default, |a| a.parse().ok())
    };
    let (Some(iterations), Some(length), Some(block)) = (parse(1, None), parse(2, None), parse(3, Some(65536))) else {
        eprintln!("Usage: nstream <# iterations> <vector length> [block size]");
        return ExitCode::from(2);
    };
    if iterations < 1 || length < 1 || block < 1 {
        eprintln!("ERROR: iterations, vector length and block size must be positive");
        return ExitCode::from(2);
    }
    match run(iterations, length, block) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("ERROR: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(iterations: usize, length: usize, block: usize) -> Result<bool, wasi_parallel_kernels::Error> {
    println!("Parallel Research Kernels");
    println!("Rust/wasi-parallel STREAM triad: A = B + scalar * C");
    println!("Number of iterations = {iterations}");
    println!("Vector length        = {length}");
    println!("Block size           = {block}");

    let device = Device::get(DeviceKind::Cpu)?;
    let a = device.buffer_from(&vec![0.0f64; length], Access::ReadWrite)?;
    let b = device.buffer_from(&vec![2.0f64; length], Access::Read)?;
    let c = device.buffer_from(&vec![2.0f64; length], Access::Read)?;
    let items = length.div_ceil(block) as u32;
    type Triad = extern "C" fn(u32, u32, u32, *const f64, usize, *const f64, usize, *mut f64, usize);

    let mut start = Instant::now();
    for k in 0..=iterations {
        if k == 1 {
            start = Instant::now();
        }
        parallel_for(triad as Triad, items, block as u32, &[&b, &c], &[&a])?;
    }
    let elapsed = start.elapsed().as_secs_f64();

    let mut result = vec![0.0f64; length];
    a.read(&mut result)?;
    let mut expected = 0.0f64;
    for _ in 0..=iterations {
        expected += 2.0 + SCALAR * 2.0;
    }
    expected *= length as f64;
    let sum: f64 = result.iter().map(|x| x.abs()).sum();
    let epsilon = 1.0e-8;
    if ((expected - sum) / sum).abs() > epsilon {
        println!("Failed Validation on output array");
        println!("       Expected checksum: {expected}");
        println!("       Observed checksum: {sum}");
        println!("ERROR: solution did not validate");
        return Ok(false);
    }
    println!("Solution validates");
    let avg = elapsed / iterations as f64;
    let bytes = 4.0 * length as f64 * std::mem::size_of::<f64>() as f64;
    println!("Rate (MB/s): {:.3} Avg time (s): {:.6}", 1.0e-6 * bytes / avg, avg);
    Ok(true)
}
