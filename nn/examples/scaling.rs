//! Per-launch time on a `cpu` device of one thread and of two, alternating runs in one process
//! (a VM's speed moves between invocations): which launches the second thread helps.
//!
//! `cargo run --release -p wasi-parallel-nn --example scaling -- [MODEL]` (a folder of
//! `../shared/models` or `$WASI_PARALLEL_MODELS`; pplcnet-orientation by default).
use std::sync::Arc;
use wasi_parallel_nn::{DType, Model, NnRuntime, Tensor};
fn runtime(threads: usize) -> Arc<NnRuntime> {
    let mut config = wasmtime::Config::new();
    config.wasm_threads(true).shared_memory(true);
    let engine = wasmtime::Engine::new(&config).unwrap();
    let devices = wasi_parallel_device::discover(&wasi_parallel_device::DiscoveryOptions {
        engine,
        cpu_threads: Some(threads),
        kernel_timeout: None,
    })
    .unwrap();
    NnRuntime::new(devices).unwrap()
}
fn main() {
    let name = std::env::args()
        .nth(1)
        .unwrap_or("pplcnet-orientation".into());
    let dir = wasi_parallel_nn::fixtures::models()
        .expect("no model fixtures: set WASI_PARALLEL_MODELS")
        .join(&name);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let case = &manifest["cases"][0]["inputs"][0];
    let shape: Vec<usize> = case["shape"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_u64().unwrap() as usize)
        .collect();
    let input = Tensor::new(
        DType::F32,
        shape,
        std::fs::read(dir.join(case["file"].as_str().unwrap())).unwrap(),
    )
    .unwrap();
    let model = Arc::new(Model::parse(&std::fs::read(dir.join("model.onnx")).unwrap()).unwrap());
    let rts = [runtime(1), runtime(2)];
    let prepared: Vec<_> = rts
        .iter()
        .map(|rt| {
            let i = rt
                .devices()
                .iter()
                .position(|d| d.info().name == "cpu")
                .unwrap();
            rt.prepare(model.clone(), i).unwrap()
        })
        .collect();
    let mut per: Vec<Vec<Vec<f64>>> = vec![Vec::new(), Vec::new()];
    let mut names = Vec::new();
    for round in 0..200 {
        for (k, p) in prepared.iter().enumerate() {
            let (_, times) = p.profile(std::slice::from_ref(&input)).unwrap();
            if round < 10 {
                continue;
            }
            per[k].resize(times.len(), Vec::new());
            names = times.iter().map(|t| (t.kernel, t.items)).collect();
            for (j, t) in times.iter().enumerate() {
                per[k][j].push(t.time.as_secs_f64() * 1e3);
            }
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (mut s1, mut s2) = (0.0, 0.0);
    for (j, (kernel, items)) in names.iter().enumerate() {
        let (a, b) = (median(&mut per[0][j]), median(&mut per[1][j]));
        s1 += a;
        s2 += b;
        println!(
            "{kernel:<16} {items:>8} items  1 thread {a:.3} ms  2 threads {b:.3} ms  x{:.2}",
            a / b
        );
    }
    println!(
        "sum: 1 thread {s1:.3} ms, 2 threads {s2:.3} ms, x{:.2}",
        s1 / s2
    );
}
