#!/usr/bin/env bash
# `npm test`: everything. Starts its own stacks on test ports (so a running demo is left alone),
# seeds them, and stops them at the end, pass or fail. The steps run side by side as soon as what
# they need is there, so the 2 cores stay busy: the production build while the browser tests'
# stack starts; then the browser tests and the secret scan on the build, while the checks (lint,
# format, types, unit tests) and then the integration tests, on a second stack of their own that
# starts during the unit tests (they change their world), run one after another beside them. Each step's output is
# kept in .data/test-logs/<step>.log; the end prints every step's time, and the log tail of a
# failed one.
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

LOGS="$ROOT/.data/test-logs"
rm -rf "$LOGS"
mkdir -p "$LOGS"
TIMES="$LOGS/times.tsv"
RUN_START="$EPOCHREALTIME"

log_of() { echo "$LOGS/$(echo "$1" | tr -c 'a-zA-Z0-9\n' '-' | tr -s '-').log"; }

# record NAME START STATUS: one row of the closing table
record() {
  local outcome=ok
  if (($3 != 0)); then outcome="FAILED (exit $3)"; fi
  printf '%s\t%s\t%s\n' "$1" "$(elapsed_since "$2")" "$outcome" >>"$TIMES"
}

# quiet NAME CMD...: runs CMD with its output only in the step's log (for steps run side by side)
quiet() {
  local name="$1" start="$EPOCHREALTIME" status=0
  shift
  log "── $name: started ──"
  "$@" >"$(log_of "$name")" 2>&1 || status=$?
  record "$name" "$start" "$status"
  if ((status == 0)); then log "── $name: ok in $(elapsed_since "$start") s ──"; else log "── $name: FAILED ──"; fi
  return "$status"
}

# step NAME CMD...: runs CMD in the foreground, its output shown and kept in the step's log
step() {
  local name="$1" start="$EPOCHREALTIME" status=0
  shift
  log "── $name ──"
  "$@" 2>&1 | tee "$(log_of "$name")" || status=$?
  record "$name" "$start" "$status"
  return "$status"
}

# the closing table; the last 40 lines of each failed step's log
report() {
  [[ -f "$TIMES" ]] || return 0
  {
    printf '\n%-78s %9s  %s\n' "step" "seconds" "outcome"
    while IFS=$'\t' read -r name secs outcome; do
      printf '%-78s %9s  %s\n' "$name" "$secs" "$outcome"
    done <"$TIMES"
    printf '%-78s %9s\n' "total (wall clock)" "$(elapsed_since "$RUN_START")"
    while IFS=$'\t' read -r name _ outcome; do
      if [[ "$outcome" != ok ]]; then
        printf '\n\033[31m── %s failed; the end of %s: ──\033[0m\n' "$name" "${LOGS#"$ROOT"/}/$(basename "$(log_of "$name")")"
        tail -n 40 "$(log_of "$name")"
      fi
    done <"$TIMES"
  } >&2
}

stop_services() {
  bash scripts/stack.sh stop >/dev/null 2>&1 || true
  bash scripts/postgres.sh stop >/dev/null 2>&1 || true
}
# (the script's exit status stays the failed step's; the trap must not stop before stop_services)
trap 'report || true; stop_services' EXIT

step "setup (installs what is missing)" bash scripts/setup.sh

stop_services
rm -rf "$POOLDECK_DATA_DIR"
mkdir -p "$ROOT/.data" "$POOLDECK_DATA_DIR"
npx tsx testing/e2e/test-auth.ts

