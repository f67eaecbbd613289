#!/usr/bin/env python3
"""Train the model pair: a SMALL and a LARGE Llama chat model on the task suite (models/pair/).

Both share one tokenizer (byte-level, no merges: every digit and letter is its own token, so
arithmetic and string operations see characters) and ChatML. They read the same training split
for the same number of steps; they differ only in capacity. The checkpoint each keeps is the one
with the best accuracy on the dev split (never the test split). Greedy decoding throughout, as
`tandem eval` judges: the last non-empty line of the completion against the answer.

    python models/train_pair.py                 # seed 0: trains, writes models/pair/{small,large}
    python models/train_pair.py --seeds 0,1,2   # also seeds 1, 2 for the model cards' intervals

Offline and deterministic (seeded, torch deterministic, one process). Time on this 2-core machine
is printed per model and written to models/pair/cards.json.
"""
from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import time
from pathlib import Path

import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "pair"))
import make_models as mm  # noqa: E402  (ChatML template, tokenizer writer)
import tasks  # noqa: E402

PAIR = HERE / "pair"
SPECIAL = mm.SPECIAL  # <|endoftext|> (pad), <|im_start|>, <|im_end|> (eos)

# name -> (architecture, steps, batch, peak lr)
SPECS = {
    "small": (dict(hidden_size=96, intermediate_size=256, num_hidden_layers=3, num_attention_heads=4,
                   num_key_value_heads=2), 2000, 64, 3e-3),
    "large": (dict(hidden_size=128, intermediate_size=384, num_hidden_layers=5, num_attention_heads=4,
                   num_key_value_heads=2), 2000, 64, 3e-3),
}
EVAL_AT = (0.6, 0.8, 1.0)  # fractions of training at which the dev split is scored
MAX_NEW = 72


