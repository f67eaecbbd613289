//! Structured fields: in a pasted table, a form or a JSON record, the column's header or the
//! key says what a value is, whatever the value looks like ("Nachname\tVorname" above
//! "Kaulez\tGarenen", "Familienname: BREELLAN", `"street": "55 bis, rue du Général Leclerc"`,
//! "Present: Lono Talssen, Lolin (late)"). A name with no cue and not in any list is still a
//! name in a "surname" column.
//!
//! Only person and street columns: every other type has a shape its own detector reads. A
//! column whose header is as vague as "name" or "customer" (a product table has a "name" too)
//! counts only when its values look like people: a third of them hold a known name.

use super::{person, Candidate, Found};
use crate::entity::EntityType;
use crate::lexicon;
use crate::names::{PARTICLES, TITLES};

use super::labels::{field_of, normalise, Field, GENERIC_NAME, NOT_SPEAKERS, ORG_ENDINGS, PAIRED};

/// Adds the fields' values to `out`; returns the byte ranges of the tables' header lines, which
/// hold labels, never values (the caller drops whatever any detector found there).
pub(crate) fn find(text: &str, out: &mut Found) -> Vec<(usize, usize)> {
    let headers = tables(text, out);
    json(text, out);
    key_values(text, out);
    sql(text, out);
    speakers(text, out);
    address_blocks(text, out);
    headers
}

/// A postal block: the line right above a street line names who lives or works there
/// ("SHIP TO:\nANNELIE MOKOENA\n263 Jan Smuts Avenue", "Lieferanschrift:\nGian-Luca Keller\nVia
/// Nassa 112"). That line is a name when it is one to four words of a name's shape (capitalised
/// or in capitals, with particles), after a title if any and after leading everyday words (a
/// firm's "Rechtsanwaltskanzlei Korbinian Stummvoll"), and not a company.
fn address_blocks(text: &str, out: &mut Found) {
    let streets: Vec<usize> = out
        .iter()
        .filter(|c| c.kind == EntityType::StreetAddress)
        .map(|c| c.start)
        .filter(|&s| s >= 2 && text[..s].ends_with('\n'))
        .collect();
    for s in streets {
        let above_end = s - 1;
        let above_start = text[..above_end].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[above_start..above_end];
        let lead = line.len() - line.trim_start().len();
        let name = line.trim();
        if name.is_empty() || name.ends_with(':') || ORG_ENDINGS.iter().any(|o| name.ends_with(o)) {
            continue;
        }
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut at = 0;
        for w in name.split(' ') {
            words.push((at, w));
            at += w.len() + 1;
        }
        // A title, then everyday words, come off the front.
        let mut first = 0;
        if words.len() > 1
            && TITLES.contains(&words[0].1.trim_end_matches('.').to_lowercase().as_str())
        {
            first = 1;
        }
        while first + 1 < words.len() && lexicon::common(&words[first].1.to_lowercase()) {
            first += 1;
        }
        let rest = &words[first..];
        let particle = |w: &str| PARTICLES.contains(&w.to_lowercase().as_str());
        let shaped = |w: &str| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            letters >= 2
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        };
        // Known names, or a block a label opens ("SHIP TO:", "Lieferanschrift:"): a venue or a
        // job title above a street ("The Old Granary", "Key Account Manager") is neither.
        let labelled = text[..above_start]
            .trim_end_matches('\n')
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim_end().ends_with(':'));
        let known = rest.iter().any(|&(_, w)| known_name(w));
        let fits = (labelled || known)
            && !words
                .iter()
                .all(|&(_, w)| lexicon::common(&w.to_lowercase()))
            && (1..=4).contains(&rest.len())
            && rest.iter().all(|&(_, w)| shaped(w) || particle(w))
            && rest
                .iter()
                .any(|&(_, w)| shaped(w) && w.chars().filter(|c| c.is_alphabetic()).count() > 1)
            && !rest
                .iter()
                .all(|&(_, w)| lexicon::common(&w.to_lowercase()));
        if !fits || (rest.len() == 1 && !known) {
            continue;
        }
        let start = above_start + lead + rest[0].0;
        out.push(Candidate::new(
            EntityType::Person,
            start,
            above_start + lead + name.len(),
        ));
    }
}

