//! `prk-bench`: the PRK guests on every device against native Rust, measured in one run.
//!
//! Each guest runs in-process exactly as `wasi-parallel run` would run it (same runtime, same
//! devices), with its stdout captured and its PRK lines (`Solution validates`, `Rate ...`) read
//! back. The native baselines are the same kernels in Rust with rayon, on a pool of the same size,
//! with the same sizes, block decomposition and validation. Ratios are against the native run of
//! the same invocation of this program, never against remembered numbers.

mod compile;
mod native;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context as _};
use clap::Parser;
use wasi_parallel_runtime::command::{self, CommandOptions};
use wasi_parallel_runtime::{DevicePreference, WasiParallelCtx};
use wasmtime::Engine;

#[derive(Parser)]
#[command(
    name = "prk-bench",
    about = "Parallel Research Kernels on every wasi-parallel device, against native Rust"
)]
struct Args {
    /// Worker threads for the `cpu` device and for the native baseline (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// Timed iterations per kernel (one more, untimed, runs first).
    #[arg(long, default_value_t = 10)]
    iterations: usize,
    /// nstream vector length (f64 elements).
    #[arg(long, default_value_t = 32 << 20)]
    length: usize,
    /// Elements per work item.
    #[arg(long, default_value_t = 1 << 16)]
    block: usize,
    /// Empty launches for the launch-overhead measurement.
    #[arg(long, default_value_t = 1000)]
    launches: u32,
    /// Devices to run on (names from `wasi-parallel devices`); by default `sequential`, `cpu`
    /// and every hardware GPU found (software GPUs only when named).
    #[arg(long, value_delimiter = ',')]
    devices: Vec<String>,
    /// Small sizes: checks that everything validates, quickly.
    #[arg(long)]
    quick: bool,
    /// Directory holding the built guests; by default they are built with cargo first.
    #[arg(long)]
    guests: Option<PathBuf>,
}

/// One row of the results table.
struct Row {
    kernel: &'static str,
    device: String,
    rate: f64,
    unit: &'static str,
    seconds: f64,
    native_rate: Option<f64>,
}

fn main() -> anyhow::Result<()> {
    let mut args = Args::parse();
    if args.quick {
        args.length = args.length.min(1 << 20);
        args.iterations = args.iterations.min(3);
        args.launches = args.launches.min(100);
    }
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let guests = match &args.guests {
        Some(dir) => dir.clone(),
        None => build_guests()?,
    };
    let engine = Engine::new(&wasi_parallel_runtime::engine_config())?;
    if args.devices.is_empty() {
        use wasi_parallel_runtime::device::DeviceKind;
        let found = WasiParallelCtx::builder().threads(threads).build(&engine)?;
        args.devices = found
            .devices()
            .iter()
            .filter(|d| d.info().kind != DeviceKind::SoftwareGpu)
            .map(|d| d.info().name.clone())
            .collect();
    }
    let nstream = std::fs::read(guests.join("nstream.wasm")).context("nstream.wasm")?;
    let launches = std::fs::read(guests.join("launches.wasm")).context("launches.wasm")?;

    println!(
        "prk-bench: {threads} threads, nstream length {} (f64), block {}, {} iterations",
        args.length, args.block, args.iterations
    );
    let native = native::nstream(threads, args.iterations, args.length, args.block)?;
    let mut rows = vec![Row {
        kernel: "nstream",
        device: format!("native (rayon, {threads} threads)"),
        rate: native.rate,
        unit: "MB/s",
        seconds: native.seconds,
        native_rate: Some(native.rate),
    }];
    // Kernel translation and builds first, before any guest has built the same kernels on a
    // device that caches them.
    let found = WasiParallelCtx::builder().threads(threads).build(&engine)?;
    let gpus: Vec<_> = found
        .devices()
        .iter()
        .filter(|d| d.info().kind.is_gpu() && args.devices.contains(&d.info().name))
        .cloned()
        .collect();
    let compiled = compile::measure(&[("nstream", &nstream), ("launches", &launches)], &gpus);
    let mut overheads = Vec::new();
    for device in &args.devices {
        let ctx = WasiParallelCtx::builder()
            .device(DevicePreference::Named(device.clone()))
            .threads(threads)
            .build(&engine)?;
        let out = run_guest(
            &engine,
            &ctx,
            &nstream,
            &[
                "nstream",
                &args.iterations.to_string(),
                &args.length.to_string(),
                &args.block.to_string(),
            ],
        )?;
        let (rate, seconds) =
            prk_rate(&out, "MB/s").with_context(|| format!("nstream on {device}:\n{out}"))?;
        rows.push(Row {
            kernel: "nstream",
            device: device.clone(),
            rate,
            unit: "MB/s",
            seconds,
            native_rate: Some(native.rate),
        });
        let out = run_guest(
            &engine,
            &ctx,
            &launches,
            &["launches", &args.launches.to_string()],
        )?;
        let micros = field(&out, "Avg launch time (us):")
            .with_context(|| format!("launches on {device}:\n{out}"))?;
        overheads.push((device.clone(), micros));
    }

    println!();
    println!("| kernel | device | rate | avg time (s) | ratio to native |");
    println!("|---|---|---|---|---|");
    for row in &rows {
        let ratio = row
            .native_rate
            .map_or_else(|| "-".into(), |n| format!("{:.1}%", 100.0 * row.rate / n));
        println!(
            "| {} | {} | {:.0} {} | {:.6} | {} |",
            row.kernel, row.device, row.rate, row.unit, row.seconds, ratio
        );
    }
    println!();
    println!(
        "| device | launch overhead (us, {} empty launches) |",
        args.launches
    );
    println!("|---|---|");
    for (device, micros) in &overheads {
        println!("| {device} | {micros:.2} |");
    }
    if !compiled.is_empty() {
        println!();
        println!(
            "| kernel | device | translation (ms, median) | first pipeline/program build in this process (ms) |"
        );
        println!("|---|---|---|---|");
        for c in &compiled {
            let build = match &c.build {
                Ok(ms) => format!("{ms:.1}"),
                Err(e) => format!("failed: {e}"),
            };
            println!(
                "| {} | {} | {:.2} | {build} |",
                c.kernel, c.device, c.translate_ms
            );
        }
    }
    Ok(())
}

