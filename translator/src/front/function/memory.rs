//! Loads and stores: buffer bindings, the static data, sub-word accesses.
//!
//! A buffer's binding is an array of one element type (see
//! [`crate::front::provenance::Analysis::elements`]). An access of the element's width but
//! another type reinterprets the bits; a narrower load takes its bytes out of a word; a narrower
//! store updates its bytes of a word of an `atomic<u32>` binding with an atomic `and` (clearing
//! them) and an atomic `or` (setting them), so that work items storing to neighbouring bytes of
//! one word do not undo each other's stores. An access whose alignment hint is below a word
//! takes its bytes from, or puts them into, the words around it, wherever it starts (see
//! `load_straddling`, `store_straddling`); any other traps when it is misaligned, and every
//! access traps outside its binding.

use naga::{
    AtomicFunction, BinaryOperator, Expression, GlobalVariable, Handle, Literal, LocalVariable,
    Scalar, ScalarKind, Statement,
};
use wasmparser::{MemArg, ValType};

use super::Builder;
use crate::front::provenance::{Bulk, MemoryAccess, STACK};
use crate::{trap, ElementType, Error};

/// The scalar an element is loaded as (`atomic<u32>` loads as `u32`).
fn element_scalar(element: ElementType) -> Scalar {
    match element {
        ElementType::I32 => Scalar::I32,
        ElementType::F32 => Scalar::F32,
        ElementType::F64 => Scalar::F64,
        ElementType::I64 => Scalar::I64,
        ElementType::AtomicU32 => Scalar::U32,
        ElementType::AtomicU64 => Scalar::U64,
    }
}

/// A static load's element index (inside the binding), byte offset, and whether it lies past
/// the binding (see [`Builder::static_index`]).
type StaticIndex = (Handle<Expression>, Handle<Expression>, Handle<Expression>);

/// Bytes of shadow stack each invocation has, below the stack pointer's initial value.
pub(super) const STACK_BYTES: u32 = 16 * 1024;

/// The memory an access goes to.
#[derive(Clone, Copy)]
pub(super) enum Target {
    /// A binding: a buffer bound whole, or the static data.
    Global(Handle<GlobalVariable>),
    /// Buffer `k`, split into parts (see [`crate::Layout`]): an element is in the part its
    /// index's high bits name.
    Split(u32),
    /// The invocation's shadow stack: `u32` words (a private array variable) holding the bytes
    /// from address `base` up.
    Stack {
        words: Handle<LocalVariable>,
        base: u32,
    },
}

pub(super) fn value_scalar(ty: ValType) -> Scalar {
    match ty {
        ValType::I64 => Scalar::I64,
        ValType::F32 => Scalar::F32,
        ValType::F64 => Scalar::F64,
        _ => Scalar::I32,
    }
}

