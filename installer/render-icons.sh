#!/usr/bin/env bash
# Renders the app icon (resources/icons/threatdesk.svg) into the raster files the packages ship,
# which are committed so that a build needs neither tool:
#   resources/linux/icons/hicolor/<N>x<N>/apps/org.threatdesk.ThreatDesk.png  (hicolor theme)
#   resources/windows/threatdesk.ico                                          (WiX, .exe icon)
#   resources/macos/threatdesk.iconset/icon_*.png                             (iconutil -> .icns)
# Needs rsvg-convert (librsvg2-bin) and ImageMagick (imagemagick). Run it after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/.."

svg=resources/icons/threatdesk.svg
app_id=org.threatdesk.ThreatDesk

command -v rsvg-convert >/dev/null || { echo "render-icons.sh: rsvg-convert missing (apt-get install librsvg2-bin)" >&2; exit 1; }
# A stand-in called 'convert' may shadow ImageMagick on PATH, so ask each candidate who it is.
convert_tool=${CONVERT:-}
if [ -z "$convert_tool" ]; then
  for candidate in magick convert-im6.q16 convert; do
    if command -v "$candidate" >/dev/null && "$candidate" -version 2>/dev/null | grep -q ImageMagick; then
      convert_tool=$candidate
      break
    fi
  done
fi
[ -n "$convert_tool" ] || { echo "render-icons.sh: ImageMagick missing (apt-get install imagemagick)" >&2; exit 1; }

render() { # size output
  mkdir -p "$(dirname "$2")"
  rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio --output "$2" "$svg"
}

# Linux: the sizes the hicolor theme and the desktops look up; the SVG itself is installed as
# scalable/apps by installer/CMakeLists.txt.
for size in 16 22 24 32 48 64 128 256; do
  render "$size" "resources/linux/icons/hicolor/${size}x${size}/apps/${app_id}.png"
done

# Windows: one .ico with every size Explorer, the taskbar and the installer pick from; rendered
# by librsvg first because ImageMagick's own SVG renderer draws differently.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ico_inputs=()
for size in 16 20 24 32 40 48 64 256; do
  render "$size" "$tmp/ico-$size.png"
  ico_inputs+=("$tmp/ico-$size.png")
done
"$convert_tool" "${ico_inputs[@]}" resources/windows/threatdesk.ico

# macOS: the .iconset layout iconutil turns into threatdesk.icns at build time.
iconset=resources/macos/threatdesk.iconset
rm -rf "$iconset"
for size in 16 32 128 256 512; do
  render "$size" "$iconset/icon_${size}x${size}.png"
  render $((size * 2)) "$iconset/icon_${size}x${size}@2x.png"
done

echo "render-icons.sh: icons written from $svg"
