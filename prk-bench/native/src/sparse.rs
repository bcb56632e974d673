//! PRK sparse: PRK's scrambled star-stencil matrix times a vector, in blocks of rows per task.

use anyhow::bail;
use rayon::prelude::*;

use super::{close, timed, Measured, Real};

/// PRK's scrambling: the `bits` low bits of `index` in reverse order.
fn reverse(index: usize, bits: usize) -> u32 {
    (index as u32)
        .reverse_bits()
        .checked_shr(32 - bits as u32)
        .unwrap_or(0)
}

/// PRK's matrix for a `2^lsize` x `2^lsize` grid and `radius`: per row, the sorted column indices
/// and the values `1 / (column + 1)`.
fn matrix<T: Real>(lsize: usize, radius: usize) -> (Vec<u32>, Vec<T>) {
    let size = 1usize << lsize;
    let stencil = 4 * radius + 1;
    let linear = |i: usize, j: usize| reverse(i + (j << lsize), 2 * lsize);
    let mut columns = vec![0u32; size * size * stencil];
    let mut values = vec![T::ZERO; columns.len()];
    columns
        .par_chunks_mut(stencil)
        .zip(values.par_chunks_mut(stencil))
        .enumerate()
        .for_each(|(row, (columns, values))| {
            let (i, j) = (row % size, row / size);
            columns[0] = linear(i, j);
            for r in 1..=radius {
                columns[4 * r - 3] = linear((i + r) % size, j);
                columns[4 * r - 2] = linear((i + size - r) % size, j);
                columns[4 * r - 1] = linear(i, (j + r) % size);
                columns[4 * r] = linear(i, (j + size - r) % size);
            }
            columns.sort_unstable();
            for (value, &column) in values.iter_mut().zip(columns.iter()) {
                *value = T::of(1.0 / (f64::from(column) + 1.0));
            }
        });
    (columns, values)
}

/// `iterations + 1` passes of `vector += row + 1; result += matrix * vector`, `block` rows per
/// task, the first pass untimed.
pub fn run<T: Real>(
    pool: &rayon::ThreadPool,
    iterations: usize,
    lsize: usize,
    radius: usize,
    block: usize,
) -> anyhow::Result<Measured> {
    if lsize > 15 || (1 << lsize) < 2 * radius + 1 {
        bail!("sparse needs 2log grid size <= 15 and a grid of at least the stencil's diameter");
    }
    let rows = 1usize << (2 * lsize);
    let stencil = 4 * radius + 1;
    let nent = rows * stencil;
    let (columns, matrix) = pool.install(|| matrix::<T>(lsize, radius));
    let mut vector = vec![T::ZERO; rows];
    let mut result = vec![T::ZERO; rows];
    let seconds = timed(pool, iterations, |_| {
        vector
            .par_chunks_mut(block)
            .enumerate()
            .for_each(|(b, values)| {
                for (row, value) in (b * block..).zip(values) {
                    *value += T::of((row + 1) as f64);
                }
            });
        let vector: &[T] = &vector;
        result
            .par_chunks_mut(block)
            .zip(matrix.par_chunks(block * stencil))
            .zip(columns.par_chunks(block * stencil))
            .for_each(|((sums, values), columns)| {
                for ((sum, values), columns) in sums
                    .iter_mut()
                    .zip(values.chunks_exact(stencil))
                    .zip(columns.chunks_exact(stencil))
                {
                    let mut temp = T::ZERO;
                    for (&value, &column) in values.iter().zip(columns) {
                        temp += value * vector[column as usize];
                    }
                    *sum += temp;
                }
            });
    });
    let sum: f64 = result.iter().map(|x| x.to_f64()).sum();
    let expected = 0.5 * nent as f64 * (iterations + 1) as f64 * (iterations + 2) as f64;
    if !close(sum, expected, if T::SINGLE { 1e-4 } else { 1e-8 }) {
        bail!("native sparse did not validate: expected {expected}, got {sum}");
    }
    Ok(Measured {
        rate: 2e-6 * nent as f64 / seconds,
        seconds,
    })
}
