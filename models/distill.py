#!/usr/bin/env python3
"""Distillation (issue 17): the server teaches the SMALL from a `tandem-distill/1` log.

The package (`createTandem({ distill: { log: true } })`) logs on the device the server's answers
to escalated requests, with the server's top-k logprobs when it gave them; this script
fine-tunes a SMALL (`--small`, default `models/pair/small`) on such a log (full fine-tune: at
0.33 M parameters LoRA saves nothing worth its complexity):

- sequence-level KD: cross-entropy on the server's answer (+ <|im_end|>), prompt masked out,
  for every record;
- token-level KD: where the record's `logprobs` align with the shared tokenizer, also the
  cross-entropy against the server's top-k distribution at each answer position (renormalised
  over the k tokens it reported), weighted `--kd-weight` against the sequence-level term.
  A token string/bytes maps to an id by the byte-level vocabulary (or a special token's name);
  a record whose tokens do not map, or whose tokens' bytes are not its answer, falls back to
  sequence-level only and is counted.

It then writes an HF checkpoint (`--out`, the same files as models/pair/small, f16), adds
nothing else to it, and re-fits the router for the new pair (`--router-out`): both models answer
the `calib` split (`tandem eval --save-runs`), the target share is the share where they
disagree (no labels, as models/pair/evaluate.sh does), `tandem router fit` on those runs.
Regenerate the manifest with `node models/make_manifests.mjs` (entry `pair-small-distilled`).

    python models/distill.py --log /tmp/distill/log.jsonl --out models/pair/small-distilled \
        --router-out models/pair/small-distilled/router.json
    python models/distill.py --router-only --small models/pair/small-no-units \
        --router-out models/pair/small-no-units/router.json      # a round's starting router

Deterministic (seeded, torch deterministic algorithms, packed rows in a seeded order); CPU
(`--threads`, default 2); the time of each phase is printed and written to `distill.json`
beside the checkpoint. A corrupt log line is an error naming its line.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import train_pair as tp  # noqa: E402  (render, generate/accuracy, the pair's layout)

FORMAT = "tandem-distill/1"
PACK = tp.PACK


class LogError(SystemExit):
    pass


# ---------------------------------------------------------------------------------------------
# The log
# ---------------------------------------------------------------------------------------------
def read_log(path: Path) -> list[dict]:
    """Every record of a tandem-distill/1 log, checked field by field; the first bad line stops
    with its number and what is wrong (a half-written last line included: the package appends
    whole lines, so a truncated one means a damaged file)."""
    recs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue

            def bad(why: str):
                raise LogError(f"{path}:{n}: {why}")

            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                bad(f"not JSON ({e.msg} at column {e.colno})")
            if not isinstance(r, dict):
                bad("not a JSON object")
            if r.get("format") != FORMAT:
                bad(f"format {r.get('format')!r}, expected {FORMAT!r}")
            msgs = r.get("messages")
            if not isinstance(msgs, list) or not msgs or not all(
                    isinstance(m, dict) and isinstance(m.get("role"), str) and isinstance(m.get("content"), str) for m in msgs):
                bad("messages must be a non-empty list of {role, content} strings")
            if not isinstance(r.get("answer"), str):
                bad("answer must be a string")
            lp = r.get("logprobs")
            if lp is not None and not isinstance(lp, list):
                bad("logprobs must be null or a list (OpenAI's choice.logprobs.content)")
            for i, t in enumerate(lp or []):
                if not isinstance(t, dict) or not isinstance(t.get("token"), str) or not _finite(t.get("logprob")):
                    bad(f"logprobs[{i}] must have a string token and a finite logprob")
                b = t.get("bytes")
                if b is not None and not (isinstance(b, list) and all(isinstance(x, int) and 0 <= x < 256 for x in b)):
                    bad(f"logprobs[{i}].bytes must be null or a list of bytes")
                tops = t.get("top_logprobs", [])
                if not isinstance(tops, list) or not all(
                        isinstance(a, dict) and isinstance(a.get("token"), str) and _finite(a.get("logprob")) for a in tops):
                    bad(f"logprobs[{i}].top_logprobs must be a list of {{token, logprob}}")
            recs.append(r)
    if not recs:
        raise LogError(f"{path}: no records")
    return recs


def _finite(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


class Vocab:
    """Token strings/bytes of OpenAI's logprobs → ids of the shared tokenizer."""

    def __init__(self, tok):
        from tokenizers import pre_tokenizers  # noqa: F401  (the byte-level alphabet below)
        self.tok = tok
        # GPT-2's byte → printable-character table, as the ByteLevel pre-tokenizer uses.
        bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
        cs = bs[:]
        k = 0
        for b in range(256):
            if b not in bs:
                bs.append(b)
                cs.append(256 + k)
                k += 1
        self.byte_char = {b: chr(c) for b, c in zip(bs, cs)}
        self.vocab = tok.get_vocab()
        self.special = {s: tok.token_to_id(s) for s in tp.SPECIAL}

    def id_of(self, t: dict) -> int | None:
        """The id of one logprobs entry, or None when it is not one token of this vocabulary."""
        if t["token"] in self.special:
            return self.special[t["token"]]
        b = t.get("bytes")
        if b is None:
            b = list(t["token"].encode("utf-8"))
        return self.vocab.get("".join(self.byte_char[x] for x in b))

    def bytes_of(self, t: dict) -> bytes:
        b = t.get("bytes")
        return bytes(b) if b is not None else t["token"].encode("utf-8")


