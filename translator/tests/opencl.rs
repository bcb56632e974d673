//! The OpenCL C writer against a real OpenCL compiler and device (PoCL in CI): every snapshot in
//! `tests/out/opencl` builds, and kernels written in WGSL (so that they use what the Wasm front
//! end does not produce yet: atomics, private arrays, `switch`, loops with a continuing block)
//! compute, bit for bit, what WGSL says, including where C would be undefined: overflow, shifts
//! past the width, division by zero, out-of-range conversions and out-of-bounds indices.
//!
//! Without an OpenCL platform the tests print that they skipped; with `CI` set they fail.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::OnceLock;

use opencl3::command_queue::CommandQueue;
use opencl3::context::Context;
use opencl3::kernel::Kernel;
use opencl3::memory::{Buffer, ClMem, CL_MEM_READ_WRITE};
use opencl3::types::{cl_mem, CL_BLOCKING};
use wasi_parallel_translator::back::opencl::{self, KernelArg};

/// A context on the first device of the first OpenCL platform that has one, shared by the tests
/// (PoCL 3.1 has been seen to fail buffer creation when contexts are first created on several
/// threads at once); `None` without one (a failure in CI, where PoCL is installed).
fn opencl() -> Option<&'static Context> {
    static CONTEXT: OnceLock<Option<Context>> = OnceLock::new();
    let found = CONTEXT
        .get_or_init(|| {
            let device = opencl3::platform::get_platforms()
                .ok()?
                .into_iter()
                .find_map(|p| {
                    p.get_devices(opencl3::device::CL_DEVICE_TYPE_ALL)
                        .ok()
                        .and_then(|ids| ids.first().copied())
                })?;
            Some(Context::from_device(&opencl3::device::Device::new(device)).expect("a context"))
        })
        .as_ref();
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have an OpenCL platform (PoCL)"
        );
        eprintln!("skipped: no OpenCL platform");
    }
    found
}

