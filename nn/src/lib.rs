//! ONNX inference on wasi-parallel's devices, and a wasi-nn backend for Wasmtime.
//!
//! A model is parsed once ([`Model::parse`], with prost from the official `onnx.proto`), prepared
//! once per device ([`NnRuntime::prepare`]), and planned once per set of input shapes: types and
//! shapes inferred, constants folded, intermediate buffers planned and reused, and every operator
//! turned into launches of a kernel. The kernels are the operators' one portable definition
//! (`nn/wasm-kernels/kernels.rs`, with the codes and parameter layouts they share with the host
//! in `nn/wasm-kernels/abi.rs`), built for wasm32 and run like guest kernels: as Wasm on the CPU executor,
//! translated by `wasi-parallel-translator` on GPUs (WGSL/SPIR-V through wgpu, OpenCL C). Tensors
//! stay on the device between operators; only inputs and outputs cross.
//!
//! On the CPU executor, the hottest kernels (convolutions, pooling, broadcast arithmetic) also run
//! as native code on the same buffers, on a spinning thread team (`native.rs`: a GEMM with the
//! weights packed once per plan and the bias and activation applied in registers, and a direct
//! convolution for depthwise and few-tap convolutions, both with AVX/FMA). Each is a drop-in for
//! its portable kernel and tested against it; [`NnRuntime::set_specialised_kernels`] turns
//! them off. Before planning, decomposed HardSwish (`x * Clip(x + 3, 0, 6) / 6`) is recognised,
//! and BatchNormalization, separate per-channel biases and piecewise-linear activations are
//! folded into the convolution before them, on every device.
//!
//! Element types: f32, f64, i32, i64, u8 and bool. The neural-network operators compute in f32;
//! FLOAT16 weights and f16 guest tensors are held and computed as f32.
//!
//! [`wasi_nn`] plugs this into `wasmtime-wasi-nn`: its backend traits, a registry of named models
//! scoped per tenant, and the `wasi_ephemeral_nn` imports for core modules.
//!
//! # Layers
//! Each module uses only those below it, so there are no import circles:
//!
//! - `abi` (the kernels' codes and parameter layouts, shared with `nn/wasm-kernels/`) and `team`
//!   (the spinning thread team) use nothing else of the crate;
//! - `tensor` (element types and host tensors);
//! - `model` (the ONNX parser; it knows no operators: [`Model::parse`], here in the crate root,
//!   hands it the operator table's [`is_supported`]);
//! - `rewrite` (fusions on the model) and `graph` (the tensors and launches operators emit into);
//! - `ops` (the operators, emitting into `graph`) and `native` (the CPU's native kernels);
//! - `plan` (the planning driver: calls the operators, assigns buffers);
//! - `quota` (the bytes models, plans and tensors may hold; it uses nothing else of the crate
//!   but its error);
//! - `exec` (prepares models on devices and runs plans);
//! - [`wasi_nn`] (the wasi-nn backend and imports, on the public API).

#[path = "../wasm-kernels/abi.rs"]
mod abi;
mod exec;
pub mod fixtures;
mod graph;
mod model;
mod native;
pub mod ops;
mod plan;
mod quota;
mod rewrite;
mod team;
mod tensor;
pub mod wasi_nn;

pub use exec::{LaunchTime, NnRuntime, Prepared};
pub use model::{decode_tensor_proto, is_onnx, proto as onnx, Dim, Model, ValueInfo};
pub use ops::{is_supported, supported};
pub use quota::{DEFAULT_NN_BYTES, DEFAULT_NN_INSTANCE_BYTES};
pub use tensor::{f16_to_f32, DType, Tensor};

/// Errors from parsing, planning and running models.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The bytes are not a valid ONNX model, or the model breaks ONNX's rules.
    #[error("invalid model: {0}")]
    InvalidModel(String),
    /// The model uses something not implemented (an operator, a type, an attribute value).
    #[error("unsupported: {0}")]
    Unsupported(String),
    /// Inputs that do not fit the model (count, type, shape).
    #[error("invalid input: {0}")]
    InvalidInput(String),
    /// An operator kernel that cannot be built for a device.
    #[error("operator kernel {kernel} cannot run on {device}: {reason}")]
    Kernel {
        /// The kernel.
        kernel: &'static str,
        /// The device.
        device: String,
        /// Why.
        reason: String,
    },
    /// A launch failed.
    #[error("run failed: {0}")]
    Run(String),
    /// A device error.
    #[error("device: {0}")]
    Device(String),
    /// The model needs more memory than one plan may use ([`NnRuntime::set_plan_bytes_limit`]),
    /// or than the runtime's, or an instance's, models, plans and tensors may hold together
    /// ([`NnRuntime::set_bytes_limit`], [`wasi_nn::NnHost::set_instance_bytes_limit`]).
    #[error("too large: {0}")]
    TooLarge(String),
}

impl Model {
    /// Decodes and checks a model: every operator must be implemented ([`is_supported`]), every
    /// tensor typed with a supported type, and the nodes in topological order.
    pub fn parse(bytes: &[u8]) -> Result<Model, Error> {
        Model::decode(bytes, ops::is_supported)
    }
}

impl From<wasi_parallel_device::DeviceError> for Error {
    fn from(e: wasi_parallel_device::DeviceError) -> Error {
        Error::Device(e.to_string())
    }
}

impl Error {
    /// The same error, saying which node it is about.
    pub(crate) fn in_node(self, node: &model::Node) -> Error {
        let label = node.label();
        match self {
            Error::InvalidModel(m) => Error::InvalidModel(format!("{label}: {m}")),
            Error::Unsupported(m) => Error::Unsupported(format!("{label}: {m}")),
            Error::InvalidInput(m) => Error::InvalidInput(format!("{label}: {m}")),
            other => other,
        }
    }
}
