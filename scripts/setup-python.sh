#!/usr/bin/env bash
# Creates .venv with the pinned Prefect, prefect-aws and moto, unless it already matches.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
STAMP="$VENV/.pooldeck-requirements"
if [[ -x "$VENV/bin/python" && -f "$STAMP" ]] && cmp -s "$STAMP" "$ROOT/scripts/requirements.txt"; then
  exit 0
fi
log "installing Prefect, prefect-aws and moto into .venv (first run only)"
[[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
# pip's own output goes to a log (this machine's pip config prints a warning per index entry)
if ! "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$ROOT/scripts/requirements.txt" \
  >"$VENV/pip-install.log" 2>&1; then
  tail -n 30 "$VENV/pip-install.log" >&2
  die "pip could not install scripts/requirements.txt (full log: $VENV/pip-install.log)"
fi
cp "$ROOT/scripts/requirements.txt" "$STAMP"
