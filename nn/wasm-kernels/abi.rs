//! The contract between nn's operator kernels and the host that launches them: operator codes,
//! the rank of the strided index arithmetic, and which slot of a launch's parameter block holds
//! what.
//!
//! # Why
//! The kernels (`kernels.rs` beside this file) are built for wasm32 by `nn/build.rs`; the host
//! side (the operators in `nn/src/ops/`, which fill parameter blocks, and the native kernels in
//! `nn/src/native/`, which read them) is built for the host. Both include this one file, with
//! `#[path = "..."] mod abi;`, so a code or a slot is defined once and the two sides cannot
//! drift apart.
//!
//! # How
//! Every kernel reads its parameters from buffer 0, an `i32` array, starting at the word its
//! `block` argument gives; floats travel as their bits. A module per parameter layout names the
//! slots (`usize` offsets into the block) and says how long the block is (`LEN`); a module per set
//! of codes names the values (`i32`) a slot takes. Arrays of [`RANK`] dimensions or strides are
//! padded on the left (sizes with 1, strides with 0), so that the index arithmetic has no loop
//! bound to look up.
//!
//! This file is plain constants: no `use`, no dependencies, nothing but `core`, so that it
//! compiles as a module of the `no_std`-style kernels and of the host crate alike.

/// The rank every strided kernel works in.
pub const RANK: usize = 6;

/// Element-wise functions: the codes of `unary_f32`, and the activations a convolution applies
/// in its own launch (only the piecewise-linear ones there: `RELU`, `CLIP`, `HARD_SIGMOID`,
/// `HARD_SWISH`, `LEAKY_RELU`; others leave the value as it is).
pub mod unary {
    pub const RELU: i32 = 0;
    pub const SIGMOID: i32 = 1;
    pub const TANH: i32 = 2;
    pub const EXP: i32 = 3;
    pub const LOG: i32 = 4;
    pub const SQRT: i32 = 5;
    pub const NEG: i32 = 6;
    pub const ABS: i32 = 7;
    pub const FLOOR: i32 = 8;
    pub const CEIL: i32 = 9;
    pub const RECIPROCAL: i32 = 10;
    /// Parameters: the lower and the upper bound.
    pub const CLIP: i32 = 11;
    /// Parameters: alpha and beta.
    pub const HARD_SIGMOID: i32 = 12;
    pub const HARD_SWISH: i32 = 13;
    /// Parameter: alpha.
    pub const LEAKY_RELU: i32 = 14;
    /// Parameter: alpha.
    pub const ELU: i32 = 15;
    pub const ERF: i32 = 16;
    pub const SOFTPLUS: i32 = 17;
    /// No activation: what a convolution applies until one is fused into it.
    pub const IDENTITY: i32 = 18;
    pub const GELU: i32 = 19;
    /// Parameters: alpha and gamma.
    pub const SELU: i32 = 20;
    pub const SOFTSIGN: i32 = 21;
    pub const ROUND: i32 = 22;
    pub const SIGN: i32 = 23;
    pub const SIN: i32 = 24;
    pub const COS: i32 = 25;
    /// Gelu with the tanh approximation.
    pub const GELU_TANH: i32 = 26;
    /// QuantizeLinear to u8 then DequantizeLinear, with one scale and zero point (parameters:
    /// the scale, and the zero point as a float): what QDQ models do to activations.
    pub const FAKE_QUANT_U8: i32 = 27;
    /// The same through i8.
    pub const FAKE_QUANT_I8: i32 = 28;

    /// `unary_f32`'s parameters: `[code, a, b, count]`.
    pub mod params {
        pub const CODE: usize = 0;
        /// The function's two parameters (as float bits).
        pub const A: usize = 1;
        pub const B: usize = 2;
        /// The elements (the work items; for the CPU's native version, which sees whole
        /// buffers).
        pub const COUNT: usize = 3;
        pub const LEN: usize = 4;
    }
}

