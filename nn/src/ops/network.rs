//! Neural-network operators: convolution, pooling, normalisation, matrix products, softmax and
//! reductions. They compute in f32.

use super::elementwise::emit_cast;
use super::{
    axis, bits, broadcast, broadcast_strides, input, known_ints, new_params, optional, padded_dims,
    padded_strides, put,
};
use crate::abi::{self, unary};
use crate::graph::{Builder, Step, ValueId};
use crate::model::Node;
use crate::tensor::{strides, DType};
use crate::Error;

/// Refuses tensors other than f32 among `ids`, naming the operator and the type.
pub(crate) fn require_f32(node: &Node, b: &Builder, ids: &[ValueId]) -> Result<(), Error> {
    for &id in ids {
        let dtype = b.value(id).dtype;
        if dtype != DType::F32 {
            return Err(Error::Unsupported(format!(
                "{} on {dtype} tensors",
                node.op
            )));
        }
    }
    Ok(())
}

/// Spatial geometry of a convolution or pooling window over H and W.
struct Window {
    kernel: [usize; 2],
    strides: [usize; 2],
    dilations: [usize; 2],
    /// Top, left, bottom, right.
    pads: [usize; 4],
    out: [usize; 2],
}

/// Works out the output size and padding of a window over `spatial` (1 or 2 dimensions).
fn window(
    node: &Node,
    spatial: &[usize],
    kernel: &[usize],
    ceil_mode: bool,
) -> Result<Window, Error> {
    let n = spatial.len();
    let (strides, dilations, pads, out) = window_dims(node, spatial, kernel, ceil_mode)?;
    // One spatial dimension is two with H = 1.
    let two = |v: &[usize], one: usize| if n == 1 { [one, v[0]] } else { [v[0], v[1]] };
    Ok(Window {
        kernel: two(kernel, 1),
        strides: two(&strides, 1),
        dilations: two(&dilations, 1),
        pads: if n == 1 {
            [0, pads[0], 0, pads[1]]
        } else {
            [pads[0], pads[1], pads[2], pads[3]]
        },
        out: two(&out, 1),
    })
}

/// A window's strides, dilations, pads (all begins, then all ends) and output size over
/// `spatial`, in as many dimensions.
#[allow(
    clippy::type_complexity,
    reason = "four lists, named where they are taken apart"
)]
fn window_dims(
    node: &Node,
    spatial: &[usize],
    kernel: &[usize],
    ceil_mode: bool,
) -> Result<(Vec<usize>, Vec<usize>, Vec<usize>, Vec<usize>), Error> {
    let n = spatial.len();
    let get = |name: &str| -> Result<Vec<usize>, Error> {
        Ok(match node.ints(name)? {
            Some(v) if v.iter().any(|&x| x < 0) => {
                return Err(Error::InvalidModel(format!("negative `{name}`")))
            }
            Some(v) => v.into_iter().map(|x| x as usize).collect(),
            None => Vec::new(),
        })
    };
    let or_ones = |v: Vec<usize>| if v.is_empty() { vec![1; n] } else { v };
    let strides = or_ones(get("strides")?);
    let dilations = or_ones(get("dilations")?);
    let mut pads = get("pads")?;
    if pads.is_empty() {
        pads = vec![0; 2 * n];
    }
    if strides.len() != n || dilations.len() != n || pads.len() != 2 * n || kernel.len() != n {
        return Err(Error::InvalidModel(
            "window attributes do not match the input's rank".into(),
        ));
    }
    if strides.contains(&0) || dilations.contains(&0) || kernel.contains(&0) {
        return Err(Error::InvalidModel(
            "zero stride, dilation or kernel size".into(),
        ));
    }
    let auto_pad = node.string("auto_pad", "NOTSET")?;
    let mut out = vec![0; n];
    for d in 0..n {
        let extent = (kernel[d] - 1) * dilations[d] + 1;
        match auto_pad.as_str() {
            "SAME_UPPER" | "SAME_LOWER" => {
                out[d] = spatial[d].div_ceil(strides[d]);
                let total = ((out[d] - 1) * strides[d] + extent).saturating_sub(spatial[d]);
                let small = total / 2;
                let (begin, end) = if auto_pad == "SAME_UPPER" {
                    (small, total - small)
                } else {
                    (total - small, small)
                };
                pads[d] = begin;
                pads[d + n] = end;
            }
            "VALID" | "NOTSET" => {
                if auto_pad == "VALID" {
                    pads[d] = 0;
                    pads[d + n] = 0;
                }
                let padded = spatial[d] + pads[d] + pads[d + n];
                if padded < extent {
                    return Err(Error::InvalidInput(format!(
                        "the window ({extent}) is larger than the padded input ({padded})"
                    )));
                }
                let span = padded - extent;
                out[d] = if ceil_mode {
                    span.div_ceil(strides[d])
                } else {
                    span / strides[d]
                } + 1;
                // With ceil_mode, the last window must start inside the input or its left padding.
                if ceil_mode && (out[d] - 1) * strides[d] >= spatial[d] + pads[d] {
                    out[d] -= 1;
                }
            }
            other => return Err(Error::InvalidModel(format!("auto_pad = {other}"))),
        }
    }
    Ok((strides, dilations, pads, out))
}

