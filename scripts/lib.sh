# Shared helpers for scripts/*.sh. Source it; it sets -euo pipefail and moves to the repository root.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$CARGO_HOME/bin:$PATH"

DIST="$ROOT/dist/chromium"
E2E="$ROOT/tests/e2e"
WASM_TARGET=wasm32-unknown-unknown
# The wasm profile (Cargo.toml): the release profile at opt-level "z".
WASM_IN="${CARGO_TARGET_DIR:-$ROOT/target}/$WASM_TARGET/wasm/hirecheck.wasm"
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

# The wasm build, the same for every module (scripts/build-extension.sh) and for the named copy of
# scripts/size.sh --breakdown. The standard library is compiled with our crate (-Zbuild-std, from the
# rust-src component) rather than linked prebuilt, so that panics can abort on the spot: no panic
# message, no formatting of it, no unwinding tables; a panic is a wasm trap ("unreachable"), which the
# content script and safe mode show as the grey badge like any other wasm failure.
# -Zlocation-detail=none drops the file and line of each #[track_caller] site, which nothing shows any
# more (-Zfmt-debug=none saved nothing: no Debug formatting is left in the wasm). docs/build.md, "The
# wasm build", has each flag's bytes and the risk: these are unstable flags, allowed on the stable
# toolchain by RUSTC_BOOTSTRAP=1, and a later toolchain may rename them; the build then stops
# (wasm_build_check, or cargo's own error) rather than ship a larger wasm.
WASM_PANIC_FLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
WASM_BUILD_STD=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
RUST_SYSROOT="$(rustc --print sysroot 2>/dev/null || true)"
RUST_SRC="$RUST_SYSROOT/lib/rustlib/src/rust"

# wasm_build FEATURES: cargo build of the wasm (profile wasm, $WASM_TARGET) with the site-* FEATURES, into $WASM_IN.
# Reproducible wasm: whatever source paths remain in it are renamed to fixed prefixes (the dependency
# sources under CARGO_HOME, this checkout, and the standard library's under the toolchain, to the
# /rustc/<commit> the prebuilt one names), so the bytes do not depend on where they sit. Only the
# wasm32 build gets these flags (host build scripts and proc-macros are built without them, though
# RUSTC_BOOTSTRAP reaches them too); a RUSTFLAGS of the caller's would replace them.
wasm_build() {
  local features="$1" commit
  commit="$(rustc -vV | sed -n 's/^commit-hash: //p')"
  RUSTC_BOOTSTRAP=1 \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=$CARGO_HOME=/cargo --remap-path-prefix=$ROOT=/hirecheck --remap-path-prefix=$RUST_SRC=/rustc/$commit $WASM_PANIC_FLAGS" \
    cargo build --profile wasm --locked --lib --target "$WASM_TARGET" "${WASM_BUILD_STD[@]}" \
    --no-default-features --features "$features"
}

# wasm-opt as the extension ships a module (scripts/build-extension.sh; scripts/size.sh --breakdown
# measures the same): IN, wasm-bindgen's output, to OUT. With --keep-names it keeps the function names
# (wasm-bindgen --keep-debug before it) for tools/wasm-breakdown.py, and strips only DWARF.
# --low-memory-unused: Rust's wasm32 layout puts the stack first (it grows down towards 0) and the data
# at 1 MiB, so the lowest KiB is never a valid address; wasm-opt folds more offsets knowing that.
# Enable exactly the features the input declares (its target_features section), so that wasm-opt
# neither rejects modern rustc output nor introduces anything the input did not already use.
wasm_optimize() {
  local in="$1" out="$2" features strip=(--strip-debug --strip-producers)
  [ "${3:-}" != --keep-names ] || strip=(-g --strip-dwarf)
  features="$("$WASM_OPT" "$in" --print-features 2>/dev/null | tr '\n' ' ')"
  # shellcheck disable=SC2086 # $features is a list of flags
  "$WASM_OPT" -Oz $features --low-memory-unused "${strip[@]}" "$in" -o "$out"
}

# Stops with a sentence saying what is missing when this toolchain cannot build the wasm as above:
# no rust-src (scripts/ensure-tools.sh installs it), or rustc no longer knows one of the unstable flags.
# Run before wasm_build (a fraction of a second).
wasm_build_check() {
  [ -f "$RUST_SRC/library/Cargo.lock" ] ||
    die "the wasm build compiles the standard library (-Zbuild-std) from the rust-src component, which is not installed: run 'rustup component add rust-src' (scripts/ensure-tools.sh does)"
  local probe out
  probe="$(mktemp -d)"
  printf '#![no_std]\n' >"$probe/probe.rs"
  # shellcheck disable=SC2086 # $WASM_PANIC_FLAGS is a list of flags
  if ! out="$(RUSTC_BOOTSTRAP=1 rustc --target "$WASM_TARGET" --crate-type lib --emit=metadata $WASM_PANIC_FLAGS \
    "$probe/probe.rs" -o "$probe/probe.rmeta" 2>&1)"; then
    rm -rf "$probe"
    printf '%s\n' "$out" >&2
    die "$(rustc --version) does not accept the wasm build's unstable flags ($WASM_PANIC_FLAGS; scripts/lib.sh): a newer toolchain has renamed or removed one. Update WASM_PANIC_FLAGS to this toolchain's spelling (docs/build.md, \"The wasm build\"), or build with the toolchain named in docs/build.md"
  fi
  rm -rf "$probe"
}

# Bytes of a file, raw and gzip -9.
size_raw() { wc -c < "$1" | tr -d ' '; }
size_gz() { gzip -9 -n -c "$1" | wc -c | tr -d ' '; }