impl Builder<'_> {
    /// Reinterprets `value` of scalar `from` as `to`, of the same width.
    fn reinterpret(
        &mut self,
        value: Handle<Expression>,
        from: Scalar,
        to: Scalar,
    ) -> Handle<Expression> {
        if from == to {
            value
        } else {
            self.cast(value, to.kind, None)
        }
    }

    /// The index of the element of `target` (of `stride`-byte elements) holding byte
    /// `address + memarg.offset`, trapping unless the `width` bytes there are aligned and
    /// inside the array; and that byte's offset in the array, as a `u32`.
    fn checked_index(
        &mut self,
        target: Target,
        address: Handle<Expression>,
        memarg: &MemArg,
        width: u32,
        stride: u32,
        offset: usize,
    ) -> Result<(Handle<Expression>, Handle<Expression>), Error> {
        let mut byte = self.access_byte(address, memarg, offset)?;
        if let Target::Stack { base, .. } = target {
            // Below the stack's base wraps around to a huge offset: out of bounds.
            let base = self.u32(base);
            byte = self.binary(BinaryOperator::Subtract, byte, base);
        }
        let misaligned = self.misaligned(byte, width, stride);
        let shift = self.u32(stride.trailing_zeros());
        let index = self.binary(BinaryOperator::ShiftRight, byte, shift);
        let length = match target {
            Target::Stack { .. } => self.u32(STACK_BYTES / stride),
            _ => self.element_count(target),
        };
        let last = self.last_element(index, width, stride);
        let outside = self.binary(BinaryOperator::GreaterEqual, last, length);
        self.trap_if_either(misaligned, outside, trap::OUT_OF_BOUNDS);
        Ok((index, byte))
    }

    /// As [`Builder::checked_index`], for a load from the guest's static data, whose binding
    /// holds its data segments only (not the zeros after them): past the guest's initial memory
    /// (whose size the status binding's second word holds) the load traps; past the binding but
    /// inside that memory it reads zeros. Returns whether the load is past the binding, and an
    /// index that stays inside it.
    fn static_index(
        &mut self,
        target: Target,
        address: Handle<Expression>,
        memarg: &MemArg,
        width: u32,
        stride: u32,
        offset: usize,
    ) -> Result<StaticIndex, Error> {
        let Target::Global(global) = target else {
            return Err(Error::Validation("static data on the stack".into()));
        };
        let byte = self.access_byte(address, memarg, offset)?;
        let misaligned = self.misaligned(byte, width, stride);
        let memory = self.initial_memory();
        let width_bytes = self.u32(width);
        let outside = self.outside(byte, width_bytes, memory);
        self.trap_if_either(misaligned, outside, trap::OUT_OF_BOUNDS);
        let shift = self.u32(stride.trailing_zeros());
        let index = self.binary(BinaryOperator::ShiftRight, byte, shift);
        let base = self.pre(Expression::GlobalVariable(global));
        let length = self.expr(Expression::ArrayLength(base));
        let last = self.last_element(index, width, stride);
        let past = self.binary(BinaryOperator::GreaterEqual, last, length);
        // The binding always has two words: index 0 (and 1) can be read.
        let zero = self.u32(0);
        let index = self.expr(Expression::Select {
            condition: past,
            accept: zero,
            reject: index,
        });
        Ok((index, byte, past))
    }

    /// The bytes of the guest's initial memory (the status binding's second word): static
    /// loads past it trap.
    fn initial_memory(&mut self) -> Handle<Expression> {
        let status = self.pre(Expression::GlobalVariable(self.status));
        let slot = self.expr(Expression::AccessIndex {
            base: status,
            index: 1,
        });
        self.expr(Expression::Load { pointer: slot })
    }

    /// `address + memarg.offset`, as a `u32`.
    fn access_byte(
        &mut self,
        address: Handle<Expression>,
        memarg: &MemArg,
        offset: usize,
    ) -> Result<Handle<Expression>, Error> {
        let extra = i32::try_from(memarg.offset)
            .map_err(|_| Error::unsupported("a memory offset above 2^31", offset))?;
        let extra = self.i32(extra);
        let byte = self.binary(BinaryOperator::Add, address, extra);
        Ok(self.cast(byte, ScalarKind::Uint, None))
    }

    /// Whether byte `byte` is not aligned to the access's width, or for an access of several
    /// elements (8 bytes of 4-byte words) to the element: it then takes whole elements. `None`
    /// where any byte is.
    fn misaligned(
        &mut self,
        byte: Handle<Expression>,
        width: u32,
        stride: u32,
    ) -> Option<Handle<Expression>> {
        let align = width.min(stride);
        (align > 1).then(|| {
            let mask = self.u32(align - 1);
            let low = self.binary(BinaryOperator::And, byte, mask);
            let zero = self.u32(0);
            self.binary(BinaryOperator::NotEqual, low, zero)
        })
    }

    /// Traps with `MISALIGNED` when `misaligned` holds, else with `code` when `other` does: one
    /// check, not two. (llvmpipe drops the stores that follow too many checks in a row; see
    /// the crate docs.)
    fn trap_if_either(
        &mut self,
        misaligned: Option<Handle<Expression>>,
        other: Handle<Expression>,
        code: u32,
    ) {
        let Some(misaligned) = misaligned else {
            return self.trap_if(other, code);
        };
        let either = self.binary(BinaryOperator::LogicalOr, misaligned, other);
        let (first, then) = (self.u32(trap::MISALIGNED), self.u32(code));
        let value = self.expr(Expression::Select {
            condition: misaligned,
            accept: first,
            reject: then,
        });
        self.trap_if_value(either, value);
    }

    /// Whether the `len` bytes from byte `byte` reach past `size` bytes (`u32`s all;
    /// `byte + len > size`, without overflow).
    fn outside(
        &mut self,
        byte: Handle<Expression>,
        len: Handle<Expression>,
        size: Handle<Expression>,
    ) -> Handle<Expression> {
        let past = self.binary(BinaryOperator::Greater, byte, size);
        let room = self.binary(BinaryOperator::Subtract, size, byte);
        let long = self.binary(BinaryOperator::Greater, len, room);
        self.binary(BinaryOperator::LogicalOr, past, long)
    }

    /// Traps unless the `len` bytes from byte `byte` lie inside `size` bytes.
    fn trap_unless_inside(
        &mut self,
        byte: Handle<Expression>,
        len: Handle<Expression>,
        size: Handle<Expression>,
    ) {
        let outside = self.outside(byte, len, size);
        self.trap_if(outside, trap::OUT_OF_BOUNDS);
    }

    /// The last element an access of `width` bytes from element `index` touches (an 8-byte
    /// access of 4-byte words takes two).
    fn last_element(
        &mut self,
        index: Handle<Expression>,
        width: u32,
        stride: u32,
    ) -> Handle<Expression> {
        match width / stride {
            0 | 1 => index,
            n => {
                let more = self.u32(n - 1);
                self.binary(BinaryOperator::Add, index, more)
            }
        }
    }

    /// The target buffer `k`'s accesses go to.
    pub(super) fn buffer_target(&self, k: u32) -> Target {
        match self.buffers[k as usize].as_slice() {
            [whole] => Target::Global(*whole),
            _ => Target::Split(k),
        }
    }

    /// `log2` of the elements of one part of split buffer `k`, and its parts.
    fn split_shape(&self, k: u32) -> (u32, &[Handle<GlobalVariable>]) {
        let stride = self.analysis.elements[k as usize]
            .unwrap_or(ElementType::I32)
            .size();
        (
            self.part_shift - stride.trailing_zeros(),
            &self.buffers[k as usize],
        )
    }

    /// The elements of `target`, a binding or a split buffer, as a `u32`: of a split buffer,
    /// those of its full parts and of its last.
    pub(super) fn element_count(&mut self, target: Target) -> Handle<Expression> {
        let global = match target {
            Target::Global(global) => global,
            Target::Split(k) => {
                let (shift, parts) = self.split_shape(k);
                let (full, last) = (parts.len() as u32 - 1, parts[parts.len() - 1]);
                let base = self.pre(Expression::GlobalVariable(last));
                let rest = self.expr(Expression::ArrayLength(base));
                let before = self.u32(full << shift);
                return self.binary(BinaryOperator::Add, before, rest);
            }
            Target::Stack { .. } => unreachable!("the stack's length is a constant"),
        };
        let base = self.pre(Expression::GlobalVariable(global));
        self.expr(Expression::ArrayLength(base))
    }

    /// Runs `op` on a pointer to element `index` of `target` (checked to lie inside it), and
    /// gives back what `op` returns. In a split buffer, the element's part is known only when
    /// the work item runs, and a pointer cannot choose between bindings: `op` then runs in each
    /// case of a switch over the parts, and its value (of type `ty`) comes out through a local.
    fn with_element(
        &mut self,
        target: Target,
        index: Handle<Expression>,
        ty: Option<Scalar>,
        op: impl Fn(&mut Self, Handle<Expression>) -> Option<Handle<Expression>>,
    ) -> Option<Handle<Expression>> {
        let base = match target {
            Target::Global(global) => self.pre(Expression::GlobalVariable(global)),
            Target::Stack { words, .. } => self.pre(Expression::LocalVariable(words)),
            Target::Split(k) => return self.with_split_element(k, index, ty, op),
        };
        let pointer = self.expr(Expression::Access { base, index });
        op(self, pointer)
    }

    fn with_split_element(
        &mut self,
        k: u32,
        index: Handle<Expression>,
        ty: Option<Scalar>,
        op: impl Fn(&mut Self, Handle<Expression>) -> Option<Handle<Expression>>,
    ) -> Option<Handle<Expression>> {
        let (shift, parts) = self.split_shape(k);
        let parts = parts.to_vec();
        let shift_by = self.u32(shift);
        let part = self.binary(BinaryOperator::ShiftRight, index, shift_by);
        let mask = self.u32((1 << shift) - 1);
        let within = self.binary(BinaryOperator::And, index, mask);
        let result = ty.map(|scalar| {
            let ty = super::scalar_type(&mut self.module, scalar);
            self.func.local_variables.append(
                LocalVariable {
                    name: Some("part_value".into()),
                    ty,
                    init: None,
                },
                naga::Span::UNDEFINED,
            )
        });
        self.flush();
        let mut cases = Vec::with_capacity(parts.len());
        for (j, &global) in parts.iter().enumerate() {
            self.blocks.push(naga::Block::new());
            let base = self.pre(Expression::GlobalVariable(global));
            let pointer = self.expr(Expression::Access {
                base,
                index: within,
            });
            let value = op(self, pointer);
            if let (Some(local), Some(value)) = (result, value) {
                self.store_local(local, value);
            }
            self.flush();
            let body = self.blocks.pop().expect("a block");
            // The index was checked against the buffer's length: the last part is the rest.
            let value = match j + 1 == parts.len() {
                true => naga::SwitchValue::Default,
                false => naga::SwitchValue::U32(j as u32),
            };
            cases.push(naga::SwitchCase {
                value,
                body,
                fall_through: false,
            });
        }
        self.stmt(Statement::Switch {
            selector: part,
            cases,
        });
        result.map(|local| self.load_local(local))
    }

    /// Element `index` of `target`, loaded as the element's scalar (`atomic<u32>` as `u32`).
    fn load_element(
        &mut self,
        target: Target,
        element: ElementType,
        index: Handle<Expression>,
    ) -> Handle<Expression> {
        let scalar = element_scalar(element);
        self.with_element(target, index, Some(scalar), |b, pointer| {
            Some(b.expr(Expression::Load { pointer }))
        })
        .expect("a load's value")
    }

    /// Stores `value` (the element's scalar) into element `index` of `target`.
    fn store_element(
        &mut self,
        target: Target,
        index: Handle<Expression>,
        value: Handle<Expression>,
    ) {
        self.with_element(target, index, None, |b, pointer| {
            b.stmt(Statement::Store { pointer, value });
            None
        });
    }

    /// Clears the bits of element `index` of `target` (atomic words) outside `keep`, then sets
    /// those of `bits`: two atomic updates, so that work items storing to other bytes of the
    /// word do not undo each other's stores.
    fn splice_element(
        &mut self,
        target: Target,
        index: Handle<Expression>,
        keep: Handle<Expression>,
        bits: Handle<Expression>,
    ) {
        self.with_element(target, index, None, |b, pointer| {
            b.stmt(Statement::Atomic {
                pointer,
                fun: AtomicFunction::And,
                value: keep,
                result: None,
            });
            b.stmt(Statement::Atomic {
                pointer,
                fun: AtomicFunction::InclusiveOr,
                value: bits,
                result: None,
            });
            None
        });
    }

    /// The low `access.width` bytes of the `u32` `bits`, sign- or zero-extended as the access
    /// says, as its value type.
    fn extend_low_bytes(
        &mut self,
        bits: Handle<Expression>,
        access: &MemoryAccess,
    ) -> Handle<Expression> {
        let spare = self.u32(32 - 8 * access.width);
        let up = self.binary(BinaryOperator::ShiftLeft, bits, spare);
        let extended = if access.signed {
            let signed = self.cast(up, ScalarKind::Sint, None);
            self.binary(BinaryOperator::ShiftRight, signed, spare)
        } else {
            let back = self.binary(BinaryOperator::ShiftRight, up, spare);
            self.cast(back, ScalarKind::Sint, None)
        };
        self.widen(extended, access)
    }

    /// The bit offset of byte `byte` within its word, as a `u32`.
    fn bit_offset(&mut self, byte: Handle<Expression>) -> Handle<Expression> {
        let three = self.u32(3);
        let within = self.binary(BinaryOperator::And, byte, three);
        let eight = self.u32(8);
        self.binary(BinaryOperator::Multiply, within, eight)
    }

    /// Widens the `i32` `value` to the access's value type (for `i64` loads narrower than 8).
    fn widen(&mut self, value: Handle<Expression>, access: &MemoryAccess) -> Handle<Expression> {
        if access.value != ValType::I64 {
            return value;
        }
        self.uses_i64 = true;
        if access.signed {
            self.cast(value, ScalarKind::Sint, Some(8))
        } else {
            let u = self.cast(value, ScalarKind::Uint, None);
            let wide = self.cast(u, ScalarKind::Uint, Some(8));
            self.cast(wide, ScalarKind::Sint, None)
        }
    }

    /// Where an access at position `at` goes: the array and its element type.
    fn access_target(
        &mut self,
        access: &MemoryAccess,
        at: usize,
        offset: usize,
    ) -> Result<(Target, ElementType), Error> {
        if !self.analysis.static_loads.contains(&at) {
            let buffer = self.address_buffer(at, offset)?;
            if buffer == STACK {
                let (words, base) = self
                    .stack
                    .ok_or_else(|| Error::Validation("a stack access without a stack".into()))?;
                // Words, as the static data: `u32` loads.
                return Ok((Target::Stack { words, base }, ElementType::AtomicU32));
            }
            let element = self.analysis.elements[buffer as usize].ok_or_else(|| {
                Error::Validation(format!(
                    "buffer {buffer} accessed but without an element type"
                ))
            })?;
            return Ok((self.buffer_target(buffer), element));
        }
        // The static data: `u32` words, and `f64`s if the device has them.
        if access.width == 8 && access.value == ValType::F64 && !access.may_straddle_words() {
            let global = self
                .statics64
                .ok_or(Error::MissingFeature("64-bit floats"))?;
            return Ok((Target::Global(global), ElementType::F64));
        }
        let global = self
            .statics
            .ok_or_else(|| Error::Validation("static data without a binding".into()))?;
        Ok((Target::Global(global), ElementType::AtomicU32))
    }

    /// A load (`access`), the operator at position `at`.
    pub(super) fn load(
        &mut self,
        access: &MemoryAccess,
        at: usize,
        offset: usize,
    ) -> Result<(), Error> {
        self.local_type(access.value, offset)?;
        if self.analysis.doomed_stack.contains(&at) {
            // The stack in code that can only trap (see `front::doomed`): not kept.
            self.pop();
            let zero = self.zero_value(access.value);
            self.push(zero, access.value);
            return Ok(());
        }
        let (target, element) = self.access_target(access, at, offset)?;
        let address = self.pop();
        let stride = element.size();
        if access.may_straddle_words() && stride == 4 {
            let statics = self.analysis.static_loads.contains(&at);
            return self.load_straddling(access, target, element, statics, address, offset);
        }
        let (index, byte, past) = if self.analysis.static_loads.contains(&at) {
            let (index, byte, past) = self.static_index(
                target,
                address,
                &access.memarg,
                access.width,
                stride,
                offset,
            )?;
            (index, byte, Some(past))
        } else {
            let (index, byte) = self.checked_index(
                target,
                address,
                &access.memarg,
                access.width,
                stride,
                offset,
            )?;
            (index, byte, None)
        };
        if access.width == 16 {
            let v = self.load_vector(target, element, index)?;
            let v = match past {
                // Past the static data's binding: the zeros of the guest's initial memory.
                Some(past) => {
                    let zero = self.u32(0);
                    let zeros = self.expr(Expression::Splat {
                        size: naga::VectorSize::Quad,
                        value: zero,
                    });
                    // A scalar condition selects whole vectors (OpenCL C has no bool vectors).
                    self.expr(Expression::Select {
                        condition: past,
                        accept: zeros,
                        reject: v,
                    })
                }
                None => v,
            };
            self.push(v, ValType::V128);
            return Ok(());
        }
        let word = self.load_element(target, element, index);
        let scalar = element_scalar(element);
        let value = if access.width == stride {
            // A whole element: as it is, or its bits as the value type; `i64.load32` extends.
            let target = match access.value {
                ValType::I64 if access.width == 4 => Scalar::I32,
                other => value_scalar(other),
            };
            let bits = self.reinterpret(word, scalar, target);
            self.widen(bits, access)
        } else if access.width == 8 {
            // Eight bytes from two words (little-endian), put together as a `u64`.
            if !self.types.i64 {
                return Err(Error::MissingFeature("64-bit integers"));
            }
            self.uses_i64 = true;
            let next = self.element_after(index, 1);
            let high = self.load_element(target, element, next);
            let low = self.reinterpret(word, scalar, Scalar::U32);
            let high = self.reinterpret(high, scalar, Scalar::U32);
            let both = self.join(low, high);
            self.reinterpret(both, Scalar::U64, value_scalar(access.value))
        } else {
            // Bytes of a word: shift them down, then sign- or zero-extend.
            let bits = self.reinterpret(word, scalar, Scalar::U32);
            let shift = self.bit_offset(byte);
            let down = self.binary(BinaryOperator::ShiftRight, bits, shift);
            self.extend_low_bytes(down, access)
        };
        let value = match past {
            // Past the static data's binding: the zeros of the guest's initial memory.
            Some(past) => {
                let zero = self.zero_value(access.value);
                self.expr(Expression::Select {
                    condition: past,
                    accept: zero,
                    reject: value,
                })
            }
            None => value,
        };
        self.push(value, access.value);
        Ok(())
    }

    /// A store (`access`), the operator at position `at`.
    pub(super) fn store(
        &mut self,
        access: &MemoryAccess,
        at: usize,
        offset: usize,
    ) -> Result<(), Error> {
        self.local_type(access.value, offset)?;
        if self.analysis.doomed_stack.contains(&at) {
            self.pop();
            self.pop();
            return Ok(());
        }
        let (target, element) = self.access_target(access, at, offset)?;
        let mut value = self.pop();
        let address = self.pop();
        let stride = element.size();
        if access.may_straddle_words() && stride == 4 {
            return self.store_straddling(access, target, element, value, address, offset);
        }
        let (index, byte) = self.checked_index(
            target,
            address,
            &access.memarg,
            access.width,
            stride,
            offset,
        )?;
        if access.width == 16 {
            return self.store_vector(target, element, index, value);
        }
        let mut from = value_scalar(access.value);
        if access.value == ValType::I64 && access.width < 8 {
            value = self.cast(value, ScalarKind::Sint, Some(4));
            from = Scalar::I32;
        }
        if access.width == stride {
            let value = self.reinterpret(value, from, element_scalar(element));
            self.store_element(target, index, value);
            return Ok(());
        }
        if access.width == 8 {
            // Eight bytes into two words: the low word, then the high one.
            if !self.types.i64 {
                return Err(Error::MissingFeature("64-bit integers"));
            }
            self.uses_i64 = true;
            let word = element_scalar(element);
            let bits = self.reinterpret(value, from, Scalar::U64);
            let (low, high) = self.split(bits);
            let low = self.reinterpret(low, Scalar::U32, word);
            self.store_element(target, index, low);
            let high = self.reinterpret(high, Scalar::U32, word);
            let next = self.element_after(index, 1);
            self.store_element(target, next, high);
            return Ok(());
        }
        if let Target::Stack { .. } = target {
            // The stack is the invocation's own: read the word, replace the bytes, write it.
            let (keep, bits) = self.splice(value, byte, access.width);
            let word = self.load_element(target, element, index);
            let kept = self.binary(BinaryOperator::And, word, keep);
            let value = self.binary(BinaryOperator::InclusiveOr, kept, bits);
            self.store_element(target, index, value);
            return Ok(());
        }
        if element != ElementType::AtomicU32 {
            return Err(Error::Validation(format!(
                "a {}-byte store into a binding of {element:?}",
                access.width
            )));
        }
        // Clear the bytes, then set them: two atomic updates of the word.
        let (keep, bits) = self.splice(value, byte, access.width);
        self.splice_element(target, index, keep, bits);
        Ok(())
    }

    /// The 16 bytes from element `index` of `target` as a `v128` (a `vec4<u32>`): four 4-byte
    /// elements or two 8-byte ones.
    fn load_vector(
        &mut self,
        target: Target,
        element: ElementType,
        index: Handle<Expression>,
    ) -> Result<Handle<Expression>, Error> {
        let scalar = element_scalar(element);
        let mut words = Vec::with_capacity(4);
        for j in 0..self.vector_elements(element)? {
            let at = self.element_after(index, j);
            let e = self.load_element(target, element, at);
            if element.size() == 8 {
                let bits = self.reinterpret(e, scalar, Scalar::U64);
                let (low, high) = self.split(bits);
                words.extend([low, high]);
            } else {
                words.push(self.reinterpret(e, scalar, Scalar::U32));
            }
        }
        Ok(self.compose([words[0], words[1], words[2], words[3]]))
    }

    /// Stores the `v128` `v` into the 16 bytes from element `index` of `target`.
    fn store_vector(
        &mut self,
        target: Target,
        element: ElementType,
        index: Handle<Expression>,
        v: Handle<Expression>,
    ) -> Result<(), Error> {
        let scalar = element_scalar(element);
        for j in 0..self.vector_elements(element)? {
            let at = self.element_after(index, j);
            let value = if element.size() == 8 {
                let (low, high) = (self.word(v, 2 * j), self.word(v, 2 * j + 1));
                let bits = self.join(low, high);
                self.reinterpret(bits, Scalar::U64, scalar)
            } else {
                let word = self.word(v, j);
                self.reinterpret(word, Scalar::U32, scalar)
            };
            self.store_element(target, at, value);
        }
        Ok(())
    }

    /// The elements of `element` a `v128` takes (8-byte ones need 64-bit integers to split).
    fn vector_elements(&mut self, element: ElementType) -> Result<u32, Error> {
        if element.size() == 8 {
            if !self.types.i64 {
                return Err(Error::MissingFeature("64-bit integers"));
            }
            self.uses_i64 = true;
        }
        Ok(16 / element.size())
    }

    /// Element `index + j`.
    fn element_after(&mut self, index: Handle<Expression>, j: u32) -> Handle<Expression> {
        if j == 0 {
            return index;
        }
        let j = self.u32(j);
        self.binary(BinaryOperator::Add, index, j)
    }

    /// For storing the low `width` bytes of the `i32` `value` at byte `byte` of a word: the mask
    /// of the word's bits to keep, and the value's bits in place.
    fn splice(
        &mut self,
        value: Handle<Expression>,
        byte: Handle<Expression>,
        width: u32,
    ) -> (Handle<Expression>, Handle<Expression>) {
        let bits = self.cast(value, ScalarKind::Uint, None);
        let ones = self.u32((1u32 << (8 * width)) - 1);
        let bits = self.binary(BinaryOperator::And, bits, ones);
        let shift = self.bit_offset(byte);
        let mask = self.binary(BinaryOperator::ShiftLeft, ones, shift);
        let keep = self.expr(Expression::Unary {
            op: naga::UnaryOperator::BitwiseNot,
            expr: mask,
        });
        let bits = self.binary(BinaryOperator::ShiftLeft, bits, shift);
        (keep, bits)
    }

    /// The byte offset of `address + memarg.offset` in `target` (from the stack's base for the
    /// stack), trapping unless its `width` bytes lie inside `target` (for the static data:
    /// inside the guest's initial memory); and the index of the last word they touch.
    fn straddling_range(
        &mut self,
        target: Target,
        statics: bool,
        address: Handle<Expression>,
        access: &MemoryAccess,
        offset: usize,
    ) -> Result<(Handle<Expression>, Handle<Expression>), Error> {
        let mut byte = self.access_byte(address, &access.memarg, offset)?;
        let size = match target {
            Target::Stack { base, .. } => {
                let base = self.u32(base);
                byte = self.binary(BinaryOperator::Subtract, byte, base);
                self.u32(STACK_BYTES)
            }
            _ if statics => self.initial_memory(),
            _ => {
                let words = self.element_count(target);
                let two = self.u32(2);
                self.binary(BinaryOperator::ShiftLeft, words, two)
            }
        };
        let width = self.u32(access.width);
        self.trap_unless_inside(byte, width, size);
        let more = self.u32(access.width - 1);
        let end = self.binary(BinaryOperator::Add, byte, more);
        let two = self.u32(2);
        let last = self.binary(BinaryOperator::ShiftRight, end, two);
        Ok((byte, last))
    }

    /// Word `index` of `target` as a `u32`; of the static data, zero past its binding (the
    /// zeros of the guest's initial memory after the data segments).
    fn word_at(
        &mut self,
        target: Target,
        element: ElementType,
        statics: bool,
        index: Handle<Expression>,
    ) -> Handle<Expression> {
        let scalar = element_scalar(element);
        if !statics {
            let word = self.load_element(target, element, index);
            return self.reinterpret(word, scalar, Scalar::U32);
        }
        let length = self.element_count(target);
        let past = self.binary(BinaryOperator::GreaterEqual, index, length);
        let zero = self.u32(0);
        let inside = self.expr(Expression::Select {
            condition: past,
            accept: zero,
            reject: index,
        });
        let word = self.load_element(target, element, inside);
        let word = self.reinterpret(word, scalar, Scalar::U32);
        self.expr(Expression::Select {
            condition: past,
            accept: zero,
            reject: word,
        })
    }

    /// `a < b ? a : b`, of `u32`s.
    fn min_u32(&mut self, a: Handle<Expression>, b: Handle<Expression>) -> Handle<Expression> {
        let less = self.binary(BinaryOperator::Less, a, b);
        self.expr(Expression::Select {
            condition: less,
            accept: a,
            reject: b,
        })
    }

    /// `x >> (32 - shift)` (or `<<`, as `op` says) for `shift` in 0..32, of a `u32`: zero when
    /// `shift` is 0, where a shift by 32 would be undefined (`(x >> (31 - shift)) >> 1`).
    fn spill(
        &mut self,
        x: Handle<Expression>,
        shift: Handle<Expression>,
        op: BinaryOperator,
    ) -> Handle<Expression> {
        let thirty_one = self.u32(31);
        let back = self.binary(BinaryOperator::Subtract, thirty_one, shift);
        let one = self.u32(1);
        let moved = self.binary(op, x, back);
        self.binary(op, moved, one)
    }

    /// A load the compiler says may start inside a word (see
    /// [`MemoryAccess::may_straddle_words`]) from a binding of words: the words it touches,
    /// each result word put together from two neighbours (`(w[j] >> s) | (w[j + 1] << 32 - s)`,
    /// `s` the start's bit offset). When it is aligned, the word after is not read.
    fn load_straddling(
        &mut self,
        access: &MemoryAccess,
        target: Target,
        element: ElementType,
        statics: bool,
        address: Handle<Expression>,
        offset: usize,
    ) -> Result<(), Error> {
        if access.width == 8 && !self.types.i64 {
            return Err(Error::MissingFeature("64-bit integers"));
        }
        let (byte, last) = self.straddling_range(target, statics, address, access, offset)?;
        let two = self.u32(2);
        let first = self.binary(BinaryOperator::ShiftRight, byte, two);
        let shift = self.bit_offset(byte);
        let n = access.width.div_ceil(4);
        let mut words = Vec::with_capacity(n as usize + 1);
        for j in 0..n {
            let at = self.element_after(first, j);
            words.push(self.word_at(target, element, statics, at));
        }
        // The word after the last whole one: read only when the access reaches into it.
        let after = self.element_after(first, n);
        let after = self.min_u32(after, last);
        words.push(self.word_at(target, element, statics, after));
        let mut joined = Vec::with_capacity(n as usize);
        for j in 0..n as usize {
            let low = self.binary(BinaryOperator::ShiftRight, words[j], shift);
            let high = self.spill(words[j + 1], shift, BinaryOperator::ShiftLeft);
            joined.push(self.binary(BinaryOperator::InclusiveOr, low, high));
        }
        let value = match access.width {
            16 => {
                let v = self.compose([joined[0], joined[1], joined[2], joined[3]]);
                self.push(v, ValType::V128);
                return Ok(());
            }
            8 => {
                self.uses_i64 = true;
                let both = self.join(joined[0], joined[1]);
                self.reinterpret(both, Scalar::U64, value_scalar(access.value))
            }
            4 => {
                let target = match access.value {
                    ValType::I64 => Scalar::I32,
                    other => value_scalar(other),
                };
                let bits = self.reinterpret(joined[0], Scalar::U32, target);
                self.widen(bits, access)
            }
            _ => self.extend_low_bytes(joined[0], access),
        };
        self.push(value, access.value);
        Ok(())
    }

    /// A store the compiler says may start inside a word, into a binding of atomic words (or
    /// the stack): each word it touches gets its bytes with an atomic `and` and `or`, as a
    /// narrower store does, so that work items storing to the other bytes keep theirs.
    fn store_straddling(
        &mut self,
        access: &MemoryAccess,
        target: Target,
        element: ElementType,
        value: Handle<Expression>,
        address: Handle<Expression>,
        offset: usize,
    ) -> Result<(), Error> {
        let stack = matches!(target, Target::Stack { .. });
        if !stack && element != ElementType::AtomicU32 {
            return Err(Error::Validation(format!(
                "a store that may straddle words into a binding of {element:?}"
            )));
        }
        let from = value_scalar(access.value);
        // The value's words, and which of their bits it stores.
        let (values, masks): (Vec<_>, Vec<u32>) = match access.width {
            16 => ((0..4).map(|j| self.word(value, j)).collect(), vec![!0; 4]),
            8 => {
                if !self.types.i64 {
                    return Err(Error::MissingFeature("64-bit integers"));
                }
                self.uses_i64 = true;
                let bits = self.reinterpret(value, from, Scalar::U64);
                let (low, high) = self.split(bits);
                (vec![low, high], vec![!0; 2])
            }
            width => {
                let value = match access.value {
                    ValType::I64 => self.cast(value, ScalarKind::Sint, Some(4)),
                    _ => value,
                };
                let from = match access.value {
                    ValType::I64 => Scalar::I32,
                    other => value_scalar(other),
                };
                let bits = self.reinterpret(value, from, Scalar::U32);
                let mask = if width == 4 {
                    !0
                } else {
                    (1u32 << (8 * width)) - 1
                };
                let ones = self.u32(mask);
                (
                    vec![self.binary(BinaryOperator::And, bits, ones)],
                    vec![mask],
                )
            }
        };
        let (byte, last) = self.straddling_range(target, false, address, access, offset)?;
        let two = self.u32(2);
        let first = self.binary(BinaryOperator::ShiftRight, byte, two);
        let shift = self.bit_offset(byte);
        let n = values.len();
        for t in 0..=n {
            let mut bits = None;
            let mut mask = None;
            if t < n {
                let mask_t = self.u32(masks[t]);
                bits = Some(self.binary(BinaryOperator::ShiftLeft, values[t], shift));
                mask = Some(self.binary(BinaryOperator::ShiftLeft, mask_t, shift));
            }
            if t > 0 {
                let mask_before = self.u32(masks[t - 1]);
                let spilled = self.spill(values[t - 1], shift, BinaryOperator::ShiftRight);
                let spilled_mask = self.spill(mask_before, shift, BinaryOperator::ShiftRight);
                bits = Some(match bits {
                    Some(b) => self.binary(BinaryOperator::InclusiveOr, b, spilled),
                    None => spilled,
                });
                mask = Some(match mask {
                    Some(m) => self.binary(BinaryOperator::InclusiveOr, m, spilled_mask),
                    None => spilled_mask,
                });
            }
            let (bits, mask) = (bits.expect("bits"), mask.expect("a mask"));
            let keep = self.expr(Expression::Unary {
                op: naga::UnaryOperator::BitwiseNot,
                expr: mask,
            });
            // The word after the last whole one: when the store is aligned its mask is empty,
            // and it stands at the last word, which the store may touch.
            let index = self.element_after(first, t as u32);
            let index = if t == n {
                self.min_u32(index, last)
            } else {
                index
            };
            if stack {
                let word = self.load_element(target, element, index);
                let kept = self.binary(BinaryOperator::And, word, keep);
                let value = self.binary(BinaryOperator::InclusiveOr, kept, bits);
                self.store_element(target, index, value);
            } else {
                self.splice_element(target, index, keep, bits);
            }
        }
        Ok(())
    }

    /// The zero of the Wasm value type `ty`.
    fn zero_value(&mut self, ty: ValType) -> Handle<Expression> {
        match ty {
            ValType::I64 => {
                self.uses_i64 = true;
                self.pre(Expression::Literal(Literal::I64(0)))
            }
            ValType::F32 | ValType::F64 => self.float_constant(ty, 0),
            ValType::V128 => {
                let zero = self.u32(0);
                self.compose([zero; 4])
            }
            _ => self.i32(0),
        }
    }

    /// A `u64` literal (for bit masks of `f64`s).
    pub(super) fn u64(&mut self, v: u64) -> Handle<Expression> {
        self.pre(Expression::Literal(Literal::U64(v)))
    }
}