def tokenizer():
    """Byte-level BPE with no merges: 256 byte tokens + the three ChatML specials."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=256 + len(SPECIAL), special_tokens=SPECIAL,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator(["0"], trainer)
    return tok


def render(q: str, a: str | None = None) -> tuple[str, str]:
    prompt = f"<|im_start|>user\n{q}<|im_end|>\n<|im_start|>assistant\n"
    return prompt, (a + "<|im_end|>" if a is not None else "")


def encode_train(tok, items):
    rows = []
    for it in items:
        p, a = render(it["messages"][0]["content"], it["solution"])
        pi, ai = tok.encode(p).ids, tok.encode(a).ids
        rows.append((pi + ai, len(pi)))
    return rows


def batch(rows, idx, pad):
    L = max(len(rows[i][0]) for i in idx)
    x = torch.full((len(idx), L), pad, dtype=torch.long)
    y = torch.full((len(idx), L), -100, dtype=torch.long)
    for r, i in enumerate(idx):
        ids, n = rows[i]
        x[r, :len(ids)] = torch.tensor(ids)
        y[r, n:len(ids)] = torch.tensor(ids[n:])  # loss on the answer and its <|im_end|> only
    return x, y


@torch.no_grad()
def generate(model, tok, questions, bs=48):
    """Greedy completions (text up to <|im_end|>), batched with left padding."""
    eos, pad = tok.token_to_id("<|im_end|>"), tok.token_to_id("<|endoftext|>")
    out = []
    for s in range(0, len(questions), bs):
        enc = [tok.encode(render(q)[0]).ids for q in questions[s:s + bs]]
        L = max(map(len, enc))
        x = torch.tensor([[pad] * (L - len(e)) + e for e in enc])
        m = torch.tensor([[0] * (L - len(e)) + [1] * len(e) for e in enc])
        g = model.generate(input_ids=x, attention_mask=m, max_new_tokens=MAX_NEW, do_sample=False,
                           eos_token_id=eos, pad_token_id=pad)
        for row in g[:, L:].tolist():
            if eos in row:
                row = row[:row.index(eos)]
            out.append(tok.decode([t for t in row if t != pad]))
    return out


def normalize(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return " ".join(lines[-1].split()).lower() if lines else ""


def accuracy(model, tok, items):
    texts = generate(model, tok, [it["messages"][0]["content"] for it in items])
    right = [normalize(t) == normalize(it["answer"]) for t, it in zip(texts, items)]
    cells: dict = {}
    for it, r in zip(items, right):
        cells.setdefault(f"{it['family']}/{it['level']}", []).append(r)
    return sum(right) / len(right), {k: sum(v) / len(v) for k, v in sorted(cells.items())}, texts


def train(name, seed, tok, train_rows, dev, out_dir: Path | None, log):
    from transformers import AutoModelForCausalLM, LlamaConfig
    arch, steps, bs, lr = SPECS[name]
    torch.manual_seed(seed)
    eos, pad = tok.token_to_id("<|im_end|>"), tok.token_to_id("<|endoftext|>")
    cfg = LlamaConfig(vocab_size=tok.get_vocab_size(), max_position_embeddings=256, rms_norm_eps=1e-5,
                      tie_word_embeddings=True, rope_parameters={"rope_type": "default", "rope_theta": 10000.0},
                      bos_token_id=None, eos_token_id=eos, pad_token_id=pad, **arch)
    model = AutoModelForCausalLM.from_config(cfg, attn_implementation="sdpa")
    n_params = sum(p.numel() for p in model.parameters())
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01, betas=(0.9, 0.98))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.05)
    g = torch.Generator().manual_seed(seed + 1000)
    t0, best = time.time(), (-1.0, None, None)
    for step in range(1, steps + 1):
        model.train()
        # Uniform batches: length-sorted ones (less padding) were tried and learned far worse,
        # each step then seeing one family and difficulty only.
        idx = torch.randint(0, len(train_rows), (bs,), generator=g).tolist()
        x, y = batch(train_rows, idx, pad)
        loss = model(input_ids=x, attention_mask=(x != pad).long(), labels=y).loss
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        if step % 100 == 0:
            log(f"{name} seed {seed} step {step} loss {loss.item():.3f} {time.time() - t0:.0f}s")
        if step in {round(f * steps) for f in EVAL_AT}:
            model.eval()
            acc, cells, _ = accuracy(model, tok, dev)
            log(f"{name} seed {seed} step {step} dev {acc:.3f} {cells}")
            if acc > best[0]:
                best = (acc, step, {k: v.detach().clone() for k, v in model.state_dict().items()})
    model.load_state_dict(best[2])
    model.eval()
    return model, {"params": n_params, "steps": steps, "batch": bs, "lr": lr, "best_step": best[1],
                   "dev_accuracy": best[0], "train_seconds": round(time.time() - t0, 1), **arch}


def save(model, tok, d: Path):
    if d.exists():
        shutil.rmtree(d)
    model.half().save_pretrained(str(d))
    model.float()
    mm.write_tokenizer(tok, d)


def wilson(k, n, z=1.96):
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    c = (p + z * z / (2 * n)) / (1 + z * z / n)
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, c - h), min(1.0, c + h))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="0")
    ap.add_argument("--only", default="small,large")
    ap.add_argument("--steps", type=int, default=0, help="override steps (a quick look; nothing is written)")
    args = ap.parse_args()
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    tasks.main()  # (re)writes the suite and the fact base: deterministic
    suite = {s: [json.loads(l) for l in open(PAIR / "suite" / f"{s}.jsonl")] for s in ["train", "dev", "test"]}
    tok = tokenizer()
    rows = encode_train(tok, suite["train"])
    log_path = PAIR / "train.log"
    logf = open(log_path, "a")

    def log(msg):
        print(msg, flush=True)
        logf.write(msg + "\n")
        logf.flush()

    seeds = [int(s) for s in args.seeds.split(",")]
    results: dict = {}
    for name in args.only.split(","):
        if args.steps:
            SPECS[name] = (SPECS[name][0], args.steps, *SPECS[name][2:])
        for seed in seeds:
            model, info = train(name, seed, tok, rows, suite["dev"], None, log)
            acc, cells, texts = accuracy(model, tok, suite["test"])
            k = {c: round(v * sum(1 for it in suite["test"] if f"{it['family']}/{it['level']}" == c))
                 for c, v in cells.items()}
            log(f"{name} seed {seed} TEST {acc:.3f} {cells}")
            results.setdefault(name, []).append({"seed": seed, "test_accuracy": acc, "cells": cells,
                                                 "cell_counts": k, **info})
            if seed == seeds[0] and not args.steps:
                save(model, tok, PAIR / name)
    if not args.steps:
        cards_path = PAIR / "cards.json"
        cards = json.loads(cards_path.read_text()) if cards_path.exists() else {}
        for name, runs in results.items():  # a rerun of some seeds replaces just those
            kept = [r for r in cards.get(name, []) if r["seed"] not in seeds]
            cards[name] = sorted(kept + runs, key=lambda r: r["seed"])
        cards_path.write_text(json.dumps(cards, indent=1) + "\n")
        (PAIR / "CARDS.md").write_text(model_cards(cards, suite["test"]))


T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571}


def model_cards(cards: dict, test: list) -> str:
    """Markdown: per model, test accuracy per family and difficulty, mean over seeds with a 95 %
    t-interval (seeds) and the pooled Wilson interval (items x seeds)."""
    out = ["# The model pair: cards", "",
           "Written by `models/train_pair.py` from `cards.json`. Accuracy on the held-out `test` split",
           f"({len(test)} items, greedy, last line of the completion = the answer), per family and",
           "difficulty (1 easy ... 3 hard), mean over training seeds; `±` is the 95 % t-interval over",
           "seeds, `[lo, hi]` the Wilson interval of all seeds' items pooled. Checkpoints were chosen on",
           "the `dev` split only.", ""]
    cells = sorted({c for runs in cards.values() for r in runs for c in r["cells"]})
    for name, runs in cards.items():
        r0 = runs[0]
        out += [f"## {name}", "",
                f"Llama, {r0['num_hidden_layers']} layers, hidden {r0['hidden_size']}, MLP {r0['intermediate_size']}, "
                f"{r0['num_attention_heads']} heads / {r0['num_key_value_heads']} kv heads, tied embeddings, "
                f"{r0['params'] / 1e6:.2f} M parameters (f16: {r0['params'] * 2 / 1e6:.1f} MB); "
                f"{r0['steps']} steps of batch {r0['batch']}, peak lr {r0['lr']}.", "",
                "seeds: " + ", ".join(f"{r['seed']} (best dev step {r['best_step']}, {r['train_seconds'] / 60:.1f} min)"
                                      for r in runs), "",
                "| cell | " + " | ".join(f"seed {r['seed']}" for r in runs) + " | mean | 95 % (seeds) | Wilson (pooled) |",
                "|---|" + "---|" * (len(runs) + 3)]
        for c in cells + ["all"]:
            if c == "all":
                vals = [r["test_accuracy"] for r in runs]
                n = len(test)
            else:
                vals = [r["cells"][c] for r in runs]
                n = sum(1 for it in test if f"{it['family']}/{it['level']}" == c)
            m = sum(vals) / len(vals)
            if len(vals) > 1:
                sd = math.sqrt(sum((v - m) ** 2 for v in vals) / (len(vals) - 1))
                ci = f"± {T95.get(len(vals) - 1, 2.0) * sd / math.sqrt(len(vals)):.3f}"
            else:
                ci = "(one seed)"
            lo, hi = wilson(round(m * n * len(vals)), n * len(vals))
            out.append(f"| {c} | " + " | ".join(f"{v:.3f}" for v in vals) + f" | **{m:.3f}** | {ci} | [{lo:.3f}, {hi:.3f}] |")
        out.append("")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
