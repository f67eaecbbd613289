#!/usr/bin/env python3
"""A soak test of `tandem serve` from second processes on loopback (issue 19's soak part).

For --duration seconds, --workers threads send a mix of requests to one server with its embedded
model (the LARGE of the committed pair unless --model says otherwise):
  chat        non-streamed greedy chat completion
  sse         streamed greedy chat completion, read to `data: [DONE]`
  disconnect  streamed, the connection closed after the first event
  verify      /v1/verify of a short draft (chat messages)
  bad_verify  /v1/verify of a draft outside the vocabulary (must be 400)
  oversize    a body over --max-body-bytes (must be 413)
  bad_key     a wrong API key (must be 401)
  speculate   `tandem speculate --chat` with the SMALL model drafting against the server, whose
              text must equal the server's own greedy answer to the same prompt
With --browser, for the same time a routed browser client (scripts/soak_browser.mjs: Chromium,
the npm package, the SMALL model in wasm) asks the server through createTandem with policy
'speculative' and with policy 'server'; every speculative answer must equal the server-only one.
Every 5 s the server's resident memory and open file descriptors are sampled (/proc).

Passes when: no 5xx, every kind answered as it must, RSS growth from the end of the warm-up
(--warmup seconds) to the end < 10 %, descriptors at the end no more than after the warm-up
(+ the workers' connections), every speculative text identical to server-only greedy.
Prints one JSON object (also to --out).

  scripts/soak_server.py --tandem ~/.cache/tandem-target/release/tandem --duration 600
"""
import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict

KEY = "soak-key"
PROMPTS = [
    "Name three colours.",
    "What is the capital of France?",
    "Write one sentence about the sea.",
    "Count from one to five.",
    "Say hello in German.",
    "What is two plus two?",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, key=KEY, timeout=120):
    """(status, body bytes); raw bytes bodies are sent as they are."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"content-type": "application/json"}
    if key:
        headers["authorization"] = f"Bearer {key}"
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    try:
        c.request(method, path, body=data, headers=headers)
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


def chat_body(prompt, n, stream=False):
    return {"model": "soak", "messages": [{"role": "user", "content": prompt}],
            "max_tokens": n, "temperature": 0, "stream": stream}


def sse(port, prompt, n, disconnect):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    c.request("POST", "/v1/chat/completions", body=json.dumps(chat_body(prompt, n, True)).encode(),
              headers={"content-type": "application/json", "authorization": f"Bearer {KEY}"})
    r = c.getresponse()
    if r.status != 200:
        status = r.status
        r.read()
        c.close()
        return status, False
    done = False
    for line in r:
        if disconnect and line.startswith(b"data:"):
            break
        if line.strip() == b"data: [DONE]":
            done = True
    c.close()
    return r.status, done or disconnect


class Soak:
    def __init__(self, a, port, pid):
        self.a, self.port, self.pid = a, port, pid
        self.status = defaultdict(Counter)
        self.failures = []
        self.samples = []
        self.greedy = {}
        self.spec = Counter()
        self.lock = threading.Lock()
        self.stop = time.monotonic() + a.duration

    def note(self, kind, status, ok=True, why=""):
        with self.lock:
            self.status[kind][status] += 1
            if not ok or status >= 500:
                self.failures.append(f"{kind}: {status} {why}"[:300])

    def greedy_text(self, prompt):
        with self.lock:
            if prompt in self.greedy:
                return self.greedy[prompt]
        s, b = request(self.port, "POST", "/v1/chat/completions",
                       chat_body(prompt, self.a.spec_tokens))
        text = json.loads(b)["choices"][0]["message"]["content"] if s == 200 else None
        with self.lock:
            self.greedy[prompt] = text
        return text

    def one(self, kind, rng):
        prompt = rng.choice(PROMPTS)
        if kind == "chat":
            s, _ = request(self.port, "POST", "/v1/chat/completions", chat_body(prompt, 16))
            self.note(kind, s, s in (200, 429))
        elif kind in ("sse", "disconnect"):
            s, ok = sse(self.port, prompt, 24, kind == "disconnect")
            self.note(kind, s, s == 429 or (s == 200 and ok), "no [DONE]")
        elif kind in ("verify", "bad_verify"):
            # The pair's vocabulary has 259 tokens.
            lo, hi = (3, 250) if kind == "verify" else (100_000, 200_000)
            body = {"model": "soak", "messages": [{"role": "user", "content": prompt}],
                    "draft_ids": [rng.randrange(lo, hi) for _ in range(4)]}
            s, b = request(self.port, "POST", "/v1/verify", body)
            want = (200, 429) if kind == "verify" else (400,)
            self.note(kind, s, s in want, b[:200].decode("utf-8", "replace"))
        elif kind == "oversize":
            s, _ = request(self.port, "POST", "/v1/chat/completions",
                           b"{" + b" " * (self.a.max_body_bytes + 1024) + b"}")
            self.note(kind, s, s == 413)
        elif kind == "bad_key":
            s, _ = request(self.port, "POST", "/v1/chat/completions", chat_body(prompt, 4),
                           key="wrong")
            self.note(kind, s, s == 401)
        elif kind == "speculate":
            want = self.greedy_text(prompt)
            r = subprocess.run(
                [self.a.tandem, "speculate", "--draft", self.a.draft, "--target",
                 f"http://127.0.0.1:{self.port}/v1", "--chat", "--prompt", prompt,
                 "--max-new-tokens", str(self.a.spec_tokens), "--json"],
                capture_output=True, text=True, env=dict(os.environ, TANDEM_API_KEY=KEY),
                timeout=300)
            if r.returncode != 0:
                self.note(kind, 599, False, r.stderr.strip()[-200:])
                return
            got = json.loads(r.stdout)["text"]
            same = want is not None and got == want
            with self.lock:
                self.spec["identical" if same else "different"] += 1
            self.note(kind, 200, same, f"{got!r} != server {want!r}")

    def worker(self, i):
        rng = random.Random(i)
        kinds = ["chat", "sse", "disconnect", "verify", "bad_verify", "oversize", "bad_key",
                 "speculate"]
        weights = [3, 3, 2, 2, 1, 1, 1, 1]
        while time.monotonic() < self.stop:
            kind = rng.choices(kinds, weights)[0]
            try:
                self.one(kind, rng)
            except Exception as e:  # a transport error is a failure of its kind
                self.note(kind, 598, False, repr(e))

    def sampler(self):
        t0 = time.monotonic()
        while time.monotonic() < self.stop + 5:
            try:
                with open(f"/proc/{self.pid}/status") as f:
                    rss = next(int(l.split()[1]) for l in f if l.startswith("VmRSS:"))
                fds = len(os.listdir(f"/proc/{self.pid}/fd"))
            except (OSError, StopIteration):
                break
            self.samples.append((round(time.monotonic() - t0, 1), rss / 1024, fds))
            time.sleep(5)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--tandem", required=True)
    p.add_argument("--model", default="models/pair/large")
    p.add_argument("--draft", default="models/pair/small")
    p.add_argument("--duration", type=float, default=600)
    p.add_argument("--warmup", type=float, default=60)
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--spec-tokens", type=int, default=24)
    p.add_argument("--max-body-bytes", type=int, default=65536)
    p.add_argument("--out")
    p.add_argument("--browser", action="store_true",
                   help="also run scripts/soak_browser.mjs (needs the package built) for --duration")
    a = p.parse_args()

    port = free_port()
    keys = tempfile.NamedTemporaryFile("w", suffix=".keys", delete=False)
    keys.write(KEY + "\n")
    keys.close()
    server = subprocess.Popen(
        [a.tandem, "serve", "--model", a.model, "--bind", f"127.0.0.1:{port}",
         "--api-keys-file", keys.name, "--max-body-bytes", str(a.max_body_bytes),
         "--backend", "cpu", "--model-id", "soak", "--cors-origin", "*"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            if request(port, "GET", "/v1/models", timeout=2)[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    else:
        sys.exit("tandem serve did not start")
    soak = Soak(a, port, server.pid)
    browser = None
    if a.browser:
        here = os.path.dirname(os.path.abspath(__file__))
        browser = subprocess.Popen(
            ["node", os.path.join(here, "soak_browser.mjs"), "--api", f"http://127.0.0.1:{port}",
             "--key", KEY, "--model-id", "soak", "--duration", str(a.duration)],
            stdout=subprocess.PIPE, text=True)
    threads = [threading.Thread(target=soak.sampler)]
    threads += [threading.Thread(target=soak.worker, args=(i,)) for i in range(a.workers)]
    t0 = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    browser_result = None
    try:
        if browser:
            # It finishes its last answer after --duration: the server stays up until then.
            try:
                lines = browser.communicate(timeout=600)[0].strip().splitlines()
                browser_result = json.loads(lines[-1])
            except (subprocess.TimeoutExpired, IndexError, ValueError) as e:
                browser.kill()
                browser_result = {"pass": False, "failures": [f"the browser client: {e!r}"]}
    finally:
        server.terminate()
        server.wait(timeout=30)
        os.unlink(keys.name)

    after = [s for s in soak.samples if s[0] >= a.warmup] or soak.samples
    rss0, rss1 = after[0][1], soak.samples[-1][1]
    fds0, fds1 = after[0][2], soak.samples[-1][2]
    five = sum(n for k in soak.status.values() for s, n in k.items() if s >= 500)
    result = {
        "duration_s": round(time.time() - t0, 1), "workers": a.workers, "model": a.model,
        "requests": {k: dict(v) for k, v in soak.status.items()},
        "total": sum(sum(v.values()) for v in soak.status.values()),
        "status_5xx": five,
        "rss_mib": {"after_warmup": round(rss0, 1), "end": round(rss1, 1),
                    "max": round(max(s[1] for s in soak.samples), 1),
                    "growth_pct": round(100 * (rss1 - rss0) / rss0, 2)},
        "fds": {"after_warmup": fds0, "end": fds1, "max": max(s[2] for s in soak.samples)},
        "speculate": dict(soak.spec),
        "browser": browser_result,
        "failures": soak.failures[:20],
        "samples": soak.samples,
    }
    result["pass"] = (five == 0 and not soak.failures and result["rss_mib"]["growth_pct"] < 10
                      and fds1 <= fds0 + a.workers
                      and (browser_result is None or browser_result.get("pass") is True))
    text = json.dumps(result)
    print(text)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text + "\n")
    sys.exit(0 if result["pass"] else 1)


if __name__ == "__main__":
    main()
