//! Every ABI call, on `sequential` and `cpu`, with good and hostile input.

use std::sync::OnceLock;

use wasi_parallel_runtime::{Errno, WasiParallelHost};
use wasi_parallel_tests::{ctx, Guest, GuestProgram, KERNELS, OUT};

const SEQUENTIAL: i32 = 0;
const CPU: i32 = 1;
const READ: i32 = 0;
const WRITE: i32 = 1;
const READ_WRITE: i32 = 2;

fn shared_ctx() -> &'static WasiParallelHost {
    static CTX: OnceLock<WasiParallelHost> = OnceLock::new();
    CTX.get_or_init(|| ctx(2))
}

fn program() -> &'static GuestProgram {
    static PROGRAM: OnceLock<GuestProgram> = OnceLock::new();
    PROGRAM.get_or_init(|| GuestProgram::new(KERNELS).expect("harness guest"))
}

fn guest() -> Guest {
    program().instantiate(shared_ctx()).expect("instantiate")
}

fn e(errno: Errno) -> i32 {
    errno.raw()
}

/// Doubles `n` i32s with kernel 1 on the device of `hint` and checks the result.
fn double_on(g: &mut Guest, hint: i32, n: usize) -> anyhow::Result<()> {
    let device = g.device(hint)?;
    let input = g.buffer(device, (n * 4) as i32, READ)?;
    let output = g.buffer(device, (n * 4) as i32, WRITE)?;
    let data: Vec<i32> = (0..n as i32).map(|i| i * 3 - 7).collect();
    g.write_i32s(input, 0x1000, &data)?;
    Guest::ok(g.run(1, n as i32, &[input], &[output]))?;
    let result = g.read_i32s(output, 0x1000 + (n * 4) as u32, n)?;
    let expected: Vec<i32> = data.iter().map(|x| x * 2).collect();
    anyhow::ensure!(result == expected, "doubled values differ");
    Ok(())
}

#[test]
fn double_on_sequential_and_cpu() -> anyhow::Result<()> {
    let mut g = guest();
    double_on(&mut g, SEQUENTIAL, 1000)?;
    double_on(&mut g, CPU, 1000)?;
    // Enough items for every worker to take many chunks.
    double_on(&mut g, CPU, 4000)
}

#[test]
fn get_device_follows_hints_and_reuses_handles() -> anyhow::Result<()> {
    let mut g = guest();
    let seq = g.device(SEQUENTIAL)?;
    let cpu = g.device(CPU)?;
    assert_ne!(seq, cpu);
    assert_eq!(g.device(CPU)?, cpu, "the same device gets the same handle");
    // No GPU here: the GPU hints fall back to the cpu device.
    assert_eq!(g.device(2)?, cpu);
    assert_eq!(g.device(3)?, cpu);
    assert_eq!(g.get_device_raw(4, OUT as i32), e(Errno::InvalidArgument));
    assert_eq!(g.get_device_raw(-1, OUT as i32), e(Errno::InvalidArgument));
    assert_eq!(g.get_device_raw(CPU, -4), e(Errno::OutOfBounds));
    assert_eq!(g.get_device_raw(CPU, 16 * 65536 - 2), e(Errno::OutOfBounds));
    Ok(())
}

#[test]
fn strict_mode_has_no_fallback() -> anyhow::Result<()> {
    let strict = WasiParallelHost::builder()
        .threads(2)
        .strict(true)
        .build(wasi_parallel_tests::engine())?;
    let mut g = program().instantiate(&strict)?;
    assert_eq!(g.get_device_raw(2, OUT as i32), e(Errno::NoDevice));
    assert!(g.device(CPU).is_ok());
    Ok(())
}

#[test]
fn create_buffer_checks_its_arguments() -> anyhow::Result<()> {
    let mut g = guest();
    let cpu = g.device(CPU)?;
    assert_eq!(
        g.create_buffer_raw(cpu, -1, READ, OUT as i32),
        e(Errno::InvalidArgument)
    );
    assert_eq!(
        g.create_buffer_raw(cpu, 16, 3, OUT as i32),
        e(Errno::InvalidArgument)
    );
    assert_eq!(
        g.create_buffer_raw(cpu, 16, READ, -1),
        e(Errno::OutOfBounds)
    );
    assert_eq!(
        g.create_buffer_raw(0, 16, READ, OUT as i32),
        e(Errno::BadHandle)
    );
    assert_eq!(
        g.create_buffer_raw(77, 16, READ, OUT as i32),
        e(Errno::BadHandle)
    );
    let buffer = g.buffer(cpu, 16, READ)?;
    assert_eq!(
        g.create_buffer_raw(buffer, 16, READ, OUT as i32),
        e(Errno::BadHandle),
        "a buffer is no device"
    );
    // Buffers far bigger than the guest's memory are fine; more than the device holds is not.
    let big = g.buffer(cpu, i32::MAX, READ_WRITE)?;
    assert_eq!(
        g.create_buffer_raw(cpu, i32::MAX, READ, OUT as i32),
        e(Errno::OutOfMemory)
    );
    // Writing more than the guest's memory holds is out of bounds.
    assert_eq!(g.write_buffer_raw(0, i32::MAX, big), e(Errno::OutOfBounds));
    double_on(&mut g, CPU, 10)
}

