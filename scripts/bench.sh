#!/usr/bin/env bash
# `make bench` (issue 9; docs/benchmarks.md): every figure beside a baseline measured in the same run,
# printed as a table and written to bench/results/latest.json.
#
#   ingest     pages/s of `agriqa ingest --no-embed`        vs  pdftotext on the same PDFs, same parallelism
#   embedding  chunks/s of the built-in embedder            vs  raw cblas_sgemm of the same forward-pass shapes
#   search     hybrid p50/p99 (10k chunks; 100k with FULL)  vs  raw FTS5 query + raw vector scan, same questions
#   http       req/s of POST /v1/search and /v1/ask (wrk)   vs  GET /healthz on the same server
#   exam       `agriqa exam run --solver ir` questions/s    vs  the solver's raw FTS5 queries alone
#
# Data: ../shared/data when present (search and exam need it), corpus/ otherwise (ingest, embedding, HTTP).
# The search benchmark's indexes are cached in ~/.cache/agriqa/bench (built once by scripts/bench-search.sh;
# the first run on a machine spends extra time building them, and says so).
#
# Usage: scripts/bench.sh [--full] [--only ingest,embedding,search,http,exam] [--out FILE]
#   env: BENCH_FULL=1 (= --full: adds the 100k-chunk search index), HTTP_SECONDS=8, HTTP_CONNECTIONS=16,
#        EXAM_LIMIT=100, SEARCH_QUERIES=200, EMBED_CHUNKS=128, SWIFT_SCRATCH_PATH=DIR (build folder),
#        BENCH_DATA=DIR (the shared data folder; default ../shared/data)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="/opt/swift/usr/bin:$PATH"

full="${BENCH_FULL:-0}"
only="ingest,embedding,search,http,exam"
out="bench/results/latest.json"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --full) full=1; shift ;;
    --only) only="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1 (see scripts/bench.sh --help)" >&2; exit 2 ;;
  esac
done
wants() { [[ ",$only," == *",$1,"* ]]; }
say() { echo "bench: $*" >&2; }

scripts/bootstrap.sh scripts/apt-packages-bench.txt
scripts/fetch-model.sh >&2

build=(swift build -c release)
if [[ -n "${SWIFT_SCRATCH_PATH:-}" ]]; then build+=(--scratch-path "$SWIFT_SCRATCH_PATH"); fi
say "building release agriqa and agriqa-bench..."
"${build[@]}" --product agriqa >&2
"${build[@]}" --product agriqa-bench >&2
bin="$("${build[@]}" --show-bin-path)"
agriqa="$bin/agriqa"
bench="$bin/agriqa-bench"

work="$(mktemp -d "${TMPDIR:-/tmp}/agriqa-bench.XXXXXX")"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
now() { date +%s.%N; }
started=$(now)
echo "{\"start\": \"$(load)\"}" >"$work/load-start.json"

data="${BENCH_DATA:-../shared/data}"
if [[ -d "$data/pdfs" ]]; then
  shared=1
  pdf_folder="$data/pdfs"
else
  shared=0
  pdf_folder=corpus
  say "../shared/data is absent: using corpus/ (search and exam need the shared data and are skipped)."
fi
skip() { # PART REASON
  python3 -c 'import json, sys; print(json.dumps({"skipped": sys.argv[1]}))' "$2" >"$work/$1.json"
  say "$1 skipped: $2"
}

# The index the embedding, HTTP and exam parts read: the cached 10k-chunk search index with shared data,
# else the sample corpus ingested and embedded here.
small_index=""
prepare_index() {
  if [[ -n "$small_index" ]]; then return; fi
  if ((shared)); then
    small_index="${AGRIQA_BENCH_CACHE:-$HOME/.cache/agriqa/bench}/index-10000.sqlite"
    if [[ ! -f "${small_index%.sqlite}.done" ]]; then
      say "building the cached 10k-chunk benchmark index (once per machine; see docs/benchmarks.md)..."
      scripts/bench-search.sh --chunks 10000 --queries 1 --warmup 0 >/dev/null
    fi
  else
    small_index="$work/corpus.sqlite"
    "$agriqa" ingest corpus --index "$small_index" --gazetteer corpus/gazetteer/sample-places.csv --json >"$work/corpus-ingest.json"
  fi
}

