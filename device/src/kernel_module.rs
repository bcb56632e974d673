//! Making kernel modules (see `wasi-parallel-device`'s crate docs) out of guest code.
//!
//! Two sources, one result:
//!
//! - [`extract_funcref`]: `parallel_for` names its kernel by a function pointer, an index into the
//!   guest's table 0. We resolve it through table 0's active element segments (the guest need not
//!   export its table), then cut the function out of the guest with walrus: every export is
//!   dropped, the kernel and the range driver are exported, walrus's GC removes whatever the kernel
//!   cannot reach, and the guest's memory becomes the imported shared memory of the device's space.
//!   The guest's data segments are dropped: the space starts with a copy of the guest's static data
//!   at the same addresses, so the kernel reads statics where the compiler put them.
//! - [`normalize_exec`]: `parallel_exec` hands over a whole kernel module that exports `kernel` and
//!   imports `"" "memory"`; we bring its memory import to the device's form and add the range
//!   driver.
//! - [`extract_export`]: a library of kernels (wasi-parallel-nn's operators) exports one function
//!   per kernel; we cut out the one named, as for a function pointer.
//!
//! Whatever the kernel can still reach of the guest's imports (typically WASI's `fd_write` in a
//! panic path) is replaced by a function that traps: a kernel may compute, not do I/O. Imported
//! globals and tables cannot be provided and make the kernel unsupported.

use walrus::ir::BinaryOp;
use walrus::{ExportItem, FunctionBuilder, FunctionId, ImportKind, Module, ModuleConfig, ValType};

use crate::{KERNEL_EXPORT, RANGE_EXPORT, STACK_POINTER_EXPORT};

/// Why a kernel module could not be made.
#[derive(Debug, thiserror::Error)]
pub enum KernelError {
    /// The bytes are not a valid Wasm module.
    #[error("invalid module: {0}")]
    InvalidModule(String),
    /// The function pointer names no function.
    #[error("function pointer {0} is not in table 0")]
    NoSuchFunction(u32),
    /// The kernel has the wrong type.
    #[error(
        "kernel `{name}` has type {ty}; a kernel takes (iteration_id, num_iterations, block_size) \
         and an (i32 pointer, i32 length) pair per buffer, all i32, and returns nothing"
    )]
    Signature {
        /// The kernel's name, or its pointer.
        name: String,
        /// Its type, as Wasm text.
        ty: String,
    },
    /// The module uses something a kernel cannot have.
    #[error("unsupported kernel: {0}")]
    Unsupported(String),
}

/// A kernel module ready for a device, and what it was made from.
#[derive(Debug)]
pub struct KernelModule {
    /// The kernel module's binary.
    pub wasm: Vec<u8>,
    /// How many buffers its launches pass.
    pub buffers: usize,
    /// Guest imports that were replaced by traps because the kernel can reach them.
    pub trapping_imports: Vec<String>,
}

fn parse(bytes: &[u8]) -> Result<Module, KernelError> {
    let mut config = ModuleConfig::new();
    config
        .generate_dwarf(false)
        .generate_producers_section(false);
    config
        .parse(bytes)
        .map_err(|e| KernelError::InvalidModule(format!("{e:#}")))
}

/// Resolves a table-0 index to a function with the translator's resolution
/// ([`wasi_parallel_translator::table0`]), so that every device agrees on what a function
/// pointer names.
fn table_function(bytes: &[u8], module: &Module, index: u32) -> Result<FunctionId, KernelError> {
    use wasi_parallel_translator::table0::{Table0, TableError};
    let function = Table0::parse(bytes)
        .and_then(|table| table.resolve(index))
        .map_err(|e| match e {
            TableError::NotInTable(index) => KernelError::NoSuchFunction(index),
            TableError::NonConstantOffset { .. } => KernelError::Unsupported(e.to_string()),
            TableError::Invalid(message) => KernelError::InvalidModule(message),
        })?;
    // walrus keeps functions in index order, imports first, as the module declares them.
    module
        .funcs
        .iter()
        .nth(function as usize)
        .map(|f| f.id())
        .ok_or(KernelError::NoSuchFunction(index))
}

