//! The plain-data objects the binding hands to JS (serialized JSON-compatible, camelCase). The
//! npm package's `src/wasm-types.ts` declares the same shapes; `tests/ts_shapes.rs` checks the
//! two agree field by field, so neither side can drift.
use serde::Serialize;
use tandem_core::FinishReason;

/// `engine.info()`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InfoJs {
    /// "webgpu", "cpu" or "lost".
    pub backend: &'static str,
    pub adapter: Option<String>,
    pub fallback_reason: Option<String>,
    pub architecture: &'static str,
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub num_layers: usize,
    pub max_context: usize,
    pub has_tokenizer: bool,
    pub has_chat_template: bool,
    pub eos_token_ids: Vec<u32>,
    pub gpu_weight_bytes: usize,
    /// Tokens whose keys/values the engine holds (reused by a prompt that extends them).
    pub cached_tokens: usize,
}

/// One alternative token at a position, most likely first.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopLogprobJs {
    pub id: u32,
    /// The token's text as the tokenizer spells it decoded (may be a partial character).
    pub token: String,
    /// The token's raw UTF-8 bytes (OpenAI's `bytes`).
    pub bytes: Vec<u8>,
    pub logprob: f32,
}

/// `engine.step()`: one generated token.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepJs {
    pub id: u32,
    /// Text that became final with this token (held back while it may become a stop string).
    pub text: String,
    pub token: String,
    pub bytes: Vec<u8>,
    pub logprob: f32,
    /// Entropy (nats) of the model's distribution at this position.
    pub entropy: f32,
    /// The `top_logprobs` most likely tokens (empty unless requested).
    pub top_logprobs: Vec<TopLogprobJs>,
    /// Set on the last token.
    pub finish_reason: Option<FinishReason>,
}

/// `engine.end()`: the whole generation.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GenerationJs {
    pub ids: Vec<u32>,
    pub text: String,
    pub logprobs: Vec<f32>,
    pub entropies: Vec<f32>,
    pub finish_reason: FinishReason,
    pub prompt_tokens: usize,
    /// Prompt tokens whose keys/values were reused from the previous call (not recomputed).
    pub cached_tokens: usize,
}

/// One scored position of `engine.score()`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoredTokenJs {
    pub id: u32,
    pub token: String,
    pub bytes: Vec<u8>,
    pub logprob: f32,
    pub entropy: f32,
    pub top_logprobs: Vec<TopLogprobJs>,
}

/// The next-token distribution after the last scored id.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NextJs {
    pub entropy: f32,
    pub top_logprobs: Vec<TopLogprobJs>,
}

/// `engine.score(ids, from, topK)`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreJs {
    /// One per id of `ids[from..]`.
    pub tokens: Vec<ScoredTokenJs>,
    pub next: NextJs,
    /// Leading ids whose keys/values were reused (not recomputed).
    pub cached_tokens: usize,
}

/// `engine.draft(ids, k, temperature, seed)`: the local model's proposed tokens.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftJs {
    pub ids: Vec<u32>,
    /// With a temperature, per token the distribution it was drawn from, `[id, probability]`
    /// pairs (what `/v1/verify` takes as `draft_dists`); greedy: null.
    pub dists: Option<Vec<Vec<(u32, f32)>>>,
}

/// `engine.promptFeatures()`: the prompt's final-norm hidden states, pooled.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FeaturesJs {
    pub mean: Vec<f32>,
    pub last: Vec<f32>,
    /// Positions pooled.
    pub tokens: usize,
}

/// One chunk of a streamed reply after restoring placeholders (`restoreChunk`).
#[derive(Debug, Clone, Serialize)]
pub struct RestoredChunkJs {
    /// What can be shown now.
    pub ready: String,
    /// What is held back (a possible placeholder's start): passed in with the next chunk.
    pub pending: String,
}
