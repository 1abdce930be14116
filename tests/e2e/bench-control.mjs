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
// and in the page's own world.
// HIRECHECK_BENCH_EXTRA="label=dir,..." adds other built extensions (e.g. an older build) as variants;
// a label that starts with "-" ("-tiny=dir") is a control that draws no badge (no wait for one).
// HIRECHECK_BENCH_LOADS (default 10) loads of each page in each browser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { DIST, ROOT, contentScriptRunsOn, median, startBrowser, timedLoad, waitForBadge } from './harness.mjs';

const LOADS = Number(process.env.HIRECHECK_BENCH_LOADS ?? 10);
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

function variants(dist) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
  const { matches, exclude_matches } = manifest.content_scripts[0];
  const out = [
    { label: 'a. no content script (A/A)', dir: writeExtension({ 'manifest.json': emptyManifest('control a'), ...EMPTY_BG }) },
    {
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
  out.push({ label: `c. ${chain.length} classic scripts, content.js empty`, dir: c });
  out.push({ label: 'd. HireCheck as built', dir: dist, badge: true });
  for (const spec of (process.env.HIRECHECK_BENCH_EXTRA ?? '').split(',').filter(Boolean)) {
    const [label, dir] = spec.split('=');
    // A label that starts with "-" names a build that draws no badge (a control): no wait for one.
    const quiet = label.startsWith('-');
    out.push({ label: `+ ${quiet ? label.slice(1) : label}`, dir: path.resolve(dir), badge: !quiet });
  }
  return out;
}

const list = variants(DIST);
const base = { label: 'without (empty extension)', dir: writeExtension({ 'manifest.json': emptyManifest('control: without'), ...EMPTY_BG }) };
const all = [base, ...list];
const started = [];
try {
  for (const v of all) {
    const env = await startBrowser({ dist: v.dir, requestLog: null });
    started.push(env);
    const tab = await env.context.newPage();
    v.tab = tab;
    v.cdp = v.badge ? await env.context.newCDPSession(tab) : null;
    v.load = [];
    v.dcl = [];
    v.env = env;
  }
  const routes = started[0].server.routes.filter((r) => r.csp !== 'strict' && contentScriptRunsOn(list.at(-1).env.manifest, r.url));
  console.log(`${routes.length} pages, ${LOADS} loads of each in each of ${all.length} browsers; ${os.cpus().length} CPU(s), load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const settle = async (v) => {
    if (v.badge) await waitForBadge(v.cdp, 5000);
    await sleep(100);
  };
  for (const r of routes) for (const v of all) { await timedLoad(v.tab, r.url); await settle(v); } // warm-up
  for (let i = 0; i < LOADS; i++) {
    for (const [k, r] of routes.entries()) {
      const s = (i + k) % all.length;
      for (const v of [...all.slice(s), ...all.slice(0, s)]) {
        const t = await timedLoad(v.tab, r.url);
        await settle(v);
        v.load.push(t.load);
        v.dcl.push(t.dcl);
      }
    }
  }
  const b = median(base.load);
  const bd = median(base.dcl);
  // Both browsers without a content script (the "without" one and a.) pooled: less of one browser's luck.
  const pooled = median([...base.load, ...list[0].load]);
  console.log(`\nload event end and DOMContentLoaded end, median of all loads (ms); the ratio to "without", and to "without" and a. pooled:`);
  console.log(`  ${'variant'.padEnd(W)} ${'load'.padStart(7)} ${'ratio'.padStart(7)} ${'added'.padStart(7)} ${'pooled'.padStart(7)} ${'DCL'.padStart(7)} ${'ratio'.padStart(7)}`);
  for (const v of all) {
    const l = median(v.load);
    const d = median(v.dcl);
    console.log(`  ${v.label.padEnd(W)} ${fmt(l).padStart(7)} ${fmt(l / b, 3).padStart(7)} ${fmt(l - b).padStart(7)} ${fmt(l / pooled, 3).padStart(7)} ${fmt(d).padStart(7)} ${fmt(d / bd, 3).padStart(7)}`);
  }
  console.log(`\nload average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  for (const env of started) await env.close();
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
}
