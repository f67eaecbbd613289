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
    assert!(matches!(
        m.text.chat_template(),
        Err(Error::NoChatTemplate(_))
    ));
    assert!(m
        .text
        .chat_template_error()
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
        tandem_core::Generator::new(Some(tok.clone()), &[1, 2], p, 64),
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

/// A GGUF v3 file written byte by byte, so that it can say what no writer would.
#[derive(Default)]
struct RawGguf {
    meta: Vec<u8>,
    n_meta: u64,
    infos: Vec<u8>,
    n_tensors: u64,
}

/// A GGUF string: u64 length, then the bytes.
fn gstr(s: &[u8]) -> Vec<u8> {
    let mut v = (s.len() as u64).to_le_bytes().to_vec();
    v.extend(s);
    v
}

/// A GGUF array value: element type, count, then the elements as stored.
fn garray(elem_type: u32, n: u64, elems: &[u8]) -> Vec<u8> {
    let mut v = elem_type.to_le_bytes().to_vec();
    v.extend(n.to_le_bytes());
    v.extend(elems);
    v
}

const U32: u32 = 4;
const STRING: u32 = 8;
const ARRAY: u32 = 9;

impl RawGguf {
    /// A metadata entry: key, GGUF value type, and the value's bytes as stored.
    fn kv(mut self, key: &[u8], value_type: u32, value: &[u8]) -> Self {
        self.meta.extend(gstr(key));
        self.meta.extend(value_type.to_le_bytes());
        self.meta.extend(value);
        self.n_meta += 1;
        self
    }

    fn kv_u32(self, key: &str, v: u32) -> Self {
        self.kv(key.as_bytes(), U32, &v.to_le_bytes())
    }

    /// A tensor info (dims in GGUF order, innermost first).
    fn tensor(mut self, name: &[u8], dims: &[u64], ggml_type: u32, offset: u64) -> Self {
        self.infos.extend(gstr(name));
        self.infos.extend((dims.len() as u32).to_le_bytes());
        for d in dims {
            self.infos.extend(d.to_le_bytes());
        }
        self.infos.extend(ggml_type.to_le_bytes());
        self.infos.extend(offset.to_le_bytes());
        self.n_tensors += 1;
        self
    }

    /// The file, with `data` after the tensor infos padded to 32 bytes.
    fn bytes(&self, data: &[u8]) -> Vec<u8> {
        let mut b = b"GGUF".to_vec();
        b.extend(3u32.to_le_bytes());
        b.extend(self.n_tensors.to_le_bytes());
        b.extend(self.n_meta.to_le_bytes());
        b.extend(&self.meta);
        b.extend(&self.infos);
        b.resize(b.len().div_ceil(32) * 32, 0);
        b.extend(data);
        b
    }
}

/// `depth` arrays, one inside the other, the innermost holding one u8.
fn nested_array(depth: usize) -> Vec<u8> {
    let mut v = garray(0, 1, &[7]);
    for _ in 1..depth {
        v = garray(ARRAY, 1, &v);
    }
    v
}

fn expect_metadata_error(bytes: Vec<u8>, key: &str, why: &str) -> String {
    match load_gguf(bytes) {
        Err(Error::GgufMetadata { key: k, reason }) => {
            assert_eq!(k, key, "{why}: {reason}");
            reason
        }
        other => panic!(
            "{why}: expected GgufMetadata for {key:?}, got {:?}",
            other.err()
        ),
    }
}

/// candle's reader divides by `general.alignment`: a zero one anywhere must be found however
/// the metadata before it is shaped, not only when a shallow walk happens to reach it.
#[test]
fn gguf_zero_alignment_after_metadata_a_shallow_walk_gives_up_on() {
    let zero = |g: RawGguf| g.kv_u32("general.alignment", 0).bytes(&[]);
    let cases = [
        (
            "after an array nested 6 deep",
            zero(RawGguf::default().kv(b"deep", ARRAY, &nested_array(6))),
        ),
        (
            "after a 70,000-byte key",
            zero(RawGguf::default().kv(&[b'k'; 70_000], U32, &1u32.to_le_bytes())),
        ),
        (
            "after a valid alignment (the last one counts)",
            zero(RawGguf::default().kv_u32("general.alignment", 32)),
        ),
        (
            "under a key with trailing NULs, which the reader drops",
            RawGguf::default()
                .kv(b"general.alignment\0\0\0", U32, &0u32.to_le_bytes())
                .bytes(&[]),
        ),
        (
            "as a u8",
            RawGguf::default()
                .kv(b"general.alignment", 0, &[0])
                .bytes(&[]),
        ),
    ];
    for (why, bytes) in cases {
        let reason = expect_metadata_error(bytes, "general.alignment", why);
        assert!(reason.contains("> 0"), "{why}: {reason}");
    }
    // alignments candle would ignore (and fall back to 32) or llama.cpp rejects
    for (t, v) in [
        (10u32, 0u64.to_le_bytes().to_vec()),
        (6, 32f32.to_le_bytes().to_vec()),
        (5, (-32i32).to_le_bytes().to_vec()),
        (4, 48u32.to_le_bytes().to_vec()),
    ] {
        let b = RawGguf::default()
            .kv(b"general.alignment", t, &v)
            .bytes(&[]);
        expect_metadata_error(b, "general.alignment", &format!("type {t}"));
    }
    // the same shapes with a valid alignment are walked through to candle's reader, which
    // then reads the file (and it lacks an architecture)
    let b = RawGguf::default()
        .kv(b"deep", ARRAY, &nested_array(6))
        .kv(&[b'k'; 70_000], U32, &1u32.to_le_bytes())
        .kv_u32("general.alignment", 64)
        .bytes(&[]);
    expect_metadata_error(b, "general.architecture", "a valid file");
}

#[test]
fn gguf_metadata_the_walk_cannot_follow_is_a_typed_error() {
    // nested deeper than the walk goes
    let reason = expect_metadata_error(
        RawGguf::default()
            .kv(b"deep", ARRAY, &nested_array(40))
            .bytes(&[]),
        "deep",
        "nested 40 deep",
    );
    assert!(reason.contains("nested"), "{reason}");
    // unknown value types, as a value and as an array's elements
    expect_metadata_error(
        RawGguf::default().kv(b"odd", 13, &[0; 8]).bytes(&[]),
        "odd",
        "value type 13",
    );
    expect_metadata_error(
        RawGguf::default()
            .kv(b"odd", ARRAY, &garray(99, 1, &[0; 8]))
            .bytes(&[]),
        "odd",
        "element type 99",
    );
    // a bool that is neither 0 nor 1
    expect_metadata_error(
        RawGguf::default().kv(b"flag", 7, &[2]).bytes(&[]),
        "flag",
        "bool 2",
    );
    // absurd lengths: a string value, an array, each past any file and candle's limits
    let huge = (1u64 << 62).to_le_bytes();
    expect_metadata_error(
        RawGguf::default()
            .kv(b"general.name", STRING, &huge)
            .bytes(&[]),
        "general.name",
        "string of 2^62 bytes",
    );
    expect_metadata_error(
        RawGguf::default()
            .kv(b"tokens", ARRAY, &garray(STRING, 1 << 62, &[]))
            .bytes(&[]),
        "tokens",
        "array of 2^62 strings",
    );
    // a string that runs past the end of the file (but within candle's limit)
    let mut short = 1000u64.to_le_bytes().to_vec();
    short.extend(b"only a few bytes");
    match load_gguf(RawGguf::default().kv(b"s", STRING, &short).bytes(&[])) {
        Err(Error::GgufTruncated(m)) => assert!(m.contains("\"s\""), "{m}"),
        other => panic!("{:?}", other.err()),
    }
    // a key length of 2^62
    let mut b = RawGguf::default().bytes(&[]);
    b.truncate(24);
    b[16..24].copy_from_slice(&1u64.to_le_bytes());
    b.extend(huge);
    b.extend([0; 16]);
    assert!(matches!(load_gguf(b), Err(Error::Gguf(_))));
}

#[test]
fn gguf_tensor_infos_the_walk_rejects() {
    let with = |name: &[u8], dims: &[u64], t: u32, offset: u64| {
        load_gguf(
            RawGguf::default()
                .tensor(name, dims, t, offset)
                .bytes(&[0; 64]),
        )
    };
    let gguf_error = |r: Result<LoadedModel, Error>, has: &str| match r {
        Err(Error::Gguf(m)) => assert!(m.contains(has), "{m}"),
        other => panic!("expected Gguf({has:?}), got {:?}", other.err()),
    };
    // dimensions whose product overflows (candle's shape math would panic on them)
    gguf_error(with(b"big", &[1 << 32, 1 << 32, 1 << 32], 0, 0), "\"big\"");
    gguf_error(with(b"five", &[1, 1, 1, 1, 1], 0, 0), "5 dimensions");
    gguf_error(with(b"odd", &[33], 8, 0), "blocks");
    match with(b"t", &[16], 99, 0) {
        Err(Error::TensorDtype { name, dtype }) => {
            assert_eq!(name, "t");
            assert!(dtype.contains("99"), "{dtype}");
        }
        other => panic!("{:?}", other.err()),
    }
    gguf_error(with(b"t", &[16], 0, 16), "alignment");
    gguf_error(with(b"t", &[16], 0, u64::MAX - 31), "overflows");
    assert!(matches!(
        with(b"t", &[32], 0, 0),
        Err(Error::GgufTruncated(m)) if m.contains("\"t\"")
    ));
    // a tensor name of 2^62 bytes
    let mut b = RawGguf::default().bytes(&[]);
    b.truncate(24);
    b[8..16].copy_from_slice(&1u64.to_le_bytes());
    b.extend((1u64 << 62).to_le_bytes());
    b.extend([0; 32]);
    gguf_error(load_gguf(b), "tensor info 0");
}

/// Where the committed Q8_0 file keeps `name`'s data offset (found by its length-prefixed name).
fn gguf_offset_field(bytes: &[u8], name: &str) -> usize {
    let pat = gstr(name.as_bytes());
    let at = bytes
        .windows(pat.len())
        .position(|w| w == pat.as_slice())
        .unwrap()
        + pat.len();
    let n_dims = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
    at + 4 + 8 * n_dims + 4
}

fn set_gguf_offset(bytes: &mut [u8], name: &str, f: impl FnOnce(u64) -> u64) {
    let at = gguf_offset_field(bytes, name);
    let old = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
    bytes[at..at + 8].copy_from_slice(&f(old).to_le_bytes());
}

fn open_gguf(bytes: Vec<u8>) -> Result<tandem_core::load::ModelParts, Error> {
    tandem_core::load::gguf_parts(Box::new(std::io::Cursor::new(bytes)), None)
}

#[test]
fn gguf_tensor_offsets_are_checked_when_the_file_is_opened() {
    // not a multiple of general.alignment (32): candle would read the bytes two off
    let mut b = gguf_bytes();
    set_gguf_offset(&mut b, "blk.0.attn_v.weight", |o| o + 2);
    match load_gguf(b) {
        Err(Error::Gguf(m)) => {
            assert!(m.contains("\"blk.0.attn_v.weight\""), "{m}");
            assert!(m.contains("general.alignment"), "{m}");
        }
        other => panic!("{:?}", other.err()),
    }
    // past the end of the file: found on opening, not only when the tensor is read
    let mut b = gguf_bytes();
    set_gguf_offset(&mut b, "blk.1.ffn_down.weight", |_| 1 << 20);
    match open_gguf(b) {
        Err(Error::GgufTruncated(m)) => assert!(m.contains("\"blk.1.ffn_down.weight\""), "{m}"),
        other => panic!("{:?}", other.err()),
    }
    // the committed file itself passes the walk
    assert!(open_gguf(gguf_bytes()).is_ok());
}

/// `name`'s data in a GGUF file: (start, dtype, shape in Hugging Face order).
fn gguf_data_at(
    bytes: &[u8],
    name: &str,
) -> (
    usize,
    tandem_core::candle_core::quantized::GgmlDType,
    Vec<usize>,
) {
    use tandem_core::candle_core::quantized::gguf_file::Content;
    let c = Content::read(&mut std::io::Cursor::new(bytes)).unwrap();
    let info = &c.tensor_infos[name];
    (
        (c.tensor_data_offset + info.offset) as usize,
        info.ggml_dtype,
        info.shape.dims().to_vec(),
    )
}

/// The committed f32 GGUF rewritten with every f32 tensor stored as `dtype` (F16 or BF16).
fn gguf_as(dtype: tandem_core::candle_core::quantized::GgmlDType) -> Vec<u8> {
    use tandem_core::candle_core::quantized::{ggml_file::qtensor_from_ggml, gguf_file, GgmlDType};
    use tandem_core::candle_core::Device;
    let bytes = std::fs::read(tiny("llama-tiny").join("llama-tiny-f32.gguf")).unwrap();
    let mut r = std::io::Cursor::new(&bytes);
    let c = gguf_file::Content::read(&mut r).unwrap();
    let mut tensors = Vec::new();
    for n in c.tensor_infos.keys() {
        let t = c.tensor(&mut r, n, &Device::Cpu).unwrap();
        let v: Vec<f32> = t
            .dequantize(&Device::Cpu)
            .unwrap()
            .flatten_all()
            .unwrap()
            .to_vec1()
            .unwrap();
        let data: Vec<u8> = v
            .iter()
            .flat_map(|&x| match dtype {
                GgmlDType::F16 => half::f16::from_f32(x).to_le_bytes(),
                _ => half::bf16::from_f32(x).to_le_bytes(),
            })
            .collect();
        let q = qtensor_from_ggml(dtype, &data, t.shape().dims().to_vec(), &Device::Cpu).unwrap();
        tensors.push((n.clone(), q));
    }
    let meta: Vec<(&str, &gguf_file::Value)> =
        c.metadata.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let t_refs: Vec<(&str, &_)> = tensors.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let mut out = std::io::Cursor::new(Vec::new());
    gguf_file::write(&mut out, &meta, &t_refs).unwrap();
    out.into_inner()
}

fn expect_non_finite<T>(r: Result<T, Error>, tensor: &str, why: &str) {
    match r {
        Err(e @ Error::NonFiniteWeight { .. }) => {
            let Error::NonFiniteWeight { name } = &e else {
                unreachable!()
            };
            assert_eq!(name, tensor, "{why}");
            assert!(e.to_string().contains(&format!("{tensor:?}")), "{why}: {e}");
        }
        Err(e) => panic!("{why}: expected NonFiniteWeight for {tensor:?}, got {e}"),
        Ok(_) => panic!("{why}: expected NonFiniteWeight for {tensor:?}, but it loaded"),
    }
}

/// (case, file, tensor, which element or block, the bits to store there)
type Poison<'a> = (&'a str, &'a [u8], &'a str, usize, Vec<u8>);

