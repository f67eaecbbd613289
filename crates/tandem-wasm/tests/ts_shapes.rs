//! The npm package declares the binding's data by hand in web/packages/tandem/src/wasm-types.ts;
//! this test keeps the two sides equal. It serializes samples of every `tandem_wasm::shapes`
//! struct and of the tandem-collab types the binding returns (one with every option set and every
//! list filled, one with none) and checks each against the TS interface of the same role: the
//! same keys, recursively, and JSON types that fit the declared TS types (`null` only where TS
//! allows it). The tandem-collab types JS passes in (a routing context, a score, router.json)
//! are checked the other way too: a key TS may leave out (`name?:`) is one Rust does without,
//! and a key TS may set to `null` is one Rust reads as absent. It also checks the TS unions of
//! finish reasons, routes, rules, signals, router labels, PII types, privacy levels and error kinds
//! (`tandem_wasm::errors::kinds()`) against the Rust values, the keys of `begin`'s parameters
//! against `RequestParams::KEYS`, and that package.json's version is the crate's.
//!
//! The samples are struct literals, so a field added in Rust stops this file compiling until
//! the sample (and then the TS) has it. A new struct in `shapes` needs a sample and a `SHAPES`
//! entry here.
//!
//! The TS parser is a line parser: `export interface Name {` … `}` and `export type Name =` …
//! `;`, one field or one union member per line, comments on lines of their own.
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use tandem_collab::{
    Acceptance, Budget, CascadeRule, Context, Costs, Decision, Escalation, Mode, Objective, Plan,
    Route, Router, RouterKind, RouterLabel, Rule, Score, Signal, SpeculativeConfig, TokenStats,
};
use tandem_core::FinishReason;
use tandem_privacy::{ConversationRedaction, Entity, EntityType, Level, Policy, Redacted, Slot};
use tandem_wasm::shapes::{
    DraftJs, FeaturesJs, GenerationJs, InfoJs, NextJs, RestoredChunkJs, ScoreJs, ScoredTokenJs,
    StepJs, TopLogprobJs,
};

/// Rust struct → TS interface.
const SHAPES: &[(&str, &str)] = &[
    ("InfoJs", "WasmInfo"),
    ("TopLogprobJs", "WasmTopLogprob"),
    ("StepJs", "WasmStep"),
    ("GenerationJs", "WasmGeneration"),
    ("ScoredTokenJs", "WasmScoredToken"),
    ("NextJs", "WasmNext"),
    ("ScoreJs", "WasmScore"),
    ("FeaturesJs", "WasmFeatures"),
    ("Decision", "WasmDecision"),
    ("TokenStats", "WasmTokenStats"),
    ("Escalation", "WasmEscalation"),
    ("Entity", "WasmPiiEntity"),
    ("ConversationRedaction", "WasmConversationRedaction"),
    ("RestoredChunkJs", "WasmRestoredChunk"),
    ("DraftJs", "WasmDraft"),
    ("Plan", "WasmSpeculationPlan"),
    ("Learned", "WasmLearned"),
    ("Deferral", "WasmDeferral"),
    ("Fused", "WasmFused"),
];

/// Whether Rust reads a JSON value as its input type.
type Accepts = fn(&Value) -> bool;

fn accepts<T: DeserializeOwned>(v: &Value) -> bool {
    serde_json::from_value::<T>(v.clone()).is_ok()
}

