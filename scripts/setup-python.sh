#!/usr/bin/env bash
# Creates .venv with Prefect, prefect-aws and moto exactly as scripts/requirements.lock pins them
# (every file checked against its sha256), unless it already matches. Installs with uv (from PyPI,
# into .data/tools/uv on first use); falls back to pip with the same lock when uv cannot be had.
# Set POOLDECK_NO_UV=1 to use pip. Regenerate the lock after editing scripts/requirements.txt:
#   uv pip compile --generate-hashes --universal --python-version 3.11 \
#     -o scripts/requirements.lock scripts/requirements.txt
set -euo pipefail
source "$(dirname "$0")/lib.sh"
LOCK="$ROOT/scripts/requirements.lock"
STAMP="$VENV/.pooldeck-lock"
UV_VERSION=0.13.9
# the stamp: the lock's hash and the interpreter's version; the install is skipped while both match
KEY="$(files_sha256 "$LOCK") $(python3 -c 'import sys; print(sys.version.split()[0])')"
if [[ -x "$VENV/bin/python" && -f "$STAMP" && "$(cat "$STAMP")" == "$KEY" ]]; then
  exit 0
fi
mkdir -p "$ROOT/.data"
INSTALL_LOG="$ROOT/.data/python-install.log"

# uv on PATH, or the copy installed from PyPI into .data/tools/uv by an earlier run, or a new one
find_uv() {
  [[ "${POOLDECK_NO_UV:-}" == 1 ]] && return 1
  if command -v uv >/dev/null; then
    command -v uv
    return 0
  fi
  local tools="$ROOT/.data/tools/uv"
  if [[ ! -x "$tools/bin/uv" ]]; then
    rm -rf "$tools"
    timed "installing uv $UV_VERSION from PyPI into .data/tools/uv" bootstrap_uv "$tools" || return 1
  fi
  echo "$tools/bin/uv"
}

bootstrap_uv() {
  # into a plain folder with the interpreter's own pip (quick); a venv where it has none
  if python3 -m pip --version >/dev/null 2>&1; then
    python3 -m pip install --quiet --disable-pip-version-check --target "$1" "uv==$UV_VERSION" \
      >>"$INSTALL_LOG" 2>&1
  else
    python3 -m venv "$1" >>"$INSTALL_LOG" 2>&1 \
      && "$1/bin/pip" install --quiet --disable-pip-version-check "uv==$UV_VERSION" >>"$INSTALL_LOG" 2>&1
  fi
}

install_with_uv() {
  local uv="$1"
  export UV_PYTHON_DOWNLOADS=never UV_NO_PROGRESS=1
  {
    [[ -x "$VENV/bin/python" ]] || "$uv" venv --quiet --python "$(command -v python3)" "$VENV"
    "$uv" pip sync --quiet --python "$VENV/bin/python" --require-hashes "$LOCK"
  } >>"$INSTALL_LOG" 2>&1
}

install_with_pip() {
  # the lock lists every dependency, so --no-deps; pip's own output goes to the log (this
  # machine's pip config prints a warning per index entry)
  {
    [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
    # a venv made by uv has no pip of its own
    "$VENV/bin/python" -m pip --version || "$VENV/bin/python" -m ensurepip --upgrade
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes \
      --no-deps -r "$LOCK"
  } >>"$INSTALL_LOG" 2>&1
}

: >"$INSTALL_LOG"
if UV="$(find_uv)"; then
  if ! timed "installing Prefect, prefect-aws and moto into ${VENV#"$ROOT"/} with uv" \
    install_with_uv "$UV"; then
    tail -n 30 "$INSTALL_LOG" >&2
    die "uv could not install scripts/requirements.lock (full log: $INSTALL_LOG)"
  fi
else
  log "uv is not available (see $INSTALL_LOG); installing with pip instead"
  if ! timed "installing Prefect, prefect-aws and moto into ${VENV#"$ROOT"/} with pip" \
    install_with_pip; then
    tail -n 30 "$INSTALL_LOG" >&2
    die "pip could not install scripts/requirements.lock (full log: $INSTALL_LOG)"
  fi
fi
echo "$KEY" >"$STAMP"
