//! Native code on a CPU space's buffers ([`HostSpace`]): it sees what kernels see, writes where
//! they would read, and is refused buffers that alias its output or belong elsewhere.

use wasi_parallel_device::{
    Access, BufferDescriptor, CpuDevice, CpuDeviceDescriptor, Device, DeviceError, DeviceKind,
    SpaceDescriptor,
};

fn cpu(threads: Option<usize>) -> CpuDevice {
    let mut config = wasmtime::Config::new();
    config.wasm_threads(true).shared_memory(true);
    CpuDevice::new(&CpuDeviceDescriptor {
        engine: wasmtime::Engine::new(&config).expect("engine"),
        threads,
        clock: None,
    })
    .expect("device")
}

#[test]
fn native_code_reads_and_writes_buffers_in_place() {
    let device = cpu(Some(2));
    assert_eq!(device.info().kind, DeviceKind::Cpu);
    let space = device
        .create_space(&SpaceDescriptor {
            static_size: 0,
            static_segments: &[],
        })
        .unwrap();
    let desc = |size| BufferDescriptor {
        size,
        access: Access::ReadWrite,
    };
    let (a, b, out) = (
        space.create_buffer(&desc(4)).unwrap(),
        space.create_buffer(&desc(4)).unwrap(),
        space.create_buffer(&desc(4)).unwrap(),
    );
    space.write_buffer(&*a, 0, &[1, 2, 3, 4]).unwrap();
    space.write_buffer(&*b, 0, &[10, 20, 30, 40]).unwrap();
    let host = space.as_host().expect("a CPU space is in host memory");
    assert_eq!(host.thread_pool().map(|p| p.current_num_threads()), Some(2));
    host.with_host_buffers(&[&*a, &*b, &*a, &*out], &mut |inputs, output| {
        assert_eq!(inputs.len(), 3);
        for (k, o) in output.iter_mut().enumerate() {
            *o = inputs[0][k] + inputs[1][k] + inputs[2][k];
        }
    })
    .unwrap();
    let mut read = [0u8; 4];
    space.read_buffer(&*out, 0, &mut read).unwrap();
    assert_eq!(read, [12, 24, 36, 48]);

    // The output may not be an input too, nor a buffer of another space.
    let called = std::cell::Cell::new(false);
    let err = host
        .with_host_buffers(&[&*a, &*out, &*out], &mut |_, _| called.set(true))
        .unwrap_err();
    assert!(matches!(err, DeviceError::InvalidLaunch(_)), "{err}");
    let other = device
        .create_space(&SpaceDescriptor {
            static_size: 0,
            static_segments: &[],
        })
        .unwrap();
    let foreign = other.create_buffer(&desc(4)).unwrap();
    let err = host
        .with_host_buffers(&[&*foreign, &*out], &mut |_, _| called.set(true))
        .unwrap_err();
    assert!(matches!(err, DeviceError::Foreign(_)), "{err}");
    let err = host
        .with_host_buffers(&[], &mut |_, _| called.set(true))
        .unwrap_err();
    assert!(matches!(err, DeviceError::InvalidLaunch(_)), "{err}");
    assert!(!called.get());
}

#[test]
fn the_sequential_device_has_no_worker_threads() {
    let device = cpu(None);
    let space = device
        .create_space(&SpaceDescriptor {
            static_size: 0,
            static_segments: &[],
        })
        .unwrap();
    assert!(space
        .as_host()
        .expect("host memory")
        .thread_pool()
        .is_none());
}
