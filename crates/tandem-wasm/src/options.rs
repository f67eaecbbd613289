//! The JS-side option objects, as serde types (deserialized with serde-wasm-bindgen). Unknown
//! keys are refused so a typo is an error, not a silently ignored setting.
use serde::Deserialize;
use tandem_core::{ChatMessage, Limits, Request, RequestParams};
use tandem_engine::{BackendChoice, EngineOptions, GpuOptions, ModelOptions};

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
            // In a browser the wasm CPU engine is no faster than a CPU adapter (SwiftShader).
            allow_cpu_adapter: true,
            gpu,
            model,
        })
    }
}

/// Tokens generated when the request names no budget.
pub const DEFAULT_MAX_TOKENS: usize = 256;

/// A generation's parameters, in OpenAI's names, validated by tandem-core (the server's
/// validation: one set of rules and defaults). `keys` are the object's keys as JS gave them: an
/// unknown one is refused, so a typo is an error rather than a silently ignored setting.
pub fn to_request(params: &RequestParams, keys: &[String]) -> Result<Request, Failure> {
    if let Some(k) = keys
        .iter()
        .find(|k| !RequestParams::KEYS.contains(&k.as_str()))
    {
        return Err(Failure::new(
            "invalid_request",
            format!(
                "unknown generation parameter {k:?} (known: {})",
                RequestParams::KEYS.join(", ")
            ),
        ));
    }
    // No cap beyond the context: a generation that fills it ends as `context_full` (the
    // server's cap is its operator's choice).
    let limits = Limits {
        default_max_tokens: DEFAULT_MAX_TOKENS,
        max_tokens: usize::MAX,
    };
    params.validate(&limits).map_err(Failure::from)
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
    fn params_take_openai_defaults_and_refuse_unknown_keys() {
        let r = to_request(&RequestParams::default(), &[]).unwrap();
        assert_eq!(r.params.sampling.temperature, 1.0);
        assert_eq!(r.params.max_new_tokens, DEFAULT_MAX_TOKENS);
        let bad = RequestParams {
            temperature: Some(-1.0),
            ..Default::default()
        };
        let e = to_request(&bad, &["temperature".into()]).unwrap_err();
        assert_eq!(e.kind, "invalid_request");
        let typo = to_request(&RequestParams::default(), &["temprature".into()]);
        assert_eq!(typo.unwrap_err().kind, "invalid_request");
        let zero = RequestParams {
            max_tokens: Some(0),
            ..Default::default()
        };
        assert_eq!(to_request(&zero, &[]).unwrap_err().kind, "invalid_request");
        // No cap but the context: a long budget ends as `context_full`, not as an error.
        let long = RequestParams {
            max_tokens: Some(1 << 40),
            ..Default::default()
        };
        assert!(to_request(&long, &[]).is_ok());
    }
}
