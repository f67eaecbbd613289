//! Precision and recall per type on the generated PII sets, and the round trip redact → restore
//! on every development item. Eleven sets, each from its own generator in tests/pii/, written by
//! a session that saw neither the detectors nor the other sets, labels by construction. Each was
//! scored once as it came (the figures are in the comments below); the misses of the first ten
//! then guided the detectors, so they are development sets now, and the eleventh is untouched. Prints the tables docs/BENCHMARKS.md quotes:
//!     cargo test -p tandem-privacy --test pii_set -- --nocapture
//!
//! Matching: a labelled entity is recalled when a detected entity of its type covers all of it
//! (nothing of the value leaves the device); a detection is precise when it overlaps a labelled
//! entity of its type. Exact-span figures (same type, same start and end) are printed beside.

use std::collections::BTreeMap;

use serde_json::Value;
use tandem_privacy::{detect, EntityType, Policy, Vault};

struct Gold {
    kind: EntityType,
    start: usize,
    end: usize,
}

fn load(name: &str) -> Vec<(String, String, Vec<Gold>)> {
    let path = format!("{}/../../tests/pii/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("a JSON line");
            let gold = v["entities"]
                .as_array()
                .expect("entities")
                .iter()
                .map(|e| Gold {
                    kind: e["type"]
                        .as_str()
                        .expect("type")
                        .parse()
                        .expect("a known type"),
                    start: e["start"].as_u64().expect("start") as usize,
                    end: e["end"].as_u64().expect("end") as usize,
                })
                .collect();
            (
                v["id"].as_str().unwrap_or("").to_string(),
                v["text"].as_str().expect("text").to_string(),
                gold,
            )
        })
        .collect()
}

#[derive(Default, Debug)]
struct Counts {
    gold: usize,
    recalled: usize,
    exact: usize,
    detected: usize,
    precise: usize,
}

