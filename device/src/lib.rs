//! Devices, buffers and compiled kernels for wasi-parallel.
//!
//! This crate is the layer between the Wasmtime glue (`wasi-parallel-runtime`) and whatever runs a
//! kernel: it knows devices, buffers and kernels, never Wasm guests. Everything is expressed as
//! object-safe traits so that backends can be added without the runtime changing shape:
//!
//! - a [`Device`] describes itself ([`DeviceInfo`]), compiles kernels ([`Device::create_kernel`])
//!   and opens [`Space`]s;
//! - a [`Space`] is one client's view of a device: the buffers one guest instance created there, and
//!   on the CPU the linear memory those buffers live in. Buffers stay resident in their space across
//!   launches: [`Space::write_buffer`] copies in once, [`Space::launch`] copies nothing, and
//!   [`Space::read_buffer`] copies out;
//! - a [`Kernel`] is compiled once per device and reused by every launch in every space.
//!
//! Devices are found by [`discover`] and picked by [`select`], which implements the hint rule of
//! the guest ABI. The CPU backends ([`cpu`]) are always compiled in and always present: `sequential`
//! runs work items in order on the calling thread, `cpu` spreads them over a persistent worker pool.
//! The GPU backends, `wgpu` and `opencl` (cargo features of the same names, on by default), run
//! kernels translated to naga IR ([`KernelInput::Translated`]); their native libraries are loaded
//! at run time, so a machine without them just has no such devices.
//!
//! # Kernel modules
//!
//! Every backend takes kernels in one form, a *kernel module*: a Wasm module that
//!
//! - imports exactly one memory, `"" "memory"`, declared `shared` with a maximum of 65536 pages
//!   (the device provides that memory; it holds the space's buffers);
//! - exports a function `kernel` of type `(i32 x (3 + 2 * buffers)) -> ()`: `(iteration_id,
//!   num_iterations, block_size, ptr0, len0, ptr1, len1, ...)`;
//! - exports a function `__wasi_parallel_range` of type `(i32 x (4 + 2 * buffers)) -> ()`:
//!   `(start, end, num_iterations, block_size, ptr0, len0, ...)`, which calls `kernel` for every
//!   iteration id in `start..end`, so that a worker crosses from the host into Wasm once per chunk
//!   rather than once per work item;
//! - may export a mutable i32 global `__wasi_parallel_stack_pointer`: the shadow stack pointer that
//!   compilers keep in a global. Each worker gets a stack region of its own in the space and the
//!   device points this global at it.
//!
//! [`kernel_module`] makes such modules from guest code and from kernel libraries; the devices
//! check the contract when they compile a kernel. [`compile_kernel`] is the one way to make a
//! device's kernel from Wasm bytes: it cuts out a kernel module or translates, as the device
//! takes kernels.

use std::any::Any;
use std::fmt;
use std::sync::Arc;

pub mod compile;
pub mod cpu;
pub mod kernel_module;
#[cfg(feature = "opencl")]
pub mod opencl;
pub mod process_env;
pub mod signals;
#[cfg(feature = "wgpu")]
pub mod wgpu;

pub use compile::{
    compile_kernel, translate_options, CompileError, CompileOptions, KernelEntry, TranslationSource,
};
pub use cpu::{CpuDevice, CpuDeviceDescriptor, KernelClock, WasmMemoryDevice, WasmMemorySpace};

/// The export every kernel module provides: the kernel body, one work item per call.
pub const KERNEL_EXPORT: &str = "kernel";
/// The export that runs a range of work items (see the crate docs).
pub const RANGE_EXPORT: &str = "__wasi_parallel_range";
/// The optional exported shadow-stack-pointer global of a kernel module.
pub const STACK_POINTER_EXPORT: &str = "__wasi_parallel_stack_pointer";

/// What kind of device this is. The first four are the guest ABI's hints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeviceKind {
    /// One thread, work items in order: the reference for every other device.
    Sequential,
    /// The host's CPU cores.
    Cpu,
    /// A GPU with its own memory.
    DiscreteGpu,
    /// A GPU sharing memory with the CPU.
    IntegratedGpu,
    /// A GPU implemented in software on the CPU (lavapipe, SwiftShader), or an OpenCL device
    /// that is not a GPU (PoCL's CPU device): the GPU code path, at CPU speed. No hint selects
    /// it; only its name or backend does.
    SoftwareGpu,
}

