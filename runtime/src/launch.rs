//! Launches: `parallel_for` and `parallel_exec`, from the guest's arguments to a kernel run on a
//! device.
//!
//! # How
//!
//! A launch reads its buffer handles, takes the device they live on, resolves the kernel there
//! (compiled once per process, see [`crate::WasiParallelHost`]), and runs it. A kernel the
//! device cannot run goes to the CPU executor instead (unless strict): the buffers get shadow
//! copies in a CPU space, synchronised before and after. Zero-copy guests (a shared memory) run
//! in a space over the guest's own memory on devices that can, and have their views staged to
//! and from the device's buffers on those that cannot. The tuner's trials are chosen and timed
//! here.

use std::sync::Arc;

use wasi_parallel_device::{Buffer, BufferDescriptor, Kernel, Launch, Space};

use crate::ctx::Handle;
use crate::ctx::{nonnegative, GuestMemory, WasiParallelCtx};
use crate::errno::Failure;
use crate::host::{KernelKey, Tuning};
use crate::tune::Setting;

/// A kernel ready to launch: on the launch's device, or on the CPU executor in its place.
enum Resolved {
    Native(Arc<dyn Kernel>),
    OnCpu(Arc<dyn Kernel>),
}

impl Resolved {
    fn kernel(&self) -> &dyn Kernel {
        match self {
            Resolved::Native(k) | Resolved::OnCpu(k) => &**k,
        }
    }
}

impl WasiParallelCtx {
    fn run(
        &mut self,
        device: u32,
        kernel: &dyn Kernel,
        items: u32,
        block_size: i32,
        handles: &[i32],
        chunk: Option<u32>,
    ) -> Result<(), Failure> {
        let storages: Vec<_> = handles
            .iter()
            .map(|&h| self.buffer_slot(h).map(|b| b.storage.clone()))
            .collect::<Result<_, _>>()?;
        let buffers: Vec<&dyn Buffer> = storages.iter().map(|b| &**b).collect();
        let addresses = self.view_addresses(handles)?;
        let launch = Launch {
            items,
            block_size: block_size as u32,
            buffers: &buffers,
            chunk,
            addresses: addresses.as_deref(),
        };
        let result = self.space(device)?.launch(kernel, &launch);
        // Work items that ran before a trap may have written their buffers: keep that visible.
        self.mark_written(handles);
        result.map_err(Failure::from)
    }

    /// The buffers' addresses in the guest's memory, when every one is a view of it (a guest
    /// with a shared memory): translated kernels compare pointers into two buffers by them.
    fn view_addresses(&self, handles: &[i32]) -> Result<Option<Vec<u32>>, Failure> {
        let mut addresses = Vec::with_capacity(handles.len());
        for &h in handles {
            match self.buffer_slot(h)?.view {
                Some((address, _)) => addresses.push(address),
                None => return Ok(None),
            }
        }
        Ok(Some(addresses))
    }

    /// The device of a launch's buffers; with none, the instance's first device, and with no
    /// device yet, the host's default device, as the 2021 host had.
    fn launch_device(&mut self, handles: &[i32]) -> Result<u32, Failure> {
        let mut devices = handles
            .iter()
            .map(|&h| self.buffer_slot(h).map(|b| b.device));
        match devices.next() {
            Some(first) => {
                let first = first?;
                for other in devices {
                    if other? != first {
                        return Err(Failure::invalid_argument(
                            "the buffers are on different devices",
                        ));
                    }
                }
                Ok(first)
            }
            None => match self
                .handles
                .iter()
                .position(|h| matches!(h, Handle::Device(_)))
            {
                Some(p) => Ok(p as u32 + 1),
                None => {
                    let index = self.ctx.default_device()?;
                    self.device_handle(index)
                }
            },
        }
    }

