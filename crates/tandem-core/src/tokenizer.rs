//! Text ↔ token ids through the `tokenizers` crate (built without onig, so the same code runs in
//! wasm32): from a `tokenizer.json`, or from the vocabulary and merges stored in a GGUF file.
use std::collections::HashMap;

use candle_core::quantized::gguf_file::Value;
use tokenizers::models::bpe::BPE;
use tokenizers::pre_tokenizers::byte_level::ByteLevel;
use tokenizers::processors::template::TemplateProcessing;
use tokenizers::AddedToken;

use crate::{Error, Result};

/// Cheap to clone (the vocabulary is shared), so a generation can own one.
#[derive(Clone)]
pub struct Tokenizer {
    inner: std::sync::Arc<tokenizers::Tokenizer>,
}

impl Tokenizer {
    /// From the text of a `tokenizer.json`.
    pub fn from_json(json: &str) -> Result<Self> {
        // tokenizers 0.23 panics (`expect("Helper")`, decoders/mod.rs) when its "decoder" value
        // fails to parse as text (a syntax error, a number out of range, a lone surrogate), and
        // a panic kills the wasm module. So the text is parsed here, and tokenizers reads the
        // parsed value, which cannot fail that way. Found by fuzzing.
        let value: serde_json::Value = serde_json::from_str(json)
            .map_err(|e| Error::Tokenizer(format!("tokenizer.json is not valid JSON: {e}")))?;
        let mut inner: tokenizers::Tokenizer =
            serde_json::from_value(value).map_err(|e| Error::Tokenizer(e.to_string()))?;
        without_bpe_cache(&mut inner);
        Ok(Self {
            inner: std::sync::Arc::new(inner),
        })
    }

