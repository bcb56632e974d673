//! The OpenCL backend: GPUs (and CPU runtimes such as PoCL) through the OpenCL ICD loader.
//!
//! # Design notes
//!
//! - **Discovery.** Every device of every OpenCL platform becomes a device named `opencl-N`.
//!   `libOpenCL.so.1` is loaded at run time (opencl3's `dynamic` feature): without it, or without
//!   platforms, there are simply no OpenCL devices. GPUs are [`DeviceKind::DiscreteGpu`], or
//!   [`DeviceKind::IntegratedGpu`] when they share the host's memory; every other device type
//!   (PoCL's CPU device, accelerators) is [`DeviceKind::SoftwareGpu`], which no hint picks, the
//!   same policy as for lavapipe. Devices are opened once per process, each with one context and
//!   one in-order command queue at a time, and shared by every [`discover`] call: a context costs a driver
//!   initialisation, and PoCL has been seen to fail when contexts are created on several threads
//!   at once.
//! - **Kernels** come translated ([`wasi_parallel_translator::Translation`]) and are written as
//!   OpenCL C by the translator's back end ([`wasi_parallel_translator::back::opencl`]), which
//!   clamps every buffer index so that no kernel reaches memory outside its buffers. A device
//!   builds each distinct source once (a cache keyed by source and build options) and keeps the
//!   `cl_kernel` of each compiled kernel behind a mutex, because setting a kernel's arguments is
//!   not thread-safe.
//! - **Buffers** are `cl_mem` objects resident on the device; a space is a bookkeeping scope
//!   holding the guest's static data (one buffer of its data segments, bound to every static
//!   binding; see [`crate::static_data_end`]) and the status binding (the trap code, and the
//!   guest's initial memory size for static loads). Allocations are padded to a multiple of 8 bytes (at least 8), so that every binding
//!   has room for one element even when the guest's buffer is empty, as the writer's argument
//!   convention asks. Reads and writes are blocking copies.
//! - **Launches** set the arguments the writer lists (buffers, their element counts, the params
//!   uniform by value), zero the status word, enqueue `ceil(n / workgroup)` workgroups in one
//!   dimension, and read the status word back: a non-zero trap code is `KernelTrap`. With a
//!   kernel time limit ([`TimeLimits`]) work items have a loop budget (see
//!   [`crate::loop_budget`]) and stop when another has trapped, and the launch waits for its
//!   event's callback until the limit; past it the launch is `KernelTrap`, and later calls wait
//!   for the device to finish it ([`crate::Overrun`]): OpenCL has no way to stop a running
//!   kernel, and everything enqueued later would wait behind it. A read-only buffer that the
//!   kernel writes is bound as a copy, so its writes are dropped.
//! - **Lost contexts.** A launch that fails on the device (its event ends with an error
//!   status), or a call the driver answers with an invalid queue or context, loses the context:
//!   the call fails with [`DeviceError::Device`], and so does every later call on what was made
//!   in it (buffers, and copies of them). The next call opens a new context and queue on the same
//!   device; spaces upload their static data there again (they keep its segments) and kernels
//!   are built there again (they keep their source). The guest's buffers are not kept: a device
//!   may have lost them with the context.
//! - **Compile time.** Programs build on a thread of their own; past the compile time limit the
//!   kernel is unsupported here (the runtime runs it on the CPU) and the build goes on unobserved.
//! - **Builds and Wasm traps.** PoCL's LLVM installs one-shot crash handlers above Wasmtime's
//!   when the devices are opened, and clang registers its temporary files with them. Left in
//!   place, they killed the process when two threads trapped at once and deleted the compiler's
//!   files on every Wasm trap. Discovery and builds run under [`crate::signals::guard`], which
//!   puts Wasmtime's handlers back. A build that still fails with "unable to rename temporary"
//!   (an embedder's own handlers can do this) is tried again, up to ten times.

use std::any::Any;
use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use opencl3::command_queue::CommandQueue;
use opencl3::context::Context;
use opencl3::device::{Device as ClDevice, CL_DEVICE_TYPE_ALL, CL_DEVICE_TYPE_GPU};
use opencl3::error_codes::{
    ClError, CL_INVALID_BUFFER_SIZE, CL_MEM_OBJECT_ALLOCATION_FAILURE, CL_OUT_OF_HOST_MEMORY,
    CL_OUT_OF_RESOURCES,
};
use opencl3::kernel::Kernel as ClKernel;
use opencl3::memory::{Buffer as ClBuffer, ClMem, CL_MEM_READ_WRITE};
use opencl3::program::Program as ClProgram;
use opencl3::types::{cl_mem, CL_BLOCKING};
use wasi_parallel_translator::back::opencl::{self as writer, KernelArg};
use wasi_parallel_translator::{trap, ElementType, Translation};

use crate::{
    Access, Buffer, BufferDescriptor, Device, DeviceError, DeviceInfo, DeviceKind, DeviceLimits,
    Kernel, KernelDescriptor, KernelInput, KernelSource, Launch, Space, SpaceDescriptor,
    TimeLimits,
};

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Every OpenCL device of every platform, opened once per process (see the module docs).
/// Devices that fail to open are logged and left out.
pub fn discover() -> Vec<OpenClDevice> {
    discover_with(TimeLimits {
        kernel: None,
        compile: Some(crate::DEFAULT_COMPILE_TIMEOUT),
    })
}

/// [`discover`], with these time limits on the devices returned (the devices are the process's
/// one set; the limits belong to the handles returned).
pub fn discover_with(limits: TimeLimits) -> Vec<OpenClDevice> {
    static DEVICES: OnceLock<Vec<Arc<Shared>>> = OnceLock::new();
    DEVICES
        .get_or_init(|| crate::signals::guard(open_all))
        .iter()
        .map(|shared| OpenClDevice {
            shared: shared.clone(),
            limits,
        })
        .collect()
}