def encode(recs: list[dict], tok, k_max: int) -> tuple[list[dict], dict]:
    """Training examples: prompt ids, answer ids (+ eos), and per answer token the teacher's top-k
    (ids, probabilities renormalised over them) or None. Stats: records aligned / fallen back."""
    v = Vocab(tok)
    eos = tok.token_to_id("<|im_end|>")
    out, stats = [], {"records": len(recs), "with_logprobs": 0, "token_kd": 0, "fallback_sequence": 0,
                      "too_long": 0, "fallback_reasons": {}}
    for r in recs:
        prompt = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in r["messages"]) + "<|im_start|>assistant\n"
        pi = tok.encode(prompt).ids
        lp = r.get("logprobs")
        ai, teacher = None, None
        if lp:
            stats["with_logprobs"] += 1
            ids = [v.id_of(t) for t in lp]
            # tandem-server reports the eos token it stopped at (<|im_end|>) as the last entry;
            # it is no part of the answer's text but is a position the teacher scored.
            text_part = lp[:-1] if ids and ids[-1] == eos else lp
            why = None
            if any(i is None for i in ids):
                why = "a token not in the vocabulary"
            elif b"".join(v.bytes_of(t) for t in text_part) != r["answer"].encode("utf-8"):
                why = "tokens' bytes differ from the answer"
            if why is None:
                ai = ids
                teacher = []
                for t in lp:
                    alts = [(v.id_of(a), a["logprob"]) for a in t.get("top_logprobs", [])[:k_max]]
                    alts = [(i, l) for i, l in alts if i is not None]
                    if not alts:
                        teacher.append(None)
                        continue
                    m = max(l for _, l in alts)
                    z = sum(math.exp(l - m) for _, l in alts)
                    teacher.append(([i for i, _ in alts], [math.exp(l - m) / z for _, l in alts]))
                stats["token_kd"] += 1
            else:
                stats["fallback_sequence"] += 1
                stats["fallback_reasons"][why] = stats["fallback_reasons"].get(why, 0) + 1
        if ai is None:
            ai = tok.encode(r["answer"]).ids
        if not ai or ai[-1] != eos:
            ai = ai + [eos]
            if teacher is not None:
                teacher = teacher + [None]  # the server did not score its stop: hard label only
        if len(pi) + len(ai) > PACK:
            stats["too_long"] += 1
            continue
        out.append({"ids": pi + ai, "n": len(pi), "teacher": teacher})
    return out, stats


