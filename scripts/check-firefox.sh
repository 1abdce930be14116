#!/usr/bin/env bash
# The Firefox build: tests/e2e/firefox.test.mjs (the manifest derivation, dist/firefox = dist/chromium
# + that manifest), then `web-ext lint` (Mozilla's addons-linter, the checks AMO runs on upload) on
# dist/firefox/ with warnings as errors, counted as one more test ("ℹ pass 1" / "ℹ fail 1") for
# scripts/test.sh. web-ext is pinned in tests/e2e/package-lock.json.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WEB_EXT="$E2E/node_modules/.bin/web-ext"
[ -x "$WEB_EXT" ] || die "web-ext missing from tests/e2e/node_modules (run scripts/ensure-tools.sh)"
[ -f "$ROOT/dist/firefox/manifest.json" ] || die "dist/firefox is not built (make firefox)"

st=0
(cd "$E2E" && node --test --test-reporter=spec --test-timeout=60000 firefox.test.mjs) || st=$?

# --no-config-discovery: only these flags count, not a web-ext-config file of the user's.
# NO_UPDATE_NOTIFIER: no check of the npm registry for a newer web-ext.
lint=0
NO_UPDATE_NOTIFIER=1 "$WEB_EXT" lint --source-dir "$ROOT/dist/firefox" --warnings-as-errors \
  --no-config-discovery --output text || lint=$?
if [ "$lint" -eq 0 ]; then
  printf 'web-ext lint: no errors, warnings or notices\nℹ pass 1\nℹ fail 0\n'
else
  printf 'web-ext lint: errors or warnings above (exit %d)\nℹ pass 0\nℹ fail 1\n' "$lint"
  st=$lint
fi
exit "$st"
