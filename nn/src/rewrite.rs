//! Graph rewrites before planning: operators that exporters spell out in several nodes are
//! recognised and planned as the one operator they compute, which the planner can then fuse
//! (into the convolution before it, say).
//!
//! - `x * Clip(x + 3, 0, 6) / 6` (or `* (1/6)`), as Paddle and older PyTorch exports write
//!   HardSwish, becomes `HardSwish(x)`.
//! - `DequantizeLinear(QuantizeLinear(x, s, z), s, z)` with one scale and zero point, which QDQ
//!   models wrap around activations, becomes one element-wise step ([`FAKE_QUANTIZE`]) instead
//!   of a quantised tensor written and read back.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::model::{Attr, Model, Node};
use crate::tensor::DType;

/// The model's nodes with the rewrites applied.
pub(crate) fn rewrite(model: &Model) -> Vec<Cow<'_, Node>> {
    let nodes = &model.nodes;
    let scalars = scalar_constants(model);
    let scalar = |name: &str| scalars.get(name).copied();
    // Who reads each tensor (node indices); graph outputs count as a reader that is no node.
    let mut readers: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, node) in nodes.iter().enumerate() {
        for i in &node.inputs {
            readers.entry(i).or_default().push(k);
        }
    }
    for o in &model.outputs {
        readers.entry(&o.name).or_default().push(usize::MAX);
    }
    // The one node that reads `name`, with its index.
    let sole_reader = |name: &str| match readers.get(name).map(Vec::as_slice) {
        Some(&[k]) if k != usize::MAX => Some((k, &nodes[k])),
        _ => None,
    };
    let is = |name: &str, value: f32| scalar(name).is_some_and(|v| (v - value).abs() < 1e-6);

    let mut replaced: HashMap<usize, Option<Node>> = HashMap::new();
    for (k, add) in nodes.iter().enumerate() {
        if add.op != "Add" || add.inputs.len() != 2 || add.outputs.len() != 1 {
            continue;
        }
        let x = match (&add.inputs[0], &add.inputs[1]) {
            (x, three) if is(three, 3.0) => x,
            (three, x) if is(three, 3.0) => x,
            _ => continue,
        };
        let Some((kc, clip)) = sole_reader(&add.outputs[0]) else {
            continue;
        };
        let bounds = match clip.inputs.len() {
            1 => (
                clip.float("min", f32::MIN).ok(),
                clip.float("max", f32::MAX).ok(),
            ),
            3 => (scalar(&clip.inputs[1]), scalar(&clip.inputs[2])),
            _ => (None, None),
        };
        if clip.op != "Clip" || bounds != (Some(0.0), Some(6.0)) || clip.outputs.len() != 1 {
            continue;
        }
        let Some((km, mul)) = sole_reader(&clip.outputs[0]) else {
            continue;
        };
        let multiplies_x = mul.inputs.len() == 2
            && mul.inputs.contains(x)
            && mul.inputs.contains(&clip.outputs[0]);
        if mul.op != "Mul" || !multiplies_x || mul.outputs.len() != 1 {
            continue;
        }
        let Some((kd, scale)) = sole_reader(&mul.outputs[0]) else {
            continue;
        };
        let other = |n: &Node| n.inputs.iter().find(|i| **i != mul.outputs[0]).cloned();
        let divides = scale.inputs.len() == 2
            && scale.inputs[0] == mul.outputs[0]
            && match scale.op.as_str() {
                "Div" => other(scale).is_some_and(|d| is(&d, 6.0)),
                "Mul" => other(scale).is_some_and(|d| is(&d, 1.0 / 6.0)),
                _ => false,
            };
        if !divides || scale.outputs.len() != 1 {
            continue;
        }
        if [k, kc, km, kd].iter().any(|i| replaced.contains_key(i)) {
            continue;
        }
        log::debug!("{} through {} is a HardSwish", add.label(), scale.label());
        replaced.insert(k, None);
        replaced.insert(kc, None);
        replaced.insert(km, None);
        replaced.insert(
            kd,
            Some(Node {
                op: "HardSwish".into(),
                name: scale.name.clone(),
                inputs: vec![x.clone()],
                outputs: scale.outputs.clone(),
                attrs: HashMap::new(),
            }),
        );
    }
    // Quantize then dequantize, per tensor, with the same scale and zero point.
    let zero_points = zero_point_constants(model);
    for (kq, q) in nodes.iter().enumerate() {
        if q.op != "QuantizeLinear" || q.outputs.len() != 1 || q.attrs.contains_key("block_size") {
            continue;
        }
        let Some((kd, dq)) = sole_reader(&q.outputs[0]) else {
            continue;
        };
        if dq.op != "DequantizeLinear" || dq.inputs.first() != Some(&q.outputs[0]) {
            continue;
        }
        let scale_of = |n: &Node| n.inputs.get(1).and_then(|s| scalar(s));
        let zero_of = |n: &Node| match n.inputs.get(2).filter(|z| !z.is_empty()) {
            Some(z) => zero_points.get(z.as_str()).copied(),
            // No zero point: 0 of u8, or of the type opset 21's output_dtype names.
            None => match n.int("output_dtype", 0) {
                Ok(0) | Ok(2) => Some((0, false)),
                Ok(3) => Some((0, true)),
                _ => None,
            },
        };
        let (Some(s), Some((z, signed))) = (scale_of(q), zero_of(q)) else {
            continue;
        };
        // An f32 scale, so that the pair's output is f32 as the fused step's is.
        let f32_scale = q
            .inputs
            .get(1)
            .and_then(|n| model.initializers.get(n))
            .is_some_and(|t| t.dtype == DType::F32);
        if !f32_scale {
            continue;
        }
        let same = scale_of(dq) == Some(s)
            && match dq.inputs.get(2).filter(|z| !z.is_empty()) {
                Some(name) => zero_points.get(name.as_str()) == Some(&(z, signed)),
                None => z == 0 && !signed,
            };
        if !same || replaced.contains_key(&kq) || replaced.contains_key(&kd) {
            continue;
        }
        log::debug!(
            "{} through {} is a fake quantisation",
            q.label(),
            dq.label()
        );
        replaced.insert(kq, None);
        replaced.insert(
            kd,
            Some(Node {
                op: FAKE_QUANTIZE.into(),
                name: dq.name.clone(),
                inputs: vec![q.inputs[0].clone()],
                outputs: dq.outputs.clone(),
                attrs: HashMap::from([
                    ("scale".to_string(), Attr::Float(s)),
                    ("zero_point".to_string(), Attr::Int(z)),
                    ("signed".to_string(), Attr::Int(i64::from(signed))),
                ]),
            }),
        );
    }
    nodes
        .iter()
        .enumerate()
        .filter_map(|(k, node)| match replaced.remove(&k) {
            None => Some(Cow::Borrowed(node)),
            Some(None) => None,
            Some(Some(new)) => Some(Cow::Owned(new)),
        })
        .collect()
}

