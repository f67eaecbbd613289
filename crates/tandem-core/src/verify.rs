//! The speculative-decoding verifier: given a prompt and a draft (token ids proposed by a small
//! model), one forward pass over prompt + draft gives this model's distribution at every draft
//! position. Greedy: the accepted prefix is the longest one equal to this model's own arg-max
//! continuation, and the correction is the arg-max after it — so drafting + verifying yields
//! exactly this model's greedy output. With a temperature, each draft token is accepted with
//! its probability under this model (the drafter is treated as deterministic) and a rejection is
//! resampled from the rest of the distribution (seeded).
//!
//! The policy only: the local engine (tandem-engine) runs the forward pass, keeps the KV cache
//! between calls and drops the rejected tail from it.
use crate::sampling::{argmax, logprob_and_entropy, Rng};
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
    /// Tokens whose keys/values came from the previous call (filled by the engine).
    pub reused: usize,
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

/// Checks `p` before any model work.
pub fn check_params(p: &VerifyParams) -> Result<()> {
    if !(p.temperature.is_finite() && p.temperature >= 0.0) {
        return Err(Error::InvalidParams(format!(
            "temperature {} must be finite and >= 0",
            p.temperature
        )));
    }
    Ok(())
}

/// The verdict on `draft` from this model's logits: `rows[i]` is the distribution predicting
/// `draft[i]` (the row of the position before it) and `rows[draft.len()]` the one after the
/// whole draft. `reused` is left 0 for the caller (the engine) to fill.
pub fn judge(rows: &[&[f32]], draft: &[u32], p: &VerifyParams) -> Result<Verdict> {
    check_params(p)?;
    if draft.is_empty() {
        return Err(Error::InvalidParams("the draft is empty".into()));
    }
    if rows.len() != draft.len() + 1 {
        return Err(Error::InvalidParams(format!(
            "{} logit rows for a draft of {}",
            rows.len(),
            draft.len()
        )));
    }
    let mut rng = Rng::new(p.seed);
    let mut logprobs = Vec::with_capacity(draft.len());
    let mut target_ids = Vec::with_capacity(draft.len());
    let mut accepted = None;
    let mut correction = 0;
    for (i, &d) in draft.iter().enumerate() {
        let row = rows[i];
        logprobs.push(logprob_and_entropy(row, d).0);
        let best = argmax(row);
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
            let pd = probs.get(d as usize).copied().unwrap_or(0.0);
            if rng.next_f64() >= pd {
                if let Some(x) = probs.get_mut(d as usize) {
                    *x = 0.0;
                }
                accepted = Some(i);
                correction = draw(&probs, &mut rng);
            }
        }
    }
    let accepted = match accepted {
        Some(a) => a,
        None => {
            let bonus = rows[draft.len()];
            correction = if p.temperature <= 0.0 {
                argmax(bonus)
            } else {
                draw(&softmax(bonus, p.temperature), &mut rng)
            };
            draft.len()
        }
    };
    Ok(Verdict {
        accepted,
        correction,
        logprobs,
        target_ids,
        reused: 0,
    })
}
