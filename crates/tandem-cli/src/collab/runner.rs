//! The one loop `eval` and `router fit` share: every item of a suite through the local model
//! (greedy, with each token's logprob and entropy and the prompt's pooled features) and through
//! the server LLM (a base URL, or a second engine on the CPU). `--save-runs` keeps what it
//! generated as JSON lines and `--runs` reads them back instead of generating, so a router can
//! be fitted and evaluated on the same generations.
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use serde::{Deserialize, Serialize};
use tandem_collab::uncertainty::{ENTROPY_CEIL, LOGPROB_FLOOR};
use tandem_core::{ChatMessage, RequestParams};
use tandem_engine::Engine;

use super::suite::SuiteItem;
use super::target::{Remote, Target};
use crate::Backend;

/// The first line of a runs file.
pub const RUNS_FORMAT: &str = "tandem-runs/1";

/// Where the generations come from: the flags `eval` and `router fit` share.
#[derive(Args)]
pub struct RunArgs {
    /// The local (small) model: a model directory or .gguf file.
    #[arg(long, required_unless_present = "runs", conflicts_with = "runs")]
    pub local: Option<PathBuf>,
    /// The server LLM: an OpenAI-compatible base URL (http://HOST:PORT/v1) or a model path
    /// (run in a second engine on the CPU).
    #[arg(long, required_unless_present = "runs", conflicts_with = "runs")]
    pub server: Option<String>,
    /// The model name sent to a server URL (default: the first of GET {base}/models).
    #[arg(long)]
    pub server_model: Option<String>,
    /// Bearer key for a server URL (default: the TANDEM_API_KEY environment variable).
    #[arg(long)]
    pub api_key: Option<String>,
    /// Tokens generated per item, on both sides (greedy decoding).
    #[arg(long, default_value_t = 96)]
    pub max_tokens: usize,
    /// Where the local model runs.
    #[arg(long, value_enum, default_value = "cpu")]
    pub backend: Backend,
    /// Seconds one request to a server URL may take.
    #[arg(long, default_value_t = 120)]
    pub timeout_s: u64,
    /// Reuse the generations of an earlier --save-runs file (matched to the items by id)
    /// instead of running the models; the generation flags then do not apply.
    #[arg(long)]
    pub runs: Option<PathBuf>,
    /// Save every item's generations (texts, token logprobs/entropies, prompt features) here.
    #[arg(long, conflicts_with = "runs")]
    pub save_runs: Option<PathBuf>,
}

/// One item's generations on both sides.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Run {
    pub id: String,
    pub messages: Vec<ChatMessage>,
    pub local_text: String,
    /// Per generated token (stop token included), clamped as tandem-collab's TokenStats does.
    pub local_logprobs: Vec<f32>,
    pub local_entropies: Vec<f32>,
    /// The prompt's pooled final-norm hidden states: mean ++ last (the learned router's input).
    pub features: Vec<f32>,
    pub server_text: String,
    /// Tokens the server generated, when it says.
    pub server_tokens: Option<usize>,
    /// Per generated token, the local top-2's logprob gap (absent in runs files from before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_margins: Option<Vec<f32>>,
    /// Each side's wall time for the item, in ms (absent in runs files from before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_ms: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_ms: Option<f64>,
}

impl Run {
    pub fn local_tokens(&self) -> usize {
        self.local_logprobs.len()
    }
}

/// What produced a set of runs (the header of a runs file, and the result's meta).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunInfo {
    pub format: String,
    pub local: String,
    pub server: String,
    /// The model name used at a server URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_model: Option<String>,
    pub max_tokens: usize,
    pub backend: String,
    /// Seconds spent generating (0 when read from a runs file).
    #[serde(default)]
    pub seconds: f64,
}

/// Both models, open: the local engine and the server LLM (for `eval`'s policies after the runs).
pub struct Sides {
    pub local: Engine,
    pub server: Target,
}

impl Sides {
    /// Opens the server first (an unreachable URL fails before any model is loaded), then the
    /// local model; both must have a chat template. (Routing needs no shared tokenizer; the
    /// token-level policies check the vocabularies themselves.)
    pub fn open(args: &RunArgs) -> Result<Sides> {
        if args.timeout_s == 0 {
            bail!("--timeout-s must be at least 1");
        }
        let (Some(local), Some(server)) = (&args.local, &args.server) else {
            bail!("give --local and --server (or --runs)");
        };
        let remote = Remote {
            model: args.server_model.clone(),
            api_key: args.api_key.clone(),
            timeout: Duration::from_secs(args.timeout_s),
            flag: "--server",
        };
        // The server model runs on the CPU: the local one has the GPU, if any.
        let target = Target::open(server, Backend::Cpu, remote)?;
        if let Target::Local { engine, .. } = &target {
            chat_ready(engine, "--server", server)?;
        }
        let engine = crate::load(local, args.backend).context("--local")?;
        chat_ready(&engine, "--local", &local.display().to_string())?;
        Ok(Sides {
            local: engine,
            server: target,
        })
    }
}

