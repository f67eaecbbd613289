//! Bad input gets a typed error that names the problem, and never a panic.
use std::path::{Path, PathBuf};

use tandem_core::load::{load_tokenizer_file, LoadedModel};
use tandem_core::safetensors_file::SafetensorsFile;
use tandem_core::{Config, Error, Logits};

fn tiny(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../models/tiny")
        .join(name)
}

/// A scratch copy of a committed model directory (without the GGUF files).
fn scratch(name: &str) -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    for f in [
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "tokenizer_config.json",
    ] {
        std::fs::copy(tiny(name).join(f), d.path().join(f)).unwrap();
    }
    d
}

fn load(p: &Path) -> Result<LoadedModel, Error> {
    tandem_core::load(p)
}

/// Splits a safetensors file into (header JSON, data).
fn split(bytes: &[u8]) -> (serde_json::Value, Vec<u8>) {
    let n = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    (
        serde_json::from_slice(&bytes[8..8 + n]).unwrap(),
        bytes[8 + n..].to_vec(),
    )
}

fn join(header: &serde_json::Value, data: &[u8]) -> Vec<u8> {
    let h = header.to_string().into_bytes();
    let mut out = (h.len() as u64).to_le_bytes().to_vec();
    out.extend(h);
    out.extend(data);
    out
}

fn edit_safetensors(dir: &Path, f: impl FnOnce(&mut serde_json::Value, &mut Vec<u8>)) {
    let p = dir.join("model.safetensors");
    let (mut h, mut d) = split(&std::fs::read(&p).unwrap());
    f(&mut h, &mut d);
    std::fs::write(&p, join(&h, &d)).unwrap();
}

#[test]
fn truncated_safetensors() {
    let d = scratch("llama-tiny");
    let p = d.path().join("model.safetensors");
    let bytes = std::fs::read(&p).unwrap();
    for cut in [0, 4, 100, bytes.len() / 2, bytes.len() - 1] {
        std::fs::write(&p, &bytes[..cut]).unwrap();
        let e = load(d.path()).err().expect("must fail");
        assert!(matches!(e, Error::Safetensors { .. }), "cut {cut}: {e}");
    }
}

#[test]
fn safetensors_header_offsets_that_lie() {
    // past the end of the file
    let d = scratch("llama-tiny");
    edit_safetensors(d.path(), |h, _| {
        let t = &mut h["model.norm.weight"]["data_offsets"];
        let end = t[1].as_u64().unwrap();
        t[1] = (end + 4096).into();
    });
    let e = load(d.path()).err().expect("must fail");
    assert!(matches!(e, Error::Safetensors { .. }), "{e}");

    // two tensors claiming the same bytes
    let d = scratch("llama-tiny");
    edit_safetensors(d.path(), |h, _| {
        let other = h["model.layers.0.input_layernorm.weight"]["data_offsets"].clone();
        h["model.layers.1.input_layernorm.weight"]["data_offsets"] = other;
    });
    let e = load(d.path()).err().expect("must fail");
    assert!(matches!(e, Error::Safetensors { .. }), "{e}");

    // a header length larger than the file
    let d = scratch("llama-tiny");
    let p = d.path().join("model.safetensors");
    let mut bytes = std::fs::read(&p).unwrap();
    bytes[..8].copy_from_slice(&(u64::MAX / 2).to_le_bytes());
    std::fs::write(&p, bytes).unwrap();
    assert!(matches!(load(d.path()), Err(Error::Safetensors { .. })));
}

#[test]
fn missing_tensor_is_named() {
    let d = scratch("qwen2-tiny");
    let p = d.path().join("model.safetensors");
    let f = SafetensorsFile::from_bytes("m", std::fs::read(&p).unwrap()).unwrap();
    let mut views = Vec::new();
    let keep: Vec<String> = f
        .names()
        .into_iter()
        .filter(|n| n != "model.layers.1.self_attn.k_proj.bias")
        .collect();
    for n in &keep {
        let t = f
            .tensor_f32(n, &tandem_core::candle_core::Device::Cpu)
            .unwrap();
        let v: Vec<u8> = t
            .flatten_all()
            .unwrap()
            .to_vec1::<f32>()
            .unwrap()
            .iter()
            .flat_map(|x| x.to_le_bytes())
            .collect();
        views.push((n.clone(), t.dims().to_vec(), v));
    }
    let tv: Vec<(String, safetensors::tensor::TensorView)> = views
        .iter()
        .map(|(n, s, v)| {
            (
                n.clone(),
                safetensors::tensor::TensorView::new(safetensors::Dtype::F32, s.clone(), v)
                    .unwrap(),
            )
        })
        .collect();
    safetensors::serialize_to_file(tv, None, &p).unwrap();
    match load(d.path()) {
        Err(Error::MissingTensor(name)) => assert_eq!(name, "model.layers.1.self_attn.k_proj.bias"),
        other => panic!("expected MissingTensor, got {:?}", other.err()),
    }
}

