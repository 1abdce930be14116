// The suite-wide record of requests: every browser that harness.startBrowser() starts, in any test
// file, appends what it sees to one JSON-lines file (harness.REQUEST_LOG), which network.test.mjs
// checks after every other test file has run. Three observers, because none sees everything:
//   - Playwright: every request of every page, frame and service worker of the profile, from the start
//     (it attaches before they run);
//   - the DevTools protocol, attached to every other target as well (extension pages, offscreen
//     documents, workers, out-of-process frames), whose `initiator` stack tells a content script's
//     request (a chrome-extension:// script on the stack) from the page's own;
//   - the test server: every host name resolves to it (--host-resolver-rules), so whatever leaves the
//     browser, from any process, ends up in its log, written when the browser closes.
// Lines: { type: "run", run, file, extensionId, dist, hosts } once a browser is up;
//        { type: "request", run, observer: "playwright" | "cdp" | "server", url, method, ... };
//        { type: "connection", run, code, message } (the server saw neither HTTP nor TLS).
import fs from 'node:fs';
import path from 'node:path';

// Targets that are the browser's own user interface, not a page or a worker.
const NOT_OBSERVED = new Set(['browser', 'browser_ui', 'tab']);
// What of a server-side request is kept: enough to recognise Chromium's own (harness.chromiumOwnRequest).
const BODY_KEPT = 4096;

/** One appender per log file; lines are written whole (O_APPEND), so test files may run in parallel. */
function appender(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return (obj) => fs.appendFileSync(file, JSON.stringify(obj) + '\n');
}

/** The distinct script addresses on a DevTools initiator stack (its async parents too). */
export function initiatorUrls(initiator) {
  const out = new Set();
  if (initiator?.url) out.add(initiator.url);
  for (let st = initiator?.stack; st; st = st.parent) {
    for (const f of st.callFrames ?? []) out.add(f.url);
  }
  return [...out];
}

/**
 * Starts recording `context`'s requests to `logFile`. `server` is the test server the browser talks to.
 * Returns { setExtension(id), listening(), stop() }: setExtension writes the run's line once the extension
 * id is known; listening() resolves once DevTools listens on every target found so far (the harness waits
 * for it before a test navigates, so that a request made at once is not missed); stop() (before the
 * browser closes) detaches and writes the server's log.
 */
export async function recordRequests({ context, server, dist, logFile }) {
  const write = appender(logFile);
  const run = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const file = path.basename(process.argv[1] ?? '?');
  const at = () => Date.now();

  // (1) Playwright.
  const onRequest = (r) => {
    let ctx;
    try {
      const sw = r.serviceWorker();
      ctx = sw ? { type: 'service_worker', url: sw.url() } : { type: 'page', url: r.frame().url() };
    } catch {
      ctx = { type: 'unknown', url: '' };
    }
    write({ type: 'request', run, observer: 'playwright', url: r.url(), method: r.method(), resourceType: r.resourceType(), context: ctx, at: at() });
  };
  context.on('request', onRequest);

  // (2) The DevTools protocol, on every target. Sessions are not flattened: Playwright owns the
  // flattened ones, and messages of a session it does not know would be dropped.
  let cdp = null;
  const targets = new Map(); // targetId -> { type, url }
  const sessions = new Map(); // sessionId -> targetId
  const replies = new Map(); // message id -> resolve, for Network.enable's answer
  const attaching = new Set(); // attach() calls not yet done
  let nextId = 1;
  const ENABLE_WAIT_MS = 3000; // a target that never answers (it went away) is not waited for longer
  const attachOnce = async (info) => {
    if (NOT_OBSERVED.has(info.type) || targets.has(info.targetId)) return;
    targets.set(info.targetId, { type: info.type, url: info.url });
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
      sessions.set(sessionId, info.targetId);
      const id = nextId++;
      // Listening only once the target has answered Network.enable, not when the message was sent.
      const answered = new Promise((resolve) => {
        replies.set(id, resolve);
        setTimeout(resolve, ENABLE_WAIT_MS);
      });
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Network.enable' }) });
      await answered;
      replies.delete(id);
    } catch {
      // The target went away before we could attach: Playwright and the server still saw its requests.
    }
  };
  const attach = (info) => {
    const done = attachOnce(info);
    attaching.add(done);
    done.finally(() => attaching.delete(done));
    return done;
  };
  try {
    cdp = await context.browser().newBrowserCDPSession();
    cdp.on('Target.targetCreated', ({ targetInfo }) => { attach(targetInfo); });
    cdp.on('Target.targetInfoChanged', ({ targetInfo }) => {
      const t = targets.get(targetInfo.targetId);
      if (t) t.url = targetInfo.url;
    });
    cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
      let m;
      try { m = JSON.parse(message); } catch { return; }
      if (m.id !== undefined && replies.has(m.id)) replies.get(m.id)();
      if (m.method !== 'Network.requestWillBeSent') return;
      const t = targets.get(sessions.get(sessionId)) ?? { type: 'unknown', url: '' };
      const p = m.params;
      write({
        type: 'request', run, observer: 'cdp', url: p.request.url, method: p.request.method, resourceType: p.type ?? null,
        context: { type: t.type, url: t.url }, initiator: initiatorUrls(p.initiator), at: at(),
      });
    });
    await cdp.send('Target.setDiscoverTargets', { discover: true });
  } catch (e) {
    write({ type: 'note', run, file, message: `the DevTools observer could not start: ${e.message}` });
  }

  return {
    run,
    async listening() {
      while (attaching.size) await Promise.allSettled([...attaching]);
    },
    setExtension(extensionId) {
      write({ type: 'run', run, file, extensionId, dist: path.resolve(dist), hosts: [...new Set(server.routes.map((r) => r.host))], at: at() });
    },
    async stop() {
      context.off('request', onRequest);
      if (cdp) await cdp.detach().catch(() => {});
      for (const e of server.log) {
        write({
          type: 'request', run, observer: 'server', scheme: e.scheme, method: e.method, host: e.host, path: e.path, url: e.url,
          status: e.status ?? null, headers: e.headers, body: String(e.body ?? '').slice(0, BODY_KEPT), at: e.at,
        });
      }
      for (const o of server.other) write({ type: 'connection', run, code: o.code ?? null, message: o.message ?? '' });
    },
  };
}
