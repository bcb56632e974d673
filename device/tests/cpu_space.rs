//! The host-side paths of a CPU space: native code on its buffers (`HostSpace`), which sees what
//! kernels see, writes where they would read, and is refused buffers that alias its output or
//! belong elsewhere; and launches of a single chunk, which run on the calling thread.

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
        kernel_config: None,
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
            confined: true,
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
    assert_eq!(host.workers(), Some(2));
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
            confined: true,
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
            confined: true,
        })
        .unwrap();
    assert!(space.as_host().expect("host memory").workers().is_none());
}

/// `y[i] = 100 / x[i]` (an integer division, which traps on zero), as a kernel module.
const DIVIDE: &str = r#"(module
  (import "" "memory" (memory 1 65536 shared))
  (func $kernel (export "kernel") (param $i i32) (param $n i32) (param $b i32)
        (param $x i32) (param $xl i32) (param $y i32) (param $yl i32)
    (i32.store (i32.add (local.get $y) (i32.shl (local.get $i) (i32.const 2)))
      (i32.div_s (i32.const 100)
        (i32.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2)))))))
  (func (export "__wasi_parallel_range") (param $s i32) (param $e i32) (param $n i32) (param $b i32)
        (param $x i32) (param $xl i32) (param $y i32) (param $yl i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $s) (local.get $e)))
      (call $kernel (local.get $s) (local.get $n) (local.get $b)
        (local.get $x) (local.get $xl) (local.get $y) (local.get $yl))
      (local.set $s (i32.add (local.get $s) (i32.const 1)))
      (br $next)))))"#;

/// A launch of one chunk runs on the calling thread: it computes what a spread launch does, a
/// trap in it is reported, and the launches after it still work.
#[test]
fn single_chunk_launches_run_and_trap_like_spread_ones() {
    use wasi_parallel_device::{KernelDescriptor, KernelSource, Launch};
    let device = cpu(Some(2));
    let wasm = wat::parse_str(DIVIDE).unwrap();
    let kernel = device
        .create_kernel(&KernelDescriptor {
            label: "divide",
            source: KernelSource::WasmModule(&wasm),
            origin: None,
        })
        .unwrap();
    let space = device
        .create_space(&SpaceDescriptor {
            static_size: 0,
            static_segments: &[],
            confined: true,
        })
        .unwrap();
    let items = 1000u32;
    let desc = BufferDescriptor {
        size: 4 * u64::from(items),
        access: Access::ReadWrite,
    };
    let (x, y) = (
        space.create_buffer(&desc).unwrap(),
        space.create_buffer(&desc).unwrap(),
    );
    let run = |xs: &[i32], chunk: Option<u32>| -> Result<Vec<i32>, DeviceError> {
        space.write_buffer(&*x, 0, &i32s_to_bytes(xs))?;
        space.launch(
            &*kernel,
            &Launch {
                items,
                block_size: 0,
                buffers: &[&*x, &*y],
                chunk,
                addresses: None,
            },
        )?;
        let mut out = vec![0u8; 4 * items as usize];
        space.read_buffer(&*y, 0, &mut out)?;
        Ok(out
            .chunks_exact(4)
            .map(|b| i32::from_le_bytes(b.try_into().unwrap()))
            .collect())
    };
    let xs: Vec<i32> = (1..=items as i32).collect();
    let spread = run(&xs, None).unwrap();
    assert_eq!(spread[3], 25);
    assert_eq!(run(&xs, Some(items)).unwrap(), spread);
    let mut zero = xs.clone();
    zero[500] = 0;
    let err = run(&zero, Some(items)).unwrap_err();
    assert!(matches!(err, DeviceError::KernelTrap(_)), "{err}");
    assert_eq!(run(&xs, Some(items)).unwrap(), spread);
    assert_eq!(run(&xs, None).unwrap(), spread);
}

fn i32s_to_bytes(values: &[i32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// What one launch leaves on a worker's shadow stack is gone by the next launch.
#[test]
fn no_launch_reads_the_stack_another_left() {
    let bytes = wat::parse_str(
        r#"(module (memory (export "memory") 1)
          (global $sp (mut i32) (i32.const 4096))
          (table 3 funcref) (elem (i32.const 1) $leave $look)
          (func $leave (param i32 i32 i32 i32 i32)
            (global.set $sp (i32.sub (global.get $sp) (i32.const 16)))
            (i32.store (global.get $sp) (i32.const 0xdead))
            (global.set $sp (i32.add (global.get $sp) (i32.const 16))))
          (func $look (param $i i32) (param i32 i32) (param $out i32) (param i32)
            (i32.store (local.get $out) (i32.load (i32.sub (global.get $sp) (i32.const 16))))))"#,
    )
    .expect("WAT");
    let cpu = cpu(Some(2));
    let space = cpu
        .create_space(&wasi_parallel_device::SpaceDescriptor {
            static_size: 4096,
            static_segments: &[],
            confined: true,
        })
        .expect("space");
    let out = space
        .create_buffer(&wasi_parallel_device::BufferDescriptor {
            size: 4,
            access: wasi_parallel_device::Access::Write,
        })
        .expect("buffer");
    let kernel = |pointer| {
        wasi_parallel_device::compile_kernel(
            &cpu,
            &bytes,
            wasi_parallel_device::KernelEntry::TableIndex(pointer),
            &wasi_parallel_device::CompileOptions::default(),
        )
        .expect("kernel")
    };
    let (leave, look) = (kernel(1), kernel(2));
    let launch = |k: &dyn wasi_parallel_device::Kernel| {
        space
            .launch(
                k,
                &wasi_parallel_device::Launch {
                    items: 1,
                    block_size: 1,
                    buffers: &[&*out],
                    chunk: None,
                    addresses: None,
                },
            )
            .expect("launch");
    };
    launch(&*leave);
    launch(&*look);
    let mut word = [0xffu8; 4];
    space.read_buffer(&*out, 0, &mut word).expect("read");
    assert_eq!(u32::from_le_bytes(word), 0, "the stack kept 0xdead");
}