/// Rust input type → TS interface, with the sample (every field set) and its reader.
fn inputs() -> Vec<(&'static str, &'static str, Value, Accepts)> {
    vec![
        (
            "Context",
            "WasmContext",
            json(&context()),
            accepts::<Context>,
        ),
        ("Budget", "WasmBudget", json(&budget()), accepts::<Budget>),
        ("Score", "WasmRouteScore", json(&score()), accepts::<Score>),
        (
            "CascadeRule",
            "WasmCascadeRule",
            json(&cascade_rule()),
            accepts::<CascadeRule>,
        ),
        (
            "Router",
            "WasmRouterJson",
            json(&router()),
            accepts::<Router>,
        ),
        ("Slot", "WasmSlot", json(&slot()), accepts::<Slot>),
        (
            "Policy",
            "WasmPrivacyPolicy",
            json(&Policy::redact_all().with(EntityType::Email, Level::LocalOnly)),
            accepts::<Policy>,
        ),
        (
            "Acceptance",
            "WasmAcceptance",
            json(&Acceptance {
                accepted: 7,
                rejected: 2,
            }),
            accepts::<Acceptance>,
        ),
        (
            "Costs",
            "WasmCosts",
            json(&Costs {
                rtt_ms: 50.0,
                draft_ms: 2.0,
                verify_ms: 10.0,
                stream_ms: 9.0,
            }),
            accepts::<Costs>,
        ),
        (
            "DeferRule",
            "WasmDeferRule",
            json(&tandem_collab::DeferRule {
                signal: tandem_collab::TokenSignal::Entropy,
                threshold: 0.5,
                target_share: Some(0.2),
            }),
            accepts::<tandem_collab::DeferRule>,
        ),
        (
            "FusionConfig",
            "WasmFusionConfig",
            json(&tandem_collab::FusionConfig {
                weight: 0.7,
                temperature: 1.0,
            }),
            accepts::<tandem_collab::FusionConfig>,
        ),
        (
            "SpeculativeConfig",
            "WasmSpeculativeConfig",
            json(&SpeculativeConfig {
                objective: Objective::ServerCost,
                ..Default::default()
            }),
            accepts::<SpeculativeConfig>,
        ),
    ]
}

fn package_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../web/packages/tandem")
}

