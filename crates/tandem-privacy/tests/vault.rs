//! Placeholders: stable per conversation, policy levels, exact restore (streamed too).

use tandem_privacy::{EntityType, Level, Policy, StreamRestorer, Vault};

#[test]
fn same_value_same_placeholder_across_messages() {
    let mut v = Vault::new();
    let a = v.redact(
        "Email anna@example.com or call +44 20 7946 0958.",
        &Policy::redact_all(),
    );
    let b = v.redact(
        "Again: ANNA@example.com, +44 (20) 7946-0958",
        &Policy::redact_all(),
    );
    assert_eq!(a.redacted, "Email [EMAIL_1] or call [PHONE_1].");
    assert_eq!(b.redacted, "Again: [EMAIL_1], [PHONE_1]");
    let c = v.redact("and bob@example.com", &Policy::redact_all());
    assert_eq!(c.redacted, "and [EMAIL_2]");
}

#[test]
fn levels() {
    let policy = Policy::redact_all()
        .with(EntityType::Email, Level::Off)
        .with(EntityType::CreditCard, Level::LocalOnly);
    let mut v = Vault::new();
    let r = v.redact("anna@example.com paid with 4539 1488 0343 6467", &policy);
    assert_eq!(r.redacted, "anna@example.com paid with [CREDIT_CARD_1]");
    assert_eq!(r.local_only, vec![EntityType::CreditCard]);
    assert_eq!(r.entities.len(), 1);
}

#[test]
fn policy_json_rejects_unknown_classes() {
    let ok: Policy =
        serde_json::from_str(r#"{"default":"redact","levels":{"email":"local-only"}}"#).unwrap();
    assert_eq!(ok.level(EntityType::Email), Level::LocalOnly);
    assert!(serde_json::from_str::<Policy>(r#"{"levels":{"emial":"off"}}"#).is_err());
    assert!(serde_json::from_str::<Policy>(r#"{"levels":{"email":"of"}}"#).is_err());
    assert!(serde_json::from_str::<Policy>(r#"{"defualt":"off"}"#).is_err());
}

fn conversation() -> (Vault, String, String) {
    let mut v = Vault::new();
    let text =
        "Hi, I'm Zoë Müller (zoë@example.de, +49 30 1234567), IBAN DE89 3704 0044 0532 0130 00.";
    let r = v.redact(text, &Policy::redact_all());
    let reply = format!(
        "Dear {}, we wrote to {} and will call {}. [NOT_A_SLOT] [",
        "[PERSON_1]", "[EMAIL_1]", "[PHONE_1]"
    );
    let expected =
        "Dear Zoë Müller, we wrote to zoë@example.de and will call +49 30 1234567. [NOT_A_SLOT] ["
            .to_string();
    assert!(r.redacted.contains("[IBAN_1]"), "{}", r.redacted);
    (v, reply, expected)
}

#[test]
fn restore_round_trip() {
    let (v, reply, expected) = conversation();
    assert_eq!(v.restore(&reply), expected);
}

#[test]
fn streamed_restore_at_every_split() {
    let (v, reply, expected) = conversation();
    // Every pair of split points (chunks of any size, placeholders cut anywhere).
    let cuts: Vec<usize> = (0..=reply.len())
        .filter(|&i| reply.is_char_boundary(i))
        .collect();
    for &a in &cuts {
        for &b in cuts.iter().filter(|&&b| b >= a) {
            let mut s = StreamRestorer::new();
            let mut out = s.push(&v, &reply[..a]);
            out += &s.push(&v, &reply[a..b]);
            out += &s.push(&v, &reply[b..]);
            out += &s.finish(&v);
            assert_eq!(out, expected, "split at {a}, {b}");
        }
    }
}

#[test]
fn streamed_restore_one_char_at_a_time_holds_only_placeholder_prefixes() {
    let (v, reply, expected) = conversation();
    let mut s = StreamRestorer::new();
    let mut out = String::new();
    for (i, c) in reply.char_indices() {
        out += &s.push(&v, &reply[i..i + c.len_utf8()]);
        // Whatever is held back is a prefix of a placeholder, never ordinary text.
        assert!(expected.starts_with(&out), "{out:?}");
    }
    out += &s.finish(&v);
    assert_eq!(out, expected);
}