/// Opens every device of every platform (see [`discover`]).
fn open_all() -> Vec<Arc<Shared>> {
    let platforms = match opencl3::platform::get_platforms() {
        Ok(platforms) => platforms,
        Err(e) => {
            log::debug!("no OpenCL platforms: {e}");
            return Vec::new();
        }
    };
    let mut devices = Vec::new();
    for platform in platforms {
        let platform_name = platform.name().unwrap_or_default();
        let ids = match platform.get_devices(CL_DEVICE_TYPE_ALL) {
            Ok(ids) => ids,
            Err(e) => {
                log::warn!("OpenCL platform {platform_name:?}: {e}");
                continue;
            }
        };
        for id in ids {
            let index = devices.len();
            match Shared::open(ClDevice::new(id), &platform_name, index) {
                Ok(shared) => devices.push(Arc::new(shared)),
                Err(e) => log::warn!("OpenCL device on {platform_name:?}: {e}"),
            }
        }
    }
    devices
}

/// Set by an event's completion callback: the command's final status.
#[derive(Default)]
struct Completion {
    status: Mutex<Option<i32>>,
    signal: std::sync::Condvar,
}

impl Completion {
    /// The event's status once it has one, waiting at most `limit`; `None` if it has none by
    /// then.
    fn wait(&self, limit: std::time::Duration) -> Option<i32> {
        let guard = self.status.lock().unwrap_or_else(PoisonError::into_inner);
        let (guard, _) = self
            .signal
            .wait_timeout_while(guard, limit, |status| status.is_none())
            .unwrap_or_else(PoisonError::into_inner);
        *guard
    }
}

/// The completion callback of a launch's event; `user_data` is an `Arc<Completion>` given to it.
extern "C" fn completed(
    _event: opencl3::types::cl_event,
    status: i32,
    user_data: *mut std::ffi::c_void,
) {
    // SAFETY: `wait_for` passed a reference made by `Arc::into_raw`, for this one call.
    let done = unsafe { Arc::from_raw(user_data.cast::<Completion>()) };
    *done.status.lock().unwrap_or_else(PoisonError::into_inner) = Some(status);
    done.signal.notify_all();
}

/// A device opened through OpenCL.
pub struct OpenClDevice {
    shared: Arc<Shared>,
    limits: TimeLimits,
}

impl fmt::Debug for OpenClDevice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpenClDevice")
            .field("name", &self.shared.info.name)
            .finish()
    }
}

/// A program built once per device for one source, or the compiler's log.
type BuiltProgram = Arc<OnceLock<Result<Arc<ClProgram>, String>>>;

struct Shared {
    info: DeviceInfo,
    device: ClDevice,
    max_alloc: u64,
    max_workgroup: usize,
    /// The context calls go to now; a lost one is replaced by the next call (see [`Session`]).
    current: Mutex<Arc<Session>>,
    /// A launch that ran past its time limit and may still be running, with its completion.
    overrun: crate::Overrun<Arc<Completion>>,
}

/// One context on the device, with its queue and the programs built in it. A context is lost
/// when a launch in it fails on the device (its event ends with an error status) or the driver
/// says the queue or context is no longer valid: what lives in it (buffers, kernels, copies)
/// fails with [`DeviceError::Device`] from then on, and the next call opens a new one
/// ([`Shared::session`]); spaces upload their static data there again and kernels are built
/// there again.
struct Session {
    /// Which context this is, counting from 1, per device.
    generation: u64,
    context: Context,
    /// One in-order queue: every copy and launch of the context, in the order enqueued.
    queue: CommandQueue,
    /// Programs by (source, build options).
    programs: Mutex<HashMap<(String, String), BuiltProgram>>,
    /// Why the context was lost, once it is.
    lost: Mutex<Option<String>>,
}

/// OpenCL errors that say a queue or context can no longer be used.
const LOSS: [i32; 2] = [
    opencl3::error_codes::CL_INVALID_COMMAND_QUEUE,
    opencl3::error_codes::CL_INVALID_CONTEXT,
];

impl Session {
    fn open(device: &ClDevice, generation: u64) -> Result<Session, DeviceError> {
        let context = Context::from_device(device).map_err(|e| cl_error("a context", e))?;
        let queue = CommandQueue::create_default_with_properties(&context, 0, 0)
            .map_err(|e| cl_error("a command queue", e))?;
        Ok(Session {
            generation,
            context,
            queue,
            programs: Mutex::default(),
            lost: Mutex::new(None),
        })
    }

    /// Fails if the context is lost.
    fn alive(&self, name: &str) -> Result<(), DeviceError> {
        match &*self.lost.lock().unwrap_or_else(PoisonError::into_inner) {
            None => Ok(()),
            Some(why) => Err(DeviceError::Device(format!(
                "{name} lost the context this was made in ({why}); what was made in it is gone, \
                 and new buffers and spaces are made in a new one"
            ))),
        }
    }

    /// Marks the context lost for `why`; returns the error of the call that found out.
    fn lose(&self, name: &str, why: String) -> DeviceError {
        log::warn!("{name}: the OpenCL context is lost ({why}); the next call opens a new one");
        let message = format!("{name}: {why}; the device's context is lost");
        self.lost
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_or_insert(why);
        DeviceError::Device(message)
    }

    /// [`cl_error`], marking the context lost when the error says it is.
    fn error(&self, name: &str, what: &str, e: ClError) -> DeviceError {
        if LOSS.contains(&e.0) {
            return self.lose(name, format!("{what}: {e}"));
        }
        cl_error(what, e)
    }
}