/// The input's N, C and spatial dimensions, for 1-D and 2-D operators.
fn nc_spatial(node: &Node, shape: &[usize]) -> Result<(usize, usize, Vec<usize>), Error> {
    match shape {
        [n, c, rest @ ..] if !rest.is_empty() && rest.len() <= 2 => Ok((*n, *c, rest.to_vec())),
        _ => Err(Error::Unsupported(format!(
            "{} on an input of shape {shape:?} (1-D and 2-D, NCW or NCHW, are supported)",
            node.op
        ))),
    }
}

/// A convolution's geometry, for `conv2d_*` kernels: N, C, H, W (one spatial dimension is two
/// with H = 1), M, the window, and the output's shape.
pub(crate) struct ConvShape {
    n: usize,
    c: usize,
    h: usize,
    w: usize,
    pub m: usize,
    group: usize,
    win: Window,
    pub out_shape: Vec<usize>,
}

impl ConvShape {
    /// Checks Conv's (or ConvInteger's) input `x` and weights `w` against its attributes.
    pub fn new(node: &Node, b: &Builder, x: ValueId, w: ValueId) -> Result<ConvShape, Error> {
        let (xs, ws) = (&b.value(x).shape, &b.value(w).shape);
        let (n, c, spatial) = nc_spatial(node, xs)?;
        let group = node.int("group", 1)?;
        if group < 1 || c % group as usize != 0 {
            return Err(Error::InvalidModel(format!(
                "group {group} does not divide {c} channels"
            )));
        }
        let group = group as usize;
        if ws.len() != spatial.len() + 2 || ws[1] * group != c {
            return Err(Error::InvalidInput(format!(
                "weights of shape {ws:?} do not fit an input of shape {xs:?} with group {group}"
            )));
        }
        let m = ws[0];
        if m % group != 0 {
            return Err(Error::InvalidModel(format!(
                "group {group} does not divide {m} output channels"
            )));
        }
        let kernel = match node.ints("kernel_shape")? {
            Some(k) => k.into_iter().map(|v| v as usize).collect(),
            None => ws[2..].to_vec(),
        };
        if kernel != ws[2..] {
            return Err(Error::InvalidModel(
                "kernel_shape does not match the weights".into(),
            ));
        }
        let win = window(node, &spatial, &kernel, false)?;
        let (h, wd) = if spatial.len() == 1 {
            (1, spatial[0])
        } else {
            (spatial[0], spatial[1])
        };
        let mut out_shape = vec![n, m];
        out_shape.extend(if spatial.len() == 1 {
            vec![win.out[1]]
        } else {
            win.out.to_vec()
        });
        Ok(ConvShape {
            n,
            c,
            h,
            w: wd,
            m,
            group,
            win,
            out_shape,
        })
    }

    /// The `conv2d_*` kernels' parameters, with no bias and no activation.
    pub fn params(&self) -> Vec<i32> {
        use abi::conv2d::*;
        let win = &self.win;
        let mut p = new_params(LEN);
        for (slot, v) in [
            (N, self.n),
            (C, self.c),
            (H, self.h),
            (W, self.w),
            (M, self.m),
            (OH, win.out[0]),
            (OW, win.out[1]),
            (KH, win.kernel[0]),
            (KW, win.kernel[1]),
            (STRIDE_H, win.strides[0]),
            (STRIDE_W, win.strides[1]),
            (PAD_TOP, win.pads[0]),
            (PAD_LEFT, win.pads[1]),
            (DILATION_H, win.dilations[0]),
            (DILATION_W, win.dilations[1]),
            (GROUPS, self.group),
        ] {
            p[slot] = v as i32;
        }
        p[ACT] = unary::IDENTITY;
        p
    }
}

pub(crate) fn conv(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, w) = (input(inputs, 0)?, input(inputs, 1)?);
    let bias = optional(inputs, 2);
    require_f32(node, b, &[x, w])?;
    let shape = ConvShape::new(node, b, x, w)?;
    let m = shape.m;
    if let Some(bias) = bias {
        require_f32(node, b, &[bias])?;
        if b.value(bias).shape != [m] {
            return Err(Error::InvalidInput(format!(
                "the bias has shape {:?}, not [{m}]",
                b.value(bias).shape
            )));
        }
    }
    let mut params = shape.params();
    params[abi::conv2d::HAS_BIAS] = bias.is_some() as i32;
    let ConvShape {
        n,
        c,
        h,
        w: wd,
        group,
        win,
        out_shape,
        ..
    } = shape;
    let out = b.output(DType::F32, out_shape)?;
    let items = b.value(out).len();
    let pointwise = b.specialised
        && win.kernel == [1, 1]
        && win.strides == [1, 1]
        && win.pads == [0; 4]
        && group == 1;
    if pointwise {
        // The specialised kernel: the same sums in the same order.
        use abi::conv1x1::{C, HAS_BIAS, LEN, M, N, PIXELS, PLANE};
        let mut params = new_params(LEN);
        for (slot, v) in [(N, n), (C, c), (PLANE, h * wd), (M, m)] {
            params[slot] = v as i32;
        }
        params[HAS_BIAS] = bias.is_some() as i32;
        params[abi::conv1x1::ACT] = unary::IDENTITY;
        let items = n * m * (h * wd).div_ceil(PIXELS);
        b.launch(
            "conv1x1_f32",
            params,
            &[x, w, bias.unwrap_or(w)],
            out,
            items,
        );
    } else {
        b.launch("conv2d_f32", params, &[x, w, bias.unwrap_or(w)], out, items);
    }
    Ok(vec![out])
}

