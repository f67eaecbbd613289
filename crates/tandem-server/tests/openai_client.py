"""The official `openai` Python client (PyPI, pinned in scripts/requirements-llama-server.txt)
against `tandem serve`: run by tests/openai_sdk.rs as `python openai_client.py BASE_URL KEY WANT`,
where WANT is tandem-core's greedy text for the prompt. Every answer is parsed by the client's
own types; every error must arrive as the client's typed exception."""
import sys

import openai
from openai import OpenAI
from openai.types.chat import ChatCompletion, ChatCompletionChunk, ChatCompletionTokenLogprob

base, key, want = sys.argv[1], sys.argv[2], sys.argv[3]
PROMPT = "The Licensor grants You"
client = OpenAI(base_url=f"{base}/v1", api_key=key, max_retries=0, timeout=60)


def chat(content, **kw):
    args = {"model": "license-llama", "messages": [{"role": "user", "content": content}],
            "max_tokens": 16, "temperature": 0}
    return client.chat.completions.create(**{**args, **kw})


def expect_error(cls, status, fn, param=None, code=None):
    try:
        fn()
    except cls as e:
        assert e.status_code == status, (e.status_code, e)
        if param is not None:
            assert e.param == param, (e.param, e.body)
        if code is not None:
            assert e.code == code, (e.code, e.body)
        return
    raise AssertionError(f"no {cls.__name__}")


done = chat(PROMPT)
assert isinstance(done, ChatCompletion)
assert done.choices[0].message.content == want, (done.choices[0].message.content, want)
assert done.choices[0].finish_reason in ("stop", "length")
assert done.usage.total_tokens == done.usage.prompt_tokens + done.usage.completion_tokens

# Content as an array of parts, what the SDKs' typed messages produce.
parts = chat([{"type": "text", "text": PROMPT}])
assert parts.choices[0].message.content == want

text, usage = "", None
for chunk in chat(PROMPT, stream=True, stream_options={"include_usage": True}):
    assert isinstance(chunk, ChatCompletionChunk)
    if chunk.choices:
        text += chunk.choices[0].delta.content or ""
    if chunk.usage:
        usage = chunk.usage
assert text == want, (text, want)
assert usage is not None and usage.completion_tokens == done.usage.completion_tokens

# logprobs / top_logprobs, parsed by the client's own types, JSON and streamed.
lp = chat(PROMPT, logprobs=True, top_logprobs=2)
content = lp.choices[0].logprobs.content
assert isinstance(content[0], ChatCompletionTokenLogprob), type(content[0])
assert len(content) == lp.usage.completion_tokens
for entry in content:
    assert len(entry.top_logprobs) == 2, entry
    # Greedy: the chosen token is the first of its alternatives, with its logprob.
    assert entry.top_logprobs[0].token == entry.token, entry
    assert abs(entry.top_logprobs[0].logprob - entry.logprob) < 1e-5, entry
    assert entry.logprob <= 0 and entry.top_logprobs[0].logprob >= entry.top_logprobs[1].logprob
assert bytes(b for e in content for b in e.bytes).decode("utf-8", "replace").startswith(want)
streamed = []
for chunk in chat(PROMPT, stream=True, logprobs=True, top_logprobs=2):
    if chunk.choices and chunk.choices[0].logprobs is not None:
        streamed.extend(chunk.choices[0].logprobs.content)
assert [e.token for e in streamed] == [e.token for e in content]
# Within float noise: this request reused the first one's cache (its prompt ran in other chunks).
assert all(abs(a.logprob - b.logprob) < 1e-4 for a, b in zip(streamed, content))
assert chat(PROMPT).choices[0].logprobs is None
expect_error(openai.BadRequestError, 400, lambda: chat(PROMPT, top_logprobs=2), param="top_logprobs")
# The same prompt again: all but its last token come from the cache.
again = chat(PROMPT)
assert again.usage.prompt_tokens_details.cached_tokens == again.usage.prompt_tokens - 1, again.usage

assert [m.id for m in client.models.list().data] == ["license-llama"]

expect_error(openai.BadRequestError, 400, lambda: chat(PROMPT, max_tokens=10**6), param="max_tokens")
expect_error(
    openai.BadRequestError,
    400,
    lambda: chat([{"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]),
    param="messages",
)
expect_error(
    openai.NotFoundError,
    404,
    lambda: client.chat.completions.create(model="gpt-x", messages=[{"role": "user", "content": "hi"}]),
    code="model_not_found",
)
expect_error(openai.APIStatusError, 413, lambda: chat("x" * (64 << 10)), code="request_too_large")
bad_key = OpenAI(base_url=f"{base}/v1", api_key="sk-wrong", max_retries=0)
expect_error(openai.AuthenticationError, 401, lambda: bad_key.models.list())

print("openai client: every check passed")
