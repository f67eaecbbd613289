//! `tandem speculate`: speculative collaboration from the command line. The draft model (the
//! small, local one) proposes k tokens; the target (a model path, run here, or an
//! OpenAI-compatible base URL whose `/verify` is tandem-server's) accepts a prefix in one forward
//! pass and returns its own next token; repeat. Greedy (temperature 0) output is exactly the
//! target's greedy output; with a temperature, lossless speculative sampling (the drafter draws
//! from its top-20 at that temperature (tandem-engine `Engine::draft`) and sends that distribution with the draft).
//!
//! k adapts to the measured acceptance and round trip (tandem-collab's `speculative` policy,
//! objective `latency` or `server_cost`); when plain streaming would win the objective, a local
//! target finishes alone (a URL target's streaming is chat completions, not ids: it keeps
//! speculating at the best k, and `plan` says streaming would have won). A verify that fails (the target gone, a timeout, a 5xx) ends the
//! speculation: the draft model finishes the answer, and `fallback` says why; nothing already
//! accepted is lost or repeated.
//!
//! `--json` prints `{"ids", "text", "target_calls", "draft_tokens", "accepted_tokens", …}` (the
//! contract), plus the rounds, the acceptance rate, the last plan and the fallback reason.
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use serde_json::{json, Value};
use tandem_collab::{Acceptance, Costs, Mode, Objective, SpeculativeConfig};
use tandem_core::sampling::Rng;
use tandem_core::{RequestParams, VerifyParams};
use tandem_engine::Engine;

use crate::collab::target::{Remote, Target};
use crate::{load, Backend, PromptArgs};

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ObjectiveArg {
    Latency,
    ServerCost,
}

#[derive(Args)]
pub struct SpeculateArgs {
    /// The draft model (directory or .gguf), run here.
    #[arg(long)]
    draft: PathBuf,
    /// The target: a model path (run here) or a base URL such as http://127.0.0.1:8000/v1.
    #[arg(long)]
    target: String,
    #[command(flatten)]
    input: PromptArgs,
    #[arg(long, default_value_t = 64)]
    max_new_tokens: usize,
    /// 0 = greedy (output identical to the target's own greedy output).
    #[arg(long, default_value_t = 0.0)]
    temperature: f32,
    /// Seed of the drafter's sampling and of the verifier's (same seed, same output).
    #[arg(long)]
    seed: Option<u64>,
    /// The round trip to the target, in ms: added before each verify of a model-path target
    /// (a simulated network), and the policy's estimate before it has measured a URL target.
    #[arg(long, default_value_t = 0.0)]
    rtt_ms: f64,
    #[arg(long, value_enum, default_value = "latency")]
    objective: ObjectiveArg,
    /// A fixed draft length instead of the adaptive one.
    #[arg(long)]
    k: Option<usize>,
    /// Longest draft the adaptive policy may choose.
    #[arg(long, default_value_t = 12)]
    k_max: usize,
    #[arg(long, value_enum, default_value = "cpu")]
    backend: Backend,
    /// The model name a URL target is asked for (default: its first listed model).
    #[arg(long)]
    target_model: Option<String>,
    /// API key of a URL target (default: $TANDEM_API_KEY).
    #[arg(long)]
    api_key: Option<String>,
    /// Per-request timeout of a URL target, in seconds.
    #[arg(long, default_value_t = 30)]
    timeout_s: u64,
    #[arg(long)]
    json: bool,
}

/// A moving average that starts at its first sample.
fn ema(old: Option<f64>, x: f64) -> f64 {
    old.map_or(x, |o| 0.7 * o + 0.3 * x)
}

/// What one speculative decoding produced.
pub struct Speculation {
    pub ids: Vec<u32>,
    pub target_calls: usize,
    pub draft_tokens: usize,
    pub accepted_tokens: usize,
    pub finish: &'static str,
    pub rounds: Vec<Value>,
    pub plan: Option<Value>,
    /// Why the target stopped being asked (streaming won, or a verify failed).
    pub fallback: Option<String>,
}

/// The knobs of [`speculate`].
pub struct SpecOptions {
    pub max_new_tokens: usize,
    pub temperature: f32,
    /// The policy's round-trip estimate until a URL target's is measured (a model-path target
    /// sleeps only what its own `rtt` says).
    pub rtt_ms: f64,
    /// A fixed draft length instead of the adaptive one.
    pub k: Option<usize>,
    pub cfg: SpeculativeConfig,
    /// Whether a model-path target may finish alone when plain decoding wins the objective
    /// (`eval` measures speculation itself, so it says no).
    pub allow_stream: bool,
}

