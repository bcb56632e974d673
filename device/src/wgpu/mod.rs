//! The wgpu backend: GPUs through Vulkan, Metal or DX12.
//!
//! # Design notes
//!
//! - **Discovery.** Every adapter wgpu finds becomes a device named `wgpu-N`, with its kind from
//!   the adapter type (`Cpu` adapters such as lavapipe are [`DeviceKind::SoftwareGpu`]).
//!   `SHADER_F64`, `SHADER_INT64` and `SHADER_INT64_ATOMIC_ALL_OPS` are requested where offered
//!   and the buffer limits are raised to the adapter's.
//!   Drivers are loaded at run time: a machine without Vulkan simply has no such device.
//! - **Kernels** come translated ([`wasi_parallel_translator::Translation`]), with an explicit
//!   bind group layout built from the translation's bindings, so bindings a kernel happens not to
//!   use still match. On Vulkan the module goes to the driver as SPIR-V through wgpu's
//!   passthrough, written by the translator's SPIR-V back end ([`spv`]) with float controls:
//!   without them a driver may ignore NaN, infinities and the sign of zero, which Wasm defines.
//!   The back end's options are the device's, [`Device::spirv_options`], so anyone can write
//!   the same words (`wasi-parallel translate --emit spv`), and each kernel keeps the words it
//!   was made from ([`WgpuKernel::spirv`]). Elsewhere the naga module goes to wgpu as it is
//!   (`ShaderSource::Naga`), and floats are as exact as the driver makes them.
//! - **Buffers** are storage buffers resident on the GPU; a space is only a bookkeeping scope.
//!   Writes go through the queue, reads through a mapped staging buffer. A buffer may be as large
//!   as the adapter's `max_buffer_size` (2 GiB on lavapipe), larger than one storage binding may
//!   hold (`max_storage_buffer_binding_size`, 128 MiB on lavapipe): a launch with such a buffer
//!   binds it as several bindings of consecutive ranges (parts of the largest power of two that
//!   one binding holds), and runs the kernel translated again for that [`Layout`] from its
//!   [`KernelDescriptor::origin`], each access going to its part (see
//!   [`wasi_parallel_translator::translate_with`]). A kernel keeps the last few such
//!   translations; one made without an origin is refused such launches.
//! - **Static data**: one read-only buffer per space holding the guest's data segments from
//!   address 0 (not the zeros after the last one, see [`crate::static_data_end`]).
//! - **Launches** bind a uniform `{num_iterations, block_size, zero, budget}`, the buffers and a
//!   status binding of two words (the trap code, and the guest's initial memory size for static
//!   loads), dispatch `ceil(n / workgroup)` workgroups in 2-D (x at most the adapter's per-dimension
//!   limit), wait, and read the status word back: a non-zero trap code is `KernelTrap`. A
//!   read-only buffer that the kernel writes is bound as a copy, so its writes are dropped.
//! - **Time limits** ([`TimeLimits`]). The driver compiles on a thread of its own; past the
//!   compile limit the kernel is unsupported here and the compile goes on unobserved. With a
//!   kernel limit, work items have a loop budget (see [`crate::loop_budget`]) and stop when
//!   another has trapped, so a launch past its limit ends on the device too; the host's wait
//!   stops at the limit: the launch is `KernelTrap`, and later calls wait for the device to
//!   finish it ([`crate::Overrun`]; a device still running it when dropped is leaked rather
//!   than dropped, since dropping waits for the GPU). No GPU API stops a running kernel. On
//!   lavapipe, loops end after 65535 iterations.
//!   Driver calls that may install signal handlers run under [`crate::signals::guard`].
//! - **Device loss.** wgpu reports a lost device, and errors that no error scope caught,
//!   through callbacks ([`Faults`]; wgpu's default for the latter is to panic). A loss fails
//!   the call that sees it, and the next call opens a new wgpu device on the same adapter
//!   ([`Core::shared`]): spaces move to it when next used (their static data uploaded again),
//!   kernels build their pipeline again there, and buffers of the lost device fail every call.

use std::any::Any;
use std::fmt;
use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use wasi_parallel_translator::back::spv;
use wasi_parallel_translator::{trap, Layout, Translation};

/// The loop iterations llvmpipe lets one invocation run (Mesa's gallivm loop limiter).
const LLVMPIPE_LOOP_LIMIT: u32 = 65535;

use crate::{
    Access, Buffer, BufferDescriptor, Device, DeviceError, DeviceInfo, DeviceKind, DeviceLimits,
    Kernel, KernelDescriptor, KernelInput, KernelSource, Launch, Space, SpaceDescriptor,
    TimeLimits, TranslationSource,
};

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Finds the adapters wgpu can open. Failures to open one are logged, not fatal.
pub fn discover() -> Vec<WgpuDevice> {
    discover_with(
        TimeLimits {
            kernel: None,
            compile: Some(crate::DEFAULT_COMPILE_TIMEOUT),
        },
        None,
    )
}

/// [`discover`], with these time limits on every device, and bindings of at most
/// `max_binding` bytes (at least 256) where that is below a device's own limit (see
/// [`crate::DiscoveryOptions::max_binding_size`]).
pub fn discover_with(limits: TimeLimits, max_binding: Option<u64>) -> Vec<WgpuDevice> {
    crate::signals::guard(|| open_all(limits, max_binding))
}

/// Opens every adapter (see [`discover_with`]).
fn open_all(limits: TimeLimits, max_binding: Option<u64>) -> Vec<WgpuDevice> {
    let instance = wgpu::Instance::new(wgpu::InstanceDescriptor {
        backends: wgpu::Backends::PRIMARY,
        ..wgpu::InstanceDescriptor::new_without_display_handle()
    });
    let adapters = pollster::block_on(instance.enumerate_adapters(wgpu::Backends::PRIMARY));
    let mut devices = Vec::new();
    for adapter in adapters {
        let index = devices.len();
        match WgpuDevice::open(&adapter, index, limits, max_binding) {
            Ok(device) => devices.push(device),
            Err(e) => log::warn!("wgpu adapter {:?}: {e}", adapter.get_info().name),
        }
    }
    devices
}

/// A GPU opened through wgpu.
pub struct WgpuDevice {
    core: Arc<Core>,
}

