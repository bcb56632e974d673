//! Wasm traps on many CPU workers at once, right after the GPU drivers were loaded, never kill
//! the process (see `device/src/signals.rs`). PoCL's LLVM registered one-shot crash handlers
//! above Wasmtime's when its devices were opened: the first trap reset the disposition to the
//! default and a second worker trapping at the same moment died of it, in about half of the
//! runs.
//!
//! The danger is at the first traps after the drivers load, so every run is a fresh process:
//! the test runs itself as a child, `WASI_PARALLEL_TRAP_RUNS` times (default 40; the issue's
//! acceptance is 500), and counts the children that die of a signal.

use std::process::Command;

use wasi_parallel_device::{
    compile_kernel, cpu::CpuDeviceDescriptor, Access, BufferDescriptor, CompileOptions, CpuDevice,
    Device, DeviceError, KernelEntry, Launch, SpaceDescriptor,
};

const CHILD: &str = "WASI_PARALLEL_TRAP_CHILD";

/// Kernels that trap on every work item, each with a different signal: `unreachable` (SIGILL),
/// an access past the 4 GiB space (SIGSEGV), a division by zero (SIGFPE), and a store to a
/// page the launch was not given (SIGSEGV inside the space: the buffer created after `out`).
const GUEST: &str = r#"(module
    (memory (export "memory") 1)
    (table 5 funcref)
    (func $unreachable (param i32 i32 i32 i32 i32) unreachable)
    (func $out_of_bounds (param i32 i32 i32 i32 i32)
        (i32.store (i32.const -4) (i32.load (i32.sub (i32.const -8) (local.get 0)))))
    (func $divide (param i32 i32 i32 i32 i32)
        (i32.store (local.get 3) (i32.div_u (local.get 0) (i32.sub (local.get 1) (local.get 1)))))
    (func $closed (param i32 i32 i32) (param $out i32) (param $len i32)
        (i32.store (i32.add (i32.add (local.get $out) (local.get $len)) (i32.const 8192))
            (local.get 0)))
    (elem (i32.const 1) $unreachable $out_of_bounds $divide $closed))"#;

#[test]
fn concurrent_traps_never_kill_the_process() {
    if std::env::var_os(CHILD).is_some() {
        return trap_everywhere();
    }
    let runs: u32 = std::env::var("WASI_PARALLEL_TRAP_RUNS")
        .ok()
        .and_then(|runs| runs.parse().ok())
        .unwrap_or(40);
    let exe = std::env::current_exe().expect("the test binary");
    let mut deaths = Vec::new();
    for run in 0..runs {
        let out = Command::new(&exe)
            .args([
                "concurrent_traps_never_kill_the_process",
                "--exact",
                "--nocapture",
            ])
            .env(CHILD, "1")
            .output()
            .expect("run the child");
        if !out.status.success() {
            deaths.push(format!(
                "run {run}: {}\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(
        deaths.is_empty(),
        "{} of {runs} runs died:\n{}",
        deaths.len(),
        deaths.join("\n")
    );
}

/// The child: open every driver, then trap on eight workers at once, again and again.
fn trap_everywhere() {
    let mut config = wasmtime::Config::new();
    config.wasm_threads(true).shared_memory(true);
    let engine = wasmtime::Engine::new(&config).expect("engine");
    let cpu = CpuDevice::new(&CpuDeviceDescriptor {
        engine,
        threads: Some(8),
        clock: None,
        kernel_config: None,
    })
    .expect("cpu device");
    // The drivers load after Wasmtime's handlers, as in the runtime.
    let opencl = wasi_parallel_device::opencl::discover();
    let wgpu = wasi_parallel_device::wgpu::discover();
    if std::env::var_os("CI").is_some() {
        assert!(!opencl.is_empty(), "CI must have an OpenCL device (PoCL)");
        assert!(!wgpu.is_empty(), "CI must have a wgpu device (lavapipe)");
    }
    let bytes = wat::parse_str(GUEST).expect("WAT");
    let space = cpu
        .create_space(&SpaceDescriptor {
            static_size: 1 << 16,
            static_segments: &[],
            confined: true,
        })
        .expect("space");
    let out = space
        .create_buffer(&BufferDescriptor {
            size: 1 << 12,
            access: Access::Write,
        })
        .expect("buffer");
    // Not passed to any launch: its pages are closed.
    let _closed = space
        .create_buffer(&BufferDescriptor {
            size: 1 << 16,
            access: Access::ReadWrite,
        })
        .expect("buffer");
    for round in 0..20 {
        for pointer in 1..=4 {
            let kernel = compile_kernel(
                &cpu,
                &bytes,
                KernelEntry::TableIndex(pointer),
                &CompileOptions::default(),
            )
            .expect("kernel");
            let launched = space.launch(
                &*kernel,
                &Launch {
                    items: 1 << 16,
                    block_size: 1,
                    buffers: &[&*out],
                    // One item per chunk: every worker traps on its first item.
                    chunk: Some(1),
                    addresses: None,
                },
            );
            assert!(
                matches!(launched, Err(DeviceError::KernelTrap(_))),
                "round {round}, kernel {pointer}: {launched:?}"
            );
        }
    }
}
