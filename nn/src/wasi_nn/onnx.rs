//! Our ONNX backend, as `wasmtime-wasi-nn`'s backend traits see it: graphs are models prepared
//! on a device, execution contexts hold the inputs set and the outputs of the last compute.

use std::path::Path;
use std::sync::Arc;

use wasmtime_wasi_nn::backend::{
    BackendError, BackendExecutionContext, BackendFromDir, BackendGraph, BackendInner, Id,
    NamedTensor,
};
use wasmtime_wasi_nn::wit::{ExecutionTarget, GraphEncoding, TensorType};
use wasmtime_wasi_nn::{ExecutionContext, Graph};

use crate::quota::{ByteQuota, Reservation};
use crate::tensor::f16_to_f32;
use crate::{DType, Error, Model, Prepared, Tensor};

use super::registry::target_name;
use super::{backend_error, ErrorKind, NnFailure, NnHost};

/// Our ONNX backend, as `wasmtime-wasi-nn` sees it.
pub(super) struct OnnxBackend {
    pub(super) host: std::sync::Weak<NnHost>,
    /// What the models it loads, and their contexts' tensors, count against: an instance's
    /// quota, or with `None` the host's.
    pub(super) quota: Option<Arc<ByteQuota>>,
}

impl OnnxBackend {
    fn host(&self) -> Result<Arc<NnHost>, BackendError> {
        self.host.upgrade().ok_or_else(|| {
            backend_error(NnFailure::new(
                ErrorKind::RuntimeError,
                "the wasi-nn host is gone",
            ))
        })
    }

    /// Parses a model and prepares it for the target's device, counting it against the
    /// backend's quota; returns the quota too.
    pub(super) fn prepare(
        &self,
        builders: &[&[u8]],
        target: ExecutionTarget,
    ) -> Result<(Arc<Prepared>, Arc<ByteQuota>), BackendError> {
        if builders.len() != 1 {
            return Err(BackendError::InvalidNumberOfBuilders(1, builders.len()));
        }
        let host = self.host()?;
        let quota = self
            .quota
            .clone()
            .unwrap_or_else(|| host.runtime.quota().clone());
        let device = host.device_for(target).map_err(backend_error)?;
        let model = Model::parse(builders[0]).map_err(|e| backend_error(e.into()))?;
        let prepared = host
            .runtime
            .prepare_within(Arc::new(model), device, &quota)
            .map_err(|e| backend_error(e.into()))?;
        log::debug!(
            target: "wasi_nn",
            "loaded an ONNX model ({} nodes) for {} on {}",
            prepared.model().node_count(),
            target_name(target),
            prepared.device_name()
        );
        Ok((Arc::new(prepared), quota))
    }
}

/// A graph of a prepared model whose execution contexts count their tensors against `quota`.
pub(super) fn graph(prepared: Arc<Prepared>, quota: Arc<ByteQuota>) -> Graph {
    let graph: Box<dyn BackendGraph> = Box::new(OnnxGraph { prepared, quota });
    graph.into()
}

impl BackendInner for OnnxBackend {
    fn encoding(&self) -> GraphEncoding {
        GraphEncoding::Onnx
    }

    fn load(&mut self, builders: &[&[u8]], target: ExecutionTarget) -> Result<Graph, BackendError> {
        let (prepared, quota) = self.prepare(builders, target)?;
        Ok(graph(prepared, quota))
    }

    fn as_dir_loadable(&mut self) -> Option<&mut dyn BackendFromDir> {
        Some(self)
    }
}

impl BackendFromDir for OnnxBackend {
    fn load_from_dir(
        &mut self,
        dir: &Path,
        target: ExecutionTarget,
    ) -> Result<Graph, BackendError> {
        let bytes = std::fs::read(dir.join("model.onnx")).map_err(|e| {
            backend_error(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("{}/model.onnx: {e}", dir.display()),
            ))
        })?;
        self.load(&[&bytes], target)
    }
}

/// Hands models to the backend the registry picks for their bytes: the `autodetect` encoding.
pub(super) struct AutodetectBackend {
    pub(super) host: std::sync::Weak<NnHost>,
    /// As [`OnnxBackend::quota`].
    pub(super) quota: Option<Arc<ByteQuota>>,
}

impl BackendInner for AutodetectBackend {
    fn encoding(&self) -> GraphEncoding {
        GraphEncoding::Autodetect
    }

