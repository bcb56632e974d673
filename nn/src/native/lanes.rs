//! Direct convolutions with output channels in the vector lanes (AVX and FMA).
//!
//! A block of eight output channels by eight outputs along a row is summed in eight vectors, one
//! per output, each holding the eight channels; a tap's weights for the eight channels are one
//! vector. The block is then activated, transposed in registers and stored as eight runs of eight
//! outputs, one in each channel's plane. Unlike a vector along a row, this wastes no lanes on
//! planes narrower than a vector (14x14, 7x7) and needs no stride phases.
//!
//! - Depthwise (one input channel per group, fewer than eight output channels each): the input
//!   planes of the block's eight channels are first interleaved (`[row][column][channel]`, zero
//!   around them), so that one tap of one output for the eight channels is one vector load.
//! - Otherwise the block's channels share their input planes (a network's first convolution,
//!   say): each tap of each output reads one float of a zero-padded input plane, broadcast over
//!   the lanes.
//!
//! The portable [`super::direct::Layout`] computes the same convolutions where AVX and FMA are missing.

use std::arch::x86_64::*;

use super::gemm::activate_fma;
use super::parallel::{Loops, SharedOut};
use super::{sized, Conv};

/// Lanes: output channels per block, and outputs per block along a row.
const L: usize = 8;

