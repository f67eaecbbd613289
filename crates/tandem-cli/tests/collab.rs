//! `tandem eval` and `tandem router fit`: their flags, RESULT.json, router.json and the PNG are a
//! contract; checked on the committed models (few items, 8 tokens) and on synthetic runs files.
mod common;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Value};
use tandem_collab::Router;

const SIGNALS: [&str; 7] = [
    "mean_logprob",
    "min_logprob",
    "q05",
    "q10",
    "q25",
    "mean_entropy",
    "max_entropy",
];

fn model(p: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../models")
        .join(p)
        .display()
        .to_string()
}

fn local() -> String {
    model("demo/license-llama")
}

fn tandem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .env_remove("TANDEM_API_KEY")
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "stderr: {err}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Exit code 1 (an error, not a panic or a usage error) with `needle` in the message.
fn fails(out: &Output, needle: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains(needle), "wanted {needle:?} in: {err}");
    err
}

fn read_json(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const PROMPTS: [(&str, &str, &str); 6] = [
    ("arithmetic", "Compute 9+23.", "32"),
    ("facts", "Which city is Bozu Niva from?", "Masa"),
    ("strings", "Count the letter c in lccbid.", "2"),
    ("units", "How many grams are 3 kg?", "3000"),
    ("arithmetic", "Compute 17-4.", "13"),
    ("facts", "Where does Fika Zebi live?", "Vuri"),
];

/// A suite of the six prompts; `answers` replaces the reference answers when given.
fn write_suite(path: &Path, answers: Option<&[String]>) {
    let lines: Vec<String> = PROMPTS
        .iter()
        .enumerate()
        .map(|(i, (family, q, a))| {
            let answer = answers.map_or(a.to_string(), |v| v[i].clone());
            json!({
                "id": format!("item-{i}"), "family": family, "level": i % 3 + 1,
                "messages": [{"role": "user", "content": q}], "answer": answer,
                "solution": "not read",
            })
            .to_string()
        })
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

/// The last non-empty line of a completion, as tandem-collab compares answers.
fn last_line(text: &str) -> String {
    text.split(['\n', '\r'])
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

/// Answers that make the local model right on items 0, 2, 4 (where it said anything) and wrong
/// elsewhere, from an evaluation's items.
fn answers_from(result: &Value, side: &str) -> Vec<String> {
    result["items"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let said = last_line(item[side].as_str().unwrap());
            if i % 2 == 0 && !said.trim().is_empty() {
                said
            } else {
                format!("no model says this {i}")
            }
        })
        .collect()
}

fn assert_finite_numbers(v: &Value, at: &str) {
    match v {
        Value::Number(n) => assert!(n.as_f64().is_some_and(f64::is_finite), "{at}: {n}"),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| assert_finite_numbers(x, &format!("{at}[{i}]"))),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| assert_finite_numbers(x, &format!("{at}.{k}"))),
        _ => {}
    }
}

