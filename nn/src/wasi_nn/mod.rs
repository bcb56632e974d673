//! wasi-nn for Wasmtime: the ONNX backend on wasi-parallel's devices, plugged into
//! `wasmtime-wasi-nn`'s backend traits; a registry of backends that picks one per model; named
//! models shared across instances and scoped per tenant; and the `wasi_ephemeral_nn` imports.
//!
//! # Embedding
//!
//! One [`NnHost`] per process holds the devices, the backend registry and the preloaded models.
//! Each instance gets a [`WasiNn`] from [`NnHost::instance`], naming which preloaded models it may
//! see (a tenant's set; a guest can never reach a name outside it), and the imports from
//! [`add_to_linker`] (the WITX interface that the `wasi-nn` crate uses). Components use
//! `wasmtime_wasi_nn::wit::add_to_linker` with a `wasmtime_wasi_nn::wit::WasiNnCtx` made from
//! [`NnHost::backends`] and [`NnHost::registry`]: the same backends and the same shared graphs.
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
//! | an output larger than the guest's buffer | `too_large` (7) |
//! | `load_by_name` of a name this instance cannot see | `not_found` (8) |
//!
//! Every failure is also logged (target `wasi_nn`) with its reason.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use wasmtime::{Caller, Extern, Linker};
use wasmtime_wasi_nn::backend::{
    BackendError, BackendExecutionContext, BackendFromDir, BackendGraph, BackendInner, Id,
    NamedTensor,
};
use wasmtime_wasi_nn::wit::{ExecutionTarget, GraphEncoding, TensorType};
use wasmtime_wasi_nn::{Backend, ExecutionContext, Graph, GraphRegistry, Registry};

use crate::tensor::f16_to_f32;
use crate::{DType, Error, Model, NnRuntime, Prepared, Tensor};

pub use wasi_parallel_device::DeviceKind;
pub use wasmtime_wasi_nn;

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
        };
        NnFailure::new(kind, e.to_string())
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

// ---------------------------------------------------------------------------------------------
// The backend registry.

/// Whether bytes are a model a backend loads.
pub type Sniff = Arc<dyn Fn(&[u8]) -> bool + Send + Sync>;

/// A backend the host may pick: how to make one, what it takes, and whether it runs a target
/// on this machine's hardware.
#[derive(Clone)]
pub struct BackendEntry {
    /// A name for logs.
    pub name: String,
    /// The encoding it loads.
    pub encoding: GraphEncoding,
    /// Makes an instance of the backend (one per store).
    pub make: Arc<dyn Fn() -> Backend + Send + Sync>,
    /// Whether the bytes are a model it loads (for autodetect).
    pub sniff: Sniff,
    /// Whether it runs `target` on hardware present here (else it would fall back).
    pub runs_natively: Arc<dyn Fn(ExecutionTarget) -> bool + Send + Sync>,
}

impl std::fmt::Debug for BackendEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BackendEntry")
            .field("name", &self.name)
            .field("encoding", &self.encoding)
            .finish_non_exhaustive()
    }
}

/// The backends the host holds, in order of registration.
#[derive(Clone, Debug, Default)]
pub struct BackendRegistry {
    entries: Vec<BackendEntry>,
}

impl BackendRegistry {
    /// Adds a backend; earlier ones win ties.
    pub fn register(&mut self, entry: BackendEntry) {
        self.entries.push(entry);
    }

    /// The entries.
    pub fn entries(&self) -> &[BackendEntry] {
        &self.entries
    }