/// A chat log's speakers: "Nurul: Mas Intan, paketnya …", "[18:06] mikkel: ya". Lines that open
/// with a short label and a colon are a conversation when there are three or more of them and
/// at least one label speaks twice (a form's labels do not repeat); then each label that is a
/// name's shape (capitalised, or lower case as chats write) is a person.
fn speakers(text: &str, out: &mut Found) {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (at, line) in lines(text) {
        let mut head = line;
        // "[18:06] ", "10:41 ", "↳ ", "> ": a stamp or a reply mark before the speaker.
        if let Some(r) = head
            .strip_prefix('[')
            .and_then(|r| r.split_once("] ").map(|x| x.1))
        {
            head = r;
        }
        // A WhatsApp export's "17/06/2024, 17:38 - tom: …".
        if let Some((stamp, r)) = head.split_once(" - ") {
            if !stamp.is_empty()
                && stamp.len() <= 24
                && stamp.chars().next().is_some_and(|c| c.is_ascii_digit())
                && stamp
                    .chars()
                    .all(|c| c.is_ascii_digit() || " ./,:-".contains(c) || c.is_ascii_alphabetic())
            {
                head = r;
            }
        }
        head = head.trim_start_matches(['↳', '>', '-', '*', ' ']);
        let skip = line.len() - head.len();
        let Some(colon) = head.find(": ").filter(|&c| (2..=40).contains(&c)) else {
            continue;
        };
        let label = &head[..colon];
        let words: Vec<&str> = label.split(' ').collect();
        let shaped = |w: &str| {
            let mut cs = w.chars();
            let first = cs.next();
            let rest: Vec<char> = cs.collect();
            first.is_some_and(char::is_alphabetic)
                && !rest.is_empty()
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
                && (first.is_some_and(char::is_uppercase) && rest.iter().any(|c| c.is_lowercase())
                    || w.chars().all(|c| !c.is_uppercase()))
        };
        let everyday = |w: &str| {
            w.split('-').all(|p| {
                let p = p.to_lowercase();
                lexicon::common(&p) || NOT_SPEAKERS.contains(&p.as_str())
            })
        };
        if words.len() > 4
            || !words.iter().all(|w| shaped(w))
            || words.iter().all(|w| everyday(w))
            || field_of(label).is_some()
        {
            continue;
        }
        let s = at + skip;
        found.push((s, s + label.len()));
    }
    if found.len() < 3 {
        return;
    }
    let key = |&(s, e): &(usize, usize)| text[s..e].to_lowercase();
    let labels: Vec<String> = found.iter().map(key).collect();
    let distinct: std::collections::HashSet<&String> = labels.iter().collect();
    if distinct.len() < 2 || distinct.len() == labels.len() {
        return;
    }
    for (s, e) in found {
        out.push(Candidate::new(EntityType::Person, s, e));
    }
}

