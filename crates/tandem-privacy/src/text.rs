//! Small views of the input every detector shares: neighbouring characters, words and their
//! byte spans. Everything is in byte offsets on char boundaries, so spans slice the input safely.

/// The character that ends just before byte `i`.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The character that starts at byte `i`.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A word: a run of letters, digits, or `'`/`-`/`’` joining letters ("O'Brien", "Jean-Luc").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// The words of `text`, in order. Joiners count only between two letters.
pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let inside = c.is_alphanumeric()
            || (matches!(c, '\'' | '’' | '-')
                && start.is_some()
                && char_before(text, i).is_some_and(char::is_alphabetic)
                && next.is_some_and(char::is_alphabetic));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    text: &text[s..i],
                    start: s,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            text: &text[s..],
            start: s,
            end: text.len(),
        });
    }
    out
}

/// Up to `n` lower-cased words ending before byte `i`, nearest first, stopping at a sentence
/// end between words (`!`, `?`, a line break, or a `.` that is not an abbreviation's: "Tel. 030 …"
/// and "Dr. Novak" keep their cue, "(parent). Reachable" does not).
pub(crate) fn words_before(text: &str, i: usize, n: usize) -> Vec<String> {
    let head = text.get(..i).unwrap_or("");
    // Only the tail can hold `n` words (cues are a few short words): tokenising the whole head
    // on every call made a long text quadratic. The window starts after a space, so no word is
    // cut in two.
    let mut from = head.len().saturating_sub(64 * n + 192);
    while !head.is_char_boundary(from) {
        from += 1;
    }
    if from > 0 {
        from = head[from..]
            .find(char::is_whitespace)
            .map_or(head.len(), |k| from + k);
    }
    let head = &head[from..];
    let mut out = Vec::new();
    let mut edge = head.len();
    for w in words(head).iter().rev() {
        let gap = &head[w.end..edge];
        let abbreviation = gap.trim_end() == "." && w.text.chars().count() <= 4;
        if gap.contains(['!', '?', '\n']) || (gap.contains('.') && !abbreviation) {
            break;
        }
        out.push(w.text.to_lowercase());
        if out.len() == n {
            break;
        }
        edge = w.start;
    }
    out
}

/// The ASCII digits of `s`, in order.
pub(crate) fn digits(s: &str) -> Vec<u8> {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect()
}
