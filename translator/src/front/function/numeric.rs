//! Numeric operators that need more than one naga expression: rotations, bit counts, sign
//! extension, the sign operators on floats (exact on the bits, as Wasm requires, NaN included),
//! and float-to-integer truncation with Wasm's traps or saturation.

use naga::{BinaryOperator, Expression, Handle, MathFunction, ScalarKind, UnaryOperator};
use wasmparser::ValType;

use super::Builder;
use crate::{trap, Error};

/// Bits in a value of integer type `ty`.
fn bits_of(ty: ValType) -> u32 {
    if ty == ValType::I64 {
        64
    } else {
        32
    }
}

impl Builder<'_> {
    /// The float `value` of type `ty` as an unsigned integer of its bits.
    fn float_bits(&mut self, value: Handle<Expression>) -> Handle<Expression> {
        self.cast(value, ScalarKind::Uint, None)
    }

    fn float_literal(&mut self, ty: ValType, v: f64) -> Handle<Expression> {
        let bits = if ty == ValType::F64 {
            v.to_bits()
        } else {
            u64::from((v as f32).to_bits())
        };
        self.float_constant(ty, bits)
    }

    /// `rotl` and `rotr`.
    pub(super) fn rotate(&mut self, left: bool, ty: ValType) {
        let k = self.pop();
        let x = self.pop();
        // A constant amount stays one (see `Builder::shift`).
        let k = self.revealed(k);
        let width = bits_of(ty);
        let k = if ty == ValType::I64 {
            self.cast(k, ScalarKind::Uint, Some(4))
        } else {
            self.cast(k, ScalarKind::Uint, None)
        };
        let mask = self.u32(width - 1);
        let k = self.binary(BinaryOperator::And, k, mask);
        let w = self.u32(width);
        let rest = self.binary(BinaryOperator::Subtract, w, k);
        let rest = self.binary(BinaryOperator::And, rest, mask);
        let (first, second) = if left { (k, rest) } else { (rest, k) };
        let ux = self.cast(x, ScalarKind::Uint, None);
        let a = self.binary(BinaryOperator::ShiftLeft, ux, first);
        let b = self.binary(BinaryOperator::ShiftRight, ux, second);
        let r = self.binary(BinaryOperator::InclusiveOr, a, b);
        let r = self.cast(r, ScalarKind::Sint, None);
        self.push(r, ty);
    }

    /// `clz`, `ctz` and `popcnt`; on `i64` from the two halves, with 32-bit operations only.
    pub(super) fn count_bits(&mut self, fun: MathFunction, ty: ValType) {
        let x = self.pop();
        let math = |b: &mut Self, arg| {
            b.expr(Expression::Math {
                fun,
                arg,
                arg1: None,
                arg2: None,
                arg3: None,
            })
        };
        if ty != ValType::I64 {
            let r = math(self, x);
            self.push(r, ty);
            return;
        }
        let ux = self.cast(x, ScalarKind::Uint, None);
        let low = self.cast(ux, ScalarKind::Uint, Some(4));
        let thirty_two = self.u32(32);
        let high = self.binary(BinaryOperator::ShiftRight, ux, thirty_two);
        let high = self.cast(high, ScalarKind::Uint, Some(4));
        let (cl, ch) = (math(self, low), math(self, high));
        let r = match fun {
            MathFunction::CountOneBits => self.binary(BinaryOperator::Add, cl, ch),
            _ => {
                // clz: the high half's, or 32 + the low half's when the high half is zero;
                // ctz the other way round.
                let (first, first_count, second_count) = if fun == MathFunction::CountLeadingZeros {
                    (high, ch, cl)
                } else {
                    (low, cl, ch)
                };
                let zero = self.u32(0);
                let empty = self.binary(BinaryOperator::Equal, first, zero);
                let more = self.binary(BinaryOperator::Add, thirty_two, second_count);
                self.expr(Expression::Select {
                    condition: empty,
                    accept: more,
                    reject: first_count,
                })
            }
        };
        let r = self.cast(r, ScalarKind::Sint, Some(8));
        self.push(r, ty);
    }

    /// `extend8_s`, `extend16_s`, `i64.extend32_s`: sign-extends the low `bits` bits.
    pub(super) fn sign_extend(&mut self, bits: u32, ty: ValType) {
        let x = self.pop();
        let spare = self.u32(bits_of(ty) - bits);
        let ux = self.cast(x, ScalarKind::Uint, None);
        let up = self.binary(BinaryOperator::ShiftLeft, ux, spare);
        let up = self.cast(up, ScalarKind::Sint, None);
        let r = self.binary(BinaryOperator::ShiftRight, up, spare);
        self.push(r, ty);
    }

    /// `neg`, `abs` (`copysign: false`) and `copysign`, on the bits: Wasm defines them exactly,
    /// NaN payloads included, which naga's `Negate` and `abs` do not promise.
    pub(super) fn sign_op(&mut self, op: SignOp, ty: ValType, offset: usize) -> Result<(), Error> {
        if ty == ValType::F64 && !self.types.i64 {
            // Without 64-bit integers: naga's operators, exact except on NaN payloads.
            return match op {
                SignOp::Neg | SignOp::Abs => {
                    let x = self.pop();
                    let e = if op == SignOp::Neg {
                        self.expr(Expression::Unary {
                            op: UnaryOperator::Negate,
                            expr: x,
                        })
                    } else {
                        self.expr(Expression::Math {
                            fun: MathFunction::Abs,
                            arg: x,
                            arg1: None,
                            arg2: None,
                            arg3: None,
                        })
                    };
                    self.push(e, ty);
                    Ok(())
                }
                SignOp::Copysign => Err(Error::unsupported(
                    "f64.copysign on a device without 64-bit integers",
                    offset,
                )),
            };
        }
        let (sign, magnitude) = if ty == ValType::F64 {
            self.uses_i64 = true;
            (self.u64(1 << 63), self.u64(!(1 << 63)))
        } else {
            (self.u32(1 << 31), self.u32(!(1 << 31)))
        };
        let e = match op {
            SignOp::Neg => {
                let x = self.pop();
                let bits = self.float_bits(x);
                self.binary(BinaryOperator::ExclusiveOr, bits, sign)
            }
            SignOp::Abs => {
                let x = self.pop();
                let bits = self.float_bits(x);
                self.binary(BinaryOperator::And, bits, magnitude)
            }
            SignOp::Copysign => {
                let y = self.pop();
                let x = self.pop();
                let (bx, by) = (self.float_bits(x), self.float_bits(y));
                let m = self.binary(BinaryOperator::And, bx, magnitude);
                let s = self.binary(BinaryOperator::And, by, sign);
                self.binary(BinaryOperator::InclusiveOr, m, s)
            }
        };
        let r = self.cast(e, ScalarKind::Float, None);
        self.push(r, ty);
        Ok(())
    }

    /// `trunc_f*_s/u` (trapping on NaN and on results that do not fit) and `trunc_sat_*`.
    pub(super) fn truncate(
        &mut self,
        from: ValType,
        to: ValType,
        signed: bool,
        saturating: bool,
        offset: usize,
    ) -> Result<(), Error> {
        self.local_type(to, offset)?;
        let x = self.pop();
        // The open interval of values whose truncation fits, except that a bound exactly
        // representable and itself fitting (-2^31 and -2^63) is included.
        let (low, low_included, high) = match (to, signed) {
            (ValType::I32, true) if from == ValType::F32 => (-2147483648.0, true, 2147483648.0),
            (ValType::I32, true) => (-2147483649.0, false, 2147483648.0),
            (ValType::I32, false) => (-1.0, false, 4294967296.0),
            (_, true) => (-9223372036854775808.0, true, 9223372036854775808.0),
            (_, false) => (-1.0, false, 18446744073709551616.0),
        };
        let lo = self.float_literal(from, low);
        let hi = self.float_literal(from, high);
        let above_low = if low_included {
            self.binary(BinaryOperator::GreaterEqual, x, lo)
        } else {
            self.binary(BinaryOperator::Greater, x, lo)
        };
        let below_high = self.binary(BinaryOperator::Less, x, hi);
        // False for NaN, too.
        let fits = self.binary(BinaryOperator::LogicalAnd, above_low, below_high);
        if from == ValType::F64 {
            self.uses_i64 |= self.types.i64;
        }
        let nan = if from == ValType::F32 || self.types.i64 {
            let bits = self.float_bits(x);
            Some(self.is_nan(bits, from))
        } else {
            None
        };
        if !saturating {
            if let Some(nan) = nan {
                self.trap_if(nan, trap::INVALID_CONVERSION);
            }
            let outside = self.expr(Expression::Unary {
                op: UnaryOperator::LogicalNot,
                expr: fits,
            });
            self.trap_if(outside, trap::CONVERSION_OVERFLOW);
        }
        // Convert a value that fits (zero in its place otherwise): no back end sees one that
        // does not.
        let zero_f = self.float_literal(from, 0.0);
        let safe = self.expr(Expression::Select {
            condition: fits,
            accept: x,
            reject: zero_f,
        });
        let width = if to == ValType::I64 { 8 } else { 4 };
        let converted = if signed {
            self.cast(safe, ScalarKind::Sint, Some(width))
        } else {
            let u = self.cast(safe, ScalarKind::Uint, Some(width));
            self.cast(u, ScalarKind::Sint, None)
        };
        if !saturating {
            self.push(converted, to);
            return Ok(());
        }
        let (min, max) = match (to, signed) {
            (ValType::I32, true) => (i64::from(i32::MIN), i64::from(i32::MAX)),
            (ValType::I32, false) => (0, -1),
            (_, true) => (i64::MIN, i64::MAX),
            (_, false) => (0, -1),
        };
        let (min, max) = (self.int(to, min), self.int(to, max));
        let zero_i = self.int(to, 0);
        let zero_f = self.float_literal(from, 0.0);
        let negative = self.binary(BinaryOperator::Less, x, zero_f);
        let clamped = self.expr(Expression::Select {
            condition: negative,
            accept: min,
            reject: max,
        });
        let clamped = match nan {
            Some(nan) => self.expr(Expression::Select {
                condition: nan,
                accept: zero_i,
                reject: clamped,
            }),
            // Without the bits, NaN is the value that is neither negative nor >= 0.
            None => {
                let non_negative = self.binary(BinaryOperator::GreaterEqual, x, zero_f);
                let ordered = self.binary(BinaryOperator::LogicalOr, negative, non_negative);
                self.expr(Expression::Select {
                    condition: ordered,
                    accept: clamped,
                    reject: zero_i,
                })
            }
        };
        let r = self.expr(Expression::Select {
            condition: fits,
            accept: converted,
            reject: clamped,
        });
        self.push(r, to);
        Ok(())
    }
}

/// The float operators that only touch the sign bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SignOp {
    Neg,
    Abs,
    Copysign,
}