/// Makes a kernel module from the function at `table_index` in the guest module `bytes`.
pub fn extract_funcref(bytes: &[u8], table_index: u32) -> Result<KernelModule, KernelError> {
    let mut module = parse(bytes)?;
    let kernel = table_function(bytes, &module, table_index)?;
    // Statics live in the space, put there by the runtime.
    drop_active_data(&mut module);
    finish(module, kernel, format!("function pointer {table_index}"))
}

/// Makes a kernel module from the function exported as `name` by `bytes`, a library of kernels.
pub fn extract_export(bytes: &[u8], name: &str) -> Result<KernelModule, KernelError> {
    let mut module = parse(bytes)?;
    let kernel = module.exports.get_func(name).map_err(|_| {
        KernelError::InvalidModule(format!("the module exports no function `{name}`"))
    })?;
    drop_active_data(&mut module);
    finish(module, kernel, name.to_string())
}

/// Drops every active data segment: the space holds the static data, put there by its owner.
fn drop_active_data(module: &mut Module) {
    let active: Vec<_> = module
        .data
        .iter()
        .filter(|d| !d.is_passive())
        .map(|d| d.id())
        .collect();
    for id in active {
        let memory = match module.data.get(id).kind {
            walrus::DataKind::Active { memory, .. } => memory,
            walrus::DataKind::Passive => continue,
        };
        module.memories.get_mut(memory).data_segments.remove(&id);
        module.data.delete(id);
    }
}

/// Makes a kernel module from a `parallel_exec` module, which exports `kernel`.
pub fn normalize_exec(bytes: &[u8]) -> Result<KernelModule, KernelError> {
    let module = parse(bytes)?;
    let kernel = module.exports.get_func(KERNEL_EXPORT).map_err(|_| {
        KernelError::InvalidModule(format!(
            "the kernel module exports no function `{KERNEL_EXPORT}`"
        ))
    })?;
    refuse_active_data(&module)?;
    finish(module, kernel, KERNEL_EXPORT.to_string())
}

/// Checks that a `parallel_exec` module `bytes` brings no data of its own: every device refuses
/// one that does, as [`normalize_exec`] does, including those that translate it.
pub fn check_exec(bytes: &[u8]) -> Result<(), KernelError> {
    refuse_active_data(&parse(bytes)?)
}

fn refuse_active_data(module: &Module) -> Result<(), KernelError> {
    if module.data.iter().any(|d| !d.is_passive()) {
        return Err(KernelError::Unsupported(
            "the kernel module has active data segments; kernels get their data through buffers"
                .into(),
        ));
    }
    Ok(())
}

fn type_text(module: &Module, f: FunctionId) -> String {
    let ty = module.types.get(module.funcs.get(f).ty());
    let list = |types: &[ValType]| {
        types
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "(func (param {}) (result {}))",
        list(ty.params()),
        list(ty.results())
    )
}

