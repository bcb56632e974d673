//! Launch overhead: `launches <count>` times `count` launches of an empty kernel (one work item,
//! one buffer) and prints `Launches: <count> Avg launch time (us): <t>`.

use std::time::Instant;

use wasi_parallel_kernels::{parallel_for, Access, Device, DeviceKind};

extern "C" fn empty(_item: u32, _n: u32, _block: u32, _x: *mut u32, _x_len: usize) {}

fn main() {
    let count: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let run = || -> wasi_parallel_kernels::Result<f64> {
        let device = Device::get(DeviceKind::Cpu)?;
        let buffer = device.buffer_from(&[0u32], Access::ReadWrite)?;
        type Empty = extern "C" fn(u32, u32, u32, *mut u32, usize);
        // The first launch compiles the kernel: leave it out.
        parallel_for(empty as Empty, 1, 1, &[], &[&buffer])?;
        let start = Instant::now();
        for _ in 0..count {
            parallel_for(empty as Empty, 1, 1, &[], &[&buffer])?;
        }
        Ok(start.elapsed().as_secs_f64())
    };
    match run() {
        Ok(seconds) => println!(
            "Launches: {count} Avg launch time (us): {:.3}",
            1e6 * seconds / f64::from(count.max(1))
        ),
        Err(e) => {
            eprintln!("ERROR: {e}");
            std::process::exit(1);
        }
    }
}
