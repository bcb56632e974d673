//! The embedding API: an embedder with an existing Linker (here with WASI preview 1) adds
//! wasi-parallel in a few lines, and several instances in several threads share one context.

use std::sync::Arc;

use wasi_parallel_runtime::{add_to_linker, GuestModule, WasiParallelCtx, WasiParallelHost};
use wasi_parallel_tests::{ctx, engine, guest_wat, GuestProgram, KERNELS};
use wasmtime::{Linker, Module, Store};
use wasmtime_wasi::p1::WasiP1Ctx;
use wasmtime_wasi::WasiCtxBuilder;

/// An embedder's store data, with WASI already in it.
struct Host {
    wasi: WasiP1Ctx,
    parallel: WasiParallelCtx,
}

#[test]
fn an_existing_linker_gains_wasi_parallel() -> anyhow::Result<()> {
    // What the embedder had already:
    let mut linker: Linker<Host> = Linker::new(engine());
    wasmtime_wasi::p1::add_to_linker_sync(&mut linker, |h: &mut Host| &mut h.wasi)?;

    // What adding wasi-parallel takes: a context, the guest's bytes, one call on the linker.
    let parallel_ctx = WasiParallelHost::builder().threads(2).build(engine())?;
    let wasm = wat::parse_str(guest_wat("(memory (export \"memory\") 16)", KERNELS))?;
    let guest = GuestModule::new(&wasm)?;
    add_to_linker(&mut linker, |h: &mut Host| &mut h.parallel)?;

    let module = Module::new(engine(), &wasm)?;
    let host = Host {
        wasi: WasiCtxBuilder::new().build_p1(),
        parallel: WasiParallelCtx::new(&parallel_ctx, guest),
    };
    let mut store = Store::new(engine(), host);
    let instance = linker.instantiate(&mut store, &module)?;
    let get_device = instance.get_typed_func::<(i32, i32), i32>(&mut store, "get_device")?;
    assert_eq!(get_device.call(&mut store, (1, 0x100))?, 0);
    Ok(())
}

#[test]
fn eight_instances_in_eight_threads_share_one_context_and_pool() -> anyhow::Result<()> {
    let ctx = ctx(2);
    let program = Arc::new(GuestProgram::new(KERNELS)?);
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let (ctx, program) = (ctx.clone(), program.clone());
            std::thread::spawn(move || -> anyhow::Result<()> {
                let mut g = program.instantiate(&ctx)?;
                let cpu = g.device(1)?;
                let n = 2000;
                let input = g.buffer(cpu, n * 4, 0)?;
                let output = g.buffer(cpu, n * 4, 1)?;
                for round in 0..20 {
                    let data: Vec<i32> = (0..n).map(|i| i * 31 + t * 1000 + round).collect();
                    g.write_i32s(input, 0x1000, &data)?;
                    wasi_parallel_tests::Guest::ok(g.run(1, n, &[input], &[output]))?;
                    let result = g.read_i32s(output, 0x1000 + (n * 4) as u32, n as usize)?;
                    let expected: Vec<i32> = data.iter().map(|x| x * 2).collect();
                    anyhow::ensure!(result == expected, "thread {t} round {round}: wrong result");
                }
                Ok(())
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("no panic")?;
    }
    assert_eq!(
        ctx.compiled_kernels(),
        1,
        "one kernel, compiled once for all eight instances"
    );
    Ok(())
}
