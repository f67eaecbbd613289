//! People's names, from three kinds of evidence (no single list can hold every name):
//! - the gazetteer (names.rs): a known given name, or a known family name in a multi-word name;
//! - name shape: capitalised words of letters in any script ("Zoë", "Łukasz", "O'Brien",
//!   "Jean-Luc"), with particles between them ("van", "de", "Ní"), not at the mercy of a list;
//! - context: a title before ("Dr. …"), or a cue before or after ("my name is …", "Dear …",
//!   "… wrote", "… and I"), which makes even an unknown name a name.
//!
//! A run of name-shaped words is a name when a title or strong cue says so, when the gazetteer
//! knows part of it, or when it has two or more words next to a weaker cue ("with …", "to …").
//! Capitalised words that are not names (days, places, organisations, sentence openers) are
//! trimmed from a run and never make one.

use super::{Candidate, Found};
use crate::entity::EntityType;
use crate::names::{AMBIGUOUS, FAMILY, GIVEN, NOT_NAMES, PARTICLES, TITLES};
use crate::text::{words, words_before, Word};

/// Phrases (nearest word last) right before a name that make it one: introductions, greetings,
/// sign-offs, form fields, roles and relations, in the languages of the gazetteer.
const STRONG_BEFORE: &[&[&str]] = &[
    &["name", "is"],
    &["name"],
    &["i", "am"],
    &["i'm"],
    &["im"],
    &["this", "is"],
    &["called"],
    &["named"],
    &["dear"],
    &["hi"],
    &["hello"],
    &["hey"],
    &["thanks"],
    &["thank", "you"],
    &["regards"],
    &["sincerely"],
    &["cheers"],
    &["best"],
    &["signed"],
    &["met"],
    &["meet"],
    &["ask"],
    &["tell"],
    &["contact"],
    &["cc"],
    &["introduce"],
    &["married"],
    &["emailed"],
    &["text"],
    &["call"],
    &["email"],
    &["mail"],
    &["message"],
    &["ping"],
    &["remind"],
    &["invite"],
    &["thank"],
    &["behalf", "of"],
    &["attn"],
    &["referred", "by"],
    &["written", "by"],
    &["signed", "by"],
    &["approved", "by"],
    // roles and relations
    &["patient"],
    &["client"],
    &["customer"],
    &["employee"],
    &["colleague"],
    &["friend"],
    &["manager"],
    &["son"],
    &["daughter"],
    &["wife"],
    &["husband"],
    &["mother"],
    &["father"],
    &["brother"],
    &["sister"],
    &["boss"],
    &["candidate"],
    &["applicant"],
    &["landlord"],
    &["landlady"],
    &["tenant"],
    &["guest"],
    &["student"],
    &["teacher"],
    &["user"],
    &["author"],
    &["neighbour"],
    &["neighbor"],
    &["partner"],
    &["nurse"],
    &["driver"],
    &["owner"],
    // French, Spanish, German, Italian, Dutch, Portuguese
    &["appelle"],
    &["suis"],
    &["soy"],
    &["llamo"],
    &["nombre", "es"],
    &["heiße"],
    &["heisse"],
    &["ich", "bin"],
    &["name", "ist"],
    &["chiamo"],
    &["sono"],
    &["heet"],
    &["naam", "is"],
    &["chamo"],
    &["sou"],
    &["bonjour"],
    &["hola"],
    &["hallo"],
    &["ciao"],
    &["cher"],
    &["chère"],
    &["olá"],
    &["oi"],
    &["salut"],
    &["hoi"],
    &["present"],
    &["presents"],
    &["présents"],
    &["attendees"],
    &["apologies"],
    &["owner"],
    &["policyholder"],
    &["holder"],
    &["parent"],
    &["contactez"],
    &["contacta"],
    &["kontaktieren"],
    &["chiedi"],
    &["vraag"],
    &["estimado"],
    &["estimada"],
    &["liebe"],
    &["lieber"],
    &["gentile"],
    &["beste"],
];
/// Words right before a name that suggest one when the name has two words or is known.
const WEAK_BEFORE: &[&str] = &[
    "with", "to", "from", "for", "by", "and", "or", "about", "of", "an", "für", "von", "mit", "à",
    "avec", "pour", "con", "para", "per", "met", "voor", "und", "et", "y", "e",
];
/// Words right after a name that make it one.
const STRONG_AFTER: &[&[&str]] = &[
    &["said"],
    &["says"],
    &["wrote"],
    &["writes"],
    &["asked"],
    &["told"],
    &["replied"],
    &["mentioned"],
    &["emailed"],
    &["thinks"],
    &["and", "i"],
    &["is", "my"],
    &["is", "our"],
    &["was", "my"],
    &["et", "moi"],
    &["y", "yo"],
    &["und", "ich"],
];
/// Words right after a name that suggest one, unless it opens a sentence on its own ("Booking
/// confirmed for …").
const WEAK_AFTER: &[&[&str]] = &[
    &["will"],
    &["has"],
    &["sent"],
    &["needs"],
    &["wants"],
    &["here"],
    &["suggested"],
    &["agreed"],
    &["joined"],
    &["left"],
    &["signed"],
    &["confirmed"],
    &["called"],
    &["is"],
];

fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// The word without a possessive "'s".
fn bare<'a>(w: &Word<'a>) -> Word<'a> {
    for s in ["'s", "’s"] {
        if let Some(t) = w.text.strip_suffix(s) {
            return Word {
                text: t,
                start: w.start,
                end: w.start + t.len(),
            };
        }
    }
    *w
}

/// Capitalised, letters only (any script), not all capitals: "Zoë", "O'Brien", "McLeod".
fn name_shaped(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(first) = cs.next() else { return false };
    let rest: Vec<char> = cs.collect();
    first.is_uppercase()
        && !rest.is_empty()
        && rest
            .iter()
            .all(|&c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        && rest.iter().any(|c| c.is_lowercase())
}

fn given(w: &str) -> bool {
    let l = w.to_lowercase();
    in_list(GIVEN, &l) || l.split('-').count() > 1 && l.split('-').all(|p| in_list(GIVEN, p))
}

fn family(w: &str) -> bool {
    let l = w.to_lowercase();
    in_list(FAMILY, &l) || l.split('-').any(|p| in_list(FAMILY, p))
}

fn not_name(w: &str) -> bool {
    let l = w.to_lowercase();
    in_list(NOT_NAMES, &l) || in_list(TITLES, &l)
}

pub(crate) fn find(text: &str, out: &mut Found) {
    let ws: Vec<Word> = words(text);
    // (first word, last word, is a name) per run, then names joined by "and" to a name.
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if caseless_name(ws[i].text) {
            let before = words_before(text, ws[i].start, 3);
            let cue = STRONG_BEFORE.iter().any(|p| {
                p.len() <= before.len() && p.iter().rev().zip(&before).all(|(a, b)| a == b)
            });
            if cue {
                runs.push((i, i, true));
            }
            i += 1;
            continue;
        }
        let Some(run) = run_at(text, &ws, i) else {
            i += 1;
            continue;
        };
        let (first, last) = (run[0], *run.last().unwrap_or(&run[0]));
        let names: Vec<&str> = run.iter().map(|&k| bare(&ws[k]).text).collect();
        let name =
            !not_a_person(text, &ws, first, last, &names) && is_name(text, &ws, &run, &names);
        runs.push((first, last, name));
        i = (last + 1).max(i + 1);
    }
    // Coordination: a multi-word run next to a name ("X and Y", "X, Y") is a name too.
    for k in 0..runs.len() {
        let (first, last, name) = runs[k];
        if name || last == first {
            continue;
        }
        let joined_to = |other: Option<&(usize, usize, bool)>, left: bool| {
            other.is_some_and(|&(f, l, n)| {
                let gap = if left {
                    &text[ws[l].end..ws[first].start]
                } else {
                    &text[ws[last].end..ws[f].start]
                };
                n && matches!(gap.trim(), "and" | "&" | "," | "or" | "und" | "et" | "y")
            })
        };
        if joined_to(k.checked_sub(1).and_then(|j| runs.get(j)), true)
            || joined_to(runs.get(k + 1), false)
        {
            runs[k].2 = true;
        }
    }
    for (first, last, name) in runs {
        if name {
            out.push(Candidate::new(
                EntityType::Person,
                ws[first].start,
                bare(&ws[last]).end,
            ));
        }
    }
}

