//! RouteLLM's metrics on tiny examples computed by hand.
use tandem_collab::metrics::{
    accuracy_at_share, accuracy_at_threshold, apgr, auroc, cpt, curve, oracle_scores, pgr,
    positives, summarize, CurvePoint, OperatingPoint, RANDOM_APGR,
};

const T: bool = true;
const F: bool = false;

// Example A: acc_local = 1/4, acc_server = 3/4; items 1 and 2 are where the server helps.
const A_LOCAL: [bool; 4] = [T, F, F, F];
const A_SERVER: [bool; 4] = [T, T, T, F];
// A router that ranks items 0, 2, 3, 1.
const A_SCORES: [f32; 4] = [0.9, 0.1, 0.8, 0.5];

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 1e-6
}

fn accuracies(c: &[CurvePoint]) -> Vec<f32> {
    c.iter().map(|p| p.accuracy).collect()
}

#[test]
fn curve_routes_the_top_k() {
    let c = curve(&A_SCORES, &A_LOCAL, &A_SERVER).unwrap();
    assert_eq!(
        c.iter().map(|p| p.share).collect::<Vec<_>>(),
        [0.0, 0.25, 0.5, 0.75, 1.0]
    );
    assert_eq!(accuracies(&c), [0.25, 0.25, 0.5, 0.5, 0.75]);
    // PGR 0, 0, .5, .5, 1 → trapezoid (0 + .25 + .5 + .75) / 4.
    assert!(close(apgr(&c).unwrap(), 0.375));
    assert_eq!(cpt(&c, 0.5), Some(0.5));
    assert_eq!(cpt(&c, 1.0), Some(1.0));
    assert_eq!(accuracy_at_share(&c, 0.5).unwrap(), 0.5);
    assert_eq!(accuracy_at_share(&c, 0.3).unwrap(), 0.25);
    assert!(accuracy_at_share(&c, 1.5).is_err());
}

#[test]
fn ties_are_broken_by_index() {
    // All tied: items go to the server in index order 0, 1, 2, 3.
    let c = curve(&[0.5; 4], &A_LOCAL, &A_SERVER).unwrap();
    assert_eq!(accuracies(&c), [0.25, 0.25, 0.5, 0.75, 0.75]);
}

#[test]
fn oracle_apgr_by_hand() {
    let o = oracle_scores(&A_LOCAL, &A_SERVER).unwrap();
    assert_eq!(o, [0.0, 1.0, 1.0, 0.0]);
    let c = curve(&o, &A_LOCAL, &A_SERVER).unwrap();
    assert_eq!(accuracies(&c), [0.25, 0.5, 0.75, 0.75, 0.75]);
    // PGR 0, .5, 1, 1, 1 → (.25 + .75 + 1 + 1) / 4.
    assert!(close(apgr(&c).unwrap(), 0.75));
    assert_eq!(cpt(&c, 0.5), Some(0.25));

    // Example B has an item where the server hurts (0): the oracle routes it last.
    let local = [T, F, F, T, F];
    let server = [F, T, T, T, F];
    let o = oracle_scores(&local, &server).unwrap();
    assert_eq!(o, [-1.0, 1.0, 1.0, 0.0, 0.0]);
    let c = curve(&o, &local, &server).unwrap();
    assert_eq!(accuracies(&c), [0.4, 0.6, 0.8, 0.8, 0.8, 0.6]);
    // PGR 0, 1, 2, 2, 2, 1 → (.5 + 1.5 + 2 + 2 + 1.5) / 5.
    assert!(close(apgr(&c).unwrap(), 1.5));
    assert_eq!(cpt(&c, 0.5), Some(0.2));
}

#[test]
fn pgr_guards_a_zero_gap() {
    assert_eq!(pgr(0.625, 0.5, 0.75), Some(0.5));
    assert_eq!(pgr(0.6, 0.5, 0.5), None);
    assert_eq!(pgr(f32::NAN, 0.5, 0.7), None);
    let same = [T, F, T];
    let c = curve(&[0.1, 0.2, 0.3], &same, &same).unwrap();
    assert_eq!(apgr(&c), None);
    assert_eq!(cpt(&c, 0.5), None);
}

