//! A CPU space's heap: where its buffers live, and which of their pages a launch may touch.
//!
//! In a confining heap (see [`crate::SpaceDescriptor::confined`]) every buffer gets pages of its
//! own, a *run*, after at least one closed guard page. A small buffer ends where its run ends (for
//! a size that is not a multiple of 8, up to 7 bytes before, to keep its start 8-byte aligned), so
//! a kernel that reads or writes past its end faults on the next page; a buffer of
//! [`STAGGER_MIN`] or more ends up to 63 cache lines before (see there why). Runs of buffers of
//! [`HUGE`] or more end on a huge page boundary, and the heap asks for huge pages. A heap that
//! does not confine packs runs of whole cache lines back to back. A released buffer's run goes
//! back to the allocator with its contents discarded (`MADV_DONTNEED` where it covers whole
//! pages: they read as zeros and cost no memory until touched again; zeros written elsewhere).
//!
//! Confinement: of the heap, only the runs in `open` are accessible to anyone, read-only or
//! read-write; everything else (guard pages, free ranges, the runs of other buffers, the grown
//! tail) is `PROT_NONE`. A launch opens exactly the buffers it passes, read-only for `Access::Read`
//! and closes the rest; the host opens a buffer read-write before it copies into or out of it.
//! Runs stay as they are between launches, so a kernel launched again on the same buffers (every
//! iteration of a PRK benchmark) costs no system call, and a guest that writes its inputs, launches
//! and reads its outputs costs two `mprotect`s per read-only input. A kernel's access to a closed
//! page is a fault in Wasm code inside the memory's reservation, which Wasmtime turns into an
//! out-of-bounds trap; the operators Wasmtime runs as host code are routed through probes first
//! ([`crate::kernel_module::guard_host_operators`]) so that the host never faults on one.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};

use wasmtime::SharedMemory;

use crate::DeviceError;

use super::{align_up, lock, PAGE};

/// Buffers from this size on are staggered. Buffers allocated back to back with power-of-two
/// sizes put the same element of each at addresses a power of two apart, so a kernel streaming
/// over several of them hits the same cache and TLB sets with every stream, and its loads wait on
/// its stores to other arrays whose low address bits match (measured on an nstream triad over
/// three 256 MiB arrays: 11 GB/s per core contiguous, 20-33 GB/s staggered, 31 GB/s as separate
/// native allocations). So each such buffer ends a varying number of cache lines (0 to 63) before
/// its run does, and, below [`HUGE`], its run starts a varying number of pages (0 to 15) after
/// its guard page.
const STAGGER_MIN: u64 = 64 << 10;
const STAGGER_STEP: u64 = 17;
const STAGGER_PAGES: u64 = 16;
const STAGGER_LINES: u64 = 64;
/// The size of a transparent huge page, and the size from which a confined buffer's run ends on
/// one's boundary. The heap asks for huge pages (`MADV_HUGEPAGE`): changing the protection of
/// 2 MiB of huge page is one page-table entry instead of 512, which is what makes launches that
/// alternate between large buffers cheap (measured here on 64 MiB: 8.5 ms to close and reopen
/// it with 4 KiB pages, 0.02 ms with huge pages), and streaming kernels miss the TLB less. A run
/// whose start is not on a boundary has its first huge page split into small ones.
const HUGE: u64 = 2 << 20;
/// How many runs host copies may leave open besides the last launch's before the heap closes
/// them: each open run can be a mapping of its own, and a process has a limited number.
const HOST_OPEN_LIMIT: usize = 256;

/// What the pages of a run allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Prot {
    None,
    Read,
    ReadWrite,
}

/// Where a buffer lies: its address, its run `[run.0, run.1)` and the start of the range
/// (guard pages included) it gives back when released.
#[derive(Clone, Copy, Debug)]
pub(super) struct Placement {
    pub address: u64,
    pub run: (u64, u64),
    unit_start: u64,
}

/// See the module docs.
pub(super) struct Heap {
    /// Keeps the memory mapped while any buffer of it lives.
    memory: SharedMemory,
    /// The host address of the memory's byte 0.
    base: usize,
    /// The granularity of protection: the host's page size.
    page: u64,
    /// Whether pages are protected at all (see [`crate::SpaceDescriptor::confined`]).
    confined: bool,
    state: Mutex<HeapState>,
}

