//! PRK reduce with the binary-barrier algorithm: `vectors` vector pairs, each pass initialised,
//! the local part added, then summed into the first vector by halving stages, in blocks of
//! `block` elements of one vector per task.

use anyhow::bail;
use rayon::prelude::*;

use super::{timed, Measured, Real};

/// `iterations + 1` reductions of `vectors` pairs of vectors of `length`, the first untimed.
pub fn run<T: Real>(
    pool: &rayon::ThreadPool,
    iterations: usize,
    length: usize,
    vectors: usize,
    block: usize,
) -> anyhow::Result<Measured> {
    if length == 0 || vectors == 0 || block == 0 {
        bail!("reduce needs at least one vector, one element and one element per block");
    }
    let mut first = vec![T::ZERO; vectors * length];
    let mut second = vec![T::ZERO; vectors * length];
    let seconds = timed(pool, iterations, |_| {
        first
            .par_chunks_mut(length)
            .zip(second.par_chunks_mut(length))
            .enumerate()
            .for_each(|(id, (first, second))| {
                let (a0, b0) = (T::of((id + 1) as f64), T::of((id + 1 + vectors) as f64));
                first
                    .par_chunks_mut(block)
                    .zip(second.par_chunks_mut(block))
                    .for_each(|(first, second)| {
                        for (a, b) in first.iter_mut().zip(second.iter_mut()) {
                            *a = a0;
                            *b = b0;
                        }
                        for (a, b) in first.iter_mut().zip(second.iter()) {
                            *a += *b;
                        }
                    });
            });
        let mut group = vectors;
        while group > 1 {
            let old = group;
            group = group.div_ceil(2);
            let (receivers, donors) = first.split_at_mut(group * length);
            receivers[..(old - group) * length]
                .par_chunks_mut(length)
                .zip(donors.par_chunks(length))
                .for_each(|(receiver, donor)| {
                    receiver
                        .par_chunks_mut(block)
                        .zip(donor.par_chunks(block))
                        .for_each(|(receiver, donor)| {
                            for (a, b) in receiver.iter_mut().zip(donor) {
                                *a += *b;
                            }
                        });
                });
        }
    });
    let expected = (vectors * (2 * vectors + 1)) as f64;
    if let Some((i, x)) = first[..length]
        .iter()
        .enumerate()
        .find(|(_, x)| (x.to_f64() - expected).abs() >= 1e-8)
    {
        bail!("native reduce did not validate: element {i} is {x:?}, expected {expected}");
    }
    Ok(Measured {
        rate: 1e-6 * (2 * vectors - 1) as f64 * length as f64 / seconds,
        seconds,
    })
}
