#!/usr/bin/env bash
# Compiles better-sqlite3 when `npm ci --ignore-scripts` left it for later (scripts/setup.sh with
# POOLDECK_NATIVE_LATER=1), then clears the marker that says so.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
npm rebuild better-sqlite3 --loglevel=error >/dev/null
rm -f node_modules/.pooldeck-native-pending