fn read(rel: &str) -> String {
    let p = package_dir().join(rel);
    fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

// ---- the TS side ----

#[derive(Debug)]
struct Field {
    name: String,
    optional: bool,
    ty: String,
}

#[derive(Debug, Default)]
struct Ts {
    interfaces: BTreeMap<String, Vec<Field>>,
    /// Type aliases, as their `|` members (string literals unquoted).
    unions: BTreeMap<String, Vec<String>>,
}

fn is_comment(line: &str) -> bool {
    line.is_empty() || line.starts_with("//") || line.starts_with("/*") || line.starts_with('*')
}

fn parse_ts(src: &str, file: &str) -> Ts {
    enum State {
        Top,
        Interface(String, Vec<Field>),
        Union(String, Vec<String>),
    }
    fn members(text: &str, out: &mut Vec<String>) {
        for m in text.split('|') {
            let m = m.trim().trim_end_matches(';').trim();
            if !m.is_empty() {
                out.push(m.trim_matches('\'').to_string());
            }
        }
    }
    let mut ts = Ts::default();
    let mut state = State::Top;
    for (n, raw) in src.lines().enumerate() {
        let line = raw.trim();
        let at = || format!("{file}:{}: {raw}", n + 1);
        if is_comment(line) {
            continue;
        }
        state = match state {
            State::Top => {
                if let Some(rest) = line.strip_prefix("export interface ") {
                    let name = rest
                        .strip_suffix(" {")
                        .unwrap_or_else(|| panic!("{}: expected `export interface Name {{`", at()));
                    assert!(!name.contains(' '), "{}: no `extends` here", at());
                    State::Interface(name.to_string(), Vec::new())
                } else if let Some(rest) = line.strip_prefix("export type ") {
                    let (name, rhs) = rest
                        .split_once('=')
                        .unwrap_or_else(|| panic!("{}: expected `export type Name =`", at()));
                    let mut m = Vec::new();
                    members(rhs, &mut m);
                    if line.ends_with(';') {
                        ts.unions.insert(name.trim().to_string(), m);
                        State::Top
                    } else {
                        State::Union(name.trim().to_string(), m)
                    }
                } else {
                    State::Top
                }
            }
            State::Interface(name, mut fields) => {
                if line == "}" {
                    ts.interfaces.insert(name, fields);
                    State::Top
                } else {
                    let decl = line.trim_end_matches(';');
                    let (lhs, ty) = decl
                        .split_once(':')
                        .unwrap_or_else(|| panic!("{}: expected `name: type;`", at()));
                    // Methods (`name(args): T`) are not data.
                    if !lhs.contains('(') {
                        let lhs = lhs.trim().trim_start_matches("readonly ").trim();
                        let optional = lhs.ends_with('?');
                        fields.push(Field {
                            name: lhs.trim_end_matches('?').to_string(),
                            optional,
                            ty: ty.trim().to_string(),
                        });
                    }
                    State::Interface(name, fields)
                }
            }
            State::Union(name, mut m) => {
                assert!(line.starts_with('|'), "{}: one `| member` per line", at());
                members(line, &mut m);
                if line.ends_with(';') {
                    ts.unions.insert(name, m);
                    State::Top
                } else {
                    State::Union(name, m)
                }
            }
        };
    }
    assert!(
        matches!(state, State::Top),
        "{file}: unterminated declaration"
    );
    ts
}

// ---- comparing a JSON value with a TS type ----

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

impl Ts {
    /// Appends to `errs` where `v` (at `path`) does not fit the TS type `ty`.
    fn check_type(&self, ty: &str, v: &Value, path: &str, errs: &mut Vec<String>) {
        let alts: Vec<&str> = ty.split('|').map(str::trim).collect();
        let fits = |alt: &str| -> bool {
            match v {
                Value::Null => alt == "null",
                Value::Bool(_) => alt == "boolean",
                Value::Number(_) => alt == "number",
                Value::String(s) => {
                    alt == "string"
                        || alt.trim_matches('\'') == s && alt.starts_with('\'')
                        || self.unions.get(alt).is_some_and(|m| m.contains(s))
                }
                Value::Array(_) => alt.ends_with("[]"),
                Value::Object(_) => self.interfaces.contains_key(alt) || record(alt).is_some(),
            }
        };
        let Some(alt) = alts.iter().copied().find(|a| fits(a)) else {
            let shown = match v {
                Value::Null => String::new(),
                _ => format!(" {v}"),
            };
            errs.push(format!("{path}: {}{shown} does not fit TS `{ty}`", kind(v)));
            return;
        };
        match v {
            Value::Array(items) => {
                let elem = alt.strip_suffix("[]").unwrap_or(alt); // one level: `T[][]` holds `T[]`
                for item in items {
                    self.check_type(elem, item, &format!("{path}[]"), errs);
                }
            }
            Value::Object(obj) => match record(alt) {
                Some(elem) => {
                    for (k, item) in obj {
                        self.check_type(elem, item, &format!("{path}.{k}"), errs);
                    }
                }
                None => self.check_interface(alt, v, path, errs),
            },
            _ => {}
        }
    }

    /// An input: the keys and types as for an output (optional keys allowed), then, per TS
    /// field, what Rust does with the key left out (accepted exactly when TS marks it optional)
    /// and with it set to null (accepted exactly when the TS type includes `null`).
    fn check_input(
        &self,
        iface: &str,
        full: &Value,
        reads: Accepts,
        path: &str,
        errs: &mut Vec<String>,
    ) {
        if !reads(full) {
            errs.push(format!("{path}: Rust does not read its own sample"));
        }
        let mut shape = Vec::new();
        self.check_interface(iface, full, path, &mut shape);
        errs.extend(
            shape
                .into_iter()
                .filter(|e| !e.contains("Rust always sends it")),
        );
        let (Some(fields), Value::Object(obj)) = (self.interfaces.get(iface), full) else {
            return;
        };
        for f in fields {
            let mut without = obj.clone();
            without.remove(&f.name);
            if reads(&Value::Object(without)) != f.optional {
                errs.push(format!(
                    "{path}.{}: TS says {}, Rust {} without it",
                    f.name,
                    if f.optional { "optional" } else { "required" },
                    if f.optional { "fails" } else { "reads it" },
                ));
            }
            let mut null = obj.clone();
            null.insert(f.name.clone(), Value::Null);
            let ts_null = f.ty.split('|').any(|a| a.trim() == "null");
            if reads(&Value::Object(null)) != ts_null {
                errs.push(format!(
                    "{path}.{}: null is {} in TS, {} by Rust",
                    f.name,
                    if ts_null { "allowed" } else { "not allowed" },
                    if ts_null { "refused" } else { "accepted" },
                ));
            }
        }
    }

    fn check_interface(&self, iface: &str, v: &Value, path: &str, errs: &mut Vec<String>) {
        let Some(fields) = self.interfaces.get(iface) else {
            errs.push(format!(
                "{path}: no `export interface {iface}` in wasm-types.ts"
            ));
            return;
        };
        let Value::Object(obj) = v else {
            errs.push(format!(
                "{path}: {} where TS has interface {iface}",
                kind(v)
            ));
            return;
        };
        let rust: BTreeSet<&str> = obj.keys().map(String::as_str).collect();
        let ts: BTreeSet<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        for k in rust.difference(&ts) {
            errs.push(format!(
                "{path}: Rust sends `{k}`, {iface} does not declare it"
            ));
        }
        for k in ts.difference(&rust) {
            errs.push(format!(
                "{path}: {iface} declares `{k}`, Rust does not send it"
            ));
        }
        for f in fields {
            if f.optional {
                errs.push(format!(
                    "{path}.{}: Rust always sends it: not optional in {iface}",
                    f.name
                ));
            }
            if let Some(val) = obj.get(&f.name) {
                self.check_type(&f.ty, val, &format!("{path}.{}", f.name), errs);
            }
        }
    }

    fn union(&self, name: &str, file: &str) -> BTreeSet<String> {
        self.unions
            .get(name)
            .unwrap_or_else(|| panic!("no `export type {name} =` in {file}"))
            .iter()
            .cloned()
            .collect()
    }
}

/// `Record<string, T>` → `T`.
fn record(ty: &str) -> Option<&str> {
    ty.strip_prefix("Record<string, ")?.strip_suffix('>')
}

// ---- the Rust side: samples ----

fn budget() -> Budget {
    Budget {
        calls_today: 3,
        max_calls_per_day: Some(20),
        tokens_today: 900,
        max_tokens_per_day: Some(50_000),
    }
}

fn context() -> Context {
    Context {
        privacy: Some("health".into()),
        online: true,
        server_available: true,
        budget: Some(budget()),
        rtt_ms: Some(120.5),
        latency_target_ms: Some(800.0),
        metered: Some(false),
        battery_low: Some(true),
        sticky: Some(Route::Server),
        forced: Some(Route::Local),
        local_fits: Some(false),
    }
}

fn score() -> Score {
    Score {
        name: "router".into(),
        value: 0.75,
        threshold: 0.5,
    }
}

fn cascade_rule() -> CascadeRule {
    CascadeRule {
        signal: Signal::Q10,
        threshold: 2.5,
    }
}

fn router() -> Router {
    Router {
        version: tandem_collab::ROUTER_VERSION.into(),
        kind: RouterKind::Logistic,
        dim: 2,
        mean: vec![0.0, 1.0],
        scale: vec![1.0, 2.0],
        weights: vec![0.5, -0.5],
        bias: 0.1,
        threshold: 0.4,
        target_share: 0.3,
        label: RouterLabel::Disagreement,
        cascade: Some(cascade_rule()),
        token_defer: Some(tandem_collab::DeferRule {
            signal: tandem_collab::TokenSignal::Margin,
            threshold: -1.5,
            target_share: Some(0.2),
        }),
        trained_on: 100,
        notes: "sample".into(),
        personal: Some(tandem_collab::Personal {
            events: 3,
            base_weights: vec![0.25, -0.25],
            base_bias: 0.0,
        }),
    }
}

/// Every rule; a new variant stops the match below compiling.
fn rules() -> Vec<Rule> {
    use Rule::*;
    let all = vec![
        Privacy,
        Offline,
        ServerUnreachable,
        CallBudget,
        TokenBudget,
        Policy,
        LocalContext,
        Latency,
        Metered,
        BatteryLow,
        Sticky,
        Score,
        NoScore,
        Cascade,
    ];
    for r in &all {
        match r {
            Privacy | Offline | ServerUnreachable | CallBudget | TokenBudget | Policy
            | LocalContext | Latency | Metered | BatteryLow | Sticky | Score | NoScore
            | Cascade => {}
        }
    }
    all
}

fn top(id: u32, logprob: f32) -> TopLogprobJs {
    TopLogprobJs {
        id,
        token: "é".into(),
        bytes: vec![0xc3, 0xa9],
        logprob,
    }
}

fn json<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("serializes")
}

