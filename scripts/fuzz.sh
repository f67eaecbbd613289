#!/usr/bin/env bash
# Coverage-guided fuzzing of Tandem's parsers: libFuzzer (libfuzzer-sys, built here with the
# machine's C++ compiler) on the stable toolchain, with rustc's SanitizerCoverage passes instead
# of cargo-fuzz's nightly-only sanitizer flags. The Rust targets are in fuzz/src/; the npm
# package's SSE parser is fuzzed in Node, on V8's block coverage (web/packages/tandem/fuzz/).
#
#   scripts/fuzz.sh [SECONDS] [TARGET ...]     default: 30 s each, every target
#
# Each target starts from its committed seeds (fuzz/corpus/<target>/) plus what earlier runs on
# this machine found ($HOME/.cache/tandem-fuzz/corpus/<target>/, outside the clone). A failing
# input is saved to $HOME/.cache/tandem-fuzz/artifacts/<target>/ and the script exits 1 after
# the remaining targets; copy it into fuzz/regressions/<target>/ with the fix, where
# `cargo test -p tandem-fuzz` replays it. One JSON line per target (execs, seconds, coverage,
# new inputs, failures) goes to $FUZZ_STATS (default $HOME/.cache/tandem-fuzz/stats.jsonl).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
targets=("$@")
# Every Rust target has its corpus directory (fuzz/tests/corpus.rs checks it against Target::ALL).
[ ${#targets[@]} -gt 0 ] || targets=($(ls fuzz/corpus) sse)

work="${TANDEM_FUZZ_DIR:-$HOME/.cache/tandem-fuzz}"
stats="${FUZZ_STATS:-$work/stats.jsonl}"
mkdir -p "$work" "$(dirname "$stats")"
work="$(cd "$work" && pwd)" # absolute: the sse target runs from the package's directory
# Its own target dir: every crate is built with coverage instrumentation.
export CARGO_TARGET_DIR="${TANDEM_FUZZ_TARGET_DIR:-$HOME/.cache/tandem-target-fuzz}"
# What cargo-fuzz passes for libFuzzer, minus `-Zsanitizer`: coverage of edges, 8-bit counters,
# a PC table and comparison tracing (so magic numbers and JSON keys are found), with debug
# assertions and overflow checks on, as in a test build. RUSTFLAGS replaces .cargo/config.toml's
# flags, so its -Ctarget-cpu=native is repeated: candle's AVX kernels are compiled only with it.
export RUSTFLAGS="-Ctarget-cpu=native --cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks"

need_rust=0
for t in "${targets[@]}"; do [ "$t" = sse ] || need_rust=1; done
# An explicit --target keeps RUSTFLAGS off build scripts and proc macros (they would need the
# libFuzzer runtime to link), as cargo-fuzz does.
host=$(rustc -vV | awk '/^host:/ {print $2}')
if [ $need_rust = 1 ]; then
  cargo build --release --locked -p tandem-fuzz --features libfuzzer --bin tandem-fuzz --target "$host"
fi
bin="$CARGO_TARGET_DIR/$host/release/tandem-fuzz"

failed=()
for t in "${targets[@]}"; do
  corpus="$work/corpus/$t"
  artifacts="$work/artifacts/$t/"
  log="$work/$t.log"
  mkdir -p "$corpus" "$artifacts"
  echo "== fuzz $t for ${seconds}s" >&2
  start=$(date +%s)
  rc=0
  if [ "$t" = sse ]; then
    (cd web/packages/tandem && node fuzz/run.mjs "$seconds" "$corpus" fuzz/corpus "$artifacts") \
      >"$log" 2>&1 || rc=$?
  else
    # -rss_limit_mb: a parser must not need 2 GiB for a small input (a browser tab has ~4).
    # -timeout: one input may take 10 s at most (a hang is a finding too).
    TANDEM_FUZZ_TARGET="$t" "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
      -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" "fuzz/corpus/$t" \
      >"$log" 2>&1 || rc=$?
  fi
  wall=$(( $(date +%s) - start ))
  python3 - "$t" "$log" "$rc" "$wall" "$seconds" >>"$stats" <<'PY' || echo "fuzz: no stats from $log" >&2
import json, re, sys, time
t, log, rc, wall, asked = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
text = open(log, errors="replace").read()
stat = dict(re.findall(r"^stat::(\w+):\s+(\d+)", text, re.M))
cov = re.findall(r"\bcov: (\d+) ft: (\d+) corp: (\d+)", text)
print(json.dumps({
    "target": t, "seconds_asked": asked, "wall_s": wall, "exit": rc,
    "execs": int(stat.get("number_of_executed_units", 0)),
    "execs_per_s": int(stat.get("average_exec_per_sec", 0)),
    "new_units": int(stat.get("new_units_added", 0)),
    "peak_rss_mb": int(stat.get("peak_rss_mb", 0)),
    "edges": int(cov[-1][0]) if cov else None, "features": int(cov[-1][1]) if cov else None,
    "corpus": int(cov[-1][2]) if cov else None,
    "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
}))
PY
  tail -n1 "$stats" >&2
  if [ $rc -ne 0 ]; then
    failed+=("$t")
    echo "fuzz: $t FAILED (exit $rc); the input is in $artifacts, the log in $log:" >&2
    grep -m5 -E "panicked|ERROR|SUMMARY|Test unit written" "$log" >&2 || tail -n 20 "$log" >&2
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failures in: ${failed[*]}" >&2
  exit 1
fi
