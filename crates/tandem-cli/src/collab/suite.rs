//! Suites and prompt files: one JSON object per line,
//! `{"id", "family", "level"?, "messages": [{"role", "content"}], "answer"}`. Extra keys are
//! allowed (and ignored); blank lines are skipped. Every error names the file and the line.
use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context, Result};
use serde_json::Value;
use tandem_core::ChatMessage;

/// One line of a suite.
#[derive(Debug, Clone)]
pub struct SuiteItem {
    /// 1-based line in the file.
    pub line: usize,
    /// The line's `"id"`, or `line-N` when it has none (prompt files need no ids).
    pub id: String,
    pub family: Option<String>,
    /// Kept as written (a number or a string), copied to the evaluation's items.
    pub level: Option<Value>,
    pub messages: Vec<ChatMessage>,
    pub answer: Option<String>,
}

/// Reads a suite. `need_answers`: every line must hold an `"answer"` string.
pub fn read(path: &Path, need_answers: bool) -> Result<Vec<SuiteItem>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut items = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let item = parse_line(raw, line, need_answers)
            .with_context(|| format!("{} line {line}", path.display()))?;
        if let Some(first) = seen.insert(item.id.clone(), line) {
            bail!(
                "{} line {line}: id {:?} is also the id of line {first}",
                path.display(),
                item.id
            );
        }
        items.push(item);
    }
    if items.is_empty() {
        bail!(
            "{} holds no items (one JSON object per line)",
            path.display()
        );
    }
    Ok(items)
}

fn parse_line(raw: &str, line: usize, need_answers: bool) -> Result<SuiteItem> {
    let v: Value = serde_json::from_str(raw).context("not valid JSON")?;
    let Value::Object(obj) = v else {
        bail!("expected a JSON object, found {}", kind(&v));
    };
    let string = |key: &str| -> Result<Option<String>> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => bail!("\"{key}\" must be a string, found {}", kind(other)),
        }
    };
    let id = match obj.get("id") {
        None | Some(Value::Null) => format!("line-{line}"),
        Some(Value::String(s)) if !s.is_empty() => s.clone(),
        // Numeric ids are common in exported data sets: keep them, as text.
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => bail!("\"id\" must be a non-empty string, found {}", kind(other)),
    };
    let messages = match obj.get("messages") {
        Some(Value::Array(list)) if !list.is_empty() => list
            .iter()
            .enumerate()
            .map(|(j, m)| message(m).with_context(|| format!("messages[{j}]")))
            .collect::<Result<Vec<_>>>()?,
        Some(Value::Array(_)) => bail!("\"messages\" is empty"),
        Some(other) => bail!("\"messages\" must be a list, found {}", kind(other)),
        None => bail!("no \"messages\" (a list of {{\"role\", \"content\"}})"),
    };
    let answer = string("answer")?;
    if need_answers && answer.is_none() {
        bail!("no \"answer\" string");
    }
    let level = obj.get("level").filter(|v| !v.is_null()).cloned();
    Ok(SuiteItem {
        line,
        id,
        family: string("family")?,
        level,
        messages,
        answer,
    })
}

fn message(m: &Value) -> Result<ChatMessage> {
    let field = |key: &str| match m.get(key) {
        Some(Value::String(s)) => Ok(s.as_str()),
        Some(other) => bail!("\"{key}\" must be a string, found {}", kind(other)),
        None => bail!("no \"{key}\""),
    };
    if !m.is_object() {
        bail!("expected {{\"role\", \"content\"}}, found {}", kind(m));
    }
    Ok(ChatMessage::new(field("role")?, field("content")?))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suite(text: &str, need: bool) -> Result<Vec<SuiteItem>> {
        let dir = tempfile::tempdir()?;
        let p = dir.path().join("s.jsonl");
        std::fs::write(&p, text)?;
        read(&p, need)
    }

    #[test]
    fn reads_items_and_defaults() {
        let items = suite(
            "{\"id\":\"a\",\"family\":\"f\",\"level\":2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"answer\":\"x\",\"solution\":\"y\"}\n\n{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}\n",
            false,
        )
        .unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].id, "a");
        assert_eq!(items[0].level, Some(serde_json::json!(2)));
        assert_eq!(items[1].id, "line-3");
        assert_eq!(items[1].line, 3);
        assert_eq!(items[1].answer, None);
    }

    #[test]
    fn errors_name_the_line() {
        let ok =
            "{\"id\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"answer\":\"x\"}";
        for (bad, needle) in [
            ("{not json", "not valid JSON"),
            ("[1]", "expected a JSON object"),
            ("{\"id\":\"b\",\"answer\":\"x\"}", "no \"messages\""),
            ("{\"id\":\"b\",\"messages\":[]}", "\"messages\" is empty"),
            (
                "{\"id\":\"b\",\"messages\":[{\"role\":\"user\"}]}",
                "no \"content\"",
            ),
            (ok, "also the id of line 1"),
        ] {
            let e = suite(&format!("{ok}\n{bad}\n"), false).unwrap_err();
            let msg = format!("{e:#}");
            assert!(msg.contains("line 2"), "{msg}");
            assert!(msg.contains(needle), "{msg}");
        }
        let e = suite(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}",
            true,
        )
        .unwrap_err();
        assert!(format!("{e:#}").contains("no \"answer\""));
        assert!(suite("\n\n", false).is_err());
    }
}
