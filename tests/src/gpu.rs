//! The harness kernels on the devices of one GPU backend, against the CPU executor: each case is
//! written once here, and [`gpu_backend_tests!`](crate::gpu_backend_tests) stamps out the tests
//! for a backend (`tests/tests/gpu.rs` for wgpu, `tests/tests/opencl.rs` for OpenCL).
//!
//! A machine without a device of the backend skips; in CI (`CI` set), where the software devices
//! (lavapipe, PoCL) are installed, a missing device fails.

use std::sync::OnceLock;

use wasi_parallel_runtime::{DevicePreference, Errno, WasiParallelHost};

use crate::{ctx, engine, Guest, GuestProgram, KERNELS};

/// Stamps out one `#[test]` per case of [`crate::gpu`] for the devices of `backend`; `software`
/// names the device CI must have for it.
#[macro_export]
macro_rules! gpu_backend_tests {
    ($backend:literal, $software:literal) => {
        fn devices() -> Vec<String> {
            $crate::gpu::devices($backend, $software)
        }

        #[test]
        fn kernels_agree_with_the_cpu_executor() {
            $crate::gpu::kernels_agree_with_the_cpu_executor(&devices());
        }

        #[test]
        fn traps_and_untranslatable_kernels_report_their_errno() {
            $crate::gpu::traps_and_untranslatable_kernels_report_their_errno(&devices());
        }

        #[test]
        fn writable_inputs_keep_their_writes() {
            $crate::gpu::writable_inputs_keep_their_writes(&devices());
        }

        #[test]
        fn read_only_buffers_keep_their_data() {
            $crate::gpu::read_only_buffers_keep_their_data(&devices());
        }

        #[test]
        fn deep_kernels_run_on_the_cpu() {
            $crate::gpu::deep_kernels_run_on_the_cpu(&devices());
        }

        #[test]
        fn compiles_past_the_time_limit_run_on_the_cpu() {
            $crate::gpu::compiles_past_the_time_limit_run_on_the_cpu(&devices());
        }

        #[test]
        fn endless_kernels_stop_and_the_device_serves_the_next_launch() {
            $crate::gpu::endless_kernels_stop_and_the_device_serves_the_next_launch(&devices());
        }

        #[test]
        fn kernel_modules_with_data_are_refused() {
            $crate::gpu::kernel_modules_with_data_are_refused(&devices());
        }

        #[test]
        fn i64_kernels_agree_with_the_cpu_executor() {
            $crate::gpu::i64_kernels_agree_with_the_cpu_executor(&devices());
        }

        #[test]
        fn br_table_agrees_with_the_cpu_executor() {
            $crate::gpu::br_table_agrees_with_the_cpu_executor(&devices());
        }

        #[test]
        fn bulk_memory_agrees_with_the_cpu_executor() {
            $crate::gpu::bulk_memory_agrees_with_the_cpu_executor(&devices());
        }

        #[test]
        fn large_static_memories_bind_their_data_only() {
            $crate::gpu::large_static_memories_bind_their_data_only(&devices());
        }

        #[test]
        fn pointer_comparisons_agree_with_the_cpu_executor() {
            $crate::gpu::pointer_comparisons_agree_with_the_cpu_executor(&devices());
        }

        #[test]
        fn atomics_agree_with_the_cpu_executor() {
            $crate::gpu::atomics_agree_with_the_cpu_executor(&devices());
        }

        #[test]
        fn a_512_mib_buffer_is_used_by_a_kernel() {
            $crate::gpu::a_512_mib_buffer_is_used_by_a_kernel(&devices());
        }

        #[test]
        fn min_max_follow_wasm_for_nan_and_signed_zero() {
            $crate::gpu::min_max_follow_wasm_for_nan_and_signed_zero(&devices());
        }
    };
}

/// The reference: a context whose guests run on the CPU executor (the hint they pass).
fn shared_ctx() -> &'static WasiParallelHost {
    static CTX: OnceLock<WasiParallelHost> = OnceLock::new();
    CTX.get_or_init(|| ctx(2))
}

/// Names of the devices of `backend`; fails in CI when there is none (CI installs `software`).
pub fn devices(backend: &str, software: &str) -> Vec<String> {
    let names: Vec<String> = shared_ctx()
        .devices()
        .iter()
        .filter(|d| d.info().backend == backend)
        .map(|d| d.info().name.clone())
        .collect();
    if names.is_empty() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have a {backend} device ({software})"
        );
        eprintln!("skipped: no {backend} device");
    }
    names
}

/// A context whose every `get_device` returns device `name`.
pub fn ctx_on(name: &str, strict: bool) -> WasiParallelHost {
    WasiParallelHost::builder()
        .threads(2)
        .strict(strict)
        .device(DevicePreference::Named(name.into()))
        .build(engine())
        .expect("context")
}

/// A harness guest whose every `get_device` returns device `name`.
pub fn guest_on(name: &str, strict: bool) -> Guest {
    let ctx = ctx_on(name, strict);
    // 512 pages: room for 16 MiB buffers' data.
    let program = GuestProgram::with_memory("(memory (export \"memory\") 512)", KERNELS)
        .expect("harness guest");
    program.instantiate(&ctx).expect("instantiate")
}

fn reference_guest() -> Guest {
    GuestProgram::new(KERNELS)
        .expect("harness guest")
        .instantiate(shared_ctx())
        .expect("instantiate")
}

/// Runs kernel `kernel` over `n` items with an i32 input and output, returning the errno and the
/// output.
fn run(g: &mut Guest, kernel: i32, n: usize, input: &[i32], output_access: i32) -> (i32, Vec<i32>) {
    let device = g.device(1).expect("device");
    let inp = g.buffer(device, (n * 4) as i32, 2).expect("input");
    let out = g
        .buffer(device, (n * 4) as i32, output_access)
        .expect("output");
    g.write_i32s(inp, 0x1000, input).expect("write");
    g.write_i32s(out, 0x2000, &vec![0; n]).expect("write");
    let errno = g.run(kernel, n as i32, &[inp], &[out]);
    let result = g.read_i32s(out, 0x3000, n).expect("read");
    (errno, result)
}

/// `$double` over 1000 items, then over more items than one dispatch dimension holds.
pub fn kernels_agree_with_the_cpu_executor(devices: &[String]) {
    let n = 1000;
    let input: Vec<i32> = (0..n as i32).map(|i| i * 7 - 300).collect();
    let mut reference = reference_guest();
    let (errno, expected) = run(&mut reference, 1, n, &input, 1);
    assert_eq!(errno, 0);
    for name in devices {
        let mut g = guest_on(name, false);
        let (errno, got) = run(&mut g, 1, n, &input, 1);
        assert_eq!(errno, 0, "{name}");
        assert_eq!(got, expected, "{name}: doubled values");
        // More work items than one dispatch dimension holds at workgroup size 64.
        let big = 65536 * 64 + 3;
        let input: Vec<i32> = (0..big as i32).collect();
        let (errno, got) = run(&mut g, 1, big, &input, 1);
        assert_eq!(errno, 0, "{name}");
        assert!(
            got.iter().enumerate().all(|(i, &v)| v == 2 * i as i32),
            "{name}: 2-D dispatch"
        );
    }
}

