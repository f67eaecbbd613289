//! The server LLM behind an OpenAI-compatible base URL (tandem-server, vLLM, llama.cpp, Ollama,
//! OpenAI): `POST {base}/chat/completions` with greedy decoding, one request at a time, each
//! with its own timeout. Errors name the URL; the runner adds the item.
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use serde_json::{json, Value};
use tandem_core::ChatMessage;

/// Largest answer body read (a chat completion of a few hundred tokens is a few KiB).
const MAX_BODY_BYTES: usize = 8 << 20;

/// What the server answered.
pub struct Completion {
    pub text: String,
    /// `usage.completion_tokens`, when the server reports it.
    pub tokens: Option<usize>,
}

pub struct HttpServer {
    rt: tokio::runtime::Runtime,
    client: reqwest::Client,
    /// The base URL without its trailing slash, e.g. `http://127.0.0.1:8000/v1`.
    base: String,
    model: String,
    api_key: Option<String>,
}

/// Whether `server` names a base URL rather than a model path.
pub fn is_url(server: &str) -> bool {
    server.starts_with("http://") || server.starts_with("https://")
}

impl HttpServer {
    /// Checks the URL, builds the client and settles the model name: `model`, or the first id
    /// of `GET {base}/models` (which is then also the check that the server is there).
    pub fn connect(
        base: &str,
        model: Option<String>,
        api_key: Option<String>,
        timeout: Duration,
    ) -> Result<Self> {
        let parsed = reqwest::Url::parse(base)
            .with_context(|| format!("--server {base:?} is not a valid URL"))?;
        if parsed.query().is_some() || parsed.fragment().is_some() {
            bail!("--server {base:?}: a base URL takes no query or fragment (e.g. http://127.0.0.1:8000/v1)");
        }
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("cannot start the async runtime")?;
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            // A redirect would carry the API key to a URL nobody named.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .context("cannot build the HTTP client")?;
        let mut server = HttpServer {
            rt,
            client,
            base: base.trim_end_matches('/').to_string(),
            model: model.unwrap_or_default(),
            api_key: api_key.filter(|k| !k.is_empty()),
        };
        if server.model.is_empty() {
            server.model = server.first_model()?;
        }
        Ok(server)
    }

    pub fn model(&self) -> &str {
        &self.model
    }

    fn first_model(&self) -> Result<String> {
        let url = format!("{}/models", self.base);
        let req = self.authorised(self.client.get(&url));
        let v = self.send(req, &url)?;
        v.get("data")
            .and_then(Value::as_array)
            .and_then(|d| d.first())
            .and_then(|m| m.get("id"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| {
                anyhow!("GET {url}: the answer lists no model (no data[0].id); name one with --server-model")
            })
    }

    /// One greedy chat completion.
    pub fn complete(&self, messages: &[ChatMessage], max_tokens: usize) -> Result<Completion> {
        let url = format!("{}/chat/completions", self.base);
        let body = json!({
            "model": self.model,
            "messages": messages,
            "temperature": 0,
            "max_tokens": max_tokens,
            "stream": false,
        });
        let req = self.authorised(self.client.post(&url).json(&body));
        let v = self.send(req, &url)?;
        let choice = v
            .get("choices")
            .and_then(Value::as_array)
            .and_then(|c| c.first())
            .ok_or_else(|| anyhow!("POST {url}: the answer has no choices[0]"))?;
        let text = match choice.pointer("/message/content") {
            Some(Value::String(s)) => s.clone(),
            // A reply of no text (e.g. the model stopped at once) is an empty answer.
            Some(Value::Null) => String::new(),
            _ => bail!("POST {url}: choices[0].message.content is not a string"),
        };
        let tokens = v
            .pointer("/usage/completion_tokens")
            .and_then(Value::as_u64)
            .map(|n| n as usize);
        Ok(Completion { text, tokens })
    }

    /// One `POST {base}/verify` (tandem-server's speculative-decoding verifier): the answer's
    /// JSON. The body names the model.
    pub fn verify(&self, mut body: Value) -> Result<Value> {
        let url = format!("{}/verify", self.base);
        body["model"] = json!(self.model);
        let req = self.authorised(self.client.post(&url).json(&body));
        self.send(req, &url)
    }

    fn authorised(&self, req: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.api_key {
            Some(k) => req.bearer_auth(k),
            None => req,
        }
    }

    /// Sends, reads a bounded body, and turns a non-2xx status or non-JSON body into an error
    /// naming the URL (and the server's own message when it gives one).
    fn send(&self, req: reqwest::RequestBuilder, url: &str) -> Result<Value> {
        let method = if url.ends_with("/models") {
            "GET"
        } else {
            "POST"
        };
        let (status, body) = self
            .rt
            .block_on(async {
                let mut resp = req.send().await?;
                let status = resp.status();
                let mut body = Vec::new();
                while let Some(chunk) = resp.chunk().await? {
                    body.extend_from_slice(&chunk);
                    if body.len() > MAX_BODY_BYTES {
                        break;
                    }
                }
                Ok::<_, reqwest::Error>((status, body))
            })
            .map_err(|e| anyhow!("{method} {url}: {}", describe(&e)))?;
        if body.len() > MAX_BODY_BYTES {
            bail!("{method} {url}: the answer is larger than {MAX_BODY_BYTES} bytes");
        }
        let parsed: Option<Value> = serde_json::from_slice(&body).ok();
        if !status.is_success() {
            let detail = parsed
                .as_ref()
                .and_then(|v| v.pointer("/error/message"))
                .and_then(Value::as_str)
                .map(str::to_string)
                .unwrap_or_else(|| snippet(&body));
            bail!("{method} {url}: the server answered {status}: {detail}");
        }
        parsed.ok_or_else(|| anyhow!("{method} {url}: the answer is not JSON: {}", snippet(&body)))
    }
}

/// A reqwest error with its causes ("error sending request" alone says little), without
/// repeating the URL the caller already names.
fn describe(e: &reqwest::Error) -> String {
    let mut parts = Vec::new();
    if e.is_timeout() {
        parts.push("timed out".to_string());
    }
    let mut src: Option<&dyn std::error::Error> = std::error::Error::source(e);
    while let Some(s) = src {
        let m = s.to_string();
        if !parts.contains(&m) {
            parts.push(m);
        }
        src = s.source();
    }
    if parts.is_empty() {
        parts.push(e.to_string());
    }
    parts.join(": ")
}

/// The start of a body, for error messages.
fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut s: String = text.chars().take(300).collect();
    if text.chars().count() > 300 {
        s.push('…');
    }
    if s.trim().is_empty() {
        "(empty body)".into()
    } else {
        s
    }
}
