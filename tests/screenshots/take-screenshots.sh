#!/usr/bin/env bash
# Saves a screenshot of each screen of the desktop app (ThreatInsight, Risk events, History) into
# resources/screenshots/ for the README: the app runs on a virtual X server (Xvfb, 1280x800) with
# the built-in sandbox org, an empty private HOME (the user's settings and history are never
# touched) and tests/data/risk_mixed.csv imported, so the Risk events table shows valid, rejected
# and merged rows with their markers.
#
# Usage: tests/screenshots/take-screenshots.sh [BUILD_DIR]     (default: build/release)
# Needs: xvfb-run and xauth (Debian/Ubuntu: sudo apt-get install xvfb xauth), and a built app:
#        cmake --preset release && cmake --build build/release --target threatdesk
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build/release}
app=$build/bin/threatdesk
out=$root/resources/screenshots
input=$root/tests/data/risk_mixed.csv

if [[ ! -x $app ]]; then
    echo "take-screenshots.sh: $app not found; build the threatdesk target first" >&2
    exit 2
fi
for tool in xvfb-run xauth; do
    if ! command -v "$tool" > /dev/null; then
        echo "take-screenshots.sh: $tool not found; install it with: sudo apt-get install xvfb xauth" >&2
        exit 2
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config" "$work/data" "$work/cache" "$work/runtime" "$out"
chmod 700 "$work/runtime"

# A real X server rather than the offscreen platform, so fonts, styles and the window frame
# geometry are what a user sees. The app quits by itself once the last screenshot is saved.
rm -f "$out/threatinsight.png" "$out/risk-events.png" "$out/history.png" "$out/detections.png"
HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache \
    XDG_RUNTIME_DIR=$work/runtime QT_QPA_PLATFORM=xcb \
    timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" \
    "$app" --sandbox --screenshots "$out" --import "$input"

status=0
for shot in threatinsight risk-events history detections; do
    if [[ -s $out/$shot.png ]]; then
        echo "saved $out/$shot.png"
    else
        echo "take-screenshots.sh: $out/$shot.png was not written" >&2
        status=1
    fi
done
exit $status
