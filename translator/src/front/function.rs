//! Translates a kernel body, operator by operator, into the entry point of a naga module.
//!
//! The value stack holds naga expressions; locals are naga local variables; control frames are
//! naga loops (see the crate docs). Expressions are emitted as they are made and an `Emit`
//! statement closes each run of them before any statement, so a value read from a local is read
//! where Wasm read it. Pointer values are byte offsets from their buffer (see [`super::provenance`]).
//!
//! Every operator of the flattened kernel (see [`super::inline`]) is handled here or in
//! `memory` (loads and stores) and `numeric` (operators needing several expressions); the
//! last arm of `Builder::operator` names anything else as unsupported.

use naga::proc::Emitter;
use naga::{
    AddressSpace, ArraySize, AtomicFunction, BinaryOperator, Binding, Block, BuiltIn, EntryPoint,
    Expression, Function, FunctionArgument, GlobalVariable, Handle, Literal, LocalVariable,
    MathFunction, Module, ResourceBinding, Scalar, ScalarKind, ShaderStage, Span, Statement,
    StorageAccess, StructMember, Type, TypeInner, UnaryOperator, VectorSize,
};
use wasmparser::{Operator, ValType};

use super::inline::Flat;
use super::module::{Context, Translation};
use super::provenance::{memory_access, Analysis, Compare};
use super::stack::{block_arity, Frame, FrameKind};
use crate::{operator_name, trap, BufferBinding, ElementType, Error, Layout, Options};
use memory::{atomic_word, atomic_word64};

mod memory;
mod numeric;
mod simd;

use numeric::SignOp;

struct Types {
    i32: Handle<Type>,
    f32: Handle<Type>,
    /// Whether the device has `f64`; its type is added to the module when first used.
    f64: bool,
    /// Whether the device has `i64`; likewise.
    i64: bool,
}

struct Builder<'a> {
    module: Module,
    func: Function,
    emitter: Emitter,
    /// Statement blocks being filled, innermost last.
    blocks: Vec<Block>,
    frames: Vec<Frame>,
    values: Vec<(Handle<Expression>, ValType)>,
    locals: Vec<Handle<LocalVariable>>,
    analysis: &'a Analysis,
    types: Types,
    /// Each buffer's bindings: one, or its parts (see [`Layout`]).
    buffers: Vec<Vec<Handle<GlobalVariable>>>,
    /// `log2` of [`Layout::part_bytes`], for buffers split into parts.
    part_shift: u32,
    /// The params uniform, whose `zero` member hides float constants from the driver.
    params: Handle<GlobalVariable>,
    status: Handle<GlobalVariable>,
    /// The static data as words, and as `f64`s.
    statics: Option<Handle<GlobalVariable>>,
    statics64: Option<Handle<GlobalVariable>>,
    /// The shadow stack's words and the address of its first byte, if the kernel uses it.
    stack: Option<(Handle<LocalVariable>, u32)>,
    /// How many more frames a multi-level branch must leave.
    counter: Handle<LocalVariable>,
    /// Loop iterations this invocation may still start: the launch's budget (the params'
    /// `budget`), or with [`Options::loop_limit`] at most that.
    loop_budget: Handle<LocalVariable>,
    /// [`Options::loop_limit`].
    loop_limit: Option<u32>,
    /// Nesting depth of blocks inside unreachable code being skipped.
    skipping: u32,
    uses_f64: bool,
    uses_i64: bool,
}

impl Builder<'_> {
    /// `vec4<u32>`: a `v128`'s bits (see `simd`), added to the module when first used.
    fn v128_type(&mut self) -> Handle<Type> {
        self.module.types.insert(
            Type {
                name: None,
                inner: TypeInner::Vector {
                    size: VectorSize::Quad,
                    scalar: Scalar::U32,
                },
            },
            Span::UNDEFINED,
        )
    }
}

fn scalar_type(module: &mut Module, scalar: Scalar) -> Handle<Type> {
    module.types.insert(
        Type {
            name: None,
            inner: TypeInner::Scalar(scalar),
        },
        Span::UNDEFINED,
    )
}

