#!/usr/bin/env bash
# Builds crates/tandem-wasm with wasm-pack (--target web) into web/packages/tandem/wasm, then
# optimises it with npm's binaryen wasm-opt (Debian's is too old; wasm-pack's download fails
# offline). Needs the pinned wasm-bindgen CLI on PATH (scripts/setup.sh installs it).
set -euo pipefail
pkg="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$pkg/../../.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tandem-target}"
out="$pkg/wasm"
wasm-pack build "$root/crates/tandem-wasm" --target web --release --no-pack \
  --out-dir "$out" --out-name tandem_wasm -- --locked
rm -f "$out/.gitignore"
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
