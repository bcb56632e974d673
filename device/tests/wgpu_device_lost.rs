//! A wgpu device that is lost (a driver reset, a GPU that falls off the bus) fails the calls
//! made on it with `DeviceError::Device`, and never panics or hangs the host. wgpu's default
//! for errors that no error scope catches is to panic; the device replaces it. The loss is
//! made with `WgpuDevice::lose` (wgpu's `Device::destroy`), which lavapipe supports.
//!
//! Locally a machine without a wgpu device skips; in CI (`CI` set), where lavapipe is installed,
//! a missing device fails.

#![cfg(feature = "wgpu")]

use wasi_parallel_device::wgpu::WgpuDevice;
use wasi_parallel_device::{
    compile_kernel, Access, BufferDescriptor, CompileError, CompileOptions, Device, DeviceError,
    KernelEntry, Launch, SpaceDescriptor,
};

/// `out[i] = i + 1`.
const KERNEL: &str = r#"(module
  (memory 1)
  (table 2 funcref)
  (elem (i32.const 1) $k)
  (func $k (param $i i32) (param $n i32) (param $b i32) (param $out i32) (param $len i32)
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (i32.add (local.get $i) (i32.const 1)))))"#;

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

fn is_device_error<T>(result: Result<T, DeviceError>, what: &str) -> String {
    match result {
        Err(DeviceError::Device(message)) => message,
        Err(other) => panic!("{what}: {other:?}, not a device error"),
        Ok(_) => panic!("{what} succeeded on a lost device"),
    }
}

#[test]
fn a_lost_device_fails_every_call_without_panicking() {
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
        };
        space.launch(&*kernel, &launch).expect("launch");
        let mut got = vec![0u8; 4 * n as usize];
        space.read_buffer(&*out, 0, &mut got).expect("read");
        assert_eq!(u32::from_le_bytes(got[40..44].try_into().unwrap()), 11);

        device.lose();
        let message = is_device_error(space.launch(&*kernel, &launch), "a launch");
        assert!(message.contains("lost"), "{name}: {message}");
        is_device_error(space.read_buffer(&*out, 0, &mut got), "a read");
        is_device_error(space.write_buffer(&*out, 0, &got), "a write");
        is_device_error(
            space.create_buffer(&BufferDescriptor {
                size: 64,
                access: Access::ReadWrite,
            }),
            "a new buffer",
        );
        is_device_error(
            device.create_space(&SpaceDescriptor {
                static_size: 0,
                static_segments: &[],
                confined: true,
            }),
            "a new space",
        );
        match compile_kernel(
            &device,
            &wasm,
            KernelEntry::TableIndex(1),
            &CompileOptions::default(),
        ) {
            Err(CompileError::Device(DeviceError::Device(_))) => {}
            other => panic!("{name}: a new kernel: {other:?}"),
        }
        // Dropping what lived on it is quiet too.
        drop((out, space, kernel));
    }
}
