// HireCheck's content scripts' loader (classic script, isolated world, run_at document_start, after
// wasm/hirecheck-content.js, the wasm glue as a classic script that defines __hirecheckGlue).
//
// Why it waits (docs/performance.md, "Browser"): Chromium runs document_end and document_idle scripts
// in a task of their own that holds back the window's load event until it has run; on a fast page that
// added 7-15 ms to the load, even for a script that does nothing. A document_start script runs at
// once, and this one only registers two listeners.
//
// In the load event (or at the latest MAX_WAIT_MS after DOMContentLoaded on a page that never finishes
// loading, when Chromium would have run document_idle scripts) it starts three things that then run
// side by side, after the event has ended:
//   - this site's wasm module (MODULE_BY_HOST): the glue fetches it from the package and compiles it
//     while streaming, off the main thread;
//   - one read of the extension's local storage (settings, memory, checklist answers), with a listener
//     that notes whether storage changes meanwhile (content.js then reads again);
//   - the import of content/main.js, an ES module in this same isolated world: the content scripts in
//     their order (settings.js, fallback/*, content/*, content.js; the build joins them into it).
// content.js takes the first two from globalThis.__hirecheckEarly (this world's; the page cannot reach
// it). Started after the import, as they were, the compilation and the reads came ~25 ms after the load
// event on a slow machine (the import waits behind the page's first frame), one after the other.
'use strict';

(() => {
  if (globalThis.__hirecheckLoader) return;
  Object.defineProperty(globalThis, '__hirecheckLoader', { value: true });

  const MAX_WAIT_MS = 200; // Chromium's own limit for document_idle after DOMContentLoaded
  // Which wasm module reads which host ("upwork.com": "upwork"): scripts/build-extension.sh writes its
  // MODULES table here, as it writes wasm/sites.js for the extension pages.
  const MODULE_BY_HOST = {};
  let started = false;
  let timer = 0;

  function moduleForHost(hostname) {
    const host = String(hostname).toLowerCase().replace(/^www\./, '');
    for (const h of Object.keys(MODULE_BY_HOST)) {
      if (host === h || host.endsWith(`.${h}`)) return MODULE_BY_HOST[h];
    }
    return null;
  }

  // Resolves to { module, glue, exports } once the wasm is instantiated; rejects where it cannot be
  // (typically a page CSP without 'wasm-unsafe-eval': content.js then checks in safe mode).
  function startWasm() {
    const module = moduleForHost(location.hostname);
    if (!module) return Promise.reject(new Error(`no wasm module reads pages of ${location.hostname}`));
    // Defined by wasm/hirecheck-content.js, which the manifest lists before this script.
    if (typeof __hirecheckGlue !== 'function') return Promise.reject(new Error('the wasm glue (wasm/hirecheck-content.js) did not load'));
    return __hirecheckGlue({ module_or_path: chrome.runtime.getURL(`wasm/${module}.wasm`) })
      .then((exports) => ({ module, glue: __hirecheckGlue, exports }));
  }

  // { take(): the promise of every local item (or rejected), once (the items are then the taker's
  // alone to keep or drop), changed(): whether local or managed storage changed since the read
  // started, stop(): removes the listener }.
  function startStorage() {
    let changed = false;
    const onChanged = (_, area) => {
      if (area === 'local' || area === 'managed') changed = true;
    };
    let items;
    try {
      chrome.storage.onChanged.addListener(onChanged);
      items = chrome.storage.local.get(null);
    } catch (e) {
      items = Promise.reject(e);
    }
    items.catch(() => {}); // content.js handles a failure; unhandled here, it would be logged twice
    return {
      take: () => {
        const p = items;
        items = null;
        return p || Promise.reject(new Error('the loader\'s storage read was taken before'));
      },
      changed: () => changed,
      stop: () => {
        try {
          chrome.storage.onChanged.removeListener(onChanged);
        } catch (_) { /* the extension was reloaded */ }
      },
    };
  }

  function start() {
    if (started) return;
    started = true;
    clearTimeout(timer);
    removeEventListener('load', onLoad);
    document.removeEventListener('DOMContentLoaded', onReady);
    const wasm = startWasm();
    const storage = startStorage();
    wasm.catch(() => {}); // content.js handles a failure; unhandled here, it would be logged twice
    Object.defineProperty(globalThis, '__hirecheckEarly', { value: Object.freeze({ wasm, storage }) });
    import(chrome.runtime.getURL('content/main.js')).catch((e) => {
      storage.stop();
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

  // In the load event: what start() begins runs in later tasks, after the load event has ended.
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
