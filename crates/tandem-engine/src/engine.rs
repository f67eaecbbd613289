//! The local engine: one model on the GPU when an adapter takes it, on tandem-core's CPU path
//! otherwise, behind one API that every caller drives — the CLI, the server's model thread,
//! `/v1/verify` and the browser binding — and that the collaboration layer builds on:
//!
//! - stepwise generation ([`Engine::begin`], [`Engine::step`], [`Engine::end`]), each token
//!   with its logprob, entropy and, on request, the top-k alternatives;
//! - [`Engine::rewind`]: drop cached positions (a rejected draft) without recomputing the rest;
//! - [`Engine::score`]: one forward pass over given ids, each position's logprob, entropy and
//!   top-k; [`Engine::verify`] judges a draft from the same pass;
//! - [`Engine::prompt_features`]: the prompt's pooled final-norm hidden states, from the pass
//!   that already ran.
//!
//! The KV cache is kept between calls: ids that extend the cached ones (the next turn of a
//! chat, the next verification of a draft) only feed what is new. If the GPU device is lost
//! mid-generation the step fails with kind `device_lost`; after [`Engine::use_cpu`] the same
//! generation carries on on the CPU from its ids, so a conversation never loses a token.
use tandem_core::sampling::{logprob_and_entropy, top_logprobs, TopToken};
use tandem_core::verify::{check_params, judge, DraftDist};
use tandem_core::{
    Config, FinishReason, GenerateParams, Generation, Generator, Logits, ModelParts, TextSide,
    Verdict, VerifyParams, Weights,
};

use crate::backend::{Backend, BackendKind, EngineOptions};
use crate::error::{Error, Result};
use tandem_gpu::KernelTime;

/// One token of a generation, as the caller streams it.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: u32,
    /// Text that became final with this token (may be empty: held back for a stop string or an
    /// incomplete character).
    pub text: String,
    pub logprob: f32,
    pub entropy: f32,
    /// The most likely tokens at this position (empty unless [`Engine::begin`] asked for them).
    pub top: Vec<TopToken>,
    /// Set on the last token.
    pub finish: Option<FinishReason>,
}

/// A finished generation.
#[derive(Debug, Clone, PartialEq)]
pub struct Ended {
    pub generation: Generation,
    pub prompt_tokens: usize,
    /// Prompt tokens whose keys/values were reused, not recomputed.
    pub cached_tokens: usize,
}

/// One position scored by [`Engine::score`].
#[derive(Debug, Clone, PartialEq)]
pub struct TokenScore {
    pub id: u32,
    /// Log-probability of `id` given every id before it.
    pub logprob: f32,
    /// Entropy (nats) of the model's distribution at this position.
    pub entropy: f32,
    pub top: Vec<TopToken>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// One per scored id.
    pub tokens: Vec<TokenScore>,
    /// The distribution after the last id: its entropy and top-k.
    pub next_entropy: f32,
    pub next_top: Vec<TopToken>,
    /// Leading ids whose keys/values were reused, not recomputed.
    pub cached_tokens: usize,
}

/// The prompt's final-norm hidden states (what `lm_head` reads), pooled: a fixed-size vector a
/// learned router can read.
#[derive(Debug, Clone, PartialEq)]
pub struct PromptFeatures {
    pub mean: Vec<f32>,
    pub last: Vec<f32>,
    /// Positions pooled.
    pub tokens: usize,
}

/// At most this many alternatives per position (OpenAI's limit).
pub const MAX_TOP_K: usize = tandem_core::request::MAX_TOP_LOGPROBS;

struct Session {
    gen: Generator,
    prompt_tokens: usize,
    cached_tokens: usize,
    top_k: usize,
    /// The last token was picked on the GPU and is still there as the next input.
    pick_on_device: bool,
    finish: Option<FinishReason>,
}

