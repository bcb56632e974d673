//! Per-store state: [`WasiParallelCtx`], one instance's handles, devices and buffers, and the
//! ABI calls that manage them (`get_device`, `create_buffer`, `write_buffer`, `read_buffer`).
//! Launches are in [`crate::launch`]; what is shared by every instance is
//! [`crate::WasiParallelHost`].

use std::fmt;
use std::sync::Arc;

use wasi_parallel_device::{
    Access, Buffer, BufferDescriptor, DeviceKind, Space, SpaceDescriptor, StaticSegment,
    WasmMemorySpace,
};

use crate::errno::Failure;
use crate::guest::GuestModule;
use crate::host::WasiParallelHost;

/// A device this instance holds a handle to.
pub(crate) struct DeviceSlot {
    pub(crate) index: usize,
    /// Where the instance's buffers live, opened at the first buffer.
    pub(crate) space: Option<Box<dyn Space>>,
    /// The zero-copy space in the guest's shared memory, opened at the first zero-copy launch.
    pub(crate) guest_space: Option<Box<dyn WasmMemorySpace>>,
    /// A CPU space for kernels this (GPU) device cannot run, opened at the first such kernel.
    pub(crate) fallback: Option<Box<dyn Space>>,
    /// The CPU's zero-copy space in the guest's shared memory, for `parallel_exec` kernels this
    /// (GPU) device cannot run.
    pub(crate) guest_fallback: Option<Box<dyn WasmMemorySpace>>,
}

/// A buffer this instance created.
pub(crate) struct BufferSlot {
    pub(crate) device: u32,
    pub(crate) size: u32,
    pub(crate) access: Access,
    pub(crate) storage: Arc<dyn Buffer>,
    /// Zero-copy guests: where `write_buffer` said the data lies, `(address, length)`.
    pub(crate) view: Option<(u32, u32)>,
    /// Whether anything has written the buffer.
    pub(crate) written: bool,
    /// Its copy in the device's CPU fallback space, made at the first fallback launch.
    pub(crate) shadow: Option<Arc<dyn Buffer>>,
}

pub(crate) enum Handle {
    Device(DeviceSlot),
    Buffer(BufferSlot),
    /// A buffer handle that `release_buffer` freed; the next buffer created takes it.
    Free,
}

/// One store's wasi-parallel state: its handles, devices and buffers.
pub struct WasiParallelCtx {
    pub(crate) ctx: WasiParallelHost,
    pub(crate) guest: Option<Arc<GuestModule>>,
    /// Handle `h` is `handles[h - 1]`.
    pub(crate) handles: Vec<Handle>,
    /// Indices of `Handle::Free` slots, reused before the table grows.
    free: Vec<usize>,
    /// Live buffers, and the bytes they hold, against the instance's quotas.
    buffers: u32,
    buffer_bytes: u64,
}

impl Drop for WasiParallelCtx {
    fn drop(&mut self) {
        self.ctx.return_buffer_bytes(self.buffer_bytes);
    }
}

impl fmt::Debug for WasiParallelCtx {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WasiParallelCtx")
            .field("guest", &self.guest)
            .field("handles", &self.handles.len())
            .finish()
    }
}

/// The guest's memory, as a host call sees it.
pub(crate) trait GuestMemory {
    /// The memory's size in bytes.
    fn size(&self) -> usize;
    /// Copies `len` bytes at `ptr` out of guest memory.
    fn read(&self, ptr: u32, len: u32) -> Result<Vec<u8>, Failure>;
    /// Copies `bytes` into guest memory at `ptr`.
    fn write(&mut self, ptr: u32, bytes: &[u8]) -> Result<(), Failure>;
    /// The guest's shared memory, if it exports one (zero-copy buffers).
    fn shared(&self) -> Option<wasmtime::SharedMemory>;
}

