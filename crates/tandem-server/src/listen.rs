//! The accept loop (HTTP/1.1 on hyper), written out instead of `axum::serve` because that sets
//! no limit a hostile client respects:
//!
//! - at most `max_connections` connections are open; more wait in the listen backlog;
//! - a request's headers must arrive within `idle_timeout` of the connection being ready for
//!   them (hyper's header-read timer starts when it waits for a request head), so a slowloris
//!   client and a keep-alive connection left idle are both closed;
//! - a client that stops reading blocks a write for at most `stall_timeout`, then its
//!   connection is dropped (and with it the stream feeding its generation);
//! - SIGINT or SIGTERM stops accepting, lets requests in flight finish within `shutdown_grace`,
//!   then closes the streams still open (an error event and `[DONE]`) and returns.
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Semaphore};
use tokio::time::Sleep;

use crate::shutdown::closed;
use crate::state::AppState;

/// Resolves on SIGINT (ctrl-c) or SIGTERM (what containers and systemd send). The handlers are
/// installed when this is called (not when first polled), so a signal that comes while the
/// model loads is not lost to the default action (exit 143). Call it inside the runtime.
pub fn signal() -> impl Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let int = signal(SignalKind::interrupt()).ok();
        let term = signal(SignalKind::terminate()).ok();
        async move {
            let wait = |s: Option<tokio::signal::unix::Signal>| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                _ = wait(int) => {}
                _ = wait(term) => {}
            }
        }
    }
    #[cfg(not(unix))]
    async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// Serves `app` on `listener` until `stop` resolves, then shuts down as the module says.
pub async fn serve(
    listener: TcpListener,
    app: axum::Router,
    state: Arc<AppState>,
    stop: impl Future<Output = ()>,
) -> io::Result<()> {
    let cfg = &state.config;
    let max = cfg.max_connections.clamp(1, u32::MAX as usize) as u32;
    let permits = Arc::new(Semaphore::new(max as usize));
    let mut conns = tokio::task::JoinSet::new();
    let (stopping, stop_rx) = watch::channel(false);
    let conn = ConnLimits {
        idle: cfg.idle_timeout,
        stall: cfg.stall_timeout,
    };
    tokio::pin!(stop);
    loop {
        // Reap finished connections as we go (the set only keeps live ones).
        while conns.try_join_next().is_some() {}
        let permit = tokio::select! {
            p = permits.clone().acquire_owned() => p.map_err(io::Error::other)?,
            _ = &mut stop => break,
        };
        let tcp = tokio::select! {
            r = listener.accept() => match r {
                Ok((tcp, _)) => tcp,
                Err(e) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    eprintln!("tandem-server: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            _ = &mut stop => break,
        };
        // Streamed tokens are small writes: without TCP_NODELAY, Nagle's algorithm holds each
        // one until the client's (delayed) ACK of the previous one arrives.
        if let Err(e) = tcp.set_nodelay(true) {
            eprintln!("tandem-server: cannot set TCP_NODELAY: {e}");
        }
        let app = app.clone();
        let stop_rx = stop_rx.clone();
        conns.spawn(async move {
            connection(tcp, app, stop_rx, conn).await;
            drop(permit);
        });
    }
    eprintln!("tandem-server: stopping: no new connections; requests in flight may finish");
    drop(listener);
    let _ = stopping.send(true);
    let all_closed = || permits.acquire_many(max);
    if tokio::time::timeout(cfg.shutdown_grace, all_closed())
        .await
        .is_err()
    {
        eprintln!("tandem-server: grace period over: closing the streams still open");
        state.close_streams();
        let _ = tokio::time::timeout(Duration::from_secs(2), all_closed()).await;
    }
    // Whatever is left (a half-sent request still inside its header timeout) is cut: nothing
    // outlives `serve`.
    conns.abort_all();
    while conns.join_next().await.is_some() {}
    Ok(())
}

#[derive(Debug, Clone, Copy)]
struct ConnLimits {
    idle: Duration,
    stall: Duration,
}

async fn connection(
    tcp: TcpStream,
    app: axum::Router,
    mut stop: watch::Receiver<bool>,
    limits: ConnLimits,
) {
    let io = TokioIo::new(StallGuard::new(tcp, limits.stall));
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.idle);
    let conn = builder.serve_connection(io, TowerToHyperService::new(app));
    tokio::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => return,
        _ = closed(&mut stop) => {}
    }
    // Finish the request in flight (if any), then close; an idle connection closes at once.
    conn.as_mut().graceful_shutdown();
    let _ = conn.await;
}

/// An IO whose writes fail once one has waited `stall` for the peer to read: a client that
/// never reads its answer is dropped instead of holding the connection (and its generation)
/// forever. Reads are untouched (hyper's header timeout and the request timeout bound them).
pub struct StallGuard<T> {
    io: T,
    stall: Duration,
    waiting: Option<Pin<Box<Sleep>>>,
}

impl<T> StallGuard<T> {
    pub fn new(io: T, stall: Duration) -> Self {
        Self {
            io,
            stall,
            waiting: None,
        }
    }

    /// After the inner IO said Pending: still waiting, or stalled too long.
    fn pending<R>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<R>> {
        let stall = self.stall;
        let timer = self
            .waiting
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(stall)));
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("the client read nothing for {} s", stall.as_secs_f32()),
            ))),
            Poll::Pending => Poll::Pending,
        }
    }

    fn progress<R>(&mut self, p: Poll<io::Result<R>>, cx: &mut Context<'_>) -> Poll<io::Result<R>> {
        match p {
            Poll::Pending => self.pending(cx),
            ready => {
                self.waiting = None;
                ready
            }
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for StallGuard<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for StallGuard<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let p = Pin::new(&mut self.io).poll_write(cx, buf);
        self.progress(p, cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let p = Pin::new(&mut self.io).poll_write_vectored(cx, bufs);
        self.progress(p, cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let p = Pin::new(&mut self.io).poll_flush(cx);
        self.progress(p, cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let p = Pin::new(&mut self.io).poll_shutdown(cx);
        self.progress(p, cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn a_write_the_peer_never_reads_fails_after_the_stall_timeout() {
        let (a, _b) = tokio::io::duplex(64);
        let mut g = StallGuard::new(a, Duration::from_millis(200));
        let t = std::time::Instant::now();
        let e = g.write_all(&[0u8; 4096]).await.unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::TimedOut);
        assert!(t.elapsed() >= Duration::from_millis(200));
        assert!(t.elapsed() < Duration::from_secs(3));
    }

    #[tokio::test]
    async fn a_peer_that_reads_slowly_but_steadily_is_not_dropped() {
        let (a, mut b) = tokio::io::duplex(64);
        let mut g = StallGuard::new(a, Duration::from_secs(2));
        let reader = tokio::spawn(async move {
            let mut buf = [0u8; 64];
            let mut n = 0;
            while n < 2048 {
                tokio::time::sleep(Duration::from_millis(20)).await;
                n += b.read(&mut buf).await.unwrap();
            }
        });
        // 2 KiB through a 64-byte pipe read every 20 ms: over a second in all, never stalled.
        g.write_all(&[1u8; 2048]).await.unwrap();
        reader.await.unwrap();
    }
}
