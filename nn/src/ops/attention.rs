//! Transformer operators of opset 23: Attention (scaled dot-product attention with masks, a
//! causal mask, a key/value cache, grouped-query heads and softcapping) and RotaryEmbedding.
//!
//! Both are planned as the matrix products, softmax and element-wise steps ONNX's definitions
//! are written with, so they run on every device the kernels do. Where ONNX's reference
//! implementation and the operator's text disagree on `qk_matmul_output_mode`, the text is
//! followed: 0 is the scaled product, 1 after the softcap, 2 after the mask, 3 after the softmax.

use super::composed::{apply, slice, transpose};
use super::elementwise::emit_binary;
use super::network::require_f32;
use super::{input, optional, scalar};
use crate::graph::{Builder, ValueId};
use crate::model::{Attr, Node};
use crate::tensor::{DType, Tensor};
use crate::Error;

fn concat(b: &mut Builder, parts: &[ValueId], axis: i64) -> Result<ValueId, Error> {
    let parts: Vec<Option<ValueId>> = parts.iter().map(|&p| Some(p)).collect();
    Ok(apply(b, "Concat", vec![("axis", Attr::Int(axis))], &parts)?[0])
}

/// A 3-D `[batch, sequence, heads * size]` tensor as `[batch, heads, sequence, size]`.
fn split_heads(b: &mut Builder, x: ValueId, heads: i64, what: &str) -> Result<ValueId, Error> {
    let shape = b.value(x).shape.clone();
    let (batch, seq, hidden) = (shape[0], shape[1], shape[2]);
    if heads <= 0 || hidden % heads as usize != 0 {
        return Err(Error::InvalidModel(format!(
            "{what}'s hidden size {hidden} is not a multiple of {heads} heads"
        )));
    }
    let heads = heads as usize;
    let x = b.view(x, vec![batch, seq, heads, hidden / heads])?;
    transpose(b, x, &[0, 2, 1, 3])
}

/// `[rows, total]` of 0 where query `i` may see key `j` (`j <= i + past`) and -inf elsewhere.
fn causal_bias(b: &mut Builder, rows: usize, total: usize, past: usize) -> Result<ValueId, Error> {
    b.reserve(rows.saturating_mul(total).saturating_mul(4))?;
    let mut values = vec![0.0f32; rows * total];
    for i in 0..rows {
        for j in (i + past + 1).min(total)..total {
            values[i * total + j] = f32::NEG_INFINITY;
        }
    }
    Ok(b.constant(Tensor::from_f32(vec![rows, total], &values)?))
}

/// The attention mask as an additive bias over `total` keys: booleans become 0 (attend) or -inf,
/// and a mask shorter than `total` is padded with -inf.
fn mask_bias(node: &Node, b: &mut Builder, mask: ValueId, total: usize) -> Result<ValueId, Error> {
    let mask = match b.value(mask).dtype {
        DType::Bool => {
            let (zero, minus_inf) = (
                scalar(b, DType::F32, 0.0)?,
                scalar(b, DType::F32, f64::NEG_INFINITY)?,
            );
            apply(
                b,
                "Where",
                vec![],
                &[Some(mask), Some(zero), Some(minus_inf)],
            )?[0]
        }
        DType::F32 => mask,
        other => {
            return Err(Error::Unsupported(format!(
                "{} with a mask of {other}",
                node.op
            )))
        }
    };
    let shape = b.value(mask).shape.clone();
    let Some(&last) = shape.last() else {
        return Err(Error::InvalidInput(format!(
            "{}'s mask is a scalar",
            node.op
        )));
    };
    if last > total {
        return Err(Error::InvalidInput(format!(
            "{}'s mask covers {last} keys, more than the {total} there are",
            node.op
        )));
    }
    if last == total {
        return Ok(mask);
    }
    let mut pads = vec![0i64; 2 * shape.len()];
    pads[2 * shape.len() - 1] = (total - last) as i64;
    let pads = b.constant(Tensor::from_i64(vec![pads.len()], &pads)?);
    let minus_inf = scalar(b, DType::F32, f64::NEG_INFINITY)?;
    Ok(apply(b, "Pad", vec![], &[Some(mask), Some(pads), Some(minus_inf)])?[0])
}

/// `[batch, 1, 1, total]` of 0 for the first `nonpad[batch]` keys and -inf after them.
fn padding_bias(
    b: &mut Builder,
    nonpad: ValueId,
    batch: usize,
    total: usize,
) -> Result<ValueId, Error> {
    b.reserve(total.saturating_mul(8))?;
    let positions: Vec<i64> = (0..total as i64).collect();
    let positions = b.constant(Tensor::from_i64(vec![total], &positions)?);
    let nonpad = match b.value(nonpad).dtype {
        DType::I64 => nonpad,
        _ => super::elementwise::emit_cast(b, nonpad, DType::I64)?,
    };
    let nonpad = b.view(nonpad, vec![batch, 1])?;
    let keep = apply(b, "Less", vec![], &[Some(positions), Some(nonpad)])?[0];
    let (zero, minus_inf) = (
        scalar(b, DType::F32, 0.0)?,
        scalar(b, DType::F32, f64::NEG_INFINITY)?,
    );
    let bias = apply(
        b,
        "Where",
        vec![],
        &[Some(keep), Some(zero), Some(minus_inf)],
    )?[0];
    b.view(bias, vec![batch, 1, 1, total])
}

