// HireCheck safe mode: the checker (ES module, extension pages only).
//
// Runs the wasm core's check_html on a page's HTML. Used where a page's Content-Security-Policy keeps
// the wasm out of the content script: in Chromium by the offscreen document (offscreen.js), in Firefox
// by the background page itself (fallback/relay.js). Both are extension pages: their own CSP allows
// 'wasm-unsafe-eval', and they have DOMParser, which check_html uses to build an inert document (no
// page script runs, nothing loads). Each site's wasm module (wasm/sites.js picks it from the page's
// address) is loaded once, on its first check, from the package. No network requests.
import { GLUE_PER_MODULE, moduleForUrl } from '../wasm/sites.js';

const cores = new Map(); // module name -> a promise of that wasm module's exports

// The glue keeps its instance in module state, so each wasm module gets its own copy of the glue
// module: the same packaged file, imported under its own URL (wasm/sites.js: "hirecheck.js?<name>").
function load(site) {
  let core = cores.get(site);
  if (!core) {
    core = GLUE_PER_MODULE[site]().then(async (mod) => {
      await mod.default({ module_or_path: chrome.runtime.getURL(`wasm/${site}.wasm`) });
      return mod;
    });
    cores.set(site, core);
    core.catch(() => { cores.delete(site); }); // a later check tries again
  }
  return core;
}

/**
 * Checks one page. `req`: { html, url, policy, lang, now, answers, recall } as the content script sent them
 * (the relay has checked who sent them and their size). Resolves to { report, supported }: the
 * report (a plain object), and whether HireCheck reads pages at that address at all (the content
 * script, without the core, knows only the manifest's broader matches).
 */
export async function checkHtml(req) {
  const site = moduleForUrl(String(req.url));
  // An address of no site: nothing reads it (the content script runs only on the sites' hosts).
  if (!site) throw new Error('HireCheck does not read pages at this address');
  const mod = await load(site);
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
