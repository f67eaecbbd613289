//! The speculative-decoding verifier: given a prompt and a draft (token ids proposed by a small
//! model), one forward pass over prompt + draft gives this model's distribution at every draft
//! position. Greedy: the accepted prefix is the longest one equal to this model's own arg-max
//! continuation, and the correction is the arg-max after it — so drafting + verifying yields
//! exactly this model's greedy output. With a temperature, lossless speculative sampling
//! (Leviathan et al., 2023; Chen et al., 2023): draft token d, drawn by the drafter from its
//! distribution q, is accepted with probability min(1, p(d)/q(d)) and a rejection is resampled
//! from max(0, p − q) normalised (seeded), so every output token is distributed exactly as this
//! model's own sample. The drafter sends q sparse ([`DraftDist`]: the support it drew from, e.g.
//! its top-k renormalised); without it the drafter counts as deterministic (q one-hot on d:
//! accept with p(d), resample from p without d), which is lossless too but accepts less,
//! Σ q·p instead of Σ min(p, q).
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

/// The drafter's sampling distribution at one draft position, sparse: the (token id,
/// probability) pairs it could have drawn, every other token 0. It must be exactly the
/// distribution the draft token was drawn from (after the drafter's temperature, top-k, top-p):
/// that is what makes the verification lossless.
pub type DraftDist = Vec<(u32, f32)>;

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
    /// On request (filled by the engine): this model's most likely tokens before each draft
    /// token and after the whole draft (draft + 1 rows), for logit fusion; else empty.
    pub top: Vec<Vec<crate::sampling::TopToken>>,
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

/// The drafter's sampling distribution from its `top` tokens (most likely first, as
/// [`crate::sampling::top_logprobs`] lists them): softmax(logprob / temperature) over them,
/// renormalised in f32 so it sums to 1 as [`check_dists`] requires. The logsumexp inside each
/// logprob cancels. Empty `top` gives an empty distribution.
pub fn draft_dist(top: &[crate::sampling::TopToken], temperature: f32) -> DraftDist {
    let Some(first) = top.first() else {
        return Vec::new();
    };
    let t = temperature.max(f32::MIN_POSITIVE);
    let w: Vec<f64> = top
        .iter()
        .map(|x| f64::from((x.logprob - first.logprob) / t).exp())
        .collect();
    let sum: f64 = w.iter().sum();
    let q: DraftDist = top
        .iter()
        .zip(&w)
        .map(|(x, &v)| (x.id, (v / sum) as f32))
        .collect();
    let total: f32 = q.iter().map(|e| e.1).sum();
    q.into_iter().map(|(id, p)| (id, p / total)).collect()
}

/// The token of `q` that the uniform draw `u` in [0, 1) falls on (the last one when rounding
/// leaves `u` past the total). `q` must not be empty.
pub fn sample_dist(q: &DraftDist, mut u: f64) -> u32 {
    for &(id, p) in q {
        if u < f64::from(p) {
            return id;
        }
        u -= f64::from(p);
    }
    q.last().map_or(0, |e| e.0)
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

/// Checks the drafter's distributions against the draft before any model work: one per draft
/// token, ids inside the vocabulary and distinct, probabilities finite in (0, 1] summing to 1
/// (±1e-3), and each draft token among its own distribution's ids (a drafter cannot have drawn
/// a token it gave probability 0).
pub fn check_dists(dists: &[DraftDist], draft: &[u32], vocab: usize) -> Result<()> {
    let bad = |m: String| Err(Error::InvalidParams(format!("draft_dists: {m}")));
    if dists.len() != draft.len() {
        return bad(format!(
            "{} distributions for a draft of {}",
            dists.len(),
            draft.len()
        ));
    }
    for (i, (q, &d)) in dists.iter().zip(draft).enumerate() {
        if q.is_empty() {
            return bad(format!("[{i}] is empty"));
        }
        let mut sum = 0.0f64;
        for (j, &(id, prob)) in q.iter().enumerate() {
            if id as usize >= vocab {
                return bad(format!(
                    "[{i}]: token {id} is outside the vocabulary ({vocab})"
                ));
            }
            if !(prob.is_finite() && prob > 0.0 && prob <= 1.0) {
                return bad(format!("[{i}]: probability {prob} is not in (0, 1]"));
            }
            if q[..j].iter().any(|&(other, _)| other == id) {
                return bad(format!("[{i}]: token {id} appears twice"));
            }
            sum += f64::from(prob);
        }
        if (sum - 1.0).abs() > 1e-3 {
            return bad(format!("[{i}]: probabilities sum to {sum:.6}, not 1"));
        }
        if !q.iter().any(|&(id, _)| id == d) {
            return bad(format!("[{i}]: the draft token {d} has probability 0"));
        }
    }
    Ok(())
}

/// The verdict on `draft` from this model's logits: `rows[i]` is the distribution predicting
/// `draft[i]` (the row of the position before it) and `rows[draft.len()]` the one after the
/// whole draft; `dists` the drafter's distributions (None: a deterministic drafter). `reused`
/// is left 0 for the caller (the engine) to fill.
pub fn judge(
    rows: &[&[f32]],
    draft: &[u32],
    p: &VerifyParams,
    dists: Option<&[DraftDist]>,
) -> Result<Verdict> {
    check_params(p)?;
    if draft.is_empty() {
        return Err(Error::InvalidParams("the draft is empty".into()));
    }
    if let Some(q) = dists {
        check_dists(q, draft, rows.first().map_or(0, |r| r.len()))?;
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
            let q = dists.map(|q| &q[i]);
            let qd = q.map_or(1.0, |q| {
                q.iter().find(|e| e.0 == d).map_or(1.0, |e| f64::from(e.1))
            });
            if rng.next_f64() >= (pd / qd).min(1.0) {
                // The residual max(0, p − q): with a deterministic drafter, p without d.
                match q {
                    Some(q) => {
                        for &(id, qp) in q {
                            if let Some(x) = probs.get_mut(id as usize) {
                                *x = (*x - f64::from(qp)).max(0.0);
                            }
                        }
                    }
                    None => {
                        if let Some(x) = probs.get_mut(d as usize) {
                            *x = 0.0;
                        }
                    }
                }
                if probs.iter().sum::<f64>() <= 0.0 {
                    // p ≤ q everywhere (rounding when p ≈ q): nothing left but p itself.
                    probs = softmax(row, p.temperature);
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
        top: Vec::new(),
    })
}
