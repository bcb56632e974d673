//! `pool_f32` and `global_pool_f32`: max and average pooling. Windows that lie inside the input
//! are reduced with no checks, and separably (down the columns under a row of windows, then
//! along the row); the others one tap at a time, as the portable kernel does.

use super::parallel::ELEMENTS_PER_NS;
use super::{fits, fmax, one, product, size, sized, Ctx};
use crate::abi;

/// `pool_f32`: max or average pooling over windows of up to three dimensions, with parameters
/// [`abi::pool`]. Each window as `pool_window` in the portable kernels computes it.
pub(super) fn pool(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    Ctx { par, .. }: Ctx<'_>,
) -> Result<(), String> {
    let x = one(inputs)?;
    let s = |k| size(p, k);
    let int = |k: usize| p.get(k).copied().ok_or("too few parameters");
    use abi::pool::*;
    let (n, c, d, h, w) = (s(N)?, s(C)?, s(D)?, s(H)?, s(W)?);
    let (od, oh, ow) = (s(OD)?, s(OH)?, s(OW)?);
    let (kd, kh, kw) = (s(KD)?, s(KH)?, s(KW)?);
    let triple =
        |at: usize| -> Result<[i32; 3], &str> { Ok([int(at)?, int(at + 1)?, int(at + 2)?]) };
    let (stride, pad, dilation) = (triple(STRIDES)?, triple(PADS_BEFORE)?, triple(DILATIONS)?);
    let (average, include_pad) = (int(KIND)? == AVERAGE, int(COUNT_INCLUDE_PAD)? != 0);
    if stride.iter().chain(&dilation).any(|&v| v < 1) {
        return Err(format!(
            "strides {stride:?} or dilations {dilation:?} below 1"
        ));
    }
    // Where padding ends: windows that ceil_mode lets run past it do not count what is beyond.
    let after = triple(PADS_AFTER)?;
    let end = [
        d as i32 + after[0],
        h as i32 + after[1],
        w as i32 + after[2],
    ];
    let (plane, out_plane) = (product(&[d, h, w])?, product(&[od, oh, ow])?);
    fits("x", x, product(&[n, c, plane])?)?;
    fits("y", y, product(&[n, c, out_plane])?)?;
    if out_plane == 0 {
        return Ok(());
    }
    let y = &mut y[..n * c * out_plane];
    let window = product(&[kd, kh, kw])?;
    // The outputs along a row whose windows lie inside it.
    let columns_inside = {
        let first = (pad[2] + stride[2] - 1).div_euclid(stride[2]).max(0);
        let reach = (kw as i32 - 1) * dilation[2];
        let last = (w as i32 - 1 - reach + pad[2]).div_euclid(stride[2]);
        (first, (last + 1).clamp(first, ow as i32))
    };
    par.run(y.len() * window / ELEMENTS_PER_NS, |loops| {
        loops.chunks_with_scratch(y, out_plane, |scratch, i, out| {
            let xp = &x[i * plane..][..plane];
            // Output coordinates by counting, not dividing (a division per output costs more
            // than a small window).
            let mut outputs = out.iter_mut();
            for oz in 0..od as i32 {
                for oy in 0..oh as i32 {
                    // Outputs whose windows lie inside the input (in 2-D, where the depth
                    // window is the one plane) are reduced with no checks, and separably: each
                    // column of the rows under the windows first, then along the row.
                    let y0 = oy * stride[1] - pad[1];
                    let rows_inside = kd == 1
                        && d == 1
                        && y0 >= 0
                        && y0 + (kh as i32 - 1) * dilation[1] < h as i32;
                    let (lo, hi) = if rows_inside { columns_inside } else { (0, 0) };
                    let mut ox = 0;
                    while ox < ow as i32 {
                        if ox == lo && lo < hi {
                            let xa = (lo * stride[2] - pad[2]) as usize;
                            let xb = ((hi - 1) * stride[2] - pad[2]) as usize
                                + (kw - 1) * dilation[2] as usize;
                            let columns = sized(scratch, xb + 1 - xa);
                            let row = |ky: usize| {
                                let iy = y0 as usize + ky * dilation[1] as usize;
                                &xp[iy * w + xa..=iy * w + xb]
                            };
                            columns.copy_from_slice(row(0));
                            for ky in 1..kh {
                                let pairs = columns.iter_mut().zip(row(ky));
                                if average {
                                    pairs.for_each(|(c, &v)| *c += v);
                                } else {
                                    pairs.for_each(|(c, &v)| *c = fmax(*c, v));
                                }
                            }
                            for o in 0..(hi - lo) as usize {
                                let at = o * stride[2] as usize;
                                let mut acc = columns[at];
                                for kx in 1..kw {
                                    let v = columns[at + kx * dilation[2] as usize];
                                    acc = if average { acc + v } else { fmax(acc, v) };
                                }
                                let v = outputs.next().expect("out_plane outputs");
                                *v = if average { acc / window as f32 } else { acc };
                            }
                            ox = hi;
                            continue;
                        }
                        let at = [oz, oy, ox];
                        let start: [i32; 3] = std::array::from_fn(|a| at[a] * stride[a] - pad[a]);
                        let (mut acc, mut count) =
                            (if average { 0.0 } else { f32::NEG_INFINITY }, 0u32);
                        for kz in 0..kd as i32 {
                            let zz = start[0] + kz * dilation[0];
                            for ky in 0..kh as i32 {
                                let yy = start[1] + ky * dilation[1];
                                for kx in 0..kw as i32 {
                                    let xx = start[2] + kx * dilation[2];
                                    let inside = (0..d as i32).contains(&zz)
                                        && (0..h as i32).contains(&yy)
                                        && (0..w as i32).contains(&xx);
                                    if inside {
                                        let v =
                                            xp[(zz as usize * h + yy as usize) * w + xx as usize];
                                        acc = if average { acc + v } else { fmax(acc, v) };
                                        count += 1;
                                    } else if include_pad
                                        && zz < end[0]
                                        && yy < end[1]
                                        && xx < end[2]
                                    {
                                        count += 1;
                                    }
                                }
                            }
                        }
                        let v = outputs.next().expect("out_plane outputs");
                        *v = if average {
                            acc / count.max(1) as f32
                        } else {
                            acc
                        };
                        ox += 1;
                    }
                }
            }
        })
    });
    Ok(())
}

/// `global_pool_f32`: the average or the maximum of each plane. Parameters:
/// [`abi::global_pool`].
pub(super) fn global_pool(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    Ctx { par, .. }: Ctx<'_>,
) -> Result<(), String> {
    let x = one(inputs)?;
    use abi::global_pool::{KIND, MAX, PLANE, PLANES};
    let (plane, planes) = (size(p, PLANE)?, size(p, PLANES)?);
    let max = p.get(KIND).copied().ok_or("too few parameters")? == MAX;
    fits("x", x, product(&[planes, plane])?)?;
    fits("y", y, planes)?;
    let y = &mut y[..planes];
    par.run(y.len() * plane / ELEMENTS_PER_NS, |loops| {
        loops.chunks(y, 1, |i, out| {
            let xp = &x[i * plane..][..plane];
            out[0] = if max {
                xp.iter().fold(f32::NEG_INFINITY, |acc, &v| fmax(acc, v))
            } else {
                xp.iter().sum::<f32>() / plane as f32
            };
        })
    });
    Ok(())
}
