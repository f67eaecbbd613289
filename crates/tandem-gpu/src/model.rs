//! The Llama/Qwen2 forward pass on the GPU, in the shape of tandem-core's `llama.rs`: weights
//! uploaded once, every bind group made at load, a GPU-resident KV cache, one command-buffer
//! submit per step (per decoded token), and the greedy pick made on the device.
//!
//! `buffers` holds what a step writes (activations, the per-position cache), `builder` makes
//! dispatches over them, `layers` are the model's parts; this file composes them and runs steps.
mod buffers;
mod builder;
mod layers;

use std::cell::Cell;
use std::sync::Arc;

use tandem_core::{Config, Logits, Weights};

use crate::context::Gpu;
use crate::error::{GpuError, Result};
use crate::ops::{Sink, Step};
use crate::pipelines::Defines;
use crate::profile::{KernelTime, Timer};

use buffers::{Activations, Cache, Dims};
use builder::Builder;
use layers::{Block, Embedding, Head};

#[derive(Debug, Clone)]
pub struct ModelOptions {
    /// KV cache capacity in tokens (capped by the model's max_position_embeddings and by the
    /// adapter's largest binding).
    pub max_context: usize,
    /// Tokens per prefill submit.
    pub prefill_chunk: usize,
    /// Shader variants; `None` = what the device offers.
    pub defines: Option<Defines>,
    /// Keys and values cached as f16: half the bytes attention reads per key (190 MB per token
    /// at 4096 × SmolLM2-135M in f32), logits within ~1e-2 of an f32 cache; stored as f16 where
    /// the adapter has `shader-f16`, else packed two to a u32. `None` = f16 except on CPU
    /// adapters: there the cache bytes matter little (+5 % decode at 1024 keys on lavapipe)
    /// and f32 keeps the logits as exact as the CPU reference.
    pub kv_f16: Option<bool>,
    /// [`GpuModel::step_greedy`] queues the next step before it reads its pick back. `None` =
    /// except on CPU adapters, where a step takes ~0.5 s (SwiftShader): the one queued when a
    /// generation ends would hold up the next request that long, and the host's share of a
    /// step, which queuing hides, is nil there.
    pub greedy_ahead: Option<bool>,
}

impl Default for ModelOptions {
    fn default() -> Self {
        Self {
            max_context: 4096,
            prefill_chunk: 128,
            defines: None,
            kv_f16: None,
            greedy_ahead: None,
        }
    }
}

/// The on-device greedy pick for one position: token id, its log-probability and the entropy
/// of the model's distribution (nats).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pick {
    pub id: u32,
    pub logprob: f32,
    pub entropy: f32,
}

pub struct GpuModel {
    gpu: Arc<Gpu>,
    cfg: Config,
    dims: Dims,
    act: Activations,
    cache: Cache,
    embed: Embedding,
    blocks: Vec<Block>,
    head: Head,
    /// Where the picks are read back: a step whose last position is `q` copies its pick into
    /// `staging_pick[q % 2]`, so a step queued ahead never writes the buffer being read.
    staging_pick: [wgpu::Buffer; 2],
    staging_row: wgpu::Buffer,
    /// Tokens in the cache (the position of the next one).
    pos: usize,
    /// The cache length at which the last greedy pick was left on the device (in `ids`), while
    /// it is still there and still the next token: what [`GpuModel::step_greedy`] feeds.
    pick_at: Option<usize>,
    /// A greedy step already submitted that feeds the pick at this position, and its
    /// submission (see [`GpuModel::step_greedy`]); anything else done to the model drops it.
    ahead: Option<(usize, wgpu::SubmissionIndex)>,
    /// Whether `step_greedy` queues steps ahead ([`ModelOptions::greedy_ahead`]).
    greedy_ahead: bool,
    weight_bytes: usize,
}

impl GpuModel {
    /// Uploads the model in `weights` (HF names) to `gpu` and prepares every dispatch.
    pub async fn load(
        gpu: Arc<Gpu>,
        weights: &mut Weights,
        cfg: &Config,
        opts: &ModelOptions,
    ) -> Result<Self> {
        cfg.validate()?;
        gpu.check()?;
        let scope = gpu.device.push_error_scope(wgpu::ErrorFilter::OutOfMemory);
        let built = Self::load_parts(gpu.clone(), weights, cfg, opts);
        let oom = scope.pop().await;
        let model = built?;
        if let Some(e) = oom {
            return Err(GpuError::OutOfMemory(e.to_string()));
        }
        gpu.finish().await?;
        Ok(model)
    }