/// Maps an OpenCL error to a device error: allocation failures are `OutOfMemory`.
fn cl_error(what: &str, e: ClError) -> DeviceError {
    match e.0 {
        CL_MEM_OBJECT_ALLOCATION_FAILURE
        | CL_OUT_OF_RESOURCES
        | CL_OUT_OF_HOST_MEMORY
        | CL_INVALID_BUFFER_SIZE => DeviceError::OutOfMemory(format!("{what}: {e}")),
        _ => DeviceError::Device(format!("{what}: {e}")),
    }
}

impl Shared {
    fn open(device: ClDevice, platform: &str, index: usize) -> Result<Shared, DeviceError> {
        let query = |what: &str, e: ClError| cl_error(&format!("querying {what}"), e);
        let name = device.name().map_err(|e| query("the name", e))?;
        let device_type = device.dev_type().map_err(|e| query("the type", e))?;
        let kind = if device_type & CL_DEVICE_TYPE_GPU != 0 {
            if device.host_unified_memory().unwrap_or(false) {
                DeviceKind::IntegratedGpu
            } else {
                DeviceKind::DiscreteGpu
            }
        } else {
            DeviceKind::SoftwareGpu
        };
        let extensions = device.extensions().unwrap_or_default();
        let has = |ext: &str| extensions.split_whitespace().any(|e| e == ext);
        let f64 = has("cl_khr_fp64") || device.double_fp_config().unwrap_or(0) != 0;
        // `long` is core in the full profile; embedded devices announce it.
        let i64 =
            device.profile().unwrap_or_default() != "EMBEDDED_PROFILE" || has("cles_khr_int64");
        let max_alloc = device
            .max_mem_alloc_size()
            .map_err(|e| query("the allocation limit", e))?;
        let memory = device
            .global_mem_size()
            .map_err(|e| query("the memory size", e))?;
        let max_workgroup = device
            .max_work_group_size()
            .map_err(|e| query("the workgroup limit", e))?;
        // Each buffer takes a pointer and a length; the params, status and statics take the rest
        // of the smallest parameter space OpenCL allows.
        let parameter_bytes = device.max_parameter_size().unwrap_or(1024);
        let session = Session::open(&device, 1)?;
        let info = DeviceInfo {
            name: format!("opencl-{index}"),
            kind,
            backend: "opencl",
            description: format!("{} ({platform})", name.trim()),
            compute_units: device.max_compute_units().unwrap_or(0),
            memory_bytes: memory,
            f64,
            i64,
            i64_atomics: i64
                && has("cl_khr_int64_base_atomics")
                && has("cl_khr_int64_extended_atomics"),
            limits: DeviceLimits {
                max_buffer_size: max_alloc,
                max_binding_size: max_alloc,
                max_space_size: memory,
                max_buffers_per_launch: u32::try_from(parameter_bytes / 16)
                    .unwrap_or(u32::MAX)
                    .saturating_sub(4),
                max_work_items: u64::from(u32::MAX),
                max_loop_iterations: None,
            },
            kernel_input: KernelInput::Translated,
        };
        Ok(Shared {
            info,
            device,
            max_alloc,
            max_workgroup,
            current: Mutex::new(Arc::new(session)),
            overrun: crate::Overrun::default(),
        })
    }

    /// The context calls go to: the current one, or if that is lost, a new one.
    fn session(&self) -> Result<Arc<Session>, DeviceError> {
        let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        let lost = current
            .lost
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some();
        if lost {
            let generation = current.generation + 1;
            let session = crate::signals::guard(|| Session::open(&self.device, generation))
                .map_err(|e| {
                    DeviceError::Device(format!(
                        "{} lost its context and cannot open another: {e}",
                        self.info.name
                    ))
                })?;
            log::info!("{}: opened OpenCL context {generation}", self.info.name);
            *current = Arc::new(session);
        }
        Ok(current.clone())
    }
}

impl Session {
    /// The program for `source`, built the first time it is asked for.
    fn program(&self, source: &str, options: &str) -> Result<Arc<ClProgram>, String> {
        let slot = self
            .programs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry((source.to_string(), options.to_string()))
            .or_default()
            .clone();
        slot.get_or_init(|| {
            let mut attempts = 1;
            loop {
                let built = crate::signals::guard(|| {
                    ClProgram::create_and_build_from_source(&self.context, source, options)
                });
                match built {
                    Ok(program) => return Ok(Arc::new(program)),
                    // A Wasm trap during the build made LLVM delete the compiler's temporary
                    // files (see the module docs).
                    Err(log) if attempts < 10 && log.contains("unable to rename temporary") => {
                        log::debug!("an OpenCL build lost its temporary files; again: {log}");
                        attempts += 1;
                    }
                    Err(log) => return Err(log),
                }
            }
        })
        .clone()
    }
}

impl Shared {
    /// Before a call: waits for a launch that ran past its limit, at most `limit` (the kernel
    /// limit of the handle calling), and fails if it is still running (see
    /// [`crate::Overrun`]): anything enqueued would wait behind it, with no limit.
    fn check_alive(&self, limit: Option<std::time::Duration>) -> Result<(), DeviceError> {
        self.overrun.settle(&self.info.name, |done| {
            Ok(done
                .wait(limit.unwrap_or(std::time::Duration::MAX))
                .is_some())
        })
    }

