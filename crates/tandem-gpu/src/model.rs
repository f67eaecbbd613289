//! The Llama/Qwen2 forward pass on the GPU, in the shape of tandem-core's `llama.rs`: weights
//! uploaded once, every bind group made at load, a GPU-resident KV cache, one command-buffer
//! submit per step (per decoded token), and the greedy pick made on the device.
use std::sync::Arc;

use tandem_core::{Config, Weights};

use crate::context::Gpu;
use crate::error::{GpuError, Result};
use crate::matrix::{Format, Matrix};
use crate::ops::*;
use crate::pipelines::{self as k, Defines};

#[derive(Debug, Clone)]
pub struct ModelOptions {
    /// KV cache capacity in tokens (capped by the model's max_position_embeddings and by the
    /// adapter's largest binding).
    pub max_context: usize,
    /// Tokens per prefill submit.
    pub prefill_chunk: usize,
    /// Shader variants; `None` = what the device offers.
    pub defines: Option<Defines>,
}

impl Default for ModelOptions {
    fn default() -> Self {
        Self {
            max_context: 4096,
            prefill_chunk: 128,
            defines: None,
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

/// A product with a weight matrix: the decode (matvec) and prefill (matmul) forms share one
/// bind group per part.
struct LinearOp {
    parts: Vec<(wgpu::BindGroup, u32)>,
    matvec: Arc<wgpu::ComputePipeline>,
    matmul: Arc<wgpu::ComputePipeline>,
    /// 1 when the op always sees a single input row.
    single: bool,
}

impl LinearOp {
    fn record(&self, pass: &mut wgpu::ComputePass<'_>, t: u32) {
        let single = self.single || t == 1;
        for (bg, rows) in &self.parts {
            if single {
                pass.set_pipeline(&self.matvec);
                pass.set_bind_group(0, bg, &[]);
                pass.dispatch_workgroups(rows.div_ceil(8), 1, 1);
            } else {
                pass.set_pipeline(&self.matmul);
                pass.set_bind_group(0, bg, &[]);
                pass.dispatch_workgroups(rows.div_ceil(64), t.div_ceil(32), 1);
            }
        }
    }
}

enum Op {
    Kernel(Dispatch),
    Linear(LinearOp),
}

impl Op {
    fn record(&self, pass: &mut wgpu::ComputePass<'_>, t: u32) {
        match self {
            Op::Kernel(d) => d.record(pass, t),
            Op::Linear(l) => l.record(pass, t),
        }
    }
}

struct Builder<'a> {
    gpu: &'a Gpu,
    defines: Defines,
    step: &'a wgpu::Buffer,
    dummy: &'a wgpu::Buffer,
}

impl Builder<'_> {
    fn kernel(
        &self,
        kernel: &k::Kernel,
        format: Option<Format>,
        buffers: &[&wgpu::Buffer],
        grid: Grid,
    ) -> Result<Op> {
        Ok(Op::Kernel(Dispatch {
            pipeline: self.gpu.pipeline(kernel, format, self.defines)?,
            bind_group: self.gpu.bind_group(kernel, buffers),
            grid,
        }))
    }

    #[allow(clippy::too_many_arguments)]
    fn linear(
        &self,
        m: &Matrix,
        bias: Option<&wgpu::Buffer>,
        x: &wgpu::Buffer,
        out: &wgpu::Buffer,
        accumulate: bool,
        single: bool,
    ) -> Result<Op> {
        let mut parts = Vec::new();
        for part in &m.parts {
            let mut flags = 0;
            if bias.is_some() {
                flags |= FLAG_BIAS;
            }
            if accumulate {
                flags |= FLAG_ACCUMULATE;
            }
            let params = self.gpu.uniform(
                "mat-params",
                &MatParams {
                    rows: part.rows as u32,
                    cols: m.cols as u32,
                    out_stride: m.rows as u32,
                    row_offset: part.row_start as u32,
                    flags,
                    m_fixed: u32::from(single),
                    _pad: [0; 2],
                },
            );
            let bg = self.gpu.bind_group(
                &k::MATVEC,
                &[
                    &params,
                    &part.buffer,
                    x,
                    out,
                    bias.unwrap_or(self.dummy),
                    self.step,
                ],
            );
            parts.push((bg, part.rows as u32));
        }
        Ok(Op::Linear(LinearOp {
            parts,
            matvec: self
                .gpu
                .pipeline(&k::MATVEC, Some(m.format), self.defines)?,
            matmul: self
                .gpu
                .pipeline(&k::MATMUL, Some(m.format), self.defines)?,
            single,
        }))
    }
}

struct Linear {
    m: Matrix,
    bias: Option<wgpu::Buffer>,
}

struct Layer {
    input_norm: wgpu::Buffer,
    q: Linear,
    k: Linear,
    v: Linear,
    o: Linear,
    post_norm: wgpu::Buffer,
    gate: Linear,
    up: Linear,
    down: Linear,
}

pub struct GpuModel {
    gpu: Arc<Gpu>,
    cfg: Config,
    max_ctx: usize,
    chunk: usize,
    step: wgpu::Buffer,
    ids: wgpu::Buffer,
    logits: wgpu::Buffer,
    result: wgpu::Buffer,
    staging_pick: wgpu::Buffer,
    staging_row: wgpu::Buffer,
    body: Vec<Op>,
    head_last: Vec<Op>,
    head_all: Vec<Op>,
    argmax: Dispatch,
    pos: usize,
    weight_bytes: usize,
}

fn f32_bytes(v: &[f32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
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
        let built = Self::build(gpu.clone(), weights, cfg, opts);
        let oom = scope.pop().await;
        let model = built?;
        if let Some(e) = oom {
            return Err(GpuError::OutOfMemory(e.to_string()));
        }
        gpu.finish().await?;
        Ok(model)
    }

    fn build(gpu: Arc<Gpu>, w: &mut Weights, cfg: &Config, opts: &ModelOptions) -> Result<Self> {
        let g = &*gpu;
        let defines = opts.defines.unwrap_or(g.defines());
        let (h, inter, hd) = (cfg.hidden_size, cfg.intermediate_size, cfg.head_dim);
        let (nh, nkv, vocab) = (
            cfg.num_attention_heads,
            cfg.num_key_value_heads,
            cfg.vocab_size,
        );
        if hd > 256 || hd % 2 != 0 || !h.is_multiple_of(32) {
            return Err(tandem_core::Error::Unsupported {
                what: format!(
                    "GPU engine: head_dim {hd} (needs an even value ≤ 256) with hidden size {h} (multiple of 32)"
                ),
            }
            .into());
        }
        let (qd, kvd) = (nh * hd, nkv * hd);
        let max_binding = g.max_binding() as usize;
        let max_ctx = opts
            .max_context
            .min(cfg.max_position_embeddings)
            .min(max_binding / (kvd * 4))
            .max(1);
        let chunk = opts
            .prefill_chunk
            .clamp(1, 4096)
            .min((max_binding / (vocab * 4)).max(1))
            .min(max_binding / (inter.max(qd) * 4))
            .max(1);

        let mut weight_bytes = 0;
        let mut mat = |w: &mut Weights, name: &str, rows: usize, cols: usize| -> Result<Matrix> {
            let raw = w.raw(name, &[rows, cols], cfg)?;
            let m = Matrix::upload(g, name, &raw)?;
            weight_bytes += m.bytes();
            Ok(m)
        };
        let vector = |w: &mut Weights, name: &str, len: usize| -> Result<wgpu::Buffer> {
            let t = w.vector(name, len, cfg)?;
            let v: Vec<f32> = t
                .to_vec1()
                .map_err(|e| GpuError::Core(tandem_core::Error::Candle(e)))?;
            g.storage_init(name, &f32_bytes(&v))
        };
        let embed = mat(w, "model.embed_tokens.weight", vocab, h)?;
        let mut layers = Vec::with_capacity(cfg.num_hidden_layers);
        for l in 0..cfg.num_hidden_layers {
            let p = format!("model.layers.{l}");
            let mut lin = |w: &mut Weights, name: &str, rows, cols, bias: bool| -> Result<Linear> {
                let m = mat(w, &format!("{p}.{name}.weight"), rows, cols)?;
                let bias = if bias {
                    Some(vector(w, &format!("{p}.{name}.bias"), rows)?)
                } else {
                    None
                };
                Ok(Linear { m, bias })
            };
            let q = lin(w, "self_attn.q_proj", qd, h, cfg.qkv_bias)?;
            let k = lin(w, "self_attn.k_proj", kvd, h, cfg.qkv_bias)?;
            let v = lin(w, "self_attn.v_proj", kvd, h, cfg.qkv_bias)?;
            let o = lin(w, "self_attn.o_proj", h, qd, cfg.o_bias)?;
            let gate = lin(w, "mlp.gate_proj", inter, h, cfg.mlp_bias)?;
            let up = lin(w, "mlp.up_proj", inter, h, cfg.mlp_bias)?;
            let down = lin(w, "mlp.down_proj", h, inter, cfg.mlp_bias)?;
            layers.push(Layer {
                input_norm: vector(w, &format!("{p}.input_layernorm.weight"), h)?,
                q,
                k,
                v,
                o,
                post_norm: vector(w, &format!("{p}.post_attention_layernorm.weight"), h)?,
                gate,
                up,
                down,
            });
        }
        let final_norm = vector(w, "model.norm.weight", h)?;
        let lm_head = if cfg.tie_word_embeddings {
            None
        } else {
            Some(mat(w, "lm_head.weight", vocab, h)?)
        };

        // Activations, sized for one prefill chunk.
        let f = 4u64;
        let c = chunk as u64;
        let step = g.uniform("step", &Step::default());
        let dummy = g.storage("dummy", 16)?;
        let ids = g.storage("ids", c * 4)?;
        let x = g.storage("x", c * h as u64 * f)?;
        let xn = g.storage("xn", c * h as u64 * f)?;
        let qb = g.storage("q", c * qd as u64 * f)?;
        let kb = g.storage("k", c * kvd as u64 * f)?;
        let vb = g.storage("v", c * kvd as u64 * f)?;
        let att = g.storage("att", c * qd as u64 * f)?;
        let gb = g.storage("gate", c * inter as u64 * f)?;
        let ub = g.storage("up", c * inter as u64 * f)?;
        let logits = g.storage("logits", c * vocab as u64 * f)?;
        let result = g.storage("result", 16)?;
        let half = hd / 2;
        let inv = cfg.rope_inv_freq();
        let mut table = Vec::with_capacity(max_ctx * half * 2);
        for p in 0..max_ctx {
            for &fr in &inv {
                let a = p as f32 * fr;
                table.push(a.cos());
                table.push(a.sin());
            }
        }
        let table = g.storage_init("rope-table", &f32_bytes(&table))?;

        let b = Builder {
            gpu: g,
            defines,
            step: &step,
            dummy: &dummy,
        };
        let mut body = Vec::new();
        for part in &embed.parts {
            let params = g.uniform(
                "embed-params",
                &EmbedParams {
                    cols: h as u32,
                    row_start: part.row_start as u32,
                    rows: part.rows as u32,
                    _pad: 0,
                },
            );
            body.push(b.kernel(
                &k::EMBED,
                Some(embed.format),
                &[&params, &part.buffer, &ids, &x, &step],
                Grid::PerToken((h / 8).div_ceil(64) as u32),
            )?);
        }
        let norm_params = |last_only: bool| {
            g.uniform(
                "norm-params",
                &NormParams {
                    dim: h as u32,
                    eps: cfg.rms_norm_eps as f32,
                    last_only: u32::from(last_only),
                    _pad: 0,
                },
            )
        };
        let norm_all = norm_params(false);
        let rope_params = g.uniform(
            "rope-params",
            &RopeParams {
                n_heads: nh as u32,
                n_kv: nkv as u32,
                head_dim: hd as u32,
                _pad: 0,
            },
        );
        let attn_params = g.uniform(
            "attn-params",
            &AttnParams {
                n_heads: nh as u32,
                n_kv: nkv as u32,
                head_dim: hd as u32,
                scale: 1.0 / (hd as f32).sqrt(),
            },
        );
        let silu_params = g.uniform(
            "silu-params",
            &DimParams {
                dim: inter as u32,
                _pad: [0; 3],
            },
        );
        let kv_bytes = (max_ctx * kvd * 4) as u64;
        for (i, l) in layers.iter().enumerate() {
            let k_cache = g.storage(&format!("k-cache-{i}"), kv_bytes)?;
            let v_cache = g.storage(&format!("v-cache-{i}"), kv_bytes)?;
            body.push(b.kernel(
                &k::RMSNORM,
                None,
                &[&norm_all, &x, &l.input_norm, &xn, &step],
                Grid::PerToken(1),
            )?);
            body.push(b.linear(&l.q.m, l.q.bias.as_ref(), &xn, &qb, false, false)?);
            body.push(b.linear(&l.k.m, l.k.bias.as_ref(), &xn, &kb, false, false)?);
            body.push(b.linear(&l.v.m, l.v.bias.as_ref(), &xn, &vb, false, false)?);
            body.push(b.kernel(
                &k::ROPE,
                None,
                &[
                    &rope_params,
                    &qb,
                    &kb,
                    &vb,
                    &k_cache,
                    &v_cache,
                    &table,
                    &step,
                ],
                Grid::PerToken((((nh + nkv) * half) as u32).div_ceil(64)),
            )?);
            body.push(b.kernel(
                &k::ATTENTION,
                None,
                &[&attn_params, &qb, &k_cache, &v_cache, &att, &step],
                Grid::PerToken(nh as u32),
            )?);
            body.push(b.linear(&l.o.m, l.o.bias.as_ref(), &att, &x, true, false)?);
            body.push(b.kernel(
                &k::RMSNORM,
                None,
                &[&norm_all, &x, &l.post_norm, &xn, &step],
                Grid::PerToken(1),
            )?);
            body.push(b.linear(&l.gate.m, l.gate.bias.as_ref(), &xn, &gb, false, false)?);
            body.push(b.linear(&l.up.m, l.up.bias.as_ref(), &xn, &ub, false, false)?);
            body.push(b.kernel(
                &k::SILU_MUL,
                None,
                &[&silu_params, &gb, &ub, &step],
                Grid::Elements(inter as u32),
            )?);
            body.push(b.linear(&l.down.m, l.down.bias.as_ref(), &gb, &x, true, false)?);
        }
        let head = lm_head.as_ref().unwrap_or(&embed);
        let norm_last = norm_params(true);
        let head_last = vec![
            b.kernel(
                &k::RMSNORM,
                None,
                &[&norm_last, &x, &final_norm, &xn, &step],
                Grid::Fixed(1),
            )?,
            b.linear(head, None, &xn, &logits, false, true)?,
        ];
        let head_all = vec![
            b.kernel(
                &k::RMSNORM,
                None,
                &[&norm_all, &x, &final_norm, &xn, &step],
                Grid::PerToken(1),
            )?,
            b.linear(head, None, &xn, &logits, false, false)?,
        ];
        let argmax_params = g.uniform(
            "argmax-params",
            &DimParams {
                dim: vocab as u32,
                _pad: [0; 3],
            },
        );
        let argmax = match b.kernel(
            &k::ARGMAX,
            None,
            &[&argmax_params, &logits, &result],
            Grid::Fixed(1),
        )? {
            Op::Kernel(d) => d,
            Op::Linear(_) => unreachable!("a kernel op"),
        };
        g.check()?;
        Ok(Self {
            staging_pick: g.staging("pick", 16),
            staging_row: g.staging("logits-row", vocab as u64 * 4),
            gpu,
            cfg: cfg.clone(),
            max_ctx,
            chunk,
            step,
            ids,
            logits,
            result,
            body,
            head_last,
            head_all,
            argmax,
            pos: 0,
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
        self.max_ctx
    }

    /// Tokens in the KV cache.
    pub fn cache_len(&self) -> usize {
        self.pos
    }

    /// Empties the KV cache (the next forward starts at position 0).
    pub fn clear(&mut self) {
        self.pos = 0;
    }

    /// Weight bytes read per decoded token (for the bandwidth roofline).
    pub fn weight_bytes(&self) -> usize {
        self.weight_bytes
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
        if self.pos + ids.len() > self.max_ctx {
            return Err(tandem_core::Error::ContextOverflow {
                needed: self.pos + ids.len(),
                max: self.max_ctx,
            }
            .into());
        }
        Ok(())
    }

    /// Records the body for `t` tokens at the current position (ids already in place).
    fn encode_body(&self, enc: &mut wgpu::CommandEncoder, t: u32) {
        self.gpu.queue.write_buffer(
            &self.step,
            0,
            bytemuck::bytes_of(&Step {
                n_tokens: t,
                pos0: self.pos as u32,
                _pad: [0; 2],
            }),
        );
        let mut pass = enc.begin_compute_pass(&wgpu::ComputePassDescriptor::default());
        for op in &self.body {
            op.record(&mut pass, t);
        }
    }

    fn record_all(ops: &[Op], enc: &mut wgpu::CommandEncoder, t: u32) {
        let mut pass = enc.begin_compute_pass(&wgpu::ComputePassDescriptor::default());
        for op in ops {
            op.record(&mut pass, t);
        }
    }

    /// Runs `ids` through the model, appending them to the KV cache. `All`: logits of every
    /// position (`ids.len() × vocab`, row-major); `Last`: of the last one.
    pub async fn forward(&mut self, ids: &[u32], which: tandem_core::Logits) -> Result<Vec<f32>> {
        self.check_ids(ids)?;
        self.gpu.check()?;
        let vocab = self.cfg.vocab_size;
        let mut out = Vec::new();
        let start = self.pos;
        let n_chunks = ids.len().div_ceil(self.chunk);
        for (ci, c) in ids.chunks(self.chunk).enumerate() {
            let t = c.len() as u32;
            let last = ci + 1 == n_chunks;
            self.gpu
                .queue
                .write_buffer(&self.ids, 0, bytemuck::cast_slice(c));
            let mut enc = self.gpu.device.create_command_encoder(&Default::default());
            self.encode_body(&mut enc, t);
            let read = match which {
                tandem_core::Logits::All => {
                    Self::record_all(&self.head_all, &mut enc, t);
                    let size = t as u64 * vocab as u64 * 4;
                    let staging = self.gpu.staging("logits-all", size);
                    enc.copy_buffer_to_buffer(&self.logits, 0, &staging, 0, size);
                    Some((staging, size))
                }
                tandem_core::Logits::Last if last => {
                    Self::record_all(&self.head_last, &mut enc, t);
                    let size = vocab as u64 * 4;
                    enc.copy_buffer_to_buffer(&self.logits, 0, &self.staging_row, 0, size);
                    None
                }
                tandem_core::Logits::Last => None,
            };
            self.gpu.queue.submit([enc.finish()]);
            self.pos += c.len();
            if let Some((staging, size)) = read {
                let r = self.gpu.read(&staging, size).await;
                let bytes = self.rewind_on_err(start, r)?;
                out.extend_from_slice(bytemuck::cast_slice::<u8, f32>(&bytes));
            }
        }
        if matches!(which, tandem_core::Logits::Last) {
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
        self.forward(ids, tandem_core::Logits::Last).await
    }

    /// Feeds `ids` and picks the next token on the device (greedy); the pick is also left on
    /// the device as the input of [`Self::step_greedy`].
    pub async fn prefill_greedy(&mut self, ids: &[u32]) -> Result<Pick> {
        self.check_ids(ids)?;
        self.gpu.check()?;
        let start = self.pos;
        let n_chunks = ids.len().div_ceil(self.chunk);
        for (ci, c) in ids.chunks(self.chunk).enumerate() {
            let t = c.len() as u32;
            self.gpu
                .queue
                .write_buffer(&self.ids, 0, bytemuck::cast_slice(c));
            let mut enc = self.gpu.device.create_command_encoder(&Default::default());
            self.encode_body(&mut enc, t);
            if ci + 1 == n_chunks {
                self.encode_pick(&mut enc, t);
            }
            self.gpu.queue.submit([enc.finish()]);
            self.pos += c.len();
        }
        self.read_pick(start).await
    }

    /// Feeds the token picked last (still on the device) and picks the next one: one submit,
    /// 16 bytes read back.
    pub async fn step_greedy(&mut self) -> Result<Pick> {
        if self.pos == 0 {
            return Err(tandem_core::Error::InvalidParams(
                "step_greedy needs a prefill_greedy first".into(),
            )
            .into());
        }
        if self.pos + 1 > self.max_ctx {
            return Err(tandem_core::Error::ContextOverflow {
                needed: self.pos + 1,
                max: self.max_ctx,
            }
            .into());
        }
        self.gpu.check()?;
        let start = self.pos;
        let mut enc = self.gpu.device.create_command_encoder(&Default::default());
        self.encode_body(&mut enc, 1);
        self.encode_pick(&mut enc, 1);
        self.gpu.queue.submit([enc.finish()]);
        self.pos += 1;
        self.read_pick(start).await
    }

    fn encode_pick(&self, enc: &mut wgpu::CommandEncoder, t: u32) {
        {
            let mut pass = enc.begin_compute_pass(&wgpu::ComputePassDescriptor::default());
            for op in &self.head_last {
                op.record(&mut pass, t);
            }
            self.argmax.record(&mut pass, 1);
        }
        enc.copy_buffer_to_buffer(&self.result, 0, &self.ids, 0, 4);
        enc.copy_buffer_to_buffer(&self.result, 0, &self.staging_pick, 0, 16);
    }

    async fn read_pick(&mut self, start: usize) -> Result<Pick> {
        let r = self.gpu.read(&self.staging_pick, 16).await;
        let bytes = self.rewind_on_err(start, r)?;
        let w: &[u32] = bytemuck::cast_slice(&bytes);
        Ok(Pick {
            id: w[0],
            logprob: f32::from_bits(w[1]),
            entropy: f32::from_bits(w[2]),
        })
    }
}
