//! `GpuModel` on the committed tiny models (models/tiny), on whatever adapter wgpu finds
//! (lavapipe in CI): KV cache rewind (`truncate`) and the final-norm rows kept per position
//! (`hidden`), against an uninterrupted GPU run and against tandem-core's CPU forward. Reads
//! model files, so native only. Without an adapter these tests fail: they never skip.
#![cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;
use std::sync::Arc;

use pollster::block_on;
use tandem_core::{Logits, ModelParts};
use tandem_gpu::{Gpu, GpuError, GpuModel, GpuOptions, ModelOptions};

const MODELS: [&str; 2] = ["llama-tiny", "qwen2-tiny"];
/// The same forward over differently cut steps (matmul vs matvec, other chunks).
const TOL_SAME: f32 = 1e-4;
/// GPU vs the CPU engine on f32 weights.
const TOL_CPU: f32 = 1e-3;
/// Q8_0/Q4_0: the CPU engine (like llama.cpp) also quantizes activations to Q8_0 and the GPU
/// does not, which moves the final-norm rows by a few percent of their range.
const REL_TOL_Q_VS_CPU: f32 = 0.05;

fn model_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../models/tiny")
        .join(name)
}

/// The safetensors directory and each GGUF file of a tiny model, with whether it is quantized.
fn sources(name: &str) -> Vec<(PathBuf, bool)> {
    let d = model_dir(name);
    vec![
        (d.clone(), false),
        (d.join(format!("{name}-f32.gguf")), false),
        (d.join(format!("{name}-q8_0.gguf")), true),
        (d.join(format!("{name}-q4_0.gguf")), true),
    ]
}

fn gpu_with(opts: GpuOptions) -> Arc<Gpu> {
    match block_on(Gpu::with_options(&opts)) {
        Ok(g) => Arc::new(g),
        Err(e) => panic!("GPU tests need a WebGPU adapter (lavapipe: mesa-vulkan-drivers): {e}"),
    }
}

fn gpu() -> Arc<Gpu> {
    gpu_with(GpuOptions::default())
}

/// Loads with the f32 KV cache unless `opts` names one: these tests hold the GPU to the CPU
/// engine at the f32 tolerance, and a real GPU defaults to the f16 cache.
fn load(gpu: &Arc<Gpu>, path: &std::path::Path, opts: &ModelOptions) -> GpuModel {
    let mut parts: ModelParts = tandem_core::open(path).unwrap();
    let cfg = parts.config.clone();
    let opts = ModelOptions {
        kv_f16: Some(opts.kv_f16.unwrap_or(false)),
        ..opts.clone()
    };
    block_on(GpuModel::load(gpu.clone(), &mut parts.weights, &cfg, &opts)).unwrap()
}

/// A fixed token sequence that is not all one token.
fn tokens(n: usize, vocab: usize) -> Vec<u32> {
    (0..n).map(|i| ((i * 37 + 11) % vocab) as u32).collect()
}

fn max_abs_diff(a: &[f32], b: &[f32]) -> f32 {
    assert_eq!(a.len(), b.len(), "lengths");
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f32::max)
}

fn forward(m: &mut GpuModel, ids: &[u32]) -> Vec<f32> {
    block_on(m.forward(ids, Logits::All)).unwrap()
}

fn hidden(m: &GpuModel, start: usize, end: usize) -> Vec<f32> {
    block_on(m.hidden(start, end)).unwrap()
}

/// Logits and hidden rows of `ids` fed in one call on an empty cache.
fn uninterrupted(m: &mut GpuModel, ids: &[u32]) -> (Vec<f32>, Vec<f32>) {
    m.clear();
    let l = forward(m, ids);
    (l, hidden(m, 0, ids.len()))
}

