//! Element-wise operators: arithmetic with broadcasting, comparisons, logic, activations, casts.

use super::{
    bits, broadcast, broadcast_strides, input, known_scalar, new_params, optional, padded_dims,
    padded_strides, put, scalar,
};
use crate::abi::{self, binop, cmp, logic, unary};
use crate::graph::{Builder, ValueId};
use crate::model::Node;
use crate::tensor::DType;
use crate::Error;

/// The operator codes of `binary_*`.
fn binop_code(op: &str) -> i32 {
    match op {
        "Add" | "Sum" | "Mean" => binop::ADD,
        "Sub" => binop::SUB,
        "Mul" => binop::MUL,
        "Div" => binop::DIV,
        "Max" => binop::MAX,
        "Min" => binop::MIN,
        "Pow" => binop::POW,
        "PRelu" => binop::PRELU,
        "Mod" => binop::MOD,
        // Mod with fmod = 1 of integers: the remainder has the dividend's sign. (Of floats, Mod
        // is always this.)
        "Fmod" => binop::FMOD,
        _ => unreachable!("not a binary operator: {op}"),
    }
}

/// The parameters of the broadcasting kernels ([`abi::broadcast`]) for operator `op` on inputs
/// of shapes `a` and `b` broadcast to `out`.
fn broadcast_params(op: i32, a: &[usize], b: &[usize], out: &[usize]) -> Result<Vec<i32>, Error> {
    use abi::broadcast::{A_STRIDES, B_STRIDES, CONTIGUOUS, DIMS, LEN, OP};
    let (dims, strides) =
        super::collapse(out, &[broadcast_strides(a, out), broadcast_strides(b, out)]);
    let mut p = new_params(LEN);
    p[OP] = op;
    put(&mut p, DIMS, &padded_dims(&dims)?);
    put(&mut p, A_STRIDES, &padded_strides(&strides[0]));
    put(&mut p, B_STRIDES, &padded_strides(&strides[1]));
    p[CONTIGUOUS] = (a == out && b == out) as i32;
    Ok(p)
}

/// Emits `a op b`.
pub(crate) fn emit_binary(
    b: &mut Builder,
    op: &str,
    x: ValueId,
    y: ValueId,
) -> Result<ValueId, Error> {
    let (xv, yv) = (b.value(x).clone(), b.value(y).clone());
    let code = binop_code(op);
    let int = |t: DType| matches!(t, DType::I32 | DType::I64);
    if op == "Pow" && int(xv.dtype) && matches!(yv.dtype, DType::F32 | DType::F64) {
        // An integer to a float power: computed in f32 (as the neural-network operators are)
        // and truncated back to the base's type, as numpy's `power(a, b).astype(a.dtype)`.
        // Exact while the powers fit f32's 24-bit mantissa.
        let (x32, y32) = (emit_cast(b, x, DType::F32)?, emit_cast(b, y, DType::F32)?);
        let out = emit_binary(b, "Pow", x32, y32)?;
        return emit_cast(b, out, xv.dtype);
    }
    let byte = |t: DType| matches!(t, DType::U8 | DType::I8);
    if byte(xv.dtype) && xv.dtype == yv.dtype && !matches!(op, "Pow" | "PRelu") {
        // Bytes compute as i32 (exactly), and wrap back to bytes.
        let (x32, y32) = (emit_cast(b, x, DType::I32)?, emit_cast(b, y, DType::I32)?);
        let out = emit_binary(b, op, x32, y32)?;
        return emit_cast(b, out, xv.dtype);
    }
    // Pow may raise to an exponent of another type; everything else needs one type.
    let y = if xv.dtype != yv.dtype && op == "Pow" {
        emit_cast(b, y, xv.dtype)?
    } else if xv.dtype != yv.dtype {
        return Err(Error::InvalidModel(format!(
            "{op} of {} and {}: the types must be the same",
            xv.dtype, yv.dtype
        )));
    } else {
        y
    };
    let kernel = match xv.dtype {
        DType::F32 => "binary_f32",
        DType::F64 if op != "Pow" => "binary_f64",
        DType::I32 if op != "PRelu" => "binary_i32",
        DType::I64 if op != "PRelu" => "binary_i64",
        other => return Err(Error::Unsupported(format!("{op} on {other} tensors"))),
    };
    let out_shape = if op == "PRelu" {
        // The slope broadcasts to X (unidirectionally).
        let s = broadcast(&xv.shape, &yv.shape)?;
        if s != xv.shape {
            return Err(Error::InvalidModel(format!(
                "PRelu's slope {:?} does not broadcast to X {:?}",
                yv.shape, xv.shape
            )));
        }
        s
    } else {
        broadcast(&xv.shape, &yv.shape)?
    };
    let params = broadcast_params(code, &xv.shape, &yv.shape, &out_shape)?;
    let out = b.output(xv.dtype, out_shape)?;
    let items = b.value(out).len();
    b.launch(kernel, params, &[x, y], out, items);
    Ok(out)
}

