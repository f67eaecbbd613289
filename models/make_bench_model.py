#!/usr/bin/env python3
"""Make the browser benchmark model: SmolLM2-135M's exact shapes with random weights.

Deterministic (fixed seeds, one thread), offline. Writes (not committed; models/bench/ is ignored):

  models/bench/smollm2-135m/
    config.json, generation_config.json, model.safetensors   HF checkpoint, f32, transformers' own
                                    init (initializer_range 0.02), SmolLM2-135M's config
    tokenizer.json, tokenizer_config.json   byte-level BPE with exactly 49152 tokens, trained on
                                    models/corpus.txt + seeded synthetic text; ChatML template;
                                    <|endoftext|>=0 (pad), <|im_start|>=1 (bos), <|im_end|>=2 (eos)
    model-f32.gguf, model-q8_0.gguf the same weights as GGUF (make_models.write_gguf: llama.cpp
                                    tensor names and q/k row order, GPT-2 style tokenizer metadata,
                                    tokenizer.ggml.pre "gpt-2"), loadable by llama.cpp and wllama
    bench_reference.json            the bench prompt (text and its 32 ids), 32 greedy new ids from
                                    transformers f32 and on the dequantized Q8_0 weights, and from
                                    llama.cpp on both GGUF files; native llama.cpp decode tok/s
  models/bench/smollm2-135m-onnx/   for transformers.js 3.x: onnx/model.onnx (fp32, with
                                    past_key_values), config.json, generation_config.json, tokenizer
                                    files; checked with onnxruntime against the reference ids

Run (about 1.5 minutes on 2 cores; outputs ~1.9 GB):

    # once: a venv for the ONNX export (optimum needs transformers<4.58; the system one stays 5.x).
    # --system-site-packages reuses the system torch (no second 3 GB download).
    python3 -m venv --system-site-packages /work/venvs/onnx
    /work/venvs/onnx/bin/pip install "optimum-onnx[onnxruntime]==0.1.0" "transformers<4.58" accelerate
    # (accelerate: without it the exporter skips the tied-weight dedup: +113 MB of ONNX)
    # worked with: optimum-onnx 0.1.0, optimum 2.1.0, transformers 4.57.6, onnx 1.23.2,
    # onnxruntime 1.32.0, accelerate 1.15.0 (+ the system torch 2.15.0)

    python models/make_bench_model.py                 # everything
    python models/make_bench_model.py --skip-onnx     # without the venv: no ONNX export
    ONNX_VENV=/path/to/venv python models/make_bench_model.py

Needs (system): torch, transformers 5, tokenizers, safetensors, gguf, numpy, llama-cpp-python
(models/requirements.txt). Reruns rewrite everything; the weights, tokenizer and GGUF files are
byte-identical between runs.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "bench" / "smollm2-135m"
OUT_ONNX = ROOT / "bench" / "smollm2-135m-onnx"
VOCAB = 49152
SPECIAL = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]  # ids 0, 1, 2 (as SmolLM2)
PROMPT_LEN = 32
NEW_TOKENS = 32
SEED = 135
PROMPT_SOURCE = (
    "The Licensor grants You a perpetual, worldwide, non-exclusive license to reproduce, prepare "
    "derivative works of, publicly display and distribute the Work and such Derivative Works in "
    "Source or Object form, provided that You meet the following conditions of this License."
)
CHAT_TEMPLATE = (
    "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] "
    "+ '<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


# ---------------------------------------------------------------- tokenizer

def synthetic_text(seed: int):
    """Seeded pseudo-language (Zipf-distributed words, numbers, punctuation, some unicode): enough
    distinct byte pairs for a BPE to reach 49152 tokens in a few seconds."""
    rng = random.Random(seed)
    cons = "b c d f g h j k l m n p r s t v w z ch sh th st tr pl qu".split()
    vow = "a e i o u y ai ea ou io".split()
    syl = sorted({c + v for c in cons for v in vow} | {v + c for c in cons[:8] for v in vow[:5]})
    lex = list(dict.fromkeys(
        "".join(rng.choice(syl) for _ in range(rng.choice((1, 2, 2, 3, 3, 3, 4, 5))))
        for _ in range(150_000)))
    weights = [1.0 / (i + 10) for i in range(len(lex))]
    extra = "é ö ü ñ ß ø 日本 中文 한국 — ✓ € £ α β γ".split()
    for _ in range(400):
        out = []
        for w in rng.choices(lex, weights, k=5000):
            r = rng.random()
            if r < 0.05:
                w = w.capitalize()
            elif r < 0.07:
                w = str(rng.randrange(10 ** rng.randrange(1, 6)))
            elif r < 0.075:
                w = rng.choice(extra)
            out.append(w)
            if rng.random() < 0.08:
                out.append(rng.choice(".,;:!?"))
            if rng.random() < 0.01:
                out.append("\n")
        yield " ".join(out)


def train_tokenizer():
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=VOCAB, special_tokens=SPECIAL, min_frequency=2, show_progress=False,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet())

    def texts():
        corpus = (ROOT / "corpus.txt").read_text()
        for _ in range(20):  # real English words get merged too
            yield corpus
        yield from synthetic_text(SEED)

    tok.train_from_iterator(texts(), trainer)
    assert tok.get_vocab_size() == VOCAB, tok.get_vocab_size()
    assert [tok.token_to_id(s) for s in SPECIAL] == [0, 1, 2]
    return tok


def write_tokenizer(tok, d: Path) -> None:
    d.mkdir(parents=True, exist_ok=True)
    tok.save(str(d / "tokenizer.json"))
    cfg = {
        "tokenizer_class": "PreTrainedTokenizerFast",  # read by transformers 4.x, 5.x and transformers.js
        "bos_token": "<|im_start|>",
        "eos_token": "<|im_end|>",
        "pad_token": "<|im_end|>",
        "unk_token": None,
        "add_bos_token": False,
        "add_eos_token": False,
        "model_max_length": 8192,
        "clean_up_tokenization_spaces": False,
        "chat_template": CHAT_TEMPLATE,
    }
    (d / "tokenizer_config.json").write_text(json.dumps(cfg, indent=2) + "\n")


def bench_prompt(tok) -> tuple[str, list[int]]:
    """The longest word prefix of PROMPT_SOURCE with <= PROMPT_LEN tokens, padded to exactly
    PROMPT_LEN by dropping to fewer words only if no prefix hits it exactly."""
    words = PROMPT_SOURCE.split(" ")
    best = None
    for n in range(1, len(words) + 1):
        text = " ".join(words[:n])
        ids = tok.encode(text).ids
        if len(ids) > PROMPT_LEN:
            break
        best = (text, ids)
    text, ids = best
    if len(ids) < PROMPT_LEN:  # take the ids of the next prefix, cut: ids are what the engines get
        text = " ".join(words[: len(text.split(" ")) + 1])
        ids = tok.encode(text).ids[:PROMPT_LEN]
        text = tok.decode(ids)
        assert tok.encode(text).ids == ids, "cut prompt does not round-trip"
    return text, ids


# ---------------------------------------------------------------- model

def smollm2_config():
    from transformers import LlamaConfig

    # SmolLM2-135M's config.json (HuggingFaceTB/SmolLM2-135M-Instruct ids for bos/eos/pad)
    return LlamaConfig(
        vocab_size=VOCAB, hidden_size=576, intermediate_size=1536, num_hidden_layers=30,
        num_attention_heads=9, num_key_value_heads=3, head_dim=64, hidden_act="silu",
        max_position_embeddings=8192, rms_norm_eps=1e-5, tie_word_embeddings=True,
        attention_bias=False, mlp_bias=False, attention_dropout=0.0, initializer_range=0.02,
        rope_parameters={"rope_type": "default", "rope_theta": 100000.0},
        bos_token_id=1, eos_token_id=2, pad_token_id=2, use_cache=True,
    )


def build_model(cfg):
    import torch
    from transformers import AutoModelForCausalLM

    torch.manual_seed(SEED)
    model = AutoModelForCausalLM.from_config(cfg, attn_implementation="eager", dtype=torch.float32)
    return model.eval()


def greedy(model, prompt_ids, n=NEW_TOKENS):
    """Plain argmax decode with the KV cache (no EOS stop). Also returns each step's top-1/top-2
    margin and whether EOS was ever the argmax."""
    import torch

    with torch.no_grad():
        out = model(torch.tensor([prompt_ids]), use_cache=True)
        new, margins = [], []
        for _ in range(n):
            logits = out.logits[0, -1].float()
            top2 = torch.topk(logits, 2).values
            margins.append(round(float(top2[0] - top2[1]), 5))
            nxt = int(logits.argmax())
            new.append(nxt)
            out = model(torch.tensor([[nxt]]), cache=out.cache, use_cache=True)  # transformers 5.24 names
    return new, margins


def dequantized_q8_0(model):
    import copy

    import gguf
    import torch

    m = copy.deepcopy(model)
    with torch.no_grad():
        for _, p in m.named_parameters():
            if p.ndim == 2:
                a = p.float().numpy()
                q = gguf.quants.quantize(a, gguf.GGMLQuantizationType.Q8_0)
                p.copy_(torch.from_numpy(gguf.quants.dequantize(q, gguf.GGMLQuantizationType.Q8_0)))
    return m


def llamacpp_greedy(path: Path, prompt_ids, n=NEW_TOKENS, threads=1):
    import numpy as np
    from llama_cpp import Llama

    # logits_all: without it llama-cpp-python 0.3.36 leaves llm.scores of the prompt's last row unset
    llm = Llama(model_path=str(path), n_ctx=256, n_batch=64, logits_all=True, type_k=0, type_v=0,
                n_threads=threads, n_threads_batch=threads, flash_attn=False, verbose=False, seed=0)
    t0 = time.perf_counter()
    llm.eval(list(prompt_ids))
    new = [int(np.argmax(llm.scores[llm.n_tokens - 1]))]
    t1 = time.perf_counter()
    for _ in range(n - 1):
        llm.eval([new[-1]])
        new.append(int(np.argmax(llm.scores[llm.n_tokens - 1])))
    t2 = time.perf_counter()
    llm.close()
    return new, {"first_token_ms": round((t1 - t0) * 1e3, 1),
                 "decode_tok_s": round((n - 1) / (t2 - t1), 1), "threads": threads}


def write_gguf(tok, cfg, state, qname: str, path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    import make_models as mm  # the repo's GGUF writer (same layout as the committed test models)

    assert mm.SPECIAL == SPECIAL and mm.CHAT_TEMPLATE == CHAT_TEMPLATE
    mm.write_gguf(path, "llama", cfg, tok, state, qname)


# ---------------------------------------------------------------- ONNX (runs under the venv)

def legacy_config(cfg_path: Path, dst: Path) -> None:
    """transformers 5 writes rope_parameters; 4.x reads top-level rope_theta (else 10000!)."""
    c = json.loads(cfg_path.read_text())
    rp = c.get("rope_parameters") or {}
    c["rope_theta"] = rp.get("rope_theta", c.get("rope_theta"))
    c["rope_scaling"] = None
    c.pop("rope_parameters", None)
    c["torch_dtype"] = "float32"
    dst.write_text(json.dumps(c, indent=2) + "\n")


def export_onnx(venv: Path, ref: dict) -> dict:
    py, cli = venv / "bin" / "python", venv / "bin" / "optimum-cli"
    if OUT_ONNX.exists():
        shutil.rmtree(OUT_ONNX)
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "out"
        src.mkdir()
        for f in ("model.safetensors", "tokenizer.json", "tokenizer_config.json", "generation_config.json"):
            os.symlink(OUT / f, src / f)
        legacy_config(OUT / "config.json", src / "config.json")
        t0 = time.time()
        env = dict(os.environ, TOKENIZERS_PARALLELISM="false", OMP_NUM_THREADS="2")
        subprocess.run([str(cli), "export", "onnx", "--model", str(src), "--task",
                        "text-generation-with-past", "--dtype", "fp32",
                        str(out)], check=True, env=env)
        print(f"onnx export: {time.time() - t0:.0f} s")
        (OUT_ONNX / "onnx").mkdir(parents=True)
        onnx_files = sorted(p.name for p in out.iterdir() if p.name.startswith("model.onnx"))
        assert "model.onnx" in onnx_files, sorted(p.name for p in out.iterdir())
        for name in onnx_files:  # model.onnx (+ model.onnx_data if the exporter split it)
            shutil.move(str(out / name), OUT_ONNX / "onnx" / name)
    for f in ("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json"):
        shutil.copy(OUT / f, OUT_ONNX / f)
    # transformers.js reads config.json for the KV-cache shapes; give it the legacy keys as well
    legacy_config(OUT / "config.json", OUT_ONNX / "config.json")
    res = subprocess.run([str(py), __file__, "--check-onnx", str(OUT_ONNX / "onnx" / "model.onnx"),
                          json.dumps(ref["prompt_ids"])], check=True, capture_output=True, text=True,
                         env=dict(os.environ, OMP_NUM_THREADS="1"))
    return json.loads(res.stdout.strip().splitlines()[-1])


def check_onnx(path: str, prompt_ids: list[int], n=NEW_TOKENS) -> None:
    """Greedy decode with onnxruntime (1 thread) through past_key_values; prints JSON."""
    import numpy as np
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    s = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    inputs = {i.name: i for i in s.get_inputs()}
    past = {k: np.zeros((1, v.shape[1] if isinstance(v.shape[1], int) else 3, 0,
                         v.shape[3] if isinstance(v.shape[3], int) else 64), np.float32)
            for k, v in inputs.items() if k.startswith("past_key_values")}
    out_names = [o.name for o in s.get_outputs()]
    ids, new, total = list(prompt_ids), [], 0
    t0 = time.perf_counter()
    t1 = None
    step = list(prompt_ids)
    for _ in range(n):
        feed = {"input_ids": np.array([step], np.int64),
                "attention_mask": np.ones((1, total + len(step)), np.int64)}
        if "position_ids" in inputs:
            feed["position_ids"] = np.arange(total, total + len(step), dtype=np.int64)[None]
        feed.update(past)
        outs = dict(zip(out_names, s.run(None, feed)))
        total += len(step)
        nxt = int(outs["logits"][0, -1].argmax())
        new.append(nxt)
        if t1 is None:
            t1 = time.perf_counter()
        past = {k.replace("present", "past_key_values"): v for k, v in outs.items() if k.startswith("present")}
        step = [nxt]
    t2 = time.perf_counter()
    print(json.dumps({"new_ids": new, "inputs": sorted(inputs), "first_token_ms": round((t1 - t0) * 1e3, 1),
                      "decode_tok_s": round((n - 1) / (t2 - t1), 1), "threads": 1,
                      "onnxruntime": ort.__version__}))


# ---------------------------------------------------------------- main

def sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skip-onnx", action="store_true", help="no ONNX export (no venv needed)")
    ap.add_argument("--check-onnx", nargs=2, metavar=("MODEL_ONNX", "PROMPT_IDS_JSON"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.check_onnx:
        check_onnx(a.check_onnx[0], json.loads(a.check_onnx[1]))
        return

    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, GenerationConfig

    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    venv = Path(os.environ.get("ONNX_VENV", "/work/venvs/onnx"))
    if not a.skip_onnx and not (venv / "bin" / "optimum-cli").exists():
        sys.exit(f"no optimum-cli in {venv}: make the venv (see the top of this file) or pass --skip-onnx")
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)

    t0 = time.time()
    tok = train_tokenizer()
    write_tokenizer(tok, OUT)
    print(f"tokenizer: {tok.get_vocab_size()} tokens, {time.time() - t0:.1f} s")

    cfg = smollm2_config()
    model = build_model(cfg)
    model.save_pretrained(str(OUT))  # f32 safetensors, config.json
    GenerationConfig(bos_token_id=1, eos_token_id=2, pad_token_id=2, do_sample=False).save_pretrained(str(OUT))
    n_params = sum(p.numel() for p in model.parameters())
    print(f"model: {n_params / 1e6:.1f} M parameters, {time.time() - t0:.1f} s")

    # reload check: transformers reads back what it wrote, and generates
    hf_tok = AutoTokenizer.from_pretrained(str(OUT), local_files_only=True)
    reloaded = AutoModelForCausalLM.from_pretrained(str(OUT), local_files_only=True, dtype=torch.float32).eval()
    assert reloaded.config.rope_parameters["rope_theta"] == 100000.0
    text, prompt_ids = bench_prompt(tok)
    assert hf_tok.encode(text, add_special_tokens=False) == prompt_ids
    gen = reloaded.generate(torch.tensor([prompt_ids]), max_new_tokens=NEW_TOKENS, min_new_tokens=NEW_TOKENS,
                            do_sample=False)[0, len(prompt_ids):].tolist()

    ref = {"prompt": text, "prompt_ids": prompt_ids, "n_new": NEW_TOKENS, "sources": {}}
    t = time.time()
    new, margins = greedy(reloaded, prompt_ids)
    hf_ms = (time.time() - t) * 1e3
    assert gen == new, ("generate() differs from the argmax loop", gen, new)
    ref["sources"]["hf.f32"] = {"new_ids": new, "margins": margins, "eos_is_argmax": 2 in new,
                                "text": hf_tok.decode(new)}
    print(f"hf f32 greedy: {new}  ({hf_ms:.0f} ms with prefill, 1 thread)")
    dq = dequantized_q8_0(reloaded)
    new_q, margins_q = greedy(dq, prompt_ids)
    ref["sources"]["hf.q8_0_dequant"] = {"new_ids": new_q, "margins": margins_q, "eos_is_argmax": 2 in new_q}
    del dq

    state = model.state_dict()
    for q in ("f32", "q8_0"):
        path = OUT / f"model-{q}.gguf"
        write_gguf(tok, cfg, state, q, path)
        new_l, perf = llamacpp_greedy(path, prompt_ids)
        ref["sources"][f"llamacpp.{q}"] = {"new_ids": new_l, "native_perf": perf}
        print(f"llama.cpp {q}: {new_l}  {perf}")
    del state, model, reloaded

    if not a.skip_onnx:
        res = export_onnx(venv, ref)
        ref["sources"]["onnxruntime.f32"] = {"new_ids": res["new_ids"], "native_perf": {
            k: res[k] for k in ("first_token_ms", "decode_tok_s", "threads", "onnxruntime")}}
        print(f"onnxruntime f32: {res['new_ids']}  inputs: {res['inputs'][:4]}...")

    hf = ref["sources"]["hf.f32"]["new_ids"]
    ref["checks"] = {k: {"same_as_hf_f32": v["new_ids"] == hf,
                         "same_as_hf_q8_0_dequant": v["new_ids"] == ref["sources"]["hf.q8_0_dequant"]["new_ids"]}
                     for k, v in ref["sources"].items()}
    ref["files"] = {p.name: {"bytes": p.stat().st_size, "sha256_16": sha(p)}
                    for p in sorted(OUT.iterdir()) if p.suffix in (".safetensors", ".gguf", ".json")
                    and p.name != "bench_reference.json"}
    if OUT_ONNX.exists():
        p = OUT_ONNX / "onnx" / "model.onnx"
        ref["files"]["onnx/model.onnx"] = {"bytes": p.stat().st_size, "sha256_16": sha(p)}
    (OUT / "bench_reference.json").write_text(json.dumps(ref, indent=1) + "\n")
    print(json.dumps(ref["checks"], indent=1))
    print(json.dumps(ref["files"], indent=1))
    bad = [k for k, v in ref["checks"].items()
           if not (v["same_as_hf_f32"] if "q8_0" not in k else v["same_as_hf_q8_0_dequant"])]
    if bad:
        print(f"WARNING: greedy ids differ from their reference: {bad}")
    print(f"done in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    main()
