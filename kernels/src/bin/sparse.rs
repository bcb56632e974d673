//! PRK sparse (sparse matrix times vector) as a wasi-parallel guest.
//!
//! Usage: `sparse <iterations> <log2 grid size> <radius> [block] [--f32]`. The matrix is PRK's: the
//! star stencil of `radius` on a periodic `2^lsize x 2^lsize` grid, one row per grid point with
//! `4 * radius + 1` nonzeroes, column indices scrambled by reversing the bits of the linearised
//! grid index and sorted within each row, and values `1 / (column + 1)`. Each pass adds `row + 1`
//! to every element of the vector, then adds the matrix-vector product to the result. Runs
//! `iterations + 1` passes, the first untimed, and validates with PRK's rule: the sum of the
//! result is `0.5 * nent * (iterations + 1) * (iterations + 2)` within 1e-8 relative (1e-4 in f32).
//!
//! A pass is two launches (the vector update must be complete before any row reads it): both
//! handle `block` rows per work item (default 256). The number of nonzeroes per row is the
//! matrix's length over the result's.

use std::process::ExitCode;

use wasi_parallel_kernels::prk::{self, Outcome, Real};
use wasi_parallel_kernels::{parallel_for, Access, Device, DeviceKind, Error};

/// `vector[row] += row + 1` over one block of rows. Kernel parameter: the vector.
extern "C" fn fill<T: Real>(item: u32, _items: u32, block: u32, vector: *mut T, vector_len: usize) {
    // SAFETY: the host passes the buffer's pointer and byte length; blocks are disjoint.
    let vector = unsafe { wasi_parallel_kernels::slice_mut(vector, vector_len) };
    let start = (item as usize * block as usize).min(vector.len());
    let end = (start + block as usize).min(vector.len());
    for (row, value) in (start..end).zip(&mut vector[start..end]) {
        *value += T::whole(row + 1);
    }
}

/// `result[row] += sum(matrix[row][k] * vector[column[row][k]])` over one block of rows. Kernel
/// parameters: the inputs matrix, column indices and vector, then the output result.
#[allow(
    clippy::too_many_arguments,
    reason = "a kernel takes one pointer and length per buffer"
)]
extern "C" fn multiply<T: Real>(
    item: u32,
    _items: u32,
    block: u32,
    matrix: *const T,
    matrix_len: usize,
    columns: *const u32,
    columns_len: usize,
    vector: *const T,
    vector_len: usize,
    result: *mut T,
    result_len: usize,
) {
    // SAFETY: the host passes each buffer's pointer and byte length; blocks are disjoint.
    let (matrix, columns, vector, result) = unsafe {
        (
            wasi_parallel_kernels::slice(matrix, matrix_len),
            wasi_parallel_kernels::slice(columns, columns_len),
            wasi_parallel_kernels::slice(vector, vector_len),
            wasi_parallel_kernels::slice_mut(result, result_len),
        )
    };
    let stencil = matrix.len() / result.len();
    let start = (item as usize * block as usize).min(result.len());
    let end = (start + block as usize).min(result.len());
    let (matrix, columns) = (
        &matrix[start * stencil..end * stencil],
        &columns[start * stencil..end * stencil],
    );
    for ((sum, values), columns) in result[start..end]
        .iter_mut()
        .zip(matrix.chunks_exact(stencil))
        .zip(columns.chunks_exact(stencil))
    {
        let mut temp = T::ZERO;
        for (&value, &column) in values.iter().zip(columns) {
            temp += value * vector[column as usize];
        }
        *sum += temp;
    }
}

fn main() -> ExitCode {
    prk::main(
        "sparse <# iterations> <2log grid size> <stencil radius> [block size]",
        |args| {
            let iterations = args.number(0, "iterations", None, 1)?;
            let lsize = args.number(1, "2log grid size", None, 0)?;
            let radius = args.number(2, "stencil radius", None, 0)?;
            let block = args.number(3, "block size", Some(256), 1)?;
            args.at_most(4)?;
            if lsize > 15 {
                return Err(prk::Usage(std::format!(
                    "2log grid size {lsize} is too large (at most 15)"
                )));
            }
            if (1 << lsize) < 2 * radius + 1 {
                return Err(prk::Usage(std::format!(
                    "grid extent {} smaller than stencil diameter {}",
                    1 << lsize,
                    2 * radius + 1
                )));
            }
            Ok(if args.f32 {
                run::<f32>(iterations, lsize, radius, block)
            } else {
                run::<f64>(iterations, lsize, radius, block)
            })
        },
    )
}