/// The operator the rewrite turns a quantize-dequantize pair into (attributes `scale`,
/// `zero_point` and `signed`). No ONNX operator has a name like it.
pub(crate) const FAKE_QUANTIZE: &str = "wasi-parallel:FakeQuantize";

/// One-element u8 and i8 initializers (zero points): their value and whether they are signed.
fn zero_point_constants(model: &Model) -> HashMap<&str, (i64, bool)> {
    model
        .initializers
        .iter()
        .filter(|(_, t)| t.len() == 1 && matches!(t.dtype, DType::U8 | DType::I8))
        .filter_map(|(name, t)| {
            let v = t.to_i64().ok()?[0];
            Some((name.as_str(), (v, t.dtype == DType::I8)))
        })
        .collect()
}

/// Tensors with one element known from the model alone: initializers and `Constant` nodes.
fn scalar_constants(model: &Model) -> HashMap<&str, f32> {
    let mut out = HashMap::new();
    for (name, tensor) in &model.initializers {
        if tensor.len() == 1 && is_float(tensor.dtype) {
            out.insert(name.as_str(), tensor.to_f32()[0]);
        }
    }
    for node in model.nodes.iter().filter(|n| n.op == "Constant") {
        let value = match node.tensor("value") {
            Ok(Some(t)) if t.len() == 1 && is_float(t.dtype) => t.to_f32()[0],
            _ => match node.attrs.contains_key("value_float") {
                true => match node.float("value_float", 0.0) {
                    Ok(v) => v,
                    Err(_) => continue,
                },
                false => continue,
            },
        };
        if let Some(o) = node.outputs.first() {
            out.insert(o.as_str(), value);
        }
    }
    out
}

fn is_float(dtype: DType) -> bool {
    matches!(dtype, DType::F32 | DType::F64)
}
