//! Resize (opset 10 onwards) and Upsample: every interpolation mode ONNX defines (nearest with
//! each rounding mode, linear, cubic, with or without antialiasing) and every coordinate
//! transformation, from scales or sizes, over any axes.
//!
//! Interpolation is separable: along each dimension, output coordinate `o` is a weighted sum of a
//! few input coordinates, its taps. The taps and weights depend only on the shapes and the
//! attributes, so they are worked out here, in f64 as ONNX's reference does, into a table; one
//! kernel (`resize_f32`) then sums every combination of one tap per dimension. This keeps the
//! modes' arithmetic on the host, where it is exact and written once, and the kernel simple on
//! every device.

use super::elementwise::emit_cast;
use super::{input, known_floats, known_ints, new_params, optional, padded_dims};
use crate::abi::{self, RANK};
use crate::graph::{Builder, ValueId};
use crate::model::Node;
use crate::tensor::{DType, Tensor};
use crate::Error;

/// The most input elements one output element may read (the product of the dimensions' taps).
const MAX_TAP_COMBINATIONS: usize = 1 << 16;

/// How an output coordinate maps to an input one.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Coordinates {
    HalfPixel,
    HalfPixelSymmetric,
    PytorchHalfPixel,
    AlignCorners,
    Asymmetric,
    TfCropAndResize,
}

/// Which neighbour nearest-neighbour resizing picks.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Nearest {
    RoundPreferFloor,
    RoundPreferCeil,
    Floor,
    Ceil,
    /// Upsample's and Resize-10's: floor when enlarging, ceil when shrinking.
    Simple,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    Nearest(Nearest),
    Linear,
    /// Cubic with its coefficient `a`.
    Cubic(f64),
}

/// Everything that decides the taps of one dimension.
#[derive(Clone, Copy, Debug)]
struct Interpolation {
    mode: Mode,
    coordinates: Coordinates,
    antialias: bool,
    exclude_outside: bool,
}

/// The taps of one dimension: `taps` per output coordinate, each `(input index, weight)`; an
/// index of -1 marks a coordinate outside the crop.
struct AxisTaps {
    taps: usize,
    entries: Vec<(i32, f32)>,
}

impl Interpolation {
    /// The weights of the taps around an input coordinate whose fraction (past the tap before
    /// it) is `ratio`, in `(0, 1]`.
    fn coefficients(&self, ratio: f64, scale: f64) -> Vec<f64> {
        match self.mode {
            Mode::Nearest(rounding) => {
                let right = if ratio == 1.0 {
                    true
                } else {
                    match rounding {
                        Nearest::RoundPreferFloor => ratio > 0.5,
                        Nearest::RoundPreferCeil => ratio >= 0.5,
                        Nearest::Floor => false,
                        Nearest::Ceil => true,
                        Nearest::Simple => scale < 1.0,
                    }
                };
                vec![f64::from(u8::from(!right)), f64::from(u8::from(right))]
            }
            Mode::Linear if self.antialias => {
                // A triangle filter stretched by the shrink factor.
                let scale = scale.min(1.0);
                let start = (-1.0 / scale).floor() as i64 + 1;
                let footprint = 2 - 2 * start;
                normalised(
                    (start..start + footprint)
                        .map(|i| (1.0 - ((i as f64 - ratio) * scale).abs()).clamp(0.0, 1.0)),
                )
            }
            Mode::Linear => vec![1.0 - ratio, ratio],
            Mode::Cubic(a) if self.antialias => {
                let scale = scale.min(1.0);
                let start = (-2.0 / scale).floor() as i64 + 1;
                let end = 2 - start;
                normalised((start..end).map(|i| cubic(a, scale * (i as f64 - ratio))))
            }
            Mode::Cubic(a) => vec![
                cubic(a, ratio + 1.0),
                cubic(a, ratio),
                cubic(a, 1.0 - ratio),
                cubic(a, 2.0 - ratio),
            ],
        }
    }