/// Per Rust struct name: a sample with every option set and every list filled, and one with
/// every option unset and every list empty.
fn samples() -> Vec<(&'static str, Vec<Value>)> {
    let info = |full: bool| InfoJs {
        backend: if full { "webgpu" } else { "lost" },
        adapter: full.then(|| "swiftshader".into()),
        fallback_reason: full.then(|| "no adapter".into()),
        architecture: "llama",
        vocab_size: 256,
        hidden_size: 64,
        num_layers: 2,
        max_context: 4096,
        has_tokenizer: full,
        has_chat_template: full,
        eos_token_ids: if full { vec![2] } else { vec![] },
        gpu_weight_bytes: 1 << 20,
        cached_tokens: 12,
    };
    let tops = |full: bool| {
        if full {
            vec![top(7, -0.1), top(8, -2.5)]
        } else {
            vec![]
        }
    };
    let step = |full: bool| StepJs {
        id: 7,
        text: if full { "é".into() } else { String::new() },
        token: "é".into(),
        bytes: vec![0xc3, 0xa9],
        logprob: -0.1,
        entropy: 1.5,
        top_logprobs: tops(full),
        finish_reason: full.then_some(FinishReason::StopToken),
    };
    let generation = |full: bool| GenerationJs {
        ids: if full { vec![7, 8] } else { vec![] },
        text: "é".into(),
        logprobs: if full { vec![-0.1, -0.2] } else { vec![] },
        entropies: if full { vec![1.5, 0.5] } else { vec![] },
        finish_reason: FinishReason::Length,
        prompt_tokens: 5,
        cached_tokens: 3,
    };
    let scored = |full: bool| ScoredTokenJs {
        id: 7,
        token: "é".into(),
        bytes: vec![0xc3, 0xa9],
        logprob: -0.1,
        entropy: 1.5,
        top_logprobs: tops(full),
    };
    let next = |full: bool| NextJs {
        entropy: 0.5,
        top_logprobs: tops(full),
    };
    let score = |full: bool| ScoreJs {
        tokens: if full {
            vec![scored(true), scored(false)]
        } else {
            vec![]
        },
        next: next(full),
        cached_tokens: 4,
    };
    let features = |full: bool| FeaturesJs {
        mean: if full { vec![0.5, -1.0] } else { vec![] },
        last: if full { vec![0.25, 2.0] } else { vec![] },
        tokens: 9,
    };
    let decision = |full: bool| Decision {
        route: Route::Server,
        rule: Rule::Score,
        reason: "router: score 0.75 > threshold 0.50".into(),
        scores: if full {
            [
                ("router".to_string(), 0.75),
                ("router_threshold".into(), 0.5),
            ]
            .into()
        } else {
            Default::default()
        },
    };
    let stats = |full: bool| {
        if full {
            TokenStats::from_tokens(&[-0.5, -2.0], &[1.0, 0.25]).expect("stats")
        } else {
            TokenStats::default()
        }
    };
    let entity = Entity {
        kind: EntityType::Person,
        value: "Zoë".into(),
        start: 0,
        end: 4,
    };
    let escalation = Escalation {
        escalate: true,
        reason: "cascade: q10 logprob -3.60 below -2.50 → escalate".into(),
        score: 3.6,
    };
    let both = |f: &dyn Fn(bool) -> Value| vec![f(true), f(false)];
    vec![
        ("InfoJs", both(&|b| json(&info(b)))),
        ("TopLogprobJs", vec![json(&top(3, -1.0))]),
        ("StepJs", both(&|b| json(&step(b)))),
        ("GenerationJs", both(&|b| json(&generation(b)))),
        ("ScoredTokenJs", both(&|b| json(&scored(b)))),
        ("NextJs", both(&|b| json(&next(b)))),
        ("ScoreJs", both(&|b| json(&score(b)))),
        ("FeaturesJs", both(&|b| json(&features(b)))),
        ("Decision", both(&|b| json(&decision(b)))),
        ("TokenStats", both(&|b| json(&stats(b)))),
        ("Escalation", vec![json(&escalation)]),
        ("Entity", vec![json(&entity)]),
        ("ConversationRedaction", both(&|b| json(&redaction(b)))),
        (
            "RestoredChunkJs",
            vec![json(&RestoredChunkJs {
                ready: "Dear Zoë".into(),
                pending: "[PER".into(),
            })],
        ),
        (
            "DraftJs",
            vec![
                json(&DraftJs {
                    ids: vec![7, 8],
                    dists: Some(vec![vec![(7, 0.75), (9, 0.25)], vec![(8, 1.0)]]),
                }),
                json(&DraftJs {
                    ids: vec![],
                    dists: None,
                }),
            ],
        ),
        (
            "Deferral",
            vec![json(&tandem_collab::Deferral {
                defer: true,
                score: 0.9,
                reason: "token-defer: entropy 0.90 above 0.50 → server".into(),
            })],
        ),
        (
            "Fused",
            vec![
                json(&tandem_collab::Fused {
                    tokens: vec![(7, -0.25), (9, -1.5)],
                    rest_logprob: -12.0,
                    rest_count: 254,
                }),
                json(&tandem_collab::Fused {
                    tokens: vec![],
                    rest_logprob: -5.5,
                    rest_count: 256,
                }),
            ],
        ),
        (
            "Learned",
            vec![json(&tandem_collab::Learned {
                before: 0.25,
                after: 0.5,
                events: 3,
            })],
        ),
        (
            "Plan",
            [Mode::Speculate { k: 4 }, Mode::Stream]
                .into_iter()
                .map(|mode| {
                    json(&Plan {
                        mode,
                        k: 4,
                        alpha: 0.8,
                        tokens_per_round: 3.4,
                        speculative_ms_per_token: 20.0,
                        stream_ms_per_token: 10.0,
                        speculative_passes_per_token: 0.29,
                        reason: "speculate: 0.29 passes per token".into(),
                    })
                })
                .collect(),
        ),
    ]
}

