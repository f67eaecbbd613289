//! tandem-gpu: Tandem's WebGPU engine. The Llama/Qwen2 forward pass of tandem-core as WGSL
//! kernels (`src/shaders/*.wgsl`) on a `wgpu` device — Vulkan/Metal/DX12 natively, the browser's
//! WebGPU on wasm32 — with one async code path for both. Checked kernel by kernel and model by
//! model against the CPU reference (tests/), which is itself checked against transformers.
pub mod context;
pub mod error;
pub mod format;
pub mod kernels;
pub mod matrix;
pub mod model;
pub mod ops;
pub mod pipelines;
pub mod profile;

pub use context::{Gpu, GpuOptions};
pub use error::{GpuError, Result};
pub use format::Format;
pub use matrix::Matrix;
pub use model::{GpuModel, ModelOptions, Pick};
pub use pipelines::Defines;
pub use profile::KernelTime;
