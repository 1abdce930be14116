// HireCheck safe mode: the service worker's part (imported by background.js).
//
// A page whose Content-Security-Policy lacks 'wasm-unsafe-eval' keeps the wasm out of the content
// script (Chromium applies the page's CSP to it). The content script then sends the page's HTML here,
// and this relay has it checked in an extension page, whose own CSP allows the wasm:
//   - Chromium: an offscreen document (offscreen.html; reason DOM_PARSER, as check_html needs
//     DOMParser, which service workers lack). Created on the first request, one at a time, and closed
//     again after a quiet minute to free its memory.
//   - Firefox: no offscreen API, but the background is a page with a DOM: it runs the checker itself.
// Accepts requests only from our own content scripts in a tab's top frame; the HTML is bounded.
// No network requests.
import { CHECK_HTML, MAX_HTML_CHARS, OFFSCREEN_TARGET } from './protocol.js';

const OFFSCREEN_URL = 'offscreen.html';
const IDLE_CLOSE_MS = 60_000;

let creating = null; // a promise while the offscreen document is being created
let closing = null; // ... and while it is being closed
let inFlight = 0;
let idleTimer = 0;

async function hasOffscreen() {
  const url = chrome.runtime.getURL(OFFSCREEN_URL);
  const found = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  return found.length > 0;
}

// One document at a time: concurrent requests wait for the same creation. (The service worker may
// have restarted while a document from before stayed open: ask the browser, not only our memory.)
async function ensureOffscreen() {
  if (closing) await closing;
  if (await hasOffscreen()) return;
  creating ??= chrome.offscreen.createDocument({
    url: OFFSCREEN_URL,
    reasons: ['DOM_PARSER'],
    justification: 'Checks a page from its HTML where the page blocks WebAssembly in the content script.',
  }).finally(() => { creating = null; });
  await creating;
}

function closeWhenIdle() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (inFlight > 0 || creating || closing) return;
    // Started in this task, so a request that comes later waits for it in ensureOffscreen().
    closing = chrome.offscreen.closeDocument()
      .catch(() => { /* already closed */ })
      .finally(() => { closing = null; });
  }, IDLE_CLOSE_MS);
}

async function viaOffscreen(request) {
  await ensureOffscreen();
  const reply = await chrome.runtime.sendMessage({ target: OFFSCREEN_TARGET, request });
  if (!reply || !reply.ok) throw new Error((reply && reply.error) || 'the offscreen document did not answer');
  return { report: reply.report, supported: reply.supported };
}

// Firefox: the background page has a DOM, so the checker runs right here.
async function inThisPage(request) {
  const { checkHtml } = await import('./checker.js');
  return checkHtml(request);
}

// The page's address as the content script saw it (in-page navigation moves it past sender.url),
// accepted only on the origin the browser says the message came from.
function pageUrl(claimed, senderUrl) {
  try {
    const c = new URL(String(claimed));
    if (c.origin === new URL(String(senderUrl)).origin) return c.href;
  } catch (_) { /* fall through */ }
  return String(senderUrl || '');
}

function plainObject(v) {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

async function check(message, sender) {
  if (typeof message.html !== 'string' || message.html === '') return { ok: false, reason: 'no-html' };
  if (message.html.length > MAX_HTML_CHARS) return { ok: false, reason: 'too-large' };
  const request = {
    html: message.html,
    url: pageUrl(message.url, sender.url),
    policy: plainObject(message.policy),
    lang: typeof message.lang === 'string' ? message.lang.slice(0, 35) : 'en',
    now: Date.now(),
    answers: plainObject(message.answers),
    recall: plainObject(message.recall),
  };
  inFlight += 1;
  try {
    const result = chrome.offscreen ? await viaOffscreen(request) : await inThisPage(request);
    return { ok: true, report: result.report, supported: result.supported === true };
  } finally {
    inFlight -= 1;
    if (chrome.offscreen) closeWhenIdle();
  }
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