/// Where a convolution step keeps its fused activation and its has-bias flag.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ConvSlots {
    /// The activation's code, and its two parameters.
    pub act: usize,
    pub act_a: usize,
    pub act_b: usize,
    pub has_bias: usize,
}

/// The slots of a convolution step, or `None` for other steps.
pub(crate) fn conv_slots(step: &Step) -> Option<ConvSlots> {
    match step.kernel {
        "conv2d_f32" => {
            use abi::conv2d::{ACT, ACT_A, ACT_B, HAS_BIAS};
            Some(ConvSlots {
                act: ACT,
                act_a: ACT_A,
                act_b: ACT_B,
                has_bias: HAS_BIAS,
            })
        }
        "conv1x1_f32" => {
            use abi::conv1x1::{ACT, ACT_A, ACT_B, HAS_BIAS};
            Some(ConvSlots {
                act: ACT,
                act_a: ACT_A,
                act_b: ACT_B,
                has_bias: HAS_BIAS,
            })
        }
        _ => None,
    }
}

/// The convolution step that writes `x` and that nothing else reads, with no activation fused
/// yet: the step an element-wise operation on `x` can be folded into.
pub(crate) fn fusable_conv(b: &Builder, x: ValueId) -> Option<ConvSlots> {
    let last = b.steps.last()?;
    let produced = *last.buffers.last()?;
    let slots = conv_slots(last)?;
    let sole_reader = b.readers.get(&b.value(produced).root) == Some(&1);
    (b.value(x).root == produced && sole_reader && last.params[slots.act] == unary::IDENTITY)
        .then_some(slots)
}

/// Folds `x + c` into the bias of the convolution that writes `x`, when `c` is a constant that
/// varies at most along the channels (a bias added by a separate node, as some exporters write
/// it). Returns the convolution's output.
pub(crate) fn add_into_conv_bias(b: &mut Builder, x: ValueId, c: ValueId) -> Option<ValueId> {
    let has_bias = fusable_conv(b, x)?.has_bias;
    let shape = b.value(x).shape.clone();
    let (cshape, constant) = (&b.value(c).shape, b.konst(c)?);
    let m = *shape.get(1)?;
    if constant.dtype != DType::F32 || cshape.len() > shape.len() {
        return None;
    }
    // Right-aligned against x's dimensions: 1 everywhere but (maybe) the channels.
    let lead = shape.len() - cshape.len();
    let per_channel = cshape
        .iter()
        .enumerate()
        .all(|(d, &size)| size == 1 || (d + lead == 1 && size == m));
    if !per_channel {
        return None;
    }
    let values = constant.to_f32();
    let step = b.steps.last()?;
    let old: Option<Vec<f32>> = if step.params[has_bias] != 0 {
        Some(b.konst(step.buffers[2])?.to_f32())
    } else {
        None
    };
    let new_b: Vec<f32> = (0..m)
        .map(|k| old.as_ref().map_or(0.0, |o| o[k]) + values[if values.len() == 1 { 0 } else { k }])
        .collect();
    let new_b = b.constant(crate::Tensor::from_f32(vec![m], &new_b).ok()?);
    let step = b.steps.last_mut()?;
    step.buffers[2] = new_b;
    step.params[has_bias] = 1;
    b.view(x, shape).ok()
}

/// Folds an inference BatchNormalization into the convolution before it, when the weights and
/// the normalisation's parameters are constants: `w' = w s`, `b' = (b - mean) s + beta` with
/// `s = scale / sqrt(var + epsilon)` per output channel. Returns the convolution's output.
fn fold_into_conv(b: &mut Builder, ids: &[ValueId], epsilon: f32) -> Option<ValueId> {
    let x = ids[0];
    let has_bias = fusable_conv(b, x)?.has_bias;
    let step = b.steps.last()?;
    let (w, bias) = (step.buffers[1], step.buffers[2]);
    let weights = b.konst(w)?.to_f32();
    let bias: Option<Vec<f32>> = if step.params[has_bias] != 0 {
        Some(b.konst(bias)?.to_f32())
    } else {
        None
    };
    let params: Vec<Vec<f32>> = ids[1..]
        .iter()
        .map(|&id| b.konst(id).map(|t| t.to_f32()))
        .collect::<Option<_>>()?;
    let (scale, beta, mean, var) = (&params[0], &params[1], &params[2], &params[3]);
    let m = scale.len();
    let w_shape = b.value(w).shape.clone();
    if w_shape.first() != Some(&m) {
        return None;
    }
    let per = weights.len() / m;
    let s: Vec<f32> = (0..m)
        .map(|k| scale[k] / (var[k] + epsilon).sqrt())
        .collect();
    let new_w: Vec<f32> = weights
        .iter()
        .enumerate()
        .map(|(i, &v)| v * s[i / per])
        .collect();
    let new_b: Vec<f32> = (0..m)
        .map(|k| (bias.as_ref().map_or(0.0, |b| b[k]) - mean[k]) * s[k] + beta[k])
        .collect();
    let new_w = b.constant(crate::Tensor::from_f32(w_shape, &new_w).ok()?);
    let new_b = b.constant(crate::Tensor::from_f32(vec![m], &new_b).ok()?);
    let step = b.steps.last_mut()?;
    step.buffers[1] = new_w;
    step.buffers[2] = new_b;
    step.params[has_bias] = 1;
    let shape = b.value(x).shape.clone();
    b.view(x, shape).ok()
}

