//! `tandem eval`: run a suite on the local model and the server LLM, score every item with
//! every router (the learned one from router.json, each uncertainty signal, the router.json's
//! cascade rule), and report RouteLLM's metrics per router next to the baselines, as
//! RESULT.json and optionally a PNG of accuracy against server share.
//!
//! RESULT.json: `{"items": [...], "summary": {ROUTER: Summary + "curve", "oracle",
//! "always_local", "always_server", "random"}, "policies": {POLICY: Row}, "meta": {...}}`. A
//! higher score means "send to the server". `policies` is the table of every policy (accuracy,
//! server calls and tokens, latency; policies.rs), with `--policies` run item by item (each
//! item's `policies` holds their answers).
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args;
use serde_json::{json, Map, Value};
use tandem_collab::metrics::{self, CurvePoint, OperatingPoint, RANDOM_APGR};
use tandem_collab::{summarize, uncertainty_score, Router, Signal, TokenStats};

use super::policies::{self, PolicyArgs, PolicyName};
use super::runner::{self, Run, RunArgs, Sides};
use super::{plot, suite};

#[derive(Args)]
pub struct EvalArgs {
    /// The suite: JSON lines {"id", "family", "messages", "answer"}.
    #[arg(long)]
    pub suite: PathBuf,
    #[command(flatten)]
    pub run: RunArgs,
    /// A router.json (`tandem router fit`): adds the "learned" router and its cascade rule.
    #[arg(long)]
    pub router: Option<PathBuf>,
    /// Where RESULT.json goes.
    #[arg(long)]
    pub out: PathBuf,
    /// Also draw accuracy against server share for every router as a PNG.
    #[arg(long)]
    pub plot: Option<PathBuf>,
    #[command(flatten)]
    pub policy: PolicyArgs,
}

/// One router's scores over the items (higher → server) and the operating point it is
/// evaluated at, when it has one.
pub struct Scored {
    pub name: String,
    pub scores: Vec<f32>,
    pub operating: Option<OperatingPoint>,
}

