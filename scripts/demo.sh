#!/usr/bin/env bash
# The main job, end to end: build the `tandem` CLI and generate text with a committed model.
# (Later issues grow this into the browser demo with the server's embedded LLM.)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tandem-target}"
./scripts/setup.sh
cargo build --release --locked -p tandem-cli
tandem="$CARGO_TARGET_DIR/release/tandem"
model="${1:-models/demo/license-llama}"
prompt="${2:-The Licensor grants You}"
echo "model: $model (0.33 M parameters trained on models/corpus.txt: it knows license prose only)"
echo
echo "== greedy, streamed"
printf '%s' "$prompt"
"$tandem" generate --model "$model" --prompt "$prompt" --max-new-tokens 60
echo
echo "== sampled (temperature 1.0), seeds 1 and 2"
for seed in 1 2; do
  printf 'You may'
  "$tandem" generate --model "$model" --prompt "You may" --max-new-tokens 40 --temperature 1.0 --seed "$seed"
done
echo
echo "== the same as JSON, with each token's logprob and entropy (what the router reads)"
"$tandem" generate --model "$model" --prompt "$prompt" --max-new-tokens 8 --json