pub(crate) fn pool(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let max = node.op == "MaxPool";
    match b.value(x).dtype {
        DType::F64 => return via_f32(node, b, inputs, pool),
        DType::U8 if max => return via_f32(node, b, inputs, pool),
        _ => require_f32(node, b, &[x])?,
    }
    let xv = b.value(x).clone();
    let (n, c, spatial) = match xv.shape.as_slice() {
        [n, c, rest @ ..] if (1..=3).contains(&rest.len()) => (*n, *c, rest.to_vec()),
        shape => {
            return Err(Error::Unsupported(format!(
                "{} on an input of shape {shape:?} (1 to 3 spatial dimensions are supported)",
                node.op
            )))
        }
    };
    let kernel: Vec<usize> = node
        .ints("kernel_shape")?
        .ok_or_else(|| Error::InvalidModel("no kernel_shape".into()))?
        .into_iter()
        .map(|v| v.max(0) as usize)
        .collect();
    let (strides, dilations, pads, out) =
        window_dims(node, &spatial, &kernel, node.int("ceil_mode", 0)? != 0)?;
    if !max
        && node
            .ints("dilations")?
            .is_some_and(|d| d.iter().any(|&v| v != 1))
        && b.opset < 19
    {
        return Err(Error::InvalidModel(
            "AveragePool has dilations only from opset 19".into(),
        ));
    }
    // Fewer than three spatial dimensions are three with leading ones of size 1.
    let k = spatial.len();
    let three = |v: &[usize], fill: usize| -> Vec<i32> {
        let mut out = vec![fill as i32; 3 - k];
        out.extend(v.iter().map(|&x| x as i32));
        out
    };
    let mut out_shape = vec![n, c];
    out_shape.extend(&out);
    let params = {
        use abi::pool::*;
        let mut p = new_params(LEN);
        p[N] = n as i32;
        p[C] = c as i32;
        put(&mut p, D, &three(&spatial, 1));
        put(&mut p, OD, &three(&out, 1));
        put(&mut p, KD, &three(&kernel, 1));
        put(&mut p, STRIDES, &three(&strides, 1));
        put(&mut p, PADS_BEFORE, &three(&pads[..k], 0));
        put(&mut p, DILATIONS, &three(&dilations, 1));
        p[KIND] = if max { MAX } else { AVERAGE };
        p[COUNT_INCLUDE_PAD] = node.int("count_include_pad", 0)? as i32;
        put(&mut p, PADS_AFTER, &three(&pads[k..], 0));
        p[STORAGE_ORDER] = node.int("storage_order", 0)? as i32;
        p
    };
    let y = b.output(DType::F32, out_shape.clone())?;
    let items = b.value(y).len();
    b.launch("pool_f32", params.clone(), &[x], y, items);
    let mut outs = vec![y];
    if max && node.outputs.get(1).is_some_and(|o| !o.is_empty()) {
        // The flat index of each maximum in the input.
        if xv.len() > i32::MAX as usize {
            return Err(Error::Unsupported(
                "MaxPool's Indices of an input of more than 2^31 elements".into(),
            ));
        }
        let indices = b.output(DType::I64, out_shape)?;
        b.launch("pool_index_f32", params, &[x], indices, items);
        outs.push(indices);
    }
    Ok(outs)
}

pub(crate) fn global_pool(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    require_f32(node, b, &[x])?;
    let shape = b.value(x).shape.clone();
    if shape.len() < 3 {
        return Err(Error::InvalidInput(format!(
            "{} needs N, C and spatial dimensions, not {shape:?}",
            node.op
        )));
    }
    let plane: usize = shape[2..].iter().product();
    let mut out_shape = shape[..2].to_vec();
    out_shape.extend(std::iter::repeat_n(1, shape.len() - 2));
    let out = b.output(DType::F32, out_shape)?;
    let planes = shape[0] * shape[1];
    let mut params = new_params(abi::global_pool::LEN);
    params[abi::global_pool::PLANE] = plane as i32;
    params[abi::global_pool::KIND] = match node.op.as_str() {
        "GlobalMaxPool" => abi::global_pool::MAX,
        _ => abi::global_pool::AVERAGE,
    };
    params[abi::global_pool::PLANES] = planes as i32;
    b.launch("global_pool_f32", params, &[x], out, planes);
    Ok(vec![out])
}