/// Prints the table and returns overall (recall, precision).
fn score(name: &str) -> (f64, f64) {
    let items = load(name);
    let mut per: BTreeMap<EntityType, Counts> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut false_hits = Vec::new();
    for (id, text, gold) in &items {
        let found = detect(text);
        for g in gold {
            let c = per.entry(g.kind).or_default();
            c.gold += 1;
            if found
                .iter()
                .any(|f| f.kind == g.kind && f.start <= g.start && g.end <= f.end)
            {
                c.recalled += 1;
            } else {
                misses.push(format!("{id} {}: {:?}", g.kind, &text[g.start..g.end]));
            }
            c.exact += usize::from(
                found
                    .iter()
                    .any(|f| f.kind == g.kind && f.start == g.start && f.end == g.end),
            );
        }
        for f in &found {
            let c = per.entry(f.kind).or_default();
            c.detected += 1;
            if gold
                .iter()
                .any(|g| g.kind == f.kind && f.start < g.end && g.start < f.end)
            {
                c.precise += 1;
            } else {
                false_hits.push(format!("{id} {}: {:?} in {text:?}", f.kind, f.value));
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    println!("{name}: {} items", items.len());
    println!("| type | labelled | recall | exact-span recall | detected | precision |");
    println!("|---|---|---|---|---|---|");
    let mut total = Counts::default();
    for (k, c) in &per {
        println!(
            "| {k} | {} | {:.3} | {:.3} | {} | {:.3} |",
            c.gold,
            ratio(c.recalled, c.gold),
            ratio(c.exact, c.gold),
            c.detected,
            ratio(c.precise, c.detected)
        );
        total.gold += c.gold;
        total.recalled += c.recalled;
        total.exact += c.exact;
        total.detected += c.detected;
        total.precise += c.precise;
    }
    let (recall, precision) = (
        ratio(total.recalled, total.gold),
        ratio(total.precise, total.detected),
    );
    println!(
        "| all | {} | {recall:.3} | {:.3} | {} | {precision:.3} |",
        total.gold,
        ratio(total.exact, total.gold),
        total.detected
    );
    println!("missed ({}):", misses.len());
    misses.iter().for_each(|m| println!("  {m}"));
    println!("false detections ({}):", false_hits.len());
    false_hits.iter().for_each(|m| println!("  {m}"));
    (recall, precision)
}

/// The set the detectors were developed on.
#[test]
fn precision_and_recall_per_type() {
    let (recall, precision) = score("pii-set.jsonl");
    assert!(recall >= 0.95, "overall recall {recall:.3} < 0.95");
    assert!(precision >= 0.90, "overall precision {precision:.3} < 0.90");
}

/// A second set, written independently (other templates, situations and languages) and never
/// tuned on: the honest figure.
#[test]
fn held_out_precision_and_recall() {
    let (recall, precision) = score("pii-heldout.jsonl");
    assert!(recall >= 0.95, "held-out recall {recall:.3} < 0.95");
    assert!(
        precision >= 0.90,
        "held-out precision {precision:.3} < 0.90"
    );
}

/// A third set, from a third generator written after the detectors above (other situations,
/// Polish and Swedish too), scored as it came at recall 0.870, precision 0.882; its misses
/// then led to the bundled lexicons and the chat, form and signature cues, so it is a
/// development set now.
#[test]
fn third_set_precision_and_recall() {
    let (recall, precision) = score("pii-test.jsonl");
    assert!(recall >= 0.95, "third-set recall {recall:.3} < 0.95");
    assert!(
        precision >= 0.90,
        "third-set precision {precision:.3} < 0.90"
    );
}

/// A fourth set (tests/pii/make_pii_final.py), written by a session that saw neither the
/// detectors nor the other sets, scored as it came after the lexicons at recall 0.881,
/// precision 0.957; its misses led to the lower-case chat names, form fields in capitals,
/// Turkish and Vietnamese street lines and flats written first, so it is a development set
/// now. Its street lines include the flat or unit on the line.
#[test]
fn fourth_set_precision_and_recall() {
    let (recall, precision) = score("pii-final.jsonl");
    assert!(recall >= 0.95, "fourth-set recall {recall:.3} < 0.95");
    assert!(
        precision >= 0.90,
        "fourth-set precision {precision:.3} < 0.90"
    );
}

/// A fifth set (tests/pii/make_pii_fifth.py), written by another session that saw neither the
/// detectors nor the other sets, scored as it came after the changes the fourth led to at
/// recall 0.884, precision 0.896; its misses led to middle initials, booking names, lower-case
/// family names, Czech, Nordic, Australian and Canadian street forms and the everyday-word veto
/// over role cues, so it is a development set now.
#[test]
fn fifth_set_precision_and_recall() {
    let (recall, precision) = score("pii-fifth.jsonl");
    assert!(recall >= 0.95, "fifth-set recall {recall:.3} < 0.95");
    assert!(
        precision >= 0.90,
        "fifth-set precision {precision:.3} < 0.90"
    );
}

/// A sixth set (tests/pii/make_pii_sixth.py), written by another session that saw neither the
/// detectors nor the other sets, scored as it came after the changes the fifth led to at recall
/// 0.909, precision 0.940; its misses led to CSV fields (quoted names, numbers after a comma)
/// and more flat and floor forms, so it is a development set now.
#[test]
fn sixth_set_precision_and_recall() {
    let (recall, precision) = score("pii-sixth.jsonl");
    assert!(recall >= 0.95, "sixth-set recall {recall:.3} < 0.95");
    assert!(
        precision >= 0.90,
        "sixth-set precision {precision:.3} < 0.90"
    );
}

/// A seventh set (tests/pii/make_pii_seventh.py), written by another session that saw neither
/// the detectors nor the other sets, scored as it came at recall 0.916 and precision 0.918; its
/// misses (with the eighth's) led to the structured fields (table headers, form labels, JSON
/// keys), so it is a development set now.
#[test]
fn seventh_set_precision_and_recall() {
    let (recall, precision) = score("pii-seventh.jsonl");
    assert!(recall >= 0.95, "seventh-set recall {recall:.3} < 0.95");
    assert!(
        precision >= 0.90,
        "seventh-set precision {precision:.3} < 0.90"
    );
}

/// An eighth set (tests/pii/make_pii_eighth.py), written by another session that saw neither the
/// detectors nor the other sets, scored as it came at recall 0.876 and precision 0.966 (people
/// 0.79, street lines 0.74, cards 0.79); with the seventh it led to the structured fields,
/// numbers in brackets and floors written in words, so it is a development set now.
#[test]
fn eighth_set_precision_and_recall() {
    let (recall, precision) = score("pii-eighth.jsonl");
    assert!(recall >= 0.95, "eighth-set recall {recall:.3} < 0.95");
    assert!(
        precision >= 0.90,
        "eighth-set precision {precision:.3} < 0.90"
    );
}

/// A ninth set (tests/pii/make_pii_ninth.py), written by another session that saw neither the
/// detectors nor the other sets, scored as it came after the seventh's and eighth's changes at
/// recall 0.891, precision 0.939 (people 0.83, street lines 0.79); its misses led to chat
/// speakers, SQL rows, form lines with several fields, tickets' SURNAME/GIVEN, the name above a
/// street line and more countries' street forms, so it is a development set now.
#[test]
fn ninth_set_precision_and_recall() {
    let (recall, precision) = score("pii-ninth.jsonl");
    assert!(recall >= 0.95, "ninth-set recall {recall:.3} < 0.95");
    assert!(
        precision >= 0.90,
        "ninth-set precision {precision:.3} < 0.90"
    );
}

/// A tenth set (tests/pii/make_pii_tenth.py, 59 locales), written by another session that saw
/// neither the detectors nor the other sets, scored as it came after every change the ninth led
/// to at recall 0.905, precision 0.946 (people 0.89, street lines 0.71, phones 0.92); its misses
/// then led to more countries' street forms, chat exports, vCards and form lines with "=", so it
/// is a development set now (recall 0.951).
#[test]
fn tenth_set_precision_and_recall() {
    let (recall, precision) = score("pii-tenth.jsonl");
    assert!(recall >= 0.945, "tenth-set recall {recall:.3} < 0.945");
    assert!(
        precision >= 0.90,
        "tenth-set precision {precision:.3} < 0.90"
    );
}

/// `needle` stands in `hay` as a word of its own ("Sol" is not in "Solicitors").
fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(at, _)| {
        let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        edge(hay[..at].chars().next_back()) && edge(hay[at + needle.len()..].chars().next())
    })
}

#[test]
fn every_item_round_trips() {
    for (id, text, _) in load("pii-set.jsonl")
        .into_iter()
        .chain(load("pii-heldout.jsonl"))
        .chain(load("pii-test.jsonl"))
        .chain(load("pii-final.jsonl"))
        .chain(load("pii-fifth.jsonl"))
        .chain(load("pii-sixth.jsonl"))
        .chain(load("pii-seventh.jsonl"))
        .chain(load("pii-eighth.jsonl"))
        .chain(load("pii-ninth.jsonl"))
        .chain(load("pii-tenth.jsonl"))
        .chain(load("pii-eleventh.jsonl"))
    {
        let mut v = Vault::new();
        let r = v.redact(&text, &Policy::redact_all());
        for e in &r.entities {
            assert!(
                !contains_word(&r.redacted, &e.value) || e.value.len() < 3,
                "{id}: {:?} still in {:?}",
                e.value,
                r.redacted
            );
        }
        // A value written in two cases ("beatrix", "Beatrix") or a number with other separators
        // ("224251869", "22 425 18 69") is one value and one placeholder (vault.rs's key), and
        // comes back in its first spelling.
        let back = v.restore(&r.redacted);
        let plain = |t: &str| -> String {
            t.chars()
                .filter(|c| !c.is_whitespace() && !"-.()".contains(*c))
                .flat_map(char::to_lowercase)
                .collect()
        };
        assert!(
            back == text || plain(&back) == plain(&text),
            "{id}: {back:?}"
        );
    }
}

/// An eleventh set (tests/pii/make_pii_eleventh.py, 75 kinds of pasted text, about 59 locales),
/// written by another session that saw neither the detectors nor the other sets, after every
/// change above: scored once, as it came, at recall 0.892 and precision 0.920 (people 0.83,
/// street lines 0.81, cards 0.95): precision meets issue 15's bar, recall does not. It is the
/// figure to believe; never tune on it. The floors only keep it from getting worse.
#[test]
fn eleventh_set_precision_and_recall() {
    let (recall, precision) = score("pii-eleventh.jsonl");
    assert!(
        recall >= 0.89,
        "eleventh-set recall {recall:.3} fell below 0.89"
    );
    assert!(
        precision >= 0.91,
        "eleventh-set precision {precision:.3} fell below 0.91"
    );
}
