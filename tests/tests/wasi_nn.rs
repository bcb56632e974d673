//! wasi-nn through the `wasi_ephemeral_nn` imports: named models shared across instances, tenant
//! isolation, freeing, and every kind of bad guest input getting the errno a guest expects.
//!
//! The guest is a WAT module that re-exports the six imports, so that the test can pass any
//! pointer and value; the model is `../shared/models/mnist`.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use prost::Message;
use wasi_parallel_nn::wasi_nn::{self, wasmtime_wasi_nn, NnHost, WasiNnCtx};
use wasi_parallel_nn::{onnx, NnRuntime};
use wasmtime::{Engine, Instance, Linker, Module, Store};

const SUCCESS: i32 = 0;
const INVALID_ARGUMENT: i32 = 1;
const INVALID_ENCODING: i32 = 2;
const MISSING_MEMORY: i32 = 3;
const UNSUPPORTED_OPERATION: i32 = 6;
const TOO_LARGE: i32 = 7;
const NOT_FOUND: i32 = 8;

const ONNX: i32 = 1;
const AUTODETECT: i32 = 5;
const CPU: i32 = 0;
const TPU: i32 = 2;
const F32: u8 = 1;
const I32: u8 = 4;

/// Where the test puts things in guest memory.
const OUT: u32 = 16;
const NAME: u32 = 64;
const DIMS: u32 = 128;
const TENSOR: u32 = 192;
const BUILDERS: u32 = 256;
const OUTPUT: u32 = 1024;
const INPUT: u32 = 4096;
const MODEL: u32 = 16384;