/// The runs of `items`, in their order: generated, or read from `--runs` (matched by id, and
/// checked to be the same prompts). Saved to `--save-runs` when asked. `sides`: the models
/// already open (else they are opened here when needed).
pub fn obtain(
    items: &[SuiteItem],
    suite: &Path,
    args: &RunArgs,
    sides: Option<&mut Sides>,
) -> Result<(Vec<Run>, RunInfo)> {
    if let Some(path) = &args.runs {
        let (info, runs) = read_runs(path)?;
        return Ok((match_runs(items, suite, path, runs)?, info));
    }
    if args.max_tokens == 0 {
        bail!("--max-tokens must be at least 1");
    }
    let started = Instant::now();
    let mut opened;
    let sides = match sides {
        Some(s) => s,
        None => {
            opened = Sides::open(args)?;
            &mut opened
        }
    };
    let (Some(local), Some(server)) = (&args.local, &args.server) else {
        bail!("give --local and --server (or --runs)");
    };
    let server_model = sides.server.model().map(str::to_string);

    let bar = ProgressBar::new(items.len() as u64);
    if let Ok(style) = ProgressStyle::with_template("{pos}/{len} items {wide_bar} {elapsed}") {
        bar.set_style(style);
    }
    let mut runs = Vec::with_capacity(items.len());
    for item in items {
        let what = |side: &str| format!("item {:?} (line {}): {side}", item.id, item.line);
        let t = Instant::now();
        let l = generate(&mut sides.local, &item.messages, args.max_tokens, true)
            .with_context(|| what("the local model"))?;
        let local_ms = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let c = sides
            .server
            .complete(&item.messages, args.max_tokens)
            .with_context(|| what("the server"))?;
        let server_ms = t.elapsed().as_secs_f64() * 1000.0;
        runs.push(Run {
            id: item.id.clone(),
            messages: item.messages.clone(),
            local_text: l.text,
            local_logprobs: l.logprobs,
            local_entropies: l.entropies,
            local_margins: l.margins,
            features: l.features,
            server_text: c.text,
            server_tokens: c.tokens,
            local_ms: Some(local_ms),
            server_ms: Some(server_ms),
        });
        bar.inc(1);
    }
    bar.finish_and_clear();
    let info = RunInfo {
        format: RUNS_FORMAT.into(),
        local: local.display().to_string(),
        server: server.clone(),
        server_model,
        max_tokens: args.max_tokens,
        backend: match args.backend {
            Backend::Cpu => "cpu",
            Backend::Gpu => "gpu",
        }
        .into(),
        seconds: started.elapsed().as_secs_f64(),
    };
    if let Some(path) = &args.save_runs {
        write_runs(path, &info, &runs)?;
    }
    Ok((runs, info))
}

fn chat_ready(engine: &Engine, flag: &str, model: &str) -> Result<()> {
    engine
        .text()
        .chat_template()
        .map(|_| ())
        .with_context(|| format!("{flag} {model}: the suite's messages need a chat template"))
}

/// One greedy generation on an engine.
pub struct Generated {
    pub text: String,
    pub logprobs: Vec<f32>,
    pub entropies: Vec<f32>,
    /// Per token: the two likeliest tokens' logprob gap (token-level deferral's `margin`); on
    /// the CPU only.
    pub margins: Option<Vec<f32>>,
    pub features: Vec<f32>,
}

pub fn generate(
    engine: &mut Engine,
    messages: &[ChatMessage],
    max_tokens: usize,
    features: bool,
) -> Result<Generated> {
    let text = engine.text();
    let prompt = text.prompt_ids(messages)?;
    let req = RequestParams {
        max_tokens: Some(max_tokens as u64),
        temperature: Some(0.0),
        ..Default::default()
    }
    .validate(&tandem_core::Limits {
        default_max_tokens: max_tokens,
        max_tokens: usize::MAX,
    })?;
    let mut params = req.params.clone();
    params.stop_token_ids = text.stop_ids(&req);
    // The top-2 of each step gives its margin (token-level deferral's default signal). On the
    // CPU the logits row is read anyway; on a GPU asking for it would read back every row
    // instead of the on-device argmax, so GPU runs have no margins (`router fit` then says so).
    let margins_wanted = features && engine.backend() == tandem_engine::BackendKind::Cpu;
    engine.begin(&prompt, params, if margins_wanted { 2 } else { 0 })?;
    let mut pooled = Vec::new();
    let mut margins = Vec::new();
    loop {
        let step = pollster::block_on(engine.step())?;
        if margins_wanted {
            // A gap that is not a number counts as none (0): the most uncertain a token can
            // be, as a non-finite signal defers at run time.
            margins.push(match step.top.as_slice() {
                [a, b, ..] if (a.logprob - b.logprob).is_finite() => a.logprob - b.logprob,
                _ => 0.0,
            });
        }
        // The prefill has run once the first token is out: its hidden states are stored.
        if features && pooled.is_empty() {
            let f = pollster::block_on(engine.prompt_features())?;
            pooled = [f.mean, f.last].concat();
            if let Some(i) = pooled.iter().position(|v| !v.is_finite()) {
                bail!("prompt feature {i} is not a finite number (the model's numbers broke)");
            }
        }
        if step.finish.is_some() {
            break;
        }
    }
    let g = engine.end(None)?.generation;
    Ok(Generated {
        text: g.text,
        logprobs: g
            .logprobs
            .iter()
            .map(|&v| {
                if v.is_nan() {
                    LOGPROB_FLOOR
                } else {
                    v.clamp(LOGPROB_FLOOR, 0.0)
                }
            })
            .collect(),
        entropies: g
            .entropies
            .iter()
            .map(|&v| {
                if v.is_nan() {
                    ENTROPY_CEIL
                } else {
                    v.clamp(0.0, ENTROPY_CEIL)
                }
            })
            .collect(),
        margins: margins_wanted.then_some(margins),
        features: pooled,
    })
}

