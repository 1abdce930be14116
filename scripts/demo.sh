#!/usr/bin/env bash
# `make demo`: runs dist/chromium in Debian's Chromium on the demo pages (tests/e2e/demo.mjs).
# With $DISPLAY: a browser window, until you close it. Without: headless screenshots in dist/demo/.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f "$DIST/manifest.json" ] || die "no extension in dist/chromium: run 'make build' first"
rm -rf "$ROOT/dist/demo"
mkdir -p "$ROOT/dist/demo"
exec node "$E2E/demo.mjs"
