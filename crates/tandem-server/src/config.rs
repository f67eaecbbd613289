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
    /// Accepted API keys (`Authorization: Bearer`); `None` = no authentication.
    pub api_keys: Option<Vec<String>>,
    /// Requests per minute per key (or for everyone without keys); `None` = unlimited.
    pub rate_limit_per_minute: Option<u32>,
    /// Origins allowed by CORS (the demo's by default).
    pub cors_origins: Vec<String>,
    /// Longest time a non-streamed request may take (a stream's first byte, for streams).
    pub request_timeout: std::time::Duration,
    /// Proxy mode: forward to this OpenAI-compatible server instead of the embedded model.
    pub upstream: Option<crate::proxy::Upstream>,
    /// Where the embedded model runs: `Auto` takes a real GPU when there is one (not a CPU
    /// adapter such as lavapipe), else tandem-core on the CPU.
    pub backend: tandem_gpu::BackendChoice,
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
            api_keys: None,
            rate_limit_per_minute: None,
            cors_origins: vec![
                "http://127.0.0.1:8080".into(),
                "http://localhost:8080".into(),
            ],
            request_timeout: std::time::Duration::from_secs(300),
            upstream: None,
            backend: tandem_gpu::BackendChoice::Auto,
        }
    }
}
