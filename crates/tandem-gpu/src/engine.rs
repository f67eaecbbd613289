//! The local engine as an application sees it: one model on the GPU when an adapter can take it,
//! on tandem-core's CPU path otherwise, driven one token at a time (so a browser can stream,
//! cancel and stay responsive between tokens). If the GPU device is lost mid-generation the
//! engine says so ([`GpuError::DeviceLost`]); after [`Engine::use_cpu`] the same generation
//! carries on on the CPU from the ids it has so far — no token of the conversation is lost.
//!
//! The KV cache is kept between generations: a prompt that extends the ids already in the cache
//! (the next turn of a chat) only feeds the new tokens.
use std::sync::Arc;

use tandem_core::{
    Cache, ChatMessage, ChatTemplate, Config, FinishReason, GenerateParams, Generation, Generator,
    Model, ModelParts, Tokenizer, Weights,
};

use crate::context::{Gpu, GpuOptions};
use crate::error::{GpuError, Result};
use crate::model::{GpuModel, ModelOptions};

/// Which engine to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BackendChoice {
    /// The GPU when an adapter exists and takes the model, the CPU otherwise.
    #[default]
    Auto,
    Gpu,
    Cpu,
}

/// Which engine runs now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    Gpu,
    Cpu,
    /// The GPU device was lost; [`Engine::use_cpu`] brings the engine back.
    Lost,
}

