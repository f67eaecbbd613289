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
const SUFFIX_WORDS: [&str; 47] = [
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
    // Indian: "40/5 Anna Salai", "12 MG Marg"
    "salai",
    "marg",
    "nagar",
];
/// Type words that start a street name ("rue de Rivoli", "Calle Mayor", "Via Roma").
const PREFIX_WORDS: [&str; 74] = [
    // Belgian French: "Chaussée de Wavre 112"
    "chaussée",
    "steenweg",
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
    "calzada",
    "praça",
    "ronda",
    "lungarno",
    "lungomare",
    "vicolo",
    "alameda",
    "rambla",
    // Polish "al." (aleja), "pl." (plac); Spanish "Avda."; Dutch "Laan van …"
    "al",
    "avda",
    "laan",
    "aleja",
    // Vietnamese: "363 Đường Cầu Gỗ", "67 Phố Bãi Sậy", "Ngõ 62"
    "đường",
    "phố",
    "ngõ",
    "ngách",
    "hẻm",
    "số",
    // Indonesian "Jl.", Greek "Odos", "Leof.", "Plateia", Irish "Bóthar", "Sráid", French "cours", Romanian "Str.", "Calçada", "Borgo"
    "jl",
    "jalan",
    "odos",
    "leof",
    "leoforos",
    "plateia",
    "bóthar",
    "sráid",
    "cours",
    "str",
    "calçada",
    "borgo",
    // Argentine "Bv.", Croatian "Trg", Catalan "Plaça", Romanian "Șoseaua", Colombian "Carrera", Thai "Thanon", Ukrainian "vul.", Bulgarian "bul."
    "bv",
    "trg",
    "plaça",
    "șoseaua",
    "soseaua",
    "carrera",
    "transversal",
    "diagonal",
    "thanon",
    "vul",
    "bul",
    "bulv",
];
/// Type words written as a word of their own after the name ("Berliner Straße 179").
const TRAILING_TYPES: [&str; 23] = [
    "straße",
    "strasse",
    "str",
    "weg",
    "platz",
    "allee",
    "gasse",
    "ring",
    "damm",
    "ulice",
    "třída",
    "náměstí",
    "nábřeží",
    // Hungarian, Croatian: "Váci utca 179", "Andrássy út 89", "Savska cesta 45"
    "utca",
    "út",
    "tér",
    "körút",
    "köz",
    "cesta",
    "ulica",
    // "Wiedner Gürtel 34", "Grote Markt 108", "Anna Salai"
    "gürtel",
    "markt",
    "salai",
];
/// Suffixes of one-word street names ("Hauptstraße", "Kerkstraat", "Drottninggatan").
const GLUED_SUFFIXES: [&str; 49] = [
    "straße", "strasse", "str", "weg", "gasse", "platz", "allee", "ring", "damm", "ufer", "straat",
    "laan", "plein", "gracht", "kade", "gatan", "vägen", "vagen", "väg", "vej", "gade", "veien",
    "gata", "utca", "torget", "torg", "backen", "stigen", "gränd", "gränden", "singel", "dijk",
    "steeg", "markt", "plass", "katu", "polku", "kuja", "vejen",
    // "Limmatquai 52", "Frankrijklei 54"
    "quai", "kai", "lei",
    // Icelandic "Laugavegur", Finnish "Mannerheimintie", Korean "Sejong-daero", "Yeoksam-ro"
    "vegur", "stígur", "braut", "tie", "daero", "-ro", "-gil",
];
/// Lower-case words allowed inside a street name ("rue de la Paix", "Avenue of the Americas").
const PARTICLES: [&str; 30] = [
    "de", "du", "des", "la", "le", "les", "del", "di", "da", "dos", "do", "das", "della", "delle",
    "dei", "degli", "dello", "of", "the", "am", "an", "der", "dem", "van", "von", "las", "los",
    "el", "d", // Irish "Bóthar na Trá", "Sráid an Mhuilinn"
    "na",
];
/// German street names led by a preposition ("Am Markt 12", "An der Alster 5", "Im Winkel 3").
const LEADING_PREPOSITIONS: [&str; 8] = [
    "am", "an", "auf", "im", "in", "zum", "zur",
    // Czech, Polish: "Na Příkopě 1606/162"
    "na",
];
const DIRECTIONS: [&str; 12] = [
    "n", "s", "e", "w", "ne", "nw", "se", "sw", "east", "west", "north", "south",
];

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
        if let Some((last, end_byte)) = turkish(text, &ws, i) {
            out.push(Candidate::new(
                EntityType::StreetAddress,
                ws[i].start,
                end_byte,
            ));
            i = last + 1;
            continue;
        }
        if let Some(end) = unit_then_name(text, &ws, i) {
            let end_byte = with_abbreviation_dot(text, ws[end].end, &ws[end]);
            out.push(Candidate::new(
                EntityType::StreetAddress,
                ws[i].start,
                end_byte,
            ));
            i = end + 1;
            continue;
        }
        let found = number_first(text, &ws, i)
            .map(|e| (e, false))
            .or_else(|| street_first(text, &ws, i).map(|e| (e, true)));
        if let Some((end, numbered)) = found {
            let end_byte = with_abbreviation_dot(text, ws[end].end, &ws[end]);
            // The street-first forms end in the number: take its tail ("59/12", "240-II",
            // "459 bis", "53 A").
            let end_byte = if numbered {
                number_tail(text, end_byte)
            } else {
                end_byte
            };
            // A flat or unit on the same line is part of it ("Apt 4B", ", 2º B", "lok. 5").
            // Up to three ("Viale Monza 6, scala B, int. 19").
            let mut end_byte = end_byte;
            for _ in 0..3 {
                let next = unit_tail(text, end_byte);
                if next == end_byte {
                    break;
                }
                end_byte = next;
            }
            // "Flat 5, 217 Harrowgate Close": a flat written before the number.
            let start = if numbered {
                ws[i].start
            } else {
                flat_before(text, &ws, i)
            };
            out.push(Candidate::new(EntityType::StreetAddress, start, end_byte));
            i = end + 1;
        } else {
            i += 1;
        }
    }
}

