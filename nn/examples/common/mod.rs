//! Shared by the examples: a model fixture with its first case's input, and a runtime.

use std::sync::Arc;

use wasi_parallel_nn::{DType, Model, NnRuntime, Tensor};

/// Model `name` of the fixtures (`../shared/models` or `$WASI_PARALLEL_MODELS`) and the input of
/// its first case.
pub fn fixture(name: &str) -> (Arc<Model>, Tensor) {
    let dir = wasi_parallel_nn::fixtures::models()
        .expect("no model fixtures: set WASI_PARALLEL_MODELS")
        .join(name);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).expect("manifest"))
            .expect("json");
    let case = &manifest["cases"][0]["inputs"][0];
    let shape: Vec<usize> = case["shape"]
        .as_array()
        .expect("shape")
        .iter()
        .map(|d| d.as_u64().expect("dimension") as usize)
        .collect();
    let file = case["file"].as_str().expect("file");
    let input = Tensor::new(
        DType::F32,
        shape,
        std::fs::read(dir.join(file)).expect("input"),
    )
    .expect("input tensor");
    let model = Model::parse(&std::fs::read(dir.join("model.onnx")).expect("model"))
        .expect("a valid model");
    (Arc::new(model), input)
}

/// A runtime over every device found, the `cpu` device with `cpu_threads` workers (`None`: one
/// per core).
pub fn runtime(cpu_threads: Option<usize>) -> Arc<NnRuntime> {
    let mut config = wasmtime::Config::new();
    config.wasm_threads(true).shared_memory(true);
    let engine = wasmtime::Engine::new(&config).expect("engine");
    let devices = wasi_parallel_device::discover(&wasi_parallel_device::DiscoveryOptions {
        engine,
        cpu_threads,
        kernel_timeout: None,
        compile_timeout: Some(wasi_parallel_device::DEFAULT_COMPILE_TIMEOUT),
        kernel_config: None,
        max_binding_size: None,
    })
    .expect("devices");
    NnRuntime::new(devices).expect("runtime")
}

/// The index of device `name` in `rt`.
pub fn device(rt: &NnRuntime, name: &str) -> usize {
    rt.devices()
        .iter()
        .position(|d| d.info().name == name)
        .unwrap_or_else(|| panic!("no device {name}"))
}
