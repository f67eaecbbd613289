//! The server over real HTTP on 127.0.0.1 (reqwest as the client), with the committed demo
//! model embedded: OpenAI shapes (JSON and server-sent events), the same tokens as tandem-core,
//! OpenAI-shaped 4xx for bad requests, 413 over the body limit, 429 with Retry-After when the
//! queue is full — and the server stays healthy through all of it.
mod common;

use common::{demo, demo_config, health, serve, sse_chunks, sse_text, start};
use serde_json::{json, Value};
use tandem_server::{router, state, EngineHandle};

const PROMPT: &str = "The Licensor grants You";

/// PROMPT as a user message in the model's chat template, tokenized.
fn chat_prompt_ids(m: &tandem_core::LoadedModel) -> Vec<u32> {
    let text = m
        .chat_template
        .as_ref()
        .unwrap()
        .render(&[tandem_core::ChatMessage::new("user", PROMPT)], true)
        .unwrap();
    m.tokenizer().unwrap().encode(&text, false).unwrap()
}

/// tandem-core's own greedy continuation of the chat prompt.
fn reference(max: usize) -> (String, usize, usize) {
    let m = tandem_core::load(&demo()).unwrap();
    let ids = chat_prompt_ids(&m);
    let params = tandem_core::GenerateParams {
        max_new_tokens: max,
        stop_token_ids: m.eos_token_ids.clone(),
        ..Default::default()
    };
    let g = tandem_core::generate(&m.model, m.tokenizer.as_ref(), &ids, &params, &mut |_| true)
        .unwrap();
    (g.text, ids.len(), g.ids.len())
}

