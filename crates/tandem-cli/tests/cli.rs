//! The `tandem` command's flags and JSON output are a contract: check them on the committed models.
use std::path::PathBuf;
use std::process::Command;

fn tiny(p: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../models/tiny")
        .join(p)
}

fn tandem(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .output()
        .unwrap()
}

fn json(out: &std::process::Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn reference() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(tiny("llama-tiny/reference.json")).unwrap())
        .unwrap()
}

fn ids_arg(v: &serde_json::Value) -> String {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn logits_prints_one_row_per_position() {
    let model = tiny("llama-tiny");
    for m in [model.clone(), tiny("llama-tiny/llama-tiny-q4_0.gguf")] {
        let out = json(&tandem(&[
            "logits",
            "--model",
            m.to_str().unwrap(),
            "--ids",
            "5,17,42",
            "--backend",
            "cpu",
        ]));
        let rows = out["logits"].as_array().unwrap();
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.as_array().unwrap().len() == 320));
    }
}

#[test]
fn generate_json_matches_transformers_greedy() {
    let r = reference();
    let out = json(&tandem(&[
        "generate",
        "--model",
        tiny("llama-tiny").to_str().unwrap(),
        "--ids",
        &ids_arg(&r["prompt_ids"]),
        "--max-new-tokens",
        "16",
        "--temperature",
        "0",
        "--ignore-eos",
        "--backend",
        "cpu",
        "--json",
    ]));
    assert_eq!(out["ids"], r["sources"]["hf.f32"]["new_ids"]);
    assert_eq!(out["logprobs"].as_array().unwrap().len(), 16);
    assert_eq!(out["entropies"].as_array().unwrap().len(), 16);
    assert!(out["text"].is_string());
}