/// `y = act(bias + conv(x, w))` for a convolution on the [`super::ConvPath::Lanes`] path; the
/// buffers are checked against `cv` by the caller.
///
/// # Safety
/// The CPU has AVX and FMA.
#[target_feature(enable = "avx,fma")]
pub(super) unsafe fn convolve(
    loops: Loops,
    cv: &Conv,
    (x, w, bias): (&[f32], &[f32], Option<&[f32]>),
    act: (i32, f32, f32),
    y: &mut [f32],
) {
    let (cg, mg) = (cv.c / cv.groups, cv.m / cv.groups);
    // Depthwise convolutions whose blocks of eight channels span several input planes read
    // them interleaved; when a block's channels share their input planes (one group, or eight
    // channels per input plane), each tap is one broadcast float instead.
    let interleaved = cg == 1 && cv.groups > 1 && !mg.is_multiple_of(L);
    let taps = cg * cv.kh * cv.kw;
    let plane = cv.oh * cv.ow;
    assert!(x.len() >= cv.n * cv.c * cv.h * cv.w && w.len() >= cv.m * taps);
    assert!(y.len() >= cv.n * cv.m * plane && bias.is_none_or(|b| b.len() >= cv.m));
    if plane == 0 || cv.m == 0 {
        return;
    }
    let (sh, sw) = cv.stride;
    let (dh, dw) = cv.dilation;
    let pt = cv.pad.0 as usize;
    // Padded columns: as far right as the last block of outputs reads.
    let width = (cv.ow.div_ceil(L) * L - 1) * sw + (cv.kw - 1) * dw + 1;
    // Blocks of channels: over all channels when interleaved (each lane reads its own plane),
    // within each group otherwise (the lanes share the input planes).
    let per_group = if interleaved { cv.m } else { mg };
    let blocks = cv.n * (cv.m / per_group) * per_group.div_ceil(L);
    let wanted = loops.tasks();
    let chunks = wanted.div_ceil(blocks).min(cv.oh);
    let chunk_rows = cv.oh.div_ceil(chunks);
    let chunks = cv.oh.div_ceil(chunk_rows);
    let out = SharedOut(y.as_mut_ptr());
    let task = |scratch: &mut Vec<f32>, t: usize| {
        let (b, chunk) = (t / chunks, t % chunks);
        let blocks_per = per_group.div_ceil(L);
        let (ng, ob) = (b / blocks_per, b % blocks_per);
        let (n, g) = (ng / (cv.m / per_group), ng % (cv.m / per_group));
        let oc0 = g * per_group + ob * L;
        let lanes = L.min(g * per_group + per_group - oc0);
        let (oy0, oy1) = (chunk * chunk_rows, ((chunk + 1) * chunk_rows).min(cv.oh));
        let rows = (oy1 - oy0 - 1) * sh + (cv.kh - 1) * dh + 1;
        // The block's weights, a vector per tap; its bias.
        let mut wb = vec![0f32; taps * L + L];
        let (wv, bv) = wb.split_at_mut(taps * L);
        for lane in 0..lanes {
            let oc = oc0 + lane;
            for (tap, &v) in w[oc * taps..][..taps].iter().enumerate() {
                wv[tap * L + lane] = v;
            }
            bv[lane] = bias.map_or(0.0, |b| b[oc]);
        }
        // The input rows `oy0 * sh - pt..`, laid out and padded, and each tap's offset in them
        // from its output's first tap.
        let iy0 = (oy0 * sh) as isize - pt as isize;
        let (data, unit) = if interleaved {
            let planes: [Option<&[f32]>; L] = std::array::from_fn(|lane| {
                (lane < lanes).then(|| {
                    let c = (n * cv.c + (oc0 + lane) / mg) * cv.h * cv.w;
                    &x[c..][..cv.h * cv.w]
                })
            });
            // SAFETY: the CPU has AVX (this function's contract).
            let data = unsafe { interleave(&planes, cv, iy0, rows, width, scratch) };
            (data, L)
        } else {
            let c0 = (n * cv.c + g * cg) * cv.h * cv.w;
            let data = pad(&x[c0..][..cg * cv.h * cv.w], cv, iy0, rows, width, scratch);
            (data, 1)
        };
        // Interleaved, `cg` is 1 and every element is `unit` floats.
        let mut offsets = Vec::with_capacity(taps);
        for ci in 0..cg {
            for ky in 0..cv.kh {
                for kx in 0..cv.kw {
                    offsets.push((ci * rows * width + ky * dh * width + kx * dw) * unit);
                }
            }
        }
        // Every load lies in `data`: the furthest is the last block's last output's last tap.
        let last_base = ((oy1 - oy0 - 1) * sh * width + (cv.ow.div_ceil(L) - 1) * L * sw) * unit;
        let reach = last_base + offsets.iter().max().copied().unwrap_or(0) + (L - 1) * sw * unit;
        assert!(data.len() >= reach + unit);
        // SAFETY: the CPU has AVX (this function's contract); `bv` is L floats.
        let bias = unsafe { _mm256_loadu_ps(bv.as_ptr()) };
        for oy in oy0..oy1 {
            if loops.stopped() {
                return;
            }
            for ox0 in (0..cv.ow).step_by(L) {
                let base = ((oy - oy0) * sh * width + ox0 * sw) * unit;
                let step = sw * unit;
                // SAFETY: AVX and FMA; every load lies in `data` (asserted above), and `wv` holds
                // a vector per tap.
                let acc = unsafe {
                    if interleaved {
                        block::<true>(data, base, step, &offsets, wv, bias)
                    } else {
                        block::<false>(data, base, step, &offsets, wv, bias)
                    }
                };
                let first = (n * cv.m + oc0) * plane + oy * cv.ow + ox0;
                let cols = L.min(cv.ow - ox0);
                // SAFETY: AVX; the block's `lanes` channels by `cols` outputs of row `oy` lie in
                // `y` (asserted above), and no other task writes them.
                unsafe { store(acc, act, out.at(first), plane, lanes, cols) };
            }
        }
    };
    loops.range_with_scratch(blocks * chunks, task);
}

/// The sums of a block: output `j`'s taps start at `base + j * step` in `data`, and tap `t` is
/// `offsets[t]` further, with weights `w[t * L..]`. Interleaved (`VECTOR`), each tap is a vector
/// of the interleaved channels; otherwise one float, broadcast.
///
/// # Safety
/// The CPU has AVX and FMA; every load lies in `data`; `w` holds `offsets.len()` vectors.
#[target_feature(enable = "avx,fma")]
unsafe fn block<const VECTOR: bool>(
    data: &[f32],
    base: usize,
    step: usize,
    offsets: &[usize],
    w: &[f32],
    bias: __m256,
) -> [__m256; L] {
    let mut acc = [bias; L];
    let (d, w) = (data.as_ptr(), w.as_ptr());
    for (t, &offset) in offsets.iter().enumerate() {
        // SAFETY: the caller's guarantees.
        unsafe {
            let wv = _mm256_loadu_ps(w.add(t * L));
            let p = d.add(base + offset);
            for (j, acc) in acc.iter_mut().enumerate() {
                let v = if VECTOR {
                    _mm256_loadu_ps(p.add(j * step))
                } else {
                    _mm256_broadcast_ss(&*p.add(j * step))
                };
                *acc = _mm256_fmadd_ps(wv, v, *acc);
            }
        }
    }
    acc
}

