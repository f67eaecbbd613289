//! IP addresses. IPv4: four decimal octets (no leading zeros), not part of a longer dotted
//! number and not after a version cue ("version 2.0.1.15"). IPv6: any form the standard
//! parser accepts (full, `::`-compressed, IPv4-embedded), standing alone, with at least one
//! digit (so "cafe::bad"-like code is not taken; times such as 12:30:45 do not parse).

use std::net::{Ipv4Addr, Ipv6Addr};

use super::{Candidate, Found};
use crate::entity::EntityType;
use crate::text::{char_at, char_before, is_word, words_before};

const VERSION_CUES: [&str; 6] = ["version", "v", "ver", "release", "build", "firmware"];

pub(crate) fn find(text: &str, out: &mut Found) {
    find_v4(text, out);
    find_v6(text, out);
}

fn find_v4(text: &str, out: &mut Found) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let run_start = i;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
            i += 1;
        }
        if i == run_start {
            i += 1;
            continue;
        }
        // A maximal run of digits and dots; trailing dots are punctuation.
        let mut end = i;
        while end > run_start && b[end - 1] == b'.' {
            end -= 1;
        }
        let s = &text[run_start..end];
        let glued = char_before(text, run_start).is_some_and(|c| is_word(c) || c == '-')
            || char_at(text, end).is_some_and(is_word);
        if !glued
            && s.split('.').count() == 4
            && s.parse::<Ipv4Addr>().is_ok()
            && !words_before(text, run_start, 1)
                .first()
                .is_some_and(|w| VERSION_CUES.contains(&w.as_str()))
        {
            out.push(Candidate::new(EntityType::IpAddress, run_start, end));
        }
    }
}

fn find_v6(text: &str, out: &mut Found) {
    let b = text.as_bytes();
    let v6_byte = |c: u8| c.is_ascii_hexdigit() || c == b':' || c == b'.';
    let mut i = 0;
    while i < b.len() {
        let run_start = i;
        while i < b.len() && v6_byte(b[i]) {
            i += 1;
        }
        if i == run_start {
            i += 1;
            continue;
        }
        let mut end = i;
        // A sentence may end right after the address ("… is ::1."), or a colon follow it.
        while end > run_start
            && (b[end - 1] == b'.' || (b[end - 1] == b':' && !text[..end].ends_with("::")))
        {
            end -= 1;
        }
        let s = &text[run_start..end];
        let alone = !char_before(text, run_start).is_some_and(is_word)
            && !char_at(text, end).is_some_and(is_word);
        if alone
            && s.matches(':').count() >= 2
            && s.bytes().any(|c| c.is_ascii_digit())
            && s.parse::<Ipv6Addr>().is_ok()
        {
            out.push(Candidate::new(EntityType::IpAddress, run_start, end));
        }
    }
}
