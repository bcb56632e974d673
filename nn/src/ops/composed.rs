//! Operators defined by others: each is planned as the operators ONNX's own definition (its
//! "function body") or a plain identity composes it of, so that it needs no kernel of its own
//! and runs wherever those do. The intermediate tensors cost memory and launches; operators that
//! real models use in hot paths have kernels instead.

use std::collections::HashMap;

use super::elementwise::emit_binary;
use super::{axis, input, known_ints, optional, scalar};
use crate::graph::{Builder, ValueId};
use crate::model::{Attr, Node};
use crate::tensor::{DType, Tensor};
use crate::Error;

/// Plans operator `op` with `attrs` on `inputs`, as a node of the model would be.
pub(crate) fn apply(
    b: &mut Builder,
    op: &str,
    attrs: Vec<(&str, Attr)>,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let node = Node {
        op: op.to_string(),
        name: String::new(),
        inputs: Vec::new(),
        outputs: vec![String::new()],
        attrs: attrs
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect::<HashMap<_, _>>(),
    };
    super::plan(&node, b, inputs)
}

/// `x[start..end]` along `axis`.
pub(crate) fn slice(
    b: &mut Builder,
    x: ValueId,
    axis: usize,
    start: usize,
    end: usize,
) -> Result<ValueId, Error> {
    let ints = |b: &mut Builder, v: i64| -> Result<ValueId, Error> {
        Ok(b.constant(Tensor::from_i64(vec![1], &[v])?))
    };
    if b.opset < 10 {
        let attrs = vec![
            ("starts", Attr::Ints(vec![start as i64])),
            ("ends", Attr::Ints(vec![end as i64])),
            ("axes", Attr::Ints(vec![axis as i64])),
        ];
        return Ok(apply(b, "Slice", attrs, &[Some(x)])?[0]);
    }
    let (s, e, a) = (
        ints(b, start as i64)?,
        ints(b, end as i64)?,
        ints(b, axis as i64)?,
    );
    Ok(apply(b, "Slice", vec![], &[Some(x), Some(s), Some(e), Some(a)])?[0])
}

/// `x` with its dimensions permuted by `perm` (no step for the identity).
pub(crate) fn transpose(b: &mut Builder, x: ValueId, perm: &[i64]) -> Result<ValueId, Error> {
    if perm.iter().enumerate().all(|(k, &d)| k as i64 == d) {
        return Ok(x);
    }
    let attrs = vec![("perm", Attr::Ints(perm.to_vec()))];
    Ok(apply(b, "Transpose", attrs, &[Some(x)])?[0])
}

/// `op(x)` of one input and output, no attributes.
fn unary(b: &mut Builder, op: &str, x: ValueId) -> Result<ValueId, Error> {
    Ok(apply(b, op, vec![], &[Some(x)])?[0])
}

fn binary(b: &mut Builder, op: &str, x: ValueId, y: ValueId) -> Result<ValueId, Error> {
    emit_binary(b, op, x, y)
}

/// A scalar of `x`'s type.
fn like(b: &mut Builder, x: ValueId, value: f64) -> Result<ValueId, Error> {
    let dtype = b.value(x).dtype;
    scalar(b, dtype, value)
}

fn float_input(node: &Node, b: &Builder, x: ValueId) -> Result<(), Error> {
    match b.value(x).dtype {
        DType::F32 | DType::F64 => Ok(()),
        other => Err(Error::Unsupported(format!(
            "{} on {other} tensors",
            node.op
        ))),
    }
}

