//! `tandem eval --policies`: the policies that interleave both models within one answer, run on
//! every item, and one table of every policy.
//!
//! - `token-defer`: the local model generates; a token whose uncertainty is above router.json's
//!   `token_defer` rule is sent to the server as a one-token draft (`/v1/verify`), which keeps it
//!   or puts its own.
//! - `fusion`: the local model drafts `fusion_k` tokens with its top-k at each; one verify call
//!   returns the server's top-k at each position and after the draft; each position's token is
//!   the argmax of the fused distribution (tandem-collab `fusion`), the draft is cut at the first
//!   position where that differs, and after a whole accepted draft the server's last row is
//!   fused with the local model's next step. The output is exactly per-token fusion's.
//! - `speculative`: `tandem speculate`'s loop (greedy): the output is the server's own.
//!
//! The rows computed from the plain runs: `always_local`, `always_server`, `route` (the learned
//! router at its calibrated threshold) and `cascade` (router.json's rule).
//!
//! The counts, the same for every row:
//! - `output_tokens`: the answers' tokens;
//! - `server_tokens`: output tokens the server decided (its own answer's, a deferred token's,
//!   a fused or verified token's) — "tokens from the server", whether or not the local model
//!   would have put the same one there; `server_token_share` is their share of the output;
//! - `server_changed`: output tokens that differ from what the local model proposed there
//!   (token-defer, fusion, speculative);
//! - `server_positions`: positions the server's forward passes read out (its compute: a verify
//!   scores the draft and one more position);
//! - `local_tokens`: tokens the local model generated or proposed, kept or not (its compute).
//!
//! Latency is the measured wall time on this machine plus `--rtt-ms` per server call: with the
//! server as a model path (in-process) the network is added, not measured; with a URL the
//! measured time already holds the real round trips and `--rtt-ms` adds to them. The route's
//! local prefill for its features is not counted.
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use serde::Serialize;
use serde_json::{json, Value};
use tandem_collab::{fuse, DeferRule, FusionConfig, Router, SpeculativeConfig, TokenSignal};
use tandem_collab::{TokenStats, TokenUncertainty};
use tandem_core::sampling::Rng;
use tandem_core::VerifyParams;

use super::runner::{Run, Sides};
use crate::speculate::{self, SpecOptions};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub enum PolicyName {
    TokenDefer,
    Fusion,
    Speculative,
}

impl PolicyName {
    pub fn name(self) -> &'static str {
        match self {
            PolicyName::TokenDefer => "token-defer",
            PolicyName::Fusion => "fusion",
            PolicyName::Speculative => "speculative",
        }
    }
}

#[derive(Args)]
pub struct PolicyArgs {
    /// Also run these policies on every item (comma-separated; needs --local and --server).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub policies: Vec<PolicyName>,
    /// token-defer's threshold, instead of router.json's `token_defer` rule.
    #[arg(long, allow_negative_numbers = true)]
    pub defer_threshold: Option<f32>,
    /// The per-token signal --defer-threshold is in.
    #[arg(long, requires = "defer_threshold")]
    pub defer_signal: Option<TokenSignal>,
    /// fusion: the server's weight w in p ∝ p_local^(1−w) · p_server^w.
    #[arg(long, allow_negative_numbers = true)]
    pub fusion_weight: Option<f32>,
    /// fusion: tokens drafted per server call (default 4).
    #[arg(long)]
    pub fusion_k: Option<usize>,
    /// fusion: alternatives listed per position on each side (at most 20; default 20).
    #[arg(long)]
    pub fusion_top_k: Option<usize>,
    /// speculative: a fixed draft length (default: adaptive, as `tandem speculate`).
    #[arg(long)]
    pub spec_k: Option<usize>,
    /// The network round trip counted per server call in the latency column, in ms.
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    pub rtt_ms: f64,
}

/// The settings of the policies asked for, checked.
pub struct Settings {
    pub defer: Option<DeferRule>,
    pub fusion: FusionConfig,
    pub fusion_k: usize,
    pub fusion_top_k: usize,
    pub spec_k: Option<usize>,
    pub rtt_ms: f64,
}

