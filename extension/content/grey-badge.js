// HireCheck content script: the grey fallback badge, shown when the wasm could not start or the check
// failed (content/main.js imports it before content.js, in the same isolated world). Grey, text
// only, in a closed shadow root whose handle stays in this closure; the text only ever becomes text.
'use strict';

(() => {
  if (globalThis.__hirecheckGreyBadge) return;

  // ---- fallback badge (the wasm could not start or failed): grey, text only, closed shadow root ----

  let fallbackHost = null;

  function removeFallback() {
    if (fallbackHost) fallbackHost.remove();
    fallbackHost = null;
  }

  // `text` is what the badge says (content.js looks it up in the locales).
  function drawFallback(text) {
    removeFallback();
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent =
      ':host{all:initial!important;display:block!important;position:fixed!important;top:12px!important;' +
      'right:12px!important;z-index:2147483647!important;visibility:visible!important;opacity:1!important;' +
      'max-width:min(28rem,calc(100vw - 24px))!important;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif!important}' +
      '.box{display:flex;gap:8px;align-items:center;padding:6px 12px 6px 6px;border-radius:999px;' +
      'background:#4a4a4a;color:#fff;box-shadow:0 1px 3px rgba(0,0,0,.3)}' +
      '.icon{display:inline-flex;align-items:center;justify-content:center;flex:none;width:22px;height:22px;' +
      'border-radius:50%;background:#fff;color:#4a4a4a;font-weight:700}' +
      '@media (forced-colors:active){.box{border:2px solid CanvasText}}';
    const box = document.createElement('div');
    box.className = 'box';
    box.setAttribute('role', 'status');
    box.setAttribute('data-hc', 'badge');
    box.setAttribute('data-level', 'error');
    // Inside the closed root, like the wasm badge's hooks: tests time and read it; the page cannot.
    box.setAttribute('data-drawn-at', String(performance.now()));
    const icon = document.createElement('span');
    icon.className = 'icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '?';
    const summary = document.createElement('span');
    summary.setAttribute('data-hc', 'summary');
    summary.textContent = text;
    box.append(icon, summary);
    root.append(style, box);
    (document.body || document.documentElement).append(host);
    fallbackHost = host;
  }

  // Whether the grey badge is drawn and still in the document.
  function attached() {
    return Boolean(fallbackHost && fallbackHost.isConnected);
  }

  Object.defineProperty(globalThis, '__hirecheckGreyBadge', {
    value: Object.freeze({ draw: drawFallback, remove: removeFallback, attached }),
  });
})();
