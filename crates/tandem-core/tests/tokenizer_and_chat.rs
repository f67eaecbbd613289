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