pub fn run(args: SpeculateArgs) -> Result<()> {
    if !(args.temperature.is_finite() && (0.0..=2.0).contains(&args.temperature)) {
        bail!("--temperature must be in [0, 2]");
    }
    if !(args.rtt_ms.is_finite() && args.rtt_ms >= 0.0) {
        bail!("--rtt-ms must be a finite number >= 0");
    }
    if args.k == Some(0) || args.k_max == 0 {
        bail!("--k and --k-max must be at least 1");
    }
    let mut drafter = load(&args.draft, args.backend)?;
    let remote = Remote {
        model: args.target_model.clone(),
        api_key: args.api_key.clone(),
        timeout: Duration::from_secs(args.timeout_s),
        flag: "--target",
    };
    let mut target = Target::open(&args.target, args.backend, remote)?;
    target.check_vocab(&drafter, ("draft", "target"))?;
    if let Target::Local { rtt, .. } = &mut target {
        *rtt = Duration::from_secs_f64(args.rtt_ms / 1000.0);
    }
    // The prompt and the stop set come from the draft model's tokenizer (shared with the target).
    let text = drafter.text();
    let prompt = args.input.ids(text)?;
    let stops = stop_ids(&drafter, args.max_new_tokens)?;
    let mut rng = Rng::new(args.seed.unwrap_or_else(tandem_core::sampling::fresh_seed));
    let opts = SpecOptions {
        max_new_tokens: args.max_new_tokens,
        temperature: args.temperature,
        rtt_ms: args.rtt_ms,
        k: args.k,
        cfg: SpeculativeConfig {
            objective: match args.objective {
                ObjectiveArg::Latency => Objective::Latency,
                ObjectiveArg::ServerCost => Objective::ServerCost,
            },
            k_max: args.k_max,
            ..Default::default()
        },
        allow_stream: true,
    };
    let t0 = Instant::now();
    let sp = speculate(&mut drafter, &mut target, &prompt, &stops, &opts, &mut rng)?;
    let text = drafter.text().decode(&sp.ids, true).unwrap_or_default();
    if args.json {
        let v = json!({
            "ids": sp.ids,
            "text": text,
            "target_calls": sp.target_calls,
            "draft_tokens": sp.draft_tokens,
            "accepted_tokens": sp.accepted_tokens,
            "acceptance_rate": if sp.draft_tokens > 0 { sp.accepted_tokens as f64 / sp.draft_tokens as f64 } else { 0.0 },
            "finish_reason": sp.finish,
            "rounds": sp.rounds,
            "plan": sp.plan,
            "fallback": sp.fallback,
            "elapsed_ms": t0.elapsed().as_secs_f64() * 1000.0,
            "prompt_ids": prompt,
        });
        println!("{v}");
    } else {
        println!("{text}");
        if let Some(f) = &sp.fallback {
            eprintln!("note: {f}");
        }
    }
    Ok(())
}

/// The stop tokens of a default request on `engine`'s tokenizer.
pub fn stop_ids(engine: &Engine, max_new_tokens: usize) -> Result<Vec<u32>> {
    Ok(engine.text().stop_ids(
        &RequestParams::default()
            .validate(&tandem_core::Limits {
                default_max_tokens: max_new_tokens,
                max_tokens: usize::MAX,
            })
            .context("stop tokens")?,
    ))
}

