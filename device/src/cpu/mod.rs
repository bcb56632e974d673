//! The CPU backends: `sequential` and the threaded `cpu` executor.
//!
//! # Design notes
//!
//! Kernels are kernel modules (see the crate docs) compiled once with Wasmtime's Cranelift into a
//! [`wasmtime::Module`], with an engine of the device's own; kernels that run in a guest's own
//! memory are compiled again with the guest's engine, whose memory they import. A [`Space`] is a Wasm *shared* linear memory laid out like the guest's:
//!
//! ```text
//! 0 .. static_size              the guest's static data, at the guest's own addresses
//! stacks .. stacks + W * 1 MiB  one shadow stack per worker (W workers)
//! control .. control + 64 KiB   the control page kernels' stop checks store to (`KernelClock`)
//! heap ..                       buffers, each on pages of its own, never moved
//! ```
//!
//! so a kernel extracted from the guest finds its statics where the compiler put them, buffers are
//! plain addresses, and a kernel can reach nothing but this space: not the guest's own memory, not
//! another space. The memory is declared with a 4 GiB maximum, so Wasmtime reserves it once and
//! growing it for new buffers never moves it. The heap (`heap.rs`) places buffers and gives a
//! released buffer's pages back, zeroed, to the next.
//!
//! Execution: a persistent [`rayon::ThreadPool`] of W workers. A launch broadcasts one job to every
//! worker; workers take chunks of work items from a shared atomic counter and run a chunk with one
//! call into the kernel module's `__wasi_parallel_range` export. Each worker keeps, per space, a
//! [`wasmtime::Store`] with the kernel instances it has made, so a launch after the first
//! instantiates nothing. A launch of a single chunk (see [`Launch::chunk`]) runs on the calling
//! thread instead, as worker 0: waking a worker and waiting for it costs more than a small launch
//! does. The `sequential` device is the same machinery with one worker, run on the calling thread,
//! items in order.
//!
//! A trap stops the launch: workers stop taking chunks, the first trap's message is returned, and
//! the worker that trapped throws its store for that space away (a trap can leave an instance's
//! globals, such as the stack pointer, in any state).
//!
//! Confinement: in a space opened with [`SpaceDescriptor::confined`] (every guest's), a launch
//! can touch only the buffers it was passed, read-only ones only for reading: the heap keeps
//! every other page of the heap `PROT_NONE` (and read-only inputs `PROT_READ`) while the launch
//! runs, so a stray access faults inside the memory's reservation and Wasmtime reports it as an
//! out-of-bounds trap. Each buffer ends where its last page ends (see `heap.rs` for the few bytes
//! of alignment an odd size leaves), so reading or writing one byte past it traps. Protections
//! change only when a launch passes other buffers than the last one, or after the host copied
//! into a buffer. Wasmtime runs `memory.copy`, `memory.fill`, `memory.init` and
//! `memory.atomic.wait` as host code, which a protected page would crash; every kernel compiled
//! here has them guarded ([`crate::kernel_module::guard_host_operators`]), and `memory.grow`
//! fails, so a kernel cannot add pages behind the heap. A space in a guest's own memory (zero-copy
//! `parallel_exec`) is not confined: the kernel runs in memory the guest owns. The workers'
//! stacks are cleared after every launch of a kernel that uses them, so no launch sees what
//! another left there.

mod clock;
mod heap;

pub use clock::KernelClock;
use clock::Watch;

use heap::{Heap, Placement, Prot};

use std::any::Any;
use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use wasmtime::{
    Engine, ExternType, Func, Instance, MemoryType, Module, Mutability, SharedMemory, Store, Val,
    ValType,
};

use crate::{
    Access, Buffer, BufferDescriptor, Device, DeviceError, DeviceInfo, DeviceKind, DeviceLimits,
    HostSpace, Kernel, KernelDescriptor, KernelSource, Launch, Space, SpaceDescriptor,
    KERNEL_EXPORT, RANGE_EXPORT, STACK_POINTER_EXPORT,
};

/// Bytes of shadow stack each worker gets in a space (rustc's and clang's default stack size).
const STACK_SIZE: u64 = 1 << 20;
/// Wasm page size.
const PAGE: u64 = 1 << 16;
/// The largest a space may grow: the 32-bit Wasm address space.
const MAX_PAGES: u64 = 1 << 16;
/// The bytes of a space's control page that kernels' stop checks store to (see [`KernelClock`]).
const CONTROL_PAGE: usize = 4096;
/// Chunks per worker a launch aims for: enough to balance uneven work items.
const CHUNKS_PER_WORKER: u32 = 8;

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a worker's lock cannot leave its maps half-updated in a way that
    // matters: the worst case is a cached instance that is rebuilt.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn align_up(value: u64, align: u64) -> Option<u64> {
    value.checked_add(align - 1).map(|v| v & !(align - 1))
}

