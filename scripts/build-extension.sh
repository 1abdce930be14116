#!/usr/bin/env bash
# Builds the Chromium extension into dist/chromium/:
#   cargo (wasm32, release) -> wasm-bindgen --target web -> wasm-opt -Oz -> + extension/* + manifest.json
# Assumes scripts/ensure-tools.sh has run (make does that first).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ -f "$ROOT/manifest.json" ] || die "manifest.json is missing at the top of the repository"
[ -d "$ROOT/extension" ] || die "extension/ is missing"

# Reproducible wasm: panic messages carry source paths, so the dependency sources under CARGO_HOME
# and this checkout are renamed to fixed prefixes; the bytes then do not depend on where the
# repository or the cargo cache sits. (A RUSTFLAGS of the caller's would replace these.)
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$CARGO_HOME=/cargo --remap-path-prefix=$ROOT=/hirecheck"
log "build: cargo build --release --locked --lib --target $WASM_TARGET"
cargo build --release --locked --lib --target "$WASM_TARGET"

rm -rf "$DIST"
mkdir -p "$DIST/wasm"

log "build: wasm-bindgen $(wasm_bindgen_version) --target web"
wasm-bindgen --target web --no-typescript --out-dir "$DIST/wasm" --out-name hirecheck "$WASM_IN"

# Enable exactly the features the input declares (its target_features section), so that wasm-opt
# neither rejects modern rustc output nor introduces anything the input did not already use.
features="$("$WASM_OPT" "$WASM_OUT" --print-features 2>/dev/null | tr '\n' ' ')"
bindgen_bytes="$(size_raw "$WASM_OUT")"
log "build: wasm-opt -Oz $features"
# --low-memory-unused: Rust's wasm32 layout puts the stack first (it grows down towards 0) and the data
# at 1 MiB, so the lowest KiB is never a valid address; wasm-opt folds more offsets knowing that.
# shellcheck disable=SC2086 # $features is a list of flags
"$WASM_OPT" -Oz $features --low-memory-unused --strip-debug --strip-producers "$WASM_OUT" -o "$WASM_OUT.opt"
mv "$WASM_OUT.opt" "$WASM_OUT"

# The extension shell. Its own files win over nothing: dist/ was emptied above.
cp -R "$ROOT/extension/." "$DIST/"
# extension/overlays/<browser>/ replaces files in other browsers' builds (scripts/build-firefox.sh).
rm -rf "$DIST/overlays"
cp "$ROOT/manifest.json" "$DIST/manifest.json"
# The rules', checks' and checklist's texts are not in the wasm: texts.js gets them from the one table
# the CLI embeds too (src/texts/texts.json; docs/architecture.md, "Texts"), in place of its empty TABLE.
texts_line='  const TABLE = {};'
[ "$(grep -cxF "$texts_line" "$ROOT/extension/texts.js")" = 1 ] || die "extension/texts.js lacks its line \"$texts_line\""
awk -v table="$ROOT/src/texts/texts.json" -v line="$texts_line" '
  $0 == line { printf "  const TABLE = "; while ((getline t < table) > 0) print t; print "  ;"; next }
  { print }' "$ROOT/extension/texts.js" >"$DIST/texts.js"
# content/main.js lists the content scripts in their order as imports (extension/content/main.js);
# the build joins them into that one module (each is a self-contained IIFE), because the browser
# fetches every imported module on its own: nine fetches after the page's load cost the badge
# 10-20 ms (docs/performance.md, "Browser"). A joined file leaves the package unless an extension page
# loads it too (settings.js: the options page); nothing else refers to them.
main="$ROOT/extension/content/main.js"
{
  printf '// Built by scripts/build-extension.sh from extension/content/main.js: the files it imports, in\n'
  printf '// its order, joined into one module (content/loader.js imports it after the page has loaded).\n'
  sed -n "s/^import '\(.*\)';\$/\1/p" "$main" | while IFS= read -r spec; do
    file="$(realpath -m --relative-to="$ROOT/extension" "$ROOT/extension/content/$spec")"
    [ -f "$ROOT/extension/$file" ] || die "extension/content/main.js imports $spec, which is not in extension/"
    printf '\n// ---- %s ----\n' "$file"
    cat "$DIST/$file" # as built (texts.js has its table)
  done
} >"$DIST/content/main.js"
grep -q '^// ---- content.js ----$' "$DIST/content/main.js" || die "the content-script bundle lacks content.js"
while IFS= read -r file; do
  grep -qF "src=\"$file\"" "$DIST"/*.html || rm "$DIST/$file"
done < <(sed -n 's|^// ---- \(.*\) ----$|\1|p' "$DIST/content/main.js")
cp "$ROOT/managed_schema.json" "$DIST/managed_schema.json"

log "build: dist/chromium ready ($(find "$DIST" -type f | wc -l | tr -d ' ') files; wasm-bindgen output was $bindgen_bytes bytes)"
bash "$ROOT/scripts/size.sh"