# The integration tests' own stack: a second Prefect server and ECS emulator with their own data
# dir, so the integration tests (which change the world they run in) run beside the browser tests,
# whose stack stays as seeded. PostgreSQL is shared: every test that uses it makes its own database.
INT_DATA_DIR="$ROOT/.data/test-int"
INT_PREFECT_PORT="${POOLDECK_TEST_INT_PREFECT_PORT:-4301}"
INT_MOTO_PORT="${POOLDECK_TEST_INT_MOTO_PORT:-5301}"
# on_int_stack CMD...: runs CMD against the integration tests' stack
on_int_stack() {
  env POOLDECK_DATA_DIR="$INT_DATA_DIR" \
    POOLDECK_PREFECT_PORT="$INT_PREFECT_PORT" POOLDECK_MOTO_PORT="$INT_MOTO_PORT" \
    PREFECT_API_URL="http://127.0.0.1:$INT_PREFECT_PORT/api" \
    AWS_ENDPOINT_URL="http://127.0.0.1:$INT_MOTO_PORT" \
    POOLDECK_USERS_FILE="$INT_DATA_DIR/users.json" "$@"
}
stop_int_stack() { on_int_stack bash scripts/stack.sh stop >/dev/null 2>&1 || true; }
trap 'report || true; stop_services; stop_int_stack' EXIT
stop_int_stack
rm -rf "$INT_DATA_DIR"
mkdir -p "$INT_DATA_DIR"
cp "$POOLDECK_USERS_FILE" "$INT_DATA_DIR/users.json"

# Side by side, what the browser tests wait for: the build and the browser tests' stack (Prefect
# :$POOLDECK_PREFECT_PORT, ECS emulator :$POOLDECK_MOTO_PORT, PostgreSQL :$POOLDECK_PG_PORT) with
# the seed. The integration tests' stack (:$INT_PREFECT_PORT, :$INT_MOTO_PORT) starts later.
start_stack() {
  bash scripts/stack.sh start && bash scripts/postgres.sh start && npx tsx testing/seed/index.ts
}
start_int_stack() {
  on_int_stack bash scripts/stack.sh start && on_int_stack npx tsx testing/seed/index.ts
}
# the stacks first: Prefect's start-up is the longest wait and gets a head start
quiet "local stack start and seed (browser tests)" start_stack &
STACK_PID=$!
quiet "production build" npm run --silent build &
BUILD_PID=$!

# Beside the browser tests: the checks one after another (each runs even when an earlier one
# failed, so one run reports all of them), then the integration tests (the ground-truth test drives
# the real worker and is timing-sensitive: they run when only the browser tests run beside them).
# The checks run at a lower priority (nice): they wait for nothing, while the build, the stacks'
# start-up and the browser tests are the run's longest path and get the cores first.
checks_then_integration() {
  local failed=0 int_stack
  quiet "lint" nice -n 10 npm run --silent lint || failed=1
  quiet "format" nice -n 10 npm run --silent format:check || failed=1
  quiet "types" nice -n 10 npm run --silent typecheck || failed=1
  # started here, not with the build: the build and the browser tests' stack get the cores first
  quiet "local stack start and seed (integration tests)" start_int_stack &
  int_stack=$!
  quiet "unit tests" nice -n 10 npx vitest run --project unit || failed=1
  if wait "$int_stack"; then
    quiet "integration tests (real Prefect server, ECS emulator, Prefect's own Python)" \
      on_int_stack npx vitest run --project integration || failed=1
  else
    failed=1
  fi
  return "$failed"
}
checks_then_integration &
CHECKS_PID=$!

failed=0
wait "$BUILD_PID" || failed=1
wait "$STACK_PID" || failed=1
if ((failed == 0)); then
  export PREFECT_API_KEY="pnu_pooldeckTestCanaryKey4b7e19" # unused by the no-auth server; must never leak
  export POOLDECK_E2E_RECORD_DIR="$POOLDECK_DATA_DIR/recorded"
  step "end-to-end tests (Chromium), every response recorded for the secret scan" \
    npx playwright test || failed=1
  step "secret scan: client bundles and every recorded response" npx tsx scripts/scan-secrets.ts \
    || failed=1
fi
wait "$CHECKS_PID" || failed=1
((failed == 0)) || die "a step failed (the table and its log's end follow)"