pub(super) struct HeapState {
    /// The bump allocator's next free byte, page-aligned.
    next_free: u64,
    /// Buffers bump-allocated so far (for the stagger).
    made: u64,
    /// Page-aligned ranges released buffers gave back, guard pages included.
    free: Vec<(u64, u64)>,
    /// The runs anyone may access now, by start: (end, how).
    open: HashMap<u64, (u64, Prot)>,
    /// Of `open`, those the last launch opened.
    launched: usize,
}

impl Heap {
    pub fn new(memory: SharedMemory, heap_base: u64, confined: bool) -> Heap {
        let page = host_page_size();
        // A host page larger than a Wasm page cannot protect a buffer on its own.
        let confined = confined && page <= PAGE;
        let base = memory.data().as_ptr() as usize;
        if confined {
            // Huge pages for the heap, up to the memory's largest size (see `HUGE`). Only a
            // hint: without transparent huge pages, protections change page by page.
            let start = (base as u64 + heap_base).next_multiple_of(HUGE);
            let end = base as u64 + super::MAX_PAGES * PAGE;
            if start < end {
                // SAFETY: the range lies in the memory's reservation, which Wasmtime mapped
                // whole when it made the memory and keeps while `memory` lives; MADV_HUGEPAGE
                // changes how pages are backed, never their contents or protections.
                unsafe {
                    libc::madvise(
                        start as *mut libc::c_void,
                        (end - start) as usize,
                        libc::MADV_HUGEPAGE,
                    )
                };
            }
        }
        Heap {
            base,
            memory,
            page,
            confined,
            state: Mutex::new(HeapState {
                next_free: heap_base,
                made: 0,
                free: Vec::new(),
                open: HashMap::new(),
                launched: 0,
            }),
        }
    }

