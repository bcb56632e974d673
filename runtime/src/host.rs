//! The process-wide host: [`WasiParallelHost`], shared by every instance.
//!
//! It owns the devices (and so the CPU worker pool), the tuner and the kernel cache: a kernel is
//! compiled once per (guest module or kernel module, kernel, device, workgroup size), by
//! [`wasi_parallel_device::compile_kernel`], whichever instance asks first, and every later
//! launch in every instance reuses it. Per-store state is [`crate::WasiParallelCtx`].

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use wasi_parallel_device::{
    self as device, compile_kernel, CompileOptions, Device, DeviceKind, Kernel, KernelEntry,
    KernelInput,
};

use crate::errno::Failure;
use crate::tune::{self, Knob, Setting, Tuner};

/// Which device `get_device` returns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum DevicePreference {
    /// Follow the guest's hint (the ABI's rule).
    #[default]
    Auto,
    /// The first device of this kind, whatever the hint.
    Kind(DeviceKind),
    /// The device with this name (see `wasi-parallel devices`), or the first device of the
    /// backend of that name (`wgpu`, `opencl`), or for `gpu` the best GPU, whatever the hint.
    Named(String),
}

/// What guests may hold (see the ABI's "Limits"). Over a quota, `create_buffer` returns
/// `OUT_OF_MEMORY`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotas {
    /// Live buffers one instance may hold, on all its devices together.
    pub buffers_per_instance: u32,
    /// Bytes of live buffers one instance may hold, on all its devices together.
    pub buffer_bytes_per_instance: u64,
    /// Bytes of live buffers all instances of the host may hold together.
    pub buffer_bytes: u64,
}

impl Default for Quotas {
    /// 65,536 buffers and 4 GiB per instance, 16 GiB per host.
    fn default() -> Quotas {
        Quotas {
            buffers_per_instance: 1 << 16,
            buffer_bytes_per_instance: 4 << 30,
            buffer_bytes: 16 << 30,
        }
    }
}

/// Compiled kernels the host keeps; past this the cache is emptied (kernels in use stay alive
/// with their launches), so that a guest making kernel modules without end cannot fill memory.
const MAX_CACHED_KERNELS: usize = 4096;

/// Builds a [`WasiParallelHost`].
#[derive(Clone, Debug, Default)]
pub struct WasiParallelHostBuilder {
    preference: DevicePreference,
    threads: Option<usize>,
    strict: bool,
    kernel_timeout: Option<std::time::Duration>,
    /// `None`: the default; `Some(None)`: no limit.
    compile_timeout: Option<Option<std::time::Duration>>,
    quotas: Quotas,
    untuned: bool,
    kernel_config: Option<wasmtime::Config>,
    max_binding_size: Option<u64>,
}

impl WasiParallelHostBuilder {
    /// The Wasmtime configuration CPU kernels are compiled with (a profiler, Cranelift
    /// settings): they run on an engine of the CPU devices' own, made from it (see
    /// `wasi_parallel_device::CpuDeviceDescriptor::kernel_config`). Default: Wasmtime's.
    pub fn kernel_config(mut self, config: wasmtime::Config) -> Self {
        self.kernel_config = Some(config);
        self
    }

    /// What guests may hold (default: [`Quotas::default`]).
    pub fn quotas(mut self, quotas: Quotas) -> Self {
        self.quotas = quotas;
        self
    }

    /// How long a GPU driver may take to compile one kernel before the kernel is given up on
    /// that device and runs on the CPU; `None` for no limit (default:
    /// [`wasi_parallel_device::DEFAULT_COMPILE_TIMEOUT`]).
    pub fn compile_timeout(mut self, limit: Option<std::time::Duration>) -> Self {
        self.compile_timeout = Some(limit);
        self
    }

