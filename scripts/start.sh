#!/usr/bin/env bash
# `npm start`: the production server that ships, <distDir>/standalone/pooldeck-server.mjs (Next's
# standalone server.js with the static files served from their brotli or gzip copies; after `npm run
# build`), on 127.0.0.1:$POOLDECK_PORT (3000). POOLDECK_HOST=0.0.0.0 listens on every interface.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SERVER="$ROOT/${POOLDECK_DIST_DIR:-.next}/standalone/pooldeck-server.mjs"
[[ -f "$SERVER" ]] || die "no production build at ${SERVER#"$ROOT"/}: run 'npm run build' first"
# the standalone server runs from its own folder: a relative data dir would land inside the build
POOLDECK_DATA_DIR="$(mkdir -p "$POOLDECK_DATA_DIR" && cd "$POOLDECK_DATA_DIR" && pwd)"
export POOLDECK_DATA_DIR
if [[ -n "${POOLDECK_USERS_FILE:-}" && "$POOLDECK_USERS_FILE" != /* ]]; then
  export POOLDECK_USERS_FILE="$PWD/$POOLDECK_USERS_FILE"
fi
# the standalone server reads env files from its own folder only: pass the checkout's, in Next's
# order (a later file wins; a variable already set in the environment wins over every file)
ENV_FILES=()
for f in .env .env.production .env.local .env.production.local; do
  if [[ -f "$ROOT/$f" ]]; then ENV_FILES+=("--env-file=$ROOT/$f"); fi
done
HOSTNAME="${POOLDECK_HOST:-127.0.0.1}" PORT="$POOLDECK_PORT" exec node "${ENV_FILES[@]}" "$SERVER"