#[test]
fn wrong_shape_is_named() {
    let d = scratch("llama-tiny");
    edit_safetensors(d.path(), |h, _| {
        // same number of bytes, transposed shape
        let s = h["model.layers.0.mlp.up_proj.weight"]["shape"]
            .as_array()
            .unwrap()
            .clone();
        h["model.layers.0.mlp.up_proj.weight"]["shape"] = serde_json::json!([s[1], s[0]]);
    });
    match load(d.path()) {
        Err(Error::TensorShape {
            name,
            expected,
            actual,
        }) => {
            assert_eq!(name, "model.layers.0.mlp.up_proj.weight");
            assert_eq!(expected, vec![96, 64]);
            assert_eq!(actual, vec![64, 96]);
        }
        other => panic!("expected TensorShape, got {:?}", other.err()),
    }
}

#[test]
fn config_errors_name_what_is_unsupported() {
    let base = std::fs::read_to_string(tiny("llama-tiny").join("config.json")).unwrap();
    let with = |k: &str, v: serde_json::Value| {
        let mut c: serde_json::Value = serde_json::from_str(&base).unwrap();
        c[k] = v;
        Config::from_hf_json(&c.to_string())
    };
    match with("model_type", "gpt_neox".into()) {
        Err(Error::UnsupportedModelType(t)) => assert_eq!(t, "gpt_neox"),
        other => panic!("{other:?}"),
    }
    match with(
        "rope_parameters",
        serde_json::json!({"rope_type": "yarn", "rope_theta": 1e4, "factor": 4.0}),
    ) {
        Err(Error::Unsupported { what }) => assert!(what.contains("yarn"), "{what}"),
        other => panic!("{other:?}"),
    }
    match with("hidden_act", "gelu".into()) {
        Err(Error::Unsupported { what }) => assert!(what.contains("gelu")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        with("num_key_value_heads", 3.into()),
        Err(Error::InvalidConfig(_))
    ));
    assert!(matches!(
        with("hidden_size", serde_json::Value::Null),
        Err(Error::InvalidConfig(_))
    ));
    assert!(matches!(
        Config::from_hf_json("{not json"),
        Err(Error::ConfigJson(_))
    ));
    // and through the loader
    let d = scratch("llama-tiny");
    let mut c: serde_json::Value = serde_json::from_str(&base).unwrap();
    c["model_type"] = "mamba".into();
    std::fs::write(d.path().join("config.json"), c.to_string()).unwrap();
    assert!(matches!(
        load(d.path()),
        Err(Error::UnsupportedModelType(_))
    ));
}

#[test]
fn classic_and_transformers5_rope_keys_agree() {
    let c5 = Config::from_hf_json(
        &std::fs::read_to_string(tiny("llama-tiny").join("config.json")).unwrap(),
    )
    .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(tiny("llama-tiny").join("config.json")).unwrap(),
    )
    .unwrap();
    let mut rp = v["rope_parameters"].take();
    let obj = v.as_object_mut().unwrap();
    obj.remove("rope_parameters");
    obj.insert("rope_theta".into(), rp["rope_theta"].take());
    rp.as_object_mut().unwrap().remove("rope_theta");
    obj.insert("rope_scaling".into(), rp);
    let classic = Config::from_hf_json(&v.to_string()).unwrap();
    assert_eq!(classic, c5);
}

fn gguf_bytes() -> Vec<u8> {
    std::fs::read(tiny("llama-tiny").join("llama-tiny-q8_0.gguf")).unwrap()
}

fn load_gguf(bytes: Vec<u8>) -> Result<LoadedModel, Error> {
    tandem_core::load::from_gguf_bytes(bytes, None)
}

#[test]
fn corrupt_gguf_header() {
    let good = gguf_bytes();
    let mut b = good.clone();
    b[..4].copy_from_slice(b"GGML");
    assert!(matches!(load_gguf(b), Err(Error::GgufMagic(m)) if &m == b"GGML"));

    let mut b = good.clone();
    b[4..8].copy_from_slice(&99u32.to_le_bytes());
    assert!(matches!(load_gguf(b), Err(Error::GgufVersion(99))));

    let mut b = good.clone();
    b[8..16].copy_from_slice(&(1u64 << 40).to_le_bytes());
    assert!(matches!(
        load_gguf(b),
        Err(Error::GgufCount {
            what: "tensors",
            ..
        })
    ));

    let mut b = good.clone();
    b[16..24].copy_from_slice(&u64::MAX.to_le_bytes());
    assert!(matches!(
        load_gguf(b),
        Err(Error::GgufCount {
            what: "metadata entries",
            ..
        })
    ));

    // one tensor fewer than the header says: the metadata parses, the tensor table runs off
    let mut b = good.clone();
    let n = u64::from_le_bytes(b[8..16].try_into().unwrap());
    b[8..16].copy_from_slice(&(n + 1).to_le_bytes());
    assert!(load_gguf(b).is_err());

    assert!(matches!(
        load_gguf(b"GG".to_vec()),
        Err(Error::GgufTruncated(_))
    ));
    assert!(matches!(
        load_gguf(good[..good.len() - 100].to_vec()),
        Err(Error::GgufTruncated(_))
    ));
    assert!(matches!(
        load_gguf(good[..good.len() / 3].to_vec()),
        Err(Error::GgufTruncated(_) | Error::Gguf(_))
    ));
}

