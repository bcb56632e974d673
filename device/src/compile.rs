//! Making a device's kernel from Wasm bytes: the one place that decides, from what the device
//! takes ([`DeviceInfo::kernel_input`](crate::DeviceInfo::kernel_input)), between cutting out a
//! kernel module ([`kernel_module`]) and translating to naga IR
//! ([`wasi_parallel_translator`]).
//!
//! Every kernel a device runs comes through [`compile_kernel`]: the runtime's `parallel_for`
//! (a function pointer of the guest) and `parallel_exec` (a kernel module of the guest's), and
//! wasi-nn's operators (exports of a kernel library). Caching is the caller's: a kernel depends
//! on the bytes, the entry, the device and the options, and callers key their caches on what
//! they know identifies those.

use std::fmt;
use std::sync::Arc;

use wasi_parallel_translator::{KernelRef, Layout, Options as TranslateOptions, Translation};

use crate::kernel_module::{self, KernelError};
use crate::{Device, DeviceError, DeviceInfo, Kernel, KernelDescriptor, KernelInput, KernelSource};

/// Which function of the bytes is the kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KernelEntry<'a> {
    /// A function pointer of a guest module: an index into its table 0 (`parallel_for`).
    TableIndex(u32),
    /// A function that a library of kernels exports under this name (wasi-nn's operators).
    Export(&'a str),
    /// The bytes are a whole kernel module whose export `kernel` is the kernel
    /// (`parallel_exec`): it imports its memory as `"" "memory"`, and brings no data of its own.
    KernelModule,
}

impl KernelEntry<'_> {
    /// How a log line names this kernel.
    pub fn label(&self) -> String {
        match self {
            KernelEntry::TableIndex(index) => format!("function pointer {index}"),
            KernelEntry::Export(name) => (*name).to_string(),
            KernelEntry::KernelModule => "parallel_exec kernel".to_string(),
        }
    }
}

/// What a caller may choose about a kernel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompileOptions {
    /// GPUs: invocations per workgroup (`None`: the translator's default). Devices that run Wasm
    /// ignore it.
    pub workgroup_size: Option<u32>,
}

/// Why a kernel could not be made for a device.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    /// The kernel module could not be cut out or brought to the device's form.
    #[error("{label}: {source}")]
    Module {
        /// The kernel, as [`KernelEntry::label`] names it.
        label: String,
        /// What was wrong.
        source: KernelError,
    },
    /// The translator refused the kernel for this device.
    #[error("{label} cannot run on {device}: {source}")]
    Translation {
        /// The kernel, as [`KernelEntry::label`] names it.
        label: String,
        /// The device's name and description.
        device: String,
        /// What the translator said.
        source: wasi_parallel_translator::Error,
    },
    /// The device refused or failed to compile what it was given.
    #[error(transparent)]
    Device(#[from] DeviceError),
}

/// What the translator is told for a device: its float and integer widths, its loop limit, and
/// the caller's workgroup size. [`compile_kernel`] translates with these, and so does anyone who
/// wants to see what a device runs (`wasi-parallel translate --device`).
pub fn translate_options(info: &DeviceInfo, options: &CompileOptions) -> TranslateOptions {
    let defaults = TranslateOptions::default();
    TranslateOptions {
        f64: info.f64,
        i64: info.i64,
        i64_atomics: info.i64_atomics,
        workgroup_size: options.workgroup_size.unwrap_or(defaults.workgroup_size),
        loop_limit: info.limits.max_loop_iterations,
    }
}

/// What a translated kernel was made from: the Wasm bytes, the kernel's function and the
/// translator's options. A device whose bindings are smaller than its buffers may be (wgpu on
/// lavapipe: 128 MiB) translates the kernel again from it, with a [`Layout`] that splits a
/// launch's large buffers across several bindings.
#[derive(Clone)]
pub struct TranslationSource {
    wasm: Arc<[u8]>,
    kernel: OwnedKernelRef,
    options: TranslateOptions,
}

#[derive(Clone)]
enum OwnedKernelRef {
    TableIndex(u32),
    Export(String),
}

impl fmt::Debug for TranslationSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TranslationSource({} bytes)", self.wasm.len())
    }
}

