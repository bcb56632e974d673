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

/// ppocr-cls declares height and width dynamic: a narrower line gets a plan of its own, the
/// first shape's plan is kept for when it comes back, and every device agrees on the result.
#[test]
fn dynamic_shapes_get_their_own_plans() {
    let Some(root) = common::models_dir() else {
        return;
    };
    let dir = root.join("ppocr-cls");
    let model = Arc::new(Model::parse(&std::fs::read(dir.join("model.onnx")).unwrap()).unwrap());
    let full = std::fs::read(dir.join("input_1.bin")).unwrap();
    let full: Vec<f32> = full
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes(b.try_into().unwrap()))
        .collect();
    // The left 96 columns of every row of the [1, 3, 48, 192] text line.
    let narrow: Vec<f32> = full
        .chunks_exact(192)
        .flat_map(|row| row[..96].iter().copied())
        .collect();
    let wide = wasi_parallel_nn::Tensor::from_f32(vec![1, 3, 48, 192], &full).unwrap();
    let narrow = wasi_parallel_nn::Tensor::from_f32(vec![1, 3, 48, 96], &narrow).unwrap();
    let expected_wide = common::read_tensor(
        &dir,
        &serde_json::json!({
            "file": "output_1.bin", "shape": [1, 2], "dtype": "float32"
        }),
    );
    let rt = common::runtime();
    let mut narrow_results = Vec::new();
    for device in common::test_devices(&rt) {
        let prepared = rt.prepare(model.clone(), device).unwrap();
        for input in [&wide, &narrow, &wide] {
            let out = prepared
                .run(std::slice::from_ref(input))
                .unwrap()
                .remove(0)
                .to_f32();
            assert_eq!(out.len(), 2);
            assert!(
                (out[0] + out[1] - 1.0).abs() < 1e-4,
                "softmax sums to 1: {out:?}"
            );
            if input.shape[3] == 192 {
                assert!(
                    common::worst(&out, &expected_wide.to_f32(), 1e-4, 1e-3) <= 1.0,
                    "{out:?}"
                );
            } else {
                narrow_results.push(out);
            }
        }
    }
    for r in &narrow_results[1..] {
        assert!(
            common::worst(r, &narrow_results[0], 1e-4, 1e-3) <= 1.0,
            "devices disagree: {narrow_results:?}"
        );
    }
}

/// The specialised kernels (the pointwise convolution) against the portable ones: every model,
/// every device, planned both ways, gives the same outputs.
#[test]
fn specialised_kernels_match_the_portable_ones() {
    let Some(root) = common::models_dir() else {
        return;
    };
    let rt = common::runtime();
    let portable = wasi_parallel_nn::NnRuntime::new(rt.devices().to_vec()).unwrap();
    portable.set_specialised_kernels(false);
    for name in ["ppocr-cls", "pplcnet-orientation"] {
        let dir = root.join(name);
        let model =
            Arc::new(Model::parse(&std::fs::read(dir.join("model.onnx")).unwrap()).unwrap());
        let input = common::read_tensor(
            &dir,
            &serde_json::json!({
                "file": "input_0.bin",
                "shape": if name == "ppocr-cls" { [1, 3, 48, 192] } else { [1, 3, 224, 224] },
                "dtype": "float32"
            }),
        );
        for device in common::test_devices(&rt) {
            let fast = rt.prepare(model.clone(), device).unwrap();
            let reference = portable.prepare(model.clone(), device).unwrap();
            let run =
                |p: &wasi_parallel_nn::Prepared| p.profile(std::slice::from_ref(&input)).unwrap();
            let ((a, fast_launches), (b, slow_launches)) = (run(&fast), run(&reference));
            assert!(fast_launches.iter().any(|l| l.kernel == "conv1x1_f32"));
            assert!(slow_launches.iter().all(|l| l.kernel != "conv1x1_f32"));
            let w = common::worst(&a[0].to_f32(), &b[0].to_f32(), 1e-6, 1e-5);
            assert!(w <= 1.0, "{name} on {}: {w}", fast.device_name());
        }
    }
}