    /// Picks the backend for a model, by its encoding (or, for `autodetect`, by sniffing the
    /// bytes) and then by whether it runs the target on the hardware here. Returns the entry
    /// and the reason, which is logged.
    pub fn select(
        &self,
        encoding: GraphEncoding,
        bytes: Option<&[u8]>,
        target: ExecutionTarget,
    ) -> Result<(&BackendEntry, String), NnFailure> {
        let (candidates, how): (Vec<&BackendEntry>, String) =
            if encoding == GraphEncoding::Autodetect {
                let bytes = bytes.unwrap_or_default();
                let found: Vec<_> = self.entries.iter().filter(|e| (e.sniff)(bytes)).collect();
                let how = match found.first() {
                    Some(e) => format!("autodetect: the bytes are {}", e.encoding),
                    None => String::new(),
                };
                (found, how)
            } else {
                let found = self
                    .entries
                    .iter()
                    .filter(|e| e.encoding == encoding)
                    .collect();
                (found, format!("encoding {encoding}"))
            };
        if candidates.is_empty() {
            return Err(NnFailure::new(
                ErrorKind::InvalidEncoding,
                if encoding == GraphEncoding::Autodetect {
                    "autodetect: no backend recognises the model's bytes".to_string()
                } else {
                    format!("no backend loads {encoding} models")
                },
            ));
        }
        let native = candidates.iter().find(|e| (e.runs_natively)(target));
        let target = target_name(target);
        let (entry, why) = match native {
            Some(e) => (*e, format!("it runs {target} on the hardware here")),
            None => (
                candidates[0],
                format!("none runs {target} on the hardware here; the first registered"),
            ),
        };
        let reason = format!(
            "backend `{}` for {how}, target {target}: {why} ({} candidate(s))",
            entry.name,
            candidates.len()
        );
        log::debug!(target: "wasi_nn", "{reason}");
        Ok((entry, reason))
    }
}

/// A target's name as the WIT spells it.
fn target_name(target: ExecutionTarget) -> &'static str {
    match target {
        ExecutionTarget::Cpu => "cpu",
        ExecutionTarget::Gpu => "gpu",
        ExecutionTarget::Tpu => "tpu",
    }
}

// ---------------------------------------------------------------------------------------------
// The host.

/// The process-wide wasi-nn state: devices, backends and preloaded models.
pub struct NnHost {
    runtime: Arc<NnRuntime>,
    /// A device the host's configuration forces for every model (the CLI's `--device`).
    forced: Option<usize>,
    backends: Mutex<BackendRegistry>,
    /// Preloaded models by name, prepared once and shared.
    named: Mutex<HashMap<String, Graph>>,
    warned_fallback: AtomicBool,
}

impl std::fmt::Debug for NnHost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NnHost")
            .field("runtime", &self.runtime)
            .field("forced", &self.forced)
            .field("names", &self.names())
            .finish_non_exhaustive()
    }
}

impl NnHost {
    /// A host on `runtime`'s devices with our ONNX backend registered; `forced` names a device
    /// index every model runs on regardless of its target.
    pub fn new(runtime: Arc<NnRuntime>, forced: Option<usize>) -> Arc<NnHost> {
        let host = Arc::new(NnHost {
            runtime,
            forced,
            backends: Mutex::new(BackendRegistry::default()),
            named: Mutex::new(HashMap::new()),
            warned_fallback: AtomicBool::new(false),
        });
        let weak = Arc::downgrade(&host);
        let natively = Arc::downgrade(&host);
        host.register_backend(BackendEntry {
            name: "wasi-parallel-onnx".into(),
            encoding: GraphEncoding::Onnx,
            make: Arc::new(move || Backend::from(OnnxBackend { host: weak.clone() })),
            sniff: Arc::new(crate::is_onnx),
            runs_natively: Arc::new(move |target| {
                natively
                    .upgrade()
                    .is_some_and(|h| h.native_device(target).is_some())
            }),
        });
        host
    }

    /// Adds a backend to the registry (an embedder's ONNX Runtime or OpenVINO backend).
    pub fn register_backend(&self, entry: BackendEntry) {
        self.backends
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .register(entry);
    }