/// Describes a CPU device to create.
#[derive(Clone, Debug)]
pub struct CpuDeviceDescriptor {
    /// The engine kernels are compiled with. It must enable `wasm_threads` and `shared_memory`.
    pub engine: Engine,
    /// `None` for the `sequential` device; `Some(n)` for a `cpu` device with `n` workers.
    pub threads: Option<usize>,
    /// A limit on each launch's run time (see [`KernelClock`]: in a guest's memory, only if the
    /// engine enables `epoch_interruption`); `None` lets kernels run for as long as they do.
    pub clock: Option<Arc<KernelClock>>,
    /// The configuration kernels in the device's own spaces are compiled with (a profiler,
    /// Cranelift settings); the device enables threads and shared memories and fixes the
    /// memory settings it relies on. `None`: Wasmtime's defaults.
    pub kernel_config: Option<wasmtime::Config>,
}

/// Devices that can open a space directly in a guest's Wasm shared memory, so that buffers are
/// views of the guest's memory instead of copies (the ABI's zero-copy `parallel_exec`).
pub trait WasmMemoryDevice: Send + Sync {
    /// Opens a space whose memory is `memory`, which must come from this device's engine.
    fn create_space_in(
        &self,
        memory: SharedMemory,
    ) -> Result<Box<dyn WasmMemorySpace>, DeviceError>;
}

/// A space in a guest's own memory (see [`WasmMemoryDevice`]).
pub trait WasmMemorySpace: Space {
    /// A buffer that is the `size` bytes at `address` of the memory, as they are.
    fn create_view(
        &self,
        address: u64,
        size: u64,
        access: Access,
    ) -> Result<Arc<dyn Buffer>, DeviceError>;
}

/// The `sequential` or `cpu` device (see the module docs).
pub struct CpuDevice {
    shared: Arc<Shared>,
}

struct Shared {
    info: DeviceInfo,
    /// The guests' engine: kernels that run in a guest's memory are compiled with it.
    engine: Engine,
    /// The engine of kernels in the device's own spaces: the guests' may interrupt by epoch,
    /// which costs kernels more than their stop checks (see [`KernelClock`]).
    kernel_engine: Engine,
    /// `None` for `sequential`: work runs on the caller's thread.
    pool: Option<rayon::ThreadPool>,
    /// One slot per worker, indexed by the pool's thread index.
    workers: Vec<Mutex<Worker>>,
    clock: Option<Arc<KernelClock>>,
}

/// What one worker thread keeps between launches.
#[derive(Default)]
struct Worker {
    /// Per (space id, kernel id): the kernel's instance in that space, in a store of its own.
    ///
    /// One store per instance, because Wasmtime attributes a memory fault by asking every
    /// instance of the store whether the address is in its memories, and several instances
    /// importing one shared memory would all say yes.
    instances: HashMap<(u64, u64), WorkerInstance>,
}

struct WorkerInstance {
    store: Store<()>,
    /// The instance's `__wasi_parallel_range`.
    range: Func,
}

impl fmt::Debug for CpuDevice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CpuDevice")
            .field("name", &self.shared.info.name)
            .field("workers", &self.shared.workers.len())
            .finish()
    }
}

impl CpuDevice {
    /// Creates a `sequential` or `cpu` device.
    pub fn new(desc: &CpuDeviceDescriptor) -> Result<CpuDevice, DeviceError> {
        // Fail early, with a message that says what to change, if the engine cannot make the
        // shared memories spaces are made of.
        SharedMemory::new(&desc.engine, MemoryType::shared(0, 1)).map_err(|e| {
            DeviceError::Device(format!(
                "the Wasmtime engine cannot create shared memories (enable wasm_threads and \
                 shared_memory in its Config): {e}"
            ))
        })?;
        let (kind, workers, pool) = match desc.threads {
            None => (DeviceKind::Sequential, 1, None),
            Some(threads) => {
                let threads = threads.max(1);
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .thread_name(|i| format!("wasi-parallel-cpu-{i}"))
                    .build()
                    .map_err(|e| {
                        DeviceError::Device(format!("cannot start the worker pool: {e}"))
                    })?;
                (DeviceKind::Cpu, threads, Some(pool))
            }
        };
        let info = DeviceInfo {
            name: kind.name().to_string(),
            kind,
            backend: kind.name(),
            description: processor_name(),
            compute_units: workers as u32,
            memory_bytes: MAX_PAGES * PAGE,
            f64: true,
            i64: true,
            i64_atomics: true,
            limits: DeviceLimits {
                max_buffer_size: u64::from(u32::MAX),
                max_binding_size: u64::from(u32::MAX),
                max_space_size: MAX_PAGES * PAGE,
                max_buffers_per_launch: 1024,
                max_work_items: u64::from(u32::MAX),
                max_loop_iterations: None,
            },
            kernel_input: crate::KernelInput::WasmModule,
        };
        let mut config = desc.kernel_config.clone().unwrap_or_default();
        config
            .wasm_threads(true)
            .shared_memory(true)
            .memory_may_move(false)
            .epoch_interruption(false)
            // Relaxed SIMD with one result everywhere (fused multiply-adds, the saturating
            // truncations, ...): the results the translator gives GPU kernels too.
            .wasm_relaxed_simd(true)
            .relaxed_simd_deterministic(true);
        let kernel_engine = Engine::new(&config).map_err(|e| {
            DeviceError::Device(format!("cannot make the engine kernels run on: {e:#}"))
        })?;
        Ok(CpuDevice {
            shared: Arc::new(Shared {
                info,
                engine: desc.engine.clone(),
                kernel_engine,
                pool,
                workers: (0..workers).map(|_| Mutex::default()).collect(),
                clock: desc.clock.clone(),
            }),
        })
    }