/// A device and what it takes to open it again: after a loss, the next call opens a new wgpu
/// device on the same adapter ([`Core::shared`]).
struct Core {
    adapter: wgpu::Adapter,
    info: DeviceInfo,
    limits: TimeLimits,
    /// The wgpu device now open.
    current: Mutex<Arc<Shared>>,
    /// A binding limit below the adapter's, asked for at discovery.
    binding_limit: Option<u64>,
}

impl Core {
    /// The most bytes one storage binding of `shared` holds.
    fn max_binding(&self, shared: &Shared) -> u64 {
        self.binding_limit
            .map_or(shared.max_binding, |limit| limit.min(shared.max_binding))
    }

    /// The wgpu device now open; if it was lost, a new one opened on the same adapter. Spaces
    /// and kernels of the lost one move to it when next used (their buffers do not: they are
    /// gone).
    fn shared(&self) -> Result<Arc<Shared>, DeviceError> {
        let mut current = lock(&self.current);
        let Some(why) = current.lost() else {
            return Ok(current.clone());
        };
        let name = &self.info.name;
        match crate::signals::guard(|| Shared::open(&self.adapter, &self.info, self.limits)) {
            Ok(fresh) => {
                log::warn!("{name} was lost ({why}); opened it again");
                *current = Arc::new(fresh);
                Ok(current.clone())
            }
            Err(e) => Err(DeviceError::Device(format!(
                "{name} was lost ({why}) and could not be opened again: {e}"
            ))),
        }
    }
}

/// One wgpu device: what a space's buffers and a kernel's pipeline belong to.
struct Shared {
    /// Tells this device from the one it replaced after a loss.
    generation: u64,
    info: DeviceInfo,
    /// Dropped with the device, unless a launch that ran past its limit may still run (see the
    /// `Drop` impl).
    device: ManuallyDrop<wgpu::Device>,
    queue: ManuallyDrop<wgpu::Queue>,
    /// The most bytes one storage binding may hold.
    max_binding: u64,
    /// The largest buffer.
    max_buffer: u64,
    /// The most storage bindings a kernel may have.
    max_storage_bindings: u32,
    max_groups: u32,
    /// How kernels are written as SPIR-V, when they go to the driver as SPIR-V with exact float
    /// semantics (Vulkan), rather than as naga IR that wgpu lowers itself (`None`).
    spirv: Option<spv::Options>,
    /// Serialises launches and copies, so that a read sees every earlier launch.
    lock: Mutex<()>,
    /// A launch that ran past its time limit and may still be running.
    overrun: crate::Overrun<()>,
    /// How long a launch may run, and so how long a call waits for one that overran.
    kernel_limit: Option<std::time::Duration>,
    /// Whether this is llvmpipe (lavapipe), which compiles at the first dispatch.
    llvmpipe: bool,
    /// What the driver or wgpu reported outside a call's own checks (see [`Faults`]).
    faults: Arc<Faults>,
}

/// What wgpu reports through callbacks rather than to a call: the device was lost (a driver
/// reset, a GPU fallen off the bus, or `destroy`), or an error arose that no error scope
/// caught. wgpu's default for the latter is to panic, which would take the host down with it;
/// here both become errors of the calls that see them.
#[derive(Debug, Default)]
struct Faults {
    lost: Mutex<Option<String>>,
    uncaptured: Mutex<Option<String>>,
}

impl Faults {
    /// Registers for `device`'s loss and uncaptured errors.
    fn watch(device: &wgpu::Device) -> Arc<Faults> {
        let faults = Arc::new(Faults::default());
        let on_lost = Arc::downgrade(&faults);
        device.set_device_lost_callback(move |reason, message| {
            log::error!("a wgpu device was lost ({reason:?}): {message}");
            if let Some(faults) = on_lost.upgrade() {
                *lock(&faults.lost) = Some(format!("{reason:?}: {message}"));
            }
        });
        let on_error = Arc::downgrade(&faults);
        device.on_uncaptured_error(Arc::new(move |error: wgpu::Error| {
            log::error!("wgpu: {error}");
            if let Some(faults) = on_error.upgrade() {
                lock(&faults.uncaptured).get_or_insert_with(|| error.to_string());
            }
        }));
        faults
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Drop for Shared {
    fn drop(&mut self) {
        if self
            .overrun
            .settle(&self.info.name, |()| Ok(self.idle(Some(Duration::ZERO))))
            .is_err()
        {
            // Dropping waits until the GPU is idle, which a device still running a launch past
            // its limit may not be for a long time: it is leaked instead.
            return;
        }
        // SAFETY: dropped once, here, and never used again.
        unsafe {
            ManuallyDrop::drop(&mut self.queue);
            ManuallyDrop::drop(&mut self.device);
        }
    }
}

impl Shared {
    /// Before a call: waits for a launch that ran past its limit, at most the kernel limit,
    /// and fails if it is still running (see [`crate::Overrun`]).
    fn check_alive(&self) -> Result<(), DeviceError> {
        self.check_faults()?;
        self.overrun
            .settle(&self.info.name, |()| Ok(self.idle(self.kernel_limit)))
    }

    /// Why the device was lost, if it was.
    fn lost(&self) -> Option<String> {
        lock(&self.faults.lost).clone()
    }

    /// Fails if the device was lost (its buffers are gone with it; the next call opens it
    /// again), or once for an error that no error scope caught since the last check.
    fn check_faults(&self) -> Result<(), DeviceError> {
        if let Some(why) = self.lost() {
            return Err(DeviceError::Device(format!(
                "{} was lost ({why}); the buffers on it are gone",
                self.info.name
            )));
        }
        if let Some(error) = lock(&self.faults.uncaptured).take() {
            return Err(DeviceError::Device(format!("{}: {error}", self.info.name)));
        }
        Ok(())
    }

    /// Makes the device lost, as a driver reset would (for tests).
    fn destroy(&self) {
        self.device.destroy();
        // wgpu reports the loss when it next polls.
        let _ = self.device.poll(wgpu::PollType::Poll);
    }

    /// Whether everything submitted is done, waiting at most `limit`.
    fn idle(&self, limit: Option<Duration>) -> bool {
        self.device
            .poll(wgpu::PollType::Wait {
                submission_index: None,
                timeout: limit,
            })
            .is_ok()
    }

    /// Waits for everything submitted, at most the kernel limit; past it the launch in flight
    /// has overrun (a GPU cannot stop a running kernel, and every later submission would wait
    /// behind it).
    fn wait(&self, what: &str) -> Result<(), DeviceError> {
        self.check_alive()?;
        let limit = self.kernel_limit;
        match self.device.poll(wgpu::PollType::Wait {
            submission_index: None,
            timeout: limit,
        }) {
            Ok(_) => self.check_faults(),
            Err(wgpu::PollError::Timeout) => {
                let limit = limit.unwrap_or_default();
                let why = format!("{what} ran past its time limit of {limit:?}");
                Err(self.overrun.record(&self.info.name, why, ()))
            }
            Err(e) => Err(device_error(e)),
        }
    }
}

impl fmt::Debug for WgpuDevice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WgpuDevice")
            .field("name", &self.core.info.name)
            .finish()
    }
}

