//! Choosing the next token: repetition penalty, temperature, top-k, top-p (in transformers'
//! order), greedy at temperature 0, and a seeded generator that gives the same draws on every
//! platform (native and wasm32).
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
pub struct SamplingParams {
    /// 0 = greedy.
    pub temperature: f32,
    /// Keep the k most likely tokens (0 or None = all).
    pub top_k: Option<usize>,
    /// Keep the smallest set of tokens whose probability reaches p (None or 1.0 = all).
    pub top_p: Option<f32>,
    /// transformers' rule: a seen token's logit is divided by it if positive, multiplied if not.
    pub repetition_penalty: f32,
    pub seed: u64,
}

impl Default for SamplingParams {
    fn default() -> Self {
        Self {
            temperature: 0.0,
            top_k: None,
            top_p: None,
            repetition_penalty: 1.0,
            seed: 0,
        }
    }
}

impl SamplingParams {
    pub fn validate(&self) -> Result<()> {
        if !(self.temperature.is_finite() && self.temperature >= 0.0) {
            return Err(Error::InvalidParams(format!(
                "temperature {} must be finite and >= 0",
                self.temperature
            )));
        }
        if let Some(p) = self.top_p {
            if !(p > 0.0 && p <= 1.0) {
                return Err(Error::InvalidParams(format!("top_p {p} must be in (0, 1]")));
            }
        }
        if !(self.repetition_penalty.is_finite() && self.repetition_penalty > 0.0) {
            return Err(Error::InvalidParams(format!(
                "repetition_penalty {} must be finite and > 0",
                self.repetition_penalty
            )));
        }
        Ok(())
    }
}

