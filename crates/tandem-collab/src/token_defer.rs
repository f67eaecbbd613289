//! Token-level collaboration: the local model generates, and at a token where its own
//! uncertainty crosses a threshold the server supplies that token instead (FS-GEN finds that
//! fewer than 20 % of a small model's tokens need the large one; Co-LLM learns where to defer).
//! The server is asked through `/v1/verify` with the local token as a one-token draft: it keeps
//! the token when it agrees, else returns its own.
//!
//! The per-token score is higher when the token is more uncertain, and a token is deferred when
//! its score is strictly above the rule's threshold, as for the router and the cascade:
//! - `entropy`: the entropy of the local next-token distribution (nats);
//! - `logprob`: the negated log-probability of the local model's chosen token;
//! - `margin`: the negated gap between the two likeliest tokens' log-probabilities (needs the
//!   local top-2).
//!
//! A non-finite signal (the local model's numbers broke) defers, with its own reason: the
//! server is the safe side, and the answer stays correct.
//!
//! The threshold is calibrated to a target share of deferred tokens on the local model's own
//! greedy generations over a calibration set ([`calibrate`]): deferring changes what follows,
//! so the share reached while collaborating is measured and reported beside the target.
//!
//! Reasons (stable): `token-defer: <signal> <value> above <limit> → server`,
//! `token-defer: <signal> <value> not above <limit> → local`,
//! `token-defer: <signal> is not a number → server` (values with two decimals).
use serde::{Deserialize, Serialize};

use crate::calibrate::threshold_for_share;
use crate::check;
use crate::{Error, Result};

/// The per-token uncertainty signal a deferral rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenSignal {
    Entropy,
    Logprob,
    Margin,
}

impl TokenSignal {
    pub const ALL: [TokenSignal; 3] = [
        TokenSignal::Entropy,
        TokenSignal::Logprob,
        TokenSignal::Margin,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TokenSignal::Entropy => "entropy",
            TokenSignal::Logprob => "logprob",
            TokenSignal::Margin => "margin",
        }
    }

    pub fn parse(name: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.name() == name)
            .ok_or_else(|| {
                Error::param(
                    "signal",
                    format!("unknown token signal {name:?} (known: entropy, logprob, margin)"),
                )
            })
    }
}

impl std::str::FromStr for TokenSignal {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

/// What the local engine knows about one token it generated.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TokenUncertainty {
    /// The chosen token's log-probability.
    pub logprob: f32,
    /// The distribution's entropy (nats).
    pub entropy: f32,
    /// The likeliest minus the second likeliest log-probability, when the top-2 is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<f32>,
}

impl TokenUncertainty {
    /// From a step's logprob, entropy and top-k list (`(id, logprob)`, likeliest first).
    pub fn from_step(logprob: f32, entropy: f32, top: &[(u32, f32)]) -> Self {
        let margin = match top {
            [a, b, ..] => Some(a.1 - b.1),
            _ => None,
        };
        TokenUncertainty {
            logprob,
            entropy,
            margin,
        }
    }

    /// The score of `signal` (higher = more uncertain); NaN when it cannot be read (a
    /// non-finite input, or `margin` without a top-2).
    pub fn score(&self, signal: TokenSignal) -> f32 {
        match signal {
            TokenSignal::Entropy => self.entropy,
            TokenSignal::Logprob => -self.logprob,
            TokenSignal::Margin => self.margin.map_or(f32::NAN, |m| -m),
        }
    }
}

/// A deferral rule (router.json's `token_defer`): the signal, its threshold (score units) and
/// the share of tokens it was calibrated to defer (none for a rule set by hand).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeferRule {
    pub signal: TokenSignal,
    pub threshold: f32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_share: Option<f32>,
}

/// One token's verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deferral {
    pub defer: bool,
    pub score: f32,
    pub reason: String,
}

impl DeferRule {
    /// Errors: a non-finite threshold, a target share outside [0, 1].
    pub fn validate(&self) -> Result<()> {
        check::finite_scalar("threshold", self.threshold)?;
        match self.target_share {
            Some(share) => check::share("target_share", share),
            None => Ok(()),
        }
    }

    /// Whether the server should supply this token.
    pub fn check(&self, token: &TokenUncertainty) -> Result<Deferral> {
        self.validate()?;
        let name = self.signal.name();
        let score = token.score(self.signal);
        if !score.is_finite() {
            return Ok(Deferral {
                defer: true,
                score,
                reason: format!("token-defer: {name} is not a number → server"),
            });
        }
        let defer = score > self.threshold;
        let (verb, side) = if defer {
            ("above", "server")
        } else {
            ("not above", "local")
        };
        Ok(Deferral {
            defer,
            score,
            reason: format!(
                "token-defer: {name} {score:.2} {verb} {:.2} → {side}",
                self.threshold
            ),
        })
    }
}

