//! Detection: every detector proposes candidate spans; overlaps are resolved in favour of the
//! longer span, then the more specific type (an email inside a URL is the URL's; a name inside
//! an email address is the address's).

mod address;
mod email;
mod fields;
mod iban;
mod ip;
mod labels;
mod numbers;
mod person;
mod url;

use crate::entity::{Entity, EntityType};

#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    kind: EntityType,
    start: usize,
    end: usize,
}

impl Candidate {
    pub(crate) fn new(kind: EntityType, start: usize, end: usize) -> Self {
        Candidate { kind, start, end }
    }
}

pub(crate) type Found = Vec<Candidate>;

/// Byte ranges sorted by start with the running maximum of their ends: whether any of them
/// overlaps a range, in O(log n). (Checked against every candidate for every run, a pasted
/// spreadsheet of thousands of rows took minutes.)
pub(crate) struct Overlaps {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Overlaps {
    pub(crate) fn new(mut spans: Vec<(usize, usize)>) -> Self {
        spans.sort_unstable();
        let mut m = 0;
        let max_end = spans
            .iter()
            .map(|&(_, e)| {
                m = m.max(e);
                m
            })
            .collect();
        Overlaps {
            starts: spans.iter().map(|&(s, _)| s).collect(),
            max_end,
        }
    }

    /// Some range overlaps `start..end`.
    pub(crate) fn any(&self, start: usize, end: usize) -> bool {
        let k = self.starts.partition_point(|&s| s < end);
        k > 0 && self.max_end[k - 1] > start
    }
}

/// Non-overlapping ranges that grow one at a time (the kept entities): whether a new one
/// overlaps any, in O(log n).
#[derive(Default)]
struct Disjoint(std::collections::BTreeMap<usize, usize>);

impl Disjoint {
    fn overlaps(&self, start: usize, end: usize) -> bool {
        self.0
            .range(..end)
            .next_back()
            .is_some_and(|(_, &e)| e > start)
    }

    fn insert(&mut self, start: usize, end: usize) {
        self.0.insert(start, end);
    }
}

/// Specificity: the first of two equally long overlapping candidates wins.
const RANK: [EntityType; 8] = [
    EntityType::Email,
    EntityType::Url,
    EntityType::Iban,
    EntityType::CreditCard,
    EntityType::IpAddress,
    EntityType::Phone,
    EntityType::StreetAddress,
    EntityType::Person,
];

/// Every entity in `text`, in order, non-overlapping, with byte offsets.
pub fn detect(text: &str) -> Vec<Entity> {
    let mut found = Found::new();
    email::find(text, &mut found);
    url::find(text, &mut found);
    iban::find(text, &mut found);
    numbers::find(text, &mut found);
    ip::find(text, &mut found);
    address::find(text, &mut found);
    // Fields first: the names they find are names wherever else they stand (person::find
    // looks for them again); a table's header holds labels, whatever looks like a name there.
    let headers = fields::find(text, &mut found);
    person::find(text, &mut found);
    let headers = Overlaps::new(headers);
    found.retain(|c| !headers.any(c.start, c.end));
    let rank = |k: EntityType| RANK.iter().position(|&r| r == k).unwrap_or(RANK.len());
    found.retain(|c| {
        c.start < c.end && text.is_char_boundary(c.start) && text.is_char_boundary(c.end)
    });
    found.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), rank(c.kind), c.start));
    let mut kept: Vec<Candidate> = Vec::new();
    let mut taken = Disjoint::default();
    for c in found {
        if !taken.overlaps(c.start, c.end) {
            taken.insert(c.start, c.end);
            kept.push(c);
        }
    }
    // A name found once is found everywhere it stands as a word: "Destiny" in a list and again
    // alone, "maria" in a chat line whatever cue it lacked the second time. Nothing of a value
    // that leaves under a placeholder once may leave in clear elsewhere.
    let names: std::collections::BTreeSet<&str> = kept
        .iter()
        .filter(|c| c.kind == EntityType::Person && c.end - c.start >= 3)
        .map(|c| &text[c.start..c.end])
        .collect();
    // Where each word of the text starts (looked up by a name's first word: searching the text
    // once per name was quadratic on a spreadsheet of thousands of people).
    let mut starts: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    if !names.is_empty() {
        let mut from = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (c.is_alphanumeric(), from) {
                (true, None) => from = Some(i),
                (false, Some(f)) => {
                    starts.entry(&text[f..i]).or_default().push(f);
                    from = None;
                }
                _ => {}
            }
        }
    }
    let mut again: Vec<Candidate> = Vec::new();
    for name in names {
        let first = name
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        for &at in starts.get(first).map_or(&[][..], Vec::as_slice) {
            let end = at + name.len();
            // (A word start has no letter before it.)
            if text[at..].starts_with(name)
                && !text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                && !taken.overlaps(at, end)
            {
                taken.insert(at, end);
                again.push(Candidate::new(EntityType::Person, at, end));
            }
        }
    }
    kept.extend(again);
    kept.sort_by_key(|c| c.start);
    kept.into_iter()
        .map(|c| Entity {
            kind: c.kind,
            value: text[c.start..c.end].to_string(),
            start: c.start,
            end: c.end,
        })
        .collect()
}
