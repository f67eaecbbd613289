//! Closing streams when the server stops. After SIGINT/SIGTERM, requests in flight get the grace
//! period to finish; then every stream still open (embedded or proxied) ends with an error event
//! and `data: [DONE]`, so no client is left with a cut stream and no endless upstream keeps the
//! process alive.
use axum::http::StatusCode;
use futures_util::stream::{self, Stream, StreamExt};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::sync::watch;

use crate::openai::ApiError;

/// Resolves once the server tells streams to close; never, if it cannot any more.
pub async fn closed(rx: &mut watch::Receiver<bool>) {
    if rx.wait_for(|&c| c).await.is_err() {
        std::future::pending::<()>().await;
    }
}

/// What a stream closed by the server's stop says last.
pub fn closing_error() -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "server_error",
        "server_shutting_down",
        "the server is shutting down; the answer was cut here",
    )
}

/// `s` until the server closes streams; then `farewell()` and the end. (A stream that ends by
/// itself first ends as it would.)
pub fn until_closing<S, T, F>(
    s: S,
    mut closing: watch::Receiver<bool>,
    farewell: F,
) -> impl Stream<Item = T>
where
    S: Stream<Item = T>,
    F: FnOnce() -> Vec<T>,
{
    let cut = Arc::new(AtomicBool::new(false));
    let flag = cut.clone();
    let stop = async move {
        closed(&mut closing).await;
        flag.store(true, Ordering::Release);
    };
    let tail = stream::once(async move {
        if cut.load(Ordering::Acquire) {
            farewell()
        } else {
            Vec::new()
        }
    })
    .flat_map(stream::iter);
    s.take_until(Box::pin(stop)).chain(tail)
}
