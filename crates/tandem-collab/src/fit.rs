//! Training the router: L2-regularised logistic regression on standardised features, fitted by
//! L-BFGS (`lbfgs.rs`; deterministic: the same inputs give the same router, bit for bit, on one
//! platform). O(n·d) per step; at n ≈ 2000, d ≈ 1024 it converges in tens of steps, a fraction of a
//! second.
use serde::{Deserialize, Serialize};

use crate::lbfgs;
use crate::router::{sigmoid, Router, RouterKind, RouterLabel, ROUTER_VERSION};
use crate::{Error, Result};

/// Below this standard deviation a feature counts as constant and gets scale 1: its
/// standardised value is then ~0 in training, its weight stays ~0, and a different value at
/// inference cannot be blown up by dividing by a tiny scale.
pub const SCALE_FLOOR: f32 = 1e-6;

/// Training settings. Defaults: `l2` 0.01, 300 iterations, class-balanced, label
/// "disagreement".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FitParams {
    /// L2 penalty `l2/2 · |w|²` added to the mean log-loss (the bias is not penalised). Over
    /// standardised features; larger values for fewer examples or more dimensions.
    pub l2: f32,
    /// Most L-BFGS steps; training stops earlier once converged.
    pub iterations: usize,
    /// Weigh each class to half of the loss, so a rare positive class still shapes the
    /// boundary (the threshold is calibrated afterwards anyway).
    pub balanced: bool,
    /// What the labels mean, recorded in the router.
    pub label: RouterLabel,
}

impl Default for FitParams {
    fn default() -> Self {
        FitParams {
            l2: 0.01,
            iterations: 300,
            balanced: true,
            label: RouterLabel::Disagreement,
        }
    }
}

/// Fits a router on feature vectors `xs` with labels `ys` (true = should go to the server).
/// The result has threshold 0.5 and `target_share` the share of the training set it sends to
/// the server; calibrate it with [`Router::calibrate`] on held-out scores.
///
/// Errors: empty or ragged `xs`, `ys` of another length, a non-finite feature, labels of one
/// class only, a negative or non-finite `l2`, zero iterations.
pub fn fit_logistic(xs: &[Vec<f32>], ys: &[bool], params: &FitParams) -> Result<Router> {
    let (n, d) = check_data(xs, ys)?;
    if !(params.l2.is_finite() && params.l2 >= 0.0) {
        return Err(Error::param("l2", format!("{} is not ≥ 0", params.l2)));
    }
    if params.iterations == 0 {
        return Err(Error::param("iterations", "must be at least 1"));
    }
    let positives = ys.iter().filter(|&&y| y).count();
    if positives == 0 || positives == n {
        let all = if positives == 0 { "false" } else { "true" };
        return Err(Error::TrainingData(format!(
            "every label is {all}: a router needs examples of both routes"
        )));
    }

    let (mean, scale) = standardisation(xs, d);
    // Standardised design matrix, row-major n × d, in f64 like the rest of the optimisation.
    let mut z = Vec::with_capacity(n * d);
    for x in xs {
        for j in 0..d {
            z.push((f64::from(x[j]) - mean[j]) / scale[j]);
        }
    }
    let y: Vec<f64> = ys.iter().map(|&b| f64::from(u8::from(b))).collect();
    // Example weights summing to 1: the loss is a (class-balanced) mean.
    let negatives = n - positives;
    let c: Vec<f64> = ys
        .iter()
        .map(|&b| match (params.balanced, b) {
            (true, true) => 0.5 / positives as f64,
            (true, false) => 0.5 / negatives as f64,
            (false, _) => 1.0 / n as f64,
        })
        .collect();
    let l2 = f64::from(params.l2);

    // Start from w = 0 and the bias that matches the (weighted) base rate.
    let mut x0 = vec![0.0; d + 1];
    if !params.balanced {
        x0[d] = (positives as f64 / negatives as f64).ln();
    }
    let loss = |p: &[f64], grad: &mut [f64]| -> f64 {
        let (w, b) = p.split_at(d);
        let b = b[0];
        grad.fill(0.0);
        let mut loss = 0.0;
        for i in 0..n {
            let row = &z[i * d..(i + 1) * d];
            let m = b + lbfgs::dot(w, row);
            loss += c[i] * (softplus(m) - y[i] * m);
            let r = c[i] * (sigmoid(m) - y[i]);
            for (gj, &zj) in grad[..d].iter_mut().zip(row) {
                *gj += r * zj;
            }
            grad[d] += r;
        }
        for (gj, &wj) in grad[..d].iter_mut().zip(w) {
            *gj += l2 * wj;
        }
        loss + 0.5 * l2 * lbfgs::dot(w, w)
    };
    let (p, steps) = lbfgs::minimize(x0, params.iterations, loss);

    let mut router = Router {
        version: ROUTER_VERSION.into(),
        kind: RouterKind::Logistic,
        dim: d,
        mean: mean.iter().map(|&m| m as f32).collect(),
        scale: scale.iter().map(|&s| s as f32).collect(),
        weights: p[..d].iter().map(|&w| w as f32).collect(),
        bias: p[d] as f32,
        threshold: 0.5,
        target_share: 0.0,
        label: params.label,
        cascade: None,
        token_defer: None,
        trained_on: n,
        personal: None,
        notes: format!(
            "logistic regression: l2 {}, {steps} L-BFGS steps (of at most {}), {}",
            params.l2,
            params.iterations,
            if params.balanced {
                "class-balanced"
            } else {
                "unweighted"
            }
        ),
    };
    // A separable set with l2 = 0 can push weights past f32: report it rather than write
    // a router that cannot be read back.
    router
        .validate()
        .map_err(|e| Error::TrainingData(format!("the fit diverged ({e}); raise l2")))?;
    let train_scores = router.scores(xs)?;
    router.target_share = router.share_of(&train_scores)?;
    Ok(router)
}

