// HireCheck content script: the manifest's match patterns, to tell whether an address is one the
// content script runs on (content/main.js imports it before content.js, in the same isolated world).
'use strict';

(() => {
  if (globalThis.__hirecheckPatterns) return;

  // The manifest's content-script match patterns (the one list of where this script runs), compiled
  // once. Used only while the wasm, which knows which of these addresses are profiles, is not there.
  let manifestPatterns = null;

  function compilePattern(pattern) {
    const m = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
    if (!m) return null;
    const [, scheme, host, path] = m;
    const glob = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return (u) => (scheme === '*' ? u.protocol === 'https:' || u.protocol === 'http:' : u.protocol === `${scheme}:`) &&
      (host === '*' || (host.startsWith('*.') ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1)) : u.hostname === host)) &&
      glob.test(u.pathname + u.search);
  }

  function manifestMatches(href) {
    if (!manifestPatterns) {
      manifestPatterns = [];
      try {
        for (const cs of chrome.runtime.getManifest().content_scripts || []) {
          const compile = (list) => (list || []).map(compilePattern).filter(Boolean);
          manifestPatterns.push({ matches: compile(cs.matches), excludes: compile(cs.exclude_matches) });
        }
      } catch (_) { /* no manifest (context gone): nothing matches */ }
    }
    let u;
    try {
      u = new URL(href);
    } catch (_) {
      return false;
    }
    return manifestPatterns.some((cs) => cs.matches.some((f) => f(u)) && !cs.excludes.some((f) => f(u)));
  }

  Object.defineProperty(globalThis, '__hirecheckPatterns', { value: Object.freeze({ compilePattern, manifestMatches }) });
})();
