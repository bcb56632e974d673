//! `unary_f32`, the element-wise activations and functions: the portable kernel's own code
//! (`nn/wasm-kernels/elementary.rs`, included here), run natively over chunks of the tensor on
//! the team's threads, so the results are the same.
//!
//! The loop is compiled once per function (the code a const parameter, so that `activate`'s
//! `match` folds away), which lets the compiler vectorise it, with AVX2 where the CPU has it
//! (`vectorised!`).

use super::elementary::activate;
use super::parallel::DIRECT_OPS_PER_NS;
use super::{fits, float, one, size, Ctx};
use crate::abi::unary::{self, params as u};

/// `unary_f32`: `y[i] = f(x[i])`. Parameters: [`crate::abi::unary::params`].
pub(super) fn unary(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
) -> Result<(), String> {
    let x = one(inputs)?;
    let code = *p.get(u::CODE).ok_or("too few parameters")?;
    let (a, b) = (float(p, u::A)?, float(p, u::B)?);
    let n = size(p, u::COUNT)?;
    fits("x", x, n)?;
    fits("y", y, n)?;
    let (x, y) = (&x[..n], &mut y[..n]);
    // Chunks of whole cache lines, a few per thread; vectorised, `exp` and friends cost a few
    // operations per element.
    cx.par.run(n * 4 / DIRECT_OPS_PER_NS, |loops| {
        loops.chunks(y, 4096, |chunk, out| {
            let xs = &x[chunk * 4096..][..out.len()];
            apply(code, a, b, xs, out);
        })
    });
    Ok(())
}

vectorised! {
    /// `out[i] = activate(code, a, b, xs[i])`: the loop for each code compiled with its
    /// `activate` folded to one function.
    fn apply(code: i32, a: f32, b: f32, xs: &[f32], out: &mut [f32]) {
        macro_rules! each {
            ($($code:ident)*) => {
                match code {
                    $(unary::$code => map::<{ unary::$code }>(a, b, xs, out),)*
                    _ => out.copy_from_slice(&xs[..out.len()]),
                }
            };
        }
        each!(RELU SIGMOID TANH EXP LOG SQRT NEG ABS FLOOR CEIL RECIPROCAL CLIP HARD_SIGMOID
            HARD_SWISH LEAKY_RELU ELU ERF SOFTPLUS GELU SELU SOFTSIGN ROUND SIGN SIN COS
            GELU_TANH FAKE_QUANT_U8 FAKE_QUANT_I8)
    }
}

#[inline(always)]
fn map<const CODE: i32>(a: f32, b: f32, xs: &[f32], out: &mut [f32]) {
    for (o, &v) in out.iter_mut().zip(xs) {
        *o = activate(CODE, a, b, v);
    }
}

/// `batchnorm_f32`: `y = (x - mean[c]) * (scale[c] / sqrt(var[c] + epsilon)) + bias[c]`, the
/// portable kernel's operations, a plane at a time. Parameters: [`crate::abi::batchnorm`];
/// buffers x, scale, bias, mean, var, y.
pub(super) fn batchnorm(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
) -> Result<(), String> {
    use crate::abi::batchnorm as bn;
    let [x, scale, bias, mean, var] = *inputs else {
        return Err(format!("{} inputs, not 5", inputs.len()));
    };
    let (c, plane, n) = (size(p, bn::C)?, size(p, bn::PLANE)?, size(p, bn::COUNT)?);
    let epsilon = float(p, bn::EPSILON)?;
    if n == 0 {
        return Ok(());
    }
    if c == 0 || plane == 0 {
        return Err(format!("{n} elements in {c} channels of {plane}"));
    }
    for (what, buffer) in [
        ("scale", scale),
        ("bias", bias),
        ("mean", mean),
        ("var", var),
    ] {
        fits(what, buffer, c)?;
    }
    fits("x", x, n)?;
    fits("y", y, n)?;
    let (x, y) = (&x[..n], &mut y[..n]);
    cx.par.run(n * 3 / DIRECT_OPS_PER_NS, |loops| {
        loops.chunks(y, plane, |k, out| {
            let ch = k % c;
            let s = scale[ch] / (var[ch] + epsilon).sqrt();
            let xs = &x[k * plane..][..out.len()];
            affine(xs, mean[ch], s, bias[ch], out);
        })
    });
    Ok(())
}

vectorised! {
    /// `out = (xs - mean) * s + bias`.
    fn affine(xs: &[f32], mean: f32, s: f32, bias: f32, out: &mut [f32]) {
        for (o, &v) in out.iter_mut().zip(xs) {
            *o = (v - mean) * s + bias;
        }
    }
}
