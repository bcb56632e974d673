//! Buffers larger than one storage binding: a wgpu device binds such a buffer in parts, with the
//! kernel translated again to send each access to the part holding it. Here the device's
//! binding limit is lowered to 256 bytes, so that buffers of a few hundred elements span several
//! parts, and every kind of access (whole elements, bytes of atomic words, 8-byte accesses of
//! word bindings that straddle two parts, `f64` elements, atomics, `memory.copy` and
//! `memory.fill`, out-of-bounds traps, the length a kernel is passed) must give what the CPU
//! executor gives with the buffers whole.
//!
//! Locally a machine without a wgpu device skips; in CI (`CI` set), where lavapipe is installed,
//! a missing device fails.

#![cfg(feature = "wgpu")]

mod common;

use std::sync::Arc;

use wasi_parallel_device::wgpu::{WgpuDevice, WgpuKernel};
use wasi_parallel_device::{
    compile_kernel, Access, BufferDescriptor, CompileError, CompileOptions, CpuDevice,
    CpuDeviceDescriptor, Device, DeviceError, Kernel, KernelEntry, Launch, SpaceDescriptor,
};

/// The binding limit the tests give the wgpu device.
const PART: u64 = 256;

fn cpu() -> CpuDevice {
    let mut config = wasmtime::Config::new();
    config.wasm_threads(true).shared_memory(true);
    CpuDevice::new(&CpuDeviceDescriptor {
        engine: wasmtime::Engine::new(&config).expect("engine"),
        threads: Some(2),
        clock: None,
        kernel_config: None,
    })
    .expect("cpu device")
}

fn devices() -> Vec<WgpuDevice> {
    let limits = wasi_parallel_device::TimeLimits {
        kernel: None,
        compile: Some(wasi_parallel_device::DEFAULT_COMPILE_TIMEOUT),
    };
    let found = wasi_parallel_device::wgpu::discover_with(limits, Some(PART));
    let devices = common::required(found, "wgpu", "lavapipe");
    for device in &devices {
        assert_eq!(device.info().limits.max_binding_size, PART);
    }
    devices
}

/// A kernel module of one kernel, `$k`, at table index 1.
fn module(params: &str, body: &str) -> Vec<u8> {
    let wat = format!(
        r#"(module
          (memory 1)
          (table 2 funcref)
          (elem (i32.const 1) $k)
          (func $k (param $i i32) (param $n i32) (param $b i32) {params} {body}))"#
    );
    wat::parse_str(&wat).unwrap_or_else(|e| panic!("{e}\n{wat}"))
}

/// The kernel a run made, and its buffers' bytes after it.
type Ran = (Arc<dyn Kernel>, Vec<Vec<u8>>);

/// Runs kernel 1 of `wasm` over `items` work items with buffers holding `inputs` (all
/// read-write), and gives back their bytes after it.
fn run(
    device: &dyn Device,
    wasm: &[u8],
    items: u32,
    inputs: &[Vec<u8>],
) -> Result<Ran, DeviceError> {
    let kernel = compile_kernel(
        device,
        wasm,
        KernelEntry::TableIndex(1),
        &CompileOptions::default(),
    )
    .map_err(|e| match e {
        CompileError::Device(e) => e,
        other => panic!("{}: {other}", device.info().name),
    })?;
    let space = device.create_space(&SpaceDescriptor {
        static_size: 65536,
        static_segments: &[],
        confined: true,
    })?;
    let buffers = inputs
        .iter()
        .map(|bytes| {
            let b = space.create_buffer(&BufferDescriptor {
                size: bytes.len() as u64,
                access: Access::ReadWrite,
            })?;
            space.write_buffer(&*b, 0, bytes)?;
            Ok(b)
        })
        .collect::<Result<Vec<_>, DeviceError>>()?;
    let bound: Vec<_> = buffers.iter().map(|b| &**b).collect();
    space.launch(
        &*kernel,
        &Launch {
            items,
            block_size: 1,
            buffers: &bound,
            chunk: None,
            addresses: None,
        },
    )?;
    let outputs = buffers
        .iter()
        .zip(inputs)
        .map(|(b, bytes)| {
            let mut out = vec![0; bytes.len()];
            space.read_buffer(&**b, 0, &mut out)?;
            Ok(out)
        })
        .collect::<Result<Vec<_>, DeviceError>>()?;
    Ok((kernel, outputs))
}

