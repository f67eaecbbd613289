#!/usr/bin/env python3
"""Make Tandem's small test models and their reference outputs, offline and deterministically.

What it writes under models/tiny/ (committed, so CI needs neither torch nor llama.cpp):
  tokenizer/                    a byte-level BPE tokenizer trained on models/corpus.txt
  <model>/                      HF checkpoint (config.json, model.safetensors, tokenizer files)
  <model>/<model>-{f32,q8_0,q4_0}.gguf   the same weights as GGUF, llama.cpp tensor names
  <model>/reference.safetensors logits for every position, one tensor per source:
      hf.f32             transformers on the f32 weights
      hf.q8_0, hf.q4_0   transformers on the *dequantized* Q8_0/Q4_0 weights (the exact reference
                         for a quantized model)
      llamacpp.{f32,q8_0,q4_0}  llama.cpp (llama-cpp-python, f32 KV cache) on the GGUF files
  <model>/reference.json        prompt, its ids, each source's greedy continuation and top-1/top-2
                                margins, tokenizer and chat-template examples

Models (random-initialised, non-trivial norm weights and biases):
  llama-tiny  Llama, GQA 4:2, head_dim 32 != hidden/heads, untied embeddings, Llama-3 rope scaling
  qwen2-tiny  Qwen2, GQA 4:1, q/k/v bias, tied embeddings, rope_theta 1e6

Needs: torch (CPU), transformers 5, tokenizers, safetensors, gguf, llama-cpp-python, numpy.
Run: python models/make_models.py   (about a minute)
"""
from __future__ import annotations

import json
import math
import os
import shutil
import sys
from pathlib import Path

import numpy as np
import torch
from safetensors.numpy import save_file
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "tiny"
SPECIAL = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
VOCAB = 320
PROMPT = "The Licensor grants You a license"
NEW_TOKENS = 16
CHAT_TEMPLATE = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] "
    "+ '<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)
TOKENIZER_EXAMPLES = [
    PROMPT,
    "  leading spaces, tabs\tand\nnewlines",
    "unicode: héllo wörld — ✓ 日本",
    "<|im_start|>user\nhi<|im_end|>",
    "",
]


def train_tokenizer() -> Tokenizer:
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=VOCAB,
        special_tokens=SPECIAL,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        min_frequency=2,
        show_progress=False,
    )
    tok.train([str(ROOT / "corpus.txt")], trainer)
    return tok


def write_tokenizer(tok: Tokenizer, d: Path) -> None:
    d.mkdir(parents=True, exist_ok=True)
    tok.save(str(d / "tokenizer.json"))
    cfg = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": None,
        "eos_token": "<|im_end|>",
        "pad_token": "<|endoftext|>",
        "unk_token": None,
        "add_bos_token": False,
        "model_max_length": 256,
        "clean_up_tokenization_spaces": False,
        "chat_template": CHAT_TEMPLATE,
    }
    (d / "tokenizer_config.json").write_text(json.dumps(cfg, indent=2) + "\n")


def model_specs(tok: Tokenizer):
    eos = tok.token_to_id("<|im_end|>")
    pad = tok.token_to_id("<|endoftext|>")
    from transformers import LlamaConfig, Qwen2Config

    llama = LlamaConfig(
        vocab_size=VOCAB, hidden_size=64, intermediate_size=96, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=2, head_dim=32, max_position_embeddings=256,
        rms_norm_eps=1e-5, tie_word_embeddings=False, attention_bias=False,
        rope_parameters={
            "rope_type": "llama3", "rope_theta": 10000.0, "factor": 8.0, "low_freq_factor": 1.0,
            "high_freq_factor": 4.0, "original_max_position_embeddings": 32,
        },
        bos_token_id=None, eos_token_id=eos, pad_token_id=pad, initializer_range=0.1,
    )
    qwen2 = Qwen2Config(
        vocab_size=VOCAB, hidden_size=64, intermediate_size=96, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=1, max_position_embeddings=256,
        rms_norm_eps=1e-6, tie_word_embeddings=True,
        rope_parameters={"rope_type": "default", "rope_theta": 1000000.0},
        bos_token_id=None, eos_token_id=eos, pad_token_id=pad, initializer_range=0.1,
    )
    return [("llama-tiny", "llama", llama), ("qwen2-tiny", "qwen2", qwen2)]


