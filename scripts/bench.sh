#!/usr/bin/env bash
# `make bench`: prints figures, asserts nothing.
#   1. wasm and extension size, raw and gzipped
#   2. native `hirecheck analyze` time per demo page (hyperfine if installed, else a timed loop)
#   3. the whole native path in-process (criterion, benches/analyze.rs): every demo page and a
#      generated 2 MB Upwork profile page, split into HTML parsing and our code
#   4. in Chromium (tests/e2e/bench.mjs): page-ready -> badge, page load time with and without the
#      extension, memory added to a tab after 50 in-page navigations; badge and load time on the
#      generated 2 MB Upwork page too
# Budgets and method: docs/performance.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${HIRECHECK_BENCH_RUNS:-20}"
CLI="$ROOT/target/release/hirecheck"
WWW="${HIRECHECK_WWW:-$ROOT/www}"

echo "== size"
bash "$ROOT/scripts/size.sh"

echo
echo "== native: hirecheck analyze, $RUNS runs per page"
[ -x "$CLI" ] || die "no $CLI: run 'make cli'"
# "address <TAB> file" of each demo profile page (one per file, every site), from routes.json and the manifest.
mapfile -t pages < <(cd "$E2E" && node --input-type=module -e '
  import fs from "node:fs";
  import { loadRoutes } from "./server.mjs";
  import { contentScriptRunsOn } from "./harness.mjs";
  const manifest = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const seen = new Set();
  for (const r of loadRoutes(process.argv[1])) {
    if (seen.has(r.file) || !contentScriptRunsOn(manifest, r.url)) continue;
    seen.add(r.file);
    console.log(r.url + "\t" + r.file);
  }
' "$WWW" "$DIST/manifest.json")
now_ns() { date +%s%N; }
printf '  %-64s %10s %10s\n' page "mean ms" "min ms"
for row in "${pages[@]}"; do
  url="${row%%$'\t'*}"
  file="${row#*$'\t'}"
  route="${url#https://}"
  route="${route#www.}"
  cmd=("$CLI" analyze --url "$url" --format json "$file")
  "${cmd[@]}" >/dev/null || { printf '  %-64s %s\n' "$route" "analyze failed (exit $?)"; continue; }
  if command -v hyperfine >/dev/null; then
    json="$(mktemp)"
    hyperfine -N --style none --warmup 3 --runs "$RUNS" --export-json "$json" "$(printf '%q ' "${cmd[@]}")" >/dev/null
    node -e 'const r = require(process.argv[1]).results[0]; console.log(`  ${process.argv[2].padEnd(64)} ${(r.mean*1e3).toFixed(2).padStart(10)} ${(r.min*1e3).toFixed(2).padStart(10)}`)' "$json" "$route"
    rm -f "$json"
  else
    total=0
    min=""
    for _ in $(seq "$RUNS"); do
      t0="$(now_ns)"
      "${cmd[@]}" >/dev/null
      dt=$(( $(now_ns) - t0 ))
      total=$((total + dt))
      if [ -z "$min" ] || [ "$dt" -lt "$min" ]; then min="$dt"; fi
    done
    awk -v r="$route" -v t="$total" -v n="$RUNS" -v m="$min" 'BEGIN { printf "  %-64s %10.2f %10.2f\n", r, t / n / 1e6, m / 1e6 }'
  fi
done
command -v hyperfine >/dev/null || echo "  (timed with a shell loop incl. process start; apt-get install hyperfine for finer figures)"

echo
echo "== native, in-process: cargo bench --bench analyze (criterion: time = [lower bound, estimate, upper bound] of the mean)"
# (criterion's chatter left out: progress, outliers, sampling warnings, the change since its last run)
cargo bench --locked --bench analyze 2>&1 | grep -v '^\s*$' \
  | grep -Ev '^(Benchmarking|Found [0-9]+ outliers|  [0-9]+ \([0-9.]+%\) (low|high) (mild|severe)|Warning: Unable|warning: `panic` setting is ignored|\s+change:|\s+(time|thrpt):\s+\[[−+]|\s+(No change|Performance has|Change within))'

echo
echo "== browser"
# The generated 2 MB Upwork page of the native benchmark, for the browser's part 4.
big="$ROOT/target/bench/upwork-2MB.html"
mkdir -p "${big%/*}"
cargo run --quiet --release --locked --example big_page -- "$big" >/dev/null
cd "$E2E"
HIRECHECK_BENCH_LOADS="$RUNS" HIRECHECK_BENCH_BIG_PAGE="$big" node bench.mjs
