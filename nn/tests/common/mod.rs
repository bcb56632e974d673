//! Shared by the nn tests: devices, and the model fixtures in `../shared/models`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use wasi_parallel_nn::{DType, NnRuntime, Tensor};

/// The engine and runtime, one per test process.
pub fn runtime() -> Arc<NnRuntime> {
    static RUNTIME: OnceLock<Arc<NnRuntime>> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            set_runtime_dir();
            let mut config = wasmtime::Config::new();
            config.wasm_threads(true).shared_memory(true);
            let engine = wasmtime::Engine::new(&config).expect("engine");
            let devices = wasi_parallel_device::discover(&wasi_parallel_device::DiscoveryOptions {
                engine,
                cpu_threads: None,
                kernel_timeout: None,
                compile_timeout: Some(wasi_parallel_device::DEFAULT_COMPILE_TIMEOUT),
                kernel_config: None,
                max_binding_size: None,
            })
            .expect("devices");
            NnRuntime::new(devices).expect("runtime")
        })
        .clone()
}

/// Vulkan and OpenCL print warnings without a writable runtime dir: gives them one, before the
/// devices are discovered.
pub fn set_runtime_dir() {
    if std::env::var_os("XDG_RUNTIME_DIR").is_none() {
        // SAFETY: set before device discovery starts the threads that read the environment.
        unsafe { std::env::set_var("XDG_RUNTIME_DIR", std::env::temp_dir()) };
    }
}

/// The devices to test on: cpu, and the first device of each GPU backend. In CI the GPU
/// backends must be there (lavapipe and PoCL).
pub fn test_devices(rt: &NnRuntime) -> Vec<usize> {
    let mut out = Vec::new();
    for backend in ["cpu", "wgpu", "opencl"] {
        match rt
            .devices()
            .iter()
            .position(|d| d.info().backend == backend)
        {
            Some(i) => out.push(i),
            None if std::env::var_os("CI").is_some() => panic!("CI needs a {backend} device"),
            None => eprintln!("skipped: no {backend} device"),
        }
    }
    out
}

/// The model fixtures, if present (see `wasi_parallel_nn::fixtures`).
pub fn models_dir() -> Option<PathBuf> {
    wasi_parallel_nn::fixtures::models()
}

/// A raw tensor file of a manifest case.
pub fn read_tensor(dir: &Path, entry: &serde_json::Value) -> Tensor {
    let file = entry["file"].as_str().expect("file");
    let shape: Vec<usize> = entry["shape"]
        .as_array()
        .expect("shape")
        .iter()
        .map(|d| d.as_u64().expect("dim") as usize)
        .collect();
    let dtype = match entry["dtype"].as_str().expect("dtype") {
        "float32" => DType::F32,
        "float64" => DType::F64,
        "int64" => DType::I64,
        "int32" => DType::I32,
        "uint8" => DType::U8,
        other => panic!("dtype {other}"),
    };
    let bytes = std::fs::read(dir.join(file)).expect("tensor file");
    Tensor::new(dtype, shape, bytes).expect("tensor")
}

/// The largest violation of `|a - e| <= atol + rtol |e|`, as a multiple of the allowance (pass
/// when at most 1).
pub fn worst(actual: &[f32], expected: &[f32], atol: f64, rtol: f64) -> f64 {
    assert_eq!(actual.len(), expected.len(), "element counts differ");
    actual
        .iter()
        .zip(expected)
        .map(|(&a, &e)| {
            let (a, e) = (a as f64, e as f64);
            if a.is_nan() || e.is_nan() {
                if a.is_nan() && e.is_nan() {
                    0.0
                } else {
                    f64::INFINITY
                }
            } else {
                (a - e).abs() / (atol + rtol * e.abs())
            }
        })
        .fold(0.0, f64::max)
}