pub(crate) fn attention(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (q, k, v) = (input(inputs, 0)?, input(inputs, 1)?, input(inputs, 2)?);
    let (mask, past_key, past_value) = (
        optional(inputs, 3),
        optional(inputs, 4),
        optional(inputs, 5),
    );
    let nonpad = optional(inputs, 6);
    require_f32(node, b, &[q, k, v])?;
    let rank = b.value(q).shape.len();
    if b.value(k).shape.len() != rank || b.value(v).shape.len() != rank || !(rank == 3 || rank == 4)
    {
        return Err(Error::InvalidInput(format!(
            "{} needs Q, K and V all 3-D or all 4-D",
            node.op
        )));
    }
    let (q, k, v) = if rank == 3 {
        let q_heads = node.int("q_num_heads", 0)?;
        let kv_heads = node.int("kv_num_heads", 0)?;
        (
            split_heads(b, q, q_heads, "Q")?,
            split_heads(b, k, kv_heads, "K")?,
            split_heads(b, v, kv_heads, "V")?,
        )
    } else {
        (q, k, v)
    };
    // [batch, heads, sequence, size] from here on.
    let (qs, ks, vs) = (
        b.value(q).shape.clone(),
        b.value(k).shape.clone(),
        b.value(v).shape.clone(),
    );
    let (batch, q_heads, q_len, size) = (qs[0], qs[1], qs[2], qs[3]);
    let kv_heads = ks[1];
    if ks[0] != batch || vs[0] != batch || vs[1] != kv_heads || ks[3] != size || vs[2] != ks[2] {
        return Err(Error::InvalidInput(format!(
            "{}: Q {qs:?}, K {ks:?} and V {vs:?} do not fit together",
            node.op
        )));
    }
    if kv_heads == 0 || q_heads % kv_heads != 0 {
        return Err(Error::InvalidInput(format!(
            "{}: {q_heads} query heads are not a multiple of {kv_heads} key/value heads",
            node.op
        )));
    }
    // The cache: past keys and values before the new ones.
    let mut past_len = 0;
    let (k, v) = match (past_key, past_value) {
        (Some(pk), Some(pv)) => {
            require_f32(node, b, &[pk, pv])?;
            past_len = b.value(pk).shape.get(2).copied().unwrap_or(0);
            (concat(b, &[pk, k], 2)?, concat(b, &[pv, v], 2)?)
        }
        (None, None) => (k, v),
        _ => {
            return Err(Error::InvalidModel(format!(
                "{} has one of past_key and past_value without the other",
                node.op
            )))
        }
    };
    let total = b.value(k).shape[2];
    // Grouped-query attention: each key/value head serves `q_heads / kv_heads` query heads in a
    // row.
    let (k_all, v_all) = if q_heads != kv_heads {
        let r = q_heads / kv_heads;
        let spread = |b: &mut Builder, x: ValueId| -> Result<ValueId, Error> {
            let s = b.value(x).shape.clone();
            let x = b.view(x, vec![s[0], s[1], 1, s[2], s[3]])?;
            let to = [s[0], s[1], r, s[2], s[3]].map(|d| d as i64);
            let to = b.constant(Tensor::from_i64(vec![5], &to)?);
            let x = apply(b, "Expand", vec![], &[Some(x), Some(to)])?[0];
            b.view(x, vec![s[0], q_heads, s[2], s[3]])
        };
        (spread(b, k)?, spread(b, v)?)
    } else {
        (k, v)
    };
    let scale = match node.attrs.get("scale") {
        Some(_) => node.float("scale", 1.0)?,
        None => 1.0 / (size as f32).sqrt(),
    };
    let scale = scalar(b, DType::F32, f64::from(scale))?;
    let q_scaled = emit_binary(b, "Mul", q, scale)?;
    let k_t = transpose(b, k_all, &[0, 1, 3, 2])?;
    let product = apply(b, "MatMul", vec![], &[Some(q_scaled), Some(k_t)])?[0];
    let softcap = node.float("softcap", 0.0)?;
    let capped = if softcap > 0.0 {
        let cap = scalar(b, DType::F32, f64::from(softcap))?;
        let t = emit_binary(b, "Div", product, cap)?;
        let t = apply(b, "Tanh", vec![], &[Some(t)])?[0];
        emit_binary(b, "Mul", t, cap)?
    } else {
        product
    };
    let mut bias = None;
    if let Some(mask) = mask {
        bias = Some(mask_bias(node, b, mask, total)?);
    }
    if node.int("is_causal", 0)? != 0 {
        let causal = causal_bias(b, q_len, total, past_len)?;
        bias = Some(match bias {
            Some(m) => emit_binary(b, "Add", m, causal)?,
            None => causal,
        });
    }
    if let Some(nonpad) = nonpad {
        let padding = padding_bias(b, nonpad, batch, total)?;
        bias = Some(match bias {
            Some(m) => emit_binary(b, "Add", m, padding)?,
            None => padding,
        });
    }
    let biased = match bias {
        Some(bias) => emit_binary(b, "Add", capped, bias)?,
        None => capped,
    };
    let weights = apply(b, "Softmax", vec![("axis", Attr::Int(-1))], &[Some(biased)])?[0];
    let y = apply(b, "MatMul", vec![], &[Some(weights), Some(v_all)])?[0];
    let y = if rank == 3 {
        let t = transpose(b, y, &[0, 2, 1, 3])?;
        let s = b.value(t).shape.clone();
        b.view(t, vec![s[0], s[1], s[2] * s[3]])?
    } else {
        y
    };
    let qk = match node.int("qk_matmul_output_mode", 0)? {
        0 => product,
        1 => capped,
        2 => biased,
        3 => weights,
        other => {
            return Err(Error::InvalidModel(format!(
                "qk_matmul_output_mode {other}"
            )))
        }
    };
    Ok(vec![y, k, v, qk])
}