fn chat_body(stream: bool, max: u64) -> Value {
    json!({ "model": "license-llama", "messages": [{ "role": "user", "content": PROMPT }],
            "max_tokens": max, "temperature": 0, "stream": stream })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completions_json_and_sse_are_openai_shaped_and_match_tandem_core() {
    let url = start(demo_config()).await;
    let c = reqwest::Client::new();
    let (want, prompt_tokens, n) = reference(40);

    let r = c
        .post(format!("{url}/v1/chat/completions"))
        .json(&chat_body(false, 40))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["object"], "chat.completion");
    assert_eq!(v["model"], "license-llama");
    assert_eq!(v["choices"][0]["message"]["role"], "assistant");
    assert_eq!(v["choices"][0]["message"]["content"], want);
    assert!(["stop", "length"].contains(&v["choices"][0]["finish_reason"].as_str().unwrap()));
    assert_eq!(v["usage"]["prompt_tokens"], prompt_tokens);
    assert_eq!(v["usage"]["completion_tokens"], n);
    assert_eq!(v["usage"]["total_tokens"], prompt_tokens + n);
    assert!(v["id"].as_str().unwrap().starts_with("chatcmpl-"));

    let mut b = chat_body(true, 40);
    b["stream_options"] = json!({ "include_usage": true });
    let r = c
        .post(format!("{url}/v1/chat/completions"))
        .json(&b)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let chunks = sse_chunks(&r.text().await.unwrap());
    assert_eq!(chunks[0]["choices"][0]["delta"]["role"], "assistant");
    assert_eq!(sse_text(&chunks), want);
    // include_usage: a last chunk with no choices carries the usage; the others have null.
    let (last, rest) = chunks.split_last().unwrap();
    assert_eq!(last["choices"], json!([]));
    assert_eq!(last["usage"]["completion_tokens"], n);
    assert_eq!(last["usage"]["prompt_tokens"], prompt_tokens);
    assert!(rest
        .iter()
        .all(|c| c["usage"].is_null() && c.get("usage").is_some()));
    assert!(rest.last().unwrap()["choices"][0]["finish_reason"].is_string());
    // Without it, no chunk has a usage field.
    let plain = c
        .post(format!("{url}/v1/chat/completions"))
        .json(&chat_body(true, 40))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let plain = sse_chunks(&plain);
    assert!(plain.iter().all(|c| c.get("usage").is_none()));
    assert_eq!(sse_text(&plain), want);
    assert!(chunks
        .iter()
        .all(|c| c["object"] == "chat.completion.chunk" && c["id"] == chunks[0]["id"]));

    let m: Value = c
        .get(format!("{url}/v1/models"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(m["data"][0]["id"], "license-llama");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_requests_are_openai_shaped_4xx_and_the_server_stays_healthy() {
    let mut cfg = demo_config();
    cfg.max_body_bytes = 4096;
    cfg.max_tokens_limit = 100;
    let url = start(cfg).await;
    let c = reqwest::Client::new();
    let post = |body: String| {
        c.post(format!("{url}/v1/chat/completions"))
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let check = |v: &Value, kind: &str| {
        assert_eq!(v["error"]["type"], kind, "{v}");
        assert!(v["error"]["message"].as_str().unwrap().len() > 5);
    };

    let r = post("{not json".into()).await.unwrap();
    assert_eq!(r.status(), 400);
    check(&r.json().await.unwrap(), "invalid_request_error");

    let mut b = chat_body(false, 5);
    b["model"] = json!("gpt-9");
    let r = post(b.to_string()).await.unwrap();
    assert_eq!(r.status(), 404);
    let v: Value = r.json().await.unwrap();
    check(&v, "invalid_request_error");
    assert_eq!(v["error"]["code"], "model_not_found");

    for (field, value) in [
        ("max_tokens", json!(101)),
        ("temperature", json!(3)),
        ("top_p", json!(0)),
        ("n", json!(2)),
    ] {
        let mut b = chat_body(false, 5);
        b[field] = value;
        let r = post(b.to_string()).await.unwrap();
        assert_eq!(r.status(), 400, "{field}");
        let v: Value = r.json().await.unwrap();
        check(&v, "invalid_request_error");
        assert_eq!(v["error"]["param"], field);
    }

    // A prompt longer than the model's context (256 tokens), under the body limit.
    let mut b = chat_body(false, 5);
    b["messages"][0]["content"] = json!("a b c d e f g h ".repeat(100));
    let r = post(b.to_string()).await.unwrap();
    assert_eq!(r.status(), 400);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "context_length_exceeded");

    let mut b = chat_body(false, 5);
    b["messages"][0]["content"] = json!("x".repeat(10_000));
    let r = post(b.to_string()).await.unwrap();
    assert_eq!(r.status(), 413);

    let r = c.get(format!("{url}/nope")).send().await.unwrap();
    assert_eq!(r.status(), 404);

    assert_eq!(health(&c, &url).await, 200);
    let r = post(chat_body(false, 5).to_string()).await.unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_is_429_with_retry_after_and_healthz_still_answers() {
    let mut cfg = demo_config();
    cfg.queue = 1; // one request may wait behind the running one
    let engine = EngineHandle::spawn(tandem_core::load(&demo()).unwrap(), cfg.queue);
    let hold = engine.hold().unwrap(); // the model thread is now busy
    let url = serve(router(state(cfg, engine))).await;
    let c = reqwest::Client::new();
    let send = || {
        let (c, url) = (c.clone(), url.clone());
        tokio::spawn(async move {
            let r = c
                .post(format!("{url}/v1/chat/completions"))
                .json(&chat_body(false, 8))
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            let retry = r
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_string());
            (status, retry, r.json::<Value>().await.unwrap())
        })
    };
    let (a, b) = (send(), send());
    // One of the two waits in the queue; the other finds it full at once.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(a.is_finished() as u8 + b.is_finished() as u8, 1);
    assert_eq!(health(&c, &url).await, 200);
    let (rejected, waiting) = if a.is_finished() { (a, b) } else { (b, a) };
    let (status, retry, v) = rejected.await.unwrap();
    assert_eq!(status, 429, "{v}");
    assert_eq!(retry.as_deref(), Some("1"));
    assert_eq!(v["error"]["type"], "rate_limit_error");
    assert_eq!(v["error"]["code"], "queue_full");
    drop(hold);
    let (status, _, v) = waiting.await.unwrap();
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["object"], "chat.completion");
}

/// The model's own greedy continuation of `prompt` (no stop tokens).
fn greedy_ids(m: &tandem_core::LoadedModel, prompt: &[u32], n: usize) -> Vec<u32> {
    let p = tandem_core::GenerateParams {
        max_new_tokens: n,
        ..Default::default()
    };
    tandem_core::generate(&m.model, None, prompt, &p, &mut |_| true)
        .unwrap()
        .ids
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_accepts_exactly_the_servers_greedy_prefix_over_random_drafts() {
    let url = start(demo_config()).await;
    let c = reqwest::Client::new();
    let m = tandem_core::load(&demo()).unwrap();
    let vocab = m.config().vocab_size as u64;
    let mut rng = tandem_core::sampling::Rng::new(2026);
    let verify = |body: Value| c.post(format!("{url}/v1/verify")).json(&body).send();
    let mut reused_seen = 0;
    for trial in 0..20 {
        let plen = 2 + (rng.next_u64() % 20) as usize;
        let prompt: Vec<u32> = (0..plen).map(|_| (rng.next_u64() % vocab) as u32).collect();
        let g = greedy_ids(&m, &prompt, 12);
        let k = (rng.next_u64() % 12) as usize;
        let mut draft = g[..k].to_vec();
        if k < 11 {
            draft.push((g[k] + 1 + (rng.next_u64() % (vocab - 1)) as u32) % vocab as u32);
            for _ in 0..(rng.next_u64() % 4) {
                draft.push((rng.next_u64() % vocab) as u32);
            }
        }
        if draft.is_empty() {
            draft.push(g[0]);
        }
        let want = draft.iter().zip(&g).take_while(|(a, b)| a == b).count();
        let r = verify(json!({ "prompt_ids": prompt, "draft_ids": draft }))
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["object"], "verification");
        assert_eq!(v["accepted"], want, "trial {trial}: {v}");
        assert_eq!(v["correction"], g[want], "trial {trial}");
        assert_eq!(v["logprobs"].as_array().unwrap().len(), draft.len());
        assert_eq!(v["prompt_tokens"], plen);
        // The same conversation, one step on: the accepted prefix's cache is reused.
        let mut next: Vec<u32> = prompt.clone();
        next.extend_from_slice(&g[..=want]);
        if want + 1 < g.len() {
            let v: Value = verify(json!({ "prompt_ids": next, "draft_ids": g[want + 1..] }))
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(v["accepted"], g.len() - want - 1, "{v}");
            assert!(
                v["reused_tokens"].as_u64().unwrap() >= (plen + want - 1) as u64,
                "{v}"
            );
            reused_seen += 1;
        }
    }
    assert!(reused_seen > 5);

    // Messages instead of ids; then bad requests.
    let ids = chat_prompt_ids(&m);
    let g = greedy_ids(&m, &ids, 6);
    let v: Value =
        verify(json!({ "messages": [{ "role": "user", "content": PROMPT }], "draft_ids": g[..5] }))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    assert_eq!(v["accepted"], 5, "{v}");
    assert_eq!(v["correction"], g[5]);
    for (body, param) in [
        (
            json!({ "prompt_ids": [1, 2], "draft_ids": [] }),
            "draft_ids",
        ),
        (
            json!({ "prompt_ids": [1, 2], "draft_ids": [1_000_000] }),
            "draft_ids",
        ),
        (
            json!({ "prompt_ids": [1], "messages": [], "draft_ids": [1] }),
            "prompt_ids",
        ),
        (json!({ "draft_ids": [1] }), "prompt_ids"),
        (
            json!({ "prompt_ids": [1], "draft_ids": [1], "temperature": -1 }),
            "temperature",
        ),
    ] {
        let r = verify(body.clone()).await.unwrap();
        assert_eq!(r.status(), 400, "{body}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["error"]["param"], param, "{body}: {v}");
    }
    assert_eq!(health(&c, &url).await, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_keys_cors_and_rate_limit_each_reject_with_the_right_status() {
    let dir = std::env::temp_dir().join(format!("tandem-keys-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let keys = dir.join("keys.txt");
    std::fs::write(&keys, "# server keys\nsk-alpha\n\nsk-beta\n").unwrap();
    let mut cfg = demo_config();
    cfg.api_keys = Some(tandem_server::security::read_keys(&keys).unwrap());
    cfg.rate_limit_per_minute = Some(3);
    cfg.cors_origins = vec!["http://127.0.0.1:8080".into()];
    let url = start(cfg).await;
    let c = reqwest::Client::new();
    let models = |key: Option<&str>| {
        let mut r = c.get(format!("{url}/v1/models"));
        if let Some(k) = key {
            r = r.bearer_auth(k);
        }
        r.send()
    };

    // No key, a wrong key, a key that is a prefix of a real one: 401, OpenAI-shaped.
    for key in [None, Some("sk-wrong"), Some("sk-alph")] {
        let r = models(key).await.unwrap();
        assert_eq!(r.status(), 401, "{key:?}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["error"]["code"], "invalid_api_key");
    }
    // /healthz needs no key.
    assert_eq!(health(&c, &url).await, 200);

    // 3 requests per minute per key: the 4th of sk-alpha is 429; sk-beta has its own budget.
    for _ in 0..3 {
        assert_eq!(models(Some("sk-alpha")).await.unwrap().status(), 200);
    }
    let r = models(Some("sk-alpha")).await.unwrap();
    assert_eq!(r.status(), 429);
    assert!(
        r.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse::<u64>()
            .unwrap()
            >= 1
    );
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "rate_limit_exceeded");
    assert_eq!(models(Some("sk-beta")).await.unwrap().status(), 200);

    // CORS: the allowed origin gets the header on a preflight, another origin does not.
    let pre = |origin: &'static str| {
        c.request(
            reqwest::Method::OPTIONS,
            format!("{url}/v1/chat/completions"),
        )
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization,content-type",
        )
        .send()
    };
    let ok = pre("http://127.0.0.1:8080").await.unwrap();
    assert_eq!(
        ok.headers()["access-control-allow-origin"],
        "http://127.0.0.1:8080"
    );
    let other = pre("https://evil.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    std::fs::remove_dir_all(&dir).ok();
}