impl Builder<'_> {
    fn block(&mut self) -> &mut Block {
        self.blocks.last_mut().expect("a block")
    }

    /// Closes the current run of expressions with an `Emit`.
    fn close_emit(&mut self) {
        if let Some((emit, span)) = self.emitter.finish(&self.func.expressions) {
            self.blocks.last_mut().expect("a block").push(emit, span);
        }
    }

    /// Closes the current run of expressions with an `Emit` and starts a new one.
    fn flush(&mut self) {
        self.close_emit();
        self.emitter.start(&self.func.expressions);
    }

    /// An expression that must be emitted (everything but literals, variables and arguments).
    fn expr(&mut self, e: Expression) -> Handle<Expression> {
        self.func.expressions.append(e, Span::UNDEFINED)
    }

    /// An expression that must not be emitted: literals, variables, arguments, globals.
    fn pre(&mut self, e: Expression) -> Handle<Expression> {
        self.close_emit();
        let h = self.func.expressions.append(e, Span::UNDEFINED);
        self.emitter.start(&self.func.expressions);
        h
    }

    fn stmt(&mut self, s: Statement) {
        self.flush();
        self.block().push(s, Span::UNDEFINED);
    }

    fn i32(&mut self, v: i32) -> Handle<Expression> {
        self.pre(Expression::Literal(Literal::I32(v)))
    }

    fn u32(&mut self, v: u32) -> Handle<Expression> {
        self.pre(Expression::Literal(Literal::U32(v)))
    }

    fn binary(
        &mut self,
        op: BinaryOperator,
        left: Handle<Expression>,
        right: Handle<Expression>,
    ) -> Handle<Expression> {
        self.expr(Expression::Binary { op, left, right })
    }

    fn cast(
        &mut self,
        expr: Handle<Expression>,
        kind: ScalarKind,
        convert: Option<u8>,
    ) -> Handle<Expression> {
        self.expr(Expression::As {
            expr,
            kind,
            convert,
        })
    }

    fn load_local(&mut self, local: Handle<LocalVariable>) -> Handle<Expression> {
        let pointer = self.pre(Expression::LocalVariable(local));
        self.expr(Expression::Load { pointer })
    }

    fn store_local(&mut self, local: Handle<LocalVariable>, value: Handle<Expression>) {
        let pointer = self.pre(Expression::LocalVariable(local));
        self.stmt(Statement::Store { pointer, value });
    }

    fn pop(&mut self) -> Handle<Expression> {
        self.values.pop().expect("validated Wasm").0
    }

    fn push(&mut self, e: Handle<Expression>, ty: ValType) {
        // Any 64-bit value needs the device feature; checked once the module is built.
        self.uses_f64 |= ty == ValType::F64;
        self.uses_i64 |= ty == ValType::I64;
        self.values.push((e, ty));
    }

    /// Ends the work item with a trap code when `condition` holds.
    fn trap_if(&mut self, condition: Handle<Expression>, code: u32) {
        let value = self.u32(code);
        self.trap_if_value(condition, value);
    }

    /// Ends the work item with the trap code `value` (a `u32`) when `condition` holds.
    fn trap_if_value(&mut self, condition: Handle<Expression>, value: Handle<Expression>) {
        let status = self.pre(Expression::GlobalVariable(self.status));
        let slot = self.expr(Expression::AccessIndex {
            base: status,
            index: 0,
        });
        let mut accept = Block::new();
        accept.push(
            Statement::Store {
                pointer: slot,
                value,
            },
            Span::UNDEFINED,
        );
        accept.push(Statement::Return { value: None }, Span::UNDEFINED);
        self.stmt(Statement::If {
            condition,
            accept,
            reject: Block::new(),
        });
    }

    /// At the start of a loop's body (each iteration): trap when the work item's budget of loop
    /// iterations is spent, and spend one. (Reading the status word here too, every 1024
    /// iterations, to end the work item when another has trapped, cost PoCL 5-10% more on the
    /// PRK kernels, and gained little: work items that run at once reach their budgets at about
    /// the same time; those that start later read it when they start.)
    ///
    /// The budget is the launch's (the params' `budget`: `u32::MAX` for none, which counts again
    /// from the top instead of trapping) or, on a device with [`Options::loop_limit`], at most
    /// that limit; the trap code says which ran out.
    ///
    /// Only Wasm loops are counted. Blocks and ifs become naga loops of one iteration, which
    /// lavapipe counts only when its compiler cannot remove them: counting them all would trap
    /// kernels that run fine, counting none misses some (a work item of many blocks inside a long
    /// loop may still be cut short).
    fn count_iteration(&mut self) {
        let budget = self.loop_budget;
        let left = self.load_local(budget);
        let zero = self.u32(0);
        let spent = self.binary(BinaryOperator::Equal, left, zero);
        let limit = self.loop_limit;
        self.if_then(spent, |b| {
            let param = b.budget_param();
            match limit {
                None => {
                    let none = b.u32(u32::MAX);
                    let limited = b.binary(BinaryOperator::NotEqual, param, none);
                    b.trap_if(limited, trap::BUDGET);
                    b.store_local(budget, none);
                }
                Some(limit) => {
                    let device = b.u32(limit.saturating_sub(1));
                    let by_launch = b.binary(BinaryOperator::Less, param, device);
                    let (launch_code, device_code) = (b.u32(trap::BUDGET), b.u32(trap::LOOP_LIMIT));
                    let code = b.expr(Expression::Select {
                        condition: by_launch,
                        accept: launch_code,
                        reject: device_code,
                    });
                    let yes = b.pre(Expression::Literal(Literal::Bool(true)));
                    b.trap_if_value(yes, code);
                }
            }
        });
        let left = self.load_local(budget);
        let one = self.u32(1);
        let rest = self.binary(BinaryOperator::Subtract, left, one);
        self.store_local(budget, rest);
    }

    /// Ends the work item if some work item of the launch trapped.
    fn return_if_trapped(&mut self) {
        let status = self.pre(Expression::GlobalVariable(self.status));
        let slot = self.expr(Expression::AccessIndex {
            base: status,
            index: 0,
        });
        let code = self.expr(Expression::Load { pointer: slot });
        let zero = self.u32(0);
        let trapped = self.binary(BinaryOperator::NotEqual, code, zero);
        self.if_then(trapped, |b| b.stmt(Statement::Return { value: None }));
    }

    /// The `i32` `value` as a `u32` guest address: with `buffer`, a pointer into it (its
    /// offset there) plus the buffer's address from the status binding's words after the first
    /// two (see [`Translation::status_binding`]); without, as it is.
    fn guest_address(
        &mut self,
        value: Handle<Expression>,
        buffer: Option<u32>,
    ) -> Handle<Expression> {
        let value = self.cast(value, ScalarKind::Uint, None);
        let Some(buffer) = buffer else {
            return value;
        };
        let status = self.pre(Expression::GlobalVariable(self.status));
        let slot = self.expr(Expression::AccessIndex {
            base: status,
            index: 2 + buffer,
        });
        let base = self.expr(Expression::Load { pointer: slot });
        self.binary(BinaryOperator::Add, base, value)
    }

    /// `a op b` where `a` is a pointer into buffer `left` (a byte offset there) or, with
    /// `None`, an integer, and `b` likewise: compared as the guest's addresses, each buffer's
    /// from the status binding's words after the first two (see
    /// [`Translation::status_binding`]).
    fn compare_addresses(
        &mut self,
        op: &Operator<'_>,
        left: Option<u32>,
        right: Option<u32>,
    ) -> Result<(), Error> {
        use Operator::*;
        let b = self.pop();
        let a = self.pop();
        let (a, b) = (self.guest_address(a, left), self.guest_address(b, right));
        let signed = matches!(op, I32LtS | I32GtS | I32LeS | I32GeS);
        let (a, b) = match signed {
            true => (
                self.cast(a, ScalarKind::Sint, None),
                self.cast(b, ScalarKind::Sint, None),
            ),
            false => (a, b),
        };
        let compare = match op {
            I32Eq => BinaryOperator::Equal,
            I32Ne => BinaryOperator::NotEqual,
            I32LtS | I32LtU => BinaryOperator::Less,
            I32GtS | I32GtU => BinaryOperator::Greater,
            I32LeS | I32LeU => BinaryOperator::LessEqual,
            I32GeS | I32GeU => BinaryOperator::GreaterEqual,
            other => {
                return Err(Error::Validation(format!(
                    "{} of two buffers' pointers",
                    operator_name(other)
                )))
            }
        };
        let condition = self.binary(compare, a, b);
        let r = self.bool_to_i32(condition);
        self.push(r, ValType::I32);
        Ok(())
    }

    /// The launch's budget of loop iterations per work item (see [`Builder::count_iteration`]).
    fn budget_param(&mut self) -> Handle<Expression> {
        let params = self.pre(Expression::GlobalVariable(self.params));
        let pointer = self.expr(Expression::AccessIndex {
            base: params,
            index: 3,
        });
        self.expr(Expression::Load { pointer })
    }

    /// `if condition { then }`, with `then` built in a block of its own.
    fn if_then(&mut self, condition: Handle<Expression>, then: impl FnOnce(&mut Self)) {
        self.flush();
        self.blocks.push(Block::new());
        then(self);
        self.flush();
        let accept = self.blocks.pop().expect("a block");
        self.stmt(Statement::If {
            condition,
            accept,
            reject: Block::new(),
        });
    }

    fn trap(&mut self, code: u32) {
        let yes = self.pre(Expression::Literal(Literal::Bool(true)));
        self.trap_if(yes, code);
    }

    fn local_type(&mut self, ty: ValType, offset: usize) -> Result<Handle<Type>, Error> {
        match ty {
            ValType::I32 => Ok(self.types.i32),
            ValType::F32 => Ok(self.types.f32),
            ValType::F64 => {
                if !self.types.f64 {
                    return Err(Error::MissingFeature("64-bit floats"));
                }
                self.uses_f64 = true;
                Ok(scalar_type(&mut self.module, Scalar::F64))
            }
            ValType::I64 => {
                if !self.types.i64 {
                    return Err(Error::MissingFeature("64-bit integers"));
                }
                self.uses_i64 = true;
                Ok(scalar_type(&mut self.module, Scalar::I64))
            }
            ValType::V128 => Ok(self.v128_type()),
            other => Err(Error::unsupported(
                format!("locals of type {other}"),
                offset,
            )),
        }
    }

    /// The buffer the analysis attributed the access at position `at` to.
    fn address_buffer(&self, at: usize, offset: usize) -> Result<u32, Error> {
        self.analysis.accesses.get(&at).copied().ok_or_else(|| {
            Error::unsupported("a memory access in code the analysis did not reach", offset)
        })
    }

    fn bool_to_i32(&mut self, condition: Handle<Expression>) -> Handle<Expression> {
        let one = self.i32(1);
        let zero = self.i32(0);
        self.expr(Expression::Select {
            condition,
            accept: one,
            reject: zero,
        })
    }

    fn nonzero(&mut self, value: Handle<Expression>) -> Handle<Expression> {
        let zero = self.i32(0);
        self.binary(BinaryOperator::NotEqual, value, zero)
    }

    /// Stores the top values into the results of the frame `depth` frames out.
    fn store_results(&mut self, depth: usize) {
        let target = self.frames.len() - 1 - depth;
        if self.frames[target].kind == FrameKind::Loop {
            return;
        }
        let vars = self.frames[target].results.clone();
        let values: Vec<_> = self.values[self.values.len() - vars.len()..]
            .iter()
            .map(|v| v.0)
            .collect();
        for (var, value) in vars.into_iter().zip(values) {
            self.store_local(var, value);
        }
    }

    /// The statements of `br depth`, into the current block.
    fn branch(&mut self, depth: u32) {
        let depth = depth as usize;
        let target = self.frames.len() - 1 - depth;
        if self.frames[target].kind == FrameKind::Function {
            self.stmt(Statement::Return { value: None });
            return;
        }
        self.store_results(depth);
        if depth == 0 {
            let s = if self.frames[target].kind == FrameKind::Loop {
                Statement::Continue
            } else {
                Statement::Break
            };
            self.stmt(s);
            return;
        }
        let count = self.u32(depth as u32);
        self.store_local_u32(count);
        for frame in &mut self.frames[target + 1..] {
            frame.crossed = true;
        }
        self.stmt(Statement::Break);
    }

    fn store_local_u32(&mut self, value: Handle<Expression>) {
        let counter = self.counter;
        self.store_local(counter, value);
    }

    fn set_unreachable(&mut self) {
        let frame = self.frames.last_mut().expect("a frame");
        frame.unreachable = true;
        let height = frame.height;
        self.values.truncate(height);
    }

    fn open(
        &mut self,
        kind: FrameKind,
        ty: wasmparser::BlockType,
        condition: Option<Handle<Expression>>,
        cx: &Context<'_>,
        offset: usize,
    ) -> Result<(), Error> {
        let (params, results) = block_arity(ty, cx.func_types);
        if params != 0 {
            return Err(Error::unsupported("blocks with parameters", offset));
        }
        let result_types: Vec<ValType> = match ty {
            wasmparser::BlockType::Type(t) => vec![t],
            wasmparser::BlockType::FuncType(i) => cx.func_types[i as usize].results().to_vec(),
            wasmparser::BlockType::Empty => vec![],
        };
        debug_assert_eq!(results, result_types.len());
        let mut vars = Vec::new();
        for t in &result_types {
            let ty = self.local_type(*t, offset)?;
            vars.push(self.func.local_variables.append(
                LocalVariable {
                    name: None,
                    ty,
                    init: None,
                },
                Span::UNDEFINED,
            ));
        }
        self.flush();
        self.frames.push(Frame {
            kind,
            height: self.values.len(),
            results: vars,
            result_types,
            unreachable: false,
            crossed: false,
            condition,
            accept: None,
        });
        self.blocks.push(naga::Block::new());
        Ok(())
    }

    fn close(&mut self) {
        let depth0_results = {
            let frame = self.frames.last().expect("a frame");
            !frame.unreachable && frame.kind != FrameKind::Function
        };
        if depth0_results {
            let vars = self.frames.last().expect("a frame").results.clone();
            let values: Vec<_> = self.values[self.values.len() - vars.len()..]
                .iter()
                .map(|v| v.0)
                .collect();
            for (var, value) in vars.into_iter().zip(values) {
                self.store_local(var, value);
            }
        }
        self.flush();
        let mut body = self.blocks.pop().expect("a block");
        let frame = self.frames.pop().expect("a frame");
        let statement = match frame.kind {
            FrameKind::Function => unreachable!("the function frame is closed by the caller"),
            FrameKind::Block | FrameKind::Loop => {
                body.push(Statement::Break, Span::UNDEFINED);
                Statement::Loop {
                    body,
                    continuing: Block::new(),
                    break_if: None,
                }
            }
            FrameKind::If => {
                let (accept, reject) = match frame.accept {
                    Some(accept) => (accept, body),
                    None => (body, Block::new()),
                };
                let mut wrapper = Block::new();
                let condition = frame.condition.expect("if has a condition");
                wrapper.push(
                    Statement::If {
                        condition,
                        accept,
                        reject,
                    },
                    Span::UNDEFINED,
                );
                wrapper.push(Statement::Break, Span::UNDEFINED);
                Statement::Loop {
                    body: wrapper,
                    continuing: Block::new(),
                    break_if: None,
                }
            }
        };
        self.block().push(statement, Span::UNDEFINED);
        if frame.crossed {
            self.after_crossing();
        }
        self.values.truncate(frame.height);
        for (var, ty) in frame.results.into_iter().zip(frame.result_types) {
            let value = self.load_local(var);
            self.push(value, ty);
        }
    }

    /// After a frame's loop: continue a multi-level branch that left it.
    fn after_crossing(&mut self) {
        let counter = self.load_local(self.counter);
        let zero = self.u32(0);
        let pending = self.binary(BinaryOperator::NotEqual, counter, zero);
        let one = self.u32(1);
        let left = self.binary(BinaryOperator::Subtract, counter, one);
        let arrived = self.binary(BinaryOperator::Equal, left, zero);
        let counter_ptr = self.pre(Expression::LocalVariable(self.counter));
        self.flush();
        let here = self.frames.last().expect("a frame").kind;
        let act = match here {
            FrameKind::Function => Statement::Return { value: None },
            FrameKind::Loop => Statement::Continue,
            FrameKind::Block | FrameKind::If => Statement::Break,
        };
        let onward = if here == FrameKind::Function {
            Statement::Return { value: None }
        } else {
            Statement::Break
        };
        let mut on_arrival = Block::new();
        on_arrival.push(act, Span::UNDEFINED);
        let mut onward_block = Block::new();
        onward_block.push(onward, Span::UNDEFINED);
        let mut accept = Block::new();
        accept.push(
            Statement::Store {
                pointer: counter_ptr,
                value: left,
            },
            Span::UNDEFINED,
        );
        accept.push(
            Statement::If {
                condition: arrived,
                accept: on_arrival,
                reject: onward_block,
            },
            Span::UNDEFINED,
        );
        self.stmt(Statement::If {
            condition: pending,
            accept,
            reject: Block::new(),
        });
    }
}

