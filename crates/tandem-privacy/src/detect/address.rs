//! Street addresses: the street line, in the orders Western addresses use.
//! - number first: "221B Baker Street", "1600 Pennsylvania Avenue NW", "42 Elm St.",
//!   "12 rue de Rivoli", "5 avenue des Champs-Élysées";
//! - street first: "Hauptstraße 5", "Bahnhofstr. 12a", "Kerkstraat 112", "Calle Mayor 15",
//!   "Via Roma 10".
//!
//! A street is recognised by its type word (Street, Avenue, rue, Calle, …) or a type suffix
//! (…straße, …straat, …gatan, …). The city and postcode after a comma are left as they are.

use super::{Candidate, Found};
use crate::entity::EntityType;
use crate::text::{words, Word};

/// Type words that end an English street name ("Baker Street").
const SUFFIX_WORDS: [&str; 44] = [
    "street",
    "st",
    "avenue",
    "ave",
    "av",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "drive",
    "dr",
    "court",
    "ct",
    "way",
    "place",
    "pl",
    "square",
    "sq",
    "terrace",
    "parkway",
    "pkwy",
    "highway",
    "hwy",
    "circle",
    "cir",
    "crescent",
    "close",
    "row",
    "mews",
    "gardens",
    "walk",
    "alley",
    "grove",
    "hill",
    "park",
    "trail",
    "plaza",
    "broadway",
    "embankment",
    "quay",
    "wharf",
    "green",
];
/// Type words that start a street name ("rue de Rivoli", "Calle Mayor", "Via Roma").
const PREFIX_WORDS: [&str; 37] = [
    "rue",
    "avenue",
    "boulevard",
    "bd",
    "place",
    "allée",
    "allee",
    "chemin",
    "impasse",
    "quai",
    "route",
    "calle",
    "avenida",
    "av",
    "paseo",
    "plaza",
    "carrer",
    "camino",
    "via",
    "vía",
    "viale",
    "piazza",
    "corso",
    "largo",
    "rua",
    "travessa",
    "ulica",
    "ul",
    "strada",
    "calea",
    "praça",
    "ronda",
    "lungarno",
    "lungomare",
    "vicolo",
    "alameda",
    "rambla",
];
/// Type words written as a word of their own after the name ("Berliner Straße 179").
const TRAILING_TYPES: [&str; 9] = [
    "straße", "strasse", "str", "weg", "platz", "allee", "gasse", "ring", "damm",
];
/// Suffixes of one-word street names ("Hauptstraße", "Kerkstraat", "Drottninggatan").
const GLUED_SUFFIXES: [&str; 24] = [
    "straße", "strasse", "str", "weg", "gasse", "platz", "allee", "ring", "damm", "ufer", "straat",
    "laan", "plein", "gracht", "kade", "gatan", "vägen", "vagen", "väg", "vej", "gade", "veien",
    "gata", "utca",
];
/// Lower-case words allowed inside a street name ("rue de la Paix", "Avenue of the Americas").
const PARTICLES: [&str; 25] = [
    "de", "du", "des", "la", "le", "les", "del", "di", "da", "dos", "do", "das", "della", "delle",
    "dei", "degli", "dello", "of", "the", "am", "an", "der", "dem", "van", "von",
];
/// German street names led by a preposition ("Am Markt 12", "An der Alster 5", "Im Winkel 3").
const LEADING_PREPOSITIONS: [&str; 7] = ["am", "an", "auf", "im", "in", "zum", "zur"];
const DIRECTIONS: [&str; 8] = ["n", "s", "e", "w", "ne", "nw", "se", "sw"];

