//! The server LLM as every collaboration command sees it: a model path run here (a second engine
//! on the CPU) or an OpenAI-compatible base URL. It answers whole chat completions (`eval`'s
//! always-server side, `router fit`'s labels) and judges drafts through `/v1/verify`'s contract
//! (speculative decoding, token-level deferral, logit fusion's top-k).
use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};
use tandem_core::{ChatMessage, DraftDist, VerifyParams};
use tandem_engine::Engine;

use super::server_client::{is_url, HttpServer};
use crate::Backend;

/// The target's answer to one draft.
pub struct Verified {
    pub accepted: usize,
    pub correction: u32,
    /// A URL target's own time for the verify (its `server_ms`): the rest of the wall time is
    /// the network's round trip.
    pub server_ms: Option<f64>,
    /// With `top_k` > 0: its most likely tokens `(id, logprob)` before each draft token and
    /// after the whole draft (draft + 1 rows).
    pub top: Vec<Vec<(u32, f32)>>,
}

/// A whole answer.
pub struct Completion {
    pub text: String,
    /// Tokens generated, when known.
    pub tokens: Option<usize>,
}

pub enum Target {
    /// A model run here; `rtt` is slept before each verify (a simulated network).
    Local {
        engine: Box<Engine>,
        rtt: Duration,
    },
    Remote(Box<HttpServer>),
}

/// How to reach a URL target.
pub struct Remote<'a> {
    pub model: Option<String>,
    pub api_key: Option<String>,
    pub timeout: Duration,
    /// The flag that named the target, for errors.
    pub flag: &'a str,
}

impl Target {
    /// A base URL (checked by `GET {base}/models`) or a model path loaded on `backend`.
    pub fn open(spec: &str, backend: Backend, remote: Remote<'_>) -> Result<Target> {
        if is_url(spec) {
            let key = remote
                .api_key
                .or_else(|| std::env::var("TANDEM_API_KEY").ok());
            let h = HttpServer::connect(spec, remote.model, key, remote.timeout)?;
            return Ok(Target::Remote(Box::new(h)));
        }
        let engine = crate::load(Path::new(spec), backend).context(remote.flag.to_string())?;
        Ok(Target::Local {
            engine: Box::new(engine),
            rtt: Duration::ZERO,
        })
    }

    /// The model name used at a URL.
    pub fn model(&self) -> Option<&str> {
        match self {
            Target::Remote(h) => Some(h.model()),
            Target::Local { .. } => None,
        }
    }

    /// Refuses a model-path target whose vocabulary differs from the drafter's (a URL's is
    /// checked by its own verifier: ids out of its vocabulary are a 400). `names`: the flags of
    /// the drafter and the target, for the message.
    pub fn check_vocab(&self, drafter: &Engine, names: (&str, &str)) -> Result<()> {
        if let Target::Local { engine, .. } = self {
            if engine.config().vocab_size != drafter.config().vocab_size {
                bail!(
                    "the {} model's vocabulary ({}) is not the {} model's ({}): they must share a tokenizer",
                    names.0,
                    drafter.config().vocab_size,
                    names.1,
                    engine.config().vocab_size
                );
            }
        }
        Ok(())
    }

    /// The longest context both sides take (a URL's is not known: the drafter's).
    pub fn max_context(&self, drafter: &Engine) -> usize {
        match self {
            Target::Local { engine, .. } => engine.max_context().min(drafter.max_context()),
            Target::Remote(_) => drafter.max_context(),
        }
    }

    /// One greedy chat completion of at most `max_tokens`.
    pub fn complete(&mut self, messages: &[ChatMessage], max_tokens: usize) -> Result<Completion> {
        match self {
            Target::Remote(h) => {
                let c = h.complete(messages, max_tokens)?;
                Ok(Completion {
                    text: c.text,
                    tokens: c.tokens,
                })
            }
            Target::Local { engine, .. } => {
                let g = super::runner::generate(engine, messages, max_tokens, false)?;
                Ok(Completion {
                    tokens: Some(g.logprobs.len()),
                    text: g.text,
                })
            }
        }
    }

