//! `tandem speculate`: the contract (`{"ids", "text", "target_calls", "draft_tokens",
//! "accepted_tokens"}`), greedy output identical to `tandem generate --temperature 0` of the
//! target on the model pair (fixed and adaptive draft lengths), seeded sampling reproducible,
//! and a target that fails (a 500) or stalls (a timeout), or a real `tandem serve` killed
//! mid-speculation: the draft model finishes, nothing lost or repeated.
mod common;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use serde_json::Value;

fn model(p: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../models")
        .join(p)
        .display()
        .to_string()
}

fn tandem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .env_remove("TANDEM_API_KEY")
        .env("RAYON_NUM_THREADS", "1")
        .output()
        .unwrap()
}

fn json_ok(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

const PROMPTS: [&str; 4] = [
    "Compute 12+9+12.",
    "In which city does the friend of Bezora live?",
    "Take kbbj, move the first letter to the end, then reverse it.",
    "Convert 28 m to mm.",
];

#[test]
fn greedy_output_is_the_targets_own() {
    let (small, large) = (model("pair/small"), model("pair/large"));
    for p in PROMPTS {
        let want = json_ok(&tandem(&[
            "generate",
            "--model",
            &large,
            "--prompt",
            p,
            "--chat",
            "--max-new-tokens",
            "40",
            "--json",
        ]));
        for k in [None, Some("1"), Some("4")] {
            let mut args = vec![
                "speculate",
                "--draft",
                &small,
                "--target",
                &large,
                "--prompt",
                p,
                "--chat",
                "--max-new-tokens",
                "40",
                "--json",
            ];
            if let Some(k) = k {
                args.extend(["--k", k]);
            }
            let got = json_ok(&tandem(&args));
            assert_eq!(got["ids"], want["ids"], "{p:?} k {k:?}: {got}");
            assert_eq!(got["text"], want["text"]);
            for key in ["target_calls", "draft_tokens", "accepted_tokens"] {
                assert!(got[key].is_u64(), "{key} in {got}");
            }
            let (calls, drafted, accepted) = (
                got["target_calls"].as_u64().unwrap(),
                got["draft_tokens"].as_u64().unwrap(),
                got["accepted_tokens"].as_u64().unwrap(),
            );
            assert!(calls >= 1 && accepted <= drafted, "{got}");
            // Every output token is an accepted draft token or a call's correction (the last
            // call's correction is dropped when the answer ended inside its accepted tokens).
            let n = want["ids"].as_array().unwrap().len() as u64;
            assert!(n <= accepted + calls && n + 1 >= accepted + calls, "{got}");
        }
    }
}

#[test]
fn seeded_sampling_is_reproducible() {
    let (small, large) = (model("pair/small"), model("pair/large"));
    let run = |seed: &str| {
        json_ok(&tandem(&[
            "speculate",
            "--draft",
            &small,
            "--target",
            &large,
            "--prompt",
            PROMPTS[0],
            "--chat",
            "--max-new-tokens",
            "24",
            "--temperature",
            "0.9",
            "--seed",
            seed,
            "--json",
        ]))
    };
    let (a, b) = (run("7"), run("7"));
    assert_eq!(a["ids"], b["ids"]);
    assert!(a["ids"].as_array().unwrap().len() <= 24);
}

#[test]
fn bad_arguments_are_errors() {
    let (small, large) = (model("pair/small"), model("pair/large"));
    let other = model("demo/license-llama");
    for args in [
        vec![
            "speculate",
            "--draft",
            &small,
            "--target",
            &large,
            "--prompt",
            "x",
            "--k",
            "0",
        ],
        vec![
            "speculate",
            "--draft",
            &small,
            "--target",
            &large,
            "--prompt",
            "x",
            "--temperature",
            "nan",
        ],
        vec![
            "speculate",
            "--draft",
            &small,
            "--target",
            &large,
            "--prompt",
            "x",
            "--rtt-ms",
            "-1",
        ],
        vec![
            "speculate",
            "--draft",
            &other,
            "--target",
            &large,
            "--prompt",
            "x",
        ],
    ] {
        let out = tandem(&args);
        assert!(!out.status.success(), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
}

/// A server that lists a model, then answers every verify with a 500 (`hang`: never answers
/// it): the target failing mid-answer.
fn failing_server(hang: bool) -> String {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            let mut r = BufReader::new(s.try_clone().unwrap());
            let mut line = String::new();
            r.read_line(&mut line).unwrap_or(0);
            let mut len = 0;
            loop {
                let mut h = String::new();
                if r.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                    break;
                }
                if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
                    len = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; len];
            let _ = r.read_exact(&mut body);
            if hang && line.starts_with("POST") {
                std::thread::sleep(std::time::Duration::from_secs(30));
                continue;
            }
            let (status, reply) = if line.starts_with("GET") {
                ("200 OK", r#"{"data":[{"id":"large"}]}"#)
            } else {
                (
                    "500 Internal Server Error",
                    r#"{"error":{"message":"model thread crashed"}}"#,
                )
            };
            let mut s = s;
            let _ = write!(s, "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{reply}", reply.len());
        }
    });
    format!("http://{addr}/v1")
}