    /// The taps of a dimension of `len` input elements resized to `out` by `scale`, within
    /// `roi` (start and end, as fractions) for tf_crop_and_resize.
    fn axis(&self, len: usize, out: usize, scale: f64, roi: (f64, f64)) -> AxisTaps {
        let identity = (scale - 1.0).abs() <= 1e-9
            && out == len
            && (self.coordinates != Coordinates::TfCropAndResize
                || (roi.0.abs() <= 1e-9 && (roi.1 - 1.0).abs() <= 1e-9));
        if identity {
            return AxisTaps {
                taps: 1,
                entries: (0..out).map(|o| (o as i32, 1.0)).collect(),
            };
        }
        // The output's length: ONNX's formulas divide by the whole number of output elements
        // (as ONNX Runtime does), except half_pixel_symmetric's, which compares it with the
        // scaled length.
        let (in_len, width) = (len as f64, out as f64);
        let mut taps = 0;
        let mut entries = Vec::new();
        for o in 0..out {
            let y = o as f64;
            let x = match self.coordinates {
                Coordinates::AlignCorners if width == 1.0 => 0.0,
                Coordinates::AlignCorners => y * (in_len - 1.0) / (width - 1.0),
                Coordinates::Asymmetric => y / scale,
                Coordinates::TfCropAndResize => {
                    let span = (roi.1 - roi.0) * (in_len - 1.0);
                    let x = if width == 1.0 {
                        span / 2.0
                    } else {
                        y * span / (width - 1.0)
                    };
                    x + roi.0 * (in_len - 1.0)
                }
                Coordinates::PytorchHalfPixel if width == 1.0 => -0.5,
                Coordinates::PytorchHalfPixel | Coordinates::HalfPixel => (y + 0.5) / scale - 0.5,
                Coordinates::HalfPixelSymmetric => {
                    let offset = in_len / 2.0 * (1.0 - width / (scale * in_len));
                    offset + (y + 0.5) / scale - 0.5
                }
            };
            let outside =
                self.coordinates == Coordinates::TfCropAndResize && (x < 0.0 || x > in_len - 1.0);
            // The tap left of x has ratio in (0, 1]: at a whole x, the tap at x is the right one.
            let ratio = if x == x.floor() { 1.0 } else { x - x.floor() };
            let mut weights = self.coefficients(ratio, scale);
            let n = weights.len();
            taps = n;
            // The n input coordinates nearest x, ties to the smaller.
            let first = if n.is_multiple_of(2) {
                x.ceil() as i64 - (n / 2) as i64
            } else {
                let half = ((n - 1) / 2) as i64;
                let fraction = x - x.floor();
                x.floor() as i64 - half + i64::from(fraction > 0.5)
            };
            let index = |t: usize| first + t as i64;
            if self.exclude_outside {
                for (t, w) in weights.iter_mut().enumerate() {
                    if index(t) < 0 || index(t) >= len as i64 {
                        *w = 0.0;
                    }
                }
                let sum: f64 = weights.iter().sum();
                let sum = if sum == 0.0 { 1.0 } else { sum };
                weights.iter_mut().for_each(|w| *w /= sum);
            }
            for (t, w) in weights.iter().enumerate() {
                let i = if outside {
                    -1
                } else {
                    index(t).clamp(0, len as i64 - 1) as i32
                };
                entries.push((i, *w as f32));
            }
        }
        AxisTaps { taps, entries }
    }
}

/// Keys's cubic convolution kernel with coefficient `a`, at distance `x`.
fn cubic(a: f64, x: f64) -> f64 {
    let x = x.abs();
    if x <= 1.0 {
        ((a + 2.0) * x - (a + 3.0)) * x * x + 1.0
    } else if x < 2.0 {
        ((a * x - 5.0 * a) * x + 8.0 * a) * x - 4.0 * a
    } else {
        0.0
    }
}

fn normalised(weights: impl Iterator<Item = f64>) -> Vec<f64> {
    let weights: Vec<f64> = weights.collect();
    let sum: f64 = weights.iter().sum();
    weights.iter().map(|w| w / sum).collect()
}

fn parse_mode(node: &Node, resize_10: bool) -> Result<Interpolation, Error> {
    let bad = |what: &str, value: &str| Error::InvalidModel(format!("unknown {what} `{value}`"));
    let nearest = if resize_10 {
        Nearest::Simple
    } else {
        match node.string("nearest_mode", "round_prefer_floor")?.as_str() {
            "round_prefer_floor" => Nearest::RoundPreferFloor,
            "round_prefer_ceil" => Nearest::RoundPreferCeil,
            "floor" => Nearest::Floor,
            "ceil" => Nearest::Ceil,
            other => return Err(bad("nearest_mode", other)),
        }
    };
    let mode = match node.string("mode", "nearest")?.as_str() {
        "nearest" => Mode::Nearest(nearest),
        "linear" | "bilinear" | "trilinear" => Mode::Linear,
        "cubic" | "bicubic" => Mode::Cubic(f64::from(node.float("cubic_coeff_a", -0.75)?)),
        other => return Err(bad("mode", other)),
    };
    let coordinates = if resize_10 {
        Coordinates::Asymmetric
    } else {
        match node
            .string("coordinate_transformation_mode", "half_pixel")?
            .as_str()
        {
            "half_pixel" => Coordinates::HalfPixel,
            "half_pixel_symmetric" => Coordinates::HalfPixelSymmetric,
            "pytorch_half_pixel" => Coordinates::PytorchHalfPixel,
            "align_corners" => Coordinates::AlignCorners,
            "asymmetric" => Coordinates::Asymmetric,
            "tf_crop_and_resize" => Coordinates::TfCropAndResize,
            // Opset 11 to 12 only; ONNX dropped it without a defined meaning.
            "tf_half_pixel_for_nn" => Coordinates::HalfPixel,
            other => return Err(bad("coordinate_transformation_mode", other)),
        }
    };
    let antialias = node.int("antialias", 0)? != 0;
    if antialias && matches!(mode, Mode::Nearest(_)) {
        return Err(Error::InvalidModel(
            "antialias applies to linear and cubic modes only".to_string(),
        ));
    }
    Ok(Interpolation {
        mode,
        coordinates,
        antialias,
        exclude_outside: node.int("exclude_outside", 0)? != 0,
    })
}

