//! `resize_f32`: the portable kernel's sum over each output element's taps, as native code on
//! the team's threads. The tap tables are i32 words, seen here as f32 bit patterns.

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
    let y = &mut y[..count];
    cx.par
        .run(count * combinations * RANK / DIRECT_OPS_PER_NS, |loops| {
            loops.chunks(y, 1024, |chunk, out| {
                // The first element's coordinates, then counted up without divisions.
                let mut coord = [0usize; RANK];
                let mut rest = chunk * 1024;
                for d in (0..RANK).rev() {
                    coord[d] = rest % dims[d];
                    rest /= dims[d];
                }
                for o in out.iter_mut() {
                    let mut acc = 0.0f32;
                    let mut outside = false;
                    let mut tap = [0usize; RANK];
                    for _ in 0..combinations {
                        let (mut offset, mut weight) = (0usize, 1.0f32);
                        for d in 0..RANK {
                            let entry = tables[d] + 2 * (coord[d] * taps[d] + tap[d]);
                            let index = table[entry].to_bits() as i32;
                            if index < 0 {
                                outside = true;
                            } else {
                                offset += index as usize * strides[d];
                            }
                            weight *= table[entry + 1];
                        }
                        if !outside && weight != 0.0 {
                            acc += weight * x[offset];
                        }
                        // The next combination of taps, innermost dimension fastest.
                        for d in (0..RANK).rev() {
                            tap[d] += 1;
                            if tap[d] < taps[d] {
                                break;
                            }
                            tap[d] = 0;
                        }
                    }
                    let mut v = if outside { extrapolation } else { acc };
                    if truncate {
                        v = fmin(fmax(v.trunc(), low), high);
                    }
                    *o = v;
                    for d in (0..RANK).rev() {
                        coord[d] += 1;
                        if coord[d] < dims[d] {
                            break;
                        }
                        coord[d] = 0;
                    }
                }
            })
        });
    Ok(())
}