/// The end of a house number's tail from byte `end`: "/12" (a flat), "-2" or "-II" (a floor),
/// " bis", " ter", " A" (a letter standing alone).
fn number_tail(text: &str, end: usize) -> usize {
    // "126/2/9" (Vienna: house/stair/door): take every segment.
    let next = number_tail_once(text, end);
    if next > end && text[end..].starts_with('/') {
        return number_tail(text, next);
    }
    next
}

fn number_tail_once(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let b = rest.as_bytes();
    if let Some(&sep) = b.first().filter(|&&c| c == b'/' || c == b'-') {
        let n = b[1..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || (sep == b'-' && matches!(c, b'I' | b'V' | b'X')))
            .count();
        // "197/A": a letter after the slash.
        let n = if n == 0 && sep == b'/' && b.get(1).is_some_and(u8::is_ascii_alphabetic) {
            1
        } else {
            n
        };
        if (1..=4).contains(&n) && !b.get(1 + n).is_some_and(u8::is_ascii_alphanumeric) {
            return end + 1 + n;
        }
    }
    // "Herrengasse 26/Top 7", "Kärntner Ring 80/Stiege 2/Top 5" (Vienna: stair, then door).
    for unit in ["/Top ", "/Stiege ", "/Tür "] {
        if let Some(r) = rest.strip_prefix(unit) {
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=4).contains(&n) && !r.as_bytes().get(n).is_some_and(u8::is_ascii_alphanumeric) {
                return end + unit.len() + n;
            }
        }
    }
    // Hungarian writes the house number with a dot: "Andrássy út 57.", "Király utca 32. 1. em."
    // (Only the line's last few words are read: the type word stands right before the number.)
    let mut from = end.saturating_sub(48);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let near = &text[from..end];
    if rest.starts_with('.')
        && (rest.len() == 1 || rest[1..].starts_with([' ', ',', '\n']))
        && near.ends_with(|c: char| c.is_ascii_digit())
        && [" utca ", " út ", " tér "].iter().any(|t| near.contains(t))
    {
        return end + 1;
    }
    for tail in [" bis", " ter", " III", " II"] {
        if rest.starts_with(tail) && !b.get(tail.len()).is_some_and(u8::is_ascii_alphanumeric) {
            return end + tail.len();
        }
    }
    // "Pitkäkatu 76 B 4": the staircase, then the flat.
    if b.len() >= 4
        && b[0] == b' '
        && b[1].is_ascii_uppercase()
        && b[2] == b' '
        && b[3].is_ascii_digit()
    {
        let n = b[3..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n <= 3 && !b.get(3 + n).is_some_and(u8::is_ascii_alphanumeric) {
            return end + 3 + n;
        }
    }
    if b.len() >= 2
        && b[0] == b' '
        && b[1].is_ascii_uppercase()
        && !b.get(2).is_some_and(u8::is_ascii_alphanumeric)
        && !b.get(2).is_some_and(|c| matches!(c, b'.' | b':'))
    {
        return end + 2;
    }
    end
}

