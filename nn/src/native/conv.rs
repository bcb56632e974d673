//! `conv2d_f32`: the shape of a convolution ([`Conv`]), the choice of how to compute it
//! ([`ConvPath`]), and the GEMM over an im2col matrix for those that run neither directly
//! ([`super::direct`]) nor with output channels in the vector lanes (`lanes`).

use super::direct::Layout;
use super::parallel::{
    Loops, DIRECT_OPS_PER_NS, ELEMENTS_PER_NS, GEMM_OPS_PER_NS, LANES_OPS_PER_NS,
};
use super::{fits, float, fma_available, gemm, product, size, sized, three, weights, Ctx};
use crate::abi;

/// The shape of a `conv2d_f32` launch.
#[derive(Clone, Copy, Debug)]
pub(super) struct Conv {
    pub(super) n: usize,
    pub(super) c: usize,
    pub(super) h: usize,
    pub(super) w: usize,
    pub(super) m: usize,
    pub(super) oh: usize,
    pub(super) ow: usize,
    pub(super) kh: usize,
    pub(super) kw: usize,
    pub(super) stride: (usize, usize),
    pub(super) pad: (isize, isize),
    pub(super) dilation: (usize, usize),
    pub(super) groups: usize,
}

impl Conv {
    pub(super) fn parse(p: &[i32]) -> Result<Conv, String> {
        use abi::conv2d::*;
        let s = |k| size(p, k);
        let conv = Conv {
            n: s(N)?,
            c: s(C)?,
            h: s(H)?,
            w: s(W)?,
            m: s(M)?,
            oh: s(OH)?,
            ow: s(OW)?,
            kh: s(KH)?,
            kw: s(KW)?,
            stride: (s(STRIDE_H)?, s(STRIDE_W)?),
            pad: (s(PAD_TOP)? as isize, s(PAD_LEFT)? as isize),
            dilation: (s(DILATION_H)?, s(DILATION_W)?),
            groups: s(GROUPS)?,
        };
        if conv.groups == 0
            || !conv.c.is_multiple_of(conv.groups)
            || !conv.m.is_multiple_of(conv.groups)
        {
            return Err(format!("{} groups of {conv:?}", conv.groups));
        }
        if conv.stride.0 == 0 || conv.stride.1 == 0 || conv.dilation.0 == 0 || conv.dilation.1 == 0
        {
            return Err(format!("a zero stride or dilation in {conv:?}"));
        }
        Ok(conv)
    }

    /// The outputs `lo..hi` along one axis whose tap at offset `off` (`out * stride + off`) falls
    /// in `0..size`.
    pub(super) fn inside(off: isize, stride: usize, size: usize, outs: usize) -> (usize, usize) {
        let s = stride as isize;
        let lo = if off < 0 { (-off + s - 1) / s } else { 0 };
        let last = size as isize - 1 - off;
        let hi = if last < 0 { 0 } else { last / s + 1 };
        let (lo, hi) = (lo as usize, (hi as usize).min(outs));
        (lo, hi.max(lo))
    }
}

/// `conv2d_f32`, with parameters [`abi::conv2d`]. Convolutions with one input channel per group
/// (depthwise) run directly, plane by plane; the others as a GEMM over an im2col matrix.
pub(super) fn conv2d(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
) -> Result<(), String> {
    conv2d_with(p, inputs, y, cx, fma_available())
}

