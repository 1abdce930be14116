// `make bench`, browser part. Prints figures; asserts nothing. Budgets and method: docs/performance.md.
// HIRECHECK_BENCH_PARTS=badge,load,memory,big picks parts (default: all four).
//   1. page ready (DOMContentLoaded end) -> badge drawn (data-drawn-at): median over
//      HIRECHECK_BENCH_LOADS loads (default 20) of every demo profile page, on every site's host;
//   2. page load time (navigation start -> load event end) with the extension and without it: two
//      browsers side by side in the same run, the same pages, loads alternating between them (which
//      goes first alternates too; each load waits until the previous one's badge is drawn), in
//      HIRECHECK_BENCH_ROUNDS (default 4) rounds of a fresh pair of browsers that share the loads;
//      the ratio of the medians (budget <= 1.05), and each round's own as the method's spread;
//   3. memory the extension adds to a tab after HIRECHECK_BENCH_SPA (default 50) in-page navigations
//      between profiles: the tab's JS heap with the extension minus without it (after the same tour,
//      after garbage collection) plus the wasm's linear memory (budget <= 5 MB);
//   4. parts 1 and 2 on the generated 2 MB Upwork profile page of the native benchmark
//      (benches/support/big_page.rs), when HIRECHECK_BENCH_BIG_PAGE names the file
//      (scripts/bench.sh writes it): a page of a real profile's size, not a budget's sample.
// "Without it" is the same Chromium with an empty extension (a service worker that does nothing):
// the harness always loads one, and that one touches no page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { loadRoutes, renderPage } from './server.mjs';
import {
  SPA_MOUNTS, WWW, contentScriptRunsOn, contentScriptWorld, measureBadgeTimes, median, memoryOf, profileVariant, readBadge,
  spaMount, spaNavigate, startBrowser, timedLoad, waitForBadge,
} from './harness.mjs';

const LOADS = Number(process.env.HIRECHECK_BENCH_LOADS ?? 20);
// Part 2's loads are split over this many rounds, each with a fresh pair of browsers.
const LOAD_ROUNDS = Number(process.env.HIRECHECK_BENCH_ROUNDS ?? 4);
// Which parts to run: "badge,load,memory,big" (all, the default) or a subset.
const PARTS = new Set((process.env.HIRECHECK_BENCH_PARTS ?? 'badge,load,memory,big').split(',').map((x) => x.trim()));
const SPA_STEPS = Number(process.env.HIRECHECK_BENCH_SPA ?? 50);
const W = 64;
const MB = 1048576;
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const label = (url) => url.replace(/^https:\/\/(www\.)?/, '');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function emptyExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirecheck-empty-ext-'));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
    manifest_version: 3, name: 'HireCheck bench: no extension', version: '0.0.1', background: { service_worker: 'background.js' },
  }));
  fs.writeFileSync(path.join(dir, 'background.js'), '// nothing\n');
  return dir;
}

async function badgeTimes(env, routes, title = '1. page ready -> badge drawn') {
  const page = env.context.pages()[0] ?? await env.context.newPage();
  const cdp = await env.context.newCDPSession(page);
  const all = [];
  console.log(`\n${title}, ${LOADS} loads per page (ms):`);
  console.log(`  ${'page'.padEnd(W)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)}`);
  for (const route of routes) {
    let t;
    try {
      await measureBadgeTimes(env, page, cdp, route.url, 1); // warm-up
      t = await measureBadgeTimes(env, page, cdp, route.url, LOADS);
    } catch (e) {
      console.log(`  ${label(route.url).padEnd(W)} not timed: ${e.message}`);
      continue;
    }
    all.push(...t);
    console.log(`  ${label(route.url).padEnd(W)} ${fmt(median(t)).padStart(8)} ${fmt(Math.min(...t)).padStart(8)} ${fmt(Math.max(...t)).padStart(8)}`);
  }
  console.log(`  ${'all pages'.padEnd(W)} ${fmt(median(all)).padStart(8)} ${fmt(Math.min(...all)).padStart(8)} ${fmt(Math.max(...all)).padStart(8)}`);
  await cdp.detach().catch(() => {});
}

