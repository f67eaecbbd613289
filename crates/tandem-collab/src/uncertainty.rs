//! How unsure the local model was of what it generated, from each generated token's logprob and
//! the entropy of the distribution it was picked from (tandem-engine reports both per step).
//!
//! Whole-sequence confidence (the mean) hides the one token the model guessed; per-token
//! quantiles of the logprob keep it (Gupta et al., "Language Model Cascades: Token-level
//! uncertainty and beyond", ICLR 2024). So the stats carry the low quantiles as well as the mean.
//!
//! Quantiles are linear interpolation between order statistics (numpy's default, "type 7"):
//! for sorted `x` of length n, `q(p) = x[h]` interpolated at `h = (n - 1)·p`.
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::check;
use crate::{Error, Result};

/// Where a non-finite or absurdly low logprob is clamped, so the stats stay finite: a token the
/// engine gave -inf (an id with probability 0 under the distribution that scored it) counts as
/// very unlikely, not as a hole in the statistics.
pub const LOGPROB_FLOOR: f32 = -100.0;
/// Where a NaN, infinite or absurdly high entropy is clamped (a real one is at most ln(vocab),
/// about 12 for a 150k vocabulary).
pub const ENTROPY_CEIL: f32 = 100.0;

/// Summary of one generation's per-token uncertainty. All zeros (and `tokens` 0) for an empty
/// generation.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenStats {
    pub tokens: usize,
    pub mean_logprob: f32,
    pub min_logprob: f32,
    /// Quantiles of the per-token logprob (linear interpolation): q05 is the low tail.
    pub q05: f32,
    pub q10: f32,
    pub q25: f32,
    pub q50: f32,
    pub mean_entropy: f32,
    pub max_entropy: f32,
}

impl TokenStats {
    /// Stats of one generation. `logprobs[i]` and `entropies[i]` belong to the i-th generated
    /// token, so the slices must have the same length. Logprobs that are NaN or below
    /// [`LOGPROB_FLOOR`] become the floor, positive ones (rounding) 0; entropies that are NaN or
    /// above [`ENTROPY_CEIL`] become the ceiling, negative ones 0. A NaN is treated as the most
    /// uncertain value because it means the model's numbers broke, which is a reason to ask the
    /// server, never one to trust the local answer.
    pub fn from_tokens(logprobs: &[f32], entropies: &[f32]) -> Result<TokenStats> {
        check::same_len("entropies", entropies, logprobs.len())?;
        if logprobs.is_empty() {
            return Ok(TokenStats::default());
        }
        let mut lp: Vec<f32> = logprobs.iter().map(|&v| clamp_logprob(v)).collect();
        let ent: Vec<f32> = entropies.iter().map(|&v| clamp_entropy(v)).collect();
        let mean_logprob = mean(&lp);
        lp.sort_by(f32::total_cmp);
        Ok(TokenStats {
            tokens: lp.len(),
            mean_logprob,
            min_logprob: lp[0],
            q05: quantile_sorted(&lp, 0.05),
            q10: quantile_sorted(&lp, 0.10),
            q25: quantile_sorted(&lp, 0.25),
            q50: quantile_sorted(&lp, 0.50),
            mean_entropy: mean(&ent),
            max_entropy: ent.iter().copied().fold(0.0, f32::max),
        })
    }
}

fn clamp_logprob(v: f32) -> f32 {
    if v.is_nan() {
        LOGPROB_FLOOR
    } else {
        v.clamp(LOGPROB_FLOOR, 0.0)
    }
}

fn clamp_entropy(v: f32) -> f32 {
    if v.is_nan() {
        ENTROPY_CEIL
    } else {
        v.clamp(0.0, ENTROPY_CEIL)
    }
}

/// Mean accumulated in f64, so long generations lose no precision.
fn mean(values: &[f32]) -> f32 {
    (values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64) as f32
}

/// Linear-interpolation quantile of an ascending, non-empty slice; `p` in [0, 1].
pub(crate) fn quantile_sorted(sorted: &[f32], p: f64) -> f32 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return 0.0;
    };
    let h = last as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(last);
    let (a, b) = (f64::from(sorted[lo]), f64::from(sorted[hi]));
    (a + (h - lo as f64) * (b - a)) as f32
}

/// Which statistic of [`TokenStats`] measures uncertainty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    MeanLogprob,
    MinLogprob,
    Q05,
    Q10,
    Q25,
    MeanEntropy,
    MaxEntropy,
}

impl Signal {
    pub const ALL: [Signal; 7] = [
        Signal::MeanLogprob,
        Signal::MinLogprob,
        Signal::Q05,
        Signal::Q10,
        Signal::Q25,
        Signal::MeanEntropy,
        Signal::MaxEntropy,
    ];

    /// The stable snake_case name (as serialised).
    pub fn name(self) -> &'static str {
        match self {
            Signal::MeanLogprob => "mean_logprob",
            Signal::MinLogprob => "min_logprob",
            Signal::Q05 => "q05",
            Signal::Q10 => "q10",
            Signal::Q25 => "q25",
            Signal::MeanEntropy => "mean_entropy",
            Signal::MaxEntropy => "max_entropy",
        }
    }

    /// True for the signals read from logprobs (their score is the negated statistic).
    pub fn is_logprob(self) -> bool {
        !matches!(self, Signal::MeanEntropy | Signal::MaxEntropy)
    }

    /// The statistic itself, in its natural units (a logprob or an entropy in nats).
    pub fn value(self, stats: &TokenStats) -> f32 {
        match self {
            Signal::MeanLogprob => stats.mean_logprob,
            Signal::MinLogprob => stats.min_logprob,
            Signal::Q05 => stats.q05,
            Signal::Q10 => stats.q10,
            Signal::Q25 => stats.q25,
            Signal::MeanEntropy => stats.mean_entropy,
            Signal::MaxEntropy => stats.max_entropy,
        }
    }
}

