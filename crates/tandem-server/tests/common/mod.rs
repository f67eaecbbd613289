//! What the server's HTTP tests share: serving an app on a free loopback port, the committed demo
//! model, and reading OpenAI's server-sent events.
#![allow(dead_code)] // each test binary uses its own subset

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;
use tandem_server::proxy::Upstream;
use tandem_server::ServerConfig;

pub fn demo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/demo/license-llama")
}

/// The model at `path` in the local engine on the CPU: the reference the answers are checked
/// against (itself checked against transformers in tests/).
pub fn cpu_engine(path: &std::path::Path) -> tandem_engine::Engine {
    let opts = tandem_engine::EngineOptions {
        backend: tandem_engine::BackendChoice::Cpu,
        ..Default::default()
    };
    pollster::block_on(tandem_engine::Engine::load(
        tandem_core::open(path).unwrap(),
        &opts,
    ))
    .unwrap()
}

/// `content` as a user message in the model's chat template, tokenized.
pub fn chat_ids(e: &tandem_engine::Engine, content: &str) -> Vec<u32> {
    e.text()
        .prompt_ids(&[tandem_core::ChatMessage::new("user", content)])
        .unwrap()
}

/// Greedy generation of up to `max` tokens after `prompt`, stopping at the model's eos ids when
/// `eos`.
pub fn greedy(
    e: &mut tandem_engine::Engine,
    prompt: &[u32],
    max: usize,
    eos: bool,
) -> tandem_core::Generation {
    let p = tandem_core::GenerateParams {
        max_new_tokens: max,
        stop_token_ids: if eos {
            e.text().eos_ids().to_vec()
        } else {
            Vec::new()
        },
        ..Default::default()
    };
    e.begin(prompt, p, 0).unwrap();
    while pollster::block_on(e.step()).unwrap().finish.is_none() {}
    e.end(None).unwrap().generation
}

/// The committed demo model embedded, served as "license-llama".
pub fn demo_config() -> ServerConfig {
    let mut c = ServerConfig::new(demo());
    c.model_id = "license-llama".into();
    c
}

/// Proxy mode in front of `upstream` (key "sk-upstream", 1 s timeout, max_tokens ≤ 100).
pub fn proxy_config(upstream: &str) -> ServerConfig {
    let mut c = ServerConfig::new(PathBuf::from("unused"));
    c.max_tokens_limit = 100;
    c.upstream = Some(Upstream {
        url: upstream.to_string(),
        api_key: Some("sk-upstream".into()),
        timeout: Duration::from_secs(1),
    });
    c
}

/// Serves `app` on 127.0.0.1 (a free port) and returns its base URL.
pub async fn serve(app: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

/// Builds the app for `cfg` and serves it.
pub async fn start(cfg: tandem_server::ServerConfig) -> String {
    serve(tandem_server::app(cfg).expect("the model loads")).await
}

/// `GET /healthz`'s status.
pub async fn health(c: &reqwest::Client, url: &str) -> u16 {
    c.get(format!("{url}/healthz"))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// The chunks of an SSE body (which must end in `data: [DONE]`).
pub fn sse_chunks(body: &str) -> Vec<Value> {
    let data: Vec<&str> = body
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .collect();
    assert_eq!(data.last().copied(), Some("[DONE]"), "{body}");
    data[..data.len() - 1]
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect()
}

/// The text of streamed chat-completion chunks.
pub fn sse_text(chunks: &[Value]) -> String {
    chunks
        .iter()
        .filter_map(|c| c["choices"][0]["delta"]["content"].as_str())
        .collect()
}

/// `GET /healthz`'s body.
pub async fn health_json(c: &reqwest::Client, url: &str) -> Value {
    c.get(format!("{url}/healthz"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// POSTs `body` as JSON to `url` and reads the JSON answer (whatever its status).
pub async fn post_json(c: &reqwest::Client, url: &str, body: &Value) -> Value {
    c.post(url)
        .json(body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}