    /// From GGUF metadata of a GPT-2 style byte-level BPE (`tokenizer.ggml.model = "gpt2"`).
    pub fn from_gguf_metadata(meta: &HashMap<String, Value>) -> Result<Self> {
        let bad = |key: &str, reason: &str| Error::GgufMetadata {
            key: key.to_string(),
            reason: reason.to_string(),
        };
        match meta.get("tokenizer.ggml.model") {
            Some(Value::String(m)) if m == "gpt2" => {}
            Some(Value::String(m)) => {
                return Err(Error::Unsupported {
                    what: format!(
                        "GGUF tokenizer model {m:?} without a tokenizer.json (supported: gpt2)"
                    ),
                })
            }
            _ => {
                return Err(Error::TokenizerMissing(
                    "no tokenizer.json and no tokenizer in the GGUF metadata".into(),
                ))
            }
        }
        // The split rule before BPE: only GPT-2's is rebuilt here (others differ on digits and
        // contractions and would tokenize differently from llama.cpp without a word of warning).
        match meta.get("tokenizer.ggml.pre") {
            None => {}
            Some(Value::String(p)) if p == "gpt-2" || p == "default" => {}
            Some(Value::String(p)) => {
                return Err(Error::Unsupported {
                    what: format!(
                        "GGUF pre-tokenizer {p:?} without a tokenizer.json (put the model's tokenizer.json beside the .gguf)"
                    ),
                })
            }
            Some(_) => return Err(bad("tokenizer.ggml.pre", "not a string")),
        }
        let strings = |key: &str| -> Result<Vec<String>> {
            match meta.get(key) {
                Some(Value::Array(a)) => a
                    .iter()
                    .map(|v| match v {
                        Value::String(s) => Ok(s.clone()),
                        _ => Err(bad(key, "entries must be strings")),
                    })
                    .collect(),
                _ => Err(bad(key, "missing or not an array")),
            }
        };
        let tokens = strings("tokenizer.ggml.tokens")?;
        let merges = strings("tokenizer.ggml.merges")?
            .into_iter()
            .map(|m| {
                m.split_once(' ')
                    .map(|(a, b)| (a.to_string(), b.to_string()))
                    .ok_or_else(|| {
                        bad(
                            "tokenizer.ggml.merges",
                            "a merge must be two tokens separated by a space",
                        )
                    })
            })
            .collect::<Result<Vec<_>>>()?;
        let types: Vec<i64> = match meta.get("tokenizer.ggml.token_type") {
            Some(Value::Array(a)) => a
                .iter()
                .map(|v| v.to_i32().map(i64::from).unwrap_or(1))
                .collect(),
            _ => vec![1; tokens.len()],
        };
        let vocab: tokenizers::models::bpe::Vocab = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), i as u32))
            .collect();
        let bpe = BPE::builder()
            .vocab_and_merges(vocab, merges)
            // See `without_bpe_cache`.
            .cache_capacity(0)
            .build()
            .map_err(|e| Error::Tokenizer(e.to_string()))?;
        let mut inner = tokenizers::Tokenizer::new(bpe);
        inner.with_pre_tokenizer(Some(ByteLevel::new(false, true, true)));
        inner.with_decoder(Some(ByteLevel::default()));
        // Control (3) and user-defined (4) tokens are matched whole, before BPE.
        let special: Vec<AddedToken> = tokens
            .iter()
            .zip(types.iter())
            .filter(|(_, &t)| t == 3 || t == 4)
            .map(|(s, &t)| AddedToken::from(s.clone(), t == 3))
            .collect();
        inner
            .add_special_tokens(special)
            .map_err(|e| Error::Tokenizer(e.to_string()))?;
        let add_bos = matches!(
            meta.get("tokenizer.ggml.add_bos_token"),
            Some(Value::Bool(true))
        );
        let bos = meta
            .get("tokenizer.ggml.bos_token_id")
            .and_then(|v| v.to_u32().ok());
        if let (true, Some(id)) = (add_bos, bos) {
            let token = tokens
                .get(id as usize)
                .ok_or_else(|| bad("tokenizer.ggml.bos_token_id", "outside the vocabulary"))?;
            let post = TemplateProcessing::builder()
                .try_single(format!("{token}:0 $A:0"))
                .map_err(|e| Error::Tokenizer(e.to_string()))?
                .special_tokens(vec![(token.clone(), id)])
                .build()
                .map_err(|e| Error::Tokenizer(e.to_string()))?;
            inner.with_post_processor(Some(post));
        }
        Ok(Self {
            inner: std::sync::Arc::new(inner),
        })
    }

    /// Encodes text; `add_special` adds what the tokenizer's post-processor adds (e.g. BOS).
    pub fn encode(&self, text: &str, add_special: bool) -> Result<Vec<u32>> {
        let enc = self
            .inner
            .encode(text, add_special)
            .map_err(|e| Error::Tokenizer(e.to_string()))?;
        Ok(enc.get_ids().to_vec())
    }

    pub fn decode(&self, ids: &[u32], skip_special: bool) -> Result<String> {
        self.inner
            .decode(ids, skip_special)
            .map_err(|e| Error::Tokenizer(e.to_string()))
    }

    pub fn token_to_id(&self, token: &str) -> Option<u32> {
        self.inner.token_to_id(token)
    }

    pub fn id_to_token(&self, id: u32) -> Option<String> {
        self.inner.id_to_token(id)
    }

    /// True when `id` is an added token (special tokens and the like: stored as text).
    pub fn is_added(&self, id: u32) -> bool {
        self.inner
            .get_added_vocabulary()
            .get_added_tokens_decoder()
            .contains_key(&id)
    }

    /// True when the decoder maps GPT-2's byte alphabet back to bytes (byte-level BPE).
    pub fn is_byte_level(&self) -> bool {
        use tokenizers::DecoderWrapper as D;
        fn byte_level(d: &D) -> bool {
            match d {
                D::ByteLevel(_) => true,
                D::Sequence(s) => s.get_decoders().iter().any(byte_level),
                _ => false,
            }
        }
        self.inner.get_decoder().is_some_and(byte_level)
    }

    pub fn vocab_size(&self) -> usize {
        self.inner.get_vocab_size(true)
    }
}

/// tokenizers 0.23's BPE caches words in a thread-local map keyed by instance and never removes
/// an instance's entry when it is dropped: every tokenizer loaded and used leaks up to 10,000
/// cached words (a page that reloads models, a worker that reloads after a panic). Found by the
/// tokenizer fuzz target's memory limit. Capacity 0 keeps only an empty map per instance (a
/// tokenizer built here with `cache_capacity(0)` has none at all); BPE then merges each word
/// afresh, microseconds beside a forward pass.
fn without_bpe_cache(t: &mut tokenizers::Tokenizer) {
    if let tokenizers::ModelWrapper::BPE(bpe) = t.get_model() {
        let mut bpe = bpe.clone();
        bpe.resize_cache(0);
        t.with_model(bpe);
    }
}
