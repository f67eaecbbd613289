//! Lossless speculative sampling, checked statistically: whatever the drafter's distribution q
//! (sparse, as a top-k drafter sends it, or none: a deterministic drafter), the token the
//! verifier emits at a position — the draft token when accepted, the correction when not — is
//! distributed as the target's own sample p. A chi-square test over 40 000 seeded trials per case
//! (critical value for p < 0.001), a check that the test has power, and the acceptance rate the
//! drafter's q buys: Σ min(p, q), against Σ q·p when the drafter counts as deterministic.
use tandem_core::sampling::Rng;
use tandem_core::verify::judge;
use tandem_core::{DraftDist, VerifyParams};

const VOCAB: usize = 8;
const TRIALS: usize = 40_000;
/// Chi-square critical value, 7 degrees of freedom, p = 0.001.
const CRITICAL: f64 = 24.32;

fn softmax(row: &[f32], t: f32) -> Vec<f64> {
    let m = row.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b));
    let e: Vec<f64> = row.iter().map(|&x| f64::from((x - m) / t).exp()).collect();
    let s: f64 = e.iter().sum();
    e.iter().map(|x| x / s).collect()
}

fn draw(q: &DraftDist, rng: &mut Rng) -> u32 {
    let mut u = rng.next_f64();
    for &(id, p) in q {
        if u < f64::from(p) {
            return id;
        }
        u -= f64::from(p);
    }
    q[q.len() - 1].0
}

fn chi_square(counts: &[usize], p: &[f64]) -> f64 {
    let n = counts.iter().sum::<usize>() as f64;
    counts
        .iter()
        .zip(p)
        .filter(|(_, &pi)| pi > 0.0)
        .map(|(&c, &pi)| (c as f64 - n * pi).powi(2) / (n * pi))
        .sum()
}

/// The first emitted token's counts over TRIALS: draft one token from q (or `fixed`), verify.
fn emitted(row: &[f32], t: f32, q: Option<&DraftDist>, fixed: u32) -> Vec<usize> {
    let bonus = vec![0.0f32; VOCAB];
    let rows: [&[f32]; 2] = [row, &bonus];
    let mut drafter = Rng::new(7);
    let mut counts = vec![0; VOCAB];
    for seed in 0..TRIALS as u64 {
        let d = q.map_or(fixed, |q| draw(q, &mut drafter));
        let dists = q.map(|q| vec![q.clone()]);
        let v = judge(
            &rows,
            &[d],
            &VerifyParams {
                temperature: t,
                seed,
            },
            dists.as_deref(),
        )
        .unwrap();
        let out = if v.accepted == 1 { d } else { v.correction };
        counts[out as usize] += 1;
    }
    counts
}

/// A top-4 drafter that disagrees with the target: heavy where p is light and vice versa.
fn drafter_q() -> DraftDist {
    vec![(1, 0.4), (2, 0.3), (3, 0.2), (7, 0.1)]
}

fn target() -> (Vec<f32>, f32) {
    (vec![1.2, 0.3, -0.5, 2.0, 0.0, -1.0, 0.7, 1.5], 0.8)
}

#[test]
fn a_sampling_drafter_is_lossless() {
    let (row, t) = target();
    let p = softmax(&row, t);
    let q = drafter_q();
    let chi = chi_square(&emitted(&row, t, Some(&q), 0), &p);
    assert!(
        chi < CRITICAL,
        "chi-square {chi:.2} ≥ {CRITICAL}: the output is not distributed as p"
    );
}

#[test]
fn a_deterministic_drafter_is_lossless() {
    let (row, t) = target();
    let p = softmax(&row, t);
    for fixed in [0, 3, 5] {
        let chi = chi_square(&emitted(&row, t, None, fixed), &p);
        assert!(
            chi < CRITICAL,
            "draft {fixed}: chi-square {chi:.2} ≥ {CRITICAL}"
        );
    }
}

#[test]
fn the_drafters_distribution_raises_acceptance_to_sum_min_p_q() {
    // Treating a sampling drafter as deterministic stays lossless (accept with p(d), resample
    // from p without d) but accepts less: Σ q·p instead of Σ min(p, q).
    let (row, t) = target();
    let p = softmax(&row, t);
    let q = drafter_q();
    let bonus = vec![0.0f32; VOCAB];
    let rows: [&[f32]; 2] = [&row, &bonus];
    let rate = |send: bool| {
        let mut drafter = Rng::new(11);
        let mut acc = 0usize;
        for seed in 0..TRIALS as u64 {
            let d = draw(&q, &mut drafter);
            let dists = [q.clone()];
            let v = judge(
                &rows,
                &[d],
                &VerifyParams {
                    temperature: t,
                    seed,
                },
                send.then_some(&dists[..]),
            )
            .unwrap();
            acc += v.accepted;
        }
        acc as f64 / TRIALS as f64
    };
    let with_q: f64 = q
        .iter()
        .map(|&(id, qp)| f64::from(qp).min(p[id as usize]))
        .sum();
    let without: f64 = q
        .iter()
        .map(|&(id, qp)| f64::from(qp) * p[id as usize])
        .sum();
    let (a, b) = (rate(true), rate(false));
    assert!(
        (a - with_q).abs() < 0.01,
        "acceptance with q {a:.4}, expected {with_q:.4}"
    );
    assert!(
        (b - without).abs() < 0.01,
        "acceptance without q {b:.4}, expected {without:.4}"
    );
    assert!(a > b + 0.05);
}

#[test]
fn the_test_has_power() {
    // Emitting the draft token unjudged (distribution q) is far from p: the test must say so.
    let (row, t) = target();
    let p = softmax(&row, t);
    let q = drafter_q();
    let mut drafter = Rng::new(3);
    let mut counts = vec![0; VOCAB];
    for _ in 0..TRIALS {
        counts[draw(&q, &mut drafter) as usize] += 1;
    }
    assert!(chi_square(&counts, &p) > CRITICAL);
}

#[test]
fn bad_distributions_are_errors() {
    let (row, _) = target();
    let bonus = vec![0.0f32; VOCAB];
    let rows: [&[f32]; 2] = [&row, &bonus];
    let hot = VerifyParams {
        temperature: 1.0,
        seed: 1,
    };
    let cases: Vec<Vec<DraftDist>> = vec![
        vec![],                              // one per draft token
        vec![vec![]],                        // empty
        vec![vec![(1, 0.5), (2, 0.4)]],      // sums to 0.9
        vec![vec![(1, f32::NAN), (2, 1.0)]], // NaN
        vec![vec![(1, 0.5), (1, 0.5)]],      // a token twice
        vec![vec![(99, 1.0)]],               // outside the vocabulary
        vec![vec![(2, 1.0)]],                // the draft token (1) has probability 0
        vec![vec![(1, -0.5), (2, 1.5)]],     // negative
    ];
    for c in cases {
        assert!(judge(&rows, &[1], &hot, Some(&c)).is_err(), "{c:?}");
    }
    assert!(judge(&rows, &[1], &hot, Some(&[vec![(1, 0.25), (2, 0.75)]])).is_ok());
}
