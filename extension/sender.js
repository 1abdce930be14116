// What the service worker's listeners (background.js, fallback/relay.js) may believe of a message
// from a content script, which runs in a page we do not trust.

/**
 * The page's address as the content script saw it (it follows in-page navigation, which sender.url
 * does not), accepted only on the origin the browser says the message came from; else sender.url.
 */
export function sourceUrl(claimed, senderUrl) {
  try {
    const c = new URL(String(claimed));
    if (c.origin === new URL(String(senderUrl)).origin) return c.href;
  } catch (_) { /* fall through */ }
  return String(senderUrl || '');
}