    /// Buffers first (the dispatches bind them), then the parts in the order of the forward.
    fn load_parts(
        gpu: Arc<Gpu>,
        w: &mut Weights,
        cfg: &Config,
        opts: &ModelOptions,
    ) -> Result<Self> {
        let g = &*gpu;
        let mut defines = opts.defines.unwrap_or(g.defines());
        defines.kv_f16 = opts.kv_f16.unwrap_or(!defines.rowwise);
        let dims = Dims::new(
            cfg,
            opts.max_context,
            opts.prefill_chunk,
            g.max_binding() as usize,
            if defines.kv_f16 { 2 } else { 4 },
        )?;
        let act = Activations::new(g, &dims)?;
        let cache = Cache::new(g, cfg, &dims)?;
        let b = Builder {
            gpu: g,
            cfg,
            defines,
            act: &act,
            weight_bytes: Cell::new(0),
        };
        let embed = Embedding::load(&b, w, &dims)?;
        let blocks = (0..cfg.num_hidden_layers)
            .map(|i| Block::load(&b, w, i, &dims, &cache))
            .collect::<Result<Vec<_>>>()?;
        let head = Head::load(&b, w, &dims, &embed)?;
        let weight_bytes = b.weight_bytes.get();
        g.check()?;
        let greedy_ahead = opts.greedy_ahead.unwrap_or(!g.is_cpu_adapter());
        Ok(Self {
            staging_pick: [g.staging("pick-even", 16), g.staging("pick-odd", 16)],
            staging_row: g.staging("logits-row", dims.vocab as u64 * 4),
            gpu,
            cfg: cfg.clone(),
            dims,
            act,
            cache,
            embed,
            blocks,
            head,
            pos: 0,
            pick_at: None,
            ahead: None,
            greedy_ahead,
            weight_bytes,
        })
    }

    pub fn config(&self) -> &Config {
        &self.cfg
    }

    pub fn gpu(&self) -> &Arc<Gpu> {
        &self.gpu
    }

    /// Tokens the KV cache can hold.
    pub fn max_context(&self) -> usize {
        self.dims.max_ctx
    }

    /// Tokens in the KV cache.
    pub fn cache_len(&self) -> usize {
        self.pos
    }

    /// Empties the KV cache (the next forward starts at position 0).
    pub fn clear(&mut self) {
        self.pos = 0;
        self.drop_pick();
    }

    /// Forgets the pick left on the device and any step queued ahead on it: the next token goes
    /// in from the host.
    fn drop_pick(&mut self) {
        self.pick_at = None;
        self.ahead = None;
    }

    /// Keeps the first `n` cached positions (no-op when `n` ≥ [`Self::cache_len`]): a rejected
    /// draft is dropped and the accepted prefix is not recomputed. Keys, values and hidden rows
    /// are stored by position, so this only moves the position back. The next token then goes in
    /// through a forward or [`Self::prefill_greedy`]; [`Self::step_greedy`] refuses, since the
    /// pick left on the device followed the dropped positions.
    pub fn truncate(&mut self, n: usize) {
        if n < self.pos {
            self.pos = n;
            self.ahead = None;
        }
    }

    /// Weight bytes read per decoded token (for the bandwidth roofline).
    pub fn weight_bytes(&self) -> usize {
        self.weight_bytes
    }

    /// The final-norm output (`rmsnorm(x) · model.norm.weight`, the lm_head's input) of cached
    /// positions `start..end`, row-major `(end - start) × hidden_size`: the rows the forward
    /// passes that filled those positions computed, kept on the device as they went (no
    /// extra pass); only the asked rows are read back.
    pub async fn hidden(&self, start: usize, end: usize) -> Result<Vec<f32>> {
        if start > end || end > self.pos {
            return Err(tandem_core::Error::InvalidParams(format!(
                "hidden rows {start}..{end} of a cache of {} positions",
                self.pos
            ))
            .into());
        }
        if start == end {
            return Ok(Vec::new());
        }
        self.gpu.check()?;
        let mut enc = self.gpu.device.create_command_encoder(&Default::default());
        let reads = self
            .cache
            .hidden
            .record_read(&self.gpu, &mut enc, start, end);
        self.gpu.queue.submit([enc.finish()]);
        let mut out = Vec::with_capacity((end - start) * self.dims.hidden);
        for (staging, size) in reads {
            let bytes = self.gpu.read(&staging, size).await?;
            out.extend_from_slice(bytemuck::cast_slice::<u8, f32>(&bytes));
        }
        Ok(out)
    }

