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
