//! Quantised models: QuantizeLinear and DequantizeLinear (per tensor, per axis and, from opset
//! 21, blocked; u8 and i8, i32 to dequantize), DynamicQuantizeLinear, MatMulInteger,
//! ConvInteger, and the QLinear operators.
//!
//! MatMulInteger and ConvInteger are exact: the zero points are subtracted in i32 and the
//! products summed in i32 (`gemm_i32`, `conv2d_i32`), as ONNX Runtime does. QLinearMatMul and QLinearConv dequantize their operands
//! (exactly: an 8-bit value times a scale), compute in f32 with the float kernels, and quantize
//! the result; ONNX Runtime sums the integer products instead and requantizes once, so a result
//! that lands within f32's rounding of a half may round the other way (off by one).

use super::elementwise::{emit_binary, emit_cast};
use super::network::{conv, matmul_params, ConvShape};
use super::{axis, input, new_params, optional};
use crate::abi;
use crate::graph::{Builder, ValueId};
use crate::model::Node;
use crate::tensor::DType;
use crate::Error;

/// The `quant` parameters for data of `shape` whose scales have `scale_shape`, quantised along
/// `axis` (per axis or blocked) in blocks of `block` (0: not blocked).
fn layout(
    shape: &[usize],
    scale_shape: &[usize],
    axis_attr: i64,
    block: i64,
) -> Result<Vec<i32>, Error> {
    use abi::quant::*;
    let mut p = new_params(LEN);
    let scales: usize = scale_shape.iter().product();
    let bad = Error::InvalidInput;
    if scale_shape.is_empty() || (scale_shape == [1] && block == 0) {
        // One scale.
        p[AXIS_LEN] = 1;
        p[INNER] = 1;
        p[BLOCK] = 1;
        return Ok(p);
    }
    let a = axis(axis_attr, shape.len())?;
    let inner: usize = shape[a + 1..].iter().product();
    p[AXIS_LEN] = shape[a] as i32;
    p[INNER] = inner.max(1) as i32;
    if block == 0 {
        if scale_shape != [shape[a]] {
            return Err(bad(format!(
                "scales of shape {scale_shape:?} for axis {a} of a tensor of shape {shape:?}"
            )));
        }
        p[BLOCK] = 1;
        p[BLOCK_STRIDE] = 1;
        return Ok(p);
    }
    if block < 0 {
        return Err(bad(format!("block_size {block}")));
    }
    let blocks = shape[a].div_ceil(block as usize);
    let mut wanted = shape.to_vec();
    wanted[a] = blocks;
    if scale_shape != wanted || scales == 0 {
        return Err(bad(format!(
            "scales of shape {scale_shape:?} for blocks of {block} along axis {a} of a tensor \
             of shape {shape:?} (expected {wanted:?})"
        )));
    }
    p[BLOCK] = block as i32;
    p[OUTER_STRIDE] = (blocks * inner) as i32;
    p[BLOCK_STRIDE] = inner as i32;
    p[INNER_STRIDE] = 1;
    Ok(p)
}

/// Whether a zero point of `zero` fits scales of `scale`: the same shape, or one value each
/// (a scalar and a one-element list are both one scale).
fn same_layout(zero: &[usize], scale: &[usize]) -> bool {
    let one = |s: &[usize]| s.iter().product::<usize>() == 1 && s.len() <= 1;
    zero == scale || (one(zero) && one(scale))
}

fn kind(dtype: DType, node: &Node, what: &str) -> Result<i32, Error> {
    match dtype {
        DType::U8 => Ok(abi::quant::U8),
        DType::I8 => Ok(abi::quant::I8),
        DType::I32 if what == "x" => Ok(abi::quant::I32),
        other => Err(Error::Unsupported(format!(
            "{} with {what} of type {other}",
            node.op
        ))),
    }
}

