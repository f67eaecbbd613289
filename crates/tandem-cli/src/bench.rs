//! `tandem bench`: prefill and decode speed and peak memory on seeded random weights at the
//! shapes of a real checkpoint. `--export-gguf` writes the same weights for llama.cpp, so a
//! comparator runs the very same model (see models/bench_vs_llamacpp.py).
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use tandem_core::random::{random_weights, write_gguf, WeightDtype};
use tandem_core::weights::Weights;
use tandem_core::{Config, GenerateParams, ModelParts, TextSide};
use tandem_engine::{Engine, EngineOptions, ModelOptions};

use crate::Backend;

#[derive(Args)]
pub struct BenchArgs {
    /// smollm2-135m or qwen2.5-0.5b.
    #[arg(long)]
    shape: String,
    /// f32, f16 (stored f16, computed f32 on CPU), q8_0 or q4_0.
    #[arg(long, default_value = "f32")]
    dtype: String,
    #[arg(long, value_enum, default_value = "cpu")]
    backend: Backend,
    /// Prompt length for the prefill measurement.
    #[arg(long, default_value_t = 128)]
    prefill: usize,
    /// Tokens generated one at a time after the prefill.
    #[arg(long, default_value_t = 64)]
    decode: usize,
    /// Tokens in the cache when decode starts: a prompt of this length is fed first (its time
    /// is reported apart); default: the --prefill prompt. Decode's attention reads them all, so
    /// this measures decode at a long context.
    #[arg(long)]
    context: Option<usize>,
    /// Prefill runs (the best is reported).
    #[arg(long, default_value_t = 3)]
    repeats: usize,
    #[arg(long, default_value_t = 1234)]
    seed: u64,
    /// Compute threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Also write the random weights as GGUF here (for llama.cpp).
    #[arg(long)]
    export_gguf: Option<std::path::PathBuf>,
    /// GPU: time each kernel of a decode step (after the decode run, at its context) with
    /// timestamp queries and print each kernel's share of the step.
    #[arg(long)]
    profile: bool,
    /// GPU: cache keys and values as f16 (default: except on CPU adapters; packed in u32 where
    /// the adapter has no shader-f16).
    #[arg(long)]
    kv_f16: Option<bool>,
    /// GPU: queue each greedy step before reading back the last one's pick, so the host's share
    /// of a step overlaps the GPU's (default: except on CPU adapters).
    #[arg(long)]
    greedy_ahead: Option<bool>,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
    /// The GPU's peak memory bandwidth in GB/s: reports decode's share of the roofline
    /// (weight bytes read per token × tok/s ÷ peak).
    #[arg(long)]
    peak_bandwidth_gbs: Option<f64>,
}

impl BenchArgs {
    /// Tokens in the cache when decode starts.
    fn context(&self) -> usize {
        self.context.unwrap_or(self.prefill)
    }

    /// Cache room for the profiled prefill step of `--prefill` tokens (`--profile`), written
    /// after the decoded tokens and then dropped.
    fn profile_room(&self) -> usize {
        if self.profile {
            self.prefill
        } else {
            0
        }
    }
}