/// Activates a block and stores it: `acc[j]` lane `c` goes to `y[c * ld + j]`, for the first
/// `lanes` channels and `cols` outputs.
///
/// # Safety
/// The CPU has AVX and FMA; `y` is valid for those elements.
#[target_feature(enable = "avx,fma")]
unsafe fn store(
    acc: [__m256; L],
    act: (i32, f32, f32),
    y: *mut f32,
    ld: usize,
    lanes: usize,
    cols: usize,
) {
    let rows = transpose(acc.map(|a| activate_fma(act, a)));
    if lanes == L && cols == L {
        for (c, row) in rows.iter().enumerate() {
            // SAFETY: L floats of channel `c` (the caller's guarantee).
            unsafe { _mm256_storeu_ps(y.add(c * ld), *row) };
        }
        return;
    }
    // A masked store of the first `cols` lanes (a copy of a few floats would be a call).
    const ONES_THEN_ZEROS: [i32; 2 * L] = [-1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0];
    let mask = &ONES_THEN_ZEROS[L - cols.min(L)..][..L];
    // SAFETY: `mask` is L 32-bit integers.
    let mask = unsafe { _mm256_loadu_si256(mask.as_ptr().cast()) };
    for (c, row) in rows.iter().enumerate().take(lanes) {
        // SAFETY: the masked lanes are `cols` floats of channel `c` (the caller's guarantee).
        unsafe { _mm256_maskstore_ps(y.add(c * ld), mask, *row) };
    }
}

/// The 8 x 8 transpose: lane `c` of vector `j` becomes lane `j` of vector `c`.
#[target_feature(enable = "avx")]
fn transpose(r: [__m256; L]) -> [__m256; L] {
    let t0 = _mm256_unpacklo_ps(r[0], r[1]);
    let t1 = _mm256_unpackhi_ps(r[0], r[1]);
    let t2 = _mm256_unpacklo_ps(r[2], r[3]);
    let t3 = _mm256_unpackhi_ps(r[2], r[3]);
    let t4 = _mm256_unpacklo_ps(r[4], r[5]);
    let t5 = _mm256_unpackhi_ps(r[4], r[5]);
    let t6 = _mm256_unpacklo_ps(r[6], r[7]);
    let t7 = _mm256_unpackhi_ps(r[6], r[7]);
    let u0 = _mm256_shuffle_ps::<0x44>(t0, t2);
    let u1 = _mm256_shuffle_ps::<0xEE>(t0, t2);
    let u2 = _mm256_shuffle_ps::<0x44>(t1, t3);
    let u3 = _mm256_shuffle_ps::<0xEE>(t1, t3);
    let u4 = _mm256_shuffle_ps::<0x44>(t4, t6);
    let u5 = _mm256_shuffle_ps::<0xEE>(t4, t6);
    let u6 = _mm256_shuffle_ps::<0x44>(t5, t7);
    let u7 = _mm256_shuffle_ps::<0xEE>(t5, t7);
    [
        _mm256_permute2f128_ps::<0x20>(u0, u4),
        _mm256_permute2f128_ps::<0x20>(u1, u5),
        _mm256_permute2f128_ps::<0x20>(u2, u6),
        _mm256_permute2f128_ps::<0x20>(u3, u7),
        _mm256_permute2f128_ps::<0x31>(u0, u4),
        _mm256_permute2f128_ps::<0x31>(u1, u5),
        _mm256_permute2f128_ps::<0x31>(u2, u6),
        _mm256_permute2f128_ps::<0x31>(u3, u7),
    ]
}

