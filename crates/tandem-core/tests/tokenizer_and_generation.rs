//! Tokenizer and chat template against transformers' outputs, and the generation loop's
//! features (stop tokens/strings, streaming, seeds, logprobs and entropies).
use std::path::PathBuf;

use tandem_core::sampling::logprob_and_entropy;
use tandem_core::{ChatMessage, FinishReason, GenerateParams, LoadedModel, SamplingParams};

fn tiny(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../models/tiny")
        .join(name)
}

fn reference(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(tiny(name).join("reference.json")).unwrap())
        .unwrap()
}

fn ids(v: &serde_json::Value) -> Vec<u32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as u32)
        .collect()
}

fn gguf_without_side_tokenizer() -> LoadedModel {
    let bytes = std::fs::read(tiny("qwen2-tiny").join("qwen2-tiny-q8_0.gguf")).unwrap();
    tandem_core::load::from_gguf_bytes(bytes, None).unwrap()
}

#[test]
fn tokenizer_ids_match_transformers() {
    let r = reference("llama-tiny");
    let m = tandem_core::load(&tiny("llama-tiny")).unwrap();
    let from_gguf = gguf_without_side_tokenizer();
    for (tok, what) in [
        (m.tokenizer().unwrap(), "tokenizer.json"),
        (from_gguf.tokenizer().unwrap(), "GGUF metadata"),
    ] {
        for ex in r["tokenizer"]["examples"].as_array().unwrap() {
            let text = ex["text"].as_str().unwrap();
            let got = tok.encode(text, false).unwrap();
            assert_eq!(got, ids(&ex["ids"]), "{what}: {text:?}");
            assert_eq!(tok.decode(&got, false).unwrap(), text, "{what}: round trip");
        }
    }
}

#[test]
fn chat_template_matches_transformers() {
    let r = reference("llama-tiny");
    let msgs: Vec<ChatMessage> =
        serde_json::from_value(r["tokenizer"]["chat"]["messages"].clone()).unwrap();
    let want = r["tokenizer"]["chat"]["rendered"].as_str().unwrap();
    let m = tandem_core::load(&tiny("llama-tiny")).unwrap();
    assert_eq!(
        m.chat_template
            .as_ref()
            .unwrap()
            .render(&msgs, true)
            .unwrap(),
        want
    );
    let g = gguf_without_side_tokenizer();
    assert_eq!(
        g.chat_template
            .as_ref()
            .unwrap()
            .render(&msgs, true)
            .unwrap(),
        want
    );
}

#[test]
fn chat_template_errors_are_typed() {
    use tandem_core::{ChatTemplate, Error};
    assert!(matches!(
        ChatTemplate::new("{% for x in %}", "", ""),
        Err(Error::ChatTemplate(_))
    ));
    let t = ChatTemplate::new("{{ raise_exception('roles must alternate') }}", "", "").unwrap();
    match t.render(&[], true) {
        Err(Error::ChatTemplate(msg)) => assert!(msg.contains("roles must alternate"), "{msg}"),
        other => panic!("{other:?}"),
    }
    // Python string methods work, as in transformers' Jinja environment
    let t = ChatTemplate::new("{{ messages[0]['content'].strip().upper() }}", "", "").unwrap();
    assert_eq!(
        t.render(&[ChatMessage::new("user", "  hi ")], false)
            .unwrap(),
        "HI"
    );
}

/// Each token's logprob and entropy are those of the model's distribution (checked against
/// log-softmax of transformers' logits at the same positions).
#[test]
fn logprobs_and_entropies_match_transformers_distribution() {
    let r = reference("llama-tiny");
    let m = tandem_core::load(&tiny("llama-tiny")).unwrap();
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
    let g = tandem_core::generate(&m.model, None, &prompt, &params, &mut |_| true).unwrap();
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
    let m = tandem_core::load(&tiny("llama-tiny")).unwrap();
    let tok = m.tokenizer().unwrap();
    let prompt = tok
        .encode("The Licensor grants You a license", true)
        .unwrap();
    let free = tandem_core::generate(
        &m.model,
        Some(tok),
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
    assert_eq!(m.eos_token_ids, vec![eos]);
    let pos = free.ids.iter().position(|&t| t == eos).unwrap();
    let params = GenerateParams {
        max_new_tokens: 16,
        stop_token_ids: m.eos_token_ids.clone(),
        ..Default::default()
    };
    let g = tandem_core::generate(&m.model, Some(tok), &prompt, &params, &mut |_| true).unwrap();
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
    let g = tandem_core::generate(&m.model, Some(tok), &prompt, &params, &mut |ev| {
        streamed.push_str(ev.text);
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
    let g = tandem_core::generate(
        &m.model,
        Some(tok),
        &prompt,
        &GenerateParams {
            max_new_tokens: 16,
            ..Default::default()
        },
        &mut |ev| {
            streamed.push_str(ev.text);
            n += 1;
            n < 5
        },
    )
    .unwrap();
    assert_eq!(g.finish_reason, FinishReason::Cancelled);
    assert_eq!(g.ids.len(), 5);
    assert!(g.text.starts_with(&streamed));

    // sampling: the same seed gives the same tokens, another seed other tokens
    let sample = |seed| {
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
        tandem_core::generate(&m.model, Some(tok), &prompt, &p, &mut |_| true)
            .unwrap()
            .ids
    };
    assert_eq!(sample(1), sample(1));
    assert_ne!(sample(1), sample(2));
}

#[test]
fn invalid_generation_params_are_typed_errors() {
    let m = tandem_core::load(&tiny("qwen2-tiny")).unwrap();
    let p = GenerateParams {
        sampling: SamplingParams {
            temperature: -0.5,
            ..Default::default()
        },
        ..Default::default()
    };
    assert!(matches!(
        tandem_core::generate(&m.model, None, &[1, 2], &p, &mut |_| true),
        Err(tandem_core::Error::InvalidParams(_))
    ));
    let p = GenerateParams {
        stop_strings: vec!["x".into()],
        ..Default::default()
    };
    assert!(matches!(
        tandem_core::generate(&m.model, None, &[1, 2], &p, &mut |_| true),
        Err(tandem_core::Error::InvalidParams(_))
    ));
}
