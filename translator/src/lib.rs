//! Translates Wasm kernels into naga IR, for GPUs.
//!
//! A kernel is a Wasm function `kernel(iteration_id, num_iterations, block_size, ptr0, len0, ...)`
//! (see `wasi-parallel-runtime` for the contract) as rustc or clang emit it. This crate turns
//! one into a validated [`naga::Module`] with a single compute entry point; [`back::spv`] writes
//! it as the SPIR-V that Vulkan devices run, [`back::opencl`] as OpenCL C, naga's WGSL writer as
//! WGSL, and wgpu accepts it as it is elsewhere. The crate is pure: Wasm in, naga IR, SPIR-V and
//! source text out, no device, no Wasmtime.
//!
//! # How
//!
//! - **Work items.** The entry point runs with a fixed workgroup size; the invocation's global id
//!   is linearised over a 2-D dispatch (`x + y * num_workgroups.x * size`), so launches larger than
//!   65535 workgroups work, and invocations past `num_iterations` do nothing. The kernel body runs
//!   inline in the entry point with `iteration_id` set to that id.
//! - **Buffers.** Each (pointer, length) parameter pair becomes a storage binding of its own, an
//!   array of the one element type the kernel accesses it with. Pointers are not addresses on a
//!   GPU, so the front end first proves, by abstract interpretation over the kernel
//!   ([`front::provenance`]), which buffer every pointer value derives from; a pointer value is
//!   then carried as its byte offset from that buffer's start, and a load or store becomes an
//!   index into the buffer's binding. An access the analysis cannot attribute is
//!   [`Error::Unsupported`], naming the instruction and its byte offset.
//! - **Buffers larger than one binding** ([`translate_with`] and a [`Layout`]): a device whose
//!   storage bindings hold less than its buffers may (lavapipe: 128 MiB of 2 GiB) binds such a
//!   buffer as several bindings of consecutive ranges of it, parts of a power of two of bytes.
//!   The element index's high bits name the part; since a pointer cannot choose between
//!   bindings, each load, store or atomic of such a buffer is a switch over its parts, the
//!   bounds checks compare with the whole buffer's length (the full parts and the last one's),
//!   and an 8-byte access of two words may take them from two parts.
//! - **Control flow.** naga has no labelled blocks: every Wasm block, loop and if becomes a naga
//!   `Loop` (a single pass for blocks and ifs), `br` to the innermost frame a `Break` or
//!   `Continue`, and a multi-level `br` sets a counter and breaks out frame by frame.
//! - **Static data.** A load from an address that derives from no buffer pointer reads the
//!   guest's static data: a read-only binding of the guest's initial memory from address 0 to
//!   the end of its last data segment. Past the binding, up to the guest's initial memory size
//!   (the status binding's second word), such a load reads zeros, as the initial memory holds
//!   there (a C++ guest's bss of hundreds of megabytes is never bound); past that it traps.
//! - **Pointer comparisons** (alias checks, loop guards). Pointers into two different buffers
//!   compare as the guest's addresses of the buffers plus their offsets: the launch passes each
//!   buffer's address in the status binding (see [`Translation::status_binding`]); so do a
//!   pointer and an integer (a loop guard against an end address), and the distance between
//!   pointers into two buffers is that of their addresses (a vectoriser's `b - a < 16`). A pointer compared with
//!   null is never null (no buffer lies at 0), and the stack lies above every buffer; a stack
//!   pointer compared with an integer is refused.
//! - **Params.** Binding 0 is a uniform `{num_iterations, block_size, zero, budget}` of `u32`s:
//!   `zero` is always 0 (see `float_constant` in the front end), `budget` the loop iterations a
//!   work item may run (`u32::MAX` for no limit).
//! - **Traps.** `unreachable`, integer division by zero or overflow, misaligned and
//!   out-of-bounds accesses, and a work item whose loops run past `budget` (or past
//!   [`Options::loop_limit`]), store a trap code into the status binding (an atomic word) and
//!   end the work item. Work items also read the status word when they start, and end at once
//!   when another has trapped: once work items trap, the launch is over soon, on the device as
//!   on the host.
//!
//! # What is translated
//!
//! The kernel and every function it calls (inlined; see [`front::inline`]): all numeric
//! operators of Wasm 1.0 on `i32`, `i64`, `f32` and `f64`, the sign-extension and
//! saturating-truncation operators, reinterpretations, `select`, locals, globals (a global
//! becomes a per-invocation variable set from its constant initial value, and the memory below
//! the shadow stack pointer (the first mutable `i32` global) is the invocation's own 16 KiB
//! private array, as each CPU worker has its own stack), `block`/`loop`/`if`/`br`/`br_if`/
//! `br_table`/`return` with
//! multi-level branches, calls to functions that never return (panic paths) as traps, loads and
//! stores of every width, alignment and offset through buffer pointers (bytes and half-words
//! stored with atomic word updates, so neighbouring work items storing adjacent bytes do not undo
//! each other), and loads from addresses derived from no buffer, which read the guest's static
//! data. An access whose alignment hint is below a word (below 4 bytes, or for 2 bytes below
//! 2: `align=1`, as compilers emit for bytes read as words or vectors, `read_unaligned`, packed
//! structs) may start at any byte: its buffer is a binding of words (atomic words if such a
//! store reaches it), a load puts its bytes together from the words around them, and a store
//! updates each word it touches with an atomic `and` and `or`. Other accesses must be aligned
//! to their width, or to the binding's element when they take several (8 bytes of a binding of
//! 4-byte words), and trap when they are not (compilers emit no such access: the hint is the
//! alignment the program promises). An 8-byte access whose alignment hint is below 8 (two
//! `i32`s copied as one `i64`, as LLVM does) makes its buffer a binding of words. Code that
//! can only end in a trap (a panic path) drops its shadow stack accesses (see `front::doomed`). `memory.copy` and `memory.fill` (rustc's `copy_from_slice` and
//! zeroed arrays, clang's `memcpy`/`memset`) into a buffer or the stack, a copy's source being a
//! buffer, the stack or the static data: a loop over the bindings' elements when the addresses
//! and length are multiples of the element size, else over bytes where the destination is a
//! binding of atomic words (a buffer that is only copied, or whose bytes are stored) or the
//! stack, else a misaligned trap; both check their ranges before writing anything, a copy
//! within one binding goes backwards when its destination lies above its source, and every
//! iteration counts against the loop budget. A copy between bindings of different element sizes
//! (an `f64` buffer from static data, say) is refused. The threads proposal's 32-bit atomics on
//! buffers (`i32.atomic.load`/`store`, every `rmw` operator, `cmpxchg`): a buffer that any
//! atomic reaches is a binding of atomic words, and each atomic becomes naga's atomic
//! operation (a compare-exchange retried while it fails spuriously, as Wasm's never does);
//! `memory.atomic.notify` wakes no one (returns 0), since no work item can wait. The 64-bit
//! atomics (`i64.atomic.load`/`store`, every `i64.atomic.rmw`, `cmpxchg`) on a device with
//! [`Options::i64_atomics`]: a buffer they reach is a binding of 64-bit atomic words, which
//! takes 8-byte accesses only (a narrower access, a 32-bit atomic or a bulk operation on it is
//! refused), and 64-bit atomics on the stack are refused. GPU atomics are
//! relaxed where Wasm's are sequentially consistent: read-modify-writes of one word (counters,
//! histograms, reductions, compare-exchange loops) give Wasm's results, orderings between
//! different words are not promised. Atomics on the stack are the invocation's own reads and
//! writes. `neg`, `abs` and `copysign` work on the bits, as Wasm defines them;
//! `min`, `max`, `nearest` and the conversions follow Wasm exactly; float results may differ
//! from the CPU only in NaN payloads, which Wasm leaves open.
//!
//! Fixed-width SIMD (`v128`; see `front::function::simd`): a `v128` is a `vec4<u32>` of its
//! bits, and each operator computes lane by lane with the scalar operator Wasm defines the lane
//! by, so lanes have the scalar operators' exact semantics. Translated: `v128.const`,
//! `v128.load`/`store` (16 bytes of whole elements of any binding, aligned to the element, or at
//! any byte with an alignment hint below 4, as above), the
//! splat, zero and extending loads, the lane loads and stores, the bitwise operators, `bitselect`, `any_true`,
//! `all_true`, `bitmask`, splats, lane extraction and replacement, shuffles and swizzles,
//! integer add/sub/mul, negation, absolute value, min/max, saturating add/sub, rounding
//! averages, shifts, comparisons, narrowing, extension, extended multiplication, pairwise
//! addition, `dot`, `q15mulr_sat`, popcnt, and float arithmetic, min/max, pmin/pmax,
//! rounding, comparisons and the conversions between shapes. Relaxed SIMD, every operator, with
//! the results of its deterministic profile, which the CPU executor's engine is set to as well
//! (`relaxed_simd_deterministic`): `relaxed_madd`/`nmadd` fused (rounded once), `relaxed_swizzle`
//! as `swizzle`, the truncations saturating, `laneselect` as `bitselect`, `relaxed_min`/`max`
//! as `min`/`max`, `q15mulr` saturating, and the dot products of signed bytes (the `i16x8` one's
//! pairs wrapped to 16 bits, the `add` one's four products summed in 32). A device whose
//! multiply-add is not fused (llvmpipe's) refuses kernels with `relaxed_madd`.
//!
//! Refused with an [`Error::Unsupported`] naming the operator and its offset: 8- and 16-bit atomics (and `i64.atomic.rmw8/16/32`), `atomic.fence` and `memory.atomic.wait` (work items cannot wait for each
//! other), `memory.init`/`data.drop`, `memory.size`/`memory.grow`, indirect calls, recursion, calls to imports,
//! imported globals, stores to memory that is neither a buffer nor the stack, pointers stored to
//! memory other than stack slots at known offsets, and accesses the analysis cannot attribute to
//! one buffer (or the stack). 64-bit values on a device without
//! `f64`/`i64` are [`Error::MissingFeature`].

