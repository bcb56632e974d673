//! PRK stencil: `OUT += S(IN)` over the interior, one task per 256-column segment of an interior
//! row, then `IN += 1`, one task per row, as the guest's two launches per pass, and the same
//! loops: per radius 1 to 5, with the weights as constants (LLVM vectorizes the loop over the
//! columns then, about twice as fast as with the weights read from memory).

use anyhow::bail;
use rayon::prelude::*;

use super::{timed, Measured, Real};

/// Interior columns per task, as the guest's work items.
const SEGMENT: usize = 256;

/// PRK's weight of the point `di` rows and `dj` columns from the center, in a star or grid
/// stencil of radius `r`.
const fn weight(r: usize, star: bool, di: isize, dj: isize) -> f64 {
    let (r, k) = (
        r as isize,
        if di.abs() > dj.abs() {
            di.abs()
        } else {
            dj.abs()
        },
    );
    if k == 0 {
        0.0
    } else if star {
        match (di, dj) {
            (0, _) => dj.signum() as f64 / (2 * k * r) as f64,
            (_, 0) => di.signum() as f64 / (2 * k * r) as f64,
            _ => 0.0,
        }
    } else if di == dj {
        di.signum() as f64 / (4 * k * r) as f64
    } else if dj.abs() == k && di.abs() < k {
        dj.signum() as f64 / (4 * k * (2 * k - 1) * r) as f64
    } else if di.abs() == k && dj.abs() < k {
        di.signum() as f64 / (4 * k * (2 * k - 1) * r) as f64
    } else {
        0.0
    }
}

/// The largest radius with compile-time weights.
const MAX_R: usize = 5;
/// Rows and columns of a compile-time weight table.
const TABLE: usize = 2 * MAX_R + 1;

/// PRK's weights for radius `R` (1 to [`MAX_R`]), computed at compile time, as PRK's C++ code
/// generated per radius has them as literals: `TABLE x TABLE`, row offset major, centered.
struct Weights<const R: usize>;

impl<const R: usize> Weights<R> {
    const STAR: [f64; TABLE * TABLE] = Self::table(true);
    const GRID: [f64; TABLE * TABLE] = Self::table(false);

    const fn table(star: bool) -> [f64; TABLE * TABLE] {
        let mut w = [0.0; TABLE * TABLE];
        let mut di = -(R as isize);
        while di <= R as isize {
            let mut dj = -(R as isize);
            while dj <= R as isize {
                w[((MAX_R as isize + di) * TABLE as isize + MAX_R as isize + dj) as usize] =
                    weight(R, star, di, dj);
                dj += 1;
            }
            di += 1;
        }
        w
    }
}

/// A task's weight at `(di, dj)`: from the compile-time table when the radius `R` is known (1 to
/// [`MAX_R`]), else read from the weights `w`.
#[inline(always)]
fn weight_at<T: Real, const R: usize>(w: &[T], r: usize, star: bool, di: isize, dj: isize) -> T {
    if R == 0 {
        let width = 2 * r + 1;
        w[(r as isize + di) as usize * width + (r as isize + dj) as usize]
    } else {
        let table = if star {
            &Weights::<R>::STAR
        } else {
            &Weights::<R>::GRID
        };
        T::of(table[((MAX_R as isize + di) * TABLE as isize + MAX_R as isize + dj) as usize])
    }
}

/// PRK's weights, `(2r + 1)^2` of them, row offset major.
fn weights<T: Real>(r: usize, star: bool) -> Vec<T> {
    let offsets = -(r as isize)..=r as isize;
    offsets
        .clone()
        .flat_map(|di| {
            offsets
                .clone()
                .map(move |dj| T::of(weight(r, star, di, dj)))
        })
        .collect()
}

/// The star stencil over columns `j0..j0 + out.len()` of interior row `i` of `input`, added to
/// `out`; for radius `R`, or `radius` when `R` is 0 (PRK's C++ versions compile each radius).
fn star_segment<T: Real, const R: usize>(
    w: &[T],
    input: &[T],
    n: usize,
    radius: usize,
    i: usize,
    j0: usize,
    out: &mut [T],
) {
    let r = if R == 0 { radius } else { R };
    let w = |di: isize, dj: isize| weight_at::<T, R>(w, r, true, di, dj);
    let row = &input[i * n..(i + 1) * n];
    for (j, out) in (j0..).zip(out) {
        let mut sum = w(0, 0) * row[j];
        for k in 1..=r {
            let d = k as isize;
            sum += w(0, -d) * row[j - k]
                + w(0, d) * row[j + k]
                + w(-d, 0) * input[(i - k) * n + j]
                + w(d, 0) * input[(i + k) * n + j];
        }
        *out += sum;
    }
}

