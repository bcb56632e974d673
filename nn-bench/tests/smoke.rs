//! `nn-bench` on mnist, the `cpu` device only, one timed run and no baselines: the benchmark
//! runs, checks the output and writes its report. Timings are not asserted (benchmarks are
//! programs, not timed tests). Skipped locally without the model fixtures; CI must have them.

use std::process::Command;

#[test]
fn mnist_on_cpu_writes_a_report() {
    let Some(models) = wasi_parallel_nn::fixtures::models() else {
        return;
    };
    let out = std::env::temp_dir().join(format!("nn-bench-smoke-{}", std::process::id()));
    let xdg = std::env::temp_dir().join("wasi-parallel-xdg");
    std::fs::create_dir_all(&xdg).expect("XDG_RUNTIME_DIR");
    let output = Command::new(env!("CARGO_BIN_EXE_nn-bench"))
        .args([
            "--runs", "1", "--warmup", "0", "--model", "mnist", "--device", "cpu", "--no-ort",
        ])
        .arg("--models")
        .arg(&models)
        .arg("--out")
        .arg(&out)
        .env("XDG_RUNTIME_DIR", xdg)
        .output()
        .expect("run nn-bench");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "nn-bench failed:\n{stdout}\n{stderr}"
    );

    let md = std::fs::read_to_string(out.join("results.md")).expect("results.md");
    let csv = std::fs::read_to_string(out.join("results.csv")).expect("results.csv");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("results.json")).expect("results.json"))
            .expect("results.json is JSON");
    assert!(md.contains("| mnist #0 | 1x1x28x28 | cpu |"), "{md}");
    assert!(
        md.contains("ONNX Runtime: not run: left out (--no-ort)"),
        "{md}"
    );
    assert!(md.contains("tract: "), "{md}");
    let cpu = csv
        .lines()
        .find(|l| l.starts_with("mnist,0,1x1x28x28,cpu,"))
        .unwrap_or_else(|| panic!("no cpu row:\n{csv}"));
    assert!(cpu.contains(",true,"), "the output check failed: {cpu}");
    assert_eq!(json["rows"].as_array().map(Vec::len), Some(1), "{json}");
    let _ = std::fs::remove_dir_all(&out);
}
