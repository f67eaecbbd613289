//! Evaluating a router the way RouteLLM does (Ong et al., 2024), from per-item outcomes: whether
//! the local model and the server answered each item correctly, and the router's score per item
//! (higher → server).
//!
//! - The **curve**: route the k highest-scored items to the server, k = 0..=n (ties broken by
//!   index, lower first, so it is deterministic); each point is (server share k/n, accuracy).
//! - **PGR** (performance gap recovered) at an accuracy: `(acc - acc_local) / (acc_server -
//!   acc_local)`; undefined (None) when the two accuracies are equal.
//! - **APGR**: the area under PGR against server share, by the trapezoid rule over the k grid.
//! - **CPT(p)**: the smallest server share whose PGR reaches p (CPT(50%) is the usual one).
//! - **AUROC** of the scores against the items where the server helps (local wrong, server
//!   right), by Mann–Whitney with ties counting one half.
//!
//! Baselines: always-local and always-server are the curve's end points. Random routing is
//! given analytically, not sampled: at share k/n a random choice of k items has expected
//! accuracy on the straight line between the end points, so its expected PGR is k/n, its APGR
//! [`RANDOM_APGR`] = 0.5 and its CPT(p) is p. The oracle's scores are [`oracle_scores`].
use serde::{Deserialize, Serialize};

use crate::check;
use crate::Result;

/// Expected APGR of routing uniformly at random (see the module documentation).
pub const RANDOM_APGR: f32 = 0.5;

/// One point of the curve: the share of items sent to the server and the accuracy reached.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CurvePoint {
    pub share: f32,
    pub accuracy: f32,
}

fn check_outcomes(local_correct: &[bool], server_correct: &[bool]) -> Result<()> {
    check::non_empty("local_correct", local_correct)?;
    check::same_len("server_correct", server_correct, local_correct.len())
}

fn check_scores(scores: &[f32], n: usize) -> Result<()> {
    check::same_len("scores", scores, n)?;
    check::finite("scores", scores)
}

/// The items where sending to the server helps: local wrong and server right.
pub fn positives(local_correct: &[bool], server_correct: &[bool]) -> Result<Vec<bool>> {
    check_outcomes(local_correct, server_correct)?;
    Ok(local_correct
        .iter()
        .zip(server_correct)
        .map(|(&l, &s)| !l && s)
        .collect())
}