/// PRK's scrambling: the `bits` low bits of `index` in reverse order.
fn reverse(index: usize, bits: usize) -> u32 {
    (index as u32)
        .reverse_bits()
        .checked_shr(32 - bits as u32)
        .unwrap_or(0)
}

fn run<T: Real>(
    iterations: usize,
    lsize: usize,
    radius: usize,
    block: usize,
) -> wasi_parallel_kernels::Result<Outcome> {
    let size = 1usize << lsize;
    let rows = size * size;
    let stencil = 4 * radius + 1;
    let nent = rows * stencil;
    prk::banner::<T>(
        "Sparse matrix-vector multiplication",
        &[
            ("Number of iterations", prk::show(iterations)),
            ("Matrix order", prk::show(rows)),
            ("Stencil diameter", prk::show(2 * radius + 1)),
            (
                "Sparsity",
                std::format!("{:.10}", stencil as f64 / rows as f64),
            ),
            ("Block size", prk::show(block)),
        ],
    );
    println!("Using scrambled indexing");

    let linear = |i: usize, j: usize| i + (j << lsize);
    let mut columns = vec![0u32; nent];
    let mut matrix = vec![T::ZERO; nent];
    for (row, (columns, values)) in columns
        .chunks_exact_mut(stencil)
        .zip(matrix.chunks_exact_mut(stencil))
        .enumerate()
    {
        let (i, j) = (row % size, row / size);
        columns[0] = reverse(linear(i, j), 2 * lsize);
        for r in 1..=radius {
            columns[4 * r - 3] = reverse(linear((i + r) % size, j), 2 * lsize);
            columns[4 * r - 2] = reverse(linear((i + size - r) % size, j), 2 * lsize);
            columns[4 * r - 1] = reverse(linear(i, (j + r) % size), 2 * lsize);
            columns[4 * r] = reverse(linear(i, (j + size - r) % size), 2 * lsize);
        }
        columns.sort_unstable();
        for (value, &column) in values.iter_mut().zip(columns.iter()) {
            *value = T::of(1.0 / (column as f64 + 1.0));
        }
    }
    let device = Device::get(DeviceKind::Cpu)?;
    let matrix_buffer = device.buffer_from(&matrix, Access::Read)?;
    drop(matrix);
    let columns_buffer = device.buffer_from(&columns, Access::Read)?;
    drop(columns);
    let vector = device.buffer_from(&vec![T::ZERO; rows], Access::ReadWrite)?;
    let result = device.buffer_from(&vec![T::ZERO; rows], Access::ReadWrite)?;
    let items = u32::try_from(rows.div_ceil(block)).map_err(|_| Error::INVALID_ARGUMENT)?;
    let block = u32::try_from(block).map_err(|_| Error::INVALID_ARGUMENT)?;
    type Fill<T> = extern "C" fn(u32, u32, u32, *mut T, usize);
    type Multiply<T> = extern "C" fn(
        u32,
        u32,
        u32,
        *const T,
        usize,
        *const u32,
        usize,
        *const T,
        usize,
        *mut T,
        usize,
    );

    let seconds = prk::timed(iterations, |_| {
        parallel_for(fill::<T> as Fill<T>, items, block, &[], &[&vector])?;
        parallel_for(
            multiply::<T> as Multiply<T>,
            items,
            block,
            &[&matrix_buffer, &columns_buffer, &vector],
            &[&result],
        )
    })?;

    let mut sums = vec![T::ZERO; rows];
    result.read(&mut sums)?;
    let sum: f64 = sums.iter().map(|x| x.to_f64()).sum();
    let expected = 0.5 * nent as f64 * (iterations + 1) as f64 * (iterations + 2) as f64;
    let epsilon = if T::NAME == "f32" { 1.0e-4 } else { 1.0e-8 };
    if !prk::close(sum, expected, epsilon) {
        return Ok(prk::invalid("vector sum", expected, sum));
    }
    Ok(prk::validated(
        "MFlops/s",
        1.0e-6 * 2.0 * nent as f64 / seconds,
        seconds,
    ))
}
