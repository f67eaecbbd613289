//! The GPU engine on every committed reference model, on whatever adapter wgpu finds (lavapipe
//! in CI): logits against transformers (f32: 1e-3; Q8_0/Q4_0: against transformers run on the
//! dequantized weights, and within the quantized tolerance of the CPU engine), greedy
//! continuations, chunked prefill, on-device greedy picks, bad input. Fails without an adapter.
mod common;

use std::sync::Arc;

use common::*;
use pollster::block_on;
use tandem_core::{Logits, ModelParts};
use tandem_gpu::{Gpu, GpuModel, GpuOptions, ModelOptions};

const TOL_F32: f32 = 1e-3;
/// Q8_0/Q4_0: the GPU multiplies f32 activations by the dequantized weights, as transformers
/// does on them; the CPU engine (like llama.cpp) also quantizes activations to Q8_0, which moves
/// logits by up to 4 % of their range.
const TOL_Q_VS_HF: f32 = 1e-3;
const REL_TOL_Q_VS_CPU: f32 = 0.04;
/// Keys and values rounded to f16 (11-bit mantissa) move logits by a few 1e-3.
const TOL_F16_KV: f32 = 2e-2;

fn gpu_with(opts: GpuOptions) -> Arc<Gpu> {
    match block_on(Gpu::with_options(&opts)) {
        Ok(g) => Arc::new(g),
        Err(e) => panic!("GPU tests need a WebGPU adapter (lavapipe: mesa-vulkan-drivers): {e}"),
    }
}

fn gpu() -> Arc<Gpu> {
    gpu_with(GpuOptions::default())
}

fn open(path: &std::path::Path) -> ModelParts {
    tandem_core::open(path).unwrap()
}

/// Loads with the f32 KV cache unless `opts` names one: these tests compare with transformers at
/// the f32 tolerance, and a real GPU defaults to the f16 cache (tested at its own tolerance in
/// `f16_kv_cache_stays_close_to_transformers`). lavapipe defaults to f32, so only a real GPU
/// showed this.
fn load(gpu: &Arc<Gpu>, parts: &mut ModelParts, opts: &ModelOptions) -> GpuModel {
    let cfg = parts.config.clone();
    let opts = ModelOptions {
        kv_f16: Some(opts.kv_f16.unwrap_or(false)),
        ..opts.clone()
    };
    block_on(GpuModel::load(gpu.clone(), &mut parts.weights, &cfg, &opts)).unwrap()
}

fn rows(flat: Vec<f32>, vocab: usize) -> Vec<Vec<f32>> {
    flat.chunks(vocab).map(|c| c.to_vec()).collect()
}

fn gpu_logits(m: &mut GpuModel, ids: &[u32]) -> Vec<Vec<f32>> {
    m.clear();
    let v = m.config().vocab_size;
    rows(block_on(m.forward(ids, Logits::All)).unwrap(), v)
}

/// Greedy ids picked on the device (16 bytes read back per token): the path the engine takes
/// for greedy decoding on a GPU.
fn gpu_greedy(m: &mut GpuModel, prompt: &[u32], n: usize) -> Vec<u32> {
    m.clear();
    let mut out = vec![block_on(m.prefill_greedy(prompt)).unwrap().id];
    while out.len() < n {
        out.push(block_on(m.step_greedy()).unwrap().id);
    }
    out
}

#[test]
fn f32_models_match_transformers() {
    let g = gpu();
    println!("adapter: {}", g.describe());
    for name in MODELS {
        let r = Reference::load(name);
        for source in [
            model_dir(name),
            model_dir(name).join(format!("{name}-f32.gguf")),
        ] {
            let mut parts = open(&source);
            let mut m = load(&g, &mut parts, &ModelOptions::default());
            let d = max_abs_diff(
                &gpu_logits(&mut m, &r.sequence("hf.f32")),
                &r.logits("hf.f32"),
            );
            // token by token through the GPU KV cache
            m.clear();
            let mut steps = Vec::new();
            for &id in &r.sequence("hf.f32") {
                steps.push(block_on(m.next_logits(&[id])).unwrap());
            }
            let d_steps = max_abs_diff(&steps, &r.logits("hf.f32"));
            println!(
                "{name} {}: GPU vs transformers max |diff| = {d:e} (prefill), {d_steps:e} (token by token)",
                source.file_name().unwrap().to_string_lossy()
            );
            assert!(
                d <= TOL_F32 && d_steps <= TOL_F32,
                "{name}: {d} / {d_steps}"
            );
            let want = r.new_ids("hf.f32");
            assert_eq!(
                gpu_greedy(&mut m, &r.prompt_ids(), want.len()),
                want,
                "{name}"
            );
        }
    }
}

