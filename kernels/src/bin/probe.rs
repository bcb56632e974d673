//! A test guest for the CLI: shows that WASI preview 1 reaches the guest (arguments, environment,
//! preopened directories, exit code) next to wasi-parallel.
//!
//! Usage: `probe <exit code> [file]`: prints its arguments, `PROBE_VAR`, the first line of `file`
//! (if given), doubles a vector with `parallel_for` and squares one with `parallel_exec` on the
//! device the host picks, then exits with `<exit code>`.

use wasi_parallel_kernels::{parallel_exec, parallel_for, Access, Device, DeviceKind};

/// `kernels/wat/square.wat`, compiled by the build script.
const SQUARE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/square.wasm"));

extern "C" fn double(
    item: u32,
    _n: u32,
    _block: u32,
    x: *const i32,
    x_len: usize,
    y: *mut i32,
    y_len: usize,
) {
    // SAFETY: pointers and lengths come from the host; each item writes its own element.
    let (x, y) = unsafe {
        (
            wasi_parallel_kernels::slice(x, x_len),
            wasi_parallel_kernels::slice_mut(y, y_len),
        )
    };
    let i = item as usize;
    if i < x.len() && i < y.len() {
        y[i] = 2 * x[i];
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    println!("args: {}", args[1..].join(" "));
    println!(
        "PROBE_VAR: {}",
        std::env::var("PROBE_VAR").unwrap_or_default()
    );
    if let Some(path) = args.get(2) {
        match std::fs::read_to_string(path) {
            Ok(text) => println!("file: {}", text.lines().next().unwrap_or_default()),
            Err(e) => println!("file: error: {e}"),
        }
    }
    let doubled = (|| -> wasi_parallel_kernels::Result<Vec<i32>> {
        let device = Device::get(DeviceKind::Cpu)?;
        let x = device.buffer_from(&[1, 2, 3, 4, 5], Access::Read)?;
        let y = device.create_buffer::<i32>(5, Access::Write)?;
        type Double = extern "C" fn(u32, u32, u32, *const i32, usize, *mut i32, usize);
        parallel_for(double as Double, 5, 1, &[&x], &[&y])?;
        let mut out = vec![0; 5];
        y.read(&mut out)?;
        Ok(out)
    })();
    println!("doubled: {doubled:?}");
    let squared = (|| -> wasi_parallel_kernels::Result<Vec<i32>> {
        let device = Device::get(DeviceKind::Cpu)?;
        let x = device.buffer_from(&[1, 2, 3, 4, 5], Access::Read)?;
        let y = device.create_buffer::<i32>(5, Access::Write)?;
        parallel_exec(device, SQUARE, 5, 1, &[&x], &[&y])?;
        let mut out = vec![0; 5];
        y.read(&mut out)?;
        Ok(out)
    })();
    println!("squared: {squared:?}");
    std::process::exit(args.get(1).and_then(|c| c.parse().ok()).unwrap_or(0));
}
