//! ONNX Runtime's own operators (domain `com.microsoft`, named here `com.microsoft.Op`, and the
//! few ONNX Runtime registers in ONNX's domain), as its graph optimiser writes them into the
//! models it saves (`SessionOptions.optimized_model_filepath`) and its transformer tools do:
//! convolutions and Gemms with their activation fused, FusedMatMul, the Gelu variants,
//! SkipLayerNormalization and its RMS form, QGemm and QLinearSoftmax.
//!
//! Each is planned as the ONNX operators it stands for, so the fusions the planner does for
//! those (a convolution's activation, a constant weight transposed once) apply to them too.
//! The attributes are read as ONNX Runtime's contrib-operator documentation defines them; an
//! attribute value outside it is an error naming it.

use std::collections::HashMap;

use super::composed::{apply, transpose};
use super::elementwise::emit_binary;
use super::{input, optional, scalar};
use crate::graph::{Builder, ValueId};
use crate::model::{Attr, Node};
use crate::tensor::DType;
use crate::Error;

/// The node `node` would be as ONNX's `op`: the same attributes and outputs.
fn as_onnx(node: &Node, op: &str) -> Node {
    Node {
        op: op.to_string(),
        ..node.clone()
    }
}

/// Applies the activation a fused node names (`activation`) with its parameters, as ONNX Runtime's
/// fusions write them: FusedConv's `activation_params` list, or FusedGemm's `activation_alpha`,
/// `activation_beta`.
fn activation(node: &Node, b: &mut Builder, x: ValueId) -> Result<ValueId, Error> {
    let name = node.string("activation", "")?;
    let params = node.floats("activation_params")?.unwrap_or_default();
    let param = |k: usize, named: &str, default: f32| -> Result<f32, Error> {
        Ok(match params.get(k) {
            Some(&v) => v,
            None => node.float(named, default)?,
        })
    };
    let attrs: Vec<(&str, Attr)> = match name.as_str() {
        "" | "Identity" => return Ok(x),
        "Relu" | "Sigmoid" | "Tanh" => vec![],
        "LeakyRelu" => vec![("alpha", Attr::Float(param(0, "activation_alpha", 0.01)?))],
        "HardSigmoid" => vec![
            ("alpha", Attr::Float(param(0, "activation_alpha", 0.2)?)),
            ("beta", Attr::Float(param(1, "activation_beta", 0.5)?)),
        ],
        "Clip" => {
            let (lo, hi) = (
                param(0, "activation_alpha", f32::MIN)?,
                param(1, "activation_beta", f32::MAX)?,
            );
            let (lo, hi) = (
                scalar(b, DType::F32, f64::from(lo))?,
                scalar(b, DType::F32, f64::from(hi))?,
            );
            return clip(b, x, lo, hi);
        }
        other => {
            return Err(Error::Unsupported(format!(
                "{} with activation {other}",
                node.op
            )))
        }
    };
    Ok(apply(b, &name, attrs, &[Some(x)])?[0])
}

/// Clip to constant bounds, in whichever form the model's opset reads them.
fn clip(b: &mut Builder, x: ValueId, lo: ValueId, hi: ValueId) -> Result<ValueId, Error> {
    if b.opset >= 11 {
        return Ok(apply(b, "Clip", vec![], &[Some(x), Some(lo), Some(hi)])?[0]);
    }
    let value = |b: &Builder, id: ValueId| b.konst(id).map_or(0.0, |t| t.to_f32()[0]);
    let attrs = vec![
        ("min", Attr::Float(value(b, lo))),
        ("max", Attr::Float(value(b, hi))),
    ];
    Ok(apply(b, "Clip", attrs, &[Some(x)])?[0])
}

/// FusedConv: `activation(Conv(X, W, B) + Z)`.
pub(crate) fn fused_conv(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let conv_inputs = &inputs[..inputs.len().min(3)];
    let mut y = super::network::conv(&as_onnx(node, "Conv"), b, conv_inputs)?[0];
    if let Some(z) = optional(inputs, 3) {
        y = emit_binary(b, "Add", y, z)?;
    }
    Ok(vec![activation(node, b, y)?])
}

/// FusedGemm: `activation(Gemm(A, B, C))`.
pub(crate) fn fused_gemm(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let y = super::network::gemm(&as_onnx(node, "Gemm"), b, inputs)?[0];
    Ok(vec![activation(node, b, y)?])
}