#[test]
fn generate_streams_text_from_a_prompt() {
    let out = tandem(&[
        "generate",
        "--model",
        tiny("qwen2-tiny").to_str().unwrap(),
        "--prompt",
        "The Licensor grants",
        "--max-new-tokens",
        "8",
        "--temperature",
        "0.7",
        "--seed",
        "3",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let chat = tandem(&[
        "generate",
        "--model",
        tiny("qwen2-tiny").to_str().unwrap(),
        "--prompt",
        "hi",
        "--chat",
        "--max-new-tokens",
        "4",
        "--json",
    ]);
    assert!(
        chat.status.success(),
        "{}",
        String::from_utf8_lossy(&chat.stderr)
    );
}

#[test]
fn bad_input_exits_nonzero_with_a_message() {
    let model = tiny("llama-tiny");
    let m = model.to_str().unwrap();
    for (args, needle) in [
        (
            vec!["logits", "--model", m, "--ids", "1,99999"],
            "outside the vocabulary",
        ),
        (
            vec!["logits", "--model", "/nonexistent/model", "--ids", "1"],
            "cannot read",
        ),
        (
            vec!["bench", "--shape", "gpt-5", "--dtype", "f32"],
            "unknown --shape",
        ),
        (
            vec!["bench", "--shape", "smollm2-135m", "--dtype", "q2_k"],
            "unsupported weight dtype",
        ),
    ] {
        let out = tandem(&args);
        assert!(!out.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn bench_reports_the_contract_fields() {
    let out = json(&tandem(&[
        "bench",
        "--shape",
        "smollm2-135m",
        "--dtype",
        "q4_0",
        "--backend",
        "cpu",
        "--prefill",
        "4",
        "--decode",
        "2",
        "--repeats",
        "1",
        "--json",
    ]));
    for k in ["prefill_tok_s", "decode_tok_s", "peak_rss_mib", "params"] {
        assert!(out[k].as_f64().is_some_and(|v| v > 0.0), "{k}: {out}");
    }
    assert_eq!(
        out["params"].as_u64(),
        Some(134_515_008),
        "SmolLM2-135M has 134.5M parameters"
    );
}

#[test]
fn a_reader_that_goes_away_is_not_a_crash() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args([
            "generate",
            "--model",
            tiny("llama-tiny").to_str().unwrap(),
            "--prompt",
            "The",
            "--max-new-tokens",
            "40",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // like `| head -c 0`
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(out.status.code(), Some(101), "{err}");
}

/// Flags that would make a server useless are refused at start, naming the flag, before any
/// model is loaded; `--chat` with `--ids` is refused instead of ignored.
#[test]
fn useless_serve_flags_and_chat_with_ids_are_refused() {
    let cases: [&[&str]; 7] = [
        &["--rate-limit", "0"],
        &["--upstream", "not a url"],
        &["--timeout-s", "0"],
        &["--max-body-bytes", "0"],
        &["--max-tokens-limit", "0"],
        &[
            "--upstream",
            "http://127.0.0.1:1",
            "--upstream-timeout-s",
            "0",
        ],
        &["--max-connections", "0"],
    ];
    for extra in cases {
        let mut args = vec!["serve", "--bind", "127.0.0.1:0"];
        args.extend_from_slice(extra);
        let out = tandem(&args);
        assert!(!out.status.success(), "{extra:?} was accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(extra[extra.len() - 2]), "{extra:?}: {err}");
    }
    let model = tiny("llama-tiny");
    let out = tandem(&[
        "generate",
        "--model",
        model.to_str().unwrap(),
        "--ids",
        "1,2",
        "--chat",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--chat"));
}

/// An upstream that answers every request with an SSE stream that never ends.
fn endless_upstream() -> u16 {
    use std::io::{Read, Write};
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for s in l.incoming() {
            let Ok(mut s) = s else { return };
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                let _ = s.read(&mut buf);
                let _ = s.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n");
                let event =
                    b"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n\n";
                loop {
                    let chunk =
                        [format!("{:x}\r\n", event.len()).as_bytes(), event, b"\r\n"].concat();
                    if s.write_all(&chunk).is_err() {
                        return;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
            });
        }
    });
    port
}

/// SIGTERM (what containers and systemd send) with an endless stream and a half-sent request
/// open: the server closes the stream cleanly (an error event, then `[DONE]`) and exits 0 within
/// its grace period.
#[test]
fn sigterm_closes_streams_cleanly_and_exits_zero() {
    use std::io::{Read, Write};
    use std::time::{Duration, Instant};
    let up = endless_upstream();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args([
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--upstream",
            &format!("http://127.0.0.1:{up}"),
            "--shutdown-grace-s",
            "1",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The port it bound, from its "listening on http://ADDR" line; the rest of stderr is
    // drained in the background so the server never blocks on it.
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    let addr = loop {
        let mut line = String::new();
        if std::io::BufRead::read_line(&mut err, &mut line).unwrap() == 0 {
            panic!("the server exited before listening");
        }
        if let Some(a) = line
            .trim()
            .strip_prefix("tandem-server: listening on http://")
        {
            break a.to_string();
        }
    };
    std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
    let connect = || std::net::TcpStream::connect(&addr);
    let mut stream = connect().unwrap();
    let body = r#"{"model":"m","messages":[{"role":"user","content":"hi"}],"stream":true}"#;
    write!(
        stream,
        "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut first = [0u8; 512];
    let n = stream.read(&mut first).unwrap();
    assert!(String::from_utf8_lossy(&first[..n]).starts_with("HTTP/1.1 200"));
    let mut half = connect().unwrap();
    half.write_all(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Le")
        .unwrap();

    let t = Instant::now();
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if t.elapsed() > Duration::from_secs(8) {
            let _ = child.kill();
            panic!("still running 8 s after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    let mut rest = Vec::new();
    stream
        .set_read_timeout(Some(Duration::from_secs(2)))
        .unwrap();
    let _ = stream.read_to_end(&mut rest);
    let rest = String::from_utf8_lossy(&rest);
    assert!(rest.contains("server_shutting_down"), "{rest}");
    assert!(rest.contains("data: [DONE]"), "{rest}");
}

/// A GGUF whose `general.alignment = 0` sits after a metadata array nested 6 deep: candle's
/// reader divided by it (exit 101). `serve`, `logits` and `generate` now exit 1 with the key.
#[test]
fn a_crafted_gguf_is_an_error_not_a_panic() {
    let mut b = Vec::new();
    b.extend_from_slice(b"GGUF");
    b.extend_from_slice(&3u32.to_le_bytes());
    b.extend_from_slice(&0u64.to_le_bytes()); // tensors
    b.extend_from_slice(&2u64.to_le_bytes()); // metadata entries
    let key = |b: &mut Vec<u8>, k: &str| {
        b.extend_from_slice(&(k.len() as u64).to_le_bytes());
        b.extend_from_slice(k.as_bytes());
    };
    key(&mut b, "nested");
    b.extend_from_slice(&9u32.to_le_bytes()); // array
    for _ in 0..5 {
        b.extend_from_slice(&9u32.to_le_bytes()); // of arrays
        b.extend_from_slice(&1u64.to_le_bytes()); // one element
    }
    b.extend_from_slice(&4u32.to_le_bytes()); // of u32
    b.extend_from_slice(&0u64.to_le_bytes()); // none
    key(&mut b, "general.alignment");
    b.extend_from_slice(&4u32.to_le_bytes());
    b.extend_from_slice(&0u32.to_le_bytes());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crafted.gguf");
    std::fs::write(&path, &b).unwrap();
    let p = path.to_str().unwrap();
    for args in [
        vec![
            "serve",
            "--model",
            p,
            "--bind",
            "127.0.0.1:0",
            "--backend",
            "cpu",
        ],
        vec!["logits", "--model", p, "--ids", "1"],
    ] {
        let out = tandem(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("general.alignment"), "{args:?}: {err}");
    }
}