impl DeviceKind {
    /// The guest ABI's hint value for this kind (`get_device`'s first argument).
    pub fn hint(self) -> u32 {
        match self {
            DeviceKind::Sequential => 0,
            DeviceKind::Cpu => 1,
            DeviceKind::DiscreteGpu => 2,
            DeviceKind::IntegratedGpu | DeviceKind::SoftwareGpu => 3,
        }
    }

    /// The kind a guest hint names, if any.
    pub fn from_hint(hint: u32) -> Option<DeviceKind> {
        Some(match hint {
            0 => DeviceKind::Sequential,
            1 => DeviceKind::Cpu,
            2 => DeviceKind::DiscreteGpu,
            3 => DeviceKind::IntegratedGpu,
            _ => return None,
        })
    }

    /// The short name used on the command line and in tables.
    pub fn name(self) -> &'static str {
        match self {
            DeviceKind::Sequential => "sequential",
            DeviceKind::Cpu => "cpu",
            DeviceKind::DiscreteGpu => "discrete-gpu",
            DeviceKind::IntegratedGpu => "integrated-gpu",
            DeviceKind::SoftwareGpu => "software-gpu",
        }
    }

    /// Whether this is a GPU of any kind.
    pub fn is_gpu(self) -> bool {
        matches!(
            self,
            DeviceKind::DiscreteGpu | DeviceKind::IntegratedGpu | DeviceKind::SoftwareGpu
        )
    }
}

impl fmt::Display for DeviceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Limits a device imposes on buffers and launches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceLimits {
    /// The largest single buffer, in bytes.
    pub max_buffer_size: u64,
    /// The most bytes of a buffer one kernel binding may hold (wgpu: 128 MiB on lavapipe). A
    /// larger buffer is bound in parts, by a kernel translated again for that launch, which
    /// needs the kernel's [`KernelDescriptor::origin`].
    pub max_binding_size: u64,
    /// The most bytes all buffers of one space may hold together.
    pub max_space_size: u64,
    /// The most buffers one launch may bind.
    pub max_buffers_per_launch: u32,
    /// The most work items one launch may have.
    pub max_work_items: u64,
    /// The most loop iterations one work item may run, over all its loops, on a device that
    /// ends loops silently past a limit (lavapipe: 65535); kernels translated for it trap
    /// instead of going wrong.
    pub max_loop_iterations: Option<u32>,
}

/// What a device is and what it can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviceInfo {
    /// The unique name of this device, as `--device NAME` takes it.
    pub name: String,
    /// What kind of device it is.
    pub kind: DeviceKind,
    /// The backend that drives it (`sequential`, `cpu`, `wgpu`, `opencl`).
    pub backend: &'static str,
    /// A human description: the adapter or processor name.
    pub description: String,
    /// Parallel compute units: worker threads on the CPU, multiprocessors on a GPU.
    pub compute_units: u32,
    /// Memory available to buffers, in bytes.
    pub memory_bytes: u64,
    /// Whether kernels may use 64-bit floats.
    pub f64: bool,
    /// Whether kernels may use 64-bit integers.
    pub i64: bool,
    /// Whether kernels may use 64-bit atomics on buffers.
    pub i64_atomics: bool,
    /// Buffer and launch limits.
    pub limits: DeviceLimits,
    /// What [`Device::create_kernel`] needs in its descriptor.
    pub kernel_input: KernelInput,
}

/// The form of kernel a device compiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KernelInput {
    /// A kernel module (see the crate docs): [`KernelSource::WasmModule`].
    WasmModule,
    /// A kernel translated to naga IR: [`KernelSource::Translated`].
    Translated,
}

/// How a kernel may access a buffer, as declared at creation (the ABI's `access` argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Access {
    /// The kernel only reads the buffer.
    Read,
    /// The kernel only writes the buffer.
    Write,
    /// The kernel reads and writes the buffer.
    ReadWrite,
}

impl Access {
    /// The access an ABI value names, if any.
    pub fn from_abi(value: u32) -> Option<Access> {
        Some(match value {
            0 => Access::Read,
            1 => Access::Write,
            2 => Access::ReadWrite,
            _ => return None,
        })
    }

