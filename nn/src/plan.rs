//! Planning: a model and the shapes of its inputs become a list of kernel launches over planned
//! buffers.
//!
//! [`build`] walks the nodes in order, infers every tensor's type and shape, and lets each
//! operator (see [`crate::ops`]) emit the launches that compute it. A node whose inputs are all
//! known is run at once by the folder (on the `sequential` device, with the same kernels) and its
//! outputs become constants: this is how the shape arithmetic of dynamic models (`Shape`, `Gather`,
//! `Concat`, `Reshape`) disappears from the plan. [`allocate`] then gives every remaining tensor a
//! buffer slot, reusing the slots of tensors that are no longer needed.

use std::collections::HashMap;

use crate::graph::{Builder, Step, Value, ValueId};
use crate::model::{Dim, Model};
use crate::tensor::{DType, Tensor};
use crate::{ops, Error};

/// Runs steps whose inputs are all constants and returns the outputs' contents.
pub(crate) trait Folder {
    fn fold(
        &mut self,
        values: &[Value],
        steps: &[Step],
        outputs: &[ValueId],
    ) -> Result<Vec<Tensor>, Error>;
}

/// A model planned for one set of input shapes, before buffers are assigned.
pub(crate) struct Planned {
    pub values: Vec<Value>,
    pub steps: Vec<Step>,
    pub inputs: Vec<ValueId>,
    pub outputs: Vec<ValueId>,
}