pub(crate) fn binary(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, y) = (input(inputs, 0)?, input(inputs, 1)?);
    let float = matches!(b.value(x).dtype, DType::F32 | DType::F64);
    let op = match node.op.as_str() {
        "Mod" if node.int("fmod", 0)? == 0 && float => {
            return Err(Error::InvalidModel("Mod of floats needs fmod = 1".into()))
        }
        "Mod" if node.int("fmod", 0)? != 0 && !float => "Fmod",
        op => op,
    };
    if op == "Add" {
        let fold = super::network::add_into_conv_bias;
        if let Some(out) = fold(b, x, y).or_else(|| fold(b, y, x)) {
            return Ok(vec![out]);
        }
    }
    Ok(vec![emit_binary(b, op, x, y)?])
}

/// Max, Min, Sum, Mean of any number of inputs.
pub(crate) fn variadic(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let ids: Vec<ValueId> = inputs.iter().flatten().copied().collect();
    let (&first, rest) = ids
        .split_first()
        .ok_or_else(|| Error::InvalidModel(format!("{} needs at least one input", node.op)))?;
    let mut acc = first;
    for &next in rest {
        acc = emit_binary(b, &node.op, acc, next)?;
    }
    if rest.is_empty() {
        // One input: a copy, so that the output is a tensor of its own.
        let dtype = b.value(first).dtype;
        let zero = scalar(b, dtype, 0.0)?;
        acc = emit_binary(b, "Add", first, zero)?;
    }
    if node.op == "Mean" && !rest.is_empty() {
        let dtype = b.value(acc).dtype;
        let n = scalar(b, dtype, ids.len() as f64)?;
        acc = emit_binary(b, "Div", acc, n)?;
    }
    Ok(vec![acc])
}

pub(crate) fn compare(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, y) = (input(inputs, 0)?, input(inputs, 1)?);
    let (xv, yv) = (b.value(x).clone(), b.value(y).clone());
    if xv.dtype != yv.dtype {
        return Err(Error::InvalidModel(format!(
            "{} of {} and {}: the types must be the same",
            node.op, xv.dtype, yv.dtype
        )));
    }
    let (x, y, xv) = if matches!(xv.dtype, DType::U8 | DType::I8) {
        // Bytes compare as i32.
        let (x, y) = (emit_cast(b, x, DType::I32)?, emit_cast(b, y, DType::I32)?);
        (x, y, b.value(x).clone())
    } else {
        (x, y, xv)
    };
    let kernel = match xv.dtype {
        DType::F32 => "compare_f32",
        DType::I32 => "compare_i32",
        DType::I64 => "compare_i64",
        other => {
            return Err(Error::Unsupported(format!(
                "{} on {other} tensors",
                node.op
            )))
        }
    };
    let code = match node.op.as_str() {
        "Equal" => cmp::EQUAL,
        "Less" => cmp::LESS,
        "LessOrEqual" => cmp::LESS_OR_EQUAL,
        "Greater" => cmp::GREATER,
        _ => cmp::GREATER_OR_EQUAL,
    };
    let shape = broadcast(&xv.shape, &yv.shape)?;
    let params = broadcast_params(code, &xv.shape, &yv.shape, &shape)?;
    let out = b.output(DType::Bool, shape)?;
    let items = b.value(out).len();
    b.launch(kernel, params, &[x, y], out, items);
    Ok(vec![out])
}