/// The codes of `binary_*`.
pub mod binop {
    pub const ADD: i32 = 0;
    pub const SUB: i32 = 1;
    pub const MUL: i32 = 2;
    pub const DIV: i32 = 3;
    pub const MAX: i32 = 4;
    pub const MIN: i32 = 5;
    pub const POW: i32 = 6;
    pub const PRELU: i32 = 7;
    /// The remainder with the divisor's sign (ONNX Mod with fmod = 0; for floats, with the
    /// dividend's sign).
    pub const MOD: i32 = 8;
    /// The remainder with the dividend's sign (ONNX Mod with fmod = 1, for integers).
    pub const FMOD: i32 = 9;
}

/// The codes of `compare_*`.
pub mod cmp {
    pub const EQUAL: i32 = 0;
    pub const LESS: i32 = 1;
    pub const LESS_OR_EQUAL: i32 = 2;
    pub const GREATER: i32 = 3;
    pub const GREATER_OR_EQUAL: i32 = 4;
}

/// The codes of `logic_u8`.
pub mod logic {
    pub const AND: i32 = 0;
    pub const OR: i32 = 1;
    pub const XOR: i32 = 2;
    /// Of the first input.
    pub const NOT: i32 = 3;
}

/// The parameters of the two-input broadcasting kernels (`binary_*`, `compare_*`, `logic_u8`):
/// `[op, dims[RANK], a_strides[RANK], b_strides[RANK], contiguous]`. When `contiguous` is 1 both
/// inputs have the output's shape and the strides are not read.
pub mod broadcast {
    use super::RANK;

    /// The operator: a code of [`super::binop`], [`super::cmp`] or [`super::logic`].
    pub const OP: usize = 0;
    pub const DIMS: usize = 1;
    pub const A_STRIDES: usize = DIMS + RANK;
    pub const B_STRIDES: usize = A_STRIDES + RANK;
    pub const CONTIGUOUS: usize = B_STRIDES + RANK;
    pub const LEN: usize = CONTIGUOUS + 1;
}

/// `where_*`'s parameters: `[dims[RANK], cond_strides[RANK], a_strides[RANK], b_strides[RANK]]`.
/// (8-byte elements are pairs of 32-bit ones, with one more dimension.)
pub mod where_ {
    use super::RANK;

    pub const DIMS: usize = 0;
    pub const COND_STRIDES: usize = DIMS + RANK;
    pub const A_STRIDES: usize = COND_STRIDES + RANK;
    pub const B_STRIDES: usize = A_STRIDES + RANK;
    pub const LEN: usize = B_STRIDES + RANK;
}

/// `copy_*`'s parameters: `[dims[RANK], in_strides[RANK], out_strides[RANK], in_base,
/// out_base]`. Work item `i` is split over `dims`; it reads `x[in_base + i . in_strides]` and
/// writes `y[out_base + i . out_strides]`.
pub mod copy {
    use super::RANK;

    pub const DIMS: usize = 0;
    pub const IN_STRIDES: usize = DIMS + RANK;
    pub const OUT_STRIDES: usize = IN_STRIDES + RANK;
    pub const IN_BASE: usize = OUT_STRIDES + RANK;
    pub const OUT_BASE: usize = IN_BASE + 1;
    pub const LEN: usize = OUT_BASE + 1;
}

/// `gather_u32`'s parameters: `[axis_len, inner, indices, index_words, outer]`, where `inner`
/// counts words and `index_words` is 1 for i32 indices and 2 for i64 ones.
pub mod gather {
    pub const AXIS_LEN: usize = 0;
    pub const INNER: usize = 1;
    pub const INDICES: usize = 2;
    pub const INDEX_WORDS: usize = 3;
    /// The product of the dimensions before the axis: what a kernel that is not launched per
    /// item needs to know.
    pub const OUTER: usize = 4;
    pub const LEN: usize = 5;
}

/// `cast`'s parameters, `[from, to, count]`, and the element types they name (ONNX's data type
/// codes).
pub mod cast {
    pub const FROM: usize = 0;
    pub const TO: usize = 1;
    /// The elements (the launch's work items).
    pub const COUNT: usize = 2;
    pub const LEN: usize = 3;

    pub const F32: i32 = 1;
    pub const U8: i32 = 2;
    pub const I8: i32 = 3;
    pub const I32: i32 = 6;
    pub const I64: i32 = 7;
    pub const BOOL: i32 = 9;
    pub const F64: i32 = 11;
}

