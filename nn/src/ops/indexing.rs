//! Operators that move elements by run-time indices or order: GatherElements, ScatterElements,
//! ScatterND, CumSum and CumProd, and TopK.

use super::elementwise::emit_cast;
use super::{axis, input, known_ints, new_params, padded_dims, padded_shape_strides, put};
use crate::abi::{self, RANK};
use crate::graph::{Builder, ValueId};
use crate::model::Node;
use crate::tensor::{strides, DType};
use crate::Error;

/// Words per element for the word-moving kernels, and the indices' words.
fn words(dtype: DType, op: &str) -> Result<usize, Error> {
    match dtype.size() {
        4 => Ok(1),
        8 => Ok(2),
        _ => Err(Error::Unsupported(format!("{op} of {dtype} tensors"))),
    }
}

fn index_words(b: &Builder, idx: ValueId, op: &str) -> Result<i32, Error> {
    match b.value(idx).dtype {
        DType::I32 => Ok(1),
        DType::I64 => Ok(2),
        other => Err(Error::InvalidModel(format!("{op} indices of type {other}"))),
    }
}

pub(crate) fn gather_elements(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, idx) = (input(inputs, 0)?, input(inputs, 1)?);
    let (v, iv) = (b.value(x).clone(), b.value(idx).clone());
    if v.dtype.size() == 1 {
        return super::via_i32(node, b, inputs, &[0], gather_elements);
    }
    let w = words(v.dtype, "GatherElements")?;
    if v.shape.len() > RANK {
        return Err(Error::Unsupported(format!(
            "GatherElements of rank {} (at most {RANK})",
            v.shape.len()
        )));
    }
    if v.shape.len() != iv.shape.len() {
        return Err(Error::InvalidInput(format!(
            "GatherElements of data {:?} by indices {:?}",
            v.shape, iv.shape
        )));
    }
    let a = axis(node.int("axis", 0)?, v.shape.len())?;
    let params = {
        use abi::elements::*;
        let mut p = new_params(LEN);
        put(&mut p, DIMS, &padded_dims(&iv.shape)?);
        put(&mut p, DATA_STRIDES, &padded_shape_strides(&v.shape));
        p[AXIS] = (RANK - v.shape.len() + a) as i32;
        p[AXIS_LEN] = v.shape[a] as i32;
        p[WORDS] = w as i32;
        p[INDEX_WORDS] = index_words(b, idx, "GatherElements")?;
        p
    };
    let y = b.output(v.dtype, iv.shape.clone())?;
    let items = b.value(y).len() * w;
    b.launch("gather_elements_u32", params, &[x, idx], y, items);
    Ok(vec![y])
}

/// ScatterElements and ScatterND.
pub(crate) fn scatter(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, idx, upd) = (input(inputs, 0)?, input(inputs, 1)?, input(inputs, 2)?);
    let (v, iv, uv) = (
        b.value(x).clone(),
        b.value(idx).clone(),
        b.value(upd).clone(),
    );
    if uv.dtype != v.dtype {
        return Err(Error::InvalidModel(format!(
            "{} of {} data with {} updates",
            node.op, v.dtype, uv.dtype
        )));
    }
    let reduction = match node.string("reduction", "none")?.as_str() {
        "none" => abi::elements::NONE,
        "add" => abi::elements::ADD,
        "mul" => abi::elements::MUL,
        "max" => abi::elements::MAX,
        "min" => abi::elements::MIN,
        other => {
            return Err(Error::InvalidModel(format!(
                "{} with reduction `{other}`",
                node.op
            )))
        }
    };
    if v.dtype.size() == 1 && reduction == abi::elements::NONE {
        return super::via_i32(node, b, inputs, &[0, 2], scatter);
    }
    let kernel = match (v.dtype, reduction) {
        (DType::F32, _) => "scatter_f32",
        (_, abi::elements::NONE) => "scatter_u32",
        (dtype, _) => {
            return Err(Error::Unsupported(format!(
                "{} of {dtype} tensors with a reduction",
                node.op
            )))
        }
    };
    let w = if kernel == "scatter_f32" {
        1
    } else {
        words(v.dtype, &node.op)?
    };
    if v.shape.len() > RANK {
        return Err(Error::Unsupported(format!(
            "{} of rank {} (at most {RANK})",
            node.op,
            v.shape.len()
        )));
    }
    let data_strides = strides(&v.shape);
    let params = {
        use abi::elements::*;
        let mut p = new_params(LEN);
        p[WORDS] = w as i32;
        p[INDEX_WORDS] = index_words(b, idx, &node.op)?;
        p[UPDATES] = uv.len() as i32;
        p[REDUCTION] = reduction;
        if node.op == "ScatterND" {
            let k = *iv.shape.last().unwrap_or(&0);
            let q: usize = iv.shape[..iv.shape.len().saturating_sub(1)]
                .iter()
                .product();
            let mut expected = iv.shape[..iv.shape.len().saturating_sub(1)].to_vec();
            expected.extend(v.shape.get(k..).unwrap_or(&[]));
            if iv.shape.is_empty() || k == 0 || k > v.shape.len() || uv.shape != expected {
                return Err(Error::InvalidInput(format!(
                    "ScatterND of data {:?} at indices {:?} with updates {:?}",
                    v.shape, iv.shape, uv.shape
                )));
            }
            p[MODE] = ND;
            p[K] = k as i32;
            p[SLICE] = (uv.len() / q.max(1)) as i32;
            put(
                &mut p,
                DATA_DIMS,
                &v.shape[..k].iter().map(|&d| d as i32).collect::<Vec<_>>(),
            );
            put(
                &mut p,
                DATA_STRIDES,
                &data_strides[..k]
                    .iter()
                    .map(|&d| d as i32)
                    .collect::<Vec<_>>(),
            );
        } else {
            if iv.shape != uv.shape || iv.shape.len() != v.shape.len() {
                return Err(Error::InvalidInput(format!(
                    "ScatterElements of data {:?} at indices {:?} with updates {:?}",
                    v.shape, iv.shape, uv.shape
                )));
            }
            let a = axis(node.int("axis", 0)?, v.shape.len())?;
            p[MODE] = ELEMENTS;
            put(&mut p, DIMS, &padded_dims(&uv.shape)?);
            put(&mut p, DATA_STRIDES, &padded_shape_strides(&v.shape));
            p[AXIS] = (RANK - v.shape.len() + a) as i32;
            p[AXIS_LEN] = v.shape[a] as i32;
        }
        p
    };
    let y = b.output(v.dtype, v.shape.clone())?;
    if reduction == abi::elements::NONE && uv.len() < v.len() {
        // Fewer updates than elements: copy the data, then store each update that no later
        // one overrides (O(N + U^2) rather than O(N U)).
        let words = v.dtype.size() / 4;
        let mut params = params;
        params[abi::elements::WORDS] = words as i32;
        let strides = super::movement::contiguous(&v.shape);
        super::movement::copy(b, x, y, &v.shape, &strides, &strides, 0, 0)?;
        b.launch("scatter_last_u32", params, &[idx, upd], y, uv.len() * words);
        return Ok(vec![y]);
    }
    let items = b.value(y).len() * w;
    b.launch(kernel, params, &[x, idx, upd], y, items);
    Ok(vec![y])
}

