#!/usr/bin/env bash
# Installs everything ThreatDesk needs to build, run and test on Debian 12 / Ubuntu 22.04+.
# Idempotent: apt-get skips what is already there. Runs as root, or through sudo.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build git pkg-config clang-format
  # Qt 6 and libraries (qt6-httpserver-dev needs qt6-websockets-dev on Debian)
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev libssl-dev libgl-dev
  # runtime of the GUI when started offscreen or under a desktop
  libqt6svg6 qt6-qpa-plugins
  # tests: a private session bus and an unlocked keyring for the Secret Service
  dbus dbus-x11 gnome-keyring libsecret-tools
  # fuzzing: clang with libFuzzer and the sanitizer runtimes (tests/fuzz)
  clang libclang-rt-14-dev
  # python for the benchmark reference scripts
  python3
)

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "debian-deps.sh: run this as root or install sudo" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
