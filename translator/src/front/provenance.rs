//! Which buffer does each pointer come from?
//!
//! An abstract interpretation of the kernel body over the lattice
//! `Bottom < {Int, Ptr(buffer)} < Conflict`: each buffer pointer parameter starts as `Ptr(k)`,
//! every other value as `Int`. Pointer arithmetic keeps the pointer's buffer (`ptr + int`,
//! `ptr - int`, `ptr & mask`), `ptr - ptr` of one buffer is an `Int`, and anything else that mixes
//! pointers is a `Conflict`.
//!
//! The interpretation is flow-sensitive, because compilers reuse locals: clang keeps an index in
//! a local and later a pointer in the same one. The state (the kind of every local, and the value
//! stack) flows through the structured control flow: branches to a block join their state into
//! the block's exit, `if` arms are joined at the end, and a loop is interpreted again from its
//! head, joined with the state of every branch back to it, until the head no longer changes.
//!
//! The shadow stack pointer (see [`super::inline::Flat::stack_pointer`]) starts as a pointer
//! into the pseudo-buffer [`STACK`]: the invocation's private stack, whose pointers are real
//! addresses rather than offsets. While the stack pointer moves by constants, its offset is
//! known ([`Kind::StackAt`]), and so are the stack slots that pointers are stored to (a slice
//! returned through a pointer, as rustc does where it does not inline): a pointer loaded back
//! from such a slot keeps its buffer. A store of a number somewhere else in the stack, or a
//! bulk operation on the stack, makes those slots unknown.
//!
//! The result names the buffer of every load and store (by the operator's byte offset) and the
//! element type each buffer is accessed with. A load from an address derived from no buffer
//! pointer reads the guest's static data. Comparisons of pointers into two buffers, or of a
//! pointer and an integer, compare addresses: the buffer's address, which the launch passes,
//! plus the pointer's offset ([`Compare::Addresses`]); a pointer is never null, and the stack
//! lies above every buffer. Rejected, because the translation could not honour them: a store
//! to such an address, an address mixing buffers, a stack pointer compared with an integer, a
//! pointer stored to memory other than a known stack slot. The low bits of a pointer (`p & 7`) and a
//! number minus a pointer (`-p & 3`) are numbers: buffers are aligned to more than such
//! alignment arithmetic asks.

use std::collections::{BTreeMap, HashMap, HashSet};

use wasmparser::{MemArg, Operator, ValType};

use super::inline::Flat;
use super::module::Context;
use super::stack::block_arity;
use crate::{operator_name, ElementType, Error};

/// The "buffer" of pointers into the shadow stack (derived from the stack pointer global).
pub const STACK: u32 = u32::MAX;

/// A load or store: how many bytes, as which value type.
#[derive(Clone, Copy, Debug)]
pub struct MemoryAccess {
    /// Bytes accessed: 1, 2, 4 or 8.
    pub width: u32,
    /// The Wasm value loaded or stored.
    pub value: ValType,
    /// For loads narrower than the value: whether they sign-extend.
    pub signed: bool,
    /// Whether it is a store.
    pub store: bool,
    /// Offset and alignment.
    pub memarg: MemArg,
}

impl MemoryAccess {
    /// Whether the compiler says the access may start inside a word (below 4-byte alignment,
    /// or for 2 bytes, below 2): its bytes are then taken from, or put into, the words around
    /// them, wherever it starts. Accesses with a larger alignment hint trap when they are not
    /// so aligned, which compilers do not emit.
    pub fn may_straddle_words(&self) -> bool {
        self.width >= 2 && (1u64 << self.memarg.align.min(6)) < u64::from(self.width.min(4))
    }
}

/// The memory access `op` makes, if it is a load or a store.
pub fn memory_access(op: &Operator<'_>) -> Option<MemoryAccess> {
    use Operator::*;
    use ValType::{F32, F64, I32, I64};
    let (width, value, signed, store, memarg) = match *op {
        I32Load { memarg } => (4, I32, false, false, memarg),
        I64Load { memarg } => (8, I64, false, false, memarg),
        F32Load { memarg } => (4, F32, false, false, memarg),
        F64Load { memarg } => (8, F64, false, false, memarg),
        I32Load8S { memarg } => (1, I32, true, false, memarg),
        I32Load8U { memarg } => (1, I32, false, false, memarg),
        I32Load16S { memarg } => (2, I32, true, false, memarg),
        I32Load16U { memarg } => (2, I32, false, false, memarg),
        I64Load8S { memarg } => (1, I64, true, false, memarg),
        I64Load8U { memarg } => (1, I64, false, false, memarg),
        I64Load16S { memarg } => (2, I64, true, false, memarg),
        I64Load16U { memarg } => (2, I64, false, false, memarg),
        I64Load32S { memarg } => (4, I64, true, false, memarg),
        I64Load32U { memarg } => (4, I64, false, false, memarg),
        I32Store { memarg } => (4, I32, false, true, memarg),
        I64Store { memarg } => (8, I64, false, true, memarg),
        F32Store { memarg } => (4, F32, false, true, memarg),
        F64Store { memarg } => (8, F64, false, true, memarg),
        I32Store8 { memarg } => (1, I32, false, true, memarg),
        I32Store16 { memarg } => (2, I32, false, true, memarg),
        I64Store8 { memarg } => (1, I64, false, true, memarg),
        I64Store16 { memarg } => (2, I64, false, true, memarg),
        I64Store32 { memarg } => (4, I64, false, true, memarg),
        V128Load { memarg } => (16, ValType::V128, false, false, memarg),
        V128Store { memarg } => (16, ValType::V128, false, true, memarg),
        // Loads that make a vector of fewer bytes: the scalar load they begin with.
        V128Load8Splat { memarg } => (1, I32, false, false, memarg),
        V128Load16Splat { memarg } => (2, I32, false, false, memarg),
        V128Load32Splat { memarg } | V128Load32Zero { memarg } => (4, I32, false, false, memarg),
        V128Load64Splat { memarg }
        | V128Load64Zero { memarg }
        | V128Load8x8S { memarg }
        | V128Load8x8U { memarg }
        | V128Load16x4S { memarg }
        | V128Load16x4U { memarg }
        | V128Load32x2S { memarg }
        | V128Load32x2U { memarg } => (8, I64, false, false, memarg),
        _ => return None,
    };
    Some(MemoryAccess {
        width,
        value,
        signed,
        store,
        memarg,
    })
}

