//! Random weights at a real model's shapes, for benchmarks: built in memory (seeded, the same on
//! every run) and writable as a GGUF file that llama.cpp loads, so both engines run the very same
//! weights.
use std::collections::HashMap;
use std::io::{Seek, Write};
use std::sync::Arc;

use candle_core::quantized::gguf_file::{self, Value};
use candle_core::quantized::{GgmlDType, QTensor};
use candle_core::{Device, Tensor};

use crate::config::{Architecture, Config};
use crate::gguf::{gguf_tensor_name, llama_qk_row_perm, permute_rows};
use crate::sampling::Rng;
use crate::{Error, Result};

/// How benchmark weights are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightDtype {
    F32,
    /// Stored as f16; the CPU path computes in f32.
    F16,
    Q8_0,
    Q4_0,
}

impl WeightDtype {
    pub fn parse(s: &str) -> Result<Self> {
        match s {
            "f32" => Ok(Self::F32),
            "f16" => Ok(Self::F16),
            "q8_0" => Ok(Self::Q8_0),
            "q4_0" => Ok(Self::Q4_0),
            other => Err(Error::Unsupported {
                what: format!("weight dtype {other:?} (supported: f32, f16, q8_0, q4_0)"),
            }),
        }
    }

    fn ggml(self) -> GgmlDType {
        match self {
            Self::F32 => GgmlDType::F32,
            Self::F16 => GgmlDType::F16,
            Self::Q8_0 => GgmlDType::Q8_0,
            Self::Q4_0 => GgmlDType::Q4_0,
        }
    }
}

/// Every tensor name and shape (HF names and layout) of a Llama/Qwen2 model.
pub fn tensor_shapes(cfg: &Config) -> Vec<(String, Vec<usize>)> {
    let (h, i, d) = (cfg.hidden_size, cfg.intermediate_size, cfg.head_dim);
    let (q, kv) = (cfg.num_attention_heads * d, cfg.num_key_value_heads * d);
    let mut out = vec![(
        "model.embed_tokens.weight".to_string(),
        vec![cfg.vocab_size, h],
    )];
    for l in 0..cfg.num_hidden_layers {
        let p = format!("model.layers.{l}");
        out.push((format!("{p}.input_layernorm.weight"), vec![h]));
        for (name, rows, cols) in [
            ("q_proj", q, h),
            ("k_proj", kv, h),
            ("v_proj", kv, h),
            ("o_proj", h, q),
        ] {
            out.push((format!("{p}.self_attn.{name}.weight"), vec![rows, cols]));
            if cfg.qkv_bias && name != "o_proj" {
                out.push((format!("{p}.self_attn.{name}.bias"), vec![rows]));
            }
        }
        out.push((format!("{p}.post_attention_layernorm.weight"), vec![h]));
        for (name, rows, cols) in [("gate_proj", i, h), ("up_proj", i, h), ("down_proj", h, i)] {
            out.push((format!("{p}.mlp.{name}.weight"), vec![rows, cols]));
        }
    }
    out.push(("model.norm.weight".to_string(), vec![h]));
    if !cfg.tie_word_embeddings {
        out.push(("lm_head.weight".to_string(), vec![cfg.vocab_size, h]));
    }
    out
}

/// Seeded random weights: matrices uniform with std 0.02, norms around 1, biases small.
/// Matrices are stored as `dtype`; vectors stay f32 (as llama.cpp's converter keeps them).
pub fn random_weights(
    cfg: &Config,
    dtype: WeightDtype,
    seed: u64,
) -> Result<HashMap<String, Arc<QTensor>>> {
    let mut rng = Rng::new(seed);
    let mut out = HashMap::new();
    for (name, shape) in tensor_shapes(cfg) {
        let n: usize = shape.iter().product();
        let (center, half_width) = if name.ends_with("norm.weight") {
            (1.0f32, 0.2f32)
        } else {
            (0.0, 0.02 * 3f32.sqrt())
        };
        // Generated and quantized a slab of rows at a time: no full-size f32 copy of big tensors.
        let (rows, cols) = match shape.as_slice() {
            [r, c] => (*r, *c),
            _ => (1, n),
        };
        let ggml = if shape.len() == 2 {
            dtype.ggml()
        } else {
            GgmlDType::F32
        };
        let mut bytes = Vec::new();
        for start in (0..rows).step_by(1024) {
            let slab = 1024.min(rows - start);
            let data: Vec<f32> = (0..slab * cols)
                .map(|_| center + half_width * (2.0 * rng.next_f64() as f32 - 1.0))
                .collect();
            let t = Tensor::from_vec(data, (slab, cols), &Device::Cpu)?;
            bytes.extend_from_slice(&QTensor::quantize(&t, ggml)?.data()?);
        }
        let q = candle_core::quantized::ggml_file::qtensor_from_ggml(
            ggml,
            &bytes,
            shape.clone(),
            &Device::Cpu,
        )?;
        out.insert(name, Arc::new(q));
    }
    Ok(out)
}