/// Arity and aliasing errors, traps, static data, and kernels the translator refuses: an errno
/// in strict mode, the CPU executor on shadow copies otherwise.
pub fn traps_and_untranslatable_kernels_report_their_errno(devices: &[String]) {
    for name in devices {
        let mut g = guest_on(name, false);
        let device = g.device(1).expect("device");
        let out = g.buffer(device, 64, 1).expect("output");
        assert_eq!(
            g.run(1, 16, &[out], &[]),
            Errno::InvalidKernel.raw(),
            "{name}: arity"
        );
        // A buffer the kernel writes cannot be bound twice on a GPU.
        assert_eq!(
            g.run(1, 16, &[out], &[out]),
            Errno::UnsupportedKernel.raw(),
            "{name}: aliasing"
        );
        let inp = g.buffer(device, 64, 0).expect("input");
        g.write_i32s(inp, 0x1000, &[0; 16]).expect("write");
        assert_eq!(
            g.run(2, 16, &[inp], &[out]),
            Errno::KernelTrapped.raw(),
            "{name}: unreachable"
        );
        assert_eq!(
            g.run(10, 16, &[], &[out]),
            Errno::KernelTrapped.raw(),
            "{name}: trap in item 5"
        );
        // A kernel that stores to guest memory outside its buffers is not translated: in strict
        // mode that is the errno...
        let mut strict = guest_on(name, true);
        let device = strict.device(1).expect("device");
        let strict_out = strict.buffer(device, 64, 1).expect("output");
        let unsupported = Errno::UnsupportedKernel.raw();
        assert_eq!(
            strict.run(6, 16, &[], &[strict_out]),
            unsupported,
            "{name}: a store outside the buffers"
        );
        // ...otherwise it runs on the CPU executor, on copies of the GPU's buffers.
        assert_eq!(g.run(6, 16, &[], &[out]), 0, "{name}: on the CPU");
        // Static data is translated: a binding of the guest's initial memory.
        assert_eq!(
            strict.run(5, 16, &[], &[strict_out]),
            0,
            "{name}: static data"
        );
        let got = strict.read_i32s(strict_out, 0x3000, 16).expect("read");
        assert_eq!(
            got,
            (42..58).collect::<Vec<_>>(),
            "{name}: static data on the GPU"
        );
        // So are globals and the shadow stack: the stack pointer is the invocation's own, and so
        // is the memory below it.
        // llvmpipe refuses shadow stacks (its compiler can take unbounded time on them); the
        // kernel then runs on the CPU without strict mode.
        let llvmpipe = ctx_on(name, true)
            .devices()
            .iter()
            .any(|d| d.info().name == *name && d.info().description.starts_with("llvmpipe"));
        let errno = strict.run(9, 16, &[], &[strict_out]);
        if llvmpipe {
            assert_eq!(errno, Errno::UnsupportedKernel.raw(), "{name}: llvmpipe");
            assert_eq!(g.run(9, 16, &[], &[out]), 0, "{name}: on the CPU");
            let got = g.read_i32s(out, 0x3000, 16).expect("read");
            assert_eq!(got, (0..16).collect::<Vec<_>>(), "{name}");
        } else {
            assert_eq!(errno, 0, "{name}: a shadow stack on the GPU");
            let got = strict.read_i32s(strict_out, 0x3000, 16).expect("read");
            assert_eq!(got, (0..16).collect::<Vec<_>>(), "{name}");
        }
        // The guest goes on.
        let (errno, got) = run(&mut g, 1, 4, &[1, 2, 3, 4], 1);
        assert_eq!((errno, got), (0, vec![2, 4, 6, 8]), "{name}");
    }
}

/// A buffer updated in place by three launches, and reads and writes of partial words.
pub fn writable_inputs_keep_their_writes(devices: &[String]) {
    for name in devices {
        let mut g = guest_on(name, false);
        let device = g.device(1).expect("device");
        let buffer = g.buffer(device, 64, 2).expect("buffer");
        g.write_i32s(buffer, 0x1000, &(0..16).collect::<Vec<_>>())
            .expect("write");
        for _ in 0..3 {
            assert_eq!(g.run(7, 16, &[buffer], &[]), 0, "{name}");
        }
        assert_eq!(
            g.read_i32s(buffer, 0x2000, 16).expect("read"),
            (3..19).collect::<Vec<_>>(),
            "{name}"
        );
        // Reads and writes that are not whole words.
        let bytes: Vec<u8> = (0..7).collect();
        g.poke(0x3000, &bytes);
        assert_eq!(g.write_buffer_raw(0x3000, 7, buffer), 0);
        assert_eq!(g.read_buffer_raw(buffer, 0x4000, 9), 0);
        let back = g.peek(0x4000, 9);
        assert_eq!(&back[..7], &bytes[..], "{name}");
        // Byte 7 is the last byte of the old 4, byte 8 the first of the old 5.
        assert_eq!(back[7..9], [0, 5], "{name}: the rest of the buffer stays");
    }
}

/// A kernel that writes a buffer created read-only (access 0) leaves it as it was: the GPU binds
/// a copy.
pub fn read_only_buffers_keep_their_data(devices: &[String]) {
    for name in devices {
        // Strict: the launch runs on the GPU or fails, never on the CPU.
        let mut g = guest_on(name, true);
        let device = g.device(1).expect("device");
        let buffer = g.buffer(device, 64, 0).expect("buffer");
        let data: Vec<i32> = (0..16).collect();
        g.write_i32s(buffer, 0x1000, &data).expect("write");
        assert_eq!(g.run(7, 16, &[buffer], &[]), 0, "{name}");
        assert_eq!(
            g.read_i32s(buffer, 0x2000, 16).expect("read"),
            data,
            "{name}: a read-only buffer was changed"
        );
        // The same kernel on a read-write buffer keeps its writes.
        let writable = g.buffer(device, 64, 2).expect("buffer");
        g.write_i32s(writable, 0x1000, &data).expect("write");
        assert_eq!(g.run(7, 16, &[writable], &[]), 0, "{name}");
        assert_eq!(
            g.read_i32s(writable, 0x2000, 16).expect("read"),
            (1..17).collect::<Vec<_>>(),
            "{name}"
        );
    }
}

/// A kernel of 10,000 nested blocks (it used to overflow the host's stack in naga's validator)
/// is refused by the translator; without strict mode it runs on the CPU executor. One of 300,
/// which the translator takes, is more than OpenCL compilers take (they failed to build it,
/// at clang's 256 nested brackets): OpenCL devices refuse it, and it runs on the CPU there too.
pub fn deep_kernels_run_on_the_cpu(devices: &[String]) {
    for depth in [10_000, 300] {
        deep_kernel_runs_somewhere(devices, depth);
    }
}

