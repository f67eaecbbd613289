#!/usr/bin/env bash
# Installs what building and testing Tandem needs, idempotently (fast when already there).
# Only package registries are used (rustup's component server, crates.io).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: cargo not found; install Rust with rustup (https://rustup.rs) first" >&2
  exit 1
fi
# rust-toolchain.toml pins the channel; make sure its target and components are present.
installed_targets=$(rustup target list --installed)
grep -qx wasm32-unknown-unknown <<<"$installed_targets" || rustup target add wasm32-unknown-unknown
installed_components=$(rustup component list --installed)
for c in rustfmt clippy; do
  grep -q "^$c" <<<"$installed_components" || rustup component add "$c"
done

# GPU tests need a Vulkan adapter: lavapipe (Mesa's Vulkan on the CPU) where there is no GPU.
# The kernel tests also run in headless Chromium on its SwiftShader WebGPU adapter.
need_apt=()
dpkg -s mesa-vulkan-drivers >/dev/null 2>&1 || need_apt+=(mesa-vulkan-drivers libvulkan1)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
# The proxy tests build llama.cpp's server (scripts/setup-llama-server.sh): python venv + C++.
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need_apt+=(python3 python3-venv)
command -v c++ >/dev/null 2>&1 || need_apt+=(g++)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${need_apt[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

# wasm-bindgen's CLI must be the exact version in Cargo.lock; wasm-pack drives the browser tests.
# (No --locked for wasm-bindgen-cli: one locked dependency is missing from the registry mirror.)
wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg_version" ]; then
  cargo install -q wasm-bindgen-cli --version "$wbg_version" --force
fi
command -v wasm-pack >/dev/null 2>&1 || cargo install -q wasm-pack --version 0.15.1

# The npm workspace (package build, vitest, playwright-core, npm binaryen's wasm-opt). Node ≥ 20 from
# Debian/NodeSource/nvm is expected; `npm ci` runs only when the lockfile changed.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "setup: node and npm (>= 20) are needed for the web package and browser tests" >&2
  exit 1
fi
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "setup: node >= 20 is needed (have $(node --version))" >&2
  exit 1
fi
stamp=node_modules/.tandem-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
