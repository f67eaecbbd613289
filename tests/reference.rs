//! Tandem's CPU engine against transformers and llama.cpp, on the committed test models
//! (models/make_models.py made them and recorded the reference outputs).
#[path = "common.rs"]
mod common;

use common::*;

/// f32 weights: every position's logits within this of transformers'.
const TOL_F32: f32 = 1e-4;
/// GGUF f32 vs the safetensors path (same weights, same code after loading).
const TOL_GGUF_F32: f32 = 1e-5;
/// Quantized: vs transformers on the dequantized weights, as a fraction of the logit range
/// (max |logit|). The difference left is that Tandem (like llama.cpp) quantizes activations to
/// Q8_0 blocks for the quantized matmuls, which transformers does not.
const REL_TOL_Q_VS_HF: f32 = 0.04;
/// Quantized: vs llama.cpp, which quantizes activations the same way (seen: 0 to 2e-6).
const TOL_Q_VS_LLAMACPP: f32 = 1e-4;

fn load_dir(name: &str) -> tandem_core::LoadedModel {
    tandem_core::load(&model_dir(name)).unwrap()
}

fn load_gguf(name: &str, q: &str) -> tandem_core::LoadedModel {
    tandem_core::load(&model_dir(name).join(format!("{name}-{q}.gguf"))).unwrap()
}

#[test]
fn prefill_logits_match_transformers() {
    for name in MODELS {
        let r = Reference::load(name);
        let m = load_dir(name);
        let d = max_abs_diff(
            &prefill_logits(&m, &r.sequence("hf.f32")),
            &r.logits("hf.f32"),
        );
        println!("{name}: prefill max |diff| vs transformers = {d:e}");
        assert!(d <= TOL_F32, "{name}: {d}");
    }
}

/// The CPU engine on the shapes the GPU engine pads or splits (models/make_shape_models.py):
/// a 4096-token context (llama-long) and widths that are not multiples of 32 (llama-odd).
#[test]
fn long_context_and_odd_widths_match_transformers() {
    for name in ["llama-long", "llama-odd"] {
        let r = ShapeReference::load(name);
        let m = tandem_core::load(&model_dir(name)).unwrap();
        let d = max_abs_diff(&r.pick(&chunked_logits(&m, &r.ids, 512)), &r.logits);
        println!(
            "{name}: {} tokens, CPU vs transformers max |diff| = {d:e}",
            r.ids.len()
        );
        assert!(d <= TOL_F32, "{name}: {d}");
    }
}

#[test]
fn token_by_token_logits_match_transformers() {
    for name in MODELS {
        let r = Reference::load(name);
        let m = load_dir(name);
        let seq = r.sequence("hf.f32");
        for chunk in [1, 5] {
            let d = max_abs_diff(&chunked_logits(&m, &seq, chunk), &r.logits("hf.f32"));
            println!("{name}: chunks of {chunk}: max |diff| vs transformers = {d:e}");
            assert!(d <= TOL_F32, "{name} chunk {chunk}: {d}");
        }
    }
}

#[test]
fn greedy_continuation_matches_transformers() {
    for name in MODELS {
        let r = Reference::load(name);
        let m = load_dir(name);
        let want = r.new_ids("hf.f32");
        assert_eq!(greedy(&m, &r.prompt_ids(), want.len()), want, "{name}");
    }
}

#[test]
fn gguf_f32_equals_safetensors() {
    for name in MODELS {
        let r = Reference::load(name);
        let seq = r.sequence("hf.f32");
        let st = prefill_logits(&load_dir(name), &seq);
        let gg = load_gguf(name, "f32");
        let d = max_abs_diff(&prefill_logits(&gg, &seq), &st);
        println!("{name}: GGUF f32 vs safetensors max |diff| = {d:e}");
        assert!(d <= TOL_GGUF_F32, "{name}: {d}");
        let (a, b) = (gg.config(), load_dir(name).config().clone());
        let key = |c: &tandem_core::Config| {
            (
                c.architecture,
                c.vocab_size,
                c.hidden_size,
                c.intermediate_size,
                c.num_hidden_layers,
                c.num_attention_heads,
                c.num_key_value_heads,
                c.head_dim,
                c.tie_word_embeddings,
                c.qkv_bias,
            )
        };
        assert_eq!(key(a), key(&b), "{name}: config from GGUF metadata");
        assert!((a.rms_norm_eps - b.rms_norm_eps).abs() < 1e-9 && a.rope_theta == b.rope_theta);
        for (x, y) in a.rope_inv_freq().iter().zip(b.rope_inv_freq()) {
            assert!(
                (x - y).abs() <= 1e-6 * y.abs(),
                "{name}: rope frequencies {x} vs {y}"
            );
        }
        assert_eq!(
            greedy(&gg, &r.prompt_ids(), 16),
            r.new_ids("hf.f32"),
            "{name}"
        );
        // and llama.cpp itself on this file
        let d = max_abs_diff(
            &prefill_logits(&gg, &r.sequence("llamacpp.f32")),
            &r.logits("llamacpp.f32"),
        );
        println!("{name}: GGUF f32 vs llama.cpp max |diff| = {d:e}");
        assert!(d <= TOL_F32, "{name}: {d}");
    }
}