fn deep_kernel_runs_somewhere(devices: &[String], depth: usize) {
    let body = format!(
        r#"(table 2 funcref)
        (elem (i32.const 1) $deep)
        (func $deep (param $i i32) (param i32 i32) (param $out i32) (param i32)
          (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
            {}(i32.add (local.get $i) (i32.const 1)){}))"#,
        "(block (result i32) ".repeat(depth),
        ")".repeat(depth)
    );
    let program = GuestProgram::new(&body).expect("deep guest");
    for name in devices {
        for strict in [true, false] {
            let mut g = program
                .instantiate(&ctx_on(name, strict))
                .expect("instance");
            let device = g.device(1).expect("device");
            let out = g.buffer(device, 64, 1).expect("buffer");
            let errno = g.run(1, 16, &[], &[out]);
            // Refused where the translator or the device's compiler cannot take it.
            let refused = depth > 512 || name.starts_with("opencl");
            if strict && refused {
                assert_eq!(
                    errno,
                    Errno::UnsupportedKernel.raw(),
                    "{name}: strict, {depth}"
                );
            } else {
                assert_eq!(errno, 0, "{name}: {depth}");
                assert_eq!(
                    g.read_i32s(out, 0x1000, 16).expect("read"),
                    (1..17).collect::<Vec<_>>(),
                    "{name}: {depth}"
                );
            }
        }
    }
}

/// A driver that compiles for longer than the compile time limit (here 1 ns, so every compile
/// is) gives the kernel up: in strict mode that is `UNSUPPORTED_KERNEL`, otherwise it runs on
/// the CPU, and correctly.
pub fn compiles_past_the_time_limit_run_on_the_cpu(devices: &[String]) {
    let program = GuestProgram::with_memory("(memory (export \"memory\") 512)", KERNELS)
        .expect("harness guest");
    for name in devices {
        for strict in [true, false] {
            let host = WasiParallelHost::builder()
                .threads(2)
                .strict(strict)
                .device(DevicePreference::Named(name.into()))
                .compile_timeout(Some(std::time::Duration::from_nanos(1)))
                .build(engine())
                .expect("host");
            let mut g = program.instantiate(&host).expect("instance");
            let input: Vec<i32> = (0..64).collect();
            let (errno, got) = run(&mut g, 1, 64, &input, 1);
            if strict {
                assert_eq!(errno, Errno::UnsupportedKernel.raw(), "{name}: strict");
            } else {
                assert_eq!(errno, 0, "{name}");
                assert_eq!(
                    got,
                    input.iter().map(|x| 2 * x).collect::<Vec<_>>(),
                    "{name}"
                );
            }
        }
    }
}

/// A kernel that never returns (`$forever`, over 4096 work items) returns `KERNEL_TRAPPED` at
/// the time limit, and the device does not stay lost: its work items run out of their loop
/// budget and stop, while later calls wait for them (each at most the limit, `DEVICE_ERROR` if
/// they are still running), and then the device runs kernels again. Before loop budgets the
/// device was given up for good.
pub fn endless_kernels_stop_and_the_device_serves_the_next_launch(devices: &[String]) {
    let limit = std::time::Duration::from_secs(1);
    let program = GuestProgram::with_memory("(memory (export \"memory\") 512)", KERNELS)
        .expect("harness guest");
    for name in devices {
        let host = WasiParallelHost::builder()
            .threads(2)
            .strict(true)
            .device(DevicePreference::Named(name.into()))
            .kernel_timeout(limit)
            .build(engine())
            .expect("host");
        let mut g = program.instantiate(&host).expect("instance");
        let device = g.device(1).expect("device");
        let out = g.buffer(device, 4 * 4096, 2).expect("buffer");
        let start = std::time::Instant::now();
        assert_eq!(
            g.run(11, 4096, &[], &[out]),
            Errno::KernelTrapped.raw(),
            "{name}"
        );
        assert!(
            start.elapsed() < limit + std::time::Duration::from_secs(5),
            "{name}"
        );
        // The device finishes the endless launch by itself; until then calls fail, after it
        // they work.
        let recovered = loop {
            match g.create_buffer_raw(device, 4, 2, crate::OUT as i32) {
                0 => break start.elapsed(),
                errno => assert_eq!(errno, Errno::DeviceError.raw(), "{name}"),
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(60),
                "{name} still runs the endless kernel after a minute"
            );
        };
        let input: Vec<i32> = (0..64).collect();
        let (errno, got) = run(&mut g, 1, 64, &input, 1);
        assert_eq!(errno, 0, "{name}");
        assert_eq!(
            got,
            input.iter().map(|x| 2 * x).collect::<Vec<_>>(),
            "{name}"
        );
        eprintln!("{name}: an endless kernel stopped, and the device ran kernels again, {recovered:?} after the launch");
    }
}

/// A `parallel_exec` module with an active data segment is refused on GPUs as on the CPU.
pub fn kernel_modules_with_data_are_refused(devices: &[String]) {
    let module = wat::parse_str(
        r#"(module (import "" "memory" (memory 1 65536 shared))
          (data (i32.const 64) "planted")
          (func (export "kernel") (param i32 i32 i32 i32 i32)))"#,
    )
    .expect("WAT");
    for name in devices {
        let mut g = guest_on(name, true);
        let device = g.device(1).expect("device");
        let out = g.buffer(device, 64, 1).expect("buffer");
        g.poke(0x4000, &module);
        let (list, count) = g.list(0x3000, &[out]);
        assert_eq!(
            g.parallel_exec_raw(
                device,
                0x4000,
                module.len() as i32,
                16,
                1,
                0,
                0,
                list,
                count
            ),
            Errno::UnsupportedKernel.raw(),
            "{name}"
        );
    }
}

