#!/usr/bin/env bash
# The local stack: a Prefect server (SQLite under the data dir) and the moto ECS emulator.
#   scripts/stack.sh start|stop|status
# Ports: POOLDECK_PREFECT_PORT (4200), POOLDECK_MOTO_PORT (5000); data: POOLDECK_DATA_DIR (.data).
# `start` refuses to start over a port in use; `stop` stops only the processes `start` started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUN="$POOLDECK_DATA_DIR/run"
mkdir -p "$RUN"

pid_alive() { [[ -f "$RUN/$1.pid" ]] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

start_one() { # name port command...
  local name="$1" port="$2"; shift 2
  if pid_alive "$name"; then log "$name already running (pid $(cat "$RUN/$name.pid"))"; return 0; fi
  if port_in_use "$port"; then
    die "port $port is in use by another process, so $name cannot start. Stop that process or pick another port (POOLDECK_${name^^}_PORT=...)."
  fi
  setsid "$@" >"$RUN/$name.log" 2>&1 < /dev/null &
  echo $! >"$RUN/$name.pid"
}

stop_one() {
  local name="$1"
  if pid_alive "$name"; then
    local pid; pid="$(cat "$RUN/$name.pid")"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    log "$name stopped"
  fi
  rm -f "$RUN/$name.pid"
}

case "${1:-}" in
  start)
    bash "$ROOT/scripts/setup-python.sh"
    mkdir -p "$POOLDECK_DATA_DIR/prefect-home"
    start_one prefect "$POOLDECK_PREFECT_PORT" env \
      PREFECT_HOME="$POOLDECK_DATA_DIR/prefect-home" \
      PREFECT_API_DATABASE_CONNECTION_URL="sqlite+aiosqlite:///$POOLDECK_DATA_DIR/prefect.db" \
      PREFECT_SERVER_ANALYTICS_ENABLED=false \
      PREFECT_SERVER_API_HOST=127.0.0.1 \
      PREFECT_SERVER_API_PORT="$POOLDECK_PREFECT_PORT" \
      PREFECT_UI_API_URL="http://127.0.0.1:$POOLDECK_PREFECT_PORT/api" \
      PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED=false \
      PREFECT_SERVER_SERVICES_LATE_RUNS_ENABLED=false \
      "$VENV/bin/prefect" server start --host 127.0.0.1 --port "$POOLDECK_PREFECT_PORT" --analytics-off
    start_one moto "$POOLDECK_MOTO_PORT" "$VENV/bin/moto_server" -H 127.0.0.1 -p "$POOLDECK_MOTO_PORT"
    wait_for_url "http://127.0.0.1:$POOLDECK_MOTO_PORT/moto-api/" 60 "ECS emulator" \
      || die "the ECS emulator did not start; see $RUN/moto.log"
    # Prefect's start-up is CPU-bound: ~20 s idle, over 120 s on 2 busy cores (npm test builds and
    # lints beside it); POOLDECK_PREFECT_START_TIMEOUT overrides
    PREFECT_WAIT="${POOLDECK_PREFECT_START_TIMEOUT:-300}"
    wait_for_url "http://127.0.0.1:$POOLDECK_PREFECT_PORT/api/health" "$PREFECT_WAIT" "Prefect server" \
      || die "the Prefect server did not answer /api/health within $PREFECT_WAIT s; see $RUN/prefect.log"
    ;;
  stop)
    stop_one prefect
    stop_one moto
    ;;
  status)
    for name in prefect moto; do
      if pid_alive "$name"; then echo "$name: running (pid $(cat "$RUN/$name.pid"))"; else echo "$name: stopped"; fi
    done
    ;;
  *) echo "usage: scripts/stack.sh start|stop|status" >&2; exit 2 ;;
esac
