//! OpenCL builds while Wasm code traps on another thread now and then (four times a second, as
//! a test suite's trapping kernels do). PoCL's in-process clang registers its temporary files
//! with LLVM's signal handler, which, left above Wasmtime's, deleted them on every Wasm trap (a
//! SIGILL or SIGSEGV). The device keeps Wasmtime's handlers in charge (`device/src/signals.rs`)
//! and builds again if a build still loses its files: every kernel must build.
//! The order matters and is set up here as in the runtime: the Wasmtime engine first, then the
//! OpenCL devices.

#![cfg(feature = "opencl")]

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use wasi_parallel_device::{opencl, Device, KernelDescriptor, KernelSource};
use wasi_parallel_translator::{translate, KernelRef, Options};

#[test]
fn kernels_build_while_wasm_traps() {
    // Fresh sources every run, so that PoCL's kernel cache cannot answer without compiling.
    let salt = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() / 2)
        ^ std::process::id();
    let engine = wasmtime::Engine::default();
    let module = wasmtime::Module::new(&engine, r#"(module (func (export "f") unreachable))"#)
        .expect("module");
    // A store and a function that traps when called.
    let trapping = move || {
        let mut store = wasmtime::Store::new(&engine, ());
        let instance = wasmtime::Instance::new(&mut store, &module, &[]).expect("instance");
        let f = instance
            .get_typed_func::<(), ()>(&mut store, "f")
            .expect("f");
        (store, f)
    };
    // Wasmtime's handlers go in first.
    let (mut store, f) = trapping();
    assert!(f.call(&mut store, ()).is_err(), "traps");
    let Some(device) = opencl::discover().into_iter().next() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have an OpenCL device (PoCL)"
        );
        eprintln!("skipped: no OpenCL device");
        return;
    };
    let stop = Arc::new(AtomicBool::new(false));
    let trapper = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let (mut store, f) = trapping();
            while !stop.load(Ordering::Relaxed) {
                assert!(f.call(&mut store, ()).is_err(), "traps");
                std::thread::sleep(std::time::Duration::from_millis(250));
            }
        })
    };
    let options = Options {
        f64: device.info().f64,
        i64: device.info().i64,
        ..Options::default()
    };
    let mut failures = Vec::new();
    for k in 0..6u32 {
        let constant = (salt.wrapping_add(k) & 0x3fff_ffff) as i32;
        let wat = format!(
            r#"(module (memory 1)
              (func (export "kernel") (param $i i32) (param i32 i32) (param $p i32) (param i32)
                (i32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
                  (i32.const {constant}))))"#
        );
        let wasm = wat::parse_str(&wat).expect("WAT");
        let t = translate(&wasm, KernelRef::Export("kernel"), &options).expect("translation");
        let made = device.create_kernel(&KernelDescriptor {
            label: "store",
            source: KernelSource::Translated(&t),
            origin: None,
        });
        if let Err(e) = made {
            failures.push(format!("kernel {k}: {e}"));
        }
    }
    stop.store(true, Ordering::Relaxed);
    trapper.join().expect("the trapping thread");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
