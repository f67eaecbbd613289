#!/usr/bin/env python3
"""`tandem bench --backend gpu` and `--backend cpu` side by side, same shapes, same seeded weights,
one invocation: prints a Markdown table (tok/s of both and GPU/CPU ratios) for docs/BENCHMARKS.md.

  python3 scripts/bench_gpu_vs_cpu.py --shape smollm2-135m --dtypes f16,q8_0,q4_0 \
      --prefill 32 --decode 16 [--peak-bandwidth-gbs 3350] [--tandem target/release/tandem]

With --contexts 64,1024,4096 it sweeps decode over the context instead (decode measured after
a prompt of that many tokens; prefill on --prefill tokens), one table row per dtype and context;
--before OLD_TANDEM adds a GPU column from another build (one without --context feeds the whole
context as its --prefill prompt, so its prefill column is then at that length).
"""
import argparse
import json
import subprocess


def bench(tandem, backend, a, dtype, context=None, old=False):
    prefill = context if (old and context) else a.prefill
    cmd = [tandem, "bench", "--shape", a.shape, "--dtype", dtype, "--backend", backend,
           "--prefill", str(prefill), "--decode", str(a.decode), "--repeats", str(a.repeats),
           "--json"]
    if context and not old:
        cmd += ["--context", str(context)]
    if a.peak_bandwidth_gbs and backend == "gpu":
        cmd += ["--peak-bandwidth-gbs", str(a.peak_bandwidth_gbs)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def sweep(a):
    contexts = [int(c) for c in a.contexts.split(",")]
    head = "| dtype | context | decode GPU | decode CPU | GPU/CPU |"
    if a.before:
        head += " decode GPU before |"
    head += " prefill GPU | prefill CPU | context fed GPU / CPU (s) |"
    rows, device, threads = [], None, None
    for dtype in a.dtypes.split(","):
        for c in contexts:
            g = bench(a.tandem, "gpu", a, dtype, c)
            cpu = bench(a.tandem, "cpu", a, dtype, c)
            device, threads = g["device"], cpu["threads"]
            line = (f"| {dtype} | {c} | {g['decode_tok_s']:.2f} | {cpu['decode_tok_s']:.2f} | "
                    f"{g['decode_tok_s'] / cpu['decode_tok_s']:.3f} |")
            if a.before:
                if c <= a.before_max_context:
                    b = bench(a.before, "gpu", a, dtype, c, old=True)
                    line += f" {b['decode_tok_s']:.2f} |"
                else:
                    line += " (not run) |"
            line += (f" {g['prefill_tok_s']:.1f} | {cpu['prefill_tok_s']:.1f} | "
                     f"{g['context_prefill_s']:.1f} / {cpu['context_prefill_s']:.1f} |")
            rows.append(line)
            print(line, flush=True)
    print(f"\nGPU device: {device}; CPU threads: {threads}\n")
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    print("\n".join(rows))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--shape", default="smollm2-135m")
    p.add_argument("--dtypes", default="f16,q8_0,q4_0")
    p.add_argument("--prefill", type=int, default=32)
    p.add_argument("--decode", type=int, default=16)
    p.add_argument("--repeats", type=int, default=1)
    p.add_argument("--peak-bandwidth-gbs", type=float)
    p.add_argument("--tandem", default="target/release/tandem")
    p.add_argument("--contexts", help="e.g. 64,1024,4096: decode at each context")
    p.add_argument("--before", help="another tandem build: its GPU decode beside (with --contexts)")
    p.add_argument("--before-max-context", type=int, default=1024,
                   help="run --before only up to this context (it re-feeds the whole prompt)")
    a = p.parse_args()
    if a.contexts:
        sweep(a)
        return
    rows = []
    for dtype in a.dtypes.split(","):
        g = bench(a.tandem, "gpu", a, dtype)
        c = bench(a.tandem, "cpu", a, dtype)
        rows.append((dtype, g, c))
    print(f"GPU device: {rows[0][1]['device']}; CPU threads: {rows[0][2]['threads']}")
    print()
    head = "| dtype | prefill GPU | prefill CPU | GPU/CPU | decode GPU | decode CPU | GPU/CPU | weight MiB/token |"
    if a.peak_bandwidth_gbs:
        head += " roofline |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for dtype, g, c in rows:
        line = (f"| {dtype} | {g['prefill_tok_s']:.1f} | {c['prefill_tok_s']:.1f} | "
                f"{g['prefill_tok_s'] / c['prefill_tok_s']:.2f} | {g['decode_tok_s']:.1f} | "
                f"{c['decode_tok_s']:.1f} | {g['decode_tok_s'] / c['decode_tok_s']:.2f} | "
                f"{g['weight_bytes'] / 2**20:.1f} |")
        if a.peak_bandwidth_gbs:
            line += f" {100 * (g['roofline_share'] or 0):.1f} % |"
        print(line)


if __name__ == "__main__":
    main()