/// A 4096-token context against transformers at the positions where attention's 64-key tiles
/// and 128-key splits begin and end: prefill in chunks of 128 (a late chunk's tokens see up to
/// 32 splits, merged), then decode (one token per step) at positions 4094, 4095, 999 and 1000
/// over the cache rewound to them.
#[test]
fn long_context_matches_transformers() {
    let g = gpu();
    let r = ShapeReference::load("llama-long");
    let mut parts = open(&model_dir("llama-long"));
    let opts = ModelOptions {
        max_context: 4096,
        ..Default::default()
    };
    let mut m = load(&g, &mut parts, &opts);
    let d = max_abs_diff(&r.pick(&gpu_logits(&mut m, &r.ids)), &r.logits);
    println!("llama-long: 4096 tokens, GPU vs transformers max |diff| = {d:e}");
    assert!(d <= TOL_F32, "prefill: {d}");
    for start in [4094, 999] {
        m.truncate(start);
        for pos in start..start + 2 {
            let got = block_on(m.forward(&r.ids[pos..pos + 1], Logits::Last)).unwrap();
            let i = r.positions.iter().position(|&p| p == pos).unwrap();
            let d = max_abs_diff(&[got], &r.logits[i..i + 1]);
            assert!(d <= TOL_F32, "decode at {pos}: {d}");
        }
    }
}

/// The cooperative kernels (what a real GPU runs; lavapipe defaults to the row-wise ones):
/// prefill, then decode token by token, where each layer's two RMSNorms are fused into the
/// q/k/v and gate/up matvecs, rope into attention and the split merge into o_proj, and greedy
/// picks on the device; then decode over a long cache.
#[test]
fn cooperative_kernels_match_transformers() {
    let g = gpu_with(GpuOptions {
        rowwise: Some(false),
        ..Default::default()
    });
    let opts = ModelOptions {
        kv_f16: Some(false),
        ..Default::default()
    };
    for name in MODELS {
        let r = Reference::load(name);
        let mut parts = open(&model_dir(name));
        let mut m = load(&g, &mut parts, &opts);
        let seq = r.sequence("hf.f32");
        let want = r.logits("hf.f32");
        let d = max_abs_diff(&gpu_logits(&mut m, &seq), &want);
        m.clear();
        let by_token: Vec<Vec<f32>> = seq
            .iter()
            .map(|id| block_on(m.forward(&[*id], Logits::Last)).unwrap())
            .collect();
        let d_tok = max_abs_diff(&by_token, &want);
        println!("{name}, cooperative kernels: GPU vs transformers max |diff| = {d:e} (prefill), {d_tok:e} (token by token, fused norms)");
        assert!(d <= TOL_F32 && d_tok <= TOL_F32, "{name}: {d} / {d_tok}");
        let ids = r.new_ids("hf.f32");
        assert_eq!(gpu_greedy(&mut m, &r.prompt_ids(), ids.len()), ids);
    }
    // Decode over a 4096-token cache at positions whose keys span one split of the decode
    // kernel (≤ 64 keys), 2 to 8 (merged by o_proj's matvec) and more (merged by a dispatch).
    let r = ShapeReference::load("llama-long");
    let mut parts = open(&model_dir("llama-long"));
    let opts = ModelOptions {
        max_context: 4096,
        ..opts
    };
    let mut m = load(&g, &mut parts, &opts);
    block_on(m.forward(&r.ids, Logits::Last)).unwrap();
    let mut worst = 0f32;
    // From the last position down: each step rewinds the cache to its position.
    for (i, &pos) in r.positions.iter().enumerate().rev() {
        m.truncate(pos);
        let got = block_on(m.forward(&r.ids[pos..pos + 1], Logits::Last)).unwrap();
        let d = max_abs_diff(&[got], &r.logits[i..i + 1]);
        assert!(d <= TOL_F32, "llama-long, decode at {pos}: {d}");
        worst = worst.max(d);
    }
    println!(
        "llama-long, cooperative decode at {:?}: max |diff| = {worst:e}",
        r.positions
    );
}