    /// Whether a kernel may write a buffer with this access.
    pub fn kernel_writes(self) -> bool {
        !matches!(self, Access::Read)
    }
}

/// Describes a buffer to create in a space.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BufferDescriptor {
    /// Size in bytes.
    pub size: u64,
    /// How kernels may access it.
    pub access: Access,
}

/// What a device compiles a kernel from: the form its [`DeviceInfo::kernel_input`] names.
/// [`compile::compile_kernel`] makes the right one from Wasm bytes.
#[derive(Clone, Copy)]
pub enum KernelSource<'a> {
    /// A kernel module's binary (see the crate docs for the contract).
    WasmModule(&'a [u8]),
    /// The kernel translated to naga IR.
    Translated(&'a wasi_parallel_translator::Translation),
}

impl fmt::Debug for KernelSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KernelSource::WasmModule(wasm) => write!(f, "WasmModule({} bytes)", wasm.len()),
            KernelSource::Translated(t) => write!(f, "Translated({} buffers)", t.buffers.len()),
        }
    }
}

/// Describes a kernel to compile, in the form the device takes ([`DeviceInfo::kernel_input`]).
#[derive(Clone, Copy, Debug)]
pub struct KernelDescriptor<'a> {
    /// A name for logs and error messages.
    pub label: &'a str,
    /// What the kernel is made from.
    pub source: KernelSource<'a>,
    /// For a translated kernel, what it was translated from: a device whose bindings are
    /// smaller than its buffers may be translates it again for a launch with such a buffer,
    /// split across several bindings (see [`wasi_parallel_translator::Layout`]). `None`: such
    /// launches are refused.
    pub origin: Option<&'a TranslationSource>,
}

/// A region of memory a space starts with, at a fixed address: the guest's static data, which
/// kernels address absolutely.
#[derive(Clone, Copy)]
pub struct StaticSegment<'a> {
    /// The address of the first byte.
    pub address: u64,
    /// The bytes.
    pub bytes: &'a [u8],
}

impl fmt::Debug for StaticSegment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "StaticSegment({:#x}, {} bytes)",
            self.address,
            self.bytes.len()
        )
    }
}

/// Describes a space to open on a device.
#[derive(Clone, Copy, Debug, Default)]
pub struct SpaceDescriptor<'a> {
    /// Bytes at the bottom of the address space that hold static data (and that buffers must not
    /// use): the guest's initial memory size.
    pub static_size: u64,
    /// The static data itself, inside `0..static_size`.
    pub static_segments: &'a [StaticSegment<'a>],
    /// Whether each launch may touch only the buffers it is passed, and read-only ones only
    /// for reading, with any other access a trap. GPUs bind only what a launch passes, always;
    /// the CPU executor protects the pages of every other buffer of the space for the launch,
    /// which costs a few system calls when a launch passes other buffers than the last one did.
    /// Guests' spaces are confined; a space for the host's own kernels (wasi-nn's operators)
    /// need not be.
    pub confined: bool,
}

/// One launch of a kernel.
#[derive(Debug)]
pub struct Launch<'a> {
    /// The number of work items; item `i` runs `kernel(i, items, block_size, ...)`.
    pub items: u32,
    /// Passed through to the kernel unchanged.
    pub block_size: u32,
    /// The buffers, in kernel parameter order (inputs first, then outputs). A buffer may appear
    /// more than once.
    pub buffers: &'a [&'a dyn Buffer],
    /// CPU executor: work items a worker takes at once (`None`: the backend's default). GPUs
    /// ignore it. It changes how fast a launch runs, never what it computes.
    pub chunk: Option<u32>,
    /// The buffers' addresses in the guest's memory, where they are views of it (a guest with
    /// a shared memory), in `buffers`' order: translated kernels compare pointers into two
    /// buffers by them, as the guest's own code would. `None`: buffers that have no guest
    /// addresses, compared as if they lay apart in parameter order. Devices that run Wasm use
    /// their own addresses.
    pub addresses: Option<&'a [u32]>,
}

/// A buffer resident on a device, created by a [`Space`].
pub trait Buffer: Send + Sync + fmt::Debug {
    /// Size in bytes.
    fn size(&self) -> u64;
    /// How kernels may access it.
    fn access(&self) -> Access;
    /// The backend's own type, for the space that created it.
    fn as_any(&self) -> &dyn Any;
}