fn guest_wat(memory: &str) -> String {
    format!(
        r#"(module
  (import "wasi_ephemeral_nn" "load" (func $load (param i32 i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "load_by_name" (func $load_by_name (param i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "init_execution_context" (func $init (param i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "set_input" (func $set_input (param i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "compute" (func $compute (param i32) (result i32)))
  (import "wasi_ephemeral_nn" "get_output" (func $get_output (param i32 i32 i32 i32 i32) (result i32)))
  {memory}
  (func (export "load") (param i32 i32 i32 i32 i32) (result i32)
    local.get 0 local.get 1 local.get 2 local.get 3 local.get 4 call $load)
  (func (export "load_by_name") (param i32 i32 i32) (result i32)
    local.get 0 local.get 1 local.get 2 call $load_by_name)
  (func (export "init") (param i32 i32) (result i32) local.get 0 local.get 1 call $init)
  (func (export "set_input") (param i32 i32 i32) (result i32)
    local.get 0 local.get 1 local.get 2 call $set_input)
  (func (export "compute") (param i32) (result i32) local.get 0 call $compute)
  (func (export "get_output") (param i32 i32 i32 i32 i32) (result i32)
    local.get 0 local.get 1 local.get 2 local.get 3 local.get 4 call $get_output))"#
    )
}

fn mnist_dir() -> Option<PathBuf> {
    wasi_parallel_nn::fixtures::models().map(|d| d.join("mnist"))
}

/// One engine and device set per test process; hosts are made per test.
fn runtime() -> (Engine, Arc<NnRuntime>) {
    static SHARED: OnceLock<(Engine, Arc<NnRuntime>)> = OnceLock::new();
    SHARED
        .get_or_init(|| {
            let engine = Engine::new(&wasi_parallel_runtime::engine_config()).unwrap();
            let ctx = wasi_parallel_runtime::WasiParallelHost::builder()
                .build(&engine)
                .unwrap();
            (engine, NnRuntime::new(ctx.devices().to_vec()).unwrap())
        })
        .clone()
}

struct Guest {
    store: Store<WasiNnCtx>,
    instance: Instance,
}

impl Guest {
    fn new(host: &Arc<NnHost>, visible: Option<&[String]>) -> Guest {
        Guest::with_memory(host, visible, r#"(memory (export "memory") 4)"#)
    }

    fn with_memory(host: &Arc<NnHost>, visible: Option<&[String]>, memory: &str) -> Guest {
        let (engine, _) = runtime();
        let module = Module::new(&engine, guest_wat(memory)).unwrap();
        let mut linker = Linker::new(&engine);
        wasi_nn::add_to_linker(&mut linker, |s: &mut WasiNnCtx| s).unwrap();
        let mut store = Store::new(&engine, host.instance(visible).unwrap());
        let instance = linker.instantiate(&mut store, &module).unwrap();
        Guest { store, instance }
    }

    fn call(&mut self, name: &str, args: &[u32]) -> i32 {
        let f = self.instance.get_func(&mut self.store, name).unwrap();
        let params: Vec<wasmtime::Val> =
            args.iter().map(|&a| wasmtime::Val::I32(a as i32)).collect();
        let mut results = [wasmtime::Val::I32(-1)];
        f.call(&mut self.store, &params, &mut results)
            .expect("a wasi-nn call never traps");
        results[0].unwrap_i32()
    }

    fn write(&mut self, at: u32, bytes: &[u8]) {
        let memory = self.instance.get_memory(&mut self.store, "memory").unwrap();
        memory.write(&mut self.store, at as usize, bytes).unwrap();
    }

    fn read(&mut self, at: u32, len: usize) -> Vec<u8> {
        let memory = self.instance.get_memory(&mut self.store, "memory").unwrap();
        let mut out = vec![0; len];
        memory.read(&self.store, at as usize, &mut out).unwrap();
        out
    }

    fn u32_at(&mut self, at: u32) -> u32 {
        u32::from_le_bytes(self.read(at, 4).try_into().unwrap())
    }

    /// `load_by_name(name)`; the graph handle on success.
    fn load_by_name(&mut self, name: &str) -> Result<u32, i32> {
        self.write(NAME, name.as_bytes());
        match self.call("load_by_name", &[NAME, name.len() as u32, OUT]) {
            SUCCESS => Ok(self.u32_at(OUT)),
            e => Err(e),
        }
    }

    /// `load([bytes], encoding, target)`; the graph handle on success.
    fn load(&mut self, bytes: &[u8], encoding: i32, target: i32) -> Result<u32, i32> {
        self.write(MODEL, bytes);
        let mut builder = MODEL.to_le_bytes().to_vec();
        builder.extend((bytes.len() as u32).to_le_bytes());
        self.write(BUILDERS, &builder);
        match self.call("load", &[BUILDERS, 1, encoding as u32, target as u32, OUT]) {
            SUCCESS => Ok(self.u32_at(OUT)),
            e => Err(e),
        }
    }

    fn init(&mut self, graph: u32) -> Result<u32, i32> {
        match self.call("init", &[graph, OUT]) {
            SUCCESS => Ok(self.u32_at(OUT)),
            e => Err(e),
        }
    }

    /// Writes a tensor struct with `dims`, `ty` and `data` and calls `set_input`.
    fn set_input(&mut self, context: u32, index: u32, dims: &[u32], ty: u8, data: &[u8]) -> i32 {
        let dim_bytes: Vec<u8> = dims.iter().flat_map(|d| d.to_le_bytes()).collect();
        self.write(DIMS, &dim_bytes);
        self.write(INPUT, data);
        let mut tensor = Vec::new();
        tensor.extend(DIMS.to_le_bytes());
        tensor.extend((dims.len() as u32).to_le_bytes());
        tensor.extend([ty, 0, 0, 0]);
        tensor.extend(INPUT.to_le_bytes());
        tensor.extend((data.len() as u32).to_le_bytes());
        self.write(TENSOR, &tensor);
        self.call("set_input", &[context, index, TENSOR])
    }

    /// `get_output` into a buffer of `max` bytes; the bytes on success.
    fn get_output(&mut self, context: u32, index: u32, max: u32) -> Result<Vec<u8>, i32> {
        match self.call("get_output", &[context, index, OUTPUT, max, OUT]) {
            SUCCESS => {
                let n = self.u32_at(OUT) as usize;
                Ok(self.read(OUTPUT, n))
            }
            e => Err(e),
        }
    }

    /// Runs the mnist model on its first reference input; returns the logits.
    fn classify(&mut self, graph: u32, dir: &std::path::Path) -> Vec<f32> {
        let context = self.init(graph).expect("init_execution_context");
        let input = std::fs::read(dir.join("input_0.bin")).unwrap();
        assert_eq!(
            self.set_input(context, 0, &[1, 1, 28, 28], F32, &input),
            SUCCESS
        );
        assert_eq!(self.call("compute", &[context]), SUCCESS);
        let out = self.get_output(context, 0, 40).expect("get_output");
        out.chunks_exact(4)
            .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
            .collect()
    }
}

fn reference(dir: &std::path::Path) -> Vec<f32> {
    std::fs::read(dir.join("output_0.bin"))
        .unwrap()
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
        .collect()
}

fn assert_close(actual: &[f32], expected: &[f32]) {
    assert_eq!(actual.len(), expected.len());
    for (a, e) in actual.iter().zip(expected) {
        assert!(
            (a - e).abs() <= 1e-3 + 1e-3 * e.abs(),
            "{actual:?} against {expected:?}"
        );
    }
}

fn host_with(names: &[&str], dir: &std::path::Path) -> Arc<NnHost> {
    host_on(runtime().1, names, dir)
}

/// A runtime of its own (on the shared devices), for counting what one test does.
fn own_runtime() -> Arc<NnRuntime> {
    NnRuntime::new(runtime().1.devices().to_vec()).unwrap()
}

fn host_on(rt: Arc<NnRuntime>, names: &[&str], dir: &std::path::Path) -> Arc<NnHost> {
    let host = NnHost::new(rt, None);
    for name in names {
        host.preload(
            name,
            wasmtime_wasi_nn::wit::GraphEncoding::Onnx,
            wasmtime_wasi_nn::wit::ExecutionTarget::Cpu,
            dir,
        )
        .unwrap();
    }
    host
}

#[test]
fn a_named_model_is_prepared_once_and_shared_by_every_instance() {
    let Some(dir) = mnist_dir() else { return };
    let rt = own_runtime();
    let host = host_on(rt.clone(), &["mnist"], &dir);
    assert_eq!(rt.prepared_models(), 1);
    let expected = reference(&dir);
    let mut compiled_after_first = None;
    for _ in 0..12 {
        let mut guest = Guest::new(&host, None);
        let graph = guest.load_by_name("mnist").unwrap();
        assert_close(&guest.classify(graph, &dir), &expected);
        let compiled = rt.compiled_kernels();
        assert_eq!(
            *compiled_after_first.get_or_insert(compiled),
            compiled,
            "kernels compiled again"
        );
    }
    assert_eq!(rt.prepared_models(), 1, "the model was prepared again");
}

#[test]
fn a_tenant_sees_only_its_own_names() {
    let Some(dir) = mnist_dir() else { return };
    let host = host_with(&["tenant-a-model", "tenant-b-model"], &dir);
    let mut a = Guest::new(&host, Some(&["tenant-a-model".to_string()]));
    assert!(a.load_by_name("tenant-a-model").is_ok());
    assert_eq!(a.load_by_name("tenant-b-model"), Err(NOT_FOUND));
    assert_eq!(a.load_by_name("no-such-model"), Err(NOT_FOUND));
    let mut b = Guest::new(&host, Some(&["tenant-b-model".to_string()]));
    assert_eq!(b.load_by_name("tenant-a-model"), Err(NOT_FOUND));
    let graph = b.load_by_name("tenant-b-model").unwrap();
    assert_close(&b.classify(graph, &dir), &reference(&dir));
    // A host cannot hand out a name it does not have.
    assert!(host.instance(Some(&["missing".to_string()])).is_err());
}

#[test]
fn models_loaded_from_bytes_are_freed_with_their_instance() {
    let Some(dir) = mnist_dir() else { return };
    let rt = own_runtime();
    let host = host_on(rt.clone(), &[], &dir);
    let model = std::fs::read(dir.join("model.onnx")).unwrap();
    let expected = reference(&dir);
    let rss = || -> u64 {
        let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
        statm
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or(0)
            * 4096
    };
    let mut after_warmup = 0;
    for i in 0..1000 {
        let mut guest = Guest::new(&host, None);
        let graph = guest.load(&model, ONNX, CPU).unwrap();
        let logits = guest.classify(graph, &dir);
        if i % 100 == 0 {
            assert_close(&logits, &expected);
        }
        if i == 99 {
            after_warmup = rss();
        }
    }
    let growth = rss().saturating_sub(after_warmup);
    eprintln!(
        "resident memory grew by {} KiB over instantiations 100 to 1000",
        growth / 1024
    );
    // Each instance loads a 25 KB model and plans it: 900 leaked instances would be far more.
    assert!(growth < 32 << 20, "memory grew by {growth} bytes");
    // Every model those instances prepared has been dropped.
    assert_eq!(rt.prepared_models(), 1000);
    assert_eq!(
        rt.live_models(),
        0,
        "prepared models outlived their instances"
    );
}

/// A guest that loads, initialises and sets inputs without end is stopped by its counts and by
/// the host's byte quota, with `too_large`, and what it held is given back with its instance.
#[test]
fn a_guest_cannot_hold_more_than_its_quotas() {
    let Some(dir) = mnist_dir() else { return };
    let rt = own_runtime();
    let host = host_on(rt.clone(), &["mnist"], &dir);
    let model = std::fs::read(dir.join("model.onnx")).unwrap();
    let preloaded = rt.bytes_in_use();
    assert!(preloaded > 0, "the preloaded model's weights are counted");

    // Handles: graphs and contexts are never freed in this interface, so they are counted.
    let mut guest = Guest::new(&host, None);
    for _ in 0..wasi_nn::MAX_GRAPHS {
        guest.load_by_name("mnist").expect("load_by_name");
    }
    assert_eq!(guest.load_by_name("mnist"), Err(TOO_LARGE));
    assert_eq!(guest.load(&model, ONNX, CPU), Err(TOO_LARGE));
    for _ in 0..wasi_nn::MAX_CONTEXTS {
        guest.init(0).expect("init");
    }
    assert_eq!(guest.init(0), Err(TOO_LARGE));
    drop(guest);

    // Bytes: a model loaded from bytes, its plan and a context's tensors are counted while
    // they are held.
    let mut guest = Guest::new(&host, None);
    let graph = guest.load(&model, ONNX, CPU).unwrap();
    let loaded = rt.bytes_in_use();
    assert!(loaded > preloaded, "{loaded} <= {preloaded}");
    assert_close(&guest.classify(graph, &dir), &reference(&dir));
    let used = rt.bytes_in_use();
    assert!(
        used > loaded,
        "the plan and tensors are counted: {used} <= {loaded}"
    );
    // Past the quota: another input tensor, another model, are refused.
    rt.set_bytes_limit(used + 1000);
    let context = guest.init(graph).unwrap();
    let input = std::fs::read(dir.join("input_0.bin")).unwrap();
    assert_eq!(
        guest.set_input(context, 0, &[1, 1, 28, 28], F32, &input),
        TOO_LARGE
    );
    assert_eq!(guest.load(&model, ONNX, CPU), Err(TOO_LARGE));
    assert_eq!(rt.bytes_in_use(), used, "nothing held for what was refused");
    // The instance's model, plan and tensors are given back with it.
    drop(guest);
    assert_eq!(rt.bytes_in_use(), preloaded);
    let mut guest = Guest::new(&host, None);
    let graph = guest.load(&model, ONNX, CPU).unwrap();
    assert_close(&guest.classify(graph, &dir), &reference(&dir));
}

/// Each instance has a byte quota of its own inside the host's: one that fills its quota stops
/// there with `too_large`, and another instance goes on working; contexts of a shared preloaded
/// model count against the instance that made them.
#[test]
fn each_instance_has_a_byte_quota_of_its_own() {
    let Some(dir) = mnist_dir() else { return };
    let rt = own_runtime();
    let host = host_on(rt.clone(), &["mnist"], &dir);
    let model = std::fs::read(dir.join("model.onnx")).unwrap();
    let input = std::fs::read(dir.join("input_0.bin")).unwrap();
    let preloaded = rt.bytes_in_use();

    // Enough for a context's input and output of the shared model, not for a model of its own.
    host.set_instance_bytes_limit(input.len() as u64 * 3 / 2);
    let mut small = Guest::new(&host, None);
    assert_eq!(small.load(&model, ONNX, CPU), Err(TOO_LARGE));
    assert_eq!(small.store.data().bytes_in_use(), 0, "nothing kept");
    let mnist = small.load_by_name("mnist").unwrap();
    assert_close(&small.classify(mnist, &dir), &reference(&dir));
    let held = small.store.data().bytes_in_use();
    assert!(held >= input.len() as u64, "the input is counted: {held}");
    // The host counts it too, and the shared model's new plan (the host's, kept for every
    // instance).
    let shared = rt.bytes_in_use() - held;
    assert!(shared > preloaded, "{shared} <= {preloaded}");
    // A second context's input passes the instance's quota.
    let context = small.init(mnist).unwrap();
    assert_eq!(
        small.set_input(context, 0, &[1, 1, 28, 28], F32, &input),
        TOO_LARGE
    );

    // Another instance, with the default quota, is not held back by the first.
    host.set_instance_bytes_limit(wasi_parallel_nn::DEFAULT_NN_INSTANCE_BYTES);
    let mut big = Guest::new(&host, None);
    let own = big.load(&model, ONNX, CPU).unwrap();
    assert_close(&big.classify(own, &dir), &reference(&dir));
    let big_held = big.store.data().bytes_in_use();
    assert!(
        big_held > model.len() as u64 / 2,
        "its model is counted: {big_held}"
    );
    assert_eq!(rt.bytes_in_use(), shared + held + big_held);
    // Its own limit can be lowered while it runs: past it, nothing more.
    big.store.data().set_bytes_limit(big_held);
    let context = big.init(own).unwrap();
    assert_eq!(
        big.set_input(context, 0, &[1, 1, 28, 28], F32, &input),
        TOO_LARGE
    );

    drop(small);
    drop(big);
    assert_eq!(rt.bytes_in_use(), shared, "everything given back");
}

/// A model with one node of an operator nobody implements.
fn unknown_op_model() -> Vec<u8> {
    let value = |name: &str| onnx::ValueInfoProto {
        name: Some(name.into()),
        r#type: Some(onnx::TypeProto {
            value: Some(onnx::type_proto::Value::TensorType(
                onnx::type_proto::Tensor {
                    elem_type: Some(1),
                    shape: None,
                },
            )),
            ..Default::default()
        }),
        ..Default::default()
    };
    let model = onnx::ModelProto {
        ir_version: Some(8),
        opset_import: vec![onnx::OperatorSetIdProto {
            domain: Some(String::new()),
            version: Some(17),
        }],
        graph: Some(onnx::GraphProto {
            name: Some("g".into()),
            node: vec![onnx::NodeProto {
                op_type: Some("FrobnicateTensor".into()),
                input: vec!["x".into()],
                output: vec!["y".into()],
                ..Default::default()
            }],
            input: vec![value("x")],
            output: vec![value("y")],
            ..Default::default()
        }),
        ..Default::default()
    };
    model.encode_to_vec()
}

#[test]
fn bad_input_gets_the_errno_a_guest_expects() {
    let Some(dir) = mnist_dir() else { return };
    let host = host_with(&["mnist"], &dir);
    let model = std::fs::read(dir.join("model.onnx")).unwrap();
    let input = std::fs::read(dir.join("input_0.bin")).unwrap();
    let mut g = Guest::new(&host, None);

    // Loading.
    assert_eq!(
        g.load(b"this is not a model", ONNX, CPU),
        Err(INVALID_ENCODING)
    );
    assert_eq!(
        g.load(&model[..model.len() / 2], ONNX, CPU),
        Err(INVALID_ENCODING)
    );
    assert_eq!(
        g.load(&unknown_op_model(), ONNX, CPU),
        Err(UNSUPPORTED_OPERATION)
    );
    assert_eq!(g.load(&model, 0 /* openvino */, CPU), Err(INVALID_ENCODING));
    assert_eq!(g.load(&model, 99, CPU), Err(INVALID_ARGUMENT));
    assert_eq!(g.load(&model, ONNX, 7), Err(INVALID_ARGUMENT));
    assert_eq!(g.load(&model, ONNX, TPU), Err(UNSUPPORTED_OPERATION));
    assert_eq!(g.load(b"garbage", AUTODETECT, CPU), Err(INVALID_ENCODING));
    assert!(g.load(&model, AUTODETECT, CPU).is_ok());
    // Builder lists and names outside memory.
    assert_eq!(
        g.call("load", &[u32::MAX - 3, 1, ONNX as u32, 0, OUT]),
        INVALID_ARGUMENT
    );
    assert_eq!(
        g.call("load", &[BUILDERS, 1_000_000, ONNX as u32, 0, OUT]),
        INVALID_ARGUMENT
    );
    g.write(BUILDERS, &[0xf0, 0xff, 0xff, 0xff, 0x00, 0x10, 0, 0]);
    assert_eq!(
        g.call("load", &[BUILDERS, 1, ONNX as u32, 0, OUT]),
        INVALID_ARGUMENT
    );
    assert_eq!(
        g.call("load_by_name", &[NAME, u32::MAX, OUT]),
        INVALID_ARGUMENT
    );
    assert_eq!(g.load_by_name("minst"), Err(NOT_FOUND));
    g.write(NAME, &[0xff, 0xfe]);
    assert_eq!(g.call("load_by_name", &[NAME, 2, OUT]), INVALID_ARGUMENT);

    // Handles and indices.
    let graph = g.load_by_name("mnist").unwrap();
    assert_eq!(g.init(graph + 100), Err(INVALID_ARGUMENT));
    let context = g.init(graph).unwrap();
    assert_eq!(
        g.call("compute", &[context]),
        INVALID_ARGUMENT,
        "no input set"
    );
    assert_eq!(
        g.get_output(context, 0, 40),
        Err(INVALID_ARGUMENT),
        "no compute yet"
    );
    assert_eq!(
        g.set_input(context + 7, 0, &[1, 1, 28, 28], F32, &input),
        INVALID_ARGUMENT
    );
    assert_eq!(
        g.set_input(context, 1, &[1, 1, 28, 28], F32, &input),
        INVALID_ARGUMENT
    );
    assert_eq!(g.call("compute", &[context + 7]), INVALID_ARGUMENT);

    // Tensors of the wrong type, shape, size or encoding.
    assert_eq!(
        g.set_input(context, 0, &[1, 1, 28, 28], I32, &input),
        INVALID_ARGUMENT
    );
    assert_eq!(
        g.set_input(context, 0, &[1, 1, 27, 28], F32, &input[..27 * 28 * 4]),
        INVALID_ARGUMENT
    );
    assert_eq!(
        g.set_input(context, 0, &[1, 28, 28], F32, &input),
        INVALID_ARGUMENT
    );
    assert_eq!(
        g.set_input(context, 0, &[1, 1, 28, 28], F32, &input[..100]),
        INVALID_ARGUMENT
    );
    assert_eq!(
        g.set_input(context, 0, &[1, 1, 28, 28], 9, &input),
        INVALID_ARGUMENT
    );
    assert_eq!(
        g.set_input(context, 0, &[u32::MAX, u32::MAX, 28, 28], F32, &input),
        INVALID_ARGUMENT
    );
    assert_eq!(
        g.call("set_input", &[context, 0, u32::MAX]),
        INVALID_ARGUMENT
    );

    // A good run, then outputs that do not fit or do not exist.
    assert_eq!(
        g.set_input(context, 0, &[1, 1, 28, 28], F32, &input),
        SUCCESS
    );
    assert_eq!(g.call("compute", &[context]), SUCCESS);
    assert_eq!(g.get_output(context, 0, 39), Err(TOO_LARGE));
    assert_eq!(g.get_output(context, 1, 40), Err(INVALID_ARGUMENT));
    assert_eq!(
        g.call("get_output", &[context, 0, u32::MAX - 8, 40, OUT]),
        INVALID_ARGUMENT
    );
    assert_close(
        &g.get_output(context, 0, 40)
            .unwrap()
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
            .collect::<Vec<_>>(),
        &reference(&dir),
    );

    // No memory at all.
    let mut none = Guest::with_memory(&host, None, "");
    assert_eq!(none.call("load_by_name", &[0, 5, 0]), MISSING_MEMORY);
}

#[test]
fn a_guest_with_a_shared_memory_works() {
    let Some(dir) = mnist_dir() else { return };
    let host = host_with(&["mnist"], &dir);
    let (engine, _) = runtime();
    let module = Module::new(
        &engine,
        guest_wat(r#"(memory (export "memory") 4 4 shared)"#),
    )
    .unwrap();
    let mut linker = Linker::new(&engine);
    wasi_nn::add_to_linker(&mut linker, |s: &mut WasiNnCtx| s).unwrap();
    let mut store = Store::new(&engine, host.instance(None).unwrap());
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let memory = instance.get_shared_memory(&mut store, "memory").unwrap();
    let write = |at: u32, bytes: &[u8]| {
        for (cell, &b) in memory.data()[at as usize..].iter().zip(bytes) {
            unsafe { *cell.get() = b };
        }
    };
    write(NAME, b"mnist");
    let call = |store: &mut Store<WasiNnCtx>, name: &str, args: &[u32]| -> i32 {
        let f = instance.get_func(&mut *store, name).unwrap();
        let params: Vec<wasmtime::Val> =
            args.iter().map(|&a| wasmtime::Val::I32(a as i32)).collect();
        let mut results = [wasmtime::Val::I32(-1)];
        f.call(store, &params, &mut results).unwrap();
        results[0].unwrap_i32()
    };
    assert_eq!(call(&mut store, "load_by_name", &[NAME, 5, OUT]), SUCCESS);
    assert_eq!(call(&mut store, "init", &[0, OUT]), SUCCESS);
    let input = std::fs::read(dir.join("input_0.bin")).unwrap();
    write(INPUT, &input);
    write(DIMS, &[1, 0, 0, 0, 1, 0, 0, 0, 28, 0, 0, 0, 28, 0, 0, 0]);
    let mut tensor = DIMS.to_le_bytes().to_vec();
    tensor.extend(4u32.to_le_bytes());
    tensor.extend([F32, 0, 0, 0]);
    tensor.extend(INPUT.to_le_bytes());
    tensor.extend((input.len() as u32).to_le_bytes());
    write(TENSOR, &tensor);
    assert_eq!(call(&mut store, "set_input", &[0, 0, TENSOR]), SUCCESS);
    assert_eq!(call(&mut store, "compute", &[0]), SUCCESS);
    assert_eq!(
        call(&mut store, "get_output", &[0, 0, OUTPUT, 40, OUT]),
        SUCCESS
    );
    let logits: Vec<f32> = memory.data()[OUTPUT as usize..OUTPUT as usize + 40]
        .chunks_exact(4)
        .map(|c| {
            f32::from_le_bytes(
                c.iter()
                    .map(|b| unsafe { *b.get() })
                    .collect::<Vec<_>>()
                    .try_into()
                    .unwrap(),
            )
        })
        .collect();
    assert_close(&logits, &reference(&dir));
}

/// Random calls with random arguments and random memory: the host answers each with an errno,
/// never a trap or a panic.
#[test]
fn random_calls_never_trap_or_panic() {
    let Some(dir) = mnist_dir() else { return };
    let host = host_with(&["mnist"], &dir);
    let model = std::fs::read(dir.join("model.onnx")).unwrap();
    let mut g = Guest::new(&host, None);
    let graph = g.load_by_name("mnist").unwrap();
    let _ = g.init(graph).unwrap();
    // xorshift: reproducible without a dependency.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let pick = |next: &mut dyn FnMut() -> u64| -> u32 {
        match next() % 4 {
            0 => (next() % 8) as u32,
            1 => (next() % (4 * 65536)) as u32,
            2 => u32::MAX - (next() % 64) as u32,
            _ => next() as u32,
        }
    };
    let mut garbage = vec![0u8; 4096];
    for round in 0..2000 {
        if round % 50 == 0 {
            garbage.iter_mut().for_each(|b| *b = next() as u8);
            g.write(0, &garbage);
        }
        let args: Vec<u32> = (0..5).map(|_| pick(&mut next)).collect();
        let (name, n) = match next() % 6 {
            0 => ("load", 5),
            1 => ("load_by_name", 3),
            2 => ("init", 2),
            3 => ("set_input", 3),
            4 => ("compute", 1),
            _ => ("get_output", 5),
        };
        let errno = g.call(name, &args[..n]);
        assert!(
            (0..=8).contains(&errno),
            "{name}{:?} returned {errno}",
            &args[..n]
        );
    }
    // Corrupted models, any byte flipped: loaded, and run when they load.
    let input = std::fs::read(dir.join("input_0.bin")).unwrap();
    let mut ran = 0;
    for _ in 0..300 {
        let mut bad = model.clone();
        for _ in 0..1 + next() % 4 {
            let at = (next() as usize) % bad.len();
            bad[at] = next() as u8;
        }
        let Ok(graph) = g.load(&bad, ONNX, CPU) else {
            continue;
        };
        let context = g.init(graph).unwrap();
        if g.set_input(context, 0, &[1, 1, 28, 28], F32, &input) == SUCCESS {
            let errno = g.call("compute", &[context]);
            assert!((0..=8).contains(&errno));
            ran += 1;
        }
    }
    eprintln!("{ran} of 300 corrupted models loaded and ran");
}

/// An embedder's backend: it claims ONNX on GPUs and loads nothing.
struct OtherOnnx;

impl wasmtime_wasi_nn::backend::BackendInner for OtherOnnx {
    fn encoding(&self) -> wasmtime_wasi_nn::wit::GraphEncoding {
        wasmtime_wasi_nn::wit::GraphEncoding::Onnx
    }
    fn load(
        &mut self,
        _: &[&[u8]],
        _: wasmtime_wasi_nn::wit::ExecutionTarget,
    ) -> Result<wasmtime_wasi_nn::Graph, wasmtime_wasi_nn::backend::BackendError> {
        Err(
            wasmtime_wasi_nn::backend::BackendError::UnsupportedTensorType(
                "the other backend loads nothing".into(),
            ),
        )
    }
    fn as_dir_loadable(&mut self) -> Option<&mut dyn wasmtime_wasi_nn::backend::BackendFromDir> {
        None
    }
}

#[test]
fn the_registry_picks_a_backend_by_format_and_hardware() {
    use wasmtime_wasi_nn::wit::{ExecutionTarget as T, GraphEncoding as E};
    let Some(dir) = mnist_dir() else { return };
    let model = std::fs::read(dir.join("model.onnx")).unwrap();
    let host = host_on(own_runtime(), &[], &dir);
    let has_gpu = host.runtime().devices().iter().any(|d| {
        matches!(
            d.info().kind,
            wasi_parallel_nn::wasi_nn::DeviceKind::DiscreteGpu
                | wasi_parallel_nn::wasi_nn::DeviceKind::IntegratedGpu
        )
    });
    host.register_backend(wasi_nn::BackendEntry {
        name: "other-onnx".into(),
        encoding: E::Onnx,
        make: Arc::new(|| wasmtime_wasi_nn::Backend::from(OtherOnnx)),
        sniff: Arc::new(|_| false),
        runs_natively: Arc::new(|t| t == T::Gpu),
    });
    let registry = host.backend_registry();
    // The CPU: ours, the first registered that runs it here.
    let (entry, reason) = registry.select(E::Onnx, Some(&model), T::Cpu).unwrap();
    assert_eq!(entry.name, "wasi-parallel-onnx", "{reason}");
    assert!(reason.contains("runs cpu on the hardware here"), "{reason}");
    // A GPU: ours if this machine has one, else the backend that claims GPUs.
    let (entry, reason) = registry.select(E::Onnx, Some(&model), T::Gpu).unwrap();
    let expected = if has_gpu {
        "wasi-parallel-onnx"
    } else {
        "other-onnx"
    };
    assert_eq!(entry.name, expected, "{reason}");
    // Autodetect goes by the bytes: only ours recognises ONNX.
    let (entry, reason) = registry
        .select(E::Autodetect, Some(&model), T::Cpu)
        .unwrap();
    assert_eq!(entry.name, "wasi-parallel-onnx", "{reason}");
    assert!(reason.contains("autodetect"), "{reason}");
    // Formats nobody loads.
    let none = registry
        .select(E::Openvino, Some(&model), T::Cpu)
        .unwrap_err();
    assert_eq!(
        none.kind,
        wasi_nn::ErrorKind::InvalidEncoding,
        "{}",
        none.message
    );
    let none = registry
        .select(E::Autodetect, Some(b"garbage"), T::Cpu)
        .unwrap_err();
    assert_eq!(
        none.kind,
        wasi_nn::ErrorKind::InvalidEncoding,
        "{}",
        none.message
    );
    // Through a guest: an ONNX load for the GPU on a machine without one goes to the other
    // backend, whose failure the guest sees.
    if !has_gpu {
        let mut g = Guest::new(&host, None);
        assert_eq!(g.load(&model, ONNX, 1), Err(INVALID_ARGUMENT));
        assert!(g.load(&model, ONNX, CPU).is_ok());
    }
}
