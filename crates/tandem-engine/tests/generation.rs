//! The generation loop's features on the engine that runs it (tandem-core's CPU path here):
//! stop tokens and strings, streaming with held-back text, cancelling, seeds, and each token's
//! logprob and entropy against transformers' distribution.
mod common;

use common::{cpu, generate, ids, reference, tiny};
use tandem_core::sampling::logprob_and_entropy;
use tandem_core::{FinishReason, GenerateParams, SamplingParams};

/// Each token's logprob and entropy are those of the model's distribution (checked against
/// log-softmax of transformers' logits at the same positions).
#[test]
fn logprobs_and_entropies_match_transformers_distribution() {
    let r = reference("llama-tiny");
    let mut e = cpu(&tiny("llama-tiny"));
    let prompt = ids(&r["prompt_ids"]);
    let want = ids(&r["sources"]["hf.f32"]["new_ids"]);
    let bytes = std::fs::read(tiny("llama-tiny").join("reference.safetensors")).unwrap();
    let f = tandem_core::safetensors_file::SafetensorsFile::from_bytes("ref", bytes).unwrap();
    let logits: Vec<Vec<f32>> = f
        .tensor_f32("hf.f32", &tandem_core::candle_core::Device::Cpu)
        .unwrap()
        .to_vec2()
        .unwrap();
    let params = GenerateParams {
        max_new_tokens: want.len(),
        ..Default::default()
    };
    let g = generate(&mut e, &prompt, &params, &mut |_| true).unwrap();
    assert_eq!(g.ids, want);
    for (i, &id) in want.iter().enumerate() {
        let (lp, h) = logprob_and_entropy(&logits[prompt.len() - 1 + i], id);
        assert!(
            (g.logprobs[i] - lp).abs() < 1e-4,
            "step {i}: {} vs {lp}",
            g.logprobs[i]
        );
        assert!(
            (g.entropies[i] - h).abs() < 1e-4,
            "step {i}: {} vs {h}",
            g.entropies[i]
        );
        assert!(g.logprobs[i] <= 0.0 && g.entropies[i] >= 0.0);
    }
}

#[test]
fn stop_tokens_strings_streaming_and_seeds() {
    let mut e = cpu(&tiny("llama-tiny"));
    let tok = e.text().tokenizer().unwrap().clone();
    let eos_ids = e.text().eos_ids().to_vec();
    let prompt = tok
        .encode("The Licensor grants You a license", true)
        .unwrap();
    let free = generate(
        &mut e,
        &prompt,
        &GenerateParams {
            max_new_tokens: 16,
            ..Default::default()
        },
        &mut |_| true,
    )
    .unwrap();
    assert_eq!(free.finish_reason, FinishReason::Length);
    assert_eq!(free.ids.len(), 16);

    // the model's eos (<|im_end|>, id 2) appears at step 8 of the greedy continuation
    let eos = tok.token_to_id("<|im_end|>").unwrap();
    assert_eq!(eos_ids, vec![eos]);
    let pos = free.ids.iter().position(|&t| t == eos).unwrap();
    let params = GenerateParams {
        max_new_tokens: 16,
        stop_token_ids: eos_ids.clone(),
        ..Default::default()
    };
    let g = generate(&mut e, &prompt, &params, &mut |_| true).unwrap();
    assert_eq!(g.finish_reason, FinishReason::StopToken);
    assert_eq!(g.ids, free.ids[..=pos]);

    // a stop string cut out of the free text; the streamed pieces add up to the final text
    let text = &free.text;
    let stop: String = text.chars().skip(3).take(2).collect();
    let cut = text.find(&stop).unwrap();
    let mut streamed = String::new();
    let params = GenerateParams {
        max_new_tokens: 16,
        stop_strings: vec![stop.clone()],
        ..Default::default()
    };
    let g = generate(&mut e, &prompt, &params, &mut |ev| {
        streamed.push_str(&ev.text);
        true
    })
    .unwrap();
    assert_eq!(g.finish_reason, FinishReason::StopString);
    assert_eq!(g.text, text[..cut]);
    assert_eq!(
        streamed, g.text,
        "streamed text never shows the stop string"
    );

    // streaming without stops adds up to the text too, and the callback can cancel
    let mut streamed = String::new();
    let mut n = 0;
    let g = generate(
        &mut e,
        &prompt,
        &GenerateParams {
            max_new_tokens: 16,
            ..Default::default()
        },
        &mut |ev| {
            streamed.push_str(&ev.text);
            n += 1;
            n < 5
        },
    )
    .unwrap();
    assert_eq!(g.finish_reason, FinishReason::Cancelled);
    assert_eq!(g.ids.len(), 5);
    assert!(g.text.starts_with(&streamed));

    // sampling: the same seed gives the same tokens, another seed other tokens
    let mut sample = |seed| {
        let p = GenerateParams {
            max_new_tokens: 24,
            sampling: SamplingParams {
                temperature: 1.0,
                top_k: Some(50),
                top_p: Some(0.95),
                repetition_penalty: 1.1,
                seed,
            },
            ..Default::default()
        };
        generate(&mut e, &prompt, &p, &mut |_| true).unwrap().ids
    };
    let (a, b, c) = (sample(1), sample(1), sample(2));
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn invalid_generation_params_are_typed_errors() {
    let mut e = cpu(&tiny("qwen2-tiny"));
    let p = GenerateParams {
        sampling: SamplingParams {
            temperature: -0.5,
            ..Default::default()
        },
        ..Default::default()
    };
    assert!(matches!(
        generate(&mut e, &[1, 2], &p, &mut |_| true),
        Err(tandem_engine::Error::Core(
            tandem_core::Error::InvalidParams(_)
        ))
    ));
    // Stop strings are matched in text: without a tokenizer there is none.
    let p = GenerateParams {
        stop_strings: vec!["x".into()],
        ..Default::default()
    };
    assert!(matches!(
        tandem_core::Generator::new(None, &[1, 2], p, 64),
        Err(tandem_core::Error::InvalidParams(_))
    ));
}
