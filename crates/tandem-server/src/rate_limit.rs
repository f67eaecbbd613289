//! A token bucket per client (API key, or "anonymous" without keys).
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

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

    pub fn per_minute(&self) -> u32 {
        self.per_minute
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

#[cfg(test)]
mod tests {
    use super::*;

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