#[test]
fn gguf_weights_holding_nan_or_inf_are_named() {
    use tandem_core::candle_core::quantized::GgmlDType;
    let f32_file = std::fs::read(tiny("llama-tiny").join("llama-tiny-f32.gguf")).unwrap();
    let q8 = gguf_bytes();
    let q4 = std::fs::read(tiny("llama-tiny").join("llama-tiny-q4_0.gguf")).unwrap();
    let f16_file = gguf_as(GgmlDType::F16);
    let bf16_file = gguf_as(GgmlDType::BF16);
    // the rewritten files load as they are
    assert!(load_gguf(f16_file.clone()).is_ok());
    assert!(load_gguf(bf16_file.clone()).is_ok());
    let cases: [Poison; 8] = [
        (
            "f32 NaN",
            &f32_file,
            "blk.0.ffn_up.weight",
            5,
            f32::NAN.to_le_bytes().to_vec(),
        ),
        (
            "f32 -inf",
            &f32_file,
            "output_norm.weight",
            63,
            f32::NEG_INFINITY.to_le_bytes().to_vec(),
        ),
        (
            "f16 inf",
            &f16_file,
            "blk.1.attn_q.weight",
            100,
            0x7C00u16.to_le_bytes().to_vec(),
        ),
        (
            "bf16 NaN",
            &bf16_file,
            "token_embd.weight",
            7,
            0x7FC1u16.to_le_bytes().to_vec(),
        ),
        (
            "Q8_0 scale inf",
            &q8,
            "blk.1.attn_v.weight",
            1,
            0x7C00u16.to_le_bytes().to_vec(),
        ),
        (
            "Q8_0 scale NaN",
            &q8,
            "output.weight",
            0,
            0xFE00u16.to_le_bytes().to_vec(),
        ),
        (
            "Q4_0 scale inf",
            &q4,
            "blk.0.ffn_down.weight",
            3,
            0xFC00u16.to_le_bytes().to_vec(),
        ),
        (
            "Q4_0 scale NaN",
            &q4,
            "blk.1.attn_k.weight",
            2,
            0x7E00u16.to_le_bytes().to_vec(),
        ),
    ];
    for (why, file, tensor, index, bits) in cases {
        let (start, dtype, shape) = gguf_data_at(file, tensor);
        let stride = match dtype {
            GgmlDType::F32 => 4,
            GgmlDType::F16 | GgmlDType::BF16 => 2,
            GgmlDType::Q8_0 => 34,
            GgmlDType::Q4_0 => 18,
            other => panic!("{why}: {other:?}"),
        };
        let mut b = file.to_vec();
        let at = start + index * stride;
        b[at..at + bits.len()].copy_from_slice(&bits);
        expect_non_finite(load_gguf(b.clone()), tensor, why);
        // and the GPU engine's path to the stored bytes
        let mut parts = open_gguf(b).unwrap();
        let cfg = parts.config.clone();
        let hf = hf_name_of(tensor);
        expect_non_finite(parts.weights.raw(&hf, &shape, &cfg), tensor, why);
    }
}

