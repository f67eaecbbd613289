//! What `tandem serve` configures.
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

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
    pub request_timeout: Duration,
    /// Proxy mode: forward to this OpenAI-compatible server instead of the embedded model.
    pub upstream: Option<crate::proxy::Upstream>,
    /// Where the embedded model runs: `Auto` takes a real GPU when there is one (not a CPU
    /// adapter such as lavapipe), else tandem-core on the CPU.
    pub backend: tandem_engine::BackendChoice,
    /// Open connections at most; more wait in the listen backlog until one closes.
    pub max_connections: usize,
    /// Longest wait for a request's headers, counted from when the connection is ready for one:
    /// a slowloris client, and a keep-alive connection idle that long, are closed.
    pub idle_timeout: Duration,
    /// Longest a client may leave a response unread (its socket full) before it is dropped (a
    /// generation still running for it is cancelled; the model thread never waits on it).
    pub stall_timeout: Duration,
    /// After SIGINT/SIGTERM: how long requests in flight may take to finish before their
    /// streams are closed (with an error event and `[DONE]`) and the server exits.
    pub shutdown_grace: Duration,
    /// Largest answer read from an upstream (proxy mode); a longer one is cut with an error.
    /// A non-streamed answer is held whole before it is passed on (so a stalled one is still a
    /// clean 504): this bounds that memory too.
    pub max_upstream_bytes: usize,
    /// Longest a proxied answer may take, headers to last byte (a stream that never ends).
    pub upstream_max_time: Duration,
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
            request_timeout: Duration::from_secs(300),
            upstream: None,
            backend: tandem_engine::BackendChoice::Auto,
            max_connections: 512,
            idle_timeout: Duration::from_secs(15),
            stall_timeout: Duration::from_secs(30),
            shutdown_grace: Duration::from_secs(10),
            max_upstream_bytes: 16 << 20,
            upstream_max_time: Duration::from_secs(900),
        }
    }

    /// Refuses settings that would make every request fail (a rate of 0, a zero timeout or
    /// limit, an upstream that is not an http(s) URL), naming the setting.
    pub fn validate(&self) -> Result<(), String> {
        let positive = [
            ("--max-connections", self.max_connections),
            ("--max-body-bytes", self.max_body_bytes),
            ("--max-tokens-limit", self.max_tokens_limit),
            ("default max_tokens", self.default_max_tokens),
            ("max draft", self.max_draft),
            ("--max-upstream-bytes", self.max_upstream_bytes),
        ];
        for (name, v) in positive {
            if v == 0 {
                return Err(format!("{name} must be at least 1"));
            }
        }
        let durations = [
            ("--timeout-s", self.request_timeout),
            ("--idle-timeout-s", self.idle_timeout),
            ("--stall-timeout-s", self.stall_timeout),
            ("--upstream-max-s", self.upstream_max_time),
        ];
        for (name, d) in durations {
            if d.is_zero() {
                return Err(format!("{name} must be at least 1 second"));
            }
        }
        for o in &self.cors_origins {
            crate::cors::check_origin(o)?;
        }
        if self.rate_limit_per_minute == Some(0) {
            return Err("--rate-limit must be at least 1 request per minute".into());
        }
        if let Some(up) = &self.upstream {
            crate::proxy::parse_base_url(&up.url)?;
            if up.timeout.is_zero() {
                return Err("--upstream-timeout-s must be at least 1 second".into());
            }
        }
        Ok(())
    }
}
