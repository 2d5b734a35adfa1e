#!/usr/bin/env bash
# Runs schemathesis (property-based API testing from the OpenAPI document) against a live
# `agriqa serve` on the sample corpus: every operation in /openapi.json, all checks, with an API
# key so write endpoints are exercised too. Exits non-zero when schemathesis finds a failure.
#
#   scripts/faults/schemathesis.sh [--max-examples 50] [--seed 1] [--report DIR]
#
# SCRATCH=.build-NAME builds into another scratch folder; AGRIQA_BINARY=PATH skips the build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
max_examples=50 seed=1 report=""
while (($#)); do
  case "$1" in
    --max-examples) max_examples="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --report) report="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "schemathesis.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
venv="$(scripts/faults/install-schemathesis.sh)"
source scripts/faults/lib.sh
faults_build
key="schemathesis-key-$(python3 -c 'import secrets; print(secrets.token_hex(12))')"
export AGRIQA_API_KEYS="$key"
faults_serve
echo "schemathesis: testing $base/openapi.json (max examples $max_examples, seed $seed)…" >&2
# positive_data_acceptance is left out: it counts every 400 for a schema-valid body as a failure, but
# some refusals are semantic and documented (an unknown or ambiguous location, a chat whose last
# message is not the user's, an upload whose bytes are not a PDF) and JSON Schema cannot express them.
# Every other check runs, including not_a_server_error and negative_data_rejection.
args=(run "$base/openapi.json" --checks all --max-examples "$max_examples" --seed "$seed" --workers 1
      --request-timeout 30 -H "X-API-Key: $key" --suppress-health-check too_slow,filter_too_much --no-color
      --exclude-checks positive_data_acceptance --generation-database none)
[[ -n "$report" ]] && args+=(--report junit --report-dir "$(mkdir -p "$report" && cd "$report" && pwd)")
status=0
# Run from the temporary folder: schemathesis keeps a .schemathesis/ folder in its working directory.
(cd "$work" && "$venv/bin/st" "${args[@]}") || status=$?
if grep -qiE "fatal|crash" "$work/serve.log"; then echo "schemathesis: the server log reports a crash:" >&2; grep -iE "fatal|crash" "$work/serve.log" | head >&2; status=1; fi
kill -0 "$server_pid" 2>/dev/null || { echo "schemathesis: the server died" >&2; status=1; }
exit $status