fn hf_name_of(gguf: &str) -> String {
    let names = [
        "model.embed_tokens.weight",
        "model.norm.weight",
        "lm_head.weight",
    ];
    let layers = (0..2).flat_map(|l| {
        [
            "self_attn.q_proj",
            "self_attn.k_proj",
            "self_attn.v_proj",
            "self_attn.o_proj",
            "mlp.gate_proj",
            "mlp.up_proj",
            "mlp.down_proj",
            "input_layernorm",
            "post_attention_layernorm",
        ]
        .map(move |m| format!("model.layers.{l}.{m}.weight"))
    });
    names
        .iter()
        .map(|s| s.to_string())
        .chain(layers)
        .find(|hf| tandem_core::gguf::gguf_tensor_name(hf).as_deref() == Some(gguf))
        .unwrap()
}

/// Rewrites a scratch model's f32 safetensors with every tensor stored as `dtype` (F16, BF16).
fn safetensors_as(dir: &Path, dtype: &str) {
    edit_safetensors(dir, |h, d| {
        let mut tensors: Vec<(String, usize, usize)> = h
            .as_object()
            .unwrap()
            .iter()
            .filter(|(k, _)| *k != "__metadata__")
            .map(|(k, v)| {
                let o = &v["data_offsets"];
                (
                    k.clone(),
                    o[0].as_u64().unwrap() as usize,
                    o[1].as_u64().unwrap() as usize,
                )
            })
            .collect();
        tensors.sort_by_key(|t| t.1);
        let mut out = Vec::new();
        for (name, a, b) in tensors {
            let start = out.len();
            for c in d[a..b].chunks_exact(4) {
                let x = f32::from_le_bytes(c.try_into().unwrap());
                out.extend(match dtype {
                    "F16" => half::f16::from_f32(x).to_le_bytes(),
                    _ => half::bf16::from_f32(x).to_le_bytes(),
                });
            }
            h[&name]["dtype"] = dtype.into();
            h[&name]["data_offsets"] = serde_json::json!([start, out.len()]);
        }
        *d = out;
    });
}