/// "Flat 5, " / "Apt 2B " right before word `i`: the start of the flat, else word `i`'s start.
fn flat_before(text: &str, ws: &[Word], i: usize) -> usize {
    // "Unit 6/194 Pitt Road": the unit word right before the unit number.
    if i >= 1
        && matches!(
            lower(&ws[i - 1]).as_str(),
            "unit" | "flat" | "apt" | "suite"
        )
        && capitalised(ws[i - 1].text)
        && &text[ws[i - 1].end..ws[i].start] == " "
        && text[ws[i].end..].starts_with('/')
    {
        return ws[i - 1].start;
    }
    if i >= 2 {
        let (unit, code) = (&ws[i - 2], &ws[i - 1]);
        let gap = &text[code.end..ws[i].start];
        if matches!(
            lower(unit).as_str(),
            "flat" | "apt" | "apartment" | "unit" | "suite"
        ) && capitalised(unit.text)
            && matches!(&text[unit.end..code.start], " " | ". " | " #")
            && code.text.bytes().any(|b| b.is_ascii_digit())
            && code.text.len() <= 5
            && matches!(gap, ", " | " ")
        {
            return unit.start;
        }
    }
    ws[i].start
}

/// Turkish street lines: capitalised words, a type abbreviation (Cad., Sk., Sok., Mah., …,
/// possibly a quarter then a street: "Bahçelievler Mah. Ihlamur Sk."), then "No: 45", "No:43/2",
/// and a flat "D: 14" or "Daire 3". The index of the last word and the end byte.
fn turkish(text: &str, ws: &[Word], i: usize) -> Option<(usize, usize)> {
    const TYPES: [&str; 13] = [
        "cad",
        "cd",
        "caddesi",
        "sk",
        "sok",
        "sokak",
        "sokağı",
        "mah",
        "mahallesi",
        "bulvarı",
        "blv",
        "bulvar",
        "küme",
    ];
    if !capitalised(ws[i].text) {
        return None;
    }
    let mut j = i;
    let mut typed = false;
    while j < ws.len() && j <= i + 7 {
        let l = lower(&ws[j]);
        if TYPES.contains(&l.as_str()) {
            typed = true;
        } else if l == "no" && typed {
            let after = &text[ws[j].end..];
            // "No: 45", "No. 45", "No 63/19"
            let after_colon = after
                .strip_prefix(':')
                .or_else(|| after.strip_prefix('.'))
                .or_else(|| after.starts_with(' ').then_some(after))?;
            let num = ws.get(j + 1)?;
            if !(after_colon.trim_start().starts_with(num.text) && is_house_number(num.text)) {
                return None;
            }
            let mut end = number_tail(text, num.end);
            let mut last = j + 1;
            // "D: 14", "Daire 3", "K: 2"
            if let (Some(d), Some(n)) = (ws.get(j + 2), ws.get(j + 3)) {
                let dl = lower(d);
                if matches!(dl.as_str(), "d" | "daire" | "k" | "kat")
                    && text.get(end..d.start).is_some_and(|g| g.trim().is_empty())
                    && text
                        .get(d.end..n.start)
                        .is_some_and(|g| g.trim_start_matches(':').trim().is_empty())
                    && n.text.bytes().all(|b| b.is_ascii_digit())
                {
                    end = n.end;
                    last = j + 3;
                }
            }
            return Some((last, end));
        } else if !capitalised(ws[j].text) {
            return None;
        }
        if j > i && !matches!(&text[ws[j - 1].end..ws[j].start], " " | ". ") {
            return None;
        }
        j += 1;
    }
    None
}