    /// Waits for the launch `event` in `session`, at most `limit`; past it the launch has
    /// overrun: OpenCL cannot stop a running kernel, and everything enqueued later would wait
    /// behind it. A launch that fails on the device loses the context.
    fn wait_for(
        &self,
        session: &Session,
        event: &opencl3::event::Event,
        limit: Option<std::time::Duration>,
        label: &str,
    ) -> Result<(), DeviceError> {
        let name = &self.info.name;
        let what = format!("kernel `{label}`");
        let Some(limit) = limit else {
            return match event.wait() {
                // A command that ended in error: the wait reports it for the whole wait list.
                Err(e)
                    if e.0
                        == opencl3::error_codes::CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST =>
                {
                    Err(session.lose(name, format!("{what} failed on the device: {e}")))
                }
                other => other.map_err(|e| session.error(name, &what, e)),
            };
        };
        // The event's callback says when the kernel is done; the callback owns one reference
        // to the flag, so it may fire after this wait has given up.
        let done = Arc::new(Completion::default());
        let user_data = Arc::into_raw(done.clone())
            .cast_mut()
            .cast::<std::ffi::c_void>();
        if let Err(e) = event.set_callback(opencl3::event::CL_COMPLETE, completed, user_data) {
            // SAFETY: the callback was not registered, so this reference is still ours.
            drop(unsafe { Arc::from_raw(user_data.cast::<Completion>()) });
            return Err(session.error(name, &what, e));
        }
        session
            .queue
            .flush()
            .map_err(|e| session.error(name, &what, e))?;
        match done.wait(limit) {
            Some(status) if status < 0 => Err(session.lose(
                name,
                format!("{what} failed on the device with OpenCL status {status}"),
            )),
            Some(_) => Ok(()),
            None => {
                let why = format!("{what} ran past its time limit of {limit:?}");
                Err(self.overrun.record(name, why, done))
            }
        }
    }

    /// A zero-filled buffer of at least `size` bytes in `session` (see the module docs).
    fn create_buffer(&self, session: &Session, size: u64) -> Result<ClBuffer<u8>, DeviceError> {
        let padded = size.div_ceil(8).max(1) * 8;
        if padded > self.max_alloc {
            return Err(DeviceError::OutOfMemory(format!(
                "a buffer of {size} bytes is larger than {} allows in one allocation ({} bytes)",
                self.info.description, self.max_alloc
            )));
        }
        let bytes = usize::try_from(padded)
            .map_err(|_| DeviceError::OutOfMemory(format!("a buffer of {size} bytes")))?;
        let name = &self.info.name;
        // SAFETY: a new buffer in the session's context, with no host pointer.
        let mut buffer = unsafe {
            ClBuffer::<u8>::create(
                &session.context,
                CL_MEM_READ_WRITE,
                bytes,
                std::ptr::null_mut(),
            )
        }
        .map_err(|e| session.error(name, &format!("a buffer of {size} bytes"), e))?;
        // SAFETY: the fill covers exactly the buffer; the pattern is copied at enqueue time.
        unsafe {
            session
                .queue
                .enqueue_fill_buffer(&mut buffer, &[0u8], 0, bytes, &[])
        }
        .map_err(|e| session.error(name, "zeroing a buffer", e))?;
        Ok(buffer)
    }

    /// Copies `data` into `buffer` (of `session`) at `offset`, waiting until it is done.
    fn write(
        &self,
        session: &Session,
        buffer: &mut ClBuffer<u8>,
        offset: u64,
        data: &[u8],
    ) -> Result<(), DeviceError> {
        if data.is_empty() {
            return Ok(());
        }
        let offset = usize::try_from(offset)
            .map_err(|_| DeviceError::OutOfRange(format!("offset {offset}")))?;
        // SAFETY: the caller checked that `offset + data.len()` lies inside the buffer; the
        // write is blocking, so `data` outlives it.
        unsafe {
            session
                .queue
                .enqueue_write_buffer(buffer, CL_BLOCKING, offset, data, &[])
        }
        .map_err(|e| session.error(&self.info.name, "writing a buffer", e))?;
        Ok(())
    }

    /// Copies `buffer` (of `session`) from `offset` into `data`, waiting until it is done (and
    /// so until every launch enqueued before).
    fn read(
        &self,
        session: &Session,
        buffer: &ClBuffer<u8>,
        offset: u64,
        data: &mut [u8],
    ) -> Result<(), DeviceError> {
        if data.is_empty() {
            return Ok(());
        }
        let offset = usize::try_from(offset)
            .map_err(|_| DeviceError::OutOfRange(format!("offset {offset}")))?;
        // SAFETY: the caller checked that `offset + data.len()` lies inside the buffer; the
        // read is blocking, so `data` outlives it.
        unsafe {
            session
                .queue
                .enqueue_read_buffer(buffer, CL_BLOCKING, offset, data, &[])
        }
        .map_err(|e| session.error(&self.info.name, "reading a buffer", e))?;
        Ok(())
    }

    /// Builds `source` in `session` and makes its kernel `entry`, within the compile time
    /// limit; a kernel the compiler rejects, or does not build in time, is unsupported here.
    fn build(
        self: &Arc<Self>,
        session: &Arc<Session>,
        program: &Program,
        label: &str,
        compile: Option<std::time::Duration>,
    ) -> Result<ClKernel, DeviceError> {
        let description = &self.info.description;
        // The build runs on a thread of its own, with a time limit: a kernel can be made to
        // compile for minutes.
        let build = {
            let session = session.clone();
            let (source, options) = (program.source.clone(), program.options.clone());
            crate::within(compile, move || session.program(&source, &options))
        };
        let built = match build {
            Ok(Ok(built)) => built,
            Ok(Err(log)) => {
                return Err(DeviceError::UnsupportedKernel(format!(
                    "{label}: the OpenCL compiler of {description} rejected the kernel:\n{log}"
                )))
            }
            Err(why) => {
                return Err(DeviceError::UnsupportedKernel(format!(
                    "{label}: the OpenCL compiler of {description} did not build it: {why}"
                )))
            }
        };
        let name = &self.info.name;
        let kernel = ClKernel::create(&built, &program.entry_point)
            .map_err(|e| session.error(name, &format!("{label}: the kernel object"), e))?;
        let fits = kernel.get_work_group_size(self.device.id()).map_err(|e| {
            session.error(name, &format!("{label}: the kernel's workgroup limit"), e)
        })?;
        if (program.workgroup_size as usize) > fits {
            return Err(DeviceError::UnsupportedKernel(format!(
                "{label}: the compiled kernel runs at most {fits} work items per workgroup on \
                 {description}, not {}",
                program.workgroup_size
            )));
        }
        Ok(kernel)
    }
}

