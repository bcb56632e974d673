//! The GEMM of convolutions: `y = act(bias + w x)`, with `w` the layer's weights (`m x k`) and
//! `x` its input planes (`k x n`, one row per input channel, or an im2col matrix).
//!
//! The weights are constant for the life of a model, so they are packed once when the plan is
//! loaded ([`pack`]): strips of [`MR`] output channels, the `MR` weights of each input channel
//! side by side. The input is packed as it is used, a panel of [`NR`] columns and at most [`KC`]
//! rows at a time, small enough to stay in L1 while every strip of weights streams past it. The
//! micro-kernel keeps an `MR x NR` block of sums in registers, and its epilogue adds the bias,
//! applies the activation and stores the block while it is still in registers.
//!
//! Two micro-kernels, checked against each other and against a plain triple loop by the tests
//! below: one with AVX and FMA intrinsics, picked at run time, and a portable one in plain
//! Rust, which the compiler vectorises for the target's baseline (SSE2, NEON).

use super::activate;
use super::parallel::{Loops, SharedOut};

/// Output channels per strip of packed weights: the micro-kernel's rows.
pub(super) const MR: usize = 6;
/// Columns per panel of packed input: the micro-kernel's columns, two vectors of eight.
const NR: usize = 16;
/// Rows of input per panel: a panel is `KC x NR` floats (16 KiB), half a typical L1.
const KC: usize = 256;
const LANES: usize = 8;

/// Floats that [`pack`] writes for an `m x k` matrix of weights.
pub(super) fn packed_len(m: usize, k: usize) -> usize {
    m.div_ceil(MR) * MR * k
}

/// Packs the `m x k` weights `w` (row-major) into `out`, [`packed_len`] floats: per strip of
/// [`MR`] rows, for each column, the strip's `MR` weights (zero past row `m`).
pub(super) fn pack(w: &[f32], m: usize, k: usize, out: &mut [f32]) {
    assert!(w.len() >= m * k);
    pack_with(m, k, out, |row, kk| w[row * k + kk]);
}

/// Packs an `m x k` left operand whose element `(row, col)` is `read(row, col)` into `out`
/// ([`packed_len`] floats), as [`pack`] lays out a row-major one: for operands that are
/// transposed, strided or scaled.
pub(super) fn pack_with(m: usize, k: usize, out: &mut [f32], read: impl Fn(usize, usize) -> f32) {
    assert!(out.len() >= packed_len(m, k));
    if k == 0 {
        return;
    }
    for (s, strip) in out[..packed_len(m, k)].chunks_exact_mut(MR * k).enumerate() {
        for (kk, column) in strip.chunks_exact_mut(MR).enumerate() {
            for (r, v) in column.iter_mut().enumerate() {
                let row = s * MR + r;
                *v = if row < m { read(row, kk) } else { 0.0 };
            }
        }
    }
}

/// The bias and fused activation (code and parameters, as `activate_linear` in the portable kernels) that
/// the epilogue applies.
#[derive(Clone, Copy, Debug)]
pub(super) struct Epilogue<'a> {
    /// Per output row, or none (zero).
    pub bias: Option<&'a [f32]>,
    pub act: (i32, f32, f32),
}

