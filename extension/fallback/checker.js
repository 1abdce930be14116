// HireCheck safe mode: the checker (ES module, extension pages only).
//
// Runs the wasm core's check_html on a page's HTML. Used where a page's Content-Security-Policy keeps
// the wasm out of the content script: in Chromium by the offscreen document (offscreen.js), in Firefox
// by the background page itself (fallback/relay.js). Both are extension pages: their own CSP allows
// 'wasm-unsafe-eval', and they have DOMParser, which check_html uses to build an inert document (no
// page script runs, nothing loads). The wasm is loaded once, on the first check, from the package.
// No network requests.

let core = null; // a promise of the wasm module's exports

function load() {
  core ??= import(chrome.runtime.getURL('wasm/hirecheck.js')).then(async (mod) => {
    await mod.default({ module_or_path: chrome.runtime.getURL('wasm/hirecheck_bg.wasm') });
    return mod;
  });
  core.catch(() => { core = null; }); // a later check tries again
  return core;
}

/**
 * Checks one page. `req`: { html, url, policy, lang, now, answers, recall } as the content script sent them
 * (the relay has checked who sent them and their size). Resolves to { report, supported }: the
 * report (a plain object), and whether HireCheck reads pages at that address at all (the content
 * script, without the core, knows only the manifest's broader matches).
 */
export async function checkHtml(req) {
  const mod = await load();
  const supported = mod.supported_url(String(req.url));
  const report = mod.check_html(
    String(req.html),
    String(req.url),
    req.policy ?? undefined, // read by the same helper as check_page's (src/web/mod.rs)
    typeof req.lang === 'string' ? req.lang : 'en',
    Number(req.now) || Date.now(),
    req.answers ?? undefined,
    req.recall ?? undefined,
  );
  return { report, supported };
}
