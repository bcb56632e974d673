//! The guest side of wasi-parallel: a safe Rust wrapper of the `wasi_ephemeral_parallel` imports.
//!
//! The ABI itself is documented once, in the `wasi-parallel-runtime` crate docs. This crate gives
//! it Rust types: [`Device`], typed [`Buffer`]s of plain-old-data elements, errno as [`Error`],
//! and [`parallel_for`] taking an `extern "C" fn` kernel.
//!
//! ```ignore
//! use wasi_parallel_kernels::{parallel_for, Access, Device, DeviceKind};
//!
//! extern "C" fn double(i: u32, _n: u32, _block: u32, x: *const f32, x_len: usize, y: *mut f32, y_len: usize) {
//!     let (x, y) = unsafe { (wasi_parallel_kernels::slice(x, x_len), wasi_parallel_kernels::slice_mut(y, y_len)) };
//!     y[i as usize] = 2.0 * x[i as usize];
//! }
//!
//! let device = Device::get(DeviceKind::Cpu)?;
//! let x = device.buffer_from(&[1.0f32, 2.0, 3.0], Access::Read)?;
//! let y = device.create_buffer::<f32>(3, Access::Write)?;
//! parallel_for(double as extern "C" fn(_, _, _, _, _, _, _), 3, 1, &[&x], &[&y])?;
//! ```
//!
//! A kernel runs on another device than the guest: it may read and write only its buffers (through
//! the pointers it is given) and read the guest's static data. It must not allocate, print, or
//! touch globals the guest changes at run time.

#![no_std]

#[cfg(feature = "std")]
extern crate std;

#[cfg(feature = "std")]
pub mod prk;

#[cfg(feature = "nn")]
pub mod mnist;

use core::fmt;
use core::marker::PhantomData;

pub use bytemuck::Pod;

#[allow(
    clippy::missing_safety_doc,
    reason = "raw imports; the safe wrappers below document their contracts"
)]
mod sys {
    #[link(wasm_import_module = "wasi_ephemeral_parallel")]
    extern "C" {
        pub fn get_device(hint: i32, out_device: *mut i32) -> i32;
        pub fn create_buffer(device: i32, size: i32, access: i32, out_buffer: *mut i32) -> i32;
        pub fn write_buffer(data: *const u8, len: i32, buffer: i32) -> i32;
        pub fn read_buffer(buffer: i32, data: *mut u8, len: i32) -> i32;
        pub fn release_buffer(buffer: i32) -> i32;
        pub fn parallel_for(
            kernel: i32,
            num_threads: i32,
            block_size: i32,
            in_list: *const i32,
            in_count: i32,
            out_list: *const i32,
            out_count: i32,
        ) -> i32;
        pub fn parallel_exec(
            device: i32,
            kernel: *const u8,
            kernel_len: i32,
            num_iterations: i32,
            block_size: i32,
            in_list: *const i32,
            in_count: i32,
            out_list: *const i32,
            out_count: i32,
        ) -> i32;
    }
}

/// A non-zero errno from the host (see the runtime's errno table).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Error(pub i32);

impl Error {
    /// A hint, access, count or size that is not allowed.
    pub const INVALID_ARGUMENT: Error = Error(1);
    /// A handle the instance does not hold.
    pub const BAD_HANDLE: Error = Error(2);
    /// A guest range outside memory, or more bytes than a buffer holds.
    pub const OUT_OF_BOUNDS: Error = Error(3);
    /// The device cannot hold the buffer.
    pub const OUT_OF_MEMORY: Error = Error(4);
    /// No device of the hinted kind (strict mode).
    pub const NO_DEVICE: Error = Error(5);
    /// Not a kernel for these buffers.
    pub const INVALID_KERNEL: Error = Error(6);
    /// A kernel the device cannot run.
    pub const UNSUPPORTED_KERNEL: Error = Error(7);
    /// A work item trapped.
    pub const KERNEL_TRAPPED: Error = Error(8);
    /// Read of a buffer never written.
    pub const NOT_WRITTEN: Error = Error(9);
    /// The device failed.
    pub const DEVICE_ERROR: Error = Error(10);

    fn name(self) -> &'static str {
        match self.0 {
            1 => "invalid argument",
            2 => "bad handle",
            3 => "out of bounds",
            4 => "out of memory",
            5 => "no device",
            6 => "invalid kernel",
            7 => "unsupported kernel",
            8 => "kernel trapped",
            9 => "buffer never written",
            10 => "device error",
            11 => "no memory export",
            _ => "unknown error",
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error({}: {})", self.0, self.name())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "wasi-parallel error {}: {}", self.0, self.name())
    }
}

