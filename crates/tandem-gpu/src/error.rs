//! Typed errors of the GPU engine. [`GpuError::DeviceLost`] and [`GpuError::NoAdapter`] mean
//! "use the CPU engine instead"; [`GpuError::is_fatal_for_device`] tells callers which ones.
use thiserror::Error;

#[derive(Debug, Error)]
pub enum GpuError {
    #[error("no WebGPU adapter found ({0})")]
    NoAdapter(String),
    #[error("the adapter refused to create a device: {0}")]
    RequestDevice(String),
    #[error("the adapter's {limit} is {have}, Tandem needs at least {need}")]
    Limit {
        limit: &'static str,
        have: u64,
        need: u64,
    },
    #[error("the GPU device was lost: {0}")]
    DeviceLost(String),
    #[error("out of GPU memory: {0}")]
    OutOfMemory(String),
    #[error("GPU validation error (a bug in Tandem): {0}")]
    Validation(String),
    #[error("reading back from the GPU failed: {0}")]
    Readback(String),
    /// A model shape the GPU kernels cannot take (the CPU engine can).
    #[error("the GPU engine cannot run this model: {0}")]
    Unsupported(String),
    #[error("tensor {name}: {reason}")]
    Tensor { name: String, reason: String },
    #[error(transparent)]
    Core(#[from] tandem_core::Error),
}

impl GpuError {
    /// True when the device can no longer be used: fall back to the CPU engine.
    pub fn is_fatal_for_device(&self) -> bool {
        matches!(
            self,
            GpuError::NoAdapter(_)
                | GpuError::RequestDevice(_)
                | GpuError::Limit { .. }
                | GpuError::DeviceLost(_)
                | GpuError::OutOfMemory(_)
        )
    }
}

pub type Result<T> = std::result::Result<T, GpuError>;