    fn load(&mut self, builders: &[&[u8]], target: ExecutionTarget) -> Result<Graph, BackendError> {
        let host = self.host.upgrade().ok_or_else(|| {
            backend_error(NnFailure::new(
                ErrorKind::RuntimeError,
                "the wasi-nn host is gone",
            ))
        })?;
        host.load_graph(
            builders,
            GraphEncoding::Autodetect,
            target,
            self.quota.as_ref(),
        )
        .map(|(graph, _)| graph)
        .map_err(backend_error)
    }

    fn as_dir_loadable(&mut self) -> Option<&mut dyn BackendFromDir> {
        None
    }
}

/// A model prepared for a device, shared by every context (and, preloaded, every instance),
/// as one instance sees it.
struct OnnxGraph {
    prepared: Arc<Prepared>,
    /// What its contexts' tensors count against: the instance's quota.
    quota: Arc<ByteQuota>,
}

impl BackendGraph for OnnxGraph {
    fn init_execution_context(&self) -> Result<ExecutionContext, BackendError> {
        let inputs = vec![None; self.prepared.model().inputs.len()];
        let held = (0..inputs.len()).map(|_| None).collect();
        let context: Box<dyn BackendExecutionContext> = Box::new(OnnxExecution {
            prepared: self.prepared.clone(),
            quota: self.quota.clone(),
            inputs,
            held,
            outputs: Vec::new(),
            outputs_held: None,
        });
        Ok(context.into())
    }
}

/// One execution context: the inputs set so far and the last outputs.
struct OnnxExecution {
    prepared: Arc<Prepared>,
    /// What its tensors count against.
    quota: Arc<ByteQuota>,
    inputs: Vec<Option<Tensor>>,
    /// Each input's bytes, counted while it is held.
    held: Vec<Option<Reservation>>,
    outputs: Vec<Tensor>,
    /// The outputs' bytes, likewise.
    outputs_held: Option<Reservation>,
}

impl OnnxExecution {
    fn input_index(&self, id: &Id) -> Result<usize, NnFailure> {
        find(id, &self.prepared.model().inputs, "input")
    }

    fn output_index(&self, id: &Id) -> Result<usize, NnFailure> {
        find(id, &self.prepared.model().outputs, "output")
    }

