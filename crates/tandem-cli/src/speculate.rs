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
use tandem_core::{DraftDist, RequestParams, VerifyParams};
use tandem_engine::Engine;

use crate::collab::server_client::{is_url, HttpServer};
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

/// The target's answer to one draft.
struct Verified {
    accepted: usize,
    correction: u32,
    /// A URL target's own time for the verify (its `server_ms`): the rest of the wall time is
    /// the network's round trip.
    server_ms: Option<f64>,
}

enum Target {
    Local { engine: Box<Engine>, rtt: Duration },
    Remote(HttpServer),
}

impl Target {
    fn verify(
        &mut self,
        context: &[u32],
        draft: &[u32],
        dists: Option<&[DraftDist]>,
        params: &VerifyParams,
    ) -> Result<Verified> {
        match self {
            Target::Local { engine, rtt } => {
                std::thread::sleep(*rtt);
                let v = pollster::block_on(engine.verify_drafted(context, draft, params, dists))?;
                Ok(Verified {
                    accepted: v.accepted,
                    correction: v.correction,
                    server_ms: None,
                })
            }
            Target::Remote(server) => {
                let mut body = json!({
                    "prompt_ids": context,
                    "draft_ids": draft,
                    "temperature": params.temperature,
                    "seed": params.seed,
                });
                if let Some(q) = dists {
                    body["draft_dists"] = json!(q);
                }
                let v = server.verify(body)?;
                let accepted = v["accepted"]
                    .as_u64()
                    .context("the verify answer has no `accepted`")?
                    as usize;
                let correction = v["correction"]
                    .as_u64()
                    .context("the verify answer has no `correction`")?
                    as u32;
                if accepted > draft.len() {
                    bail!(
                        "the target accepted {accepted} of {} draft tokens",
                        draft.len()
                    );
                }
                Ok(Verified {
                    accepted,
                    correction,
                    server_ms: v["server_ms"]
                        .as_f64()
                        .filter(|x| x.is_finite() && *x >= 0.0),
                })
            }
        }
    }
}

