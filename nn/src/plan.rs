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
use crate::model::{Attr, Dim, Model, Node, Subgraph};
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
        // Named dimensions are the exporter's labels, not constraints: ONNX Runtime does not
        // hold inputs to them, and exporters reuse names for sizes that differ (lineless-table-
        // rec's LORE post-processor names both its inputs' last dimensions `width`, 256 and 8).
        for (d, (dim, &size)) in dims.iter().zip(shape).enumerate() {
            if let Dim::Fixed(n) = dim {
                if *n != size {
                    return Err(Error::InvalidInput(format!(
                        "input `{}` must have size {n} in dimension {d}, not {size} (shape \
                         {shape:?})",
                        info.name
                    )));
                }
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
        unrolled: 0,
    };
    let mut names: HashMap<String, ValueId> = HashMap::new();
    let mut input_ids = Vec::new();
    for (k, (info, (dtype, shape))) in model.inputs.iter().zip(inputs).enumerate() {
        let id = match known.get(k) {
            Some(Some(t)) => b.constant(t.clone()),
            _ => b.output(*dtype, shape.clone())?,
        };
        names.insert(info.name.clone(), id);
        input_ids.push(id);
    }
    for (name, tensor) in &model.initializers {
        names
            .entry(name.clone())
            .or_insert_with(|| b.constant(tensor.clone()));
    }
    // Readers per tensor name, to know when an activation may be fused into its producer.
    // Subgraphs' reads count too (over-counting only forgoes a fusion).
    let mut reader_names: HashMap<String, usize> = HashMap::new();
    let nodes = crate::rewrite::rewrite(model);
    let refs: Vec<&Node> = nodes.iter().map(|n| &**n).collect();
    count_readers(&refs, &mut reader_names);
    for output in &model.outputs {
        *reader_names.entry(output.name.clone()).or_default() += 1;
    }
    Planner {
        b: &mut b,
        reader_names: &reader_names,
        folder,
    }
    .nodes(&mut names, &refs)?;
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

/// Counts, per tensor name, the nodes that read it, subgraphs included.
fn count_readers(nodes: &[&Node], readers: &mut HashMap<String, usize>) {
    for node in nodes {
        for i in node.inputs.iter().filter(|i| !i.is_empty()) {
            *readers.entry(i.clone()).or_default() += 1;
        }
        for attr in node.attrs.values() {
            if let Attr::Graph(g) = attr {
                let inner: Vec<&Node> = g.nodes.iter().collect();
                count_readers(&inner, readers);
                for o in &g.outputs {
                    *readers.entry(o.clone()).or_default() += 1;
                }
            }
        }
    }
}

/// Plans lists of nodes: the model's, and its subgraphs' (If's chosen branch, Loop's and Scan's
/// bodies, unrolled), each in a scope of the names visible to it.
struct Planner<'a> {
    b: &'a mut Builder,
    reader_names: &'a HashMap<String, usize>,
    folder: &'a mut dyn Folder,
}

