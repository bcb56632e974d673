//! The WIT interface of wasi-nn (`wasi:nn`, for components): wasmtime-wasi-nn's own glue with our
//! backends and our named-model registry, driven by a component guest built from
//! `kernels/components/mnist-wit` for wasm32-wasip2.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use wasi_parallel_nn::wasi_nn::wasmtime_wasi_nn::wit::{
    ExecutionTarget, GraphEncoding, WasiNnCtx, WasiNnView,
};
use wasi_parallel_nn::wasi_nn::{wasmtime_wasi_nn, NnHost};
use wasi_parallel_nn::NnRuntime;
use wasmtime::component::{Component, Linker, ResourceTable};
use wasmtime::{Engine, Store};
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{FsPerms, WasiCtx, WasiCtxBuilder, WasiCtxView, WasiView};

struct State {
    wasi: WasiCtx,
    table: ResourceTable,
    nn: WasiNnCtx,
}

impl WasiView for State {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// Builds the component guest (needs the wasm32-wasip2 target).
fn component() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../kernels/components/mnist-wit");
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--release",
            "--target",
            "wasm32-wasip2",
            "--manifest-path",
        ])
        .arg(dir.join("Cargo.toml"))
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .expect("cargo runs");
    assert!(
        status.success(),
        "building the component failed (is the wasm32-wasip2 target installed?)"
    );
    dir.join("target/wasm32-wasip2/release/mnist-wit.wasm")
}

/// Runs the component with `args`; returns its exit status and stdout.
fn run(
    engine: &Engine,
    component: &Component,
    host: &Arc<NnHost>,
    mnist: &Path,
    args: &[&str],
) -> (bool, String) {
    let mut linker: Linker<State> = Linker::new(engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker).unwrap();
    wasmtime_wasi_nn::wit::add_to_linker(&mut linker, |s: &mut State| {
        WasiNnView::new(&mut s.table, &mut s.nn)
    })
    .unwrap();
    let stdout = MemoryOutputPipe::new(1 << 16);
    let mut argv = vec!["mnist-wit"];
    argv.extend(args);
    let wasi = WasiCtxBuilder::new()
        .args(&argv)
        .stdout(stdout.clone())
        .inherit_stderr()
        .preopened_dir(mnist, "/mnist", FsPerms::ReadOnly)
        .unwrap()
        .build();
    let nn = host.wit_instance(None).unwrap();
    let mut store = Store::new(
        engine,
        State {
            wasi,
            table: ResourceTable::new(),
            nn,
        },
    );
    let command =
        wasmtime_wasi::p2::bindings::sync::Command::instantiate(&mut store, component, &linker)
            .unwrap();
    let ok = matches!(command.wasi_cli_run().call_run(&mut store), Ok(Ok(())));
    (ok, String::from_utf8_lossy(&stdout.contents()).into_owned())
}

#[test]
fn a_component_classifies_through_wasi_nn_wit() {
    let Some(models) = wasi_parallel_nn::fixtures::models() else {
        return;
    };
    let mnist = models.join("mnist");
    let engine = Engine::new(&wasi_parallel_runtime::engine_config()).unwrap();
    let ctx = wasi_parallel_runtime::WasiParallelHost::builder()
        .build(&engine)
        .unwrap();
    let rt = NnRuntime::new(ctx.devices().to_vec()).unwrap();
    let host = NnHost::new(rt.clone(), None);
    host.preload("mnist", GraphEncoding::Onnx, ExecutionTarget::Cpu, &mnist)
        .unwrap();
    let component = Component::from_file(&engine, component()).unwrap();

    // By name (shared with every store), and from bytes through autodetect.
    for (model, input, digit) in [
        ("mnist", "/mnist/input_1.bin", 3),
        ("mnist", "/mnist/input_3.bin", 7),
        ("/mnist/model.onnx", "/mnist/input_2.bin", 5),
    ] {
        let (ok, out) = run(&engine, &component, &host, &mnist, &[model, input]);
        assert!(ok, "{model} {input}: {out}");
        assert!(out.starts_with(&format!("digit {digit} ")), "{out}");
    }
    assert_eq!(
        rt.prepared_models(),
        2,
        "one preload and one load from bytes"
    );
    // A name the registry does not have is the guest's error, not a host failure.
    let (ok, _) = run(
        &engine,
        &component,
        &host,
        &mnist,
        &["nope", "/mnist/input_0.bin"],
    );
    assert!(!ok);

    // Each store has a byte quota of its own: with room for a context's tensors only, the
    // shared model runs and a model from bytes is refused; both give everything back.
    let before = rt.bytes_in_use();
    host.set_instance_bytes_limit(8 << 10);
    let (ok, out) = run(
        &engine,
        &component,
        &host,
        &mnist,
        &["mnist", "/mnist/input_1.bin"],
    );
    assert!(ok && out.starts_with("digit 3 "), "{out}");
    let (ok, out) = run(
        &engine,
        &component,
        &host,
        &mnist,
        &["/mnist/model.onnx", "/mnist/input_1.bin"],
    );
    assert!(!ok, "{out}");
    assert_eq!(rt.bytes_in_use(), before);
}