/// A kernel compiled for one device.
pub trait Kernel: Send + Sync + fmt::Debug {
    /// The descriptor's label.
    fn label(&self) -> &str;
    /// How many buffers a launch must pass.
    fn buffer_count(&self) -> usize;
    /// The backend's own type, for the device that compiled it.
    fn as_any(&self) -> &dyn Any;
}

/// One client's buffers on one device (see the crate docs).
pub trait Space: Send + fmt::Debug {
    /// Creates a buffer. Its contents start as zeros.
    fn create_buffer(&self, desc: &BufferDescriptor) -> Result<Arc<dyn Buffer>, DeviceError>;
    /// Copies `data` into `buffer` at byte `offset`.
    fn write_buffer(
        &self,
        buffer: &dyn Buffer,
        offset: u64,
        data: &[u8],
    ) -> Result<(), DeviceError>;
    /// Copies `buffer` from byte `offset` into `data`.
    fn read_buffer(
        &self,
        buffer: &dyn Buffer,
        offset: u64,
        data: &mut [u8],
    ) -> Result<(), DeviceError>;
    /// Runs `kernel` over `launch.items` work items and returns when all are done.
    fn launch(&self, kernel: &dyn Kernel, launch: &Launch<'_>) -> Result<(), DeviceError>;
    /// Spaces whose buffers live in host memory, where native code can work on them directly.
    fn as_host(&self) -> Option<&dyn HostSpace> {
        None
    }
}

/// What [`HostSpace::with_host_buffers`] calls: `f(inputs, output)`.
pub type HostBuffersFn<'a> = dyn FnMut(&[&[u8]], &mut [u8]) + 'a;

/// A space in host memory (the CPU devices'): native code can read and write its buffers in
/// place. This is how a host library runs a CPU-specialised
/// version of a kernel (a GEMM, say) on the same buffers the portable kernel would use.
pub trait HostSpace {
    /// Calls `f(inputs, output)` with the contents of `buffers`: the last one is `output`, the
    /// others `inputs` (a buffer may be an input more than once). Fails if the output overlaps
    /// an input, or if a buffer is not this space's.
    fn with_host_buffers(
        &self,
        buffers: &[&dyn Buffer],
        f: &mut HostBuffersFn<'_>,
    ) -> Result<(), DeviceError>;
    /// How many worker threads the device runs this space's kernels on; `None` when they run on
    /// the calling thread (`sequential`). Native code that works on the buffers brings threads
    /// of its own: this tells it how many the device uses, not threads it may borrow.
    fn workers(&self) -> Option<usize>;
}

/// A device: see the crate docs.
pub trait Device: Send + Sync + fmt::Debug {
    /// What this device is.
    fn info(&self) -> &DeviceInfo;
    /// Compiles a kernel module for this device.
    fn create_kernel(&self, desc: &KernelDescriptor<'_>) -> Result<Arc<dyn Kernel>, DeviceError>;
    /// Opens a space for one client's buffers.
    fn create_space(&self, desc: &SpaceDescriptor<'_>) -> Result<Box<dyn Space>, DeviceError>;
    /// Devices that hand their drivers SPIR-V: the options of the translator's SPIR-V back end
    /// that their kernels are written with, so that anyone can write the same words
    /// (`wasi-parallel translate --device NAME --emit spv`). `None` elsewhere.
    fn spirv_options(&self) -> Option<wasi_parallel_translator::back::spv::Options> {
        None
    }
    /// Devices that can run kernels directly in a Wasm shared memory (zero-copy buffers).
    fn as_wasm_memory(&self) -> Option<&dyn WasmMemoryDevice> {
        None
    }
    /// How long one launch may run on this device (see [`DiscoveryOptions::kernel_timeout`]);
    /// `None` for no limit. Host code that works on a space's buffers itself (wasi-nn's native
    /// CPU kernels) keeps to it too.
    fn time_limit(&self) -> Option<std::time::Duration>;
}

/// Errors from devices.
#[derive(Debug, thiserror::Error)]
pub enum DeviceError {
    /// A size, offset or count that does not fit.
    #[error("out of range: {0}")]
    OutOfRange(String),
    /// The device cannot hold what was asked.
    #[error("out of device memory: {0}")]
    OutOfMemory(String),
    /// A buffer or kernel that belongs to another device or space.
    #[error("foreign object: {0}")]
    Foreign(String),
    /// A kernel module this device cannot run.
    #[error("unsupported kernel: {0}")]
    UnsupportedKernel(String),
    /// The launch does not match the kernel (buffer count, sizes).
    #[error("invalid launch: {0}")]
    InvalidLaunch(String),
    /// The kernel trapped in some work item; the message says where and why.
    #[error("kernel trapped: {0}")]
    KernelTrap(String),
    /// Anything else the device reports.
    #[error("device error: {0}")]
    Device(String),
}

/// How to discover devices.
#[derive(Clone, Debug)]
pub struct DiscoveryOptions {
    /// The engine CPU kernels are compiled with; it must enable threads and shared memory.
    pub engine: wasmtime::Engine,
    /// Workers of the `cpu` device; `None` means one per core.
    pub cpu_threads: Option<usize>,
    /// How long one launch may run before it is stopped with a trap; `None` for no limit. CPU
    /// kernels in a guest's memory are stopped by `engine`'s epochs: they have a limit only if
    /// it enables `epoch_interruption` (and then every other store on it must set its own epoch
    /// deadline). Every other kernel stops by itself (see [`KernelClock`]).
    pub kernel_timeout: Option<std::time::Duration>,
    /// How long a GPU driver may take to compile one kernel; past it the device refuses the
    /// kernel as unsupported (and the runtime runs it on the CPU). `None` for no limit.
    pub compile_timeout: Option<std::time::Duration>,
    /// What CPU kernels in the devices' own memory are compiled with (see
    /// [`CpuDeviceDescriptor::kernel_config`]).
    pub kernel_config: Option<wasmtime::Config>,
    /// wgpu devices bind at most this many bytes (at least 256) of a buffer per storage
    /// binding, where that is below their own limit: larger buffers are split across several
    /// bindings, as on a device with that limit (see [`DeviceLimits::max_binding_size`]). For
    /// tests, and to see on a large GPU what a small one does. `None`: the devices' own limits.
    pub max_binding_size: Option<u64>,
}

/// A compile time limit that no kernel of this repository's comes near (the slowest, on
/// lavapipe, take a few seconds) and that a compile bomb cannot outlast.
pub const DEFAULT_COMPILE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// The time limits of a GPU device (see [`DiscoveryOptions`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimeLimits {
    /// How long one launch (and any copy waiting on it) may take. Past it the launch fails
    /// with [`DeviceError::KernelTrap`], and later calls wait for the device to finish it (see
    /// `Overrun`).
    pub kernel: Option<std::time::Duration>,
    /// How long the driver may take to compile one kernel.
    pub compile: Option<std::time::Duration>,
}

/// A launch that ran past its time limit on a GPU device (see [`TimeLimits::kernel`]). No GPU
/// API stops a running kernel, so the device may still be running it; its work items stop by
/// themselves within seconds (their loop budget, see [`loop_budget`]), unless each is short and
/// there are very many. Meanwhile every later call on the device first waits for the launch, at
/// most the kernel limit, and fails with [`DeviceError::Device`] if it is still running; once
/// it has ended, the device serves calls again. `T` is what the backend waits on.
#[cfg(any(feature = "wgpu", feature = "opencl"))]
pub(crate) struct Overrun<T>(std::sync::Mutex<Option<(String, T)>>);

#[cfg(any(feature = "wgpu", feature = "opencl"))]
impl<T> Default for Overrun<T> {
    fn default() -> Self {
        Overrun(std::sync::Mutex::new(None))
    }
}

#[cfg(any(feature = "wgpu", feature = "opencl"))]
impl<T> fmt::Debug for Overrun<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Overrun").field(&self.pending()).finish()
    }
}