    fn check_ids(&self, ids: &[u32]) -> Result<()> {
        if ids.is_empty() {
            return Err(tandem_core::Error::EmptyInput.into());
        }
        if let Some(&id) = ids.iter().find(|&&id| id as usize >= self.cfg.vocab_size) {
            return Err(tandem_core::Error::TokenOutOfVocab {
                id,
                vocab: self.cfg.vocab_size,
            }
            .into());
        }
        if self.pos + ids.len() > self.dims.max_ctx {
            return Err(tandem_core::Error::ContextOverflow {
                needed: self.pos + ids.len(),
                max: self.dims.max_ctx,
            }
            .into());
        }
        Ok(())
    }

    /// Records one step of `t` tokens at the current position (ids already in place): the body,
    /// the head (`logits`: which rows, if any; `pick`: the greedy pick of the last row), and the
    /// copy of every row's final-norm output into the hidden store. With a `timer`, each
    /// dispatch goes in its own timed pass (a profile); else the step is two compute passes.
    fn encode_step(
        &self,
        enc: &mut wgpu::CommandEncoder,
        t: u32,
        logits: Option<Logits>,
        pick: bool,
        timing: Timing,
    ) {
        self.gpu.queue.write_buffer(
            &self.act.step,
            0,
            bytemuck::bytes_of(&Step {
                n_tokens: t,
                pos0: self.pos as u32,
                _pad: [0; 2],
            }),
        );
        match timing {
            Timing::PerDispatch(timer) => {
                let mut sink = timer.sink(enc);
                self.record_body(&mut sink, t);
                self.record_head(&mut sink, t, logits, pick);
            }
            Timing::Off => {
                let mut pass = enc.begin_compute_pass(&wgpu::ComputePassDescriptor::default());
                self.record_body(&mut pass, t);
                drop(pass);
                let mut pass = enc.begin_compute_pass(&wgpu::ComputePassDescriptor::default());
                self.record_head(&mut pass, t, logits, pick);
            }
            Timing::Passes(timer) => {
                let mut pass = timer.timed_pass(enc, "step: layers (one pass)");
                self.record_body(&mut pass, t);
                drop(pass);
                let mut pass = timer.timed_pass(enc, "step: head (one pass)");
                self.record_head(&mut pass, t, logits, pick);
            }
        }
        if pick {
            enc.copy_buffer_to_buffer(&self.act.result, 0, &self.act.ids, 0, 4);
            let staging = &self.staging_pick[(self.pos + t as usize - 1) % 2];
            enc.copy_buffer_to_buffer(&self.act.result, 0, staging, 0, 16);
        }
        self.cache
            .hidden
            .record_write(enc, &self.act.xn, self.pos, t as usize);
    }

    fn record_body(&self, pass: &mut dyn Sink, t: u32) {
        self.embed.record(pass, t);
        for b in &self.blocks {
            b.record(pass, t, self.pos as u32);
        }
    }

    fn record_head(&self, pass: &mut dyn Sink, t: u32, logits: Option<Logits>, pick: bool) {
        let h = &self.head;
        match logits {
            Some(Logits::All) => {
                h.norm_all.record(pass, t);
                h.logits_all.record(pass, t);
            }
            Some(Logits::Last) => {
                h.norm_last.record(pass, t);
                h.logits_last.record(pass, t);
                if pick {
                    h.argmax.record(pass);
                }
            }
            None => {}
        }
        // `xn` already holds every row's final norm after the all-rows head, or after the
        // last-row head of a one-token step (the decode hot path): no extra dispatch there.
        let normed =
            matches!(logits, Some(Logits::All)) || (matches!(logits, Some(Logits::Last)) && t == 1);
        if !normed {
            h.norm_all.record(pass, t);
        }
    }