pub(crate) fn logic(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let y = if node.op == "Not" {
        x
    } else {
        input(inputs, 1)?
    };
    let (xv, yv) = (b.value(x).clone(), b.value(y).clone());
    if xv.dtype != DType::Bool || yv.dtype != DType::Bool {
        return Err(Error::InvalidModel(format!(
            "{} takes bool tensors",
            node.op
        )));
    }
    let code = match node.op.as_str() {
        "And" => logic::AND,
        "Or" => logic::OR,
        "Xor" => logic::XOR,
        _ => logic::NOT,
    };
    let shape = broadcast(&xv.shape, &yv.shape)?;
    let params = broadcast_params(code, &xv.shape, &yv.shape, &shape)?;
    let out = b.output(DType::Bool, shape)?;
    let items = b.value(out).len();
    b.launch("logic_u8", params, &[x, y], out, items);
    Ok(vec![out])
}

pub(crate) fn where_(
    _node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (c, x, y) = (input(inputs, 0)?, input(inputs, 1)?, input(inputs, 2)?);
    let (cv, xv, yv) = (b.value(c).clone(), b.value(x).clone(), b.value(y).clone());
    if cv.dtype != DType::Bool || xv.dtype != yv.dtype {
        return Err(Error::InvalidModel(
            "Where takes a bool condition and two tensors of one type".into(),
        ));
    }
    let shape = broadcast(&broadcast(&cv.shape, &xv.shape)?, &yv.shape)?;
    // Dimensions of size 1 do not move the index.
    let keep: Vec<usize> = (0..shape.len()).filter(|&d| shape[d] != 1).collect();
    let mut dims: Vec<usize> = keep.iter().map(|&d| shape[d]).collect();
    let mut strides: Vec<Vec<isize>> = [&cv.shape, &xv.shape, &yv.shape]
        .iter()
        .map(|s| {
            let all = broadcast_strides(s, &shape);
            keep.iter().map(|&d| all[d]).collect()
        })
        .collect();
    let kernel = match xv.dtype.size() {
        1 => "where_u8",
        4 => "where_u32",
        _ => {
            // Two words per element: one more dimension of size 2, which the condition does not
            // move along.
            dims.push(2);
            strides[0].push(0);
            for s in &mut strides[1..] {
                for v in s.iter_mut() {
                    *v *= 2;
                }
                s.push(1);
            }
            "where_u32"
        }
    };
    use abi::where_::{A_STRIDES, B_STRIDES, COND_STRIDES, DIMS, LEN};
    let mut params = new_params(LEN);
    put(&mut params, DIMS, &padded_dims(&dims)?);
    for (s, at) in strides.iter().zip([COND_STRIDES, A_STRIDES, B_STRIDES]) {
        put(&mut params, at, &padded_strides(s));
    }
    let out = b.output(xv.dtype, shape)?;
    let items = dims.iter().product();
    b.launch(kernel, params, &[c, x, y], out, items);
    Ok(vec![out])
}