#[test]
fn snapshots_build() {
    let Some(context) = opencl() else {
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/out/opencl");
    let mut failures = Vec::new();
    let mut built = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/out/opencl") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|e| e != "cl") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("a snapshot");
        match opencl3::program::Program::create_and_build_from_source(
            context,
            &source,
            opencl::BUILD_OPTIONS,
        ) {
            Ok(program) => {
                if let Err(e) = Kernel::create(&program, "main_") {
                    failures.push(format!("{}: no kernel `main_`: {e}", path.display()));
                }
                built += 1;
            }
            Err(log) => failures.push(format!("{}: the build failed:\n{log}", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(built > 0, "no snapshots in {}", dir.display());
}

/// Parses and validates WGSL, and writes it as OpenCL C.
fn program(wgsl: &str) -> opencl::Program {
    let module =
        naga::front::wgsl::parse_str(wgsl).unwrap_or_else(|e| panic!("{}", e.emit_to_string(wgsl)));
    let info = naga::valid::Validator::new(
        naga::valid::ValidationFlags::all(),
        naga::valid::Capabilities::all(),
    )
    .validate(&module)
    .unwrap_or_else(|e| panic!("{e:?}"));
    let program = opencl::write(
        &module,
        &info,
        &opencl::Options {
            f64: true,
            i64: true,
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{}", program.source);
    program
}

/// Builds `program` in `context`, binds `buffers` (binding, bytes) and the params uniform, runs
/// `items` work items (workgroups of 64) and returns the buffers' contents afterwards.
fn run(
    context: &Context,
    program: &opencl::Program,
    items: u32,
    buffers: &[(u32, Vec<u8>)],
) -> Vec<Vec<u8>> {
    let queue = CommandQueue::create_default_with_properties(context, 0, 0).expect("queue");
    let built = opencl3::program::Program::create_and_build_from_source(
        context,
        &program.source,
        &program.build_options,
    )
    .unwrap_or_else(|log| panic!("build failed:\n{log}"));
    let kernel = Kernel::create(&built, &program.entry_point).expect("kernel");
    let mut mems = Vec::new();
    for (_, bytes) in buffers {
        // SAFETY: a fresh buffer of `bytes.len()` bytes, no host pointer.
        let mut mem = unsafe {
            Buffer::<u8>::create(
                context,
                CL_MEM_READ_WRITE,
                bytes.len(),
                std::ptr::null_mut(),
            )
        }
        .expect("buffer");
        // SAFETY: a blocking write of exactly the buffer's size.
        unsafe { queue.enqueue_write_buffer(&mut mem, CL_BLOCKING, 0, bytes, &[]) }.expect("write");
        mems.push(mem);
    }
    let find = |binding: u32| {
        buffers
            .iter()
            .position(|(b, _)| *b == binding)
            .unwrap_or_else(|| panic!("no buffer for binding {binding}"))
    };
    for (index, arg) in program.args.iter().enumerate() {
        let index = index as u32;
        // SAFETY: each argument has the type the kernel declares for it (see `KernelArg`).
        unsafe {
            match *arg {
                KernelArg::Uniform { size, .. } => {
                    assert_eq!(size, 8, "the params uniform");
                    kernel.set_arg(index, &[items, 1u32]).expect("params");
                }
                KernelArg::Buffer { binding } => {
                    let mem: cl_mem = mems[find(binding)].get();
                    kernel.set_arg(index, &mem).expect("buffer argument");
                }
                KernelArg::Length { binding } => {
                    // Every buffer of these tests holds u32s.
                    let len = (buffers[find(binding)].1.len() / 4) as u32;
                    kernel.set_arg(index, &len).expect("length");
                }
            }
        }
    }
    let global = items.div_ceil(64) as usize * 64;
    let local = 64usize;
    // SAFETY: the kernel's arguments are all set; the sizes outlive the call.
    unsafe {
        queue.enqueue_nd_range_kernel(kernel.get(), 1, std::ptr::null(), &global, &local, &[])
    }
    .expect("launch");
    queue.finish().expect("finish");
    mems.iter()
        .zip(buffers)
        .map(|(mem, (_, bytes))| {
            let mut out = vec![0u8; bytes.len()];
            // SAFETY: a blocking read of exactly the buffer's size.
            unsafe { queue.enqueue_read_buffer(mem, CL_BLOCKING, 0, &mut out, &[]) }.expect("read");
            out
        })
        .collect()
}

fn to_bytes(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

fn to_words(bytes: &[u8]) -> Vec<u32> {
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

const PARAMS: &str = "
struct Params { num_iterations: u32, block_size: u32 }
@group(0) @binding(0) var<uniform> params: Params;
";

/// `i32`, `u32` and `f32` operations on every pair of some awkward 32-bit values; the outputs
/// per pair, in order, as `OPS` computes them.
const OPS_WGSL: &str = "
@group(0) @binding(1) var<storage, read> a: array<u32>;
@group(0) @binding(2) var<storage, read> b: array<u32>;
@group(0) @binding(3) var<storage, read_write> out: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
    let i = id.x;
    if i >= params.num_iterations { return; }
    let x = a[i];
    let y = b[i];
    let xs = bitcast<i32>(x);
    let ys = bitcast<i32>(y);
    let xf = bitcast<f32>(x);
    let yf = bitcast<f32>(y);
    let o = i * 40u;
    out[o + 0u] = bitcast<u32>(xs + ys);
    out[o + 1u] = bitcast<u32>(xs - ys);
    out[o + 2u] = bitcast<u32>(xs * ys);
    out[o + 3u] = bitcast<u32>(xs / ys);
    out[o + 4u] = bitcast<u32>(xs % ys);
    out[o + 5u] = x / y;
    out[o + 6u] = x % y;
    out[o + 7u] = bitcast<u32>(xs << y);
    out[o + 8u] = bitcast<u32>(xs >> y);
    out[o + 9u] = x >> y;
    out[o + 10u] = bitcast<u32>(-xs);
    out[o + 11u] = countOneBits(x);
    out[o + 12u] = countLeadingZeros(x);
    out[o + 13u] = countTrailingZeros(x);
    out[o + 14u] = firstLeadingBit(x);
    out[o + 15u] = bitcast<u32>(firstLeadingBit(xs));
    out[o + 16u] = firstTrailingBit(x);
    out[o + 17u] = reverseBits(x);
    out[o + 18u] = bitcast<u32>(round(xf));
    out[o + 19u] = bitcast<u32>(xf + yf);
    out[o + 20u] = bitcast<u32>(xf * yf);
    out[o + 21u] = bitcast<u32>(xf / yf);
    out[o + 22u] = bitcast<u32>(sqrt(xf));
    out[o + 23u] = bitcast<u32>(i32(xf));
    out[o + 24u] = u32(xf);
    out[o + 25u] = bitcast<u32>(f32(xs));
    out[o + 26u] = bitcast<u32>(f32(x));
    out[o + 27u] = bitcast<u32>(min(xs, ys));
    out[o + 28u] = max(x, y);
    out[o + 29u] = select(y, x, xs < ys);
    out[o + 30u] = bitcast<u32>(xf * yf + xf);
    out[o + 31u] = bitcast<u32>(abs(xs));
    out[o + 32u] = bitcast<u32>(floor(xf));
    out[o + 33u] = bitcast<u32>(ceil(xf));
    out[o + 34u] = bitcast<u32>(trunc(xf));
    out[o + 35u] = bitcast<u32>(fma(xf, yf, xf));
    out[o + 36u] = bitcast<u32>(clamp(xs, -5, ys));
    out[o + 37u] = u32(xf < yf);
    out[o + 38u] = bitcast<u32>(firstTrailingBit(xs));
    out[o + 39u] = bitcast<u32>(reverseBits(xs));
}
";

/// What `OPS_WGSL` computes for one pair, by WGSL's rules; `true` marks float results, where any
/// NaN matches any NaN.
fn ops(x: u32, y: u32) -> Vec<(u32, bool)> {
    let (xs, ys) = (x as i32, y as i32);
    let (xf, yf) = (f32::from_bits(x), f32::from_bits(y));
    let int = |v: i32| (v as u32, false);
    let uint = |v: u32| (v, false);
    let float = |v: f32| (v.to_bits(), true);
    let overflow = xs == i32::MIN && ys == -1;
    let first_leading_signed = {
        let u = if xs < 0 { !xs } else { xs } as u32;
        if u == 0 {
            -1
        } else {
            31 - u.leading_zeros() as i32
        }
    };
    vec![
        int(xs.wrapping_add(ys)),
        int(xs.wrapping_sub(ys)),
        int(xs.wrapping_mul(ys)),
        int(if ys == 0 || overflow { xs } else { xs / ys }),
        int(if ys == 0 || overflow { 0 } else { xs % ys }),
        uint(x.checked_div(y).unwrap_or(x)),
        uint(x.checked_rem(y).unwrap_or(0)),
        int(xs.wrapping_shl(y)),
        int(xs.wrapping_shr(y)),
        uint(x.wrapping_shr(y)),
        int(xs.wrapping_neg()),
        uint(x.count_ones()),
        uint(x.leading_zeros()),
        uint(x.trailing_zeros()),
        uint(if x == 0 {
            u32::MAX
        } else {
            31 - x.leading_zeros()
        }),
        int(first_leading_signed),
        uint(if x == 0 { u32::MAX } else { x.trailing_zeros() }),
        uint(x.reverse_bits()),
        float(xf.round_ties_even()),
        float(xf + yf),
        float(xf * yf),
        float(xf / yf),
        float(xf.sqrt()),
        int(xf as i32),
        uint(xf as u32),
        float(xs as f32),
        float(x as f32),
        int(xs.min(ys)),
        uint(x.max(y)),
        uint(if xs < ys { x } else { y }),
        float(xf * yf + xf),
        int(xs.wrapping_abs()),
        float(xf.floor()),
        float(xf.ceil()),
        float(xf.trunc()),
        float(xf.mul_add(yf, xf)),
        int(xs.max(-5).min(ys)),
        uint(u32::from(xf < yf)),
        int(if xs == 0 {
            -1
        } else {
            xs.trailing_zeros() as i32
        }),
        int(xs.reverse_bits()),
    ]
}

#[test]
fn operations_match_wgsl_bit_for_bit() {
    let Some(context) = opencl() else {
        return;
    };
    let values: Vec<u32> = [0u32, 1, 2, 3, 5, 7, 31, 32, 33, 100, 12_345_678]
        .into_iter()
        .chain([
            i32::MAX as u32,
            i32::MIN as u32,
            u32::MAX,
            u32::MAX - 1,
            -5i32 as u32,
        ])
        .chain(
            [
                0.5f32,
                1.5,
                2.5,
                -2.5,
                3.5,
                -0.0,
                1e10,
                -1e10,
                3e9,
                5e9,
                f32::INFINITY,
                f32::NEG_INFINITY,
                f32::NAN,
                1e-40,
                f32::MAX,
                16_777_218.0,
                0.1,
            ]
            .map(f32::to_bits),
        )
        .collect();
    let pairs: Vec<(u32, u32)> = values
        .iter()
        .flat_map(|&x| values.iter().map(move |&y| (x, y)))
        .collect();
    let n = pairs.len();
    let a: Vec<u32> = pairs.iter().map(|p| p.0).collect();
    let b: Vec<u32> = pairs.iter().map(|p| p.1).collect();
    let program = program(&format!("{PARAMS}{OPS_WGSL}"));
    let results = run(
        context,
        &program,
        n as u32,
        &[
            (1, to_bytes(&a)),
            (2, to_bytes(&b)),
            (3, vec![0; n * 40 * 4]),
        ],
    );
    let got = to_words(&results[2]);
    let mut failures = Vec::new();
    for (k, &(x, y)) in pairs.iter().enumerate() {
        for (op, (want, float)) in ops(x, y).into_iter().enumerate() {
            let have = got[k * 40 + op];
            let both_nan = float && f32::from_bits(want).is_nan() && f32::from_bits(have).is_nan();
            if have != want && !both_nan {
                failures.push(format!(
                    "operation {op} of ({x:#x}, {y:#x}): {have:#x}, expected {want:#x}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} wrong:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

/// Atomics, a private array filled by a `for` loop with `continue`, a `switch`, and accesses
/// out of bounds (positive and negative) that clamp to the last element.
const MEMORY_WGSL: &str = "
@group(0) @binding(1) var<storage, read_write> counters: array<atomic<u32>>;
@group(0) @binding(2) var<storage, read_write> out: array<u32>;
@group(0) @binding(3) var<storage, read> probe: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
    let i = id.x;
    if i >= params.num_iterations { return; }
    atomicAdd(&counters[i % 4u], 1u);
    atomicOr(&counters[4], 1u << (i % 32u));
    atomicMax(&counters[5], i);
    atomicMin(&counters[6], i + 10u);
    let r = atomicCompareExchangeWeak(&counters[7], 0u, i + 1u);
    if r.exchanged { atomicAdd(&counters[8], 1u); }
    atomicSub(&counters[9], 1u);
    atomicXor(&counters[10], 1u << (i % 32u));
    let old = atomicExchange(&counters[11], i);
    atomicStore(&counters[12], 7u);
    let loaded = atomicLoad(&counters[12]);

    var arr: array<u32, 8>;
    for (var k = 0u; k < 8u; k++) {
        if k == 3u { continue; }
        arr[k] = i * 10u + k;
    }
    var s = 0u;
    switch i % 4u {
        case 0u: { s = arr[i % 8u]; }
        case 1u, 2u: { s = arr[i + 100u]; }
        default: { s = loaded; }
    }
    let j = i32(i) - 1000000;
    out[i] = s + probe[j] + (old - old);
    out[i + 1000000u] = 0xdeadu;
}
";

#[test]
fn atomics_private_arrays_and_clamped_accesses() {
    let Some(context) = opencl() else {
        return;
    };
    let n = 1024u32;
    let program = program(&format!("{PARAMS}{MEMORY_WGSL}"));
    let mut counters = vec![0u32; 13];
    counters[6] = u32::MAX;
    let results = run(
        context,
        &program,
        n,
        &[
            (1, to_bytes(&counters)),
            (2, vec![0; (n as usize + 1) * 4]),
            (3, to_bytes(&[11, 22, 33, 44])),
        ],
    );
    let counters = to_words(&results[0]);
    assert_eq!(counters[..4], [n / 4; 4], "atomicAdd");
    assert_eq!(counters[4], u32::MAX, "atomicOr");
    assert_eq!(counters[5], n - 1, "atomicMax");
    assert_eq!(counters[6], 10, "atomicMin");
    assert!((1..=n).contains(&counters[7]), "atomicCompareExchangeWeak");
    assert_eq!(counters[8], 1, "exactly one exchange succeeds");
    assert_eq!(counters[9], 0u32.wrapping_sub(n), "atomicSub");
    assert_eq!(counters[10], 0, "atomicXor");
    assert!(counters[11] < n, "atomicExchange");
    assert_eq!(counters[12], 7, "atomicStore");
    let out = to_words(&results[1]);
    for i in 0..n {
        let s = match i % 4 {
            0 => i * 10 + i % 8,
            1 | 2 => i * 10 + 7,
            _ => 7,
        };
        assert_eq!(out[i as usize], s + 44, "item {i}");
    }
    assert_eq!(
        out[n as usize], 0xdead,
        "the clamped store hits the last element"
    );
}

/// `i64` arithmetic, shifts, division and conversions through `f64`.
const WIDE_WGSL: &str = "
@group(0) @binding(1) var<storage, read> a: array<i64>;
@group(0) @binding(2) var<storage, read> b: array<i64>;
@group(0) @binding(3) var<storage, read_write> out: array<i64>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
    let i = id.x;
    if i >= params.num_iterations { return; }
    let x = a[i];
    let y = b[i];
    let o = i * 9u;
    out[o + 0u] = x + y;
    out[o + 1u] = x * y;
    out[o + 2u] = x / y;
    out[o + 3u] = x % y;
    out[o + 4u] = x << u32(y);
    out[o + 5u] = x >> u32(y);
    out[o + 6u] = bitcast<i64>(bitcast<u64>(x) >> u32(y));
    out[o + 7u] = bitcast<i64>(f64(x) * 0.5lf);
    out[o + 8u] = i64(bitcast<f64>(x));
}
";

#[test]
fn i64_and_f64_match_wgsl() {
    let Some(context) = opencl() else {
        return;
    };
    let values = [
        0i64,
        1,
        -1,
        7,
        63,
        64,
        65,
        i64::MIN,
        i64::MAX,
        1 << 40,
        -12_345_678_901,
        1.5f64.to_bits() as i64,
        f64::NAN.to_bits() as i64,
        (-1e300f64).to_bits() as i64,
    ];
    let pairs: Vec<(i64, i64)> = values
        .iter()
        .flat_map(|&x| values.iter().map(move |&y| (x, y)))
        .collect();
    let n = pairs.len();
    let bytes =
        |v: &mut dyn Iterator<Item = i64>| v.flat_map(i64::to_le_bytes).collect::<Vec<u8>>();
    let program = program(&format!("{PARAMS}{WIDE_WGSL}"));
    let results = run(
        context,
        &program,
        n as u32,
        &[
            (1, bytes(&mut pairs.iter().map(|p| p.0))),
            (2, bytes(&mut pairs.iter().map(|p| p.1))),
            (3, vec![0; n * 9 * 8]),
        ],
    );
    let got: Vec<i64> = results[2]
        .chunks_exact(8)
        .map(|c| i64::from_le_bytes(c.try_into().expect("8 bytes")))
        .collect();
    for (k, &(x, y)) in pairs.iter().enumerate() {
        let overflow = x == i64::MIN && y == -1;
        let want = [
            x.wrapping_add(y),
            x.wrapping_mul(y),
            if y == 0 || overflow { x } else { x / y },
            if y == 0 || overflow { 0 } else { x % y },
            x.wrapping_shl(y as u32),
            x.wrapping_shr(y as u32),
            (x as u64).wrapping_shr(y as u32) as i64,
            ((x as f64) * 0.5).to_bits() as i64,
            f64::from_bits(x as u64) as i64,
        ];
        assert_eq!(got[k * 9..k * 9 + 9], want, "({x}, {y})");
    }
}

/// What one output of [`constant_special_values_round_like_wgsl`] must be: bits, or a float
/// where any NaN matches any NaN (an `f64` takes two words, low first).
#[derive(Clone, Copy, Debug)]
enum Expected {
    Bits(u32),
    F32(f32),
    F64(f64),
}

/// `floor`, `ceil`, `trunc`, `round` and `fract` of special values (and `round` of a vector),
/// and `abs` of the most
/// negative integers, where each value reaches the OpenCL compiler as a constant (a local's
/// initialiser, which naga leaves alone and LLVM propagates). PoCL's rounding built-ins
/// (SLEEF's) convert their argument to `int` first, which LLVM folds to poison for NaN,
/// infinities and huge constants: `ceil(NaN)` became 0 or let a select take its other arm, and
/// `rint` of such a constant branched on poison, so that the kernel crashed or never finished
/// (differential fuzz kernels 9, 58, 84, 90, 103 and 130). PoCL's `abs` folds a constant
/// `INT_MIN` to 0.
#[test]
fn constant_special_values_round_like_wgsl() {
    let Some(context) = opencl() else {
        return;
    };
    let f32s = [
        f32::NAN,
        -f32::NAN,
        f32::INFINITY,
        f32::NEG_INFINITY,
        1e10,
        2_147_483_648.0,
        -2_147_483_904.0,
        f32::MAX,
        8_388_609.0,
        0.5,
        -0.5,
        2.5,
        -0.0,
        1e-40,
    ];
    let f64s = [
        f64::NAN,
        -f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e300,
        9_223_372_036_854_775_807.0,
        -2_147_483_649.0,
        f64::MAX,
        4_503_599_627_370_497.0,
        0.5,
        -2.5,
        -0.0,
    ];
    let ops = ["floor", "ceil", "trunc", "round", "fract"];
    let mut body = String::new();
    let mut want = Vec::new();
    let mut words = 0;
    for v in f32s {
        let _ = writeln!(
            body,
            "    {{ var x = {:#x}u; let f = bitcast<f32>(x);",
            v.to_bits()
        );
        let results = [
            v.floor(),
            v.ceil(),
            v.trunc(),
            v.round_ties_even(),
            v - v.floor(),
        ];
        for (op, r) in ops.iter().zip(results) {
            let _ = writeln!(body, "      out[{words}] = bitcast<u32>({op}(f));");
            want.push(Expected::F32(r));
            words += 1;
        }
        // And component-wise, on a vector.
        let _ = writeln!(
            body,
            "      out[{words}] = bitcast<u32>(round(vec3<f32>(0.5, 1.5, f)).z); }}"
        );
        want.push(Expected::F32(v.round_ties_even()));
        words += 1;
    }
    for v in f64s {
        let _ = writeln!(
            body,
            "    {{ var x = {:#x}lu; let d = bitcast<f64>(x);",
            v.to_bits()
        );
        let results = [
            v.floor(),
            v.ceil(),
            v.trunc(),
            v.round_ties_even(),
            v - v.floor(),
        ];
        for (op, r) in ops.iter().zip(results) {
            let _ = writeln!(
                body,
                "      {{ let u = bitcast<u64>({op}(d)); out[{words}] = u32(u); \
                 out[{}] = u32(u >> 32u); }}",
                words + 1
            );
            want.push(Expected::F64(r));
            words += 2;
        }
        body.push_str("    }\n");
    }
    let _ = writeln!(
        body,
        "    var m = bitcast<i32>(0x80000000u);
    out[{words}] = bitcast<u32>(abs(vec2<i32>(1, m)).y);
    var l = bitcast<i64>(0x8000000000000000lu);
    out[{}] = u32(bitcast<u64>(abs(l)) >> 32u);",
        words + 1
    );
    want.extend([Expected::Bits(0x8000_0000), Expected::Bits(0x8000_0000)]);
    words += 2;
    let wgsl = format!(
        "{PARAMS}
@group(0) @binding(1) var<storage, read_write> out: array<u32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {{
    if id.x >= params.num_iterations {{ return; }}
{body}}}
"
    );
    let program = program(&wgsl);
    let results = run(context, &program, 1, &[(1, vec![0; words * 4])]);
    let got = to_words(&results[0]);
    let mut failures = Vec::new();
    let mut at = 0;
    for expected in want {
        let (same, have) = match expected {
            Expected::Bits(w) => (got[at] == w, format!("{:#x}", got[at])),
            Expected::F32(w) => {
                let h = f32::from_bits(got[at]);
                (
                    h.to_bits() == w.to_bits() || h.is_nan() && w.is_nan(),
                    format!("{h:e}"),
                )
            }
            Expected::F64(w) => {
                let h = f64::from_bits(u64::from(got[at]) | u64::from(got[at + 1]) << 32);
                (
                    h.to_bits() == w.to_bits() || h.is_nan() && w.is_nan(),
                    format!("{h:e}"),
                )
            }
        };
        if !same {
            failures.push(format!(
                "output at word {at}: {have}, expected {expected:?}"
            ));
        }
        at += if matches!(expected, Expected::F64(_)) {
            2
        } else {
            1
        };
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unsupported_constructs_are_errors_not_panics() {
    let wgsl = format!(
        "{PARAMS}
@group(0) @binding(1) var<storage, read_write> out: array<u32>;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {{
    out[id.x] = extractBits(id.x, 1u, 2u);
}}"
    );
    let module = naga::front::wgsl::parse_str(&wgsl).expect("WGSL");
    let info = naga::valid::Validator::new(
        naga::valid::ValidationFlags::all(),
        naga::valid::Capabilities::all(),
    )
    .validate(&module)
    .expect("valid");
    let options = opencl::Options {
        f64: true,
        i64: true,
    };
    let e = opencl::write(&module, &info, &options).expect_err("extractBits");
    assert!(e.to_string().contains("ExtractBits"), "{e}");
    let wgsl = format!(
        "{PARAMS}
@group(0) @binding(1) var<storage, read_write> out: array<u32>;
fn helper(x: u32) -> u32 {{ return x + 1u; }}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {{
    out[id.x] = helper(id.x);
}}"
    );
    let module = naga::front::wgsl::parse_str(&wgsl).expect("WGSL");
    let info = naga::valid::Validator::new(
        naga::valid::ValidationFlags::all(),
        naga::valid::Capabilities::all(),
    )
    .validate(&module)
    .expect("valid");
    let e = opencl::write(&module, &info, &options).expect_err("a call");
    assert!(e.to_string().contains("calls"), "{e}");
}