impl BackendKind {
    pub fn name(self) -> &'static str {
        match self {
            BackendKind::Gpu => "webgpu",
            BackendKind::Cpu => "cpu",
            BackendKind::Lost => "lost",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct EngineOptions {
    pub backend: BackendChoice,
    pub gpu: GpuOptions,
    pub model: ModelOptions,
}

enum Backend {
    Gpu(Box<GpuModel>),
    Cpu { model: Box<Model>, cache: Cache },
    Lost,
}

/// One token of a generation, as the caller streams it.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: u32,
    /// Text that became final with this token (may be empty: held back for a stop string or an
    /// incomplete character).
    pub text: String,
    pub logprob: f32,
    pub entropy: f32,
    /// Set on the last token.
    pub finish: Option<FinishReason>,
}

struct Session {
    gen: Generator,
    prompt_tokens: usize,
    /// The last token was picked on the GPU and is still there as the next input.
    pick_on_device: bool,
    finish: Option<FinishReason>,
}

pub struct Engine {
    config: Config,
    tokenizer: Option<Tokenizer>,
    chat_template: Option<ChatTemplate>,
    chat_template_error: Option<String>,
    eos_token_ids: Vec<u32>,
    backend: Backend,
    /// Why the GPU is not used, when `Auto` ended on the CPU.
    fallback_reason: Option<String>,
    adapter: Option<String>,
    /// Ids whose keys/values are in the backend's cache, in order.
    cached: Vec<u32>,
    session: Option<Session>,
}

impl Engine {
    /// Builds the engine from a model's parts. With [`BackendChoice::Auto`] any GPU failure
    /// (no adapter, limits, out of memory) falls back to the CPU and is kept as
    /// [`Engine::fallback_reason`].
    pub async fn load(mut parts: ModelParts, opts: &EngineOptions) -> Result<Self> {
        parts.config.validate()?;
        let mut fallback_reason = None;
        let mut adapter = None;
        let backend = match opts.backend {
            BackendChoice::Cpu => cpu_backend(&mut parts.weights, &parts.config)?,
            BackendChoice::Gpu => {
                let (b, a) = gpu_backend(&mut parts.weights, &parts.config, opts).await?;
                adapter = Some(a);
                b
            }
            BackendChoice::Auto => {
                match gpu_backend(&mut parts.weights, &parts.config, opts).await {
                    Ok((b, a)) => {
                        adapter = Some(a);
                        b
                    }
                    // A bad model is bad on the CPU too: say so rather than retry. (A shape
                    // only the GPU kernels cannot run is `Unsupported`: the CPU takes it.)
                    Err(GpuError::Core(e))
                        if !matches!(e, tandem_core::Error::Unsupported { .. }) =>
                    {
                        return Err(GpuError::Core(e))
                    }
                    Err(e) => {
                        fallback_reason = Some(e.to_string());
                        cpu_backend(&mut parts.weights, &parts.config)?
                    }
                }
            }
        };
        Ok(Self {
            config: parts.config,
            tokenizer: parts.tokenizer,
            chat_template: parts.chat_template,
            chat_template_error: parts.chat_template_error,
            eos_token_ids: parts.eos_token_ids,
            backend,
            fallback_reason,
            adapter,
            cached: Vec::new(),
            session: None,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn tokenizer(&self) -> Option<&Tokenizer> {
        self.tokenizer.as_ref()
    }

    pub fn eos_token_ids(&self) -> &[u32] {
        &self.eos_token_ids
    }

    pub fn backend(&self) -> BackendKind {
        match self.backend {
            Backend::Gpu(_) => BackendKind::Gpu,
            Backend::Cpu { .. } => BackendKind::Cpu,
            Backend::Lost => BackendKind::Lost,
        }
    }

    pub fn fallback_reason(&self) -> Option<&str> {
        self.fallback_reason.as_deref()
    }

    /// The GPU adapter's description, when the model was loaded on one.
    pub fn adapter(&self) -> Option<&str> {
        self.adapter.as_deref()
    }

    /// Tokens the engine's context holds.
    pub fn max_context(&self) -> usize {
        match &self.backend {
            Backend::Gpu(m) => m.max_context(),
            _ => self.config.max_position_embeddings,
        }
    }

    /// Tokens whose keys/values the engine holds (reused by the next prompt that extends them).
    pub fn cached_tokens(&self) -> usize {
        self.cached.len()
    }

    /// Weight bytes on the GPU (0 on the CPU).
    pub fn gpu_weight_bytes(&self) -> usize {
        match &self.backend {
            Backend::Gpu(m) => m.weight_bytes(),
            _ => 0,
        }
    }

    fn need_tokenizer(&self) -> Result<&Tokenizer> {
        self.tokenizer.as_ref().ok_or_else(|| {
            GpuError::Core(tandem_core::Error::TokenizerMissing(
                "the model has no tokenizer.json".into(),
            ))
        })
    }

    pub fn encode(&self, text: &str, add_special: bool) -> Result<Vec<u32>> {
        Ok(self.need_tokenizer()?.encode(text, add_special)?)
    }

    pub fn decode(&self, ids: &[u32], skip_special: bool) -> Result<String> {
        Ok(self.need_tokenizer()?.decode(ids, skip_special)?)
    }

    /// The prompt text of a chat, rendered with the model's template (generation prompt added).
    pub fn render_chat(&self, messages: &[ChatMessage]) -> Result<String> {
        match &self.chat_template {
            Some(t) => Ok(t.render(messages, true)?),
            None => Err(GpuError::Core(tandem_core::Error::ChatTemplate(
                match &self.chat_template_error {
                    Some(e) => format!("the model's chat template does not parse: {e}"),
                    None => "the model has no chat template".into(),
                },
            ))),
        }
    }

    /// Starts a generation after `prompt` (the model's end-of-sequence ids always stop it, besides
    /// `params.stop_token_ids`). A generation still running is dropped.
    pub fn begin(&mut self, prompt: &[u32], mut params: GenerateParams) -> Result<()> {
        for &e in &self.eos_token_ids {
            if !params.stop_token_ids.contains(&e) {
                params.stop_token_ids.push(e);
            }
        }
        self.begin_ignoring_eos(prompt, params)
    }

    /// As [`Engine::begin`], stopping only at `params.stop_token_ids` (benchmarks, raw
    /// continuations).
    pub fn begin_ignoring_eos(&mut self, prompt: &[u32], params: GenerateParams) -> Result<()> {
        if prompt.is_empty() {
            return Err(tandem_core::Error::EmptyInput.into());
        }
        let vocab = self.config.vocab_size;
        if let Some(&id) = prompt.iter().find(|&&id| id as usize >= vocab) {
            return Err(tandem_core::Error::TokenOutOfVocab { id, vocab }.into());
        }
        let max = self.max_context();
        if prompt.len() >= max {
            return Err(tandem_core::Error::ContextOverflow {
                needed: prompt.len() + 1,
                max,
            }
            .into());
        }
        let gen = Generator::new(self.tokenizer.clone(), prompt, params, max)?;
        // Keep the cache when it holds a proper prefix of this prompt (the next turn of a chat).
        if !(prompt.len() > self.cached.len() && prompt.starts_with(&self.cached)) {
            self.clear_cache();
        }
        self.session = Some(Session {
            gen,
            prompt_tokens: prompt.len(),
            pick_on_device: false,
            finish: None,
        });
        Ok(())
    }

    fn clear_cache(&mut self) {
        self.cached.clear();
        match &mut self.backend {
            Backend::Gpu(m) => m.clear(),
            Backend::Cpu { cache, .. } => cache.clear(),
            Backend::Lost => {}
        }
    }

    /// Generates the next token. After the last one (`finish` set) call [`Engine::end`].
    /// A [`GpuError::DeviceLost`] (or any error for which
    /// [`GpuError::is_fatal_for_device`]) leaves the engine [`BackendKind::Lost`] with the
    /// generation intact: call [`Engine::use_cpu`] and step again.
    pub async fn step(&mut self) -> Result<Step> {
        let Some(s) = self.session.as_mut() else {
            return Err(no_session());
        };
        if s.finish.is_some() {
            return Err(tandem_core::Error::InvalidParams(
                "the generation has finished: call end() or begin() a new one".into(),
            )
            .into());
        }
        let new = s
            .gen
            .context()
            .get(self.cached.len()..)
            .unwrap_or_default()
            .to_vec();
        if new.is_empty() {
            return Err(GpuError::Validation(
                "engine cache ahead of the context".into(),
            ));
        }
        let picked = match &mut self.backend {
            Backend::Lost => return Err(lost()),
            Backend::Gpu(m) if s.gen.is_greedy() => {
                let r = if s.pick_on_device && new.len() == 1 {
                    m.step_greedy().await
                } else {
                    m.prefill_greedy(&new).await
                };
                r.map(|p| (p.id, p.logprob, p.entropy, true))
            }
            Backend::Gpu(m) => m
                .next_logits(&new)
                .await
                .map(|l| sample(&mut s.gen, &l, false)),
            Backend::Cpu { model, cache } => model
                .next_logits(&new, cache)
                .map(|l| sample(&mut s.gen, &l, false))
                .map_err(GpuError::from),
        };
        let (id, logprob, entropy, on_device) = match picked {
            Ok(p) => p,
            Err(e) => {
                if e.is_fatal_for_device() {
                    self.backend = Backend::Lost;
                    self.cached.clear();
                    s.pick_on_device = false;
                }
                return Err(e);
            }
        };
        self.cached.extend_from_slice(&new);
        s.pick_on_device = on_device;
        let mut text = String::new();
        let finish = s
            .gen
            .push(id, logprob, entropy, self.cached.len(), &mut |ev| {
                text.push_str(ev.text);
                true
            })?;
        s.finish = finish;
        Ok(Step {
            id,
            text,
            logprob,
            entropy,
            finish,
        })
    }

    /// Ends the generation (`reason` when the caller stops it early, e.g. cancelled) and
    /// returns it.
    pub fn end(&mut self, reason: Option<FinishReason>) -> Result<(Generation, usize)> {
        let s = self.session.take().ok_or_else(no_session)?;
        let reason = s.finish.or(reason).unwrap_or(FinishReason::Cancelled);
        Ok((s.gen.finish(reason), s.prompt_tokens))
    }

    /// Moves the engine to the CPU, built from `weights` (the same model's). A generation in
    /// progress continues from its ids on the next [`Engine::step`].
    pub fn use_cpu(&mut self, weights: &mut Weights) -> Result<()> {
        self.backend = cpu_backend(weights, &self.config)?;
        self.cached.clear();
        if let Some(s) = self.session.as_mut() {
            s.pick_on_device = false;
            // The CPU's context may be longer than the GPU cache was; the generator keeps its own.
        }
        if self.fallback_reason.is_none() {
            self.fallback_reason = Some("the GPU device was lost".into());
        }
        Ok(())
    }

    /// Destroys the GPU device, as a driver reset would (for tests of the CPU fallback).
    pub fn lose_device(&self) {
        if let Backend::Gpu(m) = &self.backend {
            m.gpu().destroy();
        }
    }
}

fn sample(gen: &mut Generator, logits: &[f32], on_device: bool) -> (u32, f32, f32, bool) {
    let (id, lp, ent) = gen.sample(logits);
    (id, lp, ent, on_device)
}

fn no_session() -> GpuError {
    tandem_core::Error::InvalidParams("no generation in progress: call begin() first".into()).into()
}

fn lost() -> GpuError {
    GpuError::DeviceLost("the engine lost its GPU: call use_cpu() to continue on the CPU".into())
}

fn cpu_backend(weights: &mut Weights, cfg: &Config) -> Result<Backend> {
    let model = Model::load(weights, cfg)?;
    let cache = model.new_cache();
    Ok(Backend::Cpu {
        model: Box::new(model),
        cache,
    })
}

async fn gpu_backend(
    weights: &mut Weights,
    cfg: &Config,
    opts: &EngineOptions,
) -> Result<(Backend, String)> {
    // `Arc` as tandem-gpu shares the device natively; on wasm32 (one thread) wgpu's handles
    // are not Send/Sync, which is fine there.
    #[allow(clippy::arc_with_non_send_sync)]
    let gpu = Arc::new(Gpu::with_options(&opts.gpu).await?);
    let adapter = gpu.describe();
    let model = GpuModel::load(gpu, weights, cfg, &opts.model).await?;
    Ok((Backend::Gpu(Box::new(model)), adapter))
}
