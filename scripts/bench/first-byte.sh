#!/usr/bin/env bash
# Time to the first byte of a page's HTML, signed in, measured with curl against a running app:
#   bash scripts/bench/first-byte.sh http://127.0.0.1:3000 /pools/demo-ecs [requests=20]
# Signs in through next-auth's credentials callback as POOLDECK_BENCH_USER / POOLDECK_BENCH_PASSWORD
# (default: the e2e test editor), sends 5 unmeasured requests, then prints every request's
# time_starttransfer, status and size, the median and the p95, and the load average.
set -euo pipefail
BASE="${1:?app URL, e.g. http://127.0.0.1:3000}"
PAGE="${2:?path, e.g. /pools/demo-ecs}"
N="${3:-20}"
USER_NAME="${POOLDECK_BENCH_USER:-e2e-editor}"
PASSWORD="${POOLDECK_BENCH_PASSWORD:-e2e-editor-password}"
JAR="$(mktemp)"
trap 'rm -f "$JAR"' EXIT

csrf="$(curl -fsS -c "$JAR" "$BASE/api/auth/csrf" | sed -E 's/.*"csrfToken":"([^"]+)".*/\1/')"
curl -fsS -b "$JAR" -c "$JAR" -o /dev/null \
  --data-urlencode "csrfToken=$csrf" --data-urlencode "username=$USER_NAME" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "json=true" \
  "$BASE/api/auth/callback/credentials"
grep -q "session-token" "$JAR" || { echo "sign-in as $USER_NAME failed" >&2; exit 1; }

fetch() { curl -sS -b "$JAR" -o /dev/null -w '%{time_starttransfer} %{http_code} %{size_download}\n' "$BASE$PAGE"; }
for _ in 1 2 3 4 5; do fetch >/dev/null; done
echo "GET $PAGE, $N requests, signed in as $USER_NAME; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
samples="$(for _ in $(seq "$N"); do fetch; done)"
echo "$samples" | awk '{ printf "  first byte %6.1f ms  status %s  %s bytes\n", $1 * 1000, $2, $3 }'
echo "$samples" | awk '{ print $1 * 1000 }' | sort -n | awk -v page="$PAGE" '
  { v[NR] = $1 }
  END {
    median = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    p95 = v[int(NR * 0.95 + 0.999)]
    printf "%s: first byte median %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms (%d requests)\n", page, median, p95, v[1], v[NR], NR
  }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
