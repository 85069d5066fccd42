#!/usr/bin/env bash
# Time to the first byte of a page's HTML, signed in, measured with curl against running apps:
#   bash scripts/bench/first-byte.sh /pools/demo-ecs 20 http://127.0.0.1:3000 [http://127.0.0.1:3001 …]
# With several apps (e.g. two builds of the same code), requests alternate between them, so a
# shared machine's changing load falls on all alike. Signs in to each through next-auth's
# credentials callback as POOLDECK_BENCH_USER / POOLDECK_BENCH_PASSWORD (default: the e2e test
# editor), sends 5 unmeasured requests to each, then prints per app the median, p95, min and max
# of curl's time_starttransfer over N requests, the statuses seen, and the load average.
set -euo pipefail
PAGE="${1:?path, e.g. /pools/demo-ecs}"
N="${2:?requests per app, e.g. 20}"
shift 2
[ $# -gt 0 ] || { echo "give at least one app URL" >&2; exit 2; }
USER_NAME="${POOLDECK_BENCH_USER:-e2e-editor}"
PASSWORD="${POOLDECK_BENCH_PASSWORD:-e2e-editor-password}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

i=0
for base in "$@"; do
  jar="$WORK/jar$i"
  csrf="$(curl -fsS -c "$jar" "$base/api/auth/csrf" | sed -E 's/.*"csrfToken":"([^"]+)".*/\1/')"
  curl -fsS -b "$jar" -c "$jar" -o /dev/null \
    --data-urlencode "csrfToken=$csrf" --data-urlencode "username=$USER_NAME" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "json=true" \
    "$base/api/auth/callback/credentials"
  grep -q "session-token" "$jar" || { echo "sign-in as $USER_NAME at $base failed" >&2; exit 1; }
  i=$((i + 1))
done

fetch() { curl -sS -b "$WORK/jar$1" -o /dev/null -w '%{time_starttransfer} %{http_code}\n' "$2$PAGE"; }
for _ in 1 2 3 4 5; do
  i=0
  for base in "$@"; do fetch "$i" "$base" >/dev/null; i=$((i + 1)); done
done
echo "GET $PAGE, $N requests per app, alternating; signed in as $USER_NAME"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$N"); do
  i=0
  for base in "$@"; do fetch "$i" "$base" >>"$WORK/samples$i"; i=$((i + 1)); done
done
i=0
for base in "$@"; do
  statuses="$(cut -d' ' -f2 "$WORK/samples$i" | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')"
  awk '{ print $1 * 1000 }' "$WORK/samples$i" | sort -n | awk -v app="$base" -v st="$statuses" '
    { v[NR] = $1 }
    END {
      median = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      p95 = v[int(NR * 0.95 + 0.999)]
      printf "%s: first byte median %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms (status %s)\n", app, median, p95, v[1], v[NR], st
    }'
  i=$((i + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