/// The scalar access of a `v128.load*_lane` or `v128.store*_lane`: its lane's width, as an
/// `i32` (or an `i64` of 8 bytes).
pub fn lane_access(op: &Operator<'_>, memarg: MemArg) -> MemoryAccess {
    use Operator::*;
    let (width, store) = match op {
        V128Load8Lane { .. } => (1, false),
        V128Load16Lane { .. } => (2, false),
        V128Load32Lane { .. } => (4, false),
        V128Load64Lane { .. } => (8, false),
        V128Store8Lane { .. } => (1, true),
        V128Store16Lane { .. } => (2, true),
        V128Store32Lane { .. } => (4, true),
        _ => (8, true),
    };
    MemoryAccess {
        width,
        value: if width == 8 {
            ValType::I64
        } else {
            ValType::I32
        },
        signed: false,
        store,
        memarg,
    }
}

/// How the kernel accesses one buffer, from which its binding's element type follows.
#[derive(Clone, Copy, Debug, Default)]
struct Usage {
    /// Whether there are 1-, 2- or 4-byte accesses, and 8-byte ones.
    narrow: bool,
    wide: bool,
    /// Full-width accesses as integers, as floats.
    int32: bool,
    float32: bool,
    int64: bool,
    /// Sub-word loads, sub-word stores.
    partial_load: bool,
    partial_store: bool,
    /// `memory.copy` or `memory.fill` reach it.
    bulk: bool,
    /// Atomic accesses reach it.
    atomic: bool,
    /// 64-bit atomics reach it: the byte offset of the first.
    atomic64: Option<usize>,
    /// 16-byte (`v128`) accesses reach it, which take whole elements of any type.
    vector: bool,
}

impl Usage {
    /// The element type of the binding.
    fn element(&self) -> Result<Option<ElementType>, Error> {
        let Some(at) = self.atomic64 else {
            return Ok(self.element32());
        };
        if self.atomic || self.narrow || self.bulk {
            // A binding of 64-bit atomic words cannot take a narrower access, nor can a word
            // be atomic at two widths.
            return Err(Error::unsupported(
                "a 64-bit atomic on a buffer that is also accessed with fewer than 8 bytes, with \
                 32-bit atomics, or by memory.copy or memory.fill",
                at,
            ));
        }
        Ok(Some(ElementType::AtomicU64))
    }

    /// The element type of a binding that no 64-bit atomic reaches.
    fn element32(&self) -> Option<ElementType> {
        if self.atomic {
            // Atomic words; 8-byte accesses take two.
            return Some(ElementType::AtomicU32);
        }
        match (self.narrow, self.wide) {
            // Only copied or filled: bytes, so words that bytes can be stored into.
            (false, false) if self.bulk => Some(ElementType::AtomicU32),
            // Only vectors: words.
            (false, false) if self.vector => Some(ElementType::I32),
            (false, false) => None,
            // Both widths (a struct of an i32 and an f64, say): words, 8-byte accesses taking
            // two.
            (true, true) if self.partial_store => Some(ElementType::AtomicU32),
            (true, true) => Some(ElementType::I32),
            (false, true) if self.int64 => Some(ElementType::I64),
            (false, true) => Some(ElementType::F64),
            // Bytes and half-words stored by neighbouring work items share words: the binding
            // is of atomic words, updated with atomic and/or.
            _ if self.partial_store => Some(ElementType::AtomicU32),
            // Bytes, copied in: a copy of any length may store single bytes.
            _ if self.bulk && self.partial_load => Some(ElementType::AtomicU32),
            _ if self.int32 || self.partial_load || !self.float32 => Some(ElementType::I32),
            _ => Some(ElementType::F32),
        }
    }
}

/// The abstract value of an `i32`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// No value has reached it yet.
    Bottom,
    /// Not a pointer (also every non-`i32` value).
    Int,
    /// A pointer into buffer `k`, carried as a byte offset from the buffer's start.
    Ptr(u32),
    /// A pointer into the shadow stack ([`STACK`]) at a known byte offset from the stack
    /// pointer's first value: where the stack pointer and the addresses of stack slots are,
    /// so that pointers kept in stack slots (slices returned by reference, spilled pointers)
    /// keep their buffer.
    StackAt(i32),
    /// Several of the above.
    Conflict,
}

impl Kind {
    fn join(self, other: Kind) -> Kind {
        match (self, other) {
            (Kind::Bottom, x) | (x, Kind::Bottom) => x,
            (a, b) if a == b => a,
            (a, b) if a.norm() == Kind::Ptr(STACK) && b.norm() == Kind::Ptr(STACK) => {
                Kind::Ptr(STACK)
            }
            _ => Kind::Conflict,
        }
    }

    /// A stack pointer at a known offset as one anywhere in the stack.
    fn norm(self) -> Kind {
        match self {
            Kind::StackAt(_) => Kind::Ptr(STACK),
            other => other,
        }
    }
}

