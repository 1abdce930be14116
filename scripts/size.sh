#!/usr/bin/env bash
# Prints the size of the built wasm and of the whole extension, raw and gzip -9.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ -f "$WASM_OUT" ] || die "no $WASM_OUT: run 'make build' first"
glue="$DIST/wasm/hirecheck.js"

printf '%-34s %10s %10s\n' "size (bytes)" raw gzip
printf '%-34s %10s %10s\n' "wasm (hirecheck_bg.wasm)" "$(size_raw "$WASM_OUT")" "$(size_gz "$WASM_OUT")"
[ -f "$glue" ] && printf '%-34s %10s %10s\n' "wasm-bindgen glue (hirecheck.js)" "$(size_raw "$glue")" "$(size_gz "$glue")"
total_raw=0
total_gz=0
while IFS= read -r -d '' f; do
  total_raw=$((total_raw + $(size_raw "$f")))
  total_gz=$((total_gz + $(size_gz "$f")))
done < <(find "$DIST" -type f -print0)
printf '%-34s %10s %10s\n' "extension, all files" "$total_raw" "$total_gz"