#[test]
fn a_target_that_fails_or_stalls_mid_answer_leaves_the_draft_to_finish() {
    let small = model("pair/small");
    // The draft model's own greedy answer, whole: what a run whose verifies all fail gives.
    let own = json_ok(&tandem(&[
        "generate",
        "--model",
        &small,
        "--prompt",
        PROMPTS[3],
        "--chat",
        "--max-new-tokens",
        "30",
        "--json",
    ]));
    for (hang, why) in [(false, "model thread crashed"), (true, "")] {
        let url = failing_server(hang);
        let t0 = std::time::Instant::now();
        let got = json_ok(&tandem(&[
            "speculate",
            "--draft",
            &small,
            "--target",
            &url,
            "--prompt",
            PROMPTS[3],
            "--chat",
            "--max-new-tokens",
            "30",
            "--timeout-s",
            "1",
            "--json",
        ]));
        assert!(
            t0.elapsed().as_secs() < 20,
            "hang {hang}: the timeout was not applied"
        );
        let fallback = got["fallback"].as_str().unwrap();
        assert!(
            fallback.starts_with("verify failed") && fallback.contains(why),
            "{got}"
        );
        assert_eq!(got["ids"], own["ids"], "hang {hang}");
        assert_eq!(got["target_calls"], 0);
    }
}

/// One HTTP/1.1 request off `s`: its head's lines and its body.
fn read_request(s: &TcpStream) -> Option<(Vec<String>, Vec<u8>)> {
    let mut r = BufReader::new(s.try_clone().ok()?);
    let mut head = Vec::new();
    let mut len = 0;
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).ok()? == 0 {
            return None;
        }
        if h == "\r\n" {
            break;
        }
        if let Some(v) = h.to_ascii_lowercase().strip_prefix("content-length:") {
            len = v.trim().parse().unwrap_or(0);
        }
        head.push(h.trim_end().to_string());
    }
    let mut body = vec![0; len];
    r.read_exact(&mut body).ok()?;
    Some((head, body))
}

/// A proxy in front of `server` that forwards requests (one per connection) until the
/// `kill_at`-th POST, then kills the server (SIGKILL, as a crash would) and drops that
/// connection unanswered.
fn killing_proxy(server: Arc<Mutex<std::process::Child>>, addr: String, kill_at: usize) -> String {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/v1", l.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut posts = 0;
        for c in l.incoming().flatten() {
            let Some((head, body)) = read_request(&c) else {
                continue;
            };
            if head[0].starts_with("POST") {
                posts += 1;
                if posts == kill_at {
                    let _ = server.lock().unwrap().kill();
                    drop(c);
                    continue;
                }
            }
            let Ok(mut up) = TcpStream::connect(&addr) else {
                continue;
            };
            for h in head
                .iter()
                .filter(|h| !h.to_ascii_lowercase().starts_with("connection:"))
            {
                let _ = write!(up, "{h}\r\n");
            }
            let _ = write!(up, "connection: close\r\n\r\n");
            let _ = up.write_all(&body);
            let mut answer = Vec::new();
            let _ = up.read_to_end(&mut answer);
            let mut c = c;
            let _ = c.write_all(&answer);
        }
    });
    url
}

#[test]
fn a_served_target_killed_mid_speculation_leaves_the_draft_to_finish() {
    let (small, large) = (model("pair/small"), model("pair/large"));
    let (child, addr) = common::serve(&large);
    let child = Arc::new(Mutex::new(child));
    let url = killing_proxy(child.clone(), addr, 3);
    let max = 40;
    let got = json_ok(&tandem(&[
        "speculate",
        "--draft",
        &small,
        "--target",
        &url,
        "--prompt",
        PROMPTS[0],
        "--chat",
        "--max-new-tokens",
        &max.to_string(),
        "--k",
        "3",
        "--timeout-s",
        "5",
        "--json",
    ]));
    let _ = child.lock().unwrap().kill();
    eprintln!("killed mid-speculation: {got}");
    assert!(
        got["fallback"]
            .as_str()
            .unwrap()
            .starts_with("verify failed"),
        "{got}"
    );
    assert_eq!(got["target_calls"], 2, "{got}");
    let ids: Vec<u64> = got["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    // Two rounds: their accepted tokens and corrections are the target's own greedy tokens.
    let verified = got["accepted_tokens"].as_u64().unwrap() as usize + 2;
    let want = json_ok(&tandem(&[
        "generate",
        "--model",
        &large,
        "--prompt",
        PROMPTS[0],
        "--chat",
        "--max-new-tokens",
        &max.to_string(),
        "--json",
    ]));
    let want: Vec<u64> = want["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(ids[..verified], want[..verified], "{got}");
    // The rest is the draft model's greedy continuation of exactly those tokens: nothing lost,
    // nothing repeated.
    let context: Vec<String> = got["prompt_ids"]
        .as_array()
        .unwrap()
        .iter()
        .chain(&got["ids"].as_array().unwrap()[..verified])
        .map(|v| v.to_string())
        .collect();
    let tail = json_ok(&tandem(&[
        "generate",
        "--model",
        &small,
        "--ids",
        &context.join(","),
        "--max-new-tokens",
        &(max - verified).to_string(),
        "--temperature",
        "0",
        "--json",
    ]));
    let tail: Vec<u64> = tail["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(ids[verified..], tail[..], "{got}");
}
