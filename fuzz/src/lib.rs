//! Coverage-guided fuzz targets for every parser of Tandem that takes outside input: model
//! files (safetensors and its index, GGUF, config.json, tokenizer.json with
//! tokenizer_config.json's chat template), the server's request bodies (OpenAI chat and
//! `/v1/verify`, through the real router), router.json and the redaction pipeline. (The npm
//! package's SSE parser is fuzzed in its own language: web/packages/tandem/fuzz/.)
//!
//! Each target takes arbitrary bytes and must not panic, abort or hang; each also checks the
//! properties its parser promises (a restore undoes a redaction, a router written is the router
//! read, a tensor's bytes match its shape). The libFuzzer binary (`src/bin/tandem-fuzz.rs`,
//! built by scripts/fuzz.sh) drives them; `cargo test` replays the committed corpora and every
//! input that once failed (fuzz/regressions/) through the same functions.
mod config;
mod gguf;
mod micro;
mod redact;
mod router;
mod safetensors;
mod server;
mod tokenizer;

/// The micro model's config.json (what the safetensors target loads its files as).
pub fn micro_config() -> &'static str {
    micro::CONFIG
}

/// One fuzz target: its name on the command line, and its corpus directory under fuzz/corpus/.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Safetensors,
    Gguf,
    Config,
    Tokenizer,
    Server,
    Router,
    Redact,
}

impl Target {
    pub const ALL: [Target; 7] = [
        Target::Safetensors,
        Target::Gguf,
        Target::Config,
        Target::Tokenizer,
        Target::Server,
        Target::Router,
        Target::Redact,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Target::Safetensors => "safetensors",
            Target::Gguf => "gguf",
            Target::Config => "config",
            Target::Tokenizer => "tokenizer",
            Target::Server => "server",
            Target::Router => "router",
            Target::Redact => "redact",
        }
    }

    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Runs one input. A panic here is a finding.
    pub fn run(self, data: &[u8]) {
        match self {
            Target::Safetensors => safetensors::run(data),
            Target::Gguf => gguf::run(data),
            Target::Config => config::run(data),
            Target::Tokenizer => tokenizer::run(data),
            Target::Server => server::run(data),
            Target::Router => router::run(data),
            Target::Redact => redact::run(data),
        }
    }
}

/// The input split at its first `n - 1` NUL bytes into `n` parts (missing parts are empty):
/// how a target that reads several files takes them from one input.
pub(crate) fn parts<const N: usize>(data: &[u8]) -> [&[u8]; N] {
    let mut out = [&data[..0]; N];
    let mut rest = data;
    for (i, slot) in out.iter_mut().enumerate() {
        if i + 1 == N {
            *slot = rest;
            break;
        }
        match rest.iter().position(|&b| b == 0) {
            Some(at) => {
                *slot = &rest[..at];
                rest = &rest[at + 1..];
            }
            None => {
                *slot = rest;
                rest = &rest[rest.len()..];
            }
        }
    }
    out
}

/// Split points in `0..=len`, ascending, drawn from `data` (so the fuzzer steers them).
pub(crate) fn cuts(data: &[u8], len: usize, n: usize) -> Vec<usize> {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        for &b in data.iter().chain(&[i as u8]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        out.push((h % (len as u64 + 1)) as usize);
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_split_at_nul() {
        let [a, b, c] = parts::<3>(b"x\0y\0z\0w");
        assert_eq!((a, b, c), (&b"x"[..], &b"y"[..], &b"z\0w"[..]));
        let [a, b] = parts::<2>(b"only");
        assert_eq!((a, b), (&b"only"[..], &b""[..]));
    }

    #[test]
    fn cuts_stay_in_range() {
        for len in [0, 1, 7, 100] {
            let c = cuts(b"seed", len, 5);
            assert!(c.iter().all(|&x| x <= len) && c.windows(2).all(|w| w[0] <= w[1]));
        }
    }
}
