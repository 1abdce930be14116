#!/usr/bin/env bash
# Prints the size of the built wasm and of the whole extension, raw and gzip -9.
# With --check it also holds them to the budgets of issue 7 and exits 1 when one is exceeded:
# the wasm at most 250 KB raw and 100 KB gzipped, the extension zipped (zip -9) at most 500 KB.
# KB here is 1000 bytes (the stricter reading).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WASM_MAX_RAW=$((250 * 1000))
WASM_MAX_GZ=$((100 * 1000))
ZIP_MAX=$((500 * 1000))

check=0
case "${1:-}" in
  "") ;;
  --check) check=1 ;;
  *) die "usage: scripts/size.sh [--check]" ;;
esac

[ -f "$WASM_OUT" ] || die "no $WASM_OUT: run 'make build' first"
glue="$DIST/wasm/hirecheck.js"

wasm_raw="$(size_raw "$WASM_OUT")"
wasm_gz="$(size_gz "$WASM_OUT")"
printf '%-34s %10s %10s\n' "size (bytes)" raw gzip
printf '%-34s %10s %10s\n' "wasm (hirecheck_bg.wasm)" "$wasm_raw" "$wasm_gz"
[ -f "$glue" ] && printf '%-34s %10s %10s\n' "wasm-bindgen glue (hirecheck.js)" "$(size_raw "$glue")" "$(size_gz "$glue")"
total_raw=0
total_gz=0
while IFS= read -r -d '' f; do
  total_raw=$((total_raw + $(size_raw "$f")))
  total_gz=$((total_gz + $(size_gz "$f")))
done < <(find "$DIST" -type f -print0)
printf '%-34s %10s %10s\n' "extension, all files" "$total_raw" "$total_gz"

[ "$check" -eq 1 ] || exit 0

# The zip a store upload would be: every file of dist/chromium, zip -9.
command -v zip > /dev/null || die "size budget: cannot check the extension zip: 'zip' is not installed"
zip_file="$(mktemp -d)/hirecheck-chromium.zip"
(cd "$DIST" && zip -9 -r -q -X "$zip_file" .)
zip_bytes="$(size_raw "$zip_file")"
rm -rf "$(dirname "$zip_file")"
printf '%-34s %10s\n' "extension zip (zip -9 -r)" "$zip_bytes"

over=()
[ "$wasm_raw" -le "$WASM_MAX_RAW" ] || over+=("wasm is $wasm_raw bytes raw, over the budget of $WASM_MAX_RAW by $((wasm_raw - WASM_MAX_RAW))")
[ "$wasm_gz" -le "$WASM_MAX_GZ" ] || over+=("wasm is $wasm_gz bytes gzipped, over the budget of $WASM_MAX_GZ by $((wasm_gz - WASM_MAX_GZ))")
[ "$zip_bytes" -le "$ZIP_MAX" ] || over+=("extension zip is $zip_bytes bytes, over the budget of $ZIP_MAX by $((zip_bytes - ZIP_MAX))")
if [ "${#over[@]}" -gt 0 ]; then
  printf 'size budget: FAILED: %s\n' "${over[@]}"
  exit 1
fi
printf 'size budget: ok (wasm %s/%s bytes raw, %s/%s gzipped; zip %s/%s)\n' \
  "$wasm_raw" "$WASM_MAX_RAW" "$wasm_gz" "$WASM_MAX_GZ" "$zip_bytes" "$ZIP_MAX"
