//! The cross-device suite's machinery: kernels with typed 8-byte input slots and outputs, run
//! through the guest ABI on every device and compared with the CPU executor, bit for bit except
//! where Wasm lets a NaN be any NaN. `tests/cross_device.rs` and `tests/differential.rs` use it.

use wasi_parallel_runtime::{DevicePreference, Errno, WasiParallelHost};

use crate::{engine, Guest, GuestProgram};

/// How to read and compare one 8-byte output slot (or the bytes of a sub-word output).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    I32,
    I64,
    F32,
    F64,
    /// Two `f32`s.
    F32Pair,
}

/// One kernel of the suite: `(func $name (param i n bs a a_len b b_len out out_len) ...)`.
#[derive(Debug)]
pub struct Case {
    pub name: String,
    /// The function, and any helpers it calls.
    pub wat: String,
    /// How the inputs `a` and `b` (8-byte slots) are filled.
    pub input: Ty,
    /// Per work item: output slots and their types; empty for a byte-granular output.
    pub outputs: Vec<Ty>,
    /// Bytes of output per work item when `outputs` is empty.
    pub out_bytes: usize,
    /// The kernel traps (in some work item): every device must report it.
    pub traps: bool,
    /// The kernel updates `a` in place; `a` is compared instead of the output.
    pub in_place: bool,
}

pub const PARAMS: &str =
    "(param $i i32) (param $n i32) (param $bs i32) (param $a i32) (param $al i32) \
                      (param $b i32) (param $bl i32) (param $o i32) (param $ol i32)";

pub fn wat_ty(t: Ty) -> &'static str {
    match t {
        Ty::I32 => "i32",
        Ty::I64 => "i64",
        Ty::F32 => "f32",
        Ty::F64 => "f64",
        Ty::F32Pair => unreachable!("no Wasm type"),
    }
}

/// Inputs of type `ty`: special values first, then pseudo-random ones.
pub fn inputs(ty: Ty, n: usize, seed: u64) -> Vec<u64> {
    let specials: Vec<u64> = match ty {
        Ty::I32 => [
            0i32,
            1,
            -1,
            i32::MIN,
            i32::MAX,
            2,
            -2,
            31,
            32,
            33,
            255,
            256,
            -256,
            65535,
            0x1234_5678,
            10,
            999_999,
        ]
        .iter()
        .map(|&v| v as u32 as u64)
        .collect(),
        Ty::I64 => [
            0i64,
            1,
            -1,
            i64::MIN,
            i64::MAX,
            2,
            -2,
            63,
            64,
            65,
            i64::from(i32::MIN),
            i64::from(u32::MAX),
            1 << 53,
            (1 << 53) + 1,
            -(1 << 40),
            0x0123_4567_89ab_cdef,
        ]
        .iter()
        .map(|&v| v as u64)
        .collect(),
        Ty::F32 | Ty::F32Pair => [
            0.0f32,
            -0.0,
            1.0,
            -1.0,
            0.5,
            -0.5,
            1.5,
            2.5,
            -2.5,
            3.5,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NAN,
            f32::from_bits(0xffc0_0001),
            f32::from_bits(1),
            f32::from_bits(0x007f_ffff),
            f32::MIN_POSITIVE,
            f32::MAX,
            f32::MIN,
            2147483648.0,
            -2147483648.0,
            2147483520.0,
            4294967296.0,
            4294967040.0,
            9.223372e18,
            -9.223372e18,
            1.8446743e19,
            1e10,
            -0.99,
            0.49999997,
        ]
        .iter()
        .map(|v| u64::from(v.to_bits()))
        .collect(),
        Ty::F64 => [
            0.0f64,
            -0.0,
            1.0,
            -1.0,
            0.5,
            -0.5,
            1.5,
            2.5,
            -2.5,
            3.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::from_bits(0xfff8_0000_0000_0001),
            f64::from_bits(1),
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            2147483648.0,
            -2147483649.0,
            -2147483648.9,
            4294967295.9,
            4294967296.0,
            9.223372036854775e18,
            -9.223372036854776e18,
            1.844_674_407_370_955e19,
            1e300,
            1e-300,
            0.49999999999999994,
            3.4028235677973366e38,
        ]
        .iter()
        .map(|v| v.to_bits())
        .collect(),
    };
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n)
        .map(|i| {
            if i < specials.len() {
                return specials[i];
            }
            let r = next();
            match ty {
                Ty::I32 => match i % 3 {
                    0 => r & 0xffff_ffff,
                    1 => (r % 2001) as u32 as u64,
                    _ => ((r % 2001) as i32 - 1000) as u32 as u64,
                },
                Ty::I64 => match i % 3 {
                    0 => r,
                    1 => r % 100_000,
                    _ => (-((r % 100_000) as i64)) as u64,
                },
                Ty::F32 | Ty::F32Pair => {
                    let v = match i % 3 {
                        0 => f32::from_bits(r as u32),
                        1 => (r % 2_000_000) as f32 / 1000.0 - 1000.0,
                        _ => (r % 20_000) as f32 / 4.0 - 2500.0,
                    };
                    u64::from(v.to_bits())
                }
                Ty::F64 => match i % 3 {
                    0 => r,
                    1 => ((r % 2_000_000) as f64 / 1000.0 - 1000.0).to_bits(),
                    _ => ((r % 20_000) as f64 / 4.0 - 2500.0).to_bits(),
                },
            }
        })
        .collect()
}

