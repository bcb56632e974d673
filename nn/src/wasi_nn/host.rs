//! The process-wide host ([`NnHost`]): devices, the backend registry and the preloaded named
//! models, and the per-tenant views of those models ([`ScopedRegistry`]).

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use wasmtime_wasi_nn::wit::{ExecutionTarget, GraphEncoding};
use wasmtime_wasi_nn::{Backend, Graph, GraphRegistry, Registry};

use crate::quota::ByteQuota;
use crate::{NnRuntime, Prepared};

use super::onnx::{self, AutodetectBackend, OnnxBackend};
use super::{BackendEntry, BackendRegistry, ErrorKind, NnFailure, WasiNnCtx};

/// The process-wide wasi-nn state: devices, backends and preloaded models.
pub struct NnHost {
    pub(super) runtime: Arc<NnRuntime>,
    /// A device the host's configuration forces for every model (the CLI's `--device`).
    forced: Option<usize>,
    backends: Mutex<BackendRegistry>,
    /// How our own backend's registry entry makes it: by this, [`NnHost::load_graph`] knows
    /// the entry and makes the backend with an instance's quota instead.
    own: MakeBackend,
    /// Preloaded models by name, prepared once and shared.
    named: Mutex<HashMap<String, Named>>,
    /// The byte quota of each instance made from now on.
    instance_bytes: AtomicU64,
    warned_fallback: AtomicBool,
}

/// A registry entry's way of making its backend.
type MakeBackend = Arc<dyn Fn() -> Backend + Send + Sync>;

