//! Lossless speculative sampling end to end on the model pair: the SMALL drafts at a
//! temperature (`Engine::draft`, its top 20 with their distribution), the LARGE verifies
//! (`verify_drafted`: accept with min(1, p/q), resample the residual), round after round, and
//! the first two tokens emitted are distributed as the LARGE's own samples at that temperature:
//! a chi-square goodness-of-fit test (p < 0.001) of the pairs against p(t1)·p(t2 | t1) from
//! the LARGE's logits. The test has power: the SMALL's own samples fail it.
mod common;

use std::collections::HashMap;

use common::{cpu, models_dir};
use pollster::block_on;
use tandem_core::sampling::Rng;
use tandem_core::{ChatMessage, VerifyParams};
use tandem_engine::Engine;

const T: f32 = 1.5;
const TRIALS: usize = 2000;

/// softmax(logits / T) of the row after `ids`.
fn dist(e: &mut Engine, ids: &[u32]) -> Vec<f64> {
    let logits = block_on(e.logits(ids)).unwrap();
    let v = e.config().vocab_size;
    let row = &logits[logits.len() - v..];
    let m = row.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b));
    let w: Vec<f64> = row.iter().map(|&x| f64::from((x - m) / T).exp()).collect();
    let s: f64 = w.iter().sum();
    w.into_iter().map(|x| x / s).collect()
}

/// The chi-square statistic and degrees of freedom of `counts` against `expected` counts (bins
/// expecting fewer than 5 lumped into one), and the critical value at p = 0.001
/// (Wilson–Hilferty).
fn chi_square(
    counts: &HashMap<(u32, u32), usize>,
    expected: &HashMap<(u32, u32), f64>,
) -> (f64, f64, f64) {
    let n = TRIALS as f64;
    let (mut stat, mut bins) = (0.0, 0usize);
    let (mut rest_seen, mut rest_expected) = (n, n);
    for (k, &e) in expected.iter().filter(|(_, &e)| e >= 5.0) {
        let c = *counts.get(k).unwrap_or(&0) as f64;
        stat += (c - e).powi(2) / e;
        rest_seen -= c;
        rest_expected -= e;
        bins += 1;
    }
    if rest_expected >= 5.0 {
        stat += (rest_seen - rest_expected).powi(2) / rest_expected;
        bins += 1;
    }
    let df = (bins - 1) as f64;
    let z = 3.09;
    let crit = df * (1.0 - 2.0 / (9.0 * df) + z * (2.0 / (9.0 * df)).sqrt()).powi(3);
    (stat, df, crit)
}

#[test]
fn sampled_speculation_on_the_pair_emits_the_targets_distribution() {
    let mut small = cpu(&models_dir().join("pair/small"));
    let mut large = cpu(&models_dir().join("pair/large"));
    // Half the draft tokens accepted (an arithmetic item), and almost none (a person in no fact
    // list: the models disagree, so the residual resampling does the work).
    for question in ["Compute 17-9*3.", "Which city is Qoxuwy from?"] {
        check(&mut small, &mut large, question);
    }
}

fn check(small: &mut Engine, large: &mut Engine, question: &str) {
    let prompt = large
        .text()
        .prompt_ids(&[ChatMessage::new("user", question)])
        .unwrap();
    let stops = large.text().eos_ids().to_vec();
    let mut rng = Rng::new(2026);
    let mut pairs: HashMap<(u32, u32), usize> = HashMap::new();
    let mut own: HashMap<(u32, u32), usize> = HashMap::new();
    let (mut drafted, mut accepted) = (0usize, 0usize);
    for _ in 0..TRIALS {
        let mut out: Vec<u32> = Vec::new();
        while out.len() < 2 {
            let ctx: Vec<u32> = prompt.iter().chain(&out).copied().collect();
            let d = block_on(small.draft(&ctx, 3, T, &mut rng, &stops)).unwrap();
            let params = VerifyParams {
                temperature: T,
                seed: rng.next_u64(),
            };
            let v =
                block_on(large.verify_drafted(&ctx, &d.ids, &params, d.dists.as_deref())).unwrap();
            drafted += d.ids.len();
            accepted += v.accepted;
            out.extend_from_slice(&d.ids[..v.accepted]);
            out.push(v.correction);
        }
        *pairs.entry((out[0], out[1])).or_default() += 1;
        // The SMALL's own two samples (what the test must tell apart from the LARGE's).
        let s = block_on(small.draft(&prompt, 2, T, &mut rng, &[])).unwrap();
        *own.entry((s.ids[0], s.ids[1])).or_default() += 1;
    }
    // Expected counts: p(t1) · p(t2 | t1) for every t1 of any weight.
    let p1 = dist(large, &prompt);
    let mut expected: HashMap<(u32, u32), f64> = HashMap::new();
    for (t1, &a) in p1
        .iter()
        .enumerate()
        .filter(|(_, &a)| a * TRIALS as f64 >= 1.0)
    {
        let ctx: Vec<u32> = prompt.iter().copied().chain([t1 as u32]).collect();
        for (t2, &b) in dist(large, &ctx).iter().enumerate() {
            let e = a * b * TRIALS as f64;
            if e >= 0.5 {
                expected.insert((t1 as u32, t2 as u32), e);
            }
        }
    }
    let (stat, df, crit) = chi_square(&pairs, &expected);
    let (own_stat, own_df, own_crit) = chi_square(&own, &expected);
    eprintln!(
        "{question:?}: speculative pairs: chi2 {stat:.1} (df {df}, critical {crit:.1}); the SMALL's own: {own_stat:.1} (df {own_df}, critical {own_crit:.1}); acceptance {:.2}",
        accepted as f64 / drafted as f64
    );
    assert!(df >= 3.0, "too few bins to test: {df}");
    assert!(
        stat < crit,
        "speculative output is not the target's distribution: {stat} >= {crit}"
    );
    assert!(
        own_stat > own_crit,
        "the test cannot tell the SMALL from the LARGE: {own_stat}"
    );
}
