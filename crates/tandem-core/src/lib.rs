//! tandem-core: Tandem's reference engine. Model configs (Llama, Qwen2), weights from
//! safetensors and GGUF, the tokenizer and chat templates, sampling, and the forward pass on
//! candle-core's CPU backend with a KV cache. Everything else in Tandem is checked against it,
//! and it is checked against Hugging Face transformers and llama.cpp (see `tests/`).
pub mod chat;
pub mod config;
pub mod error;
mod finite;
pub mod generate;
pub mod gguf;
pub mod layers;
pub mod llama;
pub mod load;
mod matvec;
mod packed;
pub mod random;
pub mod request;
pub mod safetensors_file;
pub mod sampling;
pub mod text;
pub mod tokenizer;
pub mod verify;
pub mod weights;

pub use candle_core;
pub use chat::{ChatMessage, ChatTemplate};
pub use config::{Architecture, Config, RopeScaling};
pub use error::{Error, Result};
pub use generate::{FinishReason, GenerateParams, Generation, Generator, TokenEvent};
pub use llama::{Cache, Logits, Model};
pub use load::{load, open, LoadedModel, ModelParts};
pub use request::{Limits, Request, RequestParams};
pub use sampling::{Sampler, SamplingParams, TopToken};
pub use text::TextSide;
pub use tokenizer::Tokenizer;
pub use verify::{draft_dist, sample_dist, DraftDist, Verdict, VerifyParams};
pub use weights::{RawDtype, RawTensor, Weights};