/// `INSERT INTO t (full_name, street, …) VALUES ('Lieke Visser', 'Kerkweg 3', …), (…)`: the
/// column list is the header of the rows after VALUES.
fn sql(text: &str, out: &mut Found) {
    let upper = text.to_ascii_uppercase();
    let mut from = 0;
    while let Some(k) = upper[from..].find("VALUES").map(|k| from + k) {
        from = k + 6;
        let head = text[..k].trim_end();
        let Some(cols_text) = head
            .strip_suffix(')')
            .and_then(|h| h.rfind('(').map(|o| &h[o + 1..]))
        else {
            continue;
        };
        let fields: Vec<Option<Field>> = cols_text
            .split(',')
            .map(|c| field_of(c.trim().trim_matches(['`', '"', '['])))
            .collect();
        if fields.iter().all(Option::is_none) {
            continue;
        }
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let b = text.as_bytes();
        let mut i = from;
        loop {
            while i < b.len() && matches!(b[i], b' ' | b'\n' | b'\r' | b'\t' | b',') {
                i += 1;
            }
            if i >= b.len() || b[i] != b'(' {
                break;
            }
            i += 1;
            let mut row = Vec::new();
            while i < b.len() && b[i] != b')' {
                while i < b.len() && b[i] == b' ' {
                    i += 1;
                }
                if i < b.len() && b[i] == b'\'' {
                    let s = i + 1;
                    let mut j = s;
                    // '' is a quote inside a string.
                    while j < b.len() && !(b[j] == b'\'' && b.get(j + 1) != Some(&b'\'')) {
                        j += if b[j] == b'\'' { 2 } else { 1 };
                    }
                    row.push((s, j.min(b.len())));
                    i = j + 1;
                } else {
                    let s = i;
                    while i < b.len() && !matches!(b[i], b',' | b')') {
                        i += 1;
                    }
                    row.push((s, s));
                }
                while i < b.len() && b[i] == b' ' {
                    i += 1;
                }
                if i < b.len() && b[i] == b',' {
                    i += 1;
                }
            }
            i += 1;
            if row.len() == fields.len() {
                rows.push(row);
            }
        }
        for (col, field) in fields.iter().enumerate() {
            if let Some(field) = *field {
                let values: Vec<Cell> = rows.iter().map(|r| r[col]).filter(|c| c.0 < c.1).collect();
                column(text, field, &values, out);
            }
        }
        from = i.min(text.len()).max(from);
    }
}

/// "Label: value" lines of a form. A street is left to the address detector (a form's
/// "Address:" line runs on to the postcode and town); a name ends at the first comma or bracket
/// ("Empfänger: Maximilian P. von Weizsäcker, Limmatquai 52, …").
fn key_values(text: &str, out: &mut Found) {
    for (at, line) in lines(text) {
        // "Signed: Ž. Mlakar    L. Kovačič": a field's further values in the segments after it,
        // on its line only.
        let mut carried: Option<Field> = None;
        for (at, line) in segments((at, line)) {
            field_segment(text, at, line, &mut carried, out);
        }
    }
}

