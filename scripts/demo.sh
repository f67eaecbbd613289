#!/usr/bin/env bash
# The main job, end to end: build the `tandem` CLI, answer with the model pair's SMALL (the local
# model) and LARGE (the server's), route a few held-out items between them (`tandem eval` with the
# committed router), then build the wasm engine, the npm package and the demo PWA (web/demo), start
# the server LLM (`tandem serve`, OpenAI API on 127.0.0.1:8000 with the LARGE embedded, its
# default) and serve the demo on http://127.0.0.1:8080. TANDEM_DEMO_NO_SERVE=1 stops before
# serving; TANDEM_DEMO_PORT moves the demo (the server's CORS follows it).
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tandem-target}"
./scripts/setup.sh
cargo build --release --locked -p tandem-cli
tandem="$CARGO_TARGET_DIR/release/tandem"
model="${1:-models/pair/small}"
large=models/pair/large
prompt="${2:-Compute 8*2+7.}"
echo "local model: $model; server model: $large (models/pair.json; trained by models/train_pair.py)"
echo
for m in "$model" "$large"; do
  echo "== $m, greedy, streamed: $prompt"
  "$tandem" generate --model "$m" --prompt "$prompt" --chat --max-new-tokens 60
  echo
done
echo "== the same as JSON, with each token's logprob and entropy (what the cascade reads)"
"$tandem" generate --model "$model" --prompt "$prompt" --chat --max-new-tokens 8 --json
echo
echo "== routing 24 held-out items between them (tandem eval, the committed router.json)"
eval_dir="$(mktemp -d)"
head -n 24 models/pair/suite/test.jsonl > "$eval_dir/suite.jsonl"
"$tandem" eval --suite "$eval_dir/suite.jsonl" --local "$model" --server "$large" \
  --router models/pair/router.json --out "$eval_dir/result.json" --plot "$eval_dir/plot.png"
echo "(RESULT.json and the plot: $eval_dir)"
echo
echo "== the browser engine and the demo PWA: wasm, npm package, web/demo (Vite)"
bash web/packages/tandem/scripts/build-wasm.sh
(cd web/packages/tandem && ../../../node_modules/.bin/tsc -p tsconfig.json)
node_modules/.bin/vite build web/demo --logLevel warn
if [ "${TANDEM_DEMO_NO_SERVE:-0}" = "1" ]; then exit 0; fi
port="${TANDEM_DEMO_PORT:-8080}"
echo
echo "== the server LLM: tandem serve (OpenAI API, embedded LARGE) on http://127.0.0.1:8000"
"$tandem" serve --model "$large" --bind 127.0.0.1:8000 \
  --cors-origin "http://127.0.0.1:$port" --cors-origin "http://localhost:$port" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null' EXIT
echo
echo "The demo PWA: open http://127.0.0.1:$port/ (Ctrl-C stops both servers)"
echo "(the plain example page: node web/scripts/serve.mjs, then /web/examples/chat/)"
node web/scripts/serve.mjs --root web/demo/dist --port "$port"
