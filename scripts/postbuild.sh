#!/usr/bin/env bash
# `npm run build`'s postbuild: Next writes the standalone server without the files it serves
# as-is; copy the client chunks (Monaco's workers among them) and public/ beside server.js so
# the production entry serves everything. Before that, list Monaco's chunks for the pool page to
# preload (scripts/build/monaco-chunks.ts) and write a brotli and a gzip copy of each static file
# (scripts/build/precompress.ts); after it, bundle the entry, <distDir>/standalone/pooldeck-server.mjs
# (server/main.ts: Next's server.js with the static files answered from those copies).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
DIST="${POOLDECK_DIST_DIR:-.next}"
OUT="$DIST/standalone"
[[ -f "$OUT/server.js" ]] || die "$OUT/server.js is missing: next.config.js must keep output: \"standalone\""
npx tsx scripts/build/monaco-chunks.ts "$DIST"
cp "$DIST/monaco-chunks.json" "$OUT/$DIST/monaco-chunks.json"
npx tsx scripts/build/precompress.ts "$DIST"
rm -rf "${OUT:?}/$DIST/static" "${OUT:?}/public"
cp -R "$DIST/static" "$OUT/$DIST/static"
if [[ -d public ]]; then cp -R public "$OUT/public"; fi
npx tsx scripts/build/server-entry.ts "$DIST"
