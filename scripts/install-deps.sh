#!/usr/bin/env bash
# Installs the Debian 12 packages PretrainLab needs to build, run and test.
# Only the missing ones are installed; safe to run again. Needs root (or sudo).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
  libqt6svg6-dev libqcustomplot-dev
  libtorch-dev libopenblas0-openmp libgloo-dev
  libsqlite3-dev sqlite3 nlohmann-json3-dev libcli11-dev libutf8proc-dev
  libbenchmark-dev python3 python3-torch python3-numpy
  xvfb xauth imagemagick fonts-noto-cjk
  wordnet-base miscfiles wamerican zlib1g-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "error: need root to install: ${missing[*]}" >&2
    echo "HINT: run 'sudo $0' or install them with apt-get." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
