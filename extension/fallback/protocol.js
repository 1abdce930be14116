// HireCheck safe mode: what the service worker (fallback/relay.js) and the offscreen document
// (offscreen.js) agree on. The content script keeps its own copy of
// CHECK_HTML and MAX_HTML_CHARS (extension/fallback/request.js).

export const CHECK_HTML = 'hirecheck:check-html'; // the port's name: content script -> service worker
export const OFFSCREEN_TARGET = 'hirecheck:offscreen'; // service worker -> offscreen document
// A page's serialized HTML beyond this many characters is not checked (a grey badge says so):
// extension messages are copied between processes, and a real profile page is far smaller.
export const MAX_HTML_CHARS = 15 * 1024 * 1024;