/// Runs a guest with `args`, checks it succeeded and validated, and returns its stdout.
fn run_guest(
    engine: &Engine,
    ctx: &WasiParallelCtx,
    wasm: &[u8],
    args: &[&str],
) -> anyhow::Result<String> {
    let options = CommandOptions {
        args: args.iter().map(|a| a.to_string()).collect(),
        capture_stdout: true,
        ..CommandOptions::default()
    };
    let (code, store) = command::run(engine, ctx, wasm, &options)?;
    let out = String::from_utf8_lossy(&store.data().stdout().unwrap_or_default()).into_owned();
    if code != 0 {
        bail!("{} exited with {code}:\n{out}", args[0]);
    }
    Ok(out)
}

/// Reads PRK's `Rate (<unit>): X Avg time (s): Y` and checks `Solution validates` came first.
fn prk_rate(out: &str, unit: &str) -> anyhow::Result<(f64, f64)> {
    if !out.lines().any(|l| l.trim() == "Solution validates") {
        bail!("the solution did not validate");
    }
    let rate = field(out, &format!("Rate ({unit}):"))?;
    let seconds = field(out, "Avg time (s):")?;
    Ok((rate, seconds))
}

/// The number following `label` in `out`.
fn field(out: &str, label: &str) -> anyhow::Result<f64> {
    let rest = out
        .split(label)
        .nth(1)
        .with_context(|| format!("no `{label}` in the output"))?;
    let number = rest.split_whitespace().next().unwrap_or_default();
    number
        .parse()
        .with_context(|| format!("`{label}` is followed by `{number}`"))
}

/// Builds the Rust guests (release, wasm32-wasip1) and returns their directory.
fn build_guests() -> anyhow::Result<PathBuf> {
    let kernels = Path::new(env!("CARGO_MANIFEST_DIR")).join("../kernels");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "build",
            "--quiet",
            "--release",
            "--target",
            "wasm32-wasip1",
            "--manifest-path",
        ])
        .arg(kernels.join("Cargo.toml"))
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .context("cannot run cargo to build the guests")?;
    if !status.success() {
        bail!("building the guests failed (is the wasm32-wasip1 target installed? `rustup target add wasm32-wasip1`)");
    }
    Ok(kernels.join("target/wasm32-wasip1/release"))
}
