//! Digit groups: payment card numbers and phone numbers, told apart from the hard negatives
//! that share their shape (order and invoice numbers, ISBNs, dates, Luhn-invalid digit strings).
//!
//! One scanner finds each maximal run of digits with single separators (space, `-`, `.`, `/`,
//! brackets) and an optional leading `+`; the run is then classified:
//! - a card: 13–19 digits, Luhn-valid, an issuer prefix in use (Visa, Mastercard, Amex,
//!   Discover, JCB, Diners, UnionPay, Maestro), grouped plainly or in blocks, one separator kind;
//! - not personal: after a reference cue ("order", "invoice", "ISBN", "#", …) or shaped as a date;
//! - a phone: E.164-like international (`+` or `00`, 8–15 digits), North American
//!   (`(415) 555-0132`, 10 digits, area code 2–9), national with a trunk `0` and separators, or
//!   any 7–15-digit run right after a phone cue ("call", "tel", "mobile", …).

use super::{Candidate, Found};
use crate::entity::EntityType;
use crate::text::{char_at, char_before, digits, is_word, words_before};

const REFERENCE_CUES: [&str; 22] = [
    "order",
    "invoice",
    "tracking",
    "ticket",
    "ref",
    "reference",
    "isbn",
    "serial",
    "sku",
    "part",
    "model",
    "version",
    "build",
    "id",
    "po",
    "case",
    "confirmation",
    "booking",
    "receipt",
    "item",
    "no",
    "nr",
];
const PHONE_CUES: [&str; 39] = [
    "call",
    "phone",
    "tel",
    "telephone",
    "mobile",
    "cell",
    "fax",
    "whatsapp",
    "text",
    "ring",
    "sms",
    "number",
    "reach",
    "dial",
    "contact",
    "handy", // English, German "Handy"
    "téléphone",
    "tél",
    "portable",
    "appelez",
    "teléfono",
    "telefono",
    "móvil",
    "movil",
    "llama",
    "número",
    "numero",
    "cellulare",
    "telefon",
    "telefonnummer",
    "bel",
    "ligar",
    "liga",
    "landline",
    "reachable",
    "called",
    "calling",
    "telefone",
    "celular",
];

/// One run: its span and text, its digits, and the separators it used.
struct Run<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    digits: Vec<u8>,
}

pub(crate) fn find(text: &str, out: &mut Found) {
    for run in runs(text) {
        if let Some(kind) = classify(text, &run) {
            out.push(Candidate::new(kind, run.start, run.end));
        } else if let Some((head, tail)) = bracket_split(text, &run) {
            // "appt 17 (01.50.50.65.16)": the number before the bracket is another one;
            // "+27 82 329 7542 (18/08/2023 20:50)": so is what the bracket holds.
            for part in [head, tail] {
                if let Some(kind) = classify(text, &part) {
                    out.push(Candidate::new(kind, part.start, part.end));
                }
            }
        }
    }
}

/// The parts of a run before and from its last " (", as runs of their own.
fn bracket_split<'a>(text: &'a str, run: &Run<'a>) -> Option<(Run<'a>, Run<'a>)> {
    let at = run.text.rfind(" (")? + 1;
    let head = Run {
        start: run.start,
        end: run.start + at - 1,
        text: &text[run.start..run.start + at - 1],
        digits: digits(&run.text[..at - 1]),
    };
    let tail = Run {
        start: run.start + at,
        end: run.end,
        text: &text[run.start + at..run.end],
        digits: digits(&run.text[at..]),
    };
    Some((head, strip_open_bracket(text, tail)))
}

/// A number in brackets, "(4683 8061 8417 7034)", starts after the bracket: a bracket the
/// number does not close itself (as "(415) 555 …" does) is not part of it.
fn strip_open_bracket<'a>(text: &'a str, run: Run<'a>) -> Run<'a> {
    if run.text.starts_with('(') && !run.text.contains(')') {
        Run {
            start: run.start + 1,
            text: &text[run.start + 1..run.end],
            ..run
        }
    } else {
        run
    }
}