    /// The heap's state, locked: whoever holds it may rely on the pages' protection not
    /// changing, for a launch or a copy.
    pub fn lock(&self) -> MutexGuard<'_, HeapState> {
        lock(&self.state)
    }

    /// Places a new buffer of `size` bytes, open read-write, in a released range if one is large
    /// enough, else at the end of the heap, growing the memory.
    pub fn allocate(&self, size: u64) -> Result<Placement, DeviceError> {
        let limit = super::MAX_PAGES * PAGE;
        let (granule, guard) = self.granule_and_guard();
        let too_big = |in_use: u64| {
            DeviceError::OutOfMemory(format!(
                "a buffer of {size} bytes does not fit: {in_use} of the space's {limit} bytes are \
                 in use"
            ))
        };
        let mut state = self.lock();
        if size == 0 {
            // No bytes: its address is a closed page or past the memory's end.
            let at = state.next_free;
            return Ok(Placement {
                address: at,
                run: (at, at),
                unit_start: at,
            });
        }
        let (pages, pad) = self.stagger(state.made, size);
        let run_len = size
            .checked_add(pad)
            .and_then(|bytes| align_up(bytes, granule))
            .ok_or_else(|| too_big(0))?;
        let placement = match state.take_free(guard + run_len) {
            Some(unit_start) => place(unit_start, unit_start + guard, run_len, size, pad),
            None => {
                let unit_start = state.next_free;
                let run_end = if self.confined && size >= HUGE {
                    // On a huge page boundary of the host's address space.
                    let host_end = (self.base as u64)
                        .checked_add(unit_start + guard + run_len)
                        .and_then(|end| align_up(end, HUGE));
                    host_end.map(|end| end - self.base as u64)
                } else {
                    (unit_start + guard + pages * self.page).checked_add(run_len)
                };
                let run_end = run_end
                    .filter(|&end| end <= limit)
                    .ok_or_else(|| too_big(unit_start))?;
                let run_start = run_end - run_len;
                let wasm_pages = align_up(run_end, PAGE).unwrap_or(limit) / PAGE;
                let had = self.memory.size();
                if wasm_pages > had {
                    self.memory.grow(wasm_pages - had).map_err(|e| {
                        DeviceError::OutOfMemory(format!(
                            "cannot grow the space to {run_end} bytes: {e}"
                        ))
                    })?;
                    // New pages come read-write; the heap keeps them closed.
                    self.protect(had * PAGE, wasm_pages * PAGE, Prot::None)?;
                }
                state.next_free = run_end;
                state.made += 1;
                place(unit_start, run_start, run_len, size, pad)
            }
        };
        if let Err(e) = self.open_for_host(&mut state, placement.run) {
            state.free.push((placement.unit_start, placement.run.1));
            return Err(e);
        }
        Ok(placement)
    }

    /// What runs are made of, and the closed bytes before each: pages and one page when the
    /// heap confines launches; otherwise cache lines, with nothing between runs.
    fn granule_and_guard(&self) -> (u64, u64) {
        if self.confined {
            (self.page, self.page)
        } else {
            (64, 0)
        }
    }

    /// The stagger of the `made`-th buffer bump-allocated, of `size` bytes (see
    /// [`STAGGER_MIN`]): the pages its run starts after its guard, and the bytes of padding
    /// between its end and its run's end.
    fn stagger(&self, made: u64, size: u64) -> (u64, u64) {
        if size < STAGGER_MIN {
            return (0, 0);
        }
        let step = made * STAGGER_STEP;
        (step % STAGGER_PAGES, step % STAGGER_LINES * 64)
    }

    /// Gives a released buffer's pages back: closed, their contents discarded.
    pub fn release(&self, placement: &Placement) {
        let (start, end) = placement.run;
        let mut state = self.lock();
        if state.open.remove(&start).is_some() && start < end {
            // Failing leaves the pages accessible, holding zeros (below) until they are reused.
            let _ = self.protect(start, end, Prot::None);
        }
        if start < end {
            self.discard(start, end);
            state.free.push((placement.unit_start, end));
        }
    }

    /// Opens exactly `runs` (a run passed twice gets the widest access asked for) and closes
    /// every other open run, for a launch.
    pub fn open_for_launch(
        &self,
        state: &mut HeapState,
        runs: &[((u64, u64), Prot)],
    ) -> Result<(), DeviceError> {
        if !self.confined {
            return Ok(());
        }
        let mut wanted: HashMap<u64, (u64, Prot)> = HashMap::with_capacity(runs.len());
        for &((start, end), prot) in runs {
            if start < end {
                let slot = wanted.entry(start).or_insert((end, prot));
                slot.1 = slot.1.max(prot);
            }
        }
        let close: Vec<(u64, u64)> = state
            .open
            .iter()
            .filter(|(start, _)| !wanted.contains_key(start))
            .map(|(&start, &(end, _))| (start, end))
            .collect();
        for (start, end) in close {
            self.protect(start, end, Prot::None)?;
            state.open.remove(&start);
        }
        for (&start, &(end, prot)) in &wanted {
            if state.open.get(&start) != Some(&(end, prot)) {
                self.protect(start, end, prot)?;
                state.open.insert(start, (end, prot));
            }
        }
        state.launched = state.open.len();
        Ok(())
    }

    /// Opens `run` read-write for the host to copy in or out of.
    pub fn open_for_host(&self, state: &mut HeapState, run: (u64, u64)) -> Result<(), DeviceError> {
        let (start, end) = run;
        if !self.confined || start >= end {
            return Ok(());
        }
        if state.open.get(&start) == Some(&(end, Prot::ReadWrite)) {
            return Ok(());
        }
        if state.open.len() >= state.launched + HOST_OPEN_LIMIT {
            let close: Vec<(u64, u64)> = state
                .open
                .iter()
                .map(|(&start, &(end, _))| (start, end))
                .collect();
            for (start, end) in close {
                self.protect(start, end, Prot::None)?;
                state.open.remove(&start);
            }
            state.launched = 0;
        }
        self.protect(start, end, Prot::ReadWrite)?;
        state.open.insert(start, (end, Prot::ReadWrite));
        Ok(())
    }

    /// Sets the protection of the page-aligned `[start, end)` of the heap.
    fn protect(&self, start: u64, end: u64, prot: Prot) -> Result<(), DeviceError> {
        if !self.confined || start >= end {
            return Ok(());
        }
        let flags = match prot {
            Prot::None => libc::PROT_NONE,
            Prot::Read => libc::PROT_READ,
            Prot::ReadWrite => libc::PROT_READ | libc::PROT_WRITE,
        };
        debug_assert!(start.is_multiple_of(self.page) && end.is_multiple_of(self.page));
        debug_assert!(end <= self.memory.data_size() as u64);
        // SAFETY: the range is page-aligned and lies in the heap of the memory's accessible part
        // (below its size, which only grows), inside the mapping Wasmtime made for it and keeps
        // while `self.memory` lives. Nothing holds a reference into these pages: host copies and
        // launches take the heap's lock, as the callers of this function do, and so does no
        // other code while it is held.
        let done = unsafe {
            libc::mprotect(
                (self.base + start as usize) as *mut libc::c_void,
                (end - start) as usize,
                flags,
            )
        };
        if done != 0 {
            return Err(DeviceError::OutOfMemory(format!(
                "cannot protect {} bytes of the space's buffers: {}",
                end - start,
                std::io::Error::last_os_error()
            )));
        }
        Ok(())
    }

    /// Discards the contents of `[start, end)`, a released run: closed and page-aligned in a
    /// confining heap, open and aligned to cache lines in another.
    fn discard(&self, start: u64, end: u64) {
        let pages = (
            align_up(start, self.page).unwrap_or(end).min(end),
            end & !(self.page - 1),
        );
        let zero = |from: u64, to: u64| {
            if from < to {
                // SAFETY: the range lies inside the memory's mapping (the heap placed a buffer
                // there) and belongs to a buffer that is gone; the caller made it writable.
                unsafe {
                    std::ptr::write_bytes(
                        (self.base + from as usize) as *mut u8,
                        0,
                        (to - from) as usize,
                    )
                };
            }
        };
        if pages.0 < pages.1 {
            let (ptr, len) = (
                (self.base + pages.0 as usize) as *mut libc::c_void,
                (pages.1 - pages.0) as usize,
            );
            // SAFETY: as in `protect`: the range is page-aligned, inside the memory's mapping
            // (a private anonymous one, where MADV_DONTNEED makes the pages read as zeros when
            // next touched), and belongs to a buffer that is gone.
            if unsafe { libc::madvise(ptr, len, libc::MADV_DONTNEED) } != 0 {
                // Zero them by hand.
                if self.protect(pages.0, pages.1, Prot::ReadWrite).is_ok() {
                    zero(pages.0, pages.1);
                    let _ = self.protect(pages.0, pages.1, Prot::None);
                }
            }
        }
        // The partial pages at either end: only in a heap that does not confine, where they are
        // open.
        if pages.0 < pages.1 {
            zero(start, pages.0);
            zero(pages.1, end);
        } else {
            zero(start, end);
        }
    }
}