/// Validates the training set; returns (examples, dimension).
fn check_data(xs: &[Vec<f32>], ys: &[bool]) -> Result<(usize, usize)> {
    crate::check::non_empty("xs", xs)?;
    crate::check::same_len("ys", ys, xs.len())?;
    let d = xs[0].len();
    if d == 0 {
        return Err(Error::TrainingData("feature vectors are empty".into()));
    }
    for (i, x) in xs.iter().enumerate() {
        if x.len() != d {
            return Err(Error::TrainingData(format!(
                "row {i} has {} features, row 0 has {d}",
                x.len()
            )));
        }
        if let Some(j) = x.iter().position(|v| !v.is_finite()) {
            return Err(Error::TrainingData(format!(
                "row {i} feature {j} is not a finite number"
            )));
        }
    }
    Ok((xs.len(), d))
}

/// Per-feature mean and scale (population standard deviation, or 1 below [`SCALE_FLOOR`]).
fn standardisation(xs: &[Vec<f32>], d: usize) -> (Vec<f64>, Vec<f64>) {
    let n = xs.len() as f64;
    let mut mean = vec![0.0; d];
    for x in xs {
        for (m, &v) in mean.iter_mut().zip(x) {
            *m += f64::from(v);
        }
    }
    mean.iter_mut().for_each(|m| *m /= n);
    let mut var = vec![0.0; d];
    for x in xs {
        for ((s, &v), &m) in var.iter_mut().zip(x).zip(&mean) {
            *s += (f64::from(v) - m).powi(2);
        }
    }
    // Round the mean to f32 first: the router stores f32, and scoring must standardise exactly
    // as training did.
    let mean: Vec<f64> = mean.iter().map(|&m| f64::from(m as f32)).collect();
    let scale = var
        .iter()
        .map(|&s| {
            let sd = (s / n).sqrt() as f32;
            f64::from(if sd >= SCALE_FLOOR { sd } else { 1.0 })
        })
        .collect();
    (mean, scale)
}