/// Speculative decoding of one answer after `prompt`: `drafter` proposes, `target` judges,
/// until a stop token, `max_new_tokens` or the context's end. Greedy (temperature 0) output is
/// exactly the target's own greedy output.
pub fn speculate(
    drafter: &mut Engine,
    target: &mut Target,
    prompt: &[u32],
    stops: &[u32],
    opts: &SpecOptions,
    rng: &mut Rng,
) -> Result<Speculation> {
    let max_context = target.max_context(drafter);
    // What a model-path target sleeps before each verify: its wall time less this is compute.
    let slept_ms = match target {
        Target::Local { rtt, .. } => rtt.as_secs_f64() * 1000.0,
        Target::Remote(_) => 0.0,
    };
    let mut out: Vec<u32> = Vec::new();
    let mut acc = Acceptance::default();
    let (mut target_calls, mut draft_tokens, mut accepted_tokens) = (0usize, 0usize, 0usize);
    let (mut draft_ms, mut verify_ms): (Option<f64>, Option<f64>) = (None, None);
    // A URL target's measured round trip (wall time less its `server_ms`); until then, and for
    // a model-path target, `opts.rtt_ms`.
    let mut rtt_ms: Option<f64> = None;
    let mut rounds: Vec<Value> = Vec::new();
    let mut last_plan: Option<Value> = None;
    let mut fallback: Option<String> = None;
    let mut finish = "length";
    let done = |out: &[u32]| -> Option<&'static str> {
        if out.last().is_some_and(|t| stops.contains(t)) {
            Some("stop")
        } else if out.len() >= opts.max_new_tokens {
            Some("length")
        } else if prompt.len() + out.len() >= max_context {
            Some("context_full")
        } else {
            None
        }
    };
    // One engine finishing the answer alone (the target when streaming wins, the draft model
    // when the target is gone).
    let rest = |engine: &mut Engine, out: &mut Vec<u32>, rng: &mut Rng| {
        generate_rest(
            engine,
            prompt,
            out,
            opts.max_new_tokens,
            opts.temperature,
            rng,
            stops,
        )
    };
    while done(&out).is_none() {
        let costs = Costs {
            rtt_ms: rtt_ms.unwrap_or(opts.rtt_ms),
            draft_ms: draft_ms.unwrap_or(1.0),
            verify_ms: verify_ms.unwrap_or(10.0),
            stream_ms: verify_ms.unwrap_or(10.0),
        };
        let plan = tandem_collab::plan_speculation(&acc, &costs, &opts.cfg)?;
        last_plan = Some(serde_json::to_value(&plan)?);
        let k = match (opts.k, plan.mode) {
            (Some(k), _) => k,
            (None, Mode::Speculate { k }) => k,
            (None, Mode::Stream) => {
                if let (Target::Local { engine, .. }, true) = (&mut *target, opts.allow_stream) {
                    // Plain decoding by the target wins the objective: it finishes alone.
                    fallback = Some(format!("streaming: {}", plan.reason));
                    finish = rest(engine, &mut out, rng)?;
                    break;
                }
                // A URL target streams chat completions, not ids (and `eval` measures
                // speculation): keep speculating at the best k, and let the plan in the output
                // say that streaming would have won.
                plan.k
            }
        };
        let k = k
            .min(opts.max_new_tokens - out.len())
            .min(max_context - prompt.len() - out.len())
            .max(1);
        // Draft k tokens (stopping at a stop token).
        let ctx: Vec<u32> = prompt.iter().chain(&out).copied().collect();
        let td = Instant::now();
        let drafted = pollster::block_on(drafter.draft(&ctx, k, opts.temperature, rng, stops))?;
        let (draft, dists) = (drafted.ids, drafted.dists.unwrap_or_default());
        if draft.is_empty() {
            bail!("the draft model gave no next token");
        }
        draft_ms = Some(ema(
            draft_ms,
            td.elapsed().as_secs_f64() * 1000.0 / draft.len() as f64,
        ));
        let params = VerifyParams {
            temperature: opts.temperature,
            seed: rng.next_u64(),
        };
        let tv = Instant::now();
        let sent = (opts.temperature > 0.0).then_some(&dists[..]);
        let verdict = match target.verify(&ctx, &draft, sent, &params, 0) {
            Ok(v) => v,
            Err(e) => {
                // The target is gone: the draft model finishes, from exactly what was accepted.
                fallback = Some(format!("verify failed: {e:#}"));
                finish = rest(drafter, &mut out, rng)?;
                break;
            }
        };
        let wall = tv.elapsed().as_secs_f64() * 1000.0;
        match verdict.server_ms {
            Some(server) => {
                verify_ms = Some(ema(verify_ms, server.max(0.1)));
                rtt_ms = Some(ema(rtt_ms, (wall - server).max(0.0)));
            }
            None => verify_ms = Some(ema(verify_ms, (wall - slept_ms).max(0.1))),
        }
        target_calls += 1;
        draft_tokens += draft.len();
        accepted_tokens += verdict.accepted;
        acc.record(draft.len(), verdict.accepted);
        rounds.push(json!({ "k": draft.len(), "accepted": verdict.accepted }));
        for &t in draft[..verdict.accepted]
            .iter()
            .chain(std::iter::once(&verdict.correction))
        {
            out.push(t);
            if done(&out).is_some() {
                break;
            }
        }
        finish = done(&out).unwrap_or(finish);
    }
    if fallback.is_none() {
        finish = done(&out).unwrap_or(finish);
    }
    Ok(Speculation {
        ids: out,
        target_calls,
        draft_tokens,
        accepted_tokens,
        finish,
        rounds,
        plan: last_plan,
        fallback,
    })
}

/// Generates from `engine` after prompt + `out` until a stop token, `max_new` or the context
/// ends, appending to `out`; returns the finish reason.
fn generate_rest(
    engine: &mut Engine,
    prompt: &[u32],
    out: &mut Vec<u32>,
    max_new: usize,
    temperature: f32,
    rng: &mut Rng,
    stops: &[u32],
) -> Result<&'static str> {
    if out.len() >= max_new || out.last().is_some_and(|t| stops.contains(t)) {
        return Ok(if out.len() >= max_new {
            "length"
        } else {
            "stop"
        });
    }
    let ctx: Vec<u32> = prompt.iter().chain(out.iter()).copied().collect();
    let params = tandem_core::GenerateParams {
        max_new_tokens: max_new - out.len(),
        sampling: tandem_core::SamplingParams {
            temperature,
            seed: rng.next_u64(),
            ..Default::default()
        },
        stop_token_ids: stops.to_vec(),
        stop_strings: Vec::new(),
    };
    engine.begin(&ctx, params, 0)?;
    loop {
        let step = pollster::block_on(engine.step())?;
        out.push(step.id);
        if let Some(f) = step.finish {
            engine.end(None)?;
            return Ok(match f {
                tandem_core::FinishReason::StopToken | tandem_core::FinishReason::StopString => {
                    "stop"
                }
                tandem_core::FinishReason::ContextFull => "context_full",
                _ => "length",
            });
        }
    }
}