/// Words that introduce a flat, unit or floor after the street line.
const UNIT_WORDS: [&str; 61] = [
    "apt",
    "apartment",
    "suite",
    "ste",
    "unit",
    "flat",
    "floor",
    "fl",
    "lok",
    "lokal",
    "lgh",
    "whg",
    "wohnung",
    "top",
    "stock",
    "piso",
    "puerta",
    "pta",
    "étage",
    "door",
    "room",
    "rm",
    "bus",
    "bte",
    "app",
    "appt",
    "interno",
    "int",
    "esc",
    "escalera",
    "m",
    "casa",
    "apto",
    "sala",
    "bloco",
    "loja",
    "boîte",
    "scala",
    "depto",
    "dpto",
    "bât",
    "bat",
    "leil",
    "as",
    "conj",
    "ap",
    "bureau",
    "dept",
    "stiege",
    "tür",
    "et",
    // Czech "byt 3", Italian "piano 1"
    "byt",
    "piano",
    "lot",
    "blk",
    // Romanian "bl. E5, sc. 6", Bulgarian "vh. K", Ukrainian "kv. 260", Greek "diam. 9", Hungarian "fsz. 2"
    "bl",
    "sc",
    "vh",
    "kv",
    "diam",
    "fsz",
];

/// The end of a flat or unit after the street line ending at `end`: ", Apt 4B", " Suite 200",
/// " #305", ", 2º B", " 3.º Esq.", " lok. 5"; `end` when there is none.
/// Floors and wings written without a number ("Calle Serrano 116, bajo", "Rua X, 211, R/C").
const BARE_TAILS: [&str; 17] = [
    "bg",
    "bajo",
    "r/c",
    "rc",
    "rdc",
    "entresuelo",
    "ático",
    "hinterhaus",
    "vorderhaus",
    "gartenhaus",
    "souterrain",
    "st. th.",
    "st. tv.",
    "st. mf.",
    "st.",
    "hs",
    "sobreloja",
];

/// Words after a floor or door number ("1 tr", "5. kat", "3e étage", "6. emelet 7. ajtó").
const FLOOR_WORDS: [&str; 20] = [
    "orofos",
    "tr",
    "trappor",
    "kat",
    "étage",
    "etage",
    "emelet",
    "em",
    "ajtó",
    "sal",
    "piano",
    "andar",
    "verdieping",
    "krs",
    "kerros",
    "og",
    "stock",
    "floor",
    "etaj",
    "piętro",
];

