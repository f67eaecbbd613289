//! The `#[wasm_bindgen]` surface. Every method returns `Result<_, JsValue>` whose error is a JS
//! `Error` named "TandemError" with a `kind` (see errors.rs); nothing here panics on input.
use std::cell::RefCell;
use std::io::Cursor;
use std::rc::Rc;

use js_sys::{Reflect, Uint8Array};
use serde::Serialize;
use tandem_core::load::{gguf_parts, hf_parts_from_texts, HfTexts};
use tandem_core::safetensors_file::SafetensorsFile;
use tandem_core::{FinishReason, ModelParts, RequestParams, TextSide, Tokenizer, TopToken};
use tandem_engine::Engine;
use wasm_bindgen::prelude::*;

use crate::errors::Failure;
use crate::options::{to_messages, to_request, JsEngineOptions, JsMessage};
use crate::shapes::*;

/// Where the panic hook leaves the message for the package (`wasmError` in wasm.ts)…
const PANIC_SLOT: &str = "__tandemPanic";
/// …and the function it calls, if the package set one (it fails what `awaitWasm` waits on).
const PANIC_CALLBACK: &str = "__tandemOnPanic";

#[wasm_bindgen(start)]
fn start() {
    // A panic on wasm32 aborts: the hook runs, then the module traps, and JS sees only a
    // `RuntimeError: unreachable`, thrown to the caller of a synchronous export but out of a
    // microtask for an async one (load, step, score…), whose promise then never settles. So the
    // hook leaves the message on the global object and calls the package's callback, which
    // fails whatever the package awaits from the module with a typed `panic` error. The package
    // then throws this instance away (its heap and borrow flags are left mid-call) and reloads
    // the model in a fresh one (`__wbg_reset_state`, see scripts/build-wasm.sh).
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let global = js_sys::global();
        let message: JsValue = info.to_string().into();
        let _ = Reflect::set(&global, &PANIC_SLOT.into(), &message);
        if let Ok(f) = Reflect::get(&global, &PANIC_CALLBACK.into()) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call1(&JsValue::UNDEFINED, &message);
            }
        }
    }));
}

/// Panics inside a task of the module (the path of its async exports: load, step, score…), for
/// tests of the package's recovery. Not an input path.
#[wasm_bindgen(js_name = simulatePanicInTask)]
pub async fn simulate_panic_in_task() -> Result<(), JsValue> {
    panic!("simulated panic in a task (simulatePanicInTask)");
}

/// The crate's version (the npm package checks it matches its own).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

pub(crate) fn js_error(f: Failure) -> JsValue {
    let e = js_sys::Error::new(&f.message);
    e.set_name("TandemError");
    // Setting a property on a fresh Error cannot fail.
    let _ = Reflect::set(&e, &"kind".into(), &f.kind.into());
    e.into()
}

pub(crate) fn fail(kind: &'static str, message: impl Into<String>) -> JsValue {
    js_error(Failure::new(kind, message))
}

pub(crate) fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| fail("internal", e.to_string()))
}

/// `v` as `T` (undefined or null: `T` from `{}`); a value of the wrong shape fails with `kind`.
fn from_js<T: serde::de::DeserializeOwned>(
    v: JsValue,
    what: &str,
    kind: &'static str,
) -> Result<T, JsValue> {
    let v = if v.is_undefined() || v.is_null() {
        js_sys::Object::new().into()
    } else {
        v
    };
    serde_wasm_bindgen::from_value(v).map_err(|e| fail(kind, format!("{what}: {e}")))
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

/// Every stable error kind a call can fail with (the package's `TandemErrorKind` covers them).
#[wasm_bindgen(js_name = errorKinds)]
pub fn error_kinds() -> Vec<String> {
    crate::errors::kinds()
        .into_iter()
        .map(String::from)
        .collect()
}

fn top_js(text: &TextSide, top: &[TopToken]) -> Vec<TopLogprobJs> {
    top.iter()
        .map(|t| {
            let (token, bytes) = text.token_text(t.id);
            TopLogprobJs {
                id: t.id,
                token,
                bytes,
                logprob: t.logprob,
            }
        })
        .collect()
}

type Cell = Rc<RefCell<Option<Engine>>>;

/// The engine. Async methods take the engine out of its cell while they run, so a second call
/// meanwhile is a "busy" error, never a double borrow.
#[wasm_bindgen(js_name = Engine)]
pub struct WasmEngine {
    cell: Cell,
}

/// The engine, out of its cell for an async call; back in when dropped (whatever happens).
struct Taken {
    cell: Cell,
    engine: Option<Engine>,
}

impl Drop for Taken {
    fn drop(&mut self) {
        if let Ok(mut slot) = self.cell.try_borrow_mut() {
            *slot = self.engine.take();
        }
    }
}

impl std::ops::Deref for Taken {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        // Set from construction until drop.
        self.engine.as_ref().expect("taken engine")
    }
}

