//! The guest-visible error codes, and the one place host errors become them.

use wasi_parallel_device::{CompileError, DeviceError};

use crate::kernel_module::KernelError;

/// The `i32` every `wasi_ephemeral_parallel` function returns.
///
/// | value | name | meaning |
/// |---|---|---|
/// | 0 | `SUCCESS` | the call did what it was asked |
/// | 1 | `INVALID_ARGUMENT` | a hint, access, count or size that is not allowed (negative, unknown, buffers on several devices, too many buffers) |
/// | 2 | `BAD_HANDLE` | a device or buffer handle this instance does not hold, or a handle of the wrong kind, or a buffer on another device than the one named |
/// | 3 | `OUT_OF_BOUNDS` | a guest pointer and length outside the guest's memory (or overflowing), or more bytes than the buffer holds |
/// | 4 | `OUT_OF_MEMORY` | the device cannot hold the buffer, or it is over the instance's or the host's quota |
/// | 5 | `NO_DEVICE` | no device of the hinted kind, in strict mode |
/// | 6 | `INVALID_KERNEL` | the kernel is not a function, or its type does not match `(i32 x (3 + 2 * buffers)) -> ()` for the buffers passed, or the kernel module is not valid Wasm |
/// | 7 | `UNSUPPORTED_KERNEL` | a valid kernel that this device cannot run (imported globals, several memories, data segments in a `parallel_exec` module, ...) |
/// | 8 | `KERNEL_TRAPPED` | a work item trapped (including out-of-bounds accesses), or the launch ran past its time limit; a message went to stderr |
/// | 9 | `NOT_WRITTEN` | `read_buffer` of a buffer never written by `write_buffer` or a kernel |
/// | 10 | `DEVICE_ERROR` | the device failed for a reason of its own, or is still running a launch that ran past its time limit |
/// | 11 | `NO_MEMORY_EXPORT` | the guest exports no memory named `memory` |
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(i32)]
pub enum Errno {
    /// The call did what it was asked.
    Success = 0,
    /// A hint, access, count or size that is not allowed.
    InvalidArgument = 1,
    /// A handle this instance does not hold, or of the wrong kind.
    BadHandle = 2,
    /// A guest range outside memory, or more bytes than a buffer holds.
    OutOfBounds = 3,
    /// The device cannot hold the buffer.
    OutOfMemory = 4,
    /// No device of the hinted kind (strict mode).
    NoDevice = 5,
    /// Not a kernel: wrong type, not a function, not valid Wasm.
    InvalidKernel = 6,
    /// A valid kernel this device cannot run.
    UnsupportedKernel = 7,
    /// A work item trapped.
    KernelTrapped = 8,
    /// Read of a buffer never written.
    NotWritten = 9,
    /// The device failed.
    DeviceError = 10,
    /// The guest exports no memory named `memory`.
    NoMemoryExport = 11,
}

impl Errno {
    /// The value the guest sees.
    pub fn raw(self) -> i32 {
        self as i32
    }

    /// The errno for a raw value, if it is one.
    pub fn from_raw(raw: i32) -> Option<Errno> {
        use Errno::*;
        [
            Success,
            InvalidArgument,
            BadHandle,
            OutOfBounds,
            OutOfMemory,
            NoDevice,
            InvalidKernel,
            UnsupportedKernel,
            KernelTrapped,
            NotWritten,
            DeviceError,
            NoMemoryExport,
        ]
        .into_iter()
        .find(|e| e.raw() == raw)
    }
}

/// A failed call: the errno and, for logs, why. Made only here, by the constructor named after
/// its errno or by conversion from a device, kernel-module or compile error.
#[derive(Clone, Debug)]
pub(crate) struct Failure {
    errno: Errno,
    message: String,
}

impl Failure {
    fn new(errno: Errno, message: impl Into<String>) -> Failure {
        Failure {
            errno,
            message: message.into(),
        }
    }

    /// `INVALID_ARGUMENT`: a hint, access, count or size that is not allowed.
    pub fn invalid_argument(message: impl Into<String>) -> Failure {
        Failure::new(Errno::InvalidArgument, message)
    }

    /// `BAD_HANDLE`: a handle this instance does not hold, or of the wrong kind.
    pub fn bad_handle(message: impl Into<String>) -> Failure {
        Failure::new(Errno::BadHandle, message)
    }

    /// `OUT_OF_BOUNDS`: a guest range outside memory, or more bytes than a buffer holds.
    pub fn out_of_bounds(message: impl Into<String>) -> Failure {
        Failure::new(Errno::OutOfBounds, message)
    }

    /// `OUT_OF_MEMORY`: what the device (or the handle table) cannot hold.
    pub fn out_of_memory(message: impl Into<String>) -> Failure {
        Failure::new(Errno::OutOfMemory, message)
    }

