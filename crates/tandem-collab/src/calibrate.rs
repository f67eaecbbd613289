//! Calibration: choosing the threshold that sends a wanted share of requests to the server.
//!
//! A router's raw score means little on its own; what an operator sets is "about 30% of requests
//! may go to the server". RouteLLM calibrates its threshold as a quantile of the router's scores
//! on a sample of real prompts; this does the same, locally, on any scores where higher means
//! "send to the server" (the router's or an uncertainty signal's).

use crate::check;
use crate::Result;

/// The threshold `t` such that the share of `scores` strictly above `t` (those go to the
/// server) is as close as possible to `target_share`.
///
/// `t` is one of the scores itself (everything equal to it stays local), or, when every item
/// should go to the server, the largest f32 below the smallest score. A run of tied scores moves
/// together, so with ties the share reached can differ from the target; when two achievable
/// shares are equally close the smaller one wins (fewer server calls is the cheaper mistake).
/// Errors: empty `scores`, a non-finite score, `target_share` outside [0, 1].
pub fn threshold_for_share(scores: &[f32], target_share: f32) -> Result<f32> {
    check::non_empty("scores", scores)?;
    check::finite("scores", scores)?;
    check::share("target_share", target_share)?;
    let mut sorted = scores.to_vec();
    sorted.sort_by(f32::total_cmp);
    let n = sorted.len();
    let want = f64::from(target_share) * n as f64;
    let gap = |above: usize| (above as f64 - want).abs();

    // Everything above: the threshold sits just below the smallest score.
    let mut best = (n, sorted[0].next_down());
    let mut i = 0;
    while i < n {
        let v = sorted[i];
        // `==` (not total_cmp) so -0.0 and 0.0 form one tie, as `>` sees them.
        let mut j = i + 1;
        while j < n && sorted[j] == v {
            j += 1;
        }
        let above = n - j;
        // `<=`: thresholds are visited in increasing order (shares decreasing), so on an equal
        // gap the smaller share replaces the larger one.
        if gap(above) <= gap(best.0) {
            best = (above, v);
        }
        i = j;
    }
    Ok(best.1)
}

/// The share of `scores` strictly above `threshold`: what [`threshold_for_share`] aims at.
/// Errors: empty `scores`, a non-finite score or threshold.
pub fn share_above(scores: &[f32], threshold: f32) -> Result<f32> {
    check::non_empty("scores", scores)?;
    check::finite("scores", scores)?;
    check::finite_scalar("threshold", threshold)?;
    let above = scores.iter().filter(|&&s| s > threshold).count();
    Ok((above as f64 / scores.len() as f64) as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic spread of 1000 distinct scores in (0, 1), not in order.
    fn sample() -> Vec<f32> {
        (0..1000u32)
            .map(|i| ((i * 7919) % 1000) as f32 / 1000.0 + 0.0005)
            .collect()
    }

    #[test]
    fn hits_the_target_share_on_a_sample() {
        let scores = sample();
        for tenth in 1..=9 {
            let target = tenth as f32 / 10.0;
            let t = threshold_for_share(&scores, target).unwrap();
            let got = share_above(&scores, t).unwrap();
            assert!((got - target).abs() <= 0.001, "target {target}: got {got}");
        }
    }

    #[test]
    fn extremes_send_nothing_or_everything() {
        let scores = sample();
        let t0 = threshold_for_share(&scores, 0.0).unwrap();
        assert_eq!(share_above(&scores, t0).unwrap(), 0.0);
        let t1 = threshold_for_share(&scores, 1.0).unwrap();
        assert_eq!(share_above(&scores, t1).unwrap(), 1.0);
        assert!(t1.is_finite());
    }

    #[test]
    fn ties_move_together_and_prefer_the_smaller_share() {
        // Four items tied at 0.5 move together: reachable shares are 0, 1/6, 5/6 and 1.
        let scores = [0.1, 0.5, 0.5, 0.5, 0.5, 0.9];
        // share > t: t = 0.9 → 0; t = 0.5 → 1/6; t = 0.1 → 5/6; below 0.1 → 1.
        assert_eq!(threshold_for_share(&scores, 1.0 / 6.0).unwrap(), 0.5);
        // 0.5 is equally far from 1/6 and 5/6: the smaller share wins.
        assert_eq!(threshold_for_share(&scores, 0.5).unwrap(), 0.5);
        assert_eq!(threshold_for_share(&scores, 0.6).unwrap(), 0.1);
        let all_same = [0.3; 10];
        assert_eq!(threshold_for_share(&all_same, 0.4).unwrap(), 0.3);
        assert!(threshold_for_share(&all_same, 0.6).unwrap() < 0.3);
    }

    #[test]
    fn bad_input_is_an_error() {
        assert_eq!(
            threshold_for_share(&[], 0.5).unwrap_err().kind(),
            "invalid_input"
        );
        assert!(threshold_for_share(&[0.1, f32::NAN], 0.5).is_err());
        assert!(threshold_for_share(&[0.1, f32::INFINITY], 0.5).is_err());
        assert!(threshold_for_share(&[0.1], 1.5).is_err());
        assert!(threshold_for_share(&[0.1], -0.1).is_err());
        assert!(threshold_for_share(&[0.1], f32::NAN).is_err());
        assert!(share_above(&[0.1], f32::NAN).is_err());
    }
}