/// An f16 KV cache (CPU adapters default to f32), stored as f16 where the adapter has
/// shader-f16 and packed two to a u32 where it has not: logits within 2e-2 of transformers'
/// f32 cache over 4096 tokens and on the tiny models, the same greedy continuations.
#[test]
fn f16_kv_cache_stays_close_to_transformers() {
    let native = gpu();
    let packed = gpu_with(GpuOptions {
        allow_f16: false,
        ..Default::default()
    });
    for (form, g) in [("f16", &native), ("packed in u32", &packed)] {
        let opts = ModelOptions {
            max_context: 4096,
            kv_f16: Some(true),
            ..Default::default()
        };
        let r = ShapeReference::load("llama-long");
        let mut parts = open(&model_dir("llama-long"));
        let mut m = load(g, &mut parts, &opts);
        let d = max_abs_diff(&r.pick(&gpu_logits(&mut m, &r.ids)), &r.logits);
        println!("llama-long, {form} KV cache: GPU vs transformers max |diff| = {d:e}");
        assert!(d <= TOL_F16_KV, "llama-long, {form}: {d}");
        for name in MODELS {
            let r = Reference::load(name);
            let mut parts = open(&model_dir(name));
            let mut m = load(g, &mut parts, &opts);
            let d = max_abs_diff(
                &gpu_logits(&mut m, &r.sequence("hf.f32")),
                &r.logits("hf.f32"),
            );
            println!("{name}, {form} KV cache: GPU vs transformers max |diff| = {d:e}");
            assert!(d <= TOL_F16_KV, "{name}, {form}: {d}");
            let want = r.new_ids("hf.f32");
            assert_eq!(gpu_greedy(&mut m, &r.prompt_ids(), want.len()), want);
        }
    }
}

/// Widths that are not multiples of 32 (MLP 200; 4 heads × head_dim 18 = 72, o_proj's input),
/// which the GPU engine pads with zeros: every position against transformers, in one pass, in
/// chunks of 7 and token by token.
#[test]
fn odd_widths_match_transformers() {
    let g = gpu();
    let r = ShapeReference::load("llama-odd");
    for chunk in [128, 7] {
        let mut parts = open(&model_dir("llama-odd"));
        let opts = ModelOptions {
            prefill_chunk: chunk,
            ..Default::default()
        };
        let mut m = load(&g, &mut parts, &opts);
        let d = max_abs_diff(&gpu_logits(&mut m, &r.ids), &r.logits);
        println!("llama-odd: chunks of {chunk}, GPU vs transformers max |diff| = {d:e}");
        assert!(d <= TOL_F32, "chunks of {chunk}: {d}");
        m.clear();
        for (i, id) in r.ids.iter().enumerate() {
            let got = block_on(m.forward(&[*id], Logits::Last)).unwrap();
            let d = max_abs_diff(&[got], &r.logits[i..i + 1]);
            assert!(d <= TOL_F32, "token by token at {i}: {d}");
        }
    }
}

#[test]
fn chunked_prefill_matches_one_pass() {
    let g = gpu();
    for name in MODELS {
        let r = Reference::load(name);
        let mut parts = open(&model_dir(name));
        let opts = ModelOptions {
            prefill_chunk: 3,
            ..Default::default()
        };
        let mut m = load(&g, &mut parts, &opts);
        let d = max_abs_diff(
            &gpu_logits(&mut m, &r.sequence("hf.f32")),
            &r.logits("hf.f32"),
        );
        println!("{name}: chunks of 3, GPU vs transformers max |diff| = {d:e}");
        assert!(d <= TOL_F32, "{name}: {d}");
        let want = r.new_ids("hf.f32");
        assert_eq!(gpu_greedy(&mut m, &r.prompt_ids(), want.len()), want);
    }
}

#[test]
fn quantized_models_match_dequantized_transformers_and_cpu() {
    let g = gpu();
    for name in MODELS {
        let r = Reference::load(name);
        for q in ["q8_0", "q4_0"] {
            let path = model_dir(name).join(format!("{name}-{q}.gguf"));
            let mut parts = open(&path);
            let mut m = load(&g, &mut parts, &ModelOptions::default());
            let hf = format!("hf.{q}");
            let seq = r.sequence(&hf);
            let got = gpu_logits(&mut m, &seq);
            let d_hf = max_abs_diff(&got, &r.logits(&hf));
            let cpu = tandem_core::load(&path).unwrap();
            let cpu_rows = prefill_logits(&cpu, &seq);
            let scale = cpu_rows.iter().flatten().fold(0f32, |a, x| a.max(x.abs()));
            let d_cpu = max_abs_diff(&got, &cpu_rows);
            println!(
                "{name} {q}: GPU vs transformers(dequantized) max |diff| = {d_hf:e}; vs CPU engine = {d_cpu:.4} (logit range {scale:.1})"
            );
            assert!(d_hf <= TOL_Q_VS_HF, "{name} {q} vs transformers: {d_hf}");
            assert!(
                d_cpu <= REL_TOL_Q_VS_CPU * scale,
                "{name} {q} vs CPU: {d_cpu}"
            );
            let want = r.new_ids(&hf);
            assert_eq!(
                gpu_greedy(&mut m, &r.prompt_ids(), want.len()),
                want,
                "{name} {q}"
            );
        }
    }
}

