//! The model's parts in the order and naming of tandem-core's `llama.rs`: each `load` uploads
//! its weights and makes its dispatches over the shared activations and cache; each `record`
//! adds them to a compute pass for a step of `t` tokens.
use tandem_core::Weights;

use crate::error::Result;
use crate::matrix::Matrix;
use crate::ops::*;
use crate::pipelines::{EMBED, RMSNORM, ROPE, SILU_MUL};

use super::buffers::{Cache, Dims};
use super::builder::{Builder, Out, Prologue, Stack};

/// RMSNorm of the residual stream `x` into `xn`, of every row or (`last_only`) of the step's
/// last row into row 0.
fn norm(b: &Builder, d: &Dims, weight: &wgpu::Buffer, last_only: bool) -> Result<Dispatch> {
    let params = b.gpu.uniform(
        "norm-params",
        &NormParams {
            dim: d.hidden as u32,
            eps: b.cfg.rms_norm_eps as f32,
            last_only: u32::from(last_only),
            _pad: 0,
        },
    );
    let grid = if last_only {
        Grid::Fixed(1)
    } else {
        Grid::PerToken(1)
    };
    b.kernel(
        &RMSNORM,
        None,
        &[&params, &b.act.x, weight, &b.act.xn, &b.act.step],
        grid,
    )
}

/// Token ids → rows of the embedding matrix, one gather per part of it.
pub(super) struct Embedding {
    /// Kept for a tied lm_head.
    pub matrix: Matrix,
    gathers: Vec<Dispatch>,
}

impl Embedding {
    pub fn load(b: &Builder, w: &mut Weights, d: &Dims) -> Result<Self> {
        let matrix = b.matrix(w, "model.embed_tokens.weight", d.vocab, d.hidden)?;
        let gathers = matrix
            .parts
            .iter()
            .map(|part| {
                let params = b.gpu.uniform(
                    "embed-params",
                    &EmbedParams {
                        cols: d.hidden as u32,
                        row_start: part.row_start as u32,
                        rows: part.rows as u32,
                        _pad: 0,
                    },
                );
                b.kernel(
                    &EMBED,
                    Some(matrix.format),
                    &[&params, &part.buffer, &b.act.ids, &b.act.x, &b.act.step],
                    Grid::PerToken((d.hidden / 8).div_ceil(64) as u32),
                )
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Self { matrix, gathers })
    }

    pub fn record(&self, pass: &mut dyn Sink, t: u32) {
        self.gathers.iter().for_each(|g| g.record(pass, t));
    }
}

/// The q/k/v projections as one stacked product, rope (which also writes K and V into this
/// layer's cache; GPU decode does it inside attention), causal GQA attention over the cache, and
/// the output projection added to the residual stream.
struct Attention {
    qkv: Vec<LinearOp>,
    rope: Dispatch,
    attend: AttendOp,
    o: Vec<LinearOp>,
}

impl Attention {
    fn load(
        b: &Builder,
        w: &mut Weights,
        p: &str,
        d: &Dims,
        (k_cache, v_cache): &(wgpu::Buffer, wgpu::Buffer),
        rope_table: &wgpu::Buffer,
        norm: &wgpu::Buffer,
    ) -> Result<Self> {
        let (a, cfg) = (b.act, b.cfg);
        let (nh, nkv, hd) = (d.heads as u32, d.kv_heads as u32, d.head_dim as u32);
        let rope_params = b.gpu.uniform(
            "rope-params",
            &RopeParams {
                n_heads: nh,
                n_kv: nkv,
                head_dim: hd,
                stride: d.qkv_dim as u32,
            },
        );
        let attn_params = AttnParams {
            n_heads: nh,
            n_kv: nkv,
            head_dim: hd,
            scale: 1.0 / (hd as f32).sqrt(),
            split: AttnParams::SPLIT,
            out_stride: d.att_stride as u32,
            q_stride: d.qkv_dim as u32,
            // o_proj merges a few decode splits itself where its input fits workgroup memory
            // (AttendOp keeps this only where it runs the GPU decode kernel).
            fused_merge: match d.q_dim <= AttnParams::FUSED_MERGE_MAX_COLS {
                true => AttnParams::FUSED_MERGE_SPLITS,
                false => 0,
            },
        };
        let qkv = Stack {
            role: "qkv_proj",
            weights: [
                ("q_proj", d.q_dim),
                ("k_proj", d.kv_dim),
                ("v_proj", d.kv_dim),
            ]
            .map(|(n, rows)| (format!("{p}.{n}"), rows, rows))
            .into(),
            cols: d.hidden,
        };
        let o = Stack {
            role: "o_proj",
            weights: vec![(format!("{p}.o_proj"), d.hidden, d.hidden)],
            cols: d.q_dim,
        };
        let attend = AttendOp::new(
            b.gpu,
            b.defines,
            &attn_params,
            AttendBuffers {
                q: &a.qkv,
                rope_table,
                k_cache,
                v_cache,
                out: &a.att,
                step: &a.step,
                part: &a.attn_part,
            },
        )?;
        let merge = match (attend.fused_merge, attend.decode_params()) {
            (1.., Some(params)) => Some(Prologue::Merge {
                part: &a.attn_part,
                params,
            }),
            _ => None,
        };
        let o = b.linear(w, &o, cfg.o_bias, &a.att, &a.x, Out::Accumulate, merge)?;
        Ok(Self {
            qkv: b.linear(
                w,
                &qkv,
                cfg.qkv_bias,
                &a.xn,
                &a.qkv,
                Out::Write,
                Some(Prologue::Norm(norm)),
            )?,
            rope: b.kernel(
                &ROPE,
                None,
                &[&rope_params, &a.qkv, k_cache, v_cache, rope_table, &a.step],
                Grid::PerToken(((nh + nkv) * hd / 2).div_ceil(64)),
            )?,
            attend,
            o,
        })
    }

