#!/usr/bin/env bash
# Load test: wrk against /v1/search and /v1/ask (extractive) of a release `agriqa serve` on the
# sample corpus, on loopback. Prints requests/s, p50/p90/p99, errors (non-2xx and socket errors)
# and the server's resident memory before and after; exits 1 on any error.
#
#   scripts/faults/load.sh [--connections 64] [--duration 60] [--threads 2] [--json FILE]
#
# SCRATCH=.build-NAME builds into another scratch folder (default .build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
connections=64 duration=60 threads=2 json_out=""
while (($#)); do
  case "$1" in
    --connections) connections="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --json) json_out="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "load.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "load.sh: wrk is missing; run scripts/bootstrap.sh scripts/apt-packages-test.txt" >&2; exit 1; }
source scripts/faults/lib.sh
faults_build
faults_serve
rss() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }

# A short warm-up so the first figures are not the caches filling.
wrk -t1 -c4 -d3s -s scripts/faults/wrk-post.lua "$base" -- /v1/search >/dev/null
wrk -t1 -c4 -d3s -s scripts/faults/wrk-post.lua "$base" -- /v1/ask extractive >/dev/null
rss_start=$(rss)
status=0
results=()
for target in "/v1/search" "/v1/ask extractive"; do
  before=$(rss)
  echo "load: wrk -t$threads -c$connections -d${duration}s POST ${target%% *}…" >&2
  # shellcheck disable=SC2086
  line=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 10s -s scripts/faults/wrk-post.lua "$base" -- $target | grep '^RESULT')
  after=$(rss)
  line="RESULT path=${target%% *} ${line#RESULT } rss_before_kb=$before rss_after_kb=$after"
  echo "$line"
  results+=("$line")
  errors=$(echo "$line" | python3 -c 'import sys,re; d=dict(re.findall(r"(\w+)=(\S+)", sys.stdin.read())); print(sum(int(d[k]) for k in ("non2xx","connect","read","write","timeout")))')
  ((errors == 0)) || status=1
done
rss_end=$(rss)
echo "load: server RSS ${rss_start} kB after warm-up, ${rss_end} kB at the end"
if [[ -n "$json_out" ]]; then
  printf '%s\n' "${results[@]}" | python3 -c '
import sys, re, json
rows = [dict((k, (float(v) if re.fullmatch(r"[\d.]+", v) else v)) for k, v in re.findall(r"(\w+)=(\S+)", l)) for l in sys.stdin if l.strip()]
json.dump({"connections": int(sys.argv[1]), "durationSeconds": int(sys.argv[2]), "runs": rows,
           "rssStartKB": int(sys.argv[3]), "rssEndKB": int(sys.argv[4])}, open(sys.argv[5], "w"), indent=1)' \
    "$connections" "$duration" "$rss_start" "$rss_end" "$json_out"
fi
grep -iE "error|fatal" "$work/serve.log" | head -5 >&2 || true
exit $status