/// `conv2d_f32`'s parameters: `[N, C, H, W, M, OH, OW, KH, KW, stride_h, stride_w, pad_top,
/// pad_left, dilation_h, dilation_w, groups, has_bias, act, act_a, act_b]`, the activation a code
/// of [`super::unary`] with its two parameters.
pub mod conv2d {
    pub const N: usize = 0;
    pub const C: usize = 1;
    pub const H: usize = 2;
    pub const W: usize = 3;
    pub const M: usize = 4;
    pub const OH: usize = 5;
    pub const OW: usize = 6;
    pub const KH: usize = 7;
    pub const KW: usize = 8;
    pub const STRIDE_H: usize = 9;
    pub const STRIDE_W: usize = 10;
    pub const PAD_TOP: usize = 11;
    pub const PAD_LEFT: usize = 12;
    pub const DILATION_H: usize = 13;
    pub const DILATION_W: usize = 14;
    pub const GROUPS: usize = 15;
    pub const HAS_BIAS: usize = 16;
    pub const ACT: usize = 17;
    pub const ACT_A: usize = 18;
    pub const ACT_B: usize = 19;
    pub const LEN: usize = 20;
}

/// `conv1x1_f32`'s parameters: `[N, C, plane, M, has_bias, act, act_a, act_b]`, as for
/// [`conv2d`].
pub mod conv1x1 {
    pub const N: usize = 0;
    pub const C: usize = 1;
    pub const PLANE: usize = 2;
    pub const M: usize = 3;
    pub const HAS_BIAS: usize = 4;
    pub const ACT: usize = 5;
    pub const ACT_A: usize = 6;
    pub const ACT_B: usize = 7;
    pub const LEN: usize = 8;

    /// Consecutive pixels of one output channel that one work item computes: a launch has
    /// `N * M * ceil(plane / PIXELS)` work items.
    pub const PIXELS: usize = 8;
}

/// The parameters of `pool_f32` and `pool_index_f32`: `[N, C, D, H, W, OD, OH, OW, KD, KH, KW,
/// stride_d, stride_h, stride_w, pad_front, pad_top, pad_left, dilation_d, dilation_h,
/// dilation_w, kind, count_include_pad, pad_back, pad_bottom, pad_right, storage_order]`. Windows
/// of fewer than three spatial dimensions have leading ones of size 1; the triples are in the
/// order depth, height, width.
pub mod pool {
    pub const N: usize = 0;
    pub const C: usize = 1;
    pub const D: usize = 2;
    pub const H: usize = 3;
    pub const W: usize = 4;
    pub const OD: usize = 5;
    pub const OH: usize = 6;
    pub const OW: usize = 7;
    pub const KD: usize = 8;
    pub const KH: usize = 9;
    pub const KW: usize = 10;
    /// Three strides.
    pub const STRIDES: usize = 11;
    /// Three pads before (front, top, left).
    pub const PADS_BEFORE: usize = 14;
    /// Three dilations.
    pub const DILATIONS: usize = 17;
    /// [`MAX`] or [`AVERAGE`].
    pub const KIND: usize = 20;
    pub const COUNT_INCLUDE_PAD: usize = 21;
    /// Three pads after (back, bottom, right): where the padding ends, so that windows that
    /// `ceil_mode` lets run past it do not count what is beyond.
    pub const PADS_AFTER: usize = 22;
    /// 1 for column-major indices (MaxPool's Indices output).
    pub const STORAGE_ORDER: usize = 25;
    pub const LEN: usize = 26;

    pub const MAX: i32 = 0;
    pub const AVERAGE: i32 = 1;
}

/// `global_pool_f32`'s parameters: `[plane, kind, planes]` (`planes`, the number of work items,
/// is for the CPU's native version).
pub mod global_pool {
    pub const PLANE: usize = 0;
    /// [`AVERAGE`] or [`MAX`].
    pub const KIND: usize = 1;
    pub const PLANES: usize = 2;
    pub const LEN: usize = 3;

    pub const AVERAGE: i32 = 0;
    pub const MAX: i32 = 1;
}

