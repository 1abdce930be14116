// HireCheck content script: whether the page covers or hides an element (the badge's host), by one
// hit test (content/main.js imports it before content.js, in the same isolated world). Pure: it
// only looks; content.js decides what a cover means and how often to look.
'use strict';

(() => {
  if (globalThis.__hirecheckCover) return;

  // A fixed or sticky strip along the top or bottom edge (a site's own header or cookie bar) that the
  // reader scrolled the badge under: not the page hiding it.
  function isEdgeBar(el) {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const pos = getComputedStyle(e).position;
      if (pos !== 'fixed' && pos !== 'sticky') continue;
      const b = e.getBoundingClientRect();
      return b.height < innerHeight / 3 && (b.top <= 0 || b.bottom >= innerHeight);
    }
    return false;
  }

  // true: the page hides or covers the badge; false: the reader can see it; null: cannot tell (it is
  // scrolled out of view). A hit inside our closed shadow root is reported as the host itself.
  function coverState(host) {
    if (typeof host.checkVisibility === 'function'
      && !host.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) return true;
    const r = host.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return true;
    const y = r.top + r.height / 2;
    if (y < 0 || y >= innerHeight) return null;
    let looked = false;
    for (const x of [r.left + 8, r.left + r.width / 2, r.right - 8]) {
      if (x < 0 || x >= innerWidth) continue;
      looked = true;
      const hit = document.elementFromPoint(x, y);
      if (hit && hit !== host && !isEdgeBar(hit)) return true;
    }
    return looked ? false : null;
  }

  Object.defineProperty(globalThis, '__hirecheckCover', { value: Object.freeze({ coverState, isEdgeBar }) });
})();
