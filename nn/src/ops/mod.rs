//! The operators: each infers its outputs' types and shapes and emits the launches of the
//! kernels in `nn/wasm-kernels/kernels.rs` that compute them, with parameter blocks laid out as
//! [`crate::abi`] says.
//!
//! An operator's handler gets the node, the [`Builder`] and its inputs (absent optional inputs are
//! `None`) and returns its outputs. Inputs that select behaviour rather than carry data (Reshape's
//! shape, Slice's starts, Clip's bounds) must be known when the plan is made: constants, computed
//! from constants and shapes (which the planner folds), or small graph inputs, which a model that
//! needs them gets planned per value of (see `Prepared::run`).

mod attention;
mod composed;
mod contrib;
mod conv_transpose;
mod einsum;
mod elementwise;
mod indexing;
mod movement;
mod network;
mod quantize;
mod recurrent;
mod resize;
mod spectral;

use crate::abi::RANK;
use crate::graph::{Builder, ValueId};
use crate::model::Node;
use crate::tensor::{DType, Tensor};
use crate::Error;

type Handler = fn(&Node, &mut Builder, &[Option<ValueId>]) -> Result<Vec<ValueId>, Error>;

/// Every operator implemented, by ONNX name.
const OPERATORS: &[(&str, Handler)] = &[
    // Element-wise.
    ("Add", elementwise::binary),
    ("Sub", elementwise::binary),
    ("Mul", elementwise::binary),
    ("Div", elementwise::binary),
    ("Pow", elementwise::binary),
    ("Mod", elementwise::binary),
    ("PRelu", elementwise::binary),
    ("Max", elementwise::variadic),
    ("Min", elementwise::variadic),
    ("Sum", elementwise::variadic),
    ("Mean", elementwise::variadic),
    ("Equal", elementwise::compare),
    ("Less", elementwise::compare),
    ("LessOrEqual", elementwise::compare),
    ("Greater", elementwise::compare),
    ("GreaterOrEqual", elementwise::compare),
    ("And", elementwise::logic),
    ("Or", elementwise::logic),
    ("Xor", elementwise::logic),
    ("Not", elementwise::logic),
    ("Where", elementwise::where_),
    ("Relu", elementwise::unary),
    ("Sigmoid", elementwise::unary),
    ("Tanh", elementwise::unary),
    ("Exp", elementwise::unary),
    ("Log", elementwise::unary),
    ("Sqrt", elementwise::unary),
    ("Neg", elementwise::unary),
    ("Abs", elementwise::unary),
    ("Floor", elementwise::unary),
    ("Ceil", elementwise::unary),
    ("Reciprocal", elementwise::unary),
    ("Clip", elementwise::unary),
    ("HardSigmoid", elementwise::unary),
    ("HardSwish", elementwise::unary),
    ("LeakyRelu", elementwise::unary),
    ("Elu", elementwise::unary),
    ("Erf", elementwise::unary),
    ("Softplus", elementwise::unary),
    ("Gelu", elementwise::unary),
    ("Selu", elementwise::unary),
    ("Softsign", elementwise::unary),
    ("Round", elementwise::unary),
    ("Sign", elementwise::unary),
    ("Sin", elementwise::unary),
    ("Cos", elementwise::unary),
    ("Cast", elementwise::cast),
    ("CastLike", elementwise::cast),
    // Neural-network operators.
    ("Conv", network::conv),
    ("ConvTranspose", conv_transpose::conv_transpose),
    ("MaxPool", network::pool),
    ("AveragePool", network::pool),
    ("GlobalAveragePool", network::global_pool),
    ("GlobalMaxPool", network::global_pool),
    ("BatchNormalization", network::batch_norm),
    ("Gemm", network::gemm),
    ("MatMul", network::matmul),
    ("Softmax", network::softmax),
    ("LogSoftmax", network::softmax),
    ("Hardmax", network::softmax),
    ("ReduceSum", network::reduce),
    ("ReduceMean", network::reduce),
    ("ReduceMax", network::reduce),
    ("ReduceMin", network::reduce),
    ("ReduceProd", network::reduce),
    ("ReduceSumSquare", network::reduce),
    ("ReduceL1", network::reduce),
    ("ReduceL2", network::reduce),
    ("ReduceLogSumExp", network::reduce),
    ("ArgMax", network::arg_reduce),
    ("ArgMin", network::arg_reduce),
    ("LayerNormalization", network::layer_norm),
    ("LRN", network::lrn),
    ("Attention", attention::attention),
    ("Einsum", einsum::einsum),
    ("DFT", spectral::dft),
    ("STFT", spectral::stft),
    ("HannWindow", spectral::window),
    ("HammingWindow", spectral::window),
    ("BlackmanWindow", spectral::window),
    ("MelWeightMatrix", spectral::mel_weight_matrix),
    ("RotaryEmbedding", attention::rotary_embedding),
    // Quantised models.
    ("QuantizeLinear", quantize::quantize_linear),
    ("DequantizeLinear", quantize::dequantize_linear),
    ("DynamicQuantizeLinear", quantize::dynamic_quantize_linear),
    ("MatMulInteger", quantize::matmul_integer),
    ("ConvInteger", quantize::conv_integer),
    ("QLinearMatMul", quantize::qlinear_matmul),
    ("QLinearConv", quantize::qlinear_conv),
    (crate::rewrite::FAKE_QUANTIZE, quantize::fake_quantize),
    ("Resize", resize::resize),
    ("Upsample", resize::resize),
    // Shapes and data movement.
    ("Constant", movement::constant),
    ("Identity", movement::identity),
    ("Dropout", movement::identity),
    ("Shape", movement::shape),
    ("Size", movement::size),
    ("Reshape", movement::reshape),
    ("Flatten", movement::flatten),
    ("Squeeze", movement::squeeze),
    ("Unsqueeze", movement::unsqueeze),
    ("Transpose", movement::transpose),
    ("Concat", movement::concat),
    ("Split", movement::split),
    ("Slice", movement::slice),
    ("Gather", movement::gather),
    ("Expand", movement::expand),
    ("Pad", movement::pad),
    ("ConstantOfShape", movement::constant_of_shape),
    ("Range", movement::range),
    ("GatherElements", indexing::gather_elements),
    ("ScatterElements", indexing::scatter),
    ("Scatter", indexing::scatter),
    ("ScatterND", indexing::scatter),
    ("CumSum", indexing::cumsum),
    ("CumProd", indexing::cumsum),
    ("TopK", indexing::topk),
    ("LSTM", recurrent::lstm),
    ("GRU", recurrent::gru),
    ("RNN", recurrent::rnn),
    // Written with the operators above.
    ("Mish", composed::function),
    ("Swish", composed::function),
    ("Celu", composed::function),
    ("ThresholdedRelu", composed::function),
    ("Shrink", composed::function),
    ("IsNaN", composed::function),
    ("IsInf", composed::function),
    ("Tan", composed::function),
    ("Sinh", composed::function),
    ("Cosh", composed::function),
    ("Asinh", composed::function),
    ("Acosh", composed::function),
    ("Atanh", composed::function),
    ("InstanceNormalization", composed::normalisation),
    ("GroupNormalization", composed::normalisation),
    ("MeanVarianceNormalization", composed::normalisation),
    ("RMSNormalization", composed::normalisation),
    ("LpNormalization", composed::normalisation),
    ("ReduceLogSum", composed::normalisation),
    ("DepthToSpace", composed::movement),
    ("SpaceToDepth", composed::movement),
    ("Tile", composed::movement),
    ("Trilu", composed::movement),
    ("OneHot", composed::movement),
    ("ReverseSequence", composed::reverse_sequence),
    ("GatherND", composed::gather_nd),
    ("EyeLike", composed::eye_like),
    // ONNX Runtime's operators, as its optimiser saves them.
    ("com.microsoft.FusedConv", contrib::fused_conv),
    ("com.microsoft.FusedGemm", contrib::fused_gemm),
    ("com.microsoft.FusedMatMul", contrib::fused_matmul),
    ("com.microsoft.Gelu", contrib::gelu),
    ("com.microsoft.BiasGelu", contrib::gelu),
    ("com.microsoft.FastGelu", contrib::gelu),
    ("com.microsoft.QuickGelu", contrib::gelu),
    (
        "com.microsoft.SkipLayerNormalization",
        contrib::skip_layer_norm,
    ),
    (
        "com.microsoft.SkipSimplifiedLayerNormalization",
        contrib::skip_layer_norm,
    ),
    (
        "SimplifiedLayerNormalization",
        contrib::simplified_layer_norm,
    ),
    ("com.microsoft.QGemm", contrib::qgemm),
    ("com.microsoft.QLinearSoftmax", contrib::qlinear_softmax),
];

