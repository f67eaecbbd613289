//! The CORS allowlist, and the check that each `--cors-origin` is one a browser can send.
use std::time::Duration;

use axum::http::{HeaderValue, Method};
use tower_http::cors::{AllowHeaders, AllowOrigin, CorsLayer};

/// CORS for the listed origins only (none listed: no cross-origin access). A preflight from an
/// allowed origin may ask for any request header: the official SDKs send their own
/// (`x-stainless-*`, `openai-organization`, …) besides `authorization` and `content-type`, and the
/// API key, not the header list, is what guards the server. `Retry-After` is exposed so a page
/// can honour a 429.
pub fn cors(origins: &[String]) -> CorsLayer {
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        // Checked at start (`check_origin`): every listed origin parses.
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers(AllowHeaders::mirror_request())
        .expose_headers([axum::http::header::RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

/// A `--cors-origin` as browsers send it (`scheme://host[:port]`, no path), or `*` for any
/// origin; anything else would silently match nothing.
pub fn check_origin(o: &str) -> Result<(), String> {
    if o == "*" {
        return Ok(());
    }
    let bad = |why: &str| format!("--cors-origin {o:?} is not an origin: {why}");
    let u = reqwest::Url::parse(o).map_err(|e| bad(&e.to_string()))?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
        return Err(bad("give scheme://host[:port], e.g. http://localhost:8080"));
    }
    if u.origin().ascii_serialization() != o {
        return Err(bad(&format!(
            "browsers send it as {:?} (no path, no trailing slash)",
            u.origin().ascii_serialization()
        )));
    }
    Ok(())
}
