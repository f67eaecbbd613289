//! The cascade: after the local model has answered, whether its own uncertainty says the answer
//! should be redone by the server. The check needs the generated tokens' logprobs and entropies
//! only (see [`crate::uncertainty`]), so it costs nothing beyond the local generation.
//!
//! Thresholds are in score units, like the router's: higher = more uncertain, escalate when the
//! score is strictly above the threshold. For logprob signals the score is the negated logprob,
//! so a threshold of 2.5 on `q10` means "escalate when the q10 logprob is below -2.5"; the same
//! [`crate::calibrate::threshold_for_share`] then calibrates a cascade and a router alike.
//!
//! Reasons (stable):
//! - `cascade: no tokens generated → escalate`
//! - `cascade: <stat> logprob <value> below <limit> → escalate` /
//!   `cascade: <stat> logprob <value> not below <limit> → keep local`
//! - `cascade: <stat> entropy <value> above <limit> → escalate` /
//!   `cascade: <stat> entropy <value> not above <limit> → keep local`
//!
//! where `<stat>` is `mean`, `min`, `q05`, `q10`, `q25` (logprob) or `mean`, `max` (entropy) and
//! numbers are in the signal's natural units with two decimals.
use serde::{Deserialize, Serialize};

use crate::check;
use crate::uncertainty::{uncertainty_score, Signal, TokenStats};
use crate::{Error, Result};

/// A cascade rule as stored in router.json: the signal and its threshold (score units).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CascadeRule {
    pub signal: Signal,
    pub threshold: f32,
}

impl CascadeRule {
    /// [`should_escalate`] with this rule's signal and threshold.
    pub fn check(&self, stats: &TokenStats) -> Result<Escalation> {
        should_escalate(stats, self.signal, self.threshold)
    }
}

/// The cascade's verdict: whether to redo the request on the server, why, and the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Escalation {
    pub escalate: bool,
    pub reason: String,
    pub score: f32,
}

/// Whether a local generation with these stats should be escalated to the server:
/// `uncertainty_score(stats, signal) > threshold`. A generation of no tokens escalates (the
/// local model gave no answer to judge). Errors: a non-finite threshold or statistic.
pub fn should_escalate(stats: &TokenStats, signal: Signal, threshold: f32) -> Result<Escalation> {
    check::finite_scalar("threshold", threshold)?;
    if stats.tokens == 0 {
        return Ok(Escalation {
            escalate: true,
            reason: "cascade: no tokens generated → escalate".into(),
            score: 0.0,
        });
    }
    let score = uncertainty_score(stats, signal);
    if !score.is_finite() {
        return Err(Error::param(
            "stats",
            format!("{signal} is {}, not a finite number", signal.value(stats)),
        ));
    }
    let escalate = score > threshold;
    let stat = match signal {
        Signal::MeanLogprob | Signal::MeanEntropy => "mean",
        Signal::MinLogprob => "min",
        Signal::MaxEntropy => "max",
        other => other.name(),
    };
    let value = signal.value(stats);
    let reason = if signal.is_logprob() {
        let limit = -threshold;
        let cmp = if escalate { "below" } else { "not below" };
        format!("cascade: {stat} logprob {value:.2} {cmp} {limit:.2}")
    } else {
        let cmp = if escalate { "above" } else { "not above" };
        format!("cascade: {stat} entropy {value:.2} {cmp} {threshold:.2}")
    };
    let outcome = if escalate { "escalate" } else { "keep local" };
    Ok(Escalation {
        escalate,
        reason: format!("{reason} → {outcome}"),
        score,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats() -> TokenStats {
        // Sorted logprobs -4, -3, -2, -1, 0: q10 = -3.6, mean = -2; entropies mean 1, max 2.
        TokenStats::from_tokens(&[-1.0, 0.0, -4.0, -2.0, -3.0], &[0.5, 0.0, 2.0, 1.0, 1.5]).unwrap()
    }

    #[test]
    fn logprob_signal_escalates_below_the_limit() {
        let e = should_escalate(&stats(), Signal::Q10, 2.5).unwrap();
        assert!(e.escalate);
        assert_eq!(
            e.reason,
            "cascade: q10 logprob -3.60 below -2.50 → escalate"
        );
        assert!((e.score - 3.6).abs() < 1e-5);
        let e = should_escalate(&stats(), Signal::MeanLogprob, 3.0).unwrap();
        assert!(!e.escalate);
        assert_eq!(
            e.reason,
            "cascade: mean logprob -2.00 not below -3.00 → keep local"
        );
        let e = should_escalate(&stats(), Signal::MinLogprob, 3.0).unwrap();
        assert_eq!(
            e.reason,
            "cascade: min logprob -4.00 below -3.00 → escalate"
        );
    }

    #[test]
    fn entropy_signal_escalates_above_the_limit() {
        let e = should_escalate(&stats(), Signal::MaxEntropy, 1.5).unwrap();
        assert!(e.escalate);
        assert_eq!(e.reason, "cascade: max entropy 2.00 above 1.50 → escalate");
        let e = should_escalate(&stats(), Signal::MeanEntropy, 1.5).unwrap();
        assert!(!e.escalate);
        assert_eq!(
            e.reason,
            "cascade: mean entropy 1.00 not above 1.50 → keep local"
        );
    }

    #[test]
    fn equal_to_the_threshold_stays_local() {
        let e = should_escalate(&stats(), Signal::MeanLogprob, 2.0).unwrap();
        assert!(!e.escalate);
    }

    #[test]
    fn no_tokens_escalates() {
        let e = should_escalate(&TokenStats::default(), Signal::Q05, 1.0).unwrap();
        assert!(e.escalate);
        assert_eq!(e.reason, "cascade: no tokens generated → escalate");
    }

    #[test]
    fn rule_from_json_and_bad_thresholds() {
        let rule: CascadeRule =
            serde_json::from_str(r#"{"signal":"q25","threshold":1.0}"#).unwrap();
        assert_eq!(rule.signal, Signal::Q25);
        let e = rule.check(&stats()).unwrap();
        assert_eq!(
            e.reason,
            "cascade: q25 logprob -3.00 below -1.00 → escalate"
        );
        assert!(should_escalate(&stats(), Signal::Q10, f32::NAN).is_err());
        let mut broken = stats();
        broken.q10 = f32::NAN;
        assert_eq!(
            should_escalate(&broken, Signal::Q10, 1.0)
                .unwrap_err()
                .kind(),
            "invalid_input"
        );
    }
}
