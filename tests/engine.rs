//! tandem-engine, the one local engine (what the CLI, the server and the browser drive), on the
//! GPU (lavapipe in CI) and on the CPU: stepwise generation gives the oracle's tokens (a plain
//! loop over tandem-core's forward, itself checked against transformers); rewinding the cache
//! and continuing gives an uninterrupted run's tokens; `score` gives transformers' log-softmax at
//! every position and the same top-k on both backends; prompt features agree across backends;
//! a device lost mid-generation carries on on the CPU; the next turn reuses the cache; bad calls
//! are typed errors. Fails without an adapter.
mod common;

use common::*;
use pollster::block_on;
use tandem_core::{FinishReason, GenerateParams, SamplingParams, VerifyParams};
use tandem_engine::{BackendChoice, BackendKind, Engine, EngineOptions, Error};

/// With the f32 KV cache: these tests hold the GPU to the CPU and to transformers at f32
/// tolerances, and a real GPU defaults to the f16 cache (tests/gpu.rs tests it at its own).
fn engine(dir: &std::path::Path, backend: BackendChoice) -> Engine {
    let mut opts = EngineOptions {
        backend,
        ..Default::default()
    };
    opts.model.kv_f16 = Some(false);
    match block_on(Engine::load(tandem_core::open(dir).unwrap(), &opts)) {
        Ok(e) => e,
        Err(e) => panic!("engine tests need a WebGPU adapter (lavapipe): {e}"),
    }
}

fn both(dir: &std::path::Path) -> [(BackendChoice, Engine); 2] {
    [
        (BackendChoice::Gpu, engine(dir, BackendChoice::Gpu)),
        (BackendChoice::Cpu, engine(dir, BackendChoice::Cpu)),
    ]
}

fn params(n: usize) -> GenerateParams {
    GenerateParams {
        max_new_tokens: n,
        ..Default::default()
    }
}

/// Steps to the end; returns ids and the text streamed.
fn run(e: &mut Engine) -> (Vec<u32>, String, FinishReason) {
    let mut ids = Vec::new();
    let mut text = String::new();
    loop {
        let s = block_on(e.step()).unwrap();
        ids.push(s.id);
        text.push_str(&s.text);
        if let Some(f) = s.finish {
            let g = e.end(None).unwrap().generation;
            assert_eq!(g.ids, ids);
            assert_eq!(g.text, text);
            return (ids, text, f);
        }
    }
}

/// The oracle with the model's eos ids as stops, as the engine's callers set them.
fn reference(dir: &std::path::Path, prompt: &[u32], p: &GenerateParams) -> Vec<u32> {
    let m = tandem_core::load(dir).unwrap();
    let eos = m.text.eos_ids().to_vec();
    oracle(&m, prompt, p.max_new_tokens, &p.sampling, &eos)
}

fn with_eos(e: &Engine, mut p: GenerateParams) -> GenerateParams {
    p.stop_token_ids = e.text().eos_ids().to_vec();
    p
}

#[test]
fn stepwise_generation_matches_the_oracle_on_gpu_and_cpu() {
    for dir in [model_dir("llama-tiny"), model_dir("qwen2-tiny"), demo_dir()] {
        let prompt = [1u32, 5, 9, 30, 2, 44];
        let sampled = GenerateParams {
            sampling: SamplingParams {
                temperature: 0.9,
                top_p: Some(0.9),
                seed: 7,
                ..Default::default()
            },
            ..params(12)
        };
        for p in [params(12), sampled] {
            let want = reference(&dir, &prompt, &p);
            for backend in [BackendChoice::Gpu, BackendChoice::Cpu, BackendChoice::Auto] {
                let mut e = engine(&dir, backend);
                let expect = if backend == BackendChoice::Cpu {
                    BackendKind::Cpu
                } else {
                    BackendKind::Gpu
                };
                assert_eq!(e.backend(), expect);
                e.begin(&prompt, with_eos(&e, p.clone()), 0).unwrap();
                let (ids, _, _) = run(&mut e);
                assert_eq!(ids, want, "{} {backend:?} {p:?}", dir.display());
            }
        }
    }
}

