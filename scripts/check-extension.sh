#!/usr/bin/env bash
# Static checks of the built extension (no browser): tests/e2e/static.test.mjs.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$E2E"
exec node --test --test-reporter=spec --test-timeout=60000 static.test.mjs
