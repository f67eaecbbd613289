//! Model configuration: the runtime [`Config`] and its two sources, a Hugging Face `config.json`
//! (both the classic top-level `rope_theta`/`rope_scaling` keys and transformers-5
//! `rope_parameters`) and GGUF metadata (see `gguf.rs`).
use serde::Deserialize;
use serde_json::Value;

use crate::{Error, Result};

/// The model families Tandem runs. Qwen2 is Llama with q/k/v biases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Architecture {
    Llama,
    Qwen2,
}

impl Architecture {
    pub fn name(self) -> &'static str {
        match self {
            Architecture::Llama => "llama",
            Architecture::Qwen2 => "qwen2",
        }
    }
}

/// How rotary position frequencies are adjusted.
#[derive(Debug, Clone, PartialEq)]
pub enum RopeScaling {
    None,
    /// Positions divided by `factor` (HF `rope_type: "linear"`).
    Linear {
        factor: f64,
    },
    /// Llama 3.x frequency-dependent scaling.
    Llama3 {
        factor: f64,
        low_freq_factor: f64,
        high_freq_factor: f64,
        original_max_position_embeddings: f64,
    },
    /// One divisor per frequency, as GGUF's `rope_freqs.weight` stores it.
    Factors(Vec<f32>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub architecture: Architecture,
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub intermediate_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    pub num_key_value_heads: usize,
    pub head_dim: usize,
    pub rms_norm_eps: f64,
    pub rope_theta: f64,
    pub rope_scaling: RopeScaling,
    pub max_position_embeddings: usize,
    pub tie_word_embeddings: bool,
    /// Bias on q/k/v projections (always for Qwen2; `attention_bias` for Llama).
    pub qkv_bias: bool,
    /// Bias on the output projection (Llama `attention_bias`).
    pub o_bias: bool,
    pub mlp_bias: bool,
    pub bos_token_id: Option<u32>,
    pub eos_token_ids: Vec<u32>,
}

#[derive(Deserialize)]
struct HfConfig {
    model_type: Option<String>,
    vocab_size: Option<usize>,
    hidden_size: Option<usize>,
    intermediate_size: Option<usize>,
    num_hidden_layers: Option<usize>,
    num_attention_heads: Option<usize>,
    num_key_value_heads: Option<usize>,
    head_dim: Option<usize>,
    rms_norm_eps: Option<f64>,
    rope_theta: Option<f64>,
    rope_scaling: Option<Value>,
    rope_parameters: Option<Value>,
    max_position_embeddings: Option<usize>,
    tie_word_embeddings: Option<bool>,
    attention_bias: Option<bool>,
    mlp_bias: Option<bool>,
    hidden_act: Option<String>,
    use_sliding_window: Option<bool>,
    bos_token_id: Option<Value>,
    eos_token_id: Option<Value>,
    quantization_config: Option<Value>,
}

fn required(v: Option<usize>, key: &str) -> Result<usize> {
    match v {
        Some(0) => Err(Error::InvalidConfig(format!("{key} must be > 0"))),
        Some(v) => Ok(v),
        None => Err(Error::InvalidConfig(format!("missing key {key:?}"))),
    }
}

fn token_ids(v: &Option<Value>, key: &str) -> Result<Vec<u32>> {
    let as_id = |x: &Value| {
        x.as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| {
                Error::InvalidConfig(format!("{key} must be a token id or a list of them"))
            })
    };
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => a.iter().map(as_id).collect(),
        Some(x) => Ok(vec![as_id(x)?]),
    }
}

fn f64_key(obj: &serde_json::Map<String, Value>, key: &str, default: Option<f64>) -> Result<f64> {
    match obj.get(key) {
        Some(v) => v
            .as_f64()
            .ok_or_else(|| Error::InvalidConfig(format!("rope key {key:?} must be a number"))),
        None => default.ok_or_else(|| Error::InvalidConfig(format!("rope scaling needs {key:?}"))),
    }
}

