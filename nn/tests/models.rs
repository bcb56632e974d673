//! The real models in `../shared/models` (inputs and reference outputs from ONNX Runtime) on
//! every device, within each model's tolerance.

mod common;

use std::sync::Arc;

use wasi_parallel_nn::Model;

fn check_model(name: &str) {
    let Some(root) = common::models_dir() else {
        return;
    };
    let dir = root.join(name);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let model = Arc::new(Model::parse(&std::fs::read(dir.join("model.onnx")).unwrap()).unwrap());
    let (atol, rtol) = (
        manifest["tolerance"]["atol"].as_f64().unwrap(),
        manifest["tolerance"]["rtol"].as_f64().unwrap(),
    );
    let rt = common::runtime();
    for device in common::test_devices(&rt) {
        let prepared = rt.prepare(model.clone(), device).unwrap();
        for case in manifest["cases"].as_array().unwrap() {
            let inputs: Vec<_> = case["inputs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| common::read_tensor(&dir, e))
                .collect();
            let started = std::time::Instant::now();
            let outputs = prepared.run(&inputs).unwrap_or_else(|e| {
                panic!(
                    "{name} case {} on {}: {e}",
                    case["index"],
                    prepared.device_name()
                )
            });
            let expected: Vec<_> = case["outputs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| common::read_tensor(&dir, e))
                .collect();
            assert_eq!(outputs.len(), expected.len());
            for (o, e) in outputs.iter().zip(&expected) {
                assert_eq!(o.shape, e.shape, "{name} output shape");
                let w = common::worst(&o.to_f32(), &e.to_f32(), atol, rtol);
                eprintln!(
                    "{name} case {} on {}: worst error {w:.3} of the tolerance, {:.1} ms",
                    case["index"],
                    prepared.device_name(),
                    started.elapsed().as_secs_f64() * 1e3
                );
                assert!(
                    w <= 1.0,
                    "{name} case {} on {}: error {w} times the tolerance",
                    case["index"],
                    prepared.device_name()
                );
            }
        }
    }
}

#[test]
fn mnist() {
    check_model("mnist");
}

#[test]
fn ppocr_cls() {
    check_model("ppocr-cls");
}

#[test]
fn pplcnet_orientation() {
    check_model("pplcnet-orientation");
}
