//! Signal processing: DFT and STFT, and the constant tensors audio front ends build their
//! spectrograms with (HannWindow, HammingWindow, BlackmanWindow, MelWeightMatrix).
//!
//! A DFT of length L over one axis is a matrix product: the signal, as rows of `N * c` reals
//! (`c` = 1 for a real signal, 2 for a complex one, interleaved), times a real matrix of
//! `N * c` rows and `bins * 2` columns (or `L` for the real output of an inverse one-sided
//! transform) holding the twiddle factors, computed on the host in f64 from `k n mod L`. It
//! runs on the GEMM every device has, at O(N L) per transform rather than an FFT's O(L log L);
//! the spectrogram front ends this serves use frames of a few hundred samples. The matrix
//! counts against the plan's bytes, which bounds L.
//!
//! STFT gathers the frames (a host-made index of `frames x window` positions), and folds a
//! constant window into the DFT's matrix (a window known only at run time multiplies the
//! frames instead).

use super::composed::{apply, transpose};
use super::elementwise::emit_binary;
use super::network::require_f32;
use super::{input, known_ints, optional};
use crate::graph::{Builder, ValueId};
use crate::model::{Attr, Node};
use crate::tensor::{DType, Tensor};
use crate::Error;

/// A scalar integer input that must be known when the plan is made.
fn known_scalar(
    b: &Builder,
    inputs: &[Option<ValueId>],
    k: usize,
    what: &str,
) -> Result<Option<i64>, Error> {
    match known_ints(b, inputs, k, what)? {
        None => Ok(None),
        Some(v) if v.len() == 1 => Ok(Some(v[0])),
        Some(v) => Err(Error::InvalidInput(format!(
            "{what} has {} values, not one",
            v.len()
        ))),
    }
}

/// What a DFT computes.
#[derive(Clone, Copy)]
struct Transform {
    /// The DFT's length L.
    len: usize,
    inverse: bool,
    onesided: bool,
}

impl Transform {
    /// The output's length along the axis and its components (2: complex, 1: real).
    fn output(self) -> (usize, usize) {
        match (self.inverse, self.onesided) {
            (false, true) => (self.len / 2 + 1, 2),
            (false, false) | (true, false) => (self.len, 2),
            // An inverse one-sided transform (irfft) has real output.
            (true, true) => (self.len, 1),
        }
    }

    /// The real matrix taking `n_in` samples of `c_in` components (row `n * c_in + ci`) to the
    /// output (column `k * c_out + co`), each input row scaled by `weights[n]` (a window).
    fn matrix(self, n_in: usize, c_in: usize, weights: Option<&[f32]>) -> Vec<f32> {
        let (bins, c_out) = self.output();
        let l = self.len;
        let cols = bins * c_out;
        let mut m = vec![0.0f32; n_in * c_in * cols];
        let angle = |k: usize, n: usize| {
            let r = ((k as u128 * n as u128) % l as u128) as f64;
            2.0 * std::f64::consts::PI * r / l as f64
        };
        if self.inverse && self.onesided {
            // irfft: bins 0 ..= L/2 of a Hermitian spectrum, each but DC (and Nyquist, for an
            // even L) standing for itself and its mirror image; their imaginary parts unused.
            let used = n_in.min(l / 2 + 1);
            for k in 0..used {
                let edge = k == 0 || (l.is_multiple_of(2) && k == l / 2);
                let f = if edge { 1.0 } else { 2.0 } / l as f64;
                let w = weights.map_or(1.0, |w| f64::from(w[k]));
                for n in 0..l {
                    let (s, c) = angle(k, n).sin_cos();
                    m[(k * c_in) * cols + n] = (f * w * c) as f32;
                    if c_in == 2 && !edge {
                        m[(k * c_in + 1) * cols + n] = (-f * w * s) as f32;
                    }
                }
            }
            return m;
        }
        // Forward: x e^{-i t}; inverse: x e^{+i t} / L. Samples past L are cut off.
        let (sign, scale) = if self.inverse {
            (1.0, 1.0 / l as f64)
        } else {
            (-1.0, 1.0)
        };
        for n in 0..n_in.min(l) {
            let w = weights.map_or(1.0, |w| f64::from(w[n])) * scale;
            for k in 0..bins {
                let (s, c) = angle(k, n).sin_cos();
                let s = sign * s;
                // (a + i b)(c + i s) = (a c - b s) + i (a s + b c)
                m[(n * c_in) * cols + k * 2] = (w * c) as f32;
                m[(n * c_in) * cols + k * 2 + 1] = (w * s) as f32;
                if c_in == 2 {
                    m[(n * c_in + 1) * cols + k * 2] = (-w * s) as f32;
                    m[(n * c_in + 1) * cols + k * 2 + 1] = (w * c) as f32;
                }
            }
        }
        m
    }
}