/// Control flow, which the planner itself handles (see `plan.rs`): If chooses a branch, Loop
/// and Scan are unrolled.
const CONTROL_FLOW: &[&str] = &["If", "Loop", "Scan"];

pub(crate) use composed::{apply, slice};

/// Whether an ONNX operator is implemented.
pub fn is_supported(op: &str) -> bool {
    OPERATORS.iter().any(|(name, _)| *name == op) || CONTROL_FLOW.contains(&op)
}

/// Runs `op` with a 1-byte tensor (u8, i8, bool) widened to i32 and its result narrowed back, so
/// that the word-moving kernels serve bytes too.
pub(crate) fn via_i32(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
    widen: &[usize],
    op: Handler,
) -> Result<Vec<ValueId>, Error> {
    let dtype = b.value(input(inputs, widen[0])?).dtype;
    let mut converted = inputs.to_vec();
    for &k in widen {
        converted[k] = Some(elementwise::emit_cast(b, input(inputs, k)?, DType::I32)?);
    }
    let mut outs = op(node, b, &converted)?;
    outs[0] = elementwise::emit_cast(b, outs[0], dtype)?;
    Ok(outs)
}

/// A possibly negative axis of a tensor of `rank`, normalised.
pub(crate) fn normalise_axis(a: i64, rank: usize) -> Result<usize, Error> {
    axis(a, rank)
}