/// Reads a rope description: a transformers-5 `rope_parameters` object or a classic
/// `rope_scaling` object. Returns the scaling and, when present, the theta inside it.
fn parse_rope(v: &Value) -> Result<(RopeScaling, Option<f64>)> {
    let obj = match v {
        Value::Null => return Ok((RopeScaling::None, None)),
        Value::Object(o) => o,
        _ => {
            return Err(Error::InvalidConfig(
                "rope_scaling/rope_parameters must be an object".into(),
            ))
        }
    };
    let theta = match obj.get("rope_theta") {
        Some(t) => Some(
            t.as_f64()
                .ok_or_else(|| Error::InvalidConfig("rope_theta must be a number".into()))?,
        ),
        None => None,
    };
    let kind = obj
        .get("rope_type")
        .or_else(|| obj.get("type"))
        .and_then(Value::as_str);
    let kind = match kind {
        Some(k) => k,
        // transformers 5 may nest parameters per attention type: not a Llama/Qwen2 layout.
        None if obj.values().any(Value::is_object) => {
            return Err(Error::Unsupported {
                what: "per-layer-type rope_parameters".into(),
            })
        }
        None => "default",
    };
    let scaling = match kind {
        "default" => RopeScaling::None,
        "linear" => RopeScaling::Linear {
            factor: f64_key(obj, "factor", None)?,
        },
        "llama3" => RopeScaling::Llama3 {
            factor: f64_key(obj, "factor", None)?,
            low_freq_factor: f64_key(obj, "low_freq_factor", None)?,
            high_freq_factor: f64_key(obj, "high_freq_factor", None)?,
            original_max_position_embeddings: f64_key(
                obj,
                "original_max_position_embeddings",
                None,
            )?,
        },
        other => {
            return Err(Error::Unsupported {
                what: format!("rope_type {other:?} (supported: default, linear, llama3)"),
            })
        }
    };
    Ok((scaling, theta))
}

impl Config {
    /// Parses a Hugging Face `config.json`.
    pub fn from_hf_json(text: &str) -> Result<Self> {
        let c: HfConfig = serde_json::from_str(text)?;
        let architecture = match c.model_type.as_deref() {
            Some("llama") => Architecture::Llama,
            Some("qwen2") => Architecture::Qwen2,
            Some(other) => return Err(Error::UnsupportedModelType(other.to_string())),
            None => return Err(Error::InvalidConfig("missing key \"model_type\"".into())),
        };
        if let Some(act) = c.hidden_act.as_deref() {
            if act != "silu" {
                return Err(Error::Unsupported {
                    what: format!("hidden_act {act:?} (supported: silu)"),
                });
            }
        }
        if c.use_sliding_window == Some(true) {
            return Err(Error::Unsupported {
                what: "use_sliding_window = true".into(),
            });
        }
        if c.quantization_config.is_some() {
            return Err(Error::Unsupported {
                what: "quantization_config (pre-quantized safetensors)".into(),
            });
        }
        // rope_parameters (transformers 5) wins over the classic keys when both are present.
        let (rope_scaling, theta_inner) = match (&c.rope_parameters, &c.rope_scaling) {
            (Some(p), _) if !p.is_null() => parse_rope(p)?,
            (_, Some(s)) => parse_rope(s)?,
            _ => (RopeScaling::None, None),
        };
        let rope_theta = theta_inner.or(c.rope_theta).unwrap_or(10_000.0);
        let heads = required(c.num_attention_heads, "num_attention_heads")?;
        let hidden = required(c.hidden_size, "hidden_size")?;
        let head_dim = match c.head_dim {
            Some(d) => d,
            None if hidden % heads == 0 => hidden / heads,
            None => {
                return Err(Error::InvalidConfig(format!(
                    "hidden_size {hidden} is not divisible by num_attention_heads {heads}"
                )))
            }
        };
        let attention_bias = c.attention_bias.unwrap_or(false);
        let cfg = Config {
            architecture,
            vocab_size: required(c.vocab_size, "vocab_size")?,
            hidden_size: hidden,
            intermediate_size: required(c.intermediate_size, "intermediate_size")?,
            num_hidden_layers: required(c.num_hidden_layers, "num_hidden_layers")?,
            num_attention_heads: heads,
            num_key_value_heads: c.num_key_value_heads.unwrap_or(heads),
            head_dim,
            rms_norm_eps: c.rms_norm_eps.unwrap_or(1e-6),
            rope_theta,
            rope_scaling,
            max_position_embeddings: required(
                c.max_position_embeddings,
                "max_position_embeddings",
            )?,
            tie_word_embeddings: c.tie_word_embeddings.unwrap_or(false),
            qkv_bias: architecture == Architecture::Qwen2 || attention_bias,
            o_bias: architecture == Architecture::Llama && attention_bias,
            mlp_bias: c.mlp_bias.unwrap_or(false),
            bos_token_id: token_ids(&c.bos_token_id, "bos_token_id")?.first().copied(),
            eos_token_ids: token_ids(&c.eos_token_id, "eos_token_id")?,
        };
        cfg.validate()?;
        Ok(cfg)
    }

