//! `prk-bench --quick` as a test: every PRK guest validates on every device found (the software
//! GPUs included), and natively. In CI (`CI` set) lavapipe and PoCL must be among the devices.

use std::process::Command;

#[test]
fn every_kernel_validates_on_every_device() {
    let out_dir = std::env::temp_dir().join(format!("prk-bench-quick-{}", std::process::id()));
    let xdg = std::env::temp_dir().join("wasi-parallel-xdg");
    std::fs::create_dir_all(&xdg).expect("XDG_RUNTIME_DIR");
    let output = Command::new(env!("CARGO_BIN_EXE_prk-bench"))
        .args(["--quick", "--out"])
        .arg(&out_dir)
        .env("XDG_RUNTIME_DIR", xdg)
        .output()
        .expect("run prk-bench");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "prk-bench --quick failed:\n{stdout}\n{stderr}"
    );
    let md = std::fs::read_to_string(out_dir.join("results.md")).expect("results.md");
    let csv = std::fs::read_to_string(out_dir.join("results.csv")).expect("results.csv");
    let json = std::fs::read_to_string(out_dir.join("results.json")).expect("results.json");
    let svg = std::fs::read_to_string(out_dir.join("ratios.svg")).expect("ratios.svg");
    assert!(md.contains("| kernel | device |"), "{md}");
    assert!(json.trim_start().starts_with('{'), "{json}");
    assert!(svg.starts_with("<svg"), "{svg}");
    for device in ["sequential", "cpu"] {
        assert!(
            md.contains(&format!("| {device} |")),
            "no {device} row:\n{md}"
        );
    }
    if std::env::var_os("CI").is_some() {
        for device in ["wgpu-0", "opencl-0"] {
            assert!(
                md.contains(&format!("| {device} |")),
                "no {device} row in CI:\n{md}"
            );
        }
    }
    // Every row validated: its last field, the error, is empty.
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert!(!rows.is_empty(), "{csv}");
    for row in rows {
        assert!(row.ends_with(','), "a failed row: {row}");
    }
    let _ = std::fs::remove_dir_all(&out_dir);

    // The f32 variants (for devices without f64) validate too, with PRK's single-precision
    // tolerances, everywhere.
    let output = Command::new(env!("CARGO_BIN_EXE_prk-bench"))
        .args(["--quick", "--f32", "--guests"])
        .arg(guests_dir())
        .arg("--out")
        .arg(&out_dir)
        .env(
            "XDG_RUNTIME_DIR",
            std::env::temp_dir().join("wasi-parallel-xdg"),
        )
        .output()
        .expect("run prk-bench --f32");
    assert!(
        output.status.success(),
        "prk-bench --quick --f32 failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let csv = std::fs::read_to_string(out_dir.join("results.csv")).expect("results.csv");
    assert!(csv.contains(",f32,"), "{csv}");
    assert!(!csv.contains(",f64,"), "{csv}");
    let _ = std::fs::remove_dir_all(&out_dir);
}

/// Where the first run built the guests.
fn guests_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../kernels/target/wasm32-wasip1/release")
}