    /// The backend registry.
    pub fn backend_registry(&self) -> BackendRegistry {
        self.backends
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// One instance of every registered backend, for a `wasmtime_wasi_nn` context. For
    /// components, an `autodetect` backend comes first; it hands the bytes to the backend the
    /// registry picks.
    pub fn backends(self: &Arc<Self>) -> Vec<Backend> {
        let registry = self.backend_registry();
        let mut out: Vec<Backend> = registry.entries().iter().map(|e| (e.make)()).collect();
        out.push(Backend::from(AutodetectBackend {
            host: Arc::downgrade(self),
        }));
        out
    }

    /// The runtime.
    pub fn runtime(&self) -> &Arc<NnRuntime> {
        &self.runtime
    }

    /// The device a target runs on without falling back, if there is one.
    fn native_device(&self, target: ExecutionTarget) -> Option<usize> {
        if let Some(forced) = self.forced {
            return Some(forced);
        }
        use wasi_parallel_device::DeviceKind as K;
        match target {
            ExecutionTarget::Cpu => self.runtime.find(K::Cpu),
            // Software GPUs (lavapipe) run GPU code at CPU speed: only a name or backend picks
            // them (`--device`), as for wasi-parallel's hints.
            ExecutionTarget::Gpu => self
                .runtime
                .find(K::DiscreteGpu)
                .or_else(|| self.runtime.find(K::IntegratedGpu)),
            ExecutionTarget::Tpu => None,
        }
    }

    /// The device for a target: its own, else the CPU, saying so once.
    pub fn device_for(&self, target: ExecutionTarget) -> Result<usize, NnFailure> {
        if let Some(d) = self.native_device(target) {
            return Ok(d);
        }
        if target == ExecutionTarget::Tpu {
            return Err(NnFailure::new(
                ErrorKind::UnsupportedOperation,
                "the tpu target is not supported: wasi-parallel runs models on GPUs and CPUs",
            ));
        }
        let cpu = self
            .runtime
            .find(wasi_parallel_device::DeviceKind::Cpu)
            .ok_or_else(|| NnFailure::new(ErrorKind::RuntimeError, "no cpu device"))?;
        if !self.warned_fallback.swap(true, Ordering::Relaxed) {
            log::warn!(
                target: "wasi_nn",
                "no GPU found for the gpu execution target: models run on the CPU ({})",
                self.runtime.devices()[cpu].info().name
            );
        }
        Ok(cpu)
    }

    /// Loads a model: picks the backend and loads the bytes with it.
    fn load_graph(
        self: &Arc<Self>,
        builders: &[&[u8]],
        encoding: GraphEncoding,
        target: ExecutionTarget,
    ) -> Result<Graph, NnFailure> {
        let registry = self.backend_registry();
        let (entry, _) = registry.select(encoding, builders.first().copied(), target)?;
        let mut backend = (entry.make)();
        backend
            .load(builders, target)
            .map_err(|e| NnFailure::new(kind_of(&e), e.to_string()))
    }

    /// Preloads a named model: parsed and prepared now, once, and shared by every instance that
    /// may see the name. `path` is the model file, or a directory holding `model.onnx`.
    pub fn preload(
        self: &Arc<Self>,
        name: &str,
        encoding: GraphEncoding,
        target: ExecutionTarget,
        path: &Path,
    ) -> Result<(), NnFailure> {
        let file = if path.is_dir() {
            path.join("model.onnx")
        } else {
            path.to_path_buf()
        };
        let bytes = std::fs::read(&file).map_err(|e| {
            NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("cannot read {}: {e}", file.display()),
            )
        })?;
        let graph = self.load_graph(&[&bytes], encoding, target).map_err(|e| {
            NnFailure::new(
                e.kind,
                format!("model `{name}` ({}): {}", file.display(), e.message),
            )
        })?;
        log::debug!(target: "wasi_nn", "preloaded model `{name}` from {}", file.display());
        self.named
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(name.to_string(), graph);
        Ok(())
    }

