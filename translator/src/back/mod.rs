//! Back ends: validated naga IR out to what a device compiles.
//!
//! naga's own writers (WGSL, SPIR-V, MSL, HLSL, GLSL) cover the wgpu path. Two back ends are this
//! crate's, each shaped like a naga back end (`Options`, `Error`, `write` taking `(&Module,
//! &ModuleInfo)`, never unvalidated IR): [`spv`], naga's SPIR-V writer with the options and the
//! float controls that Vulkan devices run kernels with, and [`opencl`], an OpenCL C writer, as
//! naga writes none.

pub mod opencl;
pub mod spv;
