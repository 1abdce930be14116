# HireCheck. The two commands a new machine needs are `make demo` and `make test`; both install
# whatever is missing first (scripts/ensure-tools.sh). See docs/build.md.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

.PHONY: help tools build extension cli size test test-native test-static test-e2e lint fuzz demo bench bench-accuracy clean

help:
	@echo "make demo    build the extension and run it in Chromium on the bundled demo pages"
	@echo "make test    every test: native (cargo test), static checks, end-to-end in Chromium"
	@echo "make build   the extension in dist/chromium/ and the native CLI (target/release/hirecheck)"
	@echo "make size    wasm and extension size, raw and gzipped"
	@echo "make bench   sizes, native analyze time per page, page-ready -> badge time in Chromium"
	@echo "make lint    cargo clippy, native and wasm32, warnings as errors (not part of make test)"
	@echo "make fuzz    each cargo-fuzz target for FUZZ_SECONDS (default 60) (not part of make test)"
	@echo "make tools   install what the build and the tests need (done by the targets above)"

tools:
	@bash scripts/ensure-tools.sh

build: extension cli

extension: tools
	@bash scripts/build-extension.sh

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

lint: tools
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