    fn set(&mut self, id: Id, tensor: &wasmtime_wasi_nn::Tensor) -> Result<(), NnFailure> {
        let index = self.input_index(&id)?;
        let info = &self.prepared.model().inputs[index];
        let tensor = from_wasi(tensor)?;
        if tensor.dtype != info.dtype {
            return Err(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!(
                    "input `{}` is {}, not {}",
                    info.name, info.dtype, tensor.dtype
                ),
            ));
        }
        if let Some(dims) = &info.dims {
            let fits = dims.len() == tensor.shape.len()
                && dims
                    .iter()
                    .zip(&tensor.shape)
                    .all(|(d, &s)| !matches!(d, crate::Dim::Fixed(n) if *n != s));
            if !fits {
                return Err(NnFailure::new(
                    ErrorKind::InvalidArgument,
                    format!(
                        "input `{}` takes shape {dims:?}, not {:?}",
                        info.name, tensor.shape
                    ),
                ));
            }
        }
        // The old tensor's bytes go back before the new one's are taken.
        self.inputs[index] = None;
        self.held[index] = None;
        let held = self
            .quota
            .reserve(tensor.data.len() as u64, "an input tensor")?;
        self.inputs[index] = Some(tensor);
        self.held[index] = Some(held);
        Ok(())
    }

    fn run(&mut self) -> Result<(), NnFailure> {
        let model = self.prepared.model().clone();
        let inputs = self
            .inputs
            .iter()
            .zip(&model.inputs)
            .map(|(t, info)| {
                t.clone().ok_or_else(|| {
                    NnFailure::new(
                        ErrorKind::InvalidArgument,
                        format!("input `{}` was not set", info.name),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        self.outputs = Vec::new();
        self.outputs_held = None;
        let outputs = self.prepared.run(&inputs)?;
        let bytes = outputs.iter().map(|t| t.data.len() as u64).sum();
        self.outputs_held = Some(self.quota.reserve(bytes, "the outputs of a compute")?);
        self.outputs = outputs;
        Ok(())
    }
}

impl BackendExecutionContext for OnnxExecution {
    fn set_input(&mut self, id: Id, tensor: &wasmtime_wasi_nn::Tensor) -> Result<(), BackendError> {
        self.set(id, tensor).map_err(backend_error)
    }

    fn get_output(&mut self, id: Id) -> Result<wasmtime_wasi_nn::Tensor, BackendError> {
        let index = self.output_index(&id).map_err(backend_error)?;
        let tensor = self.outputs.get(index).ok_or_else(|| {
            backend_error(NnFailure::new(
                ErrorKind::InvalidArgument,
                "no outputs yet: call compute first",
            ))
        })?;
        Ok(to_wasi(tensor))
    }

    fn compute(
        &mut self,
        inputs: Option<Vec<NamedTensor>>,
    ) -> Result<Option<Vec<NamedTensor>>, BackendError> {
        let named = inputs.is_some();
        for t in inputs.into_iter().flatten() {
            self.set(Id::Name(t.name), &t.tensor)
                .map_err(backend_error)?;
        }
        self.run().map_err(backend_error)?;
        if !named {
            return Ok(None);
        }
        let model = self.prepared.model();
        Ok(Some(
            model
                .outputs
                .iter()
                .zip(&self.outputs)
                .map(|(info, t)| NamedTensor {
                    name: info.name.clone(),
                    tensor: to_wasi(t),
                })
                .collect(),
        ))
    }
}

/// The position of an input or output named by index, by name, or by its index as a name ("0"),
/// as wasmtime-wasi-nn's own ONNX backend accepts.
fn find(id: &Id, list: &[crate::ValueInfo], what: &str) -> Result<usize, NnFailure> {
    let found = match id {
        Id::Index(i) => Some(*i as usize),
        Id::Name(name) => list
            .iter()
            .position(|v| v.name == *name)
            .or_else(|| name.parse::<usize>().ok()),
    };
    found.filter(|&i| i < list.len()).ok_or_else(|| {
        NnFailure::new(
            ErrorKind::InvalidArgument,
            format!("the model has no {what} {id:?} (it has {})", list.len()),
        )
    })
}

/// A guest tensor as ours: f16 and bf16 become f32.
fn from_wasi(t: &wasmtime_wasi_nn::Tensor) -> Result<Tensor, NnFailure> {
    let shape: Vec<usize> = t.dimensions.iter().map(|&d| d as usize).collect();
    let bad = |e: Error| NnFailure::new(ErrorKind::InvalidArgument, e.to_string());
    let (dtype, data) = match t.ty {
        TensorType::Fp32 => (DType::F32, t.data.clone()),
        TensorType::Fp64 => (DType::F64, t.data.clone()),
        TensorType::I32 => (DType::I32, t.data.clone()),
        TensorType::I64 => (DType::I64, t.data.clone()),
        TensorType::U8 => (DType::U8, t.data.clone()),
        TensorType::Fp16 | TensorType::Bf16 => {
            if !t.data.len().is_multiple_of(2) {
                return Err(NnFailure::new(
                    ErrorKind::InvalidArgument,
                    "a 16-bit tensor with an odd byte count",
                ));
            }
            let widen = |h: u16| match t.ty {
                TensorType::Fp16 => f16_to_f32(h),
                _ => f32::from_bits((h as u32) << 16),
            };
            let data = t
                .data
                .chunks_exact(2)
                .flat_map(|b| widen(u16::from_le_bytes([b[0], b[1]])).to_le_bytes())
                .collect();
            (DType::F32, data)
        }
    };
    Tensor::new(dtype, shape, data).map_err(bad)
}

/// Our tensor as a guest's. Bools are u8; i8 tensors, for which wasi-nn has no type, are i32
/// (their values, not their bytes).
fn to_wasi(t: &Tensor) -> wasmtime_wasi_nn::Tensor {
    let (ty, data) = match t.dtype {
        DType::F32 => (TensorType::Fp32, t.data.to_vec()),
        DType::F64 => (TensorType::Fp64, t.data.to_vec()),
        DType::I32 => (TensorType::I32, t.data.to_vec()),
        DType::I64 => (TensorType::I64, t.data.to_vec()),
        DType::U8 | DType::Bool => (TensorType::U8, t.data.to_vec()),
        DType::I8 => (
            TensorType::I32,
            t.data
                .iter()
                .flat_map(|&b| i32::from(b as i8).to_le_bytes())
                .collect(),
        ),
    };
    wasmtime_wasi_nn::Tensor::new(t.shape.iter().map(|&d| d as u32).collect(), ty, data)
}