    /// Stops any launch that runs longer than `limit` with `KERNEL_TRAPPED`, so that no kernel
    /// can hang its host. Kernels in the devices' own memory stop by themselves. Kernels that
    /// run zero-copy in a guest's shared memory are compiled with the guest's engine and are
    /// stopped by its epochs: for those, the engine must enable `epoch_interruption`, and then
    /// the embedder's own stores must set an epoch deadline (`store.set_epoch_deadline(u64::MAX
    /// / 2)` for no limit on the guest itself). Epoch checks cost a guest's own loops too, so
    /// the CLI enables them only for guests with a shared memory.
    pub fn kernel_timeout(mut self, limit: std::time::Duration) -> Self {
        self.kernel_timeout = Some(limit);
        self
    }

    /// Whether the host tunes CPU chunking and GPU workgroup sizes on the guests' launches
    /// (default: on; see [`crate::tune`]).
    pub fn tuning(mut self, tuning: bool) -> Self {
        self.untuned = !tuning;
        self
    }

    /// Which device guests get (default: follow their hint).
    pub fn device(mut self, preference: DevicePreference) -> Self {
        self.preference = preference;
        self
    }

    /// Workers of the `cpu` device (default: one per core).
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = Some(threads);
        self
    }

    /// GPUs bind at most `bytes` of a buffer per storage binding, where that is below their
    /// own limit: larger buffers are split across several bindings, as on a GPU with that
    /// limit (see `wasi_parallel_device::DiscoveryOptions::max_binding_size`). Default: the
    /// devices' own limits.
    pub fn max_binding_size(mut self, bytes: u64) -> Self {
        self.max_binding_size = Some(bytes);
        self
    }

    /// Strict mode: never fall back to another device than the one asked for.
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Discovers the devices and makes the context. `engine` must enable `wasm_threads` and
    /// `shared_memory` (see [`crate::engine_config`]); guests must run on the same engine.
    pub fn build(self, engine: &wasmtime::Engine) -> anyhow::Result<WasiParallelHost> {
        let devices = device::discover(&device::DiscoveryOptions {
            engine: engine.clone(),
            cpu_threads: self.threads,
            kernel_timeout: self.kernel_timeout,
            compile_timeout: self
                .compile_timeout
                .unwrap_or(Some(device::DEFAULT_COMPILE_TIMEOUT)),
            kernel_config: self.kernel_config,
            max_binding_size: self.max_binding_size,
        })?;
        let forced = match &self.preference {
            DevicePreference::Auto => None,
            DevicePreference::Kind(kind) => Some(
                devices
                    .iter()
                    .position(|d| d.info().kind == *kind)
                    .ok_or_else(|| anyhow::anyhow!("no {kind} device on this machine"))?,
            ),
            DevicePreference::Named(name) => Some(
                devices
                    .iter()
                    .position(|d| d.info().name == *name)
                    .or_else(|| {
                        devices
                            .iter()
                            .position(|d| d.info().backend == name.as_str())
                    })
                    .or_else(|| {
                        let gpu = |kind| devices.iter().position(|d| d.info().kind == kind);
                        (name == "gpu")
                            .then(|| {
                                gpu(DeviceKind::DiscreteGpu)
                                    .or_else(|| gpu(DeviceKind::IntegratedGpu))
                                    .or_else(|| gpu(DeviceKind::SoftwareGpu))
                            })
                            .flatten()
                    })
                    .ok_or_else(|| {
                        let names: Vec<_> = devices.iter().map(|d| d.info().name.clone()).collect();
                        anyhow::anyhow!(
                            "no device named `{name}`; devices here: {}",
                            names.join(", ")
                        )
                    })?,
            ),
        };
        Ok(WasiParallelHost {
            inner: Arc::new(HostInner {
                devices,
                forced,
                strict: self.strict,
                tuner: (!self.untuned).then(Tuner::default),
                kernels: Mutex::default(),
                fallbacks: Mutex::default(),
                quotas: self.quotas,
                buffer_bytes: AtomicU64::new(0),
            }),
        })
    }
}

