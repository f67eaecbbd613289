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

use super::{Candidate, Found, Overlaps};
use crate::entity::EntityType;
use crate::lexicon;
use crate::names::{AMBIGUOUS, FAMILY, GIVEN, NOT_NAMES, PARTICLES, TITLES};
use crate::text::{words, words_before, Word};

/// Phrases (nearest word last) right before a name that make it one: introductions, greetings,
/// sign-offs, form fields, roles and relations, in the languages of the gazetteer.
const STRONG_BEFORE: &[&[&str]] = &[
    // Kinship honorifics used as address in chats: Indonesian "Mas Gilang", "Mbak Sari",
    // Filipino "ate Jhoanna", "kuya Jun", Vietnamese "anh Trang", "chị Lan".
    &["mas"],
    &["mbak"],
    &["ate"],
    &["kuya"],
    &["anh"],
    &["chị"],
    &["bapak"],
    &["ibu"],
    &["tita"],
    &["tito"],
    // Club and board roles before a name ("Ordförande Mette Ødegaard", "kassören Björn Ek").
    &["ordförande"],
    &["kassören"],
    &["kassör"],
    &["sekreteraren"],
    &["formann"],
    &["formand"],
    &["kasserer"],
    &["puheenjohtaja"],
    &["vorsitzende"],
    &["kassenwart"],
    &["schriftführer"],
    &["review", "by"],
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
    // greetings and intros in more languages; "It's Ana (the twins' mum)"
    &["hej"],
    &["hei"],
    &["moi"],
    &["ahoj"],
    &["cześć"],
    &["witaj"],
    &["merhaba"],
    &["salve"],
    &["buongiorno"],
    &["bonsoir"],
    &["querido"],
    &["querida"],
    &["caro"],
    &["cara"],
    &["it's"],
    &["it’s"],
    // "t.n.v." (Dutch: in the name of), "z.Hd." (German: for the attention of)
    &["t", "n", "v"],
    &["z", "hd"],
    &["assigned", "to"],
    &["assignee"],
    &["known"],
    &["bezorger", "is"],
    &["driver", "is"],
    &["today", "is"],
    &["testigo"],
    &["witness"],
    &["titular"],
    // form fields
    &["nachname"],
    &["vorname"],
    &["nom"],
    &["prénom"],
    &["cognome"],
    &["nome"],
    &["nazwisko"],
    &["imię"],
    &["apellido"],
    &["apellidos"],
    &["nombre"],
    &["soyad"],
    &["surname"],
    &["forename"],
    &["c'est"],
    &["aqui", "é"],
    &["chào"],
    &["sayın"],
    &["agente"],
    &["panie"],
    &["pani"],
    &["szanowny"],
    &["szanowna"],
    &["cliente"],
    &["kunde"],
    &["klant"],
    &["paciente"],
];
/// Cues before a name written in lower case ("hola ximena!", "ask beatrix", "soy nerea,"):
/// greetings, introductions and verbs that take a person.
const LOWER_CUES: &[&str] = &[
    "hi", "hey", "hello", "hola", "hoi", "ciao", "salut", "oi", "olá", "chào", "merhaba", "cześć",
    "hej", "hei", "hallo", "soy", "sono", "ben", "tu", "its", "it's", "c'est", "é", "là", "ask",
    "text", "remind", "ping", "tell", "call", "message", "email", "cc", "to", "a", "by", "with",
    "and", "und", "et", "y", "e", "och", "en", "i", "ve", "dear", "thanks", "thx", "grazie",
    "gracias", "merci", "danke", "obrigado", "obrigada", "dank", "lg", "von", "its", "i'm", "im",
    "flatmate", "roommate", "bringing", "meet", "with",
];
/// Verbs after which even an unknown lower-case word is a person ("ask beatrix", "ping noor"),
/// unless it is one of these pronouns and function words.
const LOWER_VERBS: &[&str] = &[
    "ask", "text", "ping", "remind", "tell", "cc", "message", "dm", "call", "see", "invited", "oye",
];
const NOT_LOWER_NAMES: &[&str] = &[
    "me",
    "him",
    "her",
    "them",
    "us",
    "you",
    "about",
    "for",
    "the",
    "if",
    "whether",
    "to",
    "it",
    "that",
    "this",
    "everyone",
    "someone",
    "anyone",
    "people",
    "team",
    "all",
    "again",
    "later",
    "back",
    "before",
    "after",
    "when",
    "what",
    "how",
    "why",
    "where",
    "which",
    "who",
    "mom",
    "dad",
    "mum",
    "support",
    "admin",
    "help",
    "here",
    "there",
    "now",
    "soon",
    "them",
    "our",
    "your",
    "my",
    "his",
    "their",
    "one",
    "both",
    "each",
    "so",
    "and",
    "or",
    "please",
    "guys",
    "folks",
    "everybody",
    "todos",
    "todas",
    "tutti",
    "allemaal",
    "zusammen",
    "tous",
    "alle",
    "wszyscy",
    "hepiniz",
    "pessoal",
    "gente",
    "ragazzi",
    "leute",
    "jongens",
    "mates",
];
/// Greetings, after which an unknown lower-case word followed by "," or "!" is a name ("hoi
/// houvelle, joris hier").
const LOWER_GREETINGS: &[&str] = &[
    "hi", "hey", "hello", "hola", "hoi", "ciao", "salut", "oi", "olá", "chào", "merhaba", "cześć",
    "hej", "hei", "hallo", "moi", "makasih", "thanks",
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
    // Turkish titles follow the name ("Çağrı Bey", "Ayşe Hanım")
    &["bey"],
    &["hanım"],
    &["hanim"],
    &["adına"],
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
    // "d'Orvalle", "D’Angelo": the elided particle glued to a capitalised name.
    let w = w
        .strip_prefix("d'")
        .or_else(|| w.strip_prefix("d’"))
        .filter(|r| r.chars().next().is_some_and(char::is_uppercase))
        .unwrap_or(w);
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

fn given_word(l: &str) -> bool {
    in_list(GIVEN, l) || lexicon::given(l)
}

fn family_word(l: &str) -> bool {
    in_list(FAMILY, l) || lexicon::family(l)
}

pub(super) fn given(w: &str) -> bool {
    let l = w.to_lowercase();
    given_word(&l) || l.split('-').count() > 1 && l.split('-').all(given_word)
}

pub(super) fn family(w: &str) -> bool {
    let l = w.to_lowercase();
    family_word(&l) || l.split('-').any(family_word)
}

/// An everyday word ("Finance", "Café", "Termin"), not a name.
fn common(w: &str) -> bool {
    lexicon::common(&w.to_lowercase())
}

fn not_name(w: &str) -> bool {
    let l = w.to_lowercase();
    in_list(NOT_NAMES, &l) || in_list(TITLES, &l)
}

pub(crate) fn find(text: &str, out: &mut Found) {
    let ws: Vec<Word> = words(text);
    // What other detectors found (indexed once: asked for every run).
    let others = Overlaps::new(
        out.iter()
            .filter(|c| c.kind != EntityType::Person)
            .map(|c| (c.start, c.end))
            .collect(),
    );
    let mut contacts: Vec<usize> = out
        .iter()
        .filter(|c| matches!(c.kind, EntityType::Phone | EntityType::Email))
        .map(|c| c.start)
        .collect();
    contacts.sort_unstable();
    let german = german(&ws);
    // (first word, last word, is a name) per run, then names joined by "and" to a name.
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if lower_name(text, &ws, i) {
            // "call ivana horvat at …": a family name in lower case may follow; after a verb
            // that takes a person ("did u see jhunmark tolentino got …"), any word that is not
            // an everyday one.
            let verb_cue = words_before(text, ws[i].start, 1)
                .first()
                .is_some_and(|p| in_list(LOWER_VERBS, p));
            let mut last = i;
            while let Some(n) = ws.get(last + 1) {
                let l = n.text;
                if last - i < 2
                    && spaced(text, &ws[last], n)
                    && l.chars().all(|c| c.is_lowercase() || c == '-' || c == '\'')
                    && (family(l)
                        || in_list(PARTICLES, l)
                            && ws.get(last + 2).is_some_and(|m| family(m.text))
                        || verb_cue
                            && l.chars().count() >= 3
                            && !common(l)
                            && !in_list(NOT_LOWER_NAMES, l)
                            && !in_list(PARTICLES, l))
                {
                    last += 1;
                } else {
                    break;
                }
            }
            runs.push((i, last, true));
            i = last + 1;
            continue;
        }
        if caps_after_label(text, &ws[i]) {
            runs.push((i, i, true));
            i += 1;
            continue;
        }
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
        // Words inside an address, a URL or another entity found before are not a name here.
        let (s, e) = (ws[first].start, bare(&ws[last]).end);
        let taken = others.any(s, e);
        let name = !taken
            && !not_a_person(text, &ws, first, last, &names)
            && is_name(text, &ws, &run, &names, &contacts, german);
        runs.push((first, last, name));
        i = (last + 1).max(i + 1);
    }
    // Coordination: a multi-word run next to a name ("X and Y", "X, Y") is a name too.
    for k in 0..runs.len() {
        let (first, last, name) = runs[k];
        if name {
            continue;
        }
        // A lone word joins a list of names when it is a known name, or after "and" inside a
        // sentence ("Percival, Imogen and Lachlan"); "Bisous, Inès" is no list.
        let lone = last == first;
        let w = ws[first].text;
        let known = given(w) || family(w);
        let joined_to = |other: Option<&(usize, usize, bool)>, left: bool| {
            other.is_some_and(|&(f, l, n)| {
                let gap = if left {
                    &text[ws[l].end..ws[first].start]
                } else {
                    &text[ws[last].end..ws[f].start]
                };
                let g = gap.trim();
                n && matches!(
                    g,
                    "and" | "&" | "," | "or" | "und" | "et" | "y" | "e" | "och" | "en" | "ve" | "i"
                ) && (!lone
                    || known
                    || (g != "," && !common(w) && !at_sentence_start(text, ws[first].start)))
            })
        };
        if joined_to(k.checked_sub(1).and_then(|j| runs.get(j)), true)
            || joined_to(runs.get(k + 1), false)
        {
            runs[k].2 = true;
        }
    }
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (first, last, name) in runs {
        if name {
            spans.push((ws[first].start, bare(&ws[last]).end));
        }
    }
    // A name found once is that person's wherever else its words stand alone ("I have known
    // Marinona Ithinano since 1998, when Marinona joined"; a signature of the first name).
    // (With the names a form's or a table's fields gave: found before this.)
    let fielded: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.kind == EntityType::Person)
        .map(|c| (c.start, c.end))
        .collect();
    let known: Vec<&str> = spans
        .iter()
        .chain(&fielded)
        .flat_map(|&(s, e)| words(&text[s..e]))
        .map(|w| w.text)
        .filter(|w| w.chars().count() >= 3 && !not_name(w))
        .filter(|w| {
            name_shaped(w)
                // a name found in lower case ("ask lieke") is found again in lower case
                || w.chars().all(char::is_lowercase)
                    && !common(w)
                    && !in_list(NOT_LOWER_NAMES, w)
        })
        .filter(|w| !in_list(PARTICLES, &w.to_lowercase()))
        .collect();
    let named = Overlaps::new(spans.iter().chain(&fielded).copied().collect());
    let known: std::collections::HashSet<&str> = known.into_iter().collect();
    for w in &ws {
        let b = bare(w);
        if known.contains(&b.text) && !named.any(b.start, b.end) && !mention_of_org(text, w) {
            spans.push((b.start, b.end));
        }
    }
    spans.extend(passenger_names(text));
    spans.extend(ticket_names(text));
    for (s, e) in spans {
        out.push(Candidate::new(EntityType::Person, s, e));
    }
}