    /// `--wasi-nn-graph ENCODING::DIR`: the model `DIR/model.onnx`, named after the directory,
    /// as Wasmtime's `-S nn-graph` does.
    pub fn preload_graph_flag(self: &Arc<Self>, spec: &str) -> Result<String, NnFailure> {
        let (encoding, dir) = spec.split_once("::").ok_or_else(|| {
            NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("--wasi-nn-graph {spec}: expected ENCODING::DIR"),
            )
        })?;
        let encoding = parse_encoding(encoding)?;
        let path = Path::new(dir);
        if !path.is_dir() {
            return Err(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("--wasi-nn-graph {spec}: {dir} is not a directory"),
            ));
        }
        let name = path
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .ok_or_else(|| {
                NnFailure::new(
                    ErrorKind::InvalidArgument,
                    format!("--wasi-nn-graph {spec}: the directory has no name"),
                )
            })?;
        self.preload(&name, encoding, ExecutionTarget::Cpu, path)?;
        Ok(name)
    }

    /// `--nn-preload NAME:ENCODING:TARGET:PATH`, as WasmEdge spells it.
    pub fn preload_flag(self: &Arc<Self>, spec: &str) -> Result<String, NnFailure> {
        let mut parts = spec.splitn(4, ':');
        let (Some(name), Some(encoding), Some(target), Some(path)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("--nn-preload {spec}: expected NAME:ENCODING:TARGET:PATH"),
            ));
        };
        let target = match target.to_ascii_lowercase().as_str() {
            "cpu" => ExecutionTarget::Cpu,
            "gpu" => ExecutionTarget::Gpu,
            "tpu" => ExecutionTarget::Tpu,
            other => {
                return Err(NnFailure::new(
                    ErrorKind::InvalidArgument,
                    format!("--nn-preload {spec}: unknown target `{other}` (cpu, gpu, tpu)"),
                ))
            }
        };
        self.preload(name, parse_encoding(encoding)?, target, Path::new(path))?;
        Ok(name.to_string())
    }

    /// The preloaded models' names.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<_> = self
            .named
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .keys()
            .cloned()
            .collect();
        names.sort();
        names
    }

    /// A registry of the preloaded models `visible` names (all of them for `None`): the graphs
    /// are shared, not copied. Unknown names are an error.
    pub fn scoped(&self, visible: Option<&[String]>) -> Result<ScopedRegistry, NnFailure> {
        let named = self.named.lock().unwrap_or_else(PoisonError::into_inner);
        let graphs = match visible {
            None => named.clone(),
            Some(names) => names
                .iter()
                .map(|n| {
                    named.get(n).map(|g| (n.clone(), g.clone())).ok_or_else(|| {
                        NnFailure::new(ErrorKind::NotFound, format!("no preloaded model `{n}`"))
                    })
                })
                .collect::<Result<_, _>>()?,
        };
        Ok(ScopedRegistry { graphs })
    }

    /// As [`NnHost::scoped`], as a `wasmtime_wasi_nn` registry (for the WIT interface).
    pub fn registry(&self, visible: Option<&[String]>) -> Result<Registry, NnFailure> {
        Ok(Registry::from(self.scoped(visible)?))
    }

    /// The wasi-nn state of one instance, which sees the preloaded models `visible` names (all
    /// for `None`).
    pub fn instance(self: &Arc<Self>, visible: Option<&[String]>) -> Result<WasiNn, NnFailure> {
        Ok(WasiNn {
            host: self.clone(),
            registry: self.scoped(visible)?,
            graphs: Vec::new(),
            contexts: Vec::new(),
        })
    }
}

fn parse_encoding(s: &str) -> Result<GraphEncoding, NnFailure> {
    s.to_ascii_lowercase()
        .parse::<GraphEncoding>()
        .map_err(|_| {
            NnFailure::new(
                ErrorKind::InvalidEncoding,
                format!("unknown encoding `{s}`"),
            )
        })
}

/// Named models one instance may load: a tenant's view of the host's preloaded models.
#[derive(Clone)]
pub struct ScopedRegistry {
    graphs: HashMap<String, Graph>,
}