/// Activations and elementary functions written with others.
pub(crate) fn function(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    if !matches!(node.op.as_str(), "IsNaN" | "IsInf") {
        float_input(node, b, x)?;
    }
    let y = match node.op.as_str() {
        "Mish" => {
            let soft = unary(b, "Softplus", x)?;
            let t = unary(b, "Tanh", soft)?;
            binary(b, "Mul", x, t)?
        }
        "Swish" => {
            let alpha = like(b, x, f64::from(node.float("alpha", 1.0)?))?;
            let ax = binary(b, "Mul", alpha, x)?;
            let s = unary(b, "Sigmoid", ax)?;
            binary(b, "Mul", x, s)?
        }
        "Celu" => {
            // max(0, x) + min(0, alpha * (exp(x / alpha) - 1))
            let alpha = f64::from(node.float("alpha", 1.0)?);
            let (a, zero, one) = (like(b, x, alpha)?, like(b, x, 0.0)?, like(b, x, 1.0)?);
            let e = binary(b, "Div", x, a)?;
            let e = unary(b, "Exp", e)?;
            let e = binary(b, "Sub", e, one)?;
            let e = binary(b, "Mul", a, e)?;
            let neg = binary(b, "Min", zero, e)?;
            let pos = binary(b, "Max", zero, x)?;
            binary(b, "Add", pos, neg)?
        }
        "ThresholdedRelu" => {
            let alpha = like(b, x, f64::from(node.float("alpha", 1.0)?))?;
            let zero = like(b, x, 0.0)?;
            let keep = apply(b, "Greater", vec![], &[Some(x), Some(alpha)])?[0];
            apply(b, "Where", vec![], &[Some(keep), Some(x), Some(zero)])?[0]
        }
        "Shrink" => {
            let lambd = f64::from(node.float("lambd", 0.5)?);
            let bias = f64::from(node.float("bias", 0.0)?);
            let (hi, lo) = (like(b, x, lambd)?, like(b, x, -lambd)?);
            let (zero, bias) = (like(b, x, 0.0)?, like(b, x, bias)?);
            let below = apply(b, "Less", vec![], &[Some(x), Some(lo)])?[0];
            let above = apply(b, "Greater", vec![], &[Some(x), Some(hi)])?[0];
            let up = binary(b, "Add", x, bias)?;
            let down = binary(b, "Sub", x, bias)?;
            let y = apply(b, "Where", vec![], &[Some(above), Some(down), Some(zero)])?[0];
            apply(b, "Where", vec![], &[Some(below), Some(up), Some(y)])?[0]
        }
        "IsNaN" => {
            float_input(node, b, x)?;
            let same = apply(b, "Equal", vec![], &[Some(x), Some(x)])?[0];
            unary(b, "Not", same)?
        }
        "IsInf" => {
            float_input(node, b, x)?;
            let (pos, neg) = (
                node.int("detect_positive", 1)? != 0,
                node.int("detect_negative", 1)? != 0,
            );
            let mut found: Option<ValueId> = None;
            for (on, value) in [(pos, f64::INFINITY), (neg, f64::NEG_INFINITY)] {
                if !on {
                    continue;
                }
                let v = like(b, x, value)?;
                let eq = apply(b, "Equal", vec![], &[Some(x), Some(v)])?[0];
                found = Some(match found {
                    Some(f) => apply(b, "Or", vec![], &[Some(f), Some(eq)])?[0],
                    None => eq,
                });
            }
            match found {
                Some(f) => f,
                None => {
                    // Neither: all false.
                    let shape = b.value(x).shape.clone();
                    let len = b.value(x).len();
                    b.reserve(len)?;
                    b.constant(Tensor::new(DType::Bool, shape, vec![0; len])?)
                }
            }
        }
        "Tan" => {
            let (s, c) = (unary(b, "Sin", x)?, unary(b, "Cos", x)?);
            binary(b, "Div", s, c)?
        }
        "Sinh" | "Cosh" => {
            // (e^x -+ e^-x) / 2
            let e = unary(b, "Exp", x)?;
            let neg = unary(b, "Neg", x)?;
            let f = unary(b, "Exp", neg)?;
            let op = if node.op == "Sinh" { "Sub" } else { "Add" };
            let s = binary(b, op, e, f)?;
            let half = like(b, x, 0.5)?;
            binary(b, "Mul", s, half)?
        }
        "Asinh" | "Acosh" => {
            // log(x + sqrt(x^2 -+ 1))
            let one = like(b, x, 1.0)?;
            let sq = binary(b, "Mul", x, x)?;
            let op = if node.op == "Asinh" { "Add" } else { "Sub" };
            let r = binary(b, op, sq, one)?;
            let r = unary(b, "Sqrt", r)?;
            let s = binary(b, "Add", x, r)?;
            unary(b, "Log", s)?
        }
        "Atanh" => {
            // log((1 + x) / (1 - x)) / 2
            let one = like(b, x, 1.0)?;
            let (p, m) = (binary(b, "Add", one, x)?, binary(b, "Sub", one, x)?);
            let q = binary(b, "Div", p, m)?;
            let l = unary(b, "Log", q)?;
            let half = like(b, x, 0.5)?;
            binary(b, "Mul", l, half)?
        }
        other => return Err(Error::Unsupported(format!("operator {other}"))),
    };
    Ok(vec![y])
}

