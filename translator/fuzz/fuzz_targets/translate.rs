//! The translator never panics: any bytes, any kernel reference, any device features. A module
//! is translated or refused with an error, and what translates is written as OpenCL C or refused.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wasi_parallel_translator::back::opencl;
use wasi_parallel_translator::{translate, KernelRef, Options};

fuzz_target!(|data: &[u8]| {
    for kernel in [
        KernelRef::TableIndex(0),
        KernelRef::TableIndex(1),
        KernelRef::TableIndex(2),
        KernelRef::Export("kernel"),
    ] {
        for (f64, i64) in [(true, true), (false, true), (true, false)] {
            let options = Options {
                f64,
                i64,
                ..Options::default()
            };
            if let Ok(t) = translate(data, kernel, &options) {
                let _ = opencl::write(&t.module, &t.info, &opencl::Options { f64, i64 });
            }
        }
    }
});