/// log(1 + e^m) without overflow.
fn softplus(m: f64) -> f64 {
    if m > 0.0 {
        m + (-m).exp().ln_1p()
    } else {
        m.exp().ln_1p()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator for test data (xorshift64*).
    fn rng(seed: u64) -> impl FnMut() -> f32 {
        let mut s = seed.max(1);
        move || {
            s ^= s >> 12;
            s ^= s << 25;
            s ^= s >> 27;
            let v = s.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 40;
            v as f32 / (1u64 << 24) as f32 - 0.5
        }
    }

    /// Two classes separated along feature 0 (with offsets and scales that need
    /// standardising); the other features are noise.
    fn toy(n: usize, d: usize, seed: u64) -> (Vec<Vec<f32>>, Vec<bool>) {
        let mut r = rng(seed);
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for i in 0..n {
            let y = i % 3 == 0;
            let mut x: Vec<f32> = (0..d).map(|j| 100.0 + (j as f32 + 1.0) * r()).collect();
            x[0] = 50.0 + if y { 2.0 } else { -2.0 } + r();
            xs.push(x);
            ys.push(y);
        }
        (xs, ys)
    }

    #[test]
    fn separates_a_separable_toy_set() {
        let (xs, ys) = toy(120, 8, 7);
        let r = fit_logistic(&xs, &ys, &FitParams::default()).unwrap();
        assert_eq!((r.dim, r.trained_on), (8, 120));
        let scores = r.scores(&xs).unwrap();
        for (s, &y) in scores.iter().zip(&ys) {
            assert_eq!(*s > 0.5, y, "score {s} for label {y}");
        }
        // The separating feature carries the weight.
        let w0 = r.weights[0].abs();
        assert!(r.weights[1..].iter().all(|w| w.abs() < w0));
        assert!((r.target_share - 40.0 / 120.0).abs() < 1e-6);
        // And it is a valid router.json.
        Router::from_json(&r.to_json().unwrap()).unwrap();
    }

    #[test]
    fn is_deterministic() {
        let (xs, ys) = toy(90, 16, 3);
        for balanced in [true, false] {
            let p = FitParams {
                balanced,
                l2: 0.1,
                ..FitParams::default()
            };
            let a = fit_logistic(&xs, &ys, &p).unwrap();
            let b = fit_logistic(&xs, &ys, &p).unwrap();
            assert_eq!(a, b);
        }
    }

    #[test]
    fn unregularised_separable_fit_stays_finite() {
        let (xs, ys) = toy(60, 4, 11);
        let p = FitParams {
            l2: 0.0,
            iterations: 50,
            ..FitParams::default()
        };
        // Either a valid router or a typed error, never NaN weights or a panic.
        match fit_logistic(&xs, &ys, &p) {
            Ok(r) => r.validate().unwrap(),
            Err(e) => assert_eq!(e.kind(), "invalid_training_data"),
        }
    }

    #[test]
    fn constant_features_get_scale_one_and_no_weight() {
        let (mut xs, ys) = toy(60, 4, 5);
        for x in &mut xs {
            x[2] = 3.0;
        }
        let r = fit_logistic(&xs, &ys, &FitParams::default()).unwrap();
        assert_eq!(r.scale[2], 1.0);
        assert_eq!(r.weights[2], 0.0);
        // A different value there at inference changes nothing.
        let mut x = xs[0].clone();
        let before = r.score(&x).unwrap();
        x[2] = 1e6;
        assert_eq!(r.score(&x).unwrap(), before);
    }

    #[test]
    fn rejects_bad_training_data() {
        let (xs, ys) = toy(30, 4, 1);
        let p = FitParams::default();
        assert_eq!(
            fit_logistic(&[], &[], &p).unwrap_err().kind(),
            "invalid_input"
        );
        assert_eq!(
            fit_logistic(&xs, &ys[..10], &p).unwrap_err().kind(),
            "invalid_input"
        );
        let mut ragged = xs.clone();
        ragged[3].pop();
        assert_eq!(
            fit_logistic(&ragged, &ys, &p).unwrap_err().kind(),
            "invalid_training_data"
        );
        let mut nan = xs.clone();
        nan[4][1] = f32::NAN;
        assert_eq!(
            fit_logistic(&nan, &ys, &p).unwrap_err().kind(),
            "invalid_training_data"
        );
        assert_eq!(
            fit_logistic(&xs, &[true; 30], &p).unwrap_err().kind(),
            "invalid_training_data"
        );
        let bad_l2 = FitParams {
            l2: f32::NAN,
            ..FitParams::default()
        };
        assert!(fit_logistic(&xs, &ys, &bad_l2).is_err());
        let no_iter = FitParams {
            iterations: 0,
            ..FitParams::default()
        };
        assert!(fit_logistic(&xs, &ys, &no_iter).is_err());
        assert!(fit_logistic(&[vec![]], &[true], &p).is_err());
    }

    #[test]
    fn params_deserialise_with_defaults() {
        let p: FitParams = serde_json::from_str(r#"{"l2": 0.5, "label": "local_wrong"}"#).unwrap();
        assert_eq!(p.l2, 0.5);
        assert_eq!(p.label, RouterLabel::LocalWrong);
        assert_eq!(p.iterations, FitParams::default().iterations);
    }
}

#[cfg(test)]
mod full_size {
    use super::*;

    /// The sizes the router meets (d = 1024 pooled features, n = 2000 prompts): converges in
    /// tens of steps, a fraction of a second even in the test profile.
    #[test]
    fn fits_full_size_data() {
        let (n, d) = (2000, 1024);
        let mut s = 0x2545_F491_4F6C_DD1Du64;
        let mut r = move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 40) as f32 / (1u64 << 24) as f32 - 0.5
        };
        let ys: Vec<bool> = (0..n).map(|i| i % 4 == 0).collect();
        let xs: Vec<Vec<f32>> = ys
            .iter()
            .map(|&y| {
                (0..d)
                    .map(|j| r() + if y && j < 16 { 0.3 } else { 0.0 })
                    .collect()
            })
            .collect();
        let router = fit_logistic(&xs, &ys, &FitParams::default()).unwrap();
        let scores = router.scores(&xs).unwrap();
        let right = scores
            .iter()
            .zip(&ys)
            .filter(|(s, &y)| (**s > 0.5) == y)
            .count();
        assert!(right as f64 / n as f64 > 0.8, "{}", router.notes);
    }
}
