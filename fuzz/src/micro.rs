//! The micro model the loading targets build on: a Llama with every dimension tiny, so a
//! fuzzed file that loads runs a forward pass in microseconds. fuzz/make_seeds.py writes the
//! seed files for exactly this config.
use tandem_core::{LoadedModel, Logits};

pub const CONFIG: &str = r#"{
  "architectures": ["LlamaForCausalLM"], "model_type": "llama",
  "hidden_size": 8, "intermediate_size": 16, "num_hidden_layers": 1,
  "num_attention_heads": 2, "num_key_value_heads": 1, "vocab_size": 16,
  "max_position_embeddings": 32, "rms_norm_eps": 1e-5, "rope_theta": 10000.0,
  "tie_word_embeddings": true, "bos_token_id": 1, "eos_token_id": 2
}"#;

/// What a loaded model must do: a forward pass over its first tokens, logits of the right
/// shape. Values may be anything the file holds (non-finite weights are refused at load).
pub fn exercise(m: &LoadedModel) {
    let cfg = m.config();
    if cfg.vocab_size == 0 {
        return;
    }
    let ids: Vec<u32> = (0..3u32).map(|i| i % cfg.vocab_size as u32).collect();
    let mut cache = m.model.new_cache();
    if let Ok(logits) = m.model.forward(&ids, &mut cache, Logits::Last) {
        let dims = logits.dims().to_vec();
        assert_eq!(
            dims.last().copied(),
            Some(cfg.vocab_size),
            "logits {dims:?}"
        );
    }
}
