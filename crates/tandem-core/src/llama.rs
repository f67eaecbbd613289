//! The Llama-family decoder (Llama, Qwen2 = Llama + q/k/v bias) on candle-core, CPU, f32
//! activations. Config → Cache → Attention / Mlp / Block → Model, as in candle's model files.
use candle_core::{DType, Device, Tensor};

use crate::config::Config;
use crate::layers::{Embedding, Fused, Linear};
use crate::weights::Weights;
use crate::{Error, Result};

/// One layer's keys and values, (1, kv_heads, capacity, head_dim), filled up to `len`. Grows
/// by doubling, so appending a token copies only that token.
#[derive(Clone)]
struct KvBuffer {
    k: Tensor,
    v: Tensor,
    len: usize,
}

impl KvBuffer {
    /// Appends (1, kv_heads, s, d) keys/values; returns views of everything so far.
    /// `max_len`: the model's context; capacity never grows past it.
    fn append(
        slot: &mut Option<KvBuffer>,
        k: &Tensor,
        v: &Tensor,
        max_len: usize,
    ) -> Result<(Tensor, Tensor)> {
        let (b, h, s, d) = k.dims4()?;
        let len = slot.as_ref().map_or(0, |x| x.len);
        let cap = slot.as_ref().map_or(0, |x| x.k.dim(2).unwrap_or(0));
        if len + s > cap {
            let new_cap = (2 * cap).max(64).min(max_len).max(len + s);
            let nk = Tensor::zeros((b, h, new_cap, d), k.dtype(), k.device())?;
            let nv = Tensor::zeros((b, h, new_cap, d), v.dtype(), v.device())?;
            if let Some(old) = slot.as_ref() {
                nk.slice_set(&old.k.narrow(2, 0, len)?.contiguous()?, 2, 0)?;
                nv.slice_set(&old.v.narrow(2, 0, len)?.contiguous()?, 2, 0)?;
            }
            *slot = Some(KvBuffer { k: nk, v: nv, len });
        }
        let Some(buf) = slot.as_mut() else {
            return Err(Error::InvalidConfig("kv cache slot missing".into()));
        };
        buf.k.slice_set(&k.contiguous()?, 2, len)?;
        buf.v.slice_set(&v.contiguous()?, 2, len)?;
        buf.len = len + s;
        Ok((buf.k.narrow(2, 0, buf.len)?, buf.v.narrow(2, 0, buf.len)?))
    }
}

/// Keys and values of every layer for the tokens seen so far.
pub struct Cache {
    kvs: Vec<Option<KvBuffer>>,
    pos: usize,
}

impl Cache {
    pub fn new(cfg: &Config) -> Self {
        Self {
            kvs: vec![None; cfg.num_hidden_layers],
            pos: 0,
        }
    }

    /// Number of tokens already in the cache (the position of the next token).
    pub fn len(&self) -> usize {
        self.pos
    }

    pub fn is_empty(&self) -> bool {
        self.pos == 0
    }

    /// Keeps the first `n` tokens (what a verifier does after rejecting the rest of a draft).
    /// Every layer is clamped even when `n` ≥ len: a forward that failed part-way may have
    /// appended to some layers without counting the tokens in.
    pub fn truncate(&mut self, n: usize) {
        let n = n.min(self.pos);
        self.kvs
            .iter_mut()
            .flatten()
            .for_each(|kv| kv.len = kv.len.min(n));
        self.pos = n;
    }

    /// Forgets all tokens (keeps the buffers for reuse).
    pub fn clear(&mut self) {
        self.kvs.iter_mut().flatten().for_each(|kv| kv.len = 0);
        self.pos = 0;
    }
}

struct Rope {
    inv_freq: Vec<f32>,
}

impl Rope {
    /// cos and sin, each (len, head_dim / 2), for positions start..start+len.
    fn cos_sin(&self, start: usize, len: usize) -> Result<(Tensor, Tensor)> {
        let half = self.inv_freq.len();
        let mut cos = Vec::with_capacity(len * half);
        let mut sin = Vec::with_capacity(len * half);
        for p in start..start + len {
            for &f in &self.inv_freq {
                let a = p as f32 * f;
                cos.push(a.cos());
                sin.push(a.sin());
            }
        }
        Ok((
            Tensor::from_vec(cos, (len, half), &Device::Cpu)?,
            Tensor::from_vec(sin, (len, half), &Device::Cpu)?,
        ))
    }
}

struct Attention {
    qkv: Fused,
    o: Linear,
    max_len: usize,
    heads: usize,
    kv_heads: usize,
    head_dim: usize,
}