fn slot() -> Slot {
    Slot {
        kind: EntityType::Email,
        value: "A@b.io".into(),
        placeholder: "[EMAIL_1]".into(),
        key: "a@b.io".into(),
    }
}

fn redaction(full: bool) -> ConversationRedaction {
    let e = Redacted {
        kind: EntityType::Email,
        value: "A@b.io".into(),
        placeholder: "[EMAIL_1]".into(),
        start: 0,
        end: 6,
    };
    ConversationRedaction {
        redacted: if full {
            vec!["[EMAIL_1]".into()]
        } else {
            vec![]
        },
        entities: if full { vec![vec![e]] } else { vec![] },
        local_only: if full {
            vec![EntityType::Email]
        } else {
            vec![]
        },
        slots: if full { vec![slot()] } else { vec![] },
    }
}

/// Every finish reason; a new variant stops the match below compiling.
fn finish_reasons() -> Vec<FinishReason> {
    use FinishReason::*;
    let all = vec![Length, StopToken, StopString, ContextFull, Cancelled];
    for f in &all {
        match f {
            Length | StopToken | StopString | ContextFull | Cancelled => {}
        }
    }
    all
}

// ---- the tests ----

#[test]
fn every_shape_matches_its_ts_interface() {
    let ts = parse_ts(&read("src/wasm-types.ts"), "wasm-types.ts");
    let samples = samples();
    let mut errs = Vec::new();
    for (rust, iface) in SHAPES {
        let (_, values) = samples
            .iter()
            .find(|(n, _)| n == rust)
            .unwrap_or_else(|| panic!("no sample of {rust}"));
        for v in values {
            ts.check_interface(iface, v, rust, &mut errs);
        }
    }
    assert_eq!(
        samples.len(),
        SHAPES.len(),
        "a sample without a SHAPES entry"
    );
    // Both samples and every list element report the same mismatch: once each.
    let mut seen = BTreeSet::new();
    errs.retain(|e| seen.insert(e.clone()));
    assert!(
        errs.is_empty(),
        "wasm-types.ts vs shapes.rs:\n{}",
        errs.join("\n")
    );
}

