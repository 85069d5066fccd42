#!/usr/bin/env bash
# `npm run demo`: installs what is missing, starts a local Prefect server and the ECS emulator,
# seeds them, builds and starts the dashboard, and prints its URL. Ctrl-C stops everything it started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

export PREFECT_API_URL="http://127.0.0.1:$POOLDECK_PREFECT_PORT/api"
export AWS_ENDPOINT_URL="http://127.0.0.1:$POOLDECK_MOTO_PORT"
export AWS_REGION="${AWS_REGION:-us-east-1}" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
unset AWS_PROFILE AWS_ENDPOINT_URL_ECS PREFECT_API_KEY PREFECT_API_AUTH_STRING
export NEXT_TELEMETRY_DISABLED=1

if port_in_use "$POOLDECK_PORT"; then
  die "port $POOLDECK_PORT is in use; set POOLDECK_PORT to another port"
fi
bash scripts/setup.sh --no-browser
trap 'bash scripts/stack.sh stop' EXIT
bash scripts/stack.sh start
log "seeding the demo world"
npx tsx scripts/seed/index.ts
log "building the dashboard"
npm run --silent build
log "Pooldeck is at http://127.0.0.1:$POOLDECK_PORT  (Prefect UI: http://127.0.0.1:$POOLDECK_PREFECT_PORT)"
npx next start --hostname 127.0.0.1 --port "$POOLDECK_PORT"
