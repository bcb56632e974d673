//! The coverage corpus: kernels written the way people write them (`tests/guests/corpus.rs`,
//! 31 in Rust; `tests/guests/corpus.c`, 16 in C), built the way users build them (rustc 1.95's
//! defaults, bulk memory on, for wasm32-unknown-unknown and wasm32-wasip1 at opt-levels 2, 3 and
//! "s"; clang -O2 and -O3 with and without -mbulk-memory, and -O2 with -matomics and a shared
//! memory; vectorised: rustc -O3 with `+simd128`, clang -O3 -msimd128 with and without bulk
//! memory), translated for the GPUs, and run on every device in strict mode against the CPU
//! executor.
//!
//! The report (`cargo test --test corpus -- --nocapture`) prints, per build, how many kernels
//! translate and the first refusal of each that does not. Every kernel must translate, except
//! those [`EXCEPTIONS`] names with the reason no GPU could run them, and every device must give
//! the CPU executor's results.

use wasi_parallel_tests::suite::{
    build, check, compiled, compiled_suite, devices, guests_dir, Case, Suite, Ty,
};
use wasi_parallel_translator::{translate, KernelRef, Options};

/// Kernels that may stay untranslated, with the reason no GPU could run them. None today.
const EXCEPTIONS: &[(&str, &str)] = &[];

fn rust_cases() -> Vec<Case> {
    use Ty::*;
    let words = |n: usize| vec![I64; n];
    vec![
        compiled("rs_saxpy_iter", F32, &[F32Pair], 0, false),
        compiled("rs_copy_slice", F32, &[F32Pair, F32Pair], 0, false),
        compiled("rs_zeroed_local", I32, &[I32], 0, false),
        compiled("rs_chunks_exact", F32, &[F32], 0, false),
        compiled("rs_particles", F32, &[F32Pair], 0, false),
        compiled("rs_generic", I64, &[I64, F64], 0, false),
        compiled("rs_closure", I32, &[I32], 0, false),
        compiled("rs_prefix_sum", I32, &words(4), 0, false),
        compiled("rs_stencil_2d", F32, &[F32], 0, false),
        compiled("rs_tile_transpose", I32, &words(8), 0, false),
        compiled("rs_dot", F64, &[F64], 0, false),
        compiled("rs_clamp", F32, &[F32Pair], 0, false),
        compiled("rs_bits", I32, &[I64, I64], 0, false),
        compiled("rs_nibbles", I32, &[], 16, false),
        compiled("rs_matvec", F32, &[F32], 0, false),
        compiled("rs_horner", F64, &[F64], 0, false),
        compiled("rs_signs", F32, &[F32Pair], 0, false),
        compiled("rs_splitmix", I64, &[I64], 0, false),
        compiled("rs_widen_sum", F32, &[F64], 0, false),
        compiled("rs_reverse", I32, &words(4), 0, false),
        compiled("rs_fill", I32, &words(3), 0, false),
        compiled("rs_swap_halves", I32, &words(4), 0, false),
        compiled("rs_filter_count", I32, &[I32], 0, false),
        compiled("rs_position", I32, &[I32], 0, false),
        compiled("rs_insertion_sort", I32, &words(4), 0, false),
        compiled("rs_piecewise", F32, &[F32], 0, false),
        compiled("rs_option_lookup", I32, &[I32], 0, false),
        compiled("rs_moving_average", F32, &[F32], 0, false),
        compiled("rs_atomic_counter", I32, &[I32], 0, false),
        compiled("rs_halfwords", I32, &[], 8, false),
        compiled("rs_byte_blur", I32, &[], 32, false),
    ]
}

fn c_cases() -> Vec<Case> {
    use Ty::*;
    vec![
        compiled("c_saxpy_restrict", F32, &[F32Pair], 0, false),
        compiled("c_saxpy_plain", F32, &[F32Pair], 0, false),
        compiled("c_stencil_2d", I32, &[I32], 0, false),
        compiled("c_local_tile", F64, &[F64], 0, false),
        compiled("c_memcpy", I32, &[], 32, false),
        compiled("c_struct_array", F32, &[F32], 0, false),
        compiled("c_local_counts", I32, &[I32], 0, false),
        compiled("c_murmur", I32, &[I32], 0, false),
        compiled("c_switch", I32, &[I32], 0, false),
        compiled("c_pointer_walk", I32, &[I32], 0, false),
        compiled("c_bytes_rw", I32, &[], 8, false),
        compiled("c_unrolled", F32, &[F32], 0, false),
        compiled("c_atomic_counter", I32, &[I32], 0, false),
        compiled("c_byte_blur", I32, &[], 32, false),
        compiled("c_dot16", I32, &[I32], 0, false),
        compiled("c_stencil_row", I32, &[], 128, false),
    ]
}

