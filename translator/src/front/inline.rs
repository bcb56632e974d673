//! Flattens a kernel into one operator sequence: calls inlined, globals turned into locals.
//!
//! GPUs have no call stack for us to use and no guest globals, so before anything else the
//! kernel becomes a single function body in the same Wasm operator language:
//!
//! - **Calls.** `call f` (for `f` defined in the module, not recursive, with at most one result)
//!   becomes: the arguments popped into fresh locals for `f`'s parameters, `f`'s declared locals
//!   zeroed (they are zero at every call), and `f`'s body as a `block` with `f`'s result type.
//!   Relative branch depths in `f` are unchanged by this (the block stands where `f`'s function
//!   frame stood), and `return` becomes a `br` to that block. Calls to functions that never
//!   return (panic paths, see `diverging` in the front end) stay calls: they are traps.
//! - **Globals.** Each global the kernel uses becomes a local, set from the global's constant
//!   initialiser before the body runs. So an immutable global is a constant, and a mutable one
//!   is a per-invocation variable, as on the CPU executor, where every worker has its own
//!   globals. The first mutable `i32` global is the shadow stack pointer of rustc and clang:
//!   [`Flat::stack_pointer`] names it, and the memory below it is the invocation's own stack.
//!
//! Each operator keeps the byte offset it has in the module, so errors still point at the
//! guest's code; as an inlined function may appear several times, later passes identify an
//! operator by its position in the sequence, not by its offset.

use wasmparser::{BlockType, Ieee32, Ieee64, Operator, ValType};

pub use super::module::Global;
use super::module::ModuleInfo;
use crate::Error;

/// Operators allowed after inlining; beyond this the kernel is refused as too large.
const MAX_OPERATORS: usize = 1 << 20;
/// Blocks, loops and ifs open at once after inlining (each inlined call is one more). naga's
/// validator and back ends, and the OpenCL C writer, recurse once per level; a guest's 10,000
/// nested blocks overflowed the host's stack there. Compilers nest this deep only for a
/// `switch` of hundreds of cases.
pub(crate) const MAX_NESTING: u32 = 512;
/// Calls inlined inside one another; the inliner recurses once per level.
pub(crate) const MAX_INLINE_DEPTH: usize = 64;

/// The kernel as one function body.
#[derive(Debug)]
pub struct Flat<'a> {
    /// The operators, each with its byte offset in the module. Ends with the body's `end`.
    pub ops: Vec<(Operator<'a>, usize)>,
    /// The type of every local: the kernel's parameters and locals, then those of every inlined
    /// call and every global used.
    pub local_types: Vec<ValType>,
    /// The shadow stack pointer, if the kernel uses one: its local, set to the global's initial
    /// value before the body (not by an operator of `ops`), and that value.
    pub stack_pointer: Option<(u32, i32)>,
}

struct Inliner<'m, 'a> {
    module: &'m ModuleInfo<'a>,
    diverging: &'m [bool],
    ops: Vec<(Operator<'a>, usize)>,
    local_types: Vec<ValType>,
    /// The local standing for each global, once used.
    globals: Vec<Option<u32>>,
    /// Functions being inlined, outermost first, to refuse recursion.
    active: Vec<u32>,
    /// Blocks open at the end of `ops`.
    nesting: u32,
}

/// The zero constant of a value type.
fn zero<'a>(ty: ValType, offset: usize) -> Result<Operator<'a>, Error> {
    Ok(match ty {
        ValType::I32 => Operator::I32Const { value: 0 },
        ValType::I64 => Operator::I64Const { value: 0 },
        ValType::F32 => Operator::F32Const {
            value: Ieee32::from(0.0f32),
        },
        ValType::F64 => Operator::F64Const {
            value: Ieee64::from(0.0f64),
        },
        ValType::V128 => Operator::V128Const {
            value: wasmparser::V128::from(0u128),
        },
        other => {
            return Err(Error::unsupported(
                format!("locals of type {other}"),
                offset,
            ))
        }
    })
}

impl<'a> Inliner<'_, 'a> {
    fn push(&mut self, op: Operator<'a>, offset: usize) -> Result<(), Error> {
        if self.ops.len() >= MAX_OPERATORS {
            return Err(Error::unsupported(
                format!("a kernel of more than {MAX_OPERATORS} operators after inlining calls"),
                offset,
            ));
        }
        match op {
            Operator::Block { .. } | Operator::Loop { .. } | Operator::If { .. } => {
                self.nesting += 1;
                if self.nesting > MAX_NESTING {
                    return Err(Error::unsupported(
                        format!(
                            "blocks nested more than {MAX_NESTING} deep (after inlining calls)"
                        ),
                        offset,
                    ));
                }
            }
            Operator::End => self.nesting = self.nesting.saturating_sub(1),
            _ => {}
        }
        self.ops.push((op, offset));
        Ok(())
    }

