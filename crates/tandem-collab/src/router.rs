//! The learned router: a logistic regression over the local engine's pooled prompt features
//! (tandem-engine's `prompt_features()`: the prompt's mean and last final-norm hidden states,
//! concatenated), scoring how likely the request needs the server before anything is generated.
//!
//! [`Router`] is also the on-disk format, router.json (version `tandem-router/1`). A router is
//! only usable with features from the model (and pooling) it was trained on, so `dim` is checked
//! on every score. Training is in [`crate::fit`]; the threshold comes from
//! [`crate::calibrate::threshold_for_share`].
use serde::{Deserialize, Serialize};

use crate::calibrate::{share_above, threshold_for_share};
use crate::cascade::CascadeRule;
use crate::check;
use crate::personal::Personal;
use crate::rules::Score;
use crate::token_defer::DeferRule;

// Training lives in its own module; re-exported here, next to the format it produces.
pub use crate::fit::{fit_logistic, FitParams};
use crate::{Error, Result};

/// The one router.json version this crate reads and writes.
pub const ROUTER_VERSION: &str = "tandem-router/1";

/// The model family; only logistic regression for now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RouterKind {
    Logistic,
}

/// What the router was trained to predict (its positive class).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RouterLabel {
    /// The local and server answers differ ([`crate::answer::agree`] is false): needs no
    /// reference answers, so it can be labelled from any prompts.
    #[default]
    Disagreement,
    /// The local answer is wrong ([`crate::answer::is_correct`] is false).
    LocalWrong,
}

/// A trained router, exactly as router.json holds it. Scores are
/// `sigmoid(weights · ((x - mean) / scale) + bias)`, in [0, 1]; `score > threshold` → server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Router {
    /// Always [`ROUTER_VERSION`].
    pub version: String,
    pub kind: RouterKind,
    /// Length of the feature vector, and of `mean`, `scale` and `weights`.
    pub dim: usize,
    /// Standardisation from the training set: each feature's mean and (positive) scale.
    pub mean: Vec<f32>,
    pub scale: Vec<f32>,
    pub weights: Vec<f32>,
    pub bias: f32,
    pub threshold: f32,
    /// The share of requests `threshold` was calibrated to send to the server.
    pub target_share: f32,
    pub label: RouterLabel,
    /// An optional cascade applied after local generation.
    #[serde(default)]
    pub cascade: Option<CascadeRule>,
    /// An optional token-level deferral rule (policy `token-defer`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_defer: Option<DeferRule>,
    /// How many examples it was fitted on.
    pub trained_on: usize,
    #[serde(default)]
    pub notes: String,
    /// Present once the router has learned from a user's feedback on the device
    /// ([`crate::personal`]); absent in a router as fitted, so its router.json is unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal: Option<Personal>,
}

