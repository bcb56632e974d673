//! Deep and large kernels never overflow the stack of the thread that translates them: they are
//! translated and written by every back end, or refused as unsupported. A kernel of 10,000
//! nested blocks used to abort the host in naga's validator. Kernels the translator refuses are
//! refused before anything recurses, on the test harness's threads (2 MiB of stack); kernels at
//! the nesting limit translate on the 8 MiB a process's main thread has (debug builds need
//! about 10 KiB per level; `device::compile_kernel` gives the translator 64 MiB).

#[path = "support/recipes.rs"]
mod recipes;

use wasi_parallel_translator::back::{opencl, spv};
use wasi_parallel_translator::{translate, Error, KernelRef, Options};

/// A kernel `(i, n, block, out, out_len)` whose body is `body`, storing the i32 it leaves on
/// the stack at `out[i]`.
fn kernel(body: &str, extra_funcs: &str) -> Vec<u8> {
    let wat = format!(
        r#"(module (memory 1)
          {extra_funcs}
          (func (export "kernel") (param $i i32) (param i32 i32) (param $p i32) (param i32)
            (local $x i32)
            (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
            {body}
            i32.store))"#
    );
    wat::parse_str(&wat).expect("WAT")
}

/// Translates `wasm` and writes it with every back end; `Ok(false)` if the translator refused
/// it as unsupported. The OpenCL C writer may refuse what is nested deeper than OpenCL
/// compilers take, with an error that says so.
fn every_back_end(wasm: &[u8]) -> Result<bool, String> {
    match translate(wasm, KernelRef::Export("kernel"), &Options::default()) {
        Ok(t) => {
            let written = opencl::write(
                &t.module,
                &t.info,
                &opencl::Options {
                    f64: true,
                    i64: true,
                },
            );
            match written {
                Ok(_) => {}
                Err(Error::Backend(why)) if why.contains("nested more than") => {}
                Err(e) => return Err(format!("OpenCL C: {e}")),
            }
            spv::write(&t.module, &t.info, &spv::Options::default())
                .map_err(|e| format!("SPIR-V: {e}"))?;
            Ok(true)
        }
        Err(Error::Unsupported { .. }) => Ok(false),
        Err(e) => Err(format!("{e}")),
    }
}

/// Whether the OpenCL C writer writes `wasm`'s kernel (which must translate).
fn opencl_writes(wasm: &[u8]) -> bool {
    let t = translate(wasm, KernelRef::Export("kernel"), &Options::default()).expect("translates");
    let options = opencl::Options {
        f64: true,
        i64: true,
    };
    opencl::write(&t.module, &t.info, &options).is_ok()
}

fn nested_blocks(depth: usize) -> Vec<u8> {
    let body = format!(
        "{}(local.get $i){}",
        "(block (result i32) ".repeat(depth),
        ")".repeat(depth)
    );
    kernel(&body, "")
}

/// Runs `f` on a thread with a main thread's stack.
fn on_8_mib<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no panic")
}

#[test]
fn nesting_up_to_the_limit_translates_and_one_more_is_refused() {
    assert_eq!(on_8_mib(|| every_back_end(&nested_blocks(512))), Ok(true));
    assert_eq!(every_back_end(&nested_blocks(513)), Ok(false));
}

#[test]
fn opencl_c_nests_as_deep_as_its_compilers_take() {
    // Each block is one C block; clang stops at 256 nested brackets.
    assert!(on_8_mib(|| opencl_writes(&nested_blocks(200))));
    assert!(!on_8_mib(|| opencl_writes(&nested_blocks(300))));
}

/// Deep and large kernels from recipes (see `support/recipes.rs`, shared with the fuzz target
/// `translate_structured`): nested blocks, loops and ifs, chains of calls, many locals, deep
/// expressions, of sizes from 0 to tens of thousands, are translated and written or refused.
#[test]
fn structured_recipes_translate_or_are_refused() {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut translated = 0;
    let recipes = 120;
    for _ in 0..recipes {
        let recipe: Vec<u8> = (0..8)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        let wat = recipes::module(&recipe);
        let wasm = wat::parse_str(&wat).expect("recipes are valid");
        match on_8_mib(move || every_back_end(&wasm)) {
            Ok(true) => translated += 1,
            Ok(false) => {}
            Err(e) => panic!("recipe {recipe:?}: {e}"),
        }
    }
    // Most sizes are small: most recipes translate.
    assert!(translated > recipes / 2, "{translated} of {recipes}");
}

#[test]
fn ten_thousand_nested_blocks_are_unsupported() {
    assert_eq!(every_back_end(&nested_blocks(10_000)), Ok(false));
    assert_eq!(every_back_end(&nested_blocks(100_000)), Ok(false));
}

#[test]
fn nested_loops_and_ifs_are_unsupported_too() {
    let depth = 5_000;
    let body = format!(
        "{}(local.get $i){}",
        "(if (result i32) (local.get $i) (then (loop (result i32) ".repeat(depth),
        ")) (else (i32.const 0)))".repeat(depth)
    );
    assert_eq!(every_back_end(&kernel(&body, "")), Ok(false));
}

#[test]
fn a_long_chain_of_calls_is_unsupported() {
    let depth = 2_000;
    let mut funcs = String::new();
    for f in 0..depth {
        let next = if f + 1 < depth {
            format!("(call $f{} (local.get 0))", f + 1)
        } else {
            "(local.get 0)".to_string()
        };
        funcs += &format!("(func $f{f} (param i32) (result i32) (i32.add (i32.const 1) {next}))\n");
    }
    assert_eq!(
        every_back_end(&kernel("(call $f0 (local.get $i))", &funcs)),
        Ok(false)
    );
}

#[test]
fn a_deep_expression_is_written_without_deep_recursion() {
    // 100,000 additions, each on the result of the one before: one expression tree, 100,000 deep.
    let depth = 100_000;
    let body = format!("(local.get $i){}", " i32.const 3 i32.add".repeat(depth));
    let wasm = kernel(&body, "");
    assert!(every_back_end(&wasm).is_ok());
}

#[test]
fn many_locals_and_a_large_body_translate_or_are_refused() {
    // 40,000 locals, each set and read once, in a body of 200,000 operators.
    let locals = 40_000;
    let mut body = String::from("(local.get $i)");
    for l in 0..locals {
        body += &format!(" local.set $v{l} local.get $v{l}");
    }
    let decls: String = (0..locals).map(|l| format!("(local $v{l} i32)")).collect();
    let wat = format!(
        r#"(module (memory 1)
          (func (export "kernel") (param $i i32) (param i32 i32) (param $p i32) (param i32)
            {decls}
            (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
            {body}
            i32.store))"#
    );
    let wasm = wat::parse_str(&wat).expect("WAT");
    assert!(every_back_end(&wasm).is_ok());
}