/// The `lcg_i64` translator input as a harness guest body.
const LCG: &str = r#"
  (table 2 funcref)
  (elem (i32.const 1) $lcg)
  (func $lcg (param $i i32) (param $n i32) (param $b i32)
        (param $wide i32) (param $wide_len i32) (param $narrow i32) (param $narrow_len i32)
    (local $x i64) (local $k i32)
    (local.set $x (i64.extend_i32_u (local.get $i)))
    (loop $step
      (local.set $x (i64.add (i64.mul (local.get $x) (i64.const 6364136223846793005)) (i64.const 1442695040888963407)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $step (i32.lt_u (local.get $k) (i32.const 10))))
    (i64.store (i32.add (local.get $wide) (i32.shl (local.get $i) (i32.const 3))) (local.get $x))
    (i32.store (i32.add (local.get $narrow) (i32.shl (local.get $i) (i32.const 2)))
      (i32.wrap_i64 (i64.xor (i64.shr_u (local.get $x) (i64.const 33)) (i64.rem_s (local.get $x) (i64.const 1000))))))
"#;

fn lcg_on(ctx: &WasiParallelHost, n: usize) -> (i32, Vec<u8>, Vec<i32>) {
    let mut g = GuestProgram::new(LCG)
        .expect("guest")
        .instantiate(ctx)
        .expect("instantiate");
    let device = g.device(1).expect("device");
    let wide = g.buffer(device, (n * 8) as i32, 1).expect("wide");
    let narrow = g.buffer(device, (n * 4) as i32, 1).expect("narrow");
    let errno = g.run(1, n as i32, &[], &[wide, narrow]);
    assert_eq!(g.read_buffer_raw(wide, 0x1000, (n * 8) as i32), 0);
    let wide_bytes = g.peek(0x1000, n * 8);
    (
        errno,
        wide_bytes,
        g.read_i32s(narrow, 0x8000, n).expect("read"),
    )
}

/// An `i64` generator (strict: no CPU fallback).
pub fn i64_kernels_agree_with_the_cpu_executor(devices: &[String]) {
    let n = 2000;
    let expected = lcg_on(shared_ctx(), n);
    assert_eq!(expected.0, 0);
    for name in devices {
        let ctx = ctx_on(name, true);
        let got = lcg_on(&ctx, n);
        assert_eq!(
            got, expected,
            "{name}: i64 results (strict: no CPU fallback)"
        );
    }
}

/// `br_table` with block results, as a harness guest body (function pointer 1).
const SWITCH: &str = r#"
  (table 2 funcref)
  (elem (i32.const 1) $switch)
  (func $switch (param $i i32) (param $n i32) (param $b i32) (param $out i32) (param $out_len i32)
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (block $done (result i32)
        (block $other
          (block $two
            (block $one
              (block $zero
                (br_table $zero $one $two $other (i32.rem_u (local.get $i) (i32.const 5))))
              (br $done (i32.const 10)))
            (br $done (i32.const 20)))
          (br $done (i32.const 30)))
        (i32.const -1))))
"#;

fn switch_on(ctx: &WasiParallelHost, n: usize) -> (i32, Vec<i32>) {
    let mut g = GuestProgram::new(SWITCH)
        .expect("guest")
        .instantiate(ctx)
        .expect("instantiate");
    let device = g.device(1).expect("device");
    let out = g.buffer(device, (n * 4) as i32, 1).expect("out");
    let errno = g.run(1, n as i32, &[], &[out]);
    (errno, g.read_i32s(out, 0x1000, n).expect("read"))
}

/// `br_table` with block results (strict).
pub fn br_table_agrees_with_the_cpu_executor(devices: &[String]) {
    let expected = switch_on(shared_ctx(), 100);
    assert_eq!(expected.0, 0);
    assert_eq!(expected.1[..6], [10, 20, 30, -1, -1, 10]);
    for name in devices {
        let ctx = ctx_on(name, true);
        assert_eq!(switch_on(&ctx, 100), expected, "{name}");
    }
}

/// `f32.min` and `f32.max` of a[i], b[i] into lo[i], hi[i] (function pointer 1).
const MIN_MAX: &str = r#"
  (table 2 funcref)
  (elem (i32.const 1) $minmax)
  (func $minmax (param $i i32) (param $n i32) (param $blk i32)
        (param $a i32) (param $al i32) (param $b i32) (param $bl i32)
        (param $lo i32) (param $lol i32) (param $hi i32) (param $hil i32)
    (local $off i32) (local $x f32) (local $y f32)
    (local.set $off (i32.shl (local.get $i) (i32.const 2)))
    (local.set $x (f32.load (i32.add (local.get $a) (local.get $off))))
    (local.set $y (f32.load (i32.add (local.get $b) (local.get $off))))
    (f32.store (i32.add (local.get $lo) (local.get $off)) (f32.min (local.get $x) (local.get $y)))
    (f32.store (i32.add (local.get $hi) (local.get $off)) (f32.max (local.get $x) (local.get $y))))
"#;

fn min_max_on(ctx: &WasiParallelHost, a: &[f32], b: &[f32]) -> (i32, Vec<f32>, Vec<f32>) {
    let n = a.len();
    let mut g = GuestProgram::new(MIN_MAX)
        .expect("guest")
        .instantiate(ctx)
        .expect("instantiate");
    let device = g.device(1).expect("device");
    let bits = |v: &[f32]| v.iter().map(|x| x.to_bits() as i32).collect::<Vec<_>>();
    let ba = g.buffer(device, (n * 4) as i32, 0).expect("a");
    let bb = g.buffer(device, (n * 4) as i32, 0).expect("b");
    let lo = g.buffer(device, (n * 4) as i32, 1).expect("lo");
    let hi = g.buffer(device, (n * 4) as i32, 1).expect("hi");
    g.write_i32s(ba, 0x1000, &bits(a)).expect("write");
    g.write_i32s(bb, 0x2000, &bits(b)).expect("write");
    let errno = g.run(1, n as i32, &[ba, bb], &[lo, hi]);
    let floats = |v: Vec<i32>| {
        v.into_iter()
            .map(|x| f32::from_bits(x as u32))
            .collect::<Vec<_>>()
    };
    let lo = floats(g.read_i32s(lo, 0x3000, n).expect("read"));
    let hi = floats(g.read_i32s(hi, 0x4000, n).expect("read"));
    (errno, lo, hi)
}

/// Equal, or both NaN (Wasm leaves NaN payloads open).
fn same(x: &[f32], y: &[f32]) -> bool {
    x.len() == y.len()
        && x.iter()
            .zip(y)
            .all(|(a, b)| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()))
}

/// Wasm's `min`/`max`: NaN if either operand is, and `-0 < +0` (strict).
pub fn min_max_follow_wasm_for_nan_and_signed_zero(devices: &[String]) {
    let a = [
        1.0,
        -0.0,
        0.0,
        f32::NAN,
        2.0,
        f32::INFINITY,
        -3.5,
        f32::NEG_INFINITY,
    ];
    let b = [2.0, 0.0, -0.0, 1.0, f32::NAN, 5.0, -3.5, f32::NAN];
    let (errno, lo, hi) = min_max_on(shared_ctx(), &a, &b);
    assert_eq!(errno, 0);
    assert_eq!(lo[1].to_bits(), (-0.0f32).to_bits(), "min(-0, +0) is -0");
    assert_eq!(hi[2].to_bits(), 0.0f32.to_bits(), "max(+0, -0) is +0");
    assert!(lo[3].is_nan() && hi[4].is_nan());
    for name in devices {
        let ctx = ctx_on(name, true);
        let (errno, glo, ghi) = min_max_on(&ctx, &a, &b);
        assert_eq!(errno, 0, "{name}");
        assert!(same(&glo, &lo), "{name}: min {glo:?} != {lo:?}");
        assert!(same(&ghi, &hi), "{name}: max {ghi:?} != {hi:?}");
    }
}

