//! Loading a whole model (weights + config + tokenizer + chat template) from a Hugging Face
//! directory or a `.gguf` file on disk, or from bytes already in memory (the wasm path).
use std::io::Cursor;
use std::path::Path;

use crate::chat::ChatTemplate;
use crate::config::Config;
use crate::gguf::{GgufFile, ReadSeek};
use crate::llama::Model;
use crate::safetensors_file::{SafetensorsFile, SafetensorsWeights};
use crate::text::TextSide;
use crate::tokenizer::Tokenizer;
use crate::weights::Weights;
use crate::{Error, Result};

pub struct LoadedModel {
    pub model: Model,
    pub text: TextSide,
}

/// Everything of a model except the engine: config, weights not yet in any engine's form, and
/// the text side (tokenizer, chat template, eos ids). The CPU model ([`ModelParts::load_cpu`])
/// and the local engine (tandem-engine, CPU or GPU) are both built from it.
pub struct ModelParts {
    pub config: Config,
    pub weights: Weights,
    pub text: TextSide,
}

impl ModelParts {
    pub fn load_cpu(mut self) -> Result<LoadedModel> {
        let model = Model::load(&mut self.weights, &self.config)?;
        Ok(LoadedModel {
            model,
            text: self.text,
        })
    }
}

impl LoadedModel {
    pub fn config(&self) -> &Config {
        self.model.config()
    }

    pub fn tokenizer(&self) -> Result<&Tokenizer> {
        self.text.tokenizer()
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io(path, e))
}

fn read_string(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}

/// A model directory (config.json + safetensors) or a `.gguf` file.
pub fn load(path: &Path) -> Result<LoadedModel> {
    open(path)?.load_cpu()
}

/// As [`load`], stopping before the CPU engine is built.
pub fn open(path: &Path) -> Result<ModelParts> {
    if path.is_dir() {
        open_hf_dir(path)
    } else {
        open_gguf_file(path)
    }
}

/// A `tokenizer.json`; a missing file is [`Error::TokenizerMissing`].
pub fn load_tokenizer_file(path: &Path) -> Result<Tokenizer> {
    if !path.exists() {
        return Err(Error::TokenizerMissing(format!(
            "{} does not exist",
            path.display()
        )));
    }
    Tokenizer::from_json(&read_string(path)?)
}

fn eos_from_generation_config(text: &str) -> Vec<u32> {
    let v: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(_) => return Vec::new(),
    };
    match v.get("eos_token_id") {
        Some(serde_json::Value::Number(n)) => n
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .into_iter()
            .collect(),
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_u64())
            .filter_map(|n| u32::try_from(n).ok())
            .collect(),
        _ => Vec::new(),
    }
}

pub fn load_hf_dir(dir: &Path) -> Result<LoadedModel> {
    open_hf_dir(dir)?.load_cpu()
}

pub fn open_hf_dir(dir: &Path) -> Result<ModelParts> {
    let config_json = read_string(&dir.join("config.json"))?;
    let index = dir.join("model.safetensors.index.json");
    let mut files = Vec::new();
    if index.exists() {
        for shard in SafetensorsWeights::shard_names(&read_string(&index)?)? {
            let p = dir.join(&shard);
            files.push(SafetensorsFile::from_bytes(shard, read(&p)?)?);
        }
    } else {
        let p = dir.join("model.safetensors");
        files.push(SafetensorsFile::from_bytes("model.safetensors", read(&p)?)?);
    }
    let optional = |name: &str| -> Result<Option<String>> {
        match dir.join(name) {
            p if p.exists() => Ok(Some(read_string(&p)?)),
            _ => Ok(None),
        }
    };
    hf_parts_from_texts(
        &config_json,
        files,
        &HfTexts {
            tokenizer: optional("tokenizer.json")?.as_deref(),
            tokenizer_config: optional("tokenizer_config.json")?.as_deref(),
            generation_config: optional("generation_config.json")?.as_deref(),
        },
    )
}

/// The optional JSON files of a Hugging Face checkpoint, as text.
#[derive(Debug, Clone, Copy, Default)]
pub struct HfTexts<'a> {
    pub tokenizer: Option<&'a str>,
    pub tokenizer_config: Option<&'a str>,
    pub generation_config: Option<&'a str>,
}