impl Planner<'_> {
    fn nodes(
        &mut self,
        names: &mut HashMap<String, ValueId>,
        nodes: &[&Node],
    ) -> Result<(), Error> {
        for node in nodes {
            let ins: Vec<Option<ValueId>> = node
                .inputs
                .iter()
                .map(|n| {
                    if n.is_empty() {
                        Ok(None)
                    } else {
                        names.get(n.as_str()).copied().map(Some).ok_or_else(|| {
                            Error::InvalidModel(format!(
                                "{} reads `{n}`, which nothing before it defines",
                                node.label()
                            ))
                        })
                    }
                })
                .collect::<Result<_, _>>()?;
            let outs = match node.op.as_str() {
                "If" => self.if_(node, names, &ins),
                "Loop" => self.loop_(node, names, &ins),
                "Scan" => self.scan(node, names, &ins),
                _ => self.op(node, &ins),
            }
            .map_err(|e| e.in_node(node))?;
            if outs.len() < node.outputs.iter().filter(|o| !o.is_empty()).count() {
                return Err(Error::Unsupported(format!(
                    "{}: only its first {} output(s) are computed, and the model uses more",
                    node.label(),
                    outs.len()
                )));
            }
            let b = &mut *self.b;
            // An empty tensor's contents are known (there are none), whether or not a step
            // would have written it: shape arithmetic that slices out nothing still folds.
            for &o in &outs {
                let v = &b.values[o];
                if v.konst.is_none() && v.len() == 0 {
                    let empty = Tensor::new(v.dtype, v.shape.clone(), Vec::new())?;
                    b.values[o].konst = Some(empty);
                }
            }
            for (name, &id) in node.outputs.iter().zip(&outs) {
                if !name.is_empty() {
                    names.insert(name.clone(), id);
                    let root = b.values[id].root;
                    *b.readers.entry(root).or_default() +=
                        self.reader_names.get(name.as_str()).copied().unwrap_or(0);
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
        Ok(())
    }

    /// An operator: its steps, run at once when all its inputs are known.
    fn op(&mut self, node: &Node, ins: &[Option<ValueId>]) -> Result<Vec<ValueId>, Error> {
        let first = self.b.steps.len();
        let first_value = self.b.values.len();
        let outs = ops::plan(node, self.b, ins)?;
        let foldable = ins
            .iter()
            .flatten()
            .all(|&i| self.b.values[i].konst.is_some());
        if foldable && self.b.steps.len() > first {
            let steps: Vec<Step> = self.b.steps.drain(first..).collect();
            let tensors = self.folder.fold(&self.b.values, &steps, &outs)?;
            for (&o, t) in outs.iter().zip(tensors) {
                self.b.values[o].konst = Some(t);
            }
        } else {
            self.fold_constant_steps(first, first_value)?;
        }
        Ok(outs)
    }

    /// Runs now the steps from `first` on that read only constants, as the operator's constant
    /// operands need them (the weights a QLinearMatMul dequantizes, say): once per plan, not
    /// once per run. A step is taken only when it alone writes its output, a whole buffer made
    /// by this operator (value `first_value` or later), so nothing writes into a constant.
    fn fold_constant_steps(&mut self, first: usize, first_value: usize) -> Result<(), Error> {
        let mut k = first;
        while k < self.b.steps.len() {
            let values = &self.b.values;
            let steps = &self.b.steps[first..];
            let (&out, ins) = steps[k - first].buffers.split_last().expect("an output");
            // The cheap tests first: counting the writers walks every step of the operator (an
            // unrolled loop has thousands).
            let sole_writer = || {
                steps
                    .iter()
                    .filter(|s| s.buffers.last().map(|&o| values[o].root) == Some(values[out].root))
                    .count()
                    == 1
            };
            let takes = out >= first_value
                && values[out].root == out
                && values[out].konst.is_none()
                && ins.iter().all(|&i| values[i].konst.is_some())
                && sole_writer();
            if !takes {
                k += 1;
                continue;
            }
            let step = self.b.steps.remove(k);
            let tensor = self.folder.fold(&self.b.values, &[step], &[out])?;
            let Some(tensor) = tensor.into_iter().next() else {
                continue;
            };
            // The views made of it so far (reshapes) are constants too: a step reading one
            // would otherwise read a buffer that nothing writes any more.
            for v in self.b.values.iter_mut().skip(out + 1) {
                if v.root == out {
                    v.konst = Some(tensor.reshaped(v.shape.clone()));
                }
            }
            self.b.values[out].konst = Some(tensor);
        }
        Ok(())
    }

    /// Plans subgraph `g` in a scope of `names` with its formal inputs bound to `bindings`;
    /// returns its outputs.
    fn subgraph(
        &mut self,
        g: &Subgraph,
        names: &HashMap<String, ValueId>,
        bindings: &[ValueId],
    ) -> Result<Vec<ValueId>, Error> {
        let mut scope = names.clone();
        for (name, &id) in g.inputs.iter().zip(bindings) {
            scope.insert(name.clone(), id);
        }
        for (name, t) in &g.initializers {
            let id = self.b.constant(t.clone());
            scope.insert(name.clone(), id);
        }
        let nodes: Vec<&Node> = g.nodes.iter().collect();
        self.nodes(&mut scope, &nodes)?;
        g.outputs
            .iter()
            .map(|o| {
                scope.get(o.as_str()).copied().ok_or_else(|| {
                    Error::InvalidModel(format!("the subgraph output `{o}` is never computed"))
                })
            })
            .collect()
    }

    /// A scalar (or one-element) constant input, if known.
    fn known(&self, id: Option<ValueId>) -> Result<Option<i64>, Error> {
        match id.and_then(|i| self.b.konst(i)) {
            Some(t) if t.len() == 1 => Ok(Some(match t.dtype {
                DType::F32 | DType::F64 => t.to_f64()[0] as i64,
                _ => t.to_i64()?[0],
            })),
            Some(t) => Err(Error::InvalidInput(format!(
                "a scalar condition or count of shape {:?}",
                t.shape
            ))),
            None => Ok(None),
        }
    }

    /// If: the branch its condition chooses, which must be known when the plan is made (a
    /// constant, a value computed from shapes, or a small input the model is planned per value
    /// of).
    fn if_(
        &mut self,
        node: &Node,
        names: &HashMap<String, ValueId>,
        ins: &[Option<ValueId>],
    ) -> Result<Vec<ValueId>, Error> {
        let cond_id = ins.first().copied().flatten();
        let Some(cond) = self.known(cond_id)? else {
            return self.if_select(node, names, cond_id);
        };
        let branch = if cond != 0 {
            "then_branch"
        } else {
            "else_branch"
        };
        let g = node
            .graph(branch)?
            .ok_or_else(|| Error::InvalidModel(format!("If without a {branch}")))?
            .clone();
        self.subgraph(&g, names, &[])
    }

    /// An If whose condition is known only at run time: both branches are planned and each
    /// output chosen by the condition (Where), so both branches run. This needs outputs of the
    /// same type and shape from both; ONNX's graphs have no side effects, so running the branch
    /// not taken changes nothing but the time.
    fn if_select(
        &mut self,
        node: &Node,
        names: &HashMap<String, ValueId>,
        cond: Option<ValueId>,
    ) -> Result<Vec<ValueId>, Error> {
        let cond = cond.ok_or_else(|| Error::InvalidModel("If without a condition".into()))?;
        let refuse = |why: String| {
            Err(Error::Unsupported(format!(
                "If whose condition is computed at run time from tensor data, {why}"
            )))
        };
        let c = self.b.value(cond);
        if c.dtype != DType::Bool || c.len() != 1 {
            return refuse(format!("a {} of shape {:?}", c.dtype, c.shape));
        }
        // Nested run-time Ifs plan 2^depth branches: each planned pair counts against the
        // plan's unrolling bound, as loop iterations do.
        self.unroll_one()?;
        let mut outs = Vec::new();
        for branch in ["then_branch", "else_branch"] {
            let g = node
                .graph(branch)?
                .ok_or_else(|| Error::InvalidModel(format!("If without a {branch}")))?
                .clone();
            // A branch that cannot be planned for these inputs (the other one is the one
            // taken, say) makes the If unsupported this way: the executor then plans per value
            // of the small inputs, as it did before Ifs were planned both ways.
            let planned = self.subgraph(&g, names, &[]).map_err(|e| match e {
                Error::Unsupported(_) | Error::TooLarge(_) => e,
                other => Error::Unsupported(format!(
                    "If whose condition is computed at run time from tensor data, whose \
                     {branch} cannot be planned for these inputs: {other}"
                )),
            })?;
            outs.push(planned);
        }
        let (then, other) = (&outs[0], &outs[1]);
        if then.len() != other.len() {
            return refuse(format!(
                "with branches of {} and {} outputs",
                then.len(),
                other.len()
            ));
        }
        let scalar = self.b.view(cond, vec![])?;
        let mut chosen = Vec::with_capacity(then.len());
        for (k, (&t, &e)) in then.iter().zip(other).enumerate() {
            let (tv, ev) = (self.b.value(t), self.b.value(e));
            if tv.dtype != ev.dtype || tv.shape != ev.shape {
                return refuse(format!(
                    "whose branches give output {k} as {} {:?} and {} {:?} (both are planned \
                     and one chosen, which needs the same type and shape)",
                    tv.dtype, tv.shape, ev.dtype, ev.shape
                ));
            }
            let picked = ops::apply(self.b, "Where", vec![], &[Some(scalar), Some(t), Some(e)])?;
            chosen.push(picked[0]);
        }
        Ok(chosen)
    }

    fn unroll_one(&mut self) -> Result<(), Error> {
        self.b.unroll_one()
    }

    /// Stacks `parts` (one per iteration, all of one shape) along a new axis `axis`.
    fn stack(&mut self, parts: &[ValueId], axis: usize) -> Result<ValueId, Error> {
        let shape = self.b.value(parts[0]).shape.clone();
        if axis > shape.len() {
            return Err(Error::InvalidModel(format!(
                "a scan output axis {axis} for slices of rank {}",
                shape.len()
            )));
        }
        let mut one = shape.clone();
        one.insert(axis, 1);
        let views: Vec<Option<ValueId>> = parts
            .iter()
            .map(|&p| self.b.view(p, one.clone()).map(Some))
            .collect::<Result<_, _>>()?;
        Ok(ops::apply(
            self.b,
            "Concat",
            vec![("axis", Attr::Int(axis as i64))],
            &views,
        )?[0])
    }

    /// Loop, unrolled: its trip count and its condition must be known when the plan is made,
    /// after each iteration too (loops that run until a tensor's data says stop are not
    /// supported).
    fn loop_(
        &mut self,
        node: &Node,
        names: &HashMap<String, ValueId>,
        ins: &[Option<ValueId>],
    ) -> Result<Vec<ValueId>, Error> {
        let body = node
            .graph("body")?
            .ok_or_else(|| Error::InvalidModel("Loop without a body".into()))?
            .clone();
        let trips = self.known(ins.first().copied().flatten())?;
        if ins.first().copied().flatten().is_some() && trips.is_none() {
            return Err(Error::Unsupported(
                "Loop whose trip count is computed at run time from tensor data".into(),
            ));
        }
        let mut cond = match ins.get(1).copied().flatten() {
            Some(c) => {
                self.known(Some(c))?.ok_or_else(|| {
                    Error::Unsupported(
                        "Loop whose condition is computed at run time from tensor data".into(),
                    )
                })? != 0
            }
            None => true,
        };
        let mut carried: Vec<ValueId> = ins
            .iter()
            .skip(2)
            .map(|i| {
                i.ok_or_else(|| {
                    Error::InvalidModel("Loop with an absent loop-carried value".into())
                })
            })
            .collect::<Result<_, _>>()?;
        let n = carried.len();
        let mut scans: Vec<Vec<ValueId>> = Vec::new();
        let mut i = 0i64;
        while cond && trips.is_none_or(|m| i < m) {
            self.unroll_one()?;
            let iter = self.b.constant(Tensor::from_i64(vec![], &[i])?);
            let c = self.b.constant(Tensor::new(DType::Bool, vec![], vec![1])?);
            let mut bindings = vec![iter, c];
            bindings.extend(&carried);
            let outs = self.subgraph(&body, names, &bindings)?;
            if outs.len() < 1 + n {
                return Err(Error::InvalidModel(format!(
                    "a Loop body with {} outputs for {n} loop-carried values",
                    outs.len()
                )));
            }
            cond = self.known(Some(outs[0]))?.ok_or_else(|| {
                Error::Unsupported(
                    "Loop whose condition is computed at run time from tensor data".into(),
                )
            })? != 0;
            carried = outs[1..1 + n].to_vec();
            scans.push(outs[1 + n..].to_vec());
            i += 1;
        }
        let scan_count = body.outputs.len().saturating_sub(1 + n);
        let mut outs = carried;
        for k in 0..scan_count {
            if scans.is_empty() {
                return Err(Error::Unsupported(
                    "a Loop that runs no iteration and has scan outputs (their shape is unknown)"
                        .into(),
                ));
            }
            let parts: Vec<ValueId> = scans.iter().map(|s| s[k]).collect();
            outs.push(self.stack(&parts, 0)?);
        }
        Ok(outs)
    }

    /// Scan (opset 9 onwards), unrolled over its scan inputs' length.
    fn scan(
        &mut self,
        node: &Node,
        names: &HashMap<String, ValueId>,
        ins: &[Option<ValueId>],
    ) -> Result<Vec<ValueId>, Error> {
        if self.b.opset < 9 {
            return Err(Error::Unsupported(
                "Scan of opset 8 (with a batch axis)".into(),
            ));
        }
        let body = node
            .graph("body")?
            .ok_or_else(|| Error::InvalidModel("Scan without a body".into()))?
            .clone();
        let ins: Vec<ValueId> = ins
            .iter()
            .map(|i| i.ok_or_else(|| Error::InvalidModel("Scan with an absent input".into())))
            .collect::<Result<_, _>>()?;
        let k = node.int("num_scan_inputs", 0)?;
        if k < 1 || k as usize > ins.len() {
            return Err(Error::InvalidModel(format!("Scan with {k} scan inputs")));
        }
        let k = k as usize;
        let n = ins.len() - k;
        let ints = |name: &str, len: usize| -> Result<Vec<i64>, Error> {
            Ok(node.ints(name)?.unwrap_or_else(|| vec![0; len]))
        };
        let in_axes = ints("scan_input_axes", k)?;
        let in_dirs = ints("scan_input_directions", k)?;
        let scan_outs = body.outputs.len().saturating_sub(n);
        let out_axes = ints("scan_output_axes", scan_outs)?;
        let out_dirs = ints("scan_output_directions", scan_outs)?;
        if in_axes.len() != k
            || in_dirs.len() != k
            || out_axes.len() != scan_outs
            || out_dirs.len() != scan_outs
        {
            return Err(Error::InvalidModel(
                "Scan's axes and directions do not match its inputs and outputs".into(),
            ));
        }
        let mut len = None;
        let mut axes = Vec::with_capacity(k);
        for (j, &a) in in_axes.iter().enumerate() {
            let shape = self.b.value(ins[n + j]).shape.clone();
            let a = ops::normalise_axis(a, shape.len())?;
            axes.push(a);
            match len {
                None => len = Some(shape[a]),
                Some(l) if l != shape[a] => {
                    return Err(Error::InvalidInput(format!(
                        "Scan inputs of lengths {l} and {}",
                        shape[a]
                    )))
                }
                _ => {}
            }
        }
        let len = len.unwrap_or(0);
        let mut states: Vec<ValueId> = ins[..n].to_vec();
        let mut collected: Vec<Vec<ValueId>> = vec![Vec::new(); scan_outs];
        for t in 0..len {
            self.unroll_one()?;
            let mut bindings = states.clone();
            for j in 0..k {
                let x = ins[n + j];
                let at = if in_dirs[j] != 0 { len - 1 - t } else { t };
                let mut shape = self.b.value(x).shape.clone();
                let slice = ops::slice(self.b, x, axes[j], at, at + 1)?;
                shape.remove(axes[j]);
                bindings.push(self.b.view(slice, shape)?);
            }
            let outs = self.subgraph(&body, names, &bindings)?;
            if outs.len() != n + scan_outs {
                return Err(Error::InvalidModel(
                    "a Scan body's outputs do not match".into(),
                ));
            }
            states = outs[..n].to_vec();
            for (c, &o) in collected.iter_mut().zip(&outs[n..]) {
                c.push(o);
            }
        }
        let mut outs = states;
        for (j, mut parts) in collected.into_iter().enumerate() {
            if parts.is_empty() {
                return Err(Error::Unsupported(
                    "a Scan over nothing with scan outputs (their shape is unknown)".into(),
                ));
            }
            if out_dirs[j] != 0 {
                parts.reverse();
            }
            let rank = self.b.value(parts[0]).shape.len() + 1;
            let a = ops::normalise_axis(out_axes[j], rank)?;
            outs.push(self.stack(&parts, a)?);
        }
        Ok(outs)
    }
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
