//! The server's request handling, in-process through its real router (auth, body limit, JSON
//! parsing, validation, the embedded micro model, streaming): no request may get a 5xx, every
//! JSON answer parses, every stream ends with `[DONE]`.
//!
//! Input: one selector byte (endpoint, authorization, whether the path comes from the input),
//! then the path and the body separated by a NUL.
use std::sync::OnceLock;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use tandem_server::ServerConfig;
use tower::ServiceExt;

const KEY: &str = "fuzz-key";

struct Server {
    rt: tokio::runtime::Runtime,
    app: axum::Router,
}

fn server() -> &'static Server {
    static S: OnceLock<Server> = OnceLock::new();
    S.get_or_init(|| {
        let model =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../models/tiny/llama-tiny");
        let mut cfg = ServerConfig::new(model);
        cfg.model_id = "tiny".into();
        cfg.backend = tandem_engine::BackendChoice::Cpu;
        // Small limits keep each input fast; the checks are the same at any size.
        cfg.max_body_bytes = 64 << 10;
        cfg.max_tokens_limit = 8;
        cfg.default_max_tokens = 4;
        cfg.max_draft = 8;
        cfg.api_keys = Some(vec![KEY.into()]);
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let app = rt
            .block_on(async { tandem_server::app(cfg) })
            .expect("the micro server");
        Server { rt, app }
    })
}

pub fn run(data: &[u8]) {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let [path, body] = super::parts::<2>(rest);
    let (method, default_path) = match sel & 3 {
        0 => (Method::POST, "/v1/chat/completions"),
        1 => (Method::POST, "/v1/verify"),
        2 => (Method::GET, "/v1/models"),
        _ => (Method::GET, "/healthz"),
    };
    let path = if sel & 16 != 0 {
        match std::str::from_utf8(path) {
            Ok(p) => p.to_string(),
            Err(_) => return,
        }
    } else {
        default_path.to_string()
    };
    let mut req = Request::builder().method(method).uri(path);
    req = match (sel >> 2) & 3 {
        0 => req.header(header::AUTHORIZATION, format!("Bearer {KEY}")),
        1 => req,
        2 => req.header(header::AUTHORIZATION, "Bearer wrong"),
        _ => req.header(header::AUTHORIZATION, format!("bearer  {KEY}")),
    };
    if sel & 32 != 0 {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    let Ok(req) = req.body(Body::from(body.to_vec())) else {
        return; // not a request hyper would have parsed
    };
    let s = server();
    s.rt.block_on(async {
        let resp = s
            .app
            .clone()
            .oneshot(req)
            .await
            .expect("the router is infallible");
        let status = resp.status();
        let sse = resp
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/event-stream"));
        let bytes = tokio::time::timeout(
            Duration::from_secs(60),
            axum::body::to_bytes(resp.into_body(), 8 << 20),
        )
        .await
        .expect("an answer ends")
        .expect("an answer is read whole");
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !status.is_server_error() || status == StatusCode::SERVICE_UNAVAILABLE,
            "{status}: {text}"
        );
        if sse {
            assert!(
                text.ends_with("data: [DONE]\n\n"),
                "a stream without [DONE]: {text}"
            );
        } else if sel & 3 < 3 || (status != StatusCode::OK && !bytes.is_empty()) {
            // Every answer of the API endpoints is JSON (OpenAI's error shape for errors), and so
            // is any error with a body on the others; /healthz's 200 is plain text.
            serde_json::from_slice::<serde_json::Value>(&bytes)
                .unwrap_or_else(|e| panic!("{status}: not JSON ({e}): {text}"));
        }
    });
}