    #[allow(clippy::too_many_arguments, reason = "mirrors the ABI")]
    pub(crate) fn parallel_for(
        &mut self,
        memory: &mut dyn GuestMemory,
        kernel: i32,
        items: i32,
        block_size: i32,
        in_list: (i32, i32),
        out_list: (i32, i32),
    ) -> Result<(), Failure> {
        let items = nonnegative(items, "the number of work items")?;
        let handles = self.launch_buffers(memory, in_list, out_list)?;
        let device = self.launch_device(&handles)?;
        let guest = self.guest.clone().ok_or_else(|| {
            Failure::unsupported_kernel(
                "the host was not given this guest's module, so it cannot find its kernels",
            )
        })?;
        let index = nonnegative(kernel, "the kernel function pointer")
            .map_err(|f| Failure::invalid_kernel(f.message()))?;
        let key = KernelKey::Funcref {
            guest: guest.id(),
            index,
        };
        let (compiled, tuning) = self.resolve(key.clone(), device, guest.bytes(), items)?;
        check_arity(compiled.kernel(), handles.len())?;
        let source = (&key, guest.bytes());
        if memory.shared().is_some() {
            // Views live in the guest's memory; the kernel runs on the device's copies.
            self.stage_views(memory, &handles, device)?;
            let result = self.execute(
                &compiled, tuning, device, items, block_size, &handles, source,
            );
            self.unstage_views(memory, &handles, device)?;
            return result;
        }
        self.execute(
            &compiled, tuning, device, items, block_size, &handles, source,
        )
    }

    /// The kernel for `key` on `device`, or, when the device cannot run it and the context is
    /// not strict, on the CPU executor (said once in the log).
    ///
    /// With tuning on, the kernel is the variant of the tuner's setting for a launch of `items`
    /// work items, which the returned [`Tuning`] carries to the launch.
    fn resolve(
        &mut self,
        key: KernelKey,
        device: u32,
        bytes: &[u8],
        items: u32,
    ) -> Result<(Resolved, Tuning), Failure> {
        let device_index = self.device_slot(device as i32)?.index;
        let knob = self.ctx.knob(device_index);
        let (setting, trial) = match &self.ctx.inner.tuner {
            Some(tuner) => tuner.setting(&key.to_string(), device_index, knob, items),
            None => (Setting::Default, None),
        };
        let workers = self.ctx.inner.devices[device_index].info().compute_units;
        let mut tuning = Tuning {
            setting,
            trial,
            workers,
        };
        let mut compiled = self
            .ctx
            .kernel(key.clone(), device_index, bytes, setting.workgroup());
        if compiled.is_err() && setting.workgroup().is_some() {
            // A workgroup size the device refuses: never choose it, and launch the default.
            if let (Some(tuner), Some(trial)) = (&self.ctx.inner.tuner, tuning.trial.take()) {
                tuner.reject(trial);
            }
            tuning.setting = Setting::Default;
            compiled = self.ctx.kernel(key.clone(), device_index, bytes, None);
        }
        match compiled {
            Ok(kernel) => Ok((Resolved::Native(kernel), tuning)),
            Err(f) if f.is_unsupported_kernel() && !self.ctx.inner.strict => {
                if self.ctx.cpu_index().is_none_or(|cpu| cpu == device_index) {
                    return Err(f);
                }
                let kernel = self.cpu_kernel(&key, bytes, device_index, &f)?;
                Ok((Resolved::OnCpu(kernel), Tuning::none()))
            }
            Err(f) => Err(f),
        }
    }