async function loadTimes(routes, title = '2. page load time') {
  const by = routes.map(() => [[], []]); // per route: [with, without] load times
  const dcl = [[], []];
  const rounds = []; // per round: [with, without] load times
  const loads = Math.max(1, Math.round(LOADS / LOAD_ROUNDS));
  for (let n = 0; n < LOAD_ROUNDS; n++) {
    // A fresh pair of browsers each round, started in turn first: one browser instance can load a few
    // ms faster or slower than another all run long, as much as the budget allows on these pages.
    const pair = [];
    const order = n % 2 ? [1, 0] : [0, 1];
    try {
      for (const j of order) pair[j] = await startBrowser({ dist: j === 0 ? undefined : emptyDir, requestLog: null, extraRoutes: bigRoutes });
      rounds.push([[], []]);
      const tabs = [await pair[0].context.newPage(), await pair[1].context.newPage()];
      const cdp = await pair[0].context.newCDPSession(tabs[0]);
      // After each load, the extension's own work (it starts in the load event) finishes before the
      // next load in either browser starts, so that neither times the other.
      const settle = async (j) => {
        if (j === 0) await waitForBadge(cdp, 5000);
        await sleep(100);
      };
      for (const r of routes) for (const [j, tab] of tabs.entries()) { await timedLoad(tab, r.url); await settle(j); } // warm-up
      for (let i = 0; i < loads; i++) {
        for (const [k, r] of routes.entries()) {
          for (const j of (i + k + n) % 2 ? [1, 0] : [0, 1]) {
            const t = await timedLoad(tabs[j], r.url);
            await settle(j);
            by[k][j].push(t.load);
            rounds[n][j].push(t.load);
            dcl[j].push(t.dcl);
          }
        }
      }
    } finally {
      for (const b of pair) await b?.close();
    }
  }
  console.log(`\n${title} (navigation start -> load event end), ${loads * LOAD_ROUNDS} loads per page in each browser, ${LOAD_ROUNDS} rounds of fresh browsers, alternating (ms):`);
  console.log(`  ${'page'.padEnd(W)} ${'with'.padStart(8)} ${'without'.padStart(8)} ${'ratio'.padStart(8)}`);
  const all = [[], []];
  for (const [k, r] of routes.entries()) {
    all[0].push(...by[k][0]);
    all[1].push(...by[k][1]);
    console.log(`  ${label(r.url).padEnd(W)} ${fmt(median(by[k][0])).padStart(8)} ${fmt(median(by[k][1])).padStart(8)} ${fmt(median(by[k][0]) / median(by[k][1]), 3).padStart(8)}`);
  }
  const ratio = median(all[0]) / median(all[1]);
  console.log(`  ${'all pages: median of all loads'.padEnd(W)} ${fmt(median(all[0])).padStart(8)} ${fmt(median(all[1])).padStart(8)} ${fmt(ratio, 3).padStart(8)}   (budget <= 1.05; ${fmt(median(all[0]) - median(all[1]))} ms added)`);
  console.log(`  ${'all pages: DOMContentLoaded end'.padEnd(W)} ${fmt(median(dcl[0])).padStart(8)} ${fmt(median(dcl[1])).padStart(8)} ${fmt(median(dcl[0]) / median(dcl[1]), 3).padStart(8)}`);
  const each = rounds.map(([w, o]) => fmt(median(w) / median(o), 3)).join(', ');
  console.log(`  ${'each round on its own (the method\'s spread)'.padEnd(W)} ${each}`);
}

const NAMES = ['Oluwaseun', 'María', 'Mohammed', 'Priya', 'Kwame', 'Yuki', 'Björn', 'Aleksandr', 'Siobhan', 'Fatima'];

/** One tab: a page load of `route`, then SPA_STEPS in-page navigations to variants of it. Returns memory. */
async function spaTour(env, route, withExtension) {
  const tab = await env.context.newPage();
  const cdp = await env.context.newCDPSession(tab);
  const world = withExtension ? await contentScriptWorld(cdp, env.extensionId) : null;
  await tab.goto(route.url, { waitUntil: 'load' });
  if (withExtension) await waitForBadge(cdp);
  await spaMount(tab, SPA_MOUNTS[route.host] ?? null);
  await sleep(500);
  const before = await memoryOf(cdp);
  let drawn = 0;
  for (let s = 1; s <= SPA_STEPS; s++) {
    const v = profileVariant(route, `bench${String(s).padStart(2, '0')}`, NAMES[s % NAMES.length]);
    const { end } = await spaNavigate(tab, { html: v.html, url: v.url });
    if (withExtension) {
      const until = Date.now() + 5000;
      for (;;) {
        const b = await readBadge(cdp).catch(() => null);
        if (b?.drawnAt > end) { drawn += 1; break; }
        if (Date.now() > until) break;
        await sleep(25);
      }
    } else {
      await sleep(300); // about what the content script's settle time and check take, so both tours last alike
    }
  }
  await sleep(1000);
  const after = await memoryOf(cdp);
  const wasm = world ? await world.evaluate('globalThis.__hirecheck.wasmMemoryBytes()') : 0;
  await cdp.detach().catch(() => {});
  await tab.close();
  return { before, after, wasm, drawn };
}

