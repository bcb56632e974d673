//! wasi-nn for Wasmtime: the ONNX backend on wasi-parallel's devices, plugged into
//! `wasmtime-wasi-nn`'s backend traits; a registry of backends that picks one per model; named
//! models shared across instances and scoped per tenant; and the `wasi_ephemeral_nn` imports.
//!
//! # Embedding
//!
//! One [`NnHost`] per process holds the devices, the backend registry and the preloaded models.
//! Each store gets a [`WasiNnCtx`] from [`NnHost::instance`] (per store, as Wasmtime's `*Ctx`
//! types are), naming which preloaded models it may see (a tenant's set; a guest can never reach
//! a name outside it), and the imports from
//! [`add_to_linker`] (the WITX interface that the `wasi-nn` crate uses). Components use
//! `wasmtime_wasi_nn::wit::add_to_linker` with wasmtime-wasi-nn's own `wit::WasiNnCtx` from
//! [`NnHost::wit_instance`]: the same backends, the same shared graphs and the same quotas.
//!
//! # Why our own WITX glue
//!
//! `wasmtime-wasi-nn` 48's WITX glue panics the host on a guest with a shared memory and on a bad
//! guest pointer inside `load`, and it reports a missing backend and an unknown name as
//! `unsupported_operation` and every backend failure as `runtime_error`. [`add_to_linker`] serves
//! the same ABI over the same backend traits, with the errors a guest expects:
//!
//! | situation | errno |
//! |---|---|
//! | a pointer or length outside guest memory, an unknown enum value, a bad handle, an input index out of range, a tensor whose type, rank or shape the model does not take | `invalid_argument` (1) |
//! | an encoding no registered backend takes, or bytes that are no model of the encoding | `invalid_encoding` (2) |
//! | the guest exports no memory | `missing_memory` (3) |
//! | the compute failed on the device | `runtime_error` (5) |
//! | an operator or type the backend does not implement, the `tpu` target | `unsupported_operation` (6) |
//! | an output larger than the guest's buffer; a model whose plan needs more than 4 GiB; more than [`MAX_GRAPHS`] graphs or [`MAX_CONTEXTS`] execution contexts in one instance; models, plans and tensors past the instance's byte quota ([`NnHost::set_instance_bytes_limit`], 4 GiB by default) or the host's ([`crate::NnRuntime::set_bytes_limit`], 16 GiB by default) | `too_large` (7) |
//! | `load_by_name` of a name this instance cannot see | `not_found` (8) |
//!
//! Every failure is also logged (target `wasi_nn`) with its reason.
//!
//! # Layout
//! `registry.rs` picks a backend per model; `host.rs` holds the process-wide state ([`NnHost`])
//! and the per-tenant views of its named models; `onnx.rs` is our backend for
//! `wasmtime-wasi-nn`'s traits; `witx.rs` is the per-store context ([`WasiNnCtx`]) and the
//! `wasi_ephemeral_nn` imports.
//! This file holds what they share: the errors, in wasi-nn's terms.

use wasmtime_wasi_nn::backend::BackendError;

use crate::Error;

mod host;
mod onnx;
mod registry;
mod witx;

pub use host::{NnHost, ScopedRegistry};
pub use registry::{BackendEntry, BackendRegistry, Sniff};
pub use wasi_parallel_device::DeviceKind;
pub use wasmtime_wasi_nn;
pub use witx::{add_to_linker, WasiNnCtx, MAX_CONTEXTS, MAX_GRAPHS};

/// What went wrong, in wasi-nn's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The guest passed something invalid.
    InvalidArgument,
    /// No backend takes the encoding, or the bytes are not a model.
    InvalidEncoding,
    /// The guest exports no memory.
    MissingMemory,
    /// The compute failed.
    RuntimeError,
    /// Not implemented by the backend.
    UnsupportedOperation,
    /// An output larger than the guest's buffer.
    TooLarge,
    /// No such model name.
    NotFound,
}

impl ErrorKind {
    /// The WITX `nn_errno` value.
    pub fn errno(self) -> i32 {
        match self {
            ErrorKind::InvalidArgument => 1,
            ErrorKind::InvalidEncoding => 2,
            ErrorKind::MissingMemory => 3,
            ErrorKind::RuntimeError => 5,
            ErrorKind::UnsupportedOperation => 6,
            ErrorKind::TooLarge => 7,
            ErrorKind::NotFound => 8,
        }
    }
}

/// A failure with its wasi-nn kind; carried inside `BackendError` across the backend traits.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct NnFailure {
    /// The kind.
    pub kind: ErrorKind,
    /// What happened.
    pub message: String,
}

impl NnFailure {
    fn new(kind: ErrorKind, message: impl Into<String>) -> NnFailure {
        NnFailure {
            kind,
            message: message.into(),
        }
    }
}

impl From<Error> for NnFailure {
    fn from(e: Error) -> NnFailure {
        let kind = match &e {
            Error::InvalidModel(_) => ErrorKind::InvalidEncoding,
            Error::Unsupported(_) => ErrorKind::UnsupportedOperation,
            Error::InvalidInput(_) => ErrorKind::InvalidArgument,
            Error::Kernel { .. } | Error::Run(_) | Error::Device(_) => ErrorKind::RuntimeError,
            Error::TooLarge(_) => ErrorKind::TooLarge,
        };
        NnFailure::new(kind, e.to_string())
    }
}

/// A backend's failure with its message: ours carry theirs, and other backends' errors keep their
/// causes (`BackendError`'s own text, "Failed while accessing backend", says nothing).
impl From<BackendError> for NnFailure {
    fn from(e: BackendError) -> NnFailure {
        let kind = kind_of(&e);
        let message = match &e {
            BackendError::BackendAccess(inner) => match inner.downcast_ref::<NnFailure>() {
                Some(f) => f.message.clone(),
                None => format!("{inner:#}"),
            },
            other => other.to_string(),
        };
        NnFailure::new(kind, message)
    }
}

fn backend_error(f: NnFailure) -> BackendError {
    BackendError::BackendAccess(wasmtime::Error::new(f))
}

/// The kind of a backend error: ours carry it, others' are runtime errors (except the few
/// `BackendError` variants that say more).
pub fn kind_of(e: &BackendError) -> ErrorKind {
    match e {
        BackendError::BackendAccess(inner) => inner
            .downcast_ref::<NnFailure>()
            .map_or(ErrorKind::RuntimeError, |f| f.kind),
        BackendError::GuestAccess(_) | BackendError::InvalidNumberOfBuilders(..) => {
            ErrorKind::InvalidArgument
        }
        BackendError::NotEnoughMemory(_) => ErrorKind::TooLarge,
        BackendError::UnsupportedTensorType(_) => ErrorKind::InvalidArgument,
    }
}
