//! Classifies handwritten digits with an MNIST model the host preloaded, by name
//! (`load_by_name`), through wasi-nn.
//!
//! ```text
//! wasi-parallel run --wasi-nn-graph onnx::../shared/models/mnist --dir ../shared/models/mnist::/mnist \
//!     mnist-by-name.wasm mnist /mnist/mnist-labels.txt /mnist/images/3.jpg
//! ```
//!
//! Arguments: the model's name, the labels file, then the images (28x28 JPEGs). Prints each
//! image's top three digits.

use wasi_nn::{ExecutionTarget, GraphBuilder, GraphEncoding};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [name, labels, images @ ..] = args.as_slice() else {
        eprintln!("usage: mnist-by-name MODEL_NAME LABELS IMAGE...");
        std::process::exit(2);
    };
    let graph =
        match GraphBuilder::new(GraphEncoding::Onnx, ExecutionTarget::CPU).build_from_cache(name) {
            Ok(graph) => graph,
            Err(e) => {
                eprintln!("load_by_name {name}: {e:?}");
                std::process::exit(1);
            }
        };
    if let Err(e) = wasi_parallel_kernels::mnist::classify(&graph, labels, images) {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