/// A name that lives as long as the suites (they keep `&'static str`s).
fn named(name: String) -> &'static str {
    Box::leak(name.into_boxed_str())
}

/// The Rust corpus by rustc for `target` at `opt`: as `cargo build` builds a cdylib, with the
/// target's default features (bulk memory on), debug info stripped.
fn rustc_suite(target: &str, opt: &str) -> Option<Suite> {
    rustc_suite_with(target, opt, &[])
}

/// [`rustc_suite`] with more flags (`-Ctarget-feature=+simd128`).
fn rustc_suite_with(target: &str, opt: &str, more: &[&str]) -> Option<Suite> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let what = format!("rustc {target} -C opt-level={opt} {}", more.join(" "))
        .trim_end()
        .to_string();
    let wasm = build(
        std::process::Command::new(rustc)
            .args([
                &format!("--target={target}"),
                "--edition=2021",
                &format!("-Copt-level={opt}"),
                "-Cpanic=abort",
                "-Cstrip=debuginfo",
                "--crate-type=cdylib",
            ])
            .args(more)
            .arg(guests_dir().join("corpus.rs")),
        &what,
    )?;
    Some(compiled_suite(named(what), wasm, rust_cases()))
}

/// The C corpus by clang with `flags`.
fn clang_suite(flags: &[&str]) -> Option<Suite> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let what = format!("clang {}", flags.join(" "));
    let wasm = build(
        std::process::Command::new("clang")
            .args(["--target=wasm32-wasi", "-nostartfiles", "-Wl,--no-entry"])
            .args(flags)
            .arg("-I")
            .arg(root.join("kernels/include"))
            .arg(guests_dir().join("corpus.c")),
        &what,
    )?;
    Some(compiled_suite(named(what), wasm, c_cases()))
}

fn suites() -> Vec<Suite> {
    let mut suites = Vec::new();
    for target in ["wasm32-unknown-unknown", "wasm32-wasip1"] {
        for opt in ["2", "3", "s"] {
            suites.extend(rustc_suite(target, opt));
        }
    }
    // Vectorised: rustc's autovectoriser with simd128, clang's with -msimd128.
    suites.extend(rustc_suite_with(
        "wasm32-wasip1",
        "3",
        &["-Ctarget-feature=+simd128"],
    ));
    for flags in [
        &["-O2"][..],
        &["-O3"],
        &["-O2", "-mbulk-memory"],
        &["-O3", "-mbulk-memory"],
        &["-O3", "-msimd128"],
        &["-O3", "-msimd128", "-mbulk-memory"],
        &[
            "-O2",
            "-matomics",
            "-mbulk-memory",
            "-Wl,--shared-memory",
            "-Wl,--max-memory=67108864",
        ],
    ] {
        suites.extend(clang_suite(flags));
    }
    suites
}

/// Translates every kernel of `suite` as the GPU backends do (with `f64` and `i64`); the
/// refusals, by kernel name.
fn refusals(suite: &Suite) -> Vec<(String, String)> {
    let options = Options {
        f64: true,
        i64: true,
        ..Options::default()
    };
    suite
        .cases
        .iter()
        .zip(&suite.pointers)
        .filter_map(|(case, &pointer)| {
            translate(&suite.wasm, KernelRef::TableIndex(pointer as u32), &options)
                .err()
                .map(|e| (case.name.clone(), e.to_string()))
        })
        .collect()
}

#[test]
fn the_corpus_translates_and_gives_the_cpu_executors_results_on_every_device() {
    let suites = suites();
    let mut failures = Vec::new();
    eprintln!("coverage (translated for GPUs / kernels):");
    for suite in &suites {
        let refused = refusals(suite);
        eprintln!(
            "  {}: {}/{}",
            suite.name,
            suite.cases.len() - refused.len(),
            suite.cases.len()
        );
        for (kernel, why) in &refused {
            eprintln!("    {kernel}: {why}");
            if !EXCEPTIONS.iter().any(|(name, _)| name == kernel) {
                failures.push(format!("{}: {kernel} is not translated: {why}", suite.name));
            }
        }
    }
    let devices = devices();
    for suite in &suites {
        failures.extend(check(suite, &devices));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
