//! The `#[wasm_bindgen]` surface of tandem-collab: the routing rules, the learned router, token
//! uncertainty, the cascade check and answer normalisation, as plain functions and one class.
//! Pure and synchronous: no engine, no I/O. Objects cross as tandem-collab's serde types
//! (snake_case; declared in the package's wasm-types.ts and checked by tests/ts_shapes.rs);
//! inputs are read from their JSON text (collab_inputs.rs: unknown keys are errors).
use tandem_collab::{self as collab, Router, TokenStats};
use wasm_bindgen::prelude::*;

use crate::bindings::{js_error, to_js};
use crate::collab_inputs::{parse, signal};

/// The JSON text of a JS value (`None` for undefined, functions, symbols).
fn json_text(v: &JsValue) -> Result<Option<String>, JsValue> {
    if v.is_undefined() {
        return Ok(None);
    }
    let s = js_sys::JSON::stringify(v).map_err(|_| {
        js_error(crate::errors::Failure::new(
            "invalid_input",
            "a value that is not plain data (a cycle or a BigInt)",
        ))
    })?;
    Ok(s.as_string())
}

pub(crate) fn input<T: serde::de::DeserializeOwned>(what: &str, v: &JsValue) -> Result<T, JsValue> {
    parse(what, json_text(v)?.as_deref()).map_err(js_error)
}

fn collab_error(e: collab::Error) -> JsValue {
    js_error(e.into())
}

/// The route of a request by the rules' precedence (tandem-collab `decide`): `context` is a
/// `Context`, `score` an optional `Score`; returns a `Decision`. Never fails on a well-formed
/// context; a malformed one (unknown key, wrong type) is kind `invalid_input`.
#[wasm_bindgen]
pub fn decide(context: JsValue, score: JsValue) -> Result<JsValue, JsValue> {
    let ctx: collab::Context = input("context", &context)?;
    let score: Option<collab::Score> = if score.is_undefined() || score.is_null() {
        None
    } else {
        Some(input("score", &score)?)
    };
    to_js(&collab::decide(&ctx, score.as_ref()))
}

/// The cascade's `Decision` once the local model has answered: `context` as for `decide`,
/// `escalation` the `Escalation` of `shouldEscalate`, `threshold` the cascade rule's.
#[wasm_bindgen(js_name = decideAfterLocal)]
pub fn decide_after_local(
    context: JsValue,
    escalation: JsValue,
    threshold: f32,
) -> Result<JsValue, JsValue> {
    let ctx: collab::Context = input("context", &context)?;
    let esc: collab::Escalation = input("escalation", &escalation)?;
    to_js(&collab::decide_after_local(&ctx, &esc, threshold))
}

/// The next speculative round's plan (tandem-collab `plan_speculation`): `acceptance` an
/// `Acceptance` ({accepted, rejected} draft tokens so far), `costs` the measured `Costs` (ms),
/// `config` a `SpeculativeConfig` (every field optional); returns a `Plan` (draft `k` tokens,
/// or `mode: "stream"` when plain server streaming wins the objective), with its reason.
#[wasm_bindgen(js_name = planSpeculation)]
pub fn plan_speculation(
    acceptance: JsValue,
    costs: JsValue,
    config: JsValue,
) -> Result<JsValue, JsValue> {
    let acc: collab::Acceptance = input("acceptance", &acceptance)?;
    let costs: collab::Costs = input("costs", &costs)?;
    let cfg: collab::SpeculativeConfig = if config.is_undefined() || config.is_null() {
        collab::SpeculativeConfig::default()
    } else {
        input("config", &config)?
    };
    to_js(&collab::plan_speculation(&acc, &costs, &cfg).map_err(collab_error)?)
}

/// A generation's uncertainty summary (`TokenStats`) from each token's logprob and entropy.
#[wasm_bindgen(js_name = tokenStats)]
pub fn token_stats(logprobs: &[f32], entropies: &[f32]) -> Result<JsValue, JsValue> {
    to_js(&TokenStats::from_tokens(logprobs, entropies).map_err(collab_error)?)
}

/// The uncertainty score of `signal` (higher = more uncertain) for `stats`.
#[wasm_bindgen(js_name = uncertaintyScore)]
pub fn uncertainty_score(stats: JsValue, signal_name: &str) -> Result<f32, JsValue> {
    let stats: TokenStats = input("stats", &stats)?;
    let sig = signal(signal_name).map_err(js_error)?;
    Ok(collab::uncertainty_score(&stats, sig))
}

/// The cascade's verdict (`Escalation`) for a local generation's `stats`.
#[wasm_bindgen(js_name = shouldEscalate)]
pub fn should_escalate(
    stats: JsValue,
    signal_name: &str,
    threshold: f32,
) -> Result<JsValue, JsValue> {
    let stats: TokenStats = input("stats", &stats)?;
    let sig = signal(signal_name).map_err(js_error)?;
    to_js(&collab::should_escalate(&stats, sig, threshold).map_err(collab_error)?)
}

/// A completion's last non-empty line, trimmed, lower-cased, whitespace collapsed.
#[wasm_bindgen(js_name = normalizeAnswer)]
pub fn normalize_answer(text: &str) -> String {
    collab::normalize(text)
}

/// Whether the completion's final line equals the answer (both normalised).
#[wasm_bindgen(js_name = isCorrect)]
pub fn is_correct(completion: &str, answer: &str) -> bool {
    collab::is_correct(completion, answer)
}

/// Whether two completions' final lines agree (both normalised; empty never agrees).
#[wasm_bindgen(js_name = answersAgree)]
pub fn answers_agree(a: &str, b: &str) -> bool {
    collab::agree(a, b)
}