    /// Judges `draft` after `context` (`/v1/verify`), listing `top_k` alternatives per position
    /// when asked.
    pub fn verify(
        &mut self,
        context: &[u32],
        draft: &[u32],
        dists: Option<&[DraftDist]>,
        params: &VerifyParams,
        top_k: usize,
    ) -> Result<Verified> {
        match self {
            Target::Local { engine, rtt } => {
                if !rtt.is_zero() {
                    std::thread::sleep(*rtt);
                }
                let v =
                    pollster::block_on(engine.verify_top(context, draft, params, dists, top_k))?;
                Ok(Verified {
                    accepted: v.accepted,
                    correction: v.correction,
                    server_ms: None,
                    top: v
                        .top
                        .iter()
                        .map(|row| row.iter().map(|t| t.pair()).collect())
                        .collect(),
                })
            }
            Target::Remote(server) => {
                let mut body = json!({
                    "prompt_ids": context,
                    "draft_ids": draft,
                    "temperature": params.temperature,
                    "seed": params.seed,
                });
                if let Some(q) = dists {
                    body["draft_dists"] = json!(q);
                }
                if top_k > 0 {
                    body["top_logprobs"] = json!(top_k);
                }
                let v = server.verify(body)?;
                read_verdict(&v, draft.len(), top_k)
            }
        }
    }
}

/// A `/v1/verify` answer, checked against what was sent.
fn read_verdict(v: &Value, draft_len: usize, top_k: usize) -> Result<Verified> {
    let accepted = v["accepted"]
        .as_u64()
        .context("the verify answer has no `accepted`")? as usize;
    let correction = v["correction"]
        .as_u64()
        .and_then(|c| u32::try_from(c).ok())
        .context("the verify answer has no `correction` token id")?;
    if accepted > draft_len {
        bail!("the target accepted {accepted} of {draft_len} draft tokens");
    }
    let top = if top_k == 0 {
        Vec::new()
    } else {
        let Some(rows) = v.get("top_logprobs").filter(|r| !r.is_null()) else {
            bail!(
                "the verify answer has no `top_logprobs` (is the target a tandem-server with an \
                 embedded model?)"
            );
        };
        let rows: Vec<Vec<(u32, f32)>> = serde_json::from_value(rows.clone())
            .context("the verify answer's `top_logprobs` are not rows of [token_id, logprob]")?;
        if rows.len() != draft_len + 1 {
            bail!(
                "the verify answer lists {} rows of alternatives for a draft of {draft_len} (expected {})",
                rows.len(),
                draft_len + 1
            );
        }
        rows
    };
    Ok(Verified {
        accepted,
        correction,
        server_ms: v["server_ms"]
            .as_f64()
            .filter(|x| x.is_finite() && *x >= 0.0),
        top,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_are_checked_against_the_draft() {
        let ok = json!({"accepted": 1, "correction": 7, "server_ms": 2.5,
                        "top_logprobs": [[[7, -0.1]], [[3, -0.2], [7, -1.0]], [[1, -0.5]]]});
        let v = read_verdict(&ok, 2, 2).unwrap();
        assert_eq!((v.accepted, v.correction, v.top.len()), (1, 7, 3));
        assert_eq!(v.top[1], vec![(3, -0.2), (7, -1.0)]);
        assert!(read_verdict(&ok, 3, 2).is_err(), "3 rows for a draft of 3");
        assert!(read_verdict(&json!({"accepted": 3, "correction": 1}), 2, 0).is_err());
        assert!(read_verdict(&json!({"accepted": 0, "correction": -1}), 2, 0).is_err());
        let missing = read_verdict(&json!({"accepted": 0, "correction": 5}), 2, 1);
        assert!(format!("{:#}", missing.err().unwrap()).contains("has no `top_logprobs`"));
        for bad in [
            json!([[[1, null]], [], []]),
            json!([[[1, -0.5, 3]], [], []]),
            json!([[[-1, -0.5]], [], []]),
            json!([[1, -0.5], [], []]),
            json!("rows"),
        ] {
            let v = json!({"accepted": 0, "correction": 5, "top_logprobs": bad});
            let e = read_verdict(&v, 2, 1).err().unwrap();
            assert!(format!("{e:#}").contains("are not rows"), "{bad}: {e:#}");
        }
        let none = read_verdict(&json!({"accepted": 0, "correction": 5}), 2, 0).unwrap();
        assert!(none.top.is_empty() && none.server_ms.is_none());
    }
}