    fn space_with(
        &self,
        memory: SharedMemory,
        heap: Option<(u64, bool)>,
        stacks_base: Option<u64>,
        control: Option<u64>,
    ) -> CpuSpace {
        let watch = match (control, &self.shared.clock) {
            (Some(control), Some(clock)) => {
                let watch = Watch::new(memory.clone(), control, CONTROL_PAGE);
                clock.watch(&watch);
                Some(watch)
            }
            _ => None,
        };
        CpuSpace {
            id: next_id(),
            device: self.shared.clone(),
            heap: heap.map(|(base, confined)| Arc::new(Heap::new(memory.clone(), base, confined))),
            memory,
            stacks_base,
            control,
            watch,
        }
    }
}

fn processor_name() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| std::env::consts::ARCH.to_string())
}

impl Device for CpuDevice {
    fn time_limit(&self) -> Option<std::time::Duration> {
        self.shared.clock.as_ref().map(|clock| clock.limit())
    }

    fn info(&self) -> &DeviceInfo {
        &self.shared.info
    }

    fn create_kernel(&self, desc: &KernelDescriptor<'_>) -> Result<Arc<dyn Kernel>, DeviceError> {
        let KernelSource::WasmModule(wasm) = desc.source else {
            return Err(DeviceError::UnsupportedKernel(format!(
                "{}: the CPU devices run kernel modules",
                desc.label
            )));
        };
        let unsupported =
            |e: &dyn fmt::Display| DeviceError::UnsupportedKernel(format!("{}: {e:#}", desc.label));
        // Spaces protect the pages a launch may not touch; the operators Wasmtime runs as host
        // code must meet those protections in Wasm first.
        let plain = crate::kernel_module::guard_host_operators(wasm)
            .map_err(|e| unsupported(&e))?
            .unwrap_or_else(|| wasm.to_vec());
        // With a time limit, kernels in the device's own spaces check their control page.
        let checked = match self.shared.clock {
            Some(_) => {
                crate::kernel_module::add_stop_checks(&plain).map_err(|e| unsupported(&e))?
            }
            None => plain.clone(),
        };
        let module =
            Module::new(&self.shared.kernel_engine, &checked).map_err(|e| unsupported(&e))?;
        let mut kernel = CpuKernel::check(desc.label, module)?;
        kernel.device = Arc::as_ptr(&self.shared) as usize;
        kernel.plain = plain;
        Ok(Arc::new(kernel))
    }

    fn create_space(&self, desc: &SpaceDescriptor<'_>) -> Result<Box<dyn Space>, DeviceError> {
        let too_big = || DeviceError::OutOfMemory("the static data does not fit in 4 GiB".into());
        let stacks_base = align_up(desc.static_size, PAGE).ok_or_else(too_big)?;
        let stacks = STACK_SIZE * self.shared.workers.len() as u64;
        let control = stacks_base.checked_add(stacks).ok_or_else(too_big)?;
        let heap_base = control + PAGE;
        if heap_base > MAX_PAGES * PAGE {
            return Err(too_big());
        }
        let memory = SharedMemory::new(
            &self.shared.kernel_engine,
            MemoryType::shared((heap_base / PAGE) as u32, MAX_PAGES as u32),
        )
        .map_err(|e| DeviceError::OutOfMemory(format!("cannot create the space's memory: {e}")))?;
        // The control page is for kernels' stop checks (see `KernelClock`), only with a clock:
        // otherwise no kernel touches it, and none may leave data there for a later launch.
        let page = memory.data()[control as usize..].as_ptr() as *mut libc::c_void;
        let prot = match self.shared.clock {
            Some(_) => libc::PROT_READ | libc::PROT_WRITE,
            None => libc::PROT_NONE,
        };
        // SAFETY: the page lies in the memory just made (below its initial size), which nothing
        // else uses yet; it holds no data.
        if unsafe { libc::mprotect(page, CONTROL_PAGE, prot) } != 0 {
            return Err(DeviceError::OutOfMemory(format!(
                "cannot protect the space's control page: {}",
                std::io::Error::last_os_error()
            )));
        }
        let space = self.space_with(
            memory,
            Some((heap_base, desc.confined)),
            Some(stacks_base),
            Some(control),
        );
        for segment in desc.static_segments {
            let end = segment.address.checked_add(segment.bytes.len() as u64);
            if end.is_none_or(|end| end > desc.static_size) {
                return Err(DeviceError::OutOfRange(format!(
                    "{segment:?} lies outside the static region of {} bytes",
                    desc.static_size
                )));
            }
            space.copy_in(None, segment.address, segment.bytes)?;
        }
        Ok(Box::new(space))
    }