/// Item indices from highest score to lowest, ties by index.
fn ranking(scores: &[f32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

/// The accuracy/share curve, n + 1 points from (0, acc_local) to (1, acc_server).
pub fn curve(
    scores: &[f32],
    local_correct: &[bool],
    server_correct: &[bool],
) -> Result<Vec<CurvePoint>> {
    check_outcomes(local_correct, server_correct)?;
    check_scores(scores, local_correct.len())?;
    let n = scores.len();
    let mut correct = local_correct.iter().filter(|&&c| c).count() as i64;
    let point = |k: usize, correct: i64| CurvePoint {
        share: (k as f64 / n as f64) as f32,
        accuracy: (correct as f64 / n as f64) as f32,
    };
    let mut out = Vec::with_capacity(n + 1);
    out.push(point(0, correct));
    for (k, i) in ranking(scores).into_iter().enumerate() {
        correct += i64::from(server_correct[i]) - i64::from(local_correct[i]);
        out.push(point(k + 1, correct));
    }
    Ok(out)
}

/// Performance gap recovered; None when `server_accuracy == local_accuracy` (no gap to recover)
/// or an input is not finite.
pub fn pgr(accuracy: f32, local_accuracy: f32, server_accuracy: f32) -> Option<f32> {
    let gap = f64::from(server_accuracy) - f64::from(local_accuracy);
    let v = (f64::from(accuracy) - f64::from(local_accuracy)) / gap;
    (gap != 0.0 && v.is_finite()).then_some(v as f32)
}

/// Each curve point's PGR, against the curve's own end points.
fn pgrs(curve: &[CurvePoint]) -> Option<Vec<f32>> {
    let (first, last) = (curve.first()?, curve.last()?);
    curve
        .iter()
        .map(|p| pgr(p.accuracy, first.accuracy, last.accuracy))
        .collect()
}

/// Area under PGR against server share (trapezoid rule). None for a curve of fewer than two
/// points or without a gap between its ends.
pub fn apgr(curve: &[CurvePoint]) -> Option<f32> {
    if curve.len() < 2 {
        return None;
    }
    let pgr = pgrs(curve)?;
    let area: f64 = curve
        .windows(2)
        .zip(pgr.windows(2))
        .map(|(c, p)| {
            let width = f64::from(c[1].share) - f64::from(c[0].share);
            width * (f64::from(p[0]) + f64::from(p[1])) / 2.0
        })
        .sum();
    Some(area as f32)
}

/// The smallest server share whose PGR reaches `target_pgr` (0.5 for CPT(50%)); None when none
/// does or PGR is undefined. A tolerance of 1e-6 absorbs float rounding of the accuracies.
pub fn cpt(curve: &[CurvePoint], target_pgr: f32) -> Option<f32> {
    let pgr = pgrs(curve)?;
    curve
        .iter()
        .zip(pgr)
        .find(|(_, p)| *p >= target_pgr - 1e-6)
        .map(|(c, _)| c.share)
}

/// The accuracy with the top `round(share · n)` items on the server. Errors: an empty curve,
/// `share` outside [0, 1].
pub fn accuracy_at_share(curve: &[CurvePoint], share: f32) -> Result<f32> {
    check::non_empty("curve", curve)?;
    check::share("share", share)?;
    let n = curve.len() - 1;
    let k = (f64::from(share) * n as f64).round() as usize;
    Ok(curve[k.min(n)].accuracy)
}

/// The operating point of a threshold: items with `score > threshold` go to the server, as the
/// router does it (ties cannot be split). Returns the share sent and the accuracy reached.
pub fn accuracy_at_threshold(
    scores: &[f32],
    local_correct: &[bool],
    server_correct: &[bool],
    threshold: f32,
) -> Result<CurvePoint> {
    check_outcomes(local_correct, server_correct)?;
    check_scores(scores, local_correct.len())?;
    check::finite_scalar("threshold", threshold)?;
    let n = scores.len() as f64;
    let (mut sent, mut correct) = (0usize, 0usize);
    for ((&s, &l), &r) in scores.iter().zip(local_correct).zip(server_correct) {
        let server = s > threshold;
        sent += usize::from(server);
        correct += usize::from(if server { r } else { l });
    }
    Ok(CurvePoint {
        share: (sent as f64 / n) as f32,
        accuracy: (correct as f64 / n) as f32,
    })
}

/// Area under the ROC curve of `scores` for the `positives`, by Mann–Whitney U with average
/// ranks (a tie between a positive and a negative counts 1/2). Ok(None) when every item is of
/// one class. Errors: empty or mismatched slices, a non-finite score.
pub fn auroc(scores: &[f32], positives: &[bool]) -> Result<Option<f32>> {
    check::non_empty("positives", positives)?;
    check_scores(scores, positives.len())?;
    let n_pos = positives.iter().filter(|&&p| p).count();
    let n_neg = positives.len() - n_pos;
    if n_pos == 0 || n_neg == 0 {
        return Ok(None);
    }
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    // Sum of the positives' ranks (1-based), a tie group sharing its average rank.
    let mut rank_sum = 0.0f64;
    let mut i = 0;
    while i < order.len() {
        let mut j = i + 1;
        while j < order.len() && scores[order[j]] == scores[order[i]] {
            j += 1;
        }
        let avg_rank = (i + 1 + j) as f64 / 2.0;
        let pos_in_group = order[i..j].iter().filter(|&&k| positives[k]).count();
        rank_sum += avg_rank * pos_in_group as f64;
        i = j;
    }
    let (p, q) = (n_pos as f64, n_neg as f64);
    let u = rank_sum - p * (p + 1.0) / 2.0;
    Ok(Some((u / (p * q)) as f32))
}

/// The oracle's scores: 1 where the server helps (local wrong, server right), -1 where it
/// hurts (local right, server wrong), 0 where both agree in correctness. Three levels rather
/// than "1 for positives, else 0" so the oracle also routes the harmful items last: its curve is
/// then the best achievable at every share.
pub fn oracle_scores(local_correct: &[bool], server_correct: &[bool]) -> Result<Vec<f32>> {
    check_outcomes(local_correct, server_correct)?;
    Ok(local_correct
        .iter()
        .zip(server_correct)
        .map(|(&l, &s)| match (l, s) {
            (false, true) => 1.0,
            (true, false) => -1.0,
            _ => 0.0,
        })
        .collect())
}

/// A threshold with the share it was calibrated to send (a router's `threshold` and
/// `target_share`), for [`summarize`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperatingPoint {
    pub threshold: f32,
    pub target_share: f32,
}

/// Everything one evaluation reports. Optional fields are `null` when undefined: PGR-based
/// ones when local and server accuracy are equal, AUROC when every item is of one class, the
/// operating point's when none was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub items: usize,
    /// Items where the server helps (local wrong, server right).
    pub positives: usize,
    /// Always-local and always-server accuracy (the baselines at shares 0 and 1).
    pub local_accuracy: f32,
    pub server_accuracy: f32,
    pub apgr: Option<f32>,
    pub cpt50: Option<f32>,
    pub auroc: Option<f32>,
    pub oracle_apgr: Option<f32>,
    pub oracle_cpt50: Option<f32>,
    /// [`RANDOM_APGR`] when PGR is defined.
    pub random_apgr: Option<f32>,
    /// The operating point evaluated: its threshold and the share it was calibrated for.
    pub threshold: Option<f32>,
    pub calibrated_share: Option<f32>,
    /// The share the threshold actually sends to the server on these items, and the accuracy
    /// and PGR reached there.
    pub server_share: Option<f32>,
    pub accuracy_at_calibrated_share: Option<f32>,
    pub pgr_at_calibrated_share: Option<f32>,
}

