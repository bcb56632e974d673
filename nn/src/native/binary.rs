//! `binary_f32` for the arithmetic operators, and `compare_i32`: both inputs read with their own
//! strides over the output's dimensions, row by row, with the common cases (contiguous, or one
//! side broadcast along the row) in loops the compiler vectorises.

use super::parallel::{Par, ELEMENTS_PER_NS};
use super::{product, size, Ctx};
use crate::abi::{self, binop, RANK};

/// Whether [`binary`] computes operator `op` (FMOD, for integers, is not an f32 operator).
pub(super) fn native(op: i32) -> bool {
    use binop::*;
    matches!(op, ADD | SUB | MUL | DIV | MAX | MIN | PRELU | POW | MOD)
}

/// `binary_f32`: `y = a op b` with broadcasting. Parameters: [`abi::broadcast`].
pub(super) fn binary(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    Ctx { par, .. }: Ctx<'_>,
) -> Result<(), String> {
    let [a, b] = match *inputs {
        [a, b] => [a, b],
        _ => return Err(format!("{} inputs, not 2", inputs.len())),
    };
    use abi::broadcast::OP;
    let (dims, sa, sb) = match layout(p, (a, b), y.len())? {
        Some(layout) => layout,
        None => return Ok(()),
    };
    let len = product(&dims)?;
    let y = &mut y[..len];
    let shape = Strided {
        dims: &dims,
        sa: &sa,
        sb: &sb,
        par,
    };
    match p[OP] {
        binop::ADD => shape.apply(a, b, y, |x, y| x + y),
        binop::SUB => shape.apply(a, b, y, |x, y| x - y),
        binop::MUL => shape.apply(a, b, y, |x, y| x * y),
        binop::DIV => shape.apply(a, b, y, |x, y| x / y),
        // As `fmax` and `fmin` in the portable kernels: NaN if either is.
        binop::MAX => shape.apply(a, b, y, |x, y| {
            if x.is_nan() || y.is_nan() {
                x + y
            } else if x > y {
                x
            } else {
                y
            }
        }),
        binop::MIN => shape.apply(a, b, y, |x, y| {
            if x.is_nan() || y.is_nan() {
                x + y
            } else if x < y {
                x
            } else {
                y
            }
        }),
        binop::PRELU => shape.apply(a, b, y, |x, s| if x < 0.0 { x * s } else { x }),
        // The portable kernel's own `pow` (`nn/wasm-kernels/elementary.rs`), and its fmod.
        binop::POW => shape.apply(a, b, y, super::elementary::pow),
        binop::MOD => shape.apply(a, b, y, |x, y| x - y * (x / y).trunc()),
        op => return Err(format!("binary operator {op} has no native kernel")),
    }
    Ok(())
}

/// The output's dimensions and each input's strides over them, checked against the buffers
/// (`y_len` elements of the output's type); `None` for an empty output.
#[allow(clippy::type_complexity, reason = "three lists of one rank")]
fn layout<T>(
    p: &[i32],
    (a, b): (&[T], &[T]),
    y_len: usize,
) -> Result<Option<(Vec<usize>, Vec<usize>, Vec<usize>)>, String> {
    use abi::broadcast::{A_STRIDES, B_STRIDES, CONTIGUOUS, DIMS, LEN};
    if p.len() < LEN {
        return Err("too few parameters".into());
    }
    let dims: Vec<usize> = (0..RANK)
        .map(|d| size(p, DIMS + d))
        .collect::<Result<_, _>>()?;
    let len = product(&dims)?;
    if y_len < len {
        return Err(format!("y holds {y_len} elements, the kernel needs {len}"));
    }
    if len == 0 {
        return Ok(None);
    }
    let contiguous = p[CONTIGUOUS] == 1;
    let strides =
        |at: usize| -> Result<Vec<usize>, String> { (0..RANK).map(|d| size(p, at + d)).collect() };
    let (sa, sb) = if contiguous {
        (crate::tensor::strides(&dims), crate::tensor::strides(&dims))
    } else {
        (strides(A_STRIDES)?, strides(B_STRIDES)?)
    };
    // The last element each input is read at.
    let last = |s: &[usize]| dims.iter().zip(s).map(|(d, s)| (d - 1) * s).sum::<usize>();
    for (what, buffer, s) in [("a", a, &sa), ("b", b, &sb)] {
        if buffer.len() <= last(s) {
            return Err(format!(
                "{what} holds {} elements, the kernel reads element {}",
                buffer.len(),
                last(s)
            ));
        }
    }
    Ok(Some((dims, sa, sb)))
}