#[test]
fn demo_model_f16_matches_transformers() {
    let g = gpu();
    let dir = demo_dir();
    let r = Reference::load_dir(&dir);
    let mut parts = open(&dir);
    let mut m = load(&g, &mut parts, &ModelOptions::default());
    let d = max_abs_diff(
        &gpu_logits(&mut m, &r.sequence("hf.f32")),
        &r.logits("hf.f32"),
    );
    println!("demo model (f16): GPU vs transformers max |diff| = {d:e}");
    assert!(d <= TOL_F32, "{d}");
    let want = r.new_ids("hf.f32");
    let got = gpu_greedy(&mut m, &r.prompt_ids(), want.len());
    assert_eq!(got, want);
    let text = parts.text.decode(&got, true).unwrap();
    assert_eq!(text, r.meta["text"].as_str().unwrap());
}

/// Splitting every weight into 8 KiB bindings changes nothing (the path a 150k-vocab lm_head
/// takes on a 128 MiB adapter).
#[test]
fn split_tensors_give_the_same_logits() {
    // Also the cooperative (not row-wise) decode matvec, whatever the adapter's default.
    let g = gpu_with(GpuOptions {
        max_binding: Some(8192),
        rowwise: Some(false),
        ..Default::default()
    });
    let name = "qwen2-tiny";
    let r = Reference::load(name);
    let mut parts = open(&model_dir(name));
    // The f32 cache (the cooperative kernels would otherwise take the f16 one on an adapter
    // with shader-f16): this compares with transformers at the f32 tolerance.
    let opts = ModelOptions {
        prefill_chunk: 1,
        max_context: 64,
        kv_f16: Some(false),
        ..Default::default()
    };
    let mut m = load(&g, &mut parts, &opts);
    let d = max_abs_diff(
        &gpu_logits(&mut m, &r.sequence("hf.f32")),
        &r.logits("hf.f32"),
    );
    println!("{name}, 8 KiB bindings: GPU vs transformers max |diff| = {d:e}");
    assert!(d <= TOL_F32, "{d}");
}

#[test]
fn bad_input_is_a_typed_error_and_keeps_the_cache() {
    let g = gpu();
    let mut parts = open(&model_dir("llama-tiny"));
    let opts = ModelOptions {
        max_context: 16,
        ..Default::default()
    };
    let mut m = load(&g, &mut parts, &opts);
    block_on(m.next_logits(&[1, 2, 3])).unwrap();
    let err = |r: tandem_gpu::Result<Vec<f32>>| r.unwrap_err().to_string();
    assert!(err(block_on(m.next_logits(&[5, 320]))).contains("320"));
    assert!(err(block_on(m.next_logits(&[])))
        .to_lowercase()
        .contains("empty"));
    assert!(err(block_on(m.next_logits(&[1; 14]))).contains("16"));
    assert_eq!(m.cache_len(), 3, "failed calls leave the cache as it was");
    // step_greedy before any greedy prefill on a fresh cache
    m.clear();
    assert!(block_on(m.step_greedy()).is_err());
    // a config the kernels cannot run
    let mut parts = open(&model_dir("llama-tiny"));
    let mut cfg = parts.config.clone();
    cfg.hidden_size = 48;
    assert!(block_on(GpuModel::load(g.clone(), &mut parts.weights, &cfg, &opts)).is_err());
}

