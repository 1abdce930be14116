// A panic in the wasm is a trap: the wasm is built with panics as immediate aborts (scripts/lib.sh,
// wasm_build), so a panic stops at a bare `unreachable`, with no message and no hook, and JavaScript
// sees a WebAssembly.RuntimeError thrown out of the export it called. The core should never panic
// (src/lib.rs), but if it does, the person must see the grey badge that says nothing was checked,
// never a stale or half-drawn verdict. No input makes today's core panic, so these tests make the
// trap: a copy of dist/chromium whose wasm modules have `check_page` and `check_html` replaced by a
// function that executes `unreachable` (binaryen's JS API, the npm package the build's wasm-opt comes
// from). In the page (content.js, run -> fail) and in safe mode (a strict-CSP page: the offscreen
// document's check_html traps, the relay answers "failed", content.js fails the same way).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import binaryen from 'binaryen';

import { DIST, ROOT, contentScriptRunsOn, loadAndRead, readJson, startBrowser } from './harness.mjs';
import { loadRoutes } from './server.mjs';

const LOG_FILE = path.join(ROOT, 'dist', 'e2e', 'trap.log');
const TRAPPING = ['check_page', 'check_html'];
// extension/_locales/en/messages.json: fallbackCheckFailed, fallbackNoStart (safe mode says the latter).
const CHECK_FAILED = 'HireCheck could not check this page.';
const NO_START = 'HireCheck could not start on this page. Nothing was checked.';

let env;
let page;
let cdp;
let dist;
let strict; // a strict-CSP profile route (safe mode)
let plain; // the same page without CSP (the wasm in the page)

/** The wasm at `file` with each export of `names` replaced by a function of the same type that traps. */
function withTrappingExports(file, names) {
  const m = binaryen.readBinary(fs.readFileSync(file));
  try {
    // The features stay those the module declares (its target_features section): with more, binaryen
    // may write newer encodings than the browser reads.
    for (const name of names) {
      const exp = m.getExport(name);
      assert.ok(exp, `${path.basename(file)} exports no ${name}`);
      const fn = binaryen.getExportInfo(exp).value;
      const info = binaryen.getFunctionInfo(m.getFunction(fn));
      m.removeFunction(fn);
      m.addFunction(fn, info.params, info.results, [], m.unreachable());
    }
    assert.ok(m.validate(), `${path.basename(file)}: the patched module does not validate`);
    return m.emitBinary();
  } finally {
    m.dispose();
  }
}

before(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'hirecheck-trap-'));
  fs.cpSync(DIST, dist, { recursive: true });
  const modules = fs.readdirSync(path.join(dist, 'wasm')).filter((f) => f.endsWith('.wasm'));
  assert.ok(modules.length > 0, `no wasm module in ${DIST}/wasm`);
  for (const f of modules) {
    const file = path.join(dist, 'wasm', f);
    fs.writeFileSync(file, withTrappingExports(file, TRAPPING));
  }
  const manifest = readJson(path.join(dist, 'manifest.json'));
  const routes = loadRoutes(path.join(ROOT, 'www')).filter((r) => contentScriptRunsOn(manifest, r.url));
  strict = routes.find((r) => r.csp === 'strict');
  plain = strict && routes.find((r) => r.csp !== 'strict' && r.file === strict.file && r.host === strict.host
    && r.utcOffsetMinutes === strict.utcOffsetMinutes);
  env = await startBrowser({ dist, logFile: LOG_FILE });
  page = env.context.pages()[0] ?? await env.context.newPage();
  cdp = await env.context.newCDPSession(page);
});

after(async () => {
  if (env) await env.close();
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

describe('a wasm that traps (a panic) gives the grey badge', () => {
  it('the demo has a strict-CSP profile and its twin without CSP', () => {
    assert.ok(strict, 'no route with "csp": "strict" in www/routes.json');
    assert.ok(plain, `${strict.key}: no route serves ${strict.file} without the strict CSP`);
  });

  it('in the page: "could not check this page"', async (t) => {
    const { badge } = await loadAndRead(env, page, plain.url, cdp);
    assert.ok(badge, `${plain.key}: no badge.\n  browser log:\n  ${env.logLines.slice(-15).join('\n  ')}`);
    t.diagnostic(`${plain.key}: level=${badge.level} summary=${JSON.stringify(badge.summary)}`);
    assert.equal(badge.level, 'error', `${plain.key}: not the grey badge`);
    assert.equal(badge.summary, CHECK_FAILED);
    assert.equal(badge.count, 1);
    assert.deepEqual(badge.rules, []);
    // It was the trap that failed the check (not, say, a wasm that did not load).
    assert.ok(env.logLines.some((l) => l.includes('the check failed on this page') && /unreachable/i.test(l)),
      `the content script did not report the trap:\n  ${env.logLines.slice(-15).join('\n  ')}`);
  });

  it('in safe mode (strict CSP): "could not start on this page"', async (t) => {
    const { badge } = await loadAndRead(env, page, strict.url, cdp);
    assert.ok(badge, `${strict.key}: no badge.\n  browser log:\n  ${env.logLines.slice(-15).join('\n  ')}`);
    t.diagnostic(`${strict.key}: level=${badge.level} summary=${JSON.stringify(badge.summary)}`);
    assert.equal(badge.level, 'error', `${strict.key}: not the grey badge`);
    assert.equal(badge.summary, NO_START);
    assert.equal(badge.count, 1);
    assert.ok(env.logLines.some((l) => l.includes('safe-mode check failed') && /unreachable/i.test(l)),
      `the content script did not report the safe-mode trap:\n  ${env.logLines.slice(-15).join('\n  ')}`);
  });
});
