#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (fuzz/corpus/<target>/): small, valid inputs from
which the fuzzer mutates. Standard library only, deterministic (no randomness, fixed values), a
second or so. The micro model is the one fuzz/src/micro.rs loads: Llama, hidden 8, one layer,
2 heads, 1 KV head, vocabulary 16.

    python3 fuzz/make_seeds.py
"""
import json
import math
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parent
CORPUS = ROOT / "corpus"

H, I, V, HEADS, KV = 8, 16, 16, 2, 1
HD = H // HEADS
TOKENS = ["<s>", "</s>", "<|im_start|>", "<|im_end|>", "a", "b", "c", "d", "e", "h", "l", "o",
          "Ġ", "ab", "he", "ll"]
MERGES = ["a b", "h e", "l l"]
TEMPLATE = ("{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + "
            "message['content'] + '<|im_end|>\\n' }}{% endfor %}"
            "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}")


def values(n, k):
    """n deterministic small floats (a sine, so no two tensors are alike)."""
    return [round(0.5 * math.sin(0.37 * (i + 1) * (k + 1)), 4) for i in range(n)]


def micro_tensors():
    """HF name -> (shape, values) of the micro model (tied embeddings)."""
    shapes = {
        "model.embed_tokens.weight": [V, H],
        "model.norm.weight": [H],
        "model.layers.0.input_layernorm.weight": [H],
        "model.layers.0.post_attention_layernorm.weight": [H],
        "model.layers.0.self_attn.q_proj.weight": [HEADS * HD, H],
        "model.layers.0.self_attn.k_proj.weight": [KV * HD, H],
        "model.layers.0.self_attn.v_proj.weight": [KV * HD, H],
        "model.layers.0.self_attn.o_proj.weight": [H, HEADS * HD],
        "model.layers.0.mlp.gate_proj.weight": [I, H],
        "model.layers.0.mlp.up_proj.weight": [I, H],
        "model.layers.0.mlp.down_proj.weight": [H, I],
    }
    out = {}
    for k, (name, shape) in enumerate(sorted(shapes.items())):
        n = math.prod(shape)
        out[name] = (shape, [1.0] * n if name.endswith("norm.weight") else values(n, k))
    return out


def pack(vals, dtype):
    if dtype == "F32":
        return struct.pack(f"<{len(vals)}f", *vals)
    if dtype == "F16":
        return struct.pack(f"<{len(vals)}e", *vals)
    if dtype == "BF16":  # the top half of each f32
        return b"".join(struct.pack("<I", struct.unpack("<I", struct.pack("<f", v))[0])[2:] for v in vals)
    raise ValueError(dtype)


def safetensors(tensors, dtype):
    header, data = {}, b""
    for name, (shape, vals) in tensors.items():
        b = pack(vals, dtype)
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + len(b)]}
        data += b
    header["__metadata__"] = {"format": "pt"}
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    return struct.pack("<Q", len(h)) + h + data


# GGUF (v3): https://github.com/ggml-org/ggml/blob/master/docs/gguf.md
def gstr(s):
    b = s.encode()
    return struct.pack("<Q", len(b)) + b


def gval(v):
    """(type id, payload) of a metadata value."""
    if isinstance(v, bool):
        return 7, struct.pack("<?", v)
    if isinstance(v, int):
        return 4, struct.pack("<I", v)
    if isinstance(v, float):
        return 6, struct.pack("<f", v)
    if isinstance(v, str):
        return 8, gstr(v)
    if isinstance(v, list):
        t, _ = gval(v[0])
        return 9, struct.pack("<IQ", t, len(v)) + b"".join(gval(x)[1] for x in v)
    raise TypeError(v)


def gguf(tensors, ggml_type, with_tokenizer=True):
    meta = {
        "general.architecture": "llama",
        "llama.context_length": 32,
        "llama.embedding_length": H,
        "llama.block_count": 1,
        "llama.feed_forward_length": I,
        "llama.attention.head_count": HEADS,
        "llama.attention.head_count_kv": KV,
        "llama.rope.freq_base": 10000.0,
        "llama.attention.layer_norm_rms_epsilon": 1e-5,
        "tokenizer.ggml.eos_token_id": 3,
    }
    if with_tokenizer:
        meta.update({
            "tokenizer.ggml.model": "gpt2",
            "tokenizer.ggml.pre": "gpt-2",
            "tokenizer.ggml.tokens": TOKENS,
            "tokenizer.ggml.token_type": [3, 3, 3, 3] + [1] * (V - 4),
            "tokenizer.ggml.merges": MERGES,
            "tokenizer.ggml.bos_token_id": 0,
            "tokenizer.ggml.add_bos_token": True,
            "tokenizer.chat_template": TEMPLATE,
        })
    names = {
        "model.embed_tokens.weight": "token_embd.weight",
        "model.norm.weight": "output_norm.weight",
    }
    for hf in tensors:
        if hf.startswith("model.layers.0."):
            part = hf[len("model.layers.0."):-len(".weight")]
            g = {"input_layernorm": "attn_norm", "post_attention_layernorm": "ffn_norm",
                 "self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k",
                 "self_attn.v_proj": "attn_v", "self_attn.o_proj": "attn_output",
                 "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up", "mlp.down_proj": "ffn_down"}[part]
            names[hf] = f"blk.0.{g}.weight"
    out = b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(meta))
    for k, v in meta.items():
        t, payload = gval(v)
        out += gstr(k) + struct.pack("<I", t) + payload
    data = b""
    infos = b""
    for hf, (shape, vals) in tensors.items():
        b = pack(vals, {0: "F32", 1: "F16"}[ggml_type])
        data += b"\0" * (-len(data) % 32)
        # GGUF lists dimensions innermost first.
        infos += gstr(names[hf]) + struct.pack("<I", len(shape)) + b"".join(
            struct.pack("<Q", d) for d in reversed(shape)) + struct.pack("<IQ", ggml_type, len(data))
        data += b
    out += infos
    out += b"\0" * (-len(out) % 32)
    return out + data


def write(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def main():
    t = micro_tensors()
    for dtype in ("F32", "F16", "BF16"):
        write("safetensors", f"micro-{dtype.lower()}.safetensors", safetensors(t, dtype))
    write("safetensors", "index.json", json.dumps(
        {"metadata": {"total_size": 1}, "weight_map": {"model.norm.weight": "model-00001-of-00002.safetensors",
                                                        "lm_head.weight": "model-00002-of-00002.safetensors"}}))
    write("gguf", "micro-f32.gguf", gguf(t, 0))
    write("gguf", "micro-f16.gguf", gguf(t, 1))
    write("gguf", "micro-no-tokenizer.gguf", gguf(t, 0, with_tokenizer=False))

    for d in ["tiny/llama-tiny", "tiny/qwen2-tiny", "tiny/llama-odd", "tiny/llama-long", "pair/small"]:
        write("config", d.replace("/", "-") + ".json", (REPO / "models" / d / "config.json").read_bytes())
    write("config", "micro.json", json.dumps(json.loads(
        (ROOT / "src" / "micro.rs").read_text().split('r#"')[1].split('"#')[0])))

    tiny = REPO / "models" / "tiny" / "llama-tiny"
    write("tokenizer", "llama-tiny", (tiny / "tokenizer.json").read_bytes() + b"\0"
          + (tiny / "tokenizer_config.json").read_bytes() + b"\0" + "Hello, wörld! 12+7=?".encode())
    pair = REPO / "models" / "pair" / "small"
    write("tokenizer", "pair-small", (pair / "tokenizer.json").read_bytes() + b"\0"
          + (pair / "tokenizer_config.json").read_bytes() + b"\0" + b"What is 3*(4+5)?")
    write("tokenizer", "template-list", b"\0" + json.dumps({"chat_template": [
        {"name": "default", "template": TEMPLATE}], "bos_token": {"content": "<s>"}}).encode() + b"\0hi")

    # server: one selector byte (bits 0-1 endpoint, 2-3 authorization, 4 path from the input,
    # 5 content-type JSON), then path NUL body.
    chat = {"model": "tiny", "messages": [{"role": "user", "content": "Hi"}], "max_tokens": 3}
    bodies = {
        "chat": (0x20, chat),
        "chat-stream": (0x20, {**chat, "stream": True, "stream_options": {"include_usage": True}}),
        "chat-parts": (0x20, {"messages": [{"role": "system", "content": "Be brief."},
                                           {"role": "user", "content": [{"type": "text", "text": "Hi"}]}],
                              "logprobs": True, "top_logprobs": 2, "temperature": 0.7, "seed": 3}),
        "chat-stop": (0x20, {**chat, "stop": ["\n", "a"], "top_p": 0.9, "n": 1}),
        "verify": (0x21, {"model": "tiny", "prompt_ids": [1, 2, 3], "draft_ids": [4, 5]}),
        "verify-messages": (0x21, {"messages": [{"role": "user", "content": "Hi"}], "draft_ids": [4],
                                   "temperature": 1.0, "seed": 7,
                                   "draft_dists": [[[4, 0.75], [5, 0.25]]]}),
        "wrong-key": (0x28, chat),
    }
    for name, (sel, body) in bodies.items():
        write("server", name, bytes([sel]) + b"\0" + json.dumps(body).encode())
    write("server", "models", bytes([0x02]) + b"\0")
    write("server", "encoded-path", bytes([0x33]) + b"/v1/%63hat/completions?x=%00\0" + json.dumps(chat).encode())

    router = (REPO / "models" / "pair" / "router.json").read_bytes()
    dim = json.loads(router)["dim"]
    write("router", "pair", router + b"\0" + struct.pack(f"<{dim}f", *values(dim, 1)))
    write("router", "small", json.dumps({
        "version": "tandem-router/1", "kind": "logistic", "dim": 2, "mean": [0.0, 1.0], "scale": [1.0, 2.0],
        "weights": [0.5, -0.25], "bias": 0.1, "threshold": 0.5, "target_share": 0.3, "label": "disagreement",
        "cascade": None, "trained_on": 10, "notes": ""}).encode() + b"\0" + struct.pack("<2f", 1.5, -3.0))

    for name, text in {
        "contact": "Email anna.berg@example.com or call +46 70 123 45 67; card 4111 1111 1111 1111.",
        "address": "Ship to Max Mustermann, Hauptstraße 5, 10115 Berlin. IBAN DE89 3704 0044 0532 0130 00.",
        "web": "My IP is 192.168.0.12 and my site https://example.org/a?b=c\0Again: anna.berg@example.com",
        "placeholders": "Reply to [EMAIL_1] and [PHONE_1]",
    }.items():
        write("redact", name, text.encode())


if __name__ == "__main__":
    main()
