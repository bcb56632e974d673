//! ConvTranspose: the transposed (fractionally strided) convolution of decoders and upsampling
//! heads, over one to three spatial dimensions, with groups, strides, dilations, pads,
//! output_padding, output_shape and auto_pad as ONNX defines them.

use super::{input, new_params, optional, put};
use crate::abi;
use crate::graph::{Builder, ValueId};
use crate::model::Node;
use crate::tensor::DType;
use crate::Error;

/// The geometry along the spatial dimensions: output sizes and the pads before each.
struct Geometry {
    out: Vec<usize>,
    pads_before: Vec<i64>,
}

/// Works out the output size and the leading pads of each spatial dimension, as ONNX's
/// ConvTranspose says: from `output_shape` or a SAME `auto_pad` when given, else from `pads`.
fn geometry(
    node: &Node,
    input: &[usize],
    kernel: &[usize],
    strides: &[usize],
    dilations: &[usize],
    output_padding: &[usize],
) -> Result<Geometry, Error> {
    let k = input.len();
    let full = |i: usize| -> i64 {
        (strides[i] * (input[i] - 1)) as i64
            + output_padding[i] as i64
            + ((kernel[i] - 1) * dilations[i] + 1) as i64
    };
    let auto_pad = node.string("auto_pad", "NOTSET")?;
    let output_shape = node.ints("output_shape")?.map(|s| {
        // output_shape may list N and C too.
        s[s.len().saturating_sub(k)..].to_vec()
    });
    if let Some(shape) = &output_shape {
        if shape.len() != k || shape.iter().any(|&v| v < 0) {
            return Err(Error::InvalidModel(format!(
                "output_shape {shape:?} for {k} spatial dimensions"
            )));
        }
    }
    if !matches!(
        auto_pad.as_str(),
        "NOTSET" | "VALID" | "SAME_UPPER" | "SAME_LOWER"
    ) {
        return Err(Error::InvalidModel(format!("auto_pad = {auto_pad}")));
    }
    let same = auto_pad.starts_with("SAME");
    if output_shape.is_some() || same {
        // The padding that makes the output `wanted`, split evenly, the odd one at the end
        // for SAME_UPPER and at the start otherwise. Where the output is larger than the
        // scattered windows reach (a negative total), nothing is padded and the rest of the
        // output is bias only: ONNX Runtime's reading, which ONNX's tests agree with.
        let wanted: Vec<i64> = match &output_shape {
            Some(shape) => shape.clone(),
            None => (0..k).map(|i| (input[i] * strides[i]) as i64).collect(),
        };
        let pads_before = (0..k)
            .map(|i| {
                let total = (full(i) - wanted[i]).max(0);
                if auto_pad == "SAME_UPPER" {
                    total / 2
                } else {
                    total - total / 2
                }
            })
            .collect();
        return Ok(Geometry {
            out: wanted.iter().map(|&v| v as usize).collect(),
            pads_before,
        });
    }
    let pads = node.ints("pads")?.unwrap_or_else(|| vec![0; 2 * k]);
    if pads.len() != 2 * k || pads.iter().any(|&v| v < 0) {
        return Err(Error::InvalidModel(format!(
            "pads {pads:?} for {k} spatial dimensions"
        )));
    }
    let out = (0..k)
        .map(|i| {
            let size = full(i) - pads[i] - pads[k + i];
            usize::try_from(size).map_err(|_| {
                Error::InvalidInput(format!("the pads leave dimension {i} a size of {size}"))
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(Geometry {
        out,
        pads_before: pads[..k].to_vec(),
    })
}

pub(crate) fn conv_transpose(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let (x, w) = (input(inputs, 0)?, input(inputs, 1)?);
    let bias = optional(inputs, 2);
    for id in [Some(x), Some(w), bias].into_iter().flatten() {
        if b.value(id).dtype != DType::F32 {
            return Err(Error::Unsupported(format!(
                "ConvTranspose on {} tensors",
                b.value(id).dtype
            )));
        }
    }
    let (xs, ws) = (b.value(x).shape.clone(), b.value(w).shape.clone());
    let (n, c, spatial) = match xs.as_slice() {
        [n, c, rest @ ..] if (1..=3).contains(&rest.len()) => (*n, *c, rest.to_vec()),
        shape => {
            return Err(Error::Unsupported(format!(
                "ConvTranspose on an input of shape {shape:?} (1 to 3 spatial dimensions are \
                 supported)"
            )))
        }
    };
    let k = spatial.len();
    let group = node.int("group", 1)?;
    if group < 1 || c % group as usize != 0 {
        return Err(Error::InvalidModel(format!(
            "group {group} does not divide {c} channels"
        )));
    }
    let group = group as usize;
    if ws.len() != k + 2 || ws[0] != c {
        return Err(Error::InvalidInput(format!(
            "weights of shape {ws:?} do not fit an input of shape {xs:?}"
        )));
    }
    let m = ws[1] * group;
    let kernel = ws[2..].to_vec();
    if let Some(given) = node.ints("kernel_shape")? {
        if given.iter().map(|&v| v as usize).collect::<Vec<_>>() != kernel {
            return Err(Error::InvalidModel(format!(
                "kernel_shape {given:?} does not match the weights {ws:?}"
            )));
        }
    }
    let list = |name: &str, default: usize| -> Result<Vec<usize>, Error> {
        match node.ints(name)? {
            Some(v) if v.len() == k && v.iter().all(|&x| x >= 0) => {
                Ok(v.into_iter().map(|x| x as usize).collect())
            }
            Some(v) => Err(Error::InvalidModel(format!(
                "{name} {v:?} for {k} spatial dimensions"
            ))),
            None => Ok(vec![default; k]),
        }
    };
    let strides = list("strides", 1)?;
    let dilations = list("dilations", 1)?;
    let output_padding = list("output_padding", 0)?;
    if strides.contains(&0) || dilations.contains(&0) {
        return Err(Error::InvalidModel(
            "strides and dilations must be positive".to_string(),
        ));
    }
    if let Some(bias) = bias {
        if b.value(bias).shape != [m] {
            return Err(Error::InvalidInput(format!(
                "the bias has shape {:?}, not [{m}]",
                b.value(bias).shape
            )));
        }
    }
    let geo = geometry(
        node,
        &spatial,
        &kernel,
        &strides,
        &dilations,
        &output_padding,
    )?;

    // Fewer than three spatial dimensions are three with leading ones of size 1.
    let three = |v: &[usize], fill: usize| -> Vec<i32> {
        let mut out = vec![fill as i32; 3 - k];
        out.extend(v.iter().map(|&x| x as i32));
        out
    };
    let params = {
        use abi::conv_transpose::*;
        let mut p = new_params(LEN);
        p[N] = n as i32;
        p[C] = c as i32;
        for (slots, values) in [
            ([D, H, W], three(&spatial, 1)),
            ([OD, OH, OW], three(&geo.out, 1)),
            ([KD, KH, KW], three(&kernel, 1)),
        ] {
            for (slot, v) in slots.into_iter().zip(values) {
                p[slot] = v;
            }
        }
        p[M] = m as i32;
        put(&mut p, STRIDES, &three(&strides, 1));
        let mut pads = vec![0; 3 - k];
        pads.extend(geo.pads_before.iter().map(|&v| v as i32));
        put(&mut p, PADS_BEFORE, &pads);
        put(&mut p, DILATIONS, &three(&dilations, 1));
        p[GROUPS] = group as i32;
        p[HAS_BIAS] = i32::from(bias.is_some());
        p
    };
    let mut out_shape = vec![n, m];
    out_shape.extend(&geo.out);
    let y = b.output(DType::F32, out_shape)?;
    let items = b.value(y).len();
    b.launch(
        "conv_transpose_f32",
        params,
        &[x, w, bias.unwrap_or(w)],
        y,
        items,
    );
    Ok(vec![y])
}
