//! Proxy mode over real HTTP. A stand-in upstream (in-process axum) that answers, streams, is
//! slow, fails or is down: each case is the upstream's answer passed through or a clear
//! OpenAI-shaped 502/504 within the timeout, and the proxy stays healthy. The same against
//! llama.cpp's own OpenAI server (`python -m llama_cpp.server`) runs with `--ignored` where
//! llama-cpp-python[server] is installed (scripts/test.sh installs it and runs it).
//!
//! `/v1/verify` through an upstream speaks vLLM's protocol (`prompt_logprobs`,
//! `return_tokens_as_token_ids`, `/tokenize`). vLLM itself does not run here (it needs a GPU
//! or a source build), so a stand-in that answers in vLLM's shapes from tandem-core's logits
//! checks that a proxied verification equals the embedded verifier on the same model.
mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use common::{demo, health, post_json, proxy_config, serve, sse_chunks, sse_text};
use serde_json::{json, Value};
use tandem_server::upstream_verify;
use tandem_server::{app, ServerConfig};

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
    assert_eq!(sse_text(&sse_chunks(&text)), "hi");

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

    // Verification needs vLLM's /v1/completions extensions; this upstream has no such route.
    let verify = |b: Value| c.post(format!("{url}/v1/verify")).json(&b).send();
    let r = verify(json!({ "model": "any", "prompt_ids": [1], "draft_ids": [2] }))
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "upstream_rejected", "{v}");
    // Only greedy verification works through an upstream; the upstream model must be named.
    let r =
        verify(json!({ "model": "any", "prompt_ids": [1], "draft_ids": [2], "temperature": 0.7 }))
            .await
            .unwrap();
    assert_eq!(r.status(), 501);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "verify_sampling_unsupported_upstream");
    let r = verify(json!({ "prompt_ids": [1], "draft_ids": [2] }))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);

    assert_eq!(health(&c, &url).await, 200);
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
    assert_eq!(health(&c, &url).await, 200);
}

/// llama.cpp's OpenAI-compatible server on a committed GGUF, behind the proxy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs llama.cpp's server: scripts/test.sh runs it (TANDEM_LLAMA_SERVER_PYTHON=$(scripts/setup-llama-server.sh))"]
async fn proxy_in_front_of_llama_cpp_server() {
    // scripts/test.sh points this at the venv of scripts/setup-llama-server.sh.
    let python = std::env::var("TANDEM_LLAMA_SERVER_PYTHON").unwrap_or_else(|_| "python3".into());
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
    let child = Kill(
        std::process::Command::new(&python)
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
            .unwrap_or_else(|e| panic!("{python} -m llama_cpp.server: {e}")),
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
    let direct: Value = post_json(&c, &format!("{upstream}/v1/chat/completions"), &b).await;
    let via: Value = post_json(&c, &format!("{url}/v1/chat/completions"), &b).await;
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
    assert_eq!(
        sse_text(&sse_chunks(&text)),
        direct["choices"][0]["message"]["content"].as_str().unwrap()
    );
    // llama.cpp's server cannot score a given continuation (no prompt_logprobs, no token-id
    // prompts): verification through it is a clear error, and both servers stay up.
    let r = c
        .post(format!("{url}/v1/verify"))
        .json(&json!({ "model": "llama-tiny", "prompt_ids": [1, 20, 30], "draft_ids": [40] }))
        .send()
        .await
        .unwrap();
    assert!(
        r.status() == 502 || r.status().is_client_error(),
        "{}",
        r.status()
    );
    let v: Value = r.json().await.unwrap();
    assert!(
        v["error"]["message"].as_str().unwrap().contains(&upstream),
        "{v}"
    );
    let v: Value = post_json(&c, &format!("{url}/v1/chat/completions"), &b).await;
    assert_eq!(
        v["choices"][0]["message"]["content"],
        direct["choices"][0]["message"]["content"]
    );
    // llama.cpp's server goes away: a 502 at once, and the proxy stays healthy.
    drop(child);
    let t = Instant::now();
    let r = c
        .post(format!("{url}/v1/chat/completions"))
        .json(&b)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 502);
    assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "upstream_unavailable", "{v}");
    assert_eq!(health(&c, &url).await, 200);
}

