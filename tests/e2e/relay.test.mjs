// The safe mode's relay (extension/fallback/relay.js) in Node, against a stand-in for the Chromium
// extension APIs it uses: whom it answers, the size cap, one offscreen document however many requests
// arrive at once, the page address it passes on, and closing the document when idle. No browser;
// tests/e2e/fallback.test.mjs runs the real thing in Chromium.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it, mock } from 'node:test';

import { ROOT } from './server.mjs';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const TAB = { id: 7 };
const PAGE = 'https://www.upwork.com/freelancers/~01abc';

const api = {
  listener: null,
  offscreenDocs: 0,
  created: 0,
  closed: 0,
  forwarded: [], // requests that reached the "offscreen document"
};

globalThis.chrome = {
  runtime: {
    id: ID,
    getURL: (p) => `chrome-extension://${ID}/${p}`,
    onConnect: { addListener: (fn) => { api.listener = fn; } },
    getContexts: async () => Array.from({ length: api.offscreenDocs }, () => ({ contextType: 'OFFSCREEN_DOCUMENT' })),
    // The service worker's message to the offscreen document: answered as offscreen.js would.
    sendMessage: async (m) => {
      assert.equal(m.target, 'hirecheck:offscreen');
      assert.equal(api.offscreenDocs, 1, 'a message to an offscreen document that is not there');
      api.forwarded.push(m.request);
      return { ok: true, report: { risk: { level: 'high' }, source: m.request.url }, supported: true };
    },
  },
  offscreen: {
    createDocument: async ({ url, reasons }) => {
      assert.equal(url, 'offscreen.html');
      assert.deepEqual(reasons, ['DOM_PARSER']);
      api.created += 1;
      await new Promise((r) => setImmediate(r)); // creation takes a while
      if (api.offscreenDocs > 0) throw new Error('Only a single offscreen document may be created.');
      api.offscreenDocs = 1;
    },
    closeDocument: async () => {
      api.closed += 1;
      api.offscreenDocs = 0;
    },
  },
};

/** Opens a port as `sender` and sends `message` on it; resolves to the answer, or 'ignored'. */
function ask(message, sender, name = 'hirecheck:check-html') {
  return new Promise((resolve) => {
    let onMessage = null;
    const port = {
      name,
      sender,
      onMessage: { addListener: (fn) => { onMessage = fn; } },
      postMessage: resolve,
      disconnect: () => resolve('ignored'),
    };
    api.listener(port);
    if (onMessage) onMessage(message, port);
    else resolve('ignored');
  });
}

const fromTab = (over = {}) => ({ id: ID, tab: TAB, frameId: 0, url: PAGE, ...over });
const request = (over = {}) => ({ html: '<!doctype html><title>x</title>', url: PAGE, lang: 'en', ...over });

before(async () => {
  mock.timers.enable({ apis: ['setTimeout'] }); // the idle close, driven by tick() below
  await import(pathToFileURL(path.join(ROOT, 'extension', 'fallback', 'relay.js')).href);
  assert.ok(api.listener, 'relay.js registered no message listener');
});

describe('safe-mode relay (extension/fallback/relay.js)', () => {
  it('answers only our own content scripts in a tab\'s top frame', async () => {
    assert.equal(await ask(request(), fromTab({ id: 'another-extension' })), 'ignored');
    assert.equal(await ask(request(), fromTab({ tab: undefined })), 'ignored'); // an extension page
    assert.equal(await ask(request(), fromTab({ frameId: 3 })), 'ignored');
    assert.equal(await ask(request(), fromTab(), 'hirecheck:something-else'), 'ignored');
    assert.equal(api.forwarded.length, 0);
  });

  it('refuses HTML beyond the cap before creating anything', async () => {
    const { MAX_HTML_CHARS } = await import(pathToFileURL(path.join(ROOT, 'extension', 'fallback', 'protocol.js')).href);
    const reply = await ask(request({ html: 'x'.repeat(MAX_HTML_CHARS + 1) }), fromTab());
    assert.deepEqual(reply, { ok: false, reason: 'too-large' });
    assert.deepEqual(await ask(request({ html: 42 }), fromTab()), { ok: false, reason: 'no-html' });
    assert.equal(api.created, 0);
    assert.equal(api.forwarded.length, 0);
  });

  it('creates one offscreen document for requests that arrive together', async () => {
    const replies = await Promise.all([1, 2, 3, 4].map(() => ask(request(), fromTab())));
    for (const r of replies) assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(api.created, 1);
    assert.equal(api.offscreenDocs, 1);
    assert.equal(api.forwarded.length, 4);
    assert.equal(replies[0].report.risk.level, 'high');
    assert.equal(replies[0].supported, true);
  });

  it('passes on the address only on the origin the message came from, and only plain objects', async () => {
    api.forwarded.length = 0;
    await ask(request({ url: `${PAGE}?tab=1`, answers: { 'refuses-video': 'observed' }, recall: [1, 2], policy: 'x' }), fromTab());
    await ask(request({ url: 'https://evil.example/freelancers/~01abc' }), fromTab());
    const [same, other] = api.forwarded;
    assert.equal(same.url, `${PAGE}?tab=1`);
    assert.deepEqual(same.answers, { 'refuses-video': 'observed' });
    assert.equal(same.recall, undefined);
    assert.equal(same.policy, undefined);
    assert.equal(other.url, PAGE, 'another origin than the sender\'s was passed on');
  });

  it('closes the offscreen document after a quiet minute, and opens a new one when needed', async () => {
    assert.equal(api.offscreenDocs, 1);
    mock.timers.tick(59_000);
    assert.equal(api.closed, 0);
    mock.timers.tick(1_000);
    await new Promise((r) => setImmediate(r));
    assert.equal(api.closed, 1);
    assert.equal(api.offscreenDocs, 0);
    const reply = await ask(request(), fromTab());
    assert.equal(reply.ok, true);
    assert.equal(api.created, 2);
    mock.timers.reset();
  });
});
