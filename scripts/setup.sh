#!/usr/bin/env bash
# Installs what Pooldeck needs and is missing: npm packages, the Python venv; for the tests also
# PostgreSQL, Chromium and the screen reader Orca with what runs it headless.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
# npm ci only when package-lock.json changed since the last install (a stamp keyed by its hash; a
# tree that npm ci installed after the lock was written counts as current, as after .ci/run's)
NPM_STAMP=node_modules/.pooldeck-package-lock
NPM_KEY="$(files_sha256 package-lock.json)"
if [[ ! -f "$NPM_STAMP" && -f node_modules/.package-lock.json \
  && ! package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "$NPM_KEY" >"$NPM_STAMP"
fi
if [[ ! -f "$NPM_STAMP" || "$(cat "$NPM_STAMP")" != "$NPM_KEY" ]]; then
  timed "installing npm packages (npm ci)" npm ci --no-audit --no-fund --loglevel=error
  echo "$NPM_KEY" >"$NPM_STAMP"
fi
bash scripts/setup-python.sh
apt_install() { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
# the audit store's tests run against a real PostgreSQL (scripts/postgres.sh); Debian's binaries
# live in /usr/lib/postgresql/<version>/bin
if [[ "${1:-}" != "--no-browser" ]] && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    timed "installing Debian's postgresql for the audit store's tests" apt_install postgresql
  else
    die "the audit store's tests need PostgreSQL: run 'sudo apt-get install postgresql'"
  fi
fi
if [[ "${1:-}" != "--no-browser" ]] && ! command -v chromium >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    timed "installing Debian's chromium for the browser tests" apt_install chromium
  else
    die "the browser tests need Debian's chromium: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)"
  fi
fi
# e2e/a11y/screen-reader.spec.ts: Orca on a virtual X display (testing/screen-reader/speak.sh)
SCREEN_READER=(orca xvfb dbus-x11 at-spi2-core python3-pyatspi speech-dispatcher gir1.2-atspi-2.0
  libglib2.0-bin dconf-gsettings-backend dconf-cli x11-utils xdotool)
if [[ "${1:-}" != "--no-browser" ]] && ! { command -v orca && command -v Xvfb && command -v xdotool; } >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    timed "installing the Orca screen reader, Xvfb and xdotool for the screen reader test" \
      apt_install --no-install-recommends "${SCREEN_READER[@]}"
  else
    die "the screen reader test needs Orca: run 'sudo apt-get install --no-install-recommends ${SCREEN_READER[*]}'"
  fi
fi
