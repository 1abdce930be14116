#!/usr/bin/env bash
# `make test`: every test. Installs what is missing, then runs, in order and each even if an earlier
# one failed: the native tests (cargo test), the extension build, its size budget, the static checks
# of the built extension, the end-to-end tests in Chromium, the Firefox build with `web-ext lint`,
# and the reproducibility check of the store archives. Ends with one "N passed, N failed" line and a
# non-zero exit status if anything failed or could not run.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

LOGS="$ROOT/dist/test-logs"
mkdir -p "$LOGS"
SECONDS=0
passed=0
failed=0
broken=()   # steps that failed without a test count to show for it

section() { printf '\n==> %s (at %dm%02ds)\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }

# Runs "$@" with its output shown and kept in $LOGS/$name.log; returns its exit status.
run_logged() {
  local name="$1"
  shift
  local st
  set +e
  "$@" 2>&1 | tee "$LOGS/$name.log"
  st="${PIPESTATUS[0]}"
  set -e
  return "$st"
}

# Adds the counts of `cargo test` ("test result: ok. 12 passed; 0 failed; ...") from a log.
count_cargo() {
  local p f
  p="$(sed -n 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1/p' "$1" | awk '{s+=$1} END {print s+0}')"
  f="$(sed -n 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\2/p' "$1" | awk '{s+=$1} END {print s+0}')"
  echo "$p $f"
}

# Adds the counts of node's test runner (spec reporter: "ℹ pass 9", "ℹ fail 0", "ℹ cancelled 0")
# from a log; a cancelled test (its set-up failed) counts as failed.
count_node() {
  local p f
  p="$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$1" | awk '{s+=$1} END {print s+0}')"
  f="$(sed -n 's/^ℹ \(fail\|cancelled\) \([0-9]*\)$/\2/p' "$1" | awk '{s+=$1} END {print s+0}')"
  echo "$p $f"
}

# The size budget (scripts/size.sh --check) is one check: "size budget: ok" counts as passed, anything
# else (over budget, or the check could not run) as failed.
count_size() {
  if grep -q '^size budget: ok' "$1"; then echo "1 0"; else echo "0 1"; fi
}

# step NAME COUNTER COMMAND...: runs a test step and adds its counts.
step() {
  local name="$1" counter="$2"
  shift 2
  local st=0
  run_logged "$name" "$@" || st=$?
  local p f
  read -r p f < <("$counter" "$LOGS/$name.log")
  passed=$((passed + p))
  failed=$((failed + f))
  summary+=("$(printf '%-8s %4d passed, %d failed%s' "$name:" "$p" "$f" "$([ "$st" -ne 0 ] && echo " (exit $st)")")")
  if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then broken+=("$name (exit $st)"); fi
  return 0
}
summary=()

section "tools"
if ! bash "$ROOT/scripts/ensure-tools.sh"; then
  printf 'tools: set-up failed, nothing was tested\ntotal: 0 passed, 1 failed\n'
  exit 1
fi

section "native tests: cargo test --locked --no-fail-fast"
step native count_cargo cargo test --locked --no-fail-fast

section "one-site builds: scripts/check-features.sh"
step features count_node bash "$ROOT/scripts/check-features.sh"

section "build the extension"
built=1
run_logged build bash "$ROOT/scripts/build-extension.sh" || { built=0; broken+=("build"); }
if [ "$built" -eq 1 ]; then
  section "build the Firefox extension (dist/firefox)"
  run_logged build-firefox bash "$ROOT/scripts/build-firefox.sh" || broken+=("build-firefox")
fi

if [ "$built" -eq 1 ]; then
  section "size budget: scripts/size.sh --check"
  step size count_size bash "$ROOT/scripts/size.sh" --check
  section "static checks of dist/chromium"
  step static count_node bash "$ROOT/scripts/check-extension.sh"
  section "end-to-end tests in Chromium"
  step e2e count_node bash "$ROOT/scripts/e2e.sh"
  section "Firefox: tests of the derived manifest, web-ext lint of dist/firefox"
  step firefox count_node bash "$ROOT/scripts/check-firefox.sh"
  section "reproducible packages: make package twice, the second time from a copy at another path"
  step repro count_node bash "$ROOT/scripts/check-reproducible.sh"
else
  summary+=("static/e2e/firefox/repro: not run: the extension did not build")
fi

section "summary (logs in dist/test-logs/)"
printf '%s\n' "${summary[@]}"
if [ "${#broken[@]}" -gt 0 ]; then
  printf 'failed to run: %s\n' "${broken[*]}"
  failed=$((failed + ${#broken[@]}))
fi
printf 'total: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