/// vLLM's `/v1/completions` answer for a scoring request, from tandem-core's logits: per prompt
/// position the actual token and the rank-1 token (`prompt_logprobs: 1`), then one greedy token
/// as `token_id:N` (`return_tokens_as_token_ids`).
fn vllm_completion(m: &tandem_core::LoadedModel, req: &Value) -> Value {
    // vLLM lists the K likeliest tokens of each position, ranked, plus the token there.
    let k = req["prompt_logprobs"].as_u64().unwrap() as usize;
    assert!(k >= 1 && req["logprobs"] == k, "{req}");
    assert_eq!(req["return_tokens_as_token_ids"], true);
    assert_eq!(req["max_tokens"], 1);
    assert_eq!(req["temperature"], 0);
    let ids: Vec<u32> = req["prompt"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as u32)
        .collect();
    let mut cache = m.model.new_cache();
    let rows = m
        .model
        .forward(&ids, &mut cache, tandem_core::Logits::All)
        .unwrap()
        .to_vec2::<f32>()
        .unwrap();
    let log_softmax = |row: &[f32]| -> Vec<f32> {
        let max = row.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b));
        let lse = row
            .iter()
            .map(|&x| ((x - max) as f64).exp())
            .sum::<f64>()
            .ln() as f32
            + max;
        row.iter().map(|&x| x - lse).collect()
    };
    let mut prompt_logprobs = vec![Value::Null];
    for j in 1..ids.len() {
        let ls = log_softmax(&rows[j - 1]);
        let best = tandem_core::sampling::argmax(&rows[j - 1]);
        let lp = ls[ids[j] as usize];
        let rank = 1 + ls.iter().filter(|&&x| x > lp).count();
        let mut e = serde_json::Map::new();
        e.insert(
            ids[j].to_string(),
            json!({ "logprob": lp, "rank": rank, "decoded_token": "?" }),
        );
        for (r, t) in tandem_core::sampling::top_logprobs(&rows[j - 1], k)
            .iter()
            .enumerate()
        {
            e.insert(
                t.id.to_string(),
                json!({ "logprob": t.logprob, "rank": r + 1, "decoded_token": "?" }),
            );
        }
        assert!(e.contains_key(&best.to_string()));
        prompt_logprobs.push(Value::Object(e));
    }
    let last = &rows[ids.len() - 1];
    let g = tandem_core::sampling::argmax(last);
    let glp = log_softmax(last)[g as usize];
    let after: serde_json::Map<String, Value> = tandem_core::sampling::top_logprobs(last, k)
        .iter()
        .map(|t| (format!("token_id:{}", t.id), json!(t.logprob)))
        .collect();
    json!({
        "id": "cmpl-standin", "object": "text_completion", "created": 0, "model": req["model"],
        "choices": [{ "index": 0, "text": "?", "finish_reason": "length", "stop_reason": null,
            "logprobs": { "text_offset": [0], "token_logprobs": [glp],
                "tokens": [format!("token_id:{g}")], "top_logprobs": [after] },
            "prompt_logprobs": prompt_logprobs }],
        "usage": { "prompt_tokens": ids.len(), "completion_tokens": 1, "total_tokens": ids.len() + 1 }
    })
}

