//! The recurrent layers, LSTM, GRU and RNN: forward, reverse and bidirectional, with sequence
//! lengths, initial states, peepholes, clipping, every activation ONNX lists, and both layouts.
//!
//! The sequence length is known when the plan is made, so a layer is unrolled into the
//! operators it is made of: one Gemm of the whole input sequence with the input weights (all
//! time steps at once), then per time step a Gemm with the recurrent weights and the gates'
//! element-wise arithmetic. Every piece runs on every device; a time step costs about a dozen
//! small launches.

use super::composed::{apply, slice, transpose};
use super::elementwise::emit_binary;
use super::{input, known_ints, optional, scalar};
use crate::graph::{Builder, ValueId};
use crate::model::{Attr, Node};
use crate::tensor::{DType, Tensor};
use crate::Error;

#[derive(Clone, Copy, PartialEq)]
enum Cell {
    Lstm,
    Gru,
    Rnn,
}

impl Cell {
    fn gates(self) -> usize {
        match self {
            Cell::Lstm => 4,
            Cell::Gru => 3,
            Cell::Rnn => 1,
        }
    }

    /// The activations per direction when the model lists none.
    fn default_activations(self) -> &'static [&'static str] {
        match self {
            Cell::Lstm => &["Sigmoid", "Tanh", "Tanh"],
            Cell::Gru => &["Sigmoid", "Tanh"],
            Cell::Rnn => &["Tanh"],
        }
    }
}

/// An activation function of a recurrent layer, with its alpha and beta.
#[derive(Clone)]
struct Activation {
    name: String,
    alpha: Option<f32>,
    beta: Option<f32>,
}

