//! The embedded model on its own thread: requests wait in a bounded queue (full → 429), the
//! model runs off the async runtime, and each request's tokens stream back over a channel. A
//! client that goes away cancels its generation at the next token.
use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::thread;

use axum::http::StatusCode;
use tandem_core::{
    ChatMessage, FinishReason, GenerateParams, LoadedModel, Verdict, Verifier, VerifyParams,
};
use tokio::sync::{mpsc, oneshot};

use crate::openai::ApiError;

/// One generation's request, validated.
#[derive(Debug, Clone)]
pub struct Job {
    pub messages: Vec<ChatMessage>,
    pub params: GenerateParams,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The prompt is accepted (sent before any token).
    Started {
        prompt_tokens: usize,
    },
    Token {
        id: u32,
        text: String,
        logprob: f32,
        entropy: f32,
    },
    Done {
        finish: FinishReason,
        text: String,
        prompt_tokens: usize,
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
}

#[derive(Debug, Clone, PartialEq)]
pub struct VerifyOutcome {
    pub verdict: Verdict,
    pub prompt_tokens: usize,
}

enum Queued {
    Job {
        job: Job,
        events: mpsc::Sender<Event>,
    },
    Verify {
        job: VerifyJob,
        reply: oneshot::Sender<Result<VerifyOutcome, ApiError>>,
    },
    /// Keeps the model thread busy until the paired sender is dropped (tests of the queue).
    Hold(std::sync::mpsc::Receiver<()>),
}

/// While alive, the model thread is busy (see [`EngineHandle::hold`]).
pub struct HoldGuard {
    _release: std::sync::mpsc::Sender<()>,
}

/// What handlers hold: the queue's sending side and the model's facts.
#[derive(Clone)]
pub struct EngineHandle {
    queue: SyncSender<Queued>,
    pub max_context: usize,
}

impl EngineHandle {
    /// Starts the model thread with room for `queue` waiting requests (besides the running one).
    pub fn spawn(model: LoadedModel, queue: usize) -> Self {
        let max_context = model.config().max_position_embeddings;
        let (tx, rx) = sync_channel::<Queued>(queue);
        thread::Builder::new()
            .name("tandem-model".into())
            .spawn(move || {
                // One verifier: its KV cache carries over between calls of a conversation.
                let mut verifier = Verifier::new(&model.model);
                while let Ok(q) = rx.recv() {
                    match q {
                        Queued::Job { job, events } => run(&model, job, events),
                        Queued::Verify { job, reply } => {
                            let _ = reply.send(verify(&model, &mut verifier, job));
                        }
                        Queued::Hold(until) => {
                            let _ = until.recv();
                        }
                    }
                }
            })
            .map(|_| ())
            .unwrap_or_else(|e| eprintln!("tandem-server: cannot start the model thread: {e}"));
        Self {
            queue: tx,
            max_context,
        }
    }

    /// Queues `job`; its events arrive on the returned receiver. Full queue → 429.
    pub fn submit(&self, job: Job) -> Result<mpsc::Receiver<Event>, ApiError> {
        let (tx, rx) = mpsc::channel(64);
        match self.queue.try_send(Queued::Job { job, events: tx }) {
            Ok(()) => Ok(rx),
            Err(TrySendError::Full(_)) => Err(ApiError::busy(1)),
            Err(TrySendError::Disconnected(_)) => {
                Err(ApiError::internal("the model thread has stopped"))
            }
        }
    }

    /// Queues a verification (full queue → 429) and waits for its result.
    pub async fn verify(&self, job: VerifyJob) -> Result<VerifyOutcome, ApiError> {
        let (tx, rx) = oneshot::channel();
        match self.queue.try_send(Queued::Verify { job, reply: tx }) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => return Err(ApiError::busy(1)),
            Err(TrySendError::Disconnected(_)) => {
                return Err(ApiError::internal("the model thread has stopped"))
            }
        }
        rx.await
            .map_err(|_| ApiError::internal("the model thread ended the request"))?
    }