/// `memory.copy` and `memory.fill` as compilers emit them (`copy_from_slice`, zeroed local
/// arrays), with `in` and `out` byte buffers; function pointers:
/// 1 `$copy_words`: 16 aligned bytes per item, `in` to `out`;
/// 2 `$copy_bytes`: `i % 7` bytes per item from odd offsets to other odd offsets, so that
///   neighbouring items store into the same words;
/// 3 `$fill`: 12 aligned bytes of `out` per item with `i`, then 5 misaligned bytes after them;
/// 4 `$overlap`: in `out` (read-write), per item a 64-byte region copied onto itself 8 bytes
///   higher (backwards) and 12 bytes lower (forwards);
/// 5 `$stack`: a 64-byte local array on the shadow stack, zeroed, filled from `in`, summed;
/// 6 `$statics`: 16 bytes of the guest's static data at 1024 into `out`;
/// 7 `$past_the_end`: a copy that ends one byte past `out` (a trap, and no byte written);
/// 8 `$f64`: 16 bytes of `f64`s per item, then the first incremented, as an `f64` kernel would.
pub const BULK: &str = r#"
  (global $__stack_pointer (mut i32) (i32.const 65536))
  (table 9 funcref)
  (elem (i32.const 1) $copy_words $copy_bytes $fill $overlap $stack $statics $past_the_end $f64)
  (data (i32.const 1024) "\01\02\03\04\05\06\07\08\09\0a\0b\0c\0d\0e\0f\10")
  (func $copy_words (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $off i32)
    (local.set $off (i32.shl (local.get $i) (i32.const 4)))
    (memory.copy (i32.add (local.get $out) (local.get $off))
                 (i32.add (local.get $in) (local.get $off)) (i32.const 16)))
  (func $copy_bytes (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $off i32)
    (local.set $off (i32.shl (local.get $i) (i32.const 3)))
    (memory.copy (i32.add (local.get $out) (i32.add (local.get $off) (i32.const 3)))
                 (i32.add (local.get $in) (i32.add (local.get $off) (i32.const 1)))
                 (i32.rem_u (local.get $i) (i32.const 7))))
  (func $fill (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $at i32)
    (local.set $at (i32.add (local.get $out) (i32.mul (local.get $i) (i32.const 20))))
    (memory.fill (local.get $at) (i32.add (local.get $i) (i32.const 0x100)) (i32.const 12))
    (memory.fill (i32.add (local.get $at) (i32.const 13)) (i32.xor (local.get $i) (i32.const 0x5a))
                 (i32.const 5)))
  (func $overlap (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $at i32)
    (local.set $at (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 6))))
    (memory.copy (i32.add (local.get $at) (i32.const 8)) (local.get $at) (i32.const 48))
    (memory.copy (i32.add (local.get $at) (i32.const 4)) (i32.add (local.get $at) (i32.const 16))
                 (i32.const 44)))
  (func $stack (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $sp i32) (local $k i32) (local $sum i32)
    (local.set $sp (i32.sub (global.get $__stack_pointer) (i32.const 64)))
    (global.set $__stack_pointer (local.get $sp))
    (memory.fill (local.get $sp) (i32.const 0) (i32.const 64))
    (memory.copy (i32.add (local.get $sp) (i32.const 5))
                 (i32.add (local.get $in) (local.get $i))
                 (i32.rem_u (local.get $i) (i32.const 50)))
    (loop $each
      (local.set $sum (i32.add (local.get $sum)
        (i32.mul (i32.load8_u (i32.add (local.get $sp) (local.get $k)))
                 (i32.add (local.get $k) (i32.const 1)))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $each (i32.lt_u (local.get $k) (i32.const 64))))
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2))) (local.get $sum))
    (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 64))))
  (func $statics (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (memory.copy (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 4)))
                 (i32.const 1024) (i32.const 16)))
  (func $past_the_end (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (memory.copy (local.get $out) (local.get $in) (i32.add (local.get $out_len) (i32.const 1))))
  (func $f64 (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $off i32)
    (local.set $off (i32.shl (local.get $i) (i32.const 4)))
    (memory.copy (i32.add (local.get $out) (local.get $off))
                 (i32.add (local.get $in) (local.get $off)) (i32.const 16))
    (f64.store (i32.add (local.get $out) (local.get $off))
      (f64.add (f64.load (i32.add (local.get $in) (local.get $off))) (f64.const 1))))
"#;

/// Runs `BULK` kernel `kernel` over `n` items, `in` holding `input` and `out` (read-write)
/// `out_init`; returns the errno and `out`.
fn bulk_on(
    ctx: &WasiParallelHost,
    kernel: i32,
    n: usize,
    input: &[u8],
    out_init: &[u8],
) -> (i32, Vec<u8>) {
    let mut g = GuestProgram::with_memory("(memory (export \"memory\") 4)", BULK)
        .expect("guest")
        .instantiate(ctx)
        .expect("instantiate");
    let device = g.device(1).expect("device");
    let inp = g.buffer(device, input.len() as i32, 0).expect("in");
    let out = g.buffer(device, out_init.len() as i32, 2).expect("out");
    g.poke(0x20000, input);
    assert_eq!(g.write_buffer_raw(0x20000, input.len() as i32, inp), 0);
    g.poke(0x30000, out_init);
    assert_eq!(g.write_buffer_raw(0x30000, out_init.len() as i32, out), 0);
    let errno = g.run(kernel, n as i32, &[inp], &[out]);
    assert_eq!(g.read_buffer_raw(out, 0x30000, out_init.len() as i32), 0);
    (errno, g.peek(0x30000, out_init.len()))
}

/// Bulk memory on the device (strict: translated, no CPU fallback) against the CPU executor:
/// aligned and byte-wise copies and fills, overlapping copies, the stack, static data, a copy
/// past the end of its buffer, and `f64` buffers.
pub fn bulk_memory_agrees_with_the_cpu_executor(devices: &[String]) {
    let n = 200;
    let input: Vec<u8> = (0..n * 16).map(|i| (i * 37 + 11) as u8).collect();
    let out_init: Vec<u8> = (0..n * 64).map(|i| (i * 13 + 5) as u8).collect();
    let f64s: Vec<u8> = (0..n * 2)
        .flat_map(|i| (i as f64 * 0.5 - 7.0).to_le_bytes())
        .collect();
    let cases: [(i32, &str, &[u8]); 8] = [
        (1, "aligned copies", &input),
        (2, "byte copies", &input),
        (3, "fills", &input),
        (4, "overlapping copies", &input),
        (5, "the stack", &input),
        (6, "static data", &input),
        (7, "a copy past the end", &input),
        (8, "f64 copies", &f64s),
    ];
    for (kernel, what, input) in cases {
        let expected = bulk_on(shared_ctx(), kernel, n, input, &out_init);
        match kernel {
            7 => {
                assert_eq!(expected.0, Errno::KernelTrapped.raw(), "{what}");
                assert_eq!(expected.1, out_init, "{what}: nothing written");
            }
            _ => {
                assert_eq!(expected.0, 0, "{what}");
                assert_ne!(expected.1, out_init, "{what}: the kernel wrote");
            }
        }
        for name in devices {
            let ctx = ctx_on(name, true);
            let mut got = bulk_on(&ctx, kernel, n, input, &out_init);
            if kernel == 5 && got.0 == Errno::UnsupportedKernel.raw() && name.starts_with("wgpu") {
                // lavapipe is not given kernels with a shadow stack (see the ABI page's "Driver
                // faults"): they run on the CPU.
                got = bulk_on(&ctx_on(name, false), kernel, n, input, &out_init);
            }
            assert_eq!(got.0, expected.0, "{name}: {what}: errno");
            assert!(got.1 == expected.1, "{name}: {what}: results differ");
        }
    }
}

/// Static data in a guest whose initial memory is large and mostly zeros (a C++ guest's bss):
/// `out[i] = i32.load(addr[i])`, and `f64.load` for pointer 2; addresses derive from no buffer.
const BIG_STATICS: &str = r#"
  (table 3 funcref)
  (elem (i32.const 1) $load32 $load64)
  (data (i32.const 1024) "\2a\00\00\00\00\00\00\00\00\00\00\00\00\00\f8\3f")
  (func $load32 (param $i i32) (param $n i32) (param $b i32)
        (param $addr i32) (param $addr_len i32) (param $out i32) (param $out_len i32)
    (local $off i32)
    (local.set $off (i32.shl (local.get $i) (i32.const 2)))
    (i32.store (i32.add (local.get $out) (local.get $off))
      (i32.load (i32.load (i32.add (local.get $addr) (local.get $off))))))
  (func $load64 (param $i i32) (param $n i32) (param $b i32)
        (param $addr i32) (param $addr_len i32) (param $out i32) (param $out_len i32)
    (local $off i32)
    (local.set $off (i32.shl (local.get $i) (i32.const 2)))
    (i32.store (i32.add (local.get $out) (local.get $off))
      (i32.trunc_f64_s (f64.mul (f64.const 4)
        (f64.load (i32.load (i32.add (local.get $addr) (local.get $off))))))))
"#;

/// The initial memory of the [`BIG_STATICS`] guest: 458 MB, more than lavapipe binds at once.
const BIG_PAGES: u32 = 7000;

fn big_statics_on(ctx: &WasiParallelHost, kernel: i32, addresses: &[i32]) -> (i32, Vec<i32>) {
    let memory = format!("(memory (export \"memory\") {BIG_PAGES})");
    let mut g = GuestProgram::with_memory(&memory, BIG_STATICS)
        .expect("guest")
        .instantiate(ctx)
        .expect("instantiate");
    let device = g.device(1).expect("device");
    let n = addresses.len();
    let addr = g.buffer(device, (n * 4) as i32, 0).expect("addresses");
    let out = g.buffer(device, (n * 4) as i32, 1).expect("out");
    g.write_i32s(addr, 0x8000, addresses).expect("write");
    let errno = g.run(kernel, n as i32, &[addr], &[out]);
    (errno, g.read_i32s(out, 0x9000, n).expect("read"))
}

/// A guest with 458 MB of initial memory and 16 bytes of data: the device binds the data only,
/// kernels read zeros after it up to the memory's end and trap past it, as on the CPU (strict).
pub fn large_static_memories_bind_their_data_only(devices: &[String]) {
    let end = (BIG_PAGES * 65536) as i32;
    let inside = [1024, 1028, 1032, 1036, 1 << 24, end - 4, 0];
    let doubles = [1032, 1024, 1 << 24, end - 8];
    let cases: [(i32, &[i32]); 2] = [(1, &inside), (2, &doubles)];
    for (kernel, addresses) in cases {
        let expected = big_statics_on(shared_ctx(), kernel, addresses);
        for name in devices {
            let got = big_statics_on(&ctx_on(name, true), kernel, addresses);
            assert_eq!(
                got.0, expected.0,
                "{name}: kernel {kernel} at {addresses:?}: errno"
            );
            if got.0 == 0 {
                assert_eq!(
                    got.1, expected.1,
                    "{name}: kernel {kernel} at {addresses:?}"
                );
            }
        }
    }
    // What the CPU reads: the data, then zeros.
    let expected = (0, vec![42, 0, 0, 0x3ff8_0000, 0, 0, 0]);
    assert_eq!(big_statics_on(shared_ctx(), 1, &inside), expected);
    assert_eq!(
        big_statics_on(shared_ctx(), 2, &doubles),
        (0, vec![6, 0, 0, 0])
    );
    // Past the guest's memory a GPU traps. (The CPU executor's kernel memory has the workers'
    // stacks there, which a kernel may read.)
    for name in devices {
        for (kernel, addresses) in [(1, [1024, end]), (2, [1024, end - 4])] {
            let (errno, _) = big_statics_on(&ctx_on(name, true), kernel, &addresses);
            assert_eq!(
                errno,
                Errno::KernelTrapped.raw(),
                "{name}: kernel {kernel} past the memory"
            );
        }
    }
}

/// Pointer comparisons as compilers emit them: `$alias` doubles `in` into `out` on the path an
/// alias check between the two buffers picks (the other path would give other numbers), after
/// null checks of both pointers.
const POINTER_COMPARISONS: &str = r#"
  (table 2 funcref)
  (elem (i32.const 1) $alias)
  (func $alias (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $off i32) (local $x i32)
    (if (i32.eqz (local.get $in)) (then unreachable))
    (if (i32.eq (local.get $out) (i32.const 0)) (then unreachable))
    (local.set $off (i32.shl (local.get $i) (i32.const 2)))
    (local.set $x (i32.load (i32.add (local.get $in) (local.get $off))))
    (if (i32.or
          (i32.le_u (i32.add (local.get $out) (local.get $out_len)) (local.get $in))
          (i32.le_u (i32.add (local.get $in) (local.get $in_len)) (local.get $out)))
      (then (local.set $x (i32.mul (local.get $x) (i32.const 2))))
      (else (local.set $x (i32.const -1))))
    (if (i32.ne (local.get $in) (local.get $out))
      (then (local.set $x (i32.add (local.get $x) (i32.const 1)))))
    (i32.store (i32.add (local.get $out) (local.get $off)) (local.get $x)))
"#;

fn pointer_comparisons_on(ctx: &WasiParallelHost, n: usize) -> (i32, Vec<i32>) {
    let mut g = GuestProgram::new(POINTER_COMPARISONS)
        .expect("guest")
        .instantiate(ctx)
        .expect("instantiate");
    let device = g.device(1).expect("device");
    let input = g.buffer(device, (n * 4) as i32, 0).expect("in");
    let out = g.buffer(device, (n * 4) as i32, 1).expect("out");
    let data: Vec<i32> = (0..n as i32).map(|i| i * 3 - 50).collect();
    g.write_i32s(input, 0x1000, &data).expect("write");
    let errno = g.run(1, n as i32, &[input], &[out]);
    (errno, g.read_i32s(out, 0x2000, n).expect("read"))
}

/// Alias checks between two buffers and null checks translate (strict) and take the paths they
/// take on the CPU.
pub fn pointer_comparisons_agree_with_the_cpu_executor(devices: &[String]) {
    let n = 300;
    let expected = pointer_comparisons_on(shared_ctx(), n);
    assert_eq!(expected.0, 0);
    assert_eq!(expected.1[..3], [-99, -93, -87], "the no-alias path");
    for name in devices {
        assert_eq!(
            pointer_comparisons_on(&ctx_on(name, true), n),
            expected,
            "{name}"
        );
    }
}

/// Atomics as compilers emit them for `-matomics` / `AtomicU32` (function pointers):
/// 1 `$histogram`: `bins[in[i] % 16] += 1`, with colliding bins, then `bins[16 + i % 8]`
///   and-ed, or-ed, xor-ed and subtracted by items that collide too;
/// 2 `$maximum`: the maximum of `in` into `bins[0]` by a compare-exchange loop, and into
///   `bins[1 + i]` each item's exchange of its own word, plus `memory.atomic.notify`'s count;
/// 3 `$stack`: the same read-modify-writes on a word of the shadow stack.
const ATOMICS: &str = r#"
  (global $__stack_pointer (mut i32) (i32.const 65536))
  (table 5 funcref)
  (elem (i32.const 1) $histogram $maximum $stack $wide)
  (func $wide (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $bins i32) (param $bins_len i32)
    (local $x i64) (local $old i64) (local $seen i64) (local $at i32)
    (local.set $x (i64.extend_i32_s
      (i32.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2))))))
    ;; 16 bins of 64-bit sums past 32 bits, with colliding items.
    (local.set $at (i32.add (local.get $bins)
      (i32.shl (i32.and (i32.wrap_i64 (local.get $x)) (i32.const 15)) (i32.const 3))))
    (drop (i64.atomic.rmw.add (local.get $at)
      (i64.add (i64.shl (local.get $x) (i64.const 32)) (i64.const 1))))
    (drop (i64.atomic.rmw.xor offset=128 (local.get $bins) (i64.rotl (local.get $x) (i64.extend_i32_u (local.get $i)))))
    (drop (i64.atomic.rmw.or offset=136 (local.get $bins) (i64.shl (i64.const 1) (i64.extend_i32_u (local.get $i)))))
    (drop (i64.atomic.rmw.and offset=144 (local.get $bins) (i64.xor (i64.shl (i64.const 1) (i64.extend_i32_u (local.get $i))) (i64.const -1))))
    (drop (i64.atomic.rmw.sub offset=152 (local.get $bins) (local.get $x)))
    ;; The largest (x << 32 | i) by a compare-exchange loop.
    (local.set $x (i64.or (i64.shl (local.get $x) (i64.const 32)) (i64.extend_i32_u (local.get $i))))
    (local.set $old (i64.atomic.load offset=160 (local.get $bins)))
    (block $done
      (loop $again
        (br_if $done (i64.ge_s (local.get $old) (local.get $x)))
        (local.set $seen (i64.atomic.rmw.cmpxchg offset=160 (local.get $bins) (local.get $old) (local.get $x)))
        (br_if $done (i64.eq (local.get $seen) (local.get $old)))
        (local.set $old (local.get $seen))
        (br $again)))
    (i64.atomic.store offset=168 (local.get $bins)
      (i64.add (i64.atomic.rmw.xchg offset=176 (local.get $bins) (i64.const 7)) (i64.const 1))))
  (func $histogram (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $bins i32) (param $bins_len i32)
    (local $x i32) (local $at i32)
    (local.set $x (i32.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2)))))
    (drop (i32.atomic.rmw.add
      (i32.add (local.get $bins) (i32.shl (i32.rem_u (local.get $x) (i32.const 16)) (i32.const 2)))
      (i32.const 1)))
    (local.set $at (i32.add (local.get $bins)
      (i32.shl (i32.add (i32.const 16) (i32.rem_u (local.get $i) (i32.const 8))) (i32.const 2))))
    (drop (i32.atomic.rmw.and offset=32 (local.get $at) (i32.xor (i32.shl (i32.const 1) (i32.rem_u (local.get $i) (i32.const 31))) (i32.const -1))))
    (drop (i32.atomic.rmw.or offset=64 (local.get $at) (i32.shl (i32.const 1) (i32.rem_u (local.get $x) (i32.const 32)))))
    (drop (i32.atomic.rmw.xor offset=96 (local.get $at) (local.get $x)))
    (drop (i32.atomic.rmw.sub offset=128 (local.get $at) (local.get $x))))
  (func $maximum (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $bins i32) (param $bins_len i32)
    (local $x i32) (local $old i32) (local $seen i32) (local $own i32)
    (local.set $x (i32.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2)))))
    (local.set $old (i32.atomic.load (local.get $bins)))
    (block $done
      (loop $again
        (br_if $done (i32.ge_s (local.get $old) (local.get $x)))
        (local.set $seen (i32.atomic.rmw.cmpxchg (local.get $bins) (local.get $old) (local.get $x)))
        (br_if $done (i32.eq (local.get $seen) (local.get $old)))
        (local.set $old (local.get $seen))
        (br $again)))
    (local.set $own (i32.add (local.get $bins) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2))))
    (i32.atomic.store (local.get $own)
      (i32.add (i32.atomic.rmw.xchg (local.get $own) (local.get $x))
        (memory.atomic.notify (local.get $own) (i32.const 1)))))
  (func $stack (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $bins i32) (param $bins_len i32)
    (local $sp i32) (local $x i32)
    (local.set $x (i32.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2)))))
    (local.set $sp (i32.sub (global.get $__stack_pointer) (i32.const 16)))
    (global.set $__stack_pointer (local.get $sp))
    (i32.atomic.store (local.get $sp) (local.get $i))
    (drop (i32.atomic.rmw.add (local.get $sp) (local.get $x)))
    (drop (i32.atomic.rmw.xor (local.get $sp) (i32.const 0x55)))
    (drop (i32.atomic.rmw.cmpxchg (local.get $sp) (i32.const 7) (i32.const 700)))
    (i32.store (i32.add (local.get $bins) (i32.shl (local.get $i) (i32.const 2)))
      (i32.add (i32.atomic.load (local.get $sp))
        (i32.atomic.rmw.cmpxchg (local.get $sp) (i32.atomic.load (local.get $sp)) (i32.const 1))))
    (global.set $__stack_pointer (i32.add (local.get $sp) (i32.const 16))))
