//! What every handler and middleware shares: the settings, where requests go (the embedded
//! model or an upstream), the rate limiter, and the signal that ends open streams.
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

use tokio::sync::watch;

use crate::config::ServerConfig;
use crate::engine::EngineHandle;
use crate::proxy::Proxy;
use crate::rate_limit::RateLimiter;

/// Where requests are served: the embedded model, or an upstream server.
pub enum Backend {
    Embedded(EngineHandle),
    Proxy(Proxy),
}

pub struct AppState {
    pub config: ServerConfig,
    pub backend: Backend,
    pub limiter: Option<RateLimiter>,
    pub(crate) next_id: AtomicU64,
    /// Set when the server stops and its grace period is over: open streams end.
    closing: watch::Sender<bool>,
}

impl AppState {
    pub fn new(config: ServerConfig, engine: EngineHandle) -> Arc<Self> {
        Self::with_backend(config, Backend::Embedded(engine))
    }

    pub fn proxy(config: ServerConfig, proxy: Proxy) -> Arc<Self> {
        Self::with_backend(config, Backend::Proxy(proxy))
    }

    fn with_backend(config: ServerConfig, backend: Backend) -> Arc<Self> {
        Arc::new(Self {
            limiter: config.rate_limit_per_minute.map(RateLimiter::new),
            config,
            backend,
            next_id: AtomicU64::new(1),
            closing: watch::channel(false).0,
        })
    }

    /// Ends every open stream (an error event, then `[DONE]`).
    pub fn close_streams(&self) {
        self.closing.send_replace(true);
    }

    /// What a stream watches to end when the server closes streams.
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }
}
