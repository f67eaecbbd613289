//! Shared helpers: the committed test models and their reference outputs.
#![allow(dead_code)]
use std::path::PathBuf;

use serde_json::Value;
use tandem_core::safetensors_file::SafetensorsFile;
use tandem_core::{LoadedModel, Logits};

pub const MODELS: [&str; 2] = ["llama-tiny", "qwen2-tiny"];

pub fn model_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../models/tiny")
        .join(name)
}

/// The trained demo model (models/train_demo.py).
pub fn demo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models/demo/license-llama")
}

/// llama-long and llama-odd (models/make_shape_models.py): a sequence and transformers' logits
/// at some of its positions (llama-long: 4096 tokens, where attention's tiles and splits begin
/// and end; llama-odd: every position).
pub struct ShapeReference {
    pub ids: Vec<u32>,
    pub positions: Vec<usize>,
    /// One row per position.
    pub logits: Vec<Vec<f32>>,
}

impl ShapeReference {
    pub fn load(name: &str) -> Self {
        let r = Reference::load(name);
        Self {
            ids: ids(&r.meta["ids"]),
            positions: ids(&r.meta["positions"])
                .into_iter()
                .map(|p| p as usize)
                .collect(),
            logits: r.logits("logits"),
        }
    }

    /// The reference rows of `all` (logits of every position).
    pub fn pick(&self, all: &[Vec<f32>]) -> Vec<Vec<f32>> {
        self.positions.iter().map(|&p| all[p].clone()).collect()
    }
}

pub struct Reference {
    pub meta: Value,
    logits: SafetensorsFile,
}

impl Reference {
    pub fn load(name: &str) -> Self {
        Self::load_dir(&model_dir(name))
    }

    pub fn load_dir(d: &std::path::Path) -> Self {
        let meta =
            serde_json::from_str(&std::fs::read_to_string(d.join("reference.json")).unwrap())
                .unwrap();
        let bytes = std::fs::read(d.join("reference.safetensors")).unwrap();
        Self {
            meta,
            logits: SafetensorsFile::from_bytes("reference.safetensors", bytes).unwrap(),
        }
    }

    pub fn prompt_ids(&self) -> Vec<u32> {
        ids(&self.meta["prompt_ids"])
    }

    /// The continuation a source produced greedily.
    pub fn new_ids(&self, source: &str) -> Vec<u32> {
        ids(&self.meta["sources"][source]["new_ids"])
    }

    /// Prompt + the source's greedy continuation: the sequence its logits were taken on.
    pub fn sequence(&self, source: &str) -> Vec<u32> {
        let mut s = self.prompt_ids();
        s.extend(self.new_ids(source));
        s
    }

    pub fn margins(&self, source: &str) -> Vec<f32> {
        self.meta["sources"][source]["margins"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap() as f32)
            .collect()
    }

    pub fn logits(&self, source: &str) -> Vec<Vec<f32>> {
        self.logits
            .tensor_f32(source, &tandem_core::candle_core::Device::Cpu)
            .unwrap()
            .to_vec2()
            .unwrap()
    }
}

fn ids(v: &Value) -> Vec<u32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as u32)
        .collect()
}

pub fn max_abs_diff(a: &[Vec<f32>], b: &[Vec<f32>]) -> f32 {
    assert_eq!(a.len(), b.len(), "row count");
    a.iter()
        .zip(b)
        .flat_map(|(x, y)| {
            assert_eq!(x.len(), y.len(), "row length");
            x.iter().zip(y).map(|(p, q)| (p - q).abs())
        })
        .fold(0.0, f32::max)
}

pub fn prefill_logits(m: &LoadedModel, ids: &[u32]) -> Vec<Vec<f32>> {
    let mut cache = m.model.new_cache();
    m.model
        .forward(ids, &mut cache, Logits::All)
        .unwrap()
        .to_vec2()
        .unwrap()
}

/// Feeds `ids` in chunks of `chunk` tokens through one cache; all rows.
pub fn chunked_logits(m: &LoadedModel, ids: &[u32], chunk: usize) -> Vec<Vec<f32>> {
    let mut cache = m.model.new_cache();
    let mut rows = Vec::new();
    for c in ids.chunks(chunk) {
        rows.extend(
            m.model
                .forward(c, &mut cache, Logits::All)
                .unwrap()
                .to_vec2::<f32>()
                .unwrap(),
        );
    }
    assert_eq!(cache.len(), ids.len());
    rows
}

/// The oracle the engines are checked against: up to `n` tokens after `prompt` drawn by
/// `sampling` (greedy by default) straight from tandem-core's forward pass, stopping after any
/// of `stop` — a plain loop with no engine in it (tandem-core is itself checked against
/// transformers' logits and greedy ids).
pub fn oracle(
    m: &LoadedModel,
    prompt: &[u32],
    n: usize,
    sampling: &tandem_core::SamplingParams,
    stop: &[u32],
) -> Vec<u32> {
    let mut sampler = tandem_core::Sampler::new(sampling.clone()).unwrap();
    let mut cache = m.model.new_cache();
    let mut context = prompt.to_vec();
    let mut out = Vec::new();
    let mut logits = m.model.next_logits(prompt, &mut cache).unwrap();
    while out.len() < n {
        let id = sampler.sample(&logits, &context);
        out.push(id);
        context.push(id);
        if stop.contains(&id) || out.len() == n {
            break;
        }
        logits = m.model.next_logits(&[id], &mut cache).unwrap();
    }
    out
}

/// Greedy ids after `prompt` (no stop ids).
pub fn greedy(m: &LoadedModel, prompt: &[u32], n: usize) -> Vec<u32> {
    oracle(m, prompt, n, &Default::default(), &[])
}
