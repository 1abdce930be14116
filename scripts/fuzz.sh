#!/usr/bin/env bash
# `make fuzz`: runs each cargo-fuzz target in fuzz/ for FUZZ_SECONDS (default 60), one after the other
# (one process each: the machine has two shared cores), and prints executions and crashes per target.
# Exit status is non-zero when any target crashed, timed out or ran out of memory; the input is then in
# fuzz/artifacts/<target>/. Copy it to fuzz/regressions/<target>/ with the fix, so that
# `cargo test --test fuzz_seeds` (part of `make test`; for `parity`, `--test parser_parity`) keeps it
# fixed. Not part of `make test`.
#
#   FUZZ_SECONDS=300 make fuzz          longer runs
#   FUZZ_TARGETS="analyze" make fuzz    some targets only
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CARGO_FUZZ_VERSION=0.13.2
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
FUZZ_TARGETS="${FUZZ_TARGETS:-adapters analyze policy literals parity}"
FUZZ="$ROOT/fuzz"

if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  log "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

# cargo-fuzz passes -Z flags (sanitizer, coverage instrumentation) that only nightly rustc accepts. With
# no nightly toolchain, RUSTC_BOOTSTRAP=1 lets the stable compiler accept them: nothing is downloaded,
# and the fuzz build never ships. AddressSanitizer needs its runtime in the toolchain; without it the
# targets still find panics, overflows (debug assertions are on), timeouts and out-of-memory.
toolchain=()
sanitizer=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
else
  export RUSTC_BOOTSTRAP=1
  host="$(rustc -vV | sed -n 's/^host: //p')"
  if ! ls "$(rustc --print sysroot)/lib/rustlib/$host/lib/"librustc-*_rt.asan.a >/dev/null 2>&1; then
    sanitizer=(--sanitizer none)
  fi
fi

max_len() {
  case "$1" in
    policy) echo 8192 ;;
    literals) echo 65536 ;; # one script's data
    *) echo 262144 ;; # whole HTML pages
  esac
}

# The committed seeds a target starts from: parity reads the same inputs as adapters.
seeds() {
  case "$1" in
    parity) echo adapters ;;
    *) echo "$1" ;;
  esac
}

cd "$FUZZ"
log "building the fuzz targets (cargo ${toolchain[*]:-} fuzz, ${sanitizer[*]:-address sanitizer})"
cargo "${toolchain[@]}" fuzz build "${sanitizer[@]}" --debug-assertions

failed=0
summary=()
for target in $FUZZ_TARGETS; do
  # New inputs go to a scratch corpus (first directory); the committed seeds are only read.
  work="$FUZZ/target/corpus/$target"
  artifacts="$FUZZ/artifacts/$target"
  mkdir -p "$work" "$artifacts"
  before="$(find "$artifacts" -type f | wc -l)"
  log "==> $target for ${FUZZ_SECONDS}s"
  set +e
  cargo "${toolchain[@]}" fuzz run "${sanitizer[@]}" --debug-assertions "$target" "$work" "$FUZZ/corpus/$(seeds "$target")" -- \
    -max_total_time="$FUZZ_SECONDS" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 2>&1 | tee "$FUZZ/target/$target.log"
  status="${PIPESTATUS[0]}"
  set -e
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$FUZZ/target/$target.log" | tail -1)"
  found=$(($(find "$artifacts" -type f | wc -l) - before))
  if [ "$status" -ne 0 ] && [ "$found" -eq 0 ]; then found=1; fi
  [ "$found" -eq 0 ] || failed=1
  summary+=("$(printf '%-9s %9s executions in %ss, %s crashes' "$target" "${execs:-?}" "$FUZZ_SECONDS" "$found")")
done

printf '\n'
printf '%s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
  log "crash inputs are in fuzz/artifacts/<target>/; reproduce with: cd fuzz && cargo ${toolchain[*]:-} fuzz run <target> <file>"
  exit 1
fi
