#!/usr/bin/env python3
"""Tandem's CPU engine beside llama.cpp on the very same random weights, in one run.

For each dtype, `tandem bench --export-gguf` builds seeded random weights at a real model's
shapes, benchmarks them and writes them as GGUF; llama.cpp (llama-cpp-python, built from source
with GGML_NATIVE) then loads that file in a fresh process and is timed the same way: the same
prompt ids, best-of-N prefill, then greedy decode one token at a time, f32 KV cache, same
thread count. Prints a Markdown table for docs/BENCHMARKS.md and the raw JSON.

  python models/bench_vs_llamacpp.py --tandem ~/.cache/tandem-target/release/tandem \
      --shape smollm2-135m --dtypes f32,q8_0,q4_0 --threads 2
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time


def llamacpp_child(a: argparse.Namespace) -> None:
    import numpy as np
    from llama_cpp import Llama

    llm = Llama(model_path=a.gguf, n_ctx=a.prefill + a.decode + 16, n_batch=a.prefill, n_ubatch=a.prefill,
                n_threads=a.threads, n_threads_batch=a.threads, type_k=0, type_v=0, flash_attn=False,
                logits_all=False, verbose=False, seed=0)
    vocab = llm.n_vocab()
    prompt = [(i * 7919 + 13) % vocab for i in range(a.prefill)]
    llm.eval(prompt[:8])  # warm-up
    best = float("inf")
    for _ in range(a.repeats):
        llm.reset()
        t = time.perf_counter()
        llm.eval(prompt)
        best = min(best, time.perf_counter() - t)
    t = time.perf_counter()
    for _ in range(a.decode):
        last = np.ctypeslib.as_array(llm._ctx.get_logits(), shape=(vocab,))
        nxt = int(np.argmax(last))
        llm.eval([nxt])
    dec = time.perf_counter() - t
    print(json.dumps({
        "engine": "llama.cpp",
        "prefill_tok_s": a.prefill / best,
        "decode_tok_s": a.decode / dec,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_mib": next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS:")) / 1024,
    }))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--tandem", default=os.path.expanduser("~/.cache/tandem-target/release/tandem"))
    p.add_argument("--shape", default="smollm2-135m")
    p.add_argument("--dtypes", default="f32,q8_0,q4_0")
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--prefill", type=int, default=128)
    p.add_argument("--decode", type=int, default=64)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--llamacpp-child", dest="gguf", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.gguf:
        return llamacpp_child(a)

    import llama_cpp

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for dtype in a.dtypes.split(","):
            gguf = os.path.join(tmp, f"{a.shape}-{dtype}.gguf")
            common = ["--prefill", str(a.prefill), "--decode", str(a.decode), "--repeats", str(a.repeats)]
            tandem = [a.tandem, "bench", "--shape", a.shape, "--dtype", dtype, "--threads", str(a.threads), "--json"]
            # 1) write the seeded random weights as GGUF; 2) measure in a fresh process (the same
            # seed gives the same weights) so peak memory does not include the export.
            subprocess.run([*tandem, "--export-gguf", gguf, "--prefill", "1", "--decode", "1", "--repeats", "1"],
                           check=True, capture_output=True, text=True)
            t = json.loads(subprocess.run([*tandem, *common], check=True, capture_output=True, text=True).stdout)
            l = json.loads(subprocess.run(
                [sys.executable, __file__, "--llamacpp-child", gguf, "--threads", str(a.threads), *common],
                check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
            rows.append({"dtype": dtype, "tandem": t, "llamacpp": l,
                         "decode_ratio": t["decode_tok_s"] / l["decode_tok_s"],
                         "prefill_ratio": t["prefill_tok_s"] / l["prefill_tok_s"]})
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    print(f"machine: {cpu}, {os.cpu_count()} cores, {platform.system()}; threads={a.threads}; "
          f"llama-cpp-python {llama_cpp.__version__}; shape {a.shape}; prefill {a.prefill} tokens, "
          f"decode {a.decode} tokens\n")
    print("| dtype | tandem prefill tok/s | llama.cpp prefill tok/s | tandem decode tok/s | "
          "llama.cpp decode tok/s | decode ratio | tandem RSS / peak MiB | llama.cpp RSS / peak MiB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        t, l = r["tandem"], r["llamacpp"]
        print(f"| {r['dtype']} | {t['prefill_tok_s']:.1f} | {l['prefill_tok_s']:.1f} | {t['decode_tok_s']:.1f} | "
              f"{l['decode_tok_s']:.1f} | {r['decode_ratio']:.2f} | {t['rss_mib']:.0f} / {t['peak_rss_mib']:.0f} | "
              f"{l['rss_mib']:.0f} / {l['peak_rss_mib']:.0f} |")
    print("\n" + json.dumps(rows))


if __name__ == "__main__":
    main()
