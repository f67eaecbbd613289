//! OpenAI's chat-completions wire shapes (what clients send and parse) and its error body.
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use tandem_core::RequestParams;

/// A chat message as clients send it. `content` is a string, an array of content parts (what
/// the official SDKs, LangChain and chat UIs send: `[{"type": "text", "text": "..."}]`), or
/// null (an assistant turn that only called tools). [`Message::text`] turns it into the text the
/// model sees.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Message {
    pub role: String,
    #[serde(default)]
    pub content: Option<Content>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Content {
    Text(String),
    Parts(Vec<ContentPart>),
}

/// One content part; only `text` parts can be read by a text model.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ContentPart {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Message {
    /// The message's text: text parts joined by newlines (as vLLM joins them). Any other part
    /// (image, audio, file) is a 400 naming it: this model reads text only.
    pub fn text(&self) -> Result<String, ApiError> {
        match &self.content {
            None => Ok(String::new()),
            Some(Content::Text(t)) => Ok(t.clone()),
            Some(Content::Parts(parts)) => {
                let mut texts = Vec::with_capacity(parts.len());
                for p in parts {
                    match (p.kind.as_str(), &p.text) {
                        ("text", Some(t)) => texts.push(t.as_str()),
                        ("text", None) => {
                            return Err(ApiError::invalid(
                                "messages",
                                "a content part of type \"text\" needs a \"text\" string",
                            ))
                        }
                        (other, _) => {
                            return Err(ApiError::invalid(
                                "messages",
                                format!(
                                    "content parts of type {other:?} are not supported: this \
                                     model reads text only (send parts of type \"text\")"
                                ),
                            ))
                        }
                    }
                }
                Ok(texts.join("\n"))
            }
        }
    }

    /// As tandem-core's chat message.
    pub fn to_chat(&self) -> Result<tandem_core::ChatMessage, ApiError> {
        Ok(tandem_core::ChatMessage::new(&self.role, &self.text()?))
    }
}

/// Every message of a request as tandem-core's chat messages.
pub fn chat_messages(messages: &[Message]) -> Result<Vec<tandem_core::ChatMessage>, ApiError> {
    messages.iter().map(Message::to_chat).collect()
}