/// Overwrites element `index` of tensor `name` with `bits` (as wide as one element).
fn poison_safetensors(dir: &Path, name: &str, index: usize, bits: &[u8]) -> Vec<usize> {
    let mut shape = Vec::new();
    edit_safetensors(dir, |h, d| {
        let start = h[name]["data_offsets"][0].as_u64().unwrap() as usize;
        let at = start + index * bits.len();
        d[at..at + bits.len()].copy_from_slice(bits);
        shape = serde_json::from_value(h[name]["shape"].clone()).unwrap();
    });
    shape
}

#[test]
fn safetensors_weights_holding_nan_or_inf_are_named() {
    let f32s = |x: f32| x.to_le_bytes().to_vec();
    let halfs = |bits: u16| bits.to_le_bytes().to_vec();
    let cases = [
        (
            "f32 NaN",
            "F32",
            "model.layers.1.mlp.down_proj.weight",
            5,
            f32s(f32::NAN),
        ),
        (
            "f32 inf",
            "F32",
            "model.norm.weight",
            63,
            f32s(f32::INFINITY),
        ),
        (
            "f16 -inf",
            "F16",
            "model.layers.0.self_attn.q_proj.weight",
            200,
            halfs(0xFC00),
        ),
        (
            "f16 NaN",
            "F16",
            "model.embed_tokens.weight",
            0,
            halfs(0x7E00),
        ),
        ("bf16 NaN", "BF16", "lm_head.weight", 1000, halfs(0x7FC0)),
        (
            "bf16 inf",
            "BF16",
            "model.layers.1.input_layernorm.weight",
            3,
            halfs(0x7F80),
        ),
    ];
    for (why, dtype, tensor, index, bits) in cases {
        let d = scratch("llama-tiny");
        if dtype != "F32" {
            safetensors_as(d.path(), dtype);
            assert!(
                load(d.path()).is_ok(),
                "{why}: the {dtype} copy itself loads"
            );
        }
        let shape = poison_safetensors(d.path(), tensor, index, &bits);
        expect_non_finite(load(d.path()), tensor, why);
        // and the GPU engine's path to the stored bytes
        let mut parts = tandem_core::open(d.path()).unwrap();
        let cfg = parts.config.clone();
        expect_non_finite(parts.weights.raw(tensor, &shape, &cfg), tensor, why);
    }
}

