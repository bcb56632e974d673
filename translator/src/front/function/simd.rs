//! `v128`: the fixed-width SIMD proposal's values and operators.
//!
//! A `v128` value is a `vec4<u32>` of its bits, little-endian (lane order as in memory). An
//! operator takes its operands apart into lanes of its shape (`i8x16` ... `f64x2`), each a
//! scalar of the lane's Wasm type (8- and 16-bit lanes as `i32`s, sign- or zero-extended as the
//! operator reads them), and computes each lane with the scalar operator Wasm defines it by, so
//! that every lane has the scalar operator's exact semantics (NaNs, signed zeros, saturation,
//! shift amounts); the results are put back together into a `vec4<u32>`, narrow lanes
//! truncated to their width. GPUs are scalar per work item, so this costs little there.

use naga::{BinaryOperator, Expression, Handle, Literal, ScalarKind};
use wasmparser::{Operator, ValType};

use super::Builder;
use crate::front::module::Context;
use crate::front::provenance::MemoryAccess;
use crate::Error;

/// How a `v128` is read as lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    I8x16,
    I16x8,
    I32x4,
    I64x2,
    F32x4,
    F64x2,
}

impl Shape {
    fn lanes(self) -> u32 {
        match self {
            Shape::I8x16 => 16,
            Shape::I16x8 => 8,
            Shape::I32x4 | Shape::F32x4 => 4,
            Shape::I64x2 | Shape::F64x2 => 2,
        }
    }

    /// Bits per lane.
    fn bits(self) -> u32 {
        128 / self.lanes()
    }

    /// The Wasm type a lane is computed in.
    fn lane_type(self) -> ValType {
        match self {
            Shape::I8x16 | Shape::I16x8 | Shape::I32x4 => ValType::I32,
            Shape::I64x2 => ValType::I64,
            Shape::F32x4 => ValType::F32,
            Shape::F64x2 => ValType::F64,
        }
    }

    /// The integer shape of the same lane width (what comparisons give).
    fn integer(self) -> Shape {
        match self {
            Shape::F32x4 => Shape::I32x4,
            Shape::F64x2 => Shape::I64x2,
            other => other,
        }
    }
}

