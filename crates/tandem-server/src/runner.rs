//! What runs the embedded model on the model thread: tandem-core on the CPU, or tandem-gpu's
//! engine when a GPU is present.
//!
//! - CPU: generation and verification share one set of weights.
//! - GPU: generation runs on tandem-gpu's [`Engine`] (its KV cache is kept between requests, so
//!   the next turn of a conversation only feeds its new tokens). If the device is lost, the model
//!   is rebuilt on the CPU from the file and the same generation goes on. Verification needs
//!   every position's logits with a truncatable cache: it runs on tandem-core, loaded from the
//!   file on the first `/v1/verify`.
//!
//! `auto` takes the GPU only when the adapter is a real one: CPU adapters (lavapipe, SwiftShader,
//! WARP) run the same kernels far slower than tandem-core's CPU path (docs/BENCHMARKS.md).
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use axum::http::StatusCode;
use serde::Serialize;
use tandem_core::{ChatMessage, LoadedModel, Verifier};
use tandem_gpu::{BackendChoice, BackendKind, Engine, EngineOptions, GpuError};

use crate::engine::{Event, EventSink, Job, VerifyJob, VerifyOutcome};
use crate::openai::ApiError;
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
}

pub enum Runner {
    Cpu {
        model: Box<LoadedModel>,
        /// Its KV cache carries over between calls of a conversation.
        verifier: Verifier,
    },
    Gpu(Box<GpuRunner>),
}

pub struct GpuRunner {
    engine: Engine,
    path: PathBuf,
    /// tandem-core's model and verifier, loaded on the first verification.
    cpu: Option<(LoadedModel, Verifier)>,
}

impl Runner {
    /// tandem-core on the CPU, generation and verification sharing `model`'s weights.
    pub fn cpu(model: LoadedModel) -> Self {
        let verifier = Verifier::new(&model.model);
        Runner::Cpu {
            model: Box::new(model),
            verifier,
        }
    }

    /// Loads the model at `path` on the backend `choice` asks for (see the module's notes).
    pub fn load(path: &Path, choice: BackendChoice) -> Result<(Self, BackendInfo), ServerError> {
        let cpu = |reason: Option<String>| -> Result<(Self, BackendInfo), ServerError> {
            Ok((
                Self::cpu(tandem_core::load(path)?),
                BackendInfo::cpu(reason),
            ))
        };
        match choice {
            BackendChoice::Cpu => cpu(None),
            BackendChoice::Gpu => Self::gpu(path),
            BackendChoice::Auto => match pollster::block_on(tandem_gpu::Gpu::new()) {
                Err(e) => cpu(Some(e.to_string())),
                Ok(g) if g.is_cpu_adapter() => cpu(Some(format!(
                    "the only GPU adapter runs on the CPU ({}): tandem-core is faster",
                    g.describe()
                ))),
                // The probe's device goes before the engine opens its own.
                Ok(_) => Self::gpu(path).or_else(|e| cpu(Some(e.to_string()))),
            },
        }
    }

    fn gpu(path: &Path) -> Result<(Self, BackendInfo), ServerError> {
        let opts = EngineOptions {
            backend: BackendChoice::Gpu,
            ..Default::default()
        };
        let engine = pollster::block_on(Engine::load(tandem_core::open(path)?, &opts))?;
        let info = BackendInfo {
            backend: "gpu",
            adapter: engine.adapter().map(String::from),
            fallback_reason: None,
        };
        Ok((
            Runner::Gpu(Box::new(GpuRunner {
                engine,
                path: path.to_path_buf(),
                cpu: None,
            })),
            info,
        ))
    }

    /// Tokens a prompt plus its answer may take.
    pub fn max_context(&self) -> usize {
        match self {
            Runner::Cpu { model, .. } => model.config().max_position_embeddings,
            Runner::Gpu(g) => g.engine.max_context(),
        }
    }

    /// Runs one generation, streaming its events; `info` is updated if the GPU is lost.
    pub fn run(&mut self, job: Job, events: &EventSink, info: &Mutex<BackendInfo>) {
        let send = |e: Event| events.send(e);
        match self {
            Runner::Cpu { model, .. } => run_cpu(model, job, &send),
            Runner::Gpu(g) => {
                if let Err(e) = g.run(job, &send, info) {
                    send(Event::Failed(e));
                }
            }
        }
    }

    /// Destroys the GPU device (tests of the fallback); nothing on the CPU.
    pub fn lose_device(&self) {
        if let Runner::Gpu(g) = self {
            g.engine.lose_device();
        }
    }

