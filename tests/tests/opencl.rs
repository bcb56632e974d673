//! The harness kernels on every OpenCL device, against the CPU executor (the cases are in
//! [`wasi_parallel_tests::gpu`]). Locally a machine without OpenCL skips; in CI (`CI` set), where
//! PoCL is installed, a missing device fails.

wasi_parallel_tests::gpu_backend_tests!("opencl", "PoCL");