/// What a kernel is built from, kept to build it again in a new context.
struct Program {
    source: String,
    options: String,
    entry_point: String,
    workgroup_size: u32,
}

/// A kernel written as OpenCL C and built for one device.
pub struct OpenClKernel {
    label: String,
    program: Program,
    /// The context it is built in and its kernel object there. Setting arguments is not
    /// thread-safe: one launch at a time sets and enqueues.
    built: Mutex<(Arc<Session>, ClKernel)>,
    /// How long building it again may take.
    compile: Option<std::time::Duration>,
    /// The arguments the writer declared, in order.
    args: Vec<KernelArg>,
    /// The binding and written flag of each buffer, in kernel parameter order.
    buffers: Vec<(u32, bool)>,
    status_binding: u32,
    static_bindings: Vec<u32>,
    /// Bytes per element of each storage binding, for [`KernelArg::Length`].
    element_sizes: HashMap<u32, u32>,
    device: usize,
}

impl OpenClKernel {
    /// The kernel object in `session`, built there first if the context it was built in was
    /// lost.
    fn built_in(
        &self,
        shared: &Arc<Shared>,
        session: &Arc<Session>,
    ) -> Result<std::sync::MutexGuard<'_, (Arc<Session>, ClKernel)>, DeviceError> {
        let mut built = self.built.lock().unwrap_or_else(PoisonError::into_inner);
        if !Arc::ptr_eq(&built.0, session) {
            let kernel = shared.build(session, &self.program, &self.label, self.compile)?;
            *built = (session.clone(), kernel);
        }
        Ok(built)
    }
}

impl fmt::Debug for OpenClKernel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpenClKernel")
            .field("label", &self.label)
            .finish()
    }
}

impl Kernel for OpenClKernel {
    fn label(&self) -> &str {
        &self.label
    }

    fn buffer_count(&self) -> usize {
        self.buffers.len()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Bytes per element of every storage binding of `t`: buffers, the status word, static data.
fn element_sizes(t: &Translation) -> HashMap<u32, u32> {
    let buffers = t
        .buffers
        .iter()
        // A buffer the kernel never accesses is declared as `i32`s.
        .map(|b| (b.binding, b.element.map_or(4, ElementType::size)));
    let statics = t
        .static_bindings
        .iter()
        .map(|&(binding, element)| (binding, element.size()));
    buffers
        .chain(statics)
        .chain([(t.status_binding, 4)])
        .collect()
}

impl OpenClDevice {
    /// Makes the device's context lost, as a launch that fails on the device would: what was
    /// made in it then fails with `DeviceError::Device`, and the next calls open a new context.
    /// For tests of that; nothing in the device calls it.
    pub fn lose(&self) {
        let session = self
            .shared
            .current
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        session.lose(&self.shared.info.name, "OpenClDevice::lose".into());
    }
}

impl Device for OpenClDevice {
    fn time_limit(&self) -> Option<std::time::Duration> {
        self.limits.kernel
    }

    fn info(&self) -> &DeviceInfo {
        &self.shared.info
    }

    fn create_kernel(&self, desc: &KernelDescriptor<'_>) -> Result<Arc<dyn Kernel>, DeviceError> {
        let label = desc.label;
        let KernelSource::Translated(t) = desc.source else {
            return Err(DeviceError::UnsupportedKernel(format!(
                "{label}: OpenCL devices run translated kernels"
            )));
        };
        let shared = &self.shared;
        if t.workgroup_size as usize > shared.max_workgroup {
            return Err(DeviceError::UnsupportedKernel(format!(
                "{label}: workgroups of {} are more than {} runs ({})",
                t.workgroup_size, shared.info.description, shared.max_workgroup
            )));
        }
        let options = writer::Options {
            f64: shared.info.f64,
            i64: shared.info.i64,
        };
        let written = t
            .to_opencl(&options)
            .map_err(|e| DeviceError::UnsupportedKernel(format!("{label}: {e}")))?;
        let program = Program {
            source: written.source,
            options: written.build_options,
            entry_point: written.entry_point,
            workgroup_size: t.workgroup_size,
        };
        shared.check_alive(self.limits.kernel)?;
        let session = shared.session()?;
        let kernel = shared.build(&session, &program, label, self.limits.compile)?;
        Ok(Arc::new(OpenClKernel {
            label: label.to_string(),
            program,
            built: Mutex::new((session, kernel)),
            compile: self.limits.compile,
            args: written.args,
            buffers: t.buffers.iter().map(|b| (b.binding, b.written)).collect(),
            status_binding: t.status_binding,
            static_bindings: t.static_bindings.iter().map(|&(b, _)| b).collect(),
            element_sizes: element_sizes(t),
            device: Arc::as_ptr(&self.shared) as usize,
        }))
    }

    fn create_space(&self, desc: &SpaceDescriptor<'_>) -> Result<Box<dyn Space>, DeviceError> {
        // The guest's static data, for kernels that read it: one buffer from address 0 to the
        // end of the last data segment (see `crate::static_data_end`).
        let end = crate::static_data_end(desc)?;
        let segments = desc
            .static_segments
            .iter()
            .map(|segment| (segment.address, segment.bytes.to_vec()))
            .collect::<Vec<_>>();
        let shared = &self.shared;
        shared.check_alive(self.limits.kernel)?;
        let session = shared.session()?;
        let resident = Resident::upload(shared, &session, end, &segments)?;
        Ok(Box::new(OpenClSpace {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            shared: shared.clone(),
            statics_size: end,
            static_memory: crate::static_memory_word(desc),
            segments,
            resident: Mutex::new(resident),
            kernel_limit: self.limits.kernel,
        }))
    }
}

/// A device buffer.
pub struct OpenClBuffer {
    space: u64,
    /// The context it lives in.
    session: Arc<Session>,
    /// At least `size` bytes (see the module docs); behind a mutex because opencl3 writes take
    /// `&mut`.
    mem: Mutex<ClBuffer<u8>>,
    size: u64,
    access: Access,
}

impl fmt::Debug for OpenClBuffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OpenClBuffer({} bytes, {:?})", self.size, self.access)
    }
}

