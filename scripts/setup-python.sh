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
"$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$ROOT/scripts/requirements.txt"
cp "$ROOT/scripts/requirements.txt" "$STAMP"