/// One segment of a form line (see [`key_values`]); `carried` is the field of the segment
/// before on the same line.
fn field_segment(text: &str, at: usize, line: &str, carried: &mut Option<Field>, out: &mut Found) {
    let Some(colon) = line.find([':', '=']).filter(|&c| c <= 40) else {
        if matches!(carried, Some(Field::Person | Field::People)) {
            let v = line.trim();
            let vs = at + (line.len() - line.trim_start().len());
            if v.chars().next().is_some_and(char::is_uppercase) {
                if let Some((s, e)) = person_value(text, vs, vs + v.len()) {
                    out.push(Candidate::new(EntityType::Person, s, e));
                }
            }
        }
        return;
    };
    *carried = None;
    let key = line[..colon].trim_start_matches(['-', '*', '•', ' ', '\t']);
    // A vCard's "TEL;TYPE=CELL:" is the field "TEL" with its parameters; its "N:" holds
    // the name's parts apart by ";" ("N:de Jong;Ingrid;;;").
    let key = key.split(';').next().unwrap_or(key);
    if key == "N" && line[colon + 1..].contains(';') {
        let mut from = at + colon + 1;
        for part in line[colon + 1..].split(';') {
            let p = part.trim();
            if p.chars().any(char::is_alphabetic) {
                let s0 = from + (part.len() - part.trim_start().len());
                if let Some((s, e)) = person_value(text, s0, s0 + p.len()) {
                    out.push(Candidate::new(EntityType::Person, s, e));
                }
            }
            from += part.len() + 1;
        }
        return;
    }
    if !label(key) || line[colon + 1..].starts_with("//") {
        return;
    }
    // "Ansprechpartner Hausverwaltung:": the first word says it, the rest says of what.
    let first = key.split_whitespace().next().unwrap_or("");
    let Some(mut field) = field_of(key).or_else(|| field_of(first).filter(|&f| f == Field::Person))
    else {
        return;
    };
    // A role on a form ("Guest:", "Patient/in:") names a person; a bare "Name:" may name a
    // product, so that one still needs a known name.
    if field == Field::VaguePerson && !GENERIC_NAME.contains(&normalise(key).as_str()) {
        field = Field::Role;
    }
    *carried = Some(field);
    let raw = &line[colon + 1..];
    let vs = at + colon + 1 + (raw.len() - raw.trim_start().len());
    let value = raw.trim();
    let cut = |v: &str| -> usize {
        v.find([',', ';', '(', '<', '[', '|', '\t'])
            .or_else(|| v.find(" – "))
            .or_else(|| v.find(" - "))
            .unwrap_or(v.len())
    };
    match field {
        Field::Street => {}
        Field::Phone => {
            let n = cut(value);
            let v = value[..n].trim_end();
            if phone_value(v) {
                out.push(Candidate::new(EntityType::Phone, vs, vs + v.len()));
            }
        }
        Field::Person | Field::VaguePerson | Field::Role => {
            // "Name, Vorname: Baumann, Beat": a label of two name parts keeps the comma.
            // So is "SÜTÇÜOĞLU, Tolunay" after any person label: a surname in capitals,
            // a comma, a given name.
            let caps_first = value.split_once(", ").is_some_and(|(sur, given)| {
                sur.chars().any(char::is_alphabetic)
                    && !sur.chars().any(char::is_lowercase)
                    && given.split_whitespace().count() <= 2
                    && given.chars().next().is_some_and(char::is_uppercase)
            });
            let both = caps_first || PAIRED.contains(&normalise(key).as_str());
            let n = if both {
                value
                    .find([';', '(', '<', '[', '|', '\t'])
                    .unwrap_or(value.len())
            } else {
                cut(value)
            };
            let v = value[..n].trim_end();
            // "Gökhan Öztürk Hanım", "Emre Kaya Bey": a Turkish title after the name.
            let titled = [" Hanım", " Bey", " Hn.", " Bay"]
                .into_iter()
                .find_map(|t| v.strip_suffix(t));
            let v = titled.unwrap_or(v);
            if let Some((s, e)) = person_value(text, vs, vs + v.len()) {
                let known = text[s..e].split([' ', '-']).any(known_name);
                let company = ORG_ENDINGS.iter().any(|o| text[s..e].ends_with(o));
                let person = match field {
                    Field::Person => true,
                    Field::Role => !company,
                    _ => known || full_name_shape(&text[s..e]),
                };
                if person || titled.is_some() {
                    out.push(Candidate::new(EntityType::Person, s, e));
                }
            }
        }
        Field::People => {
            let mut from = 0;
            for part in value.split_inclusive([',', ';']) {
                let item = part.trim_end_matches([',', ';']);
                // "Hjalmar, Séamus and the team": the last item ends at the conjunction.
                let item = [
                    " and ", " & ", " und ", " et ", " y ", " e ", " og ", " och ", " en ",
                ]
                .into_iter()
                .filter_map(|c| item.find(c))
                .min()
                .map_or(item, |k| &item[..k]);
                let item_start = vs + from + (item.len() - item.trim_start().len());
                from += part.len();
                // "Hélène (late)": the name before the bracket.
                let name = item.trim().split(" (").next().unwrap_or("").trim_end();
                if !name.chars().next().is_some_and(char::is_uppercase) {
                    return;
                }
                if let Some((s, e)) = person_value(text, item_start, item_start + name.len()) {
                    out.push(Candidate::new(EntityType::Person, s, e));
                }
            }
        }
    }
}

/// A cell of a delimited line: its trimmed content's byte range in the text.
type Cell = (usize, usize);

