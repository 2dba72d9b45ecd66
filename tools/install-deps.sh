#!/usr/bin/env bash
# Installs what Awaitscope needs to build and test, from Debian 12's own
# packages, and only what is missing: on a machine that has everything this
# does not touch the network.
#
#   tools/install-deps.sh          (as root, or as a user with sudo)
set -euo pipefail

packages=(
    cmake ninja-build g++
    qt6-base-dev qt6-svg-dev qt6-tools-dev libqscintilla2-qt6-dev libgl-dev
    libgtest-dev libbenchmark-dev libgif-dev libabsl-dev
    python3
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: everything is installed"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update
"${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
