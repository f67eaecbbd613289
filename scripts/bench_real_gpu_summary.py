#!/usr/bin/env python3
"""The summary table of scripts/bench_real_gpu.sh: Tandem and PyTorch side by side per shape
and context, and the largest kernels of each profile. Usage: bench_real_gpu_summary.py DIR."""
import json
import pathlib
import sys


def rows(path):
    p = pathlib.Path(path)
    if not p.exists():
        return []
    out = []
    for line in p.read_text().splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            pass
    return out


def main():
    d = pathlib.Path(sys.argv[1])
    tandem, torch = rows(d / "tandem.jsonl"), rows(d / "torch.jsonl")
    print("\n| engine | backend/mode | shape | dtype | context | decode tok/s | prefill tok/s | roofline |")
    print("|---|---|---|---|---|---|---|---|")
    for r in tandem:
        roof = r.get("roofline_share")
        mode = r['backend'] + (" (not queued ahead)" if r.get("greedy_ahead") is False else "")
        print(f"| tandem | {mode} | {r['shape']} | {r['dtype']} | {r['decode_context']} | "
              f"{r['decode_tok_s']:.1f} | {r['prefill_tok_s']:.0f} | "
              f"{'' if roof is None else f'{100 * roof:.1f} %'} |")
    for r in torch:
        pre = r.get("prefill_tok_s")
        print(f"| torch {r['torch']} | {r['mode']} | {r['shape']} | {r['dtype']} | "
              f"{r['decode_context']} | {r['decode_tok_s']:.1f} | "
              f"{'' if pre is None else f'{pre:.0f}'} | |")
    for r in tandem:
        for key, what in (("profile", "decode step"), ("profile_prefill", "prefill step")):
            p = r.get(key) or []
            if not p:
                continue
            total = sum(k["us"] for k in p)
            top = sorted(p, key=lambda k: -k["us"])[:6]
            parts = ", ".join(f"{k['kernel']} {k['us']:.0f} µs/{k['dispatches']}" for k in top)
            whole = r.get("step_gpu_us" if key == "profile" else "step_gpu_us_prefill")
            one_pass = "" if whole is None else f" ({whole:.0f} µs in one pass)"
            print(f"{r['shape']} {r['dtype']} ctx {r['decode_context']} {what}: "
                  f"{total:.0f} µs{one_pass}, {sum(k['dispatches'] for k in p)} dispatches; {parts}")
    if tandem:
        print("device:", tandem[0].get("device"))


if __name__ == "__main__":
    main()
