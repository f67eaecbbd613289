//! `tandem redact`: tandem-privacy on text from stdin. With `--jsonl` (the contract), each input
//! line `{"text": "..."}` gives one output line `{"redacted": "...", "entities": [{"type",
//! "value", "placeholder", "start", "end"}]}` (byte offsets into the input text), in order; a
//! line that is not such an object gives `{"error": {"kind", "message"}}` in its place, so
//! output line n always answers input line n, and the exit status says whether any failed.

use std::io::{BufRead, Read, Write};

use anyhow::{bail, Result};
use clap::Args;
use serde_json::{json, Value};
use tandem_privacy::{EntityType, Level, Policy, Vault};

#[derive(Args)]
pub struct RedactArgs {
    /// Read `{"text": ...}` lines, write one result line per input line.
    #[arg(long)]
    jsonl: bool,
    /// One conversation for all lines: a value keeps its placeholder from line to line
    /// (default: each line is its own conversation).
    #[arg(long)]
    shared: bool,
    /// A class's level, TYPE=LEVEL (LEVEL: off, redact, local-only); repeatable. Classes not
    /// named are redacted.
    #[arg(long = "level", value_name = "TYPE=LEVEL")]
    levels: Vec<String>,
    /// Longest input line (or text without --jsonl), in bytes.
    #[arg(long, default_value_t = 1 << 20)]
    max_bytes: usize,
}

fn policy(levels: &[String]) -> Result<Policy> {
    let mut p = Policy::redact_all();
    for l in levels {
        let Some((t, v)) = l.split_once('=') else {
            bail!("--level {l:?}: expected TYPE=LEVEL")
        };
        p = p.with(t.parse::<EntityType>()?, v.parse::<Level>()?);
    }
    Ok(p)
}

fn result_json(vault: &mut Vault, text: &str, policy: &Policy) -> Value {
    let r = vault.redact(text, policy);
    let mut v = json!({ "redacted": r.redacted, "entities": r.entities });
    if !r.local_only.is_empty() {
        v["local_only"] = json!(r.local_only);
    }
    v
}

fn error_json(kind: &str, message: String) -> Value {
    json!({ "error": { "kind": kind, "message": message } })
}

pub fn run(args: RedactArgs) -> Result<()> {
    let policy = policy(&args.levels)?;
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if !args.jsonl {
        let mut text = String::new();
        stdin
            .lock()
            .take(args.max_bytes as u64 + 1)
            .read_to_string(&mut text)?;
        if text.len() > args.max_bytes {
            bail!("input is over --max-bytes {}", args.max_bytes);
        }
        writeln!(out, "{}", result_json(&mut Vault::new(), &text, &policy))?;
        return Ok(out.flush()?);
    }
    let mut shared = Vault::new();
    let mut failed = 0usize;
    let mut reader = stdin.lock();
    let mut buf = Vec::new();
    let mut n = 0usize;
    loop {
        buf.clear();
        // Read at most max_bytes (+1 to notice more) of a line; the rest of an oversized line
        // is skipped, so one huge line cannot exhaust memory.
        let read = (&mut reader)
            .take(args.max_bytes as u64 + 1)
            .read_until(b'\n', &mut buf)?;
        if read == 0 {
            break;
        }
        let oversized = !buf.ends_with(b"\n") && buf.len() > args.max_bytes;
        if oversized {
            let mut sink = Vec::new();
            reader.read_until(b'\n', &mut sink)?;
        }
        n += 1;
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim_end_matches(['\n', '\r']);
        let v = if oversized {
            error_json(
                "too_long",
                format!("line {n} is over --max-bytes {}", args.max_bytes),
            )
        } else if line.trim().is_empty() {
            error_json("bad_input", format!("line {n} is empty"))
        } else {
            match serde_json::from_str::<Value>(line) {
                Ok(Value::Object(o)) => match o.get("text") {
                    Some(Value::String(t)) if args.shared => result_json(&mut shared, t, &policy),
                    Some(Value::String(t)) => result_json(&mut Vault::new(), t, &policy),
                    _ => error_json("bad_input", format!("line {n}: \"text\" must be a string")),
                },
                Ok(_) => error_json("bad_input", format!("line {n} is not a JSON object")),
                Err(e) => error_json("bad_input", format!("line {n}: {e}")),
            }
        };
        failed += usize::from(v.get("error").is_some());
        match writeln!(out, "{v}") {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            r => r?,
        }
    }
    out.flush()?;
    if failed > 0 {
        bail!("{failed} of {n} lines could not be redacted (see their error lines)");
    }
    Ok(())
}
