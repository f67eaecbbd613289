//! Personalisation on the device: the learned [`Router`] updated online from one user's
//! feedback, one event at a time, where the router runs (the browser). Nothing leaves the
//! device; the personalised router is router.json again, with a [`Personal`] record of the
//! base weights it started from and how many events it has learned.
//!
//! # What feedback means ([`label`])
//!
//! The label is the router's positive class seen by this user: "this request wanted the
//! server" (true) or "the local answer was fine" (false).
//! - `ask_server` on a local answer ("ask the server too"): true — the user said so.
//! - `down` on a local answer: true — the local model was not good enough for this user.
//! - `up` on a local answer: false — the local model was enough.
//! - any feedback on a server answer: no label. The user never saw what the local model would
//!   have said, so a thumbs-up cannot say the server was *needed*, and a thumbs-down does not
//!   say the local model would have done better. Learning "server" from happy server answers
//!   would also feed on itself: the router only sees outcomes of its own choices, so it would
//!   drift towards the server on no evidence. Only a local answer is a counterfactual-free
//!   observation of the decision the router makes.
//!
//! # The update ([`Router::learn`])
//!
//! One step of stochastic gradient descent on the log-loss of the event, in the router's
//! standardised feature space (`z = (x - mean) / scale`, with the bias as a constant input 1),
//! normalised by `|z|² + 1`: the step moves this prompt's logit by exactly
//! `rate · (label - score)`, whatever the feature dimension, so `rate` means the same for a
//! 192- and a 2048-dimensional router, and one event moves its own prompt's logit by at most
//! `rate` (and the weight vector by at most `rate / sqrt(|z|² + 1)`; another prompt's logit
//! moves by that times its own |z| and the cosine between the two, which can exceed `rate` for an
//! outlying prompt). Before the step the learned offset from the base router is shrunk by `l2`
//! (weight decay towards the base weights, the gradient step of `l2/2 · |w - w_base|²`): older
//! events fade, with `l2` > 0 the offset stays below `rate / l2` (with `l2` = 0 nothing bounds
//! it), and a few events cannot wreck the calibrated router. The threshold, standardisation and cascade
//! rule are the base router's and never change; prompts unlike the ones the user rated (nearly
//! orthogonal in the standardised space) keep nearly their base score.
use serde::{Deserialize, Serialize};

use crate::check;
use crate::router::{sigmoid, Router};
use crate::rules::Route;
use crate::{Error, Result};

/// The largest `rate`: one event moves a prompt's logit by at most this much.
pub const MAX_RATE: f32 = 4.0;

/// One user's reaction to an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feedback {
    Up,
    Down,
    /// "Ask the server too".
    AskServer,
}

impl std::str::FromStr for Feedback {
    type Err = Error;
    fn from_str(s: &str) -> Result<Feedback> {
        match s {
            "up" => Ok(Feedback::Up),
            "down" => Ok(Feedback::Down),
            "ask_server" => Ok(Feedback::AskServer),
            _ => Err(Error::UnknownFeedback(s.to_string())),
        }
    }
}

/// The training label of `feedback` on an answer produced by `route`: `Some(true)` = wanted the
/// server, `Some(false)` = the local answer was fine, `None` = no evidence either way (the
/// module's documentation says why).
pub fn label(feedback: Feedback, route: Route) -> Option<bool> {
    match (route, feedback) {
        (Route::Local, Feedback::Up) => Some(false),
        (Route::Local, Feedback::Down | Feedback::AskServer) => Some(true),
        (Route::Server, _) => None,
    }
}

/// What a personalised router.json records besides its (learned) weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Personal {
    /// Feedback events learned since the base router.
    pub events: u64,
    /// The base router's weights and bias: the anchor of the L2 pull, and what a reset (or
    /// [`Router::base`]) returns to.
    pub base_weights: Vec<f32>,
    pub base_bias: f32,
}

/// The step's settings. Defaults `rate` 2, `l2` 0.02: chosen with `tandem router simulate` on
/// the pair's calibration split (docs/BENCHMARKS.md, "Personalisation on the device"), where a
/// higher rate or a weaker pull learned faster but a single event would move its prompt further.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LearnParams {
    /// How far one event moves its prompt's logit, per unit of error: in (0, [`MAX_RATE`]].
    pub rate: f32,
    /// The share of the learned offset from the base weights forgotten at each event, in
    /// [0, 1).
    pub l2: f32,
}

impl Default for LearnParams {
    fn default() -> Self {
        LearnParams {
            rate: 2.0,
            l2: 0.02,
        }
    }
}

impl LearnParams {
    /// Rejects a rate outside (0, [`MAX_RATE`]] or an `l2` outside [0, 1) (NaN and infinity
    /// included).
    pub fn validate(&self) -> Result<()> {
        check::finite_scalar("rate", self.rate)?;
        check::finite_scalar("l2", self.l2)?;
        if !(self.rate > 0.0 && self.rate <= MAX_RATE) {
            let why = format!("{} is not in (0, {MAX_RATE}]", self.rate);
            return Err(Error::param("rate", why));
        }
        if !(0.0..1.0).contains(&self.l2) {
            return Err(Error::param("l2", format!("{} is not in [0, 1)", self.l2)));
        }
        Ok(())
    }
}