/// Checks given inputs against the model's declarations.
pub(crate) fn check_inputs(model: &Model, inputs: &[(DType, Vec<usize>)]) -> Result<(), Error> {
    if inputs.len() != model.inputs.len() {
        return Err(Error::InvalidInput(format!(
            "the model takes {} inputs, {} were given",
            model.inputs.len(),
            inputs.len()
        )));
    }
    let mut symbols: HashMap<&str, usize> = HashMap::new();
    for (info, (dtype, shape)) in model.inputs.iter().zip(inputs) {
        if *dtype != info.dtype {
            return Err(Error::InvalidInput(format!(
                "input `{}` is {}, not {dtype}",
                info.name, info.dtype
            )));
        }
        let Some(dims) = &info.dims else { continue };
        if dims.len() != shape.len() {
            return Err(Error::InvalidInput(format!(
                "input `{}` has rank {}, not {} (shape {shape:?})",
                info.name,
                dims.len(),
                shape.len()
            )));
        }
        for (d, (dim, &size)) in dims.iter().zip(shape).enumerate() {
            match dim {
                Dim::Fixed(n) if *n != size => {
                    return Err(Error::InvalidInput(format!(
                    "input `{}` must have size {n} in dimension {d}, not {size} (shape {shape:?})",
                    info.name
                )))
                }
                Dim::Symbolic(name) => {
                    if let Some(&seen) = symbols.get(name.as_str()) {
                        if seen != size {
                            return Err(Error::InvalidInput(format!(
                                "dimension `{name}` is {seen} in one input and {size} in `{}`",
                                info.name
                            )));
                        }
                    }
                    symbols.insert(name, size);
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// Plans `model` for inputs of the given types and shapes; inputs with `known` contents are
/// planned as those constants.
pub(crate) fn build(
    model: &Model,
    inputs: &[(DType, Vec<usize>)],
    known: &[Option<Tensor>],
    folder: &mut dyn Folder,
    specialised: bool,
    max_bytes: usize,
) -> Result<Planned, Error> {
    check_inputs(model, inputs)?;
    let mut b = Builder {
        bytes: 0,
        max_bytes,
        opset: model.opset,
        values: Vec::new(),
        steps: Vec::new(),
        readers: HashMap::new(),
        specialised,
    };
    let mut names: HashMap<&str, ValueId> = HashMap::new();
    let mut input_ids = Vec::new();
    for (k, (info, (dtype, shape))) in model.inputs.iter().zip(inputs).enumerate() {
        let id = match known.get(k) {
            Some(Some(t)) => b.constant(t.clone()),
            _ => b.output(*dtype, shape.clone())?,
        };
        names.insert(&info.name, id);
        input_ids.push(id);
    }
    for (name, tensor) in &model.initializers {
        names
            .entry(name)
            .or_insert_with(|| b.constant(tensor.clone()));
    }
    // Readers per tensor name, to know when an activation may be fused into its producer.
    let mut reader_names: HashMap<&str, usize> = HashMap::new();
    let nodes = crate::rewrite::rewrite(model);
    for node in &nodes {
        for i in node.inputs.iter().filter(|i| !i.is_empty()) {
            *reader_names.entry(i).or_default() += 1;
        }
    }
    for output in &model.outputs {
        *reader_names.entry(&output.name).or_default() += 1;
    }

    for node in &nodes {
        let ins: Vec<Option<ValueId>> = node
            .inputs
            .iter()
            .map(|n| {
                if n.is_empty() {
                    None
                } else {
                    names.get(n.as_str()).copied()
                }
            })
            .collect();
        let first = b.steps.len();
        let outs = ops::plan(node, &mut b, &ins).map_err(|e| e.in_node(node))?;
        if outs.len() < node.outputs.iter().filter(|o| !o.is_empty()).count() {
            return Err(Error::Unsupported(format!(
                "{}: only its first {} output(s) are computed, and the model uses more",
                node.label(),
                outs.len()
            )));
        }
        let foldable = ins.iter().flatten().all(|&i| b.values[i].konst.is_some());
        if foldable && b.steps.len() > first {
            let steps: Vec<Step> = b.steps.drain(first..).collect();
            let tensors = folder
                .fold(&b.values, &steps, &outs)
                .map_err(|e| e.in_node(node))?;
            for (&o, t) in outs.iter().zip(tensors) {
                b.values[o].konst = Some(t);
            }
        }
        // An empty tensor's contents are known (there are none), whether or not a step would
        // have written it: shape arithmetic that slices out nothing still folds.
        for &o in &outs {
            let v = &b.values[o];
            if v.konst.is_none() && v.len() == 0 {
                let empty = Tensor::new(v.dtype, v.shape.clone(), Vec::new())?;
                b.values[o].konst = Some(empty);
            }
        }
        for (name, &id) in node.outputs.iter().zip(&outs) {
            if !name.is_empty() {
                names.insert(name, id);
                let root = b.values[id].root;
                *b.readers.entry(root).or_default() +=
                    reader_names.get(name.as_str()).copied().unwrap_or(0);
            }
        }
        // The node's own reads are done: only later readers count for fusion now.
        for i in ins.iter().flatten() {
            let root = b.values[*i].root;
            if let Some(n) = b.readers.get_mut(&root) {
                *n = n.saturating_sub(1);
            }
        }
    }
    let outputs = model
        .outputs
        .iter()
        .map(|o| names[o.name.as_str()])
        .collect();
    Ok(Planned {
        values: b.values,
        steps: b.steps,
        inputs: input_ids,
        outputs,
    })
}

/// Where a step finds a buffer.
#[derive(Clone, Debug)]
pub(crate) enum Ref {
    /// A planned buffer slot.
    Slot(usize),
    /// A constant, uploaded once per device.
    Const(Tensor),
}

/// A step with its buffers resolved.
#[derive(Clone, Debug)]
pub(crate) struct ExecStep {
    pub kernel: &'static str,
    pub items: usize,
    /// Word offset of its parameters in the plan's parameter buffer.
    pub params: usize,
    /// How many words of parameters it has.
    pub param_count: usize,
    pub buffers: Vec<Ref>,
}

/// An output of the plan: where to read it, and its type and shape.
#[derive(Clone, Debug)]
pub(crate) struct ExecOutput {
    pub dtype: DType,
    pub shape: Vec<usize>,
    pub source: Ref,
}

/// A plan with buffers assigned: what a device runs.
#[derive(Clone, Debug)]
pub(crate) struct Executable {
    /// Byte sizes of the buffer slots.
    pub slots: Vec<usize>,
    /// All steps' parameters, one `i32` array.
    pub params: Vec<i32>,
    pub steps: Vec<ExecStep>,
    /// The slot of each input.
    pub inputs: Vec<usize>,
    pub outputs: Vec<ExecOutput>,
}

/// Assigns buffer slots: a tensor gets a slot at its first write and gives it back after its last
/// read; inputs and outputs keep theirs for the whole run.
pub(crate) fn allocate(planned: &Planned) -> Executable {
    let values = &planned.values;
    let root = |id: ValueId| values[id].root;
    // Last step that touches each root; usize::MAX for roots that live to the end.
    let mut last: HashMap<ValueId, usize> = HashMap::new();
    for (s, step) in planned.steps.iter().enumerate() {
        for &b in &step.buffers {
            if values[b].konst.is_none() {
                last.insert(root(b), s);
            }
        }
    }
    for &id in planned.inputs.iter().chain(&planned.outputs) {
        if values[id].konst.is_none() {
            last.insert(root(id), usize::MAX);
        }
    }
    // A root's size is the largest view of it (views have as many elements, so the same bytes).
    let size_of = |r: ValueId| values[r].bytes().max(4);

    let mut slots: Vec<usize> = Vec::new();
    let mut free: Vec<usize> = Vec::new();
    let mut slot_of: HashMap<ValueId, usize> = HashMap::new();
    let take = |r: ValueId, slots: &mut Vec<usize>, free: &mut Vec<usize>| -> usize {
        let need = size_of(r);
        // Best fit among free slots, else the largest free one grown, else a new one.
        let best = free
            .iter()
            .enumerate()
            .filter(|(_, &s)| slots[s] >= need)
            .min_by_key(|(_, &s)| slots[s])
            .map(|(i, _)| i);
        match best {
            Some(i) => free.swap_remove(i),
            None => match free.iter().enumerate().max_by_key(|(_, &s)| slots[s]) {
                Some((i, _)) => {
                    let s = free.swap_remove(i);
                    slots[s] = need;
                    s
                }
                None => {
                    slots.push(need);
                    slots.len() - 1
                }
            },
        }
    };
    for &id in &planned.inputs {
        let s = take(root(id), &mut slots, &mut free);
        slot_of.insert(root(id), s);
    }
    let mut params = Vec::new();
    let mut steps = Vec::with_capacity(planned.steps.len());
    for (s, step) in planned.steps.iter().enumerate() {
        let mut buffers = Vec::with_capacity(step.buffers.len());
        for &b in &step.buffers {
            if let Some(t) = &values[b].konst {
                buffers.push(Ref::Const(t.clone()));
                continue;
            }
            let r = root(b);
            let slot = match slot_of.get(&r) {
                Some(&slot) => slot,
                None => {
                    let slot = take(r, &mut slots, &mut free);
                    slot_of.insert(r, slot);
                    slot
                }
            };
            buffers.push(Ref::Slot(slot));
        }
        steps.push(ExecStep {
            kernel: step.kernel,
            items: step.items,
            params: params.len(),
            param_count: step.params.len(),
            buffers,
        });
        params.extend_from_slice(&step.params);
        for &b in &step.buffers {
            let r = root(b);
            if last.get(&r) == Some(&s) {
                if let Some(slot) = slot_of.remove(&r) {
                    free.push(slot);
                }
            }
        }
    }
    let mut outputs = Vec::with_capacity(planned.outputs.len());
    for &id in &planned.outputs {
        let v = &values[id];
        let source = match &v.konst {
            Some(t) => Ref::Const(t.clone()),
            // An output no step writes has no elements (launches over nothing are not emitted):
            // it still needs a slot to be read from.
            None => Ref::Slot(*slot_of.entry(root(id)).or_insert_with(|| {
                slots.push(size_of(root(id)));
                slots.len() - 1
            })),
        };
        outputs.push(ExecOutput {
            dtype: v.dtype,
            shape: v.shape.clone(),
            source,
        });
    }
    let inputs = planned
        .inputs
        .iter()
        .map(|&id| slot_of[&root(id)])
        .collect();
    if params.is_empty() {
        params.push(0);
    }
    Executable {
        slots,
        params,
        steps,
        inputs,
        outputs,
    }
}
