//! `conv_transpose_f32`, the transposed convolution, as a GEMM and a scatter: per image and
//! group, `cols = W' x` (the weights transposed, `(M/g * taps) x C/g`, times the input planes,
//! `C/g x pixels`), then every column's taps are added into the output pixels they land on
//! (col2im), over the bias.

use super::parallel::GEMM_OPS_PER_NS;
use super::{fits, gemm, product, size, Ctx};
use crate::abi::conv_transpose as ct;

/// Packs the weights `w` (`[C, M/g, taps]`) of every group as the GEMM's left operand `W'`:
/// per group, row `(mo, tap)` and column `ci` read `w[g * C/g + ci, mo, tap]`.
pub(super) fn pack(
    w: &[f32],
    (groups, cg, mg, taps): (usize, usize, usize, usize),
    out: &mut [f32],
) {
    let rows = mg * taps;
    let len = gemm::packed_len(rows, cg);
    for (g, out) in out.chunks_exact_mut(len.max(1)).take(groups).enumerate() {
        gemm::pack_with(rows, cg, out, |row, ci| {
            let (mo, tap) = (row / taps, row % taps);
            w[((g * cg + ci) * mg + mo) * taps + tap]
        });
    }
}

/// `conv_transpose_f32`. Parameters: [`crate::abi::conv_transpose`].
pub(super) fn conv_transpose(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
) -> Result<(), String> {
    let [x, w, bias] = match *inputs {
        [x, w, b] => [x, w, b],
        _ => return Err(format!("{} inputs, not 3", inputs.len())),
    };
    let (n, c, m, groups) = (
        size(p, ct::N)?,
        size(p, ct::C)?,
        size(p, ct::M)?,
        size(p, ct::GROUPS)?,
    );
    let input = [size(p, ct::D)?, size(p, ct::H)?, size(p, ct::W)?];
    let output = [size(p, ct::OD)?, size(p, ct::OH)?, size(p, ct::OW)?];
    let kernel = [size(p, ct::KD)?, size(p, ct::KH)?, size(p, ct::KW)?];
    let mut strides = [0i64; 3];
    let mut pads = [0i64; 3];
    let mut dilations = [0i64; 3];
    for d in 0..3 {
        strides[d] = i64::from(*p.get(ct::STRIDES + d).ok_or("too few parameters")?);
        pads[d] = i64::from(*p.get(ct::PADS_BEFORE + d).ok_or("too few parameters")?);
        dilations[d] = i64::from(*p.get(ct::DILATIONS + d).ok_or("too few parameters")?);
    }
    let has_bias = size(p, ct::HAS_BIAS)? != 0;
    if groups == 0 || c % groups != 0 || m % groups != 0 {
        return Err(format!("{groups} groups of {c} and {m} channels"));
    }
    let (cg, mg) = (c / groups, m / groups);
    let pixels = product(&input)?;
    let out_pixels = product(&output)?;
    let taps = product(&kernel)?;
    fits("x", x, product(&[n, c, pixels])?)?;
    fits("w", w, product(&[c, mg, taps])?)?;
    fits("y", y, product(&[n, m, out_pixels])?)?;
    if has_bias {
        fits("bias", bias, m)?;
    }
    let rows = mg * taps;
    let packed_len = gemm::packed_len(rows, cg);
    // The weights as the GEMM takes them: packed once per plan (see `prepack`), or now.
    let mut own = Vec::new();
    let packed: &[f32] = match cx.packed {
        Some(p) if p.len() == groups * packed_len => p,
        _ => {
            own.resize(groups * packed_len, 0.0);
            pack(w, (groups, cg, mg, taps), &mut own);
            &own
        }
    };
    let scratch = cx.scratch;
    if scratch.len() < rows * pixels {
        scratch.resize(rows * pixels, 0.0);
    }
    let cols = &mut scratch[..rows * pixels];
    let y = &mut y[..n * m * out_pixels];
    for (oc, plane) in y.chunks_exact_mut(out_pixels).enumerate() {
        plane.fill(if has_bias { bias[oc % m] } else { 0.0 });
    }
    // Where input coordinate `i` with tap `k` lands along dimension `d`, if inside.
    let land = |d: usize, i: usize, k: usize| -> Option<usize> {
        let o = i as i64 * strides[d] - pads[d] + k as i64 * dilations[d];
        (o >= 0 && (o as usize) < output[d]).then_some(o as usize)
    };
    let epilogue = gemm::Epilogue {
        bias: None,
        act: (crate::abi::unary::IDENTITY, 0.0, 0.0),
    };
    let macs = product(&[n, m, taps, cg, pixels])?;
    cx.par.run(macs / GEMM_OPS_PER_NS, |loops| {
        for g in 0..groups {
            let packed = &packed[g * packed_len..][..packed_len];
            for image in 0..n {
                let xg = &x[(image * c + g * cg) * pixels..][..cg * pixels];
                gemm::gemm(
                    loops,
                    packed,
                    (rows, cg, pixels),
                    xg,
                    pixels,
                    cols,
                    pixels,
                    epilogue,
                );
                for mo in 0..mg {
                    let plane = &mut y[(image * m + g * mg + mo) * out_pixels..][..out_pixels];
                    for tap in 0..taps {
                        let (kz, ky, kx) = (
                            tap / (kernel[1] * kernel[2]),
                            (tap / kernel[2]) % kernel[1],
                            tap % kernel[2],
                        );
                        let col = &cols[(mo * taps + tap) * pixels..][..pixels];
                        for iz in 0..input[0] {
                            let Some(oz) = land(0, iz, kz) else { continue };
                            for iy in 0..input[1] {
                                let Some(oy) = land(1, iy, ky) else { continue };
                                let src = &col[(iz * input[1] + iy) * input[2]..][..input[2]];
                                let dst = (oz * output[1] + oy) * output[2];
                                for (ix, &v) in src.iter().enumerate() {
                                    if let Some(ox) = land(2, ix, kx) {
                                        plane[dst + ox] += v;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    });
    Ok(())
}
