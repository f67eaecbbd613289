//! The HTTP surface: `/healthz`, `/v1/models`, `/v1/chat/completions` (JSON or server-sent
//! events ending in `data: [DONE]`), `/v1/verify`, and in proxy mode the upstream's other
//! OpenAI endpoints. Every error is OpenAI-shaped, the framework's own (413, 405, 504) included.
use std::convert::Infallible;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::sse::{Event as SseEvent, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use futures_util::stream::{self, Stream, StreamExt};
use serde_json::Value;
use tandem_core::FinishReason;
use tokio::sync::watch;
use tokio_stream::wrappers::ReceiverStream;

use crate::config::ServerConfig;
use crate::cors::cors;
use crate::jobs::{Event, Job, VerifyJob};
use crate::openai::*;
use crate::proxy::{passthrough_path, Proxied, UpstreamPrompt};
use crate::security::guard;
use crate::shutdown::{closing_error, until_closing};
use crate::state::{AppState, Backend};

pub fn router(state: Arc<AppState>) -> Router {
    let body_limit = state.config.max_body_bytes;
    let timeout = state.config.request_timeout;
    let cors = cors(&state.config.cors_origins);
    Router::new()
        .route("/healthz", get(healthz))
        .route("/v1/models", get(models))
        .route("/v1/chat/completions", post(chat))
        .route("/v1/verify", post(verify))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), guard))
        .layer(DefaultBodyLimit::max(body_limit))
        // A body trickled in byte by byte is dropped like a slow header (hyper's timer stops
        // once the head is read): the idle timeout holds between the body's chunks too.
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
            state.config.idle_timeout,
        ))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::GATEWAY_TIMEOUT,
            timeout,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            openai_errors,
        ))
        .layer(cors)
        .with_state(state)
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Liveness, and where requests go: `{"status": "ok", "backend": "cpu" | "gpu", "adapter"?,
/// "fallback_reason"?}` or, in proxy mode, `{"status": "ok", "upstream": url}`. Never queued.
async fn healthz(State(s): State<Arc<AppState>>) -> impl IntoResponse {
    match &s.backend {
        Backend::Embedded(e) => {
            let mut v = serde_json::to_value(e.backend()).unwrap_or_default();
            v["status"] = "ok".into();
            Json(v)
        }
        Backend::Proxy(p) => Json(serde_json::json!({ "status": "ok", "upstream": p.base() })),
    }
}

/// Errors the framework makes itself (the body limit's 413, a wrong method's 405, the request
/// timeout's 504, a body it could not read) come empty or as text: give them OpenAI's shape.
/// The handlers' errors are already JSON; the upstream's answers pass as they are.
async fn openai_errors(State(s): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let r = next.run(req).await;
    let status = r.status();
    let json = r
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error())
        || json
        || r.extensions().get::<Proxied>().is_some()
    {
        return r;
    }
    let cfg = &s.config;
    let (parts, body) = r.into_parts();
    let kind = if status.is_server_error() {
        "server_error"
    } else {
        "invalid_request_error"
    };
    let (code, message) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => (
            "request_too_large",
            format!(
                "the request body is over this server's limit of {} bytes",
                cfg.max_body_bytes
            ),
        ),
        StatusCode::METHOD_NOT_ALLOWED => (
            "method_not_allowed",
            "this endpoint does not take that method".to_string(),
        ),
        StatusCode::GATEWAY_TIMEOUT | StatusCode::REQUEST_TIMEOUT => (
            "timeout",
            format!(
                "the request took longer than this server's limit of {} s",
                cfg.request_timeout.as_secs_f32()
            ),
        ),
        _ => {
            let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
            let text = String::from_utf8_lossy(&text).trim().to_string();
            let reason = status.canonical_reason().unwrap_or("request failed");
            (
                "invalid_request",
                if text.is_empty() { reason.into() } else { text },
            )
        }
    };
    let mut e = ApiError::new(status, kind, code, message).into_response();
    if let Some(allow) = parts.headers.get(header::ALLOW) {
        e.headers_mut().insert(header::ALLOW, allow.clone());
    }
    e
}

