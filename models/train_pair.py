#!/usr/bin/env python3
"""Train the model pair: a SMALL and a LARGE Llama chat model on the task suite (models/pair/).

Both share one tokenizer (byte-level, no merges: every digit and letter is its own token, so
arithmetic and string operations see characters) and ChatML, and read the same training split.
The LARGE has 3x the parameters and most of the time budget (as a server model has far more
training than one made for a device): at equal steps the two learned at the same pace here, the
LARGE no better. The checkpoint each keeps is the one with the best accuracy on the dev split
(never the test split). Greedy decoding throughout, as `tandem eval` judges: the last non-empty
line of the completion against the answer.

    python models/train_pair.py                 # seed 0: trains, writes models/pair/{small,large}
    python models/train_pair.py --seeds 0,1,2   # also seeds 1, 2 for the model cards' intervals
    python models/train_pair.py --only large --seeds 2   # one more card run; the models stay seed 0's
    python models/train_pair.py --without units --out models/pair/small-no-units --steps 4800   # see below

`--without FAMILY --out DIR` trains the SMALL (seed 0, the same recipe; `--steps` sets its length:
4800, twice the pair's, trains it close to convergence) on the training split less one family
and writes it to DIR with `trained.json` (what it was trained on), not to the cards: the start
of issue 17's second distillation round, a device model that never saw a kind of request the
server knows (models/pair/distill_round.sh).

Seeds run one after the other (small then large per seed); cards.json and CARDS.md are written
after each model, so an interrupted run keeps what finished. A card run of another suite or
recipe (its fingerprint differs) is dropped.

Offline and deterministic (seeded, torch deterministic, one process). Time on this 2-core machine
is printed per model and written to models/pair/cards.json.
"""
from __future__ import annotations

import argparse
import hashlib
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

# name -> (architecture, steps, batch (packed rows of PACK tokens), peak lr)
SPECS = {
    "small": (dict(hidden_size=96, intermediate_size=256, num_hidden_layers=3, num_attention_heads=4,
                   num_key_value_heads=2), 2400, 20, 3e-3),
    "large": (dict(hidden_size=128, intermediate_size=384, num_hidden_layers=5, num_attention_heads=4,
                   num_key_value_heads=2), 5200, 20, 3e-3),
}
PACK = 256  # tokens per training row; a row holds ~2.8 examples (their mean length is ~90)
EVAL_AT = (0.6, 0.8, 1.0)  # fractions of training at which the dev split is scored
MAX_NEW = 96  # as `tandem eval` (its --max-tokens default)


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
        if len(pi) + len(ai) > PACK:
            raise SystemExit(f"{it['id']}: {len(pi) + len(ai)} tokens, more than a training row ({PACK})")
        rows.append((pi + ai, len(pi)))
    return rows


