#!/usr/bin/env bash
# Builds ThreatDesk with warnings as errors and runs the whole test suite offscreen,
# inside a private session bus with an unlocked keyring. Usage: bash tests/run.sh [preset]
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-ci}
cmake --preset "$preset"
cmake --build --preset "$preset"
export QT_QPA_PLATFORM=offscreen
tests/with-keyring.sh ctest --preset "$preset"