/// A float scale tensor as f32.
fn scale_f32(b: &mut Builder, scale: ValueId) -> Result<ValueId, Error> {
    match b.value(scale).dtype {
        DType::F32 => Ok(scale),
        DType::F64 => emit_cast(b, scale, DType::F32),
        other => Err(Error::InvalidModel(format!(
            "a quantisation scale of type {other}"
        ))),
    }
}

/// The float data `x` to quantise, as f32 (f64 computes in f32, as the other operators do).
fn data_f32(b: &mut Builder, x: ValueId) -> Result<ValueId, Error> {
    match b.value(x).dtype {
        DType::F32 => Ok(x),
        DType::F64 => emit_cast(b, x, DType::F32),
        other => Err(Error::Unsupported(format!(
            "QuantizeLinear of {other} data"
        ))),
    }
}

/// `quantize(x)` with `scale` and `zero_point` (u8 when absent, or `to`).
pub(crate) fn emit_quantize(
    node: &Node,
    b: &mut Builder,
    x: ValueId,
    scale: ValueId,
    zero_point: Option<ValueId>,
    to: DType,
) -> Result<ValueId, Error> {
    let x = data_f32(b, x)?;
    let scale = scale_f32(b, scale)?;
    let to = zero_point.map_or(to, |z| b.value(z).dtype);
    let shape = b.value(x).shape.clone();
    let scale_shape = b.value(scale).shape.clone();
    if let Some(z) = zero_point {
        if !same_layout(&b.value(z).shape, &scale_shape) {
            return Err(Error::InvalidInput(format!(
                "the zero point has shape {:?}, the scale {scale_shape:?}",
                b.value(z).shape
            )));
        }
    }
    let mut params = layout(
        &shape,
        &scale_shape,
        node.int("axis", 1)?,
        node.int("block_size", 0)?,
    )?;
    params[abi::quant::KIND] = kind(to, node, "output")?;
    params[abi::quant::HAS_ZERO_POINT] = i32::from(zero_point.is_some());
    let y = b.output(to, shape)?;
    let items = b.value(y).len();
    params[abi::quant::COUNT] = items as i32;
    b.launch(
        "quantize_f32",
        params,
        &[x, scale, zero_point.unwrap_or(scale)],
        y,
        items,
    );
    Ok(y)
}

/// `dequantize(x)` with `scale` and `zero_point`, along `axis_attr`.
pub(crate) fn emit_dequantize(
    node: &Node,
    b: &mut Builder,
    x: ValueId,
    scale: ValueId,
    zero_point: Option<ValueId>,
    axis_attr: i64,
) -> Result<ValueId, Error> {
    let scale = scale_f32(b, scale)?;
    let (dtype, shape) = (b.value(x).dtype, b.value(x).shape.clone());
    let scale_shape = b.value(scale).shape.clone();
    if let Some(z) = zero_point {
        if b.value(z).dtype != dtype || !same_layout(&b.value(z).shape, &scale_shape) {
            return Err(Error::InvalidInput(format!(
                "the zero point is {} {:?}, the data {dtype} and the scale {scale_shape:?}",
                b.value(z).dtype,
                b.value(z).shape
            )));
        }
    }
    let mut params = layout(&shape, &scale_shape, axis_attr, node.int("block_size", 0)?)?;
    params[abi::quant::KIND] = kind(dtype, node, "x")?;
    params[abi::quant::HAS_ZERO_POINT] = i32::from(zero_point.is_some());
    let y = b.output(DType::F32, shape)?;
    let items = b.value(y).len();
    params[abi::quant::COUNT] = items as i32;
    b.launch(
        "dequantize",
        params,
        &[x, scale, zero_point.unwrap_or(scale)],
        y,
        items,
    );
    Ok(y)
}

pub(crate) fn quantize_linear(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, scale) = (input(inputs, 0)?, input(inputs, 1)?);
    let to = match node.int("output_dtype", 0)? {
        0 => DType::U8,
        code => DType::from_onnx(code as i32)?,
    };
    Ok(vec![emit_quantize(
        node,
        b,
        x,
        scale,
        optional(inputs, 2),
        to,
    )?])
}

