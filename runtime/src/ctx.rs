//! Host state: [`WasiParallelHost`], shared by every instance, and [`WasiParallelCtx`], one per store.
//!
//! The context owns the devices (and so the CPU worker pool) and the kernel cache: a kernel is cut
//! out of a guest module and compiled once per (guest module, kernel, device), whichever instance
//! asks first, and every later launch in every instance reuses it. The per-store state holds the
//! instance's handle table and its device spaces, where its buffers live.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use wasi_parallel_device::{
    self as device, compile_kernel, Access, Buffer, BufferDescriptor, CompileOptions, Device,
    DeviceKind, Kernel, KernelEntry, KernelInput, Launch, Space, SpaceDescriptor, StaticSegment,
    WasmMemorySpace,
};

use crate::errno::{Errno, Failure};
use crate::guest::GuestModule;
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

/// Builds a [`WasiParallelHost`].
#[derive(Clone, Debug, Default)]
pub struct WasiParallelHostBuilder {
    preference: DevicePreference,
    threads: Option<usize>,
    strict: bool,
    kernel_timeout: Option<std::time::Duration>,
    untuned: bool,
}

impl WasiParallelHostBuilder {
    /// Stops any launch that runs longer than `limit` with `KERNEL_TRAPPED`, so that no kernel
    /// can hang its host. The engine must enable `epoch_interruption` (see
    /// [`crate::engine_config`]), and then the embedder's own stores must set an epoch deadline
    /// (`store.set_epoch_deadline(u64::MAX / 2)` for no limit on the guest itself).
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
            inner: Arc::new(CtxInner {
                devices,
                forced,
                strict: self.strict,
                tuner: (!self.untuned).then(Tuner::default),
                kernels: Mutex::default(),
                fallbacks: Mutex::default(),
            }),
        })
    }
}

/// What identifies a compiled kernel.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum KernelKey {
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
struct Tuning {
    setting: Setting,
    trial: Option<tune::Trial>,
    /// Workers of the launch's device (CPU chunks are per worker).
    workers: u32,
}

impl Tuning {
    fn none() -> Tuning {
        Tuning {
            setting: Setting::Default,
            trial: None,
            workers: 1,
        }
    }
}

type KernelSlot = Arc<OnceLock<Result<Arc<dyn Kernel>, Failure>>>;

struct CtxInner {
    devices: Vec<Arc<dyn Device>>,
    forced: Option<usize>,
    strict: bool,
    /// `None` when tuning is off.
    tuner: Option<Tuner>,
    /// Compiled kernels by (kernel, device index, workgroup size; 0 = the default).
    kernels: Mutex<HashMap<(KernelKey, usize, u32), KernelSlot>>,
    /// Kernels already said to run on the CPU instead of a device.
    fallbacks: Mutex<std::collections::HashSet<(KernelKey, usize)>>,
}