#[test]
fn write_and_read_check_ranges() -> anyhow::Result<()> {
    let mut g = guest();
    let cpu = g.device(CPU)?;
    let buffer = g.buffer(cpu, 64, READ_WRITE)?;
    let memory = 16 * 65536;
    assert_eq!(
        g.write_buffer_raw(0x1000, 65, buffer),
        e(Errno::OutOfBounds),
        "more than the buffer"
    );
    assert_eq!(
        g.write_buffer_raw(memory - 8, 16, buffer),
        e(Errno::OutOfBounds),
        "past the memory"
    );
    assert_eq!(
        g.write_buffer_raw(-16, 32, buffer),
        e(Errno::OutOfBounds),
        "wrapping around"
    );
    assert_eq!(g.write_buffer_raw(0, -1, buffer), e(Errno::InvalidArgument));
    assert_eq!(g.write_buffer_raw(0, 4, 0), e(Errno::BadHandle));
    assert_eq!(
        g.write_buffer_raw(0, 4, cpu),
        e(Errno::BadHandle),
        "a device is no buffer"
    );
    assert_eq!(g.read_buffer_raw(buffer, 0x1000, 4), e(Errno::NotWritten));
    g.write_i32s(buffer, 0x1000, &[1, 2, 3, 4])?;
    // A shorter write leaves the rest; a shorter read reads the start.
    assert_eq!(g.read_i32s(buffer, 0x2000, 2)?, vec![1, 2]);
    assert_eq!(g.read_buffer_raw(buffer, 0x2000, 65), e(Errno::OutOfBounds));
    assert_eq!(
        g.read_buffer_raw(buffer, memory - 2, 4),
        e(Errno::OutOfBounds)
    );
    assert_eq!(g.read_buffer_raw(buffer, -2, 4), e(Errno::OutOfBounds));
    assert_eq!(g.read_buffer_raw(buffer, 0, -4), e(Errno::InvalidArgument));
    assert_eq!(g.read_buffer_raw(-5, 0, 4), e(Errno::BadHandle));
    assert_eq!(g.read_i32s(buffer, 0x2000, 16)?[..4], [1, 2, 3, 4]);
    Ok(())
}

#[test]
fn handles_of_another_instance_are_foreign() -> anyhow::Result<()> {
    let mut a = guest();
    let mut b = guest();
    let cpu_a = a.device(CPU)?;
    let buffer_a = a.buffer(cpu_a, 16, READ)?;
    // `b` holds no handles yet: `a`'s are meaningless there.
    assert_eq!(b.write_buffer_raw(0, 4, buffer_a), e(Errno::BadHandle));
    assert_eq!(
        b.create_buffer_raw(cpu_a, 4, READ, OUT as i32),
        e(Errno::BadHandle)
    );
    Ok(())
}

#[test]
fn buffers_of_different_devices_do_not_mix() -> anyhow::Result<()> {
    let mut g = guest();
    let seq = g.device(SEQUENTIAL)?;
    let cpu = g.device(CPU)?;
    let input = g.buffer(seq, 16, READ)?;
    let output = g.buffer(cpu, 16, WRITE)?;
    g.write_i32s(input, 0x1000, &[1, 2, 3, 4])?;
    assert_eq!(g.run(1, 4, &[input], &[output]), e(Errno::InvalidArgument));
    // parallel_exec names its device: a buffer elsewhere is a bad handle there.
    let (ip, ic) = g.list(0x200, &[input]);
    let (op, oc) = g.list(0x280, &[output]);
    assert_eq!(
        g.parallel_exec_raw(cpu, 0x4000, 8, 4, 1, ip, ic, op, oc),
        e(Errno::BadHandle)
    );
    Ok(())
}

