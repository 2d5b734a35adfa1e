#!/usr/bin/env bash
# Runs the whole test suite: installs what is missing, then `swift test` (unit tests and the
# integration tests that run the real agriqa binary on corpus/ and, when present, ../shared/data).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="/opt/swift/usr/bin:$PATH"
scripts/bootstrap.sh scripts/apt-packages-test.txt
scripts/fetch-model.sh
swift build --product agriqa
swift test "$@"