pub mod back;
pub mod front;
pub mod table0;

pub use front::{translate, translate_with, Translation};

/// Which function of a module is the kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KernelRef<'a> {
    /// A function pointer: an index into table 0 (`parallel_for`).
    TableIndex(u32),
    /// An exported function (`parallel_exec`'s `kernel`).
    Export(&'a str),
}

/// What the target device supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Invocations per workgroup.
    pub workgroup_size: u32,
    /// Whether the device has 64-bit floats (naga `FLOAT64`).
    pub f64: bool,
    /// Whether the device has 64-bit integers (naga `SHADER_INT64`).
    pub i64: bool,
    /// Whether the device has 64-bit atomics on storage buffers (naga
    /// `SHADER_INT64_ATOMIC_ALL_OPS`; OpenCL's `cl_khr_int64_base_atomics` and
    /// `cl_khr_int64_extended_atomics`).
    pub i64_atomics: bool,
    /// The most loop iterations (over all of its loops) the device lets one invocation run, for
    /// devices that silently end loops past a limit (lavapipe: 65535). A work item whose Wasm
    /// loops are about to pass it traps with [`trap::LOOP_LIMIT`] instead of giving a wrong
    /// result. The device may also count blocks it cannot simplify, which are not counted here:
    /// this catches long loops, not every kernel the device cuts short.
    pub loop_limit: Option<u32>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            workgroup_size: 64,
            f64: true,
            i64: true,
            i64_atomics: true,
            loop_limit: None,
        }
    }
}

