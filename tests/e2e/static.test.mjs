// Static checks of the built extension (dist/chromium): nothing in it can reach the network, and
// the manifest asks for no more than it needs. No browser needed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { ROOT } from './server.mjs';

const DIST = path.resolve(process.env.HIRECHECK_DIST ?? path.join(ROOT, 'dist', 'chromium'));
const GLUE = path.join(DIST, 'wasm', 'hirecheck.js');
const WASM = path.join(DIST, 'wasm', 'hirecheck_bg.wasm');
// offscreen: the safe mode's offscreen document (extension/fallback/relay.js); no install warning.
const ALLOWED_PERMISSIONS = new Set(['storage', 'offscreen']);

function files(dir, exts) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, exts));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

const rel = (p) => path.relative(DIST, p);

/** [line number, line] of every match of `re` (global) in `text`. */
function hits(text, re) {
  const out = [];
  for (const m of text.matchAll(re)) {
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ line, index: m.index, text: text.split('\n')[line - 1].trim().slice(0, 160), match: m[0] });
  }
  return out;
}

// APIs that talk to the network (or to another process that could), by name.
const NETWORK_APIS = /\b(XMLHttpRequest|WebSocket|sendBeacon|EventSource|WebTransport|RTCPeerConnection|importScripts|connectNative|sendNativeMessage|chrome\.downloads|browser\.downloads)\b/g;
// Setting a remote address where the browser would load it.
const REMOTE_LOADS = /\b(src|href|action|data)\s*=\s*["'`]\s*(https?:)?\/\/|\bimport\s*\(\s*["'`]\s*(https?:)?\/\/|url\(\s*["']?\s*(https?:)?\/\//g;
// The only fetch the extension's own code may make: one of its packaged files.
const OWN_FETCH = /^fetch\s*\(\s*(chrome|browser)\.runtime\.getURL\(\s*(["'`])[^"'`]+\2\s*\)\s*[,)]/;

describe('static checks of dist/chromium', () => {
  it('is built', () => {
    assert.ok(fs.existsSync(path.join(DIST, 'manifest.json')), `no ${DIST}/manifest.json: run 'make build'`);
    assert.ok(fs.existsSync(GLUE), `no ${rel(GLUE)}`);
    assert.ok(fs.existsSync(WASM), `no ${rel(WASM)}`);
  });

  it('the manifest asks for no host access and no permission beyond storage and offscreen', () => {
    const text = fs.readFileSync(path.join(DIST, 'manifest.json'), 'utf8');
    const m = JSON.parse(text);
    assert.equal(m.manifest_version, 3);
    assert.ok(!text.includes('<all_urls>'), 'manifest.json mentions <all_urls>');
    assert.deepEqual(m.host_permissions ?? [], [], 'host_permissions');
    assert.deepEqual(m.optional_host_permissions ?? [], [], 'optional_host_permissions');
    const extra = [...(m.permissions ?? []), ...(m.optional_permissions ?? [])].filter((p) => !ALLOWED_PERMISSIONS.has(p));
    assert.deepEqual(extra, [], `permissions beyond ${[...ALLOWED_PERMISSIONS].join(', ')}`);
    assert.equal(m.externally_connectable, undefined, 'externally_connectable lets web pages message the extension');
    for (const cs of m.content_scripts ?? []) {
      for (const pat of cs.matches ?? []) {
        assert.doesNotMatch(pat, /^(\*|https?|file):\/\/\*\//, `content script on every site: ${pat}`);
      }
    }
    for (const w of m.web_accessible_resources ?? []) {
      for (const pat of w.matches ?? []) assert.doesNotMatch(pat, /^(\*|https?):\/\/\*\//, `web_accessible_resources for every site: ${pat}`);
    }
    const csp = typeof m.content_security_policy === 'string' ? m.content_security_policy : Object.values(m.content_security_policy ?? {}).join(' ');
    assert.doesNotMatch(csp, /https?:|\s\*|'unsafe-eval'|'unsafe-inline'|data:|blob:/, `content_security_policy allows remote or inline code: ${csp}`);
  });

  it('the wasm-bindgen glue fetches nothing but its own module', () => {
    const glue = fs.readFileSync(GLUE, 'utf8');
    const fetches = hits(glue, /\bfetch\s*\(/g);
    // wasm-bindgen --target web: `__wbg_init` fetches `module_or_path` when it is a URL or a string;
    // the extension passes the packaged .wasm (or its bytes). Any other fetch is an import shim for a
    // Rust call to a fetch API, which must not exist.
    assert.deepEqual(fetches.map((h) => h.text), ['module_or_path = fetch(module_or_path);'],
      `fetch calls in ${rel(GLUE)}`);
    assert.deepEqual(hits(glue, NETWORK_APIS).map((h) => `${h.line}: ${h.text}`), [], `network APIs in ${rel(GLUE)}`);
  });

  it('the wasm module imports no network API', async () => {
    const mod = await WebAssembly.compile(fs.readFileSync(WASM));
    const names = WebAssembly.Module.imports(mod).map((i) => `${i.module}.${i.name}`);
    assert.ok(names.length > 0, 'the wasm module imports nothing: is it the real build?');
    const bad = names.filter((n) => /fetch|xmlhttp|websocket|sendbeacon|eventsource|webtransport|rtcpeer|importscripts|__wbg_open_|__wbg_set(src|href|action)_|__wbg_assign_|__wbg_sendbeacon_/i.test(n));
    assert.deepEqual(bad, [], 'wasm imports that reach the network or navigate');
  });

  it("the extension's scripts and pages load nothing remote", () => {
    const problems = [];
    for (const f of files(DIST, ['.js', '.mjs', '.html', '.htm', '.css'])) {
      if (f === GLUE) continue;
      const text = fs.readFileSync(f, 'utf8');
      for (const h of hits(text, NETWORK_APIS)) problems.push(`${rel(f)}:${h.line}: ${h.match}: ${h.text}`);
      for (const h of hits(text, REMOTE_LOADS)) problems.push(`${rel(f)}:${h.line}: remote load: ${h.text}`);
      for (const h of hits(text, /\bfetch\s*\(/g)) {
        if (!OWN_FETCH.test(text.slice(h.index, h.index + 300))) {
          problems.push(`${rel(f)}:${h.line}: fetch of something other than chrome.runtime.getURL('<packaged file>'): ${h.text}`);
        }
      }
      if (/\.html?$/.test(f)) {
        for (const h of hits(text, /<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/gi)) problems.push(`${rel(f)}:${h.line}: inline script (blocked by the MV3 CSP): ${h.text}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('only the extension\'s own pages write what the client keeps (the content script only reads)', () => {
    // The checklist answers are the client's; a page could drive the content script, never the popup.
    const text = fs.readFileSync(path.join(DIST, 'content.js'), 'utf8');
    const writes = hits(text, /\bstorage\s*\.\s*(local|sync|session)\s*\.\s*(set|remove|clear)\b/g);
    assert.deepEqual(writes.map((h) => `content.js:${h.line}: ${h.text}`), []);
    assert.ok(/storage\s*\.\s*local\s*\.\s*get\b/.test(text), 'content.js reads the checklist answers');
  });
});