pub fn run(a: EvalArgs) -> Result<()> {
    let started = Instant::now();
    // Everything that can be refused is read before any model runs.
    super::check_out("--out", Some(&a.out))?;
    super::check_out("--plot", a.plot.as_deref())?;
    super::check_out("--save-runs", a.run.save_runs.as_deref())?;
    let router = a.router.as_deref().map(read_router).transpose()?;
    let settings = a.policy.check(router.as_ref())?;
    let items = suite::read(&a.suite, true)?;
    let mut sides = if a.policy.policies.is_empty() {
        None
    } else if a.run.runs.is_some() {
        bail!("--policies run both models token by token: give --local and --server, not --runs");
    } else {
        let sides = Sides::open(&a.run)?;
        // Token by token, the server judges the local model's token ids.
        sides
            .server
            .check_vocab(&sides.local, ("local", "server"))?;
        Some(sides)
    };
    let (runs, info) = runner::obtain(&items, &a.suite, &a.run, sides.as_mut())?;

    let answers: Vec<&str> = items
        .iter()
        .map(|i| i.answer.as_deref().unwrap_or_default())
        .collect();
    let local_correct: Vec<bool> = runs
        .iter()
        .zip(&answers)
        .map(|(r, ans)| tandem_collab::is_correct(&r.local_text, ans))
        .collect();
    let server_correct: Vec<bool> = runs
        .iter()
        .zip(&answers)
        .map(|(r, ans)| tandem_collab::is_correct(&r.server_text, ans))
        .collect();
    let routers = score_all(&runs, router.as_ref())?;

    // The policy table: the rows the runs give, then each policy run on every item.
    let mut rows = policies::baseline_rows(
        &runs,
        &local_correct,
        &server_correct,
        router.as_ref(),
        a.policy.rtt_ms,
    )?;
    let mut policy_items: Vec<Map<String, Value>> = vec![Map::new(); items.len()];
    if let Some(sides) = sides.as_mut() {
        for &p in &a.policy.policies {
            let started = Instant::now();
            let mut cells = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let r = policies::run_one(p, sides, &item.messages, info.max_tokens, &settings)
                    .with_context(|| {
                        format!(
                            "item {:?} (line {}): policy {}",
                            item.id,
                            item.line,
                            p.name()
                        )
                    })?;
                let correct = tandem_collab::is_correct(&r.text, answers[i]);
                let mut v = serde_json::to_value(&r)?;
                v["correct"] = json!(correct);
                v["same_as_server"] = json!(r.text == runs[i].server_text);
                policy_items[i].insert(p.name().into(), v);
                cells.push(policies::Cell::of(&r, correct));
            }
            eprintln!(
                "policy {}: {} items in {:.0} s",
                p.name(),
                items.len(),
                started.elapsed().as_secs_f64()
            );
            rows.push((p.name().into(), policies::row(&cells, a.policy.rtt_ms)));
        }
    }

    // Per-router summaries with their curves, then the baselines.
    let mut summary = Map::new();
    let mut curves = Vec::new();
    for r in &routers {
        let s = summarize(&r.scores, &local_correct, &server_correct, r.operating)
            .with_context(|| format!("summarising router {:?}", r.name))?;
        let c = metrics::curve(&r.scores, &local_correct, &server_correct)?;
        let at = s
            .server_share
            .zip(s.accuracy_at_calibrated_share)
            .map(|(share, accuracy)| CurvePoint { share, accuracy });
        summary.insert(r.name.clone(), with_curve(serde_json::to_value(&s)?, &c));
        curves.push(plot::Series {
            name: r.name.clone(),
            points: c,
            operating: at,
        });
    }
    let oracle_scores = metrics::oracle_scores(&local_correct, &server_correct)?;
    let oracle = summarize(&oracle_scores, &local_correct, &server_correct, None)?;
    let oracle_curve = metrics::curve(&oracle_scores, &local_correct, &server_correct)?;
    let (la, sa) = (oracle.local_accuracy, oracle.server_accuracy);
    let defined = oracle.random_apgr.is_some();
    let n = runs.len();
    let random_curve: Vec<CurvePoint> = (0..=n)
        .map(|k| {
            let share = k as f64 / n as f64;
            CurvePoint {
                share: share as f32,
                accuracy: (f64::from(la) + share * (f64::from(sa) - f64::from(la))) as f32,
            }
        })
        .collect();
    summary.insert(
        "oracle".into(),
        with_curve(serde_json::to_value(&oracle)?, &oracle_curve),
    );
    summary.insert(
        "always_local".into(),
        json!({
            "server_share": 0.0, "accuracy": la, "pgr": defined.then_some(0.0),
            "curve": [{"share": 0.0, "accuracy": la}],
        }),
    );
    summary.insert(
        "always_server".into(),
        json!({
            "server_share": 1.0, "accuracy": sa, "pgr": defined.then_some(1.0),
            "curve": [{"share": 1.0, "accuracy": sa}],
        }),
    );
    summary.insert(
        "random".into(),
        with_curve(
            json!({
                "apgr": defined.then_some(RANDOM_APGR),
                "cpt50": defined.then_some(0.5),
                "local_accuracy": la,
                "server_accuracy": sa,
            }),
            &random_curve,
        ),
    );

    let out_items: Vec<Value> = items
        .iter()
        .zip(&runs)
        .enumerate()
        .map(|(i, (item, r))| {
            let scores: Map<String, Value> = routers
                .iter()
                .map(|s| (s.name.clone(), json!(s.scores[i])))
                .collect();
            let mut v = json!({
                "id": item.id,
                "family": item.family.clone().unwrap_or_default(),
                "answer": answers[i],
                "local_text": r.local_text,
                "server_text": r.server_text,
                "local_correct": local_correct[i],
                "server_correct": server_correct[i],
                "local_tokens": r.local_tokens(),
                "server_tokens": r.server_tokens,
                "scores": scores,
            });
            if let (Some(level), Some(obj)) = (&item.level, v.as_object_mut()) {
                obj.insert("level".into(), level.clone());
            }
            if !policy_items[i].is_empty() {
                v["policies"] = Value::Object(policy_items[i].clone());
            }
            v
        })
        .collect();

    let mut meta = json!({
        "suite": a.suite.display().to_string(),
        "local": info.local,
        "server": info.server,
        "items": n,
        "max_tokens": info.max_tokens,
        "backend": info.backend,
        "generation_seconds": info.seconds,
        "seconds": started.elapsed().as_secs_f64(),
        "routers": routers.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        "tandem_version": env!("CARGO_PKG_VERSION"),
    });
    if let Some(obj) = meta.as_object_mut() {
        if let Some(m) = &info.server_model {
            obj.insert("server_model".into(), json!(m));
        }
        if let Some(p) = &a.router {
            obj.insert("router".into(), json!(p.display().to_string()));
        }
        if let Some(p) = &a.run.runs {
            obj.insert("runs".into(), json!(p.display().to_string()));
        }
    }
    if let Some(obj) = meta.as_object_mut() {
        obj.insert("rtt_ms".into(), json!(a.policy.rtt_ms));
        if let Some(rule) = &settings.defer {
            obj.insert("token_defer".into(), serde_json::to_value(rule)?);
        }
        if a.policy.policies.contains(&PolicyName::Fusion) {
            // The weight through its decimal text: an f32 widened as is prints 0.699999988….
            let weight: f64 = settings
                .fusion
                .weight
                .to_string()
                .parse()
                .unwrap_or_default();
            obj.insert(
                "fusion".into(),
                json!({"weight": weight, "k": settings.fusion_k, "top_k": settings.fusion_top_k}),
            );
        }
    }
    print_table(&routers, &summary, la, sa, n);
    println!();
    let table = policies::table(&rows)?;
    let result = json!({ "items": out_items, "summary": summary, "policies": table, "meta": meta });
    let text = serde_json::to_string_pretty(&result)?;
    std::fs::write(&a.out, text + "\n")
        .with_context(|| format!("cannot write {}", a.out.display()))?;

    if let Some(path) = &a.plot {
        let chart = plot::Chart {
            title: format!("accuracy vs server share ({n} items)"),
            routers: curves,
            oracle: oracle_curve,
            random: random_curve,
            local: la,
            server: sa,
        };
        plot::write_png(path, &chart)?;
    }
    Ok(())
}