    fn new_local(&mut self, ty: ValType) -> u32 {
        self.local_types.push(ty);
        (self.local_types.len() - 1) as u32
    }

    fn global(&mut self, index: u32, offset: usize) -> Result<u32, Error> {
        let slot = self
            .globals
            .get(index as usize)
            .ok_or_else(|| Error::invalid(format!("global {index} does not exist")))?;
        if let Some(local) = slot {
            return Ok(*local);
        }
        let global = &self.module.globals[index as usize];
        if global.init.is_none() {
            return Err(Error::unsupported(
                format!("global {index}, which is imported or has no constant initial value"),
                offset,
            ));
        }
        // Refuse types a local cannot have here, where the global is used.
        zero(global.ty, offset)?;
        let local = self.new_local(global.ty);
        self.globals[index as usize] = Some(local);
        Ok(local)
    }

    /// Appends the body of function `func` (defined, not imported), its locals starting at
    /// local `base`; `kernel` for the kernel itself, whose `return` stays a `return`.
    fn body(&mut self, func: u32, base: u32, kernel: bool) -> Result<(), Error> {
        let defined = (func - self.module.imported_functions) as usize;
        let body = &self.module.bodies[defined];
        self.active.push(func);
        let mut reader = body.get_operators_reader().map_err(Error::invalid)?;
        let mut depth = 0u32;
        while !reader.eof() {
            let (op, offset) = reader.read_with_offset().map_err(Error::invalid)?;
            match op {
                Operator::Block { .. } | Operator::Loop { .. } | Operator::If { .. } => {
                    depth += 1;
                    self.push(op, offset)?;
                }
                Operator::End => {
                    depth = depth.saturating_sub(1);
                    self.push(op, offset)?;
                }
                Operator::Return if !kernel => {
                    self.push(
                        Operator::Br {
                            relative_depth: depth,
                        },
                        offset,
                    )?;
                }
                Operator::LocalGet { local_index } => self.push(
                    Operator::LocalGet {
                        local_index: base + local_index,
                    },
                    offset,
                )?,
                Operator::LocalSet { local_index } => self.push(
                    Operator::LocalSet {
                        local_index: base + local_index,
                    },
                    offset,
                )?,
                Operator::LocalTee { local_index } => self.push(
                    Operator::LocalTee {
                        local_index: base + local_index,
                    },
                    offset,
                )?,
                Operator::GlobalGet { global_index } => {
                    let local_index = self.global(global_index, offset)?;
                    self.push(Operator::LocalGet { local_index }, offset)?;
                }
                Operator::GlobalSet { global_index } => {
                    let local_index = self.global(global_index, offset)?;
                    self.push(Operator::LocalSet { local_index }, offset)?;
                }
                Operator::Call { function_index }
                    if !self
                        .diverging
                        .get(function_index as usize)
                        .copied()
                        .unwrap_or(false) =>
                {
                    self.call(function_index, offset)?;
                }
                other => self.push(other, offset)?,
            }
        }
        self.active.pop();
        Ok(())
    }