fn unit_tail(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let after_sep = rest
        .strip_prefix(", ")
        .or_else(|| rest.strip_prefix(" - "))
        .or_else(|| rest.strip_prefix(" / "))
        .or_else(|| rest.strip_prefix(' '))
        .unwrap_or("");
    // A Norwegian flat number: "Kongens gate 39, H0303".
    {
        let b = after_sep.as_bytes();
        if b.len() >= 5
            && matches!(b[0], b'H' | b'U' | b'K' | b'L')
            && b[1..5].iter().all(u8::is_ascii_digit)
            && !b.get(5).is_some_and(u8::is_ascii_alphanumeric)
            && rest.len() > after_sep.len()
        {
            return end + (rest.len() - after_sep.len()) + 5;
        }
    }
    // A Danish floor and side: "3. mf.", "2. th", "st. tv."
    {
        let b = after_sep.as_bytes();
        let d = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if (1..=2).contains(&d) && after_sep[d..].starts_with(". ") {
            let side: String = after_sep[d + 2..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if matches!(
                side.as_str(),
                "mf" | "th" | "tv" | "sal" | "OG" | "EG" | "DG" | "Stock"
            ) {
                let mut j = d + 2 + side.len();
                if after_sep[j..].starts_with('.') {
                    j += 1;
                }
                // "3. OG links"
                for hand in [" links", " rechts", " li", " re", " Mitte"] {
                    if after_sep[j..].starts_with(hand)
                        && !after_sep[j + hand.len()..].starts_with(char::is_alphanumeric)
                    {
                        j += hand.len();
                        break;
                    }
                }
                return end + (rest.len() - after_sep.len()) + j;
            }
        }
    }
    let at = rest.len() - after_sep.len();
    if at == 0 {
        return end;
    }
    // A floor or wing in words alone: "bajo", "R/C", "Hinterhaus", "st. th.".
    for bare in BARE_TAILS {
        if after_sep
            .get(..bare.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(bare))
            && !after_sep[bare.len()..].starts_with(char::is_alphanumeric)
        {
            return end + at + bare.len();
        }
    }
    // A number, then a floor or door word: "1 tr", "5. kat", "3e étage", "6. emelet", "7. ajtó".
    {
        let d = after_sep.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&d) {
            let rest = &after_sep[d..];
            let marker = ["ème ", "er ", "os ", "e ", ". ", " "]
                .into_iter()
                .find(|m| rest.starts_with(m));
            if let Some(m) = marker {
                let word: String = rest[m.len()..]
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                if FLOOR_WORDS.contains(&word.to_lowercase().as_str()) {
                    let mut j = d + m.len() + word.len();
                    if after_sep[j..].starts_with('.') {
                        j += 1;
                    }
                    // Hungarian: the door after the floor, "1. em. 4."
                    if matches!(word.as_str(), "em" | "emelet") {
                        let r = &after_sep[j..];
                        let n = r
                            .strip_prefix(' ')
                            .map_or(0, |r| r.bytes().take_while(u8::is_ascii_digit).count());
                        if (1..=3).contains(&n) {
                            j += 1 + n;
                            if after_sep[j..].starts_with('.') {
                                j += 1;
                            }
                        }
                    }
                    return end + at + j;
                }
            }
        }
    }
    // A unit word (an abbreviation may take a dot), then a code: "Apt 4B", "lok. 5", "#305".
    let word: String = after_sep
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let mut i = word.len();
    let keyed = UNIT_WORDS.contains(&word.to_lowercase().as_str());
    if keyed || after_sep.starts_with('#') {
        if !keyed {
            i = 0;
        }
        let b = after_sep.as_bytes();
        if b.get(i) == Some(&b'.') {
            i += 1;
        }
        while b.get(i) == Some(&b' ') || b.get(i) == Some(&b'#') {
            i += 1;
        }
        let code = b[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'/'))
            .count();
        if code > 0
            && code <= 8
            && b[i].is_ascii_alphanumeric()
            && (b[i..i + code].iter().any(u8::is_ascii_digit)
                || code == 1 && b[i].is_ascii_uppercase())
        {
            return end + at + i + code;
        }
        return end;
    }
    // A Spanish or Portuguese floor: "2º B", "3.º Esq.", "1ª".
    let b = after_sep.as_bytes();
    let d = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&d) {
        let mut j = d;
        if b.get(j) == Some(&b'.') {
            j += 1;
        }
        let ord = &after_sep[j..];
        if let Some(o) = ord.chars().next().filter(|c| matches!(c, 'º' | 'ª' | '°')) {
            j += o.len_utf8();
            let tail = &after_sep[j..];
            let letters: String = tail
                .strip_prefix(' ')
                .unwrap_or("")
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if !letters.is_empty() && letters.chars().count() <= 5 {
                j += 1 + letters.len();
                if after_sep[j..].starts_with('.') && letters.chars().count() > 1 {
                    j += 1;
                }
            }
            return end + at + j;
        }
    }
    end
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
    // "12/282 Pitt Street", "1-1668 Granville St": a unit, then the house number.
    if let Some(n) = ws.get(i + 1) {
        let gap = &text[ws[i].end..n.start];
        if matches!(gap, "/" | "-") && n.text.bytes().all(|b| b.is_ascii_digit()) {
            return number_first(text, ws, i + 1).filter(|&e| e > i + 1);
        }
    }
    let mut next_i = i + 1;
    // "168, quai des Écoles": French numbers may take a comma before a leading type word.
    let french_comma = ws.get(next_i).is_some_and(|w| {
        &text[ws[i].end..w.start] == ", " && PREFIX_WORDS.contains(&lower(w).as_str())
    });
    // "35, Ring Road", "45, Aminu Kano Crescent": Indian and Nigerian lines put a comma after
    // a short number; the name must then end in an English type word.
    let english_comma = ws.get(next_i).is_some_and(|w| {
        &text[ws[i].end..w.start] == ", "
            && ws[i].text.len() <= 4
            && capitalised(w.text)
            && (next_i + 1..(next_i + 4).min(ws.len())).any(|k| {
                capitalised(ws[k].text)
                    && SUFFIX_WORDS.contains(&lower(&ws[k]).as_str())
                    && joined(text, &ws[k - 1], &ws[k])
            })
    });
    let mut next = ws
        .get(next_i)
        .filter(|w| french_comma || english_comma || joined(text, &ws[i], w))?;
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
            // "Orchard Hill Road": a type word may be part of the name; the last one ends it.
            let mut j = j;
            while ws.get(j + 1).is_some_and(|w| {
                joined(text, &ws[j], w)
                    && capitalised(w.text)
                    && SUFFIX_WORDS.contains(&lower(w).as_str())
            }) {
                j += 1;
            }
            let dir = ws.get(j + 1).filter(|w| {
                joined(text, &ws[j], w)
                    && DIRECTIONS.contains(&lower(w).as_str())
                    && (w.text.chars().all(char::is_uppercase) || w.text.len() > 2)
            });
            return Some(if dir.is_some() { j + 1 } else { j });
        }
        // "729 E 36th St": an ordinal names the street.
        let ordinal = ["st", "nd", "rd", "th"].iter().any(|s| {
            l.strip_suffix(s)
                .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        });
        if !(capitalised(ws[j].text)
            || ws[j].text.bytes().all(|b| b.is_ascii_digit())
            || ordinal
            || PARTICLES.contains(&l.as_str()))
        {
            return None;
        }
        j += 1;
    }
    None
}