/// `memory.copy` and `memory.fill`, as loops over the bindings' elements when the operands are
/// aligned to them, else over bytes (into bindings of words that bytes can be stored into, and
/// the stack), else a `MISALIGNED` trap, as for loads and stores. Both trap before they write
/// anything when a range lies outside its binding, and a copy within one binding goes backwards
/// when its destination lies above its source, as Wasm's overlap rules ask. Every iteration
/// counts against the work item's loop budget.
impl Builder<'_> {
    /// The array a bulk operand lies in: a buffer, the stack, or (`None`) the static data.
    fn bulk_target(&mut self, buffer: Option<u32>) -> Result<(Target, ElementType), Error> {
        match buffer {
            Some(STACK) => {
                let (words, base) = self
                    .stack
                    .ok_or_else(|| Error::Validation("a stack access without a stack".into()))?;
                Ok((Target::Stack { words, base }, ElementType::AtomicU32))
            }
            Some(k) => {
                let element = self.analysis.elements[k as usize].ok_or_else(|| {
                    Error::Validation(format!("buffer {k} copied but without an element type"))
                })?;
                Ok((self.buffer_target(k), element))
            }
            None => {
                let global = self
                    .statics
                    .ok_or_else(|| Error::Validation("static data without a binding".into()))?;
                Ok((Target::Global(global), ElementType::AtomicU32))
            }
        }
    }

    /// The byte offset of Wasm address `address` in `target`, as a `u32`; trapping unless the
    /// `len` bytes from there lie inside it.
    fn bulk_range(
        &mut self,
        target: Target,
        element: ElementType,
        address: Handle<Expression>,
        len: Handle<Expression>,
    ) -> Handle<Expression> {
        let mut byte = self.cast(address, ScalarKind::Uint, None);
        let size = match target {
            Target::Stack { base, .. } => {
                // Below the stack's base wraps around to a huge offset: out of bounds.
                let base = self.u32(base);
                byte = self.binary(BinaryOperator::Subtract, byte, base);
                self.u32(STACK_BYTES)
            }
            _ => {
                let elements = self.element_count(target);
                let stride = self.u32(element.size());
                self.binary(BinaryOperator::Multiply, elements, stride)
            }
        };
        self.trap_unless_inside(byte, len, size);
        byte
    }

    /// `for k in 0..count { body(k) }` (`k` a `u32`), every iteration counted against the
    /// work item's loop budget.
    fn counted_loop(
        &mut self,
        count: Handle<Expression>,
        body: impl FnOnce(&mut Self, Handle<Expression>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let ty = super::scalar_type(&mut self.module, Scalar::U32);
        let var = self.func.local_variables.append(
            LocalVariable {
                name: Some("bulk_index".into()),
                ty,
                init: None,
            },
            naga::Span::UNDEFINED,
        );
        let zero = self.u32(0);
        self.store_local(var, zero);
        self.flush();
        self.blocks.push(naga::Block::new());
        let k = self.load_local(var);
        let done = self.binary(BinaryOperator::GreaterEqual, k, count);
        self.if_then(done, |b| b.stmt(Statement::Break));
        self.count_iteration();
        let k = self.load_local(var);
        body(self, k)?;
        let one = self.u32(1);
        let next = self.binary(BinaryOperator::Add, k, one);
        self.store_local(var, next);
        self.flush();
        let body = self.blocks.pop().expect("a block");
        self.stmt(Statement::Loop {
            body,
            continuing: naga::Block::new(),
            break_if: None,
        });
        Ok(())
    }

    /// `if condition { then } else { otherwise }`.
    fn if_else(
        &mut self,
        condition: Handle<Expression>,
        then: impl FnOnce(&mut Self) -> Result<(), Error>,
        otherwise: impl FnOnce(&mut Self) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.flush();
        self.blocks.push(naga::Block::new());
        then(self)?;
        self.flush();
        let accept = self.blocks.pop().expect("a block");
        self.blocks.push(naga::Block::new());
        otherwise(self)?;
        self.flush();
        let reject = self.blocks.pop().expect("a block");
        self.stmt(Statement::If {
            condition,
            accept,
            reject,
        });
        Ok(())
    }

    /// The index a loop's `k`th iteration works on: `k`, or `count - 1 - k` going backwards.
    fn directed(
        &mut self,
        k: Handle<Expression>,
        count: Handle<Expression>,
        backwards: Option<Handle<Expression>>,
    ) -> Handle<Expression> {
        let Some(backwards) = backwards else {
            return k;
        };
        let one = self.u32(1);
        let last = self.binary(BinaryOperator::Subtract, count, one);
        let down = self.binary(BinaryOperator::Subtract, last, k);
        self.expr(Expression::Select {
            condition: backwards,
            accept: down,
            reject: k,
        })
    }

    /// Stores the low byte of the `u32` `value` at byte offset `byte` of `target`, a binding of
    /// atomic words or the stack.
    fn store_byte(&mut self, target: Target, byte: Handle<Expression>, value: Handle<Expression>) {
        let two = self.u32(2);
        let index = self.binary(BinaryOperator::ShiftRight, byte, two);
        let (keep, bits) = self.splice(value, byte, 1);
        match target {
            Target::Stack { .. } => {
                let word = self.load_element(target, ElementType::AtomicU32, index);
                let kept = self.binary(BinaryOperator::And, word, keep);
                let value = self.binary(BinaryOperator::InclusiveOr, kept, bits);
                self.store_element(target, index, value);
            }
            _ => self.splice_element(target, index, keep, bits),
        }
    }

    /// Whether the `u32` `value` is a multiple of `unit` (a power of two).
    fn multiple_of(&mut self, value: Handle<Expression>, unit: u32) -> Handle<Expression> {
        let mask = self.u32(unit - 1);
        let low = self.binary(BinaryOperator::And, value, mask);
        let zero = self.u32(0);
        self.binary(BinaryOperator::Equal, low, zero)
    }

    /// Whether a misaligned bulk operation can go byte by byte into `target`.
    fn bytes_storable(target: Target, element: ElementType) -> bool {
        matches!(target, Target::Stack { .. }) || element == ElementType::AtomicU32
    }

    /// Whether two targets are the same array.
    fn same_target(a: Target, b: Target) -> bool {
        match (a, b) {
            (Target::Global(x), Target::Global(y)) => x == y,
            (Target::Split(x), Target::Split(y)) => x == y,
            (Target::Stack { .. }, Target::Stack { .. }) => true,
            _ => false,
        }
    }

    /// `memory.copy`, the operator at position `at`.
    pub(super) fn memory_copy(&mut self, at: usize, offset: usize) -> Result<(), Error> {
        let Some(&Bulk::Copy { dst, src }) = self.analysis.bulk.get(&at) else {
            return Err(Error::unsupported(
                "a memory.copy in code the analysis did not reach",
                offset,
            ));
        };
        let (dt, de) = self.bulk_target(Some(dst))?;
        let (st, se) = self.bulk_target(src)?;
        let unit = de.size();
        if se.size() != unit {
            return Err(Error::unsupported(
                format!("a memory.copy from {se:?} elements into {de:?} elements"),
                offset,
            ));
        }
        let len = self.pop();
        let s = self.pop();
        let d = self.pop();
        let n = self.cast(len, ScalarKind::Uint, None);
        let db = self.bulk_range(dt, de, d, n);
        let sb = self.bulk_range(st, se, s, n);
        // Within one array, backwards when the destination lies above the source.
        let backwards =
            Self::same_target(dt, st).then(|| self.binary(BinaryOperator::Greater, db, sb));
        let both = self.binary(BinaryOperator::InclusiveOr, db, sb);
        let all = self.binary(BinaryOperator::InclusiveOr, both, n);
        let aligned = self.multiple_of(all, unit);
        let bytewise = unit == 4 && Self::bytes_storable(dt, de);
        let (from, to) = (element_scalar(se), element_scalar(de));
        self.if_else(
            aligned,
            |b| {
                let shift = b.u32(unit.trailing_zeros());
                let count = b.binary(BinaryOperator::ShiftRight, n, shift);
                let di = b.binary(BinaryOperator::ShiftRight, db, shift);
                let si = b.binary(BinaryOperator::ShiftRight, sb, shift);
                b.counted_loop(count, |b, k| {
                    let i = b.directed(k, count, backwards);
                    let at = b.binary(BinaryOperator::Add, si, i);
                    let value = b.load_element(st, se, at);
                    let value = b.reinterpret(value, from, to);
                    let at = b.binary(BinaryOperator::Add, di, i);
                    b.store_element(dt, at, value);
                    Ok(())
                })
            },
            |b| {
                if !bytewise {
                    b.trap(trap::MISALIGNED);
                    return Ok(());
                }
                b.counted_loop(n, |b, k| {
                    let i = b.directed(k, n, backwards);
                    let from_byte = b.binary(BinaryOperator::Add, sb, i);
                    let two = b.u32(2);
                    let index = b.binary(BinaryOperator::ShiftRight, from_byte, two);
                    let word = b.load_element(st, se, index);
                    let word = b.reinterpret(word, from, Scalar::U32);
                    let shift = b.bit_offset(from_byte);
                    let value = b.binary(BinaryOperator::ShiftRight, word, shift);
                    let to_byte = b.binary(BinaryOperator::Add, db, i);
                    b.store_byte(dt, to_byte, value);
                    Ok(())
                })
            },
        )
    }

    /// `memory.fill`, the operator at position `at`.
    pub(super) fn memory_fill(&mut self, at: usize, offset: usize) -> Result<(), Error> {
        let Some(&Bulk::Fill { dst }) = self.analysis.bulk.get(&at) else {
            return Err(Error::unsupported(
                "a memory.fill in code the analysis did not reach",
                offset,
            ));
        };
        let (dt, de) = self.bulk_target(Some(dst))?;
        let unit = de.size();
        if unit == 8 && !self.types.i64 {
            return Err(Error::MissingFeature("64-bit integers"));
        }
        let len = self.pop();
        let value = self.pop();
        let d = self.pop();
        let n = self.cast(len, ScalarKind::Uint, None);
        let db = self.bulk_range(dt, de, d, n);
        let byte = self.cast(value, ScalarKind::Uint, None);
        let ff = self.u32(0xff);
        let byte = self.binary(BinaryOperator::And, byte, ff);
        let ones = self.u32(0x0101_0101);
        let word = self.binary(BinaryOperator::Multiply, byte, ones);
        let all = self.binary(BinaryOperator::InclusiveOr, db, n);
        let aligned = self.multiple_of(all, unit);
        let bytewise = unit == 4 && Self::bytes_storable(dt, de);
        let to = element_scalar(de);
        self.if_else(
            aligned,
            |b| {
                let pattern = if unit == 8 {
                    b.uses_i64 = true;
                    let wide = b.cast(word, ScalarKind::Uint, Some(8));
                    let thirty_two = b.u32(32);
                    let high = b.binary(BinaryOperator::ShiftLeft, wide, thirty_two);
                    let both = b.binary(BinaryOperator::InclusiveOr, wide, high);
                    b.reinterpret(both, Scalar::U64, to)
                } else {
                    b.reinterpret(word, Scalar::U32, to)
                };
                let shift = b.u32(unit.trailing_zeros());
                let count = b.binary(BinaryOperator::ShiftRight, n, shift);
                let di = b.binary(BinaryOperator::ShiftRight, db, shift);
                b.counted_loop(count, |b, k| {
                    let at = b.binary(BinaryOperator::Add, di, k);
                    b.store_element(dt, at, pattern);
                    Ok(())
                })
            },
            |b| {
                if !bytewise {
                    b.trap(trap::MISALIGNED);
                    return Ok(());
                }
                b.counted_loop(n, |b, k| {
                    let to_byte = b.binary(BinaryOperator::Add, db, k);
                    b.store_byte(dt, to_byte, byte);
                    Ok(())
                })
            },
        )
    }
}

