#!/usr/bin/env bash
# Search latency benchmark (issue 4; docs/benchmarks.md). Builds release binaries, builds the
# benchmark indexes once into a cache outside the repository, then runs `agriqa-bench search`:
# hybrid search p50/p99/mean at each size next to the raw FTS5 query, the raw vector scan and the
# query embedding, measured in the same run.
#
# Indexes: ~/.cache/agriqa/bench/index-N.sqlite (AGRIQA_BENCH_CACHE overrides the folder), made
# with the real `agriqa ingest` from ../shared/data/pdfs (every PDF) plus Kisan Call Centre Q&A
# records (`agriqa-bench records`: real records, then perturbed real records to reach N chunks).
# An index is reused while its .done stamp exists; delete the folder to rebuild. Building prints
# how long it took.
#
# Usage: scripts/bench-search.sh [--chunks 10000,100000] [other `agriqa-bench search` options]
#   e.g. scripts/bench-search.sh --chunks 10000 --queries 100 --json
# SWIFT_SCRATCH_PATH=DIR builds in another scratch folder (several builds on one machine).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="/opt/swift/usr/bin:$PATH"
data=../shared/data
for needed in pdfs kcc qa/agxqa gazetteers/india/2-district.csv; do
  if [[ ! -e "$data/$needed" ]]; then
    echo "bench-search: $data/$needed is missing; the benchmark needs the shared data set next to the repository." >&2
    exit 1
  fi
done

chunks=10000,100000
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --chunks) chunks="$2"; shift 2 ;;
    --chunks=*) chunks="${1#--chunks=}"; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

scripts/fetch-model.sh >&2
build=(swift build -c release)
if [[ -n "${SWIFT_SCRATCH_PATH:-}" ]]; then build+=(--scratch-path "$SWIFT_SCRATCH_PATH"); fi
"${build[@]}" --product agriqa >&2
"${build[@]}" --product agriqa-bench >&2
bin="$("${build[@]}" --show-bin-path)"
agriqa="$bin/agriqa"
bench="$bin/agriqa-bench"

cache="${AGRIQA_BENCH_CACHE:-$HOME/.cache/agriqa/bench}"
mkdir -p "$cache"
gazetteer="$(cd "$data/gazetteers/india" && pwd)/2-district.csv"
now() { date +%s.%N; }
seconds() { awk "BEGIN { printf \"%.0f\", $2 - $1 }"; }
chunk_count() { "$agriqa" stats --index "$1" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["chunks"])'; }

# Every PDF of the shared corpus, embedded: the common base of every benchmark index.
base="$cache/base-pdfs.sqlite"
if [[ ! -f "$cache/base-pdfs.done" ]]; then
  echo "building the PDF base index (every PDF in $data/pdfs, with vectors)..." >&2
  rm -f "$base" "$base-wal" "$base-shm"
  start=$(now)
  nice -n 10 "$agriqa" ingest "$data/pdfs" --index "$base" --gazetteer "$gazetteer" --json >"$cache/base-pdfs.json"
  took=$(seconds "$start" "$(now)")
  echo "$took" >"$cache/base-pdfs.done"
  echo "PDF base index: $(chunk_count "$base") chunks in $took s" >&2
fi

IFS=, read -ra sizes <<<"$chunks"
for n in "${sizes[@]}"; do
  index="$cache/index-$n.sqlite"
  if [[ -f "$cache/index-$n.done" ]]; then
    echo "index-$n: reusing $index (built in $(cat "$cache/index-$n.done") s; delete it and its .done to rebuild)" >&2
    continue
  fi
  start=$(now)
  work="$cache/work-$n.sqlite"
  rm -f "$work" "$work-wal" "$work-shm"
  cp "$base" "$work"
  for suffix in -wal -shm; do if [[ -f "$base$suffix" ]]; then cp "$base$suffix" "$work$suffix"; fi; done
  have=$(chunk_count "$work")
  if ((n <= have)); then
    echo "bench-search: $n chunks is not more than the PDF base ($have chunks); choose larger sizes." >&2
    exit 1
  fi
  "$bench" records --count $((n - have)) --out "$cache/records-$n" --data "$data" >&2
  echo "index-$n: ingesting and embedding $((n - have)) records on top of $have PDF chunks..." >&2
  nice -n 10 "$agriqa" ingest "$cache/records-$n" --index "$work" --gazetteer "$gazetteer" --json >"$cache/ingest-$n.json"
  got=$(chunk_count "$work")
  if [[ "$got" != "$n" ]]; then
    echo "bench-search: index-$n has $got chunks, expected $n (see $cache/ingest-$n.json)." >&2
    exit 1
  fi
  for suffix in "" -wal -shm; do if [[ -f "$work$suffix" ]]; then mv "$work$suffix" "$index$suffix"; fi; done
  took=$(seconds "$start" "$(now)")
  echo "$took" >"$cache/index-$n.done"
  echo "index-$n: $got chunks built in $took s (plus $(cat "$cache/base-pdfs.done") s for the shared PDF base)" >&2
done

"$bench" search --chunks "$chunks" --data "$data" --out "$cache/search-report.json" "${args[@]}"
echo "JSON report: $cache/search-report.json" >&2
