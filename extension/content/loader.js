// HireCheck's one content script (classic script, isolated world, run_at document_start): starts the
// others once the page has loaded.
//
// Why (docs/performance.md, "Browser"): Chromium runs document_end and document_idle scripts in a task
// of their own that holds back the window's load event until it has run; on a fast page that added
// 7-15 ms to the load, even for a script that does nothing. A document_start script runs at once, and
// this one only registers two listeners. In the load event (the imports' fetches start there; the
// modules run in later tasks, once the event has ended), or at the latest MAX_WAIT_MS after
// DOMContentLoaded on a page that never finishes loading (when Chromium would have run document_idle
// scripts), it imports content/main.js: an ES module in this same isolated world, the content scripts
// in their order (settings.js, fallback/*, content/*, content.js; the build joins them into it). It
// is web-accessible on the sites, like the wasm.
'use strict';

(() => {
  if (globalThis.__hirecheckLoader) return;
  Object.defineProperty(globalThis, '__hirecheckLoader', { value: true });

  const MAX_WAIT_MS = 200; // Chromium's own limit for document_idle after DOMContentLoaded
  let started = false;
  let timer = 0;

  function start() {
    if (started) return;
    started = true;
    clearTimeout(timer);
    removeEventListener('load', onLoad);
    document.removeEventListener('DOMContentLoaded', onReady);
    // The wasm glue, which content.js imports first, is fetched meanwhile (one module map per world).
    // So is wasm/sites.js, the table content.js picks this site's wasm module from (location.hostname).
    import(chrome.runtime.getURL('wasm/hirecheck.js')).catch(() => { /* content.js says so */ });
    import(chrome.runtime.getURL('wasm/sites.js')).catch(() => { /* content.js says so */ });
    import(chrome.runtime.getURL('content/main.js')).catch((e) => {
      // Without its scripts HireCheck cannot draw anything here; the toolbar still says so.
      console.error('HireCheck could not start on this page.', e);
      try {
        const text = chrome.i18n.getMessage('fallbackNoStart') || 'HireCheck could not start on this page. Nothing was checked.';
        chrome.runtime.sendMessage({
          type: 'hirecheck:report',
          report: { level: 'error', score: 0, summary: text, findings: [], missing: [], profile_key: null, checklist: [], site: null, page_kind: null, source: location.href },
        }).catch(() => {});
      } catch (_) { /* the extension was reloaded: nothing to tell */ }
    });
  }

  // In the load event: the imports only start fetching here; the modules run in later tasks, after the
  // load event has ended.
  function onLoad() {
    start();
  }

  function onReady() {
    if (!started && !timer) timer = setTimeout(start, MAX_WAIT_MS);
  }

  if (document.readyState === 'complete') {
    setTimeout(start, 0); // injected into a page that had loaded (Firefox does so on install)
    return;
  }
  addEventListener('load', onLoad);
  if (document.readyState === 'interactive') onReady();
  else document.addEventListener('DOMContentLoaded', onReady);
})();