/// `x` (`[..., n, ..., c]`, the signal along `axis`, components last) transformed along `axis`,
/// each sample weighted by `weights` (a constant window) if given.
fn emit_dft(
    b: &mut Builder,
    x: ValueId,
    axis: usize,
    t: Transform,
    weights: Option<&[f32]>,
) -> Result<ValueId, Error> {
    let shape = b.value(x).shape.clone();
    let rank = shape.len();
    let (n_in, c_in) = (shape[axis], shape[rank - 1]);
    if !(c_in == 1 || c_in == 2) {
        return Err(Error::InvalidInput(format!(
            "a signal's last dimension holds 1 (real) or 2 (complex) components, not {c_in}"
        )));
    }
    if t.len == 0 {
        return Err(Error::InvalidInput("a DFT of length 0".into()));
    }
    let (bins, c_out) = t.output();
    let matrix_bytes = (n_in * c_in).saturating_mul(bins * c_out).saturating_mul(4);
    b.reserve(matrix_bytes)?;
    let w = t.matrix(n_in, c_in, weights);
    let w = b.constant(Tensor::from_f32(vec![n_in * c_in, bins * c_out], &w)?);
    // The signal's axis next to the components: [others..., n, c].
    let mut perm: Vec<usize> = (0..rank - 1).filter(|&d| d != axis).collect();
    perm.extend([axis, rank - 1]);
    let as_i64 = |p: &[usize]| p.iter().map(|&d| d as i64).collect::<Vec<_>>();
    let moved = transpose(b, x, &as_i64(&perm))?;
    let others: Vec<usize> = perm[..rank - 2].iter().map(|&d| shape[d]).collect();
    let rows: usize = others.iter().product();
    let flat = b.view(moved, vec![rows, n_in * c_in])?;
    let y = apply(b, "MatMul", vec![], &[Some(flat), Some(w)])?[0];
    let mut moved_shape = others;
    moved_shape.extend([bins, c_out]);
    let y = b.view(y, moved_shape)?;
    // And back: the inverse permutation.
    let mut inverse = vec![0usize; rank];
    for (k, &d) in perm.iter().enumerate() {
        inverse[d] = k;
    }
    transpose(b, y, &as_i64(&inverse))
}

pub(crate) fn dft(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    require_f32(node, b, &[x])?;
    let rank = b.value(x).shape.len();
    if rank < 2 {
        return Err(Error::InvalidInput(format!(
            "{} of a {rank}-D signal",
            node.op
        )));
    }
    // Opset 17 names the axis in an attribute (default 1), opset 20 in input 2 (default -2).
    let axis = if b.opset >= 20 {
        known_scalar(b, inputs, 2, "DFT's axis")?.unwrap_or(-2)
    } else {
        node.int("axis", 1)?
    };
    let a = if axis < 0 { axis + rank as i64 } else { axis };
    if a < 0 || a as usize >= rank - 1 {
        return Err(Error::InvalidInput(format!(
            "DFT axis {axis} of a {rank}-D signal (its last dimension holds the components)"
        )));
    }
    let a = a as usize;
    let inverse = node.int("inverse", 0)? != 0;
    let onesided = node.int("onesided", 0)? != 0;
    let n = b.value(x).shape[a];
    let len = match known_scalar(b, inputs, 1, "dft_length")? {
        Some(l) if l > 0 => l as usize,
        Some(l) => return Err(Error::InvalidInput(format!("dft_length {l}"))),
        None if inverse && onesided => 2 * n.saturating_sub(1),
        None => n,
    };
    let t = Transform {
        len,
        inverse,
        onesided,
    };
    Ok(vec![emit_dft(b, x, a, t, None)?])
}