fn read_router(path: &std::path::Path) -> Result<Router> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Router::from_json(&text).with_context(|| format!("--router {}", path.display()))
}

/// Scores of every router: "learned" (with a router.json), each signal, and "cascade" (the
/// router.json's rule).
pub fn score_all(runs: &[Run], router: Option<&Router>) -> Result<Vec<Scored>> {
    let mut out = Vec::new();
    if let Some(r) = router {
        let scores = runs
            .iter()
            .map(|run| {
                r.score(&run.features).with_context(|| {
                    format!(
                        "item {:?}: the router cannot score the local model's features \
                         (was it fitted on another local model?)",
                        run.id
                    )
                })
            })
            .collect::<Result<Vec<f32>>>()?;
        out.push(Scored {
            name: "learned".into(),
            scores,
            operating: Some(OperatingPoint {
                threshold: r.threshold,
                target_share: r.target_share,
            }),
        });
    }
    let stats = runs
        .iter()
        .map(|run| {
            TokenStats::from_tokens(&run.local_logprobs, &run.local_entropies)
                .with_context(|| format!("item {:?}", run.id))
        })
        .collect::<Result<Vec<_>>>()?;
    let cascade = router.and_then(|r| r.cascade.map(|c| (c, r.target_share)));
    let operating_of = |sig: Signal| {
        cascade
            .filter(|(c, _)| c.signal == sig)
            .map(|(c, share)| OperatingPoint {
                threshold: c.threshold,
                target_share: share,
            })
    };
    for sig in Signal::ALL {
        out.push(Scored {
            name: sig.name().into(),
            scores: stats.iter().map(|s| uncertainty_score(s, sig)).collect(),
            operating: operating_of(sig),
        });
    }
    if let Some((c, _)) = cascade {
        out.push(Scored {
            name: "cascade".into(),
            scores: stats
                .iter()
                .map(|s| uncertainty_score(s, c.signal))
                .collect(),
            operating: operating_of(c.signal),
        });
    }
    Ok(out)
}

fn with_curve(mut v: Value, curve: &[CurvePoint]) -> Value {
    if let Some(obj) = v.as_object_mut() {
        obj.insert("curve".into(), json!(curve));
    }
    v
}

fn print_table(routers: &[Scored], summary: &Map<String, Value>, la: f32, sa: f32, n: usize) {
    let num = |v: &Value, key: &str| match v.get(key).and_then(Value::as_f64) {
        Some(x) => format!("{x:.3}"),
        None => "-".into(),
    };
    println!("{n} items: local accuracy {la:.3}, server accuracy {sa:.3}");
    println!(
        "{:<14} {:>7} {:>7} {:>7} {:>7} {:>9}",
        "router", "APGR", "CPT50", "AUROC", "share", "accuracy"
    );
    let names = routers.iter().map(|r| r.name.as_str()).chain(["oracle"]);
    for name in names {
        let Some(v) = summary.get(name) else { continue };
        println!(
            "{:<14} {:>7} {:>7} {:>7} {:>7} {:>9}",
            name,
            num(v, "apgr"),
            num(v, "cpt50"),
            num(v, "auroc"),
            num(v, "server_share"),
            num(v, "accuracy_at_calibrated_share"),
        );
    }
}
