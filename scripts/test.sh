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
step "wasm32";  cargo check -p tandem-core --target wasm32-unknown-unknown --locked
step "ok"