pub(crate) fn dequantize_linear(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, scale) = (input(inputs, 0)?, input(inputs, 1)?);
    let axis = node.int("axis", 1)?;
    Ok(vec![emit_dequantize(
        node,
        b,
        x,
        scale,
        optional(inputs, 2),
        axis,
    )?])
}

pub(crate) fn dynamic_quantize_linear(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    if b.value(x).dtype != DType::F32 {
        return Err(Error::Unsupported(format!(
            "{} of {} data",
            node.op,
            b.value(x).dtype
        )));
    }
    let count = b.value(x).len();
    let qparams = |b: &mut Builder, which: i32, dtype: DType| -> Result<ValueId, Error> {
        let mut p = new_params(abi::quant::LEN);
        p[abi::quant::COUNT] = count as i32;
        p[abi::quant::WHICH] = which;
        let out = b.output(dtype, vec![])?;
        b.launch("dynamic_qparams_f32", p, &[x], out, 1);
        Ok(out)
    };
    let scale = qparams(b, abi::quant::SCALE, DType::F32)?;
    let zero_point = qparams(b, abi::quant::ZERO_POINT, DType::U8)?;
    let y = emit_quantize(node, b, x, scale, Some(zero_point), DType::U8)?;
    Ok(vec![y, scale, zero_point])
}

/// `x - zero_point` in i32, the zero point broadcast as `shape` says (None: nothing to subtract).
fn minus_zero_point(
    b: &mut Builder,
    x: ValueId,
    zero_point: Option<ValueId>,
    shape: Option<Vec<usize>>,
) -> Result<ValueId, Error> {
    let x32 = emit_cast(b, x, DType::I32)?;
    let Some(z) = zero_point else {
        return Ok(x32);
    };
    let z32 = emit_cast(b, z, DType::I32)?;
    let z32 = match shape {
        Some(s) => b.view(z32, s)?,
        None => z32,
    };
    emit_binary(b, "Sub", x32, z32)
}

pub(crate) fn matmul_integer(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (a, bm) = (input(inputs, 0)?, input(inputs, 1)?);
    for id in [a, bm] {
        kind(b.value(id).dtype, node, "operands")?;
    }
    let sa = b.value(a).shape.clone();
    // A's zero point is per tensor or per row of A (shape [M], a column to broadcast); B's per
    // tensor or per column.
    let a_zero = optional(inputs, 2);
    let a_shape = a_zero.and_then(|z| {
        let len = b.value(z).len();
        (len > 1 && sa.len() >= 2).then(|| vec![len, 1])
    });
    let (a32, b32) = (
        minus_zero_point(b, a, a_zero, a_shape)?,
        minus_zero_point(b, bm, optional(inputs, 3), None)?,
    );
    let (params, out_shape, items) = matmul_params(b, a32, b32)?;
    let y = b.output(DType::I32, out_shape)?;
    b.launch("gemm_i32", params, &[a32, b32], y, items);
    Ok(vec![y])
}

/// ConvInteger: the zero points subtracted in i32 (x's per tensor, w's per tensor or per output
/// channel), then summed exactly in i32 (`conv2d_i32`), as ONNX Runtime does.
pub(crate) fn conv_integer(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, w) = (input(inputs, 0)?, input(inputs, 1)?);
    for id in [x, w] {
        kind(b.value(id).dtype, node, "operands")?;
    }
    let shape = ConvShape::new(node, b, x, w)?;
    let (x_zero, w_zero) = (optional(inputs, 2), optional(inputs, 3));
    if let Some(z) = x_zero {
        if b.value(z).len() != 1 {
            return Err(Error::Unsupported(format!(
                "{} with x_zero_point of shape {:?} (one zero point is supported)",
                node.op,
                b.value(z).shape
            )));
        }
    }
    let mut w_shape = None;
    if let Some(z) = w_zero {
        let len = b.value(z).len();
        if len != 1 && len != shape.m {
            return Err(Error::InvalidInput(format!(
                "w_zero_point of shape {:?} for {} output channels",
                b.value(z).shape,
                shape.m
            )));
        }
        let rank = b.value(w).shape.len();
        w_shape = (len > 1).then(|| {
            let mut s = vec![1; rank];
            s[0] = len;
            s
        });
    }
    let x32 = minus_zero_point(b, x, x_zero, None)?;
    let w32 = minus_zero_point(b, w, w_zero, w_shape)?;
    let y = b.output(DType::I32, shape.out_shape.clone())?;
    let items = b.value(y).len();
    b.launch("conv2d_i32", shape.params(), &[x32, w32], y, items);
    Ok(vec![y])
}