/// The name-shaped run starting at word `i` (indices of its name words, particles excluded),
/// with leading non-names and titles trimmed; None when nothing is left.
fn run_at(text: &str, ws: &[Word], mut i: usize) -> Option<Vec<usize>> {
    // Leading non-names, titles and one-word cues ("Patient Rose Núñez") are not the name.
    while i < ws.len()
        && name_shaped(ws[i].text)
        && (not_name(bare(&ws[i]).text) || one_word_cue(ws[i].text))
    {
        i += 1;
    }
    let w = ws.get(i)?;
    // "Sr. ter Horst", "Dr. van den Heuvel": after a title, a surname may open with particles.
    let title = words_before(text, w.start, 1)
        .first()
        .is_some_and(|t| in_list(TITLES, t));
    if title && in_list(PARTICLES, &w.text.to_lowercase()) {
        let mut k = i;
        while k < ws.len() && k <= i + 2 && in_list(PARTICLES, &ws[k].text.to_lowercase()) {
            k += 1;
        }
        if ws
            .get(k)
            .is_some_and(|n| spaced(text, &ws[k - 1], n) && name_shaped(n.text))
        {
            return Some(vec![i, k]);
        }
    }
    if !name_shaped(w.text) {
        return None;
    }
    // "Contactez David": an unknown capitalised word before a known given name is not the name.
    if let Some(n) = ws.get(i + 1) {
        let l = w.text.to_lowercase();
        if spaced(text, w, n)
            && given(bare(n).text)
            && !given(w.text)
            && !in_list(FAMILY, &l)
            && at_sentence_start(text, w.start)
        {
            i += 1;
        }
    }
    let mut run = vec![i];
    let mut k = i;
    while run.len() < 4 {
        let cur = &ws[k];
        if cur.text != bare(cur).text {
            break; // "Anna's" ends the name
        }
        // Up to two particles ("van der", "de la") between name words.
        let mut p = k + 1;
        while p < ws.len()
            && p <= k + 2
            && in_list(PARTICLES, &ws[p].text.to_lowercase())
            && spaced(text, &ws[p - 1], &ws[p])
        {
            p += 1;
        }
        let Some(n) = ws.get(p) else { break };
        if spaced(text, &ws[p - 1], n) && name_shaped(n.text) && !not_name(bare(n).text) {
            run.push(p);
            k = p;
        } else {
            break;
        }
    }
    Some(run)
}

fn spaced(text: &str, a: &Word, b: &Word) -> bool {
    &text[a.end..b.start] == " "
}

fn one_word_cue(w: &str) -> bool {
    let l = w.to_lowercase();
    STRONG_BEFORE.iter().any(|p| p.len() == 1 && p[0] == l)
}

fn is_name(text: &str, ws: &[Word], run: &[usize], names: &[&str]) -> bool {
    let start = ws[run[0]].start;
    let before = words_before(text, start, 3);
    let ends = |phrase: &[&str]| {
        phrase.len() <= before.len() && phrase.iter().rev().zip(&before).all(|(p, b)| p == b)
    };
    let title = before.first().is_some_and(|w| in_list(TITLES, w));
    let strong_before = STRONG_BEFORE.iter().any(|p| ends(p)) || sign_off_before(text, start);
    let last = *run.last().unwrap_or(&run[0]);
    let end = bare(&ws[last]).end;
    let after: Vec<String> = ws[last + 1..]
        .iter()
        .take(2)
        .map(|w| w.text.to_lowercase())
        .collect();
    let gap_after = ws
        .get(last + 1)
        .map(|w| &text[ws[last].end..w.start])
        .unwrap_or("");
    let after_is = |list: &[&[&str]]| {
        !gap_after.contains(['.', '!', '?', '\n', ',', ';', ':'])
            && list
                .iter()
                .any(|p| p.len() <= after.len() && p.iter().zip(&after).all(|(a, b)| a == b))
    };
    // "Ana Lima <ana@…>": the display name of an address.
    let display_name = text[end..].trim_start_matches(' ').starts_with('<')
        && text[end..]
            .split('>')
            .next()
            .is_some_and(|s| s.contains('@'));
    let possessive = ws[last].text != names[names.len() - 1];
    let sentence_start = at_sentence_start(text, start);
    let weak_before = before.first().is_some_and(|w| in_list(WEAK_BEFORE, w));
    let known_given = given(names[0]);
    let ambiguous = in_list(AMBIGUOUS, &names[0].to_lowercase());
    let known_family = names.len() > 1 && names[1..].iter().any(|n| family(n));
    if title || strong_before || after_is(STRONG_AFTER) || display_name {
        return true;
    }
    if names.len() >= 2 {
        // Two or more capitalised words, none of them a known non-name, in running text are a
        // name far more often than not (places and organisations are in the non-name list);
        // opening a sentence, they need more.
        return known_given
            || known_family
            || weak_before
            || possessive
            || after_is(WEAK_AFTER)
            || !sentence_start;
    }
    // One word: a known given name that is not also an everyday word ("May", "Will"), or a
    // known family name after a weak cue, or a weak cue after it when it does not open the
    // sentence.
    (known_given && !ambiguous)
        || (weak_before && family(names[0]) && !sentence_start)
        || (after_is(WEAK_AFTER) && !sentence_start && (known_given || family(names[0])))
}