/// Labels before a booking's passenger name.
const PASSENGER_LABELS: &[&str] = &[
    "passenger",
    "passeggero",
    "pasajero",
    "passagier",
    "passager",
    "fluggast",
    "passageiro",
    "pasażer",
    "passenger name",
    "pax",
];

/// A booking's "SURNAME/GIVEN MR" after a passenger label: the surname and the given name, each
/// a span (the IATA form airlines print).
/// A ticket's "SURNAME/GIVEN MR" anywhere (a passenger list, a boarding pass): capitals, a
/// slash, capitals, then the title that airlines append, which the name leaves out.
fn ticket_names(text: &str) -> Vec<(usize, usize)> {
    const TICKET_TITLES: [&str; 6] = ["MR", "MRS", "MS", "MSTR", "MISS", "DR"];
    let caps = |c: char| c.is_uppercase() || matches!(c, '-' | '\'');
    let mut out = Vec::new();
    for (slash, _) in text.match_indices('/') {
        let head = &text[..slash];
        let left = head.len() - head.trim_end_matches(|c: char| caps(c) || c == ' ').len();
        let sur = head[slash - left..].trim_start();
        let s0 = slash - sur.len();
        if sur.is_empty() || sur.len() > 40 || !sur.chars().any(char::is_alphabetic) {
            continue;
        }
        let rest = &text[slash + 1..];
        let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let words: Vec<&str> = rest.split(' ').take(5).collect();
        let Some(t) = words.iter().position(|w| TICKET_TITLES.contains(w)) else {
            continue;
        };
        let given = &words[..t];
        if given.is_empty()
            || !given
                .iter()
                .all(|w| !w.is_empty() && w.chars().all(caps) && w.chars().any(char::is_alphabetic))
        {
            continue;
        }
        let len: usize = given.iter().map(|w| w.len()).sum::<usize>() + given.len() - 1;
        out.push((s0, slash + 1 + len));
    }
    out
}