/// A reduction of `x` over `axes`, keeping them.
fn reduce(b: &mut Builder, op: &str, x: ValueId, axes: &[i64]) -> Result<ValueId, Error> {
    let axes_tensor = b.constant(Tensor::from_i64(vec![axes.len()], axes)?);
    // Opset 18 takes the axes as an input; the builder's opset decides which the handler reads.
    let attrs = if b.opset >= 18 {
        vec![("keepdims", Attr::Int(1))]
    } else {
        vec![
            ("keepdims", Attr::Int(1)),
            ("axes", Attr::Ints(axes.to_vec())),
        ]
    };
    let ins = if b.opset >= 18 {
        vec![Some(x), Some(axes_tensor)]
    } else {
        vec![Some(x)]
    };
    Ok(apply(b, op, attrs, &ins)?[0])
}

/// `(x - mean) / sqrt(variance + epsilon)` over `axes` (kept).
fn normalise(b: &mut Builder, x: ValueId, axes: &[i64], epsilon: f64) -> Result<ValueId, Error> {
    let mean = reduce(b, "ReduceMean", x, axes)?;
    let d = binary(b, "Sub", x, mean)?;
    let sq = binary(b, "Mul", d, d)?;
    let var = reduce(b, "ReduceMean", sq, axes)?;
    let eps = like(b, x, epsilon)?;
    let v = binary(b, "Add", var, eps)?;
    let s = unary(b, "Sqrt", v)?;
    binary(b, "Div", d, s)
}

/// `v` of shape `[C]` viewed to broadcast along axis 1 of a tensor of `rank`.
fn per_channel(b: &mut Builder, v: ValueId, rank: usize) -> Result<ValueId, Error> {
    let mut shape = b.value(v).shape.clone();
    shape.extend(std::iter::repeat_n(1, rank.saturating_sub(2)));
    b.view(v, shape)
}

