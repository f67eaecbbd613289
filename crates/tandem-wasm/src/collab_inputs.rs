//! The collaboration policy's inputs from JS (tandem-collab's own serde types: a routing context,
//! a score, token stats, a signal name), parsed from the JSON text of the JS value.
//!
//! JSON text rather than serde-wasm-bindgen's object walk: that walk reads only the fields a
//! struct knows, so `deny_unknown_fields` would never fire, and a misspelt `privacy` key must be
//! an error, never a request that silently leaves the device. Every failure is kind
//! `invalid_input` (tandem-collab's kind for bad arguments).
use serde::de::DeserializeOwned;
use tandem_collab::Signal;

use crate::errors::Failure;

/// `json` (the text of a JS value, `None` for `undefined`) as `T`.
pub fn parse<T: DeserializeOwned>(what: &str, json: Option<&str>) -> Result<T, Failure> {
    let json = json.ok_or_else(|| Failure::new("invalid_input", format!("{what} is missing")))?;
    serde_json::from_str(json).map_err(|e| Failure::new("invalid_input", format!("{what}: {e}")))
}

/// A signal by its snake_case name (`q10`, `mean_entropy`, …).
pub fn signal(name: &str) -> Result<Signal, Failure> {
    name.parse::<Signal>().map_err(Failure::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_collab::{Context, Route, Score, TokenStats};

    #[test]
    fn a_context_with_only_the_required_fields() {
        let c: Context = parse(
            "context",
            Some(r#"{"online":true,"server_available":true}"#),
        )
        .unwrap();
        assert_eq!(c, Context::default());
        let c: Context = parse(
            "context",
            Some(r#"{"online":true,"server_available":true,"privacy":"health","sticky":"server","rtt_ms":null}"#),
        )
        .unwrap();
        assert_eq!(c.privacy.as_deref(), Some("health"));
        assert_eq!(c.sticky, Some(Route::Server));
    }

    #[test]
    fn a_misspelt_key_is_an_error_not_ignored() {
        let e = parse::<Context>(
            "context",
            Some(r#"{"online":true,"server_available":true,"privacey":"health"}"#),
        )
        .unwrap_err();
        assert_eq!(e.kind, "invalid_input");
        assert!(e.message.contains("privacey"), "{}", e.message);
        let e = parse::<Context>("context", Some(r#"{"online":true}"#)).unwrap_err();
        assert!(e.message.contains("server_available"), "{}", e.message);
        assert_eq!(
            parse::<Context>("context", None).unwrap_err().kind,
            "invalid_input"
        );
    }

    #[test]
    fn scores_stats_and_signals() {
        let s: Score = parse(
            "score",
            Some(r#"{"name":"router","value":0.5,"threshold":0.4}"#),
        )
        .unwrap();
        assert_eq!(s.threshold, 0.4);
        // JSON has no NaN: JS's NaN arrives as null, which is not a number.
        assert!(parse::<Score>(
            "score",
            Some(r#"{"name":"r","value":null,"threshold":0.4}"#)
        )
        .is_err());
        let t = TokenStats::from_tokens(&[-1.0], &[0.5]).unwrap();
        let back: TokenStats = parse("stats", Some(&serde_json::to_string(&t).unwrap())).unwrap();
        assert_eq!(back, t);
        assert_eq!(signal("q10").unwrap(), Signal::Q10);
        assert_eq!(signal("Q10").unwrap_err().kind, "invalid_input");
    }
}