/// The process-wide wasi-parallel state: devices, worker pool, kernel cache. Cheap to clone.
#[derive(Clone)]
pub struct WasiParallelHost {
    inner: Arc<CtxInner>,
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
    fn knob(&self, index: usize) -> Knob {
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
    fn cpu_index(&self) -> Option<usize> {
        self.inner
            .devices
            .iter()
            .position(|d| d.info().kind == DeviceKind::Cpu)
    }

    /// Logs, once per kernel and device, that the kernel runs on the CPU instead and why.
    fn log_fallback_once(&self, key: &KernelKey, device: usize, reason: &str) {
        let mut logged = self
            .inner
            .fallbacks
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if logged.insert((key.clone(), device)) {
            log::warn!("{reason}; running it on the CPU executor instead");
        }
    }

    /// The device index `get_device(hint)` resolves to.
    fn pick(&self, hint: DeviceKind) -> Result<usize, Failure> {
        if let Some(forced) = self.inner.forced {
            return Ok(forced);
        }
        let devices = &self.inner.devices;
        let chosen = if self.inner.strict {
            devices.iter().position(|d| d.info().kind == hint)
        } else {
            device::select(devices, hint)
                .and_then(|d| devices.iter().position(|x| Arc::ptr_eq(x, d)))
        };
        chosen.ok_or_else(|| Failure::new(Errno::NoDevice, format!("no {hint} device")))
    }

    /// The compiled kernel for `key` on device `index`, made from `bytes` the first time: cut
    /// out as a kernel module for devices that run Wasm, translated to naga IR for GPUs.
    fn kernel(
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
            kernels
                .entry((key.clone(), index, workgroup.unwrap_or(0)))
                .or_default()
                .clone()
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

/// A kernel ready to launch: on the launch's device, or on the CPU executor in its place.
enum Resolved {
    Native(Arc<dyn Kernel>),
    OnCpu(Arc<dyn Kernel>),
}

impl Resolved {
    fn kernel(&self) -> &dyn Kernel {
        match self {
            Resolved::Native(k) | Resolved::OnCpu(k) => &**k,
        }
    }
}

/// A device this instance holds a handle to.
struct DeviceSlot {
    index: usize,
    /// Where the instance's buffers live, opened at the first buffer.
    space: Option<Box<dyn Space>>,
    /// The zero-copy space in the guest's shared memory, opened at the first zero-copy launch.
    guest_space: Option<Box<dyn WasmMemorySpace>>,
    /// A CPU space for kernels this (GPU) device cannot run, opened at the first such kernel.
    fallback: Option<Box<dyn Space>>,
}

/// A buffer this instance created.
struct BufferSlot {
    device: u32,
    size: u32,
    access: Access,
    storage: Arc<dyn Buffer>,
    /// Zero-copy guests: where `write_buffer` said the data lies, `(address, length)`.
    view: Option<(u32, u32)>,
    /// Whether anything has written the buffer.
    written: bool,
    /// Its copy in the device's CPU fallback space, made at the first fallback launch.
    shadow: Option<Arc<dyn Buffer>>,
}

enum Handle {
    Device(DeviceSlot),
    Buffer(BufferSlot),
}

/// One store's wasi-parallel state: its handles, devices and buffers.
pub struct WasiParallelCtx {
    ctx: WasiParallelHost,
    guest: Option<Arc<GuestModule>>,
    /// Handle `h` is `handles[h - 1]`.
    handles: Vec<Handle>,
}

impl fmt::Debug for WasiParallelCtx {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WasiParallelCtx")
            .field("guest", &self.guest)
            .field("handles", &self.handles.len())
            .finish()
    }
}

/// The guest's memory, as a host call sees it.
pub(crate) trait GuestMemory {
    /// The memory's size in bytes.
    fn size(&self) -> usize;
    /// Copies `len` bytes at `ptr` out of guest memory.
    fn read(&self, ptr: u32, len: u32) -> Result<Vec<u8>, Failure>;
    /// Copies `bytes` into guest memory at `ptr`.
    fn write(&mut self, ptr: u32, bytes: &[u8]) -> Result<(), Failure>;
    /// The guest's shared memory, if it exports one (zero-copy buffers).
    fn shared(&self) -> Option<wasmtime::SharedMemory>;
}

/// Checks that `ptr..ptr + len` lies in a memory of `size` bytes.
pub(crate) fn check_range(
    ptr: u32,
    len: u32,
    size: usize,
) -> Result<std::ops::Range<usize>, Failure> {
    let start = ptr as usize;
    match start.checked_add(len as usize) {
        Some(end) if end <= size => Ok(start..end),
        _ => Err(Failure::new(
            Errno::OutOfBounds,
            format!("{len} bytes at {ptr:#x} are outside the guest's memory of {size} bytes"),
        )),
    }
}

fn nonnegative(value: i32, what: &str) -> Result<u32, Failure> {
    u32::try_from(value).map_err(|_| {
        Failure::new(
            Errno::InvalidArgument,
            format!("{what} is negative: {value}"),
        )
    })
}

/// The most buffers one launch may pass.
const MAX_LAUNCH_BUFFERS: u32 = 1024;

impl WasiParallelCtx {
    /// State for an instance of `guest`.
    pub fn new(ctx: &WasiParallelHost, guest: Arc<GuestModule>) -> WasiParallelCtx {
        WasiParallelCtx {
            ctx: ctx.clone(),
            guest: Some(guest),
            handles: Vec::new(),
        }
    }

    /// State for an instance whose module the host does not have: `parallel_exec` works,
    /// `parallel_for` returns `UNSUPPORTED_KERNEL`.
    pub fn without_guest(ctx: &WasiParallelHost) -> WasiParallelCtx {
        WasiParallelCtx {
            ctx: ctx.clone(),
            guest: None,
            handles: Vec::new(),
        }
    }

    /// The context this state belongs to.
    pub fn ctx(&self) -> &WasiParallelHost {
        &self.ctx
    }

    fn push(&mut self, handle: Handle) -> Result<u32, Failure> {
        if self.handles.len() >= i32::MAX as usize - 1 {
            return Err(Failure::new(Errno::OutOfMemory, "too many handles"));
        }
        self.handles.push(handle);
        Ok(self.handles.len() as u32)
    }

    fn handle_index(&self, handle: i32) -> Result<usize, Failure> {
        usize::try_from(handle)
            .ok()
            .filter(|&h| h >= 1 && h <= self.handles.len())
            .map(|h| h - 1)
            .ok_or_else(|| {
                Failure::new(
                    Errno::BadHandle,
                    format!("{handle} is not a handle of this instance"),
                )
            })
    }

    fn device_slot(&mut self, handle: i32) -> Result<&mut DeviceSlot, Failure> {
        let index = self.handle_index(handle)?;
        match &mut self.handles[index] {
            Handle::Device(d) => Ok(d),
            Handle::Buffer(_) => Err(Failure::new(
                Errno::BadHandle,
                format!("{handle} is a buffer, not a device"),
            )),
        }
    }

    fn buffer_slot(&self, handle: i32) -> Result<&BufferSlot, Failure> {
        match &self.handles[self.handle_index(handle)?] {
            Handle::Buffer(b) => Ok(b),
            Handle::Device(_) => Err(Failure::new(
                Errno::BadHandle,
                format!("{handle} is a device, not a buffer"),
            )),
        }
    }

    fn buffer_slot_mut(&mut self, handle: i32) -> Result<&mut BufferSlot, Failure> {
        let index = self.handle_index(handle)?;
        match &mut self.handles[index] {
            Handle::Buffer(b) => Ok(b),
            Handle::Device(_) => Err(Failure::new(
                Errno::BadHandle,
                format!("{handle} is a device, not a buffer"),
            )),
        }
    }

    /// The space of device handle `device`, opened on first use.
    fn space(&mut self, device: u32) -> Result<&dyn Space, Failure> {
        let index = self.device_slot(device as i32)?.index;
        if self.device_slot(device as i32)?.space.is_none() {
            let space = self.open_space(index)?;
            self.device_slot(device as i32)?.space = Some(space);
        }
        Ok(self
            .device_slot(device as i32)?
            .space
            .as_deref()
            .expect("opened above"))
    }

    /// Opens a space on device `index` holding this guest's static data.
    fn open_space(&self, index: usize) -> Result<Box<dyn Space>, Failure> {
        let guest = self.guest.as_ref();
        let segments: Vec<_> = guest
            .map(|g| {
                g.segments()
                    .iter()
                    .map(|(address, bytes)| StaticSegment {
                        address: *address,
                        bytes,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let desc = SpaceDescriptor {
            static_size: guest.map_or(0, |g| g.static_size()),
            static_segments: &segments,
        };
        Ok(self.ctx.inner.devices[index].create_space(&desc)?)
    }

    pub(crate) fn get_device(&mut self, hint: i32) -> Result<u32, Failure> {
        let kind = u32::try_from(hint)
            .ok()
            .and_then(DeviceKind::from_hint)
            .ok_or_else(|| {
                Failure::new(
                    Errno::InvalidArgument,
                    format!("unknown device hint {hint}"),
                )
            })?;
        let index = self.ctx.pick(kind)?;
        let existing = self
            .handles
            .iter()
            .position(|h| matches!(h, Handle::Device(d) if d.index == index));
        match existing {
            Some(position) => Ok(position as u32 + 1),
            None => self.push(Handle::Device(DeviceSlot {
                index,
                space: None,
                guest_space: None,
                fallback: None,
            })),
        }
    }

    pub(crate) fn create_buffer(
        &mut self,
        device: i32,
        size: i32,
        access: i32,
    ) -> Result<u32, Failure> {
        self.device_slot(device)?;
        let size = nonnegative(size, "the buffer size")?;
        let access = u32::try_from(access)
            .ok()
            .and_then(Access::from_abi)
            .ok_or_else(|| {
                Failure::new(
                    Errno::InvalidArgument,
                    format!("unknown buffer access {access}"),
                )
            })?;
        let storage = self
            .space(device as u32)?
            .create_buffer(&BufferDescriptor {
                size: u64::from(size),
                access,
            })?;
        self.push(Handle::Buffer(BufferSlot {
            device: device as u32,
            size,
            access,
            storage,
            view: None,
            written: false,
            shadow: None,
        }))
    }

    pub(crate) fn write_buffer(
        &mut self,
        memory: &mut dyn GuestMemory,
        ptr: i32,
        len: i32,
        buffer: i32,
    ) -> Result<(), Failure> {
        let slot = self.buffer_slot(buffer)?;
        let (ptr, len) = (ptr as u32, nonnegative(len, "the data length")?);
        if len > slot.size {
            return Err(Failure::new(
                Errno::OutOfBounds,
                format!(
                    "{len} bytes do not fit in buffer {buffer} of {} bytes",
                    slot.size
                ),
            ));
        }
        let device = slot.device;
        if let Some(shared) = memory.shared() {
            // Zero-copy: remember where the data is.
            drop(shared);
            check_range(ptr, len, memory.size())?;
            let slot = self.buffer_slot_mut(buffer)?;
            slot.view = Some((ptr, len));
            slot.written = true;
            return Ok(());
        }
        let data = memory.read(ptr, len)?;
        let storage = self.buffer_slot(buffer)?.storage.clone();
        self.space(device)?.write_buffer(&*storage, 0, &data)?;
        self.buffer_slot_mut(buffer)?.written = true;
        Ok(())
    }

    pub(crate) fn read_buffer(
        &mut self,
        memory: &mut dyn GuestMemory,
        buffer: i32,
        ptr: i32,
        len: i32,
    ) -> Result<(), Failure> {
        let slot = self.buffer_slot(buffer)?;
        let (ptr, len) = (ptr as u32, nonnegative(len, "the data length")?);
        if !slot.written {
            return Err(Failure::new(
                Errno::NotWritten,
                format!("buffer {buffer} was never written"),
            ));
        }
        if len > slot.size {
            return Err(Failure::new(
                Errno::OutOfBounds,
                format!(
                    "{len} bytes asked of buffer {buffer}, which holds {}",
                    slot.size
                ),
            ));
        }
        if let Some((address, view_len)) = slot.view {
            if len > view_len {
                return Err(Failure::new(
                    Errno::OutOfBounds,
                    format!("{len} bytes asked of buffer {buffer}, whose data is {view_len} bytes"),
                ));
            }
            let data = memory.read(address, len)?;
            return memory.write(ptr, &data);
        }
        // Check the destination before copying out of the device.
        check_range(ptr, len, memory.size())?;
        let mut data = vec![0; len as usize];
        let (device, storage) = (slot.device, slot.storage.clone());
        self.space(device)?.read_buffer(&*storage, 0, &mut data)?;
        memory.write(ptr, &data)
    }

    /// Reads a list of buffer handles and checks they are this instance's buffers.
    fn buffer_list(
        &self,
        memory: &dyn GuestMemory,
        ptr: i32,
        count: i32,
        into: &mut Vec<i32>,
    ) -> Result<(), Failure> {
        let count = nonnegative(count, "a buffer count")?;
        if count > MAX_LAUNCH_BUFFERS {
            return Err(Failure::new(
                Errno::InvalidArgument,
                format!("{count} buffers; a launch takes at most {MAX_LAUNCH_BUFFERS}"),
            ));
        }
        let bytes = memory.read(ptr as u32, count * 4)?;
        for handle in bytes.chunks_exact(4) {
            let handle = i32::from_le_bytes(handle.try_into().expect("chunks of 4"));
            self.buffer_slot(handle)?;
            into.push(handle);
        }
        Ok(())
    }

    fn launch_buffers(
        &self,
        memory: &dyn GuestMemory,
        in_list: (i32, i32),
        out_list: (i32, i32),
    ) -> Result<Vec<i32>, Failure> {
        let mut handles = Vec::new();
        self.buffer_list(memory, in_list.0, in_list.1, &mut handles)?;
        self.buffer_list(memory, out_list.0, out_list.1, &mut handles)?;
        Ok(handles)
    }

    fn mark_written(&mut self, handles: &[i32]) {
        for &h in handles {
            if let Ok(slot) = self.buffer_slot_mut(h) {
                if slot.access.kernel_writes() {
                    slot.written = true;
                }
            }
        }
    }

    fn run(
        &mut self,
        device: u32,
        kernel: &dyn Kernel,
        items: u32,
        block_size: i32,
        handles: &[i32],
        chunk: Option<u32>,
    ) -> Result<(), Failure> {
        let storages: Vec<_> = handles
            .iter()
            .map(|&h| self.buffer_slot(h).map(|b| b.storage.clone()))
            .collect::<Result<_, _>>()?;
        let buffers: Vec<&dyn Buffer> = storages.iter().map(|b| &**b).collect();
        let launch = Launch {
            items,
            block_size: block_size as u32,
            buffers: &buffers,
            chunk,
        };
        let result = self.space(device)?.launch(kernel, &launch);
        // Work items that ran before a trap may have written their buffers: keep that visible.
        self.mark_written(handles);
        result.map_err(Failure::from)
    }

    /// The device of a launch's buffers; with none, the instance's first device.
    fn launch_device(&self, handles: &[i32]) -> Result<u32, Failure> {
        let mut devices = handles
            .iter()
            .map(|&h| self.buffer_slot(h).map(|b| b.device));
        match devices.next() {
            Some(first) => {
                let first = first?;
                for other in devices {
                    if other? != first {
                        return Err(Failure::new(
                            Errno::InvalidArgument,
                            "the buffers are on different devices",
                        ));
                    }
                }
                Ok(first)
            }
            None => self
                .handles
                .iter()
                .position(|h| matches!(h, Handle::Device(_)))
                .map(|p| p as u32 + 1)
                .ok_or_else(|| {
                    Failure::new(
                        Errno::InvalidArgument,
                        "no buffers and no device: call get_device first",
                    )
                }),
        }
    }

    #[allow(clippy::too_many_arguments, reason = "mirrors the ABI")]
    pub(crate) fn parallel_for(
        &mut self,
        memory: &mut dyn GuestMemory,
        kernel: i32,
        items: i32,
        block_size: i32,
        in_list: (i32, i32),
        out_list: (i32, i32),
    ) -> Result<(), Failure> {
        let items = nonnegative(items, "the number of work items")?;
        let handles = self.launch_buffers(memory, in_list, out_list)?;
        let device = self.launch_device(&handles)?;
        let guest = self.guest.clone().ok_or_else(|| {
            Failure::new(
                Errno::UnsupportedKernel,
                "the host was not given this guest's module, so it cannot find its kernels",
            )
        })?;
        let index = nonnegative(kernel, "the kernel function pointer")
            .map_err(|f| Failure::new(Errno::InvalidKernel, f.message))?;
        let key = KernelKey::Funcref {
            guest: guest.id(),
            index,
        };
        let (compiled, tuning) = self.resolve(key, device, guest.bytes(), items)?;
        check_arity(compiled.kernel(), handles.len())?;
        if memory.shared().is_some() {
            // Views live in the guest's memory; the kernel runs on the device's copies.
            self.stage_views(memory, &handles, device)?;
            let result = self.execute(&compiled, tuning, device, items, block_size, &handles);
            self.unstage_views(memory, &handles, device)?;
            return result;
        }
        self.execute(&compiled, tuning, device, items, block_size, &handles)
    }

    /// The kernel for `key` on `device`, or, when the device cannot run it and the context is
    /// not strict, on the CPU executor (said once in the log).
    ///
    /// With tuning on, the kernel is the variant of the tuner's setting for a launch of `items`
    /// work items, which the returned [`Tuning`] carries to the launch.
    fn resolve(
        &mut self,
        key: KernelKey,
        device: u32,
        bytes: &[u8],
        items: u32,
    ) -> Result<(Resolved, Tuning), Failure> {
        let device_index = self.device_slot(device as i32)?.index;
        let knob = self.ctx.knob(device_index);
        let (setting, trial) = match &self.ctx.inner.tuner {
            Some(tuner) => tuner.setting(&key.to_string(), device_index, knob, items),
            None => (Setting::Default, None),
        };
        let workers = self.ctx.inner.devices[device_index].info().compute_units;
        let mut tuning = Tuning {
            setting,
            trial,
            workers,
        };
        let mut compiled = self
            .ctx
            .kernel(key.clone(), device_index, bytes, setting.workgroup());
        if compiled.is_err() && setting.workgroup().is_some() {
            // A workgroup size the device refuses: never choose it, and launch the default.
            if let (Some(tuner), Some(trial)) = (&self.ctx.inner.tuner, tuning.trial.take()) {
                tuner.reject(trial);
            }
            tuning.setting = Setting::Default;
            compiled = self.ctx.kernel(key.clone(), device_index, bytes, None);
        }
        match compiled {
            Ok(kernel) => Ok((Resolved::Native(kernel), tuning)),
            Err(f) if f.errno == Errno::UnsupportedKernel && !self.ctx.inner.strict => {
                let cpu = match self.ctx.cpu_index() {
                    Some(cpu) if cpu != device_index => cpu,
                    _ => return Err(f),
                };
                let kernel = self.ctx.kernel(key.clone(), cpu, bytes, None)?;
                self.ctx.log_fallback_once(&key, device_index, &f.message);
                Ok((Resolved::OnCpu(kernel), Tuning::none()))
            }
            Err(f) => Err(f),
        }
    }

    /// Launches a resolved kernel; a tuning trial is timed and reported to the tuner.
    fn execute(
        &mut self,
        compiled: &Resolved,
        tuning: Tuning,
        device: u32,
        items: u32,
        block_size: i32,
        handles: &[i32],
    ) -> Result<(), Failure> {
        let start = std::time::Instant::now();
        let chunk = tuning.setting.chunk(items, tuning.workers);
        match compiled {
            Resolved::Native(kernel) => {
                self.run(device, &**kernel, items, block_size, handles, chunk)?
            }
            Resolved::OnCpu(kernel) => {
                return self.run_on_cpu(device, &**kernel, items, block_size, handles);
            }
        }
        if let (Some(tuner), Some(trial)) = (&self.ctx.inner.tuner, tuning.trial) {
            tuner.record(trial, start.elapsed());
        }
        Ok(())
    }

    /// Runs `kernel` on the CPU executor for buffers that live on `device`: copies them to
    /// shadows in the device's fallback space, launches, and copies the writable ones back.
    fn run_on_cpu(
        &mut self,
        device: u32,
        kernel: &dyn Kernel,
        items: u32,
        block_size: i32,
        handles: &[i32],
    ) -> Result<(), Failure> {
        let cpu = self
            .ctx
            .cpu_index()
            .ok_or_else(|| Failure::new(Errno::DeviceError, "no cpu device"))?;
        let mut fallback = match self.device_slot(device as i32)?.fallback.take() {
            Some(space) => space,
            None => self.open_space(cpu)?,
        };
        let result = self.shadow_launch(&mut *fallback, device, kernel, items, block_size, handles);
        self.device_slot(device as i32)?.fallback = Some(fallback);
        self.mark_written(handles);
        result
    }

    fn shadow_launch(
        &mut self,
        fallback: &mut dyn Space,
        device: u32,
        kernel: &dyn Kernel,
        items: u32,
        block_size: i32,
        handles: &[i32],
    ) -> Result<(), Failure> {
        let mut unique = handles.to_vec();
        unique.sort_unstable();
        unique.dedup();
        for &h in &unique {
            let slot = self.buffer_slot(h)?;
            let shadow = match &slot.shadow {
                Some(shadow) => shadow.clone(),
                None => {
                    let desc = BufferDescriptor {
                        size: u64::from(slot.size),
                        access: slot.access,
                    };
                    let shadow = fallback.create_buffer(&desc)?;
                    self.buffer_slot_mut(h)?.shadow = Some(shadow.clone());
                    shadow
                }
            };
            let slot = self.buffer_slot(h)?;
            if slot.written {
                let (storage, size) = (slot.storage.clone(), slot.size);
                let mut data = vec![0; size as usize];
                self.space(device)?.read_buffer(&*storage, 0, &mut data)?;
                fallback.write_buffer(&*shadow, 0, &data)?;
            }
        }
        let shadows = handles
            .iter()
            .map(|&h| {
                self.buffer_slot(h)
                    .map(|b| b.shadow.clone().expect("made above"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let buffers: Vec<&dyn Buffer> = shadows.iter().map(|b| &**b).collect();
        let launched = fallback.launch(
            kernel,
            &Launch {
                items,
                block_size: block_size as u32,
                buffers: &buffers,
                chunk: None,
            },
        );
        // Copy back whatever the work items wrote, also when one trapped.
        for &h in &unique {
            let slot = self.buffer_slot(h)?;
            if !slot.access.kernel_writes() {
                continue;
            }
            let (storage, size, shadow) = (
                slot.storage.clone(),
                slot.size,
                slot.shadow.clone().expect("made above"),
            );
            let mut data = vec![0; size as usize];
            fallback.read_buffer(&*shadow, 0, &mut data)?;
            self.space(device)?.write_buffer(&*storage, 0, &data)?;
        }
        Ok(launched?)
    }

    fn stage_views(
        &mut self,
        memory: &mut dyn GuestMemory,
        handles: &[i32],
        device: u32,
    ) -> Result<(), Failure> {
        for &h in handles {
            let slot = self.buffer_slot(h)?;
            if let Some((address, len)) = slot.view {
                let data = memory.read(address, len)?;
                let storage = slot.storage.clone();
                self.space(device)?.write_buffer(&*storage, 0, &data)?;
            }
        }
        Ok(())
    }

    fn unstage_views(
        &mut self,
        memory: &mut dyn GuestMemory,
        handles: &[i32],
        device: u32,
    ) -> Result<(), Failure> {
        for &h in handles {
            let slot = self.buffer_slot(h)?;
            if !slot.access.kernel_writes() {
                continue;
            }
            let (storage, size, view) = (slot.storage.clone(), slot.size, slot.view);
            let (address, len) = match view {
                Some(view) => view,
                None => continue,
            };
            let mut data = vec![0; len.min(size) as usize];
            self.space(device)?.read_buffer(&*storage, 0, &mut data)?;
            memory.write(address, &data)?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments, reason = "mirrors the ABI")]
    pub(crate) fn parallel_exec(
        &mut self,
        memory: &mut dyn GuestMemory,
        device: i32,
        kernel: (i32, i32),
        items: i32,
        block_size: i32,
        in_list: (i32, i32),
        out_list: (i32, i32),
    ) -> Result<(), Failure> {
        let items = nonnegative(items, "the number of iterations")?;
        let kernel_len = nonnegative(kernel.1, "the kernel length")?;
        let handles = self.launch_buffers(memory, in_list, out_list)?;
        for &h in &handles {
            if self.buffer_slot(h)?.device != device as u32 {
                return Err(Failure::new(
                    Errno::BadHandle,
                    format!("buffer {h} is on another device than {device}"),
                ));
            }
        }
        let bytes = memory.read(kernel.0 as u32, kernel_len)?;
        let key = KernelKey::Exec {
            module: *blake3::hash(&bytes).as_bytes(),
        };
        let (compiled, tuning) = self.resolve(key, device as u32, &bytes, items)?;
        check_arity(compiled.kernel(), handles.len())?;
        let Some(shared) = memory.shared() else {
            return self.execute(
                &compiled,
                tuning,
                device as u32,
                items,
                block_size,
                &handles,
            );
        };
        let Resolved::Native(compiled) = compiled else {
            return Err(Failure::new(
                Errno::UnsupportedKernel,
                "this device cannot run the kernel, and zero-copy buffers cannot move to the CPU",
            ));
        };
        // Zero-copy: run in the guest's memory, at the places write_buffer recorded.
        let mut views = Vec::with_capacity(handles.len());
        for &h in &handles {
            let slot = self.buffer_slot(h)?;
            let (address, len) = slot.view.ok_or_else(|| {
                Failure::new(
                    Errno::InvalidArgument,
                    format!(
                        "buffer {h} has no place in the shared memory yet: write_buffer it first"
                    ),
                )
            })?;
            views.push((address, len, slot.access));
        }
        let devices = self.ctx.inner.devices.clone();
        let slot = self.device_slot(device)?;
        if slot.guest_space.is_none() {
            let wasm_device = devices[slot.index].as_wasm_memory().ok_or_else(|| {
                Failure::new(
                    Errno::UnsupportedKernel,
                    "this device cannot run kernels in a guest's shared memory",
                )
            })?;
            slot.guest_space = Some(wasm_device.create_space_in(shared)?);
        }
        let space = slot.guest_space.as_deref().expect("opened above");
        let storages = views
            .iter()
            .map(|&(address, len, access)| {
                space.create_view(u64::from(address), u64::from(len), access)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let buffers: Vec<&dyn Buffer> = storages.iter().map(|b| &**b).collect();
        let start = std::time::Instant::now();
        space.launch(
            &*compiled,
            &Launch {
                items,
                block_size: block_size as u32,
                buffers: &buffers,
                chunk: tuning.setting.chunk(items, tuning.workers),
            },
        )?;
        if let (Some(tuner), Some(trial)) = (&self.ctx.inner.tuner, tuning.trial) {
            tuner.record(trial, start.elapsed());
        }
        Ok(())
    }
}

fn check_arity(kernel: &dyn Kernel, buffers: usize) -> Result<(), Failure> {
    if kernel.buffer_count() == buffers {
        return Ok(());
    }
    Err(Failure::new(
        Errno::InvalidKernel,
        format!(
            "kernel `{}` takes {} buffers, but the launch passes {buffers}",
            kernel.label(),
            kernel.buffer_count()
        ),
    ))
}
