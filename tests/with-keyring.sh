#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so the
# keychain tests use the real Secret Service without touching the user's own keyring.
# Fails loudly when either piece is missing: a keychain test must never silently skip.
set -euo pipefail

for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null 2>&1 || { echo "with-keyring.sh: $tool is missing (run installer/debian-deps.sh)" >&2; exit 1; }
done

if [ -z "${THREATDESK_KEYRING_SESSION:-}" ]; then
  export THREATDESK_KEYRING_SESSION=1
  # A throw-away HOME keeps the test keyring away from the user's.
  THREATDESK_TEST_HOME=$(mktemp -d)
  export THREATDESK_TEST_HOME
  trap 'rm -rf "$THREATDESK_TEST_HOME"' EXIT
  HOME="$THREATDESK_TEST_HOME" XDG_DATA_HOME="$THREATDESK_TEST_HOME/.local/share" \
    dbus-run-session -- "$0" "$@"
  exit $?
fi

eval "$(printf 'threatdesk-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
exec "$@"