#[cfg(any(feature = "wgpu", feature = "opencl"))]
impl<T> Overrun<T> {
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(String, T)>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Whether a launch that ran past its limit may still be running.
    pub(crate) fn pending(&self) -> bool {
        self.lock().is_some()
    }

    /// Records that the launch in flight on device `name` ran past its limit (`why`), with what
    /// to wait on for it; returns the launch's error.
    pub(crate) fn record(&self, name: &str, why: String, pending: T) -> DeviceError {
        let message = format!(
            "{why}; {name} goes on running it until its work items stop, and later calls on \
             {name} wait for that"
        );
        *self.lock() = Some((why, pending));
        DeviceError::KernelTrap(message)
    }

    /// Before a call on device `name`: if a launch ran past its limit, waits for it with
    /// `ended` (which says whether it has ended, waiting at most the kernel limit), and fails
    /// if it has not.
    pub(crate) fn settle(
        &self,
        name: &str,
        ended: impl FnOnce(&T) -> Result<bool, DeviceError>,
    ) -> Result<(), DeviceError> {
        let mut overrun = self.lock();
        let Some((why, pending)) = overrun.as_ref() else {
            return Ok(());
        };
        if ended(pending)? {
            *overrun = None;
            return Ok(());
        }
        Err(DeviceError::Device(format!(
            "{name} is still running a launch that ran past its time limit ({why})"
        )))
    }
}