pub(crate) fn batch_norm(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let ids: Vec<ValueId> = (0..5).map(|k| input(inputs, k)).collect::<Result<_, _>>()?;
    require_f32(node, b, &ids)?;
    if node.int("training_mode", 0)? != 0 || node.outputs.iter().skip(1).any(|o| !o.is_empty()) {
        return Err(Error::Unsupported(
            "BatchNormalization in training mode".into(),
        ));
    }
    let shape = b.value(ids[0]).shape.clone();
    let c = *shape
        .get(1)
        .ok_or_else(|| Error::InvalidInput(format!("BatchNormalization of shape {shape:?}")))?;
    for &id in &ids[1..] {
        if b.value(id).len() != c {
            return Err(Error::InvalidInput(format!(
                "a BatchNormalization parameter has shape {:?}, not [{c}]",
                b.value(id).shape
            )));
        }
    }
    let epsilon = node.float("epsilon", 1e-5)?;
    if let Some(folded) = fold_into_conv(b, &ids, epsilon) {
        return Ok(vec![folded]);
    }
    let plane: usize = shape[2..].iter().product();
    let out = b.output(DType::F32, shape)?;
    let items = b.value(out).len();
    let mut params = new_params(abi::batchnorm::LEN);
    params[abi::batchnorm::C] = c as i32;
    params[abi::batchnorm::PLANE] = plane as i32;
    params[abi::batchnorm::EPSILON] = bits(epsilon);
    params[abi::batchnorm::COUNT] = items as i32;
    b.launch("batchnorm_f32", params, &ids, out, items);
    Ok(vec![out])
}

pub(crate) fn gemm(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (a, bm) = (input(inputs, 0)?, input(inputs, 1)?);
    let c = optional(inputs, 2);
    require_f32(node, b, &[a, bm])?;
    let (ta, tb) = (node.int("transA", 0)? != 0, node.int("transB", 0)? != 0);
    // Linear layers exported as Gemm take their weights transposed (transB = 1): a constant is
    // transposed here, once, so that the product reads it row by row.
    let (bm, tb) = match (tb, transposed_constant(b, bm)?) {
        (true, Some(t)) => (t, false),
        _ => (bm, tb),
    };
    let (av, bv) = (b.value(a).clone(), b.value(bm).clone());
    let ([ar, ac], [br, bc]) = match (av.shape.as_slice(), bv.shape.as_slice()) {
        (&[r0, c0], &[r1, c1]) => ([r0, c0], [r1, c1]),
        _ => {
            return Err(Error::InvalidInput(format!(
                "Gemm takes matrices, not {:?} and {:?}",
                av.shape, bv.shape
            )))
        }
    };
    let (m, k) = if ta { (ac, ar) } else { (ar, ac) };
    let (k2, n) = if tb { (bc, br) } else { (br, bc) };
    if k != k2 {
        return Err(Error::InvalidInput(format!(
            "Gemm of {:?} and {:?} (transA {ta}, transB {tb}): inner sizes {k} and {k2} differ",
            av.shape, bv.shape
        )));
    }
    let (c_row, c_col) = match c {
        Some(c) => {
            require_f32(node, b, &[c])?;
            let cs = b.value(c).shape.clone();
            if broadcast(&cs, &[m, n])? != [m, n] {
                return Err(Error::InvalidInput(format!(
                    "C of shape {cs:?} does not broadcast to [{m}, {n}]"
                )));
            }
            let s = broadcast_strides(&cs, &[m, n]);
            (s[0] as i32, s[1] as i32)
        }
        None => (0, 0),
    };
    let params = {
        use abi::gemm::*;
        let mut p = new_params(LEN);
        (p[M], p[N], p[K]) = (m as i32, n as i32, k as i32);
        p[A_ROW] = if ta { 1 } else { k as i32 };
        p[A_COL] = if ta { m as i32 } else { 1 };
        p[B_ROW] = if tb { 1 } else { n as i32 };
        p[B_COL] = if tb { k as i32 } else { 1 };
        p[ALPHA] = bits(node.float("alpha", 1.0)?);
        p[BETA] = bits(node.float("beta", 1.0)?);
        p[HAS_C] = c.is_some() as i32;
        p[C_ROW] = c_row;
        p[C_COL] = c_col;
        // One batch, which A and B do not move along.
        put(&mut p, BATCH_DIMS, &[1; BATCH_RANK]);
        p
    };
    let out = b.output(DType::F32, vec![m, n])?;
    b.launch("gemm_f32", params, &[a, bm, c.unwrap_or(a)], out, m * n);
    Ok(vec![out])
}

/// A constant f32 matrix, transposed into a new constant; `None` when `id` is not one.
fn transposed_constant(b: &mut Builder, id: ValueId) -> Result<Option<ValueId>, Error> {
    let Some(t) = b.konst(id) else {
        return Ok(None);
    };
    let &[rows, cols] = t.shape.as_slice() else {
        return Ok(None);
    };
    if t.dtype != DType::F32 {
        return Ok(None);
    }
    let values = t.to_f32();
    let mut out = vec![0f32; values.len()];
    for r in 0..rows {
        for c in 0..cols {
            out[c * rows + r] = values[r * cols + c];
        }
    }
    b.reserve(out.len() * 4)?;
    let tensor = crate::tensor::Tensor::from_f32(vec![cols, rows], &out)?;
    Ok(Some(b.constant(tensor)))
}

pub(crate) fn matmul(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (a, bm) = (input(inputs, 0)?, input(inputs, 1)?);
    if b.value(a).dtype == DType::F64 && b.value(bm).dtype == DType::F64 {
        let mut converted = inputs.to_vec();
        converted[1] = Some(emit_cast(b, bm, DType::F32)?);
        return via_f32(node, b, &converted, matmul);
    }
    require_f32(node, b, &[a, bm])?;
    let (params, out_shape, items) = matmul_params(b, a, bm)?;
    let out = b.output(DType::F32, out_shape)?;
    b.launch("gemm_f32", params, &[a, bm, a], out, items);
    Ok(vec![out])
}