impl std::fmt::Debug for ScopedRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.graphs.keys()).finish()
    }
}

impl GraphRegistry for ScopedRegistry {
    fn get(&self, name: &str) -> Option<&Graph> {
        self.graphs.get(name)
    }
    fn get_mut(&mut self, name: &str) -> Option<&mut Graph> {
        self.graphs.get_mut(name)
    }
}

// ---------------------------------------------------------------------------------------------
// The ONNX backend.

/// Our ONNX backend, as `wasmtime-wasi-nn` sees it.
struct OnnxBackend {
    host: std::sync::Weak<NnHost>,
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
}

impl BackendInner for OnnxBackend {
    fn encoding(&self) -> GraphEncoding {
        GraphEncoding::Onnx
    }

    fn load(&mut self, builders: &[&[u8]], target: ExecutionTarget) -> Result<Graph, BackendError> {
        if builders.len() != 1 {
            return Err(BackendError::InvalidNumberOfBuilders(1, builders.len()));
        }
        let host = self.host()?;
        let device = host.device_for(target).map_err(backend_error)?;
        let model = Model::parse(builders[0]).map_err(|e| backend_error(e.into()))?;
        let prepared = host
            .runtime
            .prepare(Arc::new(model), device)
            .map_err(|e| backend_error(e.into()))?;
        log::debug!(
            target: "wasi_nn",
            "loaded an ONNX model ({} nodes) for {} on {}",
            prepared.model().node_count(),
            target_name(target),
            prepared.device_name()
        );
        let graph: Box<dyn BackendGraph> = Box::new(OnnxGraph {
            prepared: Arc::new(prepared),
        });
        Ok(graph.into())
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
struct AutodetectBackend {
    host: std::sync::Weak<NnHost>,
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
        host.load_graph(builders, GraphEncoding::Autodetect, target)
            .map_err(backend_error)
    }

    fn as_dir_loadable(&mut self) -> Option<&mut dyn BackendFromDir> {
        None
    }
}

/// A model prepared for a device, shared by every context (and, preloaded, every instance).
struct OnnxGraph {
    prepared: Arc<Prepared>,
}

impl BackendGraph for OnnxGraph {
    fn init_execution_context(&self) -> Result<ExecutionContext, BackendError> {
        let inputs = vec![None; self.prepared.model().inputs.len()];
        let context: Box<dyn BackendExecutionContext> = Box::new(OnnxExecution {
            prepared: self.prepared.clone(),
            inputs,
            outputs: Vec::new(),
        });
        Ok(context.into())
    }
}

/// One execution context: the inputs set so far and the last outputs.
struct OnnxExecution {
    prepared: Arc<Prepared>,
    inputs: Vec<Option<Tensor>>,
    outputs: Vec<Tensor>,
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
        self.inputs[index] = Some(tensor);
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
        self.outputs = self.prepared.run(&inputs)?;
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

/// Our tensor as a guest's. Bools are u8.
fn to_wasi(t: &Tensor) -> wasmtime_wasi_nn::Tensor {
    let ty = match t.dtype {
        DType::F32 => TensorType::Fp32,
        DType::F64 => TensorType::Fp64,
        DType::I32 => TensorType::I32,
        DType::I64 => TensorType::I64,
        DType::U8 | DType::Bool => TensorType::U8,
    };
    wasmtime_wasi_nn::Tensor::new(
        t.shape.iter().map(|&d| d as u32).collect(),
        ty,
        t.data.to_vec(),
    )
}

// ---------------------------------------------------------------------------------------------
// The WITX imports.

/// One instance's wasi-nn state: the models it may load by name, and its graphs and execution
/// contexts. Everything is freed with the instance's store.
pub struct WasiNn {
    host: Arc<NnHost>,
    registry: ScopedRegistry,
    graphs: Vec<Graph>,
    contexts: Vec<ExecutionContext>,
}

impl std::fmt::Debug for WasiNn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WasiNn")
            .field("names", &self.registry)
            .field("graphs", &self.graphs.len())
            .field("contexts", &self.contexts.len())
            .finish()
    }
}