impl Buffer for OpenClBuffer {
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

impl OpenClBuffer {
    fn handle(&self) -> cl_mem {
        self.mem
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get()
    }
}

/// What a space keeps in the device's current context: the guest's static data and the status
/// word launches report traps in.
struct Resident {
    session: Arc<Session>,
    statics: ClBuffer<u8>,
    status: ClBuffer<u8>,
    /// The status buffer's size.
    status_bytes: u64,
}

impl Resident {
    /// The static data (`segments` over zeros) and a status word, in `session`.
    fn upload(
        shared: &Shared,
        session: &Arc<Session>,
        static_size: u64,
        segments: &[(u64, Vec<u8>)],
    ) -> Result<Resident, DeviceError> {
        let mut statics = shared.create_buffer(session, static_size)?;
        for (address, bytes) in segments {
            shared.write(session, &mut statics, *address, bytes)?;
        }
        let status = shared.create_buffer(session, 8)?;
        Ok(Resident {
            session: session.clone(),
            statics,
            status,
            status_bytes: 8,
        })
    }
}

/// One client's buffers on an OpenCL device.
pub struct OpenClSpace {
    id: u64,
    shared: Arc<Shared>,
    /// The bytes of static data bound: up to the end of the last data segment.
    statics_size: u64,
    /// The status binding's second word: the guest's initial memory size.
    static_memory: u32,
    /// The guest's static data, kept to upload it again to a new context.
    segments: Vec<(u64, Vec<u8>)>,
    resident: Mutex<Resident>,
    /// How long one launch may run.
    kernel_limit: Option<std::time::Duration>,
}

impl fmt::Debug for OpenClSpace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpenClSpace")
            .field("device", &self.shared.info.name)
            .finish()
    }
}

impl OpenClSpace {
    /// `buffer` as one of this space's, in a context that is not lost.
    fn own<'a>(&self, buffer: &'a dyn Buffer) -> Result<&'a OpenClBuffer, DeviceError> {
        match buffer.as_any().downcast_ref::<OpenClBuffer>() {
            Some(b) if b.space == self.id => {
                b.session.alive(&self.shared.info.name)?;
                Ok(b)
            }
            _ => Err(DeviceError::Foreign(format!(
                "{buffer:?} belongs to another space"
            ))),
        }
    }

    fn check_range(b: &OpenClBuffer, offset: u64, len: usize) -> Result<(), DeviceError> {
        match offset.checked_add(len as u64) {
            Some(end) if end <= b.size => Ok(()),
            _ => Err(DeviceError::OutOfRange(format!(
                "{len} bytes at offset {offset} do not fit in a buffer of {} bytes",
                b.size
            ))),
        }
    }

    /// The device's current context, with this space's static data and status word there.
    fn live(&self) -> Result<std::sync::MutexGuard<'_, Resident>, DeviceError> {
        let session = self.shared.session()?;
        let mut resident = self.resident.lock().unwrap_or_else(PoisonError::into_inner);
        if !Arc::ptr_eq(&resident.session, &session) {
            *resident =
                Resident::upload(&self.shared, &session, self.statics_size, &self.segments)?;
        }
        Ok(resident)
    }
}