    /// Occupies the model thread (once it is free) until the guard is dropped: lets tests fill
    /// the queue deterministically. Blocks while the queue is full.
    #[doc(hidden)]
    pub fn hold(&self) -> Result<HoldGuard, ApiError> {
        let (tx, rx) = std::sync::mpsc::channel();
        self.queue
            .send(Queued::Hold(rx))
            .map_err(|_| ApiError::internal("the model thread has stopped"))?;
        Ok(HoldGuard { _release: tx })
    }
}

fn run(model: &LoadedModel, job: Job, events: mpsc::Sender<Event>) {
    let send = |e: Event| events.blocking_send(e).is_ok();
    let prompt = match prompt_ids(model, &job.messages) {
        Ok(p) => p,
        Err(e) => {
            send(Event::Failed(e));
            return;
        }
    };
    let max = model.config().max_position_embeddings;
    if prompt.len() >= max {
        send(Event::Failed(ApiError {
            param: Some("messages"),
            ..ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_request_error",
                "context_length_exceeded",
                format!(
                    "the prompt is {} tokens; this model's context is {max}",
                    prompt.len()
                ),
            )
        }));
        return;
    }
    if !send(Event::Started {
        prompt_tokens: prompt.len(),
    }) {
        return;
    }
    let mut params = job.params.clone();
    for &e in &model.eos_token_ids {
        if !params.stop_token_ids.contains(&e) {
            params.stop_token_ids.push(e);
        }
    }
    let r = tandem_core::generate(
        &model.model,
        model.tokenizer.as_ref(),
        &prompt,
        &params,
        &mut |t| {
            send(Event::Token {
                id: t.id,
                text: t.text.to_string(),
                logprob: t.logprob,
                entropy: t.entropy,
            })
        },
    );
    match r {
        Ok(g) => {
            send(Event::Done {
                finish: g.finish_reason,
                text: g.text,
                prompt_tokens: prompt.len(),
                completion_tokens: g.ids.len(),
            });
        }
        Err(e) => {
            send(Event::Failed(core_error(e)));
        }
    }
}

fn verify(
    model: &LoadedModel,
    verifier: &mut Verifier,
    job: VerifyJob,
) -> Result<VerifyOutcome, ApiError> {
    let prompt = match (job.prompt_ids, job.messages) {
        (Some(ids), None) => ids,
        (None, Some(m)) => prompt_ids(model, &m)?,
        _ => {
            return Err(ApiError::invalid(
                "prompt_ids",
                "give exactly one of prompt_ids and messages",
            ))
        }
    };
    let verdict = verifier
        .verify(&model.model, &prompt, &job.draft, &job.params)
        .map_err(core_error)?;
    Ok(VerifyOutcome {
        verdict,
        prompt_tokens: prompt.len(),
    })
}

fn prompt_ids(model: &LoadedModel, messages: &[ChatMessage]) -> Result<Vec<u32>, ApiError> {
    let template = model.chat_template.as_ref().ok_or_else(|| {
        ApiError::internal(match &model.chat_template_error {
            Some(e) => format!("the model's chat template does not parse: {e}"),
            None => "the model has no chat template".into(),
        })
    })?;
    let text = template.render(messages, true).map_err(core_error)?;
    let tok = model.tokenizer().map_err(core_error)?;
    tok.encode(&text, false).map_err(core_error)
}

fn core_error(e: tandem_core::Error) -> ApiError {
    use tandem_core::Error as E;
    match e {
        E::InvalidParams(m) => ApiError::invalid("messages", m),
        E::ContextOverflow { needed, max } => ApiError {
            param: Some("messages"),
            ..ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_request_error",
                "context_length_exceeded",
                format!("{needed} tokens exceed this model's context of {max}"),
            )
        },
        E::ChatTemplate(m) => ApiError::invalid("messages", format!("chat template: {m}")),
        E::EmptyInput => ApiError::invalid("prompt_ids", "the prompt is empty"),
        E::TokenOutOfVocab { id, vocab } => ApiError::invalid(
            "draft_ids",
            format!("token id {id} is outside the vocabulary (size {vocab})"),
        ),
        other => ApiError::internal(other.to_string()),
    }
}