impl Activation {
    fn apply(&self, b: &mut Builder, x: ValueId) -> Result<ValueId, Error> {
        let f = |b: &mut Builder, v: f32| scalar(b, DType::F32, f64::from(v));
        let attrs = |names: &[(&'static str, Option<f32>)]| -> Vec<(&'static str, Attr)> {
            names
                .iter()
                .filter_map(|(n, v)| v.map(|v| (*n, Attr::Float(v))))
                .collect()
        };
        let name = self.name.to_ascii_lowercase();
        Ok(match name.as_str() {
            "relu" => apply(b, "Relu", vec![], &[Some(x)])?[0],
            "tanh" => apply(b, "Tanh", vec![], &[Some(x)])?[0],
            "sigmoid" => apply(b, "Sigmoid", vec![], &[Some(x)])?[0],
            "softsign" => apply(b, "Softsign", vec![], &[Some(x)])?[0],
            "softplus" => apply(b, "Softplus", vec![], &[Some(x)])?[0],
            "leakyrelu" => apply(b, "LeakyRelu", attrs(&[("alpha", self.alpha)]), &[Some(x)])?[0],
            "thresholdedrelu" => apply(
                b,
                "ThresholdedRelu",
                attrs(&[("alpha", self.alpha)]),
                &[Some(x)],
            )?[0],
            "elu" => apply(b, "Elu", attrs(&[("alpha", self.alpha)]), &[Some(x)])?[0],
            "hardsigmoid" => apply(
                b,
                "HardSigmoid",
                attrs(&[("alpha", self.alpha), ("beta", self.beta)]),
                &[Some(x)],
            )?[0],
            "affine" => {
                let (a, c) = (
                    f(b, self.alpha.unwrap_or(1.0))?,
                    f(b, self.beta.unwrap_or(0.0))?,
                );
                let ax = emit_binary(b, "Mul", a, x)?;
                emit_binary(b, "Add", ax, c)?
            }
            "scaledtanh" => {
                let (a, c) = (
                    f(b, self.alpha.unwrap_or(1.0))?,
                    f(b, self.beta.unwrap_or(1.0))?,
                );
                let bx = emit_binary(b, "Mul", c, x)?;
                let t = apply(b, "Tanh", vec![], &[Some(bx)])?[0];
                emit_binary(b, "Mul", a, t)?
            }
            _ => {
                return Err(Error::Unsupported(format!(
                    "the recurrent activation {}",
                    self.name
                )))
            }
        })
    }
}

fn gemm_bt(
    b: &mut Builder,
    a: ValueId,
    w: ValueId,
    bias: Option<ValueId>,
) -> Result<ValueId, Error> {
    let mut ins = vec![Some(a), Some(w)];
    if bias.is_some() {
        ins.push(bias);
    }
    Ok(apply(b, "Gemm", vec![("transB", Attr::Int(1))], &ins)?[0])
}

fn matmul(b: &mut Builder, x: ValueId, y: ValueId) -> Result<ValueId, Error> {
    Ok(apply(b, "MatMul", vec![], &[Some(x), Some(y)])?[0])
}

fn add(b: &mut Builder, x: ValueId, y: ValueId) -> Result<ValueId, Error> {
    emit_binary(b, "Add", x, y)
}

fn mul(b: &mut Builder, x: ValueId, y: ValueId) -> Result<ValueId, Error> {
    emit_binary(b, "Mul", x, y)
}

pub(crate) fn lstm(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    recurrent(node, b, inputs, Cell::Lstm)
}

pub(crate) fn gru(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    recurrent(node, b, inputs, Cell::Gru)
}

pub(crate) fn rnn(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    recurrent(node, b, inputs, Cell::Rnn)
}

fn recurrent(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
    cell: Cell,
) -> Result<Vec<ValueId>, Error> {
    let (x, w, r) = (input(inputs, 0)?, input(inputs, 1)?, input(inputs, 2)?);
    for id in [Some(x), Some(w), Some(r), optional(inputs, 3)]
        .into_iter()
        .flatten()
    {
        if b.value(id).dtype != DType::F32 {
            return Err(Error::Unsupported(format!(
                "{} on {} tensors",
                node.op,
                b.value(id).dtype
            )));
        }
    }
    let batch_first = node.int("layout", 0)? != 0;
    let xs = b.value(x).shape.clone();
    let [a0, a1, features] = xs[..] else {
        return Err(Error::InvalidInput(format!(
            "{} of an input of shape {xs:?}",
            node.op
        )));
    };
    let (seq, batch) = if batch_first { (a1, a0) } else { (a0, a1) };
    let hidden = node.int("hidden_size", 0)?;
    let dirs = match node.string("direction", "forward")?.as_str() {
        "forward" | "reverse" => 1,
        "bidirectional" => 2,
        other => {
            return Err(Error::InvalidModel(format!("direction `{other}`")));
        }
    };
    let reverse_only = node.string("direction", "forward")? == "reverse";
    let g = cell.gates();
    let ws = b.value(w).shape.clone();
    let h = if hidden > 0 {
        hidden as usize
    } else {
        ws.get(1).copied().unwrap_or(0) / g
    };
    if ws != [dirs, g * h, features] || b.value(r).shape != [dirs, g * h, h] {
        return Err(Error::InvalidInput(format!(
            "{} weights W {ws:?} and R {:?} for {dirs} direction(s), hidden size {h} and {features} \
             features",
            node.op,
            b.value(r).shape
        )));
    }
    // Activations: the model's list (per direction), or the defaults.
    let names: Vec<String> = match node.strings("activations")? {
        Some(list) => list,
        None => cell
            .default_activations()
            .iter()
            .cycle()
            .take(cell.default_activations().len() * dirs)
            .map(|s| s.to_string())
            .collect(),
    };
    let per_dir = cell.default_activations().len();
    if names.len() != per_dir * dirs {
        return Err(Error::InvalidModel(format!(
            "{} activations for {dirs} direction(s) of {}",
            names.len(),
            node.op
        )));
    }
    let alphas = node.floats("activation_alpha")?.unwrap_or_default();
    let betas = node.floats("activation_beta")?.unwrap_or_default();
    let activations: Vec<Activation> = names
        .iter()
        .enumerate()
        .map(|(k, n)| Activation {
            name: n.clone(),
            alpha: alphas.get(k).copied(),
            beta: betas.get(k).copied(),
        })
        .collect();
    let clip = node.float("clip", 0.0)?;
    let clip = (node.attrs.contains_key("clip")).then_some(clip);
    let input_forget = node.int("input_forget", 0)? != 0;
    let linear_before_reset = node.int("linear_before_reset", 0)? != 0;

    // Sequence lengths: when every one is the whole sequence, they change nothing.
    let lengths: Option<Vec<i64>> = known_ints(b, inputs, 4, "sequence_lens")?;
    let lengths = lengths.filter(|l| l.iter().any(|&v| v != seq as i64));
    if let Some(l) = &lengths {
        if l.len() != batch || l.iter().any(|&v| v < 0 || v > seq as i64) {
            return Err(Error::InvalidInput(format!(
                "sequence_lens {l:?} for {batch} sequences of {seq}"
            )));
        }
    }
    // Step t's mask, [batch, 1]: whether sequence b is still running.
    let mask = |b: &mut Builder, t: usize| -> Result<Option<ValueId>, Error> {
        let Some(l) = &lengths else { return Ok(None) };
        let m: Vec<u8> = l.iter().map(|&v| u8::from((t as i64) < v)).collect();
        Ok(Some(b.constant(Tensor::new(
            DType::Bool,
            vec![batch, 1],
            m,
        )?)))
    };

    // The input sequence as [seq * batch, features], time-major.
    let xt = if batch_first {
        transpose(b, x, &[1, 0, 2])?
    } else {
        x
    };
    let x2 = b.view(xt, vec![seq * batch, features])?;

    // Each time step is a dozen launches: a sequence long enough to exhaust the host is
    // refused (TooLarge) with the loops' bound, before anything is planned.
    b.unroll(seq.saturating_mul(dirs))?;
    let zero = b.constant(Tensor::from_f32(vec![batch, h], &vec![0.0; batch * h])?);
    let mut ys: Vec<Vec<ValueId>> = Vec::new();
    let (mut last_h, mut last_c) = (Vec::new(), Vec::new());
    for d in 0..dirs {
        let reverse = reverse_only || d == 1;
        let wd = slice(b, w, 0, d, d + 1)?;
        let wd = b.view(wd, vec![g * h, features])?;
        let rd = slice(b, r, 0, d, d + 1)?;
        let rd = b.view(rd, vec![g * h, h])?;
        // R transposed once (folded when constant), so that each step's product reads it row
        // by row; W goes through one Gemm for the whole sequence.
        let rd_t = apply(b, "Transpose", vec![], &[Some(rd)])?[0];
        // Biases: Wb + Rb, added to the input Gemm (except GRU's recurrent h bias with
        // linear_before_reset, which stays inside the reset gate).
        let (wb, rb) = match optional(inputs, 3) {
            Some(bias) => {
                let bd = slice(b, bias, 0, d, d + 1)?;
                let bd = b.view(bd, vec![2 * g * h])?;
                (
                    Some(slice(b, bd, 0, 0, g * h)?),
                    Some(slice(b, bd, 0, g * h, 2 * g * h)?),
                )
            }
            None => (None, None),
        };
        let input_bias = match (cell, wb, rb) {
            (Cell::Gru, Some(wb), Some(rb)) => {
                // z and r take both biases; h takes Wbh (and Rbh below).
                let rzr = slice(b, rb, 0, 0, 2 * h)?;
                let zero_h = b.constant(Tensor::from_f32(vec![h], &vec![0.0; h])?);
                let rb_zr = apply(
                    b,
                    "Concat",
                    vec![("axis", Attr::Int(0))],
                    &[Some(rzr), Some(zero_h)],
                )?[0];
                Some(add(b, wb, rb_zr)?)
            }
            (_, Some(wb), Some(rb)) => Some(add(b, wb, rb)?),
            _ => None,
        };
        let rbh = match (cell, rb) {
            (Cell::Gru, Some(rb)) => Some(slice(b, rb, 0, 2 * h, 3 * h)?),
            _ => None,
        };
        let xw = gemm_bt(b, x2, wd, input_bias)?;
        let state = |b: &mut Builder, k: usize| -> Result<ValueId, Error> {
            match optional(inputs, k) {
                Some(s) => {
                    let sd = slice(b, s, 0, d, d + 1)?;
                    b.view(sd, vec![batch, h])
                }
                None => Ok(zero),
            }
        };
        let mut hs = state(b, 5)?;
        let mut cs = if cell == Cell::Lstm {
            state(b, 6)?
        } else {
            zero
        };
        let peep = match (cell, optional(inputs, 7)) {
            (Cell::Lstm, Some(p)) => {
                let pd = slice(b, p, 0, d, d + 1)?;
                let pd = b.view(pd, vec![3 * h])?;
                Some([
                    slice(b, pd, 0, 0, h)?,
                    slice(b, pd, 0, h, 2 * h)?,
                    slice(b, pd, 0, 2 * h, 3 * h)?,
                ])
            }
            _ => None,
        };
        let act = &activations[d * per_dir..(d + 1) * per_dir];
        let clipped = |b: &mut Builder, v: ValueId| -> Result<ValueId, Error> {
            match clip {
                Some(c) => {
                    let (lo, hi) = (
                        scalar(b, DType::F32, -f64::from(c))?,
                        scalar(b, DType::F32, f64::from(c))?,
                    );
                    let v = emit_binary(b, "Max", v, lo)?;
                    emit_binary(b, "Min", v, hi)
                }
                None => Ok(v),
            }
        };
        let mut outputs = vec![zero; seq];
        let steps: Vec<usize> = if reverse {
            (0..seq).rev().collect()
        } else {
            (0..seq).collect()
        };
        for t in steps {
            let xg = slice(b, xw, 0, t * batch, (t + 1) * batch)?;
            let gate = |b: &mut Builder, v: ValueId, k: usize| slice(b, v, 1, k * h, (k + 1) * h);
            let (new_h, new_c) = match cell {
                Cell::Lstm => {
                    let rec = matmul(b, hs, rd_t)?;
                    let pre = add(b, xg, rec)?;
                    let (mut gi, go, mut gf, gc) = (
                        gate(b, pre, 0)?,
                        gate(b, pre, 1)?,
                        gate(b, pre, 2)?,
                        gate(b, pre, 3)?,
                    );
                    if let Some([pi, _, pf]) = peep {
                        let a = mul(b, pi, cs)?;
                        gi = add(b, gi, a)?;
                        let f = mul(b, pf, cs)?;
                        gf = add(b, gf, f)?;
                    }
                    let gi = clipped(b, gi)?;
                    let i = act[0].apply(b, gi)?;
                    let f = if input_forget {
                        let one = scalar(b, DType::F32, 1.0)?;
                        emit_binary(b, "Sub", one, i)?
                    } else {
                        let gf = clipped(b, gf)?;
                        act[0].apply(b, gf)?
                    };
                    let gc = clipped(b, gc)?;
                    let c_new = act[1].apply(b, gc)?;
                    let kept = mul(b, f, cs)?;
                    let added = mul(b, i, c_new)?;
                    let c = add(b, kept, added)?;
                    let mut go = go;
                    if let Some([_, po, _]) = peep {
                        let a = mul(b, po, c)?;
                        go = add(b, go, a)?;
                    }
                    let go = clipped(b, go)?;
                    let o = act[0].apply(b, go)?;
                    let hc = act[2].apply(b, c)?;
                    (mul(b, o, hc)?, c)
                }
                Cell::Gru => {
                    let rec = matmul(b, hs, rd_t)?;
                    let (xz, xr, xh) = (gate(b, xg, 0)?, gate(b, xg, 1)?, gate(b, xg, 2)?);
                    let (hz, hr, hh) = (gate(b, rec, 0)?, gate(b, rec, 1)?, gate(b, rec, 2)?);
                    let z = add(b, xz, hz)?;
                    let z = clipped(b, z)?;
                    let z = act[0].apply(b, z)?;
                    let rr = add(b, xr, hr)?;
                    let rr = clipped(b, rr)?;
                    let rr = act[0].apply(b, rr)?;
                    let rh = if linear_before_reset {
                        let hh = match rbh {
                            Some(bias) => add(b, hh, bias)?,
                            None => hh,
                        };
                        mul(b, rr, hh)?
                    } else {
                        let reset = mul(b, rr, hs)?;
                        let rh_w = slice(b, rd_t, 1, 2 * h, 3 * h)?;
                        let v = matmul(b, reset, rh_w)?;
                        match rbh {
                            Some(bias) => add(b, v, bias)?,
                            None => v,
                        }
                    };
                    let pre = add(b, xh, rh)?;
                    let pre = clipped(b, pre)?;
                    let cand = act[1].apply(b, pre)?;
                    // (1 - z) * cand + z * h = cand + z * (h - cand)
                    let diff = emit_binary(b, "Sub", hs, cand)?;
                    let zd = mul(b, z, diff)?;
                    (add(b, cand, zd)?, zero)
                }
                Cell::Rnn => {
                    let rec = matmul(b, hs, rd_t)?;
                    let pre = add(b, xg, rec)?;
                    let pre = clipped(b, pre)?;
                    (act[0].apply(b, pre)?, zero)
                }
            };
            match mask(b, t)? {
                Some(m) => {
                    hs = apply(b, "Where", vec![], &[Some(m), Some(new_h), Some(hs)])?[0];
                    if cell == Cell::Lstm {
                        cs = apply(b, "Where", vec![], &[Some(m), Some(new_c), Some(cs)])?[0];
                    }
                    outputs[t] = apply(b, "Where", vec![], &[Some(m), Some(new_h), Some(zero)])?[0];
                }
                None => {
                    hs = new_h;
                    cs = new_c;
                    outputs[t] = new_h;
                }
            }
        }
        ys.push(outputs);
        last_h.push(hs);
        last_c.push(cs);
    }

    // Y: [seq, dirs, batch, h] (or [batch, seq, dirs, h]); Y_h, Y_c: [dirs, batch, h] (or
    // [batch, dirs, h]).
    let mut steps = Vec::with_capacity(seq);
    for t in 0..seq {
        let per_dir: Vec<Option<ValueId>> = ys
            .iter()
            .map(|o| b.view(o[t], vec![1, 1, batch, h]).map(Some))
            .collect::<Result<_, _>>()?;
        steps.push(Some(
            apply(b, "Concat", vec![("axis", Attr::Int(1))], &per_dir)?[0],
        ));
    }
    let y = if seq == 0 {
        b.constant(Tensor::from_f32(vec![0, dirs, batch, h], &[])?)
    } else {
        apply(b, "Concat", vec![("axis", Attr::Int(0))], &steps)?[0]
    };
    let finals = |b: &mut Builder, states: &[ValueId]| -> Result<ValueId, Error> {
        let parts: Vec<Option<ValueId>> = states
            .iter()
            .map(|&s| b.view(s, vec![1, batch, h]).map(Some))
            .collect::<Result<_, _>>()?;
        let all = apply(b, "Concat", vec![("axis", Attr::Int(0))], &parts)?[0];
        if batch_first {
            transpose(b, all, &[1, 0, 2])
        } else {
            Ok(all)
        }
    };
    let y = if batch_first {
        transpose(b, y, &[2, 0, 1, 3])?
    } else {
        y
    };
    let mut outs = vec![y, finals(b, &last_h)?];
    if cell == Cell::Lstm {
        outs.push(finals(b, &last_c)?);
    }
    Ok(outs)
}
