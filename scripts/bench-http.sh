#!/usr/bin/env bash
# HTTP throughput of `agriqa serve` under wrk (Debian's wrk), on loopback, in one run:
# GET /healthz (the baseline: the server's own overhead), POST /v1/search and POST /v1/ask
# (extractive), each for DURATION seconds with CONNECTIONS connections; prints requests/s and
# latency percentiles, and the server's resident memory before and after.
#
# Usage: scripts/bench-http.sh [INDEX] [AGRIQA_BINARY]     (env: DURATION=15 CONNECTIONS=16 THREADS=2 PORT=18181)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="/opt/swift/usr/bin:$PATH"
index="${1:-index/agriqa.sqlite}"
bin="${2:-}"
duration="${DURATION:-15}"; connections="${CONNECTIONS:-16}"; threads="${THREADS:-2}"; port="${PORT:-18181}"
command -v wrk >/dev/null || scripts/bootstrap.sh scripts/apt-packages-bench.txt
if [[ -z "$bin" ]]; then
  swift build -c release --product agriqa >/dev/null
  bin="$(swift build -c release --show-bin-path)/agriqa"
fi
[[ -f "$index" ]] || { echo "no index at $index: run scripts/run.sh --no-serve first" >&2; exit 1; }

"$bin" serve --index "$index" --port "$port" >/tmp/agriqa-bench-http.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
rss() { awk '/VmRSS/ {print $2/1024 " MB"}' "/proc/$pid/status"; }
lua="$(mktemp)"
post() { # PATH BODY
  cat >"$lua" <<LUA
wrk.method = "POST"
wrk.body = '$2'
wrk.headers["Content-Type"] = "application/json"
LUA
  echo "== POST $1"
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$lua" "http://127.0.0.1:$port$1" | grep -E "Requests/sec|Non-2xx|Socket errors|  50%|  99%"
}
curl -fs -XPOST "http://127.0.0.1:$port/v1/ask" -H 'Content-Type: application/json' \
  -d '{"question":"When should I plant winter wheat?","location":"US-WA"}' >/dev/null  # warm-up
echo "server RSS before: $(rss)"
echo "== GET /healthz"
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port/healthz" | grep -E "Requests/sec|Non-2xx|Socket errors|  50%|  99%"
post /v1/search '{"question":"When should I plant winter wheat?","location":"Whitman County, Washington","k":8}'
post /v1/ask '{"question":"How much nitrogen does samba rice need?","location":"Tamil Nadu"}'
echo "server RSS after: $(rss)"
rm -f "$lua"
