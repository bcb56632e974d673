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