impl std::ops::DerefMut for Taken {
    fn deref_mut(&mut self) -> &mut Engine {
        self.engine.as_mut().expect("taken engine")
    }
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

    fn take(&self) -> Result<Taken, JsValue> {
        let engine = self
            .cell
            .try_borrow_mut()
            .map_err(|_| fail("busy", "the engine is busy"))?
            .take()
            .ok_or_else(|| fail("busy", "the engine is busy with a step"))?;
        Ok(Taken {
            cell: self.cell.clone(),
            engine: Some(engine),
        })
    }
}

fn engine_error(e: tandem_engine::Error) -> JsValue {
    js_error(e.into())
}

#[wasm_bindgen(js_class = Engine)]
impl WasmEngine {
    /// Loads a model (see `parts_from_js` for `files`) with `options` ({ backend, maxContext,
    /// prefillChunk, allowSubgroups, allowF16 }).
    pub async fn load(files: JsValue, options: JsValue) -> Result<WasmEngine, JsValue> {
        let opts: JsEngineOptions = from_js(options, "engine options", "invalid_options")?;
        let opts = opts.to_engine().map_err(js_error)?;
        let parts = parts_from_js(&files)?;
        let engine = Engine::load(parts, &opts).await.map_err(engine_error)?;
        Ok(WasmEngine {
            cell: Rc::new(RefCell::new(Some(engine))),
        })
    }