fn runs(text: &str) -> Vec<Run<'_>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = b[i].is_ascii_digit()
            || (matches!(b[i], b'+' | b'(') && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        // Not inside a longer token or number ("1,299.00"); after a comma or dot that follows
        // a word or a separator (a CSV field, a sentence) is a start.
        // A comma between digits is a thousands separator only before exactly three digits
        // ("1,299"); "…5864,5312200098832767" is two fields of a CSV row.
        let thousands = {
            let d = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            d == 3
        };
        let inside = char_before(text, i).is_some_and(|c| {
            is_word(c)
                || (c == '.' || (c == ',' && thousands))
                    && char_before(text, i - 1).is_some_and(|d| d.is_ascii_digit())
        });
        if !starts || inside {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i; // one past the last digit (or closing bracket after a digit)
        let mut j = i + usize::from(b[i] == b'+');
        let mut seps = 0; // separators since the last digit
        while j < b.len() {
            let c = b[j];
            if c.is_ascii_digit() {
                seps = 0;
                end = j + 1;
            } else if matches!(c, b' ' | b'-' | b'.' | b'/' | b'(' | b')') && seps < 2 {
                // "(415) 555" has two separators in a row; nothing longer is one number.
                let pair_ok =
                    seps == 0 || (b[j - 1] == b')' && c == b' ') || (b[j - 1] == b' ' && c == b'(');
                if !pair_ok {
                    break;
                }
                seps += 1;
            } else {
                break;
            }
            j += 1;
        }
        if end > start && !char_at(text, end).is_some_and(is_word) {
            let t = &text[start..end];
            let run = Run {
                start,
                end,
                text: t,
                digits: digits(t),
            };
            out.push(strip_open_bracket(text, run));
        }
        i = j.max(i + 1);
    }
    out
}

/// Words that name a payment card: "card no. 4539 …" is a card, whatever "no." says.
const CARD_CUES: [&str; 16] = [
    "card",
    "cc",
    "visa",
    "mastercard",
    "amex",
    "karte",
    "kartennummer",
    "kreditkarte",
    "carte",
    "tarjeta",
    "cartão",
    "cartao",
    "carta",
    "kaart",
    "kort",
    "creditcard",
];

fn classify(text: &str, run: &Run) -> Option<EntityType> {
    let before = words_before(text, run.start, 3);
    let hash_before = text[..run.start].trim_end().ends_with(['#', '№']);
    let card_cue = before.iter().any(|w| CARD_CUES.contains(&w.as_str()));
    // "+55 …" is never an order number, even after Portuguese "no" ("ligar no +55 …").
    let reference = !run.text.starts_with('+')
        && (hash_before
            || before
                .iter()
                .take(2)
                .any(|w| REFERENCE_CUES.contains(&w.as_str())));
    if reference && !(card_cue && is_card(run)) {
        return None;
    }
    if is_card(run) {
        return Some(EntityType::CreditCard);
    }
    // A date, or a date and the hour after it ("08/24/2026 08:28").
    if is_date(run.text)
        || run
            .text
            .split(' ')
            .next()
            .is_some_and(|head| head.len() < run.text.len() && is_date(head))
    {
        return None;
    }
    phone(run, &before).then_some(EntityType::Phone)
}

/// 13–19 digits grouped as cards are, Luhn-valid, with an issuer's prefix and length.
fn is_card(run: &Run) -> bool {
    (13..=19).contains(&run.digits.len())
        && card_grouping(run.text)
        && luhn(&run.digits)
        && card_issuer(&run.digits)
}

fn phone(run: &Run, before: &[String]) -> bool {
    let n = run.digits.len();
    let t = run.text;
    let cue = before.iter().any(|w| PHONE_CUES.contains(&w.as_str()));
    let separated = t.contains([' ', '-', '.', '/', '(']);
    let groups: Vec<&str> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let longest = groups.iter().map(|g| g.len()).max().unwrap_or(0);
    if t.contains('.') && groups.iter().any(|g| g.len() > 4) && !cue {
        return false; // a decimal number, not a dotted phone number
    }
    let international = (t.starts_with('+') && (8..=15).contains(&n) && run.digits[0] != 0)
        || (t.starts_with("00") && (10..=17).contains(&n) && run.digits[2] != 0 && separated);
    let nanp = {
        let d = if n == 11 && run.digits[0] == 1 {
            &run.digits[1..]
        } else {
            &run.digits[..]
        };
        d.len() == 10 && d[0] >= 2 && d[3] >= 2 && separated && nanp_groups(&groups)
    };
    // Trunk-prefixed national numbers are written in groups of 2+ digits ("06 12 34 56 78",
    // "030 1234567"); an ISBN-10 such as 0-306-40615-2 has single-digit groups.
    // Nine-digit numbers without a trunk prefix, as Spain and Portugal write them: 3-3-3,
    // 3-2-2-2 or (Barcelona, Madrid) 2-3-2-2 ("953 71 90 36", "222 325 953", "93 047 00 65").
    let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    let nine = n == 9
        && run.digits[0] >= 2
        && matches!(lens.as_slice(), [3, 3, 3] | [3, 2, 2, 2] | [2, 3, 2, 2]);
    let trunk = run.digits[0] == 0
        && (9..=12).contains(&n)
        && separated
        && longest <= 8
        && groups.iter().all(|g| g.len() >= 2);
    // Turkish: "0 (216) 489 12 00", the trunk zero alone before the bracketed area code.
    let turkish = t.starts_with("0 (") && (10..=11).contains(&n);
    international || nanp || nine || trunk || turkish || (cue && (7..=15).contains(&n))
}