/// Runs the kernel on the CPU executor and on every wgpu device, which must split some buffer
/// and give the same bytes, or (`trap`) both must trap.
fn agree(what: &str, wasm: &[u8], items: u32, inputs: &[Vec<u8>], trap: bool) {
    let on_cpu = run(&cpu(), wasm, items, inputs).map(|(_, out)| out);
    assert_eq!(on_cpu.is_err(), trap, "{what}: cpu: {on_cpu:?}");
    for device in devices() {
        let name = &device.info().name;
        let got = run(&device, wasm, items, inputs);
        match (&on_cpu, got) {
            (Ok(expected), Ok((kernel, got))) => {
                let kernel = kernel.as_any().downcast_ref::<WgpuKernel>().expect("wgpu");
                let layouts = kernel.split_layouts();
                assert!(
                    layouts.iter().any(|l| l.parts.iter().any(|&p| p > 1)),
                    "{what}: {name} did not split a buffer: {layouts:?}"
                );
                for (k, (e, g)) in expected.iter().zip(&got).enumerate() {
                    if let Some(at) = e.iter().zip(g).position(|(x, y)| x != y) {
                        panic!(
                            "{what}: {name}: buffer {k} differs from the cpu's first at byte {at}: \
                             {:?} vs {:?}",
                            &g[at..(at + 8).min(g.len())],
                            &e[at..(at + 8).min(e.len())]
                        );
                    }
                }
            }
            (Err(_), Err(DeviceError::KernelTrap(_))) => {}
            (expected, got) => panic!("{what}: {name}: {got:?}, the cpu {expected:?}"),
        }
    }
}

fn words(values: impl IntoIterator<Item = u32>) -> Vec<u8> {
    values.into_iter().flat_map(u32::to_le_bytes).collect()
}

#[test]
fn whole_elements_go_to_their_parts() {
    // out[i] = in[n - 1 - i] * 3 + i, f32: 300 elements, 1200 bytes, five parts each.
    let wasm = module(
        "(param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)",
        "(f32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
           (f32.add
             (f32.mul (f32.const 3)
               (f32.load (i32.add (local.get $in)
                 (i32.shl (i32.sub (i32.sub (local.get $n) (i32.const 1)) (local.get $i))
                   (i32.const 2)))))
             (f32.convert_i32_u (local.get $i))))",
    );
    let input: Vec<u8> = (0..300)
        .flat_map(|i| (i as f32 * 0.25 - 7.0).to_le_bytes())
        .collect();
    agree("f32", &wasm, 300, &[input, vec![0; 1200]], false);

    // f64 elements (a binding of 8-byte elements: 32 per part).
    let wasm = module(
        "(param $x i32) (param $x_len i32)",
        "(f64.store (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3)))
           (f64.sqrt (f64.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3))))))",
    );
    let input: Vec<u8> = (0..200).flat_map(|i| f64::from(i).to_le_bytes()).collect();
    agree("f64", &wasm, 200, &[input], false);
}

#[test]
fn the_length_a_kernel_is_passed_is_the_whole_buffers() {
    let wasm = module(
        "(param $x i32) (param $x_len i32)",
        "(i32.store (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2)))
           (i32.add (local.get $x_len) (local.get $i)))",
    );
    agree("length", &wasm, 250, &[vec![0; 1000]], false);
}

#[test]
fn bytes_and_straddling_words_go_to_their_parts() {
    // Bytes: out[i] = in[i] + i (byte stores into atomic words of neighbouring work items).
    let wasm = module(
        "(param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)",
        "(i32.store8 (i32.add (local.get $out) (local.get $i))
           (i32.add (local.get $i) (i32.load8_u (i32.add (local.get $in) (local.get $i)))))",
    );
    let input: Vec<u8> = (0..700u32).map(|i| (i * 7 % 251) as u8).collect();
    agree("bytes", &wasm, 700, &[input, vec![0; 700]], false);

    // Eight bytes at 4 (mod 8) of word bindings: item 31 reads bytes 252..260, across parts.
    let wasm = module(
        "(param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)",
        "(i64.store align=4 (i32.add (local.get $out) (i32.add (i32.const 4) (i32.shl (local.get $i) (i32.const 3))))
           (i64.add (i64.const 0x100000001)
             (i64.load align=4 (i32.add (local.get $in)
               (i32.add (i32.const 4) (i32.shl (local.get $i) (i32.const 3)))))))",
    );
    let input = words(0..200);
    agree("straddling", &wasm, 99, &[input, vec![0; 800]], false);
}

#[test]
fn atomics_go_to_their_parts() {
    // A histogram of 150 bins (600 bytes, three parts) with colliding items, and a
    // compare-exchange that sets each bin's flag word once.
    let wasm = module(
        "(param $bins i32) (param $bins_len i32) (param $flags i32) (param $flags_len i32)",
        "(drop (i32.atomic.rmw.add
           (i32.add (local.get $bins) (i32.shl (i32.rem_u (i32.mul (local.get $i) (i32.const 7)) (i32.const 150)) (i32.const 2)))
           (i32.add (local.get $i) (i32.const 1))))
         (drop (i32.atomic.rmw.cmpxchg
           (i32.add (local.get $flags) (i32.shl (i32.rem_u (local.get $i) (i32.const 150)) (i32.const 2)))
           (i32.const 0) (i32.const 1)))",
    );
    agree("atomics", &wasm, 1000, &[vec![0; 600], vec![0; 600]], false);
}

