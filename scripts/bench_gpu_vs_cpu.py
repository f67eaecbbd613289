#!/usr/bin/env python3
"""`tandem bench --backend gpu` and `--backend cpu` side by side, same shapes, same seeded weights,
one invocation: prints a Markdown table (tok/s of both and GPU/CPU ratios) for docs/BENCHMARKS.md.

  python3 scripts/bench_gpu_vs_cpu.py --shape smollm2-135m --dtypes f16,q8_0,q4_0 \
      --prefill 32 --decode 16 [--peak-bandwidth-gbs 3350] [--tandem target/release/tandem]
"""
import argparse
import json
import subprocess


def bench(tandem, backend, a, dtype):
    cmd = [tandem, "bench", "--shape", a.shape, "--dtype", dtype, "--backend", backend,
           "--prefill", str(a.prefill), "--decode", str(a.decode), "--repeats", str(a.repeats),
           "--json"]
    if a.peak_bandwidth_gbs and backend == "gpu":
        cmd += ["--peak-bandwidth-gbs", str(a.peak_bandwidth_gbs)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--shape", default="smollm2-135m")
    p.add_argument("--dtypes", default="f16,q8_0,q4_0")
    p.add_argument("--prefill", type=int, default=32)
    p.add_argument("--decode", type=int, default=16)
    p.add_argument("--repeats", type=int, default=1)
    p.add_argument("--peak-bandwidth-gbs", type=float)
    p.add_argument("--tandem", default="target/release/tandem")
    a = p.parse_args()
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