/// 3-3-4 (with an optional leading 1), as North American numbers are written.
fn nanp_groups(groups: &[&str]) -> bool {
    let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    matches!(
        lens.as_slice(),
        [3, 3, 4] | [1, 3, 3, 4] | [3, 7] | [1, 3, 7]
    )
}

/// Plain, or blocks of one separator kind: 4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4.
fn card_grouping(t: &str) -> bool {
    let seps: Vec<char> = t.chars().filter(|c| !c.is_ascii_digit()).collect();
    if seps.is_empty() {
        return true;
    }
    if !seps.iter().all(|&c| c == seps[0] && (c == ' ' || c == '-')) {
        return false;
    }
    let lens: Vec<usize> = t.split(seps[0]).map(str::len).collect();
    let fours = lens.len() >= 3
        && lens[..lens.len() - 1].iter().all(|&l| l == 4)
        && (1..=4).contains(&lens[lens.len() - 1]);
    fours || lens == [4, 6, 5] || lens == [4, 6, 4]
}

pub(crate) fn luhn(d: &[u8]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            let x = u32::from(x);
            if i % 2 == 1 {
                if x * 2 > 9 {
                    x * 2 - 9
                } else {
                    x * 2
                }
            } else {
                x
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Issuer identification numbers in use (ISO/IEC 7812 ranges of the major networks) with their
/// lengths. ISBN-13s (978/979…) and most order numbers fall outside them.
fn card_issuer(d: &[u8]) -> bool {
    let n = d.len();
    let p = |k: usize| d.iter().take(k).fold(0u32, |a, &x| a * 10 + u32::from(x));
    match d[0] {
        4 => matches!(n, 13 | 16 | 19), // Visa
        5 => (51..=55).contains(&p(2)) && n == 16 || matches!(p(2), 50 | 56..=59) && n >= 12, // MC, Maestro
        2 => (2221..=2720).contains(&p(4)) && n == 16, // Mastercard 2-series
        3 => {
            matches!(p(2), 34 | 37) && n == 15                              // Amex
                || (3528..=3589).contains(&p(4)) && (16..=19).contains(&n)  // JCB
                || ((300..=305).contains(&p(3)) || matches!(p(2), 36 | 38 | 39)) && (14..=19).contains(&n)
            // Diners
        }
        6 => {
            (p(4) == 6011 || (644..=649).contains(&p(3)) || p(2) == 65 || p(2) == 62)
                && (16..=19).contains(&n)
                || matches!(p(2), 60 | 63 | 67 | 68 | 69) && n >= 12 // Maestro
        }
        _ => false,
    }
}

/// Dates written with numbers: Y-M-D, D.M.Y, D/M/Y, M/D/Y (two- or four-digit years).
fn is_date(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['-', '.', '/']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    let v: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().unwrap_or(u32::MAX))
        .collect();
    let l: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    let day = |x: u32| (1..=31).contains(&x);
    let month = |x: u32| (1..=12).contains(&x);
    let year = |len: usize| len == 4 || len == 2;
    (l[0] == 4 && month(v[1]) && day(v[2]))
        || (year(l[2])
            && l[0] <= 2
            && l[1] <= 2
            && ((day(v[0]) && month(v[1])) || (month(v[0]) && day(v[1]))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_known_values() {
        assert!(luhn(&digits("4539 1488 0343 6467")));
        assert!(!luhn(&digits("4539 1488 0343 6468")));
        assert!(luhn(&digits("79927398713")));
    }

    #[test]
    fn dates_are_dates() {
        for d in ["2024-01-15", "15.01.2024", "01/15/2024", "1/2/24"] {
            assert!(is_date(d), "{d}");
        }
        for d in ["415-555-0132", "2024-13-40"] {
            assert!(!is_date(d), "{d}");
        }
    }
}
