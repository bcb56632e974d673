//! Classifies an MNIST digit through the WIT interface of wasi-nn (`wasi:nn`), as a component.
//!
//! Arguments: a model — a name the host preloaded, or a path to an `.onnx` file to load from
//! bytes with the `autodetect` encoding — then the raw input tensor (f32 [1, 1, 28, 28], as
//! `../shared/models/mnist/input_N.bin`). Prints the digit and the logits.

wit_bindgen::generate!({ path: "wit", world: "ml" });

use wasi::nn::errors::Error;
use wasi::nn::graph::{self, ExecutionTarget, GraphEncoding};
use wasi::nn::tensor::{Tensor, TensorType};

fn fail(what: &str, e: Error) -> ! {
    eprintln!("{what}: {:?}: {}", e.code(), e.data());
    std::process::exit(1);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model, input] = args.as_slice() else {
        eprintln!("usage: mnist-wit MODEL_NAME_OR_FILE INPUT_TENSOR");
        std::process::exit(2);
    };
    let graph = if model.ends_with(".onnx") {
        let bytes = std::fs::read(model).unwrap_or_else(|e| panic!("{model}: {e}"));
        graph::load(&[bytes], GraphEncoding::Autodetect, ExecutionTarget::Cpu)
            .unwrap_or_else(|e| fail("load", e))
    } else {
        graph::load_by_name(model).unwrap_or_else(|e| fail("load-by-name", e))
    };
    let context = graph
        .init_execution_context()
        .unwrap_or_else(|e| fail("init-execution-context", e));
    let data = std::fs::read(input).unwrap_or_else(|e| panic!("{input}: {e}"));
    let tensor = Tensor::new(&[1, 1, 28, 28], TensorType::Fp32, &data);
    let outputs = context
        .compute(vec![("Input3".to_string(), tensor)])
        .unwrap_or_else(|e| fail("compute", e));
    let (name, logits) = &outputs[0];
    let logits: Vec<f32> = logits
        .data()
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    let digit = (0..logits.len())
        .max_by(|&a, &b| logits[a].total_cmp(&logits[b]))
        .expect("ten logits");
    println!("digit {digit} ({name}: {logits:?})");
}
