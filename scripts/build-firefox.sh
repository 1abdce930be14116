#!/usr/bin/env bash
# Builds the Firefox extension into dist/firefox/ from the Chromium build in dist/chromium/ (run
# scripts/build-extension.sh first; `make firefox` does): the same files, byte for byte, except the
# replacements in extension/overlays/firefox/ and no offscreen page, and a
# manifest derived from manifest.json by scripts/firefox-manifest.py (background scripts instead of
# a service worker, browser_specific_settings, no Chromium-only keys or permissions).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FIREFOX_DIST="$ROOT/dist/firefox"
[ -f "$DIST/manifest.json" ] || die "dist/chromium is not built: run scripts/build-extension.sh (make extension) first"
command -v python3 >/dev/null || die "python3 not found"

rm -rf "$FIREFOX_DIST"
mkdir -p "$FIREFOX_DIST"
cp -R "$DIST/." "$FIREFOX_DIST/"
# Firefox's own versions of a few files (the safe mode runs in the background page: no offscreen
# document), and without the Chromium-only offscreen page.
cp -R "$ROOT/extension/overlays/firefox/." "$FIREFOX_DIST/"
rm -f "$FIREFOX_DIST/offscreen.html" "$FIREFOX_DIST/offscreen.js"
# Derived from the repository's manifest.json, the one the Chromium build copied.
python3 "$ROOT/scripts/firefox-manifest.py" "$ROOT/manifest.json" "$ROOT/extension" >"$FIREFOX_DIST/manifest.json.new"
mv "$FIREFOX_DIST/manifest.json.new" "$FIREFOX_DIST/manifest.json"

log "build: dist/firefox ready ($(find "$FIREFOX_DIST" -type f | wc -l | tr -d ' ') files)"