/// Normalisations written with reductions.
pub(crate) fn normalisation(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    float_input(node, b, x)?;
    let shape = b.value(x).shape.clone();
    let rank = shape.len() as i64;
    let y = match node.op.as_str() {
        "InstanceNormalization" => {
            if rank < 3 {
                return Err(Error::InvalidInput(format!(
                    "InstanceNormalization of a tensor of shape {shape:?}"
                )));
            }
            let axes: Vec<i64> = (2..rank).collect();
            let n = normalise(b, x, &axes, f64::from(node.float("epsilon", 1e-5)?))?;
            let scale = per_channel(b, input(inputs, 1)?, shape.len())?;
            let bias = per_channel(b, input(inputs, 2)?, shape.len())?;
            let y = binary(b, "Mul", n, scale)?;
            binary(b, "Add", y, bias)?
        }
        "GroupNormalization" => {
            let groups = node.int("num_groups", 0)?;
            let c = *shape.get(1).unwrap_or(&0);
            if rank < 2 || groups < 1 || !c.is_multiple_of(groups as usize) {
                return Err(Error::InvalidModel(format!(
                    "GroupNormalization of {shape:?} in {groups} groups"
                )));
            }
            let g = groups as usize;
            let rest: usize = shape[1..].iter().product::<usize>() / g;
            let grouped = b.view(x, vec![shape[0], g, rest])?;
            let n = normalise(b, grouped, &[2], f64::from(node.float("epsilon", 1e-5)?))?;
            let (scale, bias) = (input(inputs, 1)?, input(inputs, 2)?);
            if b.value(scale).len() == c {
                // Opset 21: per channel.
                let n = b.view(n, shape.clone())?;
                let s = per_channel(b, scale, shape.len())?;
                let t = per_channel(b, bias, shape.len())?;
                let y = binary(b, "Mul", n, s)?;
                binary(b, "Add", y, t)?
            } else if b.value(scale).len() == g {
                // Opset 18: per group.
                let s = b.view(scale, vec![g, 1])?;
                let t = b.view(bias, vec![g, 1])?;
                let y = binary(b, "Mul", n, s)?;
                let y = binary(b, "Add", y, t)?;
                b.view(y, shape.clone())?
            } else {
                return Err(Error::InvalidInput(format!(
                    "GroupNormalization's scale has {} values for {c} channels in {g} groups",
                    b.value(scale).len()
                )));
            }
        }
        "MeanVarianceNormalization" => {
            let axes = node.ints("axes")?.unwrap_or_else(|| vec![0, 2, 3]);
            normalise(b, x, &axes, 0.0)?
        }
        "RMSNormalization" => {
            let first = axis(node.int("axis", -1)?, shape.len())? as i64;
            let axes: Vec<i64> = (first..rank).collect();
            let sq = binary(b, "Mul", x, x)?;
            let ms = reduce(b, "ReduceMean", sq, &axes)?;
            let eps = like(b, x, f64::from(node.float("epsilon", 1e-5)?))?;
            let v = binary(b, "Add", ms, eps)?;
            let r = unary(b, "Sqrt", v)?;
            let n = binary(b, "Div", x, r)?;
            binary(b, "Mul", n, input(inputs, 1)?)?
        }
        "LpNormalization" => {
            let a = axis(node.int("axis", -1)?, shape.len())? as i64;
            let op = match node.int("p", 2)? {
                1 => "ReduceL1",
                2 => "ReduceL2",
                p => {
                    return Err(Error::InvalidModel(format!(
                        "LpNormalization with p = {p} (1 or 2)"
                    )))
                }
            };
            let norm = reduce(b, op, x, &[a])?;
            let q = binary(b, "Div", x, norm)?;
            // A zero vector stays zero (ONNX's definition), not 0 / 0.
            let zero = like(b, x, 0.0)?;
            let null = apply(b, "Equal", vec![], &[Some(norm), Some(zero)])?[0];
            apply(b, "Where", vec![], &[Some(null), Some(zero), Some(q)])?[0]
        }
        "ReduceLogSum" => {
            let keep = node.int("keepdims", 1)?;
            let mut attrs = vec![("keepdims", Attr::Int(keep))];
            if let Some(axes) = node.ints("axes")? {
                attrs.push(("axes", Attr::Ints(axes)));
            }
            if let Some(v) = node.attrs.get("noop_with_empty_axes") {
                attrs.push(("noop_with_empty_axes", v.clone()));
            }
            let s = apply(b, "ReduceSum", attrs, inputs)?[0];
            unary(b, "Log", s)?
        }
        other => return Err(Error::Unsupported(format!("operator {other}"))),
    };
    Ok(vec![y])
}