impl Builder<'_> {
    /// A `vec4<u32>` of four `u32` expressions.
    pub(super) fn compose(&mut self, words: [Handle<Expression>; 4]) -> Handle<Expression> {
        let ty = self.v128_type();
        self.expr(Expression::Compose {
            ty,
            components: words.to_vec(),
        })
    }

    /// Word `k` of the `vec4<u32>` `v`.
    pub(super) fn word(&mut self, v: Handle<Expression>, k: u32) -> Handle<Expression> {
        self.expr(Expression::AccessIndex { base: v, index: k })
    }

    /// A `u64` of two `u32` words, `low` and `high`.
    pub(super) fn join(
        &mut self,
        low: Handle<Expression>,
        high: Handle<Expression>,
    ) -> Handle<Expression> {
        self.uses_i64 = true;
        let low = self.cast(low, ScalarKind::Uint, Some(8));
        let high = self.cast(high, ScalarKind::Uint, Some(8));
        let thirty_two = self.u32(32);
        let high = self.binary(BinaryOperator::ShiftLeft, high, thirty_two);
        self.binary(BinaryOperator::InclusiveOr, low, high)
    }

    /// The low and high `u32` words of the `u64` `v`.
    pub(super) fn split(
        &mut self,
        v: Handle<Expression>,
    ) -> (Handle<Expression>, Handle<Expression>) {
        let low = self.cast(v, ScalarKind::Uint, Some(4));
        let thirty_two = self.u32(32);
        let high = self.binary(BinaryOperator::ShiftRight, v, thirty_two);
        let high = self.cast(high, ScalarKind::Uint, Some(4));
        (low, high)
    }

    /// Lane `k` of `v` read as `shape`: a scalar of the lane's Wasm type; 8- and 16-bit lanes
    /// sign-extended when `signed`, else zero-extended.
    fn lane(
        &mut self,
        v: Handle<Expression>,
        shape: Shape,
        k: u32,
        signed: bool,
    ) -> Handle<Expression> {
        match shape {
            Shape::I32x4 | Shape::F32x4 => {
                let word = self.word(v, k);
                let kind = match shape {
                    Shape::F32x4 => ScalarKind::Float,
                    _ => ScalarKind::Sint,
                };
                self.cast(word, kind, None)
            }
            Shape::I64x2 | Shape::F64x2 => {
                let (low, high) = (self.word(v, 2 * k), self.word(v, 2 * k + 1));
                let both = self.join(low, high);
                let kind = match shape {
                    Shape::F64x2 => ScalarKind::Float,
                    _ => ScalarKind::Sint,
                };
                self.cast(both, kind, None)
            }
            Shape::I8x16 | Shape::I16x8 => {
                let per_word = shape.lanes() / 4;
                let bits = shape.bits();
                let word = self.word(v, k / per_word);
                // Move the lane to the top bits, then back down, extending.
                let up = self.u32(32 - bits * (k % per_word + 1));
                let top = self.binary(BinaryOperator::ShiftLeft, word, up);
                let down = self.u32(32 - bits);
                if signed {
                    let top = self.cast(top, ScalarKind::Sint, None);
                    self.binary(BinaryOperator::ShiftRight, top, down)
                } else {
                    let lane = self.binary(BinaryOperator::ShiftRight, top, down);
                    self.cast(lane, ScalarKind::Sint, None)
                }
            }
        }
    }

    /// Every lane of `v` as `shape` (see [`Builder::lane`]).
    fn lanes(
        &mut self,
        v: Handle<Expression>,
        shape: Shape,
        signed: bool,
    ) -> Vec<Handle<Expression>> {
        (0..shape.lanes())
            .map(|k| self.lane(v, shape, k, signed))
            .collect()
    }

    /// A `v128` of `lanes` (scalars of `shape`'s lane type; 8- and 16-bit lanes as `i32`s, of
    /// which the low bits are kept).
    fn compose_lanes(&mut self, shape: Shape, lanes: &[Handle<Expression>]) -> Handle<Expression> {
        let words: Vec<Handle<Expression>> = match shape {
            Shape::I32x4 | Shape::F32x4 => lanes
                .iter()
                .map(|&lane| self.cast(lane, ScalarKind::Uint, None))
                .collect(),
            Shape::I64x2 | Shape::F64x2 => lanes
                .iter()
                .flat_map(|&lane| {
                    let bits = self.cast(lane, ScalarKind::Uint, None);
                    let (low, high) = self.split(bits);
                    [low, high]
                })
                .collect(),
            Shape::I8x16 | Shape::I16x8 => {
                let per_word = (shape.lanes() / 4) as usize;
                let bits = shape.bits();
                let mask = self.u32((1u32 << bits) - 1);
                lanes
                    .chunks(per_word)
                    .map(|chunk| {
                        let mut word = None;
                        for (j, &lane) in chunk.iter().enumerate() {
                            let lane = self.cast(lane, ScalarKind::Uint, None);
                            let lane = self.binary(BinaryOperator::And, lane, mask);
                            let shift = self.u32(bits * j as u32);
                            let placed = self.binary(BinaryOperator::ShiftLeft, lane, shift);
                            word = Some(match word {
                                None => placed,
                                Some(w) => self.binary(BinaryOperator::InclusiveOr, w, placed),
                            });
                        }
                        word.expect("a lane per word")
                    })
                    .collect()
            }
        };
        self.compose([words[0], words[1], words[2], words[3]])
    }

    /// Runs the scalar operator `op` on `operands` (pushed in order) and gives its result.
    fn scalar(
        &mut self,
        op: &Operator<'_>,
        operands: &[(Handle<Expression>, ValType)],
        at: usize,
        offset: usize,
        cx: &Context<'_>,
    ) -> Result<Handle<Expression>, Error> {
        for &(e, ty) in operands {
            self.push(e, ty);
        }
        self.operator(op, at, offset, cx)?;
        Ok(self.pop())
    }

    /// Lane-wise `op` (a scalar operator of `shape`'s lane type) of the `arity` vectors on the
    /// stack; a comparison's 0 or 1 becomes a lane of all zeros or all ones.
    #[allow(
        clippy::too_many_arguments,
        reason = "the operator's context, passed through"
    )]
    fn lanewise(
        &mut self,
        shape: Shape,
        signed: bool,
        arity: usize,
        op: &Operator<'_>,
        at: usize,
        offset: usize,
        cx: &Context<'_>,
    ) -> Result<(), Error> {
        let mut vectors = Vec::with_capacity(arity);
        for _ in 0..arity {
            vectors.push(self.pop());
        }
        vectors.reverse();
        let inputs: Vec<Vec<Handle<Expression>>> = vectors
            .iter()
            .map(|&v| self.lanes(v, shape, signed))
            .collect();
        let ty = shape.lane_type();
        let mut out = Vec::with_capacity(shape.lanes() as usize);
        let compare = is_comparison(op);
        for k in 0..shape.lanes() as usize {
            let operands: Vec<_> = inputs.iter().map(|lanes| (lanes[k], ty)).collect();
            let r = self.scalar(op, &operands, at, offset, cx)?;
            out.push(if compare { self.mask(r, shape) } else { r });
        }
        let result_shape = if compare { shape.integer() } else { shape };
        let v = self.compose_lanes(result_shape, &out);
        self.push(v, ValType::V128);
        Ok(())
    }

    /// A lane of all ones where the `i32` `truth` is 1, of zeros where it is 0, as a lane of
    /// `shape`'s integer shape.
    fn mask(&mut self, truth: Handle<Expression>, shape: Shape) -> Handle<Expression> {
        let zero = self.i32(0);
        let set = self.binary(BinaryOperator::NotEqual, truth, zero);
        let (ones, zeros) = match shape.integer() {
            Shape::I64x2 => {
                self.uses_i64 = true;
                (
                    self.pre(Expression::Literal(Literal::I64(-1))),
                    self.pre(Expression::Literal(Literal::I64(0))),
                )
            }
            _ => (self.i32(-1), self.i32(0)),
        };
        self.expr(Expression::Select {
            condition: set,
            accept: ones,
            reject: zeros,
        })
    }

    /// A shift of every lane by the `i32` amount on the stack, modulo the lane's width.
    fn shift_lanes(
        &mut self,
        shape: Shape,
        op: &Operator<'_>,
        signed: bool,
        at: usize,
        offset: usize,
        cx: &Context<'_>,
    ) -> Result<(), Error> {
        let amount = self.pop();
        let v = self.pop();
        let mask = self.i32(shape.bits() as i32 - 1);
        let amount = self.binary(BinaryOperator::And, amount, mask);
        let ty = shape.lane_type();
        let amount = match ty {
            ValType::I64 => {
                self.uses_i64 = true;
                self.cast(amount, ScalarKind::Sint, Some(8))
            }
            _ => amount,
        };
        let lanes = self.lanes(v, shape, signed);
        let mut out = Vec::with_capacity(lanes.len());
        for lane in lanes {
            out.push(self.scalar(op, &[(lane, ty), (amount, ty)], at, offset, cx)?);
        }
        let v = self.compose_lanes(shape, &out);
        self.push(v, ValType::V128);
        Ok(())
    }

    /// `i32` 1 if every lane of the vector on the stack (as `shape`) is non-zero, else 0.
    fn all_true(&mut self, shape: Shape) {
        let v = self.pop();
        let lanes = self.lanes(v, shape, false);
        let mut all = None;
        for lane in lanes {
            let zero = self.zero_like(shape);
            let set = self.binary(BinaryOperator::NotEqual, lane, zero);
            all = Some(match all {
                None => set,
                Some(a) => self.binary(BinaryOperator::LogicalAnd, a, set),
            });
        }
        let all = all.expect("lanes");
        let r = self.bool_to_i32(all);
        self.push(r, ValType::I32);
    }

    /// The vector operator `op`, the operator at position `at`.
    pub(super) fn vector(
        &mut self,
        op: &Operator<'_>,
        at: usize,
        offset: usize,
        cx: &Context<'_>,
    ) -> Result<(), Error> {
        use Operator::*;
        use Shape::*;
        match *op {
            V128Const { value } => {
                let bytes = value.bytes();
                let words: Vec<Handle<Expression>> = bytes
                    .chunks(4)
                    .map(|w| {
                        let word = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
                        let literal = self.u32(word);
                        // Hidden from the driver, as scalar constants are.
                        self.opaque(literal, ScalarKind::Uint, 4)
                    })
                    .collect();
                let v = self.compose([words[0], words[1], words[2], words[3]]);
                self.push(v, ValType::V128);
            }
            V128Not => {
                let v = self.pop();
                let e = self.expr(Expression::Unary {
                    op: naga::UnaryOperator::BitwiseNot,
                    expr: v,
                });
                self.push(e, ValType::V128);
            }
            V128And | V128Or | V128Xor | V128AndNot => {
                let b = self.pop();
                let a = self.pop();
                let (op, b) = match *op {
                    V128And => (BinaryOperator::And, b),
                    V128Or => (BinaryOperator::InclusiveOr, b),
                    V128Xor => (BinaryOperator::ExclusiveOr, b),
                    _ => {
                        let not = self.expr(Expression::Unary {
                            op: naga::UnaryOperator::BitwiseNot,
                            expr: b,
                        });
                        (BinaryOperator::And, not)
                    }
                };
                let e = self.binary(op, a, b);
                self.push(e, ValType::V128);
            }
            V128Bitselect => {
                let c = self.pop();
                let b = self.pop();
                let a = self.pop();
                let from_a = self.binary(BinaryOperator::And, a, c);
                let not_c = self.expr(Expression::Unary {
                    op: naga::UnaryOperator::BitwiseNot,
                    expr: c,
                });
                let from_b = self.binary(BinaryOperator::And, b, not_c);
                let e = self.binary(BinaryOperator::InclusiveOr, from_a, from_b);
                self.push(e, ValType::V128);
            }
            V128AnyTrue => {
                // The words or-ed (OpenCL C has no vectors of bool).
                let v = self.pop();
                let mut any = self.word(v, 0);
                for k in 1..4 {
                    let word = self.word(v, k);
                    any = self.binary(BinaryOperator::InclusiveOr, any, word);
                }
                let zero = self.u32(0);
                let set = self.binary(BinaryOperator::NotEqual, any, zero);
                let r = self.bool_to_i32(set);
                self.push(r, ValType::I32);
            }
            I8x16Splat | I16x8Splat | I32x4Splat | I64x2Splat | F32x4Splat | F64x2Splat => {
                let shape = splat_shape(op);
                let x = self.pop();
                let lanes = vec![x; shape.lanes() as usize];
                let v = self.compose_lanes(shape, &lanes);
                self.push(v, ValType::V128);
            }
            I8x16ExtractLaneS { lane } => self.extract(I8x16, lane, true),
            I8x16ExtractLaneU { lane } => self.extract(I8x16, lane, false),
            I16x8ExtractLaneS { lane } => self.extract(I16x8, lane, true),
            I16x8ExtractLaneU { lane } => self.extract(I16x8, lane, false),
            I32x4ExtractLane { lane } => self.extract(I32x4, lane, false),
            I64x2ExtractLane { lane } => self.extract(I64x2, lane, false),
            F32x4ExtractLane { lane } => self.extract(F32x4, lane, false),
            F64x2ExtractLane { lane } => self.extract(F64x2, lane, false),
            I8x16ReplaceLane { lane } => self.replace(I8x16, lane),
            I16x8ReplaceLane { lane } => self.replace(I16x8, lane),
            I32x4ReplaceLane { lane } => self.replace(I32x4, lane),
            I64x2ReplaceLane { lane } => self.replace(I64x2, lane),
            F32x4ReplaceLane { lane } => self.replace(F32x4, lane),
            F64x2ReplaceLane { lane } => self.replace(F64x2, lane),
            I8x16AllTrue => self.all_true(I8x16),
            I16x8AllTrue => self.all_true(I16x8),
            I32x4AllTrue => self.all_true(I32x4),
            I64x2AllTrue => self.all_true(I64x2),
            I8x16Shl => self.shift_lanes(I8x16, &I32Shl, false, at, offset, cx)?,
            I8x16ShrS => self.shift_lanes(I8x16, &I32ShrS, true, at, offset, cx)?,
            I8x16ShrU => self.shift_lanes(I8x16, &I32ShrU, false, at, offset, cx)?,
            I16x8Shl => self.shift_lanes(I16x8, &I32Shl, false, at, offset, cx)?,
            I16x8ShrS => self.shift_lanes(I16x8, &I32ShrS, true, at, offset, cx)?,
            I16x8ShrU => self.shift_lanes(I16x8, &I32ShrU, false, at, offset, cx)?,
            I32x4Shl => self.shift_lanes(I32x4, &I32Shl, false, at, offset, cx)?,
            I32x4ShrS => self.shift_lanes(I32x4, &I32ShrS, true, at, offset, cx)?,
            I32x4ShrU => self.shift_lanes(I32x4, &I32ShrU, false, at, offset, cx)?,
            I64x2Shl => self.shift_lanes(I64x2, &I64Shl, false, at, offset, cx)?,
            I64x2ShrS => self.shift_lanes(I64x2, &I64ShrS, true, at, offset, cx)?,
            I64x2ShrU => self.shift_lanes(I64x2, &I64ShrU, false, at, offset, cx)?,
            // Relaxed SIMD, with the results of its deterministic profile (which the CPU
            // executor's engine is set to): each as the operator it relaxes.
            I8x16RelaxedSwizzle => self.vector(&I8x16Swizzle, at, offset, cx)?,
            I32x4RelaxedTruncF32x4S => self.vector(&I32x4TruncSatF32x4S, at, offset, cx)?,
            I32x4RelaxedTruncF32x4U => self.vector(&I32x4TruncSatF32x4U, at, offset, cx)?,
            I32x4RelaxedTruncF64x2SZero => self.vector(&I32x4TruncSatF64x2SZero, at, offset, cx)?,
            I32x4RelaxedTruncF64x2UZero => self.vector(&I32x4TruncSatF64x2UZero, at, offset, cx)?,
            I8x16RelaxedLaneselect
            | I16x8RelaxedLaneselect
            | I32x4RelaxedLaneselect
            | I64x2RelaxedLaneselect => self.vector(&V128Bitselect, at, offset, cx)?,
            F32x4RelaxedMin => self.vector(&F32x4Min, at, offset, cx)?,
            F32x4RelaxedMax => self.vector(&F32x4Max, at, offset, cx)?,
            F64x2RelaxedMin => self.vector(&F64x2Min, at, offset, cx)?,
            F64x2RelaxedMax => self.vector(&F64x2Max, at, offset, cx)?,
            I16x8RelaxedQ15mulrS => self.vector(&I16x8Q15MulrSatS, at, offset, cx)?,
            F32x4RelaxedMadd => self.fused_multiply_add(F32x4, false, offset)?,
            F32x4RelaxedNmadd => self.fused_multiply_add(F32x4, true, offset)?,
            F64x2RelaxedMadd => self.fused_multiply_add(F64x2, false, offset)?,
            F64x2RelaxedNmadd => self.fused_multiply_add(F64x2, true, offset)?,
            I16x8RelaxedDotI8x16I7x16S => self.relaxed_dot(false),
            I32x4RelaxedDotI8x16I7x16AddS => self.relaxed_dot(true),
            ref other => {
                if let Some((shape, signed, arity, scalar)) = lanewise_op(other) {
                    self.lanewise(shape, signed, arity, &scalar, at, offset, cx)?;
                } else if let Some(convert) = conversion(other) {
                    self.convert_lanes(convert, at, offset, cx)?;
                } else if !self.integer_lanes(other)? {
                    return Err(Error::unsupported(crate::operator_name(other), offset));
                }
            }
        }
        Ok(())
    }

    /// `relaxed_madd` (`a * b + c`) or `relaxed_nmadd` (`-(a * b) + c`) of the three vectors on
    /// the stack, each lane fused (rounded once), as the deterministic profile defines them.
    fn fused_multiply_add(
        &mut self,
        shape: Shape,
        negate: bool,
        offset: usize,
    ) -> Result<(), Error> {
        // A device without 64-bit floats has no f64x2.
        self.local_type(shape.lane_type(), offset)?;
        let c = self.pop();
        let b = self.pop();
        let a = self.pop();
        let (a, b, c) = (
            self.lanes(a, shape, false),
            self.lanes(b, shape, false),
            self.lanes(c, shape, false),
        );
        let mut out = Vec::with_capacity(a.len());
        for k in 0..a.len() {
            let x = match negate {
                true => self.expr(Expression::Unary {
                    op: naga::UnaryOperator::Negate,
                    expr: a[k],
                }),
                false => a[k],
            };
            out.push(self.expr(Expression::Math {
                fun: naga::MathFunction::Fma,
                arg: x,
                arg1: Some(b[k]),
                arg2: Some(c[k]),
                arg3: None,
            }));
        }
        let v = self.compose_lanes(shape, &out);
        self.push(v, ValType::V128);
        Ok(())
    }

    /// `i16x8.relaxed_dot_i8x16_i7x16_s` of the two vectors on the stack (with `add`,
    /// `i32x4.relaxed_dot_i8x16_i7x16_add_s` of the three): the products of signed bytes,
    /// adjacent pairs added and wrapped to 16 bits (with `add`, four adjacent products added,
    /// without wrapping, to the third vector's lanes), as Wasmtime's deterministic profile
    /// computes them.
    fn relaxed_dot(&mut self, add: bool) {
        let c = add.then(|| self.pop());
        let b = self.pop();
        let a = self.pop();
        let a = self.lanes(a, Shape::I8x16, true);
        let b = self.lanes(b, Shape::I8x16, true);
        let mut pairs = Vec::with_capacity(8);
        for k in 0..8 {
            let low = self.binary(BinaryOperator::Multiply, a[2 * k], b[2 * k]);
            let high = self.binary(BinaryOperator::Multiply, a[2 * k + 1], b[2 * k + 1]);
            pairs.push(self.binary(BinaryOperator::Add, low, high));
        }
        let Some(c) = c else {
            let v = self.compose_lanes(Shape::I16x8, &pairs);
            self.push(v, ValType::V128);
            return;
        };
        let c = self.lanes(c, Shape::I32x4, true);
        let mut out = Vec::with_capacity(4);
        for j in 0..4 {
            let sum = self.binary(BinaryOperator::Add, pairs[2 * j], pairs[2 * j + 1]);
            out.push(self.binary(BinaryOperator::Add, sum, c[j]));
        }
        let v = self.compose_lanes(Shape::I32x4, &out);
        self.push(v, ValType::V128);
    }

    /// A conversion between shapes: the chosen lanes of the operand, each through a scalar
    /// operator (or as they are), into the result's first lanes, the others zero.
    fn convert_lanes(
        &mut self,
        c: Conversion,
        at: usize,
        offset: usize,
        cx: &Context<'_>,
    ) -> Result<(), Error> {
        let v = self.pop();
        let from = self.lanes(v, c.from, c.signed);
        let mut out = Vec::with_capacity(c.to.lanes() as usize);
        for &lane in &from[c.first..c.first + c.count] {
            out.push(match &c.scalar {
                Some(op) => self.scalar(op, &[(lane, c.from.lane_type())], at, offset, cx)?,
                None => lane,
            });
        }
        while out.len() < c.to.lanes() as usize {
            let zero = match c.to.lane_type() {
                ValType::I64 => self.pre(Expression::Literal(Literal::I64(0))),
                ValType::F32 | ValType::F64 => self.float_constant(c.to.lane_type(), 0),
                _ => self.i32(0),
            };
            out.push(zero);
        }
        let v = self.compose_lanes(c.to, &out);
        self.push(v, ValType::V128);
        Ok(())
    }

    /// Integer operators computed from the lanes as `i32`s (or `i64`s): negation, absolute
    /// value, minimum and maximum, saturating arithmetic, rounding averages, narrowing,
    /// extended and pairwise products and sums, bit masks, shuffles and swizzles. `false` when
    /// `op` is none of them.
    fn integer_lanes(&mut self, op: &Operator<'_>) -> Result<bool, Error> {
        use BinaryOperator as B;
        use Operator::*;
        use Shape::*;
        match *op {
            I8x16Neg | I16x8Neg | I32x4Neg | I64x2Neg => {
                let shape = int_shape(op);
                let v = self.pop();
                let lanes = self.lanes(v, shape, true);
                let out: Vec<_> = lanes
                    .into_iter()
                    .map(|x| {
                        let zero = self.zero_like(shape);
                        self.binary(B::Subtract, zero, x)
                    })
                    .collect();
                let v = self.compose_lanes(shape, &out);
                self.push(v, ValType::V128);
            }
            I8x16Abs | I16x8Abs | I32x4Abs | I64x2Abs => {
                let shape = int_shape(op);
                let v = self.pop();
                let lanes = self.lanes(v, shape, true);
                let out: Vec<_> = lanes
                    .into_iter()
                    .map(|x| {
                        let zero = self.zero_like(shape);
                        let negative = self.binary(B::Less, x, zero);
                        let negated = self.binary(B::Subtract, zero, x);
                        self.expr(Expression::Select {
                            condition: negative,
                            accept: negated,
                            reject: x,
                        })
                    })
                    .collect();
                let v = self.compose_lanes(shape, &out);
                self.push(v, ValType::V128);
            }
            I8x16MinS | I8x16MinU | I8x16MaxS | I8x16MaxU | I16x8MinS | I16x8MinU | I16x8MaxS
            | I16x8MaxU | I32x4MinS | I32x4MinU | I32x4MaxS | I32x4MaxU => {
                let name = crate::operator_name(op);
                let shape = int_shape(op);
                let signed = name.ends_with('S');
                let min = name.contains("Min");
                self.pairwise_lanes(shape, signed, |b, x, y| {
                    let (cx, cy) = b.comparable(x, y, shape, signed);
                    let less = b.binary(B::Less, cx, cy);
                    let (accept, reject) = if min { (x, y) } else { (y, x) };
                    b.expr(Expression::Select {
                        condition: less,
                        accept,
                        reject,
                    })
                });
            }
            I8x16AddSatS | I8x16AddSatU | I8x16SubSatS | I8x16SubSatU | I16x8AddSatS
            | I16x8AddSatU | I16x8SubSatS | I16x8SubSatU => {
                let name = crate::operator_name(op);
                let shape = int_shape(op);
                let signed = name.ends_with('S');
                let add = name.contains("Add");
                let (low, high) = lane_range(shape, signed);
                self.pairwise_lanes(shape, signed, |b, x, y| {
                    let r = b.binary(if add { B::Add } else { B::Subtract }, x, y);
                    b.clamp(r, low, high)
                });
            }
            I8x16AvgrU | I16x8AvgrU => {
                let shape = int_shape(op);
                self.pairwise_lanes(shape, false, |b, x, y| {
                    let sum = b.binary(B::Add, x, y);
                    let one = b.i32(1);
                    let sum = b.binary(B::Add, sum, one);
                    let one = b.u32(1);
                    b.binary(B::ShiftRight, sum, one)
                });
            }
            I16x8Q15MulrSatS => {
                self.pairwise_lanes(I16x8, true, |b, x, y| {
                    let product = b.binary(B::Multiply, x, y);
                    let half = b.i32(0x4000);
                    let rounded = b.binary(B::Add, product, half);
                    let fifteen = b.u32(15);
                    let shifted = b.binary(B::ShiftRight, rounded, fifteen);
                    b.clamp(shifted, -0x8000, 0x7fff)
                });
            }
            I8x16NarrowI16x8S | I8x16NarrowI16x8U | I16x8NarrowI32x4S | I16x8NarrowI32x4U => {
                let name = crate::operator_name(op);
                let (from, to) = match *op {
                    I8x16NarrowI16x8S | I8x16NarrowI16x8U => (I16x8, I8x16),
                    _ => (I32x4, I16x8),
                };
                let (low, high) = lane_range(to, name.ends_with('S'));
                let b = self.pop();
                let a = self.pop();
                let mut lanes = self.lanes(a, from, true);
                lanes.extend(self.lanes(b, from, true));
                let out: Vec<_> = lanes
                    .into_iter()
                    .map(|x| self.clamp(x, low, high))
                    .collect();
                let v = self.compose_lanes(to, &out);
                self.push(v, ValType::V128);
            }
            I16x8ExtMulLowI8x16S
            | I16x8ExtMulHighI8x16S
            | I16x8ExtMulLowI8x16U
            | I16x8ExtMulHighI8x16U
            | I32x4ExtMulLowI16x8S
            | I32x4ExtMulHighI16x8S
            | I32x4ExtMulLowI16x8U
            | I32x4ExtMulHighI16x8U
            | I64x2ExtMulLowI32x4S
            | I64x2ExtMulHighI32x4S
            | I64x2ExtMulLowI32x4U
            | I64x2ExtMulHighI32x4U => {
                let name = crate::operator_name(op);
                let signed = name.ends_with('S');
                let (from, to) = match *op {
                    I16x8ExtMulLowI8x16S
                    | I16x8ExtMulHighI8x16S
                    | I16x8ExtMulLowI8x16U
                    | I16x8ExtMulHighI8x16U => (I8x16, I16x8),
                    I32x4ExtMulLowI16x8S
                    | I32x4ExtMulHighI16x8S
                    | I32x4ExtMulLowI16x8U
                    | I32x4ExtMulHighI16x8U => (I16x8, I32x4),
                    _ => (I32x4, I64x2),
                };
                let first = if name.contains("High") {
                    to.lanes() as usize
                } else {
                    0
                };
                let b = self.pop();
                let a = self.pop();
                let (xs, ys) = (self.lanes(a, from, signed), self.lanes(b, from, signed));
                let mut out = Vec::with_capacity(to.lanes() as usize);
                for k in first..first + to.lanes() as usize {
                    let (x, y) = (
                        self.widen_lane(xs[k], to, signed),
                        self.widen_lane(ys[k], to, signed),
                    );
                    out.push(self.binary(B::Multiply, x, y));
                }
                let v = self.compose_lanes(to, &out);
                self.push(v, ValType::V128);
            }
            I16x8ExtAddPairwiseI8x16S
            | I16x8ExtAddPairwiseI8x16U
            | I32x4ExtAddPairwiseI16x8S
            | I32x4ExtAddPairwiseI16x8U => {
                let signed = crate::operator_name(op).ends_with('S');
                let (from, to) = match *op {
                    I16x8ExtAddPairwiseI8x16S | I16x8ExtAddPairwiseI8x16U => (I8x16, I16x8),
                    _ => (I16x8, I32x4),
                };
                let v = self.pop();
                let lanes = self.lanes(v, from, signed);
                let out: Vec<_> = lanes
                    .chunks(2)
                    .map(|pair| self.binary(B::Add, pair[0], pair[1]))
                    .collect();
                let v = self.compose_lanes(to, &out);
                self.push(v, ValType::V128);
            }
            I32x4DotI16x8S => {
                let b = self.pop();
                let a = self.pop();
                let (xs, ys) = (self.lanes(a, I16x8, true), self.lanes(b, I16x8, true));
                let mut out = Vec::with_capacity(4);
                for k in 0..4 {
                    let p = self.binary(B::Multiply, xs[2 * k], ys[2 * k]);
                    let q = self.binary(B::Multiply, xs[2 * k + 1], ys[2 * k + 1]);
                    out.push(self.binary(B::Add, p, q));
                }
                let v = self.compose_lanes(I32x4, &out);
                self.push(v, ValType::V128);
            }
            I8x16Bitmask | I16x8Bitmask | I32x4Bitmask | I64x2Bitmask => {
                let shape = int_shape(op);
                let v = self.pop();
                let lanes = self.lanes(v, shape, true);
                let mut mask = self.i32(0);
                for (k, x) in lanes.into_iter().enumerate() {
                    let zero = self.zero_like(shape);
                    let negative = self.binary(B::Less, x, zero);
                    let bit = self.i32(1 << k);
                    let none = self.i32(0);
                    let bit = self.expr(Expression::Select {
                        condition: negative,
                        accept: bit,
                        reject: none,
                    });
                    mask = self.binary(B::InclusiveOr, mask, bit);
                }
                self.push(mask, ValType::I32);
            }
            I8x16Shuffle { lanes } => {
                let b = self.pop();
                let a = self.pop();
                let mut both = self.lanes(a, I8x16, false);
                both.extend(self.lanes(b, I8x16, false));
                let out: Vec<_> = lanes.iter().map(|&k| both[usize::from(k)]).collect();
                let v = self.compose_lanes(I8x16, &out);
                self.push(v, ValType::V128);
            }
            I8x16Swizzle => {
                // Byte k is a's byte s[k], or 0 where s[k] is 16 or more.
                let s = self.pop();
                let a = self.pop();
                let selectors = self.lanes(s, I8x16, false);
                let mut out = Vec::with_capacity(16);
                for index in selectors {
                    let index = self.cast(index, ScalarKind::Uint, None);
                    let three = self.u32(3);
                    let within = self.binary(B::And, index, three);
                    let two = self.u32(2);
                    let word_at = self.binary(B::ShiftRight, index, two);
                    let word_at = self.binary(B::And, word_at, three);
                    let word = self.expr(Expression::Access {
                        base: a,
                        index: word_at,
                    });
                    let eight = self.u32(8);
                    let shift = self.binary(B::Multiply, within, eight);
                    let byte = self.binary(B::ShiftRight, word, shift);
                    let sixteen = self.u32(16);
                    let inside = self.binary(B::Less, index, sixteen);
                    let zero = self.u32(0);
                    let byte = self.expr(Expression::Select {
                        condition: inside,
                        accept: byte,
                        reject: zero,
                    });
                    out.push(self.cast(byte, ScalarKind::Sint, None));
                }
                let v = self.compose_lanes(I8x16, &out);
                self.push(v, ValType::V128);
            }
            F32x4PMin | F32x4PMax | F64x2PMin | F64x2PMax => {
                // pmin(a, b) = b < a ? b : a; pmax(a, b) = a < b ? b : a.
                let shape = match *op {
                    F32x4PMin | F32x4PMax => F32x4,
                    _ => F64x2,
                };
                let min = matches!(*op, F32x4PMin | F64x2PMin);
                self.pairwise_lanes(shape, false, |b, x, y| {
                    let less = if min {
                        b.binary(B::Less, y, x)
                    } else {
                        b.binary(B::Less, x, y)
                    };
                    b.expr(Expression::Select {
                        condition: less,
                        accept: y,
                        reject: x,
                    })
                });
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// A zero of `shape`'s lane type.
    fn zero_like(&mut self, shape: Shape) -> Handle<Expression> {
        match shape.lane_type() {
            ValType::I64 => self.pre(Expression::Literal(Literal::I64(0))),
            _ => self.i32(0),
        }
    }

    /// `f(a_k, b_k)` for every lane `k` of the two vectors on the stack, as `shape`.
    fn pairwise_lanes(
        &mut self,
        shape: Shape,
        signed: bool,
        mut f: impl FnMut(&mut Self, Handle<Expression>, Handle<Expression>) -> Handle<Expression>,
    ) {
        let b = self.pop();
        let a = self.pop();
        let (xs, ys) = (self.lanes(a, shape, signed), self.lanes(b, shape, signed));
        let out: Vec<_> = xs.into_iter().zip(ys).map(|(x, y)| f(self, x, y)).collect();
        let v = self.compose_lanes(shape, &out);
        self.push(v, ValType::V128);
    }

    /// Two lanes in a form `<` compares as the operator means: 32-bit lanes unsigned when
    /// not `signed` (narrower lanes are extended already, and compare as `i32`s).
    fn comparable(
        &mut self,
        x: Handle<Expression>,
        y: Handle<Expression>,
        shape: Shape,
        signed: bool,
    ) -> (Handle<Expression>, Handle<Expression>) {
        if shape == Shape::I32x4 && !signed {
            (
                self.cast(x, ScalarKind::Uint, None),
                self.cast(y, ScalarKind::Uint, None),
            )
        } else {
            (x, y)
        }
    }

    /// The `i32` `x` clamped to `low..=high`.
    fn clamp(&mut self, x: Handle<Expression>, low: i32, high: i32) -> Handle<Expression> {
        let (low, high) = (self.i32(low), self.i32(high));
        self.expr(Expression::Math {
            fun: naga::MathFunction::Clamp,
            arg: x,
            arg1: Some(low),
            arg2: Some(high),
            arg3: None,
        })
    }

    /// A lane (an `i32`, extended as `signed` says) as a lane of `to`: an `i64` for `i64x2`.
    fn widen_lane(&mut self, x: Handle<Expression>, to: Shape, signed: bool) -> Handle<Expression> {
        if to != Shape::I64x2 {
            return x;
        }
        self.uses_i64 = true;
        if signed {
            self.cast(x, ScalarKind::Sint, Some(8))
        } else {
            let u = self.cast(x, ScalarKind::Uint, None);
            let wide = self.cast(u, ScalarKind::Uint, Some(8));
            self.cast(wide, ScalarKind::Sint, None)
        }
    }

    /// The vector a `v128.load*_splat`, `_zero` or extending load makes of the scalar its load
    /// left on the stack (an `i32`, or an `i64` of 8 bytes).
    pub(super) fn vector_from_load(
        &mut self,
        op: &Operator<'_>,
        at: usize,
        offset: usize,
        cx: &Context<'_>,
    ) -> Result<(), Error> {
        use Operator::*;
        use Shape::*;
        let splat = |shape| (Some(shape), None);
        let (spread, extend) = match *op {
            V128Load8Splat { .. } => splat(I8x16),
            V128Load16Splat { .. } => splat(I16x8),
            V128Load32Splat { .. } => splat(I32x4),
            V128Load64Splat { .. } => splat(I64x2),
            V128Load32Zero { .. } | V128Load64Zero { .. } => (None, None),
            V128Load8x8S { .. } => (None, Some(I16x8ExtendLowI8x16S)),
            V128Load8x8U { .. } => (None, Some(I16x8ExtendLowI8x16U)),
            V128Load16x4S { .. } => (None, Some(I32x4ExtendLowI16x8S)),
            V128Load16x4U { .. } => (None, Some(I32x4ExtendLowI16x8U)),
            V128Load32x2S { .. } => (None, Some(I64x2ExtendLowI32x4S)),
            V128Load32x2U { .. } => (None, Some(I64x2ExtendLowI32x4U)),
            ref other => return Err(Error::unsupported(crate::operator_name(other), offset)),
        };
        let x = self.pop();
        if let Some(shape) = spread {
            let lanes = vec![x; shape.lanes() as usize];
            let v = self.compose_lanes(shape, &lanes);
            self.push(v, ValType::V128);
            return Ok(());
        }
        // The loaded bytes as the vector's low lanes, zeros above.
        let v = match *op {
            V128Load32Zero { .. } => {
                let zero = self.i32(0);
                self.compose_lanes(I32x4, &[x, zero, zero, zero])
            }
            _ => {
                let zero = self.pre(Expression::Literal(Literal::I64(0)));
                self.compose_lanes(I64x2, &[x, zero])
            }
        };
        self.push(v, ValType::V128);
        if let Some(extend) = extend {
            let c = conversion(&extend).expect("an extension");
            self.convert_lanes(c, at, offset, cx)?;
        }
        Ok(())
    }

    /// `v128.load*_lane` (the vector with lane `lane` loaded) or `v128.store*_lane` (lane
    /// `lane` stored): the scalar access `access` of the lane's width.
    pub(super) fn lane_memory(
        &mut self,
        access: &MemoryAccess,
        lane: u8,
        at: usize,
        offset: usize,
    ) -> Result<(), Error> {
        let shape = match access.width {
            1 => Shape::I8x16,
            2 => Shape::I16x8,
            4 => Shape::I32x4,
            _ => Shape::I64x2,
        };
        let v = self.pop();
        if access.store {
            let x = self.lane(v, shape, u32::from(lane), false);
            self.push(x, shape.lane_type());
            return self.store(access, at, offset);
        }
        self.load(access, at, offset)?;
        let x = self.pop();
        let mut lanes = self.lanes(v, shape, false);
        lanes[usize::from(lane)] = x;
        let v = self.compose_lanes(shape, &lanes);
        self.push(v, ValType::V128);
        Ok(())
    }

    fn extract(&mut self, shape: Shape, lane: u8, signed: bool) {
        let v = self.pop();
        let x = self.lane(v, shape, u32::from(lane), signed);
        self.push(x, shape.lane_type());
    }

    fn replace(&mut self, shape: Shape, lane: u8) {
        let x = self.pop();
        let v = self.pop();
        let mut lanes = self.lanes(v, shape, false);
        lanes[usize::from(lane)] = x;
        let v = self.compose_lanes(shape, &lanes);
        self.push(v, ValType::V128);
    }
}

/// The shape an integer operator's name starts with.
fn int_shape(op: &Operator<'_>) -> Shape {
    let name = crate::operator_name(op);
    match &name[..5.min(name.len())] {
        "I8x16" => Shape::I8x16,
        "I16x8" => Shape::I16x8,
        "I32x4" => Shape::I32x4,
        _ => Shape::I64x2,
    }
}

/// The values a lane of `shape` holds, signed or not.
fn lane_range(shape: Shape, signed: bool) -> (i32, i32) {
    let bits = shape.bits();
    if signed {
        (-(1 << (bits - 1)), (1 << (bits - 1)) - 1)
    } else {
        (0, ((1u32 << bits) - 1) as i32)
    }
}

/// A conversion between shapes (see [`Builder::convert_lanes`]).
struct Conversion {
    from: Shape,
    signed: bool,
    first: usize,
    count: usize,
    scalar: Option<Operator<'static>>,
    to: Shape,
}

fn conversion(op: &Operator<'_>) -> Option<Conversion> {
    use Operator::*;
    use Shape::*;
    let c = |from, signed, first, count, scalar, to| Conversion {
        from,
        signed,
        first,
        count,
        scalar,
        to,
    };
    Some(match op {
        F32x4ConvertI32x4S => c(I32x4, false, 0, 4, Some(F32ConvertI32S), F32x4),
        F32x4ConvertI32x4U => c(I32x4, false, 0, 4, Some(F32ConvertI32U), F32x4),
        I32x4TruncSatF32x4S => c(F32x4, false, 0, 4, Some(I32TruncSatF32S), I32x4),
        I32x4TruncSatF32x4U => c(F32x4, false, 0, 4, Some(I32TruncSatF32U), I32x4),
        F64x2ConvertLowI32x4S => c(I32x4, false, 0, 2, Some(F64ConvertI32S), F64x2),
        F64x2ConvertLowI32x4U => c(I32x4, false, 0, 2, Some(F64ConvertI32U), F64x2),
        I32x4TruncSatF64x2SZero => c(F64x2, false, 0, 2, Some(I32TruncSatF64S), I32x4),
        I32x4TruncSatF64x2UZero => c(F64x2, false, 0, 2, Some(I32TruncSatF64U), I32x4),
        F32x4DemoteF64x2Zero => c(F64x2, false, 0, 2, Some(F32DemoteF64), F32x4),
        F64x2PromoteLowF32x4 => c(F32x4, false, 0, 2, Some(F64PromoteF32), F64x2),
        I16x8ExtendLowI8x16S => c(I8x16, true, 0, 8, None, I16x8),
        I16x8ExtendHighI8x16S => c(I8x16, true, 8, 8, None, I16x8),
        I16x8ExtendLowI8x16U => c(I8x16, false, 0, 8, None, I16x8),
        I16x8ExtendHighI8x16U => c(I8x16, false, 8, 8, None, I16x8),
        I32x4ExtendLowI16x8S => c(I16x8, true, 0, 4, None, I32x4),
        I32x4ExtendHighI16x8S => c(I16x8, true, 4, 4, None, I32x4),
        I32x4ExtendLowI16x8U => c(I16x8, false, 0, 4, None, I32x4),
        I32x4ExtendHighI16x8U => c(I16x8, false, 4, 4, None, I32x4),
        I64x2ExtendLowI32x4S => c(I32x4, false, 0, 2, Some(I64ExtendI32S), I64x2),
        I64x2ExtendHighI32x4S => c(I32x4, false, 2, 2, Some(I64ExtendI32S), I64x2),
        I64x2ExtendLowI32x4U => c(I32x4, false, 0, 2, Some(I64ExtendI32U), I64x2),
        I64x2ExtendHighI32x4U => c(I32x4, false, 2, 2, Some(I64ExtendI32U), I64x2),
        _ => return None,
    })
}

fn splat_shape(op: &Operator<'_>) -> Shape {
    match op {
        Operator::I8x16Splat => Shape::I8x16,
        Operator::I16x8Splat => Shape::I16x8,
        Operator::I32x4Splat => Shape::I32x4,
        Operator::I64x2Splat => Shape::I64x2,
        Operator::F32x4Splat => Shape::F32x4,
        _ => Shape::F64x2,
    }
}

/// Whether the scalar operator `op` is a comparison (its vector form gives lane masks).
fn is_comparison(op: &Operator<'_>) -> bool {
    use Operator::*;
    matches!(
        op,
        I32Eq
            | I32Ne
            | I32LtS
            | I32LtU
            | I32GtS
            | I32GtU
            | I32LeS
            | I32LeU
            | I32GeS
            | I32GeU
            | I64Eq
            | I64Ne
            | I64LtS
            | I64GtS
            | I64LeS
            | I64GeS
            | F32Eq
            | F32Ne
            | F32Lt
            | F32Gt
            | F32Le
            | F32Ge
            | F64Eq
            | F64Ne
            | F64Lt
            | F64Gt
            | F64Le
            | F64Ge
    )
}

/// A vector operator that is a scalar operator on each lane: its shape, whether its narrow lanes
/// are read sign-extended, its operand count, and the scalar operator.
fn lanewise_op(op: &Operator<'_>) -> Option<(Shape, bool, usize, Operator<'static>)> {
    use Operator::*;
    use Shape::*;
    let (shape, signed, arity, scalar) = match op {
        I8x16Add => (I8x16, false, 2, I32Add),
        I8x16Sub => (I8x16, false, 2, I32Sub),
        I16x8Add => (I16x8, false, 2, I32Add),
        I16x8Sub => (I16x8, false, 2, I32Sub),
        I16x8Mul => (I16x8, false, 2, I32Mul),
        I32x4Add => (I32x4, false, 2, I32Add),
        I32x4Sub => (I32x4, false, 2, I32Sub),
        I32x4Mul => (I32x4, false, 2, I32Mul),
        I64x2Add => (I64x2, false, 2, I64Add),
        I64x2Sub => (I64x2, false, 2, I64Sub),
        I64x2Mul => (I64x2, false, 2, I64Mul),
        I8x16Eq => (I8x16, false, 2, I32Eq),
        I8x16Ne => (I8x16, false, 2, I32Ne),
        I8x16LtS => (I8x16, true, 2, I32LtS),
        I8x16LtU => (I8x16, false, 2, I32LtU),
        I8x16GtS => (I8x16, true, 2, I32GtS),
        I8x16GtU => (I8x16, false, 2, I32GtU),
        I8x16LeS => (I8x16, true, 2, I32LeS),
        I8x16LeU => (I8x16, false, 2, I32LeU),
        I8x16GeS => (I8x16, true, 2, I32GeS),
        I8x16GeU => (I8x16, false, 2, I32GeU),
        I16x8Eq => (I16x8, false, 2, I32Eq),
        I16x8Ne => (I16x8, false, 2, I32Ne),
        I16x8LtS => (I16x8, true, 2, I32LtS),
        I16x8LtU => (I16x8, false, 2, I32LtU),
        I16x8GtS => (I16x8, true, 2, I32GtS),
        I16x8GtU => (I16x8, false, 2, I32GtU),
        I16x8LeS => (I16x8, true, 2, I32LeS),
        I16x8LeU => (I16x8, false, 2, I32LeU),
        I16x8GeS => (I16x8, true, 2, I32GeS),
        I16x8GeU => (I16x8, false, 2, I32GeU),
        I32x4Eq => (I32x4, false, 2, I32Eq),
        I32x4Ne => (I32x4, false, 2, I32Ne),
        I32x4LtS => (I32x4, false, 2, I32LtS),
        I32x4LtU => (I32x4, false, 2, I32LtU),
        I32x4GtS => (I32x4, false, 2, I32GtS),
        I32x4GtU => (I32x4, false, 2, I32GtU),
        I32x4LeS => (I32x4, false, 2, I32LeS),
        I32x4LeU => (I32x4, false, 2, I32LeU),
        I32x4GeS => (I32x4, false, 2, I32GeS),
        I32x4GeU => (I32x4, false, 2, I32GeU),
        I64x2Eq => (I64x2, false, 2, I64Eq),
        I64x2Ne => (I64x2, false, 2, I64Ne),
        I64x2LtS => (I64x2, false, 2, I64LtS),
        I64x2GtS => (I64x2, false, 2, I64GtS),
        I64x2LeS => (I64x2, false, 2, I64LeS),
        I64x2GeS => (I64x2, false, 2, I64GeS),
        F32x4Eq => (F32x4, false, 2, F32Eq),
        F32x4Ne => (F32x4, false, 2, F32Ne),
        F32x4Lt => (F32x4, false, 2, F32Lt),
        F32x4Gt => (F32x4, false, 2, F32Gt),
        F32x4Le => (F32x4, false, 2, F32Le),
        F32x4Ge => (F32x4, false, 2, F32Ge),
        F64x2Eq => (F64x2, false, 2, F64Eq),
        F64x2Ne => (F64x2, false, 2, F64Ne),
        F64x2Lt => (F64x2, false, 2, F64Lt),
        F64x2Gt => (F64x2, false, 2, F64Gt),
        F64x2Le => (F64x2, false, 2, F64Le),
        F64x2Ge => (F64x2, false, 2, F64Ge),
        F32x4Add => (F32x4, false, 2, F32Add),
        F32x4Sub => (F32x4, false, 2, F32Sub),
        F32x4Mul => (F32x4, false, 2, F32Mul),
        F32x4Div => (F32x4, false, 2, F32Div),
        F32x4Min => (F32x4, false, 2, F32Min),
        F32x4Max => (F32x4, false, 2, F32Max),
        F32x4Sqrt => (F32x4, false, 1, F32Sqrt),
        F32x4Abs => (F32x4, false, 1, F32Abs),
        F32x4Neg => (F32x4, false, 1, F32Neg),
        F32x4Ceil => (F32x4, false, 1, F32Ceil),
        F32x4Floor => (F32x4, false, 1, F32Floor),
        F32x4Trunc => (F32x4, false, 1, F32Trunc),
        F32x4Nearest => (F32x4, false, 1, F32Nearest),
        F64x2Add => (F64x2, false, 2, F64Add),
        F64x2Sub => (F64x2, false, 2, F64Sub),
        F64x2Mul => (F64x2, false, 2, F64Mul),
        F64x2Div => (F64x2, false, 2, F64Div),
        F64x2Min => (F64x2, false, 2, F64Min),
        F64x2Max => (F64x2, false, 2, F64Max),
        F64x2Sqrt => (F64x2, false, 1, F64Sqrt),
        F64x2Abs => (F64x2, false, 1, F64Abs),
        F64x2Neg => (F64x2, false, 1, F64Neg),
        F64x2Ceil => (F64x2, false, 1, F64Ceil),
        F64x2Floor => (F64x2, false, 1, F64Floor),
        F64x2Trunc => (F64x2, false, 1, F64Trunc),
        F64x2Nearest => (F64x2, false, 1, F64Nearest),
        I8x16Popcnt => (I8x16, false, 1, I32Popcnt),
        _ => return None,
    };
    Some((shape, signed, arity, scalar))
}