fn device_error(e: impl fmt::Display) -> DeviceError {
    DeviceError::Device(e.to_string())
}

impl WgpuDevice {
    /// Makes the device lost, as a driver reset or a GPU that falls off the bus would: what
    /// callers then see is `DeviceError::Device` from every call, never a panic or a hang.
    /// For tests of that; nothing in the device calls it.
    pub fn lose(&self) {
        if let Ok(shared) = self.core.shared() {
            shared.destroy();
        }
    }

    fn open(
        adapter: &wgpu::Adapter,
        index: usize,
        time_limits: TimeLimits,
        binding_limit: Option<u64>,
    ) -> Result<WgpuDevice, DeviceError> {
        // Parts of split buffers start at multiples of their size, which wgpu wants aligned.
        let binding_limit = binding_limit.map(|bytes| bytes.max(256));
        let adapter_info = adapter.get_info();
        let offered = adapter.features();
        let limits = adapter.limits();
        let llvmpipe = is_llvmpipe(&adapter_info);
        let kind = match adapter_info.device_type {
            wgpu::DeviceType::DiscreteGpu => DeviceKind::DiscreteGpu,
            wgpu::DeviceType::IntegratedGpu => DeviceKind::IntegratedGpu,
            _ => DeviceKind::SoftwareGpu,
        };
        let info = DeviceInfo {
            name: format!("wgpu-{index}"),
            kind,
            backend: "wgpu",
            description: format!("{} ({:?})", adapter_info.name, adapter_info.backend),
            compute_units: 0,
            memory_bytes: limits.max_buffer_size,
            f64: offered.contains(wgpu::Features::SHADER_F64),
            i64: offered.contains(wgpu::Features::SHADER_INT64),
            i64_atomics: offered.contains(
                wgpu::Features::SHADER_INT64 | wgpu::Features::SHADER_INT64_ATOMIC_ALL_OPS,
            ),
            limits: DeviceLimits {
                max_buffer_size: limits.max_buffer_size,
                max_binding_size: limits
                    .max_storage_buffer_binding_size
                    .min(limits.max_buffer_size)
                    .min(binding_limit.unwrap_or(u64::MAX)),
                max_space_size: u64::MAX,
                max_buffers_per_launch: limits
                    .max_storage_buffers_per_shader_stage
                    .saturating_sub(1),
                max_work_items: u64::from(limits.max_compute_workgroups_per_dimension).pow(2) * 64,
                // llvmpipe (lavapipe) ends every invocation's loops after 65535 iterations in
                // all, to keep runaway shaders from hanging the CPU.
                max_loop_iterations: llvmpipe.then_some(LLVMPIPE_LOOP_LIMIT),
            },
            kernel_input: KernelInput::Translated,
        };
        let shared = Shared::open(adapter, &info, time_limits)?;
        Ok(WgpuDevice {
            core: Arc::new(Core {
                adapter: adapter.clone(),
                info,
                limits: time_limits,
                current: Mutex::new(Arc::new(shared)),
                binding_limit,
            }),
        })
    }
}

/// Whether the adapter is llvmpipe (lavapipe).
fn is_llvmpipe(adapter: &wgpu::AdapterInfo) -> bool {
    adapter.device_type == wgpu::DeviceType::Cpu && adapter.name.starts_with("llvmpipe")
}

impl Shared {
    /// Opens a wgpu device on `adapter`, with what it offers of f64, i64 and SPIR-V passthrough
    /// and its own limits.
    fn open(
        adapter: &wgpu::Adapter,
        info: &DeviceInfo,
        time_limits: TimeLimits,
    ) -> Result<Shared, DeviceError> {
        let adapter_info = adapter.get_info();
        let offered = adapter.features();
        let mut wanted = wgpu::Features::SHADER_F64
            | wgpu::Features::SHADER_INT64
            | wgpu::Features::SHADER_INT64_ATOMIC_ALL_OPS;
        // On Vulkan, kernels go to the driver as SPIR-V with exact float semantics.
        let spirv = adapter_info.backend == wgpu::Backend::Vulkan
            && offered.contains(wgpu::Features::PASSTHROUGH_SHADERS);
        if spirv {
            wanted |= wgpu::Features::PASSTHROUGH_SHADERS;
        }
        let limits = adapter.limits();
        let (device, queue) = pollster::block_on(adapter.request_device(&wgpu::DeviceDescriptor {
            label: Some("wasi-parallel"),
            required_features: offered & wanted,
            required_limits: limits.clone(),
            ..Default::default()
        }))
        .map_err(device_error)?;
        let faults = Faults::watch(&device);
        Ok(Shared {
            generation: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            info: info.clone(),
            device: ManuallyDrop::new(device),
            queue: ManuallyDrop::new(queue),
            max_binding: limits
                .max_storage_buffer_binding_size
                .min(limits.max_buffer_size),
            max_buffer: limits.max_buffer_size,
            max_storage_bindings: limits.max_storage_buffers_per_shader_stage,
            max_groups: limits.max_compute_workgroups_per_dimension,
            spirv: spirv.then(spv::Options::default),
            lock: Mutex::new(()),
            overrun: crate::Overrun::default(),
            kernel_limit: time_limits.kernel,
            llvmpipe: is_llvmpipe(&adapter_info),
            faults,
        })
    }
}