/// Data movement written with Reshape, Transpose and Expand.
/// GatherND: each index tuple (the last dimension of `indices`, `k` long) picks a slice of
/// `data` after `batch_dims` shared leading dimensions. The tuples become flat row numbers of
/// `data` viewed as `[batch * d_b * ... * d_(b+k-1), rest...]`: `sum_j i_j stride_j` (negative
/// indices wrapped), plus the batch entry's first row. Planned as element-wise integer
/// arithmetic and one Gather, so indices known only at run time work, and constant ones fold.
pub(crate) fn gather_nd(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (data, indices) = (input(inputs, 0)?, input(inputs, 1)?);
    let (ds, is) = (b.value(data).shape.clone(), b.value(indices).shape.clone());
    let batch = node.int("batch_dims", 0)?;
    let k = is.last().copied().unwrap_or(0);
    let bad = |why: String| Error::InvalidInput(format!("GatherND: {why}"));
    if batch < 0 || batch as usize >= is.len() || batch as usize + k > ds.len() || k == 0 {
        return Err(bad(format!(
            "indices of shape {is:?} into data of shape {ds:?} with batch_dims {batch}"
        )));
    }
    let nb = batch as usize;
    if ds[..nb] != is[..nb] {
        return Err(bad(format!(
            "batch dimensions {:?} and {:?} differ",
            &ds[..nb],
            &is[..nb]
        )));
    }
    let indices = match b.value(indices).dtype {
        DType::I64 => indices,
        DType::I32 => super::elementwise::emit_cast(b, indices, DType::I64)?,
        other => return Err(bad(format!("indices of type {other}"))),
    };
    let picked = &ds[nb..nb + k];
    let rest = &ds[nb + k..];
    let rows_per_batch: usize = picked.iter().product();
    let batches: usize = ds[..nb].iter().product();
    // Row number within the batch entry: sum over j of wrap(i_j) * stride_j.
    let tuple_shape = is[..is.len() - 1].to_vec();
    let mut row: Option<ValueId> = None;
    let mut stride = rows_per_batch;
    let last = is.len() - 1;
    for (j, &size) in picked.iter().enumerate() {
        stride /= size.max(1);
        let i = slice(b, indices, last, j, j + 1)?;
        let i = b.view(i, tuple_shape.clone())?;
        let zero = scalar(b, DType::I64, 0.0)?;
        let negative = apply(b, "Less", vec![], &[Some(i), Some(zero)])?[0];
        let size_c = scalar(b, DType::I64, size as f64)?;
        let wrapped = binary(b, "Add", i, size_c)?;
        let i = apply(
            b,
            "Where",
            vec![],
            &[Some(negative), Some(wrapped), Some(i)],
        )?[0];
        let term = if stride == 1 {
            i
        } else {
            let s = scalar(b, DType::I64, stride as f64)?;
            binary(b, "Mul", i, s)?
        };
        row = Some(match row {
            Some(r) => binary(b, "Add", r, term)?,
            None => term,
        });
    }
    let mut row = row.expect("k > 0");
    if batches > 1 {
        // Each batch entry's first row: entry * rows_per_batch, broadcast over its tuples.
        b.reserve(batches.saturating_mul(8))?;
        let firsts: Vec<i64> = (0..batches).map(|e| (e * rows_per_batch) as i64).collect();
        let mut shape = ds[..nb].to_vec();
        shape.extend(std::iter::repeat_n(1, tuple_shape.len() - nb));
        let firsts = b.constant(Tensor::from_i64(shape, &firsts)?);
        row = binary(b, "Add", row, firsts)?;
    }
    let mut flat = vec![batches * rows_per_batch];
    flat.extend(rest);
    let flat_data = b.view(data, flat)?;
    let attrs = vec![("axis", Attr::Int(0))];
    apply(b, "Gather", attrs, &[Some(flat_data), Some(row)])
}

/// EyeLike: ones on diagonal `k` of a 2-D tensor of `x`'s shape, zeros elsewhere, of type
/// `dtype` (`x`'s by default); made on the host.
pub(crate) fn eye_like(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let shape = b.value(x).shape.clone();
    let [rows, cols] = shape[..] else {
        return Err(Error::InvalidInput(format!(
            "EyeLike of shape {shape:?} (2-D)"
        )));
    };
    let dtype = match node.attrs.get("dtype") {
        Some(_) => DType::from_onnx(node.int("dtype", 1)? as i32)?,
        None => b.value(x).dtype,
    };
    let k = node.int("k", 0)?;
    let size = dtype.size();
    b.reserve(rows.saturating_mul(cols).saturating_mul(size))?;
    let one: Vec<u8> = match dtype {
        DType::F32 => 1f32.to_le_bytes().to_vec(),
        DType::F64 => 1f64.to_le_bytes().to_vec(),
        DType::I32 => 1i32.to_le_bytes().to_vec(),
        DType::I64 => 1i64.to_le_bytes().to_vec(),
        DType::U8 | DType::I8 | DType::Bool => vec![1],
    };
    let mut data = vec![0u8; rows * cols * size];
    for i in 0..rows {
        let j = i as i64 + k;
        if (0..cols as i64).contains(&j) {
            let at = (i * cols + j as usize) * size;
            data[at..at + size].copy_from_slice(&one);
        }
    }
    Ok(vec![b.constant(Tensor::new(dtype, shape, data)?)])
}