/// `batchnorm_f32`'s parameters: `[C, plane, epsilon, count]`.
pub mod batchnorm {
    pub const C: usize = 0;
    pub const PLANE: usize = 1;
    pub const EPSILON: usize = 2;
    /// The elements (the launch's work items).
    pub const COUNT: usize = 3;
    pub const LEN: usize = 4;
}

/// `gemm_f32`'s parameters: `[M, N, K, a_row, a_col, b_row, b_col, alpha, beta, has_c, c_row,
/// c_col, batch_dims[BATCH_RANK], a_batch[BATCH_RANK], b_batch[BATCH_RANK]]`, for
/// `Y = alpha * A' B' + beta * C` with the transposes given as strides. The batch dimensions (MatMul's leading
/// ones, padded on the left with 1) index A and B by their own strides (0 for a broadcast one).
pub mod gemm {
    pub const M: usize = 0;
    pub const N: usize = 1;
    pub const K: usize = 2;
    pub const A_ROW: usize = 3;
    pub const A_COL: usize = 4;
    pub const B_ROW: usize = 5;
    pub const B_COL: usize = 6;
    pub const ALPHA: usize = 7;
    pub const BETA: usize = 8;
    pub const HAS_C: usize = 9;
    pub const C_ROW: usize = 10;
    pub const C_COL: usize = 11;
    pub const BATCH_DIMS: usize = 12;
    pub const A_BATCH: usize = BATCH_DIMS + BATCH_RANK;
    pub const B_BATCH: usize = A_BATCH + BATCH_RANK;
    pub const LEN: usize = B_BATCH + BATCH_RANK;

    /// Batch dimensions the kernel indexes.
    pub const BATCH_RANK: usize = 4;
}

/// `softmax_f32`'s parameters: `[axis_len, inner, kind, rows]`.
pub mod softmax {
    pub const AXIS_LEN: usize = 0;
    pub const INNER: usize = 1;
    pub const KIND: usize = 2;
    /// The launch's work items (`outer * inner`): what a kernel that is not launched per item
    /// needs to know.
    pub const ROWS: usize = 3;
    pub const LEN: usize = 4;

    pub const SOFTMAX: i32 = 0;
    pub const LOG_SOFTMAX: i32 = 1;
    pub const HARDMAX: i32 = 2;
}

/// `reduce_f32`'s parameters: `[kind, kept_dims[RANK], kept_strides[RANK], reduced_dims[RANK],
/// reduced_strides[RANK]]`.
pub mod reduce {
    use super::RANK;

    pub const KIND: usize = 0;
    pub const KEPT_DIMS: usize = 1;
    pub const KEPT_STRIDES: usize = KEPT_DIMS + RANK;
    pub const REDUCED_DIMS: usize = KEPT_STRIDES + RANK;
    pub const REDUCED_STRIDES: usize = REDUCED_DIMS + RANK;
    pub const LEN: usize = REDUCED_STRIDES + RANK;

    pub const SUM: i32 = 0;
    pub const MEAN: i32 = 1;
    pub const MAX: i32 = 2;
    pub const MIN: i32 = 3;
    pub const PROD: i32 = 4;
    pub const SUM_SQUARE: i32 = 5;
    pub const L1: i32 = 6;
    pub const L2: i32 = 7;
    pub const LOG_SUM_EXP: i32 = 8;
}

/// `argreduce_f32`'s parameters: `[axis_len, inner, kind, select_last_index]`.
pub mod argreduce {
    pub const AXIS_LEN: usize = 0;
    pub const INNER: usize = 1;
    pub const KIND: usize = 2;
    pub const SELECT_LAST_INDEX: usize = 3;
    pub const LEN: usize = 4;

    pub const MAX: i32 = 0;
    pub const MIN: i32 = 1;
}

/// `layernorm_f32`'s parameters: `[len, epsilon, has_bias]`, `len` the elements of a row.
pub mod layernorm {
    pub const ROW: usize = 0;
    pub const EPSILON: usize = 1;
    pub const HAS_BIAS: usize = 2;
    pub const LEN: usize = 3;
}