/// A kernel compiled into a compute pipeline: with every buffer bound whole and, for launches
/// with buffers larger than one storage binding, translated again with those split across
/// several bindings ([`Layout`]).
pub struct WgpuKernel {
    label: String,
    /// The device it was made for ([`Core`]'s address).
    device: usize,
    compile_limit: Option<Duration>,
    /// Every buffer bound whole.
    whole: Arc<Variant>,
    /// What the kernel was translated from, for launches that split buffers; without it they
    /// are refused.
    origin: Option<TranslationSource>,
    /// The kernel translated for launches that split buffers, by layout, most recent last; or
    /// why it could not be (a kernel the device refuses for a layout is refused again at once).
    split: Mutex<Vec<(Layout, Made)>>,
}

/// A kernel translated for a layout, or why it could not be.
type Made = Result<Arc<Variant>, String>;

/// The split layouts a kernel keeps translated: a guest launching with ever other sizes of large
/// buffers makes the oldest be translated again, not the kernel grow.
const SPLIT_VARIANTS: usize = 8;

/// One translation of a kernel, and its pipeline.
struct Variant {
    /// The SPIR-V handed to wgpu, where the device takes SPIR-V.
    spirv: Option<Vec<u32>>,
    /// The naga module handed to wgpu, where the device takes naga IR.
    naga: Option<wgpu::naga::Module>,
    /// Each buffer's first binding, its parts and whether the kernel writes it.
    buffers: Vec<(u32, u32, bool)>,
    params_binding: u32,
    status_binding: u32,
    /// Bindings of the space's static data.
    static_bindings: Vec<u32>,
    workgroup_size: u32,
    /// The pipeline, on the wgpu device it was built on; built again on the device that
    /// replaces that one after a loss.
    built: Mutex<Option<Built>>,
}

/// A kernel's pipeline on one wgpu device.
struct Built {
    generation: u64,
    pipeline: wgpu::ComputePipeline,
    layout: wgpu::BindGroupLayout,
}

impl Variant {
    /// The translation `t` as the device takes it; `label` names the kernel in errors.
    fn new(shared: &Shared, t: &Translation, label: &str) -> Result<Variant, DeviceError> {
        if shared.llvmpipe {
            if let Some(why) = llvmpipe_refusal(&t.module) {
                return Err(DeviceError::UnsupportedKernel(format!("{label}: {why}")));
            }
        }
        let storage =
            t.buffers.iter().map(|b| b.parts).sum::<u32>() + 1 + t.static_bindings.len() as u32;
        if storage > shared.max_storage_bindings {
            return Err(DeviceError::UnsupportedKernel(format!(
                "{label}: {storage} storage bindings (its buffers' parts, the status and static \
                 data), more than the {} a kernel of {} may have",
                shared.max_storage_bindings, shared.info.description
            )));
        }
        let spirv = match &shared.spirv {
            Some(options) => Some(
                spv::write(&t.module, &t.info, options)
                    .map_err(|e| DeviceError::UnsupportedKernel(format!("{label}: {e}")))?,
            ),
            None => None,
        };
        Ok(Variant {
            naga: spirv.is_none().then(|| t.module.clone()),
            spirv,
            buffers: t
                .buffers
                .iter()
                .map(|b| (b.binding, b.parts, b.written))
                .collect(),
            params_binding: t.params_binding,
            status_binding: t.status_binding,
            static_bindings: t
                .static_bindings
                .iter()
                .map(|&(binding, _)| binding)
                .collect(),
            workgroup_size: t.workgroup_size,
            built: Mutex::new(None),
        })
    }

    /// Builds the pipeline on `shared`: where the driver compiles (lavapipe with LLVM), on a
    /// thread of its own with the compile time limit, since a kernel can be made to compile
    /// for minutes.
    fn build(
        &self,
        shared: &Shared,
        label: &str,
        compile_limit: Option<Duration>,
    ) -> Result<Built, DeviceError> {
        let device = &shared.device;
        let mut entries = vec![wgpu::BindGroupLayoutEntry {
            binding: self.params_binding,
            visibility: wgpu::ShaderStages::COMPUTE,
            ty: wgpu::BindingType::Buffer {
                ty: wgpu::BufferBindingType::Uniform,
                has_dynamic_offset: false,
                min_binding_size: None,
            },
            count: None,
        }];
        for &(first, parts, written) in &self.buffers {
            entries.extend((first..first + parts).map(|binding| storage_entry(binding, !written)));
        }
        entries.push(storage_entry(self.status_binding, false));
        entries.extend(
            self.static_bindings
                .iter()
                .map(|&binding| storage_entry(binding, true)),
        );
        let scope = device.push_error_scope(wgpu::ErrorFilter::Validation);
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some(label),
            entries: &entries,
        });
        let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some(label),
            bind_group_layouts: &[Some(&layout)],
            immediate_size: 0,
        });
        let compiled = {
            let device: wgpu::Device = (**device).clone();
            let label = label.to_string();
            let words = self.spirv.clone();
            let naga = self.naga.clone();
            let workgroup_size = self.workgroup_size;
            crate::within(compile_limit, move || {
                crate::signals::guard(|| {
                    compile_pipeline(
                        &device,
                        &pipeline_layout,
                        &label,
                        words,
                        naga,
                        workgroup_size,
                    )
                })
            })
        };
        let pipeline = match compiled {
            Ok(Ok(pipeline)) => pipeline,
            Ok(Err(e)) => return Err(DeviceError::UnsupportedKernel(format!("{label}: {e}"))),
            Err(why) => {
                return Err(DeviceError::UnsupportedKernel(format!(
                    "{label}: the driver of {} did not compile it: {why}",
                    shared.info.name
                )))
            }
        };
        if let Some(e) = pollster::block_on(scope.pop()) {
            return Err(DeviceError::UnsupportedKernel(format!("{label}: {e}")));
        }
        Ok(Built {
            generation: shared.generation,
            pipeline,
            layout,
        })
    }

    /// The pipeline and its bind group layout on `shared`, built again if the kernel was
    /// built on a device since lost.
    fn built_on(
        &self,
        shared: &Shared,
        label: &str,
        compile_limit: Option<Duration>,
    ) -> Result<(wgpu::ComputePipeline, wgpu::BindGroupLayout), DeviceError> {
        let mut built = lock(&self.built);
        match &*built {
            Some(b) if b.generation == shared.generation => {}
            _ => {
                shared.check_faults()?;
                *built = Some(self.build(shared, label, compile_limit)?);
            }
        }
        let b = built.as_ref().expect("built above");
        Ok((b.pipeline.clone(), b.layout.clone()))
    }
}

