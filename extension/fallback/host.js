// HireCheck safe mode, Chromium: runs the check in an offscreen document (offscreen.html; reason
// DOM_PARSER, as check_html needs DOMParser, which service workers lack). Created on the first
// request, one at a time, and closed again after a quiet minute to free its memory.
// The Firefox build replaces this file (extension/overlays/firefox/fallback/host.js).
import { OFFSCREEN_TARGET } from './protocol.js';

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

/** Checks `request` (built and bounded by relay.js) in the offscreen document. */
export async function checkInExtension(request) {
  inFlight += 1;
  try {
    return await viaOffscreen(request);
  } finally {
    inFlight -= 1;
    closeWhenIdle();
  }
}
