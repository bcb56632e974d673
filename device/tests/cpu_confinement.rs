//! Confinement on the CPU devices: in a confined space a launch touches only the buffers it was
//! passed, read-only ones only for reading, and a byte past a buffer's end traps; the operators
//! Wasmtime runs as host code (`memory.copy`, `memory.fill`, `memory.init`,
//! `memory.atomic.wait`) trap on a closed page instead of crashing the process; `memory.grow`
//! fails. Before confinement every one of these accesses succeeded.

use std::sync::Arc;
use std::time::{Duration, Instant};

use wasi_parallel_device::{
    compile_kernel, Access, Buffer, BufferDescriptor, CompileOptions, CpuDevice,
    CpuDeviceDescriptor, Device, DeviceError, Kernel, KernelClock, KernelEntry, Launch, Space,
    SpaceDescriptor,
};

/// A library of kernels, each `(i, n, block, ptr0, len0, ...)`. `args` is a buffer of i32 words
/// the test fills in and reads back. The kernels of host operators take a second buffer they do
/// not name, to be open for the launch: their addresses come from `args`.
const KERNELS: &str = r#"(module
  (memory 1)
  (data $seven "\07\07\07\07\07\07\07\07")
  ;; args[0] = the address of the second buffer.
  (func (export "where") (param i32 i32 i32) (param $args i32) (param i32) (param $p i32) (param i32)
    (i32.store (local.get $args) (local.get $p)))
  ;; args[1] = the word at address args[0].
  (func (export "peek") (param i32 i32 i32) (param $args i32) (param i32)
    (i32.store offset=4 (local.get $args) (i32.load (i32.load (local.get $args)))))
  ;; The word at address args[0] = 0x5c5c5c5c.
  (func (export "poke") (param i32 i32 i32) (param $args i32) (param i32)
    (i32.store (i32.load (local.get $args)) (i32.const 0x5c5c5c5c)))
  ;; args[1] = the byte at p + args[0] (a signed offset from the start of the second buffer).
  (func (export "peek_from") (param i32 i32 i32) (param $args i32) (param i32) (param $p i32) (param i32)
    (i32.store offset=4 (local.get $args)
      (i32.load8_u (i32.add (local.get $p) (i32.load (local.get $args))))))
  ;; Adds 1 to every word of the buffer.
  (func (export "inc") (param $i i32) (param i32 i32) (param $p i32) (param $len i32)
    (local $a i32)
    (local.set $a (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))))
    (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1))))
  ;; Copies args[2] bytes from address args[0] to address args[1].
  (func (export "copy") (param i32 i32 i32) (param $args i32) (param i32 i32 i32)
    (memory.copy
      (i32.load offset=4 (local.get $args))
      (i32.load (local.get $args))
      (i32.load offset=8 (local.get $args))))
  ;; Fills args[2] bytes at address args[1] with 0xee.
  (func (export "fill") (param i32 i32 i32) (param $args i32) (param i32 i32 i32)
    (memory.fill
      (i32.load offset=4 (local.get $args))
      (i32.const 0xee)
      (i32.load offset=8 (local.get $args))))
  ;; Copies the passive segment's 8 bytes of 7 to address args[1].
  (func (export "init") (param i32 i32 i32) (param $args i32) (param i32 i32 i32)
    (memory.init $seven
      (i32.load offset=4 (local.get $args))
      (i32.const 0)
      (i32.const 8)))
  ;; args[1] = memory.grow(args[0]).
  (func (export "grow") (param i32 i32 i32) (param $args i32) (param i32 i32 i32)
    (i32.store offset=4 (local.get $args) (memory.grow (i32.load (local.get $args)))))
  ;; args[3] = memory.atomic.wait32(address args[0], expected 0, timeout args[2] ns as i64).
  (func (export "wait") (param i32 i32 i32) (param $args i32) (param i32 i32 i32)
    (i32.store offset=12 (local.get $args)
      (memory.atomic.wait32
        (i32.load (local.get $args))
        (i32.const 0)
        (i64.extend_i32_s (i32.load offset=8 (local.get $args))))))
)"#;

fn engine(epochs: bool) -> wasmtime::Engine {
    let mut config = wasmtime::Config::new();
    config
        .wasm_threads(true)
        .shared_memory(true)
        .epoch_interruption(epochs);
    wasmtime::Engine::new(&config).expect("engine")
}