def replay_examples(tok, small: Path) -> list[dict]:
    """The SMALL's own training split (tasks.py's `train`, regenerated in memory exactly as
    tasks.main draws it, nothing written): prompt + worked solution, no teacher. Mixed into each
    step with --replay so that fine-tuning on the log (mostly what the router escalates: facts
    and strings) does not make the model forget what it answers locally. A SMALL trained on part
    of the split (`train_pair.py --without`, its `trained.json`) replays only that part: replay
    is what the device model already had, never the data the round is meant to stand in for."""
    import tasks
    trained = small / "trained.json"
    families = set(json.loads(trained.read_text())["families"]) if trained.exists() else set(tasks.FAMILIES)
    facts = tasks.make_facts()
    pool = tasks.held_out_fact_questions(facts)
    taken: set = set()
    for split in ["test", "fresh", "calib", "dev"]:
        taken |= {it["messages"][0]["content"] for it in tasks.build(split, facts, taken, pool)}
    eos = tok.token_to_id("<|im_end|>")
    out = []
    for it in tasks.build("train", facts, taken, pool):
        if it["family"] not in families:
            continue
        p, a = tp.render(it["messages"][0]["content"], it["solution"])
        pi, ai = tok.encode(p).ids, tok.encode(a).ids
        assert ai[-1] == eos
        out.append({"ids": pi + ai, "n": len(pi), "teacher": None})
    return out


def batch(examples: list[dict], order: list[int], n_rows: int, k: int, pad: int, state: dict):
    """Packed rows as train_pair.Packer makes them (block-diagonal causal mask, positions from 0
    per example), plus the teacher's top-k per predicted position."""
    x = torch.full((n_rows, PACK), pad, dtype=torch.long)
    y = torch.full((n_rows, PACK), -100, dtype=torch.long)  # y[j]: the token logits[j] predicts
    kid = torch.zeros((n_rows, PACK, k), dtype=torch.long)
    kp = torch.zeros((n_rows, PACK, k))
    kmask = torch.zeros((n_rows, PACK), dtype=torch.bool)
    pos = torch.zeros((n_rows, PACK), dtype=torch.long)
    doc = torch.full((n_rows, PACK), -1, dtype=torch.long)
    for r in range(n_rows):
        at, d = 0, 0
        while True:
            if state["pending"] is None:
                if not state["queue"]:
                    state["queue"] = [order[i] for i in torch.randperm(len(order), generator=state["g"]).tolist()]
                state["pending"] = state["queue"].pop()
            e = examples[state["pending"]]
            ids, n = e["ids"], e["n"]
            if at + len(ids) > PACK:
                break
            state["pending"] = None
            L = len(ids)
            x[r, at:at + L] = torch.tensor(ids)
            y[r, at + n - 1:at + L - 1] = torch.tensor(ids[n:])
            if e["teacher"] is not None:
                for i, t in enumerate(e["teacher"]):
                    if t is None:
                        continue
                    j = at + n - 1 + i
                    kid[r, j, :len(t[0])] = torch.tensor(t[0])
                    kp[r, j, :len(t[1])] = torch.tensor(t[1])
                    kmask[r, j] = True
            pos[r, at:at + L] = torch.arange(L)
            doc[r, at:at + L] = d
            at, d = at + L, d + 1
    same = (doc[:, :, None] == doc[:, None, :]) & (doc[:, :, None] >= 0)
    same |= torch.eye(PACK, dtype=torch.bool)[None]
    mask = same & torch.ones(PACK, PACK, dtype=torch.bool).tril()[None]
    return x, y, kid, kp, kmask, pos, mask[:, None]