/// The code of `unary_f32` that computes operator `op`.
pub(crate) fn unary_code(op: &str) -> Option<i32> {
    Some(match op {
        "Relu" => unary::RELU,
        "Sigmoid" => unary::SIGMOID,
        "Tanh" => unary::TANH,
        "Exp" => unary::EXP,
        "Log" => unary::LOG,
        "Sqrt" => unary::SQRT,
        "Neg" => unary::NEG,
        "Abs" => unary::ABS,
        "Floor" => unary::FLOOR,
        "Ceil" => unary::CEIL,
        "Reciprocal" => unary::RECIPROCAL,
        "Clip" => unary::CLIP,
        "HardSigmoid" => unary::HARD_SIGMOID,
        "HardSwish" => unary::HARD_SWISH,
        "LeakyRelu" => unary::LEAKY_RELU,
        "Elu" => unary::ELU,
        "Erf" => unary::ERF,
        "Softplus" => unary::SOFTPLUS,
        "Gelu" => unary::GELU,
        "Selu" => unary::SELU,
        "Softsign" => unary::SOFTSIGN,
        "Round" => unary::ROUND,
        "Sign" => unary::SIGN,
        "Sin" => unary::SIN,
        "Cos" => unary::COS,
        _ => return None,
    })
}

/// The parameters of `unary_f32` ([`abi::unary::params`]).
fn unary_params(code: i32, a: f32, c: f32, count: usize) -> Vec<i32> {
    let mut p = new_params(unary::params::LEN);
    p[unary::params::CODE] = code;
    p[unary::params::A] = bits(a);
    p[unary::params::B] = bits(c);
    p[unary::params::COUNT] = count as i32;
    p
}

/// The code and the two parameters of an activation node.
pub(crate) fn activation(
    node: &Node,
    b: &Builder,
    inputs: &[Option<ValueId>],
) -> Result<(i32, f32, f32), Error> {
    let code =
        unary_code(&node.op).ok_or_else(|| Error::Unsupported(format!("operator {}", node.op)))?;
    let (a, c) = match node.op.as_str() {
        "Clip" if b.opset < 11 => (
            node.float("min", f32::NEG_INFINITY)?,
            node.float("max", f32::INFINITY)?,
        ),
        "Clip" => (
            known_scalar(b, inputs, 1, "Clip's min")?.unwrap_or(f32::NEG_INFINITY),
            known_scalar(b, inputs, 2, "Clip's max")?.unwrap_or(f32::INFINITY),
        ),
        "HardSigmoid" => (node.float("alpha", 0.2)?, node.float("beta", 0.5)?),
        "LeakyRelu" => (node.float("alpha", 0.01)?, 0.0),
        "Elu" => (node.float("alpha", 1.0)?, 0.0),
        "Selu" => (
            node.float("alpha", 1.673_263_2)?,
            node.float("gamma", 1.050_701)?,
        ),
        "Gelu" => match node.string("approximate", "none")?.as_str() {
            "none" => (0.0, 0.0),
            "tanh" => return Ok((unary::GELU_TANH, 0.0, 0.0)),
            other => {
                return Err(Error::InvalidModel(format!(
                    "Gelu with approximate = {other}"
                )))
            }
        },
        _ => (0.0, 0.0),
    };
    Ok((code, a, c))
}

