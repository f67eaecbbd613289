//! The engine's verifier accepts exactly the draft prefix that equals the model's own greedy
//! continuation (a property test over random drafts on committed models), corrects with the
//! next greedy token, reuses its cache across calls of one conversation with the same results,
//! and is deterministic per seed when sampling.
mod common;

use std::path::PathBuf;

use common::{cpu, greedy, models_dir};
use pollster::block_on;
use tandem_core::sampling::Rng;
use tandem_core::VerifyParams;

fn models() -> Vec<PathBuf> {
    let root = models_dir();
    vec![
        root.join("tiny/llama-tiny"),
        root.join("tiny/qwen2-tiny"),
        root.join("tiny/llama-tiny/llama-tiny-q8_0.gguf"),
        root.join("demo/license-llama"),
    ]
}

const GREEDY: VerifyParams = VerifyParams {
    temperature: 0.0,
    seed: 0,
};

#[test]
fn greedy_verification_accepts_exactly_the_models_own_continuation() {
    for path in models() {
        let mut e = cpu(&path);
        let vocab = e.config().vocab_size as u64;
        let mut rng = Rng::new(42);
        let mut fresh_and_reused = 0;
        for trial in 0..24 {
            let plen = 1 + (rng.next_u64() % 12) as usize;
            let prompt: Vec<u32> = (0..plen).map(|_| (rng.next_u64() % vocab) as u32).collect();
            let g = greedy(&mut e, &prompt, 10);
            // A draft: k tokens of the greedy continuation, then (if k < 9) a wrong one and noise.
            let k = (rng.next_u64() % 10) as usize;
            let mut draft = g[..k].to_vec();
            if k < 9 {
                let wrong = (g[k] + 1 + (rng.next_u64() % (vocab - 1)) as u32) % vocab as u32;
                draft.push(wrong);
                for _ in 0..(rng.next_u64() % 3) {
                    draft.push((rng.next_u64() % vocab) as u32);
                }
            }
            if draft.is_empty() {
                draft.push(g[0]);
            }
            let want_accept = draft.iter().zip(&g).take_while(|(a, b)| a == b).count();
            let r = block_on(e.verify(&prompt, &draft, &GREEDY)).unwrap();
            assert_eq!(r.accepted, want_accept, "{} trial {trial}", path.display());
            assert_eq!(
                r.correction,
                g[want_accept],
                "{} trial {trial}",
                path.display()
            );
            assert_eq!(
                &r.target_ids[..want_accept.min(draft.len())],
                &g[..want_accept.min(draft.len())]
            );
            assert_eq!(r.logprobs.len(), draft.len());
            assert!(r.logprobs.iter().all(|l| l.is_finite() && *l <= 0.0));

            // The next call of the same conversation reuses the cache and agrees with a fresh one.
            let mut next_prompt = prompt.clone();
            next_prompt.extend_from_slice(&g[..want_accept]);
            next_prompt.push(r.correction);
            let accepted_so_far = want_accept + 1;
            if accepted_so_far < g.len() {
                let draft2 = g[accepted_so_far..].to_vec();
                let again = block_on(e.verify(&next_prompt, &draft2, &GREEDY)).unwrap();
                let fresh = block_on(cpu(&path).verify(&next_prompt, &draft2, &GREEDY)).unwrap();
                assert!(again.reused >= prompt.len() + want_accept - 1, "{again:?}");
                assert_eq!(again.accepted, fresh.accepted);
                assert_eq!(again.correction, fresh.correction);
                assert_eq!(
                    again.accepted,
                    draft2.len(),
                    "the rest of the greedy run is accepted"
                );
                for (a, b) in again.logprobs.iter().zip(&fresh.logprobs) {
                    assert!((a - b).abs() < 1e-4, "{a} {b}");
                }
                fresh_and_reused += 1;
            }
        }
        assert!(fresh_and_reused > 5);
    }
}

#[test]
fn sampled_verification_is_seeded_and_near_greedy_at_low_temperature() {
    let mut e = cpu(&models()[3]);
    let prompt = e.text().encode("The Licensor grants You", false).unwrap();
    let g = greedy(&mut e, &prompt, 8);
    let hot = VerifyParams {
        temperature: 1.0,
        seed: 7,
    };
    // After the greedy run (cache reused) and on a fresh engine: the same verdict.
    let a = block_on(e.verify(&prompt, &g, &hot)).unwrap();
    let b = block_on(cpu(&models()[3]).verify(&prompt, &g, &hot)).unwrap();
    assert!(a.reused > 0 && b.reused == 0, "{a:?} {b:?}");
    assert_eq!(tandem_core::Verdict { reused: 0, ..a }, b);
    let cold = VerifyParams {
        temperature: 1e-3,
        seed: 7,
    };
    let c = block_on(e.verify(&prompt, &g, &cold)).unwrap();
    assert_eq!(c.accepted, g.len());
}

#[test]
fn bad_verify_input_is_a_typed_error_and_the_verifier_recovers() {
    let mut e = cpu(&models()[0]);
    let mut verify = |p: &[u32], d: &[u32], v: &VerifyParams| block_on(e.verify(p, d, v));
    assert!(verify(&[], &[1], &GREEDY).is_err());
    assert!(verify(&[1], &[], &GREEDY).is_err());
    assert!(verify(&[1], &[1_000_000], &GREEDY).is_err());
    let long = vec![1u32; 100_000];
    assert!(verify(&long, &[1], &GREEDY).is_err());
    let nan = VerifyParams {
        temperature: f32::NAN,
        seed: 0,
    };
    assert!(verify(&[1], &[1], &nan).is_err());
    let g = greedy(&mut e, &[3, 4, 5], 4);
    assert_eq!(
        block_on(e.verify(&[3, 4, 5], &g, &GREEDY))
            .unwrap()
            .accepted,
        4
    );
}
