//! Shapes and data movement: views (Reshape, Flatten, Squeeze, Unsqueeze, Identity), strided
//! copies (Transpose, Concat, Split, Slice, Expand), Pad (constant, reflect, edge, wrap), Gather,
//! and the operators whose results are known from shapes alone (Shape, Size, ConstantOfShape,
//! Range).

use super::{
    axis, broadcast, broadcast_strides, input, known_ints, new_params, optional, padded_dims,
    padded_strides, put,
};
use crate::abi::{self, RANK};
use crate::graph::{Builder, ValueId};
use crate::model::Node;
use crate::tensor::{strides, DType, Tensor};
use crate::Error;

/// Emits a strided copy from `src` into `dst`: for every index `i` of `dims`,
/// `dst[out_base + i . out_strides] = src[in_base + i . in_strides]` (in elements).
#[allow(clippy::too_many_arguments)]
pub(crate) fn copy(
    b: &mut Builder,
    src: ValueId,
    dst: ValueId,
    dims: &[usize],
    in_strides: &[isize],
    out_strides: &[isize],
    in_base: isize,
    out_base: isize,
) -> Result<(), Error> {
    let size = b.value(src).dtype.size();
    let (mut dims, mut ins, mut outs) = (dims.to_vec(), in_strides.to_vec(), out_strides.to_vec());
    let (mut ib, mut ob) = (in_base, out_base);
    // Drop dimensions of size 1: they do not move the index.
    let keep: Vec<usize> = (0..dims.len()).filter(|&d| dims[d] != 1).collect();
    dims = keep.iter().map(|&d| dims[d]).collect();
    ins = keep.iter().map(|&d| ins[d]).collect();
    outs = keep.iter().map(|&d| outs[d]).collect();
    let kernel = match size {
        1 => "copy_u8",
        4 => "copy_u32",
        8 => {
            // Two words per element: one more dimension of size 2.
            ins = ins.iter().map(|s| s * 2).collect();
            outs = outs.iter().map(|s| s * 2).collect();
            dims.push(2);
            ins.push(1);
            outs.push(1);
            ib *= 2;
            ob *= 2;
            "copy_u32"
        }
        _ => unreachable!("element size {size}"),
    };
    let items: usize = dims.iter().product();
    use abi::copy::{DIMS, IN_BASE, IN_STRIDES, LEN, OUT_BASE, OUT_STRIDES};
    let mut params = new_params(LEN);
    put(&mut params, DIMS, &padded_dims(&dims)?);
    put(&mut params, IN_STRIDES, &padded_strides(&ins));
    put(&mut params, OUT_STRIDES, &padded_strides(&outs));
    params[IN_BASE] = ib as i32;
    params[OUT_BASE] = ob as i32;
    b.launch(kernel, params, &[src], dst, items);
    Ok(())
}

pub(crate) fn contiguous(shape: &[usize]) -> Vec<isize> {
    strides(shape).into_iter().map(|s| s as isize).collect()
}

pub(crate) fn constant(
    node: &Node,
    b: &mut Builder,
    _inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let tensor = if let Some(t) = node.tensor("value")? {
        t.clone()
    } else if let Some(v) = node.floats("value_floats")? {
        Tensor::from_f32(vec![v.len()], &v)?
    } else if let Some(v) = node.ints("value_ints")? {
        Tensor::from_i64(vec![v.len()], &v)?
    } else if node.attrs.contains_key("value_float") {
        Tensor::from_f32(vec![], &[node.float("value_float", 0.0)?])?
    } else if node.attrs.contains_key("value_int") {
        Tensor::from_i64(vec![], &[node.int("value_int", 0)?])?
    } else {
        return Err(Error::Unsupported(
            "a Constant without a dense tensor value".into(),
        ));
    };
    Ok(vec![b.constant(tensor)])
}

