//! Generates the ONNX messages from the official `proto/onnx.proto`, and compiles the operator
//! kernels (`wasm-kernels/kernels.rs`, with the ABI they share with the host,
//! `wasm-kernels/abi.rs`, and the elementary functions they share with the native kernels,
//! `wasm-kernels/elementary.rs`) to Wasm with the same rustc.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    println!("cargo::rerun-if-changed=proto/onnx.proto");
    let descriptors = protox::compile(["proto/onnx.proto"], ["proto"])
        .unwrap_or_else(|e| panic!("proto/onnx.proto: {e}"));
    prost_build::Config::new()
        .compile_fds(descriptors)
        .unwrap_or_else(|e| panic!("generating the ONNX messages: {e}"));

    // The whole folder: kernels.rs includes abi.rs and elementary.rs (the native kernels share
    // the latter), and a change to any must rebuild the Wasm kernels.
    println!("cargo::rerun-if-changed=wasm-kernels");
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let wasm = out.join("kernels.wasm");
    let status = Command::new(rustc)
        .args([
            "--edition=2021",
            "--target=wasm32-unknown-unknown",
            "--crate-type=cdylib",
            "--crate-name=wasi_parallel_nn_kernels",
            "-Copt-level=3",
            "-Cpanic=abort",
            "-Clto",
            "-Cstrip=debuginfo",
            // Wasm SIMD: Cranelift compiles it to the host's vector instructions on the CPU
            // executor, and the translator lowers it for GPUs (one build for every device).
            "-Ctarget-feature=+simd128",
            "-o",
        ])
        .arg(&wasm)
        .arg("wasm-kernels/kernels.rs")
        // The host build's flags (coverage, sanitizers, target-cpu) are not for wasm32.
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTFLAGS")
        .status()
        .unwrap_or_else(|e| panic!("cannot run rustc: {e}"));
    assert!(
        status.success(),
        "rustc could not build nn/wasm-kernels/kernels.rs for wasm32-unknown-unknown \
         (is the target installed? `rustup target add wasm32-unknown-unknown`)"
    );
}
