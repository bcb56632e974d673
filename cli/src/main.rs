//! `wasi-parallel`: run Wasm guests with wasi-parallel, list devices.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context as _};
use clap::{Parser, Subcommand};
use wasi_parallel_cli::command::{self, CommandOptions};
use wasi_parallel_runtime::device::DeviceKind;
use wasi_parallel_runtime::{DevicePreference, Quotas, WasiParallelHost, WasiParallelHostBuilder};
use wasmtime::{Engine, Val};
use wasmtime_wasi::I32Exit;

#[derive(Parser)]
#[command(
    name = "wasi-parallel",
    version,
    about = "Run WebAssembly guests with wasi-parallel"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a WASI (preview 1) module with the wasi_ephemeral_parallel imports.
    Run(RunArgs),
    /// Print what the translator makes of a kernel, for debugging kernels on GPUs.
    Translate {
        /// The module holding the kernel (binary or text).
        module: PathBuf,
        /// The kernel: a function pointer (table 0 index) or the name of an exported function.
        #[arg(long)]
        kernel: String,
        /// What to print: `wgsl`, `opencl` (OpenCL C, as OpenCL devices build it), `naga` (the
        /// IR, as Rust debug output) or `spv` (binary SPIR-V, to the file given with `-o`).
        #[arg(long, default_value = "wgsl")]
        emit: String,
        /// Translate for a device without 64-bit floats.
        #[arg(long, conflicts_with = "device")]
        no_f64: bool,
        /// Translate as this device (a name from `wasi-parallel devices`) does, with its options:
        /// the output is what it runs (for `spv`, the very words a Vulkan device hands its
        /// driver). Without it, a device with every feature and no loop limit.
        #[arg(long)]
        device: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// List the devices found and their capabilities.
    Devices {
        /// Workers of the `cpu` device (default: one per core).
        #[arg(long)]
        threads: Option<usize>,
    },
}

#[derive(clap::Args)]
struct RunArgs {
    /// Which device guests get: `auto` follows their hint; a kind (`sequential`, `cpu`,
    /// `discrete-gpu`, `integrated-gpu`), `gpu` (the best GPU), a backend (`wgpu`, `opencl`) or
    /// a device name from `wasi-parallel devices` overrides it.
    #[arg(long, default_value = "auto")]
    device: String,
    /// Workers of the `cpu` device (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// Never fall back to another device than the one asked for.
    #[arg(long)]
    strict: bool,
    /// Keep the devices' default CPU chunking and GPU workgroup size instead of tuning them on
    /// the guest's launches.
    #[arg(long)]
    no_tuning: bool,
    /// Stop any kernel launch that runs longer than this many seconds (errno KERNEL_TRAPPED;
    /// on a GPU still running it, later calls wait for it and are DEVICE_ERROR while it runs);
    /// 0 for no limit.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    kernel_timeout: f64,
    /// Give up compiling a kernel for a GPU after this many seconds (the kernel then runs on
    /// the CPU); 0 for no limit.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    compile_timeout: f64,
    /// The most bytes of buffers the guest may hold at once, on all devices together
    /// (`create_buffer` is OUT_OF_MEMORY past it; default 4 GiB).
    #[arg(long, value_name = "BYTES")]
    max_buffer_bytes: Option<u64>,
    /// The most buffers the guest may hold at once (default 65,536).
    #[arg(long, value_name = "COUNT")]
    max_buffers: Option<u32>,
    /// The most bytes wasi-nn's models, plans and tensors may hold together (`too_large` past
    /// it): the guest's own and the preloaded models' (default 4 GiB for what the guest loads
    /// and sets, 16 GiB with the preloaded models).
    #[arg(long, value_name = "BYTES")]
    max_nn_bytes: Option<u64>,
    /// Preopen a host directory: `HOST` or `HOST::GUEST`.
    #[arg(long = "dir", value_name = "HOST[::GUEST]")]
    dirs: Vec<String>,
    /// Set an environment variable for the guest: `K=V`.
    #[arg(long = "env", value_name = "K=V")]
    envs: Vec<String>,
    /// Preload a wasi-nn model for `load_by_name`, as Wasmtime spells it: `ENCODING::DIR`, the
    /// model `DIR/model.onnx`, named after the directory.
    #[arg(long = "wasi-nn-graph", value_name = "ENCODING::DIR")]
    nn_graphs: Vec<String>,
    /// Preload a wasi-nn model for `load_by_name`, as WasmEdge spells it:
    /// `NAME:ENCODING:TARGET:PATH` (TARGET `cpu` or `gpu`; PATH a model file or a directory with
    /// `model.onnx`).
    #[arg(long = "nn-preload", value_name = "NAME:ENCODING:TARGET:PATH")]
    nn_preloads: Vec<String>,
    /// Call this export instead of `_start`.
    #[arg(long)]
    invoke: Option<String>,
    /// The module to run (binary or text).
    module: PathBuf,
    /// Arguments for the guest (or for `--invoke`'s function, parsed as numbers).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

fn main() -> ExitCode {
    // Before any thread starts and before any driver loads (see its docs).
    wasi_parallel_device::process_env::prepare();
    env_logger::Builder::from_env(
        env_logger::Env::default().default_filter_or("warn,walrus=error"),
    )
    .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => run(args),
        Command::Devices { threads } => devices(threads).map(|()| ExitCode::SUCCESS),
        Command::Translate {
            module,
            kernel,
            emit,
            no_f64,
            device,
            output,
        } => translate(
            &module,
            &kernel,
            &emit,
            !no_f64,
            device.as_deref(),
            output.as_deref(),
        )
        .map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|e| {
        eprintln!("wasi-parallel: error: {e:#}");
        ExitCode::from(1)
    })
}

