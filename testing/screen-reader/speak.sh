#!/bin/bash
# speak.sh DRIVER.mjs: runs the Orca screen reader headless against Chromium, lets DRIVER.mjs
# (`export default async function (page, sr)`) drive the page, and prints every utterance Orca
# speaks, one per line: `<ms since the driver started>  <text>` (marks the driver sets with
# sr.mark(label) as `<ms>  # <label>`). e2e/a11y/screen-reader.spec.ts runs it; by hand:
#   bash testing/screen-reader/speak.sh testing/screen-reader/drivers/template-checks.mjs
# (the driver reads its pool, URL and session from the JSON file named by SR_DRIVER_CONFIG).
#
# Everything runs in a private throw-away world: Xvfb, a D-Bus session bus (which D-Bus-activates
# the AT-SPI bus, its registry and dconf), Orca (no synthesizer: the utterances are the SPEECH
# OUTPUT lines of its debug log, copied by orca-customizations.py) and Chromium (CDP on
# 127.0.0.1:9333, renderer accessibility on). All of it is stopped at the end, also on failure or
# Ctrl-C: every process of a run carries SR_RUN_ID=<run> in its environment. Runs wait for each
# other (Orca allows one instance per user; the CDP port is fixed). scripts/setup.sh installs Orca,
# Xvfb and xdotool (Debian's packages).
#
# Keys: page.keyboard.press/type/down/up go through the X server (xdotool), as a person's keys
# would, so Orca echoes them and interrupts its speech at each one, as it does for a person.
# Playwright's own keyboard (SR_KEYBOARD=cdp) bypasses Orca's key handling. Mouse actions go
# through CDP either way.
#
# Environment knobs (all optional):
#   SR_DRIVER_CONFIG=FILE passed to the driver (a JSON file of its inputs)
#   SR_KEYBOARD=x11|cdp   x11 (default): keys through the X server; cdp: Playwright's own
#   SR_ORCA_SETTINGS=JSON Orca settings, e.g. '{"sayAllOnLoad":false}'
#   SR_SETTLE_MS=1500     keep listening this long after the driver returns
#   SR_TIMEOUT=180        seconds allowed for the driver
#   SR_INTERRUPTS=1       also print where Orca interrupts (stops) speech
#   SR_ALL=1              also print speech from before the driver started
#   SR_FORMAT=jsonl       raw JSON lines instead of text
#   SR_KEEP=1             keep the run dir (Orca's debug log, Chromium's log, ...)
#   SR_WINDOW=1280x1024   screen and window size
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CDP_PORT=9333
CHROMIUM_BIN=/usr/lib/chromium/chromium      # the real binary, not the /usr/bin wrapper
SIZE="${SR_WINDOW:-1280x1024}"

