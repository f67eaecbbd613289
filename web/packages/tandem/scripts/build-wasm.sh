#!/usr/bin/env bash
# Builds crates/tandem-wasm for wasm32 and generates its JS glue with the pinned wasm-bindgen CLI
# (--target web) into web/packages/tandem/wasm, then optimises it with npm's binaryen wasm-opt
# (Debian's is too old; wasm-pack's download fails offline). scripts/setup.sh installs the CLI.
#
# wasm-bindgen runs directly (not through wasm-pack) for --experimental-reset-state-function:
# the glue gains `__wbg_reset_state()`, which swaps in a fresh instance of the same module. A
# Rust panic aborts the module mid-call on wasm32; the package resets it and reloads the model
# instead of leaving the page with a dead engine (src/wasm.ts).
set -euo pipefail
pkg="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$pkg/../../.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tandem-target}"
out="$pkg/wasm"
(cd "$root" && cargo build -p tandem-wasm --lib --release --target wasm32-unknown-unknown --locked)
rm -rf "$out"
wasm-bindgen "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/tandem_wasm.wasm" --target web \
  --typescript --out-dir "$out" --out-name tandem_wasm --experimental-reset-state-function
wasm_opt="$root/node_modules/.bin/wasm-opt"
if [ ! -x "$wasm_opt" ]; then
  echo "build-wasm: $wasm_opt missing: run npm install at the repository root" >&2
  exit 1
fi
# -O3: the CPU path's speed matters more than a few KB.
"$wasm_opt" -O3 --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/tandem_wasm_bg.wasm" -o "$out/tandem_wasm_bg.wasm"
raw=$(stat -c %s "$out/tandem_wasm_bg.wasm")
gz=$(gzip -9 -c "$out/tandem_wasm_bg.wasm" | wc -c)
echo "build-wasm: tandem_wasm_bg.wasm $raw bytes, $gz gzipped"
