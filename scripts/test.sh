#!/usr/bin/env bash
# `npm test`: everything, in order of cost. Starts its own stack on test ports (so a running demo
# is left alone), seeds it, and stops it at the end, pass or fail.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

export POOLDECK_PREFECT_PORT="${POOLDECK_TEST_PREFECT_PORT:-4300}"
export POOLDECK_MOTO_PORT="${POOLDECK_TEST_MOTO_PORT:-5300}"
# the audit store's PostgreSQL tests: a throwaway cluster in $POOLDECK_DATA_DIR/postgres
export POOLDECK_PG_PORT="${POOLDECK_TEST_PG_PORT:-5332}"
export POOLDECK_DATA_DIR="$ROOT/.data/test"
export PREFECT_API_URL="http://127.0.0.1:$POOLDECK_PREFECT_PORT/api"
export AWS_ENDPOINT_URL="http://127.0.0.1:$POOLDECK_MOTO_PORT"
# distinctive values (the emulator accepts any): the secret scan after the browser tests looks for them
export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=AKIAPOOLDECKTEST7Q2X AWS_SECRET_ACCESS_KEY='pooldeck/test+Secret=9f3kq1Zx7'
unset AWS_PROFILE AWS_ENDPOINT_URL_ECS PREFECT_API_KEY PREFECT_API_AUTH_STRING
export NEXT_TELEMETRY_DISABLED=1
# sign-in is required: the servers the browser tests start use the test editor and viewer
# (testing/e2e/test-auth.ts writes the users file) and a fresh session secret
export POOLDECK_USERS_FILE="$POOLDECK_DATA_DIR/users.json"
POOLDECK_AUTH_SECRET="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("base64"))')"
export POOLDECK_AUTH_SECRET

step() { log "── $* ──"; }

bash scripts/setup.sh

step "lint"; npm run --silent lint
step "format"; npm run --silent format:check
step "types"; npm run --silent typecheck
step "unit tests"; npx vitest run --project unit

step "production build, while the local stack starts (Prefect :$POOLDECK_PREFECT_PORT, ECS emulator :$POOLDECK_MOTO_PORT)"
bash scripts/stack.sh stop >/dev/null 2>&1 || true
bash scripts/postgres.sh stop >/dev/null 2>&1 || true
rm -rf "$POOLDECK_DATA_DIR"
mkdir -p "$ROOT/.data" "$POOLDECK_DATA_DIR"
npx tsx testing/e2e/test-auth.ts
trap 'bash scripts/stack.sh stop >/dev/null 2>&1 || true; bash scripts/postgres.sh stop >/dev/null 2>&1 || true' EXIT
npm run --silent build >"$ROOT/.data/test-build.log" 2>&1 &
BUILD_PID=$!
bash scripts/stack.sh start
bash scripts/postgres.sh start >/dev/null
if ! wait "$BUILD_PID"; then
  tail -n 60 "$ROOT/.data/test-build.log" >&2
  die "next build failed (full log: .data/test-build.log)"
fi
# The integration tests run alone: the ground-truth test drives the real worker and is timing-sensitive.
step "seed"; npx tsx testing/seed/index.ts
step "integration tests (real Prefect server, ECS emulator, Prefect's own Python)"; npx vitest run --project integration
step "re-seed a clean world for the browser (integration tests change it)"
curl -fsS -X POST "http://127.0.0.1:$POOLDECK_MOTO_PORT/moto-api/reset" >/dev/null
npx tsx testing/seed/index.ts
step "end-to-end tests (Chromium), every response recorded for the secret scan"
export PREFECT_API_KEY="pnu_pooldeckTestCanaryKey4b7e19" # unused by the no-auth server; must never leak
export POOLDECK_E2E_RECORD_DIR="$POOLDECK_DATA_DIR/recorded"
npx playwright test
step "secret scan: client bundles and every recorded response"; npx tsx scripts/scan-secrets.ts
