//! The server over real HTTP on 127.0.0.1 (reqwest as the client), with the committed demo
//! model embedded: OpenAI shapes (JSON and server-sent events), the same tokens as tandem-core,
//! OpenAI-shaped 4xx for bad requests, 413 over the body limit, 429 with Retry-After when the
//! queue is full — and the server stays healthy through all of it.
mod common;

use common::{
    chat_ids, cpu_engine, demo, demo_config, greedy, health, serve, sse_chunks, sse_text, start,
};
use serde_json::{json, Value};
use tandem_server::{router, state, EngineHandle};

const PROMPT: &str = "The Licensor grants You";

/// tandem-core's own greedy continuation of the chat prompt: text, prompt and answer tokens.
fn reference(max: usize) -> (String, usize, usize) {
    let mut e = cpu_engine(&demo());
    let ids = chat_ids(&e, PROMPT);
    let g = greedy(&mut e, &ids, max, true);
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
    let engine = EngineHandle::spawn_cpu(&demo(), cfg.queue).unwrap();
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_accepts_exactly_the_servers_greedy_prefix_over_random_drafts() {
    let url = start(demo_config()).await;
    let c = reqwest::Client::new();
    let mut e = cpu_engine(&demo());
    let vocab = e.config().vocab_size as u64;
    let mut rng = tandem_core::sampling::Rng::new(2026);
    let verify = |body: Value| c.post(format!("{url}/v1/verify")).json(&body).send();
    let mut reused_seen = 0;
    for trial in 0..20 {
        let plen = 2 + (rng.next_u64() % 20) as usize;
        let prompt: Vec<u32> = (0..plen).map(|_| (rng.next_u64() % vocab) as u32).collect();
        let g = greedy(&mut e, &prompt, 12, false).ids;
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
            // The server's own time, for the client to tell its round trip from its compute.
            assert!(v["server_ms"].as_f64().is_some_and(|ms| ms >= 0.0), "{v}");
            reused_seen += 1;
        }
    }
    assert!(reused_seen > 5);

    // top_logprobs (logit fusion): the server's top-k before each draft token and after the
    // draft, exactly the engine's own scores of the same ids.
    let prompt: Vec<u32> = vec![3, 9, 27, 81];
    let g = greedy(&mut e, &prompt, 4, false).ids;
    let v: Value = verify(json!({ "prompt_ids": prompt, "draft_ids": g[..3], "top_logprobs": 5 }))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let rows = v["top_logprobs"].as_array().expect("top_logprobs rows");
    assert_eq!(rows.len(), 4, "{v}");
    let all: Vec<u32> = prompt.iter().chain(&g[..3]).copied().collect();
    let sc = pollster::block_on(e.score(&all, prompt.len(), 5)).unwrap();
    let want: Vec<&Vec<tandem_core::sampling::TopToken>> = sc
        .tokens
        .iter()
        .map(|t| &t.top)
        .chain(std::iter::once(&sc.next_top))
        .collect();
    for (row, want) in rows.iter().zip(want) {
        let row: Vec<(u32, f32)> = serde_json::from_value(row.clone()).unwrap();
        assert_eq!(row.len(), 5);
        for ((id, lp), w) in row.iter().zip(want) {
            assert_eq!(*id, w.id);
            assert!((lp - w.logprob).abs() < 1e-4, "{lp} vs {}", w.logprob);
        }
    }
    // Without the field the answer has none; above 20 is refused.
    let v: Value = verify(json!({ "prompt_ids": prompt, "draft_ids": g[..1] }))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(v.get("top_logprobs").is_none(), "{v}");
    let r = verify(json!({ "prompt_ids": prompt, "draft_ids": g[..1], "top_logprobs": 21 }))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["param"], "top_logprobs", "{v}");
    for bad in [json!(-1), json!(2.5), json!("5")] {
        let r = verify(json!({ "prompt_ids": prompt, "draft_ids": g[..1], "top_logprobs": bad }))
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{bad}");
    }

    // Messages instead of ids; then bad requests.
    let ids = chat_ids(&e, PROMPT);
    let g = greedy(&mut e, &ids, 6, false).ids;
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
        // The drafter's distributions: one per draft token, summing to 1, holding the token.
        (
            json!({ "prompt_ids": [1], "draft_ids": [1, 2], "temperature": 1, "draft_dists": [[[1, 1.0]]] }),
            "draft_dists",
        ),
        (
            json!({ "prompt_ids": [1], "draft_ids": [1], "temperature": 1, "draft_dists": [[[1, 0.5]]] }),
            "draft_dists",
        ),
        (
            json!({ "prompt_ids": [1], "draft_ids": [1], "temperature": 1, "draft_dists": [[[2, 1.0]]] }),
            "draft_dists",
        ),
    ] {
        let r = verify(body.clone()).await.unwrap();
        assert_eq!(r.status(), 400, "{body}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["error"]["param"], param, "{body}: {v}");
    }
    // A sampling drafter's distribution is accepted (lossless speculative sampling).
    let r = verify(
        json!({ "prompt_ids": [1, 2], "draft_ids": [3], "temperature": 0.7, "seed": 5,
        "draft_dists": [[[3, 0.75], [4, 0.25]]] }),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
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

/// The CPU backend keeps the conversation's KV cache: a second turn feeds only what is new, and
/// `usage.prompt_tokens_details.cached_tokens` says how many prompt tokens it did not recompute
/// (exactly the ids the second prompt shares with the first turn's prompt and answer). The
/// answer is still the reference's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_turn_prefills_only_its_new_tokens() {
    let mut cfg = demo_config();
    cfg.backend = tandem_engine::BackendChoice::Cpu;
    let url = start(cfg).await;
    let c = reqwest::Client::new();
    let ask = |messages: Value| {
        let body = json!({ "messages": messages, "max_tokens": 12, "temperature": 0 });
        c.post(format!("{url}/v1/chat/completions"))
            .json(&body)
            .send()
    };
    let turn1 = json!([{ "role": "user", "content": PROMPT }]);
    let v: Value = ask(turn1.clone()).await.unwrap().json().await.unwrap();
    let reply = v["choices"][0]["message"]["content"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        v["usage"]["prompt_tokens_details"]["cached_tokens"], 0,
        "{v}"
    );

    let mut e = cpu_engine(&demo());
    let ids1 = chat_ids(&e, PROMPT);
    let answer = greedy(&mut e, &ids1, 12, true).ids;
    // What the server holds after turn 1: the prompt and every answer token but the last.
    let mut held = ids1.clone();
    held.extend_from_slice(&answer[..answer.len() - 1]);
    let messages = vec![
        tandem_core::ChatMessage::new("user", PROMPT),
        tandem_core::ChatMessage::new("assistant", &reply),
        tandem_core::ChatMessage::new("user", "And then?"),
    ];
    let ids2 = e.text().prompt_ids(&messages).unwrap();
    let shared = held.iter().zip(&ids2).take_while(|(a, b)| a == b).count();
    assert!(shared >= ids1.len(), "the second prompt extends the first");

    let turn2 = json!([
        { "role": "user", "content": PROMPT },
        { "role": "assistant", "content": reply },
        { "role": "user", "content": "And then?" },
    ]);
    let v: Value = ask(turn2).await.unwrap().json().await.unwrap();
    assert_eq!(v["usage"]["prompt_tokens"], ids2.len(), "{v}");
    assert_eq!(
        v["usage"]["prompt_tokens_details"]["cached_tokens"], shared,
        "{v}"
    );
    let want = greedy(&mut cpu_engine(&demo()), &ids2, 12, true).text;
    assert_eq!(v["choices"][0]["message"]["content"], want);
}

/// OpenAI's `logprobs` / `top_logprobs`: per token its text, logprob, bytes and alternatives,
/// in the JSON answer and chunk by chunk in the stream (the same entries); greedy's token is
/// the first of its alternatives; absent unless asked; out of range is a 400 naming it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logprobs_and_top_logprobs_in_json_and_stream() {
    let url = start(demo_config()).await;
    let c = reqwest::Client::new();
    let post = |b: Value| c.post(format!("{url}/v1/chat/completions")).json(&b).send();
    let mut b = chat_body(false, 12);
    b["logprobs"] = json!(true);
    b["top_logprobs"] = json!(3);
    let v: Value = post(b.clone()).await.unwrap().json().await.unwrap();
    let content = v["choices"][0]["logprobs"]["content"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(
        content.len(),
        v["usage"]["completion_tokens"].as_u64().unwrap() as usize
    );
    let mut bytes = Vec::new();
    for entry in &content {
        let top = entry["top_logprobs"].as_array().unwrap();
        assert_eq!(top.len(), 3);
        assert_eq!(top[0]["token"], entry["token"]);
        let (lp, lp0) = (
            entry["logprob"].as_f64().unwrap(),
            top[0]["logprob"].as_f64().unwrap(),
        );
        assert!((lp - lp0).abs() < 1e-5 && lp <= 0.0, "{entry}");
        assert!(top
            .windows(2)
            .all(|w| w[0]["logprob"].as_f64() >= w[1]["logprob"].as_f64()));
        bytes.extend(
            entry["bytes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b.as_u64().unwrap() as u8),
        );
    }
    // The tokens' bytes spell the answer (then, maybe, the end-of-turn token's own text).
    let text = v["choices"][0]["message"]["content"].as_str().unwrap();
    assert!(
        String::from_utf8_lossy(&bytes).starts_with(text),
        "{bytes:?} vs {text:?}"
    );
    assert!(v["choices"][0]["logprobs"]["refusal"].is_null());

    b["stream"] = json!(true);
    let chunks = sse_chunks(&post(b).await.unwrap().text().await.unwrap());
    let streamed: Vec<Value> = chunks
        .iter()
        .filter_map(|c| c["choices"][0]["logprobs"]["content"].as_array())
        .flatten()
        .cloned()
        .collect();
    // The same tokens and alternatives; the logprobs within float noise (this request reused
    // the first one's cache, so its prompt ran in other chunks).
    let ids = |v: &[Value]| -> Vec<String> {
        v.iter()
            .flat_map(|e| {
                std::iter::once(e["token"].to_string()).chain(
                    e["top_logprobs"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|t| t["token"].to_string()),
                )
            })
            .collect()
    };
    assert_eq!(ids(&streamed), ids(&content));
    for (a, b) in streamed.iter().zip(&content) {
        let d = a["logprob"].as_f64().unwrap() - b["logprob"].as_f64().unwrap();
        assert!(d.abs() < 1e-4, "{a} vs {b}");
    }

    let plain: Value = post(chat_body(false, 4))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(plain["choices"][0]["logprobs"].is_null());
    for (extra, param) in [
        (json!({ "top_logprobs": 2 }), "top_logprobs"),
        (
            json!({ "logprobs": true, "top_logprobs": 21 }),
            "top_logprobs",
        ),
    ] {
        let mut b = chat_body(false, 4);
        b.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let r = post(b).await.unwrap();
        assert_eq!(r.status(), 400);
        let e: Value = r.json().await.unwrap();
        assert_eq!(e["error"]["param"], param, "{e}");
    }
}
