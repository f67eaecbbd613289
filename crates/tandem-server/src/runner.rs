//! What runs the embedded model on the model thread: tandem-engine's [`Engine`] (the one place
//! that chooses GPU or CPU). Generation and `/v1/verify` drive the same loaded model and share
//! its KV cache, so the next turn of a conversation, or the next verification of a draft, only
//! feeds its new tokens. If the GPU device is lost, the model is rebuilt on the CPU from the
//! file and the same generation goes on.
//!
//! `auto` takes the GPU only when the adapter is a real one: CPU adapters (lavapipe, SwiftShader,
//! WARP) run the same kernels far slower than tandem-core's CPU path (docs/BENCHMARKS.md).
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use tandem_core::FinishReason;
use tandem_engine::{BackendChoice, BackendKind, Engine, EngineOptions, Step};

use crate::jobs::{Event, EventSink, Job, VerifyJob, VerifyOutcome};
use crate::openai::{ApiError, LogprobContent, TopLogprob};
use crate::ServerError;

/// Where the model runs, for `/healthz` and the start-up line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BackendInfo {
    /// `cpu` or `gpu`.
    pub backend: &'static str,
    /// The GPU adapter, when one runs the model.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adapter: Option<String>,
    /// Why `auto` did not take the GPU, or why it was left.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback_reason: Option<String>,
}

impl BackendInfo {
    pub fn cpu(fallback_reason: Option<String>) -> Self {
        Self {
            backend: "cpu",
            adapter: None,
            fallback_reason,
        }
    }

    fn of(engine: &Engine) -> Self {
        Self {
            backend: match engine.backend() {
                BackendKind::Gpu => "gpu",
                _ => "cpu",
            },
            adapter: engine.adapter().map(String::from),
            fallback_reason: engine.fallback_reason().map(String::from),
        }
    }
}

pub struct Runner {
    engine: Engine,
    /// The model file, to rebuild the model on the CPU if the GPU is lost.
    path: PathBuf,
}

fn api(e: tandem_engine::Error) -> ApiError {
    ApiError::from_engine(e, "messages")
}

impl Runner {
    /// Loads the model at `path` on the backend `choice` asks for (see the module's notes).
    pub fn load(path: &Path, choice: BackendChoice) -> Result<(Self, BackendInfo), ServerError> {
        let opts = EngineOptions {
            backend: choice,
            allow_cpu_adapter: false,
            ..Default::default()
        };
        let engine = pollster::block_on(Engine::load(tandem_core::open(path)?, &opts))?;
        let info = BackendInfo::of(&engine);
        Ok((
            Self {
                engine,
                path: path.to_path_buf(),
            },
            info,
        ))
    }

    /// Tokens a prompt plus its answer may take.
    pub fn max_context(&self) -> usize {
        self.engine.max_context()
    }

    /// Runs one generation, streaming its events; `info` is updated if the GPU is lost.
    pub fn run(&mut self, job: Job, events: &EventSink, info: &Mutex<BackendInfo>) {
        if let Err(e) = self.generate(job, events, info) {
            events.send(Event::Failed(e));
        }
    }

    /// Destroys the GPU device (tests of the fallback); nothing on the CPU.
    pub fn lose_device(&self) {
        self.engine.lose_device();
    }

    /// After a lost device: the model from its file, on the CPU.
    fn move_to_cpu(
        &mut self,
        err: &tandem_engine::Error,
        info: &Mutex<BackendInfo>,
    ) -> Result<(), ApiError> {
        eprintln!("tandem-server: {err}; continuing on the CPU");
        let mut parts = tandem_core::open(&self.path).map_err(|e| api(e.into()))?;
        self.engine.use_cpu(&mut parts.weights).map_err(api)?;
        *info.lock().unwrap_or_else(|e| e.into_inner()) =
            BackendInfo::cpu(Some(format!("the GPU was lost: {err}")));
        Ok(())
    }

