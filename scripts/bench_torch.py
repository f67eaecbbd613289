#!/usr/bin/env python3
"""The PyTorch comparator for `tandem bench`: HF transformers at the same real shapes with seeded
random weights, on the same GPU, measured the way `tandem bench` measures.

- prefill: the best of --repeats forward passes over --prefill tokens (tok/s);
- decode at context N: a prompt of N tokens is fed first, then --decode greedy steps, one token
  a step through the KV cache, argmax on the device as Tandem's greedy decode does (tok/s).

--mode eager runs transformers as it comes (DynamicCache, one kernel launch per op);
--mode compiled runs `generate` with a static cache, which transformers compiles with
torch.compile (CUDA graphs): decode time = generate(N, D + 1 tokens) - generate(N, 1 token),
after a warm-up that pays the compilation.

Prints one JSON object per (shape, context) line. Needs torch and transformers (the device
machine's python3 has both); `--device cpu --layers 2` is a quick local check of the script.
"""
import argparse
import json
import sys
import time

import torch
import transformers

# The shapes of tandem_core::Config::preset (crates/tandem-core/src/config.rs).
SHAPES = {
    "smollm2-135m": dict(
        cls="LlamaConfig", vocab_size=49152, hidden_size=576, intermediate_size=1536,
        num_hidden_layers=30, num_attention_heads=9, num_key_value_heads=3,
        rope_theta=100_000.0, rms_norm_eps=1e-5, max_position_embeddings=8192,
        tie_word_embeddings=True,
    ),
    "qwen2.5-0.5b": dict(
        cls="Qwen2Config", vocab_size=151_936, hidden_size=896, intermediate_size=4864,
        num_hidden_layers=24, num_attention_heads=14, num_key_value_heads=2,
        rope_theta=1_000_000.0, rms_norm_eps=1e-6, max_position_embeddings=32768,
        tie_word_embeddings=True,
    ),
}
DTYPES = {"bf16": torch.bfloat16, "f16": torch.float16, "f32": torch.float32}


def build(shape, layers, dtype, device, attn):
    spec = dict(SHAPES[shape])
    cls = getattr(transformers, spec.pop("cls"))
    if layers:
        spec["num_hidden_layers"] = layers
    cfg = cls(**spec)
    cfg._attn_implementation = attn
    torch.manual_seed(1234)
    model = transformers.AutoModelForCausalLM.from_config(cfg, dtype=dtype)
    return model.to(device).eval()


def sync(device):
    if device == "cuda":
        torch.cuda.synchronize()


def ids(n, vocab, device, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randint(0, vocab, (1, n), generator=g).to(device)


@torch.inference_mode()
def prefill_tok_s(model, n, repeats, device):
    x = ids(n, model.config.vocab_size, device, 1)
    model(input_ids=x, use_cache=False)  # warm-up
    best = float("inf")
    for _ in range(repeats):
        sync(device)
        t = time.perf_counter()
        model(input_ids=x, use_cache=False)
        sync(device)
        best = min(best, time.perf_counter() - t)
    return n / best


@torch.inference_mode()
def eager_decode_tok_s(model, context, decode, device):
    x = ids(context, model.config.vocab_size, device, 2)

    def run(steps):
        cache = transformers.DynamicCache(config=model.config)
        out = model(input_ids=x, past_key_values=cache, use_cache=True)
        tok = out.logits[:, -1:].argmax(-1)
        sync(device)
        t = time.perf_counter()
        for _ in range(steps):
            out = model(input_ids=tok, past_key_values=cache, use_cache=True)
            tok = out.logits[:, -1:].argmax(-1)
        sync(device)
        return time.perf_counter() - t

    run(min(decode, 8))  # warm-up
    return decode / run(decode)


@torch.inference_mode()
def compiled_decode_tok_s(model, context, decode, device):
    x = ids(context, model.config.vocab_size, device, 2)
    mask = torch.ones_like(x)

    def gen(new):
        sync(device)
        t = time.perf_counter()
        model.generate(
            input_ids=x, attention_mask=mask, max_new_tokens=new, min_new_tokens=new,
            do_sample=False, cache_implementation="static", pad_token_id=0,
        )
        sync(device)
        return time.perf_counter() - t

    gen(decode + 1)  # warm-up: compiles
    gen(decode + 1)
    full = min(gen(decode + 1) for _ in range(2))
    first = min(gen(1) for _ in range(2))
    return decode / (full - first)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--shape", choices=SHAPES, required=True)
    p.add_argument("--dtype", choices=DTYPES, default="bf16")
    p.add_argument("--mode", choices=["eager", "compiled"], default="eager")
    p.add_argument("--attn", default="sdpa", help="transformers attention implementation")
    p.add_argument("--prefill", type=int, default=128)
    p.add_argument("--contexts", default="64,1024,4096")
    p.add_argument("--decode", type=int, default=64)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--device", default="cuda")
    p.add_argument("--layers", type=int, default=0, help="override the layer count (quick checks)")
    a = p.parse_args()

    model = build(a.shape, a.layers, DTYPES[a.dtype], a.device, a.attn)
    base = dict(
        shape=a.shape, dtype=a.dtype, mode=a.mode, attn=a.attn, torch=torch.__version__,
        transformers=transformers.__version__,
        gpu=torch.cuda.get_device_name() if a.device == "cuda" else a.device,
    )
    pre = prefill_tok_s(model, a.prefill, a.repeats, a.device) if a.mode == "eager" else None
    decode = eager_decode_tok_s if a.mode == "eager" else compiled_decode_tok_s
    for ctx in [int(c) for c in a.contexts.split(",") if c]:
        tok_s = decode(model, ctx, a.decode, a.device)
        print(json.dumps(dict(base, prefill_tokens=a.prefill, prefill_tok_s=pre,
                              decode_context=ctx, decode_tokens=a.decode, decode_tok_s=tok_s)))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