    fn as_wasm_memory(&self) -> Option<&dyn WasmMemoryDevice> {
        Some(self)
    }
}

impl WasmMemoryDevice for CpuDevice {
    fn create_space_in(
        &self,
        memory: SharedMemory,
    ) -> Result<Box<dyn WasmMemorySpace>, DeviceError> {
        // The memory must come from the device's engine (`CpuDeviceDescriptor::engine`):
        // instantiating a kernel in it fails otherwise.
        Ok(Box::new(self.space_with(memory, None, None, None)))
    }
}

/// A kernel module compiled for a CPU device.
pub struct CpuKernel {
    id: u64,
    label: String,
    /// Compiled with the device's kernel engine, for its own spaces (with stop checks when the
    /// device has a time limit).
    module: Module,
    /// The kernel module without stop checks, for spaces in a guests' memory ...
    plain: Vec<u8>,
    /// ... and it compiled with the guests' engine, on first use there.
    in_guest_memory: std::sync::OnceLock<Result<Module, String>>,
    buffers: usize,
    has_stack_pointer: bool,
    /// The device that compiled it.
    device: usize,
}

impl fmt::Debug for CpuKernel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CpuKernel")
            .field("label", &self.label)
            .field("buffers", &self.buffers)
            .finish()
    }
}

impl CpuKernel {
    /// Checks the kernel-module contract (see the crate docs).
    fn check(label: &str, module: Module) -> Result<CpuKernel, DeviceError> {
        let bad = |why: String| DeviceError::UnsupportedKernel(format!("{label}: {why}"));
        let imports_ok = {
            let mut imports = module.imports();
            match (imports.next(), imports.next()) {
                (Some(import), None) => {
                    import.module().is_empty()
                        && import.name() == "memory"
                        && matches!(import.ty(), ExternType::Memory(m) if m.is_shared() && !m.is_64())
                }
                _ => false,
            }
        };
        if !imports_ok {
            return Err(bad(
                "a kernel module must import exactly one shared 32-bit memory, \"\" \"memory\""
                    .into(),
            ));
        }
        let func_params = |name: &str| -> Result<usize, DeviceError> {
            match module.get_export(name) {
                Some(ExternType::Func(f))
                    if f.results().len() == 0 && f.params().all(|p| matches!(p, ValType::I32)) =>
                {
                    Ok(f.params().len())
                }
                _ => Err(bad(format!(
                    "no export `{name}` taking only i32 and returning nothing"
                ))),
            }
        };
        let params = func_params(KERNEL_EXPORT)?;
        if params < 3 || !(params - 3).is_multiple_of(2) {
            return Err(bad(format!(
                "`kernel` takes {params} parameters; it must take (iteration_id, num_iterations, \
                 block_size) and a (pointer, length) pair per buffer"
            )));
        }
        if func_params(RANGE_EXPORT)? != params + 1 {
            return Err(bad(format!(
                "`{RANGE_EXPORT}` must take one parameter more than `kernel`"
            )));
        }
        let has_stack_pointer = match module.get_export(STACK_POINTER_EXPORT) {
            None => false,
            Some(ExternType::Global(g))
                if g.mutability() == Mutability::Var && matches!(g.content(), ValType::I32) =>
            {
                true
            }
            Some(_) => {
                return Err(bad(format!(
                    "`{STACK_POINTER_EXPORT}` must be a mutable i32 global"
                )))
            }
        };
        Ok(CpuKernel {
            id: next_id(),
            label: label.to_string(),
            module,
            plain: Vec::new(),
            in_guest_memory: std::sync::OnceLock::new(),
            device: 0,
            buffers: (params - 3) / 2,
            has_stack_pointer,
        })
    }
}

impl CpuKernel {
    /// The module to instantiate in `space`: the device's own, or in a guest's memory, the one
    /// compiled with the guests' engine.
    fn module_for(&self, space: &CpuSpace) -> Result<&Module, DeviceError> {
        if space.heap.is_some() {
            return Ok(&self.module);
        }
        self.in_guest_memory
            .get_or_init(|| {
                Module::new(&space.device.engine, &self.plain).map_err(|e| format!("{e:#}"))
            })
            .as_ref()
            .map_err(|e| DeviceError::UnsupportedKernel(format!("{}: {e}", self.label)))
    }
}

