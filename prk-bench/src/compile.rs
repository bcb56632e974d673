//! What a kernel costs before it runs on a GPU: translation (Wasm to naga IR, in the translator)
//! and the device's pipeline or program build, per kernel of the guests and per device.
//!
//! Every function in table 0 of a guest with a kernel's signature is a kernel; each is translated
//! for each device that takes translated kernels (with that device's features) and built there
//! once. Translation is timed as the median of several runs; a build is timed once, since devices
//! cache what they built, before anything else built the kernel in this process. A driver's own
//! cache on disk may still answer (PoCL's does: `POCL_KERNEL_CACHE=0` turns it off).

use std::sync::Arc;
use std::time::Instant;

use wasi_parallel_runtime::device::{Device, KernelDescriptor, KernelInput, KernelSource};
use wasi_parallel_translator::{translate, Error, KernelRef, Options};

/// One kernel on one device.
pub struct CompileTime {
    pub kernel: String,
    pub device: String,
    /// Median translation time, in milliseconds.
    pub translate_ms: f64,
    /// Pipeline or program build time, in milliseconds; or why the kernel did not build.
    pub build: Result<f64, String>,
}

/// Translation runs timed per kernel and device.
const RUNS: usize = 5;

/// Times every kernel of every guest (`(name, wasm)`) on every device taking translated kernels.
pub fn measure(guests: &[(&str, &[u8])], devices: &[Arc<dyn Device>]) -> Vec<CompileTime> {
    let mut times = Vec::new();
    for device in devices {
        let info = device.info();
        if info.kernel_input != KernelInput::Translated {
            continue;
        }
        let options = Options {
            f64: info.f64,
            i64: info.i64,
            loop_limit: info.limits.max_loop_iterations,
            ..Options::default()
        };
        for &(guest, wasm) in guests {
            for index in 1.. {
                let kernel = KernelRef::TableIndex(index);
                let mut runs = Vec::new();
                let mut translation = None;
                for _ in 0..RUNS {
                    let start = Instant::now();
                    let result = translate(wasm, kernel, &options);
                    runs.push(start.elapsed().as_secs_f64() * 1e3);
                    translation = Some(result);
                }
                let label = format!("{guest} #{index}");
                let translation = match translation.expect("translated at least once") {
                    Ok(t) => t,
                    // The end of the table, or a function that is no kernel.
                    Err(Error::NoKernel(_)) => break,
                    Err(Error::Signature(_)) => continue,
                    Err(e) => {
                        times.push(CompileTime {
                            kernel: label,
                            device: info.name.clone(),
                            translate_ms: f64::NAN,
                            build: Err(e.to_string()),
                        });
                        continue;
                    }
                };
                runs.sort_by(f64::total_cmp);
                let start = Instant::now();
                let built = device.create_kernel(&KernelDescriptor {
                    label: &label,
                    source: KernelSource::Translated(&translation),
                    origin: None,
                });
                let build = built
                    .map(|_| start.elapsed().as_secs_f64() * 1e3)
                    .map_err(|e| e.to_string());
                times.push(CompileTime {
                    kernel: label,
                    device: info.name.clone(),
                    translate_ms: runs[RUNS / 2],
                    build,
                });
            }
        }
    }
    times
}