/// transformers' own greedy continuation of the recorded prompt, on both backends.
#[test]
fn greedy_generation_gives_transformers_tokens() {
    for name in ["llama-tiny", "qwen2-tiny"] {
        let r = Reference::load(name);
        let want = r.new_ids("hf.f32");
        for (backend, mut e) in both(&model_dir(name)) {
            e.begin(&r.prompt_ids(), params(want.len()), 0).unwrap();
            assert_eq!(run(&mut e).0, want, "{name} {backend:?}");
        }
    }
}

/// Sampling reads the logits back and samples on the CPU with the same sampler: with the same
/// seed the GPU gives the CPU's tokens, text and stop, and the same logprobs and entropies
/// (the greedy pick made on the device reports them too).
#[test]
fn sampled_and_greedy_generation_agree_across_backends() {
    let dir = demo_dir();
    let [(_, mut gpu), (_, mut cpu)] = both(&dir);
    let prompt = cpu.text().encode("Licensed under", true).unwrap();
    for sampling in [
        SamplingParams::default(),
        SamplingParams {
            temperature: 0.8,
            top_k: Some(40),
            top_p: Some(0.95),
            seed: 7,
            ..Default::default()
        },
    ] {
        let p = GenerateParams {
            max_new_tokens: 24,
            sampling,
            stop_strings: vec!["\n\n".into()],
            ..Default::default()
        };
        let mut out = Vec::new();
        for e in [&mut gpu, &mut cpu] {
            e.begin(&prompt, p.clone(), 0).unwrap();
            run(e);
            e.rewind(0).unwrap();
            e.begin(&prompt, p.clone(), 0).unwrap();
            while block_on(e.step()).unwrap().finish.is_none() {}
            out.push(e.end(None).unwrap().generation);
        }
        let (a, b) = (&out[0], &out[1]);
        assert_eq!(a.ids, b.ids);
        assert_eq!(a.text, b.text);
        assert_eq!(a.finish_reason, b.finish_reason);
        for (x, y) in a.logprobs.iter().zip(&b.logprobs) {
            assert!((x - y).abs() < 1e-3, "logprob {x} vs {y}");
        }
        for (x, y) in a.entropies.iter().zip(&b.entropies) {
            assert!((x - y).abs() < 1e-3, "entropy {x} vs {y}");
        }
    }
}

/// Generate N tokens, rewind to k, carry on from the kept prefix: the ids of an uninterrupted
/// run, with only the tokens after k fed again.
#[test]
fn rewind_then_continue_gives_the_uninterrupted_tokens() {
    for name in ["llama-tiny", "qwen2-tiny"] {
        let dir = model_dir(name);
        let prompt = [3u32, 7, 11, 19, 23];
        let n = 10;
        for (backend, mut e) in both(&dir) {
            e.begin(&prompt, params(n), 0).unwrap();
            let (full, _, _) = run(&mut e);
            // The cache holds the prompt and every generated token but the last.
            assert_eq!(e.cached_ids().len(), prompt.len() + n - 1);
            for (k, j) in [(prompt.len() + 2, 4), (prompt.len(), 0), (3, 2), (1, 6)] {
                e.rewind(k).unwrap();
                assert_eq!(e.cached_ids().len(), k);
                let mut context = prompt.to_vec();
                context.extend_from_slice(&full[..j]);
                let reused = e.begin(&context, params(n - j), 0).unwrap();
                assert_eq!(reused, k.min(context.len() - 1), "{name} {backend:?} k={k}");
                let (rest, _, _) = run(&mut e);
                assert_eq!(rest, full[j..], "{name} {backend:?} rewind({k}) +{j}");
            }
            assert!(e.rewind(10_000).is_err(), "beyond the cache");
        }
    }
}

fn log_softmax(row: &[f32]) -> Vec<f64> {
    let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max) as f64;
    let z: f64 = row
        .iter()
        .map(|&x| (x as f64 - max).exp())
        .sum::<f64>()
        .ln();
    row.iter().map(|&x| x as f64 - max - z).collect()
}

