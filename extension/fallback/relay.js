// HireCheck safe mode: the service worker's part (imported by background.js).
//
// A page whose Content-Security-Policy lacks 'wasm-unsafe-eval' keeps the wasm out of the content
// script (Chromium applies the page's CSP to it). The content script then sends the page's HTML here,
// and this relay has it checked in an extension page, whose own CSP allows the wasm:
//   - Chromium: an offscreen document (fallback/host.js);
//   - Firefox: no offscreen API, but the background is a page with a DOM: it runs the checker itself
//     (extension/overlays/firefox/fallback/host.js).
// Accepts requests only from our own content scripts in a tab's top frame; the HTML is bounded.
// No network requests.
import { CHECK_HTML, MAX_HTML_CHARS } from './protocol.js';
// Where the check runs: the Chromium build ships host.js (an offscreen document); the Firefox build
// replaces it with extension/overlays/firefox/fallback/host.js (this background page itself).
import { checkInExtension } from './host.js';
import { sourceUrl } from '../sender.js';

function plainObject(v) {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

async function check(message, sender) {
  if (typeof message.html !== 'string' || message.html === '') return { ok: false, reason: 'no-html' };
  if (message.html.length > MAX_HTML_CHARS) return { ok: false, reason: 'too-large' };
  const request = {
    html: message.html,
    url: sourceUrl(message.url, sender.url),
    policy: plainObject(message.policy),
    lang: typeof message.lang === 'string' ? message.lang.slice(0, 35) : 'en',
    now: Date.now(),
    answers: plainObject(message.answers),
    recall: plainObject(message.recall),
  };
  const result = await checkInExtension(request);
  return { ok: true, report: result.report, supported: result.supported === true };
}

// The content script asks over a port, not with a message: a message from a content script reaches
// every extension page (the offscreen document too, with the whole HTML), a port only the listeners of
// onConnect, which is this one. One request, one reply per port.
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== CHECK_HTML) return;
  const sender = port.sender || {};
  // Only our own content script, in a tab's top frame.
  if (sender.id !== chrome.runtime.id || !sender.tab || sender.frameId !== 0) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener((message) => {
    const reply = message && typeof message === 'object' ? check(message, sender) : Promise.resolve({ ok: false, reason: 'no-html' });
    reply.catch((e) => {
      console.warn('HireCheck: the safe-mode check failed.', e);
      return { ok: false, reason: 'failed', error: String((e && e.message) || e) };
    }).then((r) => {
      try { port.postMessage(r); } catch (_) { /* the tab went away meanwhile */ }
    });
  });
});
