//! The engine's one error type: a core error (bad request, bad model) or a GPU one, each with
//! the stable kind that the server and the wasm binding both report.
use tandem_gpu::GpuError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Core(#[from] tandem_core::Error),
    /// A GPU failure other than a core error (those are [`Error::Core`]).
    #[error(transparent)]
    Gpu(GpuError),
    /// The call needs the engine idle (or busy with a generation) and it is not.
    #[error("{0}")]
    Busy(&'static str),
}

impl From<GpuError> for Error {
    fn from(e: GpuError) -> Self {
        match e {
            GpuError::Core(c) => Error::Core(c),
            other => Error::Gpu(other),
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// Kinds only the GPU or the engine itself give (tandem-core's are in [`tandem_core::error::KINDS`]).
pub const ENGINE_KINDS: &[&str] = &[
    "no_adapter",
    "gpu_unsupported",
    "device_lost",
    "out_of_memory",
    "gpu",
    "busy",
];

impl Error {
    /// The stable kind callers branch on.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Core(e) => e.kind(),
            Error::Gpu(g) => match g {
                GpuError::NoAdapter(_) => "no_adapter",
                GpuError::RequestDevice(_) | GpuError::Limit { .. } | GpuError::Unsupported(_) => {
                    "gpu_unsupported"
                }
                GpuError::DeviceLost(_) => "device_lost",
                GpuError::OutOfMemory(_) => "out_of_memory",
                GpuError::Validation(_) | GpuError::Readback(_) | GpuError::Tensor { .. } => "gpu",
                GpuError::Core(c) => c.kind(),
            },
            Error::Busy(_) => "busy",
        }
    }

    /// True when the GPU can no longer be used: the engine is then [`crate::BackendKind::Lost`]
    /// and [`crate::Engine::use_cpu`] brings it back.
    pub fn is_fatal_for_device(&self) -> bool {
        matches!(self, Error::Gpu(g) if g.is_fatal_for_device())
    }

    /// The request parameter at fault, when one is.
    pub fn param(&self) -> Option<&'static str> {
        match self {
            Error::Core(e) => e.param(),
            _ => None,
        }
    }
}