/// The common part: exports, memory, imports, range driver.
fn finish(
    mut module: Module,
    kernel: FunctionId,
    name: String,
) -> Result<KernelModule, KernelError> {
    let ty = module.types.get(module.funcs.get(kernel).ty());
    let params = ty.params().to_vec();
    if !ty.results().is_empty()
        || params.len() < 3
        || !(params.len() - 3).is_multiple_of(2)
        || params.iter().any(|p| *p != ValType::I32)
    {
        return Err(KernelError::Signature {
            ty: type_text(&module, kernel),
            name,
        });
    }

    // The stack pointer: by name, else wasm-ld's convention of a mutable i32 global first.
    let stack_pointer = module
        .globals
        .iter()
        .find(|g| g.name.as_deref() == Some("__stack_pointer"))
        .or_else(|| {
            module
                .globals
                .iter()
                .next()
                .filter(|g| g.mutable && g.ty == ValType::I32)
        })
        .filter(|g| {
            g.mutable && g.ty == ValType::I32 && matches!(g.kind, walrus::GlobalKind::Local(_))
        })
        .map(|g| g.id());

    let exports: Vec<_> = module.exports.iter().map(|e| e.id()).collect();
    for id in exports {
        module.exports.delete(id);
    }
    module.start = None;

    let range = range_driver(&mut module, kernel, &params);
    module.exports.add(KERNEL_EXPORT, kernel);
    module.exports.add(RANGE_EXPORT, range);

    // Exactly one memory, imported from the space.
    let memories: Vec<_> = module.memories.iter().map(|m| m.id()).collect();
    let memory = match memories.as_slice() {
        [memory] => *memory,
        [] => module.memories.add_local(false, false, 0, None, None),
        _ => {
            return Err(KernelError::Unsupported(
                "kernels with several memories".into(),
            ))
        }
    };
    {
        let m = module.memories.get(memory);
        if m.memory64 || m.page_size_log2.is_some() {
            return Err(KernelError::Unsupported(
                "64-bit or custom-page-size memories".into(),
            ));
        }
    }
    match module.memories.get(memory).import {
        Some(import) => {
            let import = module.imports.get_mut(import);
            import.module = String::new();
            import.name = "memory".into();
        }
        None => {
            let import = module.imports.add("", "memory", ImportKind::Memory(memory));
            module.memories.get_mut(memory).import = Some(import);
        }
    }
    let m = module.memories.get_mut(memory);
    m.shared = true;
    m.initial = 0;
    m.maximum = Some(1 << 16);

    walrus::passes::gc::run(&mut module);
    // The memory must survive GC even if the kernel never touches it: the device provides it.
    if module.memories.iter().next().is_none() {
        let (_, _) = module.add_import_memory("", "memory", true, false, 0, Some(1 << 16), None);
    }

    if let Some(sp) = stack_pointer {
        if module.globals.iter().any(|g| g.id() == sp) {
            module
                .exports
                .add(STACK_POINTER_EXPORT, ExportItem::Global(sp));
        }
    }

    let mut trapping_imports = Vec::new();
    let imports: Vec<_> = module
        .imports
        .iter()
        .map(|i| (i.id(), i.kind.clone(), format!("{}::{}", i.module, i.name)))
        .collect();
    for (_, kind, import_name) in imports {
        match kind {
            ImportKind::Function(f) => {
                module
                    .replace_imported_func(f, |(body, _)| {
                        body.unreachable();
                    })
                    .map_err(|e| KernelError::Unsupported(format!("{import_name}: {e:#}")))?;
                trapping_imports.push(import_name);
            }
            ImportKind::Memory(_) => {}
            ImportKind::Global(_) | ImportKind::Table(_) | ImportKind::Tag(_) => {
                return Err(KernelError::Unsupported(format!(
                    "the kernel uses the import {import_name}, which a device cannot provide"
                )))
            }
        }
    }
    Ok(KernelModule {
        wasm: module.emit_wasm(),
        buffers: (params.len() - 3) / 2,
        trapping_imports,
    })
}

/// Builds `__wasi_parallel_range(start, end, n, block, ptr0, len0, ...)`: calls the kernel for
/// every id in `start..end`.
fn range_driver(module: &mut Module, kernel: FunctionId, kernel_params: &[ValType]) -> FunctionId {
    let mut params = vec![ValType::I32];
    params.extend_from_slice(kernel_params);
    let args: Vec<_> = params.iter().map(|&t| module.locals.add(t)).collect();
    let (id, end, rest) = (args[0], args[1], &args[2..]);
    let mut builder = FunctionBuilder::new(&mut module.types, &params, &[]);
    builder.name("__wasi_parallel_range".into());
    builder.func_body().block(None, |done| {
        let done_id = done.id();
        done.local_get(id)
            .local_get(end)
            .binop(BinaryOp::I32GeU)
            .br_if(done_id);
        done.loop_(None, |each| {
            let each_id = each.id();
            each.local_get(id);
            for &arg in rest {
                each.local_get(arg);
            }
            each.call(kernel)
                .local_get(id)
                .i32_const(1)
                .binop(BinaryOp::I32Add)
                .local_tee(id)
                .local_get(end)
                .binop(BinaryOp::I32LtU)
                .br_if(each_id);
        });
    });
    builder.finish(args, &mut module.funcs)
}

