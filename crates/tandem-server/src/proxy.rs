//! Proxy mode: requests go to an upstream OpenAI-compatible server (vLLM, llama.cpp's server,
//! Ollama, OpenAI) with its key, streams included, byte for byte. An upstream that is down,
//! slow to answer or failing becomes a clear OpenAI-shaped 502/504 within the timeout.
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, Method, StatusCode};
use axum::response::Response;

use crate::openai::ApiError;

#[derive(Debug, Clone)]
pub struct Upstream {
    /// Base URL, e.g. `http://127.0.0.1:8001` (requests go to `<base>/v1/...`).
    pub url: String,
    /// Sent as `Authorization: Bearer` (from an environment variable, never a flag).
    pub api_key: Option<String>,
    /// How long to wait for the upstream's response headers.
    pub timeout: Duration,
}

pub struct Proxy {
    client: reqwest::Client,
    upstream: Upstream,
}

fn upstream_error(status: StatusCode, code: &'static str, msg: String) -> ApiError {
    ApiError::new(status, "upstream_error", code, msg)
}

impl Proxy {
    pub fn new(upstream: Upstream) -> Result<Self, ApiError> {
        let client = reqwest::Client::builder()
            .connect_timeout(upstream.timeout.min(Duration::from_secs(10)))
            .build()
            .map_err(|e| ApiError::internal(format!("cannot build the HTTP client: {e}")))?;
        let url = upstream.url.trim_end_matches('/').to_string();
        Ok(Self {
            client,
            upstream: Upstream { url, ..upstream },
        })
    }

    pub fn base(&self) -> &str {
        &self.upstream.url
    }

    /// Sends `body` to `<upstream><path>` and streams the answer back (status, content type
    /// and body as the upstream sent them; 5xx become a 502 naming the upstream's answer).
    pub async fn forward(
        &self,
        method: Method,
        path: &str,
        body: Option<Bytes>,
    ) -> Result<Response, ApiError> {
        let url = format!("{}{path}", self.upstream.url);
        let mut req = self.client.request(method, &url);
        if let Some(k) = &self.upstream.api_key {
            req = req.bearer_auth(k);
        }
        if let Some(b) = body {
            req = req.header(header::CONTENT_TYPE, "application/json").body(b);
        }
        let t = self.upstream.timeout;
        let resp = match tokio::time::timeout(t, req.send()).await {
            Err(_) => {
                return Err(upstream_error(
                    StatusCode::GATEWAY_TIMEOUT,
                    "upstream_timeout",
                    format!(
                        "the upstream {url} did not answer within {} s",
                        t.as_secs_f32()
                    ),
                ))
            }
            Ok(Err(e)) => {
                return Err(upstream_error(
                    StatusCode::BAD_GATEWAY,
                    "upstream_unavailable",
                    format!("cannot reach the upstream {url}: {e}"),
                ))
            }
            Ok(Ok(r)) => r,
        };
        let status = resp.status();
        if status.is_server_error() {
            let text = tokio::time::timeout(t, resp.text())
                .await
                .ok()
                .and_then(Result::ok)
                .unwrap_or_default();
            let text: String = text.chars().take(500).collect();
            return Err(upstream_error(
                StatusCode::BAD_GATEWAY,
                "upstream_failed",
                format!("the upstream {url} answered {status}: {text}"),
            ));
        }
        let mut out = Response::builder().status(status.as_u16());
        if let Some(ct) = resp.headers().get(header::CONTENT_TYPE) {
            out = out.header(header::CONTENT_TYPE, ct.as_bytes());
        }
        out.body(Body::from_stream(resp.bytes_stream()))
            .map_err(|e| ApiError::internal(e.to_string()))
    }
}
