//! Speculative collaboration's policy: how many tokens the local model drafts per round, from
//! the measured acceptance rate and round trip, and whether drafting pays at all.
//!
//! The model (Leviathan et al., 2023): each draft token is accepted with probability α,
//! independently, so a round of `k` drafted tokens yields E(k) = (1 − α^(k+1)) / (1 − α) output
//! tokens (the accepted prefix plus the server's correction or bonus token) for one server
//! forward pass. A round costs `rtt + k·draft + verify` milliseconds; the server streaming on
//! its own costs `stream` milliseconds per token once the first one is there.
//!
//! Honest about what it buys: every round pays a round trip, so over a slow network speculation
//! can be slower for the user than plain streaming; what it saves is server compute (forward
//! passes per output token: 1/E(k) against 1). [`plan`] optimises the [`Objective`] it is given
//! and says when plain streaming wins it.
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// Time per output token, as the user sees it.
    Latency,
    /// Server forward passes per output token.
    ServerCost,
}

/// What a round costs, in milliseconds (measured: the caller's moving averages).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Costs {
    /// One round trip to the server.
    pub rtt_ms: f64,
    /// Drafting one token locally.
    pub draft_ms: f64,
    /// The server's verify pass, excluding the round trip.
    pub verify_ms: f64,
    /// The server streaming on its own: per token, excluding the first round trip.
    pub stream_ms: f64,
}

/// Draft tokens accepted and rejected so far (a rejection ends a round early).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    pub accepted: u64,
    pub rejected: u64,
}

impl Acceptance {
    /// Records a round: `accepted` of `drafted` tokens accepted.
    pub fn record(&mut self, drafted: usize, accepted: usize) {
        self.accepted += accepted.min(drafted) as u64;
        self.rejected += u64::from(accepted < drafted);
    }

    /// α, the per-token acceptance probability: the geometric model's estimate
    /// accepted / (accepted + rejected), shrunk towards `prior` by `weight` pseudo-tokens so the
    /// first rounds do not swing it to 0 or 1.
    pub fn alpha(&self, prior: f64, weight: f64) -> f64 {
        let a = self.accepted as f64 + prior * weight;
        let n = (self.accepted + self.rejected) as f64 + weight;
        (a / n).clamp(0.0, 0.999)
    }
}

/// Every field may be left out of its JSON (the default's value).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SpeculativeConfig {
    pub objective: Objective,
    pub k_min: usize,
    pub k_max: usize,
    /// The acceptance rate assumed before any round, and its weight in pseudo-tokens.
    pub prior_alpha: f64,
    pub prior_weight: f64,
}

impl Default for SpeculativeConfig {
    fn default() -> Self {
        SpeculativeConfig {
            objective: Objective::Latency,
            k_min: 1,
            k_max: 12,
            prior_alpha: 0.6,
            prior_weight: 4.0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "mode")]
pub enum Mode {
    /// Draft `k` tokens, then verify.
    Speculate { k: usize },
    /// Let the server stream on its own: speculation would lose the objective.
    Stream,
}

/// The next round's plan, with the estimates behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    #[serde(flatten)]
    pub mode: Mode,
    /// The draft length the objective prefers (what `Speculate` carries; also given when
    /// streaming wins, to show why).
    pub k: usize,
    pub alpha: f64,
    /// E(k): output tokens per round at the chosen k (0 when streaming).
    pub tokens_per_round: f64,
    /// Estimated milliseconds per output token, speculating (best k for the objective) and
    /// streaming.
    pub speculative_ms_per_token: f64,
    pub stream_ms_per_token: f64,
    /// Server forward passes per output token, speculating (1/E) and streaming (1).
    pub speculative_passes_per_token: f64,
    pub reason: String,
}

/// E(k): expected output tokens of a round that drafts `k` tokens at acceptance `alpha`.
pub fn expected_tokens(alpha: f64, k: usize) -> f64 {
    if alpha >= 1.0 {
        return (k + 1) as f64;
    }
    (1.0 - alpha.powi(k as i32 + 1)) / (1.0 - alpha)
}

fn check(costs: &Costs, cfg: &SpeculativeConfig) -> Result<()> {
    let fields = [
        ("rtt_ms", costs.rtt_ms),
        ("draft_ms", costs.draft_ms),
        ("verify_ms", costs.verify_ms),
        ("stream_ms", costs.stream_ms),
        ("prior_alpha", cfg.prior_alpha),
        ("prior_weight", cfg.prior_weight),
    ];
    for (name, v) in fields {
        if !v.is_finite() || v < 0.0 {
            return Err(Error::InvalidParameter {
                param: name,
                message: format!("{v} is not a finite number >= 0"),
            });
        }
    }
    if cfg.k_min == 0 || cfg.k_min > cfg.k_max {
        return Err(Error::InvalidParameter {
            param: "k_min",
            message: format!(
                "need 1 <= k_min <= k_max, got {} and {}",
                cfg.k_min, cfg.k_max
            ),
        });
    }
    Ok(())
}