/// `score` over transformers' recorded sequence: each position's logprob is transformers'
/// log-softmax (1e-4 on the CPU, and the GPU within 1e-3 of the CPU), the entropy matches, and
/// the top-k lists are the same ids on both backends (ties aside).
#[test]
fn score_gives_transformers_log_softmax_at_every_position() {
    for name in ["llama-tiny", "qwen2-tiny"] {
        let r = Reference::load(name);
        let seq = r.sequence("hf.f32");
        let hf = r.logits("hf.f32");
        let mut scores = Vec::new();
        for (backend, mut e) in both(&model_dir(name)) {
            let s = block_on(e.score(&seq, 1, 5)).unwrap();
            assert_eq!(s.tokens.len(), seq.len() - 1);
            assert_eq!(s.cached_tokens, 0);
            assert_eq!(e.cached_ids(), &seq[..], "the cache holds the scored ids");
            if backend == BackendChoice::Cpu {
                let mut worst = 0f64;
                for (j, t) in s.tokens.iter().enumerate() {
                    let want = log_softmax(&hf[j]);
                    worst = worst.max((t.logprob as f64 - want[seq[j + 1] as usize]).abs());
                    let ent: f64 = -want.iter().map(|&l| l.exp() * l).sum::<f64>();
                    assert!(
                        (t.entropy as f64 - ent).abs() < 1e-3,
                        "{name} entropy at {j}"
                    );
                    // transformers' top ids, ties aside.
                    let top0 = t.top[0];
                    assert!((want[top0.id as usize] - top0.logprob as f64).abs() < 1e-3);
                    let best = want.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    assert!(
                        (want[top0.id as usize] - best).abs() < 1e-4,
                        "{name} top at {j}"
                    );
                }
                println!("{name}: score vs transformers' log-softmax max |diff| = {worst:e}");
                assert!(worst <= 1e-4, "{name}: {worst}");
                // Scoring again from a later position reuses the cache.
                let again = block_on(e.score(&seq, seq.len() - 3, 5)).unwrap();
                assert_eq!(again.cached_tokens, seq.len() - 4);
                for (a, b) in again.tokens.iter().zip(&s.tokens[seq.len() - 4..]) {
                    assert!((a.logprob - b.logprob).abs() < 1e-4);
                }
            }
            scores.push(s);
        }
        let (gpu, cpu) = (&scores[0], &scores[1]);
        for (j, (g, c)) in gpu.tokens.iter().zip(&cpu.tokens).enumerate() {
            assert!((g.logprob - c.logprob).abs() < 1e-3, "{name} at {j}");
            assert!((g.entropy - c.entropy).abs() < 1e-3, "{name} at {j}");
            same_top(&g.top, &c.top, &format!("{name} at {j}"));
        }
        same_top(&gpu.next_top, &cpu.next_top, name);
    }
}

/// The same ids in the same order, except where two neighbours' logprobs tie (within the
/// backends' difference) and may swap.
fn same_top(a: &[tandem_core::TopToken], b: &[tandem_core::TopToken], what: &str) {
    assert_eq!(a.len(), b.len(), "{what}");
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        assert!((x.logprob - y.logprob).abs() < 1e-3, "{what}: rank {i}");
        if x.id != y.id {
            let tie = |t: &[tandem_core::TopToken]| {
                t.iter()
                    .any(|o| o.id != x.id && (o.logprob - x.logprob).abs() < 2e-3)
            };
            assert!(tie(a) || tie(b), "{what}: rank {i}: {} vs {}", x.id, y.id);
        }
    }
}

/// Per generated token, on request: the top-k alternatives; greedy's pick is the first of them
/// with the same logprob, on both backends.
#[test]
fn generated_tokens_list_their_top_alternatives() {
    let dir = model_dir("qwen2-tiny");
    for (backend, mut e) in both(&dir) {
        e.begin(&[2, 4, 6, 8], params(8), 3).unwrap();
        loop {
            let s = block_on(e.step()).unwrap();
            assert_eq!(s.top.len(), 3, "{backend:?}");
            assert_eq!(s.top[0].id, s.id, "{backend:?}");
            assert!((s.top[0].logprob - s.logprob).abs() < 1e-5);
            assert!(s.top.windows(2).all(|w| w[0].logprob >= w[1].logprob));
            if s.finish.is_some() {
                break;
            }
        }
        e.end(None).unwrap();
        e.begin(&[2, 4], params(2), 0).unwrap();
        assert!(block_on(e.step()).unwrap().top.is_empty());
    }
}