    fn call(&mut self, func: u32, offset: usize) -> Result<(), Error> {
        if func < self.module.imported_functions {
            return Err(Error::unsupported(
                format!("a call to imported function {func}"),
                offset,
            ));
        }
        if self.active.len() >= MAX_INLINE_DEPTH {
            return Err(Error::unsupported(
                format!("calls nested more than {MAX_INLINE_DEPTH} deep"),
                offset,
            ));
        }
        if self.active.contains(&func) {
            return Err(Error::unsupported(
                format!("a recursive call to function {func}"),
                offset,
            ));
        }
        let ty = &self.module.func_types[self.module.functions[func as usize] as usize];
        let blockty = match ty.results() {
            [] => BlockType::Empty,
            [t] => BlockType::Type(*t),
            _ => {
                return Err(Error::unsupported(
                    format!("a call to function {func}, which returns several values"),
                    offset,
                ))
            }
        };
        let params = ty.params().to_vec();
        let base = self.local_types.len() as u32;
        for &p in &params {
            zero(p, offset)?;
            self.new_local(p);
        }
        for (i, _) in params.iter().enumerate().rev() {
            self.push(
                Operator::LocalSet {
                    local_index: base + i as u32,
                },
                offset,
            )?;
        }
        let defined = (func - self.module.imported_functions) as usize;
        let locals = self.module.bodies[defined]
            .get_locals_reader()
            .map_err(Error::invalid)?;
        for entry in locals {
            let (count, ty) = entry.map_err(Error::invalid)?;
            for _ in 0..count {
                let local_index = self.new_local(ty);
                self.push(zero(ty, offset)?, offset)?;
                self.push(Operator::LocalSet { local_index }, offset)?;
            }
        }
        self.push(Operator::Block { blockty }, offset)?;
        self.body(func, base, false)
    }
}

/// Flattens kernel function `kernel` (a defined function) of `module`.
pub(crate) fn flatten<'a>(
    module: &ModuleInfo<'a>,
    kernel: u32,
    diverging: &[bool],
) -> Result<Flat<'a>, Error> {
    let ty = &module.func_types[module.functions[kernel as usize] as usize];
    let mut local_types = ty.params().to_vec();
    let defined = (kernel - module.imported_functions) as usize;
    for entry in module.bodies[defined]
        .get_locals_reader()
        .map_err(Error::invalid)?
    {
        let (count, ty) = entry.map_err(Error::invalid)?;
        local_types.extend(std::iter::repeat_n(ty, count as usize));
    }
    let mut inliner = Inliner {
        module,
        diverging,
        ops: Vec::new(),
        local_types,
        globals: vec![None; module.globals.len()],
        active: Vec::new(),
        nesting: 0,
    };
    inliner.body(kernel, 0, true)?;
    // Locals of inlined calls and globals were added after the kernel's own; the globals are set
    // from their initial values before the body.
    // The first mutable i32 global is the shadow stack pointer (wasm-ld's `__stack_pointer` is
    // global 0): the stack lives below its initial value.
    let stack_pointer = module
        .globals
        .iter()
        .position(|g| g.mutable && g.ty == ValType::I32)
        .and_then(|g| {
            let local = inliner.globals[g]?;
            match module.globals[g].init {
                Some(Operator::I32Const { value }) if value > 0 => Some((local, value)),
                _ => None,
            }
        });
    let mut prologue = Vec::new();
    for (g, local) in inliner.globals.iter().enumerate() {
        if let Some(local_index) = *local {
            if stack_pointer.is_some_and(|(sp, _)| sp == local_index) {
                continue;
            }
            let init = module.globals[g].init.clone().expect("checked when used");
            prologue.push((init, 0));
            prologue.push((Operator::LocalSet { local_index }, 0));
        }
    }
    prologue.extend(inliner.ops);
    Ok(Flat {
        ops: prologue,
        local_types: inliner.local_types,
        stack_pointer,
    })
}
