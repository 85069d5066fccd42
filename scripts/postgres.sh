#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the audit store's tests and for trying DATABASE_URL locally.
#   scripts/postgres.sh start|stop|status|url
# Data: $POOLDECK_DATA_DIR/postgres; port: POOLDECK_PG_PORT (5433, so a system PostgreSQL on 5432
# is left alone). Trust authentication, listening on 127.0.0.1 only. Debian's binaries live in
# /usr/lib/postgresql/<version>/bin (not on PATH); scripts/setup.sh installs them when missing.
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` system user
# (runuser) and its directory is chown'd to it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export POOLDECK_PG_PORT="${POOLDECK_PG_PORT:-5433}"
PGDIR="$POOLDECK_DATA_DIR/postgres"
DATA="$PGDIR/data"
LOGFILE="$PGDIR/postgres.log"
DB=pooldeck
URL="postgres://pooldeck@127.0.0.1:$POOLDECK_PG_PORT/$DB"

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$dir" && -x "$dir/initdb" ]] || die "PostgreSQL is not installed: run 'bash scripts/setup.sh' (it installs Debian's postgresql) or 'apt-get install postgresql'"
  echo "$dir"
}

# as_pg CMD...: runs CMD as the cluster's owner (postgres when we are root)
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() { [[ -f "$DATA/postmaster.pid" ]] && as_pg "$(pg_bin)/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

case "${1:-}" in
  start)
    BIN="$(pg_bin)"
    if running; then log "PostgreSQL already running on port $POOLDECK_PG_PORT"; echo "$URL"; exit 0; fi
    if port_in_use "$POOLDECK_PG_PORT"; then
      die "port $POOLDECK_PG_PORT is in use by another process; pick another with POOLDECK_PG_PORT=..."
    fi
    mkdir -p "$PGDIR"
    if [[ $(id -u) -eq 0 ]]; then
      id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' system user (Debian's postgresql package creates it)"
      chown postgres: "$PGDIR"
      # the postgres user must be able to reach the data dir through every parent directory
      as_pg test -x "$PGDIR" || die "the postgres user cannot reach $PGDIR (a parent directory is not searchable); set POOLDECK_DATA_DIR elsewhere"
    fi
    if [[ ! -f "$DATA/PG_VERSION" ]]; then
      log "creating a throwaway PostgreSQL cluster in $DATA"
      as_pg "$BIN/initdb" -D "$DATA" -U pooldeck --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
        || { cat "$PGDIR/initdb.log" >&2; die "initdb failed"; }
    fi
    # sockets in the data dir: /var/run/postgresql may not exist or belong to a system cluster
    as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOGFILE" -w -t 60 \
      -o "-p $POOLDECK_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='$DATA' -c fsync=off" \
      start >/dev/null || { tail -n 30 "$LOGFILE" >&2; die "PostgreSQL did not start; see $LOGFILE"; }
    if ! as_pg "$BIN/psql" -h 127.0.0.1 -p "$POOLDECK_PG_PORT" -U pooldeck -d postgres -tAc \
      "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
      as_pg "$BIN/createdb" -h 127.0.0.1 -p "$POOLDECK_PG_PORT" -U pooldeck "$DB"
    fi
    log "PostgreSQL ready: DATABASE_URL=$URL"
    echo "$URL"
    ;;
  stop)
    if running; then
      as_pg "$(pg_bin)/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
      log "PostgreSQL stopped"
    fi
    ;;
  status)
    if running; then echo "postgres: running ($URL)"; else echo "postgres: stopped"; fi
    ;;
  url) echo "$URL" ;;
  *) echo "usage: scripts/postgres.sh start|stop|status|url" >&2; exit 2 ;;
esac