"#;

fn atomics_on(ctx: &WasiParallelHost, kernel: i32, input: &[i32], bins: usize) -> (i32, Vec<i32>) {
    let mut g = GuestProgram::new(ATOMICS)
        .expect("guest")
        .instantiate(ctx)
        .expect("instantiate");
    let device = g.device(1).expect("device");
    let n = input.len();
    let inp = g.buffer(device, (n * 4) as i32, 0).expect("in");
    let out = g.buffer(device, (bins * 4) as i32, 2).expect("bins");
    g.write_i32s(inp, 0x1000, input).expect("write");
    let init: Vec<i32> = (0..bins as i32)
        .map(|k| if k >= 16 { -1 } else { 0 })
        .collect();
    g.write_i32s(out, 0x8000, &init).expect("write");
    let errno = g.run(kernel, n as i32, &[inp], &[out]);
    (errno, g.read_i32s(out, 0xa000, bins).expect("read"))
}

/// Histograms with colliding bins, every read-modify-write, compare-exchange loops, atomic
/// loads, stores and exchanges, notify, and atomics on the stack (strict: translated), in 32
/// and 64 bits (where the device has 64-bit atomics: lavapipe and PoCL do), against the CPU
/// executor.
pub fn atomics_agree_with_the_cpu_executor(devices: &[String]) {
    let n = 1000;
    let input: Vec<i32> = (0..n as i32)
        .map(|i| (i * 7919 + 13) % 1009 - 100)
        .collect();
    // Kernel 4: 64-bit atomics (23 words: 16 bins, 4 bit words, the maximum, 2 more).
    let cases = [(1, 16 + 8 * 5), (2, n + 1), (3, n), (4, 2 * 23)];
    for (kernel, bins) in cases {
        let expected = atomics_on(shared_ctx(), kernel, &input, bins);
        assert_eq!(expected.0, 0, "kernel {kernel} on the CPU");
        if kernel == 1 {
            assert_eq!(
                expected.1[..16].iter().sum::<i32>(),
                n as i32,
                "every item counted"
            );
        }
        if kernel == 2 {
            assert_eq!(expected.1[0], *input.iter().max().unwrap(), "the maximum");
        }
        if kernel == 4 {
            let word = |k: usize| {
                (expected.1[2 * k] as u32 as u64 | (expected.1[2 * k + 1] as u32 as u64) << 32)
                    as i64
            };
            // Words from the 8th start at -1 (see `atomics_on`).
            let start = |k: usize| if k >= 8 { -1 } else { 0 };
            let counts: i64 = (0..16)
                .map(|k| word(k).wrapping_sub(start(k)) & 0xffff_ffff)
                .sum();
            assert_eq!(counts, n as i64, "every item counted in the low words");
            let max = (0..n).map(|i| (i64::from(input[i]) << 32) | i as i64).max();
            assert_eq!(Some(word(20)), max, "the 64-bit maximum");
        }
        for name in devices {
            let ctx = ctx_on(name, true);
            let got = atomics_on(&ctx, kernel, &input, bins);
            if kernel == 3 && got.0 == Errno::UnsupportedKernel.raw() && name.starts_with("wgpu") {
                // lavapipe is not given kernels with a shadow stack.
                continue;
            }
            let info = ctx.devices().iter().find(|d| d.info().name == *name);
            if kernel == 4 && !info.expect("the device").info().i64_atomics {
                assert_eq!(
                    got.0,
                    Errno::UnsupportedKernel.raw(),
                    "{name}: no 64-bit atomics"
                );
                eprintln!("{name}: no 64-bit atomics");
                continue;
            }
            assert_eq!(got, expected, "{name}: kernel {kernel}");
        }
    }
}