/// A Hugging Face checkpoint already in memory (what the browser fetched): config.json's text,
/// the safetensors files, and the optional tokenizer/tokenizer_config/generation_config texts.
pub fn hf_parts_from_texts(
    config_json: &str,
    files: Vec<SafetensorsFile>,
    texts: &HfTexts,
) -> Result<ModelParts> {
    let tokenizer = texts.tokenizer.map(Tokenizer::from_json).transpose()?;
    let template = match texts.tokenizer_config {
        Some(t) => ChatTemplate::from_tokenizer_config(t),
        None => Ok(None),
    };
    let gen_eos = texts
        .generation_config
        .map(eos_from_generation_config)
        .unwrap_or_default();
    hf_parts(config_json, files, tokenizer, template, gen_eos)
}

/// The in-memory form of [`load_hf_dir`].
pub fn from_hf_parts(
    config_json: &str,
    files: Vec<SafetensorsFile>,
    tokenizer: Option<Tokenizer>,
    chat_template: Option<ChatTemplate>,
    extra_eos: Vec<u32>,
) -> Result<LoadedModel> {
    hf_parts(config_json, files, tokenizer, Ok(chat_template), extra_eos)?.load_cpu()
}

/// The in-memory form of [`open_hf_dir`].
pub fn hf_parts(
    config_json: &str,
    files: Vec<SafetensorsFile>,
    tokenizer: Option<Tokenizer>,
    chat_template: Result<Option<ChatTemplate>>,
    extra_eos: Vec<u32>,
) -> Result<ModelParts> {
    let cfg = Config::from_hf_json(config_json)?;
    let weights = Weights::Safetensors(SafetensorsWeights::new(files));
    weights.check_layer_count(&cfg)?;
    let mut eos_token_ids = cfg.eos_token_ids.clone();
    for e in extra_eos {
        if !eos_token_ids.contains(&e) {
            eos_token_ids.push(e);
        }
    }
    Ok(ModelParts {
        config: cfg,
        weights,
        text: TextSide::new(tokenizer, chat_template, eos_token_ids),
    })
}

/// A `.gguf` file; the tokenizer comes from a `tokenizer.json` beside it, else from the GGUF
/// metadata.
pub fn load_gguf_file(path: &Path) -> Result<LoadedModel> {
    open_gguf_file(path)?.load_cpu()
}

pub fn open_gguf_file(path: &Path) -> Result<ModelParts> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let reader: Box<dyn ReadSeek> = Box::new(std::io::BufReader::new(file));
    let side = path.with_file_name("tokenizer.json");
    let tokenizer = if side.exists() {
        Some(Tokenizer::from_json(&read_string(&side)?)?)
    } else {
        None
    };
    gguf_parts(reader, tokenizer)
}

/// A GGUF file held in memory.
pub fn from_gguf_bytes(bytes: Vec<u8>, tokenizer: Option<Tokenizer>) -> Result<LoadedModel> {
    gguf_parts(Box::new(Cursor::new(bytes)), tokenizer)?.load_cpu()
}

/// The parts of a GGUF model read from `reader`.
pub fn gguf_parts(reader: Box<dyn ReadSeek>, tokenizer: Option<Tokenizer>) -> Result<ModelParts> {
    let mut g = GgufFile::read(reader)?;
    let cfg = g.config()?;
    let tokenizer = match tokenizer {
        Some(t) => Some(t),
        None => match g.metadata().get("tokenizer.ggml.model") {
            Some(_) => Some(Tokenizer::from_gguf_metadata(g.metadata())?),
            None => None,
        },
    };
    let chat_template = match g.metadata().get("tokenizer.chat_template") {
        Some(candle_core::quantized::gguf_file::Value::String(t)) => {
            let token = |key: &str| {
                g.metadata()
                    .get(key)
                    .and_then(|v| v.to_u32().ok())
                    .and_then(|id| tokenizer.as_ref().and_then(|t| t.id_to_token(id)))
                    .unwrap_or_default()
            };
            ChatTemplate::new(
                t,
                &token("tokenizer.ggml.bos_token_id"),
                &token("tokenizer.ggml.eos_token_id"),
            )
            .map(Some)
        }
        _ => Ok(None),
    };
    let parts = ModelParts {
        text: TextSide::new(tokenizer, chat_template, cfg.eos_token_ids.clone()),
        config: cfg,
        weights: Weights::Gguf(g),
    };
    parts.weights.check_layer_count(&parts.config)?;
    Ok(parts)
}