/// `y = act(bias + w x)`: `packed` the `m x k` weights as [`pack`] lays them out, `x` `k x n`
/// with rows `ldx` apart, `y` `m x n` with rows `ldy` apart. The work is split into tiles of
/// strips and panels over the threads of `loops`.
#[allow(clippy::too_many_arguments)]
pub(super) fn gemm(
    loops: Loops,
    packed: &[f32],
    (m, k, n): (usize, usize, usize),
    x: &[f32],
    ldx: usize,
    y: &mut [f32],
    ldy: usize,
    epilogue: Epilogue,
) {
    if m == 0 || n == 0 {
        return;
    }
    // Every element the kernels touch lies inside the slices.
    assert!(packed.len() >= packed_len(m, k));
    assert!(k == 0 || (x.len() >= (k - 1) * ldx + n && ldx >= n));
    assert!(y.len() >= (m - 1) * ldy + n && ldy >= n);
    assert!(epilogue.bias.is_none_or(|b| b.len() >= m));
    if k == 0 {
        for (r, row) in y.chunks_mut(ldy).take(m).enumerate() {
            let row = &mut row[..n];
            row.fill(epilogue.bias.map_or(0.0, |b| b[r]));
            activate(epilogue.act.0, epilogue.act.1, epilogue.act.2, row);
        }
        return;
    }
    let (panels, strips) = (n.div_ceil(NR), m.div_ceil(MR));
    // A few tasks per thread, each a range of panels by a range of strips: with the weights
    // packed once, tiles can be as small as load balance wants. A task packs each of its
    // panels itself, which costs `k x NR` copies against `strips x MR x k x NR` sums.
    let wanted = loops.tasks();
    let panel_groups = panels.min(wanted);
    let strip_groups = strips.min(wanted.div_ceil(panel_groups));
    let fma = super::fma_available();
    let out = SharedOut(y.as_mut_ptr());
    let task = |t: usize| {
        let (pg, sg) = (t / strip_groups, t % strip_groups);
        let panel_range = pg * panels / panel_groups..(pg + 1) * panels / panel_groups;
        let strip_range = sg * strips / strip_groups..(sg + 1) * strips / strip_groups;
        let mut xp = [0f32; KC * NR];
        for panel in panel_range {
            let c0 = panel * NR;
            let cols = NR.min(n - c0);
            for k0 in (0..k).step_by(KC) {
                // A task may be long (an eighth of a large GEMM): it stops at the deadline
                // too, checked every `KC x NR x strips` multiply-adds (a millisecond or so).
                if loops.stopped() {
                    return;
                }
                let kc = KC.min(k - k0);
                // The panel: rows k0.., columns c0.., zero past column n.
                for (kk, row) in xp.chunks_exact_mut(NR).take(kc).enumerate() {
                    let src = &x[(k0 + kk) * ldx + c0..][..cols];
                    if cols == NR {
                        // A copy of constant length, in registers (a call otherwise).
                        let row: &mut [f32; NR] = row.try_into().expect("NR");
                        *row = src.try_into().expect("NR");
                    } else {
                        row[..cols].copy_from_slice(src);
                        row[cols..].fill(0.0);
                    }
                }
                for strip in strip_range.clone() {
                    let r0 = strip * MR;
                    let rows = MR.min(m - r0);
                    let bias: [f32; MR] = match epilogue.bias {
                        Some(b) => std::array::from_fn(|r| if r < rows { b[r0 + r] } else { 0.0 }),
                        None => [0.0; MR],
                    };
                    let tile = Tile {
                        kc,
                        w: &packed[(strip * k + k0) * MR..][..kc * MR],
                        x: &xp[..kc * NR],
                        // SAFETY: rows r0..r0 + rows, columns c0..c0 + cols of `y` (asserted
                        // inside it above) are this tile's, and no other task's.
                        y: out.at(r0 * ldy + c0),
                        ldy,
                        rows,
                        cols,
                        first: k0 == 0,
                        last: k0 + kc == k,
                        bias,
                        act: epilogue.act,
                    };
                    match fma {
                        // SAFETY: the CPU has AVX and FMA; `tile` is within its operands.
                        #[cfg(target_arch = "x86_64")]
                        true => unsafe { tile.run_fma() },
                        // SAFETY: `tile` is within its operands.
                        _ => unsafe { tile.run() },
                    }
                }
            }
        }
    };
    loops.range(panel_groups * strip_groups, task);
}