/// A lost device is a typed error, and the caller carries on with the CPU engine.
#[test]
fn device_loss_is_typed_and_the_cpu_engine_takes_over() {
    let g = gpu();
    let dir = model_dir("llama-tiny");
    let mut parts = open(&dir);
    let mut m = load(&g, &mut parts, &ModelOptions::default());
    let ids = [1u32, 2, 3];
    let before = block_on(m.next_logits(&ids)).unwrap();
    g.destroy();
    m.clear();
    let err = block_on(m.next_logits(&ids)).unwrap_err();
    assert!(matches!(err, tandem_gpu::GpuError::DeviceLost(_)), "{err}");
    assert!(err.is_fatal_for_device());
    let cpu = tandem_core::load(&dir).unwrap();
    let mut cache = cpu.model.new_cache();
    let after = cpu.model.next_logits(&ids, &mut cache).unwrap();
    let d = before
        .iter()
        .zip(&after)
        .map(|(a, b)| (a - b).abs())
        .fold(0f32, f32::max);
    assert!(d <= TOL_F32, "{d}");
}

/// q/k/v and gate/up in different formats (v_proj and up_proj Q4_0, the rest Q8_0, as a mixed
/// GGUF may hold them): the weights that share a format are no longer stacked into one product,
/// each writes its rows of the shared output, and the logits are those of the same weights
/// dequantized to f32 — on the row-wise and the cooperative kernels.
#[test]
fn mixed_formats_in_one_stack_match_their_dequantized_weights() {
    use tandem_core::candle_core::quantized::{GgmlDType, QTensor};
    use tandem_core::candle_core::Device;
    use tandem_core::random::{random_weights, write_gguf, WeightDtype};

    let cfg = open(&model_dir("llama-tiny")).config;
    let mut mixed = random_weights(&cfg, WeightDtype::Q8_0, 7).unwrap();
    let requant = |t: &QTensor, to: GgmlDType| {
        let f = t.dequantize(&Device::Cpu).unwrap();
        Arc::new(QTensor::quantize(&f, to).unwrap())
    };
    for (name, t) in mixed.iter_mut() {
        if name.contains("v_proj") || name.contains("up_proj") {
            *t = requant(t, GgmlDType::Q4_0);
        }
    }
    let exact: std::collections::HashMap<_, _> = mixed
        .iter()
        .map(|(n, t)| (n.clone(), requant(t, GgmlDType::F32)))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, w, dtype| {
        let path = dir.path().join(name);
        let mut f = std::fs::File::create(&path).unwrap();
        write_gguf(&mut f, &cfg, w, dtype).unwrap();
        path
    };
    let mixed_path = write("mixed.gguf", &mixed, WeightDtype::Q8_0);
    let exact_path = write("exact.gguf", &exact, WeightDtype::F32);
    let ids: Vec<u32> = (0..24)
        .map(|i| (i * 37 + 11) % cfg.vocab_size as u32)
        .collect();
    for rowwise in [true, false] {
        let g = gpu_with(GpuOptions {
            rowwise: Some(rowwise),
            ..Default::default()
        });
        let logits = |path: &std::path::Path| {
            let mut m = load(&g, &mut open(path), &ModelOptions::default());
            let all = gpu_logits(&mut m, &ids);
            m.clear();
            let steps: Vec<Vec<f32>> = ids
                .iter()
                .map(|id| block_on(m.forward(&[*id], Logits::Last)).unwrap())
                .collect();
            (all, steps)
        };
        let (got, got_steps) = logits(&mixed_path);
        let (want, want_steps) = logits(&exact_path);
        // Separate products: three for q/k/v and two for gate/up in every layer.
        let mut m = load(&g, &mut open(&mixed_path), &ModelOptions::default());
        block_on(m.forward(&ids[..4], Logits::Last)).unwrap();
        let p = block_on(m.profile_step(&ids[4..5], false)).unwrap();
        let count = |label: &str| p.iter().filter(|k| k.label == label).count();
        let layers = cfg.num_hidden_layers;
        assert_eq!(count("matvec qkv_proj"), 3 * layers, "{p:?}");
        assert_eq!(count("matvec gate_up_proj"), 2 * layers, "{p:?}");
        let d = max_abs_diff(&got, &want).max(max_abs_diff(&got_steps, &want_steps));
        println!("mixed q/k/v and gate/up formats, row-wise {rowwise}: max |diff| = {d:e}");
        assert!(d <= 1e-4, "row-wise {rowwise}: {d}");
    }
}

