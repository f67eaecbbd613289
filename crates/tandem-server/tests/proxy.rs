//! Proxy mode over real HTTP. A stand-in upstream (in-process axum) that answers, streams, is
//! slow, fails or is down: each case is the upstream's answer passed through or a clear
//! OpenAI-shaped 502/504 within the timeout, and the proxy stays healthy. The same against
//! llama.cpp's own OpenAI server (`python -m llama_cpp.server`) runs with `--ignored` where
//! llama-cpp-python[server] is installed.
use std::path::PathBuf;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};
use tandem_server::proxy::Upstream;
use tandem_server::{app, ServerConfig};

async fn serve(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    url
}

/// The stand-in upstream: behaviour chosen by the request's `model`.
async fn fake_chat(body: Bytes) -> axum::response::Response {
    let v: Value = serde_json::from_slice(&body).unwrap_or_default();
    match v["model"].as_str().unwrap_or("") {
        "slow" => {
            tokio::time::sleep(Duration::from_secs(10)).await;
            "late".into_response()
        }
        "fail" => (StatusCode::INTERNAL_SERVER_ERROR, "upstream exploded").into_response(),
        _ if v["stream"] == true => (
            [("content-type", "text/event-stream")],
            "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":null}]}\n\ndata: [DONE]\n\n",
        )
            .into_response(),
        _ => axum::Json(json!({
            "id": "up-1", "object": "chat.completion", "created": 0, "model": v["model"],
            "choices": [{ "index": 0, "message": { "role": "assistant", "content": "from upstream" }, "finish_reason": "stop" }],
            "usage": { "prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3 }
        }))
        .into_response(),
    }
}

fn proxy_config(upstream: &str) -> ServerConfig {
    let mut c = ServerConfig::new(PathBuf::from("unused"));
    c.max_tokens_limit = 100;
    c.upstream = Some(Upstream {
        url: upstream.to_string(),
        api_key: Some("sk-upstream".into()),
        timeout: Duration::from_secs(1),
    });
    c
}

fn body(model: &str, stream: bool) -> Value {
    json!({ "model": model, "messages": [{ "role": "user", "content": "hi" }], "max_tokens": 5, "stream": stream })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn proxy_passes_answers_through_and_turns_failures_into_clear_errors() {
    let seen_key = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let k = seen_key.clone();
    let upstream = serve(
        Router::new()
            .route("/v1/chat/completions", post(fake_chat))
            .route(
                "/v1/models",
                get(move |h: axum::http::HeaderMap| async move {
                    *k.lock().unwrap() = h.get("authorization").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
                    axum::Json(json!({ "object": "list", "data": [{ "id": "up-model", "object": "model" }] }))
                }),
            ),
    )
    .await;
    let url = serve(app(proxy_config(&upstream)).unwrap()).await;
    let c = reqwest::Client::new();
    let chat = |b: Value| c.post(format!("{url}/v1/chat/completions")).json(&b).send();

    let v: Value = c
        .get(format!("{url}/v1/models"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["data"][0]["id"], "up-model");
    assert_eq!(*seen_key.lock().unwrap(), "Bearer sk-upstream");

    let r = chat(body("any", false)).await.unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], "from upstream");

    let r = chat(body("any", true)).await.unwrap();
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let text = r.text().await.unwrap();
    assert!(text.contains("\"content\":\"hi\"") && text.trim_end().ends_with("data: [DONE]"));

    // The server's own limits hold before anything is sent upstream.
    let mut b = body("any", false);
    b["max_tokens"] = json!(1000);
    assert_eq!(chat(b).await.unwrap().status(), 400);

    let t = Instant::now();
    let r = chat(body("slow", false)).await.unwrap();
    assert_eq!(r.status(), 504);
    assert!(t.elapsed() < Duration::from_secs(4), "{:?}", t.elapsed());
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "upstream_timeout");

    let r = chat(body("fail", false)).await.unwrap();
    assert_eq!(r.status(), 502);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "upstream_failed");
    assert!(v["error"]["message"]
        .as_str()
        .unwrap()
        .contains("upstream exploded"));

    let r = c
        .post(format!("{url}/v1/verify"))
        .json(&json!({ "prompt_ids": [1], "draft_ids": [2] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 501);

    assert_eq!(
        c.get(format!("{url}/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upstream_that_is_down_is_a_502_at_once() {
    // A port that was free a moment ago: nothing listens there.
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    let url = serve(app(proxy_config(&dead)).unwrap()).await;
    let c = reqwest::Client::new();
    let t = Instant::now();
    let r = c
        .post(format!("{url}/v1/chat/completions"))
        .json(&body("any", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 502);
    assert!(t.elapsed() < Duration::from_secs(4));
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "upstream_unavailable");
    assert_eq!(
        c.get(format!("{url}/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

/// llama.cpp's OpenAI-compatible server on a committed GGUF, behind the proxy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs python -m llama_cpp.server (pip install 'llama-cpp-python[server]'); run with --ignored"]
async fn proxy_in_front_of_llama_cpp_server() {
    let gguf = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../models/tiny/llama-tiny/llama-tiny-q8_0.gguf");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    /// Kills and reaps the server however the test ends.
    struct Kill(std::process::Child);
    impl Drop for Kill {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let _child = Kill(
        std::process::Command::new("python3")
            .args(["-m", "llama_cpp.server", "--model"])
            .arg(&gguf)
            .args([
                "--host",
                "127.0.0.1",
                "--port",
                &port.to_string(),
                "--model_alias",
                "llama-tiny",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("python3 -m llama_cpp.server"),
    );
    let upstream = format!("http://127.0.0.1:{port}");
    let c = reqwest::Client::new();
    let mut up = false;
    for _ in 0..100 {
        if c.get(format!("{upstream}/v1/models")).send().await.is_ok() {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(up, "llama_cpp.server did not start");
    let mut cfg = proxy_config(&upstream);
    cfg.upstream.as_mut().unwrap().timeout = Duration::from_secs(30);
    let url = serve(app(cfg).unwrap()).await;
    let b = json!({ "model": "llama-tiny", "messages": [{ "role": "user", "content": "Hello" }], "max_tokens": 8, "temperature": 0 });
    let direct: Value = c
        .post(format!("{upstream}/v1/chat/completions"))
        .json(&b)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let via: Value = c
        .post(format!("{url}/v1/chat/completions"))
        .json(&b)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(via["object"], "chat.completion");
    assert_eq!(
        via["choices"][0]["message"]["content"],
        direct["choices"][0]["message"]["content"]
    );
    let mut s = b.clone();
    s["stream"] = json!(true);
    let text = c
        .post(format!("{url}/v1/chat/completions"))
        .json(&s)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let data: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .collect();
    assert_eq!(*data.last().unwrap(), "[DONE]");
    let streamed: String = data[..data.len() - 1]
        .iter()
        .map(|d| serde_json::from_str::<Value>(d).unwrap())
        .filter_map(|c| {
            c["choices"][0]["delta"]["content"]
                .as_str()
                .map(String::from)
        })
        .collect();
    assert_eq!(
        streamed,
        direct["choices"][0]["message"]["content"].as_str().unwrap()
    );
}
