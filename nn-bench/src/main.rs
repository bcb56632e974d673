//! `nn-bench`: the ONNX model fixtures on every wasi-parallel device, against ONNX Runtime's CPU
//! execution and tract, measured in one run.
//!
//! For each model in the fixtures folder (`../shared/models`) it takes the first case, and the
//! first case with a batch above 1 if there is one. Each device prepares the model once; each
//! case then gets a cold run (planning, kernel builds, weight upload), warm-up runs and timed runs
//! (see [`measure`]), and the cold and last outputs are checked against the reference within the
//! manifest's tolerance: a failing check is reported in the table, not hidden. The baselines run
//! the same inputs by the same scheme in the same invocation: ONNX Runtime through
//! `ort_bench.py` (the PyPI wheel, `python3`), and tract in-process when built with
//! `--features tract`. Ratios are against those, never against remembered numbers.

mod fixtures;
mod measure;
mod ort;
mod report;
mod tract;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context as _};
use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use wasi_parallel_device::Device;
use wasi_parallel_nn::{Model, NnRuntime, Prepared, Tensor};

use crate::fixtures::Fixture;
use crate::measure::{Scheme, Timing};
use crate::report::{
    kind_name, DeviceEntry, KernelTime, Machine, Profile, Results, Row, BASELINE, ORT, TRACT,
};

#[derive(Parser)]
#[command(
    name = "nn-bench",
    about = "ONNX models on every wasi-parallel device, against ONNX Runtime (CPU) and tract"
)]
struct Args {
    /// The model fixtures: folders holding manifest.json, model.onnx and the case tensors
    /// (default: ../shared/models from the current directory or from this crate).
    #[arg(long)]
    models: Option<PathBuf>,
    /// Models to run, by folder name (default: all).
    #[arg(long = "model", value_delimiter = ',')]
    model: Vec<String>,
    /// Devices to run on: names (`cpu`, `wgpu-0`), backends (`wgpu`, `opencl`) or `gpu`
    /// (default: every device found, software GPUs included).
    #[arg(long = "device", value_delimiter = ',')]
    devices: Vec<String>,
    /// Timed runs per model, case and runtime (fewer if `--budget` runs out first).
    #[arg(long, default_value_t = 20)]
    runs: usize,
    /// Warm-up runs after the cold run (fewer if they take a quarter of `--budget`).
    #[arg(long, default_value_t = 3)]
    warmup: usize,
    /// Seconds for the timed runs of one model, case and runtime; at least `--min-runs` are
    /// made whatever they take.
    #[arg(long, default_value_t = 8.0)]
    budget: f64,
    /// Stop any kernel launch that runs longer than this many seconds, as `wasi-parallel run`
    /// does by default (the same 60 s); 0 for no limit. A limit compiles stop checks into the
    /// CPU kernels and loop budgets into the GPU ones, which is part of what this measures.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    kernel_timeout: f64,
    /// The least number of timed runs.
    #[arg(long, default_value_t = 3)]
    min_runs: usize,
    /// Threads for the `cpu` device, ONNX Runtime's intra-op pool and tract (default: one per
    /// core).
    #[arg(long)]
    threads: Option<usize>,
    /// The Python that runs ort_bench.py (it needs `pip install onnxruntime`).
    #[arg(long, default_value = "python3")]
    python: String,
    /// Leave out the ONNX Runtime baseline.
    #[arg(long)]
    no_ort: bool,
    /// Leave out the tract baseline (when built with `--features tract`).
    #[arg(long)]
    no_tract: bool,
    /// After timing, one more run on each device timing every launch: the report then says
    /// which operator kernels the time goes to.
    #[arg(long)]
    profile: bool,
    /// Have Wasmtime write /tmp/perf-PID.map, so that `perf report` names the operator kernels
    /// the `cpu` and `sequential` devices run (their code is compiled at run time).
    #[arg(long)]
    perf_map: bool,
    /// Directory for results.md, results.csv and results.json.
    #[arg(long, default_value = "target/nn-bench")]
    out: PathBuf,
}

