#!/usr/bin/env bash
# Builds the Debian package from an already built tree and checks it the way a user meets it:
# lintian (no errors), desktop-file-validate and appstreamcli on the packaged files, the
# package's permissions, checksums and binary, then installs it with apt, runs the installed
# /usr/bin/threatdesk (CLI against the in-process sandbox org) and removes it again.
# Usage: bash installer/package-check.sh <build-dir>      (CI: after bash tests/run.sh ci)
# Runs as root or through sudo; it installs into this machine's /usr and removes it at the end.
set -euo pipefail

fail() {
  echo "package-check: FAILED: $*" >&2
  exit 1
}
step() { echo "== package-check: $*"; }

[ $# -eq 1 ] || {
  echo "usage: bash installer/package-check.sh <build-dir>" >&2
  exit 2
}
build_dir=$(cd "$1" 2>/dev/null && pwd) || fail "no build directory '$1'"
[ -f "$build_dir/CPackConfig.cmake" ] || fail "$build_dir has no CPackConfig.cmake: configure and build it first"

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  fail "run this as root or install sudo"
fi
export DEBIAN_FRONTEND=noninteractive
# The checks read English output.
export LC_ALL=C.UTF-8 LANGUAGE=

work=$(mktemp -d)
installed_by_us=0
cleanup() {
  if [ "$installed_by_us" -eq 1 ] && dpkg -s threatdesk >/dev/null 2>&1; then
    echo "package-check: removing the threatdesk package this check installed" >&2
    "${as_root[@]}" apt-get remove -y threatdesk >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step "installing the checkers"
tools=(lintian desktop-file-utils appstream file dpkg-dev binutils)
if ! "${as_root[@]}" apt-get install -y -q --no-install-recommends "${tools[@]}" >"$work/apt.log" 2>&1; then
  "${as_root[@]}" apt-get update -q >>"$work/apt.log" 2>&1 || true
  "${as_root[@]}" apt-get install -y -q --no-install-recommends "${tools[@]}" >>"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log" >&2; fail "could not install ${tools[*]}"; }
fi

