# Shared helpers for scripts/*.sh. Source it; it sets -euo pipefail and moves to the repository root.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"

DIST="$ROOT/dist/chromium"
E2E="$ROOT/tests/e2e"
WASM_TARGET=wasm32-unknown-unknown
WASM_IN="${CARGO_TARGET_DIR:-$ROOT/target}/$WASM_TARGET/release/hirecheck.wasm"
# wasm-opt comes from the npm package `binaryen`, pinned in tests/e2e/package-lock.json.
WASM_OPT="$E2E/node_modules/.bin/wasm-opt"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

log() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The exact wasm-bindgen version the crate resolved to, read from Cargo.lock.
wasm_bindgen_version() {
  awk '/^\[\[package\]\]/ { name = "" }
       /^name = "wasm-bindgen"$/ { name = "wasm-bindgen"; next }
       name == "wasm-bindgen" && /^version = / { gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

# Bytes of a file, raw and gzip -9.
size_raw() { wc -c < "$1" | tr -d ' '; }
size_gz() { gzip -9 -n -c "$1" | wc -c | tr -d ' '; }