impl PolicyArgs {
    /// Checks the flags before any model runs. A flag for a policy that is not asked for is
    /// refused rather than silently ignored.
    pub fn check(&self, router: Option<&Router>) -> Result<Settings> {
        let has = |p| self.policies.contains(&p);
        if !(self.rtt_ms.is_finite() && self.rtt_ms >= 0.0) {
            bail!("--rtt-ms must be a finite number >= 0");
        }
        let unused = |flag: &str, set: bool, policy: PolicyName| -> Result<()> {
            if set && !has(policy) {
                bail!(
                    "{flag} is for policy {}, which --policies does not name",
                    policy.name()
                );
            }
            Ok(())
        };
        unused(
            "--defer-threshold",
            self.defer_threshold.is_some(),
            PolicyName::TokenDefer,
        )?;
        unused(
            "--fusion-weight",
            self.fusion_weight.is_some(),
            PolicyName::Fusion,
        )?;
        unused("--fusion-k", self.fusion_k.is_some(), PolicyName::Fusion)?;
        unused(
            "--fusion-top-k",
            self.fusion_top_k.is_some(),
            PolicyName::Fusion,
        )?;
        unused("--spec-k", self.spec_k.is_some(), PolicyName::Speculative)?;
        let weight = self.fusion_weight.unwrap_or(0.5);
        if !(weight.is_finite() && (0.0..=1.0).contains(&weight)) {
            bail!("--fusion-weight must be in [0, 1]");
        }
        let fusion_k = self.fusion_k.unwrap_or(4);
        if fusion_k == 0 || self.spec_k == Some(0) {
            bail!("--fusion-k and --spec-k must be at least 1");
        }
        let fusion_top_k = self
            .fusion_top_k
            .unwrap_or(tandem_core::request::MAX_TOP_LOGPROBS);
        if !(1..=tandem_core::request::MAX_TOP_LOGPROBS).contains(&fusion_top_k) {
            bail!(
                "--fusion-top-k must be 1 to {}",
                tandem_core::request::MAX_TOP_LOGPROBS
            );
        }
        let defer = if has(PolicyName::TokenDefer) {
            let rule = match (self.defer_threshold, router.and_then(|r| r.token_defer)) {
                (Some(threshold), _) => DeferRule {
                    signal: self.defer_signal.unwrap_or(TokenSignal::Margin),
                    threshold,
                    target_share: None,
                },
                (None, Some(rule)) => rule,
                (None, None) => bail!(
                    "policy token-defer needs a rule: --router with a `token_defer` rule (tandem \
                     router fit --defer-share) or --defer-threshold"
                ),
            };
            if !rule.threshold.is_finite() {
                bail!("--defer-threshold must be a finite number");
            }
            Some(rule)
        } else {
            None
        };
        Ok(Settings {
            defer,
            fusion: FusionConfig {
                weight,
                temperature: 1.0,
            },
            fusion_k,
            fusion_top_k,
            spec_k: self.spec_k,
            rtt_ms: self.rtt_ms,
        })
    }
}

/// One policy's answer to one item (the counts as the module's notes define them).
#[derive(Debug, Clone, Serialize)]
pub struct PolicyRun {
    pub text: String,
    pub output_tokens: usize,
    pub local_tokens: usize,
    pub server_tokens: usize,
    pub server_changed: usize,
    pub server_positions: usize,
    pub server_calls: usize,
    /// Measured wall time, without the added round trips.
    pub ms: f64,
}

const GREEDY: VerifyParams = VerifyParams {
    temperature: 0.0,
    seed: 0,
};

/// What a policy's loop produced, before it is decoded and timed.
#[derive(Default)]
struct Outcome {
    ids: Vec<u32>,
    local_tokens: usize,
    server_tokens: usize,
    server_changed: usize,
    server_positions: usize,
    server_calls: usize,
}

