//! `prk-bench`: the PRK guests on every device against native Rust, measured in one run.
//!
//! Each guest runs in-process exactly as `wasi-parallel run` would run it (same runtime, same
//! devices), in strict mode so that a kernel a GPU cannot run fails instead of quietly running on
//! the CPU, with its stdout captured and its PRK lines (`Solution validates`, `Rate ...`) read
//! back. The native baselines are the same kernels in Rust with rayon, on a pool of the same
//! size, with the same sizes, decomposition and validation: `prk-native` (`prk-bench/native`),
//! which this program builds in release with `-C target-cpu=native` (`--native-target-cpu`), as
//! people build the native code they compare against. Ratios are against the native run of the
//! same invocation of this program, never against remembered numbers.

mod compile;
mod kernels;
mod report;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context as _};
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use wasi_parallel_cli::command::{self, CommandOptions};
use wasi_parallel_runtime::device::{Device, DeviceKind};
use wasi_parallel_runtime::{DevicePreference, WasiParallelHost};
use wasmtime::Engine;

use crate::kernels::{Kernel, Measured, Sizes};
use crate::report::{Outcome, Row};

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
    /// Kernels to run (default: all).
    #[arg(long = "kernel", value_delimiter = ',')]
    kernels: Vec<String>,
    /// Devices to run on (names from `wasi-parallel devices`); by default `sequential`, `cpu`
    /// and every GPU found, software GPUs (lavapipe, PoCL) included.
    #[arg(long = "device", value_delimiter = ',')]
    devices: Vec<String>,
    /// Compute in `f32` everywhere (devices without f64 use it anyway).
    #[arg(long)]
    f32: bool,
    /// Small sizes and few iterations: checks that everything validates, in seconds.
    #[arg(long)]
    quick: bool,
    /// Also measure the CPU executor's thread scaling, from 1 to `--threads` workers.
    #[arg(long)]
    scaling: bool,
    /// Also run every kernel with the devices' defaults (`--no-tuning`), next to the tuned runs.
    #[arg(long)]
    compare_tuning: bool,
    /// Empty launches for the launch-overhead measurement.
    #[arg(long, default_value_t = 1000)]
    launches: u32,
    /// Directory for results.md, results.csv, results.json and the SVG plots.
    #[arg(long, default_value = "target/prk-bench")]
    out: PathBuf,
    /// Stop any launch that runs longer than this many seconds, as `wasi-parallel run` does by
    /// default (the same 60 s); 0 for no limit. A limit makes the CPU executor check an epoch
    /// counter on every loop back-edge, which is part of what this measures.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    kernel_timeout: f64,
    /// GPUs bind at most this many bytes of a buffer per storage binding: larger buffers are
    /// split across several bindings, as on a GPU with that limit (to measure what splitting
    /// costs). Default: the devices' own limits (lavapipe: 128 MiB).
    #[arg(long, value_name = "BYTES")]
    max_binding_size: Option<u64>,
    /// Directory holding the built guests; by default they are built with cargo first.
    #[arg(long)]
    guests: Option<PathBuf>,
    /// The CPU the native baselines are built for (rustc's `-C target-cpu`): `native` is this
    /// machine's, with every vector extension it has; `x86-64` the portable baseline.
    #[arg(long, default_value = "native")]
    native_target_cpu: String,
    /// Have Wasmtime write /tmp/perf-PID.map, so that `perf report` names the guests' kernels
    /// the `cpu` and `sequential` devices run (their code is compiled at run time).
    #[arg(long)]
    perf_map: bool,
    /// A `prk-native` binary already built (then `--native-target-cpu` only labels the report);
    /// by default it is built with cargo first.
    #[arg(long)]
    native: Option<PathBuf>,
    #[command(flatten)]
    sizes: Sizes,
}