fn main() -> anyhow::Result<()> {
    // Before any thread starts and before any driver loads (see its docs).
    wasi_parallel_device::process_env::prepare();
    env_logger::init();
    let args = Args::parse();
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let scheme = Scheme {
        warmup: args.warmup,
        runs: args.runs.max(1),
        min_runs: args.min_runs.clamp(1, args.runs.max(1)),
        budget_s: args.budget,
    };
    let mut machine = Machine::this();
    let root = models_dir(args.models.as_deref())?;
    let fixtures = fixtures::load_all(&root, &args.model)?;
    if fixtures.is_empty() {
        bail!("no model fixtures in {}", root.display());
    }

    if std::env::var_os("XDG_RUNTIME_DIR").is_none() {
        // SAFETY: set before any other thread exists (wgpu's Vulkan loader reads it).
        unsafe { std::env::set_var("XDG_RUNTIME_DIR", std::env::temp_dir()) };
    }
    let mut config = wasmtime::Config::new();
    config.wasm_threads(true).shared_memory(true);
    if args.perf_map {
        config.profiler(wasmtime::ProfilingStrategy::PerfMap);
    }
    let engine = wasmtime::Engine::new(&config)?;
    let limit = (args.kernel_timeout > 0.0)
        .then(|| std::time::Duration::try_from_secs_f64(args.kernel_timeout))
        .transpose()
        .with_context(|| format!("--kernel-timeout {}", args.kernel_timeout))?;
    let found = wasi_parallel_device::discover(&wasi_parallel_device::DiscoveryOptions {
        engine,
        cpu_threads: Some(threads),
        kernel_timeout: limit,
        compile_timeout: Some(wasi_parallel_device::DEFAULT_COMPILE_TIMEOUT),
        // The operator kernels compile on the CPU devices' engine: the profiler goes there.
        kernel_config: Some(config),
        max_binding_size: None,
    })?;
    let runtime = NnRuntime::new(found.clone())?;
    let devices = selected_devices(&found, &args.devices)?;

    println!(
        "nn-bench: {} model(s), {threads} threads, devices: {}",
        fixtures.len(),
        devices
            .iter()
            .map(|&i| format!("{} ({})", found[i].info().name, found[i].info().description))
            .collect::<Vec<_>>()
            .join(", ")
    );

    // ONNX Runtime first, in its own process, while nothing else runs.
    let ort = if args.no_ort {
        Err("left out (--no-ort)".to_string())
    } else {
        eprintln!("onnxruntime: running ort_bench.py with {}", args.python);
        ort::run(&args.python, &fixtures, &scheme, threads).map_err(|e| format!("{e:#}"))
    };

    let cases: usize = fixtures.iter().map(|f| f.cases.len()).sum();
    let tract_on = tract::BUILT && !args.no_tract;
    let steps = cases * (devices.len() + usize::from(tract_on));
    let progress = ProgressBar::new(steps as u64).with_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {msg}")
            .expect("a valid template"),
    );
    let mut rows = Vec::new();
    for fixture in &fixtures {
        for case in &fixture.cases {
            // Without ONNX Runtime at all the report's header says why; no rows.
            if let Ok(run) = &ort {
                rows.push(ort_row(fixture, case, run));
            }
            let mut row = base_row(fixture, case, TRACT, BASELINE);
            if tract_on {
                progress.set_message(format!("{} #{} on tract", fixture.name, case.index));
                match tract::measure(fixture, case, &scheme, threads) {
                    Ok((load_ms, timing, worst)) => {
                        row.load_ms = Some(load_ms);
                        row.timing = Ok(timing);
                        row.worst = Some(worst).filter(|w| w.is_finite());
                    }
                    Err(e) => row.timing = Err(e),
                }
                progress.inc(1);
                rows.push(row);
            }
        }
        let started = Instant::now();
        let bytes = std::fs::read(&fixture.model_path)
            .with_context(|| fixture.model_path.display().to_string())?;
        let model = Model::parse(&bytes).map(Arc::new);
        let parse_ms = measure::ms(started.elapsed());
        for &index in &devices {
            let device = &found[index];
            let info = device.info();
            let model = match &model {
                Ok(m) => m.clone(),
                Err(e) => {
                    for case in &fixture.cases {
                        let mut row = device_row(fixture, case, &**device);
                        row.timing = Err(format!("parsing the model: {e}"));
                        rows.push(row);
                        progress.inc(1);
                    }
                    continue;
                }
            };
            let started = Instant::now();
            let prepared = runtime.prepare(model.clone(), index);
            let prepare_ms = measure::ms(started.elapsed());
            let names: Vec<String> = model.inputs.iter().map(|v| v.name.clone()).collect();
            for (k, case) in fixture.cases.iter().enumerate() {
                progress.set_message(format!("{} #{} on {}", fixture.name, case.index, info.name));
                let mut row = device_row(fixture, case, &**device);
                if k == 0 {
                    row.load_ms = Some(parse_ms + prepare_ms);
                }
                let measured = prepared
                    .as_ref()
                    .map_err(|e| anyhow::anyhow!("preparing: {e}"))
                    .and_then(|p| {
                        let inputs = fixture.inputs_in_order(case, &names)?;
                        let measured = measure::measure(&scheme, || p.run(&inputs))?;
                        let profile = if args.profile {
                            Some(profile(p, &inputs)?)
                        } else {
                            None
                        };
                        Ok((measured, profile))
                    });
                match measured {
                    Ok(((timing, first, last), profile)) => {
                        row.profile = profile;
                        let check = fixture
                            .worst(case, &first)
                            .and_then(|a| Ok(a.max(fixture.worst(case, &last)?)));
                        match check {
                            Ok(w) => row.worst = Some(w).filter(|w| w.is_finite()),
                            Err(e) => row.check_error = Some(format!("{e:#}")),
                        }
                        row.timing = Ok(timing);
                    }
                    Err(e) => row.timing = Err(format!("{e:#}")),
                }
                rows.push(row);
                progress.inc(1);
            }
        }
    }
    progress.finish_and_clear();

    machine.load.1 = report::load_average();
    let results = Results {
        date: report::today(),
        machine,
        threads,
        scheme,
        devices: devices
            .iter()
            .map(|&i| {
                let info = found[i].info();
                DeviceEntry {
                    name: info.name.clone(),
                    kind: kind_name(info.kind).to_string(),
                    description: info.description.clone(),
                    compute_units: info.compute_units,
                }
            })
            .collect(),
        ort: ort
            .as_ref()
            .map(|o| o.version.clone())
            .map_err(Clone::clone),
        tract: if !tract::BUILT {
            Err("not built (--features tract)".into())
        } else if args.no_tract {
            Err("left out (--no-tract)".into())
        } else {
            Ok(tract::VERSION.into())
        },
        source: report::source(),
        command: std::env::args().collect::<Vec<_>>().join(" "),
        rows,
    };
    let markdown = results.markdown();
    println!("{markdown}");
    results.write(&args.out, &markdown)?;
    println!(
        "Wrote results.md, results.csv and results.json to {}",
        args.out.display()
    );
    // The report is written first; then a device that failed a model fails the run (a
    // baseline's failure is in the report only).
    let failed: Vec<String> = results
        .rows
        .iter()
        .filter(|r| r.kind != BASELINE && !r.passed())
        .map(|r| format!("{} #{} on {}", r.model, r.case, r.runtime))
        .collect();
    if !failed.is_empty() {
        bail!("failed or wrong outputs: {}", failed.join(", "));
    }
    Ok(())
}