fn passenger_names(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let lower = text.to_lowercase();
    for label in PASSENGER_LABELS {
        let mut from = 0;
        while let Some(k) = lower.get(from..).and_then(|s| s.find(label)) {
            let at = from + k + label.len();
            from = at;
            if lower.len() != text.len() {
                // Case folding changed byte lengths: offsets would not line up.
                return out;
            }
            let Some(rest) = text[at..].trim_start().strip_prefix(':') else {
                continue;
            };
            let start = text.len() - rest.trim_start().len();
            // Up to a double space, a line end, or a title.
            let line = &text[start..];
            let mut end = start + line.find(['\n', '|']).unwrap_or(line.len());
            if let Some(d) = text[start..end].find("  ") {
                end = start + d;
            }
            let field = &text[start..end];
            let Some(slash) = field.find('/') else {
                continue;
            };
            let (sur, given) = (&field[..slash], &field[slash + 1..]);
            let given_words: Vec<&str> = given.split(' ').collect();
            let keep = given_words
                .iter()
                .take_while(|w| !matches!(**w, "MR" | "MRS" | "MS" | "MSTR" | "MISS" | "DR" | ""))
                .count();
            let given = given_words[..keep].join(" ");
            let caps = |s: &str| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_uppercase() || matches!(c, ' ' | '-' | '\''))
                    && s.chars().any(char::is_alphabetic)
            };
            if caps(sur.trim()) && caps(&given) {
                // One name, as the ticket writes it: "SMITH/JOHN".
                let s0 = start + (sur.len() - sur.trim_start().len());
                let g0 = start + slash + 1;
                out.push((s0, g0 + given.len()));
            }
        }
    }
    out
}