/// A seed from the operating system's randomness (the browser's `crypto.getRandomValues` on
/// wasm32): what a request without a seed samples with, so that two such requests differ.
/// Should the system source fail, the clock and a counter still make each seed different.
pub fn fresh_seed() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    getrandom::u64().unwrap_or_else(|_| {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut r = Rng::new(n ^ clock_nanos());
        r.next_u64()
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn clock_nanos() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

#[cfg(target_arch = "wasm32")]
fn clock_nanos() -> u64 {
    0
}

/// SplitMix64: tiny, fast, and identical on every target.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

pub struct Sampler {
    params: SamplingParams,
    rng: Rng,
}

/// Index of the largest value (the first one on ties, as torch.argmax); NaN never wins.
pub fn argmax(v: &[f32]) -> u32 {
    let mut best = 0usize;
    let mut best_v = f32::NEG_INFINITY;
    for (i, &x) in v.iter().enumerate() {
        if x > best_v {
            best = i;
            best_v = x;
        }
    }
    best as u32
}

/// One of the most likely tokens at a position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TopToken {
    pub id: u32,
    pub logprob: f32,
}

impl TopToken {
    /// `(id, logprob)`: the pair `/v1/verify` sends and tandem-collab's fusion reads.
    pub fn pair(&self) -> (u32, f32) {
        (self.id, self.logprob)
    }
}

/// The `k` most likely tokens of softmax(logits), most likely first (the lower id first on
/// ties, so every backend lists the same ids); NaN logits are never listed.
pub fn top_logprobs(logits: &[f32], k: usize) -> Vec<TopToken> {
    if k == 0 {
        return Vec::new();
    }
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let log_z = logits
        .iter()
        .map(|&l| ((l - max) as f64).exp())
        .sum::<f64>()
        .ln();
    let mut idx: Vec<u32> = (0..logits.len() as u32)
        .filter(|&i| !logits[i as usize].is_nan())
        .collect();
    let order = |a: &u32, b: &u32| {
        logits[*b as usize]
            .total_cmp(&logits[*a as usize])
            .then(a.cmp(b))
    };
    if k < idx.len() {
        idx.select_nth_unstable_by(k - 1, order);
        idx.truncate(k);
    }
    idx.sort_by(order);
    idx.into_iter()
        .map(|id| TopToken {
            id,
            logprob: ((logits[id as usize] - max) as f64 - log_z) as f32,
        })
        .collect()
}

/// The log-probability of `token` and the entropy (nats) of softmax(logits), in one pass of
/// exponentials over the vocabulary (every generated token pays for it): with
/// `e_i = exp(l_i - max)` and `Z = Σ e_i`, `H = ln Z - Σ e_i (l_i - max) / Z`. The exponentials
/// are f32 (they vectorise), the sums f64.
pub fn logprob_and_entropy(logits: &[f32], token: u32) -> (f32, f32) {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let (mut z, mut weighted) = (0f64, 0f64);
    for chunk in logits.chunks(1024) {
        let (mut cz, mut cw) = (0f32, 0f32);
        for &l in chunk {
            let d = l - max;
            let e = d.exp();
            cz += e;
            // e = 0 for -inf logits: they weigh nothing (and 0 · -inf would be NaN).
            if e > 0.0 {
                cw += e * d;
            }
        }
        z += cz as f64;
        weighted += cw as f64;
    }
    let log_z = z.ln();
    let entropy = (log_z - weighted / z).max(0.0);
    let lp = logits
        .get(token as usize)
        .map_or(f64::NEG_INFINITY, |&l| (l - max) as f64 - log_z);
    (lp as f32, entropy as f32)
}

impl Sampler {
    pub fn new(params: SamplingParams) -> Result<Self> {
        params.validate()?;
        let rng = Rng::new(params.seed);
        Ok(Self { params, rng })
    }

    pub fn params(&self) -> &SamplingParams {
        &self.params
    }

    /// Picks the next token from `logits`; `context` holds the ids the repetition penalty sees.
    pub fn sample(&mut self, logits: &[f32], context: &[u32]) -> u32 {
        let rp = self.params.repetition_penalty;
        if self.params.temperature == 0.0 && rp == 1.0 {
            return argmax(logits);
        }
        let mut l = logits.to_vec();
        if rp != 1.0 {
            let mut seen = vec![false; l.len()];
            for &t in context {
                if let Some(s) = seen.get_mut(t as usize) {
                    if !*s {
                        *s = true;
                        let x = &mut l[t as usize];
                        *x = if *x > 0.0 { *x / rp } else { *x * rp };
                    }
                }
            }
        }
        if self.params.temperature == 0.0 {
            return argmax(&l);
        }
        let t = self.params.temperature;
        // Candidates sorted by logit, highest first (stable: lower id first on ties).
        let mut idx: Vec<u32> = (0..l.len() as u32)
            .filter(|&i| !l[i as usize].is_nan())
            .collect();
        idx.sort_by(|&a, &b| l[b as usize].total_cmp(&l[a as usize]));
        if let Some(k) = self.params.top_k.filter(|&k| k > 0 && k < idx.len()) {
            // as transformers: keep every token whose logit ties the k-th
            let kth = l[idx[k - 1] as usize];
            let keep = idx.iter().take_while(|&&i| l[i as usize] >= kth).count();
            idx.truncate(keep);
        }
        let max = idx.first().map_or(0.0, |&i| l[i as usize]);
        let mut probs: Vec<f64> = idx
            .iter()
            .map(|&i| (((l[i as usize] - max) / t) as f64).exp())
            .collect();
        let sum: f64 = probs.iter().sum();
        probs.iter_mut().for_each(|p| *p /= sum);
        if let Some(p) = self.params.top_p.filter(|&p| p < 1.0) {
            let mut cum = 0.0;
            let mut keep = 0;
            for &q in &probs {
                keep += 1;
                cum += q;
                if cum >= p as f64 {
                    break;
                }
            }
            idx.truncate(keep);
            probs.truncate(keep);
            let s: f64 = probs.iter().sum();
            probs.iter_mut().for_each(|q| *q /= s);
        }
        let r = self.rng.next_f64();
        let mut cum = 0.0;
        for (&i, &q) in idx.iter().zip(probs.iter()) {
            cum += q;
            if r < cum {
                return i;
            }
        }
        idx.last().copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greedy_picks_first_max() {
        assert_eq!(argmax(&[0.0, 3.0, 3.0, f32::NAN]), 1);
    }

    #[test]
    fn entropy_of_uniform_is_log_n() {
        let (lp, h) = logprob_and_entropy(&[1.0; 8], 3);
        assert!((lp + (8f32).ln()).abs() < 1e-6);
        assert!((h - (8f32).ln()).abs() < 1e-6);
    }

    #[test]
    fn top_k_one_is_greedy() {
        let mut s = Sampler::new(SamplingParams {
            temperature: 5.0,
            top_k: Some(1),
            ..Default::default()
        })
        .unwrap();
        for _ in 0..20 {
            assert_eq!(s.sample(&[0.1, 0.5, 0.3], &[]), 1);
        }
    }

    #[test]
    fn top_k_keeps_ties_like_transformers() {
        // k = 1 but two tokens tie for the top: both stay candidates
        let mut s = Sampler::new(SamplingParams {
            temperature: 1.0,
            top_k: Some(1),
            seed: 3,
            ..Default::default()
        })
        .unwrap();
        let draws: Vec<u32> = (0..200).map(|_| s.sample(&[2.0, 2.0, -1.0], &[])).collect();
        assert!(draws.contains(&0) && draws.contains(&1) && !draws.contains(&2));
    }

    #[test]
    fn top_p_keeps_the_nucleus() {
        // probs ≈ [0.84, 0.11, 0.04, ...]: p = 0.8 keeps only the first.
        let logits = [4.0, 2.0, 1.0, -3.0];
        let mut s = Sampler::new(SamplingParams {
            temperature: 1.0,
            top_p: Some(0.8),
            seed: 7,
            ..Default::default()
        })
        .unwrap();
        for _ in 0..50 {
            assert_eq!(s.sample(&logits, &[]), 0);
        }
    }

    #[test]
    fn fresh_seeds_differ() {
        let seeds: std::collections::HashSet<u64> = (0..64).map(|_| fresh_seed()).collect();
        assert_eq!(seeds.len(), 64);
    }

    #[test]
    fn sampling_follows_the_distribution_and_the_seed() {
        let logits = [0.0f32, (3.0f32).ln()]; // p = [0.25, 0.75]
        let params = SamplingParams {
            temperature: 1.0,
            seed: 42,
            ..Default::default()
        };
        let mut s = Sampler::new(params.clone()).unwrap();
        let draws: Vec<u32> = (0..4000).map(|_| s.sample(&logits, &[])).collect();
        let ones = draws.iter().filter(|&&d| d == 1).count() as f64 / 4000.0;
        assert!((ones - 0.75).abs() < 0.03, "{ones}");
        let mut again = Sampler::new(params).unwrap();
        let replay: Vec<u32> = (0..4000).map(|_| again.sample(&logits, &[])).collect();
        assert_eq!(draws, replay);
    }

    #[test]
    fn repetition_penalty_matches_transformers_rule() {
        // token 0 (logit 2.0) seen: 2.0 / 4 = 0.5 < 1.0 → token 1 wins; negative logits multiply.
        let mut s = Sampler::new(SamplingParams {
            repetition_penalty: 4.0,
            ..Default::default()
        })
        .unwrap();
        assert_eq!(s.sample(&[2.0, 1.0], &[0]), 1);
        assert_eq!(s.sample(&[-0.5, -1.0], &[0]), 1);
    }

    #[test]
    fn bad_params_are_typed_errors() {
        for p in [
            SamplingParams {
                temperature: -1.0,
                ..Default::default()
            },
            SamplingParams {
                temperature: f32::NAN,
                ..Default::default()
            },
            SamplingParams {
                top_p: Some(0.0),
                ..Default::default()
            },
            SamplingParams {
                repetition_penalty: 0.0,
                ..Default::default()
            },
        ] {
            assert!(matches!(Sampler::new(p), Err(Error::InvalidParams(_))));
        }
    }
}
