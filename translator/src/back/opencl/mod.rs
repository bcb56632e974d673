//! Writes OpenCL C from naga IR, for OpenCL devices that take source (PoCL, most GPU drivers)
//! rather than SPIR-V.
//!
//! Shaped like a naga back end: [`write`] takes a validated module and its [`ModuleInfo`] and
//! returns a [`Program`]: the source, the kernel's name, how the host must set its arguments, and
//! the build options the source assumes.
//!
//! # What it accepts
//!
//! What the front end ([`crate::front`]) builds: one compute entry point and no other functions;
//! its arguments are built-ins (`global_invocation_id`, `local_invocation_id`,
//! `local_invocation_index`, `workgroup_id`, `num_workgroups`); globals in group 0 that are
//! uniforms (scalars or structs, passed by value), storage buffers (runtime-sized or fixed-size
//! arrays, or single values) of `i32`, `u32`, `f32`, `f64`, `i64`, `u64` or atomics of those
//! integers,
//! and private variables; function locals of scalar, vector, struct and fixed-size array types.
//! Statements: everything but calls, image, ray-query, subgroup and cooperative-matrix
//! operations, `kill` and workgroup-uniform loads. Expressions: literals, constants, zero values,
//! composes, splats, swizzles, accesses, loads, unary and binary operators, `select`, `as`
//! (conversions and bitcasts), `arrayLength`, `isNan`/`isInf` and most math functions (not
//! `extractBits`/`insertBits`, packing, matrices, `modf`/`frexp`). Types are scalars, vectors
//! of numbers, structs whose naga layout is the C layout, arrays and atomics of 32- and 64-bit
//! integers; no `f16`, matrices or `bool` vectors. Blocks nest at most 240 deep, for the
//! compilers' sake (clang stops at 256 nested brackets). Anything else is [`Error::Backend`]
//! naming it, never a panic.
//!
//! # How
//!
//! Every expression an `Emit` statement covers is written at that point into a `const`
//! temporary of its own (`_e12`), so that values are computed exactly where naga IR says (a
//! `Load` reads memory at its `Emit`), and no two operations share a C expression, which together
//! with `#pragma OPENCL FP_CONTRACT OFF` rules out contraction into fused multiply-adds.
//! Pointer-typed expressions are not values in C: they are written as lvalues where they are
//! used (`buffer1[...]`, `params.block_size`, `local0`), `Load` reads the lvalue and `Store`
//! assigns it. Locals and private globals are declared, zero-initialised or with their
//! initialiser, at the top of the kernel. Loops with a `continuing` block become `for (;;)` with
//! a label before the continuing statements that `continue` jumps to.
//!
//! Semantics follow WGSL (and so Wasm, whose translation the front end already made exact),
//! without undefined behaviour in C:
//!
//! - signed `+ - *`, negation and `<<` go through the unsigned type (`as_int(as_uint(a) +
//!   as_uint(b))`); shift amounts are masked to the bit width; `>>` of a signed value is
//!   arithmetic;
//! - integer `/` and `%` call helpers that return WGSL's results for a zero divisor (`a`, `0`)
//!   and for `MIN / -1` (`MIN`, `0`) instead of dividing; float `%` is `fmod`;
//! - float literals are written by their bits (`as_float(0x3fc00000u)`), so none is rounded
//!   twice; `round` is `rint` (half to even); `min`/`max` of floats are `fmin`/`fmax`; the build
//!   options ask for correctly rounded `f32` division and square root and never for fast math;
//! - `as` with a width converts (float to integer saturates, as WGSL's does and C's does not),
//!   without one it reinterprets bits (`as_float`, `as_long`, ...);
//! - no built-in is trusted where its library may be undefined: `ceil`, `floor`, `trunc` and
//!   `rint` go through helpers that call them only on magnitudes below 2^23 (`f32`) or 2^52
//!   (`f64`), the rest being integral already (PoCL's, from SLEEF, convert to `int` first, which
//!   LLVM folds to poison for a constant NaN, infinity or huge value: wrong results, and kernels
//!   that crash or never finish), and integer `abs` is written with operators (PoCL's is
//!   `llvm.abs` with `INT_MIN` poison);
//! - atomics use the OpenCL 1.2 built-ins (`atomic_add`, `atomic_cmpxchg`, ...) on `volatile
//!   __global` pointers; an atomic load is a volatile read, an atomic store `atomic_xchg`.
//!   64-bit ones use `atom_add`, `atom_cmpxchg`, ... of `cl_khr_int64_base_atomics` and
//!   `cl_khr_int64_extended_atomics`, which the source enables; the device must have both.
//!
//! # Bounds checks
//!
//! No kernel can touch memory outside its buffers, as naga's `Restrict` policy guarantees for
//! wgpu: every dynamic index into a runtime-sized array is clamped to its last element,
//! `buffer1[min((uint)(i), _lim_1)]`, where `_lim_1` is `len - 1` (0 for an empty binding),
//! computed once at kernel entry from the [`KernelArg::Length`] argument. Indices are converted to
//! unsigned first, so that negative ones clamp to the end. Indices into fixed-size arrays clamp to
//! `N - 1`; constant indices are checked when the source is written. The front end traps on
//! out-of-bounds accesses before making them, so the clamp changes no correct kernel's result.
//!
//! # Argument convention
//!
//! [`Program::args`] lists the kernel's arguments in order: every global with a resource binding,
//! in the order of the module's globals. A storage binding is a [`KernelArg::Buffer`] (`__global
//! T*`), followed by a [`KernelArg::Length`] (`uint`: its number of elements) when its array is
//! runtime-sized. The host passes a buffer of at least one element for every runtime-sized
//! binding (a one-element dummy when the real one is empty, with length 0): index 0 is then
//! always in bounds, which is what a clamped index of an empty binding reads. A uniform is a
//! [`KernelArg::Uniform`] passed by value: the host passes the uniform's bytes (naga's layout,
//! which the writer checks equals the C layout of the struct).