fn preference(device: &str) -> DevicePreference {
    match device {
        "auto" => DevicePreference::Auto,
        "sequential" => DevicePreference::Kind(DeviceKind::Sequential),
        "cpu" => DevicePreference::Kind(DeviceKind::Cpu),
        "discrete-gpu" => DevicePreference::Kind(DeviceKind::DiscreteGpu),
        "integrated-gpu" => DevicePreference::Kind(DeviceKind::IntegratedGpu),
        name => DevicePreference::Named(name.to_string()),
    }
}

fn context(
    device: &str,
    threads: Option<usize>,
    strict: bool,
) -> anyhow::Result<WasiParallelHostBuilder> {
    let mut builder = WasiParallelHost::builder()
        .device(preference(device))
        .strict(strict);
    if let Some(threads) = threads {
        if threads == 0 {
            bail!("--threads must be at least 1");
        }
        builder = builder.threads(threads);
    }
    Ok(builder)
}

/// A time limit flag: seconds, 0 for none.
fn seconds(flag: &str, value: f64) -> anyhow::Result<Option<std::time::Duration>> {
    if value == 0.0 {
        return Ok(None);
    }
    std::time::Duration::try_from_secs_f64(value)
        .map(Some)
        .ok()
        .with_context(|| format!("{flag} {value}: expected a number of seconds, 0 for no limit"))
}

fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    // Read now (the engine depends on the guest), reported after the device flags are checked.
    let bytes = std::fs::read(&args.module);
    let mut config = wasi_parallel_runtime::engine_config();
    let timeout = seconds("--kernel-timeout", args.kernel_timeout)?;
    let compile_timeout = seconds("--compile-timeout", args.compile_timeout)?;
    // Kernels in the devices' own spaces stop at the limit by themselves; those that run in a
    // guest's shared memory are compiled with the guest's engine and stopped by its epochs,
    // which cost every loop of the guest's own code too: only such guests pay for them.
    let zero_copy = bytes.as_ref().map_or(true, |bytes| {
        wasi_parallel_runtime::GuestModule::new(bytes).map_or(true, |g| g.has_shared_memory())
    });
    config.epoch_interruption(timeout.is_some() && zero_copy);
    let engine = Engine::new(&config)?;
    let mut ctx = context(&args.device, args.threads, args.strict)?.tuning(!args.no_tuning);
    if let Some(timeout) = timeout {
        ctx = ctx.kernel_timeout(timeout);
    }
    ctx = ctx.compile_timeout(compile_timeout);
    let mut quotas = Quotas::default();
    if let Some(bytes) = args.max_buffer_bytes {
        quotas.buffer_bytes_per_instance = bytes;
        quotas.buffer_bytes = quotas.buffer_bytes.max(bytes);
    }
    if let Some(count) = args.max_buffers {
        quotas.buffers_per_instance = count;
    }
    ctx = ctx.quotas(quotas);
    let ctx = ctx.build(&engine)?;
    let bytes = bytes.with_context(|| format!("cannot read {}", args.module.display()))?;
    let program = args
        .module
        .file_name()
        .map_or_else(|| "module".into(), |n| n.to_string_lossy().into_owned());
    let mut options = CommandOptions {
        args: vec![program],
        ..CommandOptions::default()
    };
    if args.invoke.is_none() {
        options.args.extend(args.args.iter().cloned());
    }
    for env in &args.envs {
        let (k, v) = env
            .split_once('=')
            .with_context(|| format!("--env {env}: expected K=V"))?;
        options.envs.push((k.into(), v.into()));
    }
    for dir in &args.dirs {
        let (host, guest_path) = dir.split_once("::").unwrap_or((dir, dir));
        options.dirs.push((host.into(), guest_path.into()));
    }
    options.nn = Some((nn_host(&ctx, &args)?, None));
    let Some(name) = &args.invoke else {
        let (code, _) = command::run(&engine, &ctx, &bytes, &options)
            .with_context(|| format!("{}", args.module.display()))?;
        // Exit codes outside 0..=255 are truncated as a POSIX shell would.
        return Ok(ExitCode::from(code as u8));
    };
    let (mut store, instance) = command::instantiate(&engine, &ctx, &bytes, &options)
        .with_context(|| format!("{}", args.module.display()))?;
    let params = args.args.as_slice();
    let func = instance
        .get_func(&mut store, name)
        .with_context(|| format!("the module exports no function `{name}`"))?;
    let ty = func.ty(&store);
    if ty.params().len() != params.len() {
        bail!(
            "`{name}` takes {} arguments; {} given",
            ty.params().len(),
            params.len()
        );
    }
    let params = ty
        .params()
        .zip(params)
        .map(|(ty, arg)| parse_val(&ty, arg))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut results = vec![Val::I32(0); ty.results().len()];
    match func.call(&mut store, &params, &mut results) {
        Ok(()) => {
            for r in results {
                println!("{}", show_val(&r));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => match e.downcast_ref::<I32Exit>() {
            Some(exit) => Ok(ExitCode::from(exit.0 as u8)),
            None => {
                Err(anyhow::Error::from(e).context(format!("{} trapped", args.module.display())))
            }
        },
    }
}

/// The wasi-nn host on the context's devices, with the command line's models preloaded.
fn nn_host(
    ctx: &WasiParallelHost,
    args: &RunArgs,
) -> anyhow::Result<std::sync::Arc<wasi_parallel_nn::wasi_nn::NnHost>> {
    use wasi_parallel_nn::{wasi_nn::NnHost, NnRuntime};
    let runtime = NnRuntime::new(ctx.devices().to_vec())?;
    if let Some(bytes) = args.max_nn_bytes {
        runtime.set_bytes_limit(bytes);
    }
    let host = NnHost::new(runtime, ctx.forced_device());
    if let Some(bytes) = args.max_nn_bytes {
        host.set_instance_bytes_limit(bytes);
    }
    for spec in &args.nn_graphs {
        host.preload_graph_flag(spec)
            .with_context(|| format!("--wasi-nn-graph {spec}"))?;
    }
    for spec in &args.nn_preloads {
        host.preload_flag(spec)
            .with_context(|| format!("--nn-preload {spec}"))?;
    }
    Ok(host)
}

fn translate(
    module: &std::path::Path,
    kernel: &str,
    emit: &str,
    f64: bool,
    device: Option<&str>,
    output: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use wasi_parallel_translator::back::spv;
    use wasi_parallel_translator::{KernelRef, Options};
    let bytes =
        std::fs::read(module).with_context(|| format!("cannot read {}", module.display()))?;
    let wasm = wat::parse_bytes(&bytes).with_context(|| format!("{}", module.display()))?;
    let kernel_ref = match kernel.parse::<u32>() {
        Ok(index) => KernelRef::TableIndex(index),
        Err(_) => KernelRef::Export(kernel),
    };
    // The options a device compiles with, from the same functions its kernels are made with.
    let (options, spv_options) = match device {
        None => (
            Options {
                f64,
                ..Options::default()
            },
            spv::Options::default(),
        ),
        Some(name) => {
            let engine = Engine::new(&wasi_parallel_runtime::engine_config())?;
            let host = context("auto", None, false)?.build(&engine)?;
            let device = host
                .devices()
                .iter()
                .find(|d| d.info().name == name)
                .with_context(|| {
                    let names: Vec<_> = host
                        .devices()
                        .iter()
                        .map(|d| d.info().name.clone())
                        .collect();
                    format!("no device `{name}`; the devices are {}", names.join(", "))
                })?;
            if device.info().kernel_input != wasi_parallel_runtime::device::KernelInput::Translated
            {
                bail!("{name} runs kernels as Wasm, not translated: there is nothing to print");
            }
            let spv_options = match device.spirv_options() {
                Some(options) => options,
                None if emit == "spv" => bail!("{name} does not run SPIR-V"),
                None => spv::Options::default(),
            };
            (
                wasi_parallel_runtime::device::translate_options(
                    device.info(),
                    &Default::default(),
                ),
                spv_options,
            )
        }
    };
    let t = wasi_parallel_translator::translate(&wasm, kernel_ref, &options)
        .with_context(|| format!("{}: kernel {kernel}", module.display()))?;
    let out: Vec<u8> = match emit {
        "wgsl" => naga::back::wgsl::write_string(
            &t.module,
            &t.info,
            naga::back::wgsl::WriterFlags::empty(),
        )?
        .into_bytes(),
        "naga" => format!("{:#?}\n", t.module).into_bytes(),
        "spv" => {
            if output.is_none() {
                bail!("--emit spv is binary: give a file with -o");
            }
            spv::to_bytes(&spv::write(&t.module, &t.info, &spv_options)?)
        }
        "opencl" => {
            let options = wasi_parallel_translator::back::opencl::Options { f64, i64: true };
            let program = t.to_opencl(&options)?;
            format!(
                "// Kernel `{}`, built with `{}`; arguments: {:?}\n{}",
                program.entry_point, program.build_options, program.args, program.source
            )
            .into_bytes()
        }
        other => bail!("--emit {other}: expected wgsl, opencl, naga or spv"),
    };
    match output {
        Some(path) => {
            std::fs::write(path, out).with_context(|| format!("cannot write {}", path.display()))?
        }
        None => {
            use std::io::Write as _;
            std::io::stdout().write_all(&out)?;
        }
    }
    Ok(())
}

fn parse_val(ty: &wasmtime::ValType, arg: &str) -> anyhow::Result<Val> {
    use wasmtime::ValType::*;
    let bad = || anyhow::anyhow!("cannot read `{arg}` as {ty}");
    Ok(match ty {
        I32 => Val::I32(arg.parse().map_err(|_| bad())?),
        I64 => Val::I64(arg.parse().map_err(|_| bad())?),
        F32 => Val::F32(arg.parse::<f32>().map_err(|_| bad())?.to_bits()),
        F64 => Val::F64(arg.parse::<f64>().map_err(|_| bad())?.to_bits()),
        _ => bail!("cannot pass a {ty} from the command line"),
    })
}

fn show_val(v: &Val) -> String {
    match v {
        Val::I32(x) => x.to_string(),
        Val::I64(x) => x.to_string(),
        Val::F32(x) => f32::from_bits(*x).to_string(),
        Val::F64(x) => f64::from_bits(*x).to_string(),
        other => format!("{other:?}"),
    }
}

fn devices(threads: Option<usize>) -> anyhow::Result<()> {
    let engine = Engine::new(&wasi_parallel_runtime::engine_config())?;
    let ctx = context("auto", threads, false)?.build(&engine)?;
    println!(
        "{:<12} {:<16} {:<12} {:>5} {:>10} {:>4} {:>4} {:>12}  description",
        "name", "kind", "backend", "units", "memory", "f64", "i64", "max buffer"
    );
    for device in ctx.devices() {
        let info = device.info();
        let gib = |b: u64| format!("{:.1} GiB", b as f64 / (1u64 << 30) as f64);
        let yes = |b: bool| if b { "yes" } else { "no" };
        println!(
            "{:<12} {:<16} {:<12} {:>5} {:>10} {:>4} {:>4} {:>12}  {}",
            info.name,
            info.kind.name(),
            info.backend,
            info.compute_units,
            gib(info.memory_bytes),
            yes(info.f64),
            yes(info.i64),
            gib(info.limits.max_buffer_size),
            info.description
        );
    }
    Ok(())
}