pub const N: usize = 256;

pub fn bytes_of(slots: &[u64]) -> Vec<u8> {
    slots.iter().flat_map(|s| s.to_le_bytes()).collect()
}

pub fn out_len(case: &Case) -> usize {
    if case.outputs.is_empty() {
        (N * case.out_bytes).next_multiple_of(8)
    } else {
        N * case.outputs.len() * 8
    }
}

/// Runs `case` (function pointer `pointer`) on the guest's device, with guest memory at
/// `staging` for the transfers; the errno and the bytes compared (the output, or `a` for
/// in-place kernels).
pub fn run(g: &mut Guest, pointer: i32, staging: u32, case: &Case) -> (i32, Vec<u8>) {
    let device = g.device(1).expect("device");
    let a = bytes_of(&inputs(case.input, N, 1));
    let mut b_slots = inputs(case.input, N, 2);
    b_slots.rotate_left(7);
    let b = bytes_of(&b_slots);
    let out = vec![0u8; out_len(case)];
    let a_access = if case.in_place { 2 } else { 0 };
    let ha = g.buffer(device, a.len() as i32, a_access).expect("a");
    let hb = g.buffer(device, b.len() as i32, 0).expect("b");
    let ho = g.buffer(device, out.len() as i32, 1).expect("out");
    for (h, data) in [(ha, &a), (hb, &b), (ho, &out)] {
        g.poke(staging, data);
        let errno = g.write_buffer_raw(staging as i32, data.len() as i32, h);
        assert_eq!(errno, 0, "{}: write_buffer", case.name);
    }
    let errno = g.run(pointer, N as i32, &[ha, hb], &[ho]);
    let (h, len) = if case.in_place {
        (ha, a.len())
    } else {
        (ho, out.len())
    };
    let read = g.read_buffer_raw(h, staging as i32, len as i32);
    if errno == 0 {
        assert_eq!(read, 0, "{}: read_buffer", case.name);
    }
    (errno, g.peek(staging, len))
}