/// A unit, then the street's name without a house number, as Gulf, East African, Nigerian,
/// Indian and Chinese lines write it: "Apt 1201, Hamdan Street", "House 34, Mama Ngina Street",
/// "Plot 70, Ogui Road", "No. 22, Residency Road", "Room 7503, No. 6 Zhongshan Road"; the
/// index of the type word.
fn unit_then_name(text: &str, ws: &[Word], i: usize) -> Option<usize> {
    const UNITS: [&str; 14] = [
        "apt",
        "apartment",
        "house",
        "plot",
        "office",
        "room",
        "unit",
        "flat",
        "suite",
        "lot",
        "shop",
        "blk",
        "block",
        "no",
    ];
    let w = &ws[i];
    if !capitalised(w.text) || !UNITS.contains(&lower(w).as_str()) {
        return None;
    }
    let code = ws.get(i + 1)?;
    if !matches!(&text[w.end..code.start], " " | ". " | " #")
        || !code.text.bytes().any(|b| b.is_ascii_digit())
        || code.text.len() > 8
    {
        return None;
    }
    let mut j = i + 2;
    let first = ws.get(j)?;
    if !matches!(&text[code.end..first.start], ", " | " ") {
        return None;
    }
    // "Room 7503, No. 6 Zhongshan Road": the building's number after "No.".
    if lower(first) == "no" {
        let n = ws.get(j + 1)?;
        if !is_house_number(n.text) {
            return None;
        }
        j += 2;
    }
    let start = j;
    while j < ws.len() && j < start + 5 {
        if j > start && !joined(text, &ws[j - 1], &ws[j]) {
            return None;
        }
        let l = lower(&ws[j]);
        if j > start && SUFFIX_WORDS.contains(&l.as_str()) && capitalised(ws[j].text) {
            return Some(j);
        }
        if !(capitalised(ws[j].text) || PARTICLES.contains(&l.as_str())) {
            return None;
        }
        j += 1;
    }
    None
}

/// The house number after a street's name ending at word `last`: " 12", ", 12", " #12", or
/// with its own word between ("nr. 26", "No. 23", "No 63/19"); the number's index.
fn number_after(text: &str, ws: &[Word], last: usize) -> Option<usize> {
    let num = ws.get(last + 1)?;
    let gap = &text[ws[last].end..num.start];
    if matches!(gap, " " | ", " | " #" | ". ") && is_house_number(num.text) {
        return Some(last + 1);
    }
    if matches!(lower(num).as_str(), "nr" | "no" | "č" | "nº" | "n°") && matches!(gap, " " | ", ")
    {
        let n = ws.get(last + 2)?;
        if matches!(&text[num.end..n.start], ". " | " " | ": " | ":") && is_house_number(n.text) {
            return Some(last + 2);
        }
    }
    None
}