impl Space for OpenClSpace {
    fn create_buffer(&self, desc: &BufferDescriptor) -> Result<Arc<dyn Buffer>, DeviceError> {
        self.shared.check_alive(self.kernel_limit)?;
        let session = self.shared.session()?;
        let mem = self.shared.create_buffer(&session, desc.size)?;
        Ok(Arc::new(OpenClBuffer {
            space: self.id,
            session,
            mem: Mutex::new(mem),
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
        let b = self.own(buffer)?;
        Self::check_range(b, offset, data.len())?;
        let mut mem = b.mem.lock().unwrap_or_else(PoisonError::into_inner);
        self.shared.check_alive(self.kernel_limit)?;
        self.shared.write(&b.session, &mut mem, offset, data)
    }

    fn read_buffer(
        &self,
        buffer: &dyn Buffer,
        offset: u64,
        data: &mut [u8],
    ) -> Result<(), DeviceError> {
        let b = self.own(buffer)?;
        Self::check_range(b, offset, data.len())?;
        let mem = b.mem.lock().unwrap_or_else(PoisonError::into_inner);
        self.shared.check_alive(self.kernel_limit)?;
        self.shared.read(&b.session, &mem, offset, data)
    }

    fn launch(&self, kernel: &dyn Kernel, launch: &Launch<'_>) -> Result<(), DeviceError> {
        let kernel = match kernel.as_any().downcast_ref::<OpenClKernel>() {
            Some(k) if k.device == Arc::as_ptr(&self.shared) as usize => k,
            _ => {
                return Err(DeviceError::Foreign(format!(
                    "{kernel:?} was compiled for another device"
                )))
            }
        };
        if launch.buffers.len() != kernel.buffers.len() {
            return Err(DeviceError::InvalidLaunch(format!(
                "kernel `{}` takes {} buffers; the launch passes {}",
                kernel.label,
                kernel.buffers.len(),
                launch.buffers.len()
            )));
        }
        let buffers = launch
            .buffers
            .iter()
            .map(|b| self.own(*b))
            .collect::<Result<Vec<_>, _>>()?;
        for (i, (b, &(_, written))) in buffers.iter().zip(&kernel.buffers).enumerate() {
            let twice = buffers
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && std::ptr::eq(*o, *b));
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
        let shared = &self.shared;
        let name = &shared.info.name;
        shared.check_alive(self.kernel_limit)?;
        let mut resident = self.live()?;
        let session = resident.session.clone();
        // Buffers that are not lost live in the current context (`own` checked).
        debug_assert!(buffers.iter().all(|b| Arc::ptr_eq(&b.session, &session)));
        // A read-only buffer that the kernel writes is bound as a copy, whose writes are
        // dropped: access 0 means the kernel cannot change it.
        let mut copies = Vec::with_capacity(buffers.len());
        for (b, &(_, written)) in buffers.iter().zip(&kernel.buffers) {
            copies.push(if written && b.access == Access::Read {
                let mut copy = shared.create_buffer(&session, b.size)?;
                let mem = b.mem.lock().unwrap_or_else(PoisonError::into_inner);
                let bytes = usize::try_from(b.size.div_ceil(8).max(1) * 8)
                    .map_err(|_| DeviceError::OutOfRange(format!("{} bytes", b.size)))?;
                // SAFETY: both buffers hold at least `bytes` (allocations are padded alike);
                // the queue is in order, so the launch below sees the copy.
                unsafe {
                    session
                        .queue
                        .enqueue_copy_buffer(&mem, &mut copy, 0, 0, bytes, &[])
                }
                .map_err(|e| session.error(name, "copying a read-only buffer", e))?;
                Some(copy)
            } else {
                None
            });
        }
        let resident = &mut *resident;
        // The trap word, the guest's memory size and the buffers' addresses: a status buffer of
        // the size this launch needs, kept for the next.
        let words = crate::status_words(self.static_memory, launch);
        if resident.status_bytes < words.len() as u64 {
            resident.status = shared.create_buffer(&session, words.len() as u64)?;
            resident.status_bytes = words.len() as u64;
        }
        shared.write(&session, &mut resident.status, 0, &words)?;
        let status_bytes = words.len() as u64;
        let (status, statics) = (&resident.status, &resident.statics);
        // Each binding's memory and size in bytes.
        let memory = |binding: u32| -> Result<(cl_mem, u64), DeviceError> {
            if binding == kernel.status_binding {
                return Ok((status.get(), status_bytes));
            }
            if kernel.static_bindings.contains(&binding) {
                return Ok((statics.get(), self.statics_size));
            }
            match kernel.buffers.iter().position(|&(b, _)| b == binding) {
                Some(i) => Ok((
                    copies[i]
                        .as_ref()
                        .map_or_else(|| buffers[i].handle(), |c| c.get()),
                    buffers[i].size,
                )),
                None => Err(DeviceError::UnsupportedKernel(format!(
                    "kernel `{}` has a binding {binding} that no buffer fills",
                    kernel.label
                ))),
            }
        };
        // `zero` is always 0: see the translator's float constants. With a time limit, work
        // items have a budget of loop iterations, so that the device stops a launch past it.
        let params = [
            launch.items,
            launch.block_size,
            0,
            crate::loop_budget(self.kernel_limit),
        ];
        let built = kernel.built_in(shared, &session)?;
        let cl = &built.1;
        let arg_error = |i: usize, e: ClError| {
            session.error(name, &format!("kernel `{}`: argument {i}", kernel.label), e)
        };
        for (i, arg) in kernel.args.iter().enumerate() {
            let index = i as u32;
            match *arg {
                KernelArg::Uniform { size, .. } => {
                    if size as usize != std::mem::size_of_val(&params) {
                        return Err(DeviceError::UnsupportedKernel(format!(
                            "kernel `{}` takes a uniform of {size} bytes; launches pass the \
                             16-byte params",
                            kernel.label
                        )));
                    }
                    // SAFETY: the argument is the `{ u32, u32, u32, u32 }` params struct, by value.
                    unsafe { cl.set_arg(index, &params) }.map_err(|e| arg_error(i, e))?;
                }
                KernelArg::Buffer { binding } => {
                    let (mem, _) = memory(binding)?;
                    // SAFETY: the argument is a `__global` pointer; `mem` is a live buffer of
                    // this context that outlives the launch (the launch waits for the kernel).
                    unsafe { cl.set_arg(index, &mem) }.map_err(|e| arg_error(i, e))?;
                }
                KernelArg::Length { binding } => {
                    let (_, bytes) = memory(binding)?;
                    let element = kernel.element_sizes.get(&binding).copied().ok_or_else(|| {
                        DeviceError::UnsupportedKernel(format!(
                            "kernel `{}`: no element type for binding {binding}",
                            kernel.label
                        ))
                    })?;
                    let element = u64::from(element);
                    // Allocations have room for one element of up to 8 bytes even when empty.
                    if element > 8 {
                        return Err(DeviceError::UnsupportedKernel(format!(
                            "kernel `{}`: {element}-byte elements in binding {binding}",
                            kernel.label
                        )));
                    }
                    let count = u32::try_from(bytes / element).map_err(|_| {
                        DeviceError::OutOfRange(format!(
                            "binding {binding} of kernel `{}` has more than 2^32 elements",
                            kernel.label
                        ))
                    })?;
                    // SAFETY: the argument is a `uint`.
                    unsafe { cl.set_arg(index, &count) }.map_err(|e| arg_error(i, e))?;
                }
            }
        }
        let local = kernel.program.workgroup_size as usize;
        let global = (launch.items as usize).div_ceil(local) * local;
        // SAFETY: every argument is set (above); the sizes outlive the call.
        let event = unsafe {
            session.queue.enqueue_nd_range_kernel(
                cl.get(),
                1,
                std::ptr::null(),
                &global,
                &local,
                &[],
            )
        }
        .map_err(|e| session.error(name, &format!("kernel `{}`: launch", kernel.label), e))?;
        drop(built);
        shared.wait_for(&session, &event, self.kernel_limit, &kernel.label)?;
        drop(copies);
        let mut code = [0u8; 4];
        shared.read(&session, status, 0, &mut code)?;
        let code = u32::from_le_bytes(code);
        if code != 0 {
            return Err(DeviceError::KernelTrap(format!(
                "kernel `{}`: {} in some work item",
                kernel.label,
                trap::describe(code)
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasi_parallel_translator::{translate, KernelRef, Options};

    /// `out[i] = 2 * in[i]`, without checking `i` against the lengths: the front end's trap
    /// catches accesses past the end.
    const DOUBLE: &str = r#"(module (memory 1)
      (func (export "kernel") (param $i i32) (param i32 i32) (param $in i32) (param i32)
            (param $out i32) (param i32)
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
          (i32.mul (i32.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2))))
            (i32.const 2)))))"#;

    /// The first OpenCL device, or `None` (a failure in CI, where PoCL is installed).
    fn device() -> Option<OpenClDevice> {
        let found = discover().into_iter().next();
        if found.is_none() {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must have an OpenCL device (PoCL)"
            );
            eprintln!("skipped: no OpenCL device");
        }
        found
    }

    fn kernel(device: &OpenClDevice) -> Arc<dyn Kernel> {
        let wasm = wat::parse_str(DOUBLE).expect("WAT");
        let options = Options {
            f64: device.info().f64,
            i64: device.info().i64,
            ..Options::default()
        };
        let t = translate(&wasm, KernelRef::Export("kernel"), &options).expect("translation");
        device
            .create_kernel(&KernelDescriptor {
                label: "double",
                source: KernelSource::Translated(&t),
                origin: None,
            })
            .expect("kernel")
    }

    #[test]
    fn discovery_is_stable_and_named() {
        let first: Vec<String> = discover().iter().map(|d| d.info().name.clone()).collect();
        let again: Vec<String> = discover().iter().map(|d| d.info().name.clone()).collect();
        assert_eq!(first, again);
        for (i, name) in first.iter().enumerate() {
            assert_eq!(name, &format!("opencl-{i}"));
        }
    }

    #[test]
    fn launches_stay_inside_their_buffers() {
        let Some(device) = device() else {
            return;
        };
        let kernel = kernel(&device);
        let space = device
            .create_space(&SpaceDescriptor::default())
            .expect("space");
        let buffer = |size: u64, access| {
            space
                .create_buffer(&BufferDescriptor { size, access })
                .expect("buffer")
        };
        let input = buffer(16, Access::Read);
        let output = buffer(16, Access::Write);
        let words: Vec<u8> = [1i32, 2, 3, 4]
            .iter()
            .flat_map(|w| w.to_le_bytes())
            .collect();
        space.write_buffer(&*input, 0, &words).expect("write");
        let run = |items: u32, ins: &dyn Buffer, outs: &dyn Buffer| {
            space.launch(
                &*kernel,
                &Launch {
                    items,
                    block_size: 1,
                    buffers: &[ins, outs],
                    chunk: None,
                    addresses: None,
                },
            )
        };
        run(4, &*input, &*output).expect("launch");
        let mut back = [0u8; 16];
        space.read_buffer(&*output, 0, &mut back).expect("read");
        let doubled: Vec<u8> = [2i32, 4, 6, 8]
            .iter()
            .flat_map(|w| w.to_le_bytes())
            .collect();
        assert_eq!(back[..], doubled[..]);
        // More items than elements, and empty buffers: the kernel traps, memory is untouched.
        assert!(matches!(
            run(100, &*input, &*output),
            Err(DeviceError::KernelTrap(_))
        ));
        let empty_in = buffer(0, Access::Read);
        let empty_out = buffer(0, Access::Write);
        assert!(matches!(
            run(64, &*empty_in, &*empty_out),
            Err(DeviceError::KernelTrap(_))
        ));
        // The same buffer written and read: refused, as on wgpu.
        assert!(matches!(
            run(4, &*output, &*output),
            Err(DeviceError::UnsupportedKernel(_))
        ));
        // Copies outside a buffer, and buffers of another space.
        assert!(matches!(
            space.write_buffer(&*input, 12, &words[..8]),
            Err(DeviceError::OutOfRange(_))
        ));
        assert!(matches!(
            space.read_buffer(&*input, u64::MAX, &mut back[..1]),
            Err(DeviceError::OutOfRange(_))
        ));
        let other = device
            .create_space(&SpaceDescriptor::default())
            .expect("space");
        assert!(matches!(
            other.read_buffer(&*input, 0, &mut back),
            Err(DeviceError::Foreign(_))
        ));
    }
}
