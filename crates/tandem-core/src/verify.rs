//! The speculative-decoding verifier: given a prompt and a draft (token ids proposed by a small
//! model), one forward pass over prompt + draft gives this model's distribution at every draft
//! position. Greedy: the accepted prefix is the longest one equal to this model's own arg-max
//! continuation, and the correction is the arg-max after it — so drafting + verifying yields
//! exactly this model's greedy output. With a temperature, each draft token is accepted with
//! its probability under this model (the drafter is treated as deterministic) and a rejection is
//! resampled from the rest of the distribution (seeded).
//!
//! The KV cache is kept between calls: the next call's ids that extend the accepted ones (the
//! same conversation) only feed the new tokens.
use crate::llama::{Cache, Logits, Model};
use crate::sampling::{logprob_and_entropy, Rng};
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VerifyParams {
    /// 0 = greedy acceptance.
    pub temperature: f32,
    pub seed: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Draft tokens accepted (a prefix of the draft).
    pub accepted: usize,
    /// The token this model puts after the accepted prefix (on full acceptance, the bonus token
    /// after the whole draft).
    pub correction: u32,
    /// Per draft position: this model's log-probability of the draft token.
    pub logprobs: Vec<f32>,
    /// Per draft position: this model's own arg-max token.
    pub target_ids: Vec<u32>,
    /// Tokens whose keys/values came from the previous call.
    pub reused: usize,
}

pub struct Verifier {
    cache: Cache,
    /// Ids whose keys/values are in `cache`.
    ids: Vec<u32>,
}

fn softmax(row: &[f32], t: f32) -> Vec<f64> {
    let m = row.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b));
    let e: Vec<f64> = row.iter().map(|&x| (((x - m) / t) as f64).exp()).collect();
    let s: f64 = e.iter().sum();
    e.into_iter().map(|x| x / s).collect()
}

fn draw(p: &[f64], rng: &mut Rng) -> u32 {
    let total: f64 = p.iter().sum();
    let mut u = rng.next_f64() * total;
    for (i, &x) in p.iter().enumerate() {
        if u < x {
            return i as u32;
        }
        u -= x;
    }
    p.iter().rposition(|&x| x > 0.0).unwrap_or(0) as u32
}

impl Verifier {
    pub fn new(model: &Model) -> Self {
        Self {
            cache: model.new_cache(),
            ids: Vec::new(),
        }
    }

    pub fn verify(
        &mut self,
        model: &Model,
        prompt: &[u32],
        draft: &[u32],
        p: &VerifyParams,
    ) -> Result<Verdict> {
        if prompt.is_empty() {
            return Err(Error::EmptyInput);
        }
        if draft.is_empty() {
            return Err(Error::InvalidParams("the draft is empty".into()));
        }
        if !(p.temperature.is_finite() && p.temperature >= 0.0) {
            return Err(Error::InvalidParams(format!(
                "temperature {} must be finite and >= 0",
                p.temperature
            )));
        }
        let cfg = model.config();
        let all: Vec<u32> = prompt.iter().chain(draft).copied().collect();
        if let Some(&id) = all.iter().find(|&&id| id as usize >= cfg.vocab_size) {
            return Err(Error::TokenOutOfVocab {
                id,
                vocab: cfg.vocab_size,
            });
        }
        // The logits of the last prompt position are needed: feed at least that token again.
        let common = self
            .ids
            .iter()
            .zip(&all)
            .take_while(|(a, b)| a == b)
            .count();
        let reuse = common.min(prompt.len() - 1);
        self.cache.truncate(reuse);
        self.ids.truncate(reuse);
        let logits = match model.forward(&all[reuse..], &mut self.cache, Logits::All) {
            Ok(l) => l.to_vec2::<f32>()?,
            Err(e) => {
                self.cache.clear();
                self.ids.clear();
                return Err(e);
            }
        };
        self.ids.extend_from_slice(&all[reuse..]);
        // Row j of `logits` is the distribution after all[reuse + j]; draft position i is
        // predicted by the row of prompt position P - 1 + i.
        let first = prompt.len() - 1 - reuse;
        let rows = &logits[first..];
        let mut rng = Rng::new(p.seed);
        let mut logprobs = Vec::with_capacity(draft.len());
        let mut target_ids = Vec::with_capacity(draft.len());
        let mut accepted = None;
        let mut correction = 0;
        for (i, &d) in draft.iter().enumerate() {
            let row = &rows[i];
            logprobs.push(logprob_and_entropy(row, d).0);
            let best = crate::sampling::argmax(row);
            target_ids.push(best);
            if accepted.is_some() {
                continue;
            }
            if p.temperature <= 0.0 {
                if d != best {
                    accepted = Some(i);
                    correction = best;
                }
            } else {
                let mut probs = softmax(row, p.temperature);
                if rng.next_f64() >= probs[d as usize] {
                    probs[d as usize] = 0.0;
                    accepted = Some(i);
                    correction = draw(&probs, &mut rng);
                }
            }
        }
        let accepted = match accepted {
            Some(a) => a,
            None => {
                let bonus = &rows[draft.len()];
                correction = if p.temperature <= 0.0 {
                    crate::sampling::argmax(bonus)
                } else {
                    draw(&softmax(bonus, p.temperature), &mut rng)
                };
                draft.len()
            }
        };
        // Keep the accepted prefix; the rejected tail leaves the cache.
        let keep = prompt.len() + accepted;
        self.cache.truncate(keep);
        self.ids.truncate(keep);
        Ok(Verdict {
            accepted,
            correction,
            logprobs,
            target_ids,
            reused: reuse,
        })
    }
}
