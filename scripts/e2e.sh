#!/usr/bin/env bash
# End-to-end tests of dist/chromium in Debian's Chromium: tests/e2e/extension.test.mjs, the safe mode
# under a strict page CSP (fallback.test.mjs; its relay alone, without a browser: relay.test.mjs), one
# wasm module per site (modules.test.mjs), the
# managed policy (policy.test.mjs), the hostile pages (hostile.test.mjs), no stale toolbar verdict
# while a slow page loads (stale.test.mjs), the grey badge when the wasm traps (trap.test.mjs) and what
# the content scripts' loader starts in the load event (early.test.mjs); then, once every browser
# of those has closed, tests/e2e/network.test.mjs, which checks the record of every request they made
# (dist/e2e/requests.jsonl, emptied here first; HIRECHECK_REQUEST_LOG moves it).
# HIRECHECK_WWW, HIRECHECK_EXPECTATIONS and HIRECHECK_DIST point them elsewhere; HIRECHECK_CHROMIUM_LOG keeps
# Chromium's own log (tests/e2e/harness.mjs).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f "$DIST/manifest.json" ] || die "no extension in dist/chromium: run 'make build' first"
export HIRECHECK_REQUEST_LOG="${HIRECHECK_REQUEST_LOG:-$ROOT/dist/e2e/requests.jsonl}"
mkdir -p "$(dirname "$HIRECHECK_REQUEST_LOG")"
: > "$HIRECHECK_REQUEST_LOG"
cd "$E2E"
st=0
node --test --test-reporter=spec --test-timeout=300000 server.test.mjs relay.test.mjs extension.test.mjs fallback.test.mjs modules.test.mjs policy.test.mjs hostile.test.mjs stale.test.mjs trap.test.mjs early.test.mjs || st=$?
# A second run, so that it starts after every other file's browsers have closed; scripts/test.sh adds
# both runs' counts.
node --test --test-reporter=spec --test-timeout=300000 network.test.mjs || st=$?
exit "$st"
