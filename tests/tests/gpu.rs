//! The harness kernels on every wgpu device, against the CPU executor (the cases are in
//! [`wasi_parallel_tests::gpu`]). Locally a machine without a GPU (or lavapipe) skips; in CI
//! (`CI` set), where lavapipe is installed, a missing device fails.

wasi_parallel_tests::gpu_backend_tests!("wgpu", "lavapipe");