step "cpack -G DEB in $build_dir"
rm -f "$build_dir"/threatdesk_*.deb
(cd "$build_dir" && cpack -G DEB) >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; fail "cpack failed"; }
shopt -s nullglob
debs=("$build_dir"/threatdesk_*.deb)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected one threatdesk_*.deb in $build_dir, found ${#debs[@]}"
deb=${debs[0]}
version=$(dpkg-deb -f "$deb" Version)
arch=$(dpkg-deb -f "$deb" Architecture)
[ "$(basename "$deb")" = "threatdesk_${version}_${arch}.deb" ] || fail "unexpected file name $(basename "$deb")"
dpkg-deb --info "$deb"

step "control fields"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libqt6svg6 qt6-qpa-plugins libqt6core6 libqt6widgets6 libqt6network6 libqt6keychain1 libc6; do
  grep -Eq "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
recommends=$(dpkg-deb -f "$deb" Recommends)
for dep in qt6-translations-l10n gnome-keyring; do
  grep -q "$dep" <<<"$recommends" || fail "Recommends lacks $dep: $recommends"
done

step "lintian (fails on errors, prints warnings)"
lintian --fail-on error --display-level ">=warning" --tag-display-limit 0 "$deb" ||
  fail "lintian reports errors on $(basename "$deb")"

step "packaged files"
root=$work/root
control=$work/control
dpkg-deb -x "$deb" "$root"
dpkg-deb -e "$deb" "$control"
app_id=org.threatdesk.ThreatDesk
expected=(
  usr/bin/threatdesk
  "usr/share/applications/$app_id.desktop"
  "usr/share/metainfo/$app_id.metainfo.xml"
  "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
  usr/share/man/man1/threatdesk.1.gz
  usr/share/doc/threatdesk/copyright
  usr/share/doc/threatdesk/changelog.gz
)
for size in 16 22 24 32 48 64 128 256; do
  expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for file in "${expected[@]}"; do
  [ -f "$root/$file" ] || fail "the package lacks /$file"
done
compgen -G "$root/usr/share/threatdesk/translations/*.qm" >/dev/null || fail "the package holds no translations (.qm)"
[ ! -e "$root/usr/bin/threatdesk-sandbox" ] || fail "the package must not ship threatdesk-sandbox"

bad_dirs=$(find "$root" -mindepth 1 -type d ! -perm 0755)
[ -z "$bad_dirs" ] || fail "directories not 0755: $bad_dirs"
bad_files=$(find "$root" -type f ! -path "$root/usr/bin/*" ! -perm 0644)
[ -z "$bad_files" ] || fail "files not 0644: $bad_files"
[ "$(stat -c %a "$root/usr/bin/threatdesk")" = 755 ] || fail "/usr/bin/threatdesk is not 0755"
[ -f "$control/md5sums" ] || fail "the package has no md5sums"
(cd "$root" && md5sum --quiet -c "$control/md5sums") || fail "md5sums do not match the files"
[ "$(find "$root" -type f | wc -l)" -eq "$(wc -l <"$control/md5sums")" ] || fail "md5sums does not list every file"
file -b "$root/usr/bin/threatdesk" | grep -q ", stripped" || fail "/usr/bin/threatdesk is not stripped"
if readelf -d "$root/usr/bin/threatdesk" | grep -Eq "\((RPATH|RUNPATH)\)"; then
  fail "/usr/bin/threatdesk carries an RPATH/RUNPATH: $(readelf -d "$root/usr/bin/threatdesk" | grep -E 'RPATH|RUNPATH')"
fi

step "desktop-file-validate and appstreamcli validate"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"

step "apt-get install $(basename "$deb")"
if dpkg -s threatdesk >/dev/null 2>&1; then
  # Otherwise apt keeps an installed package of the same version instead of this build.
  "${as_root[@]}" apt-get remove -y threatdesk >/dev/null || fail "could not remove the threatdesk installed before"
fi
installed_by_us=1
"${as_root[@]}" apt-get install -y -q "$deb" || fail "apt-get install $deb"
[ "$(dpkg-query -W -f '${Status} ${Version}' threatdesk)" = "install ok installed $version" ] ||
  fail "threatdesk $version is not installed: $(dpkg-query -W -f '${Status} ${Version}' threatdesk)"

step "the installed /usr/bin/threatdesk"
home=$work/home # a throw-away HOME: no settings, history or journals of this machine
mkdir -p "$home"
out=$(HOME=$home /usr/bin/threatdesk --version 2>&1) || fail "threatdesk --version exited $?: $out"
echo "$out"
grep -q "threatdesk $version" <<<"$out" || fail "threatdesk --version does not say $version: $out"
status=0
out=$(HOME=$home timeout 60 /usr/bin/threatdesk --sandbox threatinsight get 2>&1) || status=$?
echo "$out"
[ "$status" -eq 0 ] || fail "threatdesk --sandbox threatinsight get exited $status"
grep -Eq "^Action: +(none|audit|block) " <<<"$out" || fail "threatdesk --sandbox threatinsight get names no action"
# The installed translations are found from /usr/bin (../share/threatdesk/translations).
out=$(HOME=$home LANGUAGE=de timeout 60 /usr/bin/threatdesk --sandbox threatinsight get 2>&1) ||
  fail "LANGUAGE=de threatdesk --sandbox threatinsight get failed: $out"
grep -Eq "^Aktion: +(none|audit|block) " <<<"$out" || fail "the installed threatdesk does not speak German: $out"

step "dpkg -L threatdesk"
listing=$(dpkg -L threatdesk)
for file in "${expected[@]}"; do
  grep -qx "/$file" <<<"$listing" || fail "dpkg -L threatdesk does not list /$file"
done

step "apt-get remove threatdesk"
"${as_root[@]}" apt-get remove -y -q threatdesk || fail "apt-get remove threatdesk"
installed_by_us=0
[ ! -e /usr/bin/threatdesk ] || fail "/usr/bin/threatdesk is still there after apt-get remove"
for file in "${expected[@]}"; do
  [ ! -e "/$file" ] || fail "/$file is still there after apt-get remove"
done

echo "package-check: $(basename "$deb") OK (lintian without errors, desktop entry and metainfo valid, installed, ran, removed)"