#[test]
fn a_config_declaring_fewer_layers_than_the_weights_hold_is_rejected() {
    let d = scratch("llama-tiny");
    let p = d.path().join("config.json");
    let mut c: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
    c["num_hidden_layers"] = 1.into();
    std::fs::write(&p, c.to_string()).unwrap();
    for r in [
        load(d.path()).map(|_| ()),
        tandem_core::open(d.path()).map(|_| ()),
    ] {
        match r {
            Err(Error::InvalidConfig(m)) => {
                assert!(m.contains("num_hidden_layers is 1"), "{m}");
                assert!(
                    m.contains("\"model.layers.1.input_layernorm.weight\""),
                    "{m}"
                );
            }
            other => panic!("{:?}", other.err()),
        }
    }
    use tandem_core::candle_core::quantized::gguf_file::Value;
    let b = gguf_with(&[("llama.block_count", Value::U32(1))]);
    for r in [load_gguf(b.clone()).map(|_| ()), open_gguf(b).map(|_| ())] {
        match r {
            Err(Error::InvalidConfig(m)) => {
                assert!(m.contains("llama.block_count is 1"), "{m}");
                assert!(m.contains("\"blk.1.attn_k.weight\""), "{m}");
            }
            other => panic!("{:?}", other.err()),
        }
    }
}

