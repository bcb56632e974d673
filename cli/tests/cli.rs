//! The `wasi-parallel` command line, with guests built from `kernels/` by cargo.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// Builds the Rust guests once (release, wasm32-wasip1) and returns the path of `name`.
fn guest(name: &str) -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    let dir = BUILT.get_or_init(|| {
        let kernels = Path::new(env!("CARGO_MANIFEST_DIR")).join("../kernels");
        let status = Command::new(env!("CARGO"))
            .args([
                "build",
                "--release",
                "--target",
                "wasm32-wasip1",
                "--manifest-path",
            ])
            .arg(kernels.join("Cargo.toml"))
            .current_dir(&kernels)
            .env_remove("CARGO_TARGET_DIR")
            .status()
            .expect("cargo runs");
        assert!(
            status.success(),
            "building the guests failed (is the wasm32-wasip1 target installed?)"
        );
        kernels.join("target/wasm32-wasip1/release")
    });
    dir.join(format!("{name}.wasm"))
}

fn wasi_parallel(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_wasi-parallel"))
        .args(args)
        .output()
        .expect("wasi-parallel runs");
    eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn nstream_validates_on_sequential_and_cpu() {
    let nstream = guest("nstream");
    // On `cpu` the first launches try the tuner's chunkings; the result must not change, with
    // tuning or without, in f64 or f32.
    for (device, tuning, precision) in [
        ("sequential", "--strict", "--f32"),
        ("cpu", "--strict", ""),
        ("cpu", "--no-tuning", "--f32"),
    ] {
        let mut args = vec![
            "run",
            "--device",
            device,
            "--threads",
            "2",
            tuning,
            nstream.to_str().unwrap(),
            "4",
            "300000",
            "4096",
        ];
        if !precision.is_empty() {
            args.push(precision);
        }
        let output = wasi_parallel(&args);
        let text = stdout(&output);
        assert!(output.status.success(), "{device}: {text}");
        assert!(text.contains("Solution validates"), "{device}: {text}");
        assert!(text.contains("Rate (MB/s): "), "{device}: {text}");
    }
}

#[test]
fn guest_exit_codes_pass_through() {
    let nstream = guest("nstream");
    let output = wasi_parallel(&["run", nstream.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "nstream's usage error");
    let probe = guest("probe");
    let output = wasi_parallel(&["run", probe.to_str().unwrap(), "7"]);
    assert_eq!(output.status.code(), Some(7));
    assert!(
        stdout(&output).contains("doubled: Ok([2, 4, 6, 8, 10])"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn args_env_and_preopened_dirs_reach_the_guest() {
    let dir = std::env::temp_dir().join(format!("wasi-parallel-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("probe.txt"), "hello from the host\n").unwrap();
    let mapping = format!("{}::/data", dir.display());
    let probe = guest("probe");
    let output = wasi_parallel(&[
        "run",
        "--device",
        "sequential",
        "--dir",
        &mapping,
        "--env",
        "PROBE_VAR=forty-two",
        probe.to_str().unwrap(),
        "0",
        "/data/probe.txt",
    ]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("args: 0 /data/probe.txt"), "{text}");
    assert!(text.contains("PROBE_VAR: forty-two"), "{text}");
    assert!(text.contains("file: hello from the host"), "{text}");
    assert!(text.contains("doubled: Ok([2, 4, 6, 8, 10])"), "{text}");
    assert!(text.contains("squared: Ok([1, 4, 9, 16, 25])"), "{text}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn invoke_calls_an_export_with_arguments() {
    let dir = std::env::temp_dir().join(format!("wasi-parallel-invoke-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let module = dir.join("add.wat");
    std::fs::write(&module, r#"(module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))"#).unwrap();
    let output = wasi_parallel(&[
        "run",
        "--invoke",
        "add",
        module.to_str().unwrap(),
        "40",
        "2",
    ]);
    assert!(output.status.success());
    assert_eq!(stdout(&output).trim(), "42");
    let output = wasi_parallel(&["run", "--invoke", "add", module.to_str().unwrap(), "x", "2"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read `x` as i32"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn devices_lists_sequential_and_cpu() {
    let output = wasi_parallel(&["devices", "--threads", "3"]);
    let text = stdout(&output);
    assert!(output.status.success());
    assert!(text.lines().any(|l| l.starts_with("sequential ")), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("cpu ") && l.contains(" 3 ")),
        "{text}"
    );
}

#[test]
fn bad_command_lines_say_what_is_wrong() {
    let output = wasi_parallel(&["run", "--device", "tpu", "missing.wasm"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no device named `tpu`"));
    let output = wasi_parallel(&["run", "definitely-missing.wasm"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read definitely-missing.wasm"));
}

/// Builds a C guest with clang (wasm32-wasi), or returns `None` where clang cannot (a failure in
/// CI, which installs it).
fn c_guest(source: &str, flags: &[&str]) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = std::env::temp_dir().join(format!(
        "wasi-parallel-{}{}-{}.wasm",
        source.replace('/', "_"),
        flags.concat(),
        std::process::id()
    ));
    let status = Command::new("clang")
        .arg("--target=wasm32-wasi")
        .args(flags)
        .arg("-I")
        .arg(root.join("kernels/include"))
        .arg(root.join(source))
        .arg("-o")
        .arg(&out)
        .status();
    match status {
        Ok(s) if s.success() => Some(out),
        _ if std::env::var_os("CI").is_some() => {
            panic!("clang cannot build {source} for wasm32-wasi")
        }
        _ => {
            eprintln!("skipped: clang with a wasm32-wasi sysroot is not installed");
            None
        }
    }
}

#[test]
fn c_guests_use_the_header() {
    for opt in ["-O2", "-O3"] {
        let Some(saxpy) = c_guest("kernels/c/saxpy.c", &[opt]) else {
            return;
        };
        for device in ["sequential", "cpu"] {
            let output = wasi_parallel(&["run", "--device", device, saxpy.to_str().unwrap()]);
            assert!(
                output.status.success(),
                "{opt} {device}: {}",
                stdout(&output)
            );
            assert!(stdout(&output).contains("saxpy validates"));
        }
        std::fs::remove_file(saxpy).ok();
    }
}

/// clang's vectorised saxpy (-O3 -msimd128: f32x4 loads, splats and arithmetic, and an alias
/// check between the two buffers) runs translated, in strict mode, on every device.
#[test]
fn a_vectorised_c_guest_runs_translated_on_every_device() {
    let Some(saxpy) = c_guest("kernels/c/saxpy.c", &["-O3", "-msimd128"]) else {
        return;
    };
    let mut devices = vec!["sequential".to_string(), "cpu".to_string()];
    devices.extend(devices_of("wgpu"));
    devices.extend(devices_of("opencl"));
    for device in &devices {
        let output = wasi_parallel(&[
            "run",
            "--device",
            device,
            "--strict",
            saxpy.to_str().unwrap(),
        ]);
        assert!(
            output.status.success() && stdout(&output).contains("saxpy validates"),
            "{device}: {}{}",
            stdout(&output),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    std::fs::remove_file(saxpy).ok();
}

/// The 2021 prototype's C++ style: STREAM arrays as 384 MiB of static arrays (bss), a kernel
/// through a function pointer that reads a static table. GPUs bind the guest's data segments,
/// not its whole initial memory (lavapipe binds 128 MiB at most), so it runs translated (strict)
/// on every device.
#[test]
fn a_cxx_guest_with_a_large_bss_runs_on_every_device() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = std::env::temp_dir().join(format!(
        "wasi-parallel-nstream-bss-{}.wasm",
        std::process::id()
    ));
    let status = Command::new("clang")
        .args([
            "--target=wasm32-wasi",
            "-x",
            "c++",
            "-O2",
            "-fno-exceptions",
            "-I",
        ])
        .arg(root.join("kernels/include"))
        .arg(root.join("kernels/c/nstream_bss.cpp"))
        .arg("-o")
        .arg(&out)
        .status();
    if !status.is_ok_and(|s| s.success()) {
        assert!(
            std::env::var_os("CI").is_none(),
            "clang cannot build kernels/c/nstream_bss.cpp"
        );
        eprintln!("skipped: clang with a wasm32-wasi sysroot is not installed");
        return;
    }
    let mut devices = vec!["sequential".to_string(), "cpu".to_string()];
    devices.extend(devices_of("wgpu"));
    devices.extend(devices_of("opencl"));
    for device in &devices {
        let output = wasi_parallel(&["run", "--device", device, "--strict", out.to_str().unwrap()]);
        assert!(
            output.status.success() && stdout(&output).contains("nstream_bss validates"),
            "{device}: {}{}",
            stdout(&output),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    std::fs::remove_file(out).ok();
}

#[test]
fn kernel_timeout_stops_a_kernel_that_never_returns() {
    let dir = std::env::temp_dir().join(format!("wasi-parallel-timeout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let module = dir.join("forever.wat");
    // A guest whose kernel loops forever; `run` returns the errno of parallel_for.
    std::fs::write(
        &module,
        r#"(module
  (import "wasi_ephemeral_parallel" "get_device" (func $get_device (param i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "parallel_for" (func $parallel_for (param i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (table 2 funcref)
  (elem (i32.const 1) $forever)
  (func $forever (param i32 i32 i32) (loop $again (br $again)))
  (func (export "run") (result i32)
    (drop (call $get_device (i32.const 1) (i32.const 0)))
    (call $parallel_for (i32.const 1) (i32.const 4) (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0))))"#,
    )
    .unwrap();
    let output = wasi_parallel(&[
        "run",
        "--kernel-timeout",
        "0.3",
        "--invoke",
        "run",
        module.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    assert_eq!(stdout(&output).trim(), "8", "KERNEL_TRAPPED");
    assert!(String::from_utf8_lossy(&output.stderr).contains("ran past its limit"));
    std::fs::remove_dir_all(&dir).ok();
}

/// The devices of `backend` that `wasi-parallel devices` lists (CI must have one: lavapipe for
/// wgpu, PoCL for opencl).
fn devices_of(backend: &str) -> Vec<String> {
    let output = wasi_parallel(&["devices"]);
    let names: Vec<String> = stdout(&output)
        .lines()
        .filter(|l| l.contains(&format!(" {backend} ")))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    if names.is_empty() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have a {backend} device"
        );
        eprintln!("skipped: no {backend} device");
    }
    names
}

/// A kernel that would run for many minutes on a GPU (2^24 work items of 60,000 loop iterations,
/// fewer than lavapipe's loop limit) returns `KERNEL_TRAPPED` at the time limit, and the whole
/// command ends within the limit plus 5 s, though the device goes on running the kernel.
#[test]
fn gpu_kernel_timeouts_return_within_the_limit() {
    let dir =
        std::env::temp_dir().join(format!("wasi-parallel-gpu-timeout-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let module = dir.join("long.wat");
    std::fs::write(
        &module,
        r#"(module
  (import "wasi_ephemeral_parallel" "get_device" (func $get_device (param i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "create_buffer" (func $create_buffer (param i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "parallel_for" (func $parallel_for (param i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (table 2 funcref)
  (elem (i32.const 1) $long)
  (func $long (param $i i32) (param i32 i32) (param $out i32) (param $len i32)
    (local $k i32) (local $x i32)
    (local.set $x (local.get $i))
    (loop $again
      (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1103515245)) (i32.const 12345)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $k) (i32.const 60000))))
    (i32.store (i32.add (local.get $out) (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 60)))
      (local.get $x)))
  (func (export "run") (result i32)
    (drop (call $get_device (i32.const 2) (i32.const 0)))
    (drop (call $create_buffer (i32.load (i32.const 0)) (i32.const 64) (i32.const 1) (i32.const 4)))
    (call $parallel_for (i32.const 1) (i32.const 16777216) (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 4) (i32.const 1))))"#,
    )
    .unwrap();
    let limit = 2.0;
    for device in devices_of("wgpu").into_iter().chain(devices_of("opencl")) {
        let start = std::time::Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_wasi-parallel"))
            .args([
                "run",
                "--strict",
                "--device",
                &device,
                "--kernel-timeout",
                &limit.to_string(),
                "--invoke",
                "run",
                module.to_str().unwrap(),
            ])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("wasi-parallel runs");
        // A watchdog, so that a hang fails the test instead of stalling the suite.
        while child.try_wait().expect("wait").is_none() {
            if start.elapsed().as_secs_f64() > limit + 30.0 {
                child.kill().ok();
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let took = start.elapsed().as_secs_f64();
        let output = child.wait_with_output().expect("output");
        eprintln!("{}", String::from_utf8_lossy(&output.stderr));
        assert!(output.status.success(), "{device}: {}", output.status);
        assert_eq!(stdout(&output).trim(), "8", "{device}: KERNEL_TRAPPED");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("ran past its time limit"),
            "{device}"
        );
        assert!(took < limit + 5.0, "{device}: took {took:.1} s");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn nstream_validates_on_wgpu() {
    let output = wasi_parallel(&["devices"]);
    if !stdout(&output).lines().any(|l| l.contains(" wgpu ")) {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have a wgpu device (lavapipe)"
        );
        eprintln!("skipped: no wgpu device");
        return;
    }
    let nstream = guest("nstream");
    // Block 16: each work item triads 16 elements; 62500 items, so the dispatch is wide.
    let output = wasi_parallel(&[
        "run",
        "--device",
        "wgpu",
        nstream.to_str().unwrap(),
        "3",
        "1000000",
        "16",
    ]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("Solution validates"), "{text}");
}

#[test]
fn nstream_validates_on_opencl() {
    let output = wasi_parallel(&["devices"]);
    if !stdout(&output).lines().any(|l| l.contains(" opencl ")) {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have an OpenCL device (PoCL)"
        );
        eprintln!("skipped: no OpenCL device");
        return;
    }
    let nstream = guest("nstream");
    // Block 16: each work item triads 16 elements; 62500 items.
    let output = wasi_parallel(&[
        "run",
        "--device",
        "opencl",
        "--strict",
        nstream.to_str().unwrap(),
        "3",
        "1000000",
        "16",
    ]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("Solution validates"), "{text}");
}

#[test]
fn translate_prints_wgsl_and_names_what_it_cannot_translate() {
    let dir = std::env::temp_dir().join(format!("wasi-parallel-translate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let module = dir.join("k.wat");
    std::fs::write(
        &module,
        r#"(module (memory 1)
  (func (export "kernel") (param $i i32) (param i32 i32) (param $p i32) (param $len i32)
    (f32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))) (f32.const 1.5)))
  (func (export "bad") (param $i i32) (param i32 i32) (param $p i32) (param $len i32)
    (drop (memory.grow (i32.const 1)))))"#,
    )
    .unwrap();
    let output = wasi_parallel(&["translate", module.to_str().unwrap(), "--kernel", "kernel"]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("@compute") && text.contains("array<f32>"),
        "{text}"
    );
    let spv = dir.join("k.spv");
    let output = wasi_parallel(&[
        "translate",
        module.to_str().unwrap(),
        "--kernel",
        "kernel",
        "--emit",
        "spv",
        "-o",
        spv.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    assert_eq!(
        std::fs::read(&spv).unwrap()[..4],
        0x0723_0203u32.to_le_bytes(),
        "the SPIR-V magic number"
    );
    let output = wasi_parallel(&[
        "translate",
        module.to_str().unwrap(),
        "--kernel",
        "kernel",
        "--emit",
        "opencl",
    ]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("__kernel") && text.contains("__global float*"),
        "{text}"
    );
    let output = wasi_parallel(&["translate", module.to_str().unwrap(), "--kernel", "bad"]);
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("unsupported: MemoryGrow at byte offset")
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// `translate --device NAME --emit spv` writes, byte for byte, the SPIR-V that the device hands
/// to wgpu for the same kernel: what a user debugs is what runs. Every device that runs SPIR-V
/// is checked (lavapipe in CI, where one must exist).
#[test]
fn translate_for_a_device_emits_the_spirv_it_runs() {
    use wasi_parallel_device::wgpu::WgpuKernel;
    use wasi_parallel_device::{compile_kernel, CompileOptions, KernelEntry};

    let dir = std::env::temp_dir().join(format!("wasi-parallel-spv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let module = dir.join("k.wat");
    // A function pointer, a loop (which gets lavapipe's loop counter) and f32 and f64
    // arithmetic (which get float controls).
    let wat = r#"(module (memory 1) (table 2 funcref) (elem (i32.const 1) $k)
  (func $k (param $i i32) (param $n i32) (param i32) (param $p i32) (param $len i32)
        (param $q i32) (param $qlen i32)
    (local $j i32) (local $x f32)
    (loop $next
      (local.set $x (f32.add (f32.mul (local.get $x) (f32.const 1.5)) (f32.const 0.25)))
      (br_if $next (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 4))))
    (f32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))) (local.get $x))
    (f64.store (i32.add (local.get $q) (i32.shl (local.get $i) (i32.const 3)))
      (f64.mul (f64.promote_f32 (local.get $x)) (f64.const 3)))))"#;
    std::fs::write(&module, wat).unwrap();
    let wasm = wat::parse_str(wat).unwrap();

    let engine = wasmtime::Engine::new(&wasi_parallel_runtime::engine_config()).unwrap();
    let host = wasi_parallel_runtime::WasiParallelHost::builder()
        .build(&engine)
        .unwrap();
    let devices: Vec<_> = host
        .devices()
        .iter()
        .filter(|d| d.spirv_options().is_some())
        .collect();
    if devices.is_empty() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have a device that runs SPIR-V (lavapipe)"
        );
        eprintln!("skipped: no device runs SPIR-V");
    }
    for device in devices {
        let name = &device.info().name;
        let kernel = compile_kernel(
            &**device,
            &wasm,
            KernelEntry::TableIndex(1),
            &CompileOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let ran = kernel
            .as_any()
            .downcast_ref::<WgpuKernel>()
            .and_then(WgpuKernel::spirv)
            .unwrap_or_else(|| panic!("{name} runs SPIR-V, so its kernel keeps its words"));
        let spv = dir.join(format!("{name}.spv"));
        let output = wasi_parallel(&[
            "translate",
            module.to_str().unwrap(),
            "--kernel",
            "1",
            "--device",
            name,
            "--emit",
            "spv",
            "-o",
            spv.to_str().unwrap(),
        ]);
        assert!(output.status.success(), "{name}");
        let printed = std::fs::read(&spv).unwrap();
        let ran: Vec<u8> = ran.iter().flat_map(|w| w.to_le_bytes()).collect();
        assert!(
            printed == ran,
            "{name}: translate --emit spv differs from what the device runs"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The MNIST fixture, if present (see `wasi_parallel_nn::fixtures`).
fn mnist_dir() -> Option<PathBuf> {
    wasi_parallel_nn::fixtures::models().map(|d| d.join("mnist"))
}

/// The devices the wasi-nn examples run on: cpu, and lavapipe and PoCL where present (CI
/// requires them).
fn nn_devices() -> Vec<&'static str> {
    let listed = stdout(&wasi_parallel(&["devices"]));
    let mut devices = vec!["cpu"];
    for backend in ["wgpu", "opencl"] {
        if listed.contains(&format!("{backend}-0")) {
            devices.push(backend);
        } else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI needs a {backend} device"
            );
            eprintln!("skipped: no {backend} device");
        }
    }
    devices
}

/// Checks the examples' report: each image's top label is its digit.
fn assert_digits(out: &str, digits: &[u32]) {
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), digits.len(), "{out}");
    for (line, digit) in lines.iter().zip(digits) {
        assert!(
            line.contains(&format!("/{digit}.jpg: {digit} ")),
            "expected {digit} first: {line}"
        );
    }
}

#[test]
fn mnist_examples_classify_on_every_device() {
    let Some(mnist) = mnist_dir() else { return };
    let dir = format!("{}::/mnist", mnist.display());
    let images = [
        "/mnist/images/0.jpg",
        "/mnist/images/3.jpg",
        "/mnist/images/5.jpg",
        "/mnist/images/7.jpg",
    ];
    let by_name = guest("mnist-by-name");
    let from_bytes = guest("mnist-from-bytes");
    for device in nn_devices() {
        let graph = format!("onnx::{}", mnist.display());
        let mut args = vec![
            "run",
            "--device",
            device,
            "--wasi-nn-graph",
            &graph,
            "--dir",
            &dir,
            by_name.to_str().unwrap(),
            "mnist",
            "/mnist/mnist-labels.txt",
        ];
        args.extend(images);
        let output = wasi_parallel(&args);
        assert!(output.status.success(), "mnist-by-name on {device}");
        assert_digits(&stdout(&output), &[0, 3, 5, 7]);

        let mut args = vec![
            "run",
            "--device",
            device,
            "--dir",
            &dir,
            from_bytes.to_str().unwrap(),
            "/mnist/model.onnx",
            "gpu",
            "/mnist/mnist-labels.txt",
        ];
        args.extend(images);
        let output = wasi_parallel(&args);
        assert!(output.status.success(), "mnist-from-bytes on {device}");
        assert_digits(&stdout(&output), &[0, 3, 5, 7]);
    }

    // The WasmEdge spelling, and a name the guest does not know.
    let preload = format!("digits:onnx:cpu:{}/model.onnx", mnist.display());
    let output = wasi_parallel(&[
        "run",
        "--nn-preload",
        &preload,
        "--dir",
        &dir,
        by_name.to_str().unwrap(),
        "digits",
        "/mnist/mnist-labels.txt",
        "/mnist/images/3.jpg",
    ]);
    assert!(output.status.success());
    assert_digits(&stdout(&output), &[3]);
    let output = wasi_parallel(&[
        "run",
        "--nn-preload",
        &preload,
        "--dir",
        &dir,
        by_name.to_str().unwrap(),
        "mnist",
        "/mnist/mnist-labels.txt",
        "/mnist/images/3.jpg",
    ]);
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("NotFound"),
        "an unknown name is not_found"
    );
    // A bad preload is a clear error before the guest runs.
    let output = wasi_parallel(&[
        "run",
        "--wasi-nn-graph",
        "onnx::/no/such/dir",
        by_name.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a directory"));
}

/// A guest that creates buffers of `size` bytes and fills each with a kernel, until an errno
/// stops it: `run(size)` returns `count * 256 + errno`.
const HOARDER: &str = r#"(module
  (import "wasi_ephemeral_parallel" "get_device" (func $get_device (param i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "create_buffer" (func $create_buffer (param i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "parallel_for" (func $parallel_for (param i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (table 2 funcref)
  (elem (i32.const 1) $fill)
  (func $fill (param $i i32) (param i32 i32) (param $out i32) (param $len i32)
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2))) (local.get $i)))
  (func (export "run") (param $size i32) (result i32)
    (local $n i32) (local $e i32)
    (drop (call $get_device (i32.const 1) (i32.const 0)))
    (block $done (loop $more
      (local.set $e (call $create_buffer (i32.load (i32.const 0)) (local.get $size) (i32.const 1) (i32.const 8)))
      (br_if $done (local.get $e))
      (local.set $e (call $parallel_for (i32.const 1) (i32.shr_u (local.get $size) (i32.const 2))
        (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 8) (i32.const 1)))
      (br_if $done (local.get $e))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $more)))
    (i32.add (i32.mul (local.get $n) (i32.const 256)) (local.get $e))))"#;

/// Runs `wasi-parallel` with `args` and returns its exit status, its stdout and its peak resident
/// memory in bytes (the kernel's count for the child alone, from `wait4`).
fn run_measuring_memory(args: &[&str]) -> (std::process::ExitStatus, String, u64) {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    #[allow(
        clippy::zombie_processes,
        reason = "reaped by wait4 below, which also gives its resource usage"
    )]
    let mut child = Command::new(env!("CARGO_BIN_EXE_wasi-parallel"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("wasi-parallel runs");
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        out.read_to_string(&mut text).ok();
        text
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        err.read_to_string(&mut text).ok();
        text
    });
    let start = std::time::Instant::now();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our child, not yet reaped; status and usage are valid to write.
        let reaped = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        assert!(reaped >= 0, "wait4: {}", std::io::Error::last_os_error());
        if reaped == pid {
            break;
        }
        // A watchdog, so that a hang fails the test instead of stalling the suite.
        if start.elapsed() > std::time::Duration::from_secs(300) {
            child.kill().ok();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    eprintln!("{}", err_reader.join().unwrap_or_default());
    let stdout = reader.join().unwrap_or_default();
    // Linux counts ru_maxrss in KiB.
    let peak = usage.ru_maxrss as u64 * 1024;
    (std::process::ExitStatus::from_raw(status), stdout, peak)
}

/// A guest that hoards buffers and fills them stops at its quota with `OUT_OF_MEMORY`, on the CPU
/// executor, lavapipe and PoCL, and the host's peak resident memory stays within the quota plus
/// its own: measured against the same guest allowed one buffer, it grows by no more than the
/// buffers the quota lets the guest hold (plus 64 MiB). Before quotas, lavapipe and PoCL let a
/// guest fill the host's memory.
#[test]
fn buffer_hoarders_stop_at_their_quota_and_the_host_stays_within_it() {
    let dir = std::env::temp_dir().join(format!("wasi-parallel-hoarder-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let module = dir.join("hoarder.wat");
    std::fs::write(&module, HOARDER).unwrap();
    let size: u64 = 32 << 20;
    let quota: u64 = 512 << 20;
    let mut devices = vec!["cpu".to_string()];
    devices.extend(devices_of("wgpu"));
    devices.extend(devices_of("opencl"));
    for device in devices {
        let run = |quota: u64| {
            let (status, out, peak) = run_measuring_memory(&[
                "run",
                "--strict",
                "--device",
                &device,
                "--max-buffer-bytes",
                &quota.to_string(),
                "--invoke",
                "run",
                module.to_str().unwrap(),
                &size.to_string(),
            ]);
            assert!(status.success(), "{device}: {status}");
            (out.trim().parse::<u64>().expect("a number"), peak)
        };
        let (one, baseline) = run(size);
        assert_eq!(one, 256 + 4, "{device}: one buffer, then OUT_OF_MEMORY");
        let (count, peak) = run(quota);
        assert_eq!(
            count,
            (quota / size) * 256 + 4,
            "{device}: {} buffers, then OUT_OF_MEMORY",
            quota / size
        );
        let grown = peak.saturating_sub(baseline);
        eprintln!(
            "{device}: peak resident memory {} MiB with one buffer, {} MiB with {} (quota {} MiB)",
            baseline >> 20,
            peak >> 20,
            quota / size,
            quota >> 20
        );
        assert!(
            grown <= quota - size + (64 << 20),
            "{device}: the host grew by {} MiB for a guest allowed {} MiB",
            grown >> 20,
            quota >> 20
        );
        if device == "cpu" {
            // The measure sees the buffers: they are in host memory and were written.
            assert!(grown >= (quota - size) / 2, "{device}: grew by {grown}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A wasi-nn guest that opens execution contexts of the preloaded model `hoard` and sets a
/// `size`-byte input on each, until an errno stops it: `run(size)` returns `count * 256 +
/// errno`. Its memory is 64 MiB and a page, the input's bytes written once.
const NN_HOARDER: &str = r#"(module
  (import "wasi_ephemeral_nn" "load_by_name" (func $load_by_name (param i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "init_execution_context" (func $init (param i32 i32) (result i32)))
  (import "wasi_ephemeral_nn" "set_input" (func $set_input (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1025)
  (data (i32.const 16) "hoard")
  (func (export "run") (param $size i32) (result i32)
    (local $n i32) (local $e i32)
    (memory.fill (i32.const 65536) (i32.const 0x3f) (local.get $size))
    ;; dims [size / 4] at 64; the tensor { dims 64, rank 1, f32, data 65536, size } at 32
    (i32.store (i32.const 64) (i32.shr_u (local.get $size) (i32.const 2)))
    (i32.store (i32.const 32) (i32.const 64))
    (i32.store (i32.const 36) (i32.const 1))
    (i32.store8 (i32.const 40) (i32.const 1))
    (i32.store (i32.const 44) (i32.const 65536))
    (i32.store (i32.const 48) (local.get $size))
    (local.set $e (call $load_by_name (i32.const 16) (i32.const 5) (i32.const 0)))
    (if (local.get $e) (then (return (i32.add (i32.const 0x10000) (local.get $e)))))
    (block $done (loop $more
      (local.set $e (call $init (i32.load (i32.const 0)) (i32.const 8)))
      (br_if $done (local.get $e))
      (local.set $e (call $set_input (i32.load (i32.const 8)) (i32.const 0) (i32.const 32)))
      (br_if $done (local.get $e))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br $more)))
    (i32.add (i32.mul (local.get $n) (i32.const 256)) (local.get $e))))"#;

/// A model with one f32 input of any length: `y = Relu(x)`.
fn relu_of_any_length() -> Vec<u8> {
    one_node_model("", "Relu", "")
}

/// A model of one node, `y = op(x)`, of the operator `op` in `domain` (opset 17 of both ONNX's and
/// the node's domain), named `node`, on an f32 input of any length.
fn one_node_model(domain: &str, op: &str, node: &str) -> Vec<u8> {
    use prost::Message;
    use wasi_parallel_nn::onnx;
    let value = |name: &str| onnx::ValueInfoProto {
        name: Some(name.into()),
        r#type: Some(onnx::TypeProto {
            value: Some(onnx::type_proto::Value::TensorType(
                onnx::type_proto::Tensor {
                    elem_type: Some(1),
                    shape: Some(onnx::TensorShapeProto {
                        dim: vec![onnx::tensor_shape_proto::Dimension {
                            value: Some(onnx::tensor_shape_proto::dimension::Value::DimParam(
                                "n".into(),
                            )),
                            ..Default::default()
                        }],
                    }),
                },
            )),
            ..Default::default()
        }),
        ..Default::default()
    };
    onnx::ModelProto {
        ir_version: Some(8),
        opset_import: [String::new(), domain.to_string()]
            .into_iter()
            .map(|domain| onnx::OperatorSetIdProto {
                domain: Some(domain),
                version: Some(17),
            })
            .collect(),
        graph: Some(onnx::GraphProto {
            name: Some("one node".into()),
            node: vec![onnx::NodeProto {
                op_type: Some(op.into()),
                domain: Some(domain.into()),
                name: Some(node.into()),
                input: vec!["x".into()],
                output: vec!["y".into()],
                ..Default::default()
            }],
            input: vec![value("x")],
            output: vec![value("y")],
            ..Default::default()
        }),
        ..Default::default()
    }
    .encode_to_vec()
}

/// wasi-nn's inputs are host memory on every device: a guest that sets inputs without end stops
/// at `--max-nn-bytes` with `too_large`, and the host grows by about that much.
#[test]
fn nn_hoarders_stop_at_their_quota_and_the_host_stays_within_it() {
    const TOO_LARGE: u64 = 7;
    let dir = std::env::temp_dir().join(format!("wasi-parallel-nn-hoarder-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let module = dir.join("nn-hoarder.wat");
    std::fs::write(&module, NN_HOARDER).unwrap();
    let model = dir.join("relu.onnx");
    std::fs::write(&model, relu_of_any_length()).unwrap();
    let preload = format!("hoard:onnx:cpu:{}", model.display());
    let size: u64 = 32 << 20;
    let quota: u64 = 512 << 20;
    let run = |quota: u64| {
        let (status, out, peak) = run_measuring_memory(&[
            "run",
            "--nn-preload",
            &preload,
            "--max-nn-bytes",
            &quota.to_string(),
            "--invoke",
            "run",
            module.to_str().unwrap(),
            &size.to_string(),
        ]);
        assert!(status.success(), "{status}");
        (out.trim().parse::<u64>().expect("a number"), peak)
    };
    // The model has no weights: the inputs are all the quota holds.
    let (one, baseline) = run(size);
    assert_eq!(one, 256 + TOO_LARGE, "one input, then too_large");
    let (count, peak) = run(quota);
    assert_eq!(
        count,
        (quota / size) * 256 + TOO_LARGE,
        "{} inputs, then too_large",
        quota / size
    );
    let grown = peak.saturating_sub(baseline);
    eprintln!(
        "peak resident memory {} MiB with one input, {} MiB with {} (quota {} MiB)",
        baseline >> 20,
        peak >> 20,
        quota / size,
        quota >> 20
    );
    assert!(
        grown <= quota - size + (64 << 20),
        "the host grew by {} MiB for a guest allowed {} MiB",
        grown >> 20,
        quota >> 20
    );
    // The measure sees the inputs: they are host memory and were written.
    assert!(grown >= (quota - size) / 2, "grew by {grown}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A model with an operator we lack fails with a message naming the operator, its domain and
/// opset and the node: when preloaded (the CLI's error), and when a guest loads its bytes (the
/// guest gets `unsupported_operation`, and the log says why).
#[test]
fn a_model_with_a_missing_operator_names_it() {
    let dir = std::env::temp_dir().join(format!("wasi-parallel-missing-op-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("model.onnx"),
        one_node_model("com.example", "FrobnicateTensor", "frob_1"),
    )
    .unwrap();
    let names_it = |text: &str| {
        text.contains(
            "com.example.FrobnicateTensor (com.example opset 17, first used by node `frob_1`)",
        )
    };

    let graph = format!("onnx::{}", dir.display());
    let output = wasi_parallel(&[
        "run",
        "--wasi-nn-graph",
        &graph,
        guest("mnist-by-name").to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(names_it(&stderr), "the CLI's error: {stderr}");
    assert!(
        !stderr.contains("Failed while accessing backend"),
        "{stderr}"
    );

    let preopen = format!("{}::/m", dir.display());
    let output = wasi_parallel(&[
        "run",
        "--dir",
        &preopen,
        guest("mnist-from-bytes").to_str().unwrap(),
        "/m/model.onnx",
        "cpu",
        "/m/labels.txt",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the guest cannot load the model");
    assert!(
        names_it(&stderr),
        "the warning a guest's failed load logs: {stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