fn main() -> anyhow::Result<()> {
    // Before any thread starts and before any driver loads (see its docs).
    wasi_parallel_runtime::device::process_env::prepare();
    let mut args = Args::parse();
    if args.quick {
        args.sizes.quick();
        args.iterations = args.iterations.min(2);
        args.launches = args.launches.min(100);
    }
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let kernels = selected_kernels(&args.kernels)?;
    let guests = match &args.guests {
        Some(dir) => dir.clone(),
        None => build_guests()?,
    };
    let native_bin = match &args.native {
        Some(path) => path.clone(),
        None => build_native(&args.native_target_cpu)?,
    };
    let wasm = |name: &str| {
        std::fs::read(guests.join(format!("{name}.wasm")))
            .with_context(|| format!("reading the {name} guest in {}", guests.display()))
    };
    let launches_wasm = wasm("launches")?;
    let guest_wasm = kernels
        .iter()
        .map(|k| wasm(k.name))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let limit = (args.kernel_timeout > 0.0)
        .then(|| std::time::Duration::try_from_secs_f64(args.kernel_timeout))
        .transpose()
        .with_context(|| format!("--kernel-timeout {}", args.kernel_timeout))?;
    // As the CLI does: epochs only where a guest's kernels may run in its shared memory.
    let zero_copy = guest_wasm.iter().chain([&launches_wasm]).any(|w| {
        wasi_parallel_runtime::GuestModule::new(w).map_or(true, |g| g.has_shared_memory())
    });
    let mut config = wasi_parallel_runtime::engine_config();
    config.epoch_interruption(limit.is_some() && zero_copy);
    let engine = Engine::new(&config)?;
    let found = WasiParallelHost::builder()
        .threads(threads)
        .build(&engine)?;
    let devices = selected_devices(found.devices(), &args.devices)?;

    println!(
        "prk-bench: {threads} threads, {} iterations, kernel time limit {}, native built for \
         target-cpu={}, devices: {}",
        args.iterations,
        limit.map_or_else(|| "none".to_string(), |l| format!("{l:?}")),
        args.native_target_cpu,
        devices
            .iter()
            .map(|d| format!("{} ({})", d.info().name, d.info().description))
            .collect::<Vec<_>>()
            .join(", ")
    );

    // Kernel translation and builds first, before any guest has built the same kernels on a
    // device that caches them.
    let gpus: Vec<_> = devices
        .iter()
        .filter(|d| d.info().kind.is_gpu())
        .cloned()
        .collect();
    let mut compile_inputs: Vec<(&str, &[u8])> = kernels
        .iter()
        .zip(&guest_wasm)
        .map(|(k, w)| (k.name, w.as_slice()))
        .collect();
    compile_inputs.push(("launches", &launches_wasm));
    let compiled = compile::measure(&compile_inputs, &gpus);

    let scaling_threads: Vec<usize> = if args.scaling {
        (1..=threads).collect()
    } else {
        Vec::new()
    };
    let steps = kernels.len() * (1 + devices.len() + 2 * scaling_threads.len()) + devices.len();
    // One context per device for all kernels, so that tuning choices are made once per kernel
    // and kept, as a host would keep them; and one untuned to compare.
    let contexts = devices
        .iter()
        .map(|d| -> anyhow::Result<_> {
            let name = &d.info().name;
            let tuned = context(
                &engine,
                name,
                threads,
                true,
                limit,
                args.max_binding_size,
                args.perf_map,
            )?;
            let untuned = if args.compare_tuning && tunable(&**d) {
                Some(context(
                    &engine,
                    name,
                    threads,
                    false,
                    limit,
                    args.max_binding_size,
                    args.perf_map,
                )?)
            } else {
                None
            };
            Ok((tuned, untuned))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let progress = ProgressBar::new(steps as u64).with_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {msg}")
            .expect("a valid template"),
    );
    let mut rows = Vec::new();
    for (kernel, wasm) in kernels.iter().zip(&guest_wasm) {
        progress.set_message(format!("{} native", kernel.name));
        let native = run_native(&native_bin, kernel, &args, threads, args.f32);
        progress.inc(1);
        let native_rate = native.as_ref().ok().map(|m| m.rate);
        rows.push(Row::new(
            kernel,
            "native",
            threads,
            args.f32,
            native,
            native_rate,
        ));
        for (device, (tuned, untuned)) in devices.iter().zip(&contexts) {
            let info = device.info();
            progress.set_message(format!("{} on {}", kernel.name, info.name));
            let single = args.f32 || !info.f64;
            // A baseline in the same precision when the device forces f32.
            let baseline = if single && !args.f32 {
                run_native(&native_bin, kernel, &args, threads, true)
                    .ok()
                    .map(|m| m.rate)
            } else {
                native_rate
            };
            let run = |ctx, iterations| {
                run_kernel(&engine, ctx, kernel, wasm, &args.sizes, iterations, single)
            };
            // The tuner tries its candidates on the first launches of each size: a short run
            // first, so that the measured run uses the choices (the guest's own first,
            // untimed, pass would not cover them all).
            let warm = if tunable(&**device) {
                run(tuned, args.iterations.min(4)).map(|_| ())
            } else {
                Ok(())
            };
            let outcome = warm.and_then(|()| run(tuned, args.iterations));
            rows.push(Row::new(
                kernel, &info.name, threads, single, outcome, baseline,
            ));
            if let Some(untuned) = untuned {
                let outcome = run(untuned, args.iterations);
                let label = format!("{} (untuned)", info.name);
                rows.push(Row::new(kernel, &label, threads, single, outcome, baseline));
            }
            progress.inc(1);
        }
        for &n in &scaling_threads {
            progress.set_message(format!("{} scaling, {n} threads", kernel.name));
            let native = run_native(&native_bin, kernel, &args, n, args.f32);
            let native_rate = native.as_ref().ok().map(|m| m.rate);
            let mut row = Row::new(kernel, "native", n, args.f32, native, native_rate);
            row.scaling = true;
            rows.push(row);
            progress.inc(1);
            let outcome = context(&engine, "cpu", n, false, limit, None, args.perf_map)
                .map_err(|e| format!("{e:#}"))
                .and_then(|ctx| {
                    let (sizes, iterations) = (&args.sizes, args.iterations);
                    run_kernel(&engine, &ctx, kernel, wasm, sizes, iterations, args.f32)
                });
            let mut row = Row::new(kernel, "cpu", n, args.f32, outcome, native_rate);
            row.scaling = true;
            rows.push(row);
            progress.inc(1);
        }
    }
    let mut overheads = Vec::new();
    for (device, (tuned, _)) in devices.iter().zip(&contexts) {
        let name = &device.info().name;
        progress.set_message(format!("launch overhead on {name}"));
        let micros = launch_overhead(&engine, tuned, &launches_wasm, args.launches);
        overheads.push((name.clone(), micros));
        progress.inc(1);
    }
    progress.finish_and_clear();

    let results = report::Results {
        threads,
        iterations: args.iterations,
        devices: devices
            .iter()
            .map(|d| (d.info().name.clone(), d.info().description.clone()))
            .collect(),
        rows,
        overheads,
        compiled,
        tuning: contexts
            .iter()
            .flat_map(|(tuned, _)| tuned.tuning_choices())
            .collect(),
    };
    let markdown = results.markdown(args.launches);
    println!("{markdown}");
    results.write(&args.out, &markdown)?;
    print_summary(&results, found.devices(), &args.out);
    if let Some(row) = results.rows.iter().find(|r| r.outcome.is_err()) {
        bail!(
            "{} on {} did not validate: {}",
            row.kernel,
            row.device,
            row.outcome.as_ref().err().map_or("", String::as_str)
        );
    }
    Ok(())
}

/// The last lines of a run: the best device found, the fastest device per kernel, and where the
/// report and plots are.
fn print_summary(results: &report::Results, found: &[std::sync::Arc<dyn Device>], out: &Path) {
    // The device a guest asking for a discrete GPU gets: the guest ABI's own rule.
    match wasi_parallel_runtime::device::select(found, DeviceKind::DiscreteGpu) {
        Some(best) if best.info().kind.is_gpu() => println!(
            "Best device found: {} ({}), a {}",
            best.info().name,
            best.info().description,
            best.info().kind.name()
        ),
        Some(best) => println!(
            "Best device found: {} ({}): no hardware GPU on this machine{}",
            best.info().name,
            best.info().description,
            if found
                .iter()
                .any(|d| d.info().kind == DeviceKind::SoftwareGpu)
            {
                " (software GPUs such as lavapipe run GPU code at CPU speed, so they are measured but not chosen)"
            } else {
                ""
            }
        ),
        None => println!("Best device found: none"),
    }
    let mut kernels: Vec<&str> = results.rows.iter().map(|r| r.kernel).collect();
    kernels.dedup();
    for kernel in kernels {
        let fastest = results
            .rows
            .iter()
            .filter(|r| r.kernel == kernel && !r.scaling && r.device != "native")
            .filter_map(|r| Some((r, r.outcome.as_ref().ok()?.rate)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((row, _)) = fastest {
            let ratio = row
                .ratio()
                .map_or_else(String::new, |r| format!(", {r:.2}x native"));
            println!("  fastest on {kernel}: {}{ratio}", row.device);
        }
    }
    println!(
        "Report: {} (and results.csv, results.json); plots: {}",
        out.join("results.md").display(),
        out.join("ratios.svg").display()
    );
}

/// The kernels named on the command line, or all.
fn selected_kernels(names: &[String]) -> anyhow::Result<Vec<&'static Kernel>> {
    if names.is_empty() {
        return Ok(kernels::ALL.iter().collect());
    }
    names
        .iter()
        .map(|name| {
            kernels::ALL
                .iter()
                .find(|k| k.name == name)
                .with_context(|| {
                    let known: Vec<_> = kernels::ALL.iter().map(|k| k.name).collect();
                    format!("no kernel `{name}`; the kernels are {}", known.join(", "))
                })
        })
        .collect()
}

/// The devices named on the command line, or every device found.
fn selected_devices(
    found: &[std::sync::Arc<dyn Device>],
    names: &[String],
) -> anyhow::Result<Vec<std::sync::Arc<dyn Device>>> {
    if names.is_empty() {
        return Ok(found.to_vec());
    }
    names
        .iter()
        .map(|name| {
            let matches: Vec<_> = found
                .iter()
                .filter(|d| {
                    let info = d.info();
                    info.name == *name
                        || info.backend == name
                        || (name == "gpu" && info.kind.is_gpu())
                })
                .cloned()
                .collect();
            if matches.is_empty() {
                let known: Vec<_> = found.iter().map(|d| d.info().name.clone()).collect();
                bail!("no device `{name}`; the devices are {}", known.join(", "));
            }
            Ok(matches)
        })
        .collect::<anyhow::Result<Vec<_>>>()
        .map(|lists| {
            let mut all: Vec<std::sync::Arc<dyn Device>> = Vec::new();
            for d in lists.into_iter().flatten() {
                if !all.iter().any(|a| a.info().name == d.info().name) {
                    all.push(d);
                }
            }
            all
        })
}

/// Runs `kernel`'s native baseline (the `prk-native` binary) with the guest's arguments.
fn run_native(
    native: &Path,
    kernel: &Kernel,
    args: &Args,
    threads: usize,
    single: bool,
) -> Outcome {
    let mut command = Command::new(native);
    command
        .arg(kernel.name)
        .arg(threads.to_string())
        .args((kernel.args)(&args.sizes, args.iterations));
    if single {
        command.arg("--f32");
    }
    let output = command
        .output()
        .map_err(|e| format!("cannot run {}: {e}", native.display()))?;
    let out = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "{} {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let rate = field(&out, "Rate:").map_err(|e| format!("{e:#}: {out}"))?;
    let seconds = field(&out, "Avg time (s):").map_err(|e| format!("{e:#}: {out}"))?;
    Ok(Measured { rate, seconds })
}

/// A strict context giving guests `device`, with `threads` CPU workers.
fn context(
    engine: &Engine,
    device: &str,
    threads: usize,
    tuning: bool,
    limit: Option<std::time::Duration>,
    max_binding: Option<u64>,
    perf_map: bool,
) -> anyhow::Result<WasiParallelHost> {
    let mut builder = WasiParallelHost::builder()
        .device(DevicePreference::Named(device.to_string()))
        .threads(threads)
        .strict(true)
        .tuning(tuning);
    if let Some(limit) = limit {
        builder = builder.kernel_timeout(limit);
    }
    if let Some(bytes) = max_binding {
        builder = builder.max_binding_size(bytes);
    }
    if perf_map {
        // CPU kernels compile on the CPU devices' own engine: the profiler goes there.
        let mut config = wasmtime::Config::new();
        config.profiler(wasmtime::ProfilingStrategy::PerfMap);
        builder = builder.kernel_config(config);
    }
    builder.build(engine)
}

/// Whether the host has something to tune on `device` (all but the sequential one).
fn tunable(device: &dyn Device) -> bool {
    device.info().backend != "sequential"
}

/// Runs `kernel`'s guest in `ctx` and reads its rate.
fn run_kernel(
    engine: &Engine,
    ctx: &WasiParallelHost,
    kernel: &Kernel,
    wasm: &[u8],
    sizes: &Sizes,
    iterations: usize,
    single: bool,
) -> Outcome {
    let mut argv = vec![kernel.name.to_string()];
    argv.extend((kernel.args)(sizes, iterations));
    if single {
        argv.push("--f32".into());
    }
    let out = run_guest(engine, ctx, wasm, argv).map_err(|e| format!("{e:#}"))?;
    let (rate, seconds) = prk_rate(&out, kernel.unit).map_err(|e| format!("{e:#}:\n{out}"))?;
    Ok(Measured { rate, seconds })
}

fn launch_overhead(
    engine: &Engine,
    ctx: &WasiParallelHost,
    wasm: &[u8],
    count: u32,
) -> Result<f64, String> {
    let argv = vec!["launches".to_string(), count.to_string()];
    let out = run_guest(engine, ctx, wasm, argv).map_err(|e| format!("{e:#}"))?;
    field(&out, "Avg launch time (us):").map_err(|e| format!("{e:#}:\n{out}"))
}

/// Runs a guest in `ctx` with `args`, checks it succeeded, and returns its stdout.
fn run_guest(
    engine: &Engine,
    ctx: &WasiParallelHost,
    wasm: &[u8],
    args: Vec<String>,
) -> anyhow::Result<String> {
    let options = CommandOptions {
        args,
        capture_stdout: true,
        ..CommandOptions::default()
    };
    let (code, store) = command::run(engine, ctx, wasm, &options)?;
    let out = String::from_utf8_lossy(&store.data().stdout().unwrap_or_default()).into_owned();
    if code != 0 {
        bail!("{} exited with {code}:\n{out}", options.args[0]);
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

/// Builds the native baselines (release, `-C target-cpu=<target_cpu>`, in their own target
/// directory per CPU) and returns the `prk-native` binary.
fn build_native(target_cpu: &str) -> anyhow::Result<PathBuf> {
    let native = Path::new(env!("CARGO_MANIFEST_DIR")).join("native");
    let target = native.join("target").join(target_cpu);
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--quiet", "--release", "--manifest-path"])
        .arg(native.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target)
        .current_dir(&native)
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env("RUSTFLAGS", format!("-C target-cpu={target_cpu}"))
        .status()
        .context("cannot run cargo to build the native baselines")?;
    if !status.success() {
        bail!(
            "building the native baselines (prk-bench/native) for target-cpu={target_cpu} failed"
        );
    }
    Ok(target.join("release/prk-native"))
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
        .current_dir(&kernels)
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .context("cannot run cargo to build the guests")?;
    if !status.success() {
        bail!("building the guests failed (is the wasm32-wasip1 target installed? `rustup target add wasm32-wasip1`)");
    }
    Ok(kernels.join("target/wasm32-wasip1/release"))
}