/// One event's effect: the prompt's score before and after, and the events learned so far.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Learned {
    pub before: f32,
    pub after: f32,
    pub events: u64,
}

impl Router {
    /// Learns one feedback event: `features` (the prompt's, as for [`Router::score`]) wanted
    /// the server (`wants_server`) or not. Errors (the router unchanged): a vector of the wrong
    /// dimension (`feature_dim`), NaN/infinity in it or parameters out of range
    /// (`invalid_input`).
    pub fn learn(
        &mut self,
        features: &[f32],
        wants_server: bool,
        params: &LearnParams,
    ) -> Result<Learned> {
        params.validate()?;
        let before = self.score(features)?;
        let z: Vec<f64> = features
            .iter()
            .zip(&self.mean)
            .zip(&self.scale)
            .map(|((&x, &m), &s)| (f64::from(x) - f64::from(m)) / f64::from(s))
            .collect();
        let personal = self.personal.get_or_insert_with(|| Personal {
            events: 0,
            base_weights: self.weights.clone(),
            base_bias: self.bias,
        });
        // The pull towards the base, then the gradient step at the pulled weights.
        let keep = 1.0 - f64::from(params.l2);
        let mut w: Vec<f64> = self
            .weights
            .iter()
            .zip(&personal.base_weights)
            .map(|(&w, &b)| f64::from(b) + keep * (f64::from(w) - f64::from(b)))
            .collect();
        let base_bias = f64::from(personal.base_bias);
        let mut b = base_bias + keep * (f64::from(self.bias) - base_bias);
        let logit = b + w.iter().zip(&z).map(|(w, z)| w * z).sum::<f64>();
        let err = f64::from(u8::from(wants_server)) - sigmoid(logit);
        // |z|² can overflow f64 only for absurd (but finite) inputs; such a step is ~0 anyway.
        let norm = 1.0 + z.iter().map(|z| z * z).sum::<f64>();
        let step = f64::from(params.rate) * err / norm;
        if step.is_finite() {
            for (w, z) in w.iter_mut().zip(&z) {
                *w += step * z;
            }
            b += step;
        }
        personal.events = personal.events.saturating_add(1);
        let events = personal.events;
        self.weights = w.iter().map(|&w| w as f32).collect();
        self.bias = b as f32;
        let after = self.score(features)?;
        Ok(Learned {
            before,
            after,
            events,
        })
    }

    /// Feedback events this router has learned (0 for a router as fitted).
    pub fn events(&self) -> u64 {
        self.personal.as_ref().map_or(0, |p| p.events)
    }