/// Results of wasi-parallel calls.
pub type Result<T> = core::result::Result<T, Error>;

fn check(errno: i32) -> Result<()> {
    match errno {
        0 => Ok(()),
        e => Err(Error(e)),
    }
}

fn to_i32(value: usize) -> Result<i32> {
    i32::try_from(value).map_err(|_| Error::INVALID_ARGUMENT)
}

/// The device kinds a guest can hint at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum DeviceKind {
    /// One thread, in order.
    Sequential = 0,
    /// The CPU's cores.
    Cpu = 1,
    /// A discrete GPU.
    DiscreteGpu = 2,
    /// An integrated GPU.
    IntegratedGpu = 3,
}

/// How a kernel accesses a buffer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum Access {
    /// Read only.
    Read = 0,
    /// Write only.
    Write = 1,
    /// Read and write.
    ReadWrite = 2,
}

/// A device handle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Device(i32);

impl Device {
    /// Asks the host for a device; it may pick another kind (see the ABI's rule).
    pub fn get(hint: DeviceKind) -> Result<Device> {
        let mut handle = 0;
        // SAFETY: the host writes one i32 to a valid, aligned out-pointer.
        check(unsafe { sys::get_device(hint as i32, &mut handle) })?;
        Ok(Device(handle))
    }

    /// The raw handle.
    pub fn handle(self) -> i32 {
        self.0
    }

    /// Creates a buffer of `len` elements of `T`, zeroed.
    pub fn create_buffer<T: Pod>(self, len: usize, access: Access) -> Result<Buffer<T>> {
        let bytes = len
            .checked_mul(core::mem::size_of::<T>())
            .ok_or(Error::INVALID_ARGUMENT)?;
        let mut handle = 0;
        // SAFETY: as in `get`.
        check(unsafe { sys::create_buffer(self.0, to_i32(bytes)?, access as i32, &mut handle) })?;
        Ok(Buffer {
            handle,
            len,
            _element: PhantomData,
        })
    }

    /// Creates a buffer holding a copy of `data`.
    pub fn buffer_from<T: Pod>(self, data: &[T], access: Access) -> Result<Buffer<T>> {
        let buffer = self.create_buffer(data.len(), access)?;
        buffer.write(data)?;
        Ok(buffer)
    }
}

/// A buffer of `T` on a device.
pub struct Buffer<T> {
    handle: i32,
    len: usize,
    _element: PhantomData<T>,
}

impl<T> fmt::Debug for Buffer<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Buffer<{}>(handle {}, {} elements)",
            core::any::type_name::<T>(),
            self.handle,
            self.len
        )
    }
}

impl<T: Pod> Buffer<T> {
    /// Elements in the buffer.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the buffer has no elements.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Copies `data` to the start of the buffer.
    pub fn write(&self, data: &[T]) -> Result<()> {
        let bytes: &[u8] = bytemuck::cast_slice(data);
        // SAFETY: the host reads `bytes.len()` bytes from a live slice.
        check(unsafe { sys::write_buffer(bytes.as_ptr(), to_i32(bytes.len())?, self.handle) })
    }

    /// Copies the start of the buffer into `out`.
    pub fn read(&self, out: &mut [T]) -> Result<()> {
        let bytes: &mut [u8] = bytemuck::cast_slice_mut(out);
        // SAFETY: the host writes at most `bytes.len()` bytes into a live, exclusive slice, and
        // any bit pattern is a valid `T: Pod`.
        check(unsafe { sys::read_buffer(self.handle, bytes.as_mut_ptr(), to_i32(bytes.len())?) })
    }
    /// Frees the buffer on its device (`release_buffer`), so that its bytes no longer count
    /// against the instance's quota. Buffers are not released on drop: a host without
    /// `release_buffer` runs guests that never call this.
    pub fn release(self) -> Result<()> {
        // SAFETY: a plain call with a handle; the host checks it.
        check(unsafe { sys::release_buffer(self.handle) })
    }
}

/// Anything that names a buffer in a launch list.
pub trait BufferHandle {
    /// The raw handle.
    fn handle(&self) -> i32;
}

impl<T> BufferHandle for Buffer<T> {
    fn handle(&self) -> i32 {
        self.handle
    }
}

/// A kernel parameter type that carries a buffer pointer.
pub trait KernelPointer: Copy {}
impl<T> KernelPointer for *const T {}
impl<T> KernelPointer for *mut T {}

