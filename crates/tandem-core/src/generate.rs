//! The bookkeeping of a generation, apart from the model: stop tokens and strings, a token budget,
//! streaming with held-back text, and each token's logprob and entropy (taken from the model's
//! own distribution, before temperature/top-k/top-p, so they measure the model's uncertainty
//! whatever the sampling settings). The one loop that drives a model with it is the local
//! engine's (tandem-engine).
use crate::sampling::{logprob_and_entropy, Sampler, SamplingParams};
use crate::tokenizer::Tokenizer;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
pub struct GenerateParams {
    pub max_new_tokens: usize,
    pub sampling: SamplingParams,
    /// Generation stops after producing one of these (it is kept in `ids`, not in `text`).
    pub stop_token_ids: Vec<u32>,
    /// Generation stops when the text contains one of these; the text is cut before it.
    pub stop_strings: Vec<String>,
}

impl Default for GenerateParams {
    fn default() -> Self {
        Self {
            max_new_tokens: 64,
            sampling: SamplingParams::default(),
            stop_token_ids: Vec::new(),
            stop_strings: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FinishReason {
    /// `max_new_tokens` reached.
    Length,
    StopToken,
    StopString,
    /// The model's context is full.
    ContextFull,
    /// The streaming callback asked to stop.
    Cancelled,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Generation {
    pub ids: Vec<u32>,
    pub text: String,
    pub logprobs: Vec<f32>,
    pub entropies: Vec<f32>,
    pub finish_reason: FinishReason,
}

/// What the streaming callback sees for each generated token.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenEvent<'a> {
    pub id: u32,
    /// New text that is final (held back while it may still become a stop string or while a
    /// multi-byte character is incomplete).
    pub text: &'a str,
    pub logprob: f32,
    pub entropy: f32,
}

/// Longest suffix of `text` that is a proper prefix of some stop string.
fn held_back(text: &str, stops: &[String]) -> usize {
    let mut hold = 0;
    for s in stops {
        for (i, _) in s.char_indices().skip(1) {
            if i > hold && text.ends_with(&s[..i]) {
                hold = i;
            }
        }
    }
    hold
}

/// The bookkeeping of one generation, apart from the model: sampling, stop tokens and strings,
/// the token budget, streaming with held-back text. It owns what it needs, so the engine's
/// step-by-step loop keeps it between calls.
pub struct Generator {
    tokenizer: Option<Tokenizer>,
    params: GenerateParams,
    sampler: Sampler,
    context: Vec<u32>,
    out: Generation,
    streamed: String,
    max_ctx: usize,
}

impl Generator {
    pub fn new(
        tokenizer: Option<Tokenizer>,
        prompt: &[u32],
        params: GenerateParams,
        max_ctx: usize,
    ) -> Result<Self> {
        if params.stop_strings.iter().any(String::is_empty) {
            return Err(Error::InvalidParams("a stop string cannot be empty".into()));
        }
        if !params.stop_strings.is_empty() && tokenizer.is_none() {
            return Err(Error::InvalidParams("stop strings need a tokenizer".into()));
        }
        let sampler = Sampler::new(params.sampling.clone())?;
        Ok(Self {
            tokenizer,
            params,
            sampler,
            context: prompt.to_vec(),
            out: Generation {
                ids: Vec::new(),
                text: String::new(),
                logprobs: Vec::new(),
                entropies: Vec::new(),
                finish_reason: FinishReason::Length,
            },
            streamed: String::new(),
            max_ctx,
        })
    }

    /// True when the next token is simply the arg-max of the logits (no randomness, no
    /// penalty): a GPU engine can then pick it on the device.
    pub fn is_greedy(&self) -> bool {
        let s = self.sampler.params();
        s.temperature <= 0.0 && s.repetition_penalty == 1.0
    }

    /// The next token from `logits`, with its logprob and the entropy of the distribution.
    pub fn sample(&mut self, logits: &[f32]) -> (u32, f32, f32) {
        let id = self.sampler.sample(logits, &self.context);
        let (lp, ent) = logprob_and_entropy(logits, id);
        (id, lp, ent)
    }

    /// Records token `id` (`cache_len`: tokens in the KV cache before it) and streams its final
    /// text; returns why generation ends, if it does.
    pub fn push(
        &mut self,
        id: u32,
        lp: f32,
        ent: f32,
        cache_len: usize,
        on_token: &mut dyn FnMut(&TokenEvent) -> bool,
    ) -> Result<Option<FinishReason>> {
        let params = &self.params;
        let out = &mut self.out;
        out.ids.push(id);
        out.logprobs.push(lp);
        out.entropies.push(ent);
        self.context.push(id);

        let mut finish = None;
        if params.stop_token_ids.contains(&id) {
            finish = Some(FinishReason::StopToken);
        }
        // How much of the text is final: everything at the end, else all but an incomplete
        // character (decoders show pending bytes as U+FFFD, one per byte with byte fallback) and
        // a tail that could still become a stop string.
        let mut end = 0;
        if let Some(tok) = &self.tokenizer {
            let full = tok.decode(&out.ids, true)?;
            match params
                .stop_strings
                .iter()
                .filter_map(|s| full.find(s.as_str()))
                .min()
            {
                Some(cut) => {
                    out.text = full[..cut].to_string();
                    finish = Some(FinishReason::StopString);
                }
                None => out.text = full,
            }
        }
        if finish.is_none() && out.ids.len() >= params.max_new_tokens {
            finish = Some(FinishReason::Length);
        }
        if finish.is_none() && cache_len + 1 > self.max_ctx {
            finish = Some(FinishReason::ContextFull);
        }
        if self.tokenizer.is_some() {
            end = if finish.is_some() {
                out.text.len()
            } else {
                let t = out.text.trim_end_matches('\u{FFFD}');
                t.len() - held_back(t, &params.stop_strings)
            };
        }
        // Streamed text only ever grows; if decoding rewrote what was already sent, wait.
        let now = &out.text[..end];
        let text = now.strip_prefix(self.streamed.as_str()).unwrap_or_default();
        let go_on = on_token(&TokenEvent {
            id,
            text,
            logprob: lp,
            entropy: ent,
        });
        self.streamed.push_str(text);
        if finish.is_none() && !go_on {
            finish = Some(FinishReason::Cancelled);
        }
        Ok(finish)
    }

    /// Prompt and generated ids so far: what a fresh engine must prefill to carry on.
    pub fn context(&self) -> &[u32] {
        &self.context
    }

    /// What has been generated so far.
    pub fn output(&self) -> &Generation {
        &self.out
    }

    pub fn finish(mut self, reason: FinishReason) -> Generation {
        self.out.finish_reason = reason;
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::held_back;

    #[test]
    fn holds_back_partial_stop_strings() {
        let stops = vec!["</end>".to_string(), "STOP".to_string()];
        assert_eq!(held_back("hello </e", &stops), 3);
        assert_eq!(held_back("hello ST", &stops), 2);
        assert_eq!(held_back("hello", &stops), 0);
    }
}