impl Router {
    /// Parses and validates router.json. The version is read first, so a file from another
    /// version is reported as such rather than as a field it does not know.
    pub fn from_json(json: &str) -> Result<Router> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| Error::InvalidRouter(e.to_string()))?;
        match value.get("version").and_then(|v| v.as_str()) {
            Some(ROUTER_VERSION) => {}
            Some(other) => return Err(Error::RouterVersion(other.to_string())),
            None => {
                let why = "no \"version\" string (expected \"tandem-router/1\")";
                return Err(Error::InvalidRouter(why.into()));
            }
        }
        let router: Router =
            serde_json::from_value(value).map_err(|e| Error::InvalidRouter(e.to_string()))?;
        router.validate()?;
        Ok(router)
    }

    /// router.json, pretty-printed. Validates first, so what is written can be read back.
    pub fn to_json(&self) -> Result<String> {
        self.validate()?;
        serde_json::to_string_pretty(self).map_err(|e| Error::InvalidRouter(e.to_string()))
    }

    /// Checks what [`Router::from_json`] checks: the version, `dim` > 0 and equal to every
    /// vector's length (`personal.base_weights` too), every number finite, scales positive,
    /// `target_share` in [0, 1].
    pub fn validate(&self) -> Result<()> {
        let bad = |why: String| Err(Error::InvalidRouter(why));
        if self.version != ROUTER_VERSION {
            return Err(Error::RouterVersion(self.version.clone()));
        }
        if self.dim == 0 {
            return bad("dim is 0".into());
        }
        for (name, v) in [
            ("mean", &self.mean),
            ("scale", &self.scale),
            ("weights", &self.weights),
        ] {
            if v.len() != self.dim {
                return bad(format!(
                    "{name} has {} values, dim is {}",
                    v.len(),
                    self.dim
                ));
            }
            if let Some(i) = v.iter().position(|x| !x.is_finite()) {
                return bad(format!("{name}[{i}] is not a finite number"));
            }
        }
        if let Some(i) = self.scale.iter().position(|&s| s <= 0.0) {
            return bad(format!("scale[{i}] is {}, must be positive", self.scale[i]));
        }
        for (name, v) in [("bias", self.bias), ("threshold", self.threshold)] {
            if !v.is_finite() {
                return bad(format!("{name} is not a finite number"));
            }
        }
        if !(0.0..=1.0).contains(&self.target_share) {
            return bad(format!(
                "target_share {} is not in [0, 1]",
                self.target_share
            ));
        }
        if let Some(c) = &self.cascade {
            if !c.threshold.is_finite() {
                return bad("cascade.threshold is not a finite number".into());
            }
        }
        if let Some(d) = &self.token_defer {
            d.validate()
                .map_err(|e| Error::InvalidRouter(format!("token_defer: {e}")))?;
        }
        if let Some(p) = &self.personal {
            if p.base_weights.len() != self.dim {
                let n = p.base_weights.len();
                return bad(format!(
                    "personal.base_weights has {n} values, dim is {}",
                    self.dim
                ));
            }
            if let Some(i) = p.base_weights.iter().position(|x| !x.is_finite()) {
                return bad(format!("personal.base_weights[{i}] is not a finite number"));
            }
            if !p.base_bias.is_finite() {
                return bad("personal.base_bias is not a finite number".into());
            }
        }
        Ok(())
    }

    /// The probability-like score in [0, 1] that `features` need the server. Errors: a vector
    /// of the wrong dimension (`feature_dim`) or holding NaN/infinity.
    pub fn score(&self, features: &[f32]) -> Result<f32> {
        if features.len() != self.dim {
            return Err(Error::FeatureDim {
                expected: self.dim,
                actual: features.len(),
            });
        }
        check::finite("features", features)?;
        // f64: (x - mean) / scale cannot overflow for any finite f32 input.
        let mut z = f64::from(self.bias);
        for (((&x, &m), &s), &w) in features
            .iter()
            .zip(&self.mean)
            .zip(&self.scale)
            .zip(&self.weights)
        {
            z += f64::from(w) * (f64::from(x) - f64::from(m)) / f64::from(s);
        }
        Ok(sigmoid(z) as f32)
    }

    /// Scores of many feature vectors (a calibration or evaluation set).
    pub fn scores(&self, features: &[Vec<f32>]) -> Result<Vec<f32>> {
        features.iter().map(|x| self.score(x)).collect()
    }

    /// The score as [`crate::rules::decide`] takes it: named "router", with this threshold.
    pub fn route_score(&self, features: &[f32]) -> Result<Score> {
        Ok(Score {
            name: "router".into(),
            value: self.score(features)?,
            threshold: self.threshold,
        })
    }

    /// Sets `threshold` so that about `target_share` of `scores` (this router's scores on a
    /// calibration sample of real prompts) go to the server, and records the target.
    pub fn calibrate(&mut self, scores: &[f32], target_share: f32) -> Result<()> {
        self.threshold = threshold_for_share(scores, target_share)?;
        self.target_share = target_share;
        Ok(())
    }

    /// The share of `scores` the current threshold sends to the server.
    pub fn share_of(&self, scores: &[f32]) -> Result<f32> {
        share_above(scores, self.threshold)
    }
}

