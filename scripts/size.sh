#!/usr/bin/env bash
# Prints the size of each built wasm module (one per site or group of sites: scripts/build-extension.sh)
# and of the whole extension, raw and gzip -9. A page loads one module, so the budgets hold the largest.
# With --breakdown it also prints where the largest module's code goes, by Rust module
# (tools/wasm-breakdown.py on a copy built and optimized like the shipped one but keeping its function
# names); --breakdown FEATURES does so for a module of those Cargo features instead ("none": the core
# without any site adapter).
# With --check it also holds them to budgets and exits 1 when one is exceeded:
#   - issue 7's targets: the wasm at most 250 KB raw and 100 KB gzipped, the extension zipped at most
#     500 KB (KB = 1000 bytes, the stricter reading). The wasm does not meet its targets yet
#     (docs/performance.md says why and what would close the gap): they are reported against the
#     largest module, and a ceiling a little above its size keeps it from growing unnoticed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WASM_TARGET_RAW=$((250 * 1000))
WASM_TARGET_GZ=$((100 * 1000))
# Just above the largest module: the one module of today's build (413 KB / 186 KB, 2026-11-27, eighth
# session: the standard library compiled for it with panics as immediate aborts, scripts/lib.sh
# wasm_build; our own case mapping; packed tables; loops instead of iterator chains; field tables in
# the adapters; talc as the allocator; the report's sentences as data; small own string helpers in
# place of core's per-pattern searchers; tables checked as UTF-8 at compile time: docs/performance.md
# "Wasm size").
# The build-std flags alone are worth about 34 KB / 13 KB: a build without them fails here.
WASM_CEILING_RAW=$((418 * 1000))
WASM_CEILING_GZ=$((189 * 1000))
ZIP_MAX=$((500 * 1000))

check=0
breakdown=0
case "${1:-}" in
  "") ;;
  --check) check=1 ;;
  --breakdown) breakdown=1 ;;
  *) die "usage: scripts/size.sh [--check | --breakdown [FEATURES | none]]" ;;
esac

glue="$DIST/wasm/hirecheck.js"
modules=("$DIST"/wasm/*.wasm)
[ -f "${modules[0]}" ] || die "no wasm module in $DIST/wasm: run 'make build' first"

printf '%-34s %10s %10s\n' "size (bytes)" raw gzip
largest=""
wasm_raw=0
for m in "${modules[@]}"; do
  raw="$(size_raw "$m")"
  printf '%-34s %10s %10s\n' "wasm module ${m##*/}" "$raw" "$(size_gz "$m")"
  if [ "$raw" -gt "$wasm_raw" ]; then
    wasm_raw="$raw"
    largest="$m"
  fi
done
wasm_gz="$(size_gz "$largest")"
largest_name="$(basename "$largest" .wasm)"
[ -f "$glue" ] && printf '%-34s %10s %10s\n' "wasm-bindgen glue (hirecheck.js)" "$(size_raw "$glue")" "$(size_gz "$glue")"
total_raw=0
total_gz=0
while IFS= read -r -d '' f; do
  total_raw=$((total_raw + $(size_raw "$f")))
  total_gz=$((total_gz + $(size_gz "$f")))
done < <(find "$DIST" -type f -print0)
printf '%-34s %10s %10s\n' "extension, all files" "$total_raw" "$total_gz"

if [ "$breakdown" -eq 1 ]; then
  if [ -n "${2:-}" ]; then
    features="$2"
    printf '\nbreakdown of a module with features %s:\n' "$features"
    [ "$features" != none ] || features=""
  else
    # The largest module's features, from the build's table.
    features="$(sed -n "s/^  \"$largest_name  *\([^ ]*\) .*/\1/p" "$ROOT/scripts/build-extension.sh")"
    [ -n "$features" ] || die "module $largest_name is not in scripts/build-extension.sh's MODULES"
    printf '\nbreakdown of the largest module, %s (features %s):\n' "${largest##*/}" "$features"
  fi
  # The same build as the extension's (scripts/build-extension.sh), cached when unchanged.
  wasm_build_check
  wasm_build "$features" 2>/dev/null || die "the wasm build with features '$features' failed: run scripts/build-extension.sh"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$tmp" --out-name named "$WASM_IN"
  wasm_optimize "$tmp/named_bg.wasm" "$tmp/named.wasm" --keep-names
  # And as the build ships it, without the names: its size beside the figures above. The same output
  # name as the build's, which wasm-bindgen writes into every import of the module.
  wasm-bindgen --target web --no-typescript --out-dir "$tmp/shipped" --out-name hirecheck "$WASM_IN"
  wasm_optimize "$tmp/shipped/hirecheck_bg.wasm" "$tmp/shipped.wasm"
  printf 'as shipped (no names): %s bytes raw, %s gzip -9\n' "$(size_raw "$tmp/shipped.wasm")" "$(size_gz "$tmp/shipped.wasm")"
  python3 "$ROOT/tools/wasm-breakdown.py" "$tmp/named.wasm" --top 40
  exit 0
fi

[ "$check" -eq 1 ] || exit 0

# The zip a store upload would be: every file of dist/chromium, deflate level 9 (python3's zipfile,
# as scripts/package.py uses; `zip` is not on every machine).
zip_bytes="$(python3 - "$DIST" <<'PY'
import io, os, sys, zipfile
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for base, _, files in sorted(os.walk(sys.argv[1])):
        for f in sorted(files):
            p = os.path.join(base, f)
            z.write(p, os.path.relpath(p, sys.argv[1]))
print(len(buf.getvalue()))
PY
)"
printf '%-34s %10s\n' "extension zip (zip -9 -r)" "$zip_bytes"

for t in "raw $wasm_raw $WASM_TARGET_RAW" "gzipped $wasm_gz $WASM_TARGET_GZ"; do
  read -r what bytes target <<<"$t"
  if [ "$bytes" -le "$target" ]; then
    printf 'size target (issue 7): largest wasm module (%s) %s %s bytes, within %s\n' "$largest_name" "$what" "$bytes" "$target"
  else
    printf 'size target (issue 7): NOT MET: largest wasm module (%s) %s %s bytes, %s over %s\n' "$largest_name" "$what" "$bytes" "$((bytes - target))" "$target"
  fi
done

over=()
[ "$wasm_raw" -le "$WASM_CEILING_RAW" ] || over+=("wasm module $largest_name is $wasm_raw bytes raw, over the ceiling of $WASM_CEILING_RAW by $((wasm_raw - WASM_CEILING_RAW))")
[ "$wasm_gz" -le "$WASM_CEILING_GZ" ] || over+=("wasm module $largest_name is $wasm_gz bytes gzipped, over the ceiling of $WASM_CEILING_GZ by $((wasm_gz - WASM_CEILING_GZ))")
[ "$zip_bytes" -le "$ZIP_MAX" ] || over+=("extension zip is $zip_bytes bytes, over the budget of $ZIP_MAX by $((zip_bytes - ZIP_MAX))")
if [ "${#over[@]}" -gt 0 ]; then
  printf 'size budget: FAILED: %s\n' "${over[@]}"
  exit 1
fi
printf 'size budget: ok (largest wasm module %s/%s bytes raw, %s/%s gzipped; zip %s/%s)\n' \
  "$wasm_raw" "$WASM_CEILING_RAW" "$wasm_gz" "$WASM_CEILING_GZ" "$zip_bytes" "$ZIP_MAX"