/// Input rows `iy0..iy0 + rows` of the lanes' planes (`h x w` each; a missing lane is zero),
/// interleaved into `scratch` as `[row][column][lane]`, `width` columns from column `-pl`, zero
/// outside the planes.
///
/// # Safety
/// The CPU has AVX.
#[target_feature(enable = "avx")]
unsafe fn interleave<'a>(
    planes: &[Option<&[f32]>; L],
    cv: &Conv,
    iy0: isize,
    rows: usize,
    width: usize,
    scratch: &'a mut Vec<f32>,
) -> &'a [f32] {
    let pl = cv.pad.1 as usize;
    let data = sized(scratch, rows * width * L);
    // Input columns that land in the padded rows.
    let cols = cv.w.min(width.saturating_sub(pl));
    let zeros = vec![0f32; cols];
    for (r, row) in data.chunks_exact_mut(width * L).enumerate() {
        let iy = iy0 + r as isize;
        if iy < 0 || iy >= cv.h as isize {
            row.fill(0.0);
            continue;
        }
        let iy = iy as usize;
        row[..pl.min(width) * L].fill(0.0);
        row[(pl + cols).min(width) * L..].fill(0.0);
        // Eight columns of the eight planes at a time, transposed in registers; a missing
        // plane reads as zeros, and so do the columns past the row's end in the last eight.
        let srcs: [&[f32]; L] = std::array::from_fn(|lane| match planes[lane] {
            Some(plane) => &plane[iy * cv.w..][..cols],
            None => &zeros[..cols],
        });
        let full = cols / L * L;
        for x0 in (0..full).step_by(L) {
            let src: [__m256; L] = std::array::from_fn(|lane| {
                // SAFETY: `x0 + L <= cols`, the length of every source row.
                unsafe { _mm256_loadu_ps(srcs[lane].as_ptr().add(x0)) }
            });
            let dst = &mut row[(pl + x0) * L..][..L * L];
            for (j, v) in transpose(src).iter().enumerate() {
                // SAFETY: `dst` holds L vectors.
                unsafe { _mm256_storeu_ps(dst.as_mut_ptr().add(j * L), *v) };
            }
        }
        if full < cols {
            let n = cols - full;
            let src: [__m256; L] = std::array::from_fn(|lane| {
                let mut tmp = [0f32; L];
                tmp[..n].copy_from_slice(&srcs[lane][full..]);
                // SAFETY: `tmp` is L floats.
                unsafe { _mm256_loadu_ps(tmp.as_ptr()) }
            });
            let dst = &mut row[(pl + full) * L..][..n * L];
            for (j, v) in transpose(src).iter().enumerate().take(n) {
                // SAFETY: `dst` holds `n` vectors.
                unsafe { _mm256_storeu_ps(dst.as_mut_ptr().add(j * L), *v) };
            }
        }
    }
    data
}

/// Input rows `iy0..iy0 + rows` of the group's planes (`h x w` each, consecutive in `x`), each
/// padded into `scratch` as `rows x width` from column `-pl`, zero outside the planes.
fn pad<'a>(
    x: &[f32],
    cv: &Conv,
    iy0: isize,
    rows: usize,
    width: usize,
    scratch: &'a mut Vec<f32>,
) -> &'a [f32] {
    let pl = cv.pad.1 as usize;
    let planes = x.len() / (cv.h * cv.w).max(1);
    let data = sized(scratch, planes * rows * width);
    let cols = cv.w.min(width.saturating_sub(pl));
    for (ci, dst) in data.chunks_exact_mut(rows * width).enumerate() {
        let src = &x[ci * cv.h * cv.w..][..cv.h * cv.w];
        for (r, row) in dst.chunks_exact_mut(width).enumerate() {
            let iy = iy0 + r as isize;
            if iy < 0 || iy >= cv.h as isize {
                row.fill(0.0);
                continue;
            }
            let iy = iy as usize;
            row[..pl.min(width)].fill(0.0);
            row[pl.min(width)..pl.min(width) + cols].copy_from_slice(&src[iy * cv.w..][..cols]);
            row[(pl + cols).min(width)..].fill(0.0);
        }
    }
    data
}
