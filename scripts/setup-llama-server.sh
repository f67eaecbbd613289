#!/usr/bin/env bash
# Installs llama.cpp's OpenAI server (PyPI llama-cpp-python[server], pinned in
# scripts/requirements-llama-server.txt) into a venv outside the clone, idempotently, and prints
# the venv's python. Used by scripts/test.sh (the proxy tests) and scripts/bench_server.py.
# llama.cpp is compiled from the sdist once (~4 min on 2 cores; LLaVA/mtmd are left out); pip's
# wheel cache makes a rebuilt venv fast.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${TANDEM_VENV:-$HOME/.cache/tandem-venv}"
req=scripts/requirements-llama-server.txt
if [ -x "$venv/bin/python" ] && cmp -s "$req" "$venv/.tandem-req-stamp"; then
  echo "$venv/bin/python"
  exit 0
fi
py=$(command -v python3 || true)
if [ -z "$py" ] || ! "$py" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 9))' 2>/dev/null; then
  echo "setup-llama-server: python3 >= 3.9 with venv/ensurepip is needed (Debian: python3-venv)" >&2
  exit 1
fi
command -v c++ >/dev/null 2>&1 || { echo "setup-llama-server: a C++ compiler is needed (Debian: g++)" >&2; exit 1; }
echo "setup-llama-server: building llama-cpp-python into $venv (once; a few minutes)" >&2
rm -rf "$venv"
"$py" -m venv "$venv"
CMAKE_ARGS="-DLLAVA_BUILD=OFF" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$req" >&2
cp "$req" "$venv/.tandem-req-stamp"
echo "$venv/bin/python"
