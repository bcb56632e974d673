//! What a user inspects is what runs: the SPIR-V a wgpu device hands to wgpu for a kernel is,
//! word for word, what the translator's SPIR-V back end writes with the options the device
//! reports ([`Device::spirv_options`]) from the kernel translated as [`compile_kernel`]
//! translates it for that device ([`translate_options`]). That is what `wasi-parallel translate --emit spv` prints for
//! the device. The kernel then runs from those words and computes what Wasm defines.
//!
//! Locally a machine without a wgpu device skips; in CI (`CI` set), where lavapipe is installed,
//! a missing device fails.

#![cfg(feature = "wgpu")]

use wasi_parallel_device::wgpu::{WgpuDevice, WgpuKernel};
use wasi_parallel_device::{
    compile_kernel, translate_options, Access, BufferDescriptor, CompileOptions, Device,
    KernelEntry, Launch, SpaceDescriptor,
};
use wasi_parallel_translator::back::spv;
use wasi_parallel_translator::{translate, KernelRef};

/// `out[i] = in[i] * 3 + 0.5` in `f32` and, into `wide[i]`, the same in `f64`: float arithmetic
/// that the SPIR-V decorates exact, in both widths that get float controls.
const KERNEL: &str = r#"(module
  (memory 1)
  (table 2 funcref)
  (elem (i32.const 1) $k)
  (func $k (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
        (param $wide i32) (param $wide_len i32)
    (local $x f32)
    (if (i32.ge_u (i32.shl (local.get $i) (i32.const 2)) (local.get $out_len)) (then (return)))
    (local.set $x (f32.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2)))))
    (f32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (f32.add (f32.mul (local.get $x) (f32.const 3)) (f32.const 0.5)))
    (f64.store (i32.add (local.get $wide) (i32.shl (local.get $i) (i32.const 3)))
      (f64.add (f64.mul (f64.promote_f32 (local.get $x)) (f64.const 3)) (f64.const 0.5)))))"#;

fn devices() -> Vec<WgpuDevice> {
    let devices = wasi_parallel_device::wgpu::discover();
    if devices.is_empty() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have a wgpu device (lavapipe)"
        );
        eprintln!("skipped: no wgpu device");
    }
    devices
}

#[test]
fn the_spirv_handed_to_wgpu_is_what_the_back_end_writes_for_the_device() {
    let wasm = wat::parse_str(KERNEL).expect("WAT");
    for device in devices() {
        let info = device.info().clone();
        let kernel = compile_kernel(
            &device,
            &wasm,
            KernelEntry::TableIndex(1),
            &CompileOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", info.name));
        let handed = kernel
            .as_any()
            .downcast_ref::<WgpuKernel>()
            .expect("a wgpu kernel")
            .spirv();
        let Some(options) = device.spirv_options() else {
            assert!(handed.is_none(), "{}: naga IR, no SPIR-V", info.name);
            eprintln!("{}: takes naga IR, not SPIR-V", info.name);
            continue;
        };
        let handed = handed.expect("a device with SPIR-V options keeps its words");
        // What the CLI does for `--emit spv` on this device.
        let translation = translate(
            &wasm,
            KernelRef::TableIndex(1),
            &translate_options(&info, &CompileOptions::default()),
        )
        .expect("translates");
        let written = spv::write(&translation.module, &translation.info, &options).expect("SPIR-V");
        assert!(
            handed == written.as_slice(),
            "{}: the device handed wgpu other SPIR-V ({} words) than the back end writes ({} words)",
            info.name,
            handed.len(),
            written.len()
        );

        // And those words run.
        let space = device
            .create_space(&SpaceDescriptor {
                static_size: 0,
                static_segments: &[],
                confined: true,
            })
            .expect("space");
        let n = 300;
        let buffer = |size, access| {
            space
                .create_buffer(&BufferDescriptor { size, access })
                .expect("buffer")
        };
        let (input, out, wide) = (
            buffer(4 * n, Access::Read),
            buffer(4 * n, Access::Write),
            buffer(8 * n, Access::Write),
        );
        let xs: Vec<f32> = (0..n).map(|i| i as f32 * 0.37 - 20.0).collect();
        let bytes: Vec<u8> = xs.iter().flat_map(|x| x.to_le_bytes()).collect();
        space.write_buffer(&*input, 0, &bytes).expect("write");
        space
            .launch(
                &*kernel,
                &Launch {
                    items: n as u32,
                    block_size: 1,
                    buffers: &[&*input, &*out, &*wide],
                    chunk: None,
                    addresses: None,
                },
            )
            .unwrap_or_else(|e| panic!("{}: {e}", info.name));
        let mut got = vec![0u8; 4 * n as usize];
        space.read_buffer(&*out, 0, &mut got).expect("read");
        let mut got_wide = vec![0u8; 8 * n as usize];
        space.read_buffer(&*wide, 0, &mut got_wide).expect("read");
        for (i, &x) in xs.iter().enumerate() {
            let f = f32::from_le_bytes(got[4 * i..][..4].try_into().unwrap());
            let d = f64::from_le_bytes(got_wide[8 * i..][..8].try_into().unwrap());
            assert_eq!(
                f.to_bits(),
                (x * 3.0 + 0.5).to_bits(),
                "{}: f32 item {i}",
                info.name
            );
            assert_eq!(
                d.to_bits(),
                (f64::from(x) * 3.0 + 0.5).to_bits(),
                "{}: f64 item {i}",
                info.name
            );
        }
    }
}
