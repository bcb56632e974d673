//! The OpenCL C writer proper: one pass over the entry point, statement by statement, with every
//! emitted expression baked into a `const` temporary (see the module docs of [`super`]).

use std::fmt::Write as _;

use naga::proc::{NameKey, Namer, TypeResolution};
use naga::valid::{FunctionInfo, ModuleInfo};
use naga::{
    AddressSpace, ArraySize, AtomicFunction, Barrier, BinaryOperator, Binding, Block, BuiltIn,
    Expression, FastHashMap, Function, GlobalVariable, Handle, Literal, MathFunction, Module,
    RelationalFunction, Scalar, ScalarKind, ShaderStage, Statement, StorageAccess,
    SwizzleComponent, Type, TypeInner, UnaryOperator, VectorSize,
};

use super::keywords::{RESERVED_PREFIXES, RESERVED_SET};
use super::{KernelArg, Options, Program, BUILD_OPTIONS};
use crate::Error;

/// What the writer cannot express.
/// The deepest the writer nests C blocks: clang's default limit of nested brackets (256,
/// `-fbracket-depth`) less room for the parentheses of an expression. Every naga block is a C
/// block, so a kernel nested deeper is refused (the runtime runs it on the CPU) rather than
/// handed to a compiler that fails on it.
const MAX_NESTING: usize = 240;

fn unsupported(what: impl std::fmt::Display) -> Error {
    Error::Backend(what.to_string())
}

/// A short name for a statement or expression, for error messages: its variant's name.
fn variant_name(debug: &impl std::fmt::Debug) -> String {
    let text = format!("{debug:?}");
    text.split([' ', '{', '('])
        .next()
        .unwrap_or("construct")
        .to_string()
}

const INDENT: &str = "    ";

/// How a global is reached in the kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GlobalKind {
    /// A storage binding whose type is an array: the kernel argument is a pointer to its first
    /// element, indexed directly. `runtime` when its size is the binding's length.
    Array { binding: u32, runtime: bool },
    /// A storage binding of a single value: a pointer, dereferenced.
    Value,
    /// A uniform, passed by value; or a private variable declared in the kernel.
    Plain,
}

/// A number type: a scalar, or a vector of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Numeric {
    scalar: Scalar,
    size: Option<VectorSize>,
}

/// The C name of a scalar type.
fn scalar_name(scalar: Scalar) -> Result<&'static str, Error> {
    Ok(match (scalar.kind, scalar.width) {
        (ScalarKind::Bool, _) => "bool",
        (ScalarKind::Sint, 4) => "int",
        (ScalarKind::Uint, 4) => "uint",
        (ScalarKind::Float, 4) => "float",
        (ScalarKind::Sint, 8) => "long",
        (ScalarKind::Uint, 8) => "ulong",
        (ScalarKind::Float, 8) => "double",
        _ => {
            return Err(unsupported(format!(
                "the type {:?} of width {}",
                scalar.kind, scalar.width
            )))
        }
    })
}

fn vector_len(size: VectorSize) -> u32 {
    size as u32
}

/// The C name of a scalar or vector type.
fn numeric_name(n: Numeric) -> Result<String, Error> {
    let name = scalar_name(n.scalar)?;
    match n.size {
        None => Ok(name.to_string()),
        Some(_) if n.scalar.kind == ScalarKind::Bool => {
            Err(unsupported("vectors of bool (OpenCL C has none)"))
        }
        Some(size) => Ok(format!("{name}{}", vector_len(size))),
    }
}

/// The same number type with its scalar made unsigned (for wrapping integer arithmetic).
fn unsigned(n: Numeric) -> Numeric {
    Numeric {
        scalar: Scalar {
            kind: ScalarKind::Uint,
            width: n.scalar.width,
        },
        size: n.size,
    }
}

/// A literal, exactly: floats by their bits, the most negative integers as an expression.
fn literal(l: &Literal) -> Result<String, Error> {
    Ok(match *l {
        Literal::F64(v) => format!("as_double(0x{:016x}UL)", v.to_bits()),
        Literal::F32(v) => format!("as_float(0x{:08x}u)", v.to_bits()),
        Literal::U32(v) => format!("{v}u"),
        Literal::I32(i32::MIN) => "(-2147483647 - 1)".to_string(),
        Literal::I32(v) if v < 0 => format!("({v})"),
        Literal::I32(v) => format!("{v}"),
        Literal::U64(v) => format!("{v}UL"),
        Literal::I64(i64::MIN) => "(-9223372036854775807L - 1L)".to_string(),
        Literal::I64(v) if v < 0 => format!("({v}L)"),
        Literal::I64(v) => format!("{v}L"),
        Literal::Bool(v) => v.to_string(),
        ref other => return Err(unsupported(format!("the literal {other:?}"))),
    })
}

fn component(c: SwizzleComponent) -> char {
    ['x', 'y', 'z', 'w'][c as usize]
}

/// C's size and alignment of a type, for the layout checks of structs and array strides.
fn c_layout(module: &Module, ty: Handle<Type>) -> Result<(u32, u32), Error> {
    Ok(match module.types[ty].inner {
        TypeInner::Scalar(s) | TypeInner::Atomic(s) => {
            let size = if s.kind == ScalarKind::Bool {
                1
            } else {
                u32::from(s.width)
            };
            (size, size)
        }
        TypeInner::Vector { size, scalar } => {
            // OpenCL C: 3-component vectors have the size and alignment of 4-component ones.
            let n = match size {
                VectorSize::Tri => 4,
                other => vector_len(other),
            };
            let bytes = n * u32::from(scalar.width);
            (bytes, bytes)
        }
        TypeInner::Array {
            base,
            size: ArraySize::Constant(n),
            ..
        } => {
            let (size, align) = c_layout(module, base)?;
            (size * n.get(), align)
        }
        TypeInner::Struct { ref members, .. } => {
            let mut offset = 0u32;
            let mut align = 1u32;
            for m in members {
                let (size, a) = c_layout(module, m.ty)?;
                offset = offset.div_ceil(a) * a;
                offset += size;
                align = align.max(a);
            }
            (offset.div_ceil(align) * align, align)
        }
        ref other => {
            return Err(unsupported(format!(
                "the layout of {}",
                variant_name(other)
            )))
        }
    })
}

/// The name of a helper function, defined before the kernel the first time it is used.
#[derive(Default)]
struct Helpers {
    /// Name and definition, in the order first used.
    defined: Vec<(String, String)>,
}

impl Helpers {
    fn use_helper(&mut self, name: &str, define: impl FnOnce() -> String) -> String {
        if !self.defined.iter().any(|(n, _)| n == name) {
            self.defined.push((name.to_string(), define()));
        }
        name.to_string()
    }
}

/// Integer types by width: `(signed, unsigned, bits, unsigned literal suffix, MIN macro)`.
fn int_names(width: u8) -> (&'static str, &'static str, u32, &'static str, &'static str) {
    if width == 8 {
        ("long", "ulong", 64, "UL", "LONG_MIN")
    } else {
        ("int", "uint", 32, "u", "INT_MIN")
    }
}

pub(super) struct Writer<'a> {
    module: &'a Module,
    info: &'a ModuleInfo,
    fun_info: &'a FunctionInfo,
    func: &'a Function,
    options: &'a Options,
    names: FastHashMap<NameKey, String>,
    globals: Vec<GlobalKind>,
    /// The temporary holding each baked expression.
    baked: FastHashMap<Handle<Expression>, String>,
    helpers: Helpers,
    /// The kernel body being written.
    out: String,
    indent: usize,
    /// For each enclosing loop, the label `continue` jumps to when the loop has a continuing
    /// block.
    loops: Vec<Option<String>>,
    labels: u32,
    uses_f64: bool,
    uses_i64: bool,
    /// 64-bit atomics (`cl_khr_int64_base_atomics` and `_extended_atomics`).
    uses_atomic64: bool,
}

