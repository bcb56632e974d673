//! PRK random (RandomAccess): one task per stream, unsynchronised updates of a shared table.
//!
//! The guest's work items update the table with plain loads and stores, racing; here the table is
//! `AtomicU64` with relaxed loads and stores (not read-modify-write), which is the same plain
//! `mov`s on the machine, without a data race in Rust's sense.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use anyhow::bail;
use rayon::prelude::*;

use super::{timed, Measured};

/// The primitive polynomial x^63 + x^2 + x + 1, without its leading term.
const POLY: u64 = 0x7;
/// The generator's period, (2^63 - 1) / 7.
const PERIOD: i64 = 1_317_624_576_693_539_401;
/// PRK's first element of the stream of powers of 2.
const SEQSEED: i64 = 834_568_137_686_317_453;

/// The next element of the stream: multiplication by 2 modulo the polynomial.
fn step(ran: u64) -> u64 {
    (ran << 1) ^ if (ran as i64) < 0 { POLY } else { 0 }
}

/// PRK_starts: element `n` of the stream of powers of 2, by repeated squaring.
fn starts(mut n: i64) -> u64 {
    n = n.rem_euclid(PERIOD);
    if n == 0 {
        return 0x1;
    }
    // squares[i] = 2^(2i), the square of the element with bit i set.
    let mut squares = [0u64; 64];
    let mut temp = 0x1u64;
    for square in &mut squares {
        *square = temp;
        temp = step(step(temp));
    }
    let mut ran = 0x2u64;
    for i in (0..63 - n.leading_zeros()).rev() {
        ran = squares
            .iter()
            .enumerate()
            .filter(|&(j, _)| (ran >> j) & 1 == 1)
            .fold(0, |squared, (_, square)| squared ^ square);
        if (n >> i) & 1 == 1 {
            ran = step(ran);
        }
    }
    ran
}

/// `iterations + 1` experiments of two rounds of `ratio * 2^log2_size` updates in `streams`
/// streams, the first untimed (with 0 iterations, the one experiment is timed).
pub fn run(
    pool: &rayon::ThreadPool,
    iterations: usize,
    log2_size: usize,
    ratio: usize,
    streams: usize,
) -> anyhow::Result<Measured> {
    let size = 1usize << log2_size;
    let nupdate = ratio * size;
    if streams == 0 || nupdate < 2 * streams {
        bail!("random needs at least two updates per stream");
    }
    let per_stream = nupdate / (2 * streams);
    let starting: Vec<u64> = (0..streams)
        .map(|j| starts(SEQSEED + (nupdate / streams * j) as i64))
        .collect();
    let table: Vec<AtomicU64> = (0..size as u64).map(AtomicU64::new).collect();
    let mask = size - 1;
    // The tasks take the slice by value: through a reference to the `Vec`, LLVM reloads its
    // pointer and length after every atomic store.
    let words: &[AtomicU64] = &table;
    let seconds = timed(pool, iterations, |_| {
        for _round in 0..2 {
            starting.par_iter().for_each(move |&start| {
                let mut ran = start;
                for _ in 0..per_stream {
                    ran = step(ran);
                    let word = &words[ran as usize & mask];
                    word.store(word.load(Relaxed) ^ ran, Relaxed);
                }
            });
        }
    });
    let errors = table
        .iter()
        .enumerate()
        .filter(|&(i, value)| value.load(Relaxed) != i as u64)
        .count();
    if errors as f64 > 0.01 * size as f64 {
        bail!("native random did not validate: {errors} of {size} table entries are wrong");
    }
    Ok(Measured {
        rate: 1e-9 * nupdate as f64 / seconds,
        seconds,
    })
}
