#!/usr/bin/env python3
"""Issue 17's measurement: one distillation round, before against after, from two `tandem eval`
RESULT.json files on the same held-out split (models/pair/suite/test.jsonl).

For each: the SMALL's accuracy (always-local), always-server's, and the server share the learned
router needs to reach a fixed accuracy, read on its accuracy-vs-share curve (the operating point a
threshold can pick: the smallest share whose accuracy is at least the target). Two targets, both
fixed by the *before* file:
  1. the before-router's accuracy at its calibrated threshold (the point router.json ships);
  2. within 2 points of always-server (always-server's accuracy - 0.02).
The goal: >= 25 % fewer server calls at the same accuracy, i.e. after-share <= 0.75 x before-share.
Also each file's router at its own calibrated threshold (share, accuracy).

    check_distill.py BEFORE.json AFTER.json [ROUTER]      # ROUTER: default "learned"
"""
from __future__ import annotations

import json
import sys


def share_for(curve: list[dict], target: float) -> float | None:
    """The smallest share on the curve whose accuracy reaches `target` (None: never)."""
    ok = [p["share"] for p in curve if p["accuracy"] >= target - 1e-9]
    return min(ok) if ok else None


def main() -> None:
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    before, after = (json.load(open(p)) for p in sys.argv[1:3])
    router = sys.argv[3] if len(sys.argv) > 3 else "learned"
    sb, sa = before["summary"], after["summary"]
    for name, s in [("before", sb), ("after", sa)]:
        if router not in s:
            raise SystemExit(f"{name}: no router {router!r} in the summary (run tandem eval with --router)")
    n = len(after["items"])
    print(f"{n} items; router {router!r}")
    for name, s in [("before", sb), ("after", sa)]:
        r = s[router]
        cal = "" if r.get("server_share") is None else \
            f"; at its calibrated threshold: share {r['server_share']:.3f}, accuracy {r['accuracy_at_calibrated_share']:.3f}"
        print(f"  {name:6s} small {s['always_local']['accuracy']:.3f}, server {s['always_server']['accuracy']:.3f}, "
              f"APGR {r['apgr']:.3f}{cal}")
    targets = [("before-router's accuracy at its calibrated share", sb[router]["accuracy_at_calibrated_share"]),
               ("within 2 points of always-server", sb["always_server"]["accuracy"] - 0.02)]
    met = True
    for what, t in targets:
        if t is None:
            continue
        b, a = share_for(sb[router]["curve"], t), share_for(sa[router]["curve"], t)
        if b is None or a is None:
            print(f"  target {t:.3f} ({what}): share before {b}, after {a} (not reached)")
            met = False
            continue
        cut = 1 - a / b if b > 0 else 0.0
        ok = cut >= 0.25
        met &= ok
        print(f"  target {t:.3f} ({what}): share before {b:.3f} ({round(b * n)} calls), after {a:.3f} "
              f"({round(a * n)} calls): {100 * cut:.1f} % fewer server calls {'PASS' if ok else 'FAIL'} (goal >= 25 %)")
    print("goal met" if met else "goal not met")


if __name__ == "__main__":
    main()
