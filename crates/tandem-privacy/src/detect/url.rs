//! URLs: with a scheme (`http://`, `https://`, `ftp://`) or starting with `www.`. A bare
//! `example.com` is left alone: file names and version strings have the same shape.
//! Trailing sentence punctuation and unbalanced closing brackets are not part of the URL.

use super::{Candidate, Found};
use crate::entity::EntityType;
use crate::text::{char_before, is_word};

const STARTS: [&str; 4] = ["https://", "http://", "ftp://", "www."];

fn url_char(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '<' | '>' | '"' | '`' | '{' | '}' | '|' | '\\' | '^')
}

pub(crate) fn find(text: &str, out: &mut Found) {
    let lower = text.to_ascii_lowercase(); // same byte offsets: ASCII case only
    let mut from = 0;
    while let Some((start, prefix)) = STARTS
        .iter()
        .filter_map(|p| lower[from..].find(p).map(|i| (from + i, *p)))
        .min()
    {
        from = start + prefix.len();
        if char_before(text, start).is_some_and(|c| is_word(c) || c == '/' || c == '.') {
            continue; // inside a longer token ("xhttp://", "a.www.b" is a host, found whole)
        }
        let rest = &text[start..];
        let mut end = start + rest.find(|c: char| !url_char(c)).unwrap_or(rest.len());
        // Trailing punctuation belongs to the sentence; a closing bracket only when unbalanced.
        while end > start + prefix.len() {
            let Some(c) = text[..end].chars().next_back() else {
                break;
            };
            let body = &text[start..end];
            let unbalanced = |open: char, close: char| {
                c == close && body.matches(open).count() < body.matches(close).count()
            };
            if ".,;:!?'\"*".contains(c) || unbalanced('(', ')') || unbalanced('[', ']') {
                end -= c.len_utf8();
            } else {
                break;
            }
        }
        let host = text
            .get(start + prefix.len()..end)
            .unwrap_or("")
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("");
        let host_ok = !host.is_empty()
            && (prefix != "www." || host.contains('.'))
            && host
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '[');
        if host_ok {
            out.push(Candidate::new(EntityType::Url, start, end));
            from = end;
        }
    }
}
