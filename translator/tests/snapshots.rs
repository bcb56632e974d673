//! Snapshot tests: every kernel in `tests/in` (WAT, and `.wasm` built by rustc and clang) is
//! translated, re-validated by naga, written as WGSL, as SPIR-V (binary, with the default
//! options of [`spv`], which the wgpu device uses on Vulkan) and as OpenCL C, and compared with
//! `tests/out/wgsl`, `tests/out/spv` and `tests/out/opencl`. `BLESS=1 cargo test -p
//! wasi-parallel-translator` rewrites the expected files. Where `spirv-val` (SPIRV-Tools) is on
//! the `PATH`, every SPIR-V snapshot is validated for Vulkan 1.1; `tests/opencl.rs` builds every
//! OpenCL C snapshot with an OpenCL compiler.

use std::path::Path;

use wasi_parallel_translator::back::{opencl, spv};
use wasi_parallel_translator::{translate, Error, KernelRef, Options};

/// Each input and the kernel in it; `Err(text)` where the translation must fail saying `text`.
const CASES: &[(&str, KernelRef<'static>, Result<(), &str>)] = &[
    ("double_i32.wat", KernelRef::TableIndex(1), Ok(())),
    ("saxpy_f32_block.wat", KernelRef::TableIndex(1), Ok(())),
    ("branches.wat", KernelRef::Export("kernel"), Ok(())),
    ("divide_traps.wat", KernelRef::Export("kernel"), Ok(())),
    ("static_table.wat", KernelRef::Export("kernel"), Ok(())),
    ("lcg_i64.wat", KernelRef::TableIndex(1), Ok(())),
    ("br_table.wat", KernelRef::Export("kernel"), Ok(())),
    ("conversions.wat", KernelRef::Export("kernel"), Ok(())),
    ("subword_calls.wat", KernelRef::TableIndex(1), Ok(())),
    (
        "unattributed.wat",
        KernelRef::Export("kernel"),
        Err("not provably inside one buffer at byte offset"),
    ),
    ("stack_slots.wat", KernelRef::TableIndex(1), Ok(())),
    ("atomics_i64.wat", KernelRef::TableIndex(1), Ok(())),
    ("stack_on_panic_path.wat", KernelRef::TableIndex(1), Ok(())),
    (
        "stack_slot_escape.wat",
        KernelRef::Export("kernel"),
        Err("from stack slots holding pointers into a buffer"),
    ),
    // clang -O2/-O3 of kernels/c/saxpy.c: function pointer 1 is `saxpy`.
    ("saxpy_clang_O2.wasm", KernelRef::TableIndex(1), Ok(())),
    ("saxpy_clang_O3.wasm", KernelRef::TableIndex(1), Ok(())),
    // clang -O3 -msimd128 of the same: vectorised with f32x4 (v128 loads, splats, arithmetic).
    (
        "saxpy_clang_O3_simd128.wasm",
        KernelRef::TableIndex(1),
        Ok(()),
    ),
    // rustc of kernels/src/bin/nstream.rs: function pointer 2 is `triad` (f64, panic paths).
    ("nstream_rustc.wasm", KernelRef::TableIndex(2), Ok(())),
];

fn bytes(path: &Path) -> Vec<u8> {
    let text = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    wat::parse_bytes(&text).expect("WAT or Wasm").into_owned()
}

/// The device features the OpenCL snapshots are written for.
const OPENCL: opencl::Options = opencl::Options {
    f64: true,
    i64: true,
};

/// Compares `output` with the snapshot `out`, or rewrites it when blessing.
fn compare(out: &Path, output: &[u8], bless: bool, failures: &mut Vec<String>) {
    if bless {
        if let Some(dir) = out.parent() {
            std::fs::create_dir_all(dir).expect("snapshot directory");
        }
        std::fs::write(out, output).expect("write snapshot");
    } else if std::fs::read(out).unwrap_or_default() != output {
        failures.push(format!("{} differs (BLESS=1 to accept)", out.display()));
    }
}

/// What `spirv-val` says is wrong with `words` for Vulkan 1.1, if anything; `None` also when
/// SPIRV-Tools is not installed.
fn spirv_val(words: &[u32]) -> Option<String> {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new("spirv-val")
        .args(["--target-env", "vulkan1.1", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    stdin
        .write_all(&spv::to_bytes(words))
        .expect("write to spirv-val");
    drop(stdin);
    let output = child.wait_with_output().expect("spirv-val runs");
    (!output.status.success()).then(|| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

#[test]
fn snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for &(input, kernel, ref expected) in CASES {
        let wasm = bytes(&root.join("in").join(input));
        let result = translate(&wasm, kernel, &Options::default());
        match (result, expected) {
            (Ok(t), Ok(())) => {
                // Validate again, as any consumer would, then write WGSL.
                let mut validator = naga::valid::Validator::new(
                    naga::valid::ValidationFlags::all(),
                    naga::valid::Capabilities::all(),
                );
                validator
                    .validate(&t.module)
                    .unwrap_or_else(|e| panic!("{input}: {e:?}"));
                let wgsl = naga::back::wgsl::write_string(
                    &t.module,
                    &t.info,
                    naga::back::wgsl::WriterFlags::empty(),
                )
                .unwrap_or_else(|e| panic!("{input}: WGSL: {e}"));
                let out = root
                    .join("out/wgsl")
                    .join(Path::new(input).with_extension("wgsl"));
                compare(&out, wgsl.as_bytes(), bless, &mut failures);
                match t.to_spirv(&spv::Options::default()) {
                    Ok(words) => {
                        let out = root
                            .join("out/spv")
                            .join(Path::new(input).with_extension("spv"));
                        compare(&out, &spv::to_bytes(&words), bless, &mut failures);
                        if let Some(e) = spirv_val(&words) {
                            failures.push(format!("{input}: spirv-val: {e}"));
                        }
                    }
                    Err(e) => failures.push(format!("{input}: SPIR-V: {e}")),
                }
                match t.to_opencl(&OPENCL) {
                    Ok(program) => {
                        let out = root
                            .join("out/opencl")
                            .join(Path::new(input).with_extension("cl"));
                        compare(&out, program.source.as_bytes(), bless, &mut failures);
                    }
                    Err(e) => failures.push(format!("{input}: OpenCL C: {e}")),
                }
            }
            (Err(e), Err(text)) => {
                if !e.to_string().contains(text) {
                    failures.push(format!("{input}: error `{e}` does not say `{text}`"));
                }
            }
            (Ok(_), Err(text)) => failures.push(format!(
                "{input}: translated, but should fail with `{text}`"
            )),
            (Err(e), Ok(())) => failures.push(format!("{input}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bad_kernel_references_are_errors() {
    let wasm = bytes(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/in/double_i32.wat"));
    assert!(matches!(
        translate(&wasm, KernelRef::TableIndex(7), &Options::default()),
        Err(Error::NoKernel(_))
    ));
    assert!(matches!(
        translate(&wasm, KernelRef::Export("nope"), &Options::default()),
        Err(Error::NoKernel(_))
    ));
    assert!(matches!(
        translate(b"\0asm junk", KernelRef::TableIndex(1), &Options::default()),
        Err(Error::Invalid(_))
    ));
    let f64_kernel =
        bytes(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/in/nstream_rustc.wasm"));
    let no_f64 = Options {
        f64: false,
        ..Options::default()
    };
    assert!(matches!(
        translate(&f64_kernel, KernelRef::TableIndex(2), &no_f64),
        Err(Error::MissingFeature(_))
    ));
}

#[test]
fn opencl_needs_the_features_it_uses() {
    let f64_kernel =
        bytes(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/in/nstream_rustc.wasm"));
    let t = translate(&f64_kernel, KernelRef::TableIndex(2), &Options::default()).expect("nstream");
    let no_f64 = opencl::Options {
        f64: false,
        i64: true,
    };
    assert!(matches!(
        t.to_opencl(&no_f64),
        Err(Error::MissingFeature(_))
    ));
    let program = t.to_opencl(&OPENCL).expect("OpenCL C");
    assert!(program.source.contains("cl_khr_fp64"));
    assert!(program.source.contains("#pragma OPENCL FP_CONTRACT OFF"));
    assert_ne!(program.entry_point, "main");
    assert!(program
        .build_options
        .contains("-cl-fp32-correctly-rounded-divide-sqrt"));
}

/// 64-bit atomics need the device's 64-bit atomics, a buffer that no narrower access shares,
/// and a buffer rather than the stack.
#[test]
fn sixty_four_bit_atomics_are_refused_where_no_binding_can_hold_them() {
    let wasm = bytes(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/in/atomics_i64.wat"));
    let no_atomics = Options {
        i64_atomics: false,
        ..Options::default()
    };
    assert!(matches!(
        translate(&wasm, KernelRef::TableIndex(1), &no_atomics),
        Err(Error::MissingFeature("64-bit atomics"))
    ));
    let kernel = |body: &str| {
        wat::parse_str(format!(
            r#"(module (memory 1) (global $sp (mut i32) (i32.const 4096)) (table 2 funcref)
                 (elem (i32.const 1) $k)
                 (func $k (param i32 i32 i32 i32 i32) (local $p i32) {body}))"#
        ))
        .expect("WAT")
    };
    let refusals = [
        (
            "(drop (i64.atomic.rmw.add (local.get 3) (i64.const 1)))
             (i32.store offset=8 (local.get 3) (i32.const 1))",
            "also accessed with fewer than 8 bytes",
        ),
        (
            "(drop (i64.atomic.rmw.add (local.get 3) (i64.const 1)))
             (drop (i32.atomic.rmw.add offset=8 (local.get 3) (i32.const 1)))",
            "with 32-bit atomics",
        ),
        (
            "(local.set $p (i32.sub (global.get $sp) (i32.const 16)))
             (global.set $sp (local.get $p))
             (drop (i64.atomic.rmw.add (local.get $p) (i64.const 1)))
             (global.set $sp (i32.add (local.get $p) (i32.const 16)))",
            "a 64-bit atomic on the stack",
        ),
    ];
    for (body, why) in refusals {
        match translate(&kernel(body), KernelRef::TableIndex(1), &Options::default()) {
            Err(Error::Unsupported { what, .. }) => assert!(what.contains(why), "{what}"),
            other => panic!("{body}: {other:?}"),
        }
    }
    // A plain f64 load of a buffer of 64-bit atomic words reads its bits.
    let fine = kernel(
        "(drop (i64.atomic.rmw.add (local.get 3) (i64.const 1)))
         (f64.store offset=8 (local.get 3) (f64.load (local.get 3)))",
    );
    translate(&fine, KernelRef::TableIndex(1), &Options::default()).expect("8-byte accesses");
}

/// Whether a translated kernel has a private array (the shadow stack).
fn has_private_array(module: &naga::Module) -> bool {
    module
        .entry_points
        .iter()
        .map(|e| &e.function)
        .chain(module.functions.iter().map(|(_, f)| f))
        .flat_map(|f| f.local_variables.iter())
        .any(|(_, local)| matches!(module.types[local.ty].inner, naga::TypeInner::Array { .. }))
}

#[test]
fn a_stack_used_only_on_the_way_to_a_trap_is_not_kept() {
    let wat = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/in/stack_on_panic_path.wat");
    let wasm = bytes(&wat);
    let doomed = translate(&wasm, KernelRef::TableIndex(1), &Options::default()).expect("kernel 1");
    assert!(
        !has_private_array(&doomed.module),
        "kernel 1 keeps its stack"
    );
    // A store to a buffer on the way to the trap: the stack stays.
    let storing =
        translate(&wasm, KernelRef::TableIndex(2), &Options::default()).expect("kernel 2");
    assert!(
        has_private_array(&storing.module),
        "kernel 2 lost its stack"
    );
}