/// A view of guest memory for the length of one call.
enum Mem<'a> {
    Plain(&'a mut [u8]),
    /// Other guest threads may access a shared memory concurrently, as they may during any
    /// host call that reads or writes it.
    Shared(&'a [std::cell::UnsafeCell<u8>]),
}

fn range(ptr: u32, len: u64, size: usize) -> Result<std::ops::Range<usize>, NnFailure> {
    let start = ptr as u64;
    let end = start
        .checked_add(len)
        .filter(|&e| e <= size as u64)
        .ok_or_else(|| {
            NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("guest range {start:#x}+{len} is outside its memory ({size} bytes)"),
            )
        })?;
    Ok(start as usize..end as usize)
}

impl Mem<'_> {
    fn read(&self, ptr: u32, len: u64) -> Result<Vec<u8>, NnFailure> {
        match self {
            Mem::Plain(data) => Ok(data[range(ptr, len, data.len())?].to_vec()),
            Mem::Shared(data) => {
                let r = range(ptr, len, data.len())?;
                // SAFETY: the cells are guest memory, valid for the call; see the type's docs.
                Ok(data[r].iter().map(|c| unsafe { *c.get() }).collect())
            }
        }
    }

    fn write(&mut self, ptr: u32, bytes: &[u8]) -> Result<(), NnFailure> {
        match self {
            Mem::Plain(data) => {
                let r = range(ptr, bytes.len() as u64, data.len())?;
                data[r].copy_from_slice(bytes);
            }
            Mem::Shared(data) => {
                let r = range(ptr, bytes.len() as u64, data.len())?;
                for (c, &b) in data[r].iter().zip(bytes) {
                    // SAFETY: as in `read`.
                    unsafe { *c.get() = b };
                }
            }
        }
        Ok(())
    }
}

/// Runs `f` with the instance's state and its exported memory.
fn with_memory<T>(
    caller: &mut Caller<'_, T>,
    get: impl Fn(&mut T) -> &mut WasiNn,
    f: impl FnOnce(&mut WasiNn, &mut Mem<'_>) -> Result<(), NnFailure>,
) -> Result<(), NnFailure> {
    match caller.get_export("memory") {
        Some(Extern::Memory(m)) => {
            let (data, state) = m.data_and_store_mut(caller);
            f(get(state), &mut Mem::Plain(data))
        }
        Some(Extern::SharedMemory(m)) => f(get(caller.data_mut()), &mut Mem::Shared(m.data())),
        _ => Err(NnFailure::new(
            ErrorKind::MissingMemory,
            "the guest exports no memory `memory`",
        )),
    }
}

fn encoding_of(v: u32) -> Result<GraphEncoding, NnFailure> {
    Ok(match v {
        0 => GraphEncoding::Openvino,
        1 => GraphEncoding::Onnx,
        2 => GraphEncoding::Tensorflow,
        3 => GraphEncoding::Pytorch,
        4 => GraphEncoding::Tensorflowlite,
        5 => GraphEncoding::Autodetect,
        6 => GraphEncoding::Ggml,
        _ => {
            return Err(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("unknown graph encoding {v}"),
            ))
        }
    })
}

fn target_of(v: u32) -> Result<ExecutionTarget, NnFailure> {
    Ok(match v {
        0 => ExecutionTarget::Cpu,
        1 => ExecutionTarget::Gpu,
        2 => ExecutionTarget::Tpu,
        _ => {
            return Err(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("unknown execution target {v}"),
            ))
        }
    })
}

fn tensor_type_of(v: u8) -> Result<TensorType, NnFailure> {
    Ok(match v {
        0 => TensorType::Fp16,
        1 => TensorType::Fp32,
        2 => TensorType::Fp64,
        3 => TensorType::U8,
        4 => TensorType::I32,
        5 => TensorType::I64,
        _ => {
            return Err(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("unknown tensor type {v}"),
            ))
        }
    })
}

