//! PRK random (RandomAccess, after HPCC) as a wasi-parallel guest.
//!
//! Usage: `random <log2 table size> <update ratio> [vector length] [iterations]`. The table holds
//! `2^log2` 64-bit words, `Table[i] = i`. `vector length` independent streams (default 1024) of
//! HPCC's generator (powers of 2 modulo the primitive polynomial x^63 + x^2 + x + 1), stream `j`
//! starting at PRK's element `SEQSEED + (nupdate / nstreams) * j` of the sequence, each make
//! `nupdate / (2 * nstreams)` updates `Table[ran & (size - 1)] ^= ran`, where
//! `nupdate = update ratio * size`. PRK runs that round twice from the same starting points, so
//! the second round undoes the first, and validates by counting `Table[i] != i`: at most 1% of the
//! table may be wrong (PRK's HPCC rule), because work items update the table concurrently
//! without synchronisation and may lose an update when two touch the same word at once.
//!
//! Work item `j` is stream `j`, one launch per round. PRK runs the two rounds once and times them;
//! here `iterations` (default 0) repeats that experiment `iterations + 1` times, the first
//! untimed (with 0, the one experiment is timed, as in PRK), and each experiment restores the
//! table. The starting points are computed once, before timing (PRK computes them in each round).
//! The rate is `nupdate` per experiment, in GUPs/s. The table is integers: `--f32` is accepted and
//! changes nothing.

use std::process::ExitCode;

use wasi_parallel_kernels::prk::{self, Outcome};
use wasi_parallel_kernels::{parallel_for, Access, Device, DeviceKind, Error};

/// The primitive polynomial x^63 + x^2 + x + 1, without its leading term.
const POLY: u64 = 0x7;
/// The generator's period, (2^63 - 1) / 7.
const PERIOD: i64 = 1_317_624_576_693_539_401;
/// PRK's first element of the stream of powers of 2.
const SEQSEED: i64 = 834_568_137_686_317_453;

/// The next element of the stream: multiplication by 2 modulo the polynomial.
#[inline(always)]
fn step(ran: u64) -> u64 {
    (ran << 1) ^ if (ran as i64) < 0 { POLY } else { 0 }
}

/// One round of stream `item`: `updates` updates of the table. Kernel parameters: the starting
/// points, then the table.
extern "C" fn update(
    item: u32,
    _items: u32,
    updates: u32,
    starts: *const u64,
    starts_len: usize,
    table: *mut u64,
    table_len: usize,
) {
    // SAFETY: the host passes each buffer's pointer and byte length. Streams may update the same
    // word at once; PRK tolerates the lost updates this can cause.
    let (starts, table) = unsafe {
        (
            wasi_parallel_kernels::slice(starts, starts_len),
            wasi_parallel_kernels::slice_mut(table, table_len),
        )
    };
    let mask = table.len() - 1;
    let mut ran = starts[item as usize];
    for _ in 0..updates {
        ran = step(ran);
        table[ran as usize & mask] ^= ran;
    }
}

/// PRK_starts: element `n` of the stream of powers of 2, by repeated squaring.
fn starts(mut n: i64) -> u64 {
    while n < 0 {
        n += PERIOD;
    }
    while n > PERIOD {
        n -= PERIOD;
    }
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
    let mut i = 63 - n.leading_zeros() as i64 - 1;
    let mut ran = 0x2u64;
    while i >= 0 {
        let mut squared = 0;
        for (j, square) in squares.iter().enumerate() {
            if (ran >> j) & 1 == 1 {
                squared ^= square;
            }
        }
        ran = squared;
        if (n >> i) & 1 == 1 {
            ran = step(ran);
        }
        i -= 1;
    }
    ran
}

fn main() -> ExitCode {
    prk::main(
        "random <log2 tablesize> <#update ratio> [vector length] [iterations]",
        |args| {
            let log2_size = args.number(0, "log2 tablesize", None, 1)?;
            let ratio = args.number(1, "update ratio", None, 1)?;
            let streams = args.number(2, "vector length", Some(1024), 1)?;
            let iterations = args.number(3, "iterations", Some(0), 0)?;
            args.at_most(4)?;
            if log2_size > 30 {
                return Err(prk::Usage(std::format!(
                    "log2 tablesize {log2_size} is too large (at most 30)"
                )));
            }
            if !ratio.is_power_of_two() || !streams.is_power_of_two() {
                return Err(prk::Usage(std::format!(
                    "update ratio ({ratio}) and vector length ({streams}) must be powers of 2"
                )));
            }
            let updates = ratio
                .checked_mul(1 << log2_size)
                .filter(|&n| n / (2 * streams) <= u32::MAX as usize);
            match updates {
            Some(updates) if updates >= 2 * streams => Ok(run(log2_size, ratio, streams, iterations)),
            _ => Err(prk::Usage(std::format!(
                "table size times update ratio must be at least twice the vector length ({streams}), with fewer than 2^32 updates per stream and round"
            ))),
        }
        },
    )
}

fn run(
    log2_size: usize,
    ratio: usize,
    streams: usize,
    iterations: usize,
) -> wasi_parallel_kernels::Result<Outcome> {
    let size = 1usize << log2_size;
    let nupdate = ratio * size;
    println!("Parallel Research Kernels");
    println!("Rust/wasi-parallel Random Access");
    println!("Element type         = u64");
    println!("Table size (shared)  = {size}");
    println!("Update ratio         = {ratio}");
    println!("Number of updates    = {nupdate}");
    println!("Vector length        = {streams}");
    println!("Percent errors allowed = 1");
    println!("Number of iterations = {iterations}");

    let starting: Vec<u64> = (0..streams)
        .map(|j| starts(SEQSEED + (nupdate / streams * j) as i64))
        .collect();
    let initial: Vec<u64> = (0..size as u64).collect();
    let device = Device::get(DeviceKind::Cpu)?;
    let starts_buffer = device.buffer_from(&starting, Access::Read)?;
    let table = device.buffer_from(&initial, Access::ReadWrite)?;
    drop(initial);
    let items = u32::try_from(streams).map_err(|_| Error::INVALID_ARGUMENT)?;
    let per_stream = u32::try_from(nupdate / (2 * streams)).map_err(|_| Error::INVALID_ARGUMENT)?;
    type Update = extern "C" fn(u32, u32, u32, *const u64, usize, *mut u64, usize);

    let seconds = prk::timed(iterations, |_| {
        for _round in 0..2 {
            parallel_for(
                update as Update,
                items,
                per_stream,
                &[&starts_buffer],
                &[&table],
            )?;
        }
        Ok(())
    })?;

    let mut result = vec![0u64; size];
    table.read(&mut result)?;
    let errors = result
        .iter()
        .enumerate()
        .filter(|&(i, &value)| value != i as u64)
        .count();
    println!("Number of errors     = {errors}");
    if errors as f64 > 0.01 * size as f64 {
        return Ok(prk::invalid(
            "incorrect table elements",
            std::format!("at most {}", size / 100),
            errors,
        ));
    }
    Ok(prk::validated(
        "GUPs/s",
        1.0e-9 * nupdate as f64 / seconds,
        seconds,
    ))
}