    fn generate(
        &mut self,
        job: Job,
        events: &EventSink,
        info: &Mutex<BackendInfo>,
    ) -> Result<(), ApiError> {
        let send = |e: Event| events.send(e);
        let text = self.engine.text();
        let prompt = text.prompt_ids(&job.messages).map_err(|e| api(e.into()))?;
        let max = self.engine.max_context();
        if prompt.len() >= max {
            return Err(ApiError {
                param: Some("messages"),
                ..ApiError::new(
                    axum::http::StatusCode::BAD_REQUEST,
                    "invalid_request_error",
                    "context_length_exceeded",
                    format!(
                        "the prompt is {} tokens; this model's context is {max}",
                        prompt.len()
                    ),
                )
            });
        }
        let mut params = job.request.params.clone();
        params.stop_token_ids = text.stop_ids(&job.request);
        let top_k = job.request.top_logprobs.unwrap_or(0);
        let cached_tokens = self.engine.begin(&prompt, params, top_k).map_err(api)?;
        if !send(Event::Started {
            prompt_tokens: prompt.len(),
            cached_tokens,
        }) {
            let _ = self.engine.end(Some(FinishReason::Cancelled));
            return Ok(());
        }
        loop {
            match pollster::block_on(self.engine.step()) {
                Ok(step) => {
                    let last = step.finish.is_some();
                    let logprobs = job.request.top_logprobs.map(|_| self.logprobs(&step));
                    let alive = send(Event::Token {
                        id: step.id,
                        text: step.text,
                        logprob: step.logprob,
                        entropy: step.entropy,
                        logprobs,
                    });
                    if !alive {
                        let _ = self.engine.end(Some(FinishReason::Cancelled));
                        return Ok(());
                    }
                    if last {
                        break;
                    }
                }
                Err(err) if self.engine.is_lost() => {
                    // The generation continues on the CPU from its ids.
                    if let Err(e) = self.move_to_cpu(&err, info) {
                        let _ = self.engine.end(None);
                        return Err(e);
                    }
                }
                Err(err) => {
                    let _ = self.engine.end(None);
                    return Err(api(err));
                }
            }
        }
        let ended = self.engine.end(None).map_err(api)?;
        send(Event::Done {
            finish: ended.generation.finish_reason,
            text: ended.generation.text,
            prompt_tokens: ended.prompt_tokens,
            cached_tokens: ended.cached_tokens,
            completion_tokens: ended.generation.ids.len(),
        });
        Ok(())
    }

    /// A generated token as OpenAI's `logprobs.content` entry.
    fn logprobs(&self, step: &Step) -> LogprobContent {
        let text = self.engine.text();
        let (token, bytes) = text.token_text(step.id);
        LogprobContent {
            token,
            logprob: openai_logprob(step.logprob),
            bytes,
            top_logprobs: step
                .top
                .iter()
                .map(|t| {
                    let (token, bytes) = text.token_text(t.id);
                    TopLogprob {
                        token,
                        logprob: openai_logprob(t.logprob),
                        bytes,
                    }
                })
                .collect(),
        }
    }

    pub fn verify(
        &mut self,
        job: VerifyJob,
        info: &Mutex<BackendInfo>,
    ) -> Result<VerifyOutcome, ApiError> {
        let prompt = match (job.prompt_ids, job.messages) {
            (Some(ids), None) => ids,
            (None, Some(m)) => self
                .engine
                .text()
                .prompt_ids(&m)
                .map_err(|e| api(e.into()))?,
            _ => {
                return Err(ApiError::invalid(
                    "prompt_ids",
                    "give exactly one of prompt_ids and messages",
                ))
            }
        };
        let vocab = self.engine.config().vocab_size;
        in_vocab(&prompt, vocab, "prompt_ids")?;
        in_vocab(&job.draft, vocab, "draft_ids")?;
        if let Some(q) = &job.draft_dists {
            tandem_core::verify::check_dists(q, &job.draft, vocab)
                .map_err(|e| ApiError::invalid("draft_dists", e.to_string()))?;
        }
        let dists = job.draft_dists.as_deref();
        let verdict = match pollster::block_on(self.engine.verify_top(
            &prompt,
            &job.draft,
            &job.params,
            dists,
            job.top_k,
        )) {
            Err(err) if self.engine.is_lost() => {
                self.move_to_cpu(&err, info)?;
                pollster::block_on(self.engine.verify_top(
                    &prompt,
                    &job.draft,
                    &job.params,
                    dists,
                    job.top_k,
                ))
            }
            r => r,
        };
        Ok(VerifyOutcome {
            verdict: verdict.map_err(|e| ApiError::from_engine(e, "prompt_ids"))?,
            prompt_tokens: prompt.len(),
        })
    }
}

/// A logprob as OpenAI writes it: JSON has no -inf (serde would write null, which clients
/// refuse), so a token the model rules out gets OpenAI's own floor, -9999.
fn openai_logprob(lp: f32) -> f32 {
    if lp.is_finite() {
        lp
    } else {
        -9999.0
    }
}

/// Every id of `ids` is a token of the vocabulary, or a 400 naming `param` (the engine's own
/// check cannot tell the prompt's ids from the draft's).
fn in_vocab(ids: &[u32], vocab: usize, param: &'static str) -> Result<(), ApiError> {
    match ids.iter().find(|&&id| id as usize >= vocab) {
        Some(id) => Err(ApiError::invalid(
            param,
            format!("token id {id} is outside the vocabulary (size {vocab})"),
        )),
        None => Ok(()),
    }
}