/// How a kernel's buffers are bound, for buffers larger than one storage binding may be (128 MiB
/// on lavapipe): such a buffer is bound as several bindings of consecutive ranges of it
/// ("parts"), each of `part_bytes` bytes but the last, and every access of the kernel goes to
/// the part holding its element (see [`translate_with`]). The default binds every buffer whole.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Layout {
    /// Bytes of every part but a buffer's last: a power of two of at least 8 (a multiple of
    /// every element's size), which a device picks at most its binding limit.
    pub part_bytes: u32,
    /// For each buffer, in kernel parameter order, the bindings it is split into: 1 (or no entry)
    /// binds it whole.
    pub parts: Vec<u32>,
}

impl Layout {
    /// Bindings buffer `buffer` is split into.
    pub fn parts_of(&self, buffer: usize) -> u32 {
        self.parts.get(buffer).copied().unwrap_or(1).max(1)
    }

    /// The layout a device with bindings of at most `max_binding` bytes needs for buffers of
    /// `sizes` bytes: every buffer that fits one binding whole, the others in parts of the
    /// largest power of two not above `max_binding`.
    pub fn for_sizes(sizes: &[u64], max_binding: u64) -> Layout {
        let part_bytes = 1u32 << max_binding.clamp(8, 1 << 31).ilog2();
        let parts = sizes
            .iter()
            .map(|&size| {
                if size <= max_binding {
                    1
                } else {
                    u32::try_from(size.div_ceil(u64::from(part_bytes))).unwrap_or(u32::MAX)
                }
            })
            .collect();
        Layout { part_bytes, parts }
    }

    /// Whether every buffer is bound whole.
    pub fn is_whole(&self) -> bool {
        self.parts.iter().all(|&p| p <= 1)
    }
}

/// The element type a buffer binding is declared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElementType {
    /// `i32`.
    I32,
    /// `f32`.
    F32,
    /// `f64`.
    F64,
    /// `i64`.
    I64,
    /// `atomic<u32>`: words of a buffer that the kernel stores single bytes or half-words into,
    /// updated with atomic and/or so that work items writing neighbouring bytes do not undo
    /// each other's stores.
    AtomicU32,
    /// `atomic<u64>`: words of a buffer that 64-bit atomics reach (and accesses of 8 bytes
    /// only).
    AtomicU64,
}

impl ElementType {
    /// Bytes per element.
    pub fn size(self) -> u32 {
        match self {
            ElementType::I32 | ElementType::F32 | ElementType::AtomicU32 => 4,
            ElementType::F64 | ElementType::I64 | ElementType::AtomicU64 => 8,
        }
    }
}