/// The prompt's pooled final-norm hidden states: read from the prefill that ran (no forward
/// pass), equal to tandem-core's own rows, and the same on both backends — also for a prompt
/// whose prefix came from the cache.
#[test]
fn prompt_features_agree_across_backends_and_with_the_forward_pass() {
    let dir = model_dir("llama-tiny");
    let m = tandem_core::load(&dir).unwrap();
    let prompt = [3u32, 1, 4, 1, 5, 9, 2, 6];
    let mut cache = m.model.new_cache();
    let (_, hidden) = m
        .model
        .forward_with_hidden(&prompt, &mut cache, tandem_core::Logits::Last)
        .unwrap();
    let rows: Vec<Vec<f32>> = hidden.to_vec2().unwrap();
    let h = rows[0].len();
    let mean: Vec<f32> = (0..h)
        .map(|i| rows.iter().map(|r| r[i]).sum::<f32>() / rows.len() as f32)
        .collect();
    for (backend, mut e) in both(&dir) {
        assert!(block_on(e.prompt_features()).is_err(), "nothing ran yet");
        // The first half of the prompt first, then the whole (its prefix reused).
        e.begin(&prompt[..4], params(1), 0).unwrap();
        run(&mut e);
        e.begin(&prompt, params(2), 0).unwrap();
        block_on(e.step()).unwrap();
        let f = block_on(e.prompt_features()).unwrap();
        assert_eq!(f.tokens, prompt.len());
        let d = |a: &[f32], b: &[f32]| {
            a.iter()
                .zip(b)
                .map(|(x, y)| (x - y).abs())
                .fold(0f32, f32::max)
        };
        assert!(
            d(&f.mean, &mean) < 1e-3,
            "{backend:?} mean {}",
            d(&f.mean, &mean)
        );
        assert!(d(&f.last, &rows[rows.len() - 1]) < 1e-3, "{backend:?} last");
        e.end(None).unwrap();
    }
}

/// The verifier on the engine: greedy acceptance is the oracle's prefix, the correction its next
/// token; the rejected tail leaves the cache, and the next call reuses the rest.
#[test]
fn verify_accepts_the_greedy_prefix_on_both_backends() {
    let dir = model_dir("qwen2-tiny");
    let m = tandem_core::load(&dir).unwrap();
    let prompt = [5u32, 17, 42, 99];
    let g = greedy(&m, &prompt, 8);
    let greedy_verify = VerifyParams {
        temperature: 0.0,
        seed: 1,
    };
    for (backend, mut e) in both(&dir) {
        let mut draft = g[..3].to_vec();
        draft.push((g[3] + 1) % 64);
        let v = block_on(e.verify(&prompt, &draft, &greedy_verify)).unwrap();
        assert_eq!(v.accepted, 3, "{backend:?}");
        assert_eq!(v.correction, g[3]);
        assert_eq!(v.target_ids[..3], g[..3]);
        assert_eq!(e.cached_ids().len(), prompt.len() + 3);
        let mut next = prompt.to_vec();
        next.extend_from_slice(&g[..4]);
        let v = block_on(e.verify(&next, &g[4..], &greedy_verify)).unwrap();
        assert_eq!(v.accepted, 4);
        assert_eq!(v.reused, prompt.len() + 3);
    }
}