/// `compare_i32`: `y = a cmp b` as bytes (0 or 1), with broadcasting, the inputs' words read as
/// i32. Parameters: [`abi::broadcast`], the operator a code of [`abi::cmp`].
pub(super) fn compare_i32(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    Ctx { par, .. }: Ctx<'_>,
) -> Result<(), String> {
    let [a, b] = *inputs else {
        return Err(format!("{} inputs, not 2", inputs.len()));
    };
    let y: &mut [u8] = bytemuck::cast_slice_mut(y);
    let (dims, sa, sb) = match layout(p, (a, b), y.len())? {
        Some(layout) => layout,
        None => return Ok(()),
    };
    let y = &mut y[..product(&dims)?];
    let shape = Strided {
        dims: &dims,
        sa: &sa,
        sb: &sb,
        par,
    };
    let int = |v: f32| v.to_bits() as i32;
    use abi::cmp;
    match p[abi::broadcast::OP] {
        cmp::EQUAL => shape.apply(a, b, y, |x, z| (int(x) == int(z)) as u8),
        cmp::LESS => shape.apply(a, b, y, |x, z| (int(x) < int(z)) as u8),
        cmp::LESS_OR_EQUAL => shape.apply(a, b, y, |x, z| (int(x) <= int(z)) as u8),
        cmp::GREATER => shape.apply(a, b, y, |x, z| (int(x) > int(z)) as u8),
        cmp::GREATER_OR_EQUAL => shape.apply(a, b, y, |x, z| (int(x) >= int(z)) as u8),
        _ => y.fill(0),
    }
    Ok(())
}

/// Two inputs read with their own strides over the output's dimensions.
struct Strided<'a> {
    dims: &'a [usize],
    sa: &'a [usize],
    sb: &'a [usize],
    par: Par<'a>,
}

impl Strided<'_> {
    /// `y[i] = f(a[i'], b[i''])` over rows of the innermost dimension, rows shared out among
    /// the threads.
    fn apply<O: Copy + Send>(
        &self,
        a: &[f32],
        b: &[f32],
        y: &mut [O],
        f: impl Fn(f32, f32) -> O + Sync,
    ) {
        let inner = self.dims[RANK - 1];
        let (ia, ib) = (self.sa[RANK - 1], self.sb[RANK - 1]);
        // At least 16 Ki elements per task: below that a task costs more than it saves.
        let rows_per_task = (16384 / inner).max(1);
        self.par.run(y.len() / ELEMENTS_PER_NS, |loops| {
            loops.chunks(y, rows_per_task * inner, |t, chunk| {
                for (r, out) in chunk.chunks_exact_mut(inner).enumerate() {
                    let (mut row, mut oa, mut ob) = (t * rows_per_task + r, 0, 0);
                    for d in (0..RANK - 1).rev() {
                        let coord = row % self.dims[d];
                        row /= self.dims[d];
                        oa += coord * self.sa[d];
                        ob += coord * self.sb[d];
                    }
                    one_row(&f, (a, oa, ia), (b, ob, ib), out);
                }
            })
        });
    }
}

/// One row of `out`, from `a` and `b` at their offsets and steps along the row.
fn one_row<O, F: Fn(f32, f32) -> O>(
    f: &F,
    a: (&[f32], usize, usize),
    b: (&[f32], usize, usize),
    out: &mut [O],
) {
    #[cfg(target_arch = "x86_64")]
    if super::avx2_available() {
        // SAFETY: the CPU has AVX2.
        unsafe { row_avx2(f, a, b, out) };
        return;
    }
    row_with(f, a, b, out)
}

/// [`row_with`] compiled with AVX2 (see `vectorised!`, which takes no generic functions).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn row_avx2<O, F: Fn(f32, f32) -> O>(
    f: &F,
    a: (&[f32], usize, usize),
    b: (&[f32], usize, usize),
    out: &mut [O],
) {
    row_with(f, a, b, out)
}

#[inline(always)]
fn row_with<O, F: Fn(f32, f32) -> O>(
    f: &F,
    (a, oa, ia): (&[f32], usize, usize),
    (b, ob, ib): (&[f32], usize, usize),
    out: &mut [O],
) {
    match (ia, ib) {
        (1, 1) => {
            for ((o, x), y) in out.iter_mut().zip(&a[oa..]).zip(&b[ob..]) {
                *o = f(*x, *y);
            }
        }
        (1, 0) => {
            let y = b[ob];
            for (o, x) in out.iter_mut().zip(&a[oa..]) {
                *o = f(*x, y);
            }
        }
        (0, 1) => {
            let x = a[oa];
            for (o, y) in out.iter_mut().zip(&b[ob..]) {
                *o = f(x, *y);
            }
        }
        _ => {
            for (k, o) in out.iter_mut().enumerate() {
                *o = f(a[oa + k * ia], b[ob + k * ib]);
            }
        }
    }
}
