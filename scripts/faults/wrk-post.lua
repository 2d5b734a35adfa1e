-- wrk script: POSTs JSON questions to the path given as the first script argument, rotating
-- through a fixed list (so caches see realistic variety), and reports p50/p90/p99 and errors.
-- Usage: wrk -c64 -d60s -s scripts/faults/wrk-post.lua URL -- /v1/search [extractive]
local questions = {
  '"When do I seed winter wheat?", "location": "US-WA"',
  '"How should peanuts be dug?", "location": "US-GA"',
  '"maize planting date in Kenya", "location": "KE"',
  '"almond irrigation water use", "location": "US-CA"',
  '"soil testing how often"',
  '"samba rice transplanting in Tamil Nadu", "location": "IN-TN"',
  '"corn soybean rotation nitrogen", "location": "US-IA"',
  '"soja plantio Mato Grosso", "location": "BR-MT"',
  '"semis du mil au Senegal"',
  '"wheat AND NEAR(rust \\"quote"',
}
local path, extra = "/v1/search", ""
local counter = 0

function init(args)
  path = args[1] or path
  if args[2] == "extractive" then extra = ', "mode": "extractive"' end
end

function request()
  counter = counter + 1
  local body = '{"question": ' .. questions[(counter % #questions) + 1] .. extra .. '}'
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
end

-- done() runs in wrk's main Lua state, where init() never ran: load.sh adds the path to the line.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
