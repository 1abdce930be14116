// The control runs behind docs/performance.md's load-time figure (`node tests/e2e/bench-control.mjs`):
// where does the load time an extension adds come from? Prints figures; asserts nothing.
// Several browsers side by side in one run, the same pages, loads alternating between all of them
// (the order rotates), each timed as bench.mjs times it (navigation start -> load event end), each
// against the same browser with an empty extension ("without"). The variants, all made from the
// built extension (HIRECHECK_DIST, default dist/chromium) in a temporary directory:
//   a. an empty extension: no content script at all (A/A: the method's own error);
//   b. one tiny content script (`void 0`) at document_idle on the same matches;
//   c. the content scripts as classic scripts at document_idle, as HireCheck listed them before its
//      loader (settings.js, fallback/*, content/*.js), with content.js empty: their own compile and run;
//   d. HireCheck as built (its loader at document_start imports the rest after the load event).
// HIRECHECK_BENCH_MORE="start,end,main" adds the tiny script of b. at document_start, at document_end,
// and in the page's own world; "inject" adds e.: HireCheck with no content script, injected by its
// worker after the load (it needs host permissions: injectedAfterLoad).
// For the variants that draw a badge it also prints page ready -> badge drawn, as bench.mjs times it.
// HIRECHECK_BENCH_EXTRA="label=dir,..." adds other built extensions (e.g. an older build) as variants;
// a label that starts with "-" ("-tiny=dir") is a control that draws no badge (no wait for one).
// HIRECHECK_BENCH_LOADS (default 10) loads of each page in each browser in each of HIRECHECK_BENCH_ROUNDS
// (default 1) rounds of fresh browsers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { DIST, ROOT, contentScriptRunsOn, median, startBrowser, timedLoad, waitForBadge } from './harness.mjs';

const LOADS = Number(process.env.HIRECHECK_BENCH_LOADS ?? 10);
// Rounds of fresh browsers (default 1): one browser instance can be a few ms faster or slower than
// another all run long (the A/A line shows it), so several rounds average that out.
const ROUNDS = Number(process.env.HIRECHECK_BENCH_ROUNDS ?? 1);
const W = 58;
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const temps = [];

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirecheck-control-'));
  temps.push(dir);
  return dir;
}

function writeExtension(files) {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), typeof text === 'string' ? text : JSON.stringify(text));
  }
  return dir;
}

const EMPTY_BG = { 'background.js': '// nothing\n' };
const emptyManifest = (name) => ({ manifest_version: 3, name, version: '0.0.1', background: { service_worker: 'background.js' } });

/**
 * The classic content scripts HireCheck's content-script chain consists of, in order: the manifest's
 * list when it has no loader (the design before it), else the files that extension/content/main.js
 * imports (the same files: none of them imports or exports anything).
 */
function classicChain(manifest) {
  const listed = manifest.content_scripts[0].js;
  if (!listed.includes('content/loader.js')) return listed;
  const main = fs.readFileSync(path.join(ROOT, 'extension', 'content', 'main.js'), 'utf8');
  return [...main.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => path.posix.join('content', m[1]));
}

/**
 * HIRECHECK_BENCH_MORE="inject": HireCheck with no content script; its worker injects the same two
 * scripts (the glue and the loader, which starts at once on a loaded page) when a tab on one of the
 * content scripts' pages has loaded. What the load budget would need: chrome.scripting.executeScript
 * works only with host_permissions for the page (Chromium refuses it for hosts named only in
 * content_scripts), and host permissions also let the extension's own pages fetch those origins.
 */
