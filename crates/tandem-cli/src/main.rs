//! `tandem`: run a model from the command line. The flags of `logits`, `generate`, `bench`,
//! `eval`, `router fit`, `redact` and `speculate` are a contract other tools and tests rely on.
mod bench;
mod collab;
mod redact;
mod speculate;

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use tandem_core::{ChatMessage, RequestParams};
use tandem_engine::{BackendChoice, Engine, EngineOptions};

#[derive(Parser)]
#[command(
    name = "tandem",
    version,
    about = "Tandem: a small language model next to a big one"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Backend {
    /// tandem-core on the CPU (the reference).
    Cpu,
    /// tandem-gpu: WGSL kernels on the first wgpu adapter (Vulkan/Metal/DX12; lavapipe on CPU).
    Gpu,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ServeBackend {
    /// A real GPU when there is one (not a CPU adapter such as lavapipe), else the CPU.
    Auto,
    Cpu,
    /// tandem-gpu on the first adapter, whatever it is (lavapipe included).
    Gpu,
}

impl Backend {
    fn choice(self) -> BackendChoice {
        match self {
            Backend::Cpu => BackendChoice::Cpu,
            Backend::Gpu => BackendChoice::Gpu,
        }
    }
}

/// The model at `path` in the local engine, on `backend`.
fn load(path: &std::path::Path, backend: Backend) -> Result<Engine> {
    let parts = tandem_core::open(path).with_context(|| format!("loading {}", path.display()))?;
    let opts = EngineOptions {
        backend: backend.choice(),
        ..Default::default()
    };
    Ok(pollster::block_on(Engine::load(parts, &opts))?)
}

/// The prompt of `generate` and `speculate`: text (as it is, or as a chat user message) or ids.
#[derive(clap::Args)]
struct PromptArgs {
    #[arg(long, conflicts_with = "ids", required_unless_present = "ids")]
    prompt: Option<String>,
    #[arg(long, value_delimiter = ',')]
    ids: Option<Vec<u32>>,
    /// Wrap the prompt as a user message in the model's chat template (not with --ids:
    /// token ids are already the model's input).
    #[arg(long, requires = "prompt", conflicts_with = "ids")]
    chat: bool,
}

impl PromptArgs {
    /// The model's input ids, by `text`'s tokenizer and chat template.
    fn ids(&self, text: &tandem_core::TextSide) -> Result<Vec<u32>> {
        Ok(match (&self.prompt, &self.ids) {
            (_, Some(ids)) => ids.clone(),
            (Some(p), None) if self.chat => text
                .prompt_ids(&[ChatMessage::new("user", p)])
                .context("--chat")?,
            (Some(p), None) => text.encode(p, true)?,
            (None, None) => bail!("give --prompt or --ids"),
        })
    }
}

#[derive(Subcommand)]
enum Command {
    /// Print the logits of every position as JSON: {"logits": [[...], ...]}.
    Logits {
        /// Model directory (config.json + safetensors) or .gguf file.
        #[arg(long)]
        model: PathBuf,
        /// Comma-separated token ids.
        #[arg(long, value_delimiter = ',', required = true)]
        ids: Vec<u32>,
        #[arg(long, value_enum, default_value = "cpu")]
        backend: Backend,
    },
    /// Generate text; streamed to stdout, or one JSON object with --json.
    Generate {
        #[arg(long)]
        model: PathBuf,
        #[command(flatten)]
        input: PromptArgs,
        #[arg(long, default_value_t = 64)]
        max_new_tokens: usize,
        /// 0 = greedy.
        #[arg(long, default_value_t = 0.0)]
        temperature: f32,
        #[arg(long)]
        top_k: Option<usize>,
        #[arg(long)]
        top_p: Option<f32>,
        #[arg(long, default_value_t = 1.0)]
        repetition_penalty: f32,
        /// Seed of the sampler (same seed, same text); without one, every run samples afresh.
        #[arg(long)]
        seed: Option<u64>,
        /// Stop when the text contains this (repeatable).
        #[arg(long)]
        stop: Vec<String>,
        /// Do not stop at the model's end-of-sequence tokens.
        #[arg(long)]
        ignore_eos: bool,
        #[arg(long, value_enum, default_value = "cpu")]
        backend: Backend,
        /// Print {"ids", "text", "logprobs", "entropies", "finish_reason"} instead of streaming.
        #[arg(long)]
        json: bool,
    },
    /// Benchmark prefill and decode on random weights at a real model's shapes.
    Bench(bench::BenchArgs),
    /// Evaluate routers on a suite run on the local model and the server LLM: RouteLLM's
    /// metrics per router and baseline as RESULT.json, optionally a PNG of the curves.
    Eval(collab::eval::EvalArgs),
    /// Speculative decoding between a draft model and a target (a model path or a base URL):
    /// the draft proposes, the target verifies; greedy output equals the target's own.
    Speculate(speculate::SpeculateArgs),
    /// Find personal data in text and replace it with placeholders (tandem-privacy); with
    /// --jsonl, one `{"text": ...}` per line in, one `{"redacted", "entities"}` per line out.
    Redact(redact::RedactArgs),
    /// The learned router (router.json).
    Router {
        #[command(subcommand)]
        command: collab::RouterCommand,
    },
    /// Serve the model over an OpenAI-compatible HTTP API (POST /v1/chat/completions,
    /// GET /v1/models, GET /healthz).
    Serve {
        /// Model directory or .gguf file (default: the LARGE of the committed model pair,
        /// models/pair.json).
        #[arg(long, default_value = "models/pair/large")]
        model: PathBuf,
        /// Address to listen on (loopback unless told otherwise).
        #[arg(long, default_value = "127.0.0.1:8000")]
        bind: std::net::SocketAddr,
        /// Where the embedded model runs (/v1/verify runs on tandem-core in every case).
        #[arg(long, value_enum, default_value_t = ServeBackend::Auto)]
        backend: ServeBackend,
        /// The model's name in the API (default: the model directory's or file's name).
        #[arg(long)]
        model_id: Option<String>,
        /// Requests that may wait behind the running one; more get 429.
        #[arg(long, default_value_t = 16)]
        queue: usize,
        /// Largest max_tokens a request may ask for.
        #[arg(long, default_value_t = 2048)]
        max_tokens_limit: usize,
        /// Largest request body in bytes.
        #[arg(long, default_value_t = 1 << 20)]
        max_body_bytes: usize,
        /// File of accepted API keys, one per line (`Authorization: Bearer <key>`); without it
        /// the server needs no key.
        #[arg(long)]
        api_keys_file: Option<PathBuf>,
        /// Requests per minute per API key.
        #[arg(long)]
        rate_limit: Option<u32>,
        /// Origin allowed by CORS (repeatable; default: the demo's, http://127.0.0.1:8080).
        #[arg(long)]
        cors_origin: Vec<String>,
        /// Seconds a request may take before 504.
        #[arg(long, default_value_t = 300)]
        timeout_s: u64,
        /// Proxy mode: forward to this OpenAI-compatible server (vLLM, llama.cpp, Ollama,
        /// OpenAI) instead of running the model here, e.g. http://127.0.0.1:8001.
        #[arg(long)]
        upstream: Option<String>,
        /// Environment variable holding the upstream's API key.
        #[arg(long, default_value = "TANDEM_UPSTREAM_KEY")]
        upstream_key_env: String,
        /// Seconds to wait for the upstream's answer to begin, and at most between two chunks
        /// of it, before 504 (a stream is ended with an error event).
        #[arg(long, default_value_t = 60)]
        upstream_timeout_s: u64,
        /// Seconds a proxied answer may take in all (a stream that never ends is cut).
        #[arg(long, default_value_t = 900)]
        upstream_max_s: u64,
        /// Largest proxied answer in bytes (a non-streamed one is held whole before it is sent).
        #[arg(long, default_value_t = 16 << 20)]
        max_upstream_bytes: usize,
        /// Open connections at most (more wait until one closes).
        #[arg(long, default_value_t = 512)]
        max_connections: usize,
        /// Seconds a connection may take to send a request's headers, or stay idle between
        /// requests, before it is closed.
        #[arg(long, default_value_t = 15)]
        idle_timeout_s: u64,
        /// Seconds a client may leave its answer unread before it is dropped (a generation
        /// still running for it is cancelled).
        #[arg(long, default_value_t = 30)]
        stall_timeout_s: u64,
        /// After SIGINT/SIGTERM: seconds requests in flight may take to finish before open
        /// streams are closed and the server exits.
        #[arg(long, default_value_t = 10)]
        shutdown_grace_s: u64,
    },
}

fn main() {
    // candle sizes its CPU thread pools from RAYON_NUM_THREADS and, when it is unset, re-reads
    // /proc/cpuinfo on every parallel op: set it once.
    if std::env::var_os("RAYON_NUM_THREADS").is_none() {
        let n = std::thread::available_parallelism().map_or(1, |n| n.get());
        std::env::set_var("RAYON_NUM_THREADS", n.to_string());
    }
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Logits {
            model,
            ids,
            backend,
        } => {
            let mut engine = load(&model, backend)?;
            let vocab = engine.config().vocab_size;
            let logits: Vec<Vec<f32>> = pollster::block_on(engine.logits(&ids))?
                .chunks(vocab)
                .map(<[f32]>::to_vec)
                .collect();
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            serde_json::to_writer(&mut out, &serde_json::json!({ "logits": logits }))?;
            writeln!(out)?;
        }
        Command::Generate {
            model,
            input,
            max_new_tokens,
            temperature,
            top_k,
            top_p,
            repetition_penalty,
            seed,
            stop,
            ignore_eos,
            backend,
            json,
        } => {
            let mut engine = load(&model, backend)?;
            let text = engine.text();
            let prompt_ids = input.ids(text)?;
            let req = RequestParams {
                max_tokens: Some(max_new_tokens as u64),
                temperature: Some(temperature),
                top_k: top_k.map(|k| k as u64),
                top_p,
                repetition_penalty: Some(repetition_penalty),
                seed,
                stop: Some(tandem_core::request::Stop::Many(stop)),
                ignore_eos: Some(ignore_eos),
                ..Default::default()
            }
            .validate(&tandem_core::Limits {
                default_max_tokens: max_new_tokens,
                max_tokens: usize::MAX,
            })
            // The check names OpenAI's parameter; say which flags carry them here.
            .context(
                "invalid generation flags (--max-new-tokens is max_tokens; --temperature, \
                 --top-p, --top-k, --repetition-penalty, --stop)",
            )?;
            let mut params = req.params.clone();
            params.stop_token_ids = text.stop_ids(&req);
            engine.begin(&prompt_ids, params, 0)?;
            let stdout = std::io::stdout();
            loop {
                let step = pollster::block_on(engine.step())?;
                if !json && !step.text.is_empty() {
                    let mut o = stdout.lock();
                    // A closed stdout (e.g. `| head`) stops generation instead of panicking.
                    if write!(o, "{}", step.text).and_then(|_| o.flush()).is_err() {
                        break;
                    }
                }
                if step.finish.is_some() {
                    break;
                }
            }
            let g = engine
                .end(Some(tandem_core::FinishReason::Cancelled))?
                .generation;
            // A reader that went away (`| head`) is not an error worth a panic.
            let mut out = stdout.lock();
            let written = if json {
                let v = serde_json::json!({
                    "ids": g.ids,
                    "text": g.text,
                    "logprobs": g.logprobs,
                    "entropies": g.entropies,
                    "finish_reason": g.finish_reason,
                });
                writeln!(out, "{v}")
            } else {
                writeln!(out)
            };
            match written {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
                _ => {}
            }
        }
        Command::Bench(args) => bench::run(args)?,
        Command::Eval(args) => collab::eval::run(args)?,
        Command::Router { command } => collab::router(command)?,
        Command::Redact(args) => redact::run(args)?,
        Command::Speculate(args) => speculate::run(args)?,
        Command::Serve {
            model,
            bind,
            backend,
            model_id,
            queue,
            max_tokens_limit,
            max_body_bytes,
            api_keys_file,
            rate_limit,
            cors_origin,
            timeout_s,
            upstream,
            upstream_key_env,
            upstream_timeout_s,
            upstream_max_s,
            max_upstream_bytes,
            max_connections,
            idle_timeout_s,
            stall_timeout_s,
            shutdown_grace_s,
        } => {
            let mut cfg = tandem_server::ServerConfig::new(model);
            if let Some(path) = api_keys_file {
                let keys = tandem_server::security::read_keys(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                if keys.is_empty() {
                    bail!("{} holds no API key", path.display());
                }
                cfg.api_keys = Some(keys);
            }
            cfg.rate_limit_per_minute = rate_limit;
            if !cors_origin.is_empty() {
                cfg.cors_origins = cors_origin;
            }
            cfg.request_timeout = std::time::Duration::from_secs(timeout_s);
            cfg.upstream = upstream.map(|url| tandem_server::proxy::Upstream {
                url,
                api_key: std::env::var(&upstream_key_env)
                    .ok()
                    .filter(|k| !k.is_empty()),
                timeout: std::time::Duration::from_secs(upstream_timeout_s),
            });
            if let Some(id) = model_id {
                cfg.model_id = id;
            }
            cfg.bind = bind;
            cfg.backend = match backend {
                ServeBackend::Auto => BackendChoice::Auto,
                ServeBackend::Cpu => BackendChoice::Cpu,
                ServeBackend::Gpu => BackendChoice::Gpu,
            };
            cfg.queue = queue;
            cfg.max_tokens_limit = max_tokens_limit;
            cfg.max_body_bytes = max_body_bytes;
            cfg.max_connections = max_connections;
            cfg.upstream_max_time = std::time::Duration::from_secs(upstream_max_s);
            cfg.max_upstream_bytes = max_upstream_bytes;
            cfg.idle_timeout = std::time::Duration::from_secs(idle_timeout_s);
            cfg.stall_timeout = std::time::Duration::from_secs(stall_timeout_s);
            cfg.shutdown_grace = std::time::Duration::from_secs(shutdown_grace_s);
            let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
            let served = rt.block_on(tandem_server::serve(cfg));
            // Tasks still running (a connection past the grace period) are dropped, not awaited.
            rt.shutdown_timeout(std::time::Duration::from_secs(1));
            served?;
        }
    }
    Ok(())
}