/// Unknown paths: 404, except in proxy mode, where the upstream's other OpenAI endpoints
/// (legacy completions, embeddings, …; see [`passthrough_path`]) are passed through, behind the
/// same keys, rate limit and body limit.
async fn not_found(
    State(s): State<Arc<AppState>>,
    method: Method,
    uri: axum::http::Uri,
    body: Bytes,
) -> Response {
    if let Backend::Proxy(p) = &s.backend {
        if let Some((path, allowed)) = passthrough_path(uri.path()) {
            if method != allowed {
                let mut r = ApiError::new(
                    StatusCode::METHOD_NOT_ALLOWED,
                    "invalid_request_error",
                    "method_not_allowed",
                    format!("{path} takes {allowed} only through this proxy"),
                )
                .into_response();
                if let Ok(v) = header::HeaderValue::from_str(allowed.as_str()) {
                    r.headers_mut().insert(header::ALLOW, v);
                }
                return r;
            }
            let body = (!body.is_empty()).then_some(body);
            if let Some(b) = &body {
                if let Err(e) = check_proxied_body(b, &s.config) {
                    return e.into_response();
                }
            }
            return p
                .forward(method, &path, uri.query(), body, s.closing())
                .await
                .unwrap_or_else(|e| e.into_response());
        }
    }
    ApiError::new(
        StatusCode::NOT_FOUND,
        "invalid_request_error",
        "not_found",
        "no such endpoint",
    )
    .into_response()
}

async fn models(State(s): State<Arc<AppState>>) -> Response {
    if let Backend::Proxy(p) = &s.backend {
        return match p
            .forward(Method::GET, "/v1/models", None, None, s.closing())
            .await
        {
            Ok(r) => r,
            Err(e) => e.into_response(),
        };
    }
    Json(ModelList {
        object: "list",
        data: vec![ModelCard {
            id: s.config.model_id.clone(),
            object: "model",
            created: 0,
            owned_by: "tandem",
        }],
    })
    .into_response()
}

fn check_model(model: &Option<String>, cfg: &ServerConfig) -> Result<(), ApiError> {
    match model {
        Some(m) if m != &cfg.model_id => Err(ApiError {
            param: Some("model"),
            ..ApiError::new(
                StatusCode::NOT_FOUND,
                "invalid_request_error",
                "model_not_found",
                format!(
                    "the model {m:?} does not exist; this server has {:?}",
                    cfg.model_id
                ),
            )
        }),
        _ => Ok(()),
    }
}

/// A JSON body, or a 400 naming what is wrong with it.
fn parse<T: serde::de::DeserializeOwned>(body: &[u8], what: &str) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError::invalid(
            "body",
            format!("the request body is not a valid {what} request: {e}"),
        )
    })
}

async fn verify(State(s): State<Arc<AppState>>, body: Bytes) -> Result<Response, ApiError> {
    let t0 = std::time::Instant::now();
    let req: VerifyRequest = parse(&body, "verify")?;
    if req.draft_ids.is_empty() || req.draft_ids.len() > s.config.max_draft {
        return Err(ApiError::invalid(
            "draft_ids",
            format!("draft_ids must hold 1 to {} tokens", s.config.max_draft),
        ));
    }
    let temperature = req.temperature.unwrap_or(0.0);
    if !(temperature.is_finite() && (0.0..=2.0).contains(&temperature)) {
        return Err(ApiError::invalid(
            "temperature",
            "temperature must be in [0, 2]",
        ));
    }
    let top_k = req.top_logprobs.unwrap_or(0);
    if top_k > tandem_core::request::MAX_TOP_LOGPROBS {
        return Err(ApiError::invalid(
            "top_logprobs",
            format!(
                "top_logprobs must be 0 to {}",
                tandem_core::request::MAX_TOP_LOGPROBS
            ),
        ));
    }
    let (verdict, prompt_tokens, model) = match &s.backend {
        Backend::Embedded(engine) => {
            check_model(&req.model, &s.config)?;
            let out = engine
                .verify(VerifyJob {
                    prompt_ids: req.prompt_ids,
                    messages: req.messages.as_deref().map(chat_messages).transpose()?,
                    draft: req.draft_ids,
                    draft_dists: req.draft_dists,
                    top_k,
                    params: tandem_core::VerifyParams {
                        temperature,
                        // Without a seed, fresh randomness for every call: reusing one seed's
                        // uniforms would bias which drafts are accepted.
                        seed: req.seed.unwrap_or_else(tandem_core::sampling::fresh_seed),
                    },
                })
                .await?;
            (out.verdict, out.prompt_tokens, s.config.model_id.clone())
        }
        Backend::Proxy(p) => {
            if temperature > 0.0 {
                return Err(ApiError {
                    param: Some("temperature"),
                    ..ApiError::new(
                        StatusCode::NOT_IMPLEMENTED,
                        "invalid_request_error",
                        "verify_sampling_unsupported_upstream",
                        "through an upstream only greedy verification (temperature 0) is \
                         possible: rejection sampling needs the upstream's whole next-token \
                         distribution, and vLLM's prompt_logprobs give the top-k only",
                    )
                });
            }
            let model = req.model.clone().ok_or_else(|| {
                ApiError::invalid("model", "name the upstream's model to verify with")
            })?;
            let messages;
            let prompt = match (&req.prompt_ids, &req.messages) {
                (Some(ids), None) => UpstreamPrompt::Ids(ids),
                (None, Some(m)) => {
                    messages =
                        serde_json::to_value(m).map_err(|e| ApiError::internal(e.to_string()))?;
                    UpstreamPrompt::Messages(&messages)
                }
                _ => {
                    return Err(ApiError::invalid(
                        "prompt_ids",
                        "give exactly one of prompt_ids and messages",
                    ))
                }
            };
            let (verdict, n) = p.verify(&model, prompt, &req.draft_ids, top_k).await?;
            (verdict, n, model)
        }
    };
    Ok(Json(VerifyResponse {
        object: "verification",
        model,
        accepted: verdict.accepted,
        correction: verdict.correction,
        logprobs: verdict.logprobs,
        target_ids: verdict.target_ids,
        prompt_tokens,
        reused_tokens: verdict.reused,
        server_ms: t0.elapsed().as_secs_f64() * 1000.0,
        // A NaN or -inf entry (the model's numbers broke, or a token it rules out) would be
        // written as null, which no client can read as a number: it is left out of its row.
        top_logprobs: (top_k > 0).then(|| {
            verdict
                .top
                .iter()
                .map(|row| {
                    row.iter()
                        .filter(|t| t.logprob.is_finite())
                        .map(|t| t.pair())
                        .collect()
                })
                .collect()
        }),
    })
    .into_response())
}