/// The training label of a user's `feedback` (`up`, `down`, `ask_server`) on an answer of
/// `route` (`local`, `server`): true = wanted the server, false = the local answer was fine,
/// undefined = no label (tandem-collab's `personal` module says why). Kind `invalid_input` for
/// an unknown name.
#[wasm_bindgen(js_name = feedbackLabel)]
pub fn feedback_label(feedback: &str, route: &str) -> Result<Option<bool>, JsValue> {
    let f: collab::Feedback = feedback.parse().map_err(collab_error)?;
    let r: collab::Route = route.parse().map_err(collab_error)?;
    Ok(collab::personal::label(f, r))
}

/// Policy `token-defer`'s verdict on one local token (tandem-collab `DeferRule::check`): `rule`
/// a `DeferRule`, the token's `logprob`, the distribution's `entropy` and its `top` logprobs
/// (likeliest first; the first two give `margin`). Plain numbers, not JSON: a non-finite value
/// (the local model's numbers broke) must reach the rule, which defers it, and JSON has no NaN.
/// Returns a `Deferral`; kind `invalid_input` for a malformed rule or a non-finite threshold.
#[wasm_bindgen(js_name = deferCheck)]
pub fn defer_check(
    rule: JsValue,
    logprob: f32,
    entropy: f32,
    top: &[f32],
) -> Result<JsValue, JsValue> {
    let rule: collab::DeferRule = input("rule", &rule)?;
    // Only the logprobs matter to the margin; the ids are not read.
    let top: Vec<(u32, f32)> = top.iter().map(|&l| (0, l)).collect();
    let token = collab::TokenUncertainty::from_step(logprob, entropy, &top);
    to_js(&rule.check(&token).map_err(collab_error)?)
}

/// Policy `fusion`'s next-token distribution (tandem-collab `fuse`): `local` and `server` are
/// `[id, logprob]` lists (likeliest first) over `vocab` tokens, `config` a `FusionConfig`
/// (undefined: weight 0.5, temperature 1). Returns a `Fused` (every listed token, likeliest
/// first). Kind `invalid_input` for an empty list, an id outside the vocabulary or listed
/// twice, a non-finite or positive logprob, a weight outside [0, 1] or a temperature ≤ 0.
#[wasm_bindgen]
pub fn fuse(
    local: JsValue,
    server: JsValue,
    vocab: usize,
    config: JsValue,
) -> Result<JsValue, JsValue> {
    let local: Vec<(u32, f32)> = input("local", &local)?;
    let server: Vec<(u32, f32)> = input("server", &server)?;
    let cfg: collab::FusionConfig = if config.is_undefined() || config.is_null() {
        collab::FusionConfig::default()
    } else {
        input("config", &config)?
    };
    to_js(&collab::fuse(&local, &server, vocab, &cfg).map_err(collab_error)?)
}

/// A learned router (router.json, `tandem-router/1`), validated when read.
#[wasm_bindgen(js_name = Router)]
pub struct WasmRouter {
    inner: Router,
}

#[wasm_bindgen(js_class = Router)]
impl WasmRouter {
    /// Parses and validates router.json's text (kinds `invalid_router`,
    /// `unsupported_router_version`).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<WasmRouter, JsValue> {
        let inner = Router::from_json(text).map_err(collab_error)?;
        Ok(WasmRouter { inner })
    }

    /// The score in [0, 1] that `features` (the local engine's prompt features: mean then last
    /// hidden state) need the server. Kinds `feature_dim`, `invalid_input`.
    pub fn score(&self, features: &[f32]) -> Result<f32, JsValue> {
        self.inner.score(features).map_err(collab_error)
    }

    /// The score as `decide` takes it: `{ name: "router", value, threshold }`.
    #[wasm_bindgen(js_name = routeScore)]
    pub fn route_score(&self, features: &[f32]) -> Result<JsValue, JsValue> {
        to_js(&self.inner.route_score(features).map_err(collab_error)?)
    }

    #[wasm_bindgen(getter)]
    pub fn threshold(&self) -> f32 {
        self.inner.threshold
    }

    /// The feature vector's length.
    #[wasm_bindgen(getter)]
    pub fn dim(&self) -> usize {
        self.inner.dim
    }

    #[wasm_bindgen(getter, js_name = targetShare)]
    pub fn target_share(&self) -> f32 {
        self.inner.target_share
    }

    /// The cascade rule router.json carries (`CascadeRule`), or null.
    #[wasm_bindgen(getter)]
    pub fn cascade(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.cascade)
    }

    /// Learns one feedback event on the device (tandem-collab `Router::learn`): `features`
    /// wanted the server (`wants_server`) or not; `rate` in (0, 4] and `l2` in [0, 1) default
    /// to tandem-collab's `LearnParams`. Returns `Learned` ({before, after, events}); on an
    /// error (kinds `feature_dim`, `invalid_input`) the router is unchanged.
    pub fn learn(
        &mut self,
        features: &[f32],
        wants_server: bool,
        rate: Option<f32>,
        l2: Option<f32>,
    ) -> Result<JsValue, JsValue> {
        let d = collab::LearnParams::default();
        let params = collab::LearnParams {
            rate: rate.unwrap_or(d.rate),
            l2: l2.unwrap_or(d.l2),
        };
        let learned = self.inner.learn(features, wants_server, &params);
        to_js(&learned.map_err(collab_error)?)
    }

    /// Feedback events learned (0 for a router as fitted).
    #[wasm_bindgen(getter)]
    pub fn events(&self) -> f64 {
        // A JS number: exact up to 2^53 events.
        self.inner.events() as f64
    }

    /// router.json's text again (validated).
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsValue> {
        self.inner.to_json().map_err(collab_error)
    }
}
