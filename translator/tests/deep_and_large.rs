//! Deep and large kernels never overflow the stack of the thread that translates them: they are
//! translated and written by every back end, or refused as unsupported. A kernel of 10,000
//! nested blocks used to abort the host in naga's validator. Kernels the translator refuses are
//! refused before anything recurses, on the test harness's threads (2 MiB of stack); kernels at
//! the nesting limit translate on the 8 MiB a process's main thread has (debug builds need
//! about 10 KiB per level; `device::compile_kernel` gives the translator 64 MiB).

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
/// it as unsupported.
fn every_back_end(wasm: &[u8]) -> Result<bool, String> {
    match translate(wasm, KernelRef::Export("kernel"), &Options::default()) {
        Ok(t) => {
            opencl::write(
                &t.module,
                &t.info,
                &opencl::Options {
                    f64: true,
                    i64: true,
                },
            )
            .map_err(|e| format!("OpenCL C: {e}"))?;
            spv::write(&t.module, &t.info, &spv::Options::default())
                .map_err(|e| format!("SPIR-V: {e}"))?;
            Ok(true)
        }
        Err(Error::Unsupported { .. }) => Ok(false),
        Err(e) => Err(format!("{e}")),
    }
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
