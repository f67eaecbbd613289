//! `tandem router simulate`: personalisation on the device, measured with a simulated user.
//!
//! The user always wants the server for one task family (`--prefer-server-family`) and
//! otherwise accepts a correct answer, whoever wrote it. Over a suite's saved generations
//! (`tandem eval --save-runs`) and a router.json, the items are split in two halves: the user
//! rates the answers of the first half in order — the route is the router's, the answer that
//! route's text — and every rating goes through tandem-collab's `personal::label` and
//! `Router::learn`, exactly as `tandem.feedback` does in the browser, until `--events` events
//! have been learned (ratings that teach nothing, on server answers, are counted apart). The
//! share of answers the user accepts, and the server share, are measured on the other half
//! before, during and after. `--repeats` repeats it over seeded shuffles of the suite (repeat 0
//! keeps the suite's order) and reports the mean, min and max.
//!
//! The route here is the router's score against its threshold alone (no rules: the simulation
//! is online, unmetered, without budgets, as `tandem eval`'s `learned` policy).
use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Args;
use serde::{Deserialize, Serialize};
use tandem_collab::personal::{label, Feedback, LearnParams, MAX_RATE};
use tandem_collab::{is_correct, Route, Router};

use super::runner::RUNS_FORMAT;
use super::suite::{self, SuiteItem};

