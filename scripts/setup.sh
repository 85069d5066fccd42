#!/usr/bin/env bash
# Installs what Pooldeck needs and is missing: npm packages, the Python venv, Chromium (tests only).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "installing npm packages"
  npm ci --no-audit --no-fund
fi
bash scripts/setup-python.sh
if [[ "${1:-}" != "--no-browser" ]] && ! command -v chromium >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    log "installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    die "the browser tests need Debian's chromium: run 'sudo apt-get install chromium' (or set CHROMIUM_PATH)"
  fi
fi
