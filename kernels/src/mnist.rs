//! Shared by the wasi-nn example guests: MNIST preprocessing and the report of the top labels.
//!
//! The model (`../shared/models/mnist`) takes `Input3`, f32 `[1, 1, 28, 28]`: a greyscale digit
//! scaled to `[0, 1]`, and returns 10 logits; the labels file names the digits, one per line.

use std::string::{String, ToString};
use std::vec::Vec;
use std::{format, println};

use wasi_nn::{Graph, TensorType};

/// The model's input shape.
pub const INPUT_SHAPE: [usize; 4] = [1, 1, 28, 28];

/// Decodes a 28x28 JPEG into the model's input: greyscale, divided by 255, row-major.
pub fn load_image(path: &str) -> Result<Vec<f32>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let mut decoder = jpeg_decoder::Decoder::new(bytes.as_slice());
    let pixels = decoder.decode().map_err(|e| format!("{path}: {e}"))?;
    let info = decoder
        .info()
        .ok_or_else(|| format!("{path}: no image information"))?;
    if (info.width, info.height) != (28, 28) {
        return Err(format!(
            "{path}: the image is {}x{}, not 28x28",
            info.width, info.height
        ));
    }
    let grey: Vec<u8> = match info.pixel_format {
        jpeg_decoder::PixelFormat::L8 => pixels,
        jpeg_decoder::PixelFormat::RGB24 => pixels
            .chunks_exact(3)
            .map(|p| ((p[0] as u32 * 299 + p[1] as u32 * 587 + p[2] as u32 * 114) / 1000) as u8)
            .collect(),
        other => return Err(format!("{path}: unsupported pixel format {other:?}")),
    };
    Ok(grey.into_iter().map(|p| p as f32 / 255.0).collect())
}

/// Runs `graph` on every image and prints each one's top three labels with their
/// probabilities (softmax of the logits).
pub fn classify(graph: &Graph, labels_path: &str, images: &[String]) -> Result<(), String> {
    let labels_text =
        std::fs::read_to_string(labels_path).map_err(|e| format!("{labels_path}: {e}"))?;
    let labels: Vec<&str> = labels_text.lines().collect();
    let mut context = graph
        .init_execution_context()
        .map_err(|e| format!("init_execution_context: {e:?}"))?;
    for image in images {
        let input = load_image(image)?;
        context
            .set_input(0, TensorType::F32, &INPUT_SHAPE, &input)
            .map_err(|e| format!("set_input: {e:?}"))?;
        context.compute().map_err(|e| format!("compute: {e:?}"))?;
        let mut logits = [0f32; 10];
        let bytes = context
            .get_output(0, &mut logits)
            .map_err(|e| format!("get_output: {e:?}"))?;
        if bytes != 40 {
            return Err(format!("the model returned {bytes} bytes, not 10 logits"));
        }
        let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let exp: Vec<f32> = logits.iter().map(|&l| (l - max).exp()).collect();
        let sum: f32 = exp.iter().sum();
        let mut ranked: Vec<(usize, f32)> = exp.iter().map(|&e| e / sum).enumerate().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        let top: Vec<String> = ranked
            .iter()
            .take(3)
            .map(|&(digit, p)| {
                let label = labels
                    .get(digit)
                    .map_or_else(|| digit.to_string(), |l| l.to_string());
                format!("{digit} {label} ({:.1}%)", p * 100.0)
            })
            .collect();
        println!("{image}: {}", top.join(", "));
    }
    Ok(())
}
