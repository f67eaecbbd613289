//! The server as a careless or hostile client finds it (issue 12): percent-encoded paths
//! through the proxy, slowloris connections, upstreams that stall or never stop, browsers'
//! CORS preflights, unseeded sampling, content-part arrays, the framework's own errors,
//! stopping with requests in flight, and a client that never reads its stream. Each test failed
//! before its fix.
mod common;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, post};
use axum::Router;
use common::{demo, demo_config, health, post_json, proxy_config, serve, sse_chunks, sse_text};
use futures_util::StreamExt;
use serde_json::{json, Value};
use tandem_server::{app, app_with_state, ServerConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn embedded() -> ServerConfig {
    let mut c = demo_config();
    c.backend = tandem_engine::BackendChoice::Cpu;
    c
}

/// Serves the app for `cfg` through the server's own accept loop (the one `tandem serve` runs)
/// until `stop` fires; returns the base URL and the serve task.
async fn listen(
    cfg: ServerConfig,
) -> (
    String,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<std::io::Result<()>>,
) {
    let (app, state) = app_with_state(cfg).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(tandem_server::listen::serve(listener, app, state, async {
        let _ = rx.await;
    }));
    (url, tx, task)
}

fn host(url: &str) -> &str {
    url.trim_start_matches("http://")
}

/// Sends `request` as raw bytes (no client normalises its path) and reads the answer until the
/// server closes or 5 s pass.
async fn raw(url: &str, request: &str) -> String {
    let mut s = TcpStream::connect(host(url)).await.unwrap();
    s.write_all(request.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), s.read_to_end(&mut out)).await;
    String::from_utf8_lossy(&out).into_owned()
}