# ---------------------------------------------------------------------------------------------
# Fine-tuning
# ---------------------------------------------------------------------------------------------
def finetune(args, examples, tok, dev, log):
    from transformers import AutoModelForCausalLM
    torch.manual_seed(args.seed)
    model = AutoModelForCausalLM.from_pretrained(str(args.small), dtype=torch.float32, attn_implementation="sdpa")
    pad = tok.token_to_id("<|endoftext|>")
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01, betas=(0.9, 0.98))
    # Warm up briefly, then cosine down: a fine-tune of a trained model, not training from scratch.
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.steps, pct_start=0.1)
    state = {"g": torch.Generator().manual_seed(args.seed + 1000), "queue": [], "pending": None}
    order = list(range(len(examples)))
    replay = replay_examples(tok, args.small) if args.replay > 0 else []
    n_replay = round(args.replay * args.rows) if replay else 0
    rstate = {"g": torch.Generator().manual_seed(args.seed + 2000), "queue": [], "pending": None}
    if replay:
        log(f"replay: {n_replay} of {args.rows} rows a step from the training split ({len(replay)} items)")
    t0 = time.time()
    model.eval()
    acc0, cells0, _ = tp.accuracy(model, tok, dev)
    log(f"step 0 dev {acc0:.3f} {cells0}")
    best = (acc0, 0, {k: v.detach().clone() for k, v in model.state_dict().items()})
    evals = {max(1, round(f * args.steps)) for f in args.eval_at}
    for step in range(1, args.steps + 1):
        model.train()
        x, y, kid, kp, kmask, pos, mask = batch(examples, order, args.rows - n_replay, args.top_k, pad, state)
        if n_replay:
            parts = batch(replay, list(range(len(replay))), n_replay, args.top_k, pad, rstate)
            x, y, kid, kp, kmask, pos, mask = (torch.cat([a, b]) for a, b in zip((x, y, kid, kp, kmask, pos, mask), parts))
        # bf16 autocast (train_pair.py's ~1.3x) only on request: on a shared 2-core machine it was
        # the slower of the two (1.8 vs 1.2 s a step with 2 threads, 0.33 vs 0.27 with 1).
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
            logits = model(input_ids=x, attention_mask=mask, position_ids=pos).logits
        logp = torch.log_softmax(logits.float(), dim=-1)
        hard = torch.nn.functional.nll_loss(logp.view(-1, logp.size(-1)), y.view(-1), ignore_index=-100)
        loss = hard
        kd = torch.tensor(0.0)
        if kmask.any() and args.kd_weight > 0:
            lq = torch.gather(logp, -1, kid)  # (rows, PACK, k): the student's logprob of each teacher token
            kd = -(kp * lq).sum(-1)[kmask].mean()
            loss = (1 - args.kd_weight) * hard + args.kd_weight * kd
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        if step % 50 == 0:
            log(f"step {step} loss {loss.item():.4f} (sequence {hard.item():.4f}, token KD {kd.item():.4f}) {time.time() - t0:.0f}s")
        if step in evals:
            model.eval()
            acc, cells, _ = tp.accuracy(model, tok, dev)
            log(f"step {step} dev {acc:.3f} {cells}")
            if acc > best[0] or (args.select == "last" and step == args.steps):
                best = (acc, step, {k: v.detach().clone() for k, v in model.state_dict().items()})
    model.load_state_dict(best[2])
    model.eval()
    return model, {"dev_before": acc0, "dev_after": best[0], "best_step": best[1], "train_seconds": round(time.time() - t0, 1)}


def save(model, d: Path, small: Path) -> None:
    if d.exists():
        for f in ["config.json", "generation_config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"]:
            (d / f).unlink(missing_ok=True)
    d.mkdir(parents=True, exist_ok=True)
    model.half().save_pretrained(str(d))
    model.float()
    # One tokenizer for the pair: the SMALL's files, byte for byte.
    for f in ["tokenizer.json", "tokenizer_config.json"]:
        shutil.copyfile(small / f, d / f)