/// [`conv2d`], with AVX and FMA kernels or without (`simd`, which needs the CPU to have them).
fn conv2d_with(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
    simd: bool,
) -> Result<(), String> {
    let Ctx {
        scratch,
        par,
        packed,
    } = cx;
    let [x, w, bias] = three(inputs)?;
    let cv = Conv::parse(p)?;
    use abi::conv2d::{ACT, ACT_A, ACT_B, HAS_BIAS};
    let has_bias = size(p, HAS_BIAS)? != 0;
    let code = p.get(ACT).copied().unwrap_or(0);
    let (act_a, act_b) = (float(p, ACT_A)?, float(p, ACT_B)?);
    let cg = cv.c / cv.groups;
    fits("x", x, product(&[cv.n, cv.c, cv.h, cv.w])?)?;
    fits("w", w, product(&[cv.m, cg, cv.kh, cv.kw])?)?;
    let plane = product(&[cv.oh, cv.ow])?;
    fits("y", y, product(&[cv.n, cv.m, plane])?)?;
    if has_bias {
        fits("bias", bias, cv.m)?;
    }
    let bias_of = |oc: usize| if has_bias { bias[oc] } else { 0.0 };
    if plane == 0 {
        return Ok(());
    }
    let y = &mut y[..cv.n * cv.m * plane];
    let macs = y.len() * cg * cv.kh * cv.kw;
    let mg = cv.m / cv.groups;
    let path = cv.path(simd);
    #[cfg(target_arch = "x86_64")]
    if path == ConvPath::Lanes {
        let bias = has_bias.then(|| &bias[..cv.m]);
        par.run(macs / LANES_OPS_PER_NS, |loops| {
            // SAFETY: the CPU has AVX and FMA (`simd`, the caller's word).
            unsafe { super::lanes::convolve(loops, &cv, (x, w, bias), (code, act_a, act_b), y) }
        });
        return Ok(());
    }
    if path == ConvPath::Depthwise {
        // Depthwise: each output plane pads its own input plane (the planes of a group are
        // too few to share the work of padding one).
        let layout = Layout::new(&cv, 1, simd);
        par.run(macs / DIRECT_OPS_PER_NS, |loops| {
            loops.chunks_with_scratch(y, plane, |scratch, i, out| {
                let (n, oc) = (i / cv.m, i % cv.m);
                let g = oc / (cv.m / cv.groups);
                let xp = &x[(n * cv.c + g) * cv.h * cv.w..][..cv.h * cv.w];
                let padded = layout.pad(xp, scratch);
                let taps = layout.offsets.len();
                let w = &w[oc * taps..][..taps];
                layout.convolve(padded, w, bias_of(oc), (code, act_a, act_b), out);
            })
        });
        return Ok(());
    }
    if path == ConvPath::Direct {
        // A few taps per output (a network's first convolution, say): the group's input planes
        // are padded once, then each output plane sums its taps over them directly.
        let layout = Layout::new(&cv, cg, simd);
        let taps = layout.offsets.len();
        for (ng, yg) in y.chunks_mut(mg * plane).enumerate() {
            let (n, g) = (ng / cv.groups, ng % cv.groups);
            let xg = &x[(n * cv.c + g * cg) * cv.h * cv.w..][..cg * cv.h * cv.w];
            let padded = layout.pad(xg, scratch);
            par.run(yg.len() * taps / DIRECT_OPS_PER_NS, |loops| {
                loops.chunks(yg, plane, |j, out| {
                    let oc = g * mg + j;
                    let w = &w[oc * taps..][..taps];
                    layout.convolve(padded, w, bias_of(oc), (code, act_a, act_b), out);
                })
            });
        }
        return Ok(());
    }
    // im2col: row (ci, ky, kx) holds, for every output pixel, the input under that tap (0 in the
    // padding).
    let taps = product(&[cg, cv.kh, cv.kw])?;
    let mut own = Vec::new();
    let packed = weights(packed, w, (cv.groups, mg, taps), &mut own);
    let cols = sized(scratch, product(&[taps, plane])?);
    let copies = cv.n * taps * plane;
    let nanos = macs / GEMM_OPS_PER_NS + copies / ELEMENTS_PER_NS;
    let bias = has_bias.then(|| &bias[..cv.m]);
    par.run(nanos, |loops| {
        im2col_gemm(loops, &cv, (x, packed), bias, (code, act_a, act_b), cols, y)
    });
    Ok(())
}

/// How `conv2d_f32` computes a convolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ConvPath {
    /// Output channels in the vector lanes ([`lanes`]), with AVX and FMA.
    Lanes,
    /// Depthwise: each output plane from its own padded input plane ([`Layout`]).
    Depthwise,
    /// Few taps per output: directly over the group's padded input planes.
    Direct,
    /// A GEMM over an im2col matrix.
    Im2col,
}