/// The most builders one `load` takes, and the most dimensions a tensor has.
const MAX_BUILDERS: u32 = 16;
const MAX_RANK: u32 = 16;

impl WasiNn {
    fn load(&mut self, mem: &mut Mem<'_>, args: [u32; 5]) -> Result<(), NnFailure> {
        let [ptr, count, encoding, target, out] = args;
        let encoding = encoding_of(encoding)?;
        let target = target_of(target)?;
        if count > MAX_BUILDERS {
            return Err(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("{count} graph builders"),
            ));
        }
        let list = mem.read(ptr, count as u64 * 8)?;
        let builders = list
            .chunks_exact(8)
            .map(|e| {
                let p = u32::from_le_bytes([e[0], e[1], e[2], e[3]]);
                let l = u32::from_le_bytes([e[4], e[5], e[6], e[7]]);
                mem.read(p, l as u64)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let slices: Vec<&[u8]> = builders.iter().map(Vec::as_slice).collect();
        let graph = self.host.load_graph(&slices, encoding, target)?;
        let handle = self.graphs.len() as u32;
        mem.write(out, &handle.to_le_bytes())?;
        self.graphs.push(graph);
        Ok(())
    }

    fn load_by_name(&mut self, mem: &mut Mem<'_>, args: [u32; 3]) -> Result<(), NnFailure> {
        let [ptr, len, out] = args;
        let bytes = mem.read(ptr, len as u64)?;
        let name = String::from_utf8(bytes).map_err(|_| {
            NnFailure::new(ErrorKind::InvalidArgument, "the model name is not UTF-8")
        })?;
        let graph = self.registry.get(&name).cloned().ok_or_else(|| {
            NnFailure::new(
                ErrorKind::NotFound,
                format!("no model named `{name}` for this instance"),
            )
        })?;
        log::debug!(target: "wasi_nn", "load_by_name `{name}`: the preloaded graph, shared");
        let handle = self.graphs.len() as u32;
        mem.write(out, &handle.to_le_bytes())?;
        self.graphs.push(graph);
        Ok(())
    }

    fn init(&mut self, mem: &mut Mem<'_>, args: [u32; 2]) -> Result<(), NnFailure> {
        let [graph, out] = args;
        let graph = self.graphs.get(graph as usize).ok_or_else(|| {
            NnFailure::new(ErrorKind::InvalidArgument, format!("no graph {graph}"))
        })?;
        let context = graph
            .init_execution_context()
            .map_err(|e| NnFailure::new(kind_of(&e), e.to_string()))?;
        let handle = self.contexts.len() as u32;
        mem.write(out, &handle.to_le_bytes())?;
        self.contexts.push(context);
        Ok(())
    }

    fn context(&mut self, handle: u32) -> Result<&mut ExecutionContext, NnFailure> {
        self.contexts.get_mut(handle as usize).ok_or_else(|| {
            NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("no execution context {handle}"),
            )
        })
    }