/// A moving average that starts at its first sample.
fn ema(old: Option<f64>, x: f64) -> f64 {
    old.map_or(x, |o| 0.7 * o + 0.3 * x)
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
    let mut target = if is_url(&args.target) {
        let key = args
            .api_key
            .clone()
            .or_else(|| std::env::var("TANDEM_API_KEY").ok());
        Target::Remote(HttpServer::connect(
            &args.target,
            args.target_model.clone(),
            key,
            Duration::from_secs(args.timeout_s),
        )?)
    } else {
        let engine = load(std::path::Path::new(&args.target), args.backend)?;
        if engine.config().vocab_size != drafter.config().vocab_size {
            bail!(
                "the draft model's vocabulary ({}) is not the target's ({}): they must share a tokenizer",
                drafter.config().vocab_size,
                engine.config().vocab_size
            );
        }
        Target::Local {
            engine: Box::new(engine),
            rtt: Duration::from_secs_f64(args.rtt_ms / 1000.0),
        }
    };
    // The prompt and the stop set come from the draft model's tokenizer (shared with the target).
    let text = drafter.text();
    let prompt = args.input.ids(text)?;
    let stops = text.stop_ids(
        &RequestParams::default()
            .validate(&tandem_core::Limits {
                default_max_tokens: args.max_new_tokens,
                max_tokens: usize::MAX,
            })
            .context("stop tokens")?,
    );
    let max_context = match &target {
        Target::Local { engine, .. } => engine.max_context().min(drafter.max_context()),
        Target::Remote(_) => drafter.max_context(),
    };
    let mut rng = Rng::new(args.seed.unwrap_or_else(tandem_core::sampling::fresh_seed));
    let cfg = SpeculativeConfig {
        objective: match args.objective {
            ObjectiveArg::Latency => Objective::Latency,
            ObjectiveArg::ServerCost => Objective::ServerCost,
        },
        k_max: args.k_max,
        ..Default::default()
    };

    let t0 = Instant::now();
    let mut out: Vec<u32> = Vec::new();
    let mut acc = Acceptance::default();
    let (mut target_calls, mut draft_tokens, mut accepted_tokens) = (0usize, 0usize, 0usize);
    let (mut draft_ms, mut verify_ms): (Option<f64>, Option<f64>) = (None, None);
    // A URL target's measured round trip (wall time less its `server_ms`); until then, and for
    // a model-path target, `--rtt-ms`.
    let mut rtt_ms: Option<f64> = None;
    let mut rounds: Vec<Value> = Vec::new();
    let mut last_plan: Option<Value> = None;
    let mut fallback: Option<String> = None;
    let mut finish = "length";
    let done = |out: &[u32]| -> Option<&'static str> {
        if out.last().is_some_and(|t| stops.contains(t)) {
            Some("stop")
        } else if out.len() >= args.max_new_tokens {
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
            &prompt,
            out,
            args.max_new_tokens,
            args.temperature,
            rng,
            &stops,
        )
    };
    while done(&out).is_none() {
        let costs = Costs {
            rtt_ms: rtt_ms.unwrap_or(args.rtt_ms),
            draft_ms: draft_ms.unwrap_or(1.0),
            verify_ms: verify_ms.unwrap_or(10.0),
            stream_ms: verify_ms.unwrap_or(10.0),
        };
        let plan = tandem_collab::plan_speculation(&acc, &costs, &cfg)?;
        last_plan = Some(serde_json::to_value(&plan)?);
        let k = match (args.k, plan.mode) {
            (Some(k), _) => k,
            (None, Mode::Speculate { k }) => k,
            (None, Mode::Stream) => {
                if let Target::Local { engine, .. } = &mut target {
                    // Plain decoding by the target wins the objective: it finishes alone.
                    fallback = Some(format!("streaming: {}", plan.reason));
                    finish = rest(engine, &mut out, &mut rng)?;
                    break;
                }
                // A URL target streams chat completions, not ids: keep speculating at the best
                // k, and let the plan in the output say that streaming would have won.
                plan.k
            }
        };
        let k = k
            .min(args.max_new_tokens - out.len())
            .min(max_context - prompt.len() - out.len())
            .max(1);
        // Draft k tokens (stopping at a stop token).
        let ctx: Vec<u32> = prompt.iter().chain(&out).copied().collect();
        let td = Instant::now();
        let drafted =
            pollster::block_on(drafter.draft(&ctx, k, args.temperature, &mut rng, &stops))?;
        let (draft, dists) = (drafted.ids, drafted.dists.unwrap_or_default());
        if draft.is_empty() {
            bail!("the draft model gave no next token");
        }
        draft_ms = Some(ema(
            draft_ms,
            td.elapsed().as_secs_f64() * 1000.0 / draft.len() as f64,
        ));
        let params = VerifyParams {
            temperature: args.temperature,
            seed: rng.next_u64(),
        };
        let tv = Instant::now();
        let sent = (args.temperature > 0.0).then_some(&dists[..]);
        let verdict = match target.verify(&ctx, &draft, sent, &params) {
            Ok(v) => v,
            Err(e) => {
                // The target is gone: the draft model finishes, from exactly what was accepted.
                fallback = Some(format!("verify failed: {e:#}"));
                finish = rest(&mut drafter, &mut out, &mut rng)?;
                break;
            }
        };
        let wall = tv.elapsed().as_secs_f64() * 1000.0;
        match verdict.server_ms {
            Some(server) => {
                verify_ms = Some(ema(verify_ms, server.max(0.1)));
                rtt_ms = Some(ema(rtt_ms, (wall - server).max(0.0)));
            }
            None => verify_ms = Some(ema(verify_ms, (wall - args.rtt_ms).max(0.1))),
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
    let text = drafter.text().decode(&out, true).unwrap_or_default();
    if args.json {
        let v = json!({
            "ids": out,
            "text": text,
            "target_calls": target_calls,
            "draft_tokens": draft_tokens,
            "accepted_tokens": accepted_tokens,
            "acceptance_rate": if draft_tokens > 0 { accepted_tokens as f64 / draft_tokens as f64 } else { 0.0 },
            "finish_reason": finish,
            "rounds": rounds,
            "plan": last_plan,
            "fallback": fallback,
            "elapsed_ms": t0.elapsed().as_secs_f64() * 1000.0,
            "prompt_ids": prompt,
        });
        println!("{v}");
    } else {
        println!("{text}");
        if let Some(f) = &fallback {
            eprintln!("note: {f}");
        }
    }
    Ok(())
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