/// The cells of `line` (which starts at byte `at`) split at `delim`, outside double quotes;
/// spaces and the quotes themselves trimmed. A markdown row's outer pipes open and close no
/// cell.
fn cells(text: &str, at: usize, line: &str, delim: char) -> Vec<Cell> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut from = 0;
    for (i, c) in line.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == delim && !quoted {
            out.push((from, i));
            from = i + c.len_utf8();
        }
    }
    out.push((from, line.len()));
    if delim == '|' {
        if line[out[0].0..out[0].1].trim().is_empty() {
            out.remove(0);
        }
        if out
            .last()
            .is_some_and(|&(s, e)| line[s..e].trim().is_empty())
        {
            out.pop();
        }
    }
    out.into_iter()
        .map(|(s, e)| {
            let raw = &line[s..e];
            let lead = raw.len() - raw.trim_start_matches([' ', '"', '\r']).len();
            let inner = raw.trim_matches([' ', '"', '\r']);
            let start = at + s + lead.min(raw.len());
            (start, start + inner.len())
        })
        .map(|(s, e)| if e < s { (s, s) } else { (s, e) })
        .map(|(s, e)| (s.min(text.len()), e.min(text.len())))
        .collect()
}

/// Lines with their byte offsets.
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut at = 0;
    text.split('\n')
        .map(|l| {
            let r = (at, l);
            at += l.len() + 1;
            r
        })
        .collect()
}

/// A column header: up to four words of letters (and digits, `_ - . # ( ) /`: "Address line
/// 1"), or nothing.
fn label(l: &str) -> bool {
    l.split_whitespace().count() <= 4
        && l.chars().count() <= 40
        && !l.chars().next().is_some_and(|c| c.is_ascii_digit())
        && l.chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || "_-.#()/,".contains(c))
}

/// A form line's fields: "Chair: Segun J. Nwafornso   Minutes: Kavitha Menon" holds two,
/// apart by a run of spaces, a tab, or " | ".
fn segments((at, line): (usize, &str)) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let sep = if b[i] == b'\t' {
            1
        } else if b[i..].starts_with(b"   ") || b[i..].starts_with(b" | ") {
            3
        } else {
            0
        };
        if sep > 0 {
            out.push((at + from, &line[from..i]));
            i += sep;
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
            from = i;
        } else {
            i += 1;
        }
    }
    out.push((at + from, &line[from..]));
    // A tab right after the colon ("Cím:\tAndrássy út 57.") separates a label from its value.
    let mut merged: Vec<(usize, &str)> = Vec::new();
    for (a, seg) in out {
        match merged.last_mut() {
            Some(last) if last.1.trim_end().ends_with(':') => {
                let start = last.0 - at;
                *last = (last.0, &line[start..a - at + seg.len()]);
            }
            _ => merged.push((a, seg)),
        }
    }
    merged
}

/// A markdown table's separator row: `|---|:--:|`.
fn separator(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+'))
}

fn tables(text: &str, out: &mut Found) -> Vec<(usize, usize)> {
    let mut headers = Vec::new();
    let ls = lines(text);
    let mut i = 0;
    while i < ls.len() {
        let mut next = i + 1;
        for delim in ['\t', '|', ';', ','] {
            let (at, line) = ls[i];
            if !line.contains(delim) {
                continue;
            }
            let head = cells(text, at, line, delim);
            let fields: Vec<Option<Field>> =
                head.iter().map(|&(s, e)| field_of(&text[s..e])).collect();
            // A header: two or more labels (a few words of letters; "CN=Ana" or "Nr. 4" is
            // data), one of them ours.
            let labels = head.len() >= 2 && head.iter().all(|&(s, e)| label(&text[s..e]));
            if !labels || fields.iter().all(Option::is_none) {
                continue;
            }
            let mut rows: Vec<Vec<Cell>> = Vec::new();
            let mut j = i + 1;
            if delim == '|' && ls.get(j).is_some_and(|(_, l)| separator(l)) {
                j += 1;
            }
            while let Some(&(at, line)) = ls.get(j) {
                let row = cells(text, at, line, delim);
                if line.trim().is_empty() || row.len() != head.len() {
                    break;
                }
                rows.push(row);
                j += 1;
            }
            if rows.is_empty() {
                continue;
            }
            let before = out.len();
            for (col, field) in fields.iter().enumerate() {
                let Some(field) = *field else { continue };
                let values: Vec<Cell> = rows.iter().map(|r| r[col]).collect();
                column(text, field, &values, out);
            }
            if out.len() > before {
                headers.push((at, at + line.len()));
            }
            next = j;
            break;
        }
        i = next;
    }
    headers
}