/// What identifies a compiled kernel.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum KernelKey {
    /// `parallel_for`: a guest module and a table index.
    Funcref { guest: [u8; 32], index: u32 },
    /// `parallel_exec`: a kernel module's bytes.
    Exec { module: [u8; 32] },
}

impl fmt::Display for KernelKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let short =
            |hash: &[u8; 32]| -> String { hash[..4].iter().map(|b| format!("{b:02x}")).collect() };
        match self {
            KernelKey::Funcref { guest, index } => {
                write!(f, "function pointer {index} of guest {}", short(guest))
            }
            KernelKey::Exec { module } => write!(f, "kernel module {}", short(module)),
        }
    }
}

/// The tuner's setting for one launch, and the trial to time when it is one.
pub(crate) struct Tuning {
    pub(crate) setting: Setting,
    pub(crate) trial: Option<tune::Trial>,
    /// Workers of the launch's device (CPU chunks are per worker).
    pub(crate) workers: u32,
}

impl Tuning {
    pub(crate) fn none() -> Tuning {
        Tuning {
            setting: Setting::Default,
            trial: None,
            workers: 1,
        }
    }
}

pub(crate) type KernelSlot = Arc<OnceLock<Result<Arc<dyn Kernel>, Failure>>>;

pub(crate) struct HostInner {
    pub(crate) devices: Vec<Arc<dyn Device>>,
    pub(crate) forced: Option<usize>,
    pub(crate) strict: bool,
    /// `None` when tuning is off.
    pub(crate) tuner: Option<Tuner>,
    /// Compiled kernels by (kernel, device index, workgroup size; 0 = the default).
    pub(crate) kernels: Mutex<HashMap<(KernelKey, usize, u32), KernelSlot>>,
    /// Kernels already said to run on the CPU instead of a device.
    pub(crate) fallbacks: Mutex<std::collections::HashSet<(KernelKey, usize)>>,
    pub(crate) quotas: Quotas,
    /// Bytes of live buffers over all instances.
    buffer_bytes: AtomicU64,
}

/// The process-wide wasi-parallel state: devices, worker pool, kernel cache. Cheap to clone.
#[derive(Clone)]
pub struct WasiParallelHost {
    pub(crate) inner: Arc<HostInner>,
}

impl fmt::Debug for WasiParallelHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WasiParallelHost")
            .field("devices", &self.inner.devices.len())
            .field("strict", &self.inner.strict)
            .finish()
    }
}

impl WasiParallelHost {
    /// Starts building a context.
    pub fn builder() -> WasiParallelHostBuilder {
        WasiParallelHostBuilder::default()
    }

    /// The devices found, in discovery order.
    pub fn devices(&self) -> &[Arc<dyn Device>] {
        &self.inner.devices
    }

    /// The index in [`WasiParallelHost::devices`] of the device the configuration forces on
    /// every guest (`--device NAME`), if any.
    pub fn forced_device(&self) -> Option<usize> {
        self.inner.forced
    }

