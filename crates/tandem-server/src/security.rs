//! The guard in front of every endpoint but `/healthz`: API keys (from a file, compared in
//! constant time) and the per-key rate limit (rate_limit.rs).
use std::path::Path;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::openai::ApiError;
use crate::state::AppState;

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
                        limiter.per_minute()
                    ),
                )
            }
            .into_response();
        }
    }
    next.run(req).await
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
}