#[derive(Args)]
pub struct SimulateArgs {
    /// The suite: JSON lines with "id", "family", "messages" and "answer".
    #[arg(long)]
    pub suite: PathBuf,
    /// The suite's generations on both sides (`tandem eval --save-runs`).
    #[arg(long)]
    pub runs: PathBuf,
    /// The base router.json.
    #[arg(long)]
    pub router: PathBuf,
    /// The task family the simulated user always wants the server's answer for.
    #[arg(long)]
    pub prefer_server_family: String,
    /// Feedback events learned before the "after" measurement.
    #[arg(long, default_value_t = 50)]
    pub events: usize,
    /// Learning rate of each event, in (0, 4] (tandem-collab's LearnParams).
    #[arg(long, default_value_t = LearnParams::default().rate)]
    pub rate: f32,
    /// Share of the learned offset forgotten at each event, in [0, 1).
    #[arg(long, default_value_t = LearnParams::default().l2)]
    pub l2: f32,
    /// Feedback orders: the suite's, then seeded shuffles.
    #[arg(long, default_value_t = 10)]
    pub repeats: usize,
    /// Where the result (JSON) goes.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// The fields of a runs line the simulation reads (others ignored, so runs files with more
/// fields still read).
#[derive(Deserialize)]
struct RunLine {
    id: String,
    local_text: String,
    server_text: String,
    features: Vec<f32>,
}

/// One item as the simulated user meets it.
struct Item {
    family: String,
    features: Vec<f32>,
    local_correct: bool,
    server_correct: bool,
}

/// Acceptance and server share over a set of items.
#[derive(Debug, Clone, Copy, Default, Serialize)]
struct Measure {
    accepted: f64,
    server_share: f64,
}

#[derive(Debug, Clone, Serialize)]
struct Repeat {
    seed: u64,
    before: Measure,
    after: Measure,
    /// (events learned, measure) every 10 events.
    curve: Vec<(usize, Measure)>,
    /// Answers rated to learn the events (ratings of server answers teach nothing).
    ratings: usize,
    /// Learned events labelled "wanted the server".
    server_labels: usize,
    /// Fewer than --events when the feedback half ran out.
    events: usize,
    before_by_family: BTreeMap<String, Measure>,
    after_by_family: BTreeMap<String, Measure>,
    /// What personalisation aims at: the base router's routes with the family always sent to
    /// the server.
    target: Measure,
}

#[derive(Debug, Clone, Copy, Serialize)]
struct Spread {
    mean: f64,
    min: f64,
    max: f64,
}

/// The shortest decimal that reads back as `v`, as an f64.
fn short(v: f32) -> f64 {
    v.to_string().parse().unwrap_or(f64::from(v))
}

fn spread(v: impl Iterator<Item = f64>) -> Spread {
    let v: Vec<f64> = v.collect();
    let n = v.len().max(1) as f64;
    Spread {
        mean: v.iter().sum::<f64>() / n,
        min: v.iter().copied().fold(f64::INFINITY, f64::min),
        max: v.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    }
}

pub fn run(a: SimulateArgs) -> Result<()> {
    let params = LearnParams {
        rate: a.rate,
        l2: a.l2,
    };
    params
        .validate()
        .with_context(|| format!("--rate {} (in (0, {MAX_RATE}]) / --l2 {}", a.rate, a.l2))?;
    if a.events == 0 || a.repeats == 0 {
        bail!("--events and --repeats must be at least 1");
    }
    super::check_out("--out", a.out.as_deref())?;
    let text = std::fs::read_to_string(&a.router)
        .with_context(|| format!("cannot read {}", a.router.display()))?;
    let base = Router::from_json(&text).with_context(|| a.router.display().to_string())?;
    let suite_items = suite::read(&a.suite, true)?;
    let items = join(&suite_items, &a.runs, &base)?;
    let family = a.prefer_server_family.as_str();
    if !items.iter().any(|i| i.family == family) {
        bail!(
            "--prefer-server-family {family:?}: no item of {} has that family",
            a.suite.display()
        );
    }
    if items.len() < 4 {
        bail!("{} has too few items to split", a.suite.display());
    }

    let mut repeats = Vec::with_capacity(a.repeats);
    for seed in 0..a.repeats as u64 {
        let order = shuffled(items.len(), seed);
        let (feedback, held_out) = order.split_at(items.len() / 2);
        let rated: Vec<&Item> = feedback.iter().map(|&i| &items[i]).collect();
        let eval: Vec<&Item> = held_out.iter().map(|&i| &items[i]).collect();
        repeats.push(simulate(
            &base, &rated, &eval, family, a.events, &params, seed,
        )?);
    }

    let all_server = measure_fixed(&items, family, Route::Server);
    let all_local = measure_fixed(&items, family, Route::Local);
    let pick = |f: fn(&Repeat) -> f64| spread(repeats.iter().map(f));
    let result = serde_json::json!({
        "format": "tandem-personal-sim/1",
        "suite": a.suite.display().to_string(),
        "runs": a.runs.display().to_string(),
        "router": a.router.display().to_string(),
        "prefer_server_family": family,
        "user": "always wants the server's answer for the family; otherwise accepts a correct answer",
        "events": a.events,
        // As typed (an f32 widened to f64 would print 0.019999999552965164).
        "rate": short(a.rate),
        "l2": short(a.l2),
        "repeats": a.repeats,
        "items": items.len(),
        "held_out_items": items.len() - items.len() / 2,
        "accepted_before": pick(|r| r.before.accepted),
        "accepted_after": pick(|r| r.after.accepted),
        "server_share_before": pick(|r| r.before.server_share),
        "server_share_after": pick(|r| r.after.server_share),
        "ratings": pick(|r| r.ratings as f64),
        "target_accepted": pick(|r| r.target.accepted),
        "target_server_share": pick(|r| r.target.server_share),
        "reference": {
            "all_server": all_server,
            "all_local": all_local,
        },
        "per_repeat": repeats,
    });
    print_summary(&result, &repeats);
    if let Some(out) = &a.out {
        let text = serde_json::to_string_pretty(&result)?;
        std::fs::write(out, text + "\n")
            .with_context(|| format!("cannot write {}", out.display()))?;
        eprintln!("wrote {}", out.display());
    }
    Ok(())
}

/// The suite's items with their runs (matched by id), features checked against the router.
fn join(items: &[SuiteItem], runs: &Path, router: &Router) -> Result<Vec<Item>> {
    let mut by_id = read_runs(runs)?;
    items
        .iter()
        .map(|it| {
            let at = || format!("item {:?} ({})", it.id, runs.display());
            let r = by_id
                .remove(&it.id)
                .with_context(|| format!("{}: no run for it", at()))?;
            if r.features.len() != router.dim {
                bail!(
                    "{}: {} features, the router takes {} (runs of another local model?)",
                    at(),
                    r.features.len(),
                    router.dim
                );
            }
            let answer = it.answer.clone().unwrap_or_default();
            Ok(Item {
                family: it.family.clone().unwrap_or_default(),
                local_correct: is_correct(&r.local_text, &answer),
                server_correct: is_correct(&r.server_text, &answer),
                features: r.features,
            })
        })
        .collect()
}

fn read_runs(path: &Path) -> Result<HashMap<String, RunLine>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut runs = HashMap::new();
    let mut header = false;
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let at = || format!("{} line {}", path.display(), i + 1);
        let line = line.with_context(at)?;
        if line.trim().is_empty() {
            continue;
        }
        if !header {
            let v: serde_json::Value = serde_json::from_str(&line).with_context(at)?;
            if v.get("format").and_then(|f| f.as_str()) != Some(RUNS_FORMAT) {
                bail!(
                    "{}: not a {RUNS_FORMAT} runs file (tandem eval --save-runs)",
                    at()
                );
            }
            header = true;
            continue;
        }
        let r: RunLine = serde_json::from_str(&line).with_context(at)?;
        runs.insert(r.id.clone(), r);
    }
    Ok(runs)
}

/// Whether the simulated user accepts the answer `route` gives for `item`.
fn accepts(item: &Item, route: Route, family: &str) -> bool {
    if item.family == family && route == Route::Local {
        return false;
    }
    match route {
        Route::Local => item.local_correct,
        Route::Server => item.server_correct,
    }
}

