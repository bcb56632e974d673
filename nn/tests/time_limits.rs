//! Operators that run longer than the devices' time limit stop within it (plus 5 s), on every
//! device: portable kernels by the devices' own limits (stop checks on the CPU, loop budgets
//! and the host's wait on GPUs), and the CPU's native kernels, which are host code, by the
//! deadline their loops check. The `cpu` device then runs the next model at once.
//!
//! In a process of its own: a GPU that overran keeps running the launch for a while (its work
//! items are many and each short), and other tests should not wait behind it.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use prost::Message;
use wasi_parallel_nn::{onnx, Model, NnRuntime, Tensor};

const LIMIT: Duration = Duration::from_millis(200);

fn runtime() -> Arc<NnRuntime> {
    common::set_runtime_dir();
    let mut config = wasmtime::Config::new();
    config.wasm_threads(true).shared_memory(true);
    let engine = wasmtime::Engine::new(&config).expect("engine");
    let devices = wasi_parallel_device::discover(&wasi_parallel_device::DiscoveryOptions {
        engine,
        cpu_threads: None,
        kernel_timeout: Some(LIMIT),
        compile_timeout: Some(wasi_parallel_device::DEFAULT_COMPILE_TIMEOUT),
        kernel_config: None,
        max_binding_size: None,
    })
    .expect("devices");
    NnRuntime::new(devices).expect("runtime")
}

/// `y = op(a, b)`, with inputs of any shape.
fn binary_model(op: &str, attrs: Vec<onnx::AttributeProto>) -> Arc<Model> {
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
    let proto = onnx::ModelProto {
        ir_version: Some(8),
        opset_import: vec![onnx::OperatorSetIdProto {
            domain: Some(String::new()),
            version: Some(17),
        }],
        graph: Some(onnx::GraphProto {
            name: Some("g".into()),
            node: vec![onnx::NodeProto {
                op_type: Some(op.into()),
                input: vec!["a".into(), "b".into()],
                output: vec!["y".into()],
                attribute: attrs,
                ..Default::default()
            }],
            input: vec![value("a"), value("b")],
            output: vec![value("y")],
            ..Default::default()
        }),
        ..Default::default()
    };
    Arc::new(Model::parse(&proto.encode_to_vec()).expect("model"))
}

fn filled(shape: Vec<usize>, value: f32) -> Tensor {
    let n = shape.iter().product();
    Tensor::from_f32(shape, &vec![value; n]).expect("tensor")
}

/// Runs `inputs` through `model` on `device`, and checks that it fails for its time limit
/// within the limit plus 5 s.
fn assert_stopped(rt: &Arc<NnRuntime>, model: &Arc<Model>, device: usize, inputs: &[Tensor]) {
    let name = rt.devices()[device].info().name.clone();
    let prepared = rt.prepare(model.clone(), device).expect("prepare");
    let started = Instant::now();
    let result = prepared.run(inputs);
    let took = started.elapsed();
    match result {
        Err(e) => assert!(e.to_string().contains("limit of"), "{name}: {e}"),
        Ok(_) => panic!("{name}: ran to the end in {took:?}, past a limit of {LIMIT:?}"),
    }
    assert!(
        took < LIMIT + Duration::from_secs(5),
        "{name}: stopped after {took:?}, limit {LIMIT:?}"
    );
    eprintln!("{name}: stopped after {took:?} (limit {LIMIT:?})");
}

#[test]
fn long_operators_stop_at_the_time_limit_on_every_device() {
    let rt = runtime();
    let devices = common::test_devices(&rt);
    let matmul = binary_model("MatMul", vec![]);
    // 2048^3 multiply-adds: seconds on any of these devices, in one launch.
    let n = 2048;
    let (a, b) = (filled(vec![n, n], 0.5), filled(vec![n, n], 0.25));
    for &device in &devices {
        // Small shapes first, so that the timed run builds no kernels.
        let prepared = rt.prepare(matmul.clone(), device).expect("prepare");
        let small = prepared
            .run(&[filled(vec![8, 8], 0.5), filled(vec![8, 8], 0.25)])
            .expect("a small MatMul");
        assert_eq!(small[0].to_f32()[0], 1.0);
        assert_stopped(&rt, &matmul, device, &[a.clone(), b.clone()]);
    }

    // A 1x1 convolution runs as a native GEMM on the cpu device: 2048 x 2048 x 16384
    // multiply-adds (packing its weights, which no deadline interrupts, takes a few
    // milliseconds in a release build and about half a second in a debug one).
    let cpu = devices[0];
    assert_eq!(rt.devices()[cpu].info().name, "cpu");
    let conv = binary_model("Conv", vec![]);
    let prepared = rt.prepare(conv.clone(), cpu).expect("prepare");
    let (_, launches) = prepared
        .profile(&[
            filled(vec![1, 64, 8, 8], 1.0),
            filled(vec![64, 64, 1, 1], 0.5),
        ])
        .expect("a small Conv");
    assert!(launches.iter().any(|l| l.native), "no native kernel ran");
    assert_stopped(
        &rt,
        &conv,
        cpu,
        &[
            filled(vec![1, 2048, 128, 128], 1.0),
            filled(vec![2048, 2048, 1, 1], 0.5),
        ],
    );

    // The cpu device runs the next model at once, and right.
    let y = rt
        .prepare(matmul, cpu)
        .expect("prepare")
        .run(&[filled(vec![16, 16], 0.5), filled(vec![16, 16], 0.25)])
        .expect("a small MatMul after the stops");
    assert!(y[0].to_f32().iter().all(|&v| v == 2.0));
}
