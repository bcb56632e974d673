//! The `wasi_ephemeral_nn` imports (the WITX interface the `wasi-nn` crate uses) over the backend
//! traits, and the per-store state they work on ([`WasiNnCtx`]). Guest pointers are checked
//! against guest memory here, and failures become the errnos the module docs list.

use std::sync::{Arc, Mutex};

use wasmtime::{Caller, Extern, Linker};
use wasmtime_wasi_nn::backend::Id;
use wasmtime_wasi_nn::wit::{ExecutionTarget, GraphEncoding, TensorType};
use wasmtime_wasi_nn::{ExecutionContext, Graph, GraphRegistry};

use crate::quota::ByteQuota;

use super::{ErrorKind, NnFailure, NnHost, ScopedRegistry};

/// One instance's wasi-nn state: the models it may load by name, and its graphs and execution
/// contexts. Everything is freed with the instance's store.
pub struct WasiNnCtx {
    pub(super) host: Arc<NnHost>,
    pub(super) registry: ScopedRegistry,
    pub(super) graphs: Vec<Graph>,
    pub(super) contexts: Vec<ExecutionContext>,
    /// What the models it loads and its contexts' tensors count against.
    pub(super) quota: Arc<ByteQuota>,
}

impl WasiNnCtx {
    /// Sets the most bytes this instance's models (those it loads from bytes, with their plans
    /// and constants) and execution contexts' tensors may hold; it starts at
    /// [`super::NnHost::set_instance_bytes_limit`]'s value.
    pub fn set_bytes_limit(&self, bytes: u64) {
        self.quota.set_limit(bytes);
    }

    /// The bytes counted against this instance's quota now.
    pub fn bytes_in_use(&self) -> u64 {
        self.quota.used()
    }
}

impl std::fmt::Debug for WasiNnCtx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WasiNnCtx")
            .field("names", &self.registry)
            .field("graphs", &self.graphs.len())
            .field("contexts", &self.contexts.len())
            .field("bytes", &self.quota.used())
            .finish()
    }
}

/// A view of guest memory for the length of one call.
enum Mem<'a> {
    Plain(&'a mut [u8]),
    /// Other guest threads may access a shared memory concurrently, as they may during any
    /// host call that reads or writes it.
    Shared(&'a [std::cell::UnsafeCell<u8>]),
}

fn range(ptr: u32, len: u64, size: usize) -> Result<std::ops::Range<usize>, NnFailure> {
    let start = ptr as u64;
    let end = start
        .checked_add(len)
        .filter(|&e| e <= size as u64)
        .ok_or_else(|| {
            NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("guest range {start:#x}+{len} is outside its memory ({size} bytes)"),
            )
        })?;
    Ok(start as usize..end as usize)
}

impl Mem<'_> {
    fn read(&self, ptr: u32, len: u64) -> Result<Vec<u8>, NnFailure> {
        match self {
            Mem::Plain(data) => Ok(data[range(ptr, len, data.len())?].to_vec()),
            Mem::Shared(data) => {
                let r = range(ptr, len, data.len())?;
                // SAFETY: the cells are guest memory, valid for the call; see the type's docs.
                Ok(data[r].iter().map(|c| unsafe { *c.get() }).collect())
            }
        }
    }

    fn write(&mut self, ptr: u32, bytes: &[u8]) -> Result<(), NnFailure> {
        match self {
            Mem::Plain(data) => {
                let r = range(ptr, bytes.len() as u64, data.len())?;
                data[r].copy_from_slice(bytes);
            }
            Mem::Shared(data) => {
                let r = range(ptr, bytes.len() as u64, data.len())?;
                for (c, &b) in data[r].iter().zip(bytes) {
                    // SAFETY: as in `read`.
                    unsafe { *c.get() = b };
                }
            }
        }
        Ok(())
    }
}