/// Runs `policy` on one item's messages.
pub fn run_one(
    policy: PolicyName,
    sides: &mut Sides,
    messages: &[tandem_core::ChatMessage],
    max_tokens: usize,
    settings: &Settings,
) -> Result<PolicyRun> {
    let prompt = sides.local.text().prompt_ids(messages)?;
    let stops = speculate::stop_ids(&sides.local, max_tokens)?;
    let max_context = sides.server.max_context(&sides.local);
    let limit = max_tokens.min(max_context.saturating_sub(prompt.len()));
    if limit == 0 {
        bail!("the prompt fills the context");
    }
    let t0 = Instant::now();
    let o = match policy {
        PolicyName::TokenDefer => {
            let rule = settings.defer.as_ref().context("token-defer has no rule")?;
            token_defer(sides, &prompt, &stops, limit, rule)?
        }
        PolicyName::Fusion => fusion(sides, &prompt, &stops, limit, settings)?,
        PolicyName::Speculative => {
            let opts = SpecOptions {
                max_new_tokens: limit,
                temperature: 0.0,
                rtt_ms: settings.rtt_ms,
                k: settings.spec_k,
                cfg: SpeculativeConfig::default(),
                allow_stream: false,
            };
            let sp = speculate::speculate(
                &mut sides.local,
                &mut sides.server,
                &prompt,
                &stops,
                &opts,
                &mut Rng::new(0),
            )?;
            if let Some(f) = &sp.fallback {
                bail!("speculative decoding fell back: {f}");
            }
            Outcome {
                local_tokens: sp.draft_tokens,
                // Every output token was verified (accepted) or put there (corrected) by it.
                server_tokens: sp.ids.len(),
                server_changed: sp.ids.len().saturating_sub(sp.accepted_tokens),
                server_positions: sp.draft_tokens + sp.target_calls,
                server_calls: sp.target_calls,
                ids: sp.ids,
            }
        }
    };
    let ms = t0.elapsed().as_secs_f64() * 1000.0;
    Ok(PolicyRun {
        text: sides.local.text().decode(&o.ids, true).unwrap_or_default(),
        output_tokens: o.ids.len(),
        local_tokens: o.local_tokens,
        server_tokens: o.server_tokens,
        server_changed: o.server_changed,
        server_positions: o.server_positions,
        server_calls: o.server_calls,
        ms,
    })
}

/// Whether generation is over after `out` (a stop token, or `limit` tokens).
fn finished(out: &[u32], stops: &[u32], limit: usize) -> bool {
    out.last().is_some_and(|t| stops.contains(t)) || out.len() >= limit
}

/// The local model's next-token distribution after `ctx`: its top-`k` as `(id, logprob)` and
/// its entropy (the cache is reused: one new position a call).
fn local_next(sides: &mut Sides, ctx: &[u32], k: usize) -> Result<(Vec<(u32, f32)>, f32)> {
    let sc = pollster::block_on(sides.local.score(ctx, ctx.len(), k))?;
    let top: Vec<(u32, f32)> = sc.next_top.iter().map(|t| t.pair()).collect();
    if top.is_empty() {
        bail!("the local model gave no next token (its numbers broke)");
    }
    Ok((top, sc.next_entropy))
}

fn token_defer(
    sides: &mut Sides,
    prompt: &[u32],
    stops: &[u32],
    limit: usize,
    rule: &DeferRule,
) -> Result<Outcome> {
    let mut ctx = prompt.to_vec();
    let mut o = Outcome::default();
    while !finished(&o.ids, stops, limit) {
        let (top, entropy) = local_next(sides, &ctx, 2)?;
        let (mine, logprob) = top[0];
        o.local_tokens += 1;
        let verdict = rule.check(&TokenUncertainty::from_step(logprob, entropy, &top))?;
        let token = if verdict.defer {
            let v = sides
                .server
                .verify(&ctx, &[mine], None, &GREEDY, 0)
                .context("the server's token")?;
            o.server_calls += 1;
            o.server_tokens += 1;
            o.server_positions += 2;
            if v.accepted == 0 {
                o.server_changed += 1;
                v.correction
            } else {
                mine
            }
        } else {
            mine
        };
        ctx.push(token);
        o.ids.push(token);
    }
    Ok(o)
}

