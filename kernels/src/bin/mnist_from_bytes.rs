//! Classifies handwritten digits with an MNIST model that the guest reads and loads from bytes
//! (`load`), through wasi-nn.
//!
//! ```text
//! wasi-parallel run --dir ../shared/models/mnist::/mnist \
//!     mnist-from-bytes.wasm /mnist/model.onnx cpu /mnist/mnist-labels.txt /mnist/images/3.jpg
//! ```
//!
//! Arguments: the model file, the execution target (`cpu` or `gpu`), the labels file, then the
//! images (28x28 JPEGs). Prints each image's top three digits.

use wasi_nn::{ExecutionTarget, GraphBuilder, GraphEncoding};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model, target, labels, images @ ..] = args.as_slice() else {
        eprintln!("usage: mnist-from-bytes MODEL TARGET LABELS IMAGE...");
        std::process::exit(2);
    };
    let target = match target.as_str() {
        "cpu" => ExecutionTarget::CPU,
        "gpu" => ExecutionTarget::GPU,
        other => {
            eprintln!("unknown target {other} (cpu or gpu)");
            std::process::exit(2);
        }
    };
    let bytes = match std::fs::read(model) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{model}: {e}");
            std::process::exit(1);
        }
    };
    let graph = match GraphBuilder::new(GraphEncoding::Onnx, target).build_from_bytes([&bytes]) {
        Ok(graph) => graph,
        Err(e) => {
            eprintln!("load {model}: {e:?}");
            std::process::exit(1);
        }
    };
    if let Err(e) = wasi_parallel_kernels::mnist::classify(&graph, labels, images) {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