/// `$big`: each work item updates 1024 words of one buffer, `x[w] = x[w] * 3 + w`, and item 0
/// stores the buffer's length (its kernel parameter) into a second buffer, `len`. The guest's
/// `fill` puts the words the buffer starts with (`w ^ 0x9e3779b9`) at 0x10000 of its memory,
/// `clear` zeroes them, and `check` gives the first word there that is not what the kernel
/// makes of them, or -1: in Wasm, since the test's own code is built without optimisation.
const BIG_BUFFER: &str = r#"
  (table 2 funcref)
  (elem (i32.const 1) $big)
  (func $big (param $i i32) (param $n i32) (param $b i32)
        (param $x i32) (param $x_len i32) (param $len i32) (param $len_len i32)
    (local $w i32) (local $p i32)
    (local.set $w (i32.shl (local.get $i) (i32.const 10)))
    (local.set $p (i32.add (local.get $x) (i32.shl (local.get $w) (i32.const 2))))
    (loop $words
      (i32.store (local.get $p)
        (i32.add (i32.mul (i32.load (local.get $p)) (i32.const 3)) (local.get $w)))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (local.set $w (i32.add (local.get $w) (i32.const 1)))
      (br_if $words (i32.and (local.get $w) (i32.const 1023))))
    (if (i32.eqz (local.get $i))
      (then (i32.store (local.get $len) (local.get $x_len)))))
  (func (export "fill") (result i32)
    (local $w i32)
    (loop $words
      (i32.store (i32.add (i32.const 0x10000) (i32.shl (local.get $w) (i32.const 2)))
        (i32.xor (local.get $w) (i32.const 0x9e3779b9)))
      (local.set $w (i32.add (local.get $w) (i32.const 1)))
      (br_if $words (i32.lt_u (local.get $w) (i32.const 0x8000000))))
    (i32.const 0))
  (func (export "clear") (result i32)
    (memory.fill (i32.const 0x10000) (i32.const 0) (i32.const 0x20000000))
    (i32.const 0))
  (func (export "check") (result i32)
    (local $w i32)
    (loop $words
      (if (i32.ne
            (i32.load (i32.add (i32.const 0x10000) (i32.shl (local.get $w) (i32.const 2))))
            (i32.add (i32.mul (i32.xor (local.get $w) (i32.const 0x9e3779b9)) (i32.const 3))
              (local.get $w)))
        (then (return (local.get $w))))
      (local.set $w (i32.add (local.get $w) (i32.const 1)))
      (br_if $words (i32.lt_u (local.get $w) (i32.const 0x8000000))))
    (i32.const -1))