function injectedAfterLoad(dist, manifest) {
  const dir = tempDir();
  fs.cpSync(dist, dir, { recursive: true });
  const { matches, exclude_matches: excludes = [], js } = manifest.content_scripts[0];
  const { content_scripts: _, ...rest } = manifest;
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
    ...rest, permissions: [...rest.permissions, 'scripting'], host_permissions: matches,
  }));
  // A match pattern as a regular expression's source: "*" any text, everything else literal.
  const source = (p) => `^${p.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`;
  const worker = `
const HC_MATCHES = ${JSON.stringify(matches.map(source))}.map((s) => new RegExp(s));
const HC_EXCLUDES = ${JSON.stringify(excludes.map(source))}.map((s) => new RegExp(s));
chrome.tabs.onUpdated.addListener((tabId, info, tab) => {
  const url = tab.url || '';
  if (info.status !== 'complete' || !HC_MATCHES.some((r) => r.test(url)) || HC_EXCLUDES.some((r) => r.test(url))) return;
  chrome.scripting.executeScript({ target: { tabId }, files: ${JSON.stringify(js)} }).catch((e) => console.error(e));
});
`;
  fs.appendFileSync(path.join(dir, 'background.js'), worker);
  return dir;
}

function variants(dist) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
  const { matches, exclude_matches } = manifest.content_scripts[0];
  const out = [
    { key: 'a', label: 'a. no content script (A/A)', dir: writeExtension({ 'manifest.json': emptyManifest('control a'), ...EMPTY_BG }) },
    {
      key: 'b',
      label: 'b. one tiny content script (void 0)',
      dir: writeExtension({
        'manifest.json': { ...emptyManifest('control b'), content_scripts: [{ matches, exclude_matches, js: ['tiny.js'], run_at: 'document_idle' }] },
        'tiny.js': 'void 0;\n',
        ...EMPTY_BG,
      }),
    },
  ];
  // HIRECHECK_BENCH_MORE="start,end,main" (any of them): the tiny script at document_start, at
  // document_end, and at document_idle in the page's own world (no isolated world is made for it).
  const more = new Set((process.env.HIRECHECK_BENCH_MORE ?? '').split(',').map((x) => x.trim()));
  for (const [key, tag, extra] of [['start', 'document_start', { run_at: 'document_start' }], ['end', 'document_end', { run_at: 'document_end' }], ['main', 'world MAIN', { world: 'MAIN' }]]) {
    if (more.has(key)) {
      out.push({
        key: `b-${key}`,
        label: `b. one tiny content script, ${tag}`,
        dir: writeExtension({
          'manifest.json': { ...emptyManifest('control b'), content_scripts: [{ matches, exclude_matches, js: ['tiny.js'], run_at: 'document_idle', ...extra }] },
          'tiny.js': 'void 0;\n',
          ...EMPTY_BG,
        }),
      });
    }
  }
  const c = tempDir();
  fs.cpSync(dist, c, { recursive: true });
  const chain = classicChain(manifest);
  // The build packages these only inside content/main.js: put the sources back beside it.
  for (const f of chain) fs.cpSync(path.join(ROOT, 'extension', f), path.join(c, f));
  fs.writeFileSync(path.join(c, 'content.js'), '');
  fs.writeFileSync(path.join(c, 'manifest.json'), JSON.stringify({
    ...manifest, content_scripts: [{ ...manifest.content_scripts[0], js: chain, run_at: 'document_idle' }],
  }));
  out.push({ key: 'c', label: `c. ${chain.length} classic scripts, content.js empty`, dir: c });
  out.push({ key: 'd', label: 'd. HireCheck as built', dir: dist, badge: true });
  if (more.has('inject')) out.push({ key: 'e', label: 'e. d injected by its worker after the load', dir: injectedAfterLoad(dist, manifest), badge: true });
  for (const spec of (process.env.HIRECHECK_BENCH_EXTRA ?? '').split(',').filter(Boolean)) {
    const [label, dir] = spec.split('=');
    // A label that starts with "-" names a build that draws no badge (a control): no wait for one.
    const quiet = label.startsWith('-');
    out.push({ label: `+ ${quiet ? label.slice(1) : label}`, dir: path.resolve(dir), badge: !quiet });
  }
  return out;
}

