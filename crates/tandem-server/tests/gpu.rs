//! The embedded model on tandem-gpu, over real HTTP. There is no GPU here: `--backend gpu` runs
//! the kernels on lavapipe (Vulkan on the CPU), which proves the path, not its speed. `auto`
//! must not take such a CPU adapter. Fails (not skips) without a Vulkan adapter, as every GPU
//! test of the project does.
mod common;

use common::{
    chat_ids, cpu_engine, demo, greedy, health_json, post_json, serve, sse_chunks, sse_text, start,
};
use serde_json::{json, Value};
use tandem_engine::BackendChoice;
use tandem_server::runner::Runner;
use tandem_server::{router, state, EngineHandle, ServerConfig};

const PROMPT: &str = "The Licensor grants You";

fn config(backend: BackendChoice) -> ServerConfig {
    let mut c = ServerConfig::new(demo());
    c.model_id = "license-llama".into();
    c.backend = backend;
    c
}

fn chat(max: u64) -> Value {
    json!({ "messages": [{ "role": "user", "content": PROMPT }], "max_tokens": max, "temperature": 0 })
}

/// tandem-core's greedy answer to the chat prompt.
fn reference(max: usize) -> String {
    let mut e = cpu_engine(&demo());
    let ids = chat_ids(&e, PROMPT);
    greedy(&mut e, &ids, max, true).text
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gpu_backend_serves_the_reference_text_and_survives_a_lost_device() {
    // Built by hand (as `app` does) to keep the engine's handle for the device-loss hook.
    let cfg = config(BackendChoice::Gpu);
    let (runner, info) = Runner::load(&cfg.model, cfg.backend).expect("lavapipe takes the model");
    let engine = EngineHandle::spawn_runner(runner, info, cfg.queue);
    let url = serve(router(state(cfg, engine.clone()))).await;
    let c = reqwest::Client::new();
    let health = health_json(&c, &url).await;
    assert_eq!(health["backend"], "gpu", "{health}");
    assert!(health["adapter"].as_str().is_some(), "{health}");

    let want = reference(24);
    let post = |b: Value| c.post(format!("{url}/v1/chat/completions")).json(&b).send();
    let v: Value = post(chat(24)).await.unwrap().json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], want, "{v}");
    // Streamed, and again (the engine's KV cache is reused or reset; the text is the same).
    let mut s = chat(24);
    s["stream"] = json!(true);
    let chunks = sse_chunks(&post(s).await.unwrap().text().await.unwrap());
    assert_eq!(sse_text(&chunks), want);

    // /v1/verify runs on tandem-core (loaded on first use): its greedy continuation is accepted.
    let prompt: Vec<u32> = vec![5, 17, 42, 99];
    let g = greedy(&mut cpu_engine(&demo()), &prompt, 6, false).ids;
    let v: Value = post_json(
        &c,
        &format!("{url}/v1/verify"),
        &json!({ "prompt_ids": prompt, "draft_ids": g[..5] }),
    )
    .await;
    assert_eq!(v["accepted"], 5, "{v}");
    assert_eq!(v["correction"], g[5]);

    // The device goes away: the next request still gets the same answer, now from the CPU.
    engine.lose_device().unwrap();
    let v: Value = post(chat(24)).await.unwrap().json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["content"], want, "{v}");
    let health = health_json(&c, &url).await;
    assert_eq!(health["backend"], "cpu", "{health}");
    assert!(
        health["fallback_reason"].as_str().unwrap().contains("lost"),
        "{health}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_does_not_take_a_cpu_adapter() {
    let url = start(config(BackendChoice::Auto)).await;
    let health = health_json(&reqwest::Client::new(), &url).await;
    assert_eq!(health["backend"], "cpu", "{health}");
    // lavapipe is there (the other GPU tests run on it): auto says why it stayed on the CPU.
    assert!(
        health["fallback_reason"].as_str().unwrap().contains("CPU"),
        "{health}"
    );
}