impl HeapState {
    /// The start of a released range of at least `len` bytes, which it takes.
    fn take_free(&mut self, len: u64) -> Option<u64> {
        // Merge neighbouring ranges, so that buffers released side by side make room for a
        // larger one.
        self.free.sort_unstable();
        let mut merged: Vec<(u64, u64)> = Vec::with_capacity(self.free.len());
        for &(start, end) in &self.free {
            match merged.last_mut() {
                Some(last) if last.1 >= start => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        self.free = merged;
        let i = self.free.iter().position(|&(s, e)| e - s >= len)?;
        let (start, end) = self.free[i];
        if end - start > len {
            self.free[i].0 = start + len;
        } else {
            self.free.remove(i);
        }
        Some(start)
    }
}

/// A buffer of `size` bytes in the run of `run_len` bytes at `run_start`, whose guard pages start
/// at `unit_start`, that ends `pad` bytes before its run does (so that a byte past it is on a
/// closed page when `pad` is 0), unless that would misalign it: its start is aligned to the
/// largest power of two that divides its size, at least 8 and at most 64 (the alignment 64-bit
/// atomics need, and a cache line), so a buffer whose size is not a multiple of 8 ends up to 7
/// bytes earlier.
fn place(unit_start: u64, run_start: u64, run_len: u64, size: u64, pad: u64) -> Placement {
    let run_end = run_start + run_len;
    let align = (1u64 << size.trailing_zeros().min(6)).max(8);
    Placement {
        address: (run_end - pad - size) & !(align - 1),
        run: (run_start, run_end),
        unit_start,
    }
}

fn host_page_size() -> u64 {
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    u64::try_from(page)
        .ok()
        .filter(|p| p.is_power_of_two())
        .unwrap_or(4096)
}
