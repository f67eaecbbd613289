//! Proxy mode: requests go to an upstream OpenAI-compatible server (vLLM, llama.cpp's server,
//! Ollama, OpenAI) with its key, streams included, byte for byte. An upstream that is down,
//! slow to answer or failing becomes a clear OpenAI-shaped 502/504 within the timeout.
//!
//! Only paths validated in their final form are forwarded: the upstream key must never reach an
//! endpoint the client chose by encoding dot segments (`/v1/%2e%2e/admin`). Answers are bounded
//! in time between chunks, in total time and in size: an upstream that stalls or never stops is
//! cut with an error (an error event then `[DONE]` in a stream).
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderName, Method, StatusCode};
use axum::response::Response;
use futures_util::stream::{self, BoxStream, StreamExt};
use serde_json::Value;
use tokio::sync::watch;
use tokio::time::Instant;

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
    /// How long to wait for the upstream's response headers, and at most between two chunks of
    /// its answer.
    pub timeout: Duration,
}

/// Bounds on one proxied answer.
#[derive(Debug, Clone, Copy)]
pub struct AnswerLimits {
    /// The whole answer, headers to last byte.
    pub total: Duration,
    pub max_bytes: usize,
}

/// The upstream's base URL, checked: http(s), a host, no query or fragment.
pub fn parse_base_url(url: &str) -> Result<reqwest::Url, String> {
    let bad = |why: &str| format!("--upstream {url:?} is not usable: {why}");
    let u = reqwest::Url::parse(url).map_err(|e| bad(&e.to_string()))?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(bad("the scheme must be http or https"));
    }
    if u.host_str().is_none_or(str::is_empty) {
        return Err(bad("it has no host"));
    }
    if u.query().is_some() || u.fragment().is_some() {
        return Err(bad("a base URL takes no query or fragment"));
    }
    if !u.username().is_empty() || u.password().is_some() {
        // It would be shown by /healthz and in error messages; the key goes in an env var.
        return Err(bad(
            "credentials do not belong in the URL (use --upstream-key-env)",
        ));
    }
    Ok(u)
}

/// The upstream endpoints a client may POST to through the proxy besides the routes of its own
/// (chat completions, models, verify): OpenAI's text endpoints under `/v1/`. `/v1/models/<id>`
/// may be read (GET) too; no other method reaches the upstream (no DELETE of a fine-tuned model
/// with the operator's key).
const PASSTHROUGH: &[&str] = &[
    "completions",
    "embeddings",
    "moderations",
    "responses",
    "rerank",
    "score",
];

/// The path to forward for a request whose path arrived as `raw` (still percent-encoded), and
/// the one method it takes: decoded once, then accepted only in a final form that no URL parser
/// rewrites (plain characters, no empty, `.` or `..` segment) and only if it is one of
/// [`PASSTHROUGH`] (POST) or `/v1/models/<id>` (GET). Everything else is not forwarded.
pub fn passthrough_path(raw: &str) -> Option<(String, Method)> {
    // Decoded once; a `%` left over (a malformed or double escape) fails the check below.
    let decoded = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()?;
    let plain = |c: char| c.is_ascii_alphanumeric() || "-._~:@+/".contains(c);
    if !decoded.chars().all(plain) {
        return None;
    }
    let segments: Vec<&str> = decoded.strip_prefix("/v1/")?.split('/').collect();
    if segments
        .iter()
        .any(|s| s.is_empty() || *s == "." || *s == "..")
    {
        return None;
    }
    let method = match segments.as_slice() {
        [one] if PASSTHROUGH.contains(one) => Method::POST,
        // A model id may hold one slash (`org/name`).
        ["models", id @ ..] if (1..=2).contains(&id.len()) => Method::GET,
        _ => return None,
    };
    Some((decoded.into_owned(), method))
}

/// Cheap to clone (the HTTP client is shared): a relayed stream holds its own.
#[derive(Clone)]
pub struct Proxy {
    client: reqwest::Client,
    upstream: Upstream,
    base: reqwest::Url,
    limits: AnswerLimits,
}

fn upstream_error(status: StatusCode, code: &'static str, msg: String) -> ApiError {
    ApiError::new(status, "upstream_error", code, msg)
}

/// Marks a response as the upstream's own (its error bodies are passed through as they are).
#[derive(Debug, Clone, Copy)]
pub struct Proxied;