impl Conv {
    /// The path for this convolution, with AVX and FMA kernels (`simd`) or without.
    pub(super) fn path(&self, simd: bool) -> ConvPath {
        let (cg, mg) = (self.c / self.groups, self.m / self.groups);
        // Lanes: depthwise convolutions, and those of few taps or few output channels (for
        // which an im2col matrix costs more copies than the GEMM saves) whose groups hold
        // whole blocks of eight channels (or that have one group).
        let lanes = cg == 1
            || ((cg * self.kh * self.kw <= DIRECT_TAPS || mg <= LANES_CHANNELS)
                && (self.groups == 1 || mg.is_multiple_of(8)));
        if simd && cfg!(target_arch = "x86_64") && lanes {
            ConvPath::Lanes
        } else if cg == 1 && mg < 4 {
            ConvPath::Depthwise
        } else if cg * self.kh * self.kw <= DIRECT_TAPS {
            ConvPath::Direct
        } else {
            ConvPath::Im2col
        }
    }
}

/// The convolution as one GEMM per image and group over an im2col matrix in `cols`, with the
/// weights packed by [`weights`].
fn im2col_gemm(
    loops: Loops,
    cv: &Conv,
    (x, packed): (&[f32], &[f32]),
    bias: Option<&[f32]>,
    act: (i32, f32, f32),
    cols: &mut [f32],
    y: &mut [f32],
) {
    let cg = cv.c / cv.groups;
    let taps = cg * cv.kh * cv.kw;
    let plane = cv.oh * cv.ow;
    let mg = cv.m / cv.groups;
    let len = gemm::packed_len(mg, taps);
    for n in 0..cv.n {
        for g in 0..cv.groups {
            let xg = &x[(n * cv.c + g * cg) * cv.h * cv.w..][..cg * cv.h * cv.w];
            loops.chunks(cols, plane, |t, row| im2col_row(cv, xg, t, row));
            let epilogue = gemm::Epilogue {
                bias: bias.map(|b| &b[g * mg..][..mg]),
                act,
            };
            gemm::gemm(
                loops,
                &packed[g * len..][..len],
                (mg, taps, plane),
                cols,
                plane,
                &mut y[(n * cv.m + g * mg) * plane..][..mg * plane],
                plane,
                epilogue,
            );
        }
    }
}

/// Row `t` = (ci, ky, kx) of the im2col matrix of one image and group (`xg`: its `cg` input
/// planes).
fn im2col_row(cv: &Conv, xg: &[f32], t: usize, row: &mut [f32]) {
    let (ci, ky, kx) = (t / (cv.kh * cv.kw), (t / cv.kw) % cv.kh, t % cv.kw);
    let xc = &xg[ci * cv.h * cv.w..][..cv.h * cv.w];
    let off_x = (kx * cv.dilation.1) as isize - cv.pad.1;
    let (lo, hi) = Conv::inside(off_x, cv.stride.1, cv.w, cv.ow);
    for (oy, out) in row.chunks_exact_mut(cv.ow).enumerate() {
        let iy = (oy * cv.stride.0 + ky * cv.dilation.0) as isize - cv.pad.0;
        if iy < 0 || iy >= cv.h as isize || lo == hi {
            out.fill(0.0);
            continue;
        }
        let xrow = &xc[iy as usize * cv.w..][..cv.w];
        out[..lo].fill(0.0);
        out[hi..].fill(0.0);
        let start = (lo as isize * cv.stride.1 as isize + off_x) as usize;
        if cv.stride.1 == 1 {
            out[lo..hi].copy_from_slice(&xrow[start..start + hi - lo]);
        } else {
            for (o, v) in out[lo..hi]
                .iter_mut()
                .zip(xrow[start..].iter().step_by(cv.stride.1))
            {
                *o = *v;
            }
        }
    }
}

/// Taps per output up to which a convolution with several input channels per group runs
/// directly (as [`Layout::convolve`]) rather than as a GEMM over an im2col matrix.
const DIRECT_TAPS: usize = 48;