/// Checks that `ptr..ptr + len` lies in a memory of `size` bytes.
pub(crate) fn check_range(
    ptr: u32,
    len: u32,
    size: usize,
) -> Result<std::ops::Range<usize>, Failure> {
    let start = ptr as usize;
    match start.checked_add(len as usize) {
        Some(end) if end <= size => Ok(start..end),
        _ => Err(Failure::out_of_bounds(format!(
            "{len} bytes at {ptr:#x} are outside the guest's memory of {size} bytes"
        ))),
    }
}

pub(crate) fn nonnegative(value: i32, what: &str) -> Result<u32, Failure> {
    u32::try_from(value)
        .map_err(|_| Failure::invalid_argument(format!("{what} is negative: {value}")))
}

fn released(handle: i32) -> Failure {
    Failure::bad_handle(format!("buffer {handle} was released"))
}

/// The most buffers one launch may pass.
pub(crate) const MAX_LAUNCH_BUFFERS: u32 = 1024;

impl WasiParallelCtx {
    /// State for an instance of `guest`.
    pub fn new(ctx: &WasiParallelHost, guest: Arc<GuestModule>) -> WasiParallelCtx {
        WasiParallelCtx {
            ctx: ctx.clone(),
            guest: Some(guest),
            handles: Vec::new(),
            free: Vec::new(),
            buffers: 0,
            buffer_bytes: 0,
        }
    }

    /// State for an instance whose module the host does not have: `parallel_exec` works,
    /// `parallel_for` returns `UNSUPPORTED_KERNEL`.
    pub fn without_guest(ctx: &WasiParallelHost) -> WasiParallelCtx {
        WasiParallelCtx {
            ctx: ctx.clone(),
            guest: None,
            handles: Vec::new(),
            free: Vec::new(),
            buffers: 0,
            buffer_bytes: 0,
        }
    }

    /// The context this state belongs to.
    pub fn ctx(&self) -> &WasiParallelHost {
        &self.ctx
    }

    pub(crate) fn push(&mut self, handle: Handle) -> Result<u32, Failure> {
        if let Some(index) = self.free.pop() {
            self.handles[index] = handle;
            return Ok(index as u32 + 1);
        }
        if self.handles.len() >= i32::MAX as usize - 1 {
            return Err(Failure::out_of_memory("too many handles"));
        }
        self.handles.push(handle);
        Ok(self.handles.len() as u32)
    }

    pub(crate) fn handle_index(&self, handle: i32) -> Result<usize, Failure> {
        usize::try_from(handle)
            .ok()
            .filter(|&h| h >= 1 && h <= self.handles.len())
            .map(|h| h - 1)
            .ok_or_else(|| {
                Failure::bad_handle(format!("{handle} is not a handle of this instance"))
            })
    }

    pub(crate) fn device_slot(&mut self, handle: i32) -> Result<&mut DeviceSlot, Failure> {
        let index = self.handle_index(handle)?;
        match &mut self.handles[index] {
            Handle::Device(d) => Ok(d),
            Handle::Buffer(_) => Err(Failure::bad_handle(format!(
                "{handle} is a buffer, not a device"
            ))),
            Handle::Free => Err(released(handle)),
        }
    }

    pub(crate) fn buffer_slot(&self, handle: i32) -> Result<&BufferSlot, Failure> {
        match &self.handles[self.handle_index(handle)?] {
            Handle::Buffer(b) => Ok(b),
            Handle::Device(_) => Err(Failure::bad_handle(format!(
                "{handle} is a device, not a buffer"
            ))),
            Handle::Free => Err(released(handle)),
        }
    }

    pub(crate) fn buffer_slot_mut(&mut self, handle: i32) -> Result<&mut BufferSlot, Failure> {
        let index = self.handle_index(handle)?;
        match &mut self.handles[index] {
            Handle::Buffer(b) => Ok(b),
            Handle::Device(_) => Err(Failure::bad_handle(format!(
                "{handle} is a device, not a buffer"
            ))),
            Handle::Free => Err(released(handle)),
        }
    }

