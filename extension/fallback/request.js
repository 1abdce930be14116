// HireCheck safe mode: asks the extension to check a copy of this page (content/main.js
// imports it before content.js, in the same isolated world).
//
// Used by content.js when the page's CSP keeps the wasm out of it. Sends the page as rendered to the
// service worker (fallback/relay.js), which has it checked in an extension page. No network requests.
'use strict';

(() => {
  if (globalThis.__hirecheckSafeRequest) return;

  const CHECK_HTML = 'hirecheck:check-html'; // the port's name, as fallback/protocol.js
  const MAX_HTML_CHARS = 15 * 1024 * 1024; // as fallback/protocol.js

  /** The page is too large to be copied to the extension: nothing was checked. */
  class TooLarge extends Error {}

  // The page as it is now (what the site's app rendered), with its doctype, so that the copy is
  // parsed in the same mode (quirks or standards) as the page.
  function pageHtml() {
    const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '';
    return doctype + document.documentElement.outerHTML;
  }

  // One request over a port: a port reaches only the service worker's onConnect (a message would
  // reach every extension page, the offscreen document too, with the whole HTML).
  function ask(request) {
    return new Promise((resolve, reject) => {
      const port = chrome.runtime.connect({ name: CHECK_HTML });
      port.onMessage.addListener((reply) => {
        resolve(reply);
        port.disconnect();
      });
      port.onDisconnect.addListener(() => reject(new Error('the extension closed the connection')));
      port.postMessage(request);
    });
  }

  /**
   * Checks the page at `url` (location.href) with the arguments check_page takes: { policy, lang,
   * answers, recall }. Resolves to { report, supported } (supported: HireCheck reads pages at this
   * address); rejects with TooLarge, or an Error that says what failed.
   */
  async function check(url, { policy, lang, answers, recall }) {
    const html = pageHtml();
    if (html.length > MAX_HTML_CHARS) throw new TooLarge(`the page's HTML has ${html.length} characters`);
    const reply = await ask({ html, url, policy, lang, answers, recall });
    if (reply && reply.ok && reply.report) return { report: reply.report, supported: reply.supported === true };
    if (reply && reply.reason === 'too-large') throw new TooLarge('the extension found the page too large');
    throw new Error(`the safe-mode check failed: ${(reply && (reply.error || reply.reason)) || 'no answer'}`);
  }

  Object.defineProperty(globalThis, '__hirecheckSafeRequest', { value: Object.freeze({ check, TooLarge }) });
})();