#[test]
fn every_input_matches_its_ts_interface() {
    let ts = parse_ts(&read("src/wasm-types.ts"), "wasm-types.ts");
    let mut errs = Vec::new();
    for (rust, iface, sample, reads) in inputs() {
        ts.check_input(iface, &sample, reads, rust, &mut errs);
    }
    assert!(
        errs.is_empty(),
        "wasm-types.ts vs tandem-collab's input types:\n{}",
        errs.join("\n")
    );
}

#[test]
fn policy_unions_match() {
    let ts = parse_ts(&read("src/wasm-types.ts"), "wasm-types.ts");
    let names = |vals: Vec<Value>| -> BTreeSet<String> {
        vals.iter()
            .map(|v| v.as_str().expect("a string").to_string())
            .collect()
    };
    let routes = names(vec![json(&Route::Local), json(&Route::Server)]);
    assert_eq!(ts.union("WasmRoute", "wasm-types.ts"), routes);
    let all_rules = names(rules().iter().map(json).collect());
    assert_eq!(ts.union("WasmRule", "wasm-types.ts"), all_rules);
    let signals = names(Signal::ALL.iter().map(json).collect());
    assert_eq!(ts.union("WasmSignal", "wasm-types.ts"), signals);
    let labels = names(vec![
        json(&RouterLabel::Disagreement),
        json(&RouterLabel::LocalWrong),
    ]);
    assert_eq!(ts.union("WasmRouterLabel", "wasm-types.ts"), labels);
    let pii = names(EntityType::ALL.iter().map(json).collect());
    assert_eq!(ts.union("WasmPiiType", "wasm-types.ts"), pii);
    let levels = names(vec![
        json(&Level::Off),
        json(&Level::Redact),
        json(&Level::LocalOnly),
    ]);
    assert_eq!(ts.union("WasmPrivacyLevel", "wasm-types.ts"), levels);
}