    /// Times each dispatch of one step feeding `ids` at the current position, then leaves the
    /// cache as it was: one id is a decode step (picking the next token on the device, as
    /// [`Self::step_greedy`] does), more a prefill step (of the first chunk of them; the last
    /// row's logits). `one_pass`: instead, the step recorded as a run records it (its layers in
    /// one compute pass, the head in another), each pass timed as a whole: the GPU time of the
    /// step without the per-dispatch passes' own cost, two entries. Needs an adapter with
    /// timestamp queries.
    pub async fn profile_step(&mut self, ids: &[u32], one_pass: bool) -> Result<Vec<KernelTime>> {
        let ids = &ids[..ids.len().min(self.dims.chunk)];
        self.check_ids(ids)?;
        self.gpu.check()?;
        let mut timer = Timer::new(&self.gpu)?;
        self.drop_pick();
        self.gpu
            .queue
            .write_buffer(&self.act.ids, 0, bytemuck::cast_slice(ids));
        let mut enc = self.gpu.device.create_command_encoder(&Default::default());
        let (t, decode) = (ids.len() as u32, ids.len() == 1);
        let timing = match one_pass {
            true => Timing::Passes(&mut timer),
            false => Timing::PerDispatch(&mut timer),
        };
        self.encode_step(&mut enc, t, Some(Logits::Last), decode, timing);
        timer.resolve(&mut enc);
        self.gpu.queue.submit([enc.finish()]);
        // The step wrote from position `pos`; the cache keeps its length, so those rows are
        // dropped.
        timer.read(&self.gpu).await
    }

    /// Runs `ids` through the model, appending them to the KV cache. `All`: logits of every
    /// position (`ids.len() × vocab`, row-major); `Last`: of the last one.
    pub async fn forward(&mut self, ids: &[u32], which: Logits) -> Result<Vec<f32>> {
        self.check_ids(ids)?;
        self.gpu.check()?;
        // The ids written below replace the pick left on the device.
        self.drop_pick();
        let vocab = self.cfg.vocab_size;
        let mut out = Vec::new();
        let start = self.pos;
        let n_chunks = ids.len().div_ceil(self.dims.chunk);
        for (ci, c) in ids.chunks(self.dims.chunk).enumerate() {
            let t = c.len() as u32;
            let last = ci + 1 == n_chunks;
            self.gpu
                .queue
                .write_buffer(&self.act.ids, 0, bytemuck::cast_slice(c));
            let mut enc = self.gpu.device.create_command_encoder(&Default::default());
            let logits = match which {
                Logits::All => Some(Logits::All),
                Logits::Last if last => Some(Logits::Last),
                Logits::Last => None,
            };
            self.encode_step(&mut enc, t, logits, false, Timing::Off);
            let read = match logits {
                Some(Logits::All) => {
                    let size = t as u64 * vocab as u64 * 4;
                    let staging = self.gpu.staging("logits-all", size);
                    enc.copy_buffer_to_buffer(&self.act.logits, 0, &staging, 0, size);
                    Some((staging, size))
                }
                Some(Logits::Last) => {
                    let size = vocab as u64 * 4;
                    enc.copy_buffer_to_buffer(&self.act.logits, 0, &self.staging_row, 0, size);
                    None
                }
                None => None,
            };
            self.gpu.queue.submit([enc.finish()]);
            self.pos += c.len();
            if let Some((staging, size)) = read {
                let r = self.gpu.read(&staging, size).await;
                let bytes = self.rewind_on_err(start, r)?;
                out.extend_from_slice(bytemuck::cast_slice::<u8, f32>(&bytes));
            }
        }
        if matches!(which, Logits::Last) {
            let size = vocab as u64 * 4;
            let r = self.gpu.read(&self.staging_row, size).await;
            let bytes = self.rewind_on_err(start, r)?;
            out = bytemuck::cast_slice::<u8, f32>(&bytes).to_vec();
        }
        Ok(out)
    }

    /// A failed step leaves the cache length where it was before the call.
    fn rewind_on_err<T>(&mut self, start: usize, r: Result<T>) -> Result<T> {
        if r.is_err() {
            self.pos = start;
        }
        r
    }