mod keywords;
mod writer;

use crate::Error;

/// What the device supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Whether the device has 64-bit floats (`cl_khr_fp64`).
    pub f64: bool,
    /// Whether the device has 64-bit integers (`long`; all full-profile devices do).
    pub i64: bool,
}

/// OpenCL C for one kernel and how to call it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    /// The OpenCL C source.
    pub source: String,
    /// The name of the `__kernel` function (never `main`, which OpenCL C reserves).
    pub entry_point: String,
    /// The kernel's arguments, in order (see the module docs).
    pub args: Vec<KernelArg>,
    /// Options for `clBuildProgram`: the source assumes them.
    pub build_options: String,
}

/// One argument of the kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KernelArg {
    /// A storage buffer binding: `__global T*`.
    Buffer {
        /// The binding number (group 0).
        binding: u32,
    },
    /// The number of elements (`uint`) of the storage binding `binding` (for its runtime-sized
    /// array). The host passes the real element count; the source stays in bounds when it is 0
    /// (the host then binds a one-element dummy buffer).
    Length {
        /// The binding number (group 0).
        binding: u32,
    },
    /// A uniform binding passed by value as a struct: the host passes its bytes.
    Uniform {
        /// The binding number (group 0).
        binding: u32,
        /// The size of the uniform in bytes.
        size: u32,
    },
}

/// Build options every program needs: IEEE-exact `f32` division and square root. Nothing that
/// relaxes float semantics is ever added.
pub const BUILD_OPTIONS: &str = "-cl-fp32-correctly-rounded-divide-sqrt";

/// Writes `module`'s entry point as an OpenCL C kernel.
///
/// `info` must be the result of validating `module`. Fails with [`Error::Backend`] naming what
/// OpenCL C (or this writer) cannot express, and with [`Error::MissingFeature`] when the module
/// uses 64-bit floats or integers that `options` says the device lacks.
pub fn write(
    module: &naga::Module,
    info: &naga::valid::ModuleInfo,
    options: &Options,
) -> Result<Program, Error> {
    writer::Writer::new(module, info, options)?.write()
}

impl crate::Translation {
    /// The translated kernel as OpenCL C (see [`write`]).
    pub fn to_opencl(&self, options: &Options) -> Result<Program, Error> {
        write(&self.module, &self.info, options)
    }
}