/// Bytes between the addresses the probes of [`guard_host_operators`] touch: no host's pages are
/// smaller, so every page of a range gets one.
const PROBE_STRIDE: i64 = 4096;
/// The longest a guarded `memory.atomic.wait` sleeps at a time, in nanoseconds.
const WAIT_SLICE_NS: i64 = 10_000_000;

/// Makes a kernel module safe to run in a space whose pages are protected (the CPU executor's
/// confinement, see the `cpu` module), or `None` when it already is.
///
/// Wasmtime runs some operators as host code: `memory.copy`, `memory.fill` and `memory.init` copy
/// with the host's `memcpy` once their bounds are checked against the memory's size, and
/// `memory.atomic.wait` reads the memory from the host. A protected page that such code touches
/// faults outside Wasm, which no trap handler takes, and the process dies. So each of them becomes
/// a call to a function that first touches every 4 KiB page of its ranges in Wasm (a load for what
/// is read, an atomic `or` of zero for what is written, which changes nothing), so that a
/// protected page traps as any other access does; the protections stay as they are for the whole
/// launch, so once the probes pass the host's copy cannot fault. The same functions keep the
/// operators' own semantics: a range out of the memory's bounds still traps in the operator.
///
/// Two more operators would let a kernel escape the host's control: `memory.atomic.wait` with no
/// timeout blocks in the host, where the launch's time limit cannot end it, so it waits in slices
/// of 10 ms in a Wasm loop; and `memory.grow` would add pages to the space behind its allocator's
/// back, so it fails (returns -1), as Wasm allows it to.
pub fn guard_host_operators(bytes: &[u8]) -> Result<Option<Vec<u8>>, KernelError> {
    use walrus::ir::{Instr, InstrLocId, VisitorMut};

    /// What one operator is replaced by.
    #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    enum Guarded {
        Copy,
        Fill,
        Init(walrus::DataId),
        Wait { sixty_four: bool, offset: u64 },
        Grow,
    }

    #[derive(Default)]
    struct Find {
        found: Vec<Guarded>,
        /// With the helpers made: each operator's replacement.
        replace: std::collections::HashMap<Guarded, FunctionId>,
    }
    impl Find {
        fn guarded(instr: &Instr) -> Option<Guarded> {
            Some(match instr {
                Instr::MemoryCopy(_) => Guarded::Copy,
                Instr::MemoryFill(_) => Guarded::Fill,
                Instr::MemoryInit(i) => Guarded::Init(i.data),
                Instr::AtomicWait(w) => Guarded::Wait {
                    sixty_four: w.sixty_four,
                    offset: w.arg.offset,
                },
                Instr::MemoryGrow(_) => Guarded::Grow,
                _ => return None,
            })
        }
    }
    impl VisitorMut for Find {
        fn visit_instr_mut(&mut self, instr: &mut Instr, _: &mut InstrLocId) {
            let Some(guarded) = Find::guarded(instr) else {
                return;
            };
            match self.replace.get(&guarded) {
                Some(&func) => *instr = Instr::Call(walrus::ir::Call { func }),
                None => self.found.push(guarded),
            }
        }
    }

    let mut module = parse(bytes)?;
    let Some(memory) = module.memories.iter().next().map(|m| m.id()) else {
        return Ok(None);
    };
    let funcs: Vec<FunctionId> = module.funcs.iter_local().map(|(id, _)| id).collect();
    let mut find = Find::default();
    for &id in &funcs {
        let func = module.funcs.get_mut(id).kind.unwrap_local_mut();
        let entry = func.entry_block();
        walrus::ir::dfs_pre_order_mut(&mut find, func, entry);
    }
    if find.found.is_empty() {
        return Ok(None);
    }
    let read = probe(&mut module, memory, false);
    let write = probe(&mut module, memory, true);
    let found = std::mem::take(&mut find.found);
    for guarded in found {
        if find.replace.contains_key(&guarded) {
            continue;
        }
        let helper = match guarded {
            Guarded::Copy => guarded_copy(&mut module, memory, read, write),
            Guarded::Fill => guarded_fill(&mut module, memory, write),
            Guarded::Init(data) => guarded_init(&mut module, memory, data, write),
            Guarded::Wait { sixty_four, offset } => {
                guarded_wait(&mut module, memory, sixty_four, offset)
            }
            Guarded::Grow => {
                let mut builder =
                    FunctionBuilder::new(&mut module.types, &[ValType::I32], &[ValType::I32]);
                builder.func_body().i32_const(-1);
                let delta = module.locals.add(ValType::I32);
                builder.finish(vec![delta], &mut module.funcs)
            }
        };
        find.replace.insert(guarded, helper);
    }
    for &id in &funcs {
        let func = module.funcs.get_mut(id).kind.unwrap_local_mut();
        let entry = func.entry_block();
        walrus::ir::dfs_pre_order_mut(&mut find, func, entry);
    }
    Ok(Some(module.emit_wasm()))
}