# --- ingest: pages/s vs pdftotext ---------------------------------------------------------------
if wants ingest; then
  say "ingest: $pdf_folder (agriqa ingest --no-embed vs pdftotext, $(nproc) at a time each)"
  mapfile -t pdfs < <(find "$pdf_folder" -name '*.pdf' | sort)
  pages=0
  for f in "${pdfs[@]}"; do
    n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
    pages=$((pages + ${n:-0}))
  done
  l0=$(load); t0=$(now)
  printf '%s\0' "${pdfs[@]}" | xargs -0 -P "$(nproc)" -I{} sh -c 'pdftotext -q "$1" - >/dev/null 2>&1 || true' _ {}
  t1=$(now)
  "$agriqa" ingest "${pdfs[@]}" --index "$work/ingest.sqlite" --no-embed --json >"$work/ingest-summary.json" 2>/dev/null || true
  t2=$(now); l1=$(load)
  python3 - "$work/ingest-summary.json" "$pages" "${#pdfs[@]}" "$t0" "$t1" "$t2" "$l0" "$l1" "$pdf_folder" "$(nproc)" >"$work/ingest.json" <<'PY'
import json, sys
summary_path, pages, files, t0, t1, t2, l0, l1, folder, jobs = sys.argv[1:]
t0, t1, t2 = float(t0), float(t1), float(t2)
try:
    summary = json.load(open(summary_path))
except Exception:
    summary = {}
pages = int(pages)
print(json.dumps({
    "folder": folder, "files": int(files), "pages": pages, "jobs": int(jobs),
    "agriqaSeconds": t2 - t1, "pdftotextSeconds": t1 - t0,
    "agriqaPagesPerSecond": pages / (t2 - t1), "pdftotextPagesPerSecond": pages / (t1 - t0),
    "ratio": (t2 - t1) / (t1 - t0), "chunks": summary.get("chunks"), "failed": len(summary.get("failed", [])),
    "load": {"start": l0, "end": l1}}))
PY
fi

# --- embedding: chunks/s vs raw sgemm --------------------------------------------------------------
if wants embedding; then
  prepare_index
  say "embedding: ${EMBED_CHUNKS:-128} chunk texts from $small_index"
  l0=$(load)
  "$bench" embedding-throughput --index "$small_index" --chunks "${EMBED_CHUNKS:-128}" --json >"$work/embedding-raw.json"
  python3 - "$work/embedding-raw.json" "$l0" "$(load)" >"$work/embedding.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["load"] = {"start": sys.argv[2], "end": sys.argv[3]}; print(json.dumps(d))
PY
fi

# --- search: hybrid p50/p99 vs raw FTS5 + raw scan ------------------------------------------------
if wants search; then
  if ((shared)); then
    sizes=10000
    if [[ "$full" == 1 ]]; then sizes=10000,100000; fi
    say "search: indexes of $sizes chunks, ${SEARCH_QUERIES:-200} questions each"
    scripts/bench-search.sh --chunks "$sizes" --queries "${SEARCH_QUERIES:-200}" --json >"$work/search.json"
  else
    skip search "needs ../shared/data (questions and the 10k/100k-chunk indexes)"
  fi
fi