/// ReverseSequence: along the time axis, each batch entry's first `sequence_lens[b]` elements
/// reversed, the rest kept. The lengths may be known only at run time: the source index of
/// each element, `t < len ? len - 1 - t : t`, is computed as a tensor and gathered by.
pub(crate) fn reverse_sequence(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, lens) = (input(inputs, 0)?, input(inputs, 1)?);
    let shape = b.value(x).shape.clone();
    let (time, batch) = (node.int("time_axis", 0)?, node.int("batch_axis", 1)?);
    if shape.len() < 2 || !matches!((time, batch), (0, 1) | (1, 0)) {
        return Err(Error::InvalidModel(format!(
            "ReverseSequence with time_axis {time} and batch_axis {batch} of a tensor of \
             shape {shape:?}"
        )));
    }
    let (time, batch) = (time as usize, batch as usize);
    let (steps, entries) = (shape[time], shape[batch]);
    if b.value(lens).len() != entries {
        return Err(Error::InvalidInput(format!(
            "ReverseSequence has {} sequence lengths for a batch of {entries}",
            b.value(lens).len()
        )));
    }
    let lens = match b.value(lens).dtype {
        DType::I64 => lens,
        _ => super::elementwise::emit_cast(b, lens, DType::I64)?,
    };
    // Positions along the time axis and lengths along the batch axis, as the first two dims.
    let mut time_shape = vec![1usize; 2];
    time_shape[time] = steps;
    let mut batch_shape = vec![1usize; 2];
    batch_shape[batch] = entries;
    b.reserve(steps.saturating_mul(8))?;
    let positions: Vec<i64> = (0..steps as i64).collect();
    let t = b.constant(Tensor::from_i64(time_shape, &positions)?);
    let len = b.view(lens, batch_shape)?;
    let inside = apply(b, "Less", vec![], &[Some(t), Some(len)])?[0];
    let one = b.constant(Tensor::from_i64(vec![], &[1])?);
    let last = binary(b, "Sub", len, one)?;
    let mirrored = binary(b, "Sub", last, t)?;
    let index = apply(b, "Where", vec![], &[Some(inside), Some(mirrored), Some(t)])?[0];
    // Over the remaining dimensions the index is the same: broadcast it there.
    let mut index_shape = b.value(index).shape.clone();
    index_shape.extend(std::iter::repeat_n(1, shape.len() - 2));
    let index = b.view(index, index_shape)?;
    let full: Vec<i64> = shape.iter().map(|&d| d as i64).collect();
    let full = b.constant(Tensor::from_i64(vec![full.len()], &full)?);
    let index = apply(b, "Expand", vec![], &[Some(index), Some(full)])?[0];
    let attrs = vec![("axis", Attr::Int(time as i64))];
    apply(b, "GatherElements", attrs, &[Some(x), Some(index)])
}