impl fmt::Display for Signal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Signal {
    type Err = Error;
    fn from_str(s: &str) -> Result<Signal> {
        Signal::ALL
            .into_iter()
            .find(|sig| sig.name() == s)
            .ok_or_else(|| Error::UnknownSignal(s.to_string()))
    }
}

/// The uncertainty score of one signal: higher = more uncertain = more reason to ask the
/// server, the same direction as the router's score, so one threshold rule (`score >
/// threshold` → server) and one calibration serve both. Logprob signals are negated (-q10);
/// entropy signals are taken as they are.
pub fn uncertainty_score(stats: &TokenStats, signal: Signal) -> f32 {
    let v = signal.value(stats);
    if signal.is_logprob() {
        -v
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-5
    }

    #[test]
    fn empty_generation_is_all_zeros() {
        let s = TokenStats::from_tokens(&[], &[]).unwrap();
        assert_eq!(s, TokenStats::default());
        assert_eq!(s.tokens, 0);
        for sig in Signal::ALL {
            assert_eq!(uncertainty_score(&s, sig), 0.0);
        }
    }

    #[test]
    fn mismatched_lengths_are_an_error() {
        let e = TokenStats::from_tokens(&[-1.0, -2.0], &[0.5]).unwrap_err();
        assert_eq!(e.kind(), "invalid_input");
    }

    #[test]
    fn stats_and_linear_quantiles() {
        // Sorted logprobs: -4, -3, -2, -1, 0 (n = 5, h = 4p).
        let lp = [-1.0, 0.0, -4.0, -2.0, -3.0];
        let ent = [0.5, 0.0, 2.0, 1.0, 1.5];
        let s = TokenStats::from_tokens(&lp, &ent).unwrap();
        assert_eq!(s.tokens, 5);
        assert!(close(s.mean_logprob, -2.0));
        assert!(close(s.min_logprob, -4.0));
        assert!(close(s.q05, -3.8)); // h = 0.2
        assert!(close(s.q10, -3.6)); // h = 0.4
        assert!(close(s.q25, -3.0)); // h = 1.0
        assert!(close(s.q50, -2.0));
        assert!(close(s.mean_entropy, 1.0));
        assert!(close(s.max_entropy, 2.0));
    }

    #[test]
    fn single_token() {
        let s = TokenStats::from_tokens(&[-0.7], &[0.3]).unwrap();
        assert!(close(s.q05, -0.7) && close(s.q50, -0.7) && close(s.min_logprob, -0.7));
    }

    #[test]
    fn non_finite_values_clamp_and_stay_finite() {
        let lp = [f32::NEG_INFINITY, f32::NAN, -1.0, 0.001];
        let ent = [f32::INFINITY, f32::NAN, -0.1, 1.0];
        let s = TokenStats::from_tokens(&lp, &ent).unwrap();
        assert_eq!(s.min_logprob, LOGPROB_FLOOR);
        assert_eq!(s.max_entropy, ENTROPY_CEIL);
        for sig in Signal::ALL {
            assert!(uncertainty_score(&s, sig).is_finite());
        }
        assert!(close(s.mean_logprob, (-200.0 - 1.0) / 4.0));
    }

    #[test]
    fn scores_point_towards_uncertainty() {
        let sure = TokenStats::from_tokens(&[-0.01; 8], &[0.05; 8]).unwrap();
        let unsure =
            TokenStats::from_tokens(&[-0.01, -3.0, -0.5, -2.0], &[0.1, 3.0, 1.0, 2.0]).unwrap();
        for sig in Signal::ALL {
            assert!(
                uncertainty_score(&unsure, sig) > uncertainty_score(&sure, sig),
                "{sig}"
            );
        }
        assert!(close(uncertainty_score(&unsure, Signal::MinLogprob), 3.0));
        assert!(close(uncertainty_score(&unsure, Signal::MaxEntropy), 3.0));
    }

    #[test]
    fn signal_names_round_trip() {
        for sig in Signal::ALL {
            let json = serde_json::to_string(&sig).unwrap();
            assert_eq!(json, format!("\"{}\"", sig.name()));
            assert_eq!(serde_json::from_str::<Signal>(&json).unwrap(), sig);
            assert_eq!(sig.name().parse::<Signal>().unwrap(), sig);
        }
        assert_eq!(Signal::Q05.name(), "q05");
        let e = "Q10".parse::<Signal>().unwrap_err();
        assert_eq!(e, Error::UnknownSignal("Q10".into()));
    }

    #[test]
    fn stats_serialise_snake_case() {
        let s = TokenStats::from_tokens(&[-1.0], &[0.5]).unwrap();
        let v: serde_json::Value = serde_json::to_value(s).unwrap();
        for key in [
            "tokens",
            "mean_logprob",
            "min_logprob",
            "q05",
            "q10",
            "q25",
            "q50",
            "mean_entropy",
            "max_entropy",
        ] {
            assert!(v.get(key).is_some(), "{key}");
        }
    }
}