pub(crate) fn qlinear_matmul(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let a = input(inputs, 0)?;
    let bm = input(inputs, 3)?;
    // A is quantised per tensor (or per row), B per tensor or per column: the last axis.
    let af = emit_dequantize(node, b, a, input(inputs, 1)?, optional(inputs, 2), 0)?;
    let b_axis = b.value(bm).shape.len() as i64 - 1;
    let bf = emit_dequantize(node, b, bm, input(inputs, 4)?, optional(inputs, 5), b_axis)?;
    let (params, out_shape, items) = matmul_params(b, af, bf)?;
    let yf = b.output(DType::F32, out_shape)?;
    b.launch("gemm_f32", params, &[af, bf, af], yf, items);
    let to = b.value(a).dtype;
    let y = emit_quantize(node, b, yf, input(inputs, 6)?, optional(inputs, 7), to)?;
    Ok(vec![y])
}

pub(crate) fn qlinear_conv(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, w) = (input(inputs, 0)?, input(inputs, 3)?);
    let (x_scale, w_scale) = (input(inputs, 1)?, input(inputs, 4)?);
    let xf = emit_dequantize(node, b, x, x_scale, optional(inputs, 2), 1)?;
    // The weights per tensor or per output channel (axis 0).
    let wf = emit_dequantize(node, b, w, w_scale, optional(inputs, 5), 0)?;
    // The bias is i32 with scale x_scale * w_scale, zero point 0.
    let bias = match optional(inputs, 8) {
        Some(bias) => {
            let (xs, ws) = (scale_f32(b, x_scale)?, scale_f32(b, w_scale)?);
            let product = emit_binary(b, "Mul", xs, ws)?;
            let axis = 0;
            Some(emit_dequantize(node, b, bias, product, None, axis)?)
        }
        None => None,
    };
    let mut float_inputs = vec![Some(xf), Some(wf)];
    if bias.is_some() {
        float_inputs.push(bias);
    }
    let yf = conv(node, b, &float_inputs)?[0];
    let to = b.value(x).dtype;
    let y = emit_quantize(node, b, yf, input(inputs, 6)?, optional(inputs, 7), to)?;
    Ok(vec![y])
}

/// The rewrite's fused QuantizeLinear-DequantizeLinear pair ([`crate::rewrite::FAKE_QUANTIZE`]):
/// one element-wise step through the type's range, on every device.
pub(crate) fn fake_quantize(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = data_f32(b, input(inputs, 0)?)?;
    use abi::unary::{self, params};
    let mut p = new_params(params::LEN);
    p[params::CODE] = if node.int("signed", 0)? != 0 {
        unary::FAKE_QUANT_I8
    } else {
        unary::FAKE_QUANT_U8
    };
    p[params::A] = super::bits(node.float("scale", 1.0)?);
    p[params::B] = super::bits(node.int("zero_point", 0)? as f32);
    let shape = b.value(x).shape.clone();
    let count = b.value(x).len();
    p[params::COUNT] = count as i32;
    let y = b.output(DType::F32, shape)?;
    b.launch("unary_f32", p, &[x], y, count);
    Ok(vec![y])
}