pub(crate) fn cumsum(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let v = b.value(x).clone();
    let a = known_ints(b, inputs, 1, "the axis")?
        .and_then(|a| a.first().copied())
        .ok_or_else(|| Error::InvalidModel(format!("{} without an axis", node.op)))?;
    let a = axis(a, v.shape.len())?;
    let product = node.op == "CumProd";
    let kernel = match (v.dtype, product) {
        (DType::F32, false) => "cumsum_f32",
        (DType::I32, false) => "cumsum_i32",
        (DType::I64, false) => "cumsum_i64",
        (DType::F32, true) => "cumprod_f32",
        (DType::I32, true) => "cumprod_i32",
        (DType::I64, true) => "cumprod_i64",
        (DType::F64, _) => {
            // In f32, as the other float operators.
            let x32 = emit_cast(b, x, DType::F32)?;
            let mut converted = inputs.to_vec();
            converted[0] = Some(x32);
            let y = cumsum(node, b, &converted)?[0];
            return Ok(vec![emit_cast(b, y, DType::F64)?]);
        }
        (other, _) => {
            return Err(Error::Unsupported(format!(
                "{} of {other} tensors",
                node.op
            )))
        }
    };
    let params = {
        use abi::cumsum::*;
        let mut p = new_params(LEN);
        p[AXIS_LEN] = v.shape[a] as i32;
        p[INNER] = v.shape[a + 1..].iter().product::<usize>() as i32;
        p[EXCLUSIVE] = node.int("exclusive", 0)? as i32;
        p[REVERSE] = node.int("reverse", 0)? as i32;
        p
    };
    let y = b.output(v.dtype, v.shape.clone())?;
    b.launch(kernel, params, &[x], y, v.len());
    Ok(vec![y])
}

pub(crate) fn topk(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let v = b.value(x).clone();
    let x32 = match v.dtype {
        DType::F32 => x,
        // Other types compare in f32: exact for every integer below 2^24 and every f64 that
        // rounds to distinct floats.
        _ => emit_cast(b, x, DType::F32)?,
    };
    let k = if b.opset >= 10 {
        known_ints(b, inputs, 1, "K")?
            .and_then(|k| k.first().copied())
            .ok_or_else(|| Error::InvalidModel("TopK without K".into()))?
    } else {
        node.int("k", 0)?
    };
    let a = axis(node.int("axis", -1)?, v.shape.len())?;
    if k < 0 || k as usize > v.shape[a] {
        return Err(Error::InvalidInput(format!(
            "TopK of {k} along an axis of {}",
            v.shape[a]
        )));
    }
    let mut out_shape = v.shape.clone();
    out_shape[a] = k as usize;
    let params = |which: i32| -> Result<Vec<i32>, Error> {
        use abi::topk::*;
        let mut p = new_params(LEN);
        p[AXIS_LEN] = v.shape[a] as i32;
        p[INNER] = v.shape[a + 1..].iter().product::<usize>() as i32;
        p[K] = k as i32;
        p[LARGEST] = node.int("largest", 1)? as i32;
        p[WHICH] = which;
        Ok(p)
    };
    let values = b.output(DType::F32, out_shape.clone())?;
    b.launch(
        "topk_f32",
        params(abi::topk::VALUES)?,
        &[x32],
        values,
        v.len(),
    );
    let indices = b.output(DType::I64, out_shape)?;
    b.launch(
        "topk_f32",
        params(abi::topk::INDICES)?,
        &[x32],
        indices,
        v.len(),
    );
    let values = emit_cast(b, values, v.dtype)?;
    Ok(vec![values, indices])
}
