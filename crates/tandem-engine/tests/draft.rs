//! Drafting (`Engine::draft`): greedy drafts are the model's own greedy continuation; a draft
//! after a rewound context (the accepted part of a rejected draft) reuses the cache and agrees
//! with a fresh engine; sampled drafts are seeded, come with the distribution each token was
//! drawn from (valid for `/v1/verify`), and stop at a stop token.
mod common;

use common::{cpu, greedy, models_dir};
use pollster::block_on;
use tandem_core::sampling::Rng;
use tandem_core::verify::check_dists;

#[test]
fn greedy_drafts_are_the_models_continuation_and_reuse_the_rewound_cache() {
    let path = models_dir().join("tiny/llama-tiny");
    let mut e = cpu(&path);
    let prompt: Vec<u32> = vec![5, 17, 42, 9];
    let g = greedy(&mut e, &prompt, 12);
    let mut rng = Rng::new(1);
    let d = block_on(e.draft(&prompt, 6, 0.0, &mut rng, &[])).unwrap();
    assert_eq!(d.ids, g[..6]);
    assert!(d.dists.is_none());
    // A rejection after 2 tokens: the next context shares prompt + 2 with the cache.
    let mut ctx = prompt.clone();
    ctx.extend_from_slice(&g[..3]);
    let again = block_on(e.draft(&ctx, 5, 0.0, &mut rng, &[])).unwrap();
    assert_eq!(again.ids, g[3..8]);
    let fresh = block_on(cpu(&path).draft(&ctx, 5, 0.0, &mut rng, &[])).unwrap();
    assert_eq!(again, fresh);
    // A stop token ends the draft early, itself included.
    let stop = g[2];
    let s = block_on(e.draft(&prompt, 6, 0.0, &mut rng, &[stop])).unwrap();
    assert_eq!(s.ids, g[..=g.iter().position(|&t| t == stop).unwrap()]);
}

#[test]
fn sampled_drafts_are_seeded_and_carry_valid_distributions() {
    let path = models_dir().join("tiny/llama-tiny");
    let mut e = cpu(&path);
    let vocab = e.config().vocab_size;
    let prompt: Vec<u32> = vec![3, 1, 4, 1, 5];
    let a = block_on(e.draft(&prompt, 8, 0.9, &mut Rng::new(7), &[])).unwrap();
    let b = block_on(cpu(&path).draft(&prompt, 8, 0.9, &mut Rng::new(7), &[])).unwrap();
    assert_eq!(a, b, "same seed, same draft");
    let q = a.dists.as_deref().unwrap();
    check_dists(q, &a.ids, vocab).unwrap();
    // Different seeds give different drafts somewhere (8 tokens at T = 0.9 from the top 20).
    let differ = (0..8u64).any(|s| {
        block_on(e.draft(&prompt, 8, 0.9, &mut Rng::new(100 + s), &[]))
            .unwrap()
            .ids
            != a.ids
    });
    assert!(differ);
    let bad = block_on(e.draft(&prompt, 2, f32::NAN, &mut Rng::new(1), &[])).unwrap_err();
    assert_eq!(bad.kind(), "invalid_request");
}
