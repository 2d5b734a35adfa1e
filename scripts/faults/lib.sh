# Shared by the fault scripts (source it): builds the release binary, ingests the sample corpus
# into a temporary index and serves it on a free loopback port.
#   faults_build              → $agriqa (AGRIQA_BINARY=PATH uses a binary already built)
#   faults_serve [ARGS...]    → $work, $port, $server_pid, $base (http://127.0.0.1:PORT); stopped on exit
export PATH="/opt/swift/usr/bin:$PATH"
scratch="${SCRATCH:-.build}"
work="" server_pid=""

faults_cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  [[ -n "$work" ]] && rm -rf "$work"
}
trap faults_cleanup EXIT

faults_build() {
  if [[ -n "${AGRIQA_BINARY:-}" ]]; then agriqa="$AGRIQA_BINARY"; return; fi
  echo "faults: building the release binary (scratch $scratch)…" >&2
  swift build -c release --product agriqa --scratch-path "$scratch" >&2
  agriqa="$scratch/release/agriqa"
}

faults_serve() {
  work="$(mktemp -d -t agriqa-faults-XXXXXX)"
  echo "faults: ingesting corpus/ into $work/agriqa.sqlite…" >&2
  if ! "$agriqa" ingest corpus --index "$work/agriqa.sqlite" --gazetteer corpus/gazetteer/sample-places.csv --json \
      >"$work/ingest.json" 2>"$work/ingest.err"; then
    echo "faults: ingest failed:" >&2; tail -5 "$work/ingest.err" >&2; return 1
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  "$agriqa" serve --port "$port" --index "$work/agriqa.sqlite" "$@" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done
  curl -sf "$base/readyz" >/dev/null || { echo "faults: the server did not become ready" >&2; cat "$work/serve.log" >&2; return 1; }
}