/// One call of the micro-kernel: an `MR x NR` block of `y` (of which `rows x cols` are real)
/// from `kc` columns of a strip of weights and `kc` rows of a panel of input.
struct Tile<'a> {
    kc: usize,
    /// `kc x MR` packed weights, and the `kc x NR` packed panel.
    w: &'a [f32],
    x: &'a [f32],
    /// The block's first element; rows `ldy` apart. Valid for `rows x cols`.
    y: *mut f32,
    ldy: usize,
    rows: usize,
    cols: usize,
    /// The first block of rows of `x` starts from the bias; the others add to what `y` holds.
    first: bool,
    /// The last one applies the activation.
    last: bool,
    bias: [f32; MR],
    act: (i32, f32, f32),
}

impl Tile<'_> {
    /// The epilogue from the sums in `sums`, for a partial block or the portable kernel.
    ///
    /// # Safety
    /// `y` is valid for `rows x cols` elements, rows `ldy` apart.
    unsafe fn finish(&self, sums: &[[f32; NR]; MR]) {
        for (r, sum) in sums.iter().enumerate().take(self.rows) {
            // SAFETY: row `r` of the block (the caller's guarantee).
            let row =
                unsafe { std::slice::from_raw_parts_mut(self.y.add(r * self.ldy), self.cols) };
            for (v, s) in row.iter_mut().zip(sum) {
                *v = s + if self.first { self.bias[r] } else { *v };
            }
            if self.last {
                activate(self.act.0, self.act.1, self.act.2, row);
            }
        }
    }

    /// The portable micro-kernel.
    ///
    /// # Safety
    /// As [`Tile::finish`].
    unsafe fn run(&self) {
        let mut sums = [[0f32; NR]; MR];
        for (w, x) in self.w.chunks_exact(MR).zip(self.x.chunks_exact(NR)) {
            for (sum, &wv) in sums.iter_mut().zip(w) {
                for (s, &xv) in sum.iter_mut().zip(x) {
                    *s += wv * xv;
                }
            }
        }
        // SAFETY: the caller's guarantee.
        unsafe { self.finish(&sums) }
    }

    /// The micro-kernel with AVX and FMA: twelve vectors of sums, or six when the block has
    /// at most eight real columns (the last panel of a 7x7 plane has one).
    ///
    /// # Safety
    /// As [`Tile::finish`], and the CPU has AVX and FMA.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx,fma")]
    unsafe fn run_fma(&self) {
        // SAFETY: the caller's guarantees.
        unsafe {
            if self.cols <= LANES {
                self.kernel_fma::<1>()
            } else {
                self.kernel_fma::<2>()
            }
        }
    }

    /// [`Tile::run_fma`] with `V` vectors per row.
    ///
    /// # Safety
    /// As [`Tile::run_fma`].
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx,fma")]
    unsafe fn kernel_fma<const V: usize>(&self) {
        use std::arch::x86_64::*;
        assert!(self.w.len() >= self.kc * MR && self.x.len() >= self.kc * NR && V * LANES <= NR);
        let mut acc = [[_mm256_setzero_ps(); V]; MR];
        let (w, x) = (self.w.as_ptr(), self.x.as_ptr());
        for kk in 0..self.kc {
            // SAFETY: row `kk` of the panel and column `kk` of the strip (asserted above).
            let (xs, wk): ([__m256; V], _) = unsafe {
                let row = x.add(kk * NR);
                (
                    std::array::from_fn(|v| _mm256_loadu_ps(row.add(v * LANES))),
                    w.add(kk * MR),
                )
            };
            for (r, acc) in acc.iter_mut().enumerate() {
                // SAFETY: `wk` has MR floats.
                let wv = _mm256_broadcast_ss(unsafe { &*wk.add(r) });
                for (a, &xv) in acc.iter_mut().zip(&xs) {
                    *a = _mm256_fmadd_ps(wv, xv, *a);
                }
            }
        }
        if self.rows < MR || self.cols < V * LANES {
            let mut sums = [[0f32; NR]; MR];
            for (sum, acc) in sums.iter_mut().zip(&acc) {
                for (v, a) in acc.iter().enumerate() {
                    // SAFETY: `sum` is NR floats, of which these are V x 8.
                    unsafe { _mm256_storeu_ps(sum.as_mut_ptr().add(v * LANES), *a) };
                }
            }
            // SAFETY: the caller's guarantee.
            return unsafe { self.finish(&sums) };
        }
        for (r, acc) in acc.iter().enumerate() {
            for (v, &sum) in acc.iter().enumerate() {
                // SAFETY: a full block: row `r`, columns `8 v..8 v + 8` lie in it.
                let p = unsafe { self.y.add(r * self.ldy + v * LANES) };
                let start = if self.first {
                    _mm256_set1_ps(self.bias[r])
                } else {
                    // SAFETY: as above.
                    unsafe { _mm256_loadu_ps(p) }
                };
                let mut s = _mm256_add_ps(sum, start);
                if self.last {
                    s = activate_fma(self.act, s);
                }
                // SAFETY: as above.
                unsafe { _mm256_storeu_ps(p, s) };
            }
        }
    }
}