fn cpu(threads: Option<usize>) -> CpuDevice {
    CpuDevice::new(&CpuDeviceDescriptor {
        engine: engine(false),
        threads,
        clock: None,
        kernel_config: None,
    })
    .expect("device")
}

fn space(device: &dyn Device, confined: bool) -> Box<dyn Space> {
    device
        .create_space(&SpaceDescriptor {
            static_size: 4096,
            static_segments: &[],
            confined,
        })
        .expect("space")
}

fn kernel(device: &dyn Device, name: &str) -> Arc<dyn Kernel> {
    let bytes = wat::parse_str(KERNELS).expect("WAT");
    compile_kernel(
        device,
        &bytes,
        KernelEntry::Export(name),
        &CompileOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn buffer(space: &dyn Space, size: u64, access: Access) -> Arc<dyn Buffer> {
    space
        .create_buffer(&BufferDescriptor { size, access })
        .expect("buffer")
}

fn launch(
    space: &dyn Space,
    kernel: &dyn Kernel,
    items: u32,
    buffers: &[&dyn Buffer],
) -> Result<(), DeviceError> {
    space.launch(
        kernel,
        &Launch {
            items,
            block_size: 1,
            buffers,
            chunk: None,
            addresses: None,
        },
    )
}

fn write_words(space: &dyn Space, buffer: &dyn Buffer, words: &[i32]) {
    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    space.write_buffer(buffer, 0, &bytes).expect("write");
}

fn read_words(space: &dyn Space, buffer: &dyn Buffer, n: usize) -> Vec<i32> {
    let mut bytes = vec![0u8; 4 * n];
    space.read_buffer(buffer, 0, &mut bytes).expect("read");
    bytes
        .chunks_exact(4)
        .map(|b| i32::from_le_bytes(b.try_into().unwrap()))
        .collect()
}

fn trapped(result: Result<(), DeviceError>, what: &str) {
    match result {
        Err(DeviceError::KernelTrap(message)) => {
            assert!(message.contains("out of bounds"), "{what}: {message}")
        }
        other => panic!("{what}: expected an out-of-bounds trap, got {other:?}"),
    }
}

/// The address of `target` in `space`, as a kernel passed it sees it.
fn address_of(
    space: &dyn Space,
    device: &dyn Device,
    args: &dyn Buffer,
    target: &dyn Buffer,
) -> i32 {
    launch(space, &*kernel(device, "where"), 1, &[args, target]).expect("where");
    read_words(space, args, 1)[0]
}

#[test]
fn a_launch_reaches_only_the_buffers_it_was_passed() {
    for device in [cpu(Some(2)), cpu(None)] {
        let space = space(&device, true);
        let args = buffer(&*space, 16, Access::ReadWrite);
        let secret = buffer(&*space, 64, Access::ReadWrite);
        write_words(&*space, &*secret, &[0x5ec2e7; 16]);
        let at = address_of(&*space, &device, &*args, &*secret);

        write_words(&*space, &*args, &[at, 0]);
        trapped(
            launch(&*space, &*kernel(&device, "peek"), 1, &[&*args]),
            "reading a buffer not passed",
        );
        assert_eq!(read_words(&*space, &*args, 2), [at, 0], "nothing was read");
        trapped(
            launch(&*space, &*kernel(&device, "poke"), 1, &[&*args]),
            "writing a buffer not passed",
        );
        assert_eq!(read_words(&*space, &*secret, 16), [0x5ec2e7; 16]);

        // A buffer released is closed too, and the next one placed there starts zeroed.
        let gone = buffer(&*space, 4096, Access::ReadWrite);
        write_words(&*space, &*gone, &[0x5ec2e7; 1024]);
        let gone_at = address_of(&*space, &device, &*args, &*gone);
        drop(gone);
        write_words(&*space, &*args, &[gone_at, 0]);
        trapped(
            launch(&*space, &*kernel(&device, "peek"), 1, &[&*args]),
            "reading a released buffer",
        );
        let next = buffer(&*space, 4096, Access::ReadWrite);
        assert_eq!(read_words(&*space, &*next, 1024), [0; 1024]);

        // The same kernels on a space that does not confine (the host's own kernels) reach
        // every buffer: the descriptor is what confines.
        let open = self::space(&device, false);
        let args = buffer(&*open, 16, Access::ReadWrite);
        let secret = buffer(&*open, 64, Access::ReadWrite);
        write_words(&*open, &*secret, &[0x5ec2e7; 16]);
        let at = address_of(&*open, &device, &*args, &*secret);
        write_words(&*open, &*args, &[at, 0]);
        launch(&*open, &*kernel(&device, "peek"), 1, &[&*args]).expect("peek");
        assert_eq!(read_words(&*open, &*args, 2), [at, 0x5ec2e7]);
    }
}

#[test]
fn read_only_buffers_cannot_be_written() {
    let device = cpu(Some(2));
    let space = space(&device, true);
    let inc = kernel(&device, "inc");
    let data: Vec<i32> = (0..1024).collect();
    let read_only = buffer(&*space, 4096, Access::Read);
    write_words(&*space, &*read_only, &data);
    trapped(
        launch(&*space, &*inc, 1024, &[&*read_only]),
        "writing a read-only buffer",
    );
    assert_eq!(read_words(&*space, &*read_only, 1024), data);
    // Written by the host, then launched again: still read-only to the kernel.
    write_words(&*space, &*read_only, &data);
    trapped(
        launch(&*space, &*inc, 1024, &[&*read_only]),
        "writing a read-only buffer again",
    );
    assert_eq!(read_words(&*space, &*read_only, 1024), data);
    // Read-write and write-only buffers keep the kernel's writes.
    for access in [Access::ReadWrite, Access::Write] {
        let writable = buffer(&*space, 4096, access);
        write_words(&*space, &*writable, &data);
        launch(&*space, &*inc, 1024, &[&*writable]).expect("inc");
        let plus_one: Vec<i32> = (1..1025).collect();
        assert_eq!(
            read_words(&*space, &*writable, 1024),
            plus_one,
            "{access:?}"
        );
    }
}

#[test]
fn a_byte_past_either_end_of_a_buffer_traps() {
    let device = cpu(Some(2));
    let space = space(&device, true);
    let peek_from = kernel(&device, "peek_from");
    let args = buffer(&*space, 16, Access::ReadWrite);
    for size in [
        8u64,
        13,
        64,
        100,
        4000,
        4096,
        4104,
        60 << 10,
        1 << 20,
        3 << 20,
        16 << 20,
    ] {
        let target = buffer(&*space, size, Access::Read);
        let peek = |offset: i64| {
            write_words(&*space, &*args, &[offset as i32, -1]);
            launch(&*space, &*peek_from, 1, &[&*args, &*target])
        };
        peek(0).unwrap_or_else(|e| panic!("size {size}, first byte: {e}"));
        peek(size as i64 - 1).unwrap_or_else(|e| panic!("size {size}, last byte: {e}"));
        // Small buffers whose sizes are multiples of 8 end at a page's end; others are 8-byte
        // aligned, so at most 7 bytes of padding follow them. Buffers of 64 KiB or more end up
        // to 63 cache lines before their last page's end (so that large buffers do not alias in
        // the caches): 4 KiB past them is closed.
        let past = if size >= 64 << 10 {
            size as i64 + 4096
        } else {
            size.next_multiple_of(8) as i64
        };
        trapped(peek(past), &format!("size {size}, byte {past}"));
        // Before the start: the page before the buffer's first page is closed.
        trapped(peek(-4096), &format!("size {size}, byte -4096"));
    }
}

#[test]
fn host_operators_trap_on_closed_pages_and_work_on_open_ones() {
    let device = cpu(Some(2));
    let space = space(&device, true);
    let args = buffer(&*space, 16, Access::ReadWrite);
    let secret = buffer(&*space, 8192, Access::ReadWrite);
    write_words(&*space, &*secret, &[0x5ec2e7; 2048]);
    let secret_at = address_of(&*space, &device, &*args, &*secret);
    let mine = buffer(&*space, 8192, Access::ReadWrite);
    let mine_at = address_of(&*space, &device, &*args, &*mine);
    let read_only = buffer(&*space, 4096, Access::Read);
    let read_only_at = address_of(&*space, &device, &*args, &*read_only);
    // The second buffer is the one open besides `args` (`args` itself when there is none).
    let run = |name: &str, words: &[i32], buffers: &[&dyn Buffer]| {
        write_words(&*space, &*args, words);
        let open = [buffers[0], *buffers.get(1).unwrap_or(&buffers[0])];
        launch(&*space, &*kernel(&device, name), 1, &open)
    };

    // Within a passed buffer, across a page boundary: copied and filled.
    run("copy", &[mine_at, mine_at + 4000, 200], &[&*args, &*mine]).expect("copy");
    run("fill", &[0, mine_at + 4000, 200], &[&*args, &*mine]).expect("fill");
    assert!(read_words(&*space, &*mine, 2048)[1000..1050]
        .iter()
        .all(|&w| w == 0xeeeeeeeeu32 as i32));
    // From a buffer not passed: a trap, and nothing copied.
    trapped(
        run("copy", &[secret_at, mine_at, 8192], &[&*args, &*mine]),
        "memory.copy from a buffer not passed",
    );
    assert!(read_words(&*space, &*mine, 1000)
        .iter()
        .all(|&w| w != 0x5ec2e7));
    // Into a buffer not passed, or read-only: a trap, and nothing written.
    trapped(
        run("copy", &[mine_at, secret_at + 4096, 100], &[&*args, &*mine]),
        "memory.copy into a buffer not passed",
    );
    trapped(
        run("fill", &[0, secret_at, 8192], &[&*args]),
        "memory.fill of a buffer not passed",
    );
    trapped(
        run("fill", &[0, read_only_at, 16], &[&*args, &*read_only]),
        "memory.fill of a read-only buffer",
    );
    trapped(
        run("init", &[0, read_only_at, 0], &[&*args, &*read_only]),
        "memory.init into a read-only buffer",
    );
    run("init", &[0, mine_at, 0], &[&*args, &*mine]).expect("init");
    assert_eq!(read_words(&*space, &*mine, 2), [0x07070707, 0x07070707]);
    assert_eq!(read_words(&*space, &*secret, 2048), [0x5ec2e7; 2048]);
    assert_eq!(read_words(&*space, &*read_only, 1024), [0; 1024]);

    // A wait on a closed page traps; on an open one it times out (2) or sees another value (1).
    trapped(
        run("wait", &[secret_at, 0, 1000, 0], &[&*args]),
        "memory.atomic.wait32 on a buffer not passed",
    );
    run("wait", &[mine_at + 64, 0, 1_000_000, 0], &[&*args, &*mine]).expect("wait");
    assert_eq!(read_words(&*space, &*args, 4)[3], 2, "timed out");
    run("wait", &[mine_at, 0, 1_000_000, 0], &[&*args, &*mine]).expect("wait");
    assert_eq!(read_words(&*space, &*args, 4)[3], 1, "not equal");
    // A wait longer than one slice of the guard still ends when its timeout does.
    let start = Instant::now();
    run("wait", &[mine_at + 64, 0, 50_000_000, 0], &[&*args, &*mine]).expect("wait");
    assert_eq!(read_words(&*space, &*args, 4)[3], 2);
    assert!(start.elapsed() >= Duration::from_millis(50));

    // memory.grow fails: a kernel cannot add pages behind the heap's back.
    run("grow", &[1, 0], &[&*args]).expect("grow");
    assert_eq!(read_words(&*space, &*args, 2), [1, -1]);
}

/// A kernel that waits forever in `memory.atomic.wait` (host code, where epoch interruption
/// cannot reach) is still stopped at the launch's time limit.
#[test]
fn an_endless_wait_ends_at_the_time_limit() {
    let engine = engine(true);
    let limit = Duration::from_millis(500);
    let device = CpuDevice::new(&CpuDeviceDescriptor {
        engine: engine.clone(),
        threads: Some(2),
        clock: Some(KernelClock::start(&engine, limit).expect("clock")),
        kernel_config: None,
    })
    .expect("device");
    let space = space(&device, true);
    let args = buffer(&*space, 16, Access::ReadWrite);
    let mine = buffer(&*space, 64, Access::ReadWrite);
    let mine_at = address_of(&*space, &device, &*args, &*mine);
    write_words(&*space, &*args, &[mine_at, 0, -1, 0]);
    let start = Instant::now();
    let result = launch(&*space, &*kernel(&device, "wait"), 4, &[&*args, &*mine]);
    // (4 items on 2 workers: both wait.)
    let took = start.elapsed();
    assert!(
        matches!(&result, Err(DeviceError::KernelTrap(m)) if m.contains("limit")),
        "{result:?}"
    );
    assert!(took < limit + Duration::from_secs(5), "took {took:?}");
}