/// Random byte damage anywhere in either format: errors, never a panic.
#[test]
fn damaged_files_never_panic() {
    let mut rng = tandem_core::sampling::Rng::new(99);
    let good = gguf_bytes();
    for _ in 0..300 {
        let mut b = good.clone();
        for _ in 0..1 + rng.next_u64() % 4 {
            // mostly in the header/metadata, where the structure is
            let span = if rng.next_u64().is_multiple_of(4) {
                b.len()
            } else {
                b.len().min(4096)
            };
            let i = (rng.next_u64() as usize) % span;
            b[i] = rng.next_u64() as u8;
        }
        let _ = load_gguf(b);
    }
    let st = std::fs::read(tiny("qwen2-tiny").join("model.safetensors")).unwrap();
    for _ in 0..300 {
        let mut b = st.clone();
        let i = (rng.next_u64() as usize) % b.len().min(2048);
        b[i] = rng.next_u64() as u8;
        if let Ok(f) = SafetensorsFile::from_bytes("m", b) {
            for n in f.names() {
                let _ = f.tensor_f32(&n, &tandem_core::candle_core::Device::Cpu);
            }
        }
    }
}

#[test]
fn tokenizer_missing_or_invalid() {
    let missing = tiny("nope").join("tokenizer.json");
    assert!(matches!(
        load_tokenizer_file(&missing),
        Err(Error::TokenizerMissing(_))
    ));

    let d = scratch("llama-tiny");
    std::fs::remove_file(d.path().join("tokenizer.json")).unwrap();
    let m = load(d.path()).unwrap(); // logits from ids need no tokenizer
    assert!(matches!(m.tokenizer(), Err(Error::TokenizerMissing(_))));

    for bad in [
        "{ this is not json",
        "{\"model\": {\"type\": \"Unigram\", \"vocab\": 7}}",
        "",
    ] {
        std::fs::write(d.path().join("tokenizer.json"), bad).unwrap();
        assert!(
            matches!(load(d.path()), Err(Error::Tokenizer(_))),
            "{bad:?}"
        );
    }
}

#[test]
fn token_ids_outside_the_vocabulary() {
    let m = load(&tiny("llama-tiny")).unwrap();
    let vocab = m.config().vocab_size;
    let mut cache = m.model.new_cache();
    for ids in [vec![vocab as u32], vec![1, 2, u32::MAX]] {
        match m.model.forward(&ids, &mut cache, Logits::All) {
            Err(Error::TokenOutOfVocab { id, vocab: v }) => {
                assert!(id as usize >= vocab);
                assert_eq!(v, vocab);
            }
            other => panic!("{:?}", other.err()),
        }
    }
    assert_eq!(
        cache.len(),
        0,
        "a rejected request leaves the cache untouched"
    );
    assert!(matches!(
        m.model.forward(&[], &mut cache, Logits::All),
        Err(Error::EmptyInput)
    ));
    let long = vec![1u32; m.config().max_position_embeddings + 1];
    assert!(matches!(
        m.model.forward(&long, &mut cache, Logits::Last),
        Err(Error::ContextOverflow { .. })
    ));
    assert!(m.model.forward(&[1, 2, 3], &mut cache, Logits::All).is_ok());
    // the same through a GGUF model
    let g = load_gguf(gguf_bytes()).unwrap();
    let mut c = g.model.new_cache();
    assert!(matches!(
        g.model.forward(&[vocab as u32], &mut c, Logits::Last),
        Err(Error::TokenOutOfVocab { .. })
    ));
}