/// A 32-bit atomic access as a plain one: loads and stores of a binding of atomic words are
/// atomic.
pub(super) fn atomic_word(memarg: MemArg, store: bool) -> MemoryAccess {
    MemoryAccess {
        width: 4,
        value: ValType::I32,
        signed: false,
        store,
        memarg,
    }
}

/// A 64-bit atomic access as a plain one, of a binding of 64-bit atomic words.
pub(super) fn atomic_word64(memarg: MemArg, store: bool) -> MemoryAccess {
    MemoryAccess {
        width: 8,
        value: ValType::I64,
        signed: false,
        store,
        memarg,
    }
}

/// The threads proposal's 32-bit atomics on buffers (bindings of atomic words) and on the stack
/// (the invocation's own: plain reads and writes). A buffer's atomics are relaxed on GPUs, where
/// Wasm's are sequentially consistent: read-modify-writes of one word (counters, histograms,
/// reductions, compare-exchange loops) give Wasm's results; orderings between different words
/// are not promised, and `atomic.fence` and `memory.atomic.wait` are refused.
impl Builder<'_> {
    /// The word an atomic at position `at` works on: its target and index there.
    fn atomic_index(
        &mut self,
        memarg: MemArg,
        wide: bool,
        address: Handle<Expression>,
        at: usize,
        offset: usize,
    ) -> Result<(Target, Handle<Expression>), Error> {
        let (access, word) = match wide {
            false => (atomic_word(memarg, true), ElementType::AtomicU32),
            true => (atomic_word64(memarg, true), ElementType::AtomicU64),
        };
        let (target, element) = self.access_target(&access, at, offset)?;
        let stack = matches!(target, Target::Stack { .. });
        if (stack && wide) || (!stack && element != word) {
            return Err(Error::Validation(format!(
                "a {}-byte atomic access to a binding of {element:?}",
                access.width
            )));
        }
        let width = access.width;
        let (index, _) = self.checked_index(target, address, &memarg, width, width, offset)?;
        Ok((target, index))
    }

    /// The result of the atomic statement about to be pushed (not emitted).
    fn atomic_result(&mut self, ty: Handle<naga::Type>, comparison: bool) -> Handle<Expression> {
        self.pre(Expression::AtomicResult { ty, comparison })
    }

    /// `i32.atomic.rmw.*`: `fun` of the word and the value; the word's old value.
    pub(super) fn atomic_rmw(
        &mut self,
        fun: AtomicFunction,
        memarg: MemArg,
        at: usize,
        offset: usize,
    ) -> Result<(), Error> {
        let value = self.pop();
        let address = self.pop();
        let (target, index) = self.atomic_index(memarg, false, address, at, offset)?;
        let value = self.cast(value, ScalarKind::Uint, None);
        let old = match target {
            Target::Stack { .. } => {
                let old = self.load_element(target, ElementType::AtomicU32, index);
                let op = match fun {
                    AtomicFunction::Add => Some(BinaryOperator::Add),
                    AtomicFunction::Subtract => Some(BinaryOperator::Subtract),
                    AtomicFunction::And => Some(BinaryOperator::And),
                    AtomicFunction::InclusiveOr => Some(BinaryOperator::InclusiveOr),
                    AtomicFunction::ExclusiveOr => Some(BinaryOperator::ExclusiveOr),
                    _ => None,
                };
                let new = match op {
                    Some(op) => self.binary(op, old, value),
                    None => value,
                };
                self.store_element(target, index, new);
                old
            }
            _ => {
                let ty = super::scalar_type(&mut self.module, Scalar::U32);
                self.with_element(target, index, Some(Scalar::U32), |b, pointer| {
                    let result = b.atomic_result(ty, false);
                    b.stmt(Statement::Atomic {
                        pointer,
                        fun,
                        value,
                        result: Some(result),
                    });
                    Some(result)
                })
                .expect("an atomic's old value")
            }
        };
        let old = self.cast(old, ScalarKind::Sint, None);
        self.push(old, ValType::I32);
        Ok(())
    }

    /// `i64.atomic.rmw.*`: `fun` of the 64-bit word (of a buffer) and the value; the word's old
    /// value.
    pub(super) fn atomic_rmw64(
        &mut self,
        fun: AtomicFunction,
        memarg: MemArg,
        at: usize,
        offset: usize,
    ) -> Result<(), Error> {
        let value = self.pop();
        let address = self.pop();
        let (target, index) = self.atomic_index(memarg, true, address, at, offset)?;
        let value = self.cast(value, ScalarKind::Uint, None);
        let ty = super::scalar_type(&mut self.module, Scalar::U64);
        let old = self
            .with_element(target, index, Some(Scalar::U64), |b, pointer| {
                let result = b.atomic_result(ty, false);
                b.stmt(Statement::Atomic {
                    pointer,
                    fun,
                    value,
                    result: Some(result),
                });
                Some(result)
            })
            .expect("an atomic's old value");
        let old = self.cast(old, ScalarKind::Sint, None);
        self.push(old, ValType::I64);
        Ok(())
    }

    /// `i32.atomic.rmw.cmpxchg` (and with `wide` `i64.atomic.rmw.cmpxchg`): the word becomes the
    /// replacement if it holds the expected value; the word's old value. Wasm's
    /// compare-exchange never fails spuriously; naga's may, so it is tried again until it
    /// exchanges or finds another value.
    pub(super) fn atomic_cmpxchg(
        &mut self,
        memarg: MemArg,
        wide: bool,
        at: usize,
        offset: usize,
    ) -> Result<(), Error> {
        let replacement = self.pop();
        let expected = self.pop();
        let address = self.pop();
        let (target, index) = self.atomic_index(memarg, wide, address, at, offset)?;
        let (scalar, value) = match wide {
            false => (Scalar::U32, ValType::I32),
            true => (Scalar::U64, ValType::I64),
        };
        let replacement = self.cast(replacement, ScalarKind::Uint, None);
        let expected = self.cast(expected, ScalarKind::Uint, None);
        let old = match target {
            Target::Stack { .. } => {
                let old = self.load_element(target, ElementType::AtomicU32, index);
                let same = self.binary(BinaryOperator::Equal, old, expected);
                let new = self.expr(Expression::Select {
                    condition: same,
                    accept: replacement,
                    reject: old,
                });
                self.store_element(target, index, new);
                old
            }
            _ => {
                let ty = self.module.generate_predeclared_type(
                    naga::PredeclaredType::AtomicCompareExchangeWeakResult(scalar),
                );
                let word_ty = super::scalar_type(&mut self.module, scalar);
                let var = self.func.local_variables.append(
                    LocalVariable {
                        name: Some("cmpxchg_old".into()),
                        ty: word_ty,
                        init: None,
                    },
                    naga::Span::UNDEFINED,
                );
                self.with_element(target, index, None, |b, pointer| {
                    b.flush();
                    b.blocks.push(naga::Block::new());
                    b.count_iteration();
                    let result = b.atomic_result(ty, true);
                    b.stmt(Statement::Atomic {
                        pointer,
                        fun: AtomicFunction::Exchange {
                            compare: Some(expected),
                        },
                        value: replacement,
                        result: Some(result),
                    });
                    let old = b.expr(Expression::AccessIndex {
                        base: result,
                        index: 0,
                    });
                    let exchanged = b.expr(Expression::AccessIndex {
                        base: result,
                        index: 1,
                    });
                    b.store_local(var, old);
                    let other = b.binary(BinaryOperator::NotEqual, old, expected);
                    let done = b.binary(BinaryOperator::LogicalOr, exchanged, other);
                    b.if_then(done, |b| b.stmt(Statement::Break));
                    b.flush();
                    let body = b.blocks.pop().expect("a block");
                    b.stmt(Statement::Loop {
                        body,
                        continuing: naga::Block::new(),
                        break_if: None,
                    });
                    None
                });
                self.load_local(var)
            }
        };
        let old = self.cast(old, ScalarKind::Sint, None);
        self.push(old, value);
        Ok(())
    }

    /// `memory.atomic.notify`: no work item waits (`memory.atomic.wait` is refused), so none
    /// is woken; the address is checked as Wasm checks it.
    pub(super) fn atomic_notify(
        &mut self,
        memarg: MemArg,
        at: usize,
        offset: usize,
    ) -> Result<(), Error> {
        self.pop();
        let address = self.pop();
        self.atomic_index(memarg, false, address, at, offset)?;
        let zero = self.i32(0);
        self.push(zero, ValType::I32);
        Ok(())
    }
}