fn check_png(path: &Path) {
    let b = std::fs::read(path).unwrap();
    assert_eq!(&b[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&b[12..16], b"IHDR");
    let be = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    assert_eq!((be(16), be(20)), (900, 600));
    assert_eq!(b[24..26], [8, 2], "8-bit RGB");
    assert_eq!(&b[b.len() - 8..b.len() - 4], b"IEND");
}

/// RESULT.json's shape: every item's fields, the summary's routers and baselines with curves of
/// n + 1 points, only finite numbers.
fn check_result(r: &Value, n: usize, routers: &[&str]) {
    let items = r["items"].as_array().unwrap();
    assert_eq!(items.len(), n);
    for (i, item) in items.iter().enumerate() {
        for k in ["id", "family", "answer", "local_text", "server_text"] {
            assert!(item[k].is_string(), "{k}: {item}");
        }
        for k in ["local_correct", "server_correct"] {
            assert!(item[k].is_boolean(), "{k}: {item}");
        }
        assert!(item["local_tokens"].as_u64().is_some_and(|t| t >= 1));
        assert!(item["server_tokens"].is_u64());
        assert_eq!(item["level"], json!(i % 3 + 1));
        for name in routers {
            assert!(item["scores"][name].is_f64(), "{name}: {item}");
        }
    }
    let summary = r["summary"].as_object().unwrap();
    for name in routers {
        let s = &summary[*name];
        for k in ["apgr", "cpt50", "auroc", "accuracy_at_calibrated_share"] {
            assert!(s.get(k).is_some(), "{name}.{k} missing: {s}");
        }
        assert!(s["local_accuracy"].is_f64() && s["server_accuracy"].is_f64());
        assert_eq!(s["curve"].as_array().unwrap().len(), n + 1, "{name}");
    }
    for k in ["oracle", "always_local", "always_server", "random"] {
        assert!(summary[k]["curve"].is_array(), "{k}");
    }
    assert_eq!(summary["random"]["curve"].as_array().unwrap().len(), n + 1);
    assert_eq!(r["meta"]["items"], json!(n));
    assert!(r["meta"]["seconds"].as_f64().is_some());
    assert_finite_numbers(r, "result");
}

#[test]
fn eval_writes_the_result_schema_a_png_and_reusable_runs() {
    let dir = tempfile::tempdir().unwrap();
    let suite = dir.path().join("suite.jsonl");
    let (out, png, runs) = (
        dir.path().join("result.json"),
        dir.path().join("plot.png"),
        dir.path().join("runs.jsonl"),
    );
    write_suite(&suite, None);
    let server = model("tiny/llama-tiny");
    ok(&tandem(&[
        "eval",
        "--suite",
        s(&suite),
        "--local",
        &local(),
        "--server",
        &server,
        "--out",
        s(&out),
        "--plot",
        s(&png),
        "--max-tokens",
        "8",
        "--save-runs",
        s(&runs),
    ]));
    let r = read_json(&out);
    check_result(&r, 6, &SIGNALS);
    assert!(r["summary"].get("learned").is_none());
    assert_eq!(r["meta"]["server"], json!(server));
    check_png(&png);

    // The same generations with answers that make both sides partly right: no model runs
    // (--runs), and the metrics are defined.
    let mut answers = answers_from(&r, "local_text");
    answers[1] = last_line(r["items"][1]["server_text"].as_str().unwrap());
    write_suite(&suite, Some(&answers));
    let out2 = dir.path().join("result2.json");
    ok(&tandem(&[
        "eval",
        "--suite",
        s(&suite),
        "--runs",
        s(&runs),
        "--out",
        s(&out2),
        "--plot",
        s(&png),
    ]));
    let r2 = read_json(&out2);
    check_result(&r2, 6, &SIGNALS);
    for (a, b) in r["items"]
        .as_array()
        .unwrap()
        .iter()
        .zip(r2["items"].as_array().unwrap())
    {
        assert_eq!(a["local_text"], b["local_text"]);
        assert_eq!(a["scores"], b["scores"]);
    }
    let o = &r2["summary"]["oracle"];
    assert!(o["local_accuracy"].as_f64().unwrap() > 0.0, "{o}");
    assert!(r2["summary"]["random"]["apgr"].is_f64() || o["apgr"].is_null());
    check_png(&png);
}

#[test]
fn router_fit_with_a_path_server_feeds_eval() {
    let dir = tempfile::tempdir().unwrap();
    let suite = dir.path().join("suite.jsonl");
    let first = dir.path().join("first.json");
    write_suite(&suite, None);
    let server = model("tiny/llama-tiny");
    let base = [
        "--local",
        &local(),
        "--server",
        &server,
        "--max-tokens",
        "8",
    ];
    let mut args = vec!["eval", "--suite", s(&suite), "--out", s(&first)];
    args.extend(base);
    ok(&tandem(&args));
    write_suite(
        &suite,
        Some(&answers_from(&read_json(&first), "local_text")),
    );

    // Two models that never agree: labelled by disagreement there is nothing to learn.
    let router = dir.path().join("router.json");
    let mut args = vec![
        "router",
        "fit",
        "--prompts",
        s(&suite),
        "--target-share",
        "0.5",
        "--out",
        s(&router),
    ];
    args.extend(base);
    fails(&tandem(&args), "differ on all 6 prompts");
    assert!(!router.exists());

    args.push("--labels");
    let line = ok(&tandem(&args));
    assert!(line.contains("6 prompts"), "{line}");
    let text = std::fs::read_to_string(&router).unwrap();
    let r = Router::from_json(&text).unwrap();
    assert_eq!(r.trained_on, 6);
    assert_eq!(r.dim, 2 * 96, "mean ++ last of license-llama's hidden size");
    assert_eq!(r.target_share, 0.5);
    assert_eq!(r.label, tandem_collab::RouterLabel::LocalWrong);
    let cascade = r.cascade.expect("a cascade rule");
    assert!(r.notes.contains("6 prompts") && r.notes.contains(s(&suite)));

    let out = dir.path().join("result.json");
    let mut args = vec![
        "eval",
        "--suite",
        s(&suite),
        "--router",
        s(&router),
        "--out",
        s(&out),
    ];
    args.extend(base);
    ok(&tandem(&args));
    let res = read_json(&out);
    let mut names = vec!["learned", "cascade"];
    names.extend(SIGNALS);
    check_result(&res, 6, &names);
    let learned = &res["summary"]["learned"];
    // Numbers are written as the f32 they are.
    let f32_at = |v: &Value| v.as_f64().map(|x| x as f32);
    assert_eq!(f32_at(&learned["threshold"]), Some(r.threshold));
    assert!(learned["accuracy_at_calibrated_share"].is_f64());
    assert_eq!(
        f32_at(&res["summary"]["cascade"]["threshold"]),
        Some(cascade.threshold)
    );
    assert!(res["summary"][cascade.signal.name()]["server_share"].is_f64());
    assert!(res["summary"]["q05"]["server_share"].is_null() || cascade.signal.name() == "q05");
    assert_eq!(res["meta"]["router"], json!(s(&router)));
}

/// `tandem serve` on a free port; returns the child and its base URL.
fn serve(model: &str) -> (std::process::Child, String) {
    let (child, addr) = common::serve(model);
    (child, format!("http://{addr}/v1"))
}

/// Kills the server when the test ends, even on a failed assertion.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn router_fit_and_eval_against_a_server_url() {
    let (child, url) = serve(&local());
    let _server = Killed(child);
    let dir = tempfile::tempdir().unwrap();
    let suite = dir.path().join("suite.jsonl");
    let first = dir.path().join("first.json");
    write_suite(&suite, None);
    ok(&tandem(&[
        "eval",
        "--suite",
        s(&suite),
        "--local",
        &local(),
        "--server",
        &url,
        "--max-tokens",
        "8",
        "--out",
        s(&first),
    ]));
    let r = read_json(&first);
    check_result(&r, 6, &SIGNALS);
    // The same model, greedy, behind the API: the same answers.
    for item in r["items"].as_array().unwrap() {
        assert_eq!(item["local_text"], item["server_text"], "{item}");
        assert_eq!(item["server_tokens"], item["local_tokens"], "{item}");
    }
    assert_eq!(r["meta"]["server_model"], json!("license-llama"));

    write_suite(&suite, Some(&answers_from(&r, "local_text")));
    let router = dir.path().join("router.json");
    let line = ok(&tandem(&[
        "router",
        "fit",
        "--prompts",
        s(&suite),
        "--local",
        &local(),
        "--server",
        &url,
        "--server-model",
        "license-llama",
        "--max-tokens",
        "8",
        "--target-share",
        "0.3",
        "--labels",
        "--out",
        s(&router),
    ]));
    assert!(line.contains("router.json"), "{line}");
    let r = Router::from_json(&std::fs::read_to_string(&router).unwrap()).unwrap();
    assert!(r.notes.contains(&url), "{}", r.notes);
    assert!(r.cascade.is_some());
}