/// `x` with its first dimension moved behind the other batch dimensions (`batch`, ONNX Runtime's
/// transBatch: `[d0, d1, ..., dn-2, dn-1]` becomes `[d1, ..., dn-2, d0, dn-1]`), then its last two
/// dimensions swapped (`swap`).
fn fused_transpose(b: &mut Builder, x: ValueId, batch: bool, swap: bool) -> Result<ValueId, Error> {
    let rank = b.value(x).shape.len();
    if rank < 2 || !(batch || swap) {
        return Ok(x);
    }
    let mut perm: Vec<i64> = if batch {
        (1..rank as i64 - 1).chain([0, rank as i64 - 1]).collect()
    } else {
        (0..rank as i64).collect()
    };
    if swap {
        perm.swap(rank - 2, rank - 1);
    }
    transpose(b, x, &perm)
}

/// FusedMatMul: `alpha * op(A) op(B)`, `op` moving the first dimension behind the batch
/// dimensions where `transBatchA`/`transBatchB` say, then transposing the last two dimensions
/// where `transA`/`transB` do.
pub(crate) fn fused_matmul(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let flag = |name: &str| -> Result<bool, Error> { Ok(node.int(name, 0)? != 0) };
    let a = input(inputs, 0)?;
    let a = fused_transpose(b, a, flag("transBatchA")?, flag("transA")?)?;
    let bm = input(inputs, 1)?;
    let bm = fused_transpose(b, bm, flag("transBatchB")?, flag("transB")?)?;
    let mut y = apply(b, "MatMul", vec![], &[Some(a), Some(bm)])?[0];
    let alpha = node.float("alpha", 1.0)?;
    if alpha != 1.0 {
        let alpha = scalar(b, DType::F32, f64::from(alpha))?;
        y = emit_binary(b, "Mul", y, alpha)?;
    }
    Ok(vec![y])
}

/// Gelu, BiasGelu, FastGelu (the tanh approximation, with an optional bias) and QuickGelu
/// (`x sigmoid(alpha x)`).
pub(crate) fn gelu(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let mut x = input(inputs, 0)?;
    if let Some(bias) = optional(inputs, 1) {
        x = emit_binary(b, "Add", x, bias)?;
    }
    let y = match node.op.as_str() {
        "com.microsoft.QuickGelu" => {
            let alpha = scalar(b, DType::F32, f64::from(node.float("alpha", 1.702)?))?;
            let ax = emit_binary(b, "Mul", x, alpha)?;
            let s = apply(b, "Sigmoid", vec![], &[Some(ax)])?[0];
            emit_binary(b, "Mul", x, s)?
        }
        "com.microsoft.FastGelu" => {
            let attrs = vec![("approximate", Attr::String("tanh".into()))];
            apply(b, "Gelu", attrs, &[Some(x)])?[0]
        }
        _ => apply(b, "Gelu", vec![], &[Some(x)])?[0],
    };
    Ok(vec![y])
}

/// SkipLayerNormalization and SkipSimplifiedLayerNormalization: `s = input + skip (+ bias)`,
/// normalised over the last axis (LayerNormalization, or its RMS form), scaled by gamma (and
/// shifted by beta). Outputs: the result, then (LayerNormalization's) mean and inverse standard
/// deviation, then `s`.
pub(crate) fn skip_layer_norm(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let simplified = node.op.ends_with("SkipSimplifiedLayerNormalization");
    let (x, skip, gamma) = (input(inputs, 0)?, input(inputs, 1)?, input(inputs, 2)?);
    let (beta, bias) = if simplified {
        (None, optional(inputs, 3))
    } else {
        (optional(inputs, 3), optional(inputs, 4))
    };
    let mut sum = emit_binary(b, "Add", x, skip)?;
    if let Some(bias) = bias {
        sum = emit_binary(b, "Add", sum, bias)?;
    }
    let epsilon = Attr::Float(node.float("epsilon", 1e-12)?);
    let mut outs = if simplified {
        if node.outputs.iter().skip(1).take(2).any(|o| !o.is_empty()) {
            return Err(Error::Unsupported(format!(
                "{}'s mean and inverse standard deviation outputs",
                node.op
            )));
        }
        let attrs = vec![("axis", Attr::Int(-1)), ("epsilon", epsilon)];
        let y = apply(b, "RMSNormalization", attrs, &[Some(sum), Some(gamma)])?[0];
        vec![y, y, y]
    } else {
        let mut attrs = HashMap::new();
        attrs.insert("axis".to_string(), Attr::Int(-1));
        attrs.insert("epsilon".to_string(), epsilon);
        let ln = Node {
            op: "LayerNormalization".into(),
            name: node.name.clone(),
            inputs: Vec::new(),
            outputs: node.outputs.iter().take(3).cloned().collect(),
            attrs,
        };
        let mut outs = super::network::layer_norm(&ln, b, &[Some(sum), Some(gamma), beta])?;
        // Unread statistics are not computed; their places are held by the result.
        outs.resize(3, outs[0]);
        outs
    };
    outs.push(sum);
    Ok(outs)
}