pub(crate) fn identity(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let shape = b.value(x).shape.clone();
    if node.op != "Dropout" {
        return Ok(vec![b.view(x, shape)?]);
    }
    // Dropout is the identity when not training, or when training with a ratio of 0; training
    // drops at random, which no reference output can be compared with: not supported.
    let known = |k: usize| optional(inputs, k).map(|id| b.konst(id).map(|t| t.to_f64()));
    let training = match known(2) {
        None => false,
        Some(Some(v)) => v.first().is_some_and(|&v| v != 0.0),
        Some(None) => {
            return Err(Error::Unsupported(
                "Dropout whose training_mode is computed at run time".into(),
            ))
        }
    };
    let ratio_zero = match known(1) {
        None => false,
        Some(Some(v)) => v.first() == Some(&0.0),
        Some(None) => false,
    };
    if training && !ratio_zero {
        return Err(Error::Unsupported(
            "Dropout in training mode (random) with a ratio other than 0".into(),
        ));
    }
    let mut outs = vec![b.view(x, shape.clone())?];
    if node.outputs.get(1).is_some_and(|o| !o.is_empty()) {
        // The mask keeps everything.
        let n = b.value(x).len();
        outs.push(b.constant(Tensor::new(DType::Bool, shape, vec![1u8; n])?));
    }
    Ok(outs)
}

pub(crate) fn shape(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let dims: Vec<i64> = b
        .value(input(inputs, 0)?)
        .shape
        .iter()
        .map(|&d| d as i64)
        .collect();
    let rank = dims.len() as i64;
    let clamp = |v: i64| (if v < 0 { v + rank } else { v }).clamp(0, rank) as usize;
    let start = clamp(node.int("start", 0)?);
    let end = clamp(node.int("end", rank)?);
    let part = if start < end {
        &dims[start..end]
    } else {
        &[][..]
    };
    Ok(vec![b.constant(Tensor::from_i64(vec![part.len()], part)?)])
}

pub(crate) fn size(
    _node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let n = b.value(input(inputs, 0)?).len() as i64;
    Ok(vec![b.constant(Tensor::from_i64(vec![], &[n])?)])
}

pub(crate) fn reshape(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let target = if b.opset < 5 {
        node.ints("shape")?
            .ok_or_else(|| Error::InvalidModel("no shape".into()))?
    } else {
        known_ints(b, inputs, 1, "the new shape")?
            .ok_or_else(|| Error::InvalidModel("no shape input".into()))?
    };
    let old = b.value(x).shape.clone();
    let allow_zero = node.int("allowzero", 0)? != 0;
    let mut shape = Vec::with_capacity(target.len());
    let mut infer = None;
    for (d, &t) in target.iter().enumerate() {
        match t {
            -1 if infer.is_none() => {
                infer = Some(d);
                shape.push(1);
            }
            0 if !allow_zero => shape.push(*old.get(d).ok_or_else(|| {
                Error::InvalidInput(format!(
                    "Reshape to {target:?} copies dimension {d} of {old:?}, which has none"
                ))
            })?),
            t if t >= 0 => shape.push(t as usize),
            _ => return Err(Error::InvalidModel(format!("Reshape to {target:?}"))),
        }
    }
    let total: usize = old.iter().product();
    if let Some(d) = infer {
        let rest: usize = shape.iter().product();
        if rest == 0 || !total.is_multiple_of(rest) {
            return Err(Error::InvalidInput(format!(
                "cannot reshape {old:?} to {target:?}"
            )));
        }
        shape[d] = total / rest;
    }
    if shape.iter().product::<usize>() != total {
        return Err(Error::InvalidInput(format!(
            "cannot reshape {old:?} ({total} elements) to {shape:?}"
        )));
    }
    Ok(vec![b.view(x, shape)?])
}

pub(crate) fn flatten(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let shape = b.value(x).shape.clone();
    let rank = shape.len() as i64;
    let mut a = node.int("axis", 1)?;
    if a < 0 {
        a += rank;
    }
    if a < 0 || a > rank {
        return Err(Error::InvalidModel(format!(
            "Flatten axis {a} for rank {rank}"
        )));
    }
    let a = a as usize;
    let new = vec![shape[..a].iter().product(), shape[a..].iter().product()];
    Ok(vec![b.view(x, new)?])
}

fn axes_of(
    node: &Node,
    b: &Builder,
    inputs: &[Option<ValueId>],
) -> Result<Option<Vec<i64>>, Error> {
    if b.opset >= 13 {
        known_ints(b, inputs, 1, "the axes")
    } else {
        node.ints("axes")
    }
}