    /// How many kernels have been compiled (or failed to), over all devices.
    pub fn compiled_kernels(&self) -> usize {
        self.inner
            .kernels
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// The tuning choices made so far, as `(kernel, device name, size class, setting)` lines
    /// (empty with tuning off).
    pub fn tuning_choices(&self) -> Vec<String> {
        let Some(tuner) = &self.inner.tuner else {
            return Vec::new();
        };
        tuner
            .choices()
            .into_iter()
            .map(|(kernel, device, class, setting)| {
                format!(
                    "{kernel} on {}, about 2^{class} work items: {setting:?}",
                    self.inner.devices[device].info().name
                )
            })
            .collect()
    }

    /// What the tuner may choose for launches on device `index`.
    pub(crate) fn knob(&self, index: usize) -> Knob {
        let info = self.inner.devices[index].info();
        match (info.kernel_input, info.kind) {
            (KernelInput::Translated, _) => Knob::Workgroup,
            (KernelInput::WasmModule, DeviceKind::Cpu) => Knob::Chunks {
                workers: info.compute_units,
            },
            _ => Knob::None,
        }
    }

    /// The index of the `cpu` device, where kernels other devices cannot run go.
    pub(crate) fn cpu_index(&self) -> Option<usize> {
        self.inner
            .devices
            .iter()
            .position(|d| d.info().kind == DeviceKind::Cpu)
    }

    /// Logs, once per kernel and device, that the kernel runs on the CPU instead and why.
    pub(crate) fn log_fallback_once(&self, key: &KernelKey, device: usize, reason: &str) {
        let mut logged = self
            .inner
            .fallbacks
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if logged.insert((key.clone(), device)) {
            log::warn!("{reason}; running it on the CPU executor instead");
        }
    }

    /// Counts `bytes` of a new buffer against the host's quota.
    pub(crate) fn take_buffer_bytes(&self, bytes: u64) -> Result<(), Failure> {
        let limit = self.inner.quotas.buffer_bytes;
        self.inner
            .buffer_bytes
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |used| {
                used.checked_add(bytes).filter(|&total| total <= limit)
            })
            .map(drop)
            .map_err(|used| {
                Failure::out_of_memory(format!(
                    "a buffer of {bytes} bytes is over the host's quota: {used} of {limit} \
                     bytes in use by all instances"
                ))
            })
    }

    /// Gives back what [`WasiParallelHost::take_buffer_bytes`] took.
    pub(crate) fn return_buffer_bytes(&self, bytes: u64) {
        self.inner.buffer_bytes.fetch_sub(bytes, Ordering::Relaxed);
    }

    /// The device a guest gets without asking for one (a `parallel_for` before any
    /// `get_device`): the forced device, else the best one, as `get_device` with the
    /// discrete-GPU hint gives it outside strict mode.
    pub(crate) fn default_device(&self) -> Result<usize, Failure> {
        self.pick_with(DeviceKind::DiscreteGpu, false)
    }

    /// The device index `get_device(hint)` resolves to.
    pub(crate) fn pick(&self, hint: DeviceKind) -> Result<usize, Failure> {
        self.pick_with(hint, self.inner.strict)
    }

    /// The forced device, else the device of `hint`: exactly that kind when `strict`, else by
    /// the selection rule.
    fn pick_with(&self, hint: DeviceKind, strict: bool) -> Result<usize, Failure> {
        if let Some(forced) = self.inner.forced {
            return Ok(forced);
        }
        let devices = &self.inner.devices;
        let chosen = if strict {
            devices.iter().position(|d| d.info().kind == hint)
        } else {
            device::select(devices, hint)
                .and_then(|d| devices.iter().position(|x| Arc::ptr_eq(x, d)))
        };
        chosen.ok_or_else(|| Failure::no_device(format!("no {hint} device")))
    }

    /// The compiled kernel for `key` on device `index`, made from `bytes` the first time: cut
    /// out as a kernel module for devices that run Wasm, translated to naga IR for GPUs.
    pub(crate) fn kernel(
        &self,
        key: KernelKey,
        index: usize,
        bytes: &[u8],
        workgroup: Option<u32>,
    ) -> Result<Arc<dyn Kernel>, Failure> {
        let slot = {
            let mut kernels = self
                .inner
                .kernels
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let key = (key.clone(), index, workgroup.unwrap_or(0));
            if kernels.len() >= MAX_CACHED_KERNELS && !kernels.contains_key(&key) {
                log::warn!("{MAX_CACHED_KERNELS} kernels compiled; emptying the kernel cache");
                kernels.clear();
            }
            kernels.entry(key).or_default().clone()
        };
        let result = slot.get_or_init(|| {
            let entry = match key {
                KernelKey::Funcref { index, .. } => KernelEntry::TableIndex(index),
                KernelKey::Exec { .. } => KernelEntry::KernelModule,
            };
            let options = CompileOptions {
                workgroup_size: workgroup,
            };
            compile_kernel(&*self.inner.devices[index], bytes, entry, &options)
                .map_err(Failure::from)
        });
        result.clone()
    }
}
