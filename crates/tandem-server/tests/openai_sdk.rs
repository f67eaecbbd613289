//! The official `openai` Python client against the server: answers parsed by its own types
//! (JSON, streamed, content parts), errors as its typed exceptions. Needs the client (in the
//! venv of scripts/setup-llama-server.sh, which scripts/test.sh points this at).
mod common;

use std::time::Duration;

use common::demo;
use tandem_server::{app_with_state, ServerConfig};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the openai Python client: scripts/test.sh runs it (TANDEM_LLAMA_SERVER_PYTHON=$(scripts/setup-llama-server.sh))"]
async fn the_official_openai_python_client_parses_every_answer() {
    let python = std::env::var("TANDEM_LLAMA_SERVER_PYTHON").unwrap_or_else(|_| "python3".into());
    // tandem-core's greedy text for the prompt as a user message.
    let mut e = common::cpu_engine(&demo());
    let ids = common::chat_ids(&e, "The Licensor grants You");
    let want = common::greedy(&mut e, &ids, 16, true).text;

    let keys = tempfile_keys("sk-python-test");
    let mut cfg = ServerConfig::new(demo());
    cfg.model_id = "license-llama".into();
    cfg.backend = tandem_engine::BackendChoice::Cpu;
    // Small enough that the client's oversized body fits the socket buffers (see the 413 check).
    cfg.max_body_bytes = 16 << 10;
    cfg.api_keys = Some(tandem_server::security::read_keys(&keys).unwrap());
    let (app, state) = app_with_state(cfg).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(tandem_server::listen::serve(
        listener,
        app,
        state,
        std::future::pending(),
    ));
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/openai_client.py");
    let run = tokio::task::spawn_blocking(move || {
        std::process::Command::new(&python)
            .args([script, &url, "sk-python-test", &want])
            .output()
    });
    let out = tokio::time::timeout(Duration::from_secs(180), run)
        .await
        .expect("the client finished")
        .unwrap()
        .expect("python runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "stdout: {stdout}\nstderr: {stderr}");
    assert!(stdout.contains("every check passed"), "{stdout}");
}

/// A keys file with one key, in a fresh temporary directory.
fn tempfile_keys(key: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tandem-keys-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("keys");
    std::fs::write(&p, format!("{key}\n")).unwrap();
    p
}