/// A chat-completions request. Fields OpenAI clients send that the server does not use are
/// accepted and ignored (as OpenAI-compatible servers do). The generation parameters are
/// tandem-core's [`RequestParams`], validated there (the browser engine shares them).
#[derive(Debug, Clone, Deserialize)]
pub struct ChatRequest {
    pub model: Option<String>,
    pub messages: Vec<Message>,
    /// `null` is the same as absent (as for every other optional field).
    #[serde(default)]
    pub stream: Option<bool>,
    pub stream_options: Option<StreamOptions>,
    #[serde(flatten)]
    pub params: RequestParams,
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub struct StreamOptions {
    /// A last chunk (no choices) carries the usage; every other chunk has `usage: null`.
    #[serde(default)]
    pub include_usage: bool,
}

/// One token's entry of OpenAI's `logprobs.content`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogprobContent {
    pub token: String,
    pub logprob: f32,
    pub bytes: Vec<u8>,
    pub top_logprobs: Vec<TopLogprob>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopLogprob {
    pub token: String,
    pub logprob: f32,
    pub bytes: Vec<u8>,
}

/// `choices[].logprobs` when the request asked for logprobs.
#[derive(Debug, Clone, Serialize)]
pub struct ChoiceLogprobs {
    pub content: Vec<LogprobContent>,
    /// The refusal's tokens (a text model here never refuses in OpenAI's sense: always null).
    pub refusal: Option<Vec<LogprobContent>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PromptTokensDetails {
    /// Prompt tokens whose keys/values were reused from an earlier request (not recomputed).
    pub cached_tokens: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Usage {
    pub prompt_tokens: usize,
    pub completion_tokens: usize,
    pub total_tokens: usize,
    pub prompt_tokens_details: PromptTokensDetails,
}

impl Usage {
    pub fn new(prompt_tokens: usize, cached_tokens: usize, completion_tokens: usize) -> Self {
        Self {
            prompt_tokens,
            completion_tokens,
            total_tokens: prompt_tokens + completion_tokens,
            prompt_tokens_details: PromptTokensDetails { cached_tokens },
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AssistantMessage {
    pub role: &'static str,
    pub content: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub index: u32,
    pub message: AssistantMessage,
    pub finish_reason: &'static str,
    pub logprobs: Option<ChoiceLogprobs>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChatCompletion {
    pub id: String,
    pub object: &'static str,
    pub created: u64,
    pub model: String,
    pub choices: Vec<Choice>,
    pub usage: Usage,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Delta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChunkChoice {
    pub index: u32,
    pub delta: Delta,
    pub finish_reason: Option<&'static str>,
    pub logprobs: Option<ChoiceLogprobs>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChatChunk {
    pub id: String,
    pub object: &'static str,
    pub created: u64,
    pub model: String,
    pub choices: Vec<ChunkChoice>,
    /// Absent unless the request asked for usage; then `null` except on the last chunk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub usage: Option<Option<Usage>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ModelCard {
    pub id: String,
    pub object: &'static str,
    pub created: u64,
    pub owned_by: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct ModelList {
    pub object: &'static str,
    pub data: Vec<ModelCard>,
}

/// An error as OpenAI sends it: `{"error": {"message", "type", "param", "code"}}` with the
/// matching HTTP status (and Retry-After on 429).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub kind: &'static str,
    pub code: &'static str,
    pub message: String,
    pub param: Option<&'static str>,
    pub retry_after_s: Option<u64>,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        kind: &'static str,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Self {
            status,
            kind,
            code,
            message: message.into(),
            param: None,
            retry_after_s: None,
        }
    }

    pub fn invalid(param: &'static str, message: impl Into<String>) -> Self {
        Self {
            param: Some(param),
            ..Self::new(
                StatusCode::BAD_REQUEST,
                "invalid_request_error",
                "invalid_value",
                message,
            )
        }
    }

    pub fn busy(retry_after_s: u64) -> Self {
        Self {
            retry_after_s: Some(retry_after_s),
            ..Self::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limit_error",
                "queue_full",
                "the server's queue is full; retry later",
            )
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "internal_error",
            message,
        )
    }

    /// An engine error as OpenAI reports it, the status from the error's stable kind (the one
    /// mapping the wasm binding shares): the request's fault is a 400 naming `param` (or the
    /// parameter the error names), the model's or the server's a 500.
    pub fn from_engine(e: tandem_engine::Error, param: &'static str) -> Self {
        let message = e.to_string();
        let bad = |code: &'static str, p: &'static str| Self {
            param: Some(p),
            ..Self::new(
                StatusCode::BAD_REQUEST,
                "invalid_request_error",
                code,
                message.clone(),
            )
        };
        match e.kind() {
            "invalid_request" => bad("invalid_value", e.param().unwrap_or(param)),
            "chat_template" => bad("invalid_value", "messages"),
            "context_overflow" => bad("context_length_exceeded", param),
            _ => Self::internal(message),
        }
    }

    pub fn body(&self) -> serde_json::Value {
        serde_json::json!({
            "error": {
                "message": self.message,
                "type": self.kind,
                "param": self.param,
                "code": self.code,
            }
        })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut r = (self.status, axum::Json(self.body())).into_response();
        if let Some(s) = self.retry_after_s {
            if let Ok(v) = HeaderValue::from_str(&s.to_string()) {
                r.headers_mut().insert("retry-after", v);
            }
        }
        r
    }
}

/// `POST /v1/verify` (Tandem's speculative-decoding verifier; not an OpenAI endpoint).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyRequest {
    pub model: Option<String>,
    /// The prompt as token ids of this model's tokenizer…
    pub prompt_ids: Option<Vec<u32>>,
    /// …or as chat messages (rendered with the model's template, generation prompt added).
    pub messages: Option<Vec<Message>>,
    /// The drafter's proposed continuation.
    pub draft_ids: Vec<u32>,
    /// 0 (default) = greedy acceptance; > 0 = rejection sampling at this temperature.
    pub temperature: Option<f32>,
    pub seed: Option<u64>,
    /// Per draft token, the drafter's sampling distribution as `[[token_id, probability], …]`
    /// (its support: top-k or top-p renormalised). With it, sampling is lossless for a sampling
    /// drafter (accept with min(1, p/q), resample from max(0, p − q)); without it the drafter
    /// counts as deterministic.
    pub draft_dists: Option<Vec<Vec<(u32, f32)>>>,
    /// 1 to 20: also list this model's most likely tokens with their log-probabilities before
    /// each draft token and after the whole draft (logit fusion reads them); through an
    /// upstream, from vLLM's `prompt_logprobs`.
    pub top_logprobs: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VerifyResponse {
    pub object: &'static str,
    pub model: String,
    /// Draft tokens accepted (a prefix).
    pub accepted: usize,
    /// This model's token after the accepted prefix (the bonus token when all were accepted).
    pub correction: u32,
    /// Per draft position: this model's log-probability of the draft token.
    pub logprobs: Vec<f32>,
    /// Per draft position: this model's arg-max token.
    pub target_ids: Vec<u32>,
    pub prompt_tokens: usize,
    /// Prompt tokens whose KV cache came from the previous call (same conversation).
    pub reused_tokens: usize,
    /// Milliseconds from the request's body to the verdict (queue and forward pass): a client
    /// takes it from its wall time to measure the network's round trip alone.
    pub server_ms: f64,
    /// With `top_logprobs`: per draft position and then after the whole draft (draft + 1
    /// rows), this model's most likely tokens as `[token_id, logprob]`, most likely first, from
    /// its distribution at temperature 1 whatever the request's `temperature`; entries that are
    /// not finite numbers are left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub top_logprobs: Option<Vec<Vec<(u32, f32)>>>,
}
