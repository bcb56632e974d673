//! `parallel_exec`: a prototype-style guest in WAT with a shared memory and an embedded kernel
//! module (zero-copy), the same kernel in a guest with a plain memory (copied buffers), and
//! `parallel_for` in a shared-memory guest.

use wasi_parallel_runtime::{Errno, WasiParallelCtx, WasiParallelHost};
use wasi_parallel_tests::{ctx, engine, Guest, GuestProgram, KERNELS};
use wasmtime::{Linker, Module, Store};

/// `out[i] = in[i] * in[i] + i`, i32.
const SQUARE_KERNEL: &str = r#"
(module
  (import "" "memory" (memory 1 1 shared))
  (func (export "kernel") (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $x i32)
    (local.set $x (i32.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2)))))
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (i32.add (i32.mul (local.get $x) (local.get $x)) (local.get $i)))))
"#;

fn wat_bytes(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("\\{b:02x}")).collect()
}

/// A guest in the style of the proposal's prototypes: everything in WAT, the kernel module
/// embedded as data, buffers placed by `write_buffer` in the guest's shared memory (the input's
/// data at 0x4000, the output at 0x5000).
fn prototype_guest(kernel: &[u8]) -> String {
    prototype_guest_at(kernel, 0x4000)
}

/// [`prototype_guest`] with the input's data at `input`.
fn prototype_guest_at(kernel: &[u8], input: u32) -> String {
    format!(
        r#"
(module
  (import "wasi_ephemeral_parallel" "get_device" (func $get_device (param i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "create_buffer" (func $create_buffer (param i32 i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "write_buffer" (func $write_buffer (param i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "read_buffer" (func $read_buffer (param i32 i32 i32) (result i32)))
  (import "wasi_ephemeral_parallel" "parallel_exec" (func $parallel_exec (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2 2 shared)
  (data (i32.const 0x100) "{kernel}")
  (data (i32.const {input}) "\01\00\00\00\02\00\00\00\03\00\00\00\04\00\00\00\05\00\00\00\06\00\00\00\07\00\00\00\08\00\00\00")
  (func $check (param $errno i32)
    (if (local.get $errno) (then unreachable)))
  (func (export "run") (result i32)
    (local $errno i32)
    (call $check (call $get_device (i32.const 1) (i32.const 0x10)))
    (call $check (call $create_buffer (i32.load (i32.const 0x10)) (i32.const 32) (i32.const 0) (i32.const 0x20)))
    (call $check (call $create_buffer (i32.load (i32.const 0x10)) (i32.const 32) (i32.const 1) (i32.const 0x24)))
    ;; write_buffer records where the data (and the output's place) lies: no copy.
    (call $check (call $write_buffer (i32.const {input}) (i32.const 32) (i32.load (i32.const 0x20))))
    (call $check (call $write_buffer (i32.const 0x5000) (i32.const 32) (i32.load (i32.const 0x24))))
    (local.set $errno (call $parallel_exec
      (i32.load (i32.const 0x10))
      (i32.const 0x100) (i32.const {len})
      (i32.const 8) (i32.const 1)
      (i32.const 0x20) (i32.const 1)
      (i32.const 0x24) (i32.const 1)))
    (if (local.get $errno) (then (return (local.get $errno))))
    (call $read_buffer (i32.load (i32.const 0x24)) (i32.const 0x6000) (i32.const 32))))
"#,
        kernel = wat_bytes(kernel),
        len = kernel.len()
    )
}

/// `out[i]` is `in[i]` plus 100 if `&in[i] < out`, 1000 if `in > out`, 10000 if
/// `out + out_len <= in`, 100000 if `in < 0x6000` and 1000000 if `out - in < 0x1001` (a
/// vectoriser's alias check): comparisons of pointers into two buffers, of a pointer with an
/// address, and the distance between two buffers, whose answers depend on where the guest put
/// the buffers.
const COMPARE_KERNEL: &str = r#"
(module
  (import "" "memory" (memory 1 1 shared))
  (func (export "kernel") (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $p i32)
    (local.set $p (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2))))
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (i32.add (i32.load (local.get $p))
        (i32.add (i32.mul (i32.lt_u (local.get $p) (local.get $out)) (i32.const 100))
          (i32.add (i32.mul (i32.gt_s (local.get $in) (local.get $out)) (i32.const 1000))
            (i32.add
              (i32.mul (i32.le_u (i32.add (local.get $out) (local.get $out_len)) (local.get $in))
                (i32.const 10000))
              (i32.add
                (i32.mul (i32.lt_u (local.get $in) (i32.const 0x6000)) (i32.const 100000))
                (i32.mul (i32.lt_u (i32.sub (local.get $out) (local.get $in)) (i32.const 0x1001))
                  (i32.const 1000000))))))))))
"#;

fn expected() -> Vec<i32> {
    (1..=8).map(|x| x * x + (x - 1)).collect()
}

/// Runs the prototype guest around `kernel` on `host`: its errno, the output in place in the
/// guest's memory, and what `read_buffer` gave.
fn run_prototype(
    host: &WasiParallelHost,
    kernel: &[u8],
) -> anyhow::Result<(i32, Vec<i32>, Vec<i32>)> {
    run_prototype_guest(host, &prototype_guest(kernel))
}

/// Runs a prototype guest (see [`prototype_guest_at`]) on `host`.
fn run_prototype_guest(
    host: &WasiParallelHost,
    guest: &str,
) -> anyhow::Result<(i32, Vec<i32>, Vec<i32>)> {
    let wasm = wat::parse_str(guest)?;
    let module = Module::new(engine(), &wasm)?;
    let mut linker = Linker::new(engine());
    wasi_parallel_runtime::add_to_linker(&mut linker, |s: &mut WasiParallelCtx| s)?;
    // The prototype guest never uses parallel_for: the host needs no module bytes.
    let mut store = Store::new(engine(), WasiParallelCtx::without_guest(host));
    let instance = linker.instantiate(&mut store, &module)?;
    let memory = instance
        .get_shared_memory(&mut store, "memory")
        .expect("shared memory");
    let run = instance.get_typed_func::<(), i32>(&mut store, "run")?;
    let errno = run.call(&mut store, ())?;
    let read = |at: usize| -> Vec<i32> {
        let data = memory.data();
        (0..8)
            .map(|i| {
                // SAFETY: nothing else runs in this guest now.
                let bytes: Vec<u8> = (0..4)
                    .map(|b| unsafe { *data[at + 4 * i + b].get() })
                    .collect();
                i32::from_le_bytes(bytes.try_into().unwrap())
            })
            .collect()
    };
    Ok((errno, read(0x5000), read(0x6000)))
}

#[test]
fn prototype_guest_runs_zero_copy_in_shared_memory() -> anyhow::Result<()> {
    let kernel = wat::parse_str(SQUARE_KERNEL)?;
    let (errno, in_place, read) = run_prototype(&ctx(2), &kernel)?;
    assert_eq!(errno, 0);
    assert_eq!(
        in_place,
        expected(),
        "the kernel wrote the guest's memory in place"
    );
    assert_eq!(
        read,
        expected(),
        "read_buffer copied from the recorded place"
    );
    Ok(())
}

/// The same kernel as [`SQUARE_KERNEL`], through a `memory.size` the translator refuses.
const SQUARE_KERNEL_NO_GPU: &str = r#"
(module
  (import "" "memory" (memory 1 1 shared))
  (func (export "kernel") (param $i i32) (param $n i32) (param $b i32)
        (param $in i32) (param $in_len i32) (param $out i32) (param $out_len i32)
    (local $x i32)
    (local.set $x (i32.load (i32.add (local.get $in) (i32.shl (local.get $i) (i32.const 2)))))
    (i32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
      (i32.add (i32.mul (local.get $x) (local.get $x))
        (i32.add (local.get $i) (i32.mul (memory.size) (i32.const 0)))))))
"#;

/// PR #4949's style on GPUs: the views of a shared memory go to the device and back (strict:
/// translated), and a kernel the translator cannot take runs zero-copy on the CPU executor, or
/// is `UNSUPPORTED_KERNEL` in strict mode.
#[test]
fn prototype_guest_runs_on_every_device() -> anyhow::Result<()> {
    let square = wat::parse_str(SQUARE_KERNEL)?;
    let no_gpu = wat::parse_str(SQUARE_KERNEL_NO_GPU)?;
    for (name, backend) in wasi_parallel_tests::suite::devices() {
        let strict = wasi_parallel_tests::gpu::ctx_on(&name, true);
        let (errno, in_place, read) = run_prototype(&strict, &square)?;
        assert_eq!(errno, 0, "{name}");
        assert_eq!(in_place, expected(), "{name}: the output's view");
        assert_eq!(read, expected(), "{name}: read_buffer");
        let (errno, in_place, _) =
            run_prototype(&wasi_parallel_tests::gpu::ctx_on(&name, false), &no_gpu)?;
        assert_eq!(errno, 0, "{name}: the CPU fallback");
        assert_eq!(in_place, expected(), "{name}: the CPU fallback's output");
        if matches!(backend, "wgpu" | "opencl") {
            let (errno, ..) = run_prototype(&strict, &no_gpu)?;
            assert_eq!(errno, Errno::UnsupportedKernel.raw(), "{name}: strict");
        }
    }
    Ok(())
}

/// Pointers into two buffers of a shared memory compare on GPUs as they do in the guest: by the
/// places the guest gave the buffers (the input above the output, against parameter order, and
/// below it), on every device, strict.
#[test]
fn pointers_into_views_compare_by_their_guest_addresses_on_every_device() -> anyhow::Result<()> {
    let kernel = wat::parse_str(COMPARE_KERNEL)?;
    for (input, flags) in [(0x7000, 11000), (0x4000, 1_100_100)] {
        let guest = prototype_guest_at(&kernel, input);
        let want: Vec<i32> = (1..=8).map(|x| x + flags).collect();
        let (errno, in_place, _) = run_prototype_guest(&ctx(2), &guest)?;
        assert_eq!(
            (errno, &in_place),
            (0, &want),
            "input at {input:#x}: the CPU"
        );
        for (name, _) in wasi_parallel_tests::suite::devices() {
            let strict = wasi_parallel_tests::gpu::ctx_on(&name, true);
            let (errno, in_place, _) = run_prototype_guest(&strict, &guest)?;
            assert_eq!(errno, 0, "{name}: input at {input:#x}");
            assert_eq!(in_place, want, "{name}: input at {input:#x}");
        }
    }
    Ok(())
}

/// The same kernel module through the harness, in a guest with a plain memory.
#[test]
fn parallel_exec_with_copied_buffers() -> anyhow::Result<()> {
    let kernel = wat::parse_str(SQUARE_KERNEL)?;
    let mut g = GuestProgram::new(KERNELS)?.instantiate(&ctx(2))?;
    g.poke(0x8000, &kernel);
    let klen = kernel.len() as i32;
    for hint in [0, 1] {
        let device = g.device(hint)?;
        let input = g.buffer(device, 32, 0)?;
        let output = g.buffer(device, 32, 1)?;
        g.write_i32s(input, 0x1000, &(1..=8).collect::<Vec<_>>())?;
        let (ip, ic) = g.list(0x200, &[input]);
        let (op, oc) = g.list(0x280, &[output]);
        Guest::ok(g.parallel_exec_raw(device, 0x8000, klen, 8, 1, ip, ic, op, oc))?;
        assert_eq!(g.read_i32s(output, 0x2000, 8)?, expected());

        // Hostile kernel modules and arguments.
        let raw = Errno::raw;
        assert_eq!(
            g.parallel_exec_raw(device, 0x8000, klen - 3, 8, 1, ip, ic, op, oc),
            raw(Errno::InvalidKernel),
            "truncated"
        );
        assert_eq!(
            g.parallel_exec_raw(device, 0x8000, -1, 8, 1, ip, ic, op, oc),
            raw(Errno::InvalidArgument)
        );
        assert_eq!(
            g.parallel_exec_raw(device, -100, 200, 8, 1, ip, ic, op, oc),
            raw(Errno::OutOfBounds)
        );
        assert_eq!(
            g.parallel_exec_raw(device, 0x8000, klen, 8, 1, ip, ic, op, 0),
            raw(Errno::InvalidKernel),
            "arity"
        );
        assert_eq!(
            g.parallel_exec_raw(99, 0x8000, klen, 8, 1, ip, ic, op, oc),
            raw(Errno::BadHandle)
        );
        // A store outside the space traps.
        let far = wat::parse_str(
            r#"(module (import "" "memory" (memory 1))
                 (func (export "kernel") (param i32 i32 i32 i32 i32 i32 i32)
                   (i32.store (i32.const -4) (i32.const 0))))"#,
        )?;
        g.poke(0x9000, &far);
        assert_eq!(
            g.parallel_exec_raw(device, 0x9000, far.len() as i32, 8, 1, ip, ic, op, oc),
            raw(Errno::KernelTrapped)
        );
        let no_export =
            wat::parse_str(r#"(module (import "" "memory" (memory 1)) (func (export "other")))"#)?;
        g.poke(0xa000, &no_export);
        assert_eq!(
            g.parallel_exec_raw(device, 0xa000, no_export.len() as i32, 8, 1, ip, ic, op, oc),
            raw(Errno::InvalidKernel)
        );
        let with_data = wat::parse_str(
            r#"(module (import "" "memory" (memory 1)) (data (i32.const 0) "x")
                 (func (export "kernel") (param i32 i32 i32 i32 i32 i32 i32)))"#,
        )?;
        g.poke(0xb000, &with_data);
        assert_eq!(
            g.parallel_exec_raw(device, 0xb000, with_data.len() as i32, 8, 1, ip, ic, op, oc),
            raw(Errno::UnsupportedKernel)
        );
    }
    Ok(())
}

#[test]
fn parallel_for_in_a_shared_memory_guest_uses_views() -> anyhow::Result<()> {
    let program = GuestProgram::with_memory("(memory (export \"memory\") 16 16 shared)", KERNELS)?;
    let mut g = program.instantiate(&ctx(2))?;
    let cpu = g.device(1)?;
    let input = g.buffer(cpu, 64, 0)?;
    let output = g.buffer(cpu, 64, 1)?;
    let data: Vec<i32> = (0..16).map(|i| i * 5).collect();
    g.write_i32s(input, 0x1000, &data)?;
    // The output's place in guest memory, given by write_buffer.
    g.write_i32s(output, 0x2000, &[0; 16])?;
    Guest::ok(g.run(1, 16, &[input], &[output]))?;
    let doubled: Vec<i32> = data.iter().map(|x| x * 2).collect();
    assert_eq!(
        g.peek_i32s(0x2000, 16),
        doubled,
        "the output's view holds the result"
    );
    assert_eq!(g.read_i32s(output, 0x3000, 16)?, doubled);
    // A zero-copy exec needs every buffer placed.
    let kernel = wat::parse_str(SQUARE_KERNEL)?;
    g.poke(0x8000, &kernel);
    let unplaced = g.buffer(cpu, 64, 1)?;
    let (ip, ic) = g.list(0x200, &[input]);
    let (op, oc) = g.list(0x280, &[unplaced]);
    assert_eq!(
        g.parallel_exec_raw(cpu, 0x8000, kernel.len() as i32, 16, 1, ip, ic, op, oc),
        Errno::InvalidArgument.raw()
    );
    Ok(())
}