impl TranslationSource {
    /// The kernel `kernel` of `wasm`, translated with `options`. The bytes are kept once per
    /// content, whatever the number of kernels made from them: a guest of many megabytes with
    /// many kernels holds one copy, not one per kernel.
    pub fn new(wasm: &[u8], kernel: KernelRef<'_>, options: TranslateOptions) -> TranslationSource {
        TranslationSource {
            wasm: shared_copy(wasm),
            kernel: match kernel {
                KernelRef::TableIndex(index) => OwnedKernelRef::TableIndex(index),
                KernelRef::Export(name) => OwnedKernelRef::Export(name.to_string()),
            },
            options,
        }
    }

    /// The kernel translated with its buffers bound as `layout` says, on a thread with a
    /// stack as large as [`compile_kernel`]'s.
    pub fn translate(&self, layout: &Layout) -> Result<Translation, DeviceError> {
        on_compile_thread("a kernel's translation", || {
            let kernel = match &self.kernel {
                OwnedKernelRef::TableIndex(index) => KernelRef::TableIndex(*index),
                OwnedKernelRef::Export(name) => KernelRef::Export(name),
            };
            wasi_parallel_translator::translate_with(&self.wasm, kernel, &self.options, layout)
                .map_err(|e| DeviceError::UnsupportedKernel(e.to_string()))
        })
    }
}

/// One copy of `wasm` for every [`TranslationSource`] made from the same bytes, while any of
/// them lives.
fn shared_copy(wasm: &[u8]) -> Arc<[u8]> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock, PoisonError, Weak};
    /// The live copies, by the BLAKE3 hash of their bytes.
    type Copies = Mutex<HashMap<[u8; 32], Weak<[u8]>>>;
    static COPIES: OnceLock<Copies> = OnceLock::new();
    let key = *blake3::hash(wasm).as_bytes();
    let mut copies = COPIES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(copy) = copies.get(&key).and_then(Weak::upgrade) {
        return copy;
    }
    copies.retain(|_, copy| copy.strong_count() > 0);
    let copy: Arc<[u8]> = wasm.into();
    copies.insert(key, Arc::downgrade(&copy));
    copy
}

/// Whether kernels for a device with these limits need their [`TranslationSource`]: whether
/// a buffer of the device may be larger than one binding.
fn splits_buffers(info: &DeviceInfo) -> bool {
    let largest = info.limits.max_buffer_size.min(1 << 32);
    info.kernel_input == KernelInput::Translated && info.limits.max_binding_size < largest
}

/// Runs `work` on a thread of its own with a large stack ([`COMPILE_STACK`]); a panic in it
/// becomes an `UnsupportedKernel` error naming `what`.
pub(crate) fn on_compile_thread<T: Send>(
    what: &str,
    work: impl FnOnce() -> Result<T, DeviceError> + Send,
) -> Result<T, DeviceError> {
    std::thread::scope(|scope| {
        let working = std::thread::Builder::new()
            .name("wasi-parallel-compile".into())
            .stack_size(COMPILE_STACK)
            .spawn_scoped(scope, work)
            .map_err(|e| DeviceError::Device(format!("cannot start a compile thread: {e}")))?;
        working.join().unwrap_or_else(|panic| {
            Err(DeviceError::UnsupportedKernel(format!(
                "{what}: the compiler panicked: {}",
                crate::panic_message(&*panic)
            )))
        })
    })
}

/// The stack of the thread that compiles a kernel. The translator bounds how deep a kernel may
/// nest, but naga's validator and back ends, the drivers' compilers and walrus all recurse on
/// what they are given; the caller's thread may have as little as 2 MiB. Untouched stack costs
/// no memory.
const COMPILE_STACK: usize = 64 << 20;

/// Makes `device`'s kernel for the function `entry` of the Wasm module `bytes`.
///
/// The work runs on a thread of its own with a large stack ([`COMPILE_STACK`]), so that no
/// kernel, however deep, can overflow the caller's stack, and a panic in a compiler becomes an
/// error rather than the caller's.
pub fn compile_kernel(
    device: &dyn Device,
    bytes: &[u8],
    entry: KernelEntry<'_>,
    options: &CompileOptions,
) -> Result<Arc<dyn Kernel>, CompileError> {
    let what = format!("{} for {}", entry.label(), device.info().name);
    on_compile_thread(&what, || Ok(compile_here(device, bytes, entry, options)))?
}

