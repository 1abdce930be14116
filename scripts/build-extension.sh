#!/usr/bin/env bash
# Builds the Chromium extension into dist/chromium/:
#   per wasm module (MODULES, below): cargo (wasm32, profile wasm, its site features, the standard library
#   compiled with it: wasm_build in scripts/lib.sh) -> wasm-bindgen --target web -> wasm-opt -Oz;
#   then + extension/* + manifest.json
# Assumes scripts/ensure-tools.sh has run (make does that first).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ -f "$ROOT/manifest.json" ] || die "manifest.json is missing at the top of the repository"
[ -d "$ROOT/extension" ] || die "extension/ is missing"

# The wasm modules (docs/architecture.md, "One wasm module per site"): a page loads only the module
# that has its own site's adapter. Each line: the module's name (dist/chromium/wasm/<name>.wasm), the
# Cargo features it is built with, and the hosts it serves (its adapters' `hosts()`, without "www.").
# Safe mode and the options page pick the module from wasm/sites.js, the content scripts' loader from
# its MODULE_BY_HOST, both of which this build writes from the same table; manifest.json's web_accessible_resources list each module for
# exactly its hosts (checked below).
#
# One module for now: every module carries the whole core, and the store zip holds them all. Split as
# below, the zip is 1.06 MB, over its 500 KB budget (docs/performance.md, "Wasm size"); it fits once a
# module is about 100 KB gzip. The split, tested (tests/e2e/modules.test.mjs), with Guru, PeoplePerHour
# and Toptal in one module (small adapters over the generic reader: apart, each would add a ~230 KB
# gzip module to the package for 12-28 KB less per page):
#   "upwork     site-upwork                                upwork.com"
#   "freelancer site-freelancer                            freelancer.com"
#   "fiverr     site-fiverr                                fiverr.com"
#   "thin       site-guru,site-peopleperhour,site-toptal    guru.com,peopleperhour.com,toptal.com"
MODULES=(
  "all site-upwork,site-freelancer,site-fiverr,site-guru,site-peopleperhour,site-toptal upwork.com,freelancer.com,fiverr.com,guru.com,peopleperhour.com,toptal.com"
)

rm -rf "$DIST"
mkdir -p "$DIST/wasm"
work="$(mktemp -d "${TMPDIR:-/tmp}/hirecheck-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT

wasm_build_check
log "build: wasm-bindgen $(wasm_bindgen_version) --target web, wasm-opt -Oz; ${#MODULES[@]} module(s)"
optimize() {
  local name="$1" in="$2"
  wasm-bindgen --target web --no-typescript --out-dir "$work/$name" --out-name hirecheck "$in"
  # The content scripts' glue: the same glue as a classic script, so that content/loader.js (a classic
  # script at document_start) can start the wasm's compilation in the page's load event, while the
  # rest of the content scripts are still being imported (docs/architecture.md, "The content scripts'
  # loader"). It defines one name, __hirecheckGlue, in the content scripts' isolated world.
  wasm-bindgen --target no-modules --no-modules-global __hirecheckGlue --no-typescript \
    --out-dir "$work/$name/classic" --out-name hirecheck "$in"
  cmp -s "$work/$name/hirecheck_bg.wasm" "$work/$name/classic/hirecheck_bg.wasm" ||
    die "wasm-bindgen made another wasm for its classic glue than for its module glue (module $name)"
  wasm_optimize "$work/$name/hirecheck_bg.wasm" "$DIST/wasm/$name.wasm"
}
# Each module's wasm-bindgen and wasm-opt run while cargo builds the next one (cargo's last step, the
# LTO link, uses one core).
pids=()
for entry in "${MODULES[@]}"; do
  read -r name features _ <<<"$entry"
  log "build: cargo build --profile wasm --locked --lib --target $WASM_TARGET ${WASM_BUILD_STD[*]} --no-default-features --features $features (RUSTFLAGS $WASM_PANIC_FLAGS)"
  wasm_build "$features" ||
    die "the wasm build of module $name failed (see above). If cargo refused -Zbuild-std or -Zbuild-std-features, this toolchain has changed them: update WASM_BUILD_STD in scripts/lib.sh (docs/build.md, \"The wasm build\")"
  cp "$WASM_IN" "$work/$name.wasm"
  optimize "$name" "$work/$name.wasm" &
  pids+=("$!")
done
for pid in "${pids[@]}"; do wait "$pid" || die "wasm-bindgen or wasm-opt failed (see above)"; done