impl Proxy {
    pub fn new(upstream: Upstream, limits: AnswerLimits) -> Result<Self, ApiError> {
        let base = parse_base_url(&upstream.url).map_err(ApiError::internal)?;
        let client = reqwest::Client::builder()
            .connect_timeout(upstream.timeout.min(Duration::from_secs(10)))
            // A redirect would carry the key to a path nobody checked: answers pass as they are.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| ApiError::internal(format!("cannot build the HTTP client: {e}")))?;
        let url = upstream.url.trim_end_matches('/').to_string();
        Ok(Self {
            client,
            upstream: Upstream { url, ..upstream },
            base,
            limits,
        })
    }

    pub fn base(&self) -> &str {
        &self.upstream.url
    }

    /// `<upstream><path>?<query>`, checked once more in its final form: the URL's path must be
    /// exactly the base path followed by `path`, or nothing is sent.
    fn url(&self, path: &str, query: Option<&str>) -> Result<reqwest::Url, ApiError> {
        let want = format!("{}{path}", self.base.path().trim_end_matches('/'));
        let mut u = self.base.clone();
        u.set_path(&want);
        u.set_query(query);
        if u.path() != want {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "invalid_request_error",
                "not_found",
                "no such endpoint",
            ));
        }
        Ok(u)
    }

    /// Sends `body` to `<upstream><path>` and passes the answer back (status, body and the
    /// headers of [`passed_header`] as the upstream sent them; 5xx become a 502 naming the
    /// upstream's answer; a redirect is passed back, not followed). A stream
    /// (`text/event-stream`) is relayed as it comes, within the bounds, until `closing`; any
    /// other answer is read whole first, so a stalled one is still a clean 504.
    pub async fn forward(
        &self,
        method: Method,
        path: &str,
        query: Option<&str>,
        body: Option<Bytes>,
        closing: watch::Receiver<bool>,
    ) -> Result<Response, ApiError> {
        let started = Instant::now();
        let resp = self.send(method, path, query, body).await?;
        let mut out = Response::builder().status(resp.status().as_u16());
        for (name, value) in resp.headers() {
            if passed_header(name) {
                out = out.header(name.as_str(), value.as_bytes());
            }
        }
        let content_type = resp.headers().get(header::CONTENT_TYPE).cloned();
        let sse = content_type
            .as_ref()
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/event-stream"));
        let body = if sse {
            Body::from_stream(self.relay(resp, started, closing))
        } else {
            Body::from(self.read_whole(resp, started).await?)
        };
        let mut r = out
            .body(body)
            .map_err(|e| ApiError::internal(e.to_string()))?;
        r.extensions_mut().insert(Proxied);
        Ok(r)
    }

    /// POSTs `body` to `<upstream><path>` and reads a JSON answer (within the timeout). A 4xx
    /// answer keeps its status, with the upstream's message.
    pub async fn post_json(&self, path: &str, body: &Value) -> Result<Value, ApiError> {
        let bytes = serde_json::to_vec(body).map_err(|e| ApiError::internal(e.to_string()))?;
        let started = Instant::now();
        let resp = self
            .send(Method::POST, path, None, Some(bytes.into()))
            .await?;
        let status = resp.status();
        let url = resp.url().to_string();
        let text = self.read_whole(resp, started).await?;
        let text = String::from_utf8_lossy(&text);
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
        top_k: usize,
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
                &upstream_verify::completions_body(model, &ids, top_k),
            )
            .await?;
        let verdict = upstream_verify::verdict_from_completion(&v, prompt.len(), draft, top_k)
            .map_err(bad)?;
        Ok((verdict, prompt.len()))
    }

    /// Sends a request; no answer within the timeout, no connection and 5xx are errors.
    async fn send(
        &self,
        method: Method,
        path: &str,
        query: Option<&str>,
        body: Option<Bytes>,
    ) -> Result<reqwest::Response, ApiError> {
        let target = self.url(path, query)?;
        let url = target.to_string();
        let mut req = self.client.request(method, target);
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
                .read_whole(resp, Instant::now())
                .await
                .unwrap_or_default();
            let text = snippet(&String::from_utf8_lossy(&text));
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

impl Proxy {
    /// The next chunk of an answer within the bounds: between chunks the upstream timeout, in
    /// all `limits.total` from `started`; `read` bytes so far.
    async fn next_chunk(
        &self,
        body: &mut BoxStream<'static, reqwest::Result<Bytes>>,
        url: &str,
        started: Instant,
        read: usize,
    ) -> Result<Option<Bytes>, ApiError> {
        let end = started + self.limits.total;
        let idle = Instant::now() + self.upstream.timeout;
        match tokio::time::timeout_at(idle.min(end), body.next()).await {
            Err(_) if Instant::now() >= end => Err(upstream_error(
                StatusCode::GATEWAY_TIMEOUT,
                "upstream_timeout",
                format!(
                    "the upstream {url} did not finish its answer within {} s",
                    self.limits.total.as_secs_f32()
                ),
            )),
            Err(_) => Err(upstream_error(
                StatusCode::GATEWAY_TIMEOUT,
                "upstream_timeout",
                format!(
                    "the upstream {url} stopped sending for {} s",
                    self.upstream.timeout.as_secs_f32()
                ),
            )),
            Ok(None) => Ok(None),
            Ok(Some(Err(e))) => Err(upstream_error(
                StatusCode::BAD_GATEWAY,
                "upstream_unavailable",
                format!("lost the answer of the upstream {url}: {e}"),
            )),
            Ok(Some(Ok(chunk))) if read + chunk.len() > self.limits.max_bytes => {
                Err(upstream_error(
                    StatusCode::BAD_GATEWAY,
                    "upstream_too_large",
                    format!(
                        "the upstream {url} sent more than {} bytes",
                        self.limits.max_bytes
                    ),
                ))
            }
            Ok(Some(Ok(chunk))) => Ok(Some(chunk)),
        }
    }

    /// A whole answer, within the bounds.
    async fn read_whole(
        &self,
        resp: reqwest::Response,
        started: Instant,
    ) -> Result<Bytes, ApiError> {
        let url = resp.url().to_string();
        let mut body = resp.bytes_stream().boxed();
        let mut out = Vec::new();
        while let Some(chunk) = self.next_chunk(&mut body, &url, started, out.len()).await? {
            out.extend_from_slice(&chunk);
        }
        Ok(out.into())
    }

    /// A streamed answer relayed chunk by chunk, within the bounds. A bound that is hit, or the
    /// server closing, ends it with an error event and `data: [DONE]`, so clients see a clean end.
    fn relay(
        &self,
        resp: reqwest::Response,
        started: Instant,
        closing: watch::Receiver<bool>,
    ) -> BoxStream<'static, Result<Bytes, std::io::Error>> {
        struct Relay {
            proxy: Proxy,
            body: BoxStream<'static, reqwest::Result<Bytes>>,
            url: String,
            started: Instant,
            read: usize,
            /// The last two bytes relayed: whether the stream stands at an event's end.
            tail: [u8; 2],
            closing: watch::Receiver<bool>,
            done: bool,
        }
        let state = Relay {
            proxy: self.clone(),
            url: resp.url().to_string(),
            body: resp.bytes_stream().boxed(),
            started,
            read: 0,
            tail: *b"\n\n",
            closing,
            done: false,
        };
        stream::unfold(state, |mut st| async move {
            if st.done {
                return None;
            }
            let next = tokio::select! {
                r = st.proxy.next_chunk(&mut st.body, &st.url, st.started, st.read) => r,
                _ = crate::shutdown::closed(&mut st.closing) => Err(crate::shutdown::closing_error()),
            };
            let bytes = match next {
                Ok(Some(chunk)) => {
                    st.read += chunk.len();
                    match chunk.len() {
                        0 => {}
                        1 => st.tail = [st.tail[1], chunk[0]],
                        n => st.tail = [chunk[n - 2], chunk[n - 1]],
                    }
                    chunk
                }
                Ok(None) => return None,
                Err(e) => {
                    st.done = true;
                    // End a half-relayed event first, so the error is an event of its own.
                    let lead = match st.tail {
                        [b'\n', b'\n'] => "",
                        [_, b'\n'] => "\n",
                        _ => "\n\n",
                    };
                    Bytes::from(format!("{lead}data: {}\n\ndata: [DONE]\n\n", e.body()))
                }
            };
            Some((Ok(bytes), st))
        })
        .boxed()
    }
}

/// The upstream's headers a client sees besides the status: the content type, and what tells
/// a client when to retry (`Retry-After`, OpenAI's `x-ratelimit-*`) or names the request.
fn passed_header(name: &HeaderName) -> bool {
    let n = name.as_str();
    n == header::CONTENT_TYPE.as_str()
        || n == header::RETRY_AFTER.as_str()
        || n.starts_with("x-ratelimit-")
        || n == "x-request-id"
}

/// The start of an upstream's error text, for our own error message.
fn snippet(text: &str) -> String {
    text.chars().take(500).collect()
}