/// A word glued to other name-shaped words that are not the name ("Lima Logistics"): not
/// the person's.
fn mention_of_org(text: &str, w: &Word) -> bool {
    let after = &text[w.end..];
    let next: String = after
        .trim_start_matches(' ')
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    after.starts_with(' ') && !next.is_empty() && {
        let l = next.to_lowercase();
        in_list(ORG_AFTER, &l) || in_list(NOT_NAMES, &l)
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
        // "Marcus V. Walsh": a middle initial between name words.
        let mut p = k + 1;
        let initial = ws.get(p).is_some_and(|w| {
            w.text.chars().count() == 1
                && w.text.chars().all(char::is_uppercase)
                && spaced(text, cur, w)
                && text[w.end..].starts_with(". ")
        });
        if initial {
            p += 1;
        }
        // Up to two particles ("van der", "de la") between name words.
        while !initial
            && p < ws.len()
            && p <= k + 2
            && in_list(PARTICLES, &ws[p].text.to_lowercase())
            && spaced(text, &ws[p - 1], &ws[p])
        {
            p += 1;
        }
        let Some(n) = ws.get(p) else { break };
        let title_after = matches!(n.text.to_lowercase().as_str(), "bey" | "hanım" | "hanim");
        let gap_ok = if initial {
            &text[ws[p - 1].end..n.start] == ". "
        } else {
            spaced(text, &ws[p - 1], n)
        };
        if gap_ok && name_shaped(n.text) && !not_name(bare(n).text) && !title_after {
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

fn is_name(
    text: &str,
    ws: &[Word],
    run: &[usize],
    names: &[&str],
    contacts: &[usize],
    german: bool,
) -> bool {
    let start = ws[run[0]].start;
    let before = words_before(text, start, 3);
    let ends = |phrase: &[&str]| {
        phrase.len() <= before.len() && phrase.iter().rev().zip(&before).all(|(p, b)| p == b)
    };
    let title = before.first().is_some_and(|w| in_list(TITLES, w))
        && !caps_title_before_mixed(text, start, names);
    let strong_before = STRONG_BEFORE.iter().any(|p| ends(p))
        || sign_off_before(text, start)
        || dash_signature(text, start);
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
    if title {
        return true;
    }
    // An everyday word among them ("Corporate Finance", "Customer Success", "Vermieter: +49 …")
    // makes the run a title, an organisation or a label, whatever cue stands before it.
    if names.iter().any(|n| common(n)) {
        return false;
    }
    if strong_before || after_is(STRONG_AFTER) || display_name {
        return true;
    }
    // Contact details after a lone unknown word need it inside a sentence, not as a label
    // ("Again: anna@…", "Tel 030 …").
    let contact = contact_after(text, end, contacts)
        && (names.len() >= 2
            || given(names[0])
            || family(names[0])
            || (!sentence_start && !text[end..].trim_start().starts_with(':')));
    if speaker(text, start, end) || mention(text, start) || contact {
        return true;
    }
    if names.len() >= 2 {
        // Two or more capitalised words, none of them a known non-name, in running text are a
        // name far more often than not (places and organisations are in the non-name list);
        // opening a sentence, or in German (every noun capitalised), they need more.
        return known_given
            || known_family
            || weak_before
            || possessive
            || after_is(WEAK_AFTER)
            || (!sentence_start && !german);
    }
    // One word: a known given name that is not also an everyday word ("May", "Will"), or a
    // known family name after a weak cue, or a weak cue after it when it does not open the
    // sentence.
    // The bundled list holds names that are words too ("Kun", "Hai"): opening a sentence, a
    // name only from it needs a cue.
    let curated = in_list(GIVEN, &names[0].to_lowercase());
    (known_given && !ambiguous && (curated || !sentence_start))
        || (weak_before && family(names[0]) && !sentence_start)
        || (after_is(WEAK_AFTER) && !sentence_start && (known_given || family(names[0])))
}

/// A name in lower case (chat): a known given name after a cue ("ask beatrix", "hola ximena"),
/// or any word that is not an everyday one right after a greeting or an introduction and
/// before "," or "!" ("hoi houvelle, …", "soy nerea,"), or a chat log's speaker.
fn lower_name(text: &str, ws: &[Word], i: usize) -> bool {
    let w = &ws[i];
    let n = w.text.chars().count();
    if n < 3 || !w.text.chars().all(|c| c.is_lowercase() || c == '-') {
        return false;
    }
    if common(w.text) || not_name(w.text) || in_list(PARTICLES, w.text) {
        return false;
    }
    let before = words_before(text, w.start, 2);
    let prev = before.first().map(String::as_str).unwrap_or("");
    let known = given(w.text);
    // A group chat's "zoë: party at …": a known given name opening its line, then a colon.
    let line_start = text[..w.start]
        .rsplit('\n')
        .next()
        .is_some_and(|l| l.trim().is_empty());
    if known && line_start && text[w.end..].starts_with(": ") {
        return true;
    }
    if known && in_list(LOWER_CUES, prev) || speaker(text, w.start, w.end) {
        return !in_list(NOT_LOWER_NAMES, w.text);
    }
    if in_list(LOWER_VERBS, prev) && !in_list(NOT_LOWER_NAMES, w.text) {
        return true;
    }
    // "mrs okafor's cat": a title makes the next word a name, in any case (not "ms" or "m",
    // which are also units, nor "pan", a word).
    const LOWER_TITLES: &[&str] = &[
        "mrs", "mr", "miss", "dr", "frau", "herr", "mme", "madame", "monsieur", "señora", "señor",
        "sra", "signora", "signor", "fru", "herra", "rouva",
    ];
    if in_list(LOWER_TITLES, prev) && !in_list(NOT_LOWER_NAMES, w.text) {
        return true;
    }
    let punct_after = text[w.end..].starts_with([',', '!']);
    !in_list(NOT_LOWER_NAMES, w.text)
        && (known && punct_after && !at_sentence_start(text, w.start)
            || (punct_after && in_list(LOWER_GREETINGS, prev)))
}

/// A surname in capitals after a form field ("Nom : EL-AMIN", "Nazwisko: KOWALSKI").
fn caps_after_label(text: &str, w: &Word) -> bool {
    let letters = w.text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2
        || w.text.chars().any(char::is_lowercase)
        || !w.text.chars().next().is_some_and(char::is_alphabetic)
    {
        return false;
    }
    let head = text[..w.start].trim_end();
    let Some(label) = head.strip_suffix(':') else {
        return false;
    };
    let before = words_before(text, label.trim_end().len(), 1);
    before.first().is_some_and(|b| {
        matches!(
            b.as_str(),
            "nom"
                | "nachname"
                | "cognome"
                | "nazwisko"
                | "apellido"
                | "apellidos"
                | "surname"
                | "soyad"
                | "name"
        )
    })
}

/// Han, Hiragana, Katakana or Hangul only: names without letter case ("王伟"), taken after a
/// strong cue only.
fn caseless_name(w: &str) -> bool {
    let n = w.chars().count();
    (2..=4).contains(&n)
        && w.chars()
            .all(|c| matches!(c as u32, 0x4E00..=0x9FFF | 0x3040..=0x30FF | 0xAC00..=0xD7AF))
}

/// Sign-offs in the languages of the gazetteer (a name follows them, on their line or the next).
const SIGN_OFFS: &[&str] = &[
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
    "bisous",
    "bises",
    "amitiés",
    "cordialement",
    "groetjes",
    "groeten",
    "met vriendelijke groet",
    "vriendelijke groet",
    "mvh",
    "hälsningar",
    "vänliga hälsningar",
    "med vänlig hälsning",
    "hilsen",
    "pozdrawiam",
    "pozdrowienia",
    "abraços",
    "beijos",
    "atenciosamente",
    "saludos",
    "un saludo",
    "un abrazo",
    "besos",
    "grüße",
    "viele grüße",
    "liebe grüße",
    "beste grüße",
    "mit freundlichen grüßen",
    "lg",
    "baci",
    "saluti",
    "cordiali saluti",
    "un abbraccio",
    "xoxo",
    "xx",
];

/// A sign-off just before: on the line before ("Best regards,\nName", "Thanks,\n\nName") or
/// opening the same sentence ("Bisous, Inès").
fn sign_off_before(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end();
    let next_line = text[head.len()..start].contains('\n');
    let Some(line) = head.strip_suffix(',').or(next_line.then_some(head)) else {
        return false;
    };
    let last = if next_line {
        line.rsplit('\n').next().unwrap_or("")
    } else {
        line.rsplit(['\n', '.', '!', '?']).next().unwrap_or("")
    };
    let last = last.trim().to_lowercase();
    SIGN_OFFS.iter().any(|s| {
        if next_line {
            last.ends_with(s)
        } else {
            last == *s
        }
    })
}

/// "… NEKTHASEL MS  Seat 48F": a title in capitals (a booking's) before a word that is not.
fn caps_title_before_mixed(text: &str, start: usize, names: &[&str]) -> bool {
    let head = text[..start].trim_end();
    let title: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    title.chars().count() >= 2
        && title.chars().all(char::is_uppercase)
        && names.iter().any(|n| n.chars().any(char::is_lowercase))
}

/// A signature line: "— Zhallian", "-- Ana" (a dash, the name, the end of the line; a list
/// item's "- Fix …" is not one).
fn dash_signature(text: &str, start: usize) -> bool {
    let line = &text[text[..start].rfind('\n').map_or(0, |i| i + 1)..start];
    let rest = text[start..].split('\n').next().unwrap_or("");
    matches!(line.trim(), "—" | "–" | "--" | "~") && words(rest).len() <= 3
}

/// A chat log's speaker: the run opens its line (after a "[26/12/2025 9:16]" stamp, if any)
/// and a time follows it ("Serena  10:04 AM") or, after a stamp, a colon.
fn speaker(text: &str, start: usize, end: usize) -> bool {
    let line_head = &text[text[..start].rfind('\n').map_or(0, |i| i + 1)..start];
    let stamped = line_head.trim_end().starts_with('[') && line_head.trim_end().ends_with(']');
    if !(line_head.trim().is_empty() || stamped) {
        return false;
    }
    let rest = text[end..].trim_start_matches([' ', '\t']);
    let time = {
        let b = rest.as_bytes();
        let d = b.iter().take_while(|c| c.is_ascii_digit()).count();
        (1..=2).contains(&d)
            && b.get(d) == Some(&b':')
            && b.get(d + 1).is_some_and(u8::is_ascii_digit)
            && b.get(d + 2).is_some_and(u8::is_ascii_digit)
    };
    (time && rest.len() < text[end..].len()) || (stamped && rest.starts_with(':'))
}

/// "@Karin": a mention (an "@" not inside an address).
fn mention(text: &str, start: usize) -> bool {
    text[..start].ends_with('@')
        && text[..start - 1]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | ',' | ':'))
}

/// A phone number or an e-mail address right after the name ("RSVP to Quinino on +44 …",
/// "Evander 919-287-1207", "Ana Lima: ana@…"): contact details name their owner.
fn contact_after(text: &str, end: usize, contacts: &[usize]) -> bool {
    // `contacts`: the starts of the phones and addresses found, sorted; only the ones at most
    // eight bytes on can count.
    let from = contacts.partition_point(|&s| s < end);
    contacts[from..]
        .iter()
        .take_while(|&&s| s <= end + 8)
        .any(|&start| {
            text.get(end..start).is_some_and(|gap| {
                let g = gap.trim().trim_end_matches(':').trim().to_lowercase();
                gap.len() <= 8
                    && matches!(
                        g.as_str(),
                        "" | "on" | "at" | "-" | "–" | "(" | "tel" | "via"
                    )
            })
        })
}

/// German capitalises every noun: there two capitalised words in a row say nothing.
fn german(ws: &[Word]) -> bool {
    const FUNCTION: &[&str] = &[
        "der", "die", "das", "und", "ist", "nicht", "wir", "mit", "für", "bei", "dem", "den",
        "ein", "eine", "auf", "zu", "ihr", "ihre", "sie", "bitte", "vom", "zum", "zur",
    ];
    ws.iter()
        .filter(|w| FUNCTION.contains(&w.text.to_lowercase().as_str()))
        .count()
        >= 3
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
    // A quoted value is a title ("Wolf Hall"), unless a key says it is a name
    // ({"name": "Maisie O'Neill"}).
    let key = text[..ws[first].start]
        .trim_end_matches(['"', '\''])
        .trim_end()
        .trim_end_matches([':', '='])
        .trim_end()
        .trim_end_matches(['"', '\'']);
    // Only its last characters (the longest key is "full_name"): lower-casing the whole head
    // for every run made a long text quadratic.
    let key = key
        .char_indices()
        .rev()
        .nth(15)
        .map_or(key, |(k, _)| &key[k..])
        .to_lowercase();
    let named = [
        "name",
        "full_name",
        "fullname",
        "author",
        "customer",
        "contact",
    ]
    .iter()
    .any(|k| key.ends_with(k));
    // A CSV field ("…,\"Phạm Thị Thảo\",…") is quoted for the format, not as a title.
    let field = text[..ws[first].start]
        .strip_suffix('"')
        .map(|h| h.is_empty() || h.ends_with([',', ';', '\t', '\n']))
        .unwrap_or(false);
    let quoted = !named
        && !field
        && before.is_some_and(|c| matches!(c, '"' | '“' | '«' | '\'' | '‘'))
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