/// `extern "C" fn` kernels: `(iteration_id, num_iterations, block_size, ptr0, len0, ...)`.
pub trait KernelFn: Copy {
    /// How many buffers the kernel takes.
    const BUFFERS: usize;
    /// The function pointer: on wasm32, an index into table 0.
    fn pointer(self) -> i32;
}

macro_rules! kernel_fn {
    ($count:expr; $($p:ident),*) => {
        impl<$($p: KernelPointer),*> KernelFn for extern "C" fn(u32, u32, u32 $(, $p, usize)*) {
            const BUFFERS: usize = $count;
            fn pointer(self) -> i32 {
                self as usize as i32
            }
        }
    };
}

kernel_fn!(0;);
kernel_fn!(1; A);
kernel_fn!(2; A, B);
kernel_fn!(3; A, B, C);
kernel_fn!(4; A, B, C, D);
kernel_fn!(5; A, B, C, D, E);
kernel_fn!(6; A, B, C, D, E, F);
kernel_fn!(7; A, B, C, D, E, F, G);
kernel_fn!(8; A, B, C, D, E, F, G, H);

/// Runs `kernel` over `items` work items on the device of the buffers.
///
/// The kernel gets the inputs' then the outputs' (pointer, byte length) pairs.
pub fn parallel_for<K: KernelFn>(
    kernel: K,
    items: u32,
    block_size: u32,
    inputs: &[&dyn BufferHandle],
    outputs: &[&dyn BufferHandle],
) -> Result<()> {
    if inputs.len() + outputs.len() != K::BUFFERS {
        return Err(Error::INVALID_KERNEL);
    }
    let (ins, outs) = handle_lists(inputs, outputs)?;
    // SAFETY: the lists are live arrays of at least the counts given.
    check(unsafe {
        sys::parallel_for(
            kernel.pointer(),
            to_i32(items as usize)?,
            block_size as i32,
            ins.as_ptr(),
            inputs.len() as i32,
            outs.as_ptr(),
            outputs.len() as i32,
        )
    })
}

fn handle_lists(
    inputs: &[&dyn BufferHandle],
    outputs: &[&dyn BufferHandle],
) -> Result<([i32; 8], [i32; 8])> {
    if inputs.len() > 8 || outputs.len() > 8 {
        return Err(Error::INVALID_ARGUMENT);
    }
    let mut ins = [0i32; 8];
    let mut outs = [0i32; 8];
    for (slot, b) in ins.iter_mut().zip(inputs) {
        *slot = b.handle();
    }
    for (slot, b) in outs.iter_mut().zip(outputs) {
        *slot = b.handle();
    }
    Ok((ins, outs))
}

/// Runs the `kernel` export of the Wasm module `module` over `items` work items on `device`.
///
/// The module imports its memory as `"" "memory"` and exports
/// `kernel(iteration_id, num_iterations, block_size, ptr0, len0, ...)`.
pub fn parallel_exec(
    device: Device,
    module: &[u8],
    items: u32,
    block_size: u32,
    inputs: &[&dyn BufferHandle],
    outputs: &[&dyn BufferHandle],
) -> Result<()> {
    let (ins, outs) = handle_lists(inputs, outputs)?;
    // SAFETY: the module and lists are live slices of at least the lengths given.
    check(unsafe {
        sys::parallel_exec(
            device.0,
            module.as_ptr(),
            to_i32(module.len())?,
            to_i32(items as usize)?,
            block_size as i32,
            ins.as_ptr(),
            inputs.len() as i32,
            outs.as_ptr(),
            outputs.len() as i32,
        )
    })
}

/// A kernel's view of a buffer it only reads.
///
/// # Safety
///
/// `ptr` and `len_bytes` must be a (pointer, byte length) pair the host passed to this kernel.
pub unsafe fn slice<'a, T: Pod>(ptr: *const T, len_bytes: usize) -> &'a [T] {
    // SAFETY: the host passes a live region of `len_bytes` bytes, aligned for the buffer's type.
    unsafe { core::slice::from_raw_parts(ptr, len_bytes / core::mem::size_of::<T>()) }
}

/// A kernel's view of a buffer it writes.
///
/// # Safety
///
/// As for [`slice`]; in addition, work items must write disjoint elements, since they run
/// concurrently.
pub unsafe fn slice_mut<'a, T: Pod>(ptr: *mut T, len_bytes: usize) -> &'a mut [T] {
    // SAFETY: as in `slice`; disjointness is the caller's promise.
    unsafe { core::slice::from_raw_parts_mut(ptr, len_bytes / core::mem::size_of::<T>()) }
}
