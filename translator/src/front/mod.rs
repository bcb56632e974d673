//! The Wasm front end: reads the module, finds the kernel, and drives the analysis
//! ([`provenance`]) and the translation ([`function`]) of its body.

mod doomed;
pub mod function;
pub mod inline;
mod module;
pub mod provenance;
mod simd;
mod stack;

use wasmparser::ValType;

use module::{diverging, read_module, table_error};
pub use module::{Context, Translation};

use crate::{Error, KernelRef, Layout, Options};

/// Translates the kernel `kernel` of the module `wasm` for a device with `options`, every buffer
/// bound whole.
pub fn translate(
    wasm: &[u8],
    kernel: KernelRef<'_>,
    options: &Options,
) -> Result<Translation, Error> {
    translate_with(wasm, kernel, options, &Layout::default())
}

/// As [`translate`], with buffers bound as `layout` says: split across several bindings where
/// they are larger than one binding may be.
pub fn translate_with(
    wasm: &[u8],
    kernel: KernelRef<'_>,
    options: &Options,
    layout: &Layout,
) -> Result<Translation, Error> {
    let module = read_module(wasm)?;
    let index = match kernel {
        KernelRef::TableIndex(i) => module.table0.resolve(i).map_err(table_error)?,
        KernelRef::Export(name) => module
            .exports
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, f)| f)
            .ok_or_else(|| Error::NoKernel(format!("no exported function `{name}`")))?,
    };
    let ty = &module.func_types[module.functions[index as usize] as usize];
    let params = ty.params();
    if !ty.results().is_empty()
        || params.len() < 3
        || !(params.len() - 3).is_multiple_of(2)
        || params.iter().any(|p| *p != ValType::I32)
    {
        return Err(Error::Signature(format!(
            "{ty}: a kernel takes (iteration_id, num_iterations, block_size) and an (i32 pointer, i32 \
             length) pair per buffer, and returns nothing"
        )));
    }
    if index < module.imported_functions {
        return Err(Error::NoKernel(format!("function {index} is an import")));
    }
    let buffers = (params.len() - 3) / 2;
    if layout.parts.len() > buffers {
        return Err(Error::Layout(format!(
            "the layout names {} buffers; the kernel takes {buffers}",
            layout.parts.len()
        )));
    }
    if !layout.is_whole() && (layout.part_bytes < 8 || !layout.part_bytes.is_power_of_two()) {
        return Err(Error::Layout(format!(
            "parts of {} bytes: a part is a power of two of at least 8 bytes",
            layout.part_bytes
        )));
    }
    let context = Context {
        func_types: &module.func_types,
        functions: &module.functions,
        diverging: &diverging(&module)?,
    };
    let flat = inline::flatten(&module, index, context.diverging)?;
    let mut analysis = provenance::analyze(&flat, buffers, &context)?;
    doomed::drop_stack_accesses(&flat, &mut analysis, &context);
    function::build(&flat, &analysis, buffers, options, layout, &context)
}