/// Resize and Upsample.
pub(crate) fn resize(
    node: &Node,
    b: &mut Builder,
    inputs: &[Option<ValueId>],
) -> Result<Vec<ValueId>, Error> {
    let x = input(inputs, 0)?;
    let upsample = node.op == "Upsample";
    // Upsample and Resize-10 take the scales as input 1 (Upsample-7 as an attribute), with
    // asymmetric coordinates; later Resizes take roi, scales and sizes as inputs 1 to 3.
    let old = upsample || b.opset < 11;
    let interpolation = parse_mode(node, old)?;
    let (dtype, shape) = (b.value(x).dtype, b.value(x).shape.clone());
    let rank = shape.len();
    if rank > RANK {
        return Err(Error::Unsupported(format!(
            "{} of rank {rank} (at most {RANK})",
            node.op
        )));
    }

    let present = |k: usize| optional(inputs, k).filter(|&id| b.value(id).len() > 0);
    let (roi, scales, sizes) = if old {
        let scales = match present(1) {
            Some(_) => known_floats(b, inputs, 1, "scales")?,
            None => node.floats("scales")?,
        };
        (None, scales, None)
    } else {
        let roi = match present(1) {
            Some(_) => known_floats(b, inputs, 1, "roi")?,
            None => None,
        };
        let scales = match present(2) {
            Some(_) => known_floats(b, inputs, 2, "scales")?,
            None => None,
        };
        let sizes = match present(3) {
            Some(_) => known_ints(b, inputs, 3, "sizes")?,
            None => None,
        };
        (roi, scales, sizes)
    };

    // The axes resized, each once.
    let axes: Vec<usize> = match node.ints("axes")? {
        Some(list) => {
            let mut axes = Vec::with_capacity(list.len());
            for a in list {
                let a = super::axis(a, rank)?;
                if axes.contains(&a) {
                    return Err(Error::InvalidModel(format!("axis {a} is listed twice")));
                }
                axes.push(a);
            }
            axes
        }
        None => (0..rank).collect(),
    };
    let per_axis = |values: &[f64], what: &str, fill: f64| -> Result<Vec<f64>, Error> {
        if values.len() != axes.len() {
            return Err(Error::InvalidInput(format!(
                "{} {what} for {} axes",
                values.len(),
                axes.len()
            )));
        }
        let mut full = vec![fill; rank];
        for (&a, &v) in axes.iter().zip(values) {
            full[a] = v;
        }
        Ok(full)
    };

    let (scale, out): (Vec<f64>, Vec<usize>) = match (&scales, &sizes) {
        (Some(_), Some(_)) => {
            return Err(Error::InvalidModel(
                "both scales and sizes are given".to_string(),
            ))
        }
        (Some(s), None) => {
            let s: Vec<f64> = s.iter().map(|&v| f64::from(v)).collect();
            let scale = per_axis(&s, "scales", 1.0)?;
            if let Some(bad) = scale.iter().find(|v| !(v.is_finite() && **v > 0.0)) {
                return Err(Error::InvalidInput(format!(
                    "scale {bad} (scales must be positive)"
                )));
            }
            let out = scale
                .iter()
                .zip(&shape)
                .map(|(s, &d)| (s * d as f64) as usize)
                .collect();
            (scale, out)
        }
        (None, Some(sizes)) => {
            if let Some(bad) = sizes.iter().find(|&&v| v < 0) {
                return Err(Error::InvalidInput(format!(
                    "size {bad} (sizes must not be negative)"
                )));
            }
            let sizes: Vec<f64> = sizes.iter().map(|&v| v as f64).collect();
            let wanted = per_axis(&sizes, "sizes", 0.0)?;
            let mut out: Vec<usize> = (0..rank)
                .map(|d| {
                    if axes.contains(&d) {
                        wanted[d] as usize
                    } else {
                        shape[d]
                    }
                })
                .collect();
            let mut scale: Vec<f64> = (0..rank).map(|d| out[d] as f64 / shape[d] as f64).collect();
            let policy = node.string("keep_aspect_ratio_policy", "stretch")?;
            if policy != "stretch" {
                let of_axes = axes.iter().map(|&a| scale[a]);
                let common = match policy.as_str() {
                    "not_larger" => of_axes.fold(f64::INFINITY, f64::min),
                    "not_smaller" => of_axes.fold(f64::NEG_INFINITY, f64::max),
                    other => {
                        return Err(Error::InvalidModel(format!(
                            "unknown keep_aspect_ratio_policy `{other}`"
                        )))
                    }
                };
                for &a in &axes {
                    scale[a] = common;
                    out[a] = (common * shape[a] as f64 + 0.5) as usize;
                }
            }
            (scale, out)
        }
        (None, None) => {
            return Err(Error::InvalidModel(
                "neither scales nor sizes is given".to_string(),
            ))
        }
    };
    let roi: Vec<(f64, f64)> = match &roi {
        Some(r) if interpolation.coordinates == Coordinates::TfCropAndResize => {
            if r.len() != 2 * axes.len() {
                return Err(Error::InvalidInput(format!(
                    "roi has {} values for {} axes",
                    r.len(),
                    axes.len()
                )));
            }
            let mut full = vec![(0.0, 1.0); rank];
            for (k, &a) in axes.iter().enumerate() {
                full[a] = (f64::from(r[k]), f64::from(r[axes.len() + k]));
            }
            full
        }
        _ => vec![(0.0, 1.0); rank],
    };

    // Each output element sums every combination of one tap per dimension: antialiasing by a
    // tiny scale along several dimensions would make that a hang.
    let mut combinations = 1usize;
    let mut axis_taps = Vec::with_capacity(rank);
    for d in 0..rank {
        let axis = interpolation.axis(shape[d], out[d], scale[d], roi[d]);
        combinations = combinations.saturating_mul(axis.taps.max(1));
        if combinations > MAX_TAP_COMBINATIONS {
            return Err(Error::Unsupported(format!(
                "{} whose output elements each read more than {MAX_TAP_COMBINATIONS} input \
                 elements (antialiasing by scales {scale:?})",
                node.op
            )));
        }
        axis_taps.push(axis);
    }
    // The table: entry 0 is the padding dimensions' one tap, then each dimension's taps.
    let mut table: Vec<i32> = vec![0, 1.0f32.to_bits() as i32];
    let mut taps = vec![1; RANK];
    let mut tables = vec![0; RANK];
    for (d, axis) in axis_taps.into_iter().enumerate() {
        let slot = RANK - rank + d;
        taps[slot] = axis.taps as i32;
        tables[slot] = table.len() as i32;
        for (index, weight) in axis.entries {
            table.extend([index, weight.to_bits() as i32]);
        }
    }
    // Integer results are truncated, as ONNX Runtime converts them.
    let (truncate, low, high) = match dtype {
        DType::F32 | DType::F64 => (0, 0.0, 0.0),
        DType::U8 => (1, 0.0, 255.0),
        DType::I8 => (1, -128.0, 127.0),
        DType::Bool => (1, 0.0, 1.0),
        DType::I32 => (1, i32::MIN as f32, i32::MAX as f32),
        DType::I64 => (1, i64::MIN as f32, i64::MAX as f32),
    };
    let params = {
        use abi::resize::*;
        let mut p = new_params(LEN);
        super::put(&mut p, OUT_DIMS, &padded_dims(&out)?);
        super::put(&mut p, IN_STRIDES, &super::padded_shape_strides(&shape));
        super::put(&mut p, TAPS, &taps);
        super::put(&mut p, TABLES, &tables);
        p[EXTRAPOLATION] = super::bits(node.float("extrapolation_value", 0.0)?);
        p[TRUNCATE] = truncate;
        p[LOW] = super::bits(low);
        p[HIGH] = super::bits(high);
        p
    };
    let words = table.len();
    let table = b.constant(Tensor::new(
        DType::I32,
        vec![words],
        table
            .iter()
            .flat_map(|w| w.to_le_bytes())
            .collect::<Vec<u8>>(),
    )?);
    let xf = if dtype == DType::F32 {
        x
    } else {
        emit_cast(b, x, DType::F32)?
    };
    let y = b.output(DType::F32, out)?;
    let items = b.value(y).len();
    b.launch("resize_f32", params, &[table, xf], y, items);
    let y = if dtype == DType::F32 {
        y
    } else {
        emit_cast(b, y, dtype)?
    };
    Ok(vec![y])
}