/// SimplifiedLayerNormalization (ONNX Runtime's RMS normalisation, in ONNX's domain): over the
/// axes from `axis` on.
pub(crate) fn simplified_layer_norm(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    if node.outputs.get(1).is_some_and(|o| !o.is_empty()) {
        return Err(Error::Unsupported(format!(
            "{}'s inverse standard deviation output",
            node.op
        )));
    }
    let attrs = vec![
        ("axis", Attr::Int(node.int("axis", -1)?)),
        ("epsilon", Attr::Float(node.float("epsilon", 1e-5)?)),
    ];
    let x = input(inputs, 0)?;
    let scale = input(inputs, 1)?;
    apply(b, "RMSNormalization", attrs, &[Some(x), Some(scale)])
}

/// QGemm: Gemm of quantised A and B (B per tensor or per output column) with an i32 bias C at
/// scale `a_scale * b_scale`; the result quantised by `y_scale` and `y_zero_point`, or f32 when
/// there is no `y_scale`. Computed as QLinearMatMul is: dequantised, in f32, requantised.
pub(crate) fn qgemm(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (a, a_scale) = (input(inputs, 0)?, input(inputs, 1)?);
    let (bm, b_scale) = (input(inputs, 3)?, input(inputs, 4)?);
    let af = super::quantize::emit_dequantize(node, b, a, a_scale, optional(inputs, 2), 0)?;
    // B's scales run along its output columns: axis 0 of a transposed B, 1 otherwise.
    let b_axis = if node.int("transB", 0)? != 0 { 0 } else { 1 };
    let bf = super::quantize::emit_dequantize(node, b, bm, b_scale, optional(inputs, 5), b_axis)?;
    let c = match optional(inputs, 6) {
        Some(c) => {
            let scale = emit_binary(b, "Mul", a_scale, b_scale)?;
            Some(super::quantize::emit_dequantize(
                node, b, c, scale, None, 0,
            )?)
        }
        None => None,
    };
    let attrs = ["transA", "transB"]
        .iter()
        .map(|&k| Ok((k, Attr::Int(node.int(k, 0)?))))
        .chain([Ok(("alpha", Attr::Float(node.float("alpha", 1.0)?)))])
        .collect::<Result<Vec<_>, Error>>()?;
    let y = apply(b, "Gemm", attrs, &[Some(af), Some(bf), c])?[0];
    Ok(vec![match optional(inputs, 7) {
        Some(y_scale) => {
            let to = b.value(a).dtype;
            super::quantize::emit_quantize(node, b, y, y_scale, optional(inputs, 8), to)?
        }
        None => y,
    }])
}

/// QLinearSoftmax: Softmax of dequantised X (its axis read as at the `opset` attribute's
/// version), quantised by `y_scale` and `y_zero_point`.
pub(crate) fn qlinear_softmax(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let xf =
        super::quantize::emit_dequantize(node, b, x, input(inputs, 1)?, optional(inputs, 2), 0)?;
    let opset = node.int("opset", 13)?;
    let axis = node.int("axis", if opset < 13 { 1 } else { -1 })?;
    let shape = b.value(xf).shape.clone();
    let a = super::axis(axis, shape.len())?;
    // Before opset 13 Softmax works on the input flattened to 2-D at `axis`; from 13 on along
    // one axis, which for the last axis is the same as flattening before it. A 2-D Softmax
    // along its last axis means the same at every opset the model may import.
    let y = if opset < 13 || a + 1 == shape.len() {
        let split = if opset < 13 { a } else { shape.len() - 1 };
        let (outer, inner) = (
            shape[..split].iter().product(),
            shape[split..].iter().product(),
        );
        let flat = b.view(xf, vec![outer, inner])?;
        let y = apply(b, "Softmax", vec![("axis", Attr::Int(1))], &[Some(flat)])?[0];
        b.view(y, shape)?
    } else if b.opset >= 13 {
        apply(b, "Softmax", vec![("axis", Attr::Int(axis))], &[Some(xf)])?[0]
    } else {
        return Err(Error::Unsupported(format!(
            "{} of opset {opset} along axis {axis} in a model of opset {}",
            node.op, b.opset
        )));
    };
    let to = b.value(x).dtype;
    let q = super::quantize::emit_quantize(node, b, y, input(inputs, 3)?, optional(inputs, 4), to)?;
    Ok(vec![q])
}