fn compile_here(
    device: &dyn Device,
    bytes: &[u8],
    entry: KernelEntry<'_>,
    options: &CompileOptions,
) -> Result<Arc<dyn Kernel>, CompileError> {
    let info = device.info();
    let label = entry.label();
    let kernel = match info.kernel_input {
        KernelInput::WasmModule => {
            let made = match entry {
                KernelEntry::TableIndex(index) => kernel_module::extract_funcref(bytes, index),
                KernelEntry::Export(name) => kernel_module::extract_export(bytes, name),
                KernelEntry::KernelModule => kernel_module::normalize_exec(bytes),
            }
            .map_err(|source| CompileError::Module {
                label: label.clone(),
                source,
            })?;
            if !made.trapping_imports.is_empty() {
                log::debug!(
                    "{label}: these imports trap if the kernel reaches them: {}",
                    made.trapping_imports.join(", ")
                );
            }
            device.create_kernel(&KernelDescriptor {
                label: &label,
                source: KernelSource::WasmModule(&made.wasm),
                origin: None,
            })?
        }
        KernelInput::Translated => {
            if entry == KernelEntry::KernelModule {
                kernel_module::check_exec(bytes).map_err(|source| CompileError::Module {
                    label: label.clone(),
                    source,
                })?;
            }
            let translate = translate_options(info, options);
            let kernel_ref = match entry {
                KernelEntry::TableIndex(index) => KernelRef::TableIndex(index),
                KernelEntry::Export(name) => KernelRef::Export(name),
                KernelEntry::KernelModule => KernelRef::Export(crate::KERNEL_EXPORT),
            };
            let translation = wasi_parallel_translator::translate(bytes, kernel_ref, &translate)
                .map_err(|source| CompileError::Translation {
                    label: label.clone(),
                    device: format!("{} ({})", info.name, info.description),
                    source,
                })?;
            let origin =
                splits_buffers(info).then(|| TranslationSource::new(bytes, kernel_ref, translate));
            device.create_kernel(&KernelDescriptor {
                label: &label,
                source: KernelSource::Translated(&translation),
                origin: origin.as_ref(),
            })?
        }
    };
    log::debug!("compiled {label} for {}", info.name);
    Ok(kernel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BufferDescriptor, CpuDevice, CpuDeviceDescriptor, Launch, SpaceDescriptor};

    fn engine() -> wasmtime::Engine {
        let mut config = wasmtime::Config::new();
        config.wasm_threads(true).shared_memory(true);
        wasmtime::Engine::new(&config).unwrap()
    }

    /// A guest whose table 0 holds, at 1 and 2, functions that come after an imported one:
    /// function pointer 2 must run the function the element segment names, not its neighbour.
    const GUEST: &str = r#"(module
        (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
        (memory (export "memory") 1)
        (table 4 funcref)
        (func $ones (param i32 i32 i32 i32 i32)
            (i32.store (i32.add (local.get 3) (i32.shl (local.get 0) (i32.const 2))) (i32.const 1)))
        (func $twos (param i32 i32 i32 i32 i32)
            (i32.store (i32.add (local.get 3) (i32.shl (local.get 0) (i32.const 2))) (i32.const 2)))
        (elem (i32.const 1) $ones $ones)
        (elem (i32.const 2) $twos))"#;

    fn run(device: &dyn Device, pointer: u32) -> Result<Vec<u32>, CompileError> {
        let bytes = wat::parse_str(GUEST).unwrap();
        let kernel = compile_kernel(
            device,
            &bytes,
            KernelEntry::TableIndex(pointer),
            &CompileOptions::default(),
        )?;
        let space = device.create_space(&SpaceDescriptor {
            static_size: 1024,
            static_segments: &[],
            confined: true,
        })?;
        let out = space.create_buffer(&BufferDescriptor {
            size: 16,
            access: crate::Access::Write,
        })?;
        space.launch(
            &*kernel,
            &Launch {
                items: 4,
                block_size: 1,
                buffers: &[&*out],
                chunk: None,
                addresses: None,
            },
        )?;
        let mut bytes = [0u8; 16];
        space.read_buffer(&*out, 0, &mut bytes)?;
        Ok(bytes
            .chunks(4)
            .map(|w| u32::from_le_bytes(w.try_into().unwrap()))
            .collect())
    }

    #[test]
    fn translation_sources_of_the_same_bytes_share_one_copy() {
        let wasm = wat::parse_str(GUEST).unwrap();
        let options = TranslateOptions::default();
        let a = TranslationSource::new(&wasm, KernelRef::TableIndex(1), options);
        let b = TranslationSource::new(&wasm.clone(), KernelRef::TableIndex(2), options);
        assert!(Arc::ptr_eq(&a.wasm, &b.wasm));
        let other =
            wat::parse_str(GUEST.replace("(memory", "(global i32 (i32.const 7)) (memory")).unwrap();
        let c = TranslationSource::new(&other, KernelRef::TableIndex(1), options);
        assert!(!Arc::ptr_eq(&a.wasm, &c.wasm));
        // Translating again from the shared copy gives the kernel it names.
        let t = b.translate(&Layout::default()).expect("translates");
        assert_eq!(t.buffers.len(), 1);
    }

    #[test]
    fn function_pointers_name_what_table_0_holds() {
        let cpu = CpuDevice::new(&CpuDeviceDescriptor {
            engine: engine(),
            threads: Some(2),
            clock: None,
            kernel_config: None,
        })
        .unwrap();
        assert_eq!(run(&cpu, 1).unwrap(), [1; 4]);
        assert_eq!(run(&cpu, 2).unwrap(), [2; 4]);
        assert!(matches!(
            run(&cpu, 3),
            Err(CompileError::Module {
                source: KernelError::NoSuchFunction(3),
                ..
            })
        ));
    }

    /// The deepest function body Wasm allows (wasmparser takes bodies of up to 7,654,321
    /// bytes: about 3.8 million nested empty blocks) compiles or is refused, on the caller's
    /// 2 MiB test thread, for the CPU device (walrus, Wasmtime) as for the translator.
    #[test]
    fn the_deepest_kernels_compile_or_are_refused_without_overflow() {
        let cpu = CpuDevice::new(&CpuDeviceDescriptor {
            engine: engine(),
            threads: Some(2),
            clock: None,
            kernel_config: None,
        })
        .unwrap();
        for depth in [10_000, 3_800_000] {
            let wat = format!(
                r#"(module (memory 1) (table 2 funcref) (elem (i32.const 1) $k)
                  (func $k (param i32 i32 i32 i32 i32) {}{}))"#,
                "block ".repeat(depth),
                "end ".repeat(depth)
            );
            let bytes = wat::parse_str(&wat).unwrap();
            let made = compile_kernel(
                &cpu,
                &bytes,
                KernelEntry::TableIndex(1),
                &CompileOptions::default(),
            );
            assert!(
                made.is_ok() || matches!(made, Err(CompileError::Module { .. })),
                "{depth}: {made:?}"
            );
            let options = TranslateOptions::default();
            let translated =
                wasi_parallel_translator::translate(&bytes, KernelRef::TableIndex(1), &options);
            // Refused as too deep, or as larger than wasmparser takes: an error either way.
            assert!(
                matches!(
                    translated,
                    Err(wasi_parallel_translator::Error::Unsupported { .. }
                        | wasi_parallel_translator::Error::Invalid(_))
                ),
                "{depth}: {translated:?}"
            );
        }
    }

    #[test]
    fn the_translator_resolves_function_pointers_the_same_way() {
        let bytes = wat::parse_str(GUEST.replace(
            "(elem (i32.const 1)",
            "(export \"ones\" (func $ones)) (export \"twos\" (func $twos)) (elem (i32.const 1)",
        ))
        .unwrap();
        let options = TranslateOptions::default();
        let translate = |kernel| {
            wasi_parallel_translator::translate(&bytes, kernel, &options)
                .map(|t| format!("{:?}", t.module))
        };
        let ones = translate(KernelRef::Export("ones")).unwrap();
        let twos = translate(KernelRef::Export("twos")).unwrap();
        assert_ne!(ones, twos);
        assert_eq!(translate(KernelRef::TableIndex(1)).unwrap(), ones);
        assert_eq!(translate(KernelRef::TableIndex(2)).unwrap(), twos);
        assert!(matches!(
            translate(KernelRef::TableIndex(3)),
            Err(wasi_parallel_translator::Error::NoKernel(_))
        ));
    }
}
