//! Graph rewrites before planning: operators that exporters spell out in several nodes are
//! recognised and planned as the one operator they compute, which the planner can then fuse
//! (into the convolution before it, say).
//!
//! - `x * Clip(x + 3, 0, 6) / 6` (or `* (1/6)`), as Paddle and older PyTorch exports write
//!   HardSwish, becomes `HardSwish(x)`.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::model::{Model, Node};
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