/// Evaluates `scores` on these outcomes; with an operating point, also what its threshold
/// does. Errors: empty or mismatched slices, a non-finite score or threshold, a
/// `target_share` outside [0, 1].
pub fn summarize(
    scores: &[f32],
    local_correct: &[bool],
    server_correct: &[bool],
    operating: Option<OperatingPoint>,
) -> Result<Summary> {
    let routed = curve(scores, local_correct, server_correct)?;
    let oracle = oracle_scores(local_correct, server_correct)?;
    let oracle_curve = curve(&oracle, local_correct, server_correct)?;
    let pos = positives(local_correct, server_correct)?;
    let (local_accuracy, server_accuracy) = match (routed.first(), routed.last()) {
        (Some(a), Some(b)) => (a.accuracy, b.accuracy),
        _ => (0.0, 0.0), // unreachable: the curve has n + 1 ≥ 2 points
    };
    let defined = pgr(0.0, local_accuracy, server_accuracy).is_some();
    let mut summary = Summary {
        items: scores.len(),
        positives: pos.iter().filter(|&&p| p).count(),
        local_accuracy,
        server_accuracy,
        apgr: apgr(&routed),
        cpt50: cpt(&routed, 0.5),
        auroc: auroc(scores, &pos)?,
        oracle_apgr: apgr(&oracle_curve),
        oracle_cpt50: cpt(&oracle_curve, 0.5),
        random_apgr: defined.then_some(RANDOM_APGR),
        threshold: None,
        calibrated_share: None,
        server_share: None,
        accuracy_at_calibrated_share: None,
        pgr_at_calibrated_share: None,
    };
    if let Some(op) = operating {
        check::share("target_share", op.target_share)?;
        let at = accuracy_at_threshold(scores, local_correct, server_correct, op.threshold)?;
        summary.threshold = Some(op.threshold);
        summary.calibrated_share = Some(op.target_share);
        summary.server_share = Some(at.share);
        summary.accuracy_at_calibrated_share = Some(at.accuracy);
        summary.pgr_at_calibrated_share = pgr(at.accuracy, local_accuracy, server_accuracy);
    }
    Ok(summary)
}
