//! A harness for driving the `wasi_ephemeral_parallel` ABI from tests.
//!
//! [`Guest`] instantiates a WAT guest that re-exports every import under the same name, so a test
//! can call the ABI exactly as a guest would (same memory, same errno) while choosing every
//! argument itself, hostile ones included. The guest's kernels are given as WAT too: functions, a
//! table and its element segment.
//!
//! [`gpu`] holds the cases that every GPU backend's devices run against the CPU executor.

pub mod gpu;
pub mod suite;

use std::sync::{Arc, OnceLock};

use anyhow::{Context as _, Result};
use wasi_parallel_runtime::{add_to_linker, Errno, GuestModule, WasiParallelCtx, WasiParallelHost};
use wasmtime::{Engine, Instance, Linker, Module, SharedMemory, Store};

/// The imports and their re-exports, spliced into every harness guest.
const ABI: &str = r#"
  (import "wasi_ephemeral_parallel" "get_device" (func $get_device (param i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "create_buffer" (func $create_buffer (param i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "write_buffer" (func $write_buffer (param i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "read_buffer" (func $read_buffer (param i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "release_buffer" (func $release_buffer (param i32) (result i32)))
  (import "wasi_ephemeral_parallel" "parallel_for" (func $parallel_for (param i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "parallel_exec" (func $parallel_exec (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (func (export "get_device") (param i32 i32) (result i32)
    (call $get_device (local.get 0) (local.get 1)))
  (func (export "create_buffer") (param i32 i32 i32 i32) (result i32)
    (call $create_buffer (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "write_buffer") (param i32 i32 i32) (result i32)
    (call $write_buffer (local.get 0) (local.get 1) (local.get 2)))
  (func (export "read_buffer") (param i32 i32 i32) (result i32)
    (call $read_buffer (local.get 0) (local.get 1) (local.get 2)))
  (func (export "release_buffer") (param i32) (result i32)
    (call $release_buffer (local.get 0)))
  (func (export "parallel_for") (param i32 i32 i32 i32 i32 i32 i32) (result i32)
    (call $parallel_for (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5) (local.get 6)))
  (func (export "parallel_exec") (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
    (call $parallel_exec (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4) (local.get 5) (local.get 6) (local.get 7) (local.get 8)))
"#;

/// Kernels most tests use. Function pointers: 1 = `$double` (out[i] = 2 * in[i], i32),
/// 2 = `$trap` (unreachable), 3 = `$oob` (stores far outside memory), 4 = `$wrong_type`,
/// 5 = `$static_plus` (out[i] = static word at 1024 + i), 6 = `$scribble` (stores to address 2048,
/// which is guest memory in the guest), 7 = `$inc_in_place` (in[i] += 1), 8 = `$empty`,
/// 9 = `$stack` (uses a shadow stack: out[i] = i via memory at the stack pointer),
/// 10 = `$trap_at_5` (traps in work item 5, writes out[i] = 1 elsewhere), 11 = `$forever`
/// (never returns).
pub const KERNELS: &str = r#"
  (global $__stack_pointer (mut i32) (i32.const 1024))
  (table 12 funcref)
  (elem (i32.const 1) $double $trap $oob $wrong_type $static_plus $scribble $inc_in_place $empty $stack $trap_at_5 $forever)
  (data (i32.const 1024) "\2a\00\00\00")
  (func $double (param $i i32) (param $n i32) (param $b i32) (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $off i32)
    (local.set $off (i32.mul (local.get $i) (i32.const 4)))
    (if (i32.ge_u (local.get $off) (local.get $out_len)) (then (return)))
    (i32.store (i32.add (local.get $out) (local.get $off))
      (i32.mul (i32.load (i32.add (local.get $in) (local.get $off))) (i32.const 2))))
  (func $trap (param i32 i32 i32 i32 i32 i32 i32) unreachable)
  (func $oob (param i32 i32 i32 i32 i32 i32 i32)
    (i32.store (i32.const -16) (i32.const 1)))
  (func $wrong_type (param i32) (result i32) (local.get 0))
  (func $static_plus (param $i i32) (param $n i32) (param $b i32) (param $out i32) (param $out_len i32)
    (i32.store (i32.add (local.get $out) (i32.mul (local.get $i) (i32.const 4)))
      (i32.add (i32.load (i32.const 1024)) (local.get $i))))
  (func $scribble (param i32 i32 i32 i32 i32)
    (i32.store (i32.const 2048) (i32.const 0x5c5c5c5c)))
  (func $inc_in_place (param $i i32) (param $n i32) (param $b i32) (param $p i32) (param $len i32)
    (local $a i32)
    (local.set $a (i32.add (local.get $p) (i32.mul (local.get $i) (i32.const 4))))
    (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1))))
  (func $empty (param i32 i32 i32 i32 i32))
  (func $stack (param $i i32) (param $n i32) (param $b i32) (param $out i32) (param $out_len i32)
    (local $sp i32)
    (local.set $sp (i32.sub (global.get $__stack_pointer) (i32.const 16)))
    (global.set $__stack_pointer (local.get $sp))
    (i32.store (local.get $sp) (local.get $i))
    ;; Give another worker time to use the same slot, were stacks shared; the call keeps the
    ;; compiler from forwarding the store to the load below.
    (local.set $n (i32.const 100))
    (loop $wait
      (call $pause)
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $wait (i32.ne (local.get $n) (i32.const 0))))
    (i32.store (i32.add (local.get $out) (i32.mul (local.get $i) (i32.const 4)))
      (i32.load (local.get $sp)))
    (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 16))))
  (func $pause (local $k i32)
    (local.set $k (i32.const 10))
    (loop $spin
      (local.set $k (i32.sub (local.get $k) (i32.const 1)))
      (br_if $spin (local.get $k))))
  (func $forever (param i32 i32 i32 i32 i32)
    (loop $again (br $again)))
  (func $trap_at_5 (param $i i32) (param $n i32) (param $b i32) (param $out i32) (param $out_len i32)
    (if (i32.eq (local.get $i) (i32.const 5)) (then unreachable))
    (i32.store (i32.add (local.get $out) (i32.mul (local.get $i) (i32.const 4))) (i32.const 1)))
"#;

/// The engine every harness guest uses (kernels and guests must share one).
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&wasi_parallel_runtime::engine_config()).expect("engine"))
}

/// A context with `threads` CPU workers.
pub fn ctx(threads: usize) -> WasiParallelHost {
    WasiParallelHost::builder()
        .threads(threads)
        .build(engine())
        .expect("context")
}

/// The text of a harness guest: the ABI re-exports, `memory`, and `body` (kernels, data).
pub fn guest_wat(memory: &str, body: &str) -> String {
    format!("(module {ABI}\n  {memory}\n {body})")
}

/// A guest module compiled once, to instantiate many times.
#[derive(Clone, Debug)]
pub struct GuestProgram {
    pub guest: Arc<GuestModule>,
    pub module: Module,
}

impl GuestProgram {
    /// Compiles a harness guest with a plain 16-page memory and `body`.
    pub fn new(body: &str) -> Result<GuestProgram> {
        GuestProgram::with_memory("(memory (export \"memory\") 16)", body)
    }

    /// Compiles a harness guest with the given memory declaration.
    pub fn with_memory(memory: &str, body: &str) -> Result<GuestProgram> {
        GuestProgram::on_engine(engine(), memory, body)
    }

    /// Compiles a harness guest for another engine than the shared one.
    pub fn on_engine(engine: &Engine, memory: &str, body: &str) -> Result<GuestProgram> {
        let wasm = wat::parse_str(guest_wat(memory, body))?;
        Ok(GuestProgram {
            guest: GuestModule::new(&wasm)?,
            module: Module::new(engine, &wasm)?,
        })
    }

    /// Instantiates the program with its own store and wasi-parallel state.
    pub fn instantiate(&self, ctx: &WasiParallelHost) -> Result<Guest> {
        let engine = self.module.engine();
        let mut linker = Linker::new(engine);
        add_to_linker(&mut linker, |s: &mut WasiParallelCtx| s)?;
        // Guests built for wasm32-wasip1 import WASI, which no harness guest calls.
        linker.define_unknown_imports_as_traps(&self.module)?;
        let mut store = Store::new(engine, WasiParallelCtx::new(ctx, self.guest.clone()));
        // Engines with kernel time limits interrupt by epoch: the guest itself has none.
        store.set_epoch_deadline(u64::MAX / 2);
        let instance = linker.instantiate(&mut store, &self.module)?;
        Ok(Guest { store, instance })
    }
}

/// One instantiated harness guest.
#[derive(Debug)]
pub struct Guest {
    pub store: Store<WasiParallelCtx>,
    pub instance: Instance,
}

/// Where harness helpers put out-parameters in guest memory.
pub const OUT: u32 = 0x100;

impl Guest {
    fn call<P: wasmtime::WasmParams>(&mut self, name: &str, params: P) -> i32 {
        let func = self
            .instance
            .get_typed_func::<P, i32>(&mut self.store, name)
            .expect("harness export");
        func.call(&mut self.store, params)
            .expect("the host call must not trap")
    }

    /// `get_device`, raw.
    pub fn get_device_raw(&mut self, hint: i32, out: i32) -> i32 {
        self.call("get_device", (hint, out))
    }

    /// `create_buffer`, raw.
    pub fn create_buffer_raw(&mut self, device: i32, size: i32, access: i32, out: i32) -> i32 {
        self.call("create_buffer", (device, size, access, out))
    }

    /// `write_buffer`, raw.
    pub fn write_buffer_raw(&mut self, ptr: i32, len: i32, buffer: i32) -> i32 {
        self.call("write_buffer", (ptr, len, buffer))
    }

    /// `read_buffer`, raw.
    pub fn read_buffer_raw(&mut self, buffer: i32, ptr: i32, len: i32) -> i32 {
        self.call("read_buffer", (buffer, ptr, len))
    }

    /// `release_buffer`, raw.
    pub fn release_buffer_raw(&mut self, buffer: i32) -> i32 {
        self.call("release_buffer", (buffer,))
    }

    /// `parallel_for`, raw.
    #[allow(clippy::too_many_arguments, reason = "the ABI's parameters")]
    pub fn parallel_for_raw(
        &mut self,
        kernel: i32,
        n: i32,
        block: i32,
        ins: i32,
        in_count: i32,
        outs: i32,
        out_count: i32,
    ) -> i32 {
        self.call(
            "parallel_for",
            (kernel, n, block, ins, in_count, outs, out_count),
        )
    }

    /// `parallel_exec`, raw.
    #[allow(clippy::too_many_arguments, reason = "the ABI's parameters")]
    pub fn parallel_exec_raw(
        &mut self,
        device: i32,
        kernel: i32,
        kernel_len: i32,
        n: i32,
        block: i32,
        ins: i32,
        in_count: i32,
        outs: i32,
        out_count: i32,
    ) -> i32 {
        self.call(
            "parallel_exec",
            (
                device, kernel, kernel_len, n, block, ins, in_count, outs, out_count,
            ),
        )
    }

    /// Checks an errno is success, naming it otherwise.
    pub fn ok(errno: i32) -> Result<()> {
        match Errno::from_raw(errno) {
            Some(Errno::Success) => Ok(()),
            other => anyhow::bail!("errno {errno} ({other:?})"),
        }
    }

    /// `get_device(hint)`, checked.
    pub fn device(&mut self, hint: i32) -> Result<i32> {
        Self::ok(self.get_device_raw(hint, OUT as i32))?;
        Ok(self.read_i32(OUT))
    }

    /// `create_buffer`, checked.
    pub fn buffer(&mut self, device: i32, size: i32, access: i32) -> Result<i32> {
        Self::ok(self.create_buffer_raw(device, size, access, OUT as i32))?;
        Ok(self.read_i32(OUT))
    }

    /// Writes `data` to guest memory at `ptr` and `write_buffer`s it.
    pub fn write_i32s(&mut self, buffer: i32, ptr: u32, data: &[i32]) -> Result<()> {
        self.poke_i32s(ptr, data);
        Self::ok(self.write_buffer_raw(ptr as i32, (data.len() * 4) as i32, buffer))
    }

    /// `read_buffer`s `len` i32s to guest memory at `ptr` and returns them.
    pub fn read_i32s(&mut self, buffer: i32, ptr: u32, len: usize) -> Result<Vec<i32>> {
        Self::ok(self.read_buffer_raw(buffer, ptr as i32, (len * 4) as i32))?;
        Ok(self.peek_i32s(ptr, len))
    }

    /// Puts a handle list in guest memory at `ptr`.
    pub fn list(&mut self, ptr: u32, handles: &[i32]) -> (i32, i32) {
        self.poke_i32s(ptr, handles);
        (ptr as i32, handles.len() as i32)
    }

    /// `parallel_for` with handle lists placed at 0x200 and 0x280.
    pub fn run(&mut self, kernel: i32, n: i32, ins: &[i32], outs: &[i32]) -> i32 {
        let (ip, ic) = self.list(0x200, ins);
        let (op, oc) = self.list(0x280, outs);
        self.parallel_for_raw(kernel, n, 1, ip, ic, op, oc)
    }

    fn memory_bytes(&mut self) -> MemoryRef {
        match self.instance.get_export(&mut self.store, "memory") {
            Some(wasmtime::Extern::Memory(m)) => MemoryRef::Plain(m),
            Some(wasmtime::Extern::SharedMemory(m)) => MemoryRef::Shared(m),
            _ => panic!("harness guest exports memory"),
        }
    }

    /// Writes bytes into guest memory.
    pub fn poke(&mut self, ptr: u32, bytes: &[u8]) {
        match self.memory_bytes() {
            MemoryRef::Plain(m) => m
                .write(&mut self.store, ptr as usize, bytes)
                .expect("in bounds"),
            MemoryRef::Shared(m) => {
                let data = m.data();
                for (i, b) in bytes.iter().enumerate() {
                    // SAFETY: no other thread touches this test guest's memory now.
                    unsafe { *data[ptr as usize + i].get() = *b };
                }
            }
        }
    }

    /// Reads bytes from guest memory.
    pub fn peek(&mut self, ptr: u32, len: usize) -> Vec<u8> {
        match self.memory_bytes() {
            MemoryRef::Plain(m) => m.data(&self.store)[ptr as usize..ptr as usize + len].to_vec(),
            MemoryRef::Shared(m) => {
                let data = m.data();
                // SAFETY: as in `poke`.
                (0..len)
                    .map(|i| unsafe { *data[ptr as usize + i].get() })
                    .collect()
            }
        }
    }

    /// Writes i32s into guest memory.
    pub fn poke_i32s(&mut self, ptr: u32, data: &[i32]) {
        let bytes: Vec<u8> = data.iter().flat_map(|x| x.to_le_bytes()).collect();
        self.poke(ptr, &bytes);
    }

    /// Reads i32s from guest memory.
    pub fn peek_i32s(&mut self, ptr: u32, len: usize) -> Vec<i32> {
        self.peek(ptr, len * 4)
            .chunks_exact(4)
            .map(|c| i32::from_le_bytes(c.try_into().unwrap()))
            .collect()
    }

    /// Reads one i32 from guest memory.
    pub fn read_i32(&mut self, ptr: u32) -> i32 {
        self.peek_i32s(ptr, 1)[0]
    }

    /// Calls an export of the guest that takes and returns nothing beyond an i32.
    pub fn call_export(&mut self, name: &str) -> Result<i32> {
        let f = self
            .instance
            .get_typed_func::<(), i32>(&mut self.store, name)
            .map_err(anyhow::Error::from)
            .with_context(|| format!("export {name}"))?;
        Ok(f.call(&mut self.store, ())?)
    }
}

enum MemoryRef {
    Plain(wasmtime::Memory),
    Shared(SharedMemory),
}
