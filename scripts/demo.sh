#!/usr/bin/env bash
# The main job, end to end: build the `tandem` CLI and generate text with a committed model, then
# build the wasm engine and the npm package, start the server LLM (`tandem serve`, OpenAI API on
# 127.0.0.1:8000 with the embedded default model) and serve the browser example on
# 127.0.0.1:8080. TANDEM_DEMO_NO_SERVE=1 stops before serving.
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
echo
echo "== the browser engine: wasm + npm package"
bash web/packages/tandem/scripts/build-wasm.sh
(cd web/packages/tandem && ../../../node_modules/.bin/tsc -p tsconfig.json)
if [ "${TANDEM_DEMO_NO_SERVE:-0}" = "1" ]; then exit 0; fi
port="${TANDEM_DEMO_PORT:-8080}"
echo
echo "== the server LLM: tandem serve (OpenAI API, embedded default model) on http://127.0.0.1:8000"
"$tandem" serve --model "$model" --bind 127.0.0.1:8000 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null' EXIT
echo "open http://127.0.0.1:$port/web/examples/chat/ (Ctrl-C stops both servers)"
node web/scripts/serve.mjs --port "$port"