/// The user's rating of that answer.
fn rating(item: &Item, route: Route, family: &str) -> Feedback {
    if item.family == family && route == Route::Local {
        Feedback::AskServer
    } else if accepts(item, route, family) {
        Feedback::Up
    } else {
        Feedback::Down
    }
}

fn route_of(router: &Router, item: &Item) -> Result<Route> {
    Ok(if router.score(&item.features)? > router.threshold {
        Route::Server
    } else {
        Route::Local
    })
}

fn measure(router: &Router, items: &[&Item], family: &str) -> Result<Measure> {
    let mut m = Measure::default();
    for it in items {
        let route = route_of(router, it)?;
        m.accepted += f64::from(u8::from(accepts(it, route, family)));
        m.server_share += f64::from(u8::from(route == Route::Server));
    }
    let n = items.len().max(1) as f64;
    m.accepted /= n;
    m.server_share /= n;
    Ok(m)
}

fn by_family(router: &Router, items: &[&Item], family: &str) -> Result<BTreeMap<String, Measure>> {
    let mut groups: BTreeMap<String, Vec<&Item>> = BTreeMap::new();
    for it in items {
        groups.entry(it.family.clone()).or_default().push(it);
    }
    groups
        .into_iter()
        .map(|(f, v)| Ok((f, measure(router, &v, family)?)))
        .collect()
}

fn measure_fixed(items: &[Item], family: &str, route: Route) -> Measure {
    let n = items.len().max(1) as f64;
    let ok = items.iter().filter(|it| accepts(it, route, family)).count();
    Measure {
        accepted: ok as f64 / n,
        server_share: f64::from(u8::from(route == Route::Server)),
    }
}

fn simulate(
    base: &Router,
    rated: &[&Item],
    eval: &[&Item],
    family: &str,
    events: usize,
    params: &LearnParams,
    seed: u64,
) -> Result<Repeat> {
    let mut router = base.clone();
    let before = measure(&router, eval, family)?;
    let mut target = Measure::default();
    for it in eval {
        let route = match route_of(base, it)? {
            _ if it.family == family => Route::Server,
            r => r,
        };
        target.accepted += f64::from(u8::from(accepts(it, route, family)));
        target.server_share += f64::from(u8::from(route == Route::Server));
    }
    let n = eval.len().max(1) as f64;
    target.accepted /= n;
    target.server_share /= n;
    let mut curve = vec![(0, before)];
    // Events learned here (a router.json that is already personalised counts its own too).
    let (mut ratings, mut server_labels, mut learned) = (0, 0, 0usize);
    for it in rated {
        if learned >= events {
            break;
        }
        let route = route_of(&router, it)?;
        ratings += 1;
        let Some(wants_server) = label(rating(it, route, family), route) else {
            continue;
        };
        router.learn(&it.features, wants_server, params)?;
        server_labels += usize::from(wants_server);
        learned += 1;
        if learned.is_multiple_of(10) {
            curve.push((learned, measure(&router, eval, family)?));
        }
    }
    Ok(Repeat {
        seed,
        before,
        after: measure(&router, eval, family)?,
        curve,
        ratings,
        server_labels,
        events: learned,
        before_by_family: by_family(base, eval, family)?,
        after_by_family: by_family(&router, eval, family)?,
        target,
    })
}

/// 0..n in the suite's order (seed 0) or shuffled by a seeded SplitMix64 (Fisher–Yates).
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    if seed == 0 {
        return v;
    }
    let mut state = seed;
    let mut next = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
    v
}