/// Output channels per group up to which a convolution of many taps runs directly too, on the
/// [`ConvPath::Lanes`] path: the im2col matrix costs a copy per tap and output, one for every
/// `mg` multiply-adds.
const LANES_CHANNELS: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::native::Par;
    use crate::team::Team;

    /// The AVX and FMA convolutions against the portable ones, which the CPUs that run the tests
    /// would otherwise never take: every path, strides, dilations, pads, channel multipliers,
    /// partial blocks of channels and of outputs, with and without a team.
    #[test]
    fn simd_convolutions_match_the_portable_ones() {
        if !fma_available() {
            return eprintln!("no AVX and FMA here: only the portable kernels run");
        }
        let team = Team::new(2);
        let mut seed = 12345u32;
        let mut next = |below: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as usize % below
        };
        let mut paths = std::collections::BTreeSet::new();
        for case in 0..100 {
            // From case 60 on, depthwise convolutions as networks have them (3 or 5 columns,
            // stride 1 or 2, undilated), which the lanes path sums along rows.
            let typical = case >= 60;
            let groups = if typical {
                [9, 16, 24][next(3)]
            } else {
                [1, 1, 2, 3, 8][next(5)]
            };
            let depthwise = typical || case % 2 == 0;
            let cg = if depthwise { 1 } else { 1 + next(4) };
            let mg = if typical {
                1 + next(2)
            } else {
                [1, 2, 3, 8, 16][next(5)]
            };
            let (c, m) = (cg * groups, mg * groups);
            let (kh, mut kw) = (1 + next(5), 1 + next(5));
            let (sh, mut sw, dh, mut dw) = (1 + next(2), 1 + next(3), 1 + next(2), 1 + next(2));
            if typical {
                (kw, sw, dw) = ([3, 5][next(2)], 1 + next(2), 1);
            }
            let (ph, pw) = (next(3), next(3));
            let (n, h, w) = (1 + next(2), 5 + next(20), 5 + next(20));
            let oh = (h + 2 * ph).saturating_sub((kh - 1) * dh + 1) / sh + 1;
            let ow = (w + 2 * pw).saturating_sub((kw - 1) * dw + 1) / sw + 1;
            if h + 2 * ph < (kh - 1) * dh + 1 || w + 2 * pw < (kw - 1) * dw + 1 {
                continue;
            }
            let act = [
                (-1, 0.0f32, 0.0f32),
                (0, 0.0, 0.0),
                (13, 0.0, 0.0),
                (11, -0.3, 0.4),
            ][next(4)];
            let mut p: Vec<i32> = [
                n, c, h, w, m, oh, ow, kh, kw, sh, sw, ph, pw, dh, dw, groups,
            ]
            .iter()
            .map(|&v| v as i32)
            .collect();
            p.extend([1, act.0, act.1.to_bits() as i32, act.2.to_bits() as i32]);
            let values = |len: usize, next: &mut dyn FnMut(usize) -> usize| -> Vec<f32> {
                (0..len).map(|_| next(2001) as f32 / 1000.0 - 1.0).collect()
            };
            let x = values(n * c * h * w, &mut next);
            let wt = values(m * cg * kh * kw, &mut next);
            let bias = values(m, &mut next);
            let cv = Conv::parse(&p).unwrap();
            paths.insert(format!("{:?}", cv.path(true)));
            let mut outs = Vec::new();
            for (simd, team) in [(false, None), (true, None), (true, Some(&team))] {
                let mut y = vec![f32::NAN; n * m * oh * ow];
                let cx = Ctx {
                    scratch: &mut Vec::new(),
                    par: Par::new(team, None),
                    packed: None,
                };
                conv2d_with(&p, &[&x, &wt, &bias], &mut y, cx, simd).unwrap();
                outs.push(y);
            }
            for y in &outs[1..] {
                for (i, (a, b)) in y.iter().zip(&outs[0]).enumerate() {
                    assert!(
                        (a - b).abs() <= 1e-4 * (1.0 + b.abs()),
                        "case {case} {cv:?} at {i}: {a} against {b}"
                    );
                }
            }
        }
        assert!(paths.len() >= 3, "paths taken: {paths:?}");
    }
}
