#!/usr/bin/env python3
"""Seconds per training step of the pair's models, three ways in one invocation: padded batches
of 64 examples (the recipe before), the same examples packed into rows of 256 tokens with a
block-diagonal causal mask (models/train_pair.py's Packer), and packed with bf16 autocast (what
train_pair.py runs). Real training rows, random initial weights; 3 warm-up steps, then the mean
of `--steps`.

    python models/pair/bench_train_step.py [--steps 10]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import train_pair as tp  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=10)
    args = ap.parse_args()
    torch.set_num_threads(2)
    from transformers import AutoModelForCausalLM, LlamaConfig
    tok = tp.tokenizer()
    items = [json.loads(line) for line in open(HERE / "suite" / "train.jsonl")][:4000]
    rows = tp.encode_train(tok, items)
    pad = tok.token_to_id("<|endoftext|>")
    for name, (arch, _steps, n_rows, _lr) in tp.SPECS.items():
        for way in ["padded", "packed", "packed+bf16"]:
            torch.manual_seed(0)
            cfg = LlamaConfig(vocab_size=tok.get_vocab_size(), max_position_embeddings=tp.PACK,
                              tie_word_embeddings=True, **arch)
            model = AutoModelForCausalLM.from_config(cfg, attn_implementation="sdpa")
            opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
            packer = tp.Packer(rows, 0)
            g = torch.Generator().manual_seed(0)
            docs = 0

            def step() -> int:
                if way == "padded":
                    idx = torch.randint(0, len(rows), (64,), generator=g).tolist()
                    L = max(len(rows[i][0]) for i in idx)
                    x = torch.full((64, L), pad, dtype=torch.long)
                    y = torch.full((64, L), -100, dtype=torch.long)
                    for r, i in enumerate(idx):
                        ids, n = rows[i]
                        x[r, :len(ids)] = torch.tensor(ids)
                        y[r, n:len(ids)] = torch.tensor(ids[n:])
                    kw = dict(attention_mask=(x != pad).long())
                    n_docs = 64
                else:
                    x, y, pos, mask = packer.batch(n_rows, pad)
                    kw = dict(attention_mask=mask, position_ids=pos)
                    n_docs = int(((pos == 0) & (x != pad)).sum())  # each example starts at position 0
                with torch.autocast("cpu", dtype=torch.bfloat16, enabled=way == "packed+bf16"):
                    loss = model(input_ids=x, labels=y, **kw).loss
                opt.zero_grad()
                loss.backward()
                opt.step()
                return n_docs

            for _ in range(3):
                step()
            t0 = time.time()
            for _ in range(args.steps):
                docs += step()
            dt = (time.time() - t0) / args.steps
            print(f"{name:5s} {way:12s} {dt:.3f} s/step, {docs / args.steps:.0f} examples/step, "
                  f"{docs / args.steps / dt:.0f} examples/s", flush=True)


if __name__ == "__main__":
    main()