log() { printf '[speak.sh %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[ $# -eq 1 ] || { echo "usage: $0 /path/to/driver.mjs" >&2; exit 2; }
DRIVER="$(realpath "$1")" || exit 2
[ -f "$DRIVER" ] || die "no such driver: $1"
for b in orca Xvfb dbus-daemon xdotool gsettings node "$CHROMIUM_BIN"; do
  command -v "$b" >/dev/null || die "$b missing: run scripts/setup.sh (it installs Orca, Xvfb and xdotool)"
done

# One run at a time: Orca refuses to start if another orca of this user runs,
# and the CDP port is fixed.
exec 9>/tmp/sr-speak.lock
flock -w 600 9 || die "another speak.sh run holds /tmp/sr-speak.lock"
if pgrep -u "$(id -u)" -x orca >/dev/null; then
  die "an Orca process is already running for this user (pid $(pgrep -u "$(id -u)" -x orca | tr '\n' ' ')); Orca allows only one"
fi
if (exec 3<>/dev/tcp/127.0.0.1/$CDP_PORT) 2>/dev/null; then
  die "port $CDP_PORT is already in use"
fi

RUN="$(mktemp -d /tmp/sr-run.XXXXXX)"
RUN_ID="$(basename "$RUN")"

# Every process this run starts gets SR_RUN_ID=<run> in its environment (also
# inherited by D-Bus-activated helpers such as at-spi-bus-launcher,
# at-spi2-registryd, dconf-service, and by chromium's children); at the end
# exactly those processes are terminated.
run_pids() {
  local p
  for p in /proc/[0-9]*; do
    [ "${p#/proc/}" = "$$" ] && continue
    { tr '\0' '\n' < "$p/environ"; } 2>/dev/null | grep -qx "SR_RUN_ID=$RUN_ID" && echo "${p#/proc/}"
  done
}
PRINTED=0; DRIVER_STARTED=0
print_speech() {
  [ "$PRINTED" = 1 ] && return
  PRINTED=1
  python3 "$HERE/format.py" "$RUN/speech.jsonl" "$RUN/marks.jsonl"
}
cleanup() {
  local rc=$? i left
  trap - EXIT INT TERM HUP
  # interrupted or failed mid-run: still print what Orca said so far
  if [ "$DRIVER_STARTED" = 1 ] && [ "$PRINTED" = 0 ]; then
    log "aborted (rc=$rc); speech captured so far:"; print_speech
  fi
  [ -n "${ORCA_PID:-}" ] && kill -TERM "$ORCA_PID" 2>/dev/null
  [ -n "${CHROME_PID:-}" ] && kill -TERM "$CHROME_PID" 2>/dev/null
  for i in 1 2 3 4 5 6 7 8 9 10; do
    left="$(run_pids)"   # (by environment marker only, so a recycled pid is never hit)
    [ -z "$left" ] && break
    if [ "$i" -ge 2 ]; then kill -TERM $left 2>/dev/null; fi
    sleep 0.3
  done
  if [ -n "$left" ]; then kill -KILL $left 2>/dev/null; sleep 0.2; fi
  wait 2>/dev/null
  left="$(run_pids)"
  [ -n "$left" ] && log "WARNING: processes survived cleanup: $left"
  if [ "${SR_KEEP:-0}" = 1 ]; then log "kept run dir: $RUN"; else rm -rf "$RUN"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# ---- private environment ----------------------------------------------------
mkdir -p "$RUN"/{home,xdg-runtime,config,data,cache,orca,chrome}
chmod 700 "$RUN/xdg-runtime"
SENV=(env -i
  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  SR_RUN_ID="$RUN_ID" HOME="$RUN/home" USER="$(id -un)" LANG=C.UTF-8
  XDG_RUNTIME_DIR="$RUN/xdg-runtime" XDG_CONFIG_HOME="$RUN/config"
  XDG_DATA_HOME="$RUN/data" XDG_CACHE_HOME="$RUN/cache"
  XDG_SESSION_TYPE=x11 XDG_CURRENT_DESKTOP=GNOME
  ACCESSIBILITY_ENABLED=1 GTK_A11Y=atspi NO_AT_BRIDGE=0)

# ---- Xvfb -------------------------------------------------------------------
T_BEGIN=$(date +%s%N)
"${SENV[@]}" Xvfb -displayfd 3 -screen 0 "${SIZE}x24" -nolisten tcp -noreset \
  3>"$RUN/display" >"$RUN/xvfb.log" 2>&1 &
disown
for i in $(seq 50); do [ -s "$RUN/display" ] && break; sleep 0.1; done
[ -s "$RUN/display" ] || die "Xvfb did not start: $(cat "$RUN/xvfb.log")"
DISPLAY=":$(head -1 "$RUN/display")"
SENV+=(DISPLAY="$DISPLAY")

# ---- D-Bus session bus (AT-SPI bus and dconf get D-Bus-activated on it) ----------
BUS="unix:path=$RUN/xdg-runtime/bus"
"${SENV[@]}" dbus-daemon --session --nofork --nopidfile --address="$BUS" \
  >"$RUN/dbus.log" 2>&1 &
disown
for i in $(seq 50); do [ -S "$RUN/xdg-runtime/bus" ] && break; sleep 0.1; done
[ -S "$RUN/xdg-runtime/bus" ] || die "dbus-daemon did not start: $(cat "$RUN/dbus.log")"
SENV+=(DBUS_SESSION_BUS_ADDRESS="$BUS")

"${SENV[@]}" gsettings set org.gnome.desktop.interface toolkit-accessibility true \
  || die "gsettings failed"
# make sure the AT-SPI bus is up before anyone needs it
"${SENV[@]}" dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
  org.a11y.Bus.GetAddress >"$RUN/a11y-bus.txt" 2>&1 || die "AT-SPI bus: $(cat "$RUN/a11y-bus.txt")"

# ---- Orca --------------------------------------------------------------------
cp "$HERE/orca-customizations.py" "$RUN/orca/orca-customizations.py"
: >"$RUN/speech.jsonl"; : >"$RUN/marks.jsonl"
"${SENV[@]}" SR_SPEECH_LOG="$RUN/speech.jsonl" SR_ORCA_SETTINGS="${SR_ORCA_SETTINGS:-}" \
  orca -u "$RUN/orca" --debug-file="$RUN/orca-debug.log" >"$RUN/orca.out" 2>&1 &
ORCA_PID=$!; disown
orca_up() { [ -s "$RUN/speech.jsonl" ] || grep -q "ORCA: ATSPI registry initialized" "$RUN/orca-debug.log" 2>/dev/null; }
for i in $(seq 200); do
  orca_up && break
  kill -0 "$ORCA_PID" 2>/dev/null || die "Orca exited: $(cat "$RUN/orca.out")"
  sleep 0.1
done
orca_up || die "Orca did not come up within 20 s (rerun with SR_KEEP=1 and read orca-debug.log)"

# ---- Chromium ----------------------------------------------------------------
# Start on a (blank) web page, not about:blank: with about:blank Chromium puts
# keyboard focus in the address bar and it stays there across page.goto(),
# so the driver's first Tab would land in the browser toolbar.
START_URL='data:text/html,<!doctype html><title>speak.sh</title><body></body>'
"${SENV[@]}" "$CHROMIUM_BIN" --no-sandbox --user-data-dir="$RUN/chrome" \
  --remote-debugging-address=127.0.0.1 --remote-debugging-port=$CDP_PORT \
  --force-renderer-accessibility --no-first-run --no-default-browser-check \
  --disable-gpu --disable-dev-shm-usage --password-store=basic \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-features=Translate,MediaRouter,OptimizationHints \
  --window-position=0,0 --window-size="${SIZE/x/,}" "$START_URL" \
  >"$RUN/chromium.log" 2>&1 &
CHROME_PID=$!; disown
for i in $(seq 200); do
  curl -sf "http://127.0.0.1:$CDP_PORT/json/version" >/dev/null 2>&1 && break
  kill -0 "$CHROME_PID" 2>/dev/null || die "Chromium exited: $(tail -5 "$RUN/chromium.log")"
  sleep 0.1
done
# wait until Orca has picked Chromium up as the active application
for i in $(seq 150); do
  grep -q "Setting active script: Chromium" "$RUN/orca-debug.log" && break
  sleep 0.1
done
grep -q "Setting active script: Chromium" "$RUN/orca-debug.log" \
  || log "WARNING: Orca has not (yet) activated its Chromium script"
# keyboard input must reach the Chromium window (there is no window manager)
if ! "${SENV[@]}" xdotool getwindowfocus getwindowname 2>/dev/null | grep -q Chromium; then
  W="$("${SENV[@]}" xdotool search --onlyvisible --class chromium 2>/dev/null | tail -1)"
  [ -n "$W" ] && "${SENV[@]}" xdotool windowfocus --sync "$W" 2>/dev/null
fi
sleep 0.5
T_READY=$(date +%s%N)
log "environment ready in $(( (T_READY - T_BEGIN) / 1000000 )) ms (display $DISPLAY); running $DRIVER"

# ---- the driver -------------------------------------------------------------
# (run in the background + wait, so that Ctrl-C / SIGTERM reach our trap at once)
DRIVER_STARTED=1
"${SENV[@]}" SR_MARKS_LOG="$RUN/marks.jsonl" SR_CDP="http://127.0.0.1:$CDP_PORT" \
  SR_KEYBOARD="${SR_KEYBOARD:-x11}" SR_DRIVER_CONFIG="${SR_DRIVER_CONFIG:-}" \
  timeout "${SR_TIMEOUT:-180}" node "$HERE/run-driver.mjs" "$DRIVER" </dev/null >&2 &
NODE_PID=$!
wait $NODE_PID
DRIVER_RC=$?
[ $DRIVER_RC -eq 124 ] && log "driver timed out after ${SR_TIMEOUT:-180}s"
sleep "$(awk "BEGIN{print ${SR_SETTLE_MS:-1500}/1000}")"

print_speech
log "run took $(( ($(date +%s%N) - T_BEGIN) / 1000000 )) ms before teardown (driver rc=$DRIVER_RC)"
exit $DRIVER_RC
