//! IBANs (ISO 13616): a country code, two check digits and the account, compact or in blocks
//! of four, valid when the mod-97 check holds. Known countries fix the length, so a following
//! word in capitals is never swallowed; for others every length from 15 to 34 is tried.

use super::{Candidate, Found};
use crate::entity::EntityType;
use crate::text::{char_at, char_before, is_word};

/// Lengths of the countries that use IBANs most (SWIFT's registry).
const LENGTHS: [(&str, usize); 40] = [
    ("AD", 24),
    ("AT", 20),
    ("BE", 16),
    ("BG", 22),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FR", 27),
    ("GB", 22),
    ("GI", 23),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MT", 31),
    ("NL", 18),
    ("NO", 15),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("TR", 26),
    ("UA", 29),
    ("AE", 23),
    ("SA", 24),
];

pub(crate) fn find(text: &str, out: &mut Found) {
    let b = text.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let head = b[i].is_ascii_uppercase()
            && b[i + 1].is_ascii_uppercase()
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit();
        if !head || char_before(text, i).is_some_and(is_word) {
            i += 1;
            continue;
        }
        // The alphanumerics from here, with the byte just after each, over single spaces.
        let mut chars = Vec::new();
        let mut j = i;
        while j < b.len() && chars.len() < 34 {
            if b[j].is_ascii_alphanumeric() {
                chars.push((b[j].to_ascii_uppercase(), j + 1));
                j += 1;
            } else if b[j] == b' '
                && j + 1 < b.len()
                && b[j + 1].is_ascii_alphanumeric()
                && chars.len() % 4 == 0
            {
                j += 1; // blocks of four: a space elsewhere ends the IBAN
            } else {
                break;
            }
        }
        let country = std::str::from_utf8(&b[i..i + 2]).unwrap_or("");
        let lengths: Vec<usize> = match LENGTHS.iter().find(|(c, _)| *c == country) {
            Some(&(_, n)) => vec![n],
            None => (15..=34).rev().collect(),
        };
        let hit = lengths.into_iter().find(|&n| {
            n <= chars.len()
                && !char_at(text, chars[n - 1].1).is_some_and(is_word)
                && mod97(chars[..n].iter().map(|c| c.0))
        });
        match hit {
            Some(n) => {
                out.push(Candidate::new(EntityType::Iban, i, chars[n - 1].1));
                i = chars[n - 1].1;
            }
            None => i += 1,
        }
    }
}

/// The ISO 13616 check: the first four characters moved to the end, letters as 10..35, the
/// number mod 97 equals 1.
fn mod97(chars: impl Iterator<Item = u8> + Clone) -> bool {
    let moved = chars.clone().skip(4).chain(chars.take(4));
    let mut r: u32 = 0;
    for c in moved {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return false,
        };
        r = if v >= 10 {
            (r * 100 + v) % 97
        } else {
            (r * 10 + v) % 97
        };
    }
    r == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mod97_known_ibans() {
        assert!(mod97(b"DE89370400440532013000".iter().copied()));
        assert!(mod97(b"GB82WEST12345698765432".iter().copied()));
        assert!(!mod97(b"GB82WEST12345698765433".iter().copied()));
    }
}
