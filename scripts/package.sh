#!/usr/bin/env bash
# `make package`: store-ready archives in dist/packages/ (or $HIRECHECK_PACKAGES):
#   hirecheck-chromium-<version>.zip   Chrome Web Store and Edge Add-ons (dist/chromium)
#   hirecheck-firefox-<version>.zip    addons.mozilla.org (dist/firefox)
#   hirecheck-source-<version>.tar.gz  the sources AMO asks for, with SOURCE-BUILD.md on how to rebuild
# Builds both extensions first. Two runs give the same bytes (scripts/check-reproducible.sh proves
# it): see scripts/package.py for what is fixed, and SOURCE_DATE_EPOCH below for the one timestamp.
#
# The source archive holds the files git tracks (`git ls-files`), as they are in the work tree: run
# it on a clean checkout of the release commit. Outside a git checkout, HIRECHECK_SOURCE_FILES names
# a file with that list (scripts/check-reproducible.sh uses it for its copy of the tree).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

OUT="${HIRECHECK_PACKAGES:-$ROOT/dist/packages}"
command -v python3 >/dev/null || die "python3 not found"

VERSION="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$ROOT/manifest.json")"
[ -n "$VERSION" ] || die "manifest.json has no version"

# One timestamp for every archive entry: the last commit's time, so that a rebuild of the same
# commit gets the same bytes. Set it by hand to package outside git.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH="$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null)" ||
    die "not a git checkout: set SOURCE_DATE_EPOCH (and HIRECHECK_SOURCE_FILES)"
fi
export SOURCE_DATE_EPOCH

bash "$ROOT/scripts/build-extension.sh"
bash "$ROOT/scripts/build-firefox.sh"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -n "${HIRECHECK_SOURCE_FILES:-}" ]; then
  cp "$HIRECHECK_SOURCE_FILES" "$work/files"
else
  git -C "$ROOT" ls-files >"$work/files" || die "git ls-files failed: set HIRECHECK_SOURCE_FILES"
  if [ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ]; then
    log "package: warning: uncommitted changes; the source archive has the work tree's files, not HEAD's"
  fi
fi

# How to rebuild, for the AMO reviewer, with the versions this archive was built with.
cat >"$work/SOURCE-BUILD.md" <<EOF
# Building HireCheck $VERSION from this archive

The extension's code is the JavaScript in \`extension/\`, shipped as written, and
\`wasm/*.wasm\` (one module per site or group of sites) + \`wasm/hirecheck.js\` + \`wasm/sites.js\`,
compiled from the Rust in \`src/\` (\`scripts/build-extension.sh\`). To rebuild both
store archives on Debian 12 (or similar) with Rust (rustup), Node.js 20+, npm and python3:

    make package

which installs the pinned tools (\`scripts/ensure-tools.sh\`: the wasm32 target, the rust-src
component, wasm-bindgen-cli from Cargo.lock, binaryen and web-ext from tests/e2e/package-lock.json),
builds the wasm (\`cargo build --profile wasm --locked --target wasm32-unknown-unknown\` with the
standard library compiled for it, \`-Zbuild-std\`: \`wasm_build\` in scripts/lib.sh; then
wasm-bindgen and wasm-opt), derives the Firefox manifest (\`scripts/firefox-manifest.py\`) and writes
dist/packages/. This archive is not a git checkout, so first, in its top folder:

    export SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH
    find . -type f ! -name SOURCE-BUILD.md | sed 's|^\./||' | sort > /tmp/files
    export HIRECHECK_SOURCE_FILES=/tmp/files

The archives are byte for byte the same with the same tools. These were used:

- $(rustc --version)
- $(cargo --version)
- wasm-bindgen $(wasm_bindgen_version)
- $("$WASM_OPT" --version 2>/dev/null || echo "wasm-opt: unknown")
- node $(node --version 2>/dev/null || echo unknown)
- Python $(python3 -c 'import platform, zlib; print(platform.python_version(), "with zlib", zlib.ZLIB_RUNTIME_VERSION)')

docs/build.md has the details.
EOF

mkdir -p "$OUT"
chromium_zip="$OUT/hirecheck-chromium-$VERSION.zip"
firefox_zip="$OUT/hirecheck-firefox-$VERSION.zip"
source_tgz="$OUT/hirecheck-source-$VERSION.tar.gz"
python3 "$ROOT/scripts/package.py" zip "$DIST" "$chromium_zip"
python3 "$ROOT/scripts/package.py" zip "$ROOT/dist/firefox" "$firefox_zip"
(cd "$ROOT" && python3 "$ROOT/scripts/package.py" tar "$work/files" "hirecheck-source-$VERSION" \
  "$source_tgz" SOURCE-BUILD.md "$work/SOURCE-BUILD.md")

for f in "$chromium_zip" "$firefox_zip" "$source_tgz"; do
  printf '%s  %8d bytes  %s\n' "$(sha256sum "$f" | cut -d' ' -f1)" "$(size_raw "$f")" "${f#"$ROOT"/}"
done
