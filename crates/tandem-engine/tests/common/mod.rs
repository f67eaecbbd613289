//! What the engine's tests share: the committed tiny models and transformers' records of them,
//! the engine on tandem-core's CPU path, and a whole generation driven step by step.
#![allow(dead_code)] // each test binary uses its own subset

use std::path::{Path, PathBuf};

use tandem_core::{FinishReason, GenerateParams, Generation};
use tandem_engine::{BackendChoice, Engine, EngineOptions, Step};

pub fn tiny(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../models/tiny")
        .join(name)
}

pub fn models_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models")
}

pub fn reference(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(tiny(name).join("reference.json")).unwrap())
        .unwrap()
}

pub fn ids(v: &serde_json::Value) -> Vec<u32> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as u32)
        .collect()
}

/// The model at `path` on the CPU.
pub fn cpu(path: &Path) -> Engine {
    let opts = EngineOptions {
        backend: BackendChoice::Cpu,
        ..Default::default()
    };
    pollster::block_on(Engine::load(tandem_core::open(path).unwrap(), &opts)).unwrap()
}

/// A whole generation after `prompt`; `on_token` sees each step and stops it by returning false
/// (the generation then ends cancelled).
pub fn generate(
    e: &mut Engine,
    prompt: &[u32],
    params: &GenerateParams,
    on_token: &mut dyn FnMut(&Step) -> bool,
) -> Result<Generation, tandem_engine::Error> {
    e.begin(prompt, params.clone(), 0)?;
    loop {
        let s = pollster::block_on(e.step())?;
        if s.finish.is_some() {
            on_token(&s);
            break;
        }
        if !on_token(&s) {
            return Ok(e.end(Some(FinishReason::Cancelled))?.generation);
        }
    }
    Ok(e.end(None)?.generation)
}

/// Greedy ids after `prompt` (no stop ids).
pub fn greedy(e: &mut Engine, prompt: &[u32], n: usize) -> Vec<u32> {
    let p = GenerateParams {
        max_new_tokens: n,
        ..Default::default()
    };
    generate(e, prompt, &p, &mut |_| true).unwrap().ids
}
