#!/usr/bin/env python3
"""Make llama-long: a tiny Llama with a 4096-token context and transformers' logits at the
positions where attention's tiles and splits begin and end, for the long-context parity tests
(tests/gpu.rs, tests/reference.rs). models/make_models.py's tiny models stop at 256 positions.

Writes models/tiny/llama-long/ (committed, ~0.6 MB): config.json, model.safetensors, the
tokenizer of llama-tiny, reference.json (`ids`: the 4096-token sequence, pseudo-random and
fixed; `positions`) and reference.safetensors (`logits`: transformers' logits, eager attention,
f32, at those positions).
Needs: torch (CPU), transformers 5, safetensors, numpy (models/requirements.txt).
Run: python models/make_long_reference.py   (about 20 s on 2 cores; deterministic)
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import torch
from safetensors.numpy import save_file

from make_models import VOCAB, build_model

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "tiny" / "llama-long"
CONTEXT = 4096
# Where tiles (64 keys) and splits (128 keys) begin and end, and the ends of the context.
POSITIONS = [0, 1, 62, 63, 64, 65, 127, 128, 129, 255, 256, 999, 1000, 2047, 2048, 4094, 4095]


def main() -> None:
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    from transformers import LlamaConfig

    tiny = ROOT / "tiny" / "llama-tiny"
    cfg = LlamaConfig(
        vocab_size=VOCAB, hidden_size=64, intermediate_size=96, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=2, head_dim=32,
        max_position_embeddings=CONTEXT, rms_norm_eps=1e-5, tie_word_embeddings=False,
        rope_parameters={"rope_type": "default", "rope_theta": 10000.0},
        bos_token_id=None, eos_token_id=None, pad_token_id=None, initializer_range=0.1,
    )
    if OUT.exists():
        shutil.rmtree(OUT)
    model = build_model(cfg, seed=3000)
    model.save_pretrained(str(OUT))
    for f in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(tiny / f, OUT / f)
    rng = np.random.default_rng(4096)
    ids = rng.integers(0, VOCAB, size=CONTEXT)
    with torch.no_grad():
        logits = model(torch.from_numpy(ids[None])).logits[0].float().numpy()
    save_file({"logits": np.ascontiguousarray(logits[POSITIONS])}, str(OUT / "reference.safetensors"))
    meta = {"ids": [int(i) for i in ids], "positions": POSITIONS}
    (OUT / "reference.json").write_text(json.dumps(meta) + "\n")
    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"wrote {OUT} ({total / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