# --- HTTP: req/s of /v1/search and /v1/ask vs /healthz ---------------------------------------------
if wants http; then
  prepare_index
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  say "http: agriqa serve on 127.0.0.1:$port, wrk ${HTTP_SECONDS:-8} s × ${HTTP_CONNECTIONS:-16} connections per endpoint"
  "$agriqa" serve --index "$small_index" --port "$port" --host 127.0.0.1 >"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { say "the server did not start; its log:"; cat "$work/serve.log" >&2; exit 1; }
  rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
  if ((shared)); then
    search_body='{"question":"How to control stem borer in paddy?","location":"Andhra Pradesh","k":8}'
    ask_body='{"question":"What is the recommended seed rate for groundnut?","location":"Andhra Pradesh"}'
  else
    search_body='{"question":"When should I plant winter wheat?","location":"US-WA","k":8}'
    ask_body='{"question":"How much nitrogen does samba rice need?","location":"Tamil Nadu"}'
  fi
  curl -fs -XPOST "http://127.0.0.1:$port/v1/ask" -H 'Content-Type: application/json' -d "$ask_body" >/dev/null  # warm-up
  rss_before=$(rss)
  run_wrk() { # NAME METHOD PATH BODY
    local lua="$work/$1.lua"
    {
      if [[ "$2" == POST ]]; then
        printf 'wrk.method = "POST"\nwrk.body = [[%s]]\nwrk.headers["Content-Type"] = "application/json"\n' "$4"
      fi
      cat <<LUA
done = function(summary, latency, requests)
  local f = io.open("$work/wrk-$1.json", "w")
  f:write(string.format('{"requests": %d, "seconds": %.6f, "p50Ms": %.3f, "p99Ms": %.3f, "non2xx": %d, "errors": %d}',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  f:close()
end
LUA
    } >"$lua"
    wrk -t2 -c"${HTTP_CONNECTIONS:-16}" -d"${HTTP_SECONDS:-8}s" --timeout 10s -s "$lua" "http://127.0.0.1:$port$3" >/dev/null
  }
  l0=$(load)
  run_wrk healthz GET /healthz ""
  run_wrk search POST /v1/search "$search_body"
  run_wrk ask POST /v1/ask "$ask_body"
  l1=$(load)
  rss_after=$(rss)
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  python3 - "$work" "$rss_before" "$rss_after" "$l0" "$l1" "${HTTP_CONNECTIONS:-16}" >"$work/http.json" <<'PY'
import json, sys
work, before, after, l0, l1, connections = sys.argv[1:]
result = {"connections": int(connections), "serverRssMBBefore": int(before) / 1024, "serverRssMBAfter": int(after) / 1024,
          "load": {"start": l0, "end": l1}}
for name in ("healthz", "search", "ask"):
    d = json.load(open(f"{work}/wrk-{name}.json"))
    d["requestsPerSecond"] = d["requests"] / d["seconds"]
    result[name] = d
print(json.dumps(result))
PY
fi

# --- exam: IR solver questions/s vs its raw FTS5 queries -----------------------------------------------
if wants exam; then
  exam="$data/exams/crop_en.dev.jsonl"
  if ((shared)) && [[ -f "$exam" ]]; then
    prepare_index
    limit="${EXAM_LIMIT:-100}"
    say "exam: $limit questions of $exam, IR solver (lexical) on one thread vs its raw FTS5 queries"
    l0=$(load)
    "$agriqa" exam run "$exam" --solver ir --limit "$limit" --concurrency 1 --index "$small_index" \
      --out "$work/exam-run" --json >"$work/exam-summary.json" 2>"$work/exam.log"
    "$bench" exam-baseline --exam "$exam" --index "$small_index" --limit "$limit" --json >"$work/exam-baseline.json"
    python3 - "$work/exam-summary.json" "$work/exam-baseline.json" "$l0" "$(load)" >"$work/exam.json" <<'PY'
import json, sys
summary, baseline = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
timing = summary["timing"]
print(json.dumps({
    "questions": timing["answeredThisSession"], "solver": summary.get("solver"),
    "questionsPerSecond": timing["questionsPerSecond"], "accuracy": summary["score"]["accuracy"],
    "baselineQuestionsPerSecond": baseline["questionsPerSecond"], "baselineQueries": baseline["queries"],
    "ratio": baseline["questionsPerSecond"] / timing["questionsPerSecond"],
    "load": {"start": sys.argv[3], "end": sys.argv[4]}}))
PY
  else
    skip exam "needs ../shared/data/exams/crop_en.dev.jsonl"
  fi
fi

mkdir -p "$(dirname "$out")"
python3 bench/report.py "$work" "$out" "$started" "$(now)" "$shared" "$full"