/// What the analysis found.
#[derive(Debug)]
pub struct Analysis {
    /// Every local's type, parameters first.
    pub local_types: Vec<ValType>,
    /// Per buffer: the element type of its binding. Accesses of another type of the same width
    /// reinterpret the bits; narrower ones take part of a word.
    pub elements: Vec<Option<ElementType>>,
    /// Per buffer: whether the kernel stores to it.
    pub written: Vec<bool>,
    /// The buffer of every load and store, by the operator's position in the flattened kernel.
    pub accesses: HashMap<usize, u32>,
    /// Loads from fixed addresses (not from a buffer): reads of the guest's static data, by
    /// position.
    pub static_loads: HashSet<usize>,
    /// The operands of every `memory.copy` and `memory.fill`, by position.
    pub bulk: HashMap<usize, Bulk>,
    /// Comparisons whose answer follows from where buffers lie: pointers into two buffers
    /// (which never overlap), a pointer and a null pointer (no buffer lies at 0).
    pub known_compares: HashMap<usize, Compare>,
    /// `i32.sub`s of pointers into two buffers (`(a, b)` for `a - b`), by position: computed
    /// from the buffers' addresses, which the launch passes.
    pub distances: HashMap<usize, (u32, u32)>,
    /// Shadow stack accesses in code that can only end in a trap, by position: not kept (see
    /// [`super::doomed`]), and not in `accesses`.
    pub doomed_stack: HashSet<usize>,
}

/// How a comparison involving pointers of different places is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compare {
    /// Always this (a pointer and null; the stack and a buffer, the stack lying above them all).
    Known(bool),
    /// By the buffers' addresses, which the launch passes (the status binding's words from the
    /// third): the operands, in the operator's order, are pointers into buffer `k` (`Some(k)`:
    /// its address plus the offset) or integers (`None`: as they are).
    Addresses {
        left: Option<u32>,
        right: Option<u32>,
    },
}

impl Analysis {
    /// Whether the kernel reads the guest's static data: loads from fixed addresses, copies
    /// from them.
    pub fn reads_statics(&self) -> bool {
        !self.static_loads.is_empty()
            || self
                .bulk
                .values()
                .any(|b| matches!(b, Bulk::Copy { src: None, .. }))
    }
}

/// Where a `memory.copy` or `memory.fill` goes: buffers (or [`STACK`]); a copy's source may be
/// the guest's static data (`None`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bulk {
    Copy { dst: u32, src: Option<u32> },
    Fill { dst: u32 },
}

/// The pointers stored in stack slots, by the slot's offset from the stack pointer's first
/// value (see [`Kind::StackAt`]); a slot not here holds no pointer.
type Slots = BTreeMap<i32, Kind>;

/// The abstract machine state at one point: locals, operand stack, stack slots; `None` in
/// unreachable code.
type State = Option<(Vec<Kind>, Vec<Kind>, Slots)>;

fn join_slots(a: &Slots, b: &Slots) -> Slots {
    a.keys()
        .chain(b.keys())
        .filter_map(|&k| {
            let at = |s: &Slots| s.get(&k).copied().unwrap_or(Kind::Int);
            let joined = at(a).join(at(b));
            (joined != Kind::Int).then_some((k, joined))
        })
        .collect()
}

/// Forgets the pointers in the stack slots that `width` bytes stored at `at` overwrite.
fn forget(slots: &mut Slots, at: i32, width: u32) {
    let end = at.wrapping_add(width as i32);
    slots.retain(|&k, _| k.wrapping_add(4) <= at || k >= end);
}

/// After a store somewhere in the stack: any slot that held a pointer may hold a number now.
fn poison(slots: &mut Slots) {
    for kind in slots.values_mut() {
        *kind = Kind::Conflict;
    }
}

fn join_states(a: State, b: State) -> State {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some((la, sa, ma)), Some((lb, sb, mb))) => Some((
            la.iter().zip(&lb).map(|(x, y)| x.join(*y)).collect(),
            sa.iter().zip(&sb).map(|(x, y)| x.join(*y)).collect(),
            join_slots(&ma, &mb),
        )),
    }
}

struct Frame {
    is_loop: bool,
    /// Stack height at entry (below the frame's values).
    height: usize,
    /// Values a branch to this frame carries.
    branch_arity: usize,
    /// Results at the end.
    results: usize,
    /// Joined state of the branches to this frame (to its end, or for a loop to its head).
    branched: State,
}

struct Interpreter<'a, 'b> {
    ops: &'a [(Operator<'b>, usize)],
    cx: &'a Context<'a>,
    analysis: Analysis,
    usage: Vec<Usage>,
}