impl Kernel for CpuKernel {
    fn label(&self) -> &str {
        &self.label
    }

    fn buffer_count(&self) -> usize {
        self.buffers
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A buffer in a CPU space: a range of the space's memory.
pub struct CpuBuffer {
    space: u64,
    address: u64,
    size: u64,
    access: Access,
    /// The heap that placed it, where its pages go back when it is dropped (`None` for views of
    /// a guest's memory, which the space does not allocate).
    placed: Option<(Arc<Heap>, Placement)>,
}

impl fmt::Debug for CpuBuffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CpuBuffer")
            .field("space", &self.space)
            .field("address", &format_args!("{:#x}", self.address))
            .field("size", &self.size)
            .field("access", &self.access)
            .finish()
    }
}

impl CpuBuffer {
    /// The pages a launch opens for this buffer, and how, if the heap placed it.
    fn run(&self) -> Option<((u64, u64), Prot)> {
        let prot = if self.access.kernel_writes() {
            Prot::ReadWrite
        } else {
            Prot::Read
        };
        self.placed.as_ref().map(|(_, p)| (p.run, prot))
    }
}

impl Drop for CpuBuffer {
    fn drop(&mut self) {
        if let Some((heap, placement)) = &self.placed {
            heap.release(placement);
        }
    }
}

impl Buffer for CpuBuffer {
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

/// A space of a CPU device (see the module docs).
pub struct CpuSpace {
    id: u64,
    device: Arc<Shared>,
    memory: SharedMemory,
    /// Where worker stacks start; `None` in a guest's memory, which has no room set aside.
    stacks_base: Option<u64>,
    /// Where buffers are allocated; `None` in a guest's memory, which holds only views.
    heap: Option<Arc<Heap>>,
    /// The control page kernels' stop checks store to (see [`KernelClock`]); `None` in a guest's
    /// memory.
    control: Option<u64>,
    /// With a kernel clock, the clock's watch on the control page.
    watch: Option<Arc<Watch>>,
}

impl fmt::Debug for CpuSpace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CpuSpace")
            .field("id", &self.id)
            .field("device", &self.device.info.name)
            .field("memory_bytes", &self.memory.data_size())
            .finish()
    }
}

impl Drop for CpuSpace {
    fn drop(&mut self) {
        // Free every worker's instances in this space, and with them their stores.
        for worker in &self.device.workers {
            lock(worker)
                .instances
                .retain(|&(space, _), _| space != self.id);
        }
    }
}

impl CpuSpace {
    /// Checks that `address..address + len` lies in the memory and returns a pointer to it.
    fn range(&self, address: u64, len: usize) -> Result<*mut u8, DeviceError> {
        let data = self.memory.data();
        let end = address.checked_add(len as u64);
        if end.is_none_or(|end| end > data.len() as u64) {
            return Err(DeviceError::OutOfRange(format!(
                "{len} bytes at {address:#x} do not fit in a memory of {} bytes",
                data.len()
            )));
        }
        // `address` is in bounds (checked above), so this stays inside the allocation.
        Ok(data[address as usize..].as_ptr().cast_mut().cast())
    }

    /// Copies `bytes` to `address`, which lies outside the heap (static data) or in `buffer`.
    fn copy_in(
        &self,
        buffer: Option<&CpuBuffer>,
        address: u64,
        bytes: &[u8],
    ) -> Result<(), DeviceError> {
        let dst = self.range(address, bytes.len())?;
        let _open = self.open_for_host(buffer)?;
        // SAFETY: `range` checked that the destination lies inside the shared memory, whose
        // base never moves, and `open_for_host` made the buffer's pages writable and keeps them
        // so while `_open` lives. The memory is only written by kernels during a launch, and
        // launches hold the heap's lock, as `_open` does, so nothing else writes these bytes
        // now; `bytes` cannot overlap the Wasm memory's UnsafeCell contents we are writing.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, bytes.len()) };
        Ok(())
    }

    fn copy_out(
        &self,
        buffer: &CpuBuffer,
        address: u64,
        bytes: &mut [u8],
    ) -> Result<(), DeviceError> {
        let src = self.range(address, bytes.len())?;
        let _open = self.open_for_host([buffer])?;
        // SAFETY: as in `copy_in`, with the roles swapped; `bytes` is a host slice that may even
        // be a copy of this same memory (the runtime never passes one that aliases it).
        unsafe { std::ptr::copy_nonoverlapping(src, bytes.as_mut_ptr(), bytes.len()) };
        Ok(())
    }