"#;

/// Bytes of the [`BIG_BUFFER`] guest's buffer: 512 MiB (0x20000000), four times what one
/// storage binding of lavapipe holds.
const BIG_BYTES: usize = 512 << 20;

/// A 512 MiB buffer used by a kernel, in strict mode (on the device, not the CPU): every word
/// is read and written, each where the CPU would, and the kernel sees the whole length.
pub fn a_512_mib_buffer_is_used_by_a_kernel(devices: &[String]) {
    const AT: i32 = 0x10000;
    let pages = (AT as usize + BIG_BYTES) / 65536;
    let memory = format!("(memory (export \"memory\") {pages})");
    for name in devices {
        let ctx = ctx_on(name, true);
        let mut g = GuestProgram::with_memory(&memory, BIG_BUFFER)
            .expect("guest")
            .instantiate(&ctx)
            .expect("instantiate");
        let device = g.device(1).expect("device");
        let x = g
            .buffer(device, BIG_BYTES as i32, 2)
            .unwrap_or_else(|e| panic!("{name}: a buffer of 512 MiB: {e}"));
        let len = g.buffer(device, 4, 1).expect("len");
        g.call_export("fill").expect("fill");
        Guest::ok(g.write_buffer_raw(AT, BIG_BYTES as i32, x)).expect("write");
        // What is read back can only come from the device.
        g.call_export("clear").expect("clear");
        let items = (BIG_BYTES / 4 / 1024) as i32;
        let errno = g.run(1, items, &[], &[x, len]);
        assert_eq!(errno, 0, "{name}: errno");
        Guest::ok(g.read_buffer_raw(x, AT, BIG_BYTES as i32)).expect("read");
        assert_eq!(
            g.call_export("check").expect("check"),
            -1,
            "{name}: the first word that is wrong"
        );
        assert_eq!(
            g.read_i32s(len, 0x1000, 1).expect("read"),
            [BIG_BYTES as i32],
            "{name}: the length the kernel was passed"
        );
    }
}