/// The index of the `else` (if any) and `end` matching the block opened at `start`.
fn block_end(ops: &[(Operator<'_>, usize)], start: usize) -> (Option<usize>, usize) {
    let mut depth = 0;
    let mut else_at = None;
    for (i, (op, _)) in ops.iter().enumerate().skip(start + 1) {
        match op {
            Operator::Block { .. } | Operator::Loop { .. } | Operator::If { .. } => depth += 1,
            Operator::Else if depth == 0 => else_at = Some(i),
            Operator::End if depth == 0 => return (else_at, i),
            Operator::End => depth -= 1,
            _ => {}
        }
    }
    (else_at, ops.len() - 1)
}

impl Interpreter<'_, '_> {
    /// Interprets `ops[from..to]` from `state` inside `frames`; returns the state at `to`.
    fn run(
        &mut self,
        from: usize,
        to: usize,
        mut state: State,
        frames: &mut Vec<Frame>,
    ) -> Result<State, Error> {
        let mut i = from;
        while i < to {
            let (op, offset) = (&self.ops[i].0, self.ops[i].1);
            match *op {
                Operator::Block { blockty }
                | Operator::Loop { blockty }
                | Operator::If { blockty } => {
                    let is_loop = matches!(op, Operator::Loop { .. });
                    let is_if = matches!(op, Operator::If { .. });
                    let (params, results) = block_arity(blockty, self.cx.func_types);
                    if params != 0 {
                        return Err(Error::unsupported("blocks with parameters", offset));
                    }
                    let (else_at, end) = block_end(self.ops, i);
                    if let (true, Some((_, stack, _))) = (is_if, state.as_mut()) {
                        stack.pop();
                    }
                    let height = state.as_ref().map_or(0, |(_, s, _)| s.len());
                    frames.push(Frame {
                        is_loop,
                        height,
                        branch_arity: if is_loop { 0 } else { results },
                        results,
                        branched: None,
                    });
                    let out = if is_loop {
                        let mut head = state.clone();
                        loop {
                            let frame = frames.last_mut().expect("pushed");
                            frame.branched = None;
                            let fallthrough = self.run(i + 1, end, head.clone(), frames)?;
                            let back = frames.last_mut().expect("pushed").branched.take();
                            let next = join_states(head.clone(), back);
                            if next == head {
                                break fallthrough;
                            }
                            head = next;
                        }
                    } else if is_if {
                        let then_end = else_at.unwrap_or(end);
                        let then_state = self.run(i + 1, then_end, state.clone(), frames)?;
                        let else_state = match else_at {
                            Some(e) => self.run(e + 1, end, state.clone(), frames)?,
                            None => state.clone(),
                        };
                        join_states(then_state, else_state)
                    } else {
                        self.run(i + 1, end, state.clone(), frames)?
                    };
                    let frame = frames.pop().expect("pushed");
                    let branched = if frame.is_loop { None } else { frame.branched };
                    state = join_states(keep_results(out, frame.height, frame.results), branched);
                    i = end + 1;
                    continue;
                }
                _ => {}
            }
            if let Some((locals, stack, slots)) = state.as_mut() {
                match self.step(op, i, offset, locals, stack, slots, frames)? {
                    Flow::Next => {}
                    Flow::Unreachable => state = None,
                }
            }
            i += 1;
        }
        Ok(state)
    }

    fn branch(
        &self,
        depth: u32,
        locals: &[Kind],
        stack: &[Kind],
        slots: &Slots,
        frames: &mut [Frame],
    ) {
        let Some(target) = frames.len().checked_sub(1 + depth as usize) else {
            return;
        };
        let frame = &mut frames[target];
        let carried = &stack[stack.len().saturating_sub(frame.branch_arity)..];
        let mut below = stack[..frame.height.min(stack.len())].to_vec();
        below.extend_from_slice(carried);
        let state = Some((locals.to_vec(), below, slots.clone()));
        frame.branched = join_states(frame.branched.take(), state);
    }

    fn access(
        &mut self,
        address: Kind,
        access: &MemoryAccess,
        at: usize,
        offset: usize,
    ) -> Result<(), Error> {
        let k = match address.norm() {
            Kind::Ptr(k) => k,
            Kind::Bottom => return Ok(()),
            Kind::Int | Kind::Conflict | Kind::StackAt(_) => {
                return Err(Error::unsupported(
                    "a memory access whose address is not provably inside one buffer",
                    offset,
                ))
            }
        };
        self.analysis.accesses.insert(at, k);
        if k == STACK {
            // The invocation's own memory: words, whatever the accesses.
            return Ok(());
        }
        let usage = &mut self.usage[k as usize];
        if access.may_straddle_words() {
            // Bytes anywhere: a binding of words, atomic ones if it is stored to (neighbouring
            // work items may store to other bytes of the words it touches).
            usage.narrow = true;
            match access.store {
                true => usage.partial_store = true,
                false => usage.partial_load = true,
            }
        }
        if access.width == 16 {
            // A vector takes whole elements of whatever type the other accesses choose.
            usage.vector = true;
            if access.store {
                self.analysis.written[k as usize] = true;
            }
            return Ok(());
        }
        match access.width {
            // The compiler says it may be only 4-aligned (two `i32`s copied as one `i64`): a
            // binding of words, which takes 8 bytes at any word.
            8 if access.memarg.align < 3 => {
                usage.wide = true;
                usage.narrow = true;
            }
            8 => usage.wide = true,
            _ => usage.narrow = true,
        }
        let integer = matches!(access.value, ValType::I32 | ValType::I64);
        match access.width {
            4 if integer => usage.int32 = true,
            4 => usage.float32 = true,
            8 if integer => usage.int64 = true,
            8 => {}
            _ if access.store => usage.partial_store = true,
            _ => usage.partial_load = true,
        }
        if access.store {
            self.analysis.written[k as usize] = true;
        }
        Ok(())
    }

    /// The buffer a bulk operand points into (`None` while nothing has reached it yet);
    /// `written` for a destination.
    fn bulk_operand(
        &mut self,
        address: Kind,
        written: bool,
        what: &str,
        offset: usize,
    ) -> Result<Option<u32>, Error> {
        let k = match address.norm() {
            Kind::Ptr(k) => k,
            Kind::Bottom => return Ok(None),
            Kind::Int | Kind::Conflict | Kind::StackAt(_) => {
                return Err(Error::unsupported(
                    format!("{what} whose address is not provably inside one buffer"),
                    offset,
                ))
            }
        };
        if k != STACK {
            self.usage[k as usize].bulk = true;
            if written {
                self.analysis.written[k as usize] = true;
            }
        }
        Ok(Some(k))
    }

    /// An atomic access of a 32-bit word (or with `wide` a 64-bit one) at `address` (a store
    /// for read-modify-writes).
    fn atomic_access(
        &mut self,
        address: Kind,
        memarg: MemArg,
        store: bool,
        wide: bool,
        at: usize,
        offset: usize,
    ) -> Result<(), Error> {
        let access = MemoryAccess {
            width: if wide { 8 } else { 4 },
            value: if wide { ValType::I64 } else { ValType::I32 },
            signed: false,
            store,
            memarg,
        };
        if wide && address.norm() == Kind::Ptr(STACK) {
            return Err(Error::unsupported("a 64-bit atomic on the stack", offset));
        }
        self.access(address, &access, at, offset)?;
        if let Kind::Ptr(k) = address {
            if k != STACK {
                let usage = &mut self.usage[k as usize];
                if wide {
                    usage.atomic64.get_or_insert(offset);
                } else {
                    usage.atomic = true;
                }
            }
        }
        Ok(())
    }

    #[allow(
        clippy::too_many_arguments,
        reason = "the interpreter's state, passed apart so that each part is borrowed alone"
    )]
    fn step(
        &mut self,
        op: &Operator<'_>,
        at: usize,
        offset: usize,
        locals: &mut [Kind],
        stack: &mut Vec<Kind>,
        slots: &mut Slots,
        frames: &mut [Frame],
    ) -> Result<Flow, Error> {
        use Operator::*;
        // Values as most operators see them: a stack pointer anywhere in the stack.
        let pop = |stack: &mut Vec<Kind>| stack.pop().unwrap_or(Kind::Bottom).norm();
        // Values as they are, for the operators that keep stack offsets.
        let pop_raw = |stack: &mut Vec<Kind>| stack.pop().unwrap_or(Kind::Bottom);
        // The constant the operator before `at` pushed, if it was one.
        let ops = self.ops;
        let constant = |at: usize| match at.checked_sub(1).map(|p| &ops[p].0) {
            Some(I32Const { value }) => Some(*value),
            _ => None,
        };
        let not_ptr = |k: Kind| matches!(k, Kind::Int | Kind::Bottom);
        match *op {
            Nop | Else | End => {}
            Unreachable | Return => return Ok(Flow::Unreachable),
            Call { function_index } => {
                let params = self.cx.diverging_call(function_index).ok_or_else(|| {
                    Error::unsupported(
                        format!("a call to function {function_index}, which returns"),
                        offset,
                    )
                })?;
                for _ in 0..params {
                    pop(stack);
                }
                return Ok(Flow::Unreachable);
            }
            Drop => {
                pop(stack);
            }
            Br { relative_depth } => {
                self.branch(relative_depth, locals, stack, slots, frames);
                return Ok(Flow::Unreachable);
            }
            BrIf { relative_depth } => {
                pop(stack);
                self.branch(relative_depth, locals, stack, slots, frames);
            }
            BrTable { ref targets } => {
                pop(stack);
                for depth in targets.targets() {
                    let depth = depth.map_err(|e| Error::Invalid(e.to_string()))?;
                    self.branch(depth, locals, stack, slots, frames);
                }
                self.branch(targets.default(), locals, stack, slots, frames);
                return Ok(Flow::Unreachable);
            }
            LocalGet { local_index } => stack.push(locals[local_index as usize]),
            LocalSet { local_index } => locals[local_index as usize] = pop_raw(stack),
            LocalTee { local_index } => {
                locals[local_index as usize] = *stack.last().unwrap_or(&Kind::Bottom)
            }
            Select => {
                pop(stack);
                let (b, a) = (pop_raw(stack), pop_raw(stack));
                stack.push(a.join(b));
            }
            I32Const { .. } | I64Const { .. } | F32Const { .. } | F64Const { .. } => {
                stack.push(Kind::Int)
            }
            I64Add | I64Sub | I64Mul | I64And | I64Or | I64Xor | I64DivS | I64DivU | I64RemS
            | I64RemU | I64Shl | I64ShrS | I64ShrU | I64Rotl | I64Rotr | I64Eq | I64Ne | I64LtS
            | I64LtU | I64GtS | I64GtU | I64LeS | I64LeU | I64GeS | I64GeU => {
                pop(stack);
                pop(stack);
                stack.push(Kind::Int);
            }
            I64Eqz | I32WrapI64 | F64ConvertI64S | F64ConvertI64U | F32ConvertI64S
            | F32ConvertI64U | I64ReinterpretF64 | F64ReinterpretI64 | I64Clz | I64Ctz
            | I64Popcnt | I64Extend8S | I64Extend16S | I64Extend32S | F32Nearest | F64Nearest
            | I32TruncF32S | I32TruncF32U | I32TruncF64S | I32TruncF64U | I64TruncF32S
            | I64TruncF32U | I64TruncF64S | I64TruncF64U | I64TruncSatF32S | I64TruncSatF32U
            | I64TruncSatF64S | I64TruncSatF64U => {
                pop(stack);
                stack.push(Kind::Int);
            }
            I64ExtendI32S | I64ExtendI32U => {
                if matches!(pop(stack), Kind::Ptr(_)) {
                    return Err(Error::unsupported("a pointer widened to 64 bits", offset));
                }
                stack.push(Kind::Int);
            }
            // A stack pointer moved by a constant: a known offset still.
            I32Add | I32Sub
                if matches!(
                    stack.get(stack.len().wrapping_sub(2)),
                    Some(Kind::StackAt(_))
                ) && constant(at).is_some() =>
            {
                let v = constant(at).expect("checked");
                pop(stack);
                let Some(Kind::StackAt(c)) = stack.pop() else {
                    unreachable!("checked")
                };
                stack.push(Kind::StackAt(if matches!(op, I32Add) {
                    c.wrapping_add(v)
                } else {
                    c.wrapping_sub(v)
                }));
            }
            I32Sub
                if matches!(
                    (stack.get(stack.len().wrapping_sub(2)), stack.last()),
                    (Some(Kind::StackAt(_)), Some(Kind::StackAt(_)))
                ) =>
            {
                // The distance between two stack addresses.
                pop(stack);
                pop(stack);
                stack.push(Kind::Int);
            }
            I32And if constant(at).is_some_and(|v| (0..4096).contains(&v)) => {
                // The low bits of a pointer (`p & 7`: its alignment): a number. Buffers are
                // aligned to more than that, so a buffer offset has the address's low bits.
                let (b, a) = (pop(stack), pop(stack));
                stack.push(
                    if matches!(a, Kind::Conflict) || matches!(b, Kind::Conflict) {
                        Kind::Conflict
                    } else {
                        Kind::Int
                    },
                );
            }
            I32Add | I32And => {
                let (b, a) = (pop(stack), pop(stack));
                stack.push(match (a, b) {
                    (Kind::Ptr(k), x) | (x, Kind::Ptr(k)) if not_ptr(x) => Kind::Ptr(k),
                    (x, y) if not_ptr(x) && not_ptr(y) => Kind::Int,
                    _ => Kind::Conflict,
                });
            }
            I32Sub => {
                let (b, a) = (pop(stack), pop(stack));
                stack.push(match (a, b) {
                    (Kind::Ptr(k), x) if not_ptr(x) => Kind::Ptr(k),
                    (Kind::Ptr(x), Kind::Ptr(y)) if x == y => Kind::Int,
                    // The distance between pointers into two buffers (a vectoriser's alias
                    // check, `b - a < 16`): by the buffers' addresses, which launches pass.
                    (Kind::Ptr(x), Kind::Ptr(y)) if x != STACK && y != STACK => {
                        self.analysis.distances.insert(at, (x, y));
                        Kind::Int
                    }
                    // A number minus a pointer (`-p & 3`, the bytes to the next word): a
                    // number, as buffers are aligned to more than such code asks.
                    (x, Kind::Ptr(_)) if not_ptr(x) => Kind::Int,
                    (x, y) if not_ptr(x) && not_ptr(y) => Kind::Int,
                    _ => Kind::Conflict,
                });
            }
            I32Mul | I32DivS | I32DivU | I32RemS | I32RemU | I32Or | I32Xor | I32Shl | I32ShrS
            | I32ShrU | I32Rotl | I32Rotr => {
                let (b, a) = (pop(stack), pop(stack));
                stack.push(if not_ptr(a) && not_ptr(b) {
                    Kind::Int
                } else {
                    Kind::Conflict
                });
            }
            I32Eq | I32Ne | I32LtS | I32LtU | I32GtS | I32GtU | I32LeS | I32LeU | I32GeS
            | I32GeU => {
                let (b, a) = (pop(stack), pop(stack));
                // A constant 0 just before: a null pointer.
                let null = constant(at) == Some(0);
                match (a, b) {
                    (Kind::Ptr(x), Kind::Ptr(y)) if x == y => {}
                    (Kind::Ptr(x), Kind::Ptr(y)) if x != STACK && y != STACK => {
                        // By the buffers' addresses in the guest, which the launch passes.
                        let compare = Compare::Addresses {
                            left: Some(x),
                            right: Some(y),
                        };
                        self.analysis.known_compares.insert(at, compare);
                    }
                    (Kind::Ptr(x), Kind::Ptr(y)) => {
                        // The stack and a buffer never overlap: the stack lies above them all.
                        let answer = match op {
                            I32Eq => false,
                            I32Ne => true,
                            I32LtS | I32LtU | I32LeS | I32LeU => x < y,
                            _ => x > y,
                        };
                        self.analysis
                            .known_compares
                            .insert(at, Compare::Known(answer));
                    }
                    (Kind::Ptr(_), Kind::Int)
                        if null && !matches!(op, I32LtS | I32GtS | I32LeS | I32GeS) =>
                    {
                        // No buffer lies at address 0.
                        let answer = matches!(op, I32Ne | I32GtU | I32GeU);
                        self.analysis
                            .known_compares
                            .insert(at, Compare::Known(answer));
                    }
                    // A pointer and an integer (a loop guard against an end address, say): by
                    // the buffer's address.
                    (Kind::Ptr(x), Kind::Int) if x != STACK => {
                        let compare = Compare::Addresses {
                            left: Some(x),
                            right: None,
                        };
                        self.analysis.known_compares.insert(at, compare);
                    }
                    (Kind::Int, Kind::Ptr(y)) if y != STACK => {
                        let compare = Compare::Addresses {
                            left: None,
                            right: Some(y),
                        };
                        self.analysis.known_compares.insert(at, compare);
                    }
                    (Kind::Ptr(_), _)
                    | (_, Kind::Ptr(_))
                    | (Kind::Conflict, _)
                    | (_, Kind::Conflict) => {
                        return Err(Error::unsupported(
                            "a pointer compared with a value of another buffer, or a stack \
                             pointer with an integer",
                            offset,
                        ))
                    }
                    _ => {}
                }
                stack.push(Kind::Int);
            }
            I32Eqz if matches!(stack.last().map(|k| k.norm()), Some(Kind::Ptr(_))) => {
                // No buffer lies at address 0: a pointer is never null.
                pop(stack);
                self.analysis
                    .known_compares
                    .insert(at, Compare::Known(false));
                stack.push(Kind::Int);
            }
            I32Eqz | I32Clz | I32Ctz | I32Popcnt | I32Extend8S | I32Extend16S | F32Abs | F32Neg
            | F32Sqrt | F32Ceil | F32Floor | F32Trunc | F64Abs | F64Neg | F64Sqrt | F64Ceil
            | F64Floor | F64Trunc | F32ConvertI32S | F32ConvertI32U | F64ConvertI32S
            | F64ConvertI32U | F64PromoteF32 | F32DemoteF64 | I32TruncSatF32S | I32TruncSatF32U
            | I32TruncSatF64S | I32TruncSatF64U | I32ReinterpretF32 | F32ReinterpretI32 => {
                if matches!(pop(stack), Kind::Ptr(_)) {
                    return Err(Error::unsupported(
                        format!("{} of a pointer", operator_name(op)),
                        offset,
                    ));
                }
                stack.push(Kind::Int);
            }
            F32Add | F32Sub | F32Mul | F32Div | F32Min | F32Max | F32Copysign | F64Add | F64Sub
            | F64Mul | F64Div | F64Min | F64Max | F64Copysign | F32Eq | F32Ne | F32Lt | F32Gt
            | F32Le | F32Ge | F64Eq | F64Ne | F64Lt | F64Gt | F64Le | F64Ge => {
                pop(stack);
                pop(stack);
                stack.push(Kind::Int);
            }
            I32AtomicLoad { memarg } | I64AtomicLoad { memarg } => {
                let wide = matches!(op, I64AtomicLoad { .. });
                let address = pop(stack);
                self.atomic_access(address, memarg, false, wide, at, offset)?;
                stack.push(Kind::Int);
            }
            I32AtomicStore { memarg } | I64AtomicStore { memarg } => {
                let wide = matches!(op, I64AtomicStore { .. });
                if matches!(pop(stack), Kind::Ptr(_)) {
                    return Err(Error::unsupported("a pointer stored to memory", offset));
                }
                let address = pop(stack);
                if address == Kind::Ptr(STACK) {
                    poison(slots);
                }
                self.atomic_access(address, memarg, true, wide, at, offset)?;
            }
            I32AtomicRmwAdd { memarg }
            | I32AtomicRmwSub { memarg }
            | I32AtomicRmwAnd { memarg }
            | I32AtomicRmwOr { memarg }
            | I32AtomicRmwXor { memarg }
            | I32AtomicRmwXchg { memarg }
            | I64AtomicRmwAdd { memarg }
            | I64AtomicRmwSub { memarg }
            | I64AtomicRmwAnd { memarg }
            | I64AtomicRmwOr { memarg }
            | I64AtomicRmwXor { memarg }
            | I64AtomicRmwXchg { memarg } => {
                let wide = matches!(
                    op,
                    I64AtomicRmwAdd { .. }
                        | I64AtomicRmwSub { .. }
                        | I64AtomicRmwAnd { .. }
                        | I64AtomicRmwOr { .. }
                        | I64AtomicRmwXor { .. }
                        | I64AtomicRmwXchg { .. }
                );
                if matches!(pop(stack), Kind::Ptr(_)) {
                    return Err(Error::unsupported("a pointer stored to memory", offset));
                }
                let address = pop(stack);
                if address == Kind::Ptr(STACK) {
                    poison(slots);
                }
                self.atomic_access(address, memarg, true, wide, at, offset)?;
                stack.push(Kind::Int);
            }
            I32AtomicRmwCmpxchg { memarg } | I64AtomicRmwCmpxchg { memarg } => {
                let wide = matches!(op, I64AtomicRmwCmpxchg { .. });
                let (replacement, expected) = (pop(stack), pop(stack));
                if matches!(replacement, Kind::Ptr(_)) || matches!(expected, Kind::Ptr(_)) {
                    return Err(Error::unsupported("a pointer stored to memory", offset));
                }
                let address = pop(stack);
                if address == Kind::Ptr(STACK) {
                    poison(slots);
                }
                self.atomic_access(address, memarg, true, wide, at, offset)?;
                stack.push(Kind::Int);
            }
            MemoryAtomicNotify { memarg } => {
                pop(stack);
                let address = pop(stack);
                // Only checked: no work item can wait, so none is woken.
                self.atomic_access(address, memarg, false, false, at, offset)?;
                stack.push(Kind::Int);
            }
            MemoryCopy { .. } => {
                let length = constant(at);
                let (len, src_raw, dst) = (pop(stack), pop_raw(stack), pop(stack));
                let src = src_raw.norm();
                if !not_ptr(len) {
                    return Err(Error::unsupported("a pointer as a copy's length", offset));
                }
                let dst = self.bulk_operand(dst, true, "a memory.copy into memory", offset)?;
                if dst == Some(STACK) {
                    poison(slots);
                }
                // From fixed addresses: the guest's static data.
                let src = match src {
                    Kind::Int => Some(None),
                    other => self
                        .bulk_operand(other, false, "a memory.copy from memory", offset)?
                        .map(Some),
                };
                // Pointers kept in stack slots copied into a buffer would leave as offsets
                // where the CPU writes addresses.
                let holds_pointers = match (src_raw, length) {
                    (Kind::StackAt(from), Some(n)) => slots
                        .keys()
                        .any(|&k| k.wrapping_add(4) > from && k < from.wrapping_add(n)),
                    _ => !slots.is_empty(),
                };
                if src == Some(Some(STACK)) && dst != Some(STACK) && holds_pointers {
                    return Err(Error::unsupported(
                        "a memory.copy from stack slots holding pointers into a buffer",
                        offset,
                    ));
                }
                if let (Some(dst), Some(src)) = (dst, src) {
                    self.analysis.bulk.insert(at, Bulk::Copy { dst, src });
                }
            }
            MemoryFill { .. } => {
                let (len, value, dst) = (pop(stack), pop(stack), pop(stack));
                if !not_ptr(len) || !not_ptr(value) {
                    return Err(Error::unsupported(
                        "a pointer as a fill's value or length",
                        offset,
                    ));
                }
                if let Some(dst) =
                    self.bulk_operand(dst, true, "a memory.fill of memory", offset)?
                {
                    if dst == STACK {
                        poison(slots);
                    }
                    self.analysis.bulk.insert(at, Bulk::Fill { dst });
                }
            }
            _ if memory_access(op).is_some() => {
                let access = memory_access(op).expect("a memory access");
                // A stack slot at a known offset: what it holds is known.
                let slot = |address: Kind| match address {
                    Kind::StackAt(c) => i32::try_from(access.memarg.offset)
                        .ok()
                        .map(|o| c.wrapping_add(o)),
                    _ => None,
                };
                if access.store {
                    let value = pop_raw(stack);
                    let address = pop_raw(stack);
                    let pointer = matches!(value.norm(), Kind::Ptr(_));
                    match slot(address) {
                        // A pointer kept in a stack slot (4 bytes, as pointers are).
                        Some(at) if pointer && access.width == 4 => {
                            forget(slots, at, 4);
                            slots.insert(at, value);
                        }
                        Some(at) if !pointer => forget(slots, at, access.width),
                        _ if pointer => {
                            return Err(Error::unsupported("a pointer stored to memory", offset))
                        }
                        // Somewhere in the stack: any slot may now hold something else.
                        _ if address.norm() == Kind::Ptr(STACK) => poison(slots),
                        _ => {}
                    }
                    self.access(address.norm(), &access, at, offset)?;
                } else {
                    let address = pop_raw(stack);
                    let kept = match slot(address) {
                        Some(at) if access.width == 4 && access.value == ValType::I32 => {
                            slots.get(&at).copied()
                        }
                        _ => None,
                    };
                    if address == Kind::Int {
                        // An address computed from no buffer pointer: the guest's static data.
                        self.analysis.static_loads.insert(at);
                    } else {
                        self.access(address.norm(), &access, at, offset)?;
                    }
                    stack.push(kept.unwrap_or(Kind::Int));
                }
            }
            V128Load8Lane { memarg, .. }
            | V128Load16Lane { memarg, .. }
            | V128Load32Lane { memarg, .. }
            | V128Load64Lane { memarg, .. }
            | V128Store8Lane { memarg, .. }
            | V128Store16Lane { memarg, .. }
            | V128Store32Lane { memarg, .. }
            | V128Store64Lane { memarg, .. } => {
                // A scalar load or store of one lane, the vector above the address.
                let access = lane_access(op, memarg);
                pop(stack);
                let address = pop(stack);
                if address == Kind::Int {
                    if access.store {
                        return Err(Error::unsupported(
                            "a store to memory that is neither a buffer nor the stack",
                            offset,
                        ));
                    }
                    self.analysis.static_loads.insert(at);
                } else {
                    if access.store && address == Kind::Ptr(STACK) {
                        poison(slots);
                    }
                    self.access(address, &access, at, offset)?;
                }
                if !access.store {
                    stack.push(Kind::Int);
                }
            }
            ref other if super::simd::is_vector_op(other) => {
                // A vector operator: none of its operands may be a pointer, its results are
                // numbers.
                let (pops, pushes) = super::simd::arity(other)
                    .ok_or_else(|| Error::unsupported(operator_name(other), offset))?;
                for _ in 0..pops {
                    if !not_ptr(pop(stack)) {
                        return Err(Error::unsupported(
                            format!("a pointer as an operand of {}", operator_name(other)),
                            offset,
                        ));
                    }
                }
                for _ in 0..pushes {
                    stack.push(Kind::Int);
                }
            }
            ref other => return Err(Error::unsupported(operator_name(other), offset)),
        }
        Ok(Flow::Next)
    }
}

