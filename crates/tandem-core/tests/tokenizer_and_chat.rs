//! Tokenizer and chat template against transformers' outputs. (The generation loop's features
//! are tested on the engine that runs it: crates/tandem-engine/tests/generation.rs.)
use std::path::PathBuf;

use tandem_core::{ChatMessage, LoadedModel};

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
    assert_eq!(m.text.render(&msgs).unwrap(), want);
    let g = gguf_without_side_tokenizer();
    assert_eq!(g.text.render(&msgs).unwrap(), want);
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

/// Found by the tokenizer fuzz target's memory limit: tokenizers' BPE keeps each instance's word
/// cache in a thread-local map that outlives the instance, so every tokenizer loaded and used
/// leaked its cache. Before the fix these loads left ~100 MB behind; now next to nothing.
#[cfg(target_os = "linux")]
#[test]
fn loading_and_using_tokenizers_again_and_again_does_not_leak() {
    fn rss_mib() -> u64 {
        let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
        let pages: u64 = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
        (pages * 4096) >> 20
    }
    let json = std::fs::read_to_string(tiny("llama-tiny").join("tokenizer.json")).unwrap();
    // Distinct words, so that a cache would fill.
    let text: String = (0..3000).map(|i| format!("w{i}x{} ", i * 7919)).collect();
    let mut before = 0;
    for round in 0..300 {
        if round == 20 {
            before = rss_mib(); // after the allocator's first growth
        }
        let t = tandem_core::Tokenizer::from_json(&json).unwrap();
        assert!(!t.encode(&text, false).unwrap().is_empty());
    }
    let grown = rss_mib().saturating_sub(before);
    assert!(grown < 30, "RSS grew {grown} MiB over 280 tokenizer loads");
}