pub(crate) fn movement(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let shape = b.value(x).shape.clone();
    let y = match node.op.as_str() {
        "DepthToSpace" | "SpaceToDepth" => {
            let bs = node.int("blocksize", 0)?;
            let [n, c, h, w] = shape[..] else {
                return Err(Error::InvalidInput(format!(
                    "{} of a tensor of shape {shape:?} (NCHW)",
                    node.op
                )));
            };
            if bs < 1 {
                return Err(Error::InvalidModel(format!("blocksize {bs}")));
            }
            let s = bs as usize;
            if node.op == "DepthToSpace" {
                if c % (s * s) != 0 {
                    return Err(Error::InvalidInput(format!(
                        "DepthToSpace of {c} channels in blocks of {s}"
                    )));
                }
                let co = c / (s * s);
                let crd = node.string("mode", "DCR")? == "CRD";
                let (v, perm): (Vec<usize>, &[i64]) = if crd {
                    (vec![n, co, s, s, h, w], &[0, 1, 4, 2, 5, 3])
                } else {
                    (vec![n, s, s, co, h, w], &[0, 3, 4, 1, 5, 2])
                };
                let v = b.view(x, v)?;
                let t = transpose(b, v, perm)?;
                b.view(t, vec![n, co, h * s, w * s])?
            } else {
                if h % s != 0 || w % s != 0 {
                    return Err(Error::InvalidInput(format!(
                        "SpaceToDepth of {h}x{w} in blocks of {s}"
                    )));
                }
                let v = b.view(x, vec![n, c, h / s, s, w / s, s])?;
                let t = transpose(b, v, &[0, 3, 5, 1, 2, 4])?;
                b.view(t, vec![n, c * s * s, h / s, w / s])?
            }
        }
        "Tile" => {
            let repeats = known_ints(b, inputs, 1, "repeats")?
                .ok_or_else(|| Error::InvalidModel("Tile without repeats".into()))?;
            if repeats.len() != shape.len() || repeats.iter().any(|&r| r < 0) {
                return Err(Error::InvalidInput(format!(
                    "Tile of {shape:?} by {repeats:?}"
                )));
            }
            // One axis at a time, each as [outer, 1, rest] expanded to [outer, r, rest].
            let mut v = x;
            let mut now = shape.clone();
            for (d, &r) in repeats.iter().enumerate() {
                if r == 1 {
                    continue;
                }
                let outer: usize = now[..d].iter().product();
                let rest: usize = now[d..].iter().product();
                let spread = b.view(v, vec![outer, 1, rest])?;
                let target = [outer as i64, r, rest as i64];
                let t = b.constant(Tensor::from_i64(vec![3], &target)?);
                v = apply(b, "Expand", vec![], &[Some(spread), Some(t)])?[0];
                now[d] *= r as usize;
                v = b.view(v, now.clone())?;
            }
            v
        }
        "Trilu" => {
            if shape.len() < 2 {
                return Err(Error::InvalidInput(format!("Trilu of {shape:?}")));
            }
            let k = match optional(inputs, 1) {
                Some(_) => {
                    known_ints(b, inputs, 1, "k")?.map_or(0, |v| v.first().copied().unwrap_or(0))
                }
                None => 0,
            };
            let upper = node.int("upper", 1)? != 0;
            let (rows, cols) = (shape[shape.len() - 2], shape[shape.len() - 1]);
            // The mask, made here: element (i, j) is kept when j - i >= k (upper) or <= k.
            b.reserve(rows * cols)?;
            let mask: Vec<u8> = (0..rows * cols)
                .map(|e| {
                    let (i, j) = ((e / cols) as i64, (e % cols) as i64);
                    u8::from(if upper { j - i >= k } else { j - i <= k })
                })
                .collect();
            let mask = b.constant(Tensor::new(DType::Bool, vec![rows, cols], mask)?);
            let zero = like(b, x, 0.0)?;
            apply(b, "Where", vec![], &[Some(mask), Some(x), Some(zero)])?[0]
        }
        "OneHot" => {
            // Equal(indices, [0, depth)) along a new axis, then on or off values.
            let depth = match b.konst(input(inputs, 1)?) {
                Some(t) if t.len() == 1 => t.to_f64()[0],
                Some(_) => {
                    return Err(Error::InvalidModel("OneHot's depth is not a scalar".into()))
                }
                None => {
                    return Err(Error::Unsupported(
                        "OneHot's depth computed at run time; it must be a constant".into(),
                    ))
                }
            };
            if !(depth >= 1.0 && depth <= (1u64 << 24) as f64) {
                return Err(Error::InvalidInput(format!("OneHot depth {depth}")));
            }
            let depth = depth as usize;
            let values = input(inputs, 2)?;
            if b.value(values).len() != 2 {
                return Err(Error::InvalidInput(
                    "OneHot's values are not [off, on]".into(),
                ));
            }
            let rank = shape.len() + 1;
            let a = axis(node.int("axis", -1)?, rank)?;
            let idx = super::elementwise::emit_cast(b, x, DType::I64)?;
            let (zero, d) = (
                scalar(b, DType::I64, 0.0)?,
                scalar(b, DType::I64, depth as f64)?,
            );
            let negative = apply(b, "Less", vec![], &[Some(idx), Some(zero)])?[0];
            let wrapped = binary(b, "Add", idx, d)?;
            let idx = apply(
                b,
                "Where",
                vec![],
                &[Some(negative), Some(wrapped), Some(idx)],
            )?[0];
            let mut spread = shape.clone();
            spread.insert(a, 1);
            let idx = b.view(idx, spread)?;
            let mut along = vec![1usize; rank];
            along[a] = depth;
            let positions: Vec<i64> = (0..depth as i64).collect();
            let positions = b.constant(Tensor::from_i64(along, &positions)?);
            let hot = apply(b, "Equal", vec![], &[Some(idx), Some(positions)])?[0];
            let off = slice(b, values, 0, 0, 1)?;
            let on = slice(b, values, 0, 1, 2)?;
            let (off, on) = (b.view(off, vec![])?, b.view(on, vec![])?);
            apply(b, "Where", vec![], &[Some(hot), Some(on), Some(off)])?[0]
        }
        other => return Err(Error::Unsupported(format!("operator {other}"))),
    };
    Ok(vec![y])
}
