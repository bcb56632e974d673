//! The `wasi_ephemeral_parallel` host for Wasmtime.
//!
//! A Wasm guest asks for a device, creates buffers on it, and runs a kernel function over N work
//! items; this crate implements that guest ABI on top of `wasi-parallel-device`. This page is the
//! one place the ABI is written down.
//!
//! # Embedding
//!
//! Build one [`WasiParallelHost`] per process (it owns the devices, the worker pool and the kernel
//! caches), give every store a [`WasiParallelCtx`] made from it and from the guest's
//! [`GuestModule`], and add the imports to your linker. The names follow Wasmtime's WASI crates
//! and `wasi-parallel-nn`: a `*Host` is process-wide and shared, a `*Ctx` is one store's state. The host needs the guest module's bytes
//! because `parallel_for` names its kernel by a function pointer, and the kernel is cut out of the
//! guest's code; [`GuestModule`] reads them once and is shared by every instance of the module.
//!
//! ```no_run
//! use wasi_parallel_runtime::{add_to_linker, GuestModule, WasiParallelCtx, WasiParallelHost};
//! use wasmtime::{Config, Engine, Linker, Module, Store};
//!
//! struct State {
//!     parallel: WasiParallelCtx,
//! }
//!
//! # fn main() -> anyhow::Result<()> {
//! let mut config = Config::new();
//! config.wasm_threads(true).shared_memory(true);
//! let engine = Engine::new(&config)?;
//! let host = WasiParallelHost::builder().threads(4).build(&engine)?;
//!
//! let bytes = std::fs::read("guest.wasm")?;
//! let guest = GuestModule::new(&bytes)?;
//! let module = Module::new(&engine, &bytes)?;
//!
//! let mut linker: Linker<State> = Linker::new(&engine);
//! add_to_linker(&mut linker, |state: &mut State| &mut state.parallel)?;
//!
//! let mut store = Store::new(&engine, State { parallel: WasiParallelCtx::new(&host, guest) });
//! let instance = linker.instantiate(&mut store, &module)?;
//! instance.get_typed_func::<(), ()>(&mut store, "run")?.call(&mut store, ())?;
//! # Ok(())
//! # }
//! ```
//!
//! The engine must enable `wasm_threads` and `shared_memory`: CPU kernels run in shared memories,
//! and zero-copy `parallel_exec` runs kernels in the guest's own shared memory, which only works
//! when kernel and guest share an engine.
//!
//! # The guest ABI
//!
//! Import module `wasi_ephemeral_parallel`. Every parameter is an `i32`, every function returns an
//! `i32` errno (0 on success, see [`Errno`]); results go through out-pointers into the guest's
//! exported memory `memory`. Handles are non-zero `i32`s private to the instance.
//!
//! | function | parameters |
//! |---|---|
//! | `get_device` | `hint, out_device_ptr` |
//! | `create_buffer` | `device, size_bytes, access, out_buffer_ptr` |
//! | `write_buffer` | `data_ptr, data_len, buffer` |
//! | `read_buffer` | `buffer, data_ptr, data_len` |
//! | `release_buffer` | `buffer` |
//! | `parallel_for` | `kernel, num_threads, block_size, in_list_ptr, in_count, out_list_ptr, out_count` |
//! | `parallel_exec` | `device, kernel_ptr, kernel_len, num_iterations, block_size, in_list_ptr, in_count, out_list_ptr, out_count` |
//!
//! ## `get_device(hint, out_device_ptr)`
//!
//! `hint`: 0 = sequential, 1 = cpu, 2 = discrete GPU, 3 = integrated GPU; any other value is
//! `INVALID_ARGUMENT`. The host picks, in order: the device the host's configuration forces (the
//! CLI's `--device NAME|BACKEND|gpu`), else the first device of the hinted kind; when there is
//! none, for a GPU hint the first GPU of the other kind, then `cpu`; for `sequential` and `cpu`
//! the device itself (always present). Software GPUs (lavapipe) are never picked by a hint, only
//! by name or backend: they run the GPU code path at CPU speed. In strict mode there is no
//! fallback: an absent kind is `NO_DEVICE`. Asking twice for the same device returns the same
//! handle.
//!
//! ## `create_buffer(device, size_bytes, access, out_buffer_ptr)`
//!
//! `access` as the kernel sees the buffer: 0 = read, 1 = write, 2 = read_write. A negative size is
//! `INVALID_ARGUMENT`; a buffer the device cannot hold, or one over the instance's or the host's
//! quota (see "Limits"), is `OUT_OF_MEMORY`. Buffers start zeroed and live until
//! `release_buffer` or the instance is dropped.
//!
//! ## `release_buffer(buffer)`
//!
//! Frees the buffer on its device (and its CPU copy, if a fallback launch made one): its bytes
//! no longer count against the quotas, and the handle may be given to the next buffer or device
//! handle the instance gets, as file descriptors are. Any later use of a released handle that
//! was not given again is `BAD_HANDLE`. Added after the first six calls: a guest that imports it
//! needs a host that has it.
//!
//! ## `write_buffer(data_ptr, data_len, buffer)` and `read_buffer(buffer, data_ptr, data_len)`
//!
//! Copy `data_len` bytes between guest memory and the start of the buffer; `data_len` may be less
//! than the buffer's size, not more (`OUT_OF_BOUNDS`). A guest range outside its memory is
//! `OUT_OF_BOUNDS`. Reading a buffer that neither `write_buffer` nor a kernel launch that could write
//! it has touched is `NOT_WRITTEN`.
//!
//! When the guest exports a **shared** memory, buffers are zero-copy views of it: `write_buffer`
//! records where the data lies (`data_ptr`, `data_len`) and copies nothing, kernels run against the
//! guest's memory at those addresses, and `read_buffer` copies from the recorded place to
//! `data_ptr`.
//!
//! ## `parallel_for(kernel, num_threads, block_size, in_list_ptr, in_count, out_list_ptr, out_count)`
//!
//! `kernel` is a function pointer as compilers produce it: an index into the guest's table 0
//! (resolved through the element segments, so the table need not be exported). The lists are
//! arrays of `i32` buffer handles; a handle may appear in both. The device is that of the buffers
//! (all must share one; with no buffers, the first device the instance got, and if it has got
//! none yet, the host's default device, which is then the instance's as if `get_device` had given
//! it: the forced device, else the best one, as the `discrete-gpu` hint picks outside strict
//! mode; the 2021 host did this too). The kernel runs on the
//! device's copy of the buffers, and never in the guest's memory: with a shared guest memory the
//! views are copied to the device before the launch and writable ones copied back after it.
//!
//! ## `parallel_exec(device, kernel_ptr, kernel_len, num_iterations, block_size, in_list_ptr, in_count, out_list_ptr, out_count)`
//!
//! The kernel is a binary Wasm module in guest memory that exports a function `kernel` and imports a
//! memory `"" "memory"`; it may not have active data segments. In a guest with a shared memory
//! every buffer must have been given a place by `write_buffer`; on the CPU devices the kernel then
//! runs zero-copy in that memory, and on a GPU on the device's copies of those places, copied
//! to the device before the launch and, for writable buffers, back after it (as `parallel_for`
//! does). In a guest with a plain memory it runs on the device's copy of the buffers.
//!
//! ## GPU devices
//!
//! On a GPU the kernel is translated from Wasm to naga IR (crate `wasi-parallel-translator`,
//! whose docs list what it translates today). A kernel it cannot translate runs on the `cpu`
//! device instead, on copies of the GPU's buffers that are copied back after the launch, with one
//! log line giving the reason; in strict mode it returns `UNSUPPORTED_KERNEL` (or
//! `INVALID_KERNEL` when it is no kernel at all). A `parallel_exec` kernel in a guest with a
//! shared memory falls back the same way, and runs zero-copy in the guest's memory on the `cpu`
//! device. A GPU cannot bind one buffer twice when the kernel writes it (`UNSUPPORTED_KERNEL`),
//! and buffers are limited to the device's largest buffer (`OUT_OF_MEMORY` beyond; 2 GiB on
//! lavapipe). A buffer larger than one storage binding (128 MiB on lavapipe) is bound in parts,
//! and the kernel translated again for that launch to reach each part.
//!
//! ## The kernel
//!
//! `kernel(iteration_id, num_iterations, block_size, ptr0, len0, ptr1, len1, ...)`, all `i32`, no
//! results: one (address, byte length) pair per buffer, inputs first, then outputs. Work item `i`
//! runs `kernel(i, n, block_size, ...)` for every `i` in `0..n`, in no particular order and
//! concurrently (except on `sequential`, which runs them in order). A kernel may read and write its
//! buffers (writes to an input buffer whose access allows writing are kept) and read the guest's
//! static data at its usual addresses: the guest's initial memory as the module declares it
//! (its data segments, zeros elsewhere), never what the guest wrote there since. GPUs hold the
//! data segments only, so a guest with a large bss is no larger there. It sees only the buffers it was passed, on every device: it
//! cannot reach the instance's other buffers, released buffers, the guest's memory (except
//! zero-copy `parallel_exec` buffers), or other instances' buffers, and it cannot call the
//! guest's imports (such calls trap). A buffer created read-only (access 0) is never changed by a
//! kernel: on the CPU devices a write to it traps (`KERNEL_TRAPPED`); on GPUs the kernel is given
//! a copy whose writes are dropped. An access outside the buffers passed is `KERNEL_TRAPPED`
//! everywhere. On the CPU devices, where buffers are protected by page, a buffer may be followed
//! by padding of its own that does not trap (zeros, or what kernels wrote there; never another
//! buffer's data): up to 7 bytes when its size is not a multiple of 8, and for buffers of 64 KiB
//! or more up to 4 KiB, which staggers large buffers so that they do not alias in the caches.
//! `memory.grow` in a kernel fails (returns -1).
//! Mutable globals, including the shadow stack pointer, are private to each worker, and a worker's
//! stack is cleared after every launch that used it.
//!
//! ## Errors
//!
//! See [`Errno`] for the table. A kernel that traps, or accesses memory out of bounds, returns
//! `KERNEL_TRAPPED` and prints a message on stderr; the guest keeps running, and its buffers keep
//! whatever the work items wrote before the trap. With a time limit
//! ([`WasiParallelHostBuilder::kernel_timeout`], the CLI's `--kernel-timeout`), a launch that runs
//! past it is stopped the same way; without one, a kernel that never returns blocks its guest, as
//! a guest loop would.
//!
//! # Limits
//!
//! No guest may crash, hang or exhaust its host. What bounds each:
//!
//! - **Buffers.** Per instance, at most [`Quotas::buffers_per_instance`] live buffers (default
//!   65,536) holding [`Quotas::buffer_bytes_per_instance`] bytes (default 4 GiB), on all its
//!   devices together; per host, [`Quotas::buffer_bytes`] over all instances (default 16 GiB).
//!   Over any of them `create_buffer` is `OUT_OF_MEMORY`; `release_buffer` gives the bytes back.
//!   What the host may hold besides: a CPU copy of each GPU buffer a fallback launch used (so up
//!   to twice the buffer bytes), the rounding of each CPU buffer to whole 4 KiB pages (at most
//!   4 KiB per buffer, 256 MiB for 65,536 tiny ones, and only for pages written), the guest's
//!   data segments once per device, 1 MiB of stack per CPU worker and space (only what kernels
//!   touch, cleared after each launch), and the compiled kernels, at most 4,096 (past that the
//!   cache is emptied).
//! - **Launch time.** [`WasiParallelHostBuilder::kernel_timeout`] (the CLI's `--kernel-timeout`,
//!   60 s by default; embedders have no limit unless they set one). On the CPU devices a launch
//!   past it is stopped and returns `KERNEL_TRAPPED`: kernels store to a page of their space at
//!   every loop head and call, which the host takes away at the limit (one store, cheaper than
//!   Wasmtime's epoch checks); zero-copy `parallel_exec` kernels, which run in the guest's
//!   memory, are stopped by the engine's epochs instead, when the engine enables them. On GPUs (wgpu,
//!   OpenCL) the host stops waiting at the limit and returns `KERNEL_TRAPPED`. No GPU API can
//!   stop a running kernel, so translated kernels stop themselves: with a limit, each work item
//!   may run 2^32 - 2 loop iterations (no item runs that many within half a second), and work
//!   items that start after another has trapped end at once; an endless kernel ends on PoCL a
//!   few seconds after it started. Until the device has finished a launch that ran past its limit, every call on it
//!   waits for it, at most the limit, and returns `DEVICE_ERROR` if it is still running; then
//!   the device serves calls again. A launch of very many short but finite work items is not
//!   cut short: its device stays busy until it ends. On lavapipe a work item's loops end after
//!   65,535 iterations: in strict mode the launch is `KERNEL_TRAPPED`; otherwise it runs again
//!   on the `cpu` device from copies of its writable buffers taken before it (with one log
//!   line), so the guest gets the right results. Those copies are taken before every such
//!   launch on lavapipe, at the cost of a copy of each written buffer. wasi-nn's operators keep to the same limit per
//!   launch on every device, its native CPU kernels (host code) by a deadline checked between
//!   pieces of their loops, about every millisecond of work; a `compute` past it fails with
//!   `runtime_error`.
//! - **wasi-nn.** The models an instance loads from bytes, their plans and constants, and the
//!   tensors of its execution contexts (inputs and outputs) count against the instance's byte
//!   quota (`NnHost::set_instance_bytes_limit`, 4 GiB by default), and with the preloaded models
//!   and their plans, against the host's (`NnRuntime::set_bytes_limit`, 16 GiB by default; the
//!   CLI's `--max-nn-bytes` sets both); each plan may make at most 4 GiB
//!   (`NnRuntime::set_plan_bytes_limit`),
//!   checked before it runs. An instance holds at most 256 graphs and 1,024 execution contexts.
//!   Past any of them the call is `too_large`, with nothing kept. What the host may hold
//!   besides: while `set_input` or `get_output` runs, a copy or two of that one tensor (at most
//!   the guest's memory).
//! - **Compile time.** [`WasiParallelHostBuilder::compile_timeout`] (the CLI's
//!   `--compile-timeout`, 60 s by default, also for embedders): a GPU driver that takes longer to
//!   compile a kernel is left to finish on its own and the kernel runs on the CPU, as any kernel
//!   the GPU cannot run.
//! - **Kernel size.** The translator refuses kernels with blocks nested more than 512 deep,
//!   calls nested more than 64 deep or more than 2^20 operators after inlining
//!   (`UNSUPPORTED_KERNEL` on a GPU, so they run on the CPU); compiling never runs on the
//!   caller's stack.
//! - **Driver faults.** lavapipe (llvmpipe) is not given kernels with a private array (a shadow
//!   stack; its compiler, which runs at the first dispatch where no time limit reaches, took over
//!   20 minutes on one): they run on the CPU, or are `UNSUPPORTED_KERNEL` in strict mode. Its
//!   `f64` `trunc` and `nearest` are wrong for some values (Mesa 22.3.6): not yet worked around.
//! - **Confinement.** A kernel touches only the buffers it was passed, read-only ones only for
//!   reading (see "The kernel"). On the CPU devices every buffer lives on pages of its own, and
//!   a launch runs with every other page of the instance's space protected; changing those
//!   protections costs a few system calls when a launch passes other buffers than the one before
//!   it, or after the guest wrote a read-only buffer, and nothing when it passes the same ones.
//! - **Device loss.** A wgpu device that is lost (a driver reset, a GPU gone), or an OpenCL
//!   context that is (a launch that fails on the device, a queue or context the driver calls
//!   invalid), fails the launch in flight with `DEVICE_ERROR`, with a message on stderr. Its
//!   buffers are gone: every later call on one of them is `DEVICE_ERROR` too, until the guest
//!   releases it. Everything else goes on, on the same adapter or OpenCL device opened again
//!   (new buffers, the same kernels, rebuilt there, the guest's static data uploaded again); if
//!   it cannot be opened again, every call on it is `DEVICE_ERROR`. Errors that wgpu reports
//!   outside a call (its default is to panic) are the next call's `DEVICE_ERROR`; other OpenCL
//!   errors are the call's `DEVICE_ERROR` (or `OUT_OF_MEMORY`) and leave the context as it is.
//! - **Signals.** Wasm traps are signals; the host keeps Wasmtime's handlers in charge when GPU
//!   drivers (PoCL's LLVM) install their own, so traps on any number of threads at once are
//!   errnos, never a crash.

mod ctx;
mod errno;
mod guest;
mod host;
mod launch;
mod linker;
pub mod tune;

pub use ctx::WasiParallelCtx;
pub use errno::Errno;
pub use guest::{GuestModule, GuestModuleError};
pub use host::{DevicePreference, Quotas, WasiParallelHost, WasiParallelHostBuilder};
pub use linker::add_to_linker;
pub use wasi_parallel_device as device;
pub use wasi_parallel_device::kernel_module;

/// Makes a Wasmtime [`wasmtime::Config`] with what wasi-parallel needs: threads and shared memory.
///
/// For kernel time limits, also enable `epoch_interruption` on it.
pub fn engine_config() -> wasmtime::Config {
    let mut config = wasmtime::Config::new();
    config.wasm_threads(true).shared_memory(true);
    // Kernel memories never move (they are reserved whole), and saying so lets Cranelift keep a
    // memory's base address in a register across a kernel's loops instead of reloading it.
    config.memory_may_move(false);
    config
}
