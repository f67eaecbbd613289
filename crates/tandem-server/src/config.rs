//! What `tandem serve` configures.
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// A model directory or `.gguf` file (the embedded default model).
    pub model: PathBuf,
    /// The name clients send as `model`.
    pub model_id: String,
    /// 127.0.0.1 unless told otherwise.
    pub bind: SocketAddr,
    /// Requests that may wait behind the running one; more get 429.
    pub queue: usize,
    pub max_body_bytes: usize,
    /// The largest `max_tokens` a request may ask for.
    pub max_tokens_limit: usize,
    /// `max_tokens` when a request names none.
    pub default_max_tokens: usize,
    /// The longest draft `/v1/verify` takes.
    pub max_draft: usize,
}

impl ServerConfig {
    pub fn new(model: PathBuf) -> Self {
        let model_id = model
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("tandem")
            .to_string();
        Self {
            model,
            model_id,
            bind: SocketAddr::from(([127, 0, 0, 1], 8000)),
            queue: 16,
            max_body_bytes: 1 << 20,
            max_tokens_limit: 2048,
            default_max_tokens: 256,
            max_draft: 64,
        }
    }
}