enum Flow {
    Next,
    Unreachable,
}

/// The state after a block: what was below it, and its results.
fn keep_results(state: State, height: usize, results: usize) -> State {
    state.map(|(locals, stack, slots)| {
        let mut kept = stack[..height.min(stack.len())].to_vec();
        kept.extend_from_slice(&stack[stack.len().saturating_sub(results)..]);
        (locals, kept, slots)
    })
}

/// Analyses a flattened kernel with `buffers` (pointer, length) parameter pairs.
pub fn analyze(flat: &Flat<'_>, buffers: usize, cx: &Context<'_>) -> Result<Analysis, Error> {
    let local_types = flat.local_types.clone();
    // Every local but the buffer pointers starts as an integer: a parameter or zero.
    let mut locals = vec![Kind::Int; local_types.len()];
    for k in 0..buffers {
        locals[3 + 2 * k] = Kind::Ptr(k as u32);
    }
    if let Some((sp, _)) = flat.stack_pointer {
        locals[sp as usize] = Kind::StackAt(0);
    }
    let ops = &flat.ops;
    let mut interpreter = Interpreter {
        ops,
        cx,
        analysis: Analysis {
            local_types,
            elements: vec![None; buffers],
            written: vec![false; buffers],
            accesses: HashMap::new(),
            static_loads: HashSet::new(),
            bulk: HashMap::new(),
            known_compares: HashMap::new(),
            distances: HashMap::new(),
            doomed_stack: HashSet::new(),
        },
        usage: vec![Usage::default(); buffers],
    };
    let mut frames = vec![Frame {
        is_loop: false,
        height: 0,
        branch_arity: 0,
        results: 0,
        branched: None,
    }];
    // The body's final `end` closes the function frame: interpret everything before it.
    interpreter.run(
        0,
        ops.len().saturating_sub(1),
        Some((locals, Vec::new(), Slots::new())),
        &mut frames,
    )?;
    let mut analysis = interpreter.analysis;
    for (k, usage) in interpreter.usage.iter().enumerate() {
        analysis.elements[k] = usage.element()?;
    }
    Ok(analysis)
}