    /// The router before any feedback: the base weights and bias, no [`Personal`] record.
    pub fn base(&self) -> Router {
        let mut r = self.clone();
        if let Some(p) = r.personal.take() {
            r.weights = p.base_weights;
            r.bias = p.base_bias;
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Built from router.json text, so optional fields other modules add keep their defaults.
    fn router() -> Router {
        Router::from_json(
            r#"{"version": "tandem-router/1", "kind": "logistic", "dim": 3,
                "mean": [0.0, 1.0, -1.0], "scale": [1.0, 2.0, 0.5], "weights": [1.0, -1.0, 0.5],
                "bias": -0.5, "threshold": 0.4, "target_share": 0.3, "label": "disagreement",
                "trained_on": 100}"#,
        )
        .unwrap()
    }

    const X: [f32; 3] = [0.5, 2.0, -1.5];
    const OTHER: [f32; 3] = [-1.0, -3.0, 0.0];

    fn logit(p: f32) -> f64 {
        let p = f64::from(p);
        (p / (1.0 - p)).ln()
    }

    #[test]
    fn labels_follow_the_documented_semantics() {
        use Feedback::*;
        assert_eq!(label(AskServer, Route::Local), Some(true));
        assert_eq!(label(Down, Route::Local), Some(true));
        assert_eq!(label(Up, Route::Local), Some(false));
        for f in [Up, Down, AskServer] {
            assert_eq!(label(f, Route::Server), None);
        }
        assert_eq!("ask_server".parse::<Feedback>().unwrap(), AskServer);
        let e = "thumbs".parse::<Feedback>().unwrap_err();
        assert_eq!(e.kind(), "invalid_input");
    }

    #[test]
    fn the_score_moves_the_way_of_the_label_by_at_most_rate() {
        let p = LearnParams { rate: 1.0, l2: 0.0 };
        let mut r = router();
        let up = r.learn(&X, true, &p).unwrap();
        assert!(up.after > up.before, "{up:?}");
        assert_eq!(up.events, 1);
        // With l2 = 0 the logit moves by exactly rate · (1 - score).
        let moved = logit(up.after) - logit(up.before);
        let want = 1.0 - f64::from(up.before);
        assert!((moved - want).abs() < 1e-4, "{moved} vs {want}");
        let down = r.learn(&X, false, &p).unwrap();
        assert!(down.after < down.before, "{down:?}");
        assert_eq!((down.events, r.events()), (2, 2));
        // Repeated events saturate instead of running away: each step is bounded by `rate`.
        let mut r = router();
        let mut last = r.score(&X).unwrap();
        for _ in 0..20 {
            let l = r
                .learn(
                    &X,
                    true,
                    &LearnParams {
                        rate: MAX_RATE,
                        l2: 0.0,
                    },
                )
                .unwrap();
            assert!(logit(l.after) - logit(l.before) <= f64::from(MAX_RATE) + 1e-3);
            assert!(l.after >= last);
            last = l.after;
        }
        assert!(last > 0.95 && r.weights.iter().all(|w| w.is_finite()));
    }

    #[test]
    fn learning_a_prompt_changes_its_decision() {
        let mut r = router();
        assert!(r.score(&X).unwrap() <= r.threshold);
        for _ in 0..3 {
            r.learn(&X, true, &LearnParams::default()).unwrap();
        }
        assert!(r.score(&X).unwrap() > r.threshold);
    }

    #[test]
    fn l2_keeps_it_near_the_base() {
        let base = router();
        let offset = |r: &Router| -> f64 {
            r.weights
                .iter()
                .zip(&base.weights)
                .map(|(a, b)| f64::from(a - b).powi(2))
                .sum::<f64>()
                .sqrt()
        };
        let mut free = router();
        let mut pulled = router();
        for i in 0..500 {
            let x = if i % 2 == 0 { X } else { OTHER };
            free.learn(&x, true, &LearnParams { rate: 1.0, l2: 0.0 })
                .unwrap();
            pulled
                .learn(&x, true, &LearnParams { rate: 1.0, l2: 0.2 })
                .unwrap();
        }
        assert!(
            offset(&pulled) < offset(&free),
            "{} vs {}",
            offset(&pulled),
            offset(&free)
        );
        // With l2 > 0 the offset stays below rate / l2.
        assert!(offset(&pulled) <= 1.0 / 0.2);
        // Events the other way undo it, and with no more events the pull returns to the base.
        let mut r = router();
        r.learn(&X, true, &LearnParams { rate: 1.0, l2: 0.5 })
            .unwrap();
        for _ in 0..60 {
            // A label equal to the score's side still pulls; rate tiny: nearly pure decay.
            r.learn(
                &X,
                true,
                &LearnParams {
                    rate: 1e-6,
                    l2: 0.5,
                },
            )
            .unwrap();
        }
        assert!(offset(&r) < 1e-5, "{}", offset(&r));
        assert_eq!(r.base(), base);
    }

    #[test]
    fn bad_input_is_refused_and_leaves_the_router_unchanged() {
        let mut r = router();
        let p = LearnParams::default();
        let nan = r.learn(&[f32::NAN, 0.0, 0.0], true, &p).unwrap_err();
        assert_eq!(nan.kind(), "invalid_input");
        assert!(r.learn(&[0.0, f32::INFINITY, 0.0], true, &p).is_err());
        assert_eq!(
            r.learn(&[0.0; 2], true, &p).unwrap_err().kind(),
            "feature_dim"
        );
        for (rate, l2) in [
            (f32::NAN, 0.0),
            (f32::INFINITY, 0.0),
            (0.0, 0.0),
            (-1.0, 0.0),
            (MAX_RATE * 2.0, 0.0),
            (1.0, f32::NAN),
            (1.0, -0.1),
            (1.0, 1.0),
        ] {
            let e = r.learn(&X, true, &LearnParams { rate, l2 }).unwrap_err();
            assert_eq!(e.kind(), "invalid_input", "{rate} {l2}");
        }
        assert_eq!(r, router());
        // Extreme but finite features give a finite router.
        r.learn(&[f32::MAX, -f32::MAX, f32::MAX], true, &p).unwrap();
        r.validate().unwrap();
    }

    #[test]
    fn a_personalised_router_round_trips_and_old_files_still_read() {
        let mut r = router();
        r.learn(&X, true, &LearnParams::default()).unwrap();
        r.learn(&OTHER, false, &LearnParams::default()).unwrap();
        let json = r.to_json().unwrap();
        assert!(json.contains("\"personal\""));
        let back = Router::from_json(&json).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.events(), 2);
        assert_eq!(back.base(), router());
        // A router as fitted writes no `personal` key: its router.json is unchanged.
        assert!(!router().to_json().unwrap().contains("personal"));
        // A corrupt record is refused.
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["personal"]["base_weights"] = serde_json::json!([1.0]);
        let e = Router::from_json(&v.to_string()).unwrap_err();
        assert_eq!(e.kind(), "invalid_router");
        v["personal"]["base_weights"] = serde_json::json!([1.0, 2.0, null]);
        assert!(Router::from_json(&v.to_string()).is_err());
        v["personal"] =
            serde_json::json!({"events": 1, "base_weights": [1, 2, 3], "base_bias": 0, "x": 1});
        assert!(Router::from_json(&v.to_string()).is_err());
    }
}