/// The next round's plan from what was measured so far.
pub fn plan(acc: &Acceptance, costs: &Costs, cfg: &SpeculativeConfig) -> Result<Plan> {
    check(costs, cfg)?;
    let alpha = acc.alpha(cfg.prior_alpha, cfg.prior_weight);
    let round = |k: usize| costs.rtt_ms + k as f64 * costs.draft_ms + costs.verify_ms;
    let ms_per_token = |k: usize| round(k) / expected_tokens(alpha, k);
    let ks = cfg.k_min..=cfg.k_max;
    let k = match cfg.objective {
        Objective::Latency => ks
            .min_by(|&a, &b| ms_per_token(a).total_cmp(&ms_per_token(b)))
            .unwrap_or(cfg.k_min),
        // Fewest passes per token: the longest draft, except that past the point where 95 % of
        // the attainable tokens per round are reached, more drafting buys almost nothing.
        Objective::ServerCost => {
            let best = expected_tokens(alpha, cfg.k_max);
            ks.clone()
                .find(|&k| expected_tokens(alpha, k) >= 0.95 * best)
                .unwrap_or(cfg.k_max)
        }
    };
    let e = expected_tokens(alpha, k);
    let spec_ms = ms_per_token(k);
    let stream_ms = costs.stream_ms;
    let passes = 1.0 / e;
    let (mode, reason) = match cfg.objective {
        Objective::Latency if spec_ms > stream_ms => (
            Mode::Stream,
            format!(
                "latency: {spec_ms:.1} ms/token speculating (k {k}, α {alpha:.2}, rtt {:.0} ms) > \
                 {stream_ms:.1} ms/token streaming",
                costs.rtt_ms
            ),
        ),
        Objective::Latency => (
            Mode::Speculate { k },
            format!("latency: {spec_ms:.1} ms/token speculating (k {k}, α {alpha:.2}) ≤ {stream_ms:.1} streaming"),
        ),
        // With nothing accepted a round is one pass per token plus round trips: no saving.
        Objective::ServerCost if e < 1.05 => (
            Mode::Stream,
            format!("server_cost: α {alpha:.2} gives {e:.2} tokens per pass: no saving over streaming"),
        ),
        Objective::ServerCost => (
            Mode::Speculate { k },
            format!("server_cost: {passes:.2} passes/token speculating (k {k}, α {alpha:.2}) < 1 streaming"),
        ),
    };
    Ok(Plan {
        mode,
        k,
        alpha,
        tokens_per_round: if matches!(mode, Mode::Stream) { 0.0 } else { e },
        speculative_ms_per_token: spec_ms,
        stream_ms_per_token: stream_ms,
        speculative_passes_per_token: passes,
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn costs(rtt: f64) -> Costs {
        Costs {
            rtt_ms: rtt,
            draft_ms: 2.0,
            verify_ms: 20.0,
            stream_ms: 20.0,
        }
    }

    #[test]
    fn expected_tokens_matches_the_geometric_series() {
        assert!((expected_tokens(0.0, 5) - 1.0).abs() < 1e-12);
        assert!((expected_tokens(0.5, 2) - 1.75).abs() < 1e-12);
        assert_eq!(expected_tokens(1.0, 4), 5.0);
    }

    #[test]
    fn the_draft_grows_with_the_round_trip() {
        let acc = Acceptance {
            accepted: 80,
            rejected: 20,
        };
        let cfg = SpeculativeConfig::default();
        let ks: Vec<usize> = [0.0, 50.0, 150.0]
            .iter()
            .map(|&rtt| plan(&acc, &costs(rtt), &cfg).unwrap().k)
            .collect();
        assert!(ks[0] <= ks[1] && ks[1] <= ks[2], "{ks:?}");
        assert!(ks[2] > ks[0], "{ks:?}");
    }

    #[test]
    fn low_acceptance_drafts_less_and_then_streams() {
        let cfg = SpeculativeConfig::default();
        let k_at = |a: u64, r: u64| {
            plan(
                &Acceptance {
                    accepted: a,
                    rejected: r,
                },
                &costs(10.0),
                &cfg,
            )
            .unwrap()
        };
        let high = k_at(90, 10);
        let low = k_at(10, 40);
        match (high.mode, low.mode) {
            (Mode::Speculate { k: kh }, Mode::Speculate { k: kl }) => assert!(kl < kh),
            (Mode::Speculate { .. }, Mode::Stream) => {}
            m => panic!("{m:?}"),
        }
        // Over a slow link with little acceptance, streaming is faster for the user.
        let slow = plan(
            &Acceptance {
                accepted: 5,
                rejected: 50,
            },
            &costs(150.0),
            &cfg,
        )
        .unwrap();
        assert_eq!(slow.mode, Mode::Stream, "{}", slow.reason);
        assert!(slow.reason.starts_with("latency:"));
    }

    #[test]
    fn server_cost_speculates_even_where_latency_would_stream() {
        let acc = Acceptance {
            accepted: 60,
            rejected: 40,
        };
        let mut cfg = SpeculativeConfig::default();
        let lat = plan(&acc, &costs(150.0), &cfg).unwrap();
        cfg.objective = Objective::ServerCost;
        let cost = plan(&acc, &costs(150.0), &cfg).unwrap();
        assert_eq!(lat.mode, Mode::Stream);
        assert!(
            matches!(cost.mode, Mode::Speculate { .. }),
            "{}",
            cost.reason
        );
        assert!(cost.speculative_passes_per_token < 0.5);
        let none = plan(
            &Acceptance {
                accepted: 0,
                rejected: 200,
            },
            &costs(0.0),
            &cfg,
        )
        .unwrap();
        assert_eq!(none.mode, Mode::Stream, "{}", none.reason);
    }

    #[test]
    fn the_prior_keeps_the_first_rounds_sane_and_bad_costs_are_errors() {
        let a = Acceptance::default();
        assert!((a.alpha(0.6, 4.0) - 0.6).abs() < 1e-12);
        let mut b = Acceptance::default();
        b.record(4, 4);
        assert!(b.alpha(0.6, 4.0) > 0.6 && b.alpha(0.6, 4.0) < 1.0);
        let cfg = SpeculativeConfig::default();
        let bad = Costs {
            rtt_ms: f64::NAN,
            ..costs(0.0)
        };
        assert!(plan(&a, &bad, &cfg).is_err());
        let cfg0 = SpeculativeConfig { k_min: 0, ..cfg };
        assert!(plan(&a, &costs(0.0), &cfg0).is_err());
    }
}