    /// The space of device handle `device`, opened on first use.
    pub(crate) fn space(&mut self, device: u32) -> Result<&dyn Space, Failure> {
        let index = self.device_slot(device as i32)?.index;
        if self.device_slot(device as i32)?.space.is_none() {
            let space = self.open_space(index)?;
            self.device_slot(device as i32)?.space = Some(space);
        }
        Ok(self
            .device_slot(device as i32)?
            .space
            .as_deref()
            .expect("opened above"))
    }

    /// Opens a space on device `index` holding this guest's static data.
    pub(crate) fn open_space(&self, index: usize) -> Result<Box<dyn Space>, Failure> {
        let guest = self.guest.as_ref();
        let segments: Vec<_> = guest
            .map(|g| {
                g.segments()
                    .iter()
                    .map(|(address, bytes)| StaticSegment {
                        address: *address,
                        bytes,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let desc = SpaceDescriptor {
            static_size: guest.map_or(0, |g| g.static_size()),
            static_segments: &segments,
            confined: true,
        };
        Ok(self.ctx.inner.devices[index].create_space(&desc)?)
    }

    pub(crate) fn get_device(&mut self, hint: i32) -> Result<u32, Failure> {
        let kind = u32::try_from(hint)
            .ok()
            .and_then(DeviceKind::from_hint)
            .ok_or_else(|| Failure::invalid_argument(format!("unknown device hint {hint}")))?;
        let index = self.ctx.pick(kind)?;
        self.device_handle(index)
    }

    /// The handle of device `index`, made the first time.
    pub(crate) fn device_handle(&mut self, index: usize) -> Result<u32, Failure> {
        let existing = self
            .handles
            .iter()
            .position(|h| matches!(h, Handle::Device(d) if d.index == index));
        match existing {
            Some(position) => Ok(position as u32 + 1),
            None => self.push(Handle::Device(DeviceSlot {
                index,
                space: None,
                guest_space: None,
                fallback: None,
                guest_fallback: None,
            })),
        }
    }

    pub(crate) fn create_buffer(
        &mut self,
        device: i32,
        size: i32,
        access: i32,
    ) -> Result<u32, Failure> {
        self.device_slot(device)?;
        let size = nonnegative(size, "the buffer size")?;
        let access = u32::try_from(access)
            .ok()
            .and_then(Access::from_abi)
            .ok_or_else(|| Failure::invalid_argument(format!("unknown buffer access {access}")))?;
        let quotas = self.ctx.inner.quotas;
        if self.buffers >= quotas.buffers_per_instance {
            return Err(Failure::out_of_memory(format!(
                "this instance holds {} buffers, its quota; release_buffer frees one",
                self.buffers
            )));
        }
        let bytes = u64::from(size);
        if self.buffer_bytes + bytes > quotas.buffer_bytes_per_instance {
            return Err(Failure::out_of_memory(format!(
                "a buffer of {bytes} bytes is over this instance's quota: {} of {} bytes in use",
                self.buffer_bytes, quotas.buffer_bytes_per_instance
            )));
        }
        self.ctx.take_buffer_bytes(bytes)?;
        let made = self.space(device as u32).and_then(|space| {
            Ok(space.create_buffer(&BufferDescriptor {
                size: bytes,
                access,
            })?)
        });
        let storage = match made {
            Ok(storage) => storage,
            Err(e) => {
                self.ctx.return_buffer_bytes(bytes);
                return Err(e);
            }
        };
        self.buffers += 1;
        self.buffer_bytes += bytes;
        self.push(Handle::Buffer(BufferSlot {
            device: device as u32,
            size,
            access,
            storage,
            view: None,
            written: false,
            shadow: None,
        }))
    }

    /// Frees a buffer: its memory on the device (and any CPU copy of it) goes, and the handle is
    /// given to the next buffer created.
    pub(crate) fn release_buffer(&mut self, buffer: i32) -> Result<(), Failure> {
        let size = self.buffer_slot(buffer)?.size;
        let index = self.handle_index(buffer)?;
        self.handles[index] = Handle::Free;
        self.free.push(index);
        self.buffers -= 1;
        self.buffer_bytes -= u64::from(size);
        self.ctx.return_buffer_bytes(u64::from(size));
        Ok(())
    }

    pub(crate) fn write_buffer(
        &mut self,
        memory: &mut dyn GuestMemory,
        ptr: i32,
        len: i32,
        buffer: i32,
    ) -> Result<(), Failure> {
        let slot = self.buffer_slot(buffer)?;
        let (ptr, len) = (ptr as u32, nonnegative(len, "the data length")?);
        if len > slot.size {
            return Err(Failure::out_of_bounds(format!(
                "{len} bytes do not fit in buffer {buffer} of {} bytes",
                slot.size
            )));
        }
        let device = slot.device;
        if let Some(shared) = memory.shared() {
            // Zero-copy: remember where the data is.
            drop(shared);
            check_range(ptr, len, memory.size())?;
            let slot = self.buffer_slot_mut(buffer)?;
            slot.view = Some((ptr, len));
            slot.written = true;
            return Ok(());
        }
        let data = memory.read(ptr, len)?;
        let storage = self.buffer_slot(buffer)?.storage.clone();
        self.space(device)?.write_buffer(&*storage, 0, &data)?;
        self.buffer_slot_mut(buffer)?.written = true;
        Ok(())
    }

    pub(crate) fn read_buffer(
        &mut self,
        memory: &mut dyn GuestMemory,
        buffer: i32,
        ptr: i32,
        len: i32,
    ) -> Result<(), Failure> {
        let slot = self.buffer_slot(buffer)?;
        let (ptr, len) = (ptr as u32, nonnegative(len, "the data length")?);
        if !slot.written {
            return Err(Failure::not_written(format!(
                "buffer {buffer} was never written"
            )));
        }
        if len > slot.size {
            return Err(Failure::out_of_bounds(format!(
                "{len} bytes asked of buffer {buffer}, which holds {}",
                slot.size
            )));
        }
        if let Some((address, view_len)) = slot.view {
            if len > view_len {
                return Err(Failure::out_of_bounds(format!(
                    "{len} bytes asked of buffer {buffer}, whose data is {view_len} bytes"
                )));
            }
            let data = memory.read(address, len)?;
            return memory.write(ptr, &data);
        }
        // Check the destination before copying out of the device.
        check_range(ptr, len, memory.size())?;
        let mut data = vec![0; len as usize];
        let (device, storage) = (slot.device, slot.storage.clone());
        self.space(device)?.read_buffer(&*storage, 0, &mut data)?;
        memory.write(ptr, &data)
    }

    /// Reads a list of buffer handles and checks they are this instance's buffers.
    pub(crate) fn buffer_list(
        &self,
        memory: &dyn GuestMemory,
        ptr: i32,
        count: i32,
        into: &mut Vec<i32>,
    ) -> Result<(), Failure> {
        let count = nonnegative(count, "a buffer count")?;
        if count > MAX_LAUNCH_BUFFERS {
            return Err(Failure::invalid_argument(format!(
                "{count} buffers; a launch takes at most {MAX_LAUNCH_BUFFERS}"
            )));
        }
        let bytes = memory.read(ptr as u32, count * 4)?;
        for handle in bytes.chunks_exact(4) {
            let handle = i32::from_le_bytes(handle.try_into().expect("chunks of 4"));
            self.buffer_slot(handle)?;
            into.push(handle);
        }
        Ok(())
    }

    pub(crate) fn launch_buffers(
        &self,
        memory: &dyn GuestMemory,
        in_list: (i32, i32),
        out_list: (i32, i32),
    ) -> Result<Vec<i32>, Failure> {
        let mut handles = Vec::new();
        self.buffer_list(memory, in_list.0, in_list.1, &mut handles)?;
        self.buffer_list(memory, out_list.0, out_list.1, &mut handles)?;
        Ok(handles)
    }

    pub(crate) fn mark_written(&mut self, handles: &[i32]) {
        for &h in handles {
            if let Ok(slot) = self.buffer_slot_mut(h) {
                if slot.access.kernel_writes() {
                    slot.written = true;
                }
            }
        }
    }
}
