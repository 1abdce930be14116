// HireCheck safe mode, Firefox: replaces the Chromium build's fallback/host.js. Firefox has no
// offscreen documents, but its MV3 background is a page with a DOM (and DOMParser), so the checker
// runs right here, in the background page.
import { checkHtml } from './checker.js';

/** Checks `request` (built and bounded by relay.js) in this page. */
export function checkInExtension(request) {
  return checkHtml(request);
}