/// The names of every implemented operator.
pub fn supported() -> impl Iterator<Item = &'static str> {
    OPERATORS
        .iter()
        .map(|(name, _)| *name)
        .chain(CONTROL_FLOW.iter().copied())
}

/// Plans one node.
pub(crate) fn plan(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let handler = OPERATORS
        .iter()
        .find(|(name, _)| *name == node.op)
        .map(|(_, h)| *h)
        .ok_or_else(|| Error::Unsupported(format!("operator {}", node.op)))?;
    handler(node, b, inputs)
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the operators.

/// Input `k`, which the operator requires.
pub(crate) fn input(inputs: &[Option<ValueId>], k: usize) -> Result<ValueId, Error> {
    inputs
        .get(k)
        .copied()
        .flatten()
        .ok_or_else(|| Error::InvalidModel(format!("input {k} is missing")))
}

/// Input `k` if given.
pub(crate) fn optional(inputs: &[Option<ValueId>], k: usize) -> Option<ValueId> {
    inputs.get(k).copied().flatten()
}

/// The integer contents of input `k`, which must be known when the plan is made.
pub(crate) fn known_ints(
    b: &Builder,
    inputs: &[Option<ValueId>],
    k: usize,
    what: &str,
) -> Result<Option<Vec<i64>>, Error> {
    let Some(id) = optional(inputs, k) else {
        return Ok(None);
    };
    match b.konst(id) {
        Some(t) => t.to_i64().map(Some),
        None => Err(Error::Unsupported(format!(
            "{what} (input {k}) computed at run time; it must be a constant or depend only on shapes"
        ))),
    }
}

/// The float contents of input `k` (of any float type), which must be known when the plan is made.
pub(crate) fn known_floats(
    b: &Builder,
    inputs: &[Option<ValueId>],
    k: usize,
    what: &str,
) -> Result<Option<Vec<f32>>, Error> {
    let Some(id) = optional(inputs, k) else {
        return Ok(None);
    };
    match b.konst(id) {
        Some(t) if matches!(t.dtype, DType::F32 | DType::F64) => Ok(Some(t.to_f32())),
        Some(t) => Err(Error::InvalidModel(format!(
            "{what} (input {k}) is {}, not a float tensor",
            t.dtype
        ))),
        None => Err(Error::Unsupported(format!(
            "{what} (input {k}) computed at run time; it must be a constant or depend only on shapes"
        ))),
    }
}

/// The float contents of input `k`, which must be known when the plan is made.
pub(crate) fn known_scalar(
    b: &Builder,
    inputs: &[Option<ValueId>],
    k: usize,
    what: &str,
) -> Result<Option<f32>, Error> {
    let Some(id) = optional(inputs, k) else {
        return Ok(None);
    };
    match b.konst(id) {
        Some(t) if t.len() == 1 => Ok(Some(t.to_f32()[0])),
        Some(_) => Err(Error::InvalidModel(format!(
            "{what} (input {k}) is not a scalar"
        ))),
        None => Err(Error::Unsupported(format!(
            "{what} (input {k}) computed at run time; it must be a constant"
        ))),
    }
}

/// Normalises a possibly negative axis.
pub(crate) fn axis(axis: i64, rank: usize) -> Result<usize, Error> {
    let a = if axis < 0 { axis + rank as i64 } else { axis };
    if a < 0 || a as usize >= rank.max(1) {
        return Err(Error::InvalidModel(format!(
            "axis {axis} is out of range for rank {rank}"
        )));
    }
    Ok(a as usize)
}

/// The broadcast of two shapes (numpy rules).
pub(crate) fn broadcast(a: &[usize], b: &[usize]) -> Result<Vec<usize>, Error> {
    let rank = a.len().max(b.len());
    let dim = |s: &[usize], d: usize| {
        if d + s.len() < rank {
            1
        } else {
            s[d + s.len() - rank]
        }
    };
    (0..rank)
        .map(|d| match (dim(a, d), dim(b, d)) {
            (x, y) if x == y => Ok(x),
            (1, y) => Ok(y),
            (x, 1) => Ok(x),
            (x, y) => Err(Error::InvalidInput(format!(
                "shapes {a:?} and {b:?} do not broadcast (dimension {d}: {x} against {y})"
            ))),
        })
        .collect()
}

/// A launch's parameter block of `len` slots (a `LEN` of [`crate::abi`]), all 0, for the caller
/// to fill in by slot.
pub(crate) fn new_params(len: usize) -> Vec<i32> {
    vec![0; len]
}

/// Writes `values` into `params` from slot `at` on.
pub(crate) fn put(params: &mut [i32], at: usize, values: &[i32]) {
    params[at..at + values.len()].copy_from_slice(values);
}

/// `dims` padded on the left to [`RANK`] with 1s.
pub(crate) fn padded_dims(dims: &[usize]) -> Result<Vec<i32>, Error> {
    if dims.len() > RANK {
        return Err(Error::Unsupported(format!(
            "tensors of rank {} (at most {RANK})",
            dims.len()
        )));
    }
    let mut out = vec![1; RANK - dims.len()];
    out.extend(dims.iter().map(|&d| d as i32));
    Ok(out)
}

/// `strides` padded on the left to [`RANK`] with 0s.
pub(crate) fn padded_strides(strides: &[isize]) -> Vec<i32> {
    let mut out = vec![0; RANK - strides.len().min(RANK)];
    out.extend(strides.iter().map(|&s| s as i32));
    out
}

/// The strides of a tensor of `shape`, padded to [`RANK`] as the kernels take them.
pub(crate) fn padded_shape_strides(shape: &[usize]) -> Vec<i32> {
    let own: Vec<isize> = crate::tensor::strides(shape)
        .iter()
        .map(|&s| s as isize)
        .collect();
    padded_strides(&own)
}

/// The strides with which a tensor of `shape` is read when broadcast to `out` (0 where it is
/// broadcast), one per dimension of `out`.
pub(crate) fn broadcast_strides(shape: &[usize], out: &[usize]) -> Vec<isize> {
    let own = crate::tensor::strides(shape);
    let offset = out.len() - shape.len();
    (0..out.len())
        .map(|d| {
            if d < offset || shape[d - offset] == 1 {
                0
            } else {
                own[d - offset] as isize
            }
        })
        .collect()
}

/// A float parameter word.
pub(crate) fn bits(x: f32) -> i32 {
    x.to_bits() as i32
}

/// A scalar f32 constant.
pub(crate) fn scalar(b: &mut Builder, dtype: DType, value: f64) -> Result<ValueId, Error> {
    let bytes: Vec<u8> = match dtype {
        DType::F32 => (value as f32).to_le_bytes().to_vec(),
        DType::F64 => value.to_le_bytes().to_vec(),
        DType::I32 => (value as i32).to_le_bytes().to_vec(),
        DType::I64 => (value as i64).to_le_bytes().to_vec(),
        DType::U8 | DType::Bool => vec![value as u8],
        DType::I8 => vec![value as i8 as u8],
    };
    Ok(b.constant(Tensor::new(dtype, vec![], bytes)?))
}

/// Merges adjacent dimensions that every operand walks contiguously (or broadcasts along both),
/// so that strided kernels split an index over as few dimensions as possible. `strides` holds one
/// stride list per operand, each as long as `dims`.
pub(crate) fn collapse(dims: &[usize], strides: &[Vec<isize>]) -> (Vec<usize>, Vec<Vec<isize>>) {
    let mut out_dims: Vec<usize> = Vec::new();
    let mut out_strides: Vec<Vec<isize>> = vec![Vec::new(); strides.len()];
    for d in 0..dims.len() {
        if dims[d] == 1 {
            continue;
        }
        let mergeable = !out_dims.is_empty()
            && strides.iter().enumerate().all(|(k, s)| {
                *out_strides[k].last().expect("as long as out_dims") == s[d] * dims[d] as isize
            });
        if mergeable {
            *out_dims.last_mut().expect("not empty") *= dims[d];
            for (k, s) in strides.iter().enumerate() {
                *out_strides[k].last_mut().expect("not empty") = s[d];
            }
        } else {
            out_dims.push(dims[d]);
            for (k, s) in strides.iter().enumerate() {
                out_strides[k].push(s[d]);
            }
        }
    }
    (out_dims, out_strides)
}
