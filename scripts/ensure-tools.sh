#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; quiet and quick when all is there.
# Needs: rustup + cargo, node >= 20 + npm, and apt-get (Debian) for Chromium. Run as root or with sudo.
#
#   wasm32-unknown-unknown target   rustup target add
#   rust-src component              rustup component add (the wasm build compiles std from it)
#   wasm-bindgen CLI                cargo install --locked, the exact version of the crate in Cargo.lock
#   chromium, chromium-driver       Debian packages (/usr/bin/chromium drives the e2e tests and the demo)
#   chromium-l10n                   Debian package: Chromium's UI languages; the e2e test of a German
#                                   browser (tests/e2e/policy.test.mjs) needs its de.pak
#   openssl                         Debian package (the e2e server makes a throw-away certificate)
#   python3                         Debian package (the Firefox manifest and the archives of make package)
#   playwright-core, binaryen,      npm ci in tests/e2e (binaryen provides wasm-opt, web-ext lints the
#   web-ext                         Firefox build; all pinned by the lockfile)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Runs a command with its output kept in a log that is shown only if it fails.
quiet() {
  local out
  out="$(mktemp)"
  if ! "$@" >"$out" 2>&1; then
    cat "$out" >&2
    rm -f "$out"
    die "failed: $*"
  fi
  rm -f "$out"
}

SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || die "not root and no sudo: cannot install Debian packages"
  SUDO="sudo"
fi

APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found; install these by hand: $*"
  if [ -z "$APT_UPDATED" ]; then
    log "tools: apt-get update"
    quiet $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
    APT_UPDATED=1
  fi
  log "tools: apt-get install $*"
  quiet $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# --- Rust ---------------------------------------------------------------------------------------
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
command -v rustup >/dev/null || die "rustup not found: install Rust with rustup first"
if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
  log "tools: rustup target add $WASM_TARGET"
  quiet rustup target add "$WASM_TARGET"
fi
# The wasm build compiles the standard library from source (-Zbuild-std: scripts/lib.sh, wasm_build).
if ! rustup component list --installed | grep -qx rust-src; then
  log "tools: rustup component add rust-src"
  quiet rustup component add rust-src
fi

WB_VERSION="$(wasm_bindgen_version)"
[ -n "$WB_VERSION" ] || die "no wasm-bindgen package in Cargo.lock"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]; then
  log "tools: cargo install --locked wasm-bindgen-cli --version $WB_VERSION (a few minutes, once)"
  quiet cargo install --locked --quiet wasm-bindgen-cli --version "$WB_VERSION"
  [ "$(wasm-bindgen --version)" = "wasm-bindgen $WB_VERSION" ] || die "wasm-bindgen on PATH is not $WB_VERSION: $(command -v wasm-bindgen)"
fi

# --- Debian packages ------------------------------------------------------------------------------
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -f /usr/lib/chromium/locales/de.pak ] || missing+=(chromium-l10n)
command -v openssl >/dev/null || missing+=(openssl)
command -v gzip >/dev/null || missing+=(gzip)
command -v python3 >/dev/null || missing+=(python3)
if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}"
fi

# --- Node ---------------------------------------------------------------------------------------
command -v node >/dev/null || die "node not found: install Node.js 20 or newer"
command -v npm >/dev/null || die "npm not found"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" -ge 20 ] || die "Node.js $NODE_MAJOR is too old: the e2e tests need Node.js 20 or newer"

# npm ci again only when the lockfile (or the node version) changed since the last install.
STAMP="$E2E/node_modules/.hirecheck-lock"
WANT="$(cat "$E2E/package-lock.json" | sha256sum | cut -d' ' -f1) node$NODE_MAJOR"
if [ "$(cat "$STAMP" 2>/dev/null || true)" != "$WANT" ]; then
  log "tools: npm ci (tests/e2e)"
  (cd "$E2E" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 quiet npm ci --no-audit --no-fund --loglevel=error)
  printf '%s\n' "$WANT" >"$STAMP"
fi
[ -x "$WASM_OPT" ] || die "wasm-opt missing from tests/e2e/node_modules (npm package binaryen)"

if [ -z "${HIRECHECK_TOOLS_QUIET:-}" ]; then
  log "tools: ok: $WASM_TARGET, rust-src, wasm-bindgen $WB_VERSION, $("$WASM_OPT" --version), $("$CHROMIUM" --version 2>/dev/null), node $(node --version)"
fi