/// "Hauptstraße 5", "Bahnhofstr. 12a", "Calle Mayor 15", "Via Roma 10": the index of the number.
fn street_first(text: &str, ws: &[Word], i: usize) -> Option<usize> {
    let w = &ws[i];
    let l = lower(w);
    // "ul. Lipowa 124", "al. Jerozolimskie 64", "pl. Grunwaldzka 116": abbreviated types
    // written in lower case.
    // Also "Jl. Asia Afrika No. 23", "Leof. Kifisias 30", "Str. Republicii nr. 26", "Av.
    // Paseo de la Reforma #1439".
    let abbreviated = matches!(
        l.as_str(),
        "ul" | "al"
            | "pl"
            | "os"
            | "jl"
            | "leof"
            | "str"
            | "av"
            | "avda"
            | "bd"
            | "vul"
            | "bul"
            | "bulv"
            | "bv"
    ) && text[w.end..].starts_with(". ");
    if abbreviated {
        let last = name_words(text, ws, i, 4).filter(|&last| last > i)?;
        return number_after(text, ws, last);
    }
    // "C/ de Goya 9", "C/ San Bernardo 162": Spanish "calle" abbreviated.
    if w.text == "C" && text[w.end..].starts_with("/ ") {
        let mut j = i + 1;
        let mut last = None;
        while let Some(n) = ws.get(j).filter(|_| j <= i + 5) {
            if capitalised(n.text) {
                last = Some(j);
            } else if !PARTICLES.contains(&lower(n).as_str()) {
                break;
            }
            j += 1;
        }
        let last = last?;
        let num = ws.get(last + 1)?;
        return (matches!(&text[ws[last].end..num.start], " " | ", ") && is_house_number(num.text))
            .then_some(last + 1);
    }
    // Czech writes a leading type in lower case: "třída Svobody 27", "nábřeží Edvarda Beneše".
    let czech = matches!(l.as_str(), "třída" | "nábřeží" | "náměstí" | "ulice")
        && ws
            .get(i + 1)
            .is_some_and(|n| capitalised(n.text) && joined(text, w, n));
    if !capitalised(w.text) && !czech {
        return None;
    }
    let glued = GLUED_SUFFIXES
        .iter()
        .any(|s| l.len() > s.len() + 2 && l.ends_with(s));
    let preposition = LEADING_PREPOSITIONS.contains(&l.as_str());
    // Czech and Slovak adjectival names stand alone as a street's whole name ("Masarykova 86",
    // "Šancová 5", "Hlavná 431/9", "Palackého 644/68"), not after a given name ("Angal
    // Kakakaova, 16" is a person).
    let czech_adjective = ["ova", "ová", "ská", "ského", "ého", "ná"]
        .iter()
        .any(|s| l.chars().count() > s.chars().count() + 3 && l.ends_with(s))
        && !(i > 0 && capitalised(ws[i - 1].text) && joined(text, &ws[i - 1], w))
        && ws
            .get(i + 1)
            .is_some_and(|n| &text[w.end..n.start] == " " && is_house_number(n.text));
    let glued = glued || czech_adjective;
    let last_name = if let Some(k) = named_then_type(text, ws, i) {
        // "Witte de Withstraat 239", "Korte Nieuwstraat 132", "Berliner Straße 179",
        // "Vinohradská třída 492/46"
        k
    } else if glued {
        i
    } else if PREFIX_WORDS.contains(&l.as_str()) || preposition || czech {
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
    let at = number_after(text, ws, last_name)?;
    // "Im Jahr 2019" is a year, not an address: preposition-led names take small numbers.
    let small = ws[at].text.bytes().take_while(u8::is_ascii_digit).count() <= 3;
    (!preposition || small).then_some(at)
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
        // Czech, Norwegian and Danish write the type in lower case ("Vodičkova ulice",
        // "Kongens gate", "Bygdøy allé").
        let lower_type = matches!(
            l.as_str(),
            "ulice"
                | "třída"
                | "náměstí"
                | "nábřeží"
                | "gate"
                | "allé"
                | "vei"
                | "plass"
                | "utca"
                | "út"
                | "tér"
                | "körút"
                | "köz"
                | "cesta"
                | "ulica"
                | "námestie"
                // Baltic: "Brīvības iela 47", "Didžioji g. 11", "Savanorių pr. 7", "Narva
                // mnt 45", "Viru tn 98-5"
                | "iela"
                | "g"
                | "pr"
                | "mnt"
                | "tn"
                | "gatvė"
                | "prospektas"
        );
        // (Written in lower case: "KLM TN 7187" is a flight.)
        let lower_type = lower_type && !ws[j].text.chars().any(char::is_uppercase);
        if typed && capitalised(ws[j].text) || lower_type {
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