pub(crate) fn unary(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let xv = b.value(x).clone();
    let runtime_bounds = node.op == "Clip"
        && b.opset >= 11
        && [1, 2].iter().any(|&k| bound_at_run_time(b, inputs, k));
    let integer = matches!(xv.dtype, DType::I32 | DType::I64 | DType::U8 | DType::I8);
    if node.op == "Clip" && (runtime_bounds || integer) {
        return Ok(vec![clip_binary(node, b, inputs)?]);
    }
    match (node.op.as_str(), xv.dtype) {
        (_, DType::F32) => {}
        // The exact integer ones, with the arithmetic kernels.
        ("Neg" | "Abs" | "Relu", DType::I32 | DType::I64) => {
            let zero = scalar(b, xv.dtype, 0.0)?;
            let out = match node.op.as_str() {
                "Neg" => emit_binary(b, "Sub", zero, x)?,
                "Relu" => emit_binary(b, "Max", x, zero)?,
                _ => {
                    let neg = emit_binary(b, "Sub", zero, x)?;
                    emit_binary(b, "Max", x, neg)?
                }
            };
            return Ok(vec![out]);
        }
        // f64 computes in f32, as the neural-network operators do (see the crate docs).
        (_, DType::F64) => {
            let x32 = emit_cast(b, x, DType::F32)?;
            let (code, p1, p2) = activation(node, b, inputs)?;
            let out = b.output(DType::F32, xv.shape.clone())?;
            b.launch(
                "unary_f32",
                unary_params(code, p1, p2, xv.len()),
                &[x32],
                out,
                xv.len(),
            );
            return Ok(vec![emit_cast(b, out, DType::F64)?]);
        }
        (op, other) => return Err(Error::Unsupported(format!("{op} on {other} tensors"))),
    }
    let (code, p1, p2) = activation(node, b, inputs)?;
    // An activation right after the convolution that alone reads it runs inside that launch.
    // Only the piecewise-linear activations (see `abi::unary`).
    let linear = matches!(
        node.op.as_str(),
        "Relu" | "Clip" | "HardSigmoid" | "HardSwish" | "LeakyRelu"
    );
    if let Some(slots) = super::network::fusable_conv(b, x).filter(|_| linear) {
        let last = b.steps.last_mut().expect("fusable_conv found it");
        last.params[slots.act] = code;
        last.params[slots.act_a] = bits(p1);
        last.params[slots.act_b] = bits(p2);
        return Ok(vec![b.view(x, xv.shape)?]);
    }
    let out = b.output(DType::F32, xv.shape.clone())?;
    b.launch(
        "unary_f32",
        unary_params(code, p1, p2, xv.len()),
        &[x],
        out,
        xv.len(),
    );
    Ok(vec![out])
}

/// Whether Clip's bound `k` is given and known only at run time.
fn bound_at_run_time(b: &Builder, inputs: &[Option<ValueId>], k: usize) -> bool {
    optional(inputs, k).is_some_and(|id| b.konst(id).is_none())
}

/// Clip as Max with the lower bound and Min with the upper one: for bounds known only at run time,
/// and for integers.
fn clip_binary(node: &Node, b: &mut Builder, inputs: &[Option<ValueId>]) -> Result<ValueId, Error> {
    let x = input(inputs, 0)?;
    let dtype = b.value(x).dtype;
    let bound = |b: &mut Builder, k: usize, attr: &str| -> Result<Option<ValueId>, Error> {
        if b.opset >= 11 {
            return Ok(optional(inputs, k));
        }
        match node.attrs.contains_key(attr) {
            true => Ok(Some(scalar(b, dtype, node.float(attr, 0.0)? as f64)?)),
            false => Ok(None),
        }
    };
    let (lo, hi) = (bound(b, 1, "min")?, bound(b, 2, "max")?);
    for id in [lo, hi].into_iter().flatten() {
        if b.value(id).len() != 1 {
            return Err(Error::InvalidModel("Clip's bounds must be scalars".into()));
        }
    }
    let mut acc = x;
    if let Some(lo) = lo {
        acc = emit_binary(b, "Max", acc, lo)?;
    }
    if let Some(hi) = hi {
        acc = emit_binary(b, "Min", acc, hi)?;
    }
    if acc == x {
        let shape = b.value(x).shape.clone();
        acc = b.view(x, shape)?;
    }
    Ok(acc)
}

/// Emits a conversion of `x` to `to` (a view when it already is).
pub(crate) fn emit_cast(b: &mut Builder, x: ValueId, to: DType) -> Result<ValueId, Error> {
    let xv = b.value(x).clone();
    if xv.dtype == to {
        return b.view(x, xv.shape);
    }
    let out = b.output(to, xv.shape.clone())?;
    let mut params = new_params(abi::cast::LEN);
    params[abi::cast::FROM] = xv.dtype.onnx_code();
    params[abi::cast::TO] = to.onnx_code();
    params[abi::cast::COUNT] = xv.len() as i32;
    b.launch("cast", params, &[x], out, xv.len());
    Ok(out)
}

pub(crate) fn cast(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let to = if node.op == "CastLike" {
        b.value(input(inputs, 1)?).dtype
    } else {
        DType::from_onnx(node.int("to", 0)? as i32)?
    };
    Ok(vec![emit_cast(b, x, to)?])
}