    pub fn validate(&self) -> Result<()> {
        // Bounds far above any real checkpoint keep every shape product small enough to be exact.
        for (v, key, max) in [
            (self.vocab_size, "vocab_size", 1usize << 24),
            (self.hidden_size, "hidden_size", 1 << 17),
            (self.intermediate_size, "intermediate_size", 1 << 19),
            (self.num_hidden_layers, "num_hidden_layers", 1 << 12),
            (self.num_attention_heads, "num_attention_heads", 1 << 12),
            (self.num_key_value_heads, "num_key_value_heads", 1 << 12),
            (self.head_dim, "head_dim", 1 << 12),
            (
                self.max_position_embeddings,
                "max_position_embeddings",
                1 << 24,
            ),
        ] {
            if v == 0 || v > max {
                return Err(Error::InvalidConfig(format!(
                    "{key} = {v} is outside 1..={max}"
                )));
            }
        }
        match &self.rope_scaling {
            RopeScaling::None => {}
            RopeScaling::Linear { factor } if factor.is_finite() && *factor > 0.0 => {}
            RopeScaling::Llama3 {
                factor,
                low_freq_factor,
                high_freq_factor,
                original_max_position_embeddings,
            } if [
                *factor,
                *low_freq_factor,
                *high_freq_factor,
                *original_max_position_embeddings,
            ]
            .iter()
            .all(|v| v.is_finite() && *v > 0.0)
                && high_freq_factor > low_freq_factor => {}
            RopeScaling::Factors(f) if f.iter().all(|v| v.is_finite() && *v > 0.0) => {}
            other => {
                return Err(Error::InvalidConfig(format!(
                    "invalid rope scaling {other:?}"
                )))
            }
        }
        if self.num_key_value_heads == 0
            || !self
                .num_attention_heads
                .is_multiple_of(self.num_key_value_heads)
        {
            return Err(Error::InvalidConfig(format!(
                "num_attention_heads {} is not a multiple of num_key_value_heads {}",
                self.num_attention_heads, self.num_key_value_heads
            )));
        }
        if self.head_dim == 0 || !self.head_dim.is_multiple_of(2) {
            return Err(Error::InvalidConfig(format!(
                "head_dim {} must be even and > 0",
                self.head_dim
            )));
        }
        if let RopeScaling::Factors(f) = &self.rope_scaling {
            if f.len() != self.head_dim / 2 {
                return Err(Error::InvalidConfig(format!(
                    "{} rope frequency factors for head_dim {}",
                    f.len(),
                    self.head_dim
                )));
            }
        }
        if !(self.rms_norm_eps > 0.0 && self.rope_theta > 0.0 && self.rope_theta.is_finite()) {
            return Err(Error::InvalidConfig(
                "rms_norm_eps and rope_theta must be > 0".into(),
            ));
        }
        Ok(())
    }

    /// Shapes of real checkpoints, for benchmarks with random weights.
    pub fn preset(name: &str) -> Option<Self> {
        let base = |arch, vocab, hidden, inter, layers, heads, kv, theta: f64, ctx, tied| Config {
            architecture: arch,
            vocab_size: vocab,
            hidden_size: hidden,
            intermediate_size: inter,
            num_hidden_layers: layers,
            num_attention_heads: heads,
            num_key_value_heads: kv,
            head_dim: hidden / heads,
            rms_norm_eps: if arch == Architecture::Llama {
                1e-5
            } else {
                1e-6
            },
            rope_theta: theta,
            rope_scaling: RopeScaling::None,
            max_position_embeddings: ctx,
            tie_word_embeddings: tied,
            qkv_bias: arch == Architecture::Qwen2,
            o_bias: false,
            mlp_bias: false,
            bos_token_id: None,
            eos_token_ids: vec![0],
        };
        match name {
            "smollm2-135m" => Some(base(
                Architecture::Llama,
                49152,
                576,
                1536,
                30,
                9,
                3,
                100_000.0,
                8192,
                true,
            )),
            "qwen2.5-0.5b" => Some(base(
                Architecture::Qwen2,
                151_936,
                896,
                4864,
                24,
                14,
                2,
                1_000_000.0,
                32768,
                true,
            )),
            _ => None,
        }
    }

    /// Inverse rotary frequencies, one per pair of head dimensions, as transformers computes
    /// them (f32), with the configured scaling applied.
    pub fn rope_inv_freq(&self) -> Vec<f32> {
        let d = self.head_dim;
        let base = self.rope_theta as f32;
        (0..d / 2)
            .map(|i| {
                let inv = 1.0f32 / base.powf((2 * i) as f32 / d as f32);
                match &self.rope_scaling {
                    RopeScaling::None => inv,
                    RopeScaling::Linear { factor } => inv / *factor as f32,
                    RopeScaling::Factors(f) => inv / f[i],
                    RopeScaling::Llama3 {
                        factor,
                        low_freq_factor,
                        high_freq_factor,
                        original_max_position_embeddings: old,
                    } => {
                        let (factor, lo, hi, old) = (
                            *factor as f32,
                            *low_freq_factor as f32,
                            *high_freq_factor as f32,
                            *old as f32,
                        );
                        let wavelen = 2.0 * std::f32::consts::PI / inv;
                        if wavelen > old / lo {
                            inv / factor
                        } else if wavelen < old / hi {
                            inv
                        } else {
                            let smooth = (old / wavelen - lo) / (hi - lo);
                            (1.0 - smooth) * inv / factor + smooth * inv
                        }
                    }
                }
            })
            .collect()
    }
}
