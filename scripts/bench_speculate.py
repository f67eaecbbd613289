#!/usr/bin/env python3
"""Speculative collaboration measured end to end, in one run (docs/BENCHMARKS.md, issue 15):

`tandem serve` embeds the target (the pair's LARGE); a delaying TCP proxy on loopback adds a
round trip of 0, 50 or 150 ms (half each way, per request and response); for N prompts of the
suite's test split:
1. `tandem speculate --draft SMALL --target http://proxy/v1 --chat --json` (greedy, adaptive k,
   objective latency) — its ids must equal `tandem generate --model LARGE --temperature 0`'s
   byte for byte (checked at the first round trip, on every prompt);
2. the comparator: the same prompt as one streamed chat completion from the same server through
   the same proxy (server-only), timed from the client;
reporting acceptance rate, server forward passes per output token (speculative: verify calls /
tokens; server-only: 1) and time per answer for each round trip.

  python3 scripts/bench_speculate.py [--n 100] [--rtt 0,50,150] [--tandem PATH] [--max-new-tokens 48]
"""
import argparse, asyncio, json, os, socket, subprocess, sys, threading, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


class DelayProxy:
    """Forwards TCP to `target`, holding every chunk rtt/2 in each direction."""

    def __init__(self, target_port, rtt_ms):
        self.target, self.delay, self.port = target_port, rtt_ms / 2000.0, free_port()
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(asyncio.start_server(self._client, "127.0.0.1", self.port))
        self.loop.run_forever()

    async def _pipe(self, r, w):
        try:
            while data := await r.read(65536):
                await asyncio.sleep(self.delay)
                w.write(data); await w.drain()
        except Exception:
            pass
        finally:
            w.close()

    async def _client(self, r, w):
        ur, uw = await asyncio.open_connection("127.0.0.1", self.target)
        await asyncio.gather(self._pipe(r, uw), self._pipe(ur, w))


def run_json(args):
    out = subprocess.run(args, capture_output=True, text=True, env={**os.environ, "RAYON_NUM_THREADS": "1"})
    if out.returncode != 0:
        sys.exit(f"{' '.join(args)}: {out.stderr}")
    return json.loads(out.stdout)


def server_only(url, prompt, n):
    body = json.dumps({"model": "large", "messages": [{"role": "user", "content": prompt}],
                       "max_tokens": n, "temperature": 0, "stream": True}).encode()
    req = urllib.request.Request(url + "/chat/completions", data=body, headers={"content-type": "application/json"})
    t0 = time.perf_counter(); chunks = 0
    with urllib.request.urlopen(req, timeout=600) as r:
        for line in r:
            line = line.decode().strip()
            if line.startswith("data: {") and json.loads(line[6:])["choices"]:
                chunks += 1
    return (time.perf_counter() - t0) * 1000.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--rtt", default="0,50,150")
    ap.add_argument("--max-new-tokens", type=int, default=48)
    ap.add_argument("--tandem", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.expanduser("~/.cache/tandem-target")), "release/tandem"))
    a = ap.parse_args()
    small, large = os.path.join(ROOT, "models/pair/small"), os.path.join(ROOT, "models/pair/large")
    items = [json.loads(l) for l in open(os.path.join(ROOT, "models/pair/suite/test.jsonl"))][: a.n]
    port = free_port()
    srv = subprocess.Popen([a.tandem, "serve", "--model", large, "--bind", f"127.0.0.1:{port}", "--model-id", "large"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "RAYON_NUM_THREADS": "1"})
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read(); break
            except Exception:
                time.sleep(0.2)
        want = {it["id"]: run_json([a.tandem, "generate", "--model", large, "--prompt", it["messages"][0]["content"], "--chat",
                                    "--max-new-tokens", str(a.max_new_tokens), "--json"])["ids"] for it in items}
        report = {"n": len(items), "max_new_tokens": a.max_new_tokens, "by_rtt": []}
        for rtt in [float(x) for x in a.rtt.split(",")]:
            proxy = DelayProxy(port, rtt)
            url = f"http://127.0.0.1:{proxy.port}/v1"
            same = calls = tokens = drafted = accepted = 0
            spec_ms, base_ms = [], []
            for it in items:
                p = it["messages"][0]["content"]
                r = run_json([a.tandem, "speculate", "--draft", small, "--target", url, "--prompt", p, "--chat",
                              "--max-new-tokens", str(a.max_new_tokens), "--rtt-ms", str(rtt), "--target-model", "large", "--json"])
                same += r["ids"] == want[it["id"]]
                calls += r["target_calls"]; tokens += len(r["ids"]); drafted += r["draft_tokens"]; accepted += r["accepted_tokens"]
                spec_ms.append(r["elapsed_ms"])
                base_ms.append(server_only(url, p, a.max_new_tokens))
            med = lambda xs: sorted(xs)[len(xs) // 2]
            row = {"rtt_ms": rtt, "identical": same, "acceptance_rate": round(accepted / max(drafted, 1), 3),
                   "passes_per_token": round(calls / max(tokens, 1), 3), "tokens": tokens,
                   "speculative_ms_median": round(med(spec_ms), 1), "server_only_ms_median": round(med(base_ms), 1),
                   "speculative_ms_total": round(sum(spec_ms)), "server_only_ms_total": round(sum(base_ms))}
            print(json.dumps(row), flush=True)
            report["by_rtt"].append(row)
        json.dump(report, open(os.path.join(ROOT, "docs/bench/speculate.json"), "w"), indent=1)
    finally:
        srv.terminate(); srv.wait()


if __name__ == "__main__":
    main()
