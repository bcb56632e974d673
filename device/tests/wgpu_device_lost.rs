//! A wgpu device that is lost (a driver reset, a GPU that falls off the bus) fails the launch
//! in flight and every call on its buffers with `DeviceError::Device`, never a panic or a hang
//! (wgpu's default for errors that no error scope catches is to panic; the device replaces
//! it), and the next calls get the device opened again. The loss is made with
//! `WgpuDevice::lose` (wgpu's `Device::destroy`), which lavapipe supports.
//!
//! Locally a machine without a wgpu device skips; in CI (`CI` set), where lavapipe is installed,
//! a missing device fails.

#![cfg(feature = "wgpu")]

use wasi_parallel_device::wgpu::WgpuDevice;
use wasi_parallel_device::{
    compile_kernel, Access, BufferDescriptor, CompileOptions, Device, KernelEntry, Launch,
    SpaceDescriptor,
};

/// `out[i] = i + 1`.
const KERNEL: &str = r#"(module
  (memory 1)
  (table 2 funcref)
  (elem (i32.const 1) $k)
  (func $k (param $i i32) (param $n i32) (param $b i32) (param $out i32) (param $len i32)
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (i32.add (local.get $i) (i32.const 1)))))"#;

mod common;
use common::{is_device_error, required};

fn devices() -> Vec<WgpuDevice> {
    required(wasi_parallel_device::wgpu::discover(), "wgpu", "lavapipe")
}

#[test]
fn a_lost_device_fails_what_was_on_it_and_is_opened_again() {
    let wasm = wat::parse_str(KERNEL).expect("WAT");
    for device in devices() {
        let name = device.info().name.clone();
        let kernel = compile_kernel(
            &device,
            &wasm,
            KernelEntry::TableIndex(1),
            &CompileOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let space = device
            .create_space(&SpaceDescriptor {
                static_size: 0,
                static_segments: &[],
                confined: true,
            })
            .expect("space");
        let n = 256u32;
        let out = space
            .create_buffer(&BufferDescriptor {
                size: 4 * u64::from(n),
                access: Access::Write,
            })
            .expect("buffer");
        let launch = Launch {
            items: n,
            block_size: 1,
            buffers: &[&*out],
            chunk: None,
            addresses: None,
        };
        space.launch(&*kernel, &launch).expect("launch");
        let mut got = vec![0u8; 4 * n as usize];
        space.read_buffer(&*out, 0, &mut got).expect("read");
        assert_eq!(u32::from_le_bytes(got[40..44].try_into().unwrap()), 11);

        device.lose();
        // The launch in flight, and everything on the lost device's buffers, fail.
        let message = is_device_error(space.launch(&*kernel, &launch), "a launch");
        assert!(message.contains("lost"), "{name}: {message}");
        let message = is_device_error(space.read_buffer(&*out, 0, &mut got), "a read");
        assert!(message.contains("lost"), "{name}: {message}");
        is_device_error(space.write_buffer(&*out, 0, &got), "a write");

        // The next calls get a device opened again: the same space makes buffers on it, and
        // the same kernel runs there (its pipeline built again).
        let fresh = space
            .create_buffer(&BufferDescriptor {
                size: 4 * u64::from(n),
                access: Access::Write,
            })
            .unwrap_or_else(|e| panic!("{name}: a buffer after the loss: {e}"));
        let relaunch = Launch {
            items: n,
            block_size: 1,
            buffers: &[&*fresh],
            chunk: None,
            addresses: None,
        };
        space
            .launch(&*kernel, &relaunch)
            .unwrap_or_else(|e| panic!("{name}: a launch after the loss: {e}"));
        let mut again = vec![0u8; 4 * n as usize];
        space.read_buffer(&*fresh, 0, &mut again).expect("read");
        assert_eq!(
            again, got,
            "{name}: the same results on the device opened again"
        );
        // The lost buffer stays lost, and says so.
        is_device_error(
            space.launch(&*kernel, &launch),
            "a launch with a lost buffer",
        );
        // New spaces and kernels are made on the new device too.
        let other = device
            .create_space(&SpaceDescriptor {
                static_size: 0,
                static_segments: &[],
                confined: true,
            })
            .expect("a space after the loss");
        let b = other
            .create_buffer(&BufferDescriptor {
                size: 4 * u64::from(n),
                access: Access::Write,
            })
            .expect("buffer");
        let k = compile_kernel(
            &device,
            &wasm,
            KernelEntry::TableIndex(1),
            &CompileOptions::default(),
        )
        .expect("a kernel after the loss");
        other
            .launch(
                &*k,
                &Launch {
                    items: n,
                    block_size: 1,
                    buffers: &[&*b],
                    chunk: None,
                    addresses: None,
                },
            )
            .expect("launch");
        other.read_buffer(&*b, 0, &mut again).expect("read");
        assert_eq!(again, got);
        // Dropping what lived on it is quiet too.
        drop((out, fresh, space, kernel, b, other, k));
    }
}