/// `probe(address, length)`: touches the range's first byte and the first byte of every
/// [`PROBE_STRIDE`]-aligned block after it that the range reaches, so every page of it, with a load (`write` false) or an atomic `or` of zero (`write` true). A range that
/// leaves the 32-bit address space is left to the operator, which traps on it.
fn probe(module: &mut Module, memory: walrus::MemoryId, write: bool) -> FunctionId {
    use walrus::ir::{AtomicOp, AtomicWidth, ExtendedLoad, LoadKind, MemArg, UnaryOp};
    let (address, len) = (
        module.locals.add(ValType::I32),
        module.locals.add(ValType::I32),
    );
    let (at, end) = (
        module.locals.add(ValType::I64),
        module.locals.add(ValType::I64),
    );
    let mut builder = FunctionBuilder::new(&mut module.types, &[ValType::I32, ValType::I32], &[]);
    let byte = MemArg {
        align: 1,
        offset: 0,
    };
    builder.func_body().block(None, |done| {
        let done_id = done.id();
        done.local_get(len).unop(UnaryOp::I32Eqz).br_if(done_id);
        done.local_get(address)
            .unop(UnaryOp::I64ExtendUI32)
            .local_tee(at)
            .local_get(len)
            .unop(UnaryOp::I64ExtendUI32)
            .binop(BinaryOp::I64Add)
            .local_tee(end)
            .i64_const(1 << 32)
            .binop(BinaryOp::I64GtU)
            .br_if(done_id);
        done.loop_(None, |each| {
            let each_id = each.id();
            each.local_get(at).unop(UnaryOp::I32WrapI64);
            if write {
                each.i32_const(0)
                    .atomic_rmw(memory, AtomicOp::Or, AtomicWidth::I32_8, byte);
            } else {
                each.load(
                    memory,
                    LoadKind::I32_8 {
                        kind: ExtendedLoad::ZeroExtend,
                    },
                    byte,
                );
            }
            each.drop();
            // The next page's first byte, or the range's last byte if that comes first.
            each.local_get(at)
                .i64_const(PROBE_STRIDE - 1)
                .binop(BinaryOp::I64Or)
                .i64_const(1)
                .binop(BinaryOp::I64Add)
                .local_tee(at)
                .local_get(end)
                .binop(BinaryOp::I64LtU)
                .br_if(each_id);
        });
    });
    builder.name(format!(
        "__wasi_parallel_probe_{}",
        if write { "write" } else { "read" }
    ));
    builder.finish(vec![address, len], &mut module.funcs)
}

/// `copy(dst, src, len)`: `memory.copy` with its source probed for reading and its destination for
/// writing first.
fn guarded_copy(
    module: &mut Module,
    memory: walrus::MemoryId,
    read: FunctionId,
    write: FunctionId,
) -> FunctionId {
    let args = [(); 3].map(|_| module.locals.add(ValType::I32));
    let [dst, src, len] = args;
    let mut builder = FunctionBuilder::new(&mut module.types, &[ValType::I32; 3], &[]);
    builder
        .func_body()
        .local_get(src)
        .local_get(len)
        .call(read)
        .local_get(dst)
        .local_get(len)
        .call(write)
        .local_get(dst)
        .local_get(src)
        .local_get(len)
        .memory_copy(memory, memory);
    builder.name("__wasi_parallel_memory_copy".into());
    builder.finish(args.to_vec(), &mut module.funcs)
}