    /// Launches a resolved kernel; a tuning trial is timed and reported to the tuner.
    ///
    /// On a device that ends loops past a limit (lavapipe), outside strict mode, a launch whose
    /// work items ran past it is run again on the CPU executor (`source` is the kernel's key and
    /// module), from copies of its written buffers taken before it, with one log line: the
    /// guest gets the right answer, not a trap.
    #[allow(clippy::too_many_arguments, reason = "a launch's parts")]
    fn execute(
        &mut self,
        compiled: &Resolved,
        tuning: Tuning,
        device: u32,
        items: u32,
        block_size: i32,
        handles: &[i32],
        source: (&KernelKey, &[u8]),
    ) -> Result<(), Failure> {
        let start = std::time::Instant::now();
        let chunk = tuning.setting.chunk(items, tuning.workers);
        match compiled {
            Resolved::Native(kernel) if self.loop_limited(device)? => {
                let before = self.snapshot(device, handles)?;
                match self.run(device, &**kernel, items, block_size, handles, chunk) {
                    Err(f) if f.is_loop_limit() => {
                        self.restore(device, before)?;
                        let index = self.device_slot(device as i32)?.index;
                        let on_cpu = self.cpu_kernel(source.0, source.1, index, &f)?;
                        return self.run_on_cpu(device, &*on_cpu, items, block_size, handles);
                    }
                    other => other?,
                }
            }
            Resolved::Native(kernel) => {
                self.run(device, &**kernel, items, block_size, handles, chunk)?
            }
            Resolved::OnCpu(kernel) => {
                return self.run_on_cpu(device, &**kernel, items, block_size, handles);
            }
        }
        if let (Some(tuner), Some(trial)) = (&self.ctx.inner.tuner, tuning.trial) {
            tuner.record(trial, start.elapsed());
        }
        Ok(())
    }

    /// The kernel `key` (of module `bytes`) compiled for the CPU executor, instead of device
    /// `device_index`, which failed it with `why` (said once in the log).
    fn cpu_kernel(
        &mut self,
        key: &KernelKey,
        bytes: &[u8],
        device_index: usize,
        why: &Failure,
    ) -> Result<Arc<dyn Kernel>, Failure> {
        let cpu = self
            .ctx
            .cpu_index()
            .ok_or_else(|| Failure::device_error("no cpu device"))?;
        let kernel = self.ctx.kernel(key.clone(), cpu, bytes, None)?;
        self.ctx.log_fallback_once(key, device_index, why.message());
        Ok(kernel)
    }

    /// Whether launches on `device` may run again on the CPU past its loop limit: a limit, and
    /// not strict mode.
    fn loop_limited(&mut self, device: u32) -> Result<bool, Failure> {
        let index = self.device_slot(device as i32)?.index;
        let limited = self.ctx.inner.devices[index]
            .info()
            .limits
            .max_loop_iterations
            .is_some();
        Ok(limited && !self.ctx.inner.strict && self.ctx.cpu_index().is_some())
    }

    /// Copies of the buffers among `handles` that a kernel may change and that hold data.
    fn snapshot(&mut self, device: u32, handles: &[i32]) -> Result<Vec<(i32, Vec<u8>)>, Failure> {
        let mut unique = handles.to_vec();
        unique.sort_unstable();
        unique.dedup();
        let mut copies = Vec::new();
        for h in unique {
            let slot = self.buffer_slot(h)?;
            if !slot.written || !slot.access.kernel_writes() {
                continue;
            }
            let (storage, size) = (slot.storage.clone(), slot.size);
            let mut data = vec![0; size as usize];
            self.space(device)?.read_buffer(&*storage, 0, &mut data)?;
            copies.push((h, data));
        }
        Ok(copies)
    }

    /// Puts back what [`WasiParallelCtx::snapshot`] copied.
    fn restore(&mut self, device: u32, copies: Vec<(i32, Vec<u8>)>) -> Result<(), Failure> {
        for (h, data) in copies {
            let storage = self.buffer_slot(h)?.storage.clone();
            self.space(device)?.write_buffer(&*storage, 0, &data)?;
        }
        Ok(())
    }

    /// Runs `kernel` on the CPU executor for buffers that live on `device`: copies them to
    /// shadows in the device's fallback space, launches, and copies the writable ones back.
    fn run_on_cpu(
        &mut self,
        device: u32,
        kernel: &dyn Kernel,
        items: u32,
        block_size: i32,
        handles: &[i32],
    ) -> Result<(), Failure> {
        let cpu = self
            .ctx
            .cpu_index()
            .ok_or_else(|| Failure::device_error("no cpu device"))?;
        let mut fallback = match self.device_slot(device as i32)?.fallback.take() {
            Some(space) => space,
            None => self.open_space(cpu)?,
        };
        let result = self.shadow_launch(&mut *fallback, device, kernel, items, block_size, handles);
        self.device_slot(device as i32)?.fallback = Some(fallback);
        self.mark_written(handles);
        result
    }

