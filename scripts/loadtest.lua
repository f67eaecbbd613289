-- wrk script for scripts/bench_server.py: POSTs one chat completion, counts responses per HTTP
-- status across threads, and prints p50/p99 latency.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("TANDEM_LOAD_BODY")
  or '{"messages":[{"role":"user","content":"The Licensor grants You"}],"max_tokens":16,"temperature":0}'

local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counts = {} end
function response(status, headers, body) counts[status] = (counts[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("counts")) do total[k] = (total[k] or 0) + v end
  end
  for k, v in pairs(total) do io.write(string.format("STATUS %d %d\n", k, v)) end
  io.write(string.format("LATENCY p50 %.2f p99 %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("TOTAL %d requests in %.2f s, socket errors %d\n", summary.requests, summary.duration / 1e6,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