pub struct Engine {
    config: Config,
    text: TextSide,
    backend: Backend,
    /// Why the GPU is not used, when `Auto` ended on the CPU (or the device was lost).
    fallback_reason: Option<String>,
    adapter: Option<String>,
    /// Ids whose keys/values are in the backend's cache, in order.
    cached: Vec<u32>,
    /// Positions `prompt_features` pools: the last prompt begun or ids scored.
    prompt_len: usize,
    session: Option<Session>,
}

impl Engine {
    /// Builds the engine from a model's parts on the backend `opts` asks for. With
    /// [`crate::BackendChoice::Auto`] any GPU failure (no adapter, limits, out of memory) falls
    /// back to the CPU and is kept as [`Engine::fallback_reason`].
    pub async fn load(mut parts: ModelParts, opts: &EngineOptions) -> Result<Self> {
        parts.config.validate()?;
        let loaded = Backend::load(&mut parts.weights, &parts.config, opts).await?;
        Ok(Self {
            config: parts.config,
            text: parts.text,
            backend: loaded.backend,
            fallback_reason: loaded.fallback_reason,
            adapter: loaded.adapter,
            cached: Vec::new(),
            prompt_len: 0,
            session: None,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Tokenizer, chat template, eos ids.
    pub fn text(&self) -> &TextSide {
        &self.text
    }

    pub fn backend(&self) -> BackendKind {
        self.backend.kind()
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
        self.backend.max_context(&self.config)
    }

    /// Ids whose keys/values the engine holds (reused by the next call that extends them).
    pub fn cached_ids(&self) -> &[u32] {
        &self.cached
    }

    /// Weight bytes on the GPU (0 on the CPU).
    pub fn gpu_weight_bytes(&self) -> usize {
        self.backend.gpu_weight_bytes()
    }

    /// Times each dispatch of one step of `tokens` tokens at the current context on the GPU
    /// (`None` on the CPU): 1 is a decode step, more a prefill step (of at most one prefill
    /// chunk); `one_pass`: the step's passes as a run records them, each timed as a whole.
    /// Leaves the cache as it was: what `tandem bench --profile` prints.
    pub async fn gpu_profile_step(
        &mut self,
        tokens: usize,
        one_pass: bool,
    ) -> Result<Option<Vec<KernelTime>>> {
        let id = self.cached.last().copied().unwrap_or(0);
        let r = self
            .backend
            .gpu_profile(&vec![id; tokens.max(1)], one_pass)
            .await;
        // The profiled step replaced the pick left on the device: the next step feeds its
        // token from the host.
        if let Some(s) = self.session.as_mut() {
            s.pick_on_device = false;
        }
        r
    }

    fn check_ids(&self, ids: &[u32]) -> Result<()> {
        if ids.is_empty() {
            return Err(tandem_core::Error::EmptyInput.into());
        }
        let vocab = self.config.vocab_size;
        if let Some(&id) = ids.iter().find(|&&id| id as usize >= vocab) {
            return Err(tandem_core::Error::TokenOutOfVocab { id, vocab }.into());
        }
        let max = self.max_context();
        if ids.len() > max {
            return Err(tandem_core::Error::ContextOverflow {
                needed: ids.len(),
                max,
            }
            .into());
        }
        Ok(())
    }

    fn idle(&self) -> Result<()> {
        match &self.session {
            Some(_) => Err(Error::Busy("a generation is in progress: end() it first")),
            None => Ok(()),
        }
    }

    /// Cached ids that `ids` starts with.
    fn common_prefix(&self, ids: &[u32]) -> usize {
        self.cached
            .iter()
            .zip(ids)
            .take_while(|(a, b)| a == b)
            .count()
    }

    /// Starts a generation after `prompt` (`params.stop_token_ids` is the whole stop set: see
    /// [`TextSide::stop_ids`]), reporting `top_k` alternatives per token. A generation still
    /// running is dropped. Returns the prompt tokens reused from the cache.
    pub fn begin(&mut self, prompt: &[u32], params: GenerateParams, top_k: usize) -> Result<usize> {
        self.session = None;
        self.check_ids(prompt)?;
        if top_k > MAX_TOP_K {
            return Err(tandem_core::Error::invalid_request(
                "top_logprobs",
                format!("at most {MAX_TOP_K} alternatives per token"),
            )
            .into());
        }
        let max = self.max_context();
        if prompt.len() >= max {
            return Err(tandem_core::Error::ContextOverflow {
                needed: prompt.len() + 1,
                max,
            }
            .into());
        }
        let gen = Generator::new(self.text.maybe_tokenizer().cloned(), prompt, params, max)?;
        // Keep the cached prefix of this prompt; at least its last token is fed again, as its
        // logits give the first token.
        let keep = self.common_prefix(prompt).min(prompt.len() - 1);
        self.truncate(keep);
        self.prompt_len = prompt.len();
        self.session = Some(Session {
            gen,
            prompt_tokens: prompt.len(),
            cached_tokens: keep,
            top_k,
            pick_on_device: false,
            finish: None,
        });
        Ok(keep)
    }

    fn truncate(&mut self, n: usize) {
        self.cached.truncate(n);
        // Always: after a failed forward the backend may hold more than `cached` says.
        self.backend.truncate(n.min(self.cached.len()));
        // Features pool positions still cached, never ones a later call replaced.
        self.prompt_len = self.prompt_len.min(n);
    }

    /// Generates the next token. After the last one (`finish` set) call [`Engine::end`].
    /// An error for which [`Error::is_fatal_for_device`] leaves the engine
    /// [`BackendKind::Lost`] with the generation intact: call [`Engine::use_cpu`] and step
    /// again.
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
            return Err(tandem_core::Error::InvalidParams(
                "engine cache ahead of the context".into(),
            )
            .into());
        }
        // The GPU picks greedy tokens on the device unless alternatives must be listed (they
        // need the logits row).
        let on_device =
            matches!(self.backend, Backend::Gpu(_)) && s.gen.is_greedy() && s.top_k == 0;
        let picked = if on_device {
            self.backend
                .greedy(&new, s.pick_on_device)
                .await
                .map(|p| (p.id, p.logprob, p.entropy, Vec::new()))
        } else {
            match self.backend.logits(&new, Logits::Last).await {
                Ok(l) => {
                    let (id, lp, ent) = s.gen.sample(&l);
                    Ok((id, lp, ent, top_logprobs(&l, s.top_k)))
                }
                Err(e) => Err(e),
            }
        };
        let (id, logprob, entropy, top) = match picked {
            Ok(p) => p,
            Err(e) => {
                // The last pick is in the generator's context: the next step feeds it from the
                // host whatever the device still holds.
                s.pick_on_device = false;
                if e.is_fatal_for_device() {
                    self.backend = Backend::Lost;
                    self.cached.clear();
                } else {
                    let n = self.cached.len();
                    self.backend.truncate(n);
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
            top,
            finish,
        })
    }

    /// Ends the generation (`reason` when the caller stops it early, e.g. cancelled) and
    /// returns it. The cache keeps the prompt and the tokens fed so far.
    pub fn end(&mut self, reason: Option<FinishReason>) -> Result<Ended> {
        let s = self.session.take().ok_or_else(no_session)?;
        let reason = s.finish.or(reason).unwrap_or(FinishReason::Cancelled);
        Ok(Ended {
            generation: s.gen.finish(reason),
            prompt_tokens: s.prompt_tokens,
            cached_tokens: s.cached_tokens,
        })
    }

    /// Keeps the first `n` cached positions and drops the rest (a rejected draft), without
    /// recomputing anything.
    pub fn rewind(&mut self, n: usize) -> Result<()> {
        self.idle()?;
        if n > self.cached.len() {
            return Err(tandem_core::Error::invalid_request(
                "n",
                format!(
                    "cannot rewind to {n} tokens: the engine holds {}",
                    self.cached.len()
                ),
            )
            .into());
        }
        self.truncate(n);
        Ok(())
    }

    /// The logits of every position from `from - 1` on, with `ids` (a whole sequence from
    /// position 0) in the cache afterwards; the cached prefix is reused. Returns the rows
    /// (row-major, `ids.len() - from + 1` of them) and the ids reused.
    async fn rows(&mut self, ids: &[u32], from: usize) -> Result<(Vec<f32>, usize)> {
        self.idle()?;
        self.check_ids(ids)?;
        if from == 0 || from > ids.len() {
            return Err(tandem_core::Error::invalid_request(
                "from",
                format!(
                    "from must be in 1..={} (position 0 has no prediction)",
                    ids.len()
                ),
            )
            .into());
        }
        let feed = self.common_prefix(ids).min(from - 1);
        self.truncate(feed);
        // Rows are read back only from position `from - 1` on: what comes before it (not
        // cached) is fed for its keys and values alone.
        let computed = async {
            if feed < from - 1 {
                self.backend
                    .logits(&ids[feed..from - 1], Logits::Last)
                    .await?;
            }
            self.backend.logits(&ids[from - 1..], Logits::All).await
        }
        .await;
        match computed {
            Ok(rows) => {
                self.cached.extend_from_slice(&ids[feed..]);
                Ok((rows, feed))
            }
            Err(e) => {
                if e.is_fatal_for_device() {
                    self.backend = Backend::Lost;
                }
                // What the backend holds after a failure is not known: start afresh.
                self.truncate(0);
                Err(e)
            }
        }
    }

    /// Scores `ids` (a whole sequence from position 0; the cached prefix is reused) in one
    /// forward pass: for each position from `from` (≥ 1) on, the logprob of its id given the
    /// ids before it, the entropy, and the `top_k` most likely tokens; and the distribution
    /// after the last id. The cache then holds all of `ids`.
    pub async fn score(&mut self, ids: &[u32], from: usize, top_k: usize) -> Result<Score> {
        if top_k > MAX_TOP_K {
            return Err(tandem_core::Error::invalid_request(
                "top_k",
                format!("at most {MAX_TOP_K} alternatives per position"),
            )
            .into());
        }
        let (rows, cached_tokens) = self.rows(ids, from).await?;
        self.prompt_len = ids.len();
        let vocab = self.config.vocab_size;
        let mut rows = rows.chunks_exact(vocab);
        let mut tokens = Vec::with_capacity(ids.len() - from);
        for &id in &ids[from..] {
            let row = rows.next().unwrap_or_default();
            let (logprob, entropy) = logprob_and_entropy(row, id);
            tokens.push(TokenScore {
                id,
                logprob,
                entropy,
                top: top_logprobs(row, top_k),
            });
        }
        let last = rows.next().unwrap_or_default();
        Ok(Score {
            tokens,
            next_entropy: logprob_and_entropy(last, 0).1,
            next_top: top_logprobs(last, top_k),
            cached_tokens,
        })
    }

    /// Judges `draft`, proposed after `prompt`, from one forward pass over both (see
    /// [`tandem_core::verify`]); the cache keeps the prompt and the accepted prefix.
    pub async fn verify(
        &mut self,
        prompt: &[u32],
        draft: &[u32],
        params: &VerifyParams,
    ) -> Result<Verdict> {
        self.verify_drafted(prompt, draft, params, None).await
    }

    /// [`Engine::verify`] with the drafter's sampling distributions (one per draft token), for
    /// lossless speculative sampling; `None`: a deterministic drafter.
    pub async fn verify_drafted(
        &mut self,
        prompt: &[u32],
        draft: &[u32],
        params: &VerifyParams,
        dists: Option<&[DraftDist]>,
    ) -> Result<Verdict> {
        self.verify_top(prompt, draft, params, dists, 0).await
    }

    /// [`Engine::verify_drafted`] that also lists, from the same pass, this model's `top_k`
    /// most likely tokens before each draft token and after the whole draft (`Verdict::top`,
    /// draft + 1 rows): what logit fusion combines with the drafter's own distribution.
    pub async fn verify_top(
        &mut self,
        prompt: &[u32],
        draft: &[u32],
        params: &VerifyParams,
        dists: Option<&[DraftDist]>,
        top_k: usize,
    ) -> Result<Verdict> {
        check_params(params)?;
        if top_k > MAX_TOP_K {
            return Err(tandem_core::Error::invalid_request(
                "top_logprobs",
                format!("at most {MAX_TOP_K} alternatives per position"),
            )
            .into());
        }
        if let Some(q) = dists {
            tandem_core::verify::check_dists(q, draft, self.config.vocab_size)?;
        }
        if prompt.is_empty() {
            return Err(tandem_core::Error::EmptyInput.into());
        }
        if draft.is_empty() {
            return Err(tandem_core::Error::InvalidParams("the draft is empty".into()).into());
        }
        let all: Vec<u32> = prompt.iter().chain(draft).copied().collect();
        let (rows, reused) = self.rows(&all, prompt.len()).await?;
        let rows: Vec<&[f32]> = rows.chunks_exact(self.config.vocab_size).collect();
        let mut verdict = judge(&rows, draft, params, dists)?;
        verdict.reused = reused;
        if top_k > 0 {
            verdict.top = rows.iter().map(|r| top_logprobs(r, top_k)).collect();
        }
        self.truncate(prompt.len() + verdict.accepted);
        self.prompt_len = prompt.len();
        Ok(verdict)
    }

    /// The logits of every position of `ids` (a whole sequence from position 0), row-major,
    /// all computed in one pass (from 1 the reused prefix is empty: position 0's row is needed).
    pub async fn logits(&mut self, ids: &[u32]) -> Result<Vec<f32>> {
        Ok(self.rows(ids, 1).await?.0)
    }

    /// The prompt's final-norm hidden states pooled (mean over its positions, and the last
    /// one): the prompt of the current or last [`Engine::begin`] once its first token is out,
    /// the ids of the last [`Engine::score`], or the prompt of the last [`Engine::verify`].
    /// Read from what those passes stored — no forward pass.
    pub async fn prompt_features(&mut self) -> Result<PromptFeatures> {
        let n = self.prompt_len;
        if n == 0 || n > self.cached.len() {
            return Err(tandem_core::Error::InvalidParams(
                "no prompt has run yet: step() once after begin(), or score() the prompt".into(),
            )
            .into());
        }
        let rows = match self.backend.hidden(0, n).await {
            Ok(r) => r,
            Err(e) => {
                if e.is_fatal_for_device() {
                    self.backend = Backend::Lost;
                    self.cached.clear();
                }
                return Err(e);
            }
        };
        let h = self.config.hidden_size;
        let mut mean = vec![0f64; h];
        for row in rows.chunks_exact(h) {
            for (m, &x) in mean.iter_mut().zip(row) {
                *m += x as f64;
            }
        }
        let last = rows.chunks_exact(h).last().unwrap_or_default().to_vec();
        Ok(PromptFeatures {
            mean: mean.into_iter().map(|m| (m / n as f64) as f32).collect(),
            last,
            tokens: n,
        })
    }

    /// Moves the engine to the CPU, built from `weights` (the same model's). A generation in
    /// progress continues from its ids on the next [`Engine::step`].
    pub fn use_cpu(&mut self, weights: &mut Weights) -> Result<()> {
        self.backend = Backend::cpu(weights, &self.config)?;
        // The CPU feeds the context again at the next step; until then `prompt_features` says
        // the prompt has not run.
        self.cached.clear();
        if let Some(s) = self.session.as_mut() {
            s.pick_on_device = false;
        }
        if self.fallback_reason.is_none() {
            self.fallback_reason = Some("the GPU device was lost".into());
        }
        Ok(())
    }

    /// Destroys the GPU device, as a driver reset would (for tests of the CPU fallback).
    pub fn lose_device(&self) {
        self.backend.lose_device();
    }

    /// True once the device is lost (until [`Engine::use_cpu`]).
    pub fn is_lost(&self) -> bool {
        matches!(self.backend, Backend::Lost)
    }
}

fn no_session() -> Error {
    tandem_core::Error::InvalidParams("no generation in progress: call begin() first".into()).into()
}