#[test]
fn bulk_copies_and_fills_go_to_their_parts() {
    // One work item: an overlapping copy within a split buffer (forwards, then backwards, over
    // part boundaries, by words then by bytes), a copy between buffers, and fills.
    let wasm = module(
        "(param $x i32) (param $x_len i32) (param $y i32) (param $y_len i32)",
        "(memory.copy (i32.add (local.get $x) (i32.const 200)) (i32.add (local.get $x) (i32.const 40)) (i32.const 500))
         (memory.copy (i32.add (local.get $x) (i32.const 3)) (i32.add (local.get $x) (i32.const 250)) (i32.const 301))
         (memory.copy (i32.add (local.get $y) (i32.const 100)) (i32.add (local.get $x) (i32.const 0)) (i32.const 600))
         (memory.fill (i32.add (local.get $y) (i32.const 700)) (i32.const 0xab) (i32.const 300))
         (memory.fill (i32.add (local.get $x) (i32.const 777)) (i32.const 0x5c) (i32.const 211))",
    );
    let x: Vec<u8> = (0..1024u32).map(|i| (i * 13 % 256) as u8).collect();
    let y: Vec<u8> = (0..1100u32).map(|i| (i % 97) as u8).collect();
    agree("bulk", &wasm, 1, &[x, y], false);
}

#[test]
fn past_the_last_part_traps() {
    // Item 250 stores one word past the end of a 1000-byte buffer of four parts.
    let wasm = module(
        "(param $x i32) (param $x_len i32)",
        "(i32.store (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2))) (i32.const 1))",
    );
    agree("past the end", &wasm, 251, &[vec![0; 1000]], true);
    // A copy whose range ends past the buffer writes nothing and traps.
    let wasm = module(
        "(param $x i32) (param $x_len i32)",
        "(memory.copy (i32.add (local.get $x) (i32.const 900)) (local.get $x) (i32.const 101))",
    );
    agree("copy past the end", &wasm, 1, &[vec![0; 1000]], true);
}

#[test]
fn a_kernel_made_without_its_wasm_is_refused_a_split_launch() {
    use wasi_parallel_device::{KernelDescriptor, KernelSource};
    let wasm = module(
        "(param $x i32) (param $x_len i32)",
        "(i32.store (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2))) (i32.const 1))",
    );
    for device in devices() {
        let options = wasi_parallel_device::translate_options(device.info(), &Default::default());
        let t = wasi_parallel_translator::translate(
            &wasm,
            wasi_parallel_translator::KernelRef::TableIndex(1),
            &options,
        )
        .expect("translates");
        let kernel = device
            .create_kernel(&KernelDescriptor {
                label: "no origin",
                source: KernelSource::Translated(&t),
                origin: None,
            })
            .expect("kernel");
        let space = device
            .create_space(&SpaceDescriptor {
                static_size: 0,
                static_segments: &[],
                confined: true,
            })
            .expect("space");
        let small = space
            .create_buffer(&BufferDescriptor {
                size: PART,
                access: Access::Write,
            })
            .expect("buffer");
        let large = space
            .create_buffer(&BufferDescriptor {
                size: 4 * PART,
                access: Access::Write,
            })
            .expect("buffer");
        let launch = |buffer: &dyn wasi_parallel_device::Buffer| {
            space.launch(
                &*kernel,
                &Launch {
                    items: 4,
                    block_size: 1,
                    buffers: &[buffer],
                    chunk: None,
                    addresses: None,
                },
            )
        };
        launch(&*small).expect("a buffer of one binding");
        match launch(&*large) {
            Err(DeviceError::UnsupportedKernel(why)) => {
                assert!(why.contains("without its Wasm"), "{why}")
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn a_launch_of_more_parts_than_the_device_binds_is_refused_with_the_reason() {
    // 40 parts of 256 bytes: more than lavapipe's 32 storage bindings per kernel.
    let wasm = module(
        "(param $x i32) (param $x_len i32)",
        "(i32.store (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 2))) (i32.const 1))",
    );
    for device in devices() {
        for _ in 0..2 {
            // The second launch gets the refusal the first one cached.
            match run(&device, &wasm, 4, &[vec![0; 40 * PART as usize]]) {
                Err(DeviceError::UnsupportedKernel(why)) => {
                    assert!(why.contains("storage bindings"), "{why}");
                    assert!(!why.contains("unsupported kernel:"), "{why}");
                }
                Err(other) => panic!("{other:?}"),
                Ok(_) => eprintln!("{}: binds 40 parts", device.info().name),
            }
        }
    }
}
