//! Hostile guests against the host's limits, on the CPU devices: buffer quotas per instance and
//! per host, `release_buffer`, and memory given back and reused zeroed. The GPU side (read-only
//! buffers, deep kernels, data segments, time limits) is in `wasi_parallel_tests::gpu` and
//! `cli/tests/cli.rs`.

use wasi_parallel_runtime::{Errno, Quotas, WasiParallelHost};
use wasi_parallel_tests::{engine, GuestProgram, KERNELS, OUT};

const CPU: i32 = 1;
const READ: i32 = 0;
const WRITE: i32 = 1;

fn host(quotas: Quotas) -> WasiParallelHost {
    WasiParallelHost::builder()
        .threads(2)
        .quotas(quotas)
        .build(engine())
        .expect("host")
}

fn program() -> GuestProgram {
    GuestProgram::new(KERNELS).expect("harness guest")
}

#[test]
fn the_buffer_count_quota_holds_and_release_gives_room() -> anyhow::Result<()> {
    let host = host(Quotas {
        buffers_per_instance: 100,
        ..Quotas::default()
    });
    let mut g = program().instantiate(&host)?;
    let cpu = g.device(CPU)?;
    let buffers: Vec<i32> = (0..100)
        .map(|_| g.buffer(cpu, 64, READ))
        .collect::<anyhow::Result<_>>()?;
    assert_eq!(
        g.create_buffer_raw(cpu, 64, READ, OUT as i32),
        Errno::OutOfMemory.raw()
    );
    assert_eq!(g.release_buffer_raw(buffers[17]), 0);
    assert_eq!(
        g.release_buffer_raw(buffers[17]),
        Errno::BadHandle.raw(),
        "released twice"
    );
    assert_eq!(
        g.write_buffer_raw(0, 4, buffers[17]),
        Errno::BadHandle.raw()
    );
    assert_eq!(
        g.release_buffer_raw(cpu),
        Errno::BadHandle.raw(),
        "a device"
    );
    assert_eq!(g.release_buffer_raw(0), Errno::BadHandle.raw());
    assert_eq!(g.release_buffer_raw(-3), Errno::BadHandle.raw());
    // The freed handle is the next one given.
    assert_eq!(g.buffer(cpu, 64, READ)?, buffers[17]);
    assert_eq!(
        g.create_buffer_raw(cpu, 64, READ, OUT as i32),
        Errno::OutOfMemory.raw()
    );
    Ok(())
}

#[test]
fn byte_quotas_hold_per_instance_and_per_host() -> anyhow::Result<()> {
    let host = host(Quotas {
        buffer_bytes_per_instance: 3 << 20,
        buffer_bytes: 5 << 20,
        ..Quotas::default()
    });
    let program = program();
    let mut a = program.instantiate(&host)?;
    let mut b = program.instantiate(&host)?;
    let (cpu_a, cpu_b) = (a.device(CPU)?, b.device(CPU)?);
    let first = a.buffer(cpu_a, 2 << 20, WRITE)?;
    assert_eq!(
        a.create_buffer_raw(cpu_a, 2 << 20, WRITE, OUT as i32),
        Errno::OutOfMemory.raw(),
        "over the instance's 3 MiB"
    );
    b.buffer(cpu_b, 3 << 20, WRITE)?;
    assert_eq!(
        a.create_buffer_raw(cpu_a, 1 << 20, WRITE, OUT as i32),
        Errno::OutOfMemory.raw(),
        "the host's 5 MiB are in use"
    );
    assert_eq!(a.release_buffer_raw(first), 0);
    a.buffer(cpu_a, 2 << 20, WRITE)?;
    // An instance that goes gives its bytes back.
    drop(b);
    let mut c = program.instantiate(&host)?;
    let cpu_c = c.device(CPU)?;
    c.buffer(cpu_c, 3 << 20, WRITE)?;
    Ok(())
}

#[test]
fn released_memory_is_reused_and_starts_zeroed() -> anyhow::Result<()> {
    // 64 MiB buffers, 200 times: 12.5 GiB in all, in a space of at most 4 GiB.
    let mut g = program().instantiate(&host(Quotas::default()))?;
    let cpu = g.device(CPU)?;
    let n = 16;
    for round in 0..200 {
        let input = g.buffer(cpu, 64 << 20, READ)?;
        let output = g.buffer(cpu, 64 << 20, WRITE)?;
        if round == 0 {
            g.write_i32s(input, 0x1000, &[7; 16])?;
        } else {
            // Written with nothing: the kernel doubles what a new buffer holds, zeros.
            g.write_i32s(input, 0x1000, &[])?;
        }
        assert_eq!(g.run(1, n, &[input], &[output]), 0);
        let doubled = g.read_i32s(output, 0x2000, n as usize)?;
        let expected = if round == 0 { 14 } else { 0 };
        assert!(
            doubled.iter().all(|&x| x == expected),
            "round {round}: {doubled:?}"
        );
        assert_eq!(g.release_buffer_raw(input), 0);
        assert_eq!(g.release_buffer_raw(output), 0);
    }
    Ok(())
}