fn print_summary(result: &serde_json::Value, repeats: &[Repeat]) {
    let s = |k: &str| {
        let v = &result[k];
        format!(
            "{:.3} [{:.3}, {:.3}]",
            v["mean"].as_f64().unwrap_or(f64::NAN),
            v["min"].as_f64().unwrap_or(f64::NAN),
            v["max"].as_f64().unwrap_or(f64::NAN)
        )
    };
    println!(
        "simulated user: wants the server for {}; {} repeats; mean [min, max] on the held-out half",
        result["prefer_server_family"], result["repeats"]
    );
    println!(
        "accepted     before {}   after {}",
        s("accepted_before"),
        s("accepted_after")
    );
    println!(
        "server share before {}   after {}",
        s("server_share_before"),
        s("server_share_after")
    );
    println!(
        "target: base routes, the family on the server: accepted {}, server share {}",
        s("target_accepted"),
        s("target_server_share")
    );
    println!("answers rated per run {}", s("ratings"));
    if let Some(r) = repeats.first() {
        println!("repeat 0 (suite order), per family: accepted / server share, before → after");
        for (f, b) in &r.before_by_family {
            let a = r.after_by_family.get(f).copied().unwrap_or_default();
            println!(
                "  {f:<12} {:.3} / {:.3} → {:.3} / {:.3}",
                b.accepted, b.server_share, a.accepted, a.server_share
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffles_are_permutations_and_seed_0_is_the_order() {
        assert_eq!(shuffled(5, 0), vec![0, 1, 2, 3, 4]);
        let mut s = shuffled(100, 7);
        assert_ne!(s, shuffled(100, 0));
        assert_eq!(s, shuffled(100, 7));
        s.sort_unstable();
        assert_eq!(s, shuffled(100, 0));
    }

    fn item(family: &str, local_correct: bool, server_correct: bool) -> Item {
        Item {
            family: family.into(),
            features: vec![],
            local_correct,
            server_correct,
        }
    }

    /// A suite of two families whose features differ in their first coordinate, both models
    /// always right, and a router that keeps everything local.
    fn files(dir: &Path, n: usize) -> SimulateArgs {
        let mut suite = String::new();
        let mut runs = format!("{{\"format\":\"{RUNS_FORMAT}\",\"local\":\"s\"}}\n");
        for i in 0..n {
            let (family, x) = if i % 2 == 0 { ("a", 1.0) } else { ("b", -1.0) };
            let y = (i % 7) as f32 / 7.0;
            suite += &format!(
                "{{\"id\":\"q{i}\",\"family\":\"{family}\",\"messages\":[{{\"role\":\"user\",\"content\":\"q{i}\"}}],\"answer\":\"{i}\"}}\n"
            );
            // Keys the simulation does not read (logprobs, ...) are allowed.
            runs += &format!(
                "{{\"id\":\"q{i}\",\"local_text\":\"{i}\",\"server_text\":\"{i}\",\"features\":[{x},{y}],\"local_logprobs\":[-0.1]}}\n"
            );
        }
        let router = r#"{"version":"tandem-router/1","kind":"logistic","dim":2,"mean":[0,0],
            "scale":[1,1],"weights":[0,0],"bias":-0.5,"threshold":0.5,"target_share":0,
            "label":"disagreement","trained_on":1}"#;
        for (name, text) in [
            ("suite.jsonl", suite),
            ("runs.jsonl", runs),
            ("router.json", router.into()),
        ] {
            std::fs::write(dir.join(name), text).unwrap();
        }
        SimulateArgs {
            suite: dir.join("suite.jsonl"),
            runs: dir.join("runs.jsonl"),
            router: dir.join("router.json"),
            prefer_server_family: "a".into(),
            events: 50,
            rate: LearnParams::default().rate,
            l2: LearnParams::default().l2,
            repeats: 3,
            out: Some(dir.join("out.json")),
        }
    }

    #[test]
    fn the_user_is_learned_end_to_end() {
        let dir = tempfile::tempdir().unwrap();
        run(files(dir.path(), 200)).unwrap();
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.json")).unwrap())
                .unwrap();
        // Before: every answer local, so only family b's are accepted (half of the held-out
        // half in the suite's order, where the families alternate).
        assert_eq!(v["per_repeat"][0]["before"]["accepted"], 0.5);
        assert_eq!(v["server_share_before"]["mean"], 0.0);
        let after = v["accepted_after"]["min"].as_f64().unwrap();
        assert!(after > 0.9, "{v}");
        assert_eq!(v["per_repeat"][0]["events"], 50);
        assert_eq!(v["target_accepted"]["mean"], 1.0);
    }

    #[test]
    fn refuses_an_unknown_family_a_missing_run_and_bad_settings() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = files(dir.path(), 20);
        a.prefer_server_family = "c".into();
        assert!(run(a).unwrap_err().to_string().contains("no item"));
        let mut a = files(dir.path(), 20);
        a.rate = f32::NAN;
        assert!(run(a).is_err());
        let a = files(dir.path(), 20);
        std::fs::write(&a.runs, format!("{{\"format\":\"{RUNS_FORMAT}\"}}\n")).unwrap();
        assert!(format!("{:#}", run(a).unwrap_err()).contains("no run"));
    }

    #[test]
    fn the_user_wants_the_server_for_the_family_and_else_a_correct_answer() {
        let units = item("units", true, true);
        assert!(!accepts(&units, Route::Local, "units"));
        assert!(accepts(&units, Route::Server, "units"));
        assert_eq!(rating(&units, Route::Local, "units"), Feedback::AskServer);
        let facts = item("facts", false, true);
        assert!(!accepts(&facts, Route::Local, "units"));
        assert_eq!(rating(&facts, Route::Local, "units"), Feedback::Down);
        assert_eq!(rating(&facts, Route::Server, "units"), Feedback::Up);
        let easy = item("arithmetic", true, false);
        assert_eq!(rating(&easy, Route::Local, "units"), Feedback::Up);
    }
}
