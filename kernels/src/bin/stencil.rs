//! PRK stencil as a wasi-parallel guest: `OUT += S(IN)` over the interior, then `IN += 1`, per
//! pass, for PRK's star or grid stencil of radius `r`.
//!
//! Usage: `stencil <iterations> <order> [radius] [star|grid] [--f32]` (radius 2 and star by
//! default). `IN[i][j] = i + j` at the start, `OUT = 0`. The weights are PRK's discrete divergence
//! operator: star `w[0][±k] = w[±k][0] = ±1 / (2 k r)`; grid, for `k` in `1..=r`,
//! `w[l][±k] = w[±k][l] = ±1 / (4 k (2k - 1) r)` for `|l| < k` and `w[±k][±k] = ±1 / (4 k r)`.
//! Each pass is two launches: the stencil, one work item per 256-column segment of an interior
//! row `i` (reading rows `i - r ..= i + r` of `IN`, writing its segment of row `i` of `OUT`), then
//! `IN += 1`, one work item per row.
//! Validation is PRK's: the L1 norm of `OUT` over the interior, divided by the number of interior
//! points, is `2 * (iterations + 1)` within 1e-8 (1e-4 in f32, as PRK's OpenCL version). Rate:
//! `(2 * stencil points + 1) * interior points` flops per pass, in MFlops/s.

use std::process::ExitCode;

use wasi_parallel_kernels::prk::{self, Outcome, Real, Usage};
use wasi_parallel_kernels::{parallel_for, Access, Device, DeviceKind, Error};

/// Interior columns per work item of the stencil launch. (A whole row's worth of a grid stencil
/// would run past lavapipe's limit of 65535 loop iterations per invocation for large grids.)
const SEGMENT: u32 = 256;

/// Interior row `i` and columns `j0..j1` of work item `item`: the interior's rows cut into
/// segments of `width` columns, row by row.
fn segment(item: u32, width: u32, n: usize, r: usize) -> (usize, usize, usize) {
    let width = width as usize;
    let segments = (n - 2 * r).div_ceil(width);
    let (row, column) = (item as usize / segments, item as usize % segments);
    let j0 = r + column * width;
    (r + row, j0, (j0 + width).min(n - r))
}

/// The star stencil over one segment of an interior row. Kernel parameters: the inputs
/// `params = [order, radius]`, the `(2r + 1)^2` weights (row offset major) and `IN`, then the
/// output `OUT`.
///
/// `R` is the radius when it is 1 to 5, 0 otherwise (then read from `params`, and the weights
/// from the weights buffer). Like PRK's C++ code, generated per radius with the weights as
/// literals, a known radius unrolls the loops over the stencil's points and makes the weights
/// constants: about 2.5x faster in Wasm than the general loop.
extern "C" fn star_stencil<T: Real, const R: usize>(
    item: u32,
    _items: u32,
    segment_width: u32,
    params: *const u32,
    params_len: usize,
    weights: *const T,
    weights_len: usize,
    input: *const T,
    input_len: usize,
    output: *mut T,
    output_len: usize,
) {
    // SAFETY: the host passes each buffer's pointer and byte length; rows of OUT are disjoint.
    let (params, w, input, output) = unsafe {
        (
            wasi_parallel_kernels::slice(params, params_len),
            wasi_parallel_kernels::slice(weights, weights_len),
            wasi_parallel_kernels::slice(input, input_len),
            wasi_parallel_kernels::slice_mut(output, output_len),
        )
    };
    let (n, r) = (
        params[0] as usize,
        if R == 0 { params[1] as usize } else { R },
    );
    let w = |di: isize, dj: isize| weight_at::<T, R>(w, r, true, di, dj);
    let (i, j0, j1) = segment(item, segment_width, n, r);
    let row = &input[i * n..(i + 1) * n];
    let out = &mut output[i * n..(i + 1) * n];
    for j in j0..j1 {
        let mut sum = w(0, 0) * row[j];
        for k in 1..=r {
            let d = k as isize;
            sum += w(0, -d) * row[j - k]
                + w(0, d) * row[j + k]
                + w(-d, 0) * input[(i - k) * n + j]
                + w(d, 0) * input[(i + k) * n + j];
        }
        out[j] += sum;
    }
}

/// The grid stencil over one segment of an interior row. Kernel parameters and `R` as for
/// [`star_stencil`].
extern "C" fn grid_stencil<T: Real, const R: usize>(
    item: u32,
    _items: u32,
    segment_width: u32,
    params: *const u32,
    params_len: usize,
    weights: *const T,
    weights_len: usize,
    input: *const T,
    input_len: usize,
    output: *mut T,
    output_len: usize,
) {
    // SAFETY: as in `star_stencil`.
    let (params, w, input, output) = unsafe {
        (
            wasi_parallel_kernels::slice(params, params_len),
            wasi_parallel_kernels::slice(weights, weights_len),
            wasi_parallel_kernels::slice(input, input_len),
            wasi_parallel_kernels::slice_mut(output, output_len),
        )
    };
    let (n, r) = (
        params[0] as usize,
        if R == 0 { params[1] as usize } else { R },
    );
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
    let (i, j0, j1) = segment(item, segment_width, n, r);
    let out = &mut output[i * n..(i + 1) * n];
    for j in j0..j1 {
        let mut sum = T::ZERO;
        for ii in 0..width {
            let row = &input[(i + ii - r) * n + j - r..(i + ii - r) * n + j + r + 1];
            for (jj, x) in row.iter().enumerate() {
                sum += w(ii, jj) * *x;
            }
        }
        out[j] += sum;
    }
}