impl WgpuKernel {
    /// The translation for a launch whose buffers `layout` binds: the kernel as made when every
    /// buffer is whole, else translated again (once per layout) from its origin.
    fn variant(&self, shared: &Shared, layout: &Layout) -> Result<Arc<Variant>, DeviceError> {
        if layout.is_whole() {
            return Ok(self.whole.clone());
        }
        let mut split = lock(&self.split);
        let made = match split.iter().position(|(l, _)| l == layout) {
            Some(at) => split.remove(at).1,
            None => {
                let made = self.translate_for(shared, layout);
                if split.len() == SPLIT_VARIANTS {
                    drop(split.remove(0));
                }
                made
            }
        };
        split.push((layout.clone(), made.clone()));
        made.map_err(DeviceError::UnsupportedKernel)
    }

    /// The kernel translated from its origin for `layout`, or why it cannot be.
    fn translate_for(&self, shared: &Shared, layout: &Layout) -> Made {
        let Some(origin) = &self.origin else {
            return Err(format!(
                "{}: a buffer of the launch is larger than one storage binding of {} ({} \
                 bytes), and the kernel was made without its Wasm, which splitting it across \
                 bindings needs (see `KernelDescriptor::origin`)",
                self.label, shared.info.description, layout.part_bytes
            ));
        };
        // The message of an `UnsupportedKernel`, which the launch returns as one again.
        let message = |e: DeviceError| match e {
            DeviceError::UnsupportedKernel(why) => why,
            other => other.to_string(),
        };
        let t = origin
            .translate(layout)
            .map_err(|e| format!("{}: {}", self.label, message(e)))?;
        let variant = Variant::new(shared, &t, &self.label).map_err(message)?;
        log::debug!(
            "{}: translated again for buffers split in parts of {} bytes: {:?}",
            self.label,
            layout.part_bytes,
            layout.parts
        );
        Ok(Arc::new(variant))
    }
}

impl fmt::Debug for WgpuKernel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WgpuKernel")
            .field("label", &self.label)
            .field("spirv_words", &self.whole.spirv.as_ref().map(Vec::len))
            .finish()
    }
}

impl WgpuKernel {
    /// The SPIR-V words this kernel's shader module was created from (with every buffer bound
    /// whole), exactly as handed to wgpu; `None` where the device takes naga IR (see
    /// [`Device::spirv_options`]). Reach it from a `dyn Kernel` with
    /// `kernel.as_any().downcast_ref::<WgpuKernel>()`.
    pub fn spirv(&self) -> Option<&[u32]> {
        self.whole.spirv.as_deref()
    }

    /// The layouts of split buffers this kernel is translated for now (see [`Layout`]), oldest
    /// first.
    pub fn split_layouts(&self) -> Vec<Layout> {
        lock(&self.split)
            .iter()
            .filter(|(_, made)| made.is_ok())
            .map(|(l, _)| l.clone())
            .collect()
    }
}

impl Kernel for WgpuKernel {
    fn label(&self) -> &str {
        &self.label
    }

    fn buffer_count(&self) -> usize {
        self.whole.buffers.len()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Why llvmpipe (lavapipe) cannot be given the translated `module`, if it cannot; such kernels
/// run on the CPU instead. A fused multiply-add, which llvmpipe computes unfused. A private array (the translator's shadow stack): llvmpipe compiles a
/// shader at its first dispatch, in its queue, where no time limit reaches, and its LLVM (Mesa
/// 22.3.6 as Debian 12 ships it) has been seen to spend over 20 minutes on one indexed at run
/// time.
pub fn llvmpipe_refusal(module: &wgpu::naga::Module) -> Option<&'static str> {
    use wgpu::naga::TypeInner;
    let private_array = module
        .functions
        .iter()
        .map(|(_, f)| f)
        .chain(module.entry_points.iter().map(|e| &e.function))
        .any(|f| {
            f.local_variables
                .iter()
                .any(|(_, local)| matches!(module.types[local.ty].inner, TypeInner::Array { .. }))
        });
    if private_array {
        return Some(
            "llvmpipe can take unbounded time to compile a private array indexed at run time \
             (the kernel's shadow stack)",
        );
    }
    // Relaxed SIMD's `relaxed_madd`, fused as the CPU executor computes it: llvmpipe rounds
    // the product and the sum separately (1 + 2^-12 squared, less 1, loses its 2^-24).
    let unfused_fma = module
        .functions
        .iter()
        .map(|(_, f)| f)
        .chain(module.entry_points.iter().map(|e| &e.function))
        .flat_map(|f| f.expressions.iter())
        .any(|(_, e)| {
            matches!(
                e,
                wgpu::naga::Expression::Math {
                    fun: wgpu::naga::MathFunction::Fma,
                    ..
                }
            )
        });
    unfused_fma.then_some("llvmpipe does not fuse multiply-adds (relaxed SIMD's relaxed_madd)")
}

/// Whether the translated `module` (validated as `info`) takes `trunc` or `round` of an `f64`,
/// which llvmpipe (Mesa 22.3.6) gets wrong for some values (-0.5 to +0.0, 1.5 to 1.0, values
/// near 2^31 off in their low bits). A known fault, not refused: wasi-nn's f64 operators need
/// these kernels on lavapipe and are right on the values they use.
pub fn llvmpipe_f64_rounding(
    module: &wgpu::naga::Module,
    info: &wgpu::naga::valid::ModuleInfo,
) -> bool {
    use wgpu::naga::{Expression, MathFunction, Scalar, TypeInner};
    module.entry_points.iter().enumerate().any(|(i, entry)| {
        let function = info.get_entry_point(i);
        entry.function.expressions.iter().any(|(_, e)| match *e {
            Expression::Math {
                fun: MathFunction::Trunc | MathFunction::Round,
                arg,
                ..
            } => matches!(
                function[arg].ty.inner_with(&module.types),
                TypeInner::Scalar(Scalar::F64)
            ),
            _ => false,
        })
    })
}

/// Creates the shader module, from SPIR-V `words` or from the `naga` module, and the pipeline:
/// where the driver compiles. Errors are what wgpu's validation said.
fn compile_pipeline(
    device: &wgpu::Device,
    layout: &wgpu::PipelineLayout,
    label: &str,
    words: Option<Vec<u32>>,
    naga: Option<wgpu::naga::Module>,
    workgroup_size: u32,
) -> Result<wgpu::ComputePipeline, String> {
    let scope = device.push_error_scope(wgpu::ErrorFilter::Validation);
    let module = match (words, naga) {
        (Some(words), _) => {
            let entry = wgpu::PassthroughShaderEntryPoint {
                name: "main".into(),
                workgroup_size: (workgroup_size, 1, 1),
            };
            // SAFETY: the SPIR-V back end wrote these words from a module naga validated, with
            // naga's `Restrict` bounds checks on every access (see `spv`), adding only
            // declarations SPIR-V allows where they are; the bind group layout matches the
            // translation's bindings.
            unsafe {
                device.create_shader_module_passthrough(wgpu::ShaderModuleDescriptorPassthrough {
                    label: Some(label),
                    entry_points: std::borrow::Cow::Owned(vec![entry]),
                    spirv: Some(std::borrow::Cow::Owned(words)),
                    ..Default::default()
                })
            }
        }
        (None, Some(module)) => device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some(label),
            source: wgpu::ShaderSource::Naga(std::borrow::Cow::Owned(module)),
        }),
        (None, None) => return Err("no shader to compile".into()),
    };
    let pipeline = device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
        label: Some(label),
        layout: Some(layout),
        module: &module,
        entry_point: Some("main"),
        compilation_options: Default::default(),
        cache: None,
    });
    match pollster::block_on(scope.pop()) {
        Some(e) => Err(e.to_string()),
        None => Ok(pipeline),
    }
}

