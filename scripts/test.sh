#!/usr/bin/env bash
# Runs every test of the workspace. README's test command; .ci/run calls it too.
# The cargo target dir lives outside the clone so warm runs reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tandem-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

./scripts/setup.sh

step() { printf '\n== %s\n' "$*"; }
step "format";  cargo fmt --all --check
step "lint";    cargo clippy --workspace --all-targets --locked -- -D warnings
step "test";    cargo test --workspace --locked
# The proxy in front of llama.cpp's own OpenAI server (a real outside server; built once into a
# venv outside the clone by scripts/setup-llama-server.sh).
step "llama.cpp"
TANDEM_LLAMA_SERVER_PYTHON="$(./scripts/setup-llama-server.sh)" \
  cargo test -p tandem-server --test proxy --locked -- --ignored
step "wasm32";  cargo clippy -p tandem-core -p tandem-gpu -p tandem-wasm --target wasm32-unknown-unknown --locked -- -D warnings
# The GPU kernel tests again, compiled to wasm32, in headless Chromium on its WebGPU adapter
# (SwiftShader; flags in crates/tandem-gpu/webdriver.json). They fail without an adapter.
step "browser"; (cd crates/tandem-gpu && wasm-pack test --headless --chrome . --locked --test kernels)
# The npm package: wasm (wasm-pack + npm binaryen), TypeScript, its unit tests, then the browser
# tests in Debian Chromium against the native CLI's tokens.
step "wasm";    bash web/packages/tandem/scripts/build-wasm.sh
step "ts";      (cd web/packages/tandem && ../../../node_modules/.bin/tsc -p tsconfig.json)
step "unit";    node_modules/.bin/vitest run --project unit
step "cli";     cargo build -p tandem-cli --locked
step "browser-e2e"; node_modules/.bin/vitest run --project browser
step "ok"