    fn shadow_launch(
        &mut self,
        fallback: &mut dyn Space,
        device: u32,
        kernel: &dyn Kernel,
        items: u32,
        block_size: i32,
        handles: &[i32],
    ) -> Result<(), Failure> {
        let mut unique = handles.to_vec();
        unique.sort_unstable();
        unique.dedup();
        for &h in &unique {
            let slot = self.buffer_slot(h)?;
            let shadow = match &slot.shadow {
                Some(shadow) => shadow.clone(),
                None => {
                    let desc = BufferDescriptor {
                        size: u64::from(slot.size),
                        access: slot.access,
                    };
                    let shadow = fallback.create_buffer(&desc)?;
                    self.buffer_slot_mut(h)?.shadow = Some(shadow.clone());
                    shadow
                }
            };
            let slot = self.buffer_slot(h)?;
            if slot.written {
                let (storage, size) = (slot.storage.clone(), slot.size);
                let mut data = vec![0; size as usize];
                self.space(device)?.read_buffer(&*storage, 0, &mut data)?;
                fallback.write_buffer(&*shadow, 0, &data)?;
            }
        }
        let shadows = handles
            .iter()
            .map(|&h| {
                self.buffer_slot(h)
                    .map(|b| b.shadow.clone().expect("made above"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let buffers: Vec<&dyn Buffer> = shadows.iter().map(|b| &**b).collect();
        let launched = fallback.launch(
            kernel,
            &Launch {
                items,
                block_size: block_size as u32,
                buffers: &buffers,
                chunk: None,
                addresses: None,
            },
        );
        // Copy back whatever the work items wrote, also when one trapped.
        for &h in &unique {
            let slot = self.buffer_slot(h)?;
            if !slot.access.kernel_writes() {
                continue;
            }
            let (storage, size, shadow) = (
                slot.storage.clone(),
                slot.size,
                slot.shadow.clone().expect("made above"),
            );
            let mut data = vec![0; size as usize];
            fallback.read_buffer(&*shadow, 0, &mut data)?;
            self.space(device)?.write_buffer(&*storage, 0, &data)?;
        }
        Ok(launched?)
    }

    fn stage_views(
        &mut self,
        memory: &mut dyn GuestMemory,
        handles: &[i32],
        device: u32,
    ) -> Result<(), Failure> {
        for &h in handles {
            let slot = self.buffer_slot(h)?;
            if let Some((address, len)) = slot.view {
                let data = memory.read(address, len)?;
                let storage = slot.storage.clone();
                self.space(device)?.write_buffer(&*storage, 0, &data)?;
            }
        }
        Ok(())
    }

    fn unstage_views(
        &mut self,
        memory: &mut dyn GuestMemory,
        handles: &[i32],
        device: u32,
    ) -> Result<(), Failure> {
        for &h in handles {
            let slot = self.buffer_slot(h)?;
            if !slot.access.kernel_writes() {
                continue;
            }
            let (storage, size, view) = (slot.storage.clone(), slot.size, slot.view);
            let (address, len) = match view {
                Some(view) => view,
                None => continue,
            };
            let mut data = vec![0; len.min(size) as usize];
            self.space(device)?.read_buffer(&*storage, 0, &mut data)?;
            memory.write(address, &data)?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments, reason = "mirrors the ABI")]
    pub(crate) fn parallel_exec(
        &mut self,
        memory: &mut dyn GuestMemory,
        device: i32,
        kernel: (i32, i32),
        items: i32,
        block_size: i32,
        in_list: (i32, i32),
        out_list: (i32, i32),
    ) -> Result<(), Failure> {
        let items = nonnegative(items, "the number of iterations")?;
        let kernel_len = nonnegative(kernel.1, "the kernel length")?;
        let handles = self.launch_buffers(memory, in_list, out_list)?;
        for &h in &handles {
            if self.buffer_slot(h)?.device != device as u32 {
                return Err(Failure::bad_handle(format!(
                    "buffer {h} is on another device than {device}"
                )));
            }
        }
        let bytes = memory.read(kernel.0 as u32, kernel_len)?;
        let key = KernelKey::Exec {
            module: *blake3::hash(&bytes).as_bytes(),
        };
        let (compiled, tuning) = self.resolve(key.clone(), device as u32, &bytes, items)?;
        check_arity(compiled.kernel(), handles.len())?;
        let source = (&key, &bytes[..]);
        let Some(shared) = memory.shared() else {
            return self.execute(
                &compiled,
                tuning,
                device as u32,
                items,
                block_size,
                &handles,
                source,
            );
        };
        let devices = self.ctx.inner.devices.clone();
        let index = self.device_slot(device)?.index;
        let (kernel, on_cpu) = match &compiled {
            Resolved::Native(kernel) if devices[index].as_wasm_memory().is_some() => {
                (kernel.clone(), false)
            }
            Resolved::Native(_) => {
                // A GPU: the views go to the device's copies of the buffers and back, as for
                // `parallel_for`.
                self.stage_views(memory, &handles, device as u32)?;
                let result = self.execute(
                    &compiled,
                    tuning,
                    device as u32,
                    items,
                    block_size,
                    &handles,
                    source,
                );
                self.unstage_views(memory, &handles, device as u32)?;
                return result;
            }
            // A kernel the GPU cannot run: zero-copy on the CPU executor.
            Resolved::OnCpu(kernel) => (kernel.clone(), true),
        };
        // Zero-copy: run in the guest's memory, at the places write_buffer recorded.
        let mut views = Vec::with_capacity(handles.len());
        for &h in &handles {
            let slot = self.buffer_slot(h)?;
            let (address, len) = slot.view.ok_or_else(|| {
                Failure::invalid_argument(format!(
                    "buffer {h} has no place in the shared memory yet: write_buffer it first"
                ))
            })?;
            views.push((address, len, slot.access));
        }
        let runs_on = if on_cpu {
            self.ctx
                .cpu_index()
                .ok_or_else(|| Failure::device_error("no cpu device"))?
        } else {
            index
        };
        let slot = self.device_slot(device)?;
        let place = if on_cpu {
            &mut slot.guest_fallback
        } else {
            &mut slot.guest_space
        };
        if place.is_none() {
            let wasm_device = devices[runs_on].as_wasm_memory().ok_or_else(|| {
                Failure::unsupported_kernel(
                    "this device cannot run kernels in a guest's shared memory",
                )
            })?;
            *place = Some(wasm_device.create_space_in(shared)?);
        }
        let space = place.as_deref().expect("opened above");
        let storages = views
            .iter()
            .map(|&(address, len, access)| {
                space.create_view(u64::from(address), u64::from(len), access)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let buffers: Vec<&dyn Buffer> = storages.iter().map(|b| &**b).collect();
        let start = std::time::Instant::now();
        space.launch(
            &*kernel,
            &Launch {
                items,
                block_size: block_size as u32,
                buffers: &buffers,
                chunk: tuning.setting.chunk(items, tuning.workers),
                addresses: None,
            },
        )?;
        if let (Some(tuner), Some(trial)) = (&self.ctx.inner.tuner, tuning.trial) {
            tuner.record(trial, start.elapsed());
        }
        Ok(())
    }
}

fn check_arity(kernel: &dyn Kernel, buffers: usize) -> Result<(), Failure> {
    if kernel.buffer_count() == buffers {
        return Ok(());
    }
    Err(Failure::invalid_kernel(format!(
        "kernel `{}` takes {} buffers, but the launch passes {buffers}",
        kernel.label(),
        kernel.buffer_count()
    )))
}
