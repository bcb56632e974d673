//! Deep and large kernels never panic the translator or overflow its stack: the fuzz input is a
//! recipe (`tests/support/recipes.rs`, shared with the stable test in `deep_and_large.rs`) for
//! a kernel nested up to 20,000 deep, calling a chain of up to 3,000 functions, holding up to
//! 60,000 locals or one expression 200,000 operators deep. Each is translated, on a thread with
//! the 8 MiB of a process's main thread (the runtime gives the translator 64 MiB; a debug build
//! needs about 10 KiB per level of the 512 it takes), and what translates is written by the
//! OpenCL C and SPIR-V back ends, or refused with an error.
#![no_main]

#[path = "../../tests/support/recipes.rs"]
mod recipes;

use libfuzzer_sys::fuzz_target;
use wasi_parallel_translator::back::{opencl, spv};
use wasi_parallel_translator::{translate, KernelRef, Options};

fuzz_target!(|recipe: &[u8]| {
    let wasm = wat::parse_str(recipes::module(recipe)).expect("recipes are valid modules");
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            if let Ok(t) = translate(&wasm, KernelRef::Export("kernel"), &Options::default()) {
                let options = opencl::Options {
                    f64: true,
                    i64: true,
                };
                let _ = opencl::write(&t.module, &t.info, &options);
                let _ = spv::write(&t.module, &t.info, &spv::Options::default());
            }
        })
        .expect("a thread")
        .join()
        .expect("no panic");
});
