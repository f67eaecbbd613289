#!/usr/bin/env bash
# One distillation round of the model pair, end to end (issue 17; docs/BENCHMARKS.md, "Distillation"):
#   1. `tandem serve` runs the LARGE; make_distill_log.py draws the distillation split (seed 1717,
#      disjoint from every held-out split), routes it with the committed router as the package
#      would, and logs the server's answers to the escalated prompts with top-5 logprobs
#      (tandem-distill/1, the package's format);
#   2. models/distill.py fine-tunes the SMALL on the log -> models/pair/small-distilled/ and
#      re-fits the router for the new pair on calib (no labels) -> models/pair/small-distilled/router.json;
#   3. `tandem eval` on the held-out test split -> docs/bench/eval-distilled.json, and
#      check_distill.py against the committed pair's docs/bench/eval-routing.json.
# Extra arguments go to distill.py (e.g. --steps 900 --lr 3e-4). Needs the venv of
# models/requirements.txt (torch, transformers, tokenizers, safetensors) as $PYTHON.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tandem-target}"
PYTHON="${PYTHON:-$HOME/.cache/tandem-venv/bin/python}"
PROMPTS="${PROMPTS:-12000}"
cargo build --release --locked -q -p tandem-cli
tandem="$CARGO_TARGET_DIR/release/tandem"
tmp="${TANDEM_DISTILL_TMP:-$(mktemp -d)}"
mkdir -p "$tmp"

port=8123
"$tandem" serve --model models/pair/large --model-id large --bind "127.0.0.1:$port" --backend cpu >"$tmp/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
"$PYTHON" models/pair/make_distill_log.py --server "http://127.0.0.1:$port/v1" --prompts "$PROMPTS" --out "$tmp/log.jsonl"
kill $serve

"$PYTHON" models/distill.py --log "$tmp/log.jsonl" --out models/pair/small-distilled \
  --router-out models/pair/small-distilled/router.json --tandem "$tandem" "$@"
node models/make_manifests.mjs
"$tandem" eval --suite models/pair/suite/test.jsonl --local models/pair/small-distilled --server models/pair/large \
  --router models/pair/small-distilled/router.json --out docs/bench/eval-distilled.json
python3 models/pair/check_distill.py docs/bench/eval-routing.json docs/bench/eval-distilled.json