/// vLLM's `/tokenize` for chat messages: the model's template with the generation prompt.
fn vllm_tokenize(m: &tandem_core::LoadedModel, req: &Value) -> Value {
    assert_eq!(req["add_generation_prompt"], true);
    let msgs: Vec<tandem_core::ChatMessage> = req["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            tandem_core::ChatMessage::new(
                x["role"].as_str().unwrap(),
                x["content"].as_str().unwrap(),
            )
        })
        .collect();
    let tokens = m.text.prompt_ids(&msgs).unwrap();
    json!({ "count": tokens.len(), "max_model_len": m.config().max_position_embeddings, "tokens": tokens })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_through_a_vllm_style_upstream_equals_the_embedded_verifier() {
    let m = std::sync::Arc::new(tandem_core::load(&demo()).unwrap());
    let (m1, m2) = (m.clone(), m.clone());
    let upstream = serve(
        Router::new()
            .route(
                "/v1/completions",
                post(move |axum::Json(b): axum::Json<Value>| async move {
                    axum::Json(vllm_completion(&m1, &b))
                }),
            )
            .route(
                "/tokenize",
                post(move |axum::Json(b): axum::Json<Value>| async move {
                    axum::Json(vllm_tokenize(&m2, &b))
                }),
            ),
    )
    .await;
    let proxied = serve(app(proxy_config(&upstream)).unwrap()).await;
    let mut cfg = ServerConfig::new(demo());
    cfg.model_id = "license-llama".into();
    let embedded = serve(app(cfg).unwrap()).await;
    let c = reqwest::Client::new();
    let verify = |url: &str, body: &Value| {
        let r = c.post(format!("{url}/v1/verify")).json(body).send();
        async move {
            let r = r.await.unwrap();
            assert_eq!(r.status(), 200);
            r.json::<Value>().await.unwrap()
        }
    };
    let vocab = m.config().vocab_size as u64;
    let mut rng = tandem_core::sampling::Rng::new(7);
    let mut partial = 0;
    for trial in 0..16 {
        let plen = 2 + (rng.next_u64() % 16) as usize;
        let prompt: Vec<u32> = (0..plen).map(|_| (rng.next_u64() % vocab) as u32).collect();
        // Half the drafts start with the greedy continuation (read off the embedded server),
        // so accepted counts between 0 and the draft's length all occur.
        let mut draft: Vec<u32> = (0..1 + rng.next_u64() % 8)
            .map(|_| (rng.next_u64() % vocab) as u32)
            .collect();
        if trial % 2 == 0 {
            let v = verify(
                &embedded,
                &json!({ "prompt_ids": prompt, "draft_ids": draft }),
            )
            .await;
            let mut g: Vec<u32> = serde_json::from_value(v["target_ids"].clone()).unwrap();
            g.truncate(1 + (rng.next_u64() % 4) as usize);
            draft.splice(0..0, g);
        }
        // Every other trial also asks for the alternatives (logit fusion's top-k).
        let mut body =
            json!({ "model": "license-llama", "prompt_ids": prompt, "draft_ids": draft });
        if trial % 2 == 1 {
            body["top_logprobs"] = json!(3);
        }
        let a = verify(&embedded, &body).await;
        let b = verify(&proxied, &body).await;
        if trial % 2 == 1 {
            let rows = |v: &Value| -> Vec<Vec<(u32, f32)>> {
                serde_json::from_value(v["top_logprobs"].clone()).unwrap()
            };
            let (ra, rb) = (rows(&a), rows(&b));
            assert_eq!(ra.len(), draft.len() + 1);
            assert_eq!(ra.len(), rb.len());
            for (x, y) in ra.iter().zip(&rb) {
                assert_eq!(x.len(), 3);
                let ids = |r: &[(u32, f32)]| r.iter().map(|t| t.0).collect::<Vec<_>>();
                assert_eq!(ids(x), ids(y), "trial {trial}: {a} {b}");
                for (p, q) in x.iter().zip(y) {
                    assert!((p.1 - q.1).abs() < 1e-3, "{a} {b}");
                }
            }
        } else {
            assert!(b.get("top_logprobs").is_none(), "{b}");
        }
        for k in [
            "accepted",
            "correction",
            "target_ids",
            "prompt_tokens",
            "model",
        ] {
            assert_eq!(a[k], b[k], "trial {trial} {k}: embedded {a} proxied {b}");
        }
        for (x, y) in a["logprobs"]
            .as_array()
            .unwrap()
            .iter()
            .zip(b["logprobs"].as_array().unwrap())
        {
            assert!(
                (x.as_f64().unwrap() - y.as_f64().unwrap()).abs() < 1e-3,
                "{a} {b}"
            );
        }
        let acc = a["accepted"].as_u64().unwrap() as usize;
        if acc > 0 && acc < draft.len() {
            partial += 1;
        }
    }
    assert!(partial >= 3, "too few partly accepted drafts: {partial}");
    // Other /v1 endpoints pass through to the upstream in proxy mode (here legacy completions).
    let ids: Vec<u32> = vec![3, 9, 27];
    let direct: Value = post_json(
        &c,
        &format!("{upstream}/v1/completions"),
        &upstream_verify::completions_body("license-llama", &ids, 0),
    )
    .await;
    let via = c
        .post(format!("{proxied}/v1/completions"))
        .json(&upstream_verify::completions_body("license-llama", &ids, 0))
        .send()
        .await
        .unwrap();
    assert_eq!(via.status(), 200);
    assert_eq!(via.json::<Value>().await.unwrap(), direct);
    assert_eq!(
        c.get(format!("{proxied}/nope"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    // Messages go through the upstream's /tokenize.
    let body = json!({ "model": "license-llama", "messages": [{ "role": "user", "content": "The Licensor grants You" }], "draft_ids": [1, 2, 3] });
    let a = verify(&embedded, &body).await;
    let b = verify(&proxied, &body).await;
    for k in ["accepted", "correction", "target_ids", "prompt_tokens"] {
        assert_eq!(a[k], b[k], "{k}: embedded {a} proxied {b}");
    }
}