/// A preloaded model: its graph, and when our backend loaded it, the prepared model, from which
/// each instance gets a graph whose contexts count against the instance's quota.
#[derive(Clone)]
struct Named {
    graph: Graph,
    prepared: Option<Arc<Prepared>>,
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
        let host = Arc::new_cyclic(|weak: &std::sync::Weak<NnHost>| {
            let weak = weak.clone();
            NnHost {
                runtime,
                forced,
                backends: Mutex::new(BackendRegistry::default()),
                own: Arc::new(move || {
                    Backend::from(OnnxBackend {
                        host: weak.clone(),
                        quota: None,
                    })
                }),
                named: Mutex::new(HashMap::new()),
                instance_bytes: AtomicU64::new(crate::DEFAULT_NN_INSTANCE_BYTES),
                warned_fallback: AtomicBool::new(false),
            }
        });
        let natively = Arc::downgrade(&host);
        host.register_backend(BackendEntry {
            name: "wasi-parallel-onnx".into(),
            encoding: GraphEncoding::Onnx,
            make: host.own.clone(),
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

    /// One instance of every registered backend, for a `wasmtime_wasi_nn` context, counting
    /// what ours loads against the host's quota only (see [`NnHost::wit_instance`] for a
    /// context with a quota of its own). An `autodetect` backend comes last; it hands the bytes
    /// to the backend the registry picks.
    pub fn backends(self: &Arc<Self>) -> Vec<Backend> {
        self.backends_for(None)
    }

    /// As [`NnHost::backends`], our backend counting against `quota` (an instance's).
    fn backends_for(self: &Arc<Self>, quota: Option<&Arc<ByteQuota>>) -> Vec<Backend> {
        let registry = self.backend_registry();
        let mut out: Vec<Backend> = registry
            .entries()
            .iter()
            .map(|e| self.make(e, quota))
            .collect();
        out.push(Backend::from(AutodetectBackend {
            host: Arc::downgrade(self),
            quota: quota.cloned(),
        }));
        out
    }

    /// Makes the backend of `entry`; ours counts against `quota` when one is given.
    fn make(self: &Arc<Self>, entry: &BackendEntry, quota: Option<&Arc<ByteQuota>>) -> Backend {
        if self.is_ours(entry) {
            Backend::from(self.onnx(quota))
        } else {
            (entry.make)()
        }
    }

    /// Whether `entry` is our own backend's registry entry.
    fn is_ours(&self, entry: &BackendEntry) -> bool {
        Arc::ptr_eq(&entry.make, &self.own)
    }

    fn onnx(self: &Arc<Self>, quota: Option<&Arc<ByteQuota>>) -> OnnxBackend {
        OnnxBackend {
            host: Arc::downgrade(self),
            quota: quota.cloned(),
        }
    }

    /// Sets the byte quota of each instance made from now on ([`NnHost::instance`],
    /// [`NnHost::wit_instance`]): the models it loads from bytes, with their plans and
    /// constants, and its execution contexts' tensors, all inside the host's quota
    /// ([`NnRuntime::set_bytes_limit`]). Default 4 GiB ([`crate::DEFAULT_NN_INSTANCE_BYTES`]).
    /// Preloaded models count against the host's quota only.
    pub fn set_instance_bytes_limit(&self, bytes: u64) {
        self.instance_bytes.store(bytes, Ordering::Relaxed);
    }

    /// A new instance's quota.
    fn instance_quota(&self) -> Arc<ByteQuota> {
        self.runtime
            .quota()
            .child(self.instance_bytes.load(Ordering::Relaxed))
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

    /// Loads a model: picks the backend and loads the bytes with it, ours counting against
    /// `quota` (else the host's). Returns the prepared model too when ours loaded it.
    pub(super) fn load_graph(
        self: &Arc<Self>,
        builders: &[&[u8]],
        encoding: GraphEncoding,
        target: ExecutionTarget,
        quota: Option<&Arc<ByteQuota>>,
    ) -> Result<(Graph, Option<Arc<Prepared>>), NnFailure> {
        let registry = self.backend_registry();
        let (entry, _) = registry.select(encoding, builders.first().copied(), target)?;
        let failed = NnFailure::from;
        if self.is_ours(entry) {
            let (prepared, quota) = self.onnx(quota).prepare(builders, target).map_err(failed)?;
            return Ok((onnx::graph(prepared.clone(), quota), Some(prepared)));
        }
        let graph = (entry.make)().load(builders, target).map_err(failed)?;
        Ok((graph, None))
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
        let (graph, prepared) =
            self.load_graph(&[&bytes], encoding, target, None)
                .map_err(|e| {
                    NnFailure::new(
                        e.kind,
                        format!("model `{name}` ({}): {}", file.display(), e.message),
                    )
                })?;
        log::debug!(target: "wasi_nn", "preloaded model `{name}` from {}", file.display());
        self.named
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(name.to_string(), Named { graph, prepared });
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

    /// A registry of the preloaded models `visible` names (all of them for `None`): the models
    /// are shared, not copied, and their contexts count against the host's quota only. Unknown
    /// names are an error.
    pub fn scoped(&self, visible: Option<&[String]>) -> Result<ScopedRegistry, NnFailure> {
        self.scoped_for(visible, None)
    }

    /// As [`NnHost::scoped`], with the contexts of our models counting against `quota`.
    fn scoped_for(
        &self,
        visible: Option<&[String]>,
        quota: Option<&Arc<ByteQuota>>,
    ) -> Result<ScopedRegistry, NnFailure> {
        let named = self.named.lock().unwrap_or_else(PoisonError::into_inner);
        let graph = |n: &Named| match (&n.prepared, quota) {
            (Some(prepared), Some(quota)) => onnx::graph(prepared.clone(), quota.clone()),
            _ => n.graph.clone(),
        };
        let graphs = match visible {
            None => named.iter().map(|(k, n)| (k.clone(), graph(n))).collect(),
            Some(names) => names
                .iter()
                .map(|k| {
                    named.get(k).map(|n| (k.clone(), graph(n))).ok_or_else(|| {
                        NnFailure::new(ErrorKind::NotFound, format!("no preloaded model `{k}`"))
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
    /// for `None`), with a byte quota of its own ([`NnHost::set_instance_bytes_limit`]).
    pub fn instance(self: &Arc<Self>, visible: Option<&[String]>) -> Result<WasiNnCtx, NnFailure> {
        let quota = self.instance_quota();
        Ok(WasiNnCtx {
            host: self.clone(),
            registry: self.scoped_for(visible, Some(&quota))?,
            graphs: Vec::new(),
            contexts: Vec::new(),
            quota,
        })
    }

    /// As [`NnHost::instance`], for a component: a `wasmtime_wasi_nn` WIT context with our
    /// backends and the preloaded models `visible` names, counting what it loads and holds
    /// against a byte quota of its own, inside the host's.
    pub fn wit_instance(
        self: &Arc<Self>,
        visible: Option<&[String]>,
    ) -> Result<wasmtime_wasi_nn::wit::WasiNnCtx, NnFailure> {
        let quota = self.instance_quota();
        let registry = Registry::from(self.scoped_for(visible, Some(&quota))?);
        Ok(wasmtime_wasi_nn::wit::WasiNnCtx::new(
            self.backends_for(Some(&quota)),
            registry,
        ))
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
