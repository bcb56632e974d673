//! Back ends: validated naga IR out to what a device compiles.
//!
//! naga's own writers (WGSL, SPIR-V, MSL, HLSL, GLSL) cover the wgpu path. OpenCL takes OpenCL C
//! source, which naga does not write, so this crate has its own writer, [`opencl`], shaped like a
//! naga back end: it takes `(&Module, &ModuleInfo)` and never sees unvalidated IR.

pub mod opencl;
