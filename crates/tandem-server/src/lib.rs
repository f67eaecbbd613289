//! tandem-server: the server LLM of Tandem's collaboration. An OpenAI-compatible HTTP API
//! (axum) over an embedded model run natively by tandem-core on its own thread, behind a bounded
//! queue; or a proxy in front of another OpenAI-compatible server (`--upstream`). `/v1/verify`
//! checks a small model's draft against this model (speculative decoding). API keys, CORS,
//! body/token limits, a per-key rate limit and timeouts guard every route.
pub mod config;
pub mod engine;
pub mod openai;
pub mod proxy;
pub mod routes;
pub mod runner;
pub mod security;
pub mod upstream_verify;

use std::sync::Arc;

use axum::serve::ListenerExt;

pub use config::ServerConfig;
pub use engine::EngineHandle;
pub use routes::{router, AppState};

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot load the model: {0}")]
    Model(#[from] tandem_core::Error),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: std::net::SocketAddr,
        source: std::io::Error,
    },
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot run the model on the GPU: {0}")]
    Gpu(#[from] tandem_gpu::GpuError),
    #[error("upstream: {0}")]
    Upstream(String),
}

/// Builds the app (the caller binds and serves it): the embedded model, or with
/// `config.upstream` a proxy to that server.
pub fn app(config: ServerConfig) -> Result<axum::Router, ServerError> {
    if let Some(up) = config.upstream.clone() {
        let proxy = proxy::Proxy::new(up).map_err(|e| ServerError::Upstream(e.message))?;
        return Ok(router(AppState::proxy(config, proxy)));
    }
    let (runner, info) = runner::Runner::load(&config.model, config.backend)?;
    match (&info.adapter, &info.fallback_reason) {
        (Some(a), _) => eprintln!("tandem-server: the model runs on the GPU: {a}"),
        (None, Some(r)) => eprintln!("tandem-server: the model runs on the CPU ({r})"),
        (None, None) => eprintln!("tandem-server: the model runs on the CPU"),
    }
    let engine = EngineHandle::spawn_runner(runner, info, config.queue);
    Ok(router(AppState::new(config, engine)))
}

/// Serves until ctrl-c.
pub async fn serve(config: ServerConfig) -> Result<(), ServerError> {
    let addr = config.bind;
    let app = app(config)?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServerError::Bind { addr, source })?;
    eprintln!(
        "tandem-server: listening on http://{}",
        listener.local_addr()?
    );
    // Streamed tokens are small writes: without TCP_NODELAY, Nagle's algorithm holds each one
    // until the client's (delayed) ACK of the previous one arrives.
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            eprintln!("tandem-server: cannot set TCP_NODELAY: {e}");
        }
    });
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// Re-exported for tests that build the state themselves.
pub fn state(config: ServerConfig, engine: EngineHandle) -> Arc<AppState> {
    AppState::new(config, engine)
}