impl<'a> Writer<'a> {
    pub(super) fn new(
        module: &'a Module,
        info: &'a ModuleInfo,
        options: &'a Options,
    ) -> Result<Writer<'a>, Error> {
        let [entry] = &module.entry_points[..] else {
            return Err(unsupported(format!(
                "a module with {} entry points (it takes exactly one)",
                module.entry_points.len()
            )));
        };
        if entry.stage != ShaderStage::Compute {
            return Err(unsupported(format!("a {:?} entry point", entry.stage)));
        }
        if !module.functions.is_empty() {
            return Err(unsupported("functions other than the entry point (calls)"));
        }
        if !module.overrides.is_empty() || entry.workgroup_size_overrides.is_some() {
            return Err(unsupported("pipeline-overridable constants"));
        }
        let mut names = FastHashMap::default();
        Namer::default().reset(
            module,
            &RESERVED_SET,
            naga::proc::KeywordSet::empty(),
            naga::proc::CaseInsensitiveKeywordSet::empty(),
            RESERVED_PREFIXES,
            &mut names,
        );
        Ok(Writer {
            module,
            info,
            fun_info: info.get_entry_point(0),
            func: &entry.function,
            options,
            names,
            globals: Vec::new(),
            baked: FastHashMap::default(),
            helpers: Helpers::default(),
            out: String::new(),
            indent: 1,
            loops: Vec::new(),
            labels: 0,
            uses_f64: false,
            uses_i64: false,
            uses_atomic64: false,
        })
    }

    pub(super) fn write(mut self) -> Result<Program, Error> {
        self.scan_features()?;
        let entry = &self.module.entry_points[0];
        let typedefs = self.typedefs()?;
        let (params, args) = self.kernel_params()?;
        self.prelude()?;
        self.block(&self.func.body)?;

        let mut source = String::new();
        source.push_str(
            "// OpenCL C written by wasi-parallel-translator from naga IR.\n\
             #pragma OPENCL FP_CONTRACT OFF\n",
        );
        if self.uses_f64 {
            source.push_str("#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n");
        }
        if self.uses_atomic64 {
            source.push_str(
                "#pragma OPENCL EXTENSION cl_khr_int64_base_atomics : enable\n\
                 #pragma OPENCL EXTENSION cl_khr_int64_extended_atomics : enable\n",
            );
        }
        source.push('\n');
        source.push_str(&typedefs);
        for (_, definition) in &self.helpers.defined {
            source.push_str(definition);
            source.push('\n');
        }
        let [x, y, z] = entry.workgroup_size;
        let entry_point = self.names[&NameKey::EntryPoint(0)].clone();
        let _ = writeln!(
            source,
            "__kernel __attribute__((reqd_work_group_size({x}, {y}, {z})))\nvoid {entry_point}("
        );
        for (i, param) in params.iter().enumerate() {
            let comma = if i + 1 < params.len() { "," } else { "" };
            let _ = writeln!(source, "{INDENT}{param}{comma}");
        }
        source.push_str(") {\n");
        source.push_str(&self.out);
        source.push_str("}\n");
        Ok(Program {
            source,
            entry_point,
            args,
            build_options: BUILD_OPTIONS.to_string(),
        })
    }

    /// Finds 64-bit floats and integers anywhere in the module and checks the device has them.
    fn scan_features(&mut self) -> Result<(), Error> {
        let mut note = |s: Scalar| {
            if s.width == 8 {
                match s.kind {
                    ScalarKind::Float => self.uses_f64 = true,
                    ScalarKind::Sint | ScalarKind::Uint => self.uses_i64 = true,
                    _ => {}
                }
            }
        };
        let mut note_inner = |inner: &TypeInner| match *inner {
            TypeInner::Scalar(s)
            | TypeInner::Atomic(s)
            | TypeInner::Vector { scalar: s, .. }
            | TypeInner::ValuePointer { scalar: s, .. } => note(s),
            _ => {}
        };
        for (_, ty) in self.module.types.iter() {
            note_inner(&ty.inner);
        }
        self.uses_atomic64 = self
            .module
            .types
            .iter()
            .any(|(_, ty)| matches!(ty.inner, TypeInner::Atomic(s) if s.width == 8));
        for (h, _) in self.func.expressions.iter() {
            note_inner(self.fun_info[h].ty.inner_with(&self.module.types));
        }
        for (_, e) in self.module.global_expressions.iter() {
            if let Expression::Literal(l) = e {
                note_inner(&TypeInner::Scalar(l.scalar()));
            }
        }
        if self.uses_f64 && !self.options.f64 {
            return Err(Error::MissingFeature("64-bit floats"));
        }
        if self.uses_i64 && !self.options.i64 {
            return Err(Error::MissingFeature("64-bit integers"));
        }
        Ok(())
    }

    fn type_name(&self, ty: Handle<Type>) -> Result<String, Error> {
        match self.module.types[ty].inner {
            TypeInner::Struct { .. } => Ok(self.names[&NameKey::Type(ty)].clone()),
            ref inner => self.inner_name(inner),
        }
    }

    /// The C name of a type that is not a struct or an array.
    fn inner_name(&self, inner: &TypeInner) -> Result<String, Error> {
        match *inner {
            TypeInner::Scalar(scalar) | TypeInner::Atomic(scalar) => {
                numeric_name(Numeric { scalar, size: None })
            }
            TypeInner::Vector { size, scalar } => numeric_name(Numeric {
                scalar,
                size: Some(size),
            }),
            TypeInner::Array { .. } => Err(unsupported("array values (only array variables)")),
            ref other => Err(unsupported(format!("the type {}", variant_name(other)))),
        }
    }

    fn resolution_name(&self, resolution: &TypeResolution) -> Result<String, Error> {
        match *resolution {
            TypeResolution::Handle(ty) => self.type_name(ty),
            TypeResolution::Value(ref inner) => self.inner_name(inner),
        }
    }

    /// `T name` or `T name[N]` for a variable of type `ty`.
    fn declarator(&self, ty: Handle<Type>, name: &str) -> Result<String, Error> {
        let mut dims = String::new();
        let mut ty = ty;
        while let TypeInner::Array { base, size, .. } = self.module.types[ty].inner {
            match size {
                ArraySize::Constant(n) => {
                    let _ = write!(dims, "[{n}]");
                }
                _ => return Err(unsupported("a variable of a runtime-sized array type")),
            }
            ty = base;
        }
        Ok(format!("{} {name}{dims}", self.type_name(ty)?))
    }

    /// `typedef struct { ... } Name;` for every struct of the module.
    fn typedefs(&self) -> Result<String, Error> {
        let mut out = String::new();
        for (ty, t) in self.module.types.iter() {
            let TypeInner::Struct { ref members, .. } = t.inner else {
                continue;
            };
            let name = &self.names[&NameKey::Type(ty)];
            out.push_str("typedef struct {\n");
            for (i, m) in members.iter().enumerate() {
                let member = &self.names[&NameKey::StructMember(ty, i as u32)];
                let _ = writeln!(out, "{INDENT}{};", self.declarator(m.ty, member)?);
            }
            let _ = writeln!(out, "}} {name};\n");
        }
        Ok(out)
    }

    /// Checks that naga's layout of `ty` (which the host's bytes follow) is C's.
    fn check_layout(&self, ty: Handle<Type>, what: &str) -> Result<(), Error> {
        match self.module.types[ty].inner {
            TypeInner::Struct { ref members, span } => {
                let mut offset = 0u32;
                for (i, m) in members.iter().enumerate() {
                    self.check_layout(m.ty, what)?;
                    let (size, align) = c_layout(self.module, m.ty)?;
                    offset = offset.div_ceil(align) * align;
                    if offset != m.offset {
                        return Err(unsupported(format!(
                            "{what}: member {i} of its struct is at offset {} in naga's layout \
                             and {offset} in C's",
                            m.offset
                        )));
                    }
                    offset += size;
                }
                let (c_size, _) = c_layout(self.module, ty)?;
                if c_size != span {
                    return Err(unsupported(format!(
                        "{what}: its struct has {span} bytes in naga's layout and {c_size} in C's"
                    )));
                }
                Ok(())
            }
            TypeInner::Array { base, stride, .. } => {
                self.check_layout(base, what)?;
                let (size, _) = c_layout(self.module, base)?;
                if size != stride {
                    return Err(unsupported(format!(
                        "{what}: its array stride is {stride} and its element's size in C {size}"
                    )));
                }
                Ok(())
            }
            TypeInner::Scalar(Scalar {
                kind: ScalarKind::Bool,
                ..
            }) => Err(unsupported(format!(
                "{what}: a bool in memory the host writes"
            ))),
            _ => Ok(()),
        }
    }

    /// The kernel's parameters and the arguments the host passes for them; records how each
    /// global is reached.
    fn kernel_params(&mut self) -> Result<(Vec<String>, Vec<KernelArg>), Error> {
        let mut params = Vec::new();
        let mut args = Vec::new();
        for (handle, global) in self.module.global_variables.iter() {
            let name = self.names[&NameKey::GlobalVariable(handle)].clone();
            let kind = match global.space {
                AddressSpace::Private | AddressSpace::Function => GlobalKind::Plain,
                AddressSpace::Uniform => {
                    let binding = self.binding(global, &name)?;
                    self.check_layout(global.ty, &format!("the uniform {name}"))?;
                    let (size, _) = c_layout(self.module, global.ty)?;
                    if matches!(self.module.types[global.ty].inner, TypeInner::Array { .. }) {
                        return Err(unsupported(format!("the uniform array {name}")));
                    }
                    params.push(format!("const {}", self.declarator(global.ty, &name)?));
                    args.push(KernelArg::Uniform { binding, size });
                    GlobalKind::Plain
                }
                AddressSpace::Storage { access } => {
                    let binding = self.binding(global, &name)?;
                    self.check_layout(global.ty, &format!("the buffer {name}"))?;
                    let constness = if access.contains(StorageAccess::STORE) {
                        ""
                    } else {
                        "const "
                    };
                    let (element, kind) = match self.module.types[global.ty].inner {
                        TypeInner::Array { base, size, .. } => {
                            let runtime = match size {
                                ArraySize::Dynamic => true,
                                ArraySize::Constant(_) => false,
                                ArraySize::Pending(_) => {
                                    return Err(unsupported("override-sized arrays"))
                                }
                            };
                            (base, GlobalKind::Array { binding, runtime })
                        }
                        _ => (global.ty, GlobalKind::Value),
                    };
                    if matches!(self.module.types[element].inner, TypeInner::Array { .. }) {
                        return Err(unsupported(format!("the array of arrays {name}")));
                    }
                    let volatile = match self.module.types[element].inner {
                        TypeInner::Atomic(s) => {
                            if !matches!(s.width, 4 | 8)
                                || !matches!(s.kind, ScalarKind::Sint | ScalarKind::Uint)
                            {
                                return Err(unsupported(format!(
                                    "the atomic {name} (only 32- and 64-bit integer atomics)"
                                )));
                            }
                            "volatile "
                        }
                        _ => "",
                    };
                    params.push(format!(
                        "{volatile}__global {constness}{}* {name}",
                        self.type_name(element)?
                    ));
                    args.push(KernelArg::Buffer { binding });
                    if kind
                        == (GlobalKind::Array {
                            binding,
                            runtime: true,
                        })
                    {
                        params.push(format!("const uint _len_{binding}"));
                        args.push(KernelArg::Length { binding });
                    }
                    kind
                }
                other => {
                    return Err(unsupported(format!(
                        "the global {name} in the {other:?} address space"
                    )))
                }
            };
            self.globals.push(kind);
        }
        Ok((params, args))
    }

    fn binding(&self, global: &GlobalVariable, name: &str) -> Result<u32, Error> {
        match global.binding {
            Some(ref b) if b.group == 0 => Ok(b.binding),
            Some(ref b) => Err(unsupported(format!(
                "the binding of {name} in group {} (only group 0)",
                b.group
            ))),
            None => Err(unsupported(format!(
                "the resource {name} without a binding"
            ))),
        }
    }

    fn line(&mut self, text: &str) {
        for _ in 0..self.indent {
            self.out.push_str(INDENT);
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// Clamp limits, built-in arguments, private globals and locals, at the top of the kernel.
    fn prelude(&mut self) -> Result<(), Error> {
        for kind in self.globals.clone() {
            if let GlobalKind::Array {
                binding,
                runtime: true,
            } = kind
            {
                self.line(&format!(
                    "const uint _lim_{binding} = _len_{binding} == 0u ? 0u : _len_{binding} - 1u;"
                ));
            }
        }
        for (i, arg) in self.func.arguments.iter().enumerate() {
            let name = self.names[&NameKey::EntryPointArgument(0, i as u32)].clone();
            let ty = self.type_name(arg.ty)?;
            let xyz = |f: &str| format!("(uint3)((uint){f}(0), (uint){f}(1), (uint){f}(2))");
            let (want, value) = match arg.binding {
                Some(Binding::BuiltIn(BuiltIn::GlobalInvocationId)) => {
                    ("uint3", xyz("get_global_id"))
                }
                Some(Binding::BuiltIn(BuiltIn::LocalInvocationId)) => {
                    ("uint3", xyz("get_local_id"))
                }
                Some(Binding::BuiltIn(BuiltIn::WorkGroupId)) => ("uint3", xyz("get_group_id")),
                Some(Binding::BuiltIn(BuiltIn::NumWorkGroups)) => ("uint3", xyz("get_num_groups")),
                Some(Binding::BuiltIn(BuiltIn::LocalInvocationIndex)) => (
                    "uint",
                    "(uint)((get_local_id(2) * get_local_size(1) + get_local_id(1)) * \
                     get_local_size(0) + get_local_id(0))"
                        .to_string(),
                ),
                ref other => {
                    return Err(unsupported(format!(
                        "the entry point argument {name} bound to {other:?}"
                    )))
                }
            };
            if ty != want {
                return Err(unsupported(format!(
                    "the built-in argument {name} of type {ty}"
                )));
            }
            self.line(&format!("const {ty} {name} = {value};"));
        }
        for (handle, global) in self.module.global_variables.iter() {
            if self.globals[handle.index()] != GlobalKind::Plain
                || global.space == AddressSpace::Uniform
            {
                continue;
            }
            let name = self.names[&NameKey::GlobalVariable(handle)].clone();
            let init = match global.init {
                Some(init) => self.const_value(init)?,
                None => self.zero(global.ty, true)?,
            };
            let declaration = self.declarator(global.ty, &name)?;
            self.line(&format!("{declaration} = {init};"));
        }
        for (handle, local) in self.func.local_variables.iter() {
            let name = self.names[&NameKey::EntryPointLocal(0, handle)].clone();
            let init = match local.init {
                Some(init) => match self.func.expressions[init] {
                    Expression::ZeroValue(ty) => self.zero(ty, true)?,
                    Expression::Compose { ty, ref components }
                        if matches!(self.module.types[ty].inner, TypeInner::Array { .. }) =>
                    {
                        let items = components
                            .iter()
                            .map(|&c| self.value(c))
                            .collect::<Result<Vec<_>, _>>()?;
                        format!("{{ {} }}", items.join(", "))
                    }
                    _ => self.value(init)?,
                },
                None => self.zero(local.ty, true)?,
            };
            let declaration = self.declarator(local.ty, &name)?;
            self.line(&format!("{declaration} = {init};"));
        }
        Ok(())
    }

    /// The zero of a type; as an initialiser (`{0}` for arrays and structs) or a value.
    fn zero(&self, ty: Handle<Type>, initialiser: bool) -> Result<String, Error> {
        match self.module.types[ty].inner {
            TypeInner::Scalar(scalar) | TypeInner::Atomic(scalar) => literal(
                &Literal::zero(scalar)
                    .ok_or_else(|| unsupported(format!("a zero of {scalar:?}")))?,
            ),
            TypeInner::Vector { size, scalar } => {
                let zero = literal(
                    &Literal::zero(scalar)
                        .ok_or_else(|| unsupported(format!("a zero of {scalar:?}")))?,
                )?;
                let name = numeric_name(Numeric {
                    scalar,
                    size: Some(size),
                })?;
                Ok(format!("(({name})({zero}))"))
            }
            TypeInner::Array { .. } | TypeInner::Struct { .. } if initialiser => {
                Ok("{0}".to_string())
            }
            TypeInner::Struct { .. } => Ok(format!("(({}){{0}})", self.type_name(ty)?)),
            ref other => Err(unsupported(format!("a zero {}", variant_name(other)))),
        }
    }

    /// A constant expression of the module (`global_expressions`), inline.
    fn const_value(&self, h: Handle<Expression>) -> Result<String, Error> {
        match self.module.global_expressions[h] {
            Expression::Literal(ref l) => literal(l),
            Expression::Constant(c) => self.const_value(self.module.constants[c].init),
            Expression::ZeroValue(ty) => self.zero(ty, false),
            Expression::Compose { ty, ref components } => {
                let items = components
                    .iter()
                    .map(|&c| self.const_value(c))
                    .collect::<Result<Vec<_>, _>>()?;
                self.compose(ty, &items)
            }
            Expression::Splat { size, value } => {
                let v = self.const_value(value)?;
                let TypeInner::Scalar(scalar) = *self.info[value].inner_with(&self.module.types)
                else {
                    return Err(unsupported("a splat of a non-scalar"));
                };
                let name = numeric_name(Numeric {
                    scalar,
                    size: Some(size),
                })?;
                Ok(format!("(({name})({v}))"))
            }
            ref other => Err(unsupported(format!(
                "the constant expression {}",
                variant_name(other)
            ))),
        }
    }

    fn compose(&self, ty: Handle<Type>, items: &[String]) -> Result<String, Error> {
        match self.module.types[ty].inner {
            TypeInner::Vector { .. } => {
                Ok(format!("(({})({}))", self.type_name(ty)?, items.join(", ")))
            }
            TypeInner::Struct { .. } => Ok(format!(
                "(({}){{{}}})",
                self.type_name(ty)?,
                items.join(", ")
            )),
            ref other => Err(unsupported(format!("a {} value", variant_name(other)))),
        }
    }

    fn block(&mut self, block: &Block) -> Result<(), Error> {
        for statement in block.iter() {
            self.statement(statement)?;
        }
        Ok(())
    }

    fn nested(&mut self, block: &Block) -> Result<(), Error> {
        if self.indent >= MAX_NESTING {
            return Err(unsupported(format!(
                "blocks nested more than {MAX_NESTING} deep in OpenCL C (clang, which most \
                 OpenCL compilers are built on, stops at 256 nested brackets)"
            )));
        }
        self.indent += 1;
        let result = self.block(block);
        self.indent -= 1;
        result
    }

    fn statement(&mut self, statement: &Statement) -> Result<(), Error> {
        match *statement {
            Statement::Emit(ref range) => {
                for h in range.clone() {
                    if self.is_pointer(h) {
                        continue;
                    }
                    let ty = self.resolution_name(&self.fun_info[h].ty)?;
                    let value = self.inline(h)?;
                    let name = format!("_e{}", h.index());
                    self.line(&format!("const {ty} {name} = {value};"));
                    self.baked.insert(h, name);
                }
            }
            Statement::Block(ref block) => {
                self.line("{");
                self.nested(block)?;
                self.line("}");
            }
            Statement::If {
                condition,
                ref accept,
                ref reject,
            } => {
                let c = self.value(condition)?;
                self.line(&format!("if ({c}) {{"));
                self.nested(accept)?;
                if !reject.is_empty() {
                    self.line("} else {");
                    self.nested(reject)?;
                }
                self.line("}");
            }
            Statement::Switch {
                selector,
                ref cases,
            } => {
                let s = self.value(selector)?;
                self.line(&format!("switch ({s}) {{"));
                self.indent += 1;
                for case in cases {
                    let label = match case.value {
                        naga::SwitchValue::I32(v) => {
                            format!("case {}:", literal(&Literal::I32(v))?)
                        }
                        naga::SwitchValue::U32(v) => format!("case {v}u:"),
                        naga::SwitchValue::Default => "default:".to_string(),
                    };
                    self.line(&format!("{label} {{"));
                    self.nested(&case.body)?;
                    if !case.fall_through {
                        self.indent += 1;
                        self.line("break;");
                        self.indent -= 1;
                    }
                    self.line("}");
                }
                self.indent -= 1;
                self.line("}");
            }
            Statement::Loop {
                ref body,
                ref continuing,
                break_if,
            } => {
                self.line("for (;;) {");
                if continuing.is_empty() && break_if.is_none() {
                    self.loops.push(None);
                    let result = self.nested(body);
                    self.loops.pop();
                    result?;
                } else {
                    // The continuing block sees the body's temporaries: one C scope for both,
                    // and `continue` jumps to the label between them.
                    let label = format!("_continue_{}", self.labels);
                    self.labels += 1;
                    self.loops.push(Some(label.clone()));
                    let result = self.nested(body);
                    self.loops.pop();
                    result?;
                    self.line(&format!("{label}: ;"));
                    self.nested(continuing)?;
                    if let Some(condition) = break_if {
                        let c = self.value(condition)?;
                        self.indent += 1;
                        self.line(&format!("if ({c}) {{ break; }}"));
                        self.indent -= 1;
                    }
                }
                self.line("}");
            }
            Statement::Break => self.line("break;"),
            Statement::Continue => match self.loops.last() {
                Some(Some(label)) => {
                    let text = format!("goto {label};");
                    self.line(&text);
                }
                _ => self.line("continue;"),
            },
            Statement::Return { value: None } => self.line("return;"),
            Statement::Return { value: Some(_) } => {
                return Err(unsupported("a return value from the kernel"))
            }
            Statement::Store { pointer, value } => {
                let target = self.lvalue(pointer)?;
                let v = self.value(value)?;
                if self.points_to_atomic(pointer)? {
                    let xchg = self.atomic_name(pointer, "xchg")?;
                    self.line(&format!("{xchg}(&{target}, {v});"));
                } else {
                    self.line(&format!("{target} = {v};"));
                }
            }
            Statement::Atomic {
                pointer,
                ref fun,
                value,
                result,
            } => self.atomic(pointer, fun, value, result)?,
            Statement::ControlBarrier(flags) => {
                let f = Self::fence_flags(flags);
                self.line(&format!("barrier({f});"));
            }
            Statement::MemoryBarrier(flags) => {
                let f = Self::fence_flags(flags);
                self.line(&format!("mem_fence({f});"));
            }
            ref other => {
                return Err(unsupported(format!(
                    "the statement {}",
                    variant_name(other)
                )))
            }
        }
        Ok(())
    }

    fn fence_flags(flags: Barrier) -> &'static str {
        match (
            flags.contains(Barrier::STORAGE),
            flags.contains(Barrier::WORK_GROUP),
        ) {
            (true, true) => "CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE",
            (true, false) => "CLK_GLOBAL_MEM_FENCE",
            _ => "CLK_LOCAL_MEM_FENCE",
        }
    }

    fn atomic(
        &mut self,
        pointer: Handle<Expression>,
        fun: &AtomicFunction,
        value: Handle<Expression>,
        result: Option<Handle<Expression>>,
    ) -> Result<(), Error> {
        if !self.points_to_atomic(pointer)? {
            return Err(unsupported("an atomic operation on a non-atomic pointer"));
        }
        let target = self.lvalue(pointer)?;
        let v = self.value(value)?;
        let op = match *fun {
            AtomicFunction::Add => "add",
            AtomicFunction::Subtract => "sub",
            AtomicFunction::And => "and",
            AtomicFunction::ExclusiveOr => "xor",
            AtomicFunction::InclusiveOr => "or",
            AtomicFunction::Min => "min",
            AtomicFunction::Max => "max",
            AtomicFunction::Exchange { compare: None } => "xchg",
            AtomicFunction::Exchange {
                compare: Some(compare),
            } => {
                let c = self.value(compare)?;
                let cmpxchg = self.atomic_name(pointer, "cmpxchg")?;
                let call = format!("{cmpxchg}(&{target}, {c}, {v})");
                let Some(result) = result else {
                    self.line(&format!("{call};"));
                    return Ok(());
                };
                // The result is naga's `{ old_value, exchanged }` struct.
                let TypeResolution::Handle(ty) = self.fun_info[result].ty else {
                    return Err(unsupported(
                        "a compare-exchange result that is not a struct",
                    ));
                };
                let TypeInner::Struct { ref members, .. } = self.module.types[ty].inner else {
                    return Err(unsupported(
                        "a compare-exchange result that is not a struct",
                    ));
                };
                let old_ty = self.type_name(members[0].ty)?;
                let name = format!("_e{}", result.index());
                self.line(&format!("const {old_ty} {name}_old = {call};"));
                let struct_name = self.type_name(ty)?;
                self.line(&format!(
                    "const {struct_name} {name} = {{ {name}_old, {name}_old == {c} }};"
                ));
                self.baked.insert(result, name);
                return Ok(());
            }
        };
        let name = self.atomic_name(pointer, op)?;
        let call = format!("{name}(&{target}, {v})");
        match result {
            Some(result) => {
                let ty = self.resolution_name(&self.fun_info[result].ty)?;
                let name = format!("_e{}", result.index());
                self.line(&format!("const {ty} {name} = {call};"));
                self.baked.insert(result, name);
            }
            None => self.line(&format!("{call};")),
        }
        Ok(())
    }

    fn resolved(&self, h: Handle<Expression>) -> &'a TypeInner {
        self.fun_info[h].ty.inner_with(&self.module.types)
    }

    fn is_pointer(&self, h: Handle<Expression>) -> bool {
        matches!(
            self.resolved(h),
            TypeInner::Pointer { .. } | TypeInner::ValuePointer { .. }
        )
    }

    fn numeric(&self, h: Handle<Expression>) -> Result<Numeric, Error> {
        match *self.resolved(h) {
            TypeInner::Scalar(scalar) => Ok(Numeric { scalar, size: None }),
            TypeInner::Vector { size, scalar } => Ok(Numeric {
                scalar,
                size: Some(size),
            }),
            ref other => Err(unsupported(format!(
                "an operation on a {} value",
                variant_name(other)
            ))),
        }
    }

    /// What a pointer expression points to: its type, and the type's handle where it has one.
    fn pointee(
        &self,
        pointer: Handle<Expression>,
    ) -> Result<(TypeInner, Option<Handle<Type>>), Error> {
        match *self.resolved(pointer) {
            TypeInner::Pointer { base, .. } => {
                Ok((self.module.types[base].inner.clone(), Some(base)))
            }
            TypeInner::ValuePointer {
                size: Some(size),
                scalar,
                ..
            } => Ok((TypeInner::Vector { size, scalar }, None)),
            TypeInner::ValuePointer {
                size: None, scalar, ..
            } => Ok((TypeInner::Scalar(scalar), None)),
            _ => Err(unsupported("a value used as a pointer")),
        }
    }

    /// The OpenCL function for atomic `op` on what `pointer` points to: `atomic_op` for 32-bit
    /// words, `atom_op` (the `cl_khr_int64_*_atomics` extensions) for 64-bit ones.
    fn atomic_name(&self, pointer: Handle<Expression>, op: &str) -> Result<String, Error> {
        match self.pointee(pointer)?.0 {
            TypeInner::Atomic(s) if s.width == 8 => Ok(format!("atom_{op}")),
            _ => Ok(format!("atomic_{op}")),
        }
    }

    fn points_to_atomic(&self, pointer: Handle<Expression>) -> Result<bool, Error> {
        Ok(matches!(self.pointee(pointer)?.0, TypeInner::Atomic(_)))
    }

    /// The clamp limit of a runtime-sized array reached through `base`: its global's binding.
    fn runtime_limit(&self, base: Handle<Expression>) -> Result<String, Error> {
        match self.func.expressions[base] {
            Expression::GlobalVariable(g) => match self.globals[g.index()] {
                GlobalKind::Array {
                    binding,
                    runtime: true,
                } => Ok(format!("_lim_{binding}")),
                _ => Err(unsupported(
                    "a runtime-sized array that is not a whole binding",
                )),
            },
            _ => Err(unsupported(
                "a runtime-sized array that is not a whole binding",
            )),
        }
    }

    /// `min((uint)(index), limit)`, in the index's width.
    fn clamped(&self, index: Handle<Expression>, limit: &str) -> Result<String, Error> {
        let i = self.value(index)?;
        let n = self.numeric(index)?;
        if n.size.is_some() || !matches!(n.scalar.kind, ScalarKind::Sint | ScalarKind::Uint) {
            return Err(unsupported("an index that is not an integer"));
        }
        Ok(if n.scalar.width == 8 {
            format!("min((ulong)({i}), (ulong)({limit}))")
        } else {
            format!("min((uint)({i}), {limit})")
        })
    }

    /// A pointer expression as a C lvalue.
    fn lvalue(&self, h: Handle<Expression>) -> Result<String, Error> {
        match self.func.expressions[h] {
            Expression::GlobalVariable(g) => {
                let name = &self.names[&NameKey::GlobalVariable(g)];
                Ok(match self.globals[g.index()] {
                    GlobalKind::Value => format!("(*{name})"),
                    GlobalKind::Array { .. } | GlobalKind::Plain => name.clone(),
                })
            }
            Expression::LocalVariable(l) => Ok(self.names[&NameKey::EntryPointLocal(0, l)].clone()),
            Expression::Access { base, index } => {
                let b = self.lvalue(base)?;
                match self.pointee(base)?.0 {
                    TypeInner::Array {
                        size: ArraySize::Dynamic,
                        ..
                    } => {
                        let limit = self.runtime_limit(base)?;
                        Ok(format!("{b}[{}]", self.clamped(index, &limit)?))
                    }
                    TypeInner::Array {
                        size: ArraySize::Constant(n),
                        ..
                    } => Ok(format!(
                        "{b}[{}]",
                        self.clamped(index, &format!("{}u", n.get() - 1))?
                    )),
                    ref other => Err(unsupported(format!(
                        "a dynamic index into a {} through a pointer",
                        variant_name(other)
                    ))),
                }
            }
            Expression::AccessIndex { base, index } => {
                let b = self.lvalue(base)?;
                let (pointee, ty) = self.pointee(base)?;
                self.member(&b, &pointee, ty, index, Some(base))
            }
            ref other => Err(unsupported(format!(
                "the pointer expression {}",
                variant_name(other)
            ))),
        }
    }

    /// `base.member`, `base.x` or `base[index]` for a constant index into a value or lvalue of
    /// type `inner`. `pointer` is the base's pointer expression, for runtime-sized arrays.
    fn member(
        &self,
        base: &str,
        inner: &TypeInner,
        ty: Option<Handle<Type>>,
        index: u32,
        pointer: Option<Handle<Expression>>,
    ) -> Result<String, Error> {
        match *inner {
            TypeInner::Struct { ref members, .. } => {
                let ty = ty.ok_or_else(|| unsupported("an anonymous struct"))?;
                if index as usize >= members.len() {
                    return Err(unsupported(format!("member {index} of a struct")));
                }
                Ok(format!(
                    "{base}.{}",
                    self.names[&NameKey::StructMember(ty, index)]
                ))
            }
            TypeInner::Vector { size, .. } => {
                if index >= vector_len(size) {
                    return Err(unsupported(format!("component {index} of a vector")));
                }
                Ok(format!("{base}.{}", ['x', 'y', 'z', 'w'][index as usize]))
            }
            TypeInner::Array {
                size: ArraySize::Constant(n),
                ..
            } => {
                if index >= n.get() {
                    return Err(unsupported(format!(
                        "element {index} of an array of {n} (out of bounds)"
                    )));
                }
                Ok(format!("{base}[{index}]"))
            }
            TypeInner::Array {
                size: ArraySize::Dynamic,
                ..
            } => {
                let pointer = pointer.ok_or_else(|| unsupported("a runtime-sized array value"))?;
                if index == 0 {
                    // Every runtime-sized binding has at least one element (see the module docs).
                    Ok(format!("{base}[0]"))
                } else {
                    let limit = self.runtime_limit(pointer)?;
                    Ok(format!("{base}[min({index}u, {limit})]"))
                }
            }
            ref other => Err(unsupported(format!(
                "a constant index into a {}",
                variant_name(other)
            ))),
        }
    }

    /// An expression as a C value: its temporary if it was baked, else written inline.
    fn value(&self, h: Handle<Expression>) -> Result<String, Error> {
        match self.baked.get(&h) {
            Some(name) => Ok(name.clone()),
            None if self.is_pointer(h) => Err(unsupported("a pointer used as a value")),
            None => self.inline_value(h),
        }
    }

    /// An expression written out in full, its operands by [`Writer::value`]. Needs `&mut` only
    /// for the helper functions it may define.
    fn inline(&mut self, h: Handle<Expression>) -> Result<String, Error> {
        match self.func.expressions[h] {
            Expression::Binary { op, left, right } => self.binary(h, op, left, right),
            Expression::Math {
                fun,
                arg,
                arg1,
                arg2,
                arg3,
            } => self.math(fun, arg, [arg1, arg2, arg3]),
            _ => self.inline_value(h),
        }
    }

    /// [`Writer::inline`] for the expressions that need no helper functions.
    fn inline_value(&self, h: Handle<Expression>) -> Result<String, Error> {
        match self.func.expressions[h] {
            Expression::Literal(ref l) => literal(l),
            Expression::Constant(c) => self.const_value(self.module.constants[c].init),
            Expression::ZeroValue(ty) => self.zero(ty, false),
            Expression::Compose { ty, ref components } => {
                let items = components
                    .iter()
                    .map(|&c| self.value(c))
                    .collect::<Result<Vec<_>, _>>()?;
                self.compose(ty, &items)
            }
            Expression::Splat { value, .. } => {
                let name = self.resolution_name(&self.fun_info[h].ty)?;
                Ok(format!("(({name})({}))", self.value(value)?))
            }
            Expression::Swizzle {
                size,
                vector,
                pattern,
            } => {
                let v = self.value(vector)?;
                let letters: String = pattern[..vector_len(size) as usize]
                    .iter()
                    .map(|&c| component(c))
                    .collect();
                Ok(format!("{v}.{letters}"))
            }
            Expression::FunctionArgument(i) => {
                Ok(self.names[&NameKey::EntryPointArgument(0, i)].clone())
            }
            Expression::Load { pointer } => {
                if let TypeInner::Array { .. } = self.pointee(pointer)?.0 {
                    return Err(unsupported("a load of a whole array"));
                }
                // An atomic's lvalue is volatile: reading it is the atomic load.
                self.lvalue(pointer)
            }
            Expression::Access { base, index } => {
                // Into a value (pointers are lvalues): a vector's component.
                let b = self.value(base)?;
                match *self.resolved(base) {
                    TypeInner::Vector { size, .. } => Ok(format!(
                        "{b}[{}]",
                        self.clamped(index, &format!("{}u", vector_len(size) - 1))?
                    )),
                    ref other => Err(unsupported(format!(
                        "a dynamic index into a {} value",
                        variant_name(other)
                    ))),
                }
            }
            Expression::AccessIndex { base, index } => {
                let b = self.value(base)?;
                let ty = match self.fun_info[base].ty {
                    TypeResolution::Handle(ty) => Some(ty),
                    TypeResolution::Value(_) => None,
                };
                self.member(&b, self.resolved(base), ty, index, None)
            }
            Expression::Unary { op, expr } => {
                let v = self.value(expr)?;
                let n = self.numeric(expr)?;
                Ok(match op {
                    UnaryOperator::Negate if n.scalar.kind == ScalarKind::Sint => {
                        let t = numeric_name(n)?;
                        let u = numeric_name(unsigned(n))?;
                        format!("as_{t}(-as_{u}({v}))")
                    }
                    UnaryOperator::Negate => format!("(-{v})"),
                    UnaryOperator::LogicalNot => format!("(!{v})"),
                    UnaryOperator::BitwiseNot => format!("(~{v})"),
                })
            }
            Expression::Select {
                condition,
                accept,
                reject,
            } => {
                if self.numeric(condition)?.size.is_some() {
                    return Err(unsupported("a select on a vector condition"));
                }
                let (c, a, r) = (
                    self.value(condition)?,
                    self.value(accept)?,
                    self.value(reject)?,
                );
                Ok(format!("({c} ? {a} : {r})"))
            }
            Expression::As {
                expr,
                kind,
                convert,
            } => self.cast(expr, kind, convert),
            Expression::Relational { fun, argument } => {
                let v = self.value(argument)?;
                if self.numeric(argument)?.size.is_some() {
                    return Err(unsupported(format!("{fun:?} of a vector (bool vectors)")));
                }
                match fun {
                    RelationalFunction::IsNan => Ok(format!("isnan({v})")),
                    RelationalFunction::IsInf => Ok(format!("isinf({v})")),
                    RelationalFunction::All | RelationalFunction::Any => Ok(v),
                }
            }
            Expression::ArrayLength(pointer) => match self.func.expressions[pointer] {
                Expression::GlobalVariable(g) => match self.globals[g.index()] {
                    GlobalKind::Array {
                        binding,
                        runtime: true,
                    } => Ok(format!("_len_{binding}")),
                    _ => Err(unsupported(
                        "arrayLength of an array that is not a whole binding",
                    )),
                },
                _ => Err(unsupported(
                    "arrayLength of an array that is not a whole binding",
                )),
            },
            Expression::GlobalVariable(_) | Expression::LocalVariable(_) => {
                Err(unsupported("a pointer used as a value"))
            }
            ref other => Err(unsupported(format!(
                "the expression {}",
                variant_name(other)
            ))),
        }
    }

    /// `as` with a width converts the value; without one it reinterprets the bits.
    fn cast(
        &self,
        expr: Handle<Expression>,
        kind: ScalarKind,
        convert: Option<u8>,
    ) -> Result<String, Error> {
        let v = self.value(expr)?;
        let from = self.numeric(expr)?;
        let to = Numeric {
            scalar: Scalar {
                kind,
                width: convert.unwrap_or(from.scalar.width),
            },
            size: from.size,
        };
        if to == from {
            return Ok(v);
        }
        let t = numeric_name(to)?;
        let (from_kind, to_kind) = (from.scalar.kind, to.scalar.kind);
        if convert.is_none() {
            if from_kind == ScalarKind::Bool || to_kind == ScalarKind::Bool {
                return Err(unsupported("a bitcast of bool"));
            }
            return Ok(format!("as_{t}({v})"));
        }
        let is_int = |k| matches!(k, ScalarKind::Sint | ScalarKind::Uint);
        if from.size.is_some() {
            if from_kind == ScalarKind::Bool || to_kind == ScalarKind::Bool {
                return Err(unsupported("a conversion of bool vectors"));
            }
            return Ok(if from_kind == ScalarKind::Float && is_int(to_kind) {
                format!("convert_{t}_sat({v})")
            } else {
                format!("convert_{t}({v})")
            });
        }
        Ok(match (from_kind, to_kind) {
            (_, ScalarKind::Bool) => format!("({v} != 0)"),
            (ScalarKind::Bool, _) => format!("(({t})({v}))"),
            // Saturating, NaN to 0: WGSL's rule, where a C cast would be undefined.
            (ScalarKind::Float, k) if is_int(k) => format!("convert_{t}_sat({v})"),
            // Into a signed integer through the unsigned one of its width: modular, not
            // implementation-defined.
            (f, ScalarKind::Sint)
                if is_int(f) && (f == ScalarKind::Uint || from.scalar.width > to.scalar.width) =>
            {
                let u = numeric_name(unsigned(to))?;
                format!("as_{t}(({u})({v}))")
            }
            _ => format!("(({t})({v}))"),
        })
    }

    fn binary(
        &mut self,
        h: Handle<Expression>,
        op: BinaryOperator,
        left: Handle<Expression>,
        right: Handle<Expression>,
    ) -> Result<String, Error> {
        use BinaryOperator as B;
        let (a, b) = (self.value(left)?, self.value(right)?);
        let (ln, rn) = (self.numeric(left)?, self.numeric(right)?);
        let kind = ln.scalar.kind;
        let symbol = match op {
            B::Add => "+",
            B::Subtract => "-",
            B::Multiply => "*",
            B::Divide => "/",
            B::Modulo => "%",
            B::Equal => "==",
            B::NotEqual => "!=",
            B::Less => "<",
            B::LessEqual => "<=",
            B::Greater => ">",
            B::GreaterEqual => ">=",
            B::And => "&",
            B::ExclusiveOr => "^",
            B::InclusiveOr => "|",
            B::LogicalAnd => "&&",
            B::LogicalOr => "||",
            B::ShiftLeft => "<<",
            B::ShiftRight => ">>",
        };
        match op {
            B::Add | B::Subtract | B::Multiply if kind == ScalarKind::Sint => {
                // Wrapping, as WGSL's: through the unsigned type, where C's overflow is defined.
                let result = self.numeric(h)?;
                let t = numeric_name(result)?;
                let (lu, ru) = (numeric_name(unsigned(ln))?, numeric_name(unsigned(rn))?);
                Ok(format!("as_{t}(as_{lu}({a}) {symbol} as_{ru}({b}))"))
            }
            B::Divide | B::Modulo if matches!(kind, ScalarKind::Sint | ScalarKind::Uint) => {
                if ln.size.is_some() || rn.size.is_some() {
                    return Err(unsupported("integer division of vectors"));
                }
                let helper = self.division_helper(op == B::Divide, ln.scalar);
                Ok(format!("{helper}({a}, {b})"))
            }
            B::Modulo if kind == ScalarKind::Float => Ok(format!("fmod({a}, {b})")),
            B::ShiftLeft | B::ShiftRight => {
                let mask = match ln.scalar.width {
                    8 => "63u",
                    _ => "31u",
                };
                if op == B::ShiftLeft && kind == ScalarKind::Sint {
                    let t = numeric_name(ln)?;
                    let u = numeric_name(unsigned(ln))?;
                    Ok(format!("as_{t}(as_{u}({a}) << ({b} & {mask}))"))
                } else {
                    Ok(format!("({a} {symbol} ({b} & {mask}))"))
                }
            }
            _ => Ok(format!("({a} {symbol} {b})")),
        }
    }

    /// Integer division or remainder with WGSL's results where C's are undefined.
    fn division_helper(&mut self, divide: bool, scalar: Scalar) -> String {
        let (int, uint, _, suffix, min) = int_names(scalar.width);
        let signed = scalar.kind == ScalarKind::Sint;
        let t = if signed { int } else { uint };
        let what = if divide { "div" } else { "mod" };
        let name = format!("_{what}_{t}");
        let zero = if signed {
            "0".to_string()
        } else {
            format!("0{suffix}")
        };
        let bad = if signed {
            format!("b == 0 || (a == {min} && b == -1)")
        } else {
            format!("b == {zero}")
        };
        let (fallback, op) = if divide {
            ("a", "/")
        } else {
            (zero.as_str(), "%")
        };
        let definition = format!(
            "// WGSL's `{op}`: {fallback} for a zero divisor{}.\n\
             static inline {t} {name}({t} a, {t} b) {{\n\
             {INDENT}return ({bad}) ? {fallback} : a {op} b;\n\
             }}\n",
            if signed { " and for MIN / -1" } else { "" }
        );
        self.helpers.use_helper(&name, || definition)
    }

    /// Count trailing zeros of an unsigned integer (OpenCL 1.2 has no `ctz`).
    fn ctz_helper(&mut self, width: u8) -> String {
        let (_, uint, _, suffix, _) = int_names(width);
        let name = format!("_ctz_{uint}");
        let definition = format!(
            "// Trailing zeros (the bit width for 0).\n\
             static inline {uint} {name}({uint} x) {{\n\
             {INDENT}return popcount(~x & (x - 1{suffix}));\n\
             }}\n"
        );
        self.helpers.use_helper(&name, || definition)
    }

    fn reverse_bits_helper(&mut self, width: u8) -> String {
        let (_, uint, bits, suffix, _) = int_names(width);
        let name = format!("_reverse_bits_{uint}");
        let mut body = String::new();
        let masks: &[(u32, u64)] = &[
            (1, 0x5555_5555_5555_5555),
            (2, 0x3333_3333_3333_3333),
            (4, 0x0f0f_0f0f_0f0f_0f0f),
            (8, 0x00ff_00ff_00ff_00ff),
            (16, 0x0000_ffff_0000_ffff),
        ];
        for &(shift, mask) in masks {
            if shift * 2 >= bits {
                break;
            }
            let mask = if bits == 32 { mask & 0xffff_ffff } else { mask };
            let _ = writeln!(
                body,
                "{INDENT}x = ((x >> {shift}) & 0x{mask:x}{suffix}) | ((x & 0x{mask:x}{suffix}) << {shift});"
            );
        }
        let half = bits / 2;
        let _ = writeln!(body, "{INDENT}return (x >> {half}) | (x << {half});");
        let definition = format!(
            "// The bits in reverse order.\n\
             static inline {uint} {name}({uint} x) {{\n{body}}}\n"
        );
        self.helpers.use_helper(&name, || definition)
    }

    fn first_leading_bit_helper(&mut self, scalar: Scalar) -> String {
        let (int, uint, bits, suffix, _) = int_names(scalar.width);
        let top = bits - 1;
        let (name, definition) = if scalar.kind == ScalarKind::Sint {
            let name = format!("_first_leading_bit_{int}");
            let definition = format!(
                "// WGSL's firstLeadingBit of a signed integer: the highest bit that differs from\n\
                 // the sign bit, -1 for 0 and -1.\n\
                 static inline {int} {name}({int} x) {{\n\
                 {INDENT}const {uint} u = as_{uint}(x < 0 ? ~x : x);\n\
                 {INDENT}return u == 0{suffix} ? -1 : ({int})({top}{suffix} - clz(u));\n\
                 }}\n"
            );
            (name, definition)
        } else {
            let name = format!("_first_leading_bit_{uint}");
            let definition = format!(
                "// WGSL's firstLeadingBit: the highest set bit, all ones for 0.\n\
                 static inline {uint} {name}({uint} x) {{\n\
                 {INDENT}return x == 0{suffix} ? ~0{suffix} : {top}{suffix} - clz(x);\n\
                 }}\n"
            );
            (name, definition)
        };
        self.helpers.use_helper(&name, || definition)
    }

    /// `ceil`, `floor`, `trunc` or `rint` of a float type, guarded so that the built-in never
    /// sees NaN, an infinity or a value of magnitude 2^23 (`f32`) or 2^52 (`f64`) and more, where
    /// every float is integral and the result is the argument itself. PoCL's built-ins (SLEEF's)
    /// first convert the argument to `int`, which LLVM folds to poison when the argument is such
    /// a constant: `ceil(NaN)` becomes an undefined value, and `rint` then branches on poison,
    /// which is undefined behaviour (kernels that crash or never finish).
    fn rounding_helper(&mut self, rounding: &str, n: Numeric) -> Result<String, Error> {
        let (t, limit) = match n.scalar.width {
            8 => ("double", "as_double(0x4330000000000000UL)"),
            _ => ("float", "as_float(0x4b000000u)"),
        };
        let name = format!("_{rounding}_{t}");
        let definition = format!(
            "// `{rounding}`, but only where it rounds: PoCL's folds constant NaNs, infinities and\n\
             // huge values (all of which are their own {rounding}) to undefined values.\n\
             static inline {t} {name}({t} x) {{\n\
             {INDENT}return fabs(x) < {limit} ? {rounding}(x) : x;\n\
             }}\n"
        );
        let scalar = self.helpers.use_helper(&name, || definition);
        let Some(size) = n.size else {
            return Ok(scalar);
        };
        let vector = numeric_name(n)?;
        let name = format!("_{rounding}_{vector}");
        let components = (0..vector_len(size))
            .map(|i| format!("{scalar}(x.{})", ['x', 'y', 'z', 'w'][i as usize]))
            .collect::<Vec<_>>()
            .join(", ");
        let definition = format!(
            "static inline {vector} {name}({vector} x) {{\n\
             {INDENT}return ({vector})({components});\n\
             }}\n"
        );
        Ok(self.helpers.use_helper(&name, || definition))
    }

    fn math(
        &mut self,
        fun: MathFunction,
        arg: Handle<Expression>,
        rest: [Option<Handle<Expression>>; 3],
    ) -> Result<String, Error> {
        use MathFunction as M;
        let n = self.numeric(arg)?;
        let a = self.value(arg)?;
        let mut args = vec![a.clone()];
        for r in rest.into_iter().flatten() {
            args.push(self.value(r)?);
        }
        let all = args.join(", ");
        let float = n.scalar.kind == ScalarKind::Float;
        let scalar_int = n.size.is_none() && !float;
        let t = numeric_name(n)?;
        let call = |name: &str| Ok(format!("{name}({all})"));
        match fun {
            M::Abs if float => call("fabs"),
            M::Abs if n.scalar.kind == ScalarKind::Sint => {
                // `(a ^ s) - s` for the sign mask `s`, in the unsigned type: wrapping, so that
                // the most negative value is its own absolute value, as in WGSL. Not OpenCL's
                // `abs`, which PoCL folds to 0 for a constant `INT_MIN`.
                let u = numeric_name(unsigned(n))?;
                let top = u32::from(n.scalar.width) * 8 - 1;
                Ok(format!(
                    "as_{t}((as_{u}({a}) ^ as_{u}({a} >> {top})) - as_{u}({a} >> {top}))"
                ))
            }
            M::Abs => Ok(a),
            M::Min if float => call("fmin"),
            M::Max if float => call("fmax"),
            M::Min => call("min"),
            M::Max => call("max"),
            M::Clamp if args.len() == 3 => {
                let (lo, hi) = (&args[1], &args[2]);
                Ok(if float {
                    format!("fmin(fmax({a}, {lo}), {hi})")
                } else {
                    format!("min(max({a}, {lo}), {hi})")
                })
            }
            M::Saturate if float => {
                let (zero, one) = if n.scalar.width == 8 {
                    ("0.0", "1.0")
                } else {
                    ("0.0f", "1.0f")
                };
                Ok(format!("fmin(fmax({a}, {zero}), {one})"))
            }
            M::Ceil | M::Floor | M::Trunc | M::Round | M::Fract if float => {
                let rounding = match fun {
                    M::Ceil => "ceil",
                    M::Trunc => "trunc",
                    // Half to even, as WGSL's: C's `round` rounds half away from zero.
                    M::Round => "rint",
                    _ => "floor",
                };
                let helper = self.rounding_helper(rounding, n)?;
                Ok(if fun == M::Fract {
                    format!("({a} - {helper}({a}))")
                } else {
                    format!("{helper}({a})")
                })
            }
            M::Sqrt => call("sqrt"),
            M::InverseSqrt => call("rsqrt"),
            M::Fma => call("fma"),
            M::Sign if float => call("sign"),
            M::Sign if scalar_int => Ok(format!("(({t})({a} > 0) - ({t})({a} < 0))")),
            M::Cos => call("cos"),
            M::Cosh => call("cosh"),
            M::Sin => call("sin"),
            M::Sinh => call("sinh"),
            M::Tan => call("tan"),
            M::Tanh => call("tanh"),
            M::Acos => call("acos"),
            M::Asin => call("asin"),
            M::Atan => call("atan"),
            M::Atan2 => call("atan2"),
            M::Asinh => call("asinh"),
            M::Acosh => call("acosh"),
            M::Atanh => call("atanh"),
            M::Radians => call("radians"),
            M::Degrees => call("degrees"),
            M::Exp => call("exp"),
            M::Exp2 => call("exp2"),
            M::Log => call("log"),
            M::Log2 => call("log2"),
            M::Pow => call("pow"),
            M::Ldexp => call("ldexp"),
            M::Mix => call("mix"),
            M::Step => call("step"),
            M::SmoothStep => call("smoothstep"),
            M::Dot if float => call("dot"),
            M::Cross => call("cross"),
            M::Distance => call("distance"),
            M::Length => call("length"),
            M::Normalize => call("normalize"),
            M::CountOneBits if !float => call("popcount"),
            M::CountLeadingZeros if !float => call("clz"),
            M::CountTrailingZeros | M::FirstTrailingBit | M::FirstLeadingBit | M::ReverseBits
                if scalar_int =>
            {
                let (int, uint, _, suffix, _) = int_names(n.scalar.width);
                let signed = n.scalar.kind == ScalarKind::Sint;
                // Apply an unsigned helper to the bits of a signed value.
                let via = |helper: &str| {
                    if signed {
                        format!("as_{int}({helper}(as_{uint}({a})))")
                    } else {
                        format!("{helper}({a})")
                    }
                };
                Ok(match fun {
                    M::CountTrailingZeros => via(&self.ctz_helper(n.scalar.width)),
                    M::FirstTrailingBit => {
                        // All ones (-1 when signed) for 0, else the trailing zeros.
                        let all_ones = if signed {
                            "-1".to_string()
                        } else {
                            format!("~0{suffix}")
                        };
                        let zero = if signed {
                            "0".to_string()
                        } else {
                            format!("0{suffix}")
                        };
                        let ctz = via(&self.ctz_helper(n.scalar.width));
                        format!("({a} == {zero} ? {all_ones} : {ctz})")
                    }
                    M::FirstLeadingBit => {
                        format!("{}({a})", self.first_leading_bit_helper(n.scalar))
                    }
                    _ => via(&self.reverse_bits_helper(n.scalar.width)),
                })
            }
            other => Err(unsupported(format!("the math function {other:?} on {t}"))),
        }
    }
}