    /// `NO_DEVICE`: no device of the hinted kind (strict mode).
    pub fn no_device(message: impl Into<String>) -> Failure {
        Failure::new(Errno::NoDevice, message)
    }

    /// `INVALID_KERNEL`: not a kernel.
    pub fn invalid_kernel(message: impl Into<String>) -> Failure {
        Failure::new(Errno::InvalidKernel, message)
    }

    /// `UNSUPPORTED_KERNEL`: a valid kernel the device cannot run.
    pub fn unsupported_kernel(message: impl Into<String>) -> Failure {
        Failure::new(Errno::UnsupportedKernel, message)
    }

    /// `NOT_WRITTEN`: a read of a buffer never written.
    pub fn not_written(message: impl Into<String>) -> Failure {
        Failure::new(Errno::NotWritten, message)
    }

    /// `DEVICE_ERROR`: a device failure of its own.
    pub fn device_error(message: impl Into<String>) -> Failure {
        Failure::new(Errno::DeviceError, message)
    }

    /// `NO_MEMORY_EXPORT`: the guest exports no memory named `memory`.
    pub fn no_memory_export(message: impl Into<String>) -> Failure {
        Failure::new(Errno::NoMemoryExport, message)
    }

    /// Why the call failed.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether a work item ran past its device's limit of loop iterations (lavapipe's), which
    /// the trap code says (see the translator's `trap::LOOP_LIMIT`).
    pub fn is_loop_limit(&self) -> bool {
        self.errno == Errno::KernelTrapped
            && self
                .message
                .contains(wasi_parallel_translator::trap::describe(
                    wasi_parallel_translator::trap::LOOP_LIMIT,
                ))
    }

    /// Whether the kernel was valid but this device cannot run it: the case that falls back to
    /// the CPU executor outside strict mode.
    pub fn is_unsupported_kernel(&self) -> bool {
        self.errno == Errno::UnsupportedKernel
    }
}

/// The errno a host call returns to the guest for `result`, after saying why it failed where the
/// ABI promises (kernel traps on stderr) or where an operator looks (the log).
pub(crate) fn report(call: &str, result: Result<(), Failure>) -> i32 {
    let failure = match result {
        Ok(()) => return Errno::Success.raw(),
        Err(failure) => failure,
    };
    match failure.errno {
        // The ABI promises a message on stderr for traps, whatever the embedder's logging.
        Errno::KernelTrapped => eprintln!("wasi-parallel: {call}: {}", failure.message),
        Errno::UnsupportedKernel | Errno::DeviceError => {
            log::warn!("{call}: {}", failure.message)
        }
        _ => log::debug!("{call}: {:?}: {}", failure.errno, failure.message),
    }
    failure.errno.raw()
}

impl Failure {
    fn from_device_error(e: &DeviceError) -> Errno {
        match e {
            DeviceError::OutOfRange(_) => Errno::OutOfBounds,
            DeviceError::OutOfMemory(_) => Errno::OutOfMemory,
            DeviceError::Foreign(_) => Errno::BadHandle,
            DeviceError::UnsupportedKernel(_) => Errno::UnsupportedKernel,
            DeviceError::InvalidLaunch(_) => Errno::InvalidKernel,
            DeviceError::KernelTrap(_) => Errno::KernelTrapped,
            DeviceError::Device(_) => Errno::DeviceError,
        }
    }

    fn from_kernel_error(e: &KernelError) -> Errno {
        match e {
            KernelError::InvalidModule(_)
            | KernelError::NoSuchFunction(_)
            | KernelError::Signature { .. } => Errno::InvalidKernel,
            KernelError::Unsupported(_) => Errno::UnsupportedKernel,
        }
    }
}

impl From<DeviceError> for Failure {
    fn from(e: DeviceError) -> Failure {
        Failure::new(Failure::from_device_error(&e), e.to_string())
    }
}

impl From<KernelError> for Failure {
    fn from(e: KernelError) -> Failure {
        Failure::new(Failure::from_kernel_error(&e), e.to_string())
    }
}

impl From<CompileError> for Failure {
    fn from(e: CompileError) -> Failure {
        let errno = match &e {
            CompileError::Module { source, .. } => Failure::from_kernel_error(source),
            CompileError::Translation { source, .. } => {
                use wasi_parallel_translator::Error as E;
                match source {
                    E::Invalid(_) | E::NoKernel(_) | E::Signature(_) => Errno::InvalidKernel,
                    E::Unsupported { .. }
                    | E::MissingFeature(_)
                    | E::Validation(_)
                    | E::Backend(_)
                    | E::Layout(_) => Errno::UnsupportedKernel,
                }
            }
            CompileError::Device(e) => Failure::from_device_error(e),
        };
        Failure::new(errno, e.to_string())
    }
}
