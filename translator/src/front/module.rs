//! What the front end knows of a module before it translates a function: its types, functions,
//! exports, globals, table 0 and bodies ([`ModuleInfo`], read once by [`read_module`]), which
//! functions never return, and the [`Translation`] that comes out. The other front-end modules
//! take these types; this one uses none of them.

use wasmparser::{
    CompositeInnerType, ExternalKind, FunctionBody, Operator, Parser, Payload, TypeRef, ValType,
    Validator,
};

use crate::table0::{Table0, TableError};
use crate::{BufferBinding, Error};

/// A translated kernel.
#[derive(Debug)]
pub struct Translation {
    /// The module: one compute entry point, `main`.
    pub module: naga::Module,
    /// naga's validation result, which naga's writers take.
    pub info: naga::valid::ModuleInfo,
    /// Workgroup size of the entry point (x; y and z are 1).
    pub workgroup_size: u32,
    /// Binding 0: a uniform `{ num_iterations: u32, block_size: u32, zero: u32 }`; `zero` is
    /// always 0 (float constants are or-ed with it, so that drivers cannot fold them).
    pub params_binding: u32,
    /// The status binding, of atomic `u32` words: the trap code (0, until a work item traps and
    /// sets it), the guest's initial memory size (for static loads), then one word per buffer,
    /// its address (comparisons of pointers into two buffers compare those; a device that has no
    /// guest addresses passes addresses in parameter order, apart from each other).
    pub status_binding: u32,
    /// The buffers, in kernel parameter order.
    pub buffers: Vec<BufferBinding>,
    /// Bindings of the guest's static data (its initial memory from address 0), read-only, when
    /// the kernel reads it: as `array<u32>` and, if it reads `f64`s, as `array<f64>` (the same
    /// buffer bound twice).
    pub static_bindings: Vec<(u32, crate::ElementType)>,
}

/// A global of the module as the kernel sees it.
#[derive(Clone, Debug)]
pub struct Global<'a> {
    /// Its value type.
    pub ty: ValType,
    /// Whether it is mutable.
    pub mutable: bool,
    /// Its initial value: a constant operator, or `None` for an import or a non-constant
    /// initialiser.
    pub init: Option<Operator<'a>>,
}

/// What translating a function needs to know of the rest of the module.
#[derive(Debug)]
pub struct Context<'a> {
    /// Every function type.
    pub func_types: &'a [wasmparser::FuncType],
    /// The type index of every function, imports first.
    pub functions: &'a [u32],
    /// Which functions never return (see `diverging`).
    pub diverging: &'a [bool],
}

impl Context<'_> {
    /// The number of parameters of function `f`, if `f` never returns.
    pub fn diverging_call(&self, f: u32) -> Option<usize> {
        let ty = &self.func_types[*self.functions.get(f as usize)? as usize];
        self.diverging
            .get(f as usize)
            .copied()
            .unwrap_or(false)
            .then(|| ty.params().len())
    }
}

/// What the front end needs of a module.
pub struct ModuleInfo<'a> {
    pub(crate) func_types: Vec<wasmparser::FuncType>,
    /// Type index of every function, imports first.
    pub(crate) functions: Vec<u32>,
    pub(crate) imported_functions: u32,
    pub(crate) table0: Table0,
    /// Every global, imports first.
    pub(crate) globals: Vec<Global<'a>>,
    pub(crate) exports: Vec<(&'a str, u32)>,
    pub(crate) bodies: Vec<FunctionBody<'a>>,
}

