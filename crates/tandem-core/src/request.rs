//! One validation of a generation request's parameters, in OpenAI's names and with OpenAI's
//! defaults (temperature 1, a fresh seed, no logprobs), shared by the server and the browser
//! engine; the TypeScript package only checks shapes. Tandem's extensions (`top_k`,
//! `repetition_penalty`, `stop_token_ids`, `ignore_eos`) sit beside them.
use serde::Deserialize;

use crate::generate::GenerateParams;
use crate::sampling::{fresh_seed, SamplingParams};
use crate::{Error, Result};

/// OpenAI allows up to 4 stop sequences.
pub const MAX_STOP: usize = 4;
/// OpenAI's largest `top_logprobs`.
pub const MAX_TOP_LOGPROBS: usize = 20;

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct RequestParams {
    pub max_tokens: Option<u64>,
    /// OpenAI's newer name for `max_tokens` (wins when both are given).
    pub max_completion_tokens: Option<u64>,
    pub temperature: Option<f32>,
    pub top_p: Option<f32>,
    pub top_k: Option<u64>,
    pub repetition_penalty: Option<f32>,
    pub seed: Option<u64>,
    pub stop: Option<Stop>,
    pub stop_token_ids: Option<Vec<u32>>,
    pub ignore_eos: Option<bool>,
    pub logprobs: Option<bool>,
    pub top_logprobs: Option<u64>,
    pub n: Option<u64>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Stop {
    One(String),
    Many(Vec<String>),
}

/// What the caller allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Tokens generated when the request names no budget.
    pub default_max_tokens: usize,
    /// The largest budget a request may ask for.
    pub max_tokens: usize,
}

/// A validated request: the generation's parameters (stop ids: the request's own, see
/// [`crate::TextSide::stop_ids`] for the full set) and what the caller reports per token.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub params: GenerateParams,
    pub ignore_eos: bool,
    /// Alternatives reported per token: `Some(k)` when `logprobs` is on (k may be 0).
    pub top_logprobs: Option<usize>,
}