/// The logistic function, in the form that cannot overflow for either sign.
pub(crate) fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn router() -> Router {
        Router {
            version: ROUTER_VERSION.into(),
            kind: RouterKind::Logistic,
            dim: 3,
            mean: vec![0.0, 1.0, -1.0],
            scale: vec![1.0, 2.0, 0.5],
            weights: vec![1.0, -1.0, 0.5],
            bias: 0.25,
            threshold: 0.4,
            target_share: 0.3,
            label: RouterLabel::Disagreement,
            cascade: Some(CascadeRule {
                signal: crate::Signal::Q10,
                threshold: 2.5,
            }),
            token_defer: Some(DeferRule {
                signal: crate::TokenSignal::Margin,
                threshold: -2.0,
                target_share: Some(0.25),
            }),
            trained_on: 100,
            notes: "test".into(),
            personal: None,
        }
    }

    #[test]
    fn json_round_trip() {
        let r = router();
        let json = r.to_json().unwrap();
        assert!(json.contains("\"version\": \"tandem-router/1\""));
        assert!(json.contains("\"kind\": \"logistic\""));
        assert!(json.contains("\"label\": \"disagreement\""));
        assert!(json.contains("\"signal\": \"q10\""));
        assert_eq!(Router::from_json(&json).unwrap(), r);
    }

    #[test]
    fn optional_fields_may_be_absent() {
        let mut v = serde_json::to_value(router()).unwrap();
        let obj = v.as_object_mut().unwrap();
        obj.remove("cascade");
        obj.remove("notes");
        obj.remove("token_defer");
        let r = Router::from_json(&v.to_string()).unwrap();
        assert_eq!(r.cascade, None);
        assert_eq!(r.token_defer, None);
        assert!(!r.to_json().unwrap().contains("token_defer"));
        assert_eq!(r.notes, "");
    }

    #[test]
    fn score_is_the_standardised_logistic() {
        let r = router();
        let x = [1.0, 3.0, -0.5];
        // standardised: (1, 1, 1); z = 1 - 1 + 0.5 + 0.25 = 0.75
        let want = 1.0 / (1.0 + (-0.75f64).exp());
        assert!((f64::from(r.score(&x).unwrap()) - want).abs() < 1e-6);
        let s = r.route_score(&x).unwrap();
        assert_eq!((s.name.as_str(), s.threshold), ("router", 0.4));
        // Extreme but finite inputs saturate instead of overflowing.
        let big = r.score(&[f32::MAX, -f32::MAX, f32::MAX]).unwrap();
        assert!((0.0..=1.0).contains(&big));
    }

    #[test]
    fn score_rejects_wrong_dim_and_non_finite() {
        let r = router();
        let e = r.score(&[1.0, 2.0]).unwrap_err();
        assert_eq!(
            e,
            Error::FeatureDim {
                expected: 3,
                actual: 2
            }
        );
        assert_eq!(e.kind(), "feature_dim");
        assert_eq!(
            r.score(&[1.0, f32::NAN, 0.0]).unwrap_err().kind(),
            "invalid_input"
        );
        assert!(r.score(&[1.0, f32::INFINITY, 0.0]).is_err());
    }

    fn rejects(edit: impl FnOnce(&mut serde_json::Value), kind: &str) {
        let mut v = serde_json::to_value(router()).unwrap();
        edit(&mut v);
        let e = Router::from_json(&v.to_string()).unwrap_err();
        assert_eq!(e.kind(), kind, "{e}");
    }

    #[test]
    fn rejects_corrupt_routers() {
        assert_eq!(
            Router::from_json("{not json").unwrap_err().kind(),
            "invalid_router"
        );
        assert_eq!(
            Router::from_json("[]").unwrap_err().kind(),
            "invalid_router"
        );
        rejects(
            |v| v["version"] = "tandem-router/2".into(),
            "unsupported_router_version",
        );
        rejects(|v| v["version"] = 1.into(), "invalid_router");
        rejects(|v| v["dim"] = 4.into(), "invalid_router");
        rejects(|v| v["dim"] = 0.into(), "invalid_router");
        rejects(
            |v| v["weights"] = serde_json::json!([1.0, 2.0]),
            "invalid_router",
        );
        // serde_json writes NaN as null, which is not a number.
        rejects(|v| v["mean"][1] = serde_json::Value::Null, "invalid_router");
        rejects(|v| v["bias"] = serde_json::Value::Null, "invalid_router");
        rejects(|v| v["scale"][0] = 0.0.into(), "invalid_router");
        rejects(|v| v["scale"][0] = (-1.0).into(), "invalid_router");
        rejects(|v| v["weights"][2] = 1e300.into(), "invalid_router");
        rejects(|v| v["target_share"] = 1.5.into(), "invalid_router");
        rejects(|v| v["kind"] = "mlp".into(), "invalid_router");
        rejects(|v| v["label"] = "vibes".into(), "invalid_router");
        rejects(|v| v["cascade"]["signal"] = "q99".into(), "invalid_router");
        rejects(
            |v| v["token_defer"]["signal"] = "q10".into(),
            "invalid_router",
        );
        rejects(
            |v| v["token_defer"]["threshold"] = serde_json::Value::Null,
            "invalid_router",
        );
        rejects(
            |v| v["token_defer"]["target_share"] = 2.into(),
            "invalid_router",
        );
        rejects(|v| v["token_defer"]["extra"] = 1.into(), "invalid_router");
        rejects(|v| v["extra"] = 1.into(), "invalid_router");
        rejects(
            |v| {
                v.as_object_mut().unwrap().remove("threshold");
            },
            "invalid_router",
        );
    }

    #[test]
    fn non_finite_routers_are_not_written() {
        let mut r = router();
        r.weights[0] = f32::NAN;
        assert_eq!(r.to_json().unwrap_err().kind(), "invalid_router");
    }

    #[test]
    fn calibrate_sets_threshold_and_target() {
        let mut r = router();
        let scores: Vec<f32> = (0..100).map(|i| i as f32 / 100.0).collect();
        r.calibrate(&scores, 0.25).unwrap();
        assert_eq!(r.target_share, 0.25);
        assert_eq!(r.share_of(&scores).unwrap(), 0.25);
        assert!(r.calibrate(&scores, 2.0).is_err());
    }
}