    pub fn info(&self) -> Result<JsValue, JsValue> {
        self.with(|e| {
            let c = e.config();
            to_js(&InfoJs {
                backend: e.backend().name(),
                adapter: e.adapter().map(String::from),
                fallback_reason: e.fallback_reason().map(String::from),
                architecture: c.architecture.name(),
                vocab_size: c.vocab_size,
                hidden_size: c.hidden_size,
                num_layers: c.num_hidden_layers,
                max_context: e.max_context(),
                has_tokenizer: e.text().maybe_tokenizer().is_some(),
                has_chat_template: e.text().chat_template().is_ok(),
                eos_token_ids: e.text().eos_ids().to_vec(),
                gpu_weight_bytes: e.gpu_weight_bytes(),
                cached_tokens: e.cached_ids().len(),
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
        let m = messages_from_js(messages)?;
        self.with(|e| e.text().render(&m).map_err(|x| js_error(x.into())))
    }

    /// The prompt ids for `messages`: the chat template rendered and tokenized.
    #[wasm_bindgen(js_name = promptIds)]
    pub fn prompt_ids(&self, messages: JsValue) -> Result<Vec<u32>, JsValue> {
        let m = messages_from_js(messages)?;
        self.with(|e| e.text().prompt_ids(&m).map_err(|x| js_error(x.into())))
    }

    pub fn encode(&self, text: &str, add_special: bool) -> Result<Vec<u32>, JsValue> {
        self.with(|e| {
            e.text()
                .encode(text, add_special)
                .map_err(|x| js_error(x.into()))
        })
    }

    pub fn decode(&self, ids: Vec<u32>, skip_special: bool) -> Result<String, JsValue> {
        self.with(|e| {
            e.text()
                .decode(&ids, skip_special)
                .map_err(|x| js_error(x.into()))
        })
    }

    /// Starts a generation after `prompt` with `params` in OpenAI's names ({ max_tokens,
    /// max_completion_tokens, temperature, top_p, top_k, repetition_penalty, seed, stop,
    /// stop_token_ids, ignore_eos, logprobs, top_logprobs, n }); returns the prompt tokens
    /// reused from the cache.
    pub fn begin(&self, prompt: Vec<u32>, params: JsValue) -> Result<usize, JsValue> {
        let keys = object_keys(&params);
        let js: RequestParams = from_js(params, "generation parameters", "invalid_request")?;
        self.with(|e| {
            let req = to_request(&js, &keys).map_err(js_error)?;
            let mut p = req.params.clone();
            p.stop_token_ids = e.text().stop_ids(&req);
            e.begin(&prompt, p, req.top_logprobs.unwrap_or(0))
                .map_err(engine_error)
        })
    }

    /// The next token (see shapes.rs `StepJs`).
    pub async fn step(&self) -> Result<JsValue, JsValue> {
        let mut e = self.take()?;
        let s = e.step().await.map_err(engine_error)?;
        let text = e.text();
        let (token, bytes) = text.token_text(s.id);
        to_js(&StepJs {
            id: s.id,
            text: s.text,
            token,
            bytes,
            logprob: s.logprob,
            entropy: s.entropy,
            top_logprobs: top_js(text, &s.top),
            finish_reason: s.finish,
        })
    }

    /// Ends the generation (`reason` "cancelled" when the caller stopped it) and returns it
    /// (shapes.rs `GenerationJs`).
    pub fn end(&self, reason: Option<String>) -> Result<JsValue, JsValue> {
        let reason = match reason.as_deref() {
            None => None,
            Some("cancelled") => Some(FinishReason::Cancelled),
            Some("length") => Some(FinishReason::Length),
            Some(other) => return Err(fail("invalid_request", format!("end reason {other:?}"))),
        };
        self.with(|e| {
            let ended = e.end(reason).map_err(engine_error)?;
            let g = ended.generation;
            to_js(&GenerationJs {
                ids: g.ids,
                text: g.text,
                logprobs: g.logprobs,
                entropies: g.entropies,
                finish_reason: g.finish_reason,
                prompt_tokens: ended.prompt_tokens,
                cached_tokens: ended.cached_tokens,
            })
        })
    }

    /// Keeps the first `n` cached tokens (a rejected draft leaves without recomputing the rest).
    pub fn rewind(&self, n: usize) -> Result<(), JsValue> {
        self.with(|e| e.rewind(n).map_err(engine_error))
    }

    /// Scores `ids` (a whole sequence; the cached prefix is reused) in one forward pass: each
    /// position from `from` on, with `topK` alternatives (shapes.rs `ScoreJs`).
    pub async fn score(
        &self,
        ids: Vec<u32>,
        from: usize,
        top_k: usize,
    ) -> Result<JsValue, JsValue> {
        let mut e = self.take()?;
        let s = e.score(&ids, from, top_k).await.map_err(engine_error)?;
        let text = e.text();
        let tokens = s
            .tokens
            .iter()
            .map(|t| {
                let (token, bytes) = text.token_text(t.id);
                ScoredTokenJs {
                    id: t.id,
                    token,
                    bytes,
                    logprob: t.logprob,
                    entropy: t.entropy,
                    top_logprobs: top_js(text, &t.top),
                }
            })
            .collect();
        to_js(&ScoreJs {
            tokens,
            next: NextJs {
                entropy: s.next_entropy,
                top_logprobs: top_js(text, &s.next_top),
            },
            cached_tokens: s.cached_tokens,
        })
    }

    /// Up to `k` tokens the model proposes after `ids` (a whole sequence; the cached prefix is
    /// reused, the rest of the cache rewound), stopping after an end-of-sequence token:
    /// greedy at temperature 0, else drawn from its top 20 at `temperature` with the seeded
    /// generator (shapes.rs `DraftJs`).
    pub async fn draft(
        &self,
        ids: Vec<u32>,
        k: usize,
        temperature: f32,
        seed: u32,
    ) -> Result<JsValue, JsValue> {
        let mut e = self.take()?;
        let stops = e.text().eos_ids().to_vec();
        let mut rng = tandem_core::sampling::Rng::new(u64::from(seed));
        let d = e
            .draft(&ids, k, temperature, &mut rng, &stops)
            .await
            .map_err(engine_error)?;
        to_js(&DraftJs {
            ids: d.ids,
            dists: d.dists,
        })
    }

    /// The prompt's pooled final-norm hidden states (shapes.rs `FeaturesJs`).
    #[wasm_bindgen(js_name = promptFeatures)]
    pub async fn prompt_features(&self) -> Result<JsValue, JsValue> {
        let mut e = self.take()?;
        let f = e.prompt_features().await.map_err(engine_error)?;
        to_js(&FeaturesJs {
            mean: f.mean,
            last: f.last,
            tokens: f.tokens,
        })
    }

    /// After a "device_lost" error: rebuilds the engine on the CPU from the same model's
    /// `files`; the generation in progress carries on at the next `step()`.
    #[wasm_bindgen(js_name = useCpu)]
    pub fn use_cpu(&self, files: JsValue) -> Result<(), JsValue> {
        let mut parts = parts_from_js(&files)?;
        self.with(|e| e.use_cpu(&mut parts.weights).map_err(engine_error))
    }

    /// Panics inside the engine (tests of the package's recovery: a panic must reach JS as a
    /// typed error and the next request must find a working engine). Not an input path.
    #[wasm_bindgen(js_name = simulatePanic)]
    pub fn simulate_panic(&self) -> Result<(), JsValue> {
        self.with(|_| -> Result<(), JsValue> {
            panic!("simulated panic (Engine.simulatePanic)");
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

fn messages_from_js(messages: JsValue) -> Result<Vec<tandem_core::ChatMessage>, JsValue> {
    let m: Vec<JsMessage> = serde_wasm_bindgen::from_value(messages)
        .map_err(|e| fail("invalid_request", format!("messages: {e}")))?;
    Ok(to_messages(&m))
}

/// The own enumerable keys of a JS object (none for undefined/null).
fn object_keys(v: &JsValue) -> Vec<String> {
    if !v.is_object() {
        return Vec::new();
    }
    js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect()
}
