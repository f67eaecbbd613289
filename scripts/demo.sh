#!/usr/bin/env bash
# The main job, end to end: build the `tandem` CLI and generate text with a committed model.
# (Later issues grow this into the browser demo with the server's embedded LLM.)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tandem-target}"
./scripts/setup.sh
cargo build --release --locked -p tandem-cli
tandem="$CARGO_TARGET_DIR/release/tandem"
model="${1:-models/tiny/llama-tiny}"
prompt="${2:-The Licensor grants You a license}"
echo "model: $model (random weights: the text is gibberish, the pipeline is real)"
echo "prompt: $prompt"
"$tandem" generate --model "$model" --prompt "$prompt" --max-new-tokens 48 --temperature 0.8 --top-p 0.95 --seed 7
"$tandem" generate --model "$model" --prompt "$prompt" --max-new-tokens 8 --json
