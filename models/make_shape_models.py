#!/usr/bin/env python3
"""Make two tiny Llamas for shapes the GPU engine must take, with transformers' logits:

  llama-long  a 4096-token context; logits at the positions where attention's tiles (64 keys)
              and splits (128 keys) begin and end (models/make_models.py's models stop at 256)
  llama-odd   widths that are not multiples of 32 (MLP 200, 4 heads × head_dim 18 = 72), which
              the GPU engine pads; logits at every position of a 40-token sequence

Each goes to models/tiny/<name>/ (committed, ~0.6 MB in all): config.json, model.safetensors,
llama-tiny's tokenizer, reference.json (`ids`, `positions`) and reference.safetensors (`logits`:
transformers, eager attention, f32, one row per position).
Needs: torch (CPU), transformers 5, safetensors, numpy (models/requirements.txt).
Run: python models/make_shape_models.py   (about 20 s on 2 cores; deterministic)
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
CONTEXT = 4096
# Where tiles (64 keys) and splits (128 keys) begin and end, and the ends of the context.
POSITIONS = [0, 1, 62, 63, 64, 65, 127, 128, 129, 255, 256, 999, 1000, 2047, 2048, 4094, 4095]


def write(name: str, cfg, seed: int, ids: np.ndarray, positions: list[int]) -> None:
    out = ROOT / "tiny" / name
    if out.exists():
        shutil.rmtree(out)
    model = build_model(cfg, seed=seed)
    model.save_pretrained(str(out))
    for f in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(ROOT / "tiny" / "llama-tiny" / f, out / f)
    with torch.no_grad():
        logits = model(torch.from_numpy(ids[None])).logits[0].float().numpy()
    save_file({"logits": np.ascontiguousarray(logits[positions])}, str(out / "reference.safetensors"))
    meta = {"ids": [int(i) for i in ids], "positions": positions}
    (out / "reference.json").write_text(json.dumps(meta) + "\n")
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"wrote {out} ({total / 1e6:.2f} MB)")


def main() -> None:
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    from transformers import LlamaConfig

    def llama(**shape):
        return LlamaConfig(
            vocab_size=VOCAB, num_hidden_layers=2, rms_norm_eps=1e-5, tie_word_embeddings=False,
            rope_parameters={"rope_type": "default", "rope_theta": 10000.0},
            bos_token_id=None, eos_token_id=None, pad_token_id=None, initializer_range=0.1,
            **shape,
        )

    rng = np.random.default_rng(4096)
    long = llama(hidden_size=64, intermediate_size=96, num_attention_heads=4,
                 num_key_value_heads=2, head_dim=32, max_position_embeddings=CONTEXT)
    write("llama-long", long, 3000, rng.integers(0, VOCAB, size=CONTEXT), POSITIONS)
    odd = llama(hidden_size=64, intermediate_size=200, num_attention_heads=4,
                num_key_value_heads=2, head_dim=18, max_position_embeddings=256)
    write("llama-odd", odd, 3100, rng.integers(0, VOCAB, size=40), list(range(40)))


if __name__ == "__main__":
    main()
