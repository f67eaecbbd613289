//! The one error type of tandem-core. Every bad input (file, config, request) ends here, typed and
//! naming what was wrong; nothing on an input path panics.
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("config.json is not valid: {0}")]
    ConfigJson(#[from] serde_json::Error),
    #[error("unsupported model_type {0:?} (supported: llama, qwen2)")]
    UnsupportedModelType(String),
    #[error("unsupported GGUF architecture {0:?} (supported: llama, qwen2)")]
    UnsupportedArchitecture(String),
    #[error("unsupported {what}")]
    Unsupported { what: String },
    #[error("invalid model config: {0}")]
    InvalidConfig(String),
    #[error("safetensors file {file}: {reason}")]
    Safetensors { file: String, reason: String },
    #[error("tensor {0:?} is missing from the weights")]
    MissingTensor(String),
    #[error("tensor {name:?} has shape {actual:?}, expected {expected:?}")]
    TensorShape {
        name: String,
        expected: Vec<usize>,
        actual: Vec<usize>,
    },
    #[error("tensor {name:?} has unsupported dtype {dtype}")]
    TensorDtype { name: String, dtype: String },
    #[error("tensor {name:?} holds NaN or infinite values")]
    NonFiniteWeight { name: String },
    #[error("not a GGUF file: magic bytes are {0:02x?}, expected \"GGUF\"")]
    GgufMagic([u8; 4]),
    #[error("unsupported GGUF version {0} (supported: 2, 3)")]
    GgufVersion(u32),
    #[error("GGUF header declares {count} {what}, more than a file of {file_len} bytes can hold")]
    GgufCount {
        what: &'static str,
        count: u64,
        file_len: u64,
    },
    #[error("GGUF file is truncated: {0}")]
    GgufTruncated(String),
    #[error("GGUF file is invalid: {0}")]
    Gguf(String),
    #[error("GGUF metadata key {key:?}: {reason}")]
    GgufMetadata { key: String, reason: String },
    #[error("no tokenizer: {0}")]
    TokenizerMissing(String),
    #[error("tokenizer is invalid: {0}")]
    Tokenizer(String),
    #[error("chat template: {0}")]
    ChatTemplate(String),
    /// The model has no usable chat template (none shipped, or it does not parse): the model's
    /// fault, not the request's.
    #[error("{0}")]
    NoChatTemplate(String),
    #[error("token id {id} is outside the vocabulary (size {vocab})")]
    TokenOutOfVocab { id: u32, vocab: usize },
    #[error("sequence of {needed} tokens exceeds the model's context of {max}")]
    ContextOverflow { needed: usize, max: usize },
    #[error("empty input: at least one token is needed")]
    EmptyInput,
    #[error("invalid generation parameter: {0}")]
    InvalidParams(String),
    /// A request parameter is out of range; `param` names it as the request spelled it.
    #[error("{message}")]
    InvalidRequest {
        param: &'static str,
        message: String,
    },
    #[error("tensor computation failed: {0}")]
    Candle(#[from] candle_core::Error),
}

pub type Result<T> = std::result::Result<T, Error>;

/// Every stable error kind of [`Error::kind`].
pub const KINDS: &[&str] = &[
    "tokenizer",
    "chat_template",
    "no_chat_template",
    "invalid_request",
    "context_overflow",
    "invalid_model",
    "internal",
];

impl Error {
    /// The stable kind callers branch on (the message is for people): the one mapping from
    /// core errors that the server (onto HTTP statuses) and the wasm binding (onto JS
    /// `TandemError.kind`) share.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::TokenizerMissing(_) | Error::Tokenizer(_) => "tokenizer",
            Error::ChatTemplate(_) => "chat_template",
            Error::NoChatTemplate(_) => "no_chat_template",
            Error::TokenOutOfVocab { .. }
            | Error::EmptyInput
            | Error::InvalidParams(_)
            | Error::InvalidRequest { .. } => "invalid_request",
            Error::ContextOverflow { .. } => "context_overflow",
            Error::Candle(_) => "internal",
            Error::Io { .. }
            | Error::ConfigJson(_)
            | Error::UnsupportedModelType(_)
            | Error::UnsupportedArchitecture(_)
            | Error::Unsupported { .. }
            | Error::InvalidConfig(_)
            | Error::Safetensors { .. }
            | Error::MissingTensor(_)
            | Error::TensorShape { .. }
            | Error::TensorDtype { .. }
            | Error::GgufMagic(_)
            | Error::GgufVersion(_)
            | Error::GgufCount { .. }
            | Error::GgufTruncated(_)
            | Error::Gguf(_)
            | Error::GgufMetadata { .. }
            | Error::NonFiniteWeight { .. } => "invalid_model",
        }
    }

    /// The request parameter at fault, when one is.
    pub fn param(&self) -> Option<&'static str> {
        match self {
            Error::InvalidRequest { param, .. } => Some(param),
            _ => None,
        }
    }

    pub fn invalid_request(param: &'static str, message: impl Into<String>) -> Self {
        Error::InvalidRequest {
            param,
            message: message.into(),
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