# One glue for all: wasm-bindgen writes the same JavaScript for every module (the exports are the same;
# only the adapters inside differ). Checked, as a module with other glue would fail in odd ways.
read -r first _ <<<"${MODULES[0]}"
for entry in "${MODULES[@]}"; do
  read -r name _ <<<"$entry"
  for glue in hirecheck.js classic/hirecheck.js; do
    cmp -s "$work/$first/$glue" "$work/$name/$glue" ||
      die "wasm-bindgen wrote other glue ($glue) for module $name than for $first: one glue cannot load both"
  done
done
cp "$work/$first/hirecheck.js" "$DIST/wasm/hirecheck.js"
cp "$work/$first/classic/hirecheck.js" "$DIST/wasm/hirecheck-content.js"

# wasm/sites.js: the table above, for the scripts that load a module. The smallest module also serves
# the options page, whose validate_settings needs no adapter (a module without any would add ~190 KB
# to the package for a page that is rarely opened).
smallest=""
for entry in "${MODULES[@]}"; do
  read -r name _ <<<"$entry"
  if [ -z "$smallest" ] || [ "$(size_raw "$DIST/wasm/$name.wasm")" -lt "$(size_raw "$DIST/wasm/$smallest.wasm")" ]; then
    smallest="$name"
  fi
