#!/usr/bin/env python3
"""Train the small demo model: a Llama that has read models/corpus.txt many times over.

It is tiny (0.33 M parameters) and knows only license prose, but it writes it: the demo's local
model until the browser engine loads real checkpoints. Written as f16 safetensors (Tandem upcasts
to f32 on CPU), with transformers' greedy continuation and logits of a fixed prompt as reference.

Needs torch, transformers 5, tokenizers, safetensors (models/requirements.txt). Offline,
deterministic (seeded, one thread), about a minute on 2 cores:
    python models/train_demo.py
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import numpy as np
import torch
from safetensors.numpy import save_file

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_models as mm  # noqa: E402  (the same tokenizer as the test models)

OUT = mm.ROOT / "demo" / "license-llama"
PROMPT = "The Licensor grants You"
STEPS = 1500
CONTEXT = 64
BATCH = 32


def main() -> None:
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    torch.manual_seed(0)
    from transformers import AutoModelForCausalLM, LlamaConfig

    tok = mm.train_tokenizer()
    ids = torch.tensor(tok.encode((mm.ROOT / "corpus.txt").read_text()).ids)
    cfg = LlamaConfig(
        vocab_size=mm.VOCAB, hidden_size=96, intermediate_size=256, num_hidden_layers=3,
        num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=256, rms_norm_eps=1e-5,
        tie_word_embeddings=True, rope_parameters={"rope_type": "default", "rope_theta": 10000.0},
        bos_token_id=None, eos_token_id=tok.token_to_id("<|im_end|>"), pad_token_id=tok.token_to_id("<|endoftext|>"),
    )
    model = AutoModelForCausalLM.from_config(cfg, attn_implementation="eager")
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=STEPS, pct_start=0.1)
    g = torch.Generator().manual_seed(1)
    model.train()
    for step in range(STEPS):
        starts = torch.randint(0, len(ids) - CONTEXT - 1, (BATCH,), generator=g)
        x = torch.stack([ids[s:s + CONTEXT + 1] for s in starts])
        loss = model(input_ids=x, labels=x).loss  # the model shifts labels: x[1:] from x[:-1]
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if step % 250 == 0 or step == STEPS - 1:
            print(f"step {step} loss {loss.item():.3f}")
    model.eval()

    if OUT.exists():
        shutil.rmtree(OUT)
    model.half().save_pretrained(str(OUT))
    mm.write_tokenizer(tok, OUT)
    # Reference: transformers on the saved f16 weights, computed in f32 (as Tandem does on CPU).
    ref = AutoModelForCausalLM.from_pretrained(str(OUT), dtype=torch.float32, local_files_only=True,
                                               attn_implementation="eager").eval()
    prompt_ids = tok.encode(PROMPT).ids
    new, logits = mm.hf_greedy_and_logits(ref, prompt_ids, 32)
    save_file({"hf.f32": np.ascontiguousarray(logits)}, str(OUT / "reference.safetensors"))
    meta = {"prompt": PROMPT, "prompt_ids": prompt_ids,
            "sources": {"hf.f32": {"new_ids": new, "margins": mm.margins(logits)}},
            "text": tok.decode(new)}
    (OUT / "reference.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(PROMPT + "|" + tok.decode(new))
    print(f"wrote {OUT} ({sum(p.stat().st_size for p in OUT.rglob('*') if p.is_file()) / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