/// The values of one column (or one key) of `field`.
fn column(text: &str, field: Field, values: &[Cell], out: &mut Found) {
    match field {
        Field::Street => {
            for &(s, e) in values {
                if street_value(&text[s..e]) {
                    out.push(Candidate::new(EntityType::StreetAddress, s, e));
                }
            }
        }
        Field::Phone => {
            for &(s, e) in values {
                if phone_value(&text[s..e]) {
                    out.push(Candidate::new(EntityType::Phone, s, e));
                }
            }
        }
        Field::Person | Field::VaguePerson | Field::People | Field::Role => {
            let names: Vec<Cell> = values
                .iter()
                .filter_map(|&(s, e)| person_value(text, s, e))
                .collect();
            let known = names
                .iter()
                .filter(|&&(s, e)| text[s..e].split([' ', '-']).any(known_name))
                .count();
            let shaped = names
                .iter()
                .filter(|&&(s, e)| full_name_shape(&text[s..e]))
                .count();
            if field == Field::VaguePerson
                && 3 * known < names.len().max(1)
                && 3 * shaped < 2 * names.len().max(1)
            {
                return;
            }
            for (s, e) in names {
                out.push(Candidate::new(EntityType::Person, s, e));
            }
        }
    }
}

/// Two to four words, each capitalised or in capitals, none an everyday word: "Venkatesh
/// Banerjee", "VARGA Emese-Csenge", not "Widget Pro" or "Customer Success".
fn full_name_shape(v: &str) -> bool {
    let words: Vec<&str> = v.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !ORG_ENDINGS.iter().any(|o| v.ends_with(o))
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
                && !lexicon::common(&w.to_lowercase())
        })
}

fn known_name(w: &str) -> bool {
    person::given(w) || person::family(w)
}

/// A person column's value as a name's span (a leading title left out), or None when it is not
/// one: 1–5 words of letters (with ' - . and particles), no digits, no address or path.
fn person_value(text: &str, s: usize, e: usize) -> Option<Cell> {
    let v = &text[s..e];
    if v.is_empty()
        || v.chars().count() > 60
        || v.chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | '\\' | ':' | '(' | '<' | '='))
        || !v.chars().any(char::is_alphabetic)
    {
        return None;
    }
    let words: Vec<&str> = v.split_whitespace().collect();
    if words.len() > 5 {
        return None;
    }
    let t = v.trim_start();
    let mut start = s + (v.len() - t.len());
    if words.len() > 1 {
        let first = words[0].trim_end_matches('.').to_lowercase();
        if TITLES.contains(&first.as_str()) {
            let after = t[words[0].len()..].trim_start();
            start = e - after.len();
        }
    }
    Some((start, e))
}

/// A street column's value: letters and a number, no more than a line's length, not an
/// e-mail or link.
fn street_value(v: &str) -> bool {
    !v.is_empty()
        && v.chars().count() <= 80
        && v.chars().any(char::is_alphabetic)
        && v.chars().any(|c| c.is_ascii_digit())
        && !v.contains('@')
        && !v.contains("://")
}

/// A phone column's value: 6–15 digits, written with nothing but `+ ( ) - . /` and spaces.
fn phone_value(v: &str) -> bool {
    let n = v.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&n)
        && v.chars()
            .all(|c| c.is_ascii_digit() || " +()-./".contains(c))
}