    /// Opens the pages of `buffers` that the heap placed for the host to read and write, and
    /// keeps every launch out of the space until the guard it returns is dropped.
    fn open_for_host<'b>(
        &self,
        buffers: impl IntoIterator<Item = &'b CpuBuffer>,
    ) -> Result<Option<MutexGuard<'_, heap::HeapState>>, DeviceError> {
        let Some(heap) = &self.heap else {
            return Ok(None);
        };
        let mut state = heap.lock();
        for buffer in buffers {
            if let Some((_, placement)) = &buffer.placed {
                heap.open_for_host(&mut state, placement.run)?;
            }
        }
        Ok(Some(state))
    }

    /// Gives the workers' stacks back to the kernel, so that no launch reads what an earlier
    /// one left there: the pages read as zeros when next touched, and only pages a kernel touched
    /// cost anything.
    fn clear_stacks(&self) {
        let Some(base) = self.stacks_base else {
            return;
        };
        let len = STACK_SIZE as usize * self.device.workers.len();
        let Ok(start) = self.range(base, len) else {
            return;
        };
        // SAFETY: the range is the stacks' pages, page-aligned (`stacks_base` is a multiple of
        // the Wasm page), inside the space's private anonymous mapping, and no kernel runs in
        // the space now (the launch is over). MADV_DONTNEED on such a mapping zero-fills the
        // pages on their next access.
        let done = unsafe { libc::madvise(start.cast(), len, libc::MADV_DONTNEED) };
        if done != 0 {
            // Without it, zero them by hand.
            // SAFETY: as above.
            unsafe { std::ptr::write_bytes(start, 0, len) };
        }
    }

    fn own<'a>(&self, buffer: &'a dyn Buffer) -> Result<&'a CpuBuffer, DeviceError> {
        match buffer.as_any().downcast_ref::<CpuBuffer>() {
            Some(b) if b.space == self.id => Ok(b),
            _ => Err(DeviceError::Foreign(format!(
                "{buffer:?} belongs to another space"
            ))),
        }
    }

    /// `buffer`, if it is this space's, and the address of its `len` bytes at `offset`.
    fn buffer_range<'a>(
        &self,
        buffer: &'a dyn Buffer,
        offset: u64,
        len: usize,
    ) -> Result<(&'a CpuBuffer, u64), DeviceError> {
        let b = self.own(buffer)?;
        match offset.checked_add(len as u64) {
            Some(end) if end <= b.size => Ok((b, b.address + offset)),
            _ => Err(DeviceError::OutOfRange(format!(
                "{len} bytes at offset {offset} do not fit in a buffer of {} bytes",
                b.size
            ))),
        }
    }
}

impl Space for CpuSpace {
    fn create_buffer(&self, desc: &BufferDescriptor) -> Result<Arc<dyn Buffer>, DeviceError> {
        let Some(heap) = &self.heap else {
            return Err(DeviceError::Device(
                "a space in a guest's memory holds only views (create_view)".into(),
            ));
        };
        let placement = heap.allocate(desc.size)?;
        Ok(Arc::new(CpuBuffer {
            space: self.id,
            address: placement.address,
            size: desc.size,
            access: desc.access,
            placed: Some((heap.clone(), placement)),
        }))
    }

    fn write_buffer(
        &self,
        buffer: &dyn Buffer,
        offset: u64,
        data: &[u8],
    ) -> Result<(), DeviceError> {
        let (buffer, address) = self.buffer_range(buffer, offset, data.len())?;
        self.copy_in(Some(buffer), address, data)
    }

    fn read_buffer(
        &self,
        buffer: &dyn Buffer,
        offset: u64,
        data: &mut [u8],
    ) -> Result<(), DeviceError> {
        let (buffer, address) = self.buffer_range(buffer, offset, data.len())?;
        self.copy_out(buffer, address, data)
    }

    fn as_host(&self) -> Option<&dyn HostSpace> {
        Some(self)
    }