/// Runs `f` with the instance's state and its exported memory.
fn with_memory<T>(
    caller: &mut Caller<'_, T>,
    get: impl Fn(&mut T) -> &mut WasiNnCtx,
    f: impl FnOnce(&mut WasiNnCtx, &mut Mem<'_>) -> Result<(), NnFailure>,
) -> Result<(), NnFailure> {
    match caller.get_export("memory") {
        Some(Extern::Memory(m)) => {
            let (data, state) = m.data_and_store_mut(caller);
            f(get(state), &mut Mem::Plain(data))
        }
        Some(Extern::SharedMemory(m)) => f(get(caller.data_mut()), &mut Mem::Shared(m.data())),
        _ => Err(NnFailure::new(
            ErrorKind::MissingMemory,
            "the guest exports no memory `memory`",
        )),
    }
}

fn encoding_of(v: u32) -> Result<GraphEncoding, NnFailure> {
    Ok(match v {
        0 => GraphEncoding::Openvino,
        1 => GraphEncoding::Onnx,
        2 => GraphEncoding::Tensorflow,
        3 => GraphEncoding::Pytorch,
        4 => GraphEncoding::Tensorflowlite,
        5 => GraphEncoding::Autodetect,
        6 => GraphEncoding::Ggml,
        _ => {
            return Err(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("unknown graph encoding {v}"),
            ))
        }
    })
}

fn target_of(v: u32) -> Result<ExecutionTarget, NnFailure> {
    Ok(match v {
        0 => ExecutionTarget::Cpu,
        1 => ExecutionTarget::Gpu,
        2 => ExecutionTarget::Tpu,
        _ => {
            return Err(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("unknown execution target {v}"),
            ))
        }
    })
}

fn tensor_type_of(v: u8) -> Result<TensorType, NnFailure> {
    Ok(match v {
        0 => TensorType::Fp16,
        1 => TensorType::Fp32,
        2 => TensorType::Fp64,
        3 => TensorType::U8,
        4 => TensorType::I32,
        5 => TensorType::I64,
        _ => {
            return Err(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("unknown tensor type {v}"),
            ))
        }
    })
}

/// The most builders one `load` takes, and the most dimensions a tensor has.
const MAX_BUILDERS: u32 = 16;
const MAX_RANK: u32 = 16;
/// The most graph handles and execution contexts one instance may hold: handles are never
/// freed in this interface, so a guest that loads or initialises in a loop stops here
/// (`too_large`) instead of growing the host's memory. What graphs and contexts hold is bounded
/// by the instance's byte quota ([`super::NnHost::set_instance_bytes_limit`]) and the host's
/// ([`crate::NnRuntime::set_bytes_limit`]).
pub const MAX_GRAPHS: usize = 256;
pub const MAX_CONTEXTS: usize = 1024;

/// Fails if the instance already holds `limit` `what`s.
fn below(held: usize, limit: usize, what: &str) -> Result<(), NnFailure> {
    if held >= limit {
        return Err(NnFailure::new(
            ErrorKind::TooLarge,
            format!("the instance already holds {held} {what}, the most it may"),
        ));
    }
    Ok(())
}

