//! An OpenCL context that is lost (a launch that fails on the device, a queue the driver calls
//! invalid) fails what lived in it with `DeviceError::Device`, never a panic or a hang, and the
//! next calls open a new context on the same device: spaces upload their static data there
//! again, and kernels are built there again. The loss is made with `OpenClDevice::lose`, since
//! PoCL cannot be made to lose a context. Its own test binary: OpenCL devices are opened once
//! per process.
//!
//! Locally a machine without an OpenCL device skips; in CI (`CI` set), where PoCL is installed,
//! a missing device fails.

#![cfg(feature = "opencl")]

use wasi_parallel_device::opencl::OpenClDevice;
use wasi_parallel_device::{
    compile_kernel, Access, Buffer, BufferDescriptor, CompileOptions, Device, DeviceError,
    KernelEntry, Launch, Space, SpaceDescriptor, StaticSegment,
};

/// `out[i] = i + table[i % 4]`, `table` in the guest's static data at address 16.
const KERNEL: &str = r#"(module
  (memory 1)
  (table 2 funcref)
  (elem (i32.const 1) $k)
  (func $k (param $i i32) (param $n i32) (param $b i32) (param $out i32) (param $len i32)
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (i32.add (local.get $i)
        (i32.load offset=16 (i32.shl (i32.and (local.get $i) (i32.const 3)) (i32.const 2)))))))"#;

const TABLE: [u32; 4] = [100, 200, 300, 400];
const N: u32 = 256;

mod common;
use common::{is_device_error, required};

fn devices() -> Vec<OpenClDevice> {
    required(wasi_parallel_device::opencl::discover(), "OpenCL", "PoCL")
}

fn expected() -> Vec<u8> {
    (0..N)
        .flat_map(|i| (i + TABLE[(i % 4) as usize]).to_le_bytes())
        .collect()
}

/// Runs the kernel into a new buffer of `space`; returns the buffer and what it holds.
fn run(
    space: &dyn Space,
    kernel: &dyn wasi_parallel_device::Kernel,
) -> Result<(std::sync::Arc<dyn Buffer>, Vec<u8>), DeviceError> {
    let out = space.create_buffer(&BufferDescriptor {
        size: 4 * u64::from(N),
        access: Access::Write,
    })?;
    space.launch(
        kernel,
        &Launch {
            items: N,
            block_size: 1,
            buffers: &[&*out],
            chunk: None,
            addresses: None,
        },
    )?;
    let mut got = vec![0u8; 4 * N as usize];
    space.read_buffer(&*out, 0, &mut got)?;
    Ok((out, got))
}

#[test]
fn a_lost_context_fails_what_was_in_it_and_a_new_one_is_opened() {
    let wasm = wat::parse_str(KERNEL).expect("WAT");
    let table: Vec<u8> = TABLE.iter().flat_map(|w| w.to_le_bytes()).collect();
    let segments = [StaticSegment {
        address: 16,
        bytes: &table,
    }];
    let descriptor = SpaceDescriptor {
        static_size: 64,
        static_segments: &segments,
        confined: true,
    };
    for device in devices() {
        let name = device.info().name.clone();
        let kernel = compile_kernel(
            &device,
            &wasm,
            KernelEntry::TableIndex(1),
            &CompileOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let space = device.create_space(&descriptor).expect("space");
        let (out, got) = run(&*space, &*kernel).expect("a launch");
        assert_eq!(got, expected(), "{name}");

        device.lose();
        // Everything on the lost context's buffers fails, and says why.
        let launch = Launch {
            items: N,
            block_size: 1,
            buffers: &[&*out],
            chunk: None,
            addresses: None,
        };
        let message = is_device_error(space.launch(&*kernel, &launch), "a launch");
        assert!(message.contains("lost"), "{name}: {message}");
        let mut back = vec![0u8; 4 * N as usize];
        let message = is_device_error(space.read_buffer(&*out, 0, &mut back), "a read");
        assert!(message.contains("lost"), "{name}: {message}");
        is_device_error(space.write_buffer(&*out, 0, &back), "a write");

        // The next calls get a new context: the same space makes buffers there (its static
        // data uploaded again), and the same kernel runs there (built again).
        let (fresh, again) = run(&*space, &*kernel)
            .unwrap_or_else(|e| panic!("{name}: a launch after the loss: {e}"));
        assert_eq!(
            again,
            expected(),
            "{name}: the same results in the new context"
        );
        // New spaces and kernels are made in the new context too.
        let other = device
            .create_space(&descriptor)
            .expect("a space after the loss");
        let k = compile_kernel(
            &device,
            &wasm,
            KernelEntry::TableIndex(1),
            &CompileOptions::default(),
        )
        .expect("a kernel after the loss");
        let (b, again) = run(&*other, &*k).expect("a launch in a new space");
        assert_eq!(again, expected(), "{name}");
        // Lost twice: the second new context works as the first.
        device.lose();
        is_device_error(space.read_buffer(&*fresh, 0, &mut back), "a read");
        let (_, again) = run(&*other, &*kernel).expect("a launch after the second loss");
        assert_eq!(again, expected(), "{name}");
        // Dropping what lived in lost contexts is quiet too.
        drop((out, fresh, space, kernel, b, other, k));
    }
}
