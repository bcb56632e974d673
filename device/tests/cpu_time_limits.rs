//! Time limits on the CPU devices: kernels in the device's own spaces stop at their stop checks
//! when the clock takes their control page away (an endless loop that touches no memory, a tree
//! of calls with no loop at all, a loop that only reads memory), the next launch in the same
//! space runs, and kernels in a guest's own memory stop through the guest engine's epochs.

use std::time::{Duration, Instant};

use wasi_parallel_device::{
    compile_kernel, Access, BufferDescriptor, CompileOptions, CpuDevice, CpuDeviceDescriptor,
    Device, DeviceError, KernelClock, KernelEntry, Launch, SpaceDescriptor,
};

const KERNELS: &str = r#"(module
  (memory 1)
  ;; Never returns, and touches no memory.
  (func (export "spin") (param i32 i32 i32 i32 i32)
    (loop $again (br $again)))
  ;; Never returns, reading its buffer.
  (func (export "read_forever") (param i32 i32 i32) (param $p i32) (param i32)
    (local $sum i32)
    (loop $again
      (local.set $sum (i32.add (local.get $sum) (i32.load (local.get $p))))
      (br $again)))
  ;; 12 levels of 8 calls each: 8^12 calls, no loop anywhere.
  (func $f0 (call $f1) (call $f1) (call $f1) (call $f1) (call $f1) (call $f1) (call $f1) (call $f1))
  (func $f1 (call $f2) (call $f2) (call $f2) (call $f2) (call $f2) (call $f2) (call $f2) (call $f2))
  (func $f2 (call $f3) (call $f3) (call $f3) (call $f3) (call $f3) (call $f3) (call $f3) (call $f3))
  (func $f3 (call $f4) (call $f4) (call $f4) (call $f4) (call $f4) (call $f4) (call $f4) (call $f4))
  (func $f4 (call $f5) (call $f5) (call $f5) (call $f5) (call $f5) (call $f5) (call $f5) (call $f5))
  (func $f5 (call $f6) (call $f6) (call $f6) (call $f6) (call $f6) (call $f6) (call $f6) (call $f6))
  (func $f6 (call $f7) (call $f7) (call $f7) (call $f7) (call $f7) (call $f7) (call $f7) (call $f7))
  (func $f7 (call $f8) (call $f8) (call $f8) (call $f8) (call $f8) (call $f8) (call $f8) (call $f8))
  (func $f8 (call $f9) (call $f9) (call $f9) (call $f9) (call $f9) (call $f9) (call $f9) (call $f9))
  (func $f9 (call $fa) (call $fa) (call $fa) (call $fa) (call $fa) (call $fa) (call $fa) (call $fa))
  (func $fa (call $fb) (call $fb) (call $fb) (call $fb) (call $fb) (call $fb) (call $fb) (call $fb))
  (func $fb (call $fc) (call $fc) (call $fc) (call $fc) (call $fc) (call $fc) (call $fc) (call $fc))
  (func $fc)
  (func (export "call_tree") (param i32 i32 i32 i32 i32) (call $f0))
  ;; out[i] = i + 1.
  (func (export "count") (param $i i32) (param i32 i32) (param $out i32) (param i32)
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (i32.add (local.get $i) (i32.const 1))))
)"#;

const LIMIT: Duration = Duration::from_millis(300);

fn engine(epochs: bool) -> wasmtime::Engine {
    let mut config = wasmtime::Config::new();
    config
        .wasm_threads(true)
        .shared_memory(true)
        .epoch_interruption(epochs);
    wasmtime::Engine::new(&config).expect("engine")
}

fn device(engine: &wasmtime::Engine, threads: Option<usize>) -> CpuDevice {
    CpuDevice::new(&CpuDeviceDescriptor {
        engine: engine.clone(),
        threads,
        clock: Some(KernelClock::start(engine, LIMIT).expect("clock")),
        kernel_config: None,
    })
    .expect("device")
}

fn stopped_in_time(result: Result<(), DeviceError>, took: Duration, what: &str) {
    match result {
        Err(DeviceError::KernelTrap(message)) => {
            assert!(message.contains("ran past its limit"), "{what}: {message}")
        }
        other => panic!("{what}: expected a stop at the limit, got {other:?}"),
    }
    assert!(took >= LIMIT, "{what}: stopped after {took:?}");
    assert!(
        took < LIMIT + Duration::from_secs(5),
        "{what}: took {took:?}"
    );
}

/// The guests' engine need not interrupt by epoch: kernels in the device's own spaces stop by
/// themselves, on `sequential` and on `cpu`.
#[test]
fn kernels_in_the_devices_own_spaces_stop_at_the_limit() {
    let engine = engine(false);
    for device in [device(&engine, Some(2)), device(&engine, None)] {
        let space = device
            .create_space(&SpaceDescriptor {
                static_size: 0,
                static_segments: &[],
                confined: true,
            })
            .expect("space");
        let out = space
            .create_buffer(&BufferDescriptor {
                size: 4096,
                access: Access::ReadWrite,
            })
            .expect("buffer");
        let bytes = wat::parse_str(KERNELS).expect("WAT");
        let kernel = |name| {
            compile_kernel(
                &device,
                &bytes,
                KernelEntry::Export(name),
                &CompileOptions::default(),
            )
            .expect("kernel")
        };
        let name = &device.info().name;
        for (kernel_name, items) in [("spin", 8), ("read_forever", 8), ("call_tree", 1)] {
            let start = Instant::now();
            let result = space.launch(
                &*kernel(kernel_name),
                &Launch {
                    items,
                    block_size: 1,
                    buffers: &[&*out],
                    chunk: None,
                    addresses: None,
                },
            );
            stopped_in_time(result, start.elapsed(), &format!("{name}: {kernel_name}"));
            // The space serves the next launch.
            space
                .launch(
                    &*kernel("count"),
                    &Launch {
                        items: 1024,
                        block_size: 1,
                        buffers: &[&*out],
                        chunk: None,
                        addresses: None,
                    },
                )
                .unwrap_or_else(|e| panic!("{name}: after {kernel_name}: {e}"));
            let mut words = vec![0u8; 4096];
            space.read_buffer(&*out, 0, &mut words).expect("read");
            let counted: Vec<u32> = words
                .chunks_exact(4)
                .map(|b| u32::from_le_bytes(b.try_into().unwrap()))
                .collect();
            assert_eq!(counted, (1..=1024).collect::<Vec<u32>>(), "{name}");
        }
    }
}

/// A kernel that runs zero-copy in a guest's shared memory is compiled with the guest's engine
/// and stopped by its epochs.
#[test]
fn kernels_in_a_guests_memory_stop_by_epoch() {
    use wasi_parallel_device::WasmMemoryDevice;
    let engine = engine(true);
    let device = device(&engine, Some(2));
    let memory =
        wasmtime::SharedMemory::new(&engine, wasmtime::MemoryType::shared(1, 16)).expect("memory");
    let space = device.create_space_in(memory).expect("space");
    let view = space.create_view(0, 4096, Access::ReadWrite).expect("view");
    let bytes = wat::parse_str(KERNELS).expect("WAT");
    let spin = compile_kernel(
        &device,
        &bytes,
        KernelEntry::Export("spin"),
        &CompileOptions::default(),
    )
    .expect("kernel");
    let start = Instant::now();
    let result = space.launch(
        &*spin,
        &Launch {
            items: 4,
            block_size: 1,
            buffers: &[&*view],
            chunk: None,
            addresses: None,
        },
    );
    stopped_in_time(result, start.elapsed(), "in a guest's memory");
}
