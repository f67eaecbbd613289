#!/usr/bin/env python3
"""The server LLM measured from second processes on loopback, in one run:

1. decode tok/s of `tandem serve` (embedded model) and of llama.cpp's OpenAI server
   (`python -m llama_cpp.server`, PyPI llama-cpp-python[server]) on the same GGUF, by streaming
   greedy chat completions (first-token time and decode rate = tokens after the first / time
   after the first);
2. the proxy's cost: the same streamed requests to llama_cpp.server through
   `tandem serve --upstream` (first-token time and decode rate beside the direct figures);
3. a load test of `tandem serve` with wrk (Debian `wrk`) for --duration seconds: requests/s,
   p50/p99 latency, responses per status (429s apart; 5xx must be 0);
4. an overload run (--overload-connections against a queue of 2) where the queue overflows: 429s
   with Retry-After are counted apart from successes, and 5xx must still be 0.

  $(scripts/setup-llama-server.sh) scripts/bench_server.py \\
      --gguf models/bench/smollm2-135m/model-q8_0.gguf --load-model models/demo/license-llama \\
      [--tandem target/release/tandem] [--duration 60]

(run it with the python of scripts/setup-llama-server.sh's venv, where llama_cpp is installed)
"""
import argparse, json, os, subprocess, sys, time, urllib.request

def wait(url, proc, what):
    for _ in range(300):
        if proc.poll() is not None:
            sys.exit(f"{what} exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url + "/v1/models", timeout=1).read()
            return
        except Exception:
            time.sleep(0.2)
    sys.exit(f"{what} did not start")

def stream(url, model, n, prompt):
    body = json.dumps({"model": model, "messages": [{"role": "user", "content": prompt}],
                       "max_tokens": n, "temperature": 0, "stream": True}).encode()
    req = urllib.request.Request(url + "/v1/chat/completions", data=body,
                                 headers={"content-type": "application/json"})
    t0 = time.perf_counter(); first = None; chunks = 0
    with urllib.request.urlopen(req, timeout=600) as r:
        for line in r:
            line = line.decode().strip()
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            c = json.loads(line[6:])
            if c["choices"] and c["choices"][0]["delta"].get("content"):
                chunks += 1
                if first is None:
                    first = time.perf_counter()
    end = time.perf_counter()
    return first - t0, (chunks - 1) / (end - first) if chunks > 1 else 0.0, chunks

def decode_bench(name, url, model, n, reps, prompt):
    stream(url, model, 4, prompt)  # warm up
    runs = [stream(url, model, n, prompt) for _ in range(reps)]
    ttft = sorted(r[0] for r in runs)[len(runs) // 2]
    rate = sorted(r[1] for r in runs)[len(runs) // 2]
    return {"server": name, "first_token_ms": round(ttft * 1000, 1), "decode_tok_s": round(rate, 1),
            "chunks": [r[2] for r in runs]}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gguf", required=True)
    ap.add_argument("--load-model", default="models/demo/license-llama")
    ap.add_argument("--tandem", default=os.path.expanduser("~/.cache/tandem-target/release/tandem"))
    ap.add_argument("--tokens", type=int, default=64)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--duration", type=int, default=60)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--overload-connections", type=int, default=64)
    ap.add_argument("--overload-duration", type=int, default=30)
    a = ap.parse_args()
    env = dict(os.environ, RAYON_NUM_THREADS=str(a.threads))
    prompt = "The Licensor grants You"
    procs = []
    try:
        t = subprocess.Popen([a.tandem, "serve", "--model", a.gguf, "--bind", "127.0.0.1:18711",
                              "--model-id", "m"], env=env, stderr=subprocess.DEVNULL)
        procs.append(t)
        l = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", a.gguf, "--host",
                              "127.0.0.1", "--port", "18712", "--model_alias", "m", "--n_threads",
                              str(a.threads), "--n_ctx", "2048"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(l)
        wait("http://127.0.0.1:18711", t, "tandem serve"); wait("http://127.0.0.1:18712", l, "llama_cpp.server")
        proxy = subprocess.Popen([a.tandem, "serve", "--bind", "127.0.0.1:18714", "--upstream",
                                  "http://127.0.0.1:18712", "--upstream-timeout-s", "120"],
                                 env=env, stderr=subprocess.DEVNULL)
        procs.append(proxy)
        wait("http://127.0.0.1:18714", proxy, "tandem serve --upstream")
        rows = [decode_bench("tandem serve (embedded, tandem-core CPU)", "http://127.0.0.1:18711", "m", a.tokens, a.reps, prompt),
                decode_bench("llama_cpp.server (llama-cpp-python)", "http://127.0.0.1:18712", "m", a.tokens, a.reps, prompt),
                decode_bench("llama_cpp.server through tandem serve --upstream", "http://127.0.0.1:18714", "m", a.tokens, a.reps, prompt)]
        for p in procs:
            p.terminate(); p.wait()
        procs = []
        load = subprocess.Popen([a.tandem, "serve", "--model", a.load_model, "--bind", "127.0.0.1:18713",
                                 "--queue", "16"], env=env, stderr=subprocess.DEVNULL)
        procs.append(load)
        wait("http://127.0.0.1:18713", load, "tandem serve (load)")
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "loadtest.lua")
        out = subprocess.run(["wrk", "-t2", f"-c{a.connections}", f"-d{a.duration}s", "--timeout", "30s",
                              "-s", script, "http://127.0.0.1:18713/v1/chat/completions"],
                             capture_output=True, text=True, check=True).stdout
        load.terminate(); load.wait()
        procs.remove(load)
        over = subprocess.Popen([a.tandem, "serve", "--model", a.load_model, "--bind", "127.0.0.1:18715",
                                 "--queue", "2"], env=env, stderr=subprocess.DEVNULL)
        procs.append(over)
        wait("http://127.0.0.1:18715", over, "tandem serve (overload)")
        out_over = subprocess.run(["wrk", "-t2", f"-c{a.overload_connections}", f"-d{a.overload_duration}s",
                                   "--timeout", "30s", "-s", script, "http://127.0.0.1:18715/v1/chat/completions"],
                                  capture_output=True, text=True, check=True).stdout
    finally:
        for p in procs:
            p.terminate(); p.wait()
    print(f"machine: {os.cpu_count()} CPUs; threads per server: {a.threads}; GGUF {a.gguf}")
    print("\n| server | first token (ms) | decode (tok/s) | content chunks per run |\n|---|---:|---:|---|")
    for r in rows:
        print(f"| {r['server']} | {r['first_token_ms']} | {r['decode_tok_s']} | {r['chunks']} |")
    print(f"\nload test: wrk -t2 -c{a.connections} -d{a.duration}s against `tandem serve --model {a.load_model}`")
    print(out)
    print(f"overload: wrk -t2 -c{a.overload_connections} -d{a.overload_duration}s against `tandem serve --model {a.load_model} --queue 2`")
    print(out_over)

if __name__ == "__main__":
    main()