/// Checks a request for the embedded model and maps it onto the engine's job: the parameters
/// through tandem-core's one validation (OpenAI's defaults), with this server's limits.
pub fn validate(req: &ChatRequest, cfg: &ServerConfig) -> Result<Job, ApiError> {
    check_model(&req.model, cfg)?;
    if req.messages.is_empty() {
        return Err(ApiError::invalid("messages", "messages must not be empty"));
    }
    let limits = tandem_core::Limits {
        default_max_tokens: cfg.default_max_tokens,
        max_tokens: cfg.max_tokens_limit,
    };
    let request = req
        .params
        .validate(&limits)
        .map_err(|e| ApiError::from_engine(e.into(), "messages"))?;
    Ok(Job {
        messages: chat_messages(&req.messages)?,
        request,
    })
}

/// What this server's operator limits in proxy mode, checked before anything is sent: the
/// tokens a request may ask for, under each endpoint's name for it. Everything else is the
/// upstream's to judge (its models may take `n > 1`, images, tools).
fn check_proxied_body(body: &[u8], cfg: &ServerConfig) -> Result<(), ApiError> {
    let req: Value = parse(body, "JSON")?;
    if !req.is_object() {
        return Err(ApiError::invalid(
            "body",
            "the request body must be a JSON object",
        ));
    }
    for key in ["max_tokens", "max_completion_tokens", "max_output_tokens"] {
        match &req[key] {
            Value::Null => {}
            v => match v.as_u64() {
                Some(n) if n >= 1 && n as usize <= cfg.max_tokens_limit => {}
                _ => {
                    return Err(ApiError::invalid(
                        key,
                        format!(
                            "{key} must be an integer from 1 to this server's limit of {}",
                            cfg.max_tokens_limit
                        ),
                    ))
                }
            },
        }
    }
    Ok(())
}

fn finish_reason(f: FinishReason) -> &'static str {
    match f {
        FinishReason::Length | FinishReason::ContextFull => "length",
        _ => "stop",
    }
}

