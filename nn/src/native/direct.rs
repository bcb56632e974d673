//! Direct convolutions, for depthwise and few-tap ones: the input planes laid out once
//! ([`Layout`]: padded, and split by columns into stride phases) so that every tap of a block of
//! outputs reads a contiguous run with no bounds to check, then blocks of outputs summed in
//! registers (with AVX and FMA where the CPU has them).

use super::{activate, gemm, Conv};

/// How a direct convolution lays out its input planes: padded with zeros on every side as far
/// as any window reaches, and split by columns into `stride` phases (phase `r` holds columns
/// `r`, `r + stride`, ...). Every tap of a run of outputs then reads a contiguous run of one
/// phase, with no bounds to check. Worked out once per launch; [`Layout::pad`] lays out the
/// planes of each image and group.
pub(super) struct Layout {
    /// Per window tap (input channel, row, column): its offset in the padded planes from an
    /// output's first tap. As many as weights per output channel.
    pub(super) offsets: Vec<usize>,
    planes: usize,
    /// Padded rows, and padded columns per phase.
    rows: usize,
    width: usize,
    stride: (usize, usize),
    /// Padding above and to the left.
    pad: (usize, usize),
    /// Input and output plane sizes.
    h: usize,
    w: usize,
    oh: usize,
    ow: usize,
    /// Whether blocks are summed with AVX and FMA ([`Layout::block_fma`]).
    simd: bool,
}

/// Outputs of a row that [`Layout::convolve`] sums at once, and rows at once.
const LANES: usize = 8;
const ROWS: usize = 4;

impl Layout {
    /// The layout of `planes` input planes of `cv` per image and group, its blocks summed with
    /// AVX and FMA if `simd` (the CPU must then have them).
    pub(super) fn new(cv: &Conv, planes: usize, simd: bool) -> Layout {
        let (sh, sw) = cv.stride;
        let (dh, dw) = cv.dilation;
        // Padded rows: as far down as the windows of the last block of ROWS output rows reach
        // (rows past the output are computed and dropped). Padded columns, per phase: as far
        // right as the last block of LANES outputs reads.
        let pt = cv.pad.0.max(0) as usize;
        let rows = ((cv.oh.div_ceil(ROWS) * ROWS - 1) * sh + (cv.kh - 1) * dh + 1).max(pt + cv.h);
        let width = ((cv.kw - 1) * dw) / sw + cv.ow.div_ceil(LANES) * LANES;
        let phase_len = rows * width;
        let mut offsets = Vec::with_capacity(planes * cv.kh * cv.kw);
        for ci in 0..planes {
            for ky in 0..cv.kh {
                for kx in 0..cv.kw {
                    let col = kx * dw;
                    offsets.push(
                        ci * sw * phase_len + col % sw * phase_len + ky * dh * width + col / sw,
                    );
                }
            }
        }
        Layout {
            offsets,
            planes,
            rows,
            width,
            stride: cv.stride,
            pad: (pt, cv.pad.1.max(0) as usize),
            h: cv.h,
            w: cv.w,
            oh: cv.oh,
            ow: cv.ow,
            simd,
        }
    }