#[test]
fn device_lost_mid_generation_continues_on_the_cpu() {
    let dir = demo_dir();
    let mut e = engine(&dir, BackendChoice::Auto);
    let prompt = e.text().encode("The Licensor grants You", false).unwrap();
    let want = reference(&dir, &prompt, &params(24));
    e.begin(&prompt, with_eos(&e, params(24)), 0).unwrap();
    let mut ids = Vec::new();
    for _ in 0..6 {
        ids.push(block_on(e.step()).unwrap().id);
    }
    e.lose_device();
    let err = block_on(e.step()).unwrap_err();
    assert_eq!(err.kind(), "device_lost", "{err}");
    assert!(err.is_fatal_for_device());
    assert_eq!(e.backend(), BackendKind::Lost);
    // Still lost until the CPU engine is built; the generation is intact.
    assert!(block_on(e.step()).is_err());
    e.use_cpu(&mut tandem_core::open(&dir).unwrap().weights)
        .unwrap();
    assert_eq!(e.backend(), BackendKind::Cpu);
    loop {
        let s = block_on(e.step()).unwrap();
        ids.push(s.id);
        if s.finish.is_some() {
            break;
        }
    }
    let ended = e.end(None).unwrap();
    assert_eq!(ids, want);
    assert_eq!(ended.generation.ids, want);
    assert_eq!(ended.prompt_tokens, prompt.len());
}

#[test]
fn next_turn_reuses_the_cache_and_gives_the_same_tokens() {
    let dir = model_dir("llama-tiny");
    for (backend, mut e) in both(&dir) {
        let first = [3u32, 7, 11, 19];
        e.begin(&first, params(5), 0).unwrap();
        let (reply, _, _) = run(&mut e);
        let mut second: Vec<u32> = first.to_vec();
        second.extend_from_slice(&reply);
        second.extend_from_slice(&[23, 29]);
        let reused = e.begin(&second, params(6), 0).unwrap();
        assert!(reused >= first.len(), "{backend:?}: reused {reused}");
        let (again, _, _) = run(&mut e);
        assert_eq!(again, reference(&dir, &second, &params(6)), "{backend:?}");
        // A prompt that does not extend the cache starts over.
        assert_eq!(e.begin(&[5u32, 6], params(3), 0).unwrap(), 0);
        assert_eq!(run(&mut e).0, reference(&dir, &[5, 6], &params(3)));
    }
}

#[test]
fn bad_calls_are_typed_errors() {
    let dir = model_dir("qwen2-tiny");
    let mut e = engine(&dir, BackendChoice::Gpu);
    let core = |r: Result<(), Error>| match r {
        Err(Error::Core(c)) => c,
        other => panic!("{other:?}"),
    };
    assert!(matches!(
        core(block_on(e.step()).map(|_| ())),
        tandem_core::Error::InvalidParams(_)
    ));
    assert!(matches!(
        core(e.begin(&[], params(3), 0).map(|_| ())),
        tandem_core::Error::EmptyInput
    ));
    assert!(matches!(
        core(e.begin(&[1_000_000], params(3), 0).map(|_| ())),
        tandem_core::Error::TokenOutOfVocab { .. }
    ));
    let long = vec![1u32; e.max_context()];
    assert!(matches!(
        core(e.begin(&long, params(3), 0).map(|_| ())),
        tandem_core::Error::ContextOverflow { .. }
    ));
    let mut bad = params(3);
    bad.sampling.temperature = f32::NAN;
    assert!(matches!(
        core(e.begin(&[1, 2], bad, 0).map(|_| ())),
        tandem_core::Error::InvalidParams(_)
    ));
    assert_eq!(
        e.begin(&[1, 2], params(3), 21).unwrap_err().kind(),
        "invalid_request"
    );
    for (ids, from) in [(vec![1u32, 2], 0), (vec![1, 2], 3), (vec![], 1)] {
        let err = block_on(e.score(&ids, from, 0)).unwrap_err();
        assert_eq!(err.kind(), "invalid_request", "{ids:?} from {from}");
    }
    // Mid-generation the cache belongs to it: no rewind, score or verify.
    e.begin(&[1, 2], params(3), 0).unwrap();
    assert_eq!(e.rewind(0).unwrap_err().kind(), "busy");
    assert_eq!(block_on(e.score(&[1, 2], 1, 0)).unwrap_err().kind(), "busy");
    e.end(None).unwrap();
    // A context that fills up ends the generation, typed as such.
    let near = vec![1u32; e.max_context() - 2];
    e.begin(&near, params(10), 0).unwrap();
    let (ids, _, finish) = run(&mut e);
    assert_eq!(finish, FinishReason::ContextFull, "{ids:?}");
    assert!(e.end(None).is_err(), "end without a generation");
}
