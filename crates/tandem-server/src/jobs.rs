//! What the handlers and the model thread exchange: a generation's job and the events it
//! streams back, a verification's job and outcome, and the sink events go into.
use tandem_core::{ChatMessage, DraftDist, FinishReason, Request, Verdict, VerifyParams};
use tokio::sync::mpsc;

use crate::openai::{ApiError, LogprobContent};

/// One generation's request, validated.
#[derive(Debug, Clone)]
pub struct Job {
    pub messages: Vec<ChatMessage>,
    /// Validated parameters (stop ids: the request's own; the model's eos ids join them on the
    /// model thread).
    pub request: Request,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The prompt is accepted (sent before any token).
    Started {
        prompt_tokens: usize,
        /// Prompt tokens whose keys/values were reused from the previous request.
        cached_tokens: usize,
    },
    Token {
        id: u32,
        text: String,
        logprob: f32,
        entropy: f32,
        /// OpenAI's logprobs entry, when the request asked for logprobs.
        logprobs: Option<LogprobContent>,
    },
    Done {
        finish: FinishReason,
        text: String,
        prompt_tokens: usize,
        cached_tokens: usize,
        completion_tokens: usize,
    },
    Failed(ApiError),
}

/// A `/v1/verify` request: the prompt (ids, or messages to render) and the draft.
#[derive(Debug, Clone)]
pub struct VerifyJob {
    pub prompt_ids: Option<Vec<u32>>,
    pub messages: Option<Vec<ChatMessage>>,
    pub draft: Vec<u32>,
    pub params: VerifyParams,
    /// The drafter's sampling distributions (lossless speculative sampling); None: greedy or a
    /// deterministic drafter.
    pub draft_dists: Option<Vec<DraftDist>>,
    /// Alternatives listed per position (`Verdict::top`); 0: none.
    pub top_k: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VerifyOutcome {
    pub verdict: Verdict,
    pub prompt_tokens: usize,
}

/// Where a generation's events go: the request's channel, with room for every event the
/// generation can send (its tokens plus start and end), so the model thread never waits on a
/// client. One that stops reading holds only its own connection (dropped by the server's stall
/// timeout, which drops this channel's receiver and cancels the generation); one that reads
/// slowly cannot pace the model for everyone else.
pub struct EventSink {
    tx: mpsc::Sender<Event>,
}

impl EventSink {
    pub fn new(tx: mpsc::Sender<Event>) -> Self {
        Self { tx }
    }

    /// Whether the event was delivered (false: the client is gone).
    pub fn send(&self, e: Event) -> bool {
        self.tx.try_send(e).is_ok()
    }
}