/// The `gemm` parameters, output shape and work items of MatMul's product of `a` and `bm`
/// (numpy's rules: vectors promoted, batch dimensions broadcast).
pub(crate) fn matmul_params(
    b: &Builder,
    a: ValueId,
    bm: ValueId,
) -> Result<(Vec<i32>, Vec<usize>, usize), Error> {
    let (mut sa, mut sb) = (b.value(a).shape.clone(), b.value(bm).shape.clone());
    if sa.is_empty() || sb.is_empty() {
        return Err(Error::InvalidInput("MatMul of a scalar".into()));
    }
    let (va, vb) = (sa.len() == 1, sb.len() == 1);
    if va {
        sa.insert(0, 1);
    }
    if vb {
        sb.push(1);
    }
    let (m, k) = (sa[sa.len() - 2], sa[sa.len() - 1]);
    let (k2, n) = (sb[sb.len() - 2], sb[sb.len() - 1]);
    if k != k2 {
        return Err(Error::InvalidInput(format!(
            "MatMul of {:?} and {:?}: inner sizes {k} and {k2} differ",
            b.value(a).shape,
            b.value(bm).shape
        )));
    }
    let (ba, bb) = (&sa[..sa.len() - 2], &sb[..sb.len() - 2]);
    let batch = broadcast(ba, bb)?;
    use abi::gemm::BATCH_RANK;
    if batch.len() > BATCH_RANK {
        return Err(Error::Unsupported(format!(
            "MatMul with {} batch dimensions (at most {BATCH_RANK})",
            batch.len()
        )));
    }
    let stride_of = |shape: &[usize], per: usize| -> Vec<i32> {
        let s = broadcast_strides(shape, &batch);
        let mut out = vec![0; BATCH_RANK - s.len()];
        out.extend(s.iter().map(|&v| (v * per as isize) as i32));
        out
    };
    let params = {
        use abi::gemm::*;
        let mut p = new_params(LEN);
        (p[M], p[N], p[K]) = (m as i32, n as i32, k as i32);
        put(&mut p, A_ROW, &[k as i32, 1]);
        put(&mut p, B_ROW, &[n as i32, 1]);
        p[ALPHA] = bits(1.0);
        let mut dims = vec![1; BATCH_RANK - batch.len()];
        dims.extend(batch.iter().map(|&d| d as i32));
        put(&mut p, BATCH_DIMS, &dims);
        put(&mut p, A_BATCH, &stride_of(ba, m * k));
        put(&mut p, B_BATCH, &stride_of(bb, k * n));
        p
    };
    let mut out_shape = batch.clone();
    if !va {
        out_shape.push(m);
    }
    if !vb {
        out_shape.push(n);
    }
    let items = batch.iter().product::<usize>() * m * n;
    Ok((params, out_shape, items))
}

pub(crate) fn softmax(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    if b.value(x).dtype == DType::F64 {
        return via_f32(node, b, inputs, softmax);
    }
    require_f32(node, b, &[x])?;
    let shape = b.value(x).shape.clone();
    let rank = shape.len();
    let (len, inner) = if b.opset < 13 {
        // Coerced to 2-D at `axis`: rows are everything before it.
        let a = axis(node.int("axis", 1)?, rank)?;
        (shape[a..].iter().product::<usize>(), 1)
    } else {
        let a = axis(node.int("axis", -1)?, rank)?;
        (shape[a], shape[a + 1..].iter().product::<usize>())
    };
    let kind = match node.op.as_str() {
        "Softmax" => abi::softmax::SOFTMAX,
        "LogSoftmax" => abi::softmax::LOG_SOFTMAX,
        _ => abi::softmax::HARDMAX,
    };
    let total: usize = shape.iter().product();
    let out = b.output(DType::F32, shape)?;
    if len > 0 {
        let mut params = new_params(abi::softmax::LEN);
        params[abi::softmax::AXIS_LEN] = len as i32;
        params[abi::softmax::INNER] = inner as i32;
        params[abi::softmax::KIND] = kind;
        params[abi::softmax::ROWS] = (total / len) as i32;
        b.launch("softmax_f32", params, &[x], out, total / len);
    }
    Ok(vec![out])
}

/// Runs `op` on `inputs` with the first one converted to f32, and converts its first output back:
/// how f64, bool and u8 tensors go through the f32 kernels. (f32 holds every bool and u8 exactly;
/// f64 computes in f32, as the crate docs say.)
fn via_f32(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
    op: super::Handler,
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let dtype = b.value(x).dtype;
    let mut converted = inputs.to_vec();
    converted[0] = Some(emit_cast(b, x, DType::F32)?);
    let mut outs = op(node, b, &converted)?;
    outs[0] = emit_cast(b, outs[0], dtype)?;
    Ok(outs)
}