fn storage_entry(binding: u32, read_only: bool) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility: wgpu::ShaderStages::COMPUTE,
        ty: wgpu::BindingType::Buffer {
            ty: wgpu::BufferBindingType::Storage { read_only },
            has_dynamic_offset: false,
            min_binding_size: None,
        },
        count: None,
    }
}

impl Device for WgpuDevice {
    fn time_limit(&self) -> Option<Duration> {
        self.core.limits.kernel
    }

    fn info(&self) -> &DeviceInfo {
        &self.core.info
    }

    /// The options the SPIR-V back end writes this device's kernels with ([`spv::write`]), or
    /// `None` where kernels go to wgpu as naga IR (backends other than Vulkan, or a Vulkan
    /// adapter without wgpu's SPIR-V passthrough). A kernel translated with
    /// [`crate::translate_options`] for this device and written with these options is, word for
    /// word, the SPIR-V this device hands to the driver ([`WgpuKernel::spirv`]).
    fn spirv_options(&self) -> Option<spv::Options> {
        lock(&self.core.current).spirv
    }

    fn create_kernel(&self, desc: &KernelDescriptor<'_>) -> Result<Arc<dyn Kernel>, DeviceError> {
        let KernelSource::Translated(t) = desc.source else {
            return Err(DeviceError::UnsupportedKernel(format!(
                "{}: wgpu devices run translated kernels",
                desc.label
            )));
        };
        let shared = self.core.shared()?;
        shared.check_faults()?;
        let whole = Variant::new(&shared, t, desc.label)?;
        let compile_limit = self.core.limits.compile;
        *lock(&whole.built) = Some(whole.build(&shared, desc.label, compile_limit)?);
        Ok(Arc::new(WgpuKernel {
            label: desc.label.to_string(),
            device: Arc::as_ptr(&self.core) as usize,
            compile_limit,
            whole: Arc::new(whole),
            origin: desc.origin.cloned(),
            split: Mutex::new(Vec::new()),
        }))
    }

    fn create_space(&self, desc: &SpaceDescriptor<'_>) -> Result<Box<dyn Space>, DeviceError> {
        // The guest's static data, for kernels that read it: one read-only buffer from address 0
        // to the end of the last data segment (the zeros after it are not bound: kernels read
        // them as zeros, see `crate::static_data_end`), a multiple of 8 bytes so that it binds
        // as `array<f64>` too.
        let end = crate::static_data_end(desc)?;
        let size = end.div_ceil(8).max(1) * 8;
        let shared = self.core.shared()?;
        if size > shared.max_binding {
            return Err(DeviceError::OutOfMemory(format!(
                "the guest's data segments ({end} bytes from address 0) are larger than one \
                 storage binding"
            )));
        }
        shared.check_alive()?;
        let mut image = vec![0u8; size as usize];
        for segment in desc.static_segments {
            image[segment.address as usize..][..segment.bytes.len()].copy_from_slice(segment.bytes);
        }
        let statics = upload_statics(&shared, &image);
        Ok(Box::new(WgpuSpace {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            core: self.core.clone(),
            live: Mutex::new(Live { shared, statics }),
            static_image: image,
            static_memory: crate::static_memory_word(desc),
        }))
    }
}

/// A read-only storage buffer on `shared` holding `image`, the guest's static data.
fn upload_statics(shared: &Shared, image: &[u8]) -> wgpu::Buffer {
    let statics = shared.device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("wasi-parallel statics"),
        size: image.len() as u64,
        usage: wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    shared.queue.write_buffer(&statics, 0, image);
    statics
}

/// A GPU buffer.
pub struct WgpuBuffer {
    space: u64,
    /// The wgpu device it lives on ([`Shared::generation`]).
    generation: u64,
    buffer: wgpu::Buffer,
    size: u64,
    access: Access,
}

impl fmt::Debug for WgpuBuffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WgpuBuffer({} bytes, {:?})", self.size, self.access)
    }
}

impl Buffer for WgpuBuffer {
    fn size(&self) -> u64 {
        self.size
    }

    fn access(&self) -> Access {
        self.access
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// One client's buffers on a wgpu device.
pub struct WgpuSpace {
    id: u64,
    core: Arc<Core>,
    /// The wgpu device the space's buffers are made on now.
    live: Mutex<Live>,
    /// The guest's static data, to upload again to a device that replaces a lost one.
    static_image: Vec<u8>,
    /// The status binding's second word: the guest's initial memory size.
    static_memory: u32,
}

/// A space's wgpu device and its static data there.
struct Live {
    shared: Arc<Shared>,
    statics: wgpu::Buffer,
}

impl fmt::Debug for WgpuSpace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WgpuSpace")
            .field("device", &self.core.info.name)
            .finish()
    }
}