/// The rule that defers `target_share` of `tokens` (the local model's own generations on a
/// calibration set). Errors: no tokens, a token whose signal cannot be read (e.g. `margin`
/// without a top-2), a share outside [0, 1].
pub fn calibrate(
    signal: TokenSignal,
    tokens: &[TokenUncertainty],
    target_share: f32,
) -> Result<DeferRule> {
    check::non_empty("tokens", tokens)?;
    let scores: Vec<f32> = tokens.iter().map(|t| t.score(signal)).collect();
    check::finite("tokens", &scores)?;
    let threshold = threshold_for_share(&scores, target_share)?;
    Ok(DeferRule {
        signal,
        threshold,
        target_share: Some(target_share),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(logprob: f32, entropy: f32, margin: Option<f32>) -> TokenUncertainty {
        TokenUncertainty {
            logprob,
            entropy,
            margin,
        }
    }

    #[test]
    fn scores_grow_with_uncertainty() {
        let sure = tok(-0.01, 0.05, Some(6.0));
        let unsure = tok(-1.2, 1.5, Some(0.1));
        for s in TokenSignal::ALL {
            assert!(unsure.score(s) > sure.score(s), "{s:?}");
        }
    }

    #[test]
    fn margin_comes_from_the_top_two() {
        let t = TokenUncertainty::from_step(-0.2, 0.7, &[(4, -0.2), (9, -1.9), (2, -3.0)]);
        assert!((t.margin.unwrap() - 1.7).abs() < 1e-6);
        assert_eq!(
            TokenUncertainty::from_step(-0.2, 0.7, &[(4, -0.2)]).margin,
            None
        );
    }

    #[test]
    fn reasons_are_stable() {
        let rule = DeferRule {
            signal: TokenSignal::Entropy,
            threshold: 0.5,
            target_share: Some(0.2),
        };
        let d = rule.check(&tok(-0.1, 0.9, None)).unwrap();
        assert!(d.defer);
        assert_eq!(d.reason, "token-defer: entropy 0.90 above 0.50 → server");
        let d = rule.check(&tok(-0.1, 0.5, None)).unwrap();
        assert!(!d.defer, "the threshold itself stays local");
        assert_eq!(d.reason, "token-defer: entropy 0.50 not above 0.50 → local");
        let margin = DeferRule {
            signal: TokenSignal::Margin,
            ..rule
        };
        let d = margin.check(&tok(-0.1, 0.5, None)).unwrap();
        assert!(d.defer);
        assert_eq!(d.reason, "token-defer: margin is not a number → server");
        let d = rule.check(&tok(-0.1, f32::NAN, None)).unwrap();
        assert!(d.defer);
    }

    #[test]
    fn calibration_hits_its_share() {
        let tokens: Vec<TokenUncertainty> = (0..100)
            .map(|i| {
                tok(
                    -(i as f32) / 50.0,
                    i as f32 / 40.0,
                    Some(3.0 - i as f32 / 30.0),
                )
            })
            .collect();
        for s in TokenSignal::ALL {
            let rule = calibrate(s, &tokens, 0.2).unwrap();
            let share = tokens
                .iter()
                .filter(|t| rule.check(t).unwrap().defer)
                .count();
            assert_eq!(share, 20, "{s:?}");
        }
    }

    #[test]
    fn bad_input_is_refused() {
        let t = [tok(-0.1, 0.2, None)];
        assert_eq!(
            calibrate(TokenSignal::Entropy, &[], 0.2)
                .unwrap_err()
                .kind(),
            "invalid_input"
        );
        assert_eq!(
            calibrate(TokenSignal::Margin, &t, 0.2).unwrap_err().kind(),
            "invalid_input"
        );
        assert_eq!(
            calibrate(TokenSignal::Entropy, &t, 1.5).unwrap_err().kind(),
            "invalid_input"
        );
        let bad = DeferRule {
            signal: TokenSignal::Entropy,
            threshold: f32::NAN,
            target_share: Some(0.2),
        };
        assert_eq!(bad.check(&t[0]).unwrap_err().kind(), "invalid_input");
        assert_eq!(
            TokenSignal::parse("nope").unwrap_err().kind(),
            "invalid_input"
        );
        assert_eq!(TokenSignal::parse("margin").unwrap(), TokenSignal::Margin);
    }
}
