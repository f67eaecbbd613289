//! What a forward pass writes, as opposed to the weights it reads: the sizes chosen at load
//! (from the config, the options and the adapter's limits), the activations of one prefill
//! chunk, and the per-position cache (keys/values, rope angles, final-norm rows).
use tandem_core::Config;

use crate::context::Gpu;
use crate::error::{GpuError, Result};
use crate::ops::{ArgmaxOp, AttnParams, Step};

/// Model shapes and the two sizes the engine picks: cache capacity and prefill chunk.
pub(super) struct Dims {
    pub hidden: usize,
    /// The MLP width, padded to a multiple of 32: the row stride of gate/up (their padded
    /// rows are zeros) and the columns of down_proj.
    pub inter: usize,
    pub head_dim: usize,
    pub heads: usize,
    pub kv_heads: usize,
    pub vocab: usize,
    /// heads × head_dim and kv_heads × head_dim.
    pub q_dim: usize,
    /// q_dim padded to a multiple of 32: the row stride of attention's output, o_proj's input.
    pub att_stride: usize,
    pub kv_dim: usize,
    /// q_dim + 2 kv_dim: a token's row of the stacked q/k/v product.
    pub qkv_dim: usize,
    pub max_ctx: usize,
    pub chunk: usize,
    /// Bytes per cached key or value element: 2 (f16) or 4.
    pub kv_elem: usize,
    /// Bytes of a step's attention partials (see `AttnParams`).
    pub attn_part_bytes: usize,
}

impl Dims {
    /// `max_context`, `prefill_chunk`: what was asked; both are capped so that every buffer a
    /// kernel binds (one layer's K or V cache, a chunk's logits or MLP activations) fits the
    /// adapter's largest binding.
    pub fn new(
        cfg: &Config,
        max_context: usize,
        prefill_chunk: usize,
        max_binding: usize,
        kv_elem: usize,
    ) -> Result<Self> {
        let (h, hd) = (cfg.hidden_size, cfg.head_dim);
        let inter = cfg.intermediate_size.next_multiple_of(32);
        // Other widths are padded; these two are not (every released Llama/Qwen2 shape has
        // them). checkSupport in web/packages/tandem/src/support.ts reads the same rule.
        if hd > 256 || hd % 2 != 0 || !h.is_multiple_of(32) {
            return Err(GpuError::Unsupported(format!(
                "head_dim {hd} (the kernels need an even value ≤ 256) with hidden size {h} (a multiple of 32)"
            )));
        }
        let (nh, nkv, vocab) = (
            cfg.num_attention_heads,
            cfg.num_key_value_heads,
            cfg.vocab_size,
        );
        let (qd, kvd) = (nh * hd, nkv * hd);
        let max_ctx = max_context
            .min(cfg.max_position_embeddings)
            .min(max_binding / (kvd * kv_elem))
            .max(1);
        let chunk = prefill_chunk
            .clamp(1, 4096)
            .min((max_binding / (vocab * 4)).max(1))
            .min(max_binding / ((2 * inter).max(qd + 2 * kvd).max(qd.next_multiple_of(32)) * 4))
            .min(max_binding / AttnParams::prefill_part_bytes(max_ctx, 1, nh, hd).max(1))
            .max(1);
        // One split (a short cache) writes no partials.
        let attn_part_bytes = if max_ctx <= AttnParams::DECODE_SPLIT as usize {
            0
        } else {
            AttnParams::part_bytes(max_ctx, chunk, nh, hd)
        };
        Ok(Self {
            hidden: h,
            inter,
            head_dim: hd,
            heads: nh,
            kv_heads: nkv,
            vocab,
            q_dim: qd,
            att_stride: qd.next_multiple_of(32),
            kv_dim: kvd,
            qkv_dim: qd + 2 * kvd,
            max_ctx,
            chunk,
            kv_elem,
            attn_part_bytes,
        })
    }
}

/// The activations of one step, each sized for a full prefill chunk, plus the step uniform
/// (token count, first position) that every kernel reads.
pub(super) struct Activations {
    pub step: wgpu::Buffer,
    /// Bound where a kernel's optional input (a bias) is absent.
    pub dummy: wgpu::Buffer,
    pub ids: wgpu::Buffer,
    /// The residual stream.
    pub x: wgpu::Buffer,
    /// A normalised copy of `x`: input of the projections, and after the final norm the rows
    /// that go to the hidden store.
    pub xn: wgpu::Buffer,
    /// The stacked q/k/v product: per token, q's heads, then k's, then v's.
    pub qkv: wgpu::Buffer,
    pub att: wgpu::Buffer,
    /// Attention's per-split partials.
    pub attn_part: wgpu::Buffer,
    /// The stacked gate/up product: per token, gate's `inter` values, then up's.
    pub gu: wgpu::Buffer,
    /// silu(gate) · up, down_proj's input (decode on GPUs computes it inside down_proj).
    pub act: wgpu::Buffer,
    pub logits: wgpu::Buffer,
    /// The on-device greedy pick: id, logprob, entropy.
    pub result: wgpu::Buffer,
    /// The pick's per-slice partials (see `ArgmaxOp`).
    pub pick_part: wgpu::Buffer,
}