#[test]
fn auroc_by_hand() {
    let pos = positives(&A_LOCAL, &A_SERVER).unwrap();
    assert_eq!(pos, [F, T, T, F]);
    // Positive scores {0.1, 0.8} against negatives {0.9, 0.5}: one pair of four ranked right.
    assert!(close(auroc(&A_SCORES, &pos).unwrap().unwrap(), 0.25));
    // Perfect, reversed, constant, and a half-tied case.
    assert_eq!(
        auroc(&[0.9, 0.8, 0.2, 0.1], &[T, T, F, F]).unwrap(),
        Some(1.0)
    );
    assert_eq!(
        auroc(&[0.1, 0.2, 0.8, 0.9], &[T, T, F, F]).unwrap(),
        Some(0.0)
    );
    assert_eq!(auroc(&[0.3; 6], &[T, F, T, F, F, T]).unwrap(), Some(0.5));
    // Pairs: (.9 vs .5) win, (.9 vs .1) win, (.5 vs .5) half, (.5 vs .1) win → 3.5 / 4.
    let v = auroc(&[0.9, 0.5, 0.5, 0.1], &[T, T, F, F])
        .unwrap()
        .unwrap();
    assert!(close(v, 0.875));
    // One class only: undefined, not an error.
    assert_eq!(auroc(&[0.1, 0.2], &[T, T]).unwrap(), None);
}

#[test]
fn random_routing_averages_to_the_analytic_baseline() {
    // Deterministic outcomes and permutations (xorshift), averaged over many orders.
    let mut s = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let n = 30;
    let local: Vec<bool> = (0..n).map(|i| i % 3 == 0).collect();
    let server: Vec<bool> = (0..n).map(|i| i % 3 != 1).collect();
    let trials = 400;
    let mut sum = 0.0;
    for _ in 0..trials {
        let scores: Vec<f32> = (0..n).map(|_| (next() >> 40) as f32).collect();
        sum += apgr(&curve(&scores, &local, &server).unwrap()).unwrap();
    }
    let mean = sum / trials as f32;
    assert!((mean - RANDOM_APGR).abs() < 0.03, "mean APGR {mean}");
}

#[test]
fn threshold_operating_point_and_summary() {
    let at = accuracy_at_threshold(&A_SCORES, &A_LOCAL, &A_SERVER, 0.6).unwrap();
    assert_eq!((at.share, at.accuracy), (0.5, 0.5));
    let op = OperatingPoint {
        threshold: 0.6,
        target_share: 0.5,
    };
    let s = summarize(&A_SCORES, &A_LOCAL, &A_SERVER, Some(op)).unwrap();
    assert_eq!((s.items, s.positives), (4, 2));
    assert_eq!((s.local_accuracy, s.server_accuracy), (0.25, 0.75));
    assert!(close(s.apgr.unwrap(), 0.375));
    assert_eq!(s.cpt50, Some(0.5));
    assert!(close(s.auroc.unwrap(), 0.25));
    assert!(close(s.oracle_apgr.unwrap(), 0.75));
    assert_eq!(s.oracle_cpt50, Some(0.25));
    assert_eq!(s.random_apgr, Some(0.5));
    assert_eq!(s.threshold, Some(0.6));
    assert_eq!(s.calibrated_share, Some(0.5));
    assert_eq!(s.server_share, Some(0.5));
    assert_eq!(s.accuracy_at_calibrated_share, Some(0.5));
    assert_eq!(s.pgr_at_calibrated_share, Some(0.5));

    let v = serde_json::to_value(&s).unwrap();
    assert!(v["cpt50"].is_number() && v["accuracy_at_calibrated_share"].is_number());
    let plain = summarize(&A_SCORES, &A_LOCAL, &A_SERVER, None).unwrap();
    assert_eq!(plain.server_share, None);
    assert!(serde_json::to_value(&plain).unwrap()["server_share"].is_null());
}

#[test]
fn bad_input_is_an_error() {
    assert_eq!(curve(&[], &[], &[]).unwrap_err().kind(), "invalid_input");
    assert!(curve(&[0.1], &[T, F], &[T, F]).is_err());
    assert!(curve(&[0.1, 0.2], &[T, F], &[T]).is_err());
    assert!(curve(&[0.1, f32::NAN], &[T, F], &[T, T]).is_err());
    assert!(auroc(&[0.1, f32::INFINITY], &[T, F]).is_err());
    assert!(auroc(&[], &[]).is_err());
    assert!(accuracy_at_threshold(&A_SCORES, &A_LOCAL, &A_SERVER, f32::NAN).is_err());
    let op = OperatingPoint {
        threshold: 0.5,
        target_share: 2.0,
    };
    assert!(summarize(&A_SCORES, &A_LOCAL, &A_SERVER, Some(op)).is_err());
}
