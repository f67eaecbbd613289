//! tandem-engine: Tandem's local engine — one model on the GPU (tandem-gpu) or the CPU
//! (tandem-core), chosen here and nowhere else, behind the one API that the CLI, the server,
//! the browser binding and the collaboration layer drive (see [`Engine`]). Async with one code
//! path for native (callers block on it with `pollster`) and wasm32 (the browser awaits it).
mod backend;
mod draft;
mod engine;
mod error;

pub use backend::{BackendChoice, BackendKind, EngineOptions};
pub use draft::{Draft, DRAFT_TOP_K};
pub use engine::{Ended, Engine, PromptFeatures, Score, Step, TokenScore, MAX_TOP_K};
pub use error::{Error, Result, ENGINE_KINDS};
pub use tandem_gpu::{GpuOptions, KernelTime, ModelOptions};