fn status_of(answer: &str) -> u16 {
    answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// An upstream that records every request (method, path as received, authorization) and
/// answers 200 JSON.
async fn recording_upstream() -> (String, Arc<Mutex<Vec<(String, String)>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    let url = serve(
        Router::new().fallback(any(move |uri: Uri, h: HeaderMap, body: Bytes| {
            let s = s.clone();
            async move {
                let auth = h
                    .get("authorization")
                    .map(|v| v.to_str().unwrap().to_string())
                    .unwrap_or_default();
                s.lock().unwrap().push((uri.to_string(), auth));
                let v: Value = serde_json::from_slice(&body).unwrap_or_default();
                if v["redirect"] == true {
                    return (
                        axum::http::StatusCode::TEMPORARY_REDIRECT,
                        [("location", "/admin")],
                    )
                        .into_response();
                }
                if v["limited"] == true {
                    return (
                        axum::http::StatusCode::TOO_MANY_REQUESTS,
                        [
                            ("retry-after", "7"),
                            ("x-ratelimit-remaining-requests", "0"),
                        ],
                        axum::Json(json!({ "error": { "message": "slow down" } })),
                    )
                        .into_response();
                }
                axum::Json(json!({ "path": uri.path(), "echo": v })).into_response()
            }
        })),
    )
    .await;
    (url, seen)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn encoded_dot_segments_never_reach_the_upstream_with_its_key() {
    let (upstream, seen) = recording_upstream().await;
    let url = serve(app(proxy_config(&upstream)).unwrap()).await;
    let escapes = [
        "/v1/%2e%2e/admin",
        "/v1/.%2e/slots",
        "/v1/%2E%2E/admin",
        "/v1/models/%2e%2e/%2e%2e/props",
        "/v1/%252e%252e/admin",
        "/v1/completions/%2e%2e/%2e%2e/admin",
        "/v1/completions/../../admin",
        "/v1//admin",
        "/v1/%2fadmin",
        "/v1/%5c..%5cadmin",
        "/v1/props",
        "/v1/completions%00",
    ];
    for path in escapes {
        let a = raw(
            &url,
            &format!("POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"),
        )
        .await;
        assert!(
            [400, 404].contains(&status_of(&a)),
            "{path} was answered: {a}"
        );
        assert!(a.contains("\"error\""), "{a}");
    }
    assert!(
        seen.lock().unwrap().is_empty(),
        "forwarded: {:?}",
        seen.lock().unwrap()
    );
    // The endpoints that are passed through still are, in their final form, with the key.
    let a = raw(&url, "POST /v1/completions?x=1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}").await;
    assert_eq!(status_of(&a), 200, "{a}");
    let a = raw(
        &url,
        "GET /v1/models/org%2Fname HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert_eq!(status_of(&a), 200, "{a}");
    // Only the method each endpoint takes: no DELETE of a model with the operator's key.
    for (method, path) in [("DELETE", "/v1/models/ft-mine"), ("GET", "/v1/completions")] {
        let a = raw(
            &url,
            &format!("{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
        )
        .await;
        assert_eq!(status_of(&a), 405, "{method} {path}: {a}");
    }
    // A redirect is passed back, not followed (it would carry the key to an unchecked path).
    let c = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = c
        .post(format!("{url}/v1/completions"))
        .json(&json!({ "redirect": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 307);
    // The operator's token limit holds on every endpoint, under each one's name for it.
    for (path, key) in [
        ("/v1/completions", "max_tokens"),
        ("/v1/responses", "max_output_tokens"),
    ] {
        let r = c
            .post(format!("{url}{path}"))
            .json(&json!({ key: 100_000 }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{path}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["error"]["param"], key);
    }
    // The upstream's rate-limit headers reach the client.
    let r = c
        .post(format!("{url}/v1/completions"))
        .json(&json!({ "limited": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "7");
    assert_eq!(r.headers()["x-ratelimit-remaining-requests"], "0");
    let seen: Vec<(String, String)> = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|(p, _)| !p.starts_with("/v1/completions") || p.contains("x=1"))
        .cloned()
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                "/v1/completions?x=1".to_string(),
                "Bearer sk-upstream".to_string()
            ),
            (
                "/v1/models/org/name".to_string(),
                "Bearer sk-upstream".to_string()
            ),
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slowloris_connections_are_closed_and_do_not_starve_others() {
    let mut cfg = proxy_config("http://127.0.0.1:9");
    cfg.idle_timeout = Duration::from_secs(1);
    cfg.max_connections = 3;
    cfg.shutdown_grace = Duration::from_secs(1);
    let (url, stop, task) = listen(cfg).await;
    // Three connections (the cap) sending one header byte every 300 ms.
    let header = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
    let mut slow = Vec::new();
    for _ in 0..3 {
        let u = url.clone();
        slow.push(tokio::spawn(async move {
            let t = Instant::now();
            let mut s = TcpStream::connect(host(&u)).await.unwrap();
            for b in header {
                if s.write_all(&[*b]).await.is_err() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(300)).await;
                let mut buf = [0u8; 256];
                // Closed by the server: a read returns 0 or an error at once.
                if let Ok(Ok(0) | Err(_)) =
                    tokio::time::timeout(Duration::from_millis(1), s.read(&mut buf)).await
                {
                    break;
                }
            }
            t.elapsed()
        }));
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    // A real client gets through once the slow ones are dropped (1 s idle timeout).
    let t = Instant::now();
    let c = reqwest::Client::new();
    assert_eq!(health(&c, &url).await, 200);
    assert!(t.elapsed() < Duration::from_secs(8), "{:?}", t.elapsed());
    for s in slow {
        let held = s.await.unwrap();
        assert!(held < Duration::from_secs(8), "held {held:?}");
    }
    // A keep-alive connection left idle is closed too.
    let mut s = TcpStream::connect(host(&url)).await.unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let mut buf = vec![0u8; 4096];
    let n = s.read(&mut buf).await.unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
    let t = Instant::now();
    let n = tokio::time::timeout(Duration::from_secs(10), s.read(&mut buf))
        .await
        .expect("the idle connection is closed")
        .unwrap_or(0);
    assert_eq!(n, 0);
    assert!(t.elapsed() < Duration::from_secs(6));

    // A body that stops half-way is dropped after the idle timeout, not the request timeout.
    let mut s = TcpStream::connect(host(&url)).await.unwrap();
    s.write_all(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"messages\":")
        .await
        .unwrap();
    let t = Instant::now();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), s.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(t.elapsed() < Duration::from_secs(8), "{:?}", t.elapsed());
    assert!(answer.starts_with("HTTP/1.1 4"), "{answer}");
    assert!(answer.contains("\"error\""), "{answer}");

    // Stopping with a half-sent request open: the server still returns within its bound.
    let mut half = TcpStream::connect(host(&url)).await.unwrap();
    half.write_all(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Le")
        .await
        .unwrap();
    let t = Instant::now();
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), task)
        .await
        .expect("the server stops within its grace period")
        .unwrap()
        .unwrap();
    assert!(t.elapsed() < Duration::from_secs(10));
}

/// An upstream whose answers misbehave: headers then silence, an endless stream, a huge body.
async fn bad_upstream() -> String {
    async fn chat(body: Bytes) -> Response {
        let v: Value = serde_json::from_slice(&body).unwrap_or_default();
        match v["model"].as_str().unwrap_or("") {
            "silent" => {
                let s = futures_util::stream::pending::<Result<Bytes, std::io::Error>>();
                ([("content-type", "application/json")], Body::from_stream(s)).into_response()
            }
            "endless" => {
                let s = futures_util::stream::repeat(()).then(|_| async {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    Ok::<_, std::io::Error>(Bytes::from_static(
                        b"data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}\n\n",
                    ))
                });
                (
                    [("content-type", "text/event-stream")],
                    Body::from_stream(s),
                )
                    .into_response()
            }
            "half" => {
                // One event's line without its blank line, then silence.
                let s = futures_util::stream::once(async {
                    Ok::<_, std::io::Error>(Bytes::from_static(b"data: {\"choices\":[]}\n"))
                })
                .chain(futures_util::stream::pending());
                (
                    [("content-type", "text/event-stream")],
                    Body::from_stream(s),
                )
                    .into_response()
            }
            "huge" => {
                let s = futures_util::stream::repeat(())
                    .take(4096)
                    .map(|_| Ok::<_, std::io::Error>(Bytes::from(vec![b' '; 1024])));
                ([("content-type", "application/json")], Body::from_stream(s)).into_response()
            }
            _ => axum::Json(json!({ "echo": v })).into_response(),
        }
    }
    serve(Router::new().route("/v1/chat/completions", post(chat))).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upstream_answers_are_bounded_in_time_and_size() {
    let upstream = bad_upstream().await;
    let mut cfg = proxy_config(&upstream);
    cfg.upstream_max_time = Duration::from_secs(3);
    cfg.max_upstream_bytes = 1 << 20;
    cfg.shutdown_grace = Duration::from_millis(500);
    let (url, stop, task) = listen(cfg).await;
    let c = reqwest::Client::new();
    let chat = |model: &str, stream: bool| {
        c.post(format!("{url}/v1/chat/completions"))
            .json(&json!({ "model": model, "messages": [{ "role": "user", "content": "hi" }], "stream": stream }))
            .send()
    };
    // 200 headers, then nothing: a clean 504 after the upstream timeout (1 s).
    let t = Instant::now();
    let r = chat("silent", false).await.unwrap();
    assert_eq!(r.status(), 504);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "upstream_timeout", "{v}");
    assert!(t.elapsed() < Duration::from_secs(6), "{:?}", t.elapsed());
    // Over the size bound: 502, not 4 MiB relayed.
    let r = chat("huge", false).await.unwrap();
    assert_eq!(r.status(), 502);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "upstream_too_large", "{v}");
    // An endless stream ends at the total bound (3 s) with an error event and [DONE].
    let t = Instant::now();
    let text = chat("endless", true).await.unwrap().text().await.unwrap();
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    let chunks = sse_chunks(&text);
    assert_eq!(chunks.last().unwrap()["error"]["code"], "upstream_timeout");
    assert!(sse_text(&chunks).starts_with("xxx"));
    // A stream cut mid-event: the error is an event of its own, not glued to the half one.
    let text = chat("half", true).await.unwrap().text().await.unwrap();
    assert!(
        text.starts_with("data: {\"choices\":[]}\n\ndata: {\"error\""),
        "{text}"
    );

    // Stopping while an endless stream is relayed: the stream is closed cleanly, the server
    // returns.
    let r = chat("endless", true).await.unwrap();
    let reading = tokio::spawn(async move { r.text().await.unwrap() });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let t = Instant::now();
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(8), task)
        .await
        .expect("the server stops")
        .unwrap()
        .unwrap();
    assert!(t.elapsed() < Duration::from_secs(8));
    let text = reading.await.unwrap();
    let chunks = sse_chunks(&text);
    assert_eq!(
        chunks.last().unwrap()["error"]["code"],
        "server_shutting_down"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cors_lets_the_official_sdks_through_and_exposes_retry_after() {
    let mut cfg = embedded();
    cfg.rate_limit_per_minute = Some(1);
    let url = serve(app(cfg).unwrap()).await;
    let c = reqwest::Client::new();
    let sdk_headers = "authorization,content-type,x-stainless-arch,x-stainless-lang,x-stainless-os,x-stainless-package-version,x-stainless-retry-count,x-stainless-runtime,x-stainless-runtime-version,x-stainless-timeout";
    let r = c
        .request(
            reqwest::Method::OPTIONS,
            format!("{url}/v1/chat/completions"),
        )
        .header("origin", "http://127.0.0.1:8080")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", sdk_headers)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let allowed = r.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    for h in sdk_headers.split(',') {
        assert!(allowed.contains(h), "{h} not in {allowed}");
    }
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "http://127.0.0.1:8080"
    );
    // Another origin gets no CORS grant.
    let r = c
        .request(
            reqwest::Method::OPTIONS,
            format!("{url}/v1/chat/completions"),
        )
        .header("origin", "http://evil.example")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", sdk_headers)
        .send()
        .await
        .unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());
    // A 429 shows its Retry-After to the page.
    let models = || {
        c.get(format!("{url}/v1/models"))
            .header("origin", "http://127.0.0.1:8080")
            .send()
    };
    assert_eq!(models().await.unwrap().status(), 200);
    let r = models().await.unwrap();
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
    let exposed = r.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(exposed.contains("retry-after"), "{exposed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sampling_without_a_seed_is_random_and_with_one_reproducible() {
    let url = serve(app(embedded()).unwrap()).await;
    let c = reqwest::Client::new();
    let ask = |seed: Option<u64>| {
        let mut b = json!({ "messages": [{ "role": "user", "content": "The Licensor" }],
                            "max_tokens": 24, "temperature": 1.0 });
        if let Some(s) = seed {
            b["seed"] = json!(s);
        }
        let c = c.clone();
        let url = url.clone();
        async move {
            let v = post_json(&c, &format!("{url}/v1/chat/completions"), &b).await;
            v["choices"][0]["message"]["content"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    let mut unseeded = std::collections::HashSet::new();
    for _ in 0..6 {
        unseeded.insert(ask(None).await);
    }
    assert!(
        unseeded.len() >= 2,
        "6 unseeded answers, {} distinct",
        unseeded.len()
    );
    assert_eq!(ask(Some(7)).await, ask(Some(7)).await);
}

/// The verifier at temperature 1 without a seed is lossless: a draft token is accepted at the
/// rate of its probability under the model (before the fix, one fixed uniform made it all or
/// nothing).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unseeded_verification_accepts_a_draft_at_its_probability() {
    let m = tandem_core::load(&demo()).unwrap();
    let prompt = m
        .tokenizer()
        .unwrap()
        .encode("The Licensor grants You a", true)
        .unwrap();
    let mut cache = m.model.new_cache();
    let logits: Vec<f32> = m
        .model
        .forward(&prompt, &mut cache, tandem_core::Logits::Last)
        .unwrap()
        .flatten_all()
        .unwrap()
        .to_vec1()
        .unwrap();
    let max = logits.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    let z: f32 = logits.iter().map(|l| (l - max).exp()).sum();
    let p: Vec<f32> = logits.iter().map(|l| (l - max).exp() / z).collect();
    // The token whose probability is closest to 1/2.
    let (draft, pd) = p
        .iter()
        .enumerate()
        .min_by(|a, b| (a.1 - 0.5).abs().total_cmp(&(b.1 - 0.5).abs()))
        .map(|(i, &q)| (i as u32, q))
        .unwrap();
    assert!(
        (0.1..0.9).contains(&pd),
        "no token of moderate probability: {pd}"
    );
    let url = serve(app(embedded()).unwrap()).await;
    let c = reqwest::Client::new();
    let n = 60;
    let mut accepted = 0;
    for _ in 0..n {
        let v = post_json(
            &c,
            &format!("{url}/v1/verify"),
            &json!({ "prompt_ids": prompt, "draft_ids": [draft], "temperature": 1.0 }),
        )
        .await;
        accepted += v["accepted"].as_u64().unwrap();
    }
    assert!(
        accepted > 0 && accepted < n,
        "accepted {accepted}/{n}, p = {pd}"
    );
    let rate = accepted as f32 / n as f32;
    // Binomial(60, p): 4.5 standard deviations either side.
    let sd = (pd * (1.0 - pd) / n as f32).sqrt();
    assert!(
        (rate - pd).abs() < 4.5 * sd + 0.02,
        "accepted {accepted}/{n}, p = {pd}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn content_part_arrays_are_read_as_text() {
    let url = serve(app(embedded()).unwrap()).await;
    let c = reqwest::Client::new();
    let chat = |content: Value| {
        json!({ "messages": [{ "role": "system", "content": null },
                             { "role": "user", "content": content }],
                "max_tokens": 12, "temperature": 0 })
    };
    let plain = post_json(
        &c,
        &format!("{url}/v1/chat/completions"),
        &chat(json!("The Licensor grants You")),
    )
    .await;
    let parts = post_json(
        &c,
        &format!("{url}/v1/chat/completions"),
        &chat(json!([{ "type": "text", "text": "The Licensor grants You" }])),
    )
    .await;
    assert_eq!(
        parts["choices"][0]["message"]["content"], plain["choices"][0]["message"]["content"],
        "{parts}"
    );
    let image = json!([{ "type": "text", "text": "what is this?" },
                       { "type": "image_url", "image_url": { "url": "data:image/png;base64,AAAA" } }]);
    let r = c
        .post(format!("{url}/v1/chat/completions"))
        .json(&chat(image))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["param"], "messages");
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("image_url"));
    // /v1/verify reads them too.
    let v = post_json(
        &c,
        &format!("{url}/v1/verify"),
        &json!({ "messages": [{ "role": "user", "content": [{ "type": "text", "text": "hi" }] }],
                 "draft_ids": [5] }),
    )
    .await;
    assert_eq!(v["object"], "verification", "{v}");

    // Through the proxy the upstream judges: parts, images and n > 1 are passed as sent.
    let (upstream, _) = recording_upstream().await;
    let purl = serve(app(proxy_config(&upstream)).unwrap()).await;
    let body = json!({ "model": "up", "n": 2, "max_tokens": 5,
                       "messages": [{ "role": "user", "content": [
                           { "type": "text", "text": "hi" },
                           { "type": "image_url", "image_url": { "url": "https://example.com/a.png" } }] }] });
    let r = c
        .post(format!("{purl}/v1/chat/completions"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["echo"], body);
    // The operator's max_tokens limit still holds there.
    let r = c
        .post(format!("{purl}/v1/chat/completions"))
        .json(&json!({ "model": "up", "max_tokens": 1000, "messages": [] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["param"], "max_tokens");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_frameworks_own_errors_are_openai_shaped() {
    let mut cfg = embedded();
    cfg.request_timeout = Duration::from_secs(1);
    // A small limit, so the oversized body fits the socket buffers: the client finishes writing
    // before the server answers and closes (a multi-MiB body races that close).
    cfg.max_body_bytes = 4096;
    let (app, state) = app_with_state(cfg).unwrap();
    let url = serve(app).await;
    let c = reqwest::Client::new();
    let shaped = |v: &Value, code: &str| {
        assert_eq!(v["error"]["code"], code, "{v}");
        assert!(v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
        assert!(v["error"]["type"].is_string());
    };
    // Over the body limit: 413 as JSON.
    let big = format!("{{\"messages\": \"{}\"}}", "x".repeat(20_000));
    let r = c
        .post(format!("{url}/v1/chat/completions"))
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    shaped(&r.json().await.unwrap(), "request_too_large");
    // A wrong method: 405 as JSON, with Allow.
    let r = c
        .get(format!("{url}/v1/chat/completions"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
    assert!(r.headers().contains_key("allow"));
    shaped(&r.json().await.unwrap(), "method_not_allowed");
    // The request timeout: 504 as JSON (the model thread is held busy).
    let engine = match &state.backend {
        tandem_server::state::Backend::Embedded(e) => e.clone(),
        _ => unreachable!(),
    };
    let hold = tokio::task::spawn_blocking(move || engine.hold().unwrap())
        .await
        .unwrap();
    let r = c
        .post(format!("{url}/v1/chat/completions"))
        .json(&json!({ "messages": [{ "role": "user", "content": "hi" }], "max_tokens": 4 }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 504);
    shaped(&r.json().await.unwrap(), "timeout");
    drop(hold);
    // `"stream": null` is the same as absent.
    let r = c
        .post(format!("{url}/v1/chat/completions"))
        .json(
            &json!({ "messages": [{ "role": "user", "content": "hi" }], "max_tokens": 4,
                       "stream": null, "stream_options": null, "seed": null }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // A bad prompt id is named as such.
    let v = post_json(
        &c,
        &format!("{url}/v1/verify"),
        &json!({ "prompt_ids": [1, 99999], "draft_ids": [5] }),
    )
    .await;
    assert_eq!(v["error"]["param"], "prompt_ids", "{v}");
    let v = post_json(
        &c,
        &format!("{url}/v1/verify"),
        &json!({ "prompt_ids": [1, 2], "draft_ids": [99999] }),
    )
    .await;
    assert_eq!(v["error"]["param"], "draft_ids", "{v}");
    assert_eq!(health(&c, &url).await, 200);
}

#[test]
fn settings_that_make_a_server_useless_are_refused() {
    let base = || ServerConfig::new(demo());
    let cases: Vec<(&str, ServerConfig)> = vec![
        ("--rate-limit", {
            let mut c = base();
            c.rate_limit_per_minute = Some(0);
            c
        }),
        ("--timeout-s", {
            let mut c = base();
            c.request_timeout = Duration::ZERO;
            c
        }),
        ("--max-body-bytes", {
            let mut c = base();
            c.max_body_bytes = 0;
            c
        }),
        ("--max-tokens-limit", {
            let mut c = base();
            c.max_tokens_limit = 0;
            c
        }),
        ("--upstream", proxy_config("not a url")),
        ("--upstream", proxy_config("ftp://127.0.0.1:21")),
        (
            "--upstream",
            proxy_config("http://user:secret@127.0.0.1:8001"),
        ),
        ("--cors-origin", {
            let mut c = base();
            c.cors_origins = vec!["localhost:8080".into()];
            c
        }),
        ("--cors-origin", {
            let mut c = base();
            c.cors_origins = vec!["http://localhost:8080/".into()];
            c
        }),
        ("--upstream-timeout-s", {
            let mut c = proxy_config("http://127.0.0.1:8001");
            if let Some(u) = c.upstream.as_mut() {
                u.timeout = Duration::ZERO;
            }
            c
        }),
    ];
    for (flag, cfg) in cases {
        match app(cfg) {
            Err(tandem_server::ServerError::Config(m)) => assert!(m.contains(flag), "{m}"),
            Err(e) => panic!("{flag}: {e}"),
            Ok(_) => panic!("{flag}: accepted"),
        }
    }
}

/// A client that opens a stream and never reads: the model thread is not held by it (its
/// answer fits its channel) and serves the next request at once. (Its connection is dropped by
/// the stall timeout: `listen::tests`.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_never_reads_does_not_hold_the_model_thread() {
    use tandem_server::engine::EngineHandle;
    use tandem_server::jobs::{Event, Job};
    let tiny = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/tiny/llama-tiny");
    let engine = EngineHandle::spawn_cpu(&tiny, 4).unwrap();
    let job = |n: u64| Job {
        messages: vec![tandem_core::ChatMessage::new("user", "hello")],
        request: tandem_core::RequestParams {
            max_tokens: Some(n),
            ignore_eos: Some(true),
            ..Default::default()
        }
        .validate(&tandem_core::Limits {
            default_max_tokens: 16,
            max_tokens: 1000,
        })
        .unwrap(),
    };
    // More tokens than the channel holds (64), and nobody reads them.
    let _unread = engine.submit(job(200)).unwrap();
    let mut next = engine.submit(job(2)).unwrap();
    let t = Instant::now();
    let first = tokio::time::timeout(Duration::from_secs(10), next.recv())
        .await
        .expect("the model thread moved on");
    assert!(matches!(first, Some(Event::Started { .. })), "{first:?}");
    assert!(t.elapsed() < Duration::from_secs(10));
}
