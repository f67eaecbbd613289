//! The bundled word lists (data/*.txt: one lowercase word per line, NFC, sorted, written by
//! hand-kept scripts from general knowledge, no outside data): given names and family names of
//! many cultures beside the short lists in names.rs, and common words that stand capitalised
//! in the names of organisations, products, courses and venues ("Corporate Finance", "Riverside
//! Café") or as German nouns, which are therefore no evidence of a person. Each list becomes a
//! set on first use.
use std::collections::HashSet;
use std::sync::OnceLock;

const GIVEN: &str = include_str!("../data/given.txt");
const FAMILY: &str = include_str!("../data/family.txt");
const COMMON: &str = include_str!("../data/common_words.txt");

fn set(
    text: &'static str,
    cell: &'static OnceLock<HashSet<&'static str>>,
) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// `w` (lower-cased) is a given name in the bundled list.
pub(crate) fn given(w: &str) -> bool {
    static S: OnceLock<HashSet<&str>> = OnceLock::new();
    set(GIVEN, &S).contains(w)
}

/// `w` (lower-cased) is a family name in the bundled list.
pub(crate) fn family(w: &str) -> bool {
    static S: OnceLock<HashSet<&str>> = OnceLock::new();
    set(FAMILY, &S).contains(w)
}

/// `w` (lower-cased) is a common word (and in neither name list: a word that is both, such as
/// "Rose", is not held against a name).
pub(crate) fn common(w: &str) -> bool {
    static S: OnceLock<HashSet<&str>> = OnceLock::new();
    set(COMMON, &S).contains(w) && !given(w) && !family(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lists are as their header says: lowercase, one per line, sorted, no duplicates.
    #[test]
    fn the_lists_are_clean() {
        for (name, text) in [("given", GIVEN), ("family", FAMILY), ("common", COMMON)] {
            let lines: Vec<&str> = text.lines().collect();
            assert!(lines.len() > 500, "{name}: {} lines", lines.len());
            for w in &lines {
                assert!(!w.is_empty() && w.trim() == *w, "{name}: {w:?}");
                assert_eq!(w.to_lowercase(), *w, "{name}: {w:?}");
            }
            let mut sorted = lines.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), lines.len(), "{name}: duplicates");
        }
        assert!(given("zoë") || given("zoe"));
        assert!(common("finance") && !common("rose"));
    }
}
