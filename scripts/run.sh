#!/usr/bin/env bash
# The main job on the built-in defaults: install what is missing (apt packages, the embedding
# model), build (release), ingest the sample corpus in corpus/ into index/agriqa.sqlite (with
# vectors), print what the index holds and run one location-aware search. No external service needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="/opt/swift/usr/bin:$PATH"
scripts/bootstrap.sh
scripts/fetch-model.sh
swift build -c release --product agriqa
bin="$(swift build -c release --show-bin-path)/agriqa"
status=0
"$bin" ingest corpus/ --index index/agriqa.sqlite --gazetteer corpus/gazetteer/sample-places.csv "$@" || status=$?
echo
"$bin" stats --index index/agriqa.sqlite
echo
echo "Example: a farmer in Whitman County, Washington asks when to plant winter wheat"
"$bin" search "When should I plant winter wheat?" --location "Whitman County, Washington" --k 3 --index index/agriqa.sqlite
echo
echo "Binary: $bin   (try: $bin docs list, $bin --help)"
exit $status
