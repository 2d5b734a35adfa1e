#!/usr/bin/env bash
# The main job on the built-in defaults: install what is missing (apt packages, the embedding
# model), build (release), ingest the sample corpus in corpus/ into index/agriqa.sqlite (with
# vectors), print what the index holds, answer one location-aware question, then serve the HTTP API
# and the farmers' web page on http://127.0.0.1:8080/ until Ctrl-C. No external service needed:
# answers come from the built-in extractive answerer unless AGRIQA_MODEL_URL names a chat model.
#
# Usage: scripts/run.sh [--no-serve] [extra `agriqa ingest` flags]   (PORT=8081 scripts/run.sh for another port)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="/opt/swift/usr/bin:$PATH"
serve=1
args=()
for arg in "$@"; do
  if [[ "$arg" == "--no-serve" ]]; then serve=0; else args+=("$arg"); fi
done
scripts/bootstrap.sh
scripts/fetch-model.sh
swift build -c release --product agriqa
bin="$(swift build -c release --show-bin-path)/agriqa"
status=0
"$bin" ingest corpus/ --index index/agriqa.sqlite --gazetteer corpus/gazetteer/sample-places.csv ${args[@]+"${args[@]}"} || status=$?
echo
"$bin" stats --index index/agriqa.sqlite
echo
echo "Example: a farmer in Whitman County, Washington asks when to plant winter wheat"
"$bin" ask "When should I plant winter wheat?" --location "Whitman County, Washington" --index index/agriqa.sqlite
echo
echo "Binary: $bin   (try: $bin search --help, $bin ask --help, $bin docs list)"
if [[ $serve -eq 1 ]]; then
  echo
  exec "$bin" serve --index index/agriqa.sqlite --port "${PORT:-8080}"
fi
exit $status