async function memory(env, base, route) {
  const w = await spaTour(env, route, true);
  const o = await spaTour(base, route, false);
  const added = w.after.heapUsed - o.after.heapUsed;
  console.log(`\n3. memory of one tab after ${SPA_STEPS} in-page navigations on ${label(route.url)} (MB, after garbage collection):`);
  console.log(`  ${''.padEnd(40)} ${'with'.padStart(8)} ${'without'.padStart(8)}`);
  console.log(`  ${'JS heap used (page + isolated worlds)'.padEnd(40)} ${fmt(w.after.heapUsed / MB, 2).padStart(8)} ${fmt(o.after.heapUsed / MB, 2).padStart(8)}`);
  console.log(`  ${'  growth during the tour'.padEnd(40)} ${fmt((w.after.heapUsed - w.before.heapUsed) / MB, 2).padStart(8)} ${fmt((o.after.heapUsed - o.before.heapUsed) / MB, 2).padStart(8)}`);
  console.log(`  ${'DOM nodes / JS event listeners'.padEnd(40)} ${`${w.after.nodes}/${w.after.listeners}`.padStart(8)} ${`${o.after.nodes}/${o.after.listeners}`.padStart(8)}`);
  console.log(`  ${'wasm linear memory'.padEnd(40)} ${fmt(w.wasm / MB, 2).padStart(8)} ${'-'.padStart(8)}`);
  console.log(`  added by the extension: JS heap ${fmt(added / MB, 2)} + wasm ${fmt(w.wasm / MB, 2)} = ${fmt((added + w.wasm) / MB, 2)} MB   (budget <= 5 MB; ${w.drawn}/${SPA_STEPS} badges redrawn)`);
}

// Part 4's page: made from the clean Upwork profile, served at its own address on both browsers'
// servers, with the clock of the route it was made from (set once for the run).
const BIG_FILE = process.env.HIRECHECK_BENCH_BIG_PAGE;
const BIG_KEY = '/freelancers/~01b1g2p3a4g5e6big2mb';
const BIG_FROM = '/freelancers/~01a1b2c3d4e5f6clean';
const bigRoutes = [];
if (PARTS.has('big') && BIG_FILE) {
  if (!fs.existsSync(BIG_FILE)) throw new Error(`HIRECHECK_BENCH_BIG_PAGE: no ${BIG_FILE} (cargo run --release --example big_page -- ${BIG_FILE})`);
  const from = loadRoutes(WWW).find((r) => r.key === BIG_FROM);
  const html = renderPage(fs.readFileSync(BIG_FILE, 'utf8'), from);
  bigRoutes.push({ key: BIG_KEY, from: BIG_FROM, transform: () => html });
}

const emptyDir = emptyExtension();
const env = await startBrowser({ requestLog: null, extraRoutes: bigRoutes });
let base;
try {
  base = await startBrowser({ dist: emptyDir, requestLog: null, extraRoutes: bigRoutes });
  const big = env.server.routes.filter((r) => r.key === BIG_KEY);
  const routes = env.server.routes.filter((r) => r.key !== BIG_KEY && contentScriptRunsOn(env.manifest, r.url));
  console.log(`Chromium ${env.context.browser()?.version() ?? '?'}, ${os.cpus().length} CPU(s), load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  if (PARTS.has('badge')) await badgeTimes(env, routes);
  if (PARTS.has('load')) await loadTimes(routes.filter((r) => r.csp !== 'strict'));
  const spaRoute = routes.find((r) => r.host === 'www.upwork.com' && r.path.startsWith('/freelancers/') && r.csp !== 'strict');
  if (PARTS.has('memory')) await memory(env, base, spaRoute);
  if (big.length) {
    const size = fs.statSync(BIG_FILE).size;
    await badgeTimes(env, big, `4. the generated Upwork profile page (${(size / MB).toFixed(2)} MB): page ready -> badge drawn`);
    await loadTimes(big, '   its load time');
  } else if (PARTS.has('big')) {
    console.log('\n4. the generated 2 MB Upwork page: not run (HIRECHECK_BENCH_BIG_PAGE names no file; scripts/bench.sh writes it)');
  }
  console.log(`\nload average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  await env.close();
  await base?.close();
  fs.rmSync(emptyDir, { recursive: true, force: true });
}