/// "12", "12a", "221B", "240-II" (a Dutch floor), "12-14".
fn is_house_number(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &w[digits..];
    let suffix_ok = rest.len() <= 1 && rest.bytes().all(|b| b.is_ascii_alphabetic())
        || rest.strip_prefix('-').is_some_and(|r| {
            (1..=4).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    (1..=5).contains(&digits) && suffix_ok
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn lower(w: &Word) -> String {
    w.text.to_lowercase()
}

/// Whether the text between two words is only spaces (a street name does not cross commas).
fn joined(text: &str, a: &Word, b: &Word) -> bool {
    let gap = &text[a.end..b.start];
    !gap.is_empty() && gap.chars().all(|c| c == ' ') || gap == ". " || gap == "."
}

pub(crate) fn find(text: &str, out: &mut Found) {
    let ws = words(text);
    let mut i = 0;
    while i < ws.len() {
        if let Some(end) = number_first(text, &ws, i).or_else(|| street_first(text, &ws, i)) {
            let end_byte = with_abbreviation_dot(text, ws[end].end, &ws[end]);
            out.push(Candidate::new(
                EntityType::StreetAddress,
                ws[i].start,
                end_byte,
            ));
            i = end + 1;
        } else {
            i += 1;
        }
    }
}

/// "St." keeps its dot when it abbreviates a type word.
fn with_abbreviation_dot(text: &str, end: usize, w: &Word) -> usize {
    let abbreviation = [
        "st", "ave", "av", "rd", "blvd", "ln", "dr", "ct", "pl", "sq", "str", "bd", "ul", "hwy",
        "pkwy",
    ]
    .contains(&lower(w).as_str());
    if abbreviation && text[end..].starts_with('.') {
        end + 1
    } else {
        end
    }
}

/// NUMBER [Name …] TYPE [DIRECTION]  or  NUMBER PREFIX-TYPE Name …; the index of the last word.
fn number_first(text: &str, ws: &[Word], i: usize) -> Option<usize> {
    if !is_house_number(ws[i].text) {
        return None;
    }
    let mut next_i = i + 1;
    let mut next = ws.get(next_i).filter(|w| joined(text, &ws[i], w))?;
    if matches!(lower(next).as_str(), "bis" | "ter") {
        // "160 ter place des Célestins"
        next_i += 1;
        next = ws
            .get(next_i)
            .filter(|w| joined(text, &ws[next_i - 1], w))?;
    }
    if PREFIX_WORDS.contains(&lower(next).as_str()) {
        // "12 rue de Rivoli": the type word, then capitalised words and particles.
        let last = name_words(text, ws, next_i, 5)?;
        return (last > next_i).then_some(last);
    }
    // "221B Baker Street": up to four capitalised words, the last a type word.
    let mut j = i + 1;
    while j < ws.len() && j <= i + 5 {
        if j > i + 1 && !joined(text, &ws[j - 1], &ws[j]) {
            return None;
        }
        let l = lower(&ws[j]);
        if j > i + 1 && SUFFIX_WORDS.contains(&l.as_str()) && capitalised(ws[j].text) {
            let dir = ws.get(j + 1).filter(|w| {
                joined(text, &ws[j], w)
                    && DIRECTIONS.contains(&lower(w).as_str())
                    && w.text.chars().all(char::is_uppercase)
            });
            return Some(if dir.is_some() { j + 1 } else { j });
        }
        if !(capitalised(ws[j].text)
            || ws[j].text.bytes().all(|b| b.is_ascii_digit())
            || PARTICLES.contains(&l.as_str()))
        {
            return None;
        }
        j += 1;
    }
    None
}

/// "Hauptstraße 5", "Bahnhofstr. 12a", "Calle Mayor 15", "Via Roma 10": the index of the number.
fn street_first(text: &str, ws: &[Word], i: usize) -> Option<usize> {
    let w = &ws[i];
    let l = lower(w);
    if !capitalised(w.text) {
        return None;
    }
    let glued = GLUED_SUFFIXES
        .iter()
        .any(|s| l.len() > s.len() + 2 && l.ends_with(s));
    let preposition = LEADING_PREPOSITIONS.contains(&l.as_str());
    let last_name = if glued {
        i
    } else if let Some(k) = named_then_type(text, ws, i) {
        // "Witte de Withstraat 239", "Korte Nieuwstraat 132", "Berliner Straße 179"
        k
    } else if PREFIX_WORDS.contains(&l.as_str()) || preposition {
        name_words(text, ws, i, 4).filter(|&last| last > i)?
    } else if ws
        .get(i + 1)
        .is_some_and(|n| PREFIX_WORDS.contains(&lower(n).as_str()) && joined(text, w, n))
    {
        // An adjective before the type word ("Gran Vía 19", "Grande Rue 4").
        i + 1
    } else {
        return None;
    };
    let num = ws.get(last_name + 1)?;
    let gap = &text[ws[last_name].end..num.start];
    // "Im Jahr 2019" is a year, not an address: preposition-led names take small numbers.
    let small = num.text.bytes().take_while(u8::is_ascii_digit).count() <= 3;
    (matches!(gap, " " | ". " | ", ") && is_house_number(num.text) && (!preposition || small))
        .then_some(last_name + 1)
}

/// Capitalised words and particles from `i` whose last word carries a type suffix or is a type
/// word ("Witte de Withstraat", "Berliner Straße"); the index of that last word.
fn named_then_type(text: &str, ws: &[Word], i: usize) -> Option<usize> {
    for j in i + 1..(i + 4).min(ws.len()) {
        if !joined(text, &ws[j - 1], &ws[j]) {
            return None;
        }
        let l = lower(&ws[j]);
        let typed = TRAILING_TYPES.contains(&l.as_str())
            || GLUED_SUFFIXES
                .iter()
                .any(|s| l.len() > s.len() + 2 && l.ends_with(s));
        if typed && capitalised(ws[j].text) {
            return Some(j);
        }
        if !(capitalised(ws[j].text) || PARTICLES.contains(&l.as_str())) {
            return None;
        }
    }
    None
}

/// From the type word at `i`, the following capitalised words and particles (at most `max`);
/// the index of the last capitalised one.
fn name_words(text: &str, ws: &[Word], i: usize, max: usize) -> Option<usize> {
    let mut last = None;
    for j in i + 1..(i + 1 + max).min(ws.len()) {
        if !joined(text, &ws[j - 1], &ws[j]) {
            break;
        }
        if capitalised(ws[j].text) {
            last = Some(j);
        } else if !PARTICLES.contains(&lower(&ws[j]).as_str()) {
            break;
        }
    }
    last
}