/// `layernorm_stats_f32`'s parameters: `[len, epsilon, kind]`, `len` the elements of a row.
pub mod layernorm_stats {
    pub const ROW: usize = 0;
    pub const EPSILON: usize = 1;
    pub const KIND: usize = 2;
    pub const LEN: usize = 3;

    pub const MEAN: i32 = 0;
    pub const INV_STD_DEV: i32 = 1;
}

/// `pad_*`'s parameters: `[mode, words, out_dims[RANK], in_dims[RANK], in_strides[RANK],
/// before[RANK]]`, where `words` is the number of 32-bit (or 8-bit) words per element and
/// `before` the pads at the start of each dimension (negative ones crop).
pub mod pad {
    use super::RANK;

    pub const MODE: usize = 0;
    pub const WORDS: usize = 1;
    pub const OUT_DIMS: usize = 2;
    pub const IN_DIMS: usize = OUT_DIMS + RANK;
    pub const IN_STRIDES: usize = IN_DIMS + RANK;
    pub const BEFORE: usize = IN_STRIDES + RANK;
    pub const LEN: usize = BEFORE + RANK;

    pub const CONSTANT: i32 = 0;
    pub const REFLECT: i32 = 1;
    pub const EDGE: i32 = 2;
    pub const WRAP: i32 = 3;
}

/// `resize_f32`'s parameters: `[out_dims[RANK], in_strides[RANK], taps[RANK], tables[RANK],
/// extrapolation, truncate, low, high]`. Resize is separable: output coordinate `o` of dimension `d`
/// reads `taps[d]` input coordinates, each with a weight, from the table buffer's pairs
/// `(index, weight bits)` at `tables[d] + 2 * (o * taps[d] + t)`. An index of -1 marks a
/// coordinate outside the crop (tf_crop_and_resize), where the output is `extrapolation`. With
/// `truncate` 1 the result is truncated and clamped to `[low, high]`: integer outputs, converted
/// as ONNX Runtime does (ONNX's reference rounds instead; models run under ONNX Runtime).
pub mod resize {
    use super::RANK;

    pub const OUT_DIMS: usize = 0;
    pub const IN_STRIDES: usize = OUT_DIMS + RANK;
    pub const TAPS: usize = IN_STRIDES + RANK;
    pub const TABLES: usize = TAPS + RANK;
    pub const EXTRAPOLATION: usize = TABLES + RANK;
    pub const TRUNCATE: usize = EXTRAPOLATION + 1;
    pub const LOW: usize = TRUNCATE + 1;
    pub const HIGH: usize = LOW + 1;
    pub const LEN: usize = HIGH + 1;
}

/// `conv_transpose_f32`'s parameters: up to three spatial dimensions (fewer have leading ones of
/// size 1). The weights are `[C, M / groups, KD, KH, KW]`, ONNX's layout.
pub mod conv_transpose {
    pub const N: usize = 0;
    pub const C: usize = 1;
    pub const D: usize = 2;
    pub const H: usize = 3;
    pub const W: usize = 4;
    pub const M: usize = 5;
    pub const OD: usize = 6;
    pub const OH: usize = 7;
    pub const OW: usize = 8;
    pub const KD: usize = 9;
    pub const KH: usize = 10;
    pub const KW: usize = 11;
    /// Three strides.
    pub const STRIDES: usize = 12;
    /// Three pads before (front, top, left).
    pub const PADS_BEFORE: usize = 15;
    /// Three dilations.
    pub const DILATIONS: usize = 18;
    pub const GROUPS: usize = 21;
    pub const HAS_BIAS: usize = 22;
    pub const LEN: usize = 23;
}

/// `lrn_f32`'s parameters: `[channels, plane, size, alpha, beta, bias]` (floats as bits), `plane`
/// the elements of one channel (the product of the spatial dimensions).
pub mod lrn {
    pub const CHANNELS: usize = 0;
    pub const PLANE: usize = 1;
    pub const SIZE: usize = 2;
    pub const ALPHA: usize = 3;
    pub const BETA: usize = 4;
    pub const BIAS: usize = 5;
    pub const LEN: usize = 6;
}

