//! Comparing answers: whether a completion is right (against a reference) and whether two
//! completions agree. These make the router's training labels ("local_wrong", "disagreement")
//! and the metrics' per-item outcomes, so the same normalisation must hold everywhere.
//!
//! Only the final line counts: models reason first and state the answer last, and a reference
//! answer is one short line. Normalising case and whitespace keeps "42", " 42 " and "42\r" equal
//! without guessing at numeric or semantic equivalence (that belongs to a task's own grader).

/// The completion's last non-empty line, trimmed, lower-cased, each run of whitespace (spaces,
/// tabs) collapsed to one space. `\n`, `\r\n` and a lone `\r` all end a line; a line holding only
/// whitespace is empty. A completion with no such line normalises to "".
pub fn normalize(text: &str) -> String {
    let last = text
        .split(['\n', '\r'])
        .rev()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("");
    last.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether the completion's normalised final line equals the normalised answer. An empty
/// answer (or completion) is never correct: there is nothing to match.
pub fn is_correct(completion: &str, answer: &str) -> bool {
    let want = normalize(answer);
    !want.is_empty() && normalize(completion) == want
}

/// Whether two completions' normalised final lines are equal. Two empty completions do not
/// agree: an empty completion states no answer, and counting it as agreement would label a
/// pair of failures as "the local model was enough".
pub fn agree(a: &str, b: &str) -> bool {
    let a = normalize(a);
    !a.is_empty() && a == normalize(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_last_non_empty_line() {
        assert_eq!(normalize("Let me think.\nThe answer is\n42"), "42");
        assert_eq!(normalize("work\n42\n\n   \n\t\n"), "42");
        assert_eq!(normalize("one line"), "one line");
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        assert_eq!(normalize("work\r\nParis\r\n\r\n"), "paris");
        assert_eq!(normalize("work\rParis\r"), "paris");
    }

    #[test]
    fn trims_collapses_whitespace_and_lowercases() {
        assert_eq!(normalize("  The\t\tAnswer   IS  B \t"), "the answer is b");
        assert_eq!(normalize("ÉCOLE"), "école");
    }

    #[test]
    fn empty_inputs_normalise_to_empty() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("\n \r\n\t"), "");
    }

    #[test]
    fn correctness_uses_the_same_normalisation() {
        assert!(is_correct("reasoning...\n  PARIS \r\n", "paris"));
        assert!(is_correct("x\n42", " 42\n"));
        assert!(!is_correct("x\n41", "42"));
        assert!(!is_correct("42 is it\nno", "42"));
        assert!(!is_correct("", ""));
        assert!(!is_correct("anything", "  \n"));
    }

    #[test]
    fn agreement_compares_final_lines() {
        assert!(agree("a\nB", "different work\n b \n"));
        assert!(!agree("a\nB", "a\nC"));
        assert!(!agree("", ""));
        assert!(!agree("\n", "x"));
    }
}
