#!/usr/bin/env bash
# Installs schemathesis (PyPI) into a virtual environment outside the repository,
# ~/.cache/agriqa/venv (or $AGRIQA_VENV), when it is not there yet. Prints the venv's path.
set -euo pipefail
venv="${AGRIQA_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/agriqa/venv}"
version="${SCHEMATHESIS_VERSION:-4.32.5}"
if [[ -x "$venv/bin/st" ]] && "$venv/bin/python" -m pip show schemathesis 2>/dev/null | grep -q "^Version: $version$"; then
  echo "$venv"; exit 0
fi
if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  echo "install-schemathesis: python3 cannot make virtual environments; run scripts/bootstrap.sh scripts/apt-packages-test.txt (python3-venv)" >&2
  exit 1
fi
echo "install-schemathesis: installing schemathesis $version into $venv…" >&2
mkdir -p "$(dirname "$venv")"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip >&2
"$venv/bin/python" -m pip install --quiet "schemathesis==$version" >&2
echo "$venv"