/// Runs files written by hand: the disagreement label, fit → eval without any model, and the
/// checks on reused runs.
#[test]
fn runs_files_fit_and_evaluate_without_models() {
    let dir = tempfile::tempdir().unwrap();
    let suite = dir.path().join("suite.jsonl");
    write_suite(&suite, None);
    let runs = dir.path().join("runs.jsonl");
    let mut lines = vec![json!({
        "format": "tandem-runs/1", "local": "small", "server": "big", "max_tokens": 8,
        "backend": "cpu",
    })
    .to_string()];
    for (i, (_, q, answer)) in PROMPTS.iter().enumerate() {
        // Items 1, 3, 5: the local model is unsure and disagrees with the server.
        let unsure = i % 2 == 1;
        let lp = if unsure { -2.5 - i as f32 } else { -0.1 };
        lines.push(
            json!({
                "id": format!("item-{i}"),
                "messages": [{"role": "user", "content": q}],
                "local_text": if unsure { "wrong".to_string() } else { format!("so\n{answer}") },
                "local_logprobs": [lp, -0.05, lp / 2.0],
                "local_entropies": [-lp, 0.1, 0.2],
                "features": [i as f32, (i % 2) as f32, 1.0, -(i as f32)],
                "server_text": answer,
                "server_tokens": 2,
            })
            .to_string(),
        );
    }
    std::fs::write(&runs, lines.join("\n") + "\n").unwrap();
    let router = dir.path().join("router.json");
    let line = ok(&tandem(&[
        "router",
        "fit",
        "--prompts",
        s(&suite),
        "--runs",
        s(&runs),
        "--target-share",
        "0.5",
        "--out",
        s(&router),
    ]));
    assert!(line.contains("3 disagreements (50.0%)"), "{line}");
    let r = Router::from_json(&std::fs::read_to_string(&router).unwrap()).unwrap();
    assert_eq!(r.label, tandem_collab::RouterLabel::Disagreement);
    assert_eq!((r.dim, r.trained_on), (4, 6));
    // Every signal separates the unsure items perfectly; the first in order wins.
    let cascade = r.cascade.unwrap();
    assert_eq!(cascade.signal.name(), "mean_logprob");

    let out = dir.path().join("result.json");
    ok(&tandem(&[
        "eval",
        "--suite",
        s(&suite),
        "--runs",
        s(&runs),
        "--router",
        s(&router),
        "--out",
        s(&out),
    ]));
    let res = read_json(&out);
    let mut names = vec!["learned", "cascade"];
    names.extend(SIGNALS);
    check_result(&res, 6, &names);
    let sum = &res["summary"];
    assert_eq!(sum["learned"]["auroc"].as_f64(), Some(1.0));
    assert_eq!(sum["learned"]["server_share"].as_f64(), Some(0.5));
    assert_eq!(
        sum["learned"]["accuracy_at_calibrated_share"].as_f64(),
        Some(1.0)
    );
    assert_eq!(sum["oracle"]["apgr"], sum["learned"]["apgr"]);
    assert_eq!(sum["always_local"]["accuracy"].as_f64(), Some(0.5));
    assert_eq!(sum["always_server"]["accuracy"].as_f64(), Some(1.0));
    assert_eq!(sum["random"]["apgr"].as_f64(), Some(0.5));
    assert_eq!(res["meta"]["local"], json!("small"));

    // A router of another dimension, and a suite item the runs do not hold.
    let mut v = read_json(&router);
    v["dim"] = json!(3);
    for k in ["mean", "scale", "weights"] {
        v[k].as_array_mut().unwrap().pop();
    }
    let other = dir.path().join("other.json");
    std::fs::write(&other, v.to_string()).unwrap();
    let args = |r: &Path| {
        vec![
            "eval".to_string(),
            "--suite".into(),
            s(&suite).into(),
            "--runs".into(),
            s(&runs).into(),
            "--router".into(),
            s(r).into(),
            "--out".into(),
            s(&out).into(),
        ]
    };
    let run = |a: Vec<String>| {
        Command::new(env!("CARGO_BIN_EXE_tandem"))
            .args(a)
            .output()
            .unwrap()
    };
    fails(&run(args(&other)), "another local model");
    let mut extra = std::fs::read_to_string(&suite).unwrap();
    extra.push_str(
        &json!({"id": "new", "messages": [{"role": "user", "content": "x"}], "answer": "y"})
            .to_string(),
    );
    std::fs::write(&suite, extra).unwrap();
    fails(&run(args(&router)), "has no run for item \"new\"");
}

