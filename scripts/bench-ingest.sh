#!/usr/bin/env bash
# Measures `agriqa ingest --no-embed` (release build: extraction, cleaning, chunking, tagging,
# SQLite) against `pdftotext` on the same PDFs, run one after the other in this script, three
# rounds, and prints medians: pages/s, the ratio, peak memory, chunks. Then embeds the resulting
# chunks once with the built-in embedder (`agriqa embed`) and prints chunks/s.
# Usage: scripts/bench-ingest.sh [FOLDER]   (default: ../shared/data/pdfs if present, else corpus/)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="/opt/swift/usr/bin:$PATH"
folder="${1:-}"
if [[ -z "$folder" ]]; then
  if [[ -d ../shared/data/pdfs ]]; then folder=../shared/data/pdfs; else folder=corpus; fi
fi
swift build -c release --product agriqa >/dev/null
bin="$(swift build -c release --show-bin-path)/agriqa"
mapfile -t files < <(find "$folder" -name '*.pdf' | sort)
pages=0
for f in "${files[@]}"; do
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  pages=$((pages + ${n:-0}))
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
calc() { awk "BEGIN { print $* }"; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
pt=() ; ag=() ; ag1=() ; mem=()
for round in 1 2 3; do
  start=$(date +%s.%N)
  for f in "${files[@]}"; do pdftotext "$f" - >/dev/null 2>&1 || true; done
  end=$(date +%s.%N)
  pt+=("$(calc "$end - $start")")
  rm -f "$work"/index.sqlite*
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/mem" "$bin" ingest "${files[@]}" --index "$work/index.sqlite" --json --no-embed >"$work/summary.json" 2>/dev/null || true
  end=$(date +%s.%N)
  ag+=("$(calc "$end - $start")")
  mem+=("$(cat "$work/mem")")
  rm -f "$work"/index.sqlite*
  start=$(date +%s.%N)
  "$bin" ingest "${files[@]}" --index "$work/index.sqlite" --jobs 1 --json --no-embed >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  ag1+=("$(calc "$end - $start")")
done
t_pt=$(printf '%s\n' "${pt[@]}" | median)
t_ag=$(printf '%s\n' "${ag[@]}" | median)
t_ag1=$(printf '%s\n' "${ag1[@]}" | median)
m_ag=$(printf '%s\n' "${mem[@]}" | median)
chunks=$(python3 -c "import json,sys; print(json.load(open('$work/summary.json'))['chunks'])")
failed=$(python3 -c "import json,sys; print(len(json.load(open('$work/summary.json'))['failed']))")
printf 'files %d, pages %d (from %s)\n' "${#files[@]}" "$pages" "$folder"
printf 'pdftotext               median %6.2f s  %7.1f pages/s\n' "$t_pt" "$(calc "$pages / $t_pt")"
printf 'agriqa ingest --jobs 1  median %6.2f s  %7.1f pages/s  (%.2fx pdftotext time)\n' \
  "$t_ag1" "$(calc "$pages / $t_ag1")" "$(calc "$t_ag1 / $t_pt")"
printf 'agriqa ingest (%d jobs)  median %6.2f s  %7.1f pages/s  (%.2fx pdftotext time), peak RSS %d MB, %d chunks, %d failed\n' \
  "$(nproc)" "$t_ag" "$(calc "$pages / $t_ag")" "$(calc "$t_ag / $t_pt")" "$((m_ag / 1024))" "$chunks" "$failed"
if [[ "${BENCH_EMBED:-1}" == 1 ]]; then
  "$bin" embed --index "$work/index.sqlite" --json >"$work/embed.json" 2>/dev/null \
    && python3 -c "import json; d=json.load(open('$work/embed.json')); print('agriqa embed            %d chunks in %.1f s: %.1f chunks/s (%s)' % (d['embedded'], d['seconds'], d['embedded']/max(d['seconds'],1e-9), d['embedder']))" \
    || echo "agriqa embed: skipped (run scripts/fetch-model.sh)"
fi
