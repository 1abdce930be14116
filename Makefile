# HireCheck. The two commands a new machine needs are `make demo` and `make test`; both install
# whatever is missing first (scripts/ensure-tools.sh). See docs/build.md.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

.PHONY: help tools build extension firefox package cli size test test-native test-static test-e2e test-firefox test-repro lint fuzz demo bench bench-accuracy clean

help:
	@echo "make demo    build the extension and run it in Chromium on the bundled demo pages"
	@echo "make test    every test: native (cargo test), static checks, end-to-end in Chromium"
	@echo "make build   the extension in dist/chromium/ and dist/firefox/, and the native CLI (target/release/hirecheck)"
	@echo "make package store archives (Chromium, Firefox) and the source archive in dist/packages/, reproducibly"
	@echo "make size    wasm and extension size, raw and gzipped"
	@echo "make bench   sizes, native analyze (CLI, criterion), Chromium: badge time, load time, memory (docs/performance.md)"
	@echo "make lint    cargo fmt --check, cargo clippy (native and wasm32, warnings as errors); not part of make test"
	@echo "make fuzz    each cargo-fuzz target for FUZZ_SECONDS (default 60) (not part of make test)"
	@echo "make tools   install what the build and the tests need (done by the targets above)"

tools:
	@bash scripts/ensure-tools.sh

build: extension firefox cli

extension: tools
	@bash scripts/build-extension.sh

# dist/firefox/: the Chromium build's files with a manifest derived for Firefox.
firefox: extension
	@bash scripts/build-firefox.sh

# dist/packages/: hirecheck-{chromium,firefox}-<version>.zip and hirecheck-source-<version>.tar.gz.
package: tools
	@bash scripts/package.sh

cli:
	cargo build --release --locked

size:
	@bash scripts/size.sh

test:
	@bash scripts/test.sh

# The parts of `make test`, for use after `make tools` / `make extension`.
test-native:
	cargo test --locked --no-fail-fast

test-static:
	@bash scripts/check-extension.sh

test-e2e:
	@bash scripts/e2e.sh

test-firefox:
	@bash scripts/check-firefox.sh

test-repro:
	@bash scripts/check-reproducible.sh

lint: tools
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --lib --target wasm32-unknown-unknown -- -D warnings

# Each fuzz target in fuzz/ for FUZZ_SECONDS (default 60); non-zero on any crash. See scripts/fuzz.sh.
fuzz:
	@bash scripts/fuzz.sh

demo: extension
	@bash scripts/demo.sh

bench: extension cli
	@bash scripts/bench.sh

# Accuracy on the labelled corpus in tests/corpus/ (tools/gen-corpus.py); prints the figures.
bench-accuracy:
	cargo test --release --locked --test accuracy -- --nocapture

# Only what this Makefile makes; never `cargo clean` (the target dir may be shared).
clean:
	rm -rf dist
