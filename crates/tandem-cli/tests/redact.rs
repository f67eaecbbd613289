//! `tandem redact --jsonl`: the contract (one output line per input line, byte offsets into
//! the input), levels, and what a careless client sends (bad JSON, a non-string text, an empty
//! or oversized line, invalid UTF-8).
use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn redact(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("redact")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn jsonl_contract() {
    let input = concat!(
        r#"{"text": "Mail Zoë at zoë@example.de or call +49 30 1234567."}"#,
        "\n",
        r#"{"text": "Order #123456789 shipped on 2024-01-15."}"#,
        "\n",
    );
    let out = redact(&["--jsonl"], input.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = lines(&out);
    assert_eq!(v.len(), 2);
    assert_eq!(
        v[0]["redacted"],
        "Mail [PERSON_1] at [EMAIL_1] or call [PHONE_1]."
    );
    let text = "Mail Zoë at zoë@example.de or call +49 30 1234567.";
    for e in v[0]["entities"].as_array().unwrap() {
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..t], e["value"].as_str().unwrap(), "byte offsets");
        for key in ["type", "value", "placeholder", "start", "end"] {
            assert!(e.get(key).is_some(), "{key} in {e}");
        }
    }
    assert_eq!(v[1]["redacted"], "Order #123456789 shipped on 2024-01-15.");
    assert_eq!(v[1]["entities"], serde_json::json!([]));
}

#[test]
fn shared_conversation_and_levels() {
    let input = "{\"text\": \"a@b.io\"}\n{\"text\": \"again a@b.io, and 4539 1488 0343 6467\"}\n";
    let out = redact(
        &[
            "--jsonl",
            "--shared",
            "--level",
            "credit_card=local-only",
            "--level",
            "email=redact",
        ],
        input.as_bytes(),
    );
    let v = lines(&out);
    assert_eq!(v[0]["redacted"], "[EMAIL_1]");
    assert_eq!(v[1]["redacted"], "again [EMAIL_1], and [CREDIT_CARD_1]");
    assert_eq!(v[1]["local_only"], serde_json::json!(["credit_card"]));
    let bad = redact(&["--jsonl", "--level", "emial=off"], b"");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("emial"));
}

#[test]
fn bad_lines_answer_in_place() {
    let mut input = Vec::new();
    input.extend_from_slice(b"not json\n");
    input.extend_from_slice(b"{\"text\": 5}\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"[\"text\"]\n");
    input.extend_from_slice(b"{\"text\": \"\xff\xfe bob@x.io\"}\n"); // invalid UTF-8: replaced, not fatal
    input.extend_from_slice(format!("{{\"text\": \"{}\"}}\n", "a".repeat(300)).as_bytes());
    input.extend_from_slice(b"{\"text\": \"ok@x.io\"}"); // no final newline
    let out = redact(&["--jsonl", "--max-bytes", "200"], &input);
    assert!(
        !out.status.success(),
        "some lines failed: the status says so"
    );
    let v = lines(&out);
    assert_eq!(v.len(), 7, "one output line per input line");
    for i in [0, 1, 2, 3, 5] {
        assert!(v[i]["error"]["kind"].is_string(), "line {i}: {}", v[i]);
    }
    assert_eq!(v[5]["error"]["kind"], "too_long");
    assert!(v[4]["redacted"].as_str().unwrap().ends_with("[EMAIL_1]"));
    assert_eq!(v[6]["redacted"], "[EMAIL_1]");
}