/// GPT-2's byte → printable-character map: the first 256 tokens of a byte-level vocabulary.
fn byte_level_alphabet() -> Vec<String> {
    let mut bs: Vec<u32> = (b'!' as u32..=b'~' as u32)
        .chain(0xA1..=0xAC)
        .chain(0xAE..=0xFF)
        .collect();
    let mut cs = bs.clone();
    let mut n = 0;
    for b in 0..256u32 {
        if !bs.contains(&b) {
            bs.push(b);
            cs.push(256 + n);
            n += 1;
        }
    }
    let mut pairs: Vec<(u32, u32)> = bs.into_iter().zip(cs).collect();
    pairs.sort();
    pairs
        .into_iter()
        .map(|(_, c)| char::from_u32(c).unwrap_or('?').to_string())
        .collect()
}

/// Writes `weights` (from [`random_weights`]) as a GGUF file llama.cpp can load: llama.cpp
/// tensor names, its q/k row order for the `llama` architecture, and a placeholder byte-level
/// vocabulary (the benchmark feeds token ids, not text).
pub fn write_gguf<W: Write + Seek>(
    w: &mut W,
    cfg: &Config,
    weights: &HashMap<String, Arc<QTensor>>,
    dtype: WeightDtype,
) -> Result<()> {
    let arch = cfg.architecture.name();
    let k = |s: &str| format!("{arch}.{s}");
    let mut tokens = byte_level_alphabet();
    if cfg.vocab_size < tokens.len() + 1 {
        return Err(Error::InvalidConfig(
            "vocabulary too small for a byte-level tokenizer".into(),
        ));
    }
    tokens.push("ab".into());
    while tokens.len() < cfg.vocab_size {
        tokens.push(format!("<t{}>", tokens.len()));
    }
    let file_type = match dtype {
        WeightDtype::F32 => 0u32,
        WeightDtype::F16 => 1,
        WeightDtype::Q4_0 => 2,
        WeightDtype::Q8_0 => 7,
    };
    let u32v = |v: usize| Value::U32(v as u32);
    let meta: Vec<(String, Value)> = vec![
        ("general.architecture".into(), Value::String(arch.into())),
        (
            "general.name".into(),
            Value::String(format!("tandem-random-{arch}")),
        ),
        ("general.file_type".into(), Value::U32(file_type)),
        (k("context_length"), u32v(cfg.max_position_embeddings)),
        (k("embedding_length"), u32v(cfg.hidden_size)),
        (k("block_count"), u32v(cfg.num_hidden_layers)),
        (k("feed_forward_length"), u32v(cfg.intermediate_size)),
        (k("attention.head_count"), u32v(cfg.num_attention_heads)),
        (k("attention.head_count_kv"), u32v(cfg.num_key_value_heads)),
        (k("attention.key_length"), u32v(cfg.head_dim)),
        (k("attention.value_length"), u32v(cfg.head_dim)),
        (k("rope.dimension_count"), u32v(cfg.head_dim)),
        (k("rope.freq_base"), Value::F32(cfg.rope_theta as f32)),
        (
            k("attention.layer_norm_rms_epsilon"),
            Value::F32(cfg.rms_norm_eps as f32),
        ),
        (k("vocab_size"), u32v(cfg.vocab_size)),
        ("tokenizer.ggml.model".into(), Value::String("gpt2".into())),
        ("tokenizer.ggml.pre".into(), Value::String("gpt-2".into())),
        (
            "tokenizer.ggml.tokens".into(),
            Value::Array(tokens.into_iter().map(Value::String).collect()),
        ),
        (
            "tokenizer.ggml.token_type".into(),
            Value::Array(vec![Value::I32(1); cfg.vocab_size]),
        ),
        (
            "tokenizer.ggml.merges".into(),
            Value::Array(vec![Value::String("a b".into())]),
        ),
        (
            "tokenizer.ggml.eos_token_id".into(),
            u32v(cfg.vocab_size - 1),
        ),
    ];
    let mut tensors: Vec<(String, QTensor)> = Vec::new();
    for (name, _) in tensor_shapes(cfg) {
        let t = weights
            .get(&name)
            .ok_or_else(|| Error::MissingTensor(name.clone()))?;
        let g = gguf_tensor_name(&name).ok_or_else(|| Error::MissingTensor(name.clone()))?;
        let heads = if name.contains(".q_proj.") {
            Some(cfg.num_attention_heads)
        } else if name.contains(".k_proj.") {
            Some(cfg.num_key_value_heads)
        } else {
            None
        };
        let t = match heads {
            Some(h) if cfg.architecture == Architecture::Llama => {
                let rows = t.shape().dims()[0];
                permute_rows(t, &llama_qk_row_perm(rows, h), false)?
            }
            // QTensor is not Clone: rebuild it from its bytes.
            _ => candle_core::quantized::ggml_file::qtensor_from_ggml(
                t.dtype(),
                &t.data()?,
                t.shape().dims().to_vec(),
                &Device::Cpu,
            )?,
        };
        tensors.push((g, t));
    }
    let meta_refs: Vec<(&str, &Value)> = meta.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let tensor_refs: Vec<(&str, &QTensor)> = tensors.iter().map(|(k, v)| (k.as_str(), v)).collect();
    gguf_file::write(w, &meta_refs, &tensor_refs)?;
    Ok(())
}
