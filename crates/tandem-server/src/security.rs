//! API keys (from a file, compared in constant time), a per-key request rate limit, and the
//! CORS allowlist. `/healthz` stays open.
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::cors::{AllowHeaders, AllowOrigin, CorsLayer};

use crate::openai::ApiError;
use crate::routes::AppState;

/// Keys from a file: one per line; blank lines and lines starting with `#` are skipped.
pub fn read_keys(path: &Path) -> std::io::Result<Vec<String>> {
    let text = std::fs::read_to_string(path)?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect())
}

/// Equality whose time does not depend on where the inputs differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let n = a.len().max(b.len());
    let mut diff = u8::from(a.len() != b.len());
    for i in 0..n {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        diff |= x ^ y;
    }
    diff == 0
}

/// The key a request presents and whether it is one of `keys` (every key is compared).
fn authorized<'k>(keys: &'k [String], presented: &str) -> Option<&'k str> {
    let mut found = None;
    for k in keys {
        if constant_time_eq(k.as_bytes(), presented.as_bytes()) {
            found = Some(k.as_str());
        }
    }
    found
}

/// A token bucket per client (API key, or "anonymous" without keys): `per_minute` requests,
/// refilled continuously.
pub struct RateLimiter {
    per_minute: u32,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl RateLimiter {
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Ok, or the seconds until a request would be allowed.
    pub fn check(&self, client: &str) -> Result<(), u64> {
        let cap = self.per_minute as f64;
        let rate = cap / 60.0;
        let now = Instant::now();
        let mut b = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let (tokens, last) = b.entry(client.to_string()).or_insert((cap, now));
        *tokens = (*tokens + now.duration_since(*last).as_secs_f64() * rate).min(cap);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - *tokens) / rate).ceil().max(1.0) as u64)
        }
    }
}

fn unauthorized(msg: &str) -> Response {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "invalid_request_error",
        "invalid_api_key",
        msg,
    )
    .into_response()
}

/// Auth, then the rate limit, for every route but `/healthz`.
pub async fn guard(State(s): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    if req.uri().path() == "/healthz" || req.method() == Method::OPTIONS {
        return next.run(req).await;
    }
    let client = match &s.config.api_keys {
        None => "anonymous".to_string(),
        Some(keys) => {
            let presented = req
                .headers()
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(str::trim);
            let Some(p) = presented else {
                return unauthorized("missing API key: send Authorization: Bearer <key>");
            };
            match authorized(keys, p) {
                Some(k) => k.to_string(),
                None => return unauthorized("incorrect API key"),
            }
        }
    };
    if let Some(limiter) = &s.limiter {
        if let Err(wait) = limiter.check(&client) {
            return ApiError {
                retry_after_s: Some(wait),
                ..ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "rate_limit_error",
                    "rate_limit_exceeded",
                    format!(
                        "rate limit of {} requests per minute reached",
                        limiter.per_minute
                    ),
                )
            }
            .into_response();
        }
    }
    next.run(req).await
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_time_eq_is_eq() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
        assert!(!constant_time_eq(b"", b"a"));
        assert!(constant_time_eq(b"", b""));
    }

    #[test]
    fn bucket_allows_the_limit_then_waits() {
        let r = RateLimiter::new(3);
        assert!(r.check("k").is_ok());
        assert!(r.check("k").is_ok());
        assert!(r.check("k").is_ok());
        assert_eq!(r.check("k"), Err(20));
        assert!(r.check("other").is_ok());
    }
}