#[test]
fn truncate_then_refeed_matches_an_uninterrupted_run() {
    let g = gpu();
    for name in MODELS {
        for (path, _) in sources(name) {
            let label = path.file_name().unwrap().to_string_lossy().into_owned();
            for chunk in [128, 3] {
                let opts = ModelOptions {
                    prefill_chunk: chunk,
                    ..Default::default()
                };
                let mut m = load(&g, &path, &opts);
                let (vocab, hid) = (m.config().vocab_size, m.config().hidden_size);
                let seq = tokens(20, vocab);
                let keep = 8;
                let (want, want_hidden) = uninterrupted(&mut m, &seq);

                // A rejected draft fed with logits, dropped, then the true continuation.
                m.clear();
                forward(&mut m, &seq[..keep]);
                forward(&mut m, &tokens(5, vocab - 7));
                assert_eq!(m.cache_len(), keep + 5);
                m.truncate(keep);
                assert_eq!(m.cache_len(), keep);
                let got = forward(&mut m, &seq[keep..]);
                let d = max_abs_diff(&got, &want[keep * vocab..]);
                let dh = max_abs_diff(&hidden(&m, 0, seq.len()), &want_hidden);

                // Greedy decoding past the prefix, dropped, then the true continuation.
                m.clear();
                block_on(m.prefill_greedy(&seq[..keep])).unwrap();
                for _ in 0..4 {
                    block_on(m.step_greedy()).unwrap();
                }
                m.truncate(100);
                assert_eq!(m.cache_len(), keep + 4, "truncate past the end is a no-op");
                m.truncate(keep);
                assert!(
                    block_on(m.step_greedy()).is_err(),
                    "the pick on the device followed the dropped positions"
                );
                let got_greedy = forward(&mut m, &seq[keep..]);
                let dg = max_abs_diff(&got_greedy, &want[keep * vocab..]);
                let dgh = max_abs_diff(&hidden(&m, 0, seq.len()), &want_hidden);
                assert_eq!(want_hidden.len(), seq.len() * hid);

                // Truncating to 0 is a clear.
                m.truncate(0);
                assert_eq!(m.cache_len(), 0);
                let d0 = max_abs_diff(&forward(&mut m, &seq), &want);

                println!(
                    "{name} {label} chunk {chunk}: truncate+refeed vs uninterrupted max |diff| \
                     logits {d:e} / {dg:e} (greedy) / {d0:e} (from 0), hidden {dh:e} / {dgh:e}"
                );
                for x in [d, dg, d0, dh, dgh] {
                    assert!(x <= TOL_SAME, "{name} {label} chunk {chunk}: {x}");
                }
            }
        }
    }
}

#[test]
fn hidden_rows_match_the_cpu_final_norm() {
    let g = gpu();
    for name in MODELS {
        for (path, quantized) in sources(name) {
            let label = path.file_name().unwrap().to_string_lossy().into_owned();
            let mut m = load(&g, &path, &ModelOptions::default());
            let seq = tokens(17, m.config().vocab_size);
            let (_, got) = uninterrupted(&mut m, &seq);

            let cpu = tandem_core::load(&path).unwrap();
            let mut cache = cpu.model.new_cache();
            let (_, h) = cpu
                .model
                .forward_with_hidden(&seq, &mut cache, Logits::All)
                .unwrap();
            let want: Vec<f32> = h.flatten_all().unwrap().to_vec1().unwrap();
            let d = max_abs_diff(&got, &want);
            let scale = want.iter().fold(0f32, |a, x| a.max(x.abs()));
            println!(
                "{name} {label}: GPU vs CPU final-norm rows max |diff| = {d:e} (range {scale:.2})"
            );
            let tol = if quantized {
                REL_TOL_Q_VS_CPU * scale
            } else {
                TOL_CPU
            };
            assert!(d <= tol, "{name} {label}: {d} > {tol}");
        }
    }
}