impl Builder<'_> {
    /// An integer literal of Wasm type `ty` (`i32` or `i64`).
    fn int(&mut self, ty: ValType, v: i64) -> Handle<Expression> {
        let literal = match ty {
            ValType::I64 => Literal::I64(v),
            _ => Literal::I32(v as i32),
        };
        self.pre(Expression::Literal(literal))
    }

    fn binary_int(&mut self, op: BinaryOperator, unsigned: bool, ty: ValType) {
        let b = self.pop();
        let a = self.pop();
        let e = if unsigned {
            let (ua, ub) = (
                self.cast(a, ScalarKind::Uint, None),
                self.cast(b, ScalarKind::Uint, None),
            );
            let r = self.binary(op, ua, ub);
            self.cast(r, ScalarKind::Sint, None)
        } else {
            self.binary(op, a, b)
        };
        self.push(e, ty);
    }

    fn compare(&mut self, op: BinaryOperator, kind: Option<ScalarKind>) {
        let b = self.pop();
        let a = self.pop();
        let (a, b) = match kind {
            Some(k) => (self.cast(a, k, None), self.cast(b, k, None)),
            None => (a, b),
        };
        let c = self.binary(op, a, b);
        let r = self.bool_to_i32(c);
        self.push(r, ValType::I32);
    }

    fn float_binary(&mut self, op: BinaryOperator, ty: ValType) {
        let b = self.pop();
        let a = self.pop();
        let e = self.binary(op, a, b);
        self.push(e, ty);
    }

    /// Wasm's `min`/`max`: NaN if either operand is NaN, and `-0 < +0`.
    fn min_max(&mut self, fun: MathFunction, ty: ValType, offset: usize) -> Result<(), Error> {
        let b = self.pop();
        let a = self.pop();
        let plain = self.expr(Expression::Math {
            fun,
            arg: a,
            arg1: Some(b),
            arg2: None,
            arg3: None,
        });
        // Equal operands may be -0 and +0: combine their bits, so min takes the sign and max
        // drops it.
        if ty == ValType::F64 {
            if !self.types.i64 {
                return Err(Error::unsupported(
                    "f64 min/max on a device without 64-bit integers",
                    offset,
                ));
            }
            self.uses_i64 = true;
        }
        let (ua, ub) = (
            self.cast(a, ScalarKind::Uint, None),
            self.cast(b, ScalarKind::Uint, None),
        );
        let op = if fun == MathFunction::Min {
            BinaryOperator::InclusiveOr
        } else {
            BinaryOperator::And
        };
        let combined = self.binary(op, ua, ub);
        let signed_zero = self.cast(combined, ScalarKind::Float, None);
        let equal = self.binary(BinaryOperator::Equal, a, b);
        let ordered = self.expr(Expression::Select {
            condition: equal,
            accept: signed_zero,
            reject: plain,
        });
        let a_nan = self.is_nan(ua, ty);
        let b_nan = self.is_nan(ub, ty);
        let nan = self.binary(BinaryOperator::LogicalOr, a_nan, b_nan);
        let propagated = self.binary(BinaryOperator::Add, a, b);
        let e = self.expr(Expression::Select {
            condition: nan,
            accept: propagated,
            reject: ordered,
        });
        self.push(e, ty);
        Ok(())
    }

    /// Whether the float whose bits (as an unsigned integer) are `bits` is a NaN. Tested on the
    /// bits because GPU compilers may fold `x != x` to false.
    fn is_nan(&mut self, bits: Handle<Expression>, ty: ValType) -> Handle<Expression> {
        let (magnitude, infinity) = match ty {
            ValType::F64 => (
                self.pre(Expression::Literal(Literal::U64(0x7fff_ffff_ffff_ffff))),
                self.pre(Expression::Literal(Literal::U64(0x7ff0_0000_0000_0000))),
            ),
            _ => (self.u32(0x7fff_ffff), self.u32(0x7f80_0000)),
        };
        let abs = self.binary(BinaryOperator::And, bits, magnitude);
        self.binary(BinaryOperator::Greater, abs, infinity)
    }

    fn math(&mut self, fun: MathFunction, ty: ValType) {
        let arg = self.pop();
        let e = self.expr(Expression::Math {
            fun,
            arg,
            arg1: None,
            arg2: None,
            arg3: None,
        });
        self.push(e, ty);
    }

    /// A float constant of type `ty` with `bits`, hidden from the driver's constant folding: its
    /// bits or-ed with the params' `zero` member (always 0), then reinterpreted. Drivers fold
    /// operations with constant operands as if NaN, infinities and -0 did not exist (lavapipe
    /// turns `0.0 * x` into `0.0` and `0.0 - x` into `-x` whatever the SPIR-V declares); a
    /// uniform they cannot see through keeps Wasm's results, at the cost of an `or` the compiler
    /// hoists. Without 64-bit integers, `f64` constants are plain literals (finite ones only).
    fn float_constant(&mut self, ty: ValType, bits: u64) -> Handle<Expression> {
        if ty == ValType::F64 && !self.types.i64 {
            return self.pre(Expression::Literal(Literal::F64(f64::from_bits(bits))));
        }
        let (literal, width) = if ty == ValType::F64 {
            (self.u64(bits), 8)
        } else {
            (self.u32(bits as u32), 4)
        };
        let bits = self.opaque(literal, ScalarKind::Uint, width);
        self.cast(bits, ScalarKind::Float, None)
    }

    /// The literal behind `value` when `value` is one hidden by [`Builder::opaque`], else `value`.
    fn revealed(&self, value: Handle<Expression>) -> Handle<Expression> {
        match self.func.expressions[value] {
            Expression::Binary {
                op: BinaryOperator::InclusiveOr,
                left,
                ..
            } if matches!(self.func.expressions[left], Expression::Literal(_)) => left,
            _ => value,
        }
    }

    /// `value | zero`, with the params' `zero` member: the same value, which no driver can
    /// prove constant (see `float_constant`).
    fn opaque(
        &mut self,
        value: Handle<Expression>,
        kind: ScalarKind,
        width: u8,
    ) -> Handle<Expression> {
        let params = self.pre(Expression::GlobalVariable(self.params));
        let member = self.expr(Expression::AccessIndex {
            base: params,
            index: 2,
        });
        let mut zero = self.expr(Expression::Load { pointer: member });
        if width == 8 {
            self.uses_i64 = true;
        }
        if (kind, width) != (ScalarKind::Uint, 4) {
            zero = self.cast(zero, kind, Some(width));
        }
        self.binary(BinaryOperator::InclusiveOr, value, zero)
    }

    /// A conversion or reinterpretation of the value on top of the stack. Integers becoming
    /// floats go through `opaque` first: a driver that propagates an integer constant (a local's
    /// initial zero, say) into a float would otherwise fold float operations on it the way
    /// `float_constant` describes.
    fn convert(&mut self, kind: ScalarKind, width: Option<u8>, via_unsigned: bool, ty: ValType) {
        let (mut v, from) = self.values.pop().expect("validated Wasm");
        if via_unsigned {
            v = self.cast(v, ScalarKind::Uint, None);
        }
        if kind == ScalarKind::Float && matches!(from, ValType::I32 | ValType::I64) {
            let signed = if via_unsigned {
                ScalarKind::Uint
            } else {
                ScalarKind::Sint
            };
            let width = if from == ValType::I64 { 8 } else { 4 };
            v = self.opaque(v, signed, width);
        }
        let e = self.cast(v, kind, width);
        self.push(e, ty);
    }

    /// Integer division and remainder, with Wasm's traps.
    fn divide(&mut self, op: BinaryOperator, signed: bool, ty: ValType) {
        let b = self.values[self.values.len() - 1].0;
        let a = self.values[self.values.len() - 2].0;
        let zero = self.int(ty, 0);
        let by_zero = self.binary(BinaryOperator::Equal, b, zero);
        self.trap_if(by_zero, trap::DIVIDE_BY_ZERO);
        let min_value = if ty == ValType::I64 {
            i64::MIN
        } else {
            i64::from(i32::MIN)
        };
        if signed {
            let min = self.int(ty, min_value);
            let minus_one = self.int(ty, -1);
            let a_min = self.binary(BinaryOperator::Equal, a, min);
            let b_m1 = self.binary(BinaryOperator::Equal, b, minus_one);
            let overflow = self.binary(BinaryOperator::LogicalAnd, a_min, b_m1);
            if op == BinaryOperator::Divide {
                self.trap_if(overflow, trap::INTEGER_OVERFLOW);
            } else {
                // Wasm: MIN rem -1 is 0; make the divisor 1 there so no backend sees the overflow.
                let one = self.int(ty, 1);
                let safe = self.expr(Expression::Select {
                    condition: overflow,
                    accept: one,
                    reject: b,
                });
                let last = self.values.len() - 1;
                self.values[last].0 = safe;
            }
        }
        self.binary_int(op, !signed, ty);
    }

    fn shift(&mut self, op: BinaryOperator, unsigned: bool, ty: ValType) {
        let b = self.pop();
        let a = self.pop();
        // A constant amount stays one (a hidden `i64.const`, see `I64Const`): shifts by
        // constants are what compilers make cheap.
        let b = self.revealed(b);
        // The shift amount is a u32 modulo the width, as in Wasm.
        let b = if ty == ValType::I64 {
            self.cast(b, ScalarKind::Uint, Some(4))
        } else {
            self.cast(b, ScalarKind::Uint, None)
        };
        let mask = self.u32(if ty == ValType::I64 { 63 } else { 31 });
        let amount = self.binary(BinaryOperator::And, b, mask);
        let e = if unsigned {
            let ua = self.cast(a, ScalarKind::Uint, None);
            let r = self.binary(op, ua, amount);
            self.cast(r, ScalarKind::Sint, None)
        } else {
            self.binary(op, a, amount)
        };
        self.push(e, ty);
    }

    fn operator(
        &mut self,
        op: &Operator<'_>,
        at: usize,
        offset: usize,
        cx: &Context<'_>,
    ) -> Result<(), Error> {
        use BinaryOperator as B;
        use Operator::*;
        if self.frames.last().is_some_and(|f| f.unreachable) {
            match op {
                Block { .. } | Loop { .. } | If { .. } => {
                    self.skipping += 1;
                    return Ok(());
                }
                End if self.skipping > 0 => {
                    self.skipping -= 1;
                    return Ok(());
                }
                Else | End => {}
                _ => return Ok(()),
            }
        }
        match self.analysis.known_compares.get(&at) {
            // A comparison the buffers' places answer (see the provenance analysis).
            Some(&Compare::Known(answer)) => {
                let operands = if matches!(op, I32Eqz) { 1 } else { 2 };
                for _ in 0..operands {
                    self.pop();
                }
                let r = self.i32(i32::from(answer));
                self.push(r, ValType::I32);
                return Ok(());
            }
            Some(&Compare::Addresses { left, right }) => {
                self.compare_addresses(op, left, right)?;
                return Ok(());
            }
            None => {}
        }
        match *op {
            Nop => {}
            Unreachable => {
                self.trap(trap::UNREACHABLE);
                self.set_unreachable();
            }
            Call { function_index } => {
                // Only calls that never return (panic paths) are translated: as traps.
                let params = cx.diverging_call(function_index).ok_or_else(|| {
                    Error::unsupported(
                        format!("a call to function {function_index}, which returns"),
                        offset,
                    )
                })?;
                for _ in 0..params {
                    self.pop();
                }
                self.trap(trap::UNREACHABLE);
                self.set_unreachable();
            }
            Block { blockty } => self.open(FrameKind::Block, blockty, None, cx, offset)?,
            Loop { blockty } => {
                self.open(FrameKind::Loop, blockty, None, cx, offset)?;
                self.count_iteration();
            }
            If { blockty } => {
                let c = self.pop();
                let condition = self.nonzero(c);
                self.open(FrameKind::If, blockty, Some(condition), cx, offset)?;
            }
            Else => {
                let frame = self.frames.last().expect("a frame");
                if !frame.unreachable {
                    let vars = frame.results.clone();
                    let values: Vec<_> = self.values[self.values.len() - vars.len()..]
                        .iter()
                        .map(|v| v.0)
                        .collect();
                    for (var, value) in vars.into_iter().zip(values) {
                        self.store_local(var, value);
                    }
                }
                self.flush();
                let accept = self.blocks.pop().expect("a block");
                self.blocks.push(naga::Block::new());
                let frame = self.frames.last_mut().expect("a frame");
                frame.accept = Some(accept);
                frame.unreachable = false;
                let height = frame.height;
                self.values.truncate(height);
            }
            End => {
                if self.frames.len() == 1 {
                    self.flush();
                    return Ok(());
                }
                self.close();
            }
            Br { relative_depth } => {
                self.branch(relative_depth);
                self.set_unreachable();
            }
            BrIf { relative_depth } => {
                let c = self.pop();
                let condition = self.nonzero(c);
                self.flush();
                self.blocks.push(naga::Block::new());
                self.branch(relative_depth);
                self.flush();
                let accept = self.blocks.pop().expect("a block");
                self.stmt(Statement::If {
                    condition,
                    accept,
                    reject: naga::Block::new(),
                });
            }
            BrTable { ref targets } => {
                // A chain of `if selector == k { br target_k }`, then `br default`: each branch
                // stays inside the naga loops that `br` knows how to leave.
                let selector = self.pop();
                let cases = targets
                    .targets()
                    .collect::<Result<Vec<u32>, _>>()
                    .map_err(|e| Error::Invalid(e.to_string()))?;
                for (k, depth) in cases.into_iter().enumerate() {
                    let k = i32::try_from(k)
                        .map_err(|_| Error::unsupported("a br_table of 2^31 entries", offset))?;
                    let k = self.i32(k);
                    let condition = self.binary(B::Equal, selector, k);
                    self.flush();
                    self.blocks.push(naga::Block::new());
                    self.branch(depth);
                    self.flush();
                    let accept = self.blocks.pop().expect("a block");
                    self.stmt(Statement::If {
                        condition,
                        accept,
                        reject: naga::Block::new(),
                    });
                }
                self.branch(targets.default());
                self.set_unreachable();
            }
            Return => {
                self.stmt(Statement::Return { value: None });
                self.set_unreachable();
            }
            Drop => {
                self.pop();
            }
            Select => {
                let c = self.pop();
                let (b, ty) = self.values.pop().expect("validated Wasm");
                let a = self.pop();
                let condition = self.nonzero(c);
                let e = self.expr(Expression::Select {
                    condition,
                    accept: a,
                    reject: b,
                });
                self.push(e, ty);
            }
            LocalGet { local_index } => {
                let v = self.load_local(self.locals[local_index as usize]);
                self.push(v, self.analysis.local_types[local_index as usize]);
            }
            LocalSet { local_index } => {
                let v = self.pop();
                self.store_local(self.locals[local_index as usize], v);
            }
            LocalTee { local_index } => {
                let v = self.values.last().expect("validated Wasm").0;
                self.store_local(self.locals[local_index as usize], v);
            }
            I32Const { value } => {
                let v = self.i32(value);
                self.push(v, ValType::I32);
            }
            F32Const { value } => {
                let v = self.float_constant(ValType::F32, u64::from(value.bits()));
                self.push(v, ValType::F32);
            }
            F64Const { value } => {
                self.local_type(ValType::F64, offset)?;
                if !f64::from_bits(value.bits()).is_finite() && !self.types.i64 {
                    return Err(Error::MissingFeature("64-bit integers"));
                }
                let v = self.float_constant(ValType::F64, value.bits());
                self.push(v, ValType::F64);
            }
            I32Add => self.binary_int(B::Add, false, ValType::I32),
            I32Sub => match self.analysis.distances.get(&at) {
                Some(&(left, right)) => {
                    let b = self.pop();
                    let a = self.pop();
                    let a = self.guest_address(a, Some(left));
                    let b = self.guest_address(b, Some(right));
                    let d = self.binary(B::Subtract, a, b);
                    let d = self.cast(d, ScalarKind::Sint, None);
                    self.push(d, ValType::I32);
                }
                None => self.binary_int(B::Subtract, false, ValType::I32),
            },
            I32Mul => self.binary_int(B::Multiply, false, ValType::I32),
            I32And => self.binary_int(B::And, false, ValType::I32),
            I32Or => self.binary_int(B::InclusiveOr, false, ValType::I32),
            I32Xor => self.binary_int(B::ExclusiveOr, false, ValType::I32),
            I32DivS => self.divide(B::Divide, true, ValType::I32),
            I32DivU => self.divide(B::Divide, false, ValType::I32),
            I32RemS => self.divide(B::Modulo, true, ValType::I32),
            I32RemU => self.divide(B::Modulo, false, ValType::I32),
            I32Shl => self.shift(B::ShiftLeft, false, ValType::I32),
            I32ShrS => self.shift(B::ShiftRight, false, ValType::I32),
            I32ShrU => self.shift(B::ShiftRight, true, ValType::I32),
            I64Const { value } => {
                self.local_type(ValType::I64, offset)?;
                // Hidden from drivers, as float constants are: lavapipe folds some operations
                // on 64-bit constants wrongly (`extend32_s(63) >= popcnt(x)` as false).
                let v = self.int(ValType::I64, value);
                let v = self.opaque(v, ScalarKind::Sint, 8);
                self.push(v, ValType::I64);
            }
            I64Add => self.binary_int(B::Add, false, ValType::I64),
            I64Sub => self.binary_int(B::Subtract, false, ValType::I64),
            I64Mul => self.binary_int(B::Multiply, false, ValType::I64),
            I64And => self.binary_int(B::And, false, ValType::I64),
            I64Or => self.binary_int(B::InclusiveOr, false, ValType::I64),
            I64Xor => self.binary_int(B::ExclusiveOr, false, ValType::I64),
            I64DivS => self.divide(B::Divide, true, ValType::I64),
            I64DivU => self.divide(B::Divide, false, ValType::I64),
            I64RemS => self.divide(B::Modulo, true, ValType::I64),
            I64RemU => self.divide(B::Modulo, false, ValType::I64),
            I64Shl => self.shift(B::ShiftLeft, false, ValType::I64),
            I64ShrS => self.shift(B::ShiftRight, false, ValType::I64),
            I64ShrU => self.shift(B::ShiftRight, true, ValType::I64),
            I64Eqz => {
                let a = self.pop();
                let zero = self.int(ValType::I64, 0);
                let c = self.binary(B::Equal, a, zero);
                let r = self.bool_to_i32(c);
                self.push(r, ValType::I32);
            }
            I64Eq => self.compare(B::Equal, None),
            I64Ne => self.compare(B::NotEqual, None),
            I64LtS => self.compare(B::Less, None),
            I64LtU => self.compare(B::Less, Some(ScalarKind::Uint)),
            I64GtS => self.compare(B::Greater, None),
            I64GtU => self.compare(B::Greater, Some(ScalarKind::Uint)),
            I64LeS => self.compare(B::LessEqual, None),
            I64LeU => self.compare(B::LessEqual, Some(ScalarKind::Uint)),
            I64GeS => self.compare(B::GreaterEqual, None),
            I64GeU => self.compare(B::GreaterEqual, Some(ScalarKind::Uint)),
            I32WrapI64 => self.convert(ScalarKind::Sint, Some(4), false, ValType::I32),
            I64ExtendI32S => {
                self.local_type(ValType::I64, offset)?;
                self.convert(ScalarKind::Sint, Some(8), false, ValType::I64)
            }
            I64ExtendI32U => {
                self.local_type(ValType::I64, offset)?;
                let v = self.pop();
                let u = self.cast(v, ScalarKind::Uint, None);
                let wide = self.cast(u, ScalarKind::Uint, Some(8));
                let e = self.cast(wide, ScalarKind::Sint, None);
                self.push(e, ValType::I64);
            }
            F64ConvertI64S => self.convert(ScalarKind::Float, Some(8), false, ValType::F64),
            F64ConvertI64U => self.convert(ScalarKind::Float, Some(8), true, ValType::F64),
            F32ConvertI64S => self.convert(ScalarKind::Float, Some(4), false, ValType::F32),
            F32ConvertI64U => self.convert(ScalarKind::Float, Some(4), true, ValType::F32),
            I64ReinterpretF64 => self.convert(ScalarKind::Sint, None, false, ValType::I64),
            F64ReinterpretI64 => self.convert(ScalarKind::Float, None, false, ValType::F64),
            I32Eqz => {
                let a = self.pop();
                let zero = self.i32(0);
                let c = self.binary(B::Equal, a, zero);
                let r = self.bool_to_i32(c);
                self.push(r, ValType::I32);
            }
            I32Eq => self.compare(B::Equal, None),
            I32Ne => self.compare(B::NotEqual, None),
            I32LtS => self.compare(B::Less, None),
            I32LtU => self.compare(B::Less, Some(ScalarKind::Uint)),
            I32GtS => self.compare(B::Greater, None),
            I32GtU => self.compare(B::Greater, Some(ScalarKind::Uint)),
            I32LeS => self.compare(B::LessEqual, None),
            I32LeU => self.compare(B::LessEqual, Some(ScalarKind::Uint)),
            I32GeS => self.compare(B::GreaterEqual, None),
            I32GeU => self.compare(B::GreaterEqual, Some(ScalarKind::Uint)),
            F32Add => self.float_binary(B::Add, ValType::F32),
            F32Sub => self.float_binary(B::Subtract, ValType::F32),
            F32Mul => self.float_binary(B::Multiply, ValType::F32),
            F32Div => self.float_binary(B::Divide, ValType::F32),
            F64Add => self.float_binary(B::Add, ValType::F64),
            F64Sub => self.float_binary(B::Subtract, ValType::F64),
            F64Mul => self.float_binary(B::Multiply, ValType::F64),
            F64Div => self.float_binary(B::Divide, ValType::F64),
            F32Eq | F64Eq => self.compare(B::Equal, None),
            F32Ne | F64Ne => {
                // Wasm's `ne` is unordered (true when either is NaN): not(ordered equal).
                let b = self.pop();
                let a = self.pop();
                let eq = self.binary(B::Equal, a, b);
                let ne = self.expr(Expression::Unary {
                    op: UnaryOperator::LogicalNot,
                    expr: eq,
                });
                let r = self.bool_to_i32(ne);
                self.push(r, ValType::I32);
            }
            F32Lt | F64Lt => self.compare(B::Less, None),
            F32Gt | F64Gt => self.compare(B::Greater, None),
            F32Le | F64Le => self.compare(B::LessEqual, None),
            F32Ge | F64Ge => self.compare(B::GreaterEqual, None),
            F32Min => self.min_max(MathFunction::Min, ValType::F32, offset)?,
            F32Max => self.min_max(MathFunction::Max, ValType::F32, offset)?,
            F64Min => self.min_max(MathFunction::Min, ValType::F64, offset)?,
            F64Max => self.min_max(MathFunction::Max, ValType::F64, offset)?,
            F32Abs => self.sign_op(SignOp::Abs, ValType::F32, offset)?,
            F64Abs => self.sign_op(SignOp::Abs, ValType::F64, offset)?,
            F32Copysign => self.sign_op(SignOp::Copysign, ValType::F32, offset)?,
            F64Copysign => self.sign_op(SignOp::Copysign, ValType::F64, offset)?,
            F32Nearest => self.math(MathFunction::Round, ValType::F32),
            F64Nearest => self.math(MathFunction::Round, ValType::F64),
            F32Sqrt => self.math(MathFunction::Sqrt, ValType::F32),
            F64Sqrt => self.math(MathFunction::Sqrt, ValType::F64),
            F32Ceil => self.math(MathFunction::Ceil, ValType::F32),
            F64Ceil => self.math(MathFunction::Ceil, ValType::F64),
            F32Floor => self.math(MathFunction::Floor, ValType::F32),
            F64Floor => self.math(MathFunction::Floor, ValType::F64),
            F32Trunc => self.math(MathFunction::Trunc, ValType::F32),
            F64Trunc => self.math(MathFunction::Trunc, ValType::F64),
            F32Neg => self.sign_op(SignOp::Neg, ValType::F32, offset)?,
            F64Neg => self.sign_op(SignOp::Neg, ValType::F64, offset)?,
            I32Rotl => self.rotate(true, ValType::I32),
            I32Rotr => self.rotate(false, ValType::I32),
            I64Rotl => self.rotate(true, ValType::I64),
            I64Rotr => self.rotate(false, ValType::I64),
            I32Clz => self.count_bits(MathFunction::CountLeadingZeros, ValType::I32),
            I32Ctz => self.count_bits(MathFunction::CountTrailingZeros, ValType::I32),
            I32Popcnt => self.count_bits(MathFunction::CountOneBits, ValType::I32),
            I64Clz => self.count_bits(MathFunction::CountLeadingZeros, ValType::I64),
            I64Ctz => self.count_bits(MathFunction::CountTrailingZeros, ValType::I64),
            I64Popcnt => self.count_bits(MathFunction::CountOneBits, ValType::I64),
            I32Extend8S => self.sign_extend(8, ValType::I32),
            I32Extend16S => self.sign_extend(16, ValType::I32),
            I64Extend8S => self.sign_extend(8, ValType::I64),
            I64Extend16S => self.sign_extend(16, ValType::I64),
            I64Extend32S => self.sign_extend(32, ValType::I64),
            I32TruncF32S => self.truncate(ValType::F32, ValType::I32, true, false, offset)?,
            I32TruncF32U => self.truncate(ValType::F32, ValType::I32, false, false, offset)?,
            I32TruncF64S => self.truncate(ValType::F64, ValType::I32, true, false, offset)?,
            I32TruncF64U => self.truncate(ValType::F64, ValType::I32, false, false, offset)?,
            I64TruncF32S => self.truncate(ValType::F32, ValType::I64, true, false, offset)?,
            I64TruncF32U => self.truncate(ValType::F32, ValType::I64, false, false, offset)?,
            I64TruncF64S => self.truncate(ValType::F64, ValType::I64, true, false, offset)?,
            I64TruncF64U => self.truncate(ValType::F64, ValType::I64, false, false, offset)?,
            I32TruncSatF32S => self.truncate(ValType::F32, ValType::I32, true, true, offset)?,
            I32TruncSatF32U => self.truncate(ValType::F32, ValType::I32, false, true, offset)?,
            I32TruncSatF64S => self.truncate(ValType::F64, ValType::I32, true, true, offset)?,
            I32TruncSatF64U => self.truncate(ValType::F64, ValType::I32, false, true, offset)?,
            I64TruncSatF32S => self.truncate(ValType::F32, ValType::I64, true, true, offset)?,
            I64TruncSatF32U => self.truncate(ValType::F32, ValType::I64, false, true, offset)?,
            I64TruncSatF64S => self.truncate(ValType::F64, ValType::I64, true, true, offset)?,
            I64TruncSatF64U => self.truncate(ValType::F64, ValType::I64, false, true, offset)?,
            F32ConvertI32S => self.convert(ScalarKind::Float, Some(4), false, ValType::F32),
            F32ConvertI32U => self.convert(ScalarKind::Float, Some(4), true, ValType::F32),
            F64ConvertI32S => self.convert(ScalarKind::Float, Some(8), false, ValType::F64),
            F64ConvertI32U => self.convert(ScalarKind::Float, Some(8), true, ValType::F64),
            F64PromoteF32 => self.convert(ScalarKind::Float, Some(8), false, ValType::F64),
            F32DemoteF64 => self.convert(ScalarKind::Float, Some(4), false, ValType::F32),
            I32ReinterpretF32 => self.convert(ScalarKind::Sint, None, false, ValType::I32),
            F32ReinterpretI32 => self.convert(ScalarKind::Float, None, false, ValType::F32),
            I32AtomicLoad { memarg } => self.load(&atomic_word(memarg, false), at, offset)?,
            I32AtomicStore { memarg } => self.store(&atomic_word(memarg, true), at, offset)?,
            I32AtomicRmwAdd { memarg } => {
                self.atomic_rmw(AtomicFunction::Add, memarg, at, offset)?
            }
            I32AtomicRmwSub { memarg } => {
                self.atomic_rmw(AtomicFunction::Subtract, memarg, at, offset)?
            }
            I32AtomicRmwAnd { memarg } => {
                self.atomic_rmw(AtomicFunction::And, memarg, at, offset)?
            }
            I32AtomicRmwOr { memarg } => {
                self.atomic_rmw(AtomicFunction::InclusiveOr, memarg, at, offset)?
            }
            I32AtomicRmwXor { memarg } => {
                self.atomic_rmw(AtomicFunction::ExclusiveOr, memarg, at, offset)?
            }
            I32AtomicRmwXchg { memarg } => self.atomic_rmw(
                AtomicFunction::Exchange { compare: None },
                memarg,
                at,
                offset,
            )?,
            I32AtomicRmwCmpxchg { memarg } => self.atomic_cmpxchg(memarg, false, at, offset)?,
            I64AtomicLoad { memarg } => self.load(&atomic_word64(memarg, false), at, offset)?,
            I64AtomicStore { memarg } => self.store(&atomic_word64(memarg, true), at, offset)?,
            I64AtomicRmwAdd { memarg } => {
                self.atomic_rmw64(AtomicFunction::Add, memarg, at, offset)?
            }
            I64AtomicRmwSub { memarg } => {
                self.atomic_rmw64(AtomicFunction::Subtract, memarg, at, offset)?
            }
            I64AtomicRmwAnd { memarg } => {
                self.atomic_rmw64(AtomicFunction::And, memarg, at, offset)?
            }
            I64AtomicRmwOr { memarg } => {
                self.atomic_rmw64(AtomicFunction::InclusiveOr, memarg, at, offset)?
            }
            I64AtomicRmwXor { memarg } => {
                self.atomic_rmw64(AtomicFunction::ExclusiveOr, memarg, at, offset)?
            }
            I64AtomicRmwXchg { memarg } => self.atomic_rmw64(
                AtomicFunction::Exchange { compare: None },
                memarg,
                at,
                offset,
            )?,
            I64AtomicRmwCmpxchg { memarg } => self.atomic_cmpxchg(memarg, true, at, offset)?,
            MemoryAtomicNotify { memarg } => self.atomic_notify(memarg, at, offset)?,
            V128Load8Lane { memarg, lane }
            | V128Load16Lane { memarg, lane }
            | V128Load32Lane { memarg, lane }
            | V128Load64Lane { memarg, lane }
            | V128Store8Lane { memarg, lane }
            | V128Store16Lane { memarg, lane }
            | V128Store32Lane { memarg, lane }
            | V128Store64Lane { memarg, lane } => {
                let access = super::provenance::lane_access(op, memarg);
                self.lane_memory(&access, lane, at, offset)?
            }
            MemoryCopy { .. } => self.memory_copy(at, offset)?,
            MemoryFill { .. } => self.memory_fill(at, offset)?,
            ref other => match memory_access(other) {
                Some(access) if access.store => self.store(&access, at, offset)?,
                Some(access) if access.width < 16 && crate::front::simd::is_vector_op(other) => {
                    self.load(&access, at, offset)?;
                    self.vector_from_load(other, at, offset, cx)?;
                }
                Some(access) => self.load(&access, at, offset)?,
                None if crate::front::simd::is_vector_op(other) => {
                    self.vector(other, at, offset, cx)?
                }
                None => return Err(Error::unsupported(operator_name(other), offset)),
            },
        }
        Ok(())
    }
}