/// Where the guest's data segments end: GPU spaces bind the static data up to there, and
/// translated kernels read the zeros after it, up to the guest's initial memory size, without
/// a binding (see the translator's static loads). Fails if a segment lies outside the static
/// region.
#[cfg(any(feature = "wgpu", feature = "opencl"))]
pub(crate) fn static_data_end(desc: &SpaceDescriptor<'_>) -> Result<u64, DeviceError> {
    let mut end = 0;
    for segment in desc.static_segments {
        match segment.address.checked_add(segment.bytes.len() as u64) {
            Some(e) if e <= desc.static_size => end = end.max(e),
            _ => {
                return Err(DeviceError::OutOfRange(format!(
                    "{segment:?} lies outside the static region"
                )))
            }
        }
    }
    Ok(end)
}

/// The status binding's second word for a space: the guest's initial memory size, which
/// translated kernels read static data up to (at most `u32::MAX`).
#[cfg(any(feature = "wgpu", feature = "opencl"))]
pub(crate) fn static_memory_word(desc: &SpaceDescriptor<'_>) -> u32 {
    u32::try_from(desc.static_size).unwrap_or(u32::MAX)
}

/// The status binding's contents at a launch: no trap yet, the guest's initial memory size, and
/// the buffers' addresses ([`buffer_addresses`]).
#[cfg(any(feature = "wgpu", feature = "opencl"))]
pub(crate) fn status_words(static_memory: u32, launch: &Launch<'_>) -> Vec<u8> {
    let bases = buffer_addresses(launch);
    [0, static_memory]
        .into_iter()
        .chain(bases)
        .flat_map(u32::to_le_bytes)
        .collect()
}

/// The buffers' addresses a translated kernel compares pointers of two buffers by (the status
/// binding's words from the third): the guest's ([`Launch::addresses`]), or else addresses in
/// parameter order from 64 KiB up, each buffer 256 bytes past the end of the one before, so
/// that no two meet (not even one past a buffer's end and the next one's start).
#[cfg(any(feature = "wgpu", feature = "opencl"))]
fn buffer_addresses(launch: &Launch<'_>) -> Vec<u32> {
    if let Some(addresses) = launch.addresses {
        if addresses.len() == launch.buffers.len() {
            return addresses.to_vec();
        }
    }
    let mut next = 1u32 << 16;
    launch
        .buffers
        .iter()
        .map(|b| {
            let base = next;
            let size = u32::try_from(b.size().next_multiple_of(256)).unwrap_or(u32::MAX);
            next = next.wrapping_add(size).wrapping_add(256);
            base
        })
        .collect()
}

/// The loop iterations each work item of a launch translated for a GPU may run (the params'
/// `budget`, see the translator's crate docs): without a time limit, none (`u32::MAX`); with
/// one, 2^32 - 2. No work item runs that many in less than about half a second (it would take
/// ten iterations per nanosecond), so the budget never ends one before the limit would; but
/// an endless kernel then ends on the device, within seconds, instead of running on after its
/// launch returned, and the device serves the next launch.
#[cfg(any(feature = "wgpu", feature = "opencl"))]
pub(crate) fn loop_budget(limit: Option<std::time::Duration>) -> u32 {
    match limit {
        Some(_) => u32::MAX - 1,
        None => u32::MAX,
    }
}