impl WasiNnCtx {
    fn load(&mut self, mem: &mut Mem<'_>, args: [u32; 5]) -> Result<(), NnFailure> {
        let [ptr, count, encoding, target, out] = args;
        let encoding = encoding_of(encoding)?;
        let target = target_of(target)?;
        below(self.graphs.len(), MAX_GRAPHS, "graphs")?;
        if count > MAX_BUILDERS {
            return Err(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("{count} graph builders"),
            ));
        }
        let list = mem.read(ptr, count as u64 * 8)?;
        let builders = list
            .chunks_exact(8)
            .map(|e| {
                let p = u32::from_le_bytes([e[0], e[1], e[2], e[3]]);
                let l = u32::from_le_bytes([e[4], e[5], e[6], e[7]]);
                mem.read(p, l as u64)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let slices: Vec<&[u8]> = builders.iter().map(Vec::as_slice).collect();
        let (graph, _) = self
            .host
            .load_graph(&slices, encoding, target, Some(&self.quota))?;
        let handle = self.graphs.len() as u32;
        mem.write(out, &handle.to_le_bytes())?;
        self.graphs.push(graph);
        Ok(())
    }

    fn load_by_name(&mut self, mem: &mut Mem<'_>, args: [u32; 3]) -> Result<(), NnFailure> {
        let [ptr, len, out] = args;
        below(self.graphs.len(), MAX_GRAPHS, "graphs")?;
        let bytes = mem.read(ptr, len as u64)?;
        let name = String::from_utf8(bytes).map_err(|_| {
            NnFailure::new(ErrorKind::InvalidArgument, "the model name is not UTF-8")
        })?;
        let graph = self.registry.get(&name).cloned().ok_or_else(|| {
            NnFailure::new(
                ErrorKind::NotFound,
                format!("no model named `{name}` for this instance"),
            )
        })?;
        log::debug!(target: "wasi_nn", "load_by_name `{name}`: the preloaded graph, shared");
        let handle = self.graphs.len() as u32;
        mem.write(out, &handle.to_le_bytes())?;
        self.graphs.push(graph);
        Ok(())
    }

    fn init(&mut self, mem: &mut Mem<'_>, args: [u32; 2]) -> Result<(), NnFailure> {
        let [graph, out] = args;
        below(self.contexts.len(), MAX_CONTEXTS, "execution contexts")?;
        let graph = self.graphs.get(graph as usize).ok_or_else(|| {
            NnFailure::new(ErrorKind::InvalidArgument, format!("no graph {graph}"))
        })?;
        let context = graph.init_execution_context().map_err(NnFailure::from)?;
        let handle = self.contexts.len() as u32;
        mem.write(out, &handle.to_le_bytes())?;
        self.contexts.push(context);
        Ok(())
    }

    fn context(&mut self, handle: u32) -> Result<&mut ExecutionContext, NnFailure> {
        self.contexts.get_mut(handle as usize).ok_or_else(|| {
            NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("no execution context {handle}"),
            )
        })
    }

    fn set_input(&mut self, mem: &mut Mem<'_>, args: [u32; 3]) -> Result<(), NnFailure> {
        let [context, index, tensor] = args;
        // struct tensor { dimensions: (ptr, len) u32s, type: u8, data: (ptr, len) bytes }
        let header = mem.read(tensor, 20)?;
        let word =
            |k: usize| u32::from_le_bytes([header[k], header[k + 1], header[k + 2], header[k + 3]]);
        let (dims_ptr, rank, ty, data_ptr, data_len) =
            (word(0), word(4), header[8], word(12), word(16));
        if rank > MAX_RANK {
            return Err(NnFailure::new(
                ErrorKind::InvalidArgument,
                format!("a tensor of rank {rank}"),
            ));
        }
        let dims = mem
            .read(dims_ptr, rank as u64 * 4)?
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let ty = tensor_type_of(ty)?;
        let data = mem.read(data_ptr, data_len as u64)?;
        let tensor = wasmtime_wasi_nn::Tensor::new(dims, ty, data);
        self.context(context)?
            .set_input(Id::Index(index), &tensor)
            .map_err(NnFailure::from)
    }

    fn compute(&mut self, context: u32) -> Result<(), NnFailure> {
        self.context(context)?.compute().map_err(NnFailure::from)
    }

    fn get_output(&mut self, mem: &mut Mem<'_>, args: [u32; 5]) -> Result<(), NnFailure> {
        let [context, index, ptr, max, written] = args;
        let tensor = self
            .context(context)?
            .get_output(Id::Index(index))
            .map_err(NnFailure::from)?;
        if tensor.data.len() > max as usize {
            return Err(NnFailure::new(
                ErrorKind::TooLarge,
                format!(
                    "output {index} has {} bytes; the guest's buffer holds {max}",
                    tensor.data.len()
                ),
            ));
        }
        mem.write(ptr, &tensor.data)?;
        mem.write(written, &(tensor.data.len() as u32).to_le_bytes())?;
        Ok(())
    }
}