done
{
  printf '// Built by scripts/build-extension.sh from its MODULES table: which wasm module (wasm/<name>.wasm)\n'
  printf '// reads which site. The extension pages import it (fallback/checker.js, options.js); content/loader.js\n'
  printf '// has the same table as its MODULE_BY_HOST.\n'
  printf 'export const MODULE_BY_HOST = Object.freeze({\n'
  for entry in "${MODULES[@]}"; do
    read -r name _ hosts <<<"$entry"
    for host in ${hosts//,/ }; do printf "  '%s': '%s',\n" "$host" "$name"; done
  done
  printf '});\n'
  printf '// The smallest module: for pages that need no site adapter (the options page).\n'
  printf "export const SMALLEST = '%s';\n" "$smallest"
  printf '// The glue under its own URL for each module: safe mode keeps one instance of each, and the glue\n'
  printf '// holds its instance in module state. Literal specifiers (web-ext lint refuses computed imports).\n'
  printf 'export const GLUE_PER_MODULE = Object.freeze({\n'
  for entry in "${MODULES[@]}"; do
    read -r name _ <<<"$entry"
    printf "  '%s': () => import('./hirecheck.js?%s'),\n" "$name" "$name"
  done
  printf '});\n'
  cat <<'JS'

/** The module that reads pages of `hostname` ("www.upwork.com"), or null for a host of no site. */
export function moduleForHost(hostname) {
  const host = String(hostname).toLowerCase().replace(/^www\./, '');
  for (const [h, name] of Object.entries(MODULE_BY_HOST)) {
    if (host === h || host.endsWith(`.${h}`)) return name;
  }
  return null;
}

/** The module that reads the page at `url`, or null. */
export function moduleForUrl(url) {
  try {
    return moduleForHost(new URL(url).hostname);
  } catch (_) {
    return null;
  }
}
JS
} >"$DIST/wasm/sites.js"

# Every host the content script runs on has a module, and the manifest makes each module
# web-accessible exactly on its own hosts.
python3 - "$ROOT/manifest.json" "${MODULES[@]}" <<'PY' || die "manifest.json does not match the MODULES table (above)"
import json, sys
m = json.load(open(sys.argv[1]))
table = {}
for entry in sys.argv[2:]:
    name, _, hosts = entry.split()
    table[name] = {f"https://www.{h}/*" for h in hosts.split(",")}
ok = True
hosts = {p.split("/")[2] for cs in m["content_scripts"] for p in cs["matches"]}
served = {h.split("/")[2] for pats in table.values() for h in pats}
for h in sorted(hosts - served):
    print(f"no wasm module serves {h}", file=sys.stderr); ok = False
war = {}
for w in m.get("web_accessible_resources", []):
    for r in w["resources"]:
        war.setdefault(r, set()).update(w["matches"])
for name, pats in table.items():
    if war.get(f"wasm/{name}.wasm") != pats:
        print(f"web_accessible_resources: wasm/{name}.wasm must be listed for exactly {sorted(pats)}, is {sorted(war.get(f'wasm/{name}.wasm', []))}", file=sys.stderr); ok = False
for r in war:
    if r.endswith(".wasm") and r[5:-5] not in table:
        print(f"web_accessible_resources lists {r}, which the build does not make", file=sys.stderr); ok = False
sys.exit(0 if ok else 1)
PY

# The extension shell. Its own files win over nothing: dist/ was emptied above.
cp -R "$ROOT/extension/." "$DIST/"
# extension/overlays/<browser>/ replaces files in other browsers' builds (scripts/build-firefox.sh).
rm -rf "$DIST/overlays"
cp "$ROOT/manifest.json" "$DIST/manifest.json"
# The rules', checks' and checklist's texts are not in the wasm: texts.js gets them from the one table
# the CLI embeds too (src/texts/texts.json; docs/architecture.md, "Texts"), in place of its empty TABLE.
# So are the sentences of the evidence and the summary (src/texts/sentences.json), in place of its empty
# SENTENCES.
texts_line='  const TABLE = {};'
sentences_line='  const SENTENCES = {};'
for l in "$texts_line" "$sentences_line"; do
  [ "$(grep -cxF "$l" "$ROOT/extension/texts.js")" = 1 ] || die "extension/texts.js lacks its line \"$l\""
done
awk -v table="$ROOT/src/texts/texts.json" -v line="$texts_line" \
  -v sentences="$ROOT/src/texts/sentences.json" -v sline="$sentences_line" '
  $0 == line { printf "  const TABLE = "; while ((getline t < table) > 0) print t; print "  ;"; next }
  $0 == sline { printf "  const SENTENCES = "; while ((getline t < sentences) > 0) print t; print "  ;"; next }
  { print }' "$ROOT/extension/texts.js" >"$DIST/texts.js"
# content/loader.js starts this site's wasm module: the MODULES table as host -> module, in place of its
# empty MODULE_BY_HOST (the same table as wasm/sites.js, which a classic script cannot import).
hosts_line='  const MODULE_BY_HOST = {};'
[ "$(grep -cxF "$hosts_line" "$ROOT/extension/content/loader.js")" = 1 ] ||
  die "extension/content/loader.js lacks its line \"$hosts_line\""
hosts_json="$(for entry in "${MODULES[@]}"; do
  read -r name _ hosts <<<"$entry"
  for host in ${hosts//,/ }; do printf '%s %s\n' "$host" "$name"; done
done | python3 -c 'import json, sys; print(json.dumps(dict(l.split() for l in sys.stdin), separators=(",", ":")))')"
awk -v line="$hosts_line" -v table="$hosts_json" \
  '$0 == line { print "  const MODULE_BY_HOST = " table ";"; next } { print }' \
  "$ROOT/extension/content/loader.js" >"$DIST/content/loader.js"
# The options page and the popup speak the settings' lang, not only the browser's (chrome.i18n): both
# locales' messages go into messages.js, in place of its empty MESSAGES, with each named placeholder
# ($LEVEL$) replaced by its content ($1), as chrome.i18n.getMessage does. Packaged data; no fetch.
python3 - "$ROOT/extension" "$DIST/messages.js" <<'PY' || die "extension/messages.js: the messages could not be written (see above)"
import json, re, sys
src, out = sys.argv[1], sys.argv[2]
line = "  const MESSAGES = {};"
text = open(f"{src}/messages.js", encoding="utf-8").read()
if text.count(line + "\n") != 1:
    sys.exit(f'extension/messages.js lacks its line "{line}"')
table = {}
for lang in ("en", "de"):
    msgs = json.load(open(f"{src}/_locales/{lang}/messages.json", encoding="utf-8"))
    table[lang] = {}
    for name, m in msgs.items():
        places = {k.lower(): v["content"] for k, v in m.get("placeholders", {}).items()}
        def place(g, name=name, places=places, lang=lang):
            if g.group(1).lower() not in places:
                sys.exit(f"_locales/{lang}/messages.json: {name} names ${g.group(1)}$, which it does not define")
            return places[g.group(1).lower()]
        table[lang][name] = re.sub(r"\$([A-Za-z0-9_@]+)\$", place, m["message"])
missing = sorted(set(table["en"]) ^ set(table["de"]))
if missing:
    sys.exit(f"_locales: en and de differ in {', '.join(missing)}")
body = json.dumps(table, ensure_ascii=False, separators=(",", ":"))
open(out, "w", encoding="utf-8").write(text.replace(line + "\n", f"  const MESSAGES = {body};\n"))
PY
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

log "build: dist/chromium ready ($(find "$DIST" -type f | wc -l | tr -d ' ') files)"
bash "$ROOT/scripts/size.sh"
