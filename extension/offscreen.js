// HireCheck safe mode (Chromium): the offscreen document's end of the relay (fallback/relay.js).
//
// Answers check requests from the extension's service worker only; content scripts talk to the
// service worker, never to this page. Offscreen documents get chrome.runtime and nothing else.
import { checkHtml } from './fallback/checker.js';
import { OFFSCREEN_TARGET } from './fallback/protocol.js';

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || message.target !== OFFSCREEN_TARGET) return false;
  // From the service worker: our own extension, not a tab (a content script's messages name a tab).
  if (sender.id !== chrome.runtime.id || sender.tab) return false;
  checkHtml(message.request).then(
    (result) => sendResponse({ ok: true, ...result }),
    (e) => sendResponse({ ok: false, error: String((e && e.message) || e) }),
  );
  return true; // the answer comes later
});