pub(crate) fn reduce(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let dtype = b.value(x).dtype;
    let exact_in_f32 = matches!(node.op.as_str(), "ReduceMax" | "ReduceMin");
    if dtype == DType::F64 || (matches!(dtype, DType::Bool | DType::U8 | DType::I8) && exact_in_f32)
    {
        return via_f32(node, b, inputs, reduce);
    }
    let integer = matches!(dtype, DType::I32 | DType::I64);
    if !integer {
        require_f32(node, b, &[x])?;
    }
    let shape = b.value(x).shape.clone();
    let rank = shape.len();
    let axes_from_input = b.opset >= 18 || (node.op == "ReduceSum" && b.opset >= 13);
    let axes = if axes_from_input {
        known_ints(b, inputs, 1, "the axes")?
    } else {
        node.ints("axes")?
    };
    let axes: Vec<usize> = match axes {
        Some(a) if !a.is_empty() => a
            .into_iter()
            .map(|v| axis(v, rank))
            .collect::<Result<_, _>>()?,
        _ if node.int("noop_with_empty_axes", 0)? != 0 => {
            // Nothing to reduce: the input itself.
            return Ok(vec![b.view(x, shape)?]);
        }
        _ => (0..rank).collect(),
    };
    let keep = node.int("keepdims", 1)? != 0;
    let own = strides(&shape);
    let (mut kept_dims, mut kept_strides, mut red_dims, mut red_strides) =
        (vec![], vec![], vec![], vec![]);
    let mut out_shape = Vec::new();
    for d in 0..rank {
        if axes.contains(&d) {
            red_dims.push(shape[d]);
            red_strides.push(own[d] as isize);
            if keep {
                out_shape.push(1);
            }
        } else {
            kept_dims.push(shape[d]);
            kept_strides.push(own[d] as isize);
            out_shape.push(shape[d]);
        }
    }
    if integer {
        // Integer reductions are shape arithmetic (the product of dimensions, a count): done
        // here, exactly, when the input is known.
        let Some(t) = b.konst(x) else {
            return Err(Error::Unsupported(format!(
                "{} on {dtype} tensors computed at run time",
                node.op
            )));
        };
        let values = t.to_i64()?;
        let out = reduce_integers(&node.op, &values, &shape, &axes)?;
        let tensor = match dtype {
            DType::I32 => {
                let v: Vec<u8> = out.iter().flat_map(|&v| (v as i32).to_le_bytes()).collect();
                crate::tensor::Tensor::new(DType::I32, out_shape, v)?
            }
            _ => crate::tensor::Tensor::from_i64(out_shape, &out)?,
        };
        return Ok(vec![b.constant(tensor)]);
    }
    use abi::reduce;
    let kind = match node.op.as_str() {
        "ReduceSum" => reduce::SUM,
        "ReduceMean" => reduce::MEAN,
        "ReduceMax" => reduce::MAX,
        "ReduceMin" => reduce::MIN,
        "ReduceProd" => reduce::PROD,
        "ReduceSumSquare" => reduce::SUM_SQUARE,
        "ReduceL1" => reduce::L1,
        "ReduceL2" => reduce::L2,
        _ => reduce::LOG_SUM_EXP,
    };
    let mut params = new_params(reduce::LEN);
    params[reduce::KIND] = kind;
    put(&mut params, reduce::KEPT_DIMS, &padded_dims(&kept_dims)?);
    put(
        &mut params,
        reduce::KEPT_STRIDES,
        &padded_strides(&kept_strides),
    );
    put(&mut params, reduce::REDUCED_DIMS, &padded_dims(&red_dims)?);
    put(
        &mut params,
        reduce::REDUCED_STRIDES,
        &padded_strides(&red_strides),
    );
    let out = b.output(DType::F32, out_shape)?;
    let items = b.value(out).len();
    b.launch("reduce_f32", params, &[x], out, items);
    Ok(vec![out])
}

/// A reduction of integers over `axes` of `shape`, with wrapping arithmetic; one value per
/// position of the kept dimensions, in order.
fn reduce_integers(
    op: &str,
    values: &[i64],
    shape: &[usize],
    axes: &[usize],
) -> Result<Vec<i64>, Error> {
    let own = strides(shape);
    let kept: Vec<usize> = (0..shape.len()).filter(|d| !axes.contains(d)).collect();
    let count: usize = kept.iter().map(|&d| shape[d]).product();
    let reduced: usize = axes.iter().map(|&d| shape[d]).product();
    let mut out = Vec::with_capacity(count);
    for o in 0..count {
        // The offset of this kept position, then every reduced one.
        let mut rest = o;
        let mut base = 0;
        for &d in kept.iter().rev() {
            base += (rest % shape[d]) * own[d];
            rest /= shape[d];
        }
        let mut acc: Option<i64> = None;
        for r in 0..reduced {
            let mut rest = r;
            let mut at = base;
            for &d in axes.iter().rev() {
                at += (rest % shape[d]) * own[d];
                rest /= shape[d];
            }
            let v = values[at];
            acc = Some(match (op, acc) {
                (_, None) if op == "ReduceSumSquare" => v.wrapping_mul(v),
                ("ReduceL1", None) => v.wrapping_abs(),
                (_, None) => v,
                ("ReduceSum" | "ReduceMean", Some(a)) => a.wrapping_add(v),
                ("ReduceProd", Some(a)) => a.wrapping_mul(v),
                ("ReduceMax", Some(a)) => a.max(v),
                ("ReduceMin", Some(a)) => a.min(v),
                ("ReduceSumSquare", Some(a)) => a.wrapping_add(v.wrapping_mul(v)),
                ("ReduceL1", Some(a)) => a.wrapping_add(v.wrapping_abs()),
                (other, _) => {
                    return Err(Error::Unsupported(format!("{other} of integers")));
                }
            });
        }
        let empty = match op {
            "ReduceProd" => 1,
            "ReduceMax" => i64::MIN,
            "ReduceMin" => i64::MAX,
            _ => 0,
        };
        let v = acc.unwrap_or(empty);
        out.push(if op == "ReduceMean" && reduced > 0 {
            v / reduced as i64
        } else {
            v
        });
    }
    Ok(out)
}