pub(crate) fn stft(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    require_f32(node, b, &[x])?;
    let shape = b.value(x).shape.clone();
    // `[batch, samples]` is a real signal too: ONNX Runtime takes it, and exporters write it.
    let (x, shape) = match shape[..] {
        [batch, samples] => (b.view(x, vec![batch, samples, 1])?, vec![batch, samples, 1]),
        _ => (x, shape),
    };
    let [batch, samples, c] = shape[..] else {
        return Err(Error::InvalidInput(format!(
            "STFT of a signal of shape {shape:?} (batch, samples, components)"
        )));
    };
    let step = match known_scalar(b, inputs, 1, "STFT's frame_step")? {
        Some(s) if s > 0 => s as usize,
        other => return Err(Error::InvalidInput(format!("STFT frame_step {other:?}"))),
    };
    let window = optional(inputs, 2);
    let window_len = window.map(|w| b.value(w).len());
    let frame_len = match known_scalar(b, inputs, 3, "STFT's frame_length")? {
        Some(l) if l > 0 => l as usize,
        Some(l) => return Err(Error::InvalidInput(format!("STFT frame_length {l}"))),
        None => window_len.unwrap_or(samples),
    };
    let taken = window_len.unwrap_or(frame_len);
    if frame_len > samples || taken > samples || taken == 0 {
        return Err(Error::InvalidInput(format!(
            "STFT frames of {frame_len} samples (window {taken}) from a signal of {samples}"
        )));
    }
    let frames = 1 + (samples - frame_len) / step;
    // Frame f holds samples f * step .. f * step + taken.
    b.reserve(frames.saturating_mul(taken).saturating_mul(8))?;
    let index: Vec<i64> = (0..frames)
        .flat_map(|f| (0..taken).map(move |j| (f * step + j) as i64))
        .collect();
    let index = b.constant(Tensor::from_i64(vec![frames, taken], &index)?);
    let attrs = vec![("axis", Attr::Int(1))];
    let framed = apply(b, "Gather", attrs, &[Some(x), Some(index)])?[0];
    debug_assert_eq!(b.value(framed).shape, [batch, frames, taken, c]);
    let constant_window = window.and_then(|w| b.konst(w)).map(|t| t.to_f32());
    let framed = match (window, &constant_window) {
        (Some(w), None) => {
            require_f32(node, b, &[w])?;
            let column = b.view(w, vec![taken, 1])?;
            emit_binary(b, "Mul", framed, column)?
        }
        _ => framed,
    };
    let t = Transform {
        len: frame_len,
        inverse: false,
        onesided: node.int("onesided", 1)? != 0,
    };
    Ok(vec![emit_dft(b, framed, 2, t, constant_window.as_deref())?])
}

/// HannWindow, HammingWindow and BlackmanWindow of a size known when the plan is made.
pub(crate) fn window(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let size = known_scalar(b, inputs, 0, "the window's size")?.unwrap_or(0);
    if size < 0 {
        return Err(Error::InvalidInput(format!("a window of size {size}")));
    }
    let size = size as usize;
    b.reserve(size.saturating_mul(8))?;
    let periodic = node.int("periodic", 1)? != 0;
    let n = if periodic {
        size
    } else {
        size.saturating_sub(1)
    } as f64;
    let tau = 2.0 * std::f64::consts::PI;
    let values: Vec<f64> = (0..size)
        .map(|i| {
            let i = i as f64;
            match node.op.as_str() {
                "HannWindow" => (std::f64::consts::PI * i / n).sin().powi(2),
                "HammingWindow" => 25.0 / 46.0 - (21.0 / 46.0) * (tau * i / n).cos(),
                _ => 0.42 - 0.5 * (tau * i / n).cos() + 0.08 * (2.0 * tau * i / n).cos(),
            }
        })
        .collect();
    Ok(vec![float_constant(node, b, vec![size], &values)?])
}