/// Rounds up to wgpu's copy alignment (4 bytes).
fn padded(size: u64) -> u64 {
    size.div_ceil(4).max(1) * 4
}

impl WgpuSpace {
    /// The space's wgpu device and static data; if the device was lost, the device that
    /// replaces it, with the static data uploaded again.
    fn live(&self) -> Result<(Arc<Shared>, wgpu::Buffer), DeviceError> {
        let mut live = lock(&self.live);
        if live.shared.lost().is_some() {
            let shared = self.core.shared()?;
            let statics = upload_statics(&shared, &self.static_image);
            *live = Live { shared, statics };
        }
        Ok((live.shared.clone(), live.statics.clone()))
    }

    /// `buffer` as one of this space's, on `shared`.
    fn own<'a>(
        &self,
        buffer: &'a dyn Buffer,
        shared: &Shared,
    ) -> Result<&'a WgpuBuffer, DeviceError> {
        match buffer.as_any().downcast_ref::<WgpuBuffer>() {
            Some(b) if b.space == self.id && b.generation == shared.generation => Ok(b),
            Some(b) if b.space == self.id => Err(DeviceError::Device(format!(
                "{buffer:?} was lost with the device {} it was on; release it and create it again",
                shared.info.name
            ))),
            _ => Err(DeviceError::Foreign(format!(
                "{buffer:?} belongs to another space"
            ))),
        }
    }

    fn check_range(b: &WgpuBuffer, offset: u64, len: usize) -> Result<(), DeviceError> {
        match offset.checked_add(len as u64) {
            Some(end) if end <= b.size => Ok(()),
            _ => Err(DeviceError::OutOfRange(format!(
                "{len} bytes at offset {offset} do not fit in a buffer of {} bytes",
                b.size
            ))),
        }
    }

    /// Copies `padded(len)` bytes at `offset` (4-aligned) of `buffer` to the host.
    fn read_words(
        &self,
        shared: &Shared,
        buffer: &wgpu::Buffer,
        offset: u64,
        len: u64,
    ) -> Result<Vec<u8>, DeviceError> {
        let device = &shared.device;
        let size = padded(len);
        let staging = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("wasi-parallel read"),
            size,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let mut encoder = device.create_command_encoder(&Default::default());
        encoder.copy_buffer_to_buffer(buffer, offset, &staging, 0, size);
        shared.queue.submit([encoder.finish()]);
        let slice = staging.slice(..);
        let (tx, rx) = std::sync::mpsc::channel();
        slice.map_async(wgpu::MapMode::Read, move |r| {
            let _ = tx.send(r);
        });
        shared.wait("a copy waiting on a launch")?;
        // Everything submitted is done, so the mapping has been answered; a device that
        // failed may leave it unanswered, which must not block.
        rx.try_recv()
            .map_err(|_| device_error("a copy from the device was never completed"))?
            .map_err(device_error)?;
        let data = slice.get_mapped_range().map_err(device_error)?.to_vec();
        staging.unmap();
        Ok(data)
    }
}

impl Space for WgpuSpace {
    fn create_buffer(&self, desc: &BufferDescriptor) -> Result<Arc<dyn Buffer>, DeviceError> {
        let (shared, _) = self.live()?;
        if padded(desc.size) > shared.max_buffer {
            return Err(DeviceError::OutOfMemory(format!(
                "a buffer of {} bytes is larger than {} allows ({} bytes)",
                desc.size, shared.info.description, shared.max_buffer
            )));
        }
        shared.check_alive()?;
        let device = &shared.device;
        let scope = device.push_error_scope(wgpu::ErrorFilter::OutOfMemory);
        let buffer = device.create_buffer(&wgpu::BufferDescriptor {
            label: None,
            size: padded(desc.size),
            usage: wgpu::BufferUsages::STORAGE
                | wgpu::BufferUsages::COPY_DST
                | wgpu::BufferUsages::COPY_SRC,
            mapped_at_creation: false,
        });
        if let Some(e) = pollster::block_on(scope.pop()) {
            return Err(DeviceError::OutOfMemory(e.to_string()));
        }
        Ok(Arc::new(WgpuBuffer {
            space: self.id,
            generation: shared.generation,
            buffer,
            size: desc.size,
            access: desc.access,
        }))
    }

    fn write_buffer(
        &self,
        buffer: &dyn Buffer,
        offset: u64,
        data: &[u8],
    ) -> Result<(), DeviceError> {
        let (shared, _) = self.live()?;
        let b = self.own(buffer, &shared)?;
        Self::check_range(b, offset, data.len())?;
        shared.check_alive()?;
        let _guard = lock(&shared.lock);
        if offset.is_multiple_of(4) && data.len().is_multiple_of(4) {
            shared.queue.write_buffer(&b.buffer, offset, data);
        } else {
            // wgpu copies whole words: merge the partial words at either end with what is there.
            let start = offset / 4 * 4;
            let end = padded(offset + data.len() as u64);
            let mut words = self.read_words(&shared, &b.buffer, start, end - start)?;
            let at = (offset - start) as usize;
            words[at..at + data.len()].copy_from_slice(data);
            shared.queue.write_buffer(&b.buffer, start, &words);
        }
        shared.queue.submit([]);
        Ok(())
    }

    fn read_buffer(
        &self,
        buffer: &dyn Buffer,
        offset: u64,
        data: &mut [u8],
    ) -> Result<(), DeviceError> {
        let (shared, _) = self.live()?;
        let b = self.own(buffer, &shared)?;
        Self::check_range(b, offset, data.len())?;
        if data.is_empty() {
            return Ok(());
        }
        let _guard = lock(&shared.lock);
        let start = offset / 4 * 4;
        let words = self.read_words(
            &shared,
            &b.buffer,
            start,
            offset + data.len() as u64 - start,
        )?;
        let at = (offset - start) as usize;
        data.copy_from_slice(&words[at..at + data.len()]);
        Ok(())
    }