#[test]
fn finish_reasons_match() {
    let ts = parse_ts(&read("src/wasm-types.ts"), "wasm-types.ts");
    let rust: BTreeSet<String> = finish_reasons()
        .iter()
        .map(|f| json(f).as_str().expect("a string").to_string())
        .collect();
    assert_eq!(ts.union("WasmFinishReason", "wasm-types.ts"), rust);
}

#[test]
fn error_kinds_match() {
    let rust: BTreeSet<String> = tandem_wasm::errors::kinds()
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(
        rust.len(),
        tandem_wasm::errors::kinds().len(),
        "a kind listed twice"
    );
    let wasm_types = parse_ts(&read("src/wasm-types.ts"), "wasm-types.ts");
    assert_eq!(
        wasm_types.union("WasmErrorKind", "wasm-types.ts"),
        rust,
        "WasmErrorKind (wasm-types.ts) vs tandem_wasm::errors::kinds()"
    );
    // TandemErrorKind is WasmErrorKind plus the package's own kinds.
    let errors = parse_ts(&read("src/errors.ts"), "errors.ts");
    let tandem = errors.union("TandemErrorKind", "errors.ts");
    let missing: Vec<&String> = if tandem.contains("WasmErrorKind") {
        Vec::new()
    } else {
        rust.iter().filter(|k| !tandem.contains(*k)).collect()
    };
    assert!(
        missing.is_empty(),
        "TandemErrorKind (errors.ts) lacks {missing:?}"
    );
}

#[test]
fn begin_params_are_the_request_keys() {
    let ts = parse_ts(&read("src/wasm-types.ts"), "wasm-types.ts");
    let fields = &ts.interfaces["WasmGenerateParams"];
    let declared: BTreeSet<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    let rust: BTreeSet<&str> = tandem_core::RequestParams::KEYS.iter().copied().collect();
    assert_eq!(
        declared, rust,
        "WasmGenerateParams (wasm-types.ts) vs RequestParams::KEYS"
    );
    for f in fields {
        assert!(
            f.optional,
            "WasmGenerateParams.{}: every key is optional",
            f.name
        );
    }
}

#[test]
fn package_json_version_is_the_crates() {
    let pkg: Value = serde_json::from_str(&read("package.json")).expect("package.json parses");
    assert_eq!(
        pkg["version"].as_str(),
        Some(env!("CARGO_PKG_VERSION")),
        "web/packages/tandem/package.json version vs the Cargo workspace version"
    );
}

#[test]
fn the_parser_reads_what_it_checks() {
    let ts = parse_ts(
        "/** doc */\nexport type A =\n  // note\n  | 'x'\n  | 'y';\nexport type B = A | 'z';\n\
         export interface I {\n  /** doc */\n  a: number[] | null;\n  b?: A;\n  m(x: number): void;\n}\n",
        "inline",
    );
    assert_eq!(ts.unions["A"], ["x", "y"]);
    assert_eq!(ts.unions["B"], ["A", "z"]);
    let f = &ts.interfaces["I"];
    assert_eq!(f.len(), 2);
    assert_eq!(
        (f[0].name.as_str(), f[0].ty.as_str()),
        ("a", "number[] | null")
    );
    assert!(f[1].optional && f[1].ty == "A");
    let mut errs = Vec::new();
    ts.check_type("A", &Value::from("w"), "p", &mut errs);
    ts.check_type(
        "number[] | null",
        &serde_json::json!([1, "s"]),
        "q",
        &mut errs,
    );
    assert_eq!(errs.len(), 2, "{errs:?}");
}