    fn launch(&self, kernel: &dyn Kernel, launch: &Launch<'_>) -> Result<(), DeviceError> {
        let kernel = match kernel.as_any().downcast_ref::<CpuKernel>() {
            Some(k) if k.device == Arc::as_ptr(&self.device) as usize => k,
            _ => {
                return Err(DeviceError::Foreign(format!(
                    "{kernel:?} was compiled for another device"
                )))
            }
        };
        if launch.buffers.len() != kernel.buffers {
            return Err(DeviceError::InvalidLaunch(format!(
                "kernel `{}` takes {} buffers; the launch passes {}",
                kernel.label,
                kernel.buffers,
                launch.buffers.len()
            )));
        }
        if kernel.has_stack_pointer && self.stacks_base.is_none() {
            return Err(DeviceError::UnsupportedKernel(format!(
                "kernel `{}` uses a shadow stack, which cannot be placed in a guest's memory",
                kernel.label
            )));
        }
        let mut args = Vec::with_capacity(4 + 2 * launch.buffers.len());
        args.extend([Val::I32(0), Val::I32(0)]);
        args.extend([
            Val::I32(launch.items as i32),
            Val::I32(launch.block_size as i32),
        ]);
        let mut runs = Vec::with_capacity(launch.buffers.len());
        for &buffer in launch.buffers {
            let b = self.own(buffer)?;
            runs.extend(b.run());
            // Addresses and sizes fit in 32 bits: the space is a 32-bit memory.
            args.extend([
                Val::I32(b.address as u32 as i32),
                Val::I32(b.size as u32 as i32),
            ]);
        }
        if launch.items == 0 {
            return Ok(());
        }
        // Exactly the pages of these buffers are open for the launch, read-only ones for
        // reading, and stay so until it ends: the lock keeps host copies and other launches out.
        let _confined = match &self.heap {
            Some(heap) => {
                let mut state = heap.lock();
                heap.open_for_launch(&mut state, &runs)?;
                Some(state)
            }
            None => None,
        };
        let module = kernel.module_for(self)?;
        let clock = self.device.clock.as_deref();
        // The launch's time limit: its deadline on the clock, kept by the control page's watch
        // in the device's own spaces, by the guests' engine's epochs in a guest's memory.
        let deadline = clock.map(|c| c.deadline());
        if let (Some(watch), Some(deadline)) = (&self.watch, deadline) {
            watch.arm(deadline)?;
        }
        let run = RunState {
            epoch_deadline: deadline.filter(|_| self.heap.is_none()),
            space: self,
            kernel,
            module,
            args: &args,
            items: launch.items,
            chunk: launch.chunk.map_or_else(
                || chunk_size(launch.items, self.device.workers.len()),
                |chunk| chunk.clamp(1, launch.items),
            ),
            next: AtomicU32::new(0),
            failed: AtomicBool::new(false),
            error: Mutex::new(None),
        };
        match &self.device.pool {
            // One chunk is one worker's work: the calling thread does it (as worker 0, under
            // that worker's lock), rather than wake the pool and wait.
            Some(_) if run.chunk >= run.items => run.work(0),
            Some(pool) => {
                pool.broadcast(|ctx| run.work(ctx.index()));
            }
            None => run.work(0),
        }
        let stopped = self.watch.as_ref().is_some_and(|w| w.disarm());
        if kernel.has_stack_pointer {
            self.clear_stacks();
        }
        match run
            .error
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
        {
            // Stopped by the clock: the trap was a stop check's, whatever else it says.
            Some(DeviceError::KernelTrap(_)) if stopped => Err(DeviceError::KernelTrap(format!(
                "kernel `{}`: the launch ran past its limit of {:?}",
                kernel.label,
                clock.map(|c| c.limit()).unwrap_or_default()
            ))),
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}

impl HostSpace for CpuSpace {
    fn with_host_buffers(
        &self,
        buffers: &[&dyn Buffer],
        f: &mut crate::HostBuffersFn<'_>,
    ) -> Result<(), DeviceError> {
        let Some((&output, inputs)) = buffers.split_last() else {
            return Err(DeviceError::InvalidLaunch("no output buffer".into()));
        };
        let output = self.own(output)?;
        let inputs = inputs
            .iter()
            .map(|&input| self.own(input))
            .collect::<Result<Vec<_>, _>>()?;
        let out_range = output.address..output.address + output.size;
        for b in &inputs {
            if b.address < out_range.end && out_range.start < b.address + b.size && b.size > 0 {
                return Err(DeviceError::InvalidLaunch(format!(
                    "{b:?} overlaps the output {output:?}"
                )));
            }
        }
        // Held until `f` returns: the buffers' pages stay open and no launch runs meanwhile.
        let _open = self.open_for_host(inputs.iter().copied().chain([output]))?;
        let mut views = Vec::with_capacity(inputs.len());
        for b in &inputs {
            let ptr = self.range(b.address, b.size as usize)?;
            // SAFETY: `range` checked that the bytes lie inside the shared memory, whose base
            // never moves while the space lives, and `_open` keeps them readable and every
            // launch (the only writer besides the owner, who is calling us) out of the space.
            views.push(unsafe { std::slice::from_raw_parts(ptr.cast_const(), b.size as usize) });
        }
        let ptr = self.range(output.address, output.size as usize)?;
        // SAFETY: as above; and the output overlaps none of the inputs (checked above), so this
        // is the only reference to its bytes.
        let out = unsafe { std::slice::from_raw_parts_mut(ptr, output.size as usize) };
        f(&views, out);
        Ok(())
    }

    fn workers(&self) -> Option<usize> {
        self.device
            .pool
            .as_ref()
            .map(|pool| pool.current_num_threads())
    }
}

impl WasmMemorySpace for CpuSpace {
    fn create_view(
        &self,
        address: u64,
        size: u64,
        access: Access,
    ) -> Result<Arc<dyn Buffer>, DeviceError> {
        let len =
            usize::try_from(size).map_err(|_| DeviceError::OutOfRange(format!("{size} bytes")))?;
        self.range(address, len)?;
        Ok(Arc::new(CpuBuffer {
            space: self.id,
            address,
            size,
            access,
            placed: None,
        }))
    }
}

/// Work items per chunk: enough chunks for load balance, never fewer than one item.
fn chunk_size(items: u32, workers: usize) -> u32 {
    if workers <= 1 {
        return items;
    }
    let chunks = (workers as u32).saturating_mul(CHUNKS_PER_WORKER);
    items.div_ceil(chunks).max(1)
}

/// One launch in flight, shared by its workers.
struct RunState<'a> {
    /// In a guest's memory with a kernel clock: the tick by which the launch must be done, as
    /// the stores' epoch deadline.
    epoch_deadline: Option<u64>,
    space: &'a CpuSpace,
    kernel: &'a CpuKernel,
    /// The kernel's module for this space (see [`CpuKernel::module_for`]).
    module: &'a Module,
    /// `[start, end, items, block_size, ptr0, len0, ...]`; each worker fills in start and end.
    args: &'a [Val],
    items: u32,
    chunk: u32,
    next: AtomicU32,
    failed: AtomicBool,
    error: Mutex<Option<DeviceError>>,
}

impl RunState<'_> {
    fn fail(&self, error: DeviceError) {
        self.failed.store(true, Ordering::Relaxed);
        lock(&self.error).get_or_insert(error);
    }