#[test]
fn bad_input_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let suite = dir.path().join("suite.jsonl");
    write_suite(&suite, None);
    let out = dir.path().join("out.json");
    let l = local();
    let eval = |suite: &Path, extra: &[&str]| {
        let mut a = vec![
            "eval",
            "--suite",
            s(suite),
            "--local",
            &l,
            "--out",
            s(&out),
            "--max-tokens",
            "4",
        ];
        a.extend_from_slice(extra);
        tandem(&a)
    };

    // A malformed line, named by its number, before any model is loaded.
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"id\": \"a\", \"messages\": [], \"answer\": \"x\"}\n",
    )
    .unwrap();
    fails(
        &eval(&bad, &["--server", &l]),
        "line 1: \"messages\" is empty",
    );
    let mut lines: Vec<String> = std::fs::read_to_string(&suite)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    lines[2] = "{not json".into();
    std::fs::write(&bad, lines.join("\n")).unwrap();
    fails(&eval(&bad, &["--server", &l]), "line 3");

    // Missing files.
    fails(
        &eval(Path::new("/nonexistent/suite.jsonl"), &["--server", &l]),
        "cannot read /nonexistent/suite.jsonl",
    );
    fails(
        &eval(&suite, &["--server", &l, "--router", "/nonexistent/r.json"]),
        "cannot read /nonexistent/r.json",
    );
    fails(
        &eval(&suite, &["--server", "/nonexistent/model"]),
        "/nonexistent/model",
    );

    // A server URL nobody listens on: while asking for its models, and while generating.
    let dead = "http://127.0.0.1:1/v1";
    let e = fails(&eval(&suite, &["--server", dead]), "127.0.0.1:1/v1/models");
    assert!(e.contains("--server") || e.contains("GET"), "{e}");
    let e = fails(
        &eval(&suite, &["--server", dead, "--server-model", "m"]),
        "127.0.0.1:1/v1/chat/completions",
    );
    assert!(e.contains("item \"item-0\""), "{e}");
    fails(
        &eval(&suite, &["--server", "http://bad host/v1"]),
        "not a valid URL",
    );

    // Target shares that are not shares, refused before anything is read or run.
    for share in ["1.5", "NaN", "-0.1", "inf"] {
        let out = tandem(&[
            "router",
            "fit",
            "--prompts",
            "/nonexistent/prompts.jsonl",
            "--local",
            "/nonexistent/model",
            "--server",
            "/nonexistent/model",
            "--target-share",
            share,
            "--out",
            s(&out),
        ]);
        fails(&out, "--target-share");
    }
    assert!(!out.exists());
}