/// Where `got` differs from `want` beyond Wasm's NaN freedom: a description of the first few.
pub fn differences(case: &Case, want: &[u8], got: &[u8]) -> Vec<String> {
    if case.outputs.is_empty() {
        return want
            .iter()
            .zip(got)
            .enumerate()
            .filter(|(_, (w, g))| w != g)
            .take(4)
            .map(|(i, (w, g))| format!("byte {i}: want {w:#04x}, got {g:#04x}"))
            .collect();
    }
    let slot = |bytes: &[u8], k: usize| {
        u64::from_le_bytes(bytes[k * 8..k * 8 + 8].try_into().expect("8 bytes"))
    };
    let mut found = Vec::new();
    for k in 0..want.len() / 8 {
        let ty = case.outputs[k % case.outputs.len()];
        let (w, g) = (slot(want, k), slot(got, k));
        let same_f32 =
            |w: u32, g: u32| w == g || f32::from_bits(w).is_nan() && f32::from_bits(g).is_nan();
        let same = match ty {
            Ty::F32 => w >> 32 == g >> 32 && same_f32(w as u32, g as u32),
            Ty::F32Pair => {
                same_f32(w as u32, g as u32) && same_f32((w >> 32) as u32, (g >> 32) as u32)
            }
            Ty::F64 => w == g || f64::from_bits(w).is_nan() && f64::from_bits(g).is_nan(),
            Ty::I32 | Ty::I64 => w == g,
        };
        if !same && found.len() < 4 {
            let (item, op) = (k / case.outputs.len(), k % case.outputs.len());
            found.push(format!(
                "item {item} output {op} ({ty:?}): want {w:#x}, got {g:#x}"
            ));
        }
    }
    found
}

/// A guest holding kernels of the suite.
#[derive(Debug)]
pub struct Suite {
    /// Where the kernels come from, for messages.
    pub name: &'static str,
    pub program: GuestProgram,
    pub wasm: Vec<u8>,
    pub cases: Vec<Case>,
    /// The function pointer of each case.
    pub pointers: Vec<i32>,
    /// Guest memory free for transfers.
    pub staging: u32,
}

pub fn context(device: &str) -> WasiParallelHost {
    context_with(device, true)
}

/// A context on `device`, strict or not.
pub fn context_with(device: &str, strict: bool) -> WasiParallelHost {
    host_on(device, strict, None)
}

/// A context on `device`, strict or not, whose GPUs bind at most `binding` bytes of a buffer
/// per storage binding, if given.
fn host_on(device: &str, strict: bool, binding: Option<u64>) -> WasiParallelHost {
    let mut builder = WasiParallelHost::builder()
        .threads(2)
        .strict(strict)
        .device(DevicePreference::Named(device.into()));
    if let Some(bytes) = binding {
        builder = builder.max_binding_size(bytes);
    }
    builder.build(engine()).expect("context")
}

/// The translation of the kernel at `pointer`, with the default options.
fn translation(wasm: &[u8], pointer: i32) -> Option<wasi_parallel_translator::Translation> {
    wasi_parallel_translator::translate(
        wasm,
        wasi_parallel_translator::KernelRef::TableIndex(pointer as u32),
        &wasi_parallel_translator::Options::default(),
    )
    .ok()
}

/// Whether llvmpipe refuses the kernel at `pointer` for a fault of its own
/// ([`wasi_parallel_runtime::device::wgpu::llvmpipe_refusal`]).
fn llvmpipe_refuses(wasm: &[u8], pointer: i32) -> bool {
    translation(wasm, pointer)
        .is_some_and(|t| wasi_parallel_runtime::device::wgpu::llvmpipe_refusal(&t.module).is_some())
}

/// Whether the kernel at `pointer` takes f64 `trunc` or `round`, which llvmpipe gets wrong
/// ([`wasi_parallel_runtime::device::wgpu::llvmpipe_f64_rounding`]).
fn llvmpipe_rounds_f64(wasm: &[u8], pointer: i32) -> bool {
    translation(wasm, pointer).is_some_and(|t| {
        wasi_parallel_runtime::device::wgpu::llvmpipe_f64_rounding(&t.module, &t.info)
    })
}

