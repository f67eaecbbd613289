#!/usr/bin/env bash
# The routing evaluation of the model pair, end to end (docs/BENCHMARKS.md, "Issue 14"):
#   1. both models answer the `calib` split; the target share is the share of prompts where their
#      answers disagree (no labels: what `router fit` sees);
#   2. `tandem router fit` on calib without labels -> models/pair/router.json, and with labels
#      (local wrong) for comparison;
#   3. `tandem eval` on the held-out `test` split -> docs/bench/eval-routing.{json,png}, and with the
#      labelled router on the same generations;
#   4. `tandem eval` on the `fresh` split: does the calibrated share hold on a new sample?
#   5. models/pair/check_routing.py prints every "Must show" criterion against these files;
#   6. `tandem eval --policies` on `test`: speculative, token-defer (router.json's `token_defer`,
#      a quarter of the local tokens by the top-2 margin) and fusion (server weight 0.7), both
#      chosen on the first 120 `dev` items -> docs/bench/eval-policies.json (issue 17's table).
# About 6 min on 2 cores (debug CLI; dependencies are built optimised).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tandem-target}"
cargo build --locked -q -p tandem-cli
tandem="$CARGO_TARGET_DIR/debug/tandem"
small=models/pair/small
large=models/pair/large
suite=models/pair/suite
tmp="${TANDEM_EVAL_TMP:-$(mktemp -d)}"
mkdir -p docs/bench "$tmp"

"$tandem" eval --suite "$suite/calib.jsonl" --local "$small" --server "$large" \
  --out "$tmp/calib.json" --save-runs "$tmp/calib-runs.jsonl"
share="$(python3 models/pair/check_routing.py --disagreement "$tmp/calib.json")"
echo "target share (calib disagreement): $share"
"$tandem" router fit --prompts "$suite/calib.jsonl" --runs "$tmp/calib-runs.jsonl" \
  --target-share "$share" --defer-share 0.25 --defer-signal margin --out models/pair/router.json
"$tandem" router fit --prompts "$suite/calib.jsonl" --runs "$tmp/calib-runs.jsonl" \
  --target-share "$share" --labels --out "$tmp/router-labels.json"
"$tandem" eval --suite "$suite/test.jsonl" --local "$small" --server "$large" \
  --router models/pair/router.json --out docs/bench/eval-routing.json \
  --plot docs/bench/eval-routing.png --save-runs "$tmp/test-runs.jsonl"
"$tandem" eval --suite "$suite/test.jsonl" --runs "$tmp/test-runs.jsonl" \
  --router "$tmp/router-labels.json" --out "$tmp/test-labels.json"
"$tandem" eval --suite "$suite/fresh.jsonl" --local "$small" --server "$large" \
  --router models/pair/router.json --out "$tmp/fresh.json"
python3 models/pair/check_routing.py --target "$share" docs/bench/eval-routing.json \
  "$tmp/test-labels.json" "$tmp/fresh.json" | tee docs/bench/eval-routing-check.txt
"$tandem" eval --suite "$suite/test.jsonl" --local "$small" --server "$large" \
  --router models/pair/router.json --policies speculative,token-defer,fusion --fusion-weight 0.7 \
  --rtt-ms 50 --out docs/bench/eval-policies.json