/// `eval --policies` on the model pair: with every token deferred and fusion by the server
/// alone, token-defer and fusion give exactly the server's greedy answer (as speculative always
/// does); with nothing deferred and fusion by the local model alone, the local answer. Once with
/// the server as a model path, once as a URL (`/v1/verify` with `top_logprobs`).
#[test]
fn policies_meet_their_invariants_on_the_model_pair() {
    let (small, large) = (model("pair/small"), model("pair/large"));
    let (child, url) = serve(&large);
    let _server = Killed(child);
    let dir = tempfile::tempdir().unwrap();
    let suite = dir.path().join("suite.jsonl");
    write_suite(&suite, None);
    let policies = ["token-defer", "fusion", "speculative"];
    let run = |server: &str, out: &Path, threshold: &str, weight: &str| {
        ok(&tandem(&[
            "eval",
            "--suite",
            s(&suite),
            "--local",
            &small,
            "--server",
            server,
            "--max-tokens",
            "24",
            "--out",
            s(out),
            "--policies",
            "token-defer,fusion,speculative",
            "--defer-threshold",
            threshold,
            "--fusion-weight",
            weight,
            "--fusion-k",
            "3",
            "--rtt-ms",
            "5",
        ]));
        read_json(out)
    };
    for server in [large.as_str(), url.as_str()] {
        let r = run(server, &dir.path().join("server.json"), "-1000", "1");
        for item in r["items"].as_array().unwrap() {
            for p in policies {
                let got = &item["policies"][p];
                assert_eq!(got["text"], item["server_text"], "{server} {p}: {item}");
                assert_eq!(got["same_as_server"], true);
            }
            let td = &item["policies"]["token-defer"];
            assert_eq!(td["server_tokens"], td["output_tokens"]);
            assert_eq!(td["server_calls"], td["output_tokens"]);
        }
        let table = &r["policies"];
        for row in [
            "always_local",
            "always_server",
            "token-defer",
            "fusion",
            "speculative",
        ] {
            assert!(table[row]["accuracy"].is_number(), "{row}: {table}");
        }
        assert_eq!(table["token-defer"]["server_token_share"], 1.0);
        assert_eq!(
            table["always_server"]["accuracy"],
            table["fusion"]["accuracy"]
        );
        let (lat, comp) = (
            &table["speculative"]["latency_ms"],
            &table["speculative"]["compute_ms"],
        );
        let calls = table["speculative"]["server_calls"].as_f64().unwrap();
        let added = lat.as_f64().unwrap() - comp.as_f64().unwrap();
        assert!((added - 5.0 * calls / 6.0).abs() < 1e-6, "{table}");
        assert_finite_numbers(table, "policies");

        let r = run(server, &dir.path().join("local.json"), "1000", "0");
        for item in r["items"].as_array().unwrap() {
            for p in ["token-defer", "fusion"] {
                assert_eq!(
                    item["policies"][p]["text"], item["local_text"],
                    "{server} {p}: {item}"
                );
            }
            assert_eq!(item["policies"]["token-defer"]["server_calls"], 0);
            assert_eq!(item["policies"]["speculative"]["text"], item["server_text"]);
        }
    }
    // Fusion's output does not depend on how many tokens each call drafts (the cut at the
    // first disagreement, and the last row fused after a whole draft).
    let at_k = |k: &str| {
        let out = dir.path().join(format!("k{k}.json"));
        ok(&tandem(&[
            "eval",
            "--suite",
            s(&suite),
            "--local",
            &small,
            "--server",
            &large,
            "--max-tokens",
            "24",
            "--out",
            s(&out),
            "--policies",
            "fusion",
            "--fusion-weight",
            "0.5",
            "--fusion-k",
            k,
            "--fusion-top-k",
            "8",
        ]));
        let r = read_json(&out);
        let texts: Vec<Value> = r["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["policies"]["fusion"]["text"].clone())
            .collect();
        (
            texts,
            r["policies"]["fusion"]["server_calls"].as_u64().unwrap(),
        )
    };
    let ((one, calls_one), (four, calls_four)) = (at_k("1"), at_k("4"));
    assert_eq!(one, four);
    assert!(
        calls_four < calls_one,
        "{calls_four} calls at k 4, {calls_one} at k 1"
    );

    // A runs file without top-2 margins (a GPU's, or an older one): the router is fitted
    // without a token_defer rule and the output says why; another signal still calibrates.
    let runs = dir.path().join("runs.jsonl");
    ok(&tandem(&[
        "eval",
        "--suite",
        s(&suite),
        "--local",
        &small,
        "--server",
        &large,
        "--max-tokens",
        "16",
        "--out",
        s(&dir.path().join("r.json")),
        "--save-runs",
        s(&runs),
    ]));
    let stripped: Vec<String> = std::fs::read_to_string(&runs)
        .unwrap()
        .lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("local_margins");
            v.to_string()
        })
        .collect();
    let old_runs = dir.path().join("old-runs.jsonl");
    std::fs::write(&old_runs, stripped.join("\n") + "\n").unwrap();
    let router = dir.path().join("router.json");
    let fit = |signal: &str| {
        let out = tandem(&[
            "router",
            "fit",
            "--prompts",
            s(&suite),
            "--runs",
            s(&old_runs),
            "--target-share",
            "0.5",
            "--labels",
            "--defer-signal",
            signal,
            "--out",
            s(&router),
        ]);
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        ok(&out);
        (
            Router::from_json(&std::fs::read_to_string(&router).unwrap()).unwrap(),
            err,
        )
    };
    let (r, err) = fit("margin");
    assert!(r.token_defer.is_none());
    assert!(err.contains("warning: token-defer: no rule"), "{err}");
    assert!(r.notes.contains("no top-2 margins"), "{}", r.notes);
    let (r, _) = fit("entropy");
    assert_eq!(r.token_defer.unwrap().target_share, Some(0.2));

    // token-defer without a rule, policies with a runs file, bad knobs: clear errors.
    let out = dir.path().join("x.json");
    let base = [
        "eval",
        "--suite",
        s(&suite),
        "--local",
        &small,
        "--server",
        &large,
        "--out",
        s(&out),
    ];
    let with = |extra: &[&str]| tandem(&[&base[..], extra].concat());
    fails(&with(&["--policies", "token-defer"]), "needs a rule");
    fails(
        &with(&["--policies", "fusion", "--fusion-weight", "1.5"]),
        "--fusion-weight",
    );
    fails(
        &with(&["--policies", "fusion", "--fusion-top-k", "21"]),
        "--fusion-top-k",
    );
    fails(
        &with(&["--policies", "fusion", "--rtt-ms", "-1"]),
        "--rtt-ms",
    );
    fails(
        &with(&["--policies", "token-defer", "--defer-threshold", "NaN"]),
        "--defer-threshold",
    );
    fails(
        &with(&["--policies", "fusion", "--fusion-k", "0"]),
        "--fusion-k",
    );
    fails(
        &with(&["--policies", "speculative", "--spec-k", "0"]),
        "--spec-k",
    );
    // A knob of a policy that is not run would be silently ignored: refused.
    fails(
        &with(&["--policies", "speculative", "--fusion-weight", "0.3"]),
        "which --policies does not name",
    );
    fails(
        &with(&["--defer-threshold", "1"]),
        "which --policies does not name",
    );
    let from_runs = tandem(&[
        "eval",
        "--suite",
        s(&suite),
        "--runs",
        s(&runs),
        "--out",
        s(&out),
        "--policies",
        "fusion",
    ]);
    fails(&from_runs, "not --runs");
    // Routing needs no shared tokenizer (the pair's SMALL has 259 tokens, the demo model 320);
    // the token-level policies do, and say so before any item runs.
    let other = [
        "eval",
        "--suite",
        s(&suite),
        "--local",
        &small,
        "--server",
        &local(),
        "--max-tokens",
        "4",
        "--out",
        s(&out),
    ];
    ok(&tandem(&other));
    fails(
        &tandem(&[&other[..], &["--policies", "speculative"]].concat()),
        "must share a tokenizer",
    );
}