impl RequestParams {
    /// Every key a request may hold (the browser binding refuses others, so a typo is an
    /// error rather than a silently ignored setting).
    pub const KEYS: &'static [&'static str] = &[
        "max_tokens",
        "max_completion_tokens",
        "temperature",
        "top_p",
        "top_k",
        "repetition_penalty",
        "seed",
        "stop",
        "stop_token_ids",
        "ignore_eos",
        "logprobs",
        "top_logprobs",
        "n",
    ];

    pub fn validate(&self, limits: &Limits) -> Result<Request> {
        let bad = |param: &'static str, m: &str| Error::invalid_request(param, m);
        if self.n.is_some_and(|n| n != 1) {
            return Err(bad("n", "only n = 1 is supported"));
        }
        let max_new_tokens = match self.max_completion_tokens.or(self.max_tokens) {
            None => limits.default_max_tokens.min(limits.max_tokens),
            Some(0) => return Err(bad("max_tokens", "max_tokens must be at least 1")),
            Some(n) if n > limits.max_tokens as u64 => {
                return Err(bad(
                    "max_tokens",
                    &format!("max_tokens {n} is over the limit of {}", limits.max_tokens),
                ))
            }
            Some(n) => n as usize,
        };
        let temperature = self.temperature.unwrap_or(1.0);
        if !(temperature.is_finite() && (0.0..=2.0).contains(&temperature)) {
            return Err(bad("temperature", "temperature must be in [0, 2]"));
        }
        if let Some(p) = self.top_p {
            if !(p > 0.0 && p <= 1.0) {
                return Err(bad("top_p", "top_p must be in (0, 1]"));
            }
        }
        let repetition_penalty = self.repetition_penalty.unwrap_or(1.0);
        if !(repetition_penalty.is_finite() && repetition_penalty > 0.0) {
            return Err(bad(
                "repetition_penalty",
                "repetition_penalty must be finite and > 0",
            ));
        }
        let stop = match &self.stop {
            None => Vec::new(),
            Some(Stop::One(s)) => vec![s.clone()],
            Some(Stop::Many(v)) => v.clone(),
        };
        if stop.len() > MAX_STOP || stop.iter().any(String::is_empty) {
            return Err(bad(
                "stop",
                &format!("at most {MAX_STOP} non-empty stop sequences"),
            ));
        }
        let top_logprobs = match (self.logprobs.unwrap_or(false), self.top_logprobs) {
            (_, Some(k)) if k > MAX_TOP_LOGPROBS as u64 => {
                return Err(bad(
                    "top_logprobs",
                    &format!("top_logprobs must be from 0 to {MAX_TOP_LOGPROBS}"),
                ))
            }
            (false, Some(k)) if k > 0 => {
                return Err(bad("top_logprobs", "top_logprobs needs logprobs: true"))
            }
            (true, k) => Some(k.unwrap_or(0) as usize),
            (false, _) => None,
        };
        let params = GenerateParams {
            max_new_tokens,
            sampling: SamplingParams {
                temperature,
                top_p: self.top_p,
                top_k: self.top_k.map(|k| k as usize).filter(|&k| k > 0),
                repetition_penalty,
                // Without a seed, every request samples afresh (as OpenAI's API does).
                seed: self.seed.unwrap_or_else(fresh_seed),
            },
            stop_token_ids: self.stop_token_ids.clone().unwrap_or_default(),
            stop_strings: stop,
        };
        Ok(Request {
            params,
            ignore_eos: self.ignore_eos.unwrap_or(false),
            top_logprobs,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const L: Limits = Limits {
        default_max_tokens: 256,
        max_tokens: 1024,
    };

    fn param_of(r: Result<Request>) -> &'static str {
        r.unwrap_err().param().unwrap_or("?")
    }

    #[test]
    fn openai_defaults() {
        let r = RequestParams::default().validate(&L).unwrap();
        assert_eq!(r.params.sampling.temperature, 1.0);
        assert_eq!(r.params.max_new_tokens, 256);
        assert_eq!(r.top_logprobs, None);
        assert!(!r.ignore_eos);
        // Unseeded requests differ.
        let again = RequestParams::default().validate(&L).unwrap();
        assert_ne!(r.params.sampling.seed, again.params.sampling.seed);
    }

    #[test]
    fn ranges_name_their_parameter() {
        let p = |f: fn(&mut RequestParams)| {
            let mut r = RequestParams::default();
            f(&mut r);
            param_of(r.validate(&L))
        };
        assert_eq!(p(|r| r.temperature = Some(f32::NAN)), "temperature");
        assert_eq!(p(|r| r.temperature = Some(2.5)), "temperature");
        assert_eq!(p(|r| r.top_p = Some(0.0)), "top_p");
        assert_eq!(p(|r| r.max_tokens = Some(0)), "max_tokens");
        assert_eq!(p(|r| r.max_completion_tokens = Some(5000)), "max_tokens");
        assert_eq!(p(|r| r.n = Some(2)), "n");
        assert_eq!(
            p(|r| r.repetition_penalty = Some(f32::INFINITY)),
            "repetition_penalty"
        );
        assert_eq!(p(|r| r.stop = Some(Stop::One(String::new()))), "stop");
        assert_eq!(
            p(|r| r.stop = Some(Stop::Many(vec!["a".into(); 5]))),
            "stop"
        );
        assert_eq!(p(|r| r.top_logprobs = Some(2)), "top_logprobs");
        assert_eq!(
            p(|r| {
                r.logprobs = Some(true);
                r.top_logprobs = Some(21)
            }),
            "top_logprobs"
        );
    }

    #[test]
    fn logprobs_and_aliases() {
        let r = RequestParams {
            logprobs: Some(true),
            top_logprobs: Some(3),
            max_tokens: Some(9),
            max_completion_tokens: Some(7),
            top_k: Some(0),
            ..Default::default()
        }
        .validate(&L)
        .unwrap();
        assert_eq!(r.top_logprobs, Some(3));
        assert_eq!(r.params.max_new_tokens, 7);
        assert_eq!(r.params.sampling.top_k, None);
    }
}