    pub fn verify(&mut self, job: VerifyJob) -> Result<VerifyOutcome, ApiError> {
        match self {
            Runner::Cpu { model, verifier } => verify(model, verifier, job),
            Runner::Gpu(g) => {
                if g.cpu.is_none() {
                    let m = tandem_core::load(&g.path).map_err(core_error)?;
                    let v = Verifier::new(&m.model);
                    g.cpu = Some((m, v));
                }
                match g.cpu.as_mut() {
                    Some((m, v)) => verify(m, v, job),
                    None => Err(ApiError::internal("the verifier did not load")),
                }
            }
        }
    }
}

fn context_exceeded(len: usize, max: usize) -> ApiError {
    ApiError {
        param: Some("messages"),
        ..ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_request_error",
            "context_length_exceeded",
            format!("the prompt is {len} tokens; this model's context is {max}"),
        )
    }
}

fn run_cpu(model: &LoadedModel, job: Job, send: &dyn Fn(Event) -> bool) {
    let prompt = match prompt_ids(model, &job.messages) {
        Ok(p) => p,
        Err(e) => {
            send(Event::Failed(e));
            return;
        }
    };
    let max = model.config().max_position_embeddings;
    if prompt.len() >= max {
        send(Event::Failed(context_exceeded(prompt.len(), max)));
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

impl GpuRunner {
    fn run(
        &mut self,
        job: Job,
        send: &dyn Fn(Event) -> bool,
        info: &Mutex<BackendInfo>,
    ) -> Result<(), ApiError> {
        let e = &mut self.engine;
        let text = e.render_chat(&job.messages).map_err(gpu_error)?;
        let prompt = e.encode(&text, false).map_err(gpu_error)?;
        let max = e.max_context();
        if prompt.len() >= max {
            return Err(context_exceeded(prompt.len(), max));
        }
        e.begin(&prompt, job.params).map_err(gpu_error)?;
        if !send(Event::Started {
            prompt_tokens: prompt.len(),
        }) {
            let _ = e.end(Some(tandem_core::FinishReason::Cancelled));
            return Ok(());
        }
        loop {
            match pollster::block_on(self.engine.step()) {
                Ok(step) => {
                    let last = step.finish.is_some();
                    let alive = send(Event::Token {
                        id: step.id,
                        text: step.text,
                        logprob: step.logprob,
                        entropy: step.entropy,
                    });
                    if !alive {
                        let _ = self.engine.end(Some(tandem_core::FinishReason::Cancelled));
                        return Ok(());
                    }
                    if last {
                        break;
                    }
                }
                Err(err) if self.engine.backend() == BackendKind::Lost => {
                    // Rebuild on the CPU from the file; the generation continues from its ids.
                    eprintln!("tandem-server: {err}; continuing on the CPU");
                    let mut parts = tandem_core::open(&self.path).map_err(core_error)?;
                    self.engine.use_cpu(&mut parts.weights).map_err(gpu_error)?;
                    *info.lock().unwrap_or_else(|e| e.into_inner()) =
                        BackendInfo::cpu(Some(format!("the GPU was lost: {err}")));
                }
                Err(err) => {
                    let _ = self.engine.end(None);
                    return Err(gpu_error(err));
                }
            }
        }
        let (g, prompt_tokens) = self.engine.end(None).map_err(gpu_error)?;
        send(Event::Done {
            finish: g.finish_reason,
            text: g.text,
            prompt_tokens,
            completion_tokens: g.ids.len(),
        });
        Ok(())
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
    let vocab = model.config().vocab_size;
    in_vocab(&prompt, vocab, "prompt_ids")?;
    in_vocab(&job.draft, vocab, "draft_ids")?;
    let verdict = verifier
        .verify(&model.model, &prompt, &job.draft, &job.params)
        .map_err(core_error)?;
    Ok(VerifyOutcome {
        verdict,
        prompt_tokens: prompt.len(),
    })
}

/// Every id of `ids` is a token of the vocabulary, or a 400 naming `param`.
fn in_vocab(ids: &[u32], vocab: usize, param: &'static str) -> Result<(), ApiError> {
    match ids.iter().find(|&&id| id as usize >= vocab) {
        Some(id) => Err(ApiError::invalid(
            param,
            format!("token id {id} is outside the vocabulary (size {vocab})"),
        )),
        None => Ok(()),
    }
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

fn gpu_error(e: GpuError) -> ApiError {
    match e {
        GpuError::Core(e) => core_error(e),
        other => ApiError::internal(other.to_string()),
    }
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
        // Request ids are checked (and named) before they reach the model; this is the guard.
        E::TokenOutOfVocab { id, vocab } => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_request_error",
            "invalid_value",
            format!("token id {id} is outside the vocabulary (size {vocab})"),
        ),
        other => ApiError::internal(other.to_string()),
    }
}