pub(crate) fn arg_reduce(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    require_f32(node, b, &[x])?;
    let shape = b.value(x).shape.clone();
    let a = axis(node.int("axis", 0)?, shape.len())?;
    let len = shape[a];
    if len == 0 {
        return Err(Error::InvalidInput(format!(
            "{} over an empty axis",
            node.op
        )));
    }
    let inner: usize = shape[a + 1..].iter().product();
    let mut out_shape = shape.clone();
    if node.int("keepdims", 1)? != 0 {
        out_shape[a] = 1;
    } else {
        out_shape.remove(a);
    }
    use abi::argreduce;
    let mut params = new_params(argreduce::LEN);
    params[argreduce::AXIS_LEN] = len as i32;
    params[argreduce::INNER] = inner as i32;
    params[argreduce::KIND] = match node.op.as_str() {
        "ArgMin" => argreduce::MIN,
        _ => argreduce::MAX,
    };
    params[argreduce::SELECT_LAST_INDEX] = node.int("select_last_index", 0)? as i32;
    let out = b.output(DType::I64, out_shape)?;
    let items = b.value(out).len();
    b.launch("argreduce_f32", params, &[x], out, items);
    Ok(vec![out])
}

pub(crate) fn layer_norm(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, scale) = (input(inputs, 0)?, input(inputs, 1)?);
    let bias = optional(inputs, 2);
    require_f32(node, b, &[x, scale])?;
    let shape = b.value(x).shape.clone();
    let a = axis(node.int("axis", -1)?, shape.len())?;
    let len: usize = shape[a..].iter().product();
    for p in std::iter::once(scale).chain(bias) {
        if b.value(p).len() != len {
            return Err(Error::Unsupported(format!(
                "LayerNormalization with a scale or bias of shape {:?} that is not the normalised shape {:?}",
                b.value(p).shape,
                &shape[a..]
            )));
        }
    }
    let rows: usize = shape[..a].iter().product();
    let epsilon = bits(node.float("epsilon", 1e-5)?);
    let mut stats_shape = shape[..a].to_vec();
    stats_shape.resize(shape.len(), 1);
    let out = b.output(DType::F32, shape)?;
    let mut params = new_params(abi::layernorm::LEN);
    params[abi::layernorm::ROW] = len as i32;
    params[abi::layernorm::EPSILON] = epsilon;
    params[abi::layernorm::HAS_BIAS] = bias.is_some() as i32;
    b.launch(
        "layernorm_f32",
        params,
        &[x, scale, bias.unwrap_or(scale)],
        out,
        rows,
    );
    let mut outs = vec![out];
    // Mean and InvStdDev, when the model reads them.
    use abi::layernorm_stats as stats;
    for (output, kind) in [(1, stats::MEAN), (2, stats::INV_STD_DEV)] {
        if output >= node.outputs.len() {
            break;
        }
        let stat = b.output(DType::F32, stats_shape.clone())?;
        if !node.outputs[output].is_empty() {
            let mut params = new_params(stats::LEN);
            params[stats::ROW] = len as i32;
            params[stats::EPSILON] = epsilon;
            params[stats::KIND] = kind;
            b.launch("layernorm_stats_f32", params, &[x], stat, rows);
        }
        outs.push(stat);
    }
    Ok(outs)
}

/// LRN: local response normalisation across the channels of an NC... tensor.
pub(crate) fn lrn(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    match b.value(x).dtype {
        DType::F64 => return via_f32(node, b, inputs, lrn),
        _ => require_f32(node, b, &[x])?,
    }
    let shape = b.value(x).shape.clone();
    if shape.len() < 2 {
        return Err(Error::InvalidInput(format!(
            "LRN needs N and C dimensions, not {shape:?}"
        )));
    }
    let size = node.int("size", 0)?;
    if size < 1 {
        return Err(Error::InvalidModel(format!(
            "size {size} (LRN needs a positive size)"
        )));
    }
    let params = {
        use abi::lrn::*;
        let mut p = new_params(LEN);
        p[CHANNELS] = shape[1] as i32;
        p[PLANE] = shape[2..].iter().product::<usize>() as i32;
        p[SIZE] = size as i32;
        p[ALPHA] = bits(node.float("alpha", 0.0001)?);
        p[BETA] = bits(node.float("beta", 0.75)?);
        p[BIAS] = bits(node.float("bias", 1.0)?);
        p
    };
    let y = b.output(DType::F32, shape)?;
    let items = b.value(y).len();
    b.launch("lrn_f32", params, &[x], y, items);
    Ok(vec![y])
}