/// `fill(dst, value, len)`: `memory.fill` with its destination probed for writing first.
fn guarded_fill(module: &mut Module, memory: walrus::MemoryId, write: FunctionId) -> FunctionId {
    let args = [(); 3].map(|_| module.locals.add(ValType::I32));
    let [dst, value, len] = args;
    let mut builder = FunctionBuilder::new(&mut module.types, &[ValType::I32; 3], &[]);
    builder
        .func_body()
        .local_get(dst)
        .local_get(len)
        .call(write)
        .local_get(dst)
        .local_get(value)
        .local_get(len)
        .memory_fill(memory);
    builder.name("__wasi_parallel_memory_fill".into());
    builder.finish(args.to_vec(), &mut module.funcs)
}

/// `init(dst, offset, len)`: `memory.init` of `data` with its destination probed for writing first.
fn guarded_init(
    module: &mut Module,
    memory: walrus::MemoryId,
    data: walrus::DataId,
    write: FunctionId,
) -> FunctionId {
    let args = [(); 3].map(|_| module.locals.add(ValType::I32));
    let [dst, offset, len] = args;
    let mut builder = FunctionBuilder::new(&mut module.types, &[ValType::I32; 3], &[]);
    builder
        .func_body()
        .local_get(dst)
        .local_get(len)
        .call(write)
        .local_get(dst)
        .local_get(offset)
        .local_get(len)
        .memory_init(memory, data);
    builder.name("__wasi_parallel_memory_init".into());
    builder.finish(args.to_vec(), &mut module.funcs)
}

/// `wait(address, expected, timeout) -> result`: `memory.atomic.wait32` or `wait64` at `offset`,
/// with its address read in Wasm first, sleeping at most [`WAIT_SLICE_NS`] at a time. Between
/// slices the loop is Wasm code, where epoch interruption ends a launch that ran out of time; a
/// negative timeout (forever) stays forever, any other is counted down slice by slice.
fn guarded_wait(
    module: &mut Module,
    memory: walrus::MemoryId,
    sixty_four: bool,
    offset: u64,
) -> FunctionId {
    use walrus::ir::{ExtendedLoad, LoadKind, MemArg};
    let value = if sixty_four {
        ValType::I64
    } else {
        ValType::I32
    };
    let address = module.locals.add(ValType::I32);
    let expected = module.locals.add(value);
    let timeout = module.locals.add(ValType::I64);
    let (slice, result) = (
        module.locals.add(ValType::I64),
        module.locals.add(ValType::I32),
    );
    let mut builder = FunctionBuilder::new(
        &mut module.types,
        &[ValType::I32, value, ValType::I64],
        &[ValType::I32],
    );
    let arg = MemArg {
        align: if sixty_four { 8 } else { 4 },
        offset,
    };
    let mut body = builder.func_body();
    body.local_get(address)
        .load(
            memory,
            LoadKind::I32_8 {
                kind: ExtendedLoad::ZeroExtend,
            },
            MemArg { align: 1, offset },
        )
        .drop();
    body.loop_(None, |each| {
        let each_id = each.id();
        // slice = timeout if 0 <= timeout < WAIT_SLICE_NS, else WAIT_SLICE_NS.
        each.local_get(timeout)
            .i64_const(WAIT_SLICE_NS)
            .local_get(timeout)
            .i64_const(0)
            .binop(BinaryOp::I64GeS)
            .local_get(timeout)
            .i64_const(WAIT_SLICE_NS)
            .binop(BinaryOp::I64LtS)
            .binop(BinaryOp::I32And)
            .select(Some(ValType::I64))
            .local_set(slice);
        each.local_get(address)
            .local_get(expected)
            .local_get(slice)
            .atomic_wait(memory, arg, sixty_four)
            .local_tee(result)
            .i32_const(2)
            .binop(BinaryOp::I32Ne);
        each.if_else(
            None,
            |woken| {
                woken.local_get(result).return_();
            },
            |_| {},
        );
        // Timed out: a finite timeout counts the slice down and ends at zero.
        each.local_get(timeout)
            .i64_const(0)
            .binop(BinaryOp::I64LtS)
            .br_if(each_id);
        each.local_get(timeout)
            .local_get(slice)
            .binop(BinaryOp::I64Sub)
            .local_tee(timeout)
            .i64_const(0)
            .binop(BinaryOp::I64GtS)
            .br_if(each_id);
    });
    body.i32_const(2);
    builder.name("__wasi_parallel_atomic_wait".into());
    builder.finish(vec![address, expected, timeout], &mut module.funcs)
}

