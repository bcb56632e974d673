//! The process-wide host ([`NnHost`]): devices, the backend registry and the preloaded named
//! models, and the per-tenant views of those models ([`ScopedRegistry`]).

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use wasmtime_wasi_nn::wit::{ExecutionTarget, GraphEncoding};
use wasmtime_wasi_nn::{Backend, Graph, GraphRegistry, Registry};

use crate::NnRuntime;

use super::onnx::{AutodetectBackend, OnnxBackend};
use super::{kind_of, BackendEntry, BackendRegistry, ErrorKind, NnFailure, WasiNnCtx};

/// The process-wide wasi-nn state: devices, backends and preloaded models.
pub struct NnHost {
    pub(super) runtime: Arc<NnRuntime>,
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
    pub(super) fn load_graph(
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
    pub fn instance(self: &Arc<Self>, visible: Option<&[String]>) -> Result<WasiNnCtx, NnFailure> {
        Ok(WasiNnCtx {
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