/// Runs every case of `suite` on every device but `cpu`, against `cpu`; the failures.
pub fn check(suite: &Suite, devices: &[(String, &'static str)]) -> Vec<String> {
    check_with_bindings(suite, devices, None)
}

/// [`check`], with the GPUs binding at most `binding` bytes of a buffer per storage binding (if
/// given): the cases' buffers split across several bindings.
pub fn check_with_bindings(
    suite: &Suite,
    devices: &[(String, &'static str)],
    binding: Option<u64>,
) -> Vec<String> {
    // One suite at a time: an OpenCL build (PoCL's in-process clang) fails when a Wasm trap on
    // another thread makes LLVM delete its temporary files, and the suites' trapping kernels
    // would otherwise run beside another suite's cold builds, each retried up to ten times.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut reference = suite
        .program
        .instantiate(&context("cpu"))
        .expect("instantiate");
    let expected: Vec<(i32, Vec<u8>)> = suite
        .cases
        .iter()
        .zip(&suite.pointers)
        .map(|(c, &p)| run(&mut reference, p, suite.staging, c))
        .collect();
    for (c, (errno, _)) in suite.cases.iter().zip(&expected) {
        let want = if c.traps {
            Errno::KernelTrapped.raw()
        } else {
            0
        };
        assert_eq!(
            *errno, want,
            "{}: {} on the CPU executor",
            suite.name, c.name
        );
    }
    let mut failures = Vec::new();
    for (device, _) in devices {
        let host = host_on(device, true, binding);
        let llvmpipe = host
            .devices()
            .iter()
            .any(|d| d.info().name == *device && d.info().description.starts_with("llvmpipe"));
        let mut g = suite.program.instantiate(&host).expect("instantiate");
        let mut on_the_cpu = 0;
        for (i, c) in suite.cases.iter().enumerate() {
            let pointer = suite.pointers[i];
            let (mut errno, mut got) = run(&mut g, pointer, suite.staging, c);
            let (want_errno, want) = &expected[i];
            if errno == Errno::UnsupportedKernel.raw()
                && llvmpipe
                && llvmpipe_refuses(&suite.wasm, pointer)
            {
                // llvmpipe refuses kernels it gets wrong or compiles without end: the kernel
                // must then give the same results on the CPU, where the runtime sends it
                // without strict mode.
                let mut fallback = suite
                    .program
                    .instantiate(&host_on(device, false, binding))
                    .expect("instantiate");
                (errno, got) = run(&mut fallback, pointer, suite.staging, c);
                on_the_cpu += 1;
            }
            if errno != *want_errno {
                // Say why, when the translator is the reason.
                let why = wasi_parallel_translator::translate(
                    &suite.wasm,
                    wasi_parallel_translator::KernelRef::TableIndex(pointer as u32),
                    &wasi_parallel_translator::Options::default(),
                )
                .err()
                .map(|e| format!(": {e}"))
                .unwrap_or_default();
                failures.push(format!(
                    "{device}: {} {}: errno {errno} ({:?}), the CPU gives {want_errno}{why}",
                    suite.name,
                    c.name,
                    Errno::from_raw(errno)
                ));
            } else if !c.traps {
                let found = differences(c, want, &got);
                if !found.is_empty() && llvmpipe && llvmpipe_rounds_f64(&suite.wasm, pointer) {
                    // A known fault of llvmpipe's, not of the translator's: said, not failed.
                    eprintln!(
                        "{device}: {} {}: llvmpipe's f64 trunc/round differ from Wasm ({} values)",
                        suite.name,
                        c.name,
                        found.len()
                    );
                    continue;
                }
                for d in found {
                    failures.push(format!("{device}: {} {}: {d}", suite.name, c.name));
                }
            }
        }
        eprintln!(
            "{device}: {} kernels of {} run ({on_the_cpu} of them on the CPU instead)",
            suite.cases.len(),
            suite.name
        );
    }
    failures
}

/// Every device but the reference; in CI, the software GPUs must be among them.
pub fn devices() -> Vec<(String, &'static str)> {
    let probe = context("cpu");
    let devices: Vec<(String, &'static str)> = probe
        .devices()
        .iter()
        .map(|d| (d.info().name.clone(), d.info().backend))
        .filter(|(name, _)| name != "cpu")
        .filter(|(name, backend)| {
            // For debugging: `WASI_PARALLEL_TEST_DEVICES=opencl-0,wgpu` keeps those only.
            std::env::var("WASI_PARALLEL_TEST_DEVICES").map_or(true, |only| {
                only.split(',').any(|o| o == name || o == *backend)
            })
        })
        .collect();
    if std::env::var_os("CI").is_some() {
        for backend in ["wgpu", "opencl"] {
            assert!(
                devices.iter().any(|(_, b)| *b == backend),
                "CI must have a {backend} device (lavapipe, PoCL): found {devices:?}"
            );
        }
    }
    devices
}

impl Suite {
    /// A guest of WAT kernels: `cases` as function pointers 1, 2, ..., and `extra` (data
    /// segments, globals) in the module.
    pub fn from_wat(name: &'static str, cases: Vec<Case>, extra: &str) -> Suite {
        let names: Vec<String> = cases.iter().map(|c| format!("${}", c.name)).collect();
        let mut body = format!(
            "(table {} funcref)\n(elem (i32.const 1) {})\n{extra}\n",
            cases.len() + 1,
            names.join(" "),
        );
        for c in &cases {
            body.push_str(&c.wat);
            body.push('\n');
        }
        let memory = "(memory (export \"memory\") 4)";
        let wasm = wat::parse_str(crate::guest_wat(memory, &body)).expect("WAT");
        Suite {
            name,
            program: GuestProgram::with_memory(memory, &body).expect("suite guest"),
            wasm,
            pointers: (1..=cases.len() as i32).collect(),
            cases,
            staging: 0x1_0000,
        }
    }
}

/// A case of a compiled guest, whose kernel is in the guest's source.
pub fn compiled(name: &str, input: Ty, outputs: &[Ty], out_bytes: usize, traps: bool) -> Case {
    Case {
        name: name.into(),
        wat: String::new(),
        input,
        outputs: outputs.to_vec(),
        out_bytes,
        traps,
        in_place: false,
    }
}

/// Builds a guest with `command`; `None` where the compiler is missing (a failure in CI).
pub fn build(command: &mut std::process::Command, what: &str) -> Option<Vec<u8>> {
    let out = std::env::temp_dir().join(format!(
        "wasi-parallel-suite-{}-{}.wasm",
        what.replace([' ', '-'], "_"),
        std::process::id()
    ));
    match command.arg("-o").arg(&out).output() {
        Ok(o) if o.status.success() => {
            let wasm = std::fs::read(&out).expect("built guest");
            std::fs::remove_file(&out).ok();
            Some(wasm)
        }
        Ok(o) => panic!("{what} failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) if std::env::var_os("CI").is_some() => panic!("{what}: {e}"),
        Err(e) => {
            eprintln!("skipped: cannot run {what}: {e}");
            None
        }
    }
}

/// A compiled guest: reads its kernels' function pointers and its staging area from it.
pub fn compiled_suite(name: &'static str, wasm: Vec<u8>, cases: Vec<Case>) -> Suite {
    let program = GuestProgram {
        guest: wasi_parallel_runtime::GuestModule::new(&wasm).expect("guest module"),
        module: wasmtime::Module::new(engine(), &wasm).expect("compile"),
    };
    let mut g = program.instantiate(&context("cpu")).expect("instantiate");
    let pointer = g
        .instance
        .get_typed_func::<i32, i32>(&mut g.store, "kernel_pointer")
        .expect("kernel_pointer export");
    let pointers = (0..cases.len() as i32)
        .map(|k| pointer.call(&mut g.store, k).expect("kernel_pointer"))
        .collect();
    let staging = g
        .instance
        .get_typed_func::<(), i32>(&mut g.store, "staging")
        .expect("staging export")
        .call(&mut g.store, ())
        .expect("staging") as u32;
    Suite {
        name,
        program,
        wasm,
        cases,
        pointers,
        staging,
    }
}

/// `tests/guests`, the compiled guests' sources.
pub fn guests_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("guests")
}