// HIRECHECK_BENCH_SKIP="b,c" leaves those variants out (fewer browsers side by side: less noise).
const skip = new Set((process.env.HIRECHECK_BENCH_SKIP ?? '').split(',').map((x) => x.trim()).filter(Boolean));
const list = variants(DIST).filter((v) => !skip.has(v.key));
const builtManifest = JSON.parse(fs.readFileSync(path.join(DIST, 'manifest.json'), 'utf8'));
const base = { label: 'without (empty extension)', dir: writeExtension({ 'manifest.json': emptyManifest('control: without'), ...EMPTY_BG }) };
const all = [base, ...list];
// Returns page ready (DOMContentLoaded end) -> badge drawn in ms for a variant that draws one.
async function settle(v, t) {
  const badge = v.badge ? await waitForBadge(v.cdp, 5000) : null;
  await sleep(100);
  return badge?.drawnAt != null ? badge.drawnAt - t.dcl : null;
}

// One round: every variant's browser started afresh, a warm-up load of each page, then LOADS loads of
// each page in each browser, alternating; the browsers closed. Adds each load to the variant's lists.
async function round(routes, n) {
  const started = [];
  try {
    for (const v of all) {
      const env = await startBrowser({ dist: v.dir, requestLog: null });
      started.push(env);
      v.tab = await env.context.newPage();
      v.cdp = v.badge ? await env.context.newCDPSession(v.tab) : null;
      v.env = env;
      v.rounds.push([]);
    }
    const pages = routes ?? started[0].server.routes.filter((r) => r.csp !== 'strict' && contentScriptRunsOn(builtManifest, r.url));
    if (n === 0) console.log(`${pages.length} pages, ${LOADS} loads of each in each of ${all.length} browsers, ${ROUNDS} round(s) of fresh browsers; ${os.cpus().length} CPU(s), load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    for (const r of pages) for (const v of all) await settle(v, await timedLoad(v.tab, r.url)); // warm-up
    for (let i = 0; i < LOADS; i++) {
      for (const [k, r] of pages.entries()) {
        const s = (i + k + n) % all.length;
        for (const v of [...all.slice(s), ...all.slice(0, s)]) {
          const t = await timedLoad(v.tab, r.url);
          const ms = await settle(v, t);
          v.load.push(t.load);
          v.rounds.at(-1).push(t.load);
          v.dcl.push(t.dcl);
          if (ms !== null) v.drawn.push(ms);
        }
      }
    }
    return pages;
  } finally {
    for (const env of started) await env.close();
  }
}

try {
  for (const v of all) Object.assign(v, { load: [], dcl: [], drawn: [], rounds: [] });
  let routes = null;
  for (let n = 0; n < ROUNDS; n++) routes = await round(routes, n);
  const b = median(base.load);
  const bd = median(base.dcl);
  // Both browsers without a content script (the "without" one and a.) pooled: less of one browser's luck.
  const aa = list.find((v) => v.key === 'a');
  const pooled = median([...base.load, ...(aa?.load ?? [])]);
  console.log(`\nload event end and DOMContentLoaded end, median of all loads (ms); the ratio to "without", and to "without" and a. pooled; page ready (DOMContentLoaded end) -> badge drawn:`);
  console.log(`  ${'variant'.padEnd(W)} ${'load'.padStart(7)} ${'ratio'.padStart(7)} ${'added'.padStart(7)} ${'pooled'.padStart(7)} ${'DCL'.padStart(7)} ${'ratio'.padStart(7)} ${'badge'.padStart(7)}`);
  for (const v of all) {
    const l = median(v.load);
    const d = median(v.dcl);
    console.log(`  ${v.label.padEnd(W)} ${fmt(l).padStart(7)} ${fmt(l / b, 3).padStart(7)} ${fmt(l - b).padStart(7)} ${fmt(l / pooled, 3).padStart(7)} ${fmt(d).padStart(7)} ${fmt(d / bd, 3).padStart(7)} ${fmt(median(v.drawn)).padStart(7)}`);
  }
  if (ROUNDS > 1) {
    // How much one set of browser instances moves the figures: each round's median added to "without"'s.
    console.log(`\nms added to the load, per round of fresh browsers (median of the round's loads against "without"'s):`);
    for (const v of list) {
      const added = v.rounds.map((r, n) => median(r) - median(base.rounds[n]));
      console.log(`  ${v.label.padEnd(W)} ${added.map((x) => fmt(x).padStart(6)).join(' ')}`);
    }
  }
  console.log(`\nload average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
}
