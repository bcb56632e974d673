//! `unary_f32`, the element-wise activations and functions: the portable kernel's own code
//! (`nn/wasm-kernels/elementary.rs`, included here), run natively over chunks of the tensor on
//! the team's threads, so the results are the same.

use super::elementary::activate;
use super::parallel::DIRECT_OPS_PER_NS;
use super::{fits, float, size, Ctx};
use crate::abi::unary::params as u;

/// `unary_f32`: `y[i] = f(x[i])`. Parameters: [`crate::abi::unary::params`].
pub(super) fn unary(
    p: &[i32],
    inputs: &[&[f32]],
    y: &mut [f32],
    cx: Ctx<'_>,
) -> Result<(), String> {
    let [x] = *inputs else {
        return Err(format!("{} inputs, not 1", inputs.len()));
    };
    let code = *p.get(u::CODE).ok_or("too few parameters")?;
    let (a, b) = (float(p, u::A)?, float(p, u::B)?);
    let n = size(p, u::COUNT)?;
    fits("x", x, n)?;
    fits("y", y, n)?;
    let (x, y) = (&x[..n], &mut y[..n]);
    // Chunks of whole cache lines, a few per thread; `exp` and friends cost some 20 operations.
    cx.par.run(n * 20 / DIRECT_OPS_PER_NS, |loops| {
        loops.chunks(y, 4096, |chunk, out| {
            let xs = &x[chunk * 4096..][..out.len()];
            for (o, &v) in out.iter_mut().zip(xs) {
                *o = activate(code, a, b, v);
            }
        })
    });
    Ok(())
}