/// `quantize_f32`'s, `dequantize`'s and `dynamic_qparams_f32`'s parameters. Element `i` of the
/// data, at coordinate `a` along the quantisation axis, takes scale and zero point number
/// `(i / (inner * axis_len)) * outer_stride + (a / block) * block_stride + (i % inner) *
/// inner_stride`: all strides 0 and `axis_len` 1 for one scale, `block_stride` 1 for a scale per
/// index of the axis, and the blocked layout of opset 21 otherwise.
pub mod quant {
    pub const AXIS_LEN: usize = 0;
    pub const INNER: usize = 1;
    pub const BLOCK: usize = 2;
    pub const OUTER_STRIDE: usize = 3;
    pub const BLOCK_STRIDE: usize = 4;
    pub const INNER_STRIDE: usize = 5;
    /// The integer type: [`U8`], [`I8`] or (dequantize only) [`I32`].
    pub const KIND: usize = 6;
    pub const HAS_ZERO_POINT: usize = 7;
    /// The elements (every kernel; the native ones check their buffers against it), and for
    /// `dynamic_qparams_f32` which parameter to write ([`SCALE`] or [`ZERO_POINT`]).
    pub const COUNT: usize = 8;
    pub const WHICH: usize = 9;
    pub const LEN: usize = 10;

    pub const U8: i32 = 0;
    pub const I8: i32 = 1;
    pub const I32: i32 = 2;

    pub const SCALE: i32 = 0;
    pub const ZERO_POINT: i32 = 1;
}

/// `gather_elements_u32`'s and `scatter_*`'s parameters. `dims` are the indices' (and for
/// GatherElements the output's; for the scatters the updates') dimensions, padded to [`RANK`];
/// `data_strides` the data's strides in elements, padded alike, and `axis` the padded axis.
/// Elements are `words` 32-bit words; indices are i32 (`index_words` 1) or i64 (2). For
/// ScatterND (`mode` [`ND`]), `data_dims` and `data_strides` instead hold the `k` leading
/// dimensions of the data and their strides, unpadded, and an update element `j` goes to
/// `sum_t idx[q, t] * data_strides[t] + j % slice`, `q = j / slice`.
pub mod elements {
    use super::RANK;

    pub const DIMS: usize = 0;
    pub const DATA_STRIDES: usize = DIMS + RANK;
    pub const AXIS: usize = DATA_STRIDES + RANK;
    pub const AXIS_LEN: usize = AXIS + 1;
    pub const WORDS: usize = AXIS_LEN + 1;
    pub const INDEX_WORDS: usize = WORDS + 1;
    /// Scatters: the number of update elements, the reduction and the mode.
    pub const UPDATES: usize = INDEX_WORDS + 1;
    pub const REDUCTION: usize = UPDATES + 1;
    pub const MODE: usize = REDUCTION + 1;
    /// ScatterND: the index tuples' length and the elements of one slice.
    pub const K: usize = MODE + 1;
    pub const SLICE: usize = K + 1;
    /// ScatterND: the data's leading `k` dimensions (to wrap negative indices).
    pub const DATA_DIMS: usize = SLICE + 1;
    pub const LEN: usize = DATA_DIMS + RANK;

    pub const NONE: i32 = 0;
    pub const ADD: i32 = 1;
    pub const MUL: i32 = 2;
    pub const MAX: i32 = 3;
    pub const MIN: i32 = 4;

    pub const ELEMENTS: i32 = 0;
    pub const ND: i32 = 1;
}

/// `cumsum_*`'s parameters: `[axis_len, inner, exclusive, reverse]`.
pub mod cumsum {
    pub const AXIS_LEN: usize = 0;
    pub const INNER: usize = 1;
    pub const EXCLUSIVE: usize = 2;
    pub const REVERSE: usize = 3;
    pub const LEN: usize = 4;
}

/// `topk_f32`'s parameters: `[axis_len, inner, k, largest, which]`; `which` is [`VALUES`] or
/// [`INDICES`] (i64).
pub mod topk {
    pub const AXIS_LEN: usize = 0;
    pub const INNER: usize = 1;
    pub const K: usize = 2;
    pub const LARGEST: usize = 3;
    pub const WHICH: usize = 4;
    pub const LEN: usize = 5;

    pub const VALUES: i32 = 0;
    pub const INDICES: i32 = 1;
}