/// The mutable i32 global a kernel module with stop checks exports: the address of its space's
/// control page (see [`add_stop_checks`]).
pub const CONTROL_EXPORT: &str = "__wasi_parallel_control";

/// Makes a kernel module stoppable from outside, cheaply: at the entry of every function and at
/// the head of every loop it stores a zero to the address in a new exported global,
/// [`CONTROL_EXPORT`]. The device points that global at a page of the space that is writable
/// while the launch may run (a cache line per worker); to stop a launch it takes the page away,
/// and the next check in every work item faults, which Wasmtime reports as a trap. Between two
/// checks a work item runs no loop and makes no call, so it ends within the straight-line length
/// of one function body.
///
/// This is what Wasmtime's epoch interruption does, for less: an epoch check compares a counter
/// with a deadline and calls into the host when it passes, and values live across that possible
/// call cost tight loops their registers. A load would do, but Cranelift may drop a load that an
/// identical earlier one dominates (so a loop that stores nothing would lose its check), and an
/// atomic load is a fence that keeps it from reusing any other load across it. A store is kept,
/// and fences nothing. Measured on the PRK kernels on the CPU executor with a 60 s limit (2
/// workers, medians of 3 runs, ratio to native without a limit / with epochs / with these
/// checks): sparse 94/45/102%, dgemm 77/61/88%, reduce 98/82/104%, transpose 73/69/79%, p2p
/// 79/58/73%, stencil 31/25/26%: the checks cost about what the run-to-run noise is.
pub fn add_stop_checks(bytes: &[u8]) -> Result<Vec<u8>, KernelError> {
    use walrus::ir::{Instr, InstrLocId, InstrSeqId, MemArg, Store, StoreKind, Visitor};

    /// The body of every loop of a function.
    #[derive(Default)]
    struct Loops(Vec<InstrSeqId>);
    impl<'a> Visitor<'a> for Loops {
        fn visit_instr(&mut self, instr: &'a Instr, _: &'a InstrLocId) {
            if let Instr::Loop(l) = instr {
                self.0.push(l.seq);
            }
        }
    }

    let mut module = parse(bytes)?;
    let memory = module
        .memories
        .iter()
        .next()
        .map(|m| m.id())
        .ok_or_else(|| KernelError::InvalidModule("a kernel module has a memory".into()))?;
    let control = module.globals.add_local(
        ValType::I32,
        true,
        false,
        walrus::ConstExpr::Value(walrus::ir::Value::I32(0)),
    );
    module.exports.add(CONTROL_EXPORT, control);
    let check = [
        Instr::GlobalGet(walrus::ir::GlobalGet { global: control }),
        Instr::Const(walrus::ir::Const {
            value: walrus::ir::Value::I32(0),
        }),
        Instr::Store(Store {
            memory,
            kind: StoreKind::I32 { atomic: false },
            arg: MemArg {
                align: 4,
                offset: 0,
            },
        }),
    ];
    let funcs: Vec<FunctionId> = module.funcs.iter_local().map(|(id, _)| id).collect();
    for id in funcs {
        let func = module.funcs.get_mut(id).kind.unwrap_local_mut();
        let entry = func.entry_block();
        let mut loops = Loops::default();
        walrus::ir::dfs_in_order(&mut loops, func, entry);
        for seq in std::iter::once(entry).chain(loops.0) {
            let instrs = &mut func.block_mut(seq).instrs;
            instrs.splice(
                0..0,
                check
                    .iter()
                    .map(|instr| (instr.clone(), InstrLocId::default())),
            );
        }
    }
    Ok(module.emit_wasm())
}