class Packer:
    """Training batches of `rows` rows of PACK tokens, each row several whole examples drawn in a
    seeded random order. Each example sees only itself (a block-diagonal causal mask) and starts
    at position 0, exactly as at inference; a padded batch wasted over half its compute."""

    def __init__(self, rows, seed: int):
        self.rows, self.g, self.order = rows, torch.Generator().manual_seed(seed), []
        self.pending = None  # the example that did not fit the last row

    def next_example(self):
        if not self.order:
            self.order = torch.randperm(len(self.rows), generator=self.g).tolist()
        return self.rows[self.order.pop()]

    def batch(self, n_rows: int, pad: int):
        x = torch.full((n_rows, PACK), pad, dtype=torch.long)
        y = torch.full((n_rows, PACK), -100, dtype=torch.long)
        pos = torch.zeros((n_rows, PACK), dtype=torch.long)
        doc = torch.full((n_rows, PACK), -1, dtype=torch.long)
        for r in range(n_rows):
            at, k = 0, 0
            while True:
                ids, n = self.pending or self.next_example()
                if at + len(ids) > PACK:
                    self.pending = (ids, n)  # opens the next row
                    break
                self.pending = None
                x[r, at:at + len(ids)] = torch.tensor(ids)
                y[r, at + n:at + len(ids)] = torch.tensor(ids[n:])  # loss on the answer and <|im_end|>
                pos[r, at:at + len(ids)] = torch.arange(len(ids))
                doc[r, at:at + len(ids)] = k
                at, k = at + len(ids), k + 1
        # Padding (doc -1) attends to itself only, so no row of the mask is empty.
        same = (doc[:, :, None] == doc[:, None, :]) & (doc[:, :, None] >= 0)
        same |= torch.eye(PACK, dtype=torch.bool)[None]
        mask = same & torch.ones(PACK, PACK, dtype=torch.bool).tril()[None]
        return x, y, pos, mask[:, None]


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
    cfg = LlamaConfig(vocab_size=tok.get_vocab_size(), max_position_embeddings=PACK, rms_norm_eps=1e-5,
                      tie_word_embeddings=True, rope_parameters={"rope_type": "default", "rope_theta": 10000.0},
                      bos_token_id=None, eos_token_id=eos, pad_token_id=pad, **arch)
    model = AutoModelForCausalLM.from_config(cfg, attn_implementation="sdpa")
    n_params = sum(p.numel() for p in model.parameters())
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01, betas=(0.9, 0.98))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=steps, pct_start=0.05)
    packer = Packer(train_rows, seed + 1000)
    t0, best = time.time(), (-1.0, None, None)
    for step in range(1, steps + 1):
        model.train()
        # Random order, not length-sorted: sorted batches were tried and learned far worse, each
        # step then seeing one family and difficulty only.
        x, y, pos, mask = packer.batch(bs, pad)
        # bf16 matmuls (the weights and the optimizer stay f32): ~1.3x on this CPU's AVX-512 BF16.
        with torch.autocast("cpu", dtype=torch.bfloat16):
            loss = model(input_ids=x, attention_mask=mask, position_ids=pos, labels=y).loss
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
    return model, {"params": n_params, "steps": steps, "batch_rows": bs, "pack": PACK, "lr": lr, "best_step": best[1],
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
    ap.add_argument("--steps", type=int, default=0, help="override steps (a quick look, nothing written; with --without: its steps, written)")
    ap.add_argument("--without", choices=tasks.FAMILIES, help="train the SMALL without this family (needs --out)")
    ap.add_argument("--out", type=Path, help="where --without writes its SMALL")
    args = ap.parse_args()
    if bool(args.without) != bool(args.out):
        raise SystemExit("--without and --out go together")
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    tasks.main()  # (re)writes the suite and the fact base: deterministic
    suite = {s: [json.loads(l) for l in open(PAIR / "suite" / f"{s}.jsonl")] for s in ["train", "dev", "test"]}
    tok = tokenizer()
    if args.without:
        suite["train"] = [it for it in suite["train"] if it["family"] != args.without]
    rows = encode_train(tok, suite["train"])
    # A --without run keeps its own log (moved into its checkpoint at the end), not the pair's.
    log_path = args.out.parent / f".{args.out.name}-train.log" if args.without else PAIR / "train.log"
    logf = open(log_path, "w" if args.without else "a")

    def log(msg):
        print(msg, flush=True)
        logf.write(msg + "\n")
        logf.flush()

    seeds = [int(s) for s in args.seeds.split(",")]
    names = args.only.split(",")
    for name in names:
        if args.steps:
            SPECS[name] = (SPECS[name][0], args.steps, *SPECS[name][2:])
    print_ = fingerprint(SPECS)
    if args.without:
        model, info = train("small", 0, tok, rows, suite["dev"], None, log)
        acc, cells, _ = accuracy(model, tok, suite["test"])
        log(f"small without {args.without} TEST {acc:.3f} {cells}")
        save(model, tok, args.out)
        families = [f for f in tasks.FAMILIES if f != args.without]
        (args.out / "trained.json").write_text(json.dumps(
            {"families": families, "without": args.without, "train_items": len(rows), "seed": 0,
             "test_accuracy": acc, "cells": cells, "fingerprint": print_, **info}, indent=1) + "\n")
        logf.close()
        shutil.move(log_path, args.out / "train.log")
        return
    for seed in seeds:
        for name in names:
            model, info = train(name, seed, tok, rows, suite["dev"], None, log)
            acc, cells, texts = accuracy(model, tok, suite["test"])
            k = {c: round(v * sum(1 for it in suite["test"] if f"{it['family']}/{it['level']}" == c))
                 for c, v in cells.items()}
            log(f"{name} seed {seed} TEST {acc:.3f} {cells}")
            if args.steps:
                continue
            if seed == 0:  # the committed pair is seed 0's; other seeds only add to the cards
                save(model, tok, PAIR / name)
            run = {"seed": seed, "test_accuracy": acc, "cells": cells, "cell_counts": k,
                   "fingerprint": print_, **info}
            write_cards(name, run, suite["test"])


def fingerprint(specs: dict) -> str:
    """The suite's files and the recipe: a card run made from other ones is not comparable."""
    h = hashlib.sha256()
    for split in ["train", "dev", "test"]:
        h.update((PAIR / "suite" / f"{split}.jsonl").read_bytes())
    h.update(json.dumps({k: list(v) for k, v in specs.items()}, sort_keys=True).encode())
    h.update(str(PACK).encode())
    return h.hexdigest()[:16]


def write_cards(name: str, run: dict, test: list) -> None:
    """Adds `run` to cards.json (replacing that model's run of the same seed, dropping runs of
    another fingerprint) and rewrites CARDS.md."""
    cards_path = PAIR / "cards.json"
    cards = json.loads(cards_path.read_text()) if cards_path.exists() else {}
    for n in list(cards):
        cards[n] = [r for r in cards[n] if r.get("fingerprint") == run["fingerprint"]
                    and not (n == name and r["seed"] == run["seed"])]
    cards[name] = sorted(cards.get(name, []) + [run], key=lambda r: r["seed"])
    cards = {n: runs for n, runs in sorted(cards.items(), key=lambda kv: ["small", "large"].index(kv[0])) if runs}
    cards_path.write_text(json.dumps(cards, indent=1) + "\n")
    (PAIR / "CARDS.md").write_text(model_cards(cards, test))


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
                f"{r0['steps']} steps of {r0['batch_rows']} packed rows of {r0['pack']} tokens, peak lr {r0['lr']}.", "",
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