/// Every way of putting positions in the cache stores the same rows, with no extra pass:
/// all logits, last logits (also across chunks), on-device greedy, token by token.
#[test]
fn every_forward_path_keeps_the_same_hidden_rows() {
    let g = gpu();
    for name in MODELS {
        let path = model_dir(name);
        let mut m = load(&g, &path, &ModelOptions::default());
        let seq = tokens(13, m.config().vocab_size);
        let n = seq.len();
        let (_, want) = uninterrupted(&mut m, &seq);

        m.clear();
        block_on(m.next_logits(&seq)).unwrap();
        let last = hidden(&m, 0, n);

        m.clear();
        let mut steps = Vec::new();
        for &id in &seq {
            block_on(m.next_logits(&[id])).unwrap();
            steps.extend(hidden(&m, m.cache_len() - 1, m.cache_len()));
        }

        // Greedy: the prompt, then picks fed on the device; compare with a forward over the
        // same ids.
        m.clear();
        let mut ids = seq[..5].to_vec();
        ids.push(block_on(m.prefill_greedy(&ids)).unwrap().id);
        for _ in 0..4 {
            ids.push(block_on(m.step_greedy()).unwrap().id);
        }
        ids.pop(); // the last pick is not in the cache
        assert_eq!(m.cache_len(), ids.len());
        let greedy = hidden(&m, 0, ids.len());
        let (_, greedy_want) = uninterrupted(&mut m, &ids);

        let mut chunked = load(
            &g,
            &path,
            &ModelOptions {
                prefill_chunk: 4,
                ..Default::default()
            },
        );
        block_on(chunked.next_logits(&seq)).unwrap();
        let chunked_last = hidden(&chunked, 0, n);
        chunked.clear();
        block_on(chunked.prefill_greedy(&seq)).unwrap();
        let chunked_greedy = hidden(&chunked, 0, n);

        let hid = m.config().hidden_size;
        m.clear();
        forward(&mut m, &seq);
        let part = hidden(&m, 3, 9);
        let empty = hidden(&m, 5, 5);
        assert!(empty.is_empty());

        let ds = [
            max_abs_diff(&last, &want),
            max_abs_diff(&steps, &want),
            max_abs_diff(&greedy, &greedy_want),
            max_abs_diff(&chunked_last, &want),
            max_abs_diff(&chunked_greedy, &want),
            max_abs_diff(&part, &want[3 * hid..9 * hid]),
        ];
        println!("{name}: hidden rows of each path vs all-logits forward: {ds:?}");
        for d in ds {
            assert!(d <= TOL_SAME, "{name}: {ds:?}");
        }
    }
}

/// A hidden store larger than the adapter's largest buffer is split by rows; rows that cross a
/// part boundary within one step land on both sides.
#[test]
fn hidden_store_split_across_buffers() {
    // 8 KiB buffers: 32 rows of 64 floats per part, two parts for 64 positions. (qwen2-tiny:
    // llama-tiny's K/V rows are as long as its hidden rows, so the same cap keeps its context
    // to one part.)
    let small = gpu_with(GpuOptions {
        max_binding: Some(8192),
        ..Default::default()
    });
    let g = gpu();
    let opts = ModelOptions {
        max_context: 64,
        prefill_chunk: 5,
        ..Default::default()
    };
    let path = model_dir("qwen2-tiny");
    let mut split = load(&small, &path, &opts);
    assert_eq!(split.max_context(), 64);
    let mut whole = load(&g, &path, &opts);
    let hid = split.config().hidden_size;
    let seq = tokens(45, split.config().vocab_size);
    let (_, want) = uninterrupted(&mut whole, &seq);
    block_on(split.next_logits(&seq)).unwrap();
    let d = max_abs_diff(&hidden(&split, 0, seq.len()), &want);
    let d_cross = max_abs_diff(&hidden(&split, 30, 35), &want[30 * hid..35 * hid]);

    // Decoding on the device across the boundary.
    split.clear();
    let mut ids = seq[..30].to_vec();
    ids.push(block_on(split.prefill_greedy(&ids)).unwrap().id);
    for _ in 0..4 {
        ids.push(block_on(split.step_greedy()).unwrap().id);
    }
    ids.pop();
    let (_, want_greedy) = uninterrupted(&mut whole, &ids);
    let d_greedy = max_abs_diff(&hidden(&split, 0, ids.len()), &want_greedy);
    println!(
        "split hidden store vs one buffer max |diff| = {d:e}, across parts {d_cross:e}, \
         greedy decode across parts {d_greedy:e}"
    );
    for x in [d, d_cross, d_greedy] {
        assert!(x <= TOL_SAME, "{d} {d_cross} {d_greedy}");
    }
}

#[test]
fn bad_hidden_ranges_are_typed_errors() {
    let g = gpu();
    let mut m = load(&g, &model_dir("llama-tiny"), &ModelOptions::default());
    let invalid = |r: tandem_gpu::Result<Vec<f32>>| {
        matches!(r, Err(GpuError::Core(tandem_core::Error::InvalidParams(_))))
    };
    assert!(invalid(block_on(m.hidden(0, 1))), "empty cache");
    assert_eq!(block_on(m.hidden(0, 0)).unwrap(), Vec::<f32>::new());
    forward(&mut m, &[1, 2, 3, 4]);
    assert!(invalid(block_on(m.hidden(3, 2))), "start > end");
    assert!(invalid(block_on(m.hidden(0, 5))), "end > cache_len");
    m.truncate(2);
    assert!(
        invalid(block_on(m.hidden(0, 3))),
        "rows dropped by truncate"
    );
    assert_eq!(hidden(&m, 0, 2).len(), 2 * m.config().hidden_size);
}