pub(crate) fn squeeze(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let shape = b.value(x).shape.clone();
    let axes = match axes_of(node, b, inputs)? {
        Some(a) => a
            .into_iter()
            .map(|v| axis(v, shape.len()))
            .collect::<Result<Vec<_>, _>>()?,
        None => (0..shape.len()).filter(|&d| shape[d] == 1).collect(),
    };
    if let Some(&d) = axes.iter().find(|&&d| shape[d] != 1) {
        return Err(Error::InvalidInput(format!(
            "Squeeze of dimension {d} of {shape:?}, which is not 1"
        )));
    }
    let new = (0..shape.len())
        .filter(|d| !axes.contains(d))
        .map(|d| shape[d])
        .collect();
    Ok(vec![b.view(x, new)?])
}

pub(crate) fn unsqueeze(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let shape = b.value(x).shape.clone();
    let raw = axes_of(node, b, inputs)?
        .ok_or_else(|| Error::InvalidModel("Unsqueeze without axes".into()))?;
    let rank = shape.len() + raw.len();
    let mut axes = raw
        .into_iter()
        .map(|v| axis(v, rank))
        .collect::<Result<Vec<_>, _>>()?;
    axes.sort_unstable();
    axes.dedup();
    let mut rest = shape.iter();
    let new = (0..rank)
        .map(|d| {
            if axes.contains(&d) {
                1
            } else {
                rest.next().copied().unwrap_or(1)
            }
        })
        .collect();
    Ok(vec![b.view(x, new)?])
}

pub(crate) fn transpose(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let v = b.value(x).clone();
    let rank = v.shape.len();
    let perm: Vec<usize> = match node.ints("perm")? {
        Some(p) => p
            .into_iter()
            .map(|a| axis(a, rank))
            .collect::<Result<_, _>>()?,
        None => (0..rank).rev().collect(),
    };
    let mut sorted = perm.clone();
    sorted.sort_unstable();
    if sorted != (0..rank).collect::<Vec<_>>() {
        return Err(Error::InvalidModel(format!(
            "Transpose perm {perm:?} is not a permutation"
        )));
    }
    let own = contiguous(&v.shape);
    let shape: Vec<usize> = perm.iter().map(|&p| v.shape[p]).collect();
    let ins: Vec<isize> = perm.iter().map(|&p| own[p]).collect();
    let out = b.output(v.dtype, shape.clone())?;
    copy(b, x, out, &shape, &ins, &contiguous(&shape), 0, 0)?;
    Ok(vec![out])
}

pub(crate) fn concat(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let ids: Vec<ValueId> = inputs.iter().flatten().copied().collect();
    let first = b
        .value(
            *ids.first()
                .ok_or_else(|| Error::InvalidModel("Concat of nothing".into()))?,
        )
        .clone();
    let a = axis(node.int("axis", 0)?, first.shape.len())?;
    let mut shape = first.shape.clone();
    shape[a] = 0;
    for &id in &ids {
        let v = b.value(id);
        let same = v.dtype == first.dtype
            && v.shape.len() == first.shape.len()
            && (0..v.shape.len()).all(|d| d == a || v.shape[d] == first.shape[d]);
        if !same {
            return Err(Error::InvalidInput(format!(
                "Concat of {} {:?} and {} {:?} along axis {a}",
                first.dtype, first.shape, v.dtype, v.shape
            )));
        }
        shape[a] += v.shape[a];
    }
    let out = b.output(first.dtype, shape.clone())?;
    let out_strides = contiguous(&shape);
    let mut offset = 0;
    for &id in &ids {
        let s = b.value(id).shape.clone();
        copy(
            b,
            id,
            out,
            &s,
            &contiguous(&s),
            &out_strides,
            0,
            offset as isize * out_strides[a],
        )?;
        offset += s[a];
    }
    Ok(vec![out])
}

