//! tandem-gpu's `Engine` (what the browser runs): stepwise generation on the GPU and on the CPU
//! gives the CPU reference loop's tokens; a device lost mid-generation carries on on the CPU
//! with the same tokens; the next turn of a chat reuses the cache; bad calls are typed errors.
//! Runs on whatever adapter wgpu finds (lavapipe in CI) and fails without one.
mod common;

use common::*;
use pollster::block_on;
use tandem_core::{FinishReason, GenerateParams, SamplingParams};
use tandem_gpu::{BackendChoice, BackendKind, Engine, EngineOptions, GpuError};

fn engine(dir: &std::path::Path, backend: BackendChoice) -> Engine {
    let opts = EngineOptions {
        backend,
        ..Default::default()
    };
    match block_on(Engine::load(tandem_core::open(dir).unwrap(), &opts)) {
        Ok(e) => e,
        Err(e) => panic!("engine tests need a WebGPU adapter (lavapipe): {e}"),
    }
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
            let (g, _) = e.end(None).unwrap();
            assert_eq!(g.ids, ids);
            assert_eq!(g.text, text);
            return (ids, text, f);
        }
    }
}

/// The CPU reference loop, stopping at the model's eos ids as the engine does.
fn reference(dir: &std::path::Path, prompt: &[u32], p: &GenerateParams) -> Vec<u32> {
    let m = tandem_core::load(dir).unwrap();
    let mut p = p.clone();
    p.stop_token_ids = m.eos_token_ids.clone();
    tandem_core::generate(&m.model, m.tokenizer.as_ref(), prompt, &p, &mut |_| true)
        .unwrap()
        .ids
}

#[test]
fn stepwise_generation_matches_the_reference_on_gpu_and_cpu() {
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
                e.begin(&prompt, p.clone()).unwrap();
                let (ids, _, _) = run(&mut e);
                assert_eq!(ids, want, "{} {backend:?} {p:?}", dir.display());
            }
        }
    }
}

#[test]
fn device_lost_mid_generation_continues_on_the_cpu() {
    let dir = demo_dir();
    let prompt = tandem_core::load(&dir)
        .unwrap()
        .tokenizer()
        .unwrap()
        .encode("The Licensor grants You", false)
        .unwrap();
    let want = reference(&dir, &prompt, &params(24));
    let mut e = engine(&dir, BackendChoice::Auto);
    e.begin(&prompt, params(24)).unwrap();
    let mut ids = Vec::new();
    for _ in 0..6 {
        ids.push(block_on(e.step()).unwrap().id);
    }
    e.lose_device();
    let err = block_on(e.step()).unwrap_err();
    assert!(matches!(err, GpuError::DeviceLost(_)), "{err}");
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
    let (g, prompt_tokens) = e.end(None).unwrap();
    assert_eq!(ids, want);
    assert_eq!(g.ids, want);
    assert_eq!(prompt_tokens, prompt.len());
}

#[test]
fn next_turn_reuses_the_cache_and_gives_the_same_tokens() {
    let dir = model_dir("llama-tiny");
    for backend in [BackendChoice::Gpu, BackendChoice::Cpu] {
        let mut e = engine(&dir, backend);
        let first = [3u32, 7, 11, 19];
        e.begin(&first, params(5)).unwrap();
        let (reply, _, _) = run(&mut e);
        let mut second: Vec<u32> = first.to_vec();
        second.extend_from_slice(&reply);
        second.extend_from_slice(&[23, 29]);
        e.begin(&second, params(6)).unwrap();
        let reused = e.cached_tokens();
        assert!(reused >= first.len(), "{backend:?}: reused {reused}");
        let (again, _, _) = run(&mut e);
        assert_eq!(again, reference(&dir, &second, &params(6)), "{backend:?}");
        // A prompt that does not extend the cache starts over.
        e.begin(&[5u32, 6], params(3)).unwrap();
        assert_eq!(e.cached_tokens(), 0);
        assert_eq!(run(&mut e).0, reference(&dir, &[5, 6], &params(3)));
    }
}

#[test]
fn bad_calls_are_typed_errors() {
    let dir = model_dir("qwen2-tiny");
    let mut e = engine(&dir, BackendChoice::Gpu);
    let invalid = |r: Result<(), GpuError>| match r {
        Err(GpuError::Core(c)) => c,
        other => panic!("{other:?}"),
    };
    assert!(matches!(
        invalid(block_on(e.step()).map(|_| ())),
        tandem_core::Error::InvalidParams(_)
    ));
    assert!(matches!(
        invalid(e.begin(&[], params(3))),
        tandem_core::Error::EmptyInput
    ));
    assert!(matches!(
        invalid(e.begin(&[1_000_000], params(3))),
        tandem_core::Error::TokenOutOfVocab { .. }
    ));
    let long = vec![1u32; e.max_context()];
    assert!(matches!(
        invalid(e.begin(&long, params(3))),
        tandem_core::Error::ContextOverflow { .. }
    ));
    let mut bad = params(3);
    bad.sampling.temperature = f32::NAN;
    assert!(matches!(
        invalid(e.begin(&[1, 2], bad)),
        tandem_core::Error::InvalidParams(_)
    ));
    // A context that fills up ends the generation, typed as such.
    let near = vec![1u32; e.max_context() - 2];
    e.begin(&near, params(10)).unwrap();
    let (ids, _, finish) = run(&mut e);
    assert_eq!(finish, FinishReason::ContextFull, "{ids:?}");
    assert!(e.end(None).is_err(), "end without a generation");
}
