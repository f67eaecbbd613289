#!/usr/bin/env python3
"""A distillation log made the way the package makes one (issue 17), for measuring a round of
`models/distill.py`: `tandem-distill/1` JSON lines of the server's answers to escalated requests.

1. A *distillation split* of prompts: new items of the task suite (tasks.py's generators) drawn
   with their own seed (`SEED`, none of tasks.SPLIT_SEEDS), never a prompt of dev/calib/test/fresh
   and never a held-out fact question (the (person, level, form) pairs no training item asks):
   the same rules as tasks.py's `train` split, checked again before anything is sent.
2. Which of them the package would escalate under policy `route`: the committed router
   (`models/pair/router.json`) scores each prompt's features — mean and last final-norm hidden
   state of the SMALL over the prompt, as tandem-engine's `prompt_features` — and a score above
   its threshold goes to the server (`--all` sends every prompt, as policy `server` would).
   The scores are checked against `tandem eval`'s own on the test split (`--check-scores`).
3. Each escalated prompt goes to a running `tandem serve --model models/pair/large` through
   `/v1/chat/completions` with `logprobs: true, top_logprobs: K` (greedy, max_tokens 96, as the
   eval), and the record the package writes is appended: `format, created, model, route,
   reason, messages, answer, logprobs`.

    tandem serve --model models/pair/large --bind 127.0.0.1:8123 --backend cpu &
    python models/pair/make_distill_log.py --server http://127.0.0.1:8123/v1 --prompts 6000 \
        --out /tmp/distill/log.jsonl

Deterministic: the split and the routing are (seeded, no sampling); the server's greedy answers
are too. Only the standard library talks to the server (no network beyond it).
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import tasks  # noqa: E402

SEED = 1717  # not one of tasks.SPLIT_SEEDS (11..15), nor train_pair.py's model seeds
HELD_OUT_SPLITS = ["dev", "calib", "test", "fresh"]


def distill_split(n: int, seed: int = SEED) -> list[dict]:
    """`n` new items, cycling family and level as tasks.build does; no prompt of a held-out split,
    no held-out fact question. A prompt may come twice, as in tasks.py's `train` split (and as
    users repeat themselves): a cell such as units/3 has under a thousand distinct prompts."""
    if seed in tasks.SPLIT_SEEDS.values():
        raise SystemExit(f"seed {seed} is one of the suite's split seeds")
    facts = json.loads((HERE / "facts.json").read_text())
    taken = set()
    for s in HELD_OUT_SPLITS:
        for line in open(HERE / "suite" / f"{s}.jsonl"):
            taken.add(json.loads(line)["messages"][0]["content"])
    held = {(p, lv, f) for lv, pf in tasks.held_out_fact_questions(facts).items() for p, f in pf}
    held_prompts = {tasks.facts_item(random.Random(0), lv, facts, p, f)[0] for p, lv, f in held}
    rng = random.Random(seed)
    out, seen, i = [], set(), 0
    while len(out) < n:
        family, level = tasks.FAMILIES[i % 4], tasks.LEVELS[(i // 4) % 3]
        for _ in range(10000):
            if family == "facts":
                p, form = rng.choice(sorted(facts["city_of"])), rng.randrange(tasks.FORMS)
                if (p, level, form) in held:
                    continue
                q, lines = tasks.facts_item(rng, level, facts, p, form)
            else:
                q, lines = tasks.make_item(rng, family, level, facts)
            if q not in taken:
                break
        else:
            raise SystemExit(f"cannot draw a new {family} item")
        seen.add(q)
        i += 1
        out.append({"id": f"distill-{len(out):05d}", "family": family, "level": level,
                    "messages": [{"role": "user", "content": q}], "answer": lines[-1]})
    # The promise of this split, checked on what was drawn.
    assert not (seen & taken), "a distillation prompt is in a held-out split"
    assert not (seen & held_prompts), "a distillation prompt is a held-out fact question"
    return out


class RouterScorer:
    """router.json's logistic score of the SMALL's prompt features, in Python."""

    def __init__(self, small: Path, router: Path):
        import torch
        from tokenizers import Tokenizer
        from transformers import AutoModelForCausalLM
        self.torch = torch
        self.tok = Tokenizer.from_file(str(small / "tokenizer.json"))
        self.model = AutoModelForCausalLM.from_pretrained(str(small), dtype=torch.float32).eval()
        self.r = json.loads(router.read_text())
        if self.r.get("version") != "tandem-router/1" or self.r.get("kind") != "logistic":
            raise SystemExit(f"{router}: not a tandem-router/1 logistic router")

    def score(self, messages: list[dict]) -> float:
        torch = self.torch
        text = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages) + "<|im_start|>assistant\n"
        ids = self.tok.encode(text).ids
        with torch.no_grad():
            out = self.model.model(input_ids=torch.tensor([ids]))  # last_hidden_state: after the final norm
        h = out.last_hidden_state[0].double()
        x = torch.cat([h.mean(0), h[-1]]).tolist()
        r = self.r
        z = r["bias"] + sum(w * (v - m) / s for v, m, s, w in zip(x, r["mean"], r["scale"], r["weights"]))
        return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def ask(base: str, model: str, messages: list[dict], top: int, timeout: float) -> dict:
    body = {"model": model, "messages": messages, "max_tokens": 96, "temperature": 0,
            "logprobs": True, "top_logprobs": top}
    req = urllib.request.Request(f"{base}/chat/completions", data=json.dumps(body).encode(),
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as res:
        return json.load(res)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True, help="base URL of tandem serve, e.g. http://127.0.0.1:8123/v1")
    ap.add_argument("--model", default="large", help="the model name sent (tandem serve's --model-id)")
    ap.add_argument("--prompts", type=int, default=6000, help="size of the distillation split")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--top-logprobs", type=int, default=5)
    ap.add_argument("--all", action="store_true", help="send every prompt (policy server), not just the router's")
    ap.add_argument("--router", default=str(HERE / "router.json"))
    ap.add_argument("--small", default=str(HERE / "small"))
    ap.add_argument("--check-scores", help="a `tandem eval` RESULT.json on test run with --router: compare scores")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    import torch
    torch.set_num_threads(1)
    items = distill_split(args.prompts, args.seed)
    scorer = None if args.all else RouterScorer(Path(args.small), Path(args.router))
    if scorer and args.check_scores:
        res = json.load(open(args.check_scores))
        suite = {json.loads(l)["id"]: json.loads(l) for l in open(HERE / "suite" / "test.jsonl")}
        diffs = [abs(scorer.score(suite[it["id"]]["messages"]) - it["scores"]["learned"]) for it in res["items"][:100]]
        print(f"router scores vs tandem eval's on 100 test items: max |diff| {max(diffs):.4f}", flush=True)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    t0, sent = time.time(), 0
    with open(out, "w") as f:
        for k, it in enumerate(items):
            if scorer:
                s = scorer.score(it["messages"])
                thr = scorer.r["threshold"]
                if s <= thr:
                    continue
                route, reason = "route", f"router: score {s:.2f} > threshold {thr:.2f}"
            else:
                route, reason = "server", "policy: server"
            c = ask(args.server, args.model, it["messages"], args.top_logprobs, 120)
            ch = c["choices"][0]
            rec = {"format": "tandem-distill/1", "created": int(time.time() * 1000), "model": c.get("model", args.model),
                   "route": route, "reason": reason, "messages": it["messages"],
                   "answer": ch["message"]["content"] or "",
                   "logprobs": (ch.get("logprobs") or {}).get("content")}
            f.write(json.dumps(rec) + "\n")
            sent += 1
            if (k + 1) % 500 == 0:
                f.flush()
                print(f"{k + 1}/{len(items)} prompts, {sent} sent, {time.time() - t0:.0f}s", flush=True)
    distinct = len({it["messages"][0]["content"] for it in items})
    print(f"{len(items)} prompts ({distinct} distinct, seed {args.seed}), {sent} escalated and logged to {out} in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