    /// Runs chunks on worker `index` until none are left or a worker failed.
    fn work(&self, index: usize) {
        let key = (self.space.id, self.kernel.id);
        let mut worker = lock(&self.space.device.workers[index]);
        let instance = match worker.instances.entry(key) {
            std::collections::hash_map::Entry::Occupied(slot) => slot.into_mut(),
            std::collections::hash_map::Entry::Vacant(slot) => match self.instantiate(index) {
                Ok(instance) => slot.insert(instance),
                Err(e) => return self.fail(e),
            },
        };
        let mut args = self.args.to_vec();
        while !self.failed.load(Ordering::Relaxed) {
            let start = self.next.fetch_add(self.chunk, Ordering::Relaxed);
            if start >= self.items {
                break;
            }
            let end = start.saturating_add(self.chunk).min(self.items);
            args[0] = Val::I32(start as i32);
            args[1] = Val::I32(end as i32);
            if let (Some(deadline), Some(clock)) = (self.epoch_deadline, &self.space.device.clock) {
                instance
                    .store
                    .set_epoch_deadline(deadline.saturating_sub(clock.now()).max(1));
            }
            if let Err(e) = instance.range.call(&mut instance.store, &args, &mut []) {
                // The instance may be left in any state (its stack pointer, say): drop it.
                worker.instances.remove(&key);
                let trap = match (e.downcast_ref::<wasmtime::Trap>(), &self.space.device.clock) {
                    (Some(wasmtime::Trap::Interrupt), Some(clock)) => {
                        format!(" (the launch ran past its limit of {:?})", clock.limit())
                    }
                    (Some(t), _) => format!(" ({t})"),
                    (None, _) => String::new(),
                };
                return self.fail(DeviceError::KernelTrap(format!(
                    "kernel `{}` in work items {start}..{end}{trap}: {e:?}",
                    self.kernel.label
                )));
            }
        }
    }

    /// Instantiates the kernel in the space for worker `index`.
    fn instantiate(&self, index: usize) -> Result<WorkerInstance, DeviceError> {
        let space = self.space;
        let mut store = Store::new(self.module.engine(), ());
        if self.epoch_deadline.is_some() {
            store.epoch_deadline_trap();
        }
        let instance = Instance::new(&mut store, self.module, &[space.memory.clone().into()])
            .map_err(|e| {
                DeviceError::Device(format!("cannot instantiate `{}`: {e:#}", self.kernel.label))
            })?;
        if let (Some(base), Some(sp)) = (
            space.stacks_base,
            instance.get_global(&mut store, STACK_POINTER_EXPORT),
        ) {
            // Stacks grow down: point this worker's stack pointer at the top of its region.
            let top = base + STACK_SIZE * (index as u64 + 1);
            sp.set(&mut store, Val::I32(top as u32 as i32))
                .map_err(|e| DeviceError::Device(format!("cannot set the stack pointer: {e:#}")))?;
        }
        if let (Some(control), Some(global)) = (
            space.control,
            instance.get_global(&mut store, crate::kernel_module::CONTROL_EXPORT),
        ) {
            // A cache line of its own for each worker: the checks store to it.
            let line = control + 64 * (index as u64 % (CONTROL_PAGE as u64 / 64));
            global
                .set(&mut store, Val::I32(line as u32 as i32))
                .map_err(|e| {
                    DeviceError::Device(format!(
                        "cannot point the kernel at its control page: {e:#}"
                    ))
                })?;
        }
        let range = instance.get_func(&mut store, RANGE_EXPORT).ok_or_else(|| {
            DeviceError::UnsupportedKernel(format!("`{}` has no range export", self.kernel.label))
        })?;
        Ok(WorkerInstance { store, range })
    }
}
