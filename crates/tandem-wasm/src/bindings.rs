//! The `#[wasm_bindgen]` surface. Every method returns `Result<_, JsValue>` whose error is a JS
//! `Error` named "TandemError" with a `kind` (see errors.rs); nothing here panics on input.
use std::cell::RefCell;
use std::io::Cursor;
use std::rc::Rc;

use js_sys::{Reflect, Uint8Array};
use serde::Serialize;
use tandem_core::load::{gguf_parts, hf_parts_from_texts, HfTexts};
use tandem_core::safetensors_file::SafetensorsFile;
use tandem_core::{FinishReason, ModelParts, Tokenizer};
use tandem_gpu::Engine;
use wasm_bindgen::prelude::*;

use crate::errors::Failure;
use crate::options::{to_messages, JsEngineOptions, JsGenerateParams, JsMessage};

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The crate's version (the npm package checks it matches its own).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn js_error(f: Failure) -> JsValue {
    let e = js_sys::Error::new(&f.message);
    e.set_name("TandemError");
    // Setting a property on a fresh Error cannot fail.
    let _ = Reflect::set(&e, &"kind".into(), &f.kind.into());
    e.into()
}

fn fail(kind: &'static str, message: impl Into<String>) -> JsValue {
    js_error(Failure::new(kind, message))
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| fail("internal", e.to_string()))
}

fn from_js<T: serde::de::DeserializeOwned>(v: JsValue, what: &str) -> Result<T, JsValue> {
    if v.is_undefined() || v.is_null() {
        return serde_wasm_bindgen::from_value(js_sys::Object::new().into())
            .map_err(|e| fail("invalid_options", format!("{what}: {e}")));
    }
    serde_wasm_bindgen::from_value(v).map_err(|e| fail("invalid_options", format!("{what}: {e}")))
}

fn get(obj: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(obj, &key.into()).map_err(|_| fail("invalid_model", format!("files.{key}")))
}

fn get_text(obj: &JsValue, key: &str) -> Result<Option<String>, JsValue> {
    let v = get(obj, key)?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string()
        .map(Some)
        .ok_or_else(|| fail("invalid_model", format!("files.{key} must be a string")))
}