/// `--models`, or `../shared/models` from the current directory, or the fixtures the tests use
/// (`wasi_parallel_nn::fixtures`: `$WASI_PARALLEL_MODELS` or `../shared/models` beside the
/// repository).
fn models_dir(given: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(dir) = given {
        return Ok(dir.to_path_buf());
    }
    let here = PathBuf::from("../shared/models");
    if here.is_dir() {
        return Ok(here);
    }
    wasi_parallel_nn::fixtures::models()
        .with_context(|| "no ../shared/models here; name the fixtures with --models DIR")
}

/// The indices of the devices named on the command line, or of every device found.
fn selected_devices(found: &[Arc<dyn Device>], names: &[String]) -> anyhow::Result<Vec<usize>> {
    if names.is_empty() {
        return Ok((0..found.len()).collect());
    }
    let mut selected = Vec::new();
    for name in names {
        let matches: Vec<usize> = (0..found.len())
            .filter(|&i| {
                let info = found[i].info();
                info.name == *name || info.backend == name || (name == "gpu" && info.kind.is_gpu())
            })
            .collect();
        if matches.is_empty() {
            let known: Vec<_> = found.iter().map(|d| d.info().name.clone()).collect();
            bail!("no device `{name}`; the devices are {}", known.join(", "));
        }
        for i in matches {
            if !selected.contains(&i) {
                selected.push(i);
            }
        }
    }
    Ok(selected)
}

