//! Placeholders, stable within a conversation: the same value gets the same placeholder every
//! time it appears (in any message of the conversation), so the server model can refer to it
//! consistently, and the reply is restored from the one table.

use serde::{Deserialize, Serialize};

use crate::detect::detect;
use crate::entity::{Entity, EntityType};
use crate::policy::{Level, Policy};

/// One placeholder: what it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The value as first seen; what the reply gets back.
    pub value: String,
    pub placeholder: String,
    /// The comparison key: values that differ only in formatting share a placeholder.
    pub key: String,
}

/// A detected entity and its placeholder (`start`/`end`: byte offsets into the input).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redacted {
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub value: String,
    pub placeholder: String,
    pub start: usize,
    pub end: usize,
}

/// The result of redacting one text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redaction {
    /// The text with every entity of a `redact` or `local-only` class replaced.
    pub redacted: String,
    pub entities: Vec<Redacted>,
    /// The `local-only` classes found: the request must stay on the device.
    pub local_only: Vec<EntityType>,
}

/// The placeholders of one conversation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vault {
    slots: Vec<Slot>,
}

/// Formatting differences that do not make another value: case of emails, hosts and names,
/// separators in numbers, runs of whitespace.
fn key(kind: EntityType, value: &str) -> String {
    match kind {
        EntityType::Phone | EntityType::CreditCard => {
            let plus = if value.starts_with('+') { "+" } else { "" };
            format!(
                "{plus}{}",
                value
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
            )
        }
        EntityType::Iban => value
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase(),
        EntityType::Url => value.to_string(),
        _ => value
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    }
}

/// Every message of a conversation redacted with one vault (what a request to the server
/// carries), and the vault's slots, from which the reply is restored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationRedaction {
    /// The texts, in order, with placeholders.
    pub redacted: Vec<String>,
    /// Per text, what was replaced (offsets into that text).
    pub entities: Vec<Vec<Redacted>>,
    /// The `local-only` classes found in any text.
    pub local_only: Vec<EntityType>,
    pub slots: Vec<Slot>,
}

/// Redacts a conversation's texts in order. Placeholders are numbered by first appearance, so
/// redacting a longer history of the same conversation gives its earlier texts the same
/// placeholders: no state needs keeping between requests.
pub fn redact_conversation(texts: &[String], policy: &Policy) -> ConversationRedaction {
    let mut vault = Vault::new();
    let mut redacted = Vec::with_capacity(texts.len());
    let mut entities = Vec::with_capacity(texts.len());
    let mut local_only: Vec<EntityType> = Vec::new();
    for t in texts {
        let r = vault.redact(t, policy);
        redacted.push(r.redacted);
        entities.push(r.entities);
        local_only.extend(r.local_only);
    }
    local_only.sort();
    local_only.dedup();
    ConversationRedaction {
        redacted,
        entities,
        local_only,
        slots: vault.slots,
    }
}

impl Vault {
    pub fn new() -> Self {
        Vault::default()
    }

    /// A vault holding `slots` (from an earlier [`ConversationRedaction`]).
    pub fn from_slots(slots: Vec<Slot>) -> Self {
        Vault { slots }
    }

    pub fn slots(&self) -> &[Slot] {
        &self.slots
    }

    /// The placeholder of `value`, made on first sight: `[EMAIL_1]`, `[PERSON_2]`, …
    pub fn placeholder(&mut self, kind: EntityType, value: &str) -> String {
        let k = key(kind, value);
        if let Some(s) = self.slots.iter().find(|s| s.kind == kind && s.key == k) {
            return s.placeholder.clone();
        }
        let n = self.slots.iter().filter(|s| s.kind == kind).count() + 1;
        let placeholder = format!("[{}_{n}]", kind.tag());
        self.slots.push(Slot {
            kind,
            value: value.to_string(),
            placeholder: placeholder.clone(),
            key: k,
        });
        placeholder
    }

    /// Detects the entities of `text` and replaces those the policy protects.
    pub fn redact(&mut self, text: &str, policy: &Policy) -> Redaction {
        self.redact_entities(text, detect(text), policy)
    }

    /// As [`Vault::redact`], with entities found elsewhere (sorted, non-overlapping, in `text`).
    pub fn redact_entities(
        &mut self,
        text: &str,
        found: Vec<Entity>,
        policy: &Policy,
    ) -> Redaction {
        let mut redacted = String::with_capacity(text.len());
        let mut entities = Vec::new();
        let mut local_only: Vec<EntityType> = Vec::new();
        let mut at = 0;
        for e in found {
            let level = policy.level(e.kind);
            let inside = e.start >= at
                && e.end <= text.len()
                && text.is_char_boundary(e.start)
                && text.is_char_boundary(e.end);
            if level == Level::Off || !inside {
                continue;
            }
            if level == Level::LocalOnly && !local_only.contains(&e.kind) {
                local_only.push(e.kind);
            }
            let placeholder = self.placeholder(e.kind, &e.value);
            redacted.push_str(&text[at..e.start]);
            redacted.push_str(&placeholder);
            at = e.end;
            entities.push(Redacted {
                kind: e.kind,
                value: e.value,
                placeholder,
                start: e.start,
                end: e.end,
            });
        }
        redacted.push_str(&text[at..]);
        local_only.sort();
        Redaction {
            redacted,
            entities,
            local_only,
        }
    }

    /// `text` with every placeholder of this conversation replaced by its value.
    pub fn restore(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('[') {
            out.push_str(&rest[..open]);
            let tail = &rest[open..];
            match self.slots.iter().find(|s| tail.starts_with(&s.placeholder)) {
                Some(s) => {
                    out.push_str(&s.value);
                    rest = &tail[s.placeholder.len()..];
                }
                None => {
                    out.push('[');
                    rest = &tail[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// Whether `tail` (text from a `[` on) could still grow into one of the placeholders.
    pub(crate) fn could_complete(&self, tail: &str) -> bool {
        self.slots
            .iter()
            .any(|s| s.placeholder.len() > tail.len() && s.placeholder.starts_with(tail))
    }
}