/// `{ format: "safetensors" | "gguf", weights: [{ name, bytes: Uint8Array }], config?,
/// tokenizer?, tokenizerConfig?, generationConfig? }` (texts of the JSON files).
fn parts_from_js(files: &JsValue) -> Result<ModelParts, JsValue> {
    let format = get_text(files, "format")?.unwrap_or_else(|| "safetensors".into());
    let weights = get(files, "weights")?;
    if !js_sys::Array::is_array(&weights) {
        return Err(fail(
            "invalid_model",
            "files.weights must be an array of {name, bytes}",
        ));
    }
    let mut blobs = Vec::new();
    for w in js_sys::Array::from(&weights).iter() {
        let name = get_text(&w, "name")?.unwrap_or_else(|| "model".into());
        let bytes = get(&w, "bytes")?;
        let Some(arr) = bytes.dyn_ref::<Uint8Array>() else {
            return Err(fail(
                "invalid_model",
                format!("weights {name}: bytes must be a Uint8Array"),
            ));
        };
        blobs.push((name, arr.to_vec()));
    }
    let tokenizer_text = get_text(files, "tokenizer")?;
    let parts = match format.as_str() {
        "gguf" => {
            if blobs.len() != 1 {
                return Err(fail("invalid_model", "a GGUF model is one file"));
            }
            let tokenizer = tokenizer_text
                .as_deref()
                .map(Tokenizer::from_json)
                .transpose()
                .map_err(|e| js_error(e.into()))?;
            let (_, bytes) = blobs.remove(0);
            gguf_parts(Box::new(Cursor::new(bytes)), tokenizer)
        }
        "safetensors" => {
            let config = get_text(files, "config")?
                .ok_or_else(|| fail("invalid_model", "files.config (config.json) is missing"))?;
            let mut st = Vec::new();
            for (name, bytes) in blobs {
                st.push(SafetensorsFile::from_bytes(name, bytes).map_err(|e| js_error(e.into()))?);
            }
            let tc = get_text(files, "tokenizerConfig")?;
            let gc = get_text(files, "generationConfig")?;
            hf_parts_from_texts(
                &config,
                st,
                &HfTexts {
                    tokenizer: tokenizer_text.as_deref(),
                    tokenizer_config: tc.as_deref(),
                    generation_config: gc.as_deref(),
                },
            )
        }
        other => {
            return Err(fail(
                "invalid_model",
                format!("files.format {other:?}: expected \"safetensors\" or \"gguf\""),
            ))
        }
    };
    parts.map_err(|e| js_error(e.into()))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Info<'a> {
    backend: &'static str,
    adapter: Option<&'a str>,
    fallback_reason: Option<&'a str>,
    architecture: &'static str,
    vocab_size: usize,
    hidden_size: usize,
    num_layers: usize,
    max_context: usize,
    has_tokenizer: bool,
    has_chat_template: bool,
    eos_token_ids: &'a [u32],
    gpu_weight_bytes: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StepJs {
    id: u32,
    text: String,
    logprob: f32,
    entropy: f32,
    finish_reason: Option<FinishReason>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GenerationJs {
    ids: Vec<u32>,
    text: String,
    logprobs: Vec<f32>,
    entropies: Vec<f32>,
    finish_reason: FinishReason,
    prompt_tokens: usize,
}

/// The engine. Async methods take the engine out of its cell while they run, so a second call
/// meanwhile is a "busy" error, never a double borrow.
#[wasm_bindgen(js_name = Engine)]
pub struct WasmEngine {
    cell: Rc<RefCell<Option<Engine>>>,
}

impl WasmEngine {
    fn with<T>(&self, f: impl FnOnce(&mut Engine) -> Result<T, JsValue>) -> Result<T, JsValue> {
        let mut slot = self
            .cell
            .try_borrow_mut()
            .map_err(|_| fail("busy", "the engine is busy"))?;
        match slot.as_mut() {
            Some(e) => f(e),
            None => Err(fail("busy", "the engine is busy with a step")),
        }
    }
}

#[wasm_bindgen(js_class = Engine)]
impl WasmEngine {
    /// Loads a model (see `parts_from_js` for `files`) with `options` ({ backend, maxContext,
    /// prefillChunk, allowSubgroups, allowF16 }).
    pub async fn load(files: JsValue, options: JsValue) -> Result<WasmEngine, JsValue> {
        let opts: JsEngineOptions = from_js(options, "engine options")?;
        let opts = opts.to_engine().map_err(js_error)?;
        let parts = parts_from_js(&files)?;
        let engine = Engine::load(parts, &opts)
            .await
            .map_err(|e| js_error(e.into()))?;
        Ok(WasmEngine {
            cell: Rc::new(RefCell::new(Some(engine))),
        })
    }

    pub fn info(&self) -> Result<JsValue, JsValue> {
        self.with(|e| {
            let c = e.config();
            to_js(&Info {
                backend: e.backend().name(),
                adapter: e.adapter(),
                fallback_reason: e.fallback_reason(),
                architecture: c.architecture.name(),
                vocab_size: c.vocab_size,
                hidden_size: c.hidden_size,
                num_layers: c.num_hidden_layers,
                max_context: e.max_context(),
                has_tokenizer: e.tokenizer().is_some(),
                has_chat_template: e.render_chat(&[]).is_ok(),
                eos_token_ids: e.eos_token_ids(),
                gpu_weight_bytes: e.gpu_weight_bytes(),
            })
        })
    }

    #[wasm_bindgen(getter)]
    pub fn backend(&self) -> Result<String, JsValue> {
        self.with(|e| Ok(e.backend().name().to_string()))
    }

    /// The prompt text for `messages` ([{role, content}]) by the model's chat template.
    #[wasm_bindgen(js_name = renderChat)]
    pub fn render_chat(&self, messages: JsValue) -> Result<String, JsValue> {
        let m: Vec<JsMessage> = serde_wasm_bindgen::from_value(messages)
            .map_err(|e| fail("invalid_request", format!("messages: {e}")))?;
        self.with(|e| {
            e.render_chat(&to_messages(&m))
                .map_err(|x| js_error(x.into()))
        })
    }

    pub fn encode(&self, text: &str, add_special: bool) -> Result<Vec<u32>, JsValue> {
        self.with(|e| e.encode(text, add_special).map_err(|x| js_error(x.into())))
    }

    pub fn decode(&self, ids: Vec<u32>, skip_special: bool) -> Result<String, JsValue> {
        self.with(|e| e.decode(&ids, skip_special).map_err(|x| js_error(x.into())))
    }

    /// Starts a generation after `prompt` with `params` ({ max_tokens, temperature, top_p,
    /// top_k, repetition_penalty, seed, stop, stop_token_ids, ignore_eos }).
    pub fn begin(&self, prompt: Vec<u32>, params: JsValue) -> Result<(), JsValue> {
        let js: JsGenerateParams = from_js(params, "generation parameters")?;
        let p = js.to_params().map_err(js_error)?;
        self.with(|e| {
            let r = if js.ignore_eos {
                e.begin_ignoring_eos(&prompt, p)
            } else {
                e.begin(&prompt, p)
            };
            r.map_err(|x| js_error(x.into()))
        })
    }

    /// The next token: { id, text, logprob, entropy, finishReason }.
    pub async fn step(&self) -> Result<JsValue, JsValue> {
        let taken = self
            .cell
            .try_borrow_mut()
            .map_err(|_| fail("busy", "the engine is busy"))?
            .take();
        let Some(mut engine) = taken else {
            return Err(fail("busy", "the engine is busy with a step"));
        };
        let r = engine.step().await;
        // Put the engine back before anything else can fail.
        if let Ok(mut slot) = self.cell.try_borrow_mut() {
            *slot = Some(engine);
        }
        let s = r.map_err(|e| js_error(e.into()))?;
        to_js(&StepJs {
            id: s.id,
            text: s.text,
            logprob: s.logprob,
            entropy: s.entropy,
            finish_reason: s.finish,
        })
    }

    /// Ends the generation (`reason` "cancelled" when the caller stopped it) and returns it:
    /// { ids, text, logprobs, entropies, finishReason, promptTokens }.
    pub fn end(&self, reason: Option<String>) -> Result<JsValue, JsValue> {
        let reason = match reason.as_deref() {
            None => None,
            Some("cancelled") => Some(FinishReason::Cancelled),
            Some("length") => Some(FinishReason::Length),
            Some(other) => return Err(fail("invalid_request", format!("end reason {other:?}"))),
        };
        self.with(|e| {
            let (g, prompt_tokens) = e.end(reason).map_err(|x| js_error(x.into()))?;
            to_js(&GenerationJs {
                ids: g.ids,
                text: g.text,
                logprobs: g.logprobs,
                entropies: g.entropies,
                finish_reason: g.finish_reason,
                prompt_tokens,
            })
        })
    }

    /// After a "device_lost" error: rebuilds the engine on the CPU from the same model's
    /// `files`; the generation in progress carries on at the next `step()`.
    #[wasm_bindgen(js_name = useCpu)]
    pub fn use_cpu(&self, files: JsValue) -> Result<(), JsValue> {
        let mut parts = parts_from_js(&files)?;
        self.with(|e| {
            e.use_cpu(&mut parts.weights)
                .map_err(|x| js_error(x.into()))
        })
    }

    /// Destroys the GPU device, as a driver reset would (tests of the CPU fallback).
    #[wasm_bindgen(js_name = loseDevice)]
    pub fn lose_device(&self) -> Result<(), JsValue> {
        self.with(|e| {
            e.lose_device();
            Ok(())
        })
    }
}
