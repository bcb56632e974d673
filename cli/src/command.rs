//! Running a WASI preview 1 command with wasi-parallel: what `wasi-parallel run` does, as a
//! library, so that benchmarks and embedders run guests exactly as the CLI does.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;
use wasmtime::{Engine, Instance, Linker, Module, Store};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{FsPerms, I32Exit, WasiCtxBuilder};

use wasi_parallel_nn::wasi_nn::{self, NnHost, WasiNnCtx};

use wasi_parallel_runtime::{add_to_linker, GuestModule, WasiParallelCtx, WasiParallelHost};

/// The most guest stdout kept when it is captured.
const CAPTURE_LIMIT: usize = 16 << 20;

/// How to run a command guest.
#[derive(Clone, Debug, Default)]
pub struct CommandOptions {
    /// `argv[0]` and the rest of the arguments.
    pub args: Vec<String>,
    /// Environment variables.
    pub envs: Vec<(String, String)>,
    /// Preopened directories: (host path, guest path).
    pub dirs: Vec<(PathBuf, String)>,
    /// Keep the guest's stdout (see [`CommandState::stdout`]) instead of inheriting it.
    pub capture_stdout: bool,
    /// wasi-nn: the host, and the preloaded models this guest may load by name (all of them for
    /// `None`). Without it the guest gets no `wasi_ephemeral_nn` imports.
    pub nn: Option<(Arc<NnHost>, Option<Vec<String>>)>,
}

/// Store data of a command guest.
pub struct CommandState {
    wasi: WasiP1Ctx,
    parallel: WasiParallelCtx,
    nn: Option<WasiNnCtx>,
    stdout: Option<MemoryOutputPipe>,
}

impl std::fmt::Debug for CommandState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CommandState")
            .field("parallel", &self.parallel)
            .finish_non_exhaustive()
    }
}

impl CommandState {
    /// What the guest printed, when [`CommandOptions::capture_stdout`] was set.
    pub fn stdout(&self) -> Option<Vec<u8>> {
        self.stdout.as_ref().map(|p| p.contents().to_vec())
    }
}

/// Instantiates `wasm` with WASI preview 1 and wasi-parallel.
pub fn instantiate(
    engine: &Engine,
    ctx: &WasiParallelHost,
    wasm: &[u8],
    options: &CommandOptions,
) -> anyhow::Result<(Store<CommandState>, Instance)> {
    let guest = GuestModule::new(wasm)?;
    let module = Module::new(engine, guest.bytes())?;
    let mut wasi = WasiCtxBuilder::new();
    wasi.inherit_stdio().args(&options.args);
    let stdout = options
        .capture_stdout
        .then(|| MemoryOutputPipe::new(CAPTURE_LIMIT));
    if let Some(pipe) = &stdout {
        wasi.stdout(pipe.clone());
    }
    for (k, v) in &options.envs {
        wasi.env(k, v);
    }
    for (host, guest_path) in &options.dirs {
        wasi.preopened_dir(host, guest_path, FsPerms::ReadWrite)
            .map_err(anyhow::Error::from)
            .with_context(|| format!("cannot open {} for the guest", host.display()))?;
    }
    let mut linker: Linker<CommandState> = Linker::new(engine);
    wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |s: &mut CommandState| &mut s.wasi)?;
    add_to_linker(&mut linker, |s: &mut CommandState| &mut s.parallel)?;
    let nn = match &options.nn {
        Some((host, visible)) => {
            wasi_nn::add_to_linker(&mut linker, |s: &mut CommandState| {
                s.nn.as_mut()
                    .expect("wasi-nn state exists when its imports are linked")
            })?;
            Some(host.instance(visible.as_deref())?)
        }
        None => None,
    };
    let state = CommandState {
        wasi: wasi.build_p1(),
        parallel: WasiParallelCtx::new(ctx, guest),
        nn,
        stdout,
    };
    let mut store = Store::new(engine, state);
    // With kernel time limits the engine interrupts by epoch; the guest itself has no limit.
    store.set_epoch_deadline(u64::MAX / 2);
    let instance = linker.instantiate(&mut store, &module)?;
    Ok((store, instance))
}

/// Runs a command's `_start` and returns its exit code, with the store for its captured output.
pub fn run(
    engine: &Engine,
    ctx: &WasiParallelHost,
    wasm: &[u8],
    options: &CommandOptions,
) -> anyhow::Result<(i32, Store<CommandState>)> {
    let (mut store, instance) = instantiate(engine, ctx, wasm, options)?;
    let start = instance
        .get_typed_func::<(), ()>(&mut store, "_start")
        .map_err(anyhow::Error::from)
        .context("the module is no WASI command: it exports no `_start`")?;
    let code = match start.call(&mut store, ()) {
        Ok(()) => 0,
        Err(e) => match e.downcast_ref::<I32Exit>() {
            Some(exit) => exit.0,
            None => return Err(anyhow::Error::from(e).context("the guest trapped")),
        },
    };
    Ok((code, store))
}
