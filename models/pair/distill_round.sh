#!/usr/bin/env bash
# One distillation round of the model pair, end to end (issue 17; docs/BENCHMARKS.md, "Distillation").
#
#   models/pair/distill_round.sh [committed|no-units] [distill.py arguments...]
#
# Rounds:
#   committed  the committed SMALL (models/pair/small) and router (models/pair/router.json);
#              before = docs/bench/eval-routing.json, after = docs/bench/eval-distilled.json.
#   no-units   a SMALL that never saw the `units` family (train_pair.py --without units --steps 4800:
#              the pair's recipe trained twice as long, ~10 min), its own router fitted as evaluate.sh fits one, and its
#              before-eval; after = models/pair/small-no-units-distilled. The case distillation is
#              for: the device model lacks a kind of request the server knows.
# Steps:
#   1. `tandem serve` runs the LARGE; make_distill_log.py draws the distillation split (seed 1717,
#      disjoint from every held-out split), routes it with the round's router as the package
#      would, and logs the server's answers to the escalated prompts with top-5 logprobs
#      (tandem-distill/1, the package's format);
#   2. models/distill.py fine-tunes the SMALL on the log and re-fits the router for the new pair
#      on calib (no labels);
#   3. `tandem eval` on the held-out test split, and check_distill.py before against after.
# Extra arguments go to distill.py (e.g. --steps 1500 --lr 1e-3 --replay 0.5). Needs the venv of
# models/requirements.txt (torch, transformers, tokenizers, safetensors) as $PYTHON.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tandem-target}"
PYTHON="${PYTHON:-$HOME/.cache/tandem-venv/bin/python}"
PROMPTS="${PROMPTS:-12000}"
round=committed
case "${1:-}" in committed | no-units) round=$1; shift ;; esac
cargo build --release --locked -q -p tandem-cli
tandem="$CARGO_TARGET_DIR/release/tandem"
tmp="${TANDEM_DISTILL_TMP:-$(mktemp -d)}"
mkdir -p "$tmp"
suite=models/pair/suite

case $round in
  committed)
    small=models/pair/small router=models/pair/router.json out=models/pair/small-distilled
    before=docs/bench/eval-routing.json after=docs/bench/eval-distilled.json ;;
  no-units)
    small=models/pair/small-no-units router=models/pair/small-no-units/router.json
    out=models/pair/small-no-units-distilled
    before=docs/bench/eval-no-units.json after=docs/bench/eval-no-units-distilled.json
    [ -f "$small/model.safetensors" ] || "$PYTHON" models/train_pair.py --without units --out "$small" --steps 4800
    [ -f "$router" ] || "$PYTHON" models/distill.py --router-only --small "$small" --router-out "$router" --tandem "$tandem"
    "$tandem" eval --suite "$suite/test.jsonl" --local "$small" --server models/pair/large \
      --router "$router" --rtt-ms 50 --out "$before" ;;
esac

port=8123
"$tandem" serve --model models/pair/large --model-id large --bind "127.0.0.1:$port" --backend cpu >"$tmp/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
"$PYTHON" models/pair/make_distill_log.py --server "http://127.0.0.1:$port/v1" --prompts "$PROMPTS" \
  --small "$small" --router "$router" --out "$tmp/log.jsonl"
kill $serve

"$PYTHON" models/distill.py --log "$tmp/log.jsonl" --small "$small" --out "$out" \
  --router-out "$out/router.json" --tandem "$tandem" "$@"
node models/make_manifests.mjs
"$tandem" eval --suite "$suite/test.jsonl" --local "$out" --server models/pair/large \
  --router "$out/router.json" --rtt-ms 50 --out "$after"
python3 models/pair/check_distill.py "$before" "$after"
python3 models/pair/check_distill.py "$before" "$after" cascade