/// One buffer of the kernel and the binding it became.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BufferBinding {
    /// The buffer's position among the kernel's buffers (inputs, then outputs).
    pub buffer: usize,
    /// The binding number in group 0: of the buffer's first part, when it is split (see
    /// [`Layout`]); its other parts have the numbers after it.
    pub binding: u32,
    /// The bindings the buffer is split into (1: bound whole), each of [`Layout::part_bytes`]
    /// bytes of it but the last, which holds the rest.
    pub parts: u32,
    /// The element type of the binding, or `None` for a buffer the kernel never accesses.
    pub element: Option<ElementType>,
    /// Whether the kernel stores to it.
    pub written: bool,
}

/// Trap codes the status binding receives (0 means no trap).
pub mod trap {
    /// `unreachable` was executed.
    pub const UNREACHABLE: u32 = 1;
    /// Integer division or remainder by zero.
    pub const DIVIDE_BY_ZERO: u32 = 2;
    /// Signed integer division overflow.
    pub const INTEGER_OVERFLOW: u32 = 3;
    /// A load or store outside its buffer.
    pub const OUT_OF_BOUNDS: u32 = 4;
    /// A load or store not aligned to its width (which the GPU path cannot express).
    pub const MISALIGNED: u32 = 5;
    /// A float-to-integer conversion of NaN.
    pub const INVALID_CONVERSION: u32 = 6;
    /// A float-to-integer conversion whose result does not fit.
    pub const CONVERSION_OVERFLOW: u32 = 7;
    /// The work item reached the device's limit of loop iterations ([`Options::loop_limit`]).
    ///
    /// [`Options::loop_limit`]: crate::Options::loop_limit
    pub const LOOP_LIMIT: u32 = 8;
    /// The work item ran the launch's budget of loop iterations (the params' `budget`, which
    /// devices set when the launch has a time limit): the launch is past its time limit, or
    /// nearly, and stops on the device as well as on the host.
    pub const BUDGET: u32 = 9;

    /// What trap code `code` means, for messages.
    pub fn describe(code: u32) -> &'static str {
        match code {
            UNREACHABLE => "unreachable (or a panic)",
            DIVIDE_BY_ZERO => "integer divide by zero",
            INTEGER_OVERFLOW => "integer overflow",
            OUT_OF_BOUNDS => "out-of-bounds memory access",
            MISALIGNED => "misaligned memory access",
            INVALID_CONVERSION => "invalid conversion to integer (NaN)",
            CONVERSION_OVERFLOW => "integer overflow in a float-to-integer conversion",
            LOOP_LIMIT => {
                "the device's limit of loop iterations per work item (lavapipe ends loops after \
                 65535 iterations; split the work into more work items)"
            }
            BUDGET => {
                "the launch's budget of loop iterations per work item, which a launch with a time \
                 limit has (2^32 - 2): a work item that runs that many has run past any limit"
            }
            _ => "unknown trap",
        }
    }
}

/// Why a kernel could not be translated.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The module is not valid Wasm.
    #[error("invalid module: {0}")]
    Invalid(String),
    /// The kernel reference names no function.
    #[error("no kernel: {0}")]
    NoKernel(String),
    /// The kernel's type is not a kernel's.
    #[error("kernel type: {0}")]
    Signature(String),
    /// Something this translator does not translate, and where.
    #[error("unsupported: {what} at byte offset {offset:#x}")]
    Unsupported {
        /// What, e.g. the operator.
        what: String,
        /// Byte offset in the module.
        offset: usize,
    },
    /// The kernel needs a feature the device lacks.
    #[error("the kernel needs {0}, which the device does not support")]
    MissingFeature(&'static str),
    /// naga rejected the module built: a bug of this translator.
    #[error("internal error, the translated module does not validate: {0}")]
    Validation(String),
    /// The [`Layout`] asked for does not fit the kernel.
    #[error("buffer layout: {0}")]
    Layout(String),
    /// A back end (the OpenCL C writer) cannot express something in the module.
    #[error("the OpenCL writer cannot express {0}")]
    Backend(String),
}

impl Error {
    /// Something the front end does not translate, at byte offset `offset` of the module.
    pub(crate) fn unsupported(what: impl Into<String>, offset: usize) -> Error {
        Error::Unsupported {
            what: what.into(),
            offset,
        }
    }

    /// The module is not valid Wasm (or not as validation promised).
    pub(crate) fn invalid(e: impl std::fmt::Display) -> Error {
        Error::Invalid(e.to_string())
    }
}

/// A short name for an operator, for error messages: `F32x4Add`, `MemoryCopy`.
pub(crate) fn operator_name(op: &wasmparser::Operator<'_>) -> String {
    let debug = format!("{op:?}");
    debug
        .split([' ', '{'])
        .next()
        .unwrap_or("operator")
        .to_string()
}