    fn record(&self, pass: &mut dyn Sink, t: u32, pos0: u32) {
        self.qkv.iter().for_each(|op| op.record(pass, t));
        if t > 1 || !self.attend.ropes_decode() {
            self.rope.record(pass, t);
        }
        self.attend.record(pass, t, pos0);
        self.o.iter().for_each(|op| op.record(pass, t));
    }
}

/// gate/up as one stacked product, silu(gate)·up, and the down projection added to the
/// residual stream (in decode on GPUs down_proj computes silu(gate)·up as it reads).
struct Mlp {
    gate_up: Vec<LinearOp>,
    silu_mul: Dispatch,
    down: Vec<LinearOp>,
    fused_silu: bool,
}

impl Mlp {
    fn load(b: &Builder, w: &mut Weights, p: &str, d: &Dims, norm: &wgpu::Buffer) -> Result<Self> {
        let (a, bias) = (b.act, b.cfg.mlp_bias);
        let params = b.gpu.uniform(
            "silu-params",
            &DimParams {
                dim: d.inter as u32,
                _pad: [0; 3],
            },
        );
        // gate/up rows each padded to `d.inter` (zeros, and silu(0)·0 = 0), down_proj's
        // columns too.
        let inter = b.cfg.intermediate_size;
        let gate_up = Stack {
            role: "gate_up_proj",
            weights: ["gate_proj", "up_proj"]
                .map(|n| (format!("{p}.{n}"), inter, d.inter))
                .into(),
            cols: d.hidden,
        };
        let down = Stack {
            role: "down_proj",
            weights: vec![(format!("{p}.down_proj"), d.hidden, d.hidden)],
            cols: inter,
        };
        let silu = Some(Prologue::Silu);
        Ok(Self {
            gate_up: b.linear(
                w,
                &gate_up,
                bias,
                &a.xn,
                &a.gu,
                Out::Write,
                Some(Prologue::Norm(norm)),
            )?,
            silu_mul: b.kernel(
                &SILU_MUL,
                None,
                &[&params, &a.gu, &a.act, &a.step],
                Grid::Elements(d.inter as u32),
            )?,
            down: b.linear(w, &down, bias, &a.act, &a.x, Out::Accumulate, silu)?,
            fused_silu: !b.defines.rowwise,
        })
    }