fn fusion(
    sides: &mut Sides,
    prompt: &[u32],
    stops: &[u32],
    limit: usize,
    settings: &Settings,
) -> Result<Outcome> {
    let vocab = sides.local.config().vocab_size;
    let top_k = settings.fusion_top_k;
    let mut ctx = prompt.to_vec();
    let mut o = Outcome::default();
    // The local model's next step, carried over when a whole draft was accepted and the
    // server's last row already covers it.
    let mut pending: Option<(TopK, TopK)> = None;
    while !finished(&o.ids, stops, limit) {
        if let Some((local_top, server_top)) = pending.take() {
            let pick = fused_pick(&local_top, &server_top, vocab, &settings.fusion)?;
            o.local_tokens += 1;
            o.server_tokens += 1;
            o.server_changed += usize::from(pick != local_top[0].0);
            ctx.push(pick);
            o.ids.push(pick);
            continue;
        }
        // The local draft, with its top-k at each position.
        let k = settings.fusion_k.min(limit - o.ids.len());
        let mut draft: Vec<u32> = Vec::with_capacity(k);
        let mut local_tops = Vec::with_capacity(k);
        let mut all = ctx.clone();
        while draft.len() < k {
            let (top, _) = local_next(sides, &all, top_k)?;
            let t = top[0].0;
            draft.push(t);
            all.push(t);
            local_tops.push(top);
            if stops.contains(&t) {
                break;
            }
        }
        o.local_tokens += draft.len();
        let v = sides
            .server
            .verify(&ctx, &draft, None, &GREEDY, top_k)
            .context("the server's top-k")?;
        o.server_calls += 1;
        o.server_positions += draft.len() + 1;
        let mut whole = true;
        for (i, &d) in draft.iter().enumerate() {
            let pick = fused_pick(&local_tops[i], &v.top[i], vocab, &settings.fusion)?;
            ctx.push(pick);
            o.ids.push(pick);
            o.server_tokens += 1;
            if pick != d {
                // The rest of the draft followed a token that was not chosen.
                o.server_changed += 1;
                whole = false;
                break;
            }
            if finished(&o.ids, stops, limit) {
                whole = false;
                break;
            }
        }
        if whole {
            let (top, _) = local_next(sides, &ctx, top_k)?;
            pending = Some((top, v.top[draft.len()].clone()));
        }
    }
    Ok(o)
}

/// A position's likeliest tokens, `(id, logprob)`, likeliest first.
type TopK = Vec<(u32, f32)>;

/// The fused distribution's greedy token.
fn fused_pick(
    local: &[(u32, f32)],
    server: &[(u32, f32)],
    vocab: usize,
    cfg: &FusionConfig,
) -> Result<u32> {
    fuse(local, server, vocab, cfg)?
        .best()
        .context("fusion left no listed token any mass (each model ruled out the other's)")
}

/// One row of the policy table (the counts as the module's notes define them).
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub accuracy: f64,
    pub items: usize,
    pub server_calls: usize,
    /// Items with at least one server call.
    pub server_share: f64,
    pub output_tokens: usize,
    pub server_tokens: usize,
    /// server_tokens / output_tokens.
    pub server_token_share: f64,
    pub server_changed: usize,
    pub server_positions: usize,
    pub local_tokens: usize,
    /// Mean per item: measured + rtt_ms per server call; null when a runs file had no times.
    pub latency_ms: Option<f64>,
    /// Mean per item, measured only.
    pub compute_ms: Option<f64>,
}

/// One item as a row sees it.
#[derive(Default)]
pub struct Cell {
    pub correct: bool,
    pub output_tokens: usize,
    pub local_tokens: usize,
    pub server_tokens: usize,
    pub server_changed: usize,
    pub server_positions: usize,
    pub server_calls: usize,
    pub ms: Option<f64>,
}

impl Cell {
    pub fn of(r: &PolicyRun, correct: bool) -> Cell {
        Cell {
            correct,
            output_tokens: r.output_tokens,
            local_tokens: r.local_tokens,
            server_tokens: r.server_tokens,
            server_changed: r.server_changed,
            server_positions: r.server_positions,
            server_calls: r.server_calls,
            ms: Some(r.ms),
        }
    }
}