/// `"key": "value"` pairs anywhere (JSON, JS objects): the value of a person or street key.
/// A vague key ("name") needs a known name in its own value.
fn json(text: &str, out: &mut Found) {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(q) = text[i..].find('"').map(|q| i + q) {
        let Some(kend) = text[q + 1..].find('"').map(|k| q + 1 + k) else {
            return;
        };
        let key = &text[q + 1..kend];
        let mut j = kend + 1;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        if j >= b.len() || b[j] != b':' || key.contains('\n') {
            i = kend;
            continue;
        }
        j += 1;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        if j >= b.len() || b[j] != b'"' {
            i = j.min(b.len());
            continue;
        }
        let vs = j + 1;
        let Some(ve) = text[vs..].find(['"', '\n']).map(|v| vs + v) else {
            return;
        };
        if let Some(field) = field_of(key) {
            let single = [(vs, ve)];
            let role =
                field == Field::VaguePerson && !GENERIC_NAME.contains(&normalise(key).as_str());
            match field {
                Field::VaguePerson => {
                    if person_value(text, vs, ve).is_some_and(|(s, e)| {
                        let v = &text[s..e];
                        v.split([' ', '-']).any(known_name)
                            || full_name_shape(v)
                            || role && !ORG_ENDINGS.iter().any(|o| v.ends_with(o))
                    }) {
                        column(text, Field::Person, &single, out);
                    }
                }
                f => column(text, f, &single, out),
            }
        }
        i = ve + 1;
        if i >= b.len() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{detect, EntityType};

    fn spans(text: &str, kind: EntityType) -> Vec<&str> {
        detect(text)
            .into_iter()
            .filter(|e| e.kind == kind)
            .map(|e| &text[e.start..e.end])
            .collect()
    }

    #[test]
    fn a_tab_separated_table_by_its_headers() {
        let t = "Nr\tNachname\tVorname\tStraße\tPLZ\tOrt\n1\tKaulez\tGarenen\tRosengasse 122b\t20095\tHamburg\n2\tSchmidt\tKäthe\tLindenallee 47\t20095\tHamburg\n";
        let p = spans(t, EntityType::Person);
        for n in ["Kaulez", "Garenen", "Schmidt", "Käthe"] {
            assert!(p.contains(&n), "{n} in {p:?}");
        }
        let s = spans(t, EntityType::StreetAddress);
        assert_eq!(s, ["Rosengasse 122b", "Lindenallee 47"]);
        // The town and the postcode are not a person or a street.
        assert!(!p.contains(&"Hamburg"));
    }

    #[test]
    fn csv_with_quotes_and_a_markdown_table() {
        let t = "first_name,last_name,street,city\nZorvak,\"Quillane\",\"Via Nassa 45\",Bern\n";
        assert_eq!(spans(t, EntityType::Person), ["Zorvak", "Quillane"]);
        assert_eq!(spans(t, EntityType::StreetAddress), ["Via Nassa 45"]);
        let md = "| Surname | Given name | Address line 1 |\n|---|---|---|\n| Drunavel | Mirko | 12 Baggot Street Lower |\n";
        assert_eq!(spans(md, EntityType::Person), ["Drunavel", "Mirko"]);
        assert_eq!(
            spans(md, EntityType::StreetAddress),
            ["12 Baggot Street Lower"]
        );
    }

    #[test]
    fn a_vague_name_column_needs_names_in_it() {
        let products = "name,price,sku\nWidget Pro,19.99,WP-1\nGadget Max,5.00,GM-2\n";
        assert!(spans(products, EntityType::Person).is_empty());
        let people = "name;email\nMaria Santos;ms@example.com\nTarvo Klim;tk@example.com\n";
        assert_eq!(
            spans(people, EntityType::Person),
            ["Maria Santos", "Tarvo Klim"]
        );
    }

    #[test]
    fn a_phone_column_reads_any_grouping() {
        let t = "Fornavn,Efternavn,Telefon\nMette,Frederiksen,43 53 43 07\nSøren,Kjær,n/a\n";
        assert_eq!(spans(t, EntityType::Phone), ["43 53 43 07"]);
    }

    #[test]
    fn form_lines_by_their_labels() {
        let t = "Familienname: BREELLAN\nVorname(n): Zuril\nName: Widget Pro\nEmpfänger: Maximilian P. von Weizsäcker, Limmatquai 52, 3011 Bern\nSignature: J. da Silva\nPresent: Lono Talssen, Nathan Reyes, Lolin (late)\nMobil: 43 53 43 07\n";
        let p = spans(t, EntityType::Person);
        for n in [
            "BREELLAN",
            "Zuril",
            "Maximilian P. von Weizsäcker",
            "J. da Silva",
            "Lono Talssen",
            "Nathan Reyes",
            "Lolin",
        ] {
            assert!(p.contains(&n), "{n} in {p:?}");
        }
        assert!(!p.iter().any(|n| n.contains("Widget")), "{p:?}");
        assert_eq!(spans(t, EntityType::Phone), ["43 53 43 07"]);
    }

    #[test]
    fn sql_rows_by_their_columns() {
        let t = "INSERT INTO customers (id, full_name, email, street, city) VALUES\n  (1000, 'Lieke Visser', 'lv@example.nl', 'Kerkweg 188 bg', 'Amsterdam'),\n  (1001, 'Tarvo O''Quill', 'to@example.ie', '12 Main St', 'Cork');";
        assert_eq!(
            spans(t, EntityType::Person),
            ["Lieke Visser", "Tarvo O''Quill"]
        );
        assert_eq!(
            spans(t, EntityType::StreetAddress),
            ["Kerkweg 188 bg", "12 Main St"]
        );
    }

    #[test]
    fn a_chat_logs_speakers() {
        let t = "Nurul: Mas Intan, paketnya udah sampai belum?\nIntan: belum nih.\nNurul: iya bener.\n[10:36] oluwaseun: lol\n";
        let p = spans(t, EntityType::Person);
        for n in ["Nurul", "Intan", "oluwaseun"] {
            assert!(p.contains(&n), "{n} in {p:?}");
        }
        // A form's labels do not repeat: no speakers there.
        let form = "Subject: hello\nPriority: High\nStatus: Open\n";
        assert!(spans(form, EntityType::Person).is_empty());
    }

    #[test]
    fn the_name_above_a_street_line() {
        let t = "SHIP TO:\nANNELIE MOKOENA\n263 Jan Smuts Avenue\nPretoria, 0002\n\nRechtsanwaltskanzlei Maria Stummvoll\nLinzer Gasse 70/2/23, 1060 Wien\n\nGlobex Ltd\n12 Baker Street\n";
        let p = spans(t, EntityType::Person);
        for n in ["ANNELIE MOKOENA", "Maria Stummvoll"] {
            assert!(p.contains(&n), "{n} in {p:?}");
        }
        assert!(!p.iter().any(|n| n.contains("Globex")), "{p:?}");
    }

    #[test]
    fn json_keys() {
        let t = r#"{"first_name": "Zorvak", "street": "55 bis, rue du Général Leclerc", "name": "Widget Pro", "postcode": "31000"}"#;
        assert_eq!(spans(t, EntityType::Person), ["Zorvak"]);
        assert_eq!(
            spans(t, EntityType::StreetAddress),
            ["55 bis, rue du Général Leclerc"]
        );
    }

    #[test]
    fn hostile_input_is_safe() {
        for t in [
            "\"",
            "\"a\":",
            "\"a\": \"",
            "name\tx\n\t\n",
            "|",
            "||\n|-|\n||",
            "Straße,\n,",
            "\"street\": \"12 \u{0}\"",
        ] {
            let _ = detect(t);
        }
    }
}
