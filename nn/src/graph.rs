//! What operators emit into while a model is planned: the plan's tensors ([`Value`]), its kernel
//! launches ([`Step`]), and the [`Builder`] that holds both.
//!
//! The operators (`crate::ops`) use only this; the planning driver (`crate::plan`) makes a
//! builder, calls the operators, and turns what they emitted into an executable plan. Keeping the
//! two apart is what keeps the operators from depending on the driver that calls them.

use std::collections::HashMap;

use crate::tensor::{checked_elements, DType, Tensor};
use crate::Error;

/// A tensor of the plan.
pub(crate) type ValueId = usize;

/// What the planner knows about a tensor.
#[derive(Clone, Debug)]
pub(crate) struct Value {
    pub dtype: DType,
    pub shape: Vec<usize>,
    /// Its contents, when known before the run (weights and folded results).
    pub konst: Option<Tensor>,
    /// The tensor whose buffer holds it: itself, or the tensor it is a view of (Reshape).
    pub root: ValueId,
}

impl Value {
    pub fn len(&self) -> usize {
        self.shape.iter().product()
    }
    pub fn bytes(&self) -> usize {
        self.len() * self.dtype.size()
    }
}

/// One kernel launch: `kernel(params, buffers...)` over `items` work items. The last buffer is
/// the one written.
#[derive(Clone, Debug)]
pub(crate) struct Step {
    pub kernel: &'static str,
    pub params: Vec<i32>,
    pub buffers: Vec<ValueId>,
    pub items: usize,
}

/// The default of the bytes one plan of a model may create: the tensors its steps write
/// (counted as declared, before buffers are shared between them) and the constants planning
/// computes (ConstantOfShape, folded operators). A model file of 1.7 KB can declare twenty 1 GiB
/// constants; past the limit it is `TooLarge`. The model's own initializers are not counted:
/// they are already in memory.
pub const PLAN_BYTES: usize = 4 << 30;

/// How many iterations of Loop and Scan bodies one plan may unroll, all loops together (nested
/// ones multiply): past it, planning fails rather than grow without bound.
pub const MAX_UNROLLED: usize = 1 << 16;

/// What operators see while they plan: the tensors so far and the steps emitted.
pub(crate) struct Builder {
    /// Bytes counted against `max_bytes` so far.
    pub bytes: usize,
    /// The limit (default [`PLAN_BYTES`]).
    pub max_bytes: usize,
    pub opset: i64,
    pub values: Vec<Value>,
    pub steps: Vec<Step>,
    /// How many nodes read each tensor (by root), for fusing an activation into its producer.
    pub readers: HashMap<ValueId, usize>,
    /// Whether operators may use their specialised kernels (else only the portable ones).
    pub specialised: bool,
    /// Loop and Scan iterations unrolled so far (at most [`MAX_UNROLLED`]).
    pub unrolled: usize,
}

impl Builder {
    pub fn value(&self, id: ValueId) -> &Value {
        &self.values[id]
    }

    /// The contents of `id` if known now.
    pub fn konst(&self, id: ValueId) -> Option<&Tensor> {
        self.values[id].konst.as_ref()
    }

    /// Counts one more unrolled iteration (of a Loop or Scan body, or a recurrent layer's time
    /// step) against [`MAX_UNROLLED`].
    pub fn unroll_one(&mut self) -> Result<(), Error> {
        self.unroll(1)
    }

    /// Counts `n` more unrolled iterations at once (see [`Builder::unroll_one`]).
    pub fn unroll(&mut self, n: usize) -> Result<(), Error> {
        self.unrolled = self.unrolled.saturating_add(n);
        if self.unrolled > MAX_UNROLLED {
            return Err(Error::TooLarge(format!(
                "the model's loops, scans and recurrent layers unroll to more than \
                 {MAX_UNROLLED} iterations"
            )));
        }
        Ok(())
    }

    /// Counts `bytes` the plan is about to create against the limit.
    pub fn reserve(&mut self, bytes: usize) -> Result<(), Error> {
        match self.bytes.checked_add(bytes) {
            Some(total) if total <= self.max_bytes => {
                self.bytes = total;
                Ok(())
            }
            _ => Err(Error::TooLarge(format!(
                "the model's tensors need more than the {} bytes a plan may use ({} planned, \
                 {bytes} more)",
                self.max_bytes, self.bytes
            ))),
        }
    }

    /// A new tensor to be written by a step.
    pub fn output(&mut self, dtype: DType, shape: Vec<usize>) -> Result<ValueId, Error> {
        let bytes = checked_elements(&shape)
            .and_then(|n| n.checked_mul(dtype.size()))
            .filter(|&n| n <= u32::MAX as usize)
            .ok_or_else(|| {
                Error::Unsupported(format!("a tensor of shape {shape:?} is larger than 4 GiB"))
            })?;
        self.reserve(bytes)?;
        let id = self.values.len();
        self.values.push(Value {
            dtype,
            shape,
            konst: None,
            root: id,
        });
        Ok(id)
    }

    /// A constant tensor.
    pub fn constant(&mut self, tensor: Tensor) -> ValueId {
        let id = self.values.len();
        self.values.push(Value {
            dtype: tensor.dtype,
            shape: tensor.shape.clone(),
            konst: Some(tensor),
            root: id,
        });
        id
    }

    /// `src` under another shape with as many elements: no copy.
    pub fn view(&mut self, src: ValueId, shape: Vec<usize>) -> Result<ValueId, Error> {
        let v = &self.values[src];
        if checked_elements(&shape) != Some(v.len()) {
            return Err(Error::InvalidModel(format!(
                "cannot view a tensor of shape {:?} as {shape:?}",
                v.shape
            )));
        }
        let id = self.values.len();
        let value = Value {
            dtype: v.dtype,
            konst: v.konst.as_ref().map(|t| t.reshaped(shape.clone())),
            shape,
            root: v.root,
        };
        self.values.push(value);
        Ok(id)
    }

    /// Emits a launch; `buffers` are the inputs, `output` the tensor written.
    pub fn launch(
        &mut self,
        kernel: &'static str,
        params: Vec<i32>,
        buffers: &[ValueId],
        output: ValueId,
        items: usize,
    ) {
        if items == 0 {
            return;
        }
        let mut all = buffers.to_vec();
        all.push(output);
        self.steps.push(Step {
            kernel,
            params,
            buffers: all,
            items,
        });
    }
}