/// One run timing every launch, summed per operator kernel, most time first.
fn profile(prepared: &Prepared, inputs: &[Tensor]) -> anyhow::Result<Profile> {
    let started = Instant::now();
    let (_, launches) = prepared.profile(inputs)?;
    let wall_ms = measure::ms(started.elapsed());
    let mut kernels: Vec<KernelTime> = Vec::new();
    for launch in &launches {
        let ms = measure::ms(launch.time);
        // Native runs apart from portable ones, which the same kernel may have in one plan.
        let name = if launch.native {
            format!("{}*", launch.kernel)
        } else {
            launch.kernel.to_string()
        };
        match kernels.iter_mut().find(|k| k.kernel == name) {
            Some(k) => {
                k.launches += 1;
                k.ms += ms;
            }
            None => kernels.push(KernelTime {
                kernel: name,
                launches: 1,
                ms,
            }),
        }
    }
    kernels.sort_by(|a, b| b.ms.total_cmp(&a.ms));
    Ok(Profile {
        wall_ms,
        launches: launches.len(),
        kernels,
    })
}

fn base_row(fixture: &Fixture, case: &fixtures::Case, runtime: &str, kind: &str) -> Row {
    Row {
        model: fixture.name.clone(),
        case: case.index,
        input: case.input_shapes(),
        runtime: runtime.to_string(),
        kind: kind.to_string(),
        load_ms: None,
        timing: Err("not run".into()),
        worst: None,
        check_error: None,
        profile: None,
    }
}

fn device_row(fixture: &Fixture, case: &fixtures::Case, device: &dyn Device) -> Row {
    let info = device.info();
    base_row(fixture, case, &info.name, kind_name(info.kind))
}

/// The ONNX Runtime row of a case, from the script's results.
fn ort_row(fixture: &Fixture, case: &fixtures::Case, run: &ort::OrtRun) -> Row {
    let mut row = base_row(fixture, case, ORT, BASELINE);
    let key = ort::key(&fixture.name, case.index);
    match run.results.iter().find(|r| r.key == key) {
        None => row.timing = Err("no result from ort_bench.py".into()),
        Some(r) => {
            row.load_ms = Some(r.load_ms);
            match &r.outcome {
                Ok((timing, worst)) => {
                    row.timing = Ok::<Timing, String>(timing.clone());
                    row.worst = *worst;
                }
                Err(e) => row.timing = Err(e.clone()),
            }
        }
    }
    row
}