pub(crate) fn split(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let v = b.value(x).clone();
    let a = axis(node.int("axis", 0)?, v.shape.len())?;
    let parts = node.outputs.len();
    let sizes: Vec<usize> = match if b.opset >= 13 {
        known_ints(b, inputs, 1, "the split sizes")?
    } else {
        node.ints("split")?
    } {
        Some(s) => s.into_iter().map(|v| v.max(0) as usize).collect(),
        None => {
            let n = node.int("num_outputs", parts as i64)?.max(1) as usize;
            let each = v.shape[a].div_ceil(n);
            (0..n)
                .map(|k| each.min(v.shape[a].saturating_sub(k * each)))
                .collect()
        }
    };
    if sizes.iter().sum::<usize>() != v.shape[a] || sizes.len() != parts {
        return Err(Error::InvalidModel(format!(
            "Split of {} along axis {a} into {sizes:?} for {parts} outputs",
            v.shape[a]
        )));
    }
    let own = contiguous(&v.shape);
    let mut offset = 0;
    let mut outs = Vec::new();
    for size in sizes {
        let mut shape = v.shape.clone();
        shape[a] = size;
        let out = b.output(v.dtype, shape.clone())?;
        copy(
            b,
            x,
            out,
            &shape,
            &own,
            &contiguous(&shape),
            offset as isize * own[a],
            0,
        )?;
        offset += size;
        outs.push(out);
    }
    Ok(outs)
}

pub(crate) fn slice(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let v = b.value(x).clone();
    let rank = v.shape.len();
    let (starts, ends, axes, steps) = if b.opset < 10 {
        (
            node.ints("starts")?.unwrap_or_default(),
            node.ints("ends")?.unwrap_or_default(),
            node.ints("axes")?,
            None,
        )
    } else {
        (
            known_ints(b, inputs, 1, "the starts")?.unwrap_or_default(),
            known_ints(b, inputs, 2, "the ends")?.unwrap_or_default(),
            known_ints(b, inputs, 3, "the axes")?,
            known_ints(b, inputs, 4, "the steps")?,
        )
    };
    let axes = axes.unwrap_or_else(|| (0..starts.len() as i64).collect());
    let steps = steps.unwrap_or_else(|| vec![1; starts.len()]);
    if ends.len() != starts.len() || axes.len() != starts.len() || steps.len() != starts.len() {
        return Err(Error::InvalidModel(
            "Slice's starts, ends, axes and steps differ in length".into(),
        ));
    }
    let mut begin = vec![0isize; rank];
    let mut step = vec![1isize; rank];
    let mut shape = v.shape.clone();
    for k in 0..starts.len() {
        let d = axis(axes[k], rank)?;
        let dim = v.shape[d] as i64;
        let s = steps[k];
        if s == 0 {
            return Err(Error::InvalidModel("Slice with step 0".into()));
        }
        let fix = |x: i64| if x < 0 { x + dim } else { x };
        let (mut lo, mut hi) = (fix(starts[k]), fix(ends[k]));
        if s > 0 {
            lo = lo.clamp(0, dim);
            hi = hi.clamp(0, dim);
        } else {
            lo = lo.clamp(0, dim - 1);
            hi = hi.clamp(-1, dim - 1);
        }
        let len = if s > 0 {
            (hi - lo).max(0).div_euclid(1)
        } else {
            (lo - hi).max(0)
        };
        let count = (len + s.abs() - 1) / s.abs();
        begin[d] = lo as isize;
        step[d] = s as isize;
        shape[d] = count as usize;
    }
    let own = contiguous(&v.shape);
    let base: isize = (0..rank).map(|d| begin[d] * own[d]).sum();
    let ins: Vec<isize> = (0..rank).map(|d| own[d] * step[d]).collect();
    let out = b.output(v.dtype, shape.clone())?;
    copy(b, x, out, &shape, &ins, &contiguous(&shape), base, 0)?;
    Ok(vec![out])
}