    fn record(&self, pass: &mut dyn Sink, t: u32) {
        self.gate_up.iter().for_each(|op| op.record(pass, t));
        if t > 1 || !self.fused_silu {
            self.silu_mul.record(pass, t);
        }
        self.down.iter().for_each(|op| op.record(pass, t));
    }
}

/// One decoder layer: x += attn(norm(x)); x += mlp(norm(x)). In decode on a GPU the norms are
/// fused into the q/k/v and gate/up matvecs (each normalises the residual stream itself): two
/// dispatches fewer per layer.
pub(super) struct Block {
    attn_norm: Dispatch,
    attn: Attention,
    mlp_norm: Dispatch,
    mlp: Mlp,
    fused_norms: bool,
}

impl Block {
    pub fn load(b: &Builder, w: &mut Weights, i: usize, d: &Dims, cache: &Cache) -> Result<Self> {
        let p = format!("model.layers.{i}");
        let attn_norm = b.vector(w, &format!("{p}.input_layernorm.weight"), d.hidden)?;
        let mlp_norm = b.vector(w, &format!("{p}.post_attention_layernorm.weight"), d.hidden)?;
        Ok(Self {
            attn_norm: norm(b, d, &attn_norm, false)?,
            attn: Attention::load(
                b,
                w,
                &format!("{p}.self_attn"),
                d,
                &cache.kv[i],
                &cache.rope,
                &attn_norm,
            )?,
            mlp_norm: norm(b, d, &mlp_norm, false)?,
            mlp: Mlp::load(b, w, &format!("{p}.mlp"), d, &mlp_norm)?,
            fused_norms: !b.defines.rowwise,
        })
    }

    /// A step of `t` tokens at positions `pos0..pos0 + t`.
    pub fn record(&self, pass: &mut dyn Sink, t: u32, pos0: u32) {
        let norms = t > 1 || !self.fused_norms;
        if norms {
            self.attn_norm.record(pass, t);
        }
        self.attn.record(pass, t, pos0);
        if norms {
            self.mlp_norm.record(pass, t);
        }
        self.mlp.record(pass, t);
    }
}

/// The final norm and lm_head (the embedding when tied), for every row or the last one, and the
/// greedy pick over the last row's logits.
pub(super) struct Head {
    /// Final norm of every row into `xn`: before the all-rows lm_head, and the hidden rows.
    pub norm_all: Dispatch,
    pub norm_last: Dispatch,
    pub logits_all: LinearOp,
    pub logits_last: LinearOp,
    pub argmax: ArgmaxOp,
}

impl Head {
    pub fn load(b: &Builder, w: &mut Weights, d: &Dims, embed: &Embedding) -> Result<Self> {
        let a = b.act;
        let weight = b.vector(w, "model.norm.weight", d.hidden)?;
        let lm_head = if b.cfg.tie_word_embeddings {
            None
        } else {
            Some(b.matrix(w, "lm_head.weight", d.vocab, d.hidden)?)
        };
        let m = lm_head.as_ref().unwrap_or(&embed.matrix);
        Ok(Self {
            norm_all: norm(b, d, &weight, false)?,
            norm_last: norm(b, d, &weight, true)?,
            logits_all: b.product(m, None, &a.xn, &a.logits, Out::Write, false, None)?,
            logits_last: b.product(m, None, &a.xn, &a.logits, Out::Write, true, None)?,
            argmax: ArgmaxOp::new(
                b.gpu,
                b.defines,
                d.vocab as u32,
                &a.logits,
                &a.pick_part,
                &a.result,
            )?,
        })
    }
}