pub fn row(cells: &[Cell], rtt_ms: f64) -> Row {
    let n = cells.len().max(1) as f64;
    let sum = |f: fn(&Cell) -> usize| cells.iter().map(f).sum::<usize>();
    let output_tokens = sum(|c| c.output_tokens);
    let server_tokens = sum(|c| c.server_tokens);
    let latency: Option<f64> = cells
        .iter()
        .map(|c| c.ms.map(|ms| ms + rtt_ms * c.server_calls as f64))
        .sum();
    let compute: Option<f64> = cells.iter().map(|c| c.ms).sum();
    Row {
        accuracy: cells.iter().filter(|c| c.correct).count() as f64 / n,
        items: cells.len(),
        server_calls: sum(|c| c.server_calls),
        server_share: cells.iter().filter(|c| c.server_calls > 0).count() as f64 / n,
        output_tokens,
        server_tokens,
        server_token_share: server_tokens as f64 / output_tokens.max(1) as f64,
        server_changed: sum(|c| c.server_changed),
        server_positions: sum(|c| c.server_positions),
        local_tokens: sum(|c| c.local_tokens),
        latency_ms: latency.map(|l| l / n),
        compute_ms: compute.map(|l| l / n),
    }
}

/// The rows computed from the plain runs: always-local, always-server, and where a router is
/// given, route and cascade at their calibrated thresholds.
pub fn baseline_rows(
    runs: &[Run],
    local_correct: &[bool],
    server_correct: &[bool],
    router: Option<&Router>,
    rtt_ms: f64,
) -> Result<Vec<(String, Row)>> {
    let local = |i: usize| Cell {
        correct: local_correct[i],
        output_tokens: runs[i].local_tokens(),
        local_tokens: runs[i].local_tokens(),
        ms: runs[i].local_ms,
        ..Cell::default()
    };
    let server = |i: usize| {
        let n = runs[i].server_tokens.unwrap_or(0);
        Cell {
            correct: server_correct[i],
            output_tokens: n,
            server_tokens: n,
            server_positions: n,
            server_calls: 1,
            ms: runs[i].server_ms,
            ..Cell::default()
        }
    };
    let n = runs.len();
    let mut rows = vec![
        (
            "always_local".to_string(),
            row(&(0..n).map(local).collect::<Vec<_>>(), rtt_ms),
        ),
        (
            "always_server".to_string(),
            row(&(0..n).map(server).collect::<Vec<_>>(), rtt_ms),
        ),
    ];
    let Some(r) = router else { return Ok(rows) };
    let route: Vec<Cell> = (0..n)
        .map(|i| {
            let score = r
                .score(&runs[i].features)
                .with_context(|| format!("item {:?}: the router's score", runs[i].id))?;
            Ok(if score > r.threshold {
                server(i)
            } else {
                local(i)
            })
        })
        .collect::<Result<_>>()?;
    rows.push(("route".into(), row(&route, rtt_ms)));
    if let Some(rule) = r.cascade {
        let cascade: Vec<Cell> = (0..n)
            .map(|i| {
                let run = &runs[i];
                let stats = TokenStats::from_tokens(&run.local_logprobs, &run.local_entropies)
                    .with_context(|| format!("item {:?}", run.id))?;
                let (l, s) = (local(i), server(i));
                Ok(if rule.check(&stats)?.escalate {
                    // The local answer is generated, judged, then superseded by the server's.
                    Cell {
                        local_tokens: l.local_tokens,
                        ms: l.ms.zip(s.ms).map(|(a, b)| a + b),
                        ..s
                    }
                } else {
                    l
                })
            })
            .collect::<Result<_>>()?;
        rows.push(("cascade".into(), row(&cascade, rtt_ms)));
    }
    Ok(rows)
}

/// The table as JSON (RESULT.json's `policies`), and printed.
pub fn table(rows: &[(String, Row)]) -> Result<Value> {
    println!(
        "{:<14} {:>9} {:>7} {:>7} {:>9} {:>9} {:>9} {:>10} {:>10}",
        "policy",
        "accuracy",
        "calls",
        "share",
        "out tok",
        "srv tok %",
        "changed",
        "latency ms",
        "compute ms"
    );
    let ms = |v: Option<f64>| v.map_or("-".to_string(), |l| format!("{l:.1}"));
    let mut out = serde_json::Map::new();
    for (name, r) in rows {
        println!(
            "{:<14} {:>9.3} {:>7} {:>7.3} {:>9} {:>9.1} {:>9} {:>10} {:>10}",
            name,
            r.accuracy,
            r.server_calls,
            r.server_share,
            r.output_tokens,
            100.0 * r.server_token_share,
            r.server_changed,
            ms(r.latency_ms),
            ms(r.compute_ms),
        );
        out.insert(name.clone(), serde_json::to_value(r)?);
    }
    Ok(json!(out))
}