impl Attention {
    fn load(w: &mut Weights, p: &str, cfg: &Config) -> Result<Self> {
        let (h, kv, d, hid) = (
            cfg.num_attention_heads,
            cfg.num_key_value_heads,
            cfg.head_dim,
            cfg.hidden_size,
        );
        Ok(Self {
            qkv: Fused::new(vec![
                w.linear(&format!("{p}.q_proj"), h * d, hid, cfg.qkv_bias, cfg)?,
                w.linear(&format!("{p}.k_proj"), kv * d, hid, cfg.qkv_bias, cfg)?,
                w.linear(&format!("{p}.v_proj"), kv * d, hid, cfg.qkv_bias, cfg)?,
            ])?,
            o: w.linear(&format!("{p}.o_proj"), hid, h * d, cfg.o_bias, cfg)?
                .packed()?,
            max_len: cfg.max_position_embeddings,
            heads: h,
            kv_heads: kv,
            head_dim: d,
        })
    }

    /// x: (1, seq, hidden); cos/sin for this chunk's positions; mask (seq, total) or None.
    fn forward(
        &self,
        x: &Tensor,
        cos: &Tensor,
        sin: &Tensor,
        mask: Option<&Tensor>,
        kv: &mut Option<KvBuffer>,
    ) -> Result<Tensor> {
        let (b, s, _) = x.dims3()?;
        let split = |t: Tensor, n: usize| -> Result<Tensor> {
            Ok(t.reshape((b, s, n, self.head_dim))?
                .transpose(1, 2)?
                .contiguous()?)
        };
        let mut qkv = self.qkv.forward(x)?.into_iter();
        let (Some(q), Some(k), Some(v)) = (qkv.next(), qkv.next(), qkv.next()) else {
            return Err(Error::InvalidConfig("q/k/v projection".into()));
        };
        let q = split(q, self.heads)?;
        let k = split(k, self.kv_heads)?;
        let v = split(v, self.kv_heads)?;
        let q = candle_nn::rotary_emb::rope(&q, cos, sin)?;
        let k = candle_nn::rotary_emb::rope(&k, cos, sin)?;
        let (k, v) = KvBuffer::append(kv, &k, &v, self.max_len)?;
        if s == 1 {
            if let Some(y) = kv
                .as_ref()
                .map(|buf| self.decode_attention(&q, buf))
                .transpose()?
                .flatten()
            {
                return self.o.forward(&y);
            }
        }
        let total = k.dim(2)?;
        // Grouped-query attention without copying keys/values per query head: the `rep` query
        // heads sharing a kv head become `rep * s` rows against that head's keys.
        let rep = self.heads / self.kv_heads;
        let q = q.reshape((b, self.kv_heads, rep * s, self.head_dim))?;
        let scale = 1.0 / (self.head_dim as f64).sqrt();
        let mut att = (q.matmul(&k.t()?)? * scale)?;
        if let Some(m) = mask {
            att = att
                .reshape((b, self.kv_heads, rep, s, total))?
                .broadcast_add(m)?
                .reshape((b, self.kv_heads, rep * s, total))?;
        }
        let att = candle_nn::ops::softmax_last_dim(&att)?;
        let y = att
            .matmul(&v)?
            .reshape((b, self.heads, s, self.head_dim))?
            .transpose(1, 2)?
            .reshape((b, s, self.heads * self.head_dim))?;
        self.o.forward(&y)
    }
}

impl Attention {
    /// One query token against the cache, on slices: at decode the matrices are tiny and a GEMM
    /// call costs more than the arithmetic. None if the buffers are not plain f32 CPU memory.
    fn decode_attention(&self, q: &Tensor, kv: &KvBuffer) -> Result<Option<Tensor>> {
        let (h, d, len) = (self.heads, self.head_dim, kv.len);
        let rep = h / self.kv_heads;
        let cap = kv.k.dim(2)?;
        let qv = q.flatten_all()?.to_vec1::<f32>()?;
        let (ks, kl) = kv.k.storage_and_layout();
        let (vs, vl) = kv.v.storage_and_layout();
        let (k, v) = match (&*ks, &*vs, kl.contiguous_offsets(), vl.contiguous_offsets()) {
            (
                candle_core::Storage::Cpu(candle_core::CpuStorage::F32(k)),
                candle_core::Storage::Cpu(candle_core::CpuStorage::F32(v)),
                Some((k0, k1)),
                Some((v0, v1)),
            ) => (&k[k0..k1], &v[v0..v1]),
            _ => return Ok(None),
        };
        let scale = 1.0 / (d as f32).sqrt();
        let mut out = vec![0f32; h * d];
        let mut p = vec![0f32; len];
        for head in 0..h {
            let base = (head / rep) * cap * d;
            let qh = &qv[head * d..(head + 1) * d];
            let mut max = f32::NEG_INFINITY;
            for (t, pt) in p.iter_mut().enumerate() {
                let kt = &k[base + t * d..base + (t + 1) * d];
                *pt = crate::matvec::dot_f32(qh, kt) * scale;
                max = max.max(*pt);
            }
            let mut sum = 0f32;
            for pt in p.iter_mut() {
                *pt = (*pt - max).exp();
                sum += *pt;
            }
            let o = &mut out[head * d..(head + 1) * d];
            for (t, &pt) in p.iter().enumerate() {
                let w = pt / sum;
                let vt = &v[base + t * d..base + (t + 1) * d];
                for (oi, &vi) in o.iter_mut().zip(vt) {
                    *oi = crate::matvec::madd(w, vi, *oi);
                }
            }
        }
        Ok(Some(Tensor::from_vec(out, (1, 1, h * d), &Device::Cpu)?))
    }
}