/// Han, Hiragana, Katakana or Hangul only: names without letter case ("王伟"), taken after a
/// strong cue only.
fn caseless_name(w: &str) -> bool {
    let n = w.chars().count();
    (2..=4).contains(&n)
        && w.chars()
            .all(|c| matches!(c as u32, 0x4E00..=0x9FFF | 0x3040..=0x30FF | 0xAC00..=0xD7AF))
}

/// A sign-off line just before ("Best regards,\nName", "Thanks,\n\nName").
fn sign_off_before(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end();
    let Some(line) = head.strip_suffix(',') else {
        return false;
    };
    let last_line = line.rsplit('\n').next().unwrap_or("").trim().to_lowercase();
    [
        "regards",
        "best",
        "cheers",
        "thanks",
        "thank you",
        "sincerely",
        "yours",
        "best wishes",
        "kind regards",
        "warm regards",
        "many thanks",
        "love",
    ]
    .iter()
    .any(|s| last_line.ends_with(s))
        && text[head.len()..start].contains('\n')
}

/// Whether a word opens a sentence, where any word is capitalised (a colon does not: "Present:
/// Keziah Brunmoor").
fn at_sentence_start(text: &str, start: usize) -> bool {
    text[..start]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | '"' | '“'))
}

/// Company forms after a run ("Atelier Mirabeau SARL", "Kestrel Freight GmbH").
const ORG_AFTER: &[&str] = &[
    "inc",
    "ltd",
    "llc",
    "llp",
    "plc",
    "gmbh",
    "ag",
    "kg",
    "bv",
    "nv",
    "sarl",
    "sas",
    "sa",
    "srl",
    "spa",
    "lda",
    "co",
    "corp",
    "corporation",
    "company",
    "group",
    "foundation",
    "holdings",
    "partners",
    "ab",
    "as",
    "oy",
    "b.v",
    "s.r.l",
    "s.a",
];
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// What the run's surroundings say it is not: a title in quotes ("Wolf Hall"), a company (a
/// legal form after it), a month before a day ("Jan 19").
fn not_a_person(text: &str, ws: &[Word], first: usize, last: usize, names: &[&str]) -> bool {
    let before = text[..ws[first].start].chars().next_back();
    let after_text = &text[bare(&ws[last]).end..];
    let quoted = before.is_some_and(|c| matches!(c, '"' | '“' | '«' | '\'' | '‘'))
        && after_text.starts_with(['"', '”', '»', '\'', '’']);
    let next = ws.get(last + 1);
    let org = next.is_some_and(|n| {
        let l = n.text.to_lowercase();
        text[ws[last].end..n.start].trim().is_empty()
            && (in_list(ORG_AFTER, &l) || in_list(ORG_AFTER, l.trim_end_matches('.')))
    }) || after_text.trim_start().starts_with(['&']);
    let month_day = names.len() == 1
        && in_list(MONTHS, &names[0].to_lowercase())
        && next.is_some_and(|n| n.text.len() <= 2 && n.text.bytes().all(|b| b.is_ascii_digit()));
    quoted || org || month_day
}