/// The 2021 host ran a `parallel_for` with no buffers, before any `get_device`, on its default
/// device; so does this one: the host's default device becomes the instance's, as `get_device`
/// would give it (the best one: the cpu device here, where no hint picks a software GPU).
#[test]
fn parallel_for_before_get_device_runs_on_the_default_device() -> anyhow::Result<()> {
    const BODY: &str = r#"
      (table 3 funcref)
      (elem (i32.const 1) $nothing $trap)
      (func $nothing (param i32 i32 i32))
      (func $trap (param i32 i32 i32) unreachable)"#;
    let program = GuestProgram::new(BODY)?;
    let mut g = program.instantiate(shared_ctx())?;
    Guest::ok(g.run(1, 64, &[], &[]))?;
    // It ran on a device: a kernel that traps says so.
    assert_eq!(g.run(2, 64, &[], &[]), e(Errno::KernelTrapped));
    // The device is the instance's first handle, the one get_device gives for its hint.
    assert_eq!(g.device(CPU)?, 1);
    assert_eq!(g.device(2)?, 1);
    // In strict mode too: the default is not a hint, so it needs no GPU.
    let strict = WasiParallelHost::builder()
        .threads(2)
        .strict(true)
        .build(wasi_parallel_tests::engine())?;
    let mut g = program.instantiate(&strict)?;
    Guest::ok(g.run(1, 64, &[], &[]))?;
    Ok(())
}

#[test]
fn launch_lists_are_checked() -> anyhow::Result<()> {
    let mut g = guest();
    let cpu = g.device(CPU)?;
    let input = g.buffer(cpu, 16, READ)?;
    let output = g.buffer(cpu, 16, WRITE)?;
    g.write_i32s(input, 0x1000, &[1, 2, 3, 4])?;
    assert_eq!(
        g.parallel_for_raw(1, 4, 1, -8, 1, 0x280, 1),
        e(Errno::OutOfBounds)
    );
    assert_eq!(
        g.parallel_for_raw(1, 4, 1, 0x200, -1, 0x280, 1),
        e(Errno::InvalidArgument)
    );
    assert_eq!(
        g.parallel_for_raw(1, 4, 1, 0x200, 1_000_000, 0x280, 1),
        e(Errno::InvalidArgument)
    );
    assert_eq!(g.run(1, -1, &[input], &[output]), e(Errno::InvalidArgument));
    assert_eq!(g.run(1, 4, &[input], &[99]), e(Errno::BadHandle));
    assert_eq!(g.run(1, 4, &[input], &[cpu]), e(Errno::BadHandle));
    // Zero work items is a valid, empty launch.
    assert_eq!(g.run(1, 0, &[input], &[output]), 0);
    Guest::ok(g.run(1, 4, &[input], &[output]))?;
    assert_eq!(g.read_i32s(output, 0x3000, 4)?, vec![2, 4, 6, 8]);
    Ok(())
}

#[test]
fn bad_kernels_are_refused() -> anyhow::Result<()> {
    let mut g = guest();
    let cpu = g.device(CPU)?;
    let input = g.buffer(cpu, 16, READ)?;
    let output = g.buffer(cpu, 16, WRITE)?;
    g.write_i32s(input, 0x1000, &[1, 2, 3, 4])?;
    assert_eq!(
        g.run(0, 4, &[input], &[output]),
        e(Errno::InvalidKernel),
        "null table slot"
    );
    assert_eq!(
        g.run(11, 4, &[input], &[output]),
        e(Errno::InvalidKernel),
        "past the table"
    );
    assert_eq!(g.run(-3, 4, &[input], &[output]), e(Errno::InvalidKernel));
    assert_eq!(
        g.run(4, 4, &[input], &[output]),
        e(Errno::InvalidKernel),
        "wrong type"
    );
    assert_eq!(
        g.run(1, 4, &[input], &[]),
        e(Errno::InvalidKernel),
        "too few buffers"
    );
    assert_eq!(
        g.run(1, 4, &[input, input], &[output]),
        e(Errno::InvalidKernel),
        "too many"
    );
    double_on(&mut g, CPU, 4)
}