def build_model(cfg, seed: int):
    from transformers import AutoModelForCausalLM

    torch.manual_seed(seed)
    cfg._attn_implementation = "eager"
    model = AutoModelForCausalLM.from_config(cfg, attn_implementation="eager").eval()
    g = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("norm.weight"):
                p.copy_(1.0 + 0.2 * torch.randn(p.shape, generator=g))
            elif name.endswith(".bias"):
                p.copy_(0.1 * torch.randn(p.shape, generator=g))
            elif "embed_tokens" in name or name == "lm_head.weight":
                # Untied: larger output weights give logits with clear margins (stable greedy).
                # Tied: a small embedding, or the model only predicts its input token again.
                p.copy_((0.1 if cfg.tie_word_embeddings else 0.3) * torch.randn(p.shape, generator=g))
            elif p.ndim == 2 and cfg.tie_word_embeddings:
                p.copy_(0.15 * torch.randn(p.shape, generator=g))
        if cfg.tie_word_embeddings:
            model.model.norm.weight.mul_(6.0)  # scale the logits up instead
    return model


@torch.no_grad()
def hf_greedy_and_logits(model, prompt_ids, n=NEW_TOKENS):
    ids = list(prompt_ids)
    for _ in range(n):
        out = model(torch.tensor([ids])).logits[0, -1]
        ids.append(int(out.argmax()))
    logits = model(torch.tensor([ids])).logits[0].float().numpy()
    return ids[len(prompt_ids):], logits


def margins(logits: np.ndarray) -> list[float]:
    top2 = np.sort(logits, axis=-1)[:, -2:]
    return [float(x) for x in (top2[:, 1] - top2[:, 0])]


def llama3_rope_factors(cfg) -> np.ndarray:
    rp = cfg.rope_parameters
    head_dim = cfg.head_dim
    base = rp["rope_theta"]
    factor, lo, hi = rp["factor"], rp["low_freq_factor"], rp["high_freq_factor"]
    old = rp["original_max_position_embeddings"]
    lo_wl, hi_wl = old / lo, old / hi
    freqs = 1.0 / (base ** (np.arange(0, head_dim, 2, dtype=np.float64) / head_dim))
    out = []
    for f in freqs:
        wl = 2 * math.pi / f
        if wl < hi_wl:
            out.append(1.0)
        elif wl > lo_wl:
            out.append(factor)
        else:
            s = (old / wl - lo) / (hi - lo)
            out.append(1.0 / ((1 - s) / factor + s))
    return np.array(out, dtype=np.float32)