def refit_router(args, model: Path, out: Path, log) -> dict:
    """As models/pair/evaluate.sh: calib on `model` and the server, target = their disagreement, fit."""
    tandem = args.tandem
    out.parent.mkdir(parents=True, exist_ok=True)
    runs = args.calib_runs or out.parent / f".{out.name}-calib-runs.jsonl"
    calib_json = out.parent / f".{out.name}-calib.json"
    t0 = time.time()
    # Relative paths where they can be: router.json's notes name what it was fitted on.
    suite = os.path.relpath(HERE / "pair" / "suite" / "calib.jsonl")
    subprocess.run([tandem, "eval", "--suite", str(suite), "--local", os.path.relpath(model), "--server", os.path.relpath(args.server),
                    "--out", str(calib_json), "--save-runs", str(runs)], check=True)
    share = subprocess.run([sys.executable, str(HERE / "pair" / "check_routing.py"), "--disagreement", str(calib_json)],
                           check=True, capture_output=True, text=True).stdout.strip()
    log(f"calib disagreement (target share): {share}")
    subprocess.run([tandem, "router", "fit", "--prompts", str(suite), "--runs", str(runs), "--target-share", share,
                    "--out", str(out)], check=True)
    for p in ([] if args.calib_runs else [runs]) + [calib_json]:
        p.unlink(missing_ok=True)
    return {"target_share": float(share), "router_seconds": round(time.time() - t0, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--log", type=Path, help="a tandem-distill/1 JSON lines file (required unless --router-only)")
    ap.add_argument("--router-only", action="store_true",
                    help="no fine-tune: fit the router for --small and the server (a round's starting point)")
    ap.add_argument("--small", type=Path, default=HERE / "pair" / "small")
    ap.add_argument("--server", type=Path, default=HERE / "pair" / "large", help="the server model, for the router's refit")
    ap.add_argument("--out", type=Path, default=HERE / "pair" / "small-distilled")
    ap.add_argument("--router-out", type=Path, help="re-fit the router for the new pair here (needs --tandem)")
    ap.add_argument("--calib-runs", type=Path, help="keep the calib generations here (to fit the router again, "
                                                      "e.g. with another --l2, without generating)")
    ap.add_argument("--tandem", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/tandem-target")), "release", "tandem"))
    ap.add_argument("--records", type=int, default=0, help="use the first N records only (0: all)")
    ap.add_argument("--steps", type=int, default=600)
    ap.add_argument("--rows", type=int, default=20, help="packed rows of 256 tokens per step")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--kd-weight", type=float, default=0.5, help="token-level KD's share of the loss where logprobs align")
    ap.add_argument("--top-k", type=int, default=5, help="teacher alternatives used per position")
    ap.add_argument("--eval-at", default="0.5,0.75,1.0", help="fractions of training at which dev is scored")
    ap.add_argument("--replay", type=float, default=0.0,
                    help="share of each step's rows from the SMALL's own training split (against forgetting; "
                         "1 uses no log rows at all: the ablation 'as much more training, no teacher')")
    ap.add_argument("--select", choices=["dev", "last"], default="dev",
                    help="keep the checkpoint with the best dev accuracy (step 0, the SMALL itself, included), "
                         "or the last one (to measure what the round did even when dev did not improve)")
    ap.add_argument("--seed", type=int, default=0)
    # One thread: with other work on the 2 cores, 2 threads were 4x slower a step (barrier waits).
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--bf16", action="store_true", help="bf16 autocast for the matmuls")
    args = ap.parse_args()
    args.eval_at = [float(f) for f in args.eval_at.split(",")]
    if not 0 <= args.replay <= 1:
        raise SystemExit("--replay must be in [0, 1] (1: the log unused, an ablation)")
    if not 0 <= args.kd_weight <= 1:
        raise SystemExit("--kd-weight must be in [0, 1]")
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)
    t_all = time.time()

    def log(msg):
        print(msg, flush=True)

    if args.router_only:
        if not args.router_out:
            raise SystemExit("--router-only needs --router-out")
        log(json.dumps(refit_router(args, args.small, args.router_out, log)))
        return
    if not args.log:
        raise SystemExit("--log is required (unless --router-only)")
    from tokenizers import Tokenizer
    tok = Tokenizer.from_file(str(args.small / "tokenizer.json"))
    recs = read_log(args.log)
    if args.records:
        recs = recs[:args.records]
    examples, stats = encode(recs, tok, args.top_k)
    log(f"{args.log}: {json.dumps(stats)}")
    dev = [json.loads(l) for l in open(HERE / "pair" / "suite" / "dev.jsonl")]
    model, info = finetune(args, examples, tok, dev, log)
    save(model, args.out, args.small)
    log(f"wrote {args.out} (dev {info['dev_before']:.3f} -> {info['dev_after']:.3f}, step {info['best_step']}, {info['train_seconds']} s)")
    router = refit_router(args, args.out, args.router_out, log) if args.router_out else {}
    summary = {"log": str(args.log), "log_stats": stats, "steps": args.steps, "rows": args.rows, "lr": args.lr,
               "kd_weight": args.kd_weight, "top_k": args.top_k, "replay": args.replay, "select": args.select, "seed": args.seed, "threads": args.threads, "bf16": args.bf16, **info, **router,
               "total_seconds": round(time.time() - t_all, 1)}
    (args.out / "distill.json").write_text(json.dumps(summary, indent=1) + "\n")
    log(json.dumps(summary))


if __name__ == "__main__":
    main()