    /// Lays out the planes of `x` (each `h x w`) in `scratch` and returns them.
    pub(super) fn pad<'a>(&self, x: &[f32], scratch: &'a mut Vec<f32>) -> &'a [f32] {
        let (rows, width, sw) = (self.rows, self.width, self.stride.1);
        let (pt, pl) = self.pad;
        let phase_len = rows * width;
        let plane_len = sw * phase_len;
        let data_len = self.planes * plane_len;
        // The planes, then one padded row laid out whole (zeros around the input row). Every
        // element of the planes is written below: no need to clear what an earlier use left.
        if scratch.len() < data_len + sw * width {
            scratch.resize(data_len + sw * width, 0.0);
        }
        let (data, line) = scratch.split_at_mut(data_len);
        let line = &mut line[..sw * width];
        line.fill(0.0);
        for (xp, dst) in x
            .chunks_exact(self.h * self.w)
            .zip(data.chunks_exact_mut(plane_len))
        {
            for row in 0..rows {
                let iy = row.wrapping_sub(pt);
                if sw == 1 {
                    // Straight into the plane, with no phases to split.
                    let d = &mut dst[row * width..][..width];
                    let n = if iy < self.h && pl < width {
                        self.w.min(width - pl)
                    } else {
                        0
                    };
                    if n > 0 {
                        d[pl..pl + n].copy_from_slice(&xp[iy * self.w..][..n]);
                    }
                    d[..pl.min(width)].fill(0.0);
                    d[(pl + n).min(width)..].fill(0.0);
                    continue;
                }
                if iy < self.h && pl < line.len() {
                    let n = self.w.min(line.len() - pl);
                    line[pl..pl + n].copy_from_slice(&xp[iy * self.w..][..n]);
                } else {
                    line.fill(0.0);
                }
                // Split by columns into the phases.
                match sw {
                    2 => {
                        // (The compiler does this with vector shuffles; element by element it
                        // would cost more than the convolution.)
                        let (even, odd) = dst.split_at_mut(phase_len);
                        let even = &mut even[row * width..][..width];
                        let odd = &mut odd[row * width..][..width];
                        for ((e, o), pair) in even
                            .iter_mut()
                            .zip(odd.iter_mut())
                            .zip(line.chunks_exact(2))
                        {
                            *e = pair[0];
                            *o = pair[1];
                        }
                    }
                    _ => {
                        for (j, group) in line.chunks_exact(sw).enumerate() {
                            for (phase, &v) in group.iter().enumerate() {
                                dst[phase * phase_len + row * width + j] = v;
                            }
                        }
                    }
                }
            }
        }
        &scratch[..data_len]
    }

    /// One output plane from the laid-out planes `data`: `out = act(bias + ` the sums of `w`
    /// (one weight per tap) over the windows`)`. Blocks of eight outputs in each of four rows are
    /// summed at once, in registers, so that four chains of additions overlap.
    pub(super) fn convolve(
        &self,
        data: &[f32],
        w: &[f32],
        bias: f32,
        act: (i32, f32, f32),
        out: &mut [f32],
    ) {
        let (oh, ow) = (self.oh, self.ow);
        assert!(w.len() >= self.offsets.len() && out.len() >= oh * ow);
        // The furthest any block reads: the last block of the last rows, at its furthest tap.
        let reach = (oh.div_ceil(ROWS) * ROWS - 1) * self.stride.0 * self.width
            + ow.div_ceil(LANES) * LANES
            + self.offsets.iter().max().copied().unwrap_or(0);
        assert!(oh == 0 || ow == 0 || data.len() >= reach);
        for oy0 in (0..oh).step_by(ROWS) {
            let count = ROWS.min(oh - oy0);
            let base: [usize; ROWS] =
                std::array::from_fn(|r| (oy0 + r) * self.stride.0 * self.width);
            for start in (0..ow).step_by(LANES) {
                let base = base.map(|b| b + start);
                let n = LANES.min(ow - start);
                let full = count == ROWS && n == LANES;
                let sums = match self.simd {
                    #[cfg(target_arch = "x86_64")]
                    true => {
                        let dst = full.then(|| out[oy0 * ow + start..].as_mut_ptr());
                        // SAFETY: the CPU has AVX and FMA (`simd`); every load lies below
                        // `reach`, in `data`; a full block's rows `oy0..oy0 + ROWS` and columns
                        // `start..start + LANES` lie in `out`, `ow` apart.
                        match unsafe {
                            self.block_fma(data, w, bias, base, dst.map(|d| (d, ow, act)))
                        } {
                            Some(sums) => sums,
                            None => continue,
                        }
                    }
                    _ => self.block(data, w, bias, base, count),
                };
                for (r, sum) in sums.iter().enumerate().take(count) {
                    let row = &mut out[(oy0 + r) * ow + start..][..n];
                    row.iter_mut().zip(sum).for_each(|(o, s)| *o = *s);
                    activate(act.0, act.1, act.2, row);
                }
            }
        }
    }

    /// The sums of the first `count` of [`ROWS`] blocks of [`LANES`] outputs, block `r`'s
    /// windows starting at `base[r]`.
    fn block(
        &self,
        data: &[f32],
        w: &[f32],
        bias: f32,
        base: [usize; ROWS],
        count: usize,
    ) -> [[f32; LANES]; ROWS] {
        let mut sums = [[bias; LANES]; ROWS];
        for (sum, &b) in sums.iter_mut().zip(&base).take(count) {
            for (&offset, &wv) in self.offsets.iter().zip(w) {
                let src: &[f32; LANES] = data[b + offset..][..LANES].try_into().expect("LANES");
                for l in 0..LANES {
                    sum[l] += wv * src[l];
                }
            }
        }
        sums
    }

    /// [`Layout::block`] for all [`ROWS`] blocks, in AVX registers with fused multiply-adds.
    /// With `dst` (the block's first output, the distance between rows, and the activation),
    /// the block is activated and stored there; otherwise its sums are returned.
    ///
    /// # Safety
    /// The CPU has AVX and FMA; `data` holds every tap of every block (`base[r] + offset +
    /// LANES` for each); `dst`, if given, is valid for [`ROWS`] rows of [`LANES`].
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx,fma")]
    unsafe fn block_fma(
        &self,
        data: &[f32],
        w: &[f32],
        bias: f32,
        base: [usize; ROWS],
        dst: Option<(*mut f32, usize, (i32, f32, f32))>,
    ) -> Option<[[f32; LANES]; ROWS]> {
        use std::arch::x86_64::{
            _mm256_fmadd_ps, _mm256_loadu_ps, _mm256_set1_ps, _mm256_storeu_ps,
        };
        let mut acc = [_mm256_set1_ps(bias); ROWS];
        let d = data.as_ptr();
        for (&offset, &wv) in self.offsets.iter().zip(w) {
            let wv = _mm256_set1_ps(wv);
            for r in 0..ROWS {
                // SAFETY: LANES = 8 floats of `data` (the caller's guarantee).
                let v = unsafe { _mm256_loadu_ps(d.add(base[r] + offset)) };
                acc[r] = _mm256_fmadd_ps(wv, v, acc[r]);
            }
        }
        if let Some((dst, ld, act)) = dst {
            for (r, &a) in acc.iter().enumerate() {
                // SAFETY: row `r` of the block (the caller's guarantee).
                unsafe { _mm256_storeu_ps(dst.add(r * ld), gemm::activate_fma(act, a)) };
            }
            return None;
        }
        let mut sums = [[0f32; LANES]; ROWS];
        for (sum, a) in sums.iter_mut().zip(acc) {
            // SAFETY: `sum` is LANES = 8 floats, one 256-bit store.
            unsafe { _mm256_storeu_ps(sum.as_mut_ptr(), a) };
        }
        Some(sums)
    }
}