/// The grid stencil over columns `j0..j0 + out.len()` of interior row `i` of `input`, added to
/// `out`; `R` as for [`star_segment`].
fn grid_segment<T: Real, const R: usize>(
    w: &[T],
    input: &[T],
    n: usize,
    radius: usize,
    i: usize,
    j0: usize,
    out: &mut [T],
) {
    let r = if R == 0 { radius } else { R };
    let w = |di: usize, dj: usize| {
        weight_at::<T, R>(
            w,
            r,
            false,
            di as isize - r as isize,
            dj as isize - r as isize,
        )
    };
    let width = 2 * r + 1;
    for (j, out) in (j0..).zip(out) {
        let mut sum = T::ZERO;
        for ii in 0..width {
            let start = (i + ii - r) * n + j - r;
            let row = &input[start..start + width];
            for (jj, x) in row.iter().enumerate() {
                sum += w(ii, jj) * *x;
            }
        }
        *out += sum;
    }
}

/// `iterations + 1` passes on an `n x n` grid with a star (or grid) stencil of `radius`, the
/// first untimed.
pub fn run<T: Real>(
    pool: &rayon::ThreadPool,
    iterations: usize,
    n: usize,
    radius: usize,
    star: bool,
) -> anyhow::Result<Measured> {
    let r = radius;
    if r < 1 || 2 * r + 1 > n {
        bail!("stencil radius {r} does not fit a grid of {n}");
    }
    let w = weights::<T>(r, star);
    type Segment<T> = fn(&[T], &[T], usize, usize, usize, usize, &mut [T]);
    let segment: Segment<T> = match (star, r) {
        (true, 1) => star_segment::<T, 1>,
        (true, 2) => star_segment::<T, 2>,
        (true, 3) => star_segment::<T, 3>,
        (true, 4) => star_segment::<T, 4>,
        (true, 5) => star_segment::<T, 5>,
        (true, _) => star_segment::<T, 0>,
        (false, 1) => grid_segment::<T, 1>,
        (false, 2) => grid_segment::<T, 2>,
        (false, 3) => grid_segment::<T, 3>,
        (false, 4) => grid_segment::<T, 4>,
        (false, 5) => grid_segment::<T, 5>,
        (false, _) => grid_segment::<T, 0>,
    };
    let one = T::of(1.0);
    let mut input: Vec<T> = (0..n * n)
        .map(|ij| T::of((ij / n + ij % n) as f64))
        .collect();
    let mut output = vec![T::ZERO; n * n];
    let seconds = timed(pool, iterations, |_| {
        let input_ref = &input;
        output[r * n..(n - r) * n]
            .par_chunks_mut(n)
            .enumerate()
            .for_each(|(row, out)| {
                out[r..n - r]
                    .par_chunks_mut(SEGMENT)
                    .enumerate()
                    .for_each(|(index, out)| {
                        let (i, j0) = (r + row, r + index * SEGMENT);
                        segment(&w, input_ref, n, r, i, j0, out);
                    });
            });
        input.par_chunks_mut(n).for_each(|row| {
            for x in row {
                *x += one;
            }
        });
    });
    let active = ((n - 2 * r) * (n - 2 * r)) as f64;
    let norm: f64 = (r..n - r)
        .flat_map(|i| &output[i * n + r..i * n + n - r])
        .map(|x| x.to_f64().abs())
        .sum::<f64>()
        / active;
    let reference = 2.0 * (iterations + 1) as f64;
    if (norm - reference).abs() > if T::SINGLE { 1e-4 } else { 1e-8 } {
        bail!("native stencil did not validate: L1 norm {norm}, reference {reference}");
    }
    let points = if star {
        4 * r + 1
    } else {
        (2 * r + 1) * (2 * r + 1)
    };
    let flops = (2 * points + 1) as f64 * active;
    Ok(Measured {
        rate: 1e-6 * flops / seconds,
        seconds,
    })
}