pub(crate) fn gather(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, idx) = (input(inputs, 0)?, input(inputs, 1)?);
    let (v, iv) = (b.value(x).clone(), b.value(idx).clone());
    let a = axis(node.int("axis", 0)?, v.shape.len())?;
    let words = match iv.dtype {
        DType::I32 => 1,
        DType::I64 => 2,
        other => {
            return Err(Error::InvalidModel(format!(
                "Gather indices of type {other}"
            )))
        }
    };
    let axis_len = v.shape[a] as i64;
    if let Some(t) = b.konst(idx) {
        if let Some(bad) = t
            .to_i64()?
            .into_iter()
            .find(|&k| k < -axis_len || k >= axis_len)
        {
            return Err(Error::InvalidInput(format!(
                "Gather index {bad} is out of range for size {axis_len}"
            )));
        }
    }
    let element_words = match v.dtype.size() {
        4 => 1,
        8 => 2,
        // Bytes (u8, i8, bool) are gathered as i32 and narrowed back.
        _ => return super::via_i32(node, b, inputs, &[0], gather),
    };
    let mut shape = v.shape[..a].to_vec();
    shape.extend(&iv.shape);
    shape.extend(&v.shape[a + 1..]);
    let inner: usize = v.shape[a + 1..].iter().product::<usize>() * element_words;
    let out = b.output(v.dtype, shape)?;
    let items = b.value(out).len() * element_words;
    use abi::gather::{AXIS_LEN, INDEX_WORDS, INDICES, INNER, LEN, OUTER};
    let mut params = new_params(LEN);
    params[AXIS_LEN] = axis_len as i32;
    params[INNER] = inner as i32;
    params[INDICES] = iv.len() as i32;
    params[INDEX_WORDS] = words;
    params[OUTER] = v.shape[..a].iter().product::<usize>() as i32;
    b.launch("gather_u32", params, &[x, idx], out, items);
    Ok(vec![out])
}

pub(crate) fn expand(
    _node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let v = b.value(x).clone();
    let target: Vec<usize> = known_ints(b, inputs, 1, "the shape")?
        .ok_or_else(|| Error::InvalidModel("Expand without a shape".into()))?
        .into_iter()
        .map(|d| d.max(0) as usize)
        .collect();
    let shape = broadcast(&v.shape, &target)?;
    let out = b.output(v.dtype, shape.clone())?;
    copy(
        b,
        x,
        out,
        &shape,
        &broadcast_strides(&v.shape, &shape),
        &contiguous(&shape),
        0,
        0,
    )?;
    Ok(vec![out])
}

pub(crate) fn pad(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let v = b.value(x).clone();
    let rank = v.shape.len();
    let mode = match node.string("mode", "constant")?.as_str() {
        "constant" => abi::pad::CONSTANT,
        "reflect" => abi::pad::REFLECT,
        "edge" => abi::pad::EDGE,
        "wrap" => abi::pad::WRAP,
        other => return Err(Error::InvalidModel(format!("Pad with mode {other}"))),
    };
    let (pads, value) = if b.opset < 11 {
        let pads = match node.ints("pads")? {
            Some(p) => p,
            // Pad-1 called them `paddings`.
            None => node.ints("paddings")?.unwrap_or_default(),
        };
        let value = super::scalar(b, v.dtype, node.float("value", 0.0)? as f64)?;
        (pads, value)
    } else {
        let value = match optional(inputs, 2) {
            Some(id) => {
                let c = b.value(id);
                if c.len() != 1 || c.dtype != v.dtype {
                    return Err(Error::InvalidModel(format!(
                        "Pad's constant_value is {} {:?}, not one {} element",
                        c.dtype, c.shape, v.dtype
                    )));
                }
                id
            }
            None => super::scalar(b, v.dtype, 0.0)?,
        };
        (
            known_ints(b, inputs, 1, "the pads")?.unwrap_or_default(),
            value,
        )
    };
    let axes: Vec<usize> = match if b.opset >= 18 {
        known_ints(b, inputs, 3, "the axes")?
    } else {
        None
    } {
        Some(a) => a
            .into_iter()
            .map(|v| axis(v, rank))
            .collect::<Result<_, _>>()?,
        None => (0..rank).collect(),
    };
    if pads.len() != 2 * axes.len() {
        return Err(Error::InvalidModel(format!(
            "Pad with {} pads for {} axes",
            pads.len(),
            axes.len()
        )));
    }
    let mut before = vec![0i64; rank];
    let mut shape = v.shape.clone();
    for (k, &d) in axes.iter().enumerate() {
        before[d] = pads[k];
        let size = v.shape[d] as i64 + pads[k] + pads[k + axes.len()];
        if size < 0 {
            return Err(Error::InvalidModel(format!(
                "Pad of dimension {d} (size {}) by {} and {}",
                v.shape[d],
                pads[k],
                pads[k + axes.len()]
            )));
        }
        if mode != abi::pad::CONSTANT && v.shape[d] == 0 && size > 0 {
            return Err(Error::InvalidInput(format!(
                "Pad of an empty dimension {d} by repeating its elements"
            )));
        }
        shape[d] = size as usize;
    }
    let (kernel, words) = match v.dtype.size() {
        1 => ("pad_u8", 1),
        4 => ("pad_u32", 1),
        _ => ("pad_u32", 2),
    };
    let params = {
        use abi::pad::{BEFORE, IN_DIMS, IN_STRIDES, LEN, MODE, OUT_DIMS, WORDS};
        let mut p = new_params(LEN);
        p[MODE] = mode;
        p[WORDS] = words;
        put(&mut p, OUT_DIMS, &padded_dims(&shape)?);
        put(&mut p, IN_DIMS, &padded_dims(&v.shape)?);
        put(&mut p, IN_STRIDES, &padded_strides(&contiguous(&v.shape)));
        // Padded on the left with no pads, as the dimensions are.
        let before: Vec<i32> = before.iter().map(|&p| p as i32).collect();
        put(&mut p, BEFORE + RANK - rank, &before);
        p
    };
    let out = b.output(v.dtype, shape)?;
    let items = b.value(out).len() * words as usize;
    // The kernel reads `x` everywhere; an empty one is not there to read, and the constant is.
    let src = if v.len() == 0 { value } else { x };
    b.launch(kernel, params, &[src, value], out, items);
    Ok(vec![out])
}

