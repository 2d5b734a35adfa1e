#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, then `swift test` (unit tests and the
# integration tests that run the real agriqa binary on corpus/ and, when present, ../shared/data).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="/opt/swift/usr/bin:$PATH"
scripts/bootstrap.sh scripts/apt-packages-test.txt
scripts/fetch-model.sh
swift build --product agriqa
if [[ $# -gt 0 ]]; then exec swift test "$@"; fi
# Suites that talk to servers inside the test process (the fake model endpoint, the live HTTP
# server, exam runs against the fake) run first and on their own: the CPU-heavy suites (ingest,
# encoder) otherwise saturate the Swift cooperative pool those servers answer on, and their
# timeouts fire. (Known debt: move blocking work off the cooperative pool, then run everything at once.)
status=0
swift test --filter 'AgriQAChatModelTests|AgriQASynthesisTests' || status=$?
swift test --filter 'AgriQAServerTests|AgriQAExamTests|AgriQATerminalChatTests' || status=$?
# The fault suite at CI sizes (fuzzed PDFs, kill -9 during ingest, model faults, hostile HTTP);
# scripts/fault-suite.sh runs the full sizes.
swift test --filter 'AgriQAFaultTests' || status=$?
swift test --skip 'AgriQAChatModelTests|AgriQASynthesisTests|AgriQAServerTests|AgriQAExamTests|AgriQATerminalChatTests|AgriQAFaultTests' || status=$?
exit $status