pub(crate) fn read_module(wasm: &[u8]) -> Result<ModuleInfo<'_>, Error> {
    Validator::new()
        .validate_all(wasm)
        .map_err(Error::invalid)?;
    let mut m = ModuleInfo {
        func_types: Vec::new(),
        functions: Vec::new(),
        imported_functions: 0,
        table0: Table0::default(),
        globals: Vec::new(),
        exports: Vec::new(),
        bodies: Vec::new(),
    };
    let mut types = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.map_err(Error::invalid)? {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group.map_err(Error::invalid)?.into_types() {
                        types.push(match sub.composite_type.inner {
                            CompositeInnerType::Func(f) => Some(f),
                            _ => None,
                        });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    match import.map_err(Error::invalid)?.ty {
                        TypeRef::Func(ty) => {
                            m.functions.push(ty);
                            m.imported_functions += 1;
                        }
                        TypeRef::Global(ty) => m.globals.push(Global {
                            ty: ty.content_type,
                            mutable: ty.mutable,
                            init: None,
                        }),
                        _ => {}
                    }
                }
            }
            Payload::FunctionSection(reader) => {
                for ty in reader {
                    m.functions.push(ty.map_err(Error::invalid)?);
                }
            }
            Payload::GlobalSection(reader) => {
                for global in reader {
                    let global = global.map_err(Error::invalid)?;
                    let mut ops = global.init_expr.get_operators_reader();
                    let first = ops.read().map_err(Error::invalid)?;
                    let constant = matches!(
                        first,
                        Operator::I32Const { .. }
                            | Operator::I64Const { .. }
                            | Operator::F32Const { .. }
                            | Operator::F64Const { .. }
                    ) && matches!(ops.read(), Ok(Operator::End));
                    m.globals.push(Global {
                        ty: global.ty.content_type,
                        mutable: global.ty.mutable,
                        init: constant.then_some(first),
                    });
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.map_err(Error::invalid)?;
                    if export.kind == ExternalKind::Func {
                        m.exports.push((export.name, export.index));
                    }
                }
            }
            Payload::ElementSection(reader) => {
                m.table0.add_segments(reader).map_err(table_error)?
            }
            Payload::CodeSectionEntry(body) => m.bodies.push(body),
            _ => {}
        }
    }
    m.func_types = types
        .into_iter()
        .map(|t| t.unwrap_or_else(|| wasmparser::FuncType::new([], [])))
        .collect();
    Ok(m)
}

/// Which functions never return: their body ends in `unreachable`, or in a call to such a
/// function, and nothing in it returns or branches out of the function. Calls to them (Rust's
/// panic and bounds-check paths) translate to traps.
pub(crate) fn diverging(module: &ModuleInfo<'_>) -> Result<Vec<bool>, Error> {
    let mut summary = Vec::new();
    for body in &module.bodies {
        let mut reader = body.get_operators_reader().map_err(Error::invalid)?;
        let (mut depth, mut escapes, mut last, mut previous) = (0u32, false, None, None);
        while !reader.eof() {
            let op = reader.read().map_err(Error::invalid)?;
            match op {
                Operator::Block { .. } | Operator::Loop { .. } | Operator::If { .. } => depth += 1,
                Operator::End => depth = depth.saturating_sub(1),
                Operator::Return => escapes = true,
                Operator::Br { relative_depth } | Operator::BrIf { relative_depth }
                    if relative_depth >= depth =>
                {
                    escapes = true
                }
                Operator::BrTable { ref targets }
                    if targets.default() >= depth
                        || targets.targets().any(|t| t.is_ok_and(|t| t >= depth)) =>
                {
                    escapes = true
                }
                _ => {}
            }
            previous = last.take();
            last = Some(match op {
                Operator::Unreachable => Some(None),
                Operator::Call { function_index } => Some(Some(function_index)),
                _ => None,
            });
        }
        // `last` is the final `end`; `previous` is what came before it.
        summary.push((escapes, previous.flatten()));
    }
    let imported = module.imported_functions as usize;
    let mut diverges = vec![false; module.functions.len()];
    loop {
        let mut changed = false;
        for (i, (escapes, tail)) in summary.iter().enumerate() {
            let d = !escapes
                && match tail {
                    Some(None) => true,
                    Some(Some(callee)) => diverges.get(*callee as usize).copied().unwrap_or(false),
                    None => false,
                };
            if d && !diverges[imported + i] {
                diverges[imported + i] = true;
                changed = true;
            }
        }
        if !changed {
            return Ok(diverges);
        }
    }
}

/// The translator's error for a function pointer table 0 does not resolve.
pub(crate) fn table_error(e: TableError) -> Error {
    match e {
        TableError::Invalid(message) => Error::Invalid(message),
        TableError::NotInTable(_) => Error::NoKernel(e.to_string()),
        TableError::NonConstantOffset { section } => Error::Unsupported {
            what: "table 0 initialised at a non-constant offset".into(),
            offset: section,
        },
    }
}
