#!/usr/bin/env bash
# HTTP overhead of `tandem serve`'s accept loop, two builds side by side in one run:
#   scripts/bench_listen.sh OLD_TANDEM NEW_TANDEM [SECONDS]
# Each build serves the demo model on the CPU; wrk (Debian `wrk`) then drives GET /healthz (the
# HTTP stack alone: no model, no queue) and POST /v1/chat/completions (a 16-token greedy answer,
# scripts/loadtest.lua) with 8 connections, builds interleaved twice.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2 secs=${3:-15}
port=18431
run() {
  local label=$1 bin=$2
  "$bin" serve --backend cpu --bind "127.0.0.1:$port" 2>/dev/null &
  local pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  printf '%s healthz: ' "$label"
  wrk -t1 -c8 -d"${secs}s" "http://127.0.0.1:$port/healthz" | awk '/Requests\/sec/ {print $2 " req/s"}'
  printf '%s chat:    ' "$label"
  wrk -t1 -c8 -d"${secs}s" -s scripts/loadtest.lua "http://127.0.0.1:$port/v1/chat/completions" \
    | awk '/Requests\/sec/ {r=$2} /^LATENCY/ {l=$3" / "$5" ms"} /^STATUS/ {s=s" "$2":"$3} END {print r " req/s, p50/p99 " l "," s}'
  kill -INT "$pid"; wait "$pid" || true
}
for rep in 1 2; do
  run "old#$rep" "$old"
  run "new#$rep" "$new"
done