    fn set_input(&mut self, mem: &mut Mem<'_>, args: [u32; 3]) -> Result<(), NnFailure> {
        let [context, index, tensor] = args;
        // struct tensor { dimensions: (ptr, len) u32s, type: u8, data: (ptr, len) bytes }
        let header = mem.read(tensor, 20)?;
        let word =
            |k: usize| u32::from_le_bytes([header[k], header[k + 1], header[k + 2], header[k + 3]]);
        let (dims_ptr, rank, ty, data_ptr, data_len) =
            (word(0), word(4), header[8], word(12), word(16));
        if rank > MAX_RANK {
            return Err(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("a tensor of rank {rank}"),
            ));
        }
        let dims = mem
            .read(dims_ptr, rank as u64 * 4)?
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let ty = tensor_type_of(ty)?;
        let data = mem.read(data_ptr, data_len as u64)?;
        let tensor = wasmtime_wasi_nn::Tensor::new(dims, ty, data);
        self.context(context)?
            .set_input(Id::Index(index), &tensor)
            .map_err(|e| NnFailure::new(kind_of(&e), e.to_string()))
    }

    fn compute(&mut self, context: u32) -> Result<(), NnFailure> {
        self.context(context)?
            .compute()
            .map_err(|e| NnFailure::new(kind_of(&e), e.to_string()))
    }

    fn get_output(&mut self, mem: &mut Mem<'_>, args: [u32; 5]) -> Result<(), NnFailure> {
        let [context, index, ptr, max, written] = args;
        let tensor = self
            .context(context)?
            .get_output(Id::Index(index))
            .map_err(|e| NnFailure::new(kind_of(&e), e.to_string()))?;
        if tensor.data.len() > max as usize {
            return Err(NnFailure::new(
                ErrorKind::TooLarge,
                format!(
                    "output {index} has {} bytes; the guest's buffer holds {max}",
                    tensor.data.len()
                ),
            ));
        }
        mem.write(ptr, &tensor.data)?;
        mem.write(written, &(tensor.data.len() as u32).to_le_bytes())?;
        Ok(())
    }
}

/// Adds the `wasi_ephemeral_nn` imports (the WITX interface) to `linker`.
pub fn add_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    get: impl Fn(&mut T) -> &mut WasiNn + Send + Sync + Copy + 'static,
) -> anyhow::Result<()> {
    const MODULE: &str = "wasi_ephemeral_nn";
    fn finish(name: &str, result: Result<(), NnFailure>) -> i32 {
        match result {
            Ok(()) => 0,
            Err(f) => {
                log::debug!(target: "wasi_nn", "{name}: {:?}: {}", f.kind, f.message);
                f.kind.errno()
            }
        }
    }
    let u = |v: i32| v as u32;
    linker.func_wrap(
        MODULE,
        "load",
        move |mut caller: Caller<'_, T>, a: i32, b: i32, c: i32, d: i32, e: i32| {
            let r = with_memory(&mut caller, get, |nn, mem| {
                nn.load(mem, [u(a), u(b), u(c), u(d), u(e)])
            });
            finish("load", r)
        },
    )?;
    linker.func_wrap(
        MODULE,
        "load_by_name",
        move |mut caller: Caller<'_, T>, a: i32, b: i32, c: i32| {
            let r = with_memory(&mut caller, get, |nn, mem| {
                nn.load_by_name(mem, [u(a), u(b), u(c)])
            });
            finish("load_by_name", r)
        },
    )?;
    linker.func_wrap(
        MODULE,
        "init_execution_context",
        move |mut caller: Caller<'_, T>, a: i32, b: i32| {
            let r = with_memory(&mut caller, get, |nn, mem| nn.init(mem, [u(a), u(b)]));
            finish("init_execution_context", r)
        },
    )?;
    linker.func_wrap(
        MODULE,
        "set_input",
        move |mut caller: Caller<'_, T>, a: i32, b: i32, c: i32| {
            let r = with_memory(&mut caller, get, |nn, mem| {
                nn.set_input(mem, [u(a), u(b), u(c)])
            });
            finish("set_input", r)
        },
    )?;
    linker.func_wrap(
        MODULE,
        "compute",
        move |mut caller: Caller<'_, T>, a: i32| {
            finish("compute", get(caller.data_mut()).compute(u(a)))
        },
    )?;
    linker.func_wrap(
        MODULE,
        "get_output",
        move |mut caller: Caller<'_, T>, a: i32, b: i32, c: i32, d: i32, e: i32| {
            let r = with_memory(&mut caller, get, |nn, mem| {
                nn.get_output(mem, [u(a), u(b), u(c), u(d), u(e)])
            });
            finish("get_output", r)
        },
    )?;
    Ok(())
}
