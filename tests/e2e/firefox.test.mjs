// The Firefox build: scripts/firefox-manifest.py turns manifest.json into Firefox's manifest, and
// dist/firefox/ (scripts/build-firefox.sh) is dist/chromium/ with that manifest. No browser needed;
// `web-ext lint` of dist/firefox runs after these tests (scripts/check-firefox.sh).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import { ROOT } from './server.mjs';

const SCRIPT = path.join(ROOT, 'scripts', 'firefox-manifest.py');
const CHROMIUM = path.join(ROOT, 'dist', 'chromium');
const FIREFOX = path.join(ROOT, 'dist', 'firefox');
const temps = [];
after(() => { for (const d of temps) fs.rmSync(d, { recursive: true, force: true }); });

/** Runs the script on a manifest object and a background.js text; returns the Firefox manifest. */
function derive(manifest, backgroundJs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirecheck-ffm-'));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  fs.mkdirSync(path.join(dir, 'ext'));
  const worker = manifest.background?.service_worker ?? 'background.js';
  fs.writeFileSync(path.join(dir, 'ext', worker), backgroundJs);
  const out = execFileSync('python3', [SCRIPT, path.join(dir, 'manifest.json'), path.join(dir, 'ext')], { encoding: 'utf8' });
  return JSON.parse(out);
}

const repoManifest = () => JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
const repoBackground = () => fs.readFileSync(path.join(ROOT, 'extension', 'background.js'), 'utf8');

describe('Firefox manifest from manifest.json', () => {
  it('runs the service worker as a background script and declares what AMO needs', () => {
    const chromium = repoManifest();
    const ff = derive(chromium, repoBackground());
    assert.equal(ff.background.service_worker, undefined);
    assert.equal(ff.background.scripts.at(-1), chromium.background.service_worker);
    const gecko = ff.browser_specific_settings.gecko;
    assert.equal(gecko.id, 'hirecheck@hirecheck.org');
    assert.equal(gecko.strict_min_version, '140.0');
    assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
    assert.equal(ff.minimum_chrome_version, undefined);
  });

  it('keeps everything else as it is: content scripts, resources, CSP, permissions', () => {
    const chromium = repoManifest();
    const ff = derive(chromium, repoBackground());
    for (const key of Object.keys(chromium)) {
      if (['background', 'minimum_chrome_version', 'permissions', 'optional_permissions'].includes(key)) continue;
      assert.deepEqual(ff[key], chromium[key], key);
    }
    assert.deepEqual(ff.permissions, (chromium.permissions ?? []).filter((p) => p !== 'offscreen'));
  });

  it('drops Chromium-only permissions and keys, lists imported scripts before the worker', () => {
    const ff = derive({
      manifest_version: 3,
      name: 'x',
      version: '1',
      minimum_chrome_version: '121',
      permissions: ['storage', 'offscreen'],
      optional_permissions: ['offscreen'],
      background: { service_worker: 'sw.js' },
      options_ui: { page: 'options.html' },
      storage: { managed_schema: 'schema.json' },
    }, "'use strict';\nimportScripts('lib/a.js', \"b.js\");\n  self.importScripts('/c.js');\nimportScripts('b.js');\n");
    assert.deepEqual(ff.permissions, ['storage']);
    assert.deepEqual(ff.optional_permissions, []);
    assert.deepEqual(ff.background, { scripts: ['lib/a.js', 'b.js', 'c.js', 'sw.js'] });
    assert.equal(ff.minimum_chrome_version, undefined);
    // A module worker stays a module (background.js imports the safe-mode relay).
    const mod = derive({ manifest_version: 3, name: 'x', version: '1', background: { service_worker: 'sw.js', type: 'module' } },
      "import './relay.js';\n");
    assert.deepEqual(mod.background, { type: 'module', scripts: ['sw.js'] });
    assert.deepEqual(ff.options_ui, { page: 'options.html' });
    assert.deepEqual(ff.storage, { managed_schema: 'schema.json' });
  });

  it('uses the add-on id that the Firefox policy example for administrators names', () => {
    const ff = derive(repoManifest(), repoBackground());
    const policies = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'policies', 'firefox-policies.json'), 'utf8')).policies;
    const id = ff.browser_specific_settings.gecko.id;
    assert.ok(policies.ExtensionSettings[id], 'ExtensionSettings');
    assert.ok(policies['3rdparty'].Extensions[id], '3rdparty.Extensions');
  });

  it('gives the same bytes for the same input', () => {
    const a = JSON.stringify(derive(repoManifest(), repoBackground()));
    const b = JSON.stringify(derive(repoManifest(), repoBackground()));
    assert.equal(a, b);
  });
});

describe('dist/firefox', () => {
  const built = fs.existsSync(path.join(FIREFOX, 'manifest.json')) && fs.existsSync(path.join(CHROMIUM, 'manifest.json'));

  it('is dist/chromium with the derived manifest, the Firefox overlay and no offscreen page', { skip: !built && 'dist/firefox is not built' }, () => {
    const list = (dir) => fs.readdirSync(dir, { recursive: true })
      .filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
    const overlayDir = path.join(ROOT, 'extension', 'overlays', 'firefox');
    const overlay = new Set(list(overlayDir));
    const chromiumOnly = new Set(['offscreen.html', 'offscreen.js']);
    assert.ok(overlay.has(path.join('fallback', 'host.js')), 'no Firefox host for the safe mode');
    assert.deepEqual(list(FIREFOX), list(CHROMIUM).filter((f) => !chromiumOnly.has(f)));
    for (const f of list(FIREFOX)) {
      if (f === 'manifest.json') continue;
      const from = overlay.has(f) ? path.join(overlayDir, f) : path.join(CHROMIUM, f);
      assert.ok(fs.readFileSync(path.join(FIREFOX, f)).equals(fs.readFileSync(from)), f);
    }
    assert.ok(!list(CHROMIUM).some((f) => f.startsWith('overlays')), 'the overlays were copied into the Chromium build');
    const want = derive(repoManifest(), repoBackground());
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(FIREFOX, 'manifest.json'), 'utf8')), want);
  });
});