fn storage_array(module: &mut Module, element: Handle<Type>, stride: u32) -> Handle<Type> {
    module.types.insert(
        Type {
            name: None,
            inner: TypeInner::Array {
                base: element,
                size: ArraySize::Dynamic,
                stride,
            },
        },
        Span::UNDEFINED,
    )
}

fn global(
    module: &mut Module,
    name: &str,
    space: AddressSpace,
    binding: u32,
    ty: Handle<Type>,
) -> Handle<GlobalVariable> {
    module.global_variables.append(
        GlobalVariable {
            name: Some(name.to_string()),
            space,
            binding: Some(ResourceBinding { group: 0, binding }),
            ty,
            init: None,
            memory_decorations: Default::default(),
        },
        Span::UNDEFINED,
    )
}

/// Builds the module for a kernel body.
pub fn build(
    flat: &Flat<'_>,
    analysis: &Analysis,
    buffers: usize,
    options: &Options,
    layout: &Layout,
    cx: &Context<'_>,
) -> Result<Translation, Error> {
    let mut module = Module::default();
    let i32_ty = scalar_type(&mut module, Scalar::I32);
    let u32_ty = scalar_type(&mut module, Scalar::U32);
    let f32_ty = scalar_type(&mut module, Scalar::F32);
    let vec3u = module.types.insert(
        Type {
            name: None,
            inner: TypeInner::Vector {
                size: VectorSize::Tri,
                scalar: Scalar::U32,
            },
        },
        Span::UNDEFINED,
    );

    let params_ty = module.types.insert(
        Type {
            name: Some("Params".into()),
            inner: TypeInner::Struct {
                members: vec![
                    StructMember {
                        name: Some("num_iterations".into()),
                        ty: u32_ty,
                        binding: None,
                        offset: 0,
                    },
                    StructMember {
                        name: Some("block_size".into()),
                        ty: u32_ty,
                        binding: None,
                        offset: 4,
                    },
                    // Always 0; see `Builder::float_constant`.
                    StructMember {
                        name: Some("zero".into()),
                        ty: u32_ty,
                        binding: None,
                        offset: 8,
                    },
                    // Loop iterations each work item may run; see `Builder::count_iteration`.
                    StructMember {
                        name: Some("budget".into()),
                        ty: u32_ty,
                        binding: None,
                        offset: 12,
                    },
                ],
                span: 16,
            },
        },
        Span::UNDEFINED,
    );
    let params = global(&mut module, "params", AddressSpace::Uniform, 0, params_ty);
    let mut bindings = Vec::new();
    let mut globals = Vec::new();
    let mut next_binding = 1u32;
    for k in 0..buffers {
        let element = analysis.elements[k];
        let (ty, stride) = match element.unwrap_or(ElementType::I32) {
            ElementType::I32 => (i32_ty, 4),
            ElementType::F32 => (f32_ty, 4),
            ElementType::F64 if options.f64 => (scalar_type(&mut module, Scalar::F64), 8),
            ElementType::F64 => return Err(Error::MissingFeature("64-bit floats")),
            ElementType::I64 if options.i64 => (scalar_type(&mut module, Scalar::I64), 8),
            ElementType::I64 => return Err(Error::MissingFeature("64-bit integers")),
            ElementType::AtomicU32 => {
                let atomic = module.types.insert(
                    Type {
                        name: None,
                        inner: TypeInner::Atomic(Scalar::U32),
                    },
                    Span::UNDEFINED,
                );
                (atomic, 4)
            }
            ElementType::AtomicU64 if options.i64 && options.i64_atomics => {
                let atomic = module.types.insert(
                    Type {
                        name: None,
                        inner: TypeInner::Atomic(Scalar::U64),
                    },
                    Span::UNDEFINED,
                );
                (atomic, 8)
            }
            ElementType::AtomicU64 => return Err(Error::MissingFeature("64-bit atomics")),
        };
        let array = storage_array(&mut module, ty, stride);
        let written = analysis.written[k];
        let access = if written {
            StorageAccess::LOAD | StorageAccess::STORE
        } else {
            StorageAccess::LOAD
        };
        let parts = layout.parts_of(k);
        let part = |j: u32| match parts {
            1 => format!("buffer{k}"),
            _ => format!("buffer{k}_part{j}"),
        };
        globals.push(
            (0..parts)
                .map(|j| {
                    let name = part(j);
                    let space = AddressSpace::Storage { access };
                    global(&mut module, &name, space, next_binding + j, array)
                })
                .collect::<Vec<_>>(),
        );
        bindings.push(BufferBinding {
            buffer: k,
            binding: next_binding,
            parts,
            element,
            written,
        });
        next_binding = next_binding
            .checked_add(parts)
            .ok_or_else(|| Error::Layout("more bindings than a u32 counts".into()))?;
    }
    // Atomic: work items read it to stop when another trapped.
    let status_binding = next_binding;
    let atomic_u32 = module.types.insert(
        Type {
            name: None,
            inner: TypeInner::Atomic(Scalar::U32),
        },
        Span::UNDEFINED,
    );
    let status_array = storage_array(&mut module, atomic_u32, 4);
    let status = global(
        &mut module,
        "status",
        AddressSpace::Storage {
            access: StorageAccess::LOAD | StorageAccess::STORE,
        },
        status_binding,
        status_array,
    );
    // The guest's static data, if the kernel reads it.
    let mut static_bindings = Vec::new();
    let (mut statics, mut statics64) = (None, None);
    if analysis.reads_statics() {
        let read = AddressSpace::Storage {
            access: StorageAccess::LOAD,
        };
        let words = storage_array(&mut module, u32_ty, 4);
        statics = Some(global(
            &mut module,
            "statics",
            read,
            status_binding + 1,
            words,
        ));
        static_bindings.push((status_binding + 1, ElementType::I32));
        if options.f64 {
            let f64_ty = scalar_type(&mut module, Scalar::F64);
            let doubles = storage_array(&mut module, f64_ty, 8);
            statics64 = Some(global(
                &mut module,
                "statics64",
                read,
                status_binding + 2,
                doubles,
            ));
            static_bindings.push((status_binding + 2, ElementType::F64));
        }
    }

    let mut func = Function {
        name: Some("main".into()),
        arguments: vec![
            FunctionArgument {
                name: Some("global_id".into()),
                ty: vec3u,
                binding: Some(Binding::BuiltIn(BuiltIn::GlobalInvocationId)),
            },
            FunctionArgument {
                name: Some("num_workgroups".into()),
                ty: vec3u,
                binding: Some(Binding::BuiltIn(BuiltIn::NumWorkGroups)),
            },
        ],
        ..Function::default()
    };
    let counter = func.local_variables.append(
        LocalVariable {
            name: Some("branch_counter".into()),
            ty: u32_ty,
            init: None,
        },
        Span::UNDEFINED,
    );
    let loop_budget = func.local_variables.append(
        LocalVariable {
            name: Some("loop_budget".into()),
            ty: u32_ty,
            init: None,
        },
        Span::UNDEFINED,
    );
    let mut b = Builder {
        module,
        func,
        emitter: Emitter::default(),
        blocks: vec![Block::new()],
        frames: vec![],
        values: vec![],
        locals: vec![],
        analysis,
        types: Types {
            i32: i32_ty,
            f32: f32_ty,
            f64: options.f64,
            i64: options.i64,
        },
        buffers: globals,
        part_shift: layout.part_bytes.max(1).trailing_zeros(),
        params,
        status,
        statics,
        statics64,
        stack: None,
        counter,
        loop_budget,
        loop_limit: options.loop_limit,
        skipping: 0,
        uses_f64: false,
        uses_i64: false,
    };
    for (i, &ty) in analysis.local_types.iter().enumerate() {
        let ty = b.local_type(ty, 0)?;
        let name = Some(format!("local{i}"));
        b.locals.push(b.func.local_variables.append(
            LocalVariable {
                name,
                ty,
                init: None,
            },
            Span::UNDEFINED,
        ));
    }
    if let Some((_, init)) = flat.stack_pointer {
        if analysis
            .accesses
            .values()
            .any(|&k| k == super::provenance::STACK)
        {
            let words = std::num::NonZeroU32::new(memory::STACK_BYTES / 4).expect("non-zero");
            let ty = b.module.types.insert(
                Type {
                    name: None,
                    inner: TypeInner::Array {
                        base: u32_ty,
                        size: ArraySize::Constant(words),
                        stride: 4,
                    },
                },
                Span::UNDEFINED,
            );
            let stack = b.func.local_variables.append(
                LocalVariable {
                    name: Some("stack".into()),
                    ty,
                    init: None,
                },
                Span::UNDEFINED,
            );
            b.stack = Some((stack, (init as u32).wrapping_sub(memory::STACK_BYTES)));
        }
    }
    b.emitter.start(&b.func.expressions);

    // The work item: id = x + y * num_workgroups.x * size; none past num_iterations.
    let gid = b.pre(Expression::FunctionArgument(0));
    let nwg = b.pre(Expression::FunctionArgument(1));
    let x = b.expr(Expression::AccessIndex {
        base: gid,
        index: 0,
    });
    let y = b.expr(Expression::AccessIndex {
        base: gid,
        index: 1,
    });
    let nx = b.expr(Expression::AccessIndex {
        base: nwg,
        index: 0,
    });
    let size = b.u32(options.workgroup_size);
    let row = b.binary(BinaryOperator::Multiply, nx, size);
    let offset = b.binary(BinaryOperator::Multiply, y, row);
    let id = b.binary(BinaryOperator::Add, x, offset);
    let params_ptr = b.pre(Expression::GlobalVariable(params));
    let n_ptr = b.expr(Expression::AccessIndex {
        base: params_ptr,
        index: 0,
    });
    let n = b.expr(Expression::Load { pointer: n_ptr });
    let block_ptr = b.expr(Expression::AccessIndex {
        base: params_ptr,
        index: 1,
    });
    let block_size = b.expr(Expression::Load { pointer: block_ptr });
    let past = b.binary(BinaryOperator::GreaterEqual, id, n);
    let mut done = Block::new();
    done.push(Statement::Return { value: None }, Span::UNDEFINED);
    b.stmt(Statement::If {
        condition: past,
        accept: done,
        reject: Block::new(),
    });
    // A launch one of whose work items trapped is over: the others that have not started yet
    // do not.
    b.return_if_trapped();
    for (i, value) in [id, n, block_size].into_iter().enumerate() {
        let v = b.cast(value, ScalarKind::Sint, None);
        b.store_local(b.locals[i], v);
    }
    // Locals start at zero, a constant the driver must not see: float ones for the reason
    // `float_constant` gives, integer ones because lavapipe also misfolds integer expressions
    // on a known zero (a sign-extended zero compared with a sign-extended wrapped i64, in the
    // differential test's seed 1113 at size 2).
    for (i, &ty) in analysis
        .local_types
        .iter()
        .enumerate()
        .skip(3 + 2 * buffers)
    {
        let zero = match ty {
            ValType::F32 | ValType::F64 => b.float_constant(ty, 0),
            ValType::I32 => {
                let zero = b.i32(0);
                b.opaque(zero, ScalarKind::Sint, 4)
            }
            ValType::I64 => {
                let zero = b.int(ValType::I64, 0);
                b.opaque(zero, ScalarKind::Sint, 8)
            }
            ValType::V128 => {
                let zero = b.u32(0);
                let zero = b.opaque(zero, ScalarKind::Uint, 4);
                b.expr(Expression::Splat {
                    size: VectorSize::Quad,
                    value: zero,
                })
            }
            _ => continue,
        };
        b.store_local(b.locals[i], zero);
    }
    // The launch's budget; on a device that leaves a loop without a trace after its `limit`th
    // iteration, at most `limit - 1`, so that a work item traps when it starts the iteration the
    // device would end.
    let budget = b.budget_param();
    let budget = match options.loop_limit {
        Some(limit) => {
            let device = b.u32(limit.saturating_sub(1));
            b.expr(Expression::Math {
                fun: MathFunction::Min,
                arg: budget,
                arg1: Some(device),
                arg2: None,
                arg3: None,
            })
        }
        None => budget,
    };
    b.store_local(b.loop_budget, budget);
    if let Some((sp, init)) = flat.stack_pointer {
        // The stack pointer starts where the guest's does; stack addresses are real addresses.
        let value = b.i32(init);
        b.store_local(b.locals[sp as usize], value);
    }
    for k in 0..buffers {
        // Pointers are offsets from their buffer's start: 0. Lengths are the binding's bytes.
        let zero = b.i32(0);
        b.store_local(b.locals[3 + 2 * k], zero);
        let target = b.buffer_target(k as u32);
        let elements = b.element_count(target);
        let stride = b.u32(analysis.elements[k].unwrap_or(ElementType::I32).size());
        let bytes = b.binary(BinaryOperator::Multiply, elements, stride);
        let bytes = b.cast(bytes, ScalarKind::Sint, None);
        b.store_local(b.locals[4 + 2 * k], bytes);
    }

    b.frames.push(Frame {
        kind: FrameKind::Function,
        height: 0,
        results: vec![],
        result_types: vec![],
        unreachable: false,
        crossed: false,
        condition: None,
        accept: None,
    });
    for (at, (op, offset)) in flat.ops.iter().enumerate() {
        b.operator(op, at, *offset, cx)?;
    }
    b.flush();
    let uses_f64 =
        b.uses_f64 || b.statics64.is_some() || analysis.elements.contains(&Some(ElementType::F64));
    let uses_i64 = b.uses_i64
        || analysis.elements.contains(&Some(ElementType::I64))
        || analysis.elements.contains(&Some(ElementType::AtomicU64));
    if uses_f64 && !options.f64 {
        return Err(Error::MissingFeature("64-bit floats"));
    }
    if uses_i64 && !options.i64 {
        return Err(Error::MissingFeature("64-bit integers"));
    }
    let mut module = b.module;
    let mut func = b.func;
    func.body = b.blocks.pop().expect("the function block");
    module.entry_points.push(EntryPoint {
        name: "main".into(),
        stage: ShaderStage::Compute,
        early_depth_test: None,
        workgroup_size: [options.workgroup_size, 1, 1],
        workgroup_size_overrides: None,
        function: func,
        mesh_info: None,
        task_payload: None,
        incoming_ray_payload: None,
    });
    let mut capabilities = naga::valid::Capabilities::empty();
    if analysis.elements.contains(&Some(ElementType::AtomicU64)) {
        capabilities |= naga::valid::Capabilities::SHADER_INT64_ATOMIC_ALL_OPS;
    }
    if uses_f64 {
        capabilities |= naga::valid::Capabilities::FLOAT64;
    }
    if uses_i64 {
        capabilities |= naga::valid::Capabilities::SHADER_INT64;
    }
    let info = naga::valid::Validator::new(naga::valid::ValidationFlags::all(), capabilities)
        .validate(&module)
        .map_err(|e| Error::Validation(format!("{:?}", e.into_inner())))?;
    Ok(Translation {
        module,
        info,
        workgroup_size: options.workgroup_size,
        params_binding: 0,
        status_binding,
        buffers: bindings,
        static_bindings,
    })
}
