# Shared settings for the project's shell scripts. Source it; do not run it.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export POOLDECK_DATA_DIR="${POOLDECK_DATA_DIR:-$ROOT/.data}"
export POOLDECK_PREFECT_PORT="${POOLDECK_PREFECT_PORT:-4200}"
export POOLDECK_MOTO_PORT="${POOLDECK_MOTO_PORT:-5000}"
export POOLDECK_PORT="${POOLDECK_PORT:-3000}"
# POOLDECK_VENV: where setup-python.sh and stack.sh find the Python environment (default .venv;
# the tests always use .venv): lets an install be timed in a scratch folder
VENV="${POOLDECK_VENV:-$ROOT/.venv}"

log() { printf '\033[1m[pooldeck]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[pooldeck] %s\033[0m\n' "$*" >&2; exit 1; }

# seconds since EPOCHREALTIME value $1, with one decimal
elapsed_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# timed NAME CMD...: runs CMD, logging NAME before and NAME's elapsed time after (progress of a
# long step); returns CMD's status
timed() {
  local name="$1" start="$EPOCHREALTIME" status=0
  shift
  log "$name …"
  "$@" || status=$?
  if ((status == 0)); then log "$name: done in $(elapsed_since "$start") s"; fi
  return "$status"
}

# sha256 of the files given, as one hex string (stamp keys: an install is skipped while its inputs match)
files_sha256() { cat "$@" | sha256sum | cut -d" " -f1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for_url URL SECONDS NAME
wait_for_url() {
  local url="$1" deadline=$((SECONDS + $2)) name="$3"
  until curl -fs -o /dev/null --max-time 2 "$url"; do
    if ((SECONDS >= deadline)); then return 1; fi
    sleep 0.5
  done
  log "$name ready at $url"
}