impl Activations {
    pub fn new(g: &Gpu, d: &Dims) -> Result<Self> {
        let rows = |n: usize| (d.chunk * n * 4) as u64;
        Ok(Self {
            step: g.uniform("step", &Step::default()),
            dummy: g.storage("dummy", 16)?,
            ids: g.storage("ids", rows(1))?,
            x: g.storage("x", rows(d.hidden))?,
            xn: g.storage("xn", rows(d.hidden))?,
            qkv: g.storage("qkv", rows(d.qkv_dim))?,
            att: g.storage("att", rows(d.att_stride))?,
            attn_part: g.storage("attn-part", d.attn_part_bytes as u64)?,
            gu: g.storage("gate-up", rows(2 * d.inter))?,
            act: g.storage("act", rows(d.inter))?,
            logits: g.storage("logits", rows(d.vocab))?,
            result: g.storage("result", 16)?,
            pick_part: g.storage("pick-part", u64::from(ArgmaxOp::GROUPS) * 16)?,
        })
    }
}

/// Everything kept per position, indexed by position: truncating the cache is only moving the
/// model's position back, and a kept prefix keeps its rows.
pub(super) struct Cache {
    /// Keys and values of each layer, `max_ctx × kv_dim` f32 or f16 (`Dims::kv_elem`) each.
    pub kv: Vec<(wgpu::Buffer, wgpu::Buffer)>,
    /// cos/sin of every position's rope angles, computed on the CPU once.
    pub rope: wgpu::Buffer,
    pub hidden: HiddenStore,
}

impl Cache {
    pub fn new(g: &Gpu, cfg: &Config, d: &Dims) -> Result<Self> {
        let kv_bytes = (d.max_ctx * d.kv_dim * d.kv_elem) as u64;
        let kv = (0..cfg.num_hidden_layers)
            .map(|i| {
                Ok((
                    g.storage(&format!("k-cache-{i}"), kv_bytes)?,
                    g.storage(&format!("v-cache-{i}"), kv_bytes)?,
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        let inv = cfg.rope_inv_freq();
        let mut table = Vec::with_capacity(d.max_ctx * inv.len() * 2);
        for p in 0..d.max_ctx {
            for &fr in &inv {
                let a = p as f32 * fr;
                table.push(a.cos());
                table.push(a.sin());
            }
        }
        Ok(Self {
            kv,
            rope: g.storage_init("rope-table", bytemuck::cast_slice(&table))?,
            hidden: HiddenStore::new(g, d.max_ctx, d.hidden)?,
        })
    }
}

/// The final-norm output (the lm_head's input) of every cached position: `max_ctx × hidden`
/// f32 on the device, e.g. 4096 × 576 × 4 B = 9.4 MB for SmolLM2-135M, 4096 × 4096 × 4 B =
/// 64 MiB for an 8B Llama. Each forward copies its chunk's rows in (a buffer-to-buffer copy in
/// the step's one submit); only [`HiddenStore::record_read`] brings rows back. Never bound to a
/// kernel, so only the adapter's largest *buffer* limits it; above that it is split by rows.
pub(super) struct HiddenStore {
    parts: Vec<(wgpu::Buffer, usize, usize)>,
    row_bytes: u64,
}

impl HiddenStore {
    fn new(g: &Gpu, max_ctx: usize, hidden: usize) -> Result<Self> {
        let row_bytes = (hidden * 4) as u64;
        let per_part = (g.max_buffer() / row_bytes).max(1) as usize;
        let mut parts = Vec::new();
        let mut r0 = 0;
        while r0 < max_ctx {
            let n = per_part.min(max_ctx - r0);
            let label = format!("hidden[{r0}..{}]", r0 + n);
            parts.push((g.copy_buffer(&label, n as u64 * row_bytes)?, r0, n));
            r0 += n;
        }
        Ok(Self { parts, row_bytes })
    }

    /// The parts that hold rows `start..end`, each as (buffer, first row, row range in it).
    fn spans(
        &self,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = (&wgpu::Buffer, usize, u64, u64)> {
        self.parts.iter().filter_map(move |(buf, r0, n)| {
            let (a, b) = (start.max(*r0), end.min(r0 + n));
            (a < b).then(|| {
                (
                    buf,
                    a,
                    (a - r0) as u64 * self.row_bytes,
                    (b - a) as u64 * self.row_bytes,
                )
            })
        })
    }

    /// Copies rows `0..t` of `src` to positions `pos..pos + t`.
    pub fn record_write(
        &self,
        enc: &mut wgpu::CommandEncoder,
        src: &wgpu::Buffer,
        pos: usize,
        t: usize,
    ) {
        for (buf, a, offset, size) in self.spans(pos, pos + t) {
            let from = (a - pos) as u64 * self.row_bytes;
            enc.copy_buffer_to_buffer(src, from, buf, offset, size);
        }
    }

    /// Copies positions `start..end` into new mappable buffers, one per part they span:
    /// (staging buffer, bytes), in position order.
    pub fn record_read(
        &self,
        g: &Gpu,
        enc: &mut wgpu::CommandEncoder,
        start: usize,
        end: usize,
    ) -> Vec<(wgpu::Buffer, u64)> {
        self.spans(start, end)
            .map(|(buf, _, offset, size)| {
                let staging = g.staging("hidden-read", size);
                enc.copy_buffer_to_buffer(buf, offset, &staging, 0, size);
                (staging, size)
            })
            .collect()
    }
}