/// `IN += 1` over one row. Kernel parameter: the output `IN`.
extern "C" fn increment<T: Real>(
    item: u32,
    _items: u32,
    block: u32,
    input: *mut T,
    input_len: usize,
) {
    // SAFETY: the host passes the buffer's pointer and byte length; rows are disjoint.
    let input = unsafe { wasi_parallel_kernels::slice_mut(input, input_len) };
    let start = (item as usize * block as usize).min(input.len());
    let end = (start + block as usize).min(input.len());
    for x in &mut input[start..end] {
        *x += T::ONE;
    }
}

fn main() -> ExitCode {
    prk::main(
        "stencil <# iterations> <array dimension> [radius] [star|grid]",
        |args| {
            let iterations = args.number(0, "iterations", None, 1)?;
            let n = args.number(1, "array dimension", None, 1)?;
            let radius = args.number(2, "radius", Some(2), 1)?;
            let star = match args.text(3) {
                None | Some("star") => true,
                Some("grid") => false,
                Some(other) => {
                    return Err(Usage(format!(
                        "the stencil is `star` or `grid`, not `{other}`"
                    )))
                }
            };
            args.at_most(4)?;
            if 2 * radius + 1 > n {
                return Err(Usage(format!(
                    "radius {radius} is too large for a grid of {n}"
                )));
            }
            Ok(if args.f32 {
                run::<f32>(iterations, n, radius, star)
            } else {
                run::<f64>(iterations, n, radius, star)
            })
        },
    )
}

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

/// A kernel's weight at `(di, dj)`: from the compile-time table when the radius `R` is known (1 to
/// [`MAX_R`]), else read from the weights buffer `w`.
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

fn run<T: Real>(
    iterations: usize,
    n: usize,
    r: usize,
    star: bool,
) -> wasi_parallel_kernels::Result<Outcome> {
    prk::banner::<T>(
        "stencil execution on 2D grid",
        &[
            ("Number of iterations", prk::show(iterations)),
            ("Grid size", prk::show(n)),
            ("Radius of stencil", prk::show(r)),
            (
                "Type of stencil",
                prk::show(if star { "star" } else { "grid" }),
            ),
        ],
    );
    let elements = n.checked_mul(n).ok_or(Error::INVALID_ARGUMENT)?;
    let to_u32 = |value: usize| u32::try_from(value).map_err(|_| Error::INVALID_ARGUMENT);
    let initial: Vec<T> = (0..elements)
        .map(|ij| T::of((ij / n + ij % n) as f64))
        .collect();
    let device = Device::get(DeviceKind::Cpu)?;
    let params = device.buffer_from(&[to_u32(n)?, to_u32(r)?], Access::Read)?;
    let w = device.buffer_from(&weights::<T>(r, star), Access::Read)?;
    let input = device.buffer_from(&initial, Access::ReadWrite)?;
    let output = device.buffer_from(&vec![T::ZERO; elements], Access::ReadWrite)?;
    drop(initial);
    let rows = to_u32(n)?;
    let segments = to_u32((n - 2 * r) * (n - 2 * r).div_ceil(SEGMENT as usize))?;
    type Stencil<T> = extern "C" fn(
        u32,
        u32,
        u32,
        *const u32,
        usize,
        *const T,
        usize,
        *const T,
        usize,
        *mut T,
        usize,
    );
    type Increment<T> = extern "C" fn(u32, u32, u32, *mut T, usize);
    let kernel: Stencil<T> = match (star, r) {
        (true, 1) => star_stencil::<T, 1>,
        (true, 2) => star_stencil::<T, 2>,
        (true, 3) => star_stencil::<T, 3>,
        (true, 4) => star_stencil::<T, 4>,
        (true, 5) => star_stencil::<T, 5>,
        (true, _) => star_stencil::<T, 0>,
        (false, 1) => grid_stencil::<T, 1>,
        (false, 2) => grid_stencil::<T, 2>,
        (false, 3) => grid_stencil::<T, 3>,
        (false, 4) => grid_stencil::<T, 4>,
        (false, 5) => grid_stencil::<T, 5>,
        (false, _) => grid_stencil::<T, 0>,
    };

    let seconds = prk::timed(iterations, |_| {
        parallel_for(
            kernel,
            segments,
            SEGMENT,
            &[&params, &w, &input],
            &[&output],
        )?;
        parallel_for(increment::<T> as Increment<T>, rows, rows, &[], &[&input])
    })?;

    let mut result = vec![T::ZERO; elements];
    output.read(&mut result)?;
    let active = ((n - 2 * r) * (n - 2 * r)) as f64;
    let mut norm = 0.0;
    for i in r..n - r {
        for x in &result[i * n + r..i * n + n - r] {
            norm += x.abs().to_f64();
        }
    }
    norm /= active;
    let reference = 2.0 * (iterations + 1) as f64;
    let epsilon = if T::NAME == "f32" { 1.0e-4 } else { 1.0e-8 };
    if (norm - reference).abs() > epsilon {
        return Ok(prk::invalid("L1 norm", reference, norm));
    }
    let points = if star {
        4 * r + 1
    } else {
        (2 * r + 1) * (2 * r + 1)
    };
    let flops = (2 * points + 1) as f64 * active;
    Ok(prk::validated(
        "MFlops/s",
        1.0e-6 * flops / seconds,
        seconds,
    ))
}