async fn chat(State(s): State<Arc<AppState>>, body: Bytes) -> Result<Response, ApiError> {
    let engine = match &s.backend {
        Backend::Embedded(e) => e,
        Backend::Proxy(p) => {
            check_proxied_body(&body, &s.config)?;
            return p
                .forward(
                    Method::POST,
                    "/v1/chat/completions",
                    None,
                    Some(body),
                    s.closing(),
                )
                .await;
        }
    };
    let req: ChatRequest = parse(&body, "chat")?;
    let job = validate(&req, &s.config)?;
    let with_logprobs = job.request.top_logprobs.is_some();
    let mut rx = engine.submit(job)?;
    let id = format!("chatcmpl-{}", s.next_id.fetch_add(1, Ordering::Relaxed));
    let created = now();
    let model = s.config.model_id.clone();
    // The first event says whether the prompt was accepted: errors are still a 4xx then.
    match rx.recv().await {
        Some(Event::Started { .. }) => {}
        Some(Event::Failed(e)) => return Err(e),
        _ => return Err(ApiError::internal("the model thread ended the request")),
    }
    if req.stream == Some(true) {
        let usage = req.stream_options.is_some_and(|o| o.include_usage);
        let closing = s.closing();
        let head = ChunkHead {
            id,
            created,
            model,
            include_usage: usage,
            with_logprobs,
        };
        return Ok(stream_response(rx, head, closing).into_response());
    }
    let mut content = Vec::new();
    loop {
        match rx.recv().await {
            Some(Event::Token { logprobs, .. }) => content.extend(logprobs),
            Some(Event::Started { .. }) => {}
            Some(Event::Done {
                finish,
                text,
                prompt_tokens,
                cached_tokens,
                completion_tokens,
            }) => {
                return Ok(Json(ChatCompletion {
                    id,
                    object: "chat.completion",
                    created,
                    model,
                    choices: vec![Choice {
                        index: 0,
                        message: AssistantMessage {
                            role: "assistant",
                            content: text,
                        },
                        finish_reason: finish_reason(finish),
                        logprobs: with_logprobs.then(|| ChoiceLogprobs {
                            content: std::mem::take(&mut content),
                            refusal: None,
                        }),
                    }],
                    usage: Usage::new(prompt_tokens, cached_tokens, completion_tokens),
                })
                .into_response())
            }
            Some(Event::Failed(e)) => return Err(e),
            None => return Err(ApiError::internal("the model thread ended the request")),
        }
    }
}

/// What every chunk of one streamed answer shares.
struct ChunkHead {
    id: String,
    created: u64,
    model: String,
    include_usage: bool,
    with_logprobs: bool,
}

fn stream_response(
    rx: tokio::sync::mpsc::Receiver<Event>,
    head: ChunkHead,
    closing: watch::Receiver<bool>,
) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>>> {
    let ChunkHead {
        id,
        created,
        model,
        include_usage,
        with_logprobs,
    } = head;
    // OpenAI's shape: with `stream_options.include_usage`, every chunk has `usage: null` and
    // one last chunk before `[DONE]` has no choices and the usage.
    let chunk = move |choice: Option<ChunkChoice>, usage: Option<Usage>| ChatChunk {
        id: id.clone(),
        object: "chat.completion.chunk",
        created,
        model: model.clone(),
        choices: choice.into_iter().collect(),
        usage: include_usage.then_some(usage),
    };
    let delta = |delta: Delta, finish: Option<&'static str>, lp: Option<ChoiceLogprobs>| {
        Some(ChunkChoice {
            index: 0,
            delta,
            finish_reason: finish,
            logprobs: lp,
        })
    };
    let data =
        |c: &ChatChunk| SseEvent::default().data(serde_json::to_string(c).unwrap_or_default());
    let first = data(&chunk(
        delta(
            Delta {
                role: Some("assistant"),
                content: Some(String::new()),
            },
            None,
            None,
        ),
        None,
    ));
    let events = ReceiverStream::new(rx).filter_map(move |ev| {
        let out = match ev {
            // With logprobs every token has its chunk (its text may be held back, e.g. part
            // of a possible stop string: its delta is then empty).
            Event::Token { text, logprobs, .. } if !text.is_empty() || with_logprobs => {
                Some(vec![data(&chunk(
                    delta(
                        Delta {
                            role: None,
                            content: Some(text),
                        },
                        None,
                        logprobs.map(|entry| ChoiceLogprobs {
                            content: vec![entry],
                            refusal: None,
                        }),
                    ),
                    None,
                ))])
            }
            Event::Done {
                finish,
                prompt_tokens,
                cached_tokens,
                completion_tokens,
                ..
            } => {
                let mut v = vec![data(&chunk(
                    delta(Delta::default(), Some(finish_reason(finish)), None),
                    None,
                ))];
                if include_usage {
                    v.push(data(&chunk(
                        None,
                        Some(Usage::new(prompt_tokens, cached_tokens, completion_tokens)),
                    )));
                }
                v.push(SseEvent::default().data("[DONE]"));
                Some(v)
            }
            Event::Failed(e) => Some(vec![SseEvent::default().data(e.body().to_string())]),
            _ => None,
        };
        std::future::ready(out)
    });
    let all = stream::once(std::future::ready(vec![first])).chain(events);
    // The server stopping ends the stream cleanly; dropping the receiver cancels the generation.
    let farewell = || {
        vec![vec![
            SseEvent::default().data(closing_error().body().to_string()),
            SseEvent::default().data("[DONE]"),
        ]]
    };
    let all =
        until_closing(all, closing, farewell).flat_map(|v| stream::iter(v.into_iter().map(Ok)));
    Sse::new(all)
}