/// What one backend measured.
struct Measured {
    prefill_tok_s: f64,
    decode_tok_s: f64,
    /// Seconds to feed the --context prompt before decode.
    context_prefill_s: f64,
    /// --profile: per kernel (label, dispatches per step, µs per step), the longest first; of a
    /// decode step and of a prefill step of `--prefill` tokens.
    profile: Vec<(&'static str, usize, f64)>,
    profile_prefill: Vec<(&'static str, usize, f64)>,
    /// Weight bytes read per decoded token (GPU).
    weight_bytes: Option<usize>,
    device: String,
}

/// A memory figure of this process from /proc/self/status (Linux), in MiB: `VmHWM` is the peak
/// resident size, `VmRSS` the current one.
fn status_mib(key: &str) -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(a: BenchArgs) -> Result<()> {
    if let Some(t) = a.threads {
        // candle's CPU kernels size their thread pools from this (read once, at first use).
        std::env::set_var("RAYON_NUM_THREADS", t.to_string());
    }
    let Some(cfg) = Config::preset(&a.shape) else {
        bail!(
            "unknown --shape {:?} (known: smollm2-135m, qwen2.5-0.5b)",
            a.shape
        );
    };
    if a.profile && !matches!(a.backend, Backend::Gpu) {
        bail!("--profile times GPU kernels: it needs --backend gpu");
    }
    if a.prefill == 0 || a.decode == 0 || a.repeats == 0 {
        bail!("--prefill, --decode and --repeats must be > 0");
    }
    let context = a.context();
    if context == 0 {
        bail!("--context must be > 0");
    }
    if a.prefill.max(context) + a.decode + a.profile_room() > cfg.max_position_embeddings {
        bail!(
            "--prefill (or --context) + --decode (+ --prefill again to --profile a prefill step) exceeds the context of {}",
            cfg.max_position_embeddings
        );
    }
    let dtype = WeightDtype::parse(&a.dtype)?;
    let steps = 2 + a.repeats as u64 + a.decode as u64 + u64::from(a.export_gguf.is_some());
    let pb = if a.json {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(steps)
    };
    pb.set_style(
        ProgressStyle::with_template("{spinner} {msg:<28} [{bar:30}] {pos}/{len} {elapsed}")
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .progress_chars("=> "),
    );

    pb.set_message("random weights");
    let tensors = random_weights(&cfg, dtype, a.seed)?;
    let params: usize = tensors.values().map(|t| t.shape().elem_count()).sum();
    if let Some(path) = &a.export_gguf {
        pb.set_message("writing GGUF");
        let mut f = std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        );
        write_gguf(&mut f, &cfg, &tensors, dtype)?;
        pb.inc(1);
    }
    let weights = Weights::Memory(tensors);
    let prompt: Vec<u32> = (0..a.prefill.max(context))
        .map(|i| ((i * 7919 + 13) % cfg.vocab_size) as u32)
        .collect();
    let parts = ModelParts {
        config: cfg.clone(),
        weights,
        text: TextSide::new(None, Ok(None), Vec::new()),
    };
    let m = pollster::block_on(bench(&a, parts, &prompt, &pb))?;
    pb.finish_and_clear();
    let (prefill_tok_s, decode_tok_s) = (m.prefill_tok_s, m.decode_tok_s);
    let backend = match a.backend {
        Backend::Cpu => "cpu",
        Backend::Gpu => "gpu",
    };
    let roofline = match (m.weight_bytes, a.peak_bandwidth_gbs) {
        (Some(b), Some(peak)) if peak > 0.0 => Some(b as f64 * decode_tok_s / (peak * 1e9)),
        _ => None,
    };

    let threads = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|t| t.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let peak = status_mib("VmHWM:");
    let rss = status_mib("VmRSS:");
    if a.json {
        let v = serde_json::json!({
            "engine": "tandem",
            "backend": backend,
            "device": m.device,
            "weight_bytes": m.weight_bytes,
            "roofline_share": roofline,
            "shape": a.shape,
            "dtype": a.dtype,
            "params": params,
            "threads": threads,
            "prefill_tokens": a.prefill,
            "prefill_tok_s": prefill_tok_s,
            "decode_tokens": a.decode,
            "decode_context": context,
            "greedy_ahead": a.greedy_ahead,
            "decode_tok_s": decode_tok_s,
            "context_prefill_s": m.context_prefill_s,
            "profile": profile_json(&m.profile),
            "profile_prefill": profile_json(&m.profile_prefill),
            "step_gpu_us": step_gpu_us(&m.profile),
            "step_gpu_us_prefill": step_gpu_us(&m.profile_prefill),
            "peak_rss_mib": peak,
            "rss_mib": rss,
        });
        println!("{v}");
    } else {
        println!(
            "tandem bench  shape={} dtype={} backend={backend} threads={threads}",
            a.shape, a.dtype
        );
        println!("  device        {}", m.device);
        println!("  params        {:.1} M", params as f64 / 1e6);
        println!(
            "  prefill       {prefill_tok_s:.1} tok/s ({} tokens, best of {})",
            a.prefill, a.repeats
        );
        println!(
            "  decode        {decode_tok_s:.1} tok/s ({} tokens after {context} in the cache, fed in {:.1} s)",
            a.decode, m.context_prefill_s
        );
        if let Some(b) = m.weight_bytes {
            println!(
                "  weights       {:.1} MiB read per decoded token ({:.2} GB/s at this speed)",
                b as f64 / (1 << 20) as f64,
                b as f64 * decode_tok_s / 1e9
            );
        }
        print_profile(&m.profile, &format!("one decode step at context {context}"));
        print_profile(
            &m.profile_prefill,
            &format!(
                "one prefill step of {} tokens at context {context}",
                a.prefill
            ),
        );
        if let Some(r) = roofline {
            println!("  roofline      {:.1} % of the peak bandwidth", r * 100.0);
        }
        match (peak, rss) {
            (Some(p), Some(r)) => {
                println!("  memory        {r:.0} MiB resident after decoding, {p:.0} MiB peak (incl. making the weights)")
            }
            _ => println!("  memory        n/a on this platform"),
        }
    }
    Ok(())
}

/// Through the local engine, as every caller runs the model. Prefill: the prompt fed and its
/// first token picked (on the GPU: on the device, 16 bytes read back). Decode: one greedy step
/// per token (the GPU keeps each pick on the device as the next input).
async fn bench(
    a: &BenchArgs,
    parts: ModelParts,
    prompt: &[u32],
    pb: &ProgressBar,
) -> Result<Measured> {
    let opts = EngineOptions {
        backend: a.backend.choice(),
        model: ModelOptions {
            max_context: prompt.len() + a.decode + a.profile_room() + 8,
            kv_f16: a.kv_f16,
            greedy_ahead: a.greedy_ahead,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut engine = Engine::load(parts, &opts).await?;
    pb.inc(1);
    let greedy = |n: usize| GenerateParams {
        max_new_tokens: n,
        ..Default::default()
    };
    pb.set_message("warm-up");
    engine.begin(&prompt[..prompt.len().min(8)], greedy(2), 0)?;
    engine.step().await?;
    engine.step().await?;
    engine.end(None)?;
    pb.inc(1);

    pb.set_message("prefill");
    let mut best = f64::INFINITY;
    let context = a.context();
    let (prefill_prompt, context_prompt) = (&prompt[..a.prefill], &prompt[..context]);
    for _ in 0..a.repeats {
        engine.rewind(0)?;
        engine.begin(prefill_prompt, greedy(a.decode + 1), 0)?;
        let t = Instant::now();
        engine.step().await?;
        best = best.min(t.elapsed().as_secs_f64());
        pb.inc(1);
        engine.end(None)?;
    }
    pb.set_message("decode");
    engine.rewind(0)?;
    engine.begin(context_prompt, greedy(a.decode + 1), 0)?;
    let t = Instant::now();
    engine.step().await?;
    let context_prefill_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for _ in 0..a.decode {
        engine.step().await?;
        pb.inc(1);
    }
    let decode = t.elapsed().as_secs_f64();
    let (profile, profile_prefill) = if a.profile {
        pb.set_message("profile");
        (
            profile(&mut engine, 1).await?,
            profile(&mut engine, a.prefill).await?,
        )
    } else {
        Default::default()
    };
    Ok(Measured {
        prefill_tok_s: a.prefill as f64 / best,
        decode_tok_s: a.decode as f64 / decode,
        context_prefill_s,
        weight_bytes: (engine.gpu_weight_bytes() > 0).then(|| engine.gpu_weight_bytes()),
        device: engine.adapter().unwrap_or("cpu").to_string(),
        profile,
        profile_prefill,
    })
}

/// Profiled steps (the median of each dispatch over them), summed per kernel label.
const PROFILE_STEPS: usize = 5;

/// Steps of `tokens` tokens (1: decode; more: a prefill step) at the current context, profiled
/// per dispatch, and then timed as a run records them (an entry "step (one pass)": the GPU time
/// of the whole step, without the per-dispatch passes' own cost).
async fn profile(engine: &mut Engine, tokens: usize) -> Result<Vec<(&'static str, usize, f64)>> {
    let mut per_label = median_profile(engine, tokens, false).await?;
    let whole = median_profile(engine, tokens, true).await?;
    per_label.push((STEP_ONE_PASS, 1, whole.iter().map(|k| k.2).sum()));
    Ok(per_label)
}

/// What [`profile`] calls the one-pass time of the step.
const STEP_ONE_PASS: &str = "step (one pass)";

async fn median_profile(
    engine: &mut Engine,
    tokens: usize,
    one_pass: bool,
) -> Result<Vec<(&'static str, usize, f64)>> {
    let mut runs = Vec::new();
    for _ in 0..PROFILE_STEPS {
        match engine.gpu_profile_step(tokens, one_pass).await? {
            Some(times) => runs.push(times),
            None => bail!("--profile: the model did not load on the GPU"),
        }
    }
    let mut per_label: Vec<(&'static str, usize, f64)> = Vec::new();
    for (i, first) in runs[0].iter().enumerate() {
        let mut ns: Vec<f64> = runs.iter().filter_map(|r| r.get(i)).map(|k| k.ns).collect();
        ns.sort_by(f64::total_cmp);
        let us = ns[ns.len() / 2] / 1e3;
        match per_label.iter_mut().find(|(l, _, _)| *l == first.label) {
            Some(e) => {
                e.1 += 1;
                e.2 += us;
            }
            None => per_label.push((first.label, 1, us)),
        }
    }
    per_label.sort_by(|x, y| y.2.total_cmp(&x.2));
    Ok(per_label)
}

/// A profile entry: kernel label, dispatches, µs.
type Kernel = (&'static str, usize, f64);

/// Each kernel's entry (without the one-pass time of the step: [`step_gpu_us`]).
fn profile_json(p: &[Kernel]) -> serde_json::Value {
    p.iter()
        .filter(|k| k.0 != STEP_ONE_PASS)
        .map(|(l, n, us)| serde_json::json!({ "kernel": l, "dispatches": n, "us": us }))
        .collect()
}

/// The GPU time of the profiled step recorded as a run records it.
fn step_gpu_us(p: &[Kernel]) -> Option<f64> {
    p.iter().find(|k| k.0 == STEP_ONE_PASS).map(|k| k.2)
}

/// A profile's table: each kernel's dispatches, µs and share of `what`, then the step's GPU
/// time in one pass.
fn print_profile(p: &[(&'static str, usize, f64)], what: &str) {
    if p.is_empty() {
        return;
    }
    let (whole, p): (Vec<&Kernel>, Vec<&Kernel>) = p.iter().partition(|k| k.0 == STEP_ONE_PASS);
    let total: f64 = p.iter().map(|k| k.2).sum();
    println!(
        "  profile       {what}: {total:.0} µs of kernel time (median of {PROFILE_STEPS} steps, a pass per dispatch)"
    );
    if let Some(w) = whole.first() {
        println!(
            "                the step as a run records it: {:.0} µs on the GPU",
            w.2
        );
    }
    for (label, n, us) in p {
        println!(
            "    {label:<20} {n:>4} dispatches {us:>10.1} µs {:>5.1} %",
            100.0 * us / total
        );
    }
}
