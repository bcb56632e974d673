//! `resize_f32`: the portable kernel's sum over each output element's taps, in its order, as
//! native code on the team's threads, a row of the innermost dimension at a time. The tap
//! tables are i32 words, seen here as f32 bit patterns.

use super::elementary::{fmax, fmin};
use super::parallel::DIRECT_OPS_PER_NS;
use super::{fits, float, size, Ctx};
use crate::abi::{resize as r, RANK};

/// `resize_f32`. Parameters: [`crate::abi::resize`]. Inputs: the tap table and x.
pub(super) fn resize(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
) -> Result<(), String> {
    let [table, x] = *inputs else {
        return Err(format!("{} inputs, not 2", inputs.len()));
    };
    let mut dims = [0usize; RANK];
    let mut strides = [0usize; RANK];
    let mut taps = [0usize; RANK];
    let mut tables = [0usize; RANK];
    for d in 0..RANK {
        dims[d] = size(p, r::OUT_DIMS + d)?;
        strides[d] = size(p, r::IN_STRIDES + d)?;
        taps[d] = size(p, r::TAPS + d)?;
        tables[d] = size(p, r::TABLES + d)?;
        // Every table entry this dimension reads, and every input offset it names, is checked.
        fits("the tap table", table, tables[d] + 2 * dims[d] * taps[d])?;
    }
    let count: usize = dims.iter().product();
    fits("y", y, count)?;
    let reach: usize = (0..RANK)
        .map(|d| {
            (0..dims[d] * taps[d])
                .map(|e| (table[tables[d] + 2 * e].to_bits() as i32).max(0) as usize)
                .max()
                .unwrap_or(0)
                * strides[d]
        })
        .sum();
    if count > 0 {
        fits("x", x, reach + 1)?;
    }
    let extrapolation = float(p, r::EXTRAPOLATION)?;
    let truncate = size(p, r::TRUNCATE)? != 0;
    let (low, high) = (float(p, r::LOW)?, float(p, r::HIGH)?);
    let combinations: usize = taps.iter().product();
    // A row along the innermost dimension at a time: the other dimensions' taps are combined
    // once per row (their offsets and the product of their weights, in the portable kernel's
    // order), then each output of the row goes through them with its own innermost taps.
    let inner = RANK - 1;
    let row_len = dims[inner].max(1);
    let rows_per_chunk = (1024 / row_len).max(1);
    let outer_combinations: usize = taps[..inner].iter().product();
    let y = &mut y[..count];
    cx.par
        .run(count * combinations * 2 / DIRECT_OPS_PER_NS, |loops| {
            loops.chunks(y, row_len * rows_per_chunk, |chunk, out| {
                let mut outer: Vec<(usize, f32)> = Vec::with_capacity(outer_combinations);
                for (k, row_out) in out.chunks_mut(row_len).enumerate() {
                    let mut coord = [0usize; RANK];
                    let mut rest = chunk * rows_per_chunk + k;
                    for d in (0..inner).rev() {
                        coord[d] = rest % dims[d];
                        rest /= dims[d];
                    }
                    outer.clear();
                    let mut outside = false;
                    let mut tap = [0usize; RANK];
                    for _ in 0..outer_combinations {
                        let (mut offset, mut weight) = (0usize, 1.0f32);
                        for d in 0..inner {
                            let entry = tables[d] + 2 * (coord[d] * taps[d] + tap[d]);
                            let index = table[entry].to_bits() as i32;
                            if index < 0 {
                                outside = true;
                            } else {
                                offset += index as usize * strides[d];
                            }
                            weight *= table[entry + 1];
                        }
                        outer.push((offset, weight));
                        // The next combination, the innermost of these dimensions fastest.
                        for d in (0..inner).rev() {
                            tap[d] += 1;
                            if tap[d] < taps[d] {
                                break;
                            }
                            tap[d] = 0;
                        }
                    }
                    for (c, o) in row_out.iter_mut().enumerate() {
                        let mut acc = 0.0f32;
                        let mut outside = outside;
                        let entries =
                            &table[tables[inner] + 2 * c * taps[inner]..][..2 * taps[inner]];
                        for &(offset, outer_weight) in &outer {
                            for e in entries.chunks_exact(2) {
                                let index = e[0].to_bits() as i32;
                                let weight = outer_weight * e[1];
                                if index < 0 {
                                    outside = true;
                                } else if weight != 0.0 {
                                    acc += weight * x[offset + index as usize * strides[inner]];
                                }
                            }
                        }
                        let mut v = if outside { extrapolation } else { acc };
                        if truncate {
                            v = fmin(fmax(v.trunc(), low), high);
                        }
                        *o = v;
                    }
                }
            })
        });
    Ok(())
}