#[test]
fn quantized_logits_match_dequantized_transformers_and_llamacpp() {
    for name in MODELS {
        let r = Reference::load(name);
        for q in ["q8_0", "q4_0"] {
            let m = load_gguf(name, q);
            let hf = format!("hf.{q}");
            let scale = r
                .logits(&hf)
                .iter()
                .flatten()
                .fold(0f32, |a, x| a.max(x.abs()));
            let d_hf = max_abs_diff(&prefill_logits(&m, &r.sequence(&hf)), &r.logits(&hf));
            let lc = format!("llamacpp.{q}");
            let d_lc = max_abs_diff(&prefill_logits(&m, &r.sequence(&lc)), &r.logits(&lc));
            let d_lc_chunks =
                max_abs_diff(&chunked_logits(&m, &r.sequence(&lc), 1), &r.logits(&lc));
            println!(
                "{name} {q}: max |diff| vs transformers(dequantized) = {d_hf:.4} (logit range {scale:.1}), vs llama.cpp = {d_lc:e} (prefill), {d_lc_chunks:e} (token by token)"
            );
            assert!(
                d_hf <= REL_TOL_Q_VS_HF * scale,
                "{name} {q} vs transformers: {d_hf}"
            );
            assert!(d_lc <= TOL_Q_VS_LLAMACPP, "{name} {q} vs llama.cpp: {d_lc}");
            assert!(
                d_lc_chunks <= TOL_Q_VS_LLAMACPP,
                "{name} {q} vs llama.cpp: {d_lc_chunks}"
            );
        }
    }
}

#[test]
fn quantized_greedy_matches_llamacpp_where_stable() {
    for name in MODELS {
        let r = Reference::load(name);
        let n_prompt = r.prompt_ids().len();
        for q in ["q8_0", "q4_0"] {
            let lc = format!("llamacpp.{q}");
            let want = r.new_ids(&lc);
            // llama.cpp's choice at step i is stable when its top-1/top-2 margin there exceeds
            // twice the logit tolerance between the engines; compare up to the first unstable step.
            let margins = r.margins(&lc);
            let stable = (0..want.len())
                .take_while(|&i| margins[n_prompt - 1 + i] > 2.0 * TOL_Q_VS_LLAMACPP)
                .count();
            let got = greedy(&load_gguf(name, q), &r.prompt_ids(), want.len());
            println!(
                "{name} {q}: {stable}/{} steps stable; tandem {got:?} llama.cpp {want:?}",
                want.len()
            );
            assert!(
                stable >= 4,
                "{name} {q}: only {stable} stable steps: the test model is too flat"
            );
            assert_eq!(got[..stable], want[..stable], "{name} {q}");
        }
    }
}

/// The trained demo model, an f16 checkpoint: transformers' greedy text and logits (f16 weights
/// computed in f32).
#[test]
fn demo_model_f16_matches_transformers() {
    let dir = demo_dir();
    let r = Reference::load_dir(&dir);
    let m = tandem_core::load(&dir).unwrap();
    let d = max_abs_diff(
        &prefill_logits(&m, &r.sequence("hf.f32")),
        &r.logits("hf.f32"),
    );
    println!("demo model: max |diff| vs transformers = {d:e}");
    assert!(d <= TOL_F32, "{d}");
    let want = r.new_ids("hf.f32");
    let got = greedy(&m, &r.prompt_ids(), want.len());
    assert_eq!(got, want);
    let text = m.tokenizer().unwrap().decode(&got, true).unwrap();
    assert_eq!(text, r.meta["text"].as_str().unwrap());
}

/// Long inputs run in chunks through the cache; logits are the same as in one pass.
#[test]
fn chunked_prefill_matches_transformers() {
    for name in MODELS {
        let r = Reference::load(name);
        let mut m = tandem_core::load(&model_dir(name)).unwrap();
        m.model.set_prefill_chunk(3);
        let d = max_abs_diff(
            &prefill_logits(&m, &r.sequence("hf.f32")),
            &r.logits("hf.f32"),
        );
        assert!(d <= TOL_F32, "{name}: {d}");
        let mut cache = m.model.new_cache();
        let last = m
            .model
            .next_logits(&r.sequence("hf.f32"), &mut cache)
            .unwrap();
        let want = r.logits("hf.f32").pop().unwrap();
        assert!(max_abs_diff(&[last], &[want]) <= TOL_F32, "{name}");
    }
}