/// A constant of the type `output_datatype` names (f32 by default).
fn float_constant(
    node: &Node,
    b: &mut Builder,
    shape: Vec<usize>,
    values: &[f64],
) -> Result<ValueId, Error> {
    let t = match node.int("output_datatype", 1)? {
        1 => Tensor::from_f32(shape, &values.iter().map(|&v| v as f32).collect::<Vec<_>>())?,
        11 => Tensor::new(
            DType::F64,
            shape,
            values
                .iter()
                .flat_map(|v| v.to_le_bytes())
                .collect::<Vec<u8>>(),
        )?,
        code => {
            return Err(Error::Unsupported(format!(
                "{} of output_datatype {code} (float or double)",
                node.op
            )))
        }
    };
    Ok(b.constant(t))
}

/// MelWeightMatrix: `[dft_length / 2 + 1, num_mel_bins]` triangular filters, as ONNX's
/// definition builds them (bin edges at `floor((dft_length + 1) f / sample_rate)`).
pub(crate) fn mel_weight_matrix(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let number = |b: &Builder, k: usize, what: &str| -> Result<f64, Error> {
        let id = input(inputs, k)?;
        match b.konst(id) {
            Some(t) if t.len() == 1 => Ok(match t.dtype {
                DType::F32 | DType::F64 => t.to_f64()[0],
                _ => t.to_i64()?[0] as f64,
            }),
            _ => Err(Error::Unsupported(format!(
                "{}'s {what} must be one value known when the plan is made",
                node.op
            ))),
        }
    };
    let mels = number(b, 0, "num_mel_bins")?;
    let dft = number(b, 1, "dft_length")?;
    let rate = number(b, 2, "sample_rate")?;
    let (low, high) = (
        number(b, 3, "lower_edge_hertz")?,
        number(b, 4, "upper_edge_hertz")?,
    );
    if !(mels >= 1.0 && dft >= 1.0 && rate > 0.0) || mels > 65536.0 || dft > 1e8 {
        return Err(Error::InvalidInput(format!(
            "{} of {mels} bins, dft_length {dft}, sample rate {rate}",
            node.op
        )));
    }
    let (mels, dft) = (mels as usize, dft as usize);
    let rows = dft / 2 + 1;
    b.reserve(rows.saturating_mul(mels).saturating_mul(8))?;
    let mel = |hz: f64| 2595.0 * (1.0 + hz / 700.0).log10();
    let (lo, hi) = (mel(low), mel(high));
    let step = (hi - lo) / (mels + 2) as f64;
    let edges: Vec<i64> = (0..mels + 2)
        .map(|i| {
            let hz = 700.0 * (10f64.powf((i as f64 * step + lo) / 2595.0) - 1.0);
            (((dft + 1) as f64 * hz) / rate).floor() as i64
        })
        .collect();
    let mut m = vec![0.0f64; rows * mels];
    // Only the rows there are: edges far outside them (an upper edge above the sample rate)
    // cost no loop.
    let within = |from: i64, to: i64| from.max(0)..to.min(rows as i64);
    for i in 0..mels {
        let (left, center, right) = (edges[i], edges[i + 1], edges[i + 2]);
        if center == left {
            if (0..rows as i64).contains(&center) {
                m[center as usize * mels + i] = 1.0;
            }
        } else {
            for j in within(left, center.saturating_add(1)) {
                m[j as usize * mels + i] = (j - left) as f64 / (center - left) as f64;
            }
        }
        if right > center {
            for j in within(center, right) {
                m[j as usize * mels + i] = (right - j) as f64 / (right - center) as f64;
            }
        }
    }
    Ok(vec![float_constant(node, b, vec![rows, mels], &m)?])
}