/// `step_greedy` queues the next step before it reads its pick back: a step queued and not
/// taken (the caller feeds a token of its own, rewinds, or starts again) leaves nothing behind,
/// and one taken continues the greedy run exactly.
#[test]
fn greedy_steps_queued_ahead_leave_nothing_behind() {
    let g = gpu();
    let r = Reference::load("llama-tiny");
    let mut parts = open(&model_dir("llama-tiny"));
    // Queued ahead on lavapipe too (by default only on GPUs).
    let opts = ModelOptions {
        greedy_ahead: Some(true),
        ..Default::default()
    };
    let mut m = load(&g, &mut parts, &opts);
    let prompt = r.prompt_ids();
    let want = gpu_greedy(&mut m, &prompt, 6);
    // Three steps (the fourth queued ahead), then a token from the host instead.
    m.clear();
    let mut got = vec![block_on(m.prefill_greedy(&prompt)).unwrap().id];
    for _ in 0..3 {
        got.push(block_on(m.step_greedy()).unwrap().id);
    }
    assert_eq!(got, want[..4]);
    let x = (want[3] + 1) % m.config().vocab_size as u32;
    let after_host = block_on(m.forward(&[x], Logits::Last)).unwrap();
    let fed: Vec<u32> = prompt
        .iter()
        .chain(&want[..3])
        .chain([&x])
        .copied()
        .collect();
    let fresh = &gpu_logits(&mut m, &fed)[fed.len() - 1];
    let d = max_abs_diff(&[after_host], std::slice::from_ref(fresh));
    assert!(d <= 1e-4, "a host token after a queued step: {d}");
    // Rewind past a queued step and pick again: the run goes on as before.
    m.clear();
    block_on(m.prefill_greedy(&prompt)).unwrap();
    block_on(m.step_greedy()).unwrap();
    block_on(m.step_greedy()).unwrap();
    m.truncate(prompt.len() + 1);
    let mut again = vec![block_on(m.prefill_greedy(&want[1..2])).unwrap().id];
    for _ in 0..3 {
        again.push(block_on(m.step_greedy()).unwrap().id);
    }
    assert_eq!(again, want[2..6]);
}

/// `profile_step` times every dispatch of a decode step and of a prefill step (the stacked
/// q/k/v and gate/up products, rope inside attention: 5 dispatches a layer in a cooperative
/// decode step, 9 row-wise)
/// and leaves the cache as it was: the next logits are those of an unprofiled run.
#[test]
fn profiled_steps_leave_the_cache_as_it_was() {
    for rowwise in [false, true] {
        let g = gpu_with(GpuOptions {
            rowwise: Some(rowwise),
            ..Default::default()
        });
        assert!(g.has_timestamps(), "lavapipe has timestamp queries");
        let r = Reference::load("llama-tiny");
        let mut parts = open(&model_dir("llama-tiny"));
        let layers = parts.config.num_hidden_layers;
        let mut m = load(&g, &mut parts, &ModelOptions::default());
        let seq = r.sequence("hf.f32");
        let (head, tail) = seq.split_at(seq.len() - 1);
        let mut last = |profile: bool| {
            m.clear();
            block_on(m.forward(head, Logits::Last)).unwrap();
            let p = profile.then(|| {
                let decode = block_on(m.profile_step(&[seq[0]], false)).unwrap();
                let whole = block_on(m.profile_step(&[seq[0]], true)).unwrap();
                assert_eq!(whole.len(), 2, "{whole:?}");
                (
                    decode,
                    block_on(m.profile_step(&[seq[0]; 5], false)).unwrap(),
                )
            });
            (block_on(m.forward(tail, Logits::Last)).unwrap(), p)
        };
        let (want, _) = last(false);
        let (got, p) = last(true);
        assert_eq!(got, want, "row-wise {rowwise}");
        let (decode, prefill) = p.unwrap();

        let count = |p: &[tandem_gpu::KernelTime], label: &str| {
            p.iter().filter(|k| k.label == label).count()
        };
        let per_layer = if rowwise { 9 } else { 5 };
        // Embed, final norm, lm_head and the greedy pick's two passes besides the layers.
        assert_eq!(
            decode.len(),
            per_layer * layers + 5,
            "{rowwise}: {decode:?}"
        );
        assert_eq!(count(&decode, "matvec qkv_proj"), layers);
        assert_eq!(count(&decode, "matvec gate_up_proj"), layers);
        assert_eq!(count(&prefill, "matmul qkv_proj"), layers);
        assert_eq!(count(&decode, "rope"), if rowwise { layers } else { 0 });
        assert_eq!(count(&prefill, "rope"), layers);
        assert_eq!(count(&prefill, "silu_mul"), layers);
        assert!(decode
            .iter()
            .chain(&prefill)
            .all(|k| k.ns.is_finite() && k.ns >= 0.0));
    }
}
