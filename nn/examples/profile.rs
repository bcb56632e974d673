//! Where a model's time goes: runs a model from `../shared/models` on a device and prints the
//! time per operator kernel.
//!
//! `cargo run --release -p wasi-parallel-nn --example profile -- MODEL [DEVICE] [RUNS]`

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use wasi_parallel_nn::{DType, Model, NnRuntime, Tensor};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let name = args.first().map_or("mnist", String::as_str);
    let device = args.get(1).map_or("cpu", String::as_str);
    let runs: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(10);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/models")
        .join(name);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).expect("manifest"))
            .expect("json");
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

    let mut config = wasmtime::Config::new();
    config.wasm_threads(true).shared_memory(true);
    let engine = wasmtime::Engine::new(&config).unwrap();
    let devices = wasi_parallel_device::discover(&wasi_parallel_device::DiscoveryOptions {
        engine,
        cpu_threads: None,
        kernel_timeout: None,
    })
    .unwrap();
    let rt = NnRuntime::new(devices).unwrap();
    let index = rt
        .devices()
        .iter()
        .position(|d| d.info().name == device)
        .expect("no such device");
    let model = Arc::new(Model::parse(&std::fs::read(dir.join("model.onnx")).unwrap()).unwrap());
    let prepared = rt.prepare(model, index).unwrap();
    prepared.run(std::slice::from_ref(&input)).unwrap();
    let mut per_kernel: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    // WASI_PARALLEL_PROFILE_EACH=1: every launch, in order, with its median time over the runs.
    if std::env::var_os("WASI_PARALLEL_PROFILE_EACH").is_some() {
        let mut each: Vec<Vec<f64>> = Vec::new();
        let mut names = Vec::new();
        for _ in 0..runs {
            let (_, times) = prepared.profile(std::slice::from_ref(&input)).unwrap();
            each.resize(times.len(), Vec::new());
            names = times
                .iter()
                .map(|t| (t.kernel, t.items, t.native))
                .collect();
            for (k, t) in times.iter().enumerate() {
                each[k].push(t.time.as_secs_f64());
            }
        }
        for ((kernel, items, native), mut times) in names.into_iter().zip(each) {
            times.sort_by(f64::total_cmp);
            let how = if native { "native" } else { "wasm" };
            let median = times[times.len() / 2] * 1e3;
            println!("  {kernel:<18} {how:<6} {items:>9} items {median:>9.3} ms");
        }
    }
    let started = std::time::Instant::now();
    for _ in 0..runs {
        let (_, times) = prepared.profile(std::slice::from_ref(&input)).unwrap();
        for t in times {
            let e = per_kernel.entry(t.kernel).or_default();
            e.0 += 1;
            e.1 += t.time.as_secs_f64();
        }
    }
    let total = started.elapsed().as_secs_f64() / runs as f64;
    println!("{name} on {device}: {:.3} ms per run", total * 1e3);
    let mut rows: Vec<_> = per_kernel.into_iter().collect();
    rows.sort_by(|a, b| b.1 .1.total_cmp(&a.1 .1));
    for (kernel, (launches, secs)) in rows {
        println!(
            "  {kernel:<18} {:>5} launches/run {:>9.3} ms/run",
            launches / runs,
            secs / runs as f64 * 1e3
        );
    }
}
