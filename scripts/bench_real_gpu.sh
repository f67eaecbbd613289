#!/usr/bin/env bash
# One prepared run on a machine with a real GPU (the `device` tool's H200; see DEVELOPERS.md):
# parity of the GPU engine against transformers there, `tandem bench --backend gpu` at the
# issue's shapes and contexts with kernel profiles, and PyTorch (HF transformers, eager and
# compiled) on the same GPU as the comparator. Everything lands in $OUT; the last lines printed
# are the summary table (scripts/bench_real_gpu_summary.py).
#
# Built here first (x86-64-v3, so it runs on that machine's CPU), into an ignored folder:
#   CARGO_TARGET_DIR=$HOME/.cache/tandem-target-v3 RUSTFLAGS="-C target-cpu=x86-64-v3" \
#     cargo build --release -p tandem-cli; cargo test --release --no-run (the test binaries below)
#   stripped and packed into .devbuild/bins.tar.xz (tandem; the gpu, engine, model and kernels
#   tests), with the Vulkan loader's and glvnd's .debs in .gl/ (both carried).
# Usage there: QUICK=1 skips the CPU backend and the compiled PyTorch run, NO_TORCH=1 every
# PyTorch run.
set -u
BIN=${BIN:-.devbuild}
OUT=${OUT:-/tmp/tandem-real-gpu}
mkdir -p "$OUT"
# The binaries travel xz-packed (the device tool carries at most 64 MiB with the tree).
[ -f "$BIN/bins.tar.xz" ] && tar -C "$BIN" -xJf "$BIN/bins.tar.xz"
export XDG_RUNTIME_DIR=/tmp PYTHONUNBUFFERED=1
for f in .gl/*.deb; do dpkg -x "$f" /; done
ldconfig
# The NVIDIA Vulkan driver (libGLX_nvidia) needs glvnd's libraries, hence all of .gl's debs.
# Take the first driver manifest under which wgpu finds an adapter.
probe() { timeout 60 "$BIN/tandem" bench --backend gpu --shape smollm2-135m --dtype q8_0 \
  --prefill 8 --decode 2 --repeats 1 >/dev/null 2>"$OUT/probe.err"; }
for icd in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json \
  /etc/vulkan/icd.d/nvidia_icd.json; do
  [ -f "$icd" ] || continue
  export VK_DRIVER_FILES=$icd
  probe && break
done
export __EGL_VENDOR_LIBRARY_FILENAMES=/usr/local/nvidia/share/glvnd/egl_vendor.d/10_nvidia.json
probe || { echo "no adapter:"; VK_LOADER_DEBUG=error probe; tail -5 "$OUT/probe.err"; exit 1; }
echo "VK_DRIVER_FILES=$VK_DRIVER_FILES"
# The test binaries find models/ and the transformers references by their compile-time path.
[ -e /work/main/models ] || { mkdir -p /work && ln -sfn "$PWD" /work/main; }
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.mem,memory.used --format=csv
step() { echo "== $*"; }

bench() {
  timeout 120 "$BIN/tandem" bench --backend gpu --json --peak-bandwidth-gbs 4800 "$@" \
    >>"$OUT/tandem.jsonl" 2>>"$OUT/tandem.err" || echo "tandem bench $* failed rc=$?"
}
step "tandem bench"
bench --shape smollm2-135m --dtype q8_0 --prefill 128 --context 64 --decode 256 --profile
bench --shape smollm2-135m --dtype q8_0 --prefill 128 --context 4096 --decode 128 --profile
bench --shape qwen2.5-0.5b --dtype f16 --prefill 128 --context 64 --decode 256 --profile
step "parity: whole models against transformers, the engine, every kernel against the CPU reference"
for t in gpu engine model kernels; do
  [ -x "$BIN/$t" ] || continue
  timeout 240 "$BIN/$t" --nocapture --test-threads 4 >"$OUT/parity-$t.log" 2>&1
  echo "$t tests rc=$?"
  grep -E "adapter|max \|diff\||test result|FAILED|panicked" "$OUT/parity-$t.log" | head -30
done

step "tandem bench, the rest"
# Greedy steps queued ahead (the default on GPUs) against not, in the same invocation.
bench --shape smollm2-135m --dtype q8_0 --prefill 128 --context 64 --decode 256 --greedy-ahead false
bench --shape smollm2-135m --dtype q8_0 --prefill 128 --context 4096 --decode 128 --greedy-ahead false
bench --shape smollm2-135m --dtype q8_0 --prefill 128 --context 1024 --decode 128
bench --shape smollm2-135m --dtype f16 --prefill 128 --context 64 --decode 256
bench --shape smollm2-135m --dtype q4_0 --prefill 128 --context 64 --decode 256
bench --shape qwen2.5-0.5b --dtype f16 --prefill 128 --context 4096 --decode 128
bench --shape qwen2.5-0.5b --dtype q8_0 --prefill 128 --context 64 --decode 256
[ -n "${QUICK:-}" ] || timeout 120 "$BIN/tandem" bench --backend cpu --json --shape smollm2-135m \
  --dtype q8_0 --prefill 128 --context 64 --decode 64 >>"$OUT/tandem.jsonl" 2>>"$OUT/tandem.err"

if [ -z "${NO_TORCH:-}" ]; then
step "PyTorch on the same GPU"
torch() { timeout "$1" python3 scripts/bench_torch.py "${@:2}" >>"$OUT/torch.jsonl" 2>>"$OUT/torch.err" ||
  echo "bench_torch $* failed rc=$?"; }
# Eager decode runs at ~15 tok/s (one kernel launch per op from Python): 32 tokens suffice.
torch 120 --shape smollm2-135m --dtype bf16 --contexts 64,1024,4096 --decode 32
torch 120 --shape qwen2.5-0.5b --dtype f16 --contexts 64,4096 --decode 32
[ -n "${QUICK:-}" ] || torch 200 --shape smollm2-135m --dtype bf16 --mode compiled --contexts 64,4096 --decode 128
fi

python3 scripts/bench_real_gpu_summary.py "$OUT"