/// Runs `work` on a thread of its own and waits for it at most `limit`. On expiry the error says
/// so, and `work` runs to its end unobserved: nothing stops a driver while it compiles. With no
/// limit it runs on the calling thread.
#[cfg(any(feature = "wgpu", feature = "opencl"))]
pub(crate) fn within<T: Send + 'static>(
    limit: Option<std::time::Duration>,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    use std::sync::mpsc::RecvTimeoutError;
    let Some(limit) = limit else {
        return Ok(work());
    };
    let start = std::time::Instant::now();
    let (done, result) = std::sync::mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("wasi-parallel-driver".into())
        .stack_size(64 << 20)
        .spawn(move || {
            let _ = done.send(work());
        })
        .map_err(|e| format!("cannot start a thread for the driver: {e}"))?;
    let late = || format!("it took longer than {limit:?}");
    match result.recv_timeout(limit) {
        // The limit holds however the threads were scheduled: a result that came in late is
        // late, even if this thread only looked after it came.
        Ok(_) if start.elapsed() > limit => Err(late()),
        Ok(done) => Ok(done),
        Err(RecvTimeoutError::Timeout) => Err(late()),
        Err(RecvTimeoutError::Disconnected) => Err("the driver panicked".to_string()),
    }
}

/// The message a panic carried (`panic!`'s text), or an empty string for another payload: for
/// code that turns a caught panic into an error.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// Finds every device on this machine. `sequential` and `cpu` are always there; then come the
/// wgpu adapters and the OpenCL devices found, when those backends are compiled in.
pub fn discover(options: &DiscoveryOptions) -> Result<Vec<Arc<dyn Device>>, DeviceError> {
    let threads = options
        .cpu_threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let clock = options
        .kernel_timeout
        .map(|limit| KernelClock::start(&options.engine, limit))
        .transpose()
        .map_err(|e| DeviceError::Device(format!("cannot start the kernel clock: {e}")))?;
    let sequential = CpuDevice::new(&CpuDeviceDescriptor {
        engine: options.engine.clone(),
        threads: None,
        clock: clock.clone(),
        kernel_config: options.kernel_config.clone(),
    })?;
    let cpu = CpuDevice::new(&CpuDeviceDescriptor {
        engine: options.engine.clone(),
        threads: Some(threads),
        clock,
        kernel_config: options.kernel_config.clone(),
    })?;
    let mut devices: Vec<Arc<dyn Device>> = vec![Arc::new(sequential), Arc::new(cpu)];
    let limits = TimeLimits {
        kernel: options.kernel_timeout,
        compile: options.compile_timeout,
    };
    #[cfg(feature = "wgpu")]
    devices.extend(
        wgpu::discover_with(limits, options.max_binding_size)
            .into_iter()
            .map(|d| Arc::new(d) as Arc<dyn Device>),
    );
    #[cfg(feature = "opencl")]
    devices.extend(
        opencl::discover_with(limits)
            .into_iter()
            .map(|d| Arc::new(d) as Arc<dyn Device>),
    );
    Ok(devices)
}

/// Picks a device for a guest hint, from `devices` in discovery order.
///
/// The rule (documented in the ABI): the first device of the hinted kind; for a GPU hint with no
/// such GPU, the first GPU of the other kind, then the `cpu` device; for `cpu` or `sequential`,
/// the device of that kind (always present). Software GPUs are never picked by a hint: they run
/// GPU code at CPU speed. Returns `None` only if `devices` has none of those.
pub fn select(devices: &[Arc<dyn Device>], hint: DeviceKind) -> Option<&Arc<dyn Device>> {
    let of_kind = |kind: DeviceKind| devices.iter().find(|d| d.info().kind == kind);
    let fallbacks: &[DeviceKind] = match hint {
        DeviceKind::Sequential => &[DeviceKind::Sequential, DeviceKind::Cpu],
        DeviceKind::Cpu => &[DeviceKind::Cpu, DeviceKind::Sequential],
        DeviceKind::DiscreteGpu => &[
            DeviceKind::DiscreteGpu,
            DeviceKind::IntegratedGpu,
            DeviceKind::Cpu,
        ],
        DeviceKind::IntegratedGpu | DeviceKind::SoftwareGpu => &[
            DeviceKind::IntegratedGpu,
            DeviceKind::DiscreteGpu,
            DeviceKind::Cpu,
        ],
    };
    fallbacks.iter().find_map(|&kind| of_kind(kind))
}