#[test]
fn absurd_config_values_are_rejected_before_any_shape_math() {
    let base = std::fs::read_to_string(tiny("qwen2-tiny").join("config.json")).unwrap();
    let with = |edits: &[(&str, serde_json::Value)]| {
        let mut c: serde_json::Value = serde_json::from_str(&base).unwrap();
        for (k, v) in edits {
            c[*k] = v.clone();
        }
        Config::from_hf_json(&c.to_string())
    };
    // heads × head_dim would wrap around to the real q_proj size
    let wrap = with(&[
        (
            "num_attention_heads",
            serde_json::json!(288230376151711758u64),
        ),
        ("num_key_value_heads", 2.into()),
        ("head_dim", 64.into()),
    ]);
    assert!(matches!(wrap, Err(Error::InvalidConfig(_))), "{wrap:?}");
    assert!(matches!(
        with(&[("vocab_size", serde_json::json!(1u64 << 40))]),
        Err(Error::InvalidConfig(_))
    ));
    for rope in [
        serde_json::json!({"rope_type": "linear", "factor": 0.0}),
        serde_json::json!({"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 4.0, "high_freq_factor": 4.0,
                           "original_max_position_embeddings": 8192}),
    ] {
        assert!(
            matches!(
                with(&[("rope_parameters", rope.clone())]),
                Err(Error::InvalidConfig(_))
            ),
            "{rope}"
        );
    }
}

/// Rewrites the committed Q8_0 GGUF with some metadata changed.
fn gguf_with(
    meta_edits: &[(&str, tandem_core::candle_core::quantized::gguf_file::Value)],
) -> Vec<u8> {
    use tandem_core::candle_core::quantized::{gguf_file, QTensor};
    let bytes = gguf_bytes();
    let mut r = std::io::Cursor::new(&bytes);
    let c = gguf_file::Content::read(&mut r).unwrap();
    let tensors: Vec<(String, QTensor)> = c
        .tensor_infos
        .keys()
        .map(|n| {
            (
                n.clone(),
                c.tensor(&mut r, n, &tandem_core::candle_core::Device::Cpu)
                    .unwrap(),
            )
        })
        .collect();
    let mut meta: Vec<(String, gguf_file::Value)> = c.metadata.into_iter().collect();
    for (k, v) in meta_edits {
        meta.retain(|(m, _)| m != k);
        meta.push((k.to_string(), v.clone()));
    }
    let meta_refs: Vec<(&str, &gguf_file::Value)> =
        meta.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let t_refs: Vec<(&str, &QTensor)> = tensors.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let mut out = std::io::Cursor::new(Vec::new());
    gguf_file::write(&mut out, &meta_refs, &t_refs).unwrap();
    out.into_inner()
}

#[test]
fn gguf_metadata_that_would_crash_a_reader() {
    use tandem_core::candle_core::quantized::gguf_file::Value;
    match load_gguf(gguf_with(&[("general.alignment", Value::U32(0))])) {
        Err(Error::GgufMetadata { key, .. }) => assert_eq!(key, "general.alignment"),
        other => panic!("{:?}", other.err()),
    }
    // a rewritten file with sane metadata still loads (the rewrite itself is faithful)
    assert!(load_gguf(gguf_with(&[("general.alignment", Value::U32(32))])).is_ok());
    match load_gguf(gguf_with(&[(
        "llama.attention.head_count",
        Value::U64(1 << 40),
    )])) {
        Err(Error::InvalidConfig(_)) => {}
        other => panic!("{:?}", other.err()),
    }
    // a pre-tokenizer this code cannot rebuild is named, not silently approximated
    match load_gguf(gguf_with(&[(
        "tokenizer.ggml.pre",
        Value::String("llama-bpe".into()),
    )])) {
        Err(Error::Unsupported { what }) => assert!(what.contains("llama-bpe"), "{what}"),
        other => panic!("{:?}", other.err()),
    }
}

#[test]
fn a_broken_chat_template_does_not_stop_the_model_loading() {
    let d = scratch("llama-tiny");
    std::fs::write(
        d.path().join("tokenizer_config.json"),
        r#"{"chat_template": "{% for m in %}"}"#,
    )
    .unwrap();
    let m = load(d.path()).unwrap();
    assert!(m.chat_template.is_none());
    assert!(m
        .chat_template_error
        .as_deref()
        .unwrap_or("")
        .contains("chat template"));
}

#[test]
fn empty_stop_strings_and_foreign_caches_are_typed_errors() {
    let m = load(&tiny("llama-tiny")).unwrap();
    let tok = m.tokenizer().unwrap();
    let p = tandem_core::GenerateParams {
        stop_strings: vec![String::new()],
        ..Default::default()
    };
    assert!(matches!(
        tandem_core::generate(&m.model, Some(tok), &[1, 2], &p, &mut |_| true),
        Err(Error::InvalidParams(_))
    ));
    let other = load(&tiny("qwen2-tiny")).unwrap();
    let mut cfg = other.config().clone();
    cfg.num_hidden_layers = 1;
    let mut wrong = tandem_core::Cache::new(&cfg);
    assert!(matches!(
        m.model.forward(&[1], &mut wrong, Logits::Last),
        Err(Error::InvalidParams(_))
    ));
}
