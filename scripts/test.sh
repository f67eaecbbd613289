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
# Ignored tests need outside servers this script provides: llama.cpp's own OpenAI server for the
# proxy tests (built once into a venv outside the clone). One `cargo test` runs them all, so the
# workspace is compiled once.
step "llama.cpp server"; llama_python="$(./scripts/setup-llama-server.sh)"
step "test";    TANDEM_LLAMA_SERVER_PYTHON="$llama_python" cargo test --workspace --locked -- --include-ignored
step "wasm32";  cargo clippy -p tandem-core -p tandem-gpu -p tandem-engine -p tandem-collab -p tandem-privacy -p tandem-wasm --target wasm32-unknown-unknown --locked -- -D warnings
# The GPU kernel tests again, compiled to wasm32, in headless Chromium on its WebGPU adapter
# (SwiftShader; flags in crates/tandem-gpu/webdriver.json). They fail without an adapter. The
# runner gives the whole page 20 s by default; SwiftShader compiling every kernel variant on 2
# busy cores takes about that, so the limit is raised (a hang still fails).
step "browser"; (cd crates/tandem-gpu && WASM_BINDGEN_TEST_TIMEOUT=300 wasm-pack test --headless --chrome . --locked --test kernels)
# The npm package: wasm (cargo + wasm-bindgen + npm binaryen), TypeScript, its unit tests, then the browser
# tests in Debian Chromium against the native CLI's tokens.
step "wasm";    bash web/packages/tandem/scripts/build-wasm.sh
step "ts";      (cd web/packages/tandem && ../../../node_modules/.bin/tsc -p tsconfig.json)
step "unit";    node_modules/.bin/vitest run --project unit
# Every fuzz target (fuzz/, web/packages/tandem/fuzz/) for 30 s from its committed seeds; a
# failing input fails the run (scripts/fuzz.sh says where it is). Long runs: docs/RELIABILITY.md.
step "fuzz";    scripts/fuzz.sh 30
step "cli";     cargo build -p tandem-cli --locked
# The demo PWA (web/demo): type-checked and built with Vite; tests/browser/demo.test.ts drives it.
step "demo";    node_modules/.bin/tsc -p web/demo/tsconfig.json && node_modules/.bin/vite build web/demo --logLevel warn
step "browser-e2e"; node_modules/.bin/vitest run --project browser
step "ok"
