//! Proxy mode: requests go to an upstream OpenAI-compatible server (vLLM, llama.cpp's server,
//! Ollama, OpenAI) with its key, streams included, byte for byte. An upstream that is down,
//! slow to answer or failing becomes a clear OpenAI-shaped 502/504 within the timeout.
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, Method, StatusCode};
use axum::response::Response;

use serde_json::Value;

use tandem_core::Verdict;

use crate::openai::ApiError;
use crate::upstream_verify;

/// The prompt of a proxied verification.
pub enum UpstreamPrompt<'a> {
    Ids(&'a [u32]),
    /// OpenAI chat messages as JSON, tokenized by the upstream's `/tokenize`.
    Messages(&'a Value),
}

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
        let resp = self.send(method, path, body).await?;
        let mut out = Response::builder().status(resp.status().as_u16());
        if let Some(ct) = resp.headers().get(header::CONTENT_TYPE) {
            out = out.header(header::CONTENT_TYPE, ct.as_bytes());
        }
        out.body(Body::from_stream(resp.bytes_stream()))
            .map_err(|e| ApiError::internal(e.to_string()))
    }

    /// POSTs `body` to `<upstream><path>` and reads a JSON answer (within the timeout). A 4xx
    /// answer keeps its status, with the upstream's message.
    pub async fn post_json(&self, path: &str, body: &Value) -> Result<Value, ApiError> {
        let bytes = serde_json::to_vec(body).map_err(|e| ApiError::internal(e.to_string()))?;
        let resp = self.send(Method::POST, path, Some(bytes.into())).await?;
        let status = resp.status();
        let url = resp.url().to_string();
        let text = self.within(&url, "lost the answer of", resp.text()).await?;
        if !status.is_success() {
            let text = snippet(&text);
            let code = StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
            return Err(upstream_error(
                code,
                "upstream_rejected",
                format!("the upstream {url} answered {status}: {text}"),
            ));
        }
        serde_json::from_str(&text).map_err(|e| {
            upstream_error(
                StatusCode::BAD_GATEWAY,
                "upstream_bad_response",
                format!("the upstream {url} answered with JSON that does not parse: {e}"),
            )
        })
    }

    /// Greedy verification of `draft` after the prompt (ids, or messages tokenized by the
    /// upstream) by the upstream model: vLLM's `prompt_logprobs` (see upstream_verify.rs).
    /// Returns the verdict and the prompt's length in tokens.
    pub async fn verify(
        &self,
        model: &str,
        prompt: UpstreamPrompt<'_>,
        draft: &[u32],
    ) -> Result<(Verdict, usize), ApiError> {
        let bad = |e: String| {
            upstream_error(
                StatusCode::BAD_GATEWAY,
                "upstream_cannot_verify",
                format!("the upstream {} cannot verify: {e}", self.upstream.url),
            )
        };
        let prompt: Vec<u32> = match prompt {
            UpstreamPrompt::Ids(ids) => ids.to_vec(),
            UpstreamPrompt::Messages(m) => {
                let v = self
                    .post_json("/tokenize", &upstream_verify::tokenize_body(model, m))
                    .await?;
                upstream_verify::tokens_from_tokenize(&v).map_err(bad)?
            }
        };
        if prompt.is_empty() {
            return Err(ApiError::invalid("prompt_ids", "the prompt is empty"));
        }
        let ids: Vec<u32> = prompt.iter().chain(draft).copied().collect();
        let v = self
            .post_json(
                "/v1/completions",
                &upstream_verify::completions_body(model, &ids),
            )
            .await?;
        let verdict =
            upstream_verify::verdict_from_completion(&v, prompt.len(), draft).map_err(bad)?;
        Ok((verdict, prompt.len()))
    }

    /// Sends a request; no answer within the timeout, no connection and 5xx are errors.
    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<Bytes>,
    ) -> Result<reqwest::Response, ApiError> {
        let url = format!("{}{path}", self.upstream.url);
        let mut req = self.client.request(method, &url);
        if let Some(k) = &self.upstream.api_key {
            req = req.bearer_auth(k);
        }
        if let Some(b) = body {
            req = req.header(header::CONTENT_TYPE, "application/json").body(b);
        }
        let resp = self.within(&url, "cannot reach", req.send()).await?;
        let status = resp.status();
        if status.is_server_error() {
            let text = self
                .within(&url, "lost the answer of", resp.text())
                .await
                .unwrap_or_default();
            let text = snippet(&text);
            return Err(upstream_error(
                StatusCode::BAD_GATEWAY,
                "upstream_failed",
                format!("the upstream {url} answered {status}: {text}"),
            ));
        }
        Ok(resp)
    }

    /// `io` within the upstream's timeout (else 504); a transport error is a 502
    /// `upstream_unavailable` ("<doing> the upstream <url>: <error>").
    async fn within<T>(
        &self,
        url: &str,
        doing: &str,
        io: impl std::future::Future<Output = reqwest::Result<T>>,
    ) -> Result<T, ApiError> {
        let t = self.upstream.timeout;
        match tokio::time::timeout(t, io).await {
            Err(_) => Err(upstream_error(
                StatusCode::GATEWAY_TIMEOUT,
                "upstream_timeout",
                format!(
                    "the upstream {url} did not answer within {} s",
                    t.as_secs_f32()
                ),
            )),
            Ok(Err(e)) => Err(upstream_error(
                StatusCode::BAD_GATEWAY,
                "upstream_unavailable",
                format!("{doing} the upstream {url}: {e}"),
            )),
            Ok(Ok(v)) => Ok(v),
        }
    }
}

/// The start of an upstream's error text, for our own error message.
fn snippet(text: &str) -> String {
    text.chars().take(500).collect()
}