def gguf_permute_rows(n_rows: int, n_head: int) -> np.ndarray:
    """Row order llama.cpp's converter gives q/k of the `llama` arch (interleaved rope)."""
    hd = n_rows // n_head
    return np.arange(n_rows).reshape(n_head, 2, hd // 2).swapaxes(1, 2).reshape(-1)


GGUF_NAMES = {
    "model.embed_tokens.weight": "token_embd.weight",
    "model.norm.weight": "output_norm.weight",
    "lm_head.weight": "output.weight",
}
LAYER_NAMES = {
    "self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k", "self_attn.v_proj": "attn_v",
    "self_attn.o_proj": "attn_output", "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up",
    "mlp.down_proj": "ffn_down", "input_layernorm": "attn_norm", "post_attention_layernorm": "ffn_norm",
}


def gguf_name(hf: str) -> str:
    if hf in GGUF_NAMES:
        return GGUF_NAMES[hf]
    parts = hf.split(".")  # model.layers.N.<mod>.<sub>.weight
    n = parts[2]
    key = ".".join(parts[3:-1])
    return f"blk.{n}.{LAYER_NAMES[key]}.{parts[-1]}"


def quantize(w: np.ndarray, qtype):
    import gguf

    q = gguf.quants.quantize(w, qtype)
    return q, gguf.quants.dequantize(q, qtype).astype(np.float32)


def write_gguf(path: Path, arch: str, cfg, tok: Tokenizer, state: dict, qname: str) -> None:
    import gguf

    qtype = {"f32": None, "q8_0": gguf.GGMLQuantizationType.Q8_0, "q4_0": gguf.GGMLQuantizationType.Q4_0}[qname]
    ftype = {"f32": gguf.LlamaFileType.ALL_F32, "q8_0": gguf.LlamaFileType.MOSTLY_Q8_0,
             "q4_0": gguf.LlamaFileType.MOSTLY_Q4_0}[qname]
    w = gguf.GGUFWriter(str(path), arch)
    head_dim = getattr(cfg, "head_dim", None) or cfg.hidden_size // cfg.num_attention_heads
    w.add_name(path.stem)
    w.add_context_length(cfg.max_position_embeddings)
    w.add_embedding_length(cfg.hidden_size)
    w.add_block_count(cfg.num_hidden_layers)
    w.add_feed_forward_length(cfg.intermediate_size)
    w.add_head_count(cfg.num_attention_heads)
    w.add_head_count_kv(cfg.num_key_value_heads)
    w.add_key_length(head_dim)
    w.add_value_length(head_dim)
    w.add_rope_dimension_count(head_dim)
    w.add_rope_freq_base(float(cfg.rope_parameters["rope_theta"]))
    w.add_layer_norm_rms_eps(cfg.rms_norm_eps)
    w.add_vocab_size(cfg.vocab_size)
    w.add_file_type(ftype)
    # tokenizer, as llama.cpp's converter writes a GPT-2 style byte-level BPE
    vocab = tok.get_vocab()
    tokens = [t for t, _ in sorted(vocab.items(), key=lambda kv: kv[1])]
    assert len(tokens) == cfg.vocab_size
    special = set(SPECIAL)
    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre("gpt-2")
    w.add_token_list(tokens)
    w.add_token_types([gguf.TokenType.CONTROL if t in special else gguf.TokenType.NORMAL for t in tokens])
    merges = json.loads(tok.to_str())["model"]["merges"]
    w.add_token_merges([" ".join(m) if isinstance(m, list) else m for m in merges])
    w.add_eos_token_id(tok.token_to_id("<|im_end|>"))
    w.add_pad_token_id(tok.token_to_id("<|endoftext|>"))
    w.add_add_bos_token(False)
    w.add_chat_template(CHAT_TEMPLATE)

    rp = cfg.rope_parameters
    if rp.get("rope_type") == "llama3":
        w.add_tensor("rope_freqs.weight", llama3_rope_factors(cfg))
    for hf_name, t in state.items():
        if hf_name == "lm_head.weight" and cfg.tie_word_embeddings:
            continue
        a = t.float().numpy()
        name = gguf_name(hf_name)
        perm = None
        if arch == "llama" and ".q_proj." in hf_name:
            perm = gguf_permute_rows(a.shape[0], cfg.num_attention_heads)
        elif arch == "llama" and ".k_proj." in hf_name:
            perm = gguf_permute_rows(a.shape[0], cfg.num_key_value_heads)
        if a.ndim == 2 and qtype is not None:
            q, _ = quantize(a, qtype)
            if perm is not None:
                q = q[perm]
            w.add_tensor(name, np.ascontiguousarray(q), raw_dtype=qtype)
        else:
            if perm is not None:
                a = a[perm]
            w.add_tensor(name, np.ascontiguousarray(a.astype(np.float32)))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


def dequantized_copy(model, qname: str):
    import copy

    import gguf

    qtype = {"q8_0": gguf.GGMLQuantizationType.Q8_0, "q4_0": gguf.GGMLQuantizationType.Q4_0}[qname]
    m = copy.deepcopy(model)
    with torch.no_grad():
        for name, p in m.named_parameters():
            if p.ndim == 2:
                _, dq = quantize(p.float().numpy(), qtype)
                p.copy_(torch.from_numpy(dq))
    return m


def llamacpp_greedy_and_logits(path: Path, prompt_ids):
    from llama_cpp import Llama

    llm = Llama(model_path=str(path), n_ctx=128, n_batch=128, logits_all=True, type_k=0, type_v=0,
                n_threads=1, n_threads_batch=1, flash_attn=False, verbose=False, seed=0)
    llm.eval(list(prompt_ids))
    new = []
    for _ in range(NEW_TOKENS):
        nxt = int(np.argmax(llm.scores[llm.n_tokens - 1]))
        new.append(nxt)
        llm.eval([nxt])
    logits = np.array(llm.scores[: llm.n_tokens], dtype=np.float32)
    llm.close()
    return new, logits


def main() -> None:
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    if OUT.exists():
        shutil.rmtree(OUT)
    tok = train_tokenizer()
    write_tokenizer(tok, OUT / "tokenizer")
    from transformers import AutoTokenizer

    hf_tok = AutoTokenizer.from_pretrained(str(OUT / "tokenizer"), local_files_only=True)
    chat = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello there"}]
    tokenizer_ref = {
        "examples": [{"text": t, "ids": hf_tok.encode(t, add_special_tokens=False)} for t in TOKENIZER_EXAMPLES],
        "chat": {"messages": chat,
                 "rendered": hf_tok.apply_chat_template(chat, tokenize=False, add_generation_prompt=True)},
    }
    prompt_ids = tok.encode(PROMPT).ids
    report = {}
    for i, (name, arch, cfg) in enumerate(model_specs(tok)):
        d = OUT / name
        model = build_model(cfg, seed=1000 + i)
        model.save_pretrained(str(d))
        write_tokenizer(tok, d)
        state = model.state_dict()
        refs, meta = {}, {"prompt": PROMPT, "prompt_ids": prompt_ids, "sources": {}}
        new, logits = hf_greedy_and_logits(model, prompt_ids)
        refs["hf.f32"] = logits
        meta["sources"]["hf.f32"] = {"new_ids": new, "margins": margins(logits)}
        for q in ("q8_0", "q4_0"):
            new, logits = hf_greedy_and_logits(dequantized_copy(model, q), prompt_ids)
            refs[f"hf.{q}"] = logits
            meta["sources"][f"hf.{q}"] = {"new_ids": new, "margins": margins(logits)}
        for q in ("f32", "q8_0", "q4_0"):
            path = d / f"{name}-{q}.gguf"
            write_gguf(path, arch, cfg, tok, state, q)
            new, logits = llamacpp_greedy_and_logits(path, prompt_ids)
            refs[f"llamacpp.{q}"] = logits
            meta["sources"][f"llamacpp.{q}"] = {"new_ids": new, "margins": margins(logits)}
        meta["tokenizer"] = tokenizer_ref
        save_file({k: np.ascontiguousarray(v) for k, v in refs.items()}, str(d / "reference.safetensors"))
        (d / "reference.json").write_text(json.dumps(meta, indent=1) + "\n")
        hf = refs["hf.f32"]
        report[name] = {
            k: {"max_abs_vs_hf_f32": float(np.abs(v - hf).max()) if v.shape == hf.shape else None,
                "greedy_same_as_hf_f32": meta["sources"][k]["new_ids"] == meta["sources"]["hf.f32"]["new_ids"]}
            for k, v in refs.items()
        }
        for q in ("q8_0", "q4_0"):
            a, b = refs[f"llamacpp.{q}"], refs[f"hf.{q}"]
            report[name][f"llamacpp.{q}"]["max_abs_vs_hf_dequant"] = (
                float(np.abs(a - b).max()) if a.shape == b.shape else None)
    shutil.rmtree(OUT / "tokenizer")
    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(json.dumps(report, indent=1))
    print(f"wrote {OUT} ({total / 1e6:.2f} MB)")
    if total > 3_000_000:
        sys.exit("committed outputs exceed 3 MB")


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    main()