/// Every generated token's uncertainty over `runs` (token-level deferral's calibration set).
/// A runs file from before margins were saved gives tokens without one.
pub fn token_uncertainties(runs: &[Run]) -> Result<Vec<tandem_collab::TokenUncertainty>> {
    let mut out = Vec::new();
    for r in runs {
        for (i, (&logprob, &entropy)) in r.local_logprobs.iter().zip(&r.local_entropies).enumerate()
        {
            out.push(tandem_collab::TokenUncertainty {
                logprob,
                entropy,
                margin: r.local_margins.as_ref().and_then(|m| m.get(i).copied()),
            });
        }
    }
    if out.is_empty() {
        bail!("the local model generated no tokens to calibrate on");
    }
    Ok(out)
}

fn write_runs(path: &Path, info: &RunInfo, runs: &[Run]) -> Result<()> {
    let ctx = || format!("cannot write {}", path.display());
    let file = std::fs::File::create(path).with_context(ctx)?;
    let mut out = BufWriter::new(file);
    serde_json::to_writer(&mut out, info).with_context(ctx)?;
    writeln!(out).with_context(ctx)?;
    for r in runs {
        serde_json::to_writer(&mut out, r).with_context(ctx)?;
        writeln!(out).with_context(ctx)?;
    }
    out.flush().with_context(ctx)
}

fn read_runs(path: &Path) -> Result<(RunInfo, Vec<Run>)> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut info = None;
    let mut runs = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let n = i + 1;
        let line = line.with_context(|| format!("cannot read {} line {n}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let at = || format!("{} line {n}", path.display());
        if info.is_none() {
            let h: RunInfo = serde_json::from_str(&line).with_context(|| {
                format!(
                    "{}: not a runs file header ({{\"format\": \"{RUNS_FORMAT}\", ...}}, as --save-runs writes)",
                    at()
                )
            })?;
            if h.format != RUNS_FORMAT {
                bail!(
                    "{}: runs format {:?}, this tandem reads {RUNS_FORMAT:?}",
                    at(),
                    h.format
                );
            }
            info = Some(h);
            continue;
        }
        let r: Run = serde_json::from_str(&line).with_context(at)?;
        if r.local_entropies.len() != r.local_logprobs.len() {
            bail!(
                "{}: {} local_logprobs but {} local_entropies",
                at(),
                r.local_logprobs.len(),
                r.local_entropies.len()
            );
        }
        if let Some(m) = &r.local_margins {
            if m.len() != r.local_logprobs.len() {
                bail!(
                    "{}: {} local_logprobs but {} local_margins",
                    at(),
                    r.local_logprobs.len(),
                    m.len()
                );
            }
        }
        runs.push(r);
    }
    let Some(mut info) = info else {
        bail!(
            "{} is empty (expected a runs file from --save-runs)",
            path.display()
        );
    };
    info.seconds = 0.0;
    Ok((info, runs))
}

/// The runs of `items` in their order, by id; each must hold the same messages.
fn match_runs(items: &[SuiteItem], suite: &Path, path: &Path, runs: Vec<Run>) -> Result<Vec<Run>> {
    let mut by_id: std::collections::HashMap<String, Run> =
        runs.into_iter().map(|r| (r.id.clone(), r)).collect();
    items
        .iter()
        .map(|item| {
            let run = by_id.remove(&item.id).with_context(|| {
                format!(
                    "{} has no run for item {:?} ({} line {})",
                    path.display(),
                    item.id,
                    suite.display(),
                    item.line
                )
            })?;
            if run.messages != item.messages {
                bail!(
                    "{}: the run of item {:?} was made for other messages than {} line {}",
                    path.display(),
                    item.id,
                    suite.display(),
                    item.line
                );
            }
            Ok(run)
        })
        .collect()
}