#[test]
fn traps_are_reported_and_the_guest_goes_on() -> anyhow::Result<()> {
    let mut g = guest();
    for hint in [SEQUENTIAL, CPU] {
        let device = g.device(hint)?;
        let input = g.buffer(device, 64, READ)?;
        let output = g.buffer(device, 64, WRITE)?;
        g.write_i32s(input, 0x1000, &[0; 16])?;
        assert_eq!(
            g.run(2, 16, &[input], &[output]),
            e(Errno::KernelTrapped),
            "unreachable"
        );
        assert_eq!(
            g.run(3, 16, &[input], &[output]),
            e(Errno::KernelTrapped),
            "out of bounds"
        );
        // Items that did not trap keep their writes.
        assert_eq!(g.run(10, 16, &[], &[output]), e(Errno::KernelTrapped));
        let out = g.read_i32s(output, 0x2000, 16)?;
        if hint == SEQUENTIAL {
            assert_eq!(
                out[..5],
                [1; 5],
                "items before the trap ran, in order, and kept their writes"
            );
            assert_eq!(out[5..], [0; 11], "items after the trap did not run");
        }
        // The same instance works afterwards.
        double_on(&mut g, hint, 64)?;
    }
    Ok(())
}

#[test]
fn kernels_read_static_data_and_cannot_write_guest_memory() -> anyhow::Result<()> {
    let mut g = guest();
    let cpu = g.device(CPU)?;
    let output = g.buffer(cpu, 64, WRITE)?;
    Guest::ok(g.run(5, 16, &[], &[output]))?;
    let expected: Vec<i32> = (0..16).map(|i| 42 + i).collect();
    assert_eq!(g.read_i32s(output, 0x3000, 16)?, expected);

    g.poke_i32s(2048, &[7]);
    Guest::ok(g.run(6, 4, &[], &[output]))?;
    assert_eq!(
        g.read_i32(2048),
        7,
        "a kernel's store to a guest address stays in the device space"
    );
    Ok(())
}

#[test]
fn writable_inputs_keep_kernel_writes() -> anyhow::Result<()> {
    let mut g = guest();
    let cpu = g.device(CPU)?;
    let buffer = g.buffer(cpu, 64, READ_WRITE)?;
    g.write_i32s(buffer, 0x1000, &(0..16).collect::<Vec<_>>())?;
    for _ in 0..3 {
        Guest::ok(g.run(7, 16, &[buffer], &[]))?;
    }
    assert_eq!(
        g.read_i32s(buffer, 0x2000, 16)?,
        (3..19).collect::<Vec<_>>()
    );
    // A buffer only ever written by a kernel is readable.
    let output = g.buffer(cpu, 64, WRITE)?;
    Guest::ok(g.run(5, 16, &[], &[output]))?;
    assert_eq!(g.read_i32s(output, 0x3000, 1)?, vec![42]);
    Ok(())
}

#[test]
fn each_worker_has_its_own_shadow_stack() -> anyhow::Result<()> {
    let mut g = guest();
    let cpu = g.device(CPU)?;
    let n = 4096;
    let output = g.buffer(cpu, n * 4, WRITE)?;
    Guest::ok(g.run(9, n, &[], &[output]))?;
    assert_eq!(
        g.read_i32s(output, 0x1000, n as usize)?,
        (0..n).collect::<Vec<_>>()
    );
    Ok(())
}

#[test]
fn kernels_are_compiled_once_and_reused() -> anyhow::Result<()> {
    let ctx = ctx(2);
    let mut g = program().instantiate(&ctx)?;
    double_on(&mut g, CPU, 16)?;
    let compiled = ctx.compiled_kernels();
    for _ in 0..5 {
        double_on(&mut g, CPU, 16)?;
    }
    let mut other = program().instantiate(&ctx)?;
    double_on(&mut other, CPU, 16)?;
    assert_eq!(
        ctx.compiled_kernels(),
        compiled,
        "no new compilation for the same kernel"
    );
    Ok(())
}

#[test]
fn a_kernel_that_never_returns_is_stopped_by_the_time_limit() -> anyhow::Result<()> {
    let mut config = wasi_parallel_runtime::engine_config();
    config.epoch_interruption(true);
    let engine = wasmtime::Engine::new(&config)?;
    let ctx = WasiParallelHost::builder()
        .threads(2)
        .kernel_timeout(std::time::Duration::from_millis(200))
        .build(&engine)?;
    let program = GuestProgram::on_engine(&engine, "(memory (export \"memory\") 16)", KERNELS)?;
    let mut g = program.instantiate(&ctx)?;
    for hint in [SEQUENTIAL, CPU] {
        let device = g.device(hint)?;
        let output = g.buffer(device, 64, WRITE)?;
        let started = std::time::Instant::now();
        assert_eq!(g.run(11, 16, &[], &[output]), e(Errno::KernelTrapped));
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "stopped, not hung"
        );
        // Kernels that finish in time still run, after the interrupted one.
        double_on(&mut g, hint, 64)?;
    }
    Ok(())
}