struct Mlp {
    gate_up: Fused,
    down: Linear,
}

impl Mlp {
    fn load(w: &mut Weights, p: &str, cfg: &Config) -> Result<Self> {
        let (h, i, b) = (cfg.hidden_size, cfg.intermediate_size, cfg.mlp_bias);
        Ok(Self {
            gate_up: Fused::new(vec![
                w.linear(&format!("{p}.gate_proj"), i, h, b, cfg)?,
                w.linear(&format!("{p}.up_proj"), i, h, b, cfg)?,
            ])?,
            down: w
                .linear(&format!("{p}.down_proj"), h, i, b, cfg)?
                .packed()?,
        })
    }

    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let gu = self.gate_up.forward(x)?;
        let (Some(g), Some(u)) = (gu.first(), gu.get(1)) else {
            return Err(Error::InvalidConfig("gate/up projection".into()));
        };
        let g = candle_nn::ops::silu(&g.contiguous()?)?;
        self.down.forward(&(g * u.contiguous()?)?)
    }
}

struct Block {
    attn_norm: Tensor,
    attn: Attention,
    mlp_norm: Tensor,
    mlp: Mlp,
    eps: f32,
}

impl Block {
    fn load(w: &mut Weights, i: usize, cfg: &Config) -> Result<Self> {
        let p = format!("model.layers.{i}");
        Ok(Self {
            attn_norm: w.vector(&format!("{p}.input_layernorm.weight"), cfg.hidden_size, cfg)?,
            attn: Attention::load(w, &format!("{p}.self_attn"), cfg)?,
            mlp_norm: w.vector(
                &format!("{p}.post_attention_layernorm.weight"),
                cfg.hidden_size,
                cfg,
            )?,
            mlp: Mlp::load(w, &format!("{p}.mlp"), cfg)?,
            eps: cfg.rms_norm_eps as f32,
        })
    }

    fn forward(
        &self,
        x: &Tensor,
        cos: &Tensor,
        sin: &Tensor,
        mask: Option<&Tensor>,
        kv: &mut Option<KvBuffer>,
    ) -> Result<Tensor> {
        let h = candle_nn::ops::rms_norm(x, &self.attn_norm, self.eps)?;
        let x = (x + self.attn.forward(&h, cos, sin, mask, kv)?)?;
        let h = candle_nn::ops::rms_norm(&x, &self.mlp_norm, self.eps)?;
        Ok((&x + self.mlp.forward(&h)?)?)
    }
}

/// Which positions' logits a forward pass returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Logits {
    /// One row per input token: (seq, vocab).
    All,
    /// Only the last token's row: (1, vocab). Skips the output projection for the others.
    Last,
}

pub struct Model {
    embed: Embedding,
    blocks: Vec<Block>,
    norm: Tensor,
    lm_head: Linear,
    rope: Rope,
    cfg: Config,
    prefill_chunk: usize,
}

impl Model {
    pub fn load(w: &mut Weights, cfg: &Config) -> Result<Self> {
        cfg.validate()?;
        let embed = w.embedding(
            "model.embed_tokens.weight",
            cfg.vocab_size,
            cfg.hidden_size,
            cfg,
        )?;
        let blocks = (0..cfg.num_hidden_layers)
            .map(|i| Block::load(w, i, cfg))
            .collect::<Result<Vec<_>>>()?;
        let norm = w.vector("model.norm.weight", cfg.hidden_size, cfg)?;
        // Some checkpoints say "tied" yet ship lm_head anyway; use it when it is there.
        let (embed, lm_head) = if !cfg.tie_word_embeddings || w.contains("lm_head.weight") {
            let head = w.linear("lm_head", cfg.vocab_size, cfg.hidden_size, false, cfg)?;
            (embed, head.packed()?)
        } else {
            embed.tie()?
        };
        Ok(Self {
            embed,
            blocks,
            norm,
            lm_head,
            rope: Rope {
                inv_freq: cfg.rope_inv_freq(),
            },
            cfg: cfg.clone(),
            prefill_chunk: 512,
        })
    }

