//! Hostile guests against the host's limits, on the CPU devices: buffer quotas per instance and
//! per host, `release_buffer`, memory given back and reused zeroed, and kernels confined to the
//! buffers they were passed. The GPU side (read-only buffers, deep kernels, data segments, time
//! limits) is in `wasi_parallel_tests::gpu` and `cli/tests/cli.rs`.

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

/// Kernels that go looking for data they were not given. Function pointers: 1 = `$scan` (reads
/// every word of the space from address 0 up, and records where it finds the guest's secret),
/// 2 = `$store_first` (writes the first word of its buffer), 3 = `$past_end` (reads the byte
/// after its buffer's last), 4 = `$sum` (adds up its input into its output).
const SNOOPS: &str = r#"
  (table 5 funcref)
  (elem (i32.const 1) $scan $store_first $past_end $sum)
  (func $scan (param i32 i32 i32) (param $out i32) (param i32)
    (local $a i32) (local $end i32)
    (local.set $end (i32.mul (memory.size) (i32.const 65536)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
      (if (i32.eq (i32.load (local.get $a)) (i32.const 0x5ec2e75e))
        (then
          (i32.store (local.get $out) (i32.const 1))
          (i32.store offset=4 (local.get $out) (local.get $a))
          (br $done)))
      (local.set $a (i32.add (local.get $a) (i32.const 4)))
      (br $next))))
  (func $store_first (param i32 i32 i32) (param $p i32) (param i32)
    (i32.store (local.get $p) (i32.const 42)))
  (func $past_end (param i32 i32 i32) (param $p i32) (param $len i32)
    (drop (i32.load8_u (i32.add (local.get $p) (local.get $len)))))
  (func $sum (param i32 i32 i32) (param $in i32) (param $len i32) (param $out i32) (param i32)
    (local $a i32) (local $s i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $a) (local.get $len)))
      (local.set $s (i32.add (local.get $s) (i32.load (i32.add (local.get $in) (local.get $a)))))
      (local.set $a (i32.add (local.get $a) (i32.const 4)))
      (br $next)))
    (i32.store (local.get $out) (local.get $s)))
"#;

/// On `sequential` and `cpu`, a kernel reaches only the buffers it was passed (it used to read
/// every buffer of its instance), cannot write a read-only one (it used to), and traps on the
/// byte after its buffer (it used to read it).
#[test]
fn cpu_kernels_reach_only_the_buffers_they_were_passed() -> anyhow::Result<()> {
    let host = host(Quotas::default());
    let program = GuestProgram::new(SNOOPS)?;
    for hint in [0, CPU] {
        let mut g = program.instantiate(&host)?;
        let device = g.device(hint)?;
        let secret = g.buffer(device, 4096, READ)?;
        g.write_i32s(secret, 0x1000, &[0x5ec2e75e; 1024])?;
        let out = g.buffer(device, 8, WRITE)?;
        g.write_i32s(out, 0x1000, &[0, 0])?;
        // The secret buffer is in use, by a launch that passes it.
        let total = g.buffer(device, 4, WRITE)?;
        assert_eq!(g.run(4, 1, &[secret], &[total]), 0);
        assert_eq!(
            g.read_i32s(total, 0x3000, 1)?,
            [0x5ec2e75eu32.wrapping_mul(1024) as i32]
        );

        assert_eq!(
            g.run(1, 1, &[], &[out]),
            Errno::KernelTrapped.raw(),
            "hint {hint}: a scan of the space must trap before it reaches the secret"
        );
        assert_eq!(g.read_i32s(out, 0x2000, 2)?, [0, 0], "hint {hint}: found");

        assert_eq!(g.run(2, 1, &[secret], &[]), Errno::KernelTrapped.raw());
        assert_eq!(g.read_i32s(secret, 0x2000, 1024)?, [0x5ec2e75e; 1024]);
        let writable = g.buffer(device, 4096, 2)?;
        assert_eq!(g.run(2, 1, &[writable], &[]), 0);
        assert_eq!(g.read_i32s(writable, 0x2000, 1)?, [42]);

        assert_eq!(g.run(3, 1, &[writable], &[]), Errno::KernelTrapped.raw());
    }
    Ok(())
}

/// Eight instances on eight threads launch at once on `cpu`, every wgpu device and every OpenCL
/// device, with trapping kernels among correct ones: every result is checked, every trap is an
/// errno, and the devices serve the instances that come after.
#[test]
fn eight_instances_launch_on_every_device_at_once_with_traps_among_them() {
    let probe = host(Quotas::default());
    let mut devices = vec!["cpu".to_string()];
    devices.extend(
        probe
            .devices()
            .iter()
            .filter(|d| matches!(d.info().backend, "wgpu" | "opencl"))
            .map(|d| d.info().name.clone()),
    );
    if std::env::var_os("CI").is_some() {
        assert!(devices.len() >= 3, "CI has lavapipe and PoCL: {devices:?}");
    }
    let hosts: Vec<WasiParallelHost> = devices
        .iter()
        .map(|name| {
            WasiParallelHost::builder()
                .threads(2)
                .device(wasi_parallel_runtime::DevicePreference::Named(name.clone()))
                .build(engine())
                .expect("host")
        })
        .collect();
    let program = program();
    std::thread::scope(|scope| {
        for t in 0..8 {
            let host = &hosts[t % hosts.len()];
            let name = &devices[t % devices.len()];
            let program = &program;
            scope.spawn(move || {
                let mut g = program.instantiate(host).expect("instance");
                let device = g.device(CPU).expect("device");
                let n = 256;
                let input = g.buffer(device, n * 4, READ).expect("input");
                let output = g.buffer(device, n * 4, WRITE).expect("output");
                for round in 0..20 {
                    let data: Vec<i32> = (0..n).map(|i| i * (t as i32 + 1) + round).collect();
                    g.write_i32s(input, 0x1000, &data).expect("write");
                    if (round + t as i32) % 3 == 0 {
                        // Kernel 2 traps in every work item, kernel 10 in item 5.
                        let errno = if round % 2 == 0 {
                            g.run(2, n, &[input], &[output])
                        } else {
                            g.run(10, n, &[], &[output])
                        };
                        assert_eq!(errno, Errno::KernelTrapped.raw(), "{name}, thread {t}");
                        continue;
                    }
                    assert_eq!(g.run(1, n, &[input], &[output]), 0, "{name}, thread {t}");
                    let doubled = g.read_i32s(output, 0x2000, n as usize).expect("read");
                    let expected: Vec<i32> = data.iter().map(|x| x * 2).collect();
                    assert_eq!(doubled, expected, "{name}, thread {t}, round {round}");
                }
            });
        }
    });
}