/// Found by fuzzing (fuzz/regressions/gguf/empty-tensor-unaligned): candle views an empty
/// tensor's buffer (dangling, byte-aligned) as f32 blocks, undefined behaviour that aborts the
/// process in debug builds, past any catch_unwind. A zero dimension is now refused at read.
#[test]
fn gguf_tensor_with_a_zero_dimension_is_an_error_not_an_abort() {
    let arch = gstr(b"llama");
    for dims in [&[0u64, 8][..], &[8, 0], &[0]] {
        let bytes = RawGguf::default()
            .kv(b"general.architecture", STRING, &arch)
            .tensor(b"token_embd.weight", dims, 0, 0)
            .bytes(&[0; 32]);
        match load_gguf(bytes) {
            Err(Error::Gguf(m)) => assert!(m.contains("dimension of 0"), "{dims:?}: {m}"),
            other => panic!("{dims:?}: {:?}", other.err()),
        }
    }
}

/// Found by fuzzing (fuzz/regressions/tokenizer/truncated-decoder-json): tokenizers 0.23
/// panics (`expect("Helper")`) on a syntax error inside the "decoder" value; in wasm a panic
/// kills the module. Any JSON syntax error is now a typed error before tokenizers sees it.
#[test]
fn tokenizer_json_cut_inside_its_decoder_is_an_error_not_a_panic() {
    let full = std::fs::read_to_string(tiny("llama-tiny").join("tokenizer.json")).unwrap();
    let at = full.find("\"decoder\"").expect("a decoder") + "\"decoder\": {".len() + 3;
    let cases = [
        &full[..at],
        "{\"decoder\": {\"type\": \"ByteLevel\"",
        "{\"decoder\": [1,",
        // Well-formed for a skimming check, not for a parser (found in review).
        "{\"decoder\": 1e400}",
        "{\"decoder\": \"\\ud800\"}",
    ];
    for cut in cases {
        match tandem_core::Tokenizer::from_json(cut) {
            Err(Error::Tokenizer(m)) => assert!(m.contains("not valid JSON"), "{m}"),
            other => panic!("{:?}", other.err()),
        }
    }
}
