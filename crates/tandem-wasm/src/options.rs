//! The JS-side option objects, as serde types (deserialized with serde-wasm-bindgen). Unknown
//! keys are refused so a typo is an error, not a silently ignored setting.
use serde::Deserialize;
use tandem_core::{ChatMessage, GenerateParams, SamplingParams};
use tandem_gpu::{BackendChoice, EngineOptions, GpuOptions, ModelOptions};

use crate::errors::Failure;

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct JsEngineOptions {
    /// "auto" (default), "webgpu" or "cpu".
    pub backend: Option<String>,
    /// KV cache capacity in tokens on the GPU (default 4096, capped by the model).
    pub max_context: Option<usize>,
    /// Tokens per prefill submit on the GPU (default 128).
    pub prefill_chunk: Option<usize>,
    /// Use subgroup / f16 shader variants when the adapter has them (default true).
    pub allow_subgroups: Option<bool>,
    pub allow_f16: Option<bool>,
}

impl JsEngineOptions {
    pub fn to_engine(&self) -> Result<EngineOptions, Failure> {
        let backend = match self.backend.as_deref().unwrap_or("auto") {
            "auto" => BackendChoice::Auto,
            "webgpu" | "gpu" => BackendChoice::Gpu,
            "cpu" => BackendChoice::Cpu,
            other => {
                return Err(Failure::new(
                    "invalid_options",
                    format!("backend {other:?}: expected \"auto\", \"webgpu\" or \"cpu\""),
                ))
            }
        };
        let mut model = ModelOptions::default();
        if let Some(n) = self.max_context {
            if n == 0 {
                return Err(Failure::new("invalid_options", "maxContext must be > 0"));
            }
            model.max_context = n;
        }
        if let Some(n) = self.prefill_chunk {
            if n == 0 {
                return Err(Failure::new("invalid_options", "prefillChunk must be > 0"));
            }
            model.prefill_chunk = n;
        }
        let gpu = GpuOptions {
            allow_subgroups: self.allow_subgroups.unwrap_or(true),
            allow_f16: self.allow_f16.unwrap_or(true),
            ..GpuOptions::default()
        };
        Ok(EngineOptions {
            backend,
            gpu,
            model,
        })
    }
}

/// One generation's parameters (the package maps OpenAI's names onto these).
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct JsGenerateParams {
    pub max_tokens: Option<usize>,
    pub temperature: Option<f32>,
    pub top_p: Option<f32>,
    pub top_k: Option<usize>,
    pub repetition_penalty: Option<f32>,
    pub seed: Option<u64>,
    #[serde(default)]
    pub stop: Vec<String>,
    #[serde(default)]
    pub stop_token_ids: Vec<u32>,
    /// Do not stop at the model's end-of-sequence ids.
    #[serde(default)]
    pub ignore_eos: bool,
}

/// Tokens generated when the request names no budget.
pub const DEFAULT_MAX_TOKENS: usize = 256;

impl JsGenerateParams {
    pub fn to_params(&self) -> Result<GenerateParams, Failure> {
        let sampling = SamplingParams {
            temperature: self.temperature.unwrap_or(0.0),
            top_k: self.top_k.filter(|&k| k > 0),
            top_p: self.top_p,
            repetition_penalty: self.repetition_penalty.unwrap_or(1.0),
            seed: self.seed.unwrap_or_else(tandem_core::sampling::fresh_seed),
        };
        sampling.validate()?;
        let max_new_tokens = self.max_tokens.unwrap_or(DEFAULT_MAX_TOKENS);
        if max_new_tokens == 0 {
            return Err(Failure::new("invalid_request", "max_tokens must be > 0"));
        }
        Ok(GenerateParams {
            max_new_tokens,
            sampling,
            stop_token_ids: self.stop_token_ids.clone(),
            stop_strings: self.stop.clone(),
        })
    }
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct JsMessage {
    pub role: String,
    pub content: String,
}

pub fn to_messages(m: &[JsMessage]) -> Vec<ChatMessage> {
    m.iter()
        .map(|m| ChatMessage::new(&m.role, &m.content))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_names() {
        let o = JsEngineOptions {
            backend: Some("cpu".into()),
            ..Default::default()
        };
        assert_eq!(o.to_engine().unwrap().backend, BackendChoice::Cpu);
        let bad = JsEngineOptions {
            backend: Some("tpu".into()),
            ..Default::default()
        };
        assert_eq!(bad.to_engine().unwrap_err().kind, "invalid_options");
    }

    #[test]
    fn params_default_greedy_and_validate() {
        let p = JsGenerateParams::default().to_params().unwrap();
        assert_eq!(p.sampling.temperature, 0.0);
        assert_eq!(p.max_new_tokens, DEFAULT_MAX_TOKENS);
        let bad = JsGenerateParams {
            temperature: Some(-1.0),
            ..Default::default()
        };
        assert_eq!(bad.to_params().unwrap_err().kind, "invalid_request");
        let zero = JsGenerateParams {
            max_tokens: Some(0),
            ..Default::default()
        };
        assert_eq!(zero.to_params().unwrap_err().kind, "invalid_request");
    }
}
