//! `cast`: Cast between f32, f64, u8, i8, bool, i32 and i64, as the portable kernel converts
//! (through f64 from a float, through i64 from an integer, with Rust's saturating float-to-int
//! conversions, which are Wasm's `trunc_sat`), a loop compiled for each pair of types.

use super::parallel::ELEMENTS_PER_NS;
use super::{one, size, Ctx};
use crate::abi::cast as c;

/// `cast`. Parameters: [`crate::abi::cast`]; buffers x, y (bytes of their element types).
pub(super) fn cast(p: &[i32], inputs: &[&[f32]], y: &mut [f32], cx: Ctx<'_>) -> Result<(), String> {
    let x = one(inputs)?;
    let (from, to) = (
        *p.get(c::FROM).ok_or("too few parameters")?,
        *p.get(c::TO).ok_or("too few parameters")?,
    );
    let n = size(p, c::COUNT)?;
    let (x, y): (&[u8], &mut [u8]) = (bytemuck::cast_slice(x), bytemuck::cast_slice_mut(y));
    let (fw, tw) = (width(from)?, width(to)?);
    if x.len() < n * fw || y.len() < n * tw {
        return Err(format!(
            "{n} elements need {} bytes in and {} out, not {} and {}",
            n * fw,
            n * tw,
            x.len(),
            y.len()
        ));
    }
    let (x, y) = (&x[..n * fw], &mut y[..n * tw]);
    const CHUNK: usize = 8192;
    cx.par.run(n / ELEMENTS_PER_NS, |loops| {
        loops.chunks(y, CHUNK * tw, |chunk, out| {
            let first = chunk * CHUNK;
            let xs = &x[first * fw..][..out.len() / tw * fw];
            convert(from, to, xs, out);
        })
    });
    Ok(())
}

/// Bytes per element of type `code`.
fn width(code: i32) -> Result<usize, String> {
    match code {
        c::U8 | c::I8 | c::BOOL => Ok(1),
        c::F32 | c::I32 => Ok(4),
        c::F64 | c::I64 => Ok(8),
        other => Err(format!("element type {other}")),
    }
}

/// What the portable kernel reads: the value as f64 from a float, as i64 from an integer.
#[inline(always)]
fn read<const FROM: i32>(x: &[u8], i: usize) -> (f64, i64) {
    let word = |w: usize| -> [u8; 8] {
        let mut b = [0; 8];
        b[..w].copy_from_slice(&x[i * w..i * w + w]);
        b
    };
    match FROM {
        c::F32 => {
            let b = word(4);
            (f32::from_le_bytes([b[0], b[1], b[2], b[3]]) as f64, 0)
        }
        c::F64 => (f64::from_le_bytes(word(8)), 0),
        c::U8 => (0.0, x[i] as i64),
        c::I8 => (0.0, x[i] as i8 as i64),
        c::BOOL => (0.0, (x[i] != 0) as i64),
        c::I32 => {
            let b = word(4);
            (0.0, i32::from_le_bytes([b[0], b[1], b[2], b[3]]) as i64)
        }
        _ => (0.0, i64::from_le_bytes(word(8))),
    }
}

/// What the portable kernel writes, from [`read`]'s value.
#[inline(always)]
fn write<const FROM: i32, const TO: i32>(y: &mut [u8], i: usize, (float, int): (f64, i64)) {
    let is_float = matches!(FROM, c::F32 | c::F64);
    match TO {
        c::F32 => {
            let v = if is_float { float as f32 } else { int as f32 };
            y[i * 4..i * 4 + 4].copy_from_slice(&v.to_le_bytes());
        }
        c::F64 => {
            let v = if is_float { float } else { int as f64 };
            y[i * 8..i * 8 + 8].copy_from_slice(&v.to_le_bytes());
        }
        c::U8 | c::I8 => {
            y[i] = if is_float {
                float as i64 as u8
            } else {
                int as u8
            }
        }
        c::BOOL => y[i] = if is_float { float != 0.0 } else { int != 0 } as u8,
        c::I32 => {
            let v = if is_float { float as i32 } else { int as i32 };
            y[i * 4..i * 4 + 4].copy_from_slice(&v.to_le_bytes());
        }
        _ => {
            let v = if is_float { float as i64 } else { int };
            y[i * 8..i * 8 + 8].copy_from_slice(&v.to_le_bytes());
        }
    }
}

#[inline(always)]
fn run<const FROM: i32, const TO: i32>(x: &[u8], y: &mut [u8], n: usize) {
    for i in 0..n {
        write::<FROM, TO>(y, i, read::<FROM>(x, i));
    }
}

/// `xs` converted into `out`, whole elements of each.
fn convert(from: i32, to: i32, xs: &[u8], out: &mut [u8]) {
    let n = match width(to) {
        Ok(w) => out.len() / w,
        Err(_) => return,
    };
    macro_rules! pairs {
        ($($from:ident)*; $to:tt) => {
            match from {
                $(c::$from => pairs!(@to $from; $to),)*
                _ => {}
            }
        };
        (@to $from:ident; [$($to:ident)*]) => {
            match to {
                $(c::$to => run::<{ c::$from }, { c::$to }>(xs, out, n),)*
                _ => {}
            }
        };
    }
    pairs!(F32 F64 U8 I8 BOOL I32 I64; [F32 F64 U8 I8 BOOL I32 I64])
}
