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
# the seed aims the demo pools at demo-cluster, so the pool page opens with every check running
export POOLDECK_DEMO_SEED=1

if port_in_use "$POOLDECK_PORT"; then
  die "port $POOLDECK_PORT is in use; set POOLDECK_PORT to another port"
fi
DEMO_START="$EPOCHREALTIME"
timed "setup (npm packages, Python environment; skipped when installed)" \
  bash scripts/setup.sh --no-browser
# the build is skipped while its inputs (every file of the checkout the app is built from, and the
# Node version) hash to what the last build recorded
DIST="${POOLDECK_DIST_DIR:-.next}"
BUILD_STAMP="$DIST/.pooldeck-build-inputs"
build_inputs_key() {
  git rev-parse --git-dir >/dev/null 2>&1 || return 1
  {
    {
      git ls-files -z --cached --others --exclude-standard -- . ':!e2e' ':!docs' ':!testing' \
        ':!scripts' ':!.ci' ':!*.md' ':!*.test.ts' ':!*.test.tsx'
      # the build's own scripts: Monaco's loader and the postbuild (Monaco's chunks made eager, the
      # compressed copies of the static files and the production entry's bundle)
      git ls-files -z --cached --others --exclude-standard -- scripts/build ':!*.test.ts'
    } | xargs -0 sha256sum 2>/dev/null || true
    node --version
  } | sha256sum | cut -d" " -f1
}
BUILD_KEY="$(build_inputs_key || echo "not a git checkout: always build")"
# When it is needed it runs in the background, alongside Prefect's start-up and the seed (on a
# fresh machine the two longest steps after the installs), in its own process group so an early
# exit stops it whole; its output goes to a file, shown when it fails.
BUILD_PID=""
BUILD_LOG="$POOLDECK_DATA_DIR/demo-build.log"
if [[ -f "$DIST/standalone/pooldeck-server.mjs" && -f "$BUILD_STAMP" && "$(cat "$BUILD_STAMP")" == "$BUILD_KEY" ]]; then
  log "building the dashboard: skipped (nothing changed since the last build)"
else
  rm -f "$BUILD_STAMP"
  mkdir -p "$POOLDECK_DATA_DIR"
  BUILD_START="$EPOCHREALTIME"
  log "building the dashboard (next build) in the background; its output goes to ${BUILD_LOG#"$ROOT"/}"
  setsid npm run --silent build >"$BUILD_LOG" 2>&1 &
  BUILD_PID=$!
fi
stop_build() {
  if [[ -n "$BUILD_PID" ]]; then kill -- "-$BUILD_PID" 2>/dev/null || true; fi
}

trap 'stop_build; bash scripts/stack.sh stop' EXIT
timed "starting Prefect and the ECS emulator" bash scripts/stack.sh start
timed "seeding the demo world" npx tsx testing/seed/index.ts

# sign-in: a generated session secret and a local editor "demo" with a random password, both kept
# under the data dir so sessions and the password survive restarts (README "Sign-in and roles")
export POOLDECK_USERS_FILE="${POOLDECK_USERS_FILE:-$POOLDECK_DATA_DIR/users.json}"
random_text() { node -e 'process.stdout.write(require("node:crypto").randomBytes(Number(process.argv[1])).toString("base64url"))' "$1"; }
if [[ -z "${POOLDECK_AUTH_SECRET:-}${NEXTAUTH_SECRET:-}" ]]; then
  [[ -s "$POOLDECK_DATA_DIR/auth-secret" ]] || (umask 077 && random_text 32 >"$POOLDECK_DATA_DIR/auth-secret")
  POOLDECK_AUTH_SECRET="$(cat "$POOLDECK_DATA_DIR/auth-secret")"
  export POOLDECK_AUTH_SECRET
fi
DEMO_PASSWORD_FILE="$POOLDECK_DATA_DIR/demo-password"
if [[ ! -s "$POOLDECK_USERS_FILE" ]]; then
  (umask 077 && random_text 12 >"$DEMO_PASSWORD_FILE")
  node cli/bin.mjs user add demo --role editor --name "Demo Editor" \
    --file "$POOLDECK_USERS_FILE" --password-stdin <"$DEMO_PASSWORD_FILE" >/dev/null
fi
if [[ -s "$DEMO_PASSWORD_FILE" ]]; then
  SIGN_IN="sign in as demo / $(cat "$DEMO_PASSWORD_FILE")  (kept in ${DEMO_PASSWORD_FILE#"$ROOT"/}; more users: npx pooldeck user add)"
else
  SIGN_IN="sign in with a user of $POOLDECK_USERS_FILE"
fi

# waits for a step started in the background: its time, or the tail of its output when it failed
wait_background() {
  local what="$1" pid="$2" output="$3" start="$4"
  log "waiting for $what …"
  if ! wait "$pid"; then
    tail -n 40 "$output" >&2
    die "$what failed (its whole output: ${output#"$ROOT"/})"
  fi
  log "$what: done in $(elapsed_since "$start") s, alongside the steps above"
}
if [[ -n "$BUILD_PID" ]]; then
  wait_background "building the dashboard (next build)" "$BUILD_PID" "$BUILD_LOG" "$BUILD_START"
  BUILD_PID=""
  echo "$BUILD_KEY" >"$BUILD_STAMP"
fi
# the standalone server (npm start) that ships; the URL is printed once it answers
bash scripts/start.sh &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; bash scripts/stack.sh stop' EXIT
# Ctrl-C or a TERM ends the script through `exit`, so the EXIT trap above stops what it started
trap 'exit 130' INT TERM
wait_for_url "http://127.0.0.1:$POOLDECK_PORT/api/health/live" 60 "Pooldeck" \
  || die "Pooldeck did not answer /api/health/live within 60 s"
log "ready in $(elapsed_since "$DEMO_START") s"
log "Pooldeck is at http://127.0.0.1:$POOLDECK_PORT  (Prefect UI: http://127.0.0.1:$POOLDECK_PREFECT_PORT)"
log "$SIGN_IN"
wait "$SERVER_PID"
