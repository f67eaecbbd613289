//! tandem-server: the server LLM of Tandem's collaboration. An OpenAI-compatible HTTP API
//! (axum) over an embedded model run natively by tandem-core on its own thread, behind a bounded
//! queue; or a proxy in front of another OpenAI-compatible server (`--upstream`). `/v1/verify`
//! checks a small model's draft against this model (speculative decoding). API keys, CORS,
//! body/token limits, a per-key rate limit and timeouts guard every route.
pub mod config;
pub mod cors;
pub mod engine;
pub mod jobs;
pub mod listen;
pub mod openai;
pub mod proxy;
pub mod rate_limit;
pub mod routes;
pub mod runner;
pub mod security;
pub mod shutdown;
pub mod state;
pub mod upstream_verify;

use std::sync::Arc;

pub use config::ServerConfig;
pub use engine::EngineHandle;
pub use routes::router;
pub use state::AppState;

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
    #[error("cannot run the model: {0}")]
    Engine(#[from] tandem_engine::Error),
    #[error("upstream: {0}")]
    Upstream(String),
    #[error("invalid setting: {0}")]
    Config(String),
}

/// Builds the app (the caller binds and serves it): the embedded model, or with
/// `config.upstream` a proxy to that server.
pub fn app(config: ServerConfig) -> Result<axum::Router, ServerError> {
    Ok(app_with_state(config)?.0)
}

/// [`app`] and its state (what [`listen::serve`] needs to close streams when it stops). The
/// settings are checked first: nothing is loaded for a server that could not answer.
pub fn app_with_state(config: ServerConfig) -> Result<(axum::Router, Arc<AppState>), ServerError> {
    config.validate().map_err(ServerError::Config)?;
    if let Some(up) = config.upstream.clone() {
        let limits = proxy::AnswerLimits {
            total: config.upstream_max_time,
            max_bytes: config.max_upstream_bytes,
        };
        let proxy = proxy::Proxy::new(up, limits).map_err(|e| ServerError::Upstream(e.message))?;
        let state = AppState::proxy(config, proxy);
        return Ok((router(state.clone()), state));
    }
    let (runner, info) = runner::Runner::load(&config.model, config.backend)?;
    match (&info.adapter, &info.fallback_reason) {
        (Some(a), _) => eprintln!("tandem-server: the model runs on the GPU: {a}"),
        (None, Some(r)) => eprintln!("tandem-server: the model runs on the CPU ({r})"),
        (None, None) => eprintln!("tandem-server: the model runs on the CPU"),
    }
    let engine = EngineHandle::spawn_runner(runner, info, config.queue);
    let state = AppState::new(config, engine);
    Ok((router(state.clone()), state))
}

/// Serves until SIGINT or SIGTERM, then stops cleanly (see [`listen`]). A signal while the model
/// loads stops the server as soon as it listens.
pub async fn serve(config: ServerConfig) -> Result<(), ServerError> {
    let stop = listen::signal();
    let addr = config.bind;
    let (app, state) = app_with_state(config)?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServerError::Bind { addr, source })?;
    eprintln!(
        "tandem-server: listening on http://{}",
        listener.local_addr()?
    );
    listen::serve(listener, app, state, stop).await?;
    Ok(())
}

/// Re-exported for tests that build the state themselves.
pub fn state(config: ServerConfig, engine: EngineHandle) -> Arc<AppState> {
    AppState::new(config, engine)
}