    /// Logits after feeding `ids` (the next-token distribution).
    pub async fn next_logits(&mut self, ids: &[u32]) -> Result<Vec<f32>> {
        self.forward(ids, Logits::Last).await
    }

    /// Feeds `ids` and picks the next token on the device (greedy); the pick is also left on
    /// the device as the input of [`Self::step_greedy`].
    pub async fn prefill_greedy(&mut self, ids: &[u32]) -> Result<Pick> {
        self.check_ids(ids)?;
        self.gpu.check()?;
        self.drop_pick();
        let start = self.pos;
        let n_chunks = ids.len().div_ceil(self.dims.chunk);
        for (ci, c) in ids.chunks(self.dims.chunk).enumerate() {
            let t = c.len() as u32;
            self.gpu
                .queue
                .write_buffer(&self.act.ids, 0, bytemuck::cast_slice(c));
            let mut enc = self.gpu.device.create_command_encoder(&Default::default());
            let last = ci + 1 == n_chunks;
            self.encode_step(&mut enc, t, last.then_some(Logits::Last), last, Timing::Off);
            self.gpu.queue.submit([enc.finish()]);
            self.pos += c.len();
        }
        self.read_pick(start, None).await
    }

    /// Feeds the token picked last (still on the device) and picks the next one: 16 bytes read
    /// back. Needs the previous call to have been [`Self::prefill_greedy`] or `step_greedy`,
    /// with the cache unchanged since.
    /// Before it waits for this step's pick it queues the next step, which feeds that pick on
    /// the device: the GPU then runs step after step while the host encodes the next one and
    /// reads back this one (on an H200 a SmolLM2-135M step is 1.1 ms on the GPU and ~0.5 ms on
    /// the host). A step queued ahead that is not taken (the caller stops, or does anything else
    /// to the model) only wrote past the cache's length, which the next step overwrites.
    pub async fn step_greedy(&mut self) -> Result<Pick> {
        if self.pick_at != Some(self.pos) {
            return Err(tandem_core::Error::InvalidParams(
                "step_greedy needs a prefill_greedy first (and no other forward, clear or \
                 truncate since the last greedy pick)"
                    .into(),
            )
            .into());
        }
        if self.pos + 1 > self.dims.max_ctx {
            return Err(tandem_core::Error::ContextOverflow {
                needed: self.pos + 1,
                max: self.dims.max_ctx,
            }
            .into());
        }
        self.gpu.check()?;
        self.pick_at = None;
        let start = self.pos;
        let this = match self.ahead.take() {
            Some((at, submitted)) if at == start => submitted,
            _ => self.submit_greedy_step(),
        };
        self.pos += 1;
        if self.greedy_ahead && self.pos < self.dims.max_ctx {
            self.ahead = Some((self.pos, self.submit_greedy_step()));
        }
        self.read_pick(start, Some(this)).await
    }

    /// Submits one greedy step at `pos` feeding the pick on the device (`pos` unchanged).
    fn submit_greedy_step(&self) -> wgpu::SubmissionIndex {
        let mut enc = self.gpu.device.create_command_encoder(&Default::default());
        self.encode_step(&mut enc, 1, Some(Logits::Last), true, Timing::Off);
        self.gpu.queue.submit([enc.finish()])
    }

    /// The pick of the step that ended at position `pos - 1` (it started at `start`; `after`:
    /// its submission, when later ones may be queued).
    async fn read_pick(
        &mut self,
        start: usize,
        after: Option<wgpu::SubmissionIndex>,
    ) -> Result<Pick> {
        let r = self
            .gpu
            .read_after(&self.staging_pick[(self.pos - 1) % 2], 16, after)
            .await;
        if r.is_err() {
            self.ahead = None;
        }
        let bytes = self.rewind_on_err(start, r)?;
        self.pick_at = Some(self.pos);
        let w: &[u32] = bytemuck::cast_slice(&bytes);
        Ok(Pick {
            id: w[0],
            logprob: f32::from_bits(w[1]),
            entropy: f32::from_bits(w[2]),
        })
    }
}

/// How [`GpuModel::encode_step`] records a step: as a run does, or timed for a profile (each
/// dispatch in a pass of its own, or each of the run's passes as a whole).
enum Timing<'a> {
    Off,
    PerDispatch(&'a mut Timer),
    Passes(&'a mut Timer),
}