    fn launch(&self, kernel: &dyn Kernel, launch: &Launch<'_>) -> Result<(), DeviceError> {
        let kernel = match kernel.as_any().downcast_ref::<WgpuKernel>() {
            Some(k) if k.device == Arc::as_ptr(&self.core) as usize => k,
            _ => {
                return Err(DeviceError::Foreign(format!(
                    "{kernel:?} was compiled for another device"
                )))
            }
        };
        if launch.buffers.len() != kernel.whole.buffers.len() {
            return Err(DeviceError::InvalidLaunch(format!(
                "kernel `{}` takes {} buffers; the launch passes {}",
                kernel.label,
                kernel.whole.buffers.len(),
                launch.buffers.len()
            )));
        }
        let (shared, statics) = self.live()?;
        let buffers = launch
            .buffers
            .iter()
            .map(|b| self.own(*b, &shared))
            .collect::<Result<Vec<_>, _>>()?;
        for (i, (b, &(_, _, written))) in buffers.iter().zip(&kernel.whole.buffers).enumerate() {
            let twice = buffers
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && o.buffer == b.buffer);
            if twice && written {
                return Err(DeviceError::UnsupportedKernel(format!(
                    "kernel `{}` writes buffer {i}, which the launch also passes elsewhere; GPUs \
                     cannot bind one buffer twice when it is written",
                    kernel.label
                )));
            }
        }
        if launch.items == 0 {
            return Ok(());
        }
        shared.check_alive()?;
        // Buffers larger than one binding are bound in parts, by a translation for that.
        let sizes: Vec<u64> = buffers.iter().map(|b| b.buffer.size()).collect();
        let split = Layout::for_sizes(&sizes, self.core.max_binding(&shared));
        let variant = kernel.variant(&shared, &split)?;
        let (pipeline, layout) = variant.built_on(&shared, &kernel.label, kernel.compile_limit)?;
        let device = &shared.device;
        let groups = launch.items.div_ceil(variant.workgroup_size);
        let x = groups.min(shared.max_groups);
        let y = groups.div_ceil(x);
        if y > shared.max_groups {
            return Err(DeviceError::InvalidLaunch(format!(
                "{} work items are too many for this device",
                launch.items
            )));
        }
        // `zero` is always 0: see the translator's float constants. With a time limit, work
        // items have a budget of loop iterations, so that the device stops a launch past it.
        let params: Vec<u8> = [
            launch.items,
            launch.block_size,
            0,
            crate::loop_budget(shared.kernel_limit),
        ]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
        let uniform = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("wasi-parallel params"),
            size: 16,
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let status_words = crate::status_words(self.static_memory, launch);
        let status = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("wasi-parallel status"),
            size: status_words.len() as u64,
            usage: wgpu::BufferUsages::STORAGE
                | wgpu::BufferUsages::COPY_SRC
                | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let mut entries = vec![wgpu::BindGroupEntry {
            binding: variant.params_binding,
            resource: uniform.as_entire_binding(),
        }];
        // A read-only buffer that the kernel writes is bound as a copy, whose writes are
        // dropped: access 0 means the kernel cannot change it.
        let copies: Vec<Option<wgpu::Buffer>> = buffers
            .iter()
            .zip(&variant.buffers)
            .map(|(b, &(_, _, written))| {
                (written && b.access == Access::Read).then(|| {
                    device.create_buffer(&wgpu::BufferDescriptor {
                        label: Some("wasi-parallel read-only copy"),
                        size: b.buffer.size(),
                        usage: wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_DST,
                        mapped_at_creation: false,
                    })
                })
            })
            .collect();
        for ((b, &(first, parts, _)), copy) in buffers.iter().zip(&variant.buffers).zip(&copies) {
            let buffer = copy.as_ref().unwrap_or(&b.buffer);
            if parts == 1 {
                entries.push(wgpu::BindGroupEntry {
                    binding: first,
                    resource: buffer.as_entire_binding(),
                });
                continue;
            }
            // Part `j`: the `part_bytes` from `j * part_bytes`, the last one the rest.
            let part = u64::from(split.part_bytes);
            for j in 0..parts {
                let offset = u64::from(j) * part;
                entries.push(wgpu::BindGroupEntry {
                    binding: first + j,
                    resource: wgpu::BindingResource::Buffer(wgpu::BufferBinding {
                        buffer,
                        offset,
                        size: wgpu::BufferSize::new(part.min(buffer.size() - offset)),
                    }),
                });
            }
        }
        entries.push(wgpu::BindGroupEntry {
            binding: variant.status_binding,
            resource: status.as_entire_binding(),
        });
        for &binding in &variant.static_bindings {
            entries.push(wgpu::BindGroupEntry {
                binding,
                resource: statics.as_entire_binding(),
            });
        }
        let _guard = lock(&shared.lock);
        let scope = device.push_error_scope(wgpu::ErrorFilter::Validation);
        let bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some(&kernel.label),
            layout: &layout,
            entries: &entries,
        });
        shared.queue.write_buffer(&uniform, 0, &params);
        shared.queue.write_buffer(&status, 0, &status_words);
        let mut encoder = device.create_command_encoder(&Default::default());
        for (b, copy) in buffers.iter().zip(&copies) {
            if let Some(copy) = copy {
                encoder.copy_buffer_to_buffer(&b.buffer, 0, copy, 0, b.buffer.size());
            }
        }
        {
            let mut pass = encoder.begin_compute_pass(&Default::default());
            pass.set_pipeline(&pipeline);
            pass.set_bind_group(0, &bind_group, &[]);
            pass.dispatch_workgroups(x, y, 1);
        }
        shared.queue.submit([encoder.finish()]);
        if let Some(e) = pollster::block_on(scope.pop()) {
            return Err(DeviceError::Device(format!(
                "kernel `{}`: {e}",
                kernel.label
            )));
        }
        shared.wait(&format!("kernel `{}`", kernel.label))?;
        let code = self.read_words(&shared, &status, 0, 4)?;
        let code = u32::from_le_bytes([code[0], code[1], code[2], code[3]]);
        if code != 0 {
            let why = trap::describe(code);
            return Err(DeviceError::KernelTrap(format!(
                "kernel `{}`: {why} in some work item",
                kernel.label
            )));
        }
        Ok(())
    }
}