pub(crate) fn constant_of_shape(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let shape: Vec<usize> = known_ints(b, inputs, 0, "the shape")?
        .unwrap_or_default()
        .into_iter()
        .map(|d| {
            usize::try_from(d)
                .map_err(|_| Error::InvalidModel(format!("ConstantOfShape with dimension {d}")))
        })
        .collect::<Result<_, _>>()?;
    let value = match node.tensor("value")? {
        Some(t) if t.len() == 1 => t.clone(),
        Some(_) => {
            return Err(Error::InvalidModel(
                "ConstantOfShape's value is not one element".into(),
            ))
        }
        None => Tensor::from_f32(vec![1], &[0.0])?,
    };
    let n = crate::tensor::checked_elements(&shape)
        .filter(|&n| n.saturating_mul(value.dtype.size()) <= 1 << 30)
        .ok_or_else(|| Error::Unsupported(format!("ConstantOfShape of {shape:?}")))?;
    b.reserve(n * value.dtype.size())?;
    let bytes: Vec<u8> = value
        .data
        .iter()
        .copied()
        .cycle()
        .take(n * value.dtype.size())
        .collect();
    Ok(vec![b.constant(Tensor::new(value.dtype, shape, bytes)?)])
}

pub(crate) fn range(
    _node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let get = |k: usize| -> Result<(DType, f64), Error> {
        let id = input(inputs, k)?;
        match b.konst(id) {
            Some(t) if t.len() == 1 => Ok((t.dtype, t.to_f64()[0])),
            _ => Err(Error::Unsupported(
                "Range with bounds computed at run time".into(),
            )),
        }
    };
    let ((dtype, start), (_, limit), (_, delta)) = (get(0)?, get(1)?, get(2)?);
    if delta == 0.0 {
        return Err(Error::InvalidModel("Range with delta 0".into()));
    }
    let n = ((limit - start) / delta).ceil().max(0.0) as usize;
    if n > 1 << 28 {
        return Err(Error::Unsupported(format!("Range of {n} elements")));
    }
    let values: Vec<f64> = (0..n).map(|i| start + i as f64 * delta).collect();
    let bytes: Vec<u8> = match dtype {
        DType::F32 => values
            .iter()
            .flat_map(|&v| (v as f32).to_le_bytes())
            .collect(),
        DType::F64 => values.iter().flat_map(|&v| v.to_le_bytes()).collect(),
        DType::I32 => values
            .iter()
            .flat_map(|&v| (v as i32).to_le_bytes())
            .collect(),
        DType::I64 => values
            .iter()
            .flat_map(|&v| (v as i64).to_le_bytes())
            .collect(),
        other => return Err(Error::Unsupported(format!("Range of {other}"))),
    };
    Ok(vec![b.constant(Tensor::new(dtype, vec![n], bytes)?)])
}
