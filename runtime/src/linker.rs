//! The Wasmtime glue: the `wasi_ephemeral_parallel` imports and guest-memory access.
//!
//! Each import finds the caller's exported `memory` (plain or shared), hands it with the store's
//! [`WasiParallelCtx`] to the matching method, and turns the outcome into the errno, the only place
//! where that happens. No guest input reaches a panic: every pointer and length is checked
//! against the memory before it is used.

use wasmtime::{Caller, Extern, Linker, SharedMemory};

use crate::ctx::{check_range, GuestMemory, WasiParallelCtx};
use crate::errno::{self, Failure};

const MODULE: &str = "wasi_ephemeral_parallel";

/// A guest's plain (unshared) memory, borrowed for one call.
struct PlainMemory<'a>(&'a mut [u8]);

impl GuestMemory for PlainMemory<'_> {
    fn size(&self) -> usize {
        self.0.len()
    }

    fn read(&self, ptr: u32, len: u32) -> Result<Vec<u8>, Failure> {
        Ok(self.0[check_range(ptr, len, self.0.len())?].to_vec())
    }

    fn write(&mut self, ptr: u32, bytes: &[u8]) -> Result<(), Failure> {
        let range = check_range(ptr, bytes.len() as u32, self.0.len())?;
        self.0[range].copy_from_slice(bytes);
        Ok(())
    }

    fn shared(&self) -> Option<SharedMemory> {
        None
    }
}

/// A guest's shared memory.
struct SharedGuestMemory(SharedMemory);

impl SharedGuestMemory {
    fn ptr(&self, ptr: u32, len: usize) -> Result<*mut u8, Failure> {
        let data = self.0.data();
        let range = check_range(ptr, u32::try_from(len).unwrap_or(u32::MAX), data.len())?;
        Ok(data[range.start..].as_ptr().cast_mut().cast())
    }
}

impl GuestMemory for SharedGuestMemory {
    fn size(&self) -> usize {
        self.0.data_size()
    }

    fn read(&self, ptr: u32, len: u32) -> Result<Vec<u8>, Failure> {
        let src = self.ptr(ptr, len as usize)?;
        let mut out = vec![0; len as usize];
        // SAFETY: `ptr` checked the range against the memory, whose base never moves while we
        // hold a handle to it. Other guest threads may write these bytes concurrently; Wasm's
        // memory model makes that the guest's race, and a raw copy forms no Rust reference to
        // the shared bytes.
        unsafe { std::ptr::copy(src, out.as_mut_ptr(), out.len()) };
        Ok(out)
    }

    fn write(&mut self, ptr: u32, bytes: &[u8]) -> Result<(), Failure> {
        let dst = self.ptr(ptr, bytes.len())?;
        // SAFETY: as in `read`; `bytes` is a host-owned vector, not part of this memory.
        unsafe { std::ptr::copy(bytes.as_ptr(), dst, bytes.len()) };
        Ok(())
    }

    fn shared(&self) -> Option<SharedMemory> {
        Some(self.0.clone())
    }
}

/// Runs `f` with the caller's state and memory, and returns the errno the guest sees.
fn call<T: 'static>(
    caller: &mut Caller<'_, T>,
    get: impl Fn(&mut T) -> &mut WasiParallelCtx,
    name: &str,
    f: impl FnOnce(&mut WasiParallelCtx, &mut dyn GuestMemory) -> Result<(), Failure>,
) -> i32 {
    let result = match caller.get_export("memory") {
        Some(Extern::Memory(memory)) => {
            let (data, state) = memory.data_and_store_mut(&mut *caller);
            f(get(state), &mut PlainMemory(data))
        }
        Some(Extern::SharedMemory(memory)) => {
            f(get(caller.data_mut()), &mut SharedGuestMemory(memory))
        }
        _ => Err(Failure::no_memory_export(
            "the guest exports no memory named `memory`",
        )),
    };
    errno::report(name, result)
}

/// Writes an out-parameter after checking it fits, so that a bad pointer is caught before work.
fn out_i32(memory: &mut dyn GuestMemory, ptr: i32, value: u32) -> Result<(), Failure> {
    memory.write(ptr as u32, &value.to_le_bytes())
}

fn check_out(memory: &dyn GuestMemory, ptr: i32) -> Result<(), Failure> {
    check_range(ptr as u32, 4, memory.size()).map(drop)
}

/// Adds the `wasi_ephemeral_parallel` imports to `linker`; `get` finds the store's
/// [`WasiParallelCtx`] in its data.
pub fn add_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    get: impl Fn(&mut T) -> &mut WasiParallelCtx + Send + Sync + Copy + 'static,
) -> wasmtime::Result<()> {
    linker.func_wrap(
        MODULE,
        "get_device",
        move |mut caller: Caller<'_, T>, hint: i32, out: i32| -> i32 {
            call(&mut caller, get, "get_device", |state, memory| {
                check_out(memory, out)?;
                let device = state.get_device(hint)?;
                out_i32(memory, out, device)
            })
        },
    )?;
    linker.func_wrap(
        MODULE,
        "create_buffer",
        move |mut caller: Caller<'_, T>, device: i32, size: i32, access: i32, out: i32| -> i32 {
            call(&mut caller, get, "create_buffer", |state, memory| {
                check_out(memory, out)?;
                let buffer = state.create_buffer(device, size, access)?;
                out_i32(memory, out, buffer)
            })
        },
    )?;
    linker.func_wrap(
        MODULE,
        "release_buffer",
        move |mut caller: Caller<'_, T>, buffer: i32| -> i32 {
            call(&mut caller, get, "release_buffer", |state, _memory| {
                state.release_buffer(buffer)
            })
        },
    )?;
    linker.func_wrap(
        MODULE,
        "write_buffer",
        move |mut caller: Caller<'_, T>, ptr: i32, len: i32, buffer: i32| -> i32 {
            call(&mut caller, get, "write_buffer", |state, memory| {
                state.write_buffer(memory, ptr, len, buffer)
            })
        },
    )?;
    linker.func_wrap(
        MODULE,
        "read_buffer",
        move |mut caller: Caller<'_, T>, buffer: i32, ptr: i32, len: i32| -> i32 {
            call(&mut caller, get, "read_buffer", |state, memory| {
                state.read_buffer(memory, buffer, ptr, len)
            })
        },
    )?;
    linker.func_wrap(
        MODULE,
        "parallel_for",
        move |mut caller: Caller<'_, T>,
              kernel: i32,
              items: i32,
              block_size: i32,
              in_ptr: i32,
              in_count: i32,
              out_ptr: i32,
              out_count: i32|
              -> i32 {
            call(&mut caller, get, "parallel_for", |state, memory| {
                state.parallel_for(
                    memory,
                    kernel,
                    items,
                    block_size,
                    (in_ptr, in_count),
                    (out_ptr, out_count),
                )
            })
        },
    )?;
    linker.func_wrap(
        MODULE,
        "parallel_exec",
        move |mut caller: Caller<'_, T>,
              device: i32,
              kernel_ptr: i32,
              kernel_len: i32,
              items: i32,
              block_size: i32,
              in_ptr: i32,
              in_count: i32,
              out_ptr: i32,
              out_count: i32|
              -> i32 {
            call(&mut caller, get, "parallel_exec", |state, memory| {
                state.parallel_exec(
                    memory,
                    device,
                    (kernel_ptr, kernel_len),
                    items,
                    block_size,
                    (in_ptr, in_count),
                    (out_ptr, out_count),
                )
            })
        },
    )?;
    Ok(())
}