/// [`activate`] on a vector: the same results, NaN included (`max` and `min` return their second
/// operand when either is NaN).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx,fma")]
pub(super) fn activate_fma(
    (code, a, b): (i32, f32, f32),
    v: std::arch::x86_64::__m256,
) -> std::arch::x86_64::__m256 {
    use crate::abi::unary as act;
    use std::arch::x86_64::*;
    let (zero, one) = (_mm256_setzero_ps(), _mm256_set1_ps(1.0));
    match code {
        act::RELU => _mm256_max_ps(zero, v),
        act::CLIP => _mm256_min_ps(_mm256_set1_ps(b), _mm256_max_ps(_mm256_set1_ps(a), v)),
        act::HARD_SIGMOID => {
            let t = _mm256_add_ps(_mm256_mul_ps(_mm256_set1_ps(a), v), _mm256_set1_ps(b));
            _mm256_max_ps(zero, _mm256_min_ps(one, t))
        }
        act::HARD_SWISH => {
            let t = _mm256_add_ps(
                _mm256_mul_ps(v, _mm256_set1_ps(1.0 / 6.0)),
                _mm256_set1_ps(0.5),
            );
            _mm256_mul_ps(v, _mm256_max_ps(zero, _mm256_min_ps(one, t)))
        }
        act::LEAKY_RELU => {
            let negative = _mm256_cmp_ps::<_CMP_LT_OQ>(v, zero);
            _mm256_blendv_ps(v, _mm256_mul_ps(v, _mm256_set1_ps(a)), negative)
        }
        _ => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `len` floats in -1..1 from a simple generator.
    fn values(len: usize, seed: u32) -> Vec<f32> {
        let mut s = seed.wrapping_mul(2654435761).max(1);
        (0..len)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 17;
                s ^= s << 5;
                (s % 2000) as f32 / 1000.0 - 1.0
            })
            .collect()
    }

    fn reference(
        w: &[f32],
        (m, k, n): (usize, usize, usize),
        x: &[f32],
        ldx: usize,
        epilogue: Epilogue,
    ) -> Vec<f32> {
        let mut y = vec![0f32; m * n];
        for r in 0..m {
            for c in 0..n {
                let mut s = epilogue.bias.map_or(0.0, |b| b[r]);
                for kk in 0..k {
                    s += w[r * k + kk] * x[kk * ldx + c];
                }
                y[r * n + c] = s;
            }
            let (code, a, b) = epilogue.act;
            activate(code, a, b, &mut y[r * n..][..n]);
        }
        y
    }

    /// Every shape's edges (partial strips and panels, several blocks of rows) against the
    /// triple loop, with either micro-kernel, on one thread and on a team.
    #[test]
    fn matches_the_triple_loop() {
        let team = crate::team::Team::new(2);
        let shapes = [
            (1, 1, 1),
            (6, 3, 16),
            (7, 5, 17),
            (13, 40, 9),
            (32, 16, 200),
            (12, 300, 33),
            (5, 0, 4),
            (64, 520, 49),
        ];
        let acts = [
            (-1, 0.0, 0.0),
            (0, 0.0, 0.0),
            (11, -0.5, 0.5),
            (13, 0.0, 0.0),
        ];
        for (i, &(m, k, n)) in shapes.iter().enumerate() {
            let ldx = n + i % 3;
            let w = values(m * k, i as u32 + 1);
            let x = values(k * ldx, i as u32 + 100);
            let bias = values(m, i as u32 + 200);
            let mut packed = vec![f32::NAN; packed_len(m, k)];
            pack(&w, m, k, &mut packed);
            let act = acts[i % acts.len()];
            let epilogue = Epilogue {
                bias: (i % 2 == 0).then_some(&bias[..]),
                act,
            };
            let want = reference(&w, (m, k, n), &x, ldx, epilogue);
            for loops in [Loops::serial(), Loops::on(&team)] {
                let ldy = n + 1;
                let mut y = vec![f32::NAN; m * ldy];
                gemm(loops, &packed, (m, k, n), &x, ldx, &mut y, ldy, epilogue);
                for r in 0..m {
                    for c in 0..n {
                        let (got, want) = (y[r * ldy + c], want[r * n + c]);
                        assert!(
                            (got - want).abs() <= 1e-4 * (1.0 + want.abs()),
                            "{m}x{k}x{n} at ({r}, {c}): {got} against {want}"
                        );
                    }
                    // The gap between rows is left alone.
                    assert!(y[r * ldy + n].is_nan(), "{m}x{k}x{n}: row {r} overran");
                }
            }
        }
    }

    /// The AVX micro-kernel and its vector activations against the portable ones, full
    /// blocks and partial, on values around every activation's corners.
    #[cfg(target_arch = "x86_64")]
    #[test]
    fn fma_kernel_matches_the_portable_one() {
        if !super::super::fma_available() {
            return eprintln!("no AVX and FMA here: only the portable kernel runs");
        }
        let kc = 37;
        let w = values(kc * MR, 7);
        let mut x = values(kc * NR, 8);
        x[3] = f32::NAN;
        let acts = [
            (0, 0.0, 0.0),
            (11, -0.25, 0.25),
            (12, 0.2, 0.5),
            (13, 0.0, 0.0),
            (14, 0.1, 0.0),
            (-1, 0.0, 0.0),
        ];
        for act in acts {
            for (rows, cols, first, last) in [
                (MR, NR, true, true),
                (MR, NR, false, true),
                (4, 9, true, true),
                (MR, 8, true, true),
                (3, 5, false, true),
                (MR, NR, true, false),
            ] {
                let start = values(MR * NR, 9);
                let (mut a, mut b) = (start.clone(), start);
                for (y, fma) in [(&mut a, true), (&mut b, false)] {
                    let tile = Tile {
                        kc,
                        w: &w,
                        x: &x,
                        y: y.as_mut_ptr(),
                        ldy: NR,
                        rows,
                        cols,
                        first,
                        last,
                        bias: std::array::from_fn(|r| r as f32 * 0.1 - 0.2),
                        act,
                    };
                    // SAFETY: `y` is MR x NR, and the CPU has AVX and FMA (checked above).
                    unsafe {
                        if fma {
                            tile.run_fma()
                        } else {
                            tile.run()
                        }
                    }
                }
                for (i, (p, q)) in a.iter().zip(&b).enumerate() {
                    assert!(
                        p.is_nan() && q.is_nan() || (p - q).abs() <= 1e-5 * (1.0 + q.abs()),
                        "{act:?} {rows}x{cols}: {p} against {q} at {i}"
                    );
                }
            }
        }
    }
}
