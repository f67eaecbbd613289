//! Email addresses: `local@domain.tld`, the local part as RFC 5322's dot-atom (plus letters of
//! any script, as internationalised addresses allow), a domain of at least two labels and a
//! letters-only top-level label.

use super::{Candidate, Found};
use crate::entity::EntityType;
use crate::text::char_before;

fn local_char(c: char) -> bool {
    c.is_alphanumeric() || "._%+-!#$&'*/=?^`{|}~".contains(c)
}

fn domain_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.'
}

pub(crate) fn find(text: &str, out: &mut Found) {
    for (at, _) in text.match_indices('@') {
        // Local part: back over its characters, never starting with a dot or quote.
        let mut start = at;
        while let Some(c) = char_before(text, start).filter(|&c| local_char(c)) {
            start -= c.len_utf8();
        }
        while start < at && matches!(text.as_bytes()[start], b'.' | b'\'' | b'`') {
            start += 1;
        }
        if start == at {
            continue;
        }
        // Domain: labels of letters, digits and hyphens; trailing dots/hyphens are punctuation.
        let rest = &text[at + 1..];
        let mut len = rest.find(|c: char| !domain_char(c)).unwrap_or(rest.len());
        while len > 0 && matches!(rest.as_bytes()[len - 1], b'.' | b'-') {
            len -= 1;
        }
        let domain = &rest[..len];
        let labels: Vec<&str> = domain.split('.').collect();
        let tld = labels.last().copied().unwrap_or("");
        let valid = labels.len() >= 2
            && labels
                .iter()
                .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
            && tld.chars().count() >= 2
            && tld.chars().all(char::is_alphabetic);
        if valid {
            out.push(Candidate::new(EntityType::Email, start, at + 1 + len));
        }
    }
}
