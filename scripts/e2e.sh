#!/usr/bin/env bash
# End-to-end tests of dist/chromium in Debian's Chromium: tests/e2e/extension.test.mjs, and the safe
# mode under a strict page CSP: tests/e2e/fallback.test.mjs (its relay alone, without a browser: relay.test.mjs).
# HIRECHECK_WWW, HIRECHECK_EXPECTATIONS and HIRECHECK_DIST point them elsewhere (tests/e2e/harness.mjs).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f "$DIST/manifest.json" ] || die "no extension in dist/chromium: run 'make build' first"
cd "$E2E"
exec node --test --test-reporter=spec --test-timeout=300000 server.test.mjs relay.test.mjs extension.test.mjs fallback.test.mjs policy.test.mjs hostile.test.mjs