/// Whether a model's load failure (by its message, which names the model's problem) is new to
/// this process. At most [`WARNED_LOADS`] are remembered, so that a guest loading ever new bad
/// models cannot grow the host's memory; past that, failures are logged at debug level only.
fn first_load_failure(message: &str) -> bool {
    static SEEN: Mutex<Vec<u64>> = Mutex::new(Vec::new());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    std::hash::Hash::hash(message, &mut hasher);
    let key = std::hash::Hasher::finish(&hasher);
    let mut seen = SEEN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if seen.contains(&key) || seen.len() >= WARNED_LOADS {
        return false;
    }
    seen.push(key);
    true
}

/// How many distinct load failures are logged at warn level.
const WARNED_LOADS: usize = 64;

/// Adds the `wasi_ephemeral_nn` imports (the WITX interface) to `linker`.
pub fn add_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    get: impl Fn(&mut T) -> &mut WasiNnCtx + Send + Sync + Copy + 'static,
) -> anyhow::Result<()> {
    const MODULE: &str = "wasi_ephemeral_nn";
    fn finish(name: &str, result: Result<(), NnFailure>) -> i32 {
        match result {
            Ok(()) => 0,
            Err(f) => {
                // The errno is all a WITX guest learns: why a model does not load (a missing
                // operator, say) is worth a warning, once per model.
                if name == "load" && first_load_failure(&f.message) {
                    log::warn!(target: "wasi_nn", "load: {:?}: {}", f.kind, f.message);
                } else {
                    log::debug!(target: "wasi_nn", "{name}: {:?}: {}", f.kind, f.message);
                }
                f.kind.errno()
            }
        }
    }
    let u = |v: i32| v as u32;
    linker.func_wrap(
        MODULE,
        "load",
        move |mut caller: Caller<'_, T>, a: i32, b: i32, c: i32, d: i32, e: i32| {
            let r = with_memory(&mut caller, get, |nn, mem| {
                nn.load(mem, [u(a), u(b), u(c), u(d), u(e)])
            });
            finish("load", r)
        },
    )?;
    linker.func_wrap(
        MODULE,
        "load_by_name",
        move |mut caller: Caller<'_, T>, a: i32, b: i32, c: i32| {
            let r = with_memory(&mut caller, get, |nn, mem| {
                nn.load_by_name(mem, [u(a), u(b), u(c)])
            });
            finish("load_by_name", r)
        },
    )?;
    linker.func_wrap(
        MODULE,
        "init_execution_context",
        move |mut caller: Caller<'_, T>, a: i32, b: i32| {
            let r = with_memory(&mut caller, get, |nn, mem| nn.init(mem, [u(a), u(b)]));
            finish("init_execution_context", r)
        },
    )?;
    linker.func_wrap(
        MODULE,
        "set_input",
        move |mut caller: Caller<'_, T>, a: i32, b: i32, c: i32| {
            let r = with_memory(&mut caller, get, |nn, mem| {
                nn.set_input(mem, [u(a), u(b), u(c)])
            });
            finish("set_input", r)
        },
    )?;
    linker.func_wrap(
        MODULE,
        "compute",
        move |mut caller: Caller<'_, T>, a: i32| {
            finish("compute", get(caller.data_mut()).compute(u(a)))
        },
    )?;
    linker.func_wrap(
        MODULE,
        "get_output",
        move |mut caller: Caller<'_, T>, a: i32, b: i32, c: i32, d: i32, e: i32| {
            let r = with_memory(&mut caller, get, |nn, mem| {
                nn.get_output(mem, [u(a), u(b), u(c), u(d), u(e)])
            });
            finish("get_output", r)
        },
    )?;
    Ok(())
}
