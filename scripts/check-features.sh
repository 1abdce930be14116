#!/usr/bin/env bash
# The one-site builds the extension ships (scripts/build-extension.sh builds one wasm module per site
# with `--no-default-features --features site-<id>`): each site's feature alone, and none, must compile
# natively (library and CLI) without a warning, so that a cfg left out shows here and not as a broken
# module; and the fuzz targets must compile with their committed lockfile. `cargo check` (no code
# generation): a few seconds each. Ends with "ℹ pass N" and "ℹ fail N" for scripts/test.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

features=$(sed -n 's/^\(site-[a-z]*\) = \[\]$/\1/p' "$ROOT/Cargo.toml")
[ -n "$features" ] || die "no site-* features in Cargo.toml"
pass=0
fail=0
for f in $features ""; do
  out="$(cargo check --locked --lib --bins --no-default-features ${f:+--features "$f"} --message-format short 2>&1)" && st=0 || st=$?
  # Warnings about our sources ("src/…: warning: …"), not cargo's own about the profiles.
  warnings="$(grep -E '^src/.*(warning|error)' <<<"$out" || true)"
  if [ "$st" -eq 0 ] && [ -z "$warnings" ]; then
    printf 'features: ok: --no-default-features %s\n' "${f:+--features $f}"
    pass=$((pass + 1))
  else
    printf 'features: FAILED: --no-default-features %s\n%s\n' "${f:+--features $f}" "${warnings:-$out}"
    fail=$((fail + 1))
  fi
done
# The fuzz targets (their own workspace, which `cargo test` never builds) against today's crate, with
# fuzz/Cargo.lock as committed: an API change or a new dependency shows here, not first in `make fuzz`.
out="$(cargo check --locked --manifest-path "$ROOT/fuzz/Cargo.toml" --bins --message-format short 2>&1)" && st=0 || st=$?
if [ "$st" -eq 0 ]; then
  printf 'features: ok: the fuzz targets (fuzz/, --locked)\n'
  pass=$((pass + 1))
else
  printf 'features: FAILED: the fuzz targets (fuzz/, --locked); after a dependency change, run make fuzz and commit fuzz/Cargo.lock\n%s\n' "$out"
  fail=$((fail + 1))
fi
printf 'ℹ pass %d\nℹ fail %d\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