    pub fn config(&self) -> &Config {
        &self.cfg
    }

    pub fn new_cache(&self) -> Cache {
        Cache::new(&self.cfg)
    }

    /// Runs `ids` at positions `cache.len()..`, appending their keys/values to the cache.
    /// Returns f32 logits, (seq, vocab) for [`Logits::All`] or (1, vocab) for [`Logits::Last`].
    pub fn forward(&self, ids: &[u32], cache: &mut Cache, which: Logits) -> Result<Tensor> {
        Ok(self.forward_with_hidden(ids, cache, which)?.0)
    }

    /// As [`Model::forward`], also returning the final-norm output of every position of `ids`
    /// (what `lm_head` reads), (seq, hidden_size) f32: the pooled prompt features a learned
    /// router reads come from the pass that already ran.
    pub fn forward_with_hidden(
        &self,
        ids: &[u32],
        cache: &mut Cache,
        which: Logits,
    ) -> Result<(Tensor, Tensor)> {
        if ids.is_empty() {
            return Err(Error::EmptyInput);
        }
        if cache.kvs.len() != self.blocks.len() {
            return Err(Error::InvalidParams(format!(
                "cache made for {} layers, model has {}",
                cache.kvs.len(),
                self.blocks.len()
            )));
        }
        if let Some(&id) = ids.iter().find(|&&id| id as usize >= self.cfg.vocab_size) {
            return Err(Error::TokenOutOfVocab {
                id,
                vocab: self.cfg.vocab_size,
            });
        }
        let start = cache.pos;
        let seq = ids.len();
        if start + seq > self.cfg.max_position_embeddings {
            return Err(Error::ContextOverflow {
                needed: start + seq,
                max: self.cfg.max_position_embeddings,
            });
        }
        // Long prompts run in chunks: attention scores grow with chunk × context, not prompt².
        let n = seq.div_ceil(self.prefill_chunk);
        if n > 1 {
            let mut rows = Vec::new();
            let mut hidden = Vec::new();
            for (i, chunk) in ids.chunks(self.prefill_chunk).enumerate() {
                let (l, h) = self.forward_chunk(chunk, cache, which)?;
                if which == Logits::All || i + 1 == n {
                    rows.push(l);
                }
                hidden.push(h);
            }
            return Ok((Tensor::cat(&rows, 0)?, Tensor::cat(&hidden, 0)?));
        }
        self.forward_chunk(ids, cache, which)
    }

    /// Tokens per forward pass for long inputs (default 512): lower it to bound the memory a
    /// prefill needs, raise it to trade memory for fewer passes.
    pub fn set_prefill_chunk(&mut self, tokens: usize) {
        self.prefill_chunk = tokens.max(1);
    }

    fn forward_chunk(
        &self,
        ids: &[u32],
        cache: &mut Cache,
        which: Logits,
    ) -> Result<(Tensor, Tensor)> {
        let (start, seq) = (cache.pos, ids.len());
        let mut x = self.embed.forward(ids)?.unsqueeze(0)?;
        let (cos, sin) = self.rope.cos_sin(start, seq)?;
        let mask = if seq > 1 {
            Some(causal_mask(seq, start)?)
        } else {
            None
        };
        for (block, kv) in self.blocks.iter().zip(cache.kvs.iter_mut()) {
            x = block.forward(&x, &cos, &sin, mask.as_ref(), kv)?;
        }
        cache.pos += seq;
        // The final norm of every row is seq × hidden work, small beside the blocks; lm_head
        // still runs on the last row only for `Last`.
        let hidden = candle_nn::ops::rms_norm(&x, &self.norm, self.cfg.rms_norm_eps as f32)?;
        let head_in = match which {
            Logits::All => hidden.clone(),
            Logits::Last => hidden.narrow(1, seq - 1, 1)?,
        };
        let logits = self.lm_head.forward(&head_in)?.squeeze(0)?;
        Ok((
            logits.to_dtype(DType::F32)?,
            hidden.squeeze(0)?.to_dtype(DType::F32)?,
        ))
    }

    /// Logits of the last position as a Vec.
    pub fn next_logits(&self, ids: &[u32], cache: &mut Cache) -> Result<Vec<f32>> {
        let l = self.forward(ids, cache, Logits::Last)?;
        Ok(l.squeeze(0)?.to_vec1::<f32>()?)
    }
}

/// (seq, start + seq) additive mask: token i (at position start + i) sees positions ≤ start + i.
fn causal_mask(seq: usize, start: usize) -> Result<Tensor> {
    let total = start + seq;
    let mut m = vec![0f32; seq * total];
    for i in 0..seq {
        for j in (start + i + 1)..total {
            m[i * total + j] = f32::NEG_INFINITY;
        }
    }
    Ok(Tensor::from_vec(m, (seq, total), &Device::Cpu)?)
}