pub(crate) fn rotary_embedding(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, cos, sin) = (input(inputs, 0)?, input(inputs, 1)?, input(inputs, 2)?);
    require_f32(node, b, &[x, cos, sin])?;
    let shape = b.value(x).shape.clone();
    // [batch, sequence, heads, size].
    let x4 = match shape.len() {
        4 => transpose(b, x, &[0, 2, 1, 3])?,
        3 => {
            let heads = node.int("num_heads", 0)?;
            if heads <= 0 || !shape[2].is_multiple_of(heads as usize) {
                return Err(Error::InvalidModel(format!(
                    "{}: hidden size {} is not a multiple of num_heads {heads}",
                    node.op, shape[2]
                )));
            }
            let heads = heads as usize;
            b.view(x, vec![shape[0], shape[1], heads, shape[2] / heads])?
        }
        _ => {
            return Err(Error::InvalidInput(format!(
                "{} of a {}-D input (3-D or 4-D)",
                node.op,
                shape.len()
            )))
        }
    };
    let s4 = b.value(x4).shape.clone();
    let (batch, seq, heads, size) = (s4[0], s4[1], s4[2], s4[3]);
    let dim = match node.int("rotary_embedding_dim", 0)? {
        0 => size,
        d if d > 0 && d as usize <= size && d % 2 == 0 => d as usize,
        d => {
            return Err(Error::InvalidModel(format!(
                "rotary_embedding_dim {d} for heads of size {size}"
            )))
        }
    };
    let half = dim / 2;
    let (cos, sin) = match optional(inputs, 3) {
        Some(positions) => (
            apply(b, "Gather", vec![], &[Some(cos), Some(positions)])?[0],
            apply(b, "Gather", vec![], &[Some(sin), Some(positions)])?[0],
        ),
        None => (cos, sin),
    };
    for c in [cos, sin] {
        if b.value(c).shape != [batch, seq, half] {
            return Err(Error::InvalidInput(format!(
                "{}: the cos/sin values have shape {:?}, not [{batch}, {seq}, {half}]",
                node.op,
                b.value(c).shape
            )));
        }
    }
    let cos = b.view(cos, vec![batch, seq, 1, half])?;
    let sin = b.view(sin, vec![batch, seq, 1, half])?;
    let rotated = if dim == size {
        x4
    } else {
        slice(b, x4, 3, 0, dim)?
    };
    let interleaved = node.int("interleaved", 0)? != 0;
    let (x1, x2) = if interleaved {
        let pairs = b.view(rotated, vec![batch, seq, heads, half, 2])?;
        let (x1, x2) = (slice(b, pairs, 4, 0, 1)?, slice(b, pairs, 4, 1, 2)?);
        let halves = vec![batch, seq, heads, half];
        (b.view(x1, halves.clone())?, b.view(x2, halves)?)
    } else {
        (
            slice(b, rotated, 3, 0, half)?,
            slice(b, rotated, 3, half, dim)?,
        )
    };
    let (c1, s2) = (
        emit_binary(b, "Mul", cos, x1)?,
        emit_binary(b, "Mul", sin, x2)?,
    );
    let real = emit_binary(b, "Sub", c1, s2)?;
    let (s1, c2) = (
        emit_binary(b, "Mul", sin, x1)?,
        emit_binary(b, "Mul", cos, x2)?,
    );
    let imag = emit_binary(b, "Add", s1, c2)?;
    let rotated = if interleaved {
        let pair = vec![batch, seq, heads, half, 1];
        let (r, i) = (b.view(real, pair.clone())?, b.view(imag, pair)?);
        let joined = concat(b, &[r, i], 4)?;
        b.view(joined, vec![batch, seq, heads, dim])?
    } else {
        concat(b, &[real, imag], 3)?
    };
    let y = if dim == size {
        rotated
    } else {
        let rest = slice(b, x4, 3, dim, size)?;
        concat(b, &[rotated, rest], 3)?
    };
    let y = if shape.len() == 4 {
        transpose(b, y, &[0, 2, 1, 3])?
    } else {
        b.view(y, shape)?
    };
    Ok(vec![y])
}
